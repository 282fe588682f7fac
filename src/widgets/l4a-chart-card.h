/* l4a-chart-card.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-chart.h"
#include "l4a-chart-view.h"

G_BEGIN_DECLS

#define L4A_TYPE_CHART_CARD (l4a_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (L4aChartCard, l4a_chart_card, L4A, CHART_CARD, GtkWidget)

GtkWidget    *l4a_chart_card_new        (int            height);
void          l4a_chart_card_set_chart  (L4aChartCard  *self,
                                         L4aChart      *chart);
L4aChartView *l4a_chart_card_get_view   (L4aChartCard  *self);
void          l4a_chart_card_show_data  (L4aChartCard  *self,
                                         gboolean       show);
gboolean      l4a_chart_card_get_showing_data (L4aChartCard *self);
gboolean      l4a_chart_card_export     (L4aChartCard  *self,
                                         const char    *path,
                                         double         scale,
                                         GError       **error);
GtkWidget    *l4a_chart_card_get_footer (L4aChartCard  *self);
void          l4a_chart_card_add_button (L4aChartCard  *self,
                                         GtkWidget     *button);

G_END_DECLS
