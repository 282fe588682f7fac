/* l4a-discussion.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board's discussion of a proposal.
 */

#define G_LOG_DOMAIN "l4a-discussion"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* ------------------------------------------------------------------------
 * Discussion
 */

static void
note_free (gpointer data)
{
  L4aNote *note = data;

  g_free (note->id);
  g_free (note->author);
  g_free (note->body);
  g_free (note->created_at);
  g_free (note);
}

/* The secretariat, and board members who have submitted a review of the
 * proposal, take part in its discussion. */
static gboolean
check_discussion (L4aStore    *store,
                  const char  *proposal_id,
                  GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  gboolean submitted;

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  if (l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT)
    return TRUE;
  if (l4a_store_get_role (store) == L4A_ROLE_MEMBER &&
      l4a_review_check_can_see (store, &facts, proposal_id, error))
    {
      if (!l4a_review_query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 "
                                "AND submitted_at IS NOT NULL",
                         proposal_id, l4a_store_get_identity (store), -1, &submitted, error))
        return FALSE;
      if (submitted)
        return TRUE;
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("The board’s discussion of “%s” opens to you once your review is submitted."), facts.title);
      return FALSE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("The board’s discussion is open to the Advisory Board and the World Secretariat only."));
  return FALSE;
}

/**
 * l4a_discussion_list:
 *
 * Returns: (transfer full) (element-type L4aNote): the notes on a
 *   proposal, oldest first, or %NULL with @error set
 */
GPtrArray *
l4a_discussion_list (L4aStore    *store,
                     const char  *proposal_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (note_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!check_discussion (store, proposal_id, error))
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT n.id, coalesce (m.name, n.author), n.body, n.created_at "
                            "FROM discussion_note n LEFT JOIN member m ON m.id = n.author "
                            "WHERE n.proposal_id = ?1 ORDER BY n.created_at, n.rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aNote *note = g_new0 (L4aNote, 1);

      note->id = l4a_store_column_dup (stmt, 0);
      note->author = l4a_store_column_dup (stmt, 1);
      if (g_strcmp0 (note->author, "secretariat") == 0)
        l4a_review_set_text (&note->author, _("World Secretariat"));
      note->body = l4a_store_column_dup (stmt, 2);
      note->created_at = l4a_store_column_dup (stmt, 3);
      g_ptr_array_add (notes, note);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&notes);
}

/**
 * l4a_discussion_add:
 *
 * Adds a note to the board's discussion of a proposal.
 */
static gboolean
discussion_add_checked (L4aStore    *store,
                        const char  *proposal_id,
                        const char  *body,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!check_discussion (store, proposal_id, error))
    return FALSE;
  text = g_strstrip (g_strdup (body ? body : ""));
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("Discussion note: write something first."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > 20000)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("Discussion note: keep it under 20 000 characters."));
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store,
                            "INSERT INTO discussion_note (id, proposal_id, author, body, created_at, updated_at, origin) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT
                                ? "secretariat" : l4a_store_get_identity (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error) ||
      !l4a_store_audit (store, "add", "discussion_note", id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_discussion_add (L4aStore    *store,
                    const char  *proposal_id,
                    const char  *body,
                    GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, discussion_add_checked (store, proposal_id, body, error), error);
}
