/* l4a-expertise-dialog.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-choice-row.h"
#include "l4a-member.h"
#include "l4a-sdg-picker.h"

G_BEGIN_DECLS

#define L4A_TYPE_EXPERTISE_DIALOG (l4a_expertise_dialog_get_type ())

G_DECLARE_FINAL_TYPE (L4aExpertiseDialog, l4a_expertise_dialog, L4A, EXPERTISE_DIALOG, AdwWindow)

L4aExpertiseDialog *l4a_expertise_dialog_new  (GtkWindow           *parent,
                                               L4aStore            *store,
                                               GError             **error);
gboolean            l4a_expertise_dialog_save (L4aExpertiseDialog  *self,
                                               GError             **error);

/* The rows of what a member can review, shared with the Members window. */
void l4a_expertise_rows_fill (L4aChoiceRow        *languages,
                              L4aChoiceRow        *axes,
                              L4aChoiceRow        *regions);
void l4a_expertise_rows_show (L4aChoiceRow        *languages,
                              L4aChoiceRow        *axes,
                              L4aChoiceRow        *regions,
                              L4aSdgPicker        *goals,
                              const L4aMemberEdit *edit);
void l4a_expertise_rows_read (L4aChoiceRow        *languages,
                              L4aChoiceRow        *axes,
                              L4aChoiceRow        *regions,
                              L4aSdgPicker        *goals,
                              L4aMemberEdit       *edit);

G_END_DECLS
