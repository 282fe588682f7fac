/* l4a-members-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-members-window.h"

G_BEGIN_DECLS

guint             l4a_members_window_get_n_members (L4aMembersWindow *self);
void              l4a_members_window_edit       (L4aMembersWindow  *self,
                                                 const char        *id);
void              l4a_members_window_fill       (L4aMembersWindow  *self,
                                                 const char        *name,
                                                 const char        *country,
                                                 const char        *region);
void              l4a_members_window_declare    (L4aMembersWindow  *self,
                                                 const char        *government_id,
                                                 const char        *reason);
gboolean          l4a_members_window_save       (L4aMembersWindow  *self,
                                                 GError           **error);

G_END_DECLS
