/* l4a-links.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-links"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "l4a-links.h"
#include "l4a-monitoring.h"
#include "l4a-permissions.h"
#include "l4a-records.h"
#include "l4a-store-private.h"
#include "l4a-types.h"

/*
 * Links between hubs, the synchronization the concept note asks of the
 * network: a hub's lead government proposes a link to another hub, with a
 * reason (a shared topic, a joint product, peer learning); the other hub's
 * lead government, or the World Secretariat, accepts or declines it. A
 * link the secretariat makes stands at once. Suggestions come from what
 * hubs share: SDGs, Policy Councils, the Pact axis.
 */

#define MAX_NOTE 1000

void
l4a_hub_link_free (L4aHubLink *link)
{
  if (link == NULL)
    return;
  g_free (link->id);
  g_free (link->hub_id);
  g_free (link->hub_name);
  g_free (link->other_id);
  g_free (link->other_name);
  g_free (link->reason);
  g_free (link->note);
  g_free (link->status);
  g_free (link->proposed_by);
  g_free (link);
}

void
l4a_link_suggestion_free (L4aLinkSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->id);
  g_free (suggestion->name);
  g_free (suggestion);
}

#define LINK_COLUMNS \
  "l.id, l.hub_id, a.name, l.other_id, b.name, l.reason, l.note, l.status, l.proposed_by, l.revision " \
  "FROM hub_link l JOIN hub a ON a.id = l.hub_id JOIN hub b ON b.id = l.other_id "

static L4aHubLink *
read_link (sqlite3_stmt *stmt)
{
  L4aHubLink *link = g_new0 (L4aHubLink, 1);

  link->id = l4a_store_column_dup (stmt, 0);
  link->hub_id = l4a_store_column_dup (stmt, 1);
  link->hub_name = l4a_store_column_dup (stmt, 2);
  link->other_id = l4a_store_column_dup (stmt, 3);
  link->other_name = l4a_store_column_dup (stmt, 4);
  link->reason = l4a_store_column_dup (stmt, 5);
  link->note = l4a_store_column_dup (stmt, 6);
  link->status = l4a_store_column_dup (stmt, 7);
  link->proposed_by = l4a_store_column_dup (stmt, 8);
  link->revision = sqlite3_column_int64 (stmt, 9);
  return link;
}

/**
 * l4a_hub_links:
 * @hub_id: (nullable): one hub, or %NULL for every link
 *
 * Returns: (transfer full) (element-type L4aHubLink): the links of
 *   @hub_id, whichever side proposed them, declined ones included
 */
GPtrArray *
l4a_hub_links (L4aStore    *store,
               const char  *hub_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_hub_link_free);
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

#define LINKS(where) \
  "SELECT " LINK_COLUMNS where "ORDER BY l.status = 'accepted' DESC, l.status = 'proposed' DESC, a.name, b.name"
  /* one hub's through the indexes on both ends (SQLite cannot use them
   * with "?1 IS NULL OR": it read every link for each hub) */
  stmt = l4a_store_prepare (store, hub_id != NULL ? LINKS ("WHERE l.hub_id = ?1 OR l.other_id = ?1 ") : LINKS (""),
                            error);
#undef LINKS
  if (stmt == NULL)
    return NULL;
  if (hub_id != NULL)
    sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (links, read_link (stmt));
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&links);
}

static L4aHubLink *
load_link (L4aStore    *store,
           const char  *id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT " LINK_COLUMNS "WHERE l.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no such link between hubs."));
      return NULL;
    }
  return read_link (stmt);
}

/**
 * l4a_hub_link_can_propose:
 *
 * Returns: whether this workstation may propose links of @hub_id: the
 *   secretariat, or the hub's lead government
 */
gboolean
l4a_hub_link_can_propose (L4aStore   *store,
                          const char *hub_id)
{
  return l4a_monitoring_can_edit (store, hub_id);
}

/**
 * l4a_hub_link_can_answer:
 *
 * Returns: whether this workstation may accept or decline @link: a
 *   proposed link, for the secretariat or the other hub's lead government
 */
gboolean
l4a_hub_link_can_answer (L4aStore         *store,
                         const L4aHubLink *link)
{
  if (g_strcmp0 (link->status, "proposed") != 0)
    return FALSE;
  if (l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT)
    return TRUE;
  return l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT && l4a_monitoring_can_edit (store, link->other_id);
}

static gboolean
propose_checked (L4aStore    *store,
                 const char  *hub_id,
                 const char  *other_id,
                 const char  *reason,
                 const char  *note,
                 GError     **error)
{
  gboolean secretariat = l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT;
  g_autofree char *other = other_id ? l4a_store_lookup_text (store, "SELECT name FROM hub WHERE id = ?1", other_id)
                                    : NULL;
  g_autofree char *existing = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = l4a_now_iso8601 ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!l4a_hub_link_can_propose (store, hub_id))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Only the World Secretariat and the hub’s lead government propose its links."));
      return FALSE;
    }
  if (other == NULL || g_strcmp0 (hub_id, other_id) == 0)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("Choose another hub of the registry to link to."));
      return FALSE;
    }
  if (!l4a_enum_is_valid (L4A_TYPE_LINK_REASON, reason))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("Say why the hubs should be linked: a shared topic, a joint product or peer learning."));
      return FALSE;
    }
  if (note != NULL && g_utf8_strlen (note, -1) > MAX_NOTE)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("The note is longer than %d characters."), MAX_NOTE);
      return FALSE;
    }
  stmt = l4a_store_prepare (store, "SELECT status FROM hub_link WHERE status <> 'declined' AND "
                                   "((hub_id = ?1 AND other_id = ?2) OR (hub_id = ?2 AND other_id = ?1))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, other_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    existing = l4a_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (existing != NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   g_str_equal (existing, "accepted") ? _("The hubs are linked already, with “%s”.")
                                                      : _("A link with “%s” is proposed already."), other);
      return FALSE;
    }
  /* a declined proposal may be made again */
  stmt = l4a_store_prepare (store, "DELETE FROM hub_link WHERE status = 'declined' AND "
                                   "((hub_id = ?1 AND other_id = ?2) OR (hub_id = ?2 AND other_id = ?1))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, other_id, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "INSERT INTO hub_link (id, hub_id, other_id, reason, note, status, proposed_by, "
                                   "  created_at, updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, other_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, note ? note : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, secretariat ? "accepted" : "proposed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, secretariat ? "secretariat" : "government", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, NULL, error) &&
         l4a_store_audit (store, "create", "hub_link", id, NULL, error);
}

/**
 * l4a_hub_link_propose:
 * @reason: shared-topic, joint-product or peer-learning
 *
 * Proposes a link from @hub_id to @other_id; made by the secretariat, it
 * stands at once.
 */
gboolean
l4a_hub_link_propose (L4aStore    *store,
                      const char  *hub_id,
                      const char  *other_id,
                      const char  *reason,
                      const char  *note,
                      GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, propose_checked (store, hub_id, other_id, reason, note, error), error);
}

static gboolean
answer_checked (L4aStore    *store,
                const char  *link_id,
                gboolean     accept,
                GError     **error)
{
  g_autoptr(L4aHubLink) link = load_link (store, link_id, error);
  g_autofree char *now = l4a_now_iso8601 ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (link == NULL)
    return FALSE;
  if (g_strcmp0 (link->status, "proposed") != 0)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("This link was answered already."));
      return FALSE;
    }
  if (!l4a_hub_link_can_answer (store, link))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Only the other hub’s lead government or the World Secretariat answers a proposed "
                             "link."));
      return FALSE;
    }
  stmt = l4a_store_prepare (store, "UPDATE hub_link SET status = ?2, updated_at = ?3, origin = ?4, "
                                   "revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, link_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, accept ? "accepted" : "declined", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, NULL, error) &&
         l4a_store_audit (store, accept ? "accept" : "decline", "hub_link", link_id, NULL, error);
}

/**
 * l4a_hub_link_answer:
 *
 * Accepts or declines a proposed link.
 */
gboolean
l4a_hub_link_answer (L4aStore    *store,
                     const char  *link_id,
                     gboolean     accept,
                     GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, answer_checked (store, link_id, accept, error), error);
}

static gboolean
remove_checked (L4aStore    *store,
                const char  *link_id,
                GError     **error)
{
  g_autoptr(L4aHubLink) link = load_link (store, link_id, error);

  if (link == NULL)
    return FALSE;
  /* the secretariat, or a government that proposed a link not yet answered */
  if (l4a_store_get_role (store) != L4A_ROLE_SECRETARIAT &&
      !(g_str_equal (link->status, "proposed") && l4a_monitoring_can_edit (store, link->hub_id)))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Only the World Secretariat removes a link; a government withdraws its own proposal "
                             "while it waits."));
      return FALSE;
    }
  return l4a_records_run (store, "DELETE FROM hub_link WHERE id = ?1", link_id, error) &&
         l4a_store_audit (store, "delete", "hub_link", link_id, NULL, error);
}

/**
 * l4a_hub_link_remove:
 *
 * Removes a link (the secretariat), or withdraws a proposal not yet
 * answered (its government).
 */
gboolean
l4a_hub_link_remove (L4aStore    *store,
                     const char  *link_id,
                     GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) && l4a_store_end (store, remove_checked (store, link_id, error), error);
}

/**
 * l4a_hub_link_suggestions:
 *
 * Returns: (transfer full) (element-type L4aLinkSuggestion): the hubs
 *   that share most with @hub_id (SDGs and Policy Councils count twice,
 *   the Pact axis once) and are not linked to it yet, best first, counted
 *   by SQLite
 */
GPtrArray *
l4a_hub_link_suggestions (L4aStore    *store,
                          const char  *hub_id,
                          guint        limit,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_link_suggestion_free);
  int rc;

  stmt = l4a_store_prepare (store,
                            "WITH me AS (SELECT * FROM hub WHERE id = ?1), "
                            "sdg AS (SELECT o.hub_id, count (*) AS n FROM hub_sdg o JOIN hub_sdg m "
                            "  ON m.goal = o.goal AND m.hub_id = ?1 WHERE o.hub_id <> ?1 GROUP BY o.hub_id), "
                            "council AS (SELECT o.hub_id, count (*) AS n FROM hub_council o JOIN hub_council m "
                            "  ON m.council = o.council AND m.hub_id = ?1 WHERE o.hub_id <> ?1 GROUP BY o.hub_id) "
                            "SELECT h.id, h.name, coalesce (sdg.n, 0), coalesce (council.n, 0), "
                            "  h.pact_axis IS NOT NULL AND h.pact_axis = (SELECT pact_axis FROM me) AS axis, "
                            "  2 * coalesce (sdg.n, 0) + 2 * coalesce (council.n, 0) + "
                            "  (h.pact_axis IS NOT NULL AND h.pact_axis = (SELECT pact_axis FROM me)) AS score "
                            "FROM hub h LEFT JOIN sdg ON sdg.hub_id = h.id LEFT JOIN council ON council.hub_id = h.id "
                            "WHERE h.id <> ?1 AND (sdg.n IS NOT NULL OR council.n IS NOT NULL) "
                            "AND NOT EXISTS (SELECT 1 FROM hub_link l WHERE l.status <> 'declined' AND "
                            "  ((l.hub_id = ?1 AND l.other_id = h.id) OR (l.other_id = ?1 AND l.hub_id = h.id))) "
                            "ORDER BY score DESC, h.name LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aLinkSuggestion *suggestion = g_new0 (L4aLinkSuggestion, 1);

      suggestion->id = l4a_store_column_dup (stmt, 0);
      suggestion->name = l4a_store_column_dup (stmt, 1);
      suggestion->shared_sdgs = (guint) sqlite3_column_int (stmt, 2);
      suggestion->shared_councils = (guint) sqlite3_column_int (stmt, 3);
      suggestion->same_axis = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (list, suggestion);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * l4a_links_government_rule:
 *
 * Whether a local government's monitoring bundle may carry @object, a
 * link, as the window would let it make it: a new proposal from a hub it
 * leads; or its answer (accepted or declined, nothing else changed) to a
 * proposal made to a hub it leads. A link that is here as in the bundle
 * passes.
 */
gboolean
l4a_links_government_rule (L4aStore    *store,
                           const char  *actor,
                           JsonObject  *object,
                           const char  *record,
                           GError     **error)
{
  const char *id = l4a_json_string (object, "id");
  const char *hub = l4a_json_string (object, "hub_id");
  const char *other = l4a_json_string (object, "other_id");
  const char *status = l4a_json_string (object, "status");
  g_autoptr(L4aHubLink) here = id ? load_link (store, id, NULL) : NULL;
  g_autofree char *hub_lead = hub ? l4a_store_lookup_text (store, "SELECT government_id FROM hub WHERE id = ?1", hub)
                                  : NULL;
  g_autofree char *other_lead = other ? l4a_store_lookup_text (store, "SELECT government_id FROM hub WHERE id = ?1",
                                                               other) : NULL;

  if (here == NULL)
    {
      if (g_strcmp0 (hub_lead, actor) == 0 && g_strcmp0 (status, "proposed") == 0 &&
          g_strcmp0 (l4a_json_string (object, "proposed_by"), "government") == 0)
        return TRUE;
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a government proposes links from the hubs it leads; the other side answers them."), record);
      return FALSE;
    }
  if (g_strcmp0 (here->hub_id, hub) != 0 || g_strcmp0 (here->other_id, other) != 0 ||
      g_strcmp0 (here->reason, l4a_json_string (object, "reason")) != 0 ||
      g_strcmp0 (here->proposed_by, l4a_json_string (object, "proposed_by")) != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a link keeps its hubs, its reason and who proposed it."), record);
      return FALSE;
    }
  if (g_strcmp0 (here->status, status) == 0)
    return TRUE;
  if (g_str_equal (here->status, "proposed") && g_strcmp0 (other_lead, actor) == 0 &&
      g_strv_contains ((const char *[]) { "accepted", "declined", NULL }, status ? status : ""))
    return TRUE;
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
               _("%s: only the other hub’s lead government answers a proposed link, once."), record);
  return FALSE;
}
