/* l4a-hub-page.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUB_PAGE (l4a_hub_page_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubPage, l4a_hub_page, L4A, HUB_PAGE, AdwBin)

gboolean    l4a_hub_page_show       (L4aHubPage  *self,
                                     L4aStore    *store,
                                     const char  *id,
                                     GError     **error);
const char *l4a_hub_page_get_hub_id (L4aHubPage  *self);

G_END_DECLS
