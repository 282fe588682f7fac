/* l4a-hub-details.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "l4a-hub-edit.h"
#include "l4a-store.h"

G_BEGIN_DECLS

/* One line of a hub page: a partner, deliverable, activity, related hub or
 * indicator. Which fields are set depends on the list it is in. */
typedef struct
{
  char     *id;
  char     *title;
  char     *subtitle;
  char     *kind;       /* activity kind, deliverable status, partner role */
  char     *date;       /* due date, activity date, last measurement date */
  char     *url;
  char     *unit;
  double    value;      /* indicators: latest measurement, or NaN */
  double    baseline;   /* indicators: baseline, or NaN */
  double    target;     /* indicators: target, or NaN */
  gboolean  overdue;    /* deliverables past due and not done */
} L4aDetailItem;

/* Everything a hub page shows. */
typedef struct
{
  L4aHubEdit *hub;          /* the hub's own fields */
  char       *government;   /* lead government's name */
  char       *country;
  char       *region;
  char       *proposal_title;
  gboolean    sample;
  GPtrArray  *partners;     /* of L4aDetailItem */
  GPtrArray  *deliverables;
  GPtrArray  *activities;
  GPtrArray  *related;
  GPtrArray  *indicators;
} L4aHubDetails;

L4aHubDetails *l4a_registry_get_hub_details (L4aStore      *store,
                                             const char    *id,
                                             GError       **error);
void           l4a_hub_details_free         (L4aHubDetails *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aHubDetails, l4a_hub_details_free)

G_END_DECLS
