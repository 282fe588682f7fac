/* l4a-context.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-context"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-bundle.h"
#include "l4a-context.h"
#include "l4a-hub-query.h"
#include "l4a-sample.h"
#include "l4a-store-private.h"

/* More audit rows than this since the last look, and a view had better
 * read everything again than look up each record. */
#define MAX_AUDIT_ROWS 2000

/**
 * L4aContext:
 *
 * One per database, the part GcalManager plays in GNOME Calendar: it owns
 * the main connection, which the main thread reads and writes through, and
 * a worker connection on which long operations (import, export, sample,
 * backup) run one at a time in a thread, and a reading connection on
 * which short reads (the rest of a list's order) run beside them in a
 * thread (l4a_context_read_async()). After each
 * commit of either, and when another process committed (PRAGMA
 * data_version, looked at by l4a_context_check_for_changes()), it emits
 * #L4aContext::changed with the records that changed. Live models
 * (l4a_context_get_hubs()) follow that signal; views never reload each
 * other.
 */
struct _L4aContext
{
  GObject       parent_instance;

  L4aStore     *store;          /* main thread */
  GMainContext *main_context;   /* where signals are emitted */

  GMutex        worker_lock;    /* held by the one job that runs */
  L4aStore     *worker;         /* opened by the first job */
  GMutex        reader_lock;    /* held by the one read that runs */
  L4aStore     *reader;         /* opened by the first read */
  guint         n_jobs;         /* started and not finished, main thread */

  gint64        data_version;   /* of the main connection, last looked at */
  gint64        audit_seq;      /* the newest audit row announced */
  guint         poll_id;

  GListModel   *hubs;           /* made on demand */
  guint         announcing_own; /* announcing a commit of the main connection */
};

struct _L4aContextJob
{
  L4aContext            *context;
  L4aContextJobFunc      func;
  gpointer               data;
  GDestroyNotify         data_free;
  GDestroyNotify         result_free;
  L4aRole                role;
  char                  *identity;
  L4aContextProgressFunc progress;
  gpointer               progress_data;
  GMainContext          *caller_context;
  GTask                 *outer;
  gint                   progress_permille;  /* atomic; -1 when told */
};

enum {
  PROP_0,
  PROP_ROLE,
  PROP_IDENTITY,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (L4aContext, l4a_context, G_TYPE_OBJECT)

static gint64
newest_audit_seq (L4aStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT coalesce (max (seq), 0) FROM audit", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* What this process wrote is known row by row; the audit log then is
 * known up to here, and what another process writes comes after. */
static void
settle_baselines (L4aContext *self,
                  gboolean    data_version_too)
{
  self->audit_seq = newest_audit_seq (self->store);
  if (data_version_too)
    self->data_version = l4a_store_get_data_version (self->store);
}

/**
 * l4a_context_emit_changes:
 *
 * Announces @changes, when there are any. Contexts do so themselves after
 * each commit; this is for the rare writer that goes around them.
 */
void
l4a_context_emit_changes (L4aContext *self,
                          L4aChanges *changes)
{
  g_return_if_fail (L4A_IS_CONTEXT (self));
  g_return_if_fail (changes != NULL);

  if (l4a_changes_is_empty (changes))
    return;
  if (g_getenv ("L4A_DEBUG_CHANGES") != NULL)
    {
      g_autofree char *text = l4a_changes_to_string (changes);
      g_message ("changed: %s", text);
    }
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
main_committed_cb (L4aStore *store,
                   gpointer  user_data)
{
  L4aContext *self = user_data;
  g_autoptr(L4aChanges) changes = l4a_store_take_changes (store);

  settle_baselines (self, FALSE);
  self->announcing_own++;
  l4a_context_emit_changes (self, changes);
  self->announcing_own--;
}

/**
 * l4a_context_is_announcing_own:
 *
 * Whether the changes being announced now were committed through the
 * context's main connection: by an action of this process's windows, as
 * opposed to a job (an import, a sample) or another process. A window
 * that shows again what it changed itself can pass over these.
 */
gboolean
l4a_context_is_announcing_own (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), FALSE);

  return self->announcing_own > 0;
}

/* Changes made by another process: the audit log says which records they
 * were; when it says nothing (a write that is not audited) or too much,
 * everything counts as changed. */
static L4aChanges *
read_external_changes (L4aContext *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aChanges *changes = l4a_changes_new ();
  guint n = 0;

  stmt = l4a_store_prepare (self->store,
                            "SELECT seq, record_type, record_id FROM audit WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                            NULL);
  if (stmt == NULL)
    {
      l4a_changes_set_everything (changes);
      return changes;
    }
  sqlite3_bind_int64 (stmt, 1, self->audit_seq);
  sqlite3_bind_int (stmt, 2, MAX_AUDIT_ROWS + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      const char *id = (const char *) sqlite3_column_text (stmt, 2);

      n++;
      l4a_changes_add (changes, "audit", (const char *) sqlite3_column_text (stmt, 0));
      if (type != NULL && id != NULL)
        l4a_changes_add (changes, type, id);
      else
        /* "load-sample" on the database, "import" of a bundle: anything */
        l4a_changes_set_everything (changes);
    }
  if (n == 0 || n > MAX_AUDIT_ROWS)
    l4a_changes_set_everything (changes);
  return changes;
}

/**
 * l4a_context_check_for_changes:
 *
 * Looks whether another process (the command line, another window, a
 * sync tool) committed since the last look, and announces what it
 * changed. Cheap: one PRAGMA when nothing did. The window calls it when
 * it regains focus and, through l4a_context_set_polling(), while shown.
 *
 * Returns: whether something changed
 */
gboolean
l4a_context_check_for_changes (L4aContext *self)
{
  g_autoptr(L4aChanges) changes = NULL;
  gint64 version;

  g_return_val_if_fail (L4A_IS_CONTEXT (self), FALSE);

  /* a write made outside any transaction is committed, but unannounced */
  changes = l4a_store_take_changes (self->store);

  version = l4a_store_get_data_version (self->store);
  if (version != self->data_version && !l4a_store_in_transaction (self->store))
    {
      g_autoptr(L4aChanges) external = read_external_changes (self);
      l4a_changes_merge (changes, external);
      settle_baselines (self, TRUE);
    }

  if (l4a_changes_is_empty (changes))
    return FALSE;
  l4a_context_emit_changes (self, changes);
  return TRUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  L4aContext *self = user_data;

  /* while a job writes, what it changes is announced when it ends */
  if (self->n_jobs == 0)
    l4a_context_check_for_changes (self);
  return G_SOURCE_CONTINUE;
}

/**
 * l4a_context_set_polling:
 * @interval_ms: how often to look for other processes' commits; 0 stops
 */
void
l4a_context_set_polling (L4aContext *self,
                         guint       interval_ms)
{
  g_return_if_fail (L4A_IS_CONTEXT (self));

  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (interval_ms > 0)
    {
      GSource *source = g_timeout_source_new (interval_ms);

      g_source_set_callback (source, poll_cb, self, NULL);
      g_source_set_name (source, "[l4a] look for other processes' commits");
      self->poll_id = g_source_attach (source, self->main_context);
      g_source_unref (source);
    }
}

/* Jobs ---------------------------------------------------------------------- */

static void
job_free (L4aContextJob *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->context);
  g_clear_object (&job->outer);
  g_clear_pointer (&job->caller_context, g_main_context_unref);
  g_free (job->identity);
  g_free (job);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  L4aContextJob *job = user_data;
  int permille = g_atomic_int_get (&job->progress_permille);

  if (permille >= 0 && job->progress != NULL)
    job->progress (permille / 1000.0, job->progress_data);
  return G_SOURCE_REMOVE;
}

/**
 * l4a_context_job_progress:
 * @fraction: how much of the job is done, 0 to 1
 *
 * From the worker thread: tells the caller, in its own thread, at most
 * once per thousandth.
 */
void
l4a_context_job_progress (L4aContextJob *job,
                          double         fraction)
{
  int permille = (int) (CLAMP (fraction, 0.0, 1.0) * 1000);

  g_return_if_fail (job != NULL);

  if (job->progress == NULL || g_atomic_int_get (&job->progress_permille) == permille)
    return;
  g_atomic_int_set (&job->progress_permille, permille);
  /* the outer task keeps the job alive until it has returned, which is
   * after every idle queued before it in the same context */
  g_main_context_invoke_full (job->caller_context, G_PRIORITY_DEFAULT, progress_idle_cb, job, NULL);
}

/* In a thread, with @lock held: the connection *@store, opened on first
 * use, unless the work was cancelled. */
static L4aStore *
thread_connection (L4aContext    *self,
                   L4aStore     **store,
                   GCancellable  *cancellable,
                   GError       **error)
{
  if (*store == NULL)
    *store = l4a_store_open (l4a_store_get_path (self->store), error);
  if (*store == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return *store;
}

/* What a thread's work gave, or its error; %NULL with none is a failure. */
static void
thread_return (GTask          *task,
               gpointer        result,
               GError         *error,
               GDestroyNotify  result_free)
{
  if (result == NULL && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The operation failed."));
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  L4aContext *self = source_object;
  L4aContextJob *job = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  L4aStore *worker;

  g_mutex_lock (&self->worker_lock);
  worker = thread_connection (self, &self->worker, cancellable, &error);
  if (worker != NULL)
    {
      l4a_store_set_actor (worker, job->role, job->identity);
      result = job->func (job, worker, job->data, cancellable, &error);
      /* leave the worker as it was found, whatever the job did */
      while (l4a_store_in_transaction (worker))
        l4a_store_rollback (worker);
    }
  g_mutex_unlock (&self->worker_lock);
  thread_return (task, result, error, job->result_free);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  L4aContext *self = L4A_CONTEXT (object);
  L4aContextJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_object_ref (job->outer);
  g_autoptr(L4aChanges) changes = NULL;
  GError *error = NULL;
  gpointer value;

  self->n_jobs--;
  if (self->n_jobs == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  /* what the job wrote is announced before its caller hears of it, so
   * that the caller finds every model up to date */
  if (self->worker != NULL)
    changes = l4a_store_take_changes (self->worker);
  if (changes != NULL && !l4a_changes_is_empty (changes))
    {
      settle_baselines (self, TRUE);
      l4a_context_emit_changes (self, changes);
    }

  value = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, value, job->result_free);
  /* the task owns the job; the job lets go of the task, or the two would
   * keep each other alive */
  g_clear_object (&job->outer);
}

/**
 * l4a_context_run_async:
 * @func: the work, run in the worker thread on the worker connection
 * @data_free: (nullable): frees @data once the job is over
 * @result_free: (nullable): frees a result nobody took
 * @progress: (nullable): told of the share done, in the caller's thread
 *
 * Runs a long operation, one at a time, on the context's worker
 * connection, acting as the context does now. Whatever @func leaves open
 * is rolled back; what it commits is announced before @callback runs.
 */
void
l4a_context_run_async (L4aContext             *self,
                       L4aContextJobFunc       func,
                       gpointer                data,
                       GDestroyNotify          data_free,
                       GDestroyNotify          result_free,
                       L4aContextProgressFunc  progress,
                       gpointer                progress_data,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_autoptr(GTask) inner = NULL;
  L4aContextJob *job;

  g_return_if_fail (L4A_IS_CONTEXT (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (L4aContextJob, 1);
  job->context = g_object_ref (self);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->role = l4a_store_get_role (self->store);
  job->identity = g_strdup (l4a_store_get_identity (self->store));
  job->progress = progress;
  job->progress_data = progress_data;
  job->caller_context = g_main_context_ref_thread_default ();
  job->progress_permille = -1;
  job->outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, l4a_context_run_async);
  /* the outer task holds the job, so progress idles never outlive it */
  g_task_set_task_data (job->outer, job, (GDestroyNotify) job_free);

  inner = g_task_new (self, cancellable, job_done_cb, NULL);
  g_task_set_task_data (inner, job, NULL);
  g_task_set_return_on_cancel (inner, FALSE);
  self->n_jobs++;
  if (self->n_jobs == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_task_run_in_thread (inner, job_thread);
}

/**
 * l4a_context_run_finish:
 *
 * Returns: (transfer full): what the job returned, or %NULL with @error set
 */
gpointer
l4a_context_run_finish (L4aContext    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether a job is running or waiting. */
gboolean
l4a_context_is_busy (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), FALSE);

  return self->n_jobs > 0;
}

/* Reads --------------------------------------------------------------------- */

typedef struct
{
  L4aContextReadFunc func;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  L4aContext *self = source_object;
  ReadJob *job = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  L4aStore *reader;

  g_mutex_lock (&self->reader_lock);
  reader = thread_connection (self, &self->reader, cancellable, &error);
  if (reader != NULL)
    result = job->func (reader, job->data, cancellable, &error);
  g_mutex_unlock (&self->reader_lock);
  thread_return (task, result, error, job->result_free);
}

/**
 * l4a_context_read_async:
 * @func: the read, run in a thread on the context's reading connection
 * @data_free: (nullable): frees @data once the read is over
 * @result_free: (nullable): frees a result nobody took
 *
 * Reads beside the main thread, one read at a time, never waiting for a
 * long operation of the worker: for what a view can show in part before
 * it is whole, as the rest of a long list's order. What @func sees is the
 * database as last committed; it must not write. Not a job: the context
 * does not become busy.
 */
void
l4a_context_read_async (L4aContext          *self,
                        L4aContextReadFunc   func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (L4A_IS_CONTEXT (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (ReadJob, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, l4a_context_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * l4a_context_read_finish:
 *
 * Returns: (transfer full): what the read returned, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED once cancelled, whenever that was)
 */
gpointer
l4a_context_read_finish (L4aContext    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Export -------------------------------------------------------------------- */

typedef struct
{
  char *kind;
  char *recipient;
  char *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->kind);
  g_free (export->recipient);
  g_free (export->path);
  g_free (export);
}

static gpointer
export_job (L4aContextJob  *job,
            L4aStore       *store,
            gpointer        data,
            GCancellable   *cancellable,
            GError        **error)
{
  ExportData *export = data;
  guint n_records = 0;

  if (!l4a_bundle_export (store, export->kind, export->recipient, export->path, cancellable, &n_records, error))
    return NULL;
  /* a count, never NULL */
  return GSIZE_TO_POINTER ((gsize) n_records + 1);
}

/**
 * l4a_context_export_async:
 * @kind: the bundle kind
 * @recipient: (nullable): the member or government a bundle is for
 * @path: where to write it (nothing is left there on failure)
 */
void
l4a_context_export_async (L4aContext          *self,
                          const char          *kind,
                          const char          *recipient,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ExportData *export;

  g_return_if_fail (L4A_IS_CONTEXT (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (path != NULL);

  export = g_new0 (ExportData, 1);
  export->kind = g_strdup (kind);
  export->recipient = g_strdup (recipient);
  export->path = g_strdup (path);
  l4a_context_run_async (self, export_job, export, export_data_free, NULL, NULL, NULL,
                         cancellable, callback, user_data);
}

/**
 * l4a_context_export_finish:
 *
 * Returns: how many records were written, or -1 with @error set
 */
gssize
l4a_context_export_finish (L4aContext    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  gpointer value = l4a_context_run_finish (self, result, error);

  return value ? (gssize) GPOINTER_TO_SIZE (value) - 1 : -1;
}

/* Sample -------------------------------------------------------------------- */

static gpointer
sample_job (L4aContextJob  *job,
            L4aStore       *store,
            gpointer        data,
            GCancellable   *cancellable,
            GError        **error)
{
  return l4a_sample_load (store, NULL, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
l4a_context_load_sample_async (L4aContext          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (L4A_IS_CONTEXT (self));

  l4a_context_run_async (self, sample_job, NULL, NULL, NULL, NULL, NULL, cancellable, callback, user_data);
}

gboolean
l4a_context_load_sample_finish (L4aContext    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return l4a_context_run_finish (self, result, error) != NULL;
}

/* Models -------------------------------------------------------------------- */

/**
 * l4a_context_get_hubs:
 *
 * The registry as a live list of #L4aHub that every view shares: read from
 * the worker on first use, then kept in line with each change.
 *
 * Returns: (transfer none): the hubs
 */
GListModel *
l4a_context_get_hubs (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), NULL);

  if (self->hubs == NULL)
    self->hubs = G_LIST_MODEL (l4a_hub_query_new (self));
  return self->hubs;
}

/* GObject ------------------------------------------------------------------- */

static void
l4a_context_dispose (GObject *object)
{
  L4aContext *self = (L4aContext *)object;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->hubs);

  G_OBJECT_CLASS (l4a_context_parent_class)->dispose (object);
}

static void
l4a_context_finalize (GObject *object)
{
  L4aContext *self = (L4aContext *)object;

  if (self->store != NULL)
    l4a_store_set_committed_func (self->store, NULL, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->worker);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_mutex_clear (&self->worker_lock);
  g_mutex_clear (&self->reader_lock);

  G_OBJECT_CLASS (l4a_context_parent_class)->finalize (object);
}

static void
l4a_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  L4aContext *self = L4A_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_int (value, l4a_context_get_role (self));
      break;
    case PROP_IDENTITY:
      g_value_set_string (value, l4a_context_get_identity (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, l4a_context_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_context_class_init (L4aContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_context_dispose;
  object_class->finalize = l4a_context_finalize;
  object_class->get_property = l4a_context_get_property;

  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDENTITY] =
    g_param_spec_string ("identity", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * L4aContext::changed:
   * @changes: which records of which kinds changed
   *
   * Emitted in the main thread after a commit of this context, or when
   * another process's commit is noticed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, L4A_TYPE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
l4a_context_init (L4aContext *self)
{
  g_mutex_init (&self->worker_lock);
  g_mutex_init (&self->reader_lock);
  self->main_context = g_main_context_ref_thread_default ();
}

/**
 * l4a_context_new_for_store:
 * @store: the main connection, from now on written through the context
 *
 * Returns: (transfer full): a context for @store's database
 */
L4aContext *
l4a_context_new_for_store (L4aStore *store)
{
  L4aContext *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  self = g_object_new (L4A_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  l4a_store_set_committed_func (store, main_committed_cb, self);
  settle_baselines (self, TRUE);
  return self;
}

/**
 * l4a_context_new:
 * @path: the database file, created and migrated as needed
 *
 * Returns: (transfer full): a context, or %NULL with @error set
 */
L4aContext *
l4a_context_new (const char  *path,
                 GError     **error)
{
  g_autoptr(L4aStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  store = l4a_store_open (path, error);
  if (store == NULL)
    return NULL;
  return l4a_context_new_for_store (store);
}

/* Returns: (transfer none): the main connection, for the main thread */
L4aStore *
l4a_context_get_store (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), NULL);

  return self->store;
}

const char *
l4a_context_get_path (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), NULL);

  return l4a_store_get_path (self->store);
}

/**
 * l4a_context_set_actor:
 *
 * Who acts through this context from now on: the main connection and
 * every job started after this. Views follow #L4aContext:role.
 */
void
l4a_context_set_actor (L4aContext *self,
                       L4aRole     role,
                       const char *identity)
{
  gboolean role_changed, identity_changed;

  g_return_if_fail (L4A_IS_CONTEXT (self));

  role_changed = role != l4a_store_get_role (self->store);
  identity_changed = g_strcmp0 (identity && *identity ? identity : NULL, l4a_store_get_identity (self->store)) != 0;
  l4a_store_set_actor (self->store, role, identity);
  if (role_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  if (identity_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY]);
}

L4aRole
l4a_context_get_role (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), L4A_ROLE_SECRETARIAT);

  return l4a_store_get_role (self->store);
}

const char *
l4a_context_get_identity (L4aContext *self)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), NULL);

  return l4a_store_get_identity (self->store);
}

/* Whether the context's role may do @permission (l4a-permissions.h). */
gboolean
l4a_context_can (L4aContext    *self,
                 L4aPermission  permission)
{
  g_return_val_if_fail (L4A_IS_CONTEXT (self), FALSE);

  return l4a_store_can (self->store, permission);
}

/* Followers ------------------------------------------------------------------ */

static void
follower_changed_cb (L4aContext         *context,
                     L4aChanges         *changes,
                     L4aContextFollower *follower)
{
  if (l4a_changes_touches_any (changes, follower->kinds))
    follower->func (follower->owner);
}

static void
follower_role_cb (L4aContext         *context,
                  GParamSpec         *pspec,
                  L4aContextFollower *follower)
{
  follower->func (follower->owner);
}

/**
 * l4a_context_unfollow:
 *
 * Stops following; safe to call on a follower that follows nothing.
 */
void
l4a_context_unfollow (L4aContextFollower *follower)
{
  g_return_if_fail (follower != NULL);

  if (follower->context != NULL)
    g_signal_handlers_disconnect_by_data (follower->context, follower);
  g_clear_object (&follower->context);
}

/**
 * l4a_context_follow:
 * @follower: kept by the owner (a field of a view), zeroed at first
 * @context: (nullable): what to follow from now on
 * @kinds: the kinds of record @owner shows, %NULL-terminated, static
 * @func: how @owner shows them again
 *
 * Views that are no live list (the proposals, the reviews, the
 * dashboard, the brand kit) rebuild with this when what they show
 * changed, in this process or another; the window relays nothing.
 */
void
l4a_context_follow (L4aContextFollower *follower,
                    L4aContext         *context,
                    const char * const *kinds,
                    L4aFollowFunc       func,
                    gpointer            owner)
{
  g_return_if_fail (follower != NULL);
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));
  g_return_if_fail (kinds != NULL && func != NULL);

  l4a_context_unfollow (follower);
  follower->kinds = kinds;
  follower->func = func;
  follower->owner = owner;
  if (context == NULL)
    return;
  follower->context = g_object_ref (context);
  g_signal_connect (context, "changed", G_CALLBACK (follower_changed_cb), follower);
  g_signal_connect (context, "notify::role", G_CALLBACK (follower_role_cb), follower);
  g_signal_connect (context, "notify::identity", G_CALLBACK (follower_role_cb), follower);
}
