/* l4a-drawing.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawings written to files (charts, labels): the surface the file's name
 * asks for, PNG at a scale, SVG in pixels, PDF in points.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "l4a-drawing.h"

/**
 * l4a_file_surface_new:
 * @path: ends in .png, .svg or .pdf
 * @scale: pixels per unit of a PNG
 * @what: what is drawn, for the message, such as "a chart"
 *
 * Returns: (transfer full): a surface to draw on, then to pass to
 *   l4a_file_surface_finish(); or %NULL with @error set
 */
cairo_surface_t *
l4a_file_surface_new (const char  *path,
                      double       width,
                      double       height,
                      double       scale,
                      const char  *what,
                      GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;

  if (g_str_has_suffix (lower, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else if (g_str_has_suffix (lower, ".svg"))
    {
      surface = cairo_svg_surface_create (path, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      /* translators: a file name, then what is drawn, such as “chart.gif”: a chart is written as … */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s”: %s is written as .png, .svg or .pdf."),
                   path, what);
      return NULL;
    }
  /* cairo gives an error surface rather than none: too large, no memory,
   * a file it cannot create */
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be drawn: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/**
 * l4a_file_surface_finish:
 * @surface: (transfer full): from l4a_file_surface_new()
 *
 * Writes the PNG, or finishes the SVG or PDF, and frees @surface.
 */
gboolean
l4a_file_surface_finish (cairo_surface_t  *surface,
                         const char       *path,
                         GError          **error)
{
  cairo_status_t status;

  cairo_surface_flush (surface);
  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be written: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * l4a_pdf_write:
 * @title: (nullable): the document's title, in its metadata
 * @draw: draws the pages
 *
 * Writes a PDF of pages @width by @height points at @path: beside it first
 * and renamed into place, so that a failure never leaves half a file.
 */
gboolean
l4a_pdf_write (const char  *path,
               double       width,
               double       height,
               const char  *title,
               L4aPdfDraw   draw,
               gpointer     data,
               GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (partial, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  gboolean ok;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Local4Action Hubs");
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  ok = draw (cr, data, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* translators: a file name, then the reason */
                   _("“%s” cannot be written: %s."), path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("“%s” cannot be written: %s."), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_remove (partial);
  return ok;
}
