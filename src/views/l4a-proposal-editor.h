/* l4a-proposal-editor.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-proposal-edit.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_PROPOSAL_EDITOR (l4a_proposal_editor_get_type ())

G_DECLARE_FINAL_TYPE (L4aProposalEditor, l4a_proposal_editor, L4A, PROPOSAL_EDITOR, AdwWindow)

L4aProposalEditor     *l4a_proposal_editor_new          (L4aStore          *store,
                                                         const char        *proposal_id,
                                                         const char        *call_id,
                                                         GError           **error);
gboolean               l4a_proposal_editor_save_now     (L4aProposalEditor *self,
                                                         GError           **error);

G_END_DECLS
