/* l4a-csv.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-csv"

#include "config.h"

#include <string.h>

#include "l4a-csv.h"
#include "l4a-hub.h"
#include "l4a-reference.h"
#include "l4a-registry.h"

/* Whether a spreadsheet opening the cell could take it for a formula:
 * it starts, after any spaces, with =, +, -, @, or it starts with a tab
 * or a carriage return; a plain negative number (such as -3.5) is a
 * number. */
static gboolean
looks_like_formula (const char *value)
{
  const char *first = value;
  char *end = NULL;

  if (value[0] == '\t' || value[0] == '\r')
    return TRUE;
  while (*first == ' ')
    first++;
  if (strchr ("=+-@", *first) == NULL || *first == '\0')
    return FALSE;
  if (*first != '-')
    return TRUE;
  /* a negative number as the application writes it stays a number */
  g_ascii_strtod (value, &end);
  return end == value || *end != '\0' || first != value;
}

/**
 * l4a_csv_append_field:
 * @line: the line so far
 * @value: (nullable): the field; %NULL for an empty one
 * @text: unused: every cell is guarded, whatever it holds (a code or a
 *   unit from a bundle is as much someone's typing as a name)
 *
 * Appends one RFC 4180 field. A value that a spreadsheet would take for a
 * formula (see looks_like_formula()) is prefixed with an apostrophe, so
 * that opening the file never runs what a record's author typed. Each
 * field is followed by a comma until l4a_csv_end_line() ends the line.
 */
void
l4a_csv_append_field (GString    *line,
                      const char *value,
                      gboolean    text)
{
  gboolean quote;

  g_return_if_fail (line != NULL);

  if (value == NULL)
    {
      g_string_append_c (line, ',');
      return;
    }

  quote = strpbrk (value, ",\"\r\n") != NULL || value[0] == ' ' ||
          (value[0] && value[strlen (value) - 1] == ' ');

  if (quote)
    g_string_append_c (line, '"');
  if (looks_like_formula (value))
    g_string_append_c (line, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
  g_string_append_c (line, ',');
}

/* Ends the line that l4a_csv_append_field() built. */
void
l4a_csv_end_line (GString *line)
{
  g_return_if_fail (line != NULL);

  if (line->len > 0 && line->str[line->len - 1] == ',')
    g_string_truncate (line, line->len - 1);
  g_string_append (line, "\r\n");
}

/**
 * l4a_csv_write_hubs:
 * @hubs: a list of #L4aHub
 *
 * Writes @hubs as CSV, UTF-8, one header line then one line per hub, with
 * codes (ISO countries, region codes, SDG numbers) next to the names.
 */
gboolean
l4a_csv_write_hubs (GListModel    *hubs,
                    GOutputStream *out,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GString) text = g_string_new ("id,name,government,country,country_name,region,"
                                          "region_name,sdgs,pact_axis,status,format,start,end\r\n");
  guint n = g_list_model_get_n_items (hubs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);
      g_autofree char *sdgs = l4a_sdgs_to_string (l4a_hub_get_sdgs (hub));
      const L4aReferenceEntry *country = l4a_reference_lookup (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (hub));
      const L4aReferenceEntry *region = l4a_reference_lookup (L4A_REFERENCE_REGIONS, l4a_hub_get_region (hub));

      g_strdelimit (sdgs, ",", ' ');
      l4a_csv_append_field (text, l4a_hub_get_id (hub), FALSE);
      l4a_csv_append_field (text, l4a_hub_get_name (hub), TRUE);
      l4a_csv_append_field (text, l4a_hub_get_government (hub), TRUE);
      l4a_csv_append_field (text, l4a_hub_get_country (hub), FALSE);
      l4a_csv_append_field (text, country ? country->name : NULL, FALSE);
      l4a_csv_append_field (text, l4a_hub_get_region (hub), FALSE);
      l4a_csv_append_field (text, region ? region->name : NULL, FALSE);
      l4a_csv_append_field (text, sdgs, FALSE);
      l4a_csv_append_field (text, l4a_hub_get_pact_axis (hub), FALSE);
      l4a_csv_append_field (text, l4a_hub_get_status (hub), FALSE);
      l4a_csv_append_field (text, l4a_hub_get_format (hub), FALSE);
      l4a_csv_append_field (text, l4a_hub_get_start (hub), FALSE);
      l4a_csv_append_field (text, l4a_hub_get_end (hub), FALSE);
      l4a_csv_end_line (text);

      if (text->len > 64 * 1024 || i + 1 == n)
        {
          if (!g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (text, 0);
        }
    }

  if (n == 0 && !g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error))
    return FALSE;

  return TRUE;
}
