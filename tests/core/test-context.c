/* test-context.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data layer: nested transactions, change notification after each
 * commit and for other processes' commits, the live hub list, jobs on the
 * worker connection, and two contexts writing to one database.
 */

#include "config.h"

#include <sys/wait.h>

#include "core-test-utils.h"
#include "l4a-context.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-query.h"
#include "l4a-audit-log.h"
#include "l4a-list-update.h"
#include "l4a-indicator.h"
#include "l4a-measurement-list.h"
#include "l4a-proposal.h"
#include "l4a-proposal-query.h"
#include "l4a-monitoring.h"
#include "l4a-review.h"
#include "l4a-store-private.h"

static char *tmpdir;

static char *
db_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  return l4a_test_sql_int (path, sql);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* What a context announced, and what a list model said. */
typedef struct
{
  GPtrArray *changes;   /* L4aChanges */
  GArray    *items;     /* guint triples: position, removed, added */
} Recorder;

static void
changed_cb (L4aContext *context,
            L4aChanges *changes,
            Recorder   *recorder)
{
  g_ptr_array_add (recorder->changes, l4a_changes_ref (changes));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (recorder->items, triple, 3);
}

static void
recorder_init (Recorder *recorder)
{
  recorder->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_changes_unref);
  recorder->items = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->changes, g_ptr_array_unref);
  g_clear_pointer (&recorder->items, g_array_unref);
}

static void
recorder_reset (Recorder *recorder)
{
  g_ptr_array_set_size (recorder->changes, 0);
  g_array_set_size (recorder->items, 0);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Recorder, recorder_clear)

static gboolean
recorder_has_items_changed (Recorder *recorder,
                            guint     position,
                            guint     removed,
                            guint     added)
{
  for (guint i = 0; i + 2 < recorder->items->len; i += 3)
    if (g_array_index (recorder->items, guint, i) == position &&
        g_array_index (recorder->items, guint, i + 1) == removed &&
        g_array_index (recorder->items, guint, i + 2) == added)
      return TRUE;
  return FALSE;
}

/* @recorder saw exactly one items-changed, this one. */
static void
assert_one_change (Recorder *recorder,
                   guint     position,
                   guint     removed,
                   guint     added)
{
  g_assert_cmpuint (recorder->items->len, ==, 3);
  g_assert_cmpuint (g_array_index (recorder->items, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (recorder->items, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (recorder->items, guint, 2), ==, added);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Savepoints -------------------------------------------------------------- */

static void
test_savepoints (void)
{
  g_autofree char *path = db_path ("savepoints.sqlite");
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aChanges) changes = NULL;

  store = l4a_store_open (path, &error);
  g_assert_no_error (error);

#define INSERT_GOV(name) \
  g_assert_true (l4a_store_exec (store, \
    "INSERT INTO government (id, name, kind, country, region, created_at, updated_at, origin) " \
    "VALUES ('" name "', '" name "', 'city', 'ES', 'europe', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'test')", NULL))

  /* a savepoint rolled back takes only its own writes */
  g_assert_true (l4a_store_begin (store, &error));
  INSERT_GOV ("gov-outer");
  g_assert_true (l4a_store_begin (store, &error));
  INSERT_GOV ("gov-inner");
  g_assert_true (l4a_store_in_transaction (store));
  l4a_store_rollback (store);
  g_assert_true (l4a_store_in_transaction (store));
  g_assert_true (l4a_store_begin (store, &error));
  INSERT_GOV ("gov-kept");
  g_assert_true (l4a_store_commit (store, &error));
  /* nothing is seen by other connections before the outermost commit */
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM government"), ==, 0);
  g_assert_true (l4a_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (l4a_store_in_transaction (store));
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM government WHERE id = 'gov-outer'"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM government WHERE id = 'gov-inner'"), ==, 0);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM government WHERE id = 'gov-kept'"), ==, 1);

  /* what was committed is told once; a rollback tells nothing */
  changes = l4a_store_take_changes (store);
  g_assert_true (l4a_changes_contains (changes, "government", "gov-outer"));
  g_assert_true (l4a_changes_contains (changes, "government", "gov-kept"));
  g_clear_pointer (&changes, l4a_changes_unref);
  changes = l4a_store_take_changes (store);
  g_assert_true (l4a_changes_is_empty (changes));
  g_clear_pointer (&changes, l4a_changes_unref);

  g_assert_true (l4a_store_begin (store, &error));
  INSERT_GOV ("gov-gone");
  l4a_store_rollback (store);
  g_assert_false (l4a_store_in_transaction (store));
  changes = l4a_store_take_changes (store);
  g_assert_true (l4a_changes_is_empty (changes));
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM government WHERE id = 'gov-gone'"), ==, 0);
  g_clear_pointer (&changes, l4a_changes_unref);

  /* a whole public write inside a caller's transaction is one savepoint:
   * the caller's rollback takes it too */
  g_assert_true (l4a_store_begin (store, &error));
  g_assert_true (l4a_sample_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (l4a_store_in_transaction (store));
  l4a_store_rollback (store);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM hub"), ==, 0);
  g_assert_false (l4a_sample_is_loaded (store));
#undef INSERT_GOV
}

/* Changes and the live hub list ------------------------------------------- */

static char *
hub_named (const char *path,
           const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM hub WHERE name = '%s'", name);

  return l4a_test_sql_text (path, sql);
}

/* Whether each announcement was of the main connection's own commit. */
static void
own_cb (L4aContext *context,
        L4aChanges *changes,
        GArray     *own)
{
  gboolean value = l4a_context_is_announcing_own (context);

  g_array_append_val (own, value);
}

static void
test_changes (void)
{
  g_autofree char *path = db_path ("changes.sqlite");
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(L4aHubEdit) edit = NULL;
  g_autofree char *id = NULL;
  g_autoptr(L4aHub) shown = NULL;
  g_auto(Recorder) rec = { 0 };
  g_auto(GStrv) ids = NULL;
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GListModel *hubs;
  guint position, n_hubs;
  gint64 audit_rows;

  recorder_init (&rec);
  context = l4a_context_new (path, &error);
  g_assert_no_error (error);
  g_signal_connect (context, "changed", G_CALLBACK (changed_cb), &rec);
  g_signal_connect (context, "changed", G_CALLBACK (own_cb), own);

  hubs = l4a_context_get_hubs (context);
  g_assert_true (hubs == l4a_context_get_hubs (context));
  g_assert_cmpuint (g_list_model_get_n_items (hubs), ==, 0);
  g_signal_connect (hubs, "items-changed", G_CALLBACK (items_changed_cb), &rec);

  /* the sample, loaded by a job on the worker connection: announced
   * before the caller hears of it */
  l4a_context_load_sample_async (context, NULL, result_cb, &result);
  g_assert_true (l4a_context_is_busy (context));
  wait_for_result (&result);
  g_assert_true (l4a_context_load_sample_finish (context, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.changes->len, ==, 1);
  g_assert_true (l4a_changes_touches (g_ptr_array_index (rec.changes, 0), "hub"));
  g_assert_true (l4a_changes_touches (g_ptr_array_index (rec.changes, 0), "proposal"));
  /* a job's commit is not the main connection's own */
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_false (g_array_index (own, gboolean, 0));
  g_assert_false (l4a_context_is_announcing_own (context));
  /* the list has read the registry's order again: one change, all of it */
  g_assert_true (recorder_has_items_changed (&rec, 0, 0, sql_int (path, "SELECT count(*) FROM hub")));
  g_assert_false (l4a_context_is_busy (context));
  n_hubs = g_list_model_get_n_items (hubs);
  g_assert_cmpint (n_hubs, ==, sql_int (path, "SELECT count(*) FROM hub"));
  g_assert_cmpuint (n_hubs, >, 3);

  /* editing one hub: one change naming it, one items-changed at its place */
  recorder_reset (&rec);
  id = hub_named (path, "Care Blocks Hub");
  g_assert_nonnull (id);
  g_assert_true (l4a_hub_query_find (L4A_HUB_QUERY (hubs), id, &position));
  edit = l4a_registry_load_hub (l4a_context_get_store (context), id, &error);
  g_assert_no_error (error);
  g_free (edit->name);
  edit->name = g_strdup ("Care Blocks Network Hub");
  edit->sdgs ^= 1u << 16;  /* its SDGs too: still one hub */
  audit_rows = sql_int (path, "SELECT count(*) FROM audit");
  g_assert_true (l4a_registry_save_hub (l4a_context_get_store (context), edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM audit"), ==, audit_rows + 1);
  /* a write through the main connection is announced as its own */
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_true (g_array_index (own, gboolean, 1));
  g_assert_false (l4a_context_is_announcing_own (context));

  g_assert_cmpuint (rec.changes->len, ==, 1);
  ids = l4a_changes_dup_ids (g_ptr_array_index (rec.changes, 0), "hub");
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, id);
  assert_one_change (&rec, position, 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hubs), ==, n_hubs);
  shown = g_list_model_get_item (hubs, position);
  g_assert_cmpstr (l4a_hub_get_name (shown), ==, "Care Blocks Network Hub");
  g_clear_object (&shown);

  /* a refused write announces nothing and leaves the list */
  recorder_reset (&rec);
  g_free (edit->name);
  edit->name = g_strdup ("");
  g_assert_false (l4a_registry_save_hub (l4a_context_get_store (context), edit, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (rec.changes->len, ==, 0);
  g_assert_cmpuint (rec.items->len, ==, 0);
  g_assert_false (l4a_store_in_transaction (l4a_context_get_store (context)));

  /* deleting it: a removal at its place (hubs related to it change too,
   * each at its own place); Undo puts it back at its place */
  {
    g_autofree char *snapshot = l4a_registry_delete_hub (l4a_context_get_store (context), id, &error);

    g_assert_no_error (error);
    g_assert_true (recorder_has_items_changed (&rec, position, 1, 0));
    for (guint i = 0; i + 2 < rec.items->len; i += 3)
      g_assert_cmpuint (g_array_index (rec.items, guint, i + 1), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (hubs), ==, n_hubs - 1);
    g_assert_false (l4a_hub_query_find (L4A_HUB_QUERY (hubs), id, NULL));
    recorder_reset (&rec);
    g_assert_true (l4a_registry_restore (l4a_context_get_store (context), snapshot, &error));
    g_assert_no_error (error);
    g_assert_true (recorder_has_items_changed (&rec, position, 0, 1));
    {
      guint again;

      g_assert_true (l4a_hub_query_find (L4A_HUB_QUERY (hubs), id, &again));
      g_assert_cmpuint (again, ==, position);
    }
    g_assert_cmpuint (g_list_model_get_n_items (hubs), ==, n_hubs);
  }
}

/* Another process --------------------------------------------------------- */

static void
run_cli (const char *path,
         const char *command)
{
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("L4A_EXECUTABLE");
  const char *argv[] = { exe, "--db", path, command, NULL };
  int status = 0;

  g_assert_nonnull (exe);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static void
test_other_process (void)
{
  g_autofree char *path = db_path ("other.sqlite");
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aStore) other = NULL;
  g_autoptr(L4aHubEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aHub) shown = NULL;
  g_autofree char *id = NULL;
  g_auto(Recorder) rec = { 0 };
  g_auto(GStrv) ids = NULL;
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GListModel *hubs;
  guint position;

  recorder_init (&rec);
  context = l4a_context_new (path, &error);
  g_assert_no_error (error);
  hubs = l4a_context_get_hubs (context);
  g_signal_connect (context, "changed", G_CALLBACK (changed_cb), &rec);
  g_signal_connect (context, "changed", G_CALLBACK (own_cb), own);

  /* nothing changed: nothing announced */
  g_assert_false (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.changes->len, ==, 0);

  /* the command line loads the sample in another process: not this
   * process's own */
  run_cli (path, "sample");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.changes->len, ==, 1);
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_false (g_array_index (own, gboolean, 0));
  g_assert_true (l4a_changes_touches (g_ptr_array_index (rec.changes, 0), "hub"));
  g_assert_cmpint (g_list_model_get_n_items (hubs), ==, sql_int (path, "SELECT count(*) FROM hub"));
  g_assert_cmpuint (g_list_model_get_n_items (hubs), >, 0);
  g_assert_false (l4a_context_check_for_changes (context));

  /* another connection edits one hub: the audit log says which one, and
   * the list changes at its place only */
  recorder_reset (&rec);
  g_signal_connect (hubs, "items-changed", G_CALLBACK (items_changed_cb), &rec);
  id = hub_named (path, "Care Blocks Hub");
  g_assert_true (l4a_hub_query_find (L4A_HUB_QUERY (hubs), id, &position));
  other = l4a_store_open (path, &error);
  g_assert_no_error (error);
  edit = l4a_registry_load_hub (other, id, &error);
  g_assert_no_error (error);
  g_free (edit->name);
  edit->name = g_strdup ("Care Blocks Hub, renamed elsewhere");
  g_assert_true (l4a_registry_save_hub (other, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.changes->len, ==, 0);
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.changes->len, ==, 1);
  g_assert_false (l4a_changes_is_everything (g_ptr_array_index (rec.changes, 0)));
  ids = l4a_changes_dup_ids (g_ptr_array_index (rec.changes, 0), "hub");
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, id);
  g_assert_cmpuint (rec.items->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec.items, guint, 0), ==, position);
  shown = g_list_model_get_item (hubs, position);
  g_assert_cmpstr (l4a_hub_get_name (shown), ==, "Care Blocks Hub, renamed elsewhere");

  /* a write that the audit log does not name: everything is read again */
  recorder_reset (&rec);
  sql_exec (path, "UPDATE government SET name = name || ' (renamed)' WHERE name = 'Quito'");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.changes->len, ==, 1);
  g_assert_true (l4a_changes_is_everything (g_ptr_array_index (rec.changes, 0)));
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (hubs); i++)
      {
        g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);

        seen |= g_strcmp0 (l4a_hub_get_government (hub), "Quito (renamed)") == 0;
      }
    g_assert_true (seen);
  }

  /* polling does the same without being asked */
  recorder_reset (&rec);
  sql_exec (path, "UPDATE government SET name = 'Quito' WHERE name = 'Quito (renamed)'");
  l4a_context_set_polling (context, 20);
  while (rec.changes->len == 0)
    g_main_context_iteration (NULL, TRUE);
  l4a_context_set_polling (context, 0);
}

/* Jobs ---------------------------------------------------------------------- */

static gpointer
failing_write_job (L4aContextJob  *job,
                   L4aStore       *store,
                   gpointer        data,
                   GCancellable   *cancellable,
                   GError        **error)
{
  /* writes, reports progress, then fails with its transaction open: the
   * context rolls it back */
  g_assert_true (l4a_store_begin (store, error));
  g_assert_true (l4a_sample_load (store, NULL, error));
  for (guint i = 1; i <= 4; i++)
    l4a_context_job_progress (job, i / 4.0);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stopped on purpose");
  return NULL;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_jobs (void)
{
  g_autofree char *path = db_path ("jobs.sqlite");
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = db_path ("jobs-out.l4a.json");
  g_auto(Recorder) rec = { 0 };
  double last = 0;

  recorder_init (&rec);
  context = l4a_context_new (path, &error);
  g_assert_no_error (error);
  g_signal_connect (context, "changed", G_CALLBACK (changed_cb), &rec);

  l4a_context_run_async (context, failing_write_job, NULL, NULL, NULL, progress_cb, &last, NULL,
                         result_cb, &result);
  wait_for_result (&result);
  g_assert_null (l4a_context_run_finish (context, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM hub"), ==, 0);
  g_assert_cmpuint (rec.changes->len, ==, 0);
  /* progress came in order, up to the end */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpfloat (last, ==, 1.0);

  /* a cancelled job does nothing */
  g_cancellable_cancel (cancellable);
  l4a_context_load_sample_async (context, cancellable, result_cb, &result);
  wait_for_result (&result);
  g_assert_false (l4a_context_load_sample_finish (context, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM hub"), ==, 0);

  /* export on the worker, as the context's role */
  l4a_context_load_sample_async (context, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_true (l4a_context_load_sample_finish (context, result, &error));
  g_clear_object (&result);
  l4a_context_export_async (context, "registry", NULL, out, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_cmpint (l4a_context_export_finish (context, result, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_object (&result);

  /* a government may not send the registry: the job acts as the context */
  {
    g_autofree char *quito = l4a_test_sql_text (path, "SELECT id FROM government WHERE name = 'Quito'");

    l4a_context_set_actor (context, L4A_ROLE_GOVERNMENT, quito);
  }
  g_remove (out);
  l4a_context_export_async (context, "registry", NULL, out, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_cmpint (l4a_context_export_finish (context, result, &error), ==, -1);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Two contexts, one database ---------------------------------------------- */

typedef struct
{
  char *path;
  char *proposal;
  char *member;
} Race;

static void
fill_review (L4aReview *review)
{
  for (guint i = 0; i < review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (review->scores, i);

      s->has_score = TRUE;
      s->score = 4;
    }
  g_free (review->recommendation);
  review->recommendation = g_strdup ("grant");
}

static void
prepare_board (const char *path,
               char      **proposal,
               char      **member)
{
  g_autoptr(L4aStore) store = l4a_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *call = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (l4a_sample_load (store, NULL, &error));
  call = l4a_test_sql_text (path, "SELECT id FROM call WHERE status = 'open'");
  g_assert_true (l4a_review_assign_call (store, call, 2, 0, FALSE, NULL, &error));
  g_assert_no_error (error);
  *proposal = l4a_test_sql_text (path, "SELECT p.id FROM proposal p JOIN government g ON g.id = p.government_id "
                                       "WHERE g.name = 'Quito' AND p.state = 'under-review'");
  g_assert_nonnull (*proposal);
  sql = g_strdup_printf ("SELECT member_id FROM assignment WHERE proposal_id = '%s' ORDER BY member_id LIMIT 1",
                         *proposal);
  *member = l4a_test_sql_text (path, sql);
  g_assert_nonnull (*member);
}

static void
test_two_contexts (void)
{
  g_autofree char *path = db_path ("two.sqlite");
  g_autofree char *proposal = NULL;
  g_autofree char *member = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autoptr(L4aContext) board = NULL;
  g_autoptr(L4aContext) secretariat = NULL;
  g_autoptr(L4aReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Recorder) rec = { 0 };

  recorder_init (&rec);
  prepare_board (path, &proposal, &member);
  sql = g_strdup_printf ("SELECT title FROM proposal WHERE id = '%s'", proposal);
  title = l4a_test_sql_text (path, sql);

  board = l4a_context_new (path, &error);
  g_assert_no_error (error);
  secretariat = l4a_context_new (path, &error);
  g_assert_no_error (error);
  l4a_context_set_actor (board, L4A_ROLE_MEMBER, member);
  g_signal_connect (board, "changed", G_CALLBACK (changed_cb), &rec);

  /* the member opens their review while the secretariat decides */
  review = l4a_review_open (l4a_context_get_store (board), proposal, &error);
  g_assert_no_error (error);
  fill_review (review);
  g_assert_true (l4a_decision_save (l4a_context_get_store (secretariat), proposal, "declined",
                                    "Outside the call's scope.", "", &error));
  g_assert_no_error (error);

  /* the submission comes second: refused, naming the proposal, and
   * nothing of it is written */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) || '/' || total (revision) FROM review WHERE proposal_id = '%s'", proposal);
  before = l4a_test_sql_text (path, sql);
  g_assert_false (l4a_review_submit (l4a_context_get_store (board), review, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, title));
  g_clear_error (&error);
  {
    g_autofree char *after = l4a_test_sql_text (path, sql);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (l4a_store_in_transaction (l4a_context_get_store (board)));
  g_assert_cmpuint (rec.changes->len, ==, 0);

  /* and the board's context hears of the decision */
  g_assert_true (l4a_context_check_for_changes (board));
  g_assert_true (l4a_changes_contains (g_ptr_array_index (rec.changes, 0), "proposal", proposal));
}

/* Both at once, from two threads: whichever takes the write lock first
 * wins, and the other sees what it wrote. */
static gpointer
submit_thread (gpointer data)
{
  Race *race = data;
  g_autoptr(L4aStore) store = l4a_store_open (race->path, NULL);
  g_autoptr(L4aReview) review = NULL;
  g_autoptr(GError) error = NULL;

  l4a_store_set_actor (store, L4A_ROLE_MEMBER, race->member);
  review = l4a_review_open (store, race->proposal, &error);
  g_assert_no_error (error);
  fill_review (review);
  return GINT_TO_POINTER (l4a_review_submit (store, review, NULL));
}

static gpointer
decide_thread (gpointer data)
{
  Race *race = data;
  g_autoptr(L4aStore) store = l4a_store_open (race->path, NULL);

  return GINT_TO_POINTER (l4a_decision_save (store, race->proposal, "declined", "Outside the call's scope.", "",
                                             NULL));
}

static void
test_race (void)
{
  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%u.sqlite", round);
      Race race = { db_path (name), NULL, NULL };
      g_autofree char *sql = NULL;
      GThread *a, *b;
      gboolean submitted, decided;
      gint64 reviews, decided_first;

      prepare_board (race.path, &race.proposal, &race.member);
      a = g_thread_new ("submit", submit_thread, &race);
      b = g_thread_new ("decide", decide_thread, &race);
      submitted = GPOINTER_TO_INT (g_thread_join (a));
      decided = GPOINTER_TO_INT (g_thread_join (b));

      /* the decision never waits on a review; a review is written only
       * while the proposal is under review */
      g_assert_true (decided);
      sql = g_strdup_printf ("SELECT count(*) FROM review WHERE proposal_id = '%s' AND submitted_at IS NOT NULL",
                             race.proposal);
      reviews = sql_int (race.path, sql);
      g_assert_cmpint (reviews, ==, submitted ? 1 : 0);
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT count(*) FROM audit d, audit r WHERE d.action = 'decide' "
                             "AND d.record_id = '%s' AND r.action = 'submit' AND r.record_type = 'review' "
                             "AND r.seq > d.seq", race.proposal);
      decided_first = sql_int (race.path, sql);
      g_assert_cmpint (decided_first, ==, 0);
      g_free (race.path);
      g_free (race.proposal);
      g_free (race.member);
    }
}

/* Permissions and words ----------------------------------------------------- */

static void
test_permissions (void)
{
  g_autofree char *path = db_path ("permissions.sqlite");
  g_autoptr(L4aContext) context = l4a_context_new (path, NULL);
  g_autoptr(GError) error = NULL;
  static const L4aRole roles[] = { L4A_ROLE_SECRETARIAT, L4A_ROLE_MEMBER, L4A_ROLE_GOVERNMENT };

  g_assert_nonnull (context);
  /* each permission belongs to exactly one role */
  for (int p = L4A_PERMISSION_KEEP_REGISTRY; p <= L4A_PERMISSION_WRITE_REVIEWS; p++)
    {
      guint allowed = 0;

      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        allowed += l4a_role_can (roles[r], (L4aPermission) p);
      g_assert_cmpuint (allowed, ==, 1);
    }
  g_assert_true (l4a_role_can (L4A_ROLE_GOVERNMENT, L4A_PERMISSION_WRITE_PROPOSALS));
  g_assert_true (l4a_role_can (L4A_ROLE_MEMBER, L4A_PERMISSION_WRITE_REVIEWS));

  /* a refusal names what and as whom, and the core asks the same table */
  l4a_context_set_actor (context, L4A_ROLE_GOVERNMENT, "someone");
  g_assert_false (l4a_context_can (context, L4A_PERMISSION_DECIDE));
  g_assert_false (l4a_store_require (l4a_context_get_store (context), L4A_PERMISSION_DECIDE, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "decide on a proposal"));
  g_assert_nonnull (strstr (error->message, l4a_role_get_label (L4A_ROLE_GOVERNMENT)));
  g_clear_error (&error);
  {
    g_autoptr(L4aHubEdit) edit = l4a_hub_edit_new ();

    g_assert_false (l4a_registry_save_hub (l4a_context_get_store (context), edit, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_assert_false (l4a_store_in_transaction (l4a_context_get_store (context)));
}

static void
test_words (void)
{
  const char * const *states = l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE);

  /* the workflow's order, one list for every front end */
  g_assert_cmpstr (states[0], ==, "draft");
  g_assert_cmpstr (states[2], ==, "under-review");
  g_assert_cmpstr (states[5], ==, "withdrawn");
  g_assert_null (states[6]);
  g_assert_true (states == l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE));
  g_assert_true (l4a_enum_is_valid (L4A_TYPE_FORMAT, "in-person"));
  g_assert_false (l4a_enum_is_valid (L4A_TYPE_FORMAT, "In person"));
  g_assert_false (l4a_enum_is_valid (L4A_TYPE_HUB_STATUS, NULL));
  g_assert_cmpstr (l4a_enum_get_label (L4A_TYPE_PROPOSAL_STATE, "under-review"), ==, "Under review");
  g_assert_cmpstr (l4a_enum_get_label (L4A_TYPE_FORMAT, "hybrid"), ==, "Hybrid");
  g_assert_cmpstr (l4a_enum_get_label (L4A_TYPE_HUB_STATUS, "unknown-word"), ==, "unknown-word");
  g_assert_cmpstr (l4a_enum_get_label (L4A_TYPE_ROLE, "member"), ==, l4a_role_get_label (L4A_ROLE_MEMBER));
  /* every nick has a label of its own */
  {
    const GType types[] = { L4A_TYPE_PROPOSAL_STATE, L4A_TYPE_HUB_STATUS, L4A_TYPE_FORMAT,
                            L4A_TYPE_DELIVERABLE_STATUS, L4A_TYPE_ACTIVITY_KIND, L4A_TYPE_ROLE };

    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      for (const char * const *nick = l4a_enum_get_nicks (types[t]); *nick; nick++)
        g_assert_cmpstr (l4a_enum_get_label (types[t], *nick), !=, *nick);
  }
}

/* A context on a new database at @path, with the sample loaded. */
static L4aContext *
context_with_sample (const char *path)
{
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  context = l4a_context_new (path, &error);
  g_assert_no_error (error);
  l4a_context_load_sample_async (context, NULL, result_cb, &result);
  wait_for_result (&result);
  g_assert_true (l4a_context_load_sample_finish (context, result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&context);
}

/* Until @log has its whole order (a long one is read in part first). */
static void
wait_whole (L4aAuditLog *log)
{
  while (!l4a_audit_log_is_whole (log))
    g_main_context_iteration (NULL, TRUE);
}

/* @log is, row for row, what a log read afresh with the same filter is. */
static void
assert_same_log (L4aAuditLog *log,
                 L4aContext  *context,
                 const char  *record_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aAuditLog) fresh = l4a_audit_log_new (context, &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (log));

  g_assert_no_error (error);
  l4a_audit_log_set_filter (fresh, record_type, NULL, NULL);
  wait_whole (fresh);
  wait_whole (log);
  n = g_list_model_get_n_items (G_LIST_MODEL (log));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aAuditItem) a = g_list_model_get_item (G_LIST_MODEL (log), i);
      g_autoptr(L4aAuditItem) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (l4a_audit_item_get_seq (a), ==, l4a_audit_item_get_seq (b));
      g_assert_cmpstr (l4a_audit_item_get_title (a), ==, l4a_audit_item_get_title (b));
      g_assert_cmpstr (l4a_audit_item_get_who (a), ==, l4a_audit_item_get_who (b));
    }
}

/* The audit log as a lazy, live list: newest first, every entry, in words,
 * narrowed by what the log holds, a new entry at the top as one change. */
static void
test_audit_log (void)
{
  g_autofree char *path = db_path ("audit.sqlite");
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aAuditLog) log = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(L4aHubEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(Recorder) rec = { 0 };
  guint n, filtered;
  gboolean found = FALSE;

  recorder_init (&rec);
  context = context_with_sample (path);

  /* a longer log than is read at once */
  sql_exec (path, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                  "INSERT INTO audit (at, actor, action, record_type, record_id) "
                  "SELECT '2026-05-01T10:00:00Z', 'secretariat', 'update', 'hub', printf ('hub-%03d', i) FROM n");
  g_assert_true (l4a_context_check_for_changes (context));

  /* the newest entries at once, the rest beside: one change at the end */
  log = l4a_audit_log_new (context, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (log));
  g_assert_cmpuint (n, <, sql_int (path, "SELECT count(*) FROM audit"));
  g_assert_false (l4a_audit_log_is_whole (log));
  {
    g_autoptr(L4aAuditItem) newest = g_list_model_get_item (G_LIST_MODEL (log), 0);

    g_assert_cmpint (l4a_audit_item_get_seq (newest), ==, sql_int (path, "SELECT max (seq) FROM audit"));
  }
  g_signal_connect (log, "items-changed", G_CALLBACK (items_changed_cb), &rec);
  wait_whole (log);
  g_signal_handlers_disconnect_by_func (log, items_changed_cb, &rec);
  assert_one_change (&rec, n, 0, sql_int (path, "SELECT count(*) FROM audit") - n);
  recorder_reset (&rec);
  n = g_list_model_get_n_items (G_LIST_MODEL (log));
  g_assert_cmpint (n, ==, sql_int (path, "SELECT count(*) FROM audit"));
  g_assert_cmpuint (l4a_audit_log_count_all (log), ==, n);
  {
    g_autoptr(L4aAuditItem) oldest = g_list_model_get_item (G_LIST_MODEL (log), n - 1);

    g_assert_cmpint (l4a_audit_item_get_seq (oldest), ==, sql_int (path, "SELECT min (seq) FROM audit"));
  }
  /* written to while the rest is read: the new entry at the top, the rest
   * after, as a log read afresh; narrowed while it is read: the narrowed
   * order, read afresh */
  {
    g_autoptr(L4aAuditLog) busy = l4a_audit_log_new (context, &error);

    g_assert_no_error (error);
    g_assert_false (l4a_audit_log_is_whole (busy));
    sql_exec (path, "INSERT INTO audit (at, actor, action, record_type, record_id) VALUES "
                    "('2026-05-02T10:00:00Z', 'secretariat', 'update', 'hub', 'hub-new')");
    g_assert_true (l4a_context_check_for_changes (context));
    assert_same_log (busy, context, NULL);
    g_clear_object (&busy);
    busy = l4a_audit_log_new (context, &error);
    g_assert_false (l4a_audit_log_is_whole (busy));
    l4a_audit_log_set_filter (busy, "hub", NULL, NULL);
    assert_same_log (busy, context, "hub");
    /* let go of while reading */
    g_clear_object (&busy);
    busy = l4a_audit_log_new (context, &error);
    g_assert_false (l4a_audit_log_is_whole (busy));
    g_clear_object (&busy);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    n = sql_int (path, "SELECT count(*) FROM audit");
  }

  /* newest first, read a page at a time wherever the rows are */
  for (guint i = 0; i < n; i += n / 5)
    {
      g_autoptr(L4aAuditItem) item = g_list_model_get_item (G_LIST_MODEL (log), i);
      g_autoptr(L4aAuditItem) next = g_list_model_get_item (G_LIST_MODEL (log), MIN (i + 1, n - 1));

      g_assert_cmpint (l4a_audit_item_get_seq (item), >=, l4a_audit_item_get_seq (next));
      g_assert_nonnull (l4a_audit_item_get_title (item));
      g_assert_cmpstr (l4a_audit_item_get_title (item), !=, "");
      g_assert_nonnull (l4a_audit_item_get_who (item));
    }
  {
    g_autoptr(L4aAuditItem) last = g_list_model_get_item (G_LIST_MODEL (log), n - 1);

    g_assert_cmpint (l4a_audit_item_get_seq (last), ==, sql_int (path, "SELECT min (seq) FROM audit"));
  }

  /* the choices are what the log holds, in words */
  actions = l4a_audit_log_dup_choices (log, "action");
  g_assert_cmpint (actions->len, ==, sql_int (path, "SELECT count(DISTINCT action) FROM audit"));
  for (guint i = 0; i < actions->len; i++)
    {
      L4aChoice *choice = g_ptr_array_index (actions, i);

      if (g_str_equal (choice->id, "create"))
        {
          g_assert_cmpstr (choice->name, ==, "Created …");
          found = TRUE;
        }
    }
  g_assert_true (found);
  actors = l4a_audit_log_dup_choices (log, "actor");
  for (guint i = 0; i < actors->len; i++)
    g_assert_false (g_str_has_prefix (((L4aChoice *) g_ptr_array_index (actors, i))->name, "member:"));

  /* narrowed */
  l4a_audit_log_set_filter (log, "hub", NULL, "create");
  filtered = g_list_model_get_n_items (G_LIST_MODEL (log));
  g_assert_cmpint (filtered, ==, sql_int (path, "SELECT count(*) FROM audit WHERE record_type = 'hub' "
                                                "AND action = 'create'"));
  g_assert_cmpuint (filtered, >, 0);
  {
    g_autoptr(L4aAuditItem) item = g_list_model_get_item (G_LIST_MODEL (log), 0);

    g_assert_true (g_str_has_prefix (l4a_audit_item_get_details (item), "create hub "));
    g_assert_true (g_str_has_prefix (l4a_audit_item_get_title (item), "Created hub “"));
  }
  l4a_audit_log_set_filter (log, NULL, NULL, NULL);
  wait_whole (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, n);

  /* a write: its entry at the top, one change */
  g_signal_connect (log, "items-changed", G_CALLBACK (items_changed_cb), &rec);
  id = hub_named (path, "Care Blocks Hub");
  edit = l4a_registry_load_hub (l4a_context_get_store (context), id, &error);
  g_assert_no_error (error);
  g_free (edit->summary);
  edit->summary = g_strdup ("Changed for the log");
  g_assert_true (l4a_registry_save_hub (l4a_context_get_store (context), edit, &error));
  g_assert_no_error (error);
  assert_one_change (&rec, 0, 0, 1);
  {
    g_autoptr(L4aAuditItem) item = g_list_model_get_item (G_LIST_MODEL (log), 0);

    g_assert_cmpstr (l4a_audit_item_get_title (item), ==, "Changed hub “Care Blocks Hub”");
    g_assert_cmpstr (l4a_audit_item_get_when (item), ==, "Just now");
    g_assert_cmpstr (l4a_audit_item_get_who (item), ==, "World Secretariat");
  }

  /* narrowed to hubs: an entry of another kind changes nothing; entries
   * written by another program come at the top in one change, and the
   * list is then what the log read afresh is, row for row */
  l4a_audit_log_set_filter (log, "hub", NULL, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (log));
  recorder_reset (&rec);
  sql_exec (path, "INSERT INTO audit (at, actor, action, record_type, record_id) VALUES "
                  "('2026-06-01T09:59:59Z', 'secretariat', 'update', 'call', 'call-x')");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.items->len, ==, 0);
  sql_exec (path, "INSERT INTO audit (at, actor, action, record_type, record_id) VALUES "
                  "('2026-06-01T10:00:00Z', 'secretariat', 'update', 'hub', 'hub-a'), "
                  "('2026-06-01T10:00:01Z', 'secretariat', 'update', 'call', 'call-y'), "
                  "('2026-06-01T10:00:02Z', 'secretariat', 'update', 'hub', 'hub-b')");
  g_assert_true (l4a_context_check_for_changes (context));
  assert_one_change (&rec, 0, 0, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, n + 2);
  assert_same_log (log, context, "hub");
  /* counted, and the choices offered, with what was written since */
  g_assert_cmpint (l4a_audit_log_count_all (log), ==, sql_int (path, "SELECT count(*) FROM audit"));
  {
    g_autoptr(GPtrArray) kinds = l4a_audit_log_dup_choices (log, "record_type");
    g_autoptr(GPtrArray) again = l4a_audit_log_dup_choices (log, "action");
    g_autoptr(GPtrArray) more = NULL;

    g_assert_cmpint (kinds->len, ==, sql_int (path, "SELECT count(DISTINCT record_type) FROM audit"));
    g_assert_cmpint (again->len, ==, sql_int (path, "SELECT count(DISTINCT action) FROM audit"));
    /* a kind of record the log did not hold yet */
    g_assert_cmpint (sql_int (path, "SELECT count(*) FROM audit WHERE record_type = 'reporting_schedule'"), ==, 0);
    sql_exec (path, "INSERT INTO audit (at, actor, action, record_type, record_id) VALUES "
                    "('2026-06-01T10:00:02Z', 'secretariat', 'update', 'reporting_schedule', 'schedule-z')");
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_cmpint (l4a_audit_log_count_all (log), ==, sql_int (path, "SELECT count(*) FROM audit"));
    more = l4a_audit_log_dup_choices (log, "record_type");
    g_assert_cmpuint (more->len, ==, kinds->len + 1);
  }
  {
    g_autoptr(L4aAuditItem) item = g_list_model_get_item (G_LIST_MODEL (log), 0);

    g_assert_cmpint (l4a_audit_item_get_seq (item), ==, sql_int (path, "SELECT max (seq) FROM audit "
                                                                       "WHERE record_id = 'hub-b'"));
  }

  /* the choices read beside the main thread: then given at once; a write
   * meanwhile, and they are read again, with it; cancelled, nothing */
  {
    g_autoptr(L4aAuditLog) fresh = l4a_audit_log_new (context, &error);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GPtrArray) kinds = NULL;

    g_assert_no_error (error);
    l4a_audit_log_read_choices_async (fresh, NULL, result_cb, &result);
    wait_for_result (&result);
    g_assert_true (l4a_audit_log_read_choices_finish (fresh, result, &error));
    g_assert_no_error (error);
    kinds = l4a_audit_log_dup_choices (fresh, "record_type");
    g_assert_cmpint (kinds->len, ==, sql_int (path, "SELECT count(DISTINCT record_type) FROM audit"));
    g_clear_object (&result);
    g_clear_pointer (&kinds, g_ptr_array_unref);

    g_assert_cmpint (sql_int (path, "SELECT count(*) FROM audit WHERE record_type = 'activity_attachment'"), ==, 0);
    l4a_audit_log_read_choices_async (fresh, NULL, result_cb, &result);
    sql_exec (path, "INSERT INTO audit (at, actor, action, record_type, record_id) VALUES "
                    "('2026-06-01T10:00:02Z', 'secretariat', 'update', 'activity_attachment', 'attached-z')");
    g_assert_true (l4a_context_check_for_changes (context));
    wait_for_result (&result);
    g_assert_true (l4a_audit_log_read_choices_finish (fresh, result, &error));
    g_clear_pointer (&kinds, g_ptr_array_unref);
    kinds = l4a_audit_log_dup_choices (fresh, "record_type");
    g_assert_cmpint (kinds->len, ==, sql_int (path, "SELECT count(DISTINCT record_type) FROM audit"));
    g_clear_object (&result);

    l4a_audit_log_read_choices_async (fresh, cancellable, result_cb, &result);
    g_cancellable_cancel (cancellable);
    wait_for_result (&result);
    g_assert_false (l4a_audit_log_read_choices_finish (fresh, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* counted as the list was read while another program writes, then with
   * what it wrote once told */
  {
    g_autoptr(L4aAuditLog) fresh = l4a_audit_log_new (context, &error);
    gint64 before = sql_int (path, "SELECT count(*) FROM audit");

    g_assert_no_error (error);
    sql_exec (path, "INSERT INTO audit (at, actor, action, record_type, record_id) VALUES "
                    "('2026-06-01T10:00:02Z', 'secretariat', 'update', 'hub', 'hub-c')");
    g_assert_cmpint (l4a_audit_log_count_all (fresh), ==, before);
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_cmpint (l4a_audit_log_count_all (fresh), ==, before + 1);
    g_assert_cmpint (l4a_audit_log_count_all (log), ==, before + 1);
  }

  /* a government renamed elsewhere: every row says who again, in one
   * change, with the entry that says so at the top */
  l4a_audit_log_set_filter (log, NULL, NULL, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (log));
  recorder_reset (&rec);
  sql_exec (path, "UPDATE government SET name = name || ' (renamed)' WHERE name = 'Quito';"
                  "INSERT INTO audit (at, actor, action, record_type, record_id) SELECT "
                  "'2026-06-01T10:00:03Z', 'secretariat', 'update', 'government', id FROM government "
                  "WHERE name = 'Quito (renamed)'");
  g_assert_true (l4a_context_check_for_changes (context));
  assert_one_change (&rec, 0, n, n + 1);
  assert_same_log (log, context, NULL);
  {
    g_autoptr(L4aAuditItem) item = g_list_model_get_item (G_LIST_MODEL (log), 0);

    g_assert_nonnull (strstr (l4a_audit_item_get_title (item), "Quito (renamed)"));
  }

  /* a write the log does not name (everything may have changed): every
   * row read again, in one change over the whole list */
  wait_whole (log);
  n = g_list_model_get_n_items (G_LIST_MODEL (log));
  recorder_reset (&rec);
  sql_exec (path, "UPDATE government SET name = 'Quito' WHERE name = 'Quito (renamed)'");
  g_assert_true (l4a_context_check_for_changes (context));
  assert_one_change (&rec, 0, n, MIN (n, 256));
  assert_same_log (log, context, NULL);
  {
    g_autoptr(GPtrArray) kinds = l4a_audit_log_dup_choices (log, "record_type");

    g_assert_cmpint (kinds->len, ==, sql_int (path, "SELECT count(DISTINCT record_type) FROM audit"));
  }

  /* a local government may not read it */
  g_clear_object (&log);
  g_free (id);
  id = l4a_test_sql_text (path, "SELECT id FROM government LIMIT 1");
  l4a_context_set_actor (context, L4A_ROLE_GOVERNMENT, id);
  log = l4a_audit_log_new (context, &error);
  g_assert_null (log);
  g_assert_nonnull (error);
}

/* Until @list has read its whole order in the context's reading thread
 * (a long one is shown in part first; after a change, read there). */
static void
wait_settled (gpointer list)
{
  while (!l4a_lazy_list_is_settled (L4A_LAZY_LIST (list)))
    g_main_context_iteration (NULL, TRUE);
}

/* The list @model shows is, item for item and in order, what the plain
 * query reads for @query (@whole: each item read the same, not only the
 * same proposal, after the reading thread gave the rest of a long order;
 * else a row past the first part asks for it). */
static void
assert_same_proposals (L4aProposalQuery *model,
                       L4aStore         *store,
                       const L4aQuery   *query,
                       gboolean          whole)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plain = NULL;
  guint n;

  g_assert_true (l4a_proposal_query_set_query (model, query, &error));
  g_assert_no_error (error);
  plain = l4a_registry_list_proposals (store, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (plain);
  /* as many rows at once, however many of their numbers are read */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  /* a long order is read in part first, the rest beside */
  g_assert_true (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)) == (n <= L4A_LAZY_LIST_LONG));
  if (whole)
    {
      wait_settled (model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
    }
  /* from the end first: a page is read wherever a row asks */
  for (guint k = 0; k < n; k++)
    {
      guint i = k % 2 ? k / 2 : n - 1 - k / 2;
      g_autoptr(L4aProposal) shown = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(L4aProposal) expected = g_list_model_get_item (plain, i);

      g_assert_cmpstr (l4a_proposal_get_id (shown), ==, l4a_proposal_get_id (expected));
      g_assert_cmpuint (l4a_proposal_get_num (shown), ==, l4a_proposal_get_num (expected));
      /* and every property, where asked */
      g_assert_true (!whole || l4a_objects_equal (G_OBJECT (shown), G_OBJECT (expected)));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
  g_assert_true (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
}

/* The proposals as a lazy, live list: for every filter, search and
 * their combinations, the same proposals in the same order as the plain
 * query; a change made elsewhere reaches it as a change at its row, a
 * proposal added as one change. */
static void
test_proposal_query (void)
{
  g_autofree char *path = db_path ("proposals.sqlite");
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aProposalQuery) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *government = NULL;
  g_auto(Recorder) rec = { 0 };
  const char *searches[] = { NULL, "water", "ÉVORA", "care", "Ñandú straße", "nothing-like-it" };
  const char * const *states = l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE);
  L4aStore *store;
  guint combinations = 0, n;

  recorder_init (&rec);
  context = context_with_sample (path);
  store = l4a_context_get_store (context);

  /* 400 more, by another program: words with accents and case, every
   * state, the sample's calls and governments, some goals */
  sql_exec (path,
            "BEGIN;"
            "CREATE TEMP TABLE word (k INTEGER PRIMARY KEY, w TEXT);"
            "INSERT INTO word (w) VALUES ('Água'), ('Évora'), ('école'), ('Zürich'), ('Ñandú'), ('alpha'),"
            " ('Beta'), ('Straße'), ('care'), ('Care'), ('water'), ('Water'), ('mobility');"
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399) "
            "INSERT INTO proposal (id, call_id, government_id, title, summary, state, submitted_at, version, "
            "                      created_at, updated_at, origin) "
            "SELECT printf ('gen-%04d', i), "
            /* the calls and governments in turn (an OFFSET may not name i) */
            "  (SELECT id FROM call x WHERE (SELECT count(*) FROM call y WHERE y.id < x.id) "
            "     = i % (SELECT count(*) FROM call)), "
            "  (SELECT id FROM government x WHERE (SELECT count(*) FROM government y WHERE y.id < x.id) "
            "     = (i * 7) % (SELECT count(*) FROM government)), "
            "  (SELECT w FROM word WHERE k = 1 + i % 13) || ' ' || (SELECT w FROM word WHERE k = 1 + (i / 13) % 13), "
            "  'Generated', "
            "  CASE i % 6 WHEN 0 THEN 'draft' WHEN 1 THEN 'submitted' WHEN 2 THEN 'withdrawn' "
            "    WHEN 3 THEN 'under-review' WHEN 4 THEN 'decided' ELSE 'released' END, "
            "  CASE WHEN i % 6 = 0 THEN NULL ELSE '2026-02-01T10:00:00Z' END, 1 + i % 3, "
            "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n;"
            "INSERT INTO proposal_sdg (proposal_id, goal) SELECT id, 1 + num % 17 FROM proposal "
            "  WHERE id LIKE 'gen-%' AND num % 3 <> 0;"
            "COMMIT;");
  g_assert_true (l4a_context_check_for_changes (context));
  {
    sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "SELECT DISTINCT region FROM government ORDER BY 1", NULL);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (regions, l4a_store_column_dup (stmt, 0));
    sqlite3_reset (stmt);
    stmt = l4a_store_prepare_cached (store, "SELECT id FROM call ORDER BY id", NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (calls, l4a_store_column_dup (stmt, 0));
    sqlite3_reset (stmt);
  }
  g_ptr_array_add (regions, NULL);
  g_ptr_array_add (calls, NULL);
  government = l4a_test_sql_text (path, "SELECT government_id FROM proposal GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");

  model = l4a_proposal_query_new (context);
  /* nothing read until it is asked */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* each search with each state, and each region or each call */
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    for (guint t = 0; t <= g_strv_length ((char **) states); t++)
      for (guint w = 0; w < regions->len + calls->len - 1; w++)
        {
          gboolean by_region = w < regions->len;
          L4aQuery query = { searches[s], by_region ? g_ptr_array_index (regions, w) : NULL,
                             t > 0 ? states[t - 1] : NULL,
                             by_region ? NULL : g_ptr_array_index (calls, w - regions->len), NULL, 0 };

          assert_same_proposals (model, store, &query, FALSE);
          combinations++;
          /* a goal, and a government's own, in turn */
          if ((s + t + w) % 3 == 0)
            {
              query.sdg = 1 + (s + t + w) % 17;
              assert_same_proposals (model, store, &query, FALSE);
              query.government = government;
              assert_same_proposals (model, store, &query, FALSE);
              combinations += 2;
            }
        }
  g_assert_cmpuint (combinations, >, 400);

  /* every proposal, read a page at a time */
  assert_same_proposals (model, store, NULL, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, sql_int (path, "SELECT count(*) FROM proposal"));
  g_assert_cmpuint (n, >, 400);

  /* another program changes a proposal's state: its row alone changes */
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &rec);
  {
    g_autoptr(L4aProposal) before = g_list_model_get_item (G_LIST_MODEL (model), 200);
    g_autoptr(L4aProposal) after = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE proposal SET state = '%s' WHERE num = %u",
                                            g_str_equal (l4a_proposal_get_state (before), "withdrawn")
                                            ? "decided" : "withdrawn", l4a_proposal_get_num (before));

    sql_exec (path, sql);
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_cmpuint (rec.items->len, ==, 3);
    g_assert_true (recorder_has_items_changed (&rec, 200, 1, 1));
    after = g_list_model_get_item (G_LIST_MODEL (model), 200);
    g_assert_cmpstr (l4a_proposal_get_id (after), ==, l4a_proposal_get_id (before));
    g_assert_cmpstr (l4a_proposal_get_state (after), !=, l4a_proposal_get_state (before));
  }
  assert_same_proposals (model, store, NULL, TRUE);

  /* renamed, it moves: one change over the part between where it was and
   * where it is */
  recorder_reset (&rec);
  sql_exec (path, "UPDATE proposal SET title = '  aaa first of all' WHERE id = 'gen-0399'");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.items->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec.items, guint, 1), ==, g_array_index (rec.items, guint, 2));
  assert_same_proposals (model, store, NULL, TRUE);

  /* one added: one change, one more row */
  recorder_reset (&rec);
  sql_exec (path, "INSERT INTO proposal (id, call_id, government_id, title, created_at, updated_at, origin) "
                  "SELECT 'gen-new', call_id, government_id, 'Zz last', created_at, updated_at, origin "
                  "FROM proposal WHERE id = 'gen-0001'");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.items->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec.items, guint, 2), ==, g_array_index (rec.items, guint, 1) + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 1);
  assert_same_proposals (model, store, NULL, TRUE);

  /* as the government: its own, those not sent marked, whatever the
   * query asks */
  l4a_context_set_actor (context, L4A_ROLE_GOVERNMENT, government);
  {
    L4aQuery query = { .government = government };
    guint own = (guint) sql_int (path, "SELECT count(*) FROM proposal p WHERE p.government_id = "
                                       "(SELECT government_id FROM proposal GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)");

    assert_same_proposals (model, store, &query, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, own);
    g_assert_true (l4a_proposal_query_set_query (model, NULL, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, own);
    for (guint i = 0; i < own; i++)
      {
        g_autoptr(L4aProposal) proposal = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_autoptr(L4aProposal) expected = NULL;
        g_autoptr(GListModel) plain = l4a_registry_list_proposals (store, &query, &error);

        expected = g_list_model_get_item (plain, i);
        g_assert_true (l4a_objects_equal (G_OBJECT (proposal), G_OBJECT (expected)));
      }
  }

  /* as a board member: none here, even after a change */
  {
    g_autofree char *member = l4a_test_sql_text (path, "SELECT id FROM member LIMIT 1");

    l4a_context_set_actor (context, L4A_ROLE_MEMBER, member);
    g_assert_true (l4a_proposal_query_set_query (model, NULL, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
    sql_exec (path, "UPDATE proposal SET title = title || ' again' WHERE id = 'gen-0002'");
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  }

  /* a list never given its query reads nothing, whatever changes */
  l4a_context_set_actor (context, L4A_ROLE_SECRETARIAT, NULL);
  {
    g_autoptr(L4aProposalQuery) unasked = l4a_proposal_query_new (context);

    sql_exec (path, "UPDATE proposal SET title = title || ' and again' WHERE id = 'gen-0002'");
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unasked)), ==, 0);
  }
}

/* A long list of proposals is shown before its whole order is read: as
 * many rows at once, the first ones read, the rest read in the context's
 * reading thread (or at once when a row past them asks first); after a
 * change, read again there, the list as it was till then, then one
 * change at the row that changed. */
static void
test_proposal_query_long (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "proposals-long.sqlite", NULL);
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aProposalQuery) model = NULL;
  g_autoptr(GListModel) plain = NULL;
  g_autoptr(GError) error = NULL;
  L4aStore *store;
  g_auto(Recorder) rec = { 0 };
  guint n;

  recorder_init (&rec);
  context = context_with_sample (path);
  store = l4a_context_get_store (context);
  sql_exec (path,
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24999) "
            "INSERT INTO proposal (id, call_id, government_id, title, summary, state, created_at, updated_at, "
            "                      origin) "
            "SELECT printf ('long-%05d', i), "
            "  CASE i % 2 WHEN 0 THEN (SELECT min (id) FROM call) ELSE (SELECT max (id) FROM call) END, "
            "  (SELECT id FROM government ORDER BY id LIMIT 1), "
            "  CASE i % 3 WHEN 0 THEN 'Water ' WHEN 1 THEN 'care ' ELSE 'Énergie ' END || (i * 7919) % 25000, "
            "  'Generated', CASE WHEN i % 100 = 0 THEN 'submitted' ELSE 'draft' END, "
            "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test' FROM n");
  g_assert_true (l4a_context_check_for_changes (context));
  plain = l4a_registry_list_proposals (store, NULL, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (plain);
  g_assert_cmpuint (n, >, L4A_LAZY_LIST_LONG);

  model = l4a_proposal_query_new (context);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &rec);
  g_assert_true (l4a_proposal_query_set_query (model, NULL, &error));
  g_assert_no_error (error);
  /* every row counted, the first read, the rest on its way */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_false (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(L4aProposal) shown = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(L4aProposal) expected = g_list_model_get_item (plain, i);

      g_assert_true (l4a_objects_equal (G_OBJECT (shown), G_OBJECT (expected)));
    }
  g_assert_false (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
  /* the rest, from the thread: the same order, taken without a change */
  recorder_reset (&rec);
  wait_settled (model);
  g_assert_cmpuint (rec.items->len, ==, 0);
  for (guint i = 0; i < n; i += 97)
    {
      g_autoptr(L4aProposal) shown = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(L4aProposal) expected = g_list_model_get_item (plain, i);

      g_assert_cmpstr (l4a_proposal_get_id (shown), ==, l4a_proposal_get_id (expected));
    }

  /* a search box left blank (or with no word in it) is no search: the
   * same, read in part first */
  {
    L4aQuery blank = { " ,; " };

    g_assert_true (l4a_proposal_query_set_query (model, &blank, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
    g_assert_false (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
    wait_settled (model);
  }

  /* a row past the first part asked for before the thread gave the rest:
   * the order read at once */
  g_assert_true (l4a_proposal_query_set_query (model, NULL, &error));
  g_assert_false (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
  {
    g_autoptr(L4aProposal) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
    g_autoptr(L4aProposal) expected = g_list_model_get_item (plain, n - 1);

    g_assert_true (l4a_objects_equal (G_OBJECT (last), G_OBJECT (expected)));
    g_assert_true (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
  }

  /* another program changes a proposal: read again beside, then one
   * change at its row */
  recorder_reset (&rec);
  {
    g_autoptr(L4aProposal) before = g_list_model_get_item (G_LIST_MODEL (model), 150);
    g_autoptr(L4aProposal) after = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE proposal SET state = 'withdrawn' WHERE num = %u",
                                            l4a_proposal_get_num (before));

    g_assert_cmpstr (l4a_proposal_get_state (before), !=, "withdrawn");
    sql_exec (path, sql);
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_false (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
    g_assert_cmpuint (rec.items->len, ==, 0);
    wait_settled (model);
    g_assert_cmpuint (rec.items->len, ==, 3);
    g_assert_true (recorder_has_items_changed (&rec, 150, 1, 1));
    after = g_list_model_get_item (G_LIST_MODEL (model), 150);
    g_assert_cmpstr (l4a_proposal_get_id (after), ==, l4a_proposal_get_id (before));
    g_assert_cmpstr (l4a_proposal_get_state (after), ==, "withdrawn");
  }

  /* one removed: one change where it stood */
  recorder_reset (&rec);
  {
    g_autoptr(L4aProposal) gone = g_list_model_get_item (G_LIST_MODEL (model), 5000);
    g_autofree char *sql = g_strdup_printf ("DELETE FROM proposal WHERE num = %u", l4a_proposal_get_num (gone));

    sql_exec (path, sql);
    g_assert_true (l4a_context_check_for_changes (context));
    wait_settled (model);
    g_assert_cmpuint (rec.items->len, ==, 3);
    g_assert_true (recorder_has_items_changed (&rec, 5000, 1, 0));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);
  }

  /* a search that few pass: read whole, at once */
  {
    L4aQuery query = { "submitted-nothing-matches" };
    L4aQuery state = { .status = "submitted" };

    g_assert_true (l4a_proposal_query_set_query (model, &query, &error));
    g_assert_true (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
    g_assert_true (l4a_proposal_query_set_query (model, &state, &error));
    g_assert_true (l4a_lazy_list_is_settled (L4A_LAZY_LIST (model)));
    g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                     sql_int (path, "SELECT count(*) FROM proposal WHERE state = 'submitted'"));
  }
  g_signal_handlers_disconnect_by_data (model, &rec);
}

/* The ids of the measurements of @indicator as SQL orders them, newest
 * first, each with its value. */
static GPtrArray *
measurements_by_sql (const char *path,
                     const char *indicator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id || ' ' || value FROM measurement WHERE indicator_id = ?1 "
                                           "ORDER BY measured_on DESC, rowid DESC", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, indicator, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static void
assert_same_measurements (L4aMeasurementList *list,
                          const char         *path)
{
  g_autoptr(GPtrArray) expected = measurements_by_sql (path, l4a_measurement_list_get_indicator (list));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  /* from both ends towards the middle: a page is read wherever a row asks */
  for (guint k = 0; k < expected->len; k++)
    {
      guint i = k % 2 ? k / 2 : expected->len - 1 - k / 2;
      g_autoptr(L4aMeasurement) m = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *shown = NULL;
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.1f", m->value);
      shown = g_strdup_printf ("%s %s", m->id, number);
      g_assert_cmpstr (shown, ==, g_ptr_array_index (expected, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), expected->len));
}

/* An indicator's measurements as a lazy, live list, newest first, however
 * many: the same as SQL orders them; a change elsewhere at its row, one
 * added or removed as one change. */
static void
test_measurement_list (void)
{
  g_autofree char *path = db_path ("measurements.sqlite");
  g_autoptr(L4aContext) context = NULL;
  g_autoptr(L4aMeasurementList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *sql = NULL;
  g_auto(Recorder) rec = { 0 };
  guint n;

  recorder_init (&rec);
  context = context_with_sample (path);
  indicator = l4a_test_sql_text (path, "SELECT id FROM indicator WHERE hub_id IS NOT NULL ORDER BY id LIMIT 1");

  /* 3 000 more, by another program, two of each day (values with one
   * decimal, so that they read back the same) */
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999) "
                         "INSERT INTO measurement (id, indicator_id, measured_on, value, created_at, updated_at, "
                         "origin) SELECT printf ('gen-%%04d', i), '%s', date ('2010-01-01', '+' || (i / 2) || "
                         "' days'), (i %% 97) / 10.0, 'x', 'x', 'test' FROM n", indicator);
  sql_exec (path, sql);
  g_assert_true (l4a_context_check_for_changes (context));

  list = l4a_measurement_list_new (context, indicator, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 3000);
  assert_same_measurements (list, path);

  /* changed elsewhere: its row alone */
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &rec);
  {
    g_autoptr(L4aMeasurement) before = g_list_model_get_item (G_LIST_MODEL (list), 100);
    g_autoptr(L4aMeasurement) after = NULL;
    g_autofree char *update = g_strdup_printf ("UPDATE measurement SET value = value + 1000 WHERE id = '%s'",
                                               before->id);

    sql_exec (path, update);
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_cmpuint (rec.items->len, ==, 3);
    g_assert_true (recorder_has_items_changed (&rec, 100, 1, 1));
    after = g_list_model_get_item (G_LIST_MODEL (list), 100);
    g_assert_cmpstr (after->id, ==, before->id);
    g_assert_cmpfloat (after->value, ==, before->value + 1000);
  }

  /* a new one, the newest, through the store: at the top, one change */
  recorder_reset (&rec);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
    L4aMeasurement *m = l4a_measurement_new ();

    m->measured_on = g_strdup ("2099-12-31");
    m->value = 42;
    g_ptr_array_add (rows, m);
    g_assert_true (l4a_measurements_save (l4a_context_get_store (context), indicator, rows, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (rec.items->len, ==, 3);
  g_assert_true (recorder_has_items_changed (&rec, 0, 0, 1));
  {
    g_autoptr(L4aMeasurement) top = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (top->measured_on, ==, "2099-12-31");
    g_assert_cmpfloat (top->value, ==, 42);
  }

  /* one removed elsewhere: one change where it stood */
  recorder_reset (&rec);
  sql_exec (path, "DELETE FROM measurement WHERE id = 'gen-1500'");
  g_assert_true (l4a_context_check_for_changes (context));
  g_assert_cmpuint (rec.items->len, ==, 3);
  g_assert_cmpuint (g_array_index (rec.items, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (rec.items, guint, 2), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  assert_same_measurements (list, path);

  /* the newest replaced by another measurement of the same day and value
   * under the same row number: its row shows the new one */
  recorder_reset (&rec);
  {
    g_autoptr(L4aMeasurement) before = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(L4aMeasurement) after = NULL;
    g_autofree char *replace = g_strdup_printf ("BEGIN; DELETE FROM measurement WHERE rowid = %u; "
                                                "INSERT INTO measurement (rowid, id, indicator_id, measured_on, value, "
                                                "created_at, updated_at, origin) VALUES (%u, 'm-same-row', '%s', '%s', "
                                                "42, 'x', 'x', 'test'); COMMIT;", before->num, before->num, indicator,
                                                before->measured_on);

    g_assert_cmpfloat (before->value, ==, 42);
    sql_exec (path, replace);
    g_assert_true (l4a_context_check_for_changes (context));
    g_assert_true (recorder_has_items_changed (&rec, 0, 1, 1));
    after = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (after->id, ==, "m-same-row");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/context/savepoints", test_savepoints);
  g_test_add_func ("/core/context/changes", test_changes);
  g_test_add_func ("/core/context/other-process", test_other_process);
  g_test_add_func ("/core/context/jobs", test_jobs);
  g_test_add_func ("/core/context/two-contexts", test_two_contexts);
  g_test_add_func ("/core/context/race", test_race);
  g_test_add_func ("/core/context/permissions", test_permissions);
  g_test_add_func ("/core/context/words", test_words);
  g_test_add_func ("/core/context/audit-log", test_audit_log);
  g_test_add_func ("/core/context/proposal-query", test_proposal_query);
  g_test_add_func ("/core/context/proposal-query-long", test_proposal_query_long);
  g_test_add_func ("/core/context/measurement-list", test_measurement_list);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-context-XXXXXX");
}
