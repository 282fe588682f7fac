/* l4a-aggregate.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aggregating a call's scores: mean, median, spread and the ranking.
 */

#define G_LOG_DOMAIN "l4a-aggregate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * l4a_aggregate:
 *
 * The mean, the median and the spread (highest minus lowest) of @n
 * values; zeros when there are none.
 */
void
l4a_aggregate (const double *values,
               guint         n,
               double       *mean,
               double       *median,
               double       *spread)
{
  g_autofree double *sorted = NULL;
  double sum = 0;

  *mean = *median = *spread = 0;
  if (n == 0)
    return;

  sorted = g_memdup2 (values, sizeof (double) * n);
  qsort (sorted, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += sorted[i];
  *mean = sum / n;
  *median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  *spread = sorted[n - 1] - sorted[0];
}

void
l4a_proposal_score_free (L4aProposalScore *score)
{
  if (score == NULL)
    return;
  g_free (score->proposal_id);
  g_free (score->title);
  g_free (score->government);
  g_free (score->state);
  g_free (score);
}

static void
proposal_score_free (gpointer data)
{
  l4a_proposal_score_free (data);
}

/* Best mean first; proposals without scores last; then by title. */
static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const L4aProposalScore *x = *(L4aProposalScore * const *) a;
  const L4aProposalScore *y = *(L4aProposalScore * const *) b;

  if (x->has_scores != y->has_scores)
    return x->has_scores ? -1 : 1;
  if (x->mean != y->mean)
    return x->mean > y->mean ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

/**
 * l4a_review_scores:
 * @progress: (out) (optional): assigned, submitted and overdue reviews
 *
 * Aggregates the submitted reviews of each proposal of a call under
 * review (its current version), for the secretariat.
 *
 * Returns: (transfer full) (element-type L4aProposalScore): one entry per
 *   proposal, best mean first, or %NULL with @error set
 */
GPtrArray *
l4a_review_scores (L4aStore           *store,
                   const char         *call_id,
                   L4aReviewProgress  *progress,
                   GError            **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  double threshold = 1.5;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_SEE_SCORES, error))
    return NULL;

  stmt = l4a_store_prepare (store, "SELECT disagreement_threshold FROM call WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no call with the id “%s”."), call_id);
      return NULL;
    }
  threshold = sqlite3_column_double (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  result = g_ptr_array_new_with_free_func (proposal_score_free);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    today = g_date_time_format (now, "%Y-%m-%d");
  }

  if (progress != NULL)
    {
      stmt = l4a_store_prepare (store,
                                "SELECT count(*), count(r.submitted_at), "
                                "  sum(r.submitted_at IS NULL AND a.due_on IS NOT NULL AND a.due_on < ?2) "
                                "FROM assignment a JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                                "LEFT JOIN review r ON r.proposal_id = a.proposal_id AND r.member_id = a.member_id "
                                "  AND r.proposal_version = p.version "
                                "WHERE p.call_id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          l4a_store_set_sqlite_error (store, rc, NULL, error);
          return NULL;
        }
      progress->assigned = sqlite3_column_int (stmt, 0);
      progress->submitted = sqlite3_column_int (stmt, 1);
      progress->overdue = sqlite3_column_int (stmt, 2);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = l4a_store_prepare (store,
                            "SELECT p.id, p.title, g.name, p.state, "
                            "  (SELECT count(*) FROM assignment a WHERE a.proposal_id = p.id AND a.round = p.version) "
                            "FROM proposal p JOIN government g ON g.id = p.government_id "
                            "WHERE p.call_id = ?1 AND p.state IN ('submitted', 'under-review', 'decided', 'released') "
                            "ORDER BY p.title COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aProposalScore *score = g_new0 (L4aProposalScore, 1);

      score->proposal_id = l4a_store_column_dup (stmt, 0);
      score->title = l4a_store_column_dup (stmt, 1);
      score->government = l4a_store_column_dup (stmt, 2);
      score->state = l4a_store_column_dup (stmt, 3);
      score->n_assigned = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (result, score);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* One statement for the submitted reviews of every proposal. */
  stmt = l4a_store_prepare (store,
                            "SELECT " REVIEW_COLUMNS "FROM review r JOIN member m ON m.id = r.member_id "
                            "JOIN proposal p ON p.id = r.proposal_id "
                            "WHERE r.proposal_id = ?1 AND r.proposal_version = p.version AND r.submitted_at IS NOT NULL",
                            error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < result->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (result, i);
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, score->proposal_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(L4aReview) review = l4a_review_from_row (stmt);
          double value;

          if (!l4a_review_load_scores (store, review, call_id, error))
            goto failed;
          score->n_submitted++;
          if (l4a_review_weighted_score (review, &value))
            g_array_append_val (values, value);
        }
      if (!l4a_store_rows_done (store, rc, error))
        goto failed;

      score->has_scores = values->len > 0;
      l4a_aggregate ((const double *) (gpointer) values->data, values->len, &score->mean, &score->median, &score->spread);
      score->disagreement = values->len > 1 && score->spread > threshold;
    }

  g_ptr_array_sort (result, compare_scores);
  return g_steal_pointer (&result);

failed:
  return NULL;
}
