/* l4a-date-button.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *l4a_date_button_new    (GtkEditable *target,
                                   const char  *what);
GtkWidget *l4a_date_row_add_button (GtkWidget  *entry_row,
                                   const char  *what);

G_END_DECLS
