/* l4a-hub-list.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"
#include "l4a-hub.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUB_LIST (l4a_hub_list_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubList, l4a_hub_list, L4A, HUB_LIST, GObject)

L4aHubList *l4a_hub_list_new         (L4aContext *context);
gboolean    l4a_hub_list_get_loading (L4aHubList *self);
void        l4a_hub_list_reload      (L4aHubList *self);
gboolean    l4a_hub_list_find        (L4aHubList *self,
                                      const char *id,
                                      guint      *position);

G_END_DECLS
