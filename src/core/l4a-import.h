/* l4a-import.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-bundle.h"
#include "l4a-store.h"

G_BEGIN_DECLS

typedef enum
{
  L4A_IMPORT_ADD,       /* not here yet */
  L4A_IMPORT_UPDATE,    /* theirs is newer */
  L4A_IMPORT_SAME,      /* identical */
  L4A_IMPORT_OLDER,     /* ours is newer: left alone */
  L4A_IMPORT_CONFLICT,  /* both changed from the same revision */
  L4A_IMPORT_N_ACTIONS
} L4aImportAction;

typedef struct
{
  char            *type;
  char            *id;
  char            *label;
  L4aImportAction  action;
  GPtrArray       *fields;   /* names of the fields that differ */
} L4aImportChange;

typedef struct
{
  gboolean   already_imported;
  GPtrArray *changes;                   /* L4aImportChange, in the bundle's order */
  guint      counts[L4A_IMPORT_N_ACTIONS];
} L4aImportPlan;

const char    *l4a_import_action_to_string (L4aImportAction  action);
L4aImportPlan *l4a_import_plan             (L4aStore        *store,
                                            L4aBundle       *bundle,
                                            GError         **error);
void           l4a_import_plan_free        (L4aImportPlan   *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aImportPlan, l4a_import_plan_free)

G_END_DECLS
