/* l4a-proposals-view-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-proposals-view.h"

G_BEGIN_DECLS

void        l4a_proposals_view_set_store   (L4aProposalsView *self,
                                            L4aStore         *store);
GListModel *l4a_proposals_view_get_model   (L4aProposalsView *self);
GtkWindow  *l4a_proposals_view_open        (L4aProposalsView *self,
                                            const char       *id);
GtkWindow  *l4a_proposals_view_new_proposal (L4aProposalsView *self,
                                            GError          **error);

G_END_DECLS
