/* l4a-cell-text.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define L4A_TYPE_CELL_TEXT (l4a_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (L4aCellText, l4a_cell_text, L4A, CELL_TEXT, GtkWidget)

GHashTable *l4a_cell_text_new_shared (void);
GtkWidget  *l4a_cell_text_new        (GHashTable  *shared,
                                      guint        nat_chars);
const char *l4a_cell_text_get_text   (L4aCellText *self);
void        l4a_cell_text_set_text   (L4aCellText *self,
                                      const char  *text);

GtkWidget  *l4a_cell_text_new_for_column (GHashTable *shared,
                                          guint       nat_chars);
void        l4a_cell_text_show           (GtkWidget  *cell,
                                          const char *text);

G_END_DECLS
