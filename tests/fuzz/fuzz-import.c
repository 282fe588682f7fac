/* fuzz-import.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer against arbitrary bytes: check, parse, plan against a
 * database with the sample data, and, when the plan holds, apply it and
 * roll the database back by reopening a pristine copy. Built as a
 * libFuzzer target with -Dfuzzing=true (clang); otherwise as a program that
 * replays the corpus files named on its command line, which the normal
 * test suite runs.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>

#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-sample.h"
#include "l4a-store.h"

static char *pristine;
static char *scratch;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aStore) store = NULL;
  g_autofree char *dir = NULL;

  if (pristine != NULL)
    return;
  dir = g_dir_make_tmp ("l4a-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  pristine = g_build_filename (dir, "pristine.sqlite", NULL);
  scratch = g_build_filename (dir, "scratch.sqlite", NULL);
  store = l4a_store_open (pristine, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
}

/* One input: never crashes, and either fails with a message or imports. */
static void
run_one (const uint8_t *data,
         size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(L4aStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  bundle = l4a_bundle_parse ((const char *) data, size, &error);
  if (bundle == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_debug ("refused: %s", error->message);
      return;
    }

  g_assert_true (g_file_get_contents (pristine, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (scratch, contents, (gssize) length, NULL));
  store = l4a_store_open (scratch, &error);
  g_assert_no_error (error);
  plan = l4a_import_plan (store, bundle, &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_debug ("refused: %s", error->message);
      return;
    }
  l4a_import_plan_resolve_all (plan, L4A_RESOLVE_THEIRS);
  if (!l4a_import_apply (store, bundle, plan, FALSE, NULL, NULL, NULL, NULL, &error))
    {
      g_assert_nonnull (error);
      g_debug ("not applied: %s", error->message);
    }
  else
    g_debug ("imported a %s bundle of %u records", bundle->kind, bundle->n_records);
}

#include "fuzz-main.h"
