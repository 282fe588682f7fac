/* l4a-chart.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts drawn with cairo and pango onto any cairo_t: the window, PNG,
 * SVG and PDF files. A chart is plain data (series of points, categories)
 * and a kind; drawing lays it out for the size given and remembers where
 * each point went, for tooltips and keyboard focus.
 *
 * What the points mean, by kind:
 * - progress: series 0 are measurements (x a day, y the value);
 * - bars: series 0, point i is category i (y the value);
 * - stacked bars: series s, point i is category i (y the value);
 * - timeline: series 0, point i is category (row) i, from day x to day y;
 *   series 1 are markers (x a day, y the row);
 * - scores: series 0 are reviews (x the score, y the row), series 1 the
 *   means and series 2 the medians (x the value, y the row).
 */

#define G_LOG_DOMAIN "l4a-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "l4a-chart.h"
#include "l4a-drawing.h"
#include "l4a-ticks.h"

/* Markers are left out above this many points: a line says it all. */
#define MAX_MARKERS 400

static void
point_clear (gpointer data)
{
  g_free (((L4aChartPoint *) data)->label);
}

static void
series_free (gpointer data)
{
  L4aChartSeries *series = data;

  g_free (series->name);
  g_free (series->colour);
  g_array_unref (series->points);
  g_free (series);
}

static void
category_free (gpointer data)
{
  L4aChartCategory *category = data;

  g_free (category->label);
  g_free (category->colour);
  g_free (category);
}

L4aChart *
l4a_chart_new (L4aChartKind  kind,
               const char   *name,
               const char   *title)
{
  L4aChart *chart = g_new0 (L4aChart, 1);

  chart->kind = kind;
  chart->name = g_strdup (name);
  chart->title = g_strdup (title);
  chart->categories = g_ptr_array_new_with_free_func (category_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->hits = g_array_new (FALSE, TRUE, sizeof (L4aChartHit));
  chart->baseline_day = chart->baseline_value = NAN;
  chart->target_day = chart->target_value = NAN;
  chart->higher_is_better = TRUE;
  chart->today = NAN;
  chart->y_min = chart->y_max = NAN;
  return chart;
}

void
l4a_chart_free (L4aChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->name);
  g_free (chart->title);
  g_free (chart->description);
  g_free (chart->x_label);
  g_free (chart->y_label);
  g_free (chart->unit);
  g_free (chart->verdict_text);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->hits);
  g_free (chart);
}

L4aChartSeries *
l4a_chart_add_series (L4aChart   *chart,
                      const char *name,
                      const char *colour,
                      int         dash,
                      int         marker)
{
  L4aChartSeries *series = g_new0 (L4aChartSeries, 1);

  series->name = g_strdup (name);
  series->colour = g_strdup (colour);
  series->dash = dash;
  series->marker = marker;
  series->points = g_array_new (FALSE, TRUE, sizeof (L4aChartPoint));
  g_array_set_clear_func (series->points, point_clear);
  g_ptr_array_add (chart->series, series);
  return series;
}

void
l4a_chart_series_add (L4aChartSeries *series,
                      double          x,
                      double          y,
                      const char     *label)
{
  L4aChartPoint point = { x, y, g_strdup (label) };

  g_array_append_val (series->points, point);
}

void
l4a_chart_add_category (L4aChart   *chart,
                        const char *label,
                        const char *colour)
{
  L4aChartCategory *category = g_new0 (L4aChartCategory, 1);

  category->label = g_strdup (label);
  category->colour = g_strdup (colour);
  g_ptr_array_add (chart->categories, category);
}

void
l4a_chart_set_progress (L4aChart *chart,
                        double    baseline_day,
                        double    baseline_value,
                        double    target_day,
                        double    target_value,
                        gboolean  higher_is_better)
{
  chart->baseline_day = baseline_day;
  chart->baseline_value = baseline_value;
  chart->target_day = target_day;
  chart->target_value = target_value;
  chart->higher_is_better = higher_is_better;
}

static L4aChartSeries *
series_at (L4aChart *chart,
           guint     i)
{
  return i < chart->series->len ? g_ptr_array_index (chart->series, i) : NULL;
}

static L4aChartPoint *
point_at (L4aChartSeries *series,
          guint           i)
{
  return &g_array_index (series->points, L4aChartPoint, i);
}

/* A value with its unit, as the verdict says it. */
/* The fewest decimals (up to 3) that write @value exactly. */
static int
decimals_of (double value)
{
  int digits;

  for (digits = 0; digits < 3; digits++)
    if (fabs (value * pow (10, digits) - round (value * pow (10, digits))) < 1e-9 * MAX (1, fabs (value)))
      break;
  return digits;
}

static char *
with_unit_digits (L4aChart *chart,
                  double    value,
                  int       digits)
{
  g_autofree char *number = l4a_format_number (value, digits);

  if (chart->unit == NULL || *chart->unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (chart->unit, "%"))
    return g_strconcat (number, "%", NULL);
  /* translators: a number and its unit, such as 24.4 µg/m³ */
  return g_strdup_printf (_("%s %s"), number, chart->unit);
}

static char *
with_unit (L4aChart *chart,
           double    value)
{
  return with_unit_digits (chart, value, -1);
}

/**
 * l4a_chart_compute_verdict:
 *
 * Whether an indicator is on track: its latest measurement against the
 * straight path from the baseline to the target at the same date, in the
 * direction that is better. Without a baseline, the first measurement
 * stands for it. Sets the verdict and the text that says how it was
 * reached.
 */
L4aVerdict
l4a_chart_compute_verdict (L4aChart *chart)
{
  L4aChartSeries *measurements = series_at (chart, 0);
  double b_day = chart->baseline_day, b_value = chart->baseline_value;
  double t_day = chart->target_day, t_value = chart->target_value;
  g_autofree char *last_text = NULL, *last_day = NULL, *expected_text = NULL;
  g_autofree char *b_text = NULL, *b_day_text = NULL, *t_text = NULL, *t_day_text = NULL;
  L4aChartPoint *last;
  double expected;
  gboolean better;

  g_clear_pointer (&chart->verdict_text, g_free);
  chart->verdict = L4A_VERDICT_NONE;

  if (measurements == NULL || measurements->points->len == 0)
    {
      chart->verdict_text = g_strdup (_("No measurements yet: progress cannot be judged."));
      return chart->verdict;
    }
  if (!isfinite (t_value) || !isfinite (t_day))
    {
      chart->verdict_text = g_strdup (_("No target with a date: progress cannot be judged."));
      return chart->verdict;
    }
  if (!isfinite (b_value) || !isfinite (b_day))
    {
      b_day = point_at (measurements, 0)->x;
      b_value = point_at (measurements, 0)->y;
    }

  last = point_at (measurements, measurements->points->len - 1);
  for (guint i = 0; i < measurements->points->len; i++)
    if (point_at (measurements, i)->x >= last->x)
      last = point_at (measurements, i);

  last_text = with_unit (chart, last->y);
  last_day = l4a_format_day (last->x);
  t_text = with_unit (chart, t_value);
  t_day_text = l4a_format_day (t_day);
  b_text = with_unit (chart, b_value);
  b_day_text = l4a_format_day (b_day);

  if (chart->higher_is_better ? last->y >= t_value : last->y <= t_value)
    {
      chart->verdict = L4A_VERDICT_REACHED;
      /* translators: the latest value, its date, then the target */
      chart->verdict_text = g_strdup_printf (_("Target reached: %s on %s meets the target of %s."),
                                             last_text, last_day, t_text);
      return chart->verdict;
    }

  if (t_day <= b_day)
    expected = t_value;
  else if (last->x >= t_day)
    expected = t_value;
  else if (last->x <= b_day)
    expected = b_value;
  else
    expected = b_value + (t_value - b_value) * (last->x - b_day) / (t_day - b_day);
  /* a value on the way is written a decimal finer than the values it lies
   * between, so that it differs from the latest where it does (20.01 beside
   * 20.1, not 20.006849); whole counts stay whole (4 179 people) */
  {
    int digits = MAX (decimals_of (last->y), MAX (decimals_of (t_value), decimals_of (b_value)));

    expected_text = with_unit_digits (chart, expected, digits == 0 ? 0 : MIN (digits + 1, 3));
  }

  better = chart->higher_is_better ? last->y >= expected : last->y <= expected;
  chart->verdict = better ? L4A_VERDICT_ON_TRACK : L4A_VERDICT_OFF_TRACK;
  chart->verdict_text = g_strdup_printf (
    better
      /* translators: the latest value and its date; the value expected by then on a steady way from the baseline
       * (a value and its date) to the target (a value and its date); then "higher" or "lower" */
      ? _("On track: %s on %s, where a steady way from %s on %s to the target of %s by %s would be at %s "
          "(%s is better).")
      : _("Off track: %s on %s, where a steady way from %s on %s to the target of %s by %s would be at %s "
          "(%s is better)."),
    last_text, last_day, b_text, b_day_text, t_text, t_day_text, expected_text,
    chart->higher_is_better ? _("higher") : _("lower"));
  return chart->verdict;
}

gboolean
l4a_chart_is_empty (L4aChart *chart)
{
  for (guint s = 0; s < chart->series->len; s++)
    if (series_at (chart, s)->points->len > 0)
      return FALSE;
  return TRUE;
}

/* Style ------------------------------------------------------------------------ */

static void
set_rgb (double      rgb[3],
         const char *hex)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

/**
 * l4a_chart_style_init:
 *
 * Colours for the light or dark style, or high contrast: every series
 * colour is at least 3:1 against the background.
 */
void
l4a_chart_style_init (L4aChartStyle *style,
                      gboolean       dark,
                      gboolean       high_contrast)
{
  static const char * const light[] = { "#1a5fb4", "#c64600", "#26a269", "#813d9c", "#865e3c", "#c01c28" };
  static const char * const darks[] = { "#62a0ea", "#ffa348", "#57e389", "#dc8add", "#cdab8f", "#f66151" };

  memset (style, 0, sizeof *style);
  set_rgb (style->bg, dark ? "#1e1e1e" : "#ffffff");
  set_rgb (style->fg, dark ? (high_contrast ? "#ffffff" : "#eeeeec") : (high_contrast ? "#000000" : "#241f31"));
  set_rgb (style->grid, dark ? (high_contrast ? "#767676" : "#3d3846") : (high_contrast ? "#767676" : "#deddda"));
  set_rgb (style->muted, dark ? "#c0bfbc" : "#5e5c64");
  for (guint i = 0; i < 6; i++)
    set_rgb (style->palette[i], dark ? darks[i] : light[i]);
  style->high_contrast = high_contrast;
  style->font = "Cantarell 10";
}

/* Drawing ---------------------------------------------------------------------- */

typedef struct
{
  L4aChart            *chart;
  cairo_t             *cr;
  const L4aChartStyle *style;
  PangoLayout         *layout;
  double               left, top, right, bottom;  /* the plot area */
  double               x_min, x_max, y_min, y_max;
} Plot;

static void
source (cairo_t      *cr,
        const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
series_colour (Plot           *plot,
               guint           index,
               L4aChartSeries *series,
               double          rgb[3])
{
  if (series != NULL && series->colour != NULL && series->colour[0] == '#')
    set_rgb (rgb, series->colour);
  else
    memcpy (rgb, plot->style->palette[index % 6], sizeof (double) * 3);
}

static void
text_size (Plot       *plot,
           const char *text,
           double     *width,
           double     *height)
{
  int w, h;

  pango_layout_set_text (plot->layout, text, -1);
  pango_layout_get_pixel_size (plot->layout, &w, &h);
  *width = w;
  *height = h;
}

/* Draws @text with its anchor (@ax, @ay: 0 left/top, 0.5 centre, 1
 * right/bottom) at @x, @y, turned by @angle radians. */
static void
draw_text (Plot         *plot,
           const char   *text,
           double        x,
           double        y,
           double        ax,
           double        ay,
           double        angle,
           const double  rgb[3])
{
  double w, h;

  text_size (plot, text, &w, &h);
  cairo_save (plot->cr);
  cairo_translate (plot->cr, x, y);
  cairo_rotate (plot->cr, angle);
  cairo_move_to (plot->cr, -w * ax, -h * ay);
  source (plot->cr, rgb);
  pango_cairo_show_layout (plot->cr, plot->layout);
  cairo_restore (plot->cr);
}

static double
map_x (Plot   *plot,
       double  x)
{
  if (plot->x_max <= plot->x_min)
    return (plot->left + plot->right) / 2;
  return plot->left + (x - plot->x_min) / (plot->x_max - plot->x_min) * (plot->right - plot->left);
}

static double
map_y (Plot   *plot,
       double  y)
{
  if (plot->y_max <= plot->y_min)
    return (plot->top + plot->bottom) / 2;
  return plot->bottom - (y - plot->y_min) / (plot->y_max - plot->y_min) * (plot->bottom - plot->top);
}

static void
set_dash (cairo_t *cr,
          int      dash)
{
  static const double dashed[] = { 6, 4 };
  static const double dotted[] = { 1.5, 3 };

  if (dash == 1)
    cairo_set_dash (cr, dashed, 2, 0);
  else if (dash == 2)
    cairo_set_dash (cr, dotted, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_marker (cairo_t *cr,
             int      marker,
             double   x,
             double   y,
             double   r)
{
  switch (marker)
    {
    case 1:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      break;
    case 4:
      return;
    case 0:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
add_hit (Plot   *plot,
         double  x,
         double  y,
         double  left,
         double  top,
         double  right,
         double  bottom,
         guint   series,
         guint   index)
{
  L4aChartHit hit = { x, y, left, top, right, bottom, series, index };

  g_array_append_val (plot->chart->hits, hit);
}

/* The legend, in rows across the top; returns its height. */
static double
draw_legend (Plot   *plot,
             double  x0,
             double  y0,
             double  width,
             gboolean measure_only)
{
  double x = x0, y = y0, row = 0;

  for (guint s = 0; s < plot->chart->series->len; s++)
    {
      L4aChartSeries *series = series_at (plot->chart, s);
      double w, h, rgb[3];

      if (series->name == NULL || *series->name == '\0')
        continue;
      text_size (plot, series->name, &w, &h);
      if (x > x0 && x + 28 + w > x0 + width)
        {
          x = x0;
          y += row + 4;
        }
      row = MAX (row, h);
      if (!measure_only)
        {
          series_colour (plot, s, series, rgb);
          source (plot->cr, rgb);
          cairo_set_line_width (plot->cr, 2);
          if (plot->chart->kind == L4A_CHART_STACKED_BARS || plot->chart->kind == L4A_CHART_BARS)
            {
              cairo_rectangle (plot->cr, x, y + h / 2 - 6, 20, 12);
              cairo_fill (plot->cr);
            }
          else
            {
              set_dash (plot->cr, series->dash);
              cairo_move_to (plot->cr, x, y + h / 2);
              cairo_line_to (plot->cr, x + 20, y + h / 2);
              cairo_stroke (plot->cr);
              set_dash (plot->cr, 0);
              draw_marker (plot->cr, series->marker, x + 10, y + h / 2, 3.5);
              cairo_fill (plot->cr);
            }
          draw_text (plot, series->name, x + 26, y, 0, 0, 0, plot->style->fg);
        }
      x += 26 + w + 16;
    }
  return plot->chart->series->len > 0 ? y - y0 + row + 8 : 0;
}

/* The value axis on the left: ticks, grid lines and labels. */
static void
draw_value_axis (Plot           *plot,
                 const L4aTicks *ticks,
                 gboolean        vertical)
{
  cairo_t *cr = plot->cr;

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < ticks->n; i++)
    {
      double value = l4a_ticks_value (ticks, i);
      g_autofree char *label = l4a_format_number (value, ticks->digits);

      source (cr, plot->style->grid);
      if (vertical)
        {
          double y = round (map_y (plot, value)) + 0.5;

          cairo_move_to (cr, plot->left, y);
          cairo_line_to (cr, plot->right, y);
          cairo_stroke (cr);
          draw_text (plot, label, plot->left - 6, y, 1, 0.5, 0, plot->style->muted);
        }
      else
        {
          double x = round (map_x (plot, value)) + 0.5;

          cairo_move_to (cr, x, plot->top);
          cairo_line_to (cr, x, plot->bottom);
          cairo_stroke (cr);
          draw_text (plot, label, x, plot->bottom + 4, 0.5, 0, 0, plot->style->muted);
        }
    }
}

static void
draw_date_axis (Plot *plot)
{
  L4aDateTicks ticks;
  double widest = 0, w, h;
  guint every = 1;

  l4a_date_ticks (plot->x_min, plot->x_max, MAX (2, (guint) ((plot->right - plot->left) / 70)), &ticks);
  for (guint i = 0; i < ticks.n; i++)
    {
      g_autofree char *label = l4a_date_tick_label (&ticks, ticks.days[i]);

      text_size (plot, label, &w, &h);
      widest = MAX (widest, w);
    }
  /* skip labels that would overlap */
  if (ticks.n > 1)
    {
      double gap = (map_x (plot, ticks.days[1]) - map_x (plot, ticks.days[0]));

      while (gap * every < widest + 8 && every < ticks.n)
        every++;
    }
  cairo_set_line_width (plot->cr, 1);
  for (guint i = 0; i < ticks.n; i++)
    {
      double x = round (map_x (plot, ticks.days[i])) + 0.5;

      source (plot->cr, plot->style->grid);
      cairo_move_to (plot->cr, x, plot->top);
      cairo_line_to (plot->cr, x, plot->bottom);
      cairo_stroke (plot->cr);
      if (i % every == 0)
        {
          g_autofree char *label = l4a_date_tick_label (&ticks, ticks.days[i]);

          draw_text (plot, label, x, plot->bottom + 4, 0.5, 0, 0, plot->style->muted);
        }
    }
}

/* How category labels fit under the bars: on up to three lines in their
 * slot, or else turned, and then only every so many. */
typedef struct
{
  gboolean turn;
  guint    every;
  double   height;   /* room they need under the plot */
} CategoryLayout;

static CategoryLayout
layout_categories (Plot   *plot,
                   double  plot_width)
{
  CategoryLayout layout = { FALSE, 1, 0 };
  guint n = plot->chart->categories->len;
  double slot = n ? plot_width / n : 0, widest = 0, tallest = 0, w, h = 0;

  pango_layout_set_width (plot->layout, (int) MAX (slot - 4, 1) * PANGO_SCALE);
  pango_layout_set_wrap (plot->layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (plot->layout, PANGO_ALIGN_CENTER);
  for (guint i = 0; i < n; i++)
    {
      L4aChartCategory *category = g_ptr_array_index (plot->chart->categories, i);

      text_size (plot, category->label, &w, &h);
      tallest = MAX (tallest, h);
      widest = MAX (widest, w);
      /* more than three lines, or a word longer than the slot */
      if (pango_layout_get_line_count (plot->layout) > 3 || w > slot - 2)
        layout.turn = TRUE;
    }
  pango_layout_set_width (plot->layout, -1);
  pango_layout_set_alignment (plot->layout, PANGO_ALIGN_LEFT);
  if (!layout.turn)
    {
      layout.height = tallest + 10;
      return layout;
    }

  widest = 0;
  for (guint i = 0; i < n; i++)
    {
      L4aChartCategory *category = g_ptr_array_index (plot->chart->categories, i);

      text_size (plot, category->label, &w, &h);
      widest = MAX (widest, w);
    }
  while (slot * layout.every < h + 2 && layout.every < n)
    layout.every++;
  layout.height = MIN (widest * 0.72 + h, 120) + 8;
  return layout;
}

static void
draw_category_axis (Plot                 *plot,
                    const CategoryLayout *layout)
{
  guint n = plot->chart->categories->len;
  double slot = n ? (plot->right - plot->left) / n : 0, w, h;

  for (guint i = 0; i < n; i += layout->every)
    {
      L4aChartCategory *category = g_ptr_array_index (plot->chart->categories, i);
      double x = plot->left + slot * (i + 0.5);

      if (layout->turn)
        {
          /* turned labels longer than their room end with an ellipsis */
          text_size (plot, "M", &w, &h);
          pango_layout_set_width (plot->layout, (int) MAX ((layout->height - h - 8) / 0.71, 10) * PANGO_SCALE);
          pango_layout_set_ellipsize (plot->layout, PANGO_ELLIPSIZE_END);
          text_size (plot, category->label, &w, &h);
          draw_text (plot, category->label, x + h / 2, plot->bottom + 6, 1, 0, -G_PI / 4, plot->style->fg);
          pango_layout_set_width (plot->layout, -1);
          pango_layout_set_ellipsize (plot->layout, PANGO_ELLIPSIZE_NONE);
        }
      else
        {
          pango_layout_set_width (plot->layout, (int) MAX (slot - 4, 1) * PANGO_SCALE);
          pango_layout_set_wrap (plot->layout, PANGO_WRAP_WORD);
          pango_layout_set_alignment (plot->layout, PANGO_ALIGN_CENTER);
          text_size (plot, category->label, &w, &h);
          cairo_move_to (plot->cr, x - (slot - 4) / 2, plot->bottom + 6);
          source (plot->cr, plot->style->fg);
          pango_cairo_show_layout (plot->cr, plot->layout);
          pango_layout_set_width (plot->layout, -1);
          pango_layout_set_alignment (plot->layout, PANGO_ALIGN_LEFT);
        }
    }
}

static double
row_labels_width (Plot *plot)
{
  double widest = 0, w, h;

  for (guint i = 0; i < plot->chart->categories->len; i++)
    {
      L4aChartCategory *category = g_ptr_array_index (plot->chart->categories, i);

      text_size (plot, category->label, &w, &h);
      widest = MAX (widest, w);
    }
  return MIN (widest, 240) + 12;
}

/* The line of today across the plot, labelled on whichever side has room
 * (above the plot when @above). */
static void
draw_today (Plot         *plot,
            const double  rgb[3],
            double        line_width,
            int           dash,
            gboolean      above)
{
  double x, w, h;
  gboolean left;

  if (!isfinite (plot->chart->today) || plot->chart->today < plot->x_min || plot->chart->today > plot->x_max)
    return;
  x = round (map_x (plot, plot->chart->today)) + 0.5;
  source (plot->cr, rgb);
  cairo_set_line_width (plot->cr, line_width);
  set_dash (plot->cr, dash);
  cairo_move_to (plot->cr, x, plot->top);
  cairo_line_to (plot->cr, x, plot->bottom);
  cairo_stroke (plot->cr);
  set_dash (plot->cr, 0);
  text_size (plot, _("Today"), &w, &h);
  left = x + 3 + w > plot->right;
  draw_text (plot, _("Today"), left ? x - 3 : x + 3, above ? plot->top - 2 : plot->top, left ? 1 : 0, above ? 1 : 0,
             0, rgb);
}

/* Keeps a column's first, lowest, highest and last points, in their order
 * and once each. */
static inline void
keep_column (GArray *kept,
             guint   first,
             guint   low,
             guint   high,
             guint   last)
{
  guint in_order[4] = { first, MIN (low, high), MAX (low, high), last };

  for (guint k = 0; k < 4; k++)
    if (kept->len == 0 || g_array_index (kept, guint, kept->len - 1) != in_order[k])
      g_array_append_val (kept, in_order[k]);
}

/* The points of a line that its pixels can show (the M4 method): in each
 * column of device pixels, the first, the lowest, the highest and the last
 * point, in their order; drawn as one line they give the same picture as
 * every point. NULL when the line has no more points than that, or is not
 * in the order of x. */
static GArray *
reduce_per_column (Plot           *plot,
                   L4aChartSeries *series)
{
  guint n = series->points->len;
  double dx = 1, dy = 0;
  GArray *kept;
  gint64 column = G_MININT64;
  guint first = 0, low = 0, high = 0, last = 0;

  const L4aChartPoint *points = (const L4aChartPoint *) (gpointer) series->points->data;
  double scale, origin, previous, low_y, high_y;

  cairo_user_to_device_distance (plot->cr, &dx, &dy);
  dx = fabs (dx) > 0 ? fabs (dx) : 1;
  if (n < 4 * (guint) ceil ((plot->right - plot->left) * dx + 1) || plot->x_max <= plot->x_min)
    return NULL;
  /* map_x(), in device pixels, once for all */
  scale = (plot->right - plot->left) / (plot->x_max - plot->x_min) * dx;
  origin = plot->left * dx - plot->x_min * scale;

  kept = g_array_sized_new (FALSE, FALSE, sizeof (guint), (guint) ((plot->right - plot->left) * dx * 4 + 8));
  column = (gint64) floor (origin + points[0].x * scale);
  /* the previous day and the column's lowest and highest values held here,
   * not read again from the points at each step (a million points are
   * more than the processor's caches hold) */
  previous = points[0].x;
  low_y = high_y = points[0].y;
  for (guint i = 1; i < n; i++)
    {
      double x = points[i].x, y = points[i].y;
      double at = origin + x * scale;
      /* the plot's points are at positive device x: truncating is floor */
      gint64 here = at >= 0 ? (gint64) at : (gint64) floor (at);

      if (G_UNLIKELY (x < previous))
        {
          /* not in the order of x: drawn whole */
          g_array_unref (kept);
          return NULL;
        }
      previous = x;
      if (here != column)
        {
          keep_column (kept, first, low, high, last);
          column = here;
          first = low = high = last = i;
          low_y = high_y = y;
          continue;
        }
      if (y < low_y)
        low = i, low_y = y;
      else if (y > high_y)
        high = i, high_y = y;
      last = i;
    }
  keep_column (kept, first, low, high, last);
  return kept;
}

/* Of the points @drawn (in the order of x), those the line needs to pass
 * through so that it never strays more than a tenth of a device pixel
 * from any of them: a point within the cone of every one before it, seen
 * from the last one kept, is passed over (a smooth stretch of a long line
 * is a few straight segments, a third of its cost to fill). */
static GArray *
straighten (Plot           *plot,
            L4aChartSeries *series,
            GArray         *drawn)
{
  GArray *path = g_array_sized_new (FALSE, FALSE, sizeof (guint), drawn->len);
  double dx = 1, dy = 0;
  double tolerance, ax = 0, ay = 0, low = -INFINITY, high = INFINITY;
  guint last = 0;
  gboolean pending = FALSE;

  cairo_user_to_device_distance (plot->cr, &dx, &dy);
  tolerance = 0.1 / MAX (fabs (dx), 1e-6);
  for (guint k = 0; k < drawn->len; k++)
    {
      guint i = g_array_index (drawn, guint, k);
      const L4aChartPoint *p = point_at (series, i);
      double px = map_x (plot, p->x), py = map_y (plot, p->y);
      double run = px - ax;

      if (k > 0 && run > 1e-9)
        {
          double slope = (py - ay) / run;

          if (slope >= low && slope <= high)
            {
              /* every point so far stays within the tolerance of the
               * line from the anchor to this one */
              low = MAX (low, (py - tolerance - ay) / run);
              high = MIN (high, (py + tolerance - ay) / run);
              last = i;
              pending = TRUE;
              continue;
            }
        }
      if (pending)
        {
          /* the last point that fitted is the new anchor */
          const L4aChartPoint *a = point_at (series, last);

          g_array_append_val (path, last);
          ax = map_x (plot, a->x), ay = map_y (plot, a->y);
          run = px - ax;
          pending = FALSE;
          if (run > 1e-9)
            {
              low = (py - tolerance - ay) / run;
              high = (py + tolerance - ay) / run;
              last = i;
              pending = TRUE;
              continue;
            }
        }
      /* the first point, or straight above or below the anchor: kept */
      g_array_append_val (path, i);
      ax = px, ay = py;
      low = -INFINITY, high = INFINITY;
    }
  if (pending)
    g_array_append_val (path, last);
  return path;
}

static void
draw_progress (Plot *plot)
{
  L4aChart *chart = plot->chart;
  L4aChartSeries *measurements = series_at (chart, 0);
  cairo_t *cr = plot->cr;
  double rgb[3];
  guint n = measurements ? measurements->points->len : 0;

  /* the straight path from the baseline to the target, and the target */
  if (isfinite (chart->target_value))
    {
      double b_day = isfinite (chart->baseline_day) ? chart->baseline_day : (n ? point_at (measurements, 0)->x : NAN);
      double b_value = isfinite (chart->baseline_value) ? chart->baseline_value
                                                        : (n ? point_at (measurements, 0)->y : NAN);
      double ty = round (map_y (plot, chart->target_value)) + 0.5;

      series_colour (plot, 1, series_at (chart, 1), rgb);
      source (cr, rgb);
      cairo_set_line_width (cr, 2);
      set_dash (cr, 1);
      cairo_move_to (cr, plot->left, ty);
      cairo_line_to (cr, plot->right, ty);
      cairo_stroke (cr);
      if (isfinite (chart->target_day))
        {
          double tx = map_x (plot, chart->target_day);

          set_dash (cr, 0);
          draw_marker (cr, 3, tx, ty, 6);
          cairo_fill (cr);
          add_hit (plot, tx, ty, tx - 6, ty - 6, tx + 6, ty + 6, 1, 0);
          if (isfinite (b_day) && isfinite (b_value))
            {
              series_colour (plot, 2, series_at (chart, 2), rgb);
              source (cr, rgb);
              set_dash (cr, 2);
              cairo_move_to (cr, map_x (plot, b_day), map_y (plot, b_value));
              cairo_line_to (cr, tx, ty);
              cairo_stroke (cr);
            }
        }
      set_dash (cr, 0);
    }
  if (isfinite (chart->baseline_value) && isfinite (chart->baseline_day))
    {
      double bx = map_x (plot, chart->baseline_day), by = map_y (plot, chart->baseline_value);

      source (cr, plot->style->muted);
      draw_marker (cr, 1, bx, by, 4.5);
      cairo_fill (cr);
      add_hit (plot, bx, by, bx - 5, by - 5, bx + 5, by + 5, 2, 0);
    }

  /* the measurements: every point, or when there are more than the
   * pixels can show, what each pixel column shows of them */
  if (n > 0)
    {
      g_autoptr(GArray) drawn = plot->style->every_point ? NULL : reduce_per_column (plot, measurements);
      g_autoptr(GArray) path = NULL;
      guint n_drawn = drawn ? drawn->len : n;

      series_colour (plot, 0, measurements, rgb);
      source (cr, rgb);
      cairo_set_line_width (cr, 2.5);
      set_dash (cr, measurements->dash);
      /* round joins where the points are few enough to be told apart;
       * with more points than columns of pixels a join is under a pixel,
       * and bevel joins are a third cheaper to fill */
      cairo_set_line_join (cr, n > plot->right - plot->left ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND);
      path = drawn ? straighten (plot, measurements, drawn) : NULL;
      for (guint k = 0; k < (path ? path->len : n); k++)
        {
          L4aChartPoint *p = point_at (measurements, path ? g_array_index (path, guint, k) : k);

          if (k == 0)
            cairo_move_to (cr, map_x (plot, p->x), map_y (plot, p->y));
          else
            cairo_line_to (cr, map_x (plot, p->x), map_y (plot, p->y));
        }
      cairo_stroke (cr);
      set_dash (cr, 0);
      /* what a pointer or the keyboard reaches: the points drawn (the data
       * table has them all) */
      for (guint k = 0; k < n_drawn; k++)
        {
          guint i = drawn ? g_array_index (drawn, guint, k) : k;
          L4aChartPoint *p = point_at (measurements, i);
          double x = map_x (plot, p->x), y = map_y (plot, p->y);

          if (n <= MAX_MARKERS)
            draw_marker (cr, measurements->marker, x, y, 4);
          add_hit (plot, x, y, x - 5, y - 5, x + 5, y + 5, 0, i);
        }
      cairo_fill (cr);
    }

  draw_today (plot, plot->style->muted, 1, 2, FALSE);
}

/* Hatching, so that stacked series differ by more than colour. */
static void
hatch (cairo_t      *cr,
       guint         kind,
       double        x,
       double        y,
       double        w,
       double        h,
       const double  bg[3])
{
  if (kind % 3 == 0 || w < 2 || h < 2)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, bg[0], bg[1], bg[2], 0.55);
  cairo_set_line_width (cr, 1.5);
  for (double d = -h; d < w + h; d += 7)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + (kind % 3 == 1 ? h : -h), y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_bars (Plot *plot)
{
  L4aChart *chart = plot->chart;
  guint n = chart->categories->len;
  double slot = n ? (plot->right - plot->left) / n : 0;
  double bar = MAX (2, MIN (slot * 0.7, 64));
  cairo_t *cr = plot->cr;

  for (guint i = 0; i < n; i++)
    {
      L4aChartCategory *category = g_ptr_array_index (chart->categories, i);
      double x = plot->left + slot * (i + 0.5) - bar / 2;
      double floor_value = MAX (0, plot->y_min), sum = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          L4aChartSeries *series = series_at (chart, s);
          L4aChartPoint *p;
          double rgb[3], y0, y1;

          if (i >= series->points->len)
            continue;
          p = point_at (series, i);
          if (p->y == 0)
            continue;
          if (chart->kind == L4A_CHART_STACKED_BARS)
            {
              y0 = map_y (plot, floor_value + sum);
              y1 = map_y (plot, floor_value + sum + p->y);
              sum += p->y;
            }
          else
            {
              y0 = map_y (plot, floor_value);
              y1 = map_y (plot, p->y);
            }
          if (chart->kind == L4A_CHART_BARS && category->colour != NULL)
            set_rgb (rgb, category->colour);
          else
            series_colour (plot, s, series, rgb);
          source (cr, rgb);
          cairo_rectangle (cr, x, MIN (y0, y1), bar, fabs (y1 - y0));
          cairo_fill (cr);
          if (chart->kind == L4A_CHART_STACKED_BARS)
            hatch (cr, s, x, MIN (y0, y1), bar, fabs (y1 - y0), plot->style->bg);
          if (plot->style->high_contrast)
            {
              source (cr, plot->style->fg);
              cairo_set_line_width (cr, 1);
              cairo_rectangle (cr, x + 0.5, MIN (y0, y1) + 0.5, bar - 1, fabs (y1 - y0) - 1);
              cairo_stroke (cr);
            }
          add_hit (plot, x + bar / 2, (y0 + y1) / 2, x, MIN (y0, y1), x + bar, MAX (y0, y1), s, i);
          if (chart->kind == L4A_CHART_BARS)
            {
              g_autofree char *value = l4a_format_number (p->y, -1);

              draw_text (plot, value, x + bar / 2, MIN (y0, y1) - 2, 0.5, 1, 0, plot->style->fg);
            }
        }
    }
}

static void
draw_rows (Plot   *plot,
           double  row)
{
  L4aChart *chart = plot->chart;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      L4aChartCategory *category = g_ptr_array_index (chart->categories, i);
      double y = plot->top + row * (i + 0.5);

      if (row < 9)
        break;
      cairo_save (plot->cr);
      cairo_rectangle (plot->cr, 0, y - row / 2, plot->left - 6, row);
      cairo_clip (plot->cr);
      draw_text (plot, category->label, plot->left - 8, y, 1, 0.5, 0, plot->style->fg);
      cairo_restore (plot->cr);
    }
}

static void
draw_timeline (Plot *plot)
{
  L4aChart *chart = plot->chart;
  L4aChartSeries *spans = series_at (chart, 0);
  L4aChartSeries *markers = series_at (chart, 1);
  guint n = chart->categories->len;
  double row = n ? (plot->bottom - plot->top) / n : 0;
  cairo_t *cr = plot->cr;
  double rgb[3];

  draw_rows (plot, row);
  for (guint i = 0; spans && i < spans->points->len && i < n; i++)
    {
      L4aChartPoint *p = point_at (spans, i);
      L4aChartCategory *category = g_ptr_array_index (chart->categories, i);
      double x0 = map_x (plot, p->x), x1 = map_x (plot, p->y);
      double h = MAX (2, row * 0.6), y = plot->top + row * (i + 0.5) - h / 2;

      if (category->colour != NULL)
        set_rgb (rgb, category->colour);
      else
        series_colour (plot, 0, spans, rgb);
      source (cr, rgb);
      cairo_rectangle (cr, x0, y, MAX (x1 - x0, 2), h);
      cairo_fill (cr);
      add_hit (plot, (x0 + x1) / 2, y + h / 2, x0, y, MAX (x1, x0 + 2), y + h, 0, i);
    }
  for (guint i = 0; markers && i < markers->points->len; i++)
    {
      L4aChartPoint *p = point_at (markers, i);
      double x = map_x (plot, p->x), y = plot->top + row * (p->y + 0.5);

      series_colour (plot, 1, markers, rgb);
      source (cr, plot->style->bg);
      draw_marker (cr, 3, x, y, MIN (5.5, row * 0.4));
      cairo_fill (cr);
      source (cr, rgb);
      draw_marker (cr, 3, x, y, MIN (4.5, row * 0.35));
      cairo_fill (cr);
      add_hit (plot, x, y, x - 5, y - 5, x + 5, y + 5, 1, i);
    }
  series_colour (plot, 5, NULL, rgb);
  draw_today (plot, rgb, 1.5, 0, TRUE);
}

static void
draw_scores (Plot *plot)
{
  L4aChart *chart = plot->chart;
  guint n = chart->categories->len;
  double row = n ? (plot->bottom - plot->top) / n : 0;
  cairo_t *cr = plot->cr;

  draw_rows (plot, row);
  for (guint s = 0; s < chart->series->len && s < 3; s++)
    {
      L4aChartSeries *series = series_at (chart, s);
      double rgb[3];

      series_colour (plot, s, series, rgb);
      for (guint i = 0; i < series->points->len; i++)
        {
          L4aChartPoint *p = point_at (series, i);
          double x = map_x (plot, p->x), y = plot->top + row * (p->y + 0.5);

          source (cr, rgb);
          if (s == 1)
            {
              /* the mean: a bar across the row */
              cairo_set_line_width (cr, 3);
              cairo_move_to (cr, x, y - MIN (9, row * 0.4));
              cairo_line_to (cr, x, y + MIN (9, row * 0.4));
              cairo_stroke (cr);
            }
          else
            {
              draw_marker (cr, series->marker, x, y, s == 0 ? 4 : 5);
              if (s == 0)
                cairo_fill (cr);
              else
                {
                  cairo_set_line_width (cr, 2);
                  cairo_stroke (cr);
                }
            }
          add_hit (plot, x, y, x - 5, y - 6, x + 5, y + 6, s, i);
        }
    }
}

/* What a chart adds to the range of its points' values. */
static void
value_range_adjust (L4aChart *chart,
                    double   *lo,
                    double   *hi)
{
  if (chart->kind == L4A_CHART_PROGRESS)
    {
      if (isfinite (chart->baseline_value))
        *lo = MIN (*lo, chart->baseline_value), *hi = MAX (*hi, chart->baseline_value);
      if (isfinite (chart->target_value))
        *lo = MIN (*lo, chart->target_value), *hi = MAX (*hi, chart->target_value);
    }
  if (chart->kind == L4A_CHART_BARS || chart->kind == L4A_CHART_STACKED_BARS)
    *lo = MIN (*lo, 0);
  if (isfinite (chart->y_min))
    *lo = chart->y_min;
  if (isfinite (chart->y_max))
    *hi = chart->y_max;
  if (!isfinite (*lo) || !isfinite (*hi))
    *lo = 0, *hi = 1;
}

static void
value_range (L4aChart *chart,
             double   *lo,
             double   *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  if (chart->kind == L4A_CHART_STACKED_BARS)
    {
      for (guint i = 0; i < chart->categories->len; i++)
        {
          double sum = 0;

          for (guint s = 0; s < chart->series->len; s++)
            if (i < series_at (chart, s)->points->len)
              sum += point_at (series_at (chart, s), i)->y;
          *lo = MIN (*lo, sum);
          *hi = MAX (*hi, sum);
        }
    }
  else
    for (guint s = 0; s < chart->series->len; s++)
      {
        L4aChartSeries *series = series_at (chart, s);

        for (guint i = 0; i < series->points->len; i++)
          {
            double v = chart->kind == L4A_CHART_SCORES ? point_at (series, i)->x : point_at (series, i)->y;

            if (isfinite (v))
              {
                *lo = MIN (*lo, v);
                *hi = MAX (*hi, v);
              }
          }
      }
  value_range_adjust (chart, lo, hi);
}

/* What a chart adds to the range of its points' days. */
static void
day_range_adjust (L4aChart *chart,
                  double   *lo,
                  double   *hi)
{
  if (isfinite (chart->baseline_day))
    *lo = MIN (*lo, chart->baseline_day), *hi = MAX (*hi, chart->baseline_day);
  if (isfinite (chart->target_day))
    *lo = MIN (*lo, chart->target_day), *hi = MAX (*hi, chart->target_day);
  if (isfinite (chart->today) && isfinite (*lo))
    *lo = MIN (*lo, chart->today), *hi = MAX (*hi, chart->today);
  if (!isfinite (*lo) || !isfinite (*hi))
    {
      *lo = isfinite (chart->today) ? chart->today - 365 : 0;
      *hi = *lo + 730;
    }
  if (*hi - *lo < 30)
    *lo -= 15, *hi += 15;
  {
    double pad = (*hi - *lo) * 0.03;

    *lo -= pad;
    *hi += pad;
  }
}
static void
day_range (L4aChart *chart,
           double   *lo,
           double   *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint s = 0; s < chart->series->len; s++)
    {
      L4aChartSeries *series = series_at (chart, s);

      for (guint i = 0; i < series->points->len; i++)
        {
          L4aChartPoint *p = point_at (series, i);

          *lo = MIN (*lo, p->x);
          *hi = MAX (*hi, p->x);
          if (chart->kind == L4A_CHART_TIMELINE && s == 0)
            *hi = MAX (*hi, p->y);
        }
    }
  day_range_adjust (chart, lo, hi);
}

/* A progress chart's days and values in one pass over its points: a line
 * of a million points is read once for both. */
static void
progress_ranges (L4aChart *chart,
                 double   *day_lo,
                 double   *day_hi,
                 double   *value_lo,
                 double   *value_hi)
{
  guint n = 0;

  /* points are only ever added: the same count is the same points */
  for (guint s = 0; s < chart->series->len; s++)
    n += series_at (chart, s)->points->len;
  if (n > 0 && n == chart->ranged_points)
    {
      *day_lo = chart->ranges[0], *day_hi = chart->ranges[1];
      *value_lo = chart->ranges[2], *value_hi = chart->ranges[3];
      value_range_adjust (chart, value_lo, value_hi);
      day_range_adjust (chart, day_lo, day_hi);
      return;
    }

  *day_lo = *value_lo = INFINITY;
  *day_hi = *value_hi = -INFINITY;
  for (guint s = 0; s < chart->series->len; s++)
    {
      L4aChartSeries *series = series_at (chart, s);
      const L4aChartPoint *points = (const L4aChartPoint *) (gpointer) series->points->data;

      for (guint i = 0; i < series->points->len; i++)
        {
          *day_lo = MIN (*day_lo, points[i].x);
          *day_hi = MAX (*day_hi, points[i].x);
          if (isfinite (points[i].y))
            {
              *value_lo = MIN (*value_lo, points[i].y);
              *value_hi = MAX (*value_hi, points[i].y);
            }
        }
    }
  chart->ranged_points = n;
  chart->ranges[0] = *day_lo, chart->ranges[1] = *day_hi;
  chart->ranges[2] = *value_lo, chart->ranges[3] = *value_hi;
  value_range_adjust (chart, value_lo, value_hi);
  day_range_adjust (chart, day_lo, day_hi);
}

/**
 * l4a_chart_draw:
 *
 * Draws @chart filling @width × @height of @cr, and remembers where each
 * point went (l4a_chart_hit_at()).
 */
void
l4a_chart_draw (L4aChart            *chart,
                cairo_t             *cr,
                double               width,
                double               height,
                const L4aChartStyle *style)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font ? style->font : "Sans 10");
  Plot plot = { chart, cr, style, layout };
  L4aTicks ticks = { 0 };
  CategoryLayout categories = { FALSE, 1, 0 };
  double lo, hi, top = 8, w, h, legend, bottom_room, left_room = 0;
  gboolean numeric_x = chart->kind == L4A_CHART_SCORES;
  gboolean rows = chart->kind == L4A_CHART_TIMELINE || chart->kind == L4A_CHART_SCORES;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  g_array_set_size (chart->hits, 0);

  cairo_save (cr);
  if (!style->transparent)
    {
      source (cr, style->bg);
      cairo_paint (cr);
    }

  if (style->title && chart->title != NULL)
    {
      PangoFontDescription *bold = pango_font_description_from_string (style->font ? style->font : "Sans 10");

      pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
      pango_font_description_set_size (bold, pango_font_description_get_size (bold) * 13 / 10);
      pango_layout_set_font_description (layout, bold);
      text_size (&plot, chart->title, &w, &h);
      draw_text (&plot, chart->title, 12, top, 0, 0, 0, style->fg);
      top += h + 6;
      pango_font_description_free (bold);
      font = pango_font_description_from_string (style->font ? style->font : "Sans 10");
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }

  legend = chart->kind == L4A_CHART_BARS ? 0 : draw_legend (&plot, 12, top, width - 24, TRUE);
  if (legend > 0)
    draw_legend (&plot, 12, top, width - 24, FALSE);
  top += legend;

  if (l4a_chart_is_empty (chart))
    {
      draw_text (&plot, _("No data to show"), width / 2, (top + height) / 2, 0.5, 0.5, 0, style->muted);
      cairo_restore (cr);
      return;
    }

  /* the value range and its ticks */
  if (chart->kind == L4A_CHART_TIMELINE)
    day_range (chart, &plot.x_min, &plot.x_max);
  else
    {
      if (chart->kind == L4A_CHART_PROGRESS)
        progress_ranges (chart, &plot.x_min, &plot.x_max, &lo, &hi);
      else
        value_range (chart, &lo, &hi);
      l4a_ticks_nice (lo, hi, MAX (3, (guint) ((numeric_x ? width : height) / 70)), &ticks);
      if (numeric_x)
        plot.x_min = ticks.min, plot.x_max = ticks.max;
      else
        plot.y_min = ticks.min, plot.y_max = ticks.max;
    }

  /* room for the labels around the plot */
  text_size (&plot, "0", &w, &h);
  if (rows)
    left_room = row_labels_width (&plot);
  else
    for (guint i = 0; i < ticks.n; i++)
      {
        g_autofree char *label = l4a_format_number (l4a_ticks_value (&ticks, i), ticks.digits);
        double lw, lh;

        text_size (&plot, label, &lw, &lh);
        left_room = MAX (left_room, lw + 10);
      }
  plot.left = MAX (left_room + 8, 36);
  plot.right = width - 16;
  plot.top = top + (chart->kind == L4A_CHART_BARS ? h + 4 : 6);
  if (chart->kind == L4A_CHART_BARS || chart->kind == L4A_CHART_STACKED_BARS)
    {
      categories = layout_categories (&plot, plot.right - plot.left);
      /* never more than a third of the chart */
      categories.height = MIN (categories.height, height / 3);
      bottom_room = categories.height;
    }
  else
    bottom_room = h + 10;
  if (chart->y_label != NULL && !rows)
    plot.top += h + 2;
  plot.bottom = height - bottom_room - (chart->x_label ? h + 4 : 0) - 4;
  if (plot.bottom - plot.top < 20)
    plot.bottom = plot.top + 20;
  if (rows)
    plot.y_min = 0, plot.y_max = chart->categories->len;

  if (chart->y_label != NULL && !rows)
    draw_text (&plot, chart->y_label, 12, plot.top - 8, 0, 1, 0, style->muted);
  if (chart->x_label != NULL)
    draw_text (&plot, chart->x_label, (plot.left + plot.right) / 2, height - 4, 0.5, 1, 0, style->muted);

  switch (chart->kind)
    {
    case L4A_CHART_PROGRESS:
      draw_value_axis (&plot, &ticks, TRUE);
      draw_date_axis (&plot);
      draw_progress (&plot);
      break;
    case L4A_CHART_BARS:
    case L4A_CHART_STACKED_BARS:
      draw_value_axis (&plot, &ticks, TRUE);
      draw_category_axis (&plot, &categories);
      draw_bars (&plot);
      break;
    case L4A_CHART_TIMELINE:
      draw_date_axis (&plot);
      draw_timeline (&plot);
      break;
    case L4A_CHART_SCORES:
    default:
      draw_value_axis (&plot, &ticks, FALSE);
      draw_scores (&plot);
      break;
    }

  /* the axis line */
  source (cr, style->fg);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, plot.left, plot.top);
  cairo_line_to (cr, plot.left, round (plot.bottom) + 0.5);
  cairo_line_to (cr, plot.right, round (plot.bottom) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * l4a_chart_hit_at:
 *
 * Returns: the index in @chart's hits of the point drawn nearest to @x,
 *   @y within @radius (or whose bar contains it), or -1
 */
int
l4a_chart_hit_at (L4aChart *chart,
                  double    x,
                  double    y,
                  double    radius)
{
  int best = -1;
  double best_distance = radius * radius;

  for (guint i = 0; i < chart->hits->len; i++)
    {
      L4aChartHit *hit = &g_array_index (chart->hits, L4aChartHit, i);
      double dx = x - hit->x, dy = y - hit->y, d = dx * dx + dy * dy;

      if (x >= hit->left && x <= hit->right && y >= hit->top && y <= hit->bottom)
        return (int) i;
      if (d <= best_distance)
        {
          best = (int) i;
          best_distance = d;
        }
    }
  return best;
}

/**
 * l4a_chart_describe_hit:
 *
 * Returns: (transfer full): what the point of hit @hit is, in words
 */
char *
l4a_chart_describe_hit (L4aChart *chart,
                        guint     hit)
{
  L4aChartHit *h;
  L4aChartSeries *series;

  g_return_val_if_fail (hit < chart->hits->len, NULL);

  h = &g_array_index (chart->hits, L4aChartHit, hit);
  if (chart->kind == L4A_CHART_PROGRESS && h->series == 1)
    {
      g_autofree char *value = l4a_format_number (chart->target_value, -1);
      g_autofree char *day = l4a_format_day (chart->target_day);

      /* translators: a value, then a date */
      return g_strdup_printf (_("Target: %s by %s"), value, day);
    }
  if (chart->kind == L4A_CHART_PROGRESS && h->series == 2)
    {
      g_autofree char *value = l4a_format_number (chart->baseline_value, -1);
      g_autofree char *day = l4a_format_day (chart->baseline_day);

      /* translators: a value, then a date */
      return g_strdup_printf (_("Baseline: %s on %s"), value, day);
    }
  series = series_at (chart, h->series);
  if (series == NULL || h->index >= series->points->len)
    return g_strdup ("");
  return g_strdup (point_at (series, h->index)->label ? point_at (series, h->index)->label : "");
}

/* Data table and export ---------------------------------------------------------- */

static GStrv
strv_of (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  return g_strv_builder_end (builder);
}

/**
 * l4a_chart_table_heading:
 *
 * Returns: (transfer full): the headings of the chart's data table
 */
GStrv
l4a_chart_table_heading (L4aChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  switch (chart->kind)
    {
    case L4A_CHART_PROGRESS:
      return strv_of (_("Date"), chart->unit && *chart->unit ? chart->unit : _("Value"), NULL);
    case L4A_CHART_BARS:
    case L4A_CHART_STACKED_BARS:
      {
        g_autoptr(GStrvBuilder) head = g_strv_builder_new ();

        g_strv_builder_add (head, chart->x_label ? chart->x_label : "");
        for (guint s = 0; s < chart->series->len; s++)
          g_strv_builder_add (head, series_at (chart, s)->name ? series_at (chart, s)->name : _("Value"));
        return g_strv_builder_end (head);
      }
    case L4A_CHART_TIMELINE:
      return strv_of (chart->y_label ? chart->y_label : "", _("Start"), _("End"), NULL);
    case L4A_CHART_SCORES:
    default:
      return strv_of (chart->y_label ? chart->y_label : "", _("Reviews"), _("Mean"), _("Median"), NULL);
    }
}

/**
 * l4a_chart_table_n_rows:
 *
 * Returns: how many rows the chart's data table has under its headings:
 *   every point of a line, however many
 */
guint
l4a_chart_table_n_rows (L4aChart *chart)
{
  L4aChartSeries *first;

  g_return_val_if_fail (chart != NULL, 0);

  first = series_at (chart, 0);
  switch (chart->kind)
    {
    case L4A_CHART_PROGRESS:
      return (first ? first->points->len : 0) + isfinite (chart->baseline_value) + isfinite (chart->target_value);
    case L4A_CHART_TIMELINE:
      return MIN (first ? first->points->len : 0, chart->categories->len);
    case L4A_CHART_BARS:
    case L4A_CHART_STACKED_BARS:
    case L4A_CHART_SCORES:
    default:
      return chart->categories->len;
    }
}

static const char *
category_label (L4aChart *chart,
                guint     i)
{
  return ((L4aChartCategory *) g_ptr_array_index (chart->categories, i))->label;
}

/**
 * l4a_chart_table_row:
 * @row: from 0 to l4a_chart_table_n_rows() - 1
 *
 * Returns: (transfer full): the texts of one row of the chart's data
 *   table, made when asked (a line may have a million points)
 */
GStrv
l4a_chart_table_row (L4aChart *chart,
                     guint     row)
{
  L4aChartSeries *first;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (row < l4a_chart_table_n_rows (chart), NULL);

  first = series_at (chart, 0);
  switch (chart->kind)
    {
    case L4A_CHART_PROGRESS:
      {
        guint points = first ? first->points->len : 0;
        gboolean baseline = isfinite (chart->baseline_value);
        g_autofree char *day = NULL;
        g_autofree char *value = NULL;

        if (baseline && row == 0)
          {
            g_autofree char *label = NULL;

            day = l4a_format_day (chart->baseline_day);
            value = l4a_format_number (chart->baseline_value, -1);
            label = g_strdup_printf ("%s (%s)", day, _("baseline"));
            return strv_of (label, value, NULL);
          }
        row -= baseline;
        if (row >= points)
          {
            g_autofree char *label = NULL;

            day = l4a_format_day (chart->target_day);
            value = l4a_format_number (chart->target_value, -1);
            label = g_strdup_printf ("%s (%s)", day, _("target"));
            return strv_of (label, value, NULL);
          }
        day = l4a_format_day (point_at (first, row)->x);
        value = l4a_format_number (point_at (first, row)->y, -1);
        return strv_of (day, value, NULL);
      }

    case L4A_CHART_BARS:
    case L4A_CHART_STACKED_BARS:
      {
        g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();

        g_strv_builder_add (cells, category_label (chart, row));
        for (guint s = 0; s < chart->series->len; s++)
          {
            L4aChartSeries *series = series_at (chart, s);
            g_autofree char *value = l4a_format_number (row < series->points->len ? point_at (series, row)->y : 0, -1);

            g_strv_builder_add (cells, value);
          }
        return g_strv_builder_end (cells);
      }

    case L4A_CHART_TIMELINE:
      {
        g_autofree char *start = l4a_format_day (point_at (first, row)->x);
        g_autofree char *end = l4a_format_day (point_at (first, row)->y);

        return strv_of (category_label (chart, row), start, end, NULL);
      }

    case L4A_CHART_SCORES:
    default:
      {
        g_autoptr(GString) scores = g_string_new (NULL);
        g_autofree char *mean = NULL;
        g_autofree char *median = NULL;

        for (guint s = 0; s < chart->series->len && s < 3; s++)
          {
            L4aChartSeries *series = series_at (chart, s);

            for (guint k = 0; k < series->points->len; k++)
              if ((guint) point_at (series, k)->y == row)
                {
                  g_autofree char *value = l4a_format_number (point_at (series, k)->x, 2);

                  if (s == 0)
                    g_string_append_printf (scores, "%s%s", scores->len ? ", " : "", value);
                  else if (s == 1)
                    {
                      g_free (mean);
                      mean = g_strdup (value);
                    }
                  else
                    {
                      g_free (median);
                      median = g_strdup (value);
                    }
                }
          }
        return strv_of (category_label (chart, row), scores->str, mean ? mean : "—", median ? median : "—", NULL);
      }
    }
}

/**
 * l4a_chart_table:
 *
 * Returns: (transfer full) (element-type GStrv): the chart's data as rows
 *   of texts, the first row the headings
 */
GPtrArray *
l4a_chart_table (L4aChart *chart)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = l4a_chart_table_n_rows (chart);

  g_ptr_array_add (rows, l4a_chart_table_heading (chart));
  for (guint r = 0; r < n; r++)
    g_ptr_array_add (rows, l4a_chart_table_row (chart, r));
  return rows;
}

/**
 * l4a_chart_export:
 * @path: ends in .png, .svg or .pdf
 * @width: in pixels (PNG, SVG) or points (PDF)
 * @scale: pixels per unit for PNG (1 or 2 for a sharper image)
 *
 * Writes @chart to a file, with its title. SVG is in pixel units.
 */
gboolean
l4a_chart_export (L4aChart            *chart,
                  const char          *path,
                  double               width,
                  double               height,
                  double               scale,
                  const L4aChartStyle *style,
                  GError             **error)
{
  L4aChartStyle with_title = *style;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL && path != NULL, FALSE);

  with_title.title = TRUE;
  if (width < 50 || height < 50 || width > 20000 || height > 20000 || scale <= 0 || scale > 8)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A chart is from 50 to 20 000 units wide and high, at a scale from 0 to 8."));
      return FALSE;
    }
  surface = l4a_file_surface_new (path, width, height, scale, _("a chart"), error);
  if (surface == NULL)
    return FALSE;
  cr = cairo_create (surface);
  l4a_chart_draw (chart, cr, width, height, &with_title);
  cairo_destroy (cr);
  return l4a_file_surface_finish (surface, path, error);
}
