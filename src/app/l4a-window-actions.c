/* l4a-window-actions.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions (win.*), as GNOME Text Editor keeps them: showing a
 * view, backing up, importing and exporting bundles, the keyboard
 * shortcuts window, and their shortcuts.
 */

#define G_LOG_DOMAIN "l4a-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-bundle.h"
#include "l4a-bundle.h"
#include "l4a-export-window.h"
#include "l4a-mail.h"
#include "l4a-publish-window.h"
#include "l4a-import-window.h"
#include "l4a-window-private.h"
#include "l4a-toast.h"

static const char * const view_names[] = {
  "hubs", "proposals", "reviews", "indicators", "brand-kit",
};

/* Back up: a full bundle, written by a job of the context. */

typedef struct
{
  L4aWindow *window;
  char      *path;
} BackUp;

static void
back_up_free (BackUp *back_up)
{
  g_object_unref (back_up->window);
  g_free (back_up->path);
  g_free (back_up);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BackUp, back_up_free)

static void
back_up_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BackUp) back_up = user_data;
  L4aWindow *self = back_up->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gssize n = l4a_context_export_finish (L4A_CONTEXT (object), result, &error);

  if (n < 0)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                            _("The Backup Cannot Be Written"),
                                                                            error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      l4a_accessible_present (GTK_WINDOW (dialog));
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Backed up %d record to “%s”",
                                       "Backed up %d records to “%s”", n),
                          (int) n, back_up->path);
  adw_toast_overlay_add_toast (self->toast_overlay, l4a_toast_new (text));
}

/**
 * l4a_window_back_up:
 *
 * Writes every record into a full bundle at @path, as a job of the
 * context; a toast says when it is done.
 */
void
l4a_window_back_up (L4aWindow  *self,
                    const char *path)
{
  BackUp *back_up;

  g_return_if_fail (L4A_IS_WINDOW (self));

  back_up = g_new0 (BackUp, 1);
  back_up->window = g_object_ref (self);
  back_up->path = g_strdup (path);
  l4a_context_export_async (self->context, "full", NULL, path, NULL, back_up_done_cb, back_up);
}

static void
back_up_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     L4aWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        l4a_window_back_up (self, path);
    }
  g_object_unref (dialog);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  L4aWindow *self = L4A_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("local4action-full-%s.l4a.json", date);

  dialog = gtk_file_chooser_native_new (_("Back Up Everything"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  l4a_add_bundle_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (back_up_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Import and export ------------------------------------------------------------ */

static void
imported_cb (L4aImportWindow *window,
             guint            n_written,
             L4aWindow       *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported: %u record written",
                                                        "Imported: %u records written", n_written), n_written);

  /* what came in, the views have heard of from the context */
  adw_toast_overlay_add_toast (self->toast_overlay, l4a_toast_new (text));
}

/**
 * l4a_window_import_file:
 *
 * Opens the import window on @file: it is checked and previewed, and
 * imported when the user says so.
 *
 * Returns: (transfer none): the import window
 */
GtkWindow *
l4a_window_import_file (L4aWindow *self,
                        GFile     *file)
{
  L4aImportWindow *window;

  g_return_val_if_fail (L4A_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = l4a_import_window_new (GTK_WINDOW (self), self->context, file);
  g_signal_connect_object (window, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    L4aWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        l4a_window_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aWindow *self = L4A_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Bundle"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  l4a_add_bundle_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
exported_cb (L4aExportWindow *window,
             const char      *path,
             guint            n_records,
             const char      *kind,
             const char      *recipient,
             L4aWindow       *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u record to “%s”",
                                                        "Exported %u records to “%s”", n_records),
                                           n_records, name);
  g_autofree char *contact = l4a_bundle_recipient_contact (l4a_context_get_store (self->context), kind, recipient);
  /* a file may be named “a & b”: said as it is */
  AdwToast *toast = l4a_toast_new (text);

  /* the bundle can go at once, attached to a message to whom it is for */
  adw_toast_set_button_label (toast, _("Send by _Email"));
  adw_toast_set_action_name (toast, "win.mail-bundle");
  adw_toast_set_action_target_value (toast, g_variant_new ("(sss)", path, kind ? kind : "", contact ? contact : ""));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
bundle_mailed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(L4aWindow) self = user_data;
  g_autofree char *problem = l4a_mail_compose_problem (result);

  if (problem != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, l4a_toast_new (problem));
}

static void
mail_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aWindow *self = L4A_WINDOW (widget);
  const char *path, *kind, *contact;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_variant_get (parameter, "(&s&s&s)", &path, &kind, &contact);
  /* translators: the subject of a message carrying a bundle; %s is its kind, such as Review packet */
  subject = g_strdup_printf (_("Local4Action: %s"), l4a_bundle_kind_get_label (kind));
  body = g_strdup_printf (_("Hello,\n\nattached is a Local4Action bundle (%s). Open it in Local4Action Hubs with "
                            "Import Bundle (Ctrl+I), or by opening the file.\n"), l4a_bundle_kind_get_label (kind));
  l4a_mail_compose (GTK_WINDOW (self), (const char * const[]) { *contact ? contact : NULL, NULL }, subject, body,
                    (const char * const[]) { path, NULL }, NULL, bundle_mailed_cb, g_object_ref (self));
}

/**
 * l4a_window_open_export:
 *
 * Returns: (transfer none): the export window, presented
 */
GtkWindow *
l4a_window_open_export (L4aWindow *self)
{
  L4aExportWindow *window;

  g_return_val_if_fail (L4A_IS_WINDOW (self), NULL);

  window = l4a_export_window_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (window, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/**
 * l4a_window_open_publish:
 *
 * Returns: (transfer none): the window that publishes the registry as a
 *   website, presented
 */
GtkWindow *
l4a_window_open_publish (L4aWindow *self)
{
  L4aPublishWindow *window;

  g_return_val_if_fail (L4A_IS_WINDOW (self), NULL);

  window = l4a_publish_window_new (GTK_WINDOW (self), self->context);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  l4a_window_open_publish (L4A_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  l4a_window_open_export (L4A_WINDOW (widget));
}

/* A bundle dropped anywhere on the window is offered for import. */
gboolean
_l4a_window_drop_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     L4aWindow     *self)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  l4a_window_import_file (self, file);
  return TRUE;
}

/* The keyboard shortcuts window, built the first time it is asked for:
 * GtkApplication would build it for every window as it opens, from
 * gtk/help-overlay.ui, a sixth of the time the application takes to show
 * its first window. Once built it is the window's help overlay, which
 * GTK keeps modal, transient for the window and hidden on close. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/l4a-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  l4a_window_show_view (L4A_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_l4a_window_class_actions_init (L4aWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.mail-bundle", "(sss)", mail_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", view_names[i]);
}
