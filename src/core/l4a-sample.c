/* l4a-sample.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "l4a-records.h"
#include "l4a-sample.h"
#include "l4a-store-private.h"

#define SAMPLE_RESOURCE "/org/local4action/Hubs/core/sample.json"

gboolean
l4a_sample_is_loaded (L4aStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  stmt = l4a_store_prepare (store, "SELECT 1 FROM meta WHERE key = 'sample_loaded_at'", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * l4a_sample_load:
 * @counts: (nullable): filled with table name → records loaded
 *
 * Loads the illustrative sample data set in one transaction: all of it,
 * or nothing. Every record is marked as sample data.
 */
gboolean
l4a_sample_load (L4aStore    *store,
                 GHashTable  *counts,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  JsonNode *root;
  JsonObject *records;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (l4a_sample_is_loaded (store))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("The sample data is already loaded."));
      return FALSE;
    }

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, error);
  if (bytes == NULL)
    return FALSE;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (records = json_object_get_object_member (json_node_get_object (root), "records")) == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("The sample data of this build is damaged."));
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;

  if (!l4a_records_insert (store, records, TRUE, "sample", counts, error))
    goto failed;

  stmt = l4a_store_prepare (store, "INSERT INTO meta (key, value) VALUES ('sample_loaded_at', ?1)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error))
    goto failed;

  if (!l4a_store_audit (store, "load-sample", "database", NULL, NULL, error))
    goto failed;

  return l4a_store_commit (store, error);

failed:
  l4a_store_rollback (store);
  return FALSE;
}
