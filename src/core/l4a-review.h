/* l4a-review.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-store.h"

G_BEGIN_DECLS

/* Assignment as a pure problem, so that it can be tested on random
 * instances without a database. Matrices are row-major, proposals by
 * members. */
typedef struct
{
  guint           n_proposals;
  guint           n_members;
  guint           per_proposal;     /* reviewers wanted per proposal */
  guint           max_load;         /* most proposals per member */
  const gboolean *conflict;         /* may never be assigned */
  const gboolean *assigned;         /* assigned already */
  const guint    *proposal_region;  /* any numbering; equal means same region */
  const guint    *member_region;
  const guint    *match;            /* (nullable) expertise shared by each pair, at most L4A_ASSIGN_MATCH_MAX */
} L4aAssignProblem;

#define L4A_ASSIGN_MATCH_MAX 32

guint       l4a_assign_solve         (const L4aAssignProblem  *problem,
                                      gboolean                *chosen);

typedef struct
{
  char *proposal_id;
  char *proposal_title;
  char *member_id;
  char *member_name;
} L4aAssignPair;

gboolean    l4a_review_assign_call   (L4aStore                *store,
                                      const char              *call_id,
                                      guint                    per_proposal,
                                      guint                    max_load,
                                      gboolean                 dry_run,
                                      GPtrArray              **added,
                                      GError                 **error);
gboolean    l4a_review_assign        (L4aStore                *store,
                                      const char              *proposal_id,
                                      const char              *member_id,
                                      GError                 **error);
gboolean    l4a_review_unassign      (L4aStore                *store,
                                      const char              *proposal_id,
                                      const char              *member_id,
                                      GError                 **error);

typedef enum
{
  L4A_CELL_FREE,
  L4A_CELL_CONFLICT,
  L4A_CELL_ASSIGNED,
  L4A_CELL_DRAFT,
  L4A_CELL_SUBMITTED,
  L4A_CELL_DECLINED,    /* the member declined it; the slot is free */
  L4A_CELL_UNREADABLE,  /* written in a language the member does not read */
} L4aCell;

typedef struct
{
  GPtrArray *proposal_ids;     /* char* */
  GPtrArray *proposal_titles;  /* char* */
  GPtrArray *member_ids;       /* char* */
  GPtrArray *member_names;     /* char* */
  L4aCell   *cells;            /* proposals by members */
  guint     *match;            /* proposals by members: expertise they share */
  guint     *loads;            /* per member */
  GHashTable *reasons;         /* see l4a_assign_matrix_get_reason() */
} L4aAssignMatrix;

const char      *l4a_assign_matrix_get_reason (const L4aAssignMatrix *matrix,
                                               guint                  p,
                                               guint                  m);

L4aAssignMatrix *l4a_review_matrix      (L4aStore         *store,
                                         const char       *call_id,
                                         GError          **error);
void             l4a_assign_matrix_free (L4aAssignMatrix  *matrix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aAssignMatrix, l4a_assign_matrix_free)

typedef struct
{
  char    *criterion_id;
  char    *label;
  char    *guidance;
  double   weight;
  int      scale_min;
  int      scale_max;
  gboolean required;
  gboolean has_score;
  double   score;
  GStrv    levels;    /* what each level means, from scale_min ("" where the call says nothing) */
} L4aScore;

#define L4A_TYPE_REVIEW (l4a_review_get_type ())

G_DECLARE_FINAL_TYPE (L4aReview, l4a_review, L4A, REVIEW, GObject)

/* A member's review as the review window binds it: the texts a member
 * writes are properties ("recommendation", "confidence",
 * "comments-authors", "comments-confidential"), each notified when it
 * changes; the rest is open to the core, which loads and saves it. */
struct _L4aReview
{
  GObject    parent_instance;

  char      *id;                 /* NULL until first saved */
  char      *proposal_id;
  char      *member_id;
  char      *reviewer;           /* a name, or "Reviewer 2" when anonymous */
  int        proposal_version;
  char      *recommendation;     /* grant, revise, decline, or NULL */
  char      *comments_authors;
  char      *comments_confidential;
  char      *submitted_at;       /* NULL while a draft */
  char      *confidence;         /* expert, knowledgeable, outsider, or NULL when not stated */
  GPtrArray *scores;             /* L4aScore* */
};

L4aReview  *l4a_review_new           (void);
double      l4a_review_confidence_weight (const char          *confidence);
gboolean    l4a_review_decline       (L4aStore                *store,
                                      const char              *proposal_id,
                                      const char              *reason,
                                      GError                 **error);

void        l4a_review_free          (L4aReview               *review);

gboolean    l4a_review_weighted_score (const L4aReview        *review,
                                       double                 *score);

L4aReview  *l4a_review_open          (L4aStore                *store,
                                      const char              *proposal_id,
                                      GError                 **error);
gboolean    l4a_review_save          (L4aStore                *store,
                                      L4aReview               *review,
                                      GError                 **error);
gboolean    l4a_review_submit        (L4aStore                *store,
                                      L4aReview               *review,
                                      GError                 **error);
GPtrArray  *l4a_review_list          (L4aStore                *store,
                                      const char              *proposal_id,
                                      GError                 **error);
gboolean    l4a_review_can_see_proposal (L4aStore             *store,
                                         const char           *proposal_id,
                                         GError              **error);

typedef struct
{
  char    *proposal_id;
  char    *title;
  char    *government;
  char    *state;
  guint    n_assigned;
  guint    n_submitted;
  gboolean has_scores;
  double   mean;
  double   median;
  double   spread;
  gboolean disagreement;
  guint    rank;             /* by mean, 1 first; 0 without scores */
  gboolean calibrated;       /* at least one of its reviewers has enough reviews to calibrate */
  double   calibrated_mean;  /* the mean of the calibrated scores (raw where a reviewer is not calibrated) */
  guint    calibrated_rank;  /* by calibrated mean; 0 without scores */
} L4aProposalScore;

void        l4a_calibrate            (const guint             *reviewer,
                                      const double            *values,
                                      guint                    n,
                                      guint                    minimum,
                                      double                   lowest,
                                      double                   highest,
                                      double                  *calibrated,
                                      gboolean                *is_calibrated);
double      l4a_weighted_mean        (const double            *values,
                                      const double            *weights,
                                      guint                    n);

void        l4a_proposal_score_free  (L4aProposalScore        *score);

typedef struct
{
  guint assigned;
  guint submitted;
  guint overdue;
} L4aReviewProgress;

GPtrArray  *l4a_review_scores        (L4aStore                *store,
                                      const char              *call_id,
                                      L4aReviewProgress       *progress,
                                      GError                 **error);
void        l4a_aggregate            (const double            *values,
                                      guint                    n,
                                      double                  *mean,
                                      double                  *median,
                                      double                  *spread);

typedef struct
{
  char *id;
  char *author;
  char *body;
  char *created_at;
} L4aNote;

GPtrArray  *l4a_discussion_list      (L4aStore                *store,
                                      const char              *proposal_id,
                                      GError                 **error);
gboolean    l4a_discussion_add       (L4aStore                *store,
                                      const char              *proposal_id,
                                      const char              *body,
                                      GError                 **error);

#define L4A_TYPE_DECISION (l4a_decision_get_type ())

G_DECLARE_FINAL_TYPE (L4aDecision, l4a_decision, L4A, DECISION, GObject)

/* The secretariat's decision on a proposal: an object whose texts
 * ("outcome", "rationale", "internal-notes", and the dates and hub it
 * reads) are properties notified when they change, which the review
 * window's decision form is bound to. */
struct _L4aDecision
{
  GObject parent_instance;

  char *proposal_id;
  int   proposal_version;
  char *outcome;          /* label-granted, revise-resubmit, declined */
  char *rationale;
  char *internal_notes;   /* empty outside the secretariat */
  char *decided_at;
  char *released_at;      /* NULL until released */
  char *hub_id;           /* the hub made from it, once released */
};

L4aDecision *l4a_decision_new        (const char              *proposal_id);

void         l4a_decision_free       (L4aDecision             *decision);

L4aDecision *l4a_decision_get        (L4aStore                *store,
                                      const char              *proposal_id,
                                      GError                 **error);
gboolean     l4a_decision_save       (L4aStore                *store,
                                      const char              *proposal_id,
                                      const char              *outcome,
                                      const char              *rationale,
                                      const char              *internal_notes,
                                      GError                 **error);
gboolean     l4a_decision_release    (L4aStore                *store,
                                      const char              *proposal_id,
                                      char                   **hub_id,
                                      GError                 **error);

typedef struct
{
  gint64  seq;
  char   *at;
  char   *actor;
  char   *action;
  char   *record_type;
  char   *record_id;
  char   *details;
} L4aAuditEntry;

char       *l4a_audit_entry_describe (L4aStore                *store,
                                      const L4aAuditEntry     *entry);
char       *l4a_audit_entry_actor    (L4aStore                *store,
                                      const L4aAuditEntry     *entry);
char       *l4a_audit_action_words   (const char              *action);
GPtrArray  *l4a_audit_list           (L4aStore                *store,
                                      const char              *record,
                                      const char              *actor,
                                      const char              *action,
                                      guint                    limit,
                                      GError                 **error);

G_END_DECLS

G_BEGIN_DECLS

typedef struct
{
  char           *proposal_id;
  char           *title;
  char           *government;
  char           *call;
  char           *due_on;
  int             version;
  L4aReviewState  state;
  char           *decline_reason;  /* when declined */
  char           *language;        /* the proposal's, en, fr or es (l4a_review_proposal_info() only) */
} L4aAssignmentInfo;

void        l4a_assignment_info_free (L4aAssignmentInfo       *info);

/* A member to remind of the reviews they owe. */
typedef struct
{
  char      *member_id;
  char      *member_name;
  char      *contact;
  GPtrArray *titles;     /* char*: the proposals, soonest due first */
  GPtrArray *due_on;     /* char*: their due dates */
  guint      n_overdue;
} L4aReminder;

void        l4a_reminder_free        (L4aReminder             *reminder);
GPtrArray  *l4a_review_reminders     (L4aStore                *store,
                                      const char              *call_id,
                                      guint                    within_days,
                                      GError                 **error);
GPtrArray  *l4a_review_my_assignments (L4aStore               *store,
                                       GError                **error);
L4aAssignmentInfo *l4a_review_proposal_info (L4aStore          *store,
                                             const char        *proposal_id,
                                             GError           **error);

G_END_DECLS

G_BEGIN_DECLS
GPtrArray  *l4a_review_author_comments (L4aStore              *store,
                                        const char            *proposal_id,
                                        GError               **error);
G_END_DECLS
