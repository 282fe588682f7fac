/* l4a-review.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Advisory Board's review: assignment of reviewers without conflicts,
 * reviews and who may read them, aggregation of scores, the board's
 * discussion, decisions and their release, and the audit log. Every rule
 * about roles and states lives here, for the window, the command line and
 * bundle import alike.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

#define DEFAULT_SCALE 5.0

/* Moves a proposal to @state (only from @from, when given), as one more
 * revision of it. */
static gboolean
set_proposal_state (L4aStore    *store,
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

static void
set_text (char       **field,
          const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static const char *
require_member (L4aStore  *store,
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
typedef struct
{
  char *title;
  char *state;
  char *call_id;
  char *government_id;
  int   version;
} ProposalFacts;

static void
proposal_facts_clear (ProposalFacts *facts)
{
  g_clear_pointer (&facts->title, g_free);
  g_clear_pointer (&facts->state, g_free);
  g_clear_pointer (&facts->call_id, g_free);
  g_clear_pointer (&facts->government_id, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProposalFacts, proposal_facts_clear)

static gboolean
read_proposal (L4aStore       *store,
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
    set_text (&facts->title, _("Untitled proposal"));
  facts->state = l4a_store_column_dup (stmt, 1);
  facts->call_id = l4a_store_column_dup (stmt, 2);
  facts->government_id = l4a_store_column_dup (stmt, 3);
  facts->version = sqlite3_column_int (stmt, 4);
  return TRUE;
}

static gboolean
query_exists (L4aStore    *store,
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

static gboolean
is_conflicted (L4aStore    *store,
               const char  *member_id,
               const char  *proposal_id,
               gboolean    *conflicted,
               GError     **error)
{
  return query_exists (store, "SELECT 1 FROM member_conflict WHERE member_id = ?1 AND proposal_id = ?2",
                       member_id, proposal_id, -1, conflicted, error);
}

static char *
member_name (L4aStore   *store,
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

/* ------------------------------------------------------------------------
 * Assignment: a minimum-cost maximum flow. Each unit of flow is one
 * reviewer for one proposal. A member's k-th proposal costs k × LOAD_COST,
 * so among all ways to cover the most proposals the flow picks the one
 * with the most even loads; a reviewer from the proposal's own region
 * costs one more, so other regions are preferred when loads allow.
 */

#define LOAD_COST 100000

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
 * covered as capacity allows, loads as even as possible, reviewers from
 * other regions preferred.
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
        flow_add (&graph, 1 + p, 1 + P + m, 1,
                  problem->proposal_region[p] == problem->member_region[m] ? 1 : 0);

  for (guint m = 0; m < M; m++)
    for (guint k = load[m] + 1; k <= problem->max_load; k++)
      flow_add (&graph, 1 + P + m, sink, 1, (gint64) k * LOAD_COST);

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

typedef struct
{
  GPtrArray *proposal_ids;
  GPtrArray *proposal_titles;
  GArray    *proposal_regions;
  GArray    *proposal_open;     /* gboolean: waiting for review */
  GPtrArray *member_ids;
  GPtrArray *member_names;
  GArray    *member_regions;
  gboolean  *conflict;
  gboolean  *assigned;
  L4aCell   *cells;
} CallInstance;

static void
call_instance_clear (CallInstance *self)
{
  g_clear_pointer (&self->proposal_ids, g_ptr_array_unref);
  g_clear_pointer (&self->proposal_titles, g_ptr_array_unref);
  g_clear_pointer (&self->proposal_regions, g_array_unref);
  g_clear_pointer (&self->proposal_open, g_array_unref);
  g_clear_pointer (&self->member_ids, g_ptr_array_unref);
  g_clear_pointer (&self->member_names, g_ptr_array_unref);
  g_clear_pointer (&self->member_regions, g_array_unref);
  g_clear_pointer (&self->conflict, g_free);
  g_clear_pointer (&self->assigned, g_free);
  g_clear_pointer (&self->cells, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CallInstance, call_instance_clear)

static guint
region_number (GHashTable *regions,
               const char *code)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (regions, code, NULL, &value))
    {
      value = GUINT_TO_POINTER (g_hash_table_size (regions) + 1);
      g_hash_table_insert (regions, g_strdup (code), value);
    }
  return GPOINTER_TO_UINT (value);
}

/* Position of each id, so that every row finds its cell at once. */
static GHashTable *
index_ids (GPtrArray *ids)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (ids, i), GUINT_TO_POINTER (i + 1));
  return index;
}

static gint
index_of (GHashTable *index,
          const char *id)
{
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (index, id ? id : "")) - 1;
}

/* Reads the proposals of a call in review (their current version) and
 * every board member, with conflicts and assignments. */
static gboolean
read_call_instance (L4aStore      *store,
                    const char    *call_id,
                    CallInstance  *inst,
                    GError       **error)
{
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) proposal_index = NULL;
  g_autoptr(GHashTable) member_index = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists;
  guint P, M;
  int rc;

  if (!query_exists (store, "SELECT 1 FROM call WHERE id = ?1", call_id, NULL, -1, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no call with the id “%s”."), call_id);
      return FALSE;
    }

  inst->proposal_ids = g_ptr_array_new_with_free_func (g_free);
  inst->proposal_titles = g_ptr_array_new_with_free_func (g_free);
  inst->proposal_regions = g_array_new (FALSE, FALSE, sizeof (guint));
  inst->proposal_open = g_array_new (FALSE, FALSE, sizeof (gboolean));
  inst->member_ids = g_ptr_array_new_with_free_func (g_free);
  inst->member_names = g_ptr_array_new_with_free_func (g_free);
  inst->member_regions = g_array_new (FALSE, FALSE, sizeof (guint));

  stmt = l4a_store_prepare (store,
                            "SELECT p.id, p.title, g.region, p.state IN ('submitted', 'under-review') "
                            "FROM proposal p JOIN government g ON g.id = p.government_id "
                            "WHERE p.call_id = ?1 AND p.state IN ('submitted', 'under-review', 'decided', 'released') "
                            "ORDER BY p.title COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint region = region_number (regions, (const char *) sqlite3_column_text (stmt, 2));
      gboolean open = sqlite3_column_int (stmt, 3) != 0;

      g_array_append_val (inst->proposal_open, open);
      g_ptr_array_add (inst->proposal_ids, l4a_store_column_dup (stmt, 0));
      g_ptr_array_add (inst->proposal_titles, l4a_store_column_dup (stmt, 1));
      g_array_append_val (inst->proposal_regions, region);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT id, name, region FROM member ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint region = region_number (regions, (const char *) sqlite3_column_text (stmt, 2));

      g_ptr_array_add (inst->member_ids, l4a_store_column_dup (stmt, 0));
      g_ptr_array_add (inst->member_names, l4a_store_column_dup (stmt, 1));
      g_array_append_val (inst->member_regions, region);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  P = inst->proposal_ids->len;
  M = inst->member_ids->len;
  proposal_index = index_ids (inst->proposal_ids);
  member_index = index_ids (inst->member_ids);
  inst->conflict = g_new0 (gboolean, MAX (1, P * M));
  inst->assigned = g_new0 (gboolean, MAX (1, P * M));
  inst->cells = g_new0 (L4aCell, MAX (1, P * M));

  stmt = l4a_store_prepare (store,
                            "SELECT mc.proposal_id, mc.member_id FROM member_conflict mc "
                            "JOIN proposal p ON p.id = mc.proposal_id WHERE p.call_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint p = index_of (proposal_index, (const char *) sqlite3_column_text (stmt, 0));
      gint m = index_of (member_index, (const char *) sqlite3_column_text (stmt, 1));

      if (p >= 0 && m >= 0)
        {
          inst->conflict[p * M + m] = TRUE;
          inst->cells[p * M + m] = L4A_CELL_CONFLICT;
        }
    }
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store,
                            "SELECT a.proposal_id, a.member_id, "
                            "  (SELECT CASE WHEN r.submitted_at IS NULL THEN 1 ELSE 2 END FROM review r "
                            "   WHERE r.proposal_id = a.proposal_id AND r.member_id = a.member_id "
                            "   AND r.proposal_version = p.version) "
                            "FROM assignment a JOIN proposal p ON p.id = a.proposal_id "
                            "WHERE p.call_id = ?1 AND a.round = p.version", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint p = index_of (proposal_index, (const char *) sqlite3_column_text (stmt, 0));
      gint m = index_of (member_index, (const char *) sqlite3_column_text (stmt, 1));
      int review = sqlite3_column_int (stmt, 2);

      if (p >= 0 && m >= 0)
        {
          inst->assigned[p * M + m] = TRUE;
          inst->cells[p * M + m] = review == 2 ? L4A_CELL_SUBMITTED : review == 1 ? L4A_CELL_DRAFT : L4A_CELL_ASSIGNED;
        }
    }
  return l4a_store_rows_done (store, rc, error);
}

static gboolean
insert_assignment (L4aStore    *store,
                   const char  *proposal_id,
                   const char  *member_id,
                   const char  *title,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = l4a_now_iso8601 ();

  stmt = l4a_store_prepare (store,
                            "INSERT INTO assignment (id, proposal_id, member_id, round, due_on, created_at, updated_at, origin) "
                            "SELECT ?1, p.id, ?3, p.version, c.closes_on, ?4, ?4, ?5 "
                            "FROM proposal p JOIN call c ON c.id = p.call_id WHERE p.id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, title, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Being assigned a reviewer is the screening step of the workflow. */
  return set_proposal_state (store, proposal_id, "under-review", "submitted", now, title, error);
}

static void
assign_pair_free (gpointer data)
{
  L4aAssignPair *pair = data;

  g_free (pair->proposal_id);
  g_free (pair->proposal_title);
  g_free (pair->member_id);
  g_free (pair->member_name);
  g_free (pair);
}

/**
 * l4a_review_assign_call:
 * @max_load: the most proposals per member, or 0 for an even share of
 *   the work plus one
 * @dry_run: work out the assignments without making them
 * @added: (out) (optional) (transfer full) (element-type L4aAssignPair):
 *   the assignments made, or that would be made
 *
 * Assigns @per_proposal reviewers to every proposal of the call waiting
 * for review, at most @max_load per member, keeping what is assigned
 * already. All or nothing, audited.
 */
static gboolean
review_assign_call_checked (L4aStore    *store,
                            const char  *call_id,
                            guint        per_proposal,
                            guint        max_load,
                            gboolean     dry_run,
                            GPtrArray  **added,
                            GError     **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (assign_pair_free);
  g_auto(CallInstance) inst = { 0 };
  g_autofree gboolean *chosen = NULL;
  g_autofree guint *proposal_regions = NULL;
  g_autofree char *details = NULL;
  L4aAssignProblem problem = { 0 };
  guint n_added;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_ASSIGN_REVIEWERS, error))
    return FALSE;
  if (per_proposal < 1 || per_proposal > 20)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("Reviewers per proposal must be between 1 and 20."));
      return FALSE;
    }
  if (max_load > 1000)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("The most proposals per member must be at most 1000."));
      return FALSE;
    }

  if (!read_call_instance (store, call_id, &inst, error))
    return FALSE;

  problem.n_proposals = inst.proposal_ids->len;
  problem.n_members = inst.member_ids->len;
  problem.per_proposal = per_proposal;
  problem.max_load = max_load;
  if (max_load == 0)
    {
      guint open = 0;

      for (guint p = 0; p < problem.n_proposals; p++)
        open += g_array_index (inst.proposal_open, gboolean, p) ? 1 : 0;
      problem.max_load = problem.n_members > 0
                         ? (open * per_proposal + problem.n_members - 1) / problem.n_members + 1 : 1;
    }
  /* A decided proposal takes no more reviewers. */
  for (guint p = 0; p < problem.n_proposals; p++)
    if (!g_array_index (inst.proposal_open, gboolean, p))
      for (guint m = 0; m < problem.n_members; m++)
        inst.conflict[p * problem.n_members + m] = TRUE;
  problem.conflict = inst.conflict;
  problem.assigned = inst.assigned;
  problem.proposal_region = (const guint *) (gpointer) inst.proposal_regions->data;
  problem.member_region = (const guint *) (gpointer) inst.member_regions->data;
  chosen = g_new0 (gboolean, MAX (1, problem.n_proposals * problem.n_members));
  n_added = l4a_assign_solve (&problem, chosen);

  for (guint p = 0; p < problem.n_proposals; p++)
    for (guint m = 0; m < problem.n_members; m++)
      if (chosen[p * problem.n_members + m])
        {
          L4aAssignPair *pair = g_new0 (L4aAssignPair, 1);

          pair->proposal_id = g_strdup (g_ptr_array_index (inst.proposal_ids, p));
          pair->proposal_title = g_strdup (g_ptr_array_index (inst.proposal_titles, p));
          pair->member_id = g_strdup (g_ptr_array_index (inst.member_ids, m));
          pair->member_name = g_strdup (g_ptr_array_index (inst.member_names, m));
          g_ptr_array_add (pairs, pair);
        }

  if (!dry_run)
    {
      if (!l4a_store_begin (store, error))
        return FALSE;
      for (guint i = 0; i < pairs->len; i++)
        {
          L4aAssignPair *pair = g_ptr_array_index (pairs, i);

          if (!insert_assignment (store, pair->proposal_id, pair->member_id, pair->proposal_title, error))
            goto failed;
        }

      details = g_strdup_printf ("{\"added\": %u, \"per_proposal\": %u, \"max_load\": %u}",
                                 n_added, per_proposal, problem.max_load);
      if (!l4a_store_audit (store, "assign", "call", call_id, details, error) || !l4a_store_commit (store, error))
        goto failed;
    }

  if (added != NULL)
    *added = g_steal_pointer (&pairs);
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_review_assign_call (L4aStore    *store,
                        const char  *call_id,
                        guint        per_proposal,
                        guint        max_load,
                        gboolean     dry_run,
                        GPtrArray  **added,
                        GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_assign_call_checked (store, call_id, per_proposal, max_load, dry_run, added, error), error);
}

/**
 * l4a_review_assign:
 *
 * Assigns one member to one proposal by hand; never a conflicted one.
 */
static gboolean
review_assign_checked (L4aStore    *store,
                       const char  *proposal_id,
                       const char  *member_id,
                       GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autofree char *name = NULL;
  gboolean conflicted, exists;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_ASSIGN_REVIEWERS, error) ||
      !read_proposal (store, proposal_id, &facts, error))
    return FALSE;

  name = member_name (store, member_id);
  if (name == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no board member with the id “%s”."), member_id);
      return FALSE;
    }
  if (!g_strv_contains ((const char *[]) { "submitted", "under-review", NULL }, facts.state))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Proposal “%s” is not waiting for review, so no reviewer can be assigned to it."), facts.title);
      return FALSE;
    }
  if (!is_conflicted (store, member_id, proposal_id, &conflicted, error))
    return FALSE;
  if (conflicted)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: the first %s is a person, the second a proposal title */
                   _("%s has a conflict of interest with “%s” and cannot review it."), name, facts.title);
      return FALSE;
    }
  if (!query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3",
                     proposal_id, member_id, facts.version, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s already reviews “%s”."), name, facts.title);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  {
    g_autofree char *details = g_strdup_printf ("{\"proposal\": \"%s\", \"member\": \"%s\"}", proposal_id, member_id);

    if (!insert_assignment (store, proposal_id, member_id, facts.title, error) ||
        !l4a_store_audit (store, "assign", "proposal", proposal_id, details, error) ||
        !l4a_store_commit (store, error))
      {
        l4a_store_rollback (store);
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
l4a_review_assign (L4aStore    *store,
                   const char  *proposal_id,
                   const char  *member_id,
                   GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_assign_checked (store, proposal_id, member_id, error), error);
}

/**
 * l4a_review_unassign:
 *
 * Removes an assignment, unless the member has started a review of it:
 * a review is never lost.
 */
static gboolean
review_unassign_checked (L4aStore    *store,
                         const char  *proposal_id,
                         const char  *member_id,
                         GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;
  gboolean exists;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_ASSIGN_REVIEWERS, error) ||
      !read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  name = member_name (store, member_id);
  if (name == NULL)
    name = g_strdup (member_id);

  if (!query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 AND proposal_version = ?3",
                     proposal_id, member_id, facts.version, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s has already started reviewing “%s”; the assignment stays so that the review is not lost."),
                   name, facts.title);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "DELETE FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, member_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, facts.version);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    goto failed;
  if (sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("%s does not review “%s”."), name, facts.title);
      goto failed;
    }
  details = g_strdup_printf ("{\"proposal\": \"%s\", \"member\": \"%s\"}", proposal_id, member_id);
  if (!l4a_store_audit (store, "unassign", "proposal", proposal_id, details, error) || !l4a_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_review_unassign (L4aStore    *store,
                     const char  *proposal_id,
                     const char  *member_id,
                     GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_unassign_checked (store, proposal_id, member_id, error), error);
}

/**
 * l4a_review_matrix:
 *
 * Returns: (transfer full): proposals by members of a call, for the
 *   secretariat, or %NULL with @error set
 */
L4aAssignMatrix *
l4a_review_matrix (L4aStore    *store,
                   const char  *call_id,
                   GError     **error)
{
  g_auto(CallInstance) inst = { 0 };
  L4aAssignMatrix *matrix;
  guint P, M;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_SEE_ASSIGNMENTS, error) ||
      !read_call_instance (store, call_id, &inst, error))
    return NULL;

  P = inst.proposal_ids->len;
  M = inst.member_ids->len;
  matrix = g_new0 (L4aAssignMatrix, 1);
  matrix->proposal_ids = g_steal_pointer (&inst.proposal_ids);
  matrix->proposal_titles = g_steal_pointer (&inst.proposal_titles);
  matrix->member_ids = g_steal_pointer (&inst.member_ids);
  matrix->member_names = g_steal_pointer (&inst.member_names);
  matrix->cells = g_steal_pointer (&inst.cells);
  matrix->loads = g_new0 (guint, MAX (1, M));
  for (guint p = 0; p < P; p++)
    for (guint m = 0; m < M; m++)
      if (inst.assigned[p * M + m])
        matrix->loads[m]++;
  return matrix;
}

void
l4a_assign_matrix_free (L4aAssignMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_ptr_array_unref (matrix->proposal_ids);
  g_ptr_array_unref (matrix->proposal_titles);
  g_ptr_array_unref (matrix->member_ids);
  g_ptr_array_unref (matrix->member_names);
  g_free (matrix->cells);
  g_free (matrix->loads);
  g_free (matrix);
}

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
  g_free (score);
}

void
l4a_review_free (L4aReview *review)
{
  if (review == NULL)
    return;
  g_free (review->id);
  g_free (review->proposal_id);
  g_free (review->member_id);
  g_free (review->reviewer);
  g_free (review->recommendation);
  g_free (review->comments_authors);
  g_free (review->comments_confidential);
  g_free (review->submitted_at);
  g_ptr_array_unref (review->scores);
  g_free (review);
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

static gboolean
load_scores (L4aStore    *store,
             L4aReview   *review,
             const char  *call_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The call's active criteria, and any retired one this review scored. */
  stmt = l4a_store_prepare (store,
                            "SELECT c.id, c.label, c.guidance, c.weight, c.scale_min, c.scale_max, c.required, s.score "
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
      g_ptr_array_add (review->scores, s);
    }
  return l4a_store_rows_done (store, rc, error);
}

static L4aReview *
review_from_row (sqlite3_stmt *stmt)
{
  L4aReview *review = g_new0 (L4aReview, 1);

  review->id = l4a_store_column_dup (stmt, 0);
  review->proposal_id = l4a_store_column_dup (stmt, 1);
  review->member_id = l4a_store_column_dup (stmt, 2);
  review->reviewer = l4a_store_column_dup (stmt, 3);
  review->proposal_version = sqlite3_column_int (stmt, 4);
  review->recommendation = l4a_store_column_dup (stmt, 5);
  review->comments_authors = l4a_store_column_dup (stmt, 6);
  review->comments_confidential = l4a_store_column_dup (stmt, 7);
  review->submitted_at = l4a_store_column_dup (stmt, 8);
  review->scores = g_ptr_array_new_with_free_func (score_free);
  return review;
}

#define REVIEW_COLUMNS \
  "r.id, r.proposal_id, r.member_id, m.name, r.proposal_version, r.recommendation, " \
  "r.comments_authors, r.comments_confidential, r.submitted_at "

/* May this workstation read the proposal at all? */
static gboolean
check_can_see (L4aStore       *store,
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
            !is_conflicted (store, member, proposal_id, &conflicted, error) ||
            !query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2",
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

  return read_proposal (store, proposal_id, &facts, error) &&
         check_can_see (store, &facts, proposal_id, error);
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

  if ((member = require_member (store, error)) == NULL ||
      !read_proposal (store, proposal_id, &facts, error) ||
      !check_can_see (store, &facts, proposal_id, error) ||
      !query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3",
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
    review = review_from_row (stmt);
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
      review = g_new0 (L4aReview, 1);
      review->proposal_id = g_strdup (proposal_id);
      review->member_id = g_strdup (member);
      review->reviewer = member_name (store, member);
      review->proposal_version = facts.version;
      review->comments_authors = g_strdup ("");
      review->comments_confidential = g_strdup ("");
      review->scores = g_ptr_array_new_with_free_func (score_free);
    }

  if (!load_scores (store, review, facts.call_id, error))
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

  if ((member = require_member (store, error)) == NULL ||
      !read_proposal (store, review->proposal_id, &facts, error))
    return FALSE;

  if (g_strcmp0 (member, review->member_id) != 0)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("A board member changes only their own reviews."));
      return FALSE;
    }
  if (!check_can_see (store, &facts, review->proposal_id, error) ||
      !query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3",
                     review->proposal_id, member, review->proposal_version, &assigned, error))
    return FALSE;
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
  if (!query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 AND proposal_version = ?3 "
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
                            "  comments_authors, comments_confidential, submitted_at, created_at, updated_at, origin) "
                            "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10) "
                            "ON CONFLICT (id) DO UPDATE SET recommendation = excluded.recommendation, "
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
    set_text (&review->submitted_at, now);
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

  if (!read_proposal (store, proposal_id, &facts, error))
    return NULL;
  if (role == L4A_ROLE_GOVERNMENT)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Reviews are read by the Advisory Board and the World Secretariat only."));
      return NULL;
    }
  if (!check_can_see (store, &facts, proposal_id, error))
    return NULL;

  if (role == L4A_ROLE_MEMBER)
    {
      member = l4a_store_get_identity (store);
      if (!query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 "
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
      g_autoptr(L4aReview) review = review_from_row (stmt);

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
      if (!load_scores (store, review, facts.call_id, error))
        return NULL;
      g_ptr_array_add (reviews, g_steal_pointer (&review));
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;

  return g_steal_pointer (&reviews);
}

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
          g_autoptr(L4aReview) review = review_from_row (stmt);
          double value;

          if (!load_scores (store, review, call_id, error))
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

  if (!read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  if (l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT)
    return TRUE;
  if (l4a_store_get_role (store) == L4A_ROLE_MEMBER &&
      check_can_see (store, &facts, proposal_id, error))
    {
      if (!query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 "
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
        set_text (&note->author, _("World Secretariat"));
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

/* ------------------------------------------------------------------------
 * Decisions
 */

void
l4a_decision_free (L4aDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->proposal_id);
  g_free (decision->outcome);
  g_free (decision->rationale);
  g_free (decision->internal_notes);
  g_free (decision->decided_at);
  g_free (decision->released_at);
  g_free (decision->hub_id);
  g_free (decision);
}

/**
 * l4a_decision_get:
 *
 * The latest decision on a proposal as this workstation may see it: the
 * secretariat sees it as soon as it is taken, with its internal notes;
 * others only once it is released, without them.
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL when there
 *   is none to see (@error unset) or on error (@error set)
 */
L4aDecision *
l4a_decision_get (L4aStore    *store,
                  const char  *proposal_id,
                  GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aDecision *decision;
  gboolean secretariat = l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!read_proposal (store, proposal_id, &facts, error) ||
      !check_can_see (store, &facts, proposal_id, error))
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT d.proposal_version, d.outcome, d.rationale, d.internal_notes, d.decided_at, "
                            "  d.released_at, (SELECT h.id FROM hub h WHERE h.proposal_id = d.proposal_id) "
                            "FROM decision d WHERE d.proposal_id = ?1 AND (?2 OR d.released_at IS NOT NULL) "
                            "ORDER BY d.proposal_version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, secretariat);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      l4a_store_set_sqlite_error (store, rc, facts.title, error);
      return NULL;
    }

  decision = g_new0 (L4aDecision, 1);
  decision->proposal_id = g_strdup (proposal_id);
  decision->proposal_version = sqlite3_column_int (stmt, 0);
  decision->outcome = l4a_store_column_dup (stmt, 1);
  decision->rationale = l4a_store_column_dup (stmt, 2);
  decision->internal_notes = secretariat ? l4a_store_column_dup (stmt, 3) : g_strdup ("");
  decision->decided_at = l4a_store_column_dup (stmt, 4);
  decision->released_at = l4a_store_column_dup (stmt, 5);
  decision->hub_id = l4a_store_column_dup (stmt, 6);
  return decision;
}

/**
 * l4a_decision_save:
 *
 * Records the secretariat's decision on the version under review; it
 * stays invisible outside the secretariat until released, and can be
 * changed until then.
 */
static gboolean
decision_save_checked (L4aStore    *store,
                       const char  *proposal_id,
                       const char  *outcome,
                       const char  *rationale,
                       const char  *internal_notes,
                       GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *details = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_DECIDE, error) ||
      !read_proposal (store, proposal_id, &facts, error))
    return FALSE;

  if (!g_strv_contains ((const char *[]) { "label-granted", "revise-resubmit", "declined", NULL },
                        outcome ? outcome : ""))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Decision on “%s”: the outcome must be to grant the label, to revise and resubmit, or to decline."),
                   facts.title);
      return FALSE;
    }
  if (g_strcmp0 (facts.state, "released") == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Decision on “%s”: it is released and can no longer change."), facts.title);
      return FALSE;
    }
  if (!g_strv_contains ((const char *[]) { "under-review", "decided", NULL }, facts.state))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Decision on “%s”: only a proposal under review can be decided."), facts.title);
      return FALSE;
    }
  if (l4a_text_is_blank (rationale))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Decision on “%s”: write the rationale the government will read."), facts.title);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store,
                            "INSERT INTO decision (id, proposal_id, proposal_version, outcome, rationale, internal_notes, "
                            "  decided_at, created_at, updated_at, origin) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7, ?8) "
                            "ON CONFLICT (proposal_id, proposal_version) DO UPDATE SET outcome = excluded.outcome, "
                            "  rationale = excluded.rationale, internal_notes = excluded.internal_notes, "
                            "  decided_at = excluded.decided_at, updated_at = excluded.updated_at, "
                            "  revision = revision + 1, origin = excluded.origin", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, facts.version);
  sqlite3_bind_text (stmt, 4, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, rationale, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, internal_notes ? internal_notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  details = g_strdup_printf ("{\"outcome\": \"%s\", \"version\": %d}", outcome, facts.version);
  if (!set_proposal_state (store, proposal_id, "decided", NULL, now, facts.title, error) ||
      !l4a_store_audit (store, "decide", "proposal", proposal_id, details, error) ||
      !l4a_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_decision_save (L4aStore    *store,
                   const char  *proposal_id,
                   const char  *outcome,
                   const char  *rationale,
                   const char  *internal_notes,
                   GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, decision_save_checked (store, proposal_id, outcome, rationale, internal_notes, error), error);
}

#define SQL_UUID \
  "lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' || " \
  "substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) || " \
  "substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6)))"

/* The labelled proposal becomes a hub with everything it planned. */
static gboolean
create_hub (L4aStore    *store,
            const char  *proposal_id,
            const char  *hub_id,
            const char  *title,
            GError     **error)
{
  static const char * const statements[] = {
    "INSERT INTO hub (id, proposal_id, government_id, name, summary, topic, pact_axis, format, start_on, end_on, "
    "  status, label_date, communication, brand_commitment, sample, created_at, updated_at, origin) "
    "SELECT ?1, p.id, p.government_id, p.title, p.summary, p.topic, p.pact_axis, p.format, p.start_on, p.end_on, "
    "  'active', substr (?3, 1, 10), p.communication, p.brand_commitment, p.sample, ?3, ?3, ?4 "
    "FROM proposal p WHERE p.id = ?2",
    "INSERT INTO hub_sdg (hub_id, goal) SELECT ?1, goal FROM proposal_sdg WHERE proposal_id = ?2",
    "INSERT INTO partner (id, hub_id, government_id, name, role, position, created_at, updated_at, origin) "
    "SELECT " SQL_UUID ", ?1, government_id, name, role, position, ?3, ?3, ?4 FROM partner WHERE proposal_id = ?2",
    "INSERT INTO deliverable (id, hub_id, title, description, due_on, status, position, created_at, updated_at, origin) "
    "SELECT " SQL_UUID ", ?1, title, description, due_on, 'planned', position, ?3, ?3, ?4 "
    "FROM deliverable WHERE proposal_id = ?2",
    "INSERT INTO indicator (id, hub_id, code, framework, name, unit, direction, baseline_value, baseline_on, "
    "  target_value, target_on, position, created_at, updated_at, origin) "
    "SELECT " SQL_UUID ", ?1, code, framework, name, unit, direction, baseline_value, baseline_on, "
    "  target_value, target_on, position, ?3, ?3, ?4 FROM indicator WHERE proposal_id = ?2",
  };
  g_autofree char *now = l4a_now_iso8601 ();

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, title, error))
        return FALSE;
    }

  return l4a_store_audit (store, "create", "hub", hub_id, NULL, error);
}

/**
 * l4a_decision_release:
 * @hub_id: (out) (optional): the hub made when the label is granted
 *
 * Announces the decision: the government and the board see it from now
 * on. Granting the label creates the hub in the registry, linked to the
 * proposal both ways.
 */
static gboolean
decision_release_checked (L4aStore    *store,
                          const char  *proposal_id,
                          char       **hub_id,
                          GError     **error)
{
  g_auto(ProposalFacts) facts = { 0 };
  g_autoptr(L4aDecision) decision = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *new_hub = NULL;
  g_autofree char *now = l4a_now_iso8601 ();

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_RELEASE, error) ||
      !read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  decision = l4a_decision_get (store, proposal_id, error);
  if (decision == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                     _("“%s” has no decision to release."), facts.title);
      return FALSE;
    }
  if (decision->released_at != NULL || g_strcmp0 (facts.state, "decided") != 0 ||
      decision->proposal_version != facts.version)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("The decision on “%s” is already released."), facts.title);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "UPDATE decision SET released_at = ?3, updated_at = ?3, revision = revision + 1 "
                                   "WHERE proposal_id = ?1 AND proposal_version = ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, facts.version);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, facts.title, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!set_proposal_state (store, proposal_id, "released", NULL, now, facts.title, error))
    goto failed;

  if (g_strcmp0 (decision->outcome, "label-granted") == 0)
    {
      new_hub = g_uuid_string_random ();
      if (!create_hub (store, proposal_id, new_hub, facts.title, error))
        goto failed;
    }

  if (!l4a_store_audit (store, "release", "proposal", proposal_id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  if (hub_id != NULL)
    *hub_id = g_steal_pointer (&new_hub);
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_decision_release (L4aStore    *store,
                      const char  *proposal_id,
                      char       **hub_id,
                      GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, decision_release_checked (store, proposal_id, hub_id, error), error);
}

/* ------------------------------------------------------------------------
 * Audit
 */

static void
audit_entry_free (gpointer data)
{
  L4aAuditEntry *entry = data;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->record_type);
  g_free (entry->record_id);
  g_free (entry->details);
  g_free (entry);
}

/**
 * l4a_audit_list:
 * @record: (nullable): a record type, or the start of a record id
 * @actor: (nullable): text the actor contains
 * @action: (nullable): an action, exactly
 * @limit: the most entries, 0 for all
 *
 * Returns: (transfer full) (element-type L4aAuditEntry): the audit log,
 *   newest first, for the secretariat, or %NULL with @error set
 */
GPtrArray *
l4a_audit_list (L4aStore    *store,
                const char  *record,
                const char  *actor,
                const char  *action,
                guint        limit,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_READ_AUDIT, error))
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT seq, at, actor, action, record_type, coalesce (record_id, ''), details FROM audit "
                            "WHERE (?1 IS NULL OR record_type = ?1 OR substr (record_id, 1, length (?1)) = ?1) "
                            "  AND (?2 IS NULL OR instr (lower (actor), lower (?2)) > 0) "
                            "  AND (?3 IS NULL OR action = ?3) "
                            "ORDER BY seq DESC LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  if (!l4a_text_is_blank (record))
    sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  if (!l4a_text_is_blank (actor))
    sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_STATIC);
  if (!l4a_text_is_blank (action))
    sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aAuditEntry *entry = g_new0 (L4aAuditEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->at = l4a_store_column_dup (stmt, 1);
      entry->actor = l4a_store_column_dup (stmt, 2);
      entry->action = l4a_store_column_dup (stmt, 3);
      entry->record_type = l4a_store_column_dup (stmt, 4);
      entry->record_id = l4a_store_column_dup (stmt, 5);
      entry->details = l4a_store_column_dup (stmt, 6);
      g_ptr_array_add (entries, entry);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&entries);
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

  if ((member = require_member (store, error)) == NULL)
    return NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT p.id, p.title, g.name, c.title, a.due_on, p.version, "
                            "  (SELECT CASE WHEN r.submitted_at IS NULL THEN 1 ELSE 2 END FROM review r "
                            "   WHERE r.proposal_id = p.id AND r.member_id = a.member_id AND r.proposal_version = p.version) "
                            "  AS review_state "
                            "FROM assignment a JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                            "JOIN government g ON g.id = p.government_id JOIN call c ON c.id = p.call_id "
                            "WHERE a.member_id = ?1 AND p.state IN ('under-review', 'decided', 'released') "
                            "  AND NOT EXISTS (SELECT 1 FROM member_conflict mc "
                            "                  WHERE mc.member_id = a.member_id AND mc.proposal_id = p.id) "
                            "ORDER BY coalesce (review_state, 0) = 2, a.due_on, p.title COLLATE NOCASE", error);
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

  if (!read_proposal (store, proposal_id, &facts, error) ||
      !check_can_see (store, &facts, proposal_id, error))
    return NULL;

  stmt = l4a_store_prepare (store, "SELECT g.name, c.title FROM proposal p JOIN government g ON g.id = p.government_id "
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

  if (!read_proposal (store, proposal_id, &facts, error) ||
      !check_can_see (store, &facts, proposal_id, error))
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
