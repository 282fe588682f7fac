/* test-sync.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles between workstations: every kind written and read back, what
 * each role may send, merging by what was last agreed, conflicts and their
 * resolutions, idempotence, confidentiality, and a database left exactly
 * as it was by every refused bundle.
 */

#include "config.h"

#include "l4a-call.h"
#include "l4a-store-private.h"

#include <stdarg.h>

#include <string.h>
#include <glib/gstdio.h>

#include "core-test-utils.h"

#include "l4a-review.h"
#include "l4a-registry.h"
#include "l4a-proposal.h"
#include "l4a-member.h"
#include "l4a-clarify.h"
#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-inbox.h"
#include "l4a-monitoring.h"
#include "l4a-links.h"
#include "l4a-reports.h"
#include "l4a-records.h"

static char *tmpdir;

static void
exec_sql (L4aStore   *store,
          const char *sql)
{
  l4a_test_sql_exec (l4a_store_get_path (store), sql);
}

static char *
text_of (L4aStore   *store,
         const char *sql)
{
  return l4a_test_sql_text (l4a_store_get_path (store), sql);
}

/* The same, asked of @store's own connection (with its functions). */
static char *
store_text (L4aStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return l4a_store_column_dup (stmt, 0);
}

static void
sql_assert_text (L4aStore   *store,
                 const char *sql,
                 const char *expected)
{
  g_autofree char *text = l4a_test_sql_text (l4a_store_get_path (store), sql);

  g_assert_cmpstr (text, ==, expected);
}

static L4aStore *
open_empty (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  L4aStore *store = l4a_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Each of the stores takes every other's key as a World Secretariat's, as
 * their users would on first contact. */
static void
trust_all (L4aStore *first,
           ...)
{
  g_autoptr(GPtrArray) stores = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (L4aStore *store = first; store != NULL; store = va_arg (args, L4aStore *))
    g_ptr_array_add (stores, store);
  va_end (args);
  for (guint i = 0; i < stores->len; i++)
    for (guint j = 0; j < stores->len; j++)
      if (i != j)
        l4a_test_trust (g_ptr_array_index (stores, i), g_ptr_array_index (stores, j));
}

static char *
export_to (L4aStore   *store,
          L4aRole     role,
          const char *identity,
          const char *kind,
          const char *for_id)
{
  return l4a_test_export (tmpdir, store, role, identity, kind, for_id);
}

/* Imports the bundle at @path, taking @resolution in conflicts. */
static L4aImportPlan *
import_file (L4aStore            *store,
             const char          *path,
             L4aImportResolution  resolution)
{
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  bundle = l4a_test_open_bundle (store, path, &error);
  g_assert_no_error (error);
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_no_error (error);
  l4a_import_plan_resolve_all (plan, resolution);
  g_assert_true (l4a_import_apply (store, bundle, plan, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&plan);
}

/* Every record of the bundle at @path is in @store, field by field. */
static void
assert_all_present (L4aStore   *store,
                    const char *path)
{
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  bundle = l4a_test_open_bundle (NULL, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->n_records, >, 0);
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->changes->len; i++)
    {
      L4aImportChange *change = g_ptr_array_index (plan->changes, i);

      if (change->action != L4A_IMPORT_SAME)
        g_error ("%s %s is %s", change->type, change->id, l4a_import_action_to_string (change->action));
    }
  g_assert_true (plan->already_imported);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_SAME], ==, bundle->n_records);
}

static L4aImportChange *
find_change (L4aImportPlan *plan,
             const char    *type,
             const char    *id)
{
  for (guint i = 0; i < plan->changes->len; i++)
    {
      L4aImportChange *change = g_ptr_array_index (plan->changes, i);

      if (g_str_equal (change->type, type) && g_strcmp0 (change->id, id) == 0)
        return change;
    }
  return NULL;
}

#define FIRST_MEMBER "SELECT member_id FROM assignment a WHERE EXISTS (SELECT 1 FROM review r WHERE r.member_id = " \
                     "a.member_id AND r.submitted_at IS NOT NULL) ORDER BY member_id LIMIT 1"
#define SUBMITTER "SELECT government_id FROM proposal WHERE state = 'submitted' ORDER BY government_id LIMIT 1"
#define HUB_LEAD "SELECT government_id FROM hub ORDER BY government_id LIMIT 1"

/* Every kind, written and read into a database that has what the kind
 * refers to: the same records, field by field. */
static void
test_kinds_round_trip (void)
{
  g_autoptr(L4aStore) source = l4a_test_open_with_sample (tmpdir, "kinds-source.sqlite");
  g_autoptr(L4aStore) empty = open_empty ("kinds-full.sqlite");
  g_autoptr(L4aStore) office = open_empty ("kinds-office.sqlite");
  g_autoptr(L4aStore) city = open_empty ("kinds-city.sqlite");
  g_autoptr(L4aStore) board = open_empty ("kinds-board.sqlite");
  g_autofree char *member = text_of (source, FIRST_MEMBER);
  g_autofree char *submitter = text_of (source, SUBMITTER);
  g_autofree char *lead = text_of (source, HUB_LEAD);
  g_autofree char *released = text_of (source, "SELECT p.government_id FROM decision d JOIN proposal p ON "
                                                "p.id = d.proposal_id WHERE d.released_at IS NOT NULL LIMIT 1");
  g_autofree char *full = export_to (source, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
  g_autofree char *registry = export_to (source, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_autofree char *decisions = export_to (source, L4A_ROLE_SECRETARIAT, NULL, "decisions", released);
  g_autofree char *packet = export_to (source, L4A_ROLE_SECRETARIAT, NULL, "review-packet", member);
  g_autofree char *submission = export_to (source, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);
  g_autofree char *monitoring = export_to (source, L4A_ROLE_GOVERNMENT, lead, "monitoring", NULL);
  g_autofree char *reviews = export_to (source, L4A_ROLE_MEMBER, member, "reviews", NULL);
  g_autoptr(L4aImportPlan) plan = NULL;

  trust_all (source, empty, office, city, board, NULL);
  plan = import_file (empty, full, L4A_RESOLVE_MINE);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_ADD], >, 500);
  assert_all_present (empty, full);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* the secretariat's office: registry, then a city's submission */
  plan = import_file (office, registry, L4A_RESOLVE_MINE);
  assert_all_present (office, registry);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), "SELECT count(*) FROM proposal"), ==, 0);
  g_clear_pointer (&plan, l4a_import_plan_free);
  plan = import_file (office, submission, L4A_RESOLVE_MINE);
  assert_all_present (office, submission);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), "SELECT count(*) FROM proposal"), >, 0);
  g_clear_pointer (&plan, l4a_import_plan_free);
  plan = import_file (office, monitoring, L4A_RESOLVE_MINE);
  assert_all_present (office, monitoring);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* a city: its released decisions */
  plan = import_file (city, decisions, L4A_RESOLVE_MINE);
  assert_all_present (city, decisions);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (city), "SELECT count(*) FROM decision"), >, 0);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* a board member: the packet, then their own reviews read back */
  plan = import_file (board, packet, L4A_RESOLVE_MINE);
  assert_all_present (board, packet);
  g_clear_pointer (&plan, l4a_import_plan_free);
  plan = import_file (board, reviews, L4A_RESOLVE_MINE);
  assert_all_present (board, reviews);
}

/* Changed here only, there only, on both sides; each resolution; the
 * same bundle twice. */
static void
test_merge (void)
{
  g_autoptr(L4aStore) here = l4a_test_open_with_sample (tmpdir, "merge-here.sqlite");
  g_autoptr(L4aStore) there = l4a_test_open_with_sample (tmpdir, "merge-there.sqlite");
  g_autoptr(L4aStore) third = l4a_test_open_with_sample (tmpdir, "merge-third.sqlite");
  g_autofree char *both = text_of (here, "SELECT id FROM hub ORDER BY id LIMIT 1");
  g_autofree char *theirs_only = text_of (here, "SELECT id FROM hub ORDER BY id LIMIT 1 OFFSET 1");
  g_autofree char *ours_only = text_of (here, "SELECT id FROM hub ORDER BY id LIMIT 1 OFFSET 2");
  g_autofree char *sql = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;

  trust_all (here, there, third, NULL);
  /* edited twice there, once here: the revisions differ */
  sql = g_strdup_printf ("UPDATE hub SET name = 'Named There', revision = revision + 2 WHERE id = '%s';"
                         "UPDATE hub SET summary = 'Changed there only', revision = revision + 1 WHERE id = '%s';",
                         both, theirs_only);
  exec_sql (there, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE hub SET name = 'Named Here', revision = revision + 1 WHERE id = '%s';"
                         "UPDATE hub SET summary = 'Changed here only', revision = revision + 1 WHERE id = '%s';",
                         both, ours_only);
  exec_sql (here, sql);
  exec_sql (third, sql);
  first = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);

  /* keep mine */
  plan = import_file (here, first, L4A_RESOLVE_MINE);
  g_assert_cmpint (find_change (plan, "hub", both)->action, ==, L4A_IMPORT_CONFLICT);
  g_assert_cmpint (find_change (plan, "hub", theirs_only)->action, ==, L4A_IMPORT_UPDATE);
  g_assert_cmpint (find_change (plan, "hub", ours_only)->action, ==, L4A_IMPORT_OLDER);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_CONFLICT], ==, 1);
  g_assert_true (g_ptr_array_find_with_equal_func (find_change (plan, "hub", both)->fields, "name", g_str_equal, NULL));
  /* a change is an object: what it is read as properties, its resolution
   * (what the window's Mine and Theirs are bound to) written as one */
  {
    L4aImportChange *change = find_change (plan, "hub", both);
    g_autofree char *type = NULL;
    guint action = 0, resolution = 99;

    g_object_get (change, "type", &type, "action", &action, "resolution", &resolution, NULL);
    g_assert_cmpstr (type, ==, "hub");
    g_assert_cmpuint (action, ==, L4A_IMPORT_CONFLICT);
    g_assert_cmpuint (resolution, ==, L4A_RESOLVE_MINE);
    g_object_set (change, "resolution", (guint) L4A_RESOLVE_THEIRS, NULL);
    g_assert_cmpint (change->resolution, ==, L4A_RESOLVE_THEIRS);
    g_object_set (change, "resolution", (guint) L4A_RESOLVE_MINE, NULL);
  }
  g_clear_pointer (&plan, l4a_import_plan_free);
  /* what was agreed on the record kept here is its revision here, though
   * the preview's trial wrote theirs */
  {
    g_autofree char *agreed = g_strdup_printf ("SELECT (SELECT ours_revision FROM sync_state WHERE record_type = 'hub' "
                                               "AND record_key = '%s') = revision FROM hub WHERE id = '%s'",
                                               both, both);
    g_autofree char *agrees = text_of (here, agreed);

    g_assert_cmpstr (agrees, ==, "1");
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT name || '/' || (SELECT summary FROM hub WHERE id = '%s') || '/' || "
                         "(SELECT summary FROM hub WHERE id = '%s') FROM hub WHERE id = '%s'",
                         theirs_only, ours_only, both);
  name = text_of (here, sql);
  g_assert_cmpstr (name, ==, "Named Here/Changed there only/Changed here only");

  /* the same bundle again: nothing at all changes */
  before = l4a_test_fingerprint (l4a_store_get_path (here));
  plan = import_file (here, first, L4A_RESOLVE_THEIRS);
  g_assert_true (plan->already_imported);
  after = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* their unchanged version, in a new bundle: what was kept here stands */
  second = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
  plan = import_file (here, second, L4A_RESOLVE_THEIRS);
  g_assert_false (plan->already_imported);
  g_assert_cmpint (find_change (plan, "hub", both)->action, ==, L4A_IMPORT_OLDER);
  g_assert_cmpint (find_change (plan, "hub", theirs_only)->action, ==, L4A_IMPORT_SAME);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_CONFLICT], ==, 0);
  g_clear_pointer (&plan, l4a_import_plan_free);
  g_free (name);
  name = text_of (here, sql);
  g_assert_cmpstr (name, ==, "Named Here/Changed there only/Changed here only");

  /* when they change it again, theirs stands: nothing changed here since */
  {
    g_autofree char *change = g_strdup_printf ("UPDATE hub SET name = 'Named There Again', revision = revision + 1 "
                                               "WHERE id = '%s'", both);
    g_autofree char *third_bundle = NULL;

    exec_sql (there, change);
    third_bundle = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
    plan = import_file (here, third_bundle, L4A_RESOLVE_MINE);
    g_assert_cmpint (find_change (plan, "hub", both)->action, ==, L4A_IMPORT_UPDATE);
    g_clear_pointer (&plan, l4a_import_plan_free);
  }

  /* take theirs */
  plan = import_file (third, first, L4A_RESOLVE_THEIRS);
  g_assert_cmpint (find_change (plan, "hub", both)->action, ==, L4A_IMPORT_CONFLICT);
  g_clear_pointer (&plan, l4a_import_plan_free);
  g_free (name);
  name = text_of (third, sql);
  g_assert_cmpstr (name, ==, "Named There/Changed there only/Changed here only");
  /* the search index follows */
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (third),
                                     "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH 'named there'"), ==, 1);
}

/* With no preview (the command line, the sample): planned and written in
 * one transaction; records in conflict refuse the bundle unless settled. */
static void
test_import_now (void)
{
  g_autoptr(L4aStore) here = l4a_test_open_with_sample (tmpdir, "now-here.sqlite");
  g_autoptr(L4aStore) there = l4a_test_open_with_sample (tmpdir, "now-there.sqlite");
  g_autofree char *both = text_of (here, "SELECT id FROM hub ORDER BY id LIMIT 1");
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const L4aImportResolution theirs = L4A_RESOLVE_THEIRS;
  guint written = 0;

  trust_all (here, there, NULL);
  sql = g_strdup_printf ("UPDATE hub SET name = 'Named There', revision = revision + 1 WHERE id = '%s'", both);
  exec_sql (there, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE hub SET name = 'Named Here', revision = revision + 1 WHERE id = '%s'", both);
  exec_sql (here, sql);
  path = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
  bundle = l4a_test_open_bundle (NULL, path, &error);
  g_assert_no_error (error);

  /* a conflict and no say on it: nothing written, the plan tells why */
  before = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_false (l4a_import_now (here, bundle, NULL, FALSE, &plan, &written, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_CONFLICT], ==, 1);
  g_assert_cmpint (find_change (plan, "hub", both)->action, ==, L4A_IMPORT_CONFLICT);
  g_assert_cmpuint (written, ==, 0);
  after = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* settled their way: written, and what the plan says is what was done */
  g_assert_true (l4a_import_now (here, bundle, &theirs, FALSE, &plan, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, plan->counts[L4A_IMPORT_ADD] + plan->counts[L4A_IMPORT_UPDATE] + 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT name FROM hub WHERE id = '%s'", both);
  name = text_of (here, sql);
  g_assert_cmpstr (name, ==, "Named There");
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* the secretariat's bundle is written as it is planned, in one reading:
   * the same records, revisions, agreements and audit as a preview then
   * applied on a workstation in the same state */
  {
    g_autoptr(L4aStore) other = l4a_test_open_with_sample (tmpdir, "now-other.sqlite");
    const char *queries[] = {
      "SELECT group_concat (line, ';') FROM (SELECT record_type || ' ' || record_key || ' ' || theirs_hash || ' ' || "
      "ours_revision AS line FROM sync_state ORDER BY record_type, record_key)",
      "SELECT group_concat (line, ';') FROM (SELECT id || ' ' || name || ' ' || summary || ' ' || revision || ' ' || "
      "origin AS line FROM hub ORDER BY id)",
      "SELECT group_concat (line, ';') FROM (SELECT id || ' ' || value || ' ' || note || ' ' || revision AS line "
      "FROM measurement ORDER BY id)",
      "SELECT group_concat (line, ';') FROM (SELECT action || ' ' || record_type || ' ' || count (*) AS line "
      "FROM audit WHERE action IN ('create', 'update') GROUP BY action, record_type ORDER BY action, record_type)",
    };

    g_autofree char *named_here = g_strdup_printf ("UPDATE hub SET name = 'Named Here', revision = revision + 1 "
                                                   "WHERE id = '%s'", both);

    l4a_test_trust (other, there);
    exec_sql (other, named_here);
    g_clear_pointer (&plan, l4a_import_plan_free);
    plan = import_file (other, path, L4A_RESOLVE_THEIRS);
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autofree char *now_here = text_of (here, queries[q]);
        g_autofree char *previewed = text_of (other, queries[q]);

        g_assert_nonnull (now_here);
        g_assert_cmpstr (now_here, ==, previewed);
      }
    g_clear_pointer (&plan, l4a_import_plan_free);
  }

  /* once more: imported already, nothing changes */
  g_free (before);
  before = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_true (l4a_import_now (here, bundle, NULL, FALSE, &plan, &written, &error));
  g_assert_true (plan->already_imported);
  g_assert_cmpuint (written, ==, 0);
  g_free (after);
  after = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_cmpstr (before, ==, after);
}

/* Parses @path, lets @tamper change it, seals it again and writes it to a
 * new file. */
static char *
tampered (const char *path,
          void      (*tamper) (JsonObject *root, gpointer data),
          gpointer    data)
{
  g_autoptr(L4aBundle) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *bundle_id = g_uuid_string_random ();
  char *out = g_strdup_printf ("%s.tampered-%s.json", path, uuid);
  L4aKey *signer;

  /* opened (a sealed bundle too), changed, and signed again by its own
   * signer: what is tested is the rule the change breaks */
  original = l4a_test_open_bundle (NULL, path, &error);
  g_assert_no_error (error);
  signer = l4a_test_key_of (original->signer_key);
  g_assert_nonnull (signer);
  root = l4a_bundle_dup_root (original, NULL);
  tamper (json_node_get_object (root), data);
  json_object_set_string_member (json_node_get_object (root), "bundle_id", bundle_id);
  checksum = l4a_bundle_checksum (json_object_get_member (json_node_get_object (root), "records"));
  json_object_set_string_member (json_node_get_object (root), "checksum", checksum);
  text = l4a_test_sign_root (root, signer);
  g_assert_true (g_file_set_contents (out, text, -1, &error));
  return out;
}

/* The bundle at @path is refused with a message holding @expected, by the
 * preview and by applying, and the database is left exactly as it was. */
static void
expect_refused (L4aStore   *store,
                const char *path,
                const char *expected)
{
  g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(L4aImportPlan) empty_plan = g_new0 (L4aImportPlan, 1);
  g_autoptr(GError) error = NULL;

  bundle = l4a_test_open_bundle (store, path, &error);
  g_assert_no_error (error);
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  g_clear_error (&error);

  empty_plan->changes = g_ptr_array_new ();
  g_assert_false (l4a_import_apply (store, bundle, empty_plan, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* and with no preview, as the command line imports */
  {
    const L4aImportResolution theirs = L4A_RESOLVE_THEIRS;
    guint written = 99;

    g_assert_false (l4a_import_now (store, bundle, &theirs, FALSE, NULL, &written, &error));
    g_assert_nonnull (error);
    if (strstr (error->message, expected) == NULL)
      g_error ("“%s” does not say “%s”", error->message, expected);
    g_assert_cmpuint (written, ==, 0);
  }

  after = l4a_test_fingerprint (l4a_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

static JsonObject *
record_of (JsonObject *root,
           const char *table,
           guint       index)
{
  JsonArray *array = json_object_get_array_member (json_object_get_object_member (root, "records"), table);

  return json_array_get_object_element (array, index);
}

static void
set_other_government (JsonObject *root,
                      gpointer    data)
{
  json_object_set_string_member (record_of (root, "proposal", 0), "government_id", data);
}

static void
set_released (JsonObject *root,
              gpointer    data)
{
  json_object_set_string_member (record_of (root, "proposal", 0), "state", "released");
}

static void
add_hub (JsonObject *root,
         gpointer    data)
{
  JsonArray *hubs = json_array_new ();
  JsonObject *hub = json_object_new ();

  json_object_set_string_member (hub, "id", "7a0c0ad6-5e0b-4d6e-9a43-2f4c1f0ad001");
  json_object_set_string_member (hub, "name", "Smuggled Hub");
  json_array_add_object_element (hubs, hub);
  json_object_set_array_member (json_object_get_object_member (root, "records"), "hub", hubs);
}

static void
set_origin_role (JsonObject *root,
                 gpointer    data)
{
  json_object_set_string_member (json_object_get_object_member (root, "origin"), "role", data);
}

static void
set_member (JsonObject *root,
            gpointer    data)
{
  json_object_set_string_member (record_of (root, "review", 0), "member_id", data);
}

static void
set_review_proposal (JsonObject *root,
                     gpointer    data)
{
  json_object_set_string_member (record_of (root, "review", 0), "proposal_id", data);
}

static void
set_measurement_indicator (JsonObject *root,
                           gpointer    data)
{
  json_object_set_string_member (record_of (root, "measurement", 0), "indicator_id", data);
}

/* What each kind and origin may change, and the refusals. */
/* One field of the first record of a type set to a value. */
typedef struct
{
  const char *type;
  const char *field;
  const char *value;   /* NULL: the record's own id, in upper case */
} FieldValue;

static void
set_field (JsonObject *root,
           gpointer    data)
{
  const FieldValue *change = data;
  JsonObject *record = record_of (root, change->type, 0);

  if (change->value == NULL)
    {
      g_autofree char *upper = g_ascii_strup (json_object_get_string_member (record, change->field), -1);

      json_object_set_string_member (record, change->field, upper);
    }
  else if (g_str_equal (change->field, "related"))
    {
      JsonArray *related = json_array_new ();

      json_array_add_string_element (related, change->value);
      json_object_set_array_member (record, "related", related);
    }
  else
    json_object_set_string_member (record, change->field, change->value);
}

static void
set_count (JsonObject *root,
           gpointer    data)
{
  const struct { const char *type, *field; gint64 value; } *change = data;

  json_object_set_int_member (record_of (root, change->type, 0), change->field, change->value);
}

/* a place with its latitude alone */
static void
drop_longitude (JsonObject *root,
                gpointer    data)
{
  json_object_set_null_member (record_of (root, "government", 0), "longitude");
}

/* Ids in one canonical form, dates that are dates in sane years: a bundle
 * that breaks either is refused naming the record and the field, and the
 * database stays exactly as it was. */
static void
test_hostile_values (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "values-office.sqlite");
  g_autoptr(L4aStore) city = open_empty ("values-city.sqlite");
  g_autofree char *registry = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  static const FieldValue cases[] = {
    { "hub", "id", NULL },
    { "hub", "id", "../../etc/passwd" },
    { "hub", "id", "" },
    { "hub", "id", "6ecdac92-6077-5929-ba27-15a576ef5546 " },
    { "hub", "government_id", NULL },
    { "measurement", "indicator_id", "not-a-uuid" },
    { "hub", "related", "6ECDAC92-6077-5929-BA27-15A576EF5546" },
    { "hub", "start_on", "2026-02-30" },
    { "hub", "start_on", "1899-01-01" },
    { "hub", "end_on", "2101-01-01" },
    { "hub", "label_date", "yesterday" },
    { "measurement", "measured_on", "2026-13-01" },
    { "activity", "happened_on", "2026-1-1" },
    { "hub", "created_at", "now" },
    { "hub", "updated_at", "1970-01-01T00:00:00Z" },
    { "hub", "updated_at", "2026-06-30" },
    /* times of the form written here, each wrong in one part */
    { "hub", "updated_at", "2026-02-30T10:00:00Z" },
    { "hub", "updated_at", "2026-06-30T24:00:00Z" },
    { "hub", "created_at", "2026-06-30T12:60:00Z" },
    { "measurement", "created_at", "2026-06-30T12:00:60Z" },
    { "measurement", "updated_at", "2101-01-01T00:00:00Z" },
    { "indicator", "created_at", "1999-12-31T23:59:59Z" },
    { "indicator", "updated_at", "2026-06-30T12:00:00z" },
  };
  static const FieldValue words[] = {
    { "hub", "status", "archived" },
    { "hub", "format", "In person" },
    { "deliverable", "status", "DONE" },
    { "activity", "kind", "party" },
  };
  static const FieldValue frames[] = {
    { "hub", "end_on", "2040-12-31" },
    { "hub", "end_on", "2024-09-30" },
  };
  /* what each level of a criterion means: one line per level, or none */
  static const FieldValue levels[] = {
    { "criterion", "levels", "Poor\nGood" },
    { "criterion", "levels", "0\n1\n2\n3\n4\n5\n6" },
    { "criterion", "levels", "\n\n\n\n\n\n" },
  };
  static const struct { const char *type, *field; gint64 value; } counts[] = {
    { "hub", "revision", 0 },
    { "hub", "revision", G_GINT64_CONSTANT (9223372036854775807) },
    { "deliverable", "position", -1 },
    { "indicator", "position", 5000000 },
  };

  trust_all (office, city, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = tampered (registry, set_field, (gpointer) &cases[i]);
      g_autofree char *expected = g_strdup_printf ("the field “%s” must %s", cases[i].field,
                                                   g_str_equal (cases[i].field, "related") ? "list" : "be");

      expect_refused (city, bad, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *bad = tampered (registry, set_count, (gpointer) &counts[i]);
      g_autofree char *expected = g_strdup_printf ("the field “%s” must be a whole number", counts[i].field);

      expect_refused (city, bad, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *bad = tampered (registry, set_field, (gpointer) &words[i]);
      g_autofree char *expected = g_strdup_printf ("the field “%s” must be one of", words[i].field);

      expect_refused (city, bad, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_autofree char *bad = tampered (registry, set_field, (gpointer) &frames[i]);

      expect_refused (city, bad, "time frame is refused");
    }
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *bad = tampered (registry, set_field, (gpointer) &levels[i]);

      expect_refused (city, bad, "the guidance per level must give 6 lines");
    }
  {
    static const struct { const char *type, *field; gint64 value; } scales[] = {
      { "criterion", "scale_max", 1000 }, { "criterion", "scale_min", -101 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
      {
        g_autofree char *bad = tampered (registry, set_count, (gpointer) &scales[i]);
        g_autofree char *expected = g_strdup_printf ("the field “%s” must be a whole number from −100 to 100",
                                                     scales[i].field);

        expect_refused (city, bad, expected);
      }
  }
  /* a government's place: degrees within bounds, both or neither */
  {
    static const struct { const char *type, *field; gint64 value; } places[] = {
      { "government", "latitude", 91 }, { "government", "longitude", -181 },
    };
    static const FieldValue words_for_degrees = { "government", "latitude", "41.38 N" };
    g_autofree char *as_words = tampered (registry, set_field, (gpointer) &words_for_degrees);
    g_autofree char *lonely = tampered (registry, drop_longitude, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        g_autofree char *bad = tampered (registry, set_count, (gpointer) &places[i]);
        g_autofree char *expected = g_strdup_printf ("the field “%s” must be a number of degrees", places[i].field);

        expect_refused (city, bad, expected);
      }
    expect_refused (city, as_words, "the field “latitude” must be a number of degrees from −90 to 90");
    expect_refused (city, lonely, "a place needs both its latitude and its longitude");
  }
  {
    static const struct { const char *type, *field; gint64 value; } upside_down = { "criterion", "scale_max", -1 };
    g_autofree char *bad = tampered (registry, set_count, (gpointer) &upside_down);

    expect_refused (city, bad, "the scale must end above where it starts");
  }

  /* whether a record is sample data is what happened here: records that
   * came in a bundle are not, whatever it says */
  {
    g_autoptr(L4aImportPlan) plan = import_file (city, registry, L4A_RESOLVE_THEIRS);

    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), "SELECT count(*) FROM hub WHERE sample = 1"), >, 0);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (city), "SELECT count(*) FROM hub"), >, 0);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (city), "SELECT count(*) FROM hub WHERE sample = 1"), ==, 0);
    g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (city), "SELECT count(*) FROM government WHERE sample = 1"),
                     ==, 0);
  }
}

/* The bookkeeping of a record (when it was made and changed, where it comes
 * from, its revision, whether it is sample data) is what happened here,
 * whatever the file says. */
static void
forge_bookkeeping (JsonObject *root,
                   gpointer    data)
{
  JsonObject *hub = record_of (root, "hub", 0);

  json_object_set_string_member (hub, "created_at", "2001-01-01T00:00:00Z");
  json_object_set_string_member (hub, "updated_at", "2099-12-31T00:00:00Z");
  json_object_set_string_member (hub, "origin", "00000000-0000-4000-8000-000000000001");
  json_object_set_int_member (hub, "revision", 500);
  json_object_set_boolean_member (hub, "sample", TRUE);
  if (data != NULL)
    json_object_set_string_member (hub, "name", data);
}

static void
test_derived_bookkeeping (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "bookkeeping-office.sqlite");
  g_autoptr(L4aStore) city = open_empty ("bookkeeping-city.sqlite");
  g_autofree char *registry = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_autofree char *forged = tampered (registry, forge_bookkeeping, NULL);
  g_autofree char *renamed = tampered (registry, forge_bookkeeping, "Renamed Hub");
  g_autofree char *hub_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *created = NULL;
  g_autofree char *started = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(L4aImportPlan) first = NULL;
  g_autoptr(L4aImportPlan) again = NULL;
  g_autoptr(L4aImportPlan) changed = NULL;
  gint64 revision;

  trust_all (office, city, NULL);
  started = g_date_time_format (now, "%Y-%m-%dT%H:%M:00Z");
  first = import_file (city, forged, L4A_RESOLVE_THEIRS);
  hub_id = text_of (city, "SELECT id FROM hub WHERE revision = 500");
  g_assert_nonnull (hub_id);  /* a new record keeps the revision it came with */

  /* made and changed now, sent by the secretariat's installation, not sample data */
  sql = g_strdup_printf ("SELECT created_at FROM hub WHERE id = '%s'", hub_id);
  created = text_of (city, sql);
  g_assert_cmpstr (created, >=, started);
  g_assert_cmpstr (created, <, "2099");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM hub WHERE id = '%s' AND updated_at < '2099' AND sample = 0 "
                         "AND origin = '%s'", hub_id, l4a_store_get_installation_id (office));
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (city), sql), ==, 1);

  /* a bundle whose records differ only by their bookkeeping changes nothing */
  again = import_file (city, registry, L4A_RESOLVE_THEIRS);
  g_assert_cmpuint (again->counts[L4A_IMPORT_SAME], ==, again->changes->len);

  /* an update is a new revision of ours, made now; when the record was made stays */
  changed = import_file (city, renamed, L4A_RESOLVE_THEIRS);
  g_free (sql);
  sql = g_strdup_printf ("SELECT revision FROM hub WHERE id = '%s' AND name = 'Renamed Hub' AND created_at = '%s' "
                         "AND updated_at < '2099' AND sample = 0", hub_id, created);
  revision = l4a_test_sql_int (l4a_store_get_path (city), sql);
  g_assert_cmpint (revision, ==, 500 + 1);
}

static void
set_first_score (JsonObject *root,
                 gpointer    data)
{
  JsonObject *scores = json_object_get_object_member (record_of (root, "review", 0), "scores");
  g_autoptr(GList) names = json_object_get_members (scores);

  json_object_set_double_member (scores, names->data, *(double *) data);
}

static void
rename_first_score (JsonObject *root,
                    gpointer    data)
{
  JsonObject *scores = json_object_get_object_member (record_of (root, "review", 0), "scores");
  g_autoptr(GList) names = json_object_get_members (scores);

  json_object_remove_member (scores, names->data);
  json_object_set_int_member (scores, data, 3);
}

/* State and ownership are judged as they are here, not as the bundle says;
 * scores stay within their criterion's scale. */
static void
test_state_and_ownership (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "state-office.sqlite");
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "state-city.sqlite");
  g_autoptr(L4aStore) board = l4a_test_open_with_sample (tmpdir, "state-board.sqlite");
  g_autofree char *submitter = text_of (office, SUBMITTER);
  g_autofree char *lead = text_of (office, HUB_LEAD);
  g_autofree char *member = text_of (office, FIRST_MEMBER);
  g_autofree char *proposal = NULL;
  g_autofree char *foreign_partner = NULL;
  g_autofree char *proposal_indicator = NULL;
  g_autofree char *other_call_criterion = NULL;
  g_autofree char *submission = NULL;
  g_autofree char *monitoring = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *sql = NULL;

  trust_all (office, city, board, NULL);
  sql = g_strdup_printf ("SELECT id FROM proposal WHERE government_id = '%s' AND state = 'submitted'", submitter);
  proposal = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT p.id FROM partner p JOIN proposal x ON x.id = p.proposal_id "
                         "WHERE x.government_id <> '%s' ORDER BY p.id LIMIT 1", submitter);
  foreign_partner = text_of (office, sql);
  proposal_indicator = text_of (office, "SELECT id FROM indicator WHERE proposal_id IS NOT NULL ORDER BY id LIMIT 1");
  submission = export_to (city, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);

  /* a child record that is another government's proposal's here */
  {
    FieldValue change = { "partner", "id", foreign_partner };
    g_autofree char *bad = tampered (submission, set_field, &change);

    expect_refused (office, bad, "another proposal");
  }
  /* submitted with a time frame of more than 36 months: the six key
   * features are checked as on Submit */
  {
    FieldValue change = { "proposal", "end_on", "2031-12-31" };
    g_autofree char *bad = tampered (submission, set_field, &change);

    expect_refused (board, bad, "key feature");
  }
  /* submitted here: it cannot go back to draft */
  {
    FieldValue change = { "proposal", "state", "draft" };
    g_autofree char *bad = tampered (submission, set_field, &change);

    expect_refused (office, bad, "cannot go back to draft");
  }
  /* under review here: the submission can no longer change it; sent
   * again as it was, it changes nothing and is no error */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE proposal SET state = 'under-review' WHERE id = '%s'", proposal);
  exec_sql (office, sql);
  {
    FieldValue change = { "proposal", "title", "A title changed under review" };
    g_autofree char *bad = tampered (submission, set_field, &change);
    g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (office));
    g_autoptr(L4aBundle) again = NULL;
    g_autoptr(L4aImportPlan) same_plan = NULL;
    g_autoptr(GError) same_error = NULL;

    expect_refused (office, bad, "under review");
    again = l4a_test_open_bundle (office, submission, &same_error);
    g_assert_no_error (same_error);
    same_plan = l4a_import_plan (office, again, &same_error);
    g_assert_no_error (same_error);
    g_assert_nonnull (same_plan);
    for (guint i = 0; i < same_plan->changes->len; i++)
      {
        L4aImportChange *c = g_ptr_array_index (same_plan->changes, i);

        if (g_str_equal (c->type, "proposal"))
          g_assert_cmpint (c->action, !=, L4A_IMPORT_UPDATE);
      }
    {
      g_autofree char *after = l4a_test_fingerprint (l4a_store_get_path (office));

      g_assert_cmpstr (before, ==, after);
    }
  }
  /* a draft here, submitted in the bundle, to a call closed here */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE proposal SET state = 'draft' WHERE id = '%s'; "
                         "UPDATE call SET status = 'closed' WHERE id = (SELECT call_id FROM proposal WHERE id = '%s')",
                         proposal, proposal);
  exec_sql (office, sql);
  expect_refused (office, submission, "call is not open");

  /* monitoring cannot take a proposal's indicator into a hub */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO indicator (id, hub_id, code, name, unit, direction, created_at, updated_at, "
                         "origin) SELECT '7d9a4b1c-3e2f-4a5b-8c6d-0e1f2a3b4c5d', id, '11.6.2', 'Fine particles', "
                         "'µg/m³', 'lower', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'city' FROM hub "
                         "WHERE government_id = '%s' LIMIT 1", lead);
  exec_sql (city, sql);
  monitoring = export_to (city, L4A_ROLE_GOVERNMENT, lead, "monitoring", NULL);
  {
    g_autoptr(L4aBundle) opened = l4a_test_open_bundle (NULL, monitoring, NULL);
    FieldValue change = { "indicator", "id", proposal_indicator };
    g_autofree char *bad = NULL;

    g_assert_nonnull (opened);
    g_assert_nonnull (l4a_bundle_get_list (opened, TRUE, "indicator"));
    bad = tampered (monitoring, set_field, &change);
    expect_refused (office, bad, "hubs its government leads");
  }

  /* scores within their scale, for criteria of the proposal's call */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE review SET comments_authors = 'Sharper', revision = revision + 1 "
                         "WHERE member_id = '%s' AND submitted_at IS NOT NULL", member);
  exec_sql (board, sql);
  reviews = export_to (board, L4A_ROLE_MEMBER, member, "reviews", NULL);
  g_free (sql);
  sql = g_strdup_printf ("SELECT c.id FROM criterion c WHERE c.call_id <> (SELECT p.call_id FROM review r "
                         "JOIN proposal p ON p.id = r.proposal_id WHERE r.member_id = '%s' "
                         "AND r.submitted_at IS NOT NULL ORDER BY r.id LIMIT 1) ORDER BY c.id LIMIT 1", member);
  other_call_criterion = text_of (board, sql);
  {
    double high = 99, negative = -1;
    g_autofree char *a = tampered (reviews, set_first_score, &high);
    g_autofree char *b = tampered (reviews, set_first_score, &negative);
    g_autofree char *c = tampered (reviews, rename_first_score, other_call_criterion);

    expect_refused (office, a, "outside the criterion’s scale");
    expect_refused (office, b, "outside the criterion’s scale");
    expect_refused (office, c, "not one of the proposal’s call");
  }
}

/* The brand asset's file replaced by @data (an SVG), sealed as a bundle
 * seals attachments. */
static void
set_asset_file (JsonObject *root,
                gpointer    data)
{
  const char *svg = data;
  JsonObject *asset = record_of (root, "brand_asset", 0);
  JsonArray *attachments = json_object_get_array_member (json_object_get_object_member (root, "records"),
                                                         "attachment");
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, svg, -1);
  g_autofree char *base64 = g_base64_encode ((const guchar *) svg, strlen (svg));

  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      JsonObject *attachment = json_array_get_object_element (attachments, i);

      if (g_str_equal (json_object_get_string_member (attachment, "sha256"),
                       json_object_get_string_member (asset, "sha256")))
        {
          json_object_set_string_member (attachment, "sha256", sha256);
          json_object_set_string_member (attachment, "data", base64);
          json_object_set_int_member (attachment, "size", (gint64) strlen (svg));
        }
    }
  json_object_set_string_member (asset, "sha256", sha256);
}

/* Brand assets from a bundle pass the brand kit's own checks. */
static void
test_hostile_assets (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "assets-office.sqlite");
  g_autoptr(L4aStore) city = open_empty ("assets-city.sqlite");
  g_autofree char *registry = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  static const char * const svgs[] = {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" "
    "height=\"10\"><image xlink:href=\"http://example.invalid/x.png\" width=\"10\" height=\"10\"/></svg>",
    "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&b;</text></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"1000000\"></svg>",
    "not an svg at all",
  };

  trust_all (office, city, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (svgs); i++)
    {
      g_autofree char *bad = tampered (registry, set_asset_file, (gpointer) svgs[i]);

      expect_refused (city, bad, "its file is refused");
    }
}

static void
test_role_rules (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "rules-office.sqlite");
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "rules-city.sqlite");
  g_autoptr(L4aStore) board = l4a_test_open_with_sample (tmpdir, "rules-board.sqlite");
  g_autofree char *submitter = text_of (office, SUBMITTER);
  g_autofree char *other = NULL;
  g_autofree char *member = text_of (office, FIRST_MEMBER);
  g_autofree char *other_member = NULL;
  g_autofree char *unassigned = NULL;
  g_autofree char *lead = text_of (office, HUB_LEAD);
  g_autofree char *foreign_indicator = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *submission = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *monitoring = NULL;
  g_autofree char *decisions = NULL;
  g_autofree char *title = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  trust_all (office, city, board, NULL);
  sql = g_strdup_printf ("SELECT id FROM government WHERE id <> '%s' ORDER BY id LIMIT 1", submitter);
  other = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM member WHERE id <> '%s' ORDER BY id LIMIT 1", member);
  other_member = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM proposal WHERE id NOT IN (SELECT proposal_id FROM assignment WHERE "
                         "member_id = '%s') ORDER BY id LIMIT 1", member);
  unassigned = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT i.id FROM indicator i JOIN hub h ON h.id = i.hub_id WHERE h.government_id <> '%s' "
                         "ORDER BY i.id LIMIT 1", lead);
  foreign_indicator = text_of (office, sql);

  /* a city changes its submitted proposal; the secretariat takes it */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE proposal SET title = 'Retitled by the city', revision = revision + 1 "
                         "WHERE government_id = '%s' AND state = 'submitted'", submitter);
  exec_sql (city, sql);
  submission = export_to (city, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);
  plan = import_file (office, submission, L4A_RESOLVE_MINE);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_UPDATE], ==, 1);
  g_clear_pointer (&plan, l4a_import_plan_free);
  g_free (sql);
  sql = g_strdup_printf ("SELECT title FROM proposal WHERE government_id = '%s' AND state = 'submitted'", submitter);
  title = text_of (office, sql);
  g_assert_cmpstr (title, ==, "Retitled by the city");

  /* … but not someone else's, nor one under review, nor a hub, nor as another role */
  {
    g_autofree char *a = tampered (submission, set_other_government, other);
    g_autofree char *b = tampered (submission, set_released, NULL);
    g_autofree char *c = tampered (submission, add_hub, NULL);
    g_autofree char *d = tampered (submission, set_origin_role, (gpointer) "member");

    expect_refused (office, a, "own government");
    expect_refused (office, b, "draft or submitted");
    expect_refused (office, c, "does not carry this kind of record");
    expect_refused (office, d, "Local government");
  }

  /* a member sends their reviews; not another member's, nor unassigned ones */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE review SET comments_authors = 'Sharper comments', revision = revision + 1 "
                         "WHERE member_id = '%s' AND submitted_at IS NOT NULL", member);
  exec_sql (board, sql);
  reviews = export_to (board, L4A_ROLE_MEMBER, member, "reviews", NULL);
  plan = import_file (office, reviews, L4A_RESOLVE_MINE);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_UPDATE], >=, 1);
  g_clear_pointer (&plan, l4a_import_plan_free);
  {
    g_autofree char *a = tampered (reviews, set_member, other_member);
    g_autofree char *b = tampered (reviews, set_review_proposal, unassigned);

    expect_refused (office, a, "own reviews");
    expect_refused (office, b, "assigned to them");
  }

  /* decisions come from the secretariat only */
  decisions = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "decisions", NULL);
  {
    g_autofree char *a = tampered (decisions, set_origin_role, (gpointer) "government");

    expect_refused (city, a, "World Secretariat");
  }

  /* monitoring of one's own hubs only */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO measurement (id, indicator_id, measured_on, value, created_at, updated_at, origin) "
                         "SELECT '3c1f0c53-9d6c-4c55-9f0e-6d1f0e7c0a11', i.id, '2026-11-01', 42, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'city' "
                         "FROM indicator i JOIN hub h ON h.id = i.hub_id WHERE h.government_id = '%s' LIMIT 1", lead);
  exec_sql (city, sql);
  monitoring = export_to (city, L4A_ROLE_GOVERNMENT, lead, "monitoring", NULL);
  plan = import_file (office, monitoring, L4A_RESOLVE_MINE);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_ADD], ==, 1);
  g_clear_pointer (&plan, l4a_import_plan_free);
  {
    g_autofree char *a = tampered (monitoring, set_measurement_indicator, foreign_indicator);

    expect_refused (office, a, "hubs its government leads");
  }

  /* a role may only write its own kinds */
  l4a_store_set_actor (office, L4A_ROLE_MEMBER, member);
  g_assert_false (l4a_bundle_export (office, "registry", NULL, "/nonexistent/x.l4a.json", NULL, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
}

/* Texts planted where only some may read them never leave in a bundle for
 * someone else; only a full backup carries them. */
static void
test_confidential (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "confidential.sqlite");
  g_autofree char *member = text_of (store, FIRST_MEMBER);
  g_autofree char *submitter = text_of (store, SUBMITTER);
  g_autofree char *lead = text_of (store, HUB_LEAD);
  g_autofree char *sql = NULL;
  g_autofree char *conflicted = NULL;
  g_autofree char *own_mark = NULL;
  struct {
    L4aRole role;
    const char *identity;
    const char *kind;
    const char *for_id;
  } cases[] = {
    { L4A_ROLE_SECRETARIAT, NULL, "review-packet", member },
    { L4A_ROLE_SECRETARIAT, NULL, "decisions", NULL },
    { L4A_ROLE_SECRETARIAT, NULL, "registry", NULL },
    { L4A_ROLE_GOVERNMENT, submitter, "submission", NULL },
    { L4A_ROLE_GOVERNMENT, lead, "monitoring", NULL },
    { L4A_ROLE_MEMBER, member, "reviews", NULL },
  };

  exec_sql (store, "UPDATE review SET comments_confidential = 'PLANT-CONF-' || member_id;"
                   "UPDATE decision SET internal_notes = 'PLANT-NOTES';"
                   "UPDATE decision SET rationale = 'PLANT-UNRELEASED' WHERE released_at IS NULL;"
                   "INSERT INTO discussion_note (id, proposal_id, author, body, created_at, updated_at, origin) "
                   "SELECT 'b0f3c0de-0000-4000-8000-000000000001', id, 'secretariat', 'PLANT-DISCUSS', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', "
                   "'here' FROM proposal LIMIT 1;");
  /* an assignment the member is in conflict with */
  sql = g_strdup_printf ("SELECT proposal_id FROM member_conflict WHERE member_id = '%s' ORDER BY proposal_id LIMIT 1",
                         member);
  conflicted = text_of (store, sql);
  g_assert_nonnull (conflicted);
  g_free (sql);
  sql = g_strdup_printf ("INSERT OR IGNORE INTO assignment (id, proposal_id, member_id, created_at, updated_at, origin) "
                         "VALUES ('b0f3c0de-0000-4000-8000-000000000002', '%s', '%s', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'here');"
                         "UPDATE proposal SET summary = 'PLANT-CONFLICTED' WHERE id = '%s';",
                         conflicted, member, conflicted);
  exec_sql (store, sql);
  own_mark = g_strdup_printf ("PLANT-CONF-%s", member);
  /* a question about the conflicted proposal, another member's suggestion
   * and another member's meta-review */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO clarification (id, proposal_id, asked_by, question, status, sent_at, created_at, "
                         "  updated_at, origin) VALUES ('b0f3c0de-0000-4000-8000-000000000003', '%s', 'board', "
                         "  'PLANT-QUESTION', 'sent', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', "
                         "  '2026-11-01T00:00:00Z', 'here');"
                         "INSERT INTO clarification (id, proposal_id, asked_by, question, status, created_at, updated_at, "
                         "  origin) SELECT 'b0f3c0de-0000-4000-8000-000000000004', a.proposal_id, a.member_id, "
                         "  'PLANT-SUGGEST', 'suggested', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'here' "
                         "  FROM assignment a WHERE a.member_id <> '%s' ORDER BY a.id LIMIT 1;"
                         "INSERT INTO meta_review (id, proposal_id, member_id, proposal_version, body, created_at, "
                         "  updated_at, origin) SELECT 'b0f3c0de-0000-4000-8000-000000000005', a.proposal_id, a.member_id, "
                         "  1, 'PLANT-META', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'here' "
                         "  FROM assignment a WHERE a.member_id <> '%s' ORDER BY a.id LIMIT 1;",
                         conflicted, member, member);
  exec_sql (store, sql);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = export_to (store, cases[i].role, cases[i].identity, cases[i].kind, cases[i].for_id);
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GString) without_own = NULL;
      g_autoptr(L4aBundle) opened = NULL;
      gsize length = 0;

      /* a bundle with one reader is sealed: the file shows nothing of it */
      g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
      if (g_strv_contains ((const char *[]) { "review-packet", "reviews", "submission", "monitoring", NULL },
                           cases[i].kind) || (g_str_equal (cases[i].kind, "decisions") && cases[i].for_id))
        {
          g_autofree char *for_key = l4a_bundle_peek_sealed_for (raw, length);

          g_assert_nonnull (for_key);
          g_assert_null (strstr (raw, "PLANT"));
          g_assert_null (strstr (raw, "\"records\""));
        }
      opened = l4a_test_open_bundle (NULL, path, NULL);
      g_assert_nonnull (opened);
      {
        g_autoptr(JsonNode) whole = l4a_bundle_dup_root (opened, NULL);

        text = json_to_string (whole, FALSE);
      }
      /* a member's own confidential comments go to the secretariat */
      without_own = g_string_new (text);
      g_string_replace (without_own, own_mark, "", 0);
      if (strstr (without_own->str, "PLANT-CONF-") != NULL || strstr (text, "PLANT-NOTES") != NULL ||
          strstr (text, "PLANT-UNRELEASED") != NULL || strstr (text, "PLANT-DISCUSS") != NULL ||
          strstr (text, "PLANT-CONFLICTED") != NULL || strstr (text, "PLANT-QUESTION") != NULL ||
          strstr (text, "PLANT-SUGGEST") != NULL || strstr (text, "PLANT-META") != NULL)
        g_error ("a %s bundle carries a confidential text", cases[i].kind);
      if (g_str_equal (cases[i].kind, "review-packet") || g_str_equal (cases[i].kind, "reviews"))
        g_assert_nonnull (strstr (text, own_mark));
    }

  {
    g_autofree char *path = export_to (store, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "PLANT-NOTES"));
    g_assert_nonnull (strstr (text, "PLANT-DISCUSS"));
    g_assert_nonnull (strstr (text, "PLANT-CONFLICTED"));
  }
}

/* Cancelling an import leaves the database as it was. */
static void
cancel_at_once (double   fraction,
                gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(L4aStore) source = l4a_test_open_with_sample (tmpdir, "cancel-source.sqlite");
  g_autoptr(L4aStore) target = open_empty ("cancel-target.sqlite");
  g_autofree char *path = export_to (source, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  trust_all (source, target, NULL);
  before = l4a_test_fingerprint (l4a_store_get_path (target));
  bundle = l4a_test_open_bundle (NULL, path, &error);
  plan = l4a_import_plan (target, bundle, &error);
  g_assert_no_error (error);
  g_assert_false (l4a_import_apply (target, bundle, plan, FALSE, cancellable, cancel_at_once, cancellable, NULL,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = l4a_test_fingerprint (l4a_store_get_path (target));
  g_assert_cmpstr (before, ==, after);
}

/* The names offered in the file chooser. */
static void
test_suggested_names (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "names.sqlite");
  g_autofree char *soria = text_of (store, "SELECT id FROM government WHERE name = 'Soria'");
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = g_strdup_printf ("submission-soria-%s.l4a.json", date);

  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, soria);
  name = l4a_bundle_suggest_name (store, "submission", NULL);
  g_assert_cmpstr (name, ==, expected);
  g_assert_true (g_strv_contains (l4a_bundle_kinds_for_role (L4A_ROLE_GOVERNMENT), "monitoring"));
  g_assert_false (g_strv_contains (l4a_bundle_kinds_for_role (L4A_ROLE_GOVERNMENT), "full"));
  g_assert_true (g_strv_contains (l4a_bundle_kinds_for_role (L4A_ROLE_MEMBER), "reviews"));
}

/* The inbox: new bundles are offered once, those imported already are
 * not, a damaged one says why; the database is never touched. */
static void
test_inbox (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "inbox.sqlite");
  g_autoptr(L4aStore) other = l4a_test_open_with_sample (tmpdir, "inbox-other.sqlite");
  g_autofree char *folder = g_build_filename (tmpdir, "inbox", NULL);
  g_autofree char *registry = export_to (other, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_autofree char *done = export_to (other, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
  g_autofree char *ready_path = g_build_filename (folder, "ready.l4a.json", NULL);
  g_autofree char *done_path = g_build_filename (folder, "done.l4a.json", NULL);
  g_autofree char *broken_path = g_build_filename (folder, "broken.l4a.json", NULL);
  g_autofree char *other_path = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  L4aInboxItem *item;

  trust_all (store, other, NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  plan = import_file (store, done, L4A_RESOLVE_MINE);
  g_assert_true (g_file_get_contents (registry, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (ready_path, text, -1, NULL));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (done, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (done_path, text, -1, NULL));
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": 1", -1, NULL));
  g_assert_true (g_file_set_contents (other_path, "not a bundle", -1, NULL));

  before = l4a_test_fingerprint (l4a_store_get_path (store));
  items = l4a_inbox_scan (store, folder, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->name, ==, "broken.l4a.json");
  g_assert_null (item->kind);
  g_assert_nonnull (strstr (item->problem, "JSON"));
  item = g_ptr_array_index (items, 1);
  g_assert_cmpstr (item->name, ==, "ready.l4a.json");
  g_assert_cmpstr (item->kind, ==, "registry");
  g_assert_cmpstr (item->origin, ==, "World Secretariat");
  g_assert_null (item->problem);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* offered once */
  items = l4a_inbox_scan (store, folder, seen, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* without memory, offered again; a missing folder is an error */
  items = l4a_inbox_scan (store, folder, NULL, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_null (l4a_inbox_scan (store, "/nonexistent/inbox", NULL, &error));
  g_assert_nonnull (error);

  after = l4a_test_fingerprint (l4a_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

/* A preview is applied as it was worked out only if nothing was written
 * since, through any connection; otherwise it is worked out again. */
static void
test_preview_then_change (void)
{
  g_autoptr(L4aStore) here = l4a_test_open_with_sample (tmpdir, "stale-here.sqlite");
  g_autoptr(L4aStore) there = l4a_test_open_with_sample (tmpdir, "stale-there.sqlite");
  g_autoptr(L4aStore) other = NULL;
  g_autofree char *hub = text_of (here, "SELECT id FROM hub ORDER BY id LIMIT 1");
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  trust_all (here, there, NULL);
  sql = g_strdup_printf ("UPDATE hub SET name = 'Renamed There', revision = revision + 1 WHERE id = '%s'", hub);
  exec_sql (there, sql);
  path = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "full", NULL);
  bundle = l4a_test_open_bundle (NULL, path, &error);
  g_assert_no_error (error);

  /* previewed here: their change is an update */
  plan = l4a_import_plan (here, bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_change (plan, "hub", hub)->action, ==, L4A_IMPORT_UPDATE);

  /* meanwhile, another connection changes the same hub */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE hub SET name = 'Edited Meanwhile', revision = revision + 1 WHERE id = '%s'", hub);
  exec_sql (here, sql);
  before = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_false (l4a_import_apply (here, bundle, plan, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = l4a_test_fingerprint (l4a_store_get_path (here));
  g_assert_cmpstr (before, ==, after);
  g_free (sql);
  sql = g_strdup_printf ("SELECT name FROM hub WHERE id = '%s'", hub);
  name = text_of (here, sql);
  g_assert_cmpstr (name, ==, "Edited Meanwhile");
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* previewed through one connection, applied through another: worked
   * out again there, the same, and written */
  plan = l4a_import_plan (here, bundle, &error);
  g_assert_no_error (error);
  other = l4a_store_open (l4a_store_get_path (here), &error);
  g_assert_no_error (error);
  l4a_import_plan_resolve_all (plan, L4A_RESOLVE_THEIRS);
  g_assert_true (l4a_import_apply (other, bundle, plan, FALSE, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (name);
  name = text_of (here, sql);
  g_assert_cmpstr (name, ==, "Renamed There");
}

static void
break_last_hub (JsonObject *root,
                gpointer    data)
{
  JsonArray *hubs = json_object_get_array_member (json_object_get_object_member (root, "records"), "hub");
  JsonObject *last = json_array_get_object_element (hubs, json_array_get_length (hubs) - 1);

  json_object_set_string_member (last, "government_id", "99999999-9999-4999-8999-999999999999");
}

/* The measurement @data (a GINT_TO_POINTER of its position) names an
 * indicator there is none of; with a second one after it whose value is a
 * list: refused whichever is met first. */
static void
break_measurement (JsonObject *root,
                   gpointer    data)
{
  JsonArray *list = json_object_get_array_member (json_object_get_object_member (root, "records"), "measurement");
  JsonObject *measurement = json_array_get_object_element (list, GPOINTER_TO_UINT (data));

  json_object_set_string_member (measurement, "indicator_id", "99999999-9999-4999-8999-999999999999");
  measurement = json_array_get_object_element (list, GPOINTER_TO_UINT (data) + 1);
  json_object_set_array_member (measurement, "value", json_array_new ());
}

/* A large import remakes the search index and the registry's facets once
 * instead of record by record: afterwards the index holds every hub, the
 * facets are what the triggers would have written, and the triggers and
 * indexes work again; a large import that fails leaves the database,
 * triggers, indexes and all, as it was. */
/* @store as it was before a large import failed or was only tried: the
 * same file (@fingerprint), the same triggers and indexes (@schema, as
 * @schema_sql lists them) and its own page cache (@cache) given back. */
static void
assert_as_before (L4aStore   *store,
                  const char *fingerprint,
                  const char *cache,
                  const char *schema_sql,
                  const char *schema)
{
  g_autofree char *cache_now = store_text (store, "PRAGMA cache_size");
  g_autofree char *fingerprint_now = l4a_test_fingerprint (l4a_store_get_path (store));
  g_autofree char *schema_now = text_of (store, schema_sql);

  g_assert_cmpstr (cache_now, ==, cache);
  g_assert_cmpstr (fingerprint_now, ==, fingerprint);
  g_assert_cmpstr (schema_now, ==, schema);
}

static void
test_large_import (void)
{
  g_autoptr(L4aStore) there = l4a_test_open_with_sample (tmpdir, "large-there.sqlite");
  g_autoptr(L4aStore) here = open_empty ("large-here.sqlite");
  g_autofree char *path = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  const char *count_triggers = "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_schema "
                               "WHERE type IN ('trigger', 'index') ORDER BY name)";
  /* each hub's facets, by its id (row numbers differ between databases) */
  const char *facets = "SELECT count (*) || ' ' || group_concat (f, '|') FROM (SELECT h.id || ',' || "
                       "quote (f.government_id) || quote (f.name) || "
                       "quote (coalesce (f.name_key, l4a_fold (f.name))) || "
                       "quote (coalesce (f.government_key, l4a_fold ((SELECT name FROM government "
                       "WHERE id = f.government_id)))) || "
                       "quote (f.region) || quote (f.country) || quote (f.pact_axis) || quote (f.status) || "
                       "quote (f.format) || quote (f.start_on) || quote (f.end_on) || quote (f.sdgs) || "
                       "quote (f.councils) AS f "
                       "FROM hub_facet f JOIN hub h ON h.num = f.num ORDER BY h.id)";

  trust_all (there, here, NULL);
  exec_sql (there, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) "
                   "INSERT INTO hub (id, government_id, name, summary, start_on, end_on, created_at, updated_at, "
                   "origin) SELECT printf ('10000000-0000-4000-8000-%012d', i), "
                   "(SELECT id FROM government ORDER BY id LIMIT 1), 'Bulk hub ' || i, 'Riverside wetlands number ' || i, "
                   "'2025-01-01', '2026-12-31', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n");
  /* enough records for the plan to share its work with a second thread */
  exec_sql (there, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                   "INSERT INTO measurement (id, indicator_id, measured_on, value, created_at, updated_at, origin) "
                   "SELECT printf ('30000000-0000-4000-8000-%012d', i), "
                   "(SELECT id FROM indicator WHERE hub_id IS NOT NULL ORDER BY id LIMIT 1), "
                   "date ('2000-01-01', '+' || i || ' days'), i / 7.0, '2026-01-01T00:00:00Z', "
                   "'2026-01-01T00:00:00Z', 'test' FROM n");
  path = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  /* another program's trigger, whose name needs quoting, is set aside
   * and made again with ours */
  exec_sql (here, "CREATE TRIGGER \"hub_facet_\"\"quoted\"\"\" AFTER DELETE ON hub_sdg BEGIN SELECT 1; END");
  triggers = text_of (here, count_triggers);
  g_assert_nonnull (strstr (triggers, "hub_facet_\"quoted\""));
  g_assert_nonnull (strstr (triggers, "hub_fts_insert"));
  g_assert_nonnull (strstr (triggers, "hub_facet_sdg_insert"));
  g_assert_nonnull (strstr (triggers, "hub_facet_by_region"));

  /* the last hub names no government: refused while writing, after the
   * index's triggers were set aside */
  broken = tampered (path, break_last_hub, NULL);
  bundle = l4a_test_open_bundle (NULL, broken, &error);
  g_assert_no_error (error);
  before = l4a_test_fingerprint (l4a_store_get_path (here));
  cache = store_text (here, "PRAGMA cache_size");
  g_assert_false (l4a_import_now (here, bundle, NULL, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "government_id"));
  g_clear_error (&error);
  /* the larger page cache of a large bundle's writing was given back */
  assert_as_before (here, before, cache, count_triggers, triggers);
  g_clear_pointer (&bundle, l4a_bundle_free);

  /* records added are inserted many at a time: one refused in the middle
   * of many is named with its field, by the preview's trial too, and
   * nothing is left of those before it */
  for (guint position = 9000; position <= 9040; position += 40)
    {
      g_autoptr(L4aImportPlan) plan = NULL;
      g_autofree char *wrong = tampered (path, break_measurement, GUINT_TO_POINTER (position));
      g_autoptr(L4aBundle) wrong_bundle = l4a_test_open_bundle (NULL, wrong, &error);
      g_autofree char *id = NULL;   /* how messages name it */

      g_assert_no_error (error);
      {
        const L4aBundleList *list = l4a_bundle_get_list (wrong_bundle, TRUE, "measurement");
        g_auto(L4aBundleIter) iter = { 0 };
        JsonNode *element = NULL;

        /* the id of the record at @position */
        l4a_bundle_iter_init (&iter, wrong_bundle, list);
        for (guint i = 0; i < position; i++)
          g_assert_true (l4a_bundle_iter_skip (&iter));
        g_assert_true (l4a_bundle_iter_next (&iter, &element, &error));
        id = l4a_records_describe ("measurement", json_node_get_object (element), position);
        json_node_unref (element);
      }
      g_free (before);
      before = l4a_test_fingerprint (l4a_store_get_path (here));
      g_assert_false (l4a_import_now (here, wrong_bundle, NULL, FALSE, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "indicator_id"));
      g_assert_nonnull (strstr (error->message, id));
      g_clear_error (&error);
      plan = l4a_import_plan (here, wrong_bundle, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "indicator_id"));
      g_assert_nonnull (strstr (error->message, id));
      g_clear_error (&error);
      g_free (after);
      after = l4a_test_fingerprint (l4a_store_get_path (here));
      g_assert_cmpstr (before, ==, after);
    }

  bundle = l4a_test_open_bundle (NULL, path, &error);
  g_assert_no_error (error);
  /* the preview's trial sets the search index and the facets aside too,
   * and leaves them to its rollback: the database, its triggers and its
   * indexes are as they were */
  {
    g_autoptr(L4aImportPlan) plan = l4a_import_plan (here, bundle, &error);

    g_assert_no_error (error);
    g_assert_nonnull (plan);
    g_assert_cmpuint (plan->counts[L4A_IMPORT_ADD], >, 21000);
    assert_as_before (here, before, cache, count_triggers, triggers);
  }
  g_assert_true (l4a_import_now (here, bundle, NULL, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (after);
  after = store_text (here, "PRAGMA cache_size");
  g_assert_cmpstr (after, ==, cache);
  g_free (after);
  after = text_of (here, count_triggers);
  g_assert_cmpstr (after, ==, triggers);
  g_free (after);
  after = text_of (here, "SELECT (SELECT count (*) FROM hub_fts) = (SELECT count (*) FROM hub)");
  g_assert_cmpstr (after, ==, "1");
  g_free (after);
  after = text_of (here, "SELECT count (*) FROM hub_fts WHERE hub_fts MATCH 'wetlands'");
  g_assert_cmpstr (after, ==, "1500");
  /* and the governments' index, made again with it */
  g_free (after);
  after = text_of (here, "SELECT (SELECT count (*) FROM government_fts) = (SELECT count (*) FROM government) "
                         "AND (SELECT count (*) FROM government_num) = (SELECT count (*) FROM government) "
                         "AND (SELECT count (*) FROM government) > 0");
  g_assert_cmpstr (after, ==, "1");
  g_free (after);
  after = text_of (here, "SELECT count (*) FROM government_fts WHERE government_fts MATCH 'soria'");
  g_assert_cmpstr (after, ==, "1");

  /* the facets, made again at the end, are those the sending database's
   * triggers wrote hub by hub: goals, councils, regions and sort keys */
  {
    g_autofree char *sent = store_text (there, facets);
    g_autofree char *written = store_text (here, facets);
    g_autofree char *hubs = text_of (there, "SELECT count (*) FROM hub");
    g_autofree char *with_goals = text_of (here, "SELECT count (*) > 0 FROM hub_facet WHERE sdgs != 0 "
                                                 "AND councils != 0 AND region IS NOT NULL");
    /* the sort keys written, not left for later */
    g_autofree char *keys = store_text (here, "SELECT count (*) FROM hub_facet f "
                                              "WHERE f.name_key IS NOT l4a_fold (f.name) OR f.government_key IS NOT "
                                              "l4a_fold ((SELECT name FROM government WHERE id = f.government_id))");

    g_assert_cmpstr (written, ==, sent);
    g_assert_true (g_str_has_prefix (written, hubs));
    g_assert_cmpstr (with_goals, ==, "1");
    g_assert_cmpstr (keys, ==, "0");
  }

  /* every record written as it was sent, each with what was agreed on it */
  {
    const char *content = "SELECT count (*) || ' ' || total (value) || ' ' || "
                          "group_concat (id || measured_on || value, '') FROM "
                          "(SELECT * FROM measurement WHERE id LIKE '30000000-%' ORDER BY id)";
    g_autofree char *sent = text_of (there, content);
    g_autofree char *written = text_of (here, content);
    g_autofree char *measurements = text_of (there, "SELECT count (*) FROM measurement");

    g_assert_cmpstr (written, ==, sent);
    g_assert_true (g_str_has_prefix (written, "20000 "));
    g_free (after);
    after = text_of (here, "SELECT count (*) FROM sync_state WHERE record_type = 'measurement'");
    g_assert_cmpstr (after, ==, measurements);
    /* and audited, one row each, the last batch too */
    g_free (after);
    after = text_of (here, "SELECT count (*) FROM audit WHERE record_type = 'measurement' AND action = 'create'");
    g_assert_cmpstr (after, ==, measurements);
  }

  /* a second large bundle that changes the hubs here (their names, a
   * goal each): the facets, made again, follow */
  {
    g_autofree char *again = NULL;
    g_autoptr(L4aBundle) changed = NULL;
    g_autofree char *sent = NULL;
    g_autofree char *written = NULL;
    guint n_written = 0;

    exec_sql (there, "UPDATE hub SET name = name || ' renamed', revision = revision + 1 "
                     "WHERE id LIKE '10000000-%';"
                     "INSERT INTO hub_sdg (hub_id, goal) SELECT id, 3 FROM hub WHERE id LIKE '10000000-%'");
    again = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
    changed = l4a_test_open_bundle (NULL, again, &error);
    g_assert_no_error (error);
    /* the second import in this process: the statements it had cached
     * before the first set triggers aside are prepared again */
    g_assert_true (l4a_import_now (here, changed, NULL, FALSE, NULL, &n_written, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_written, >=, 1500);
    sent = store_text (there, facets);
    written = store_text (here, facets);
    g_assert_cmpstr (written, ==, sent);
    g_free (after);
    after = text_of (here, "SELECT count (*) FROM hub_facet f JOIN hub h ON h.num = f.num "
                           "WHERE h.id LIKE '10000000-%' AND f.sdgs = 8 AND f.name LIKE '% renamed'");
    g_assert_cmpstr (after, ==, "1500");
    g_free (after);
    after = text_of (here, count_triggers);
    g_assert_cmpstr (after, ==, triggers);
  }

  /* a third, whose first hub changed on both sides: refused, nothing
   * written, the 20 000 measurements after it planned all the same (the
   * reader's thread frees them while the writer, set aside, keeps the
   * records it had before the conflict) */
  {
    g_autofree char *third = NULL;
    g_autoptr(L4aBundle) conflicting = NULL;
    g_autofree char *measured = NULL;
    g_autofree char *measured_after = NULL;
    g_autoptr(L4aImportPlan) plan = NULL;

    exec_sql (there, "UPDATE hub SET summary = 'Changed there', revision = revision + 1 "
                     "WHERE id = '10000000-0000-4000-8000-000000000003';"
                     "UPDATE measurement SET value = value + 1, revision = revision + 1 WHERE id LIKE '30000000-%'");
    exec_sql (here, "UPDATE hub SET summary = 'Changed here', revision = revision + 1 "
                    "WHERE id = '10000000-0000-4000-8000-000000000003'");
    third = export_to (there, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
    conflicting = l4a_test_open_bundle (NULL, third, &error);
    g_assert_no_error (error);
    measured = text_of (here, "SELECT total (value) FROM measurement");
    g_assert_false (l4a_import_now (here, conflicting, NULL, FALSE, &plan, NULL, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_nonnull (plan);
    g_assert_cmpuint (plan->counts[L4A_IMPORT_CONFLICT], ==, 1);
    g_assert_cmpuint (plan->counts[L4A_IMPORT_UPDATE], >=, 20000);
    measured_after = text_of (here, "SELECT total (value) FROM measurement");
    g_assert_cmpstr (measured_after, ==, measured);
    g_free (after);
    after = text_of (here, "SELECT summary FROM hub WHERE id = '10000000-0000-4000-8000-000000000003'");
    g_assert_cmpstr (after, ==, "Changed here");
  }

  /* the triggers are back at work */
  exec_sql (here, "UPDATE hub SET name = 'Zanzibar Ferry Hub' WHERE id = '10000000-0000-4000-8000-000000000007'");
  g_free (after);
  after = text_of (here, "SELECT count (*) FROM hub_fts WHERE hub_fts MATCH 'zanzibar'");
  g_assert_cmpstr (after, ==, "1");
  exec_sql (here, "UPDATE government SET name = 'Pemba Island Council' WHERE name = 'Soria'");
  g_free (after);
  after = text_of (here, "SELECT count (*) FROM government_fts WHERE government_fts MATCH 'pemba'");
  g_assert_cmpstr (after, ==, "1");
  /* the facets' triggers too: a goal given (to the goal 3 it had), a
   * government renamed (by another program: its sort key is left for this
   * one to fill) */
  exec_sql (here, "INSERT INTO hub_sdg (hub_id, goal) VALUES ('10000000-0000-4000-8000-000000000007', 14);"
                  "UPDATE government SET name = 'Unguja Council', "
                  "region = CASE region WHEN 'africa' THEN 'eurasia' ELSE 'africa' END "
                  "WHERE id = (SELECT government_id FROM hub WHERE id = '10000000-0000-4000-8000-000000000007')");
  g_free (after);
  after = text_of (here, "SELECT f.sdgs || ' ' || (f.region = g.region) || ' ' || quote (f.government_key) "
                         "FROM hub_facet f JOIN hub h ON h.num = f.num JOIN government g ON g.id = h.government_id "
                         "WHERE h.id = '10000000-0000-4000-8000-000000000007'");
  g_assert_cmpstr (after, ==, "16392 1 NULL");
}

/* A record of @table added to the bundle: @data is its JSON text. */
typedef struct
{
  const char *table;
  const char *json;
} AddedRecord;

static void
add_record (JsonObject *root,
            gpointer    data)
{
  const AddedRecord *added = data;
  JsonObject *records = json_object_get_object_member (root, "records");
  g_autoptr(JsonNode) node = json_from_string (added->json, NULL);

  if (!json_object_has_member (records, added->table))
    json_object_set_array_member (records, added->table, json_array_new ());
  json_array_add_element (json_object_get_array_member (records, added->table), g_steal_pointer (&node));
}

/* The record of @table whose id is @id, or NULL. */
static JsonObject *
record_with_id (JsonObject *root,
                const char *table,
                const char *id)
{
  JsonArray *array = json_object_get_array_member (json_object_get_object_member (root, "records"), table);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id) == 0)
      return json_array_get_object_element (array, i);
  return NULL;
}

typedef struct
{
  const char *table;
  const char *id;
  const char *field;
  const char *value;
} IdFieldValue;

static void
set_field_of (JsonObject *root,
              gpointer    data)
{
  const IdFieldValue *change = data;
  JsonObject *record = record_with_id (root, change->table, change->id);

  g_assert_nonnull (record);
  json_object_set_string_member (record, change->field, change->value);
}

/* A government records an activity and a deliverable change with its
 * evidence, and sends its monitoring: the secretariat gets all of it; the
 * registry brings the network's meetings back; and a monitoring bundle
 * changes nothing the lead government could not change in the window. */
static void
test_monitoring_bundles (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "monitor-office.sqlite");
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "monitor-city.sqlite");
  g_autoptr(L4aStore) fresh = open_empty ("monitor-fresh.sqlite");
  g_autofree char *lead = text_of (office, HUB_LEAD);
  g_autofree char *sql = g_strdup_printf ("SELECT min (id) FROM hub WHERE government_id = '%s'", lead);
  g_autofree char *hub = text_of (office, sql);
  g_autofree char *other_hub = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *foreign_deliverable = NULL;
  g_autofree char *monitoring = NULL;
  g_autofree char *registry = NULL;
  g_autoptr(L4aActivity) activity = l4a_activity_new ();
  g_autoptr(L4aDeliverableChange) change = l4a_deliverable_change_new ();
  g_autoptr(L4aNetworkEvent) forum = l4a_network_event_new ();
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%evidence of the guide\n", 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(L4aReport) report = NULL;
  g_autofree char *day = NULL;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    day = g_date_time_format (now, "%Y-%m-%d");
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT min (id) FROM hub WHERE government_id <> '%s'", lead);
  other_hub = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT min (d.id) FROM deliverable d WHERE d.hub_id = '%s' AND d.status = 'planned'", hub);
  planned = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT min (d.id) FROM deliverable d JOIN hub h ON h.id = d.hub_id "
                         "WHERE h.government_id <> '%s'", lead);
  foreign_deliverable = text_of (office, sql);
  trust_all (office, city, fresh, NULL);

  /* the city, as the hub's lead government */
  l4a_test_act_as (city, L4A_ROLE_GOVERNMENT, lead);
  activity->hub_id = g_strdup (hub);
  g_object_set (activity, "kind", "joint-product", NULL);
  activity->title = g_strdup ("Joint guide with a sister hub");
  activity->starts_on = g_strdup ("2026-04-02");
  activity->online = TRUE;
  activity->sdgs = 1u << 11;
  g_ptr_array_add (activity->hubs, g_strdup (other_hub));
  g_assert_true (l4a_activity_attach (city, activity, "guide-cover.pdf", pdf, &error));
  g_assert_true (l4a_activity_save (city, activity, &error));
  g_assert_no_error (error);
  change->deliverable_id = g_strdup (planned);
  change->status = g_strdup ("done");
  change->changed_on = g_strdup ("2026-04-03");
  change->evidence_name = g_strdup ("guide.pdf");
  g_assert_true (l4a_attachment_store (city, "guide.pdf", pdf, &change->evidence_sha256, NULL, &error));
  g_assert_true (l4a_deliverable_set_status (city, change, &error));
  g_assert_no_error (error);
  /* and the report of a period that has ended, with no report yet */
  {
    g_autoptr(GPtrArray) slots = l4a_reporting_schedule (city, hub, &error);
    const char *start = NULL;

    for (guint i = 0; i < slots->len; i++)
      {
        L4aReportSlot *slot = g_ptr_array_index (slots, i);

        if (strcmp (slot->period_end, day) < 0)
          {
            g_autofree char *drop = g_strdup_printf ("DELETE FROM progress_report WHERE hub_id = '%s' "
                                                     "AND period_start = '%s'", hub, slot->period_start);

            /* the same on both sides, as if it had never been written */
            exec_sql (city, drop);
            exec_sql (office, drop);
            start = slot->period_start;
          }
      }
    g_assert_nonnull (start);
    report = l4a_report_open (city, hub, start, &error);
    g_assert_no_error (error);
    g_free (report->narrative);
    report->narrative = g_strdup ("The joint guide was written with a sister hub and the toolkit is done.");
    g_assert_true (l4a_report_submit (city, report, &error));
    g_assert_no_error (error);
  }
  /* and a link proposed to another hub */
  g_assert_true (l4a_hub_link_propose (city, hub, other_hub, "peer-learning", "Heat and care", &error));
  g_assert_no_error (error);
  monitoring = export_to (city, L4A_ROLE_GOVERNMENT, lead, "monitoring", NULL);

  /* the secretariat takes it in: the activity with its lists, the new
   * status, its change and the evidence */
  plan = import_file (office, monitoring, L4A_RESOLVE_THEIRS);
  assert_all_present (office, monitoring);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM activity a JOIN activity_hub x ON x.activity_id = a.id "
                         "JOIN activity_sdg s ON s.activity_id = a.id WHERE a.id = '%s' AND x.hub_id = '%s' "
                         "AND s.goal = 11 AND a.online = 1", activity->id, other_hub);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM activity_attachment f JOIN attachment a ON a.sha256 = f.sha256 "
                         "WHERE f.activity_id = '%s' AND f.name = 'guide-cover.pdf'", activity->id);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM deliverable d JOIN deliverable_change c ON c.deliverable_id = d.id "
                         "JOIN attachment a ON a.sha256 = c.evidence_sha256 WHERE d.id = '%s' AND d.status = 'done'",
                         planned);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM progress_report WHERE id = '%s' AND status = 'submitted' "
                         "AND gathered LIKE '%%deliverables%%'", report->id);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), sql), ==, 1);
  g_clear_pointer (&plan, l4a_import_plan_free);

  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office),
                                     "SELECT count(*) FROM hub_link WHERE status = 'proposed' "
                                     "AND proposed_by = 'government' AND note = 'Heat and care'"), ==, 1);
  /* a link the government could not make so in the window */
  {
    g_autofree char *link = text_of (city, "SELECT id FROM hub_link WHERE note = 'Heat and care'");
    IdFieldValue accepted = { "hub_link", link, "status", "accepted" };
    IdFieldValue reason = { "hub_link", link, "reason", "joint-product" };
    AddedRecord foreign = { "hub_link", NULL };
    g_autofree char *json = NULL;
    g_autofree char *bad = NULL;

    bad = tampered (monitoring, set_field_of, &accepted);
    expect_refused (office, bad, "answers a proposed link");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &reason);
    expect_refused (office, bad, "keeps its hubs, its reason");
    g_clear_pointer (&bad, g_free);
    /* a link from a hub it does not lead */
    json = g_strdup_printf ("{\"id\": \"5a1e0000-0000-4000-8000-000000000002\", \"hub_id\": \"%s\", "
                            "\"other_id\": \"%s\", \"reason\": \"peer-learning\", \"status\": \"proposed\", "
                            "\"proposed_by\": \"government\", \"note\": \"\"}", other_hub, hub);
    foreign.json = json;
    bad = tampered (monitoring, add_record, &foreign);
    expect_refused (office, bad, "from the hubs it leads");
  }

  /* a report the government could not write so in the window */
  {
    IdFieldValue acknowledged = { "progress_report", report->id, "status", "acknowledged" };
    IdFieldValue comment = { "progress_report", report->id, "comment", "Perfect, says the secretariat." };
    IdFieldValue shifted = { "progress_report", report->id, "period_start", "2025-01-02" };
    IdFieldValue elsewhere = { "progress_report", report->id, "hub_id", other_hub };
    g_autofree char *bad = NULL;

    /* sent back here first, so that the government may submit it again */
    g_free (sql);
    sql = g_strdup_printf ("UPDATE progress_report SET status = 'changes-requested' WHERE id = '%s'", report->id);
    exec_sql (office, sql);
    bad = tampered (monitoring, set_field_of, &acknowledged);
    expect_refused (office, bad, "only the World Secretariat acknowledges");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &comment);
    expect_refused (office, bad, "the comment is the World Secretariat");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &shifted);
    expect_refused (office, bad, "reporting periods");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &elsewhere);
    expect_refused (office, bad, "hubs its government leads");
    g_clear_pointer (&bad, g_free);
    /* acknowledged here: a monitoring bundle no longer changes it */
    g_free (sql);
    sql = g_strdup_printf ("UPDATE progress_report SET status = 'acknowledged', narrative = 'Read.' WHERE id = '%s'",
                           report->id);
    exec_sql (office, sql);
    expect_refused (office, monitoring, "can no longer change it");
  }

  /* what the same government could not do in the window */
  {
    g_autofree char *done_elsewhere = NULL;
    IdFieldValue title = { "deliverable", planned, "title", "Renamed by the city" };
    IdFieldValue due = { "deliverable", planned, "due_on", "2030-01-01" };
    IdFieldValue foreign = { "deliverable_change", change->id, "deliverable_id", foreign_deliverable };
    IdFieldValue future = { "deliverable_change", change->id, "changed_on", "2099-01-01" };
    IdFieldValue unknown = { "deliverable_change", change->id, "status", "finished" };
    IdFieldValue elsewhere = { "activity", activity->id, "hub_id", other_hub };
    IdFieldValue backwards = { "activity", activity->id, "ends_on", "2026-04-01" };
    IdFieldValue script = { "activity", activity->id, "url", "javascript:alert(1)" };
    IdFieldValue kind = { "activity", activity->id, "kind", "event" };
    g_autofree char *file_id = text_of (city, "SELECT id FROM activity_attachment WHERE name = 'guide-cover.pdf'");
    g_autofree char *foreign_activity = NULL;
    IdFieldValue stolen = { "activity_attachment", file_id, "activity_id", NULL };
    AddedRecord meeting = { "network_event", "{\"id\": \"5a1e0000-0000-4000-8000-000000000001\", \"kind\": "
                            "\"forum\", \"title\": \"Smuggled forum\", \"starts_on\": \"2026-05-01\", "
                            "\"ends_on\": \"2026-05-02\"}" };
    g_autofree char *bad = NULL;

    bad = tampered (monitoring, set_field_of, &title);
    expect_refused (office, bad, "agreed with the World Secretariat");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &due);
    expect_refused (office, bad, "agreed with the World Secretariat");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &foreign);
    expect_refused (office, bad, "changes of the deliverables");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &future);
    expect_refused (office, bad, "in the future");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &unknown);
    expect_refused (office, bad, "must be one of");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &elsewhere);
    expect_refused (office, bad, "hubs its government leads");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &backwards);
    expect_refused (office, bad, "ends before it starts");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &script);
    expect_refused (office, bad, "not a web address");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, set_field_of, &kind);
    expect_refused (office, bad, "only a joint product");
    g_clear_pointer (&bad, g_free);
    /* a file moved onto another government's activity */
    g_free (sql);
    sql = g_strdup_printf ("SELECT min (a.id) FROM activity a JOIN hub h ON h.id = a.hub_id "
                           "WHERE h.government_id <> '%s'", lead);
    foreign_activity = text_of (office, sql);
    stolen.value = foreign_activity;
    bad = tampered (monitoring, set_field_of, &stolen);
    expect_refused (office, bad, "files of the activities");
    g_clear_pointer (&bad, g_free);
    bad = tampered (monitoring, add_record, &meeting);
    expect_refused (office, bad, "does not carry");
    g_clear_pointer (&bad, g_free);

    /* a status that moves without its recorded change, or against the
     * ways a status may change */
    g_free (sql);
    sql = g_strdup_printf ("SELECT min (id) FROM deliverable WHERE hub_id = '%s' AND status = 'done'", hub);
    done_elsewhere = text_of (office, sql);
    {
      IdFieldValue jump = { "deliverable", done_elsewhere, "status", "planned" };

      bad = tampered (monitoring, set_field_of, &jump);
      expect_refused (office, bad, "without a recorded change");
      g_clear_pointer (&bad, g_free);
    }
  }

  /* the registry brings the changes and the network's meetings back */
  forum->title = g_strdup ("Venice Solutions Forum");
  forum->starts_on = g_strdup ("2026-09-21");
  forum->ends_on = g_strdup ("2026-09-23");
  g_ptr_array_add (forum->hubs, g_strdup (hub));
  g_assert_true (l4a_network_event_save (office, forum, &error));
  g_assert_no_error (error);
  registry = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  plan = import_file (fresh, registry, L4A_RESOLVE_THEIRS);
  assert_all_present (fresh, registry);
  for (guint i = 0; i < 4; i++)
    {
      const char *count = (const char *[]) { "SELECT count(*) FROM network_event_hub",
                                             "SELECT count(*) FROM deliverable_change",
                                             "SELECT count(*) FROM activity_hub",
                                             "SELECT count(*) FROM hub_link" }[i];

      g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (office), count), >, 0);
      g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (fresh), count), ==,
                       l4a_test_sql_int (l4a_store_get_path (office), count));
    }
}

/* What hubs report meets the same merge as the rest: an activity edited by
 * its government and by the secretariat is a conflict, shown field by
 * field; one edited on one side only comes through; a meeting edited on
 * both sides too. */
static void
test_monitoring_conflicts (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "monitor-merge-office.sqlite");
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "monitor-merge-city.sqlite");
  g_autofree char *lead = text_of (office, HUB_LEAD);
  g_autofree char *sql = g_strdup_printf ("SELECT a.id FROM activity a JOIN hub h ON h.id = a.hub_id "
                                          "WHERE h.government_id = '%s' ORDER BY a.id", lead);
  g_autofree char *both = text_of (office, sql);
  g_autofree char *theirs = NULL;
  g_autofree char *meeting = text_of (office, "SELECT min (id) FROM network_event");
  g_autofree char *monitoring = NULL;
  g_autofree char *registry = NULL;
  g_autofree char *title = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_free (sql);
  sql = g_strdup_printf ("SELECT a.id FROM activity a JOIN hub h ON h.id = a.hub_id "
                         "WHERE h.government_id = '%s' AND a.id <> '%s' ORDER BY a.id", lead, both);
  theirs = text_of (office, sql);
  trust_all (office, city, NULL);

  /* the city edits two activities, the office one of them */
  l4a_test_act_as (city, L4A_ROLE_GOVERNMENT, lead);
  {
    g_autoptr(L4aActivity) a = l4a_activity_load (city, both, &error);
    g_autoptr(L4aActivity) b = l4a_activity_load (city, theirs, &error);

    g_free (a->title);
    a->title = g_strdup ("Named by the city");
    g_assert_true (l4a_activity_save (city, a, &error));
    g_free (b->place);
    b->place = g_strdup ("Changed by the city only");
    g_assert_true (l4a_activity_save (city, b, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(L4aActivity) a = l4a_activity_load (office, both, &error);

    g_free (a->title);
    a->title = g_strdup ("Named by the office");
    g_assert_true (l4a_activity_save (office, a, &error));
    g_assert_no_error (error);
  }
  monitoring = export_to (city, L4A_ROLE_GOVERNMENT, lead, "monitoring", NULL);
  plan = import_file (office, monitoring, L4A_RESOLVE_MINE);
  g_assert_cmpint (find_change (plan, "activity", both)->action, ==, L4A_IMPORT_CONFLICT);
  g_assert_true (g_ptr_array_find_with_equal_func (find_change (plan, "activity", both)->fields, "title", g_str_equal,
                                                   NULL));
  g_assert_cmpint (find_change (plan, "activity", theirs)->action, ==, L4A_IMPORT_UPDATE);
  g_free (sql);
  sql = g_strdup_printf ("SELECT title FROM activity WHERE id = '%s'", both);
  title = text_of (office, sql);
  g_assert_cmpstr (title, ==, "Named by the office");
  g_free (sql);
  sql = g_strdup_printf ("SELECT place FROM activity WHERE id = '%s'", theirs);
  {
    g_autofree char *place = text_of (office, sql);
    g_assert_cmpstr (place, ==, "Changed by the city only");
  }
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* a meeting the city's copy also changed (as a secretariat's full copy
   * would): their version taken */
  l4a_test_act_as (city, L4A_ROLE_SECRETARIAT, NULL);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE network_event SET place = 'Changed here', revision = revision + 1 WHERE id = '%s'",
                         meeting);
  exec_sql (city, sql);
  {
    g_autoptr(GPtrArray) events = l4a_network_events_list (office, &error);
    L4aNetworkEvent *event = NULL;

    for (guint i = 0; i < events->len; i++)
      if (g_str_equal (((L4aNetworkEvent *) g_ptr_array_index (events, i))->id, meeting))
        event = g_ptr_array_index (events, i);
    g_free (event->place);
    event->place = g_strdup ("Changed at the office");
    g_assert_true (l4a_network_event_save (office, event, &error));
    g_assert_no_error (error);
  }
  registry = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  plan = import_file (city, registry, L4A_RESOLVE_THEIRS);
  g_assert_cmpint (find_change (plan, "network_event", meeting)->action, ==, L4A_IMPORT_CONFLICT);
  g_free (sql);
  sql = g_strdup_printf ("SELECT place FROM network_event WHERE id = '%s'", meeting);
  {
    g_autofree char *place = text_of (city, sql);
    g_assert_cmpstr (place, ==, "Changed at the office");
  }
}


/* A list of the member record of a reviews bundle set to @data:
 * "member-list" then the list's name, then its one value as JSON. */
static void
set_member_list (JsonObject *root,
                 gpointer    data)
{
  const char * const *change = data;
  JsonObject *member = record_of (root, "member", 0);
  g_autoptr(JsonNode) value = json_from_string (change[1], NULL);
  JsonArray *list = json_array_new ();

  json_array_add_element (list, json_node_copy (value));
  json_object_set_array_member (member, change[0], list);
}

/* A member declines an assignment: the reason travels in their reviews
 * bundle, the slot is free at the secretariat and never offered to them
 * again; a bundle that declines what is not theirs, or changes more than
 * the decline, is refused and changes nothing. */
static void
test_declines (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "declines-office.sqlite");
  g_autoptr(L4aStore) board = l4a_test_open_with_sample (tmpdir, "declines-board.sqlite");
  g_autofree char *pair = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *other = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  const char *member, *proposal;

  trust_all (office, board, NULL);
  pair = text_of (board, "SELECT a.member_id || ' ' || a.proposal_id FROM assignment a "
                         "JOIN proposal p ON p.id = a.proposal_id AND a.round = p.version "
                         "WHERE p.state = 'under-review' AND NOT EXISTS (SELECT 1 FROM review r "
                         "  WHERE r.member_id = a.member_id AND r.proposal_id = a.proposal_id "
                         "  AND r.submitted_at IS NOT NULL) ORDER BY a.id LIMIT 1");
  g_assert_nonnull (pair);
  parts = g_strsplit (pair, " ", 2);
  member = parts[0];
  proposal = parts[1];

  /* on the member's workstation: a reason is needed, then it is declined once */
  l4a_store_set_actor (board, L4A_ROLE_MEMBER, member);
  {
    g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (board));
    g_autofree char *after = NULL;

    g_assert_false (l4a_review_decline (board, proposal, "   ", &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "reason"));
    g_clear_error (&error);
    after = l4a_test_fingerprint (l4a_store_get_path (board));
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_true (l4a_review_decline (board, proposal, "I advised its partner city last year.", &error));
  g_assert_no_error (error);
  g_assert_false (l4a_review_decline (board, proposal, "Again", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* a declined assignment takes no review */
  {
    g_autoptr(L4aReview) review = l4a_review_open (board, proposal, &error);

    g_assert_no_error (error);
    g_assert_false (l4a_review_save (board, review, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_assert_nonnull (strstr (error->message, "declined"));
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) mine = l4a_review_my_assignments (board, &error);
    gboolean seen = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < mine->len; i++)
      {
        L4aAssignmentInfo *info = g_ptr_array_index (mine, i);

        if (g_str_equal (info->proposal_id, proposal))
          {
            g_assert_cmpint (info->state, ==, L4A_REVIEW_DECLINED);
            g_assert_cmpstr (info->decline_reason, ==, "I advised its partner city last year.");
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
  /* and declares what they can review, on their own workstation */
  {
    g_autoptr(L4aMemberEdit) me = l4a_member_load (board, member, &error);
    guint goal = 6;

    g_assert_no_error (error);
    g_strfreev (me->languages);
    me->languages = g_strdupv ((char *[]) { "es", "fr", NULL });
    g_array_set_size (me->sdgs, 0);
    g_array_append_val (me->sdgs, goal);
    g_assert_true (l4a_member_declare_expertise (board, me, &error));
    g_assert_no_error (error);
    g_free (me->id);
    me->id = text_of (board, "SELECT id FROM member ORDER BY id DESC LIMIT 1");
    if (g_strcmp0 (me->id, member) != 0)
      {
        g_assert_false (l4a_member_declare_expertise (board, me, &error));
        g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
        g_clear_error (&error);
      }
  }
  l4a_store_set_actor (board, L4A_ROLE_SECRETARIAT, NULL);
  reviews = export_to (board, L4A_ROLE_MEMBER, member, "reviews", NULL);
  {
    FieldValue renamed = { "member", "name", "Someone Else" };
    FieldValue moved = { "member", "country", "FR" };
    g_autofree char *a = tampered (reviews, set_field, &renamed);
    g_autofree char *b = tampered (reviews, set_field, &moved);

    expect_refused (office, a, "its own member, changed in what they can review");
    expect_refused (office, b, "its own member, changed in what they can review");
  }
  /* what they declare is held to the same lists as the window */
  {
    static const char * const language[] = { "languages", "\"de\"" };
    static const char * const axis[] = { "axes", "\"no-such-axis\"" };
    static const char * const region[] = { "regions", "{\"a\": 1}" };
    static const char * const goal[] = { "sdgs", "99" };
    g_autofree char *a = tampered (reviews, set_member_list, (gpointer) language);
    g_autofree char *b = tampered (reviews, set_member_list, (gpointer) axis);
    g_autofree char *c = tampered (reviews, set_member_list, (gpointer) region);
    g_autofree char *d = tampered (reviews, set_member_list, (gpointer) goal);

    expect_refused (office, a, "languages");
    expect_refused (office, b, "axes");
    expect_refused (office, c, "regions");
    expect_refused (office, d, "sdgs");
  }

  /* hostile copies: another member's name, another round, no reason */
  other = text_of (office, "SELECT id FROM member ORDER BY id DESC LIMIT 1");
  {
    FieldValue whose = { "assignment", "member_id", other };
    FieldValue why = { "assignment", "decline_reason", "  " };
    struct { const char *type, *field; gint64 value; } round = { "assignment", "round", 7 };
    g_autofree char *a = tampered (reviews, set_field, &whose);
    g_autofree char *b = tampered (reviews, set_field, &why);
    g_autofree char *c = tampered (reviews, set_count, &round);

    expect_refused (office, a, "decline an assignment of its own member");
    expect_refused (office, b, "needs the date and a reason");
    expect_refused (office, c, "decline an assignment of its own member");
  }

  /* at the secretariat: declined, the slot free, never the same member again */
  plan = import_file (office, reviews, L4A_RESOLVE_MINE);
  sql = g_strdup_printf ("SELECT decline_reason FROM assignment WHERE member_id = '%s' AND proposal_id = '%s' "
                         "AND declined_at IS NOT NULL", member, proposal);
  {
    g_autofree char *reason = text_of (office, sql);

    g_assert_cmpstr (reason, ==, "I advised its partner city last year.");
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT group_concat (language, ' ') || '/' || (SELECT group_concat (goal) FROM member_sdg "
                         "WHERE member_id = '%s') FROM (SELECT language FROM member_language WHERE member_id = '%s' "
                         "ORDER BY language)", member, member);
  {
    g_autofree char *declared = text_of (office, sql);

    g_assert_cmpstr (declared, ==, "es fr/6");
  }
  l4a_store_set_actor (office, L4A_ROLE_SECRETARIAT, NULL);
  {
    g_autofree char *call = NULL;
    g_autofree char *count_sql = g_strdup_printf ("SELECT call_id FROM proposal WHERE id = '%s'", proposal);
    g_autofree char *assigned_sql = NULL;
    g_autoptr(L4aAssignMatrix) matrix = NULL;
    g_autoptr(GPtrArray) added = NULL;
    gint64 before, after;

    call = text_of (office, count_sql);
    matrix = l4a_review_matrix (office, call, &error);
    g_assert_no_error (error);
    for (guint p = 0; p < matrix->proposal_ids->len; p++)
      for (guint m = 0; m < matrix->member_ids->len; m++)
        if (g_str_equal (g_ptr_array_index (matrix->proposal_ids, p), proposal) &&
            g_str_equal (g_ptr_array_index (matrix->member_ids, m), member))
          g_assert_cmpint (matrix->cells[p * matrix->member_ids->len + m], ==, L4A_CELL_DECLINED);

    assigned_sql = g_strdup_printf ("SELECT count(*) FROM assignment WHERE proposal_id = '%s' "
                                    "AND declined_at IS NULL", proposal);
    before = l4a_test_sql_int (l4a_store_get_path (office), assigned_sql);
    /* room enough: only the decline should steer the choice */
    g_assert_true (l4a_review_assign_call (office, call, (guint) before + 1, 20, FALSE, &added, &error));
    g_assert_no_error (error);
    after = l4a_test_sql_int (l4a_store_get_path (office), assigned_sql);
    g_assert_cmpint (after, ==, before + 1);
    for (guint i = 0; i < added->len; i++)
      g_assert_cmpstr (((L4aAssignPair *) g_ptr_array_index (added, i))->member_id, !=, member);
    g_assert_false (l4a_review_assign (office, proposal, member, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_assert_nonnull (strstr (error->message, "declined"));
    g_clear_error (&error);
  }
}


/* The clarification round and the meta-review across three workstations:
 * the secretariat asks, the government answers in its submission, the
 * reviewer reads both in their packet and suggests a question that the
 * secretariat sends on in the Board's name; the lead reviewer writes the
 * meta-review. Forged copies are refused and change nothing. */
static void
test_clarifications (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "clarify-office.sqlite");
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "clarify-city.sqlite");
  g_autoptr(L4aStore) board = l4a_test_open_with_sample (tmpdir, "clarify-board.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *government = NULL;
  g_autofree char *member = NULL;
  g_autofree char *other_member = NULL;
  g_autofree char *question = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *decisions = NULL;
  g_autofree char *submission = NULL;
  g_autofree char *packet = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *sql = NULL;

  trust_all (office, city, board, NULL);
  /* the sample's questions aside: these are counted */
  exec_sql (office, "DELETE FROM clarification");
  exec_sql (city, "DELETE FROM clarification");
  exec_sql (board, "DELETE FROM clarification");
  /* a proposal under review whose reviews are all in */
  proposal = text_of (office, "SELECT p.id FROM proposal p WHERE p.state = 'under-review' AND NOT EXISTS "
                              "(SELECT 1 FROM assignment a WHERE a.proposal_id = p.id AND a.declined_at IS NULL "
                              " AND NOT EXISTS (SELECT 1 FROM review r WHERE r.proposal_id = p.id "
                              " AND r.member_id = a.member_id AND r.submitted_at IS NOT NULL)) ORDER BY p.id LIMIT 1");
  g_assert_nonnull (proposal);
  sql = g_strdup_printf ("SELECT government_id FROM proposal WHERE id = '%s'", proposal);
  government = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' ORDER BY member_id", proposal);
  member = text_of (office, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' ORDER BY member_id DESC", proposal);
  other_member = text_of (office, sql);
  g_assert_cmpstr (member, !=, other_member);

  /* the secretariat asks; a government cannot ask, nor a blank question */
  l4a_store_set_actor (office, L4A_ROLE_GOVERNMENT, government);
  g_assert_false (l4a_clarification_ask (office, proposal, "Why?", NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (office, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_clarification_ask (office, proposal, "  ", NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (l4a_clarification_ask (office, proposal, "Who funds the second year?", &question, &error));
  g_assert_no_error (error);

  /* to the city in its decisions bundle; it answers in its submission */
  decisions = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "decisions", government);
  plan = import_file (city, decisions, L4A_RESOLVE_MINE);
  g_clear_pointer (&plan, l4a_import_plan_free);
  l4a_store_set_actor (city, L4A_ROLE_GOVERNMENT, government);
  g_assert_cmpuint (l4a_clarification_count_waiting (city), ==, 1);
  list = l4a_clarification_list (city, proposal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((L4aClarification *) list->pdata[0])->question, ==, "Who funds the second year?");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (l4a_clarification_answer (city, question, "The regional council, as agreed in March.", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (l4a_clarification_count_waiting (city), ==, 0);
  l4a_store_set_actor (city, L4A_ROLE_SECRETARIAT, NULL);
  submission = export_to (city, L4A_ROLE_GOVERNMENT, government, "submission", NULL);

  /* forged answers: another question's text, an unanswered status */
  {
    FieldValue reworded = { "clarification", "question", "Who funds it all?" };
    FieldValue unanswered = { "clarification", "status", "sent" };
    g_autofree char *other_sql = g_strdup_printf ("SELECT id FROM proposal WHERE government_id <> '%s' "
                                                  "ORDER BY id LIMIT 1", government);
    g_autofree char *other_proposal = text_of (office, other_sql);
    FieldValue hijacked = { "clarification", "proposal_id", other_proposal };
    g_autofree char *a = tampered (submission, set_field, &reworded);
    g_autofree char *b = tampered (submission, set_field, &unanswered);
    g_autofree char *c = tampered (submission, set_field, &hijacked);

    expect_refused (office, a, "answers the questions sent to it");
    expect_refused (office, b, "an answer is answered");
    expect_refused (office, c, "answers the questions sent to it");
  }
  plan = import_file (office, submission, L4A_RESOLVE_MINE);
  g_clear_pointer (&plan, l4a_import_plan_free);
  g_free (sql);
  sql = g_strdup_printf ("SELECT answer FROM clarification WHERE id = '%s' AND status = 'answered'", question);
  {
    g_autofree char *answer = text_of (office, sql);

    g_assert_cmpstr (answer, ==, "The regional council, as agreed in March.");
  }

  /* the reviewer reads question and answer in their packet, and suggests one */
  packet = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "review-packet", member);
  plan = import_file (board, packet, L4A_RESOLVE_THEIRS);
  g_clear_pointer (&plan, l4a_import_plan_free);
  l4a_store_set_actor (board, L4A_ROLE_MEMBER, member);
  list = l4a_clarification_list (board, proposal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((L4aClarification *) list->pdata[0])->answer, ==, "The regional council, as agreed in March.");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (l4a_clarification_ask (board, proposal, "Are the partners' letters signed?", &suggestion, &error));
  g_assert_no_error (error);
  sql_assert_text (board, "SELECT status FROM clarification WHERE question LIKE 'Are the partners%'", "suggested");
  /* another reviewer of the proposal does not see a suggestion */
  l4a_store_set_actor (board, L4A_ROLE_MEMBER, other_member);
  list = l4a_clarification_list (board, proposal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  l4a_store_set_actor (board, L4A_ROLE_SECRETARIAT, NULL);
  reviews = export_to (board, L4A_ROLE_MEMBER, member, "reviews", NULL);
  {
    FieldValue impostor = { "clarification", "asked_by", other_member };
    FieldValue board_name = { "clarification", "status", "sent" };
    g_autofree char *a = tampered (reviews, set_field, &impostor);
    g_autofree char *b = tampered (reviews, set_field, &board_name);

    expect_refused (office, a, "suggest questions of its own member");
    expect_refused (office, b, "suggest questions of its own member");
  }
  plan = import_file (office, reviews, L4A_RESOLVE_MINE);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* the secretariat sends it on in the Board's name: no member named */
  l4a_store_set_actor (office, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_cmpuint (l4a_clarification_count_waiting (office), ==, 1);
  g_assert_true (l4a_clarification_send (office, suggestion, "Are the partners' support letters signed?", &error));
  g_assert_no_error (error);
  g_assert_false (l4a_clarification_send (office, suggestion, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT asked_by || '/' || status FROM clarification WHERE id = '%s'", suggestion);
  sql_assert_text (office, sql, "board/sent");
  {
    g_autofree char *again = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "decisions", government);
    g_autoptr(L4aBundle) opened = l4a_test_open_bundle (NULL, again, NULL);
    g_autoptr(JsonNode) whole = l4a_bundle_dup_root (opened, NULL);
    g_autofree char *text = json_to_string (json_object_get_member (json_node_get_object (whole), "records"), FALSE);

    /* neither member's id travels to the government with the records */
    g_assert_null (strstr (text, member));
    g_assert_null (strstr (text, other_member));
    g_assert_nonnull (strstr (text, "support letters"));
  }

  /* the meta-review: named once the reviews are in, written by the lead */
  g_assert_false (l4a_meta_review_request (office, proposal, "no-such-member", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (l4a_meta_review_request (office, proposal, member, &error));
  g_assert_no_error (error);
  {
    g_autoptr(L4aMetaReview) meta = l4a_meta_review_get (office, proposal, &error);
    g_autoptr(JsonNode) digest = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (meta);
    digest = json_from_string (meta->digest, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (digest)), >=, 2);
    /* reviewers numbered, never named */
    g_assert_null (strstr (meta->digest, "(sample)"));
    g_assert_null (strstr (meta->digest, member));
  }
  g_free (packet);
  packet = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "review-packet", member);
  plan = import_file (board, packet, L4A_RESOLVE_THEIRS);
  g_clear_pointer (&plan, l4a_import_plan_free);
  l4a_store_set_actor (board, L4A_ROLE_MEMBER, other_member);
  g_assert_null (l4a_meta_review_get (board, proposal, &error));
  g_assert_no_error (error);
  g_assert_false (l4a_meta_review_save (board, proposal, "grant", "Fund it.", TRUE, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (board, L4A_ROLE_MEMBER, member);
  g_assert_false (l4a_meta_review_save (board, proposal, "grant", "", TRUE, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (l4a_meta_review_save (board, proposal, "grant",
                                       "The Board agrees: strong partners, a funded second year.", TRUE, &error));
  g_assert_no_error (error);
  l4a_store_set_actor (board, L4A_ROLE_SECRETARIAT, NULL);
  g_free (reviews);
  reviews = export_to (board, L4A_ROLE_MEMBER, member, "reviews", NULL);
  {
    FieldValue digest = { "meta_review", "digest", "[]" };
    FieldValue blank = { "meta_review", "body", " " };
    struct { const char *type, *field; gint64 value; } version = { "meta_review", "proposal_version", 9 };
    g_autofree char *a = tampered (reviews, set_field, &digest);
    g_autofree char *b = tampered (reviews, set_field, &blank);
    g_autofree char *c = tampered (reviews, set_count, &version);

    expect_refused (office, a, "the meta-review its member was asked to write");
    expect_refused (office, b, "a meta-review travels submitted");
    expect_refused (office, c, "the meta-review its member was asked to write");
  }
  plan = import_file (office, reviews, L4A_RESOLVE_MINE);
  {
    g_autoptr(L4aMetaReview) meta = NULL;

    l4a_store_set_actor (office, L4A_ROLE_SECRETARIAT, NULL);
    meta = l4a_meta_review_get (office, proposal, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (meta->recommendation, ==, "grant");
    g_assert_nonnull (meta->submitted_at);
    /* a government never reads it */
    l4a_store_set_actor (office, L4A_ROLE_GOVERNMENT, government);
    g_assert_null (l4a_meta_review_get (office, proposal, &error));
    g_assert_no_error (error);
    l4a_store_set_actor (office, L4A_ROLE_SECRETARIAT, NULL);
  }
}


/* A government's submitted proposal reads "not yet sent" until a
 * submission bundle carries it as it is. */
static void
test_unsent (void)
{
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "unsent-city.sqlite");
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "unsent-office.sqlite");
  g_autofree char *submitter = text_of (city, SUBMITTER);
  g_autofree char *path = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  L4aQuery query = { .government = submitter };
  guint unsent = 0;

  trust_all (office, city, NULL);
  l4a_store_set_actor (city, L4A_ROLE_GOVERNMENT, submitter);
  list = l4a_registry_list_proposals (city, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(L4aProposal) proposal = g_list_model_get_item (list, i);

      unsent += l4a_proposal_get_unsent (proposal);
      if (l4a_proposal_get_unsent (proposal))
        g_assert_cmpstr (l4a_proposal_get_state (proposal), ==, "submitted");
    }
  g_assert_cmpuint (unsent, >, 0);
  g_clear_object (&list);

  /* the secretariat never sees "not yet sent" */
  l4a_store_set_actor (city, L4A_ROLE_SECRETARIAT, NULL);
  list = l4a_registry_list_proposals (city, &query, &error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(L4aProposal) proposal = g_list_model_get_item (list, i);

      g_assert_false (l4a_proposal_get_unsent (proposal));
    }
  g_clear_object (&list);

  path = export_to (city, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);
  l4a_store_set_actor (city, L4A_ROLE_GOVERNMENT, submitter);
  list = l4a_registry_list_proposals (city, &query, &error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(L4aProposal) proposal = g_list_model_get_item (list, i);

      g_assert_false (l4a_proposal_get_unsent (proposal));
    }
  l4a_store_set_actor (city, L4A_ROLE_SECRETARIAT, NULL);
}

/* The database may not grow beyond the pages it has: as a full disk. */
static void
fill_disk (L4aStore *store,
           gboolean  full)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 pages = l4a_test_sql_int (l4a_store_get_path (store), "PRAGMA page_count");

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, full ? pages : G_GINT64_CONSTANT (1073741823));
  g_assert_true (l4a_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* A full disk in the middle of an import or a save: refused with a clear
 * message, the database exactly as it was, and the next write, with room,
 * goes through. */
static void
test_full_disk (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "full-office.sqlite");
  g_autoptr(L4aStore) city = open_empty ("full-city.sqlite");
  g_autofree char *registry = export_to (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  const L4aImportResolution theirs = L4A_RESOLVE_THEIRS;
  guint written = 99;

  trust_all (office, city, NULL);

  /* an import of the whole registry, on a full disk */
  fill_disk (city, TRUE);
  before = l4a_test_fingerprint (l4a_store_get_path (city));
  bundle = l4a_test_open_bundle (city, registry, &error);
  g_assert_no_error (error);
  g_assert_false (l4a_import_now (city, bundle, &theirs, FALSE, NULL, &written, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_assert_cmpuint (written, ==, 0);
  g_clear_error (&error);
  after = l4a_test_fingerprint (l4a_store_get_path (city));
  g_assert_cmpstr (before, ==, after);

  /* with room again, the same bundle goes in */
  fill_disk (city, FALSE);
  g_assert_true (l4a_import_now (city, bundle, &theirs, FALSE, NULL, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, >, 0);

  /* a call saved from the window, on a full disk */
  {
    g_autoptr(L4aCallEdit) call = l4a_call_edit_new ();

    call->title = g_strdup ("Call on a full disk");
    call->description = g_strnfill (60000, 'x');
    call->opens_on = g_strdup ("2027-01-01");
    call->closes_on = g_strdup ("2027-03-01");
    fill_disk (office, TRUE);
    g_clear_pointer (&before, g_free);
    g_clear_pointer (&after, g_free);
    before = l4a_test_fingerprint (l4a_store_get_path (office));
    g_assert_false (l4a_registry_save_call (office, call, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_FULL);
    g_assert_nonnull (strstr (error->message, "the disk is full"));
    g_clear_error (&error);
    after = l4a_test_fingerprint (l4a_store_get_path (office));
    g_assert_cmpstr (before, ==, after);
    fill_disk (office, FALSE);
    g_assert_true (l4a_registry_save_call (office, call, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sync/kinds-round-trip", test_kinds_round_trip);
  g_test_add_func ("/core/sync/merge", test_merge);
  g_test_add_func ("/core/sync/import-now", test_import_now);
  g_test_add_func ("/core/sync/role-rules", test_role_rules);
  g_test_add_func ("/core/sync/hostile-values", test_hostile_values);
  g_test_add_func ("/core/sync/derived-bookkeeping", test_derived_bookkeeping);
  g_test_add_func ("/core/sync/state-and-ownership", test_state_and_ownership);
  g_test_add_func ("/core/sync/hostile-assets", test_hostile_assets);
  g_test_add_func ("/core/sync/confidential", test_confidential);
  g_test_add_func ("/core/sync/cancel", test_cancel);
  g_test_add_func ("/core/sync/suggested-names", test_suggested_names);
  g_test_add_func ("/core/sync/inbox", test_inbox);
  g_test_add_func ("/core/sync/large-import", test_large_import);
  g_test_add_func ("/core/sync/preview-then-change", test_preview_then_change);
  g_test_add_func ("/core/sync/monitoring", test_monitoring_bundles);
  g_test_add_func ("/core/sync/monitoring-conflicts", test_monitoring_conflicts);
  g_test_add_func ("/core/sync/declines", test_declines);
  g_test_add_func ("/core/sync/clarifications", test_clarifications);
  g_test_add_func ("/core/sync/unsent", test_unsent);
  g_test_add_func ("/core/sync/full-disk", test_full_disk);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-sync-XXXXXX");
}
