/* l4a-keys-group.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The enrolment requests of one role (board members or local governments)
 * waiting for the secretariat: each with its fingerprint, to compare with
 * the person by another channel, and Approve or Refuse. Hidden when none
 * waits. Emits "changed" when a key was approved or refused.
 */

#define G_LOG_DOMAIN "l4a-keys-group"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-keys-group.h"
#include "l4a-labels.h"
#include "l4a-trust.h"

struct _L4aKeysGroup
{
  AdwBin               parent_instance;

  L4aRole              role;
  L4aStore            *store;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  GPtrArray           *keys;  /* the public key of each row */
  guint                n_waiting;
};

G_DEFINE_FINAL_TYPE (L4aKeysGroup, l4a_keys_group, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

/**
 * l4a_keys_describe:
 *
 * Returns: (transfer full): the state of the key of a member or government,
 *   for a row's subtitle: "Key approved · 4F2A 91C3", "Key waiting for
 *   approval · …", "No key yet"
 */
char *
l4a_keys_describe (L4aStore   *store,
                   L4aRole     role,
                   const char *actor_id)
{
  /* one query per row: the key that says most of this person */
  g_autoptr(L4aRosterEntry) best = store ? l4a_trust_find_any_for (store, role, actor_id) : NULL;
  g_autofree char *fingerprint = NULL;

  if (best == NULL)
    return g_strdup (_("No key yet"));
  fingerprint = l4a_key_short_fingerprint (best->public_key);
  switch (best->status)
    {
    case L4A_KEY_STATUS_APPROVED:
      /* translators: the start of a key's fingerprint */
      return g_strdup_printf (_("Key approved · %s"), fingerprint);
    case L4A_KEY_STATUS_PENDING:
      return g_strdup_printf (_("Key waiting for approval · %s"), fingerprint);
    case L4A_KEY_STATUS_REVOKED:
    default:
      return g_strdup_printf (_("Key revoked · %s"), fingerprint);
    }
}

static void
show_error (L4aKeysGroup *self,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Key Was Not Changed"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
l4a_keys_group_approve (L4aKeysGroup  *self,
                        const char    *public_key,
                        GError       **error)
{
  g_return_val_if_fail (L4A_IS_KEYS_GROUP (self), FALSE);

  if (!l4a_trust_approve (self->store, public_key, error))
    return FALSE;
  l4a_keys_group_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

typedef struct
{
  L4aKeysGroup *self;
  char         *public_key;
} Decision;

static void
decision_free (gpointer  data,
               GClosure *closure)
{
  Decision *decision = data;

  g_object_unref (decision->self);
  g_free (decision->public_key);
  g_free (decision);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Decision *decision = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (response, "approve"))
    ok = l4a_keys_group_approve (decision->self, decision->public_key, &error);
  else if (g_str_equal (response, "refuse"))
    {
      ok = l4a_trust_revoke (decision->self->store, decision->public_key, &error);
      if (ok)
        {
          l4a_keys_group_refresh (decision->self);
          g_signal_emit (decision->self, signals[CHANGED], 0);
        }
    }
  if (!ok)
    show_error (decision->self, error->message);
}

/* Approve or refuse, after comparing the fingerprint by another channel. */
static void
decide (L4aKeysGroup   *self,
        L4aRosterEntry *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Approve the Key of %s?"), entry->name);
  g_autofree char *body = g_strdup_printf (_("Read this fingerprint to %s by phone or in person, and approve only if "
                                             "theirs is the same:\n\n%s"), entry->name, entry->fingerprint);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  Decision *decision = g_new0 (Decision, 1);

  decision->self = g_object_ref (self);
  decision->public_key = g_strdup (entry->public_key);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "refuse", _("_Refuse"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "refuse", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), decision, decision_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (AdwActionRow *row,
                  L4aKeysGroup *self)
{
  g_autoptr(L4aRosterEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  entry = l4a_trust_find (self->store, g_ptr_array_index (self->keys, index), &error);
  if (entry == NULL)
    {
      show_error (self, error->message);
      return;
    }
  decide (self, entry);
}

void
l4a_keys_group_refresh (L4aKeysGroup *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (L4A_IS_KEYS_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->keys, 0);
  self->n_waiting = 0;
  if (self->store != NULL && l4a_store_get_role (self->store) == L4A_ROLE_SECRETARIAT)
    entries = l4a_trust_list (self->store, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      L4aRosterEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (entry->status != L4A_KEY_STATUS_PENDING || entry->role != self->role)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
      /* translators: a key's fingerprint · when it was asked for */
      {
        g_autofree char *asked = l4a_format_time (entry->requested_at);

        subtitle = g_strdup_printf (_("%s · asked %s"), entry->fingerprint, asked ? asked : "");
      }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->keys, g_strdup (entry->public_key));
      self->n_waiting++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_waiting > 0);
}

guint
l4a_keys_group_get_n_waiting (L4aKeysGroup *self)
{
  g_return_val_if_fail (L4A_IS_KEYS_GROUP (self), 0);

  return self->n_waiting;
}

void
l4a_keys_group_set_store (L4aKeysGroup *self,
                          L4aStore     *store)
{
  g_return_if_fail (L4A_IS_KEYS_GROUP (self));

  g_set_object (&self->store, store);
  l4a_keys_group_refresh (self);
}

static void
l4a_keys_group_dispose (GObject *object)
{
  L4aKeysGroup *self = (L4aKeysGroup *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_keys_group_parent_class)->dispose (object);
}

static void
l4a_keys_group_set_role (L4aKeysGroup *self,
                         L4aRole       role)
{
  self->role = role;
  adw_preferences_group_set_description (self->group,
                                         role == L4A_ROLE_MEMBER
                                         ? _("Board members’ workstations that ask to be trusted. Compare each "
                                             "fingerprint with the member by another channel before approving it.")
                                         : _("Local governments’ workstations that ask to be trusted. Compare each "
                                             "fingerprint with the government by another channel before approving "
                                             "it."));
}

static void
l4a_keys_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  L4aKeysGroup *self = L4A_KEYS_GROUP (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_keys_group_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  L4aKeysGroup *self = L4A_KEYS_GROUP (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      l4a_keys_group_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_keys_group_class_init (L4aKeysGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_keys_group_dispose;
  object_class->get_property = l4a_keys_group_get_property;
  object_class->set_property = l4a_keys_group_set_property;

  /**
   * L4aKeysGroup:role:
   *
   * Whose enrolment requests the group shows: board members' or local
   * governments'.
   */
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, L4A_TYPE_ROLE, L4A_ROLE_MEMBER,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
l4a_keys_group_init (L4aKeysGroup *self)
{
  self->rows = g_ptr_array_new ();
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Enrolment Requests"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * l4a_keys_group_new:
 * @role: whose enrolment requests it shows
 */
GtkWidget *
l4a_keys_group_new (L4aRole role)
{
  return g_object_new (L4A_TYPE_KEYS_GROUP, "role", role, NULL);
}
