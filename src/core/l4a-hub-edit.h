/* l4a-hub-edit.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-rules.h"
#include "l4a-store.h"

G_BEGIN_DECLS

/* The editable fields of a hub, as a form holds them. */
typedef struct
{
  char  *id;                /* NULL for a hub not saved yet */
  int    revision;          /* as loaded; 0 for a new hub */
  char  *government_id;
  char  *name;
  char  *summary;
  char  *topic;
  char  *pact_axis;         /* NULL for none */
  char  *format;
  char  *start;
  char  *end;
  char  *status;
  char  *label_date;        /* NULL for none */
  char  *communication;
  char  *brand_commitment;
  guint  sdgs;              /* bit n: goal n */
  guint  councils;          /* bit i: i-th Policy Council */
} L4aHubEdit;

L4aHubEdit *l4a_hub_edit_new           (void);
L4aHubEdit *l4a_hub_edit_copy          (const L4aHubEdit *edit);
void        l4a_hub_edit_free          (L4aHubEdit       *edit);
gboolean    l4a_hub_edit_equal         (const L4aHubEdit *a,
                                        const L4aHubEdit *b);

L4aHubEdit *l4a_registry_load_hub      (L4aStore         *store,
                                        const char       *id,
                                        GError          **error);
GPtrArray  *l4a_hub_edit_validate      (L4aStore         *store,
                                        const L4aHubEdit *edit);
gboolean    l4a_registry_save_hub      (L4aStore         *store,
                                        L4aHubEdit       *edit,
                                        GError          **error);
char       *l4a_registry_delete_hub    (L4aStore         *store,
                                        const char       *id,
                                        GError          **error);
gboolean    l4a_registry_restore       (L4aStore         *store,
                                        const char       *snapshot,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aHubEdit, l4a_hub_edit_free)

G_END_DECLS
