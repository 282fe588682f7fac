/* test-board.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Advisory Board's deeper work: the solver with expertise and
 * languages against a brute force, calibration on known vectors,
 * confidence weights, and what members declare.
 */

#include "config.h"

#include <math.h>

#include "core-test-utils.h"

#include "l4a-call.h"
#include "l4a-member.h"
#include "l4a-proposal-edit.h"
#include "l4a-registry.h"
#include "l4a-review.h"

static char *tmpdir;

/* ------------------------------------------------------------------------
 * The solver against every possible assignment of a small instance. */

typedef struct
{
  guint covered;
  guint64 load_cost;
  guint matches;
} Outcome;

static Outcome
outcome_of (const L4aAssignProblem *problem,
            const gboolean         *chosen)
{
  guint P = problem->n_proposals, M = problem->n_members;
  Outcome out = { 0 };

  for (guint m = 0; m < M; m++)
    {
      guint before = 0, after = 0;

      for (guint p = 0; p < P; p++)
        {
          before += problem->assigned[p * M + m];
          after += problem->assigned[p * M + m] || chosen[p * M + m];
        }
      for (guint k = before + 1; k <= after; k++)
        out.load_cost += k;
    }
  for (guint i = 0; i < P * M; i++)
    if (chosen[i])
      {
        out.covered++;
        out.matches += problem->match[i];
      }
  return out;
}

static gboolean
feasible (const L4aAssignProblem *problem,
          const gboolean         *chosen)
{
  guint P = problem->n_proposals, M = problem->n_members;

  for (guint p = 0; p < P; p++)
    {
      guint have = 0, before = 0;

      for (guint m = 0; m < M; m++)
        {
          before += problem->assigned[p * M + m];
          have += problem->assigned[p * M + m] || chosen[p * M + m];
          if (chosen[p * M + m] && (problem->conflict[p * M + m] || problem->assigned[p * M + m]))
            return FALSE;
        }
      if (have > MAX (before, problem->per_proposal))
        return FALSE;
    }
  for (guint m = 0; m < M; m++)
    {
      guint load = 0, added = 0;

      for (guint p = 0; p < P; p++)
        {
          load += problem->assigned[p * M + m] || chosen[p * M + m];
          added += chosen[p * M + m];
        }
      if (added > 0 && load > problem->max_load)
        return FALSE;
    }
  return TRUE;
}

/* More covered first, then even loads, then more expertise. */
static gboolean
better (Outcome a,
        Outcome b)
{
  if (a.covered != b.covered)
    return a.covered > b.covered;
  if (a.load_cost != b.load_cost)
    return a.load_cost < b.load_cost;
  return a.matches > b.matches;
}

static void
test_solver_brute_force (void)
{
  for (guint seed = 1; seed <= 400; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint P = g_rand_int_range (rand, 1, 5), M = g_rand_int_range (rand, 1, 5);
      guint n = P * M;
      g_autofree gboolean *conflict = g_new0 (gboolean, n);
      g_autofree gboolean *assigned = g_new0 (gboolean, n);
      g_autofree gboolean *chosen = g_new0 (gboolean, n);
      g_autofree gboolean *trial = g_new0 (gboolean, n);
      g_autofree guint *match = g_new0 (guint, n);
      g_autofree guint *proposal_region = g_new0 (guint, P);
      g_autofree guint *member_region = g_new0 (guint, M);
      g_autofree guint *reads = g_new0 (guint, M);      /* bit per language */
      g_autofree guint *language = g_new0 (guint, P);
      L4aAssignProblem problem = { 0 };
      Outcome best = { 0 }, got;
      guint added;

      g_assert_cmpuint (n, <=, 16);
      for (guint p = 0; p < P; p++)
        {
          proposal_region[p] = g_rand_int_range (rand, 0, 3);
          language[p] = g_rand_int_range (rand, 0, 3);
        }
      for (guint m = 0; m < M; m++)
        {
          member_region[m] = g_rand_int_range (rand, 0, 3);
          reads[m] = g_rand_int_range (rand, 1, 8);
        }
      for (guint p = 0; p < P; p++)
        for (guint m = 0; m < M; m++)
          {
            guint i = p * M + m;

            /* a language the member does not read is never offered */
            conflict[i] = g_rand_double (rand) < 0.15 || !(reads[m] & (1u << language[p]));
            assigned[i] = !conflict[i] && g_rand_double (rand) < 0.1;
            match[i] = g_rand_int_range (rand, 0, 5);
          }

      problem = (L4aAssignProblem) { P, M, g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 4),
                                     conflict, assigned, proposal_region, member_region, match };
      added = l4a_assign_solve (&problem, chosen);
      g_assert_true (feasible (&problem, chosen));
      got = outcome_of (&problem, chosen);
      g_assert_cmpuint (got.covered, ==, added);
      for (guint i = 0; i < n; i++)
        if (chosen[i])
          g_assert_true (reads[i % M] & (1u << language[i / M]));

      for (guint mask = 0; mask < (1u << n); mask++)
        {
          Outcome o;

          for (guint i = 0; i < n; i++)
            trial[i] = (mask >> i) & 1;
          if (!feasible (&problem, trial))
            continue;
          o = outcome_of (&problem, trial);
          if (mask == 0 || better (o, best))
            best = o;
        }
      if (got.covered != best.covered || got.load_cost != best.load_cost || got.matches != best.matches)
        g_error ("seed %u: solver %u/%" G_GUINT64_FORMAT "/%u, best %u/%" G_GUINT64_FORMAT "/%u", seed,
                 got.covered, got.load_cost, got.matches, best.covered, best.load_cost, best.matches);
    }
}

/* ------------------------------------------------------------------------ */

static void
test_calibration_vectors (void)
{
  /* Six proposals of true quality 0.8, 1.5, 2.2, 2.9, 3.6, 4.2 (scale
   * 0–5). A harsh reviewer scores the first, third and fifth 0.8 low, a
   * lenient one the others 0.8 high, a fair one all six as they are. Raw
   * means put the second above the third and the fourth above the fifth;
   * calibrated means give the true order back. */
  const guint reviewer[] = { 0, 2, 1, 2, 0, 2, 1, 2, 0, 2, 1, 2 };
  const guint proposal[] = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 };
  const double values[] = { 0.0, 0.8, 2.3, 1.5, 1.4, 2.2, 3.7, 2.9, 2.8, 3.6, 5.0, 4.2 };
  double calibrated[G_N_ELEMENTS (values)];
  gboolean is_calibrated[G_N_ELEMENTS (values)];
  double raw_mean[6] = { 0 }, cal_mean[6] = { 0 };
  guint count[6] = { 0 };

  l4a_calibrate (reviewer, values, G_N_ELEMENTS (values), 3, 0, 5, calibrated, is_calibrated);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (is_calibrated[i]);
      g_assert_cmpfloat (calibrated[i], >=, 0);
      g_assert_cmpfloat (calibrated[i], <=, 5);
      raw_mean[proposal[i]] += values[i];
      cal_mean[proposal[i]] += calibrated[i];
      count[proposal[i]]++;
    }
  for (guint p = 0; p < 6; p++)
    {
      raw_mean[p] /= count[p];
      cal_mean[p] /= count[p];
    }
  g_assert_cmpfloat (raw_mean[1], >, raw_mean[2]);
  g_assert_cmpfloat (raw_mean[3], >, raw_mean[4]);
  for (guint p = 0; p + 1 < 6; p++)
    g_assert_cmpfloat (cal_mean[p], <, cal_mean[p + 1]);

  /* a reviewer with the same score everywhere gives the overall mean */
  {
    const guint who[] = { 0, 0, 0, 1, 1, 1 };
    const double flat[] = { 4, 4, 4, 1, 2, 3 };
    double out[6];
    gboolean ok[6];

    l4a_calibrate (who, flat, 6, 3, 0, 5, out, ok);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpfloat (fabs (out[i] - 3), <, 1e-9);
    g_assert_cmpfloat (out[3], <, out[4]);
    g_assert_cmpfloat (out[4], <, out[5]);
  }

  /* below the threshold: raw scores, said so */
  {
    const guint who[] = { 0, 0, 1 };
    const double few[] = { 1, 4, 2.5 };
    double out[3];
    gboolean ok[3];

    l4a_calibrate (who, few, 3, 3, 0, 5, out, ok);
    for (guint i = 0; i < 3; i++)
      {
        g_assert_false (ok[i]);
        g_assert_cmpfloat (out[i], ==, few[i]);
      }
  }

  /* no scores at all */
  l4a_calibrate (NULL, NULL, 0, 3, 0, 5, NULL, NULL);
}

static void
test_confidence_weights (void)
{
  const double values[] = { 4, 1 };
  const double weights[] = { 3, 1 };

  g_assert_cmpfloat (l4a_review_confidence_weight ("expert"), ==, 3);
  g_assert_cmpfloat (l4a_review_confidence_weight ("knowledgeable"), ==, 2);
  g_assert_cmpfloat (l4a_review_confidence_weight (NULL), ==, 2);
  g_assert_cmpfloat (l4a_review_confidence_weight ("outsider"), ==, 1);
  g_assert_cmpfloat (l4a_weighted_mean (values, NULL, 2), ==, 2.5);
  g_assert_cmpfloat (l4a_weighted_mean (values, weights, 2), ==, 3.25);
  g_assert_cmpfloat (l4a_weighted_mean (values, weights, 0), ==, 0);
}

/* ------------------------------------------------------------------------ */

/* What a member declares is saved and read back; what is not a goal, an
 * axis, a region or a language of the network is refused by field, and
 * nothing is written. */
static void
test_member_expertise (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "expertise.sqlite");
  g_autofree char *id = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM member ORDER BY name LIMIT 1");
  g_autofree char *axis = l4a_test_sql_text (l4a_store_get_path (store), "SELECT code FROM pact_axis ORDER BY position LIMIT 1");
  g_autoptr(L4aMemberEdit) edit = NULL;
  g_autoptr(L4aMemberEdit) again = NULL;
  g_autoptr(GError) error = NULL;
  guint goal = 11;

  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  edit = l4a_member_load (store, id, &error);
  g_assert_no_error (error);
  g_array_set_size (edit->sdgs, 0);
  g_array_append_val (edit->sdgs, goal);
  g_strfreev (edit->axes);
  edit->axes = g_strdupv ((char *[]) { axis, NULL });
  g_strfreev (edit->regions);
  edit->regions = g_strdupv ((char *[]) { "africa", NULL });
  g_strfreev (edit->languages);
  edit->languages = g_strdupv ((char *[]) { "fr", "es", NULL });
  g_assert_true (l4a_member_save (store, edit, NULL, &error));
  g_assert_no_error (error);

  again = l4a_member_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->sdgs->len, ==, 1);
  g_assert_cmpuint (g_array_index (again->sdgs, guint, 0), ==, 11);
  g_assert_cmpstr (again->axes[0], ==, axis);
  g_assert_cmpstr (again->regions[0], ==, "africa");
  g_assert_cmpstrv (again->languages, ((const char *[]) { "fr", "es", NULL }));
  g_assert_true (l4a_member_reads ((const char * const *) again->languages, "es"));
  g_assert_false (l4a_member_reads ((const char * const *) again->languages, "en"));
  g_assert_true (l4a_member_reads (NULL, "en"));

  /* hostile values, each named by its field */
  {
    static const struct { const char *field; const char *value; } cases[] = {
      { "languages", "de" }, { "languages", "<script>" }, { "axes", "no-such-axis" }, { "regions", "atlantis" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (store));
        g_autofree char *after = NULL;
        g_autoptr(GPtrArray) problems = NULL;
        char ***list = g_str_equal (cases[i].field, "languages") ? &again->languages
                       : g_str_equal (cases[i].field, "axes") ? &again->axes : &again->regions;
        g_auto(GStrv) saved = g_steal_pointer (list);

        *list = g_strdupv ((char *[]) { (char *) cases[i].value, NULL });
        problems = l4a_member_edit_validate (store, again);
        g_assert_cmpuint (problems->len, ==, 1);
        g_assert_cmpstr (((L4aFieldError *) g_ptr_array_index (problems, 0))->field, ==, cases[i].field);
        g_assert_false (l4a_member_save (store, again, NULL, &error));
        g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
        g_clear_error (&error);
        after = l4a_test_fingerprint (l4a_store_get_path (store));
        g_assert_cmpstr (before, ==, after);
        g_strfreev (*list);
        *list = g_steal_pointer (&saved);
      }
    {
      guint bad = 18;
      g_autoptr(GPtrArray) problems = NULL;

      g_array_append_val (again->sdgs, bad);
      problems = l4a_member_edit_validate (store, again);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (((L4aFieldError *) g_ptr_array_index (problems, 0))->field, ==, "sdgs");
    }
  }

  /* only the secretariat keeps the board */
  l4a_store_set_actor (store, L4A_ROLE_MEMBER, id);
  g_assert_false (l4a_member_save (store, edit, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
}

/* On the sample's open call: a member who reads only Spanish is never
 * given an English proposal, by the solver or by hand, and the member
 * whose declared goals match is preferred when loads are equal. */
static void
test_assign_languages_and_expertise (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "languages.sqlite");
  g_autofree char *call = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM call WHERE status = 'open'");
  g_autofree char *english = NULL;
  g_autofree char *spanish_reader = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(L4aAssignMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  l4a_test_sql_exec (l4a_store_get_path (store), "UPDATE proposal SET language = 'en' WHERE state = 'submitted'");
  english = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM proposal WHERE state = 'submitted' ORDER BY id LIMIT 1");
  /* every member but those in conflict reads Spanish only, save one */
  l4a_test_sql_exec (l4a_store_get_path (store), "DELETE FROM member_language; DELETE FROM assignment WHERE proposal_id IN "
                   "(SELECT id FROM proposal WHERE state = 'submitted')");
  l4a_test_sql_exec (l4a_store_get_path (store), "INSERT INTO member_language (member_id, language) SELECT id, 'es' FROM member");
  spanish_reader = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM member ORDER BY id LIMIT 1");
  sql = g_strdup_printf ("INSERT INTO member_language (member_id, language) SELECT id, 'en' FROM member "
                         "WHERE id <> '%s'", spanish_reader);
  l4a_test_sql_exec (l4a_store_get_path (store), sql);

  g_assert_true (l4a_review_assign_call (store, call, 3, 0, FALSE, &pairs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, >, 0);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM assignment a JOIN proposal p ON p.id = a.proposal_id "
                                   "WHERE p.language = 'en' AND a.member_id NOT IN "
                                   "(SELECT member_id FROM member_language WHERE language = 'en')"), ==, 0);
  g_assert_false (l4a_review_assign (store, english, spanish_reader, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "language"));
  g_clear_error (&error);

  matrix = l4a_review_matrix (store, call, &error);
  g_assert_no_error (error);
  {
    guint M = matrix->member_ids->len, unreadable = 0;

    for (guint p = 0; p < matrix->proposal_ids->len; p++)
      for (guint m = 0; m < M; m++)
        if (matrix->cells[p * M + m] == L4A_CELL_UNREADABLE)
          {
            g_assert_cmpstr (g_ptr_array_index (matrix->member_ids, m), ==, spanish_reader);
            unreadable++;
          }
    g_assert_cmpuint (unreadable, >, 0);
  }
}

/* The solver gives a proposal to the members whose goals it shares. */
static void
test_assign_prefers_expertise (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "expertise-pref.sqlite");
  g_autofree char *call = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM call WHERE status = 'open'");
  g_autofree char *proposal = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM proposal WHERE state = 'submitted' ORDER BY id LIMIT 1");
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 experts;

  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  /* two eligible members declare all of the proposal's goals; nobody else any */
  l4a_test_sql_exec (l4a_store_get_path (store), "DELETE FROM member_sdg; DELETE FROM member_axis; DELETE FROM member_region; "
                   "DELETE FROM member_language");
  sql = g_strdup_printf ("INSERT INTO member_sdg (member_id, goal) SELECT m.id, ps.goal FROM member m "
                         "JOIN proposal_sdg ps ON ps.proposal_id = '%s' WHERE m.id IN (SELECT id FROM member "
                         "WHERE id NOT IN (SELECT member_id FROM member_conflict WHERE proposal_id = '%s') "
                         "ORDER BY id DESC LIMIT 2)", proposal, proposal);
  l4a_test_sql_exec (l4a_store_get_path (store), sql);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(DISTINCT member_id) FROM member_sdg"), ==, 2);

  g_assert_true (l4a_review_assign_call (store, call, 2, 0, FALSE, &pairs, &error));
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM assignment WHERE proposal_id = '%s' "
                         "AND member_id IN (SELECT member_id FROM member_sdg)", proposal);
  experts = l4a_test_sql_int (l4a_store_get_path (store), sql);
  g_assert_cmpint (experts, ==, 2);
}

/* Reviews with their confidence; a call that weighs by it; the
 * calibrated ranking from the store. */
static void
test_scores_confidence_and_calibration (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "confidence.sqlite");
  g_autofree char *call = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM call WHERE status = 'open'");
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GPtrArray) weighted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aCallEdit) edit = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  L4aProposalScore *target = NULL;

  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_true (l4a_review_assign_call (store, call, 2, 0, FALSE, &pairs, &error));
  g_assert_no_error (error);
  proposal = g_strdup (((L4aAssignPair *) g_ptr_array_index (pairs, 0))->proposal_id);
  sql = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' ORDER BY member_id", proposal);
  first = l4a_test_sql_text (l4a_store_get_path (store), sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' ORDER BY member_id DESC", proposal);
  second = l4a_test_sql_text (l4a_store_get_path (store), sql);
  g_assert_cmpstr (first, !=, second);

  /* an expert gives 5, an informed outsider 1 */
  {
    const char *who[] = { first, second };
    const char *confidence[] = { "expert", "outsider" };
    const double value[] = { 5, 1 };

    for (guint k = 0; k < 2; k++)
      {
        g_autoptr(L4aReview) review = NULL;

        l4a_store_set_actor (store, L4A_ROLE_MEMBER, who[k]);
        review = l4a_review_open (store, proposal, &error);
        g_assert_no_error (error);
        for (guint i = 0; i < review->scores->len; i++)
          {
            L4aScore *s = g_ptr_array_index (review->scores, i);

            s->has_score = TRUE;
            s->score = s->scale_min + (s->scale_max - s->scale_min) * value[k] / 5;
          }
        review->recommendation = g_strdup (value[k] > 3 ? "grant" : "decline");
        /* an unknown confidence is refused */
        review->confidence = g_strdup ("omniscient");
        g_assert_false (l4a_review_submit (store, review, &error));
        g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "confidence"));
        g_clear_error (&error);
        g_free (review->confidence);
        review->confidence = g_strdup (confidence[k]);
        g_assert_true (l4a_review_submit (store, review, &error));
        g_assert_no_error (error);
      }
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT group_concat (confidence, ',') FROM (SELECT confidence FROM review "
                         "WHERE proposal_id = '%s' ORDER BY confidence)", proposal);
  {
    g_autofree char *stored = l4a_test_sql_text (l4a_store_get_path (store), sql);

    g_assert_cmpstr (stored, ==, "expert,outsider");
  }

  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  scores = l4a_review_scores (store, call, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < scores->len; i++)
    if (g_str_equal (((L4aProposalScore *) g_ptr_array_index (scores, i))->proposal_id, proposal))
      target = g_ptr_array_index (scores, i);
  g_assert_nonnull (target);
  g_assert_cmpfloat (fabs (target->mean - 3), <, 1e-9);
  g_assert_cmpuint (target->rank, ==, 1);
  /* one review each: below the call's minimum of 3, not calibrated */
  g_assert_false (target->calibrated);
  g_assert_cmpfloat (fabs (target->calibrated_mean - target->mean), <, 1e-9);

  /* weighting by confidence: (3×5 + 1×1) / 4 */
  edit = l4a_registry_load_call (store, call, &error);
  g_assert_no_error (error);
  edit->confidence_weighting = TRUE;
  edit->calibration_minimum = 1;
  g_assert_false (l4a_registry_save_call (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  edit->calibration_minimum = 2;
  g_assert_true (l4a_registry_save_call (store, edit, &error));
  g_assert_no_error (error);
  weighted = l4a_review_scores (store, call, NULL, &error);
  g_assert_no_error (error);
  target = NULL;
  for (guint i = 0; i < weighted->len; i++)
    if (g_str_equal (((L4aProposalScore *) g_ptr_array_index (weighted, i))->proposal_id, proposal))
      target = g_ptr_array_index (weighted, i);
  g_assert_nonnull (target);
  g_assert_cmpfloat (fabs (target->mean - 4), <, 1e-9);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A member as a form holds it: an object whose texts are properties, each
 * notified when it changes (not when set to what it is), the rest of the
 * member untouched by them. */
static void
test_member_edit_object (void)
{
  g_autoptr(L4aMemberEdit) edit = l4a_member_edit_new ();
  g_autofree char *country = NULL;
  guint names = 0, any = 0;

  g_signal_connect (edit, "notify::name", G_CALLBACK (count_notify), &names);
  g_signal_connect (edit, "notify", G_CALLBACK (count_notify), &any);
  g_object_set (edit, "name", "Nadia Benali", NULL);
  g_assert_cmpstr (edit->name, ==, "Nadia Benali");
  g_assert_cmpuint (names, ==, 1);
  g_object_set (edit, "name", "Nadia Benali", NULL);
  g_assert_cmpuint (names, ==, 1);
  g_object_set (edit, "name", NULL, NULL);
  g_assert_null (edit->name);
  g_assert_cmpuint (names, ==, 2);
  g_object_set (edit, "country", "MA", "region", "africa", "government-id", "gov-1", "contact", "n@example.org",
                NULL);
  g_assert_cmpuint (any, ==, 6);
  g_object_get (edit, "country", &country, NULL);
  g_assert_cmpstr (country, ==, "MA");
  g_assert_cmpstr (edit->region, ==, "africa");
  g_assert_cmpstr (edit->government_id, ==, "gov-1");
  g_assert_cmpuint (edit->conflicts->len, ==, 0);
  g_assert_nonnull (edit->languages);
  g_assert_null (edit->languages[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/board/solver-brute-force", test_solver_brute_force);
  g_test_add_func ("/core/board/calibration", test_calibration_vectors);
  g_test_add_func ("/core/board/confidence-weights", test_confidence_weights);
  g_test_add_func ("/core/board/member-expertise", test_member_expertise);
  g_test_add_func ("/core/board/member-edit-object", test_member_edit_object);
  g_test_add_func ("/core/board/languages", test_assign_languages_and_expertise);
  g_test_add_func ("/core/board/expertise-preferred", test_assign_prefers_expertise);
  g_test_add_func ("/core/board/confidence-and-calibration", test_scores_confidence_and_calibration);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-board-XXXXXX");
}
