/* l4a-decision.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decisions on proposals, their release, and the hub a granted label makes.
 */

#define G_LOG_DOMAIN "l4a-decision"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* ------------------------------------------------------------------------
 * Decisions
 */

/* Properties 1 to G_N_ELEMENTS (text_fields) are the text fields. */
static const L4aTextField text_fields[] = {
  { "proposal_id", "proposal-id", G_STRUCT_OFFSET (L4aDecision, proposal_id) },
  { "outcome", "outcome", G_STRUCT_OFFSET (L4aDecision, outcome) },
  { "rationale", "rationale", G_STRUCT_OFFSET (L4aDecision, rationale) },
  { "internal_notes", "internal-notes", G_STRUCT_OFFSET (L4aDecision, internal_notes) },
  { "decided_at", "decided-at", G_STRUCT_OFFSET (L4aDecision, decided_at) },
  { "released_at", "released-at", G_STRUCT_OFFSET (L4aDecision, released_at) },
  { "hub_id", "hub-id", G_STRUCT_OFFSET (L4aDecision, hub_id) },
};

L4A_DEFINE_TEXT_RECORD (L4aDecision, l4a_decision, text_fields)

/* A decision not taken yet on @proposal_id, for a form to fill. */
L4aDecision *
l4a_decision_new (const char *proposal_id)
{
  return g_object_new (L4A_TYPE_DECISION, "proposal-id", proposal_id, NULL);
}

void
l4a_decision_free (L4aDecision *decision)
{
  if (decision != NULL)
    g_object_unref (decision);
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

  if (!l4a_review_read_proposal (store, proposal_id, &facts, error) ||
      !l4a_review_check_can_see (store, &facts, proposal_id, error))
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

  decision = l4a_decision_new (proposal_id);
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
      !l4a_review_read_proposal (store, proposal_id, &facts, error))
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
  if (!l4a_review_set_proposal_state (store, proposal_id, "decided", NULL, now, facts.title, error) ||
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
      !l4a_review_read_proposal (store, proposal_id, &facts, error))
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

  if (!l4a_review_set_proposal_state (store, proposal_id, "released", NULL, now, facts.title, error))
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
