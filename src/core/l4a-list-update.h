/* l4a-list-update.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean l4a_objects_equal     (GObject    *a,
                                GObject    *b);
void     l4a_list_store_update (GListStore *store,
                                GPtrArray  *items);

G_END_DECLS
