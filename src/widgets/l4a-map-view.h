/* l4a-map-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "l4a-hub-query.h"

G_BEGIN_DECLS

#define L4A_TYPE_MAP_VIEW (l4a_map_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aMapView, l4a_map_view, L4A, MAP_VIEW, GtkWidget)

GtkWidget  *l4a_map_view_new            (void);
void        l4a_map_view_set_links      (L4aMapView *self,
                                         GPtrArray  *governments);
void        l4a_map_view_set_query      (L4aMapView  *self,
                                         L4aHubQuery *query,
                                         gboolean     any_country);
guint       l4a_map_view_get_n_markers  (L4aMapView *self);
guint       l4a_map_view_get_n_places   (L4aMapView *self);
guint       l4a_map_view_get_n_unplaced (L4aMapView *self);
guint       l4a_map_view_get_place      (L4aMapView *self,
                                         const char *government_id,
                                         double     *x,
                                         double     *y);
char       *l4a_map_view_describe_place (L4aMapView *self,
                                         const char *government_id);
void        l4a_map_view_activate_place (L4aMapView *self,
                                         const char *government_id);
GPtrArray  *l4a_map_view_dup_regions    (L4aMapView *self);
guint       l4a_map_view_get_marker_count (L4aMapView *self,
                                         const char *country);
void        l4a_map_view_set_selected   (L4aMapView *self,
                                         const char *country);
const char *l4a_map_view_get_selected   (L4aMapView *self);
double      l4a_map_view_get_zoom       (L4aMapView *self);
void        l4a_map_view_show_whole_world (L4aMapView *self);
void        l4a_map_view_zoom           (L4aMapView *self,
                                         double      factor);
char       *l4a_map_view_describe       (L4aMapView *self,
                                         const char *country);

G_END_DECLS
