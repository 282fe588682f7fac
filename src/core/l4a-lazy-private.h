/* l4a-lazy-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the core's lazy lists over SQLite share (the registry's
 * L4aHubQuery, the audit log's L4aAuditLog): they know their rows'
 * numbers in order, read the rows a page at a time into a cache, and
 * follow the context with a weak pointer.
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"

G_BEGIN_DECLS

/* The context a list follows, without keeping it (the context may own the
 * list). */
typedef struct
{
  L4aContext *context;
  gulong      changed_id;
} L4aLazyFollow;

void l4a_lazy_follow         (L4aLazyFollow *follow,
                              L4aContext    *context,
                              GCallback      changed,
                              gpointer       list);
void l4a_lazy_unfollow       (L4aLazyFollow *follow);

void l4a_lazy_forget_unheld  (GHashTable    *cache);

void l4a_lazy_splice         (GListModel    *list,
                              GArray        *before,
                              GArray        *after,
                              guint         *first,
                              guint         *added);
void l4a_lazy_splice_known   (GListModel    *list,
                              GArray        *before,
                              guint          before_known,
                              GArray        *after,
                              guint          after_known,
                              guint         *first,
                              guint         *added);

G_END_DECLS
