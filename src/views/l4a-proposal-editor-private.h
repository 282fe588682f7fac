/* l4a-proposal-editor-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-proposal-editor.h"

G_BEGIN_DECLS

L4aProposalEdit       *l4a_proposal_editor_get_edit     (L4aProposalEditor *self);
void                   l4a_proposal_editor_changed      (L4aProposalEditor *self);
GPtrArray             *l4a_proposal_editor_get_checks   (L4aProposalEditor *self);
gboolean               l4a_proposal_editor_is_editable  (L4aProposalEditor *self);
const char            *l4a_proposal_editor_get_problem  (L4aProposalEditor *self,
                                                         const char        *field);

G_END_DECLS
