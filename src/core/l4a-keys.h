/* l4a-keys.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define L4A_KEY_FORMAT           "local4action-key"
#define L4A_KEY_PUBLIC_LENGTH    44   /* base64 of the 32 bytes of an Ed25519 public key */
#define L4A_KEY_SIGNATURE_LENGTH 88   /* base64 of the 64 bytes of an Ed25519 signature */

#define L4A_KEY_ERROR (l4a_key_error_quark ())

typedef enum
{
  L4A_KEY_ERROR_FILE,      /* the key file cannot be read or written */
  L4A_KEY_ERROR_FORMAT,    /* not a key file of this format */
  L4A_KEY_ERROR_SEALED,    /* sealed for another key, or damaged */
} L4aKeyError;

typedef struct _L4aKey L4aKey;

GQuark      l4a_key_error_quark        (void);
gboolean    l4a_keys_init              (void);
L4aKey     *l4a_key_generate           (void);
L4aKey     *l4a_key_new_from_seed      (const guint8  seed[32]);
L4aKey     *l4a_key_new_sample         (const char   *identity);
L4aKey     *l4a_key_load               (const char   *path,
                                        GError      **error);
gboolean    l4a_key_save               (L4aKey       *key,
                                        const char   *path,
                                        GError      **error);
L4aKey     *l4a_key_ref                (L4aKey       *key);
void        l4a_key_unref              (L4aKey       *key);
const char *l4a_key_get_public         (L4aKey       *key);
char       *l4a_key_sign               (L4aKey       *key,
                                        const void   *data,
                                        gsize         length);
GBytes     *l4a_key_unseal             (L4aKey       *key,
                                        const void   *data,
                                        gsize         length,
                                        GError      **error);

gboolean    l4a_key_is_public          (const char   *text);
char       *l4a_key_fingerprint        (const char   *public_key);
char       *l4a_key_short_fingerprint  (const char   *public_key);
gboolean    l4a_key_verify             (const char   *public_key,
                                        const void   *data,
                                        gsize         length,
                                        const char   *signature);
GBytes     *l4a_key_seal               (const char   *public_key,
                                        const void   *data,
                                        gsize         length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aKey, l4a_key_unref)

G_END_DECLS
