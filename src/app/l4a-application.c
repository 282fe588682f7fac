/* l4a-application.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-application"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-application.h"
#include "l4a-bundle.h"
#include "l4a-inbox-watch.h"
#include "l4a-preferences-window.h"
#include "l4a-window.h"

struct _L4aApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  L4aContext     *context;
  GSettings      *settings;
  L4aInboxWatch  *inbox;
};

G_DEFINE_FINAL_TYPE (L4aApplication, l4a_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_role (L4aApplication *self)
{
  g_autofree char *role_nick = g_settings_get_string (self->settings, "role");
  g_autofree char *identity = g_settings_get_string (self->settings, "identity");
  L4aRole role = L4A_ROLE_SECRETARIAT;

  l4a_role_from_string (role_nick, &role);
  if (self->context)
    l4a_context_set_actor (self->context, role, identity);
}

static void
apply_color_scheme (L4aApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_str_equal (scheme, "light"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_PREFER_LIGHT);
}

static void
settings_changed_cb (L4aApplication *self,
                     const char     *key,
                     GSettings      *settings)
{
  if (g_str_equal (key, "color-scheme"))
    apply_color_scheme (self);
  else if (g_str_equal (key, "role") || g_str_equal (key, "identity"))
    apply_role (self);
  else if (g_str_equal (key, "inbox-folder") && self->inbox != NULL)
    {
      g_autofree char *folder = g_settings_get_string (self->settings, "inbox-folder");

      l4a_inbox_watch_set_folder (self->inbox, folder);
    }
}

/* A bundle of the inbox: offered with a notification and a toast, never
 * imported without the user. */
static void
inbox_offered_cb (L4aApplication *self,
                  const char     *path,
                  const char     *name,
                  const char     *kind,
                  const char     *origin,
                  const char     *problem,
                  L4aInboxWatch  *watch)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (problem != NULL)
    {
      /* translators: a file name, then why it cannot be imported */
      body = g_strdup_printf (_("%s: %s"), name, problem);
      notification = g_notification_new (_("A Bundle in the Inbox Cannot Be Imported"));
    }
  else
    {
      /* translators: a file name, a kind of bundle, and who wrote it */
      body = g_strdup_printf (_("%s — %s, from %s"), name, l4a_bundle_kind_get_label (kind), origin);
      notification = g_notification_new (_("A Bundle Is Ready to Import"));
      g_notification_set_default_action_and_target (notification, "app.import-file", "s", path);
      g_notification_add_button_with_target (notification, _("Preview"), "app.import-file", "s", path);
    }
  g_notification_set_body (notification, body);
  /* a notification when the user is elsewhere; the toast says it in the window */
  if (!L4A_IS_WINDOW (window) || !gtk_window_is_active (window))
    g_application_send_notification (G_APPLICATION (self), path, notification);

  if (L4A_IS_WINDOW (window))
    {
      AdwToast *toast = adw_toast_new (problem ? _("A bundle in the inbox cannot be imported")
                                               : _("A bundle is ready to import"));

      if (problem == NULL)
        {
          adw_toast_set_button_label (toast, _("_Preview"));
          adw_toast_set_action_name (toast, "app.import-file");
          adw_toast_set_action_target_value (toast, g_variant_new_string (path));
        }
      adw_toast_set_timeout (toast, 10);
      l4a_window_add_toast_object (L4A_WINDOW (window), toast);
    }
}

static void
import_file_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  L4aApplication *self = L4A_APPLICATION (user_data);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (L4A_IS_WINDOW (window))
    l4a_window_import_file (L4A_WINDOW (window), file);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Close the windows rather than quit at once, so that each saves its
   * size and state; the application ends with its last window. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  L4aApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  L4aPreferencesWindow *window = l4a_preferences_window_new (self->settings, l4a_context_get_store (self->context));

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  L4aApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Local4Action Hubs authors", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Local4Action Hubs"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Local4Action Hubs authors"),
                         "developers", developers,
                         "comments", _("Prepare, review, label and follow the Local4Action HUBs of local and regional governments, offline."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Local4Action Hubs authors",
                         /* translators: put your name here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "about", about_activated_cb },
  { "import-file", import_file_activated_cb, "s" },
};

static void
show_open_error (L4aApplication *self,
                 const GError   *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The Database Cannot Be Opened"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
l4a_application_activate (GApplication *app)
{
  L4aApplication *self = L4A_APPLICATION (app);
  GtkWindow *window;
  g_autoptr(GError) error = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!l4a_application_open_store (self, &error))
    {
      g_warning ("%s", error->message);
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (l4a_window_new (self));
  gtk_window_present (window);
}

/* Bundles opened from the file manager or the command line: each is
 * previewed in the window and imported only when the user says so. */
static void
l4a_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window;

  l4a_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!L4A_IS_WINDOW (window))
    return;
  for (int i = 0; i < n_files; i++)
    l4a_window_import_file (L4A_WINDOW (window), files[i]);
}

static void
l4a_application_startup (GApplication *app)
{
  L4aApplication *self = L4A_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (l4a_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  gtk_window_set_default_icon_name (APP_ID);
  apply_color_scheme (self);
}

static void
l4a_application_dispose (GObject *object)
{
  L4aApplication *self = (L4aApplication *)object;

  g_clear_object (&self->inbox);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (l4a_application_parent_class)->dispose (object);
}

static void
l4a_application_finalize (GObject *object)
{
  L4aApplication *self = (L4aApplication *)object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (l4a_application_parent_class)->finalize (object);
}

static void
l4a_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  L4aApplication *self = L4A_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  L4aApplication *self = L4A_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      if (self->database_path == NULL)
        self->database_path = l4a_store_default_path ();
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_application_class_init (L4aApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = l4a_application_dispose;
  object_class->finalize = l4a_application_finalize;
  object_class->get_property = l4a_application_get_property;
  object_class->set_property = l4a_application_set_property;

  app_class->activate = l4a_application_activate;
  app_class->open = l4a_application_open;
  app_class->startup = l4a_application_startup;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_application_init (L4aApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

L4aApplication *
l4a_application_new (const char *database_path)
{
  /* NON_UNIQUE: each --db is its own workstation; tests run several at once. */
  return g_object_new (L4A_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       "database-path", database_path,
                       NULL);
}

/**
 * l4a_application_act_as:
 * @role: (nullable): a role's nick, or %NULL to keep the workstation's
 * @identity: (nullable): a member or government id, or %NULL
 *
 * Acts as @role and @identity for this run only, as `--role` and `--as`
 * do for a command: the settings are held back from then on, so that
 * nothing of this run is saved as the workstation's.
 */
void
l4a_application_act_as (L4aApplication *self,
                        const char     *role,
                        const char     *identity)
{
  g_return_if_fail (L4A_IS_APPLICATION (self));

  l4a_settings_act_as (self->settings, role, identity);
}

/**
 * l4a_settings_act_as:
 *
 * The work of l4a_application_act_as() on @settings: held back from now
 * on, then set to @role and @identity.
 */
void
l4a_settings_act_as (GSettings  *settings,
                     const char *role,
                     const char *identity)
{
  L4aRole parsed;

  g_return_if_fail (G_IS_SETTINGS (settings));

  if (role == NULL && identity == NULL)
    return;
  g_settings_delay (settings);
  if (role != NULL && l4a_role_from_string (role, &parsed))
    g_settings_set_string (settings, "role", role);
  if (identity != NULL)
    g_settings_set_string (settings, "identity", identity);
}

const char *
l4a_application_get_database_path (L4aApplication *self)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (self), NULL);

  return self->database_path;
}

L4aStore *
l4a_application_get_store (L4aApplication *self)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (self), NULL);

  return self->context ? l4a_context_get_store (self->context) : NULL;
}

/**
 * l4a_application_get_context:
 *
 * Returns: (transfer none) (nullable): the context of the application's
 *   database, once it is open
 */
L4aContext *
l4a_application_get_context (L4aApplication *self)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * l4a_application_get_inbox:
 *
 * Returns: (transfer none) (nullable): the watch on the inbox folder, once
 *   the database is open
 */
L4aInboxWatch *
l4a_application_get_inbox (L4aApplication *self)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (self), NULL);

  return self->inbox;
}

GSettings *
l4a_application_get_settings (L4aApplication *self)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * l4a_application_open_store:
 *
 * Opens the application's database once; later calls return at once.
 */
gboolean
l4a_application_open_store (L4aApplication  *self,
                            GError         **error)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (self), FALSE);

  if (self->context != NULL)
    return TRUE;

  self->context = l4a_context_new (self->database_path, error);
  if (self->context == NULL)
    return FALSE;

  apply_role (self);

  {
    g_autofree char *folder = g_settings_get_string (self->settings, "inbox-folder");

    self->inbox = l4a_inbox_watch_new (self->context);
    g_signal_connect_object (self->inbox, "offered", G_CALLBACK (inbox_offered_cb), self, G_CONNECT_SWAPPED);
    l4a_inbox_watch_set_folder (self->inbox, folder);
  }
  return TRUE;
}
