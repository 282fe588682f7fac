/* l4a-chart-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "l4a-chart.h"

G_BEGIN_DECLS

#define L4A_TYPE_CHART_VIEW (l4a_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aChartView, l4a_chart_view, L4A, CHART_VIEW, GtkWidget)

GtkWidget *l4a_chart_view_new          (void);
void       l4a_chart_view_set_chart    (L4aChartView *self,
                                        L4aChart     *chart);
L4aChart  *l4a_chart_view_get_chart    (L4aChartView *self);
int        l4a_chart_view_get_focused  (L4aChartView *self);
void       l4a_chart_view_move_focus   (L4aChartView *self,
                                        int           delta);
char      *l4a_chart_view_describe_focused (L4aChartView *self);
void       l4a_chart_view_get_style    (L4aChartView *self,
                                        L4aChartStyle *style);

G_END_DECLS
