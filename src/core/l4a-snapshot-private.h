/* l4a-snapshot-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Read-only snapshots of a row (L4aHub, L4aProposal): construct-only
 * properties, first the strings (ids 1..n_strings, stored in an array in
 * that order), then the unsigned integers and booleans that follow them.
 * Strings that take few values (codes, dates, names of governments) can be
 * interned, so that 100 000 hubs do not hold 100 000 copies of "active".
 */
typedef struct
{
  const char * const *strings;   /* property names of the string fields */
  guint               n_strings;
  const char * const *uints;     /* then unsigned integer fields */
  guint               n_uints;
  const char * const *booleans;  /* then boolean fields */
  guint               n_booleans;
  guint64             interned;  /* bit i: string i is interned, never freed */
} L4aSnapshotSpec;

void l4a_snapshot_install   (GObjectClass          *klass,
                             const L4aSnapshotSpec *spec);
void l4a_snapshot_get       (const L4aSnapshotSpec *spec,
                             char                 **strings,
                             guint                 *uints,
                             gboolean              *booleans,
                             guint                  prop_id,
                             GValue                *value);
void l4a_snapshot_set       (const L4aSnapshotSpec *spec,
                             char                 **strings,
                             guint                 *uints,
                             gboolean              *booleans,
                             guint                  prop_id,
                             const GValue          *value);
void l4a_snapshot_clear     (const L4aSnapshotSpec *spec,
                             char                 **strings);

G_END_DECLS
