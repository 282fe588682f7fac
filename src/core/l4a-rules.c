/* l4a-rules.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-labels.h"
#include "l4a-rules.h"

static void
field_error_free (gpointer data)
{
  L4aFieldError *error = data;

  g_free (error->field);
  g_free (error->message);
  g_free (error);
}

GPtrArray *
l4a_field_errors_new (void)
{
  return g_ptr_array_new_with_free_func (field_error_free);
}

void
l4a_field_errors_add (GPtrArray  *errors,
                      const char *field,
                      const char *format,
                      ...)
{
  L4aFieldError *error;
  va_list args;

  g_return_if_fail (errors != NULL);

  error = g_new0 (L4aFieldError, 1);
  error->field = g_strdup (field);
  va_start (args, format);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, error);
}

/**
 * l4a_field_errors_find:
 *
 * Returns: (nullable): the first message about @field
 */
const char *
l4a_field_errors_find (GPtrArray  *errors,
                       const char *field)
{
  for (guint i = 0; errors && i < errors->len; i++)
    {
      L4aFieldError *error = g_ptr_array_index (errors, i);

      if (g_str_equal (error->field, field))
        return error->message;
    }
  return NULL;
}

/**
 * l4a_time_frame_months:
 * @start: the first day, YYYY-MM-DD
 * @end: the last day, YYYY-MM-DD
 * @full_months: (out) (optional): whole months from @start to the day after @end
 * @started_months: (out) (optional): the same, counting a started month as one
 *
 * 2024-09-01 to 2027-08-31 is 36 months; one day more is 36 full months
 * and 37 started ones.
 *
 * Returns: %FALSE when a date is not valid or @end is before @start
 */
gboolean
l4a_time_frame_months (const char *start,
                       const char *end,
                       int        *full_months,
                       int        *started_months)
{
  GDate from, to;
  int months;

  if (!l4a_parse_date (start, &from) || !l4a_parse_date (end, &to) || g_date_compare (&to, &from) < 0)
    return FALSE;

  g_date_add_days (&to, 1);
  months = ((int) g_date_get_year (&to) - (int) g_date_get_year (&from)) * 12 +
           (int) g_date_get_month (&to) - (int) g_date_get_month (&from);

  if (full_months)
    *full_months = months - (g_date_get_day (&to) < g_date_get_day (&from) ? 1 : 0);
  if (started_months)
    *started_months = months + (g_date_get_day (&to) > g_date_get_day (&from) ? 1 : 0);
  return TRUE;
}

/**
 * l4a_time_frame_problem:
 *
 * Returns: (transfer full) (nullable): why @start to @end is no time frame
 *   for a hub, in words for the user, or %NULL when it is one
 */
char *
l4a_time_frame_problem (const char *start,
                        const char *end)
{
  GDate from, to;
  int full, started;

  if (!l4a_parse_date (start, &from))
    return g_strdup (_("The start is not a date; write it as YYYY-MM-DD."));
  if (!l4a_parse_date (end, &to))
    return g_strdup (_("The end is not a date; write it as YYYY-MM-DD."));
  if (g_date_compare (&to, &from) <= 0)
    return g_strdup (_("The end must come after the start."));

  l4a_time_frame_months (start, end, &full, &started);
  if (full < L4A_MIN_MONTHS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The time frame is %d month; a hub runs 12 to 36 months.",
                                         "The time frame is %d months; a hub runs 12 to 36 months.", full),
                            full);
  if (started > L4A_MAX_MONTHS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The time frame is %d month; a hub runs 12 to 36 months.",
                                         "The time frame is %d months; a hub runs 12 to 36 months.", started),
                            started);
  return NULL;
}

/* Whether @text is missing or holds nothing but white space. */
gboolean
l4a_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * l4a_set_text_field:
 * @field: where @object keeps the text of the property @pspec
 *
 * Sets a text property of an editable record (L4aHubEdit,
 * L4aGovernmentEdit) and notifies it, only when it changes.
 *
 * Returns: whether it changed
 */
gboolean
l4a_set_text_field (GObject     *object,
                    char       **field,
                    const char  *text,
                    GParamSpec  *pspec)
{
  if (g_strcmp0 (text, *field) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

/**
 * l4a_text_fields_install:
 * @pspecs: where the class keeps its properties; 1 to @n_fields are set
 *
 * Makes a string property, notified only when it changes, of each text
 * field; the class installs them with the rest of its properties.
 */
void
l4a_text_fields_install (GParamSpec         **pspecs,
                         const L4aTextField  *fields,
                         guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    pspecs[i + 1] = g_param_spec_string (fields[i].property, NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* Returns: whether @prop_id is a text field, now in @value */
gboolean
l4a_text_fields_get (GObject            *object,
                     const L4aTextField *fields,
                     guint               n_fields,
                     guint               prop_id,
                     GValue             *value)
{
  if (prop_id < 1 || prop_id > n_fields)
    return FALSE;
  g_value_set_string (value, L4A_TEXT_FIELD (object, fields, prop_id - 1));
  return TRUE;
}

/* Returns: whether @prop_id is a text field, now set and notified if it
 * changed */
gboolean
l4a_text_fields_set (GObject            *object,
                     const L4aTextField *fields,
                     guint               n_fields,
                     guint               prop_id,
                     const GValue       *value,
                     GParamSpec         *pspec)
{
  if (prop_id < 1 || prop_id > n_fields)
    return FALSE;
  l4a_set_text_field (object, &L4A_TEXT_FIELD (object, fields, prop_id - 1), g_value_get_string (value), pspec);
  return TRUE;
}

/* Frees the text fields of a record being finalized. */
void
l4a_text_fields_clear (gpointer            object,
                       const L4aTextField *fields,
                       guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer (&L4A_TEXT_FIELD (object, fields, i), g_free);
}

/* Copies the text fields of @from into @to, a new record without any. */
void
l4a_text_fields_copy (gpointer            to,
                      gconstpointer       from,
                      const L4aTextField *fields,
                      guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_free (L4A_TEXT_FIELD (to, fields, i));
      L4A_TEXT_FIELD (to, fields, i) = g_strdup (L4A_TEXT_FIELD ((gpointer) from, fields, i));
    }
}

/**
 * l4a_fold_text:
 *
 * Returns: (transfer full): @text without accents and in folded case, for
 *   finding words whatever their accents and case
 */
char *
l4a_fold_text (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed ? decomposed : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

/**
 * l4a_sort_key:
 *
 * Returns: (transfer full): a key that sorts @text as people read it with
 *   strcmp(): accents and case aside, then in the user's locale, so that
 *   “Àrea” comes before “beta” whatever the locale
 */
char *
l4a_sort_key (const char *text)
{
  g_autofree char *folded = l4a_fold_text (text);

  return g_utf8_collate_key (folded, -1);
}
