/* l4a-toast.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *l4a_toast_new  (const char *text);
gboolean  l4a_toast_show (GtkWidget  *widget,
                          AdwToast   *toast);
gboolean  l4a_toast_say  (GtkWidget  *widget,
                          const char *text);

G_END_DECLS
