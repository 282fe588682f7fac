/* l4a-charts.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts of the application, built from the database: what each one
 * shows, its accessible name and description, and its data.
 */

#define G_LOG_DOMAIN "l4a-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "l4a-charts.h"
#include "l4a-hub.h"
#include "l4a-labels.h"
#include "l4a-monitoring.h"
#include "l4a-reports.h"
#include "l4a-proposal-edit.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-review.h"
#include "l4a-store-private.h"
#include "l4a-ticks.h"

static const struct {
  const char *name;
  const char *description;
} charts[] = {
  { "hubs-by-region", N_("Hubs per world region") },
  { "hubs-by-sdg", N_("Hubs per Sustainable Development Goal, in the goals’ colours") },
  { "proposals-by-state", N_("Proposals of each call, stacked by state") },
  { "hub-timeline", N_("The hubs’ time frames, with today and deliverables due") },
  { "review-scores", N_("Review scores of a call (--call): each review, the mean and the median") },
  { "indicator", N_("An indicator’s progress toward its target (--indicator)") },
  { "deliverables-by-status", N_("The hubs’ deliverables by status, overdue ones apart") },
  { "activities-per-quarter", N_("The hubs’ activities per quarter") },
  { "reporting-status", N_("The hubs’ progress reports: on time, late, due and overdue") },
};

/**
 * l4a_charts_list:
 *
 * Returns: (transfer none): the chart names, %NULL-terminated
 */
const char * const *
l4a_charts_list (void)
{
  static const char *names[G_N_ELEMENTS (charts) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
      names[i] = charts[i].name;
  return names;
}

const char *
l4a_charts_describe (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, name) == 0)
      return _(charts[i].description);
  return NULL;
}

static double
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

  return l4a_day_from_iso (iso);
}

static char *
count_label (const char *category,
             guint       n)
{
  /* translators: a category of a chart, then a number of hubs */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u hub", "%s: %u hubs", n), category, n);
}

L4aChart *
l4a_chart_hubs_by_region (L4aHubQuery *hubs)
{
  L4aChart *chart = l4a_chart_new (L4A_CHART_BARS, "hubs-by-region", _("Hubs per Region"));
  L4aChartSeries *series = l4a_chart_add_series (chart, _("Hubs"), NULL, 0, 1);
  guint n_regions = 0, total = 0;
  const L4aReferenceEntry *regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
  g_autoptr(GString) description = g_string_new (NULL);

  /* one SQL aggregate, however many hubs */
  g_autoptr(GHashTable) counts = hubs ? l4a_hub_query_count_regions (hubs) : g_hash_table_new (g_str_hash, g_str_equal);

  chart->x_label = g_strdup (_("World region"));
  chart->y_label = g_strdup (_("Hubs"));
  for (guint r = 0; r < n_regions; r++)
    {
      const char *label = l4a_reference_translate (L4A_REFERENCE_REGIONS, regions[r].code);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, regions[r].code));
      g_autofree char *text = NULL;

      if (g_strcmp0 (regions[r].kind, "region") != 0)
        continue;
      text = count_label (label, n);
      l4a_chart_add_category (chart, label, NULL);
      l4a_chart_series_add (series, chart->categories->len - 1, n, text);
      g_string_append_printf (description, "%s%s", description->len ? "; " : "", text);
      total += n;
    }
  chart->description = g_strdup_printf (_("Bar chart of %u hubs per world region. %s."), total, description->str);
  return chart;
}

L4aChart *
l4a_chart_hubs_by_sdg (L4aHubQuery *hubs)
{
  L4aChart *chart = l4a_chart_new (L4A_CHART_BARS, "hubs-by-sdg", _("Hubs per Sustainable Development Goal"));
  L4aChartSeries *series = l4a_chart_add_series (chart, _("Hubs"), NULL, 0, 1);
  g_autoptr(GString) description = g_string_new (NULL);

  guint counts[L4A_N_SDGS + 1] = { 0 };

  chart->x_label = g_strdup (_("Goal"));
  chart->y_label = g_strdup (_("Hubs"));
  if (hubs != NULL)
    l4a_hub_query_count_sdgs (hubs, counts);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      const L4aReferenceEntry *sdg = l4a_reference_sdg (goal);
      g_autofree char *label = g_strdup_printf ("%u", goal);
      g_autofree char *name = g_strdup_printf (_("Goal %u, %s"), goal,
                                               l4a_reference_translate (L4A_REFERENCE_SDGS, sdg->code));
      g_autofree char *text = count_label (name, counts[goal]);

      l4a_chart_add_category (chart, label, sdg->colour);
      l4a_chart_series_add (series, goal - 1, counts[goal], text);
      if (counts[goal] > 0)
        g_string_append_printf (description, "%s%s", description->len ? "; " : "", text);
    }
  chart->description = g_strdup_printf (_("Bar chart of hubs per goal, a hub counting once for each of its goals. "
                                          "%s."), description->len ? description->str : _("No hubs"));
  return chart;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  L4aHub *x = *(L4aHub * const *) a, *y = *(L4aHub * const *) b;
  int order = g_strcmp0 (l4a_hub_get_start (x), l4a_hub_get_start (y));

  return order ? order : g_strcmp0 (l4a_hub_get_name (x), l4a_hub_get_name (y));
}


/**
 * l4a_chart_hub_timeline:
 * @store: (nullable): where deliverables are read, or %NULL for none
 * @max_rows: at most this many hubs, those that end last; 0 for all
 */
L4aChart *
l4a_chart_hub_timeline (L4aStore    *store,
                        L4aHubQuery *hubs,
                        guint        max_rows,
                        GError     **error)
{
  L4aChart *chart = l4a_chart_new (L4A_CHART_TIMELINE, "hub-timeline", _("Timeline of the Hubs"));
  L4aChartSeries *spans = l4a_chart_add_series (chart, _("Time frame"), NULL, 0, 4);
  L4aChartSeries *markers = l4a_chart_add_series (chart, _("Deliverable due"), NULL, 0, 3);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonBuilder) ids = json_builder_new ();
  g_autoptr(JsonNode) ids_node = NULL;
  g_autofree char *ids_json = NULL;
  sqlite3_stmt *stmt;

  chart->today = today ();
  chart->y_label = g_strdup (_("Hub"));
  guint total = hubs ? g_list_model_get_n_items (G_LIST_MODEL (hubs)) : 0;

  /* those that end last, found by SQLite, then in order of their start */
  sorted = hubs ? l4a_hub_query_ending_last (hubs, max_rows > 0 ? MIN (max_rows, total) : total)
                : g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_sort (sorted, compare_starts);

  json_builder_begin_array (ids);
  for (guint i = 0; i < sorted->len; i++)
    {
      L4aHub *hub = g_ptr_array_index (sorted, i);
      double start = l4a_day_from_iso (l4a_hub_get_start (hub)), end = l4a_day_from_iso (l4a_hub_get_end (hub));
      g_autofree char *from = l4a_format_day (start);
      g_autofree char *to = l4a_format_day (end);
      /* translators: a hub, then the first and last day of its time frame */
      g_autofree char *text = g_strdup_printf (_("%s: %s to %s"), l4a_hub_get_name (hub), from, to);
      const char *status = l4a_hub_get_status (hub);

      l4a_chart_add_category (chart, l4a_hub_get_name (hub), g_strcmp0 (status, "active") == 0 ? NULL : "#9a9996");
      l4a_chart_series_add (spans, start, end, text);
      g_hash_table_insert (rows, (gpointer) l4a_hub_get_id (hub), GUINT_TO_POINTER (i + 1));
      json_builder_add_string_value (ids, l4a_hub_get_id (hub));
    }
  json_builder_end_array (ids);
  ids_node = json_builder_get_root (ids);
  ids_json = json_to_string (ids_node, FALSE);

  /* the deliverables of the hubs shown, through the index on their hub:
   * not every deliverable of the registry */
  stmt = store == NULL ? NULL
                       : l4a_store_prepare_cached (store, "SELECT hub_id, title, due_on FROM deliverable "
                                                          "WHERE hub_id IN (SELECT value FROM json_each (?1)) "
                                                          "AND status <> 'done' ORDER BY due_on",
                                                   error);
  if (store != NULL && stmt == NULL)
    {
      l4a_chart_free (chart);
      return NULL;
    }
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_STATIC);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (rows, sqlite3_column_text (stmt, 0)));
      double due = l4a_day_from_iso ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *day = l4a_format_day (due);
      g_autofree char *text = NULL;

      if (row == 0 || !isfinite (due))
        continue;
      /* translators: a deliverable, then its due date */
      text = g_strdup_printf (_("%s, due %s"), (const char *) sqlite3_column_text (stmt, 1), day);
      l4a_chart_series_add (markers, due, row - 1, text);
    }
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  if (sorted->len < total)
    {
      g_autofree char *shown = g_strdup_printf ("%u", sorted->len);
      g_autofree char *all = g_strdup_printf ("%u", total);

      g_free (chart->title);
      /* translators: how many hubs a timeline shows, of how many */
      chart->title = g_strdup_printf (_("Timeline of the %s Hubs That End Last, of %s"), shown, all);
    }
  chart->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Timeline of %u hub from start to end, with a line for today "
                                                     "and a diamond for each deliverable still due.",
                                                     "Timeline of %u hubs from start to end, with a line for today "
                                                     "and a diamond for each deliverable still due.", sorted->len),
                                        sorted->len);
  return chart;
}

L4aChart *
l4a_chart_proposals_by_state (L4aStore  *store,
                              GError   **error)
{
  const char * const *states = l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE);
  L4aChart *chart = l4a_chart_new (L4A_CHART_STACKED_BARS, "proposals-by-state", _("Proposals per Call and State"));
  L4aChartSeries *series[L4A_PROPOSAL_WITHDRAWN + 1];
  g_autoptr(GString) description = g_string_new (NULL);
  sqlite3_stmt *calls, *count;

  chart->x_label = g_strdup (_("Call"));
  chart->y_label = g_strdup (_("Proposals"));
  for (guint s = 0; s < G_N_ELEMENTS (series); s++)
    series[s] = l4a_chart_add_series (chart, l4a_proposal_state_label (states[s]), NULL, 0, 1);

  calls = l4a_store_prepare_cached (store, "SELECT id, title FROM call ORDER BY opens_on, title", error);
  if (calls == NULL)
    {
      l4a_chart_free (chart);
      return NULL;
    }
  while (sqlite3_step (calls) == SQLITE_ROW)
    {
      const char *title = (const char *) sqlite3_column_text (calls, 1);
      guint index = chart->categories->len;

      l4a_chart_add_category (chart, title, NULL);
      g_string_append_printf (description, "%s%s:", description->len ? ". " : "", title);
      for (guint s = 0; s < G_N_ELEMENTS (series); s++)
        {
          g_autofree char *text = NULL;
          guint n = 0;

          count = l4a_store_prepare_cached (store, "SELECT count(*) FROM proposal WHERE call_id = ?1 AND state = ?2",
                                            NULL);
          sqlite3_bind_text (count, 1, (const char *) sqlite3_column_text (calls, 0), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (count, 2, states[s], -1, SQLITE_STATIC);
          if (sqlite3_step (count) == SQLITE_ROW)
            n = (guint) sqlite3_column_int (count, 0);
          sqlite3_reset (count);
          /* translators: a call, a number and a state of proposals */
          text = g_strdup_printf (_("%s: %u %s"), title, n, l4a_proposal_state_label (states[s]));
          l4a_chart_series_add (series[s], index, n, text);
          if (n > 0)
            g_string_append_printf (description, " %u %s", n, l4a_proposal_state_label (states[s]));
        }
    }
  sqlite3_reset (calls);
  chart->description = g_strdup_printf (_("Stacked bar chart of the proposals of each call by state. %s."),
                                        description->len ? description->str : _("No calls"));
  return chart;
}

L4aChart *
l4a_chart_review_scores (L4aStore    *store,
                         const char  *call_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) scores = NULL;
  L4aChart *chart;
  L4aChartSeries *dots, *means, *medians;

  scores = l4a_review_scores (store, call_id, NULL, error);
  if (scores == NULL)
    return NULL;

  chart = l4a_chart_new (L4A_CHART_SCORES, "review-scores", _("Review Scores"));
  dots = l4a_chart_add_series (chart, _("Review"), NULL, 0, 0);
  means = l4a_chart_add_series (chart, _("Mean"), NULL, 0, 4);
  medians = l4a_chart_add_series (chart, _("Median"), NULL, 0, 3);
  chart->x_label = g_strdup (_("Weighted score, 0 to 5"));
  chart->y_label = g_strdup (_("Proposal"));
  chart->y_min = 0;
  chart->y_max = 5;

  for (guint i = 0; i < scores->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (scores, i);
      g_autoptr(GPtrArray) reviews = NULL;
      guint row = chart->categories->len;

      if (!score->has_scores)
        continue;
      l4a_chart_add_category (chart, score->title, NULL);
      reviews = l4a_review_list (store, score->proposal_id, NULL);
      for (guint k = 0; reviews && k < reviews->len; k++)
        {
          L4aReview *review = g_ptr_array_index (reviews, k);
          double value;

          if (review->submitted_at != NULL && l4a_review_weighted_score (review, &value))
            {
              g_autofree char *number = l4a_format_number (value, 2);
              /* translators: a reviewer, a proposal, then a score */
              g_autofree char *text = g_strdup_printf (_("%s on “%s”: %s"), review->reviewer, score->title, number);

              l4a_chart_series_add (dots, value, row, text);
            }
        }
      {
        g_autofree char *mean = l4a_format_number (score->mean, 2);
        g_autofree char *median = l4a_format_number (score->median, 2);
        g_autofree char *mean_text = g_strdup_printf (_("Mean of “%s”: %s"), score->title, mean);
        g_autofree char *median_text = g_strdup_printf (_("Median of “%s”: %s"), score->title, median);

        l4a_chart_series_add (means, score->mean, row, mean_text);
        l4a_chart_series_add (medians, score->median, row, median_text);
      }
    }
  chart->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Review scores of %u proposal: a dot for each review, a bar "
                                                     "for the mean and a diamond for the median.",
                                                     "Review scores of %u proposals: a dot for each review, a bar "
                                                     "for the mean and a diamond for the median.",
                                                     chart->categories->len), chart->categories->len);
  return chart;
}

L4aChart *
l4a_chart_indicator (L4aStore    *store,
                     const char  *indicator_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  L4aChart *chart;
  L4aChartSeries *measurements;
  g_autofree char *title = NULL;
  g_autofree char *code = NULL;
  gboolean higher;
  double baseline_value, baseline_day, target_value, target_day;
  guint n = 0;

  stmt = l4a_store_prepare_cached (store, "SELECT code, name, unit, direction, baseline_value, baseline_on, "
                                          "target_value, target_on FROM indicator WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, indicator_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no indicator “%s”."), indicator_id);
      return NULL;
    }
  code = l4a_store_column_dup (stmt, 0);
  /* translators: an indicator's code, then its name */
  title = g_strdup_printf (_("%s %s"), code, (const char *) sqlite3_column_text (stmt, 1));
  chart = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", title);
  chart->unit = l4a_store_column_dup (stmt, 2);
  chart->y_label = g_strdup (chart->unit);
  higher = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "lower") != 0;
  baseline_value = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 4);
  baseline_day = l4a_day_from_iso ((const char *) sqlite3_column_text (stmt, 5));
  target_value = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 6);
  target_day = l4a_day_from_iso ((const char *) sqlite3_column_text (stmt, 7));
  sqlite3_reset (stmt);
  l4a_chart_set_progress (chart, baseline_day, baseline_value, target_day, target_value, higher);
  chart->today = today ();

  measurements = l4a_chart_add_series (chart, _("Measurements"), NULL, 0, 0);
  l4a_chart_add_series (chart, _("Target"), NULL, 1, 3);
  l4a_chart_add_series (chart, _("Path from baseline to target"), NULL, 2, 1);

  stmt = l4a_store_prepare_cached (store, "SELECT measured_on, value, source FROM measurement "
                                          "WHERE indicator_id = ?1 ORDER BY measured_on", error);
  if (stmt == NULL)
    {
      l4a_chart_free (chart);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, indicator_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      double day = l4a_day_from_iso ((const char *) sqlite3_column_text (stmt, 0));
      double value = sqlite3_column_double (stmt, 1);
      g_autofree char *number = l4a_format_number (value, -1);
      g_autofree char *date = l4a_format_day (day);
      g_autofree char *text = NULL;

      if (!isfinite (day))
        continue;
      /* translators: a value, its unit, then a date */
      text = g_strdup_printf (_("%s %s on %s"), number, chart->unit ? chart->unit : "", date);
      l4a_chart_series_add (measurements, day, value, text);
      n++;
    }
  sqlite3_reset (stmt);

  l4a_chart_compute_verdict (chart);
  chart->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Line chart of %u measurement of %s over time, with the target "
                                                     "and the straight path to it. %s",
                                                     "Line chart of %u measurements of %s over time, with the target "
                                                     "and the straight path to it. %s", n),
                                        n, title, chart->verdict_text);
  return chart;
}

/**
 * l4a_chart_deliverables_by_status:
 *
 * Returns: (transfer full): the hubs' deliverables in each status, counted
 *   by SQLite; those past due stand apart as "Overdue"
 */
L4aChart *
l4a_chart_deliverables_by_status (L4aStore    *store,
                                  GError     **error)
{
  L4aMonitoringCounts counts;
  L4aChart *chart;
  L4aChartSeries *series;
  g_autoptr(GString) description = g_string_new (NULL);
  const char * const *statuses = l4a_enum_get_nicks (L4A_TYPE_DELIVERABLE_STATUS);
  guint total = 0;

  if (!l4a_monitoring_count (store, &counts, error))
    return NULL;
  chart = l4a_chart_new (L4A_CHART_BARS, "deliverables-by-status", _("Deliverables by Status"));
  series = l4a_chart_add_series (chart, _("Deliverables"), NULL, 0, 1);
  chart->x_label = g_strdup (_("Status"));
  chart->y_label = g_strdup (_("Deliverables"));
  for (guint i = 0; statuses[i] != NULL && i < G_N_ELEMENTS (counts.deliverables); i++)
    {
      const char *label = l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, statuses[i]);
      /* translators: a status, then a number of deliverables */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u deliverable",
                                                            "%s: %u deliverables", counts.deliverables[i]),
                                               label, counts.deliverables[i]);

      l4a_chart_add_category (chart, label, NULL);
      l4a_chart_series_add (series, chart->categories->len - 1, counts.deliverables[i], text);
      g_string_append_printf (description, "%s%s", description->len ? "; " : "", text);
      total += counts.deliverables[i];
    }
  /* translators: a number of deliverables, their counts by status, then how many are overdue */
  chart->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Bar chart of %u deliverable by status. %s. %u overdue.",
                                                     "Bar chart of %u deliverables by status. %s. %u overdue.", total),
                                        total, description->str, counts.overdue);
  return chart;
}

/**
 * l4a_chart_activities_per_quarter:
 *
 * Returns: (transfer full): the number of activities the hubs recorded in
 *   each quarter, from the first to the last, empty quarters included
 */
L4aChart *
l4a_chart_activities_per_quarter (L4aStore    *store,
                                  GError     **error)
{
  g_autoptr(GArray) quarters = l4a_activities_per_quarter (store, error);
  g_autoptr(GString) description = g_string_new (NULL);
  L4aChart *chart;
  L4aChartSeries *series;
  guint total = 0;

  if (quarters == NULL)
    return NULL;
  chart = l4a_chart_new (L4A_CHART_BARS, "activities-per-quarter", _("Activities per Quarter"));
  series = l4a_chart_add_series (chart, _("Activities"), NULL, 0, 1);
  chart->x_label = g_strdup (_("Quarter"));
  chart->y_label = g_strdup (_("Activities"));
  if (quarters->len > 0)
    {
      L4aQuarterCount *first = &g_array_index (quarters, L4aQuarterCount, 0);
      L4aQuarterCount *last = &g_array_index (quarters, L4aQuarterCount, quarters->len - 1);
      guint next = 0;

      for (int q = first->year * 4 + first->quarter - 1; q <= last->year * 4 + last->quarter - 1; q++)
        {
          L4aQuarterCount *here = next < quarters->len ? &g_array_index (quarters, L4aQuarterCount, next) : NULL;
          guint n = 0;
          g_autofree char *label = NULL;
          g_autofree char *text = NULL;

          if (here != NULL && here->year * 4 + here->quarter - 1 == q)
            {
              n = here->count;
              next++;
            }
          /* translators: a quarter of a year, e.g. Q3 2026 */
          label = g_strdup_printf (_("Q%d %d"), q % 4 + 1, q / 4);
          /* translators: a quarter, then a number of activities */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u activity", "%s: %u activities", n), label, n);
          l4a_chart_add_category (chart, label, NULL);
          l4a_chart_series_add (series, chart->categories->len - 1, n, text);
          g_string_append_printf (description, "%s%s", description->len ? "; " : "", text);
          total += n;
        }
    }
  chart->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Bar chart of %u activity per quarter. %s.",
                                                     "Bar chart of %u activities per quarter. %s.", total),
                                        total, description->str);
  return chart;
}

/**
 * l4a_chart_reporting_status:
 *
 * Returns: (transfer full): where the network's progress reports stand:
 *   sent on time, sent late, due, overdue
 */
L4aChart *
l4a_chart_reporting_status (L4aStore    *store,
                            GError     **error)
{
  L4aReportingCounts counts;

  if (!l4a_reporting_count (store, &counts, error))
    return NULL;
  return l4a_chart_reporting_status_for (&counts);
}

/**
 * l4a_chart_reporting_status_for:
 *
 * As l4a_chart_reporting_status(), for counts already read (the dashboard
 * reads them with its list of pending reports, in one pass).
 */
L4aChart *
l4a_chart_reporting_status_for (const L4aReportingCounts *counts)
{
  L4aChart *chart;
  L4aChartSeries *series;
  g_autoptr(GString) description = g_string_new (NULL);
  guint values[4];
  const char *labels[4];

  values[0] = counts->on_time;
  values[1] = counts->late;
  values[2] = counts->due;
  values[3] = counts->overdue;
  labels[0] = C_("reports", "On time");
  labels[1] = C_("reports", "Sent late");
  labels[2] = C_("reports", "Due");
  labels[3] = C_("reports", "Overdue");
  chart = l4a_chart_new (L4A_CHART_BARS, "reporting-status", _("Progress Reports"));
  series = l4a_chart_add_series (chart, _("Reports"), NULL, 0, 1);
  chart->x_label = g_strdup (_("Status"));
  chart->y_label = g_strdup (_("Reports"));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      /* translators: a status, then a number of reports */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u report", "%s: %u reports",
                                                            values[i]), labels[i], values[i]);

      l4a_chart_add_category (chart, labels[i], NULL);
      l4a_chart_series_add (series, chart->categories->len - 1, values[i], text);
      g_string_append_printf (description, "%s%s", description->len ? "; " : "", text);
    }
  /* translators: the counts of reports, then how many wait for the secretariat */
  chart->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Bar chart of the progress reports. %s. %u waits to be read.",
                                                     "Bar chart of the progress reports. %s. %u wait to be read.",
                                                     counts->waiting),
                                        description->str, counts->waiting);
  return chart;
}

/**
 * l4a_charts_build:
 * @name: one of l4a_charts_list()
 * @argument: (nullable): the call of "review-scores" or the indicator of
 *   "indicator"
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
L4aChart *
l4a_charts_build (L4aStore    *store,
                  const char  *name,
                  const char  *argument,
                  GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (g_strcmp0 (name, "hubs-by-region") == 0 || g_strcmp0 (name, "hubs-by-sdg") == 0 ||
      g_strcmp0 (name, "hub-timeline") == 0)
    {
      g_autoptr(L4aHubQuery) hubs = l4a_hub_query_new_for_store (store);

      if (g_str_equal (name, "hubs-by-region"))
        return l4a_chart_hubs_by_region (hubs);
      if (g_str_equal (name, "hubs-by-sdg"))
        return l4a_chart_hubs_by_sdg (hubs);
      return l4a_chart_hub_timeline (store, hubs, 0, error);
    }
  if (g_strcmp0 (name, "proposals-by-state") == 0)
    return l4a_chart_proposals_by_state (store, error);
  if (g_strcmp0 (name, "deliverables-by-status") == 0)
    return l4a_chart_deliverables_by_status (store, error);
  if (g_strcmp0 (name, "activities-per-quarter") == 0)
    return l4a_chart_activities_per_quarter (store, error);
  if (g_strcmp0 (name, "reporting-status") == 0)
    return l4a_chart_reporting_status (store, error);
  if (g_strcmp0 (name, "review-scores") == 0 || g_strcmp0 (name, "indicator") == 0)
    {
      gboolean call = g_str_equal (name, "review-scores");
      g_autofree char *id = NULL;

      if (argument == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       call ? _("Say which call: chart review-scores --call CALL")
                            : _("Say which indicator: chart indicator --indicator ID"));
          return NULL;
        }
      if (call)
        {
          id = l4a_store_resolve_reference (store, "call", argument, error);
          return id ? l4a_chart_review_scores (store, id, error) : NULL;
        }
      return l4a_chart_indicator (store, argument, error);
    }
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
               _("There is no chart named “%s”; “chart --list” names them."), name ? name : "");
  return NULL;
}
