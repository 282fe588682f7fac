/* l4a-brand-view-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-brand-view.h"

G_BEGIN_DECLS

void      l4a_brand_view_reload       (L4aBrandView  *self);
gboolean  l4a_brand_view_select_hub   (L4aBrandView  *self,
                                       const char    *hub_id);
gboolean  l4a_brand_view_export_label (L4aBrandView  *self,
                                       const char    *path,
                                       int            width,
                                       GError       **error);
gboolean  l4a_brand_view_import_file  (L4aBrandView  *self,
                                       GFile         *file,
                                       GError       **error);
guint     l4a_brand_view_import_folder (L4aBrandView  *self,
                                       GFile         *folder,
                                       char         **problems);
guint     l4a_brand_view_get_n_assets (L4aBrandView  *self);

G_END_DECLS
