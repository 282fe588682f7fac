/* l4a-keys.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workstation's Ed25519 key pair (libsodium): signing and checking
 * bundles, and sealing a bundle for one reader with the X25519 key derived
 * from the reader's signing key (libsodium's sealed boxes). The key file is
 * a small JSON document (docs/bundle-format.md, "Keys"):
 *
 *   {"format":"local4action-key","format_version":1,"algorithm":"ed25519",
 *    "public_key":"<base64, 32 bytes>","seed":"<base64, 32 bytes>"}
 *
 * written with permissions 0600 in a folder of 0700.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "l4a-keys.h"
#include "l4a-types.h"

struct _L4aKey
{
  gatomicrefcount ref_count;
  guint8          seed[crypto_sign_SEEDBYTES];
  guint8          public_key[crypto_sign_PUBLICKEYBYTES];
  guint8          secret_key[crypto_sign_SECRETKEYBYTES];
  char           *public_text;
};

G_DEFINE_QUARK (l4a-key-error-quark, l4a_key_error)

/**
 * l4a_keys_init:
 *
 * Starts libsodium; safe to call any number of times, from any thread.
 */
gboolean
l4a_keys_init (void)
{
  return sodium_init () >= 0;
}

static L4aKey *
key_new (void)
{
  L4aKey *key;

  if (!l4a_keys_init ())
    g_error ("libsodium cannot start");
  key = sodium_malloc (sizeof (L4aKey));
  if (key == NULL)
    g_error ("no memory for a key");
  memset (key, 0, sizeof *key);
  g_atomic_ref_count_init (&key->ref_count);
  return key;
}

static L4aKey *
key_finish (L4aKey *key)
{
  crypto_sign_seed_keypair (key->public_key, key->secret_key, key->seed);
  key->public_text = g_base64_encode (key->public_key, sizeof key->public_key);
  return key;
}

/**
 * l4a_key_new_from_seed:
 *
 * Returns: (transfer full): the key pair made from @seed
 */
L4aKey *
l4a_key_new_from_seed (const guint8 seed[32])
{
  L4aKey *key = key_new ();

  memcpy (key->seed, seed, sizeof key->seed);
  return key_finish (key);
}

/**
 * l4a_key_generate:
 *
 * Returns: (transfer full): a new random key pair
 */
L4aKey *
l4a_key_generate (void)
{
  L4aKey *key = key_new ();

  randombytes_buf (key->seed, sizeof key->seed);
  return key_finish (key);
}

/**
 * l4a_key_new_sample:
 * @identity: the id of a sample member or government
 *
 * The key of a person of the sample data. It is public on purpose, so that
 * the sample journeys work on any machine: its seed is the SHA-256 of
 * "local4action-sample-key:" followed by @identity. A database trusts it
 * only as long as it holds the sample data.
 *
 * Returns: (transfer full): the sample key of @identity
 */
L4aKey *
l4a_key_new_sample (const char *identity)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 seed[32];
  gsize length = sizeof seed;
  L4aKey *key;

  g_checksum_update (checksum, (const guchar *) "local4action-sample-key:", -1);
  g_checksum_update (checksum, (const guchar *) identity, -1);
  g_checksum_get_digest (checksum, seed, &length);
  key = l4a_key_new_from_seed (seed);
  sodium_memzero (seed, sizeof seed);
  return key;
}

L4aKey *
l4a_key_ref (L4aKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_atomic_ref_count_inc (&key->ref_count);
  return key;
}

void
l4a_key_unref (L4aKey *key)
{
  g_return_if_fail (key != NULL);
  if (g_atomic_ref_count_dec (&key->ref_count))
    {
      g_free (key->public_text);
      sodium_free (key);
    }
}

const char *
l4a_key_get_public (L4aKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);
  return key->public_text;
}

static gboolean
decode_exact (const char *text,
              guint8     *out,
              gsize       expected)
{
  g_autofree guchar *bytes = NULL;
  gsize length = 0;

  if (text == NULL || strlen (text) != 4 * ((expected + 2) / 3))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;
  bytes = g_base64_decode (text, &length);
  if (length != expected)
    return FALSE;
  memcpy (out, bytes, expected);
  sodium_memzero (bytes, length);
  return TRUE;
}

/**
 * l4a_key_is_public:
 *
 * Returns: whether @text is an Ed25519 public key in base64, written as
 *   this application writes it
 */
gboolean
l4a_key_is_public (const char *text)
{
  guint8 bytes[crypto_sign_PUBLICKEYBYTES];
  g_autofree char *again = NULL;

  if (!decode_exact (text, bytes, sizeof bytes))
    return FALSE;
  /* one spelling only: the padding bits must be zero */
  again = g_base64_encode (bytes, sizeof bytes);
  return g_str_equal (again, text);
}

/**
 * l4a_key_load:
 *
 * Reads a key file.
 *
 * Returns: (transfer full): the key, or %NULL with @error set
 */
L4aKey *
l4a_key_load (const char  *path,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;     /* this function's own copy, wiped once read */
  gsize length = 0;
  JsonObject *object;
  JsonNode *root;
  guint8 seed[crypto_sign_SEEDBYTES];
  L4aKey *key;

  /* a key file is a few hundred bytes: a larger one is no key */
  bytes = l4a_read_file (path, 4096, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error (error, L4A_KEY_ERROR, L4A_KEY_ERROR_FILE, _("The key file cannot be read: %s"),
                   local_error->message);
      return NULL;
    }
  text = bytes != NULL ? (char *) g_bytes_get_data (bytes, &length) : NULL;
  if (text == NULL || !json_parser_load_from_data (parser, text, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto bad;
  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), L4A_KEY_FORMAT) != 0 ||
      json_object_get_int_member_with_default (object, "format_version", 0) != 1 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "algorithm", ""), "ed25519") != 0 ||
      !decode_exact (json_object_get_string_member_with_default (object, "seed", NULL), seed, sizeof seed))
    goto bad;
  key = l4a_key_new_from_seed (seed);
  sodium_memzero (seed, sizeof seed);
  sodium_memzero (text, length);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "public_key", ""), key->public_text) != 0)
    {
      l4a_key_unref (key);
      goto bad;
    }
  return key;

bad:
  if (text != NULL)
    sodium_memzero (text, length);
  g_set_error (error, L4A_KEY_ERROR, L4A_KEY_ERROR_FORMAT,
               _("“%s” is not a Local4Action key file, or it is damaged."), path);
  return NULL;
}

/**
 * l4a_key_save:
 *
 * Writes @key to @path, readable by its owner only, creating the folder
 * (readable by its owner only) if needed.
 */
gboolean
l4a_key_save (L4aKey      *key,
              const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *seed = g_base64_encode (key->seed, sizeof key->seed);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, L4A_KEY_ERROR, L4A_KEY_ERROR_FILE, _("The folder “%s” cannot be made: %s"), folder,
                   g_strerror (saved));
      return FALSE;
    }
  text = g_strdup_printf ("{\"format\":\"%s\",\"format_version\":1,\"algorithm\":\"ed25519\","
                          "\"public_key\":\"%s\",\"seed\":\"%s\"}\n", L4A_KEY_FORMAT, key->public_text, seed);
  ok = g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error);
  sodium_memzero (seed, strlen (seed));
  sodium_memzero (text, strlen (text));
  if (!ok)
    g_set_error (error, L4A_KEY_ERROR, L4A_KEY_ERROR_FILE, _("The key cannot be saved: %s"), local_error->message);
  return ok;
}

/**
 * l4a_key_fingerprint:
 *
 * A key's fingerprint as a person reads it aloud: the first 16 bytes of
 * the SHA-256 of the 32 bytes of the public key, in eight groups of four
 * upper-case hexadecimal digits ("4F2A 91C3 …").
 *
 * Returns: (transfer full): the fingerprint, or %NULL if @public_key is not
 *   a public key
 */
char *
l4a_key_fingerprint (const char *public_key)
{
  guint8 bytes[crypto_sign_PUBLICKEYBYTES];
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autoptr(GChecksum) checksum = NULL;
  GString *out;

  if (!decode_exact (public_key, bytes, sizeof bytes))
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, bytes, sizeof bytes);
  g_checksum_get_digest (checksum, digest, &length);
  out = g_string_new (NULL);
  for (guint i = 0; i < 16; i += 2)
    g_string_append_printf (out, "%s%02X%02X", i ? " " : "", digest[i], digest[i + 1]);
  return g_string_free (out, FALSE);
}

/**
 * l4a_key_short_fingerprint:
 *
 * Returns: (transfer full): the first two groups of the fingerprint
 */
char *
l4a_key_short_fingerprint (const char *public_key)
{
  char *fingerprint = l4a_key_fingerprint (public_key);

  if (fingerprint != NULL)
    fingerprint[9] = '\0';
  return fingerprint;
}

/**
 * l4a_key_sign:
 *
 * Returns: (transfer full): the detached Ed25519 signature of the bytes, in
 *   base64
 */
char *
l4a_key_sign (L4aKey     *key,
              const void *data,
              gsize       length)
{
  guint8 signature[crypto_sign_BYTES];

  crypto_sign_detached (signature, NULL, data, length, key->secret_key);
  return g_base64_encode (signature, sizeof signature);
}

/**
 * l4a_key_verify:
 *
 * Returns: whether @signature (base64) is @public_key's signature of the bytes
 */
gboolean
l4a_key_verify (const char *public_key,
                const void *data,
                gsize       length,
                const char *signature)
{
  guint8 key[crypto_sign_PUBLICKEYBYTES];
  guint8 bytes[crypto_sign_BYTES];

  g_autofree char *again = NULL;

  if (!l4a_keys_init () || !l4a_key_is_public (public_key) || !decode_exact (public_key, key, sizeof key) ||
      !decode_exact (signature, bytes, sizeof bytes))
    return FALSE;
  /* one spelling only: base64 that differs in its unused bits is refused */
  again = g_base64_encode (bytes, sizeof bytes);
  if (!g_str_equal (again, signature))
    return FALSE;
  return crypto_sign_verify_detached (bytes, data, length, key) == 0;
}

/**
 * l4a_key_seal:
 *
 * Seals the bytes for the holder of @public_key: a libsodium sealed box to
 * the X25519 key derived from the Ed25519 key.
 *
 * Returns: (transfer full) (nullable): the sealed bytes, or %NULL if
 *   @public_key is not a key that can receive
 */
GBytes *
l4a_key_seal (const char *public_key,
              const void *data,
              gsize       length)
{
  guint8 key[crypto_sign_PUBLICKEYBYTES];
  guint8 box_key[crypto_box_PUBLICKEYBYTES];
  guint8 *out;

  if (!l4a_keys_init () || !decode_exact (public_key, key, sizeof key) ||
      crypto_sign_ed25519_pk_to_curve25519 (box_key, key) != 0 || length > G_MAXSIZE - crypto_box_SEALBYTES)
    return NULL;
  out = g_try_malloc (length + crypto_box_SEALBYTES);
  if (out == NULL)
    return NULL;
  crypto_box_seal (out, data, length, box_key);
  return g_bytes_new_take (out, length + crypto_box_SEALBYTES);
}

/**
 * l4a_key_unseal:
 *
 * Opens bytes sealed for @key.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set if they
 *   were sealed for another key or damaged
 */
GBytes *
l4a_key_unseal (L4aKey      *key,
                const void  *data,
                gsize        length,
                GError     **error)
{
  guint8 box_public[crypto_box_PUBLICKEYBYTES];
  guint8 box_secret[crypto_box_SECRETKEYBYTES];
  guint8 *out;
  gboolean ok;

  if (length < crypto_box_SEALBYTES ||
      crypto_sign_ed25519_pk_to_curve25519 (box_public, key->public_key) != 0 ||
      crypto_sign_ed25519_sk_to_curve25519 (box_secret, key->secret_key) != 0)
    goto refused;
  out = g_try_malloc (MAX (length - crypto_box_SEALBYTES, 1));
  if (out == NULL)
    goto refused;
  ok = crypto_box_seal_open (out, data, length, box_public, box_secret) == 0;
  sodium_memzero (box_secret, sizeof box_secret);
  if (ok)
    return g_bytes_new_take (out, length - crypto_box_SEALBYTES);
  g_free (out);

refused:
  sodium_memzero (box_secret, sizeof box_secret);
  g_set_error_literal (error, L4A_KEY_ERROR, L4A_KEY_ERROR_SEALED,
                       _("The bundle is sealed, and this workstation’s key does not open it: it was damaged."));
  return NULL;
}
