/* l4a-inbox-watch.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_INBOX_WATCH (l4a_inbox_watch_get_type ())

G_DECLARE_FINAL_TYPE (L4aInboxWatch, l4a_inbox_watch, L4A, INBOX_WATCH, GObject)

L4aInboxWatch *l4a_inbox_watch_new        (L4aContext    *context);
void           l4a_inbox_watch_set_folder (L4aInboxWatch *self,
                                           const char    *folder);
void           l4a_inbox_watch_rescan     (L4aInboxWatch *self);

G_END_DECLS
