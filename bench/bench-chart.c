/* bench-chart.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart drawing: a line chart of 10 000 points onto an 800x400 image
 * (median of many draws; goal under 2 ms), next to cairo stroking the
 * same polyline alone as the baseline; one of 1 000 000 points (goal under
 * 20 ms: drawn from what each pixel column shows); and, given a registry
 * (the database bench-registry makes), the network dashboard over its hubs,
 * from the SQL counts to the charts drawn (goal under 30 ms at 100 000
 * hubs). Prints figures; asserts nothing.
 *
 *   bench-chart [POINTS] [DATABASE]
 */

#include "config.h"

#include <math.h>

#include "bench-utils.h"
#include "l4a-chart.h"
#include "l4a-charts.h"
#include "l4a-hub.h"
#include "l4a-hub-query.h"
#include "l4a-store.h"
#include "l4a-ticks.h"



int
main (int   argc,
      char *argv[])
{
  guint points = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  const char *database = argc > 2 ? argv[2] : NULL;
  g_autoptr(L4aChart) chart = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "Benchmark");
  L4aChartSeries *series = l4a_chart_add_series (chart, "Measurements", NULL, 0, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_times = g_array_new (FALSE, FALSE, sizeof (double));
  L4aChartStyle style;
  double start_day = l4a_day_from_iso ("2000-01-01");

  l4a_chart_add_series (chart, "Target", NULL, 1, 3);
  l4a_chart_add_series (chart, "Path", NULL, 2, 1);
  l4a_chart_set_progress (chart, start_day, 10, start_day + points + 365, 80, TRUE);
  for (guint i = 0; i < points; i++)
    l4a_chart_series_add (series, start_day + i, 10 + 50 * sin (i / 300.0) + i * 0.004, NULL);
  l4a_chart_style_init (&style, FALSE, FALSE);

  for (guint round = 0; round < 41; round++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      l4a_chart_draw (chart, cr, 800, 400, &style);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, ms);
      cairo_destroy (cr);

      /* the baseline: the same polyline, stroked by cairo alone */
      cr = cairo_create (surface);
      t0 = g_get_monotonic_time ();
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.1, 0.37, 0.7);
      cairo_set_line_width (cr, 2.5);
      for (guint i = 0; i < points; i++)
        {
          L4aChartPoint *p = &g_array_index (series->points, L4aChartPoint, i);
          double x = 40 + (p->x - start_day) / (points + 365) * 740, y = 380 - (p->y + 50) / 150 * 360;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (base_times, ms);
      cairo_destroy (cr);
    }
  bench_record ("line_chart_ms", bench_median (times));

  /* a million points: drawn from what each pixel column shows of them */
  {
    g_autoptr(L4aChart) big = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "Benchmark");
    L4aChartSeries *many = l4a_chart_add_series (big, "Measurements", NULL, 0, 0);
    g_autoptr(GArray) big_times = g_array_new (FALSE, FALSE, sizeof (double));
    guint n_big = 1000000;

    l4a_chart_add_series (big, "Target", NULL, 1, 3);
    l4a_chart_add_series (big, "Path", NULL, 2, 1);
    l4a_chart_set_progress (big, start_day, 10, start_day + n_big / 24.0 + 365, 80, TRUE);
    for (guint i = 0; i < n_big; i++)
      l4a_chart_series_add (many, start_day + i / 24.0, 10 + 50 * sin (i / 3000.0) + (i % 7) * 0.5, NULL);
    for (guint round = 0; round < 11; round++)
      {
        cairo_t *cr = cairo_create (surface);
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        l4a_chart_draw (big, cr, 800, 400, &style);
        cairo_surface_flush (surface);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (big_times, ms);
        cairo_destroy (cr);
      }
    bench_record ("line_chart_1m_ms", bench_median (big_times));
    g_print ("Line chart of %u points on 800x400: median %.2f ms (goal under 20 ms); %.1f times the 10 000-point chart\n",
             n_big, bench_median (big_times), bench_median (big_times) / bench_median (times));
  }
  g_print ("Line chart of %u points on 800x400: median %.2f ms (goal under 2 ms); "
           "cairo stroking the polyline alone: %.2f ms; ratio %.2f\n",
           points, bench_median (times), bench_median (base_times), bench_median (times) / bench_median (base_times));

  /* the dashboard over a registry, counted in SQLite as the Indicators
   * view counts it (the registry is the database bench-registry made) */
  if (database != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(L4aStore) store = l4a_store_open (database, &error);
      g_autoptr(GArray) dashboard_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(L4aHubQuery) hubs = NULL;
      guint n_hubs = 0;

      if (store == NULL)
        g_error ("%s: %s", database, error->message);
      /* the list the Hubs view shows, which the dashboard counts */
      hubs = l4a_hub_query_new_for_store (store);
      n_hubs = g_list_model_get_n_items (G_LIST_MODEL (hubs));
      for (guint round = 0; round < 7; round++)
        {
          gint64 t0 = g_get_monotonic_time ();
          double ms;
          cairo_t *cr;

          {
            g_autoptr(L4aChart) regions_chart = l4a_chart_hubs_by_region (hubs);
            g_autoptr(L4aChart) sdgs_chart = l4a_chart_hubs_by_sdg (hubs);
            g_autoptr(L4aChart) timeline = l4a_chart_hub_timeline (store, hubs, 40, NULL);

            cr = cairo_create (surface);
            l4a_chart_draw (regions_chart, cr, 560, 300, &style);
            l4a_chart_draw (sdgs_chart, cr, 560, 300, &style);
            l4a_chart_draw (timeline, cr, 1100, 1050, &style);
            cairo_destroy (cr);
          }
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (dashboard_times, ms);
        }
      bench_record ("dashboard_ms", bench_median (dashboard_times));
      g_print ("Dashboard (hubs per region and per goal, timeline) over %u hubs, counted in SQLite and drawn: "
               "median %.1f ms (goal under 30 ms)\n", n_hubs, bench_median (dashboard_times));
    }

  cairo_surface_destroy (surface);
  return 0;
}
