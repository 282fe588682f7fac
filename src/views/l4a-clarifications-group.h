/* l4a-clarifications-group.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_CLARIFICATIONS_GROUP (l4a_clarifications_group_get_type ())

G_DECLARE_FINAL_TYPE (L4aClarificationsGroup, l4a_clarifications_group, L4A, CLARIFICATIONS_GROUP, AdwPreferencesGroup)

GtkWidget *l4a_clarifications_group_new    (L4aStore               *store,
                                            const char             *proposal_id);
guint      l4a_clarifications_group_get_n_questions (L4aClarificationsGroup *self);
gboolean   l4a_clarifications_group_ask    (L4aClarificationsGroup *self,
                                            const char             *question,
                                            GError                **error);
gboolean   l4a_clarifications_group_answer (L4aClarificationsGroup *self,
                                            guint                   index,
                                            const char             *answer,
                                            GError                **error);

G_END_DECLS
