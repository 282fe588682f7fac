/* test-review.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Advisory Board's review: assignment as a property over random
 * instances, aggregation on known vectors, every visibility rule, the
 * decision and its release, and the hub made from a granted label.
 */

#include "config.h"

#include <math.h>

#include "core-test-utils.h"

#include "l4a-labels.h"
#include "l4a-letter.h"
#include "l4a-member.h"
#include "l4a-proposal-edit.h"
#include "l4a-review.h"

static char *tmpdir;

static void
sql_exec (L4aStore   *store,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (l4a_store_get_path (store), &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static char *
sql_text (L4aStore   *store,
          const char *sql)
{
  return l4a_test_sql_text (l4a_store_get_path (store), sql);
}

static gint64
sql_int (L4aStore   *store,
         const char *sql)
{
  return l4a_test_sql_int (l4a_store_get_path (store), sql);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  guint     P, M, per, max_load;
  gboolean *conflict;
  gboolean *assigned;
  guint    *proposal_region;
  guint    *member_region;
} Instance;

static void
instance_free (Instance *inst)
{
  g_free (inst->conflict);
  g_free (inst->assigned);
  g_free (inst->proposal_region);
  g_free (inst->member_region);
}

static void
random_instance (GRand    *rand,
                 Instance *inst,
                 double    conflict_rate)
{
  inst->P = 200;
  inst->M = 15;
  inst->per = g_rand_int_range (rand, 1, 5);
  inst->max_load = g_rand_int_range (rand, 20, 70);
  inst->conflict = g_new0 (gboolean, inst->P * inst->M);
  inst->assigned = g_new0 (gboolean, inst->P * inst->M);
  inst->proposal_region = g_new0 (guint, inst->P);
  inst->member_region = g_new0 (guint, inst->M);
  for (guint p = 0; p < inst->P; p++)
    inst->proposal_region[p] = g_rand_int_range (rand, 0, 7);
  for (guint m = 0; m < inst->M; m++)
    inst->member_region[m] = g_rand_int_range (rand, 0, 7);
  for (guint i = 0; i < inst->P * inst->M; i++)
    inst->conflict[i] = g_rand_double (rand) < conflict_rate;
  /* A few assignments made earlier, never conflicting. */
  for (guint i = 0; i < inst->P * inst->M; i++)
    inst->assigned[i] = !inst->conflict[i] && g_rand_double (rand) < 0.01;
}

static void
test_assign_property (void)
{
  for (guint seed = 1; seed <= 60; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Instance inst = { 0 };
      L4aAssignProblem problem;
      g_autofree gboolean *chosen = NULL;
      g_autofree guint *load = NULL;
      guint added, counted = 0, missing = 0, demand = 0;
      gboolean generous;

      /* Half the seeds have ample room and few conflicts, half are tight. */
      random_instance (rand, &inst, seed % 2 ? 0.05 : 0.4);
      if (seed % 2 == 0)
        inst.max_load = g_rand_int_range (rand, 5, 30);
      problem = (L4aAssignProblem) { inst.P, inst.M, inst.per, inst.max_load, inst.conflict, inst.assigned,
                                     inst.proposal_region, inst.member_region };
      chosen = g_new0 (gboolean, inst.P * inst.M);
      load = g_new0 (guint, inst.M);
      added = l4a_assign_solve (&problem, chosen);

      for (guint p = 0; p < inst.P; p++)
        {
          guint have = 0, before = 0;

          for (guint m = 0; m < inst.M; m++)
            {
              guint i = p * inst.M + m;

              /* never a conflict, never twice the same pair */
              if (chosen[i])
                {
                  g_assert_false (inst.conflict[i]);
                  g_assert_false (inst.assigned[i]);
                  counted++;
                }
              if (chosen[i] || inst.assigned[i])
                {
                  have++;
                  load[m]++;
                }
              before += inst.assigned[i];
            }
          /* never more than asked */
          g_assert_cmpuint (have, <=, MAX (inst.per, before));
          if (have < inst.per)
            missing += inst.per - have;
          demand += inst.per > before ? inst.per - before : 0;
        }
      g_assert_cmpuint (counted, ==, added);

      for (guint m = 0; m < inst.M; m++)
        g_assert_cmpuint (load[m], <=, inst.max_load);

      /* Nothing could simply be added: a short proposal has no free,
       * eligible member left. */
      for (guint p = 0; p < inst.P; p++)
        {
          guint have = 0;

          for (guint m = 0; m < inst.M; m++)
            have += chosen[p * inst.M + m] || inst.assigned[p * inst.M + m];
          if (have >= inst.per)
            continue;
          for (guint m = 0; m < inst.M; m++)
            {
              guint i = p * inst.M + m;

              if (!inst.conflict[i] && !inst.assigned[i] && !chosen[i])
                g_assert_cmpuint (load[m], ==, inst.max_load);
            }
        }

      /* No work can be handed from a member to one with two fewer. */
      for (guint a = 0; a < inst.M; a++)
        for (guint b = 0; b < inst.M; b++)
          if (load[a] >= load[b] + 2)
            for (guint p = 0; p < inst.P; p++)
              if (chosen[p * inst.M + a])
                g_assert_true (inst.conflict[p * inst.M + b] || inst.assigned[p * inst.M + b] ||
                               chosen[p * inst.M + b]);

      generous = seed % 2 == 1 && inst.M * inst.max_load >= demand + inst.M * 2;
      if (generous)
        {
          guint lo = G_MAXUINT, hi = 0;

          /* every proposal covered, loads within one */
          g_assert_cmpuint (missing, ==, 0);
          for (guint m = 0; m < inst.M; m++)
            {
              lo = MIN (lo, load[m]);
              hi = MAX (hi, load[m]);
            }
          g_assert_cmpuint (hi - lo, <=, 1);
        }

      instance_free (&inst);
    }
}

/* Other regions are preferred when the loads allow. */
static void
test_assign_regions (void)
{
  gboolean conflict[4 * 8] = { 0 }, assigned[4 * 8] = { 0 }, chosen[4 * 8];
  guint proposal_region[4] = { 1, 1, 1, 1 };
  guint member_region[8] = { 1, 2, 1, 2, 1, 2, 1, 2 };
  L4aAssignProblem problem = { 4, 8, 1, 1, conflict, assigned, proposal_region, member_region };

  g_assert_cmpuint (l4a_assign_solve (&problem, chosen), ==, 4);
  for (guint p = 0; p < 4; p++)
    for (guint m = 0; m < 8; m++)
      if (chosen[p * 8 + m])
        g_assert_cmpuint (member_region[m], ==, 2);
}

static L4aScore *
score_new (double   weight,
           int      min,
           int      max,
           gboolean has,
           double   value)
{
  L4aScore *s = g_new0 (L4aScore, 1);

  s->label = g_strdup ("c");
  s->weight = weight;
  s->scale_min = min;
  s->scale_max = max;
  s->has_score = has;
  s->score = value;
  return s;
}

static void
test_score_free (gpointer data)
{
  L4aScore *s = data;

  g_free (s->label);
  g_free (s);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* What a member writes in a review is a property the review window binds
 * its rows to: notified once per change, never when set to what it is. */
static void
test_review_object (void)
{
  g_autoptr(L4aReview) review = l4a_review_new ();
  guint recommendation = 0, comments = 0;
  g_autofree char *read = NULL;

  g_signal_connect (review, "notify::recommendation", G_CALLBACK (count_notify_cb), &recommendation);
  g_signal_connect (review, "notify::comments-authors", G_CALLBACK (count_notify_cb), &comments);
  g_object_set (review, "recommendation", "revise", NULL);
  g_object_set (review, "recommendation", "revise", NULL);
  g_assert_cmpstr (review->recommendation, ==, "revise");
  g_assert_cmpuint (recommendation, ==, 1);
  g_object_set (review, "comments-authors", "Clearer budget, please.", NULL);
  g_object_get (review, "comments-authors", &read, NULL);
  g_assert_cmpstr (read, ==, "Clearer budget, please.");
  g_assert_cmpuint (comments, ==, 1);
  g_object_set (review, "recommendation", NULL, NULL);
  g_assert_null (review->recommendation);
  g_assert_cmpuint (recommendation, ==, 2);
  g_assert_nonnull (review->scores);
  g_assert_cmpuint (review->scores->len, ==, 0);
}

static void
test_aggregation (void)
{
  g_autoptr(L4aReview) review = l4a_review_new ();
  double score, mean, median, spread;
  const double values[] = { 4, 2, 3.5, 1 };
  const double three[] = { 3, 5, 1 };

  g_ptr_array_set_free_func (review->scores, test_score_free);

  /* nothing scored: no score */
  g_assert_false (l4a_review_weighted_score (review, &score));

  /* weights 2, 1, and an optional criterion left out */
  g_ptr_array_add (review->scores, score_new (2, 0, 5, TRUE, 5));
  g_ptr_array_add (review->scores, score_new (1, 0, 5, TRUE, 2));
  g_ptr_array_add (review->scores, score_new (1, 0, 5, FALSE, 0));
  g_assert_true (l4a_review_weighted_score (review, &score));
  g_assert_cmpfloat_with_epsilon (score, 12.0 / 3.0, 1e-9);

  /* a 1-to-10 criterion weighs by its weight, brought to the 0–5 scale */
  g_ptr_array_add (review->scores, score_new (1, 1, 10, TRUE, 10));
  g_assert_true (l4a_review_weighted_score (review, &score));
  g_assert_cmpfloat_with_epsilon (score, (10 + 2 + 5) / 4.0, 1e-9);

  /* a criterion of weight zero counts for nothing */
  g_ptr_array_add (review->scores, score_new (0, 0, 5, TRUE, 0));
  g_assert_true (l4a_review_weighted_score (review, &score));
  g_assert_cmpfloat_with_epsilon (score, (10 + 2 + 5) / 4.0, 1e-9);

  l4a_aggregate (values, 4, &mean, &median, &spread);
  g_assert_cmpfloat_with_epsilon (mean, 2.625, 1e-9);
  g_assert_cmpfloat_with_epsilon (median, 2.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (spread, 3, 1e-9);
  l4a_aggregate (three, 3, &mean, &median, &spread);
  g_assert_cmpfloat_with_epsilon (mean, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (median, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (spread, 4, 1e-9);
  l4a_aggregate (three, 0, &mean, &median, &spread);
  g_assert_cmpfloat (mean, ==, 0);

  /* review and decision times show as their day */
  {
    g_autofree char *day = l4a_format_date ("2024-06-20");
    g_autofree char *stamp = l4a_format_date ("2024-06-20T09:00:00Z");
    g_autofree char *bad = l4a_format_date ("2024-13-45T09:00:00Z");

    g_assert_cmpstr (day, ==, stamp);
    g_assert_cmpstr (bad, ==, "2024-13-45");
  }
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  L4aStore *store;
  char     *call;
  char     *quito;         /* proposal of Quito, submitted */
  char     *jalisco;       /* proposal of Jalisco, submitted */
  char     *quito_gov;
  char     *conflicted;    /* a member with a declared conflict with Quito */
} Board;

static void
board_clear (Board *board)
{
  g_clear_object (&board->store);
  g_free (board->call);
  g_free (board->quito);
  g_free (board->jalisco);
  g_free (board->quito_gov);
  g_free (board->conflicted);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Board, board_clear)

static void
board_open (Board      *board,
            const char *name)
{
  g_autofree char *sql = NULL;

  board->store = l4a_test_open_with_sample (tmpdir, name);
  board->call = sql_text (board->store, "SELECT id FROM call WHERE status = 'open'");
  board->quito = sql_text (board->store, "SELECT p.id FROM proposal p JOIN government g ON g.id = p.government_id "
                                         "WHERE g.name = 'Quito' AND p.state = 'submitted'");
  board->jalisco = sql_text (board->store, "SELECT p.id FROM proposal p JOIN government g ON g.id = p.government_id "
                                           "WHERE g.name = 'Jalisco' AND p.state = 'submitted'");
  board->quito_gov = sql_text (board->store, "SELECT id FROM government WHERE name = 'Quito'");
  board->conflicted = sql_text (board->store, "SELECT id FROM member WHERE name LIKE 'Marta Soler%'");
  g_assert_nonnull (board->quito);
  g_assert_nonnull (board->jalisco);
  sql = g_strdup_printf ("INSERT OR IGNORE INTO conflict (id, member_id, government_id, kind, reason, created_at, "
                         "updated_at, origin) VALUES ('test-conflict', '%s', '%s', 'declared', 'Former adviser', "
                         "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'test')", board->conflicted, board->quito_gov);
  sql_exec (board->store, sql);
  l4a_store_set_actor (board->store, L4A_ROLE_SECRETARIAT, NULL);
}

static char *
assigned_member (Board      *board,
                 const char *proposal,
                 guint       nth)
{
  g_autofree char *sql = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' "
                                          "ORDER BY member_id LIMIT 1 OFFSET %u", proposal, nth);
  return sql_text (board->store, sql);
}

/* Fills every score and a recommendation. */
static void
fill_review (L4aReview  *review,
             double      value,
             const char *recommendation)
{
  for (guint i = 0; i < review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (review->scores, i);

      s->has_score = TRUE;
      s->score = value;
    }
  g_free (review->recommendation);
  review->recommendation = g_strdup (recommendation);
  g_free (review->comments_confidential);
  review->comments_confidential = g_strdup_printf ("confidential %g", value);
}

static void
test_assign_store (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(L4aAssignMatrix) matrix = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *someone = NULL;

  board_open (&board, "assign.sqlite");

  /* refused outside the secretariat, nothing written */
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  g_assert_false (l4a_review_assign_call (board.store, board.call, 3, 0, FALSE, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "World Secretariat"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM assignment a JOIN proposal p ON p.id = a.proposal_id "
                                         "JOIN call c ON c.id = p.call_id WHERE c.status = 'open'"), ==, 0);

  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_review_assign_call (board.store, board.call, 0, 0, FALSE, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (l4a_review_assign_call (board.store, "no-such-call", 3, 0, FALSE, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a dry run writes nothing */
  before = sql_text (board.store, "SELECT count(*) || '/' || (SELECT count(*) FROM audit) FROM assignment");
  g_assert_true (l4a_review_assign_call (board.store, board.call, 3, 0, TRUE, &pairs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 6);
  after = sql_text (board.store, "SELECT count(*) || '/' || (SELECT count(*) FROM audit) FROM assignment");
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&pairs, g_ptr_array_unref);

  g_assert_true (l4a_review_assign_call (board.store, board.call, 3, 0, FALSE, &pairs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 6);
  /* never a conflicted pair; screening moved both proposals under review */
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM assignment a JOIN member_conflict mc "
                                         "ON mc.member_id = a.member_id AND mc.proposal_id = a.proposal_id"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM proposal WHERE id IN ('%s', '%s') "
                                            "AND state = 'under-review'", board.quito, board.jalisco);
    g_assert_cmpint (sql_int (board.store, sql), ==, 2);
  }
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM audit WHERE action = 'assign' AND record_type = 'call'"),
                   ==, 1);

  /* running it again adds nothing */
  g_assert_true (l4a_review_assign_call (board.store, board.call, 3, 0, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);

  /* by hand: the conflicted member is refused by name */
  g_assert_false (l4a_review_assign (board.store, board.quito, board.conflicted, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "Marta Soler"));
  g_assert_nonnull (strstr (error->message, "conflict"));
  g_clear_error (&error);

  /* twice the same pair is refused */
  someone = assigned_member (&board, board.quito, 0);
  g_assert_false (l4a_review_assign (board.store, board.quito, someone, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* remove and add back */
  g_assert_true (l4a_review_unassign (board.store, board.quito, someone, &error));
  g_assert_no_error (error);
  g_assert_true (l4a_review_assign (board.store, board.quito, someone, &error));
  g_assert_no_error (error);

  matrix = l4a_review_matrix (board.store, board.call, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matrix);
  {
    guint total = 0, conflicts = 0;
    guint M = matrix->member_ids->len;

    for (guint m = 0; m < M; m++)
      total += matrix->loads[m];
    g_assert_cmpuint (total, ==, 6);
    for (guint p = 0; p < matrix->proposal_ids->len; p++)
      for (guint m = 0; m < M; m++)
        conflicts += matrix->cells[p * M + m] == L4A_CELL_CONFLICT;
    g_assert_cmpuint (conflicts, ==, sql_int (board.store, "SELECT count(*) FROM member_conflict mc JOIN proposal p "
                                                           "ON p.id = mc.proposal_id JOIN call c ON c.id = p.call_id "
                                                           "WHERE c.status = 'open' AND p.state = 'under-review'"));
  }
}

static void
test_review_visibility (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aReview) a_review = NULL;
  g_autoptr(L4aReview) b_review = NULL;
  g_autoptr(L4aReview) reopened = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *outsider = NULL;
  g_autofree char *sql = NULL;
  gint64 reviews_before;

  board_open (&board, "visibility.sqlite");
  g_assert_true (l4a_review_assign_call (board.store, board.call, 3, 0, FALSE, NULL, &error));
  g_assert_no_error (error);
  a = assigned_member (&board, board.quito, 0);
  b = assigned_member (&board, board.quito, 1);
  c = assigned_member (&board, board.quito, 2);
  sql = g_strdup_printf ("SELECT id FROM member WHERE id NOT IN (SELECT member_id FROM assignment WHERE proposal_id = '%s') "
                         "AND id <> '%s' LIMIT 1", board.quito, board.conflicted);
  outsider = sql_text (board.store, sql);

  /* a conflicted member never sees the proposal, nor does one not assigned */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, board.conflicted);
  g_assert_false (l4a_review_can_see_proposal (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (l4a_review_open (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, outsider);
  g_assert_null (l4a_review_open (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* a government reads no review */
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  g_assert_null (l4a_review_list (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (l4a_review_open (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* member A opens a fresh review with the call's criteria */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
  g_assert_true (l4a_review_can_see_proposal (board.store, board.quito, &error));
  a_review = l4a_review_open (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_null (a_review->id);
  g_assert_cmpuint (a_review->scores->len, ==, 6);

  /* hostile scores are refused, naming the criterion; nothing written */
  reviews_before = sql_int (board.store, "SELECT count(*) FROM review");
  {
    L4aScore *first = g_ptr_array_index (a_review->scores, 0);

    first->has_score = TRUE;
    first->score = 9;
    g_assert_false (l4a_review_save (board.store, a_review, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, first->label));
    g_clear_error (&error);
    first->score = NAN;
    g_assert_false (l4a_review_save (board.store, a_review, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
    g_clear_error (&error);
    first->score = 4;
  }
  g_free (a_review->recommendation);
  a_review->recommendation = g_strdup ("'; DROP TABLE review; --");
  g_assert_false (l4a_review_save (board.store, a_review, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&a_review->recommendation, g_free);
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM review"), ==, reviews_before);

  /* a draft saves partial work; submitting needs every required score */
  g_assert_true (l4a_review_save (board.store, a_review, &error));
  g_assert_no_error (error);
  g_assert_nonnull (a_review->id);
  g_assert_false (l4a_review_submit (board.store, a_review, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before submitting"));
  g_clear_error (&error);
  reopened = l4a_review_open (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reopened->id, ==, a_review->id);
  g_assert_true (((L4aScore *) g_ptr_array_index (reopened->scores, 0))->has_score);
  g_assert_cmpfloat (((L4aScore *) g_ptr_array_index (reopened->scores, 0))->score, ==, 4);

  /* B submits a complete review */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, b);
  b_review = l4a_review_open (board.store, board.quito, &error);
  g_assert_no_error (error);
  fill_review (b_review, 2, "revise");
  g_assert_true (l4a_review_submit (board.store, b_review, &error));
  g_assert_no_error (error);
  /* a submitted review no longer changes */
  g_assert_false (l4a_review_save (board.store, b_review, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* nor can anyone else write it */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
  g_assert_false (l4a_review_save (board.store, b_review, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* A, not yet submitted, sees only their own review and no discussion */
  list = l4a_review_list (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((L4aReview *) g_ptr_array_index (list, 0))->member_id, ==, a);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (l4a_discussion_list (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (l4a_discussion_add (board.store, board.quito, "Early opinion", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* after submitting, A sees B's review, anonymous, with its confidential comments */
  fill_review (a_review, 5, "grant");
  g_assert_true (l4a_review_submit (board.store, a_review, &error));
  g_assert_no_error (error);
  list = l4a_review_list (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  {
    L4aReview *other = NULL;

    for (guint i = 0; i < list->len; i++)
      if (((L4aReview *) g_ptr_array_index (list, i))->member_id == NULL)
        other = g_ptr_array_index (list, i);
    g_assert_nonnull (other);
    g_assert_cmpstr (other->reviewer, ==, "Reviewer 1");
    g_assert_cmpstr (other->recommendation, ==, "revise");
    g_assert_cmpstr (other->comments_confidential, ==, "confidential 2");
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the discussion opens to A; blank notes are refused */
  g_assert_false (l4a_discussion_add (board.store, board.quito, "   \n", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (l4a_discussion_add (board.store, board.quito, "The time frame is tight.", &error));
  g_assert_no_error (error);

  /* C, assigned but not submitted, still sees nothing of the others */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, c);
  list = l4a_review_list (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (l4a_discussion_list (board.store, board.quito, &error));
  g_clear_error (&error);

  /* the secretariat sees all, with names, and the discussion */
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  list = l4a_review_list (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_nonnull (((L4aReview *) g_ptr_array_index (list, 0))->member_id);
  notes = l4a_discussion_list (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((L4aNote *) g_ptr_array_index (notes, 0))->body, ==, "The time frame is tight.");

  /* a started review keeps its assignment */
  g_assert_false (l4a_review_unassign (board.store, board.quito, a, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "not lost"));
  g_clear_error (&error);

  /* scores: the mean of 5 and 2, spread 3 over the threshold */
  {
    g_autoptr(GPtrArray) scores = NULL;
    L4aReviewProgress progress = { 0 };
    L4aProposalScore *quito = NULL;

    scores = l4a_review_scores (board.store, board.call, &progress, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (progress.assigned, ==, 6);
    g_assert_cmpuint (progress.submitted, ==, 2);
    for (guint i = 0; i < scores->len; i++)
      if (g_str_equal (((L4aProposalScore *) g_ptr_array_index (scores, i))->proposal_id, board.quito))
        quito = g_ptr_array_index (scores, i);
    g_assert_nonnull (quito);
    g_assert_cmpuint (quito->n_submitted, ==, 2);
    g_assert_cmpfloat_with_epsilon (quito->mean, 3.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (quito->median, 3.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (quito->spread, 3, 1e-9);
    g_assert_true (quito->disagreement);
    /* ranked first: the other proposal has no score yet */
    g_assert_true (g_ptr_array_index (scores, 0) == quito);

    l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
    g_assert_null (l4a_review_scores (board.store, board.call, NULL, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
}

static void
test_decision_release (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aDecision) seen = NULL;
  g_autofree char *a = NULL;
  g_autofree char *hub = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *jalisco_gov = NULL;

  board_open (&board, "decision.sqlite");
  g_assert_true (l4a_review_assign_call (board.store, board.call, 2, 0, FALSE, NULL, &error));
  g_assert_no_error (error);
  a = assigned_member (&board, board.quito, 0);
  jalisco_gov = sql_text (board.store, "SELECT id FROM government WHERE name = 'Jalisco'");

  /* a review with comments for the authors */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
  {
    g_autoptr(L4aReview) review = l4a_review_open (board.store, board.quito, &error);

    g_assert_no_error (error);
    fill_review (review, 4, "grant");
    review->comments_authors = (g_free (review->comments_authors), g_strdup ("Name the partners' roles."));
    g_assert_true (l4a_review_submit (board.store, review, &error));
    g_assert_no_error (error);
  }
  /* members never read them as authors; the government only after release */
  g_assert_null (l4a_review_author_comments (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  {
    g_autoptr(GPtrArray) comments = l4a_review_author_comments (board.store, board.quito, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (comments->len, ==, 0);
  }

  /* only the secretariat decides; a rationale is required */
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
  g_assert_false (l4a_decision_save (board.store, board.quito, "label-granted", "Strong", "", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_decision_save (board.store, board.quito, "label-granted", "  ", "", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "rationale"));
  g_clear_error (&error);
  g_assert_false (l4a_decision_save (board.store, board.quito, "maybe", "Strong", "", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM decision WHERE proposal_id IN "
                                         "(SELECT id FROM proposal WHERE state = 'under-review')"), ==, 0);

  g_assert_true (l4a_decision_save (board.store, board.quito, "label-granted", "A clear plan with partners.",
                                    "Check the budget line.", &error));
  g_assert_no_error (error);

  /* the secretariat sees it with the internal notes; nobody else yet */
  seen = l4a_decision_get (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->internal_notes, ==, "Check the budget line.");
  g_assert_null (seen->released_at);
  g_clear_pointer (&seen, l4a_decision_free);
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  g_assert_null (l4a_decision_get (board.store, board.quito, &error));
  g_assert_no_error (error);
  l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
  g_assert_null (l4a_decision_get (board.store, board.quito, &error));
  g_assert_no_error (error);
  /* another government does not even see the proposal */
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, jalisco_gov);
  g_assert_null (l4a_decision_get (board.store, board.quito, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* release: the hub is made from the proposal, linked both ways */
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_true (l4a_decision_release (board.store, board.quito, &hub, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hub);
  sql = g_strdup_printf ("SELECT count(*) FROM hub h JOIN proposal p ON p.id = h.proposal_id "
                         "WHERE h.id = '%s' AND p.id = '%s' AND h.name = p.title AND h.summary = p.summary "
                         "AND h.government_id = p.government_id AND h.start_on = p.start_on AND h.end_on = p.end_on "
                         "AND h.topic = p.topic AND h.status = 'active' AND h.label_date IS NOT NULL "
                         "AND p.state = 'released'", hub, board.quito);
  g_assert_cmpint (sql_int (board.store, sql), ==, 1);
#define SAME_COUNT(table, key) \
  { \
    g_autofree char *q = g_strdup_printf ("SELECT (SELECT count(*) FROM " table " WHERE hub_id = '%s') || '/' || " \
                                          "(SELECT count(*) FROM " table " WHERE " key " = '%s')", hub, board.quito); \
    g_autofree char *v = sql_text (board.store, q); \
    g_auto(GStrv) parts = g_strsplit (v, "/", 2); \
    g_assert_cmpstr (parts[0], ==, parts[1]); \
    g_assert_cmpstr (parts[0], !=, "0"); \
  }
  SAME_COUNT ("deliverable", "proposal_id")
  SAME_COUNT ("indicator", "proposal_id")
#undef SAME_COUNT
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT group_concat (goal) FROM (SELECT goal FROM hub_sdg WHERE hub_id = '%s' ORDER BY goal)",
                         hub);
  {
    g_autofree char *hub_goals = sql_text (board.store, sql);
    g_autofree char *q = g_strdup_printf ("SELECT group_concat (goal) FROM (SELECT goal FROM proposal_sdg "
                                          "WHERE proposal_id = '%s' ORDER BY goal)", board.quito);
    g_autofree char *proposal_goals = sql_text (board.store, q);

    g_assert_cmpstr (hub_goals, ==, proposal_goals);
  }
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM audit WHERE action = 'release'"), >=, 1);

  /* now the government sees the outcome and rationale, not the notes */
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  seen = l4a_decision_get (board.store, board.quito, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->outcome, ==, "label-granted");
  g_assert_cmpstr (seen->rationale, ==, "A clear plan with partners.");
  g_assert_cmpstr (seen->internal_notes, ==, "");
  g_assert_cmpstr (seen->hub_id, ==, hub);
  g_clear_pointer (&seen, l4a_decision_free);
  {
    g_autoptr(GPtrArray) comments = l4a_review_author_comments (board.store, board.quito, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (comments->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (comments, 0), ==, "Name the partners' roles.");
  }

  /* the decision letter: for the government and the secretariat, once
   * released; the outcome, the rationale, the comments without names */
  {
    g_autofree char *pdf = g_build_filename (tmpdir, "letter.pdf", NULL);
    g_autofree char *text = NULL;
    g_autofree char *names = sql_text (board.store, "SELECT group_concat (name, '|') FROM member");
    g_auto(GStrv) members = g_strsplit (names, "|", -1);
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    int status = 0;

    g_assert_true (l4a_letter_write (board.store, board.quito, "en", pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "granted your proposal the"));
    g_assert_nonnull (strstr (text, "A clear plan with partners."));
    g_assert_nonnull (strstr (text, "Name the partners"));
    g_assert_nonnull (strstr (text, "Reviewer 1"));
    g_assert_nonnull (strstr (text, "co-branded label"));
    for (guint i = 0; members[i] != NULL; i++)
      if (*members[i] != '\0' && strstr (text, members[i]) != NULL)
        g_error ("The letter names the reviewer %s", members[i]);
    /* nor in a language it is not written in */
    g_assert_false (l4a_letter_write (board.store, board.quito, "de", pdf, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
    g_clear_error (&error);
    /* not for a board member, nor another government, nor before release */
    l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
    g_assert_false (l4a_letter_write (board.store, board.quito, NULL, pdf, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_clear_error (&error);
    l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, jalisco_gov);
    g_assert_false (l4a_letter_write (board.store, board.quito, NULL, pdf, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_false (l4a_letter_write (board.store, board.jalisco, NULL, pdf, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  }

  /* a released decision neither changes nor is released twice */
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_decision_save (board.store, board.quito, "declined", "No", "", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (l4a_decision_release (board.store, board.quito, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM hub WHERE proposal_id IS NOT NULL AND label_date = "
                                         "(SELECT max (label_date) FROM hub)"), >=, 1);

  /* a review of Jalisco's first version */
  {
    g_autofree char *jalisco_reviewer = assigned_member (&board, board.jalisco, 0);
    g_autoptr(L4aReview) review = NULL;

    l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, jalisco_reviewer);
    review = l4a_review_open (board.store, board.jalisco, &error);
    g_assert_no_error (error);
    fill_review (review, 3, "revise");
    g_assert_true (l4a_review_submit (board.store, review, &error));
    g_assert_no_error (error);
    l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  }

  /* revise and resubmit: the government revises only once it is released */
  g_assert_true (l4a_decision_save (board.store, board.jalisco, "revise-resubmit", "Narrow the topic.", "", &error));
  g_assert_no_error (error);
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, jalisco_gov);
  g_assert_false (l4a_proposal_revise (board.store, board.jalisco, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  g_clear_pointer (&hub, g_free);
  g_assert_true (l4a_decision_release (board.store, board.jalisco, &hub, &error));
  g_assert_no_error (error);
  g_assert_null (hub);
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, jalisco_gov);
  g_assert_true (l4a_proposal_revise (board.store, board.jalisco, &error));
  g_assert_no_error (error);
  {
    g_autofree char *q = g_strdup_printf ("SELECT version || state FROM proposal WHERE id = '%s'", board.jalisco);
    g_autofree char *v = sql_text (board.store, q);

    g_assert_cmpstr (v, ==, "2draft");
  }

  /* the second version is submitted to the call, open around today */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) before = g_date_time_add_days (now, -10);
    g_autoptr(GDateTime) after = g_date_time_add_days (now, 30);
    g_autofree char *opens = g_date_time_format (before, "%Y-%m-%d");
    g_autofree char *closes = g_date_time_format (after, "%Y-%m-%d");
    g_autofree char *q = g_strdup_printf ("UPDATE call SET opens_on = '%s', closes_on = '%s' WHERE id = '%s'",
                                          opens, closes, board.call);
    g_autofree char *reviewer = NULL;
    g_autoptr(GPtrArray) reviews = NULL;
    g_autoptr(GPtrArray) added = NULL;

    sql_exec (board.store, q);
    g_assert_true (l4a_proposal_submit (board.store, board.jalisco, &error));
    g_assert_no_error (error);

    /* the first version's reviews stay readable, tied to version 1 */
    l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
    reviews = l4a_review_list (board.store, board.jalisco, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reviews->len, ==, 1);
    g_assert_cmpint (((L4aReview *) g_ptr_array_index (reviews, 0))->proposal_version, ==, 1);
    reviewer = g_strdup (((L4aReview *) g_ptr_array_index (reviews, 0))->member_id);

    /* the new version needs new reviews: new assignments, a fresh review */
    g_assert_true (l4a_review_assign_call (board.store, board.call, 2, 0, FALSE, &added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added->len, ==, 2);
    g_clear_pointer (&q, g_free);
    q = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' AND round = 2 "
                         "ORDER BY member_id LIMIT 1", board.jalisco);
    {
      g_autofree char *second = sql_text (board.store, q);
      g_autoptr(L4aReview) fresh = NULL;

      l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, second);
      fresh = l4a_review_open (board.store, board.jalisco, &error);
      g_assert_no_error (error);
      g_assert_null (fresh->id);
      g_assert_cmpint (fresh->proposal_version, ==, 2);
    }
  }

  /* the audit log, filtered */
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);
  {
    g_autoptr(GPtrArray) entries = l4a_audit_list (board.store, NULL, NULL, "release", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 2);
    g_assert_cmpstr (((L4aAuditEntry *) g_ptr_array_index (entries, 0))->record_id, ==, board.jalisco);
    /* in words: what was done to which proposal, by whom, when */
    {
      L4aAuditEntry *entry = g_ptr_array_index (entries, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT title FROM proposal WHERE id = '%s'", board.jalisco);
      g_autofree char *title = sql_text (board.store, sql);
      g_autofree char *expected = g_strdup_printf ("Released the decision on proposal “%s”", title);
      g_autofree char *said = l4a_audit_entry_describe (board.store, entry);
      g_autofree char *who = l4a_audit_entry_actor (board.store, entry);
      g_autofree char *when = l4a_format_time (entry->at);
      L4aAuditEntry gone = { 0, entry->at, (char *) "member:00000000-0000-4000-8000-000000000009",
                             (char *) "delete", (char *) "hub", (char *) "5f0c2b1e-0000-4000-8000-000000000000",
                             (char *) "{}" };
      L4aAuditEntry odd = { 0, entry->at, (char *) "secretariat", (char *) "frobnicate",
                            (char *) "no_such_table; DROP TABLE hub", (char *) "x", (char *) "{}" };
      g_autofree char *gone_said = l4a_audit_entry_describe (board.store, &gone);
      g_autofree char *gone_who = l4a_audit_entry_actor (board.store, &gone);
      g_autofree char *odd_said = l4a_audit_entry_describe (board.store, &odd);

      g_assert_cmpstr (said, ==, expected);
      g_assert_cmpstr (who, ==, "World Secretariat");
      g_assert_null (strchr (when, 'T'));  /* a day and a time for people, not ISO 8601 */
      g_assert_nonnull (strstr (when, ":"));
      /* a record that is gone, an actor not known here, an action and a
       * kind this version has no words for: said plainly, never looked up */
      g_assert_cmpstr (gone_said, ==, "Deleted hub 5f0c2b1e…");
      g_assert_cmpstr (gone_who, ==, "member:00000000-0000-4000-8000-000000000009");
      g_assert_cmpstr (odd_said, ==, "frobnicate: no_such_table; DROP TABLE hub");
      g_assert_cmpint (sql_int (board.store, "SELECT count(*) FROM hub"), >, 0);
    }
    g_clear_pointer (&entries, g_ptr_array_unref);
    /* the actor found by the name the log shows */
    entries = l4a_audit_list (board.store, NULL, "world secre", "release", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 2);
    g_clear_pointer (&entries, g_ptr_array_unref);
    {
      g_autofree char *member = sql_text (board.store, "SELECT m.name FROM member m WHERE EXISTS (SELECT 1 FROM audit "
                                                       "WHERE actor = 'member:' || m.id) LIMIT 1");
      g_autofree char *part = g_utf8_strdown (member, 5);

      entries = l4a_audit_list (board.store, NULL, part, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, >, 0);
      for (guint i = 0; i < entries->len; i++)
        g_assert_true (g_str_has_prefix (((L4aAuditEntry *) g_ptr_array_index (entries, i))->actor, "member:"));
      g_clear_pointer (&entries, g_ptr_array_unref);
    }
    entries = l4a_audit_list (board.store, board.quito, NULL, NULL, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < entries->len; i++)
      g_assert_cmpstr (((L4aAuditEntry *) g_ptr_array_index (entries, i))->record_id, ==, board.quito);
    g_assert_cmpuint (entries->len, >=, 3);
    l4a_store_set_actor (board.store, L4A_ROLE_MEMBER, a);
    g_clear_pointer (&entries, g_ptr_array_unref);
    g_assert_null (l4a_audit_list (board.store, NULL, NULL, NULL, 0, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  }
}

static void
test_members (void)
{
  g_auto(Board) board = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aMemberEdit) edit = NULL;
  g_autoptr(L4aMemberEdit) loaded = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *someone = NULL;
  g_autofree char *sql = NULL;
  guint unassigned = 99;
  gboolean automatic = FALSE;

  board_open (&board, "members.sqlite");

  /* hostile input: refused by field, nothing written */
  before = sql_text (board.store, "SELECT count(*) || '/' || (SELECT count(*) FROM conflict) FROM member");
  edit = l4a_member_edit_new ();
  edit->name = g_strdup ("   ");
  edit->country = g_strdup ("XX");
  edit->region = g_strdup ("atlantis");
  g_assert_false (l4a_member_save (board.store, edit, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs a name"));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) problems = l4a_member_edit_validate (board.store, edit);

    g_assert_cmpuint (problems->len, ==, 3);
  }
  g_free (edit->name);
  edit->name = g_strdup ("Nadia Benali'); DROP TABLE member; --");
  g_free (edit->country);
  edit->country = g_strdup ("MA");
  g_free (edit->region);
  edit->region = g_strdup ("africa");
  l4a_member_edit_add_conflict (edit, board.quito_gov, "   ");
  g_assert_false (l4a_member_save (board.store, edit, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  after = sql_text (board.store, "SELECT count(*) || '/' || (SELECT count(*) FROM conflict) FROM member");
  g_assert_cmpstr (before, ==, after);

  /* only the secretariat keeps the board */
  l4a_store_set_actor (board.store, L4A_ROLE_GOVERNMENT, board.quito_gov);
  g_assert_false (l4a_member_save (board.store, edit, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (l4a_member_list (board.store, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (board.store, L4A_ROLE_SECRETARIAT, NULL);

  /* a new member, with a declared conflict; the name is kept as typed */
  g_free (((L4aConflictEdit *) g_ptr_array_index (edit->conflicts, 0))->reason);
  ((L4aConflictEdit *) g_ptr_array_index (edit->conflicts, 0))->reason = g_strdup ("Former adviser to the mayor");
  g_assert_true (l4a_member_save (board.store, edit, &unassigned, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unassigned, ==, 0);
  loaded = l4a_member_load (board.store, edit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Nadia Benali'); DROP TABLE member; --");
  g_assert_cmpuint (loaded->conflicts->len, >=, 1);
  g_assert_false (((L4aConflictEdit *) g_ptr_array_index (loaded->conflicts, 0))->automatic);
  g_assert_cmpstr (((L4aConflictEdit *) g_ptr_array_index (loaded->conflicts, 0))->government_name, ==, "Quito");
  /* the member_conflict view keeps them off Quito's proposal */
  sql = g_strdup_printf ("SELECT count(*) FROM member_conflict WHERE member_id = '%s' AND proposal_id = '%s'",
                         edit->id, board.quito);
  g_assert_cmpint (sql_int (board.store, sql), ==, 1);

  /* automatic conflicts come from the member's country */
  members = l4a_member_list (board.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      L4aMemberEdit *m = g_ptr_array_index (members, i);

      for (guint k = 0; k < m->conflicts->len; k++)
        automatic |= ((L4aConflictEdit *) g_ptr_array_index (m->conflicts, k))->automatic;
    }
  g_assert_true (automatic);

  /* declaring a conflict withdraws a member from a proposal not yet reviewed */
  g_assert_true (l4a_review_assign_call (board.store, board.call, 3, 0, FALSE, NULL, &error));
  g_assert_no_error (error);
  someone = assigned_member (&board, board.jalisco, 0);
  g_clear_pointer (&loaded, l4a_member_edit_free);
  loaded = l4a_member_load (board.store, someone, &error);
  g_assert_no_error (error);
  {
    g_autofree char *jalisco_gov = sql_text (board.store, "SELECT id FROM government WHERE name = 'Jalisco'");

    l4a_member_edit_add_conflict (loaded, jalisco_gov, "Family member works there");
  }
  g_assert_true (l4a_member_save (board.store, loaded, &unassigned, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unassigned, ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM assignment WHERE member_id = '%s' AND proposal_id = '%s'",
                         someone, board.jalisco);
  g_assert_cmpint (sql_int (board.store, sql), ==, 0);

  /* stale edits are refused */
  loaded->revision = 1;
  g_assert_false (l4a_member_save (board.store, loaded, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* a member with reviews stays; one without goes */
  {
    g_autofree char *reviewer = sql_text (board.store, "SELECT member_id FROM review LIMIT 1");

    g_assert_false (l4a_member_delete (board.store, reviewer, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_assert_true (l4a_member_delete (board.store, edit->id, &error));
  g_assert_no_error (error);
  g_assert_null (l4a_member_load (board.store, edit->id, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/review/assign-property", test_assign_property);
  g_test_add_func ("/core/review/assign-regions", test_assign_regions);
  g_test_add_func ("/core/review/aggregation", test_aggregation);
  g_test_add_func ("/core/review/object", test_review_object);
  g_test_add_func ("/core/review/assign-store", test_assign_store);
  g_test_add_func ("/core/review/visibility", test_review_visibility);
  g_test_add_func ("/core/review/decision-release", test_decision_release);
  g_test_add_func ("/core/review/members", test_members);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-review-XXXXXX");
}
