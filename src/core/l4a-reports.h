/* l4a-reports.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_REPORT_EVERY_DEFAULT 6

/* One period of a hub's reporting schedule, with its report if any. */
typedef struct
{
  char           *hub_id;
  char           *hub_name;
  char           *period_start;
  char           *period_end;
  char           *due_on;
  L4aReportState  state;
  char           *report_id;    /* NULL until a report is written */
  char           *submitted_at;
} L4aReportSlot;

typedef struct
{
  char   *id;            /* NULL until saved */
  char   *hub_id;
  char   *hub_name;
  char   *period_start;
  char   *period_end;
  char   *due_on;
  char   *narrative;
  char   *status;        /* draft, submitted, acknowledged, changes-requested */
  char   *gathered;      /* JSON: what the hub's records said, frozen on submission */
  char   *submitted_at;
  char   *reviewed_at;
  char   *comment;
  gint64  revision;
} L4aReport;

void           l4a_report_slot_free        (L4aReportSlot *slot);
void           l4a_report_free             (L4aReport     *report);
const char    *l4a_report_state_label      (L4aReportState state);

int            l4a_reporting_get_every     (L4aStore      *store,
                                            const char    *hub_id);
gboolean       l4a_reporting_set_every     (L4aStore      *store,
                                            const char    *hub_id,
                                            int            months,
                                            GError       **error);
GPtrArray     *l4a_reporting_schedule      (L4aStore      *store,
                                            const char    *hub_id,
                                            GError       **error);
GPtrArray     *l4a_reporting_pending       (L4aStore      *store,
                                            GError       **error);

L4aReport     *l4a_report_open             (L4aStore      *store,
                                            const char    *hub_id,
                                            const char    *period_start,
                                            GError       **error);
char          *l4a_report_gather           (L4aStore      *store,
                                            const char    *hub_id,
                                            const char    *period_start,
                                            const char    *period_end);
gboolean       l4a_report_save             (L4aStore      *store,
                                            L4aReport     *report,
                                            GError       **error);
gboolean       l4a_report_submit           (L4aStore      *store,
                                            L4aReport     *report,
                                            GError       **error);
gboolean       l4a_report_review           (L4aStore      *store,
                                            L4aReport     *report,
                                            gboolean       acknowledge,
                                            const char    *comment,
                                            GError       **error);

typedef struct
{
  guint on_time;      /* submitted or acknowledged by the due date */
  guint late;         /* submitted after it */
  guint due;
  guint overdue;
  guint waiting;      /* submitted, not yet read */
} L4aReportingCounts;

gboolean       l4a_reporting_count         (L4aStore           *store,
                                            L4aReportingCounts *counts,
                                            GError            **error);

typedef struct
{
  L4aReportingCounts  counts;      /* every hub's reports */
  GPtrArray          *first;       /* (element-type L4aReportSlot) the first pending reports, by due date */
  guint               n_pending;   /* how many are pending in all */
} L4aReportingOverview;

gboolean       l4a_reporting_overview       (L4aStore             *store,
                                             guint                 max_pending,
                                             L4aReportingOverview *overview,
                                             GError              **error);
void           l4a_reporting_overview_clear (L4aReportingOverview *overview);

gboolean       l4a_reports_check_record    (const char  *table,
                                            JsonObject  *object,
                                            const char  *record,
                                            GError     **error);

gboolean       l4a_reports_government_rule (L4aStore    *store,
                                            const char  *actor,
                                            JsonObject  *object,
                                            const char  *record,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aReportSlot, l4a_report_slot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aReport, l4a_report_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (L4aReportingOverview, l4a_reporting_overview_clear)

G_END_DECLS
