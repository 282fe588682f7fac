/* l4a-charts.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-chart.h"
#include "l4a-hub-query.h"
#include "l4a-reports.h"
#include "l4a-store.h"

G_BEGIN_DECLS

const char * const *l4a_charts_list               (void);
const char         *l4a_charts_describe           (const char  *name);
L4aChart           *l4a_charts_build              (L4aStore    *store,
                                                   const char  *name,
                                                   const char  *argument,
                                                   GError     **error);

L4aChart           *l4a_chart_hubs_by_region      (L4aHubQuery *hubs);
L4aChart           *l4a_chart_hubs_by_sdg         (L4aHubQuery *hubs);
L4aChart           *l4a_chart_hub_timeline        (L4aStore    *store,
                                                   L4aHubQuery *hubs,
                                                   guint        max_rows,
                                                   GError     **error);
L4aChart           *l4a_chart_proposals_by_state  (L4aStore    *store,
                                                   GError     **error);
L4aChart           *l4a_chart_deliverables_by_status (L4aStore  *store,
                                                      GError   **error);
L4aChart           *l4a_chart_activities_per_quarter (L4aStore  *store,
                                                      GError   **error);
L4aChart           *l4a_chart_reporting_status       (L4aStore  *store,
                                                      GError   **error);
L4aChart           *l4a_chart_reporting_status_for   (const L4aReportingCounts *counts);
L4aChart           *l4a_chart_review_scores       (L4aStore    *store,
                                                   const char  *call_id,
                                                   GError     **error);
L4aChart           *l4a_chart_indicator           (L4aStore    *store,
                                                   const char  *indicator_id,
                                                   GError     **error);

G_END_DECLS
