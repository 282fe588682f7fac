/* l4a-assign-solver.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reviewer assignment solver, with no database: a minimum-cost
 * maximum flow that covers the most proposals with the most even loads.
 */

#define G_LOG_DOMAIN "l4a-assign-solver"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* ------------------------------------------------------------------------
 * Assignment: a minimum-cost maximum flow. Each unit of flow is one
 * reviewer for one proposal. A member's k-th proposal costs k × load_cost,
 * so among all ways to cover the most proposals the flow picks the one
 * with the most even loads. Among those, each point of expertise a pair
 * lacks costs match_cost, more than all region costs together, so the
 * flow gives the most expertise matches; and a reviewer from the
 * proposal's own region costs one more, so other regions are preferred
 * when the rest is equal. The costs are scaled to the instance so that
 * each tier outweighs the whole of the next.
 */

typedef struct
{
  guint  to;
  int    cap;
  gint64 cost;
  guint  rev;
} FlowEdge;

typedef struct
{
  GArray **adj; /* FlowEdge per node */
  guint    n;
} FlowGraph;

static void
flow_add (FlowGraph *g,
          guint      from,
          guint      to,
          int        cap,
          gint64     cost)
{
  FlowEdge forward = { to, cap, cost, g->adj[to]->len };
  FlowEdge backward = { from, 0, -cost, g->adj[from]->len };

  g_array_append_val (g->adj[from], forward);
  g_array_append_val (g->adj[to], backward);
}

static guint
flow_run (FlowGraph *g,
          guint      source,
          guint      sink)
{
  g_autofree gint64 *dist = g_new (gint64, g->n);
  g_autofree guint *prev_node = g_new (guint, g->n);
  g_autofree guint *prev_edge = g_new (guint, g->n);
  g_autofree gboolean *queued = g_new (gboolean, g->n);
  g_autoptr(GQueue) queue = g_queue_new ();
  guint flow = 0;

  for (;;)
    {
      for (guint i = 0; i < g->n; i++)
        {
          dist[i] = G_MAXINT64;
          queued[i] = FALSE;
        }
      dist[source] = 0;
      g_queue_push_tail (queue, GUINT_TO_POINTER (source));
      queued[source] = TRUE;

      /* Bellman-Ford with a queue: residual edges carry negative costs. */
      while (!g_queue_is_empty (queue))
        {
          guint u = GPOINTER_TO_UINT (g_queue_pop_head (queue));

          queued[u] = FALSE;
          for (guint i = 0; i < g->adj[u]->len; i++)
            {
              FlowEdge *e = &g_array_index (g->adj[u], FlowEdge, i);

              if (e->cap > 0 && dist[u] + e->cost < dist[e->to])
                {
                  dist[e->to] = dist[u] + e->cost;
                  prev_node[e->to] = u;
                  prev_edge[e->to] = i;
                  if (!queued[e->to])
                    {
                      queued[e->to] = TRUE;
                      g_queue_push_tail (queue, GUINT_TO_POINTER (e->to));
                    }
                }
            }
        }

      if (dist[sink] == G_MAXINT64)
        break;

      /* Every path carries one unit: the edges into the sink have capacity one. */
      for (guint v = sink; v != source; v = prev_node[v])
        {
          FlowEdge *e = &g_array_index (g->adj[prev_node[v]], FlowEdge, prev_edge[v]);

          e->cap -= 1;
          g_array_index (g->adj[v], FlowEdge, e->rev).cap += 1;
        }
      flow++;
    }

  return flow;
}

/**
 * l4a_assign_solve:
 * @problem: the instance
 * @chosen: (out caller-allocates): n_proposals × n_members, set to %TRUE
 *   for each new assignment
 *
 * Assigns reviewers: never a conflict, never a pair assigned already,
 * never more than max_load proposals per member, as many proposals
 * covered as capacity allows, loads as even as possible, then the most
 * expertise matches, then reviewers from other regions.
 *
 * Returns: the number of new assignments
 */
guint
l4a_assign_solve (const L4aAssignProblem *problem,
                  gboolean               *chosen)
{
  guint P = problem->n_proposals, M = problem->n_members;
  guint source = 0, sink = P + M + 1;
  FlowGraph graph = { NULL, P + M + 2 };
  g_autofree guint *load = g_new0 (guint, M);
  gint64 match_cost = (gint64) P * problem->per_proposal + 1;
  gint64 load_cost = match_cost * ((gint64) L4A_ASSIGN_MATCH_MAX * match_cost + 1) + 1;
  guint added;

  memset (chosen, 0, sizeof (gboolean) * P * M);

  graph.adj = g_new (GArray *, graph.n);
  for (guint i = 0; i < graph.n; i++)
    graph.adj[i] = g_array_new (FALSE, FALSE, sizeof (FlowEdge));

  for (guint p = 0; p < P; p++)
    {
      guint have = 0;

      for (guint m = 0; m < M; m++)
        if (problem->assigned[p * M + m])
          {
            have++;
            load[m]++;
          }
      if (have < problem->per_proposal)
        flow_add (&graph, source, 1 + p, problem->per_proposal - have, 0);
    }

  for (guint p = 0; p < P; p++)
    for (guint m = 0; m < M; m++)
      if (!problem->conflict[p * M + m] && !problem->assigned[p * M + m])
        {
          guint match = problem->match ? MIN (problem->match[p * M + m], L4A_ASSIGN_MATCH_MAX) : 0;

          flow_add (&graph, 1 + p, 1 + P + m, 1,
                    (L4A_ASSIGN_MATCH_MAX - match) * match_cost +
                    (problem->proposal_region[p] == problem->member_region[m] ? 1 : 0));
        }

  for (guint m = 0; m < M; m++)
    for (guint k = load[m] + 1; k <= problem->max_load; k++)
      flow_add (&graph, 1 + P + m, sink, 1, (gint64) k * load_cost);

  added = flow_run (&graph, source, sink);

  for (guint p = 0; p < P; p++)
    {
      GArray *edges = graph.adj[1 + p];

      for (guint i = 0; i < edges->len; i++)
        {
          FlowEdge *e = &g_array_index (edges, FlowEdge, i);

          /* A used forward edge to a member has no capacity left. */
          if (e->to > P && e->to <= P + M && e->cost >= 0 && e->cap == 0)
            chosen[p * M + (e->to - 1 - P)] = TRUE;
        }
    }

  for (guint i = 0; i < graph.n; i++)
    g_array_unref (graph.adj[i]);
  g_free (graph.adj);

  return added;
}
