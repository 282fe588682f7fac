/* l4a-adaptive-split.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define L4A_TYPE_ADAPTIVE_SPLIT (l4a_adaptive_split_get_type ())

G_DECLARE_FINAL_TYPE (L4aAdaptiveSplit, l4a_adaptive_split, L4A, ADAPTIVE_SPLIT, GtkWidget)

GtkWidget *l4a_adaptive_split_new           (void);
void       l4a_adaptive_split_set_side      (L4aAdaptiveSplit *self,
                                             GtkWidget        *side);
GtkWidget *l4a_adaptive_split_get_side      (L4aAdaptiveSplit *self);
void       l4a_adaptive_split_set_main      (L4aAdaptiveSplit *self,
                                             GtkWidget        *main);
GtkWidget *l4a_adaptive_split_get_main      (L4aAdaptiveSplit *self);
gboolean   l4a_adaptive_split_get_folded    (L4aAdaptiveSplit *self);
void       l4a_adaptive_split_set_side_at_end (L4aAdaptiveSplit *self,
                                             gboolean          side_at_end);
void       l4a_adaptive_split_set_threshold (L4aAdaptiveSplit *self,
                                             int               width);

G_END_DECLS
