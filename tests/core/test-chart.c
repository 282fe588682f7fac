/* test-chart.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticks, verdicts, charts drawn onto image surfaces and checked by their
 * pixels, SVG read back by librsvg, PDF read by pdfinfo, and every chart
 * of the sample data.
 */

#include "config.h"

#include <librsvg/rsvg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core-test-utils.h"
#include "l4a-chart.h"
#include "l4a-color.h"
#include "l4a-map.h"
#include "l4a-charts.h"
#include "l4a-hub-query.h"
#include "l4a-hub.h"
#include "l4a-reports.h"
#include "l4a-ticks.h"

static char *tmpdir;

static void
assert_ticks (double      lo,
              double      hi,
              guint       wanted,
              double      min,
              double      max,
              double      step)
{
  L4aTicks ticks;

  l4a_ticks_nice (lo, hi, wanted, &ticks);
  g_assert_cmpfloat_with_epsilon (ticks.min, min, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.max, max, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks.step, step, fabs (step) * 1e-9);
  g_assert_cmpuint (ticks.n, ==, (guint) round ((max - min) / step) + 1);
}

static void
test_ticks (void)
{
  L4aTicks ticks;

  /* Heckbert's example: 5..86 in about 5 ticks is 0, 20, …, 100 */
  assert_ticks (5, 86, 5, 0, 100, 20);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpfloat (l4a_ticks_value (&(L4aTicks) { 0, 100, 20, 6, 0 }, i), ==, i * 20.0);
  assert_ticks (0, 1, 6, 0, 1, 0.2);
  assert_ticks (-37, -3, 5, -40, 0, 10);
  assert_ticks (-5, 5, 5, -6, 6, 2);
  assert_ticks (0.001, 0.0042, 5, 0.001, 0.005, 0.001);

  /* one value: a range around it that holds it */
  l4a_ticks_nice (5, 5, 5, &ticks);
  g_assert_cmpfloat (ticks.min, <=, 5);
  g_assert_cmpfloat (ticks.max, >, 5);
  l4a_ticks_nice (1234, 1234, 5, &ticks);
  g_assert_cmpfloat (ticks.min, <, 1234);
  g_assert_cmpfloat (ticks.max, >, 1234);

  /* all zero */
  l4a_ticks_nice (0, 0, 5, &ticks);
  g_assert_cmpfloat (ticks.min, ==, 0);
  g_assert_cmpfloat (ticks.max, ==, 1);

  /* a very small range far from zero */
  l4a_ticks_nice (1.0000001, 1.0000004, 5, &ticks);
  g_assert_cmpfloat (ticks.min, <=, 1.0000001);
  g_assert_cmpfloat (ticks.max, >=, 1.0000004);
  g_assert_cmpuint (ticks.n, <=, L4A_TICKS_MAX);
  g_assert_cmpint (ticks.digits, >=, 7);

  /* huge values, and values beyond double */
  l4a_ticks_nice (0, 3e12, 5, &ticks);
  g_assert_cmpfloat (ticks.max, >=, 3e12);
  g_assert_cmpfloat (ticks.step, ==, 1e12);
  l4a_ticks_nice (-1e308, 1e308, 5, &ticks);
  g_assert_true (isfinite (ticks.min) && isfinite (ticks.max) && isfinite (ticks.step));
  g_assert_cmpuint (ticks.n, >=, 2);
  l4a_ticks_nice (NAN, INFINITY, 5, &ticks);
  g_assert_cmpfloat (ticks.min, ==, 0);
  g_assert_cmpfloat (ticks.max, ==, 1);

  /* reversed */
  assert_ticks (86, 5, 5, 0, 100, 20);
}

static void
test_date_ticks (void)
{
  L4aDateTicks ticks;
  g_autofree char *first = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpfloat (l4a_day_from_iso ("1970-01-01"), ==, 0);
  g_assert_cmpfloat (l4a_day_from_iso ("2026-11-22"), ==, 20779);
  g_assert_true (isnan (l4a_day_from_iso ("2026-02-30")));
  g_assert_true (isnan (l4a_day_from_iso ("soon")));

  l4a_date_ticks (l4a_day_from_iso ("2024-03-10"), l4a_day_from_iso ("2027-10-01"), 6, &ticks);
  g_assert_cmpint (ticks.unit, ==, L4A_DATE_STEP_YEAR);
  g_assert_cmpuint (ticks.n, ==, 3);
  first = l4a_day_to_iso (ticks.days[0]);
  g_assert_cmpstr (first, ==, "2025-01-01");
  label = l4a_date_tick_label (&ticks, ticks.days[0]);
  g_assert_cmpstr (label, ==, "2025");

  l4a_date_ticks (l4a_day_from_iso ("2026-01-15"), l4a_day_from_iso ("2026-12-20"), 12, &ticks);
  g_assert_cmpint (ticks.unit, ==, L4A_DATE_STEP_MONTH);
  g_assert_cmpuint (ticks.n, ==, 11);
  g_clear_pointer (&first, g_free);
  first = l4a_day_to_iso (ticks.days[0]);
  g_assert_cmpstr (first, ==, "2026-02-01");

  l4a_date_ticks (l4a_day_from_iso ("2026-01-01"), l4a_day_from_iso ("2026-01-20"), 4, &ticks);
  g_assert_cmpint (ticks.unit, ==, L4A_DATE_STEP_WEEK);
  for (guint i = 0; i < ticks.n; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) ticks.days[i] + 719163);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
    }
}

static L4aChart *
progress_chart (double   baseline,
                double   target,
                gboolean higher,
                double   last)
{
  L4aChart *chart = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "Test");
  L4aChartSeries *series = l4a_chart_add_series (chart, "Measurements", NULL, 0, 0);

  l4a_chart_add_series (chart, "Target", NULL, 1, 3);
  l4a_chart_add_series (chart, "Path", NULL, 2, 1);
  l4a_chart_set_progress (chart, l4a_day_from_iso ("2024-01-01"), baseline, l4a_day_from_iso ("2028-01-01"), target,
                          higher);
  l4a_chart_series_add (series, l4a_day_from_iso ("2025-01-01"), (baseline + last) / 2, "first");
  l4a_chart_series_add (series, l4a_day_from_iso ("2026-01-01"), last, "last");
  return chart;
}

static void
test_verdicts (void)
{
  struct { double baseline, target; gboolean higher; double last; L4aVerdict verdict; } cases[] = {
    /* halfway through the time (2026-01-01 of 2024..2028), the path expects 20.0068 */
    { 10, 30, TRUE, 20.1, L4A_VERDICT_ON_TRACK },
    { 10, 30, TRUE, 20, L4A_VERDICT_OFF_TRACK },
    { 10, 30, TRUE, 31, L4A_VERDICT_REACHED },
    { 50, 10, FALSE, 29.9, L4A_VERDICT_ON_TRACK },
    { 50, 10, FALSE, 30.1, L4A_VERDICT_OFF_TRACK },
    { 50, 10, FALSE, 9, L4A_VERDICT_REACHED },
    { -5, 5, TRUE, 0.1, L4A_VERDICT_ON_TRACK },
    { -5, 5, TRUE, 0, L4A_VERDICT_OFF_TRACK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(L4aChart) chart = progress_chart (cases[i].baseline, cases[i].target, cases[i].higher, cases[i].last);

      g_assert_cmpint (l4a_chart_compute_verdict (chart), ==, cases[i].verdict);
      g_assert_nonnull (chart->verdict_text);
    }

  {
    g_autoptr(L4aChart) chart = progress_chart (10, 30, TRUE, 20.1);

    /* how it was computed is said */
    l4a_chart_compute_verdict (chart);
    g_assert_nonnull (strstr (chart->verdict_text, "20.1"));
    g_assert_nonnull (strstr (chart->verdict_text, "20.01"));
    g_assert_null (strstr (chart->verdict_text, "20.0068"));
    g_assert_nonnull (strstr (chart->verdict_text, "a steady way from"));

    /* no target: no verdict */
    chart->target_value = NAN;
    g_assert_cmpint (l4a_chart_compute_verdict (chart), ==, L4A_VERDICT_NONE);

    /* no measurements: no verdict */
    g_array_set_size (((L4aChartSeries *) g_ptr_array_index (chart->series, 0))->points, 0);
    chart->target_value = 30;
    g_assert_cmpint (l4a_chart_compute_verdict (chart), ==, L4A_VERDICT_NONE);
  }
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double           rgb[3])
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static gboolean
near_colour (const double a[3],
             const double b[3])
{
  return fabs (a[0] - b[0]) < 0.08 && fabs (a[1] - b[1]) < 0.08 && fabs (a[2] - b[2]) < 0.08;
}

/* Drawn onto an image: the target line where the target is, the bars in
 * their categories' colours, and empty data said in words. */
static void
test_render_pixels (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 360);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(L4aChart) chart = progress_chart (10, 30, TRUE, 20);
  L4aChartStyle style;
  L4aChartHit *target = NULL;
  double rgb[3];
  gboolean found = FALSE;

  l4a_chart_style_init (&style, FALSE, FALSE);
  l4a_chart_draw (chart, cr, 600, 360, &style);
  cairo_surface_flush (surface);
  for (guint i = 0; i < chart->hits->len; i++)
    if (g_array_index (chart->hits, L4aChartHit, i).series == 1)
      target = &g_array_index (chart->hits, L4aChartHit, i);
  g_assert_nonnull (target);
  /* the dashed target line runs across: one of a few pixels along it has its colour */
  for (int dx = 0; dx < 12 && !found; dx++)
    {
      pixel_at (surface, 80 + dx, (int) target->y, rgb);
      found = near_colour (rgb, style.palette[1]);
    }
  g_assert_true (found);
  /* the background stays the background far from everything */
  pixel_at (surface, 599, 1, rgb);
  g_assert_true (near_colour (rgb, style.bg));
  /* each measurement can be found again by its position */
  g_assert_cmpint (l4a_chart_hit_at (chart, target->x, target->y, 4), >=, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* bars in the colour of their category */
  {
    g_autoptr(L4aChart) bars = l4a_chart_new (L4A_CHART_BARS, "bars", "Bars");
    L4aChartSeries *series = l4a_chart_add_series (bars, "Hubs", NULL, 0, 1);
    double sdg11[3] = { 0xfd / 255.0, 0x9d / 255.0, 0x24 / 255.0 };
    L4aChartHit *bar;

    l4a_chart_add_category (bars, "10", "#DD1367");
    l4a_chart_add_category (bars, "11", "#FD9D24");
    l4a_chart_series_add (series, 0, 3, "10: 3");
    l4a_chart_series_add (series, 1, 7, "11: 7");
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
    cr = cairo_create (surface);
    l4a_chart_draw (bars, cr, 400, 300, &style);
    cairo_surface_flush (surface);
    g_assert_cmpuint (bars->hits->len, ==, 2);
    bar = &g_array_index (bars->hits, L4aChartHit, 1);
    pixel_at (surface, (int) bar->x, (int) bar->y, rgb);
    g_assert_true (near_colour (rgb, sdg11));
    /* the taller value, the taller bar */
    g_assert_cmpfloat (bar->bottom - bar->top, >,
                       g_array_index (bars->hits, L4aChartHit, 0).bottom - g_array_index (bars->hits, L4aChartHit, 0).top);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* empty, all-zero and negative data draw without trouble */
  {
    g_autoptr(L4aChart) empty = l4a_chart_new (L4A_CHART_BARS, "empty", "Empty");
    g_autoptr(L4aChart) zeros = l4a_chart_new (L4A_CHART_STACKED_BARS, "zeros", "Zeros");
    g_autoptr(L4aChart) negative = progress_chart (-10, -2, TRUE, -6);
    g_autoptr(L4aChart) single = l4a_chart_new (L4A_CHART_PROGRESS, "single", "Single");
    L4aChartSeries *series = l4a_chart_add_series (zeros, "A", NULL, 0, 1);

    l4a_chart_add_category (zeros, "x", NULL);
    l4a_chart_series_add (series, 0, 0, "0");
    l4a_chart_series_add (l4a_chart_add_series (single, "M", NULL, 0, 0), 20000, 4, "4");
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
    cr = cairo_create (surface);
    l4a_chart_draw (empty, cr, 300, 200, &style);
    g_assert_cmpuint (empty->hits->len, ==, 0);
    l4a_chart_draw (zeros, cr, 300, 200, &style);
    l4a_chart_draw (negative, cr, 300, 200, &style);
    g_assert_cmpuint (negative->hits->len, >=, 2);
    l4a_chart_draw (single, cr, 300, 200, &style);
    g_assert_cmpuint (single->hits->len, ==, 1);
    /* tiny */
    l4a_chart_draw (negative, cr, 20, 10, &style);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* Every chart of the sample, to PNG, SVG and PDF. */
/* The network's activity: the bars count what SQLite counts. */
static void
test_monitoring_charts (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "monitoring-charts.sqlite");
  const char *path = l4a_store_get_path (store);
  g_autoptr(L4aChart) deliverables = l4a_chart_deliverables_by_status (store, NULL);
  g_autoptr(L4aChart) quarters = l4a_chart_activities_per_quarter (store, NULL);
  L4aChartSeries *series;
  double total = 0;

  g_assert_nonnull (deliverables);
  series = g_ptr_array_index (deliverables->series, 0);
  g_assert_cmpuint (deliverables->categories->len, ==, 5);
  for (guint i = 0; i < series->points->len; i++)
    total += g_array_index (series->points, L4aChartPoint, i).y;
  g_assert_cmpfloat (total, ==, l4a_test_sql_int (path, "SELECT count(*) FROM deliverable WHERE hub_id IS NOT NULL"));

  g_assert_nonnull (quarters);
  series = g_ptr_array_index (quarters->series, 0);
  total = 0;
  for (guint i = 0; i < series->points->len; i++)
    total += g_array_index (series->points, L4aChartPoint, i).y;
  g_assert_cmpfloat (total, ==, l4a_test_sql_int (path, "SELECT count(*) FROM activity"));
  /* the reports: every period ended, in one bar or another */
  {
    g_autoptr(L4aChart) reports = l4a_chart_reporting_status (store, NULL);
    L4aReportingCounts counts;

    g_assert_nonnull (reports);
    g_assert_true (l4a_reporting_count (store, &counts, NULL));
    series = g_ptr_array_index (reports->series, 0);
    g_assert_cmpfloat (g_array_index (series->points, L4aChartPoint, 0).y, ==, counts.on_time);
    g_assert_cmpfloat (g_array_index (series->points, L4aChartPoint, 3).y, ==, counts.overdue);
    g_assert_cmpuint (counts.on_time + counts.late, >=,
                      l4a_test_sql_int (path, "SELECT count(*) FROM progress_report WHERE status = 'acknowledged'"));
  }
  /* every quarter from the first to the last, empty ones too */
  {
    g_autofree char *first = l4a_test_sql_text (path, "SELECT min (happened_on) FROM activity");
    g_autofree char *last = l4a_test_sql_text (path, "SELECT max (happened_on) FROM activity");
    int span = (atoi (last) * 4 + (atoi (last + 5) - 1) / 3) - (atoi (first) * 4 + (atoi (first + 5) - 1) / 3) + 1;

    g_assert_cmpint (quarters->categories->len, ==, span);
  }
}

static void
test_sample_charts (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "charts.sqlite");
  g_autofree char *indicator = l4a_test_sql_text (l4a_store_get_path (store),
                                                  "SELECT indicator_id FROM measurement GROUP BY indicator_id "
                                                  "ORDER BY count(*) DESC LIMIT 1");
  g_autofree char *call = l4a_test_sql_text (l4a_store_get_path (store),
                                             "SELECT call_id FROM proposal WHERE state = 'under-review' LIMIT 1");
  const char * const *names = l4a_charts_list ();
  L4aChartStyle style;

  l4a_chart_style_init (&style, TRUE, FALSE);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 9);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(L4aChart) chart = l4a_charts_build (store, names[i], g_str_equal (names[i], "indicator") ? indicator
                                                                                                    : call, &error);
      g_autofree char *png = g_strdup_printf ("%s/%s.png", tmpdir, names[i]);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", tmpdir, names[i]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", tmpdir, names[i]);
      g_autofree char *out = NULL;
      g_autoptr(GObject) handle = NULL;
      g_autoptr(GPtrArray) table = NULL;
      cairo_surface_t *image;
      double w, h;
      int status;

      g_assert_no_error (error);
      g_assert_nonnull (chart);
      g_assert_false (l4a_chart_is_empty (chart));
      g_assert_nonnull (chart->description);
      table = l4a_chart_table (chart);
      g_assert_cmpuint (table->len, >=, 2);

      g_assert_true (l4a_chart_export (chart, png, 640, 360, 2, &style, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 720);
      cairo_surface_destroy (image);

      g_assert_true (l4a_chart_export (chart, svg, 640, 360, 1, &style, &error));
      handle = G_OBJECT (rsvg_handle_new_from_file (svg, &error));
      g_assert_no_error (error);
      g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (RSVG_HANDLE (handle), &w, &h));
      g_assert_cmpfloat (w, ==, 640);
      g_assert_cmpfloat (h, ==, 360);

      g_assert_true (l4a_chart_export (chart, pdf, 640, 360, 1, &style, &error));
      g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdfinfo", pdf, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "640 x 360 pts"));
    }

  /* unknown names and missing arguments are refused */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(L4aChart) regions = l4a_charts_build (store, "hubs-by-region", NULL, NULL);

    g_assert_null (l4a_charts_build (store, "pie", NULL, &error));
    g_assert_nonnull (strstr (error->message, "chart --list"));
    g_clear_error (&error);
    g_assert_null (l4a_charts_build (store, "indicator", NULL, &error));
    g_clear_error (&error);
    g_assert_null (l4a_charts_build (store, "indicator", "no-such-indicator", &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (l4a_chart_export (regions, "x.gif", 600, 400, 1, &style, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

/* The timeline marks the deliverables still due of the hubs it shows, and
 * only theirs, each on its hub's row: read for those hubs, not for the
 * whole registry. */
static void
test_timeline_deliverables (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "timeline.sqlite");
  g_autoptr(L4aHubQuery) hubs = l4a_hub_query_new_for_store (store);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (hubs));
  guint rows[] = { 3, 6, 0 };

  g_assert_cmpuint (total, >, 6);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(L4aChart) chart = l4a_chart_hub_timeline (store, hubs, rows[r], &error);
      g_autoptr(GPtrArray) shown = l4a_hub_query_ending_last (hubs, rows[r] ? rows[r] : total);
      g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM deliverable WHERE status <> 'done' "
                                             "AND due_on IS NOT NULL AND hub_id IN (");
      L4aChartSeries *markers;

      g_assert_no_error (error);
      g_assert_nonnull (chart);
      for (guint i = 0; i < shown->len; i++)
        g_string_append_printf (sql, "%s'%s'", i ? ", " : "", l4a_hub_get_id (g_ptr_array_index (shown, i)));
      g_string_append (sql, ")");
      markers = g_ptr_array_index (chart->series, 1);
      g_assert_cmpuint (chart->categories->len, ==, shown->len);
      g_assert_cmpint (markers->points->len, ==, l4a_test_sql_int (l4a_store_get_path (store), sql->str));
      for (guint i = 0; i < markers->points->len; i++)
        g_assert_cmpfloat (g_array_index (markers->points, L4aChartPoint, i).y, <, shown->len);
    }
  /* the whole registry: every deliverable still due of a hub */
  {
    g_autoptr(L4aChart) chart = l4a_chart_hub_timeline (store, hubs, 0, NULL);
    L4aChartSeries *markers = g_ptr_array_index (chart->series, 1);

    g_assert_cmpint (markers->points->len, ==,
                     l4a_test_sql_int (l4a_store_get_path (store),
                                       "SELECT count(*) FROM deliverable WHERE status <> 'done' "
                                       "AND due_on IS NOT NULL AND hub_id IS NOT NULL"));
    g_assert_cmpuint (markers->points->len, >, 0);
  }
}

/* Every series colour stands out from the background by at least 3:1, in
 * light, dark and high contrast. */
static void
test_contrast (void)
{
  for (guint dark = 0; dark <= 1; dark++)
    for (guint high = 0; high <= 1; high++)
      {
        L4aChartStyle style;
        L4aRgb bg, fg;

        l4a_chart_style_init (&style, dark, high);
        bg = (L4aRgb) { style.bg[0], style.bg[1], style.bg[2] };
        fg = (L4aRgb) { style.fg[0], style.fg[1], style.fg[2] };
        g_assert_cmpfloat (l4a_contrast_ratio (&fg, &bg), >=, high ? 7 : 4.5);
        for (guint i = 0; i < 6; i++)
          {
            L4aRgb colour = { style.palette[i][0], style.palette[i][1], style.palette[i][2] };
            double ratio = l4a_contrast_ratio (&colour, &bg);

            if (ratio < 3)
              g_error ("series colour %u of the %s style is only %.2f:1", i, dark ? "dark" : "light", ratio);
          }
      }
}

/* Draws @chart onto a new image. */
static cairo_surface_t *
draw_image (L4aChart            *chart,
            const L4aChartStyle *style,
            double               scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (800 * scale), (int) (400 * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  l4a_chart_draw (chart, cr, 800, 400, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The share of pixels of @a and @b that differ by more than antialiasing. */
static double
differing (cairo_surface_t *a,
           cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 3; c++)
        if (abs (pa[y * stride + x * 4 + c] - pb[y * stride + x * 4 + c]) > 96)
          {
            n++;
            break;
          }
  return (double) n / (width * height);
}

/* A line of many more points than pixels is drawn from what each pixel
 * column shows of it: the same picture as every point, at a cost that does
 * not grow with the points; the data table still has every point. */
static void
test_reduced_line (void)
{
  static const guint sizes[] = { 5000, 200000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint scaled = 1; scaled <= 2; scaled++)
      {
        g_autoptr(L4aChart) chart = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "Many points");
        L4aChartSeries *series = l4a_chart_add_series (chart, "Measurements", NULL, 0, 0);
        double start = l4a_day_from_iso ("2000-01-01");
        guint n = sizes[s];
        L4aChartStyle every, reduced;
        cairo_surface_t *full, *fast;
        g_autoptr(GPtrArray) table = NULL;
        double share;
        guint32 state = 12345;

        l4a_chart_add_series (chart, "Target", NULL, 1, 3);
        l4a_chart_add_series (chart, "Path", NULL, 2, 1);
        l4a_chart_set_progress (chart, start, 10, start + n + 365, 80, TRUE);
        for (guint i = 0; i < n; i++)
          {
            /* a trend, a wave and noise with spikes: what a reduction could lose */
            double noise;

            state = state * 1664525u + 1013904223u;
            noise = (state >> 8) / (double) (1u << 24) - 0.5;
            l4a_chart_series_add (series, start + i, 20 + 30 * sin (i / (n / 7.0)) + 10 * noise +
                                  (i % 997 == 0 ? 25 : 0), NULL);
          }
        l4a_chart_style_init (&every, FALSE, FALSE);
        every.every_point = TRUE;
        l4a_chart_style_init (&reduced, FALSE, FALSE);
        full = draw_image (chart, &every, scaled);
        g_assert_cmpuint (chart->hits->len, >=, n);
        fast = draw_image (chart, &reduced, scaled);
        share = differing (full, fast);
        g_test_message ("%u points at scale %u: %.4f%% of the pixels differ", n, scaled, share * 100);
        g_assert_cmpfloat (share, <, 0.0025);
        /* what a pointer reaches is what is drawn (all of it while the
         * points are fewer than four a pixel column); the table has everything */
        if (n > 4 * 800 * scaled)
          g_assert_cmpuint (chart->hits->len, <=, 4 * 800 * scaled + 8);
        table = l4a_chart_table (chart);
        g_assert_cmpuint (table->len, >=, n + 1);
        cairo_surface_destroy (full);
        cairo_surface_destroy (fast);
      }
}

/* Markers stand at their places; those that would overlap at this zoom
 * are grouped, with the sum of their hubs, at the middle of them; zoomed
 * in, they part again. */
static void
test_map_groups (void)
{
  /* Montréal, Québec City, Kitchener (Canada); Soria, Barcelona (Spain);
   * Perpignan (France, near Barcelona); a place at the middle of Kenya */
  static const struct { const char *country, *region; double latitude, longitude; gboolean located; guint count; }
  places[] = {
    { "CA", "north-america", 45.5017, -73.5673, TRUE, 3 },
    { "CA", "north-america", 46.8139, -71.2080, TRUE, 1 },
    { "CA", "north-america", 43.4516, -80.4925, TRUE, 1 },
    { "ES", "europe", 41.7636, -2.4649, TRUE, 1 },
    { "ES", "europe", 41.3874, 2.1686, TRUE, 2 },
    { "FR", "europe", 42.6887, 2.8948, TRUE, 1 },
    { "KE", "africa", 0, 0, FALSE, 4 },
  };
  L4aMapMarker markers[G_N_ELEMENTS (places)];
  guint group_of[G_N_ELEMENTS (places)];
  L4aMapCamera camera;
  g_autoptr(GArray) world = NULL;
  g_autoptr(GArray) close = NULL;
  guint total = 0;
  double kenya_x, kenya_y, px, py;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      markers[i] = (L4aMapMarker) { places[i].country, places[i].region, places[i].count, 1, 0, 0 };
      g_assert_true (l4a_map_locate (places[i].country, places[i].located, places[i].latitude, places[i].longitude,
                                     &markers[i].x, &markers[i].y));
    }
  /* countries too small for the 1:110m shapes have a marker all the same
   * (Singapore, Malta, Monaco: from the 1:50m ones) */
  g_assert_true (l4a_map_locate ("SG", FALSE, 0, 0, &px, &py));
  g_assert_true (l4a_map_locate ("MT", FALSE, 0, 0, &px, &py));
  g_assert_true (l4a_map_locate ("MC", FALSE, 0, 0, &px, &py));
  /* an unknown country has no middle; a located place needs none */
  g_assert_false (l4a_map_locate ("XX", FALSE, 0, 0, &px, &py));
  g_assert_true (l4a_map_locate ("XX", TRUE, 10, 20, &px, &py));
  g_assert_false (l4a_map_locate ("XX", TRUE, NAN, 20, &px, &py));

  /* the middle of Kenya is in Kenya */
  l4a_map_camera_reset (&camera);
  l4a_map_locate ("KE", FALSE, 0, 0, &kenya_x, &kenya_y);
  l4a_map_to_pixels (&camera, 1000, 500, kenya_x, kenya_y, &px, &py);
  g_assert_cmpstr (l4a_map_country_at (&camera, 1000, 500, px, py), ==, "KE");
  /* and Barcelona's place is in Spain */
  l4a_map_to_pixels (&camera, 1000, 500, markers[4].x, markers[4].y, &px, &py);
  g_assert_cmpstr (l4a_map_country_at (&camera, 1000, 500, px, py), ==, "ES");

  /* the whole world, 1000 px wide: Montréal and Québec City are one group,
   * Barcelona and Perpignan another, over two countries and one region */
  world = l4a_map_cluster (&camera, 1000, 500, markers, G_N_ELEMENTS (markers), group_of);
  g_assert_cmpuint (group_of[0], ==, group_of[1]);
  g_assert_cmpuint (group_of[4], ==, group_of[5]);
  g_assert_cmpuint (group_of[0], !=, group_of[4]);
  g_assert_cmpuint (group_of[6], !=, group_of[0]);
  for (guint g = 0; g < world->len; g++)
    {
      const L4aMapMarker *group = &g_array_index (world, L4aMapMarker, g);

      total += group->count;
      if (g > 0)
        g_assert_cmpfloat (group->x, >=, g_array_index (world, L4aMapMarker, g - 1).x);   /* west to east */
    }
  g_assert_cmpuint (total, ==, 13);
  {
    const L4aMapMarker *quebec = &g_array_index (world, L4aMapMarker, group_of[0]);
    const L4aMapMarker *catalonia = &g_array_index (world, L4aMapMarker, group_of[4]);

    g_assert_cmpstr (quebec->country, ==, "CA");
    g_assert_cmpuint (quebec->count, >=, 4);
    /* at the middle of its hubs: nearer Montréal (3) than Québec City (1) */
    g_assert_cmpfloat (hypot (quebec->x - markers[0].x, quebec->y - markers[0].y), <,
                       hypot (quebec->x - markers[1].x, quebec->y - markers[1].y));
    g_assert_null (catalonia->country);
    g_assert_cmpstr (catalonia->region, ==, "europe");
    g_assert_cmpuint (catalonia->n_places, >=, 2);
  }

  /* close in on Catalonia: every place its own marker, where it is */
  camera.center_x = markers[4].x;
  camera.center_y = markers[4].y;
  camera.zoom = L4A_MAP_MAX_ZOOM;
  close = l4a_map_cluster (&camera, 1000, 500, markers, G_N_ELEMENTS (markers), group_of);
  g_assert_cmpuint (close->len, ==, G_N_ELEMENTS (markers));
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const L4aMapMarker *alone = &g_array_index (close, L4aMapMarker, group_of[i]);

      g_assert_cmpuint (alone->count, ==, places[i].count);
      g_assert_cmpuint (alone->n_places, ==, 1);
      g_assert_cmpfloat (alone->x, ==, markers[i].x);
      g_assert_cmpstr (alone->country, ==, places[i].country);
    }
  /* the marker under Barcelona's pixel is Barcelona's */
  l4a_map_to_pixels (&camera, 1000, 500, markers[4].x, markers[4].y, &px, &py);
  g_assert_cmpint (l4a_map_marker_at (&camera, 1000, 500, (const L4aMapMarker *) (gpointer) close->data, close->len,
                                      px + 3, py - 3), ==, (int) group_of[4]);
  g_assert_cmpint (l4a_map_marker_at (&camera, 1000, 500, (const L4aMapMarker *) (gpointer) close->data, close->len,
                                      px + 200, py + 200), ==, -1);

  /* many places at one point make one marker, however close the zoom */
  {
    L4aMapMarker same[500];
    g_autoptr(GArray) one = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (same); i++)
      same[i] = markers[6];
    one = l4a_map_cluster (&camera, 1000, 500, same, G_N_ELEMENTS (same), NULL);
    g_assert_cmpuint (one->len, ==, 1);
    g_assert_cmpuint (g_array_index (one, L4aMapMarker, 0).count, ==, 2000);
    g_assert_cmpfloat (l4a_map_marker_radius (2000), <=, 30);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/chart/ticks", test_ticks);
  g_test_add_func ("/core/chart/date-ticks", test_date_ticks);
  g_test_add_func ("/core/chart/verdicts", test_verdicts);
  g_test_add_func ("/core/chart/contrast", test_contrast);
  g_test_add_func ("/core/chart/render-pixels", test_render_pixels);
  g_test_add_func ("/core/chart/monitoring-charts", test_monitoring_charts);
  g_test_add_func ("/core/chart/sample-charts", test_sample_charts);
  g_test_add_func ("/core/chart/reduced-line", test_reduced_line);
  g_test_add_func ("/core/chart/timeline-deliverables", test_timeline_deliverables);
  g_test_add_func ("/core/map/groups", test_map_groups);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-chart-XXXXXX");
}
