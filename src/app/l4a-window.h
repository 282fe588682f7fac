/* l4a-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-application.h"

G_BEGIN_DECLS

#define L4A_TYPE_WINDOW (l4a_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aWindow, l4a_window, L4A, WINDOW, AdwApplicationWindow)

L4aWindow  *l4a_window_new              (L4aApplication *application);
void        l4a_window_show_view        (L4aWindow      *self,
                                         const char     *name);
void        l4a_window_add_toast        (L4aWindow      *self,
                                         const char     *title);
void        l4a_window_add_toast_object (L4aWindow      *self,
                                         AdwToast       *toast);
GtkWindow  *l4a_window_import_file      (L4aWindow      *self,
                                         GFile          *file);
GtkWindow  *l4a_window_open_export      (L4aWindow      *self);
GtkWindow  *l4a_window_open_publish     (L4aWindow      *self);
void        l4a_window_back_up          (L4aWindow      *self,
                                         const char     *path);

G_END_DECLS
