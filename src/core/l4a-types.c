/* l4a-types.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-types.h"

static const struct {
  L4aRole     role;
  const char *nick;
  const char *label;
} roles[] = {
  { L4A_ROLE_SECRETARIAT, "secretariat", N_("World Secretariat") },
  { L4A_ROLE_MEMBER, "member", N_("Advisory Board member") },
  { L4A_ROLE_GOVERNMENT, "government", N_("Local government") },
};

const char *
l4a_role_to_string (L4aRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].nick;

  g_return_val_if_reached ("secretariat");
}

gboolean
l4a_role_from_string (const char *text,
                      L4aRole    *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (roles[i].nick, text))
      {
        *role = roles[i].role;
        return TRUE;
      }

  return FALSE;
}

const char *
l4a_role_get_label (L4aRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].label);

  g_return_val_if_reached (NULL);
}
