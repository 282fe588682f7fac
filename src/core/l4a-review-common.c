/* l4a-review-common.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Advisory Board's review share: a proposal's facts
 * as a rule needs them, who may see it, and small queries.
 */

#define G_LOG_DOMAIN "l4a-review-common"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

void
l4a_proposal_facts_clear (ProposalFacts *facts)
{
  g_clear_pointer (&facts->title, g_free);
  g_clear_pointer (&facts->state, g_free);
  g_clear_pointer (&facts->call_id, g_free);
  g_clear_pointer (&facts->government_id, g_free);
}


/* Moves a proposal to @state (only from @from, when given), as one more
 * revision of it. */
gboolean
l4a_review_set_proposal_state (L4aStore    *store,
                    const char  *proposal_id,
                    const char  *state,
                    const char  *from,
                    const char  *now,
                    const char  *title,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store, "UPDATE proposal SET state = ?3, updated_at = ?2, revision = revision + 1 "
                                   "WHERE id = ?1 AND (?4 IS NULL OR state = ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, title, error);
}

void
l4a_review_set_text (char       **field,
          const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

const char *
l4a_review_require_member (L4aStore  *store,
                GError   **error)
{
  if (l4a_store_get_role (store) != L4A_ROLE_MEMBER)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: %s is a role */
                   _("Reviews are written by Advisory Board members; this workstation acts as “%s”."),
                   l4a_role_get_label (l4a_store_get_role (store)));
      return NULL;
    }
  if (l4a_store_get_identity (store) == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Choose which board member this workstation belongs to in Preferences."));
      return NULL;
    }
  return l4a_store_get_identity (store);
}

/* Proposal facts needed by every rule. */


gboolean
l4a_review_read_proposal (L4aStore       *store,
               const char     *id,
               ProposalFacts  *facts,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store, "SELECT title, state, call_id, government_id, version FROM proposal WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no proposal with the id “%s”."), id);
      return FALSE;
    }
  facts->title = l4a_store_column_dup (stmt, 0);
  if (l4a_text_is_blank (facts->title))
    l4a_review_set_text (&facts->title, _("Untitled proposal"));
  facts->state = l4a_store_column_dup (stmt, 1);
  facts->call_id = l4a_store_column_dup (stmt, 2);
  facts->government_id = l4a_store_column_dup (stmt, 3);
  facts->version = sqlite3_column_int (stmt, 4);
  return TRUE;
}

gboolean
l4a_review_query_exists (L4aStore    *store,
              const char  *sql,
              const char  *a,
              const char  *b,
              int          c,
              gboolean    *exists,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  if (c >= 0)
    sqlite3_bind_int (stmt, 3, c);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
l4a_review_is_conflicted (L4aStore    *store,
               const char  *member_id,
               const char  *proposal_id,
               gboolean    *conflicted,
               GError     **error)
{
  return l4a_review_query_exists (store, "SELECT 1 FROM member_conflict WHERE member_id = ?1 AND proposal_id = ?2",
                       member_id, proposal_id, -1, conflicted, error);
}

char *
l4a_review_member_name (L4aStore   *store,
             const char *member_id)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT name FROM member WHERE id = ?1", NULL);

  if (stmt == NULL)
    return g_strdup (member_id);
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return l4a_store_column_dup (stmt, 0);
}
