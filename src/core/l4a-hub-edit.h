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

#define L4A_TYPE_HUB_EDIT (l4a_hub_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubEdit, l4a_hub_edit, L4A, HUB_EDIT, GObject)

/* The editable fields of a hub, as a form holds them: an object whose
 * properties ("name", "government-id", "start", "sdgs", …) the hub editor
 * binds its rows to, each notified when it changes. Empty text is no
 * text (%NULL). The fields are open to the core's own code, which loads
 * and saves them; a change made there directly is not notified. */
struct _L4aHubEdit
{
  GObject parent_instance;

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
};

L4aHubEdit *l4a_hub_edit_new           (void);
L4aHubEdit *l4a_hub_edit_copy          (const L4aHubEdit *edit);
void        l4a_hub_edit_free          (L4aHubEdit       *edit);
gboolean    l4a_hub_edit_equal         (const L4aHubEdit *a,
                                        const L4aHubEdit *b);
void        l4a_hub_edit_set_sdg       (L4aHubEdit       *edit,
                                        guint             goal,
                                        gboolean          chosen);
void        l4a_hub_edit_set_council   (L4aHubEdit       *edit,
                                        guint             position,
                                        gboolean          chosen);

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


G_END_DECLS
