/* l4a-store.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-changes.h"
#include "l4a-keys.h"
#include "l4a-types.h"

G_BEGIN_DECLS

#define L4A_STORE_ERROR (l4a_store_error_quark ())

typedef enum
{
  L4A_STORE_ERROR_OPEN,          /* the file cannot be opened or created */
  L4A_STORE_ERROR_NOT_DATABASE,  /* not an SQLite database */
  L4A_STORE_ERROR_FOREIGN,       /* an SQLite database of another program */
  L4A_STORE_ERROR_TOO_NEW,       /* written by a newer version */
  L4A_STORE_ERROR_SQL,           /* SQLite reported an error */
  L4A_STORE_ERROR_CONSTRAINT,    /* a record breaks a rule of the schema */
  L4A_STORE_ERROR_NOT_FOUND,     /* no such record */
  L4A_STORE_ERROR_AMBIGUOUS,     /* a short reference names several records */
  L4A_STORE_ERROR_INVALID,       /* a value given by the user is not valid */
  L4A_STORE_ERROR_DENIED,        /* the role may not do this */
  L4A_STORE_ERROR_CONFLICT,      /* the record changed since it was read */
  L4A_STORE_ERROR_FULL,          /* the disk (or the database's size limit) is full */
} L4aStoreError;

/* "L4AH" */
#define L4A_APPLICATION_ID 0x4C344148

#define L4A_TYPE_STORE (l4a_store_get_type ())

G_DECLARE_FINAL_TYPE (L4aStore, l4a_store, L4A, STORE, GObject)

GQuark      l4a_store_error_quark           (void);
char       *l4a_store_dup_key_path          (L4aStore     *self);
L4aKey     *l4a_store_get_key               (L4aStore     *self,
                                             GError      **error);
void        l4a_store_set_key               (L4aStore     *self,
                                             L4aKey       *key);
char       *l4a_store_default_path          (void);
int         l4a_store_latest_version        (void);

L4aStore   *l4a_store_open                  (const char  *path,
                                             GError     **error);
L4aStore   *l4a_store_open_at_version       (const char  *path,
                                             int          version,
                                             GError     **error);

const char *l4a_store_get_path              (L4aStore    *self);
const char *l4a_store_get_installation_id   (L4aStore    *self);
int         l4a_store_get_schema_version    (L4aStore    *self);

void        l4a_store_set_actor             (L4aStore    *self,
                                             L4aRole      role,
                                             const char  *identity);
L4aRole     l4a_store_get_role              (L4aStore    *self);
const char *l4a_store_get_identity          (L4aStore    *self);

gboolean    l4a_store_begin                 (L4aStore    *self,
                                             GError     **error);
gboolean    l4a_store_commit                (L4aStore    *self,
                                             GError     **error);
void        l4a_store_rollback              (L4aStore    *self);
gboolean    l4a_store_end                   (L4aStore    *self,
                                             gboolean     ok,
                                             GError     **error);
gboolean    l4a_store_in_transaction        (L4aStore    *self);

typedef void (*L4aStoreCommittedFunc) (L4aStore *store,
                                       gpointer  user_data);

L4aChanges *l4a_store_take_changes          (L4aStore    *self);
void        l4a_store_set_committed_func    (L4aStore              *self,
                                             L4aStoreCommittedFunc  func,
                                             gpointer               data);
gint64      l4a_store_get_data_version      (L4aStore    *self);
gboolean    l4a_store_fill_sort_keys        (L4aStore    *self,
                                             GError     **error);

gboolean    l4a_store_audit                 (L4aStore    *self,
                                             const char  *action,
                                             const char  *record_type,
                                             const char  *record_id,
                                             const char  *details_json,
                                             GError     **error);

gint64      l4a_store_count                 (L4aStore    *self,
                                             const char  *table,
                                             GError     **error);
gboolean    l4a_store_is_empty              (L4aStore    *self);

char       *l4a_now_iso8601                 (void);

G_END_DECLS
