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

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* ------------------------------------------------------------------------
 * Audit
 */

static void
audit_entry_free (gpointer data)
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
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_READ_AUDIT, error))
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT seq, at, actor, action, record_type, coalesce (record_id, ''), details FROM audit "
                            "WHERE (?1 IS NULL OR record_type = ?1 OR substr (record_id, 1, length (?1)) = ?1) "
                            "  AND (?2 IS NULL OR instr (lower (actor), lower (?2)) > 0) "
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
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aAuditEntry *entry = g_new0 (L4aAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = l4a_store_column_dup (stmt, 1);
      entry->actor = l4a_store_column_dup (stmt, 2);
      entry->action = l4a_store_column_dup (stmt, 3);
      entry->record_type = l4a_store_column_dup (stmt, 4);
      entry->record_id = l4a_store_column_dup (stmt, 5);
      entry->details = l4a_store_column_dup (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
}
