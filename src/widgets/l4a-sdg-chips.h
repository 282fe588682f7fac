/* l4a-sdg-chips.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define L4A_TYPE_SDG_CHIPS (l4a_sdg_chips_get_type ())

G_DECLARE_FINAL_TYPE (L4aSdgChips, l4a_sdg_chips, L4A, SDG_CHIPS, GtkWidget)

GtkWidget *l4a_sdg_chips_new          (void);
GtkWidget *l4a_sdg_chips_new_for_cell (void);
guint      l4a_sdg_chips_get_sdgs (L4aSdgChips *self);
void       l4a_sdg_chips_set_sdgs (L4aSdgChips *self,
                                   guint        sdgs);

G_END_DECLS
