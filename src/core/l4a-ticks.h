/* l4a-ticks.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ticks of an axis: from min to max by step, n of them. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n;
  int    digits;   /* decimals that show the step exactly */
} L4aTicks;

#define L4A_TICKS_MAX 64

void    l4a_ticks_nice        (double      lo,
                               double      hi,
                               guint       wanted,
                               L4aTicks   *ticks);
double  l4a_ticks_value       (const L4aTicks *ticks,
                               guint       i);
gboolean l4a_number_parse     (const char *text,
                               double     *value);
char   *l4a_number_to_edit    (double      value);
char   *l4a_format_number     (double      value,
                               int         digits);

/* Date ticks; dates are days since 1 January 1970 (UTC). */
typedef enum
{
  L4A_DATE_STEP_DAY,
  L4A_DATE_STEP_WEEK,
  L4A_DATE_STEP_MONTH,
  L4A_DATE_STEP_QUARTER,
  L4A_DATE_STEP_HALF_YEAR,
  L4A_DATE_STEP_YEAR,
  L4A_DATE_STEP_YEARS,
} L4aDateStep;

typedef struct
{
  L4aDateStep unit;
  guint       every;     /* years per tick for L4A_DATE_STEP_YEARS */
  guint       n;
  double      days[L4A_TICKS_MAX];
} L4aDateTicks;

void    l4a_date_ticks        (double        from,
                               double        to,
                               guint         wanted,
                               L4aDateTicks *ticks);
char   *l4a_date_tick_label   (const L4aDateTicks *ticks,
                               double        day);
double  l4a_day_from_iso      (const char   *iso);
char   *l4a_day_to_iso        (double        day);
char   *l4a_format_day        (double        day);

G_END_DECLS
