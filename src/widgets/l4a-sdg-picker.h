/* l4a-sdg-picker.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define L4A_TYPE_SDG_PICKER (l4a_sdg_picker_get_type ())

G_DECLARE_FINAL_TYPE (L4aSdgPicker, l4a_sdg_picker, L4A, SDG_PICKER, GtkWidget)

GtkWidget *l4a_sdg_picker_new      (void);
guint      l4a_sdg_picker_get_sdgs (L4aSdgPicker *self);
void       l4a_sdg_picker_set_sdgs (L4aSdgPicker *self,
                                    guint         sdgs);

G_END_DECLS
