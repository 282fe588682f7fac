/* trust-test-utils.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys for tests that move bundles between databases: acting as a sample
 * member or government with that person's sample key, trusting a
 * secretariat's key as a user confirms it, opening a bundle sealed for any
 * key the test has used, and signing a bundle a test has changed with the
 * key that signed the original (so that what is tested is the rule the
 * change breaks, not the signature).
 */

#pragma once

#include <sqlite3.h>
#include <string.h>

#include "l4a-bundle.h"
#include "l4a-keys.h"
#include "l4a-store.h"
#include "l4a-trust.h"

G_BEGIN_DECLS

static GHashTable *l4a_test_keys;  /* public key → L4aKey */

static inline void
l4a_test_remember_key (L4aKey *key)
{
  if (l4a_test_keys == NULL)
    l4a_test_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) l4a_key_unref);
  if (!g_hash_table_contains (l4a_test_keys, l4a_key_get_public (key)))
    g_hash_table_insert (l4a_test_keys, (gpointer) l4a_key_get_public (key), l4a_key_ref (key));
}

static inline L4aKey *
l4a_test_key_of (const char *public_key)
{
  return l4a_test_keys && public_key ? g_hash_table_lookup (l4a_test_keys, public_key) : NULL;
}

/* Every person of the sample data in the database at @path: their sample
 * keys open what is sealed for them. */
static inline void
l4a_test_remember_sample_keys (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM member WHERE sample = 1 UNION ALL "
                                           "SELECT id FROM government WHERE sample = 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(L4aKey) key = l4a_key_new_sample ((const char *) sqlite3_column_text (stmt, 0));

      l4a_test_remember_key (key);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The installation's own key of @store, whatever it signs with now. */
static inline L4aKey *
l4a_test_own_key (L4aStore *store)
{
  g_autofree char *path = l4a_store_dup_key_path (store);
  g_autoptr(GError) error = NULL;
  L4aKey *key;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      L4aStore *fresh = l4a_store_open (l4a_store_get_path (store), &error);

      g_assert_no_error (error);
      g_assert_nonnull (l4a_store_get_key (fresh, &error));
      g_object_unref (fresh);
    }
  key = l4a_key_load (path, &error);
  g_assert_no_error (error);
  l4a_test_remember_key (key);
  return key;
}

/* @store acts as @role and @identity, signing as that person: with the
 * sample key of a sample member or government, with its own key as the
 * secretariat. */
static inline void
l4a_test_act_as (L4aStore   *store,
                 L4aRole     role,
                 const char *identity)
{
  l4a_store_set_actor (store, role, identity);
  if (role != L4A_ROLE_SECRETARIAT && identity != NULL)
    {
      g_autoptr(L4aKey) key = l4a_key_new_sample (identity);

      l4a_test_remember_key (key);
      l4a_store_set_key (store, key);
    }
  else
    {
      g_autoptr(L4aKey) own = l4a_test_own_key (store);

      l4a_store_set_key (store, NULL);
    }
}

/* @store takes @secretariat's own key as the World Secretariat's, as a user
 * does on first contact. */
static inline void
l4a_test_trust (L4aStore *store,
                L4aStore *secretariat)
{
  g_autoptr(L4aKey) key = l4a_test_own_key (secretariat);
  g_autoptr(GError) error = NULL;

  g_assert_true (l4a_trust_confirm_secretariat (store, l4a_key_get_public (key), &error));
  g_assert_no_error (error);
}

/* Opens the bundle at @path, sealed or not, with whichever key the test
 * knows it is sealed for. */
static inline L4aBundle *
l4a_test_open_bundle (L4aStore    *store,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *for_key = NULL;
  gsize length = 0;
  L4aKey *reader = NULL;

  if (g_file_get_contents (path, &text, &length, NULL))
    for_key = l4a_bundle_peek_sealed_for (text, length);
  reader = l4a_test_key_of (for_key);
  if (reader == NULL && store != NULL)
    reader = l4a_store_get_key (store, NULL);
  return l4a_bundle_open (path, reader, error);
}

/* The text of @root as a bundle signed by @key. */
static inline char *
l4a_test_sign_root (JsonNode *root,
                    L4aKey   *key)
{
  g_autofree char *text = NULL;
  GString *out;

  json_object_remove_member (json_node_get_object (root), "signature");
  text = json_to_string (root, FALSE);
  g_assert_true (g_str_has_suffix (text, "}"));
  out = g_string_new_len (text, (gssize) strlen (text) - 1);
  l4a_bundle_sign (out, key);
  return g_string_free (out, FALSE);
}

G_END_DECLS
