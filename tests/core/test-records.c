/* test-records.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records written from JSON (the sample data now, bundles later): hostile
 * input is refused with a message naming the record and the field, and the
 * database is left exactly as it was.
 */

#include "config.h"

#include "core-test-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "l4a-government.h"
#include "l4a-list-update.h"
#include "l4a-records.h"
#include "l4a-sample.h"
#include "l4a-store.h"

static char *tmpdir;

/* Every row of every table, as text, hashed: equal dumps mean an equal
 * database. */
static char *
dump_database (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", (char *) names->pdata[i]);

      g_checksum_update (checksum, (const guchar *) names->pdata[i], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);
            g_checksum_update (checksum, blob ? blob : (const guchar *) "\x01NULL", blob ? sqlite3_column_bytes (stmt, c) : 5);
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

static L4aStore *
open_with_sample (const char *name)
{
  return l4a_test_open_with_sample (tmpdir, name);
}

static JsonObject *
parse_records (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Inserts @json in a transaction like the importer will, and expects a
 * refusal whose message holds each of the NULL-terminated needles. */
static void
assert_refused (L4aStore   *store,
                const char *json,
                ...)
{
  g_autoptr(JsonObject) records = parse_records (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_database (l4a_store_get_path (store));
  g_autofree char *after = NULL;
  va_list args;

  g_assert_true (l4a_store_begin (store, &error));
  g_assert_false (l4a_records_insert (store, records, FALSE, "test", NULL, &error));
  l4a_store_rollback (store);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);

  va_start (args, json);
  for (const char *needle = va_arg (args, const char *); needle; needle = va_arg (args, const char *))
    if (strstr (error->message, needle) == NULL)
      g_error ("“%s” is not in the message: %s", needle, error->message);
  va_end (args);

  after = dump_database (l4a_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

#define GOV "\"id\": \"7a0f8a57-4e4e-4a39-9e0a-2d1f6c8e1b01\", \"name\": \"Soria Test\", \"kind\": \"city\", \"country\": \"ES\", \"region\": \"europe\""
#define SORIA "894378b9-39a2-5b7f-8bab-07fee1bfbb24"  /* Soria in the sample data */

static void
test_hostile (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("hostile.sqlite");

  assert_refused (store, "{\"government\": [{" GOV ", \"mayor\": \"Someone\"}]}",
                  "government “Soria Test”", "“mayor”", NULL);
  assert_refused (store, "{\"government\": [{" GOV ", \"name; DROP TABLE hub; --\": 1}]}",
                  "“name; DROP TABLE hub; --”", NULL);
  assert_refused (store, "{\"government\": [{\"id\": \"g1\", \"name\": [\"a\", \"list\"], \"kind\": \"city\", "
                         "\"country\": \"ES\", \"region\": \"europe\"}]}",
                  "“name”", "single value", NULL);
  assert_refused (store, "{\"government\": [{" GOV ", \"kind\": \"empire\"}]}",
                  "government “Soria Test”", "kind", NULL);
  assert_refused (store, "{\"government\": [{\"id\": \"g2\", \"name\": \"Atlantis\", \"kind\": \"city\", "
                         "\"country\": \"XX\", \"region\": \"europe\"}]}",
                  "government “Atlantis”", "“country”", NULL);
  assert_refused (store, "{\"government\": [{\"id\": \"g3\", \"name\": \"   \", \"kind\": \"city\", "
                         "\"country\": \"ES\", \"region\": \"europe\"}]}",
                  "name", NULL);
  assert_refused (store, "{\"government\": [{" GOV "}, {" GOV "}]}",
                  "government “Soria Test”", "UNIQUE", NULL);
  assert_refused (store, "{\"hub\": [{\"id\": \"h1\", \"name\": \"Backwards Hub\", \"government_id\": \"" SORIA "\", "
                         "\"start_on\": \"2026-01-01\", \"end_on\": \"2025-01-01\"}]}",
                  "hub “Backwards Hub”", "end_on > start_on", NULL);
  assert_refused (store, "{\"hub\": [{\"id\": \"h2\", \"name\": \"Orphan Hub\", \"government_id\": \"no-such-government\", "
                         "\"start_on\": \"2025-01-01\", \"end_on\": \"2026-01-01\"}]}",
                  "hub “Orphan Hub”", "“government_id”", "government", NULL);
  assert_refused (store, "{\"hub\": [{\"id\": \"h3\", \"name\": \"Goal 18 Hub\", \"government_id\": \"" SORIA "\", "
                         "\"start_on\": \"2025-01-01\", \"end_on\": \"2026-01-01\", \"sdgs\": [11, 18]}]}",
                  "hub “Goal 18 Hub”", "“sdgs”", "goal 18", NULL);
  assert_refused (store, "{\"hub\": [{\"id\": \"h4\", \"name\": \"Text Goals Hub\", \"government_id\": \"" SORIA "\", "
                         "\"start_on\": \"2025-01-01\", \"end_on\": \"2026-01-01\", \"sdgs\": [\"11\"]}]}",
                  "hub “Text Goals Hub”", "“sdgs”", "whole numbers", NULL);
  assert_refused (store, "{\"hub\": [{\"id\": \"h5\", \"name\": \"Related Hub\", \"government_id\": \"" SORIA "\", "
                         "\"start_on\": \"2025-01-01\", \"end_on\": \"2026-01-01\", \"related\": [\"nowhere\"]}]}",
                  "hub “Related Hub”", "“related”", "“nowhere”", NULL);
  assert_refused (store, "{\"hub\": [{\"id\": \"h7\", \"name\": \"Council Hub\", \"government_id\": \"" SORIA "\", "
                         "\"start_on\": \"2025-01-01\", \"end_on\": \"2026-01-01\", \"councils\": [\"secret-council\"]}]}",
                  "hub “Council Hub”", "“councils”", "“secret-council”", NULL);
  assert_refused (store, "{\"attachment\": [{\"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\", "
                         "\"media_type\": \"text/plain\", \"size\": 5, \"data\": \"aGVsbG8=\"}]}",
                  "SHA-256", NULL);
  assert_refused (store, "{\"attachment\": [{\"sha256\": \"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\", "
                         "\"media_type\": \"text/plain\", \"size\": 99, \"data\": \"aGVsbG8=\"}]}",
                  "attachment", NULL);
  assert_refused (store, "{\"spaceship\": []}", "“spaceship”", NULL);
  assert_refused (store, "{\"hub\": {\"id\": \"h6\"}}", "“hub”", "list", NULL);
  assert_refused (store, "{\"hub\": [42]}", "hub number 1", "not an object", NULL);
  assert_refused (store, "{\"review\": [{\"id\": \"r1\", \"proposal_id\": \"x\", \"member_id\": \"y\", "
                         "\"proposal_version\": 1, \"scores\": {\"c\": \"five\"}}]}",
                  "review", NULL);
  /* A failure after good records undoes them too: all or nothing. */
  assert_refused (store, "{\"government\": [{\"id\": \"ok-1\", \"name\": \"Good One\", \"kind\": \"city\", "
                         "\"country\": \"FR\", \"region\": \"europe\"}, "
                         "{\"id\": \"bad-1\", \"name\": \"Bad One\", \"kind\": \"city\", \"country\": \"FR\", "
                         "\"region\": \"nowhere\"}]}",
                  "government “Bad One”", "“region”", NULL);
}

static void
test_valid (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("valid.sqlite");
  g_autoptr(JsonObject) records = parse_records (
    "{\"government\": [{" GOV "}],"
    " \"hub\": [{\"id\": \"3c0e8f0e-8d43-4a55-9f0e-6a8c9f0b2a11\", \"name\": \"Soria Test Hub\", "
    "  \"government_id\": \"7a0f8a57-4e4e-4a39-9e0a-2d1f6c8e1b01\", \"start_on\": \"2025-01-01\", "
    "  \"end_on\": \"2026-06-30\", \"sdgs\": [11, 13], \"councils\": [\"resilient-cities\"]}]}");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 hubs = l4a_store_count (store, "hub", NULL);
  gint64 audit = l4a_store_count (store, "audit", NULL);

  g_assert_true (l4a_store_begin (store, &error));
  g_assert_true (l4a_records_insert (store, records, FALSE, "test", counts, &error));
  g_assert_no_error (error);
  g_assert_true (l4a_store_commit (store, &error));

  g_assert_cmpint (l4a_store_count (store, "hub", NULL), ==, hubs + 1);
  /* One audit entry per record. */
  g_assert_cmpint (l4a_store_count (store, "audit", NULL), ==, audit + 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "hub")), ==, 1);
}

static GObject *
government (const char *id,
            const char *name)
{
  return g_object_new (L4A_TYPE_GOVERNMENT, "id", id, "name", name, "kind", "city", "country", "ES",
                       "region", "europe", NULL);
}

typedef struct
{
  guint calls, position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

/* A list read again becomes the list on show through one change over the
 * part that differs; the objects of the rows around it stay. */
static void
test_list_update (void)
{
  static const struct { const char *ids; const char *names; guint position, removed, added, calls; } cases[] = {
    { "abcde", "ABCDE", 0, 0, 0, 0 },   /* the same: no change */
    { "abcde", "ABxDE", 2, 1, 1, 1 },   /* one row changed in place */
    { "abxcde", "ABXCDE", 2, 0, 1, 1 }, /* one row came */
    { "abde", "ABDE", 2, 1, 0, 1 },     /* one row went */
    { "edcba", "EDCBA", 0, 5, 5, 1 },   /* another order */
    { "", "", 0, 5, 0, 1 },             /* none left */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GListStore) store = g_list_store_new (L4A_TYPE_GOVERNMENT);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GObject) first = NULL;
      g_autoptr(GObject) last_before = NULL;
      Changes changes = { 0 };

      for (const char *id = "abcde"; *id; id++)
        {
          char key[2] = { *id, 0 }, name[2] = { g_ascii_toupper (*id), 0 };
          g_autoptr(GObject) item = government (key, name);

          g_list_store_append (store, item);
        }
      first = g_list_model_get_item (G_LIST_MODEL (store), 0);
      last_before = g_list_model_get_item (G_LIST_MODEL (store), 4);
      for (guint k = 0; cases[c].ids[k]; k++)
        {
          char key[2] = { cases[c].ids[k], 0 }, name[2] = { cases[c].names[k], 0 };

          g_ptr_array_add (items, government (key, name));
        }
      g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changes);
      l4a_list_store_update (store, items);

      g_assert_cmpuint (changes.calls, ==, cases[c].calls);
      if (cases[c].calls > 0)
        {
          g_assert_cmpuint (changes.position, ==, cases[c].position);
          g_assert_cmpuint (changes.removed, ==, cases[c].removed);
          g_assert_cmpuint (changes.added, ==, cases[c].added);
        }
      /* what it holds is the new list */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, items->len);
      for (guint k = 0; k < items->len; k++)
        {
          g_autoptr(GObject) held = g_list_model_get_item (G_LIST_MODEL (store), k);

          g_assert_true (l4a_objects_equal (held, g_ptr_array_index (items, k)));
        }
      /* the unchanged first row is the very object it was */
      if (cases[c].position > 0 || cases[c].calls == 0)
        {
          g_autoptr(GObject) still = g_list_model_get_item (G_LIST_MODEL (store), 0);

          g_assert_true (still == first);
        }
    }

  /* equal is every property, not the id alone */
  {
    g_autoptr(GObject) a = government ("a", "Soria");
    g_autoptr(GObject) b = government ("a", "Soria");
    g_autoptr(GObject) c = government ("a", "Sòria");

    g_assert_true (l4a_objects_equal (a, b));
    g_assert_false (l4a_objects_equal (a, c));
    g_assert_false (l4a_objects_equal (a, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/records/hostile", test_hostile);
  g_test_add_func ("/core/records/valid", test_valid);
  g_test_add_func ("/core/list/update", test_list_update);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-records-XXXXXX");
}
