/* l4a-accessible.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char      *l4a_mnemonic_strip                   (const char *mnemonic);
void       l4a_accessible_fix_button_names      (GtkWidget  *root);
void       l4a_accessible_present               (GtkWindow  *window);
void       l4a_window_add_close_shortcuts       (GtkWindow  *window);
GtkWidget *l4a_remove_button_new                (const char *label);
GtkWidget *l4a_button_new_with_mnemonic         (const char *mnemonic);
GtkWidget *l4a_toggle_button_new_with_mnemonic  (const char *mnemonic);
void       l4a_label_tooltip_when_cut           (GtkLabel   *label);
GtkWidget *l4a_inscription_new_for_cell         (guint       nat_chars);
void       l4a_inscription_set_text             (GtkWidget  *inscription,
                                                 const char *text);

G_END_DECLS
