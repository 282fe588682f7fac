/* l4a-assignment-item.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-review.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_ASSIGNMENT_ITEM (l4a_assignment_item_get_type ())

G_DECLARE_FINAL_TYPE (L4aAssignmentItem, l4a_assignment_item, L4A, ASSIGNMENT_ITEM, GObject)

const char     *l4a_assignment_item_get_proposal_id (L4aAssignmentItem *self);
const char     *l4a_assignment_item_get_title       (L4aAssignmentItem *self);
const char     *l4a_assignment_item_get_government  (L4aAssignmentItem *self);
const char     *l4a_assignment_item_get_call        (L4aAssignmentItem *self);
const char     *l4a_assignment_item_get_due_on      (L4aAssignmentItem *self);
L4aReviewState  l4a_assignment_item_get_state       (L4aAssignmentItem *self);

GPtrArray      *l4a_review_list_my_assignments      (L4aStore          *store,
                                                     GError           **error);

G_END_DECLS
