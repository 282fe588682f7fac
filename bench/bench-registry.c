/* bench-registry.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry at scale: on N generated hubs (100 000 by default), times
 * opening the list, searching a word, filtering by region and SDG, and
 * sorting by a column, through the same core functions and GTK list models
 * the Hubs view uses; prints the median and 95th percentile of each, the
 * process's resident memory with the list open, and, as a baseline from
 * the same run, the same questions asked of SQLite directly.
 *
 *   bench-registry [N] [DATABASE]
 */

#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <locale.h>
#include <stdio.h>

#include "bench-utils.h"
#include "l4a-hub.h"
#include "l4a-hub-filter.h"
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

typedef struct
{
  L4aHubFilter  *filter;
  L4aHubSortKey  key;
} State;

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  State *state = data;
  return l4a_hub_filter_matches (state->filter, item);
}

static int
sort_cb (gconstpointer a,
         gconstpointer b,
         gpointer      data)
{
  State *state = data;
  return l4a_hub_compare ((L4aHub *) a, (L4aHub *) b, state->key);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *path = argc > 2 ? g_strdup (argv[2]) : g_strdup_printf ("%s/l4a-bench-%u.sqlite", g_get_tmp_dir (), n);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double open[ROUNDS], read_ms[ROUNDS], search[ROUNDS], filter[ROUNDS], sort[ROUNDS];
  State state = { l4a_hub_filter_new (), L4A_HUB_SORT_NAME };
  GtkCustomFilter *custom_filter = gtk_custom_filter_new (filter_cb, &state, NULL);
  GtkCustomSorter *sorter = gtk_custom_sorter_new (sort_cb, &state, NULL);
  GtkFilterListModel *filtered = NULL;
  GtkSortListModel *sorted;
  long rss_before;

  setlocale (LC_ALL, "");
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    generate (path, n);

  store = l4a_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  rss_before = bench_status_kib ("VmRSS:");
  printf ("registry of %u hubs, %d rounds each\n", n, ROUNDS);

  /* Open: read every hub with its sort key (the view does this in a
   * thread), then filter and sort them by name (on the main loop). */
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();
      g_autoptr(GListModel) hubs = l4a_registry_list_hubs (store, &error);
      double read;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);
          l4a_hub_get_collate_key (hub, L4A_HUB_SORT_NAME);
        }
      read = now_ms () - t;
      t = now_ms ();

      /* As the view: sorted first, then filtered. */
      g_clear_object (&filtered);
      sorted = gtk_sort_list_model_new (g_object_ref (hubs), g_object_ref (GTK_SORTER (sorter)));
      filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (custom_filter)));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, n);
      open[r] = now_ms () - t;
      read_ms[r] = read;
    }
  report ("read the hubs (thread)", read_ms, ROUNDS, 0);
  report ("show them sorted (main)", open, ROUNDS,
          sqlite_baseline (path, "SELECT h.id, h.name, g.name FROM hub h JOIN government g ON g.id = h.government_id "
                                 "ORDER BY h.name"));
  printf ("%-28s %8.1f MB (%.1f MB before opening)\n", "resident memory, list open",
          bench_status_kib ("VmRSS:") / 1024.0, rss_before / 1024.0);
  bench_record ("open_ms", open[ROUNDS / 2]);
  bench_record ("rss_list_mb", bench_status_kib ("VmRSS:") / 1024.0);

  /* Search a word: the FTS query, then the models refilter and re-sort. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();

      g_clear_pointer (&state.filter->matches, g_hash_table_unref);
      state.filter->matches = l4a_registry_search_hubs (store, words[r % G_N_ELEMENTS (words)], &error);
      gtk_filter_changed (GTK_FILTER (custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
      g_list_model_get_n_items (G_LIST_MODEL (filtered));
      search[r] = now_ms () - t;
    }
  bench_record ("search_ms", report ("search a word", search, ROUNDS,
          sqlite_baseline (path, "SELECT rowid FROM hub_fts WHERE hub_fts MATCH '\"climate\"*'")));
  g_clear_pointer (&state.filter->matches, g_hash_table_unref);

  /* Filter by region and SDG. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      const L4aReferenceEntry *regions;
      guint n_regions;
      double t = now_ms ();

      regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
      g_free (state.filter->region);
      state.filter->region = g_strdup (regions[r % 7].code);
      state.filter->sdgs = 1u << (1 + r % 17);
      gtk_filter_changed (GTK_FILTER (custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
      g_list_model_get_n_items (G_LIST_MODEL (filtered));
      filter[r] = now_ms () - t;
    }
  bench_record ("filter_ms", report ("filter by region and SDG", filter, ROUNDS,
          sqlite_baseline (path, "SELECT h.id FROM hub h JOIN government g ON g.id = h.government_id "
                                 "WHERE g.region = 'europe' AND EXISTS (SELECT 1 FROM hub_sdg s "
                                 "WHERE s.hub_id = h.id AND s.goal = 11) ORDER BY h.name")));
  l4a_hub_filter_clear (state.filter);
  gtk_filter_changed (GTK_FILTER (custom_filter), GTK_FILTER_CHANGE_LESS_STRICT);

  /* Sort the whole list by another column. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t = now_ms ();

      state.key = (L4aHubSortKey) ((r + 1) % L4A_HUB_N_SORTS);
      gtk_sorter_changed (GTK_SORTER (sorter), GTK_SORTER_CHANGE_DIFFERENT);
      g_list_model_get_n_items (G_LIST_MODEL (filtered));
      {
        g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (filtered), 0);
        (void) first;
      }
      sort[r] = now_ms () - t;
    }
  report ("sort by a column", sort, ROUNDS,
          sqlite_baseline (path, "SELECT h.id FROM hub h JOIN government g ON g.id = h.government_id "
                                 "ORDER BY g.name, h.name"));

  /* The view sorts incrementally: what counts for the user is the longest
   * time the main loop is blocked by one step. */
  gtk_sort_list_model_set_incremental (sorted, TRUE);
  {
    double finish[ROUNDS], longest[ROUNDS];

    for (guint r = 0; r < ROUNDS; r++)
      {
        double t = now_ms (), worst = 0;

        state.key = (L4aHubSortKey) ((r + 3) % L4A_HUB_N_SORTS);
        gtk_sorter_changed (GTK_SORTER (sorter), GTK_SORTER_CHANGE_DIFFERENT);
        worst = now_ms () - t;
        while (gtk_sort_list_model_get_pending (sorted) > 0)
          {
            double step = now_ms ();
            g_main_context_iteration (NULL, FALSE);
            worst = MAX (worst, now_ms () - step);
          }
        finish[r] = now_ms () - t;
        longest[r] = worst;
      }
    report ("sort, incremental: done", finish, ROUNDS, 0);
    report ("sort, incremental: 1 step", longest, ROUNDS, 0);
  }

  printf ("goals: under 16 ms median for search, filter and sort; under 150 MB resident\n");

  g_clear_object (&filtered);
  g_object_unref (custom_filter);
  g_object_unref (sorter);
  l4a_hub_filter_free (state.filter);
  return 0;
}
