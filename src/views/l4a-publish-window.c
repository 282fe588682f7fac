/* l4a-publish-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing the registry as a website (the World Secretariat): a folder,
 * the site's address if it has one, then the pages written by the command
 * line's `publish --progress` in a process of its own (each page is
 * written in its language by switching the message catalogue, which only
 * a process with no other thread may do), with progress and Stop; at the
 * end, what was written and a way to open it. The folder and address are
 * remembered.
 */

#define G_LOG_DOMAIN "l4a-publish-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-letter-export.h"
#include "l4a-publish-window.h"
#include "l4a-permissions.h"

struct _L4aPublishWindow
{
  AdwWindow      parent_instance;

  L4aContext    *context;
  GSettings     *settings;
  char          *folder;
  GSubprocess   *process;
  GDataInputStream *output;
  GCancellable  *cancellable;
  GString       *said;          /* what the process said that is not progress: its error */
  guint          n_written;
  guint          n_unchanged;
  gboolean       exited;
  gboolean       read_all;
  char          *failure;       /* how the process failed, if it did */

  GtkStack      *stack;
  GtkWidget     *close_button;
  GtkWidget     *publish_button;
  AdwActionRow  *folder_row;
  AdwEntryRow   *address_row;
  GtkLabel      *notice;
  GtkProgressBar *progress;
  AdwStatusPage *done_page;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (L4aPublishWindow, l4a_publish_window, ADW_TYPE_WINDOW)

enum {
  PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_publish (L4aPublishWindow *self)
{
  gtk_widget_set_sensitive (self->publish_button, self->folder != NULL && *self->folder != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->notice), FALSE);
}

/* The folder the website is written to, as chosen (the folder chooser sets
 * it, and a window opened again starts from the last one). */
static void
set_folder (L4aPublishWindow *self,
            const char       *folder)
{
  if (g_strcmp0 (self->folder, folder) == 0)
    return;
  g_free (self->folder);
  self->folder = g_strdup (folder);
  adw_action_row_set_subtitle (self->folder_row, folder && *folder ? folder : _("None chosen yet"));
  update_publish (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

static void
stop_work (L4aPublishWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->process != NULL)
    g_subprocess_force_exit (self->process);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->process);
  g_clear_object (&self->output);
  gtk_widget_set_visible (self->close_button, TRUE);
}

static void
show_error (L4aPublishWindow *self,
            const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  stop_work (self);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Once the process has ended and all it said is read: what it did. */
static void
maybe_finish (L4aPublishWindow *self)
{
  g_autofree char *files = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (!self->exited || !self->read_all)
    return;
  if (self->failure != NULL)
    {
      g_autofree char *failure = g_steal_pointer (&self->failure);

      show_error (self, self->said->len ? g_strstrip (self->said->str) : failure);
      return;
    }
  stop_work (self);
  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file written", "%u files written", self->n_written),
                           self->n_written);
  /* translators: %s is how many files were written, then how many were already as they should be */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u unchanged, in “%s”.", "%s, %u unchanged, in “%s”.",
                                       self->n_unchanged),
                          files, self->n_unchanged, self->folder);
  escaped = g_markup_escape_text (text, -1);
  gtk_button_set_label (GTK_BUTTON (self->close_button), _("_Close"));
  adw_status_page_set_description (self->done_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "done");
  g_signal_emit (self, signals[PUBLISHED], 0, self->n_written, self->n_unchanged);
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(L4aPublishWindow) self = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);

  /* stopped, or the window is gone */
  if (self->process != G_SUBPROCESS (object))
    return;
  self->exited = TRUE;
  if (!ok)
    self->failure = g_strdup (error->message);
  maybe_finish (self);
}

static void
line_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(L4aPublishWindow) self = data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL,
                                                                     NULL);

  /* stopped, or the window is gone */
  if (self->output != G_DATA_INPUT_STREAM (object))
    return;
  if (line == NULL)
    {
      self->read_all = TRUE;
      maybe_finish (self);
      return;
    }
  if (g_str_has_prefix (line, "progress "))
    gtk_progress_bar_set_fraction (self->progress, CLAMP (g_ascii_strtod (line + 9, NULL), 0, 1));
  else if (g_str_has_prefix (line, "written "))
    self->n_written = (guint) g_ascii_strtoull (line + 8, NULL, 10);
  else if (g_str_has_prefix (line, "unchanged "))
    self->n_unchanged = (guint) g_ascii_strtoull (line + 10, NULL, 10);
  else
    g_string_append_printf (self->said, "%s\n",
                            g_str_has_prefix (line, "local4action: ") ? line + strlen ("local4action: ") : line);
  g_data_input_stream_read_line_async (self->output, G_PRIORITY_DEFAULT, self->cancellable, line_cb,
                                       g_object_ref (self));
}

static void
publish_clicked_cb (L4aPublishWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  L4aStore *store = l4a_context_get_store (self->context);
  const char *address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, &error))
    goto refused;
  if (*address != '\0' && !g_str_has_prefix (address, "https://") && !g_str_has_prefix (address, "http://"))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The site’s address must start with https:// or http://, such as "
                     "https://hubs.example.org/."));
      goto refused;
    }
  g_ptr_array_add (argv, l4a_program_path ());
  if (g_ptr_array_index (argv, 0) == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The program cannot find itself to publish."));
      goto refused;
    }
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (l4a_store_get_path (store)));
  g_ptr_array_add (argv, g_strdup ("--role"));
  g_ptr_array_add (argv, g_strdup ("secretariat"));
  g_ptr_array_add (argv, g_strdup ("publish"));
  g_ptr_array_add (argv, g_strdup ("--progress"));
  g_ptr_array_add (argv, g_strdup ("--out"));
  g_ptr_array_add (argv, g_strdup (self->folder));
  if (*address != '\0')
    {
      g_ptr_array_add (argv, g_strdup ("--base-url"));
      g_ptr_array_add (argv, g_strdup (address));
    }
  g_ptr_array_add (argv, NULL);
  self->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  if (self->process == NULL)
    goto refused;

  g_settings_set_string (self->settings, "site-folder", self->folder);
  g_settings_set_string (self->settings, "site-address", address);
  g_string_truncate (self->said, 0);
  self->n_written = self->n_unchanged = 0;
  self->exited = self->read_all = FALSE;
  g_clear_pointer (&self->failure, g_free);
  self->cancellable = g_cancellable_new ();
  self->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (self->publish_button, FALSE);
  gtk_widget_set_visible (self->close_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "publishing");
  g_data_input_stream_read_line_async (self->output, G_PRIORITY_DEFAULT, self->cancellable, line_cb,
                                       g_object_ref (self));
  g_subprocess_wait_check_async (self->process, NULL, finished_cb, g_object_ref (self));
  return;

refused:
  gtk_label_set_label (self->notice, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->notice), TRUE);
}

static void
stop_clicked_cb (L4aPublishWindow *self)
{
  /* each file is written whole: what is written stays, and the next
   * publication goes on from there */
  stop_work (self);
  gtk_widget_set_visible (self->publish_button, TRUE);
  gtk_label_set_label (self->notice, _("Publishing was stopped. The files written so far are complete; publish "
                                       "again to finish the site."));
  gtk_widget_set_visible (GTK_WIDGET (self->notice), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
folder_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    L4aPublishWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        set_folder (self, path);
    }
  g_object_unref (dialog);
}

static void
choose_clicked_cb (L4aPublishWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Folder of the Website"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  g_signal_connect (dialog, "response", G_CALLBACK (folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_clicked_cb (L4aPublishWindow *self)
{
  g_autofree char *index = g_build_filename (self->folder, "index.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (index);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
l4a_publish_window_dispose (GObject *object)
{
  L4aPublishWindow *self = (L4aPublishWindow *) object;

  stop_work (self);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->failure, g_free);
  if (self->said != NULL)
    g_string_free (g_steal_pointer (&self->said), TRUE);

  G_OBJECT_CLASS (l4a_publish_window_parent_class)->dispose (object);
}

static void
l4a_publish_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  L4aPublishWindow *self = L4A_PUBLISH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_publish_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  L4aPublishWindow *self = L4A_PUBLISH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      set_folder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_publish_window_class_init (L4aPublishWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_publish_window_dispose;
  object_class->get_property = l4a_publish_window_get_property;
  object_class->set_property = l4a_publish_window_set_property;

  /**
   * L4aPublishWindow:folder:
   *
   * The folder the website is written to.
   */
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * L4aPublishWindow::published:
   * @n_written: the files written
   * @n_unchanged: the files that were already as they should be
   */
  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-publish-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, notice);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, L4aPublishWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_publish);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_publish_window_init (L4aPublishWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->said = g_string_new (NULL);
}

/**
 * l4a_publish_window_new:
 *
 * The window that publishes the registry of @context as a website, with
 * the folder and address used last time.
 */
L4aPublishWindow *
l4a_publish_window_new (GtkWindow  *parent,
                        L4aContext *context)
{
  L4aPublishWindow *self;
  g_autofree char *folder = NULL;
  g_autofree char *address = NULL;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  self = g_object_new (L4A_TYPE_PUBLISH_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  folder = g_settings_get_string (self->settings, "site-folder");
  address = g_settings_get_string (self->settings, "site-address");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  set_folder (self, folder);
  return self;
}
