/* l4a-proposals-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_PROPOSALS_VIEW (l4a_proposals_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aProposalsView, l4a_proposals_view, L4A, PROPOSALS_VIEW, AdwBin)

void        l4a_proposals_view_reload      (L4aProposalsView *self);
void l4a_proposals_view_set_context (L4aProposalsView *self, L4aContext *context);

G_END_DECLS
