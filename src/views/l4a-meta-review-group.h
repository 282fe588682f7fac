/* l4a-meta-review-group.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_META_REVIEW_GROUP (l4a_meta_review_group_get_type ())

G_DECLARE_FINAL_TYPE (L4aMetaReviewGroup, l4a_meta_review_group, L4A, META_REVIEW_GROUP, AdwPreferencesGroup)

GtkWidget *l4a_meta_review_group_new     (L4aStore           *store,
                                          const char         *proposal_id);
gboolean   l4a_meta_review_group_request (L4aMetaReviewGroup *self,
                                          guint               candidate,
                                          GError            **error);
gboolean   l4a_meta_review_group_write   (L4aMetaReviewGroup *self,
                                          const char         *recommendation,
                                          const char         *body,
                                          gboolean            submit,
                                          GError            **error);

G_END_DECLS
