/* test-hub-query.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lazy registry list (L4aHubQuery) against the plain way: every hub
 * read, filtered with l4a_hub_filter_matches() and sorted with
 * l4a_hub_compare() in C. Same hubs, same order, for every sort key, both
 * directions and every kind of filter and search, on a generated registry
 * whose names mix accents and case; the same counts for the map and the
 * dashboard; and the list kept right as hubs and governments change here
 * or in another program.
 */

#include "config.h"

#include <sqlite3.h>

#include "core-test-utils.h"
#include "l4a-context.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-query.h"
#include "l4a-registry.h"
#include "l4a-store-private.h"

#define N_HUBS 600

static char *tmpdir;

static char *
make_registry (const char *name,
               guint       n)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aStore) store = l4a_store_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  l4a_test_generate_registry (path, n);
  return g_steal_pointer (&path);
}

static L4aHubSortKey sort_key;
static gboolean sort_descending;

static int
compare_cb (gconstpointer a,
            gconstpointer b)
{
  int order = l4a_hub_compare (*(L4aHub **) a, *(L4aHub **) b, sort_key);

  return sort_descending ? -order : order;
}

/* The plain way: every hub, filtered and sorted in C. */
static GPtrArray *
expected_hubs (L4aStore           *store,
               const L4aHubFilter *filter,
               L4aHubSortKey       key,
               gboolean            descending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = l4a_registry_list_hubs (store, &error);
  g_autoptr(L4aHubFilter) plain = l4a_hub_filter_copy (filter);
  GPtrArray *hubs = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  g_clear_pointer (&plain->matches, g_hash_table_unref);
  if (filter->search != NULL)
    {
      plain->matches = l4a_registry_search_hubs (store, filter->search, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (all, i);

      if (l4a_hub_filter_matches (plain, hub))
        g_ptr_array_add (hubs, g_object_ref (hub));
    }
  sort_key = key;
  sort_descending = descending;
  g_ptr_array_sort (hubs, compare_cb);
  return hubs;
}

static void
assert_same_list (L4aHubQuery *query,
                  GPtrArray   *expected,
                  const char  *what)
{
  guint n_nums;
  const guint *nums = l4a_hub_query_get_nums (query, &n_nums);

  if (n_nums != expected->len)
    g_error ("%s: %u hubs listed, %u expected", what, n_nums, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      L4aHub *want = g_ptr_array_index (expected, i);

      if (nums[i] != l4a_hub_get_num (want))
        {
          g_autoptr(L4aHub) got = g_list_model_get_item (G_LIST_MODEL (query), i);

          g_error ("%s: at %u, “%s” (%u) listed, “%s” (%u) expected", what, i, l4a_hub_get_name (got),
                   nums[i], l4a_hub_get_name (want), l4a_hub_get_num (want));
        }
    }
  /* the items read a page at a time are the hubs themselves */
  for (guint i = 0; i < expected->len; i += 1 + expected->len / 7)
    {
      g_autoptr(L4aHub) got = g_list_model_get_item (G_LIST_MODEL (query), i);

      g_assert_true (l4a_hub_equal (got, g_ptr_array_index (expected, i)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, expected->len);
}

/* The counts of the map and the dashboard, in C, over @hubs. */
static void
assert_same_counts (L4aHubQuery *query,
                    GPtrArray   *hubs)
{
  g_autoptr(GHashTable) regions = l4a_hub_query_count_regions (query);
  g_autoptr(GPtrArray) places = l4a_hub_query_count_places (query, FALSE);
  g_autoptr(GHashTable) want_regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) want_places = g_hash_table_new (g_str_hash, g_str_equal);
  guint sdgs[L4A_N_SDGS + 1], want_sdgs[L4A_N_SDGS + 1] = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < hubs->len; i++)
    {
      L4aHub *hub = g_ptr_array_index (hubs, i);
      const char *region = l4a_hub_get_region (hub), *country = l4a_hub_get_country (hub);

      g_hash_table_insert (want_regions, (gpointer) region,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (want_regions, region)) + 1));
      const char *government = l4a_hub_get_government_id (hub);

      if (country != NULL)
        g_hash_table_insert (want_places, (gpointer) government,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (want_places, government)) + 1));
      for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
        want_sdgs[goal] += (l4a_hub_get_sdgs (hub) >> goal) & 1;
    }

  g_assert_cmpuint (g_hash_table_size (regions), ==, g_hash_table_size (want_regions));
  g_hash_table_iter_init (&iter, want_regions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (regions, key)), ==, GPOINTER_TO_UINT (value));
  /* one marker per lead government, with its country and region */
  g_assert_cmpuint (places->len, ==, g_hash_table_size (want_places));
  for (guint i = 0; i < places->len; i++)
    {
      L4aPlaceCount *count = g_ptr_array_index (places, i);

      g_assert_cmpuint (count->count, ==, GPOINTER_TO_UINT (g_hash_table_lookup (want_places, count->government_id)));
      for (guint h = 0; h < hubs->len; h++)
        if (g_strcmp0 (l4a_hub_get_government_id (g_ptr_array_index (hubs, h)), count->government_id) == 0)
          {
            g_assert_cmpstr (count->country, ==, l4a_hub_get_country (g_ptr_array_index (hubs, h)));
            g_assert_cmpstr (count->region, ==, l4a_hub_get_region (g_ptr_array_index (hubs, h)));
            break;
          }
    }
  l4a_hub_query_count_sdgs (query, sdgs);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    g_assert_cmpuint (sdgs[goal], ==, want_sdgs[goal]);
}

/* Every sort key, both ways, under every kind of filter. */
static void
test_same_as_plain (void)
{
  g_autofree char *path = make_registry ("same.sqlite", N_HUBS);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aStore) store = l4a_store_open (path, &error);
  g_autoptr(L4aHubQuery) query = NULL;
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_hub_filter_free);
  L4aHubFilter *filter;

  g_assert_no_error (error);
  /* another program wrote them: no sort keys (this application's
   * function makes them), computed as the list is read, never written by
   * reading; the orders below are the same either way */
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_facet WHERE name_key IS NULL"), ==, N_HUBS);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_facet"), ==, N_HUBS);

  g_ptr_array_add (filters, l4a_hub_filter_new ());
  filter = l4a_hub_filter_new (); filter->region = g_strdup ("europe"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->country = l4a_test_sql_text (path, "SELECT country FROM government "
                                                                              "WHERE id = 'gov-00003'");
  g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->axis = g_strdup ("planet"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->status = g_strdup ("withdrawn"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->format = g_strdup ("hybrid"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->sdgs = 1u << 11; g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->sdgs = (1u << 3) | (1u << 16); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->councils = l4a_council_mask ("multilevel-governance");
  g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->year = 2021; g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("evora"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("ZUR wat"); g_ptr_array_add (filters, filter);
  /* query syntax is searched as text */
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("\"care\" OR NEAR(-"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("nothing-like-this"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new ();
  filter->search = g_strdup ("care");
  filter->region = g_strdup ("africa");
  filter->sdgs = (1u << 1) | (1u << 8) | (1u << 15);
  filter->status = g_strdup ("active");
  filter->year = 2022;
  g_ptr_array_add (filters, filter);

  query = l4a_hub_query_new_for_store (store);
  for (guint f = 0; f < filters->len; f++)
    for (int key = 0; key < L4A_HUB_N_SORTS; key++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GPtrArray) expected = NULL;
          g_autofree char *what = g_strdup_printf ("filter %u, sort by %s%s", f, l4a_hub_sort_key_to_string (key),
                                                   descending ? ", descending" : "");

          l4a_hub_query_set_sort (query, key, descending);
          l4a_hub_query_set_filter (query, g_ptr_array_index (filters, f));
          expected = expected_hubs (store, g_ptr_array_index (filters, f), key, descending);
          assert_same_list (query, expected, what);
          if (key == L4A_HUB_SORT_NAME && !descending)
            assert_same_counts (query, expected);
        }
  g_assert_cmpuint (l4a_hub_query_count_all (query), ==, N_HUBS);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_facet WHERE name_key IS NULL"), ==, N_HUBS);

  /* this application's next write fills them all */
  {
    g_autoptr(L4aHubEdit) edit = l4a_registry_load_hub (store, "hub-000001", &error);

    g_assert_no_error (error);
    g_free (edit->summary);
    edit->summary = g_strdup ("Written by this application");
    g_assert_true (l4a_registry_save_hub (store, edit, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_facet WHERE name_key IS NULL "
                                           "OR government_key IS NULL"), ==, 0);
  {
    g_autofree char *key = l4a_test_sql_text (path, "SELECT name_key FROM hub_facet f JOIN hub h ON h.num = f.num "
                                                    "WHERE h.id = 'hub-000002'");

    g_assert_cmpstr (key, ==, "ecole agua 2");
  }

  /* the keys this application writes as it writes, from the stored keys */
  g_assert_true (l4a_store_exec (store, "UPDATE hub_facet SET name_key = NULL, government_key = NULL", &error));
  g_assert_no_error (error);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_facet WHERE name_key IS NULL "
                                           "OR government_key IS NULL"), ==, 0);
  for (guint f = 0; f < filters->len; f += 3)
    for (int key = 0; key < L4A_HUB_N_SORTS; key++)
      {
        g_autoptr(GPtrArray) expected = NULL;
        g_autofree char *what = g_strdup_printf ("keys stored, filter %u, sort by %s", f,
                                                 l4a_hub_sort_key_to_string (key));

        l4a_hub_query_set_sort (query, key, key % 2);
        l4a_hub_query_set_filter (query, g_ptr_array_index (filters, f));
        expected = expected_hubs (store, g_ptr_array_index (filters, f), key, key % 2);
        assert_same_list (query, expected, what);
      }

  /* accents and case aside: “école …” and “Évora …” among the e’s and
   * “Água …” among the a’s, not after the z’s */
  {
    g_autoptr(L4aHubFilter) none = l4a_hub_filter_new ();
    const char * const starts[] = { "Água", "Beta", "école", "Évora", "Zürich" };
    guint first[G_N_ELEMENTS (starts)];

    l4a_hub_query_set_filter (query, none);
    l4a_hub_query_set_sort (query, L4A_HUB_SORT_NAME, FALSE);
    for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
      {
        first[s] = G_MAXUINT;
        for (guint i = 0; i < N_HUBS && first[s] == G_MAXUINT; i++)
          {
            g_autoptr(L4aHub) hub = g_list_model_get_item (G_LIST_MODEL (query), i);

            if (g_str_has_prefix (l4a_hub_get_name (hub), starts[s]))
              first[s] = i;
          }
        g_assert_cmpuint (first[s], <, N_HUBS);
      }
    g_assert_cmpuint (first[0], <, first[1]);
    g_assert_cmpuint (first[1], <, first[2]);
    g_assert_cmpuint (first[2], <, first[4]);
    g_assert_cmpuint (first[3], <, first[4]);
  }
}

typedef struct
{
  GArray *changes;  /* position, removed, added */
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  g_array_append_val (recorder->changes, position);
  g_array_append_val (recorder->changes, removed);
  g_array_append_val (recorder->changes, added);
}

static void
assert_follows (L4aHubQuery *query,
                L4aStore    *store,
                const char  *what)
{
  g_autoptr(GPtrArray) expected = expected_hubs (store, l4a_hub_query_get_filter (query),
                                                 l4a_hub_query_get_sort_key (query),
                                                 l4a_hub_query_get_descending (query));

  assert_same_list (query, expected, what);
}

/* The list follows the context: edits here, in another connection and in
 * another program without the sort keys' function. */
static void
test_follows_changes (void)
{
  g_autofree char *path = make_registry ("live.sqlite", 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aContext) context = l4a_context_new (path, &error);
  g_autoptr(L4aHubQuery) query = NULL;
  g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
  g_autoptr(L4aHubEdit) edit = NULL;
  g_autoptr(L4aHub) held = NULL;
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  L4aStore *store;
  guint position, moved;

  g_assert_no_error (error);
  store = l4a_context_get_store (context);
  query = l4a_hub_query_new (context);
  filter->sdgs = 1u << 5;
  l4a_hub_query_set_filter (query, filter);
  l4a_hub_query_set_sort (query, L4A_HUB_SORT_GOVERNMENT, FALSE);
  assert_follows (query, store, "before");
  g_signal_connect (query, "items-changed", G_CALLBACK (items_changed_cb), &rec);

  /* an edit that keeps the hub's place: one change, at its place */
  g_assert_true (l4a_hub_query_find (query, "hub-000003", &position));
  held = g_list_model_get_item (G_LIST_MODEL (query), position);
  edit = l4a_registry_load_hub (store, "hub-000003", &error);
  g_assert_no_error (error);
  g_free (edit->summary);
  edit->summary = g_strdup ("Edited here");
  g_free (edit->status);
  edit->status = g_strdup ("completed");
  g_assert_true (l4a_registry_save_hub (store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 2), ==, 1);
  {
    g_autoptr(L4aHub) now = g_list_model_get_item (G_LIST_MODEL (query), position);

    g_assert_cmpstr (l4a_hub_get_status (now), ==, "completed");
    g_assert_false (now == held);
  }
  assert_follows (query, store, "after a status");

  /* a new goal takes a hub out of the list: one removal at its place */
  g_array_set_size (rec.changes, 0);
  g_clear_pointer (&edit, l4a_hub_edit_free);
  edit = l4a_registry_load_hub (store, "hub-000003", &error);
  g_assert_no_error (error);
  edit->sdgs = 1u << 9;
  g_assert_true (l4a_registry_save_hub (store, edit, &error));
  g_assert_cmpuint (rec.changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (rec.changes, guint, 2), ==, 0);
  g_assert_false (l4a_hub_query_find (query, "hub-000003", NULL));
  assert_follows (query, store, "after a goal");

  /* its government renamed elsewhere (no sort-key function there): its
   * hubs move, once, when the context looks */
  g_array_set_size (rec.changes, 0);
  g_assert_true (l4a_hub_query_find (query, "hub-000020", &position));
  l4a_test_sql_exec (path, "UPDATE government SET name = 'Aaaa Renamed', revision = revision + 1 "
                           "WHERE id = 'gov-00020'");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM hub_facet WHERE government_key IS NULL"), >, 0);
  g_assert_true (l4a_hub_query_find (query, "hub-000020", &moved));
  g_assert_cmpuint (moved, <, position);
  g_assert_cmpuint (rec.changes->len, >=, 3);
  assert_follows (query, store, "after a government renamed elsewhere");

  /* a hub added and one deleted by another program */
  l4a_test_sql_exec (path, "INSERT INTO hub (id, government_id, name, start_on, end_on, created_at, updated_at, "
                           "origin) VALUES ('hub-new', 'gov-00001', 'Ångström Added Hub', '2024-01-01', "
                           "'2026-01-01', 'x', 'x', 'test');"
                           "INSERT INTO hub_sdg (hub_id, goal) VALUES ('hub-new', 5);"
                           "DELETE FROM hub WHERE id = 'hub-000037';");
  l4a_context_check_for_changes (context);
  g_assert_true (l4a_hub_query_find (query, "hub-new", NULL));
  g_assert_false (l4a_hub_query_find (query, "hub-000037", NULL));
  assert_follows (query, store, "after another program's hub");

  g_array_unref (rec.changes);
}

/* Lets the reading thread give the rest of the order. */
static void
wait_whole (L4aHubQuery *query)
{
  while (!l4a_hub_query_is_whole (query))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Through a context, a long order shows its first part at once and the
 * rest comes from the reading thread, or at once when a row beyond is
 * asked for first: the same hubs in the same order either way, and the
 * list's length right from the start. */
static void
test_first_part (void)
{
  g_autofree char *path = make_registry ("first.sqlite", N_HUBS);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aContext) context = l4a_context_new (path, &error);
  g_autoptr(L4aHubQuery) query = NULL;
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_hub_filter_free);
  L4aHubFilter *filter;
  L4aStore *store;
  guint partial = 0, combos = 0;

  g_assert_no_error (error);
  store = l4a_context_get_store (context);
  g_ptr_array_add (filters, l4a_hub_filter_new ());
  filter = l4a_hub_filter_new (); filter->status = g_strdup ("active"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("hub"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("care"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->region = g_strdup ("europe"); g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->year = 2021; g_ptr_array_add (filters, filter);
  filter = l4a_hub_filter_new (); filter->search = g_strdup ("nothing-like-this"); g_ptr_array_add (filters, filter);

  query = l4a_hub_query_new (context);
  for (guint f = 0; f < filters->len; f++)
    for (int key = 0; key < L4A_HUB_N_SORTS; key++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GPtrArray) expected = expected_hubs (store, g_ptr_array_index (filters, f), key, descending);
          g_autofree char *what = g_strdup_printf ("first part, filter %u, sort by %s%s", f,
                                                   l4a_hub_sort_key_to_string (key), descending ? ", descending" : "");
          guint n;

          l4a_hub_query_set_sort (query, key, descending);
          l4a_hub_query_set_filter (query, g_ptr_array_index (filters, f));
          n = g_list_model_get_n_items (G_LIST_MODEL (query));
          if (n != expected->len)
            g_error ("%s: %u hubs listed, %u expected", what, n, expected->len);
          combos++;
          if (!l4a_hub_query_is_whole (query))
            {
              partial++;
              /* the first rows, before the rest is known */
              for (guint i = 0; i < MIN (n, 40); i++)
                {
                  g_autoptr(L4aHub) got = g_list_model_get_item (G_LIST_MODEL (query), i);

                  g_assert_true (l4a_hub_query_is_whole (query) == FALSE);
                  g_assert_cmpuint (l4a_hub_get_num (got), ==, l4a_hub_get_num (g_ptr_array_index (expected, i)));
                }
              if (combos % 2 == 0)
                {
                  /* the last row asked for at once */
                  g_autoptr(L4aHub) last = g_list_model_get_item (G_LIST_MODEL (query), n - 1);

                  g_assert_true (l4a_hub_query_is_whole (query));
                  g_assert_cmpuint (l4a_hub_get_num (last), ==,
                                    l4a_hub_get_num (g_ptr_array_index (expected, n - 1)));
                }
              else
                wait_whole (query);
            }
          g_assert_true (l4a_hub_query_is_whole (query));
          assert_same_list (query, expected, what);
        }
  /* the long orders were shown in part: the unfiltered registry, the
   * active hubs, the hubs with a word most of them have */
  g_assert_cmpuint (partial, >=, 3 * L4A_HUB_N_SORTS * 2);
  g_assert_cmpuint (partial, <, combos);

  /* a hub added by another program between the first part and the rest:
   * the rows beyond are empty until the list has changed, from the main
   * loop, to what the registry holds now */
  {
    g_autoptr(L4aHubFilter) none = l4a_hub_filter_new ();
    g_autoptr(L4aHub) beyond = NULL;
    Recorder rec = { g_array_new (FALSE, FALSE, sizeof (guint)) };

    l4a_hub_query_set_sort (query, L4A_HUB_SORT_NAME, TRUE);
    l4a_hub_query_set_filter (query, none);
    l4a_hub_query_set_sort (query, L4A_HUB_SORT_NAME, FALSE);
    g_assert_false (l4a_hub_query_is_whole (query));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, N_HUBS);
    l4a_test_sql_exec (path, "INSERT INTO hub (id, government_id, name, start_on, end_on, created_at, updated_at, "
                             "origin) VALUES ('hub-late', 'gov-00001', 'Zzz Late Hub', '2024-01-01', "
                             "'2026-01-01', 'x', 'x', 'test')");
    g_signal_connect (query, "items-changed", G_CALLBACK (items_changed_cb), &rec);
    beyond = g_list_model_get_item (G_LIST_MODEL (query), N_HUBS - 1);
    g_assert_nonnull (beyond);
    /* the list did not change while it was asked for a row */
    g_assert_cmpuint (rec.changes->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, N_HUBS);
    wait_whole (query);
    g_assert_cmpuint (rec.changes->len, >=, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, N_HUBS + 1);
    g_signal_handlers_disconnect_by_data (query, &rec);
    assert_follows (query, store, "a hub added between the first part and the rest");
    g_array_unref (rec.changes);
  }
}

/* Held, a long order's rest waits: the main loop runs and it stays in
 * part, rows beyond are still read at once; released, the rest comes from
 * the reading thread; a new order while held waits too. */
static void
test_hold_reading (void)
{
  g_autofree char *path = make_registry ("held.sqlite", N_HUBS);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aContext) context = l4a_context_new (path, &error);
  g_autoptr(L4aHubQuery) query = NULL;
  g_autoptr(L4aHubFilter) none = l4a_hub_filter_new ();
  g_autoptr(L4aHubFilter) active = l4a_hub_filter_new ();
  L4aStore *store;

  g_assert_no_error (error);
  store = l4a_context_get_store (context);
  active->status = g_strdup ("active");
  query = l4a_hub_query_new (context);
  l4a_hub_query_hold_reading (query, TRUE);
  l4a_hub_query_set_filter (query, none);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (query)), ==, N_HUBS);
  g_assert_false (l4a_hub_query_is_whole (query));
  /* the reading thread would have given it by now */
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
  g_assert_false (l4a_hub_query_is_whole (query));

  /* released: the rest comes beside, the same list as read alone */
  l4a_hub_query_hold_reading (query, FALSE);
  wait_whole (query);
  {
    g_autoptr(GPtrArray) expected = expected_hubs (store, none, L4A_HUB_SORT_NAME, FALSE);

    assert_same_list (query, expected, "held, then released");
  }

  /* held again: a new order waits, a row beyond is read at once */
  l4a_hub_query_hold_reading (query, TRUE);
  l4a_hub_query_set_filter (query, active);
  l4a_hub_query_set_sort (query, L4A_HUB_SORT_COUNTRY, TRUE);
  {
    g_autoptr(GPtrArray) expected = expected_hubs (store, active, L4A_HUB_SORT_COUNTRY, TRUE);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (query));
    g_autoptr(L4aHub) last = NULL;

    g_assert_cmpuint (n, ==, expected->len);
    g_assert_false (l4a_hub_query_is_whole (query));
    for (guint i = 0; i < 20; i++)
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        g_usleep (10000);
      }
    g_assert_false (l4a_hub_query_is_whole (query));
    last = g_list_model_get_item (G_LIST_MODEL (query), n - 1);
    g_assert_true (l4a_hub_query_is_whole (query));
    g_assert_cmpuint (l4a_hub_get_num (last), ==, l4a_hub_get_num (g_ptr_array_index (expected, n - 1)));
    /* released once whole: nothing more to read */
    l4a_hub_query_hold_reading (query, FALSE);
    assert_same_list (query, expected, "held, a row beyond asked for");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub-query/same-as-plain", test_same_as_plain);
  g_test_add_func ("/hub-query/follows-changes", test_follows_changes);
  g_test_add_func ("/hub-query/first-part", test_first_part);
  g_test_add_func ("/hub-query/hold-reading", test_hold_reading);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-hub-query-XXXXXX");
}
