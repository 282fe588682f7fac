/* test-bundle.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles are untrusted: a corpus of hostile bundles, made from the
 * sample bundle, each refused with its reason; the canonical checksum
 * agrees with the one the sample generator writes.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "core-test-utils.h"

#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-keys.h"
#include "l4a-monitoring.h"
#include "l4a-records.h"
#include "l4a-types.h"

static char *tmpdir;
static char *sample_text;
static gsize sample_length;

static JsonNode *
sample_node (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, sample_text, (gssize) sample_length, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
root_of (JsonNode *node)
{
  return json_node_get_object (node);
}

static JsonObject *
first_record (JsonNode   *node,
              const char *type)
{
  JsonObject *records = json_object_get_object_member (root_of (node), "records");

  return json_array_get_object_element (json_object_get_array_member (records, type), 0);
}

static void
reseal (JsonNode *node)
{
  g_autofree char *checksum = l4a_bundle_checksum (json_object_get_member (root_of (node), "records"));

  json_object_set_string_member (root_of (node), "checksum", checksum);
}

/* Parses @text and expects @code with @needle in the message. */
static void
expect_refused (const char *name,
                const char *text,
                gssize      length,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;

  bundle = l4a_bundle_parse (text, length < 0 ? strlen (text) : (gsize) length, &error);
  if (bundle != NULL)
    g_error ("%s: a hostile bundle was accepted", name);
  g_assert_error (error, L4A_BUNDLE_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("%s: “%s” does not say “%s”", name, error->message, needle);
}

static void
expect_node_refused (const char *name,
                     JsonNode   *node,
                     int         code,
                     const char *needle)
{
  g_autofree char *text = json_to_string (node, FALSE);

  expect_refused (name, text, -1, code, needle);
  json_node_unref (node);
}

static guint n_cases;

#define HOSTILE(name, node, code, needle) G_STMT_START { n_cases++; expect_node_refused (name, node, code, needle); } G_STMT_END
#define HOSTILE_TEXT(name, text, length, code, needle) G_STMT_START { n_cases++; expect_refused (name, text, length, code, needle); } G_STMT_END

static void
test_sample_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = l4a_bundle_parse (sample_text, sample_length, &error);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bundle->kind, ==, "full");
  g_assert_cmpuint (bundle->n_records, >, 100);

  /* canonical text is stable through a parse */
  {
    g_autoptr(JsonNode) whole = l4a_bundle_dup_root (bundle, NULL);

    first = l4a_bundle_canonical (whole);
  }
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, first, -1, NULL));
    again = l4a_bundle_canonical (json_parser_get_root (parser));
  }
  g_assert_cmpstr (first, ==, again);
}

static void
test_canonical (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_data (parser,
                                             "{ \"b\": [1, 2.5, true, null], \"a\": \"é\\\"\\n\\\\\", \"B\": 0.1 }",
                                             -1, NULL));
  text = l4a_bundle_canonical (json_parser_get_root (parser));
  g_assert_cmpstr (text, ==, "{\"B\":0.10000000000000001,\"a\":\"é\\\"\\u000a\\\\\",\"b\":[1,2.5,true,null]}");
}

static void
test_hostile (void)
{
  JsonNode *node;
  g_autofree char *deep = NULL;
  g_autofree char *huge = NULL;
  GString *nest;

  n_cases = 0;

  /* not a bundle at all */
  HOSTILE_TEXT ("empty", "", 0, L4A_BUNDLE_ERROR_SYNTAX, NULL);
  HOSTILE_TEXT ("spaces", "   \n", -1, L4A_BUNDLE_ERROR_SYNTAX, NULL);
  HOSTILE_TEXT ("garbage", "this is not json", -1, L4A_BUNDLE_ERROR_SYNTAX, "not valid JSON");
  HOSTILE_TEXT ("array", "[1, 2, 3]", -1, L4A_BUNDLE_ERROR_FORMAT, "not a JSON object");
  HOSTILE_TEXT ("number", "42", -1, L4A_BUNDLE_ERROR_FORMAT, NULL);
  HOSTILE_TEXT ("null", "null", -1, L4A_BUNDLE_ERROR_FORMAT, NULL);
  HOSTILE_TEXT ("latin1", "{\"format\": \"caf\xe9\"}", -1, L4A_BUNDLE_ERROR_FORMAT, "UTF-8");
  HOSTILE_TEXT ("nul byte", "{\"format\"\0: 1}", 13, L4A_BUNDLE_ERROR_FORMAT, NULL);

  /* truncated at many places */
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("truncated %u/13", i);

      n_cases++;
      expect_refused (name, sample_text, (gssize) (sample_length * i / 13), L4A_BUNDLE_ERROR_SYNTAX, NULL);
    }

  /* nesting deep enough to overflow a recursive parser, at the top and in a record */
  nest = g_string_new (NULL);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nest, '[');
  deep = g_string_free (nest, FALSE);
  HOSTILE_TEXT ("deep array", deep, -1, L4A_BUNDLE_ERROR_TOO_LARGE, "deep");
  {
    g_autofree char *inner = g_strdup_printf ("{\"records\": {\"hub\": [{\"name\": %s}]}}", deep);

    HOSTILE_TEXT ("deep record", inner, -1, L4A_BUNDLE_ERROR_TOO_LARGE, "deep");
  }
  /* brackets inside strings do not count */
  node = sample_node ();
  json_object_set_string_member (first_record (node, "hub"), "summary", deep);
  reseal (node);
  {
    g_autofree char *text = json_to_string (node, FALSE);
    g_autoptr(GError) error = NULL;
    g_autoptr(L4aBundle) bundle = l4a_bundle_parse (text, strlen (text), &error);

    g_assert_no_error (error);
    g_assert_nonnull (bundle);
  }
  json_node_unref (node);

  /* a huge string */
  huge = g_strnfill (L4A_BUNDLE_MAX_STRING + 1, 'x');
  node = sample_node ();
  json_object_set_string_member (first_record (node, "hub"), "name", huge);
  reseal (node);
  HOSTILE ("huge name", node, L4A_BUNDLE_ERROR_TOO_LARGE, "“name”");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "note", huge);
  HOSTILE ("huge note", node, L4A_BUNDLE_ERROR_TOO_LARGE, NULL);

  /* the header */
  node = sample_node ();
  json_object_remove_member (root_of (node), "format");
  HOSTILE ("no format", node, L4A_BUNDLE_ERROR_FORMAT, "format");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "format", "hotcrp-export");
  HOSTILE ("other format", node, L4A_BUNDLE_ERROR_FORMAT, "not a Local4Action bundle");
  node = sample_node ();
  json_object_set_int_member (root_of (node), "format", 1);
  HOSTILE ("format number", node, L4A_BUNDLE_ERROR_FORMAT, NULL);
  node = sample_node ();
  json_object_set_int_member (root_of (node), "format_version", 2);
  HOSTILE ("newer version", node, L4A_BUNDLE_ERROR_FORMAT, "version 2");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "format_version", "1");
  HOSTILE ("version text", node, L4A_BUNDLE_ERROR_FORMAT, "format_version");
  node = sample_node ();
  json_object_remove_member (root_of (node), "format_version");
  HOSTILE ("no version", node, L4A_BUNDLE_ERROR_FORMAT, "format_version");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "kind", "everything");
  HOSTILE ("unknown kind", node, L4A_BUNDLE_ERROR_FORMAT, "kind");
  node = sample_node ();
  json_object_remove_member (root_of (node), "kind");
  HOSTILE ("no kind", node, L4A_BUNDLE_ERROR_FORMAT, "kind");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "bundle_id", "not-a-uuid");
  HOSTILE ("bad bundle id", node, L4A_BUNDLE_ERROR_FORMAT, "UUID");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "bundle_id", "fe05087b-faa8-565c-9ba7-706ae343e5bZ");
  HOSTILE ("bundle id not hex", node, L4A_BUNDLE_ERROR_FORMAT, "UUID");
  node = sample_node ();
  json_object_set_int_member (root_of (node), "bundle_id", 7);
  HOSTILE ("bundle id number", node, L4A_BUNDLE_ERROR_FORMAT, "UUID");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "created_at", "yesterday");
  HOSTILE ("created_at words", node, L4A_BUNDLE_ERROR_FORMAT, "created_at");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "created_at", "2026-13-45T25:61:00Z");
  HOSTILE ("created_at impossible", node, L4A_BUNDLE_ERROR_FORMAT, "created_at");
  node = sample_node ();
  json_object_remove_member (root_of (node), "created_at");
  HOSTILE ("no created_at", node, L4A_BUNDLE_ERROR_FORMAT, "created_at");
  node = sample_node ();
  json_object_remove_member (root_of (node), "origin");
  HOSTILE ("no origin", node, L4A_BUNDLE_ERROR_FORMAT, "origin");
  node = sample_node ();
  json_object_set_string_member (json_object_get_object_member (root_of (node), "origin"), "role", "admin");
  HOSTILE ("bad role", node, L4A_BUNDLE_ERROR_FORMAT, "role");
  node = sample_node ();
  json_object_set_string_member (json_object_get_object_member (root_of (node), "origin"), "installation", "me");
  HOSTILE ("bad installation", node, L4A_BUNDLE_ERROR_FORMAT, "installation");
  node = sample_node ();
  json_object_remove_member (json_object_get_object_member (root_of (node), "origin"), "actor");
  HOSTILE ("no actor", node, L4A_BUNDLE_ERROR_FORMAT, "actor");

  /* the records */
  node = sample_node ();
  json_object_remove_member (root_of (node), "records");
  HOSTILE ("no records", node, L4A_BUNDLE_ERROR_FORMAT, "records");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "records", "all of them");
  HOSTILE ("records text", node, L4A_BUNDLE_ERROR_FORMAT, "records");
  node = sample_node ();
  json_object_set_string_member (json_object_get_object_member (root_of (node), "records"), "hub", "many");
  HOSTILE ("hubs not a list", node, L4A_BUNDLE_ERROR_FORMAT, "“hub”");
  node = sample_node ();
  json_array_add_int_element (json_object_get_array_member (json_object_get_object_member (root_of (node), "records"),
                                                            "hub"), 3);
  HOSTILE ("record not an object", node, L4A_BUNDLE_ERROR_FORMAT, "not an object");

  /* integrity */
  node = sample_node ();
  json_object_remove_member (root_of (node), "checksum");
  HOSTILE ("no checksum", node, L4A_BUNDLE_ERROR_FORMAT, "checksum");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "checksum", "0000");
  HOSTILE ("wrong checksum", node, L4A_BUNDLE_ERROR_INTEGRITY, "checksum");
  node = sample_node ();
  json_object_set_string_member (first_record (node, "hub"), "name", "Changed after signing");
  HOSTILE ("edited record", node, L4A_BUNDLE_ERROR_INTEGRITY, "changed or damaged");
  node = sample_node ();
  json_object_set_int_member (first_record (node, "hub"), "revision", 99);
  HOSTILE ("edited number", node, L4A_BUNDLE_ERROR_INTEGRITY, NULL);
  node = sample_node ();
  json_array_remove_element (json_object_get_array_member (json_object_get_object_member (root_of (node), "records"),
                                                           "hub"), 0);
  HOSTILE ("removed record", node, L4A_BUNDLE_ERROR_INTEGRITY, NULL);

  /* attachments */
  node = sample_node ();
  json_object_set_string_member (first_record (node, "attachment"), "data", "aGVsbG8=");
  reseal (node);
  HOSTILE ("attachment swapped", node, L4A_BUNDLE_ERROR_INTEGRITY, "SHA-256");
  node = sample_node ();
  json_object_set_int_member (first_record (node, "attachment"), "size", 3);
  reseal (node);
  HOSTILE ("attachment size", node, L4A_BUNDLE_ERROR_INTEGRITY, "size");
  node = sample_node ();
  json_object_set_string_member (first_record (node, "attachment"), "data", "<script>alert(1)</script>");
  reseal (node);
  HOSTILE ("attachment not base64", node, L4A_BUNDLE_ERROR_FORMAT, "base64");
  node = sample_node ();
  json_object_remove_member (first_record (node, "attachment"), "sha256");
  reseal (node);
  HOSTILE ("attachment without hash", node, L4A_BUNDLE_ERROR_FORMAT, "sha256");
  node = sample_node ();
  json_object_set_string_member (first_record (node, "attachment"), "size", "1571");
  reseal (node);
  HOSTILE ("attachment size text", node, L4A_BUNDLE_ERROR_FORMAT, "size");
  node = sample_node ();
  {
    JsonArray *attachments = json_array_new ();
    JsonObject *attachment = json_object_new ();

    json_object_set_string_member (attachment, "sha256", "0000000000000000000000000000000000000000000000000000000000000000");
    json_object_set_int_member (attachment, "size", 5);
    json_object_set_string_member (attachment, "data", "aGVsbG8=");
    json_array_add_object_element (attachments, attachment);
    json_object_set_array_member (root_of (node), "attachments", attachments);
  }
  HOSTILE ("top-level attachment hash", node, L4A_BUNDLE_ERROR_INTEGRITY, "SHA-256");
  node = sample_node ();
  json_object_set_string_member (root_of (node), "attachments", "none");
  HOSTILE ("attachments not a list", node, L4A_BUNDLE_ERROR_FORMAT, "attachments");

  g_assert_cmpuint (n_cases, >=, 50);
}

static void
test_files (void)
{
  g_autofree char *big = g_build_filename (tmpdir, "big.l4a.json", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.l4a.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  int fd;

  /* a sparse file over the limit is refused before it is read */
  fd = g_open (big, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) L4A_BUNDLE_MAX_SIZE + 1), ==, 0);
  close (fd);
  bundle = l4a_bundle_load (big, &error);
  g_assert_null (bundle);
  g_assert_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_remove (big);

  bundle = l4a_bundle_load (missing, &error);
  g_assert_null (bundle);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "cannot be read"));
}

static char *
dump_table (L4aStore   *store,
            const char *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_array (builder);
  g_assert_true (l4a_records_dump (store, table, NULL, NULL, builder, &error));
  g_assert_no_error (error);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return l4a_bundle_canonical (root);
}

/* Export everything, import it into an empty database: the same records,
 * field by field. */
static void
test_full_round_trip (void)
{
  g_autoptr(L4aStore) source = l4a_test_open_with_sample (tmpdir, "round-source.sqlite");
  g_autofree char *target_path = g_build_filename (tmpdir, "round-target.sqlite", NULL);
  g_autofree char *bundle_path = g_build_filename (tmpdir, "full.l4a.json", NULL);
  g_autoptr(L4aStore) target = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(JsonNode) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *tables = l4a_records_table_names ();
  guint n_records = 0;

  /* only the secretariat writes a full bundle */
  l4a_store_set_actor (source, L4A_ROLE_MEMBER, "someone");
  g_assert_false (l4a_bundle_export (source, "full", NULL, bundle_path, NULL, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (g_file_test (bundle_path, G_FILE_TEST_EXISTS));

  /* texts and numbers that test the canonical serialization */
  {
    sqlite3 *db;
    g_autofree char *path = g_build_filename (tmpdir, "round-source.sqlite", NULL);

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE hub SET summary = 'Tab' || char (9) || 'line' || char (10) || "
                                       "'\"quoted\" back\\slash ' || char (1) || ' é 😀 </script>' "
                                       "WHERE num = (SELECT min (num) FROM hub);"
                                       "UPDATE measurement SET value = 3.0 "
                                       "WHERE rowid = (SELECT min (rowid) FROM measurement);"
                                       "UPDATE measurement SET value = 1e300 "
                                       "WHERE rowid = (SELECT max (rowid) FROM measurement);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  l4a_store_set_actor (source, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_true (l4a_bundle_export (source, "full", NULL, bundle_path, NULL, &n_records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, >, 500);

  /* the file carries its records in their canonical serialization, the
   * very text its checksum is taken over */
  {
    g_autofree char *text = NULL;
    g_autofree char *canonical = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (g_file_get_contents (bundle_path, &text, NULL, NULL));
    g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
    canonical = l4a_bundle_canonical (json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                              "records"));
    g_assert_nonnull (strstr (text, canonical));
    g_assert_nonnull (strstr (text, "Tab\\u0009line\\u000a\\\"quoted\\\" back\\\\slash \\u0001 é 😀"));
    /* a real with an exponent stays one (its digits are the C library's) */
    g_assert_nonnull (strstr (text, "e+300"));
  }

  /* what was written passes every check */
  bundle = l4a_bundle_load (bundle_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bundle->kind, ==, "full");
  g_assert_cmpuint (bundle->n_records, ==, n_records);
  g_assert_cmpstr (bundle->origin_role, ==, "secretariat");

  target = l4a_store_open (target_path, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_store_begin (target, &error));
  whole = l4a_bundle_dup_root (bundle, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_records_insert (target, json_object_get_object_member (json_node_get_object (whole), "records"),
                                     TRUE, "round trip", counts, &error));
  g_assert_no_error (error);
  g_assert_true (l4a_store_commit (target, &error));

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *a = dump_table (source, tables[i]);
      g_autofree char *b = dump_table (target, tables[i]);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s differs after the round trip", tables[i]);
    }

  /* the comparison sees the links and would see a change */
  {
    g_autofree char *hubs = dump_table (target, "hub");
    g_autofree char *reviews = dump_table (target, "review");
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    sqlite3 *db;

    g_assert_nonnull (strstr (hubs, "\"sdgs\":[1"));
    g_assert_nonnull (strstr (hubs, "\"related\":[\""));
    g_assert_nonnull (strstr (reviews, "\"scores\":{\""));
    before = dump_table (target, "proposal");
    g_assert_cmpint (sqlite3_open (target_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM proposal_sdg WHERE rowid = (SELECT min (rowid) FROM proposal_sdg)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    after = dump_table (target, "proposal");
    g_assert_cmpstr (before, !=, after);
  }
}

/* A copy of the sample with @extra more measurements. */
static JsonNode *
large_node (guint extra)
{
  JsonNode *node = sample_node ();
  JsonArray *measurements = json_object_get_array_member (json_object_get_object_member (root_of (node), "records"),
                                                          "measurement");
  JsonObject *model = json_array_get_object_element (measurements, 0);

  for (guint i = 0; i < extra; i++)
    {
      JsonObject *copy = json_object_new ();
      g_autofree char *id = g_strdup_printf ("30000000-0000-4000-8000-%012u", i);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, model);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (copy, name, json_node_copy (value));
      json_object_set_string_member (copy, "id", id);
      json_object_set_double_member (copy, "value", i / 7.0);
      json_array_add_object_element (measurements, copy);
    }
  return node;
}

static JsonObject *
measurement_at (JsonNode *node,
                guint     index)
{
  JsonArray *measurements = json_object_get_array_member (json_object_get_object_member (root_of (node), "records"),
                                                          "measurement");

  return json_array_get_object_element (measurements, index);
}

/* A large bundle's checksum is worked out by two threads: the same as by
 * one, and a change or a string too long in either half is found, the
 * first in the text reported. */
static void
test_large (void)
{
  g_autoptr(JsonNode) node = large_node (30000);
  g_autofree char *text = NULL;
  g_autofree char *huge = g_strnfill (L4A_BUNDLE_MAX_STRING + 1, 'x');
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  guint late = 29000;

  reseal (node);
  text = json_to_string (node, FALSE);
  bundle = l4a_bundle_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->n_records, >, 30000);

  /* A member given twice, at any level, is refused by name (RFC 8259
   * leaves its meaning open; json-glib would keep the last one), in a
   * large bundle parsed in two halves as in a small one. */
  {
    const char *inserts[][3] = {
      { "{", "\"records\":{\"hub\":[]},", "records" },
      { "\"records\":{", "\"measurement\":[1,2],", "measurement" },
      { "\"records\":{", "\"hub\":[],", "hub" },
      { "\"records\":{", "\"measurement\":5,", "measurement" },
      { "\"origin\":{", "\"role\":\"member\",", "role" },
      { "\"origin\":{", "\"r\\u006fle\":\"member\",", "role" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (inserts); i++)
      {
        const char *at = strstr (text, inserts[i][0]) + strlen (inserts[i][0]);
        g_autofree char *variant = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, inserts[i][1], at);
        g_autofree char *named = g_strdup_printf ("“%s” is given twice", inserts[i][2]);
        g_autoptr(L4aBundle) parsed = NULL;
        g_autoptr(GError) variant_error = NULL;

        parsed = l4a_bundle_parse (variant, strlen (variant), &variant_error);
        g_assert_null (parsed);
        g_assert_error (variant_error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX);
        g_assert_nonnull (strstr (variant_error->message, named));
      }
  }

  /* a value changed late in the records, not sealed again */
  json_object_set_double_member (measurement_at (node, late), "value", 1234.5);
  HOSTILE ("late change", json_node_copy (node), L4A_BUNDLE_ERROR_INTEGRITY, "checksum");

  /* a text too long late, then also early */
  json_object_set_string_member (measurement_at (node, late), "note", huge);
  reseal (node);
  HOSTILE ("late huge note", json_node_copy (node), L4A_BUNDLE_ERROR_TOO_LARGE, "“note”");
  json_object_set_string_member (measurement_at (node, 3), "source", huge);
  reseal (node);
  HOSTILE ("early huge source", json_node_copy (node), L4A_BUNDLE_ERROR_TOO_LARGE, "“source”");
}

/* What a reader's work made of a record, and where it was freed. */
typedef struct
{
  guint   index;
  char   *id;
} Made;

static gint made_count;
static gint freed_count;
static gint freed_in_caller;
static GThread *caller_thread;

static gpointer
make_for_record (const char *table,
                 guint       index,
                 JsonNode   *record,
                 gpointer    user_data)
{
  Made *made = g_new0 (Made, 1);

  made->index = index;
  made->id = g_strdup (json_object_get_string_member (json_node_get_object (record), "id"));
  g_atomic_int_inc (&made_count);
  return made;
}

static void
made_free (gpointer data)
{
  Made *made = data;

  if (g_thread_self () == caller_thread)
    g_atomic_int_inc (&freed_in_caller);
  g_atomic_int_inc (&freed_count);
  g_free (made->id);
  g_free (made);
}

/* A reader that recycles in its thread gives every record in order, frees
 * what the caller gave back in its own thread, and frees the rest at the
 * end, each once: also when the caller never gives anything back. */
static void
test_reader_recycles (void)
{
  g_autoptr(JsonNode) node = large_node (30000);
  g_autofree char *text = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "measurement", NULL };
  guint n_sample;

  reseal (node);
  text = json_to_string (node, FALSE);
  bundle = l4a_bundle_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  n_sample = l4a_bundle_get_n_records (bundle, "measurement") - 30000;
  caller_thread = g_thread_self ();

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(L4aBundleReader) reader = l4a_bundle_reader_new (bundle, tables, NULL, make_for_record, made_free,
                                                                 NULL);
      const char *table = NULL;
      JsonNode *record = NULL;
      gpointer result = NULL;
      guint index = 0, n = 0;

      made_count = freed_count = freed_in_caller = 0;
      l4a_bundle_reader_recycle_in_thread (reader);
      while (l4a_bundle_reader_next (reader, &table, &index, &record, &result, &error))
        {
          Made *made = result;
          g_autofree char *id = g_strdup_printf ("30000000-0000-4000-8000-%012u", n - MIN (n, n_sample));

          g_assert_cmpstr (table, ==, "measurement");
          g_assert_cmpuint (index, ==, n);
          g_assert_cmpuint (made->index, ==, n);
          /* the record given and the work on it are still whole */
          g_assert_cmpstr (made->id, ==, json_object_get_string_member (json_node_get_object (record), "id"));
          if (n >= n_sample)
            g_assert_cmpstr (made->id, ==, id);
          n++;
          if (round == 0)
            l4a_bundle_reader_recycle (reader);
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, n_sample + 30000);
      /* (a machine of one processor reads without a thread, freeing each
       * record at the next) */
      if (g_get_num_processors () == 1)
        g_assert_cmpint (g_atomic_int_get (&freed_in_caller), ==, (int) n - 1);
      else if (round == 0)
        {
          /* most of them freed already, by the reader's own thread */
          g_assert_cmpint (g_atomic_int_get (&freed_count), >, 20000);
          g_assert_cmpint (g_atomic_int_get (&freed_in_caller), ==, 0);
        }
      else
        g_assert_cmpint (g_atomic_int_get (&freed_count), ==, 0);
      g_clear_pointer (&reader, l4a_bundle_reader_free);
      g_assert_cmpint (freed_count, ==, made_count);
      g_assert_cmpint (made_count, ==, (int) n);
    }
}


/* What a bundle may hold is bounded where json-glib would take far more
 * than the text: values in one record, keys in the roster, values outside
 * the records. Each is refused by name before any of it is parsed; a
 * bundle of many empty records is read a record at a time. */
static void
test_bounded (void)
{
  JsonObject *records;

  /* one record of more values than any record has */
  {
    JsonNode *node = sample_node ();
    JsonObject *wide = json_object_new ();

    for (guint i = 0; i <= L4A_BUNDLE_MAX_VALUES; i++)
      {
        g_autofree char *name = g_strdup_printf ("m%u", i);

        json_object_set_int_member (wide, name, i);
      }
    records = json_object_get_object_member (root_of (node), "records");
    json_array_add_object_element (json_object_get_array_member (records, "hub"), wide);
    reseal (node);
    HOSTILE ("record of many values", node, L4A_BUNDLE_ERROR_TOO_LARGE, "of type “hub” holds more than 10000 values");
  }
  /* a roster of more keys than a network has workstations */
  {
    JsonNode *node = sample_node ();
    JsonArray *roster = json_array_new ();

    for (guint i = 0; i <= L4A_BUNDLE_MAX_ROSTER; i++)
      json_array_add_object_element (roster, json_object_new ());
    json_object_set_array_member (root_of (node), "roster", roster);
    HOSTILE ("long roster", node, L4A_BUNDLE_ERROR_TOO_LARGE, "“roster” holds more than 10000 elements");
  }
  /* values outside the records, in a member, in the origin, as types */
  {
    const char *where[] = { "note", "origin", "records" };

    for (guint w = 0; w < G_N_ELEMENTS (where); w++)
      {
        JsonNode *node = sample_node ();
        JsonObject *holder = g_str_equal (where[w], "note") ? root_of (node)
                                                             : json_object_get_object_member (root_of (node), where[w]);

        for (guint i = 0; i <= L4A_BUNDLE_MAX_HEAD; i++)
          {
            g_autofree char *name = g_strdup_printf ("x%u", i);

            if (g_str_equal (where[w], "records"))
              json_object_set_array_member (holder, name, json_array_new ());
            else if (g_str_equal (where[w], "origin"))
              json_object_set_int_member (holder, name, i);
            else if (i == 0)
              json_object_set_array_member (holder, "note", json_array_new ());
            if (g_str_equal (where[w], "note"))
              json_array_add_int_element (json_object_get_array_member (holder, "note"), i);
          }
        HOSTILE (where[w], node, L4A_BUNDLE_ERROR_TOO_LARGE, "values outside its records");
      }
  }
  /* a text too long outside the records, in the roster or the rest */
  {
    g_autofree char *huge = g_strnfill (L4A_BUNDLE_MAX_STRING + 1, 'x');
    JsonNode *node = sample_node ();
    JsonArray *roster = json_array_new ();
    JsonObject *key = json_object_new ();

    json_object_set_string_member (root_of (node), "note", huge);
    HOSTILE ("huge note", node, L4A_BUNDLE_ERROR_TOO_LARGE, "the field “note”");
    node = sample_node ();
    json_object_set_string_member (key, "name", huge);
    json_array_add_object_element (roster, key);
    json_object_set_array_member (root_of (node), "roster", roster);
    HOSTILE ("huge roster name", node, L4A_BUNDLE_ERROR_TOO_LARGE, "the field “name”");
  }
  /* a wrong shape is told only once the text is known to be JSON */
  HOSTILE_TEXT ("records not a list, then a syntax error",
                "{\"format\":\"local4action-bundle\",\"records\":{\"hub\":5,\"hub\":[]}}", -1,
                L4A_BUNDLE_ERROR_SYNTAX, "“hub” is given twice");
  HOSTILE_TEXT ("records not a list", "{\"format\":\"local4action-bundle\",\"records\":{\"hub\":5}}", -1,
                L4A_BUNDLE_ERROR_FORMAT, "of type “hub” are not a list");

  /* records written otherwise than canonically (here with spaces and
   * new lines) are checked on their canonical text, record by record */
  {
    g_autoptr(JsonNode) node = sample_node ();
    g_autoptr(L4aBundle) bundle = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    JsonObject *hub;

    records = json_object_get_object_member (root_of (node), "records");
    hub = json_array_get_object_element (json_object_get_array_member (records, "hub"), 0);
    text = json_to_string (node, TRUE);
    bundle = l4a_bundle_parse (text, strlen (text), &error);
    g_assert_no_error (error);
    g_assert_nonnull (bundle);
    /* and a change is still found */
    json_object_set_string_member (hub, "name", "Changed in the file");
    g_free (text);
    text = json_to_string (node, TRUE);
    expect_refused ("changed, not canonical", text, -1, L4A_BUNDLE_ERROR_INTEGRITY, "checksum");
  }

  /* many empty records: read, counted, and their checksum checked */
  {
    g_autoptr(JsonNode) node = sample_node ();
    g_autoptr(L4aBundle) bundle = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    JsonArray *empty = json_array_new ();
    guint before;

    for (guint i = 0; i < 50000; i++)
      json_array_add_object_element (empty, json_object_new ());
    records = json_object_get_object_member (root_of (node), "records");
    json_object_set_array_member (records, "hub_relation", empty);
    reseal (node);
    text = json_to_string (node, FALSE);
    bundle = l4a_bundle_parse (text, strlen (text), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (l4a_bundle_get_n_records (bundle, "hub_relation"), ==, 50000);
    before = bundle->n_records;
    g_assert_cmpuint (before, >, 50000);
    /* one of them changed: the checksum, worked out a record at a time, says so */
    g_clear_pointer (&bundle, l4a_bundle_free);
    json_object_set_int_member (json_array_get_object_element (empty, 49999), "x", 1);
    g_free (text);
    text = json_to_string (node, FALSE);
    expect_refused ("late change among empty records", text, -1, L4A_BUNDLE_ERROR_INTEGRITY, "checksum");
  }
}

/* The sample's text with the first match of @pattern replaced. */
static char *
variant_of (const char *text,
            const char *pattern,
            const char *replacement)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int start, end;

  g_assert_nonnull (regex);
  g_assert_true (g_regex_match (regex, text, 0, &match));
  g_assert_true (g_match_info_fetch_pos (match, 0, &start, &end));
  return g_strdup_printf ("%.*s%s%s", start, text, replacement, text + end);
}

static void
test_strict_json (void)
{
  static const struct {
    const char *name;
    const char *pattern;
    const char *replacement;
    const char *needle;
  } cases[] = {
    { "hexadecimal", "\"format_version\"\\s*:\\s*1", "\"format_version\": 0x1", "numbers" },
    { "leading zero", "\"format_version\"\\s*:\\s*1", "\"format_version\": 01", "numbers" },
    { "plus sign", "\"format_version\"\\s*:\\s*1", "\"format_version\": +1", "value should" },
    { "not a number", "\"format_version\"\\s*:\\s*1", "\"format_version\": NaN", "true, false or null" },
    { "infinity", "\"format_version\"\\s*:\\s*1", "\"format_version\": 1e999", "finite" },
    { "huge integer", "\"format_version\"\\s*:\\s*1", "\"format_version\": 99999999999999999999", "out of range" },
    { "bare point", "\"format_version\"\\s*:\\s*1", "\"format_version\": 1.", "after its point" },
    { "single quotes", "\"format\"", "'format'", "double quotes" },
    { "comment", "\"kind\"", "/* kind */ \"kind\"", "comment" },
    { "word", "\"format_version\"\\s*:\\s*1", "\"format_version\": True", "true, false or null" },
    { "lone high surrogate", "\"name\"\\s*:\\s*\"", "\"name\": \"\\ud800x", "lone high surrogate" },
    { "lone low surrogate", "\"name\"\\s*:\\s*\"", "\"name\": \"\\udc00", "lone low surrogate" },
    { "swapped pair", "\"name\"\\s*:\\s*\"", "\"name\": \"\\ude00\\ud83d", "surrogate" },
    { "nul escape", "\"name\"\\s*:\\s*\"", "\"name\": \"a\\u0000", "U+0000" },
    { "raw control", "\"name\"\\s*:\\s*\"", "\"name\": \"a\x01", "control character" },
    { "unknown escape", "\"name\"\\s*:\\s*\"", "\"name\": \"\\q", "escape" },
    { "short escape", "\"name\"\\s*:\\s*\"", "\"name\": \"\\u12\"", "four hexadecimal" },
    { "record member twice", "\"name\"\\s*:", "\"name\": \"Twice\", \"name\":", "“name” is given twice" },
    { "spelled twice", "\"name\"\\s*:", "\"n\\u0061me\": \"Twice\", \"name\":", "“name” is given twice" },
    { "missing comma", "\"kind\"", "\"x\": 1 \"kind\"", "“,”" },
    { "trailing comma", "\"format\"", "\"format\":1,}\"format\"", "double quotes" },
  };
  g_autofree char *trailing = g_strconcat (sample_text, " {}", NULL);

  HOSTILE_TEXT ("trailing value", trailing, -1, L4A_BUNDLE_ERROR_SYNTAX, "after the bundle’s end");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = variant_of (sample_text, cases[i].pattern, cases[i].replacement);

      HOSTILE_TEXT (cases[i].name, text, -1, L4A_BUNDLE_ERROR_SYNTAX, cases[i].needle);
    }

  /* what JSON does allow still reads: escapes of every kind, a pair for a
   * character beyond the first plane, a byte-order mark, spaces */
  {
    g_autoptr(JsonNode) node = sample_node ();
    g_autoptr(GError) error = NULL;
    g_autoptr(L4aBundle) bundle = NULL;
    g_autofree char *text = NULL;
    g_autofree char *escaped = NULL;
    g_autofree char *marked = NULL;

    json_object_set_string_member (first_record (node, "hub"), "name", "Hub \xf0\x9f\x98\x80 / \"quoted\"\ttab");
    reseal (node);
    text = json_to_string (node, TRUE);
    escaped = variant_of (text, "\xf0\x9f\x98\x80 /", "\\ud83d\\ude00 \\/");
    marked = g_strconcat ("\xef\xbb\xbf \n", escaped, "\r\n", NULL);
    bundle = l4a_bundle_parse (marked, strlen (marked), &error);
    g_assert_no_error (error);
    g_assert_nonnull (bundle);
  }
}

static L4aBundle *
bundle_from_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;
  L4aBundle *bundle = l4a_bundle_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  /* the plan is what is tested here, as for the sample data the
   * application loads itself; signatures are test-trust.c's */
  bundle->builtin = TRUE;
  return bundle;
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

/* The preview: added, unchanged, updated, left alone, in conflict. */
static void
test_import_plan (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "plan.sqlite");
  g_autofree char *empty_path = g_build_filename (tmpdir, "plan-empty.sqlite", NULL);
  g_autoptr(L4aStore) empty = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_id = NULL;
  JsonNode *node;
  JsonObject *hub;
  gint64 revision;

  /* the sample against itself: nothing to do */
  bundle = l4a_bundle_parse (sample_text, sample_length, &error);
  g_assert_no_error (error);
  bundle->builtin = TRUE;
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_SAME], ==, bundle->n_records);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_ADD] + plan->counts[L4A_IMPORT_UPDATE] +
                    plan->counts[L4A_IMPORT_CONFLICT] + plan->counts[L4A_IMPORT_OLDER], ==, 0);
  g_clear_pointer (&plan, l4a_import_plan_free);

  /* against an empty database: everything is added */
  empty = l4a_store_open (empty_path, &error);
  g_assert_no_error (error);
  plan = l4a_import_plan (empty, bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->counts[L4A_IMPORT_ADD], ==, bundle->n_records);
  g_assert_false (plan->already_imported);
  g_clear_pointer (&plan, l4a_import_plan_free);
  g_clear_pointer (&bundle, l4a_bundle_free);

  /* theirs at a later revision: an update, naming the field */
  node = sample_node ();
  hub = first_record (node, "hub");
  hub_id = g_strdup (json_object_get_string_member (hub, "id"));
  revision = json_object_get_int_member_with_default (hub, "revision", 1);
  json_object_set_string_member (hub, "name", "Renamed Elsewhere Hub");
  json_object_set_int_member (hub, "revision", revision + 1);
  reseal (node);
  bundle = bundle_from_node (node);
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_no_error (error);
  {
    L4aImportChange *change = find_change (plan, "hub", hub_id);

    g_assert_nonnull (change);
    g_assert_cmpint (change->action, ==, L4A_IMPORT_UPDATE);
    g_assert_cmpstr (change->label, ==, "Renamed Elsewhere Hub");
    /* the name; the revision is bookkeeping, not a field that changed */
    g_assert_cmpuint (change->fields->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (change->fields, 0), ==, "name");
    g_assert_cmpuint (plan->counts[L4A_IMPORT_UPDATE], ==, 1);
  }
  g_clear_pointer (&plan, l4a_import_plan_free);
  g_clear_pointer (&bundle, l4a_bundle_free);

  /* never agreed before (a database not loaded from this bundle) and both
   * at the same revision: a conflict */
  json_object_set_int_member (hub, "revision", revision);
  reseal (node);
  bundle = bundle_from_node (node);
  {
    g_autoptr(L4aStore) other = l4a_test_open_with_sample (tmpdir, "plan-other.sqlite");
    g_autofree char *sql = g_strdup_printf ("DELETE FROM sync_state WHERE record_key = '%s'", hub_id);
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (l4a_store_get_path (other), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    plan = l4a_import_plan (other, bundle, &error);
    g_assert_no_error (error);
    g_assert_cmpint (find_change (plan, "hub", hub_id)->action, ==, L4A_IMPORT_CONFLICT);
    g_assert_cmpuint (plan->counts[L4A_IMPORT_CONFLICT], ==, 1);
    g_clear_pointer (&plan, l4a_import_plan_free);
  }
  g_clear_pointer (&bundle, l4a_bundle_free);
  json_node_unref (node);

  /* ours at a later revision: theirs is left alone */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE hub SET name = 'Renamed Here Hub', revision = revision + 1 "
                                            "WHERE id = '%s'", hub_id);
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (l4a_store_get_path (store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  bundle = l4a_bundle_parse (sample_text, sample_length, &error);
  g_assert_no_error (error);
  bundle->builtin = TRUE;
  plan = l4a_import_plan (store, bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_change (plan, "hub", hub_id)->action, ==, L4A_IMPORT_OLDER);
  /* the sample was loaded through the importer */
  g_assert_true (plan->already_imported);
}

/* The SHA-256 the bundles' checksums, attachments and records' hashes use
 * is the one GLib computes, at every length around SHA-256's blocks. */
static void
test_sha256 (void)
{
  static const gsize lengths[] = { 0, 1, 3, 55, 56, 63, 64, 65, 119, 127, 128, 1000, 4096 + 7, 1 << 20 };
  g_autofree guchar *data = g_malloc ((1 << 20) + 1);

  for (gsize i = 0; i < (1 << 20) + 1; i++)
    data[i] = (guchar) (i * 2654435761u >> 24);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *ours = l4a_sha256_hex (data, lengths[i]);
      g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, lengths[i]);

      g_assert_cmpstr (ours, ==, glib);
    }
  {
    g_autofree char *empty = l4a_sha256_hex (NULL, 0);

    g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}

/* A file the user names that is no file (a pipe, a device, a folder) is
 * refused at once, not read for ever; one over the limit is refused by its
 * size; what is read ends with a NUL. A regression would wait on the pipe
 * or fill the memory from /dev/zero: the alarm fails the test instead. */
static void
test_not_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("l4a-read-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "pipe.l4a.json", NULL);
  g_autofree char *text = g_build_filename (dir, "ten.txt", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GBytes) bytes = NULL;
  const char * const not_files[] = { fifo, "/dev/zero", "/dev/null", dir };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (text, "0123456789", 10, NULL));
  alarm (20);

  for (guint i = 0; i < G_N_ELEMENTS (not_files); i++)
    {
      g_autoptr(L4aBundle) bundle = l4a_bundle_load (not_files[i], &error);
      g_autoptr(GBytes) read = l4a_read_file (not_files[i], 1 << 20, NULL);

      g_assert_null (bundle);
      g_assert_null (read);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_nonnull (strstr (error->message, "is not a file"));
      g_clear_error (&error);
    }
  g_assert_null (l4a_attachment_load (fifo_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_null (l4a_key_load (fifo, &error));
  g_assert_error (error, L4A_KEY_ERROR, L4A_KEY_ERROR_FILE);
  g_clear_error (&error);

  /* the limit: ten bytes are too many for nine, not for ten */
  g_assert_null (l4a_read_file (text, 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);
  bytes = l4a_read_file (text, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0123456789", 10);
  g_assert_cmpint (((const char *) g_bytes_get_data (bytes, NULL))[10], ==, '\0');
  g_clear_pointer (&bytes, g_bytes_unref);
  /* and nothing that is not there */
  g_assert_null (l4a_read_file ("/nonexistent/bundle.l4a.json", 10, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  alarm (0);

  g_remove (fifo);
  g_remove (text);
  g_rmdir (dir);
}

/* Two nodes are the same to the importer: of one type and value type, the
 * same values (a double to the bit), the same members in the same order. */
static gboolean
same_nodes (JsonNode *a,
            JsonNode *b)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;
  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_INT64:
          return json_node_get_int (a) == json_node_get_int (b);
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        case G_TYPE_STRING:
          return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
        default:
          {
            double x = json_node_get_double (a), y = json_node_get_double (b);

            return memcmp (&x, &y, sizeof x) == 0;
          }
        }
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          if (!same_nodes (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_OBJECT:
    default:
      {
        g_autoptr(GList) xs = json_object_get_members (json_node_get_object (a));
        g_autoptr(GList) ys = json_object_get_members (json_node_get_object (b));
        GList *x, *y;

        for (x = xs, y = ys; x != NULL && y != NULL; x = x->next, y = y->next)
          if (!g_str_equal (x->data, y->data) ||
              !same_nodes (json_object_get_member (json_node_get_object (a), x->data),
                           json_object_get_member (json_node_get_object (b), y->data)))
            return FALSE;
        return x == NULL && y == NULL;
      }
    }
}

/* The importer reads each element of a list of records with its own
 * builder of nodes (l4a_bundle_iter_next()): what it builds of any text
 * the strict reading lets through is what json-glib's parser makes of it. */
static void
test_element_nodes (void)
{
  static const char * const elements[] = {
    "{}",
    "[]",
    "{\"id\":\"3f1c2a4e-0000-4000-8000-000000000001\",\"name\":\"Hub\",\"revision\":1}",
    "{ \"name\" : \"spaced\" ,\n\t\"n\" :\r\n 2 }",
    "{\"escapes\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"u\":\"caf\\u00e9 \\u20AC \\ud83d\\ude00\",\"raw\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"}",
    "{\"n\\u0061me\":\"escaped name\",\"\":\"empty name\",\"e\":\"\"}",
    "{\"i\":0,\"neg\":-0,\"big\":9223372036854775807,\"small\":-9223372036854775808,\"one\":1}",
    "{\"d\":1.5,\"z\":-0.0,\"e\":1e3,\"E\":2E-3,\"p\":6.02e+23,\"tiny\":4.9e-324,\"pi\":3.141592653589793238462643}",
    "{\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"two\",3.0,[false,null,{}],{\"x\":[]}]}",
    "[\"a\",1,-2.5e-7,true,null,{\"deep\":{\"deeper\":{\"deepest\":[[[\"x\"]]]}}}]",
    "\"just a string\"",
    "42",
    "-7.25",
    "null",
  };
  /* and a long text (as an attachment's data) and a long name, then
   * short ones again */
  g_autofree char *filler = g_strnfill (200 * 1024, 'A');
  g_autofree char *name = g_strnfill (300, 'n');
  g_autofree char *long_text = g_strdup_printf ("{\"data\":\"%s\\n%s\",\"%s\":1,\"size\":1}", filler, filler, name);
  const char *all[G_N_ELEMENTS (elements) * 2 + 1];
  GString *list = g_string_new ("[");
  g_auto(L4aBundleIter) iter = { 0 };
  g_autoptr(GError) error = NULL;
  JsonNode *element = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    all[i] = all[G_N_ELEMENTS (elements) + 1 + i] = elements[i];
  all[G_N_ELEMENTS (elements)] = long_text;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_string_append_printf (list, "%s%s", i ? ",\n " : "", all[i]);
  g_string_append_c (list, ']');

  /* as l4a_bundle_iter_init() sets it on a list of a bundle */
  iter.p = list->str + 1;
  iter.end = list->str + list->len - 1;
  while (l4a_bundle_iter_next (&iter, &element, &error))
    {
      g_autoptr(JsonNode) expected = json_from_string (all[n], NULL);

      g_assert_nonnull (expected);
      if (!same_nodes (element, expected))
        g_error ("element %u (%.80s) is not read as json-glib reads it", n, all[n]);
      g_assert_cmpuint (iter.last_length, ==, strlen (all[n]));
      json_node_unref (element);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (all));
  g_string_free (list, TRUE);

  /* the comparison itself tells values apart */
  {
    g_autoptr(JsonNode) whole = json_from_string ("{\"a\":1}", NULL);
    g_autoptr(JsonNode) real = json_from_string ("{\"a\":1.0}", NULL);
    g_autoptr(JsonNode) other = json_from_string ("{\"b\":1}", NULL);

    g_assert_false (same_nodes (whole, real));
    g_assert_false (same_nodes (whole, other));
    g_assert_true (same_nodes (whole, whole));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "sample.json", NULL);
  g_assert_true (g_file_get_contents (path, &sample_text, &sample_length, NULL));

  g_test_add_func ("/core/bundle/sample-is-valid", test_sample_is_valid);
  g_test_add_func ("/core/bundle/canonical", test_canonical);
  g_test_add_func ("/core/bundle/hostile", test_hostile);
  g_test_add_func ("/core/bundle/strict-json", test_strict_json);
  g_test_add_func ("/core/bundle/element-nodes", test_element_nodes);
  g_test_add_func ("/core/bundle/sha256", test_sha256);
  g_test_add_func ("/core/bundle/not-a-file", test_not_a_file);
  g_test_add_func ("/core/bundle/large", test_large);
  g_test_add_func ("/core/bundle/reader-recycles", test_reader_recycles);
  g_test_add_func ("/core/bundle/bounded", test_bounded);
  g_test_add_func ("/core/bundle/files", test_files);
  g_test_add_func ("/core/bundle/full-round-trip", test_full_round_trip);
  g_test_add_func ("/core/bundle/import-plan", test_import_plan);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-bundle-XXXXXX");
}
