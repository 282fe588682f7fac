/* l4a-calls-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-call.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_CALLS_WINDOW (l4a_calls_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aCallsWindow, l4a_calls_window, L4A, CALLS_WINDOW, AdwWindow)

L4aCallsWindow *l4a_calls_window_new      (L4aStore       *store);

G_END_DECLS
