/* l4a-hub-editor.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUB_EDITOR (l4a_hub_editor_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubEditor, l4a_hub_editor, L4A, HUB_EDITOR, AdwWindow)

L4aHubEditor *l4a_hub_editor_new          (L4aStore     *store,
                                           const char   *hub_id,
                                           GError      **error);
gboolean      l4a_hub_editor_save         (L4aHubEditor *self,
                                           GError      **error);

G_END_DECLS
