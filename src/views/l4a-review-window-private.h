/* l4a-review-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-review-window.h"

G_BEGIN_DECLS

gboolean         l4a_review_window_set_score    (L4aReviewWindow *self,
                                                 guint            index,
                                                 int              score);
void             l4a_review_window_set_recommendation (L4aReviewWindow *self,
                                                       const char      *recommendation);
void             l4a_review_window_set_comments (L4aReviewWindow *self,
                                                 const char      *authors,
                                                 const char      *confidential);
gboolean         l4a_review_window_submit       (L4aReviewWindow *self,
                                                 GError         **error);
gboolean         l4a_review_window_decline      (L4aReviewWindow *self,
                                                 const char      *reason,
                                                 GError         **error);
guint            l4a_review_window_get_n_other_reviews (L4aReviewWindow *self);
gboolean         l4a_review_window_decide       (L4aReviewWindow *self,
                                                 const char      *outcome,
                                                 const char      *rationale,
                                                 const char      *internal_notes,
                                                 GError         **error);
gboolean         l4a_review_window_release      (L4aReviewWindow *self,
                                                 GError         **error);

G_END_DECLS
