/* l4a-hub-page.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "l4a-permissions.h"
#include "l4a-hub-details.h"
#include "l4a-rules.h"
#include "l4a-brand.h"
#include "l4a-brand-view.h"
#include "l4a-chart-card.h"
#include "l4a-charts.h"
#include "l4a-hub-page.h"
#include "l4a-accessible.h"
#include "l4a-labels.h"
#include "l4a-monitoring.h"
#include "l4a-monitoring-dialogs.h"
#include "l4a-reference.h"
#include "l4a-reports.h"
#include "l4a-links.h"
#include "l4a-sdg-chips.h"
#include "l4a-toast.h"

/* Everything about one hub: its fields, lead government and partners,
 * deliverables (overdue ones flagged), activities, Policy Councils, related
 * hubs (which open in place) and indicators. The content depends on the hub,
 * so it is built here rather than in the template. */
struct _L4aHubPage
{
  AdwBin      parent_instance;

  char       *hub_id;
  L4aStore   *store;

  GtkLabel   *header_label;
  GtkButton  *edit_button;
  GtkWidget  *menu_button;
  GtkBox     *content;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (L4aHubPage, l4a_hub_page, ADW_TYPE_BIN)

enum {
  BACK,
  OPEN_HUB,
  EDIT,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
back_clicked_cb (L4aHubPage *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
edit_clicked_cb (L4aHubPage *self)
{
  g_signal_emit (self, signals[EDIT], 0, self->hub_id);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    L4aHubPage       *self)
{
  if (g_str_equal (response, "delete") && self->hub_id != NULL)
    g_signal_emit (self, signals[DELETE], 0, self->hub_id);
}

/* Delete, from the hub's menu, once the user confirmed it by name. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->hub_id == NULL)
    return;
  /* translators: the name of the hub to delete */
  heading = g_strdup_printf (_("Delete “%s”?"), gtk_label_get_label (self->header_label));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Its partners, deliverables, activities, indicators and measurements go with "
                                     "it. Undo brings it all back for a few seconds."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);

  if (self->store != NULL && self->hub_id != NULL)
    gtk_window_present (GTK_WINDOW (l4a_activity_dialog_new (widget, self->store, self->hub_id, NULL)));
}

static void
edit_activity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (l4a_activity_dialog_new (widget, self->store, self->hub_id,
                                                             g_variant_get_string (parameter, NULL))));
}

static void
deliverable_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (l4a_deliverable_dialog_new (widget, self->store,
                                                                g_variant_get_string (parameter, NULL))));
}

static void
propose_link_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (l4a_link_dialog_new (widget, self->store, self->hub_id)));
}

static void
answer_link (L4aHubPage *self,
             const char *link_id,
             gboolean    accept)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_hub_link_answer (self->store, link_id, accept, &error))
    {
      l4a_toast_say (GTK_WIDGET (self), error->message);
      return;
    }
  l4a_toast_say (GTK_WIDGET (self), accept ? _("Link accepted") : _("Link declined"));
}

static void
accept_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  answer_link (L4A_HUB_PAGE (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
decline_link_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  answer_link (L4A_HUB_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
remove_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!l4a_hub_link_remove (self->store, g_variant_get_string (parameter, NULL), &error))
    l4a_toast_say (widget, error->message);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (l4a_report_dialog_new (widget, self->store, self->hub_id,
                                                           g_variant_get_string (parameter, NULL))));
}

static void
open_related_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_HUB], 0, g_variant_get_string (parameter, NULL));
}

static GtkWidget *
add_group (L4aHubPage *self,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->content, group);
  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* A property row: the name small, the value as the main text. */
static GtkWidget *
add_property (GtkWidget  *group,
              const char *name,
              const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;

  row = add_row (group, value, name);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
tag (const char *text,
     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "l4a-tag");
  if (style)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
clear_content (L4aHubPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);
}

static char *
format_number (double value)
{
  if (isnan (value))
    return NULL;
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%'.1f", value);
}

static void
build_header (L4aHubPage    *self,
              L4aHubDetails *details)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (details->hub->name);
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *where = NULL;
  GtkWidget *subtitle;

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);

  /* translators: a hub's lead government, country and world region */
  where = g_strdup_printf (_("%s · %s · %s"), details->government,
                           l4a_reference_translate (L4A_REFERENCE_COUNTRIES, details->country),
                           l4a_reference_translate (L4A_REFERENCE_REGIONS, details->region));
  subtitle = gtk_label_new (where);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_box_append (GTK_BOX (tags), tag (l4a_hub_status_label (details->hub->status), NULL));
  if (details->sample)
    {
      GtkWidget *sample = tag (_("Sample"), "l4a-sample-tag");
      gtk_widget_set_tooltip_text (sample, _("Illustrative sample data, not an official record"));
      gtk_box_append (GTK_BOX (tags), sample);
    }
  {
    GtkWidget *chips = l4a_sdg_chips_new ();
    l4a_sdg_chips_set_sdgs (L4A_SDG_CHIPS (chips), details->hub->sdgs);
    gtk_widget_set_margin_start (chips, 6);
    gtk_box_append (GTK_BOX (tags), chips);
  }
  gtk_box_append (GTK_BOX (box), tags);

  gtk_box_append (self->content, box);
}

static void
build_about (L4aHubPage    *self,
             L4aHubDetails *details)
{
  GtkWidget *group = add_group (self, _("About"), NULL);
  L4aHubEdit *hub = details->hub;
  g_autofree char *period = l4a_format_period (hub->start, hub->end);
  g_autofree char *label_date = hub->label_date ? l4a_format_date (hub->label_date) : NULL;
  g_autoptr(GString) councils = g_string_new (NULL);
  g_autoptr(GString) goals = g_string_new (NULL);
  const L4aReferenceEntry *entries;
  GtkWidget *row;
  guint n;
  int months = 0;

  row = add_property (group, _("Summary"), hub->summary);
  if (row)
    gtk_widget_add_css_class (row, "l4a-long-text");
  add_property (group, _("Topic"), hub->topic);

  l4a_time_frame_months (hub->start, hub->end, NULL, &months);
  {
    /* translators: a time frame and its length, e.g. “Sep 2024 – Aug 2027 (36 months)” */
    g_autofree char *frame = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d month)", "%s (%d months)", months),
                                              period, months);
    add_property (group, _("Time frame"), frame);
  }

  add_property (group, _("Pact for the Future axis"),
                hub->pact_axis ? l4a_reference_translate (L4A_REFERENCE_AXES, hub->pact_axis) : NULL);
  add_property (group, _("Format"), l4a_hub_format_label (hub->format));

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (hub->sdgs & (1u << goal))
      g_string_append_printf (goals, "%s%u %s", goals->len ? "\n" : "", goal,
                              l4a_reference_translate (L4A_REFERENCE_SDGS, l4a_reference_sdg (goal)->code));
  row = add_property (group, _("Sustainable Development Goals"), goals->str);
  if (row)
    gtk_widget_add_css_class (row, "l4a-long-text");

  entries = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n);
  for (guint i = 0; i < n; i++)
    if (hub->councils & (1u << i))
      g_string_append_printf (councils, "%s%s", councils->len ? "\n" : "",
                              l4a_reference_translate (L4A_REFERENCE_COUNCILS, entries[i].code));
  row = add_property (group, _("Policy Councils"), councils->str);
  if (row)
    gtk_widget_add_css_class (row, "l4a-long-text");

  add_property (group, _("Label granted"), label_date);
  add_property (group, _("From the proposal"), details->proposal_title);

  row = add_property (group, _("Communication strategy"), hub->communication);
  if (row)
    gtk_widget_add_css_class (row, "l4a-long-text");
  row = add_property (group, _("Brand commitment"), hub->brand_commitment);
  if (row)
    gtk_widget_add_css_class (row, "l4a-long-text");
}

static void
build_partners (L4aHubPage    *self,
                L4aHubDetails *details)
{
  GtkWidget *group = add_group (self, _("Lead Government and Partners"), NULL);
  GtkWidget *row;

  row = add_row (group, details->government, _("Lead government"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));

  for (guint i = 0; i < details->partners->len; i++)
    {
      L4aDetailItem *item = g_ptr_array_index (details->partners, i);
      add_row (group, item->title, item->subtitle);
    }
}

/* A group's title with a button beside it, for the people who may use it. */
static GtkWidget *
header_button (const char *label,
               const char *icon,
               const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
build_deliverables (L4aHubPage *self,
                    L4aStore   *store)
{
  g_autoptr(GPtrArray) deliverables = l4a_deliverables_list (store, self->hub_id, NULL);
  gboolean editable = l4a_monitoring_can_edit (store, self->hub_id);
  GtkWidget *group;

  if (deliverables == NULL || deliverables->len == 0)
    return;

  group = add_group (self, _("Deliverables"),
                     editable ? _("Open one to record a change of its status, with the evidence") : NULL);
  for (guint i = 0; i < deliverables->len; i++)
    {
      L4aDeliverable *item = g_ptr_array_index (deliverables, i);
      g_autofree char *due = l4a_format_date (item->due_on);
      /* translators: a deliverable's due date and its status, e.g. “Due 1 Mar 2026 · Done” */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · %s"), due, l4a_deliverable_status_label (item->status));
      GtkWidget *row = add_row (group, item->title, subtitle);

      if (item->overdue)
        {
          GtkWidget *flag = tag (_("Overdue"), "l4a-warning-tag");

          gtk_widget_set_tooltip_text (flag, _("The due date has passed and the deliverable is neither done nor dropped."));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
        }
      else if (g_strcmp0 (item->status, "done") == 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      /* each opens with its history; the lead government records changes */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "hub.deliverable");
    }
}

static char *
activity_subtitle (L4aActivity *item,
                   const char  *hub_id)
{
  g_autofree char *when = l4a_format_days (item->starts_on, item->ends_on);
  g_autoptr(GString) text = g_string_new (l4a_activity_kind_label (item->kind));

  g_string_append_printf (text, " · %s", when);
  if (item->place && *item->place)
    g_string_append_printf (text, " · %s", item->place);
  if (item->online)
    g_string_append_printf (text, " · %s", _("Online"));
  if (g_strcmp0 (item->hub_id, hub_id) != 0)
    {
      /* translators: the hub that recorded a joint product made with this one */
      g_autofree char *by = g_strdup_printf (_("recorded by %s"), item->hub_name);

      g_string_append_printf (text, " · %s", by);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
build_activities (L4aHubPage *self,
                  L4aStore   *store)
{
  g_autoptr(GPtrArray) activities = l4a_activities_list (store, self->hub_id, NULL);
  gboolean editable = l4a_monitoring_can_edit (store, self->hub_id);
  GtkWidget *group;

  if (!editable && (activities == NULL || activities->len == 0))
    return;

  group = add_group (self, _("Activities"),
                     _("Events, publications, joint products, trainings and peer visits"));
  if (editable)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                             header_button (_("_Add Activity"), "list-add-symbolic",
                                                            "hub.add-activity"));
  if (activities == NULL || activities->len == 0)
    {
      add_row (group, _("No activity recorded yet"), _("Record the hub’s events, publications and joint products "
                                                      "as they happen."));
      return;
    }
  for (guint i = 0; i < activities->len; i++)
    {
      L4aActivity *item = g_ptr_array_index (activities, i);
      g_autofree char *subtitle = activity_subtitle (item, self->hub_id);
      GtkWidget *row = add_row (group, item->title, subtitle);

      if (item->url && g_str_has_prefix (item->url, "https://"))
        {
          GtkWidget *link = gtk_link_button_new_with_label (item->url, _("Open"));

          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (link, item->url);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
        }
      if (l4a_monitoring_can_edit (store, item->hub_id))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "hub.edit-activity");
        }
    }
}

/* The tag a report's state wears: a warning when it is late. */
static GtkWidget *
report_tag (L4aReportState state)
{
  return tag (l4a_report_state_label (state),
              state == L4A_REPORT_OVERDUE || state == L4A_REPORT_CHANGES_REQUESTED ? "l4a-warning-tag" : NULL);
}

static void
every_changed_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  L4aHubPage  *self)
{
  static const int months[] = { 3, 6, 12, 0 };
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || selected >= G_N_ELEMENTS (months) ||
      months[selected] == l4a_reporting_get_every (self->store, self->hub_id))
    return;
  if (!l4a_reporting_set_every (self->store, self->hub_id, months[selected], &error))
    l4a_toast_say (GTK_WIDGET (self), error->message);
}

/* The hub's reporting periods, newest first, each with its report. */
static void
build_reports (L4aHubPage *self,
               L4aStore   *store)
{
  static const int months[] = { 3, 6, 12, 0 };
  g_autoptr(GPtrArray) slots = NULL;
  gboolean secretariat = l4a_store_can (store, L4A_PERMISSION_KEEP_REGISTRY);
  GtkWidget *group;

  if (!secretariat && !l4a_monitoring_can_edit (store, self->hub_id))
    return;
  slots = l4a_reporting_schedule (store, self->hub_id, NULL);
  group = add_group (self, _("Progress Reports"),
                     secretariat ? _("Open a submitted report to acknowledge it or send it back")
                                 : _("Write each report once its period has ended, and send it with your monitoring"));
  if (secretariat)
    {
      GtkWidget *every = adw_combo_row_new ();
      g_autoptr(GtkStringList) choices = gtk_string_list_new ((const char *[]) {
        _("Every 3 months"), _("Every 6 months"), _("Every 12 months"), _("No reports"), NULL });
      int current = l4a_reporting_get_every (store, self->hub_id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (every), _("Reporting"));
      adw_combo_row_set_model (ADW_COMBO_ROW (every), G_LIST_MODEL (choices));
      for (guint i = 0; i < G_N_ELEMENTS (months); i++)
        if (months[i] == current)
          adw_combo_row_set_selected (ADW_COMBO_ROW (every), i);
      g_signal_connect (every, "notify::selected", G_CALLBACK (every_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), every);
    }
  if (slots == NULL || slots->len == 0)
    {
      add_row (group, _("No reports expected"), NULL);
      return;
    }
  for (guint i = slots->len; i > 0; i--)
    {
      L4aReportSlot *slot = g_ptr_array_index (slots, i - 1);
      g_autofree char *period = l4a_format_days (slot->period_start, slot->period_end);
      g_autofree char *due = l4a_format_date (slot->due_on);
      /* translators: the date a report is due */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);
      GtkWidget *row = add_row (group, period, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), report_tag (slot->state));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", slot->period_start);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "hub.report");
    }
}

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *target,
            const char *style)
{
  GtkWidget *button = label ? l4a_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (style)
    gtk_widget_add_css_class (button, style);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

/* The hubs this one is linked with, and the links proposed either way. */
static void
build_links (L4aHubPage *self,
             L4aStore   *store)
{
  g_autoptr(GPtrArray) links = l4a_hub_links (store, self->hub_id, NULL);
  gboolean can_propose = l4a_hub_link_can_propose (store, self->hub_id);
  gboolean secretariat = l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT;
  GtkWidget *group = NULL;
  guint shown = 0;

  for (guint i = 0; links && i < links->len; i++)
    shown += g_strcmp0 (((L4aHubLink *) g_ptr_array_index (links, i))->status, "declined") != 0;
  if (shown == 0 && !can_propose)
    return;

  group = add_group (self, _("Linked Hubs"), _("Hubs this one works with: a shared topic, a joint product, peer "
                                               "learning"));
  if (can_propose)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                             header_button (_("_Propose a Link"), "list-add-symbolic",
                                                            "hub.propose-link"));
  if (shown == 0)
    add_row (group, _("No links yet"), _("Propose one to a hub with a shared topic or a joint product."));
  for (guint i = 0; links && i < links->len; i++)
    {
      L4aHubLink *link = g_ptr_array_index (links, i);
      gboolean outgoing = g_strcmp0 (link->hub_id, self->hub_id) == 0;
      const char *other_id = outgoing ? link->other_id : link->hub_id;
      const char *other_name = outgoing ? link->other_name : link->hub_name;
      const char *reason = l4a_enum_get_label (L4A_TYPE_LINK_REASON, link->reason);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (g_str_equal (link->status, "declined"))
        continue;
      if (g_str_equal (link->status, "accepted"))
        subtitle = link->note && *link->note ? g_strdup_printf ("%s · %s", reason, link->note) : g_strdup (reason);
      else if (outgoing)
        /* translators: a link's reason, then that the other hub has not answered yet */
        subtitle = g_strdup_printf (_("%s · proposed, waiting for an answer"), reason);
      else
        /* translators: a link's reason, then that the other hub proposed it */
        subtitle = g_strdup_printf (_("%s · proposed to this hub"), reason);
      row = add_row (group, other_name, subtitle);
      if (g_str_equal (link->status, "proposed"))
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-send-symbolic"));
      if (l4a_hub_link_can_answer (store, link) && (!outgoing || secretariat))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Decline"), "hub.decline-link", link->id,
                                                                       NULL));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_Accept"), "hub.accept-link", link->id,
                                                                       "suggested-action"));
        }
      else if (secretariat || (outgoing && g_str_equal (link->status, "proposed") && can_propose))
        {
          GtkWidget *remove = row_button (NULL, "hub.remove-link", link->id, "flat");

          gtk_button_set_icon_name (GTK_BUTTON (remove), "list-remove-symbolic");
          gtk_widget_set_tooltip_text (remove, secretariat ? _("Remove the Link") : _("Withdraw the Proposal"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          secretariat ? _("Remove the Link") : _("Withdraw the Proposal"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      if (g_str_equal (link->status, "accepted"))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", other_id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "hub.open-related");
        }
    }
}

/* The network's meetings where the hub presents. */
static void
build_meetings (L4aHubPage *self,
                L4aStore   *store)
{
  g_autoptr(GPtrArray) events = l4a_network_events_list (store, NULL);
  GtkWidget *group = NULL;

  for (guint i = 0; events && i < events->len; i++)
    {
      L4aNetworkEvent *e = g_ptr_array_index (events, i);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      gboolean presents = FALSE;

      for (guint h = 0; h < e->hubs->len && !presents; h++)
        presents = g_str_equal (g_ptr_array_index (e->hubs, h), self->hub_id);
      if (!presents)
        continue;
      if (group == NULL)
        group = add_group (self, _("Presenting at"), _("Meeting points of the network"));
      when = l4a_format_days (e->starts_on, e->ends_on);
      /* translators: a meeting's kind, dates and place, e.g. “Forum · 14–16 Oct 2026 · Venice, Italy” */
      subtitle = e->place && *e->place
                 ? g_strdup_printf (_("%s · %s · %s"), l4a_enum_get_label (L4A_TYPE_NETWORK_EVENT_KIND, e->kind),
                                    when, e->place)
                 : g_strdup_printf (_("%s · %s"), l4a_enum_get_label (L4A_TYPE_NETWORK_EVENT_KIND, e->kind), when);
      add_row (group, e->title, subtitle);
    }
}

static void
build_indicators (L4aHubPage    *self,
                  L4aStore      *store,
                  L4aHubDetails *details)
{
  GtkWidget *group;

  if (details->indicators->len == 0)
    return;

  group = add_group (self, _("Indicators"), NULL);
  for (guint i = 0; i < details->indicators->len; i++)
    {
      L4aDetailItem *item = g_ptr_array_index (details->indicators, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", item->subtitle, item->title);
      g_autofree char *latest = format_number (item->value);
      g_autofree char *target = format_number (item->target);
      g_autofree char *date = item->date ? l4a_format_date (item->date) : NULL;
      g_autofree char *subtitle = NULL;

      if (latest && target)
        /* translators: an indicator's latest value with its unit and date, then its target */
        subtitle = g_strdup_printf (_("Latest %s %s (%s) · target %s %s"), latest, item->unit, date, target, item->unit);
      else if (target)
        subtitle = g_strdup_printf (_("No measurement yet · target %s %s"), target, item->unit);
      else
        subtitle = g_strdup (_("No measurement yet"));

      add_row (group, title, subtitle);
    }

  /* each indicator's progress, as the Indicators view draws it */
  for (guint i = 0; i < details->indicators->len; i++)
    {
      L4aDetailItem *item = g_ptr_array_index (details->indicators, i);
      L4aChart *chart = item->id ? l4a_chart_indicator (store, item->id, NULL) : NULL;
      GtkWidget *card;

      if (chart == NULL || l4a_chart_is_empty (chart))
        {
          g_clear_pointer (&chart, l4a_chart_free);
          continue;
        }
      card = l4a_chart_card_new (200);
      gtk_widget_set_margin_top (card, 12);
      l4a_chart_card_set_chart (L4A_CHART_CARD (card), chart);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
    }
}

static void
build_related (L4aHubPage    *self,
               L4aHubDetails *details)
{
  GtkWidget *group;

  if (details->related->len == 0)
    return;

  group = add_group (self, _("Related Hubs"), NULL);
  for (guint i = 0; i < details->related->len; i++)
    {
      L4aDetailItem *item = g_ptr_array_index (details->related, i);
      GtkWidget *row = add_row (group, item->title, item->subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* the row names the hub it opens as its action's target */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "hub.open-related");
    }
}

static void
build_read_only_note (L4aHubPage *self,
                      L4aStore   *store)
{
  GtkWidget *note;
  g_autofree char *text = NULL;

  if (l4a_store_can (store, L4A_PERMISSION_KEEP_REGISTRY))
    return;

  if (self->hub_id != NULL && l4a_monitoring_can_edit (store, self->hub_id))
    text = g_strdup (_("Your government leads this hub: you record its activities and the progress of its "
                       "deliverables and indicators. The World Secretariat changes the rest of the registry."));
  else
    /* translators: %s is the workstation's role, e.g. “Local government” */
    text = g_strdup_printf (_("Only the World Secretariat changes the registry. This workstation acts as “%s”, so the hub is shown read-only."),
                            l4a_role_get_label (l4a_store_get_role (store)));
  note = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "l4a-note");
  gtk_box_append (self->content, note);
}

/* The hub's co-branded label, written where the user says. */
static void
export_label_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aHubPage *self = L4A_HUB_PAGE (widget);

  if (self->store != NULL && self->hub_id != NULL)
    l4a_label_export_choose (widget, self->store, self->hub_id, g_variant_get_string (parameter, NULL));
}

static void
build_label (L4aHubPage *self)
{
  GtkWidget *group = add_group (self, _("Label"), NULL);
  GtkWidget *row = add_row (group, _("Co-branded Label"),
                            _("The Local4Action label with the hub’s name and place, as the brand kit draws it"));
  GtkWidget *export = l4a_label_export_button ("hub.export-label");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), export);
}

static void
l4a_hub_page_dispose (GObject *object)
{
  L4aHubPage *self = (L4aHubPage *)object;

  g_clear_pointer (&self->hub_id, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (l4a_hub_page_parent_class)->dispose (object);
}

static void
l4a_hub_page_class_init (L4aHubPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_hub_page_dispose;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_HUB] = g_signal_new ("open-hub", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (L4A_TYPE_SDG_CHIPS);
  gtk_widget_class_install_action (widget_class, "hub.export-label", "s", export_label_action);
  gtk_widget_class_install_action (widget_class, "hub.open-related", "s", open_related_action);
  gtk_widget_class_install_action (widget_class, "hub.add-activity", NULL, add_activity_action);
  gtk_widget_class_install_action (widget_class, "hub.edit-activity", "s", edit_activity_action);
  gtk_widget_class_install_action (widget_class, "hub.deliverable", "s", deliverable_action);
  gtk_widget_class_install_action (widget_class, "hub.report", "s", report_action);
  gtk_widget_class_install_action (widget_class, "hub.propose-link", NULL, propose_link_action);
  gtk_widget_class_install_action (widget_class, "hub.accept-link", "s", accept_link_action);
  gtk_widget_class_install_action (widget_class, "hub.decline-link", "s", decline_link_action);
  gtk_widget_class_install_action (widget_class, "hub.remove-link", "s", remove_link_action);
  gtk_widget_class_install_action (widget_class, "hub.delete", NULL, delete_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-hub-page.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aHubPage, header_label);
  gtk_widget_class_bind_template_child (widget_class, L4aHubPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubPage, content);
  gtk_widget_class_bind_template_child (widget_class, L4aHubPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "back", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "back", NULL);
}

/* The hub's name stands large at the top of the page; the bar above names
 * it only once that title has scrolled away, so it is never shown twice. */
static void
scrolled_cb (GtkAdjustment *adjustment,
             L4aHubPage    *self)
{
  gtk_widget_set_opacity (GTK_WIDGET (self->header_label), gtk_adjustment_get_value (adjustment) > 72 ? 1 : 0);
}

static void
l4a_hub_page_init (L4aHubPage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_label_tooltip_when_cut (self->header_label);
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self, 0);
  gtk_widget_set_opacity (GTK_WIDGET (self->header_label), 0);
}

/**
 * l4a_hub_page_show:
 *
 * Shows the hub @id of @store, with Edit and Delete for the secretariat
 * only.
 */
gboolean
l4a_hub_page_show (L4aHubPage  *self,
                   L4aStore    *store,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(L4aHubDetails) details = NULL;
  g_autofree char *new_id = NULL;
  gboolean editable;
  gboolean same;
  double scrolled;

  g_return_val_if_fail (L4A_IS_HUB_PAGE (self), FALSE);
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* @id may be the page's own (showing the same hub again). */
  new_id = g_strdup (id);
  details = l4a_registry_get_hub_details (store, new_id, error);
  if (details == NULL)
    return FALSE;

  /* the same hub shown again after a change keeps its place */
  same = g_strcmp0 (self->hub_id, new_id) == 0;
  scrolled = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  g_free (self->hub_id);
  self->hub_id = g_steal_pointer (&new_id);
  g_set_object (&self->store, store);

  clear_content (self);
  gtk_label_set_label (self->header_label, details->hub->name);

  editable = l4a_store_can (store, L4A_PERMISSION_KEEP_REGISTRY);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), editable);
  gtk_widget_set_visible (self->menu_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hub.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hub.add-activity", l4a_monitoring_can_edit (store, self->hub_id));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hub.propose-link", l4a_hub_link_can_propose (store, self->hub_id));

  build_header (self, details);
  build_read_only_note (self, store);
  build_about (self, details);
  build_partners (self, details);
  build_deliverables (self, store);
  build_activities (self, store);
  build_reports (self, store);
  build_indicators (self, store, details);
  build_meetings (self, store);
  build_links (self, store);
  build_related (self, details);
  build_label (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), same ? scrolled : 0);
  return TRUE;
}

const char *
l4a_hub_page_get_hub_id (L4aHubPage *self)
{
  g_return_val_if_fail (L4A_IS_HUB_PAGE (self), NULL);

  return self->hub_id;
}
