/* l4a-government-row.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_GOVERNMENT_ROW (l4a_government_row_get_type ())

G_DECLARE_FINAL_TYPE (L4aGovernmentRow, l4a_government_row, L4A, GOVERNMENT_ROW, AdwActionRow)

void        l4a_government_row_set_store         (L4aGovernmentRow *self,
                                                  L4aStore         *store);
const char *l4a_government_row_get_government_id (L4aGovernmentRow *self);
void        l4a_government_row_set_government_id (L4aGovernmentRow *self,
                                                  const char       *id);

G_END_DECLS
