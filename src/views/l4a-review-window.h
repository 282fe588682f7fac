/* l4a-review-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_REVIEW_WINDOW (l4a_review_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aReviewWindow, l4a_review_window, L4A, REVIEW_WINDOW, AdwWindow)

L4aReviewWindow *l4a_review_window_new          (L4aStore        *store,
                                                 const char      *proposal_id,
                                                 GError         **error);
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
guint            l4a_review_window_get_n_other_reviews (L4aReviewWindow *self);
gboolean         l4a_review_window_decide       (L4aReviewWindow *self,
                                                 const char      *outcome,
                                                 const char      *rationale,
                                                 const char      *internal_notes,
                                                 GError         **error);
gboolean         l4a_review_window_release      (L4aReviewWindow *self,
                                                 GError         **error);

G_END_DECLS
