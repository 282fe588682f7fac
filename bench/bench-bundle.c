/* bench-bundle.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times a registry bundle of many hubs and measurements: export, then
 * import into an empty database, with no preview three times, each in a
 * process of its own, and with the preview (check, preview with its
 * trial, apply), next to the same records loaded from the same file by the sqlite3
 * command-line tool's JSON functions, in the same run, as the baseline;
 * and the same load with the rows an import must keep of each record (what
 * both sides agreed on, and an audit entry), as the floor of any importer
 * that keeps them. Prints figures; asserts nothing.
 *
 *   bench-bundle [HUBS] [MEASUREMENTS]     (default 100000 500000)
 *   bench-bundle --import-now DATABASE BUNDLE   (one import, for the above)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-utils.h"
#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-trust.h"
#include "l4a-store.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Processor time of the calling thread alone: what the import's own
 * thread spent, the reader's thread aside. */
static double
thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static double
children_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* A registry of @hubs hubs, one indicator each, and @measurements
 * measurements spread over them, written straight into SQLite. */
static void
fill (const char *path,
      guint       hubs,
      guint       measurements)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  store = l4a_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db, "BEGIN;"
                   "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
                   "VALUES ('00000000-0000-4000-8000-000000000001', 'Bench City', 'city', 'ES', 'europe', "
                   "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench');");
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO hub (id, government_id, name, summary, start_on, end_on, created_at, "
                         "updated_at, origin) SELECT printf ('10000000-0000-4000-8000-%%012d', i), "
                         "'00000000-0000-4000-8000-000000000001', 'Hub number ' || i, "
                         "'A hub of the benchmark, with a summary of a few words.', '2025-01-01', '2026-12-31', "
                         "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' FROM n;"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO indicator (id, hub_id, code, name, unit, created_at, updated_at, origin) "
                         "SELECT printf ('20000000-0000-4000-8000-%%012d', i), "
                         "printf ('10000000-0000-4000-8000-%%012d', i), 'SDG 11.6.2', 'PM2.5', 'µg/m³', "
                         "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' FROM n;"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO measurement (id, indicator_id, measured_on, value, created_at, updated_at, "
                         "origin) SELECT printf ('30000000-0000-4000-8000-%%012d', i), "
                         "printf ('20000000-0000-4000-8000-%%012d', 1 + (i %% %u)), "
                         "date ('2020-01-01', '+' || (i / %u) || ' months'), 10.0 + (i %% 37) / 3.0, "
                         "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'bench' FROM n;"
                         "COMMIT;",
                         hubs, hubs, measurements, hubs, hubs);
  exec_or_die (db, sql);
  sqlite3_close (db);
}

/* The baseline: the sqlite3 tool reads the same file with json_each and
 * inserts the same three tables of an empty database of the same schema.
 * With @bookkeeping, it also writes for each record what an import keeps
 * of it: its row of sync_state (a hash of 64 hexadecimal digits, made up)
 * and its audit entry, as l4a-import.c writes them, from triggers on the
 * inserts (reading the bundle's lists again would time the JSON parser
 * twice more). */
static double
baseline (const char *bundle,
          const char *path,
          gboolean    bookkeeping,
          double     *cpu)
{
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  const char *argv[] = { "sqlite3", path, NULL };
  gint64 start;
  int status;

  store = l4a_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* temporary triggers, so that the bundle is read once, as the baseline reads it */
  if (bookkeeping)
    {
      GString *triggers = g_string_new (NULL);
      static const char * const tables[] = { "government", "hub", "indicator", "measurement" };

      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        g_string_append_printf (triggers,
                                "CREATE TEMP TRIGGER kept_%s AFTER INSERT ON main.%s BEGIN "
                                "INSERT INTO sync_state (record_type, record_key, theirs_hash, ours_revision, agreed_at) "
                                "VALUES ('%s', NEW.id, lower (hex (randomblob (32))), 1, '2026-12-07T00:00:00Z'); "
                                "INSERT INTO audit (at, actor, action, record_type, record_id, details) "
                                "VALUES ('2026-12-07T00:00:00Z', 'secretariat', 'create', '%s', NEW.id, "
                                "'{\"source\":\"bundle registry 00000000-0000-4000-8000-000000000000\"}'); END;",
                                tables[i], tables[i], tables[i], tables[i]);
      kept = g_string_free (triggers, FALSE);
    }
  else
    kept = g_strdup ("");
  script = g_strdup_printf (
    "PRAGMA foreign_keys = ON; %s BEGIN;"
    "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin, revision) "
    "SELECT value ->> 'id', value ->> 'name', value ->> 'kind', value ->> 'country', value ->> 'region', "
    "value ->> 'created_at', value ->> 'updated_at', value ->> 'origin', value ->> 'revision' "
    "FROM json_each (readfile ('%s'), '$.records.government');"
    "INSERT INTO hub (id, government_id, name, summary, topic, format, start_on, end_on, status, created_at, "
    "updated_at, origin, revision) SELECT value ->> 'id', value ->> 'government_id', value ->> 'name', "
    "value ->> 'summary', value ->> 'topic', value ->> 'format', value ->> 'start_on', value ->> 'end_on', "
    "value ->> 'status', value ->> 'created_at', value ->> 'updated_at', value ->> 'origin', value ->> 'revision' "
    "FROM json_each (readfile ('%s'), '$.records.hub');"
    "INSERT INTO indicator (id, hub_id, code, name, unit, direction, created_at, updated_at, origin, revision) "
    "SELECT value ->> 'id', value ->> 'hub_id', value ->> 'code', value ->> 'name', value ->> 'unit', "
    "value ->> 'direction', value ->> 'created_at', value ->> 'updated_at', value ->> 'origin', value ->> 'revision' "
    "FROM json_each (readfile ('%s'), '$.records.indicator');"
    "INSERT INTO measurement (id, indicator_id, measured_on, value, source, note, created_at, updated_at, origin, "
    "revision) SELECT value ->> 'id', value ->> 'indicator_id', value ->> 'measured_on', value ->> 'value', "
    "value ->> 'source', value ->> 'note', value ->> 'created_at', value ->> 'updated_at', value ->> 'origin', "
    "value ->> 'revision' FROM json_each (readfile ('%s'), '$.records.measurement');"
    "COMMIT;", kept, bundle, bundle, bundle, bundle);
  start = g_get_monotonic_time ();
  *cpu = children_cpu_seconds ();
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL)
    {
      g_printerr ("The baseline needs the sqlite3 tool: %s\n", error->message);
      return -1;
    }
  g_subprocess_communicate_utf8 (process, script, NULL, NULL, &err, &error);
  status = g_subprocess_get_exit_status (process);
  if (status != 0 || (err != NULL && *err != '\0'))
    {
      g_printerr ("The baseline failed: %s\n", err ? err : "");
      return -1;
    }
  *cpu = children_cpu_seconds () - *cpu;
  return seconds_since (start);
}

static double
median3 (const double *v)
{
  return MAX (MIN (v[0], v[1]), MIN (MAX (v[0], v[1]), v[2]));
}

/* baseline() three times into a new database each time, the median of
 * each figure (on a shared machine one run varied by a quarter from the
 * next); -1 if it could not run */
static double
median_baseline (const char *bundle,
                 const char *path,
                 gboolean    bookkeeping,
                 double     *cpu)
{
  double walls[3] = { -1, -1, -1 }, cpus[3] = { 0, 0, 0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (path);
      g_remove (wal);
      g_remove (shm);
      walls[i] = baseline (bundle, path, bookkeeping, &cpus[i]);
      if (walls[i] < 0)
        return *cpu = -1;
      g_print ("  sqlite3 json_each %s, run %u: %.2f s, %.2f s of processor time\n",
               bookkeeping ? "load with bookkeeping" : "baseline", i + 1, walls[i], cpus[i]);
    }
  *cpu = median3 (cpus);
  return median3 (walls);
}

/* The child: imports @bundle_path into @path with no preview, as the
 * command line does, and says how long its parts took. */
static int
import_now_child (const char *path,
                  const char *bundle_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aStore) store = l4a_store_open (path, &error);
  g_autoptr(L4aBundle) bundle = NULL;
  gint64 start = g_get_monotonic_time ();
  double t_load, t_now, cpu_main;
  guint written = 0;

  if (store == NULL)
    g_error ("%s", error->message);
  bundle = l4a_bundle_load (bundle_path, &error);
  if (bundle == NULL)
    g_error ("%s", error->message);
  t_load = seconds_since (start);
  cpu_main = thread_cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!l4a_import_now (store, bundle, NULL, FALSE, NULL, &written, &error))
    g_error ("%s", error->message);
  t_now = seconds_since (start);
  cpu_main = thread_cpu_seconds () - cpu_main;
  printf ("%f %f %f %u\n", t_load, t_now, cpu_main, written);
  return 0;
}

typedef struct
{
  double wall, cpu;        /* the whole process */
  double load, now;        /* its check, and its plan and write */
  double cpu_main;         /* processor time of the importing thread */
  guint  written;
} ImportRun;

/* The import with no preview in a process of its own, into a new
 * database at @path that trusts @key, as the baseline runs in the sqlite3
 * tool's: after a preview's import of the same records in the same
 * process, the same import took a fifth more processor time at 100 000
 * hubs. */
static ImportRun
import_now_run (const char *path,
                const char *bundle_path,
                const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) child = NULL;
  ImportRun run = { 0 };
  gint64 start;

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  {
    /* the receiving workstation confirmed the sender's key before */
    g_autoptr(L4aStore) store = l4a_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (l4a_trust_confirm_secretariat (store, key, &error));
  }
  run.cpu = children_cpu_seconds ();
  start = g_get_monotonic_time ();
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--import-now", path, bundle_path, NULL);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error) ||
      !g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("the import failed: %s", error ? error->message : "");
  run.wall = seconds_since (start);
  run.cpu = children_cpu_seconds () - run.cpu;
  if (sscanf (out, "%lf %lf %lf %u", &run.load, &run.now, &run.cpu_main, &run.written) != 4)
    g_error ("the import said: %s", out);
  return run;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const ImportRun *x = a, *y = b;

  return (x->cpu > y->cpu) - (x->cpu < y->cpu);
}

static int
bench (int   argc,
       char *argv[])
{
  guint hubs;
  guint measurements;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("l4a-bench-XXXXXX", &error);
  g_autofree char *source_path = g_build_filename (dir, "source.sqlite", NULL);
  g_autofree char *target_path = g_build_filename (dir, "target.sqlite", NULL);
  g_autofree char *now_path = g_build_filename (dir, "now.sqlite", NULL);
  g_autofree char *base_path = g_build_filename (dir, "baseline.sqlite", NULL);
  g_autofree char *bundle_path = g_build_filename (dir, "registry.l4a.json", NULL);
  g_autoptr(L4aStore) source = NULL;
  g_autoptr(L4aStore) target = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  double t_fill, t_export, t_load, t_plan, t_apply, t_base, t_floor, megabytes;
  ImportRun now;
  double cpu_base = 0, cpu_floor = 0;
  guint n_records = 0, written = 0;
  GStatBuf st;
  gint64 start;

  hubs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  measurements = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 500000;
  g_assert_no_error (error);
  g_print ("Registry bundle of %u hubs, %u indicators, %u measurements\n", hubs, hubs, measurements);

  start = g_get_monotonic_time ();
  fill (source_path, hubs, measurements);
  t_fill = seconds_since (start);

  source = l4a_store_open (source_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!l4a_bundle_export (source, "registry", NULL, bundle_path, NULL, &n_records, &error))
    g_error ("%s", error->message);
  t_export = seconds_since (start);
  g_stat (bundle_path, &st);
  megabytes = st.st_size / 1e6;

  target = l4a_store_open (target_path, &error);
  g_assert_no_error (error);
  /* the receiving workstation confirmed the sender's key before */
  g_assert_true (l4a_trust_confirm_secretariat (target, l4a_key_get_public (l4a_store_get_key (source, NULL)),
                                                &error));
  start = g_get_monotonic_time ();
  bundle = l4a_bundle_load (bundle_path, &error);
  if (bundle == NULL)
    g_error ("%s", error->message);
  t_load = seconds_since (start);
  /* with no preview (the command line): planned and written at once,
   * three times, each in a process of its own; the run of median
   * processor time is kept */
  {
    ImportRun runs[3];

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        runs[i] = import_now_run (now_path, bundle_path, l4a_key_get_public (l4a_store_get_key (source, NULL)));
        g_print ("  import, no preview, run %u: %.2f s, %.2f s of processor time\n", i + 1, runs[i].wall,
                 runs[i].cpu);
      }
    qsort (runs, G_N_ELEMENTS (runs), sizeof runs[0], compare_runs);
    now = runs[1];
  }
  start = g_get_monotonic_time ();
  plan = l4a_import_plan (target, bundle, &error);
  if (plan == NULL)
    g_error ("%s", error->message);
  t_plan = seconds_since (start);
  start = g_get_monotonic_time ();
  if (!l4a_import_apply (target, bundle, plan, FALSE, NULL, NULL, NULL, &written, &error))
    g_error ("%s", error->message);
  t_apply = seconds_since (start);

  g_assert_cmpuint (now.written, ==, written);

  /* the baseline, then the floor */
  t_base = median_baseline (bundle_path, base_path, FALSE, &cpu_base);
  t_floor = median_baseline (bundle_path, base_path, TRUE, &cpu_floor);

  g_print ("  filled with SQL in %.2f s (not part of the figures)\n", t_fill);
  bench_record ("export_s", t_export);
  bench_record ("import_s", now.wall);
  bench_record ("import_window_s", t_load + t_plan + t_apply);
  bench_record ("import_baseline_s", t_base);
  bench_record ("records", n_records);
  g_print ("  export:  %7.2f s  %9.0f records/s  %6.1f MB/s  (%.1f MB, %u records; %.2f s per 100 000)\n",
           t_export, n_records / t_export, megabytes / t_export, megabytes, n_records,
           t_export * 100000.0 / n_records);
  g_print ("  import, no preview (command line):  %7.2f s  %9.0f records/s  %6.1f MB/s  "
           "(median of 3 processes; check %.2f s, plan and write %.2f s; %u written)\n",
           now.wall, n_records / now.wall, megabytes / now.wall, now.load, now.now, now.written);
  g_print ("    plan and write: %.2f s of processor time in the importing thread, %.2f s per 100 000 records\n",
           now.cpu_main, now.cpu_main * 100000.0 / n_records);
  g_print ("  import, with preview (window):      %7.2f s  %9.0f records/s  %6.1f MB/s  "
           "(check %.2f s, preview with trial %.2f s, apply %.2f s; %u written)\n",
           t_load + t_plan + t_apply, n_records / (t_load + t_plan + t_apply),
           megabytes / (t_load + t_plan + t_apply), t_load, t_plan, t_apply, written);
  if (t_base > 0)
    {
      g_print ("  sqlite3 json_each baseline (median of 3): %.2f s  %9.0f records/s\n", t_base, n_records / t_base);
      g_print ("  ratio import / baseline: %.2f (no preview), %.2f (with preview), %.2f (apply alone); "
               "goal: within 2\n", now.wall / t_base, (t_load + t_plan + t_apply) / t_base, t_apply / t_base);
      g_print ("  processor time, import (no preview) %.2f s, baseline %.2f s: ratio %.2f\n", now.cpu, cpu_base,
               cpu_base > 0 ? now.cpu / cpu_base : 0);
      bench_record ("import_cpu_ratio", cpu_base > 0 ? now.cpu / cpu_base : 0);
    }
  if (t_floor > 0 && cpu_floor > 0)
    {
      g_print ("  the same load with a sync_state row and an audit entry per record (median of 3): %.2f s, "
               "%.2f s of processor time: %.2f times the baseline's\n", t_floor, cpu_floor,
               cpu_base > 0 ? cpu_floor / cpu_base : 0);
      g_print ("  processor time, import (no preview) / that floor: %.2f\n", now.cpu / cpu_floor);
      bench_record ("import_floor_s", t_floor);
      bench_record ("import_floor_cpu_ratio", cpu_base > 0 ? cpu_floor / cpu_base : 0);
      bench_record ("import_cpu_ratio_floor", now.cpu / cpu_floor);
    }

  g_clear_object (&source);
  g_clear_object (&target);
  {
    const char *files[] = { source_path, target_path, now_path, base_path, bundle_path };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *wal = g_strconcat (files[i], "-wal", NULL);
        g_autofree char *shm = g_strconcat (files[i], "-shm", NULL);

        g_remove (files[i]);
        g_remove (wal);
        g_remove (shm);
      }
    g_rmdir (dir);
  }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--import-now"))
    return import_now_child (argv[2], argv[3]);
  return bench (argc, argv);
}
