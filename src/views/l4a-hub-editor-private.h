/* l4a-hub-editor-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-hub-editor.h"

G_BEGIN_DECLS

gboolean      l4a_hub_editor_is_valid     (L4aHubEditor *self);
const char   *l4a_hub_editor_get_problem  (L4aHubEditor *self,
                                           const char   *field);

G_END_DECLS
