/* test-memory.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What checking and importing a bundle costs in memory: the peak resident
 * memory of the real command line's `validate` and `import`, above what
 * the same commands take for a bundle of a few records, stays under a
 * fixed multiple of the file's size, for an honest registry of many
 * records and for bundles made to cost much (empty records, many small
 * members, unknown types, many values outside the records). Measured with
 * wait4()'s maximum resident set size of the child; not under
 * AddressSanitizer, whose shadow memory is not the application's.
 */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core-test-utils.h"
#include "l4a-bundle.h"
#include "l4a-keys.h"
#include "l4a-store.h"

/* The multiple of the file's size that validate and import may take above
 * their cost for a small bundle. */
#define MEMORY_MULTIPLE 8

static char *tmpdir;

/* The children are started by a small process forked before the test
 * allocates anything: Linux counts in a child's maximum resident set size
 * what the process that forked it held when it did, which for this test
 * is hundreds of megabytes of bundles being written. */
static int spawner_requests = -1;
static int spawner_replies = -1;

static void
spawner_loop (int requests,
              int replies)
{
  g_autoptr(GString) line = g_string_new (NULL);
  char c;

  while (read (requests, &c, 1) == 1)
    {
      g_auto(GStrv) argv = NULL;
      struct rusage usage = { 0 };
      int wait_status = 0;
      char reply[64];
      pid_t pid;

      if (c != '\n')
        {
          g_string_append_c (line, c);
          continue;
        }
      argv = g_strsplit (line->str, "\x1f", -1);
      g_string_truncate (line, 0);
      pid = fork ();
      if (pid == 0)
        {
          int null = open ("/dev/null", O_WRONLY);

          dup2 (null, STDOUT_FILENO);
          dup2 (null, STDERR_FILENO);
          execv (argv[0], argv);
          _exit (127);
        }
      if (pid < 0 || wait4 (pid, &wait_status, 0, &usage) != pid)
        usage.ru_maxrss = -1;
      g_snprintf (reply, sizeof reply, "%ld %d\n", usage.ru_maxrss,
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1);
      if (write (replies, reply, strlen (reply)) < 0)
        break;
    }
  _exit (0);
}

static void
start_spawner (void)
{
  int requests[2], replies[2];
  pid_t pid;

  g_assert_cmpint (pipe (requests), ==, 0);
  g_assert_cmpint (pipe (replies), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (requests[1]);
      close (replies[0]);
      spawner_loop (requests[0], replies[1]);
    }
  close (requests[0]);
  close (replies[1]);
  spawner_requests = requests[1];
  spawner_replies = replies[0];
}

/* Runs the command line with @args; its peak resident memory in KiB, and
 * its exit status in *@status. */
static long
peak_kib (const char * const *args,
          int                *status)
{
  const char *exe = g_getenv ("L4A_EXECUTABLE");
  g_autoptr(GString) request = g_string_new (exe);
  g_autoptr(GString) reply = g_string_new (NULL);
  long peak = -1;
  char c;

  g_assert_nonnull (exe);
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_string_append_c (request, '\x1f');
      g_string_append (request, args[i]);
    }
  g_string_append_c (request, '\n');
  g_assert_cmpint (write (spawner_requests, request->str, request->len), ==, (gssize) request->len);
  while (read (spawner_replies, &c, 1) == 1 && c != '\n')
    g_string_append_c (reply, c);
  g_assert_cmpint (sscanf (reply->str, "%ld %d", &peak, status), ==, 2);
  g_assert_cmpint (peak, >, 0);
  return peak;
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

/* Asserts that @peak (KiB) is within the multiple of @path's size above
 * @base (KiB), and says the figures. */
static void
assert_bounded (const char *what,
                const char *path,
                long        peak,
                long        base)
{
  double size = file_size (path) / 1024.0;
  double above = (double) MAX (peak - base, 0);

  g_test_message ("%s: %.1f MB file, peak %.1f MB, %.1f MB above a small bundle's: %.2f times the file",
                  what, size / 1024, peak / 1024.0, above / 1024, above / size);
  g_assert_cmpfloat (above, <=, MEMORY_MULTIPLE * size);
}

/* A registry of @hubs hubs of one government, one indicator each and three
 * measurements each, written straight into the database at @path. */
static void
fill (const char *path,
      guint       hubs)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
    "VALUES ('00000000-0000-4000-8000-00000000aaaa', 'Memory City', 'city', 'ES', 'europe', "
    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test');"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO hub (id, government_id, name, summary, start_on, end_on, created_at, updated_at, origin) "
    "SELECT printf ('10000000-0000-4000-8000-%%012d', i), '00000000-0000-4000-8000-00000000aaaa', "
    "'Hub number ' || i, 'A hub with a summary of a few words, as the registry holds them.', '2025-01-01', "
    "'2026-12-31', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO indicator (id, hub_id, code, name, unit, created_at, updated_at, origin) "
    "SELECT printf ('20000000-0000-4000-8000-%%012d', i), printf ('10000000-0000-4000-8000-%%012d', i), "
    "'SDG 11.6.2', 'PM2.5', 'µg/m³', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO measurement (id, indicator_id, measured_on, value, created_at, updated_at, origin) "
    "SELECT printf ('30000000-0000-4000-8000-%%012d', i), printf ('20000000-0000-4000-8000-%%012d', 1 + i %% %u), "
    "date ('2020-01-01', '+' || (i / %u) || ' months'), 10.0 + (i %% 37) / 3.0, "
    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n;"
    "COMMIT;", hubs, hubs, hubs * 3, hubs, hubs);

  l4a_test_sql_exec (path, sql);
}

static char *
fingerprint_of (L4aStore *store)
{
  L4aKey *key = l4a_store_get_key (store, NULL);

  g_assert_nonnull (key);
  return l4a_key_fingerprint (l4a_key_get_public (key));
}

/* A registry bundle of many honest records: validated, then imported into
 * an empty database, each within the multiple. */
static void
test_registry (void)
{
  g_autofree char *source_path = g_build_filename (tmpdir, "source.sqlite", NULL);
  g_autofree char *small_target = g_build_filename (tmpdir, "small-target.sqlite", NULL);
  g_autofree char *large_target = g_build_filename (tmpdir, "large-target.sqlite", NULL);
  g_autoptr(L4aStore) source = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autofree char *fingerprint = NULL;
  long base, peak;
  int status = -1;

#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer's shadow memory is not the application's");
  return;
#endif

  source = l4a_test_open_with_sample (tmpdir, "source.sqlite");
  fingerprint = fingerprint_of (source);
  small = l4a_test_export (tmpdir, source, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  fill (source_path, 20000);
  large = l4a_test_export (tmpdir, source, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_assert_cmpuint (file_size (large), >, 20 * 1024 * 1024);

  base = peak_kib ((const char *[]) { "--db", source_path, "validate", small, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  peak = peak_kib ((const char *[]) { "--db", source_path, "validate", large, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  assert_bounded ("validate", large, peak, base);

  base = peak_kib ((const char *[]) { "--db", small_target, "import", "--trust", fingerprint, small, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  peak = peak_kib ((const char *[]) { "--db", large_target, "import", "--trust", fingerprint, large, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (l4a_test_sql_int (large_target, "SELECT count(*) FROM measurement"), >=, 60000);
  assert_bounded ("import", large, peak, base);
}

/* Writes a bundle of the secretariat whose records object is @records
 * (canonical text), signed with @store's key, and gives its path. */
static char *
write_bundle (L4aStore   *store,
              const char *name,
              const char *head,
              GString    *records)
{
  g_autofree char *checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) records->str,
                                                           records->len);
  g_autofree char *bundle_id = g_uuid_string_random ();
  g_autofree char *installation = g_uuid_string_random ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_string_append_printf (out, "{\"format\":\"local4action-bundle\",\"format_version\":1,\"kind\":\"registry\","
                               "\"bundle_id\":\"%s\",\"created_at\":\"2026-12-05T10:00:00Z\","
                               "\"origin\":{\"installation\":\"%s\",\"role\":\"secretariat\",\"actor\":\"secretariat\"},"
                               "%s\"records\":", bundle_id, installation, head ? head : "");
  g_string_append_len (out, records->str, records->len);
  g_string_append_printf (out, ",\"checksum\":\"%s\"", checksum);
  l4a_bundle_sign (out, l4a_store_get_key (store, NULL));
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, &error));
  g_assert_no_error (error);
  return path;
}

/* Bundles made to cost much: each is refused, or read, within the
 * multiple; and refused where it breaks a rule. */
static void
test_hostile (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "hostile.sqlite", NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autofree char *small = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  long base_validate, base_import;
  int status = -1;
  struct {
    const char *name;
    const char *head;
    GString    *records;
    gboolean    valid;   /* passes validate (and is refused by import) */
  } cases[4];

#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer's shadow memory is not the application's");
  return;
#endif

  store = l4a_test_open_with_sample (tmpdir, "hostile.sqlite");
  small = l4a_test_export (tmpdir, store, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);

  /* empty records: 500 000 of each of a few types, two bytes each */
  cases[0] = (typeof (cases[0])) { "empty-records.l4a.json", NULL, g_string_new ("{"), TRUE };
  {
    const char *types[] = { "government", "hub", "indicator", "measurement" };

    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      {
        g_string_append_printf (cases[0].records, "%s\"%s\":[", t ? "," : "", types[t]);
        for (guint i = 0; i < L4A_BUNDLE_MAX_RECORDS; i++)
          g_string_append (cases[0].records, i ? ",{}" : "{}");
        g_string_append_c (cases[0].records, ']');
      }
    g_string_append_c (cases[0].records, '}');
  }
  /* many small members: records of thousands of one-letter values */
  cases[1] = (typeof (cases[1])) { "small-members.l4a.json", NULL, g_string_new ("{\"hub\":["), FALSE };
  for (guint r = 0; r < 400; r++)
    {
      g_string_append (cases[1].records, r ? ",{" : "{");
      for (guint i = 0; i < L4A_BUNDLE_MAX_VALUES + 1; i++)
        g_string_append_printf (cases[1].records, "%s\"%x\":0", i ? "," : "", i);
      g_string_append_c (cases[1].records, '}');
    }
  g_string_append (cases[1].records, "]}");
  /* unknown types, many of them */
  cases[2] = (typeof (cases[2])) { "unknown-types.l4a.json", NULL, g_string_new ("{"), FALSE };
  for (guint t = 0; t < 200000; t++)
    g_string_append_printf (cases[2].records, "%s\"t%06u\":[0]", t ? "," : "", t);
  g_string_append_c (cases[2].records, '}');
  /* many values outside the records */
  cases[3] = (typeof (cases[3])) { "many-values.l4a.json", NULL, g_string_new ("{}"), FALSE };
  {
    GString *head = g_string_new ("\"note\":[");

    for (guint i = 0; i < 4000000; i++)
      g_string_append (head, i ? ",0" : "0");
    g_string_append (head, "],");
    cases[3].head = g_string_free (head, FALSE);
  }

  base_validate = peak_kib ((const char *[]) { "--db", db, "validate", small, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  base_import = peak_kib ((const char *[]) { "--db", db, "import", "--dry-run", small, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_object (&store);
  store = l4a_store_open (db, NULL);
  before = l4a_test_fingerprint (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_bundle (store, cases[i].name, cases[i].head, cases[i].records);
      g_autofree char *what = NULL;
      long peak;

      peak = peak_kib ((const char *[]) { "--db", db, "validate", path, NULL }, &status);
      g_assert_cmpint (status, ==, cases[i].valid ? 0 : 1);
      what = g_strdup_printf ("validate %s", cases[i].name);
      assert_bounded (what, path, peak, base_validate);

      peak = peak_kib ((const char *[]) { "--db", db, "import", path, NULL }, &status);
      g_assert_cmpint (status, ==, 1);
      g_free (what);
      what = g_strdup_printf ("import %s", cases[i].name);
      assert_bounded (what, path, peak, base_import);

      g_string_free (cases[i].records, TRUE);
      if (i == 3)
        g_free ((char *) cases[i].head);
    }
  g_clear_object (&store);
  after = l4a_test_fingerprint (db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  start_spawner ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/memory/registry", test_registry);
  g_test_add_func ("/core/memory/hostile", test_hostile);
  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-memory-XXXXXX");
}
