/* l4a-calls-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-calls-window.h"

G_BEGIN_DECLS

void            l4a_calls_window_edit     (L4aCallsWindow *self,
                                           const char     *id);
L4aCallEdit    *l4a_calls_window_get_edit (L4aCallsWindow *self);
gboolean        l4a_calls_window_save     (L4aCallsWindow *self,
                                           GError        **error);
guint           l4a_calls_window_get_n_calls (L4aCallsWindow *self);

G_END_DECLS
