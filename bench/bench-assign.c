/* bench-assign.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times reviewer assignment (a minimum-cost maximum flow) on random calls
 * of growing size, against a greedy pass over the same instance as the
 * baseline: the ratio says what the balanced, conflict-free optimum
 * costs. Prints figures; asserts nothing.
 *
 *   bench-assign [ROUNDS]
 */

#include "config.h"

#include "bench-utils.h"
#include "l4a-review.h"

static double
greedy (const L4aAssignProblem *problem,
        gboolean               *chosen)
{
  g_autofree guint *load = g_new0 (guint, problem->n_members);
  guint P = problem->n_proposals, M = problem->n_members;
  gint64 start = g_get_monotonic_time ();

  memset (chosen, 0, sizeof (gboolean) * P * M);
  for (guint p = 0; p < P; p++)
    for (guint k = 0; k < problem->per_proposal; k++)
      {
        gint best = -1;

        for (guint m = 0; m < M; m++)
          if (!problem->conflict[p * M + m] && !chosen[p * M + m] && load[m] < problem->max_load &&
              (best < 0 || load[m] < load[best]))
            best = (gint) m;
        if (best >= 0)
          {
            chosen[p * M + best] = TRUE;
            load[best]++;
          }
      }
  return (g_get_monotonic_time () - start) / 1000.0;
}


int
main (int   argc,
      char *argv[])
{
  static const struct { guint proposals, members, per; } sizes[] = {
    { 50, 15, 3 }, { 200, 15, 3 }, { 1000, 40, 3 }, { 2000, 60, 4 },
  };
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5;

  if (rounds == 0)
    rounds = 5;
  g_print ("%-22s %12s %12s %8s %10s\n", "instance", "flow ms", "greedy ms", "ratio", "spread");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint P = sizes[s].proposals, M = sizes[s].members;
      g_autofree gboolean *conflict = g_new0 (gboolean, P * M);
      g_autofree gboolean *assigned = g_new0 (gboolean, P * M);
      g_autofree gboolean *chosen = g_new0 (gboolean, P * M);
      g_autofree guint *proposal_region = g_new0 (guint, P);
      g_autofree guint *member_region = g_new0 (guint, M);
      g_autofree double *flow_ms = g_new0 (double, rounds);
      g_autofree double *greedy_ms = g_new0 (double, rounds);
      g_autoptr(GRand) rand = g_rand_new_with_seed (42 + s);
      L4aAssignProblem problem = { P, M, sizes[s].per, (P * sizes[s].per + M - 1) / M + 1,
                                   conflict, assigned, proposal_region, member_region };
      g_autofree char *name = g_strdup_printf ("%u proposals x %u", P, M);
      guint lo = G_MAXUINT, hi = 0;

      for (guint p = 0; p < P; p++)
        proposal_region[p] = g_rand_int_range (rand, 0, 7);
      for (guint m = 0; m < M; m++)
        member_region[m] = g_rand_int_range (rand, 0, 7);
      for (guint i = 0; i < P * M; i++)
        conflict[i] = g_rand_double (rand) < 0.05;

      for (guint r = 0; r < rounds; r++)
        {
          gint64 start = g_get_monotonic_time ();

          l4a_assign_solve (&problem, chosen);
          flow_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
        }
      for (guint m = 0; m < M; m++)
        {
          guint load = 0;

          for (guint p = 0; p < P; p++)
            load += chosen[p * M + m];
          lo = MIN (lo, load);
          hi = MAX (hi, load);
        }
      for (guint r = 0; r < rounds; r++)
        greedy_ms[r] = greedy (&problem, chosen);

      qsort (flow_ms, rounds, sizeof (double), bench_compare_doubles);
      qsort (greedy_ms, rounds, sizeof (double), bench_compare_doubles);
      g_print ("%-22s %12.2f %12.2f %8.1f %10u\n", name, flow_ms[rounds / 2], greedy_ms[rounds / 2],
               greedy_ms[rounds / 2] > 0 ? flow_ms[rounds / 2] / greedy_ms[rounds / 2] : 0.0, hi - lo);
    }
  g_print ("Medians of %u rounds. Spread: most minus fewest proposals per member after the flow.\n", rounds);
  return 0;
}
