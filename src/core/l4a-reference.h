/* l4a-reference.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *name;    /* English; translate with l4a_reference_translate() */
  const char *kind;    /* regions: "region" or "section" */
  const char *colour;  /* SDGs: "#RRGGBB" */
  guint       goal;    /* SDGs: 1..17 */
} L4aReferenceEntry;

typedef enum
{
  L4A_REFERENCE_REGIONS,
  L4A_REFERENCE_SDGS,
  L4A_REFERENCE_COUNCILS,
  L4A_REFERENCE_AXES,
  L4A_REFERENCE_COUNTRIES,
} L4aReferenceTable;

#define L4A_N_SDGS 17

const L4aReferenceEntry *l4a_reference_entries     (L4aReferenceTable  table,
                                                    guint             *n_entries);
const L4aReferenceEntry *l4a_reference_lookup      (L4aReferenceTable  table,
                                                    const char        *code);
const L4aReferenceEntry *l4a_reference_sdg         (guint              goal);
GPtrArray               *l4a_reference_sorted_codes (L4aReferenceTable  table);
guint                    l4a_reference_rank        (L4aReferenceTable  table,
                                                    const char        *code);
const char * const      *l4a_reference_ranked_codes (L4aReferenceTable table,
                                                    guint             *n_codes);
const char              *l4a_reference_translate   (L4aReferenceTable  table,
                                                    const char        *code);
gboolean                 l4a_reference_sync        (L4aStore          *store,
                                                    GError           **error);

G_END_DECLS
