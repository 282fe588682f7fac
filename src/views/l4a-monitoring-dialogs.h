/* l4a-monitoring-dialogs.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-monitoring.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_MONITORING_DIALOG (l4a_monitoring_dialog_get_type ())

G_DECLARE_FINAL_TYPE (L4aMonitoringDialog, l4a_monitoring_dialog, L4A, MONITORING_DIALOG, AdwWindow)

GtkWidget  *l4a_activity_dialog_new      (GtkWidget         *anchor,
                                          L4aStore          *store,
                                          const char        *hub_id,
                                          const char        *activity_id);
GtkWidget  *l4a_deliverable_dialog_new   (GtkWidget         *anchor,
                                          L4aStore          *store,
                                          const char        *deliverable_id);
GtkWidget  *l4a_meeting_dialog_new       (GtkWidget         *anchor,
                                          L4aStore          *store,
                                          const char        *event_id);

GtkWidget  *l4a_report_dialog_new        (GtkWidget         *anchor,
                                          L4aStore          *store,
                                          const char        *hub_id,
                                          const char        *period_start);

GtkWidget  *l4a_link_dialog_new          (GtkWidget         *anchor,
                                          L4aStore          *store,
                                          const char        *hub_id);

void        l4a_monitoring_offer_undo    (GtkWidget         *anchor,
                                          L4aStore          *store,
                                          const char        *title,
                                          char              *snapshot);

G_END_DECLS
