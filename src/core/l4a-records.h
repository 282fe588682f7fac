/* l4a-records.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

gboolean l4a_records_insert (L4aStore    *store,
                             JsonObject  *records,
                             gboolean     sample,
                             const char  *source,
                             GHashTable  *counts,
                             GError     **error);

gboolean l4a_records_dump   (L4aStore    *store,
                             const char  *table,
                             const char  *column,
                             const char  *value,
                             JsonBuilder *builder,
                             GError     **error);

const char * const *l4a_records_table_names (void);

G_END_DECLS
