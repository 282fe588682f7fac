/* l4a-assignment.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assigning reviewers: a call at a time through the solver, or one by
 * hand; never a member in conflict; who reviews what.
 */

#define G_LOG_DOMAIN "l4a-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-labels.h"
#include "l4a-letter.h"
#include "l4a-member.h"
#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

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
  guint     *match;
  L4aCell   *cells;
  GHashTable *reasons;          /* cell index + 1 → why the member declined */
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
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->reasons, g_hash_table_unref);
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
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists;
  guint P, M;
  int rc;

  if (!l4a_review_query_exists (store, "SELECT 1 FROM call WHERE id = ?1", call_id, NULL, -1, &exists, error))
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
                            "SELECT p.id, p.title, g.region, p.state IN ('submitted', 'under-review'), "
                            "  p.language, g.country "
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

      const char *language = (const char *) sqlite3_column_text (stmt, 4);

      if (language == NULL)
        language = l4a_letter_language_for ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (languages, g_strdup (language));
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
  inst->match = g_new0 (guint, MAX (1, P * M));
  inst->reasons = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  inst->cells = g_new0 (L4aCell, MAX (1, P * M));

  /* A member never reads a proposal in a language they do not read. */
  stmt = l4a_store_prepare (store, "SELECT member_id, group_concat (language, ' ') FROM member_language "
                                   "GROUP BY member_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint m = index_of (member_index, (const char *) sqlite3_column_text (stmt, 0));
      g_auto(GStrv) reads = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), " ", -1);

      for (guint p = 0; m >= 0 && p < P; p++)
        if (!l4a_member_reads ((const char * const *) reads, g_ptr_array_index (languages, p)))
          {
            inst->conflict[p * M + m] = TRUE;
            inst->cells[p * M + m] = L4A_CELL_UNREADABLE;
          }
    }
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Expertise shared by each pair: goals, the Pact axis, the region. */
  stmt = l4a_store_prepare (store,
                            "SELECT e.proposal_id, e.member_id, count(*) FROM ("
                            "  SELECT ps.proposal_id, ms.member_id FROM proposal_sdg ps "
                            "  JOIN member_sdg ms ON ms.goal = ps.goal "
                            "  UNION ALL SELECT p.id, ma.member_id FROM proposal p "
                            "  JOIN member_axis ma ON ma.axis = p.pact_axis "
                            "  UNION ALL SELECT p.id, mr.member_id FROM proposal p "
                            "  JOIN government g ON g.id = p.government_id "
                            "  JOIN member_region mr ON mr.region = g.region) e "
                            "JOIN proposal p ON p.id = e.proposal_id WHERE p.call_id = ?1 "
                            "GROUP BY e.proposal_id, e.member_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, call_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint p = index_of (proposal_index, (const char *) sqlite3_column_text (stmt, 0));
      gint m = index_of (member_index, (const char *) sqlite3_column_text (stmt, 1));

      if (p >= 0 && m >= 0)
        inst->match[p * M + m] = (guint) sqlite3_column_int (stmt, 2);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

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
                            "   AND r.proposal_version = p.version), a.declined_at IS NOT NULL, a.decline_reason "
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

      /* a declined assignment frees its slot, and is not offered again */
      if (p >= 0 && m >= 0 && sqlite3_column_int (stmt, 3) && review != 2)
        {
          inst->conflict[p * M + m] = TRUE;
          inst->cells[p * M + m] = L4A_CELL_DECLINED;
          g_hash_table_insert (inst->reasons, GUINT_TO_POINTER (p * M + m + 1), l4a_store_column_dup (stmt, 4));
        }
      else if (p >= 0 && m >= 0)
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
  return l4a_review_set_proposal_state (store, proposal_id, "under-review", "submitted", now, title, error);
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
  problem.match = inst.match;
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

/* Is the proposal written in a language the member said they do not read? */
static gboolean
member_cannot_read (L4aStore    *store,
                    const char  *proposal_id,
                    const char  *member_id,
                    gboolean    *unreadable,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) reads = NULL;
  g_autofree char *language = NULL;
  int rc;

  stmt = l4a_store_prepare (store, "SELECT p.language, g.country FROM proposal p "
                                   "JOIN government g ON g.id = p.government_id WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    language = sqlite3_column_type (stmt, 0) != SQLITE_NULL
               ? l4a_store_column_dup (stmt, 0)
               : g_strdup (l4a_letter_language_for ((const char *) sqlite3_column_text (stmt, 1)));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT language FROM member_language WHERE member_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  reads = g_strv_builder_end (builder);
  *unreadable = !l4a_member_reads ((const char * const *) reads, language);
  return TRUE;
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
      !l4a_review_read_proposal (store, proposal_id, &facts, error))
    return FALSE;

  name = l4a_review_member_name (store, member_id);
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
  if (!l4a_review_is_conflicted (store, member_id, proposal_id, &conflicted, error))
    return FALSE;
  if (conflicted)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: the first %s is a person, the second a proposal title */
                   _("%s has a conflict of interest with “%s” and cannot review it."), name, facts.title);
      return FALSE;
    }
  if (!member_cannot_read (store, proposal_id, member_id, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: the first %s is a person, the second a proposal title */
                   _("%s does not read the language “%s” is written in."), name, facts.title);
      return FALSE;
    }
  if (!l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3 "
                                       "AND declined_at IS NOT NULL",
                                proposal_id, member_id, facts.version, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s declined “%s”; choose another reviewer."), name, facts.title);
      return FALSE;
    }
  if (!l4a_review_query_exists (store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2 AND round = ?3",
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
      !l4a_review_read_proposal (store, proposal_id, &facts, error))
    return FALSE;
  name = l4a_review_member_name (store, member_id);
  if (name == NULL)
    name = g_strdup (member_id);

  if (!l4a_review_query_exists (store, "SELECT 1 FROM review WHERE proposal_id = ?1 AND member_id = ?2 AND proposal_version = ?3",
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
  matrix->match = g_steal_pointer (&inst.match);
  matrix->reasons = g_steal_pointer (&inst.reasons);
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
  g_free (matrix->match);
  g_clear_pointer (&matrix->reasons, g_hash_table_unref);
  g_free (matrix->loads);
  g_free (matrix);
}

/**
 * l4a_assign_matrix_get_reason:
 *
 * Returns: (nullable): why member @m declined proposal @p, if they did
 */
const char *
l4a_assign_matrix_get_reason (const L4aAssignMatrix *matrix,
                              guint                  p,
                              guint                  m)
{
  g_return_val_if_fail (matrix != NULL, NULL);

  return g_hash_table_lookup (matrix->reasons, GUINT_TO_POINTER (p * matrix->member_ids->len + m + 1));
}

void
l4a_reminder_free (L4aReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->member_id);
  g_free (reminder->member_name);
  g_free (reminder->contact);
  g_ptr_array_unref (reminder->titles);
  g_ptr_array_unref (reminder->due_on);
  g_free (reminder);
}

static void
reminder_free (gpointer data)
{
  l4a_reminder_free (data);
}

/**
 * l4a_review_reminders:
 * @call_id: (nullable): one call, or every call
 * @within_days: reviews due within this many days, and every overdue one
 *
 * Who owes a review of a proposal under review, due soon or overdue: each
 * member once, with the proposals, for the secretariat's reminders.
 * Declined assignments and submitted reviews owe nothing.
 *
 * Returns: (transfer full) (element-type L4aReminder): by name, or %NULL
 *   with @error set
 */
GPtrArray *
l4a_review_reminders (L4aStore    *store,
                      const char  *call_id,
                      guint        within_days,
                      GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (reminder_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = l4a_today_iso ();
  g_autofree char *modifier = g_strdup_printf ("+%u days", MIN (within_days, 366u));
  L4aReminder *current = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_SEE_ASSIGNMENTS, error))
    return NULL;
  stmt = l4a_store_prepare (store,
                            "SELECT m.id, m.name, m.contact, p.title, a.due_on, a.due_on < ?1 "
                            "FROM assignment a JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                            "JOIN member m ON m.id = a.member_id "
                            "WHERE p.state = 'under-review' AND a.declined_at IS NULL AND a.due_on IS NOT NULL "
                            "AND a.due_on <= date (?1, ?2) AND (?3 IS NULL OR p.call_id = ?3) "
                            "AND NOT EXISTS (SELECT 1 FROM review r WHERE r.proposal_id = a.proposal_id "
                            "  AND r.member_id = a.member_id AND r.proposal_version = a.round "
                            "  AND r.submitted_at IS NOT NULL) "
                            "ORDER BY m.name COLLATE NOCASE, m.id, a.due_on, p.title", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, modifier, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, call_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *member = (const char *) sqlite3_column_text (stmt, 0);

      if (current == NULL || g_strcmp0 (current->member_id, member) != 0)
        {
          current = g_new0 (L4aReminder, 1);
          current->member_id = g_strdup (member);
          current->member_name = l4a_store_column_dup (stmt, 1);
          current->contact = l4a_store_column_dup (stmt, 2);
          current->titles = g_ptr_array_new_with_free_func (g_free);
          current->due_on = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (list, current);
        }
      g_ptr_array_add (current->titles, l4a_store_column_dup (stmt, 3));
      g_ptr_array_add (current->due_on, l4a_store_column_dup (stmt, 4));
      current->n_overdue += sqlite3_column_int (stmt, 5) != 0;
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}
