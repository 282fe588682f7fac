/* l4a-governments-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-governments-window.h"

#include "l4a-keys-group.h"

G_BEGIN_DECLS

L4aKeysGroup         *l4a_governments_window_get_keys (L4aGovernmentsWindow *self);

void                  l4a_governments_window_edit     (L4aGovernmentsWindow *self,
                                                       const char           *id);
guint                 l4a_governments_window_get_n_rows (L4aGovernmentsWindow *self);
gboolean              l4a_governments_window_save     (L4aGovernmentsWindow *self,
                                                       GError              **error);

G_END_DECLS
