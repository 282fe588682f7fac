/* l4a-import-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_IMPORT_WINDOW (l4a_import_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aImportWindow, l4a_import_window, L4A, IMPORT_WINDOW, AdwWindow)

L4aImportWindow *l4a_import_window_new        (GtkWindow       *parent,
                                               L4aContext      *context,
                                               GFile           *file);

G_END_DECLS
