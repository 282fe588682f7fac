/* l4a-preferences-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-preferences-window.h"
#include "l4a-registry.h"
#include "l4a-toast.h"

struct _L4aPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  L4aStore             *store;
  GPtrArray            *identity_ids;

  AdwComboRow          *role_row;
  AdwComboRow          *identity_row;
  AdwComboRow          *style_row;
  AdwActionRow         *inbox_row;
  GtkWidget            *inbox_clear_button;
  AdwActionRow         *send_row;
  GtkWidget            *send_clear_button;
  const char           *choosing;   /* the settings key of the folder being chosen */
  AdwActionRow         *key_row;
};

G_DEFINE_FINAL_TYPE (L4aPreferencesWindow, l4a_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Rows of the style combo, in the order of the .ui file; the role combo
 * lists the roles in the order of their enum. */
static const char * const style_rows[] = { "default", "light", "dark", NULL };

static L4aRole
selected_role (L4aPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected <= L4A_ROLE_GOVERNMENT ? (L4aRole) selected : L4A_ROLE_SECRETARIAT;
}

/* A setting that holds one of @nicks, shown as a combo row's position. */
static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  nicks)
{
  const char *nick = g_variant_get_string (variant, NULL);
  const char * const *list = nicks;

  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (list[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *type,
                  gpointer            nicks)
{
  const char * const *list = nicks;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) list))
    return NULL;
  return g_variant_new_string (list[position]);
}

static void
fill_identities (L4aPreferencesWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "identity");
  g_autoptr(GError) error = NULL;
  L4aRole role = selected_role (self);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->identity_ids, 0);
  if (self->store != NULL &&
      !l4a_registry_list_identities (self->store, role, self->identity_ids, names, &error))
    {
      /* translators: %s says why (the database's words) */
      g_autofree char *message = g_strdup_printf (_("The members and governments cannot be listed: %s"),
                                                  error->message);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), l4a_toast_new (message));
    }

  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (names, i));
      if (g_str_equal (current, g_ptr_array_index (self->identity_ids, i)))
        selected = i;
    }

  adw_combo_row_set_model (self->identity_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->identity_row, selected);

  gtk_widget_set_visible (GTK_WIDGET (self->identity_row), role != L4A_ROLE_SECRETARIAT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->identity_row), names->len > 0);

  if (role == L4A_ROLE_MEMBER)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->identity_row),
                                 names->len ? _("The board member who uses this workstation")
                                            : _("No board members in the database yet"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->identity_row),
                                 names->len ? _("The government this workstation works for")
                                            : _("No governments in the database yet"));
}

/* The role itself is bound to its setting; the identities follow it. An
 * identity belongs to one role (a member is no government): one that is
 * not among the role's is let go. */
static void
role_selected_cb (L4aPreferencesWindow *self)
{
  g_autofree char *identity = NULL;
  gboolean known = FALSE;

  if (self->settings == NULL)
    return;
  fill_identities (self);
  identity = g_settings_get_string (self->settings, "identity");
  for (guint i = 0; i < self->identity_ids->len; i++)
    known |= g_str_equal (identity, g_ptr_array_index (self->identity_ids, i));
  if (!known && *identity != '\0')
    g_settings_set_string (self->settings, "identity", "");
}

static void
identity_selected_cb (L4aPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->identity_row);

  /* a new list of identities selects nothing: that says nothing */
  if (self->settings == NULL || selected >= self->identity_ids->len)
    return;

  g_settings_set_string (self->settings, "identity", g_ptr_array_index (self->identity_ids, selected));
}

/* A folder setting shown in its row, with a button to forget it. */
static void
show_folder (L4aPreferencesWindow *self,
             const char           *key,
             AdwActionRow         *row,
             GtkWidget            *clear_button)
{
  g_autofree char *folder = g_settings_get_string (self->settings, key);

  adw_action_row_set_subtitle (row, *folder ? folder : _("None"));
  gtk_widget_set_visible (clear_button, *folder != '\0');
}

static void
show_inbox (L4aPreferencesWindow *self)
{
  show_folder (self, "inbox-folder", self->inbox_row, self->inbox_clear_button);
  show_folder (self, "send-folder", self->send_row, self->send_clear_button);
}

static void
folder_response_cb (GtkNativeDialog      *dialog,
                    int                   response,
                    L4aPreferencesWindow *self)
{
  const char *key = self->choosing;

  if (response == GTK_RESPONSE_ACCEPT && key != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        {
          g_settings_set_string (self->settings, key, path);
          show_inbox (self);
        }
    }
  g_object_unref (dialog);
}

static void
choose_folder (L4aPreferencesWindow *self,
               const char           *title,
               const char           *key)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"), _("_Cancel"));
  self->choosing = key;
  g_signal_connect (dialog, "response", G_CALLBACK (folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
inbox_choose_cb (L4aPreferencesWindow *self)
{
  choose_folder (self, _("Inbox Folder"), "inbox-folder");
}

static void
inbox_clear_cb (L4aPreferencesWindow *self)
{
  l4a_preferences_window_set_inbox (self, NULL);
}

static void
send_choose_cb (L4aPreferencesWindow *self)
{
  choose_folder (self, _("Shared Folder to Send To"), "send-folder");
}

static void
send_clear_cb (L4aPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "send-folder", "");
  show_inbox (self);
}

/**
 * l4a_preferences_window_set_inbox:
 * @folder: (nullable): the inbox folder, or %NULL for none
 */
void
l4a_preferences_window_set_inbox (L4aPreferencesWindow *self,
                                  const char           *folder)
{
  g_return_if_fail (L4A_IS_PREFERENCES_WINDOW (self));

  g_settings_set_string (self->settings, "inbox-folder", folder ? folder : "");
  show_inbox (self);
}

static void
load_settings (L4aPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "role", self->role_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer) l4a_enum_get_nicks (L4A_TYPE_ROLE), NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) style_rows, NULL);
  fill_identities (self);
  show_inbox (self);
}

static void
l4a_preferences_window_dispose (GObject *object)
{
  L4aPreferencesWindow *self = (L4aPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->identity_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_preferences_window_parent_class)->dispose (object);
}

static void
copy_fingerprint_cb (L4aPreferencesWindow *self)
{
  const char *fingerprint = adw_action_row_get_subtitle (self->key_row);

  if (fingerprint != NULL && *fingerprint != '\0')
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), fingerprint);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Fingerprint copied")));
    }
}

/* The workstation's key, as a person reads it aloud. */
static void
show_key (L4aPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  L4aKey *key = self->store ? l4a_store_get_key (self->store, &error) : NULL;
  g_autofree char *fingerprint = key ? l4a_key_fingerprint (l4a_key_get_public (key)) : NULL;

  adw_action_row_set_subtitle (self->key_row, fingerprint ? fingerprint
                                              : error ? error->message : _("No database is open"));
}

static void
l4a_preferences_window_class_init (L4aPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, identity_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, inbox_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, inbox_clear_button);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, send_row);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, send_clear_button);
  gtk_widget_class_bind_template_child (widget_class, L4aPreferencesWindow, key_row);
  gtk_widget_class_bind_template_callback (widget_class, copy_fingerprint_cb);
  gtk_widget_class_bind_template_callback (widget_class, inbox_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, inbox_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_choose_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, identity_selected_cb);
}

static void
l4a_preferences_window_init (L4aPreferencesWindow *self)
{
  self->identity_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

L4aPreferencesWindow *
l4a_preferences_window_new (GSettings *settings,
                            L4aStore  *store)
{
  L4aPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!store || L4A_IS_STORE (store), NULL);

  self = g_object_new (L4A_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  self->store = store ? g_object_ref (store) : NULL;
  load_settings (self);
  show_key (self);

  return self;
}
