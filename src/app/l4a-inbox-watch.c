/* l4a-inbox-watch.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watches the inbox folder: when files appear or change in it, the folder
 * is scanned by a job of the context (in its worker) and each new bundle
 * is announced with the "offered" signal; the application turns that into
 * a notification and a toast. Nothing is imported here.
 */

#define G_LOG_DOMAIN "l4a-inbox-watch"

#include "config.h"

#include "l4a-inbox.h"
#include "l4a-inbox-watch.h"

struct _L4aInboxWatch
{
  GObject       parent_instance;

  L4aContext   *context;
  char         *folder;
  GFileMonitor *monitor;
  GHashTable   *seen;       /* path → mtime; only touched by the scan job */
  GCancellable *cancellable;
  guint         timeout_id;
  gboolean      scanning;
  gboolean      again;
};

G_DEFINE_FINAL_TYPE (L4aInboxWatch, l4a_inbox_watch, G_TYPE_OBJECT)

enum {
  OFFERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char       *folder;
  GHashTable *seen;
} Scan;

static void
scan_free (gpointer data)
{
  Scan *scan = data;

  g_free (scan->folder);
  g_hash_table_unref (scan->seen);
  g_free (scan);
}

static gpointer
scan_job (L4aContextJob  *job,
          L4aStore       *store,
          gpointer        data,
          GCancellable   *cancellable,
          GError        **error)
{
  Scan *scan = data;

  return l4a_inbox_scan (store, scan->folder, scan->seen, error);
}

static void start_scan (L4aInboxWatch *self);

static void
scan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(L4aInboxWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = l4a_context_run_finish (L4A_CONTEXT (object), result, &error);

  self->scanning = FALSE;
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The inbox cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      L4aInboxItem *item = g_ptr_array_index (items, i);

      g_signal_emit (self, signals[OFFERED], 0, item->path, item->name, item->kind, item->origin, item->problem);
    }
  if (self->again)
    {
      self->again = FALSE;
      start_scan (self);
    }
}

static void
start_scan (L4aInboxWatch *self)
{
  Scan *scan;

  if (self->folder == NULL || self->context == NULL)
    return;
  if (self->scanning)
    {
      self->again = TRUE;
      return;
    }

  scan = g_new0 (Scan, 1);
  scan->folder = g_strdup (self->folder);
  scan->seen = g_hash_table_ref (self->seen);
  self->scanning = TRUE;
  l4a_context_run_async (self->context, scan_job, scan, scan_free, (GDestroyNotify) g_ptr_array_unref, NULL, NULL,
                         self->cancellable, scan_done_cb, g_object_ref (self));
}

static gboolean
settle_cb (gpointer data)
{
  L4aInboxWatch *self = data;

  self->timeout_id = 0;
  start_scan (self);
  return G_SOURCE_REMOVE;
}

/* A file being synced changes many times: scan once it settles. */
static void
changed_cb (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event,
            L4aInboxWatch     *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (800, settle_cb, self);
}

/**
 * l4a_inbox_watch_set_folder:
 * @folder: (nullable): the inbox folder, or %NULL or "" for none
 *
 * Watches @folder and scans it now.
 */
void
l4a_inbox_watch_set_folder (L4aInboxWatch *self,
                            const char    *folder)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (L4A_IS_INBOX_WATCH (self));

  if (folder != NULL && *folder == '\0')
    folder = NULL;
  if (g_strcmp0 (folder, self->folder) == 0)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_free (self->folder);
  self->folder = g_strdup (folder);
  if (folder == NULL)
    return;

  file = g_file_new_for_path (folder);
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (changed_cb), self);
  else
    g_debug ("The inbox cannot be watched: %s", error->message);
  start_scan (self);
}

/**
 * l4a_inbox_watch_rescan:
 *
 * Scans the folder now (files offered already are not offered again until
 * they change).
 */
void
l4a_inbox_watch_rescan (L4aInboxWatch *self)
{
  g_return_if_fail (L4A_IS_INBOX_WATCH (self));

  start_scan (self);
}

static void
l4a_inbox_watch_dispose (GObject *object)
{
  L4aInboxWatch *self = (L4aInboxWatch *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (l4a_inbox_watch_parent_class)->dispose (object);
}

static void
l4a_inbox_watch_class_init (L4aInboxWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_inbox_watch_dispose;

  /**
   * L4aInboxWatch::offered:
   * @path: the bundle file
   * @name: its name
   * @kind: (nullable): its kind, if it can be read
   * @origin: (nullable): who wrote it, in words
   * @problem: (nullable): why it cannot be imported
   */
  signals[OFFERED] = g_signal_new ("offered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 5, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                                   G_TYPE_STRING);
}

static void
l4a_inbox_watch_init (L4aInboxWatch *self)
{
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
}

L4aInboxWatch *
l4a_inbox_watch_new (L4aContext *context)
{
  L4aInboxWatch *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  self = g_object_new (L4A_TYPE_INBOX_WATCH, NULL);
  self->context = g_object_ref (context);
  return self;
}
