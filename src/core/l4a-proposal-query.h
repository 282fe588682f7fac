/* l4a-proposal-query.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"
#include "l4a-lazy-list.h"
#include "l4a-registry.h"

G_BEGIN_DECLS

#define L4A_TYPE_PROPOSAL_QUERY (l4a_proposal_query_get_type ())

G_DECLARE_FINAL_TYPE (L4aProposalQuery, l4a_proposal_query, L4A, PROPOSAL_QUERY, L4aLazyList)

L4aProposalQuery *l4a_proposal_query_new       (L4aContext        *context);
gboolean          l4a_proposal_query_set_query (L4aProposalQuery  *self,
                                                const L4aQuery    *query,
                                                GError           **error);

G_END_DECLS
