/* l4a-sample.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-store.h"

G_BEGIN_DECLS

gboolean l4a_sample_load        (L4aStore      *store,
                                 GHashTable    *counts,
                                 GError       **error);
gboolean l4a_sample_is_loaded   (L4aStore      *store);

G_END_DECLS
