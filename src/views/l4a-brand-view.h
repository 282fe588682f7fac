/* l4a-brand-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_BRAND_VIEW (l4a_brand_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aBrandView, l4a_brand_view, L4A, BRAND_VIEW, GtkWidget)

void      l4a_brand_view_set_store    (L4aBrandView  *self,
                                       L4aStore      *store);
GtkWidget *l4a_label_export_button   (const char    *action);
void      l4a_label_export_choose     (GtkWidget     *widget,
                                       L4aStore      *store,
                                       const char    *hub_id,
                                       const char    *format);
void l4a_brand_view_set_context (L4aBrandView *self, L4aContext *context);

G_END_DECLS
