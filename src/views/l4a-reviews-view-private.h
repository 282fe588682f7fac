/* l4a-reviews-view-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-reviews-view.h"

G_BEGIN_DECLS

const char *l4a_reviews_view_get_page     (L4aReviewsView *self);
guint       l4a_reviews_view_get_n_rows   (L4aReviewsView *self);
gboolean    l4a_reviews_view_select_call  (L4aReviewsView *self,
                                           const char     *title);
GtkWindow  *l4a_reviews_view_open         (L4aReviewsView *self,
                                           const char     *proposal_id);
GtkWindow  *l4a_reviews_view_open_audit   (L4aReviewsView *self);
GtkWindow  *l4a_reviews_view_open_matrix  (L4aReviewsView *self);
GtkWindow  *l4a_reviews_view_open_members (L4aReviewsView *self);

gboolean    l4a_reviews_view_write_packet   (L4aReviewsView  *self,
                                             const char      *path,
                                             GError         **error);

void        l4a_reviews_view_send_reminders (L4aReviewsView *self);

G_END_DECLS
