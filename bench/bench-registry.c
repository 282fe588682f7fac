/* bench-registry.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry at scale: on N generated hubs (100 000 by default), times
 * opening the list, searching a word, filtering by region and SDG, and
 * sorting by each column, through the lazy list the Hubs view shows
 * (L4aHubQuery), each until the list has changed and its first screenful
 * is read; prints the median and 95th percentile of each, the process's
 * resident memory with the list open, and, as a baseline from the same
 * run, the same questions asked of SQLite directly. Then the same number
 * of proposals through the Proposals view's lazy list (L4aProposalQuery),
 * against reading every one as that view did, and 250 000 governments
 * found by words against reading every one.
 *
 *   bench-registry [N] [DATABASE]
 */

#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <locale.h>
#include <stdio.h>

#include "bench-utils.h"
#include "l4a-audit-log.h"
#include "l4a-government.h"
#include "l4a-hub.h"
#include "l4a-hub-filter.h"
#include "l4a-hub-query.h"
#include "l4a-map.h"
#include "l4a-proposal.h"
#include "l4a-proposal-query.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-store.h"

#define ROUNDS 15

static const char * const words[] = {
  "Resilience", "Climate", "Water", "Culture", "Care", "Mobility", "Housing", "Food", "Waste",
  "Energy", "Youth", "Gender", "Heritage", "Data", "Migration", "Health", "Forest", "Coast",
};
static const char * const kinds[] = { "Hub", "Lab", "Network", "Platform", "Alliance" };

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}


static double
report (const char *what,
        double     *samples,
        guint       n,
        double      baseline)
{
  double median, p95;

  qsort (samples, n, sizeof (double), bench_compare_doubles);
  median = samples[n / 2];
  p95 = samples[MIN (n - 1, (guint) (n * 0.95))];
  if (baseline > 0)
    printf ("%-28s median %8.2f ms   p95 %8.2f ms   (%.1f× SQLite's %.2f ms)\n", what, median, p95,
            median / baseline, baseline);
  else
    printf ("%-28s median %8.2f ms   p95 %8.2f ms\n", what, median, p95);
  return median;
}


static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Fills @path with @n hubs over 2 000 governments in every country. */
static void
generate (const char *path,
          guint       n)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const L4aReferenceEntry *countries, *regions;
  guint n_countries, n_regions;
  sqlite3 *db;
  sqlite3_stmt *gov, *hub, *sdg;
  GRand *rand = g_rand_new_with_seed (42);
  double start = now_ms ();

  store = l4a_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA foreign_keys = ON; BEGIN");
  countries = l4a_reference_entries (L4A_REFERENCE_COUNTRIES, &n_countries);
  regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);

  sqlite3_prepare_v2 (db, "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
                          "VALUES (?1, ?2, 'city', ?3, ?4, 'now', 'now', 'bench')", -1, &gov, NULL);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("gov-%u", i);
      g_autofree char *name = g_strdup_printf ("Municipality %u of %s", i, countries[i % n_countries].name);

      sqlite3_reset (gov);
      sqlite3_bind_text (gov, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (gov, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (gov, 3, countries[i % n_countries].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (gov, 4, regions[i % 7].code, -1, SQLITE_STATIC);
      if (sqlite3_step (gov) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
    }

  sqlite3_prepare_v2 (db, "INSERT INTO hub (id, government_id, name, summary, start_on, end_on, status, format, "
                          "pact_axis, created_at, updated_at, origin) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'hybrid', 'planet', 'now', 'now', 'bench')",
                      -1, &hub, NULL);
  sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO hub_sdg (hub_id, goal) VALUES (?1, ?2)", -1, &sdg, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("hub-%u", i);
      g_autofree char *government = g_strdup_printf ("gov-%u", g_rand_int_range (rand, 0, 2000));
      g_autofree char *name = g_strdup_printf ("%s %s %s %u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], i);
      int year = g_rand_int_range (rand, 2020, 2028);
      g_autofree char *start = g_strdup_printf ("%d-%02d-01", year, g_rand_int_range (rand, 1, 13));
      g_autofree char *end = g_strdup_printf ("%d-%s", year + 2, start + 5);

      sqlite3_reset (hub);
      sqlite3_bind_text (hub, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (hub, 2, government, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (hub, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (hub, 4, "Generated for the benchmark.", -1, SQLITE_STATIC);
      sqlite3_bind_text (hub, 5, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (hub, 6, end, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (hub, 7, i % 3 ? "active" : "completed", -1, SQLITE_STATIC);
      if (sqlite3_step (hub) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));

      for (guint k = 0; k < 3; k++)
        {
          sqlite3_reset (sdg);
          sqlite3_bind_text (sdg, 1, id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (sdg, 2, g_rand_int_range (rand, 1, 18));
          sqlite3_step (sdg);
        }
    }

  sqlite3_finalize (gov);
  sqlite3_finalize (hub);
  sqlite3_finalize (sdg);
  exec_or_die (db, "COMMIT");
  sqlite3_close (db);
  g_rand_free (rand);

  /* written as another program would: the sort keys are this
   * application's to write, as its next write would */
  store = l4a_store_open (path, &error);
  if (store == NULL || !l4a_store_fill_sort_keys (store, &error))
    g_error ("%s", error->message);
  printf ("generated %u hubs in %.1f s\n", n, (now_ms () - start) / 1000.0);
}

static double
sqlite_baseline (const char *path,
                 const char *sql)
{
  double samples[ROUNDS];
  sqlite3 *db;
  sqlite3_stmt *stmt;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      samples[r] = now_ms () - t;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  qsort (samples, ROUNDS, sizeof (double), bench_compare_doubles);
  return samples[ROUNDS / 2];
}

/* The database at @path, made first if it is not there: the schema, then
 * @sql (what it holds, said by @what in a line) on a plain connection. */
static L4aStore *
open_generated (const char *path,
                const char *sql,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  gboolean made = !g_file_test (path, G_FILE_TEST_EXISTS);
  double start = now_ms ();
  L4aStore *store = l4a_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  if (made)
    {
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      exec_or_die (db, sql);
      sqlite3_close (db);
      printf ("generated %s in %.1f s\n", what, (now_ms () - start) / 1000.0);
    }
  return store;
}

/* Until the list has changed and its first screenful can be shown. */
static double
first_screen (GListModel *list)
{
  guint n = MIN (40, g_list_model_get_n_items (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      (void) item;
    }
  return n;
}

/* The same for a lazy list (the Proposals view's) */
static void
settle_list (gpointer list)
{
  while (!l4a_lazy_list_is_settled (L4A_LAZY_LIST (list)))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets the reading thread give the rest of the order, as the main loop
 * of a window would between a user's keys. */
static void
settle (L4aHubQuery *query)
{
  while (!l4a_hub_query_is_whole (query))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* As many proposals as hubs, over 20 calls and 2 000 governments: the
 * Proposals view's lazy list opened, searched and filtered (until its
 * first screenful is read), against reading every proposal into objects
 * as the view did before. */
static void
bench_proposals (const char *registry_path,
                 guint       n)
{
  g_autofree char *path = g_strdup_printf ("%s-proposals.sqlite", registry_path);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aProposalQuery) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *what = NULL;
  double open[ROUNDS], search[ROUNDS], filtering[ROUNDS], all[3];

  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
    "INSERT INTO call (id, title, opens_on, closes_on, status, created_at, updated_at, origin) "
    "SELECT printf ('call-%%02d', i), printf ('Call of %%d', 2006 + i), printf ('%%d-01-15', 2006 + i), "
    "printf ('%%d-06-30', 2006 + i), 'closed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999) "
    "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
    "SELECT printf ('gov-%%04d', i), printf ('City %%d', i), 'city', 'ES', r.code, "
    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' "
    "FROM n JOIN (SELECT code, row_number () OVER (ORDER BY code) - 1 AS k FROM region WHERE kind = 'region') r "
    "ON r.k = i %% (SELECT count (*) FROM region WHERE kind = 'region');"
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %u - 1) "
    "INSERT INTO proposal (id, call_id, government_id, title, summary, state, submitted_at, created_at, "
    "updated_at, origin) "
    "SELECT printf ('prop-%%06d', i), printf ('call-%%02d', 1 + i %% 20), printf ('gov-%%04d', i %% 2000), "
    "printf ('%%s %%s proposal %%d', CASE i %% 5 WHEN 0 THEN 'Water' WHEN 1 THEN 'Mobility' WHEN 2 THEN 'Care' "
    "WHEN 3 THEN 'Housing' ELSE 'Energy' END, CASE i %% 3 WHEN 0 THEN 'resilience' WHEN 1 THEN 'networks' "
    "ELSE 'futures' END, i), 'A generated proposal.', "
    "CASE i %% 4 WHEN 0 THEN 'submitted' WHEN 1 THEN 'under-review' WHEN 2 THEN 'decided' ELSE 'released' END, "
    "'2026-02-01T10:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' FROM n;"
    "COMMIT;", n);
  what = g_strdup_printf ("%u proposals", n);
  store = open_generated (path, sql, what);

  context = l4a_context_new_for_store (store);
  for (guint r = 0; r < G_N_ELEMENTS (all); r++)
    {
      double t = now_ms ();
      g_autoptr(GListModel) every = l4a_registry_list_proposals (store, NULL, &error);

      g_assert_cmpuint (g_list_model_get_n_items (every), ==, n);
      all[r] = now_ms () - t;
    }
  for (guint r = 0; r < ROUNDS; r++)
    {
      static const L4aQuery searched[] = { { "water" }, { "care networks" }, { "proposal 4242" } };
      L4aQuery filter = { NULL, NULL, r % 2 ? "decided" : "submitted", r % 3 ? "call-07" : NULL, NULL, 0 };
      double t = now_ms ();

      g_clear_object (&list);
      list = l4a_proposal_query_new (context);
      g_assert_true (l4a_proposal_query_set_query (list, NULL, &error));
      first_screen (G_LIST_MODEL (list));
      open[r] = now_ms () - t;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
      settle_list (list);

      t = now_ms ();
      g_assert_true (l4a_proposal_query_set_query (list, &searched[r % G_N_ELEMENTS (searched)], &error));
      first_screen (G_LIST_MODEL (list));
      search[r] = now_ms () - t;
      settle_list (list);

      t = now_ms ();
      g_assert_true (l4a_proposal_query_set_query (list, &filter, &error));
      first_screen (G_LIST_MODEL (list));
      filtering[r] = now_ms () - t;
      settle_list (list);
    }
  printf ("%u proposals:\n", n);
  bench_record ("proposals_all_ms", report ("  read every one (before)", all, G_N_ELEMENTS (all), 0));
  bench_record ("proposals_open_ms", report ("  open the lazy list", open, ROUNDS, 0));
  bench_record ("proposals_search_ms", report ("  search words", search, ROUNDS, 0));
  bench_record ("proposals_filter_ms", report ("  filter by state and call", filtering, ROUNDS, 0));
}

/* The audit log after a registry of @n hubs was imported (an entry for
 * each hub, its indicator and five measurements: 7 @n entries), as its
 * window uses it: opened (counted, its first screenful in words), told of
 * a write while open (until the new entry is at its top and counted), its
 * filter's choices listed. */
static void
bench_audit (const char *registry_path,
             guint       n)
{
  g_autofree char *path = g_strdup_printf ("%s-audit.sqlite", registry_path);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aAuditLog) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *what = NULL;
  double open[ROUNDS], write[ROUNDS], choices[ROUNDS];
  guint entries = 0;
  sqlite3 *other;

  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 7 * %u - 1) "
    "INSERT INTO audit (at, actor, action, record_type, record_id, details) "
    "SELECT '2026-06-01T10:00:00Z', 'secretariat', 'create', "
    "CASE WHEN i %% 7 = 0 THEN 'hub' WHEN i %% 7 = 1 THEN 'indicator' ELSE 'measurement' END, "
    "printf ('rec-%%07d', i), '{\"source\":\"bundle registry\"}' FROM n;"
    "COMMIT;", n);
  what = g_strdup_printf ("%u audit entries", 7 * n);
  store = open_generated (path, sql, what);

  context = l4a_context_new_for_store (store);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();

      g_clear_object (&log);
      log = l4a_audit_log_new (context, &error);
      if (log == NULL)
        g_error ("%s", error->message);
      first_screen (G_LIST_MODEL (log));
      l4a_audit_log_count_all (log);
      open[r] = now_ms () - t;
      /* the rest of the order, read beside */
      while (!l4a_audit_log_is_whole (log))
        g_main_context_iteration (NULL, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      entries = g_list_model_get_n_items (G_LIST_MODEL (log));

      /* a write by another program (the command line), the log open:
       * until the window has taken it in */
      exec_or_die (other, "INSERT INTO audit (at, actor, action, record_type, record_id) "
                          "VALUES ('2026-06-02T10:00:00Z', 'secretariat', 'update', 'hub', 'rec-0000000')");
      t = now_ms ();
      l4a_context_check_for_changes (context);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, entries + 1);
      /* the window says how many the log holds */
      g_assert_cmpuint (l4a_audit_log_count_all (log), ==, entries + 1);
      first_screen (G_LIST_MODEL (log));
      write[r] = now_ms () - t;

      t = now_ms ();
      for (guint c = 0; c < 3; c++)
        {
          static const char * const columns[] = { "record_type", "actor", "action" };
          g_autoptr(GPtrArray) listed = l4a_audit_log_dup_choices (log, columns[c]);

          g_assert_cmpuint (listed->len, >, 0);
        }
      choices[r] = now_ms () - t;
    }
  sqlite3_close (other);
  printf ("audit log of %u entries:\n", entries);
  bench_record ("audit_open_ms", report ("  open it", open, ROUNDS, 0));
  bench_record ("audit_write_ms", report ("  a write while open", write, ROUNDS, 0));
  bench_record ("audit_choices_ms", report ("  its filter's choices", choices, ROUNDS, 0));
}

/* UCLG's 250 000 members: a government found by words, as the rows that
 * choose one do, against reading every government, as they did. */
#define N_MEMBERS 250000

static void
bench_governments (const char *registry_path)
{
  g_autofree char *path = g_strdup_printf ("%s-governments.sqlite", registry_path);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double words[ROUNDS], page[ROUNDS], all[3];
  guint found = 0;

  store = open_generated (path, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250000) "
                          "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
                          "SELECT printf ('gov-%06d', i), printf ('Municipality %d of %s', i, c.name), 'city', c.code, "
                          "'europe', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' "
                          "FROM n JOIN (SELECT code, name, row_number () OVER (ORDER BY code) - 1 AS k FROM country) c "
                          "ON c.k = i % (SELECT count (*) FROM country)",
                          "250 000 governments");

  for (guint r = 0; r < ROUNDS; r++)
    {
      static const char * const typed[] = { "munic 12", "spain", "municipality 24999", "sor" };
      double t = now_ms ();
      g_autoptr(GListModel) list = l4a_registry_find_governments (store, typed[r % G_N_ELEMENTS (typed)], 100,
                                                                  &found, &error);

      g_assert_nonnull (list);
      words[r] = now_ms () - t;
      t = now_ms ();
      g_clear_object (&list);
      list = l4a_registry_find_governments (store, NULL, 100, &found, &error);
      page[r] = now_ms () - t;
      g_assert_cmpuint (found, ==, N_MEMBERS);
    }
  for (guint r = 0; r < G_N_ELEMENTS (all); r++)
    {
      double t = now_ms ();
      g_autoptr(GListModel) list = l4a_registry_list_governments (store, &error);

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MEMBERS);
      all[r] = now_ms () - t;
    }
  printf ("%d governments:\n", N_MEMBERS);
  bench_record ("government_all_ms", report ("  read every one (before)", all, G_N_ELEMENTS (all), 0));
  bench_record ("government_find_ms", report ("  find by words, 100 shown", words, ROUNDS, 0));
  bench_record ("government_page_ms", report ("  first 100 by name", page, ROUNDS, 0));
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *path = argc > 2 ? g_strdup (argv[2]) : g_strdup_printf ("%s/l4a-bench-%u.sqlite", g_get_tmp_dir (), n);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
  g_autoptr(L4aHubQuery) query = NULL;
  g_autoptr(L4aContext) context = NULL;
  double open[ROUNDS], search[ROUNDS], filtering[ROUNDS], sort[ROUNDS * 2], by_name[ROUNDS], read[ROUNDS];
  const L4aReferenceEntry *regions;
  guint n_regions;
  long rss_before;

  setlocale (LC_ALL, "");
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    generate (path, n);

  store = l4a_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* through a context, as the window: the rest of a long order is read
   * in its reading thread, which the main loop waits for between rounds */
  context = l4a_context_new_for_store (store);
  rss_before = bench_status_kib ("VmRSS:");
  printf ("registry of %u hubs, %d rounds each; each figure is until the list has changed and its first "
          "screenful is read\n", n, ROUNDS);

  /* Open: the list in name order, and the hubs of the first screen. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();
      g_autoptr(L4aHubQuery) opened = l4a_hub_query_new (context);

      first_screen (G_LIST_MODEL (opened));
      open[r] = now_ms () - t;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (opened)), ==, n);
      settle (opened);
    }
  bench_record ("open_ms", report ("open the list", open, ROUNDS,
          sqlite_baseline (path, "SELECT num FROM hub_facet ORDER BY name_key, num")));
  query = l4a_hub_query_new (context);
  first_screen (G_LIST_MODEL (query));
  settle (query);

  /* Search a word: FTS5 and the order, in one query. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();

      g_free (filter->search);
      filter->search = g_strdup (words[r % G_N_ELEMENTS (words)]);
      l4a_hub_query_set_filter (query, filter);
      first_screen (G_LIST_MODEL (query));
      search[r] = now_ms () - t;
      settle (query);
    }
  bench_record ("search_ms", report ("search a word", search, ROUNDS,
          sqlite_baseline (path, "SELECT rowid FROM hub_fts WHERE hub_fts MATCH '\"climate\"*'")));
  g_clear_pointer (&filter->search, g_free);

  /* Filter by region and SDG. */
  regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();

      g_free (filter->region);
      filter->region = g_strdup (regions[r % 7].code);
      filter->sdgs = 1u << (1 + r % 17);
      l4a_hub_query_set_filter (query, filter);
      first_screen (G_LIST_MODEL (query));
      filtering[r] = now_ms () - t;
      settle (query);
    }
  bench_record ("filter_ms", report ("filter by region and SDG", filtering, ROUNDS,
          sqlite_baseline (path, "SELECT num FROM hub_facet WHERE region = 'europe' AND sdgs & 2048 "
                                 "ORDER BY name_key, num")));
  l4a_hub_filter_clear (filter);
  l4a_hub_query_set_filter (query, filter);

  /* Sort the whole registry by each column, each way. */
  for (guint r = 0; r < G_N_ELEMENTS (sort); r++)
    {
      double t = now_ms ();

      l4a_hub_query_set_sort (query, (L4aHubSortKey) (1 + r % (L4A_HUB_N_SORTS - 1)), r % 2);
      first_screen (G_LIST_MODEL (query));
      sort[r] = now_ms () - t;
      settle (query);
    }
  bench_record ("sort_ms", report ("sort by a column", sort, G_N_ELEMENTS (sort),
          sqlite_baseline (path, "SELECT num FROM hub_facet ORDER BY government_key, name_key, num")));
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();

      l4a_hub_query_set_sort (query, L4A_HUB_SORT_NAME, r % 2);
      first_screen (G_LIST_MODEL (query));
      by_name[r] = now_ms () - t;
      settle (query);
    }
  report ("sort by name", by_name, ROUNDS, 0);

  /* Scrolling: a screenful of hubs read further down, as rows ask. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      guint from = (n / ROUNDS) * r;
      double t = now_ms ();

      for (guint i = from; i < MIN (n, from + 40); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (query), i);
          (void) item;
        }
      read[r] = now_ms () - t;
    }
  report ("read a screenful further down", read, ROUNDS, 0);

  /* The map: the places of the list counted in SQLite, placed and
   * grouped for the whole world at 1000 × 500 px. */
  {
    double map[ROUNDS];
    guint n_places = 0, n_groups = 0;

    for (guint r = 0; r < ROUNDS; r++)
      {
        double t = now_ms ();
        g_autoptr(GPtrArray) places = l4a_hub_query_count_places (query, TRUE);
        g_autoptr(GArray) markers = g_array_sized_new (FALSE, FALSE, sizeof (L4aMapMarker), places->len);
        g_autoptr(GArray) groups = NULL;
        L4aMapCamera camera;

        for (guint i = 0; i < places->len; i++)
          {
            L4aPlaceCount *place = g_ptr_array_index (places, i);
            L4aMapMarker marker = { place->country, place->region, place->count, 1, 0, 0 };

            if (l4a_map_locate (place->country, place->located, place->latitude, place->longitude,
                                &marker.x, &marker.y))
              g_array_append_val (markers, marker);
          }
        l4a_map_camera_reset (&camera);
        camera.zoom = 1 + r % 4;   /* the whole world, then closer */
        groups = l4a_map_cluster (&camera, 1000, 500, (const L4aMapMarker *) (gpointer) markers->data, markers->len,
                                  NULL);
        map[r] = now_ms () - t;
        n_places = places->len;
        n_groups = groups->len;
      }
    printf ("map of %u places, %u markers at the last zoom\n", n_places, n_groups);
    bench_record ("map_ms", report ("count, place and group", map, ROUNDS,
            sqlite_baseline (path, "SELECT government_id, count(*) FROM hub_facet GROUP BY government_id")));
  }

  printf ("%-28s %8.1f MB (%.1f MB before opening)\n", "resident memory, list open",
          bench_status_kib ("VmRSS:") / 1024.0, rss_before / 1024.0);
  bench_record ("rss_list_mb", bench_status_kib ("VmRSS:") / 1024.0);

  bench_proposals (path, n);
  bench_audit (path, n);
  bench_governments (path);
  printf ("goals: median under 8 ms and p95 under 16 ms for search, filter and sort\n");
  return 0;
}
