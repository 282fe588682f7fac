/* l4a-export-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exporting a bundle: the kinds this workstation's role writes, whom the
 * bundle is for where the kind is addressed, then a file chooser with a
 * suggested name; the bundle is written in a thread, with Cancel.
 */

#define G_LOG_DOMAIN "l4a-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-bundle.h"
#include "l4a-export-window.h"
#include "l4a-government.h"
#include "l4a-government-row.h"
#include "l4a-member.h"

struct _L4aExportWindow
{
  AdwWindow     parent_instance;

  L4aContext   *context;
  L4aStore     *store;        /* the context's main connection */
  GCancellable *cancellable;
  char         *path;         /* where the bundle is being written */
  const char * const *kinds;
  GPtrArray    *recipients;     /* ids, in the order of the recipient list; NULL first for "everyone" */

  GtkStack     *stack;
  AdwComboRow  *kind_row;
  AdwComboRow  *for_row;          /* a board member */
  L4aGovernmentRow *government_row; /* a government, found by words */
  GtkWidget    *export_button;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (L4aExportWindow, l4a_export_window, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_KIND,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
selected_kind (L4aExportWindow *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return self->kinds != NULL && i < g_strv_length ((char **) self->kinds) ? self->kinds[i] : NULL;
}

static const char *
selected_recipient (L4aExportWindow *self)
{
  guint i = adw_combo_row_get_selected (self->for_row);

  if (gtk_widget_get_visible (GTK_WIDGET (self->government_row)))
    return l4a_government_row_get_government_id (self->government_row);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->for_row)) || self->recipients == NULL ||
      i >= self->recipients->len)
    return NULL;
  return g_ptr_array_index (self->recipients, i);
}

/* Export is offered once what is asked is chosen: a kind, and its
 * recipient when the kind needs one. */
static void
update_export_button (L4aExportWindow *self)
{
  const char *kind = selected_kind (self);
  gboolean required = FALSE;

  if (kind != NULL)
    l4a_bundle_kind_get_for (kind, &required);
  gtk_widget_set_sensitive (self->export_button, kind != NULL && (!required || selected_recipient (self) != NULL));
}

static void
fill_recipients (L4aExportWindow *self)
{
  if (self->store == NULL)  /* the template's model is set before the window has its context */
    return;

  const char *kind = selected_kind (self);
  gboolean required = FALSE;
  L4aBundleFor for_whom = kind ? l4a_bundle_kind_get_for (kind, &required) : L4A_BUNDLE_FOR_NONE;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  self->recipients = g_ptr_array_new_with_free_func (g_free);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), kind ? l4a_bundle_kind_get_description (kind) : "");

  if (for_whom == L4A_BUNDLE_FOR_MEMBER)
    {
      g_autoptr(GPtrArray) members = l4a_member_list (self->store, NULL);

      if (!required)
        {
          gtk_string_list_append (names, _("All governments"));
          g_ptr_array_add (self->recipients, NULL);
        }
      for (guint i = 0; members && i < members->len; i++)
        {
          L4aMemberEdit *member = g_ptr_array_index (members, i);

          gtk_string_list_append (names, member->name);
          g_ptr_array_add (self->recipients, g_strdup (member->id));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->for_row), _("Board Member"));
    }
  adw_combo_row_set_model (self->for_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->for_row), for_whom == L4A_BUNDLE_FOR_MEMBER);

  /* a government among however many there are is found by words; a bundle
   * that may go to every government offers that first */
  l4a_government_row_set_store (self->government_row, self->store);
  g_object_set (self->government_row, "allow-none", !required,
                "placeholder", required ? _("Choose a government…") : _("All governments"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->government_row), for_whom == L4A_BUNDLE_FOR_GOVERNMENT);
  update_export_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Chooses @kind, if this workstation's role writes it. */
static void
select_kind (L4aExportWindow *self,
             const char      *kind)
{
  for (guint i = 0; self->kinds != NULL && self->kinds[i] != NULL; i++)
    if (g_strcmp0 (self->kinds[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

/* The name the file chooser proposes. */
static char *
suggest_name (L4aExportWindow *self)
{
  return l4a_bundle_suggest_name (self->store, selected_kind (self), selected_recipient (self));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(L4aExportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_records = l4a_context_export_finish (L4A_CONTEXT (object), result, &error);

  g_clear_object (&self->cancellable);
  if (n_records < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_stack_set_visible_child_name (self->stack, "choose");
          gtk_widget_set_visible (self->export_button, TRUE);
          return;
        }
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, self->path, (guint) n_records, selected_kind (self),
                 selected_recipient (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * l4a_add_bundle_filter:
 *
 * Adds a filter for bundles (`*.l4a.json`, by MIME type and by name) to
 * @chooser.
 */
void
l4a_add_bundle_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Local4Action bundles"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.local4action.bundle+json");
  gtk_file_filter_add_suffix (filter, "l4a.json");
  gtk_file_chooser_add_filter (chooser, filter);
}

/**
 * l4a_export_window_export_to:
 *
 * Writes the bundle chosen to @path, as a job of the context.
 */
/* Writes the bundle chosen to the file @path (chosen in the file chooser). */
static void
write_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  L4aExportWindow *self = L4A_EXPORT_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  if (self->cancellable != NULL || !gtk_widget_get_sensitive (self->export_button))
    return;   /* already writing, or not all chosen */

  g_free (self->path);
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "writing");
  gtk_widget_set_visible (self->export_button, FALSE);
  l4a_context_export_async (self->context, selected_kind (self), selected_recipient (self), path,
                            self->cancellable, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     L4aExportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "export.write-to", "s", path);
    }
  g_object_unref (dialog);
}

static void
export_clicked_cb (L4aExportWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = suggest_name (self);

  dialog = gtk_file_chooser_native_new (_("Export Bundle"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  l4a_add_bundle_filter (GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_cb (L4aExportWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
l4a_export_window_dispose (GObject *object)
{
  L4aExportWindow *self = (L4aExportWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_export_window_parent_class)->dispose (object);
}

static void
l4a_export_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  L4aExportWindow *self = L4A_EXPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, selected_kind (self));
      break;
    case PROP_FILE_NAME:
      g_value_take_string (value, self->store ? suggest_name (self) : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_export_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  L4aExportWindow *self = L4A_EXPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      select_kind (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_export_window_class_init (L4aExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_export_window_dispose;
  object_class->get_property = l4a_export_window_get_property;
  object_class->set_property = l4a_export_window_set_property;

  /**
   * L4aExportWindow:kind:
   *
   * The kind of bundle chosen; one this workstation's role does not write
   * is not chosen.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * L4aExportWindow:file-name:
   *
   * The name the file chooser proposes for what is chosen.
   */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * L4aExportWindow::exported:
   * @path: the file written
   * @n_records: how many records it holds
   * @kind: its kind
   * @recipient: (nullable): the member or government it is for
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (L4A_TYPE_GOVERNMENT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aExportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aExportWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, L4aExportWindow, for_row);
  gtk_widget_class_bind_template_child (widget_class, L4aExportWindow, government_row);
  gtk_widget_class_bind_template_child (widget_class, L4aExportWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, L4aExportWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, fill_recipients);
  gtk_widget_class_bind_template_callback (widget_class, update_export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);

  gtk_widget_class_install_action (widget_class, "export.write-to", "s", write_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_export_window_init (L4aExportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

L4aExportWindow *
l4a_export_window_new (GtkWindow  *parent,
                       L4aContext *context)
{
  L4aExportWindow *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  self = g_object_new (L4A_TYPE_EXPORT_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (l4a_context_get_store (context));
  self->kinds = l4a_bundle_kinds_for_role (l4a_context_get_role (context));
  for (guint i = 0; self->kinds[i] != NULL; i++)
    gtk_string_list_append (labels, l4a_bundle_kind_get_label (self->kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  fill_recipients (self);
  return self;
}
