/* l4a-csv.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     l4a_csv_append_field  (GString       *line,
                                const char    *value,
                                gboolean       text);
void     l4a_csv_end_line      (GString       *line);
gboolean l4a_csv_write_hubs    (GListModel    *hubs,
                                GOutputStream *out,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
