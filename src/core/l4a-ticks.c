/* l4a-ticks.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Axis ticks. Numbers follow Heckbert's "nice numbers for graph labels"
 * (Graphics Gems, 1990), loose labelling: the ticks enclose the data and
 * step by 1, 2 or 5 times a power of ten. Degenerate ranges (one value,
 * all zero) are widened first; non-finite ones become 0..1. Dates step by
 * days, weeks, months, quarters, half-years or years, on calendar
 * boundaries.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "l4a-labels.h"
#include "l4a-ticks.h"

/* The nice number near @x: 1, 2, 5 or 10 times a power of ten, rounded or
 * at least @x. */
static double
nice_number (double   x,
             gboolean round_it)
{
  double exponent = floor (log10 (x));
  double fraction = x / pow (10, exponent);
  double nice;

  if (round_it)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

/**
 * l4a_ticks_nice:
 * @wanted: about how many ticks (at least 2)
 *
 * Fills @ticks with nice ticks that enclose @lo..@hi.
 */
void
l4a_ticks_nice (double    lo,
                double    hi,
                guint     wanted,
                L4aTicks *ticks)
{
  double range, step;

  g_return_if_fail (ticks != NULL);

  wanted = CLAMP (wanted, 2, L4A_TICKS_MAX / 2);
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (lo > hi)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  if (lo == hi)
    {
      /* one value: a range around it, from zero when it is positive and small */
      double pad = lo == 0 ? 1 : fabs (lo) * 0.1;

      if (lo >= 0 && lo <= 10)
        lo = 0;
      else
        lo -= pad;
      hi += pad;
    }

  range = nice_number (hi - lo, FALSE);
  if (!isfinite (range))
    {
      /* beyond double: halve both ends and try again */
      l4a_ticks_nice (lo / 2, hi / 2, wanted, ticks);
      ticks->min *= 2;
      ticks->max *= 2;
      ticks->step *= 2;
      return;
    }
  step = nice_number (range / (wanted - 1), TRUE);
  ticks->min = floor (lo / step) * step;
  ticks->max = ceil (hi / step) * step;
  ticks->step = step;
  ticks->n = (guint) MIN (round ((ticks->max - ticks->min) / step) + 1, L4A_TICKS_MAX);
  ticks->digits = (int) MAX (-floor (log10 (step)), 0);
  ticks->digits = MIN (ticks->digits, 12);
}

double
l4a_ticks_value (const L4aTicks *ticks,
                 guint           i)
{
  double value = ticks->min + i * ticks->step;

  /* no -0, and no 0.30000000000000004 */
  if (fabs (value) < ticks->step * 1e-9)
    return 0;
  return round (value / ticks->step) * ticks->step;
}

/**
 * l4a_format_number:
 * @digits: decimals to show, or -1 for as many as needed (up to 6)
 *
 * Returns: (transfer full): @value in the user's locale, with digit
 *   grouping; very large and very small magnitudes in scientific notation
 */
char *
l4a_format_number (double value,
                   int    digits)
{
  char buffer[64];

  if (!isfinite (value))
    return g_strdup ("—");
  if (value != 0 && (fabs (value) >= 1e15 || fabs (value) < 1e-6))
    {
      snprintf (buffer, sizeof buffer, "%.3g", value);
      return g_strdup (buffer);
    }
  if (digits < 0)
    {
      /* the fewest decimals that keep 6 significant digits */
      for (digits = 0; digits < 6; digits++)
        if (fabs (value * pow (10, digits) - round (value * pow (10, digits))) < 1e-9 * MAX (1, fabs (value)))
          break;
    }
  snprintf (buffer, sizeof buffer, "%'.*f", digits, value == 0 ? 0.0 : value);
  return g_strdup (buffer);
}

/* The user's decimal mark and digit grouping: one character each, or 0. */
static void
locale_marks (gunichar *decimal,
              gunichar *grouping)
{
  const struct lconv *conv = localeconv ();

  *decimal = conv->decimal_point && *conv->decimal_point ? g_utf8_get_char (conv->decimal_point) : '.';
  *grouping = conv->thousands_sep && *conv->thousands_sep ? g_utf8_get_char (conv->thousands_sep) : 0;
}

static gboolean
is_space_mark (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

static gboolean
only_spaces_after (const char *p)
{
  for (; *p; p = g_utf8_next_char (p))
    if (!is_space_mark (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* three digits, then the end, a mark or a space */
static gboolean
three_digits_after (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]);
}

/**
 * l4a_number_parse:
 * @text: a number as a person types it: “2.5”, or in the user's locale
 *   “2,5”, “4 179,5”, “4.179,5” (Spanish), “4,179.5” (English); a minus
 *   sign or a hyphen before it
 * @value: (out): the number
 *
 * A single mark that is the locale's grouping and is followed by three
 * digits groups them (“4.179” in Spanish is 4179); otherwise a single
 * point or comma is the decimal mark, whatever the locale (“2.5” and
 * “2,5” are both two and a half). Where both appear, the last is the
 * decimal mark. No exponents, no “nan”.
 *
 * Returns: whether @text is a number
 */
gboolean
l4a_number_parse (const char *text,
                  double     *value)
{
  g_autoptr(GString) plain = NULL;
  gunichar decimal, grouping, mark = 0;
  const char *p, *last_mark = NULL;
  guint n_points = 0, n_commas = 0, digits = 0;
  char *end = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || strlen (text) > 100)
    return FALSE;
  locale_marks (&decimal, &grouping);

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.' || c == ',')
        {
          n_points += c == '.';
          n_commas += c == ',';
          last_mark = p;
        }
    }

  /* which mark, if any, is the decimal one */
  if (n_points > 0 && n_commas > 0)
    mark = g_utf8_get_char (last_mark);
  else if (n_points + n_commas == 1)
    {
      gunichar only = g_utf8_get_char (last_mark);
      const char *after = last_mark + 1;
      gboolean three = g_ascii_isdigit (after[0]) && g_ascii_isdigit (after[1]) && g_ascii_isdigit (after[2]) &&
                       !g_ascii_isdigit (after[3]) && after[3] != '.' && after[3] != ',';

      mark = (only == grouping && only != decimal && three) ? 0 : only;
    }

  plain = g_string_new (NULL);
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (plain, (char) c);
          digits++;
        }
      else if ((c == '-' || c == 0x2212 || c == '+') && digits == 0 && plain->len == 0)
        g_string_append_c (plain, c == '+' ? '+' : '-');
      else if (c == mark && mark != 0)
        {
          if (strchr (plain->str, '.') != NULL)
            return FALSE;
          g_string_append_c (plain, '.');
        }
      else if (is_space_mark (c) && (digits == 0 || only_spaces_after (g_utf8_next_char (p))))
        continue;   /* around the number */
      else if ((c == '.' || c == ',' || is_space_mark (c) || c == '\'' || c == grouping) && digits > 0 &&
               strchr (plain->str, '.') == NULL && three_digits_after (g_utf8_next_char (p)))
        continue;   /* between groups of three digits */
      else
        return FALSE;
    }
  if (digits == 0)
    return FALSE;
  *value = g_ascii_strtod (plain->str, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/**
 * l4a_number_to_edit:
 *
 * Returns: (transfer full): @value for a person to change in a field: the
 *   locale's decimal mark, no grouping, as many digits as it has (up to
 *   15); empty for no number
 */
char *
l4a_number_to_edit (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gunichar decimal, grouping;
  g_autoptr(GString) text = NULL;

  if (!isfinite (value))
    return g_strdup ("");
  locale_marks (&decimal, &grouping);
  /* plain digits, never an exponent: what l4a_number_parse() reads back */
  if (fabs (value) >= 1e15)
    g_ascii_formatd (buffer, sizeof buffer, "%.0f", value);
  else if (value != 0 && fabs (value) < 1e-4)
    g_ascii_formatd (buffer, sizeof buffer, "%.12f", value);
  else
    g_ascii_formatd (buffer, sizeof buffer, "%.15g", value == 0 ? 0.0 : value);
  text = g_string_new (buffer);
  if (strchr (buffer, '.') != NULL && strchr (buffer, 'e') == NULL)
    while (text->str[text->len - 1] == '0')
      g_string_truncate (text, text->len - 1);
  if (text->str[text->len - 1] == '.')
    g_string_truncate (text, text->len - 1);
  if (decimal != '.')
    {
      char mark[8] = { 0 };

      g_unichar_to_utf8 (decimal, mark);
      g_string_replace (text, ".", mark, 1);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Dates ---------------------------------------------------------------------- */

double
l4a_day_from_iso (const char *iso)
{
  int y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NAN;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return (double) g_date_get_julian (&date) - 719163.0;  /* 1970-01-01 is Julian day 719163 */
}

static void
date_of (double day,
         GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (floor (day) + 719163.0, 1, G_MAXUINT32));
}

char *
l4a_day_to_iso (double day)
{
  GDate date;

  date_of (day, &date);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* @day in the user's locale, e.g. 30 June 2026. */
char *
l4a_format_day (double day)
{
  GDate date;

  if (!isfinite (day))
    return g_strdup ("—");
  date_of (day, &date);
  return l4a_format_day_month_year (g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
}

static double
day_of (const GDate *date)
{
  return (double) g_date_get_julian (date) - 719163.0;
}

/* Months per step, for the calendar steps. */
static guint
months_of (L4aDateStep unit,
           guint       every)
{
  switch (unit)
    {
    case L4A_DATE_STEP_MONTH: return 1;
    case L4A_DATE_STEP_QUARTER: return 3;
    case L4A_DATE_STEP_HALF_YEAR: return 6;
    case L4A_DATE_STEP_YEAR: return 12;
    case L4A_DATE_STEP_YEARS: return 12 * every;
    case L4A_DATE_STEP_DAY:
    case L4A_DATE_STEP_WEEK:
    default: return 0;
    }
}

/* Every tick of the step on calendar boundaries within @from..@to, up to
 * L4A_TICKS_MAX + 1 of them (one more says "too many"). */
static void
fill_date_ticks (double        from,
                 double        to,
                 L4aDateStep   unit,
                 guint         every,
                 L4aDateTicks *ticks)
{
  GDate date;

  ticks->unit = unit;
  ticks->every = every;
  ticks->n = 0;
  date_of (ceil (from), &date);
  if (unit == L4A_DATE_STEP_DAY || unit == L4A_DATE_STEP_WEEK)
    {
      guint step = unit == L4A_DATE_STEP_DAY ? 1 : 7;

      if ((to - from) / step > L4A_TICKS_MAX * 2)
        {
          ticks->n = L4A_TICKS_MAX;  /* far too many */
          return;
        }
      /* weeks start on Monday */
      if (step == 7)
        while (g_date_get_weekday (&date) != G_DATE_MONDAY)
          g_date_add_days (&date, 1);
      while (day_of (&date) <= to && ticks->n < L4A_TICKS_MAX)
        {
          ticks->days[ticks->n++] = day_of (&date);
          g_date_add_days (&date, step);
        }
      return;
    }

  {
    guint months = months_of (unit, every);
    int index = g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;

    /* the first boundary at or after @from: a month that the step divides,
     * in a year that the step divides */
    if (g_date_get_day (&date) != 1)
      index++;
    while (index % (int) months != 0)
      index++;
    for (;;)
      {
        GDate tick;

        if (index / 12 > 9999)
          break;
        g_date_clear (&tick, 1);
        g_date_set_dmy (&tick, 1, (GDateMonth) (index % 12 + 1), (GDateYear) (index / 12));
        if (day_of (&tick) > to || ticks->n >= L4A_TICKS_MAX)
          break;
        ticks->days[ticks->n++] = day_of (&tick);
        index += (int) months;
      }
  }
}

/**
 * l4a_date_ticks:
 * @from: the first day shown
 * @to: the last day shown
 * @wanted: at most how many ticks
 *
 * Ticks on calendar boundaries inside @from..@to: the finest step that
 * gives no more than @wanted of them.
 */
void
l4a_date_ticks (double        from,
                double        to,
                guint         wanted,
                L4aDateTicks *ticks)
{
  static const struct { L4aDateStep unit; guint every; } steps[] = {
    { L4A_DATE_STEP_DAY, 1 }, { L4A_DATE_STEP_WEEK, 1 }, { L4A_DATE_STEP_MONTH, 1 },
    { L4A_DATE_STEP_QUARTER, 1 }, { L4A_DATE_STEP_HALF_YEAR, 1 }, { L4A_DATE_STEP_YEAR, 1 },
    { L4A_DATE_STEP_YEARS, 2 }, { L4A_DATE_STEP_YEARS, 5 }, { L4A_DATE_STEP_YEARS, 10 },
    { L4A_DATE_STEP_YEARS, 20 }, { L4A_DATE_STEP_YEARS, 50 }, { L4A_DATE_STEP_YEARS, 100 },
  };

  g_return_if_fail (ticks != NULL);

  memset (ticks, 0, sizeof *ticks);
  wanted = CLAMP (wanted, 2, L4A_TICKS_MAX);
  if (!isfinite (from) || !isfinite (to))
    return;
  if (to < from)
    {
      double t = from;

      from = to;
      to = t;
    }
  /* the finest step whose ticks are few enough */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      fill_date_ticks (from, to, steps[i].unit, steps[i].every, ticks);
      if (ticks->n <= wanted && (to - from) / 36525 < L4A_TICKS_MAX)
        return;
    }
}

/**
 * l4a_date_tick_label:
 *
 * Returns: (transfer full): the label of the tick at @day: the year for
 *   yearly ticks, the month and year for monthly ones, the date otherwise
 */
char *
l4a_date_tick_label (const L4aDateTicks *ticks,
                     double              day)
{
  GDate date;

  date_of (day, &date);
  switch (ticks->unit)
    {
    case L4A_DATE_STEP_YEAR:
    case L4A_DATE_STEP_YEARS:
      return g_strdup_printf ("%d", g_date_get_year (&date));
    case L4A_DATE_STEP_MONTH:
    case L4A_DATE_STEP_QUARTER:
    case L4A_DATE_STEP_HALF_YEAR:
      return l4a_format_month_year (g_date_get_month (&date), g_date_get_year (&date));
    case L4A_DATE_STEP_DAY:
    case L4A_DATE_STEP_WEEK:
    default:
      return l4a_format_day_month (g_date_get_day (&date), g_date_get_month (&date));
    }
  return l4a_day_to_iso (day);
}
