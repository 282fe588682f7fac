/* l4a-inbox.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *path;
  char *name;      /* the file's name */
  char *kind;      /* NULL if the bundle cannot be read */
  char *origin;    /* who wrote it, in words */
  char *problem;   /* why it cannot be imported, or NULL */
} L4aInboxItem;

GPtrArray *l4a_inbox_scan (L4aStore    *store,
                           const char  *folder,
                           GHashTable  *seen,
                           GError     **error);

G_END_DECLS
