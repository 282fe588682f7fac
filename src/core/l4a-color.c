/* l4a-color.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-color"

#include "config.h"

#include <math.h>
#include <string.h>

#include "l4a-color.h"

/* Colour maths of WCAG 2.x, exactly as the standard writes it. */

/**
 * l4a_rgb_parse_hex:
 * @hex: "#RRGGBB" (or "RRGGBB"), either case
 */
gboolean
l4a_rgb_parse_hex (const char *hex,
                   L4aRgb     *rgb)
{
  guint values[3];

  g_return_val_if_fail (rgb != NULL, FALSE);

  if (hex == NULL)
    return FALSE;
  if (hex[0] == '#')
    hex++;
  if (strlen (hex) != 6)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (hex[i * 2]);
      int low = g_ascii_xdigit_value (hex[i * 2 + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      values[i] = (guint) (high * 16 + low);
    }

  rgb->red = values[0] / 255.0;
  rgb->green = values[1] / 255.0;
  rgb->blue = values[2] / 255.0;
  return TRUE;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
l4a_rgb_relative_luminance (const L4aRgb *rgb)
{
  return 0.2126 * linear (rgb->red) + 0.7152 * linear (rgb->green) + 0.0722 * linear (rgb->blue);
}

/**
 * l4a_contrast_ratio:
 *
 * Returns: the WCAG contrast ratio of two colours, from 1 to 21
 */
double
l4a_contrast_ratio (const L4aRgb *a,
                    const L4aRgb *b)
{
  double la = l4a_rgb_relative_luminance (a);
  double lb = l4a_rgb_relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Whether black text reads better than white on @background. */
gboolean
l4a_rgb_prefers_dark_text (const L4aRgb *background)
{
  static const L4aRgb black = { 0, 0, 0 };
  static const L4aRgb white = { 1, 1, 1 };

  return l4a_contrast_ratio (background, &black) > l4a_contrast_ratio (background, &white);
}
