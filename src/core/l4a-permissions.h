/* l4a-permissions.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-store.h"

G_BEGIN_DECLS

/* What a role may do: one table, asked by the core before each write and
 * by the GUI and the command line before they offer anything. */
typedef enum
{
  L4A_PERMISSION_KEEP_REGISTRY,     /* hubs, governments, calls */
  L4A_PERMISSION_KEEP_BOARD,        /* board members and their conflicts */
  L4A_PERMISSION_ASSIGN_REVIEWERS,
  L4A_PERMISSION_SEE_ASSIGNMENTS,   /* who reviews what, for the whole board */
  L4A_PERMISSION_SEE_SCORES,        /* the aggregate of a call */
  L4A_PERMISSION_DECIDE,
  L4A_PERMISSION_RELEASE,
  L4A_PERMISSION_READ_AUDIT,
  L4A_PERMISSION_KEEP_BRAND_KIT,
  L4A_PERMISSION_BACK_UP,           /* a full bundle, confidential parts included */
  L4A_PERMISSION_WRITE_PROPOSALS,
  L4A_PERMISSION_WRITE_REVIEWS,
} L4aPermission;

gboolean l4a_role_can      (L4aRole        role,
                            L4aPermission  permission);
gboolean l4a_store_can     (L4aStore      *store,
                            L4aPermission  permission);
gboolean l4a_store_require (L4aStore      *store,
                            L4aPermission  permission,
                            GError       **error);

G_END_DECLS
