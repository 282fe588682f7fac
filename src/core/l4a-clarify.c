/* l4a-clarify.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before deciding. The clarification round: the secretariat asks a
 * proposal's government a question, or a member suggests one that the
 * secretariat sends on in the Board's name; the government answers. Every
 * reviewer of the proposal reads the questions and answers, and nobody
 * learns which member asked. The meta-review: the secretariat names a lead
 * reviewer once the reviews are in, giving them the reviews numbered and
 * never named; the lead writes the Board's consolidated recommendation.
 */

#define G_LOG_DOMAIN "l4a-clarify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-clarify.h"
#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

#define MAX_QUESTION 2000
#define MAX_ANSWER 5000
#define MAX_META_REVIEW 10000

void
l4a_clarification_free (L4aClarification *clarification)
{
  if (clarification == NULL)
    return;
  g_free (clarification->id);
  g_free (clarification->proposal_id);
  g_free (clarification->question);
  g_free (clarification->status);
  g_free (clarification->asked_by);
  g_free (clarification->sent_at);
  g_free (clarification->answer);
  g_free (clarification->answered_at);
  g_free (clarification->asker_name);
  g_free (clarification);
}

static void
clarification_free (gpointer data)
{
  l4a_clarification_free (data);
}

void
l4a_meta_review_free (L4aMetaReview *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->id);
  g_free (meta->proposal_id);
  g_free (meta->member_id);
  g_free (meta->member_name);
  g_free (meta->digest);
  g_free (meta->recommendation);
  g_free (meta->body);
  g_free (meta->submitted_at);
  g_free (meta);
}

/* A question or an answer: not blank, valid, at most its limit. */
static gboolean
check_text (const char  *text,
            gboolean     answer,
            const char  *title,
            GError     **error)
{
  guint limit = answer ? MAX_ANSWER : MAX_QUESTION;

  if (text == NULL || l4a_text_is_blank (text))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   answer ? _("“%s”: write the answer first.") : _("“%s”: write the question first."), title);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > limit)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   answer ? _("“%s”: the answer is longer than %u characters.")
                          : _("“%s”: the question is longer than %u characters."), title, limit);
      return FALSE;
    }
  return TRUE;
}

/* A proposal the Board is still reviewing, so that questions are asked
 * and answered before the decision. */
static gboolean
require_open (const ProposalFacts *facts,
              GError             **error)
{
  if (g_strv_contains ((const char *[]) { "submitted", "under-review", NULL }, facts->state))
    return TRUE;
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
               _("“%s” is no longer under review: questions and the meta-review come before the decision."),
               facts->title);
  return FALSE;
}

/* Is @member assigned @proposal_id (its current version), not declined
 * and not in conflict with it? */
static gboolean
is_reviewer (L4aStore    *store,
             const char  *member,
             const char  *proposal_id,
             int          version,
             gboolean    *reviewer,
             GError     **error)
{
  gboolean assigned = FALSE, conflicted = TRUE;

  *reviewer = FALSE;
  if (!l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 "
                                       "AND round = ?3 AND declined_at IS NULL",
                                proposal_id, member, version, &assigned, error) ||
      !l4a_review_is_conflicted (store, member, proposal_id, &conflicted, error))
    return FALSE;
  *reviewer = assigned && !conflicted;
  return TRUE;
}

static L4aClarification *
clarification_from_row (sqlite3_stmt *stmt,
                        const char   *me)
{
  L4aClarification *c = g_new0 (L4aClarification, 1);

  c->id = l4a_store_column_dup (stmt, 0);
  c->proposal_id = l4a_store_column_dup (stmt, 1);
  c->question = l4a_store_column_dup (stmt, 2);
  c->status = l4a_store_column_dup (stmt, 3);
  c->asked_by = l4a_store_column_dup (stmt, 4);
  c->sent_at = l4a_store_column_dup (stmt, 5);
  c->answer = l4a_store_column_dup (stmt, 6);
  c->answered_at = l4a_store_column_dup (stmt, 7);
  c->mine = me != NULL && g_strcmp0 (c->asked_by, me) == 0;
  return c;
}

#define CLARIFICATION_COLUMNS "id, proposal_id, question, status, asked_by, sent_at, answer, answered_at "

static L4aClarification *
load_clarification (L4aStore    *store,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT " CLARIFICATION_COLUMNS
                                                           "FROM clarification WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no question with the id “%s”."), id);
      return NULL;
    }
  return clarification_from_row (stmt, l4a_store_get_identity (store));
}

/**
 * l4a_clarification_list:
 *
 * The questions about a proposal, oldest first, for whoever may see the
 * proposal: the secretariat sees every one, suggestions included; a
 * reviewer of the proposal the questions sent and their own suggestions;
 * the government the questions sent to it. A member's name is never part
 * of what a member or a government reads.
 *
 * Returns: (transfer full) (element-type L4aClarification): the list, or
 *   %NULL with @error set
 */
GPtrArray *
l4a_clarification_list (L4aStore    *store,
                        const char  *proposal_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (clarification_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(ProposalFacts) facts = { 0 };
  L4aRole role = l4a_store_get_role (store);
  const char *me = role == L4A_ROLE_MEMBER ? l4a_store_get_identity (store) : NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error) ||
      !l4a_review_check_can_see (store, &facts, proposal_id, error))
    return NULL;
  stmt = l4a_store_prepare (store, "SELECT " CLARIFICATION_COLUMNS ", (SELECT name FROM member WHERE id = asked_by AND ?2) "
                                   "FROM clarification WHERE proposal_id = ?1 "
                                   "AND (?2 OR status <> 'suggested' OR asked_by = ?3) "
                                   "ORDER BY status = 'suggested', coalesce (sent_at, created_at), id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, role == L4A_ROLE_SECRETARIAT);
  sqlite3_bind_text (stmt, 3, me ? me : "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aClarification *c = clarification_from_row (stmt, me);

      c->asker_name = l4a_store_column_dup (stmt, 8);
      g_ptr_array_add (list, c);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * l4a_clarification_ask:
 * @id: (out) (optional): the new question's id
 *
 * The secretariat asks the government a question about a proposal under
 * review; a reviewer of the proposal suggests one, which the secretariat
 * reads and sends on, or not.
 */
static gboolean
clarification_ask_checked (L4aStore    *store,
                           const char  *proposal_id,
                           const char  *question,
                           char       **id,
                           GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *text = NULL;
  L4aRole role = l4a_store_get_role (store);
  const char *me = l4a_store_get_identity (store);
  gboolean reviewer = FALSE;

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  if (role == L4A_ROLE_MEMBER)
    {
      if (me == NULL || !is_reviewer (store, me, proposal_id, facts.version, &reviewer, error))
        return me == NULL ? (g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                                                  _("Choose which board member this workstation belongs to in "
                                                    "Preferences.")), FALSE) : FALSE;
      if (!reviewer)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("“%s”: only its reviewers suggest questions about it."), facts.title);
          return FALSE;
        }
    }
  else if (role != L4A_ROLE_SECRETARIAT)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: the World Secretariat and the proposal’s reviewers ask questions; the government "
                     "answers them."), facts.title);
      return FALSE;
    }
  if (!require_open (&facts, error) || !check_text (question, FALSE, facts.title, error))
    return FALSE;
  text = g_strstrip (g_strdup (question));

  stmt = l4a_store_prepare (store, "INSERT INTO clarification (id, proposal_id, asked_by, question, status, sent_at, "
                                   "  created_at, updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, new_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, role == L4A_ROLE_SECRETARIAT ? "secretariat" : me, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, role == L4A_ROLE_SECRETARIAT ? "sent" : "suggested", -1, SQLITE_STATIC);
  if (role == L4A_ROLE_SECRETARIAT)
    sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error) ||
      !l4a_store_audit (store, role == L4A_ROLE_SECRETARIAT ? "ask" : "suggest", "clarification", new_id, NULL, error))
    return FALSE;
  if (id != NULL)
    *id = g_steal_pointer (&new_id);
  return TRUE;
}

gboolean
l4a_clarification_ask (L4aStore    *store,
                       const char  *proposal_id,
                       const char  *question,
                       char       **id,
                       GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, clarification_ask_checked (store, proposal_id, question, id, error), error);
}

/* A question sent or an answer given: @sql sets ?2, the text trimmed,
 * and ?3, the time, on question @id; audited as @action. */
static gboolean
write_text (L4aStore    *store,
            const char  *sql,
            const char  *id,
            const char  *text,
            const char  *action,
            const char  *title,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, error);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *now = l4a_now_iso8601 ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, title, error) &&
         l4a_store_audit (store, action, "clarification", id, NULL, error);
}

/* The secretariat acts on a member's suggestion. */
static gboolean
read_suggestion (L4aStore          *store,
                 const char        *id,
                 L4aClarification **out,
                 ProposalFacts     *facts,
                 GError           **error)
{
  g_autoptr(L4aClarification) c = NULL;

  if (!l4a_store_require (store, L4A_PERMISSION_DECIDE, error) || (c = load_clarification (store, id, error)) == NULL ||
      !l4a_review_read_proposal (store, c->proposal_id, facts, error))
    return FALSE;
  if (!g_str_equal (c->status, "suggested"))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: this question was sent already."), facts->title);
      return FALSE;
    }
  *out = g_steal_pointer (&c);
  return TRUE;
}

/**
 * l4a_clarification_send:
 * @question: (nullable): the question as sent, reworded if need be
 *
 * Sends a member's suggested question on, in the Board's name.
 */
static gboolean
clarification_send_checked (L4aStore    *store,
                            const char  *id,
                            const char  *question,
                            GError     **error)
{
  g_autoptr(L4aClarification) c = NULL;
  g_auto(ProposalFacts) facts = { 0 };

  if (!read_suggestion (store, id, &c, &facts, error) || !require_open (&facts, error))
    return FALSE;
  if (question == NULL)
    question = c->question;
  if (!check_text (question, FALSE, facts.title, error))
    return FALSE;
  return write_text (store, "UPDATE clarification SET question = ?2, status = 'sent', asked_by = 'board', "
                            "  sent_at = ?3, updated_at = ?3, revision = revision + 1 WHERE id = ?1",
                     id, question, "ask", facts.title, error);
}

gboolean
l4a_clarification_send (L4aStore    *store,
                        const char  *id,
                        const char  *question,
                        GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, clarification_send_checked (store, id, question, error), error);
}

static gboolean
clarification_dismiss_checked (L4aStore    *store,
                               const char  *id,
                               GError     **error)
{
  g_autoptr(L4aClarification) c = NULL;
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!read_suggestion (store, id, &c, &facts, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "DELETE FROM clarification WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, facts.title, error) &&
         l4a_store_audit (store, "delete", "clarification", id, NULL, error);
}

/**
 * l4a_clarification_dismiss:
 *
 * The secretariat does not send a member's suggested question.
 */
gboolean
l4a_clarification_dismiss (L4aStore    *store,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, clarification_dismiss_checked (store, id, error), error);
}

static gboolean
clarification_answer_checked (L4aStore    *store,
                              const char  *id,
                              const char  *answer,
                              GError     **error)
{
  g_autoptr(L4aClarification) c = NULL;
  g_auto(ProposalFacts) facts = { 0 };

  if ((c = load_clarification (store, id, error)) == NULL ||
      !l4a_review_read_proposal (store, c->proposal_id, &facts, error))
    return FALSE;
  if (l4a_store_get_role (store) != L4A_ROLE_GOVERNMENT ||
      g_strcmp0 (l4a_store_get_identity (store), facts.government_id) != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: only its lead government answers questions about it."), facts.title);
      return FALSE;
    }
  if (g_str_equal (c->status, "suggested"))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: this question was not sent to the government."), facts.title);
      return FALSE;
    }
  if (!require_open (&facts, error) || !check_text (answer, TRUE, facts.title, error))
    return FALSE;
  return write_text (store, "UPDATE clarification SET answer = ?2, status = 'answered', answered_at = ?3, "
                            "  updated_at = ?3, revision = revision + 1 WHERE id = ?1",
                     id, answer, "answer", facts.title, error);
}

/**
 * l4a_clarification_answer:
 *
 * The proposal's lead government answers a question sent to it, or
 * changes its answer while the Board has not decided; the answer travels
 * in its next submission bundle.
 */
gboolean
l4a_clarification_answer (L4aStore    *store,
                          const char  *id,
                          const char  *answer,
                          GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, clarification_answer_checked (store, id, answer, error), error);
}

/**
 * l4a_clarification_count_waiting:
 *
 * Returns: what waits for this workstation: for a government, the
 *   questions sent to it that it has not answered; for the secretariat,
 *   the members' suggestions not yet sent on; otherwise 0
 */
guint
l4a_clarification_count_waiting (L4aStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), 0);

  switch (l4a_store_get_role (store))
    {
    case L4A_ROLE_GOVERNMENT:
      stmt = l4a_store_prepare (store, "SELECT count(*) FROM clarification c JOIN proposal p ON p.id = c.proposal_id "
                                       "WHERE c.status = 'sent' AND p.government_id = ?1 "
                                       "AND p.state IN ('submitted', 'under-review')", NULL);
      break;
    case L4A_ROLE_SECRETARIAT:
      stmt = l4a_store_prepare (store, "SELECT count(*) FROM clarification c JOIN proposal p ON p.id = c.proposal_id "
                                       "WHERE c.status = 'suggested' AND p.state IN ('submitted', 'under-review') "
                                       "AND ?1 IS NULL", NULL);
      break;
    case L4A_ROLE_MEMBER:
    default:
      return 0;
    }
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, l4a_store_get_identity (store), -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}

/**
 * l4a_clarification_round_open:
 *
 * Returns: whether questions about the proposal may still be asked and
 *   answered: it is submitted or under review
 */
gboolean
l4a_clarification_round_open (L4aStore   *store,
                              const char *proposal_id)
{
  g_autofree char *state = l4a_store_lookup_text (store, "SELECT state FROM proposal WHERE id = ?1", proposal_id);

  return g_strv_contains ((const char *[]) { "submitted", "under-review", NULL }, state ? state : "");
}

/* Meta-review ----------------------------------------------------------------- */

#define META_COLUMNS "mr.id, mr.proposal_id, mr.member_id, m.name, mr.proposal_version, mr.digest, " \
                     "mr.recommendation, mr.body, mr.submitted_at "

static L4aMetaReview *
meta_from_row (sqlite3_stmt *stmt)
{
  L4aMetaReview *meta = g_new0 (L4aMetaReview, 1);

  meta->id = l4a_store_column_dup (stmt, 0);
  meta->proposal_id = l4a_store_column_dup (stmt, 1);
  meta->member_id = l4a_store_column_dup (stmt, 2);
  meta->member_name = l4a_store_column_dup (stmt, 3);
  meta->proposal_version = sqlite3_column_int (stmt, 4);
  meta->digest = l4a_store_column_dup (stmt, 5);
  meta->recommendation = l4a_store_column_dup (stmt, 6);
  meta->body = l4a_store_column_dup (stmt, 7);
  meta->submitted_at = l4a_store_column_dup (stmt, 8);
  return meta;
}

/**
 * l4a_meta_review_get:
 *
 * The meta-review of a proposal's current version, for the secretariat
 * and for the lead reviewer; nobody else reads it.
 *
 * Returns: (transfer full) (nullable): the meta-review, or %NULL when
 *   there is none for this workstation (@error unset) or on an error
 */
L4aMetaReview *
l4a_meta_review_get (L4aStore    *store,
                     const char  *proposal_id,
                     GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aRole role = l4a_store_get_role (store);

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (role == L4A_ROLE_GOVERNMENT)
    return NULL;
  if (!l4a_review_read_proposal (store, proposal_id, &facts, error))
    return NULL;
  stmt = l4a_store_prepare (store, "SELECT " META_COLUMNS "FROM meta_review mr LEFT JOIN member m ON m.id = mr.member_id "
                                   "WHERE mr.proposal_id = ?1 AND mr.proposal_version = ?2 AND (?3 OR mr.member_id = ?4)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, facts.version);
  sqlite3_bind_int (stmt, 3, role == L4A_ROLE_SECRETARIAT);
  sqlite3_bind_text (stmt, 4, l4a_store_get_identity (store) ? l4a_store_get_identity (store) : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return meta_from_row (stmt);
}

/* The submitted reviews of the current version, numbered and never named:
 * what the lead reviewer reads. */
static char *
build_digest (L4aStore       *store,
              const char     *proposal_id,
              const ProposalFacts *facts,
              guint          *n_reviews,
              GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;
  int rc;

  stmt = l4a_store_prepare (store, "SELECT " REVIEW_COLUMNS "FROM review r JOIN member m ON m.id = r.member_id "
                                   "WHERE r.proposal_id = ?1 AND r.proposal_version = ?2 AND r.submitted_at IS NOT NULL "
                                   "ORDER BY r.submitted_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, facts->version);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(L4aReview) review = l4a_review_from_row (stmt);
      double score;

      if (!l4a_review_load_scores (store, review, facts->call_id, error))
        return NULL;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reviewer");
      json_builder_add_int_value (builder, ++n);
      json_builder_set_member_name (builder, "recommendation");
      json_builder_add_string_value (builder, review->recommendation);
      json_builder_set_member_name (builder, "confidence");
      if (review->confidence)
        json_builder_add_string_value (builder, review->confidence);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "score");
      if (l4a_review_weighted_score (review, &score))
        json_builder_add_double_value (builder, score);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_array (builder);
      for (guint i = 0; i < review->scores->len; i++)
        {
          L4aScore *s = g_ptr_array_index (review->scores, i);

          if (!s->has_score)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "criterion");
          json_builder_add_string_value (builder, s->label);
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, s->score);
          json_builder_set_member_name (builder, "of");
          json_builder_add_int_value (builder, s->scale_max);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "comments_authors");
      json_builder_add_string_value (builder, review->comments_authors);
      json_builder_set_member_name (builder, "comments_confidential");
      json_builder_add_string_value (builder, review->comments_confidential);
      json_builder_end_object (builder);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  *n_reviews = n;
  return json_to_string (root, FALSE);
}

static void
pair_free (gpointer data)
{
  L4aAssignPair *pair = data;

  g_free (pair->proposal_id);
  g_free (pair->proposal_title);
  g_free (pair->member_id);
  g_free (pair->member_name);
  g_free (pair);
}

/**
 * l4a_meta_review_candidates:
 *
 * Returns: (transfer full) (element-type L4aAssignPair): the reviewers
 *   of the proposal's current version who may lead its meta-review (not
 *   declined, not in conflict), by name; for the secretariat
 */
GPtrArray *
l4a_meta_review_candidates (L4aStore    *store,
                            const char  *proposal_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (pair_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_DECIDE, error))
    return NULL;
  stmt = l4a_store_prepare (store, "SELECT a.member_id, m.name FROM assignment a JOIN member m ON m.id = a.member_id "
                                   "JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                                   "WHERE a.proposal_id = ?1 AND a.declined_at IS NULL AND NOT EXISTS "
                                   "(SELECT 1 FROM member_conflict mc WHERE mc.member_id = a.member_id "
                                   " AND mc.proposal_id = a.proposal_id) ORDER BY m.name COLLATE NOCASE, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aAssignPair *pair = g_new0 (L4aAssignPair, 1);

      pair->proposal_id = g_strdup (proposal_id);
      pair->member_id = l4a_store_column_dup (stmt, 0);
      pair->member_name = l4a_store_column_dup (stmt, 1);
      g_ptr_array_add (list, pair);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
meta_review_request_checked (L4aStore    *store,
                             const char  *proposal_id,
                             const char  *member_id,
                             GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(L4aMetaReview) existing = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *new_id = g_uuid_string_random ();
  gboolean reviewer = FALSE, waiting = FALSE;
  guint n_reviews = 0;

  if (!l4a_store_require (store, L4A_PERMISSION_DECIDE, error) ||
      !l4a_review_read_proposal (store, proposal_id, &facts, error) || !require_open (&facts, error))
    return FALSE;
  name = l4a_review_member_name (store, member_id);
  if (name == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no board member with the id “%s”."), member_id);
      return FALSE;
    }
  if (!is_reviewer (store, member_id, proposal_id, facts.version, &reviewer, error))
    return FALSE;
  if (!reviewer)
    {
      /* translators: a member's name, then a proposal's title */
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s does not review “%s”, so they cannot lead its meta-review."), name, facts.title);
      return FALSE;
    }
  /* the reviews are in: every reviewer who has not declined has submitted */
  if (!l4a_review_query_exists (store, "SELECT 1 FROM assignment a WHERE a.proposal_id = ?1 AND a.round = ?3 "
                                       "AND a.declined_at IS NULL AND ?2 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM review r "
                                       "  WHERE r.proposal_id = a.proposal_id AND r.member_id = a.member_id "
                                       "  AND r.proposal_version = a.round AND r.submitted_at IS NOT NULL)",
                                proposal_id, member_id, facts.version, &waiting, error))
    return FALSE;
  if (waiting)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: not every review is in yet; ask for the meta-review once they are."), facts.title);
      return FALSE;
    }
  digest = build_digest (store, proposal_id, &facts, &n_reviews, error);
  if (digest == NULL)
    return FALSE;
  if (n_reviews == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s” has no submitted review to consolidate."), facts.title);
      return FALSE;
    }
  existing = l4a_meta_review_get (store, proposal_id, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (existing != NULL && existing->submitted_at != NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: the meta-review is submitted already."), facts.title);
      return FALSE;
    }

  stmt = l4a_store_prepare (store, "INSERT INTO meta_review (id, proposal_id, member_id, proposal_version, digest, "
                                   "  created_at, updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7) "
                                   "ON CONFLICT (proposal_id, proposal_version) DO UPDATE SET member_id = excluded.member_id, "
                                   "  digest = excluded.digest, recommendation = NULL, body = '', "
                                   "  updated_at = excluded.updated_at, revision = revision + 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, existing ? existing->id : new_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, facts.version);
  sqlite3_bind_text (stmt, 5, digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    return FALSE;
  {
    g_autofree char *details = g_strdup_printf ("{\"member\": \"%s\"}", member_id);

    return l4a_store_audit (store, "name-lead", "meta_review", existing ? existing->id : new_id, details, error);
  }
}

/**
 * l4a_meta_review_request:
 *
 * The secretariat names @member_id, a reviewer of the proposal, to write
 * the Board's consolidated recommendation once every review is in; the
 * lead gets the reviews numbered, in their next review packet. Naming
 * another lead before it is submitted replaces the first.
 */
gboolean
l4a_meta_review_request (L4aStore    *store,
                         const char  *proposal_id,
                         const char  *member_id,
                         GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, meta_review_request_checked (store, proposal_id, member_id, error), error);
}

static gboolean
meta_review_save_checked (L4aStore    *store,
                          const char  *proposal_id,
                          const char  *recommendation,
                          const char  *body,
                          gboolean     submit,
                          GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(L4aMetaReview) meta = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  const char *me;

  if ((me = l4a_review_require_member (store, error)) == NULL ||
      !l4a_review_read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  meta = l4a_meta_review_get (store, proposal_id, error);
  if (meta == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                     _("“%s”: you are not its lead reviewer."), facts.title);
      return FALSE;
    }
  if (meta->submitted_at != NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("“%s”: the meta-review is submitted and no longer changes."), facts.title);
      return FALSE;
    }
  if (!require_open (&facts, error))
    return FALSE;
  if (recommendation != NULL &&
      !g_strv_contains ((const char *[]) { "grant", "revise", "decline", NULL }, recommendation))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Meta-review of “%s”: the recommendation must be to grant the label, to revise and resubmit, "
                     "or to decline."), facts.title);
      return FALSE;
    }
  if (body != NULL && (!g_utf8_validate (body, -1, NULL) || g_utf8_strlen (body, -1) > MAX_META_REVIEW))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Meta-review of “%s”: the text is longer than %u characters."), facts.title, MAX_META_REVIEW);
      return FALSE;
    }
  if (submit && (recommendation == NULL || l4a_text_is_blank (body)))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Meta-review of “%s”: choose a recommendation and write it before submitting."), facts.title);
      return FALSE;
    }
  stmt = l4a_store_prepare (store, "UPDATE meta_review SET recommendation = ?2, body = ?3, submitted_at = ?4, "
                                   "  updated_at = ?5, revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, meta->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, recommendation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body ? body : "", -1, SQLITE_STATIC);
  if (submit)
    sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, facts.title, error) &&
         l4a_store_audit (store, submit ? "submit" : "save", "meta_review", meta->id, NULL, error);
}

/**
 * l4a_meta_review_save:
 * @submit: submit it: it then travels in the lead's reviews bundle and no
 *   longer changes
 *
 * The lead reviewer writes the meta-review.
 */
gboolean
l4a_meta_review_save (L4aStore    *store,
                      const char  *proposal_id,
                      const char  *recommendation,
                      const char  *body,
                      gboolean     submit,
                      GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, meta_review_save_checked (store, proposal_id, recommendation, body, submit, error),
                        error);
}

/* Import rules ---------------------------------------------------------------- */

/**
 * l4a_clarification_government_rule:
 *
 * A government's submission may carry its answers: to a question sent to
 * it about one of its proposals, the question, who asked and the
 * proposal unchanged, while the proposal is under review here.
 */
gboolean
l4a_clarification_government_rule (L4aStore    *store,
                                   const char  *actor,
                                   JsonObject  *object,
                                   const char  *record,
                                   GError     **error)
{
  const char *id = l4a_json_string (object, "id");
  const char *answer = l4a_json_string (object, "answer");
  g_autoptr(L4aClarification) here = id ? load_clarification (store, id, NULL) : NULL;
  g_autofree char *government = here ? l4a_store_lookup_text (store, "SELECT government_id FROM proposal WHERE id = ?1",
                                                               here->proposal_id) : NULL;
  g_autofree char *state = here ? l4a_store_lookup_text (store, "SELECT state FROM proposal WHERE id = ?1",
                                                          here->proposal_id) : NULL;

  if (here == NULL || g_strcmp0 (government, actor) != 0 || g_str_equal (here->status, "suggested") ||
      g_strcmp0 (here->proposal_id, l4a_json_string (object, "proposal_id")) != 0 ||
      g_strcmp0 (here->question, l4a_json_string (object, "question")) != 0 ||
      g_strcmp0 (here->asked_by, l4a_json_string (object, "asked_by")) != 0 ||
      g_strcmp0 (here->sent_at, l4a_json_string (object, "sent_at")) != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a government answers the questions sent to it about its own proposals, and changes "
                     "nothing else of them."), record);
      return FALSE;
    }
  if (g_strcmp0 (l4a_json_string (object, "status"), "answered") != 0 || answer == NULL ||
      l4a_text_is_blank (answer) || g_utf8_strlen (answer, -1) > MAX_ANSWER ||
      l4a_json_string (object, "answered_at") == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: an answer is answered, dated, and at most %u characters."), record, MAX_ANSWER);
      return FALSE;
    }
  if (g_strcmp0 (here->answer, answer) != 0 && !g_strv_contains ((const char *[]) { "submitted", "under-review", NULL },
                                                                  state ? state : ""))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: the proposal is decided here, so its answers no longer change."), record);
      return FALSE;
    }
  return TRUE;
}

/**
 * l4a_clarification_member_rule:
 *
 * A member's reviews bundle may carry their suggested questions about
 * proposals they review. A question the secretariat already sent on is
 * the secretariat's: the member's older copy never overwrites it.
 *
 * Returns: 0 when refused, with @error set; 1 when it may be written; 2
 *   when it may only be added, never overwrite what is here
 */
int
l4a_clarification_member_rule (L4aStore    *store,
                               const char  *actor,
                               JsonObject  *object,
                               const char  *record,
                               GError     **error)
{
  const char *id = l4a_json_string (object, "id");
  const char *proposal = l4a_json_string (object, "proposal_id");
  const char *question = l4a_json_string (object, "question");
  g_autoptr(L4aClarification) here = id ? load_clarification (store, id, NULL) : NULL;
  g_auto(ProposalFacts) facts = { 0 };
  gboolean reviewer = FALSE;

  if (here != NULL && !g_str_equal (here->status, "suggested") && g_strcmp0 (here->proposal_id, proposal) == 0)
    return 2;
  if (here != NULL && g_strcmp0 (here->asked_by, actor) != 0)
    goto refused;
  if (g_strcmp0 (l4a_json_string (object, "status"), "suggested") != 0 ||
      g_strcmp0 (l4a_json_string (object, "asked_by"), actor) != 0 || proposal == NULL ||
      !l4a_review_read_proposal (store, proposal, &facts, NULL) ||
      !is_reviewer (store, actor, proposal, facts.version, &reviewer, NULL) || !reviewer ||
      (here != NULL && g_strcmp0 (here->proposal_id, proposal) != 0))
    goto refused;
  if (question == NULL || l4a_text_is_blank (question) || g_utf8_strlen (question, -1) > MAX_QUESTION)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: a question is written, in at most %u characters."), record, MAX_QUESTION);
      return 0;
    }
  return 1;

refused:
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
               _("%s: a reviews bundle may only suggest questions of its own member about proposals they "
                 "review."), record);
  return 0;
}

/**
 * l4a_meta_review_member_rule:
 *
 * A member's reviews bundle may carry the meta-review they were asked to
 * write, as named here (the proposal, its version, the reviews given to
 * them), submitted, and once submitted here never changed.
 */
gboolean
l4a_meta_review_member_rule (L4aStore    *store,
                             const char  *actor,
                             JsonObject  *object,
                             const char  *record,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *recommendation = l4a_json_string (object, "recommendation");
  const char *body = l4a_json_string (object, "body");
  gboolean same = FALSE, submitted_here = FALSE, changed = TRUE;

  stmt = l4a_store_prepare (store, "SELECT submitted_at IS NOT NULL, "
                                   "  recommendation IS ?5 AND body IS ?6 "
                                   "FROM meta_review WHERE id = ?1 AND member_id = ?2 AND proposal_id = ?3 "
                                   "AND digest = ?4 AND proposal_version = ?7", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, l4a_json_string (object, "id"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, l4a_json_string (object, "proposal_id"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, l4a_json_string (object, "digest"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, recommendation, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, body, -1, SQLITE_STATIC);
      if (json_object_has_member (object, "proposal_version") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "proposal_version")) &&
          json_node_get_value_type (json_object_get_member (object, "proposal_version")) == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, 7, json_object_get_int_member (object, "proposal_version"));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          same = TRUE;
          submitted_here = sqlite3_column_int (stmt, 0) != 0;
          changed = sqlite3_column_int (stmt, 1) == 0;
        }
    }
  if (!same || g_strcmp0 (l4a_json_string (object, "member_id"), actor) != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a reviews bundle may only carry the meta-review its member was asked to write, as it "
                     "was asked."), record);
      return FALSE;
    }
  if (submitted_here && changed)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: it is submitted here and no longer changes."), record);
      return FALSE;
    }
  if (l4a_json_string (object, "submitted_at") == NULL ||
      !g_strv_contains ((const char *[]) { "grant", "revise", "decline", NULL }, recommendation ? recommendation : "") ||
      body == NULL || l4a_text_is_blank (body) || g_utf8_strlen (body, -1) > MAX_META_REVIEW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: a meta-review travels submitted, with its recommendation and a text of at most %u "
                     "characters."), record, MAX_META_REVIEW);
      return FALSE;
    }
  return TRUE;
}
