/* l4a-summary.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "l4a-store.h"

G_BEGIN_DECLS

/* A4 in PostScript points. */
#define L4A_SUMMARY_WIDTH 595.0
#define L4A_SUMMARY_HEIGHT 842.0

gboolean l4a_proposal_render_summary (L4aStore    *store,
                                      const char  *id,
                                      cairo_t     *cr,
                                      GError     **error);
gboolean l4a_proposal_write_summary  (L4aStore    *store,
                                      const char  *id,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
