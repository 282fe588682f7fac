/* l4a-packet.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-store.h"

G_BEGIN_DECLS

gboolean l4a_packet_write (L4aStore    *store,
                           const char  *call_id,
                           const char  *path,
                           GError     **error);

G_END_DECLS
