/* fuzz-asset.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brand asset checks against arbitrary bytes, as SVG, PNG and JPEG: never
 * a crash, and either a refusal with a message or an image of a sane size
 * that draws. Built as a libFuzzer target with -Dfuzzing=true; otherwise
 * it replays the files named on its command line.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "l4a-brand.h"

static void
set_up (void)
{
}

static void
run_one (const uint8_t *data,
         size_t         size)
{
  static const char * const types[] = { "image/svg+xml", "image/png", "image/jpeg" };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GError) error = NULL;
      int width = 0, height = 0;

      if (l4a_brand_check_asset (bytes, types[i], &width, &height, &error))
        {
          g_autoptr(L4aBrandAsset) asset = l4a_brand_asset_new (types[i], bytes);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
          cairo_t *cr = cairo_create (surface);

          g_assert_cmpint (width, >, 0);
          g_assert_cmpint (height, >, 0);
          g_assert_cmpint (width, <=, L4A_BRAND_MAX_PIXELS);
          g_assert_cmpint (height, <=, L4A_BRAND_MAX_PIXELS);
          l4a_brand_draw_asset (asset, cr, 0, 0, 64, 64, NULL);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
      else
        g_assert_nonnull (error);
    }
}

#include "fuzz-main.h"
