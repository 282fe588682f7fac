/* l4a-indicators-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"
#include "l4a-hub-query.h"

G_BEGIN_DECLS

#define L4A_TYPE_INDICATORS_VIEW (l4a_indicators_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aIndicatorsView, l4a_indicators_view, L4A, INDICATORS_VIEW, GtkWidget)

void        l4a_indicators_view_set_store    (L4aIndicatorsView *self,
                                              L4aStore          *store,
                                              L4aHubQuery       *hubs);
void l4a_indicators_view_set_context (L4aIndicatorsView *self, L4aContext *context, L4aHubQuery *hubs);

G_END_DECLS
