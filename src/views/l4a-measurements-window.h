/* l4a-measurements-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"
#include "l4a-indicator.h"

G_BEGIN_DECLS

#define L4A_TYPE_MEASUREMENTS_WINDOW (l4a_measurements_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aMeasurementsWindow, l4a_measurements_window, L4A, MEASUREMENTS_WINDOW, AdwWindow)

L4aMeasurementsWindow *l4a_measurements_window_new      (L4aContext             *context,
                                                         L4aIndicatorEdit       *indicator,
                                                         gboolean                editable,
                                                         GError                **error);
GListModel            *l4a_measurements_window_get_list (L4aMeasurementsWindow  *self);

G_END_DECLS
