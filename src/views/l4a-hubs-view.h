/* l4a-hubs-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-hub-filter.h"
#include "l4a-hub-query.h"
#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUBS_VIEW (l4a_hubs_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubsView, l4a_hubs_view, L4A, HUBS_VIEW, AdwBin)

void                l4a_hubs_view_set_context    (L4aHubsView        *self,
                                                  L4aContext         *context,
                                                  GSettings          *settings);
L4aHubQuery        *l4a_hubs_view_get_visible    (L4aHubsView        *self);
gboolean            l4a_hubs_view_write_csv      (L4aHubsView        *self,
                                                  GFile              *file,
                                                  GError            **error);
void                l4a_hubs_view_role_changed   (L4aHubsView        *self);

G_END_DECLS
