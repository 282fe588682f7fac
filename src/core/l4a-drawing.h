/* l4a-drawing.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *l4a_file_surface_new    (const char       *path,
                                          double            width,
                                          double            height,
                                          double            scale,
                                          const char       *what,
                                          GError          **error);
gboolean         l4a_file_surface_finish (cairo_surface_t  *surface,
                                          const char       *path,
                                          GError          **error);

/* Draws the pages of a PDF onto @cr (cairo_show_page() between them). */
typedef gboolean (*L4aPdfDraw) (cairo_t   *cr,
                                gpointer   data,
                                GError   **error);

gboolean         l4a_pdf_write           (const char       *path,
                                          double            width,
                                          double            height,
                                          const char       *title,
                                          L4aPdfDraw        draw,
                                          gpointer          data,
                                          GError          **error);

G_END_DECLS
