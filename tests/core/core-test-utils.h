/* core-test-utils.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the displayless tests share: a store with the sample data, and
 * answers read straight from SQLite to check the core against.
 */

#pragma once

#include <sqlite3.h>

#include "l4a-sample.h"
#include "l4a-store.h"
#include "test-utils.h"

G_BEGIN_DECLS

/* Opens @name in @dir with the sample data loaded. */
static inline L4aStore *
l4a_test_open_with_sample (const char *dir,
                           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  L4aStore *store = l4a_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* Runs @test with a temporary folder in *@tmpdir, removed afterwards. */
static inline int
l4a_test_run_in_tmpdir (char       **tmpdir,
                        const char  *template)
{
  g_autoptr(GError) error = NULL;
  int status;

  *tmpdir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  status = g_test_run ();
  l4a_test_remove_tree (*tmpdir);
  g_clear_pointer (tmpdir, g_free);
  return status;
}

G_END_DECLS
