/* test-brand.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The brand kit: contrast by the WCAG 2.x formula, hostile SVG and raster
 * files refused with their reason, the co-branded label inside its clear
 * space for long names, and labels written to files that read back.
 */

#include "config.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>

#include "core-test-utils.h"
#include "l4a-brand.h"
#include "l4a-color.h"

static char *tmpdir;

static double
ratio_of (const char *a,
          const char *b)
{
  L4aRgb x, y;

  g_assert_true (l4a_rgb_parse_hex (a, &x));
  g_assert_true (l4a_rgb_parse_hex (b, &y));
  return l4a_contrast_ratio (&x, &y);
}

static void
test_contrast (void)
{
  g_autofree char *grey = l4a_contrast_format (ratio_of ("#777777", "#FFFFFF"));
  g_autofree char *blue = l4a_contrast_format (ratio_of ("#1C71D8", "#FFFFFF"));
  g_autofree char *black = l4a_contrast_format (ratio_of ("#000000", "#FFFFFF"));
  g_autofree char *almost = l4a_contrast_format (4.4951);
  g_autofree char *same = l4a_contrast_format (ratio_of ("#1B4F8C", "#1B4F8C"));

  g_assert_cmpstr (grey, ==, "4.48:1");
  g_assert_cmpstr (blue, ==, "4.77:1");
  g_assert_cmpstr (black, ==, "21.00:1");
  g_assert_cmpstr (same, ==, "1.00:1");
  /* never shown at a threshold it does not reach */
  g_assert_cmpstr (almost, ==, "4.49:1");
  /* the order of the pair does not matter */
  g_assert_cmpfloat (ratio_of ("#FFFFFF", "#777777"), ==, ratio_of ("#777777", "#FFFFFF"));

  /* #777777 on white fails AA for body text, passes for large text and graphics */
  g_assert_false (l4a_contrast_passes (ratio_of ("#777777", "#FFFFFF")) & L4A_CONTRAST_AA_NORMAL);
  g_assert_true (l4a_contrast_passes (ratio_of ("#777777", "#FFFFFF")) & L4A_CONTRAST_AA_LARGE);
  g_assert_true (l4a_contrast_passes (ratio_of ("#777777", "#FFFFFF")) & L4A_CONTRAST_GRAPHICS);
  g_assert_true (l4a_contrast_passes (ratio_of ("#1C71D8", "#FFFFFF")) & L4A_CONTRAST_AA_NORMAL);
  g_assert_false (l4a_contrast_passes (ratio_of ("#1C71D8", "#FFFFFF")) & L4A_CONTRAST_AAA_NORMAL);
  g_assert_cmpint (l4a_contrast_passes (21), ==, L4A_CONTRAST_AA_NORMAL | L4A_CONTRAST_AA_LARGE |
                                                 L4A_CONTRAST_AAA_NORMAL | L4A_CONTRAST_AAA_LARGE |
                                                 L4A_CONTRAST_GRAPHICS);
  g_assert_cmpint (l4a_contrast_passes (2.99), ==, 0);
  g_assert_false (l4a_contrast_passes (6.999) & L4A_CONTRAST_AAA_NORMAL);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  GByteArray *bytes = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static void
expect_refused (const char *what,
                GBytes     *data,
                const char *media_type,
                const char *says)
{
  g_autoptr(GError) error = NULL;

  if (l4a_brand_check_asset (data, media_type, NULL, NULL, &error))
    g_error ("%s was accepted", what);
  g_assert_nonnull (error);
  if (says != NULL && strstr (error->message, says) == NULL)
    g_error ("%s: “%s” does not say “%s”", what, error->message, says);
}

static GBytes *
text (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static void
test_hostile_assets (void)
{
  static const struct { const char *name, *svg, *says; } svgs[] = {
    { "script", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><script>alert(1)</script></svg>",
      "script" },
    { "entity", "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><text>&x;</text></svg>", "entity" },
    { "external image", "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
                        "width='10' height='10'><image xlink:href='http://example.org/x.png' width='10' "
                        "height='10'/></svg>", "network" },
    { "local file", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><image href='/etc/x.png' "
                    "width='10' height='10'/></svg>", "other files" },
    { "css url", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect style=\"fill: url('http://"
                 "example.org/p.svg#x')\" width='10' height='10'/></svg>", "network" },
    { "css import", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><style>@import url(x.css);"
                    "</style></svg>", NULL },
    { "foreign object", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><foreignObject>"
                        "<div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject></svg>", NULL },
    { "huge", "<svg xmlns='http://www.w3.org/2000/svg' width='100000' height='100000'/>", "8192" },
    { "no size", "<svg xmlns='http://www.w3.org/2000/svg'/>", NULL },
    { "not xml", "<svg <<< this is not xml", "cannot be read" },
    { "truncated", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect", "cannot be read" },
    { "not svg", "<html><body>hello</body></html>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (svgs); i++)
    {
      g_autoptr(GBytes) data = text (svgs[i].svg);

      expect_refused (svgs[i].name, data, "image/svg+xml", svgs[i].says);
    }

  /* raster */
  {
    g_autoptr(GBytes) good = make_png (64, 32);
    g_autoptr(GBytes) huge = make_png (9000, 2);
    g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr(GBytes) not_png = text ("GIF89a this is a gif");
    g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
    g_autoptr(GBytes) big = g_bytes_new_take (g_malloc0 (L4A_BRAND_MAX_FILE + 1), L4A_BRAND_MAX_FILE + 1);
    g_autoptr(GError) error = NULL;
    int w = 0, h = 0;

    g_assert_true (l4a_brand_check_asset (good, "image/png", &w, &h, &error));
    g_assert_no_error (error);
    g_assert_cmpint (w, ==, 64);
    g_assert_cmpint (h, ==, 32);
    expect_refused ("huge PNG", huge, "image/png", "8192");
    expect_refused ("empty", empty, "image/png", "empty");
    expect_refused ("GIF as PNG", not_png, "image/png", "not a PNG");
    expect_refused ("PNG as JPEG", good, "image/jpeg", "not a JPEG");
    expect_refused ("truncated PNG", truncated, "image/png", NULL);
    expect_refused ("too big a file", big, "image/png", "8 MB");
    expect_refused ("a PDF", good, "application/pdf", "SVG, PNG or JPEG");
  }

  /* and a good SVG passes, with its size */
  {
    g_autoptr(GBytes) good = text ("<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'>"
                                   "<defs><linearGradient id='g'/></defs><rect fill='url(#g)' width='120' "
                                   "height='40'/><use href='#g'/></svg>");
    g_autoptr(GError) error = NULL;
    int w = 0, h = 0;

    g_assert_true (l4a_brand_check_asset (good, "image/svg+xml", &w, &h, &error));
    g_assert_no_error (error);
    g_assert_cmpint (w, ==, 120);
    g_assert_cmpint (h, ==, 40);
  }
}

/* The label stays inside its clear space, however long the name. */
static void
test_label_bounds (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "brand.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBrandAsset) label = l4a_brand_get_label (store, &error);
  static const char * const names[] = {
    "Àrea Metropolitana de Barcelona – Metropolitan Area of Barcelona",
    "Hub",
    "Supercalifragilisticexpialidociousandevenlongerwordwithoutanyspaceatall Hub",
    "A hub whose name goes on and on across many words, far more than any label should ever have to hold, "
    "so that it must be cut short",
  };
  static const double white[3] = { 1, 1, 1 };

  g_assert_no_error (error);
  g_assert_nonnull (label);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint w = 0; w < 2; w++)
      {
        double width = w ? 1200 : label->min_size_px;
        double height = l4a_brand_label_height (label, names[i], "Barcelona, Spain", width);
        double clear = label->clear_space * (width * (160.0 / 480) / (1 + 2 * label->clear_space * 160.0 / 480));
        cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cairo_t *cr = cairo_create (recording);
        double x0, y0, iw, ih;

        /* drawn without its background, the ink is the mark and the text */
        g_assert_true (l4a_brand_draw_label (label, names[i], "Barcelona, Spain", cr, width, NULL, &error));
        g_assert_no_error (error);
        cairo_destroy (cr);
        cairo_recording_surface_ink_extents (recording, &x0, &y0, &iw, &ih);
        cairo_surface_destroy (recording);
        if (x0 < clear - 1 || y0 < clear - 1 || x0 + iw > width - clear + 1 || y0 + ih > height - clear + 1)
          g_error ("“%s” at %.0f px: ink %.1f,%.1f %.1f×%.1f leaves the clear space %.1f of %.0f×%.0f",
                   names[i], width, x0, y0, iw, ih, clear, width, height);
        /* and the name is there */
        g_assert_cmpfloat (ih, >, height / 3);
      }
  (void) white;
}

static void
test_label_files (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "label-files.sqlite");
  g_autofree char *hub = l4a_test_sql_text (l4a_store_get_path (store), "SELECT id FROM hub ORDER BY name LIMIT 1");
  g_autofree char *png = g_build_filename (tmpdir, "label.png", NULL);
  g_autofree char *svg = g_build_filename (tmpdir, "label.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "label.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  int status;

  g_assert_true (l4a_brand_export_label (store, hub, png, 640, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  cairo_surface_destroy (image);

  g_assert_true (l4a_brand_export_label (store, hub, svg, 640, &error));
  {
    RsvgHandle *handle = rsvg_handle_new_from_file (svg, &error);
    double w, h;

    g_assert_no_error (error);
    g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h));
    g_assert_cmpfloat (w, ==, 640);
    g_object_unref (handle);
  }

  g_assert_true (l4a_brand_export_label (store, hub, pdf, 640, &error));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdfinfo", pdf, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, &out, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Page size:"));

  /* a database without a kit uses the application's own */
  {
    g_autofree char *fresh_path = g_build_filename (tmpdir, "no-kit.sqlite", NULL);
    g_autoptr(L4aStore) fresh = l4a_store_open (fresh_path, &error);
    g_autoptr(L4aBrandAsset) own = NULL;
    g_autoptr(GPtrArray) colours = NULL;

    g_assert_no_error (error);
    g_assert_true (l4a_brand_is_default (fresh));
    own = l4a_brand_get_label (fresh, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (own->media_type, ==, "image/svg+xml");
    colours = l4a_brand_list_colours (fresh, &error);
    g_assert_cmpuint (colours->len, ==, 5);
    g_assert_false (l4a_brand_is_default (store));
  }

  /* a kit with a logo but no label still draws labels with the application's own */
  {
    g_autofree char *logo_path = g_build_filename (tmpdir, "logo-only.sqlite", NULL);
    g_autoptr(L4aStore) logo_only = l4a_store_open (logo_path, &error);
    g_autoptr(GBytes) png_logo = make_png (40, 40);
    g_autoptr(L4aBrandAsset) own = NULL;
    g_autoptr(GPtrArray) colours = NULL;

    g_assert_true (l4a_brand_import_asset (logo_only, "Logo", "logo", "primary", png_logo, "image/png", &error));
    g_assert_false (l4a_brand_is_default (logo_only));
    own = l4a_brand_get_label (logo_only, &error);
    g_assert_nonnull (own);
    g_assert_cmpstr (own->kind, ==, "label");
    colours = l4a_brand_list_colours (logo_only, &error);
    g_assert_cmpuint (colours->len, ==, 5);
  }

  /* below the minimum size, and unknown formats and hubs, are refused */
  g_assert_false (l4a_brand_export_label (store, hub, png, 40, &error));
  g_assert_nonnull (strstr (error->message, "at least"));
  g_clear_error (&error);
  g_assert_false (l4a_brand_export_label (store, hub, "label.gif", 640, &error));
  g_clear_error (&error);
  g_assert_false (l4a_brand_export_label (store, "no-such-hub", png, 640, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
}

static void
test_import_asset (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "brand-import.sqlite");
  g_autoptr(GBytes) png = make_png (200, 100);
  g_autoptr(GBytes) bad = text ("<svg><script/></svg>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  gint64 before = l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM brand_asset");

  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, NULL);
  g_assert_false (l4a_brand_import_asset (store, "Logo", "logo", "primary", png, "image/png", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_brand_import_asset (store, "Logo", "logo", "primary", bad, "image/svg+xml", &error));
  g_clear_error (&error);
  g_assert_false (l4a_brand_import_asset (store, "Logo", "poster", "primary", png, "image/png", &error));
  g_clear_error (&error);
  g_assert_cmpint (l4a_test_sql_int (l4a_store_get_path (store), "SELECT count(*) FROM brand_asset"), ==, before);
  g_assert_true (l4a_brand_import_asset (store, "Partner logo", "logo", "primary", png, "image/png", &error));
  g_assert_no_error (error);
  assets = l4a_brand_list_assets (store, &error);
  g_assert_cmpuint (assets->len, ==, before + 1);

  /* a raster asset draws */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
    cairo_t *cr = cairo_create (surface);

    for (guint i = 0; i < assets->len; i++)
      g_assert_true (l4a_brand_draw_asset (g_ptr_array_index (assets, i), cr, 0, 0, 100, 100, &error));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  {
    g_autofree char *type = l4a_brand_guess_media_type ("Logo.SVG");

    g_assert_cmpstr (type, ==, "image/svg+xml");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/brand/contrast", test_contrast);
  g_test_add_func ("/core/brand/hostile-assets", test_hostile_assets);
  g_test_add_func ("/core/brand/label-bounds", test_label_bounds);
  g_test_add_func ("/core/brand/label-files", test_label_files);
  g_test_add_func ("/core/brand/import-asset", test_import_asset);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-brand-XXXXXX");
}
