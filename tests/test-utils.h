/* test-utils.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <execinfo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

G_BEGIN_DECLS

static void
l4a_test_crashed (int signal_number)
{
  void *frames[96];
  int n = backtrace (frames, G_N_ELEMENTS (frames));
  static const char heading[] = "\nBacktrace (addr2line -f -e BINARY +OFFSET for the program's own frames):\n";

  (void) !write (STDERR_FILENO, heading, sizeof heading - 1);
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

/* A test program that aborts (a critical is fatal in the tests), traps or
 * crashes writes where it was to the log first: a failure seen once in a
 * hundred runs can then be read, not only guessed at. */
static inline void
l4a_test_backtrace_on_crash (void)
{
  void *warm[1];

  /* backtrace() loads its unwinder on first use: not in a signal handler */
  backtrace (warm, 1);
  signal (SIGABRT, l4a_test_crashed);
  signal (SIGTRAP, l4a_test_crashed);
  signal (SIGSEGV, l4a_test_crashed);
  signal (SIGBUS, l4a_test_crashed);
}

/* Removes @path and everything below it. */
static inline void
l4a_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      l4a_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* The first column of the first row of @sql, on a connection of its own. */
static inline char *
l4a_test_sql_text (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The first column of every row of @sql, on a connection of its own. */
static inline GPtrArray *
l4a_test_sql_column (const char *path,
                     const char *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return values;
}

static inline gint64
l4a_test_sql_int (const char *path,
                  const char *sql)
{
  g_autofree char *text = l4a_test_sql_text (path, sql);

  return text ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* Runs @sql on the database at @path, as another program would. */
static inline void
l4a_test_sql_exec (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Fills the database at @path (made and migrated already) with @n generated
 * hubs and @n / 5 governments, as another program would: plain SQL, so the
 * sort keys are left for the application to fill. Names mix accents and
 * case ("Évora", "école", "Zürich"), every region, 60 countries, every
 * status, format and axis (and none), zero to two goals, some councils. */
static inline void
l4a_test_generate_registry (const char *path,
                            guint       n)
{
  guint governments = MAX (1, n / 5);
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "CREATE TEMP TABLE word (k INTEGER PRIMARY KEY, w TEXT);"
    "INSERT INTO word (w) VALUES ('Água'), ('Évora'), ('école'), ('Zürich'), ('Ñandú'), ('alpha'), ('Beta'),"
    " ('Øresund'), ('Straße'), ('Île'), ('care'), ('Care'), ('Resilience'), ('water'), ('Water'), ('Çatalhöyük'),"
    " ('mobility'), ('Kraków');"
    "CREATE TEMP TABLE c (k INTEGER PRIMARY KEY, code TEXT);"
    "INSERT INTO c (code) SELECT code FROM country ORDER BY code LIMIT 60;"
    "CREATE TEMP TABLE r (k INTEGER PRIMARY KEY, code TEXT);"
    "INSERT INTO r (code) SELECT code FROM region WHERE kind = 'region' ORDER BY code;"
    "CREATE TEMP TABLE a (k INTEGER PRIMARY KEY, code TEXT);"
    "INSERT INTO a (code) SELECT code FROM pact_axis ORDER BY code;"
    "CREATE TEMP TABLE p (k INTEGER PRIMARY KEY, code TEXT);"
    "INSERT INTO p (code) SELECT code FROM policy_council ORDER BY position LIMIT 3;"
    "WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < %u - 1) "
    "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
    "SELECT printf ('gov-%%05d', i), (SELECT w FROM word WHERE k = 1 + (i * 5) %% 18) || ' City ' || i, 'city', "
    "  (SELECT code FROM c WHERE k = 1 + (i * 7) %% 60), (SELECT code FROM r WHERE k = 1 + i %% 7), "
    "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM g;"
    "WITH RECURSIVE h(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM h WHERE i < %u - 1) "
    "INSERT INTO hub (id, government_id, name, summary, pact_axis, format, start_on, end_on, status, "
    "                 created_at, updated_at, origin) "
    "SELECT printf ('hub-%%06d', i), printf ('gov-%%05d', i %% %u), "
    "  (SELECT w FROM word WHERE k = 1 + i %% 18) || ' ' || (SELECT w FROM word WHERE k = 1 + (i / 18) %% 18) || ' ' || i, "
    "  'A generated hub', "
    "  CASE WHEN i %% 5 = 0 THEN NULL ELSE (SELECT code FROM a WHERE k = 1 + i %% 3) END, "
    "  CASE i %% 3 WHEN 0 THEN 'in-person' WHEN 1 THEN 'virtual' ELSE 'hybrid' END, "
    "  printf ('%%04d-%%02d-01', 2018 + i %% 8, 1 + i %% 12), printf ('%%04d-%%02d-01', 2020 + i %% 8, 1 + i %% 12), "
    "  CASE WHEN i %% 7 = 0 THEN 'completed' WHEN i %% 11 = 0 THEN 'withdrawn' ELSE 'active' END, "
    "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM h;"
    "INSERT INTO hub_sdg (hub_id, goal) SELECT id, 1 + num %% 17 FROM hub WHERE id LIKE 'hub-%%' AND num %% 13 <> 0;"
    "INSERT OR IGNORE INTO hub_sdg (hub_id, goal) SELECT id, 1 + (num * 7) %% 17 FROM hub "
    "  WHERE id LIKE 'hub-%%' AND num %% 4 <> 0 AND num %% 13 <> 0;"
    "INSERT INTO hub_council (hub_id, council) SELECT id, (SELECT code FROM p WHERE k = 1 + num %% 3) "
    "  FROM hub WHERE id LIKE 'hub-%%' AND num %% 3 = 0;"
    "COMMIT;", governments, n, governments);

  l4a_test_sql_exec (path, sql);
}

G_END_DECLS
