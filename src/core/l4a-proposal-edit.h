/* l4a-proposal-edit.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-rules.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_PARTNER_EDIT (l4a_partner_edit_get_type ())
#define L4A_TYPE_DELIVERABLE_EDIT (l4a_deliverable_edit_get_type ())
#define L4A_TYPE_PLANNED_INDICATOR (l4a_planned_indicator_get_type ())

G_DECLARE_FINAL_TYPE (L4aPartnerEdit, l4a_partner_edit, L4A, PARTNER_EDIT, GObject)
G_DECLARE_FINAL_TYPE (L4aDeliverableEdit, l4a_deliverable_edit, L4A, DELIVERABLE_EDIT, GObject)
G_DECLARE_FINAL_TYPE (L4aPlannedIndicator, l4a_planned_indicator, L4A, PLANNED_INDICATOR, GObject)

/* The items of a proposal's lists, as its editor binds their entries: each
 * text is a property of the same name ("name", "role", "title", "due",
 * "code", "baseline"…), notified when it changes. */
struct _L4aPartnerEdit
{
  GObject parent_instance;

  char *id;            /* NULL until saved */
  char *name;
  char *role;
};

struct _L4aDeliverableEdit
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *due;           /* YYYY-MM-DD, as typed */
};

/* An indicator a proposal plans, numbers as typed (a hub's are
 * L4aIndicatorEdit). */
struct _L4aPlannedIndicator
{
  GObject parent_instance;

  char  *id;
  char  *code;         /* Goal.Target.Indicator such as 11.6.2, or a local code */
  char  *name;
  char  *unit;
  char  *direction;    /* higher, lower */
  char  *baseline;     /* numbers as typed */
  char  *target;
};

typedef struct
{
  char  *sha256;
  char  *name;
  char  *media_type;
  gint64 size;
} L4aAttachmentRef;

void l4a_attachment_ref_free (gpointer data);

/* Every field of a proposal, as its editor holds it. Texts are kept as
 * typed, so that a draft saves whatever state it is in. */
#define L4A_TYPE_PROPOSAL_EDIT (l4a_proposal_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aProposalEdit, l4a_proposal_edit, L4A, PROPOSAL_EDIT, GObject)

/* A proposal as its editor holds it: the texts it edits are properties
 * ("title", "summary", "topic", "pact-axis", "format", "start", "end",
 * "communication", "brand-commitment", "monitoring-plan", "language",
 * and "sdgs"), each notified when it changes, which the proposal editor
 * binds its rows to. The fields are open to the core's own code, which
 * loads and saves them; a change made there directly is not notified. */
struct _L4aProposalEdit
{
  GObject    parent_instance;

  char      *id;
  int        revision;
  char      *call_id;
  char      *government_id;
  char      *title;
  char      *summary;
  char      *topic;
  char      *pact_axis;
  char      *format;
  char      *start;
  char      *end;
  char      *communication;
  char      *brand_commitment;
  char      *monitoring_plan;
  char      *language;   /* en, fr, es; NULL: the language of the government's country */
  guint      sdgs;
  char      *state;       /* read-only here: the workflow changes it */
  int        version;     /* read-only here */
  GPtrArray *partners;     /* of L4aPartnerEdit */
  GPtrArray *deliverables; /* of L4aDeliverableEdit */
  GPtrArray *indicators;   /* of L4aPlannedIndicator */
  GPtrArray *attachments;  /* of L4aAttachmentRef */
};

/* A field that differs between two versions of a proposal. */
typedef struct
{
  char *field;
  char *before;
  char *after;
} L4aFieldChange;

/* One key feature of a hub, checked on a proposal. */
typedef struct
{
  const char *key;       /* locally-driven, time, communication, brand, results, topic */
  const char *label;     /* translated */
  gboolean    passed;
  char       *reason;    /* in plain words, for both outcomes */
} L4aFeatureCheck;

#define L4A_N_FEATURES 6
#define L4A_MAX_ATTACHMENT_SIZE (20 * 1024 * 1024)

L4aProposalEdit *l4a_proposal_edit_new          (void);
L4aProposalEdit *l4a_proposal_edit_copy         (const L4aProposalEdit *edit);
void             l4a_proposal_edit_free         (L4aProposalEdit       *edit);
L4aPartnerEdit  *l4a_proposal_edit_add_partner  (L4aProposalEdit       *edit,
                                                 const char            *name,
                                                 const char            *role);
L4aDeliverableEdit *l4a_proposal_edit_add_deliverable (L4aProposalEdit *edit,
                                                 const char            *title,
                                                 const char            *due);
L4aPlannedIndicator *l4a_proposal_edit_add_indicator (L4aProposalEdit     *edit,
                                                 const char            *code,
                                                 const char            *name,
                                                 const char            *baseline,
                                                 const char            *target);

gboolean         l4a_indicator_code_check       (const char            *code,
                                                 char                 **problem);
GPtrArray       *l4a_proposal_edit_validate     (L4aStore              *store,
                                                 const L4aProposalEdit *edit);
GPtrArray       *l4a_proposal_check_features    (L4aStore              *store,
                                                 const L4aProposalEdit *edit);
gboolean         l4a_feature_checks_all_pass    (GPtrArray             *checks);

L4aProposalEdit *l4a_registry_load_proposal     (L4aStore              *store,
                                                 const char            *id,
                                                 GError               **error);
gboolean         l4a_registry_save_draft        (L4aStore              *store,
                                                 L4aProposalEdit       *edit,
                                                 GError               **error);
gboolean         l4a_registry_add_attachment    (L4aStore              *store,
                                                 L4aProposalEdit       *edit,
                                                 const char            *name,
                                                 GBytes                *bytes,
                                                 GError               **error);
gboolean         l4a_proposal_submit            (L4aStore              *store,
                                                 const char            *id,
                                                 GError               **error);
gboolean         l4a_proposal_withdraw          (L4aStore              *store,
                                                 const char            *id,
                                                 GError               **error);
gboolean         l4a_proposal_revise            (L4aStore              *store,
                                                 const char            *id,
                                                 GError               **error);
GPtrArray       *l4a_proposal_compare_versions  (L4aStore              *store,
                                                 const char            *id,
                                                 int                    from_version,
                                                 int                    to_version,
                                                 GError               **error);
GBytes          *l4a_registry_get_attachment    (L4aStore              *store,
                                                 const char            *sha256,
                                                 GError               **error);
char            *l4a_attachment_safe_name       (const char            *name);
GFile           *l4a_attachment_write_for_viewing (L4aStore            *store,
                                                 const char            *sha256,
                                                 const char            *name,
                                                 GError               **error);
char            *l4a_store_resolve_reference    (L4aStore              *store,
                                                 const char            *table,
                                                 const char            *reference,
                                                 GError               **error);


G_END_DECLS
