/* l4a-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-brand-view.h"
#include "l4a-bundle.h"
#include "l4a-export-window.h"
#include "l4a-import-window.h"
#include "l4a-hubs-view.h"
#include "l4a-indicators-view.h"
#include "l4a-proposals-view.h"
#include "l4a-reviews-view.h"
#include "l4a-sample.h"
#include "l4a-window.h"

struct _L4aWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  L4aStore             *store;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  L4aHubsView          *hubs_view;
  L4aProposalsView     *proposals_view;
  L4aReviewsView       *reviews_view;
  L4aIndicatorsView    *indicators_view;
  L4aBrandView         *brand_view;
  GtkRevealer          *sample_banner;
};

G_DEFINE_FINAL_TYPE (L4aWindow, l4a_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const view_names[] = {
  "hubs", "proposals", "reviews", "indicators", "brand-kit",
};

static void
update_sample_banner (L4aWindow *self)
{
  gtk_revealer_set_reveal_child (self->sample_banner,
                                 self->store != NULL && l4a_sample_is_loaded (self->store));
}

static void
data_changed_cb (L4aWindow   *self,
                 L4aHubsView *view)
{
  update_sample_banner (self);
  /* The sample data brings calls and proposals too. */
  l4a_proposals_view_set_store (self->proposals_view, self->store);
  l4a_reviews_view_set_store (self->reviews_view, self->store);
  l4a_indicators_view_reload (self->indicators_view);
  l4a_brand_view_reload (self->brand_view);
}

static void
role_changed_cb (L4aWindow *self)
{
  /* The application applies the role to the store first (it connected
   * earlier); then the views show what the role may do. */
  l4a_hubs_view_role_changed (self->hubs_view);
  l4a_proposals_view_reload (self->proposals_view);
  l4a_reviews_view_reload (self->reviews_view);
  l4a_indicators_view_reload (self->indicators_view);
  l4a_brand_view_reload (self->brand_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up",
                                 l4a_store_get_role (self->store) == L4A_ROLE_SECRETARIAT);
}

/* Back up: a full bundle, written in a thread on a connection of its own. */

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *db_path = g_object_get_data (G_OBJECT (task), "db");
  const char *path = task_data;
  g_autoptr(L4aStore) store = NULL;
  GError *error = NULL;
  guint n_records = 0;

  store = l4a_store_open (db_path, &error);
  if (store != NULL)
    l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  if (store == NULL || !l4a_bundle_export (store, "full", NULL, path, NULL, &n_records, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, n_records);
}

static void
back_up_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  L4aWindow *self = L4A_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

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
                          (int) n, (const char *) g_task_get_task_data (G_TASK (result)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * l4a_window_back_up:
 *
 * Writes every record into a full bundle at @path, in a thread; a toast
 * says when it is done.
 */
void
l4a_window_back_up (L4aWindow  *self,
                    const char *path)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, back_up_done_cb, NULL);

  g_object_set_data_full (G_OBJECT (task), "db", g_strdup (l4a_store_get_path (self->store)), g_free);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, back_up_thread);
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

  /* any view may show what came in */
  l4a_hubs_view_reload (self->hubs_view);
  data_changed_cb (self, self->hubs_view);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
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

  window = l4a_import_window_new (GTK_WINDOW (self), self->store, file);
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
             L4aWindow       *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u record to “%s”",
                                                        "Exported %u records to “%s”", n_records),
                                           n_records, name);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
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

  window = l4a_export_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (window, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  l4a_window_open_export (L4A_WINDOW (widget));
}

static gboolean
drop_cb (GtkDropTarget *target,
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

static void
hubs_changed_cb (L4aWindow *self)
{
  l4a_hubs_view_reload (self->hubs_view);
}

static void
visible_view_changed_cb (L4aWindow *self)
{
  /* Reviews move on in other windows: show them as they are now. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "reviews") == 0)
    l4a_reviews_view_reload (self->reviews_view);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  l4a_window_show_view (L4A_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_window_state (L4aWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
l4a_window_close_request (GtkWindow *window)
{
  save_window_state (L4A_WINDOW (window));

  return GTK_WINDOW_CLASS (l4a_window_parent_class)->close_request (window);
}

/* Runs once the window belongs to @app ("application" is no construct
 * property, so this cannot happen in constructed()). */
static void
setup_for_application (L4aWindow      *self,
                       L4aApplication *app)
{
  self->settings = g_object_ref (l4a_application_get_settings (app));
  self->store = g_object_ref (l4a_application_get_store (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  l4a_hubs_view_set_store (self->hubs_view, self->store, self->settings);
  l4a_proposals_view_set_store (self->proposals_view, self->store);
  l4a_reviews_view_set_store (self->reviews_view, self->store);
  l4a_indicators_view_set_store (self->indicators_view, self->store, l4a_hubs_view_get_visible (self->hubs_view));
  l4a_brand_view_set_store (self->brand_view, self->store);
  g_signal_connect_object (self->reviews_view, "hubs-changed", G_CALLBACK (hubs_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (visible_view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::identity", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  update_sample_banner (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up",
                                 l4a_store_get_role (self->store) == L4A_ROLE_SECRETARIAT);
}

static void
l4a_window_dispose (GObject *object)
{
  L4aWindow *self = (L4aWindow *)object;

  /* libadwaita 1.2 warns when a switcher outlives its stack: detach them
   * before the stack goes. */
  if (self->switcher_bar)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (l4a_window_parent_class)->dispose (object);
}

static void
l4a_window_class_init (L4aWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = l4a_window_dispose;
  window_class->close_request = l4a_window_close_request;

  g_type_ensure (L4A_TYPE_HUBS_VIEW);
  g_type_ensure (L4A_TYPE_PROPOSALS_VIEW);
  g_type_ensure (L4A_TYPE_REVIEWS_VIEW);
  g_type_ensure (L4A_TYPE_INDICATORS_VIEW);
  g_type_ensure (L4A_TYPE_BRAND_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, hubs_view);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, reviews_view);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, indicators_view);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, brand_view);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, sample_banner);
  gtk_widget_class_bind_template_callback (widget_class, data_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", view_names[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_window_init (L4aWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));

  /* Each view is named after its page, so that what a screen reader says
   * inside it (the search of the Hubs, the Call of the Reviews) has a place. */
  {
    g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
      {
        g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
        g_autofree char *title = l4a_mnemonic_strip (adw_view_stack_page_get_title (page));

        gtk_accessible_update_property (GTK_ACCESSIBLE (adw_view_stack_page_get_child (page)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      }
  }

  /* a bundle dropped anywhere on the window is offered for import */
  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

L4aWindow *
l4a_window_new (L4aApplication *application)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (l4a_application_get_store (application) != NULL, NULL);


  L4aWindow *self;

  self = g_object_new (L4A_TYPE_WINDOW, "application", application, NULL);
  setup_for_application (self, application);
  return self;
}

/**
 * l4a_window_show_view:
 * @name: one of "hubs", "proposals", "reviews", "indicators", "brand-kit"
 */
void
l4a_window_show_view (L4aWindow  *self,
                      const char *name)
{
  g_return_if_fail (L4A_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
l4a_window_get_visible_view (L4aWindow *self)
{
  g_return_val_if_fail (L4A_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * l4a_window_add_toast_object:
 * @toast: (transfer full): the toast
 */
void
l4a_window_add_toast_object (L4aWindow *self,
                             AdwToast  *toast)
{
  g_return_if_fail (L4A_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
l4a_window_add_toast (L4aWindow  *self,
                      const char *title)
{
  g_return_if_fail (L4A_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/**
 * l4a_window_get_view:
 *
 * Returns: (transfer none) (nullable): the view called @name
 */
GtkWidget *
l4a_window_get_view (L4aWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (L4A_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->stack, name);
}

gboolean
l4a_window_get_sample_banner_revealed (L4aWindow *self)
{
  g_return_val_if_fail (L4A_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->sample_banner);
}
