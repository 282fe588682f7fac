/* l4a-keys-group.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_KEYS_GROUP (l4a_keys_group_get_type ())

G_DECLARE_FINAL_TYPE (L4aKeysGroup, l4a_keys_group, L4A, KEYS_GROUP, AdwBin)

GtkWidget *l4a_keys_group_new        (L4aRole       role);
void       l4a_keys_group_set_store  (L4aKeysGroup *self,
                                      L4aStore     *store);
void       l4a_keys_group_refresh    (L4aKeysGroup *self);
guint      l4a_keys_group_get_n_waiting (L4aKeysGroup *self);
gboolean   l4a_keys_group_approve    (L4aKeysGroup *self,
                                      const char   *public_key,
                                      GError      **error);
char      *l4a_keys_describe         (L4aStore     *store,
                                      L4aRole       role,
                                      const char   *actor_id);

G_END_DECLS
