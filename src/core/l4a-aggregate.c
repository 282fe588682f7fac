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

/**
 * l4a_weighted_mean:
 * @weights: (nullable): one per value; %NULL weighs them all alike
 *
 * Returns: the weighted mean of @n values, 0 when there are none
 */
double
l4a_weighted_mean (const double *values,
                   const double *weights,
                   guint         n)
{
  double sum = 0, total = 0;

  for (guint i = 0; i < n; i++)
    {
      double w = weights ? weights[i] : 1;

      sum += w * values[i];
      total += w;
    }
  return total > 0 ? sum / total : 0;
}

/**
 * l4a_calibrate:
 * @reviewer: who gave each score (any numbering)
 * @values: the scores
 * @minimum: the fewest scores a reviewer needs to be calibrated
 * @lowest: the bottom of the scale
 * @highest: the top of the scale
 * @calibrated: (out caller-allocates): n calibrated scores
 * @is_calibrated: (out caller-allocates): n flags
 *
 * Calibrates each reviewer's scores against their own habits: a score
 * becomes its z-score among the reviewer's scores, mapped back onto the
 * scale through the mean and standard deviation of every score, so that
 * a harsh and a lenient reviewer who rank alike give alike. A reviewer
 * with fewer than @minimum scores keeps their raw scores. A reviewer who
 * gave every proposal the same score says nothing about order: their
 * scores become the overall mean.
 */
void
l4a_calibrate (const guint  *reviewer,
               const double *values,
               guint         n,
               guint         minimum,
               double        lowest,
               double        highest,
               double       *calibrated,
               gboolean     *is_calibrated)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  double mean = 0, deviation = 0;

  for (guint i = 0; i < n; i++)
    mean += values[i] / n;
  for (guint i = 0; i < n; i++)
    deviation += (values[i] - mean) * (values[i] - mean) / n;
  deviation = sqrt (deviation);

  /* count, sum, sum of squares per reviewer */
  for (guint i = 0; i < n; i++)
    {
      double *acc = g_hash_table_lookup (sums, GUINT_TO_POINTER (reviewer[i] + 1));

      if (acc == NULL)
        g_hash_table_insert (sums, GUINT_TO_POINTER (reviewer[i] + 1), acc = g_new0 (double, 3));
      acc[0] += 1;
      acc[1] += values[i];
    }
  for (guint i = 0; i < n; i++)
    {
      double *acc = g_hash_table_lookup (sums, GUINT_TO_POINTER (reviewer[i] + 1));
      double own = acc[1] / acc[0];

      acc[2] += (values[i] - own) * (values[i] - own);
    }

  for (guint i = 0; i < n; i++)
    {
      double *acc = g_hash_table_lookup (sums, GUINT_TO_POINTER (reviewer[i] + 1));
      double own = acc[1] / acc[0], spread = sqrt (acc[2] / acc[0]);

      is_calibrated[i] = acc[0] >= minimum && minimum > 0;
      if (!is_calibrated[i])
        calibrated[i] = values[i];
      else if (spread <= 1e-9)
        calibrated[i] = mean;
      else
        calibrated[i] = CLAMP (mean + (values[i] - own) / spread * deviation, lowest, highest);
    }
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

static int
compare_calibrated (gconstpointer a,
                    gconstpointer b)
{
  const L4aProposalScore *x = *(L4aProposalScore * const *) a;
  const L4aProposalScore *y = *(L4aProposalScore * const *) b;

  if (x->has_scores != y->has_scores)
    return x->has_scores ? -1 : 1;
  if (x->calibrated_mean != y->calibrated_mean)
    return x->calibrated_mean > y->calibrated_mean ? -1 : 1;
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
  guint minimum = 3;
  gboolean weighting = FALSE;
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint));     /* proposal of each score */
  g_autoptr(GArray) reviewers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) reviewer_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_SEE_SCORES, error))
    return NULL;

  stmt = l4a_store_prepare (store, "SELECT disagreement_threshold, calibration_minimum, confidence_weighting "
                                   "FROM call WHERE id = ?1", error);
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
  minimum = (guint) sqlite3_column_int (stmt, 1);
  weighting = sqlite3_column_int (stmt, 2) != 0;
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
                                "  AND a.declined_at IS NULL "
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
                            "  (SELECT count(*) FROM assignment a WHERE a.proposal_id = p.id AND a.round = p.version "
                            "   AND a.declined_at IS NULL) "
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

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, score->proposal_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(L4aReview) review = l4a_review_from_row (stmt);
          double value, weight = weighting ? l4a_review_confidence_weight (review->confidence) : 1;
          gpointer number;

          if (!l4a_review_load_scores (store, review, call_id, error))
            goto failed;
          score->n_submitted++;
          if (!l4a_review_weighted_score (review, &value))
            continue;
          if (!g_hash_table_lookup_extended (reviewer_numbers, review->member_id, NULL, &number))
            g_hash_table_insert (reviewer_numbers, g_strdup (review->member_id),
                                 number = GUINT_TO_POINTER (g_hash_table_size (reviewer_numbers)));
          {
            guint who = GPOINTER_TO_UINT (number);

            g_array_append_val (owners, i);
            g_array_append_val (reviewers, who);
          }
          g_array_append_val (values, value);
          g_array_append_val (weights, weight);
        }
      if (!l4a_store_rows_done (store, rc, error))
        goto failed;
    }

  /* Each proposal's scores, raw and calibrated across the whole call. */
  {
    guint n = values->len;
    g_autofree double *calibrated = g_new0 (double, MAX (n, 1));
    g_autofree gboolean *is_calibrated = g_new0 (gboolean, MAX (n, 1));
    g_autoptr(GPtrArray) by_calibrated = NULL;

    l4a_calibrate ((const guint *) (gpointer) reviewers->data, (const double *) (gpointer) values->data, n, minimum,
                   0, DEFAULT_SCALE, calibrated, is_calibrated);
    for (guint i = 0; i < result->len; i++)
      {
        L4aProposalScore *score = g_ptr_array_index (result, i);
        g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) own_calibrated = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) own_weights = g_array_new (FALSE, FALSE, sizeof (double));

        for (guint k = 0; k < n; k++)
          if (g_array_index (owners, guint, k) == i)
            {
              g_array_append_val (own, g_array_index (values, double, k));
              g_array_append_val (own_calibrated, calibrated[k]);
              g_array_append_val (own_weights, g_array_index (weights, double, k));
              score->calibrated |= is_calibrated[k];
            }
        score->has_scores = own->len > 0;
        l4a_aggregate ((const double *) (gpointer) own->data, own->len, &score->mean, &score->median, &score->spread);
        score->mean = l4a_weighted_mean ((const double *) (gpointer) own->data,
                                         (const double *) (gpointer) own_weights->data, own->len);
        score->calibrated_mean = l4a_weighted_mean ((const double *) (gpointer) own_calibrated->data,
                                                    (const double *) (gpointer) own_weights->data, own->len);
        score->disagreement = own->len > 1 && score->spread > threshold;
      }

    /* a plain copy would free the entries with the original's function */
    by_calibrated = g_ptr_array_sized_new (result->len);
    for (guint i = 0; i < result->len; i++)
      g_ptr_array_add (by_calibrated, g_ptr_array_index (result, i));
    g_ptr_array_sort (by_calibrated, compare_calibrated);
    for (guint i = 0; i < by_calibrated->len; i++)
      {
        L4aProposalScore *score = g_ptr_array_index (by_calibrated, i);

        score->calibrated_rank = score->has_scores ? i + 1 : 0;
      }
  }

  g_ptr_array_sort (result, compare_scores);
  for (guint i = 0; i < result->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (result, i);

      score->rank = score->has_scores ? i + 1 : 0;
    }
  return g_steal_pointer (&result);

failed:
  return NULL;
}
