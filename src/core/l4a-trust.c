/* l4a-trust.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who wrote a bundle, proved by its signature and judged against the
 * roster of keys this workstation knows (docs/bundle-format.md,
 * "Signatures"). The World Secretariat is the root of trust: its key is
 * confirmed by the user on first contact (or reached from a confirmed one
 * by a rotation statement), and the roster it signs tells every other
 * workstation which key stands for which member or government.
 */

#define G_LOG_DOMAIN "l4a-trust"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-store-private.h"
#include "l4a-trust.h"

#define ROTATION_PREFIX "local4action-rotation:"
#define MAX_NAME        200

G_DEFINE_QUARK (l4a-trust-error-quark, l4a_trust_error)

static const char * const statuses[] = { "pending", "approved", "revoked", NULL };

const char *
l4a_key_status_to_string (L4aKeyStatus status)
{
  g_return_val_if_fail (status <= L4A_KEY_STATUS_REVOKED, NULL);
  return statuses[status];
}

const char *
l4a_key_status_get_label (L4aKeyStatus status)
{
  switch (status)
    {
    case L4A_KEY_STATUS_PENDING:
      /* translators: the state of a key: an enrolment request not yet approved */
      return C_("key", "Waiting for approval");
    case L4A_KEY_STATUS_APPROVED:
      return C_("key", "Approved");
    case L4A_KEY_STATUS_REVOKED:
      return C_("key", "Revoked");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
l4a_roster_entry_free (L4aRosterEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->public_key);
  g_free (entry->fingerprint);
  g_free (entry->actor_id);
  g_free (entry->name);
  g_free (entry->requested_at);
  g_free (entry->approved_at);
  g_free (entry->revoked_at);
  g_free (entry->replaces);
  g_free (entry);
}

static const char *
own_key (L4aStore *store)
{
  L4aKey *key = l4a_store_get_key (store, NULL);

  return key ? l4a_key_get_public (key) : NULL;
}

/* the name as this database knows the member or government, else as the
 * key's enrolment request gave it */
#define ENTRY_COLUMNS "public_key, role, actor_id, coalesce (CASE role " \
  "WHEN 'member' THEN (SELECT m.name FROM member m WHERE m.id = actor_id) " \
  "WHEN 'government' THEN (SELECT g.name FROM government g WHERE g.id = actor_id) END, name), " \
  "status, requested_at, approved_at, revoked_at, replaces"

static L4aRosterEntry *
entry_from_row (L4aStore     *store,
                sqlite3_stmt *stmt)
{
  L4aRosterEntry *entry = g_new0 (L4aRosterEntry, 1);
  const char *status = (const char *) sqlite3_column_text (stmt, 4);

  entry->public_key = l4a_store_column_dup (stmt, 0);
  entry->fingerprint = l4a_key_fingerprint (entry->public_key);
  if (entry->fingerprint == NULL)
    entry->fingerprint = g_strdup (entry->public_key);
  l4a_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &entry->role);
  entry->actor_id = l4a_store_column_dup (stmt, 2);
  entry->name = l4a_store_column_dup (stmt, 3);
  for (guint i = 0; statuses[i]; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      entry->status = i;
  entry->requested_at = l4a_store_column_dup (stmt, 5);
  entry->approved_at = l4a_store_column_dup (stmt, 6);
  entry->revoked_at = l4a_store_column_dup (stmt, 7);
  entry->replaces = l4a_store_column_dup (stmt, 8);
  entry->own = g_strcmp0 (entry->public_key, own_key (store)) == 0;
  return entry;
}

static L4aRosterEntry *
find_key (L4aStore   *store,
          const char *public_key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store, "SELECT " ENTRY_COLUMNS " FROM roster_key WHERE public_key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, public_key, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? entry_from_row (store, stmt) : NULL;
}

/**
 * l4a_trust_find_for:
 *
 * Returns: (transfer full) (nullable): the key approved last for @role
 *   and @actor_id (%NULL for the secretariat), not revoked
 */
L4aRosterEntry *
l4a_trust_find_for (L4aStore   *store,
                    L4aRole     role,
                    const char *actor_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store, "SELECT " ENTRY_COLUMNS " FROM roster_key WHERE role = ?1 AND "
                                   "actor_id IS ?2 AND status = 'approved' "
                                   "ORDER BY approved_at DESC, public_key LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, l4a_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, actor_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? entry_from_row (store, stmt) : NULL;
}

/**
 * l4a_trust_find_any_for:
 *
 * Returns: (transfer full) (nullable): the key that says most of @role and
 *   @actor_id: an approved one, else one waiting, else a revoked one
 */
L4aRosterEntry *
l4a_trust_find_any_for (L4aStore   *store,
                        L4aRole     role,
                        const char *actor_id)
{
  sqlite3_stmt *stmt;
  L4aRosterEntry *entry = NULL;

  stmt = l4a_store_prepare_cached (store, "SELECT " ENTRY_COLUMNS " FROM roster_key WHERE role = ?1 AND "
                                          "actor_id IS ?2 ORDER BY status = 'approved' DESC, "
                                          "status = 'pending' DESC, approved_at DESC, public_key LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, l4a_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, actor_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = entry_from_row (store, stmt);
  sqlite3_reset (stmt);
  return entry;
}

/* The name of a member or government as this database knows it. */
static char *
name_of (L4aStore   *store,
         L4aRole     role,
         const char *actor_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (role == L4A_ROLE_SECRETARIAT || actor_id == NULL)
    return g_strdup (l4a_role_get_label (L4A_ROLE_SECRETARIAT));
  stmt = l4a_store_prepare_cached (store, role == L4A_ROLE_MEMBER ? "SELECT name FROM member WHERE id = ?1"
                                                                  : "SELECT name FROM government WHERE id = ?1",
                                   NULL);
  if (stmt == NULL)
    return g_strdup (actor_id);
  sqlite3_bind_text (stmt, 1, actor_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = l4a_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name ? name : g_strdup (actor_id);
}

/* "Quito (Local government)" or "the World Secretariat" */
static char *
describe (L4aStore   *store,
          L4aRole     role,
          const char *actor_id)
{
  g_autofree char *name = NULL;

  if (role == L4A_ROLE_SECRETARIAT)
    /* translators: who wrote or signed a bundle, as in "Signed by the World Secretariat" */
    return g_strdup (_("the World Secretariat"));
  name = name_of (store, role, actor_id);
  /* translators: who wrote a bundle, then their role, e.g. Quito (Local government) */
  return g_strdup_printf (_("%s (%s)"), name, l4a_role_get_label (role));
}

/* The secretariat's key an official build carries (meson option
 * secretariat_key), or NULL. */
static const char *
built_in_key (void)
{
  return l4a_key_is_public (L4A_SECRETARIAT_KEY) ? L4A_SECRETARIAT_KEY : NULL;
}

static gboolean
has_confirmed_secretariat (L4aStore *store)
{
  g_autoptr(L4aRosterEntry) entry = l4a_trust_find_for (store, L4A_ROLE_SECRETARIAT, NULL);

  return entry != NULL || built_in_key () != NULL;
}

/* The rotation statement of the roster entry @object, if it is one: a
 * secretariat key approved here signed "local4action-rotation:" followed
 * by the new key. */
static gboolean
rotation_holds (L4aStore   *store,
                JsonObject *object)
{
  const char *key = json_object_get_string_member_with_default (object, "public_key", NULL);
  const char *replaces = json_object_get_string_member_with_default (object, "replaces", NULL);
  const char *statement = json_object_get_string_member_with_default (object, "statement", NULL);
  g_autoptr(L4aRosterEntry) old = NULL;
  g_autofree char *text = NULL;

  if (key == NULL || replaces == NULL || statement == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "role", NULL), "secretariat") != 0)
    return FALSE;
  old = find_key (store, replaces);
  if ((old == NULL || old->role != L4A_ROLE_SECRETARIAT || old->status != L4A_KEY_STATUS_APPROVED) &&
      !(old == NULL && g_strcmp0 (replaces, built_in_key ()) == 0))
    return FALSE;
  text = g_strconcat (ROTATION_PREFIX, key, NULL);
  return l4a_key_verify (replaces, text, strlen (text), statement);
}

/* The bundle's roster, parsed when asked for (a bundle keeps only its
 * text): the list, or what stands in its place if it is not one. */
static JsonNode *
roster_node (L4aBundle *bundle)
{
  JsonNode *node;

  if (l4a_bundle_get_list (bundle, FALSE, "roster") != NULL)
    return l4a_bundle_dup_list (bundle, "roster", NULL);
  node = json_object_get_member (json_node_get_object (bundle->head), "roster");
  return node != NULL ? json_node_ref (node) : NULL;
}

/* A secretariat key the bundle's own roster introduces by a rotation from
 * a key approved here. */
static gboolean
rotated_to (L4aStore   *store,
            L4aBundle  *bundle,
            const char *key)
{
  g_autoptr(JsonNode) node = roster_node (bundle);
  JsonArray *roster = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; roster != NULL && i < json_array_get_length (roster); i++)
    {
      JsonObject *object = json_array_get_object_element (roster, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "public_key", NULL), key) == 0 &&
          rotation_holds (store, object))
        return TRUE;
    }
  return FALSE;
}

static gboolean
identify_enrolment (L4aBundle  *bundle,
                    GError    **error)
{
  JsonNode *node = json_object_get_member (json_node_get_object (bundle->head), "enrolment");
  JsonObject *enrolment = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (enrolment == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (enrolment, "public_key", NULL), bundle->signer_key) != 0)
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_MISMATCH,
                           _("The enrolment request is not signed with the key it asks to enrol."));
      return FALSE;
    }
  if (!l4a_role_from_string (bundle->origin_role, &bundle->signer_role) ||
      bundle->signer_role == L4A_ROLE_SECRETARIAT || !l4a_is_uuid (bundle->origin_actor) ||
      g_strcmp0 (json_object_get_string_member_with_default (enrolment, "role", NULL), bundle->origin_role) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (enrolment, "actor", NULL), bundle->origin_actor) != 0)
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_MISMATCH,
                           _("The enrolment request does not say the same member or government in its origin and "
                             "in its request."));
      return FALSE;
    }
  bundle->signer_actor = g_strdup (bundle->origin_actor);
  bundle->identified = TRUE;
  return TRUE;
}

/**
 * l4a_trust_identify:
 *
 * Judges who signed @bundle: its key must be this workstation's own, an
 * approved key of the roster not revoked before the bundle was written,
 * or a secretariat key reached by rotation from one approved here; and it
 * must stand for the role and the member or government the bundle's origin
 * names. Sets @bundle's signer role and actor, which the importer acts
 * for. The application's own sample data needs no signature.
 *
 * Returns: %TRUE if the bundle may be imported as from its signer
 */
gboolean
l4a_trust_identify (L4aStore   *store,
                    L4aBundle  *bundle,
                    GError    **error)
{
  g_autoptr(L4aRosterEntry) entry = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *claimed = NULL;
  g_autofree char *actual = NULL;
  L4aRole claimed_role;
  const char *own;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (bundle != NULL, FALSE);

  g_clear_pointer (&bundle->signer_actor, g_free);
  bundle->identified = FALSE;
  if (bundle->builtin)
    {
      l4a_role_from_string (bundle->origin_role, &bundle->signer_role);
      bundle->signer_actor = g_strdup (bundle->origin_actor);
      bundle->identified = TRUE;
      return TRUE;
    }
  if (bundle->signer_key == NULL)
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNSIGNED,
                           _("The bundle is not signed, so nothing proves who wrote it. Ask the sender to export "
                             "it again with an up-to-date Local4Action Hubs."));
      return FALSE;
    }
  fingerprint = l4a_key_fingerprint (bundle->signer_key);
  if (g_strcmp0 (bundle->kind, "enrolment") == 0)
    return identify_enrolment (bundle, error);

  own = own_key (store);
  entry = find_key (store, bundle->signer_key);
  if (g_strcmp0 (own, bundle->signer_key) == 0)
    {
      /* this workstation's own bundle: it speaks for whom it acts as now */
      bundle->signer_role = l4a_store_get_role (store);
      bundle->signer_actor = g_strdup (bundle->signer_role == L4A_ROLE_SECRETARIAT
                                       ? NULL : l4a_store_get_identity (store));
    }
  else if (entry != NULL && entry->status == L4A_KEY_STATUS_PENDING)
    {
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNKNOWN,
                   _("The bundle is signed with key %s, whose enrolment request has not been approved yet."),
                   fingerprint);
      return FALSE;
    }
  else if (entry != NULL && entry->status == L4A_KEY_STATUS_REVOKED &&
           g_strcmp0 (entry->revoked_at, bundle->created_at) <= 0)
    {
      g_autofree char *who = describe (store, entry->role, entry->actor_id);

      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_REVOKED,
                   /* translators: a key's fingerprint, who it was of, a date and time */
                   _("The bundle is signed with key %s of %s, which was revoked on %s, before the bundle was "
                     "written."), fingerprint, who, entry->revoked_at);
      return FALSE;
    }
  else if (entry != NULL)
    {
      bundle->signer_role = entry->role;
      bundle->signer_actor = g_strdup (entry->actor_id);
    }
  else if (g_strcmp0 (bundle->signer_key, built_in_key ()) == 0)
    bundle->signer_role = L4A_ROLE_SECRETARIAT;
  else if (g_strcmp0 (bundle->origin_role, "secretariat") == 0 && rotated_to (store, bundle, bundle->signer_key))
    bundle->signer_role = L4A_ROLE_SECRETARIAT;
  else if (g_strcmp0 (bundle->origin_role, "secretariat") == 0 && !has_confirmed_secretariat (store))
    {
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNCONFIRMED,
                   _("The bundle says it comes from the World Secretariat, signed with key %s. This workstation "
                     "does not know the secretariat’s key yet: compare this fingerprint with the one the "
                     "secretariat publishes, and confirm it only if they are the same."), fingerprint);
      return FALSE;
    }
  else if (g_strcmp0 (bundle->origin_role, "secretariat") == 0)
    {
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNKNOWN,
                   _("The bundle says it comes from the World Secretariat, but it is signed with key %s, which is "
                     "not the secretariat’s key known here."), fingerprint);
      return FALSE;
    }
  else
    {
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNKNOWN,
                   _("The bundle is signed with key %s, which is not in this workstation’s roster: the World "
                     "Secretariat must approve its enrolment first."), fingerprint);
      return FALSE;
    }

  /* the key must stand for whom the bundle says it comes from */
  if (!l4a_role_from_string (bundle->origin_role, &claimed_role) || claimed_role != bundle->signer_role ||
      (claimed_role != L4A_ROLE_SECRETARIAT && g_strcmp0 (bundle->origin_actor, bundle->signer_actor) != 0))
    {
      claimed = l4a_role_from_string (bundle->origin_role, &claimed_role)
                ? describe (store, claimed_role, bundle->origin_actor) : g_strdup (bundle->origin_role);
      actual = describe (store, bundle->signer_role, bundle->signer_actor);
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_MISMATCH,
                   /* translators: who a bundle says it is from; a key's fingerprint; who the key is of */
                   _("The bundle says it comes from %s, but it is signed with key %s of %s."), claimed, fingerprint,
                   actual);
      g_clear_pointer (&bundle->signer_actor, g_free);
      return FALSE;
    }
  bundle->identified = TRUE;
  return TRUE;
}

/**
 * l4a_trust_describe_signer:
 *
 * Returns: (transfer full): who signed @bundle, in words: "Signed by the
 *   World Secretariat, key 4F2A 91C3 …, checked"
 */
char *
l4a_trust_describe_signer (L4aStore  *store,
                           L4aBundle *bundle)
{
  g_autofree char *who = NULL;
  g_autofree char *fingerprint = NULL;

  if (bundle->builtin)
    return g_strdup (_("The application’s own sample data"));
  if (bundle->signer_key == NULL)
    return g_strdup (_("Not signed"));
  fingerprint = l4a_key_fingerprint (bundle->signer_key);
  if (!bundle->identified)
    /* translators: a key's fingerprint */
    return g_strdup_printf (_("Signed with key %s, not trusted here"), fingerprint);
  who = describe (store, bundle->signer_role, bundle->signer_actor);
  /* translators: who signed a bundle, then the fingerprint of their key */
  return g_strdup_printf (_("Signed by %s, key %s, checked"), who, fingerprint);
}

/* ---------------------------------------------------------------------------
 * The roster a bundle carries
 */

static gboolean
roster_error (GError     **error,
              guint        index,
              const char  *member)
{
  g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_ROSTER,
               /* translators: a position in a list, then the name of a field */
               _("Key %u of the bundle’s roster: its “%s” is missing or not valid."), index + 1, member);
  return FALSE;
}

static gboolean
optional_timestamp (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ||
         (json_node_get_value_type (node) == G_TYPE_STRING && l4a_is_timestamp (json_node_get_string (node)));
}

static const char *
optional_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static gboolean
is_null_or_absent (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/**
 * l4a_trust_check_roster:
 *
 * Checks the shape of the roster @bundle carries, if any: each entry a
 * key, a role, a member or government id where the role needs one, a
 * status of "approved" or "revoked", dates, a name of sane length.
 */
gboolean
l4a_trust_check_roster (L4aBundle  *bundle,
                        GError    **error)
{
  g_autoptr(JsonNode) node = roster_node (bundle);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *roster;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_ROSTER, _("The bundle’s roster is not a list."));
      return FALSE;
    }
  roster = json_node_get_array (node);
  if (json_array_get_length (roster) > L4A_BUNDLE_MAX_RECORDS)
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_ROSTER, _("The bundle’s roster is too long."));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (roster); i++)
    {
      JsonNode *element = json_array_get_element (roster, i);
      JsonObject *object;
      const char *key, *role, *actor, *status, *name;
      L4aRole parsed;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return roster_error (error, i, "public_key");
      object = json_node_get_object (element);
      key = optional_string (object, "public_key");
      role = optional_string (object, "role");
      actor = optional_string (object, "actor");
      status = optional_string (object, "status");
      name = optional_string (object, "name");
      if (!l4a_key_is_public (key) || !g_hash_table_add (seen, (gpointer) key))
        return roster_error (error, i, "public_key");
      if (!l4a_role_from_string (role, &parsed))
        return roster_error (error, i, "role");
      if (parsed == L4A_ROLE_SECRETARIAT ? !is_null_or_absent (object, "actor") : !l4a_is_uuid (actor))
        return roster_error (error, i, "actor");
      if (g_strcmp0 (status, "approved") != 0 && g_strcmp0 (status, "revoked") != 0)
        return roster_error (error, i, "status");
      if (name == NULL || g_utf8_strlen (name, -1) > MAX_NAME)
        return roster_error (error, i, "name");
      if (!optional_timestamp (object, "approved_at"))
        return roster_error (error, i, "approved_at");
      if (!optional_timestamp (object, "revoked_at") ||
          (g_str_equal (status, "revoked") != (optional_string (object, "revoked_at") != NULL)))
        return roster_error (error, i, "revoked_at");
      if (!is_null_or_absent (object, "replaces") && !l4a_key_is_public (optional_string (object, "replaces")))
        return roster_error (error, i, "replaces");
      if (!is_null_or_absent (object, "statement") &&
          (optional_string (object, "statement") == NULL ||
           strlen (optional_string (object, "statement")) != L4A_KEY_SIGNATURE_LENGTH))
        return roster_error (error, i, "statement");
    }
  return TRUE;
}

static gboolean
upsert (L4aStore   *store,
        JsonObject *object,
        gboolean    sample,
        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *status = optional_string (object, "status");

  /* an approved key stays approved and a revoked one revoked: a roster
   * never brings a revoked key back, nor demotes one to pending */
  stmt = l4a_store_prepare (store,
                            "INSERT INTO roster_key (public_key, role, actor_id, name, status, approved_at, "
                            "revoked_at, replaces, statement, sample) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                            "ON CONFLICT (public_key) DO UPDATE SET role = excluded.role, "
                            "actor_id = excluded.actor_id, name = excluded.name, "
                            "approved_at = coalesce (roster_key.approved_at, excluded.approved_at), "
                            "replaces = coalesce (roster_key.replaces, excluded.replaces), "
                            "statement = coalesce (roster_key.statement, excluded.statement), "
                            "status = CASE WHEN roster_key.status = 'revoked' THEN 'revoked' ELSE excluded.status END, "
                            "revoked_at = CASE WHEN roster_key.status = 'revoked' THEN roster_key.revoked_at "
                            "ELSE excluded.revoked_at END", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, optional_string (object, "public_key"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, optional_string (object, "role"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, g_strcmp0 (optional_string (object, "role"), "secretariat") == 0
                              ? NULL : optional_string (object, "actor"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, optional_string (object, "name"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, optional_string (object, "approved_at"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, optional_string (object, "revoked_at"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, optional_string (object, "replaces"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, optional_string (object, "statement"), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, sample);
  return l4a_store_step_done (store, stmt, NULL, error);
}

/**
 * l4a_trust_merge_roster:
 *
 * Takes the roster a bundle from the secretariat carries: keys of members
 * and governments, their revocations, and secretariat keys that this
 * workstation already trusts or reaches by a rotation statement. A roster
 * from anyone else is ignored. Call inside the import's transaction.
 */
gboolean
l4a_trust_merge_roster (L4aStore   *store,
                        L4aBundle  *bundle,
                        GError    **error)
{
  g_autoptr(JsonNode) node = roster_node (bundle);
  JsonArray *roster = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (roster == NULL || !bundle->identified || bundle->signer_role != L4A_ROLE_SECRETARIAT ||
      bundle->builtin || g_strcmp0 (bundle->signer_key, own_key (store)) == 0)
    return TRUE;

  /* rotations first, so that the keys they introduce are trusted below */
  for (guint i = 0; i < json_array_get_length (roster); i++)
    {
      JsonObject *object = json_array_get_object_element (roster, i);

      if (rotation_holds (store, object) &&
          (!upsert (store, object, FALSE, error) ||
           !l4a_store_audit (store, "rotate-key", "roster_key", optional_string (object, "public_key"), NULL, error)))
        return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (roster); i++)
    {
      JsonObject *object = json_array_get_object_element (roster, i);
      const char *key = optional_string (object, "public_key");
      g_autoptr(L4aRosterEntry) here = find_key (store, key);
      gboolean sample = json_object_get_boolean_member_with_default (object, "sample", FALSE);

      /* a secretariat key counts only if it is trusted here already (its
       * revocation), or it signed this very bundle */
      if (g_strcmp0 (optional_string (object, "role"), "secretariat") == 0 && here == NULL &&
          g_strcmp0 (key, bundle->signer_key) != 0)
        continue;
      if (here != NULL && here->role == L4A_ROLE_SECRETARIAT &&
          g_strcmp0 (optional_string (object, "role"), "secretariat") != 0)
        continue;
      if (!upsert (store, object, sample, error))
        return FALSE;
    }
  return TRUE;
}

static void
set_optional (JsonObject *object,
              const char *member,
              const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/**
 * l4a_trust_roster_node:
 *
 * Returns: (transfer full): the roster as bundles carry it: every approved
 *   or revoked key, in the order of their keys
 */
JsonNode *
l4a_trust_roster_node (L4aStore  *store,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *array;
  JsonNode *node;
  int rc;

  stmt = l4a_store_prepare (store, "SELECT public_key, role, actor_id, name, status, approved_at, revoked_at, "
                                   "replaces, statement, sample FROM roster_key WHERE status <> 'pending' "
                                   "ORDER BY public_key", error);
  if (stmt == NULL)
    return NULL;
  array = json_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "public_key", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (object, "role", (const char *) sqlite3_column_text (stmt, 1));
      set_optional (object, "actor", (const char *) sqlite3_column_text (stmt, 2));
      json_object_set_string_member (object, "name", (const char *) sqlite3_column_text (stmt, 3));
      json_object_set_string_member (object, "status", (const char *) sqlite3_column_text (stmt, 4));
      set_optional (object, "approved_at", (const char *) sqlite3_column_text (stmt, 5));
      set_optional (object, "revoked_at", (const char *) sqlite3_column_text (stmt, 6));
      set_optional (object, "replaces", (const char *) sqlite3_column_text (stmt, 7));
      set_optional (object, "statement", (const char *) sqlite3_column_text (stmt, 8));
      json_object_set_boolean_member (object, "sample", sqlite3_column_int (stmt, 9) != 0);
      json_array_add_object_element (array, object);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  if (!l4a_store_rows_done (store, rc, error))
    g_clear_pointer (&node, json_node_unref);
  return node;
}

/**
 * l4a_trust_prepare_export:
 *
 * Before a secretariat workstation writes a bundle: its own key is in its
 * roster as a secretariat key, so the roster it sends names it.
 */
gboolean
l4a_trust_prepare_export (L4aStore  *store,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  L4aKey *key;

  if (l4a_store_get_role (store) != L4A_ROLE_SECRETARIAT)
    return TRUE;
  key = l4a_store_get_key (store, error);
  if (key == NULL)
    return FALSE;
  {
    g_autoptr(L4aRosterEntry) here = find_key (store, l4a_key_get_public (key));

    if (here != NULL)
      return TRUE;
  }
  now = l4a_now_iso8601 ();
  stmt = l4a_store_prepare (store, "INSERT INTO roster_key (public_key, role, name, status, approved_at) "
                                   "VALUES (?1, 'secretariat', ?2, 'approved', ?3) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, l4a_key_get_public (key), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, l4a_role_get_label (L4A_ROLE_SECRETARIAT), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return l4a_store_begin (store, error) && l4a_store_end (store, l4a_store_step_done (store, stmt, NULL, error), error);
}

/**
 * l4a_trust_recipient_key:
 * @public_key: (out) (transfer full): the key to seal for, or %NULL when a
 *   bundle of @kind is for everyone
 *
 * Which key a bundle of @kind is sealed for: a review packet for its
 * member's, decisions for one government for that government's; a
 * submission, monitoring or reviews bundle for the secretariat's.
 *
 * Returns: %FALSE if the bundle has a reader whose key is not known here
 */
gboolean
l4a_trust_recipient_key (L4aStore    *store,
                         const char  *kind,
                         const char  *for_id,
                         char       **public_key,
                         GError     **error)
{
  g_autoptr(L4aRosterEntry) entry = NULL;
  L4aRole role;

  *public_key = NULL;
  if (g_strv_contains ((const char *[]) { "submission", "monitoring", "reviews", NULL }, kind))
    role = L4A_ROLE_SECRETARIAT, for_id = NULL;
  else if (g_str_equal (kind, "review-packet") && for_id != NULL)
    role = L4A_ROLE_MEMBER;
  else if (g_str_equal (kind, "decisions") && for_id != NULL)
    role = L4A_ROLE_GOVERNMENT;
  else
    return TRUE;

  entry = l4a_trust_find_for (store, role, for_id);
  if (entry == NULL && role == L4A_ROLE_SECRETARIAT && built_in_key () != NULL)
    {
      *public_key = g_strdup (built_in_key ());
      return TRUE;
    }
  if (entry == NULL && role == L4A_ROLE_SECRETARIAT)
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NO_KEY,
                           _("This workstation does not know the World Secretariat’s key yet, so it cannot seal the "
                             "bundle for it: import a bundle from the secretariat (its registry) and confirm its "
                             "fingerprint first."));
      return FALSE;
    }
  if (entry == NULL)
    {
      g_autofree char *who = describe (store, role, for_id);

      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NO_KEY,
                   /* translators: a member or government and its role */
                   _("%s has no approved key, so the bundle cannot be sealed for them: import their enrolment "
                     "request and approve it first."), who);
      return FALSE;
    }
  *public_key = g_strdup (entry->public_key);
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Changing the roster
 */

/**
 * l4a_trust_confirm_secretariat:
 *
 * Records @public_key as the World Secretariat's, after the user compared
 * its fingerprint with the one the secretariat publishes.
 */
gboolean
l4a_trust_confirm_secretariat (L4aStore    *store,
                               const char  *public_key,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  gboolean ok;

  if (!l4a_key_is_public (public_key))
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NOT_FOUND, _("That is not a key."));
      return FALSE;
    }
  if (!l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "INSERT INTO roster_key (public_key, role, name, status, approved_at) "
                                   "VALUES (?1, 'secretariat', ?2, 'approved', ?3) ON CONFLICT (public_key) DO UPDATE "
                                   "SET role = 'secretariat', actor_id = NULL, status = 'approved', "
                                   "approved_at = excluded.approved_at, revoked_at = NULL "
                                   "WHERE roster_key.status = 'pending'", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, public_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, l4a_role_get_label (L4A_ROLE_SECRETARIAT), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      ok = l4a_store_step_done (store, stmt, NULL, error) &&
           l4a_store_audit (store, "confirm-key", "roster_key", public_key, NULL, error);
    }
  return l4a_store_end (store, ok, error);
}

static JsonObject *
enrolment_of (L4aBundle *bundle)
{
  JsonNode *node = json_object_get_member (json_node_get_object (bundle->head), "enrolment");

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * l4a_trust_check_enrolment:
 * @entry: (out) (optional) (transfer full): the key as it is here, if it is
 *
 * Checks an enrolment request against this workstation: only the
 * secretariat takes them, and the request must be well formed.
 */
gboolean
l4a_trust_check_enrolment (L4aStore        *store,
                           L4aBundle       *bundle,
                           L4aRosterEntry **entry,
                           GError         **error)
{
  JsonObject *enrolment = enrolment_of (bundle);
  const char *name;

  if (entry != NULL)
    *entry = NULL;
  if (l4a_store_get_role (store) != L4A_ROLE_SECRETARIAT)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Only the World Secretariat takes enrolment requests."));
      return FALSE;
    }
  if (!l4a_trust_identify (store, bundle, error))
    return FALSE;
  name = enrolment ? optional_string (enrolment, "name") : NULL;
  if (name == NULL || g_utf8_strlen (name, -1) > MAX_NAME)
    {
      g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_ROSTER,
                           _("The enrolment request: its “name” is missing or too long."));
      return FALSE;
    }
  if (entry != NULL)
    *entry = find_key (store, bundle->signer_key);
  return TRUE;
}

/**
 * l4a_trust_add_enrolment:
 *
 * Records an enrolment request as a key waiting for approval. A key that
 * is known already is left as it is. Call inside the import's transaction.
 */
gboolean
l4a_trust_add_enrolment (L4aStore   *store,
                         L4aBundle  *bundle,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *enrolment = enrolment_of (bundle);

  stmt = l4a_store_prepare (store, "INSERT INTO roster_key (public_key, role, actor_id, name, status, requested_at) "
                                   "VALUES (?1, ?2, ?3, ?4, 'pending', ?5) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bundle->signer_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bundle->origin_role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bundle->origin_actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, optional_string (enrolment, "name"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, bundle->created_at, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, NULL, error) &&
         l4a_store_audit (store, "enrol", "roster_key", bundle->signer_key, NULL, error);
}

/**
 * l4a_trust_enrolment_node:
 *
 * Returns: (transfer full): this workstation's enrolment request: its key
 *   and the member or government it acts as
 */
JsonNode *
l4a_trust_enrolment_node (L4aStore  *store,
                          GError   **error)
{
  L4aRole role = l4a_store_get_role (store);
  const char *identity = l4a_store_get_identity (store);
  g_autofree char *name = NULL;
  L4aKey *key;
  JsonObject *object;
  JsonNode *node;

  if (role == L4A_ROLE_SECRETARIAT || identity == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Only a board member’s or a local government’s workstation asks to be enrolled; choose "
                             "who you are in Preferences first."));
      return NULL;
    }
  key = l4a_store_get_key (store, error);
  if (key == NULL)
    return NULL;
  name = name_of (store, role, identity);
  object = json_object_new ();
  json_object_set_string_member (object, "public_key", l4a_key_get_public (key));
  json_object_set_string_member (object, "role", l4a_role_to_string (role));
  json_object_set_string_member (object, "actor", identity);
  json_object_set_string_member (object, "name", name);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static L4aRosterEntry *
find_by_reference (L4aStore    *store,
                   const char  *reference,
                   GError     **error)
{
  g_autoptr(GString) wanted = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  L4aRosterEntry *found = NULL;

  if (l4a_key_is_public (reference))
    {
      found = find_key (store, reference);
      if (found == NULL)
        g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NOT_FOUND, _("There is no key “%s” in the roster."),
                     reference);
      return found;
    }
  /* a fingerprint, or its start: spaces and case aside */
  for (const char *p = reference; p && *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (wanted, g_ascii_toupper (*p));
    else if (*p != ' ')
      {
        g_string_truncate (wanted, 0);
        break;
      }
  entries = wanted->len >= 4 ? l4a_trust_list (store, error) : NULL;
  if (wanted->len < 4)
    {
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NOT_FOUND,
                   _("“%s” is neither a key nor the start of a fingerprint (at least four of its digits)."),
                   reference);
      return NULL;
    }
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      L4aRosterEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GString) digits = g_string_new (NULL);

      for (const char *p = entry->fingerprint; *p; p++)
        if (*p != ' ')
          g_string_append_c (digits, *p);
      if (g_str_has_prefix (digits->str, wanted->str))
        {
          if (found != NULL)
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_AMBIGUOUS,
                           _("Several keys have a fingerprint that starts with “%s”; give more of it."), reference);
              return NULL;
            }
          found = entry;
        }
    }
  if (found == NULL)
    {
      g_set_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NOT_FOUND,
                   _("No key in the roster has a fingerprint that starts with “%s”."), reference);
      return NULL;
    }
  g_ptr_array_set_free_func (entries, NULL);
  for (guint i = 0; i < entries->len; i++)
    if (g_ptr_array_index (entries, i) != found)
      l4a_roster_entry_free (g_ptr_array_index (entries, i));
  return found;
}

/**
 * l4a_trust_find:
 * @key: a public key, or its fingerprint or the start of it
 *
 * Returns: (transfer full): the roster's entry, or %NULL with @error set
 */
L4aRosterEntry *
l4a_trust_find (L4aStore    *store,
                const char  *key,
                GError     **error)
{
  return find_by_reference (store, key, error);
}

static gboolean
require_secretariat (L4aStore  *store,
                     GError   **error)
{
  if (l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT)
    return TRUE;
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("Only the World Secretariat approves and revokes keys."));
  return FALSE;
}

/* Sets a key's status, with the time in @column, and records @action in the
 * audit log. */
static gboolean
set_status (L4aStore    *store,
            const char  *public_key,
            const char  *status,
            const char  *column,
            const char  *action,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *sql = g_strdup_printf ("UPDATE roster_key SET status = ?3, %s = ?2 WHERE public_key = ?1", column);

  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, public_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, NULL, error) &&
         l4a_store_audit (store, action, "roster_key", public_key, NULL, error);
}

static gboolean
approve_checked (L4aStore    *store,
                 const char  *reference,
                 GError     **error)
{
  g_autoptr(L4aRosterEntry) entry = NULL;

  if (!require_secretariat (store, error) || (entry = find_by_reference (store, reference, error)) == NULL)
    return FALSE;
  if (entry->status != L4A_KEY_STATUS_PENDING)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a key's fingerprint, then its state */
                   _("Key %s is not waiting for approval: it is %s."), entry->fingerprint,
                   l4a_key_status_get_label (entry->status));
      return FALSE;
    }
  return set_status (store, entry->public_key, "approved", "approved_at", "approve-key", error);
}

/**
 * l4a_trust_approve:
 * @key: a key waiting for approval, or its fingerprint or the start of it
 *
 * The secretariat approves an enrolment request, after comparing the
 * fingerprint with the person by another channel.
 */
gboolean
l4a_trust_approve (L4aStore    *store,
                   const char  *key,
                   GError     **error)
{
  return l4a_store_begin (store, error) && l4a_store_end (store, approve_checked (store, key, error), error);
}

static gboolean
revoke_checked (L4aStore    *store,
                const char  *reference,
                GError     **error)
{
  g_autoptr(L4aRosterEntry) entry = NULL;

  if (!require_secretariat (store, error) || (entry = find_by_reference (store, reference, error)) == NULL)
    return FALSE;
  if (entry->status == L4A_KEY_STATUS_REVOKED)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("Key %s is revoked already."),
                   entry->fingerprint);
      return FALSE;
    }
  if (entry->own)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("This is this workstation’s own key: rotate it instead, so that the others learn the "
                             "new one."));
      return FALSE;
    }
  return set_status (store, entry->public_key, "revoked", "revoked_at", "revoke-key", error);
}

/**
 * l4a_trust_revoke:
 * @key: a key, or its fingerprint or the start of it
 *
 * The secretariat revokes a lost or stolen key: bundles it signs from now
 * on are refused everywhere the roster reaches.
 */
gboolean
l4a_trust_revoke (L4aStore    *store,
                  const char  *key,
                  GError     **error)
{
  return l4a_store_begin (store, error) && l4a_store_end (store, revoke_checked (store, key, error), error);
}

/**
 * l4a_trust_rotate:
 *
 * Gives the secretariat's workstation a new key. The old key signs a
 * statement naming the new one, which travels in the roster, so that every
 * workstation that trusts the old key takes the new one; the old key is
 * revoked from now on.
 */
gboolean
l4a_trust_rotate (L4aStore  *store,
                  GError   **error)
{
  g_autoptr(L4aKey) next = l4a_key_generate ();
  g_autoptr(L4aKey) previous = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *text = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (!require_secretariat (store, error) || !l4a_trust_prepare_export (store, error))
    return FALSE;
  previous = l4a_key_ref (l4a_store_get_key (store, error));
  text = g_strconcat (ROTATION_PREFIX, l4a_key_get_public (next), NULL);
  statement = l4a_key_sign (previous, text, strlen (text));

  if (!l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "INSERT INTO roster_key (public_key, role, name, status, approved_at, replaces, "
                                   "statement) VALUES (?1, 'secretariat', ?2, 'approved', ?3, ?4, ?5)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, l4a_key_get_public (next), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, l4a_role_get_label (L4A_ROLE_SECRETARIAT), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, l4a_key_get_public (previous), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, statement, -1, SQLITE_STATIC);
      ok = l4a_store_step_done (store, stmt, NULL, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok)
    {
      stmt = l4a_store_prepare (store, "UPDATE roster_key SET status = 'revoked', revoked_at = ?2 "
                                       "WHERE public_key = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, l4a_key_get_public (previous), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      ok = l4a_store_step_done (store, stmt, NULL, error) &&
           l4a_store_audit (store, "rotate-key", "roster_key", l4a_key_get_public (next), NULL, error);
    }
  /* the new key file last: if it cannot be written, nothing changed */
  path = l4a_store_dup_key_path (store);
  ok = ok && l4a_key_save (next, path, error);
  if (!l4a_store_end (store, ok, error))
    {
      if (ok)
        l4a_key_save (previous, path, NULL);
      return FALSE;
    }
  l4a_store_set_key (store, next);
  return TRUE;
}

/**
 * l4a_trust_add_sample:
 *
 * Approves the sample key of every member and government of the sample
 * data (l4a_key_new_sample()), marked as sample data.
 */
gboolean
l4a_trust_add_sample (L4aStore  *store,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) people = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  int rc;

  people = l4a_store_prepare (store, "SELECT 'member', id, name FROM member WHERE sample = 1 "
                                     "UNION ALL SELECT 'government', id, name FROM government WHERE sample = 1", error);
  insert = people ? l4a_store_prepare (store, "INSERT INTO roster_key (public_key, role, actor_id, name, status, "
                                              "approved_at, sample) VALUES (?1, ?2, ?3, ?4, 'approved', ?5, 1) "
                                              "ON CONFLICT DO NOTHING", error) : NULL;
  if (insert == NULL)
    return FALSE;
  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      g_autoptr(L4aKey) key = l4a_key_new_sample ((const char *) sqlite3_column_text (people, 1));

      sqlite3_bind_text (insert, 1, l4a_key_get_public (key), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, (const char *) sqlite3_column_text (people, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, (const char *) sqlite3_column_text (people, 1), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, (const char *) sqlite3_column_text (people, 2), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 5, now, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, insert, NULL, error))
        return FALSE;
      sqlite3_reset (insert);
    }
  return l4a_store_rows_done (store, rc, error);
}

/**
 * l4a_trust_list:
 *
 * Returns: (transfer full) (element-type L4aRosterEntry): the roster:
 *   keys waiting for approval first, then by role and name
 */
GPtrArray *
l4a_trust_list (L4aStore  *store,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_roster_entry_free);
  int rc;

  stmt = l4a_store_prepare (store, "SELECT " ENTRY_COLUMNS " FROM roster_key ORDER BY status <> 'pending', "
                                   "role <> 'secretariat', role, 4 COLLATE NOCASE, public_key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (store, stmt));
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}
