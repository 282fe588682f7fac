/* l4a-preferences-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_PREFERENCES_WINDOW (l4a_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aPreferencesWindow, l4a_preferences_window, L4A, PREFERENCES_WINDOW, AdwPreferencesWindow)

L4aPreferencesWindow *l4a_preferences_window_new (GSettings *settings,
                                                  L4aStore  *store);

void                  l4a_preferences_window_set_inbox (L4aPreferencesWindow *self,
                                                        const char           *folder);

G_END_DECLS
