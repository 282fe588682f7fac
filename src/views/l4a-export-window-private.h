/* l4a-export-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-export-window.h"

G_BEGIN_DECLS

gboolean         l4a_export_window_select_kind  (L4aExportWindow *self,
                                                 const char      *kind);
char            *l4a_export_window_suggest_name (L4aExportWindow *self);
void             l4a_export_window_export_to    (L4aExportWindow *self,
                                                 const char      *path);

G_END_DECLS
