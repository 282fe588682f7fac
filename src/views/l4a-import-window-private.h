/* l4a-import-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-import-window.h"

G_BEGIN_DECLS

const char      *l4a_import_window_get_state  (L4aImportWindow *self);
gboolean         l4a_import_window_resolve    (L4aImportWindow *self,
                                               guint            index,
                                               gboolean         theirs);
void             l4a_import_window_apply      (L4aImportWindow *self);
const char      *l4a_import_window_get_fingerprint (L4aImportWindow *self);
void             l4a_import_window_confirm_key (L4aImportWindow *self);

G_END_DECLS
