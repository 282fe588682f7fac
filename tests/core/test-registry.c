/* test-registry.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hub registry: filters, sorting, validation, saving with revision and
 * audit, delete and restore, merging governments, CSV.
 */

#include "config.h"

#include "core-test-utils.h"

#include <sqlite3.h>

#include "l4a-csv.h"
#include "l4a-government.h"
#include "l4a-hub.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-filter.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-rules.h"
#include "l4a-sample.h"
#include "l4a-store.h"

static char *tmpdir;

static L4aStore *
open_with_sample (const char *name)
{
  return l4a_test_open_with_sample (tmpdir, name);
}

static gint64
sql_count (L4aStore   *store,
           const char *sql)
{
  return l4a_test_sql_int (l4a_store_get_path (store), sql);
}

static char *
sql_text (L4aStore   *store,
          const char *sql)
{
  return l4a_test_sql_text (l4a_store_get_path (store), sql);
}

static guint
count_filtered (GListModel         *hubs,
                const L4aHubFilter *filter)
{
  g_autoptr(GListModel) found = l4a_hub_filter_apply (filter, hubs);

  return g_list_model_get_n_items (found);
}

static void
test_filters (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("filters.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hubs = l4a_registry_list_hubs (store, &error);
  g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
  guint all;

  g_assert_no_error (error);
  all = g_list_model_get_n_items (hubs);
  g_assert_cmpuint (all, ==, sql_count (store, "SELECT count(*) FROM hub"));
  g_assert_true (l4a_hub_filter_is_empty (filter));
  g_assert_cmpuint (count_filtered (hubs, filter), ==, all);

  /* Each criterion alone, against SQL. */
  filter->region = g_strdup ("latin-america");
  g_assert_cmpuint (count_filtered (hubs, filter), ==,
                    sql_count (store, "SELECT count(*) FROM hub h JOIN government g ON g.id = h.government_id "
                                      "WHERE g.region = 'latin-america'"));
  g_assert_cmpuint (count_filtered (hubs, filter), ==, 2);
  l4a_hub_filter_clear (filter);

  filter->country = g_strdup ("CA");
  g_assert_cmpuint (count_filtered (hubs, filter), ==, 2);
  l4a_hub_filter_clear (filter);

  filter->axis = g_strdup ("planet");
  g_assert_cmpuint (count_filtered (hubs, filter), ==, sql_count (store, "SELECT count(*) FROM hub WHERE pact_axis = 'planet'"));
  l4a_hub_filter_clear (filter);

  filter->status = g_strdup ("completed");
  g_assert_cmpuint (count_filtered (hubs, filter), ==, sql_count (store, "SELECT count(*) FROM hub WHERE status = 'completed'"));
  l4a_hub_filter_clear (filter);

  filter->format = g_strdup ("virtual");
  g_assert_cmpuint (count_filtered (hubs, filter), ==, sql_count (store, "SELECT count(*) FROM hub WHERE format = 'virtual'"));
  g_assert_cmpuint (count_filtered (hubs, filter), >=, 1);
  l4a_hub_filter_clear (filter);

  /* Several SDGs: any of them. */
  filter->sdgs = (1u << 13) | (1u << 5);
  g_assert_cmpuint (count_filtered (hubs, filter), ==,
                    sql_count (store, "SELECT count(DISTINCT hub_id) FROM hub_sdg WHERE goal IN (13, 5)"));
  l4a_hub_filter_clear (filter);

  filter->councils = l4a_council_mask ("resilient-cities");
  g_assert_cmpuint (filter->councils, !=, 0);
  g_assert_cmpuint (count_filtered (hubs, filter), ==,
                    sql_count (store, "SELECT count(*) FROM hub_council WHERE council = 'resilient-cities'"));
  l4a_hub_filter_clear (filter);
  g_assert_cmpuint (l4a_council_mask ("no-such-council"), ==, 0);

  /* Active in a year: the time frame overlaps it. */
  filter->year = 2023;
  g_assert_cmpuint (count_filtered (hubs, filter), ==,
                    sql_count (store, "SELECT count(*) FROM hub WHERE start_on <= '2023-12-31' AND end_on >= '2023-01-01'"));
  g_assert_cmpuint (count_filtered (hubs, filter), >=, 1);
  filter->year = 1999;
  g_assert_cmpuint (count_filtered (hubs, filter), ==, 0);
  l4a_hub_filter_clear (filter);

  /* Combinations narrow further, and a copy filters the same. */
  filter->region = g_strdup ("europe");
  filter->status = g_strdup ("active");
  filter->sdgs = 1u << 11;
  {
    g_autoptr(L4aHubFilter) copy = l4a_hub_filter_copy (filter);

    g_assert_cmpuint (count_filtered (hubs, filter), ==,
                      sql_count (store, "SELECT count(*) FROM hub h JOIN government g ON g.id = h.government_id "
                                        "WHERE g.region = 'europe' AND h.status = 'active' "
                                        "AND EXISTS (SELECT 1 FROM hub_sdg s WHERE s.hub_id = h.id AND s.goal = 11)"));
    g_assert_cmpuint (count_filtered (hubs, copy), ==, count_filtered (hubs, filter));
  }

  /* With a search. */
  filter->matches = l4a_registry_search_hubs (store, "rural", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_filtered (hubs, filter), ==, 1);
  g_clear_pointer (&filter->matches, g_hash_table_unref);
  filter->matches = l4a_registry_search_hubs (store, "climate", &error);
  g_assert_cmpuint (count_filtered (hubs, filter), ==, 0);   /* Barcelona's is completed */
  g_assert_false (l4a_hub_filter_is_empty (filter));
  l4a_hub_filter_clear (filter);
  g_assert_true (l4a_hub_filter_is_empty (filter));

  /* A search with no words filters nothing. */
  g_assert_null (l4a_registry_search_hubs (store, " -*\" ", &error));
  g_assert_no_error (error);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      key)
{
  return l4a_hub_compare ((L4aHub *) a, (L4aHub *) b, GPOINTER_TO_INT (key));
}

static void
assert_sorted (GListModel    *hubs,
               L4aHubSortKey  key)
{
  g_autoptr(GListStore) sorted = g_list_store_new (L4A_TYPE_HUB);
  guint n = g_list_model_get_n_items (hubs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);
      g_list_store_append (sorted, hub);
    }
  g_list_store_sort (sorted, compare_cb, GINT_TO_POINTER (key));

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(L4aHub) a = g_list_model_get_item (G_LIST_MODEL (sorted), i - 1);
      g_autoptr(L4aHub) b = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      g_assert_cmpint (l4a_hub_compare (a, b, key), <, 0);
      g_assert_cmpint (l4a_hub_compare (b, a, key), >, 0);
      g_assert_cmpint (l4a_hub_compare (a, a, key), ==, 0);

      switch (key)
        {
        case L4A_HUB_SORT_TIME_FRAME:
          g_assert_cmpstr (l4a_hub_get_start (a), <=, l4a_hub_get_start (b));
          break;
        case L4A_HUB_SORT_STATUS:
          g_assert_cmpstr (l4a_hub_get_status (a), <=, l4a_hub_get_status (b));
          break;
        case L4A_HUB_SORT_GOVERNMENT:
          {
            g_autofree char *ka = l4a_sort_key (l4a_hub_get_government (a));
            g_autofree char *kb = l4a_sort_key (l4a_hub_get_government (b));
            g_assert_cmpstr (ka, <=, kb);
          }
          break;
        case L4A_HUB_SORT_NAME:
          {
            g_autofree char *ka = l4a_sort_key (l4a_hub_get_name (a));
            g_autofree char *kb = l4a_sort_key (l4a_hub_get_name (b));
            g_assert_cmpstr (ka, <=, kb);
          }
          break;
        default:
          break;
        }
    }
}

static void
test_sort (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("sort.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hubs = l4a_registry_list_hubs (store, &error);
  L4aHubSortKey key;

  g_assert_no_error (error);
  for (guint k = 0; k < L4A_HUB_N_SORTS; k++)
    {
      assert_sorted (hubs, k);
      g_assert_true (l4a_hub_sort_key_from_string (l4a_hub_sort_key_to_string (k), &key));
      g_assert_cmpint (key, ==, k);
    }
  g_assert_false (l4a_hub_sort_key_from_string ("colour", &key));

  /* Names sort as people read them, accents and case aside. */
  {
    g_autoptr(L4aHub) zeta = g_object_new (L4A_TYPE_HUB, "id", "1", "name", "Zeta", NULL);
    g_autoptr(L4aHub) area = g_object_new (L4A_TYPE_HUB, "id", "2", "name", "Àrea Metropolitana", NULL);
    g_autoptr(L4aHub) beta = g_object_new (L4A_TYPE_HUB, "id", "3", "name", "beta", NULL);

    g_assert_cmpint (l4a_hub_compare (area, beta, L4A_HUB_SORT_NAME), <, 0);
    g_assert_cmpint (l4a_hub_compare (beta, zeta, L4A_HUB_SORT_NAME), <, 0);
  }
}

static L4aHubEdit *
valid_edit (L4aStore *store)
{
  L4aHubEdit *edit = l4a_hub_edit_new ();

  edit->government_id = sql_text (store, "SELECT id FROM government WHERE name = 'Soria'");
  edit->name = g_strdup ("Test Hub for Soria");
  edit->start = g_strdup ("2026-01-01");
  edit->end = g_strdup ("2027-12-31");
  edit->sdgs = 1u << 11;
  return edit;
}

static void
assert_field_error (L4aStore   *store,
                    L4aHubEdit *edit,
                    const char *field,
                    const char *needle)
{
  g_autoptr(GPtrArray) errors = l4a_hub_edit_validate (store, edit);
  const char *message = l4a_field_errors_find (errors, field);

  if (message == NULL || (needle && strstr (message, needle) == NULL))
    g_error ("expected a message about %s with “%s”, got %s", field, needle ? needle : "", message ? message : "none");
}

static void
test_validate (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("validate.sqlite");
  g_autoptr(L4aHubEdit) edit = valid_edit (store);
  g_autoptr(GPtrArray) errors = l4a_hub_edit_validate (store, edit);
  static const struct { const char *start, *end; gboolean ok; const char *needle; } frames[] = {
    { "2026-01-01", "2026-12-31", TRUE, NULL },                /* 12 months */
    { "2026-01-01", "2028-12-31", TRUE, NULL },                /* 36 months */
    { "2026-01-15", "2027-01-14", TRUE, NULL },                /* 12 months, mid-month */
    { "2026-01-01", "2026-12-30", FALSE, "11 months" },
    { "2026-01-01", "2029-01-01", FALSE, "37 months" },
    { "2026-01-01", "2029-04-30", FALSE, "40 months" },
    { "2026-05-01", "2026-04-01", FALSE, "after the start" },
    { "2026-05-01", "2026-05-01", FALSE, "after the start" },
    { "2026-02-30", "2027-05-01", FALSE, "not a date" },
    { "yesterday", "2027-05-01", FALSE, "not a date" },
  };

  g_assert_cmpuint (errors->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_autoptr(L4aHubEdit) copy = l4a_hub_edit_copy (edit);
      g_autoptr(GPtrArray) found = NULL;

      g_free (copy->start);
      g_free (copy->end);
      copy->start = g_strdup (frames[i].start);
      copy->end = g_strdup (frames[i].end);
      found = l4a_hub_edit_validate (store, copy);
      if (frames[i].ok)
        g_assert_cmpuint (found->len, ==, 0);
      else if (!strstr (frames[i].needle, "date"))
        assert_field_error (store, copy, "end_on", frames[i].needle);
      else
        assert_field_error (store, copy, "start_on", frames[i].needle);
    }

#define BREAK(member, value, field, needle) \
  G_STMT_START { \
    g_autoptr(L4aHubEdit) copy = l4a_hub_edit_copy (edit); \
    g_free (copy->member); \
    copy->member = value; \
    assert_field_error (store, copy, field, needle); \
  } G_STMT_END

  BREAK (name, g_strdup ("   "), "name", "needs a name");
  BREAK (name, NULL, "name", "needs a name");
  BREAK (government_id, NULL, "government_id", "Choose");
  BREAK (government_id, g_strdup ("no-such-government"), "government_id", "not in the database");
  BREAK (status, g_strdup ("dormant"), "status", NULL);
  BREAK (format, g_strdup ("telepathic"), "format", NULL);
  BREAK (pact_axis, g_strdup ("mars"), "pact_axis", NULL);
  BREAK (label_date, g_strdup ("2026-13-01"), "label_date", "not a date");
  BREAK (end, NULL, "end_on", "ends");
#undef BREAK

  {
    g_autoptr(L4aHubEdit) copy = l4a_hub_edit_copy (edit);

    copy->sdgs = 0;
    assert_field_error (store, copy, "sdgs", "at least one");
    copy->sdgs = 1u << 18;
    assert_field_error (store, copy, "sdgs", "1 to 17");
    copy->sdgs = 1u << 0;
    assert_field_error (store, copy, "sdgs", "1 to 17");
    copy->sdgs = 1u << 17;
    copy->councils = 1u << 9;
    assert_field_error (store, copy, "councils", NULL);
  }
}

static void
test_save (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("save.sqlite");
  g_autoptr(L4aHubEdit) edit = valid_edit (store);
  g_autoptr(L4aHubEdit) stale = NULL;
  g_autoptr(L4aHubEdit) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *sql = NULL;
  gint64 hubs = sql_count (store, "SELECT count(*) FROM hub");

  edit->councils = l4a_council_mask ("resilient-cities");
  g_assert_true (l4a_registry_save_hub (store, edit, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (edit->id));
  g_assert_cmpint (edit->revision, ==, 1);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM hub"), ==, hubs + 1);

  loaded = l4a_registry_load_hub (store, edit->id, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_hub_edit_equal (loaded, edit));
  g_assert_cmpint (loaded->revision, ==, 1);

  /* The new hub is found by search at once (the FTS triggers). */
  {
    g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
    g_autoptr(GListModel) all = l4a_registry_list_hubs (store, &error);
    g_autoptr(GListModel) found = NULL;
    g_autoptr(L4aHub) first = NULL;

    filter->matches = l4a_registry_search_hubs (store, "test hub soria", &error);
    found = l4a_hub_filter_apply (filter, all);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    first = g_list_model_get_item (found, 0);
    g_assert_cmpstr (l4a_hub_get_id (first), ==, edit->id);
  }

  stale = l4a_hub_edit_copy (edit);

  /* A change bumps the revision and the audit names the changed fields. */
  g_free (edit->name);
  edit->name = g_strdup ("Renamed Test Hub");
  g_assert_true (l4a_registry_save_hub (store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edit->revision, ==, 2);
  sql = g_strdup_printf ("SELECT revision FROM hub WHERE id = '%s'", edit->id);
  g_assert_cmpint (sql_count (store, sql), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT details FROM audit WHERE record_id = '%s' AND action = 'update'", edit->id);
  details = sql_text (store, sql);
  g_assert_cmpstr (details, ==, "{\"fields\":[\"name\"]}");

  /* Saving what was loaded before that change is refused, unchanged. */
  g_free (stale->summary);
  stale->summary = g_strdup ("A stale change");
  g_assert_false (l4a_registry_save_hub (store, stale, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT summary FROM hub WHERE id = '%s'", edit->id);
  {
    g_autofree char *summary = sql_text (store, sql);
    g_assert_cmpstr (summary, ==, "");
  }

  /* An invalid hub is refused with the hub's name and the reason. */
  g_free (edit->end);
  edit->end = g_strdup ("2029-12-31");
  g_assert_false (l4a_registry_save_hub (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Renamed Test Hub"));
  g_assert_nonnull (strstr (error->message, "48 months"));
  g_clear_error (&error);

  /* Only the secretariat may change the registry. */
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, "someone");
  g_free (edit->end);
  edit->end = g_strdup ("2027-06-30");
  g_assert_false (l4a_registry_save_hub (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "Local government"));
  g_clear_error (&error);
  g_assert_null (l4a_registry_delete_hub (store, edit->id, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM hub"), ==, hubs + 1);
}

static char *
dump_hub_tables (L4aStore *store)
{
  static const char * const queries[] = {
    "SELECT group_concat (id || name || revision || updated_at, '|') FROM (SELECT * FROM hub ORDER BY id)",
    "SELECT group_concat (hub_id || goal, '|') FROM (SELECT * FROM hub_sdg ORDER BY 1, 2)",
    "SELECT group_concat (hub_id || council, '|') FROM (SELECT * FROM hub_council ORDER BY 1, 2)",
    "SELECT group_concat (hub_id || related_id, '|') FROM (SELECT * FROM hub_relation ORDER BY 1, 2)",
    "SELECT group_concat (id || name || revision, '|') FROM (SELECT * FROM partner ORDER BY id)",
    "SELECT group_concat (id || title || due_on, '|') FROM (SELECT * FROM deliverable ORDER BY id)",
    "SELECT group_concat (id || title, '|') FROM (SELECT * FROM activity ORDER BY id)",
    "SELECT group_concat (id || code || coalesce (target_value, ''), '|') FROM (SELECT * FROM indicator ORDER BY id)",
    "SELECT group_concat (id || value || measured_on, '|') FROM (SELECT * FROM measurement ORDER BY id)",
    "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH '\"care\"*'",
  };
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = sql_text (store, queries[i]);
      g_string_append_printf (dump, "%s\n", part ? part : "");
    }
  return g_string_free (dump, FALSE);
}

static void
test_delete_restore (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("delete.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sql_text (store, "SELECT id FROM hub WHERE name = 'Care Blocks Hub'");
  g_autofree char *before = dump_hub_tables (store);
  g_autofree char *after = NULL;
  g_autofree char *snapshot = NULL;
  gint64 measurements = sql_count (store, "SELECT count(*) FROM measurement");
  gint64 related = sql_count (store, "SELECT count(*) FROM hub_relation");

  g_assert_nonnull (id);
  /* Care Blocks is related to from another hub: the delete takes that too. */
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM hub_relation r JOIN hub h ON h.id = r.hub_id "
                                     "WHERE h.name = 'Care Blocks Hub' OR r.related_id = "
                                     "(SELECT id FROM hub WHERE name = 'Care Blocks Hub')"), >=, 1);

  snapshot = l4a_registry_delete_hub (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM hub WHERE name = 'Care Blocks Hub'"), ==, 0);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM measurement"), <, measurements);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM hub_relation"), <, related);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM audit WHERE action = 'delete' AND record_type = 'hub'"), ==, 1);

  g_assert_true (l4a_registry_restore (store, snapshot, &error));
  g_assert_no_error (error);
  after = dump_hub_tables (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM audit WHERE action = 'restore'"), ==, 1);

  /* Restoring twice would duplicate: refused, unchanged. */
  g_assert_false (l4a_registry_restore (store, snapshot, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_free (after);
  after = dump_hub_tables (store);
  g_assert_cmpstr (before, ==, after);

  /* Deleting what is not there says so. */
  g_assert_null (l4a_registry_delete_hub (store, "no-such-hub", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
}

static void
test_governments (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("governments.sqlite");
  g_autoptr(L4aGovernmentEdit) duplicate = l4a_government_edit_new ();
  g_autoptr(L4aGovernmentEdit) bad = l4a_government_edit_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(L4aHubEdit) hub = valid_edit (store);
  g_autofree char *soria = sql_text (store, "SELECT id FROM government WHERE name = 'Soria'");
  g_autofree char *sql = NULL;
  g_autofree char *member = sql_text (store, "SELECT id FROM member LIMIT 1");
  gint64 soria_hubs;

  /* Validation names the field. */
  bad->name = g_strdup ("");
  bad->country = g_strdup ("XX");
  bad->region = g_strdup ("atlantis");
  problems = l4a_government_edit_validate (store, bad);
  g_assert_nonnull (l4a_field_errors_find (problems, "name"));
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "country"), "XX"));
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "region"), "atlantis"));
  g_assert_false (l4a_registry_save_government (store, bad, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A duplicate of Soria, with a hub and a declared conflict of its own. */
  duplicate->name = g_strdup ("  Ayuntamiento de Soria ");
  duplicate->country = g_strdup ("ES");
  duplicate->region = g_strdup ("europe");
  g_assert_true (l4a_registry_save_government (store, duplicate, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT name FROM government WHERE id = '%s'", duplicate->id);
  {
    g_autofree char *name = sql_text (store, sql);
    g_assert_cmpstr (name, ==, "Ayuntamiento de Soria");
  }

  g_free (hub->government_id);
  hub->government_id = g_strdup (duplicate->id);
  g_assert_true (l4a_registry_save_hub (store, hub, &error));
  g_assert_no_error (error);

  list = l4a_registry_list_governments (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(L4aGovernment) g = g_list_model_get_item (list, i);

      if (g_str_equal (l4a_government_get_id (g), duplicate->id))
        g_assert_cmpuint (l4a_government_get_hubs (g), ==, 1);
    }

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO conflict (id, member_id, government_id, kind, reason, created_at, updated_at, origin) "
                         "VALUES ('c-dup', '%s', '%s', 'declared', 'test', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'test')", member, duplicate->id);
  {
    sqlite3 *db;
    g_assert_cmpint (sqlite3_open (l4a_store_get_path (store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM hub WHERE government_id = '%s'", soria);
  soria_hubs = sql_count (store, sql);

  g_assert_false (l4a_registry_merge_governments (store, soria, soria, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (l4a_registry_merge_governments (store, soria, duplicate->id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sql_count (store, sql), ==, soria_hubs + 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM government WHERE id = '%s'", duplicate->id);
  g_assert_cmpint (sql_count (store, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM conflict WHERE member_id = '%s' AND government_id = '%s'", member, soria);
  g_assert_cmpint (sql_count (store, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT revision FROM hub WHERE id = '%s'", hub->id);
  g_assert_cmpint (sql_count (store, sql), ==, 2);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM audit WHERE action = 'merge'"), ==, 1);

  /* The search index follows the merge. */
  {
    g_autoptr(GHashTable) found = l4a_registry_search_hubs (store, "ayuntamiento", &error);
    g_assert_cmpuint (g_hash_table_size (found), ==, 0);
  }
}

/* A government's place is read as maps write it, saved as two numbers,
 * refused with the field named when it is not a place on Earth, and the
 * database left as it was. */
static void
test_government_place (void)
{
  static const struct { const char *text; double latitude, longitude; } good[] = {
    { "41.3874, 2.1686", 41.3874, 2.1686 },
    { " -33.9249,18.4241 ", -33.9249, 18.4241 },
    { "41,3874; 2,1686", 41.3874, 2.1686 },
    { "41,3874, 2,1686", 41.3874, 2.1686 },
    { "45.5017 -73.5673", 45.5017, -73.5673 },
    { "41.3874° N, 2.1686° E", 41.3874, 2.1686 },
    { "22.9068 S 43.1729 W", -22.9068, -43.1729 },
    { "90, -180", 90, -180 },
    { "0, 0", 0, 0 },
  };
  static const struct { const char *text, *problem; } bad[] = {
    { "91, 2", "latitude must be from −90 to 90" },
    { "41, 181", "longitude must be from −180 to 180" },
    { "-41 S, 2 E", "latitude then the longitude" },
    { "Barcelona", "latitude then the longitude" },
    { "41.3874", "latitude then the longitude" },
    { "41.38, 2.16, 3", "latitude then the longitude" },
    { "nan, inf", "latitude then the longitude" },
    { "1e2, 3", "latitude then the longitude" },
    { "0x10, 3", "latitude then the longitude" },
    { "41.3874,, 2.1686", "latitude then the longitude" },
    { "41.38\xff, 2", "latitude then the longitude" },
  };
  g_autoptr(L4aStore) store = open_with_sample ("places.sqlite");
  g_autofree char *soria = sql_text (store, "SELECT id FROM government WHERE name = 'Soria'");
  g_autoptr(L4aGovernmentEdit) edit = NULL;
  g_autoptr(L4aGovernmentEdit) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("SELECT latitude || ' ' || longitude FROM government WHERE id = '%s'",
                                            soria);
  g_autofree char *stored = NULL;
  g_autofree char *unchanged = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double latitude = 0, longitude = 0;
      g_autofree char *problem = NULL;
      g_autofree char *formatted = NULL;

      g_assert_true (l4a_place_parse (good[i].text, &latitude, &longitude, &problem));
      g_assert_null (problem);
      g_assert_cmpfloat_with_epsilon (latitude, good[i].latitude, 1e-9);
      g_assert_cmpfloat_with_epsilon (longitude, good[i].longitude, 1e-9);
      formatted = l4a_place_format (latitude, longitude);
      g_assert_true (l4a_place_parse (formatted, &latitude, &longitude, NULL));
      g_assert_cmpfloat_with_epsilon (latitude, good[i].latitude, 1e-4);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double latitude, longitude;
      g_autofree char *problem = NULL;

      g_assert_false (l4a_place_parse (bad[i].text, &latitude, &longitude, &problem));
      g_assert_nonnull (strstr (problem, bad[i].problem));
    }

  /* saved and read back (the sample places Soria at its town hall) */
  edit = l4a_registry_load_government (store, soria, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edit->place, ==, "41.7636, -2.4649");
  g_free (edit->place);
  edit->place = g_strdup ("41,77; -2,47");
  g_assert_true (l4a_registry_save_government (store, edit, &error));
  g_assert_no_error (error);
  again = l4a_registry_load_government (store, soria, &error);
  g_assert_cmpstr (again->place, ==, "41.77, -2.47");
  stored = sql_text (store, where);
  g_assert_cmpstr (stored, ==, "41.77 -2.47");

  /* refused, naming the government and what is wrong; nothing written */
  g_free (again->place);
  again->place = g_strdup ("141.7, 2");
  {
    g_autoptr(GPtrArray) problems = l4a_government_edit_validate (store, again);

    g_assert_nonnull (strstr (l4a_field_errors_find (problems, "place"), "latitude must be"));
  }
  g_assert_false (l4a_registry_save_government (store, again, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Soria"));
  g_clear_error (&error);
  unchanged = sql_text (store, where);
  g_assert_cmpstr (unchanged, ==, stored);

  /* emptied: back to the middle of the country */
  g_free (again->place);
  again->place = g_strdup ("  ");
  g_assert_true (l4a_registry_save_government (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM government WHERE name = 'Soria' AND latitude IS NULL "
                                   "AND longitude IS NULL"), ==, 1);
}

static void
test_csv_escape (void)
{
  static const struct { const char *value; gboolean text; const char *expected; } vectors[] = {
    { "plain", TRUE, "plain" },
    { "a,b", TRUE, "\"a,b\"" },
    { "say \"hi\"", TRUE, "\"say \"\"hi\"\"\"" },
    { "two\nlines", TRUE, "\"two\nlines\"" },
    { "cr\rhere", TRUE, "\"cr\rhere\"" },
    { " padded ", TRUE, "\" padded \"" },
    { "=HYPERLINK(\"x\")", TRUE, "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "+1", TRUE, "'+1" },
    { "@cmd", TRUE, "'@cmd" },
    { "-5", FALSE, "-5" },
    { "-3.5e2", FALSE, "-3.5e2" },
    { "2026-01-31", FALSE, "2026-01-31" },
    /* every cell is guarded, whoever says it is no free text */
    { "=1+1", FALSE, "'=1+1" },
    { "+1", FALSE, "'+1" },
    { "-1+2", FALSE, "'-1+2" },
    { "@SUM(A1)", FALSE, "'@SUM(A1)" },
    { " =cmd|' /C calc'!A0", FALSE, "\"' =cmd|' /C calc'!A0\"" },
    { "\t=1", FALSE, "'\t=1" },
    { "\r=1", FALSE, "\"'\r=1\"" },
    { " -2", FALSE, "\"' -2\"" },
    { "São Paulo", TRUE, "São Paulo" },
    { "", TRUE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      l4a_csv_append_field (line, vectors[i].value, vectors[i].text);
      g_assert_cmpint (line->str[line->len - 1], ==, ',');
      g_string_truncate (line, line->len - 1);
      g_assert_cmpstr (line->str, ==, vectors[i].expected);
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    l4a_csv_append_field (line, "a", TRUE);
    l4a_csv_append_field (line, NULL, TRUE);
    l4a_csv_append_field (line, NULL, TRUE);
    l4a_csv_end_line (line);
    g_assert_cmpstr (line->str, ==, "a,,\r\n");
  }
}

static void
test_csv_hubs (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("csv.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hubs = l4a_registry_list_hubs (store, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  g_assert_true (l4a_csv_write_hubs (hubs, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (hubs) + 2);
  g_assert_true (g_str_has_prefix (lines[0], "id,name,government,country,"));
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      /* Thirteen fields in each line; none of the sample fields has a comma
       * inside quotes, but the government "eThekwini (Durban)" has spaces. */
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 13);
      g_assert_true (g_uuid_string_is_valid (fields[0]));
    }
  g_assert_nonnull (strstr (text, ",ES,Spain,europe,Europe,"));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer) g_param_spec_get_name (pspec));
}

/* A hub's editable fields as an object: each property notifies once when
 * it changes and not when it is set to what it holds; empty text is no
 * text; goals and councils are chosen one by one; a copy is equal. */
static void
test_hub_edit_object (void)
{
  g_autoptr(L4aHubEdit) edit = l4a_hub_edit_new ();
  g_autoptr(L4aHubEdit) copy = NULL;
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();
  g_autofree char *name = NULL;
  guint sdgs = 0;

  g_signal_connect (edit, "notify", G_CALLBACK (count_notify), notified);
  g_object_set (edit, "name", "Hub of the test", "start", "2026-01-01", NULL);
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_cmpstr (edit->name, ==, "Hub of the test");
  g_assert_cmpstr (edit->start, ==, "2026-01-01");

  g_object_set (edit, "name", "Hub of the test", NULL);
  g_assert_cmpuint (notified->len, ==, 2);

  g_object_set (edit, "label-date", "", NULL);
  g_assert_null (edit->label_date);
  g_assert_cmpuint (notified->len, ==, 2);
  g_object_set (edit, "topic", "Water", NULL);
  g_object_set (edit, "topic", "", NULL);
  g_assert_null (edit->topic);
  g_assert_cmpuint (notified->len, ==, 4);

  l4a_hub_edit_set_sdg (edit, 6, TRUE);
  l4a_hub_edit_set_sdg (edit, 11, TRUE);
  l4a_hub_edit_set_sdg (edit, 6, FALSE);
  l4a_hub_edit_set_sdg (edit, 6, FALSE);
  g_object_get (edit, "sdgs", &sdgs, "name", &name, NULL);
  g_assert_cmpuint (sdgs, ==, 1u << 11);
  g_assert_cmpstr (name, ==, "Hub of the test");
  g_assert_cmpuint (notified->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (notified, 6), ==, "sdgs");
  l4a_hub_edit_set_council (edit, 2, TRUE);
  g_assert_cmpuint (edit->councils, ==, 1u << 2);

  copy = l4a_hub_edit_copy (edit);
  g_assert_true (l4a_hub_edit_equal (copy, edit));
  g_object_set (copy, "format", "virtual", NULL);
  g_assert_false (l4a_hub_edit_equal (copy, edit));
  g_assert_cmpuint (notified->len, ==, 8);
}

/* The names @list gives, one per line. */
static char *
government_names (GListModel *list)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(L4aGovernment) government = g_list_model_get_item (list, i);

      g_string_append_printf (names, "%s\n", l4a_government_get_name (government));
    }
  return g_string_free (names, FALSE);
}

static void
test_find_governments (void)
{
  g_autoptr(L4aStore) store = open_with_sample ("find-governments.sqlite");
  g_autoptr(GError) error = NULL;
  gint64 all = sql_count (store, "SELECT count(*) FROM government");
  gint64 spanish = sql_count (store, "SELECT count(*) FROM government WHERE country = 'ES'");
  g_autofree char *soria_id = sql_text (store, "SELECT id FROM government WHERE name = 'Soria'");
  guint found = 0;

  g_assert_cmpint (spanish, >=, 2);
  /* a word's start, in the name or the country, accents and case aside */
  {
    g_autoptr(GListModel) list = l4a_registry_find_governments (store, "SORIA", 50, &found, &error);
    g_autofree char *names = NULL;

    g_assert_no_error (error);
    names = government_names (list);
    g_assert_cmpstr (names, ==, "Soria\n");
    g_assert_cmpuint (found, ==, 1);
  }
  {
    g_autoptr(GListModel) list = l4a_registry_find_governments (store, "area metro barc", 50, &found, &error);
    g_autofree char *names = government_names (list);

    g_assert_no_error (error);
    g_assert_cmpstr (names, ==, "Àrea Metropolitana de Barcelona\n");
  }
  {
    g_autoptr(GListModel) list = l4a_registry_find_governments (store, "spain", 50, &found, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found, ==, spanish);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, spanish);
  }
  /* no words: a page of every government, in the order of their names */
  {
    g_autoptr(GListModel) list = l4a_registry_find_governments (store, "  ", 5, &found, &error);
    g_autofree char *previous = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (found, ==, all);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
    for (guint i = 0; i < 5; i++)
      {
        g_autoptr(L4aGovernment) government = g_list_model_get_item (list, i);
        g_autofree char *key = l4a_sort_key (l4a_government_get_name (government));

        g_assert_cmpstr (previous ? previous : "", <=, key);
        g_free (previous);
        previous = g_steal_pointer (&key);
      }
  }
  /* more than a page: the first by name, and how many there are */
  l4a_test_sql_exec (l4a_store_get_path (store),
                     "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                     "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) "
                     "SELECT printf ('70000000-0000-4000-8000-%012d', i), printf ('Township %03d', 301 - i), 'city', "
                     "'KE', 'africa', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n");
  {
    g_autoptr(GListModel) list = l4a_registry_find_governments (store, "townsh", 100, &found, &error);
    g_autoptr(L4aGovernment) first = NULL;
    g_autoptr(L4aGovernment) last = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (found, ==, 300);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 100);
    first = g_list_model_get_item (list, 0);
    last = g_list_model_get_item (list, 99);
    g_assert_cmpstr (l4a_government_get_name (first), ==, "Township 001");
    g_assert_cmpstr (l4a_government_get_name (last), ==, "Township 100");
  }
  all += 300;

  /* what a search box may be given is searched as text, never as syntax */
  for (guint i = 0; i < 4; i++)
    {
      static const char * const hostile[] = { "\"NEAR( -*", "name:soria OR x", "') DROP TABLE government; --",
                                              "\xc3\x28" };
      g_autoptr(GListModel) list = l4a_registry_find_governments (store, hostile[i], 50, &found, &error);

      g_assert_no_error (error);
      g_assert_nonnull (list);
    }
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM government"), ==, all);

  /* the index follows a rename, a new government and one removed by
   * another program */
  {
    g_autoptr(L4aGovernmentEdit) soria = l4a_registry_load_government (store, soria_id, &error);
    g_autoptr(L4aGovernmentEdit) fresh = l4a_government_edit_new ();
    g_autoptr(GListModel) renamed = NULL;
    g_autoptr(GListModel) old_name = NULL;
    g_autoptr(GListModel) added = NULL;
    g_autoptr(GListModel) removed = NULL;
    g_autofree char *sql = NULL;

    g_assert_no_error (error);
    g_object_set (soria, "name", "Numancia", NULL);
    g_assert_true (l4a_registry_save_government (store, soria, &error));
    g_assert_no_error (error);
    renamed = l4a_registry_find_governments (store, "numan", 50, &found, &error);
    g_assert_cmpuint (found, ==, 1);
    old_name = l4a_registry_find_governments (store, "soria", 50, &found, &error);
    g_assert_cmpuint (found, ==, 0);

    g_object_set (fresh, "name", "Ciudad de Tlaxcala", "kind", "city", "country", "MX", "region", "latin-america", NULL);
    g_assert_true (l4a_registry_save_government (store, fresh, &error));
    g_assert_no_error (error);
    added = l4a_registry_find_governments (store, "tlaxc", 50, &found, &error);
    g_assert_cmpuint (found, ==, 1);

    sql = g_strdup_printf ("DELETE FROM government WHERE id = '%s'", fresh->id);
    l4a_test_sql_exec (l4a_store_get_path (store), sql);
    removed = l4a_registry_find_governments (store, "tlaxc", 50, &found, &error);
    g_assert_cmpuint (found, ==, 0);
    g_assert_cmpint (sql_count (store, "SELECT count(*) FROM government_num"), ==, all);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/registry/filters", test_filters);
  g_test_add_func ("/core/registry/sort", test_sort);
  g_test_add_func ("/core/registry/validate", test_validate);
  g_test_add_func ("/core/registry/hub-edit-object", test_hub_edit_object);
  g_test_add_func ("/core/registry/save-revision-audit", test_save);
  g_test_add_func ("/core/registry/delete-restore", test_delete_restore);
  g_test_add_func ("/core/registry/governments-merge", test_governments);
  g_test_add_func ("/core/registry/government-place", test_government_place);
  g_test_add_func ("/core/registry/find-governments", test_find_governments);
  g_test_add_func ("/core/csv/escape", test_csv_escape);
  g_test_add_func ("/core/csv/hubs", test_csv_hubs);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-registry-XXXXXX");
}
