/* l4a-hub-filter.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-filter"

#include "config.h"

#include "l4a-hub-filter.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-store-private.h"

/* The rules of the registry's search, filters and sorting, in one place for
 * the window, the command line and the benchmarks. */

static const char * const sort_names[L4A_HUB_N_SORTS] = {
  "name", "government", "country", "region", "sdgs", "axis", "status", "time-frame",
};

G_DEFINE_BOXED_TYPE (L4aHubFilter, l4a_hub_filter, l4a_hub_filter_copy, l4a_hub_filter_free)

L4aHubFilter *
l4a_hub_filter_new (void)
{
  return g_new0 (L4aHubFilter, 1);
}

L4aHubFilter *
l4a_hub_filter_copy (const L4aHubFilter *filter)
{
  L4aHubFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->matches = filter->matches ? g_hash_table_ref (filter->matches) : NULL;
  copy->search = g_strdup (filter->search);
  copy->region = g_strdup (filter->region);
  copy->country = g_strdup (filter->country);
  copy->axis = g_strdup (filter->axis);
  copy->status = g_strdup (filter->status);
  copy->format = g_strdup (filter->format);
  return copy;
}

void
l4a_hub_filter_clear (L4aHubFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->matches, g_hash_table_unref);
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->region, g_free);
  g_clear_pointer (&filter->country, g_free);
  g_clear_pointer (&filter->axis, g_free);
  g_clear_pointer (&filter->status, g_free);
  g_clear_pointer (&filter->format, g_free);
  filter->sdgs = 0;
  filter->councils = 0;
  filter->year = 0;
}

void
l4a_hub_filter_free (L4aHubFilter *filter)
{
  if (filter == NULL)
    return;

  l4a_hub_filter_clear (filter);
  g_free (filter);
}

gboolean
l4a_hub_filter_is_empty (const L4aHubFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->matches == NULL && (filter->search == NULL || *filter->search == '\0') &&
         !l4a_hub_filter_has_facets (filter);
}

/* Returns: whether @filter asks for anything but words: a region, a
 * country, a goal, a year… */
gboolean
l4a_hub_filter_has_facets (const L4aHubFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->region != NULL || filter->country != NULL || filter->axis != NULL || filter->status != NULL ||
         filter->format != NULL || filter->sdgs != 0 || filter->councils != 0 || filter->year != 0;
}

gboolean
l4a_hub_filter_matches (const L4aHubFilter *filter,
                        L4aHub             *hub)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (L4A_IS_HUB (hub), FALSE);

  if (filter->matches && !g_hash_table_contains (filter->matches, GUINT_TO_POINTER (l4a_hub_get_num (hub))))
    return FALSE;
  if (filter->region && g_strcmp0 (filter->region, l4a_hub_get_region (hub)) != 0)
    return FALSE;
  if (filter->country && g_strcmp0 (filter->country, l4a_hub_get_country (hub)) != 0)
    return FALSE;
  if (filter->axis && g_strcmp0 (filter->axis, l4a_hub_get_pact_axis (hub)) != 0)
    return FALSE;
  if (filter->status && g_strcmp0 (filter->status, l4a_hub_get_status (hub)) != 0)
    return FALSE;
  if (filter->format && g_strcmp0 (filter->format, l4a_hub_get_format (hub)) != 0)
    return FALSE;
  if (filter->sdgs && (filter->sdgs & l4a_hub_get_sdgs (hub)) == 0)
    return FALSE;
  if (filter->councils && (filter->councils & l4a_hub_get_councils (hub)) == 0)
    return FALSE;

  if (filter->year > 0)
    {
      char first[12], last[12];
      const char *start = l4a_hub_get_start (hub);
      const char *end = l4a_hub_get_end (hub);

      g_snprintf (first, sizeof first, "%04d-01-01", filter->year);
      g_snprintf (last, sizeof last, "%04d-12-31", filter->year);
      if (start == NULL || end == NULL || strcmp (start, last) > 0 || strcmp (end, first) < 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * l4a_hub_filter_apply:
 *
 * Returns: (transfer full): the hubs of @hubs that @filter lets through, in
 *   their order
 */
GListModel *
l4a_hub_filter_apply (const L4aHubFilter *filter,
                      GListModel         *hubs)
{
  GListStore *result = g_list_store_new (L4A_TYPE_HUB);
  guint n = g_list_model_get_n_items (hubs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);

      if (l4a_hub_filter_matches (filter, hub))
        g_list_store_append (result, hub);
    }

  return G_LIST_MODEL (result);
}

/**
 * l4a_registry_search_hubs:
 * @text: words as the user typed them
 *
 * Finds hubs by name, summary, topic, lead government, country and
 * partners: every word must match the start of a word, accents and case
 * aside. Query syntax in @text is searched as plain text.
 *
 * Returns: (transfer full) (nullable): the set of matching hubs, by
 *   l4a_hub_get_num(), or %NULL when @text holds no word (then nothing is
 *   filtered), or on error
 */
GHashTable *
l4a_registry_search_hubs (L4aStore    *store,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *fts = l4a_fts_query_from_text (text);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) ids = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (fts == NULL)
    return NULL;

  stmt = l4a_store_prepare (store, "SELECT rowid FROM hub_fts WHERE hub_fts MATCH ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);

  ids = g_hash_table_new (g_direct_hash, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static int
lowest_goal (guint sdgs)
{
  for (int goal = 1; goal <= L4A_N_SDGS; goal++)
    if (sdgs & (1u << goal))
      return goal;
  return L4A_N_SDGS + 1;
}

static int
compare_ints (int a,
              int b)
{
  return (a > b) - (a < b);
}

/**
 * l4a_hub_compare:
 *
 * Orders two hubs by @key, then by name (accents and case aside), then by
 * l4a_hub_get_num(), so that the order is total and stable: the order
 * #L4aHubQuery asks of SQLite, written out in C.
 */
int
l4a_hub_compare (L4aHub        *a,
                 L4aHub        *b,
                 L4aHubSortKey  key)
{
  int result = 0;

  g_return_val_if_fail (L4A_IS_HUB (a) && L4A_IS_HUB (b), 0);

  switch (key)
    {
    case L4A_HUB_SORT_NAME:
      break;
    case L4A_HUB_SORT_GOVERNMENT:
      result = strcmp (l4a_hub_get_collate_key (a, key), l4a_hub_get_collate_key (b, key));
      break;
    case L4A_HUB_SORT_COUNTRY:
      result = compare_ints (l4a_reference_rank (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (a)),
                             l4a_reference_rank (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (b)));
      break;
    case L4A_HUB_SORT_REGION:
      result = compare_ints (l4a_reference_rank (L4A_REFERENCE_REGIONS, l4a_hub_get_region (a)),
                             l4a_reference_rank (L4A_REFERENCE_REGIONS, l4a_hub_get_region (b)));
      break;
    case L4A_HUB_SORT_SDGS:
      result = compare_ints (lowest_goal (l4a_hub_get_sdgs (a)), lowest_goal (l4a_hub_get_sdgs (b)));
      break;
    case L4A_HUB_SORT_AXIS:
      result = compare_ints (l4a_reference_rank (L4A_REFERENCE_AXES, l4a_hub_get_pact_axis (a)),
                             l4a_reference_rank (L4A_REFERENCE_AXES, l4a_hub_get_pact_axis (b)));
      break;
    case L4A_HUB_SORT_STATUS:
      result = g_strcmp0 (l4a_hub_get_status (a), l4a_hub_get_status (b));
      break;
    case L4A_HUB_SORT_TIME_FRAME:
      result = g_strcmp0 (l4a_hub_get_start (a), l4a_hub_get_start (b));
      if (result == 0)
        result = g_strcmp0 (l4a_hub_get_end (a), l4a_hub_get_end (b));
      break;
    case L4A_HUB_N_SORTS:
    default:
      g_return_val_if_reached (0);
    }

  if (result == 0)
    result = strcmp (l4a_hub_get_collate_key (a, L4A_HUB_SORT_NAME),
                     l4a_hub_get_collate_key (b, L4A_HUB_SORT_NAME));
  if (result == 0)
    result = compare_ints ((int) l4a_hub_get_num (a), (int) l4a_hub_get_num (b));

  return (result > 0) - (result < 0);
}

const char *
l4a_hub_sort_key_to_string (L4aHubSortKey key)
{
  g_return_val_if_fail (key < L4A_HUB_N_SORTS, NULL);

  return sort_names[key];
}

gboolean
l4a_hub_sort_key_from_string (const char    *text,
                              L4aHubSortKey *key)
{
  for (guint i = 0; text && i < L4A_HUB_N_SORTS; i++)
    if (g_str_equal (sort_names[i], text))
      {
        *key = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * l4a_council_mask:
 * @code: a Policy Council code
 *
 * Returns: the bit of @code in a councils mask, or 0 when it is unknown
 */
guint
l4a_council_mask (const char *code)
{
  const L4aReferenceEntry *entries;
  guint n;

  entries = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n);
  for (guint i = 0; code && i < n; i++)
    if (g_str_equal (entries[i].code, code))
      return 1u << i;
  return 0;
}
