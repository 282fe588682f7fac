/* test-cli.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-utils.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static char *tmpdir;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the real executable with the arguments, NULL-terminated. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("L4A_EXECUTABLE");
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (exe);
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    if (g_str_equal (arg, "--as-user-nobody"))
      {
        /* the test's own flag: the command runs as the user "nobody" */
        const char *prefix[] = { "setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups" };

        for (guint i = 0; i < G_N_ELEMENTS (prefix); i++)
          g_ptr_array_insert (argv, (int) i, (gpointer) prefix[i]);
      }
    else
      g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_insert (argv, argv->len > 0 && g_str_equal (g_ptr_array_index (argv, 0), "setpriv") ? 6 : 0,
                      (gpointer) exe);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
db_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
assert_one_line_error (Run        *run,
                       int         status,
                       const char *needle)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "local4action: "));
  if (needle && !strstr (run->err, needle))
    g_error ("“%s” is not in: %s", needle, run->err);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "local4action " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "sample"));
  g_assert_nonnull (strstr (run.out, "list"));
}

static void
test_sample_and_list (void)
{
  g_autofree char *path = db_path ("sample.sqlite");
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) table = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *hubs;

  run_cli (&run, "--db", path, "sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "hubs"));

  /* A second load is refused with one line and exit 1. */
  run_cli (&again, "--db", path, "sample", NULL);
  assert_one_line_error (&again, 1, "already");

  run_cli (&list, "--db", path, "list", "hubs", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");
  json_parser_load_from_data (parser, list.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  hubs = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (hubs), >=, 12);

  for (guint i = 0; i < json_array_get_length (hubs); i++)
    {
      JsonObject *hub = json_array_get_object_element (hubs, i);
      JsonArray *sdgs = json_object_get_array_member (hub, "sdgs");
      const char *country = json_object_get_string_member (hub, "country");

      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (hub, "id")));
      g_assert_cmpstr (json_object_get_string_member (hub, "name"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (hub, "government"), !=, "");
      g_assert_cmpuint (strlen (country), ==, 2);
      g_assert_true (g_ascii_isupper (country[0]) && g_ascii_isupper (country[1]));
      g_assert_cmpuint (json_array_get_length (sdgs), >=, 1);
      for (guint j = 0; j < json_array_get_length (sdgs); j++)
        {
          gint64 goal = json_array_get_int_element (sdgs, j);
          g_assert_cmpint (goal, >=, 1);
          g_assert_cmpint (goal, <=, 17);
        }
      g_assert_nonnull (strstr ("active completed withdrawn", json_object_get_string_member (hub, "status")));
      g_assert_cmpuint (strlen (json_object_get_string_member (hub, "start")), ==, 10);
      g_assert_cmpstr (json_object_get_string_member (hub, "start"), <, json_object_get_string_member (hub, "end"));
      g_hash_table_add (regions, (gpointer) json_object_get_string_member (hub, "region"));
    }
  g_assert_cmpuint (g_hash_table_size (regions), ==, 7);

  run_cli (&table, "--db", path, "list", "hubs", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_cmpuint (count_lines (table.out), ==, json_array_get_length (hubs) + 1);
  g_assert_true (g_str_has_prefix (table.out, "NAME"));
}

static guint
json_count (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_list_filters (void)
{
  g_autofree char *path = db_path ("filters.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) hostile = { 0 };
  g_auto(Run) region = { 0 };
  g_auto(Run) sdg = { 0 };
  g_auto(Run) proposals = { 0 };
  g_auto(Run) drafts = { 0 };

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&search, "--db", path, "list", "hubs", "--search", "sao paulo", "--json", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_cmpuint (json_count (search.out), ==, 0);  /* São Paulo has a proposal, no hub */

  run_cli (&hostile, "--db", path, "list", "hubs", "--search", "\"NEAR(* -", "--json", NULL);
  g_assert_cmpint (hostile.status, ==, 0);

  run_cli (&region, "--db", path, "list", "hubs", "--region", "africa", "--json", NULL);
  g_assert_cmpint (region.status, ==, 0);
  g_assert_cmpuint (json_count (region.out), ==, 2);

  run_cli (&sdg, "--db", path, "list", "hubs", "--sdg", "13", "--json", NULL);
  g_assert_cmpint (sdg.status, ==, 0);
  g_assert_cmpuint (json_count (sdg.out), ==, 3);  /* Barcelona, Durban, Amman */

  run_cli (&proposals, "--db", path, "list", "proposals", "--search", "são paulo", "--json", NULL);
  g_assert_cmpint (proposals.status, ==, 0);
  g_assert_cmpuint (json_count (proposals.out), ==, 1);

  run_cli (&drafts, "--db", path, "list", "proposals", "--status", "draft", "--json", NULL);
  g_assert_cmpint (drafts.status, ==, 0);
  g_assert_cmpuint (json_count (drafts.out), ==, 2);
}

static void
test_list_hub_options (void)
{
  g_autofree char *path = db_path ("options.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) country = { 0 };
  g_auto(Run) lower = { 0 };
  g_auto(Run) axis = { 0 };
  g_auto(Run) year = { 0 };
  g_auto(Run) sdgs = { 0 };
  g_auto(Run) council = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) bad_country = { 0 };
  g_auto(Run) bad_year = { 0 };
  g_auto(Run) bad_axis = { 0 };
  g_auto(Run) bad_status = { 0 };
  g_auto(Run) proposals_csv = { 0 };
  g_auto(Run) hubs_call = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&country, "--db", path, "list", "hubs", "--country", "CA", "--json", NULL);
  g_assert_cmpint (country.status, ==, 0);
  g_assert_cmpuint (json_count (country.out), ==, 2);
  run_cli (&lower, "--db", path, "list", "hubs", "--country", "ca", "--json", NULL);
  g_assert_cmpstr (lower.out, ==, country.out);

  run_cli (&axis, "--db", path, "list", "hubs", "--axis", "government", "--json", NULL);
  g_assert_cmpint (axis.status, ==, 0);
  g_assert_cmpuint (json_count (axis.out), ==, 2);  /* Bristol and Kitchener */

  run_cli (&year, "--db", path, "list", "hubs", "--year", "2023", "--region", "latin-america", "--json", NULL);
  g_assert_cmpint (year.status, ==, 0);
  g_assert_cmpuint (json_count (year.out), ==, 1);  /* Quito, from September 2023 */

  run_cli (&sdgs, "--db", path, "list", "hubs", "--sdg", "2,14", "--json", NULL);
  g_assert_cmpint (sdgs.status, ==, 0);
  g_assert_cmpuint (json_count (sdgs.out), ==, 2);  /* Quito (2) and Durban (14) */

  run_cli (&council, "--db", path, "list", "hubs", "--council", "opportunities-culture-diplomacy", "--json", NULL);
  g_assert_cmpint (council.status, ==, 0);
  g_assert_cmpuint (json_count (council.out), ==, 2);

  run_cli (&csv, "--db", path, "list", "hubs", "--csv", "--country", "CA", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, two hubs, the empty rest */
  g_assert_true (g_str_has_prefix (lines[0], "id,name,"));
  g_assert_nonnull (strstr (csv.out, ",CA,Canada,north-america,"));

  run_cli (&both, "--db", path, "list", "hubs", "--csv", "--json", NULL);
  assert_one_line_error (&both, 2, "--csv");
  run_cli (&bad_country, "--db", path, "list", "hubs", "--country", "XX", NULL);
  assert_one_line_error (&bad_country, 2, "XX");
  run_cli (&bad_year, "--db", path, "list", "hubs", "--year", "99", NULL);
  assert_one_line_error (&bad_year, 2, "--year");
  run_cli (&bad_axis, "--db", path, "list", "hubs", "--axis", "moon", NULL);
  assert_one_line_error (&bad_axis, 2, "people, planet, government");
  run_cli (&bad_status, "--db", path, "list", "hubs", "--status", "draft", NULL);
  assert_one_line_error (&bad_status, 2, "active, completed, withdrawn");
  run_cli (&proposals_csv, "--db", path, "list", "proposals", "--csv", NULL);
  assert_one_line_error (&proposals_csv, 2, "--csv");
  run_cli (&hubs_call, "--db", path, "list", "hubs", "--call", "x", NULL);
  assert_one_line_error (&hubs_call, 2, "--call");
}

static void
test_check_and_summary (void)
{
  g_autofree char *path = db_path ("check.sqlite");
  g_autofree char *pdf = db_path ("summary.pdf");
  g_autofree char *data = NULL;
  gsize len = 0;
  g_auto(Run) load = { 0 };
  g_auto(Run) eligible = { 0 };
  g_auto(Run) draft = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) summary = { 0 };
  g_auto(Run) no_out = { 0 };
  g_auto(Run) bad_dir = { 0 };

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&eligible, "--db", path, "check", "Andean Water Funds Hub", NULL);
  g_assert_cmpint (eligible.status, ==, 0);
  g_assert_cmpuint (count_lines (eligible.out), ==, 6);
  g_assert_true (g_str_has_prefix (eligible.out, "✓ Locally driven: Led by Quito."));
  g_assert_null (strstr (eligible.out, "✗"));

  /* The sample's first draft is still being written. */
  run_cli (&draft, "--db", path, "check", "lake victoria blue economy hub", NULL);
  g_assert_cmpint (draft.status, ==, 3);
  g_assert_cmpuint (count_lines (draft.out), ==, 6);
  g_assert_nonnull (strstr (draft.out, "✗ Communication: Describe how the hub and its activities will be disseminated"));
  g_assert_nonnull (strstr (draft.out, "✗ UCLG brand"));

  run_cli (&missing, "--db", path, "check", "No Such Proposal", NULL);
  assert_one_line_error (&missing, 1, "No Such Proposal");

  run_cli (&summary, "--db", path, "summary", "Andean Water Funds Hub", "--out", pdf, NULL);
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  run_cli (&no_out, "--db", path, "summary", "Andean Water Funds Hub", NULL);
  assert_one_line_error (&no_out, 2, "--out");
  run_cli (&bad_dir, "--db", path, "summary", "Andean Water Funds Hub", "--out", "/no/such/folder/x.pdf", NULL);
  assert_one_line_error (&bad_dir, 1, "x.pdf");
  g_assert_false (g_file_test ("/no/such/folder/x.pdf.partial", G_FILE_TEST_EXISTS));
}

static void
test_errors (void)
{
  g_autofree char *path = db_path ("errors.sqlite");
  g_autofree char *junk = db_path ("junk.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) unknown = { 0 };
  g_auto(Run) what = { 0 };
  g_auto(Run) bad_sdg = { 0 };
  g_auto(Run) bad_region = { 0 };
  g_auto(Run) bad_option = { 0 };
  g_auto(Run) no_value = { 0 };
  g_auto(Run) not_db = { 0 };
  g_auto(Run) bad_role = { 0 };
  g_auto(Run) folder = { 0 };

  run_cli (&unknown, "--db", path, "frobnicate", NULL);
  assert_one_line_error (&unknown, 2, "frobnicate");

  run_cli (&what, "--db", path, "list", NULL);
  assert_one_line_error (&what, 2, "list hubs");

  run_cli (&bad_sdg, "--db", path, "list", "hubs", "--sdg", "18", NULL);
  assert_one_line_error (&bad_sdg, 2, "17");

  run_cli (&bad_region, "--db", path, "list", "hubs", "--region", "atlantis", NULL);
  assert_one_line_error (&bad_region, 2, "atlantis");

  run_cli (&bad_option, "--db", path, "list", "hubs", "--colour", NULL);
  assert_one_line_error (&bad_option, 2, "--colour");

  run_cli (&no_value, "--db", NULL);
  assert_one_line_error (&no_value, 2, "--db");

  run_cli (&bad_role, "--db", path, "--role", "mayor", "list", "hubs", NULL);
  assert_one_line_error (&bad_role, 2, "mayor");

  run_cli (&folder, "--db", tmpdir, "list", "hubs", NULL);
  assert_one_line_error (&folder, 1, "folder");

  /* A file that is not a database is refused, unchanged. */
  g_assert_true (g_file_set_contents (junk, "not a database\nat all\n", -1, NULL));
  g_file_get_contents (junk, &before, NULL, NULL);
  run_cli (&not_db, "--db", junk, "list", "hubs", NULL);
  assert_one_line_error (&not_db, 1, "not an SQLite file");
  g_file_get_contents (junk, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  /* None of the failed commands left a database behind but the checked one. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_assign_and_scores (void)
{
  g_autofree char *path = db_path ("assign.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) assign = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) denied = { 0 };
  g_auto(Run) scores = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *proposals;

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&dry, "--db", path, "--role", "secretariat", "assign", "Local4Action HUBs call 2026", "--dry-run", "--json",
           NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, dry.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "dry_run"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "assignments")), ==, 6);

  run_cli (&assign, "--db", path, "--role", "secretariat", "assign", "Local4Action HUBs call 2026", "--per-proposal", "2",
           NULL);
  g_assert_cmpint (assign.status, ==, 0);
  g_assert_nonnull (strstr (assign.out, "4 assignments made."));
  run_cli (&again, "--db", path, "--role", "secretariat", "assign", "Local4Action HUBs call 2026", "--per-proposal", "2",
           NULL);
  g_assert_nonnull (strstr (again.out, "0 assignments made."));

  run_cli (&denied, "--db", path, "--role", "government", "assign", "Local4Action HUBs call 2026", NULL);
  assert_one_line_error (&denied, 1, "World Secretariat");

  /* The sample's closed call has reviews: ranked by mean, disagreement flagged. */
  run_cli (&scores, "--db", path, "--role", "secretariat", "scores", "Local4Action HUBs call 2025", "--json", NULL);
  g_assert_cmpint (scores.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, scores.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  proposals = json_object_get_array_member (root, "proposals");
  g_assert_cmpuint (json_array_get_length (proposals), >=, 2);
  for (guint i = 1; i < json_array_get_length (proposals); i++)
    {
      JsonObject *prev = json_array_get_object_element (proposals, i - 1);
      JsonObject *cur = json_array_get_object_element (proposals, i);

      if (!json_object_get_null_member (cur, "mean"))
        g_assert_cmpfloat (json_object_get_double_member (prev, "mean"), >=,
                           json_object_get_double_member (cur, "mean"));
      g_assert_cmpint (json_object_get_int_member (cur, "rank"), ==, i + 1);
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "progress"), "assigned"), >, 0);

  run_cli (&csv, "--db", path, "--role", "secretariat", "scores", "Local4Action HUBs call 2025", "--csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "rank,id,title,government,state,assigned,submitted,mean,median,spread,disagreement"));
  g_assert_cmpuint (count_lines (csv.out), ==, json_array_get_length (proposals) + 1);

  run_cli (&usage, "--db", path, "scores", "Local4Action HUBs call 2025", "--csv", "--json", NULL);
  assert_one_line_error (&usage, 2, "--csv");
}

static void
test_list_members_and_reviews (void)
{
  g_autofree char *path = db_path ("members.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) members = { 0 };
  g_auto(Run) reviews = { 0 };
  g_auto(Run) mine = { 0 };
  g_auto(Run) denied = { 0 };
  g_auto(Run) member_proposals = { 0 };
  g_auto(Run) no_call = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  g_autofree char *member_id = NULL;

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&members, "--db", path, "--role", "secretariat", "list", "members", "--json", NULL);
  g_assert_cmpint (members.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, members.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (array, 0),
                                                                         "conflicts")), >, 0);

  /* the secretariat lists a call's reviews, with reviewers */
  run_cli (&reviews, "--db", path, "--role", "secretariat", "list", "reviews", "--call", "Local4Action HUBs call 2025",
           "--json", NULL);
  g_assert_cmpint (reviews.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, reviews.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  /* a copy: the parser's tree goes when it reads the next answer */
  member_id = g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "member"));
  g_assert_nonnull (member_id);

  /* a member lists only what is assigned to them */
  run_cli (&mine, "--db", path, "--role", "member", "--as", member_id, "list", "reviews", "--json", NULL);
  g_assert_cmpint (mine.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, mine.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >=, 1);
  g_assert_cmpuint (json_array_get_length (array), <, 4);

  /* a proposal the member declined says so, in JSON and in the table
   * (the state once read past the end of a list of three words) */
  {
    /* an assignment not reviewed yet (a submitted review is not declined
     * any more), and its member */
    static const char open_assignment[] =
      "FROM assignment a JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
      "WHERE p.state = 'under-review' AND NOT EXISTS (SELECT 1 FROM review r WHERE r.proposal_id = p.id "
      "  AND r.member_id = a.member_id AND r.submitted_at IS NOT NULL) "
      "AND NOT EXISTS (SELECT 1 FROM member_conflict mc WHERE mc.member_id = a.member_id AND mc.proposal_id = p.id) "
      "ORDER BY a.member_id, a.proposal_id LIMIT 1";
    g_autofree char *find_member = g_strconcat ("SELECT a.member_id ", open_assignment, NULL);
    g_autofree char *find_proposal = g_strconcat ("SELECT a.proposal_id ", open_assignment, NULL);
    g_autofree char *decliner = l4a_test_sql_text (path, find_member);
    g_autofree char *proposal = l4a_test_sql_text (path, find_proposal);
    g_autofree char *decline = NULL;
    g_auto(Run) declined = { 0 };
    g_auto(Run) table = { 0 };
    gboolean found = FALSE;

    g_assert_nonnull (proposal);
    decline = g_strdup_printf ("UPDATE assignment SET declined_at = '2026-01-05T10:00:00Z', "
                               "decline_reason = 'A conflict of interest' "
                               "WHERE member_id = '%s' AND proposal_id = '%s'", decliner, proposal);
    l4a_test_sql_exec (path, decline);
    run_cli (&declined, "--db", path, "--role", "member", "--as", decliner, "list", "reviews", "--json", NULL);
    g_assert_cmpint (declined.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, declined.out, -1, &error));
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *row = json_array_get_object_element (array, i);

        if (g_strcmp0 (json_object_get_string_member (row, "proposal"), proposal) == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (row, "review"), ==, "declined");
            found = TRUE;
          }
        else
          g_assert_true (l4a_enum_is_valid (L4A_TYPE_REVIEW_STATE, json_object_get_string_member (row, "review")));
      }
    g_assert_true (found);
    run_cli (&table, "--db", path, "--role", "member", "--as", decliner, "list", "reviews", NULL);
    g_assert_cmpint (table.status, ==, 0);
    g_assert_nonnull (strstr (table.out, "declined"));
  }

  run_cli (&member_proposals, "--db", path, "--role", "member", "--as", member_id, "list", "proposals", NULL);
  assert_one_line_error (&member_proposals, 1, "list reviews");
  run_cli (&denied, "--db", path, "--role", "government", "list", "members", NULL);
  assert_one_line_error (&denied, 1, "World Secretariat");
  run_cli (&no_call, "--db", path, "--role", "secretariat", "list", "reviews", NULL);
  assert_one_line_error (&no_call, 2, "--call");
}

/* The words for keys: keys, enrol, import of the request, roster, approve
 * by fingerprint, verify (changing nothing), revoke, rotation. */
static void
test_keys (void)
{
  g_autofree char *office = db_path ("keys-office.sqlite");
  g_autofree char *city = db_path ("keys-city.sqlite");
  g_autofree char *request = db_path ("keys-request.l4a.json");
  g_autofree char *submission = db_path ("keys-submission.l4a.json");
  g_autofree char *registry = db_path ("keys-registry.l4a.json");
  g_autofree char *government = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *office_fingerprint = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) load = { 0 };
  g_auto(Run) keys = { 0 };
  g_auto(Run) office_keys = { 0 };
  g_auto(Run) enrol = { 0 };
  g_auto(Run) enrol_secretariat = { 0 };
  g_auto(Run) take = { 0 };
  g_auto(Run) roster = { 0 };
  g_auto(Run) approve = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) registry_out = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) verify_json = { 0 };
  g_auto(Run) revoke = { 0 };
  g_auto(Run) denied = { 0 };
  g_auto(Run) rotate = { 0 };

  run_cli (&load, "--db", office, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  government = l4a_test_sql_text (office, "SELECT id FROM government ORDER BY name LIMIT 1");

  /* the city's key, read aloud */
  run_cli (&keys, "--db", city, "keys", NULL);
  g_assert_cmpint (keys.status, ==, 0);
  g_assert_true (g_str_has_prefix (keys.out, "Fingerprint: "));
  fingerprint = g_strndup (keys.out + strlen ("Fingerprint: "), 39);
  g_assert_true (g_regex_match_simple ("^([0-9A-F]{4} ){7}[0-9A-F]{4}$", fingerprint, 0, 0));

  /* the secretariat does not ask to be enrolled; the city does */
  run_cli (&enrol_secretariat, "--db", city, "--role", "secretariat", "enrol", "--out", request, NULL);
  assert_one_line_error (&enrol_secretariat, 1, "Preferences");
  run_cli (&enrol, "--db", city, "--role", "government", "--as", government, "enrol", "--out", request, NULL);
  g_assert_cmpint (enrol.status, ==, 0);
  g_assert_nonnull (strstr (enrol.out, fingerprint));

  /* the secretariat takes it as waiting, and approves it by fingerprint */
  run_cli (&take, "--db", office, "--role", "secretariat", "import", request, NULL);
  g_assert_cmpint (take.status, ==, 0);
  run_cli (&roster, "--db", office, "--role", "secretariat", "roster", "--json", NULL);
  g_assert_cmpint (roster.status, ==, 0);
  g_assert_nonnull (strstr (roster.out, "\"pending\""));
  run_cli (&approve, "--db", office, "--role", "secretariat", "approve", fingerprint, NULL);
  g_assert_cmpint (approve.status, ==, 0);
  g_assert_true (g_str_has_prefix (approve.out, "Approved key "));

  /* the city takes the registry on first contact, then sends a submission
   * the secretariat can verify without a change */
  run_cli (&registry_out, "--db", office, "--role", "secretariat", "export", "--kind", "registry", "--out",
           registry, NULL);
  g_assert_cmpint (registry_out.status, ==, 0);
  run_cli (&office_keys, "--db", office, "keys", NULL);
  office_fingerprint = g_strndup (office_keys.out + strlen ("Fingerprint: "), 39);
  run_cli (&first, "--db", city, "--role", "government", "--as", government, "import", "--trust",
           office_fingerprint, registry, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (&export, "--db", city, "--role", "government", "--as", government, "export", "--kind", "submission",
           "--out", submission, NULL);
  g_assert_cmpint (export.status, ==, 0);
  before = l4a_test_sql_text (office, "SELECT group_concat(public_key || status) FROM roster_key");
  run_cli (&verify, "--db", office, "--role", "secretariat", "verify", submission, NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, "Signed by "));
  g_assert_nonnull (strstr (verify.out, fingerprint));
  g_assert_nonnull (strstr (verify.out, "Sealed for key "));
  run_cli (&verify_json, "--db", office, "--role", "secretariat", "verify", "--json", submission, NULL);
  g_assert_cmpint (verify_json.status, ==, 0);
  g_assert_nonnull (strstr (verify_json.out, "\"trusted\" : true"));
  after = l4a_test_sql_text (office, "SELECT group_concat(public_key || status) FROM roster_key");
  g_assert_cmpstr (before, ==, after);

  /* revoked: only by the secretariat; then the city's bundles are refused */
  run_cli (&denied, "--db", office, "--role", "government", "--as", government, "revoke", fingerprint, NULL);
  assert_one_line_error (&denied, 1, "World Secretariat");
  run_cli (&revoke, "--db", office, "--role", "secretariat", "revoke", fingerprint, NULL);
  g_assert_cmpint (revoke.status, ==, 0);
  g_assert_true (g_str_has_prefix (revoke.out, "Revoked key "));

  /* the secretariat's key rotated: a new fingerprint */
  run_cli (&rotate, "--db", office, "--role", "secretariat", "keys", "--rotate", NULL);
  g_assert_cmpint (rotate.status, ==, 0);
  g_assert_null (strstr (rotate.out, office_fingerprint));
}

static void
test_validate (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "sample.json", NULL);
  g_autofree char *broken = db_path ("broken.l4a.json");
  g_autofree char *text = NULL;
  g_autofree char *db = db_path ("never-created.sqlite");
  g_auto(Run) valid = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) usage = { 0 };
  char *name;

  /* the sample data is the application's own, and not signed: as a file
   * from elsewhere, it proves nothing of who wrote it */
  run_cli (&valid, "--db", db, "validate", sample, NULL);
  assert_one_line_error (&valid, 1, "not signed");

  /* one changed letter breaks the checksum */
  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  name = strstr (text, "\"Soria\"");
  g_assert_nonnull (name);
  name[1] = 'Z';
  g_assert_true (g_file_set_contents (broken, text, -1, NULL));
  run_cli (&invalid, "--db", db, "validate", broken, NULL);
  assert_one_line_error (&invalid, 1, "checksum");

  run_cli (&usage, "validate", NULL);
  assert_one_line_error (&usage, 2, "bundle");

  /* validating never opens the database */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* a full export validates */
  {
    g_autofree char *source = db_path ("export.sqlite");
    g_autofree char *out = db_path ("export.l4a.json");
    g_auto(Run) load = { 0 };
    g_auto(Run) export = { 0 };
    g_auto(Run) check = { 0 };
    g_auto(Run) denied = { 0 };

    run_cli (&load, "--db", source, "sample", NULL);
    g_assert_cmpint (load.status, ==, 0);
    run_cli (&denied, "--db", source, "--role", "government", "export", "--kind", "full", "--out", out, NULL);
    assert_one_line_error (&denied, 1, "World Secretariat");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    run_cli (&export, "--db", source, "--role", "secretariat", "export", "--kind", "full", "--out", out, NULL);
    g_assert_cmpint (export.status, ==, 0);
    g_assert_nonnull (strstr (export.out, "Wrote a full bundle"));
    run_cli (&check, "validate", out, NULL);
    g_assert_cmpint (check.status, ==, 0);
    g_assert_true (g_str_has_prefix (check.out, "Valid full bundle: "));
    g_assert_nonnull (strstr (check.out, "Signed with key "));

    /* the preview: into its own database nothing changes; into an empty one, all is added */
    {
      g_autofree char *empty = db_path ("import-empty.sqlite");
      g_auto(Run) same = { 0 };
      g_auto(Run) fresh = { 0 };
      g_auto(Run) no_dry = { 0 };
      g_autofree char *fingerprint = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *counts;

      run_cli (&same, "--db", source, "import", "--dry-run", out, NULL);
      g_assert_cmpint (same.status, ==, 0);
      g_assert_nonnull (strstr (same.out, "0 to add, 0 to update, "));
      g_assert_nonnull (strstr (same.out, "0 newer here, 0 in conflict."));
      /* first contact: refused until the secretariat's fingerprint is given */
      {
        g_auto(Run) keys = { 0 };
        g_auto(Run) first = { 0 };
        g_auto(Run) wrong = { 0 };

        run_cli (&keys, "--db", source, "keys", NULL);
        g_assert_cmpint (keys.status, ==, 0);
        g_assert_true (g_str_has_prefix (keys.out, "Fingerprint: "));
        fingerprint = g_strndup (keys.out + strlen ("Fingerprint: "), 39);
        run_cli (&first, "--db", empty, "import", "--dry-run", out, NULL);
        assert_one_line_error (&first, 1, "does not know the secretariat’s key yet");
        run_cli (&wrong, "--db", empty, "import", "--dry-run", "--trust", "0000 1111 2222", out, NULL);
        assert_one_line_error (&wrong, 1, "not with the key whose fingerprint you gave");
      }
      run_cli (&fresh, "--db", empty, "import", "--dry-run", "--json", "--trust", fingerprint, out, NULL);
      g_assert_cmpint (fresh.status, ==, 0);
      /* a preview confirms nothing for good */
      g_assert_cmpint (l4a_test_sql_int (empty, "SELECT count(*) FROM roster_key"), ==, 0);
      g_assert_true (json_parser_load_from_data (parser, fresh.out, -1, NULL));
      counts = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "counts");
      g_assert_cmpint (json_object_get_int_member (counts, "add"), >, 500);
      g_assert_cmpint (json_object_get_int_member (counts, "same"), ==, 0);
      run_cli (&no_dry, "--db", empty, "import", "--trust", fingerprint, out, NULL);
      g_assert_cmpint (no_dry.status, ==, 0);
      g_assert_nonnull (strstr (no_dry.out, "Imported: "));

      /* a second time, nothing to do */
      {
        g_auto(Run) again = { 0 };
        g_auto(Run) both = { 0 };
        g_auto(Run) packet = { 0 };

        run_cli (&again, "--db", empty, "import", out, NULL);
        g_assert_cmpint (again.status, ==, 0);
        g_assert_nonnull (strstr (again.out, "imported already"));
        g_assert_nonnull (strstr (again.out, "Imported: 0 records written."));
        run_cli (&both, "--db", empty, "import", "--keep-mine", "--take-theirs", out, NULL);
        assert_one_line_error (&both, 2, "--keep-mine");
        /* a review packet is for one member */
        run_cli (&packet, "--db", source, "export", "--kind", "review-packet", "--out", out, NULL);
        assert_one_line_error (&packet, 1, "board member");
      }
    }
  }
}

static void
test_chart (void)
{
  g_autofree char *db = db_path ("chart.sqlite");
  g_autofree char *svg = db_path ("sdg.svg");
  g_autofree char *png = db_path ("indicator.png");
  g_autofree char *indicator = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) load = { 0 };
  g_auto(Run) draw = { 0 };
  g_auto(Run) progress = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(GStrv) names = NULL;

  run_cli (&list, "chart", "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  names = g_strsplit (g_strstrip (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (names), ==, 9);
  g_assert_true (g_strv_contains ((const char * const *) names, "hubs-by-sdg"));
  g_assert_true (g_strv_contains ((const char * const *) names, "deliverables-by-status"));
  g_assert_true (g_strv_contains ((const char * const *) names, "activities-per-quarter"));

  run_cli (&load, "--db", db, "sample", NULL);
  run_cli (&draw, "--db", db, "chart", "hubs-by-sdg", "--out", svg, NULL);
  g_assert_cmpint (draw.status, ==, 0);
  g_assert_true (g_file_test (svg, G_FILE_TEST_EXISTS));

  indicator = l4a_test_sql_text (db, "SELECT indicator_id FROM measurement LIMIT 1");
  run_cli (&progress, "--db", db, "chart", "indicator", "--indicator", indicator, "--scale", "2", "--out", png, NULL);
  g_assert_cmpint (progress.status, ==, 0);
  /* the verdict, and how it was reached */
  g_assert_true (g_str_has_prefix (progress.out, "On track") || g_str_has_prefix (progress.out, "Off track") ||
                 g_str_has_prefix (progress.out, "Target reached") || g_str_has_prefix (progress.out, "No "));

  run_cli (&wrong, "--db", db, "chart", "hubs-by-sdg", "--out", "chart.gif", NULL);
  assert_one_line_error (&wrong, 1, ".png, .svg or .pdf");
  run_cli (&unknown, "--db", db, "chart", "pie", "--out", svg, NULL);
  assert_one_line_error (&unknown, 1, "chart --list");
}

/* Names that came in a bundle are data: printed to a terminal they must
 * not move the cursor, retitle the window or reverse what follows; in a
 * CSV they must not run as a formula; in JSON they stay as they are. */
static void
test_hostile_output (void)
{
  g_autofree char *path = db_path ("hostile-output.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) json = { 0 };
  sqlite3 *db;

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE hub SET name = 'Evil' || char (27) || ']0;pwned' || char (7) || "
                                     "char (27) || '[2J' || char (8238) || 'buH' || char (155) || '31m' "
                                     "WHERE name = 'Care Blocks Hub'; "
                                     "UPDATE government SET name = '=HYPERLINK(\"http://x\",\"y\")' "
                                     "WHERE name = 'Bogotá'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (&table, "--db", path, "list", "hubs", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_null (strchr (table.out, 27));
  g_assert_null (strchr (table.out, 7));
  g_assert_null (strchr (table.out, 8));
  g_assert_null (strstr (table.out, "\xe2\x80\xae"));  /* U+202E */
  g_assert_null (strstr (table.out, "\xc2\x9b"));      /* U+009B, a C1 escape */
  g_assert_nonnull (strstr (table.out, "Evil\xef\xbf\xbd]0;pwned"));
  g_assert_true (g_utf8_validate (table.out, -1, NULL));

  run_cli (&csv, "--db", path, "list", "hubs", "--csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "\"'=HYPERLINK("));
  g_assert_null (strstr (csv.out, ",=HYPERLINK"));
  g_assert_null (strstr (csv.out, ",\"=HYPERLINK"));

  /* JSON keeps the name exactly, escaped as JSON escapes */
  run_cli (&json, "--db", path, "list", "hubs", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (g_utf8_validate (json.out, -1, NULL));
  g_assert_null (strchr (json.out, 27));
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *hubs;
    gboolean found = FALSE;

    g_assert_true (json_parser_load_from_data (parser, json.out, -1, NULL));
    hubs = json_node_get_array (json_parser_get_root (parser));
    for (guint i = 0; i < json_array_get_length (hubs); i++)
      found |= g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (hubs, i), "name"),
                                 "Evil\x1b]0;pwned\x07");
    g_assert_true (found);
  }
}

/* check and summary show a government only its own proposals, and a board
 * member only what is assigned to them, as list does. */
static void
test_roles_in_reads (void)
{
  g_autofree char *path = db_path ("roles-reads.sqlite");
  g_autofree char *pdf = db_path ("roles-reads.pdf");
  g_autofree char *proposal = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *other = NULL;
  g_autofree char *member = NULL;
  g_auto(Run) load = { 0 };
  g_auto(Run) own = { 0 };
  g_auto(Run) foreign = { 0 };
  g_auto(Run) foreign_summary = { 0 };
  g_auto(Run) unassigned = { 0 };
  g_auto(Run) secretariat = { 0 };

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  proposal = l4a_test_sql_text (path, "SELECT p.id FROM proposal p JOIN government g ON g.id = p.government_id "
                                      "WHERE g.name = 'Quito' ORDER BY p.id LIMIT 1");
  owner = l4a_test_sql_text (path, "SELECT id FROM government WHERE name = 'Quito'");
  other = l4a_test_sql_text (path, "SELECT id FROM government WHERE name = 'Jalisco'");
  member = l4a_test_sql_text (path, "SELECT id FROM member ORDER BY id LIMIT 1");

  run_cli (&own, "--db", path, "--role", "government", "--as", owner, "check", proposal, NULL);
  g_assert_cmpint (own.status, !=, 1);
  g_assert_nonnull (strstr (own.out, "Locally driven"));

  run_cli (&foreign, "--db", path, "--role", "government", "--as", other, "check", proposal, NULL);
  assert_one_line_error (&foreign, 1, "not open to this workstation");
  g_assert_cmpstr (foreign.out, ==, "");

  run_cli (&foreign_summary, "--db", path, "--role", "government", "--as", other, "summary", proposal,
           "--out", pdf, NULL);
  assert_one_line_error (&foreign_summary, 1, "not open to this workstation");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* nothing is assigned yet in this database */
  run_cli (&unassigned, "--db", path, "--role", "member", "--as", member, "check", proposal, NULL);
  assert_one_line_error (&unassigned, 1, "not open to this workstation");

  run_cli (&secretariat, "--db", path, "--role", "secretariat", "summary", proposal, "--out", pdf, NULL);
  g_assert_cmpint (secretariat.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A database this user may only read is still read, and nothing is
 * written to it: run as "nobody" on a file and folder owned by root. */
static void
test_read_only_database (void)
{
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autofree char *folder = db_path ("read-only");
  g_autofree char *path = g_build_filename (folder, "hubs.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bundle = NULL;
  g_auto(Run) load = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) write = { 0 };

  if (geteuid () != 0 || setpriv == NULL)
    {
      g_test_skip ("needs root and setpriv to act as another user");
      return;
    }
  {
    /* the build may lie where "nobody" cannot reach (under /root) */
    g_auto(Run) probe = { 0 };

    run_cli (&probe, "--as-user-nobody", "--version", NULL);
    if (probe.status != 0)
      {
        g_test_skip ("the user nobody cannot run the build from where it lies");
        return;
      }
  }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (tmpdir, 0755), ==, 0);
  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  bundle = db_path ("read-only-registry.l4a.json");
  run_cli (&export, "--db", path, "export", "--kind", "registry", "--out", bundle, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (bundle, 0444), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* "nobody" reads: the hubs are there */
  run_cli (&list, "--db", path, "--as-user-nobody", "list", "hubs", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Rural Resilience"));

  /* and cannot write: one line, nothing changed, no file beside it */
  run_cli (&write, "--db", path, "--as-user-nobody", "import", "--keep-mine", bundle, NULL);
  g_assert_cmpint (write.status, ==, 1);
  g_assert_nonnull (strstr (write.err, "read"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (g_strcmp0 (before, after) == 0);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

/* The VLR annex from the command line: one hub's indicators, or every
 * hub's, as the window writes them; unknown hubs and usage errors said. */
/* What hubs report: activities and deliverables of one hub or all, as a
 * table or JSON, and the network's meetings as an iCalendar file. */
static void
test_monitoring (void)
{
  g_autofree char *db = db_path ("monitoring.sqlite");
  g_autofree char *ics = db_path ("network.ics");
  g_autofree char *text = NULL;
  g_auto(Run) load = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) deliverables = { 0 };
  g_auto(Run) events = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint vevents = 0;

  run_cli (&load, "--db", db, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&table, "--db", db, "list", "activities", "--hub", "Care Blocks Hub", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Launch workshop with partners"));
  g_assert_nonnull (strstr (table.out, "Training"));

  run_cli (&json, "--db", db, "list", "activities", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpint (json_array_get_length (array), ==,
                   l4a_test_sql_int (db, "SELECT count(*) FROM activity"));

  run_cli (&deliverables, "--db", db, "list", "deliverables", "--json", NULL);
  g_assert_cmpint (deliverables.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, deliverables.out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpint (json_array_get_length (array), ==,
                   l4a_test_sql_int (db, "SELECT count(*) FROM deliverable WHERE hub_id IS NOT NULL"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *d = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (d, "status"), "done"))
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "history")), >, 0);
    }

  run_cli (&events, "--db", db, "events", "--ics", "--out", ics, NULL);
  g_assert_cmpint (events.status, ==, 0);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    vevents++;
  g_assert_cmpint (vevents, ==, l4a_test_sql_int (db, "SELECT count(*) FROM network_event"));
  g_assert_cmpuint (vevents, >, 0);
  run_cli (&listed, "--db", db, "events", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "Venice Solutions Forum 2026"));

  {
    g_auto(Run) reports = { 0 };

    run_cli (&reports, "--db", db, "list", "reports", "--hub", "Care Blocks Hub", "--json", NULL);
    g_assert_cmpint (reports.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, reports.out, -1, &error));
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *r = json_array_get_object_element (array, i);

        g_assert_cmpstr (json_object_get_string_member (r, "hub"), ==, "Care Blocks Hub");
        g_assert_cmpstr (json_object_get_string_member (r, "due_on"), >, json_object_get_string_member (r, "period_end"));
      }
  }
  run_cli (&unknown, "--db", db, "list", "deliverables", "--hub", "No Such Hub", NULL);
  assert_one_line_error (&unknown, 1, "No Such Hub");
  run_cli (&usage, "--db", db, "events", "--ics", NULL);
  assert_one_line_error (&usage, 2, "--ics --out");
}

static void
test_vlr (void)
{
  g_autofree char *db = db_path ("vlr.sqlite");
  g_autofree char *csv = db_path ("all.csv");
  g_autofree char *text = NULL;
  g_auto(Run) load = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) all = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) hubs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  run_cli (&load, "--db", db, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  run_cli (&one, "--db", db, "vlr", "Care Blocks Hub", NULL);
  g_assert_cmpint (one.status, ==, 0);
  lines = g_strsplit (one.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Hub,Goal,Target,Indicator code,Indicator"));
  g_assert_nonnull (lines[1]);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], "Care Blocks Hub,"));

  run_cli (&all, "--db", db, "vlr", "--all", "--out", csv, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_hash_table_add (hubs, g_strndup (lines[i], strcspn (lines[i], ",")));
  g_assert_cmpuint (g_hash_table_size (hubs), >, 5);
  g_assert_true (g_hash_table_contains (hubs, "Care Blocks Hub"));

  run_cli (&unknown, "--db", db, "vlr", "No Such Hub", NULL);
  assert_one_line_error (&unknown, 1, "No Such Hub");
  run_cli (&usage, "--db", db, "vlr", NULL);
  assert_one_line_error (&usage, 2, "vlr HUB");
}

/* Decision letters from the command line: in the language of the
 * government's country unless asked in another; refused before release. */
static void
test_letter (void)
{
  g_autofree char *db = db_path ("letter.sqlite");
  g_autofree char *fr = db_path ("letter-fr.pdf");
  g_autofree char *es = db_path ("letter-es.pdf");
  g_autofree char *en = db_path ("letter-en.pdf");
  g_autofree char *none = db_path ("letter-none.pdf");
  g_auto(Run) load = { 0 };
  g_auto(Run) french = { 0 };
  g_auto(Run) spanish = { 0 };
  g_auto(Run) english = { 0 };
  g_auto(Run) unreleased = { 0 };
  g_auto(Run) member = { 0 };
  struct { const char *path, *words; } expected[] = {
    { NULL, "Le Secrétariat mondial, sur l’avis du Conseil consultatif, vous demande de réviser" },
    { NULL, "ha otorgado a su propuesta el sello HUB Local4Action" },
    { NULL, "asks you to revise your proposal" },
  };

  expected[0].path = fr;
  expected[1].path = es;
  expected[2].path = en;
  run_cli (&load, "--db", db, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  /* Dakar (Senegal): French; Bogotá (Colombia): Spanish */
  run_cli (&french, "--db", db, "--role", "secretariat", "letter", "Sustainable Mobility Corridors Hub", "--out", fr,
           NULL);
  g_assert_cmpint (french.status, ==, 0);
  run_cli (&spanish, "--db", db, "--role", "secretariat", "letter", "Care Blocks Hub", "--out", es, NULL);
  g_assert_cmpint (spanish.status, ==, 0);
  run_cli (&english, "--db", db, "--role", "secretariat", "letter", "Sustainable Mobility Corridors Hub",
           "--language", "en", "--out", en, NULL);
  g_assert_cmpint (english.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *argv[] = { "pdftotext", expected[i].path, "-", NULL };
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) joined = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, &status, &error));
      g_assert_no_error (error);
      /* the words as read, lines joined */
      joined = g_string_new (text);
      g_string_replace (joined, "\n", " ", 0);
      if (strstr (joined->str, expected[i].words) == NULL)
        g_error ("“%s” is not in %s: %s", expected[i].words, expected[i].path, joined->str);
    }

  run_cli (&unreleased, "--db", db, "--role", "secretariat", "letter", "Andean Water Funds Hub", "--out", none, NULL);
  assert_one_line_error (&unreleased, 1, "released");
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  run_cli (&member, "--db", db, "--role", "member", "letter", "Care Blocks Hub", "--out", none, NULL);
  g_assert_cmpint (member.status, !=, 0);
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
}

/* Every submitted review's score on each criterion: as many lines as
 * reviews times criteria, the same reviews the ranking counts; JSON too;
 * the secretariat's only. */
static void
test_scores_per_criterion (void)
{
  g_autofree char *db = db_path ("per-criterion.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) ranking = { 0 };
  g_auto(Run) government = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *reviews, *proposals;
  guint lines = 0, submitted = 0;
  const char *call = "Local4Action HUBs call 2025";

  run_cli (&load, "--db", db, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  run_cli (&csv, "--db", db, "--role", "secretariat", "scores", call, "--per-criterion", "--csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "proposal_id,proposal,reviewer,criterion,weight,"));
  lines = count_lines (csv.out) - 1;
  run_cli (&json, "--db", db, "--role", "secretariat", "scores", call, "--per-criterion", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  reviews = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "reviews");
  g_assert_cmpuint (json_array_get_length (reviews), >, 0);
  {
    guint n_scores = 0;

    for (guint i = 0; i < json_array_get_length (reviews); i++)
      {
        JsonObject *review = json_array_get_object_element (reviews, i);

        n_scores += json_array_get_length (json_object_get_array_member (review, "scores"));
        g_assert_true (json_object_has_member (review, "reviewer"));
      }
    g_assert_cmpuint (n_scores, ==, lines);
  }
  /* the same reviews as the ranking counts */
  run_cli (&ranking, "--db", db, "--role", "secretariat", "scores", call, "--json", NULL);
  g_assert_cmpint (ranking.status, ==, 0);
  {
    g_autoptr(JsonParser) other = json_parser_new ();

    g_assert_true (json_parser_load_from_data (other, ranking.out, -1, NULL));
    proposals = json_object_get_array_member (json_node_get_object (json_parser_get_root (other)), "proposals");
    for (guint i = 0; i < json_array_get_length (proposals); i++)
      submitted += (guint) json_object_get_int_member (json_array_get_object_element (proposals, i), "submitted");
    g_assert_cmpuint (submitted, ==, json_array_get_length (reviews));
  }
  run_cli (&government, "--db", db, "--role", "government", "scores", call, "--per-criterion", NULL);
  assert_one_line_error (&government, 1, "World Secretariat");
}

/* The committee packet: the ranking, each proposal's summary and scores,
 * reviewers numbered and never named; the secretariat's only. */
static void
test_packet (void)
{
  g_autofree char *db = db_path ("packet.sqlite");
  g_autofree char *pdf = db_path ("packet.pdf");
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(Run) load = { 0 };
  g_auto(Run) packet = { 0 };
  g_auto(Run) government = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  int status = 0;

  run_cli (&load, "--db", db, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  /* a submitted meta-review stands under its proposal's scores */
  l4a_test_sql_exec (db, "INSERT INTO meta_review (id, proposal_id, member_id, proposal_version, digest, "
                         "  recommendation, body, submitted_at, created_at, updated_at, origin) "
                         "SELECT 'b0f3c0de-0000-4000-8000-0000000000aa', p.id, a.member_id, p.version, '[]', 'grant', "
                         "  'The Board agrees on the heat plan.', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', "
                         "  '2026-02-01T00:00:00Z', 'here' "
                         "FROM proposal p JOIN assignment a ON a.proposal_id = p.id "
                         "WHERE p.title = 'Heat Action Planning Hub' ORDER BY a.member_id LIMIT 1");
  run_cli (&packet, "--db", db, "--role", "secretariat", "packet", "Local4Action HUBs call 2025", "--out", pdf, NULL);
  g_assert_cmpint (packet.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Heat Action Planning Hub: scores"));
  g_assert_nonnull (strstr (text, "Reviewer 1"));
  g_assert_nonnull (strstr (text, "Outcome proposed"));
  g_assert_nonnull (strstr (text, "The six key features"));
  /* the ranking raw and calibrated; the meta-review */
  g_assert_nonnull (strstr (text, "Calibrated"));
  g_assert_nonnull (strstr (text, "Meta-review by the lead reviewer"));
  g_assert_nonnull (strstr (text, "The Board agrees on the heat plan."));
  /* no reviewer's name anywhere */
  run_cli (&list, "--db", db, "--role", "secretariat", "list", "members", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *array;

    g_assert_true (json_parser_load_from_data (parser, list.out, -1, NULL));
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), >, 0);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        const char *name = json_object_get_string_member (json_array_get_object_element (array, i), "name");

        if (strstr (text, name) != NULL)
          g_error ("The packet names the reviewer %s", name);
      }
  }
  run_cli (&government, "--db", db, "--role", "government", "packet", "Local4Action HUBs call 2025", "--out", pdf,
           NULL);
  assert_one_line_error (&government, 1, "World Secretariat");

  /* in French and Spanish */
  {
    static const char * const words[][3] = {
      { "fr", "Calibrée", "Méta-évaluation du rapporteur" },
      { "es", "Calibrada", "Metaevaluación del ponente" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        g_auto(Run) translated = { 0 };
        g_autofree char *translated_text = NULL;

        run_cli (&translated, "--db", db, "--role", "secretariat", "packet", "Local4Action HUBs call 2025",
                 "--language", words[i][0], "--out", pdf, NULL);
        g_assert_cmpint (translated.status, ==, 0);
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                     NULL, NULL, &translated_text, NULL, &status, &error));
        g_assert_no_error (error);
        if (strstr (translated_text, words[i][1]) == NULL || strstr (translated_text, words[i][2]) == NULL)
          g_error ("the %s packet lacks “%s” or “%s”", words[i][0], words[i][1], words[i][2]);
      }
  }
}

/* A bundle is never written in the name of someone this database does not
 * know; nothing is written. */
static void
test_export_unknown_identity (void)
{
  g_autofree char *db = db_path ("nobody.sqlite");
  g_autofree char *out = db_path ("nobody.l4a.json");
  g_auto(Run) load = { 0 };
  g_auto(Run) member = { 0 };
  g_auto(Run) government = { 0 };
  g_auto(Run) enrolment = { 0 };

  run_cli (&load, "--db", db, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);
  run_cli (&member, "--db", db, "--role", "member", "--as", "00000000-0000-4000-8000-000000000000", "export",
           "--kind", "reviews", "--out", out, NULL);
  assert_one_line_error (&member, 1, "not in this database");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_cli (&government, "--db", db, "--role", "government", "--as", "00000000-0000-4000-8000-000000000000",
           "export", "--kind", "submission", "--out", out, NULL);
  assert_one_line_error (&government, 1, "not in this database");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* asking to be known is how one becomes known */
  run_cli (&enrolment, "--db", db, "--role", "government", "--as", "00000000-0000-4000-8000-000000000000",
           "enrol", "--out", out, NULL);
  g_assert_cmpint (enrolment.status, ==, 0);
}

/* Governments are found by the words of their names or countries, as the
 * windows' government rows find them. */
static void
test_list_governments (void)
{
  g_autofree char *path = db_path ("governments.sqlite");
  g_auto(Run) load = { 0 };
  g_auto(Run) spain = { 0 };
  g_auto(Run) bogota = { 0 };
  g_auto(Run) all = { 0 };
  g_auto(Run) wrong = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  run_cli (&load, "--db", path, "sample", NULL);
  g_assert_cmpint (load.status, ==, 0);

  run_cli (&spain, "--db", path, "list", "governments", "--search", "SPAIN", "--json", NULL);
  g_assert_cmpint (spain.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, spain.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"), ==,
                   "Àrea Metropolitana de Barcelona");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "country"), ==, "ES");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "hubs"), ==, 1);

  /* accents aside, in a table */
  run_cli (&bogota, "--db", path, "list", "governments", "--search", "bogota", NULL);
  g_assert_cmpint (bogota.status, ==, 0);
  g_assert_nonnull (strstr (bogota.out, "Bogotá"));
  g_assert_cmpuint (count_lines (bogota.out), ==, 2);

  /* every one without words: a header and a line each */
  run_cli (&all, "--db", path, "list", "governments", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpuint (count_lines (all.out), ==, 1 + 22);

  /* the hubs' filters are not the governments' */
  run_cli (&wrong, "--db", path, "list", "governments", "--region", "europe", NULL);
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_nonnull (strstr (wrong.err, "takes --search and --json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/version", test_version);
  g_test_add_func ("/core/cli/help", test_help);
  g_test_add_func ("/core/cli/sample-and-list", test_sample_and_list);
  g_test_add_func ("/core/cli/list-filters", test_list_filters);
  g_test_add_func ("/core/cli/list-hub-options", test_list_hub_options);
  g_test_add_func ("/core/cli/check-and-summary", test_check_and_summary);
  g_test_add_func ("/core/cli/errors", test_errors);
  g_test_add_func ("/core/cli/hostile-output", test_hostile_output);
  g_test_add_func ("/core/cli/roles-in-reads", test_roles_in_reads);
  g_test_add_func ("/core/cli/read-only-database", test_read_only_database);
  g_test_add_func ("/core/cli/assign-and-scores", test_assign_and_scores);
  g_test_add_func ("/core/cli/list-members-and-reviews", test_list_members_and_reviews);
  g_test_add_func ("/core/cli/list-governments", test_list_governments);
  g_test_add_func ("/core/cli/validate", test_validate);
  g_test_add_func ("/core/cli/keys", test_keys);
  g_test_add_func ("/core/cli/chart", test_chart);
  g_test_add_func ("/core/cli/vlr", test_vlr);
  g_test_add_func ("/core/cli/monitoring", test_monitoring);
  g_test_add_func ("/core/cli/letter", test_letter);
  g_test_add_func ("/core/cli/scores-per-criterion", test_scores_per_criterion);
  g_test_add_func ("/core/cli/packet", test_packet);
  g_test_add_func ("/core/cli/export-unknown-identity", test_export_unknown_identity);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-cli-XXXXXX");
}
