/* l4a-review-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of the Advisory Board's review (assignment, reviews,
 * aggregation, discussion, decisions, audit); not for the rest of the core.
 */

#pragma once

#include "l4a-review.h"
#include "l4a-store-private.h"

G_BEGIN_DECLS

void                 l4a_audit_entry_free (gpointer entry);
L4aAuditEntry *      l4a_audit_entry_from_row (sqlite3_stmt *stmt);

#define DEFAULT_SCALE 5.0

#define REVIEW_COLUMNS \
  "r.id, r.proposal_id, r.member_id, m.name, r.proposal_version, r.recommendation, " \
  "r.comments_authors, r.comments_confidential, r.submitted_at, r.confidence "

typedef struct
{
  char *title;
  char *state;
  char *call_id;
  char *government_id;
  int   version;
} ProposalFacts;

void                 l4a_proposal_facts_clear (ProposalFacts *facts);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProposalFacts, l4a_proposal_facts_clear)

gboolean             l4a_review_set_proposal_state (L4aStore *store, const char *proposal_id, const char *state, const char *from, const char *now, const char *title, GError **error);
void                 l4a_review_set_text (char **field, const char *value);
const char *         l4a_review_require_member (L4aStore *store, GError **error);
gboolean             l4a_review_read_proposal (L4aStore *store, const char *id, ProposalFacts *facts, GError **error);
gboolean             l4a_review_query_exists (L4aStore *store, const char *sql, const char *a, const char *b, int c, gboolean *exists, GError **error);
gboolean             l4a_review_is_conflicted (L4aStore *store, const char *member_id, const char *proposal_id, gboolean *conflicted, GError **error);
char *               l4a_review_member_name (L4aStore *store, const char *member_id);
gboolean             l4a_review_check_can_see (L4aStore *store, ProposalFacts *facts, const char *proposal_id, GError **error);
gboolean             l4a_review_load_scores (L4aStore *store, L4aReview *review, const char *call_id, GError **error);
L4aReview *          l4a_review_from_row (sqlite3_stmt *stmt);

G_END_DECLS
