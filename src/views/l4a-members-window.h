/* l4a-members-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_MEMBERS_WINDOW (l4a_members_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aMembersWindow, l4a_members_window, L4A, MEMBERS_WINDOW, AdwWindow)

L4aMembersWindow *l4a_members_window_new        (L4aStore          *store);

G_END_DECLS
