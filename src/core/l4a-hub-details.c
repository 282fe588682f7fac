/* l4a-hub-details.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-details"

#include "config.h"

#include <math.h>

#include "l4a-hub-details.h"
#include "l4a-store-private.h"

static void
detail_item_free (gpointer data)
{
  L4aDetailItem *item = data;

  g_free (item->id);
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->kind);
  g_free (item->date);
  g_free (item->url);
  g_free (item->unit);
  g_free (item);
}

void
l4a_hub_details_free (L4aHubDetails *details)
{
  if (details == NULL)
    return;

  l4a_hub_edit_free (details->hub);
  g_free (details->government);
  g_free (details->country);
  g_free (details->region);
  g_free (details->proposal_title);
  g_clear_pointer (&details->partners, g_ptr_array_unref);
  g_clear_pointer (&details->deliverables, g_ptr_array_unref);
  g_clear_pointer (&details->activities, g_ptr_array_unref);
  g_clear_pointer (&details->related, g_ptr_array_unref);
  g_clear_pointer (&details->indicators, g_ptr_array_unref);
  g_free (details);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static double
column_number (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

/* Runs @sql with the hub id as ?1 and ?2 as today; each row gives the
 * columns id, title, subtitle, kind, date, url, unit, value, baseline,
 * target, overdue. */
static GPtrArray *
query_items (L4aStore    *store,
             const char  *sql,
             const char  *id,
             const char  *today,
             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (detail_item_free);
  g_autoptr(L4aCachedStatement) stmt = l4a_store_prepare_cached (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aDetailItem *item = g_new0 (L4aDetailItem, 1);

      item->id = dup_column (stmt, 0);
      item->title = dup_column (stmt, 1);
      item->subtitle = dup_column (stmt, 2);
      item->kind = dup_column (stmt, 3);
      item->date = dup_column (stmt, 4);
      item->url = dup_column (stmt, 5);
      item->unit = dup_column (stmt, 6);
      item->value = column_number (stmt, 7);
      item->baseline = column_number (stmt, 8);
      item->target = column_number (stmt, 9);
      item->overdue = sqlite3_column_int (stmt, 10) != 0;
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * l4a_registry_get_hub_details:
 *
 * Returns: (transfer full): all a hub page shows of the hub @id, or %NULL
 *   with @error set
 */
L4aHubDetails *
l4a_registry_get_hub_details (L4aStore    *store,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(L4aHubDetails) details = g_new0 (L4aHubDetails, 1);
  g_autoptr(L4aCachedStatement) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  details->hub = l4a_registry_load_hub (store, id, error);
  if (details->hub == NULL)
    return NULL;

  stmt = l4a_store_prepare_cached (store,
                                   "SELECT g.name, g.country, g.region, p.title, h.sample FROM hub h "
                                   "JOIN government g ON g.id = h.government_id "
                                   "LEFT JOIN proposal p ON p.id = h.proposal_id WHERE h.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      details->government = dup_column (stmt, 0);
      details->country = dup_column (stmt, 1);
      details->region = dup_column (stmt, 2);
      details->proposal_title = dup_column (stmt, 3);
      details->sample = sqlite3_column_int (stmt, 4) != 0;
    }

  if (!(details->partners = query_items (store,
          "SELECT id, name, role, role, NULL, NULL, NULL, NULL, NULL, NULL, 0 "
          "FROM partner WHERE hub_id = ?1 ORDER BY position, name", id, today, error)) ||
      !(details->deliverables = query_items (store,
          "SELECT id, title, description, status, due_on, NULL, NULL, NULL, NULL, NULL, "
          "  status <> 'done' AND due_on < ?2 "
          "FROM deliverable WHERE hub_id = ?1 ORDER BY due_on, position", id, today, error)) ||
      !(details->activities = query_items (store,
          "SELECT id, title, description, kind, happened_on, url, NULL, NULL, NULL, NULL, 0 "
          "FROM activity WHERE hub_id = ?1 ORDER BY happened_on DESC, title", id, today, error)) ||
      !(details->related = query_items (store,
          "SELECT h.id, h.name, g.name, h.status, h.start_on, NULL, NULL, NULL, NULL, NULL, 0 "
          "FROM hub_relation r JOIN hub h ON h.id = r.related_id JOIN government g ON g.id = h.government_id "
          "WHERE r.hub_id = ?1 "
          "UNION SELECT h.id, h.name, g.name, h.status, h.start_on, NULL, NULL, NULL, NULL, NULL, 0 "
          "FROM hub_relation r JOIN hub h ON h.id = r.hub_id JOIN government g ON g.id = h.government_id "
          "WHERE r.related_id = ?1 ORDER BY 2", id, today, error)) ||
      !(details->indicators = query_items (store,
          "SELECT i.id, i.name, i.code, i.direction, "
          "  (SELECT max (measured_on) FROM measurement m WHERE m.indicator_id = i.id), "
          "  NULL, i.unit, "
          "  (SELECT value FROM measurement m WHERE m.indicator_id = i.id ORDER BY measured_on DESC LIMIT 1), "
          "  i.baseline_value, i.target_value, 0 "
          "FROM indicator i WHERE i.hub_id = ?1 ORDER BY i.position, i.code", id, today, error)))
    return NULL;

  return g_steal_pointer (&details);
}
