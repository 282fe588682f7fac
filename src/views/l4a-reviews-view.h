/* l4a-reviews-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_REVIEWS_VIEW (l4a_reviews_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aReviewsView, l4a_reviews_view, L4A, REVIEWS_VIEW, AdwBin)

void        l4a_reviews_view_set_store    (L4aReviewsView *self,
                                           L4aStore       *store);
void        l4a_reviews_view_reload       (L4aReviewsView *self);
guint       l4a_reviews_view_assign       (L4aReviewsView *self,
                                           guint           per_proposal,
                                           GError        **error);
void l4a_reviews_view_set_context (L4aReviewsView *self, L4aContext *context);

G_END_DECLS
