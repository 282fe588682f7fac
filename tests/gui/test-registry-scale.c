/* test-registry-scale.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a registry of 100 000 hubs (400 under a wrapper): it
 * opens with them all counted, searches, sorts and scrolls to the last
 * hub, which is then on screen.
 */

#include "config.h"

#include <string.h>

#include "gui-test-utils.h"
#include "gui-test-views.h"
#include "test-utils.h"
#include "l4a-application.h"
#include "l4a-cell-text.h"
#include "l4a-hub.h"
#include "l4a-hub-query.h"
#include "l4a-hubs-view.h"
#include "l4a-window.h"
#include "l4a-reference.h"
#include "l4a-map-view.h"
#include "l4a-proposal.h"
#include "l4a-proposals-view.h"
#include "l4a-window-private.h"

static char *tmpdir;
static char *path;
static guint n_hubs;

static GtkWidget *
child_of (GtkWidget  *hubs,
          const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (hubs, L4A_TYPE_HUBS_VIEW, name));
}

/* A label (or a table's cell) showing @text, mapped, under @widget. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  if (L4A_IS_CELL_TEXT (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (l4a_cell_text_get_text (L4A_CELL_TEXT (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} Shown;

static gboolean
label_shown (gpointer data)
{
  Shown *shown = data;

  return shows_label (shown->widget, shown->text);
}

/* The first frame that paints the registry loaded: how many rows of the
 * table exist, and whether they reach the bottom of what it shows. */
typedef struct
{
  L4aWindow *window;
  gboolean   painted;
  guint      rows;
  double     rows_bottom;
  int        height;
} FirstFrame;

static void
first_paint_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (first->window), L4A_TYPE_WINDOW,
                                                                "stack"));
  GtkWidget *hubs = adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));
  GtkWidget *scroller, *list;
  gboolean loading = TRUE;

  if (!L4A_IS_HUBS_VIEW (hubs))
    return;
  g_object_get (hubs, "loading", &loading, NULL);
  if (loading)
    return;
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, first);
  first->painted = TRUE;
  scroller = child_of (hubs, "table_scroller");
  first->height = gtk_widget_get_height (scroller);
  /* the column view's list, after its header */
  list = gtk_widget_get_last_child (child_of (hubs, "column_view"));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_child_visible (row) || !gtk_widget_compute_bounds (row, scroller, &bounds))
        continue;
      first->rows++;
      first->rows_bottom = MAX (first->rows_bottom, bounds.origin.y + bounds.size.height);
    }
}

static void
test_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aApplication) app = l4a_application_new (path);
  g_autofree char *count = NULL;
  g_autofree char *last_name = NULL;
  g_autoptr(L4aHub) chosen = NULL;
  GtkSelectionModel *rows;
  L4aWindow *window;
  GtkWidget *hubs;
  L4aHubQuery *shown;
  GtkAdjustment *adjustment;
  FirstFrame first_frame = { 0 };
  gint64 found;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_application_open_store (app, &error));
  g_assert_no_error (error);
  window = l4a_window_new (app);
  first_frame.window = window;
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (first_paint_cb),
                    &first_frame);
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.3);
  hubs = l4a_test_show_view (window, "hubs");
  shown = l4a_hubs_view_get_visible (L4A_HUBS_VIEW (hubs));

  /* the first frame painted the rows the table shows, to its bottom, and
   * not the 200 a list keeps (made in the frames after) */
  g_assert_true (first_frame.painted);
  g_assert_cmpint (first_frame.height, >, 100);
  g_assert_cmpuint (first_frame.rows, >, 0);
  g_assert_cmpuint (first_frame.rows, <, 100);
  g_assert_cmpfloat (first_frame.rows_bottom, >=, first_frame.height);

  /* every hub counted, the first ones on screen */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n_hubs);
  count = g_strdup_printf ("%'u hubs", n_hubs);
  g_assert_cmpstr (l4a_test_hubs_count_text (L4A_HUBS_VIEW (hubs)), ==, count);
  {
    g_autoptr(L4aHub) first = g_list_model_get_item (G_LIST_MODEL (shown), 0);
    Shown first_shown = { child_of (hubs, "column_view"), l4a_hub_get_name (first) };

    l4a_test_wait_until (label_shown, &first_shown, 30, "the first hub on screen");
  }

  /* a search: as many hubs as the full-text index finds */
  l4a_test_hubs_search (L4A_HUBS_VIEW (hubs), "evora");
  found = l4a_test_sql_int (path, "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH '\"evora\"*'");
  g_assert_cmpint (found, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, (guint) found);
  for (guint i = 0; i < MIN (found, 30); i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (G_LIST_MODEL (shown), i);

      g_assert_nonnull (strstr (l4a_hub_get_name (hub), "vora"));
    }
  l4a_test_hubs_search (L4A_HUBS_VIEW (hubs), "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, n_hubs);

  /* a sort: by time frame, latest first; a chosen row stays chosen
   * wherever the new order puts it */
  rows = gtk_column_view_get_model (GTK_COLUMN_VIEW (child_of (hubs, "column_view")));
  g_assert_true (gtk_selection_model_select_item (rows, 5, TRUE));
  chosen = g_list_model_get_item (G_LIST_MODEL (rows), 5);
  l4a_test_hubs_sort (L4A_HUBS_VIEW (hubs), L4A_HUB_SORT_TIME_FRAME, TRUE);
  l4a_test_iterate (0.1);
  g_assert_cmpuint (l4a_hub_query_get_sort_key (shown), ==, L4A_HUB_SORT_TIME_FRAME);
  {
    L4aHub *selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows));
    guint at = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows));
    g_autoptr(L4aHub) there = g_list_model_get_item (G_LIST_MODEL (shown), at);

    g_assert_nonnull (selected);
    g_assert_cmpstr (l4a_hub_get_id (selected), ==, l4a_hub_get_id (chosen));
    g_assert_cmpstr (l4a_hub_get_id (there), ==, l4a_hub_get_id (chosen));
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), GTK_INVALID_LIST_POSITION);
  }
  {
    g_autoptr(L4aHub) first = g_list_model_get_item (G_LIST_MODEL (shown), 0);
    g_autoptr(L4aHub) last = g_list_model_get_item (G_LIST_MODEL (shown), n_hubs - 1);
    g_autofree char *latest = l4a_test_sql_text (path, "SELECT max (start_on) FROM hub");
    g_autofree char *earliest = l4a_test_sql_text (path, "SELECT min (start_on) FROM hub");

    g_assert_cmpstr (l4a_hub_get_start (first), ==, latest);
    g_assert_cmpstr (l4a_hub_get_start (last), ==, earliest);
  }
  l4a_test_hubs_sort (L4A_HUBS_VIEW (hubs), L4A_HUB_SORT_NAME, FALSE);
  l4a_test_iterate (0.1);

  /* scrolled to the end, the last hub is on screen */
  {
    g_autoptr(L4aHub) last = g_list_model_get_item (G_LIST_MODEL (shown), n_hubs - 1);
    Shown last_shown = { child_of (hubs, "column_view"), NULL };

    last_name = g_strdup (l4a_hub_get_name (last));
    last_shown.text = last_name;
    g_assert_false (shows_label (last_shown.widget, last_name));
    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (child_of (hubs, "column_view")));
    for (guint step = 0; step < 50 && !label_shown (&last_shown); step++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                              gtk_adjustment_get_page_size (adjustment));
        l4a_test_iterate (0.1);
      }
    l4a_test_wait_until (label_shown, &last_shown, 30, "the last hub on screen");
  }

  /* the map: a marker per lead government, grouped where they would
   * overlap, every hub counted */
  {
    L4aMapView *map = L4A_MAP_VIEW (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "map_view"));
    g_autofree char *governments = NULL;
    guint n_places, total = 0;
    const L4aReferenceEntry *countries;
    guint n_countries;

    l4a_test_hubs_show_map (L4A_HUBS_VIEW (hubs), TRUE);
    l4a_test_iterate (0.5);
    /* governments with no place in countries too small for the world map
     * are not drawn, and the hubs view says how many hubs that leaves out */
    n_places = (guint) l4a_test_sql_int (path, "SELECT count(DISTINCT government_id) FROM hub");
    g_assert_cmpuint (l4a_map_view_get_n_places (map), <=, n_places);
    g_assert_cmpuint (l4a_map_view_get_n_places (map), >, n_places / 2);
    g_assert_cmpuint (l4a_map_view_get_n_markers (map), <, l4a_map_view_get_n_places (map));
    countries = l4a_reference_entries (L4A_REFERENCE_COUNTRIES, &n_countries);
    for (guint i = 0; i < n_countries; i++)
      total += l4a_map_view_get_marker_count (map, countries[i].code);
    g_assert_cmpuint (total + l4a_map_view_get_n_unplaced (map), ==, n_hubs);
    if (l4a_map_view_get_n_unplaced (map) > 0)
      {
        g_autofree char *said = g_strdup_printf ("%'u hub", l4a_map_view_get_n_unplaced (map));
        GtkLabel *unplaced = GTK_LABEL (child_of (hubs, "unplaced_label"));

        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (unplaced)));
        g_assert_true (g_str_has_prefix (gtk_label_get_label (unplaced), said));
      }
    l4a_test_hubs_show_map (L4A_HUBS_VIEW (hubs), FALSE);
  }

  /* the proposals, as many as hubs: counted, the first on screen, searched
   * by the full-text index, the last on screen once scrolled to */
  {
    GtkWidget *proposals = l4a_test_show_view (window, "proposals");
    GtkWidget *table = L4A_TEST_CHILD (proposals, L4A_TYPE_PROPOSALS_VIEW, "column_view");
    GtkLabel *counted = GTK_LABEL (L4A_TEST_CHILD (proposals, L4A_TYPE_PROPOSALS_VIEW, "count_label"));
    GtkEditable *search = GTK_EDITABLE (L4A_TEST_CHILD (proposals, L4A_TYPE_PROPOSALS_VIEW, "search_entry"));
    GListModel *listed = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
    g_autofree char *all = g_strdup_printf ("%'u proposals", n_hubs);
    g_autofree char *first_title = l4a_test_sql_text (path, "SELECT r.title FROM proposal r JOIN call c ON "
                                                            "c.id = r.call_id ORDER BY c.opens_on DESC, "
                                                            "r.title COLLATE NOCASE, r.id LIMIT 1");
    g_autofree char *last_title = l4a_test_sql_text (path, "SELECT r.title FROM proposal r JOIN call c ON "
                                                           "c.id = r.call_id ORDER BY c.opens_on, "
                                                           "r.title COLLATE NOCASE DESC, r.id DESC LIMIT 1");
    Shown first_shown = { table, first_title };
    Shown last_shown = { table, last_title };
    gint64 matching = l4a_test_sql_int (path, "SELECT count(*) FROM proposal_fts WHERE proposal_fts MATCH "
                                              "'\"evora\"*'");

    l4a_test_iterate (0.3);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n_hubs);
    g_assert_cmpstr (gtk_label_get_label (counted), ==, all);
    l4a_test_wait_until (label_shown, &first_shown, 30, "the first proposal on screen");

    g_assert_cmpint (matching, >, 0);
    gtk_editable_set_text (search, "evora");
    l4a_test_iterate (0.5);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, (guint) matching);
    for (guint i = 0; i < MIN (matching, 30); i++)
      {
        g_autoptr(L4aProposal) proposal = g_list_model_get_item (listed, i);

        g_assert_nonnull (strstr (l4a_proposal_get_title (proposal), "vora"));
      }
    gtk_editable_set_text (search, "");
    l4a_test_iterate (0.5);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n_hubs);

    g_assert_false (shows_label (table, last_title));
    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
    for (guint step = 0; step < 50 && !label_shown (&last_shown); step++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                              gtk_adjustment_get_page_size (adjustment));
        l4a_test_iterate (0.1);
      }
    l4a_test_wait_until (label_shown, &last_shown, 30, "the last proposal on screen");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *wrapper = g_getenv ("L4A_GUI_WRAPPER");
  int status;

  g_test_init (&argc, &argv, NULL);
  l4a_test_backtrace_on_crash ();
  /* under a wrapper (valgrind leaves this test out, see tests/meson.build), a
   * registry that is still several screens long (and as many proposals) */
  n_hubs = wrapper != NULL && *wrapper != '\0' ? 400 : 100000;
  tmpdir = g_dir_make_tmp ("l4a-scale-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "hubs.sqlite", NULL);
  {
    g_autoptr(L4aStore) store = l4a_store_open (path, &error);

    g_assert_no_error (error);
  }
  l4a_test_generate_registry (path, n_hubs);
  /* a proposal for each hub, over three calls, named as its hub */
  l4a_test_sql_exec (path,
                     "INSERT INTO call (id, title, opens_on, closes_on, status, created_at, updated_at, origin) "
                     "VALUES ('call-1', 'Call one', '2024-01-10', '2024-03-31', 'closed', '2026-01-01T00:00:00Z', "
                     "'2026-01-01T00:00:00Z', 'test'), ('call-2', 'Call two', '2025-01-10', '2025-03-31', 'closed', "
                     "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test'), ('call-3', 'Call three', "
                     "'2026-01-10', '2026-03-31', 'decided', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test');"
                     "INSERT INTO proposal (id, call_id, government_id, title, state, created_at, updated_at, origin) "
                     "SELECT 'prop-' || substr (id, 5), 'call-' || (1 + num % 3), government_id, name || ' proposal', "
                     "'submitted', created_at, updated_at, origin FROM hub;");

  g_test_add_func ("/gui/registry/scale", test_scale);
  status = g_test_run ();

  l4a_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (path);
  return status;
}
