/* l4a-governments-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_GOVERNMENTS_WINDOW (l4a_governments_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aGovernmentsWindow, l4a_governments_window, L4A, GOVERNMENTS_WINDOW, AdwWindow)

L4aGovernmentsWindow *l4a_governments_window_new      (L4aStore             *store);
gboolean              l4a_governments_window_merge    (L4aGovernmentsWindow *self,
                                                       const char           *duplicate_id,
                                                       GError              **error);

G_END_DECLS
