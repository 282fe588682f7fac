/* test-trust.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles that prove who sent them: keys and their files, signatures over
 * every byte, the roster and who it lets write what, first contact with
 * the secretariat, enrolment, approval, revocation and rotation across
 * workstations, and sealing for one reader. Every refusal leaves the
 * database byte for byte as it was.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core-test-utils.h"
#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-trust.h"

static char *tmpdir;

#define FIRST_MEMBER "SELECT id FROM member ORDER BY id LIMIT 1"
#define OTHER_MEMBER "SELECT id FROM member ORDER BY id LIMIT 1 OFFSET 1"
#define SUBMITTER    "SELECT government_id FROM proposal WHERE state = 'submitted' ORDER BY id LIMIT 1"
#define OTHER_GOVERNMENT \
  "SELECT id FROM government WHERE id NOT IN (" SUBMITTER ") ORDER BY id LIMIT 1"

static L4aStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  L4aStore *store = l4a_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
text_of (L4aStore   *store,
         const char *sql)
{
  return l4a_test_sql_text (l4a_store_get_path (store), sql);
}

static char *
export_as (L4aStore   *store,
          L4aRole     role,
          const char *identity,
          const char *kind,
          const char *for_id)
{
  return l4a_test_export (tmpdir, store, role, identity, kind, for_id);
}

/* Imports the bundle at @path, opened with @store's own key. */
static guint
import_path (L4aStore   *store,
             const char *path)
{
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  guint written = 0;

  bundle = l4a_bundle_open (path, l4a_store_get_key (store, NULL), &error);
  g_assert_no_error (error);
  g_assert_true (l4a_import_now (store, bundle, NULL, FALSE, NULL, &written, &error));
  g_assert_no_error (error);
  return written;
}

/* The bundle at @path is refused by @store, reading it with its own key,
 * with a message holding @expected; the database is as it was. */
static void
expect_refused (L4aStore   *store,
                const char *path,
                const char *expected)
{
  g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  bundle = l4a_bundle_open (path, l4a_store_get_key (store, NULL), &error);
  if (bundle != NULL)
    {
      plan = l4a_import_plan (store, bundle, &error);
      g_assert_null (plan);
      if (error != NULL && strstr (error->message, expected) == NULL)
        g_error ("the preview says “%s”, not “%s”", error->message, expected);
      g_clear_error (&error);
      g_assert_false (l4a_import_now (store, bundle, NULL, FALSE, NULL, NULL, &error));
    }
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  after = l4a_test_fingerprint (l4a_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

static char *
write_text (const char *text,
            gsize       length)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("changed-%s.l4a.json", uuid);
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, (gssize) length, &error));
  return path;
}

/* The bundle at @path, its header's @member set to @value and signed again
 * by @key. */
static char *
resigned (const char *path,
          L4aKey     *reader,
          L4aKey     *key,
          void      (*change) (JsonObject *root, gpointer data),
          gpointer    data)
{
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;

  bundle = l4a_bundle_open (path, reader, &error);
  g_assert_no_error (error);
  root = l4a_bundle_dup_root (bundle, NULL);
  if (change != NULL)
    change (json_node_get_object (root), data);
  checksum = l4a_bundle_checksum (json_object_get_member (json_node_get_object (root), "records"));
  json_object_set_string_member (json_node_get_object (root), "checksum", checksum);
  text = l4a_test_sign_root (root, key);
  return write_text (text, strlen (text));
}

static void
set_origin (JsonObject *root,
            gpointer    data)
{
  const char **pair = data;
  JsonObject *origin = json_object_get_object_member (root, "origin");

  json_object_set_string_member (origin, "role", pair[0]);
  json_object_set_string_member (origin, "actor", pair[1]);
}

static void
rename_first_hub (JsonObject *root,
                  gpointer    data)
{
  JsonObject *records = json_object_get_object_member (root, "records");
  JsonObject *hub = json_array_get_object_element (json_object_get_array_member (records, "hub"), 0);

  json_object_set_string_member (hub, "name", data);
}

/* Each byte of @text from @from on, replaced by each character of
 * @spellings, makes a bundle that is refused (opened with @reader). */
static void
assert_spellings_refused (const char *text,
                          gsize       length,
                          gsize       from,
                          const char *spellings,
                          L4aKey     *reader,
                          const char *what)
{
  for (gsize at = from; at < length; at++)
    for (const char *c = spellings; *c; c++)
      {
        g_autofree char *copy = NULL;
        g_autoptr(L4aBundle) bundle = NULL;

        if (text[at] == *c)
          continue;
        copy = g_memdup2 (text, length);
        copy[at] = *c;
        bundle = l4a_bundle_parse_for (copy, length, reader, NULL);
        if (bundle != NULL)
          g_error ("byte %" G_GSIZE_FORMAT " of %s changed to %c passed", at, what, *c);
      }
}

/* Keys: made on first use, kept 0600 in a folder of 0700 apart from the
 * database, read back the same; a damaged file is refused; the sample keys
 * are the documented derivation; fingerprints read as eight groups. */
static void
test_keys (void)
{
  g_autoptr(L4aStore) store = open_store ("keys.sqlite");
  g_autoptr(L4aStore) again = NULL;
  g_autofree char *path = l4a_store_dup_key_path (store);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *fingerprint = NULL;
  g_autofree char *damaged = NULL;
  g_autoptr(L4aKey) sample = l4a_key_new_sample ("3b2d2f7e-2d6b-4c39-9e4a-0d8f2a1c5e77");
  g_autoptr(L4aKey) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  L4aKey *key;

  key = l4a_store_get_key (store, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_key_is_public (l4a_key_get_public (key)));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_false (g_str_has_prefix (path, tmpdir));

  again = open_store ("keys.sqlite");
  g_assert_cmpstr (l4a_key_get_public (l4a_store_get_key (again, NULL)), ==, l4a_key_get_public (key));

  fingerprint = l4a_key_fingerprint (l4a_key_get_public (key));
  g_assert_cmpuint (strlen (fingerprint), ==, 39);
  g_assert_true (g_regex_match_simple ("^([0-9A-F]{4} ){7}[0-9A-F]{4}$", fingerprint, 0, 0));

  /* the sample derivation: SHA-256 of the prefix and the id, as seed */
  {
    g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
    guint8 seed[32];
    gsize length = sizeof seed;
    g_autoptr(L4aKey) derived = NULL;

    g_checksum_update (checksum, (const guchar *) "local4action-sample-key:3b2d2f7e-2d6b-4c39-9e4a-0d8f2a1c5e77", -1);
    g_checksum_get_digest (checksum, seed, &length);
    derived = l4a_key_new_from_seed (seed);
    g_assert_cmpstr (l4a_key_get_public (derived), ==, l4a_key_get_public (sample));
  }

  /* a key file changed by hand is refused */
  damaged = g_build_filename (tmpdir, "damaged.key", NULL);
  g_assert_true (l4a_key_save (sample, damaged, &error));
  loaded = l4a_key_load (damaged, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (l4a_key_get_public (loaded), ==, l4a_key_get_public (sample));
  g_clear_pointer (&loaded, l4a_key_unref);
  {
    g_autofree char *text = NULL;
    g_autofree char *other = g_strdup (l4a_key_get_public (key));
    g_autoptr(GString) changed = NULL;

    g_assert_true (g_file_get_contents (damaged, &text, NULL, NULL));
    changed = g_string_new (text);
    g_string_replace (changed, l4a_key_get_public (sample), other, 1);
    g_assert_true (g_file_set_contents (damaged, changed->str, -1, NULL));
    loaded = l4a_key_load (damaged, &error);
    g_assert_null (loaded);
    g_assert_error (error, L4A_KEY_ERROR, L4A_KEY_ERROR_FORMAT);
  }
}

/* A one-byte change anywhere in a signed bundle is refused: every byte of
 * an enrolment request, and bytes across a registry. */
static void
test_every_byte (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "bytes-office.sqlite");
  g_autofree char *member = text_of (office, FIRST_MEMBER);
  g_autofree char *enrolment = NULL;
  g_autofree char *registry = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_autofree char *text = NULL;
  gsize length = 0;

  {
    g_autoptr(L4aStore) board = open_store ("bytes-board.sqlite");

    l4a_store_set_actor (board, L4A_ROLE_MEMBER, member);
    enrolment = g_build_filename (tmpdir, "bytes-enrolment.l4a.json", NULL);
    g_assert_true (l4a_bundle_export (board, "enrolment", NULL, enrolment, NULL, NULL, NULL));
  }

  for (guint which = 0; which < 2; which++)
    {
      const char *path = which == 0 ? enrolment : registry;
      guint step;

      g_clear_pointer (&text, g_free);
      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      /* every byte of the enrolment request; some 3000 places of the
       * registry, and each of its first and last 300 bytes */
      step = which == 0 ? 1 : MAX (1, length / 3000);
      for (gsize at = 0; at < length; at++)
        {
          g_autofree char *copy = NULL;
          g_autoptr(L4aBundle) bundle = NULL;
          g_autoptr(GError) error = NULL;

          if (at % step != 0 && at >= 300 && at + 300 < length)
            continue;
          copy = g_memdup2 (text, length);
          copy[at] = copy[at] == 'A' ? 'B' : copy[at] == '"' ? '\'' : 'A';
          bundle = l4a_bundle_parse (copy, length, &error);
          if (bundle != NULL)
            g_error ("a change of byte %" G_GSIZE_FORMAT " of %s passed", at, path);
        }
      /* every spelling of each byte of the signature */
      assert_spellings_refused (text, length, length - 140, "ABCDEFGHabcdefgh0123+/=\"{}, ", NULL, path);
      /* one more byte at the end, or one fewer */
      {
        g_autofree char *longer = g_strdup_printf ("%s\n", text);
        g_autoptr(GError) error = NULL;
        g_autoptr(L4aBundle) a = l4a_bundle_parse (longer, length + 1, &error);
        g_autoptr(GError) error2 = NULL;
        g_autoptr(L4aBundle) b = l4a_bundle_parse (text, length - 1, &error2);

        g_assert_null (a);
        g_assert_null (b);
      }
    }
}

/* What the roster refuses, each with its message and the database as it
 * was: unsigned, a key it does not hold, a key standing for someone else,
 * a secretariat never confirmed, a registry edited by hand. */
static void
test_refusals (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "refuse-office.sqlite");
  g_autoptr(L4aStore) city = l4a_test_open_with_sample (tmpdir, "refuse-city.sqlite");
  g_autoptr(L4aStore) board = l4a_test_open_with_sample (tmpdir, "refuse-board.sqlite");
  g_autofree char *submitter = text_of (office, SUBMITTER);
  g_autofree char *other = text_of (office, OTHER_GOVERNMENT);
  g_autofree char *member = text_of (office, FIRST_MEMBER);
  g_autofree char *other_member = text_of (office, OTHER_MEMBER);
  g_autofree char *registry = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  g_autoptr(L4aKey) stranger = l4a_key_generate ();
  g_autoptr(L4aKey) office_key = l4a_test_own_key (office);
  g_autoptr(L4aKey) submitter_key = l4a_key_new_sample (submitter);
  g_autoptr(L4aKey) member_key = l4a_key_new_sample (member);

  /* first contact: nothing from the secretariat until its key is confirmed */
  expect_refused (city, registry, "does not know the secretariat’s key yet");

  /* edited by hand, the checksum made again, and not signed any more */
  {
    g_autoptr(L4aBundle) bundle = l4a_bundle_open (registry, NULL, NULL);
    g_autoptr(JsonNode) root = l4a_bundle_dup_root (bundle, NULL);
    g_autofree char *text = NULL;
    g_autofree char *path = NULL;
    g_autofree char *checksum = NULL;

    rename_first_hub (json_node_get_object (root), (gpointer) "Renamed by hand");
    json_object_remove_member (json_node_get_object (root), "signature");
    checksum = l4a_bundle_checksum (json_object_get_member (json_node_get_object (root), "records"));
    json_object_set_string_member (json_node_get_object (root), "checksum", checksum);
    text = json_to_string (root, FALSE);
    path = write_text (text, strlen (text));
    l4a_test_trust (city, office);
    expect_refused (city, path, "not signed");
  }
  /* … or with the signature kept: it no longer matches */
  {
    g_autofree char *text = NULL;
    g_autoptr(GString) changed = NULL;
    g_autofree char *path = NULL;
    g_autoptr(L4aBundle) bundle = l4a_bundle_open (registry, NULL, NULL);
    g_autoptr(JsonNode) whole = l4a_bundle_dup_root (bundle, NULL);
    const char *name = json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (
        json_object_get_object_member (json_node_get_object (whole), "records"), "hub"), 0), "name");

    g_assert_true (g_file_get_contents (registry, &text, NULL, NULL));
    changed = g_string_new (text);
    g_assert_cmpuint (g_string_replace (changed, name, "Renamed by hand", 1), ==, 1);
    {
      g_autoptr(GString) records = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *checksum = NULL;
      g_autofree char *old = NULL;

      /* the checksum made again, as the format document tells how */
      g_assert_true (json_parser_load_from_data (parser, changed->str, -1, NULL));
      checksum = l4a_bundle_checksum (json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                              "records"));
      old = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                     "checksum"));
      g_string_replace (changed, old, checksum, 1);
    }
    path = write_text (changed->str, changed->len);
    expect_refused (city, path, "signature does not match");
  }

  /* a key nobody approved */
  {
    const char *claim[] = { "government", submitter };
    g_autofree char *submission = export_as (city, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);
    g_autofree char *forged = resigned (submission, office_key, stranger, set_origin, claim);

    expect_refused (office, forged, "not in this workstation’s roster");
  }

  /* a government's key writing as another government, as the secretariat */
  {
    const char *as_other[] = { "government", other };
    const char *as_office[] = { "secretariat", "secretariat" };
    g_autofree char *submission = export_as (city, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);
    g_autofree char *a = resigned (submission, office_key, submitter_key, set_origin, as_other);
    g_autofree char *b = resigned (registry, NULL, submitter_key, set_origin, as_office);

    expect_refused (office, a, "signed with key");
    expect_refused (office, a, "says it comes from");
    expect_refused (city, b, "says it comes from the World Secretariat");
  }

  /* a member's key writing another member's reviews */
  {
    const char *as_other[] = { "member", other_member };
    g_autofree char *reviews = NULL;
    g_autofree char *forged = NULL;

    l4a_test_trust (board, office);
    reviews = export_as (board, L4A_ROLE_MEMBER, member, "reviews", NULL);
    forged = resigned (reviews, office_key, member_key, set_origin, as_other);
    expect_refused (office, forged, "says it comes from");
  }

  /* the importer acts for the key, not for the origin: a decisions bundle
   * claiming the secretariat but signed by a member is refused */
  {
    const char *as_office[] = { "secretariat", "secretariat" };
    g_autofree char *decisions = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "decisions", NULL);
    g_autofree char *forged = resigned (decisions, NULL, member_key, set_origin, as_office);

    expect_refused (city, forged, "says it comes from the World Secretariat");
  }
}

/* Sealed for one reader: the addressee opens it; anyone else, or a changed
 * byte of what is sealed, is refused; the file shows nothing of it. */
static void
test_sealing (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "seal-office.sqlite");
  g_autoptr(L4aStore) board = l4a_test_open_with_sample (tmpdir, "seal-board.sqlite");
  g_autoptr(L4aStore) wrong = l4a_test_open_with_sample (tmpdir, "seal-wrong.sqlite");
  g_autofree char *member = text_of (office, FIRST_MEMBER);
  g_autofree char *title = text_of (office, "SELECT title FROM proposal ORDER BY id LIMIT 1");
  g_autofree char *packet = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "review-packet", member);
  g_autoptr(L4aKey) member_key = l4a_key_new_sample (member);
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (packet, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "{\"format\":\"local4action-sealed\""));
  g_assert_null (strstr (text, title));
  g_assert_null (strstr (text, member));

  /* the wrong reader, and a reader with no key at all */
  l4a_test_trust (wrong, office);
  expect_refused (wrong, packet, "sealed for another workstation");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(L4aBundle) bundle = l4a_bundle_load (packet, &error);

    g_assert_null (bundle);
    g_assert_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SEALED);
  }

  /* the member's workstation opens it */
  l4a_test_trust (board, office);
  l4a_test_act_as (board, L4A_ROLE_MEMBER, member);
  import_path (board, packet);

  /* every spelling of each of the last bytes of the sealed text */
  assert_spellings_refused (text, length, length - 60, "ABCDEFGHabcdefgh0123+/=\"}", member_key,
                            "the sealed packet");

  /* a changed byte of the sealed text */
  {
    g_autofree char *copy = g_memdup2 (text, length);
    g_autofree char *path = NULL;
    gsize at = length - 40;

    copy[at] = copy[at] == 'A' ? 'B' : 'A';
    path = write_text (copy, length);
    expect_refused (board, path, "does not open it");
  }

  /* sealed for the secretariat: a submission, read only there */
  {
    g_autofree char *submitter = text_of (office, SUBMITTER);
    g_autofree char *submission = NULL;
    g_autoptr(L4aBundle) bundle = NULL;
    g_autoptr(GError) error = NULL;

    l4a_test_trust (wrong, office);
    submission = export_as (wrong, L4A_ROLE_GOVERNMENT, submitter, "submission", NULL);
    bundle = l4a_bundle_open (submission, member_key, &error);
    g_assert_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SEALED);
    g_clear_error (&error);
    bundle = l4a_bundle_open (submission, l4a_store_get_key (office, NULL), &error);
    g_assert_no_error (error);
    g_assert_nonnull (bundle->sealed_for);
  }
}

/* Enrolment, approval, a submission taken, revocation, across three
 * databases; then the secretariat's key rotated, and the other
 * workstations follow it. */
static void
test_enrolment_to_rotation (void)
{
  g_autoptr(L4aStore) office = l4a_test_open_with_sample (tmpdir, "life-office.sqlite");
  g_autoptr(L4aStore) city = open_store ("life-city.sqlite");
  g_autoptr(L4aStore) other = open_store ("life-other.sqlite");
  g_autofree char *submitter = text_of (office, SUBMITTER);
  g_autofree char *registry = NULL;
  g_autofree char *enrolment = g_build_filename (tmpdir, "life-enrolment.l4a.json", NULL);
  g_autofree char *submission = NULL;
  g_autofree char *city_key = NULL;
  g_autoptr(L4aRosterEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  /* the city takes the registry, confirming the secretariat's key */
  registry = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  l4a_test_trust (city, office);
  l4a_test_trust (other, office);
  g_assert_cmpuint (import_path (city, registry), >, 100);

  /* its own key (not the sample's) asks to be enrolled */
  l4a_store_set_actor (city, L4A_ROLE_GOVERNMENT, submitter);
  city_key = g_strdup (l4a_key_get_public (l4a_store_get_key (city, NULL)));
  g_assert_true (l4a_bundle_export (city, "enrolment", NULL, enrolment, NULL, NULL, &error));
  g_assert_no_error (error);
  submission = g_build_filename (tmpdir, "life-submission.l4a.json", NULL);
  g_assert_true (l4a_bundle_export (city, "submission", NULL, submission, NULL, NULL, &error));
  g_assert_no_error (error);
  expect_refused (office, submission, "not in this workstation’s roster");

  /* only the secretariat takes enrolments */
  l4a_store_set_actor (other, L4A_ROLE_GOVERNMENT, submitter);
  expect_refused (other, enrolment, "Only the World Secretariat");
  l4a_store_set_actor (other, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_cmpuint (import_path (office, enrolment), ==, 1);
  entry = l4a_trust_find (office, city_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_PENDING);
  g_clear_pointer (&entry, l4a_roster_entry_free);
  expect_refused (office, submission, "not been approved");

  /* approved by its fingerprint */
  {
    g_autofree char *fingerprint = l4a_key_fingerprint (city_key);

    fingerprint[14] = '\0';
    g_assert_true (l4a_trust_approve (office, fingerprint, &error));
    g_assert_no_error (error);
  }
  import_path (office, submission);

  /* the roster travels: the other workstation learns the city's key */
  g_free (registry);
  registry = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  import_path (other, registry);
  entry = l4a_trust_find (other, city_key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_APPROVED);
  g_assert_cmpint (entry->role, ==, L4A_ROLE_GOVERNMENT);
  g_assert_cmpstr (entry->actor_id, ==, submitter);
  g_clear_pointer (&entry, l4a_roster_entry_free);

  /* revoked: what it signs from now on is refused, and the revocation
   * travels too */
  g_usleep (1100 * 1000);
  g_assert_true (l4a_trust_revoke (office, city_key, &error));
  g_assert_no_error (error);
  g_usleep (1100 * 1000);
  g_free (submission);
  submission = g_build_filename (tmpdir, "life-submission-2.l4a.json", NULL);
  g_assert_true (l4a_bundle_export (city, "submission", NULL, submission, NULL, NULL, &error));
  g_assert_no_error (error);
  expect_refused (office, submission, "was revoked");
  g_free (registry);
  registry = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
  import_path (other, registry);
  entry = l4a_trust_find (other, city_key, &error);
  g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_REVOKED);
  g_clear_pointer (&entry, l4a_roster_entry_free);

  /* the secretariat's key rotated: its next registry, signed with the new
   * key, is taken where the old one was trusted */
  {
    g_autofree char *old_key = g_strdup (l4a_key_get_public (l4a_store_get_key (office, NULL)));
    g_autofree char *new_key = NULL;
    g_autofree char *forged = NULL;
    g_autoptr(L4aKey) old = l4a_test_own_key (office);

    g_assert_true (l4a_trust_rotate (office, &error));
    g_assert_no_error (error);
    new_key = g_strdup (l4a_key_get_public (l4a_store_get_key (office, NULL)));
    g_assert_cmpstr (old_key, !=, new_key);
    g_free (registry);
    registry = export_as (office, L4A_ROLE_SECRETARIAT, NULL, "registry", NULL);
    import_path (other, registry);
    entry = l4a_trust_find (other, new_key, &error);
    g_assert_no_error (error);
    g_assert_cmpint (entry->role, ==, L4A_ROLE_SECRETARIAT);
    g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_APPROVED);
    g_clear_pointer (&entry, l4a_roster_entry_free);
    entry = l4a_trust_find (other, old_key, &error);
    g_assert_cmpint (entry->status, ==, L4A_KEY_STATUS_REVOKED);
    g_clear_pointer (&entry, l4a_roster_entry_free);

    /* the old key, if stolen, no longer speaks for the secretariat */
    g_usleep (1100 * 1000);
    forged = resigned (registry, NULL, old, rename_first_hub, (gpointer) "Renamed by a thief");
    {
      g_autoptr(L4aBundle) bundle = l4a_bundle_open (forged, NULL, NULL);
      g_autoptr(JsonNode) root = l4a_bundle_dup_root (bundle, NULL);
      g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;
      g_autofree char *id = g_uuid_string_random ();

      json_object_set_string_member (json_node_get_object (root), "created_at", stamp);
      json_object_set_string_member (json_node_get_object (root), "bundle_id", id);
      text = l4a_test_sign_root (root, old);
      path = write_text (text, strlen (text));
      expect_refused (other, path, "was revoked");
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/trust/keys", test_keys);
  g_test_add_func ("/core/trust/every-byte", test_every_byte);
  g_test_add_func ("/core/trust/refusals", test_refusals);
  g_test_add_func ("/core/trust/sealing", test_sealing);
  g_test_add_func ("/core/trust/enrolment-to-rotation", test_enrolment_to_rotation);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-trust-XXXXXX");
}
