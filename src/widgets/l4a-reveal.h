/* l4a-reveal.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void l4a_reveal (GtkRevealer *revealer,
                 gboolean     reveal);

G_END_DECLS
