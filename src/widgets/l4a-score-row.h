/* l4a-score-row.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-review.h"

G_BEGIN_DECLS

#define L4A_TYPE_SCORE_ROW (l4a_score_row_get_type ())

G_DECLARE_FINAL_TYPE (L4aScoreRow, l4a_score_row, L4A, SCORE_ROW, AdwPreferencesRow)

GtkWidget  *l4a_score_row_new           (const L4aScore *criterion,
                                         gboolean     editable);
const char *l4a_score_row_get_meaning   (L4aScoreRow *self);
gboolean    l4a_score_row_has_score     (L4aScoreRow *self);
int         l4a_score_row_get_score     (L4aScoreRow *self);
void        l4a_score_row_set_score     (L4aScoreRow *self,
                                         gboolean     has_score,
                                         int          score);
const char *l4a_score_level_meaning     (int          score,
                                         int          scale_min,
                                         int          scale_max);

G_END_DECLS
