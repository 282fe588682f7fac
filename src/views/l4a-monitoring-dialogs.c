/* l4a-monitoring-dialogs.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-monitoring-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "l4a-accessible.h"
#include "l4a-bind.h"
#include "l4a-date-button.h"
#include "l4a-labels.h"
#include "l4a-monitoring-dialogs.h"
#include "l4a-proposal-edit.h"
#include "l4a-reference.h"
#include "l4a-reports.h"
#include "l4a-links.h"
#include "l4a-permissions.h"
#include "l4a-types.h"
#include "l4a-toast.h"

/*
 * The forms of monitoring: an activity of a hub, a change of a
 * deliverable's status with its history, and a meeting of the network.
 * Each is checked as it is typed by the same core function that saves it
 * (l4a_activity_check(), l4a_deliverable_change_check(),
 * l4a_network_event_check()): the first problem stands under the form and
 * its field is marked, and Save is sensitive only when there is none.
 * Every field row is named after its field, for assistive technologies and
 * for tests that drive the form as a user does.
 */

typedef enum
{
  FORM_ACTIVITY,
  FORM_DELIVERABLE,
  FORM_MEETING,
  FORM_REPORT,
  FORM_LINK,
} FormKind;

struct _L4aMonitoringDialog
{
  AdwWindow            parent_instance;

  FormKind             kind;
  L4aStore            *store;
  GtkWidget           *anchor;     /* weak: where toasts go */
  AdwWindowTitle      *title;
  GtkWidget           *save;
  GtkWidget           *cancel;
  AdwPreferencesPage  *page;
  GtkLabel            *problem;
  GtkWidget           *problem_group;
  GtkWidget           *delete_group;
  GHashTable          *nicks;      /* field → the nicks its combo row offers */
  GtkWidget           *sdg_checks[L4A_N_SDGS + 1];
  GPtrArray           *history;    /* of L4aDeliverableChange, as shown */
  GHashTable          *rows;       /* field → row */
  gboolean             shown_problem;

  L4aActivity         *activity;
  L4aNetworkEvent     *event;
  L4aDeliverableChange *change;
  char                *deliverable_status;
  GPtrArray           *statuses;   /* nicks the status row offers */

  GtkTextBuffer       *description;
  guint32              sdgs;
  GPtrArray           *hubs;       /* chosen hubs, of L4aChoice */
  GPtrArray           *governments_all;  /* offered, of L4aChoice */
  AdwPreferencesGroup *hubs_group;
  GPtrArray           *hub_rows;   /* rows of chosen and found hubs */
  GtkEditable         *hub_search;
  GtkWidget           *evidence_row;

  L4aReport           *report;
  gboolean             writer;     /* the hub's lead government, while the report is its to write */
  gboolean             reader;     /* the secretariat, while the report waits for it */
  GtkWidget           *submit;
  GtkWidget           *comment_row;

  char                *link_hub;   /* the hub a link is proposed from */
  AdwPreferencesGroup *files_group;
  GPtrArray           *file_rows;
  GtkWidget           *attach_row;
};

G_DEFINE_FINAL_TYPE (L4aMonitoringDialog, l4a_monitoring_dialog, ADW_TYPE_WINDOW)

static void update (L4aMonitoringDialog *self);
static void add_files (L4aMonitoringDialog *self);
static void remove_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
static void open_evidence_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* A button with a mnemonic, named after its label widget alone (see
 * l4a-accessible.c for why). */
static void
label_button (GtkWidget  *button,
              const char *mnemonic)
{
  gtk_button_set_label (GTK_BUTTON (button), mnemonic);
  gtk_button_set_use_underline (GTK_BUTTON (button), TRUE);
  l4a_accessible_fix_button_names (button);
}

static GtkWidget *
mnemonic_button (const char *mnemonic)
{
  GtkWidget *button = gtk_button_new ();

  label_button (button, mnemonic);
  return button;
}

/* Helpers ---------------------------------------------------------------------- */

static const char *
row_text (L4aMonitoringDialog *self,
          const char          *field)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, field);

  return row && GTK_IS_EDITABLE (row) ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

static char *
dup_text (L4aMonitoringDialog *self,
          const char          *field)
{
  const char *text = row_text (self, field);
  g_autofree char *copy = g_strdup (text ? text : "");

  return g_strdup (g_strstrip (copy));
}

static char *
dup_nullable (L4aMonitoringDialog *self,
              const char          *field)
{
  char *text = dup_text (self, field);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
changed_cb (L4aMonitoringDialog *self)
{
  update (self);
}

static void
remember_row (L4aMonitoringDialog *self,
              const char          *field,
              GtkWidget           *row)
{
  gtk_widget_set_name (row, field);
  g_hash_table_insert (self->rows, (gpointer) field, row);
}

static GtkWidget *
add_group (L4aMonitoringDialog *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static GtkWidget *
add_entry (L4aMonitoringDialog *self,
           GtkWidget           *group,
           const char          *field,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  remember_row (self, field, row);
  return row;
}

/* A date typed as 2026-06-30, or chosen in a calendar. */
static GtkWidget *
add_date (L4aMonitoringDialog *self,
          GtkWidget           *group,
          const char          *field,
          const char          *title,
          const char          *text)
{
  GtkWidget *row = add_entry (self, group, field, title, text);

  l4a_date_row_add_button (row, title);
  return row;
}

static GtkWidget *
add_combo (L4aMonitoringDialog *self,
           GtkWidget           *group,
           const char          *field,
           const char          *title,
           GType                enum_type,
           GPtrArray           *nicks,
           const char          *selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint index = 0;

  for (guint i = 0; i < nicks->len; i++)
    {
      gtk_string_list_append (labels, l4a_enum_get_label (enum_type, g_ptr_array_index (nicks, i)));
      if (g_strcmp0 (selected, g_ptr_array_index (nicks, i)) == 0)
        index = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
  g_hash_table_insert (self->nicks, (gpointer) field, g_ptr_array_ref (nicks));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  remember_row (self, field, row);
  return row;
}

static GPtrArray *
enum_nicks (GType enum_type)
{
  GPtrArray *nicks = g_ptr_array_new ();

  for (const char * const *n = l4a_enum_get_nicks (enum_type); *n; n++)
    g_ptr_array_add (nicks, (gpointer) *n);
  return nicks;
}

static const char *
combo_nick (L4aMonitoringDialog *self,
            const char          *field)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, field);
  GPtrArray *nicks = g_hash_table_lookup (self->nicks, field);
  guint selected = row ? adw_combo_row_get_selected (ADW_COMBO_ROW (row)) : GTK_INVALID_LIST_POSITION;

  return nicks && selected < nicks->len ? g_ptr_array_index (nicks, selected) : NULL;
}

static GtkWidget *
add_switch (L4aMonitoringDialog *self,
            GtkWidget           *group,
            const char          *field,
            const char          *title,
            const char          *subtitle,
            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  remember_row (self, field, toggle);
  return row;
}

static GtkWidget *
add_text_view (L4aMonitoringDialog *self,
               GtkWidget           *group,
               const char          *field,
               const char          *text)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (changed_cb),
                            self);
  remember_row (self, field, frame);
  return view;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (buffer == NULL)
    return g_strdup ("");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The goals, each with its number, name and colour. */
static void
sdg_toggled_cb (L4aMonitoringDialog *self)
{
  self->sdgs = 0;
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->sdg_checks[goal])))
      self->sdgs |= 1u << goal;
  update (self);
}

static void
add_sdgs (L4aMonitoringDialog *self,
          GtkWidget           *group)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Sustainable Development Goals"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  remember_row (self, "sdgs", expander);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      const L4aReferenceEntry *sdg = l4a_reference_sdg (goal);
      g_autofree char *title = g_strdup_printf ("%u %s", goal, l4a_reference_translate (L4A_REFERENCE_SDGS, sdg->code));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *swatch = gtk_label_new (NULL);
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">■</span>", sdg->colour);

      gtk_label_set_markup (GTK_LABEL (swatch), markup);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (self->sdgs & (1u << goal)) != 0);
      self->sdg_checks[goal] = check;
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (sdg_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), swatch);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
}

static void
update_sdgs_subtitle (L4aMonitoringDialog *self)
{
  GtkWidget *expander = g_hash_table_lookup (self->rows, "sdgs");
  g_autoptr(GString) goals = g_string_new (NULL);

  if (expander == NULL)
    return;
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (self->sdgs & (1u << goal))
      g_string_append_printf (goals, "%s%u", goals->len ? ", " : "", goal);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), goals->len ? goals->str : _("None chosen"));
}

/* Hubs, chosen by name from what a search finds (never a list of every hub
 * of a registry of thousands). */
static gboolean
has_hub (GPtrArray  *hubs,
         const char *id)
{
  for (guint i = 0; i < hubs->len; i++)
    if (g_str_equal (((L4aChoice *) g_ptr_array_index (hubs, i))->id, id))
      return TRUE;
  return FALSE;
}

static void rebuild_hubs (L4aMonitoringDialog *self);

/* A hub found or chosen: chosen, or no longer. */
static void
toggle_hub_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->hubs == NULL)
    return;
  if (has_hub (self->hubs, id))
    {
      for (guint i = 0; i < self->hubs->len; i++)
        if (g_str_equal (((L4aChoice *) g_ptr_array_index (self->hubs, i))->id, id))
          {
            g_ptr_array_remove_index (self->hubs, i);
            break;
          }
    }
  else
    {
      L4aChoice *choice = g_new0 (L4aChoice, 1);

      choice->id = g_strdup (id);
      choice->name = l4a_monitoring_hub_name (self->store, id);
      if (choice->name == NULL)
        {
          l4a_choice_free (choice);
          return;
        }
      /* a link names one hub: choosing another replaces it */
      if (self->kind == FORM_LINK)
        g_ptr_array_set_size (self->hubs, 0);
      g_ptr_array_add (self->hubs, choice);
    }
  if (self->kind == FORM_LINK && self->hub_search)
    gtk_editable_set_text (self->hub_search, "");
  rebuild_hubs (self);
  update (self);
}

static void
add_hub_row (L4aMonitoringDialog *self,
             const char          *id,
             const char          *name,
             gboolean             chosen)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name (chosen ? "list-remove-symbolic" : "list-add-symbolic");
  /* translators: %s is a hub's name */
  g_autofree char *label = g_strdup_printf (chosen ? _("Remove “%s”") : _("Add “%s”"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (chosen)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.toggle-hub");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->hubs_group, row);
  g_ptr_array_add (self->hub_rows, row);
}

static void
rebuild_hubs (L4aMonitoringDialog *self)
{
  const char *text = self->hub_search ? gtk_editable_get_text (self->hub_search) : "";
  const char *except = self->activity ? self->activity->hub_id : NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint shown = 0;

  for (guint i = 0; i < self->hub_rows->len; i++)
    adw_preferences_group_remove (self->hubs_group, g_ptr_array_index (self->hub_rows, i));
  g_ptr_array_set_size (self->hub_rows, 0);

  for (guint i = 0; i < self->hubs->len; i++)
    {
      L4aChoice *choice = g_ptr_array_index (self->hubs, i);
      add_hub_row (self, choice->id, choice->name, TRUE);
    }
  if (text == NULL || *text == '\0')
    return;
  found = l4a_monitoring_find_hubs (self->store, text, except, 8 + self->hubs->len);
  for (guint i = 0; i < found->len && shown < 8; i++)
    {
      L4aChoice *choice = g_ptr_array_index (found, i);

      if (has_hub (self->hubs, choice->id))
        continue;
      add_hub_row (self, choice->id, choice->name, FALSE);
      shown++;
    }
}

static void
hub_search_cb (L4aMonitoringDialog *self)
{
  rebuild_hubs (self);
}

static void
add_hub_picker (L4aMonitoringDialog *self,
                const char          *title,
                const char          *description,
                GPtrArray           *ids)
{
  GtkWidget *group = add_group (self, title, description);
  GtkWidget *search = adw_entry_row_new ();

  self->hubs_group = ADW_PREFERENCES_GROUP (group);
  self->hubs = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_choice_free);
  self->hub_rows = g_ptr_array_new ();
  for (guint i = 0; ids && i < ids->len; i++)
    {
      L4aChoice *choice = g_new0 (L4aChoice, 1);

      choice->id = g_strdup (g_ptr_array_index (ids, i));
      choice->name = l4a_monitoring_hub_name (self->store, choice->id);
      if (choice->name == NULL)
        choice->name = g_strdup (choice->id);
      g_ptr_array_add (self->hubs, choice);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (search), _("Find a Hub by Name"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (search), gtk_image_new_from_icon_name ("system-search-symbolic"));
  g_signal_connect_swapped (search, "changed", G_CALLBACK (hub_search_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), search);
  gtk_widget_set_name (search, "hub-search");
  self->hub_search = GTK_EDITABLE (search);
  rebuild_hubs (self);
}

static GPtrArray *
chosen_hub_ids (L4aMonitoringDialog *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->hubs && i < self->hubs->len; i++)
    g_ptr_array_add (ids, g_strdup (((L4aChoice *) g_ptr_array_index (self->hubs, i))->id));
  return ids;
}

/* Asks for a PDF document or a picture to attach; @response gets it. */
static void
choose_attachment (L4aMonitoringDialog *self,
                   const char          *title,
                   const char          *accept,
                   GCallback            response)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, accept, _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents and pictures"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Undo ------------------------------------------------------------------------- */

typedef struct
{
  L4aStore *store;
  char     *snapshot;
  GWeakRef  anchor;    /* where a failure is said */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_free (undo->snapshot);
  g_weak_ref_clear (&undo->anchor);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_monitoring_restore (undo->store, undo->snapshot, &error))
    {
      g_autoptr(GtkWidget) anchor = g_weak_ref_get (&undo->anchor);

      l4a_toast_say (anchor, error->message);
    }
}

/**
 * l4a_monitoring_offer_undo:
 * @snapshot: (transfer full): what a delete returned
 *
 * Says @title in a toast near @anchor, with Undo.
 */
void
l4a_monitoring_offer_undo (GtkWidget  *anchor,
                           L4aStore   *store,
                           const char *title,
                           char       *snapshot)
{
  AdwToast *toast = l4a_toast_new (title);
  Undo *undo = g_new0 (Undo, 1);

  undo->store = g_object_ref (store);
  undo->snapshot = snapshot;
  g_weak_ref_init (&undo->anchor, anchor);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  l4a_toast_show (anchor, toast);
}

/* Reading the form ---------------------------------------------------------------- */

/* The activity's texts, kind, online and description are bound to the
 * form; what is saved is trimmed, a last day not given being none. The
 * goals, partners and other hubs are read from their pickers. */
static void
read_activity (L4aMonitoringDialog *self)
{
  L4aActivity *a = self->activity;
  char **texts[] = { &a->title, &a->starts_on, &a->ends_on, &a->place, &a->url, &a->description };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (*texts[i] != NULL)
      g_strstrip (*texts[i]);
  if (a->ends_on != NULL && *a->ends_on == '\0')
    g_clear_pointer (&a->ends_on, g_free);
  a->sdgs = self->sdgs;
  g_ptr_array_set_size (a->governments, 0);
  for (guint i = 0; self->governments_all && i < self->governments_all->len; i++)
    {
      L4aChoice *choice = g_ptr_array_index (self->governments_all, i);
      GtkWidget *check = g_hash_table_lookup (self->rows, choice->id);

      if (check && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (a->governments, g_strdup (choice->id));
    }
  g_ptr_array_unref (a->hubs);
  a->hubs = chosen_hub_ids (self);
}

static void
read_event (L4aMonitoringDialog *self)
{
  L4aNetworkEvent *e = self->event;

  g_free (e->kind);
  e->kind = g_strdup (combo_nick (self, "kind"));
  g_free (e->title);
  e->title = dup_text (self, "title");
  g_free (e->starts_on);
  e->starts_on = dup_text (self, "starts_on");
  g_free (e->ends_on);
  /* a meeting of one day: the last day is the first unless said */
  e->ends_on = dup_nullable (self, "ends_on");
  if (e->ends_on == NULL)
    e->ends_on = g_strdup (e->starts_on);
  g_free (e->place);
  e->place = dup_text (self, "place");
  g_free (e->url);
  e->url = dup_text (self, "url");
  g_free (e->description);
  e->description = buffer_text (self->description);
  g_ptr_array_unref (e->hubs);
  e->hubs = chosen_hub_ids (self);
}

static void
read_change (L4aMonitoringDialog *self)
{
  L4aDeliverableChange *c = self->change;

  g_free (c->status);
  c->status = g_strdup (combo_nick (self, "status"));
  g_free (c->changed_on);
  c->changed_on = dup_text (self, "changed_on");
  g_free (c->evidence_url);
  c->evidence_url = dup_text (self, "evidence_url");
  g_free (c->note);
  c->note = dup_text (self, "note");
}

/* Checking as typed ---------------------------------------------------------------- */

/* A report can be saved while it is its writer's; it can be submitted once
 * its period has ended and it says something. */
static gboolean
report_check (L4aMonitoringDialog  *self,
              const char          **field,
              GError              **error)
{
  g_autofree char *narrative = NULL;
  g_autofree char *today = l4a_today_iso ();
  gboolean ready;

  if (!self->writer)
    return FALSE;
  g_free (self->report->narrative);
  self->report->narrative = buffer_text (self->description);
  narrative = g_strstrip (g_strdup (self->report->narrative));
  ready = strcmp (today, self->report->period_end) > 0 && g_utf8_strlen (narrative, -1) >= 20;
  if (self->submit)
    gtk_widget_set_sensitive (self->submit, ready);
  if (!ready)
    {
      g_autofree char *end = l4a_format_date (self->report->period_end);

      if (field)
        *field = "narrative";
      if (strcmp (today, self->report->period_end) <= 0)
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                     /* translators: a date */
                     _("The period ends on %s: the report can be written now and submitted after that."), end);
      else
        g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                             _("Write a few sentences on the period to submit the report."));
    }
  /* a draft is saved whatever it says */
  return TRUE;
}

static gboolean
check (L4aMonitoringDialog  *self,
       const char          **field,
       GError              **error)
{
  switch (self->kind)
    {
    case FORM_ACTIVITY:
      read_activity (self);
      return l4a_activity_check (self->store, self->activity, field, error);
    case FORM_MEETING:
      read_event (self);
      return l4a_network_event_check (self->store, self->event, field, error);
    case FORM_REPORT:
      return report_check (self, field, error);
    case FORM_LINK:
      if (self->hubs == NULL || self->hubs->len != 1)
        {
          if (field)
            *field = "hub-search";
          g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                               self->hubs && self->hubs->len > 1 ? _("Link one hub at a time.")
                                                                 : _("Find the hub to link to by its name."));
          return FALSE;
        }
      return TRUE;
    case FORM_DELIVERABLE:
    default:
      if (self->change == NULL)
        return FALSE;
      read_change (self);
      return l4a_deliverable_change_check (self->store, self->change, field, error);
    }
}

static void
update (L4aMonitoringDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  GHashTableIter iter;
  gpointer row;
  gboolean ok;

  if (self->store == NULL || self->rows == NULL)
    return;
  ok = check (self, &field, &error);
  /* a report's problem is what stops Submit, not Save */
  if (self->kind == FORM_REPORT)
    ok = self->writer;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_widget_remove_css_class (row, "error");
  /* a new form does not start with a scolding: problems show once the
   * user has typed something */
  if (error != NULL && self->shown_problem && (!ok || self->kind == FORM_REPORT))
    {
      GtkWidget *at = field ? g_hash_table_lookup (self->rows, field) : NULL;

      if (at)
        gtk_widget_add_css_class (at, "error");
      gtk_label_set_label (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  self->shown_problem = TRUE;
  gtk_widget_set_sensitive (self->save, ok);
  update_sdgs_subtitle (self);
  if (self->hubs_group != NULL && self->kind == FORM_ACTIVITY)
    gtk_widget_set_visible (GTK_WIDGET (self->hubs_group), g_strcmp0 (self->activity->kind, "joint-product") == 0);
}

/* Saving ------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gboolean ok;
  gboolean created = FALSE;

  if (!check (self, &field, &error))
    {
      self->shown_problem = TRUE;
      update (self);
      return;
    }
  switch (self->kind)
    {
    case FORM_ACTIVITY:
      created = self->activity->id == NULL;
      ok = l4a_activity_save (self->store, self->activity, &error);
      break;
    case FORM_MEETING:
      created = self->event->id == NULL;
      ok = l4a_network_event_save (self->store, self->event, &error);
      break;
    case FORM_REPORT:
      ok = l4a_report_save (self->store, self->report, &error);
      break;
    case FORM_LINK:
      {
        g_autofree char *note = dup_text (self, "note");

        ok = l4a_hub_link_propose (self->store, self->link_hub,
                                   ((L4aChoice *) g_ptr_array_index (self->hubs, 0))->id, combo_nick (self, "reason"),
                                   note, &error);
      }
      break;
    case FORM_DELIVERABLE:
    default:
      ok = l4a_deliverable_set_status (self->store, self->change, &error);
      break;
    }
  if (!ok)
    {
      gtk_label_set_label (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  l4a_toast_say (self->anchor,
                 self->kind == FORM_LINK ? (l4a_store_get_role (self->store) == L4A_ROLE_SECRETARIAT
                                            ? _("Hubs linked") : _("Link proposed"))
                 : self->kind == FORM_REPORT ? _("Report saved")
                 : self->kind == FORM_DELIVERABLE ? _("Change recorded")
                 : self->kind == FORM_ACTIVITY ? (created ? _("Activity recorded") : _("Activity saved"))
                 : created ? _("Meeting added") : _("Meeting saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    L4aMonitoringDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  char *snapshot;

  if (!g_str_equal (response, "delete"))
    return;
  if (self->kind == FORM_ACTIVITY)
    snapshot = l4a_activity_delete (self->store, self->activity->id, &error);
  else
    snapshot = l4a_network_event_delete (self->store, self->event->id, &error);
  if (snapshot == NULL)
    {
      gtk_label_set_label (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  /* translators: %s is the title of an activity or meeting */
  title = g_strdup_printf (_("“%s” deleted"), self->kind == FORM_ACTIVITY ? self->activity->title : self->event->title);
  l4a_monitoring_offer_undo (self->anchor, self->store, title, snapshot);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (widget);
  const char *name = self->kind == FORM_ACTIVITY ? self->activity->title : self->event->title;
  /* translators: %s is the title of an activity or meeting */
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, _("Undo brings it back for a few seconds."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
add_delete_button (L4aMonitoringDialog *self,
                   const char          *label)
{
  GtkWidget *group = add_group (self, NULL, NULL);
  GtkWidget *button = mnemonic_button (label);

  self->delete_group = group;
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.delete");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
}

/* A report's answers ------------------------------------------------------------------ */

static void
report_failed (L4aMonitoringDialog *self,
               GError              *error)
{
  gtk_label_set_label (self->problem, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
}

static void
close_later (gpointer data)
{
  g_autoptr(GtkWindow) window = data;

  gtk_window_destroy (window);
}

static void
submit_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    L4aMonitoringDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit"))
    return;
  g_free (self->report->narrative);
  self->report->narrative = buffer_text (self->description);
  if (!l4a_report_submit (self->store, self->report, &error))
    {
      report_failed (self, error);
      return;
    }
  l4a_toast_say (self->anchor, _("Report submitted"));
  /* once the question has closed, which stands over this window */
  g_idle_add_once (close_later, g_object_ref (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (widget);
  GtkWidget *dialog;

  if (self->report == NULL || !self->writer || !gtk_widget_get_sensitive (self->submit))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Submit the Report?"),
                                   _("The World Secretariat reads it with what the hub’s records say now. Until it "
                                     "answers, the report cannot be changed. Send it with your next monitoring "
                                     "bundle."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
review (L4aMonitoringDialog *self,
        gboolean             acknowledge)
{
  g_autoptr(GError) error = NULL;
  const char *comment = self->comment_row ? gtk_editable_get_text (GTK_EDITABLE (self->comment_row)) : NULL;

  if (self->report == NULL || !self->reader)
    return;
  if (!l4a_report_review (self->store, self->report, acknowledge, comment, &error))
    {
      report_failed (self, error);
      if (self->comment_row)
        gtk_widget_add_css_class (self->comment_row, "error");
      return;
    }
  l4a_toast_say (self->anchor, acknowledge ? _("Report acknowledged") : _("Report sent back for changes"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  review (L4A_MONITORING_DIALOG (widget), TRUE);
}

static void
request_changes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  review (L4A_MONITORING_DIALOG (widget), FALSE);
}

/* The object --------------------------------------------------------------------- */

static void
l4a_monitoring_dialog_dispose (GObject *object)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->anchor);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->nicks, g_hash_table_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->activity, l4a_activity_free);
  g_clear_pointer (&self->event, l4a_network_event_free);
  g_clear_pointer (&self->change, l4a_deliverable_change_free);
  g_clear_pointer (&self->deliverable_status, g_free);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  g_clear_pointer (&self->hub_rows, g_ptr_array_unref);
  g_clear_pointer (&self->governments_all, g_ptr_array_unref);
  g_clear_pointer (&self->report, l4a_report_free);
  g_clear_pointer (&self->link_hub, g_free);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_MONITORING_DIALOG);
  G_OBJECT_CLASS (l4a_monitoring_dialog_parent_class)->dispose (object);
}

static void
l4a_monitoring_dialog_class_init (L4aMonitoringDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_monitoring_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "dialog.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "dialog.toggle-hub", "s", toggle_hub_action);
  gtk_widget_class_install_action (widget_class, "dialog.remove-file", "s", remove_file_action);
  gtk_widget_class_install_action (widget_class, "dialog.open-evidence", "s", open_evidence_action);
  gtk_widget_class_install_action (widget_class, "dialog.acknowledge", NULL, acknowledge_action);
  gtk_widget_class_install_action (widget_class, "dialog.request-changes", NULL, request_changes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-monitoring-dialogs.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aMonitoringDialog, title);
  gtk_widget_class_bind_template_child (widget_class, L4aMonitoringDialog, cancel);
  gtk_widget_class_bind_template_child (widget_class, L4aMonitoringDialog, save);
  gtk_widget_class_bind_template_child (widget_class, L4aMonitoringDialog, page);
  gtk_widget_class_bind_template_child (widget_class, L4aMonitoringDialog, problem_group);
  gtk_widget_class_bind_template_child (widget_class, L4aMonitoringDialog, problem);
}

static void
l4a_monitoring_dialog_init (L4aMonitoringDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->nicks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

static L4aMonitoringDialog *
dialog_new (GtkWidget  *anchor,
            L4aStore   *store,
            FormKind    kind,
            const char *title)
{
  L4aMonitoringDialog *self = g_object_new (L4A_TYPE_MONITORING_DIALOG, NULL);
  GtkRoot *root = anchor ? gtk_widget_get_root (anchor) : NULL;

  self->kind = kind;
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->anchor, anchor);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  return self;
}

static void
move_to_end (L4aMonitoringDialog *self,
             GtkWidget           *group)
{
  g_object_ref (group);
  adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_object_unref (group);
}

/* The problem stands after the fields, before Delete. */
static void
finish (L4aMonitoringDialog *self)
{
  move_to_end (self, self->problem_group);
  if (self->delete_group)
    move_to_end (self, self->delete_group);
  self->shown_problem = FALSE;
  update (self);
}

/* Activity ------------------------------------------------------------------------- */

/**
 * l4a_activity_dialog_new:
 * @anchor: the view that opens it: the window it stands over, and where
 *   toasts go
 * @activity_id: (nullable): the activity to edit, or %NULL for a new one
 *   of @hub_id
 */
GtkWidget *
l4a_activity_dialog_new (GtkWidget  *anchor,
                         L4aStore   *store,
                         const char *hub_id,
                         const char *activity_id)
{
  L4aMonitoringDialog *self;
  L4aActivity *a;
  GtkWidget *group;
  g_autoptr(GPtrArray) kinds = enum_nicks (L4A_TYPE_ACTIVITY_KIND);
  g_autofree char *hub_name = NULL;

  self = dialog_new (anchor, store, FORM_ACTIVITY, activity_id ? _("Edit Activity") : _("New Activity"));
  if (activity_id != NULL)
    self->activity = l4a_activity_load (store, activity_id, NULL);
  if (self->activity == NULL)
    {
      self->activity = l4a_activity_new ();
      self->activity->hub_id = g_strdup (hub_id);
    }
  a = self->activity;
  hub_name = l4a_monitoring_hub_name (store, a->hub_id);
  adw_window_title_set_subtitle (self->title, hub_name ? hub_name : "");
  self->sdgs = a->sdgs;

  group = add_group (self, _("Activity"), NULL);
  add_combo (self, group, "kind", _("Kind"), L4A_TYPE_ACTIVITY_KIND, kinds, a->kind);
  add_entry (self, group, "title", _("Title"), a->title);
  add_date (self, group, "starts_on", _("Date"), a->starts_on);
  add_date (self, group, "ends_on", _("Last Day (if more than one)"), a->ends_on);
  add_entry (self, group, "place", _("Place"), a->place);
  add_switch (self, group, "online", _("Online"), _("Held or published online"), a->online);
  add_entry (self, group, "url", _("Link"), a->url);

  group = add_group (self, _("Description"), NULL);
  self->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (add_text_view (self, group, "description",
                                                                               a->description)));

  /* the rows are the activity's properties, both ways; any change of it is
   * checked */
  {
    static const char * const texts[][2] = {
      { "title", "title" }, { "starts_on", "starts-on" }, { "ends_on", "ends-on" }, { "place", "place" },
      { "url", "url" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      l4a_bind_text (a, texts[i][1], g_hash_table_lookup (self->rows, texts[i][0]));
    l4a_bind_choice (a, "kind", ADW_COMBO_ROW (g_hash_table_lookup (self->rows, "kind")),
                     (const char * const *) kinds->pdata, kinds->len, FALSE);
    g_object_bind_property (a, "online", g_hash_table_lookup (self->rows, "online"), "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    l4a_bind_text_buffer (a, "description", self->description);
    g_signal_connect_object (a, "notify", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  }

  group = add_group (self, _("Goals and Partners"), NULL);
  add_sdgs (self, group);
  self->governments_all = l4a_monitoring_partner_governments (store, a->hub_id);
  if (self->governments_all->len > 0)
    {
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Partner Governments Involved"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      remember_row (self, "governments", expander);
      for (guint i = 0; i < self->governments_all->len; i++)
        {
          L4aChoice *choice = g_ptr_array_index (self->governments_all, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check_button = gtk_check_button_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), choice->name);
          for (guint k = 0; k < a->governments->len; k++)
            if (g_str_equal (g_ptr_array_index (a->governments, k), choice->id))
              gtk_check_button_set_active (GTK_CHECK_BUTTON (check_button), TRUE);
          g_signal_connect_swapped (check_button, "toggled", G_CALLBACK (changed_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check_button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check_button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_hash_table_insert (self->rows, choice->id, check_button);
        }
    }

  add_hub_picker (self, _("Made With"), _("The other hubs of this joint product"), a->hubs);
  add_files (self);
  if (a->id != NULL)
    add_delete_button (self, _("_Delete Activity"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", a->id != NULL);
  finish (self);
  return GTK_WIDGET (self);
}

/* An activity's files ------------------------------------------------------------- */

static void rebuild_files (L4aMonitoringDialog *self);

static void
remove_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (widget);
  const char *sha256 = g_variant_get_string (parameter, NULL);

  if (self->activity == NULL || self->files_group == NULL)
    return;
  for (guint i = 0; i < self->activity->attachments->len; i++)
    if (g_str_equal (((L4aAttachmentRef *) g_ptr_array_index (self->activity->attachments, i))->sha256, sha256))
      {
        g_ptr_array_remove_index (self->activity->attachments, i);
        break;
      }
  rebuild_files (self);
  update (self);
}

static void
rebuild_files (L4aMonitoringDialog *self)
{
  g_autoptr(GtkWidget) attach_row = g_object_ref (self->attach_row);

  for (guint i = 0; i < self->file_rows->len; i++)
    adw_preferences_group_remove (self->files_group, g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);
  /* the row that attaches goes last, kept while it is moved */
  if (gtk_widget_get_parent (attach_row) != NULL)
    adw_preferences_group_remove (self->files_group, attach_row);
  for (guint i = 0; i < self->activity->attachments->len; i++)
    {
      L4aAttachmentRef *ref = g_ptr_array_index (self->activity->attachments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *size = g_format_size ((guint64) ref->size);
      /* translators: a file's name */
      g_autofree char *label = g_strdup_printf (_("Remove “%s”"), ref->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", ref->sha256);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "dialog.remove-file");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->files_group, row);
      g_ptr_array_add (self->file_rows, row);
    }
  adw_preferences_group_add (self->files_group, attach_row);
}

static void
file_chosen_cb (GtkNativeDialog     *dialog,
                int                  response,
                L4aMonitoringDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = l4a_attachment_load (file, &error);

      if (bytes == NULL || !l4a_activity_attach (self->store, self->activity, name, bytes, &error))
        {
          gtk_label_set_label (self->problem, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
        }
      else
        {
          rebuild_files (self);
          update (self);
        }
    }
  g_object_unref (dialog);
}

static void
attach_file_cb (L4aMonitoringDialog *self)
{
  choose_attachment (self, _("Attach a File"), _("_Attach"), G_CALLBACK (file_chosen_cb));
}

static void
add_files (L4aMonitoringDialog *self)
{
  GtkWidget *group = add_group (self, _("Files"), _("A programme, a publication, photographs: PDF, PNG or JPEG"));

  self->files_group = ADW_PREFERENCES_GROUP (group);
  self->file_rows = g_ptr_array_new ();
  self->attach_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->attach_row), _("_Attach a File…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->attach_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->attach_row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->attach_row), TRUE);
  g_signal_connect_swapped (self->attach_row, "activated", G_CALLBACK (attach_file_cb), self);
  rebuild_files (self);
}

/* Meeting ------------------------------------------------------------------------- */

/**
 * l4a_meeting_dialog_new:
 * @event_id: (nullable): the meeting to edit, or %NULL for a new one
 */
GtkWidget *
l4a_meeting_dialog_new (GtkWidget  *anchor,
                        L4aStore   *store,
                        const char *event_id)
{
  L4aMonitoringDialog *self;
  L4aNetworkEvent *e = NULL;
  GtkWidget *group;
  g_autoptr(GPtrArray) kinds = enum_nicks (L4A_TYPE_NETWORK_EVENT_KIND);

  self = dialog_new (anchor, store, FORM_MEETING, event_id ? _("Edit Meeting") : _("New Meeting"));
  if (event_id != NULL)
    {
      g_autoptr(GPtrArray) events = l4a_network_events_list (store, NULL);

      for (guint i = 0; events && i < events->len; i++)
        if (g_str_equal (((L4aNetworkEvent *) g_ptr_array_index (events, i))->id, event_id))
          e = l4a_network_event_copy (g_ptr_array_index (events, i));
    }
  self->event = e ? e : l4a_network_event_new ();
  e = self->event;
  adw_window_title_set_subtitle (self->title, _("Network calendar"));

  group = add_group (self, _("Meeting"), NULL);
  add_combo (self, group, "kind", _("Kind"), L4A_TYPE_NETWORK_EVENT_KIND, kinds, e->kind);
  add_entry (self, group, "title", _("Title"), e->title);
  add_date (self, group, "starts_on", _("First Day"), e->starts_on);
  add_date (self, group, "ends_on", _("Last Day"),
            e->ends_on && g_strcmp0 (e->ends_on, e->starts_on) != 0 ? e->ends_on : NULL);
  add_entry (self, group, "place", _("Place"), e->place);
  add_entry (self, group, "url", _("Link"), e->url);

  group = add_group (self, _("Description"), NULL);
  self->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (add_text_view (self, group, "description",
                                                                               e->description)));
  add_hub_picker (self, _("Hubs Presenting"), NULL, e->hubs);
  if (e->id != NULL)
    add_delete_button (self, _("_Delete Meeting"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", e->id != NULL);
  finish (self);
  return GTK_WIDGET (self);
}

/* Deliverable ---------------------------------------------------------------------- */

static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  L4aMonitoringDialog *self = L4A_MONITORING_DIALOG (widget);
  const char *sha256 = g_variant_get_string (parameter, NULL);
  const char *name = NULL;
  g_autoptr(GBytes) bytes = l4a_registry_get_attachment (self->store, sha256, NULL);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "local4action", "evidence", sha256, NULL);
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  /* the name it was given in the history shown */
  for (guint i = 0; self->history && i < self->history->len; i++)
    {
      L4aDeliverableChange *change = g_ptr_array_index (self->history, i);

      if (g_strcmp0 (change->evidence_sha256, sha256) == 0)
        name = change->evidence_name;
    }
  base = g_path_get_basename (name && *name ? name : "evidence");
  path = g_build_filename (dir, base, NULL);

  /* the file goes where the user's programs can open it, by its hash */
  if (bytes == NULL || g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      gtk_label_set_label (self->problem, error ? error->message : _("The evidence file is not stored here."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
evidence_chosen_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    L4aMonitoringDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = l4a_attachment_load (file, &error);
      g_autofree char *sha256 = NULL;

      if (bytes == NULL || !l4a_attachment_store (self->store, name, bytes, &sha256, NULL, &error))
        {
          gtk_label_set_label (self->problem, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
        }
      else
        {
          g_free (self->change->evidence_sha256);
          self->change->evidence_sha256 = g_steal_pointer (&sha256);
          g_free (self->change->evidence_name);
          self->change->evidence_name = g_strdup (name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->evidence_row), name);
          update (self);
        }
    }
  g_object_unref (dialog);
}

static void
choose_evidence_cb (L4aMonitoringDialog *self)
{
  choose_attachment (self, _("Evidence File"), _("_Choose"), G_CALLBACK (evidence_chosen_cb));
}

static void
add_history_row (L4aMonitoringDialog  *self,
                 GtkWidget            *group,
                 L4aDeliverableChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = l4a_format_date (change->changed_on);
  /* translators: a deliverable's new status and the day it changed, e.g. “Done · 3 Apr 2026” */
  g_autofree char *title = g_strdup_printf (_("%s · %s"),
                                            l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, change->status), date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (change->note && *change->note)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), change->note);
  if (change->evidence_url && g_str_has_prefix (change->evidence_url, "https://"))
    {
      GtkWidget *link = gtk_link_button_new_with_label (change->evidence_url, _("Evidence"));

      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (link, change->evidence_url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  if (change->evidence_sha256 != NULL)
    {
      GtkWidget *open = gtk_button_new_with_label (change->evidence_name && *change->evidence_name
                                                   ? change->evidence_name : _("Evidence File"));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open the evidence file"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", change->evidence_sha256);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "dialog.open-evidence");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/**
 * l4a_deliverable_dialog_new:
 *
 * A hub's deliverable: its due date, status and the history of its
 * changes; the hub's lead government and the secretariat record a change
 * with its evidence.
 */
GtkWidget *
l4a_deliverable_dialog_new (GtkWidget  *anchor,
                            L4aStore   *store,
                            const char *deliverable_id)
{
  L4aMonitoringDialog *self;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) history = NULL;
  L4aDeliverable *d = NULL;
  GtkWidget *group;
  gboolean editable;

  self = dialog_new (anchor, store, FORM_DELIVERABLE, _("Deliverable"));
  all = l4a_deliverables_list (store, NULL, NULL);
  for (guint i = 0; all && i < all->len; i++)
    if (g_str_equal (((L4aDeliverable *) g_ptr_array_index (all, i))->id, deliverable_id))
      d = g_ptr_array_index (all, i);
  if (d == NULL)
    {
      gtk_label_set_label (self->problem, _("This deliverable is no longer here."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      gtk_widget_set_sensitive (self->save, FALSE);
      return GTK_WIDGET (self);
    }
  adw_window_title_set_title (self->title, d->title);
  adw_window_title_set_subtitle (self->title, d->hub_name);
  self->deliverable_status = g_strdup (d->status);

  group = add_group (self, d->title, d->description && *d->description ? d->description : NULL);
  {
    g_autofree char *due = l4a_format_date (d->due_on);
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *status = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), due);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Due"));
    gtk_widget_add_css_class (row, "property");
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status),
                                   l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, d->status));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (status), _("Status"));
    gtk_widget_add_css_class (status, "property");
    if (d->overdue)
      {
        GtkWidget *flag = gtk_label_new (_("Overdue"));

        gtk_widget_add_css_class (flag, "l4a-tag");
        gtk_widget_add_css_class (flag, "l4a-warning-tag");
        gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (flag, _("The due date has passed and the deliverable is neither done nor dropped."));
        adw_action_row_add_suffix (ADW_ACTION_ROW (status), flag);
      }
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
  }

  history = l4a_deliverable_history (store, deliverable_id, NULL);
  self->history = history ? g_ptr_array_ref (history) : NULL;
  group = add_group (self, _("History"), history && history->len ? NULL : _("No change recorded yet."));
  for (guint i = history ? history->len : 0; i > 0; i--)
    add_history_row (self, group, g_ptr_array_index (history, i - 1));

  editable = l4a_monitoring_can_edit (store, d->hub_id);
  self->statuses = g_ptr_array_new ();
  for (const char * const *n = l4a_enum_get_nicks (L4A_TYPE_DELIVERABLE_STATUS); *n; n++)
    if (l4a_deliverable_can_become (d->status, *n))
      g_ptr_array_add (self->statuses, (gpointer) *n);

  if (editable && self->statuses->len > 0)
    {
      g_autofree char *today = l4a_today_iso ();
      GtkWidget *choose = mnemonic_button (_("_Choose File…"));

      self->change = l4a_deliverable_change_new ();
      self->change->deliverable_id = g_strdup (deliverable_id);
      group = add_group (self, _("Change Status"), _("The new status, the day it changed, and the evidence"));
      add_combo (self, group, "status", _("New Status"), L4A_TYPE_DELIVERABLE_STATUS, self->statuses,
                 g_ptr_array_index (self->statuses, 0));
      add_date (self, group, "changed_on", _("Date"), today);
      add_entry (self, group, "evidence_url", _("Evidence Link"), NULL);
      self->evidence_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->evidence_row), _("Evidence File"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->evidence_row), _("A PDF document or a picture"));
      gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_evidence_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->evidence_row), choose);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->evidence_row);
      add_entry (self, group, "note", _("Note"), NULL);
      label_button (self->save, _("_Record"));
    }
  else
    {
      GtkWidget *header = gtk_widget_get_ancestor (self->save, ADW_TYPE_HEADER_BAR);

      /* read only: the history, and a way back */
      gtk_widget_set_visible (self->save, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
      if (header)
        {
          adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), TRUE);
          adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), TRUE);
          gtk_widget_set_visible (self->cancel, FALSE);
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", FALSE);
  finish (self);
  return GTK_WIDGET (self);
}

/* Report ------------------------------------------------------------------------------ */

static void
add_fact (GtkWidget  *expander,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
add_facts_row (GtkWidget  *group,
               const char *title,
               guint       n)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *count = g_strdup_printf ("%u", n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
  gtk_widget_set_sensitive (expander, n > 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return expander;
}

static const char *
json_text (JsonObject *object,
           const char *member)
{
  return json_object_get_string_member_with_default (object, member, "");
}

static char *
format_value (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%'.1f", value);
}

/* What the hub's records said: its deliverables, indicators and the
 * period's activities. */
static void
add_gathered (L4aMonitoringDialog *self,
              const char          *gathered,
              gboolean             frozen)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *list;
  GtkWidget *group, *expander;

  if (gathered == NULL || !json_parser_load_from_data (parser, gathered, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  root = json_node_get_object (json_parser_get_root (parser));
  group = add_group (self, _("What the Records Say"),
                     frozen ? _("As they were when the report was submitted")
                            : _("As they are now; the report keeps them as they are when it is submitted"));

  list = json_object_get_array_member (root, "deliverables");
  expander = add_facts_row (group, _("Deliverables"), list ? json_array_get_length (list) : 0);
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *d = json_array_get_object_element (list, i);
      g_autofree char *due = l4a_format_date (json_text (d, "due_on"));
      /* translators: a deliverable's due date and its status */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · %s"), due,
                                                   l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS,
                                                                       json_text (d, "status")));

      add_fact (expander, json_text (d, "title"), subtitle);
    }

  list = json_object_get_array_member (root, "indicators");
  expander = add_facts_row (group, _("Indicators"), list ? json_array_get_length (list) : 0);
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *ind = json_array_get_object_element (list, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", json_text (ind, "code"), json_text (ind, "name"));
      g_autofree char *subtitle = NULL;

      if (json_object_has_member (ind, "latest"))
        {
          g_autofree char *latest = format_value (json_object_get_double_member (ind, "latest"));
          g_autofree char *on = l4a_format_date (json_text (ind, "measured_on"));

          /* translators: an indicator's latest value, its unit and its date */
          subtitle = g_strdup_printf (_("%s %s on %s"), latest, json_text (ind, "unit"), on);
        }
      else
        subtitle = g_strdup (_("No measurement yet"));
      add_fact (expander, title, subtitle);
    }

  list = json_object_get_array_member (root, "activities");
  expander = add_facts_row (group, _("Activities of the Period"), list ? json_array_get_length (list) : 0);
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *a = json_array_get_object_element (list, i);
      g_autofree char *on = l4a_format_date (json_text (a, "happened_on"));
      /* translators: an activity's kind and date */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), l4a_activity_kind_label (json_text (a, "kind")), on);

      add_fact (expander, json_text (a, "title"), subtitle);
    }
}

static L4aReportState
report_state (const L4aReport *report)
{
  g_autofree char *today = l4a_today_iso ();

  if (g_strcmp0 (report->status, "acknowledged") == 0)
    return L4A_REPORT_ACKNOWLEDGED;
  if (g_strcmp0 (report->status, "submitted") == 0)
    return L4A_REPORT_SUBMITTED;
  if (g_strcmp0 (report->status, "changes-requested") == 0)
    return L4A_REPORT_CHANGES_REQUESTED;
  if (strcmp (today, report->period_end) <= 0)
    return L4A_REPORT_UPCOMING;
  return strcmp (today, report->due_on) <= 0 ? L4A_REPORT_DUE : L4A_REPORT_OVERDUE;
}

static GtkWidget *
pill (const char *label,
      const char *action,
      const char *style)
{
  GtkWidget *button = mnemonic_button (label);
  GtkWidget *text = gtk_button_get_child (GTK_BUTTON (button));

  /* two side by side fit a phone: their words wrap rather than widen it */
  if (GTK_IS_LABEL (text))
    {
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
    }
  gtk_widget_add_css_class (button, "pill");
  if (style)
    gtk_widget_add_css_class (button, style);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/**
 * l4a_report_dialog_new:
 * @period_start: the first day of the reporting period
 *
 * A hub's progress report for one period: its lead government writes and
 * submits it, the World Secretariat acknowledges it or sends it back;
 * everyone else reads it.
 */
GtkWidget *
l4a_report_dialog_new (GtkWidget  *anchor,
                       L4aStore   *store,
                       const char *hub_id,
                       const char *period_start)
{
  L4aMonitoringDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  GtkWidget *group, *row, *view;
  L4aReport *r;

  self = dialog_new (anchor, store, FORM_REPORT, _("Progress Report"));
  self->report = l4a_report_open (store, hub_id, period_start, &error);
  if (self->report == NULL)
    {
      report_failed (self, error);
      gtk_widget_set_visible (self->save, FALSE);
      return GTK_WIDGET (self);
    }
  r = self->report;
  adw_window_title_set_subtitle (self->title, r->hub_name);
  self->writer = l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT && l4a_monitoring_can_edit (store, hub_id) &&
                 g_strv_contains ((const char *[]) { "draft", "changes-requested", NULL }, r->status);
  self->reader = l4a_store_can (store, L4A_PERMISSION_KEEP_REGISTRY) && g_str_equal (r->status, "submitted");

  period = l4a_format_days (r->period_start, r->period_end);
  due = l4a_format_date (r->due_on);
  /* translators: the date a report is due */
  due_text = g_strdup_printf (_("Due %s"), due);
  group = add_group (self, period, due_text);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), l4a_report_state_label (report_state (r)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Status"));
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  if (r->submitted_at)
    {
      g_autofree char *when = l4a_format_time (r->submitted_at);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Submitted"));
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (r->comment && *r->comment)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->comment);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Comment of the World Secretariat"));
      gtk_widget_add_css_class (row, "property");
      gtk_widget_add_css_class (row, "l4a-long-text");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  group = add_group (self, _("Narrative"),
                     self->writer ? _("What the hub did in the period, what it learnt, what comes next") : NULL);
  view = add_text_view (self, group, "narrative", r->narrative);
  self->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->writer);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), self->writer);
  gtk_widget_set_size_request (view, -1, 160);

  add_gathered (self, r->gathered, !g_strv_contains ((const char *[]) { "draft", "changes-requested", NULL },
                                                      r->status));

  if (self->writer)
    {
      group = add_group (self, NULL, NULL);
      self->submit = pill (_("_Submit Report…"), "dialog.submit", "suggested-action");
      gtk_widget_set_halign (self->submit, GTK_ALIGN_CENTER);
      gtk_widget_set_name (self->submit, "submit");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->submit);
      self->delete_group = group;
    }
  else if (self->reader)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      group = add_group (self, _("Answer"), _("Acknowledge the report, or send it back saying what should change"));
      self->comment_row = add_entry (self, group, "comment", _("Comment"), NULL);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (box, 12);
      gtk_box_append (GTK_BOX (box), pill (_("Ask for _Changes"), "dialog.request-changes", NULL));
      gtk_box_append (GTK_BOX (box), pill (_("_Acknowledge"), "dialog.acknowledge", "suggested-action"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
    }

  if (!self->writer)
    {
      /* read only, or answered with the buttons below: a way back */
      gtk_widget_set_visible (self->save, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
      label_button (self->cancel, _("_Close"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.submit", self->writer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.acknowledge", self->reader);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.request-changes", self->reader);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", FALSE);
  finish (self);
  return GTK_WIDGET (self);
}

/* Link ---------------------------------------------------------------------------------- */

/**
 * l4a_link_dialog_new:
 * @hub_id: the hub the link is proposed from
 *
 * Proposes a link from @hub_id to another hub, found by name or among the
 * hubs that share most with it.
 */
GtkWidget *
l4a_link_dialog_new (GtkWidget  *anchor,
                     L4aStore   *store,
                     const char *hub_id)
{
  L4aMonitoringDialog *self;
  g_autoptr(GPtrArray) reasons = enum_nicks (L4A_TYPE_LINK_REASON);
  g_autoptr(GPtrArray) suggestions = l4a_hub_link_suggestions (store, hub_id, 5, NULL);
  g_autofree char *hub_name = l4a_monitoring_hub_name (store, hub_id);
  GtkWidget *group;

  self = dialog_new (anchor, store, FORM_LINK,
                     l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT ? _("Link Hubs") : _("Propose a Link"));
  self->link_hub = g_strdup (hub_id);
  adw_window_title_set_subtitle (self->title, hub_name ? hub_name : "");
  label_button (self->save, l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT ? _("_Link") : _("_Propose"));

  /* a picker of one hub: the activity's is the model, without the hub itself */
  self->activity = l4a_activity_new ();
  self->activity->hub_id = g_strdup (hub_id);
  add_hub_picker (self, _("Link To"), NULL, NULL);

  group = add_group (self, _("Why"), l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT
                                     ? NULL : _("The other hub’s lead government accepts or declines it"));
  add_combo (self, group, "reason", _("Reason"), L4A_TYPE_LINK_REASON, reasons, "shared-topic");
  add_entry (self, group, "note", _("Note"), NULL);

  if (suggestions != NULL && suggestions->len > 0)
    {
      group = add_group (self, _("Suggested"), _("Hubs that share goals, Policy Councils or the Pact axis"));
      for (guint i = 0; i < suggestions->len; i++)
        {
          L4aLinkSuggestion *suggestion = g_ptr_array_index (suggestions, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *choose = gtk_button_new_with_label (_("Choose"));
          g_autoptr(GString) why = g_string_new (NULL);

          if (suggestion->shared_sdgs)
            g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", suggestion->shared_sdgs),
                                    suggestion->shared_sdgs);
          if (suggestion->shared_councils)
            {
              g_string_append (why, why->len ? ", " : "");
              g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE, "%u Policy Council", "%u Policy Councils",
                                                        suggestion->shared_councils), suggestion->shared_councils);
            }
          if (suggestion->same_axis)
            {
              g_string_append (why, why->len ? ", " : "");
              g_string_append (why, _("the Pact axis"));
            }
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), suggestion->name);
          {
            /* translators: what two hubs share, e.g. “2 goals, the Pact axis in common” */
            g_autofree char *subtitle = g_strdup_printf (_("%s in common"), why->str);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          }
          gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (choose), "s", suggestion->id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "dialog.toggle-hub");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", FALSE);
  finish (self);
  return GTK_WIDGET (self);
}
