/* l4a-hubs-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUBS_VIEW (l4a_hubs_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubsView, l4a_hubs_view, L4A, HUBS_VIEW, AdwBin)

void        l4a_hubs_view_set_store    (L4aHubsView *self,
                                        L4aStore    *store);
void        l4a_hubs_view_reload       (L4aHubsView *self);
GListModel *l4a_hubs_view_get_model    (L4aHubsView *self);
void        l4a_hubs_view_load_sample  (L4aHubsView *self);
gboolean    l4a_hubs_view_is_loading   (L4aHubsView *self);

G_END_DECLS
