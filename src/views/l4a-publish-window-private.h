/* l4a-publish-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-publish-window.h"

G_BEGIN_DECLS

void        l4a_publish_window_set_folder (L4aPublishWindow *self,
                                           const char       *folder);
const char *l4a_publish_window_get_page   (L4aPublishWindow *self);

G_END_DECLS
