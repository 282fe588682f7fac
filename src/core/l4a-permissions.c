/* l4a-permissions.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-permissions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-permissions.h"

static const struct {
  L4aPermission permission;
  L4aRole       role;     /* the one role that may */
} rules[] = {
  { L4A_PERMISSION_KEEP_REGISTRY, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_KEEP_BOARD, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_ASSIGN_REVIEWERS, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_SEE_ASSIGNMENTS, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_SEE_SCORES, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_DECIDE, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_RELEASE, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_READ_AUDIT, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_KEEP_BRAND_KIT, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_BACK_UP, L4A_ROLE_SECRETARIAT },
  { L4A_PERMISSION_WRITE_PROPOSALS, L4A_ROLE_GOVERNMENT },
  { L4A_PERMISSION_WRITE_REVIEWS, L4A_ROLE_MEMBER },
};

gboolean
l4a_role_can (L4aRole       role,
              L4aPermission permission)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].permission == permission)
      return rules[i].role == role;

  g_return_val_if_reached (FALSE);
}

gboolean
l4a_store_can (L4aStore      *store,
               L4aPermission  permission)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_role_can (l4a_store_get_role (store), permission);
}

/* The words of a refusal: what could not be done, and as whom. */
static char *
refusal (L4aPermission permission,
         L4aRole       role)
{
  const char *label = l4a_role_get_label (role);
  const char *what = NULL;

  switch (permission)
    {
    case L4A_PERMISSION_KEEP_REGISTRY:
      /* translators: %s is a role, such as “Local government” */
      return g_strdup_printf (_("Only the World Secretariat can change the registry; this workstation acts as “%s”."),
                              label);
    case L4A_PERMISSION_KEEP_BOARD:
      /* translators: %s is a role */
      return g_strdup_printf (_("Only the World Secretariat keeps the Advisory Board; this workstation acts as “%s”."),
                              label);
    case L4A_PERMISSION_KEEP_BRAND_KIT:
      return g_strdup (_("Only the World Secretariat changes the brand kit."));
    case L4A_PERMISSION_WRITE_PROPOSALS:
      return g_strdup (_("Only a local government writes proposals."));
    case L4A_PERMISSION_WRITE_REVIEWS:
      return g_strdup (_("Only Advisory Board members write reviews."));
    case L4A_PERMISSION_ASSIGN_REVIEWERS:
      what = _("assign reviewers");
      break;
    case L4A_PERMISSION_SEE_ASSIGNMENTS:
      what = _("see who reviews what");
      break;
    case L4A_PERMISSION_SEE_SCORES:
      what = _("see the scores");
      break;
    case L4A_PERMISSION_DECIDE:
      what = _("decide on a proposal");
      break;
    case L4A_PERMISSION_RELEASE:
      what = _("release a decision");
      break;
    case L4A_PERMISSION_READ_AUDIT:
      what = _("read the audit log");
      break;
    case L4A_PERMISSION_BACK_UP:
      what = _("back up everything");
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  /* translators: the first %s is an action such as "assign reviewers", the second a role */
  return g_strdup_printf (_("Only the World Secretariat can %s; this workstation acts as “%s”."), what, label);
}

/**
 * l4a_store_require:
 *
 * Returns: whether the store's role may do @permission; if not, @error
 *   says so in words fit for the user
 */
gboolean
l4a_store_require (L4aStore      *store,
                   L4aPermission  permission,
                   GError       **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (l4a_store_can (store, permission))
    return TRUE;
  message = refusal (permission, l4a_store_get_role (store));
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED, message);
  return FALSE;
}
