/* l4a-import-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a bundle: it is checked and previewed by a job of the
 * context, the user sees record by record what would be added, updated,
 * left alone and in conflict, chooses for each conflict, and applies; the
 * import is another job, with a progress bar and Cancel, and cancelling
 * changes nothing. Both go through the context's worker connection, so a
 * database unchanged since the preview is not planned again.
 */

#define G_LOG_DOMAIN "l4a-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-import-window.h"
#include "l4a-labels.h"
#include "l4a-import.h"
#include "l4a-records.h"
#include "l4a-trust.h"

/* Rows shown per group; the rest are counted. */
#define MAX_ROWS 200

struct _L4aImportWindow
{
  AdwWindow      parent_instance;

  L4aContext    *context;
  L4aStore      *store;          /* the context's main connection */
  GFile         *file;
  L4aBundle     *bundle;
  L4aImportPlan *plan;
  GCancellable  *cancellable;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkWidget     *apply_button;
  GtkWidget     *cancel_button;
  AdwPreferencesPage *preview;
  GtkProgressBar *progress;
  GtkLabel      *progress_label;
  GtkLabel      *fingerprint_label;
  char          *first_contact;
};

G_DEFINE_FINAL_TYPE (L4aImportWindow, l4a_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a job works on: the window's bundle and plan, lent to the job
 * while it runs and given back when it ends. Shared (reference counted)
 * by the job and its callback. */
typedef struct
{
  char          *bundle_path;
  L4aBundle     *bundle;
  L4aImportPlan *plan;
  GWeakRef       window;
  guint          n_written;
  char          *first_contact;  /* a secretariat key to confirm before the plan */
} Job;

static void
job_clear (gpointer data)
{
  Job *job = data;

  g_free (job->bundle_path);
  g_free (job->first_contact);
  g_clear_pointer (&job->plan, l4a_import_plan_free);
  g_clear_pointer (&job->bundle, l4a_bundle_free);
  g_weak_ref_clear (&job->window);
}

static void
job_unref (gpointer job)
{
  g_rc_box_release_full (job, job_clear);
}

static Job *
job_new (L4aImportWindow *self)
{
  Job *job = g_rc_box_new0 (Job);

  job->bundle_path = g_file_get_path (self->file);
  /* the job owns them while it runs; the window gets them back */
  job->bundle = g_steal_pointer (&self->bundle);
  job->plan = g_steal_pointer (&self->plan);
  g_weak_ref_init (&job->window, self);
  return job;
}

static void
show_error (L4aImportWindow *self,
            const char      *title,
            const char      *message)
{
  adw_status_page_set_title (self->error_page, title);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* the description is markup; the message is plain text */
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_visible (self->apply_button, FALSE);
}

/* Preview ------------------------------------------------------------------ */

/* "Theirs" pressed is the bundle's version, "Mine" this workstation's:
 * each button is pressed when the resolution is its own (@data), so that
 * "Mine" is pressed again when the choice for all takes it back (a button
 * of a group let go of leaves its other half as it was). */
static gboolean
resolution_to_pressed (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      data)
{
  g_value_set_boolean (to, g_value_get_uint (from) == GPOINTER_TO_UINT (data));
  return TRUE;
}

static gboolean
theirs_to_resolution (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      data)
{
  g_value_set_uint (to, g_value_get_boolean (from) ? L4A_RESOLVE_THEIRS : L4A_RESOLVE_MINE);
  return TRUE;
}

static GtkWidget *
resolution_buttons (L4aImportChange *change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = l4a_toggle_button_new_with_mnemonic (_("_Mine"));
  GtkWidget *theirs = l4a_toggle_button_new_with_mnemonic (_("_Theirs"));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);
  /* the change's resolution, both ways */
  g_object_bind_property_full (change, "resolution", theirs, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               resolution_to_pressed, theirs_to_resolution, GUINT_TO_POINTER (L4A_RESOLVE_THEIRS),
                               NULL);
  g_object_bind_property_full (change, "resolution", mine, "active", G_BINDING_SYNC_CREATE,
                               resolution_to_pressed, NULL, GUINT_TO_POINTER (L4A_RESOLVE_MINE), NULL);
  gtk_widget_set_tooltip_text (mine, _("Keep the version of this workstation"));
  gtk_widget_set_tooltip_text (theirs, _("Take the version of the bundle"));
  gtk_box_append (GTK_BOX (box), mine);
  gtk_box_append (GTK_BOX (box), theirs);
  return box;
}

static GtkWidget *
change_row (L4aImportChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (l4a_records_label (change->type));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->label);
  /* the fields a person changed; when and where it was saved go without saying */
  for (guint i = 0, shown = 0; i < change->fields->len; i++)
    {
      const char *field = g_ptr_array_index (change->fields, i);

      if (l4a_records_is_bookkeeping (field))
        continue;
      g_string_append_printf (subtitle, "%s%s", shown++ ? ", " : " · ", field);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (change->action == L4A_IMPORT_CONFLICT)
    {
      GtkWidget *buttons = resolution_buttons (change);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
    }
  return row;
}

/* Every record in conflict, those not shown among them too, to one side. */
static void
resolve_all (L4aImportWindow     *self,
             L4aImportResolution  resolution)
{
  for (guint i = 0; self->plan != NULL && i < self->plan->changes->len; i++)
    {
      L4aImportChange *change = g_ptr_array_index (self->plan->changes, i);

      if (change->action == L4A_IMPORT_CONFLICT)
        g_object_set (change, "resolution", resolution, NULL);
    }
}

static void
all_mine_cb (L4aImportWindow *self)
{
  resolve_all (self, L4A_RESOLVE_MINE);
}

static void
all_theirs_cb (L4aImportWindow *self)
{
  resolve_all (self, L4A_RESOLVE_THEIRS);
}

/* The first row of many conflicts: one choice for all of them. */
static GtkWidget *
all_conflicts_row (L4aImportWindow *self,
                   guint            n)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_button_new_with_label (_("All Mine"));
  GtkWidget *theirs = gtk_button_new_with_label (_("All Theirs"));
  /* translators: how many records in conflict the buttons “All Mine” and “All Theirs” settle */
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record at once", "%u records at once",
                                                            n), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Every Conflict"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (mine, _("Keep the version of this workstation of every record in conflict"));
  gtk_widget_set_tooltip_text (theirs, _("Take the version of the bundle of every record in conflict"));
  g_signal_connect_object (mine, "clicked", G_CALLBACK (all_mine_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (theirs, "clicked", G_CALLBACK (all_theirs_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), mine);
  gtk_box_append (GTK_BOX (box), theirs);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static const char *
group_description (L4aImportAction action)
{
  switch (action)
    {
    case L4A_IMPORT_ADD:
      return _("Records this workstation does not have yet.");
    case L4A_IMPORT_UPDATE:
      return _("Changed in the bundle since you last agreed, and not here: the bundle’s version is taken.");
    case L4A_IMPORT_CONFLICT:
      return _("Changed both here and in the bundle since you last agreed. Choose which version stands.");
    case L4A_IMPORT_OLDER:
      return _("Changed here only, or not the sender’s to change: this workstation’s version stands.");
    case L4A_IMPORT_SAME:
    case L4A_IMPORT_N_ACTIONS:
    default:
      return NULL;
    }
}

static void
build_preview (L4aImportWindow *self)
{
  static const L4aImportAction order[] = {
    L4A_IMPORT_CONFLICT, L4A_IMPORT_ADD, L4A_IMPORT_UPDATE, L4A_IMPORT_OLDER,
  };
  AdwPreferencesGroup *summary = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *origin = l4a_import_describe_origin (self->store, self->bundle);
  g_autofree char *name = g_file_get_basename (self->file);
  GtkWidget *row;
  gboolean anything = FALSE;

  adw_preferences_group_set_title (summary, name);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Kind"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), l4a_bundle_kind_get_label (self->bundle->kind));
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (summary, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("From"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), origin);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (summary, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signature"));
  {
    g_autofree char *signer = l4a_trust_describe_signer (self->store, self->bundle);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), signer);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  }
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (summary, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sealed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->bundle->sealed_for
                                                     ? _("For this workstation only; nobody else could read it")
                                                     : _("No: meant for everyone who receives it"));
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (summary, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Written"));
  {
    /* as every time is written in the window (GLib's %e pads a day with a
     * figure space, which no strip removes) */
    g_autofree char *written = l4a_format_time (self->bundle->created_at);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), written);
  }
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (summary, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Records"));
  {
    g_autofree char *counts = g_strdup_printf (_("%u new, %u updated, %u unchanged, %u newer here, %u in conflict"),
                                               self->plan->counts[L4A_IMPORT_ADD],
                                               self->plan->counts[L4A_IMPORT_UPDATE],
                                               self->plan->counts[L4A_IMPORT_SAME],
                                               self->plan->counts[L4A_IMPORT_OLDER],
                                               self->plan->counts[L4A_IMPORT_CONFLICT]);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
  }
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (summary, row);
  adw_preferences_page_add (self->preview, summary);

  if (self->plan->already_imported)
    {
      adw_preferences_group_set_description (summary, _("This bundle was imported already; importing it again "
                                                        "changes nothing."));
      gtk_widget_set_sensitive (self->apply_button, FALSE);
      return;
    }

  for (guint g = 0; g < G_N_ELEMENTS (order); g++)
    {
      AdwPreferencesGroup *group;
      guint shown = 0;

      if (self->plan->counts[order[g]] == 0)
        continue;
      anything = TRUE;
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, l4a_import_action_get_label (order[g]));
      adw_preferences_group_set_description (group, group_description (order[g]));
      if (order[g] == L4A_IMPORT_CONFLICT)
        gtk_widget_set_name (GTK_WIDGET (group), "conflicts");
      if (order[g] == L4A_IMPORT_CONFLICT && self->plan->counts[order[g]] > 1)
        adw_preferences_group_add (group, all_conflicts_row (self, self->plan->counts[order[g]]));
      /* as many rows as a person reads, however large the bundle: a
       * conflict beyond them follows the choice for all */
      for (guint i = 0; i < self->plan->changes->len && shown < MAX_ROWS; i++)
        {
          L4aImportChange *change = g_ptr_array_index (self->plan->changes, i);

          if (change->action != order[g])
            continue;
          row = change_row (change);
          adw_preferences_group_add (group, row);
          shown++;
        }
      if (shown < self->plan->counts[order[g]])
        {
          guint rest = self->plan->counts[order[g]] - shown;
          g_autofree char *more = order[g] == L4A_IMPORT_CONFLICT
                                  ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more record in conflict",
                                                                  "And %u more records in conflict", rest), rest)
                                  : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more record",
                                                                  "And %u more records", rest), rest);

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          if (order[g] == L4A_IMPORT_CONFLICT)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each keeps this workstation’s version unless you "
                                                                 "choose All Theirs"));
          adw_preferences_group_add (group, row);
        }
      adw_preferences_page_add (self->preview, group);
    }

  if (!anything)
    adw_preferences_group_set_description (summary, _("Everything in this bundle is here already."));
}

static gpointer
plan_job (L4aContextJob  *context_job,
          L4aStore       *store,
          gpointer        data,
          GCancellable   *cancellable,
          GError        **error)
{
  Job *job = data;

  g_autoptr(GError) local_error = NULL;

  job->bundle = l4a_bundle_open (job->bundle_path, l4a_store_get_key (store, NULL), error);
  if (job->bundle == NULL)
    return NULL;
  if ((job->plan = l4a_import_plan (store, job->bundle, &local_error)) == NULL)
    {
      /* first contact: the user compares the fingerprint, then goes on */
      if (g_error_matches (local_error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNCONFIRMED))
        job->first_contact = g_strdup (job->bundle->signer_key);
      g_clear_pointer (&job->bundle, l4a_bundle_free);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return GINT_TO_POINTER (TRUE);
}

static void plan_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
start_plan (L4aImportWindow *self)
{
  Job *job = job_new (self);

  gtk_stack_set_visible_child_name (self->stack, "checking");
  l4a_context_run_async (self->context, plan_job, g_rc_box_acquire (job), job_unref, NULL, NULL, NULL, NULL,
                         plan_done_cb, job);
}

/* "Confirm the Key" on first contact with the World Secretariat. */
static void
confirm_key_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aImportWindow *self = L4A_IMPORT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->first_contact == NULL)
    return;

  if (!l4a_trust_confirm_secretariat (self->store, self->first_contact, &error))
    {
      show_error (self, _("This Bundle Cannot Be Imported"), error->message);
      return;
    }
  l4a_context_check_for_changes (self->context);
  start_plan (self);
}

/* The first bundle from the World Secretariat: its key's fingerprint, to
 * compare with the one the secretariat publishes before trusting it. */
static void
show_first_contact (L4aImportWindow *self,
                    const char      *key)
{
  g_autofree char *fingerprint = l4a_key_fingerprint (key);

  g_free (self->first_contact);
  self->first_contact = g_strdup (key);
  gtk_label_set_text (self->fingerprint_label, fingerprint);
  gtk_stack_set_visible_child_name (self->stack, "first-contact");
  gtk_widget_set_visible (self->apply_button, FALSE);
}

static void
plan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(L4aImportWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = l4a_context_run_finish (L4A_CONTEXT (object), result, &error) != NULL;

  if (self == NULL)
    goto out;
  if (!ok && job->first_contact != NULL)
    show_first_contact (self, job->first_contact);
  else if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("This Bundle Cannot Be Imported"), error->message);
  if (!ok)
    goto out;

  self->bundle = g_steal_pointer (&job->bundle);
  self->plan = g_steal_pointer (&job->plan);
  build_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_visible (self->apply_button, TRUE);
  gtk_widget_set_sensitive (self->apply_button, !self->plan->already_imported);
out:
  job_unref (job);
}

/* Apply ---------------------------------------------------------------------- */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(L4aImportWindow) self = g_weak_ref_get (&job->window);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  l4a_context_job_progress (user_data, fraction);
}

static gpointer
apply_job (L4aContextJob  *context_job,
           L4aStore       *store,
           gpointer        data,
           GCancellable   *cancellable,
           GError        **error)
{
  Job *job = data;

  if (!l4a_import_apply (store, job->bundle, job->plan, FALSE, cancellable, import_progress_cb, context_job,
                         &job->n_written, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(L4aImportWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = l4a_context_run_finish (L4A_CONTEXT (object), result, &error) != NULL;

  if (self == NULL)
    goto out;
  g_clear_object (&self->cancellable);
  self->bundle = g_steal_pointer (&job->bundle);
  self->plan = g_steal_pointer (&job->plan);
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* nothing was written: back to the preview */
          gtk_stack_set_visible_child_name (self->stack, "preview");
          gtk_widget_set_visible (self->apply_button, TRUE);
          gtk_widget_set_visible (self->cancel_button, TRUE);
          goto out;
        }
      show_error (self, _("The Bundle Was Not Imported"), error->message);
      goto out;
    }

  /* every view has heard from the context what changed by now */
  g_signal_emit (self, signals[IMPORTED], 0, job->n_written);
  gtk_window_destroy (GTK_WINDOW (self));
out:
  job_unref (job);
}

/* Imports the bundle with the resolutions chosen, as a job of the context
 * (the Import button). */
static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  L4aImportWindow *self = L4A_IMPORT_WINDOW (widget);
  Job *job;

  if (self->plan == NULL || self->cancellable != NULL || !gtk_widget_get_sensitive (self->apply_button))
    return;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_stack_set_visible_child_name (self->stack, "applying");
  gtk_widget_set_visible (self->apply_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  job = job_new (self);
  l4a_context_run_async (self->context, apply_job, g_rc_box_acquire (job), job_unref, NULL, progress_cb, job,
                         self->cancellable, apply_done_cb, job);
}

static void
apply_clicked_cb (L4aImportWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.apply", NULL);
}

static void
cancel_import_cb (L4aImportWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Construction ------------------------------------------------------------------ */

static void
l4a_import_window_dispose (GObject *object)
{
  L4aImportWindow *self = (L4aImportWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_pointer (&self->plan, l4a_import_plan_free);
  g_clear_pointer (&self->bundle, l4a_bundle_free);
  g_clear_pointer (&self->first_contact, g_free);

  G_OBJECT_CLASS (l4a_import_window_parent_class)->dispose (object);
}

static gboolean
close_request_cb (L4aImportWindow *self)
{
  /* an import under way is cancelled, never cut short */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
l4a_import_window_class_init (L4aImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_import_window_dispose;

  /**
   * L4aImportWindow::imported:
   * @n_written: how many records were added or updated
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, apply_button);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, L4aImportWindow, fingerprint_label);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_import_cb);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.confirm-key", NULL, confirm_key_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_import_window_init (L4aImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

/**
 * l4a_import_window_new:
 * @file: the bundle to import
 *
 * A window that checks @file, previews what importing it would do, and
 * imports it when the user says so.
 */
L4aImportWindow *
l4a_import_window_new (GtkWindow  *parent,
                       L4aContext *context,
                       GFile      *file)
{
  L4aImportWindow *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (L4A_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (l4a_context_get_store (context));
  self->file = g_object_ref (file);

  if (!g_file_is_native (file))
    {
      show_error (self, _("This Bundle Cannot Be Imported"), _("Only files on this computer can be imported."));
      return self;
    }

  start_plan (self);
  return self;
}
