/* l4a-changes.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define L4A_TYPE_CHANGES (l4a_changes_get_type ())

/**
 * L4aChanges:
 *
 * Which records changed in one or more commits: for each kind of record
 * (the table's name: "hub", "proposal", "review", ...) the ids that
 * changed, or "every record of that kind" when they were too many to
 * list or came from another process that did not say. A record of a
 * child table counts for its parent too (a hub's SDGs change the hub).
 */
typedef struct _L4aChanges L4aChanges;

GType        l4a_changes_get_type     (void) G_GNUC_CONST;
L4aChanges  *l4a_changes_new          (void);
L4aChanges  *l4a_changes_ref          (L4aChanges       *self);
void         l4a_changes_unref        (L4aChanges       *self);

void         l4a_changes_add          (L4aChanges       *self,
                                       const char       *kind,
                                       const char       *id);
void         l4a_changes_add_kind     (L4aChanges       *self,
                                       const char       *kind);
void         l4a_changes_set_everything (L4aChanges     *self);
void         l4a_changes_merge        (L4aChanges       *self,
                                       const L4aChanges *other);

gboolean     l4a_changes_is_empty     (const L4aChanges *self);
gboolean     l4a_changes_is_everything (const L4aChanges *self);
gboolean     l4a_changes_touches      (const L4aChanges *self,
                                       const char       *kind);
gboolean     l4a_changes_touches_any  (const L4aChanges *self,
                                       const char * const *kinds);
gboolean     l4a_changes_contains     (const L4aChanges *self,
                                       const char       *kind,
                                       const char       *id);
char       **l4a_changes_dup_ids      (const L4aChanges *self,
                                       const char       *kind);
char        *l4a_changes_to_string    (const L4aChanges *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aChanges, l4a_changes_unref)

G_END_DECLS
