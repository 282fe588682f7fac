/* l4a-indicators-view-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-indicators-view.h"

G_BEGIN_DECLS

void        l4a_indicators_view_reload       (L4aIndicatorsView *self);
gboolean    l4a_indicators_view_select_hub   (L4aIndicatorsView *self,
                                              const char        *hub_id);
GPtrArray  *l4a_indicators_view_get_cards    (L4aIndicatorsView *self);
guint       l4a_indicators_view_get_n_indicators (L4aIndicatorsView *self);
GtkWindow  *l4a_indicators_view_open_paste   (L4aIndicatorsView *self,
                                              guint              indicator);
gboolean    l4a_indicators_view_paste        (L4aIndicatorsView *self,
                                              guint              indicator,
                                              const char        *text,
                                              char             **problems);
gboolean    l4a_indicators_view_write_csv    (L4aIndicatorsView *self,
                                              const char        *path,
                                              GError           **error);

G_END_DECLS
