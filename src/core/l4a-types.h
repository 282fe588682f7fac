/* l4a-types.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-enum-types.h"

G_BEGIN_DECLS

/* The role of a workstation (DESIGN.md: one role and one identity each). */
typedef enum /*< underscore_name=l4a_role >*/
{
  L4A_ROLE_SECRETARIAT, /*< nick=secretariat >*/
  L4A_ROLE_MEMBER,      /*< nick=member >*/
  L4A_ROLE_GOVERNMENT,  /*< nick=government >*/
} L4aRole;

/* The words of the domain, stored in the database and bundles by their
 * nick; their order is the one lists and menus show. Labels for users
 * come from l4a_enum_get_label(), in one place (l4a-types.c). */

/* A proposal's place in the workflow (DESIGN.md). */
typedef enum /*< underscore_name=l4a_proposal_state >*/
{
  L4A_PROPOSAL_DRAFT,        /*< nick=draft >*/
  L4A_PROPOSAL_SUBMITTED,    /*< nick=submitted >*/
  L4A_PROPOSAL_UNDER_REVIEW, /*< nick=under-review >*/
  L4A_PROPOSAL_DECIDED,      /*< nick=decided >*/
  L4A_PROPOSAL_RELEASED,     /*< nick=released >*/
  L4A_PROPOSAL_WITHDRAWN,    /*< nick=withdrawn >*/
} L4aProposalState;

typedef enum /*< underscore_name=l4a_hub_status >*/
{
  L4A_HUB_ACTIVE,     /*< nick=active >*/
  L4A_HUB_COMPLETED,  /*< nick=completed >*/
  L4A_HUB_WITHDRAWN,  /*< nick=withdrawn >*/
} L4aHubStatus;

/* How a hub (or a proposal) meets. */
typedef enum /*< underscore_name=l4a_format >*/
{
  L4A_FORMAT_IN_PERSON, /*< nick=in-person >*/
  L4A_FORMAT_VIRTUAL,   /*< nick=virtual >*/
  L4A_FORMAT_HYBRID,    /*< nick=hybrid >*/
} L4aFormat;

typedef enum /*< underscore_name=l4a_deliverable_status >*/
{
  L4A_DELIVERABLE_PLANNED,     /*< nick=planned >*/
  L4A_DELIVERABLE_IN_PROGRESS, /*< nick=in-progress >*/
  L4A_DELIVERABLE_DONE,        /*< nick=done >*/
  L4A_DELIVERABLE_LATE,        /*< nick=late >*/
  L4A_DELIVERABLE_DROPPED,     /*< nick=dropped >*/
} L4aDeliverableStatus;

typedef enum /*< underscore_name=l4a_activity_kind >*/
{
  L4A_ACTIVITY_EVENT,         /*< nick=event >*/
  L4A_ACTIVITY_PUBLICATION,   /*< nick=publication >*/
  L4A_ACTIVITY_JOINT_PRODUCT, /*< nick=joint-product >*/
  L4A_ACTIVITY_TRAINING,      /*< nick=training >*/
  L4A_ACTIVITY_PEER_VISIT,    /*< nick=peer-visit >*/
} L4aActivityKind;

/* The network's meeting points (the World Secretariat keeps them). */
typedef enum /*< underscore_name=l4a_network_event_kind >*/
{
  L4A_NETWORK_EVENT_FORUM,          /*< nick=forum >*/
  L4A_NETWORK_EVENT_WORLD_COUNCIL,  /*< nick=world-council >*/
  L4A_NETWORK_EVENT_POLICY_COUNCIL, /*< nick=policy-council >*/
  L4A_NETWORK_EVENT_OTHER,          /*< nick=other >*/
} L4aNetworkEventKind;

/* Why two hubs are linked. */
typedef enum /*< underscore_name=l4a_link_reason >*/
{
  L4A_LINK_SHARED_TOPIC,  /*< nick=shared-topic >*/
  L4A_LINK_JOINT_PRODUCT, /*< nick=joint-product >*/
  L4A_LINK_PEER_LEARNING, /*< nick=peer-learning >*/
} L4aLinkReason;

/* Where a progress report stands. */
typedef enum /*< underscore_name=l4a_report_status >*/
{
  L4A_REPORT_STATUS_DRAFT,             /*< nick=draft >*/
  L4A_REPORT_STATUS_SUBMITTED,         /*< nick=submitted >*/
  L4A_REPORT_STATUS_ACKNOWLEDGED,      /*< nick=acknowledged >*/
  L4A_REPORT_STATUS_CHANGES_REQUESTED, /*< nick=changes-requested >*/
} L4aReportStatus;

/* How sure a reviewer is of their review. */
typedef enum /*< underscore_name=l4a_confidence >*/
{
  L4A_CONFIDENCE_EXPERT,        /*< nick=expert >*/
  L4A_CONFIDENCE_KNOWLEDGEABLE, /*< nick=knowledgeable >*/
  L4A_CONFIDENCE_OUTSIDER,      /*< nick=outsider >*/
} L4aConfidence;

/* The languages of the network: proposals, reviewers, letters. */
typedef enum /*< underscore_name=l4a_network_language >*/
{
  L4A_LANGUAGE_EN, /*< nick=en >*/
  L4A_LANGUAGE_FR, /*< nick=fr >*/
  L4A_LANGUAGE_ES, /*< nick=es >*/
} L4aNetworkLanguage;

/* Where a board member's review of an assigned proposal stands. */
typedef enum /*< underscore_name=l4a_review_state >*/
{
  L4A_REVIEW_NOT_STARTED, /*< nick=not-started >*/
  L4A_REVIEW_DRAFT,       /*< nick=draft >*/
  L4A_REVIEW_SUBMITTED,   /*< nick=submitted >*/
  L4A_REVIEW_DECLINED,    /*< nick=declined >*/
} L4aReviewState;

/* Where a hub's report for one period stands (its label:
 * l4a_report_state_label()). */
typedef enum /*< underscore_name=l4a_report_state >*/
{
  L4A_REPORT_UPCOMING,          /*< nick=upcoming >*/          /* the period has not ended */
  L4A_REPORT_DUE,               /*< nick=due >*/               /* ended, not submitted, not yet due */
  L4A_REPORT_OVERDUE,           /*< nick=overdue >*/           /* past its due date, not submitted */
  L4A_REPORT_SUBMITTED,         /*< nick=submitted >*/         /* waiting for the secretariat */
  L4A_REPORT_CHANGES_REQUESTED, /*< nick=changes-requested >*/ /* back with the government */
  L4A_REPORT_ACKNOWLEDGED,      /*< nick=acknowledged >*/
} L4aReportState;

/* What a board member recommends the Board does with a proposal. */
typedef enum /*< underscore_name=l4a_recommendation >*/
{
  L4A_RECOMMENDATION_GRANT,   /*< nick=grant >*/
  L4A_RECOMMENDATION_REVISE,  /*< nick=revise >*/
  L4A_RECOMMENDATION_DECLINE, /*< nick=decline >*/
} L4aRecommendation;

/* What the World Secretariat decides of a proposal. */
typedef enum /*< underscore_name=l4a_outcome >*/
{
  L4A_OUTCOME_LABEL_GRANTED,   /*< nick=label-granted >*/
  L4A_OUTCOME_REVISE_RESUBMIT, /*< nick=revise-resubmit >*/
  L4A_OUTCOME_DECLINED,        /*< nick=declined >*/
} L4aOutcome;

/* What kind of member a government is. */
typedef enum /*< underscore_name=l4a_government_kind >*/
{
  L4A_GOVERNMENT_CITY,        /*< nick=city >*/
  L4A_GOVERNMENT_REGION,      /*< nick=region >*/
  L4A_GOVERNMENT_ASSOCIATION, /*< nick=association >*/
} L4aGovernmentKind;

/* Where a call for proposals stands. */
typedef enum /*< underscore_name=l4a_call_status >*/
{
  L4A_CALL_DRAFT,   /*< nick=draft >*/
  L4A_CALL_OPEN,    /*< nick=open >*/
  L4A_CALL_CLOSED,  /*< nick=closed >*/
  L4A_CALL_DECIDED, /*< nick=decided >*/
} L4aCallStatus;

const char * const *l4a_enum_get_nicks (GType       enum_type);
const char *l4a_enum_to_nick     (GType       enum_type,
                                  int         value);
const char *l4a_enum_get_label   (GType       enum_type,
                                  const char *nick);
gboolean    l4a_enum_is_valid    (GType       enum_type,
                                  const char *nick);

const char *l4a_role_to_string   (L4aRole     role);
gboolean    l4a_role_from_string (const char *text,
                                  L4aRole    *role);
const char *l4a_role_get_label   (L4aRole     role);

char        *l4a_sha256_hex        (const void  *data,
                                    gsize        length);

GBytes      *l4a_read_file         (const char  *path,
                                    gsize        limit,
                                    GError     **error);
GBytes      *l4a_read_gfile        (GFile       *file,
                                    gsize        limit,
                                    GError     **error);

G_END_DECLS
