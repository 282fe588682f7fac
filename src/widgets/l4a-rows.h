/* l4a-rows.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

guint      l4a_rows_find      (GPtrArray  *rows,
                               GtkWidget  *widget);
GtkWidget *l4a_rows_texts_new (GtkWidget  *title,
                               GtkWidget **subtitle);

G_END_DECLS
