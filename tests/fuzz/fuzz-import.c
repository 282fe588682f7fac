/* fuzz-import.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer against arbitrary bytes: open (a sealed bundle with the
 * database's key), check the signature, parse, plan against a database with
 * the sample data, and, when the plan holds, apply it and roll the database
 * back by reopening a pristine copy. An input that parses but is not
 * signed is refused for that, then signed as the sender it names would
 * sign it (the database's own key for the secretariat, the sample key of a
 * sample member or government) and tried again, so that every rule behind
 * the signature is reached too. Built as a
 * libFuzzer target with -Dfuzzing=true (clang); otherwise as a program that
 * replays the corpus files named on its command line, which the normal
 * test suite runs.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-sample.h"
#include "l4a-store.h"
#include "l4a-trust.h"

static char *pristine;
static char *scratch;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aStore) store = NULL;
  g_autofree char *dir = NULL;

  if (pristine != NULL)
    return;
  dir = g_dir_make_tmp ("l4a-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  pristine = g_build_filename (dir, "pristine.sqlite", NULL);
  scratch = g_build_filename (dir, "scratch.sqlite", NULL);
  store = l4a_store_open (pristine, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
}

/* Every text in every table of the database at @path is valid UTF-8:
 * whatever a bundle held, what reaches the database is text. */
static void
assert_texts_valid (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'", -1,
                                       &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          if (sqlite3_column_type (rows, c) == SQLITE_TEXT)
            {
              const char *text = (const char *) sqlite3_column_text (rows, c);

              if (!g_utf8_validate_len (text, (gsize) sqlite3_column_bytes (rows, c), NULL))
                g_error ("%s.%s holds text that is not UTF-8", sqlite3_column_text (tables, 0),
                         sqlite3_column_name (rows, c));
              g_assert_null (memchr (text, '\0', (gsize) sqlite3_column_bytes (rows, c)));
            }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
}

/* @data signed as its sender would sign it, or %NULL if it does not end
 * as a JSON object does. */
static GString *
signed_copy (const uint8_t *data,
             size_t         size,
             L4aBundle     *bundle,
             L4aKey        *own)
{
  g_autoptr(L4aKey) sample = NULL;
  GString *out;
  gsize end = size;

  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;
  if (end == 0 || data[end - 1] != '}')
    return NULL;
  out = g_string_new_len ((const char *) data, (gssize) end - 1);
  if (g_strcmp0 (bundle->origin_role, "secretariat") == 0)
    l4a_bundle_sign (out, own);
  else
    {
      sample = l4a_key_new_sample (bundle->origin_actor ? bundle->origin_actor : "");
      l4a_bundle_sign (out, sample);
    }
  return out;
}

/* One input: never crashes, and either fails with a message or imports. */
static void
run_one (const uint8_t *data,
         size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(L4aStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  L4aKey *own;

  g_assert_true (g_file_get_contents (pristine, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (scratch, contents, (gssize) length, NULL));
  store = l4a_store_open (scratch, &error);
  g_assert_no_error (error);
  own = l4a_store_get_key (store, &error);
  g_assert_no_error (error);

  bundle = l4a_bundle_parse_for ((const char *) data, size, own, &error);
  if (bundle == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_debug ("refused: %s", error->message);
      return;
    }

  if (bundle->signer_key == NULL)
    {
      g_autoptr(GString) again = NULL;

      /* unsigned: refused, and the database as it was */
      plan = l4a_import_plan (store, bundle, &error);
      g_assert_null (plan);
      g_assert_error (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNSIGNED);
      g_clear_error (&error);
      again = signed_copy (data, size, bundle, own);
      g_clear_pointer (&bundle, l4a_bundle_free);
      if (again == NULL)
        return;
      bundle = l4a_bundle_parse (again->str, again->len, &error);
      if (bundle == NULL)
        {
          g_assert_nonnull (error);
          g_debug ("refused once signed: %s", error->message);
          return;
        }
      g_assert_nonnull (bundle->signer_key);
    }

  plan = l4a_import_plan (store, bundle, &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_debug ("refused: %s", error->message);
      return;
    }
  l4a_import_plan_resolve_all (plan, L4A_RESOLVE_THEIRS);
  if (!l4a_import_apply (store, bundle, plan, FALSE, NULL, NULL, NULL, NULL, &error))
    {
      g_assert_nonnull (error);
      g_debug ("not applied: %s", error->message);
    }
  else
    {
      g_debug ("imported a %s bundle of %u records", bundle->kind, bundle->n_records);
      g_clear_object (&store);
      assert_texts_valid (scratch);
    }
}

#include "fuzz-main.h"
