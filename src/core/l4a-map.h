/* l4a-map.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "l4a-color.h"

G_BEGIN_DECLS

/* What part of the world is shown: the point at the centre, in projected
 * units, and a zoom factor (1 shows the whole world). */
typedef struct
{
  double center_x;
  double center_y;
  double zoom;
} L4aMapCamera;

typedef struct
{
  L4aRgb background;
  L4aRgb land;
  L4aRgb border;
  L4aRgb highlight;    /* the country under the pointer, or chosen */
  L4aRgb outline;      /* around markers */
  L4aRgb text;         /* the legend's */
  gboolean dark;
  gboolean legend;     /* name the regions' colours in a corner */
} L4aMapStyle;

/* Hubs of one country, drawn as one marker sized by their number. */
/* A marker: the hubs led from one place, or a group of nearby places. */
typedef struct
{
  const char *country;   /* ISO 3166-1 alpha-2; NULL: a group over several */
  const char *region;    /* region code, for the colour; NULL: several */
  guint       count;     /* hubs */
  guint       n_places;  /* 1, or how many places a group holds */
  double      x;         /* where, projected (l4a_map_locate) */
  double      y;
} L4aMapMarker;

#define L4A_MAP_MIN_ZOOM 1.0
#define L4A_MAP_MAX_ZOOM 12.0

void        l4a_map_camera_reset        (L4aMapCamera        *view);
void        l4a_map_camera_clamp        (L4aMapCamera        *view);
void        l4a_map_camera_zoom_at      (L4aMapCamera        *view,
                                       int                width,
                                       int                height,
                                       double             px,
                                       double             py,
                                       double             factor);
void        l4a_map_camera_pan          (L4aMapCamera        *view,
                                       int                width,
                                       int                height,
                                       double             dx,
                                       double             dy);
void        l4a_map_project           (double             longitude,
                                       double             latitude,
                                       double            *x,
                                       double            *y);
void        l4a_map_to_pixels         (const L4aMapCamera  *view,
                                       int                width,
                                       int                height,
                                       double             x,
                                       double             y,
                                       double            *px,
                                       double            *py);
gboolean    l4a_map_marker_position   (const L4aMapCamera  *view,
                                       int                width,
                                       int                height,
                                       const char        *country,
                                       double            *px,
                                       double            *py);
gboolean    l4a_map_locate            (const char        *country,
                                       gboolean           located,
                                       double             latitude,
                                       double             longitude,
                                       double            *x,
                                       double            *y);
GArray     *l4a_map_cluster           (const L4aMapCamera *view,
                                       int                width,
                                       int                height,
                                       const L4aMapMarker *markers,
                                       guint              n_markers,
                                       guint             *group_of);
double      l4a_map_marker_radius     (guint              count);
const char *l4a_map_country_at        (const L4aMapCamera  *view,
                                       int                width,
                                       int                height,
                                       double             px,
                                       double             py);
int         l4a_map_marker_at         (const L4aMapCamera  *view,
                                       int                width,
                                       int                height,
                                       const L4aMapMarker *markers,
                                       guint              n_markers,
                                       double             px,
                                       double             py);
void        l4a_map_region_colour     (const char        *region,
                                       gboolean           dark,
                                       L4aRgb            *rgb);
void        l4a_map_render            (cairo_t           *cr,
                                       int                width,
                                       int                height,
                                       const L4aMapCamera  *view,
                                       const L4aMapStyle *style,
                                       const L4aMapMarker *markers,
                                       guint              n_markers,
                                       const char        *highlight);
void        l4a_map_render_markers    (cairo_t           *cr,
                                       int                width,
                                       int                height,
                                       const L4aMapCamera *view,
                                       const L4aMapStyle *style,
                                       const L4aMapMarker *markers,
                                       guint              n_markers);
guint       l4a_map_n_countries       (void);

G_END_DECLS
