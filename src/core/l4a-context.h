/* l4a-context.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-changes.h"
#include "l4a-permissions.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_CONTEXT (l4a_context_get_type ())

G_DECLARE_FINAL_TYPE (L4aContext, l4a_context, L4A, CONTEXT, GObject)

typedef struct _L4aContextJob L4aContextJob;

/**
 * L4aContextJobFunc:
 * @job: the job, for l4a_context_job_progress()
 * @store: the context's worker connection, acting as the context did when
 *   the job was started
 * @data: what was given to l4a_context_run_async()
 *
 * Runs in the worker thread; one job at a time.
 *
 * Returns: the result, or %NULL with @error set
 */
typedef gpointer (*L4aContextJobFunc) (L4aContextJob  *job,
                                       L4aStore       *store,
                                       gpointer        data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/**
 * L4aContextReadFunc:
 * @store: the context's reading connection, which must not be written
 *
 * Runs in a thread; one read at a time.
 *
 * Returns: the result, or %NULL with @error set
 */
typedef gpointer (*L4aContextReadFunc) (L4aStore      *store,
                                        gpointer       data,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Told in the thread that started the job of how far it got, 0 to 1. */
typedef void (*L4aContextProgressFunc) (double   fraction,
                                        gpointer user_data);

L4aContext *l4a_context_new                (const char              *path,
                                            GError                 **error);
L4aContext *l4a_context_new_for_store      (L4aStore                *store);
L4aStore   *l4a_context_get_store          (L4aContext              *self);
const char *l4a_context_get_path           (L4aContext              *self);

void        l4a_context_set_actor          (L4aContext              *self,
                                            L4aRole                  role,
                                            const char              *identity);
L4aRole     l4a_context_get_role           (L4aContext              *self);
const char *l4a_context_get_identity       (L4aContext              *self);
gboolean    l4a_context_can                (L4aContext              *self,
                                            L4aPermission            permission);

gboolean    l4a_context_check_for_changes  (L4aContext              *self);
gboolean    l4a_context_is_announcing_own  (L4aContext              *self);
void        l4a_context_set_polling        (L4aContext              *self,
                                            guint                    interval_ms);
void        l4a_context_emit_changes       (L4aContext              *self,
                                            L4aChanges              *changes);

void        l4a_context_run_async          (L4aContext              *self,
                                            L4aContextJobFunc        func,
                                            gpointer                 data,
                                            GDestroyNotify           data_free,
                                            GDestroyNotify           result_free,
                                            L4aContextProgressFunc   progress,
                                            gpointer                 progress_data,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gpointer    l4a_context_run_finish         (L4aContext              *self,
                                            GAsyncResult            *result,
                                            GError                 **error);
void        l4a_context_job_progress       (L4aContextJob           *job,
                                            double                   fraction);
gboolean    l4a_context_is_busy            (L4aContext              *self);

void        l4a_context_read_async         (L4aContext              *self,
                                            L4aContextReadFunc       func,
                                            gpointer                 data,
                                            GDestroyNotify           data_free,
                                            GDestroyNotify           result_free,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gpointer    l4a_context_read_finish        (L4aContext              *self,
                                            GAsyncResult            *result,
                                            GError                 **error);

void        l4a_context_export_async       (L4aContext              *self,
                                            const char              *kind,
                                            const char              *recipient,
                                            const char              *path,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gssize      l4a_context_export_finish      (L4aContext              *self,
                                            GAsyncResult            *result,
                                            GError                 **error);
void        l4a_context_load_sample_async  (L4aContext              *self,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean    l4a_context_load_sample_finish (L4aContext              *self,
                                            GAsyncResult            *result,
                                            GError                 **error);

GListModel *l4a_context_get_hubs           (L4aContext              *self);

/* A view that follows a context: @func runs when a kind of record in
 * @kinds changes, or the context's role or identity. */
typedef void (*L4aFollowFunc) (gpointer owner);

typedef struct
{
  L4aContext         *context;
  const char * const *kinds;
  L4aFollowFunc       func;
  gpointer            owner;
} L4aContextFollower;

void        l4a_context_follow             (L4aContextFollower      *follower,
                                            L4aContext              *context,
                                            const char * const      *kinds,
                                            L4aFollowFunc            func,
                                            gpointer                 owner);
void        l4a_context_unfollow           (L4aContextFollower      *follower);

G_END_DECLS
