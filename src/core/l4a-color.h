/* l4a-color.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;    /* 0..1 */
  double green;
  double blue;
} L4aRgb;

gboolean l4a_rgb_parse_hex            (const char   *hex,
                                       L4aRgb       *rgb);
double   l4a_rgb_relative_luminance   (const L4aRgb *rgb);
double   l4a_contrast_ratio           (const L4aRgb *a,
                                       const L4aRgb *b);
gboolean l4a_rgb_prefers_dark_text    (const L4aRgb *background);

G_END_DECLS
