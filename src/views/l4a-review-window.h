/* l4a-review-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_REVIEW_WINDOW (l4a_review_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aReviewWindow, l4a_review_window, L4A, REVIEW_WINDOW, AdwWindow)

L4aReviewWindow *l4a_review_window_new          (L4aStore        *store,
                                                 const char      *proposal_id,
                                                 GError         **error);
void             l4a_review_window_set_context  (L4aReviewWindow *self,
                                                 L4aContext      *context);

G_END_DECLS
