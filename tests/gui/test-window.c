/* test-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "l4a-adaptive-split.h"
#include "l4a-proposal-document.h"
#include "l4a-score-row.h"
#include "l4a-cell-text.h"
#include "l4a-sdg-chips.h"
#include "l4a-sdg-picker.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "gui-test-utils.h"
#include "gui-test-views.h"
#include "test-utils.h"
#include "trust-test-utils.h"
#include "l4a-application.h"
#include "l4a-bundle.h"
#include "l4a-calls-window.h"
#include "l4a-governments-window.h"
#include "l4a-keys-group.h"
#include "l4a-hub.h"
#include "l4a-government.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-query.h"
#include "l4a-government-row.h"
#include "l4a-hub-editor.h"
#include "l4a-hub-page.h"
#include "l4a-hubs-view.h"
#include "l4a-map-view.h"
#include "l4a-measurements-window.h"
#include "l4a-proposal-editor.h"
#include "l4a-proposals-view.h"
#include "l4a-members-window.h"
#include "l4a-review.h"
#include "l4a-review-window.h"
#include "l4a-reviews-view.h"
#include <sqlite3.h>
#include "l4a-export-window.h"
#include "l4a-accessible.h"
#include "l4a-audit-window.h"
#include "l4a-letter-export.h"
#include "l4a-publish-window.h"
#include "l4a-import.h"
#include "l4a-import-window.h"
#include "l4a-store-private.h"
#include "l4a-indicators-view.h"
#include "l4a-chart-card.h"
#include "l4a-ticks.h"
#include "l4a-brand-view.h"
#include "l4a-brand.h"
#include "l4a-sample.h"
#include "l4a-preferences-window.h"
#include "l4a-window.h"
#include "l4a-choice-row.h"
#include "l4a-expertise-dialog.h"
#include "l4a-monitoring-dialogs.h"
#include "l4a-reports.h"
#include "l4a-labels.h"
#include "l4a-window-private.h"
#include "l4a-store-private.h"

static char *tmpdir;
static L4aApplication *app;

static gboolean
hubs_loaded (gpointer data)
{
  return !l4a_test_hubs_loading (data);
}

/* The tests share one application and its database, in the order they are
 * added: the first ones see it empty, the later ones with sample data. */
static L4aWindow *
open_window (void)
{
  g_autoptr(GError) error = NULL;
  L4aWindow *window;

  g_assert_true (l4a_application_open_store (app, &error));
  g_assert_no_error (error);
  window = l4a_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  /* without showing it: each role opens on its home view */
  l4a_test_wait_until (hubs_loaded, L4A_TEST_CHILD (window, L4A_TYPE_WINDOW, "hubs_view"), 30, "the hubs to load");
  l4a_test_iterate (0.2);
  return window;
}


static void
test_window_opens (void)
{
  L4aWindow *window = open_window ();
  GtkWidget *hubs = l4a_test_show_view (window, "hubs");
  GtkWidget *stack;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Local4Action Hubs");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (l4a_test_visible_view (window), ==, "hubs");
  g_assert_true (L4A_IS_HUBS_VIEW (hubs));

  /* On an empty database the Hubs view offers the sample data. */
  stack = GTK_WIDGET (gtk_widget_get_template_child (hubs, L4A_TYPE_HUBS_VIEW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (GTK_STACK (stack))));
  g_assert_cmpuint (g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app))), ==, 0);
  g_assert_false (l4a_test_sample_banner_shown (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_switch_views (void)
{
  L4aWindow *window = open_window ();
  static const char * const names[] = { "proposals", "reviews", "indicators", "brand-kit", "hubs" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", names[i]));
      l4a_test_iterate (0.05);
      g_assert_cmpstr (l4a_test_visible_view (window), ==, names[i]);
      g_assert_true (gtk_widget_get_mapped (l4a_test_show_view (window, names[i])));
    }

  /* An unknown name leaves the view as it is. */
  l4a_window_show_view (window, "nowhere");
  g_assert_cmpstr (l4a_test_visible_view (window), ==, "hubs");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_load_sample (void)
{
  L4aWindow *window = open_window ();
  GtkWidget *hubs = l4a_test_show_view (window, "hubs");
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (hubs, L4A_TYPE_HUBS_VIEW, "stack"));
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (hubs, L4A_TYPE_HUBS_VIEW, "sample_button"));
  GListModel *model = l4a_context_get_hubs (l4a_application_get_context (app));

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Load Sample Data");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (l4a_test_hubs_loading (L4A_HUBS_VIEW (hubs)));
  l4a_test_wait_until (hubs_loaded, hubs, 30, "the sample data to load");
  l4a_test_iterate (0.3);

  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 12);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "registry");
  g_assert_true (l4a_test_sample_banner_shown (window));

  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window on the same database shows the hubs at once. */
  window = open_window ();
  hubs = l4a_test_show_view (window, "hubs");
  g_assert_cmpuint (g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app))), >=, 12);
  g_assert_true (l4a_test_sample_banner_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_role (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  L4aPreferencesWindow *prefs;
  GtkWidget *role_row, *identity_row, *style_row;
  g_autoptr(GSettings) other = NULL;
  g_autofree char *role = NULL;
  g_autofree char *identity = NULL;
  GListModel *identities;

  g_settings_set_string (settings, "role", "secretariat");
  prefs = l4a_preferences_window_new (settings, store);
  gtk_window_present (GTK_WINDOW (prefs));
  l4a_test_iterate (0.1);

  role_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), L4A_TYPE_PREFERENCES_WINDOW, "role_row"));
  identity_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), L4A_TYPE_PREFERENCES_WINDOW, "identity_row"));
  style_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), L4A_TYPE_PREFERENCES_WINDOW, "style_row"));
  g_assert_false (gtk_widget_get_visible (identity_row));

  /* Local government: the identity lists the governments of the database. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), 2);
  g_assert_true (gtk_widget_get_visible (identity_row));
  identities = adw_combo_row_get_model (ADW_COMBO_ROW (identity_row));
  g_assert_cmpuint (g_list_model_get_n_items (identities), >=, 12);
  adw_combo_row_set_selected (ADW_COMBO_ROW (identity_row), 0);

  /* Persisted: a new settings object reads the role and identity back, and
   * the store acts with them. */
  other = g_settings_new (APP_ID);
  role = g_settings_get_string (other, "role");
  identity = g_settings_get_string (other, "identity");
  g_assert_cmpstr (role, ==, "government");
  g_assert_true (g_uuid_string_is_valid (identity));
  g_assert_cmpint (l4a_store_get_role (store), ==, L4A_ROLE_GOVERNMENT);
  g_assert_cmpstr (l4a_store_get_identity (store), ==, identity);

  /* Style follows the preference. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  l4a_test_iterate (0.05);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 1);
  l4a_test_iterate (0.05);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  /* Back to the secretariat: no identity. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), 0);
  g_clear_pointer (&identity, g_free);
  identity = g_settings_get_string (other, "identity");
  g_assert_cmpstr (identity, ==, "");
  g_assert_cmpint (l4a_store_get_role (store), ==, L4A_ROLE_SECRETARIAT);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static GtkWindow *
find_toplevel (GType type)
{
  return l4a_test_find_toplevel (type, NULL);
}

/* The message dialog on screen with @heading, or NULL. */
static void answer_dialog (const char *heading,
                           const char *response);

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_about_and_shortcuts (void)
{
  L4aWindow *window = open_window ();
  GtkWindow *about, *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  l4a_test_iterate (0.2);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Local4Action Hubs");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);

  /* the shortcuts window is built when first asked for, not with the
   * window; then it is the window's help overlay, shown again when asked */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  l4a_test_iterate (0.2);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) == shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (shortcuts));
  gtk_window_close (shortcuts);
  l4a_test_iterate (0.2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  l4a_test_iterate (0.2);
  g_assert_true (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  l4a_test_iterate (0.2);
  g_assert_nonnull (find_toplevel (L4A_TYPE_PREFERENCES_WINDOW));
  gtk_window_destroy (find_toplevel (L4A_TYPE_PREFERENCES_WINDOW));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_persists (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = open_window ();
  {
    int w, h;
    gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
    g_assert_cmpint (w, ==, 900);
    g_assert_cmpint (h, ==, 640);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_close (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* How many view switcher buttons @switcher shows */
static guint
n_switcher_buttons (AdwViewSwitcher *switcher)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (switcher)); child;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_visible (child) && GTK_IS_TOGGLE_BUTTON (child);
  return n;
}

/* What the header shows at @width: the wide switcher, the narrow one or the
 * title (then with the bar revealed at the bottom); never a switcher
 * without its buttons. */
static GtkWidget *
header_at (L4aWindow *window,
           int        width)
{
  GtkWidget *shown;

  /* (a window made narrower keeps the width the identity button needed
   * until the button follows the header: what it shows there is checked) */
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  l4a_test_iterate (0.5);
  shown = adw_squeezer_get_visible_child (window->title_squeezer);
  if (ADW_IS_VIEW_SWITCHER (shown))
    g_assert_cmpuint (n_switcher_buttons (ADW_VIEW_SWITCHER (shown)), ==, 5);
  /* the bar once the title shows, with every view; not otherwise */
  g_assert_true (adw_view_switcher_bar_get_reveal (window->switcher_bar) == (shown == GTK_WIDGET (window->window_title)));
  g_assert_true (adw_view_switcher_bar_get_stack (window->switcher_bar) == window->stack);
  /* the identity button beside a switcher; under the title on a narrow one */
  g_assert_true (gtk_widget_get_visible (window->identity_button) == (shown != GTK_WIDGET (window->window_title)));
  return shown;
}

/* The header's narrow switcher and the bar at the bottom are given their
 * buttons once the window is first painted, or from the start when it
 * starts narrower; at every width the header shows what fits. */
static void
test_header_widths (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window;

  for (guint start = 0; start < 2; start++)
    {
      int start_width = start == 0 ? 1100 : 600;

      g_settings_set_int (settings, "window-width", start_width);
      g_settings_set_int (settings, "window-height", 700);
      window = open_window ();
      g_assert_true (window->switchers_complete);
      g_assert_true (adw_view_switcher_get_stack (window->narrow_switcher) == window->stack);

      g_assert_true (header_at (window, 1100) == GTK_WIDGET (window->wide_switcher));
      g_assert_true (header_at (window, 360) == GTK_WIDGET (window->window_title));
      /* between the two, the narrow switcher fits where the wide one does not */
      {
        gboolean narrow_seen = FALSE;

        for (int width = 1000; width >= 400; width -= 50)
          narrow_seen |= header_at (window, width) == GTK_WIDGET (window->narrow_switcher);
        g_assert_true (narrow_seen);
      }
      g_assert_true (header_at (window, 1100) == GTK_WIDGET (window->wide_switcher));
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }

  /* a narrow start has them before its first frame */
  g_settings_set_int (settings, "window-width", 600);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (l4a_application_open_store (app, &error));
    window = l4a_window_new (app);
    g_assert_true (window->switchers_complete);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  /* a wide one once painted */
  g_settings_set_int (settings, "window-width", 1100);
  window = l4a_window_new (app);
  g_assert_false (window->switchers_complete);
  g_assert_null (adw_view_switcher_get_stack (window->narrow_switcher));
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.5);
  g_assert_true (window->switchers_complete);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static L4aHubsView *
hubs_of (L4aWindow *window)
{
  return L4A_HUBS_VIEW (l4a_test_show_view (window, "hubs"));
}

static guint
n_visible (L4aHubsView *hubs)
{
  return g_list_model_get_n_items (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs)));
}

static GtkWidget *find_toggle_labelled (GtkWidget  *root,
                                        const char *label);

static void
test_search_and_chips (void)
{
  L4aWindow *window = open_window ();
  L4aHubsView *hubs = hubs_of (window);
  GtkWidget *search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "search_entry"));
  g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
  guint all = n_visible (hubs);

  g_assert_cmpuint (all, >=, 12);
  g_assert_cmpuint (l4a_test_hubs_n_chips (hubs), ==, 0);

  /* Typing in the search entry narrows the list (accents aside). */
  gtk_editable_set_text (GTK_EDITABLE (search), "bogota");
  l4a_test_iterate (0.5);
  g_assert_cmpuint (n_visible (hubs), ==, 1);
  g_assert_nonnull (strstr (l4a_test_hubs_count_text (hubs), "1 of"));
  l4a_test_hubs_search (hubs, "\"NEAR( -*");
  g_assert_cmpuint (n_visible (hubs), ==, 0);
  /* nothing matches: the page that says so, shown (hidden until then) */
  {
    GtkStack *results = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW,
                                                                  "results_stack"));
    GtkWidget *none = gtk_stack_get_child_by_name (results, "no-results");

    l4a_test_iterate (0.3);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (results), ==, "no-results");
    g_assert_true (gtk_widget_get_mapped (none));
    l4a_test_hubs_search (hubs, "");
    l4a_test_iterate (0.3);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (results), ==, "results");
  }
  g_assert_cmpuint (n_visible (hubs), ==, all);

  /* Two filters make two chips; removing one widens the list again. */
  filter->region = g_strdup ("europe");
  filter->sdgs = 1u << 11;
  g_object_set (hubs, "filter", filter, NULL);
  g_assert_cmpuint (l4a_test_hubs_n_chips (hubs), ==, 2);
  g_assert_cmpuint (n_visible (hubs), ==, 3);
  /* The filters, made when first shown, show the filter and keep it. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW,
                                                                            "filter_button"));
    GtkWidget *grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "filter_grid"));
    GtkWidget *goals = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "sdg_box"));
    GtkWidget *region;
    GtkStringObject *shown;

    g_assert_null (gtk_widget_get_first_child (grid));
    gtk_menu_button_popup (button);
    l4a_test_iterate (0.2);
    region = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
    g_assert_true (GTK_IS_DROP_DOWN (region));
    shown = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (region));
    g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "Europe");
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle_labelled (goals, "11"))));
    g_assert_cmpstr (l4a_test_hubs_filter (hubs)->region, ==, "europe");
    g_assert_cmpuint (l4a_test_hubs_filter (hubs)->sdgs, ==, 1u << 11);
    g_assert_cmpuint (n_visible (hubs), ==, 3);
    gtk_menu_button_popdown (button);
  }
  /* The chips follow the filter popover's order: region first. */
  g_assert_true (l4a_test_hubs_remove_chip (hubs, 0));
  g_assert_cmpuint (l4a_test_hubs_n_chips (hubs), ==, 1);
  g_assert_null (l4a_test_hubs_filter (hubs)->region);
  g_assert_cmpuint (l4a_test_hubs_filter (hubs)->sdgs, ==, 1u << 11);
  g_assert_cmpuint (n_visible (hubs), >, 3);
  g_assert_true (l4a_test_hubs_remove_chip (hubs, 0));
  g_assert_cmpuint (n_visible (hubs), ==, all);
  g_assert_false (l4a_test_hubs_remove_chip (hubs, 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The hubs shown start from the latest to the earliest. */
static void
assert_starts_descending (L4aHubsView *hubs)
{
  GListModel *shown = G_LIST_MODEL (l4a_hubs_view_get_visible (hubs));
  guint n = g_list_model_get_n_items (shown);

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(L4aHub) first = g_list_model_get_item (shown, i);
      g_autoptr(L4aHub) second = g_list_model_get_item (shown, i + 1);

      g_assert_cmpstr (l4a_hub_get_start (first), >=, l4a_hub_get_start (second));
    }
}

static void
test_sort_persists (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window = open_window ();
  L4aHubsView *hubs = hubs_of (window);
  g_autofree char *saved = NULL;

  /* the Time frame header clicked twice: the hub that starts last first */
  l4a_test_hubs_sort (hubs, L4A_HUB_SORT_TIME_FRAME, TRUE);
  l4a_test_iterate (0.1);
  saved = g_settings_get_string (settings, "hub-sort");
  g_assert_cmpstr (saved, ==, "time-frame");
  g_assert_true (g_settings_get_boolean (settings, "hub-sort-descending"));
  assert_starts_descending (hubs);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window sorts as the last one did. */
  window = open_window ();
  assert_starts_descending (hubs_of (window));
  l4a_test_hubs_sort (hubs_of (window), L4A_HUB_SORT_NAME, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
editor_open (gpointer data)
{
  return find_toplevel (L4A_TYPE_HUB_EDITOR) != NULL;
}

/* What the hub editor says is wrong, its groups' messages together; ""
 * when nothing is. */
static const char *
editor_problems (L4aHubEditor *editor)
{
  static const char * const ids[] = { "hub_error", "frame_error", "sdg_error" };
  static GString *text;

  if (text == NULL)
    text = g_string_new (NULL);
  g_string_truncate (text, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *label = L4A_TEST_CHILD (editor, L4A_TYPE_HUB_EDITOR, ids[i]);

      if (gtk_widget_get_visible (label))
        g_string_append (text, gtk_label_get_label (GTK_LABEL (label)));
    }
  return text->str;
}

static void
test_edit_save_reopen (void)
{
  L4aWindow *window = open_window ();
  L4aHubsView *hubs = hubs_of (window);
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(L4aHub) hub = g_list_model_get_item (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs)), 0);
  g_autofree char *id = g_strdup (l4a_hub_get_id (hub));
  g_autoptr(L4aHubEdit) reloaded = NULL;
  g_autofree char *expected_government = NULL;
  g_autofree char *original_government = NULL;
  L4aHubEditor *editor;
  GtkWidget *page, *name_row, *end_row, *edit_button;

  {
    g_autoptr(L4aHubEdit) before = l4a_registry_load_hub (store, id, NULL);

    original_government = g_strdup (before->government_id);
  }
  g_assert_true (l4a_test_hubs_open (hubs, id));
  g_assert_cmpstr (l4a_test_hubs_open_hub (hubs), ==, id);
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "hub_page"));
  edit_button = GTK_WIDGET (gtk_widget_get_template_child (page, L4A_TYPE_HUB_PAGE, "edit_button"));
  g_assert_true (gtk_widget_get_visible (edit_button));

  g_signal_emit_by_name (edit_button, "clicked");
  l4a_test_wait_until (editor_open, NULL, 5, "the editor");
  editor = L4A_HUB_EDITOR (find_toplevel (L4A_TYPE_HUB_EDITOR));
  g_assert_true (editor_problems (editor)[0] == '\0');

  /* A time frame of 48 months is explained at the field and not saved. */
  end_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), L4A_TYPE_HUB_EDITOR, "end_row"));
  gtk_editable_set_text (GTK_EDITABLE (end_row), "2099-01-01");
  g_assert_false (editor_problems (editor)[0] == '\0');
  g_assert_nonnull (strstr (editor_problems (editor), "a hub runs 12 to 36 months"));
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  {
    g_autoptr(L4aHubEdit) unchanged = l4a_registry_load_hub (store, id, NULL);
    g_assert_cmpstr (unchanged->end, !=, "2099-01-01");
  }
  {
    g_autoptr(L4aHubEdit) current = l4a_registry_load_hub (store, id, NULL);
    gtk_editable_set_text (GTK_EDITABLE (end_row), current->end);
  }
  g_assert_true (editor_problems (editor)[0] == '\0');

  name_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), L4A_TYPE_HUB_EDITOR, "name_row"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Renamed by the GUI test");

  /* The lead government is found by typing words of its name, and Enter
   * chooses the first one found. */
  {
    GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), L4A_TYPE_HUB_EDITOR,
                                                                "government_row"));
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "button"));
    GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "search_entry"));
    GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "list"));
    g_autofree char *soria = l4a_test_sql_text (l4a_store_get_path (store),
                                                "SELECT id FROM government WHERE name = 'Soria'");

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "Soria (Spain)");
    gtk_menu_button_popup (button);
    l4a_test_iterate (0.1);
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    gtk_editable_set_text (GTK_EDITABLE (entry), "sori");
    l4a_test_iterate (0.4);
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    g_signal_emit_by_name (entry, "activate");
    l4a_test_iterate (0.1);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Soria (Spain)");
    g_assert_cmpstr (l4a_government_row_get_government_id (L4A_GOVERNMENT_ROW (row)), ==, soria);
    g_assert_true (editor_problems (editor)[0] == '\0');
    g_free (expected_government);
    expected_government = g_steal_pointer (&soria);
  }

  /* Ctrl+S saves and closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  l4a_test_iterate (0.3);
  g_assert_null (find_toplevel (L4A_TYPE_HUB_EDITOR));

  reloaded = l4a_registry_load_hub (store, id, NULL);
  g_assert_cmpstr (reloaded->name, ==, "Renamed by the GUI test");
  g_assert_cmpstr (reloaded->government_id, ==, expected_government);
  /* the lead government as it was, for the tests that count places */
  {
    g_autoptr(L4aHubEdit) back = l4a_registry_load_hub (store, id, NULL);
    g_autoptr(GError) error = NULL;

    g_object_set (back, "government-id", original_government, NULL);
    g_assert_true (l4a_registry_save_hub (store, back, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (reloaded->revision, ==, 2);
  g_assert_cmpstr (l4a_test_hubs_open_hub (hubs), ==, id);

  /* Reopening shows the saved name. */
  g_assert_true (l4a_test_hubs_open (hubs, id));
  {
    GtkWidget *header = GTK_WIDGET (gtk_widget_get_template_child (page, L4A_TYPE_HUB_PAGE, "header_label"));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, "Renamed by the GUI test");
  }

  l4a_test_hubs_show_registry (hubs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label under @root that reads @text, if any. */
static GtkWidget *
find_label_reading (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  l4a_test_collect_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static void
test_delete_undo (void)
{
  L4aWindow *window = open_window ();
  L4aHubsView *hubs = hubs_of (window);
  g_autoptr(L4aHub) hub = g_list_model_get_item (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs)), 2);
  g_autofree char *id = g_strdup (l4a_hub_get_id (hub));
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app)));
  GtkWidget *page;
  AdwMessageDialog *confirm = NULL;
  const char *name = "R&D <Lab> & Co";
  g_autofree char *deleted = NULL;
  g_autofree char *was_named = NULL;

  /* a name that would be markup: the toast says it as it is */
  {
    g_autoptr(L4aHubEdit) edit = l4a_registry_load_hub (l4a_application_get_store (app), id, &error);

    g_assert_no_error (error);
    was_named = g_steal_pointer (&edit->name);
    edit->name = g_strdup (name);
    g_assert_true (l4a_registry_save_hub (l4a_application_get_store (app), edit, &error));
    g_assert_no_error (error);
    l4a_test_iterate (0.2);
  }

  g_assert_true (l4a_test_hubs_open (hubs, id));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "hub_page"));
  /* from the hub's menu, confirmed by the hub's name */
  g_assert_true (gtk_widget_activate_action (page, "hub.delete", NULL));
  l4a_test_iterate (0.2);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        confirm = l->data;
  }
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (confirm), name));
  adw_message_dialog_response (confirm, "delete");
  gtk_window_destroy (GTK_WINDOW (confirm));
  l4a_test_iterate (0.2);

  g_assert_cmpuint (g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app))), ==, before - 1);
  g_assert_null (l4a_test_hubs_open_hub (hubs));
  g_assert_false (l4a_test_hubs_open (hubs, id));
  deleted = g_strdup_printf ("“%s” deleted", name);
  g_assert_nonnull (find_label_reading (GTK_WIDGET (window), deleted));

  /* Undo brings it back, as it was. */
  l4a_test_activate (GTK_WIDGET (hubs), "hubs.undo-delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app))), ==, before);
  g_assert_true (l4a_test_hubs_open (hubs, id));

  /* named again as the sample has it, for the tests after this one */
  {
    g_autoptr(L4aHubEdit) edit = l4a_registry_load_hub (l4a_application_get_store (app), id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (edit->name, ==, name);
    g_free (edit->name);
    edit->name = g_strdup (was_named);
    g_assert_true (l4a_registry_save_hub (l4a_application_get_store (app), edit, &error));
    g_assert_no_error (error);
    l4a_test_iterate (0.2);
  }

  l4a_test_hubs_show_registry (hubs);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_read_only_roles (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window = open_window ();
  L4aHubsView *hubs = hubs_of (window);
  g_autoptr(L4aHub) hub = g_list_model_get_item (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs)), 0);
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "hub_page"));
  GtkWidget *edit_button = GTK_WIDGET (gtk_widget_get_template_child (page, L4A_TYPE_HUB_PAGE, "edit_button"));
  GtkWidget *new_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "new_button"));
  g_autoptr(GError) error = NULL;

  g_settings_set_string (settings, "role", "member");
  l4a_test_iterate (0.1);
  g_assert_false (gtk_widget_get_visible (new_button));
  g_assert_true (l4a_test_hubs_open (hubs, l4a_hub_get_id (hub)));
  g_assert_false (gtk_widget_get_visible (edit_button));
  /* the hub's Delete is not offered, and the store refuses it anyway */
  gtk_widget_activate_action (page, "hub.delete", NULL);
  l4a_test_iterate (0.1);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (l4a_registry_delete_hub (l4a_application_get_store (app), l4a_hub_get_id (hub), &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "Advisory Board member"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (hubs), "hubs.new", NULL) &&
                  find_toplevel (L4A_TYPE_HUB_EDITOR) != NULL);

  g_settings_set_string (settings, "role", "secretariat");
  l4a_test_iterate (0.1);
  g_assert_true (gtk_widget_get_visible (new_button));
  g_assert_true (gtk_widget_get_visible (edit_button));

  l4a_test_hubs_show_registry (hubs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button whose tooltip is @tooltip under @root, or NULL. */
static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_map_markers (void)
{
  L4aWindow *window = open_window ();
  L4aHubsView *hubs = hubs_of (window);
  L4aMapView *map = L4A_MAP_VIEW (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "map_view"));
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *spain = NULL;
  g_autofree char *kazan = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM government WHERE name = 'Kazan'");
  g_autofree char *bogota = l4a_test_sql_text (l4a_store_get_path (store),
                                               "SELECT id FROM government WHERE name = 'Bogotá'");
  g_autofree char *quito = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM government WHERE name = 'Quito'");
  g_autofree char *kazan_text = NULL;
  g_autofree char *andes_text = NULL;
  double bx, by, qx, qy;
  guint n_places;

  l4a_test_hubs_show_map (hubs, TRUE);
  l4a_test_iterate (0.5);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));

  /* A marker at each lead government's place: fifteen in the sample, in
   * thirteen countries; Spain and Canada have two hubs each. */
  n_places = (guint) l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(DISTINCT government_id) FROM hub");
  g_assert_cmpuint (n_places, ==, 15);
  g_assert_cmpuint (l4a_map_view_get_n_places (map), ==, n_places);
  g_assert_cmpuint (l4a_map_view_get_marker_count (map, "ES"), ==, 2);
  g_assert_cmpuint (l4a_map_view_get_marker_count (map, "CA"), ==, 2);
  spain = l4a_map_view_describe (map, "ES");
  g_assert_nonnull (strstr (spain, "Spain: 2 hubs"));
  g_assert_nonnull (strstr (spain, "Rural Resilience"));
  kazan_text = l4a_map_view_describe_place (map, kazan);
  /* the country as people name it, not iso-codes' formal name */
  g_assert_true (g_str_has_prefix (kazan_text, "Kazan, Russia: 1 hub\n• "));

  /* Quito's government placed near Bogotá (as if mistyped): its marker
   * moves as soon as it is saved. The whole world then groups the two,
   * over two countries; choosing the group zooms in until they part;
   * choosing one then chooses its country. */
  l4a_map_view_get_place (map, quito, &qx, &qy);
  {
    g_autoptr(L4aGovernmentEdit) edit = l4a_registry_load_government (store, quito, NULL);
    g_autoptr(GError) error = NULL;

    g_free (edit->place);
    edit->place = g_strdup ("3.9, -74.6");
    g_assert_true (l4a_registry_save_government (store, edit, &error));
    g_assert_no_error (error);
  }
  l4a_test_iterate (0.3);
  g_assert_cmpuint (l4a_map_view_get_n_markers (map), <, n_places);
  g_assert_cmpuint (l4a_map_view_get_place (map, bogota, &bx, &by), ==, 2);
  g_assert_cmpuint (l4a_map_view_get_place (map, quito, &qx, &qy), ==, 2);
  g_assert_cmpfloat (bx, ==, qx);
  andes_text = l4a_map_view_describe_place (map, bogota);
  g_assert_true (g_str_has_prefix (andes_text, "Colombia, Ecuador: 2 hubs"));
  g_assert_nonnull (strstr (andes_text, "zoom in"));
  for (int i = 0; i < 4 && l4a_map_view_get_place (map, bogota, NULL, NULL) > 1; i++)
    {
      double before = l4a_map_view_get_zoom (map);

      l4a_map_view_activate_place (map, bogota);
      g_assert_cmpfloat (l4a_map_view_get_zoom (map), >, before);
      g_assert_null (l4a_test_hubs_filter (hubs)->country);
    }
  g_assert_cmpuint (l4a_map_view_get_place (map, bogota, &bx, &by), ==, 1);
  g_assert_cmpuint (l4a_map_view_get_place (map, quito, &qx, &qy), ==, 1);
  g_assert_cmpfloat (by, <, qy);   /* Bogotá north of “Quito” */
  g_assert_cmpuint (l4a_map_view_get_n_markers (map), ==, n_places);
  l4a_map_view_activate_place (map, quito);
  g_assert_cmpstr (l4a_test_hubs_filter (hubs)->country, ==, "EC");
  g_signal_emit_by_name (map, "country-activated", "EC");
  g_assert_null (l4a_test_hubs_filter (hubs)->country);
  l4a_map_view_show_whole_world (map);

  /* A government in a country the world map does not draw (Réunion, which
   * Natural Earth counts with France), with no place: its hub is said to be
   * missing from the map, under the legend; given its place, the hub is on
   * the map again. */
  g_assert_cmpuint (l4a_map_view_get_n_unplaced (map), ==, 0);
  {
    g_autofree char *soria = l4a_test_sql_text (l4a_store_get_path (store),
                                                "SELECT id FROM government WHERE name = 'Soria'");
    g_autoptr(L4aGovernmentEdit) edit = l4a_registry_load_government (store, soria, NULL);
    g_autofree char *old_country = g_strdup (edit->country);
    g_autofree char *old_place = g_strdup (edit->place);
    GtkWidget *unplaced = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW,
                                                                     "unplaced_label"));
    g_autoptr(GError) error = NULL;

    g_free (edit->country);
    edit->country = g_strdup ("RE");
    g_free (edit->place);
    edit->place = g_strdup ("");
    g_assert_true (l4a_registry_save_government (store, edit, &error));
    g_assert_no_error (error);
    l4a_test_iterate (0.3);
    g_assert_cmpuint (l4a_map_view_get_n_unplaced (map), ==, 1);
    g_assert_cmpuint (l4a_map_view_get_n_places (map), ==, n_places - 1);
    g_assert_true (gtk_widget_get_visible (unplaced));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (unplaced)), "1 hub is not on the map"));

    g_free (edit->place);
    edit->place = g_strdup ("-20.8789, 55.4481");
    g_assert_true (l4a_registry_save_government (store, edit, &error));
    l4a_test_iterate (0.3);
    g_assert_cmpuint (l4a_map_view_get_n_unplaced (map), ==, 0);
    g_assert_cmpuint (l4a_map_view_get_n_places (map), ==, n_places);
    g_assert_false (gtk_widget_get_visible (unplaced));

    g_free (edit->country);
    edit->country = g_steal_pointer (&old_country);
    g_free (edit->place);
    edit->place = g_steal_pointer (&old_place);
    g_assert_true (l4a_registry_save_government (store, edit, &error));
    g_assert_no_error (error);
    l4a_test_iterate (0.3);
  }

  /* Choosing a country filters the list; choosing it again clears it. */
  g_signal_emit_by_name (map, "country-activated", "CA");
  g_assert_cmpstr (l4a_test_hubs_filter (hubs)->country, ==, "CA");
  g_assert_cmpuint (n_visible (hubs), ==, 2);
  g_assert_cmpuint (l4a_map_view_get_n_places (map), ==, n_places);
  g_signal_emit_by_name (map, "country-activated", "CA");
  g_assert_null (l4a_test_hubs_filter (hubs)->country);

  /* Zoom from the keyboard stays within bounds. */
  for (int i = 0; i < 40; i++)
    l4a_map_view_zoom (map, 1.25);
  g_assert_cmpfloat (l4a_map_view_get_zoom (map), <=, 12.0);

  /* and from the buttons on the map */
  {
    double before;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hubs), "hubs.map-whole-world", NULL));
    g_assert_cmpfloat (l4a_map_view_get_zoom (map), ==, 1.0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hubs), "hubs.map-zoom-in", NULL));
    before = l4a_map_view_get_zoom (map);
    g_assert_cmpfloat (before, >, 1.0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hubs), "hubs.map-zoom-out", NULL));
    g_assert_cmpfloat (l4a_map_view_get_zoom (map), <, before);
    g_assert_nonnull (find_button_with_tooltip (GTK_WIDGET (hubs), "Zoom In"));
    g_assert_nonnull (find_button_with_tooltip (GTK_WIDGET (hubs), "Show the Whole World"));
  }

  l4a_test_hubs_show_map (hubs, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
government_rows (L4aGovernmentsWindow *window)
{
  return l4a_test_n_rows (L4A_TEST_CHILD (window, L4A_TYPE_GOVERNMENTS_WINDOW, "list_box"));
}

/* Chooses the kind of bundle @kind in the export window, as its row does:
 * whether it was there to choose. */
static gboolean
choose_kind (gpointer    export,
             const char *kind)
{
  g_autofree char *chosen = NULL;

  g_object_set (export, "kind", kind, NULL);
  g_object_get (export, "kind", &chosen, NULL);
  return g_strcmp0 (chosen, kind) == 0;
}

/* The name the export window's file chooser proposes. */
static char *
file_name_of (gpointer export)
{
  char *name = NULL;

  g_object_get (export, "file-name", &name, NULL);
  return name;
}

/* Chooses the item of combo row @row that says @text. */
static void
choose_in_combo (GtkWidget  *row,
                 const char *text)
{
  GListModel *items = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }
  g_error ("No “%s” to choose", text);
}

/* Save, as a form's button does: whether the window went back from the
 * form to its list (Save is off while the form says what is wrong; a
 * refusal of the store's is said in a message @refusal, closed here). */
static gboolean
save_form (gpointer    window,
           GType       type,
           const char *action,
           const char *refusal)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (L4A_TEST_CHILD (window, type, "leaflet"));
  GtkWidget *form = adw_leaflet_get_visible_child (leaflet);
  AdwMessageDialog *refused;

  l4a_test_activate (GTK_WIDGET (window), action, NULL);
  l4a_test_iterate (0.05);
  refused = find_message_dialog (refusal);
  if (refused != NULL)
    gtk_window_destroy (GTK_WINDOW (refused));
  return refused == NULL && adw_leaflet_get_visible_child (leaflet) != form;
}

static gboolean
save_government (L4aGovernmentsWindow *window)
{
  return save_form (window, L4A_TYPE_GOVERNMENTS_WINDOW, "governments.save", "The Government Cannot Be Saved");
}

/* A list the database cannot give says why in the window, instead of
 * showing nothing (or the rows of before) as if all were well. */
static void
test_governments_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "unreadable.sqlite", NULL);
  g_autoptr(L4aStore) store = l4a_store_open (path, &error);
  L4aGovernmentsWindow *window;
  GtkWidget *search, *count_label;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  window = l4a_governments_window_new (store);
  search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW, "search_entry"));
  count_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW,
                                                           "count_label"));
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.2);
  g_assert_false (gtk_widget_get_visible (count_label));

  /* another program takes the table away */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE government RENAME TO government_gone", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  gtk_editable_set_text (GTK_EDITABLE (search), "Kazan");
  l4a_test_iterate (0.5);
  g_assert_true (gtk_widget_get_visible (count_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (count_label)), "The governments cannot be listed: "));

  /* and gives it back: the list is there again */
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE government_gone RENAME TO government", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  l4a_test_iterate (0.5);
  g_assert_false (gtk_widget_get_visible (count_label));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_governments_window (void)
{
  L4aStore *store = l4a_application_get_store (app);
  L4aGovernmentsWindow *window = l4a_governments_window_new (store);
  GtkWidget *name_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW, "name_row"));
  GtkWidget *country_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW, "country_row"));
  GtkWidget *region_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW, "region_row"));
  GtkWidget *place_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW, "place_row"));
  GtkWidget *error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW, "error_label"));
  g_autoptr(GError) error = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.2);
  before = government_rows (window);
  g_assert_cmpuint (before, >=, 20);

  /* one that is no longer there says so */
  l4a_test_activate (GTK_WIDGET (window), "governments.edit", "s", "99999999-9999-4999-8999-999999999999");
  {
    AdwMessageDialog *gone = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (gone);
    g_assert_cmpstr (adw_message_dialog_get_heading (gone), ==, "The Government Cannot Be Opened");
    gtk_window_destroy (GTK_WINDOW (gone));
  }

  /* A new government needs a name and a country. */
  l4a_test_activate (GTK_WIDGET (window), "governments.edit", "s", "");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "governments.save", NULL) &&
                  government_rows (window) > before);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ciudad de Prueba");
  adw_combo_row_set_selected (ADW_COMBO_ROW (country_row), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (region_row), 0);

  /* its place: refused while it is not one, the row marked and the
   * problem said; saved as typed, with a decimal comma */
  gtk_editable_set_text (GTK_EDITABLE (place_row), "41.38, 200");
  g_assert_true (gtk_widget_has_css_class (place_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "longitude must be from −180 to 180"));
  g_assert_false (save_government (window));
  g_assert_cmpuint (government_rows (window), ==, before);
  gtk_editable_set_text (GTK_EDITABLE (place_row), "36,5; 1,25");
  g_assert_false (gtk_widget_has_css_class (place_row, "error"));

  g_assert_true (save_government (window));
  g_assert_cmpuint (government_rows (window), ==, before + 1);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM government "
                                     "WHERE name = 'Ciudad de Prueba' AND latitude = 36.5 AND longitude = 1.25"), ==, 1);

  /* The list is what the search finds, by the start of any word. */
  {
    GtkWidget *search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_GOVERNMENTS_WINDOW,
                                                                   "search_entry"));

    gtk_editable_set_text (GTK_EDITABLE (search), "prueb");
    l4a_test_iterate (0.4);
    g_assert_cmpuint (government_rows (window), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    l4a_test_iterate (0.4);
    g_assert_cmpuint (government_rows (window), ==, before + 1);
  }

  /* A duplicate is found by words in the merge dialog and merged. */
  {
    g_autofree char *kept = l4a_test_sql_text (l4a_store_get_path (store),
                                               "SELECT id FROM government WHERE name = 'Ciudad de Prueba'");
    AdwMessageDialog *dialog;
    GtkWidget *row, *entry;

    l4a_test_activate (GTK_WIDGET (window), "governments.edit", "s", "");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Ciudad Duplicada");
    adw_combo_row_set_selected (ADW_COMBO_ROW (country_row), 0);
    adw_combo_row_set_selected (ADW_COMBO_ROW (region_row), 0);
    g_assert_true (save_government (window));
    g_assert_cmpuint (government_rows (window), ==, before + 2);

    l4a_test_activate (GTK_WIDGET (window), "governments.edit", "s", kept);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "governments.merge", NULL));
    l4a_test_iterate (0.2);
    dialog = find_message_dialog ("Merge a Duplicate?");
    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog)), 0));
    entry = GTK_WIDGET (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "search_entry"));
    gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "button")));
    l4a_test_iterate (0.2);
    /* the government itself is no duplicate of itself */
    gtk_editable_set_text (GTK_EDITABLE (entry), "ciudad prueba");
    l4a_test_iterate (0.4);
    g_signal_emit_by_name (entry, "activate");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
    gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "button")));
    l4a_test_iterate (0.2);
    gtk_editable_set_text (GTK_EDITABLE (entry), "duplicada");
    l4a_test_iterate (0.4);
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
    adw_message_dialog_response (dialog, "merge");
    l4a_test_iterate (0.3);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store),
                                       "SELECT count(*) FROM government WHERE name = 'Ciudad Duplicada'"), ==, 0);
    g_assert_cmpuint (government_rows (window), ==, before + 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
sql_exec (const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (l4a_store_get_path (l4a_application_get_store (app)), &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *changes)
{
  changes[0]++;
  changes[1] = position;
  changes[2] = removed;
  changes[3] = added;
}

/* How many widgets under @root have the style class @name. */
static guint
count_styled (GtkWidget  *root,
              const char *name)
{
  guint n = gtk_widget_has_css_class (root, name);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_styled (child, name);
  return n;
}

/* How many of the six key features the editor's panel shows as met. */
static guint
passed_checks (L4aProposalEditor *editor)
{
  return count_styled (GTK_WIDGET (editor), "l4a-check-passed");
}

/* The first widget under @root with the style class @name, or NULL. */
static GtkWidget *
find_styled (GtkWidget  *root,
             const char *name)
{
  if (gtk_widget_has_css_class (root, name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* What the editor says is wrong under its group @group_id, or "". */
static const char *
group_problems (L4aProposalEditor *editor,
                const char        *group_id)
{
  GtkWidget *label = find_styled (L4A_TEST_CHILD (editor, L4A_TYPE_PROPOSAL_EDITOR, group_id), "l4a-field-error");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : "";
}

/* The proposal the editor shows, its fields bound to the form's. */
static L4aProposalEdit *
proposal_of (L4aProposalEditor *editor)
{
  g_autoptr(L4aProposalEdit) edit = NULL;

  g_object_get (editor, "proposal", &edit, NULL);
  return edit;   /* the editor holds it */
}

/* Whether the form may be typed in (a draft of this workstation's). */
static gboolean
editable (L4aProposalEditor *editor)
{
  return gtk_editable_get_editable (GTK_EDITABLE (L4A_TEST_CHILD (editor, L4A_TYPE_PROPOSAL_EDITOR, "title_row")));
}

/* The proposals the view lists, as its table has them. */
static GListModel *
proposals_of (L4aProposalsView *view)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (L4A_TEST_CHILD (view, L4A_TYPE_PROPOSALS_VIEW, "column_view"));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)));
}

/* Opens proposal @id as the view's row does: the editor. */
static L4aProposalEditor *
open_proposal (L4aProposalsView *view,
               const char       *id)
{
  l4a_test_activate (GTK_WIDGET (view), "proposals.open", "s", id);
  return L4A_PROPOSAL_EDITOR (find_toplevel (L4A_TYPE_PROPOSAL_EDITOR));
}

/* The button labelled @label (mnemonics aside) under @root, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autofree char *plain = l4a_mnemonic_strip (gtk_button_get_label (GTK_BUTTON (root)));

      if (g_str_equal (plain, label))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first row titled @title under @root, depth first, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row_titled (child, title)) != NULL)
        return found;
    }
  return NULL;
}

/* The toggle button under @root whose label is @label, or NULL. */
static GtkWidget *
find_toggle_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label (or table cell) under @root whose text holds @text, or
 * NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;
  if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)) != NULL &&
      strstr (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) != NULL)
    return root;
  if (L4A_IS_CELL_TEXT (root) && l4a_cell_text_get_text (L4A_CELL_TEXT (root)) != NULL &&
      strstr (l4a_cell_text_get_text (L4A_CELL_TEXT (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first entry under @root that shows @placeholder, or NULL. */
static GtkWidget *
find_entry_with_placeholder (GtkWidget  *root,
                             const char *placeholder)
{
  if (GTK_IS_ENTRY (root) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (root)), placeholder) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_with_placeholder (child, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
editor_child (L4aProposalEditor *editor,
              const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), L4A_TYPE_PROPOSAL_EDITOR, name));
}

static void
test_proposal_journey (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -5);
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 60);
  g_autofree char *opens = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *closes = g_date_time_format (after, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  g_autofree char *soria = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  L4aProposalsView *view;
  L4aProposalEditor *editor;
  L4aProposalEdit *edit;
  L4aWindow *window;
  guint passed, own;

  /* Only calls open today take proposals: make one, whatever the date. */
  sql = g_strdup_printf ("UPDATE call SET status = 'closed' WHERE status = 'open'; "
                         "INSERT INTO call (id, title, opens_on, closes_on, status, created_at, updated_at, origin) "
                         "VALUES ('gui-call', 'GUI test call', '%s', '%s', 'open', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'test')", opens, closes);
  sql_exec (sql);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    sqlite3_open (l4a_store_get_path (store), &db);
    sqlite3_prepare_v2 (db, "SELECT id FROM government WHERE name = 'Soria'", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    soria = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_settings_set_string (settings, "role", "government");
  g_settings_set_string (settings, "identity", soria);

  window = open_window ();
  view = L4A_PROPOSALS_VIEW (l4a_test_show_view (window, "proposals"));
  /* Soria sees its own proposals only. */
  own = g_list_model_get_n_items (proposals_of (view));
  g_assert_cmpuint (own, <, 5);

  l4a_test_activate (GTK_WIDGET (view), "proposals.new", NULL);
  editor = L4A_PROPOSAL_EDITOR (find_toplevel (L4A_TYPE_PROPOSAL_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (editable (editor));
  l4a_test_iterate (0.2);
  passed = passed_checks (editor);
  g_assert_cmpuint (passed, ==, 1);  /* locally driven: Soria leads it */
  g_assert_false (gtk_widget_is_sensitive (editor_child (editor, "submit_button")));

  /* The panel turns green row by row as the form fills in. */
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), "Soria Rural Services Hub");
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "topic_row")), "Rural services");
  g_assert_cmpuint (passed_checks (editor), ==, passed);
  {
    /* goals picked by colour and name: goal 11's toggle says both */
    GtkWidget *sdgs = editor_child (editor, "sdg_picker");
    guint nth = 10;
    GtkWidget *eleventh = l4a_test_find_nth_type_in (sdgs, GTK_TYPE_TOGGLE_BUTTON, &nth);

    g_assert_nonnull (eleventh);
    g_assert_nonnull (find_label_containing (eleventh, "Sustainable Cities"));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (eleventh), TRUE);  /* goal 11 */
    g_assert_cmpuint (l4a_sdg_picker_get_sdgs (L4A_SDG_PICKER (sdgs)), ==, 1u << 11);
  }
  g_assert_cmpuint (passed_checks (editor), ==, ++passed);  /* topic */

  /* long texts are written in multi-line fields */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (editor, "communication_view"))),
                            "Launch with partners, a quarterly newsletter,\na web page and a closing forum at the "
                            "annual meeting.", -1);
  g_assert_cmpuint (passed_checks (editor), ==, ++passed);  /* communication */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (editor, "brand_view"))),
                            "Every material carries the Local4Action label.", -1);
  g_assert_cmpuint (passed_checks (editor), ==, ++passed);  /* brand */

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "start_row")), "2027-01-01");
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "end_row")), "2030-04-30");
  g_assert_cmpuint (passed_checks (editor), ==, passed);  /* 40 months: time still fails */
  g_assert_nonnull (strstr (group_problems (editor, "about_group"),
                            "The time frame is 40 months; a hub runs 12 to 36 months."));
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "end_row")), "2028-12-31");

  edit = proposal_of (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "proposal.add-deliverable", NULL));
  /* the item's properties, which its row's entries show */
  g_object_set (edit->deliverables->pdata[0], "title", "Service map", "due", "2027-09-30", NULL);
  g_assert_cmpuint (passed_checks (editor), ==, ++passed);  /* time */
  g_assert_null (strstr (group_problems (editor, "about_group"), "months"));
  {
    /* a list item's entries are bound to the item: what is typed there is
     * the proposal's, and is saved */
    guint nth = 0;
    GtkWidget *title = l4a_test_find_nth_type_in (editor_child (editor, "deliverables_group"), GTK_TYPE_ENTRY, &nth);

    g_assert_nonnull (title);
    gtk_editable_set_text (GTK_EDITABLE (title), "Service map of the villages");
    g_assert_cmpstr (((L4aDeliverableEdit *) edit->deliverables->pdata[0])->title, ==, "Service map of the villages");
    g_assert_true (l4a_proposal_editor_save_now (editor, &error));
    g_assert_no_error (error);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM deliverable "
                                                                   "WHERE title = 'Service map of the villages'"), ==, 1);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "proposal.add-indicator", NULL));
  /* a decimal comma, as French and Spanish users type it */
  g_object_set (edit->indicators->pdata[0], "code", "L-SOR-02", "name", "Villages with a weekly service",
                "baseline", "12,5", "target", "40", NULL);
  g_assert_cmpuint (passed_checks (editor), ==, ++passed);  /* results */
  {
    /* A malformed code is explained at the indicator, and blocks the results. */
    g_object_set (edit->indicators->pdata[0], "code", "18.2.1", NULL);
    g_assert_nonnull (strstr (group_problems (editor, "indicators_group"), "“18.2.1” is not an SDG indicator code"));
    g_assert_cmpuint (passed_checks (editor), ==, passed - 1);
    g_object_set (edit->indicators->pdata[0], "code", "L-SOR-02", NULL);
    g_assert_cmpuint (passed_checks (editor), ==, passed);
  }
  g_assert_cmpuint (passed, ==, 6);
  g_assert_true (gtk_widget_is_sensitive (editor_child (editor, "submit_button")));

  /* Autosave: a moment later the draft is in the database. */
  l4a_test_iterate (1.2);
  g_assert_true (g_uuid_string_is_valid (edit->id));
  id = g_strdup (edit->id);
  {
    g_autoptr(L4aProposalEdit) saved = l4a_registry_load_proposal (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (saved->title, ==, "Soria Rural Services Hub");
    g_assert_cmpuint (saved->deliverables->len, ==, 1);
    g_assert_cmpstr (((L4aPlannedIndicator *) saved->indicators->pdata[0])->baseline, ==, "12.5");
  }

  /* Submit asks first, naming the proposal and its call; then offers to
   * send it: here into the shared folder the secretariat watches. */
  {
    g_autofree char *shared = g_dir_make_tmp ("l4a-shared-XXXXXX", NULL);
    g_autofree char *unsent_sql = NULL;
    AdwMessageDialog *confirm, *send;
    GDir *dir;
    const char *entry;
    guint n_files = 0;

    g_settings_set_string (settings, "send-folder", shared);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "proposal.submit", NULL));
    l4a_test_iterate (0.1);
    confirm = find_message_dialog ("Submit the Proposal?");
    g_assert_nonnull (confirm);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "“Soria Rural Services Hub” goes to the call "
                                                                    "“GUI test call”"));
    /* nothing happens before the answer */
    g_assert_cmpstr (proposal_of (editor)->state, ==, "draft");
    adw_message_dialog_response (confirm, "submit");
    l4a_test_iterate (0.2);
    edit = proposal_of (editor);
    g_assert_cmpstr (edit->state, ==, "submitted");

    send = find_message_dialog ("Send the Proposal?");
    g_assert_nonnull (send);
    g_assert_cmpstr (adw_message_dialog_get_heading (send), ==, "Send the Proposal?");
    g_assert_true (adw_message_dialog_has_response (send, "email"));
    g_assert_true (adw_message_dialog_has_response (send, "save"));
    g_assert_true (adw_message_dialog_has_response (send, "folder"));
    unsent_sql = g_strdup_printf ("SELECT count(*) FROM sent_proposal WHERE proposal_id = '%s'", edit->id);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), unsent_sql), ==, 0);
    adw_message_dialog_response (send, "folder");
    l4a_test_iterate (0.2);

    /* one submission bundle in the folder, and the proposal counts as sent */
    dir = g_dir_open (shared, 0, NULL);
    while ((entry = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (shared, entry, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_str_has_suffix (entry, ".l4a.json"));
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        /* a bundle (sealed for the secretariat when keys are set up) */
        g_assert_true (g_str_has_prefix (entry, "submission"));
        g_assert_true (g_str_has_prefix (contents, "{"));
        g_assert_nonnull (strstr (contents, "local4action"));
        g_unlink (path);
        n_files++;
      }
    g_dir_close (dir);
    g_assert_cmpuint (n_files, ==, 1);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), unsent_sql), ==, 1);
    g_rmdir (shared);
    g_settings_reset (settings, "send-folder");
  }
  g_assert_false (editable (editor));
  g_assert_cmpuint (g_list_model_get_n_items (proposals_of (view)), ==, own + 1);

  {
    /* the list follows the withdrawal through one change over the rows
     * that differ, not a reset of every row */
    guint changes[4] = { 0 };   /* calls, position, removed, added */

    g_signal_connect (proposals_of (view), "items-changed", G_CALLBACK (count_items_changed), changes);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "proposal.withdraw", NULL));
    l4a_test_iterate (0.1);
    g_signal_handlers_disconnect_by_func (proposals_of (view), count_items_changed, changes);
    g_assert_cmpuint (changes[0], ==, 1);
    g_assert_cmpuint (changes[2], ==, changes[3]);
    g_assert_cmpuint (changes[2], <, own + 1);
  }
  g_assert_cmpstr (proposal_of (editor)->state, ==, "withdrawn");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Revise and resubmit after such a decision: version 2, a draft again. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE proposal SET state = 'released' WHERE id = '%s'; "
                         "INSERT INTO decision (id, proposal_id, proposal_version, outcome, decided_at, released_at, "
                         "created_at, updated_at, origin) VALUES ('gui-decision', '%s', 1, 'revise-resubmit', 'now', "
                         "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'now', 'test')", id, id);
  sql_exec (sql);
  editor = open_proposal (view, id);
  g_assert_false (editable (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "proposal.revise", NULL));
  l4a_test_iterate (0.1);
  g_assert_cmpint (proposal_of (editor)->version, ==, 2);
  g_assert_cmpstr (proposal_of (editor)->state, ==, "draft");
  g_assert_true (editable (editor));
  /* a change that cannot be saved on closing (the proposal was submitted
   * from elsewhere meanwhile) keeps the window open and says why, until
   * the author lets it go */
  {
    g_autofree char *submitted = g_strdup_printf ("UPDATE proposal SET state = 'submitted', revision = revision + 1 "
                                                  "WHERE id = '%s'", id);
    GtkWidget *notice = L4A_TEST_CHILD (editor, L4A_TYPE_PROPOSAL_EDITOR, "notice_label");

    g_object_ref (editor);
    gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), "Changed after it went elsewhere");
    sql_exec (submitted);
    gtk_window_close (GTK_WINDOW (editor));
    l4a_test_iterate (0.1);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
    g_assert_nonnull (find_message_dialog ("The Draft Was Not Saved"));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (notice)), !=, "");
    answer_dialog ("The Draft Was Not Saved", "keep");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
    gtk_window_close (GTK_WINDOW (editor));
    answer_dialog ("The Draft Was Not Saved", "discard");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
    g_object_unref (editor);
  }

  /* The secretariat opens it read-only. */
  g_settings_set_string (settings, "role", "secretariat");
  l4a_test_iterate (0.1);
  editor = open_proposal (view, id);
  g_assert_false (editable (editor));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "submit_button")));
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (window));
}


static void
test_calls_window (void)
{
  L4aStore *store = l4a_application_get_store (app);
  L4aCallsWindow *window = l4a_calls_window_new (store);
  GtkWidget *title = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_CALLS_WINDOW, "title_row"));
  GtkWidget *opens = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_CALLS_WINDOW, "opens_row"));
  GtkWidget *closes = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_CALLS_WINDOW, "closes_row"));
  GtkWidget *error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), L4A_TYPE_CALLS_WINDOW, "error_label"));
  g_autoptr(GError) error = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.2);
  before = l4a_test_n_rows (l4a_test_find_type (L4A_TEST_CHILD (window, L4A_TYPE_CALLS_WINDOW, "list_group"), GTK_TYPE_LIST_BOX));
  g_assert_cmpuint (before, >=, 3);

  /* one that is no longer there says so */
  l4a_test_activate (GTK_WIDGET (window), "calls.edit", "s", "99999999-9999-4999-8999-999999999999");
  {
    AdwMessageDialog *gone = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (gone);
    g_assert_cmpstr (adw_message_dialog_get_heading (gone), ==, "The Call Cannot Be Opened");
    gtk_window_destroy (GTK_WINDOW (gone));
  }

  /* A new call: the six key features as criteria; dates in order. */
  l4a_test_activate (GTK_WIDGET (window), "calls.edit", "s", "");
  g_assert_cmpuint (l4a_test_n_rows (l4a_test_find_type (L4A_TEST_CHILD (window, L4A_TYPE_CALLS_WINDOW, "criteria_group"),
                                                         GTK_TYPE_LIST_BOX)), ==, 6);
  gtk_editable_set_text (GTK_EDITABLE (title), "Local4Action HUBs call 2028");
  gtk_editable_set_text (GTK_EDITABLE (opens), "2028-03-01");
  gtk_editable_set_text (GTK_EDITABLE (closes), "2028-01-31");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "cannot close before it opens"));
  gtk_editable_set_text (GTK_EDITABLE (closes), "2028-05-31");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Each criterion opens on all it is, down to what each level means:
   * the first criterion's scale is made 1 to 4, its levels said. */
  {
    GtkWidget *first = find_row_titled (GTK_WIDGET (window), "Locally driven");
    GtkWidget *lowest, *highest, *level, *subtitle_holder;

    g_assert_true (ADW_IS_EXPANDER_ROW (first));
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)), ==, "Weight 1 · scored from 0 to 5");
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
    lowest = l4a_test_find_nth_type_in (find_row_titled (first, "Lowest Score"), GTK_TYPE_SPIN_BUTTON, &(guint) { 0 });
    highest = l4a_test_find_nth_type_in (find_row_titled (first, "Highest Score"), GTK_TYPE_SPIN_BUTTON, &(guint) { 0 });
    g_assert_nonnull (find_row_titled (first, "5 — Excellent"));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (lowest), 1);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (highest), 4);
    g_assert_null (find_row_titled (first, "5 — Excellent"));
    g_assert_null (find_row_titled (first, "0 — Poor"));
    level = find_row_titled (first, "4 — Excellent");
    g_assert_nonnull (level);
    gtk_editable_set_text (GTK_EDITABLE (level), "Led by the government with committed partners.");
    level = find_row_titled (first, "1 — Poor");
    g_assert_nonnull (level);
    gtk_editable_set_text (GTK_EDITABLE (level), "Nobody leads.");
    subtitle_holder = first;
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (subtitle_holder)), ==,
                     "Weight 1 · scored from 1 to 4");

    /* too long a level says so, and Save waits */
    {
      g_autofree char *long_text = g_strnfill (L4A_LEVEL_GUIDANCE_MAX + 1, 'x');

      level = find_row_titled (first, "2 — Fair");
      gtk_editable_set_text (GTK_EDITABLE (level), long_text);
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "what level 2 means is longer"));
      g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "Save")));
      gtk_editable_set_text (GTK_EDITABLE (level), "");
      g_assert_false (gtk_widget_get_visible (error_label));
    }
  }

  g_assert_true (save_form (window, L4A_TYPE_CALLS_WINDOW, "calls.save", "The Call Cannot Be Saved"));
  g_assert_cmpuint (l4a_test_n_rows (l4a_test_find_type (L4A_TEST_CHILD (window, L4A_TYPE_CALLS_WINDOW, "list_group"), GTK_TYPE_LIST_BOX)), ==, before + 1);
  {
    g_autofree char *levels = l4a_test_sql_text (l4a_store_get_path (store),
                                                 "SELECT levels FROM criterion c JOIN call ON call.id = c.call_id "
                                                 "WHERE call.title = 'Local4Action HUBs call 2028' "
                                                 "AND c.key = 'locally-driven' AND scale_min = 1 AND scale_max = 4");

    g_assert_cmpstr (levels, ==, "Nobody leads.\n\n\nLed by the government with committed partners.");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_templates (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *view;

  /* Every template and .ui resource builds without a warning (criticals
   * are fatal in this test program). The window, hubs view, hub rows and
   * preferences are built by the tests above. */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/l4a-shortcuts-window.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  view = g_object_ref_sink (g_object_new (L4A_TYPE_HUBS_VIEW, NULL));
  g_assert_nonnull (GTK_WIDGET (gtk_widget_get_template_child (view, L4A_TYPE_HUBS_VIEW, "list_view")));
  g_object_unref (view);
  gtk_window_destroy (g_object_new (L4A_TYPE_EXPERTISE_DIALOG, NULL));
}

static gint64
sql_count (const char *sql)
{
  L4aStore *store = l4a_application_get_store (app);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_open (l4a_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

typedef struct
{
  gboolean  done;
  char     *error;
} LetterWait;

static void
letter_written_cb (GObject    *owner,
                   const char *path,
                   const char *error_message)
{
  LetterWait *wait = g_object_get_data (owner, "l4a-test-letter-wait");

  wait->done = TRUE;
  wait->error = g_strdup (error_message);
}

static gboolean
letter_waited (gpointer data)
{
  return ((LetterWait *) data)->done;
}


/* A government answers the Board's question at the top of its proposal,
 * whatever the proposal's layout (beside its checklist or above it). */
static void
test_answer_question (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *government = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  L4aProposalEditor *editor;
  GtkWidget *save, *answer;

  proposal = l4a_test_sql_text (l4a_store_get_path (store), "SELECT proposal_id FROM clarification "
                                                            "WHERE status = 'sent' LIMIT 1");
  g_assert_nonnull (proposal);
  sql = g_strdup_printf ("SELECT government_id FROM proposal WHERE id = '%s'", proposal);
  government = l4a_test_sql_text (l4a_store_get_path (store), sql);
  g_settings_set_string (settings, "role", "government");
  g_settings_set_string (settings, "identity", government);
  l4a_test_iterate (0.1);

  for (guint width = 0; width < 2; width++)
    {
      editor = l4a_proposal_editor_new (store, proposal, NULL, &error);
      g_assert_no_error (error);
      gtk_window_set_default_size (GTK_WINDOW (editor), width ? 1200 : 360, 700);
      gtk_window_present (GTK_WINDOW (editor));
      l4a_test_iterate (0.4);
      g_assert_cmpint (l4a_adaptive_split_get_folded (L4A_ADAPTIVE_SPLIT (editor_child (editor, "split"))), ==, !width);
      save = find_button (GTK_WIDGET (editor), "Save Answer");
      answer = find_row_titled (GTK_WIDGET (editor), "Your answer");
      g_assert_nonnull (save);
      g_assert_nonnull (answer);
      /* GTK 4.8 keeps a moved button's old sensitivity: the split renews it */
      g_assert_true (gtk_widget_is_sensitive (save));
      if (width)
        {
          gtk_editable_set_text (GTK_EDITABLE (answer), "Forty households in two blocks.");
          g_signal_emit_by_name (save, "clicked");
          l4a_test_iterate (0.2);
          g_free (sql);
          sql = g_strdup_printf ("SELECT count(*) FROM clarification WHERE proposal_id = '%s' AND status = 'answered' "
                                 "AND answer = 'Forty households in two blocks.'", proposal);
          g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), sql), ==, 1);
        }
      gtk_window_destroy (GTK_WINDOW (editor));
    }
  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
}

/* A board member scores and submits, then reads the others; the
 * secretariat decides and releases, and the hub appears. */
/* The reviews view's page for this workstation's role. */
static const char *
reviews_page (L4aReviewsView *view)
{
  return l4a_test_page_of (view, L4A_TYPE_REVIEWS_VIEW, "stack");
}

/* How many proposals the reviews view lists: the member's assigned ones,
 * or the secretariat's ranking. */
static guint
review_rows (L4aReviewsView *view)
{
  gboolean member = g_strcmp0 (reviews_page (view), "member") == 0;

  return l4a_test_n_rows (L4A_TEST_CHILD (view, L4A_TYPE_REVIEWS_VIEW, member ? "assigned_list" : "ranking_list"));
}

/* Chooses the call titled @title in the reviews view's drop-down. */
static gboolean
choose_call (L4aReviewsView *view,
             const char     *title)
{
  GtkDropDown *drop = GTK_DROP_DOWN (L4A_TEST_CHILD (view, L4A_TYPE_REVIEWS_VIEW, "call_drop"));
  GListModel *names = gtk_drop_down_get_model (drop);

  for (guint i = 0; names && i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), title) == 0)
      {
        gtk_drop_down_set_selected (drop, i);
        return TRUE;
      }
  return FALSE;
}

/* Opens proposal @id's review window, as its row does. */
static L4aReviewWindow *
open_review (L4aReviewsView *view,
             const char     *id)
{
  l4a_test_activate (GTK_WIDGET (view), "reviews.open", "s", id);
  return L4A_REVIEW_WINDOW (find_toplevel (L4A_TYPE_REVIEW_WINDOW));
}

/* Scores the @index-th criterion @value, as its level buttons do: whether
 * the form holds that score now (FALSE out of the criterion's scale, or
 * when there is no form to score). */
static gboolean
score (L4aReviewWindow *review,
       guint            index,
       int              value)
{
  guint nth = index;
  GtkWidget *row = l4a_test_find_nth_type_in (GTK_WIDGET (review), L4A_TYPE_SCORE_ROW, &nth);

  gboolean had;
  int old;

  if (row == NULL)
    return FALSE;
  had = l4a_score_row_has_score (L4A_SCORE_ROW (row));
  old = l4a_score_row_get_score (L4A_SCORE_ROW (row));
  l4a_score_row_set_score (L4A_SCORE_ROW (row), TRUE, value);
  if (l4a_score_row_has_score (L4A_SCORE_ROW (row)) && l4a_score_row_get_score (L4A_SCORE_ROW (row)) == value)
    return TRUE;
  /* no level button says that score: the one pressed before stays */
  l4a_score_row_set_score (L4A_SCORE_ROW (row), had, old);
  return FALSE;
}

/* The preferences group titled @title under @root, or NULL. */
static GtkWidget *
find_group_titled (GtkWidget  *root,
                   const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group_titled (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* How many of the others' reviews the review window shows. */
static guint
other_reviews (L4aReviewWindow *review)
{
  GtkWidget *group = find_group_titled (GTK_WIDGET (review), "Other Reviews");
  guint n = 0;

  while (group != NULL && l4a_test_find_nth_type_in (group, ADW_TYPE_EXPANDER_ROW, &(guint) { n }) != NULL)
    n++;
  return n;
}

/* Types @text in the first text field of the group titled @title. */
static void
type_in_group (GtkWidget  *root,
               const char *title,
               const char *text)
{
  GtkWidget *group = find_group_titled (root, title);
  GtkWidget *view = group ? l4a_test_find_nth_type (group, GTK_TYPE_TEXT_VIEW, 0) : NULL;

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Answers @response to the message dialog headed @heading (or starting so). */
static void
answer_dialog (const char *heading,
               const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  l4a_test_iterate (0.1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading))
        {
          /* the dialog closes itself on its answer */
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), response);
          l4a_test_iterate (0.1);
          return;
        }
    }
  g_error ("No dialog “%s”", heading);
}

/* Decides @outcome with @rationale and @notes, as the form's Save Decision
 * does: whether it was saved (else the window says why in its notice). */
static gboolean
decide (L4aReviewWindow *review,
        const char      *outcome,
        const char      *rationale,
        const char      *notes)
{
  GtkWidget *notice = L4A_TEST_CHILD (review, L4A_TYPE_REVIEW_WINDOW, "notice");

  choose_in_combo (find_row_titled (GTK_WIDGET (review), "Outcome"), l4a_outcome_label (outcome));
  type_in_group (GTK_WIDGET (review), "Rationale", rationale);
  type_in_group (GTK_WIDGET (review), "Internal Notes", notes);
  l4a_test_activate (GTK_WIDGET (review), "review.save-decision", NULL);
  return !gtk_widget_get_visible (notice);
}

/* A drop-down offers more than "Any". */
static gboolean
drop_has_choices (gpointer data)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (data));

  return model != NULL && g_list_model_get_n_items (model) > 1;
}

static void
test_review_journey (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *call = NULL;
  g_autofree char *member = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(L4aAssignMatrix) matrix = NULL;
  L4aReviewsView *view;
  L4aReviewWindow *review;
  L4aWindow *window;
  guint M, n_criteria = 0;

  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  window = open_window ();
  view = L4A_REVIEWS_VIEW (l4a_test_show_view (window, "reviews"));
  l4a_window_show_view (window, "reviews");
  l4a_test_iterate (0.2);
  g_assert_cmpstr (reviews_page (view), ==, "secretariat");
  g_assert_true (choose_call (view, "Local4Action HUBs call 2025"));
  l4a_test_iterate (0.1);
  g_assert_cmpuint (review_rows (view), ==, 4);

  /* a member whose review of a proposal is not submitted yet */
  call = l4a_store_resolve_reference (store, "call", "Local4Action HUBs call 2025", &error);
  g_assert_no_error (error);
  matrix = l4a_review_matrix (store, call, &error);
  g_assert_no_error (error);
  M = matrix->member_ids->len;
  for (guint p = 0; p < matrix->proposal_ids->len && member == NULL; p++)
    for (guint m = 0; m < M && member == NULL; m++)
      if (matrix->cells[p * M + m] == L4A_CELL_ASSIGNED || matrix->cells[p * M + m] == L4A_CELL_DRAFT)
        {
          member = g_strdup (g_ptr_array_index (matrix->member_ids, m));
          proposal = g_strdup (g_ptr_array_index (matrix->proposal_ids, p));
        }
  g_assert_nonnull (member);

  /* a government sees no review at all */
  g_settings_set_string (settings, "role", "government");
  l4a_test_iterate (0.1);
  g_assert_cmpstr (reviews_page (view), ==, "government");

  /* the member's list holds the proposal; the review starts from its criteria */
  g_settings_set_string (settings, "role", "member");
  g_settings_set_string (settings, "identity", member);
  l4a_test_iterate (0.1);
  g_assert_cmpstr (reviews_page (view), ==, "member");
  g_assert_cmpuint (review_rows (view), >=, 1);
  review = open_review (view, proposal);
  g_assert_nonnull (review);
  l4a_test_iterate (0.2);
  g_assert_cmpuint (other_reviews (review), ==, 0);

  /* submitting without a recommendation is refused, and nothing is lost */
  while (score (review, n_criteria, 4))
    n_criteria++;
  g_assert_cmpuint (n_criteria, ==, 6);
  g_assert_false (score (review, 0, 99));

  /* what the chosen level means, as the call words it, under the levels;
   * the proposal itself beside (or above) the form, as a document */
  {
    GtkWidget *row = l4a_test_find_nth_type (GTK_WIDGET (review), L4A_TYPE_SCORE_ROW, 0);
    GtkWidget *document = l4a_test_find_nth_type (GTK_WIDGET (review), L4A_TYPE_PROPOSAL_DOCUMENT, 0);
    g_autofree char *level_sql = g_strdup_printf ("SELECT levels FROM criterion WHERE key = 'locally-driven' "
                                                  "AND call_id = '%s'", call);
    g_autofree char *levels = l4a_test_sql_text (l4a_store_get_path (store), level_sql);
    g_auto(GStrv) lines = g_strsplit (levels, "\n", -1);
    GtkToggleButton *level_2;
    guint nth = 2;

    g_assert_nonnull (row);
    g_assert_nonnull (document);
    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    g_assert_cmpstr (l4a_score_row_get_meaning (L4A_SCORE_ROW (row)), ==, lines[4]);
    /* choosing another level says what that one means */
    level_2 = GTK_TOGGLE_BUTTON (l4a_test_find_nth_type_in (row, GTK_TYPE_TOGGLE_BUTTON, &nth));
    gtk_toggle_button_set_active (level_2, TRUE);
    g_assert_cmpstr (l4a_score_row_get_meaning (L4A_SCORE_ROW (row)), ==, lines[2]);
    g_assert_true (score (review, 0, 4));
    g_assert_cmpstr (l4a_score_row_get_meaning (L4A_SCORE_ROW (row)), ==, lines[4]);
  }
  /* Submit waits for the recommendation */
  {
    GtkWidget *submit = L4A_TEST_CHILD (review, L4A_TYPE_REVIEW_WINDOW, "submit_button");

    g_assert_true (gtk_widget_get_visible (submit));
    g_assert_false (gtk_widget_get_sensitive (submit));
    l4a_test_activate (GTK_WIDGET (review), "review.submit", NULL);
    g_assert_null (find_message_dialog ("Submit the Review?"));
  }

  /* the choices and texts of the form are the review's properties */
  {
    g_autoptr(L4aReview) own = NULL;

    g_object_get (review, "review", &own, NULL);
    g_assert_nonnull (own);
    g_object_set (own, "recommendation", "grant", "comments-authors", "Clear plan.",
                  "comments-confidential", "Strong partners.", NULL);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row_titled (GTK_WIDGET (review),
                                                                                   "The Board should"))), >, 0);
  }
  {
    /* the member's list follows the submission row by row: the other rows
     * stay the very widgets they were (and the focus with them) */
    GtkListBox *assigned = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (view), L4A_TYPE_REVIEWS_VIEW,
                                                                        "assigned_list"));
    guint n_rows = review_rows (view);
    /* held, so that a new row cannot be made where a freed one was */
    g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
    guint kept = 0;

    for (guint i = 0; i < n_rows; i++)
      g_ptr_array_add (before, g_object_ref (gtk_list_box_get_row_at_index (assigned, (int) i)));
    l4a_test_activate (GTK_WIDGET (review), "review.submit", NULL);
    answer_dialog ("Submit the Review?", "submit");
    l4a_test_iterate (0.2);
    g_assert_cmpuint (review_rows (view), ==, n_rows);
    for (guint i = 0; i < n_rows; i++)
      kept += gtk_list_box_get_row_at_index (assigned, (int) i) == g_ptr_array_index (before, i);
    g_assert_cmpuint (kept, ==, n_rows - 1);
  }
  /* now the others' submitted reviews show */
  g_assert_cmpuint (other_reviews (review), >=, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM review WHERE member_id = '%s' AND proposal_id = '%s' "
                         "AND submitted_at IS NOT NULL AND comments_authors = 'Clear plan.' "
                         "AND recommendation = 'grant'", member, proposal);
  g_assert_cmpint (sql_count (sql), ==, 1);
  gtk_window_destroy (GTK_WINDOW (review));

  /* the secretariat decides, and releases: the hub is in the registry */
  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  l4a_test_iterate (0.1);
  review = open_review (view, proposal);
  g_assert_nonnull (review);
  /* another process writes to the discussion (an import, the command
   * line): the open window shows it once the context notices, with no
   * one telling it, and keeps the note being typed */
  {
    g_autoptr(L4aStore) again = l4a_store_open (l4a_store_get_path (store), &error);
    GtkEntry *entry;

    g_assert_no_error (error);
    l4a_store_set_actor (again, L4A_ROLE_SECRETARIAT, NULL);
    l4a_test_iterate (0.1);
    g_assert_null (find_label_containing (GTK_WIDGET (review), "Noted from another workstation"));
    entry = GTK_ENTRY (find_entry_with_placeholder (GTK_WIDGET (review), "Add a note to the discussion"));
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Half a thought");
    g_assert_true (l4a_discussion_add (again, proposal, "Noted from another workstation", &error));
    g_assert_no_error (error);
    g_assert_true (l4a_context_check_for_changes (l4a_application_get_context (app)));
    l4a_test_iterate (0.2);
    g_assert_nonnull (find_label_containing (GTK_WIDGET (review), "Noted from another workstation"));
    entry = GTK_ENTRY (find_entry_with_placeholder (GTK_WIDGET (review), "Add a note to the discussion"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Half a thought");
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  }
  /* no rationale: said in the window's notice, nothing saved */
  g_assert_false (decide (review, "label-granted", "", ""));
  {
    /* the ranking follows the decision row by row: the decided proposal's
     * row changes, the others stay the very widgets they were */
    GtkListBox *ranking = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (view), L4A_TYPE_REVIEWS_VIEW,
                                                                       "ranking_list"));
    guint n_rows = review_rows (view);
    /* held, so that a new row cannot be made where a freed one was */
    g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
    guint kept = 0;

    g_assert_cmpuint (n_rows, >=, 2);
    for (guint i = 0; i < n_rows; i++)
      g_ptr_array_add (before, g_object_ref (gtk_list_box_get_row_at_index (ranking, (int) i)));
    g_assert_true (decide (review, "label-granted", "A clear plan with strong partners.", "Budget to confirm."));
    l4a_test_iterate (0.2);
    g_assert_cmpuint (review_rows (view), ==, n_rows);
    for (guint i = 0; i < n_rows; i++)
      kept += gtk_list_box_get_row_at_index (ranking, (int) i) == g_ptr_array_index (before, i);
    g_assert_cmpuint (kept, ==, n_rows - 1);
  }
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM hub WHERE proposal_id = '%s'", proposal);
  g_assert_cmpint (sql_count (sql), ==, 0);
  {
    L4aHubsView *hubs = L4A_HUBS_VIEW (l4a_test_show_view (window, "hubs"));
    g_autofree char *count_before = g_strdup (l4a_test_hubs_count_text (hubs));

    l4a_test_activate (GTK_WIDGET (review), "review.release", NULL);
    answer_dialog ("Release the Decision on", "release");
    g_assert_cmpint (sql_count (sql), ==, 1);
    /* the registry shows the new hub without a restart */
    l4a_test_iterate (0.1);
    l4a_test_wait_until (hubs_loaded, hubs, 30, "the hubs to reload");
    l4a_test_iterate (0.2);
    g_assert_cmpstr (l4a_test_hubs_count_text (hubs), !=, count_before);
  }
  /* released: the decision letter is offered, and written */
  {
    g_autofree char *letter = g_build_filename (tmpdir, "decision-letter.pdf", NULL);
    LetterWait wait = { FALSE, NULL };

    l4a_test_iterate (0.3);
    g_assert_nonnull (find_button (GTK_WIDGET (review), "Decision Letter…"));
    l4a_letter_export_to (store, proposal, letter, G_OBJECT (review), letter_written_cb);
    g_object_set_data (G_OBJECT (review), "l4a-test-letter-wait", &wait);
    l4a_test_wait_until (letter_waited, &wait, 60, "the decision letter");
    g_assert_null (wait.error);
    g_assert_true (g_file_test (letter, G_FILE_TEST_IS_REGULAR));
  }
  /* the committee packet of the call, from the Reviews view */
  {
    g_autofree char *packet = g_build_filename (tmpdir, "committee-packet.pdf", NULL);

    l4a_test_activate (GTK_WIDGET (view), "reviews.write-packet", "s", packet);
    g_assert_true (g_file_test (packet, G_FILE_TEST_IS_REGULAR));
  }
  gtk_window_destroy (GTK_WINDOW (review));

  /* the board: a member added with a declared conflict; a nameless one refused */
  {
    L4aMembersWindow *members = L4A_MEMBERS_WINDOW (l4a_test_open_window (view, "reviews.members", L4A_TYPE_MEMBERS_WINDOW, NULL));
    GtkWidget *list = L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "list");
    GtkWidget *name = L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "name_row");
    GtkWidget *notice = L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "notice");
    guint before = l4a_test_n_rows (list);
    g_autofree char *quito = l4a_store_resolve_reference (store, "government", "Quito", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (before, >, 0);
    l4a_test_activate (GTK_WIDGET (members), "members.edit", "s", "");
    gtk_editable_set_text (GTK_EDITABLE (name), "  ");
    choose_in_combo (L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "country_row"), "Morocco");
    choose_in_combo (L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "region_row"), "Africa");
    l4a_test_activate (GTK_WIDGET (members), "members.save", NULL);
    /* refused, and said under the form, which stays */
    g_assert_true (gtk_widget_get_visible (notice));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (notice)), "name"));
    g_assert_cmpstr (l4a_test_page_of (members, L4A_TYPE_MEMBERS_WINDOW, "stack"), ==, "edit");
    g_assert_cmpuint (l4a_test_n_rows (list), ==, before);
    gtk_editable_set_text (GTK_EDITABLE (name), "Nadia Benali");
    g_object_set (L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "conflict_government_row"),
                  "government-id", quito, NULL);
    gtk_editable_set_text (GTK_EDITABLE (L4A_TEST_CHILD (members, L4A_TYPE_MEMBERS_WINDOW, "conflict_reason_row")),
                           "Adviser to the mayor until 2025");
    l4a_test_activate (GTK_WIDGET (members), "members.declare", NULL);
    l4a_test_activate (GTK_WIDGET (members), "members.save", NULL);
    g_assert_cmpstr (l4a_test_page_of (members, L4A_TYPE_MEMBERS_WINDOW, "stack"), ==, "list");
    g_assert_cmpuint (l4a_test_n_rows (list), ==, before + 1);
    g_assert_cmpint (sql_count ("SELECT count(*) FROM conflict c JOIN member m ON m.id = c.member_id "
                                "JOIN government g ON g.id = c.government_id WHERE m.name = 'Nadia Benali' "
                                "AND g.name = 'Quito' AND c.kind = 'declared'"), ==, 1);
    gtk_window_destroy (GTK_WINDOW (members));
  }

  /* the secretariat backs up everything into a bundle that validates */
  {
    g_autofree char *backup = g_build_filename (tmpdir, "backup.l4a.json", NULL);
    g_autoptr(L4aBundle) bundle = NULL;

    l4a_window_back_up (window, backup);
    for (guint i = 0; i < 100 && !g_file_test (backup, G_FILE_TEST_EXISTS); i++)
      l4a_test_iterate (0.05);
    l4a_test_iterate (0.2);
    bundle = l4a_bundle_load (backup, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (bundle->kind, ==, "full");
    g_assert_cmpuint (bundle->n_records, >, 500);
  }

  /* the audit log and the matrix open; the log narrowed by what was done */
  {
    GtkWindow *audit = l4a_test_open_window (view, "reviews.audit", L4A_TYPE_AUDIT_WINDOW, NULL);
    GtkWindow *who = l4a_test_open_window (view, "reviews.matrix", ADW_TYPE_WINDOW, "Who Reviews What");
    GtkListView *entries;
    GtkDropDown *what;
    GtkLabel *count;
    guint all, shown, release = 0;

    g_assert_true (L4A_IS_AUDIT_WINDOW (audit));
    g_assert_nonnull (who);
    entries = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (audit), L4A_TYPE_AUDIT_WINDOW, "list_view"));
    what = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (audit), L4A_TYPE_AUDIT_WINDOW, "action_drop"));
    count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (audit), L4A_TYPE_AUDIT_WINDOW, "count_label"));
    /* every entry counted, however much of the log is read yet */
    g_assert_null (strstr (gtk_label_get_label (count), " of "));
    /* the choices come once the log is read for them, beside the window */
    l4a_test_wait_until (drop_has_choices, what, 10, "the audit log's choices");
    all = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (entries)));
    g_assert_cmpuint (all, >, 100);
    g_assert_true (g_str_has_suffix (gtk_label_get_label (count), "entries, the latest first."));
    for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (what)); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (what)), i),
                     "Released the decision on …") == 0)
        release = i;
    g_assert_cmpuint (release, >, 0);
    gtk_drop_down_set_selected (what, release);
    shown = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (entries)));
    g_assert_cmpuint (shown, >, 0);
    g_assert_cmpuint (shown, <, all);
    {
      g_autoptr(L4aAuditItem) first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (entries)), 0);

      g_assert_true (g_str_has_prefix (l4a_audit_item_get_title (first), "Released the decision on "));
    }
    g_assert_nonnull (strstr (gtk_label_get_label (count), " of "));
    /* the matrix's cells are put in words for their tooltip by the grid, when
     * the pointer rests on one, not each beforehand */
    {
      GtkWidget *grid = l4a_test_find_type (GTK_WIDGET (who), GTK_TYPE_GRID);
      GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
      g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
      graphene_rect_t bounds;
      gboolean shown_tip = FALSE;

      g_assert_true (gtk_widget_get_has_tooltip (grid));
      g_assert_nonnull (cell);
      g_assert_null (gtk_widget_get_tooltip_text (cell));
      l4a_test_iterate (0.2);
      g_assert_true (gtk_widget_compute_bounds (cell, grid, &bounds));
      g_signal_emit_by_name (grid, "query-tooltip", (int) (bounds.origin.x + bounds.size.width / 2),
                             (int) (bounds.origin.y + bounds.size.height / 2), FALSE, tooltip, &shown_tip);
      g_assert_true (shown_tip);
      /* the column of titles has none */
      cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);
      g_assert_true (gtk_widget_compute_bounds (cell, grid, &bounds));
      g_signal_emit_by_name (grid, "query-tooltip", (int) (bounds.origin.x + bounds.size.width / 2),
                             (int) (bounds.origin.y + bounds.size.height / 2), FALSE, tooltip, &shown_tip);
      g_assert_false (shown_tip);
    }
    gtk_window_destroy (audit);
    gtk_window_destroy (who);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}



static void
remember_offer (char       **offered,
                const char  *path)
{
  g_free (*offered);
  *offered = g_strdup (path);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
import_previewed (gpointer data)
{
  return g_strcmp0 (l4a_test_page_of (data, L4A_TYPE_IMPORT_WINDOW, "stack"), "checking") != 0;
}

/* @file opened in @window's import window, its sender's key confirmed
 * if this is the first contact: the window at its preview. */
static GtkWindow *
open_import_preview (L4aWindow *window,
                     GFile     *file)
{
  GtkWindow *import = l4a_window_import_file (window, file);

  l4a_test_wait_until (import_previewed, import, 30, "the check");
  if (g_strcmp0 (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), "first-contact") == 0)
    {
      l4a_test_activate (GTK_WIDGET (import), "import.confirm-key", NULL);
      l4a_test_wait_until (import_previewed, import, 30, "the preview");
    }
  g_assert_cmpstr (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), ==, "preview");
  return import;
}

static void
import_closed_cb (gpointer  data,
                  GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* The window's database with the sample, and another workstation's at
 * @path with the sample too. */
static L4aStore *
open_other_with_sample (const char *path)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GError) error = NULL;
  L4aStore *other;

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);
  other = l4a_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (other, NULL, &error));
  g_assert_no_error (error);
  return other;
}

/* A bundle with more records in conflict than rows shown: the first rows,
 * then how many more, and one choice for all of them that the rows shown
 * follow, both ways, and the records not shown take too. Changes the
 * database's measurements and activities: registered last. */
static void
test_import_many_conflicts (void)
{
  L4aWindow *window = open_window ();
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *other_path = g_build_filename (tmpdir, "many-conflicts.sqlite", NULL);
  g_autofree char *bundle_path = g_build_filename (tmpdir, "many-conflicts.l4a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bundle_path);
  g_autoptr(L4aStore) other = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *more = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  GtkWidget *group, *first;
  const char *first_label = NULL;
  gboolean closed = FALSE;
  guint conflicts = 0;
  GtkWindow *import;

  other = open_other_with_sample (other_path);
  /* the same records changed on both sides, each its own way */
  g_assert_true (l4a_store_exec (other, "UPDATE measurement SET value = value + 2, revision = revision + 1; "
                                        "UPDATE activity SET title = title || ' (there)', revision = revision + 1",
                                 &error));
  g_assert_true (l4a_store_exec (store, "UPDATE measurement SET value = value + 1, revision = revision + 1; "
                                        "UPDATE activity SET title = title || ' (here)', revision = revision + 1",
                                 &error));
  g_assert_true (l4a_bundle_export (other, "full", NULL, bundle_path, NULL, NULL, &error));
  g_assert_no_error (error);
  /* its fingerprint compared before */
  g_assert_true (l4a_trust_confirm_secretariat (store, l4a_key_get_public (l4a_store_get_key (other, NULL)), &error));
  bundle = l4a_bundle_load (bundle_path, &error);
  g_assert_no_error (error);
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_no_error (error);
  conflicts = plan->counts[L4A_IMPORT_CONFLICT];
  /* more than the rows a group shows (200) */
  g_assert_cmpuint (conflicts, >, 200);
  for (guint i = 0; i < plan->changes->len && first_label == NULL; i++)
    if (((L4aImportChange *) g_ptr_array_index (plan->changes, i))->action == L4A_IMPORT_CONFLICT)
      first_label = ((L4aImportChange *) g_ptr_array_index (plan->changes, i))->label;

  import = open_import_preview (window, file);

  /* the choice for all, 200 rows, then how many more */
  group = find_group_titled (GTK_WIDGET (import), "Conflict");
  g_assert_nonnull (group);
  g_assert_nonnull (find_row_titled (group, "Every Conflict"));
  more = g_strdup_printf ("And %u more records in conflict", conflicts - 200);
  g_assert_nonnull (find_row_titled (group, more));
  /* a Mine and a Theirs in each row shown, no more */
  g_assert_nonnull (l4a_test_find_nth_type (group, GTK_TYPE_TOGGLE_BUTTON, 2 * 200 - 1));
  g_assert_null (l4a_test_find_nth_type (group, GTK_TYPE_TOGGLE_BUTTON, 2 * 200));
  first = find_row_titled (group, first_label);
  g_assert_nonnull (first);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle_labelled (first, "_Mine"))));

  /* all theirs, then all mine: the rows follow, one button pressed each */
  g_signal_emit_by_name (find_button (group, "All Theirs"), "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle_labelled (first, "_Theirs"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle_labelled (first, "_Mine"))));
  g_signal_emit_by_name (find_button (group, "All Mine"), "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle_labelled (first, "_Mine"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_toggle_labelled (first, "_Theirs"))));

  /* all theirs, imported: the records shown and those not, theirs */
  g_signal_emit_by_name (find_button (group, "All Theirs"), "clicked");
  g_object_weak_ref (G_OBJECT (import), import_closed_cb, &closed);
  l4a_test_activate (GTK_WIDGET (import), "import.apply", NULL);
  l4a_test_wait_until (flag_set, &closed, 30, "the import to finish");
  ours = l4a_test_sql_text (l4a_store_get_path (store), "SELECT group_concat (value, ' ') FROM "
                                                        "(SELECT value FROM measurement ORDER BY id)");
  theirs = l4a_test_sql_text (other_path, "SELECT group_concat (value, ' ') FROM "
                                          "(SELECT value FROM measurement ORDER BY id)");
  g_assert_cmpstr (ours, ==, theirs);
  g_free (ours);
  g_free (theirs);
  ours = l4a_test_sql_text (l4a_store_get_path (store), "SELECT group_concat (title, '|') FROM "
                                                        "(SELECT title FROM activity ORDER BY id)");
  theirs = l4a_test_sql_text (other_path, "SELECT group_concat (title, '|') FROM (SELECT title FROM activity ORDER BY id)");
  g_assert_cmpstr (ours, ==, theirs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bundle from another workstation, opened in the window: previewed,
 * the conflict resolved their way, imported; then a damaged one is
 * refused with its reason. */
static void
test_import_window (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *other_path = g_build_filename (tmpdir, "other.sqlite", NULL);
  g_autofree char *bundle_path = g_build_filename (tmpdir, "other.l4a.json", NULL);
  g_autofree char *broken_path = g_build_filename (tmpdir, "broken.l4a.json", NULL);
  g_autoptr(L4aStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (bundle_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *hub_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  gboolean closed = FALSE;
  L4aWindow *window;
  GtkWindow *import;
  sqlite3 *db;

  other = open_other_with_sample (other_path);
  hub_id = l4a_test_sql_text (other_path, "SELECT id FROM hub ORDER BY id LIMIT 1");
  sql = g_strdup_printf ("UPDATE hub SET name = 'Imported Through The Window', revision = revision + 1 "
                         "WHERE id = '%s'", hub_id);
  g_assert_cmpint (sqlite3_open (other_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE hub SET name = 'Changed Here Too', revision = revision + 1 WHERE id = '%s'", hub_id);
  g_assert_cmpint (sqlite3_open (l4a_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (l4a_bundle_export (other, "full", NULL, bundle_path, NULL, NULL, &error));
  g_assert_no_error (error);

  window = l4a_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  import = l4a_window_import_file (window, file);
  /* first contact with that secretariat: its fingerprint to compare */
  l4a_test_wait_until (import_previewed, import, 30, "the check");
  g_assert_cmpstr (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), ==, "first-contact");
  {
    g_autofree char *expected = l4a_key_fingerprint (l4a_key_get_public (l4a_store_get_key (other, NULL)));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (L4A_TEST_CHILD (import, L4A_TYPE_IMPORT_WINDOW, "fingerprint_label"))), ==, expected);
  }
  l4a_test_activate (GTK_WIDGET (import), "import.confirm-key", NULL);
  l4a_test_wait_until (import_previewed, import, 30, "the preview");
  g_assert_cmpstr (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), ==, "preview");
  {
    /* the hub changed on both sides: take theirs */
    g_autoptr(L4aBundle) bundle = l4a_bundle_load (bundle_path, &error);
    g_autoptr(L4aImportPlan) plan = l4a_import_plan (store, bundle, &error);
    const char *conflict = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (plan->counts[L4A_IMPORT_CONFLICT], >=, 1);
    /* when it was written, as every time in the window: the day first, with
     * nothing before it (GLib's %e put a figure space there) */
    {
      GtkWidget *written = find_row_titled (GTK_WIDGET (import), "Written");
      g_autofree char *expected = l4a_format_time (bundle->created_at);
      const char *subtitle;

      g_assert_nonnull (written);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (written));
      g_assert_cmpstr (subtitle, ==, expected);
      g_assert_true (g_ascii_isdigit (subtitle[0]));
    }
    for (guint i = 0; i < plan->changes->len; i++)
      {
        L4aImportChange *change = g_ptr_array_index (plan->changes, i);

        if (g_str_equal (change->type, "hub") && g_str_equal (change->id, hub_id))
          {
            g_assert_cmpint (change->action, ==, L4A_IMPORT_CONFLICT);
            conflict = change->label;
          }
      }
    /* its row offers Mine (chosen) and Theirs */
    {
      GtkWidget *row = find_row_titled (GTK_WIDGET (import), conflict);
      GtkWidget *mine, *theirs;

      g_assert_nonnull (row);
      mine = find_toggle_labelled (row, "_Mine");
      theirs = find_toggle_labelled (row, "_Theirs");
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mine)));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (theirs), TRUE);
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mine)));
    }
  }
  g_object_weak_ref (G_OBJECT (import), import_closed_cb, &closed);
  l4a_test_activate (GTK_WIDGET (import), "import.apply", NULL);
  l4a_test_wait_until (flag_set, &closed, 30, "the import to finish");
  g_free (sql);
  sql = g_strdup_printf ("SELECT name FROM hub WHERE id = '%s'", hub_id);
  name = l4a_test_sql_text (l4a_store_get_path (store), sql);
  g_assert_cmpstr (name, ==, "Imported Through The Window");

  /* a damaged bundle: the reason, and nothing to apply */
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"local4action-bundle\"", -1, NULL));
  import = l4a_window_import_file (window, broken);
  l4a_test_wait_until (import_previewed, import, 30, "the check");
  g_assert_cmpstr (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), ==, "error");
  gtk_window_destroy (import);

  /* a pipe given as a bundle: refused at once as no file, named, not read
   * for ever (nobody writes to it) */
  {
    g_autofree char *pipe_path = g_build_filename (tmpdir, "pipe.l4a.json", NULL);
    g_autoptr(GFile) pipe_file = g_file_new_for_path (pipe_path);
    AdwStatusPage *page;

    g_assert_cmpint (mkfifo (pipe_path, 0600), ==, 0);
    import = l4a_window_import_file (window, pipe_file);
    l4a_test_wait_until (import_previewed, import, 30, "the check of a pipe");
    g_assert_cmpstr (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), ==, "error");
    page = ADW_STATUS_PAGE (L4A_TEST_CHILD (import, L4A_TYPE_IMPORT_WINDOW, "error_page"));
    g_assert_nonnull (strstr (adw_status_page_get_description (page), "“pipe.l4a.json” is not a file"));
    gtk_window_destroy (import);
    g_remove (pipe_path);
  }

  /* a bundle in the inbox folder is offered, not imported */
  {
    g_autofree char *folder = g_build_filename (tmpdir, "inbox", NULL);
    g_autofree char *inbox_bundle = g_build_filename (folder, "incoming.l4a.json", NULL);
    g_autofree char *offered = NULL;
    g_autofree char *contents = NULL;
    L4aPreferencesWindow *prefs;
    gulong handler;

    g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
    g_assert_true (l4a_bundle_export (other, "registry", NULL, inbox_bundle, NULL, NULL, &error));

    handler = g_signal_connect_swapped (l4a_application_get_inbox (app), "offered", G_CALLBACK (remember_offer),
                                        &offered);
    /* this session has no notification server for the application's own handler */
    g_signal_handlers_block_matched (l4a_application_get_inbox (app), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, app);
    prefs = l4a_preferences_window_new (l4a_application_get_settings (app), store);
    l4a_preferences_window_set_inbox (prefs, folder);
    l4a_test_wait_until (string_set, &offered, 30, "the inbox to offer the bundle");
    g_assert_cmpstr (offered, ==, inbox_bundle);
    l4a_preferences_window_set_inbox (prefs, NULL);
    gtk_window_destroy (GTK_WINDOW (prefs));
    g_signal_handler_disconnect (l4a_application_get_inbox (app), handler);
    g_signal_handlers_unblock_matched (l4a_application_get_inbox (app), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, app);
    /* offering changed nothing */
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM imported_bundle"),
                     ==, 2);
  }

  /* the export window offers the secretariat's kinds */
  {
    GtkWindow *export = l4a_window_open_export (window);

    /* released decisions go to every government, or to one found by words */
    {
      GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (export), L4A_TYPE_EXPORT_WINDOW,
                                                                  "government_row"));
      GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "button"));
      GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "search_entry"));
      GtkWidget *export_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (export),
                                                                            L4A_TYPE_EXPORT_WINDOW, "export_button"));
      g_autofree char *to_all = NULL;
      g_autofree char *to_soria = NULL;

      g_assert_false (gtk_widget_get_visible (row));
      g_assert_true (choose_kind (export, "decisions"));
      g_assert_true (gtk_widget_get_visible (row));
      g_assert_true (gtk_widget_get_sensitive (export_button));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "All governments");
      to_all = file_name_of (export);
      gtk_menu_button_popup (button);
      l4a_test_iterate (0.1);
      gtk_editable_set_text (GTK_EDITABLE (entry), "soria");
      l4a_test_iterate (0.4);
      g_signal_emit_by_name (entry, "activate");
      l4a_test_iterate (0.1);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Soria (Spain)");
      to_soria = file_name_of (export);
      g_assert_cmpstr (to_soria, !=, to_all);
      /* and back to every government: the first choice when nothing is typed */
      gtk_menu_button_popup (button);
      l4a_test_iterate (0.2);
      {
        GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "list"));

        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                         ==, "All governments");
      }
      g_signal_emit_by_name (entry, "activate");
      l4a_test_iterate (0.1);
      g_assert_null (l4a_government_row_get_government_id (L4A_GOVERNMENT_ROW (row)));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "All governments");
    }
    g_assert_true (choose_kind (export, "registry"));
    g_assert_false (choose_kind (export, "reviews"));
    name = (g_free (name), file_name_of (export));
    g_assert_true (g_str_has_prefix (name, "registry-"));

    /* written in a thread; the window closes when done and the file checks */
    {
      g_autofree char *out = g_build_filename (tmpdir, name, NULL);
      g_autoptr(L4aBundle) written = NULL;
      gboolean gone = FALSE;

      g_object_weak_ref (G_OBJECT (export), import_closed_cb, &gone);
      l4a_test_activate (GTK_WIDGET (export), "export.write-to", "s", out);
      l4a_test_wait_until (flag_set, &gone, 30, "the export to finish");
      written = l4a_bundle_load (out, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (written->kind, ==, "registry");
      g_assert_cmpuint (written->n_records, >, 0);
    }
  }
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

static gboolean
publish_done (gpointer data)
{
  const char *page = l4a_test_page_of (data, L4A_TYPE_PUBLISH_WINDOW, "stack");

  return g_strcmp0 (page, "done") == 0 || g_strcmp0 (page, "error") == 0;
}

static void
published_cb (GtkWindow *window,
              guint      written,
              guint      unchanged,
              guint     *counts)
{
  counts[0] = written;
  counts[1] = unchanged;
}

/* The secretariat publishes the registry as a website from the main menu:
 * the folder, the address, progress, then what was written; publishing
 * again writes nothing new. */
static void
test_publish_window (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *folder = g_build_filename (tmpdir, "website", NULL);
  g_autofree char *index = g_build_filename (folder, "en", "hubs.html", NULL);
  g_autofree char *catalog = g_build_filename (folder, "catalog.jsonld", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  L4aWindow *window;
  GtkWindow *publish;
  GtkWidget *button, *address;
  guint counts[2] = { G_MAXUINT, 0 };

  g_settings_set_string (settings, "role", "secretariat");
  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  l4a_test_iterate (0.2);
  publish = find_toplevel (L4A_TYPE_PUBLISH_WINDOW);
  g_assert_nonnull (publish);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (publish), L4A_TYPE_PUBLISH_WINDOW,
                                                     "publish_button"));
  address = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (publish), L4A_TYPE_PUBLISH_WINDOW,
                                                      "address_row"));

  /* a wrong address is said, and nothing is written */
  g_object_set (L4A_PUBLISH_WINDOW (publish), "folder", folder, NULL);
  gtk_editable_set_text (GTK_EDITABLE (address), "hubs.example.org");
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  g_assert_cmpstr (l4a_test_page_of (publish, L4A_TYPE_PUBLISH_WINDOW, "stack"), ==, "choose");
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));

  gtk_editable_set_text (GTK_EDITABLE (address), "https://hubs.example.org/");
  gtk_widget_activate (button);
  l4a_test_wait_until (publish_done, publish, 60, "the website to be published");
  g_assert_cmpstr (l4a_test_page_of (publish, L4A_TYPE_PUBLISH_WINDOW, "stack"), ==, "done");
  g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Care Blocks Hub"));
  g_assert_true (g_file_test (catalog, G_FILE_TEST_EXISTS));
  /* remembered for next time */
  g_assert_cmpstr (g_settings_get_string (settings, "site-folder"), ==, folder);
  gtk_window_destroy (publish);

  /* again, with the folder and address remembered: nothing to write */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  l4a_test_iterate (0.2);
  publish = find_toplevel (L4A_TYPE_PUBLISH_WINDOW);
  g_assert_nonnull (publish);
  g_signal_connect (publish, "published", G_CALLBACK (published_cb), counts);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (publish), L4A_TYPE_PUBLISH_WINDOW,
                                                     "publish_button"));
  gtk_widget_activate (button);
  l4a_test_wait_until (publish_done, publish, 60, "the website to be published again");
  g_assert_cmpstr (l4a_test_page_of (publish, L4A_TYPE_PUBLISH_WINDOW, "stack"), ==, "done");
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_cmpuint (counts[1], >, 100);
  gtk_window_destroy (publish);

  /* a government has no such action */
  g_settings_set_string (settings, "role", "government");
  l4a_test_iterate (0.3);
  g_assert_null (find_toplevel (L4A_TYPE_PUBLISH_WINDOW));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL);
  l4a_test_iterate (0.2);
  g_assert_null (find_toplevel (L4A_TYPE_PUBLISH_WINDOW));
  g_settings_set_string (settings, "role", "secretariat");
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

/* The Indicators view: the dashboard's charts by keyboard, as data and as
 * files; a hub's indicators, rows pasted into one, the CSV annex. */
/* The first row under @root titled from @title_start, its subtitle
 * holding @in_subtitle, or NULL. */
static GtkWidget *
find_row_subtitled (GtkWidget  *root,
                    const char *title_start,
                    const char *in_subtitle)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title_start) &&
      adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), in_subtitle) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_subtitled (child, title_start, in_subtitle);

      if (found)
        return found;
    }
  return NULL;
}

/* The chart cards of the Indicators view as laid out: the dashboard's
 * seven, then one per indicator of the hub shown. */
static GPtrArray *
cards_of (L4aIndicatorsView *view)
{
  GPtrArray *cards = g_ptr_array_new ();

  l4a_test_collect_type (GTK_WIDGET (view), L4A_TYPE_CHART_CARD, cards);
  return cards;
}

/* How many indicators of the hub shown have a card. */
static guint
indicator_cards (L4aIndicatorsView *view)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  l4a_test_collect_type (L4A_TEST_CHILD (view, L4A_TYPE_INDICATORS_VIEW, "indicator_box"), L4A_TYPE_CHART_CARD,
                         cards);
  return cards->len;
}

/* Pastes @text into the Paste Rows dialog of indicator @indicator and adds
 * the rows: whether they were added (else @problems is what the window
 * said). */
static gboolean
paste_rows (L4aIndicatorsView *view,
            const char        *indicator,
            const char        *text,
            char             **problems)
{
  AdwMessageDialog *dialog, *refusal;
  GtkWidget *field;

  l4a_test_activate (GTK_WIDGET (view), "indicators.paste", "s", indicator);
  dialog = find_message_dialog ("Paste Rows");
  g_assert_nonnull (dialog);
  field = l4a_test_find_nth_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  adw_message_dialog_response (dialog, "save");
  l4a_test_iterate (0.1);
  refusal = find_message_dialog ("No Rows Were Added");
  if (refusal == NULL)
    return TRUE;
  if (problems != NULL)
    *problems = g_strdup (adw_message_dialog_get_body (refusal));
  gtk_window_destroy (GTK_WINDOW (refusal));
  return FALSE;
}

static void
test_indicators_view (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *hub = NULL;
  g_autofree char *png = g_build_filename (tmpdir, "regions.png", NULL);
  g_autofree char *svg = g_build_filename (tmpdir, "regions.svg", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "annex.csv", NULL);
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  L4aIndicatorsView *view;
  L4aChartCard *regions;
  g_autofree char *first_indicator = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  L4aWindow *window;
  gint64 before;

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  hub = l4a_test_sql_text (l4a_store_get_path (store),
                              "SELECT hub_id FROM indicator WHERE hub_id IS NOT NULL GROUP BY hub_id "
                              "ORDER BY count(*) DESC LIMIT 1");
  g_settings_set_string (l4a_application_get_settings (app), "role", "secretariat");
  window = l4a_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  l4a_window_show_view (window, "indicators");
  view = L4A_INDICATORS_VIEW (l4a_test_show_view (window, "indicators"));
  l4a_test_iterate (0.5);

  cards = cards_of (view);
  g_assert_cmpuint (cards->len, >=, 4);
  regions = g_ptr_array_index (cards, 0);
  {
    L4aChartView *chart = l4a_chart_card_get_view (regions);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_nonnull (l4a_chart_view_get_chart (chart));
    g_assert_cmpuint (l4a_chart_view_get_chart (chart)->hits->len, ==, 7);
    /* the arrow keys move from bar to bar, and say what each one is */
    gtk_widget_grab_focus (GTK_WIDGET (chart));
    l4a_chart_view_move_focus (chart, G_MININT);
    first = l4a_chart_view_describe_focused (chart);
    l4a_chart_view_move_focus (chart, 1);
    second = l4a_chart_view_describe_focused (chart);
    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first, "Africa"));
    g_assert_cmpstr (first, !=, second);
    l4a_chart_view_move_focus (chart, G_MAXINT);
    g_assert_cmpint (l4a_chart_view_get_focused (chart), ==, 6);
  }
  l4a_chart_card_show_data (regions, TRUE);
  g_assert_true (l4a_chart_card_get_showing_data (regions));
  l4a_chart_card_show_data (regions, FALSE);
  g_assert_true (l4a_chart_card_export (regions, png, 2, &error));
  g_assert_true (l4a_chart_card_export (regions, svg, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));

  g_assert_true (l4a_test_choose_hub (L4A_TEST_CHILD (view, L4A_TYPE_INDICATORS_VIEW, "hub_row"), hub));
  l4a_test_iterate (0.2);
  g_assert_cmpuint (indicator_cards (view), >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM indicator WHERE hub_id = '%s' "
                                            "ORDER BY position, code, name LIMIT 1", hub);

    first_indicator = l4a_test_sql_text (l4a_store_get_path (store), sql);
  }
  before = l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM measurement");
  g_assert_false (paste_rows (view, first_indicator, "2026-01-31\t12\n2026-02-30\t13\n", &problems));
  g_assert_nonnull (strstr (problems, "Line 2"));
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM measurement"), ==, before);
  g_assert_true (paste_rows (view, first_indicator, "Date\tValue\n1999-01-31\t12\n1999-02-28\t13,5\n", NULL));
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM measurement"), ==,
                   before + 2);

  /* a measurement written by another program: when the context notices,
   * the card of its indicator is made again, at its place, and only it */
  {
    guint n = indicator_cards (view);
    guint changed = n > 1 ? 1 : 0;
    g_autoptr(GPtrArray) shown = cards_of (view);
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM indicator WHERE hub_id = '%s' "
                                            "ORDER BY position, code, name LIMIT 1 OFFSET %u", hub, changed);
    g_autofree char *indicator = l4a_test_sql_text (l4a_store_get_path (store), sql);
    g_autofree char *insert = g_strdup_printf ("INSERT INTO measurement (id, indicator_id, measured_on, value, "
                                               "created_at, updated_at, origin) VALUES ('m-elsewhere', '%s', "
                                               "'2001-05-31', 7, 'x', 'x', 'test')", indicator);
    g_autoptr(GPtrArray) now = NULL;

    l4a_test_sql_exec (l4a_store_get_path (store), insert);
    g_assert_true (l4a_context_check_for_changes (l4a_application_get_context (app)));
    l4a_test_iterate (0.2);
    now = cards_of (view);
    g_assert_cmpuint (indicator_cards (view), ==, n);
    g_assert_cmpuint (now->len, ==, shown->len);
    for (guint i = 0; i < n; i++)
      {
        /* the indicators' cards come after the dashboard's */
        guint at = now->len - n + i;

        if (i == changed)
          g_assert_true (g_ptr_array_index (now, at) != g_ptr_array_index (shown, at));
        else
          g_assert_true (g_ptr_array_index (now, at) == g_ptr_array_index (shown, at));
      }
  }

  /* a measurement changed in its dialog keeps its note, which the dialog
   * does not show (it was lost before) */
  {
    g_autofree char *note_sql = g_strdup_printf ("UPDATE measurement SET note = 'From the census', "
                                                 "revision = revision + 1 WHERE indicator_id = '%s' "
                                                 "AND measured_on = '1999-01-31'", first_indicator);
    g_autofree char *check_sql = g_strdup_printf ("SELECT count(*) FROM measurement WHERE indicator_id = '%s' "
                                                  "AND measured_on = '1999-01-31' AND value = 12.75 "
                                                  "AND note = 'From the census'", first_indicator);
    AdwMessageDialog *dialog;
    GtkWidget *row, *value;

    l4a_test_sql_exec (l4a_store_get_path (store), note_sql);
    g_assert_true (l4a_context_check_for_changes (l4a_application_get_context (app)));
    l4a_test_iterate (0.2);
    row = find_row_subtitled (GTK_WIDGET (view), "12 ", "1999");
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    l4a_test_iterate (0.1);
    dialog = find_message_dialog ("Change Measurement");
    g_assert_nonnull (dialog);
    value = l4a_test_find_nth_type (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW, 1);
    gtk_editable_set_text (GTK_EDITABLE (value), "12,75");
    adw_message_dialog_response (dialog, "save");
    l4a_test_iterate (0.2);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), check_sql), ==, 1);
  }

  /* more measurements than a card lists: the newest there, the others in
   * the window of all of them, read a page at a time, each opening its
   * dialog, each removable there */
  {
    g_autofree char *insert = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                                               "WHERE i < 59) INSERT INTO measurement (id, indicator_id, measured_on, "
                                               "value, created_at, updated_at, origin) SELECT printf ('m-many-%%02d', i), "
                                               "'%s', date ('1980-01-31', '+' || i || ' months'), i, 'x', 'x', 'test' "
                                               "FROM n", first_indicator);
    g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM measurement WHERE indicator_id = '%s'",
                                                  first_indicator);
    g_autofree char *newest_sql = g_strdup_printf ("SELECT id FROM measurement WHERE indicator_id = '%s' "
                                                   "ORDER BY measured_on DESC, rowid DESC LIMIT 1", first_indicator);
    g_autofree char *all_title = NULL;
    g_autofree char *newest = NULL;
    L4aMeasurementsWindow *all;
    GListModel *listed;
    GtkWidget *row, *remove;
    guint n;

    l4a_test_sql_exec (l4a_store_get_path (store), insert);
    g_assert_true (l4a_context_check_for_changes (l4a_application_get_context (app)));
    l4a_test_iterate (0.2);
    n = (guint) l4a_test_sql_int (l4a_store_get_path (store), count_sql);
    g_assert_cmpuint (n, >, 60);
    newest = l4a_test_sql_text (l4a_store_get_path (store), newest_sql);
    /* the card: the newest twenty (the oldest of 1980 not among them) */
    g_assert_null (find_row_subtitled (GTK_WIDGET (view), "0", "1980"));
    all_title = g_strdup_printf ("_All %u Measurements…", n);
    row = find_row_titled (GTK_WIDGET (view), all_title);
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    l4a_test_iterate (0.3);
    all = L4A_MEASUREMENTS_WINDOW (find_toplevel (L4A_TYPE_MEASUREMENTS_WINDOW));
    g_assert_nonnull (all);
    listed = l4a_measurements_window_get_list (all);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n);
    {
      g_autoptr(L4aMeasurement) top = g_list_model_get_item (listed, 0);
      g_autoptr(L4aMeasurement) bottom = g_list_model_get_item (listed, n - 1);

      g_assert_cmpstr (top->id, ==, newest);
      g_assert_cmpstr (bottom->measured_on, ==, "1980-01-31");
    }
    /* a row opens its measurement's dialog */
    g_signal_emit_by_name (L4A_TEST_CHILD (all, L4A_TYPE_MEASUREMENTS_WINDOW, "list_view"), "activate", 0);
    l4a_test_iterate (0.1);
    g_assert_nonnull (find_message_dialog ("Change Measurement"));
    answer_dialog ("Change Measurement", "cancel");
    /* its button removes it: the window's list and the card follow */
    remove = find_button_with_tooltip (GTK_WIDGET (all), "Remove Measurement");
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    l4a_test_iterate (0.2);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), count_sql), ==, n - 1);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n - 1);
    {
      g_autofree char *fewer = g_strdup_printf ("_All %u Measurements…", n - 1);

      g_assert_nonnull (find_row_titled (GTK_WIDGET (view), fewer));
    }
    gtk_window_destroy (GTK_WINDOW (all));
    l4a_test_iterate (0.1);
  }

  l4a_test_activate (GTK_WIDGET (view), "indicators.write-csv", "s", csv);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Hub,Goal,Target,Indicator code,"));
  g_assert_nonnull (strstr (text, ",1999,"));

  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

static GtkWidget *find_named (GtkWidget  *widget,
                              const char *name);

/* The activity form is the activity's properties: what is typed is what
 * is saved (trimmed), the kind chosen and the online switch too. */
static void
test_activity_form (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *hub = NULL;
  L4aWindow *window;
  GtkWidget *form, *kind;

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  g_settings_set_string (l4a_application_get_settings (app), "role", "secretariat");
  hub = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM hub ORDER BY name LIMIT 1");
  window = open_window ();
  form = g_object_ref (l4a_activity_dialog_new (GTK_WIDGET (window), store, hub, NULL));
  gtk_window_present (GTK_WINDOW (form));
  l4a_test_iterate (0.2);
  gtk_editable_set_text (GTK_EDITABLE (find_named (form, "title")), "  Forum on open data  ");
  gtk_editable_set_text (GTK_EDITABLE (find_named (form, "starts_on")), "2026-05-04");
  gtk_editable_set_text (GTK_EDITABLE (find_named (form, "place")), "Soria");
  kind = find_named (form, "kind");
  choose_in_combo (kind, l4a_enum_get_label (L4A_TYPE_ACTIVITY_KIND, "training"));
  gtk_switch_set_active (GTK_SWITCH (find_named (form, "online")), TRUE);
  l4a_test_activate (form, "dialog.save", NULL);
  l4a_test_iterate (0.2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM activity WHERE hub_id = '%s' "
                                            "AND title = 'Forum on open data' AND happened_on = '2026-05-04' "
                                            "AND ends_on IS NULL AND place = 'Soria' AND kind = 'training' "
                                            "AND online = 1", hub);

    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), sql), ==, 1);
  }
  /* saved, the form closes */
  g_assert_false (gtk_widget_get_visible (form));
  g_object_unref (form);
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

/* The Brand Kit view: a hub's label written to a file, a hostile SVG
 * refused with its reason, a good image kept. */
/* How many logos and labels the Brand Kit view shows. */
static guint
brand_assets (L4aBrandView *view)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  l4a_test_collect_type (L4A_TEST_CHILD (view, L4A_TYPE_BRAND_VIEW, "assets_group"), ADW_TYPE_EXPANDER_ROW, rows);
  return rows->len;
}

static void
test_brand_view (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *hub = NULL;
  g_autofree char *png = g_build_filename (tmpdir, "hub-label.png", NULL);
  g_autofree char *bad_path = g_build_filename (tmpdir, "evil.svg", NULL);
  g_autofree char *good_path = g_build_filename (tmpdir, "partner-logo.svg", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;
  L4aBrandView *view;
  L4aWindow *window;
  guint before;

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  hub = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM hub ORDER BY name LIMIT 1");
  g_settings_set_string (l4a_application_get_settings (app), "role", "secretariat");
  window = l4a_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  l4a_window_show_view (window, "brand-kit");
  view = L4A_BRAND_VIEW (l4a_test_show_view (window, "brand-kit"));
  l4a_test_iterate (0.3);

  before = brand_assets (view);
  g_assert_cmpuint (before, >=, 1);
  g_assert_true (l4a_test_choose_hub (L4A_TEST_CHILD (view, L4A_TYPE_BRAND_VIEW, "hub_row"), hub));
  /* what the label's export writes once its file is chosen */
  g_assert_true (l4a_brand_export_label (store, hub, png, 1200, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));

  /* the hubs the label names are the registry's live list: a hub renamed
   * by another program is renamed in the row, and stays chosen */
  {
    AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (view), L4A_TYPE_BRAND_VIEW,
                                                                     "hub_row"));
    g_autofree char *rename = g_strdup_printf ("UPDATE hub SET name = 'Aaa Renamed Elsewhere', "
                                               "revision = revision + 1 WHERE id = '%s'", hub);
    L4aHub *chosen;

    l4a_test_sql_exec (l4a_store_get_path (store), rename);
    g_assert_true (l4a_context_check_for_changes (l4a_application_get_context (app)));
    l4a_test_iterate (0.2);
    chosen = adw_combo_row_get_selected_item (row);
    g_assert_nonnull (chosen);
    g_assert_cmpstr (l4a_hub_get_id (chosen), ==, hub);
    g_assert_cmpstr (l4a_hub_get_name (chosen), ==, "Aaa Renamed Elsewhere");
  }

  g_assert_true (g_file_set_contents (bad_path, "<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'>"
                                                "<script>alert(1)</script></svg>", -1, NULL));
  l4a_test_activate (GTK_WIDGET (view), "brand.import-file", "s", bad_path);
  {
    AdwMessageDialog *refusal = find_message_dialog ("The Asset Was Not Imported");

    g_assert_nonnull (refusal);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "script"));
    gtk_window_destroy (GTK_WINDOW (refusal));
  }
  l4a_test_iterate (0.2);
  g_assert_cmpuint (brand_assets (view), ==, before);

  g_assert_true (g_file_set_contents (good_path, "<svg xmlns='http://www.w3.org/2000/svg' width='90' height='30'>"
                                                 "<rect width='90' height='30' fill='#1B4F8C'/></svg>", -1, NULL));
  l4a_test_activate (GTK_WIDGET (view), "brand.import-file", "s", good_path);
  g_assert_null (find_message_dialog ("The Asset Was Not Imported"));
  l4a_test_iterate (0.2);
  g_assert_cmpuint (brand_assets (view), ==, before + 1);
  l4a_test_iterate (0.2);

  /* a folder: the good files kept, the bad one named */
  {
    g_autofree char *kit = g_build_filename (tmpdir, "kit", NULL);
    g_autofree char *logo = g_build_filename (kit, "logo-mono.svg", NULL);
    g_autofree char *evil = g_build_filename (kit, "evil.svg", NULL);
    g_autofree char *notes = g_build_filename (kit, "notes.txt", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (kit);
    g_autofree char *problems = NULL;

    g_assert_cmpint (g_mkdir_with_parents (kit, 0755), ==, 0);
    g_assert_true (g_file_set_contents (logo, "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'>"
                                              "<circle r='20' cx='20' cy='20'/></svg>", -1, NULL));
    g_assert_true (g_file_set_contents (evil, "<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'>"
                                              "<image href='http://example.org/x.png'/></svg>", -1, NULL));
    g_assert_true (g_file_set_contents (notes, "not an image", -1, NULL));
    AdwMessageDialog *said;

    l4a_test_activate (GTK_WIDGET (view), "brand.import-folder", "s", kit);
    said = find_message_dialog ("1 Asset Imported");
    g_assert_nonnull (said);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (said), "network"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (said), "evil.svg"));
    gtk_window_destroy (GTK_WINDOW (said));
    l4a_test_iterate (0.2);
    g_assert_cmpuint (brand_assets (view), ==, before + 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

/* The data layer, seen from the window ------------------------------------- */

static gboolean
model_has_hub (gpointer data)
{
  gpointer *args = data;
  GListModel *model = args[0];

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (model, i);

      if (g_strcmp0 (l4a_hub_get_id (hub), args[1]) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
map_laid_out (gpointer map)
{
  return gtk_widget_get_mapped (map) && gtk_widget_get_width (map) > 200;
}

/* The hubs the "hubs per region" chart of @cards (the dashboard's) counts. */
static double
dashboard_total (GPtrArray *cards)
{
  L4aChart *chart = l4a_chart_view_get_chart (l4a_chart_card_get_view (g_ptr_array_index (cards, 0)));
  double total = 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      L4aChartSeries *series = g_ptr_array_index (chart->series, s);

      for (guint i = 0; i < series->points->len; i++)
        total += g_array_index (series->points, L4aChartPoint, i).y;
    }
  return total;
}

/* The hubs the dashboard's "hubs per region" chart counts, as shown (a
 * view off screen catches up when shown again; the Hubs view is shown
 * back after). */
static double
dashboard_hub_count (L4aIndicatorsView *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  g_autoptr(GPtrArray) cards = NULL;
  double total = 0;

  l4a_test_show_view (window, "indicators");
  l4a_test_iterate (0.2);
  cards = cards_of (view);
  total = dashboard_total (cards);
  l4a_test_show_view (window, "hubs");
  l4a_test_iterate (0.1);
  return total;
}

/* A hub added by the command line, in another process, while the window is
 * open: the Hubs view, the map and the dashboard show it without a
 * restart, and nobody reloads anybody. */
static void
test_other_process (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *other_path = g_build_filename (tmpdir, "other-workstation.sqlite", NULL);
  g_autofree char *bundle = g_build_filename (tmpdir, "other-registry.l4a.json", NULL);
  g_autofree char *new_id = NULL;
  g_autoptr(GError) error = NULL;
  L4aIndicatorsView *indicators;
  L4aMapView *map;
  L4aHubsView *hubs;
  L4aWindow *window;
  guint markers_before, n_before;
  double dashboard_before;
  gpointer args[2];

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  g_settings_set_string (l4a_application_get_settings (app), "role", "secretariat");
  window = open_window ();
  hubs = hubs_of (window);
  map = L4A_MAP_VIEW (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "map_view"));
  indicators = L4A_INDICATORS_VIEW (l4a_test_show_view (window, "indicators"));
  l4a_test_show_view (window, "hubs");
  l4a_test_hubs_show_map (hubs, TRUE);
  /* the map shown again, laid out at its size, before its markers count */
  l4a_test_wait_until (map_laid_out, map, 30, "the map to be laid out");
  l4a_test_iterate (0.3);
  n_before = g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app)));
  markers_before = l4a_map_view_get_n_markers (map);
  g_assert_cmpuint (l4a_map_view_get_marker_count (map, "IS"), ==, 0);
  dashboard_before = dashboard_hub_count (indicators);
  g_assert_cmpfloat (dashboard_before, ==, n_before);

  /* another workstation's registry with one more hub, in Iceland */
  {
    g_autoptr(L4aStore) other = l4a_store_open (other_path, &error);
    g_autoptr(L4aHubEdit) edit = l4a_hub_edit_new ();
    g_autofree char *gov = NULL;

    g_assert_no_error (error);
    g_assert_true (l4a_sample_load (other, NULL, &error));
    g_assert_true (l4a_store_exec (other, "INSERT INTO government (id, name, kind, country, region, created_at, "
                                          "updated_at, origin) VALUES ('4e7b2c10-0d7e-4a59-9a55-2f1d3c4b5a61', "
                                          "'Reykjavík', 'city', 'IS', 'europe', '2026-01-01T00:00:00Z', "
                                          "'2026-01-01T00:00:00Z', 'test')", &error));
    g_assert_no_error (error);
    edit->government_id = g_strdup ("4e7b2c10-0d7e-4a59-9a55-2f1d3c4b5a61");
    edit->name = g_strdup ("Geothermal Neighbourhoods Hub");
    edit->summary = g_strdup ("Districts heated by the ground they stand on.");
    edit->topic = g_strdup ("Energy");
    edit->format = g_strdup ("hybrid");
    edit->start = g_strdup ("2026-03-01");
    edit->end = g_strdup ("2027-09-01");
    edit->status = g_strdup ("active");
    edit->sdgs = 1u << 7 | 1u << 11;
    g_assert_true (l4a_registry_save_hub (other, edit, &error));
    g_assert_no_error (error);
    new_id = g_strdup (edit->id);
    g_assert_nonnull (new_id);
    g_assert_true (l4a_bundle_export (other, "registry", NULL, bundle, NULL, NULL, &error));
    g_assert_no_error (error);
    /* this workstation confirmed that secretariat's key before */
    l4a_test_trust (store, other);
    (void) gov;
  }

  /* the command line imports it into the window's database */
  {
    const char *argv[] = { g_getenv ("L4A_EXECUTABLE"), "--db", l4a_store_get_path (store), "import",
                           "--keep-mine", bundle, NULL };
    int status = 0;

    g_assert_nonnull (argv[0]);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* the window notices by itself (it looks now and then while shown) */
  args[0] = l4a_context_get_hubs (l4a_application_get_context (app));
  args[1] = new_id;
  l4a_test_wait_until (model_has_hub, args, 20, "the hub written by another process");
  l4a_test_wait_until (hubs_loaded, hubs, 20, "the hubs to settle");
  l4a_test_iterate (0.3);
  g_assert_cmpuint (g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app))), ==, n_before + 1);
  g_assert_cmpuint (l4a_map_view_get_marker_count (map, "IS"), ==, 1);
  g_assert_cmpuint (l4a_map_view_get_n_markers (map), ==, markers_before + 1);
  g_assert_cmpfloat (dashboard_hub_count (indicators), ==, dashboard_before + 1);

  /* and takes it away again when another process deletes it */
  {
    g_autoptr(L4aStore) again = l4a_store_open (l4a_store_get_path (store), &error);
    g_autofree char *snapshot = l4a_registry_delete_hub (again, new_id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (snapshot);
  }
  g_assert_true (l4a_context_check_for_changes (l4a_application_get_context (app)));
  l4a_test_iterate (0.3);
  g_assert_false (model_has_hub (args));
  g_assert_cmpuint (l4a_map_view_get_marker_count (map, "IS"), ==, 0);
  g_assert_cmpfloat (dashboard_hub_count (indicators), ==, dashboard_before);

  l4a_test_hubs_show_map (hubs, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An import in the window: every open view shows what it touched, with
 * nobody telling them. The registry bundle renames a hub whose page is
 * open and brings a new one. */
static void
test_import_refreshes_views (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *other_path = g_build_filename (tmpdir, "refresh-workstation.sqlite", NULL);
  g_autofree char *bundle = g_build_filename (tmpdir, "refresh-registry.l4a.json", NULL);
  g_autofree char *renamed_id = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  L4aIndicatorsView *indicators;
  L4aHubsView *hubs;
  L4aMapView *map;
  L4aWindow *window;
  GtkWindow *import;
  GtkWidget *page;
  gboolean closed = FALSE;
  guint n_before, position;
  double dashboard_before;

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  g_settings_set_string (l4a_application_get_settings (app), "role", "secretariat");
  window = open_window ();
  hubs = hubs_of (window);
  map = L4A_MAP_VIEW (L4A_TEST_CHILD (hubs, L4A_TYPE_HUBS_VIEW, "map_view"));
  indicators = L4A_INDICATORS_VIEW (l4a_test_show_view (window, "indicators"));
  l4a_test_show_view (window, "hubs");
  l4a_test_hubs_show_map (hubs, TRUE);
  l4a_test_wait_until (map_laid_out, map, 30, "the map to be laid out");
  renamed_id = l4a_test_sql_text (l4a_store_get_path (store),
                                  "SELECT h.id FROM hub h JOIN government g ON g.id = h.government_id "
                                  "WHERE g.country = 'ES' ORDER BY h.name LIMIT 1");
  g_assert_true (l4a_test_hubs_open (hubs, renamed_id));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "hub_page"));
  l4a_test_iterate (0.3);
  n_before = g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app)));
  dashboard_before = dashboard_hub_count (indicators);

  /* the other workstation: the hub renamed, one more hub in Spain */
  {
    g_autoptr(L4aStore) other = l4a_store_open (other_path, &error);
    g_autoptr(L4aHubEdit) renamed = NULL;
    g_autoptr(L4aHubEdit) added = NULL;

    g_assert_no_error (error);
    g_assert_true (l4a_sample_load (other, NULL, &error));
    renamed = l4a_registry_load_hub (other, renamed_id, &error);
    g_assert_no_error (error);
    g_free (renamed->name);
    renamed->name = g_strdup ("Renamed by Another Workstation");
    g_assert_true (l4a_registry_save_hub (other, renamed, &error));
    added = l4a_registry_load_hub (other, renamed_id, &error);
    g_clear_pointer (&added->id, g_free);
    added->revision = 0;
    g_free (added->name);
    added->name = g_strdup ("Second Spanish Hub From Elsewhere");
    g_assert_true (l4a_registry_save_hub (other, added, &error));
    g_assert_no_error (error);
    new_id = g_strdup (added->id);
    g_assert_true (l4a_bundle_export (other, "registry", NULL, bundle, NULL, NULL, &error));
    l4a_test_trust (store, other);
    g_assert_no_error (error);
  }

  file = g_file_new_for_path (bundle);
  import = l4a_window_import_file (window, file);
  l4a_test_wait_until (import_previewed, import, 30, "the preview");
  g_assert_cmpstr (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), ==, "preview");
  g_object_weak_ref (G_OBJECT (import), import_closed_cb, &closed);
  l4a_test_activate (GTK_WIDGET (import), "import.apply", NULL);
  l4a_test_wait_until (flag_set, &closed, 30, "the import to finish");
  l4a_test_wait_until (hubs_loaded, hubs, 20, "the hubs to settle");
  l4a_test_iterate (0.3);

  /* the list: the renamed hub in its place, the new one added */
  g_assert_cmpuint (g_list_model_get_n_items (l4a_context_get_hubs (l4a_application_get_context (app))), ==, n_before + 1);
  g_assert_true (l4a_hub_query_find (L4A_HUB_QUERY (l4a_context_get_hubs (l4a_application_get_context (app))), renamed_id, &position));
  {
    g_autoptr(L4aHub) hub = g_list_model_get_item (l4a_context_get_hubs (l4a_application_get_context (app)), position);

    g_assert_cmpstr (l4a_hub_get_name (hub), ==, "Renamed by Another Workstation");
  }
  g_assert_true (l4a_hub_query_find (L4A_HUB_QUERY (l4a_context_get_hubs (l4a_application_get_context (app))), new_id, NULL));
  /* the open page, the map and the dashboard */
  g_assert_cmpstr (l4a_test_hubs_open_hub (hubs), ==, renamed_id);
  {
    GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (page, L4A_TYPE_HUB_PAGE, "header_label"));

    g_assert_cmpstr (gtk_label_get_label (title), ==, "Renamed by Another Workstation");
  }
  g_assert_cmpuint (l4a_map_view_get_marker_count (map, "ES"), ==, 3);
  g_assert_cmpfloat (dashboard_hub_count (indicators), ==, dashboard_before + 1);

  l4a_test_hubs_show_map (hubs, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A local government asks to be enrolled; its request waits in the
 * Governments window with its fingerprint, is approved there, and the
 * government's row tells its key is approved. */
static void
test_enrolment_window (void)
{
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *city_path = g_build_filename (tmpdir, "enrolling-city.sqlite", NULL);
  g_autofree char *request = g_build_filename (tmpdir, "enrolling-city.l4a.json", NULL);
  g_autofree char *government = NULL;
  g_autofree char *described = NULL;
  g_autoptr(L4aStore) city = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aRosterEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  L4aGovernmentsWindow *governments;
  L4aKeysGroup *keys;

  if (!l4a_sample_is_loaded (store))
    g_assert_true (l4a_sample_load (store, NULL, &error));
  g_settings_set_string (l4a_application_get_settings (app), "role", "secretariat");
  government = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM government ORDER BY name LIMIT 1");
  city = l4a_store_open (city_path, &error);
  g_assert_no_error (error);
  l4a_store_set_actor (city, L4A_ROLE_GOVERNMENT, government);
  g_assert_true (l4a_bundle_export (city, "enrolment", NULL, request, NULL, NULL, &error));
  g_assert_no_error (error);
  bundle = l4a_bundle_load (request, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_import_now (store, bundle, NULL, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  governments = l4a_governments_window_new (store);
  gtk_window_present (GTK_WINDOW (governments));
  l4a_test_iterate (0.3);
  keys = L4A_KEYS_GROUP (L4A_TEST_CHILD (governments, L4A_TYPE_GOVERNMENTS_WINDOW, "keys"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (keys)));
  g_assert_cmpuint (l4a_keys_group_get_n_waiting (keys), ==, 1);
  entry = l4a_trust_find (store, bundle->signer_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_PENDING);
  g_clear_pointer (&entry, l4a_roster_entry_free);

  g_assert_true (l4a_keys_group_approve (keys, bundle->signer_key, &error));
  g_assert_no_error (error);
  l4a_test_iterate (0.2);
  g_assert_cmpuint (l4a_keys_group_get_n_waiting (keys), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (keys)));
  described = l4a_keys_describe (store, L4A_ROLE_GOVERNMENT, government);
  g_assert_true (g_str_has_prefix (described, "Key approved"));
  entry = l4a_trust_find (store, bundle->signer_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_APPROVED);
  gtk_window_destroy (GTK_WINDOW (governments));
}

/* `local4action --role member --as ID` opens the window as that member for
 * this run only: the workstation's settings are left as they were. */
static void
test_act_as_for_a_run (void)
{
  g_autoptr(GSettings) run = g_settings_new (APP_ID);
  g_autoptr(GSettings) saved = g_settings_new (APP_ID);
  g_autofree char *before = g_settings_get_string (saved, "role");
  g_autofree char *role = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *after = NULL;

  l4a_settings_act_as (run, "member", "0b7f3e8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  role = g_settings_get_string (run, "role");
  identity = g_settings_get_string (run, "identity");
  g_assert_cmpstr (role, ==, "member");
  g_assert_cmpstr (identity, ==, "0b7f3e8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  g_assert_true (g_settings_get_has_unapplied (run));
  after = g_settings_get_string (saved, "role");
  g_assert_cmpstr (after, ==, before);
  g_settings_revert (run);
}

/* Each role opens on its home view; a local government has no Reviews. */
static void
test_role_home (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window;
  AdwViewStack *stack;

  g_settings_set_string (settings, "role", "government");
  window = open_window ();
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (l4a_test_show_view (window, "proposals"), ADW_TYPE_VIEW_STACK));
  l4a_test_iterate (0.3);
  g_assert_cmpstr (l4a_test_visible_view (window), ==, "proposals");
  g_assert_false (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                     adw_view_stack_get_child_by_name (stack, "reviews"))));
  g_settings_set_string (settings, "role", "member");
  l4a_test_iterate (0.3);
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                    adw_view_stack_get_child_by_name (stack, "reviews"))));
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_window ();
  g_assert_cmpstr (l4a_test_visible_view (window), ==, "reviews");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "role", "secretariat");
  l4a_test_iterate (0.2);
}

/* The widget named @name under @widget (a form's field), or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *dialog,
           const char *field,
           const char *text)
{
  GtkWidget *row = find_named (dialog, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  l4a_test_iterate (0.05);
}

/* Whether Save saved and closed the form. */
static gboolean
can_save (GtkWidget *dialog)
{
  g_autoptr(GtkWidget) held = g_object_ref (dialog);

  return gtk_widget_activate_action (held, "dialog.save", NULL) && !gtk_widget_get_visible (held);
}

/* A hub's lead government records an activity and marks a deliverable
 * done from the hub's page, as a user does: the forms say what is wrong
 * as it is typed, and save only what the core accepts. The secretariat
 * adds a meeting of the network; a government may not. */
static void
test_monitoring (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window;
  L4aHubsView *hubs;
  L4aStore *store;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *problem;
  g_autofree char *hub = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *deliverable = NULL;
  g_autofree char *sql = NULL;
  const char *path;
  gint64 activities, changes, meetings;

  window = open_window ();
  store = l4a_application_get_store (app);
  path = l4a_store_get_path (store);
  /* a hub with a deliverable to do, labelled long enough ago to have reported */
  hub = l4a_test_sql_text (path, "SELECT d.hub_id FROM deliverable d JOIN hub h ON h.id = d.hub_id "
                                 "WHERE d.status = 'planned' AND coalesce (h.label_date, h.start_on) < "
                                 "date ('now', '-1 year') ORDER BY d.id LIMIT 1");
  g_assert_nonnull (hub);
  sql = g_strdup_printf ("SELECT government_id FROM hub WHERE id = '%s'", hub);
  lead = l4a_test_sql_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM deliverable WHERE hub_id = '%s' AND status = 'planned' ORDER BY id LIMIT 1",
                         hub);
  deliverable = l4a_test_sql_text (path, sql);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_string (settings, "role", "government");
  g_settings_set_string (settings, "identity", lead);
  window = open_window ();
  l4a_window_show_view (window, "hubs");
  hubs = hubs_of (window);
  l4a_test_wait_until (hubs_loaded, hubs, 30, "the hubs to load");
  g_assert_true (l4a_test_hubs_open (hubs, hub));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "hub_page"));

  /* a new activity: a mistake is named as it is typed, and not saved */
  activities = l4a_test_sql_int (path, "SELECT count(*) FROM activity");
  g_assert_true (gtk_widget_activate_action (page, "hub.add-activity", NULL));
  l4a_test_iterate (0.3);
  dialog = GTK_WIDGET (find_toplevel (L4A_TYPE_MONITORING_DIALOG));
  g_assert_nonnull (dialog);
  problem = find_named (dialog, "problem");
  type_into (dialog, "title", "Neighbourhood heat walk");
  type_into (dialog, "starts_on", "2026-05-12");
  type_into (dialog, "ends_on", "2026-05-10");
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem)), "ends before it starts"));
  g_assert_true (gtk_widget_has_css_class (find_named (dialog, "ends_on"), "error"));
  g_assert_false (can_save (dialog));
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM activity"), ==, activities);
  type_into (dialog, "ends_on", "2026-05-13");
  type_into (dialog, "place", "Barcelona");
  type_into (dialog, "url", "https://example.org/heat-walk");
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_true (can_save (dialog));
  l4a_test_iterate (0.3);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM activity"), ==, activities + 1);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM activity WHERE title = 'Neighbourhood heat walk' "
                                           "AND ends_on = '2026-05-13' AND place = 'Barcelona'"), ==, 1);

  /* a deliverable done: evidence first */
  changes = l4a_test_sql_int (path, "SELECT count(*) FROM deliverable_change");
  g_assert_true (gtk_widget_activate_action (page, "hub.deliverable", "s", deliverable));
  l4a_test_iterate (0.3);
  dialog = GTK_WIDGET (find_toplevel (L4A_TYPE_MONITORING_DIALOG));
  g_assert_nonnull (dialog);
  {
    GtkWidget *status = find_named (dialog, "status");
    GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (status));

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i),
                       l4a_deliverable_status_label ("done")))
        adw_combo_row_set_selected (ADW_COMBO_ROW (status), i);
  }
  type_into (dialog, "note", "Delivered to the partners");
  g_assert_false (can_save (dialog));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_named (dialog, "problem"))), "evidence"));
  type_into (dialog, "evidence_url", "https://example.org/toolkit.pdf");
  g_assert_true (can_save (dialog));
  l4a_test_iterate (0.3);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM deliverable_change"), ==, changes + 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT status FROM deliverable WHERE id = '%s'", deliverable);
  {
    g_autofree char *status = l4a_test_sql_text (path, sql);
    g_assert_cmpstr (status, ==, "done");
  }

  /* the report of the last period ended: too short, then submitted */
  {
    g_autoptr(GPtrArray) slots = l4a_reporting_schedule (store, hub, NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *start = NULL;
    GtkWidget *confirm;
    GtkTextBuffer *narrative;

    for (guint i = 0; i < slots->len; i++)
      {
        L4aReportSlot *slot = g_ptr_array_index (slots, i);

        if (strcmp (slot->period_end, day) < 0)
          {
            g_free (start);
            start = g_strdup (slot->period_start);
          }
      }
    g_assert_nonnull (start);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM progress_report WHERE hub_id = '%s' AND period_start = '%s'", hub, start);
    l4a_test_sql_exec (path, sql);
    g_assert_true (gtk_widget_activate_action (page, "hub.report", "s", start));
    l4a_test_iterate (0.3);
    dialog = GTK_WIDGET (find_toplevel (L4A_TYPE_MONITORING_DIALOG));
    g_assert_nonnull (dialog);
    narrative = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (find_named (dialog,
                                                                                                "narrative")))));
    gtk_text_buffer_set_text (narrative, "Fine.", -1);
    l4a_test_iterate (0.1);
    g_assert_false (gtk_widget_get_sensitive (find_named (dialog, "submit")));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_named (dialog, "problem"))), "a few sentences"));
    gtk_text_buffer_set_text (narrative, "Two shelters opened and forty staff were trained in the period.", -1);
    l4a_test_iterate (0.1);
    g_assert_true (gtk_widget_get_sensitive (find_named (dialog, "submit")));
    g_assert_true (gtk_widget_activate_action (dialog, "dialog.submit", NULL));
    l4a_test_iterate (0.2);
    confirm = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_true (ADW_IS_MESSAGE_DIALOG (confirm));
    /* it closes itself, and the report after it */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "submit");
    l4a_test_iterate (0.3);
    g_free (sql);
    sql = g_strdup_printf ("SELECT status FROM progress_report WHERE hub_id = '%s' AND period_start = '%s'", hub,
                           start);
    {
      g_autofree char *status = l4a_test_sql_text (path, sql);
      g_assert_cmpstr (status, ==, "submitted");
    }
    g_object_set_data_full (G_OBJECT (store), "l4a-test-report-start", g_steal_pointer (&start), g_free);
  }

  /* a link proposed to a suggested hub */
  {
    gint64 links = l4a_test_sql_int (path, "SELECT count(*) FROM hub_link");
    GtkWidget *choose = NULL;
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_assert_true (gtk_widget_activate_action (page, "hub.propose-link", NULL));
    l4a_test_iterate (0.3);
    dialog = GTK_WIDGET (find_toplevel (L4A_TYPE_MONITORING_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_false (can_save (dialog));
    g_ptr_array_add (stack, dialog);
    while (stack->len > 0 && choose == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), "Choose") == 0)
          choose = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_assert_nonnull (choose);
    g_signal_emit_by_name (choose, "clicked");
    type_into (dialog, "note", "Both work on heat in public spaces");
    g_assert_true (can_save (dialog));
    l4a_test_iterate (0.3);
    g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_link"), ==, links + 1);
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM hub_link WHERE hub_id = '%s' AND status = 'proposed' "
                           "AND note = 'Both work on heat in public spaces'", hub);
    g_assert_cmpint (l4a_test_sql_int (path, sql), ==, 1);
  }

  /* a government does not keep the network's calendar */
  l4a_window_show_view (window, "indicators");
  l4a_test_iterate (0.5);
  {
    GtkWidget *view = l4a_test_show_view (window, "indicators");
    GtkWidget *add = GTK_WIDGET (gtk_widget_get_template_child (view, L4A_TYPE_INDICATORS_VIEW, "add_meeting_button"));

    g_assert_false (gtk_widget_get_visible (add));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);

  /* the secretariat adds a meeting with a hub presenting, found by name */
  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  window = open_window ();
  /* it reads the report: sending it back wants a comment; acknowledged */
  {
    const char *start = g_object_get_data (G_OBJECT (store), "l4a-test-report-start");
    g_autofree char *status = NULL;

    dialog = l4a_report_dialog_new (GTK_WIDGET (window), store, hub, start);
    gtk_window_present (GTK_WINDOW (dialog));
    l4a_test_iterate (0.3);
    g_assert_true (gtk_widget_activate_action (dialog, "dialog.request-changes", NULL));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_named (dialog, "problem"))), "what should change"));
    type_into (dialog, "comment", "Clear and complete, thank you.");
    g_assert_true (gtk_widget_activate_action (dialog, "dialog.acknowledge", NULL));
    l4a_test_iterate (0.3);
    g_free (sql);
    sql = g_strdup_printf ("SELECT status || ' ' || comment FROM progress_report WHERE hub_id = '%s' "
                           "AND period_start = '%s'", hub, start);
    status = l4a_test_sql_text (path, sql);
    g_assert_cmpstr (status, ==, "acknowledged Clear and complete, thank you.");
  }
  meetings = l4a_test_sql_int (path, "SELECT count(*) FROM network_event");
  l4a_window_show_view (window, "indicators");
  l4a_test_iterate (0.5);
  {
    GtkWidget *view = l4a_test_show_view (window, "indicators");
    GtkWidget *add = GTK_WIDGET (gtk_widget_get_template_child (view, L4A_TYPE_INDICATORS_VIEW, "add_meeting_button"));
    g_autofree char *name = NULL;
    GtkWidget *search;

    g_assert_true (gtk_widget_get_visible (add));
    g_signal_emit_by_name (add, "activated");
    l4a_test_iterate (0.3);
    dialog = GTK_WIDGET (find_toplevel (L4A_TYPE_MONITORING_DIALOG));
    g_assert_nonnull (dialog);
    type_into (dialog, "title", "Policy Council on Local Finance");
    type_into (dialog, "starts_on", "2027-03-02");
    type_into (dialog, "place", "Online");
    g_free (sql);
    sql = g_strdup_printf ("SELECT name FROM hub WHERE id = '%s'", hub);
    name = l4a_test_sql_text (path, sql);
    search = find_named (dialog, "hub-search");
    gtk_editable_set_text (GTK_EDITABLE (search), name);
    l4a_test_iterate (0.2);
    /* the hub found: its Add button */
    {
      g_autofree char *label = g_strdup_printf ("Add “%s”", name);
      GtkWidget *group = gtk_widget_get_ancestor (search, ADW_TYPE_PREFERENCES_GROUP);
      GtkWidget *button = NULL;
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, group);
      while (stack->len > 0 && button == NULL)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), label) == 0)
            button = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
    }
    g_assert_true (can_save (dialog));
    l4a_test_iterate (0.3);
  }
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM network_event"), ==, meetings + 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM network_event e JOIN network_event_hub h ON h.network_event_id = e.id "
                         "WHERE e.title = 'Policy Council on Local Finance' AND e.ends_on = '2027-03-02' "
                         "AND h.hub_id = '%s'", hub);
  g_assert_cmpint (l4a_test_sql_int (path, sql), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}



/* A member declines an assignment through its dialog: the reason is kept,
 * the window says so, the list says Declined; the secretariat records what
 * a member can review in the Members window. */
static void
test_decline_and_expertise (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *pair = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) parts = NULL;
  L4aReviewsView *view;
  L4aReviewWindow *review;
  L4aWindow *window;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels;

  pair = l4a_test_sql_text (l4a_store_get_path (store),
                            "SELECT a.member_id || ' ' || a.proposal_id FROM assignment a "
                            "JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                            "WHERE p.state = 'under-review' AND a.declined_at IS NULL AND NOT EXISTS "
                            "(SELECT 1 FROM review r WHERE r.member_id = a.member_id AND r.proposal_id = a.proposal_id "
                            " AND r.submitted_at IS NOT NULL) ORDER BY a.id DESC LIMIT 1");
  g_assert_nonnull (pair);
  parts = g_strsplit (pair, " ", 2);

  g_settings_set_string (settings, "role", "member");
  g_settings_set_string (settings, "identity", parts[0]);
  window = open_window ();
  view = L4A_REVIEWS_VIEW (l4a_test_show_view (window, "reviews"));
  l4a_window_show_view (window, "reviews");
  l4a_test_iterate (0.2);
  review = open_review (view, parts[1]);
  g_assert_nonnull (review);
  l4a_test_iterate (0.2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.decline", NULL));
  l4a_test_iterate (0.2);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) &&
          gtk_window_get_transient_for (GTK_WINDOW (item)) == GTK_WINDOW (review))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  /* no reason, no decline */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decline"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Travelling all February.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "decline"));
  adw_message_dialog_response (dialog, "decline");
  l4a_test_iterate (0.3);

  sql = g_strdup_printf ("SELECT count(*) FROM assignment WHERE member_id = '%s' AND proposal_id = '%s' "
                         "AND declined_at IS NOT NULL AND decline_reason = 'Travelling all February.'",
                         parts[0], parts[1]);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), sql), ==, 1);
  /* the review form is gone: nothing left to submit */
  g_assert_false (score (review, 0, 3));
  gtk_window_destroy (GTK_WINDOW (review));

  /* the member declares what they can review, on their own workstation */
  {
    L4aExpertiseDialog *expertise = l4a_expertise_dialog_new (GTK_WINDOW (window), store, &error);
    GtkWidget *row;
    guint first = 0;
    g_autofree char *read_sql = g_strdup_printf ("SELECT group_concat (language, ' ') FROM (SELECT language FROM "
                                                 "member_language WHERE member_id = '%s' ORDER BY language)",
                                                 parts[0]);
    g_autofree char *reads = NULL;

    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (expertise));
    l4a_test_iterate (0.2);
    row = l4a_test_find_nth_type_in (GTK_WIDGET (expertise), L4A_TYPE_CHOICE_ROW, &first);
    g_object_set (row, "selected", (const char * const[]) { "es", "en", NULL }, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (expertise), "expertise.save", NULL));
    l4a_test_iterate (0.2);
    reads = l4a_test_sql_text (l4a_store_get_path (store), read_sql);
    g_assert_cmpstr (reads, ==, "en es");
  }

  /* the secretariat: what a member reads, saved from the Members window */
  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  l4a_test_iterate (0.2);
  {
    GtkWindow *members = l4a_test_open_window (view, "reviews.members", L4A_TYPE_MEMBERS_WINDOW, NULL);
    GtkWidget *row;
    g_autofree char *languages = NULL;
    g_autofree char *count_sql = g_strdup_printf ("SELECT group_concat (language, ' ') FROM (SELECT language FROM "
                                                  "member_language WHERE member_id = '%s' ORDER BY language)",
                                                  parts[0]);

    l4a_test_activate (GTK_WIDGET (members), "members.edit", "s", parts[0]);
    l4a_test_iterate (0.2);
    {
      guint first = 0;

      row = l4a_test_find_nth_type_in (GTK_WIDGET (members), L4A_TYPE_CHOICE_ROW, &first);
    }
    g_assert_nonnull (row);
    g_object_set (row, "selected", (const char * const[]) { "fr", NULL }, NULL);
    l4a_test_activate (GTK_WIDGET (members), "members.save", NULL);
    g_assert_cmpstr (l4a_test_page_of (members, L4A_TYPE_MEMBERS_WINDOW, "stack"), ==, "list");
    languages = l4a_test_sql_text (l4a_store_get_path (store), count_sql);
    g_assert_cmpstr (languages, ==, "fr");
    gtk_window_destroy (members);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}


/* The lines the fake portal has written to @record, once it has written
 * @wanted of them or after ten seconds. */
static GStrv
portal_record_wait (const char *record,
                    guint       wanted)
{
  GStrv lines = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *contents = NULL;

      g_clear_pointer (&lines, g_strfreev);
      lines = g_file_get_contents (record, &contents, NULL, NULL) ? g_strsplit (g_strstrip (contents), "\n", -1)
                                                                   : g_new0 (char *, 1);
      if (g_strv_length (lines) >= wanted)
        break;
      l4a_test_iterate (0.1);
    }
  return lines;
}

/* Reminders reach the mail client through the Email portal: a fake
 * portal on the test's session bus records what it is asked. */
static void
test_reminders_portal (void)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gui", "fake-portal.py", NULL);
  g_autofree char *dir = g_dir_make_tmp ("l4a-portal-XXXXXX", NULL);
  g_autofree char *record = g_build_filename (dir, "mail.jsonl", NULL);
  g_autofree char *ready = g_strconcat (record, ".ready", NULL);
  g_autoptr(GSubprocess) portal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_auto(GStrv) lines = NULL;
  L4aReviewsView *view;
  L4aWindow *window;
  guint n_lines = 0;
  g_autofree char *call = NULL;

  portal = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script, record, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 100 && !g_file_test (ready, G_FILE_TEST_EXISTS); i++)
    l4a_test_iterate (0.1);
  g_assert_true (g_file_test (ready, G_FILE_TEST_EXISTS));

  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  window = open_window ();
  view = L4A_REVIEWS_VIEW (l4a_test_show_view (window, "reviews"));
  l4a_window_show_view (window, "reviews");
  l4a_test_iterate (0.2);
  g_assert_true (choose_call (view, "Local4Action HUBs call 2025"));
  l4a_test_iterate (0.1);
  call = l4a_store_resolve_reference (store, "call", "Local4Action HUBs call 2025", &error);
  g_assert_no_error (error);
  /* whatever earlier tests did: one review of the call is owed, overdue */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE proposal SET state = 'under-review' WHERE id = (SELECT id FROM "
                                            "  proposal WHERE call_id = '%s' AND title = 'Ethical Urban Data Hub'); "
                                            "UPDATE review SET submitted_at = NULL WHERE proposal_id = (SELECT id FROM "
                                            "  proposal WHERE call_id = '%s' AND title = 'Ethical Urban Data Hub'); "
                                            "UPDATE assignment SET due_on = '2020-01-01', declined_at = NULL "
                                            "WHERE proposal_id = (SELECT id FROM proposal WHERE call_id = '%s' "
                                            "  AND title = 'Ethical Urban Data Hub')", call, call, call);

    l4a_test_sql_exec (l4a_store_get_path (store), sql);
  }
  reminders = l4a_review_reminders (store, call, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, >, 0);

  l4a_test_activate (GTK_WIDGET (view), "reviews.remind", NULL);
  answer_dialog ("Remind Reviewers?", "prepare");
  g_clear_pointer (&lines, g_strfreev);
  lines = portal_record_wait (record, reminders->len);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, reminders->len);
  for (guint i = 0; i < reminders->len; i++)
    {
      L4aReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(JsonNode) node = json_from_string (lines[i], &error);
      JsonObject *mail;
      JsonArray *addresses;

      g_assert_no_error (error);
      mail = json_node_get_object (node);
      addresses = json_object_get_array_member (mail, "addresses");
      g_assert_cmpuint (json_array_get_length (addresses), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (addresses, 0), ==, reminder->contact);
      g_assert_nonnull (strstr (json_object_get_string_member (mail, "subject"), "Local4Action"));
      g_assert_nonnull (strstr (json_object_get_string_member (mail, "body"), reminder->member_name));
      g_assert_nonnull (strstr (json_object_get_string_member (mail, "body"), g_ptr_array_index (reminder->titles, 0)));
    }

  gtk_window_destroy (GTK_WINDOW (window));

  /* a government sends its submission, attached, from its proposal */
  {
    g_autofree char *quito = l4a_store_resolve_reference (store, "government", "Quito", &error);
    g_autofree char *proposal = NULL;
    g_autofree char *sql = NULL;
    L4aProposalEditor *editor;
    guint before = n_lines;

    g_assert_no_error (error);
    sql = g_strdup_printf ("SELECT id FROM proposal WHERE government_id = '%s' ORDER BY id LIMIT 1", quito);
    proposal = l4a_test_sql_text (l4a_store_get_path (store), sql);
    g_free (sql);
    sql = g_strdup_printf ("UPDATE proposal SET state = 'submitted' WHERE id = '%s'", proposal);
    l4a_test_sql_exec (l4a_store_get_path (store), sql);
    g_settings_set_string (settings, "role", "government");
    g_settings_set_string (settings, "identity", quito);
    l4a_test_iterate (0.1);
    editor = l4a_proposal_editor_new (store, proposal, NULL, &error);
    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (editor));
    l4a_test_iterate (0.2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "proposal.send-by-mail", NULL));
    g_clear_pointer (&lines, g_strfreev);
    lines = portal_record_wait (record, before + 1);
    n_lines = g_strv_length (lines);
    g_assert_cmpuint (n_lines, ==, before + 1);
    {
      g_autoptr(JsonNode) node = json_from_string (lines[before], &error);
      JsonArray *attachments;

      g_assert_no_error (error);
      attachments = json_object_get_array_member (json_node_get_object (node), "attachments");
      g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
      /* a bundle: a JSON object */
      g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (attachments, 0),
                                                                      "head"), "{"));
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (attachments, 0), "size"), >, 100);
    }
    gtk_window_destroy (GTK_WINDOW (editor));
    g_settings_set_string (settings, "role", "secretariat");
    g_settings_set_string (settings, "identity", "");

    /* the proposal's attachment opens from the review window, through the
     * OpenURI portal, under a plain file name whatever the record says */
    {
      static const char pdf[] = "%PDF-1.4\n% an attachment\n";
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, pdf, -1);
      g_autofree char *insert = g_strdup_printf (
          "INSERT INTO attachment (sha256, media_type, size, data, created_at) "
          "VALUES ('%s', 'application/pdf', %d, CAST ('%s' AS BLOB), '2026-01-01T00:00:00Z'); "
          "INSERT INTO proposal_attachment (id, proposal_id, sha256, name, created_at, updated_at, origin) "
          "VALUES ('1b0d3c6e-0000-4000-8000-000000000001', '%s', '%s', '../../Budget plan.pdf', "
          "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test')", sha, (int) strlen (pdf), pdf, proposal, sha);
      L4aReviewWindow *review;
      GtkWidget *document;
      GFile *written;
      g_autofree char *basename = NULL;

      l4a_test_sql_exec (l4a_store_get_path (store), insert);
      before = n_lines;
      review = l4a_review_window_new (store, proposal, &error);
      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (review));
      l4a_test_iterate (0.3);
      document = l4a_test_find_nth_type (GTK_WIDGET (review), L4A_TYPE_PROPOSAL_DOCUMENT, 0);
      g_assert_nonnull (document);
      g_assert_nonnull (find_button (document, "Open"));
      g_assert_true (gtk_widget_activate_action (document, "document.open-attachment", "u", 0));
      g_clear_pointer (&lines, g_strfreev);
      lines = portal_record_wait (record, before + 1);
      n_lines = g_strv_length (lines);
      g_assert_cmpuint (n_lines, ==, before + 1);
      {
        g_autoptr(JsonNode) node = json_from_string (lines[before], &error);
        JsonObject *opened;

        g_assert_no_error (error);
        opened = json_node_get_object (node);
        g_assert_cmpstr (json_object_get_string_member (opened, "open"), ==, "Budget plan.pdf");
        g_assert_cmpint (json_object_get_int_member (opened, "size"), ==, (gint64) strlen (pdf));
        g_assert_cmpstr (json_object_get_string_member (opened, "head"), ==, "%PDF-");
      }
      written = l4a_proposal_document_get_last_opened (L4A_PROPOSAL_DOCUMENT (document));
      basename = g_file_get_basename (written);
      g_assert_cmpstr (basename, ==, "Budget plan.pdf");
      g_assert_true (g_str_has_prefix (g_file_peek_path (written), g_get_user_cache_dir ()));
      gtk_window_destroy (GTK_WINDOW (review));
    }
  }
  g_subprocess_force_exit (portal);
  g_subprocess_wait (portal, NULL, NULL);
  g_unlink (ready);
  g_unlink (record);
  g_rmdir (dir);
  l4a_test_iterate (0.1);
}


/* The data table of a line of many points gives every point, its rows made
 * as they scroll by: a column view, not a grid of labels. */
static void
test_long_data_table (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = l4a_chart_card_new (300);
  L4aChart *chart = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "Many Measurements");
  L4aChartSeries *series = l4a_chart_add_series (chart, "Measurements", NULL, 0, 0);
  GtkColumnView *table;
  GListModel *rows;
  g_autofree char *first_day = NULL;

  l4a_chart_add_series (chart, "Target", NULL, 1, 3);
  l4a_chart_add_series (chart, "Path", NULL, 2, 1);
  l4a_chart_set_progress (chart, l4a_day_from_iso ("2020-01-01"), 10, l4a_day_from_iso ("2030-01-01"), 90, TRUE);
  for (guint i = 0; i < 20000; i++)
    l4a_chart_series_add (series, l4a_day_from_iso ("2020-01-02") + i * 0.15, 10 + i % 50, NULL);
  first_day = l4a_format_day (l4a_day_from_iso ("2020-01-02"));

  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  l4a_chart_card_set_chart (L4A_CHART_CARD (card), chart);
  l4a_chart_card_show_data (L4A_CHART_CARD (card), TRUE);
  l4a_test_iterate (0.3);

  table = GTK_COLUMN_VIEW (l4a_test_find_nth_type (card, GTK_TYPE_COLUMN_VIEW, 0));
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  rows = G_LIST_MODEL (gtk_column_view_get_model (table));
  /* the baseline, every point, the target */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 20000 + 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 2);
  {
    g_auto(GStrv) second = l4a_chart_table_row (chart, 1);
    g_auto(GStrv) last = l4a_chart_table_row (chart, 20001);

    g_assert_cmpstr (second[0], ==, first_day);
    g_assert_cmpstr (second[1], ==, "10");
    g_assert_true (g_str_has_suffix (last[0], "(target)"));
  }
  /* only the rows on screen were made into widgets */
  g_assert_null (l4a_test_find_nth_type (card, GTK_TYPE_GRID, 0));

  /* a short chart goes back to the grid */
  {
    L4aChart *small = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "Few");
    L4aChartSeries *few = l4a_chart_add_series (small, "Measurements", NULL, 0, 0);

    l4a_chart_series_add (few, l4a_day_from_iso ("2025-01-01"), 4, NULL);
    l4a_chart_card_set_chart (L4A_CHART_CARD (card), small);
    l4a_test_iterate (0.2);
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (table)));
    g_assert_true (gtk_widget_get_mapped (l4a_test_find_nth_type (card, GTK_TYPE_GRID, 0)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
}

/* Names that would be markup (a hub called “R&D <i>Lab</i>”, a partner
 * “A & B”) are shown as they are, everywhere a person may meet them: every
 * view, a hub's page and editor, a proposal's editor and review, the
 * governments, calls, members, audit, export and publish windows. GTK's warning of a text it cannot read as markup fails the
 * test; a text read as markup would lose its “<i>”. */
static void
test_markup_in_names (void)
{
  L4aStore *store = l4a_application_get_store (app);
  L4aWindow *window = open_window ();
  static const char *fields[][2] = {
    { "hub", "name" }, { "hub", "summary" }, { "government", "name" }, { "proposal", "title" },
    { "proposal", "summary" }, { "member", "name" }, { "indicator", "name" }, { "partner", "name" },
    { "call", "title" }, { "activity", "title" }, { "deliverable", "title" }, { "criterion", "label" },
  };
  const char *views[] = { "hubs", "proposals", "reviews", "indicators", "brand-kit" };
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_id = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM hub ORDER BY name LIMIT 1");
  g_autofree char *proposal_id = l4a_test_sql_text (l4a_store_get_path (store),
                                                    "SELECT id FROM proposal ORDER BY title LIMIT 1");
  g_autofree char *hub_name = NULL;

  g_assert_nonnull (hub_id);
  g_assert_nonnull (proposal_id);
  g_assert_true (l4a_store_begin (store, &error));
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = \"%s\" || ' R&D <i>Lab</i> & Co'",
                                              fields[f][0], fields[f][1], fields[f][1]);

      g_assert_true (l4a_store_exec (store, sql, &error));
      g_assert_no_error (error);
    }
  g_assert_true (l4a_store_commit (store, &error));
  l4a_test_iterate (0.5);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      l4a_test_show_view (window, views[v]);
      l4a_test_iterate (0.3);
    }

  /* the hub's page, its name as it is */
  {
    L4aHubsView *hubs = hubs_of (window);
    g_autofree char *sql = g_strdup_printf ("SELECT name FROM hub WHERE id = '%s'", hub_id);

    hub_name = l4a_test_sql_text (l4a_store_get_path (store), sql);
    g_assert_nonnull (strstr (hub_name, "<i>Lab</i>"));
    g_assert_true (l4a_test_hubs_open (hubs, hub_id));
    l4a_test_iterate (0.3);
    g_assert_nonnull (find_label_reading (GTK_WIDGET (window), hub_name));
    l4a_test_hubs_show_registry (hubs);
  }

  /* a proposal in its editor */
  {
    L4aProposalsView *proposals = L4A_PROPOSALS_VIEW (l4a_test_show_view (window, "proposals"));
    GtkWindow *editor;

    l4a_test_activate (GTK_WIDGET (proposals), "proposals.open", "s", proposal_id);
    l4a_test_iterate (0.3);
    editor = GTK_WINDOW (find_toplevel (L4A_TYPE_PROPOSAL_EDITOR));
    g_assert_nonnull (editor);
    gtk_window_destroy (editor);
  }

  /* the hub in its editor */
  {
    L4aHubsView *hubs = hubs_of (window);
    GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (hubs), L4A_TYPE_HUBS_VIEW, "hub_page"));
    GtkWidget *edit_button = GTK_WIDGET (gtk_widget_get_template_child (page, L4A_TYPE_HUB_PAGE, "edit_button"));
    GtkWindow *editor;

    g_assert_true (l4a_test_hubs_open (hubs, hub_id));
    g_signal_emit_by_name (edit_button, "clicked");
    l4a_test_wait_until (editor_open, NULL, 5, "the editor");
    editor = GTK_WINDOW (find_toplevel (L4A_TYPE_HUB_EDITOR));
    g_assert_nonnull (editor);
    gtk_window_destroy (editor);
    l4a_test_hubs_show_registry (hubs);
  }

  /* the preview of a bundle whose records carry such names */
  {
    /* the secretariat the import window test met, if it ran */
    g_autofree char *there_path = g_build_filename (tmpdir, "other.sqlite", NULL);
    g_autofree char *bundle_path = g_build_filename (tmpdir, "markup-there.l4a.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (bundle_path);
    g_autoptr(L4aStore) there = l4a_store_open (there_path, &error);
    GtkWindow *import;

    g_assert_no_error (error);
    if (!l4a_sample_is_loaded (there))
      g_assert_true (l4a_sample_load (there, NULL, &error));
    g_assert_true (l4a_store_exec (there, "UPDATE hub SET name = name || ' <b>there</b> & back', "
                                          "revision = revision + 1", &error));
    g_assert_true (l4a_bundle_export (there, "full", NULL, bundle_path, NULL, NULL, &error));
    g_assert_no_error (error);
    import = open_import_preview (window, file);
    l4a_test_iterate (0.3);
    gtk_window_destroy (import);
  }

  /* the secretariat's windows */
  {
    GtkWindow *windows[7];

    windows[0] = GTK_WINDOW (l4a_governments_window_new (store));
    windows[1] = GTK_WINDOW (l4a_calls_window_new (store));
    windows[2] = GTK_WINDOW (l4a_members_window_new (store));
    windows[3] = GTK_WINDOW (l4a_audit_window_new (l4a_application_get_context (app), &error));
    g_assert_no_error (error);
    windows[4] = GTK_WINDOW (l4a_review_window_new (store, proposal_id, &error));
    g_assert_no_error (error);
    windows[5] = l4a_window_open_export (window);
    windows[6] = l4a_window_open_publish (window);
    for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
      {
        gtk_window_present (windows[w]);
        l4a_test_iterate (0.3);
        gtk_window_destroy (windows[w]);
      }
  }

  /* and as a board member with an assignment, and as a government */
  {
    GSettings *settings = l4a_application_get_settings (app);
    g_autofree char *member = l4a_test_sql_text (l4a_store_get_path (store),
                                                 "SELECT member_id FROM assignment ORDER BY member_id LIMIT 1");
    g_autofree char *government = l4a_test_sql_text (l4a_store_get_path (store),
                                                     "SELECT government_id FROM proposal ORDER BY title LIMIT 1");
    const char *roles[] = { "member", "government" };
    const char *identities[] = { member, government };

    g_assert_nonnull (member);
    g_assert_nonnull (government);
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      {
        g_settings_set_string (settings, "role", roles[r]);
        g_settings_set_string (settings, "identity", identities[r]);
        l4a_test_iterate (0.2);
        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          {
            l4a_test_show_view (window, views[v]);
            l4a_test_iterate (0.3);
          }
      }
    g_settings_set_string (settings, "role", "secretariat");
    g_settings_reset (settings, "identity");
    l4a_test_iterate (0.2);
  }

  l4a_test_show_view (window, "hubs");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a widget draws, as the text of its render nodes. */
static char *
drawn_nodes (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  bytes = gsk_render_node_serialize (node);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
count_in (const char *text,
          const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    n++;
  return n;
}

static void
test_sdg_chips_cell (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cell = l4a_sdg_chips_new_for_cell ();
  GtkWidget *free_chips = l4a_sdg_chips_new ();
  guint five = (1u << 1) | (1u << 4) | (1u << 11) | (1u << 13) | (1u << 17);
  int empty[4], full[4], free_width[2];
  g_autofree char *cut = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *roomy = NULL;

  gtk_widget_set_size_request (cell, 110, -1);
  gtk_widget_set_halign (cell, GTK_ALIGN_START);
  gtk_widget_set_halign (free_chips, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_box_append (GTK_BOX (box), free_chips);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.3);

  /* In a cell, the size does not follow the goals: a row bound to another
   * hub is not measured again (nor the table, nor the window). Chips
   * elsewhere take the room of their goals. */
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &empty[0], &empty[1], NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &empty[2], &empty[3], NULL, NULL);
  free_width[0] = gtk_widget_get_width (free_chips);
  l4a_sdg_chips_set_sdgs (L4A_SDG_CHIPS (cell), five);
  l4a_sdg_chips_set_sdgs (L4A_SDG_CHIPS (free_chips), five);
  l4a_test_iterate (0.3);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &full[0], &full[1], NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &full[2], &full[3], NULL, NULL);
  free_width[1] = gtk_widget_get_width (free_chips);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (empty[i], ==, full[i]);
  g_assert_cmpint (full[2], >, 0);
  g_assert_cmpint (free_width[0], ==, 0);
  g_assert_cmpint (free_width[1], >, 110);

  /* In a column of 110 pixels, five goals: two whole chips and “+3”
   * (never a chip cut in two); elsewhere, five chips. */
  g_assert_cmpint (gtk_widget_get_width (cell), ==, 110);
  cut = drawn_nodes (cell);
  g_assert_cmpuint (count_in (cut, "rounded-clip"), ==, 3);
  g_assert_nonnull (strstr (cut, "\"+3\""));
  whole = drawn_nodes (free_chips);
  g_assert_cmpuint (count_in (whole, "rounded-clip"), ==, 5);
  g_assert_null (strstr (whole, "+"));

  /* Room for them all: no count. */
  gtk_widget_set_size_request (cell, 200, -1);
  l4a_test_iterate (0.3);
  roomy = drawn_nodes (cell);
  g_assert_cmpuint (count_in (roomy, "rounded-clip"), ==, 5);
  g_assert_null (strstr (roomy, "+"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cell_text_shared (void)
{
  g_autoptr(GHashTable) shared = l4a_cell_text_new_shared ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cells[3];
  int before[2], after[2], width;
  g_autofree char *drawn = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *renamed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i] = l4a_cell_text_new (shared, 30);
      gtk_widget_set_size_request (cells[i], 200, -1);
      gtk_widget_set_halign (cells[i], GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.3);
  gtk_widget_measure (cells[0], GTK_ORIENTATION_HORIZONTAL, -1, &before[0], NULL, NULL, NULL);
  gtk_widget_measure (cells[0], GTK_ORIENTATION_VERTICAL, -1, &before[1], NULL, NULL, NULL);

  /* Two cells with the same words draw one layout; a third, its own. */
  l4a_cell_text_set_text (L4A_CELL_TEXT (cells[0]), "Latin America");
  l4a_cell_text_set_text (L4A_CELL_TEXT (cells[1]), "Latin America");
  l4a_cell_text_set_text (L4A_CELL_TEXT (cells[2]), "Middle East and West Asia, a region named at length");
  l4a_test_iterate (0.3);
  drawn = drawn_nodes (cells[1]);
  g_assert_nonnull (strstr (drawn, "Latin America"));
  g_assert_cmpuint (g_hash_table_size (shared), ==, 2);
  g_assert_true (g_hash_table_lookup (shared, "Latin America") != NULL);
  g_assert_cmpstr (l4a_cell_text_get_text (L4A_CELL_TEXT (cells[1])), ==, "Latin America");

  /* Its size never follows its words (the list is not measured again). */
  gtk_widget_measure (cells[0], GTK_ORIENTATION_HORIZONTAL, -1, &after[0], NULL, NULL, NULL);
  gtk_widget_measure (cells[0], GTK_ORIENTATION_VERTICAL, -1, &after[1], NULL, NULL, NULL);
  g_assert_cmpint (before[0], ==, after[0]);
  g_assert_cmpint (before[1], ==, after[1]);
  g_assert_cmpint (after[1], >, 0);

  /* A text longer than the cell is cut at its end, within the cell. */
  cut = drawn_nodes (cells[2]);
  g_assert_nonnull (strstr (cut, "Middle East"));
  g_assert_null (strstr (cut, "at length"));
  g_assert_true (pango_layout_is_ellipsized (g_hash_table_lookup (shared, l4a_cell_text_get_text (L4A_CELL_TEXT (cells[2])))));

  /* Another text: drawn at once, the cell's size unchanged. */
  width = gtk_widget_get_width (cells[1]);
  l4a_cell_text_set_text (L4A_CELL_TEXT (cells[1]), "Africa");
  l4a_test_iterate (0.3);
  renamed = drawn_nodes (cells[1]);
  g_assert_nonnull (strstr (renamed, "Africa"));
  g_assert_null (strstr (renamed, "Latin"));
  g_assert_cmpint (gtk_widget_get_width (cells[1]), ==, width);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  l4a_test_backtrace_on_crash ();
  tmpdir = g_dir_make_tmp ("l4a-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "hubs.sqlite", NULL);

  app = l4a_application_new (path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/window/opens", test_window_opens);
  g_test_add_func ("/gui/window/switch-views", test_switch_views);
  g_test_add_func ("/gui/hubs/load-sample", test_load_sample);
  g_test_add_func ("/gui/preferences/role-persists", test_preferences_role);
  g_test_add_func ("/gui/window/about-shortcuts-preferences", test_about_and_shortcuts);
  g_test_add_func ("/gui/window/size-persists", test_window_size_persists);
  g_test_add_func ("/gui/window/header-widths", test_header_widths);
  g_test_add_func ("/gui/registry/search-and-chips", test_search_and_chips);
  g_test_add_func ("/gui/registry/sort-persists", test_sort_persists);
  g_test_add_func ("/gui/registry/edit-save-reopen", test_edit_save_reopen);
  g_test_add_func ("/gui/registry/delete-undo", test_delete_undo);
  g_test_add_func ("/gui/registry/read-only-roles", test_read_only_roles);
  g_test_add_func ("/gui/registry/map-markers", test_map_markers);
  g_test_add_func ("/gui/registry/governments", test_governments_window);
  g_test_add_func ("/gui/registry/governments-unreadable", test_governments_unreadable);
  g_test_add_func ("/gui/sync/import-export", test_import_window);
  g_test_add_func ("/gui/publish/website", test_publish_window);
  g_test_add_func ("/gui/monitoring/activity-form", test_activity_form);
  g_test_add_func ("/gui/indicators/dashboard-and-hub", test_indicators_view);
  g_test_add_func ("/gui/indicators/long-data-table", test_long_data_table);
  g_test_add_func ("/gui/brand/label-and-import", test_brand_view);
  g_test_add_func ("/gui/proposals/fill-submit-withdraw-revise", test_proposal_journey);
  g_test_add_func ("/gui/proposals/calls", test_calls_window);
  g_test_add_func ("/gui/proposals/answer-question", test_answer_question);
  g_test_add_func ("/gui/reviews/score-submit-decide-release", test_review_journey);
  g_test_add_func ("/gui/reviews/decline-and-expertise", test_decline_and_expertise);
  g_test_add_func ("/gui/reviews/reminders-through-the-portal", test_reminders_portal);
  g_test_add_func ("/gui/templates/instantiate", test_templates);
  g_test_add_func ("/gui/context/other-process", test_other_process);
  g_test_add_func ("/gui/context/import-refreshes-views", test_import_refreshes_views);
  g_test_add_func ("/gui/keys/enrolment", test_enrolment_window);
  g_test_add_func ("/gui/window/act-as-for-a-run", test_act_as_for_a_run);
  g_test_add_func ("/gui/window/role-home", test_role_home);
  g_test_add_func ("/gui/monitoring/activity-deliverable-meeting", test_monitoring);
  g_test_add_func ("/gui/words/markup-in-names", test_markup_in_names);
  g_test_add_func ("/gui/widgets/sdg-chips-cell", test_sdg_chips_cell);
  g_test_add_func ("/gui/widgets/cell-text-shared", test_cell_text_shared);
  /* last: it changes the sample's measurements and activities */
  g_test_add_func ("/gui/sync/import-many-conflicts", test_import_many_conflicts);

  status = g_test_run ();

  g_clear_object (&app);
  l4a_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
