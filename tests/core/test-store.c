/* test-store.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "l4a-hub.h"
#include "l4a-hub-filter.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-sample.h"
#include "l4a-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("l4a-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "hubs.sqlite", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  l4a_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Runs one SQL statement on its own raw connection and returns the first
 * column of the first row as text. */
static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *version = NULL;

  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (l4a_store_get_schema_version (store), ==, l4a_store_latest_version ());
  g_assert_true (g_uuid_string_is_valid (l4a_store_get_installation_id (store)));
  g_assert_true (l4a_store_is_empty (store));

  /* Reference data is there from the start. */
  g_assert_cmpint (l4a_store_count (store, "sdg", &error), ==, 17);
  g_assert_cmpint (l4a_store_count (store, "region", &error), ==, 9);
  g_assert_cmpint (l4a_store_count (store, "policy_council", &error), ==, 5);
  g_assert_cmpint (l4a_store_count (store, "pact_axis", &error), ==, 3);
  g_assert_cmpint (l4a_store_count (store, "country", &error), >, 240);
  g_assert_no_error (error);

  app_id = raw_query (fixture->path, "PRAGMA application_id");
  g_assert_cmpint (atoi (app_id), ==, L4A_APPLICATION_ID);
  journal = raw_query (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  version = raw_query (fixture->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, l4a_store_latest_version ());
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(L4aStore) first = NULL;
  g_autoptr(L4aStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *installation = NULL;

  first = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  installation = g_strdup (l4a_store_get_installation_id (first));
  g_clear_object (&first);

  second = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (l4a_store_get_installation_id (second), ==, installation);
  g_assert_cmpint (l4a_store_count (second, "sdg", &error), ==, 17);
}

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  int latest = l4a_store_latest_version ();

  /* Every older version, including an empty file, upgrades to the newest. */
  for (int from = 0; from <= latest; from++)
    {
      g_autofree char *path = g_strdup_printf ("%s-%d", fixture->path, from);
      g_autoptr(L4aStore) old = NULL;
      g_autoptr(L4aStore) upgraded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *version = NULL;

      old = l4a_store_open_at_version (path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (l4a_store_get_schema_version (old), ==, from);
      g_clear_object (&old);

      version = raw_query (path, "PRAGMA user_version");
      g_assert_cmpint (atoi (version), ==, from);

      upgraded = l4a_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (l4a_store_get_schema_version (upgraded), ==, latest);
      g_assert_cmpint (l4a_store_count (upgraded, "hub", &error), ==, 0);
      g_assert_no_error (error);
    }
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = l4a_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, L4A_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "untouched"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* As a later version would leave it: a higher schema, back in rollback
   * mode so that the whole database is in the one file. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;",
                         l4a_store_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (fixture->path, L4A_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_not_database (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  static const char text[] = "name,country\nSoria,ES\nThis is a spreadsheet, not a database.\n";
  g_autoptr(GString) big = g_string_new (NULL);

  g_mkdir_with_parents (dir, 0700);

  g_assert_true (g_file_set_contents (fixture->path, text, -1, NULL));
  assert_refused_untouched (fixture->path, L4A_STORE_ERROR_NOT_DATABASE);

  /* Binary noise larger than a page. */
  for (guint i = 0; i < 9000; i++)
    g_string_append_c (big, (char) (g_random_int () & 0xff));
  g_assert_true (g_file_set_contents (fixture->path, big->str, big->len, NULL));
  assert_refused_untouched (fixture->path, L4A_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_foreign (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  sqlite3 *db;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (fixture->path, L4A_STORE_ERROR_FOREIGN);
}

static void
test_refuse_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = l4a_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* A pipe or a device given as the database is refused as no file, at once
 * (a pipe is not waited on), and left as it was. */
static void
test_refuse_not_a_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.sqlite", NULL);
  const char * const paths[] = { fifo, "/dev/zero", "/dev/null" };

  g_mkdir_with_parents (fixture->dir, 0700);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  alarm (20);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(L4aStore) store = l4a_store_open (paths[i], &error);

      g_assert_null (store);
      g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, "is not a file"));
    }
  alarm (0);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test ("/dev/null-wal", G_FILE_TEST_EXISTS));
  g_remove (fifo);
}

static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 audit_before, hubs_before;
  sqlite3 *db;
  int rc;

  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, counts, &error));
  g_assert_no_error (error);
  hubs_before = l4a_store_count (store, "hub", NULL);
  audit_before = l4a_store_count (store, "audit", NULL);
  g_clear_object (&store);

  /* Each store connection turns foreign keys on; check the rules hold
   * through a store-opened connection by inserting an orphan. */
  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (l4a_store_count (store, "hub", NULL), ==, hubs_before);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db,
                     "INSERT INTO hub (id, government_id, name, start_on, end_on, created_at, updated_at, origin) "
                     "VALUES ('x', 'no-such-government', 'Orphan', '2025-01-01', '2026-01-01', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'o')",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  /* A government that hubs refer to cannot be deleted. */
  rc = sqlite3_exec (db, "DELETE FROM government WHERE id IN (SELECT government_id FROM hub)", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  /* The audit log is append-only. */
  rc = sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  rc = sqlite3_exec (db, "UPDATE audit SET actor = 'someone else'", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  g_assert_cmpint (l4a_store_count (store, "hub", NULL), ==, hubs_before);
  g_assert_cmpint (l4a_store_count (store, "audit", NULL), ==, audit_before);
}

static GListModel *
search_hubs (L4aStore   *store,
             const char *search)
{
  g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hubs = l4a_registry_list_hubs (store, &error);

  g_assert_no_error (error);
  filter->matches = l4a_registry_search_hubs (store, search, &error);
  g_assert_no_error (error);
  return l4a_hub_filter_apply (filter, hubs);
}

static guint
count_hubs (L4aStore   *store,
            const char *search)
{
  g_autoptr(GListModel) hubs = search_hubs (store, search);

  return g_list_model_get_n_items (hubs);
}

static void
test_fts_search (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hubs = NULL;
  g_autoptr(L4aHub) first = NULL;
  guint all;
  static const char * const hostile[] = {
    "\"", "\"unbalanced", "*", "-", "NEAR", "NEAR(a b)", "(", "((", ")", "a AND", "OR",
    "name:soria", "^soria", "'; DROP TABLE hub; --", "\\", "\xff\xfe", "", "   ",
  };

  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);

  all = count_hubs (store, NULL);
  g_assert_cmpuint (all, >=, 12);

  /* Accents and case fold; words are prefixes; several words all match. */
  g_assert_cmpuint (count_hubs (store, "bogota"), ==, 1);
  g_assert_cmpuint (count_hubs (store, "BOGOTÁ"), ==, 1);
  g_assert_cmpuint (count_hubs (store, "montreal"), ==, 1);
  g_assert_cmpuint (count_hubs (store, "resil"), >=, 1);
  g_assert_cmpuint (count_hubs (store, "climate shelters"), ==, 1);
  g_assert_cmpuint (count_hubs (store, "climate zzzz"), ==, 0);
  /* Country names and partners are indexed too. */
  g_assert_cmpuint (count_hubs (store, "Colombia"), ==, 1);
  g_assert_cmpuint (count_hubs (store, "Arts council"), ==, 2);

  hubs = search_hubs (store, "care blocks");
  first = g_list_model_get_item (hubs, 0);
  g_assert_cmpstr (l4a_hub_get_country (first), ==, "CO");
  g_assert_cmpstr (l4a_hub_get_region (first), ==, "latin-america");
  g_assert_true (l4a_hub_get_sdgs (first) & (1u << 5));
  g_assert_true (l4a_hub_get_sample (first));

  /* Query syntax typed by a user is only ever text. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GHashTable) found = l4a_registry_search_hubs (store, hostile[i], &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_hubs (store, "'; DROP TABLE hub; --"), ==, 0);
  g_assert_cmpuint (count_hubs (store, ""), ==, all);
  g_assert_cmpuint (l4a_store_count (store, "hub", NULL), ==, all);
}

static void
test_fts_query_text (void)
{
  g_autofree char *a = l4a_fts_query_from_text ("São  Paulo");
  g_autofree char *b = l4a_fts_query_from_text ("\"NEAR(x\" -y*");
  g_autofree char *c = l4a_fts_query_from_text ("*-()\"");

  g_assert_cmpstr (a, ==, "\"São\"* \"Paulo\"*");
  g_assert_cmpstr (b, ==, "\"NEAR\"* \"x\"* \"y\"*");
  g_assert_null (c);
}

static void
test_fts_follows_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, NULL, &error));

  g_assert_cmpuint (count_hubs (store, "Kitchener"), ==, 1);
  g_assert_cmpuint (count_hubs (store, "waterloo"), ==, 0);

  /* Renaming a government re-indexes its hubs; deleting a hub drops it. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE government SET name = 'Waterloo Region' WHERE name = 'Kitchener'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (count_hubs (store, "waterloo"), ==, 1);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM hub WHERE name LIKE 'Care Blocks%'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (count_hubs (store, "care blocks"), ==, 0);
}

static gint64
query_int (L4aStore   *store,
           const char *sql)
{
  return l4a_test_sql_int (l4a_store_get_path (store), sql);
}

static void
test_sample_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const states[] = {
    "draft", "submitted", "withdrawn", "under-review", "decided", "released",
  };

  store = l4a_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (l4a_sample_is_loaded (store));
  g_assert_true (l4a_sample_load (store, counts, &error));
  g_assert_no_error (error);
  g_assert_true (l4a_sample_is_loaded (store));
  g_assert_false (l4a_store_is_empty (store));

  /* What the issue asks of the sample data set. */
  g_assert_cmpint (l4a_store_count (store, "call", NULL), >=, 3);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT status) FROM call WHERE status IN ('open','closed','decided')"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM proposal WHERE state = '%s'", states[i]);
      g_assert_cmpint (query_int (store, sql), >=, 1);
    }
  g_assert_cmpint (l4a_store_count (store, "member", NULL), >=, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM conflict WHERE kind = 'automatic'"), >=, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM conflict WHERE kind = 'declared'"), >=, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM review WHERE submitted_at IS NOT NULL"), >=, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM review WHERE submitted_at IS NULL"), >=, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM decision WHERE released_at IS NOT NULL"), >=, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM decision WHERE released_at IS NULL"), >=, 1);
  g_assert_cmpint (l4a_store_count (store, "hub", NULL), >=, 12);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT g.region) FROM hub h JOIN government g ON g.id = h.government_id "
                                     "JOIN region r ON r.code = g.region WHERE r.kind = 'region'"), ==, 7);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hub WHERE id NOT IN (SELECT hub_id FROM hub_sdg)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hub WHERE id NOT IN (SELECT hub_id FROM deliverable WHERE hub_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hub WHERE id NOT IN (SELECT hub_id FROM activity)"), ==, 0);
  /* Every hub has indicators with two to five years of measurements. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM hub h WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.hub_id = h.id)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT min (span) FROM (SELECT julianday (max (m.measured_on)) - julianday (min (m.measured_on)) AS span "
                              "FROM indicator i JOIN measurement m ON m.indicator_id = i.id WHERE i.hub_id IS NOT NULL GROUP BY i.id)"), >=, 365);
  g_assert_cmpint (query_int (store,
                              "SELECT max (span) FROM (SELECT julianday (max (m.measured_on)) - julianday (min (m.measured_on)) AS span "
                              "FROM indicator i JOIN measurement m ON m.indicator_id = i.id WHERE i.hub_id IS NOT NULL GROUP BY i.id)"), <=, 5 * 366);
  g_assert_cmpint (l4a_store_count (store, "brand_asset", NULL), >=, 1);
  g_assert_cmpint (l4a_store_count (store, "brand_colour", NULL), >=, 3);
  /* Time frames of hubs stay within 12 to 36 months. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM hub WHERE (julianday (end_on) - julianday (start_on)) NOT BETWEEN 360 AND 1100"), ==, 0);
  /* All of it is marked as sample, and the load is audited. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hub WHERE sample = 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM government WHERE sample = 0"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE action = 'create' AND record_type = 'hub'"), ==,
                   l4a_store_count (store, "hub", NULL));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE action = 'load-sample'"), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "hub")), ==, l4a_store_count (store, "hub", NULL));

  /* The FTS indexes hold one row per record. */
  g_assert_cmpint (l4a_store_count (store, "hub_fts", NULL), ==, l4a_store_count (store, "hub", NULL));
  g_assert_cmpint (l4a_store_count (store, "proposal_fts", NULL), ==, l4a_store_count (store, "proposal", NULL));

  /* Loading twice is refused and changes nothing. */
  {
    gint64 audit = l4a_store_count (store, "audit", NULL);

    g_assert_false (l4a_sample_load (store, NULL, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
    g_assert_cmpint (l4a_store_count (store, "audit", NULL), ==, audit);
  }
}

static void
test_reference_names (void)
{
  const L4aReferenceEntry *sdg = l4a_reference_sdg (11);

  g_assert_nonnull (sdg);
  g_assert_cmpstr (sdg->colour, ==, "#FD9D24");
  g_assert_cmpstr (sdg->name, ==, "Sustainable Cities and Communities");
  g_assert_cmpstr (l4a_reference_translate (L4A_REFERENCE_COUNTRIES, "ES"), ==, "Spain");
  g_assert_cmpstr (l4a_reference_translate (L4A_REFERENCE_COUNTRIES, "BO"), ==, "Bolivia");
  g_assert_cmpstr (l4a_reference_translate (L4A_REFERENCE_REGIONS, "mewa"), ==, "Middle East and West Asia");
  g_assert_cmpstr (l4a_reference_translate (L4A_REFERENCE_REGIONS, "nowhere"), ==, "nowhere");
  g_assert_null (l4a_reference_sdg (18));

  /* countries as people name them: never iso-codes' formal or inverted
   * name (“Russian Federation”, “Palestine, State of”) */
  g_assert_cmpstr (l4a_reference_translate (L4A_REFERENCE_COUNTRIES, "RU"), ==, "Russia");
  g_assert_cmpstr (l4a_reference_translate (L4A_REFERENCE_COUNTRIES, "KR"), ==, "South Korea");
  {
    static const char * const formal[] = {
      ", State of", ", Republic of", ", The ", "Federation", ", Federated", ", Islamic", ", Plurinational",
      ", United Republic", ", British", ", U.S.",
    };
    guint n;
    const L4aReferenceEntry *countries = l4a_reference_entries (L4A_REFERENCE_COUNTRIES, &n);

    g_assert_cmpuint (n, >, 240);
    for (guint i = 0; i < n; i++)
      for (guint f = 0; f < G_N_ELEMENTS (formal); f++)
        if (strstr (l4a_reference_translate (L4A_REFERENCE_COUNTRIES, countries[i].code), formal[f]) != NULL)
          g_error ("%s is named “%s”", countries[i].code,
                   l4a_reference_translate (L4A_REFERENCE_COUNTRIES, countries[i].code));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/store/create", test_create);
  ADD ("/core/store/reopen", test_reopen);
  ADD ("/core/store/migrate", test_migrate);
  ADD ("/core/store/refuse-newer", test_refuse_newer);
  ADD ("/core/store/refuse-not-database", test_refuse_not_database);
  ADD ("/core/store/refuse-foreign", test_refuse_foreign);
  ADD ("/core/store/refuse-folder", test_refuse_folder);
  ADD ("/core/store/refuse-not-a-file", test_refuse_not_a_file);
  ADD ("/core/store/foreign-keys", test_foreign_keys);
  ADD ("/core/search/fts", test_fts_search);
  ADD ("/core/search/follows-changes", test_fts_follows_changes);
  ADD ("/core/sample/counts", test_sample_counts);
#undef ADD
  g_test_add_func ("/core/search/query-text", test_fts_query_text);
  g_test_add_func ("/core/reference/names", test_reference_names);

  return g_test_run ();
}
