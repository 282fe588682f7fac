/* l4a-store.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "l4a-changes.h"
#include "l4a-core-resources.h"
#include "l4a-reference.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

struct _L4aStore
{
  GObject  parent_instance;

  guint64  serial;   /* tells this connection from every other of the process */
  sqlite3 *db;
  char    *path;
  char    *installation_id;
  int      schema_version;
  L4aKey  *key;      /* the workstation's signing key, once read */

  L4aRole  role;
  char    *identity;
  char    *actor;

  GHashTable *statements;  /* SQL text → prepared statement, for loops over many records */

  guint       depth;       /* 0 outside a transaction; 1 in it; more in savepoints */

  /* What the connection wrote, seen by SQLite's pre-update hook: pending
   * until the transaction commits, then ready for the context to take. */
  GHashTable *watches;     /* table name → Watch, for this schema */
  L4aChanges *pending;
  GMutex      ready_lock;
  L4aChanges *ready;
  L4aStoreCommittedFunc committed_func;
  gpointer    committed_data;
};

/* A table whose writes are announced: the kind of record its rows are and
 * the column naming the record, and the parent records a row belongs to
 * (a hub's SDGs change the hub). Column numbers are looked up per schema. */
typedef struct
{
  const char *table;
  const char *key;            /* column naming the record of kind @table */
  const char *parents[3][2];  /* { column, kind } */
} WatchSpec;

typedef struct
{
  const WatchSpec *spec;
  int              key;
  int              parents[3];
} Watch;

static const WatchSpec watch_specs[] = {
  { "government", "id", { { NULL } } },
  { "call", "id", { { NULL } } },
  { "criterion", "id", { { "call_id", "call" } } },
  { "proposal", "id", { { NULL } } },
  { "proposal_version", NULL, { { "proposal_id", "proposal" } } },
  { "proposal_sdg", NULL, { { "proposal_id", "proposal" } } },
  { "proposal_attachment", "id", { { "proposal_id", "proposal" } } },
  { "hub", "id", { { NULL } } },
  { "hub_sdg", NULL, { { "hub_id", "hub" } } },
  { "hub_council", NULL, { { "hub_id", "hub" } } },
  { "hub_relation", NULL, { { "hub_id", "hub" }, { "related_id", "hub" } } },
  { "activity", "id", { { "hub_id", "hub" } } },
  { "activity_sdg", NULL, { { "activity_id", "activity" } } },
  { "activity_government", NULL, { { "activity_id", "activity" } } },
  { "activity_hub", NULL, { { "activity_id", "activity" }, { "hub_id", "hub" } } },
  { "activity_attachment", "id", { { "activity_id", "activity" } } },
  { "partner", "id", { { "proposal_id", "proposal" }, { "hub_id", "hub" } } },
  { "deliverable", "id", { { "proposal_id", "proposal" }, { "hub_id", "hub" } } },
  { "indicator", "id", { { "proposal_id", "proposal" }, { "hub_id", "hub" } } },
  { "measurement", "id", { { "indicator_id", "indicator" } } },
  { "deliverable_change", "id", { { "deliverable_id", "deliverable" } } },
  { "network_event", "id", { { NULL } } },
  { "reporting_schedule", "hub_id", { { "hub_id", "hub" } } },
  { "progress_report", "id", { { "hub_id", "hub" } } },
  { "hub_link", "id", { { "hub_id", "hub" }, { "other_id", "hub" } } },
  { "network_event_hub", NULL, { { "network_event_id", "network_event" }, { "hub_id", "hub" } } },
  { "attachment", "sha256", { { NULL } } },
  { "member", "id", { { NULL } } },
  { "conflict", "id", { { "member_id", "member" } } },
  { "assignment", "id", { { "proposal_id", "proposal" }, { "member_id", "member" } } },
  { "review", "id", { { "proposal_id", "proposal" } } },
  { "review_score", NULL, { { "review_id", "review" } } },
  { "decision", "id", { { "proposal_id", "proposal" } } },
  { "discussion_note", "id", { { "proposal_id", "proposal" } } },
  { "brand_asset", "id", { { NULL } } },
  { "brand_colour", "id", { { NULL } } },
  { "imported_bundle", "id", { { NULL } } },
  { "clarification", "id", { { "proposal_id", "proposal" } } },
  { "sent_proposal", NULL, { { "proposal_id", "proposal" } } },
  { "meta_review", "id", { { "proposal_id", "proposal" }, { "member_id", "member" } } },
  { "member_sdg", NULL, { { "member_id", "member" } } },
  { "member_axis", NULL, { { "member_id", "member" } } },
  { "member_region", NULL, { { "member_id", "member" } } },
  { "member_language", NULL, { { "member_id", "member" } } },
  { "roster_key", "public_key", { { NULL } } },
  { "audit", "seq", { { NULL } } },
};

G_DEFINE_FINAL_TYPE (L4aStore, l4a_store, G_TYPE_OBJECT)

static void watch_changes (L4aStore *self);

/* Each entry upgrades the schema from its index to its index + 1. */
static const char * const migrations[] = {
  "/org/local4action/Hubs/core/migrations/001-initial.sql",
  "/org/local4action/Hubs/core/migrations/002-review.sql",
  "/org/local4action/Hubs/core/migrations/003-sync.sql",
  "/org/local4action/Hubs/core/migrations/004-audit.sql",
  "/org/local4action/Hubs/core/migrations/005-trust.sql",
  "/org/local4action/Hubs/core/migrations/006-monitoring.sql",
  "/org/local4action/Hubs/core/migrations/007-reports.sql",
  "/org/local4action/Hubs/core/migrations/008-links.sql",
  "/org/local4action/Hubs/core/migrations/009-activity-attachments.sql",
  "/org/local4action/Hubs/core/migrations/010-board.sql",
  "/org/local4action/Hubs/core/migrations/011-clarifications.sql",
  "/org/local4action/Hubs/core/migrations/012-sent.sql",
  "/org/local4action/Hubs/core/migrations/013-hub-facet.sql",
  "/org/local4action/Hubs/core/migrations/014-levels.sql",
  "/org/local4action/Hubs/core/migrations/015-places.sql",
  "/org/local4action/Hubs/core/migrations/016-facets.sql",
  "/org/local4action/Hubs/core/migrations/017-government-search.sql",
};

/* Tables that l4a_store_count() may be asked about; the name goes into SQL
 * text, so it must come from this list and never from input. */
static const char * const countable_tables[] = {
  "discussion_note", "sync_state", "government", "call", "criterion", "proposal", "proposal_version", "proposal_sdg",
  "hub", "hub_sdg", "hub_council", "hub_relation", "activity", "partner",
  "deliverable", "indicator", "measurement", "attachment", "proposal_attachment",
  "member", "conflict", "assignment", "review", "review_score", "decision",
  "brand_asset", "brand_colour", "audit", "imported_bundle", "region", "sdg",
  "policy_council", "pact_axis", "country", "hub_fts", "proposal_fts",
  "activity_sdg", "activity_government", "activity_hub", "deliverable_change", "network_event", "network_event_hub",
  "reporting_schedule", "progress_report", "hub_link", "activity_attachment",
  "member_sdg", "member_axis", "member_region", "member_language",
  "clarification", "meta_review",
};

GQuark
l4a_store_error_quark (void)
{
  return g_quark_from_static_string ("l4a-store-error-quark");
}

int
l4a_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
l4a_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "local4action", "hubs.sqlite", NULL);
}

char *
l4a_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
l4a_store_set_sqlite_error (L4aStore   *self,
                            int         rc,
                            const char *record,
                            GError    **error)
{
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int code = L4A_STORE_ERROR_SQL;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = L4A_STORE_ERROR_CONSTRAINT;
  if ((rc & 0xff) == SQLITE_FULL)
    {
      /* the caller's transaction rolls back: nothing of it is kept */
      code = L4A_STORE_ERROR_FULL;
      message = _("the disk is full. Nothing was changed; free some space and try again");
    }

  if (record != NULL)
    /* translators: the first %s names a record, the second is the database's own message */
    g_set_error (error, L4A_STORE_ERROR, code, _("%s could not be saved: %s"), record, message);
  else
    /* translators: %s is the database's own message */
    g_set_error (error, L4A_STORE_ERROR, code, _("Database error: %s"), message);
}

sqlite3 *
l4a_store_get_db (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  return self->db;
}

/**
 * l4a_store_prepare_cached:
 * @sql: SQL text from the code, never from input
 *
 * Like l4a_store_prepare(), but the statement is kept for the next call
 * with the same text: for code that runs the same statement for each of
 * many records. The statement comes back reset and without bindings; it
 * belongs to the store and must not be finalized, and must not be used
 * again before the previous use of the same text is over.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
sqlite3_stmt *
l4a_store_prepare_cached (L4aStore   *self,
                          const char *sql,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      l4a_store_set_sqlite_error (self, rc, NULL, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3_stmt *
l4a_store_prepare (L4aStore   *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      l4a_store_set_sqlite_error (self, rc, NULL, error);
      return NULL;
    }

  return stmt;
}

gboolean
l4a_store_exec (L4aStore   *self,
                const char *sql,
                GError    **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK && (rc & 0xff) == SQLITE_FULL)
    {
      sqlite3_free (errmsg);
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_FULL, "%s",
                   _("The disk is full. Nothing was changed; free some space and try again."));
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, L4A_STORE_ERROR,
                   (rc & 0xff) == SQLITE_CONSTRAINT ? L4A_STORE_ERROR_CONSTRAINT : L4A_STORE_ERROR_SQL,
                   _("Database error: %s"), errmsg ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

/**
 * l4a_store_column_dup:
 *
 * Returns: (transfer full) (nullable): a copy of a text column of the
 *   current row, or %NULL for SQL NULL
 */
char *
l4a_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * l4a_store_lookup_text:
 * @sql: a query of one text column with one parameter, ?1
 * @key: (nullable): the parameter
 *
 * Returns: (transfer full) (nullable): the first row's text, or %NULL when
 *   there is none, @key is %NULL or the query fails
 */
char *
l4a_store_lookup_text (L4aStore   *self,
                       const char *sql,
                       const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (key == NULL || (stmt = l4a_store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? l4a_store_column_dup (stmt, 0) : NULL;
}

/**
 * l4a_store_rows_done:
 * @rc: what the last sqlite3_step() of a row loop returned
 *
 * Ends a loop over rows: %TRUE when it ran to the end, otherwise %FALSE
 * with @error set from SQLite.
 */
gboolean
l4a_store_rows_done (L4aStore  *self,
                     int        rc,
                     GError   **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  l4a_store_set_sqlite_error (self, rc, NULL, error);
  return FALSE;
}

/**
 * l4a_store_read_nums:
 * @stmt: a statement, bound, whose first column is a row's number
 *
 * Steps @stmt to its end, then resets it and clears its bindings: the
 * order of a list that reads its rows a page at a time.
 *
 * Returns: (transfer full) (element-type guint): the numbers, or %NULL
 *   with @error set
 */
GArray *
l4a_store_read_nums (L4aStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean done;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint num = (guint) sqlite3_column_int64 (stmt, 0);

      g_array_append_val (nums, num);
    }
  done = l4a_store_rows_done (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return done ? g_steal_pointer (&nums) : NULL;
}

/**
 * l4a_store_read_numbered:
 * @sql: a statement that reads rows for the numbers given in ?1 as a JSON
 *   array (`json_each (?1)`), in their order
 * @read: reads each row of the statement into an object of the array
 * @bind_more: (nullable): binds what else @sql asks
 *
 * Reads the rows of @nums at once: a page of a list that reads its rows
 * a page at a time.
 *
 * Returns: (transfer full): what @read made of the rows, or %NULL with
 *   @error set
 */
GPtrArray *
l4a_store_read_numbered (L4aStore          *self,
                         const char        *sql,
                         const guint       *nums,
                         guint              n_nums,
                         L4aStoreReadRows   read,
                         void             (*bind_more) (L4aStore *, sqlite3_stmt *),
                         GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) array = g_string_new ("[");
  sqlite3_stmt *stmt;
  gboolean done;

  for (guint i = 0; i < n_nums; i++)
    g_string_append_printf (array, "%s%u", i ? "," : "", nums[i]);
  g_string_append_c (array, ']');

  stmt = l4a_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, array->str, (int) array->len, SQLITE_TRANSIENT);
  if (bind_more != NULL)
    bind_more (self, stmt);
  done = read (self, stmt, items, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return done ? g_steal_pointer (&items) : NULL;
}

gboolean
l4a_store_step_done (L4aStore     *self,
                     sqlite3_stmt *stmt,
                     const char   *record,
                     GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      l4a_store_set_sqlite_error (self, rc, record, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_pragma_int (L4aStore   *self,
                 const char *sql,
                 int        *value,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      return TRUE;
    }

  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_DATABASE,
                 /* translators: %s is a file name */
                 _("“%s” is not a Local4Action Hubs database: it is not an SQLite file. It was left untouched."),
                 self->path);
  else
    g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                 /* translators: the first %s is a file name, the second the reason */
                 _("“%s” cannot be read: %s. It was left untouched."),
                 self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
apply_migration (L4aStore *self,
                 int       to_version,
                 GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pragma = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (migrations[to_version - 1], 0, &local_error);
  if (bytes == NULL)
    {
      g_critical ("Migration %d is missing: %s", to_version, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!l4a_store_begin (self, error))
    return FALSE;

  if (!l4a_store_exec (self, g_bytes_get_data (bytes, NULL), error))
    goto failed;

  if (to_version == 1)
    {
      g_autofree char *installation = g_uuid_string_random ();
      g_autofree char *now = l4a_now_iso8601 ();
      g_autoptr(sqlite3_stmt) stmt = NULL;

      pragma = g_strdup_printf ("PRAGMA application_id = %d", L4A_APPLICATION_ID);
      if (!l4a_store_exec (self, pragma, error))
        goto failed;
      g_clear_pointer (&pragma, g_free);

      stmt = l4a_store_prepare (self,
                                "INSERT INTO meta (key, value) VALUES "
                                "('installation_id', ?1), ('created_at', ?2)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, installation, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      if (!l4a_store_step_done (self, stmt, NULL, error))
        goto failed;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  if (!l4a_store_exec (self, pragma, error))
    goto failed;

  if (!l4a_store_commit (self, error))
    goto failed;

  g_debug ("Migrated %s to schema %d", self->path, to_version);
  self->schema_version = to_version;
  return TRUE;

failed:
  l4a_store_rollback (self);
  return FALSE;
}

static gboolean
load_installation_id (L4aStore *self,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (self, "SELECT value FROM meta WHERE key = 'installation_id'", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_FOREIGN,
                   _("“%s” has no installation identifier; it is damaged."), self->path);
      return FALSE;
    }

  g_free (self->installation_id);
  self->installation_id = l4a_store_column_dup (stmt, 0);
  return TRUE;
}

/* l4a_fold (text): the text without accents, in folded case, the sort
 * key the registry is ordered by (hub_facet); '' for NULL. */
static void
fold_sql (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded = l4a_fold_text (text ? text : "");

  sqlite3_result_text (context, folded, -1, g_free);
}

/* l4a_rank (table, code): l4a_reference_rank (), for ORDER BY. */
static void
rank_sql (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  int table = sqlite3_value_int (argv[0]);

  if (table < L4A_REFERENCE_REGIONS || table > L4A_REFERENCE_COUNTRIES)
    {
      sqlite3_result_error (context, "l4a_rank: no such reference table", -1);
      return;
    }
  sqlite3_result_int (context, (int) l4a_reference_rank (table, (const char *) sqlite3_value_text (argv[1])));
}

static void
register_functions (L4aStore *self)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function (self->db, "l4a_fold", 1, flags, NULL, fold_sql, NULL, NULL);
  sqlite3_create_function (self->db, "l4a_rank", 2, flags, NULL, rank_sql, NULL, NULL);
}

/* The registry's sort keys need l4a_fold (), which only this program's
 * connections have: each writable connection fills the keys of what it
 * writes, and of what another program left empty with its next write
 * (until then they are computed as the registry is read, which never
 * writes: see l4a-hub-query.c). */
#define FILL_KEYS \
  "BEGIN " \
  "  UPDATE hub_facet SET name_key = coalesce (name_key, l4a_fold (new.name)), " \
  "    government_key = coalesce (government_key, " \
  "      l4a_fold ((SELECT name FROM government WHERE id = new.government_id))) " \
  "  WHERE num = new.num; " \
  "END"

static gboolean
create_key_triggers (L4aStore  *self,
                     GError   **error)
{
  if (self->schema_version < 13)
    return TRUE;
  return l4a_store_exec (self,
                         "CREATE TEMP TRIGGER IF NOT EXISTS l4a_facet_keys_insert AFTER INSERT ON main.hub_facet "
                         "WHEN new.name_key IS NULL OR new.government_key IS NULL " FILL_KEYS ";"
                         "CREATE TEMP TRIGGER IF NOT EXISTS l4a_facet_keys_update "
                         "AFTER UPDATE OF name_key, government_key ON main.hub_facet "
                         "WHEN new.name_key IS NULL OR new.government_key IS NULL " FILL_KEYS ";",
                         error);
}

static gboolean
l4a_store_open_internal (L4aStore   *self,
                         int         target,
                         GError    **error)
{
  int application_id = 0;
  int user_version = 0;
  int n_objects = 0;
  gboolean exists;
  GStatBuf st;
  int rc;

  /* what the path is, asked once */
  exists = g_stat (self->path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                   /* translators: %s is a path */
                   _("“%s” is a folder, not a database file."), self->path);
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      /* a pipe, a device (/dev/zero): SQLite would only say "disk I/O error" */
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                   /* translators: %s is a path */
                   _("“%s” is not a file, so not a database file."), self->path);
      return FALSE;
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                       /* translators: the first %s is a folder, the second the reason */
                       _("The folder “%s” cannot be created: %s."), dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                   _("“%s” cannot be read: %s. It was left untouched."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  /* A file this user may only read: opened again as immutable, so that
   * SQLite reads it without the journal files it could not create beside
   * it (a read-only folder, a read-only share). */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);

      g_clear_pointer (&self->db, sqlite3_close_v2);
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                       _("“%s” cannot be read: %s. It was left untouched."),
                       self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
          return FALSE;
        }
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  register_functions (self);

  /* Read-only checks first: nothing may be written to a file that is not
   * ours, or that a newer version wrote. */
  if (!read_pragma_int (self, "PRAGMA application_id", &application_id, error) ||
      !read_pragma_int (self, "PRAGMA user_version", &user_version, error) ||
      !read_pragma_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id != L4A_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not a Local4Action Hubs database. It was left untouched."),
                   self->path);
      return FALSE;
    }

  if (user_version > l4a_store_latest_version ())
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_TOO_NEW,
                   /* translators: %s is a file name, the numbers are schema versions */
                   _("“%s” was written by a newer version of Local4Action Hubs (database schema %d; this version knows up to %d). Update the application to open it. It was left untouched."),
                   self->path, user_version, l4a_store_latest_version ());
      return FALSE;
    }

  self->schema_version = user_version;

  /* A file this user may only read (a colleague's copy, a read-only
   * share) is still read: nothing at all is written to it, not even the
   * journal mode, and a write fails with SQLite's own "read-only". */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      if (user_version < target)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN,
                       /* translators: %s is a file name */
                       _("“%s” is read-only and was written by an older version of Local4Action Hubs; open it "
                         "once where it can be written to update it. It was left untouched."), self->path);
          return FALSE;
        }
      if (!l4a_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
          (self->schema_version >= 1 && !load_installation_id (self, error)))
        return FALSE;
      watch_changes (self);
      return TRUE;
    }

  /* Inside a transaction, each statement that may fail halfway (a trigger,
   * a foreign key, an upsert) keeps a journal of its own to undo itself;
   * past 64 KiB SQLite spills it to a temporary file, created, written and
   * deleted again and again: a large import spent two thirds of its time
   * there. Statement journals and temporary tables stay in memory. */
  if (!l4a_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !l4a_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !l4a_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !l4a_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  for (int v = user_version + 1; v <= target; v++)
    if (!apply_migration (self, v, error))
      return FALSE;

  if (self->schema_version >= 1)
    {
      if (!load_installation_id (self, error))
        return FALSE;
      if (!l4a_reference_sync (self, error))
        return FALSE;
      if (!create_key_triggers (self, error))
        return FALSE;
    }

  /* Only what is written from now on is announced. */
  watch_changes (self);
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
l4a_store_finalize (GObject *object)
{
  L4aStore *self = (L4aStore *)object;

  if (self->db != NULL)
    sqlite3_preupdate_hook (self->db, NULL, NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->pending, l4a_changes_unref);
  g_clear_pointer (&self->ready, l4a_changes_unref);
  g_mutex_clear (&self->ready_lock);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->installation_id, g_free);
  g_clear_pointer (&self->key, l4a_key_unref);
  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (l4a_store_parent_class)->finalize (object);
}

static void
l4a_store_class_init (L4aStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_store_finalize;

  /* The schema and reference data live in this library's resources. */
  g_resources_register (l4a_core_get_resource ());
}

static void
l4a_store_init (L4aStore *self)
{
  static guint64 next_serial = 1;
  G_LOCK_DEFINE_STATIC (serial);

  G_LOCK (serial);
  self->serial = next_serial++;
  G_UNLOCK (serial);
  self->role = L4A_ROLE_SECRETARIAT;
  self->actor = g_strdup ("secretariat");
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending = l4a_changes_new ();
  self->ready = l4a_changes_new ();
  g_mutex_init (&self->ready_lock);
}

/**
 * l4a_store_open_at_version:
 * @path: the database file
 * @version: the schema version to migrate up to
 *
 * Opens (creating if needed) and migrates up to @version. Only tests ask for
 * anything but the newest version.
 *
 * Returns: (transfer full): a store, or %NULL with @error set
 */
L4aStore *
l4a_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  g_autoptr(L4aStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= l4a_store_latest_version (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (L4A_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!l4a_store_open_internal (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * l4a_store_open:
 * @path: the database file
 *
 * Opens one connection to the database at @path, creating and migrating it
 * as needed. A store is one SQLite connection: use it from one thread only,
 * and open another for work in another thread.
 *
 * Returns: (transfer full): a store, or %NULL with @error set
 */
L4aStore *
l4a_store_open (const char  *path,
                GError     **error)
{
  return l4a_store_open_at_version (path, l4a_store_latest_version (), error);
}

const char *
l4a_store_get_path (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  return self->path;
}

const char *
l4a_store_get_installation_id (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  return self->installation_id;
}

/**
 * l4a_store_dup_key_path:
 *
 * Where the signing key of this database's installation is kept: in the
 * user's data folder, never beside the database, so that copying or
 * backing up the database never copies the key.
 *
 * Returns: (transfer full): the path of the key file
 */
char *
l4a_store_dup_key_path (L4aStore *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  name = g_strdup_printf ("%s.key", self->installation_id ? self->installation_id : "none");
  return g_build_filename (g_get_user_data_dir (), "local4action", "keys", name, NULL);
}

/**
 * l4a_store_get_key:
 *
 * The installation's Ed25519 key pair: read from its file, or made and
 * saved on first use.
 *
 * Returns: (transfer none): the key, or %NULL with @error set
 */
L4aKey *
l4a_store_get_key (L4aStore  *self,
                   GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(L4aKey) key = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  if (self->key != NULL)
    return self->key;
  path = l4a_store_dup_key_path (self);
  key = l4a_key_load (path, &local_error);
  if (key == NULL && g_error_matches (local_error, L4A_KEY_ERROR, L4A_KEY_ERROR_FILE) &&
      !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_clear_error (&local_error);
      key = l4a_key_generate ();
      if (!l4a_key_save (key, path, &local_error))
        g_clear_pointer (&key, l4a_key_unref);
    }
  if (key == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->key = g_steal_pointer (&key);
  return self->key;
}

/**
 * l4a_store_set_key:
 * @key: (nullable): the key to sign with, or %NULL for the installation's
 *
 * Makes this connection sign and open bundles with @key (a test, or a
 * program signing for a person whose key file it was given).
 */
void
l4a_store_set_key (L4aStore *self,
                   L4aKey   *key)
{
  g_return_if_fail (L4A_IS_STORE (self));

  g_clear_pointer (&self->key, l4a_key_unref);
  if (key != NULL)
    self->key = l4a_key_ref (key);
}

int
l4a_store_get_schema_version (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), -1);

  return self->schema_version;
}

void
l4a_store_set_actor (L4aStore   *self,
                     L4aRole     role,
                     const char *identity)
{
  g_return_if_fail (L4A_IS_STORE (self));

  self->role = role;
  g_free (self->identity);
  self->identity = (identity && *identity) ? g_strdup (identity) : NULL;
  g_free (self->actor);
  if (self->identity)
    self->actor = g_strdup_printf ("%s:%s", l4a_role_to_string (role), self->identity);
  else
    self->actor = g_strdup (l4a_role_to_string (role));
}

L4aRole
l4a_store_get_role (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), L4A_ROLE_SECRETARIAT);

  return self->role;
}

const char *
l4a_store_get_identity (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  return self->identity;
}

const char *
l4a_store_actor_string (L4aStore *self)
{
  return self->actor;
}

/* Which connection this is: never the same for two stores of a process,
 * even one made where another was freed. */
guint64
l4a_store_get_serial (L4aStore *self)
{
  return self->serial;
}

/**
 * l4a_store_begin:
 *
 * Starts a transaction, or inside one a savepoint: the same function
 * serves a caller in a transaction and one outside it. Each successful
 * begin is ended by exactly one l4a_store_commit() or l4a_store_rollback().
 * The outermost begin takes the write lock at once (BEGIN IMMEDIATE), so
 * that what a write checks still holds when it writes.
 */
gboolean
l4a_store_begin (L4aStore *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (L4A_IS_STORE (self), FALSE);

  if (self->depth == 0 && !sqlite3_get_autocommit (self->db))
    {
      g_critical ("A transaction was begun outside l4a_store_begin()");
      return l4a_store_exec (self, "BEGIN IMMEDIATE", error);
    }
  if (self->depth == 0)
    {
      if (!l4a_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT l4a_%u", self->depth);
      if (!l4a_store_exec (self, sql, error))
        return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
l4a_store_in_transaction (L4aStore *self)
{
  g_return_val_if_fail (L4A_IS_STORE (self), FALSE);

  return self->depth > 0;
}

static void
publish_pending (L4aStore *self)
{
  g_autoptr(L4aChanges) ready = NULL;

  if (l4a_changes_is_empty (self->pending))
    return;

  g_mutex_lock (&self->ready_lock);
  l4a_changes_merge (self->ready, self->pending);
  g_mutex_unlock (&self->ready_lock);
  l4a_changes_unref (self->pending);
  self->pending = l4a_changes_new ();

  if (self->committed_func != NULL)
    self->committed_func (self, self->committed_data);
}

/* The registry's sort keys another program left empty (see
 * create_key_triggers()): an index probe when there are none. */
static gboolean
fill_sort_keys (L4aStore  *self,
                GError   **error)
{
  /* on every commit: compiled once */
  static const char * const fills[] = {
    "UPDATE hub_facet SET name_key = l4a_fold (name) WHERE name_key IS NULL",
    "UPDATE hub_facet SET government_key = "
    "  l4a_fold ((SELECT g.name FROM government g WHERE g.id = hub_facet.government_id)) "
    "WHERE government_key IS NULL",
  };

  if (self->schema_version < 13)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      sqlite3_stmt *stmt = l4a_store_prepare_cached (self, fills[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return l4a_store_rows_done (self, rc, error);
    }
  return TRUE;
}

/**
 * l4a_store_fill_sort_keys:
 *
 * Writes the registry's sort keys that another program left empty (each
 * write of this application does it too), so that the registry is listed
 * from its indexes.
 */
gboolean
l4a_store_fill_sort_keys (L4aStore  *self,
                          GError   **error)
{
  g_return_val_if_fail (L4A_IS_STORE (self), FALSE);

  return l4a_store_begin (self, error) && l4a_store_end (self, fill_sort_keys (self, error), error);
}

/**
 * l4a_store_commit:
 *
 * Ends what l4a_store_begin() started: the outermost level commits, an
 * inner one releases its savepoint into the enclosing transaction. On
 * failure nothing is ended: the caller rolls back.
 */
gboolean
l4a_store_commit (L4aStore *self,
                  GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (L4A_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      /* a database another program wrote to gets the sort keys it left
       * empty with this application's next write (reading never writes) */
      if (!l4a_changes_is_empty (self->pending))
        fill_sort_keys (self, NULL);
      if (!l4a_store_exec (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      publish_pending (self);
      return TRUE;
    }

  sql = g_strdup_printf ("RELEASE l4a_%u", self->depth - 1);
  if (!l4a_store_exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

/**
 * l4a_store_end:
 * @ok: whether the work since the matching l4a_store_begin() succeeded
 *
 * Commits when @ok, rolls back otherwise (and when the commit fails).
 * Public writes are written as `begin && end (work ())`, so that what they
 * check is checked inside the transaction that writes: still true when
 * it is written, whoever else writes to the database.
 *
 * Returns: whether the work is committed
 */
gboolean
l4a_store_end (L4aStore  *self,
               gboolean   ok,
               GError   **error)
{
  g_return_val_if_fail (L4A_IS_STORE (self), FALSE);

  if (ok && l4a_store_commit (self, error))
    return TRUE;
  l4a_store_rollback (self);
  return FALSE;
}

/**
 * l4a_store_rollback:
 *
 * Undoes what was written since the matching l4a_store_begin(): all of
 * the transaction at the outermost level, the savepoint's part inside.
 */
void
l4a_store_rollback (L4aStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (L4A_IS_STORE (self));

  if (self->depth <= 1)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->depth = 0;
      /* what was written is gone: nothing to announce */
      l4a_changes_unref (self->pending);
      self->pending = l4a_changes_new ();
      return;
    }

  /* The savepoint's writes may still be listed as pending: announcing a
   * record that did not change costs a view one read, and nothing else. */
  self->depth--;
  if (!sqlite3_get_autocommit (self->db))
    {
      sql = g_strdup_printf ("ROLLBACK TO l4a_%u; RELEASE l4a_%u", self->depth, self->depth);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
}

/**
 * l4a_store_swap_cache_size:
 * @cache_size: as PRAGMA cache_size takes it (negative: KiB)
 *
 * Sets the connection's page cache, for a long write that would otherwise
 * write the same pages out again and again; SQLite gives back what is over
 * when the old size is set again.
 *
 * Returns: the size it had, or 0 when it cannot be read (then it is left
 *   as it is)
 */
int
l4a_store_swap_cache_size (L4aStore *self,
                           int       cache_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
  int old = 0;

  g_return_val_if_fail (L4A_IS_STORE (self), 0);

  if (!read_pragma_int (self, "PRAGMA cache_size", &old, NULL) || old == 0)
    return 0;
  l4a_store_exec (self, sql, NULL);
  return old;
}

/* Change capture ------------------------------------------------------------ */

static void
note_value (L4aChanges    *changes,
            const char    *kind,
            sqlite3_value *value)
{
  const char *text;

  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return;
  text = (const char *) sqlite3_value_text (value);
  if (text != NULL)
    l4a_changes_add (changes, kind, text);
}

static void
note_row (L4aStore    *self,
          const Watch *watch,
          gboolean     old)
{
  sqlite3_value *value = NULL;

  if (watch->key >= 0)
    {
      if ((old ? sqlite3_preupdate_old : sqlite3_preupdate_new) (self->db, watch->key, &value) == SQLITE_OK)
        note_value (self->pending, watch->spec->table, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (watch->parents) && watch->spec->parents[i][0]; i++)
    {
      value = NULL;
      if (watch->parents[i] >= 0 &&
          (old ? sqlite3_preupdate_old : sqlite3_preupdate_new) (self->db, watch->parents[i], &value) == SQLITE_OK)
        note_value (self->pending, watch->spec->parents[i][1], value);
    }
}

static void
preupdate_cb (void          *data,
              sqlite3       *db,
              int            op,
              const char    *db_name,
              const char    *table,
              sqlite3_int64  key1,
              sqlite3_int64  key2)
{
  L4aStore *self = data;
  const Watch *watch;

  if (self->watches == NULL || (watch = g_hash_table_lookup (self->watches, table)) == NULL)
    return;
  if (op != SQLITE_INSERT)
    note_row (self, watch, TRUE);
  if (op != SQLITE_DELETE)
    note_row (self, watch, FALSE);
}

/* Every column's position in its table, as "table.column" → cid + 1: one
 * query for the whole schema (a connection is opened at each start). */
static GHashTable *
read_columns (L4aStore *self)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (self,
                                                    "SELECT m.name, p.name, p.cid FROM sqlite_schema AS m, "
                                                    "pragma_table_info (m.name) AS p WHERE m.type = 'table'",
                                                    NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (columns,
                         g_strdup_printf ("%s.%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2) + 1));
  return columns;
}

static int
column_index (GHashTable *columns,
              const char *table,
              const char *column)
{
  g_autofree char *key = NULL;

  if (column == NULL)
    return -1;
  key = g_strdup_printf ("%s.%s", table, column);
  return GPOINTER_TO_INT (g_hash_table_lookup (columns, key)) - 1;
}

static void
watch_changes (L4aStore *self)
{
  g_autoptr(GHashTable) columns = read_columns (self);

  g_clear_pointer (&self->watches, g_hash_table_unref);
  self->watches = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (watch_specs); i++)
    {
      Watch *watch = g_new0 (Watch, 1);

      watch->spec = &watch_specs[i];
      watch->key = column_index (columns, watch->spec->table, watch->spec->key);
      for (guint p = 0; p < G_N_ELEMENTS (watch->parents); p++)
        watch->parents[p] = column_index (columns, watch->spec->table, watch->spec->parents[p][0]);
      g_hash_table_insert (self->watches, (gpointer) watch->spec->table, watch);
    }
  sqlite3_preupdate_hook (self->db, preupdate_cb, self);
}

/**
 * l4a_store_take_changes:
 *
 * Takes what this connection has committed since the last call: safe
 * from any thread.
 *
 * Returns: (transfer full): the changes, empty when there were none
 */
L4aChanges *
l4a_store_take_changes (L4aStore *self)
{
  L4aChanges *changes;

  g_return_val_if_fail (L4A_IS_STORE (self), NULL);

  g_mutex_lock (&self->ready_lock);
  changes = self->ready;
  self->ready = l4a_changes_new ();
  g_mutex_unlock (&self->ready_lock);
  return changes;
}

/**
 * l4a_store_set_committed_func:
 * @func: (nullable): called in the connection's thread after each commit
 *   that changed records
 *
 * For the context, which announces what changed.
 */
void
l4a_store_set_committed_func (L4aStore              *self,
                              L4aStoreCommittedFunc  func,
                              gpointer               data)
{
  g_return_if_fail (L4A_IS_STORE (self));

  self->committed_func = func;
  self->committed_data = data;
}

/**
 * l4a_store_get_data_version:
 *
 * SQLite's data version of this connection: it moves when another
 * connection, of this process or another, commits.
 */
gint64
l4a_store_get_data_version (L4aStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (L4A_IS_STORE (self), -1);

  stmt = l4a_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * l4a_store_audit:
 * @details_json: (nullable): a JSON object with details, or %NULL
 *
 * Appends to the audit log, in the caller's transaction.
 */
gboolean
l4a_store_audit (L4aStore   *self,
                 const char *action,
                 const char *record_type,
                 const char *record_id,
                 const char *details_json,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = l4a_now_iso8601 ();

  g_return_val_if_fail (L4A_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (record_type != NULL, FALSE);

  /* kept: an import audits each record it writes */
  stmt = l4a_store_prepare_cached (self,
                            "INSERT INTO audit (at, actor, action, record_type, record_id, details) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, record_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, details_json ? details_json : "{}", -1, SQLITE_STATIC);

  return l4a_store_step_done (self, stmt, NULL, error);
}

gint64
l4a_store_count (L4aStore   *self,
                 const char *table,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean known = FALSE;

  g_return_val_if_fail (L4A_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (countable_tables); i++)
    known |= g_str_equal (table, countable_tables[i]);

  if (!known)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("There is no table named “%s”."), table);
      return -1;
    }

  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  stmt = l4a_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      l4a_store_set_sqlite_error (self, sqlite3_errcode (self->db), NULL, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * l4a_store_is_empty:
 *
 * Whether the store holds no user records yet (no governments, calls or
 * hubs): the first-run state that offers sample data.
 */
gboolean
l4a_store_is_empty (L4aStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (L4A_IS_STORE (self), TRUE);

  stmt = l4a_store_prepare (self,
                            "SELECT NOT EXISTS (SELECT 1 FROM government) "
                            "AND NOT EXISTS (SELECT 1 FROM call) "
                            "AND NOT EXISTS (SELECT 1 FROM hub)", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  return sqlite3_column_int (stmt, 0) != 0;
}

/* ---------------------------------------------------------------------------
 * Rows written many at a time
 */

typedef struct
{
  char   *text;   /* or NULL for a number */
  gint64  number;
} BatchValue;

struct _L4aBatch
{
  L4aStore *store;
  char     *insert;
  char     *tail;
  guint     n_columns;
  GArray   *values;     /* BatchValue, row after row */
  char     *full_sql;   /* the statement for a full batch */
};

static void
batch_value_clear (gpointer data)
{
  g_clear_pointer (&((BatchValue *) data)->text, g_free);
}

/**
 * l4a_batch_new:
 * @insert: the start of an INSERT statement of the code, up to its column
 *   list, such as "INSERT INTO audit (at, actor)"
 * @n_columns: how many columns it lists
 * @tail: (nullable): what follows the values, such as an ON CONFLICT clause
 *
 * Rows for one table, written many to a statement: SQLite then does once
 * per batch what it does once per statement. Rows are written in the order
 * they are given, in the caller's transaction, when a batch is full and by
 * l4a_batch_flush().
 */
L4aBatch *
l4a_batch_new (L4aStore   *store,
               const char *insert,
               guint       n_columns,
               const char *tail)
{
  L4aBatch *self = g_new0 (L4aBatch, 1);

  self->store = g_object_ref (store);
  self->insert = g_strdup (insert);
  self->tail = g_strdup (tail ? tail : "");
  self->n_columns = n_columns;
  self->values = g_array_sized_new (FALSE, FALSE, sizeof (BatchValue), n_columns * L4A_BATCH_ROWS);
  g_array_set_clear_func (self->values, batch_value_clear);
  return self;
}

void
l4a_batch_free (L4aBatch *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_free (self->insert);
  g_free (self->tail);
  g_free (self->full_sql);
  g_array_unref (self->values);
  g_free (self);
}

/**
 * l4a_batch_sql:
 * @insert: the start of an INSERT statement, up to its column list
 * @tail: (nullable): what follows the values
 *
 * Returns: (transfer full): the statement writing @rows rows of
 *   @n_columns values each
 */
char *
l4a_batch_sql (const char *insert,
               guint       n_columns,
               guint       rows,
               const char *tail)
{
  GString *sql = g_string_new (insert);

  g_string_append (sql, " VALUES ");
  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint c = 0; c < n_columns; c++)
        g_string_append (sql, c ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  if (tail != NULL && *tail != '\0')
    {
      g_string_append_c (sql, ' ');
      g_string_append (sql, tail);
    }
  return g_string_free (sql, FALSE);
}

/**
 * l4a_batch_flush:
 *
 * Writes the rows given so far.
 */
gboolean
l4a_batch_flush (L4aBatch  *self,
                 GError   **error)
{
  guint rows = self->values->len / self->n_columns;
  g_autofree char *partial = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (rows == 0)
    return TRUE;
  if (rows == L4A_BATCH_ROWS && self->full_sql == NULL)
    self->full_sql = l4a_batch_sql (self->insert, self->n_columns, L4A_BATCH_ROWS, self->tail);
  if (rows < L4A_BATCH_ROWS)
    partial = l4a_batch_sql (self->insert, self->n_columns, rows, self->tail);
  stmt = l4a_store_prepare_cached (self->store, partial ? partial : self->full_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rows * self->n_columns; i++)
    {
      BatchValue *value = &g_array_index (self->values, BatchValue, i);

      if (value->text != NULL)
        sqlite3_bind_text (stmt, (int) i + 1, value->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, value->number);
    }
  ok = l4a_store_step_done (self->store, stmt, NULL, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  g_array_set_size (self->values, 0);
  return ok;
}

void
l4a_batch_text (L4aBatch   *self,
                const char *text)
{
  BatchValue value = { g_strdup (text ? text : ""), 0 };

  g_array_append_val (self->values, value);
}

void
l4a_batch_int (L4aBatch *self,
               gint64    number)
{
  BatchValue value = { NULL, number };

  g_array_append_val (self->values, value);
}

/**
 * l4a_batch_end_row:
 *
 * Ends the row whose values were just given; writes the batch when it is
 * full.
 */
gboolean
l4a_batch_end_row (L4aBatch  *self,
                   GError   **error)
{
  g_return_val_if_fail (self->values->len % self->n_columns == 0, FALSE);

  if (self->values->len < self->n_columns * L4A_BATCH_ROWS)
    return TRUE;
  return l4a_batch_flush (self, error);
}
