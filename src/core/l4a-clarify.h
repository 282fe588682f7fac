/* l4a-clarify.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

/* A question to a proposal's government and its answer. */
typedef struct
{
  char     *id;
  char     *proposal_id;
  char     *question;
  char     *status;        /* suggested, sent, answered */
  char     *asked_by;      /* secretariat or board; a member's id only on a suggestion, for the secretariat */
  char     *sent_at;
  char     *answer;
  char     *answered_at;
  gboolean  mine;          /* suggested by the member this workstation acts as */
  char     *asker_name;    /* who suggested it, for the secretariat only */
} L4aClarification;

void        l4a_clarification_free     (L4aClarification *clarification);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aClarification, l4a_clarification_free)

GPtrArray  *l4a_clarification_list     (L4aStore    *store,
                                        const char  *proposal_id,
                                        GError     **error);
gboolean    l4a_clarification_ask      (L4aStore    *store,
                                        const char  *proposal_id,
                                        const char  *question,
                                        char       **id,
                                        GError     **error);
gboolean    l4a_clarification_send     (L4aStore    *store,
                                        const char  *id,
                                        const char  *question,
                                        GError     **error);
gboolean    l4a_clarification_dismiss  (L4aStore    *store,
                                        const char  *id,
                                        GError     **error);
gboolean    l4a_clarification_answer   (L4aStore    *store,
                                        const char  *id,
                                        const char  *answer,
                                        GError     **error);
guint       l4a_clarification_count_waiting (L4aStore *store);
gboolean    l4a_clarification_round_open (L4aStore    *store,
                                          const char  *proposal_id);

/* The lead reviewer's consolidated recommendation. */
typedef struct
{
  char *id;
  char *proposal_id;
  char *member_id;
  char *member_name;       /* for the secretariat; NULL for a government */
  int   proposal_version;
  char *digest;            /* JSON array: the reviews, numbered */
  char *recommendation;    /* grant, revise, decline, or NULL */
  char *body;
  char *submitted_at;
} L4aMetaReview;

void           l4a_meta_review_free     (L4aMetaReview *meta);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aMetaReview, l4a_meta_review_free)

L4aMetaReview *l4a_meta_review_get      (L4aStore    *store,
                                         const char  *proposal_id,
                                         GError     **error);
GPtrArray     *l4a_meta_review_candidates (L4aStore  *store,
                                           const char *proposal_id,
                                           GError   **error);
gboolean       l4a_meta_review_request  (L4aStore    *store,
                                         const char  *proposal_id,
                                         const char  *member_id,
                                         GError     **error);
gboolean       l4a_meta_review_save     (L4aStore    *store,
                                         const char  *proposal_id,
                                         const char  *recommendation,
                                         const char  *body,
                                         gboolean     submit,
                                         GError     **error);

gboolean    l4a_clarification_government_rule (L4aStore    *store,
                                               const char  *actor,
                                               JsonObject  *object,
                                               const char  *record,
                                               GError     **error);
int         l4a_clarification_member_rule     (L4aStore    *store,
                                               const char  *actor,
                                               JsonObject  *object,
                                               const char  *record,
                                               GError     **error);
gboolean    l4a_meta_review_member_rule       (L4aStore    *store,
                                               const char  *actor,
                                               JsonObject  *object,
                                               const char  *record,
                                               GError     **error);

G_END_DECLS
