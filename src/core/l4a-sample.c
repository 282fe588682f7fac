/* l4a-sample.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "l4a-import.h"
#include "l4a-sample.h"
#include "l4a-trust.h"
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
static gboolean
sample_load_checked (L4aStore    *store,
                     GHashTable  *counts,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (l4a_sample_is_loaded (store))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("The sample data is already loaded."));
      return FALSE;
    }

  /* The sample is a bundle like any other, loaded by the importer. */
  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, error);
  if (bytes == NULL)
    return FALSE;
  bundle = l4a_bundle_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error);
  if (bundle == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("The sample data of this build is damaged: %s"), local_error->message);
      return FALSE;
    }
  /* from the application's own resources: it needs no signature */
  bundle->builtin = TRUE;
  if (!l4a_store_begin (store, error))
    return FALSE;

  if (!l4a_import_now (store, bundle, NULL, TRUE, &plan, NULL, error) ||
      !l4a_trust_add_sample (store, error))
    goto failed;

  stmt = l4a_store_prepare (store, "INSERT INTO meta (key, value) VALUES ('sample_loaded_at', ?1)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error))
    goto failed;

  if (!l4a_store_audit (store, "load-sample", "database", NULL, NULL, error))
    goto failed;

  if (!l4a_store_commit (store, error))
    goto failed;

  if (counts != NULL)
    for (guint i = 0; i < plan->changes->len; i++)
      {
        L4aImportChange *change = g_ptr_array_index (plan->changes, i);
        const char *key = g_intern_string (change->type);

        if (change->action == L4A_IMPORT_ADD)
          g_hash_table_insert (counts, (gpointer) key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      }
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_sample_load (L4aStore    *store,
                 GHashTable  *counts,
                 GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, sample_load_checked (store, counts, error), error);
}
