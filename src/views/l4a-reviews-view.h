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
const char *l4a_reviews_view_get_page     (L4aReviewsView *self);
guint       l4a_reviews_view_get_n_rows   (L4aReviewsView *self);
gboolean    l4a_reviews_view_select_call  (L4aReviewsView *self,
                                           const char     *title);
GtkWindow  *l4a_reviews_view_open         (L4aReviewsView *self,
                                           const char     *proposal_id);
guint       l4a_reviews_view_assign       (L4aReviewsView *self,
                                           guint           per_proposal,
                                           GError        **error);
GtkWindow  *l4a_reviews_view_open_audit   (L4aReviewsView *self);
GtkWindow  *l4a_reviews_view_open_matrix  (L4aReviewsView *self);
GtkWindow  *l4a_reviews_view_open_members (L4aReviewsView *self);
void l4a_reviews_view_set_context (L4aReviewsView *self, L4aContext *context);

G_END_DECLS
