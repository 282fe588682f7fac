/* l4a-store-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Debian's SQLite is built with the pre-update hook, which announces
 * changes (see l4a_store_take_changes()); its declarations need this. */
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
# define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

#include "l4a-store.h"

G_BEGIN_DECLS

sqlite3      *l4a_store_get_db          (L4aStore      *self);
sqlite3_stmt *l4a_store_prepare         (L4aStore      *self,
                                         const char    *sql,
                                         GError       **error);
sqlite3_stmt *l4a_store_prepare_cached  (L4aStore      *self,
                                         const char    *sql,
                                         GError       **error);
gboolean      l4a_store_exec            (L4aStore      *self,
                                         const char    *sql,
                                         GError       **error);
gboolean      l4a_store_step_done       (L4aStore      *self,
                                         sqlite3_stmt  *stmt,
                                         const char    *record,
                                         GError       **error);
void          l4a_store_set_sqlite_error (L4aStore     *self,
                                         int            rc,
                                         const char    *record,
                                         GError       **error);
const char   *l4a_store_actor_string    (L4aStore      *self);
guint64       l4a_store_get_serial      (L4aStore      *self);
char         *l4a_store_lookup_text     (L4aStore      *self,
                                         const char    *sql,
                                         const char    *key);
char         *l4a_store_column_dup      (sqlite3_stmt  *stmt,
                                         int            column);
gboolean      l4a_store_rows_done       (L4aStore      *self,
                                         int            rc,
                                         GError       **error);
/* Reads each row of @stmt into an object added to @items. */
typedef gboolean (*L4aStoreReadRows) (L4aStore      *store,
                                      sqlite3_stmt  *stmt,
                                      GPtrArray     *items,
                                      GError       **error);
GArray       *l4a_store_read_nums       (L4aStore          *self,
                                         sqlite3_stmt      *stmt,
                                         GError           **error);
GPtrArray    *l4a_store_read_numbered   (L4aStore          *self,
                                         const char        *sql,
                                         const guint       *nums,
                                         guint              n_nums,
                                         L4aStoreReadRows   read,
                                         void             (*bind_more) (L4aStore *, sqlite3_stmt *),
                                         GError           **error);
int           l4a_store_swap_cache_size (L4aStore      *self,
                                         int            cache_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement of l4a_store_prepare_cached() in g_autoptr(), reset when it
 * goes out of scope: the store keeps it, and its reading ends there. */
typedef sqlite3_stmt L4aCachedStatement;

static inline void
l4a_cached_statement_reset (L4aCachedStatement *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aCachedStatement, l4a_cached_statement_reset)

typedef struct _L4aBatch L4aBatch;

/* How many rows one statement of a batch writes. */
#define L4A_BATCH_ROWS 64

char         *l4a_batch_sql             (const char    *insert,
                                         guint          n_columns,
                                         guint          rows,
                                         const char    *tail);

L4aBatch     *l4a_batch_new             (L4aStore      *store,
                                         const char    *insert,
                                         guint          n_columns,
                                         const char    *tail);
void          l4a_batch_text            (L4aBatch      *self,
                                         const char    *text);
void          l4a_batch_int             (L4aBatch      *self,
                                         gint64         number);
gboolean      l4a_batch_end_row         (L4aBatch      *self,
                                         GError       **error);
gboolean      l4a_batch_flush           (L4aBatch      *self,
                                         GError       **error);
void          l4a_batch_free            (L4aBatch      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aBatch, l4a_batch_free)

#include <json-glib/json-glib.h>

/* The member names of @object in their order, owned by @object: like
 * json_object_get_members(), without its copying, for loops over many
 * records. Free the list with g_list_free(). */
static inline GList *
l4a_json_members (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  GList *names = NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    names = g_list_prepend (names, (gpointer) name);
  return g_list_reverse (names);
}

/* The text of @object's @member, or NULL when it is missing or not a
 * string: what the rules of a bundle's record read. */
static inline const char *
l4a_json_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

G_END_DECLS
