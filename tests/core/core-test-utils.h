/* core-test-utils.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the displayless tests share: a store with the sample data, and
 * answers read straight from SQLite to check the core against.
 */

#pragma once

#include <sqlite3.h>

#include "l4a-sample.h"
#include "l4a-store.h"
#include "test-utils.h"
#include "trust-test-utils.h"

G_BEGIN_DECLS

/* Opens @name in @dir with the sample data loaded. */
static inline L4aStore *
l4a_test_open_with_sample (const char *dir,
                           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  L4aStore *store = l4a_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);
  l4a_test_remember_sample_keys (path);
  return store;
}

/* A hash of every row of every table of the database at @path. */
static inline char *
l4a_test_fingerprint (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;  /* virtual tables of FTS */
      g_checksum_update (checksum, g_ptr_array_index (tables, t), -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);

            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, c));
            g_checksum_update (checksum, (const guchar *) "|", 1);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Writes a bundle of @kind from @store acting as @role and @identity (with
 * that person's sample key, l4a_test_act_as()) into @dir; the store acts as
 * the secretariat again afterwards. Returns: (transfer full) its path */
static inline char *
l4a_test_export (const char *dir,
                 L4aStore   *store,
                 L4aRole     role,
                 const char *identity,
                 const char *kind,
                 const char *for_id)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("%s-%s.l4a.json", kind, uuid);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  l4a_test_act_as (store, role, identity);
  {
    gboolean written = l4a_bundle_export (store, kind, for_id, path, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (written);
  }
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
  return path;
}

/* Runs @test with a temporary folder in *@tmpdir, removed afterwards. */
static inline int
l4a_test_run_in_tmpdir (char       **tmpdir,
                        const char  *template)
{
  g_autoptr(GError) error = NULL;
  int status;

  *tmpdir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  status = g_test_run ();
  l4a_test_remove_tree (*tmpdir);
  g_clear_pointer (tmpdir, g_free);
  return status;
}

G_END_DECLS
