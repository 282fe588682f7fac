/* l4a-labels.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-labels"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "l4a-labels.h"
#include "l4a-types.h"

/* Words shown to users for the codes stored in the database: kept with
 * their enums, in l4a-types.c. */

const char *
l4a_hub_status_label (const char *status)
{
  return l4a_enum_get_label (L4A_TYPE_HUB_STATUS, status);
}

const char *
l4a_hub_format_label (const char *format)
{
  return l4a_enum_get_label (L4A_TYPE_FORMAT, format);
}

const char *
l4a_deliverable_status_label (const char *status)
{
  return l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, status);
}

const char *
l4a_activity_kind_label (const char *kind)
{
  return l4a_enum_get_label (L4A_TYPE_ACTIVITY_KIND, kind);
}

/* A member's recommendation; none yet when @recommendation is none. */
const char *
l4a_recommendation_label (const char *recommendation)
{
  if (!l4a_enum_is_valid (L4A_TYPE_RECOMMENDATION, recommendation))
    return _("No recommendation yet");
  return l4a_enum_get_label (L4A_TYPE_RECOMMENDATION, recommendation);
}

/* A decision's outcome; empty when @outcome is none. */
const char *
l4a_outcome_label (const char *outcome)
{
  if (!l4a_enum_is_valid (L4A_TYPE_OUTCOME, outcome))
    return "";
  return l4a_enum_get_label (L4A_TYPE_OUTCOME, outcome);
}

const char *
l4a_proposal_state_label (const char *state)
{
  return l4a_enum_get_label (L4A_TYPE_PROPOSAL_STATE, state);
}

/**
 * l4a_parse_date:
 * @iso_date: a date as YYYY-MM-DD
 *
 * Returns: whether @iso_date is a valid calendar date
 */
gboolean
l4a_parse_date (const char *iso_date,
                GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  /* YYYY-MM-DD, digits where digits go (the reports' pass of a large
   * registry parses hundreds of thousands: sscanf() took a quarter of it) */
  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;
  year = (guint) g_ascii_digit_value (iso_date[0]) * 1000 + (guint) g_ascii_digit_value (iso_date[1]) * 100 +
         (guint) g_ascii_digit_value (iso_date[2]) * 10 + (guint) g_ascii_digit_value (iso_date[3]);
  month = (guint) g_ascii_digit_value (iso_date[5]) * 10 + (guint) g_ascii_digit_value (iso_date[6]);
  day = (guint) g_ascii_digit_value (iso_date[8]) * 10 + (guint) g_ascii_digit_value (iso_date[9]);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* The months, in the interface's language whatever the locale's: the
 * published website writes three languages from one process. */
static const char * const months[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"), NC_("month", "May"),
  NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"), NC_("month", "Oct"),
  NC_("month", "Nov"), NC_("month", "Dec"),
};

/**
 * l4a_month_abbreviation:
 * @month: 1 to 12
 *
 * Returns: (transfer none): the month's short name, such as “Mar”
 */
const char *
l4a_month_abbreviation (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]);
}

/**
 * l4a_format_day_month_year:
 *
 * Returns: (transfer full): a day, such as “1 Mar 2027”
 */
char *
l4a_format_day_month_year (guint day,
                           guint month,
                           int   year)
{
  /* translators: a day, the month's short name and the year, e.g. 1 Mar 2027 */
  return g_strdup_printf (C_("date", "%u %s %d"), day, l4a_month_abbreviation (month), year);
}

/**
 * l4a_format_month_year:
 *
 * Returns: (transfer full): a month, such as “Mar 2027”
 */
char *
l4a_format_month_year (guint month,
                       int   year)
{
  /* translators: the month's short name and the year, e.g. Mar 2027 */
  return g_strdup_printf (C_("date", "%s %d"), l4a_month_abbreviation (month), year);
}

/**
 * l4a_format_day_month:
 *
 * Returns: (transfer full): a day of a year already said, such as “1 Mar”
 */
char *
l4a_format_day_month (guint day,
                      guint month)
{
  /* translators: a day and the month's short name, e.g. 1 Mar */
  return g_strdup_printf (C_("date", "%u %s"), day, l4a_month_abbreviation (month));
}

/**
 * l4a_format_date:
 *
 * Returns: (transfer full): @iso_date written for the user's locale, or a
 *   copy of @iso_date when it is not a date
 */
char *
l4a_format_date (const char *iso_date)
{
  GDate date;
  g_autofree char *day = NULL;

  /* A timestamp such as 2024-06-20T09:00:00Z shows as its day. */
  if (iso_date != NULL && strlen (iso_date) > 10 && iso_date[10] == 'T')
    iso_date = day = g_strndup (iso_date, 10);
  if (!l4a_parse_date (iso_date, &date))
    return g_strdup (iso_date);

  return l4a_format_day_month_year (g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
}

/**
 * l4a_format_time:
 *
 * Returns: (transfer full): the UTC time @iso_time (such as
 *   2026-06-30T09:00:00Z) written in local time for the user's locale, or
 *   a copy of @iso_time when it is not such a time
 */
char *
l4a_format_time (const char *iso_time)
{
  g_autoptr(GDateTime) utc = iso_time ? g_date_time_new_from_iso8601 (iso_time, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso_time);
  {
    g_autofree char *day = l4a_format_day_month_year (g_date_time_get_day_of_month (local),
                                                      g_date_time_get_month (local), g_date_time_get_year (local));

    /* translators: a day, then an hour and minutes, e.g. 1 Mar 2027, 09:30 */
    return g_strdup_printf (_("%s, %02d:%02d"), day, g_date_time_get_hour (local), g_date_time_get_minute (local));
  }
}

/**
 * l4a_format_period:
 *
 * Returns: (transfer full): the months from @start to @end, such as
 *   “Sep 2024 – Aug 2027”
 */
char *
l4a_format_period (const char *start,
                   const char *end)
{
  GDate from, to;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!l4a_parse_date (start, &from) || !l4a_parse_date (end, &to))
    return g_strdup_printf ("%s – %s", start ? start : "", end ? end : "");

  first = l4a_format_month_year (g_date_get_month (&from), g_date_get_year (&from));
  last = l4a_format_month_year (g_date_get_month (&to), g_date_get_year (&to));

  /* translators: a period from one month to another */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/**
 * l4a_today_iso:
 *
 * Returns: (transfer full): today's date where the user is, as 2026-06-30
 */
char *
l4a_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * l4a_format_days:
 * @end: (nullable): the last day, or %NULL for one day
 *
 * Returns: (transfer full): the days from @start to @end, as short as
 *   reads well: “3 Nov 2024”, “3–4 Nov 2024”, “28 Feb – 2 Mar 2025”,
 *   “30 Dec 2025 – 2 Jan 2026”
 */
char *
l4a_format_days (const char *start,
                 const char *end)
{
  GDate from, to;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (end == NULL || *end == '\0' || g_strcmp0 (start, end) == 0 || !l4a_parse_date (start, &from) ||
      !l4a_parse_date (end, &to))
    return end && *end && g_strcmp0 (start, end) != 0 ? g_strdup_printf ("%s – %s", start ? start : "", end)
                                                       : l4a_format_date (start);

  last = l4a_format_date (end);
  if (g_date_get_year (&from) != g_date_get_year (&to))
    first = l4a_format_date (start);
  else if (g_date_get_month (&from) != g_date_get_month (&to))
    first = l4a_format_day_month (g_date_get_day (&from), g_date_get_month (&from));
  else
    /* translators: the first and last days of a few days in one month, e.g. “3–4 Nov 2024” */
    return g_strdup_printf (C_("days", "%u–%s"), g_date_get_day (&from), last);

  /* translators: a few days from one date to another, e.g. “28 Feb – 2 Mar 2025” */
  return g_strdup_printf (C_("days", "%s – %s"), first, last);
}

/* glibc's counter of catalogue changes: raised, gettext reads LANGUAGE again */
extern int _nl_msg_cat_cntr;

/**
 * l4a_language_push:
 * @lang: a language code such as "fr"
 *
 * Has gettext speak @lang until l4a_language_pop(). It sets LANGUAGE,
 * which is only safe in a process with no other thread at work: the
 * command line, never the window.
 */
void
l4a_language_push (L4aLanguage *language,
                   const char  *lang)
{
  language->saved = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", lang, TRUE);
  ++_nl_msg_cat_cntr;
}

void
l4a_language_pop (L4aLanguage *language)
{
  if (language->saved != NULL)
    g_setenv ("LANGUAGE", language->saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_clear_pointer (&language->saved, g_free);
  ++_nl_msg_cat_cntr;
}
