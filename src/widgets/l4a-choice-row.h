/* l4a-choice-row.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define L4A_TYPE_CHOICE_ROW (l4a_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (L4aChoiceRow, l4a_choice_row, L4A, CHOICE_ROW, AdwExpanderRow)

GtkWidget *l4a_choice_row_new          (const char          *title,
                                        const char          *none);
void       l4a_choice_row_set_none     (L4aChoiceRow        *self,
                                        const char          *none);
void       l4a_choice_row_add          (L4aChoiceRow        *self,
                                        const char          *code,
                                        const char          *label);
GStrv      l4a_choice_row_get_selected (L4aChoiceRow        *self);
void       l4a_choice_row_set_selected (L4aChoiceRow        *self,
                                        const char * const  *codes);

G_END_DECLS
