/* gui-test-views.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* How the GUI tests reach the window's views: by the window's actions, the
 * views' actions, properties and the controls their templates name, as a
 * user or an assistive technology does; no function of a view's exists for
 * the tests alone. */

#include "gui-test-utils.h"
#include "l4a-hub-filter.h"
#include "l4a-hubs-view.h"
#include "l4a-window.h"

G_BEGIN_DECLS

#define L4A_TEST_CHILD(widget, type, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name))

/* The name of the page @stack_id of @widget's template shows. */
static inline const char *
l4a_test_page_of (gpointer    widget,
                  GType       type,
                  const char *stack_id)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (L4A_TEST_CHILD (widget, type, stack_id)));
}

/* The shown top-level window of @type (titled @title, if given), or NULL. */
static inline GtkWindow *
l4a_test_find_toplevel (GType       type,
                        const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (title == NULL || g_strcmp0 (gtk_window_get_title (window), title) == 0))
        return window;
    }
  return NULL;
}

/* Activates @action from @widget and returns the window it opened, of
 * @type (titled @title, if given). */
static inline GtkWindow *
l4a_test_open_window (gpointer    widget,
                      const char *action,
                      GType       type,
                      const char *title)
{
  l4a_test_activate (GTK_WIDGET (widget), action, NULL);
  return l4a_test_find_toplevel (type, title);
}

/* How many rows @list_box has. */
static inline guint
l4a_test_n_rows (GtkWidget *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), (int) n) != NULL)
    n++;
  return n;
}

/* Shows the view called @name (as the view switcher does) and returns it. */
static inline GtkWidget *
l4a_test_show_view (gpointer    window,
                    const char *name)
{
  GtkWidget *stack = L4A_TEST_CHILD (window, L4A_TYPE_WINDOW, "stack");
  GtkWidget *page;

  l4a_test_activate (GTK_WIDGET (window), "win.show-view", "s", name);
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name);
  g_assert_nonnull (page);
  /* the views built when first shown are in a page of their own */
  if (G_OBJECT_TYPE (page) == ADW_TYPE_BIN)
    page = adw_bin_get_child (ADW_BIN (page));
  g_assert_nonnull (page);
  return page;
}

static inline const char *
l4a_test_visible_view (gpointer window)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (L4A_TEST_CHILD (window, L4A_TYPE_WINDOW, "stack")));
}

static inline gboolean
l4a_test_sample_banner_shown (gpointer window)
{
  GtkWidget *banner = L4A_TEST_CHILD (window, L4A_TYPE_WINDOW, "sample_banner");

  return gtk_widget_get_visible (banner) && gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

/* Chooses, in @row (a combo row of the registry's hubs), the hub @id. */
static inline gboolean
l4a_test_choose_hub (GtkWidget  *row,
                     const char *id)
{
  GListModel *hubs = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; hubs != NULL && i < g_list_model_get_n_items (hubs); i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);

      if (g_strcmp0 (l4a_hub_get_id (hub), id) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Every widget of @type under @root, depth first (as they are laid out). */
static inline void
l4a_test_collect_type (GtkWidget *root,
                       GType      type,
                       GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      l4a_test_collect_type (child, type, found);
    }
}

/* The Hubs view ----------------------------------------------------------- */

static inline gboolean
l4a_test_hubs_loading (gpointer hubs)
{
  gboolean loading;

  g_object_get (hubs, "loading", &loading, NULL);
  return loading;
}

static inline gboolean
l4a_test_hubs_loaded (gpointer hubs)
{
  return !l4a_test_hubs_loading (hubs);
}

/* The view's filters, until the next call. */
static inline const L4aHubFilter *
l4a_test_hubs_filter (gpointer hubs)
{
  static L4aHubFilter *last;

  g_clear_pointer (&last, l4a_hub_filter_free);
  g_object_get (hubs, "filter", &last, NULL);
  return last;
}

typedef struct {
  gpointer    hubs;
  const char *text;
} L4aTestSearch;

static inline gboolean
l4a_test_search_done (gpointer data)
{
  L4aTestSearch *search = data;
  const char *searched = l4a_test_hubs_filter (search->hubs)->search;

  return g_strcmp0 (searched ? searched : "", search->text) == 0;
}

/* Types @text in the search entry and waits for the list to follow it. */
static inline void
l4a_test_hubs_search (gpointer    hubs,
                      const char *text)
{
  L4aTestSearch search = { hubs, text };

  gtk_editable_set_text (GTK_EDITABLE (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "search_entry")), text);
  l4a_test_wait_until (l4a_test_search_done, &search, 10, "the search to be done");
}

static inline const char *
l4a_test_hubs_count_text (gpointer hubs)
{
  return gtk_label_get_label (GTK_LABEL (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "count_label")));
}

static inline guint
l4a_test_hubs_n_chips (gpointer hubs)
{
  return l4a_test_count_children (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "chips_box"));
}

/* Clicks the close button of the @index-th filter chip; FALSE if none. */
static inline gboolean
l4a_test_hubs_remove_chip (gpointer hubs,
                           guint    index)
{
  GtkFlowBox *chips = GTK_FLOW_BOX (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "chips_box"));
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (chips, (int) index);
  GtkWidget *close;

  if (child == NULL)
    return FALSE;
  close = l4a_test_find_type (gtk_flow_box_child_get_child (child), GTK_TYPE_BUTTON);
  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");
  return TRUE;
}

/* The id of the hub whose page is shown (until the next call), or NULL. */
static inline const char *
l4a_test_hubs_open_hub (gpointer hubs)
{
  static char *last;

  g_clear_pointer (&last, g_free);
  g_object_get (hubs, "open-hub", &last, NULL);
  return last;
}

/* Opens hub @id's page; FALSE if it is not there to open. */
static inline gboolean
l4a_test_hubs_open (gpointer    hubs,
                    const char *id)
{
  l4a_test_activate (GTK_WIDGET (hubs), "hubs.open-hub", "s", id);
  return g_strcmp0 (l4a_test_hubs_open_hub (hubs), id) == 0;
}

static inline void
l4a_test_hubs_show_registry (gpointer hubs)
{
  l4a_test_activate (GTK_WIDGET (hubs), "hubs.show-registry", NULL);
}

/* Sorts the table by the column of @key, as a click on its header does. */
static inline void
l4a_test_hubs_sort (gpointer      hubs,
                    L4aHubSortKey key,
                    gboolean      descending)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "column_view"));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), key);

  gtk_column_view_sort_by_column (table, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static inline void
l4a_test_hubs_show_map (gpointer hubs,
                        gboolean show)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "map_button")), show);
}

G_END_DECLS
