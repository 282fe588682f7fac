/* l4a-brand.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_BRAND_MAX_FILE   (8 * 1024 * 1024)   /* bytes of one asset */
#define L4A_BRAND_MAX_PIXELS 8192                /* on either side */

typedef enum
{
  L4A_CONTRAST_AA_NORMAL   = 1 << 0,  /* 4.5: body text */
  L4A_CONTRAST_AA_LARGE    = 1 << 1,  /* 3: large text */
  L4A_CONTRAST_AAA_NORMAL  = 1 << 2,  /* 7 */
  L4A_CONTRAST_AAA_LARGE   = 1 << 3,  /* 4.5 */
  L4A_CONTRAST_GRAPHICS    = 1 << 4,  /* 3: lines, icons, chart marks */
} L4aContrastPasses;

typedef struct
{
  char  *id;
  char  *name;
  char  *role;
  char  *hex;
  char  *rgb;
  char  *cmyk;
  char  *pantone;
} L4aBrandColour;

#define L4A_TYPE_BRAND_ASSET (l4a_brand_asset_get_type ())

G_DECLARE_FINAL_TYPE (L4aBrandAsset, l4a_brand_asset, L4A, BRAND_ASSET, GObject)

/* A logo or label of the brand kit: an object whose texts ("name",
 * "kind", "variant", "media-type", "sha256"), "min-size-px" and
 * "clear-space" are properties notified when they change. */
struct _L4aBrandAsset
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *kind;        /* logo, label, icon, template, font */
  char    *variant;     /* primary, horizontal, stacked, mono, reversed */
  char    *media_type;
  char    *sha256;
  int      min_size_px;
  double   clear_space; /* a share of the asset's height kept clear around it */
  GBytes  *data;
  int      width;       /* its size in pixels, once known; 0 before */
  int      height;
  GObject *drawing;     /* an SVG as librsvg read it, once drawn: kept for
                         * drawing it again */
};

L4aContrastPasses l4a_contrast_passes     (double          ratio);
char             *l4a_contrast_format     (double          ratio);

gboolean    l4a_brand_is_default          (L4aStore       *store);
void        l4a_brand_colour_free         (L4aBrandColour *colour);
L4aBrandAsset *l4a_brand_asset_new       (const char     *media_type,
                                          GBytes         *data);
void        l4a_brand_asset_free          (L4aBrandAsset  *asset);
GPtrArray  *l4a_brand_list_colours        (L4aStore       *store,
                                           GError        **error);
GPtrArray  *l4a_brand_list_assets         (L4aStore       *store,
                                           GError        **error);
L4aBrandAsset *l4a_brand_get_label        (L4aStore       *store,
                                           GError        **error);

gboolean    l4a_brand_check_asset         (GBytes         *data,
                                           const char     *media_type,
                                           int            *width,
                                           int            *height,
                                           GError        **error);
char       *l4a_brand_guess_media_type    (const char     *name);
gboolean    l4a_brand_import_asset        (L4aStore       *store,
                                           const char     *name,
                                           const char     *kind,
                                           const char     *variant,
                                           GBytes         *data,
                                           const char     *media_type,
                                           GError        **error);

void        l4a_brand_asset_get_size      (L4aBrandAsset  *asset,
                                           int            *width,
                                           int            *height);
gboolean    l4a_brand_draw_asset          (L4aBrandAsset  *asset,
                                           cairo_t        *cr,
                                           double          x,
                                           double          y,
                                           double          width,
                                           double          height,
                                           GError        **error);
void        l4a_brand_label_proportions   (L4aBrandAsset  *label,
                                           double         *clear,
                                           double         *gap);
double      l4a_brand_label_height        (L4aBrandAsset  *label,
                                           const char     *hub_name,
                                           const char     *place,
                                           double          width);
gboolean    l4a_brand_draw_label          (L4aBrandAsset  *label,
                                           const char     *hub_name,
                                           const char     *place,
                                           cairo_t        *cr,
                                           double          width,
                                           const double    background[3],
                                           GError        **error);
gboolean    l4a_brand_export_label        (L4aStore       *store,
                                           const char     *hub_id,
                                           const char     *path,
                                           double          width,
                                           GError        **error);


G_END_DECLS
