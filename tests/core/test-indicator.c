/* test-indicator.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicators and measurements: rows pasted from spreadsheets, saving with
 * the right role and refusing bad input without changing anything, and
 * the CSV annex of a Voluntary Local Review.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "core-test-utils.h"
#include "l4a-indicator.h"

static char *tmpdir;

static L4aMeasurement *
row (L4aPaste *paste,
     guint     i)
{
  return g_ptr_array_index (paste->rows, i);
}

static void
test_paste (void)
{
  g_autoptr(L4aPaste) tabs = l4a_measurements_parse ("Date\tValue\tSource\n"
                                                     "2024-06-30\t12,5\tCity survey\n"
                                                     "2025-06\t1.234,5\t\"Census, 2025\"\tchecked\n"
                                                     "\n"
                                                     "2026\t 3 100 \r\n");
  g_autoptr(L4aPaste) commas = l4a_measurements_parse ("2024-01-01,1234.5,\"A \"\"quoted\"\" source\"\n"
                                                       "2024-02-01,\"1,234.5\"\n");
  g_autoptr(L4aPaste) bad = l4a_measurements_parse ("date;value\n"
                                                    "31/02/2026;4\n"
                                                    "2026-02-30;4\n"
                                                    "2026-03-01;abc\n"
                                                    "2026-04-01\n"
                                                    "2026-05-01;1e400\n"
                                                    "2026-06-01;-2,75\n");

  g_assert_cmpuint (tabs->rows->len, ==, 3);
  g_assert_cmpuint (tabs->problems->len, ==, 0);
  g_assert_cmpstr (row (tabs, 0)->measured_on, ==, "2024-06-30");
  g_assert_cmpfloat (row (tabs, 0)->value, ==, 12.5);
  g_assert_cmpstr (row (tabs, 0)->source, ==, "City survey");
  g_assert_cmpstr (row (tabs, 1)->measured_on, ==, "2025-06-01");
  g_assert_cmpfloat (row (tabs, 1)->value, ==, 1234.5);
  g_assert_cmpstr (row (tabs, 1)->source, ==, "Census, 2025");
  g_assert_cmpstr (row (tabs, 1)->note, ==, "checked");
  g_assert_cmpstr (row (tabs, 2)->measured_on, ==, "2026-01-01");
  g_assert_cmpfloat (row (tabs, 2)->value, ==, 3100);
  g_assert_cmpuint (row (tabs, 2)->line, ==, 5);

  g_assert_cmpuint (commas->rows->len, ==, 2);
  g_assert_cmpstr (row (commas, 0)->source, ==, "A \"quoted\" source");
  g_assert_cmpfloat (row (commas, 1)->value, ==, 1234.5);

  /* every bad row, with its line and its reason; the good one is kept */
  g_assert_cmpuint (bad->rows->len, ==, 1);
  g_assert_cmpfloat (row (bad, 0)->value, ==, -2.75);
  g_assert_cmpuint (bad->problems->len, ==, 5);
  {
    static const struct { guint line; const char *says; } expected[] = {
      { 2, "31/02/2026" }, { 3, "2026-02-30" }, { 4, "“abc” is not a number" }, { 5, "a date and a value" },
      { 6, "1e400" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        L4aPasteProblem *problem = g_ptr_array_index (bad->problems, i);

        g_assert_cmpuint (problem->line, ==, expected[i].line);
        if (strstr (problem->message, expected[i].says) == NULL)
          g_error ("“%s” does not say “%s”", problem->message, expected[i].says);
      }
  }

  /* nothing, or nothing but headings */
  {
    g_autoptr(L4aPaste) empty = l4a_measurements_parse ("");
    g_autoptr(L4aPaste) heads = l4a_measurements_parse ("Date,Value\n");
    g_autoptr(L4aPaste) null = l4a_measurements_parse (NULL);

    g_assert_cmpuint (empty->rows->len + empty->problems->len, ==, 0);
    g_assert_cmpuint (heads->rows->len + heads->problems->len, ==, 0);
    g_assert_cmpuint (null->rows->len, ==, 0);
  }
}

static L4aMeasurement *
measurement (const char *date,
             double      value)
{
  L4aMeasurement *m = g_new0 (L4aMeasurement, 1);

  m->measured_on = g_strdup (date);
  m->value = value;
  return m;
}

static void
test_save (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "indicators.sqlite");
  const char *path = l4a_store_get_path (store);
  g_autofree char *hub = l4a_test_sql_text (path, "SELECT hub_id FROM indicator WHERE hub_id IS NOT NULL LIMIT 1");
  g_autofree char *lead = NULL;
  g_autofree char *other = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(L4aIndicatorEdit) edit = l4a_indicator_edit_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  sql = g_strdup_printf ("SELECT government_id FROM hub WHERE id = '%s'", hub);
  lead = l4a_test_sql_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM government WHERE id <> '%s' LIMIT 1", lead);
  other = l4a_test_sql_text (path, sql);

  /* refused: empty code, dates in the wrong order; nothing written */
  before = l4a_test_sql_int (path, "SELECT count(*) FROM indicator");
  edit->hub_id = g_strdup (hub);
  edit->name = g_strdup ("Trees planted");
  edit->code = g_strdup ("  ");
  g_assert_false (l4a_indicator_save (store, edit, &error));
  g_assert_nonnull (strstr (error->message, "Indicator “Trees planted”"));
  g_assert_nonnull (strstr (error->message, "code"));
  g_clear_error (&error);
  g_free (edit->code);
  edit->code = g_strdup ("LOC.1");
  edit->baseline_on = g_strdup ("2026-01-01");
  edit->target_on = g_strdup ("2025-01-01");
  g_assert_false (l4a_indicator_save (store, edit, &error));
  g_assert_nonnull (strstr (error->message, "after the baseline"));
  g_clear_error (&error);
  g_free (edit->target_on);
  edit->target_on = g_strdup ("2030-02-31");
  g_assert_false (l4a_indicator_save (store, edit, &error));
  g_clear_error (&error);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM indicator"), ==, before);

  /* a board member may not; the lead government may */
  g_free (edit->target_on);
  edit->target_on = g_strdup ("2030-12-31");
  edit->baseline_value = 100;
  edit->target_value = 500;
  l4a_store_set_actor (store, L4A_ROLE_MEMBER, NULL);
  g_assert_false (l4a_indicator_save (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, other);
  g_assert_false (l4a_indicator_save (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, lead);
  g_assert_true (l4a_indicator_save (store, edit, &error));
  g_assert_no_error (error);
  g_assert_nonnull (edit->id);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM indicator"), ==, before + 1);

  /* measurements: a bad row refuses all of them */
  g_ptr_array_add (rows, measurement ("2026-06-30", 150));
  g_ptr_array_add (rows, measurement ("2026-13-01", 175));
  g_assert_false (l4a_measurements_save (store, edit->id, rows, &error));
  g_assert_nonnull (strstr (error->message, "2026-13-01"));
  g_clear_error (&error);
  g_assert_cmpint (l4a_test_sql_int (path, "SELECT count(*) FROM measurement WHERE value IN (150, 175)"), ==, 0);
  g_ptr_array_remove_index (rows, 1);
  g_ptr_array_add (rows, measurement ("2027-06-30", NAN));
  g_assert_false (l4a_measurements_save (store, edit->id, rows, &error));
  g_clear_error (&error);
  g_ptr_array_remove_index (rows, 1);
  g_ptr_array_add (rows, measurement ("2027-06-30", 210));
  g_assert_true (l4a_measurements_save (store, edit->id, rows, &error));
  g_assert_no_error (error);

  /* the same date again replaces the value */
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_add (rows, measurement ("2026-06-30", 160));
  g_assert_true (l4a_measurements_save (store, edit->id, rows, &error));
  listed = l4a_measurements_list (store, edit->id, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpfloat (((L4aMeasurement *) g_ptr_array_index (listed, 0))->value, ==, 160);

  /* a measurement named by its id moves to its new date */
  {
    g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
    g_autoptr(GPtrArray) after = NULL;
    L4aMeasurement *m = measurement ("2026-07-31", 161);

    m->id = g_strdup (((L4aMeasurement *) g_ptr_array_index (listed, 0))->id);
    g_ptr_array_add (moved, m);
    g_assert_true (l4a_measurements_save (store, edit->id, moved, &error));
    after = l4a_measurements_list (store, edit->id, &error);
    g_assert_cmpuint (after->len, ==, 2);
    g_assert_cmpstr (((L4aMeasurement *) g_ptr_array_index (after, 0))->measured_on, ==, "2026-07-31");
    g_assert_cmpfloat (((L4aMeasurement *) g_ptr_array_index (after, 0))->value, ==, 161);
  }

  /* the list shows the latest */
  {
    g_autoptr(GPtrArray) indicators = l4a_indicators_list (store, hub, &error);
    gboolean seen = FALSE;

    for (guint i = 0; i < indicators->len; i++)
      {
        L4aIndicatorEdit *found = g_ptr_array_index (indicators, i);

        if (g_strcmp0 (found->id, edit->id) == 0)
          {
            seen = TRUE;
            g_assert_cmpuint (found->n_measurements, ==, 2);
            g_assert_cmpstr (found->last_on, ==, "2027-06-30");
            g_assert_cmpfloat (found->last_value, ==, 210);
          }
      }
    g_assert_true (seen);
  }

  /* a stale edit is refused */
  {
    g_autoptr(L4aIndicatorEdit) stale = l4a_indicator_edit_new ();

    stale->id = g_strdup (edit->id);
    stale->revision = edit->revision;
    stale->hub_id = g_strdup (hub);
    stale->code = g_strdup ("LOC.1");
    stale->name = g_strdup ("Trees planted and kept");
    g_assert_true (l4a_indicator_save (store, edit, &error));
    g_assert_false (l4a_indicator_save (store, stale, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  /* deleting a measurement */
  g_assert_true (l4a_measurement_delete (store, ((L4aMeasurement *) g_ptr_array_index (listed, 0))->id, &error));
  g_assert_false (l4a_measurement_delete (store, "no-such-measurement", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
}

static void
test_csv (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "vlr.sqlite");
  const char *path = l4a_store_get_path (store);
  g_autofree char *hub = l4a_test_sql_text (path, "SELECT i.hub_id FROM indicator i JOIN measurement m ON "
                                                  "m.indicator_id = i.id WHERE i.code LIKE '11.%' LIMIT 1");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aIndicatorEdit) edit = l4a_indicator_edit_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
  L4aMeasurement *m = measurement ("2026-03-31", 42);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (hub);
  edit->hub_id = g_strdup (hub);
  edit->code = g_strdup ("LOCAL-7");
  edit->name = g_strdup ("Households \"connected\", by district");
  g_assert_true (l4a_indicator_save (store, edit, &error));
  m->source = g_strdup ("=HYPERLINK(\"x\")");
  g_ptr_array_add (rows, m);
  g_assert_true (l4a_measurements_save (store, edit->id, rows, &error));

  g_assert_true (l4a_indicators_write_csv (store, hub, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Hub,Goal,Target,Indicator code,Indicator,Framework,Unit,Better,"
                                             "Baseline,Baseline date,"));
  g_assert_nonnull (strstr (lines[0], ",2026,"));
  g_assert_true (g_str_has_suffix (lines[0], "Target value,Target date,Sources"));
  /* SDG codes give their goal and target */
  g_assert_nonnull (strstr (text, ",11,11."));
  /* quotes doubled, formulas defused */
  g_assert_nonnull (strstr (text, "\"Households \"\"connected\"\", by district\""));
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"x\"\")\""));
  g_assert_null (strstr (text, ",=HYPERLINK"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/indicator/paste", test_paste);
  g_test_add_func ("/core/indicator/save", test_save);
  g_test_add_func ("/core/indicator/csv", test_csv);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-indicator-XXXXXX");
}
