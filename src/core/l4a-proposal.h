/* l4a-proposal.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define L4A_TYPE_PROPOSAL (l4a_proposal_get_type ())

G_DECLARE_FINAL_TYPE (L4aProposal, l4a_proposal, L4A, PROPOSAL, GObject)

const char *l4a_proposal_get_id         (L4aProposal *self);
const char *l4a_proposal_get_title      (L4aProposal *self);
const char *l4a_proposal_get_summary    (L4aProposal *self);
const char *l4a_proposal_get_government (L4aProposal *self);
const char *l4a_proposal_get_country    (L4aProposal *self);
const char *l4a_proposal_get_region     (L4aProposal *self);
const char *l4a_proposal_get_call       (L4aProposal *self);
const char *l4a_proposal_get_state      (L4aProposal *self);
const char *l4a_proposal_get_submitted  (L4aProposal *self);
guint       l4a_proposal_get_version    (L4aProposal *self);
guint       l4a_proposal_get_sdgs       (L4aProposal *self);
guint       l4a_proposal_get_num        (L4aProposal *self);
gboolean    l4a_proposal_get_sample     (L4aProposal *self);
gboolean    l4a_proposal_get_unsent     (L4aProposal *self);

G_END_DECLS
