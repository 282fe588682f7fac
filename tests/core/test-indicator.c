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

#include <locale.h>
#include <math.h>
#include <string.h>

#include "core-test-utils.h"
#include "l4a-indicator.h"
#include "l4a-ticks.h"

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
  L4aMeasurement *m = l4a_measurement_new ();

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

/* The locales people use here, compiled into the test's folder (LOCPATH)
 * from the system's sources, as the machine may have none compiled. */
static gboolean
use_locale (const char *name)
{
  g_autofree char *folder = g_build_filename (tmpdir, "locales", NULL);
  g_autofree char *compiled = g_build_filename (folder, name, NULL);

  g_mkdir_with_parents (folder, 0700);
  if (!g_file_test (compiled, G_FILE_TEST_IS_DIR))
    {
      g_auto(GStrv) parts = g_strsplit (name, ".", 2);
      const char *argv[] = { "localedef", "-i", parts[0], "-f", "UTF-8", compiled, NULL };
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
          !g_file_test (compiled, G_FILE_TEST_IS_DIR))
        return FALSE;
    }
  g_setenv ("LOCPATH", folder, TRUE);
  return setlocale (LC_ALL, name) != NULL;
}

/* Numbers typed and shown in the user's locale: read back whatever the
 * decimal mark, never mistaken, and files keep a point before the
 * decimals whatever the locale. */
static void
test_numbers_in_locales (void)
{
  static const struct { const char *locale; const char *text; double value; } good[] = {
    { "C.UTF-8", "2.5", 2.5 }, { "C.UTF-8", "2,5", 2.5 }, { "C.UTF-8", " -4179.25 ", -4179.25 },
    { "C.UTF-8", "4,179.5", 4179.5 }, { "C.UTF-8", "1 234 567", 1234567 }, { "C.UTF-8", "−3", -3 },
    { "fr_FR.UTF-8", "2,5", 2.5 }, { "fr_FR.UTF-8", "2.5", 2.5 }, { "fr_FR.UTF-8", "4\u202f179,5", 4179.5 },
    { "fr_FR.UTF-8", "4 179,5", 4179.5 }, { "fr_FR.UTF-8", "4\u00a0179", 4179 }, { "fr_FR.UTF-8", "0,05", 0.05 },
    { "es_ES.UTF-8", "4.179", 4179 }, { "es_ES.UTF-8", "4.179,5", 4179.5 }, { "es_ES.UTF-8", "2,5", 2.5 },
    { "es_ES.UTF-8", "2.5", 2.5 }, { "es_ES.UTF-8", "1.234.567", 1234567 },
    { "en_US.UTF-8", "4,179", 4179 }, { "en_US.UTF-8", "4,179.5", 4179.5 }, { "en_US.UTF-8", "2,5", 2.5 },
  };
  static const char * const bad[] = {
    "", " ", "abc", "2,5,1", "1e3", "nan", "inf", "0x10", "12 5", "2.5.1", "4,17,9", "--2", "2-", "2,5 kg",
    "4.179,5.2", "\xff",
  };
  static const char * const locales[] = { "C.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8", "en_US.UTF-8" };
  static const double round_trips[] = { 0, 2.5, -4179.25, 1234567.125, 0.00001234, 1e16, 1.0 / 3, 99.9 };

  for (guint l = 1; l < G_N_ELEMENTS (locales); l++)
    if (!use_locale (locales[l]))
      {
        /* tools/debian-packages brings the locales' sources */
        g_test_fail_printf ("The locale %s cannot be made here: is the locales package installed?", locales[l]);
        setlocale (LC_ALL, "C.UTF-8");
        return;
      }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = NAN;

      g_assert_nonnull (setlocale (LC_ALL, good[i].locale));
      if (!l4a_number_parse (good[i].text, &value))
        g_error ("“%s” is not read as a number in %s", good[i].text, good[i].locale);
      g_assert_cmpfloat_with_epsilon (value, good[i].value, 1e-9);
    }

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_assert_nonnull (setlocale (LC_ALL, locales[l]));
      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          double value;

          if (l4a_number_parse (bad[i], &value))
            g_error ("“%s” is read as %g in %s", bad[i], value, locales[l]);
        }
      /* what a field shows is what it reads back */
      for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
        {
          g_autofree char *shown = l4a_number_to_edit (round_trips[i]);
          double value = NAN;

          if (!l4a_number_parse (shown, &value))
            g_error ("“%s”, shown for %g in %s, is not read back", shown, round_trips[i], locales[l]);
          g_assert_cmpfloat_with_epsilon (value, round_trips[i], fabs (round_trips[i]) * 1e-12 + 1e-15);
        }
    }

  /* shown in the locale's way */
  g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
  {
    g_autofree char *shown = l4a_number_to_edit (2.5);
    g_autofree char *grouped = l4a_format_number (4179.5, 1);

    g_assert_cmpstr (shown, ==, "2,5");
    g_assert_cmpstr (grouped, ==, "4\u202f179,5");
  }

  /* the annex of a Voluntary Local Review holds “2.5” in any locale */
  {
    g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "vlr-fr.sqlite");
    const char *path = l4a_store_get_path (store);
    g_autofree char *hub = l4a_test_sql_text (path, "SELECT i.hub_id FROM indicator i JOIN measurement m ON "
                                                    "m.indicator_id = i.id LIMIT 1");
    g_autofree char *indicator = l4a_test_sql_text (path, "SELECT i.id FROM indicator i JOIN measurement m ON "
                                                          "m.indicator_id = i.id LIMIT 1");
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    g_ptr_array_add (rows, measurement ("2031-06-30", 1234.5));
    g_assert_true (l4a_measurements_save (store, indicator, rows, &error));
    g_assert_no_error (error);
    g_assert_true (l4a_indicators_write_csv (store, hub, out, &error));
    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
    g_output_stream_close (out, NULL, NULL);
    text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
    g_assert_nonnull (strstr (text, ",1234.5"));
    g_assert_null (strstr (text, "1234,5"));
  }
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/indicator/paste", test_paste);
  g_test_add_func ("/core/indicator/save", test_save);
  g_test_add_func ("/core/indicator/csv", test_csv);
  g_test_add_func ("/core/indicator/numbers-in-locales", test_numbers_in_locales);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-indicator-XXXXXX");
}
