/* l4a-audit.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the audit log.
 */

#define G_LOG_DOMAIN "l4a-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-labels.h"
#include "l4a-permissions.h"
#include "l4a-records.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* ------------------------------------------------------------------------
 * Audit
 */

void
l4a_audit_entry_free (gpointer data)
{
  L4aAuditEntry *entry = data;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->record_type);
  g_free (entry->record_id);
  g_free (entry->details);
  g_free (entry);
}

/* An entry from a row of seq, at, actor, action, record_type, record_id
 * (never NULL) and details. */
L4aAuditEntry *
l4a_audit_entry_from_row (sqlite3_stmt *stmt)
{
  L4aAuditEntry *entry = g_new0 (L4aAuditEntry, 1);

  entry->seq = sqlite3_column_int64 (stmt, 0);
  entry->at = l4a_store_column_dup (stmt, 1);
  entry->actor = l4a_store_column_dup (stmt, 2);
  entry->action = l4a_store_column_dup (stmt, 3);
  entry->record_type = l4a_store_column_dup (stmt, 4);
  entry->record_id = l4a_store_column_dup (stmt, 5);
  entry->details = l4a_store_column_dup (stmt, 6);
  return entry;
}

/**
 * l4a_audit_list:
 * @record: (nullable): a record type, or the start of a record id
 * @actor: (nullable): text the actor contains
 * @action: (nullable): an action, exactly
 * @limit: the most entries, 0 for all
 *
 * Returns: (transfer full) (element-type L4aAuditEntry): the audit log,
 *   newest first, for the secretariat, or %NULL with @error set
 */
GPtrArray *
l4a_audit_list (L4aStore    *store,
                const char  *record,
                const char  *actor,
                const char  *action,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (l4a_audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_READ_AUDIT, error))
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT seq, at, actor, action, record_type, coalesce (record_id, ''), details FROM audit "
                            "WHERE (?1 IS NULL OR record_type = ?1 OR substr (record_id, 1, length (?1)) = ?1) "
                            "  AND (?2 IS NULL OR instr (lower (actor), lower (?2)) > 0 "
                            /* the actor by the name the log window shows */
                            "       OR (actor = 'secretariat' AND instr (lower (?5), lower (?2)) > 0) "
                            "       OR EXISTS (SELECT 1 FROM member m WHERE actor = 'member:' || m.id "
                            "                  AND instr (lower (m.name), lower (?2)) > 0) "
                            "       OR EXISTS (SELECT 1 FROM government g WHERE actor = 'government:' || g.id "
                            "                  AND instr (lower (g.name), lower (?2)) > 0)) "
                            "  AND (?3 IS NULL OR action = ?3) "
                            "ORDER BY seq DESC LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  if (!l4a_text_is_blank (record))
    sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  if (!l4a_text_is_blank (actor))
    sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_STATIC);
  if (!l4a_text_is_blank (action))
    sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_text (stmt, 5, _("World Secretariat"), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (entries, l4a_audit_entry_from_row (stmt));
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* What each action did, in words; %s is the record. */
static const struct { const char *action, *sentence; } actions[] = {
  { "create", N_("Created %s") },
  { "add", N_("Added %s") },
  { "update", N_("Changed %s") },
  { "delete", N_("Deleted %s") },
  { "restore", N_("Restored %s") },
  { "merge", N_("Merged %s into another") },
  { "save-draft", N_("Saved a draft of %s") },
  { "save", N_("Saved %s") },
  { "submit", N_("Submitted %s") },
  { "withdraw", N_("Withdrew %s") },
  { "revise", N_("Asked for a revision of %s") },
  { "assign", N_("Assigned reviewers to %s") },
  { "unassign", N_("Withdrew a reviewer from %s") },
  { "decide", N_("Recorded the decision on %s") },
  { "release", N_("Released the decision on %s") },
  { "import", N_("Imported %s") },
  { "enrol", N_("Asked to enrol %s") },
  { "confirm-key", N_("Confirmed %s") },
  { "approve-key", N_("Approved %s") },
  { "revoke-key", N_("Revoked %s") },
  { "rotate-key", N_("Replaced %s") },
  { "decline", N_("Declined to review %s") },
  { "ask", N_("Asked the government about %s") },
  { "suggest", N_("Suggested a question about %s") },
  { "answer", N_("Answered a question about %s") },
  { "name-lead", N_("Named the lead reviewer of %s") },
};

/* The record of an entry as the user knows it: "proposal “Heat Action
 * Planning Hub”", "review of “…”", or its kind and the start of its id
 * when it is gone. Table and column names come from the records module's
 * own list, never from the log. */
static char *
record_words (L4aStore            *store,
              const L4aAuditEntry *entry)
{
  const char *type = entry->record_type;
  const char *id = entry->record_id;
  const char *title = l4a_records_title_column (type);
  const char *label = l4a_records_label (type);
  g_autofree char *name = NULL;
  g_autofree char *short_id = NULL;

  if (g_str_equal (type, "database"))
    return g_strdup (_("the database"));
  if (g_str_equal (type, "bundle"))
    return g_strdup (_("a bundle"));
  if (g_str_equal (type, "roster_key"))
    {
      name = id ? l4a_store_lookup_text (store,
                                                "SELECT coalesce ((SELECT name FROM member WHERE id = k.actor_id), "
                                                "  (SELECT name FROM government WHERE id = k.actor_id), k.name) "
                                                "FROM roster_key k WHERE public_key = ?1", id) : NULL;
      /* translators: the signing key of a person or a government */
      return name ? g_strdup_printf (_("the key of %s"), name) : g_strdup (_("a workstation’s key"));
    }
  if (!l4a_records_is_table (type) || l4a_text_is_blank (id))
    return g_strdup (type);  /* not a kind of record this version knows */

  if (title != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", title, type);

      name = l4a_store_lookup_text (store, sql, id);
    }
  else if (g_strv_contains ((const char * const[]) { "review", "assignment", "decision", "discussion_note", "meta_review", NULL },
                            type))
    {
      /* a record without a name of its own is named by its proposal */
      g_autofree char *sql = g_strdup_printf ("SELECT p.title FROM %s t JOIN proposal p ON p.id = t.proposal_id "
                                              "WHERE t.id = ?1", type);
      g_autofree char *proposal = l4a_store_lookup_text (store, sql, id);

      if (proposal != NULL)
        /* translators: a record and the proposal it belongs to, such as review of “Heat Action Hub” */
        return g_strdup_printf (_("%s of “%s”"), label, proposal);
    }
  if (name != NULL)
    /* translators: a record, e.g. hub “Soria Rural Hub” */
    return g_strdup_printf (_("%s “%s”"), label, name);
  short_id = g_strndup (id, 8);
  /* translators: a record that is no longer here, by the start of its id */
  return g_strdup_printf (_("%s %s…"), label, short_id);
}

/**
 * l4a_audit_entry_describe:
 *
 * Returns: (transfer full): what @entry did, in words, such as “Released
 *   the decision on proposal “Heat Action Planning Hub””
 */
char *
l4a_audit_entry_describe (L4aStore            *store,
                          const L4aAuditEntry *entry)
{
  g_autofree char *record = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  if (g_strcmp0 (entry->action, "load-sample") == 0)
    return g_strdup (_("Loaded the sample data"));
  record = record_words (store, entry);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (entry->action, actions[i].action) == 0)
      return g_strdup_printf (_(actions[i].sentence), record);
  /* translators: an action this version has no words for, and its record */
  return g_strdup_printf (_("%s: %s"), entry->action, record);
}

/**
 * l4a_audit_action_words:
 * @action: an action as the log keeps it
 *
 * Returns: (transfer full): what @action does, its record left unsaid,
 *   such as “Released the decision on …”, to choose it from a list
 */
char *
l4a_audit_action_words (const char *action)
{
  g_return_val_if_fail (action != NULL, NULL);

  if (g_str_equal (action, "load-sample"))
    return g_strdup (_("Loaded the sample data"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i].action))
      return g_strdup_printf (_(actions[i].sentence), "…");
  return g_strdup (action);
}

/**
 * l4a_audit_entry_actor:
 *
 * Returns: (transfer full): who did what @entry says: the World
 *   Secretariat, or a board member's or a government's name
 */
char *
l4a_audit_entry_actor (L4aStore            *store,
                       const L4aAuditEntry *entry)
{
  char *name = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  if (g_strcmp0 (entry->actor, "secretariat") == 0)
    return g_strdup (_("World Secretariat"));
  if (entry->actor != NULL && g_str_has_prefix (entry->actor, "member:"))
    name = l4a_store_lookup_text (store, "SELECT name FROM member WHERE id = ?1", entry->actor + strlen ("member:"));
  else if (entry->actor != NULL && g_str_has_prefix (entry->actor, "government:"))
    name = l4a_store_lookup_text (store, "SELECT name FROM government WHERE id = ?1", entry->actor + strlen ("government:"));
  return name != NULL ? name : g_strdup (entry->actor);
}
