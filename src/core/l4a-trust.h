/* l4a-trust.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-bundle.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TRUST_ERROR (l4a_trust_error_quark ())

typedef enum
{
  L4A_TRUST_ERROR_UNSIGNED,     /* the bundle carries no signature */
  L4A_TRUST_ERROR_UNKNOWN,      /* signed by a key the roster does not hold, or holds as pending */
  L4A_TRUST_ERROR_UNCONFIRMED,  /* a secretariat key seen for the first time: the user must confirm it */
  L4A_TRUST_ERROR_MISMATCH,     /* the key stands for someone other than the bundle says */
  L4A_TRUST_ERROR_REVOKED,      /* the key was revoked before the bundle was written */
  L4A_TRUST_ERROR_NO_KEY,       /* no key to seal a bundle for its reader */
  L4A_TRUST_ERROR_ROSTER,       /* the roster a bundle carries is not valid */
  L4A_TRUST_ERROR_NOT_FOUND,    /* no such key */
} L4aTrustError;

typedef enum
{
  L4A_KEY_STATUS_PENDING,
  L4A_KEY_STATUS_APPROVED,
  L4A_KEY_STATUS_REVOKED,
} L4aKeyStatus;

typedef struct
{
  char         *public_key;
  char         *fingerprint;
  L4aRole       role;
  char         *actor_id;      /* the member or government; NULL for the secretariat */
  char         *name;
  L4aKeyStatus  status;
  char         *requested_at;
  char         *approved_at;
  char         *revoked_at;
  char         *replaces;      /* the secretariat key this one took over from */
  gboolean      own;           /* this workstation's key */
} L4aRosterEntry;

GQuark          l4a_trust_error_quark          (void);
const char     *l4a_key_status_to_string       (L4aKeyStatus   status);
const char     *l4a_key_status_get_label       (L4aKeyStatus   status);
void            l4a_roster_entry_free          (L4aRosterEntry *entry);

gboolean        l4a_trust_identify             (L4aStore      *store,
                                                L4aBundle     *bundle,
                                                GError       **error);
char           *l4a_trust_describe_signer      (L4aStore      *store,
                                                L4aBundle     *bundle);
gboolean        l4a_trust_check_roster         (L4aBundle     *bundle,
                                                GError       **error);
gboolean        l4a_trust_merge_roster         (L4aStore      *store,
                                                L4aBundle     *bundle,
                                                GError       **error);
JsonNode       *l4a_trust_roster_node          (L4aStore      *store,
                                                GError       **error);
gboolean        l4a_trust_prepare_export       (L4aStore      *store,
                                                GError       **error);
gboolean        l4a_trust_recipient_key        (L4aStore      *store,
                                                const char    *kind,
                                                const char    *for_id,
                                                char         **public_key,
                                                GError       **error);

gboolean        l4a_trust_confirm_secretariat  (L4aStore      *store,
                                                const char    *public_key,
                                                GError       **error);
gboolean        l4a_trust_check_enrolment      (L4aStore      *store,
                                                L4aBundle     *bundle,
                                                L4aRosterEntry **entry,
                                                GError       **error);
gboolean        l4a_trust_add_enrolment        (L4aStore      *store,
                                                L4aBundle     *bundle,
                                                GError       **error);
JsonNode       *l4a_trust_enrolment_node       (L4aStore      *store,
                                                GError       **error);
gboolean        l4a_trust_approve              (L4aStore      *store,
                                                const char    *key,
                                                GError       **error);
gboolean        l4a_trust_revoke               (L4aStore      *store,
                                                const char    *key,
                                                GError       **error);
gboolean        l4a_trust_rotate               (L4aStore      *store,
                                                GError       **error);
gboolean        l4a_trust_add_sample           (L4aStore      *store,
                                                GError       **error);
GPtrArray      *l4a_trust_list                 (L4aStore      *store,
                                                GError       **error);
L4aRosterEntry *l4a_trust_find                 (L4aStore      *store,
                                                const char    *key,
                                                GError       **error);
L4aRosterEntry *l4a_trust_find_for             (L4aStore      *store,
                                                L4aRole        role,
                                                const char    *actor_id);
L4aRosterEntry *l4a_trust_find_any_for         (L4aStore      *store,
                                                L4aRole        role,
                                                const char    *actor_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aRosterEntry, l4a_roster_entry_free)

G_END_DECLS
