/* l4a-chart.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  L4A_CHART_PROGRESS,      /* an indicator over time, toward its target */
  L4A_CHART_BARS,          /* one value per category */
  L4A_CHART_STACKED_BARS,  /* several series stacked per category */
  L4A_CHART_TIMELINE,      /* one time span per row, with markers */
  L4A_CHART_SCORES,        /* dots per category, with mean and median */
} L4aChartKind;

typedef enum
{
  L4A_VERDICT_NONE,        /* not enough data to say */
  L4A_VERDICT_ON_TRACK,
  L4A_VERDICT_OFF_TRACK,
  L4A_VERDICT_REACHED,
} L4aVerdict;

typedef struct
{
  double  x;       /* a day (progress, timeline start) or a category index */
  double  y;       /* a value, or the last day of a timeline span */
  char   *label;   /* what a tooltip and the data table say of it */
} L4aChartPoint;

typedef struct
{
  char   *name;
  char   *colour;  /* "#RRGGBB", or NULL for the palette */
  int     dash;    /* 0 solid, 1 dashed, 2 dotted */
  int     marker;  /* 0 circle, 1 square, 2 triangle, 3 diamond, 4 none */
  GArray *points;  /* L4aChartPoint */
} L4aChartSeries;

typedef struct
{
  char *label;
  char *colour;    /* a category's own colour (SDGs), or NULL */
} L4aChartCategory;

/* Where a point was drawn, for tooltips and keyboard focus. */
typedef struct
{
  double x, y;               /* centre, in the drawing's units */
  double left, top, right, bottom;
  guint  series;
  guint  index;
} L4aChartHit;

typedef struct
{
  double fg[3], bg[3], grid[3], muted[3];
  double palette[6][3];
  gboolean high_contrast;
  gboolean title;            /* draw the title (exports) */
  gboolean transparent;      /* leave the background to what is under the chart */
  gboolean every_point;      /* draw every point of a long line, not what its pixels can show */
  const char *font;
} L4aChartStyle;

typedef struct
{
  L4aChartKind  kind;
  char         *name;         /* as `chart --list` names it */
  char         *title;
  char         *description;  /* for assistive technologies */
  char         *x_label;
  char         *y_label;
  char         *unit;
  GPtrArray    *categories;   /* L4aChartCategory */
  GPtrArray    *series;       /* L4aChartSeries */

  /* progress */
  double        baseline_day, baseline_value;
  double        target_day, target_value;
  gboolean      higher_is_better;
  L4aVerdict    verdict;
  char         *verdict_text;

  double        today;        /* a day, or NaN for no today line */
  double        y_min, y_max; /* a fixed value range, or NaN */

  GArray       *hits;         /* L4aChartHit, after drawing */

  /* private: the points' ranges, read once for every drawing of the same
   * points (a chart is drawn again as it is resized or hovered) */
  guint         ranged_points;
  double        ranges[4];    /* days from, to; values from, to */
} L4aChart;

L4aChart       *l4a_chart_new            (L4aChartKind        kind,
                                          const char         *name,
                                          const char         *title);
void            l4a_chart_free           (L4aChart           *chart);
L4aChartSeries *l4a_chart_add_series     (L4aChart           *chart,
                                          const char         *name,
                                          const char         *colour,
                                          int                 dash,
                                          int                 marker);
void            l4a_chart_series_add     (L4aChartSeries     *series,
                                          double              x,
                                          double              y,
                                          const char         *label);
void            l4a_chart_add_category   (L4aChart           *chart,
                                          const char         *label,
                                          const char         *colour);
void            l4a_chart_set_progress   (L4aChart           *chart,
                                          double              baseline_day,
                                          double              baseline_value,
                                          double              target_day,
                                          double              target_value,
                                          gboolean            higher_is_better);
L4aVerdict      l4a_chart_compute_verdict (L4aChart          *chart);
gboolean        l4a_chart_is_empty       (L4aChart           *chart);

void            l4a_chart_style_init     (L4aChartStyle      *style,
                                          gboolean            dark,
                                          gboolean            high_contrast);
void            l4a_chart_draw           (L4aChart           *chart,
                                          cairo_t            *cr,
                                          double              width,
                                          double              height,
                                          const L4aChartStyle *style);
int             l4a_chart_hit_at         (L4aChart           *chart,
                                          double              x,
                                          double              y,
                                          double              radius);
char           *l4a_chart_describe_hit   (L4aChart           *chart,
                                          guint               hit);

GPtrArray      *l4a_chart_table          (L4aChart           *chart);
GStrv           l4a_chart_table_heading  (L4aChart           *chart);
guint           l4a_chart_table_n_rows   (L4aChart           *chart);
GStrv           l4a_chart_table_row      (L4aChart           *chart,
                                          guint               row);
gboolean        l4a_chart_export         (L4aChart           *chart,
                                          const char         *path,
                                          double              width,
                                          double              height,
                                          double              scale,
                                          const L4aChartStyle *style,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aChart, l4a_chart_free)

G_END_DECLS
