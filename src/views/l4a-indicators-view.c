/* l4a-indicators-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Indicators view: the network dashboard (hubs per region and per
 * goal, proposals per call and state, the timeline), over the hubs the
 * Hubs view shows, and each hub's indicators with their progress, their
 * measurements (added one by one or pasted from a spreadsheet by those
 * who may), and the CSV annex of a Voluntary Local Review.
 */

#define G_LOG_DOMAIN "l4a-indicators-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "l4a-accessible.h"
#include "l4a-chart-card.h"
#include "l4a-charts.h"
#include "l4a-hub.h"
#include "l4a-indicator.h"
#include "l4a-indicators-view.h"
#include "l4a-list-update.h"
#include "l4a-measurements-window.h"
#include "l4a-monitoring-dialogs.h"
#include "l4a-labels.h"
#include "l4a-permissions.h"
#include "l4a-reports.h"
#include "l4a-rules.h"
#include "l4a-ticks.h"

/* The timeline shows the hubs that end last, up to this many. */
#define TIMELINE_ROWS 40

/* The Reporting group lists this many reports, then counts the rest. */
#define REPORTING_ROWS 25

struct _L4aIndicatorsView
{
  GtkWidget      parent_instance;

  L4aContextFollower follow;   /* the context, and what of it this view shows */
  L4aStore      *store;
  L4aHubQuery   *hubs;         /* the Hubs view's list, its filters followed */
  char          *selected_id;
  GListStore    *indicators;   /* L4aIndicatorEdit of the hub shown, kept in line with the database */
  char          *shown_hub;    /* whose they are */
  gboolean       shown_editable;
  GPtrArray     *cards;        /* L4aChartCard of each of them, in their order */
  guint          rebuild_id;
  gboolean       stale;         /* the hubs changed while the view was not on show */
  gboolean       reports_stale; /* the reports' counts and the pending ones are to be read again */
  GCancellable  *reports_reading;

  GtkStack      *stack;
  GtkLabel      *summary;
  L4aChartCard  *regions;
  L4aChartCard  *sdgs;
  L4aChartCard  *proposals;
  L4aChartCard  *timeline;
  L4aChartCard  *deliverables_chart;
  L4aChartCard  *activities_chart;
  L4aChartCard  *reports_chart;
  AdwPreferencesGroup *reporting_group;
  AdwComboRow   *every_row;
  GtkWidget     *every_button;
  GPtrArray     *report_rows;
  AdwPreferencesGroup *meetings_group;
  GtkWidget     *ics_button;
  GtkWidget     *add_meeting_button;
  GPtrArray     *meeting_rows;
  AdwComboRow   *hub_row;
  GtkWidget     *add_button;
  GtkWidget     *csv_button;
  GtkBox        *indicator_box;
  AdwStatusPage *no_indicators;
};

G_DEFINE_FINAL_TYPE (L4aIndicatorsView, l4a_indicators_view, GTK_TYPE_WIDGET)

static void rebuild_indicators (L4aIndicatorsView *self);

/* The hub chosen in the hub row: an item of the Hubs view's list. */
static const char *
selected_hub (L4aIndicatorsView *self)
{
  guint i = adw_combo_row_get_selected (self->hub_row);
  g_autoptr(L4aHub) hub = NULL;

  g_clear_pointer (&self->selected_id, g_free);
  if (self->hubs != NULL && i != GTK_INVALID_LIST_POSITION)
    hub = g_list_model_get_item (G_LIST_MODEL (self->hubs), i);
  if (hub != NULL)
    self->selected_id = g_strdup (l4a_hub_get_id (hub));
  return self->selected_id;
}

static void
show_error (L4aIndicatorsView *self,
            const char        *heading,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  l4a_accessible_present (GTK_WINDOW (dialog));
}

/* Reporting ------------------------------------------------------------------------- */

/* A report of the list: its hub and the first day of its period. */
static void
open_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aIndicatorsView *self = L4A_INDICATORS_VIEW (widget);
  const char *hub = NULL, *start = NULL;

  g_variant_get (parameter, "(&s&s)", &hub, &start);
  gtk_window_present (GTK_WINDOW (l4a_report_dialog_new (widget, self->store, hub, start)));
}

static void
apply_every_cb (L4aIndicatorsView *self)
{
  static const int months[] = { 3, 6, 12, 0 };
  guint selected = adw_combo_row_get_selected (self->every_row);
  g_autoptr(GError) error = NULL;

  if (selected < G_N_ELEMENTS (months) && !l4a_reporting_set_every (self->store, NULL, months[selected], &error))
    show_error (self, _("The Reporting Schedule Was Not Changed"), error->message);
}

/* What waits for whom: for a government, its own hubs' reports; the
 * oldest first, a page of them (@overview keeps no more), the rest
 * counted. */
static void
rebuild_reporting (L4aIndicatorsView          *self,
                   const L4aReportingOverview *overview)
{
  GPtrArray *pending = overview->first;
  gboolean secretariat = l4a_store_can (self->store, L4A_PERMISSION_KEEP_REGISTRY);

  for (guint i = 0; i < self->report_rows->len; i++)
    adw_preferences_group_remove (self->reporting_group, g_ptr_array_index (self->report_rows, i));
  g_ptr_array_set_size (self->report_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->every_row), secretariat);
  gtk_widget_set_visible (self->every_button, secretariat);
  gtk_widget_set_visible (GTK_WIDGET (self->reporting_group),
                          secretariat || l4a_store_get_role (self->store) == L4A_ROLE_GOVERNMENT);

  if (pending == NULL || overview->n_pending == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing waiting"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No report is due, overdue or waiting to be read."));
      adw_preferences_group_add (self->reporting_group, row);
      g_ptr_array_add (self->report_rows, row);
      return;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      L4aReportSlot *slot = g_ptr_array_index (pending, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *period = NULL;

      period = l4a_format_days (slot->period_start, slot->period_end);
      g_autofree char *due = l4a_format_date (slot->due_on);
      /* translators: a reporting period, then the date its report is due */
      g_autofree char *subtitle = g_strdup_printf (_("%s · due %s"), period, due);
      GtkWidget *state = gtk_label_new (l4a_report_state_label (slot->state));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), slot->hub_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (state, "l4a-tag");
      if (slot->state == L4A_REPORT_OVERDUE || slot->state == L4A_REPORT_CHANGES_REQUESTED)
        gtk_widget_add_css_class (state, "l4a-warning-tag");
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", slot->hub_id, slot->period_start);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "indicators.open-report");
      adw_preferences_group_add (self->reporting_group, row);
      g_ptr_array_add (self->report_rows, row);
    }
  if (overview->n_pending > pending->len)
    {
      guint rest = overview->n_pending - pending->len;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more report", "%u more reports", rest),
                                               rest);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each hub’s page lists all of its reports."));
      adw_preferences_group_add (self->reporting_group, row);
      g_ptr_array_add (self->report_rows, row);
    }
}

/* Network calendar ----------------------------------------------------------------- */

static void
open_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aIndicatorsView *self = L4A_INDICATORS_VIEW (widget);

  gtk_window_present (GTK_WINDOW (l4a_meeting_dialog_new (widget, self->store, g_variant_get_string (parameter, NULL))));
}

static void
add_meeting_cb (L4aIndicatorsView *self)
{
  gtk_window_present (GTK_WINDOW (l4a_meeting_dialog_new (GTK_WIDGET (self), self->store, NULL)));
}

/* The meetings by date, upcoming ones marked, before the two buttons. */
static void
rebuild_meetings (L4aIndicatorsView *self)
{
  g_autoptr(GPtrArray) events = l4a_network_events_list (self->store, NULL);
  g_autofree char *today = l4a_today_iso ();
  gboolean editable = l4a_store_can (self->store, L4A_PERMISSION_KEEP_REGISTRY);

  g_autoptr(GtkWidget) ics_button = g_object_ref (self->ics_button);
  g_autoptr(GtkWidget) add_meeting_button = g_object_ref (self->add_meeting_button);

  for (guint i = 0; i < self->meeting_rows->len; i++)
    adw_preferences_group_remove (self->meetings_group, g_ptr_array_index (self->meeting_rows, i));
  g_ptr_array_set_size (self->meeting_rows, 0);
  /* the buttons go after the meetings, kept while they are moved */
  adw_preferences_group_remove (self->meetings_group, ics_button);
  adw_preferences_group_remove (self->meetings_group, add_meeting_button);

  if (events == NULL || events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No meetings yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   editable ? _("Add the network’s next meeting point.")
                                            : _("The World Secretariat adds the network’s meeting points."));
      adw_preferences_group_add (self->meetings_group, row);
      g_ptr_array_add (self->meeting_rows, row);
    }
  for (guint i = 0; events && i < events->len; i++)
    {
      L4aNetworkEvent *e = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = l4a_format_days (e->starts_on, e->ends_on);
      g_autofree char *hubs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hub presenting",
                                                            "%u hubs presenting", e->hubs->len), e->hubs->len);
      g_autoptr(GString) subtitle = g_string_new (l4a_enum_get_label (L4A_TYPE_NETWORK_EVENT_KIND, e->kind));

      g_string_append_printf (subtitle, " · %s", when);
      if (e->place && *e->place)
        g_string_append_printf (subtitle, " · %s", e->place);
      if (e->hubs->len > 0)
        g_string_append_printf (subtitle, " · %s", hubs);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (g_strcmp0 (e->ends_on, today) >= 0)
        {
          GtkWidget *upcoming = gtk_label_new (g_strcmp0 (e->starts_on, today) <= 0 ? _("Now") : _("Upcoming"));

          gtk_widget_add_css_class (upcoming, "l4a-tag");
          gtk_widget_set_valign (upcoming, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), upcoming);
        }
      if (editable)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", e->id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "indicators.open-meeting");
        }
      adw_preferences_group_add (self->meetings_group, row);
      g_ptr_array_add (self->meeting_rows, row);
    }
  adw_preferences_group_add (self->meetings_group, self->ics_button);
  adw_preferences_group_add (self->meetings_group, self->add_meeting_button);
  gtk_widget_set_visible (self->add_meeting_button, editable);
  gtk_widget_set_sensitive (self->ics_button, events != NULL && events->len > 0);
}

static void
ics_response_cb (GtkNativeDialog   *dialog,
                 int                response,
                 L4aIndicatorsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autofree char *text = l4a_network_events_to_ics (self->store, &error);

      if (text == NULL ||
          !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                    NULL, &error))
        show_error (self, _("The Calendar Was Not Exported"), error->message);
    }
  g_object_unref (dialog);
}

static void
ics_cb (L4aIndicatorsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Calendar"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "local4action-network.ics");
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (ics_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Dashboard --------------------------------------------------------------------- */

/* The reports' part of the dashboard: every hub's schedule is walked (a
 * registry of 100 000 hubs takes a tenth of a second), in the context's
 * reading thread, and only when reports, schedules, hubs or the role
 * changed, not when the Hubs view's filters did (they do not filter it). */
typedef struct
{
  L4aRole  role;
  char    *identity;
} ReportsRead;

static void
reports_read_free (gpointer data)
{
  ReportsRead *read = data;

  g_free (read->identity);
  g_free (read);
}

static void
overview_free (gpointer data)
{
  l4a_reporting_overview_clear (data);
  g_free (data);
}

static gpointer
read_reports_in_thread (L4aStore      *store,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  ReportsRead *read = data;
  L4aReportingOverview *overview = g_new0 (L4aReportingOverview, 1);

  /* for a government, the hubs it leads: read as the view's actor */
  l4a_store_set_actor (store, read->role, read->identity);
  if (!l4a_reporting_overview (store, REPORTING_ROWS, overview, error))
    {
      g_free (overview);
      return NULL;
    }
  return overview;
}

static void
show_reports (L4aIndicatorsView          *self,
              const L4aReportingOverview *overview)
{
  l4a_chart_card_set_chart (self->reports_chart, overview->first != NULL
                                                 ? l4a_chart_reporting_status_for (&overview->counts) : NULL);
  rebuild_reporting (self, overview);
}

static void
reports_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(L4aIndicatorsView) self = user_data;
  g_autoptr(GError) error = NULL;
  L4aReportingOverview *overview = l4a_context_read_finish (L4A_CONTEXT (object), result, &error);

  if (overview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("The progress reports cannot be read: %s", error->message);
      overview = g_new0 (L4aReportingOverview, 1);
    }
  g_clear_object (&self->reports_reading);
  show_reports (self, overview);
  overview_free (overview);
}

static void
stop_reading_reports (L4aIndicatorsView *self)
{
  g_cancellable_cancel (self->reports_reading);
  g_clear_object (&self->reports_reading);
}

static void
read_reports (L4aIndicatorsView *self)
{
  ReportsRead *read;

  if (!self->reports_stale)
    return;
  self->reports_stale = FALSE;
  stop_reading_reports (self);
  if (self->follow.context == NULL)
    {
      g_auto(L4aReportingOverview) overview = { 0 };

      l4a_reporting_overview (self->store, REPORTING_ROWS, &overview, NULL);
      show_reports (self, &overview);
      return;
    }
  read = g_new0 (ReportsRead, 1);
  read->role = l4a_store_get_role (self->store);
  read->identity = g_strdup (l4a_store_get_identity (self->store));
  self->reports_reading = g_cancellable_new ();
  l4a_context_read_async (self->follow.context, read_reports_in_thread, read, reports_read_free, overview_free,
                          self->reports_reading, reports_read_cb, g_object_ref (self));
}

static void
rebuild_dashboard (L4aIndicatorsView *self)
{
  g_autoptr(GError) error = NULL;
  L4aChart *timeline;
  guint n = self->hubs ? g_list_model_get_n_items (G_LIST_MODEL (self->hubs)) : 0;
  gint64 total = self->store ? l4a_store_count (self->store, "hub", NULL) : 0;
  g_autofree char *summary = NULL;

  if (self->store == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "content" : "empty");
  if (n == total)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hub in the registry.", "All %u hubs of the registry.",
                                            n), n);
  else
    /* translators: how many hubs the Hubs view's filters leave, of how many */
    summary = g_strdup_printf (_("%u of %u hubs, as filtered in the Hubs view."), n, (guint) total);
  gtk_label_set_label (self->summary, summary);

  l4a_chart_card_set_chart (self->regions, l4a_chart_hubs_by_region (self->hubs));
  l4a_chart_card_set_chart (self->sdgs, l4a_chart_hubs_by_sdg (self->hubs));
  l4a_chart_card_set_chart (self->proposals, l4a_chart_proposals_by_state (self->store, NULL));
  timeline = l4a_chart_hub_timeline (self->store, self->hubs, TIMELINE_ROWS, &error);
  if (timeline != NULL)
    gtk_widget_set_size_request (GTK_WIDGET (l4a_chart_card_get_view (self->timeline)), 240,
                                 MAX (220, (int) timeline->categories->len * 24 + 90));
  l4a_chart_card_set_chart (self->timeline, timeline);
  l4a_chart_card_set_chart (self->deliverables_chart, l4a_chart_deliverables_by_status (self->store, NULL));
  l4a_chart_card_set_chart (self->activities_chart, l4a_chart_activities_per_quarter (self->store, NULL));
  read_reports (self);
  rebuild_meetings (self);
}

/* The hub row lists the Hubs view's list itself, read as it scrolls. */
static void
fill_hub_row (L4aIndicatorsView *self)
{
  g_autofree char *previous = g_strdup (selected_hub (self));
  guint n = self->hubs ? g_list_model_get_n_items (G_LIST_MODEL (self->hubs)) : 0;
  guint keep = 0;

  g_signal_handlers_block_by_func (self->hub_row, rebuild_indicators, self);
  if (adw_combo_row_get_model (self->hub_row) != G_LIST_MODEL (self->hubs))
    adw_combo_row_set_model (self->hub_row, G_LIST_MODEL (self->hubs));
  if (previous == NULL || self->hubs == NULL || !l4a_hub_query_find (self->hubs, previous, &keep))
    keep = 0;
  adw_combo_row_set_selected (self->hub_row, n > 0 ? keep : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->hub_row, rebuild_indicators, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hub_row), n > 0);
}

static gboolean
rebuild_cb (gpointer data)
{
  L4aIndicatorsView *self = data;

  self->rebuild_id = 0;
  self->stale = FALSE;
  rebuild_dashboard (self);
  fill_hub_row (self);
  rebuild_indicators (self);
  return G_SOURCE_REMOVE;
}

static void
hubs_changed_cb (L4aIndicatorsView *self)
{
  /* off screen, the charts wait until the view is shown (a registry of
   * 100 000 hubs takes a while to chart); on screen, filters change in
   * bursts while typing: draw once they settle */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->rebuild_id == 0)
    self->rebuild_id = g_timeout_add (150, rebuild_cb, self);
}

/* What is shown, or what the public functions read, is up to date. */
static void
ensure_fresh (L4aIndicatorsView *self)
{
  if (self->stale && self->store != NULL)
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild_cb (self);
    }
}

/* Dialogs ----------------------------------------------------------------------- */

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static AdwMessageDialog *
new_dialog (L4aIndicatorsView *self,
            const char        *heading,
            const char        *body,
            const char        *action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                           : NULL, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", action, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* Returns: (transfer none) (nullable): the @i-th indicator shown, held by
 * the list */
static L4aIndicatorEdit *
indicator_at (L4aIndicatorsView *self,
              guint              i)
{
  g_autoptr(L4aIndicatorEdit) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

  return indicator;
}

/* A number typed in a field, in the user's locale or not; NaN for none,
 * infinity for what is no number (which saving refuses with its message). */
static double
parse_optional (const char *text)
{
  double value;

  if (l4a_text_is_blank (text))
    return NAN;
  return l4a_number_parse (text, &value) ? value : INFINITY;
}

/* What a row or a dialog acts on: the indicator by its id (the list of
 * indicators is rebuilt after each change, so no pointer into it is kept),
 * and for a measurement a copy of it. Owned by the signal connection. */
typedef struct
{
  L4aIndicatorsView *view;
  char              *indicator_id;
  L4aMeasurement    *measurement;   /* NULL for a new one */
} Target;

static void
target_free (gpointer data,
             GClosure *closure)
{
  Target *target = data;

  if (target->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (target->view), (gpointer *) &target->view);
  g_free (target->indicator_id);
  g_clear_pointer (&target->measurement, l4a_measurement_free);
  g_free (target);
}

static Target *
target_new (L4aIndicatorsView *self,
            const char        *indicator_id,
            L4aMeasurement    *measurement)
{
  Target *target = g_new0 (Target, 1);

  /* weak: the rows holding targets belong to the view */
  target->view = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &target->view);
  target->indicator_id = g_strdup (indicator_id);
  if (measurement != NULL)
    target->measurement = g_object_ref (measurement);
  return target;
}

static L4aIndicatorEdit *
indicator_by_id (L4aIndicatorsView *self,
                 const char        *id)
{
  L4aIndicatorEdit *indicator;

  for (guint i = 0; (indicator = indicator_at (self, i)) != NULL; i++)
    if (g_strcmp0 (indicator->id, id) == 0)
      return indicator;
  return NULL;
}

/* The measurement dialog's fields. */
typedef struct
{
  Target      *target;
  GtkEditable *date;
  GtkEditable *value;
  GtkEditable *source;
} MeasurementForm;

static void
measurement_form_free (gpointer data,
                       GClosure *closure)
{
  MeasurementForm *form = data;

  target_free (form->target, NULL);
  g_free (form);
}

static void
measurement_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         MeasurementForm  *form)
{
  L4aIndicatorsView *self = form->target->view;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
  g_autoptr(GError) error = NULL;
  L4aMeasurement *m;

  if (!g_str_equal (response, "save") || self == NULL)
    return;
  m = l4a_measurement_new ();
  m->id = form->target->measurement ? g_strdup (form->target->measurement->id) : NULL;
  /* the note is not in the form: a measurement changed keeps its own */
  m->note = form->target->measurement ? g_strdup (form->target->measurement->note) : NULL;
  m->measured_on = g_strdup (gtk_editable_get_text (form->date));
  m->value = parse_optional (gtk_editable_get_text (form->value));
  m->source = g_strdup (gtk_editable_get_text (form->source));
  g_ptr_array_add (rows, m);
  if (!l4a_measurements_save (self->store, form->target->indicator_id, rows, &error))
    show_error (self, _("The Measurement Was Not Saved"), error->message);
  else
    rebuild_indicators (self);
}

static void
open_measurement (L4aIndicatorsView *self,
                  const char        *indicator_id,
                  L4aMeasurement    *existing)
{
  L4aIndicatorEdit *indicator = self ? indicator_by_id (self, indicator_id) : NULL;
  g_autofree char *today = l4a_today_iso ();
  g_autofree char *value = existing ? l4a_number_to_edit (existing->value) : NULL;
  MeasurementForm *form;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  if (indicator == NULL)
    return;
  list = boxed_list ();
  dialog = new_dialog (self, existing ? _("Change Measurement") : _("Add Measurement"), indicator->name,
                       existing ? _("_Save") : _("_Add"));
  form = g_new0 (MeasurementForm, 1);
  form->target = target_new (self, indicator_id, existing);
  form->date = GTK_EDITABLE (entry_row (list, _("Date, such as 2026-06-30"), existing ? existing->measured_on : today));
  form->value = GTK_EDITABLE (entry_row (list, indicator->unit && *indicator->unit ? indicator->unit : _("Value"),
                                         value));
  form->source = GTK_EDITABLE (entry_row (list, _("Source"), existing ? existing->source : NULL));
  adw_message_dialog_set_extra_child (dialog, list);
  g_signal_connect_data (dialog, "response", G_CALLBACK (measurement_response_cb), form, measurement_form_free, 0);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
measurement_activated_cb (GtkWidget *row,
                          Target    *target)
{
  open_measurement (target->view, target->indicator_id, target->measurement);
}

static gboolean
paste_rows (L4aIndicatorsView  *self,
            const char         *indicator_id,
            const char         *text,
            char              **problems)
{
  g_autoptr(L4aPaste) paste = l4a_measurements_parse (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) said = g_string_new (NULL);

  if (problems != NULL)
    *problems = NULL;
  for (guint i = 0; i < paste->problems->len && i < 12; i++)
    g_string_append_printf (said, "%s%s", i ? "\n" : "",
                            ((L4aPasteProblem *) g_ptr_array_index (paste->problems, i))->message);
  if (paste->problems->len == 0 && paste->rows->len == 0)
    g_string_append (said, _("There are no rows to add."));
  if (said->len == 0 && !l4a_measurements_save (self->store, indicator_id, paste->rows, &error))
    g_string_append (said, error->message);
  if (said->len > 0)
    {
      if (problems != NULL)
        *problems = g_strdup (said->str);
      return FALSE;
    }
  rebuild_indicators (self);
  return TRUE;
}

typedef struct
{
  Target        *target;
  GtkTextBuffer *buffer;
} PasteForm;

static void
paste_form_free (gpointer data,
                 GClosure *closure)
{
  PasteForm *form = data;

  target_free (form->target, NULL);
  g_free (form);
}

static void
paste_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PasteForm        *form)
{
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "save") || form->target->view == NULL)
    return;
  gtk_text_buffer_get_bounds (form->buffer, &start, &end);
  text = gtk_text_buffer_get_text (form->buffer, &start, &end, FALSE);
  if (!paste_rows (form->target->view, form->target->indicator_id, text, &problems))
    /* nothing was added: say why, line by line */
    show_error (form->target->view, _("No Rows Were Added"), problems);
}

/* The dialog to paste rows into, for the indicator @indicator_id of the hub
 * shown (the Paste Rows of its card). */
static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  L4aIndicatorsView *self = L4A_INDICATORS_VIEW (widget);
  const char *indicator_id = g_variant_get_string (parameter, NULL);
  L4aIndicatorEdit *indicator = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *view;
  g_autofree char *body = NULL;
  PasteForm *form;

  ensure_fresh (self);
  for (guint i = 0; (indicator = indicator_at (self, i)) != NULL; i++)
    if (g_strcmp0 (indicator->id, indicator_id) == 0)
      break;
  if (indicator == NULL)
    return;
  body = g_strdup_printf (_("Copy rows from a spreadsheet and paste them here: a date such as 2026-06-30, a value, "
                            "and optionally a source and a note, separated by tabs, semicolons or commas. A date "
                            "that has a measurement already gets the new value. For %s."), indicator->name);
  dialog = new_dialog (self, _("Paste Rows"), body, _("_Add Rows"));
  view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows to add"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_size_request (scrolled, -1, 160);
  gtk_widget_add_css_class (scrolled, "card");
  form = g_new0 (PasteForm, 1);
  form->target = target_new (self, indicator->id, NULL);
  form->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  adw_message_dialog_set_extra_child (dialog, scrolled);
  g_signal_connect_data (dialog, "response", G_CALLBACK (paste_response_cb), form, paste_form_free, 0);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
paste_activated_cb (GtkWidget *row,
                    Target    *target)
{
  if (target->view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (target->view), "indicators.paste", "s", target->indicator_id);
}

static void
remove_measurement (L4aIndicatorsView *self,
                    L4aMeasurement    *measurement)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_measurement_delete (self->store, measurement->id, &error))
    show_error (self, _("The Measurement Was Not Removed"), error->message);
  else
    rebuild_indicators (self);
}

static void
delete_measurement_cb (GtkButton *button,
                       Target    *target)
{
  if (target->view != NULL)
    remove_measurement (target->view, target->measurement);
}

/* The indicator dialog's fields, and the indicator it edits (its own). */
typedef struct
{
  L4aIndicatorsView *view;
  L4aIndicatorEdit  *edit;
  GtkEditable       *code, *framework, *name, *unit, *baseline, *baseline_on, *target, *target_on;
  AdwComboRow       *direction;
} IndicatorForm;

static void
indicator_form_free (gpointer data,
                     GClosure *closure)
{
  IndicatorForm *form = data;

  if (form->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (form->view), (gpointer *) &form->view);
  g_clear_pointer (&form->edit, l4a_indicator_edit_free);
  g_free (form);
}

static void
set_text (char        **field,
          GtkEditable  *editable)
{
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (editable));
}

static void
indicator_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       IndicatorForm    *form)
{
  L4aIndicatorEdit *edit = form->edit;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || form->view == NULL)
    return;
  set_text (&edit->code, form->code);
  set_text (&edit->framework, form->framework);
  set_text (&edit->name, form->name);
  set_text (&edit->unit, form->unit);
  set_text (&edit->baseline_on, form->baseline_on);
  set_text (&edit->target_on, form->target_on);
  edit->baseline_value = parse_optional (gtk_editable_get_text (form->baseline));
  edit->target_value = parse_optional (gtk_editable_get_text (form->target));
  g_free (edit->direction);
  edit->direction = g_strdup (adw_combo_row_get_selected (form->direction) == 1 ? "lower" : "higher");
  if (!l4a_indicator_save (form->view->store, edit, &error))
    show_error (form->view, _("The Indicator Was Not Saved"), error->message);
  else
    rebuild_indicators (form->view);
}

static void
edit_indicator (L4aIndicatorsView *self,
                L4aIndicatorEdit  *source)
{
  IndicatorForm *form = g_new0 (IndicatorForm, 1);
  AdwMessageDialog *dialog;
  GtkWidget *list = boxed_list ();
  GtkWidget *direction = adw_combo_row_new ();
  g_autoptr(GtkStringList) directions = gtk_string_list_new ((const char *[]) { _("Higher is better"),
                                                                                _("Lower is better"), NULL });
  g_autofree char *baseline = NULL;
  g_autofree char *target = NULL;

  form->view = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &form->view);
  form->edit = l4a_indicator_edit_new ();
  form->edit->hub_id = g_strdup (selected_hub (self));
  if (source != NULL)
    {
      form->edit->id = g_strdup (source->id);
      form->edit->revision = source->revision;
      baseline = l4a_number_to_edit (source->baseline_value);
      target = l4a_number_to_edit (source->target_value);
    }
  dialog = new_dialog (self, source ? _("Edit Indicator") : _("Add Indicator"),
                       _("An SDG indicator’s code, such as 11.6.2, or a local code; the unit; which way is better; "
                         "the baseline and the target, with their dates."), source ? _("_Save") : _("_Add"));
  form->code = GTK_EDITABLE (entry_row (list, _("Code"), source ? source->code : NULL));
  form->framework = GTK_EDITABLE (entry_row (list, _("Framework and version, such as SDG 2024"),
                                             source ? source->framework : NULL));
  form->name = GTK_EDITABLE (entry_row (list, _("Name"), source ? source->name : NULL));
  form->unit = GTK_EDITABLE (entry_row (list, _("Unit"), source ? source->unit : NULL));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (direction), _("Direction"));
  adw_combo_row_set_model (ADW_COMBO_ROW (direction), G_LIST_MODEL (directions));
  adw_combo_row_set_selected (ADW_COMBO_ROW (direction), source && g_strcmp0 (source->direction, "lower") == 0);
  gtk_list_box_append (GTK_LIST_BOX (list), direction);
  form->direction = ADW_COMBO_ROW (direction);
  form->baseline = GTK_EDITABLE (entry_row (list, _("Baseline value"), baseline));
  form->baseline_on = GTK_EDITABLE (entry_row (list, _("Baseline date"), source ? source->baseline_on : NULL));
  form->target = GTK_EDITABLE (entry_row (list, _("Target value"), target));
  form->target_on = GTK_EDITABLE (entry_row (list, _("Target date"), source ? source->target_on : NULL));
  adw_message_dialog_set_extra_child (dialog, list);
  g_signal_connect_data (dialog, "response", G_CALLBACK (indicator_response_cb), form, indicator_form_free, 0);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
edit_indicator_cb (GtkButton *button,
                   Target    *target)
{
  L4aIndicatorEdit *indicator = target->view ? indicator_by_id (target->view, target->indicator_id) : NULL;

  if (indicator != NULL)
    edit_indicator (target->view, indicator);
}

static void
add_indicator_cb (L4aIndicatorsView *self)
{
  if (selected_hub (self) != NULL)
    edit_indicator (self, NULL);
}

/* Writes the hub's indicators and measurements, as CSV, to @path. */
static gboolean
write_csv (L4aIndicatorsView  *self,
           const char         *path,
           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                                     error);

  ensure_fresh (self);
  if (out == NULL)
    return FALSE;
  if (!l4a_indicators_write_csv (self->store, selected_hub (self), G_OUTPUT_STREAM (out), error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static void
csv_response_cb (GtkNativeDialog   *dialog,
                 int                response,
                 L4aIndicatorsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "indicators.write-csv", "s", path);
    }
  g_object_unref (dialog);
}

static void
write_csv_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  L4aIndicatorsView *self = L4A_INDICATORS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!write_csv (self, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("The Indicators Were Not Exported"), error->message);
}

static void
csv_cb (L4aIndicatorsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Indicators"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "indicators-vlr-annex.csv");
  g_signal_connect (dialog, "response", G_CALLBACK (csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A hub's indicators -------------------------------------------------------------- */

static GtkWidget *
action_row (const char *title,
            const char *icon,
            GCallback   callback,
            Target     *target)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_data (row, "activated", callback, target, target_free, 0);
  return row;
}

/* How many measurements an indicator's card lists, newest first; the
 * others are in the window of all its measurements. */
#define CARD_MEASUREMENTS 20

static void
window_change_cb (L4aMeasurementsWindow *window,
                  L4aMeasurement        *measurement,
                  Target                *target)
{
  open_measurement (target->view, target->indicator_id, measurement);
}

static void
window_remove_cb (L4aMeasurementsWindow *window,
                  L4aMeasurement        *measurement,
                  Target                *target)
{
  if (target->view != NULL)
    remove_measurement (target->view, measurement);
}

/* Every measurement of the indicator, in a window of its own. */
static void
all_measurements_activated_cb (GtkWidget *row,
                               Target    *target)
{
  L4aIndicatorsView *self = target->view;
  L4aIndicatorEdit *indicator = self ? indicator_by_id (self, target->indicator_id) : NULL;
  g_autoptr(GError) error = NULL;
  L4aMeasurementsWindow *window;
  GtkRoot *root;

  if (indicator == NULL || self->follow.context == NULL)
    return;
  window = l4a_measurements_window_new (self->follow.context, indicator, self->shown_editable, &error);
  if (window == NULL)
    {
      show_error (self, _("The Measurements Cannot Be Shown"), error->message);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_signal_connect_data (window, "change-measurement", G_CALLBACK (window_change_cb),
                         target_new (self, indicator->id, NULL), target_free, 0);
  g_signal_connect_data (window, "remove-measurement", G_CALLBACK (window_remove_cb),
                         target_new (self, indicator->id, NULL), target_free, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
measurements_list (L4aIndicatorsView *self,
                   L4aIndicatorEdit  *indicator,
                   gboolean           editable)
{
  /* how many, as the list of indicators read them */
  guint n = indicator->n_measurements;
  g_autoptr(GPtrArray) measurements = l4a_measurements_newest (self->store, indicator->id, CARD_MEASUREMENTS, NULL);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *list = boxed_list ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Measurement", "%u Measurements", n),
                                            n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  if (editable)
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                action_row (_("_Add Measurement…"), "list-add-symbolic",
                                            G_CALLBACK (measurement_activated_cb),
                                            target_new (self, indicator->id, NULL)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                action_row (_("_Paste Rows From a Spreadsheet…"), "edit-paste-symbolic",
                                            G_CALLBACK (paste_activated_cb),
                                            target_new (self, indicator->id, NULL)));
    }
  /* the newest first */
  for (guint i = 0; measurements && i < measurements->len; i++)
    {
      L4aMeasurement *m = g_ptr_array_index (measurements, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = NULL;
      g_autofree char *subtitle = NULL;

      l4a_measurement_describe (m, indicator->unit, &text, &subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (editable)
        {
          GtkWidget *remove = l4a_remove_button_new (_("Remove Measurement"));

          /* activating a measurement changes it */
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect_data (row, "activated", G_CALLBACK (measurement_activated_cb),
                                 target_new (self, indicator->id, m), target_free, 0);
          g_signal_connect_data (remove, "clicked", G_CALLBACK (delete_measurement_cb),
                                 target_new (self, indicator->id, m), target_free, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (n > CARD_MEASUREMENTS)
    {
      /* translators: opens a window listing every measurement of an indicator, however many */
      g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_All %u Measurement…",
                                                           "_All %u Measurements…", n), n);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                action_row (all, "go-next-symbolic", G_CALLBACK (all_measurements_activated_cb),
                                            target_new (self, indicator->id, NULL)));
    }
  gtk_list_box_append (GTK_LIST_BOX (list), expander);
  return list;
}

/* A card for an indicator: its chart, its measurements, and what the
 * lead government or the World Secretariat may do with them. */
static GtkWidget *
indicator_card (L4aIndicatorsView *self,
                L4aIndicatorEdit  *indicator,
                gboolean           editable)
{
  GtkWidget *card = l4a_chart_card_new (240);
  GtkWidget *footer = l4a_chart_card_get_footer (L4A_CHART_CARD (card));

  l4a_chart_card_set_chart (L4A_CHART_CARD (card), l4a_chart_indicator (self->store, indicator->id, NULL));
  gtk_box_append (GTK_BOX (footer), measurements_list (self, indicator, editable));
  if (editable)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_set_tooltip_text (edit, _("Edit Indicator"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Indicator"), -1);
      g_signal_connect_data (edit, "clicked", G_CALLBACK (edit_indicator_cb),
                             target_new (self, indicator->id, NULL), target_free, 0);
      l4a_chart_card_add_button (L4A_CHART_CARD (card), edit);
    }
  return card;
}

/* The cards follow the list of indicators: those of the indicators that
 * changed are made again, at their place; the others stay as they are. */
static void
indicators_changed_cb (GListModel        *list,
                       guint              position,
                       guint              removed,
                       guint              added,
                       L4aIndicatorsView *self)
{
  GtkWidget *before = position > 0 ? g_ptr_array_index (self->cards, position - 1) : NULL;

  for (guint i = 0; i < removed; i++)
    gtk_box_remove (self->indicator_box, g_ptr_array_index (self->cards, position + i));
  g_ptr_array_remove_range (self->cards, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(L4aIndicatorEdit) indicator = g_list_model_get_item (list, position + i);
      GtkWidget *card = indicator_card (self, indicator, self->shown_editable);

      gtk_box_insert_child_after (self->indicator_box, card, before);
      g_ptr_array_insert (self->cards, position + i, card);
      before = card;
    }
}

/* The indicators of the hub chosen, read again: a change of one of them
 * or of its measurements makes its card again, and only its card. */
static void
rebuild_indicators (L4aIndicatorsView *self)
{
  const char *hub = selected_hub (self);
  gboolean editable = hub != NULL && l4a_indicator_can_edit (self->store, hub);
  g_autoptr(GPtrArray) now = NULL;

  gtk_widget_set_visible (self->add_button, editable);
  gtk_widget_set_sensitive (self->csv_button, hub != NULL);
  /* another hub, or the same with other rights: other cards */
  if (g_strcmp0 (hub, self->shown_hub) != 0 || editable != self->shown_editable)
    {
      g_list_store_remove_all (self->indicators);
      g_free (self->shown_hub);
      self->shown_hub = g_strdup (hub);
      self->shown_editable = editable;
    }
  if (hub == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->no_indicators), FALSE);
      return;
    }

  now = l4a_indicators_list (self->store, hub, NULL);
  if (now == NULL)
    now = g_ptr_array_new ();
  l4a_list_store_update (self->indicators, now);
  gtk_widget_set_visible (GTK_WIDGET (self->no_indicators), now->len == 0);
}

/* Public ---------------------------------------------------------------------------- */

/**
 * l4a_indicators_view_set_store:
 * @hubs: the hubs the Hubs view shows, followed as its filters change
 */
/* Shows what the store holds now: at once when shown, else when next shown. */
static void
reload (L4aIndicatorsView *self)
{
  self->reports_stale = TRUE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->store == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_cb (self);
  else
    self->stale = TRUE;
}

void
l4a_indicators_view_set_store (L4aIndicatorsView *self,
                               L4aStore          *store,
                               L4aHubQuery       *hubs)
{
  g_return_if_fail (L4A_IS_INDICATORS_VIEW (self));

  g_set_object (&self->store, store);
  if (self->hubs != NULL)
    g_signal_handlers_disconnect_by_data (self->hubs, self);
  g_set_object (&self->hubs, hubs);
  if (hubs != NULL)
    g_signal_connect_swapped (hubs, "items-changed", G_CALLBACK (hubs_changed_cb), self);
  reload (self);
}


/* Construction ------------------------------------------------------------------------ */

static void
l4a_indicators_view_dispose (GObject *object)
{
  L4aIndicatorsView *self = (L4aIndicatorsView *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  stop_reading_reports (self);
  if (self->hubs != NULL)
    g_signal_handlers_disconnect_by_data (self->hubs, self);
  g_clear_object (&self->hubs);
  l4a_context_unfollow (&self->follow);
  g_clear_object (&self->store);
  g_clear_pointer (&self->selected_id, g_free);
  if (self->indicators != NULL)
    g_signal_handlers_disconnect_by_data (self->indicators, self);
  g_clear_object (&self->indicators);
  g_clear_pointer (&self->shown_hub, g_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_INDICATORS_VIEW);

  G_OBJECT_CLASS (l4a_indicators_view_parent_class)->dispose (object);
}

static void
l4a_indicators_view_class_init (L4aIndicatorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_indicators_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (L4A_TYPE_CHART_CARD);
  g_type_ensure (L4A_TYPE_HUB);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-indicators-view.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, summary);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, regions);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, sdgs);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, proposals);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, timeline);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, deliverables_chart);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, activities_chart);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, reports_chart);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, reporting_group);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, every_row);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, every_button);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, ics_button);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, add_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, hub_row);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, csv_button);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, no_indicators);
  gtk_widget_class_bind_template_child (widget_class, L4aIndicatorsView, indicator_box);
  gtk_widget_class_bind_template_callback (widget_class, ensure_fresh);
  gtk_widget_class_bind_template_callback (widget_class, rebuild_indicators);
  gtk_widget_class_bind_template_callback (widget_class, csv_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_indicator_cb);
  gtk_widget_class_bind_template_callback (widget_class, ics_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_meeting_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_every_cb);
  gtk_widget_class_install_action (widget_class, "indicators.open-report", "(ss)", open_report_action);
  gtk_widget_class_install_action (widget_class, "indicators.paste", "s", paste_action);
  gtk_widget_class_install_action (widget_class, "indicators.write-csv", "s", write_csv_action);
  gtk_widget_class_install_action (widget_class, "indicators.open-meeting", "s", open_meeting_action);
}

static void
l4a_indicators_view_init (L4aIndicatorsView *self)
{
  self->cards = g_ptr_array_new ();
  self->indicators = g_list_store_new (L4A_TYPE_INDICATOR_EDIT);
  g_signal_connect (self->indicators, "items-changed", G_CALLBACK (indicators_changed_cb), self);
  self->meeting_rows = g_ptr_array_new ();
  self->report_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* What this view shows comes from these kinds of record. */
static const char * const shown_kinds[] = { "hub", "indicator", "measurement", "proposal", "call", "government",
                                            "deliverable", "activity", "network_event", "progress_report",
                                            "reporting_schedule", NULL };

/**
 * l4a_indicators_view_set_context:
 *
 * Shows what @context holds, and follows its changes and its role.
 */
void
l4a_indicators_view_set_context (L4aIndicatorsView *self,
                                 L4aContext *context,
                                 L4aHubQuery *hubs)
{
  g_return_if_fail (L4A_IS_INDICATORS_VIEW (self));
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));

  l4a_context_follow (&self->follow, context, shown_kinds, (L4aFollowFunc) reload, self);
  l4a_indicators_view_set_store (self, context ? l4a_context_get_store (context) : NULL, hubs);
}
