/* l4a-export-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_EXPORT_WINDOW (l4a_export_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aExportWindow, l4a_export_window, L4A, EXPORT_WINDOW, AdwWindow)

L4aExportWindow *l4a_export_window_new          (GtkWindow       *parent,
                                                 L4aContext      *context);

void             l4a_add_bundle_filter          (GtkFileChooser  *chooser);

G_END_DECLS
