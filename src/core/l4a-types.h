/* l4a-types.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The role of a workstation (DESIGN.md: one role and one identity each). */
typedef enum
{
  L4A_ROLE_SECRETARIAT, /*< nick=secretariat >*/
  L4A_ROLE_MEMBER,      /*< nick=member >*/
  L4A_ROLE_GOVERNMENT,  /*< nick=government >*/
} L4aRole;

const char *l4a_role_to_string   (L4aRole     role);
gboolean    l4a_role_from_string (const char *text,
                                  L4aRole    *role);
const char *l4a_role_get_label   (L4aRole     role);

G_END_DECLS
