/* l4a-publish-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_PUBLISH_WINDOW (l4a_publish_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aPublishWindow, l4a_publish_window, L4A, PUBLISH_WINDOW, AdwWindow)

L4aPublishWindow *l4a_publish_window_new (GtkWindow  *parent,
                                          L4aContext *context);

G_END_DECLS
