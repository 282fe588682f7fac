/* l4a-review.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviews: opening, saving and submitting one's own; who may read which;
 * a member's assignments; the comments the authors read.
 */

#define G_LOG_DOMAIN "l4a-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-letter.h"
#include "l4a-permissions.h"
#include "l4a-call.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* ------------------------------------------------------------------------
 * Reviews
 */

static void
score_free (gpointer data)
{
  L4aScore *score = data;

  g_free (score->criterion_id);
  g_free (score->label);
  g_free (score->guidance);
  g_strfreev (score->levels);
  g_free (score);
}

/* The texts of L4aReview a member writes, by property. */
static const L4aTextField review_texts[] = {
  { "recommendation", "recommendation", G_STRUCT_OFFSET (L4aReview, recommendation) },
  { "confidence", "confidence", G_STRUCT_OFFSET (L4aReview, confidence) },
  { "comments_authors", "comments-authors", G_STRUCT_OFFSET (L4aReview, comments_authors) },
  { "comments_confidential", "comments-confidential", G_STRUCT_OFFSET (L4aReview, comments_confidential) },
};

static GParamSpec *review_properties[G_N_ELEMENTS (review_texts) + 1];

G_DEFINE_FINAL_TYPE (L4aReview, l4a_review, G_TYPE_OBJECT)

static void
l4a_review_finalize (GObject *object)
{
  L4aReview *review = L4A_REVIEW (object);

  g_free (review->id);
  g_free (review->proposal_id);
  g_free (review->member_id);
  g_free (review->reviewer);
  g_free (review->submitted_at);
  l4a_text_fields_clear (review, review_texts, G_N_ELEMENTS (review_texts));
  g_ptr_array_unref (review->scores);

  G_OBJECT_CLASS (l4a_review_parent_class)->finalize (object);
}

static void
l4a_review_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (!l4a_text_fields_get (object, review_texts, G_N_ELEMENTS (review_texts), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_review_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (!l4a_text_fields_set (object, review_texts, G_N_ELEMENTS (review_texts), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_review_class_init (L4aReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_review_finalize;
  object_class->get_property = l4a_review_get_property;
  object_class->set_property = l4a_review_set_property;

  l4a_text_fields_install (review_properties, review_texts, G_N_ELEMENTS (review_texts));
  g_object_class_install_properties (object_class, G_N_ELEMENTS (review_properties), review_properties);
}

static void
l4a_review_init (L4aReview *review)
{
  review->scores = g_ptr_array_new_with_free_func (score_free);
}

/* Returns: (transfer full): an empty review, no score in it */
L4aReview *
l4a_review_new (void)
{
  return g_object_new (L4A_TYPE_REVIEW, NULL);
}

void
l4a_review_free (L4aReview *review)
{
  g_clear_object (&review);
}

/**
 * l4a_review_weighted_score:
 * @score: (out): the weighted mean of the scored criteria, on a scale
 *   of 0 to 5
 *
 * Each score is first brought to the 0–5 scale of the default criteria,
 * so that criteria scored on different scales weigh as their weights
 * say. Criteria left unscored (optional ones) count for nothing.
 *
 * Returns: %FALSE when no criterion with a weight is scored
 */
gboolean
l4a_review_weighted_score (const L4aReview *review,
                           double          *score)
{
  double sum = 0, weights = 0;

  for (guint i = 0; i < review->scores->len; i++)
    {
      const L4aScore *s = g_ptr_array_index (review->scores, i);

      if (!s->has_score || s->weight <= 0 || s->scale_max <= s->scale_min)
        continue;
      sum += s->weight * (s->score - s->scale_min) / (s->scale_max - s->scale_min);
      weights += s->weight;
    }

  if (weights <= 0)
    return FALSE;
  *score = DEFAULT_SCALE * sum / weights;
  return TRUE;
}

gboolean
l4a_review_load_scores (L4aStore    *store,
             L4aReview   *review,
             const char  *call_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The call's active criteria, and any retired one this review scored. */
  stmt = l4a_store_prepare (store,
                            "SELECT c.id, c.label, c.guidance, c.weight, c.scale_min, c.scale_max, c.required, s.score, "
                            "  c.levels "
                            "FROM criterion c LEFT JOIN review_score s ON s.criterion_id = c.id AND s.review_id = ?2 "
                            "WHERE c.call_id = ?1 AND (c.active = 1 OR s.score IS NOT NULL) "
                            "ORDER BY c.position, c.key", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, review->id ? review->id : "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aScore *s = g_new0 (L4aScore, 1);

      s->criterion_id = l4a_store_column_dup (stmt, 0);
      s->label = l4a_store_column_dup (stmt, 1);
      s->guidance = l4a_store_column_dup (stmt, 2);
      s->weight = sqlite3_column_double (stmt, 3);
      s->scale_min = sqlite3_column_int (stmt, 4);
      s->scale_max = sqlite3_column_int (stmt, 5);
      s->required = sqlite3_column_int (stmt, 6) != 0;
      s->has_score = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
      s->score = sqlite3_column_double (stmt, 7);
      s->levels = l4a_criterion_levels_split ((const char *) sqlite3_column_text (stmt, 8), s->scale_min,
                                              s->scale_max);
      g_ptr_array_add (review->scores, s);
    }
  return l4a_store_rows_done (store, rc, error);
}

L4aReview *
l4a_review_from_row (sqlite3_stmt *stmt)
{
  L4aReview *review = l4a_review_new ();

  review->id = l4a_store_column_dup (stmt, 0);
  review->proposal_id = l4a_store_column_dup (stmt, 1);
  review->member_id = l4a_store_column_dup (stmt, 2);
  review->reviewer = l4a_store_column_dup (stmt, 3);
  review->proposal_version = sqlite3_column_int (stmt, 4);
  review->recommendation = l4a_store_column_dup (stmt, 5);
  review->comments_authors = l4a_store_column_dup (stmt, 6);
  review->comments_confidential = l4a_store_column_dup (stmt, 7);
  review->submitted_at = l4a_store_column_dup (stmt, 8);
  review->confidence = l4a_store_column_dup (stmt, 9);
  return review;
}

/* May this workstation read the proposal at all? */
gboolean
l4a_review_check_can_see (L4aStore       *store,
               ProposalFacts  *facts,
               const char     *proposal_id,
               GError        **error)
{
  switch (l4a_store_get_role (store))
    {
    case L4A_ROLE_SECRETARIAT:
      return TRUE;

    case L4A_ROLE_GOVERNMENT:
      if (g_strcmp0 (l4a_store_get_identity (store), facts->government_id) == 0)
        return TRUE;
      break;

    case L4A_ROLE_MEMBER:
    default:
      {
        const char *member = l4a_store_get_identity (store);
        gboolean conflicted = TRUE, assigned = FALSE;

        if (member == NULL ||
            !l4a_review_is_conflicted (store, member, proposal_id, &conflicted, error) ||
            !l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2",
                           proposal_id, member, -1, &assigned, error))
          {
            if (error != NULL && *error != NULL)
              return FALSE;
          }
        if (!conflicted && assigned)
          return TRUE;
      }
      break;
    }

  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("This proposal is not open to this workstation."));
  return FALSE;
}

/**
 * l4a_review_can_see_proposal:
 *
 * The secretariat sees every proposal, a government its own, a board
 * member those assigned to them and never one they are in conflict with.
 */
gboolean
l4a_review_can_see_proposal (L4aStore    *store,
                             const char  *proposal_id,
                             GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_review_read_proposal (store, proposal_id, &facts, error) &&
         l4a_review_check_can_see (store, &facts, proposal_id, error);
}

/**
 * l4a_review_open:
 *
 * Opens the workstation's member's review of the current version of a
 * proposal assigned to them: the saved one, or a new draft with the
 * call's criteria.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
L4aReview *
l4a_review_open (L4aStore    *store,
                 const char  *proposal_id,
                 GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(L4aReview) review = NULL;
  const char *member;
  gboolean assigned;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if ((member = l4a_review_require_member (store, error)) == NULL ||
      !l4a_review_read_proposal (store, proposal_id, &facts, error) ||
      !l4a_review_check_can_see (store, &facts, proposal_id, error) ||
      !l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3",
                     proposal_id, member, facts.version, &assigned, error))
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT " REVIEW_COLUMNS "FROM review r JOIN member m ON m.id = r.member_id "
                            "WHERE r.proposal_id = ?1 AND r.member_id = ?2 AND r.proposal_version = ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, facts.version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    review = l4a_review_from_row (stmt);
  else if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, facts.title, error);
      return NULL;
    }
  else if (!assigned)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Version %d of “%s” is not assigned to this board member."), facts.version, facts.title);
      return NULL;
    }
  else
    {
      review = l4a_review_new ();
      review->proposal_id = g_strdup (proposal_id);
      review->member_id = g_strdup (member);
      review->reviewer = l4a_review_member_name (store, member);
      review->proposal_version = facts.version;
      review->comments_authors = g_strdup ("");
      review->comments_confidential = g_strdup ("");
    }

  if (!l4a_review_load_scores (store, review, facts.call_id, error))
    return NULL;
  return g_steal_pointer (&review);
}

static gboolean
validate_review (L4aReview  *review,
                 gboolean    submitting,
                 const char *title,
                 GError    **error)
{
  for (guint i = 0; i < review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (review->scores, i);

      if (s->has_score && (!isfinite (s->score) || s->score < s->scale_min || s->score > s->scale_max))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: review of “title”: the criterion's label, then its scale */
                       _("Review of “%s”: the score for “%s” must be between %d and %d."),
                       title, s->label, s->scale_min, s->scale_max);
          return FALSE;
        }
      if (submitting && s->required && !s->has_score)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("Review of “%s”: score “%s” before submitting."), title, s->label);
          return FALSE;
        }
    }

  if (review->recommendation != NULL &&
      !g_strv_contains ((const char *[]) { "grant", "revise", "decline", NULL }, review->recommendation))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Review of “%s”: the recommendation must be to grant the label, to revise and resubmit, or to decline."),
                   title);
      return FALSE;
    }
  if (review->confidence != NULL && !l4a_enum_is_valid (L4A_TYPE_CONFIDENCE, review->confidence))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Review of “%s”: the confidence must be expert, knowledgeable or informed outsider."), title);
      return FALSE;
    }
  if (submitting && review->recommendation == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Review of “%s”: choose a recommendation before submitting."), title);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_review (L4aStore    *store,
              L4aReview   *review,
              gboolean     submitting,
              GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *new_id = NULL;
  const char *member;
  gboolean assigned, submitted;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if ((member = l4a_review_require_member (store, error)) == NULL ||
      !l4a_review_read_proposal (store, review->proposal_id, &facts, error))
    return FALSE;

  if (g_strcmp0 (member, review->member_id) != 0)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("A board member changes only their own reviews."));
      return FALSE;
    }
  if (!l4a_review_check_can_see (store, &facts, review->proposal_id, error) ||
      !l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3 "
                                                    "AND declined_at IS NULL",
                     review->proposal_id, member, review->proposal_version, &assigned, error))
    return FALSE;
  if (review->proposal_version == facts.version && !assigned &&
      !l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 "
                                       "AND round = ?3 AND declined_at IS NOT NULL",
                                review->proposal_id, member, review->proposal_version, &submitted, error))
    return FALSE;
  if (review->proposal_version == facts.version && !assigned && submitted)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Review of “%s”: you declined it, so it takes no review from you."), facts.title);
      return FALSE;
    }
  if (review->proposal_version != facts.version || !assigned)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Review of “%s”: this version is no longer the one under review."), facts.title);
      return FALSE;
    }
  if (g_strcmp0 (facts.state, "under-review") != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Review of “%s”: the proposal is no longer under review, so the review cannot change."), facts.title);
      return FALSE;
    }
  if (!l4a_review_query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 AND proposal_version = ?3 "
                            "AND submitted_at IS NOT NULL",
                     review->proposal_id, member, review->proposal_version, &submitted, error))
    return FALSE;
  if (submitted)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Review of “%s”: it was submitted and can no longer change."), facts.title);
      return FALSE;
    }
  if (!validate_review (review, submitting, facts.title, error))
    return FALSE;

  if (!l4a_store_begin (store, error))
    return FALSE;

  if (review->id == NULL)
    new_id = g_uuid_string_random ();
  stmt = l4a_store_prepare (store,
                            "INSERT INTO review (id, proposal_id, member_id, round, proposal_version, recommendation, "
                            "  comments_authors, comments_confidential, submitted_at, created_at, updated_at, origin, "
                            "  confidence) "
                            "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11) "
                            "ON CONFLICT (id) DO UPDATE SET recommendation = excluded.recommendation, "
                            "  confidence = excluded.confidence, "
                            "  comments_authors = excluded.comments_authors, "
                            "  comments_confidential = excluded.comments_confidential, "
                            "  submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, "
                            "  revision = revision + 1, origin = excluded.origin", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, review->id ? review->id : new_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, review->proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, member, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, review->proposal_version);
  sqlite3_bind_text (stmt, 5, review->recommendation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, review->comments_authors ? review->comments_authors : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, review->comments_confidential ? review->comments_confidential : "", -1, SQLITE_STATIC);
  if (submitting)
    sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, review->confidence, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "DELETE FROM review_score WHERE review_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, review->id ? review->id : new_id, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (review->scores, i);

      if (!s->has_score)
        continue;
      stmt = l4a_store_prepare (store, "INSERT INTO review_score (review_id, criterion_id, score) VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, review->id ? review->id : new_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, s->criterion_id, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, s->score);
      if (!l4a_store_step_done (store, stmt, facts.title, error))
        goto failed;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!l4a_store_audit (store, submitting ? "submit" : "save", "review", review->id ? review->id : new_id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  if (new_id != NULL)
    review->id = g_steal_pointer (&new_id);
  if (submitting)
    l4a_review_set_text (&review->submitted_at, now);
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

/**
 * l4a_review_save:
 *
 * Saves the member's review as a draft; scores are checked against their
 * scale, nothing else is required yet.
 */
static gboolean
review_save_checked (L4aStore    *store,
                     L4aReview   *review,
                     GError     **error)
{
  return write_review (store, review, FALSE, error);
}

gboolean
l4a_review_save (L4aStore    *store,
                 L4aReview   *review,
                 GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_save_checked (store, review, error), error);
}

/**
 * l4a_review_submit:
 *
 * Submits the member's review: every required criterion scored and a
 * recommendation chosen. A submitted review no longer changes.
 */
static gboolean
review_submit_checked (L4aStore    *store,
                       L4aReview   *review,
                       GError     **error)
{
  return write_review (store, review, TRUE, error);
}

gboolean
l4a_review_submit (L4aStore    *store,
                   L4aReview   *review,
                   GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_submit_checked (store, review, error), error);
}

/**
 * l4a_review_list:
 *
 * Lists the reviews of a proposal this workstation may read: all of them
 * for the secretariat; for a board member, their own, and the others'
 * submitted reviews of the same version once their own is submitted,
 * under anonymous names. A local government reads none.
 *
 * Returns: (transfer full) (element-type L4aReview): the reviews, or
 *   %NULL with @error set
 */
GPtrArray *
l4a_review_list (L4aStore    *store,
                 const char  *proposal_id,
                 GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_review_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aRole role = l4a_store_get_role (store);
  const char *member = NULL;
  gboolean own_submitted = FALSE;
  guint other = 0;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error))
    return NULL;
  if (role == L4A_ROLE_GOVERNMENT)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Reviews are read by the Advisory Board and the World Secretariat only."));
      return NULL;
    }
  if (!l4a_review_check_can_see (store, &facts, proposal_id, error))
    return NULL;

  if (role == L4A_ROLE_MEMBER)
    {
      member = l4a_store_get_identity (store);
      if (!l4a_review_query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 "
                                "AND proposal_version = ?3 AND submitted_at IS NOT NULL",
                         proposal_id, member, facts.version, &own_submitted, error))
        return NULL;
    }

  stmt = l4a_store_prepare (store,
                            "SELECT " REVIEW_COLUMNS ", c.call_id FROM review r JOIN member m ON m.id = r.member_id "
                            "JOIN proposal c ON c.id = r.proposal_id "
                            "WHERE r.proposal_id = ?1 "
                            "ORDER BY r.proposal_version DESC, r.submitted_at IS NULL, r.submitted_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(L4aReview) review = l4a_review_from_row (stmt);

      if (role == L4A_ROLE_MEMBER && g_strcmp0 (review->member_id, member) != 0)
        {
          /* Others' opinions only once one's own is in, and only the
           * submitted reviews of the same version, without names. */
          if (!own_submitted || review->submitted_at == NULL || review->proposal_version != facts.version)
            continue;
          g_free (review->reviewer);
          /* translators: an anonymous reviewer, numbered */
          review->reviewer = g_strdup_printf (_("Reviewer %u"), ++other);
          g_clear_pointer (&review->member_id, g_free);
        }
      if (!l4a_review_load_scores (store, review, facts.call_id, error))
        return NULL;
      g_ptr_array_add (reviews, g_steal_pointer (&review));
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;

  return g_steal_pointer (&reviews);
}
/* ------------------------------------------------------------------------
 * A board member's work list
 */

void
l4a_assignment_info_free (L4aAssignmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->proposal_id);
  g_free (info->title);
  g_free (info->government);
  g_free (info->call);
  g_free (info->due_on);
  g_free (info->decline_reason);
  g_free (info->language);
  g_free (info);
}

static void
assignment_info_free (gpointer data)
{
  l4a_assignment_info_free (data);
}

/**
 * l4a_review_my_assignments:
 *
 * The proposals assigned to the workstation's board member, for their
 * current version, never one they are in conflict with; those still to
 * review first, by due date.
 *
 * Returns: (transfer full) (element-type L4aAssignmentInfo): the list,
 *   or %NULL with @error set
 */
GPtrArray *
l4a_review_my_assignments (L4aStore  *store,
                           GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (assignment_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *member;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if ((member = l4a_review_require_member (store, error)) == NULL)
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT p.id, p.title, g.name, c.title, a.due_on, p.version, "
                            "  (SELECT CASE WHEN r.submitted_at IS NULL THEN 1 ELSE 2 END FROM review r "
                            "   WHERE r.proposal_id = p.id AND r.member_id = a.member_id AND r.proposal_version = p.version) "
                            "  AS review_state, a.declined_at IS NOT NULL, a.decline_reason "
                            "FROM assignment a JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                            "JOIN government g ON g.id = p.government_id JOIN call c ON c.id = p.call_id "
                            "WHERE a.member_id = ?1 AND p.state IN ('under-review', 'decided', 'released') "
                            "  AND NOT EXISTS (SELECT 1 FROM member_conflict mc "
                            "                  WHERE mc.member_id = a.member_id AND mc.proposal_id = p.id) "
                            "ORDER BY a.declined_at IS NOT NULL, coalesce (review_state, 0) = 2, a.due_on, "
                            "  p.title COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, member, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aAssignmentInfo *info = g_new0 (L4aAssignmentInfo, 1);

      info->proposal_id = l4a_store_column_dup (stmt, 0);
      info->title = l4a_store_column_dup (stmt, 1);
      info->government = l4a_store_column_dup (stmt, 2);
      info->call = l4a_store_column_dup (stmt, 3);
      info->due_on = l4a_store_column_dup (stmt, 4);
      info->version = sqlite3_column_int (stmt, 5);
      info->state = sqlite3_column_int (stmt, 6);
      if (sqlite3_column_int (stmt, 7) && info->state != L4A_REVIEW_SUBMITTED)
        {
          info->state = L4A_REVIEW_DECLINED;
          info->decline_reason = l4a_store_column_dup (stmt, 8);
        }
      g_ptr_array_add (list, info);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * l4a_review_proposal_info:
 *
 * The heading of a proposal for whoever may see it: title, lead
 * government, call and version.
 *
 * Returns: (transfer full): the heading, or %NULL with @error set
 */
L4aAssignmentInfo *
l4a_review_proposal_info (L4aStore    *store,
                          const char  *proposal_id,
                          GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aAssignmentInfo *info;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error) ||
      !l4a_review_check_can_see (store, &facts, proposal_id, error))
    return NULL;

  stmt = l4a_store_prepare (store, "SELECT g.name, c.title, p.language, g.country FROM proposal p "
                                   "JOIN government g ON g.id = p.government_id "
                                   "JOIN call c ON c.id = p.call_id WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      l4a_store_set_sqlite_error (store, SQLITE_ERROR, facts.title, error);
      return NULL;
    }
  info = g_new0 (L4aAssignmentInfo, 1);
  info->proposal_id = g_strdup (proposal_id);
  info->title = g_strdup (facts.title);
  info->government = l4a_store_column_dup (stmt, 0);
  info->call = l4a_store_column_dup (stmt, 1);
  info->version = facts.version;
  info->language = sqlite3_column_type (stmt, 2) != SQLITE_NULL
                   ? l4a_store_column_dup (stmt, 2)
                   : g_strdup (l4a_letter_language_for ((const char *) sqlite3_column_text (stmt, 3)));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* a member sees that they declined it */
  if (l4a_store_get_role (store) == L4A_ROLE_MEMBER && l4a_store_get_identity (store) != NULL)
    {
      stmt = l4a_store_prepare (store, "SELECT decline_reason FROM assignment WHERE proposal_id = ?1 "
                                       "AND member_id = ?2 AND round = ?3 AND declined_at IS NOT NULL", error);
      if (stmt == NULL)
        {
          l4a_assignment_info_free (info);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, l4a_store_get_identity (store), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, facts.version);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          info->state = L4A_REVIEW_DECLINED;
          info->decline_reason = l4a_store_column_dup (stmt, 0);
        }
    }
  return info;
}

/**
 * l4a_review_author_comments:
 *
 * The reviewers' comments for the authors of the decided version, without
 * names, once the decision is released; for the government that leads
 * the proposal and the secretariat.
 *
 * Returns: (transfer full) (element-type utf8): the comments, possibly
 *   none, or %NULL with @error set
 */
GPtrArray *
l4a_review_author_comments (L4aStore    *store,
                            const char  *proposal_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_free);
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error) ||
      !l4a_review_check_can_see (store, &facts, proposal_id, error))
    return NULL;
  if (l4a_store_get_role (store) == L4A_ROLE_MEMBER)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Comments for the authors are sent to the government with the decision."));
      return NULL;
    }

  stmt = l4a_store_prepare (store,
                            "SELECT r.comments_authors FROM review r JOIN decision d "
                            "  ON d.proposal_id = r.proposal_id AND d.proposal_version = r.proposal_version "
                            "WHERE r.proposal_id = ?1 AND d.released_at IS NOT NULL AND r.submitted_at IS NOT NULL "
                            "  AND trim (r.comments_authors) <> '' "
                            "ORDER BY r.proposal_version DESC, r.submitted_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (comments, l4a_store_column_dup (stmt, 0));
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&comments);
}

/**
 * l4a_review_confidence_weight:
 * @confidence: (nullable): expert, knowledgeable, outsider
 *
 * Returns: the weight of a review in a call that weights by confidence:
 *   3 for an expert, 2 for knowledgeable (and when not stated), 1 for an
 *   informed outsider
 */
double
l4a_review_confidence_weight (const char *confidence)
{
  if (g_strcmp0 (confidence, "expert") == 0)
    return 3;
  if (g_strcmp0 (confidence, "outsider") == 0)
    return 1;
  return 2;
}

/**
 * l4a_review_decline:
 * @reason: why, for the secretariat
 *
 * The member declines the proposal assigned to them, with a reason that
 * travels in their reviews bundle; the slot is free for the secretariat to
 * assign again. Not once their review is submitted.
 */
static gboolean
review_decline_checked (L4aStore    *store,
                        const char  *proposal_id,
                        const char  *reason,
                        GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  const char *member;
  gboolean submitted;

  if ((member = l4a_review_require_member (store, error)) == NULL ||
      !l4a_review_read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  text = g_strstrip (g_strdup (reason ? reason : ""));
  if (*text == '\0')
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Declining “%s”: give the secretariat a reason."), facts.title);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 1000)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Declining “%s”: the reason is longer than 1000 characters."), facts.title);
      return FALSE;
    }
  if (!l4a_review_query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 "
                                       "AND proposal_version = ?3 AND submitted_at IS NOT NULL",
                                proposal_id, member, facts.version, &submitted, error))
    return FALSE;
  if (submitted)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Declining “%s”: your review of it is submitted already."), facts.title);
      return FALSE;
    }

  stmt = l4a_store_prepare (store, "UPDATE assignment SET declined_at = ?4, decline_reason = ?5, updated_at = ?4, "
                                   "  revision = revision + 1 "
                                   "WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3 AND declined_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, facts.version);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    return FALSE;
  if (sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Declining “%s”: it is not assigned to you, or you declined it already."), facts.title);
      return FALSE;
    }
  details = g_strdup_printf ("{\"member\": \"%s\"}", member);
  return l4a_store_audit (store, "decline", "proposal", proposal_id, details, error);
}

gboolean
l4a_review_decline (L4aStore    *store,
                    const char  *proposal_id,
                    const char  *reason,
                    GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_decline_checked (store, proposal_id, reason, error), error);
}
