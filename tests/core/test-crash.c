/* test-crash.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: the real executable is killed (SIGKILL) at random moments
 * while it loads the sample, imports a bundle and exports one, more than a
 * hundred times in all. Each time the database passes PRAGMA
 * integrity_check and holds all or nothing of what was interrupted, and no
 * truncated bundle exists under its final name.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "core-test-utils.h"
#include "l4a-bundle.h"

static char *tmpdir;

/* Starts the executable with @argv (NULL-terminated, without the program). */
static GSubprocess *
start (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) g_getenv ("L4A_EXECUTABLE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  return process;
}

/* How long a run takes when left alone, in microseconds. */
static gint64
time_run (const char * const *args)
{
  g_autoptr(GSubprocess) process = start (args);
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (g_subprocess_wait (process, NULL, NULL));
  return MAX (g_get_monotonic_time () - t0, 1000);
}

/* Runs @args and kills it after @delay microseconds (if still running).
 * Returns whether it was killed before it finished. */
static gboolean
kill_after (const char * const *args,
            gint64              delay)
{
  g_autoptr(GSubprocess) process = start (args);
  gint64 end = g_get_monotonic_time () + delay;
  gboolean killed = FALSE;

  while (g_get_monotonic_time () < end)
    {
      if (g_subprocess_get_identifier (process) == NULL)
        break;
      g_usleep (500);
    }
  if (g_subprocess_get_identifier (process) != NULL)
    g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, NULL);
  /* killed, rather than finished just before the signal */
  killed = g_subprocess_get_if_signaled (process) && g_subprocess_get_term_sig (process) == SIGKILL;
  return killed;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

/* The first column of @sql's first row, read as the next user of the file
 * would: read-write, so that SQLite first recovers what a kill left. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
assert_intact (const char *path)
{
  g_assert_cmpint (query_int (path, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), ==, 1);
}

/* 3 × 40: more than a hundred kills in all */
static guint
rounds (void)
{
  return 40;
}

static void
test_kill_sample (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "sample.sqlite", NULL);
  const char *args[] = { "--db", db, "sample", NULL };
  gint64 full = 0, duration;
  guint killed = 0;

  remove_db (db);
  duration = time_run (args);
  full = query_int (db, "SELECT count(*) FROM hub");
  g_assert_cmpint (full, >, 0);

  for (guint i = 0; i < rounds (); i++)
    {
      gint64 hubs;

      remove_db (db);
      killed += kill_after (args, g_random_int_range (0, (gint32) (duration * 6 / 5)));
      if (!g_file_test (db, G_FILE_TEST_EXISTS))
        continue;  /* killed before the database was created */
      assert_intact (db);
      /* killed before the schema was written: nothing */
      if (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'hub'") == 0)
        continue;
      hubs = query_int (db, "SELECT count(*) FROM hub");
      /* all or nothing */
      g_assert_true (hubs == 0 || hubs == full);
      if (hubs == full)
        g_assert_cmpint (query_int (db, "SELECT count(*) FROM meta WHERE key = 'sample_loaded_at'"), ==, 1);
    }
  g_test_message ("sample: killed %u of %u runs", killed, rounds ());
  g_assert_cmpuint (killed, >, 0);
}

static void
test_kill_import (void)
{
  g_autofree char *source = g_build_filename (tmpdir, "import-source.sqlite", NULL);
  g_autofree char *bundle = g_build_filename (tmpdir, "import.l4a.json", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "import-empty.sqlite", NULL);
  g_autofree char *db = g_build_filename (tmpdir, "import.sqlite", NULL);
  const char *load[] = { "--db", source, "sample", NULL };
  const char *export[] = { "--db", source, "export", "--kind", "full", "--out", bundle, NULL };
  g_autofree char *fingerprint = NULL;
  const char *import[] = { "--db", db, "import", "--trust", NULL, bundle, NULL };
  const char *create[] = { "--db", empty, "list", "hubs", NULL };
  gint64 duration, total;
  guint killed = 0;

  remove_db (source);
  time_run (load);
  time_run (export);
  /* the receiving workstation confirms the secretariat's key with the
   * import, all or nothing with it */
  {
    g_autoptr(L4aStore) store = l4a_store_open (source, NULL);

    fingerprint = l4a_key_fingerprint (l4a_key_get_public (l4a_store_get_key (store, NULL)));
    import[4] = fingerprint;
  }
  remove_db (empty);
  time_run (create);
  total = query_int (source, "SELECT count(*) FROM hub");

  remove_db (db);
  copy_file (empty, db);
  duration = time_run (import);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM hub"), ==, total);

  for (guint i = 0; i < rounds (); i++)
    {
      gint64 hubs, imported;

      remove_db (db);
      copy_file (empty, db);
      killed += kill_after (import, g_random_int_range (0, (gint32) (duration * 6 / 5)));
      assert_intact (db);
      hubs = query_int (db, "SELECT count(*) FROM hub");
      imported = query_int (db, "SELECT count(*) FROM imported_bundle");
      /* all of it, recorded as imported, or none of it */
      g_assert_true ((hubs == 0 && imported == 0) || (hubs == total && imported == 1));
    }
  g_test_message ("import: killed %u of %u runs", killed, rounds ());
  g_assert_cmpuint (killed, >, 0);
}

static void
test_kill_export (void)
{
  g_autofree char *source = g_build_filename (tmpdir, "export-source.sqlite", NULL);
  g_autofree char *bundle = g_build_filename (tmpdir, "export.l4a.json", NULL);
  const char *load[] = { "--db", source, "sample", NULL };
  const char *export[] = { "--db", source, "export", "--kind", "full", "--out", bundle, NULL };
  gint64 duration;
  guint killed = 0;

  remove_db (source);
  time_run (load);
  g_remove (bundle);
  duration = time_run (export);

  for (guint i = 0; i < rounds (); i++)
    {
      g_remove (bundle);
      killed += kill_after (export, g_random_int_range (0, (gint32) (duration * 6 / 5)));
      assert_intact (source);
      /* under its final name, only a whole bundle */
      if (g_file_test (bundle, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(L4aBundle) read = l4a_bundle_load (bundle, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (read->n_records, >, 0);
        }
    }
  g_test_message ("export: killed %u of %u runs", killed, rounds ());
  g_assert_cmpuint (killed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/crash/kill-sample", test_kill_sample);
  g_test_add_func ("/core/crash/kill-import", test_kill_import);
  g_test_add_func ("/core/crash/kill-export", test_kill_export);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-crash-XXXXXX");
}
