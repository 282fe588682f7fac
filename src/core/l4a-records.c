/* l4a-records.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-bundle.h"
#include "l4a-records.h"
#include "l4a-reference.h"
#include "l4a-store-private.h"
#include "l4a-types.h"

/*
 * Records grouped by type, as in a bundle's "records" object: each member is
 * a table name, each element an object whose members are that table's
 * columns, plus a few nested lists (SDG goals, Policy Councils, related hubs,
 * review scores) that go into their link tables. Table and column names
 * come from the fixed list below and from the schema itself, never from the
 * input: input only selects among them.
 */

typedef struct
{
  const char *table;
  const char *label;   /* how a user calls one record of the table */
  const char *title;   /* the column that names a record to the user */
  const char *links[4];
} TableInfo;

/* In dependency order: a record only refers to tables above it. */
static const TableInfo tables[] = {
  { "government", N_("government"), "name", { NULL } },
  { "call", N_("call"), "title", { NULL } },
  { "criterion", N_("criterion"), "label", { NULL } },
  { "attachment", N_("attachment"), "sha256", { "data" } },
  { "proposal", N_("proposal"), "title", { "sdgs" } },
  { "proposal_version", N_("proposal version"), "version", { NULL } },
  { "proposal_attachment", N_("attachment"), "name", { NULL } },
  { "hub", N_("hub"), "name", { "sdgs", "councils", "related" } },
  { "hub_relation", N_("related hub"), "related_id", { NULL } },
  { "activity", N_("activity"), "title", { "sdgs", "governments", "hubs" } },
  { "activity_attachment", N_("attachment"), "name", { NULL } },
  { "partner", N_("partner"), "name", { NULL } },
  { "deliverable", N_("deliverable"), "title", { NULL } },
  { "deliverable_change", N_("deliverable change"), "changed_on", { NULL } },
  { "indicator", N_("indicator"), "name", { NULL } },
  { "measurement", N_("measurement"), "measured_on", { NULL } },
  { "network_event", N_("network event"), "title", { "hubs" } },
  { "reporting_schedule", N_("reporting schedule"), "hub_id", { NULL } },
  { "progress_report", N_("progress report"), "period_start", { NULL } },
  { "hub_link", N_("link between hubs"), "reason", { NULL } },
  { "member", N_("member"), "name", { "sdgs", "axes", "regions", "languages" } },
  { "conflict", N_("conflict"), "id", { NULL } },
  { "assignment", N_("assignment"), "id", { NULL } },
  { "review", N_("review"), "id", { "scores" } },
  { "decision", N_("decision"), "id", { NULL } },
  { "discussion_note", N_("discussion note"), "id", { NULL } },
  { "clarification", N_("question to the government"), "question", { NULL } },
  { "meta_review", N_("meta-review"), "id", { NULL } },
  { "brand_asset", N_("brand asset"), "name", { NULL } },
  { "brand_colour", N_("brand colour"), "name", { NULL } },
};

/* Columns about a record rather than of it; a record that leaves them out
 * gets them from the writer. */
static const char * const bookkeeping[] = { "created_at", "updated_at", "origin", "revision", "sample", NULL };

/**
 * l4a_records_is_bookkeeping:
 *
 * Returns: whether @column says when, where and at which revision a record
 *   was saved, or whether it is sample data, rather than what it holds
 */
gboolean
l4a_records_is_bookkeeping (const char *column)
{
  return column != NULL && g_strv_contains (bookkeeping, column);
}

static gboolean
table_has_link (const TableInfo *info,
                const char      *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (info->links) && info->links[i]; i++)
    if (g_str_equal (info->links[i], member))
      return TRUE;
  return FALSE;
}

static GPtrArray *
table_columns (L4aStore   *store,
               const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  stmt = l4a_store_prepare (store, "SELECT name FROM pragma_table_info (?1)", NULL);
  g_assert (stmt != NULL);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, l4a_store_column_dup (stmt, 0));

  return columns;
}

static const TableInfo *
table_info (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return &tables[i];
  return NULL;
}

static char *
describe_record (const TableInfo *info,
                 JsonObject      *record,
                 guint            index)
{
  JsonNode *node = json_object_get_member (record, info->title);
  JsonNode *id = json_object_get_member (record, "id");

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    /* translators: a record, e.g. hub “Soria Rural Hub” */
    return g_strdup_printf (_("%s “%s”"), _(info->label), json_node_get_string (node));
  if (id && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
    return g_strdup_printf (_("%s “%s”"), _(info->label), json_node_get_string (id));

  /* translators: a record without a name, e.g. measurement number 3 */
  return g_strdup_printf (_("%s number %u"), _(info->label), index + 1);
}

/* How messages name a record, worked out only when one is needed: most
 * records of a large import are never named. */
typedef struct
{
  const TableInfo *info;
  JsonObject      *object;
  guint            index;
  char            *text;
} RecordName;

static const char *
record_name (RecordName *name)
{
  if (name->text == NULL)
    name->text = describe_record (name->info, name->object, name->index);
  return name->text;
}

static gboolean
step_done (L4aStore     *store,
           sqlite3_stmt *stmt,
           RecordName   *record,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  l4a_store_set_sqlite_error (store, rc, record_name (record), error);
  return FALSE;
}

static gboolean
bind_value (sqlite3_stmt *stmt,
            int           index,
            JsonNode     *node,
            RecordName   *record,
            const char   *field,
            GError      **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        /* the record outlives the statement's step */
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_STATIC);
      else if (type == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        sqlite3_bind_double (stmt, index, json_node_get_double (node));
      else if (type == G_TYPE_BOOLEAN)
        sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
      else
        goto invalid;
      return TRUE;
    }

invalid:
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
               /* translators: %s are a record and a field name */
               _("%s: the field “%s” must be a single value, not a list or an object."),
               record_name (record), field);
  return FALSE;
}

/* What the writer knows of a table: its columns and its foreign keys. */
typedef struct
{
  const TableInfo *info;
  GPtrArray       *columns;
  GHashTable      *column_set;  /* the same names, to look up */
  GPtrArray       *keys;     /* ForeignKey */
  struct _Layout  *layouts[2];  /* the last records added [0] and updated [1] */
} TableShape;

/* How the records of one shape (the same members in the same order) are
 * written: consecutive records of a bundle mostly share theirs, and then
 * share the checks of their members, the statement and its parameters. */
typedef struct _Layout
{
  GPtrArray    *names;     /* the record's members, in order */
  GArray       *params;    /* int: the member bound to each parameter, or -1 - the bookkeeping column */
  int           id_index, key_index, second_index;
  gboolean      has_links;
  sqlite3_stmt *stmt;      /* owned by the store's cache */
  char         *batch_sql; /* for records added: the same for L4A_BATCH_ROWS of them, once needed */
} Layout;

static void
layout_free (Layout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->names);
  g_array_unref (layout->params);
  g_free (layout->batch_sql);
  g_free (layout);
}

typedef struct
{
  char *column;
  char *parent;
  char *exists_sql;
} ForeignKey;

static void
foreign_key_free (gpointer data)
{
  ForeignKey *key = data;

  g_free (key->column);
  g_free (key->parent);
  g_free (key->exists_sql);
  g_free (key);
}

static void
table_shape_free (gpointer data)
{
  TableShape *shape = data;

  g_ptr_array_unref (shape->columns);
  g_hash_table_unref (shape->column_set);
  g_ptr_array_unref (shape->keys);
  layout_free (shape->layouts[0]);
  layout_free (shape->layouts[1]);
  g_free (shape);
}

struct _L4aRecordWriter
{
  L4aStore   *store;
  gboolean    sample;
  char       *now;
  char       *details;
  GHashTable *shapes;    /* table name → TableShape */
  GPtrArray  *related;   /* JsonObject of hubs whose related hubs are linked at the end */
  gboolean    audit;
  gboolean    trial;            /* rolled back: the search index and facets need not be made again */
  GPtrArray  *search_triggers;  /* their SQL, while the search index waits for the end */
  GPtrArray  *facet_schema;     /* the same for the registry's facets: their triggers and indexes */
  L4aBatch   *audit_rows;
  GPtrArray  *names;     /* the members of the record being written */
  GPtrArray  *nodes;     /* and their values */
  gboolean    derive;    /* bookkeeping is derived, not read (an import) */
  char       *origin;    /* the installation new records come from */

  /* records added, of one layout, waiting to be inserted many at once */
  TableShape *pending_shape;
  struct _Layout *pending_layout;
  GPtrArray  *pending;         /* JsonObject */
  GArray     *pending_index;   /* guint: each one's position in its list */
};

static TableShape *
shape_of (L4aRecordWriter *self,
          const TableInfo *info)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TableShape *shape = g_hash_table_lookup (self->shapes, info->table);

  if (shape != NULL)
    return shape;

  shape = g_new0 (TableShape, 1);
  shape->info = info;
  shape->columns = table_columns (self->store, info->table);
  shape->column_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < shape->columns->len; i++)
    g_hash_table_add (shape->column_set, g_ptr_array_index (shape->columns, i));
  shape->keys = g_ptr_array_new_with_free_func (foreign_key_free);

  stmt = l4a_store_prepare (self->store, "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list (?1)", NULL);
  g_assert (stmt != NULL);
  sqlite3_bind_text (stmt, 1, info->table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ForeignKey *key = g_new0 (ForeignKey, 1);
      const char *to = (const char *) sqlite3_column_text (stmt, 2);

      key->parent = l4a_store_column_dup (stmt, 0);
      key->column = l4a_store_column_dup (stmt, 1);
      /* Names from the schema itself, never from the input. */
      key->exists_sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1", key->parent, to ? to : "id");
      g_ptr_array_add (shape->keys, key);
    }

  g_hash_table_insert (self->shapes, (gpointer) info->table, shape);
  return shape;
}

/* Checks every foreign key of @object before the write, so that a broken
 * reference is reported with its field and what it should name, rather
 * than as SQLite's anonymous "FOREIGN KEY constraint failed". */
static gboolean
check_references (L4aRecordWriter *self,
                  TableShape      *shape,
                  JsonObject      *object,
                  RecordName      *record,
                  GError         **error)
{
  for (guint i = 0; i < shape->keys->len; i++)
    {
      ForeignKey *key = g_ptr_array_index (shape->keys, i);
      JsonNode *node = json_object_get_member (object, key->column);
      const TableInfo *parent_info;
      sqlite3_stmt *exists;
      int rc;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
        continue;  /* bind_value() reports the type */

      exists = l4a_store_prepare_cached (self->store, key->exists_sql, error);
      if (exists == NULL)
        return FALSE;
      if (!bind_value (exists, 1, node, record, key->column, error))
        return FALSE;
      rc = sqlite3_step (exists);
      sqlite3_reset (exists);
      if (rc == SQLITE_ROW)
        continue;

      parent_info = table_info (key->parent);
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a record, a field, then a kind of record, e.g. hub “X”: the field “government_id” names no government in the database or the file */
                   _("%s: the field “%s” names no %s in the database or the file."),
                   record_name (record), key->column, parent_info ? _(parent_info->label) : key->parent);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_link_rows (L4aStore    *store,
                 const char  *sql,
                 const char  *check_sql,
                 const char  *owner_id,
                 JsonNode    *node,
                 gboolean     integers,
                 RecordName  *record,
                 const char  *field,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the field “%s” must be a list."), record_name (record), field);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GType type = JSON_NODE_HOLDS_VALUE (element) ? json_node_get_value_type (element) : G_TYPE_INVALID;

      if ((integers && type != G_TYPE_INT64) || (!integers && type != G_TYPE_STRING))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       integers ? _("%s: the field “%s” must list whole numbers.")
                                : _("%s: the field “%s” must list texts."),
                       record_name (record), field);
          return FALSE;
        }

      if (integers && (json_node_get_int (element) < 1 || json_node_get_int (element) > L4A_N_SDGS))
        {
          g_autofree char *goal = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (element));

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: a record, a field, then a number */
                       _("%s: the field “%s” lists goal %s; the goals run from 1 to 17."),
                       record_name (record), field, goal);
          return FALSE;
        }
      if (!integers && check_sql != NULL)
        {
          sqlite3_stmt *check = l4a_store_prepare_cached (store, check_sql, error);
          int rc;

          if (check == NULL)
            return FALSE;
          sqlite3_bind_text (check, 1, json_node_get_string (element), -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (check);
          sqlite3_reset (check);
          if (rc != SQLITE_ROW)
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           /* translators: a record, a field, then what the field gave */
                           _("%s: the field “%s” names “%s”, which does not exist."),
                           record_name (record), field, json_node_get_string (element));
              return FALSE;
            }
        }

      stmt = l4a_store_prepare_cached (store, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
      if (integers)
        sqlite3_bind_int64 (stmt, 2, json_node_get_int (element));
      else
        sqlite3_bind_text (stmt, 2, json_node_get_string (element), -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_scores (L4aStore    *store,
              const char  *review_id,
              JsonNode    *node,
              RecordName  *record,
              GError     **error)
{
  JsonObjectIter iter;
  const char *criterion;
  JsonNode *score;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the field “%s” must map criteria to scores."), record_name (record), "scores");
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &criterion, &score))
    {
      GType type = JSON_NODE_HOLDS_VALUE (score) ? json_node_get_value_type (score) : G_TYPE_INVALID;
      sqlite3_stmt *stmt;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the score for criterion “%s” must be a number."), record_name (record), criterion);
          return FALSE;
        }

      stmt = l4a_store_prepare_cached (store,
                                       "INSERT INTO review_score (review_id, criterion_id, score) VALUES (?1, ?2, ?3)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, review_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, criterion, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 3, json_node_get_double (score));
      if (!step_done (store, stmt, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
bind_attachment_data (sqlite3_stmt *stmt,
                      int           index,
                      JsonObject   *object,
                      RecordName   *record,
                      GError      **error)
{
  const char *encoded = json_object_get_string_member_with_default (object, "data", NULL);
  const char *sha256 = json_object_get_string_member_with_default (object, "sha256", NULL);
  g_autofree char *computed = NULL;
  guchar *bytes;
  gsize len = 0;

  if (encoded == NULL || sha256 == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: an attachment needs both “sha256” and “data”."), record_name (record));
      return FALSE;
    }

  bytes = g_base64_decode (encoded, &len);
  computed = l4a_sha256_hex (bytes, len);
  if (g_ascii_strcasecmp (computed, sha256) != 0)
    {
      g_free (bytes);
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the content does not match its SHA-256 checksum."), record_name (record));
      return FALSE;
    }

  sqlite3_bind_blob64 (stmt, index, bytes, len, g_free);
  return TRUE;
}

/* Link lists of ids: each names a record that must exist already (the
 * tables above come first in a batch). */
static const struct
{
  const char *table, *member, *insert, *clear, *check, *select;
} id_links[] = {
  { "activity", "governments",
    "INSERT INTO activity_government (activity_id, government_id) VALUES (?1, ?2)",
    "DELETE FROM activity_government WHERE activity_id = ?1",
    "SELECT 1 FROM government WHERE id = ?1",
    "SELECT government_id FROM activity_government WHERE activity_id = ?1 ORDER BY government_id" },
  { "activity", "hubs",
    "INSERT INTO activity_hub (activity_id, hub_id) VALUES (?1, ?2)",
    "DELETE FROM activity_hub WHERE activity_id = ?1",
    "SELECT 1 FROM hub WHERE id = ?1",
    "SELECT hub_id FROM activity_hub WHERE activity_id = ?1 ORDER BY hub_id" },
  { "network_event", "hubs",
    "INSERT INTO network_event_hub (network_event_id, hub_id) VALUES (?1, ?2)",
    "DELETE FROM network_event_hub WHERE network_event_id = ?1",
    "SELECT 1 FROM hub WHERE id = ?1",
    "SELECT hub_id FROM network_event_hub WHERE network_event_id = ?1 ORDER BY hub_id" },
  { "member", "axes",
    "INSERT INTO member_axis (member_id, axis) VALUES (?1, ?2)",
    "DELETE FROM member_axis WHERE member_id = ?1",
    "SELECT 1 FROM pact_axis WHERE code = ?1",
    "SELECT axis FROM member_axis WHERE member_id = ?1 ORDER BY axis" },
  { "member", "regions",
    "INSERT INTO member_region (member_id, region) VALUES (?1, ?2)",
    "DELETE FROM member_region WHERE member_id = ?1",
    "SELECT 1 FROM region WHERE code = ?1",
    "SELECT region FROM member_region WHERE member_id = ?1 ORDER BY region" },
  { "member", "languages",
    "INSERT INTO member_language (member_id, language) VALUES (?1, ?2)",
    "DELETE FROM member_language WHERE member_id = ?1",
    "SELECT 1 WHERE ?1 IN ('en', 'fr', 'es')",
    "SELECT language FROM member_language WHERE member_id = ?1 ORDER BY language" },
};

/**
 * l4a_records_is_link_set:
 *
 * Returns: whether the member @member of a record is a list whose order
 *   means nothing (goals, councils, related hubs, other ids)
 */
gboolean
l4a_records_is_link_set (const char *member)
{
  if (g_strv_contains ((const char *[]) { "sdgs", "councils", "related", NULL }, member))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (id_links); i++)
    if (g_str_equal (id_links[i].member, member))
      return TRUE;
  return FALSE;
}

/* The link rows of a record: goals, councils, scores, lists of ids;
 * related hubs wait until every hub of the batch exists. */

/* A copy of @node that shares nothing with it: what the writer keeps
 * past a record's writing must not share JSON-GLib's counts of references
 * (not atomic) with a record another thread may be freeing
 * (l4a_bundle_reader_recycle_in_thread()). */
static JsonNode *
copy_deep (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autoptr(JsonArray) out = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (out, copy_deep (json_array_get_element (array, i)));
        return json_node_init_array (copy, out);
      }
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) out = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          json_object_set_member (out, name, copy_deep (member));
        return json_node_init_object (copy, out);
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return json_node_init_string (copy, json_node_get_string (node));
        case G_TYPE_INT64:
          return json_node_init_int (copy, json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return json_node_init_double (copy, json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (copy, json_node_get_boolean (node));
        default:
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return json_node_init_null (copy);
}
static gboolean
write_links (L4aRecordWriter *self,
             const TableInfo *info,
             JsonObject      *object,
             const char      *id,
             gboolean         replace,
             RecordName      *record,
             GError         **error)
{
  L4aStore *store = self->store;

  if (json_object_has_member (object, "sdgs"))
    {
      JsonNode *sdgs = json_object_get_member (object, "sdgs");
      g_autofree char *sql = NULL;

      if (replace)
        {
          g_autofree char *clear = g_strdup_printf ("DELETE FROM %s_sdg WHERE %s_id = ?1", info->table, info->table);

          if (!l4a_records_run (store, clear, id, error))
            return FALSE;
        }
      /* an empty list adds nothing */
      if (JSON_NODE_HOLDS_ARRAY (sdgs) && json_array_get_length (json_node_get_array (sdgs)) == 0)
        sdgs = NULL;
      if (sdgs != NULL)
        sql = g_strdup_printf ("INSERT INTO %s_sdg (%s_id, goal) VALUES (?1, ?2)", info->table, info->table);
      if (sdgs != NULL && !write_link_rows (store, sql, NULL, id, sdgs, TRUE, record, "sdgs", error))
        return FALSE;
    }

  if (json_object_has_member (object, "councils"))
    {
      if (replace && !l4a_records_run (store, "DELETE FROM hub_council WHERE hub_id = ?1", id, error))
        return FALSE;
      if (!write_link_rows (store, "INSERT INTO hub_council (hub_id, council) VALUES (?1, ?2)",
                            "SELECT 1 FROM policy_council WHERE code = ?1", id,
                            json_object_get_member (object, "councils"), FALSE, record, "councils", error))
        return FALSE;
    }

  if (json_object_has_member (object, "scores"))
    {
      if (replace && !l4a_records_run (store, "DELETE FROM review_score WHERE review_id = ?1", id, error))
        return FALSE;
      if (!write_scores (store, id, json_object_get_member (object, "scores"), record, error))
        return FALSE;
    }

  if (json_object_has_member (object, "related"))
    {
      if (replace && !l4a_records_run (store, "DELETE FROM hub_relation WHERE hub_id = ?1", id, error))
        return FALSE;
      /* what the links need, not the whole hub: a large import keeps
       * every hub with related hubs until its end */
      JsonObject *links = json_object_new ();

      for (guint i = 0; i < 3; i++)
        {
          const char *member = (const char *[]) { "id", "name", "related" }[i];
          JsonNode *value = json_object_get_member (object, member);

          if (value != NULL)
            json_object_set_member (links, member, copy_deep (value));
        }
      g_ptr_array_add (self->related, links);
    }

  for (guint i = 0; i < G_N_ELEMENTS (id_links); i++)
    {
      JsonNode *list;

      if (!g_str_equal (id_links[i].table, info->table) || !json_object_has_member (object, id_links[i].member))
        continue;
      list = json_object_get_member (object, id_links[i].member);
      if (replace && !l4a_records_run (store, id_links[i].clear, id, error))
        return FALSE;
      if (!write_link_rows (store, id_links[i].insert, id_links[i].check, id, list, FALSE, record,
                            id_links[i].member, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * l4a_records_run:
 * @sql: a statement of the code with one text parameter
 *
 * Runs @sql with @value bound to its parameter.
 */
gboolean
l4a_records_run (L4aStore    *store,
                 const char  *sql,
                 const char  *value,
                 GError     **error)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  return l4a_store_step_done (store, stmt, NULL, error);
}

/* The statement that writes @members (in their order) of a record of
 * @shape's table; a record layout makes it once. */
static char *
statement_text (TableShape *shape,
                GPtrArray  *members,
                gboolean    update,
                gboolean    data,
                gboolean    bump_revision)
{
  const char *table = shape->info->table;
  const char *key_column, *key_second;
  GString *sql, *params;

  l4a_records_key (table, &key_column, &key_second);
  sql = g_string_new (NULL);
  if (update)
    {
      g_string_append_printf (sql, "UPDATE %s SET ", table);
      for (guint i = 0; i < members->len; i++)
        g_string_append_printf (sql, "%s%s = ?%u", i ? ", " : "", (const char *) g_ptr_array_index (members, i), i + 1);
      if (bump_revision)
        g_string_append_printf (sql, "%srevision = revision + 1", members->len ? ", " : "");
      else if (members->len == 0)
        g_string_append_printf (sql, "%s = %s", key_column, key_column);
      g_string_append_printf (sql, " WHERE %s = ?%u", key_column, members->len + 1);
      if (key_second != NULL)
        g_string_append_printf (sql, " AND %s = ?%u", key_second, members->len + 2);
    }
  else
    {
      params = g_string_new (NULL);
      g_string_append_printf (sql, "INSERT INTO %s (", table);
      for (guint i = 0; i < members->len; i++)
        {
          g_string_append_printf (sql, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (members, i));
          g_string_append_printf (params, "%s?%u", i ? ", " : "", i + 1);
        }
      if (data)
        {
          g_string_append (sql, ", data");
          g_string_append_printf (params, ", ?%u", members->len + 1);
        }
      g_string_append_printf (sql, ") VALUES (%s)", params->str);
      g_string_free (params, TRUE);
    }
  return g_string_free (sql, FALSE);
}

/* The layout of the record whose members are in self->names, checked:
 * every member a field of the table; the shape's last one when it fits. */
/* Whether @layout was made for records of the members @names, in that
 * order. */
static gboolean
layout_fits (const Layout *layout,
             GPtrArray    *names)
{
  if (layout == NULL || layout->names->len != names->len)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (!g_str_equal (g_ptr_array_index (layout->names, i), g_ptr_array_index (names, i)))
      return FALSE;
  return TRUE;
}

static Layout *
layout_of (L4aRecordWriter *self,
           TableShape      *shape,
           RecordName      *record,
           gboolean         update,
           gboolean         data,
           GError         **error)
{
  const TableInfo *info = shape->info;
  Layout *layout = shape->layouts[update ? 1 : 0];
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *sql = NULL;
  const char *key_column, *key_second;
  gboolean bump_revision = FALSE;

  if (layout_fits (layout, self->names))
    return layout;

  l4a_records_key (info->table, &key_column, &key_second);
  layout = g_new0 (Layout, 1);
  layout->names = g_ptr_array_new_with_free_func (g_free);
  layout->params = g_array_new (FALSE, FALSE, sizeof (int));
  layout->id_index = layout->key_index = layout->second_index = -1;
  members = g_ptr_array_new ();

  for (guint i = 0; i < self->names->len; i++)
    {
      const char *member = g_ptr_array_index (self->names, i);
      int index = (int) i;

      g_ptr_array_add (layout->names, g_strdup (member));
      if (g_str_equal (member, "id"))
        layout->id_index = index;
      if (table_has_link (info, member))
        {
          layout->has_links = TRUE;
          continue;
        }
      /* "num" is this database's own row number, never carried */
      if (!g_hash_table_contains (shape->column_set, member) || g_str_equal (member, "num"))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: %s are a record and a field name */
                       _("%s: there is no field “%s” in this kind of record."), record_name (record), member);
          layout_free (layout);
          return NULL;
        }
      if (g_str_equal (member, key_column))
        layout->key_index = index;
      if (g_strcmp0 (member, key_second) == 0)
        layout->second_index = index;
      if (update && (g_str_equal (member, key_column) || g_strcmp0 (member, key_second) == 0))
        continue;
      /* Bookkeeping is what happened here, never what a file says (below):
       * a member the file gives is checked as a field of the table, and
       * left out. The revision a new record comes with is kept, within
       * its range: it is what later bundles of it are compared with. */
      if (self->derive && l4a_records_is_bookkeeping (member) && !(!update && g_str_equal (member, "revision")))
        continue;
      /* whether a record is sample data is what happened here (the sample
       * loader), never what a file says */
      if (g_str_equal (member, "sample"))
        index = -1 - 4;
      g_ptr_array_add (members, (gpointer) member);
      g_array_append_val (layout->params, index);
    }

  for (int b = 0; bookkeeping[b] != NULL; b++)
    {
      gboolean given = FALSE;
      int code = -1 - b;

      if (!g_hash_table_contains (shape->column_set, bookkeeping[b]) || (update && !self->derive))
        continue;
      if (update)
        {
          /* an update changes when, and makes a new revision; where and
           * when the record was made, and whether it is sample data,
           * stay */
          if (g_str_equal (bookkeeping[b], "updated_at"))
            {
              g_ptr_array_add (members, (gpointer) bookkeeping[b]);
              g_array_append_val (layout->params, code);
            }
          bump_revision |= g_str_equal (bookkeeping[b], "revision");
          continue;
        }
      for (guint i = 0; i < members->len && !given; i++)
        given = g_str_equal (g_ptr_array_index (members, i), bookkeeping[b]);
      if (!given)
        {
          g_ptr_array_add (members, (gpointer) bookkeeping[b]);
          g_array_append_val (layout->params, code);
        }
    }

  sql = statement_text (shape, members, update, data, bump_revision);
  layout->stmt = l4a_store_prepare_cached (self->store, sql, error);
  if (layout->stmt == NULL)
    {
      layout_free (layout);
      return NULL;
    }
  layout_free (shape->layouts[update ? 1 : 0]);
  shape->layouts[update ? 1 : 0] = layout;
  return layout;
}

/* The members of @object into self->names and self->nodes, in the order
 * of its table of members (the same for records of the same members, and
 * without looking each one up, as reading them in their order does). */
static void
read_members (L4aRecordWriter *self,
              JsonObject      *object)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->nodes, 0);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      g_ptr_array_add (self->names, (gpointer) member);
      g_ptr_array_add (self->nodes, value);
    }
}

/* Binds the parameters of @layout for the record whose members are in
 * self->names and self->nodes, from parameter @first on. */
static gboolean
bind_layout (L4aRecordWriter *self,
             Layout          *layout,
             sqlite3_stmt    *stmt,
             int              first,
             RecordName      *record,
             GError         **error)
{
  for (guint i = 0; i < layout->params->len; i++)
    {
      int from = g_array_index (layout->params, int, i);
      int param = first + (int) i;

      if (from >= 0)
        {
          if (!bind_value (stmt, param, g_ptr_array_index (self->nodes, from), record,
                           g_ptr_array_index (self->names, from), error))
            return FALSE;
          continue;
        }
      switch (-1 - from)
        {
        case 0:  /* created_at */
        case 1:  /* updated_at */
          sqlite3_bind_text (stmt, param, self->now, -1, SQLITE_STATIC);
          break;
        case 2:  /* origin: where the records came from */
          sqlite3_bind_text (stmt, param, self->origin ? self->origin : l4a_store_get_installation_id (self->store),
                             -1, SQLITE_STATIC);
          break;
        case 3:  /* revision */
          sqlite3_bind_int (stmt, param, 1);
          break;
        case 4:  /* sample */
        default:
          sqlite3_bind_int (stmt, param, self->sample ? 1 : 0);
          break;
        }
    }
  return TRUE;
}

/* Steps @stmt, which writes @record; a refusal is named with the record,
 * and a broken reference with its field and what it should name, rather
 * than as SQLite's anonymous "FOREIGN KEY constraint failed": looked for
 * only when SQLite refuses the row. */
static gboolean
step_record (L4aRecordWriter *self,
             TableShape      *shape,
             sqlite3_stmt    *stmt,
             RecordName      *record,
             GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      if (sqlite3_extended_errcode (sqlite3_db_handle (stmt)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_autofree char *message = g_strdup (sqlite3_errmsg (sqlite3_db_handle (stmt)));

          sqlite3_reset (stmt);
          if (!check_references (self, shape, record->object, record, error))
            return FALSE;
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONSTRAINT,
                       _("%s could not be saved: %s"), record_name (record), message);
          return FALSE;
        }
      l4a_store_set_sqlite_error (self->store, rc, record_name (record), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The @r-th record added and waiting. */
static RecordName
pending_record (L4aRecordWriter *self,
                guint            r)
{
  return (RecordName) { self->pending_shape->info, g_ptr_array_index (self->pending, r),
                        g_array_index (self->pending_index, guint, r), NULL };
}

/* Inserts the records added and waiting, one by one: what a statement of
 * many refused is then named, record by record. */
static gboolean
insert_pending_one_by_one (L4aRecordWriter *self,
                           GError         **error)
{
  for (guint r = 0; r < self->pending->len; r++)
    {
      RecordName record = pending_record (self, r);
      gboolean ok;

      read_members (self, record.object);
      sqlite3_reset (self->pending_layout->stmt);
      ok = bind_layout (self, self->pending_layout, self->pending_layout->stmt, 1, &record, error) &&
           step_record (self, self->pending_shape, self->pending_layout->stmt, &record, error);
      g_free (record.text);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Inserts the records added and waiting: a full batch (L4A_BATCH_ROWS of
 * them) in one statement, sharing a statement's work (its start, its checks
 * at the end); the rest, and a batch SQLite refuses (its statement undone),
 * one by one. */
static gboolean
flush_pending (L4aRecordWriter *self,
               GError         **error)
{
  Layout *layout = self->pending_layout;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (self->pending == NULL || self->pending->len == 0)
    return TRUE;

  if (self->pending->len == L4A_BATCH_ROWS)
    {
      if (layout->batch_sql == NULL)
        {
          /* the columns of the layout's own statement, its row many times */
          const char *single = sqlite3_sql (layout->stmt);
          g_autofree char *insert = g_strndup (single, strstr (single, ") VALUES (") - single + 1);

          layout->batch_sql = l4a_batch_sql (insert, layout->params->len, L4A_BATCH_ROWS, NULL);
        }
      stmt = l4a_store_prepare_cached (self->store, layout->batch_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_reset (stmt);
      for (guint r = 0; r < L4A_BATCH_ROWS && ok; r++)
        {
          RecordName record = pending_record (self, r);

          read_members (self, record.object);
          ok = bind_layout (self, layout, stmt, 1 + (int) (r * layout->params->len), &record, NULL);
          g_free (record.text);
        }
      if (ok)
        {
          int rc = sqlite3_step (stmt);

          sqlite3_reset (stmt);
          ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
        }
      sqlite3_clear_bindings (stmt);
      /* refused, or a value it could not take: the statement left nothing,
       * and each record in its order says what is wrong with the first */
      if (!ok)
        ok = insert_pending_one_by_one (self, error);
    }
  else
    ok = insert_pending_one_by_one (self, error);

  g_ptr_array_set_size (self->pending, 0);
  g_array_set_size (self->pending_index, 0);
  self->pending_shape = NULL;
  self->pending_layout = NULL;
  return ok;
}

/* One audit row per record, written many at a time. */
static gboolean
audit_record (L4aRecordWriter *self,
              TableShape      *shape,
              const char      *id,
              RecordName      *record,
              gboolean         update,
              GError         **error)
{
  if (!self->audit || !g_hash_table_contains (shape->column_set, "revision"))
    return TRUE;
  if (self->audit_rows == NULL)
    self->audit_rows = l4a_batch_new (self->store, "INSERT INTO audit (at, actor, action, record_type, "
                                                   "record_id, details)", 6, NULL);
  l4a_batch_text (self->audit_rows, self->now);
  l4a_batch_text (self->audit_rows, l4a_store_actor_string (self->store));
  l4a_batch_text (self->audit_rows, update ? "update" : "create");
  l4a_batch_text (self->audit_rows, shape->info->table);
  l4a_batch_text (self->audit_rows, id ? id : record_name (record));
  l4a_batch_text (self->audit_rows, self->details);
  return l4a_batch_end_row (self->audit_rows, error);
}

static gboolean
write_record_named (L4aRecordWriter *self,
                    TableShape      *shape,
                    RecordName      *record,
                    gboolean         update,
                    GError         **error)
{
  const TableInfo *info = shape->info;
  JsonObject *object = record->object;
  const char *id = NULL;
  Layout *layout;
  sqlite3_stmt *stmt;
  gboolean data = table_has_link (info, "data");

  read_members (self, object);

  /* what waits is written before anything else is, unless this record
   * joins it: added, and of the same layout */
  if (self->pending_layout != NULL &&
      (update || shape != self->pending_shape || !layout_fits (self->pending_layout, self->names)))
    {
      if (!flush_pending (self, error))
        return FALSE;
      read_members (self, object);
    }

  layout = layout_of (self, shape, record, update, data, error);
  if (layout == NULL)
    return FALSE;
  if (layout->id_index >= 0)
    {
      JsonNode *node = g_ptr_array_index (self->nodes, layout->id_index);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        id = json_node_get_string (node);
    }

  /* content-addressed: the same hash is the same content */
  if (update && data)
    return TRUE;

  /* a record added with nothing else to write waits for others like it */
  if (!update && !data && !layout->has_links)
    {
      if (self->pending == NULL)
        {
          self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
          self->pending_index = g_array_new (FALSE, FALSE, sizeof (guint));
        }
      self->pending_shape = shape;
      self->pending_layout = layout;
      g_ptr_array_add (self->pending, json_object_ref (object));
      g_array_append_val (self->pending_index, record->index);
      if (!audit_record (self, shape, id, record, FALSE, error))
        return FALSE;
      return self->pending->len < L4A_BATCH_ROWS || flush_pending (self, error);
    }

  stmt = layout->stmt;
  sqlite3_reset (stmt);
  if (!bind_layout (self, layout, stmt, 1, record, error))
    return FALSE;

  if (update)
    {
      const char *key_column, *key_second;

      l4a_records_key (info->table, &key_column, &key_second);
      if (layout->key_index < 0 || (key_second != NULL && layout->second_index < 0))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the field “%s” is missing."), record_name (record),
                       layout->key_index < 0 ? key_column : key_second);
          return FALSE;
        }
      if (!bind_value (stmt, layout->params->len + 1, g_ptr_array_index (self->nodes, layout->key_index), record,
                       key_column, error) ||
          (key_second != NULL &&
           !bind_value (stmt, layout->params->len + 2, g_ptr_array_index (self->nodes, layout->second_index), record,
                        key_second, error)))
        return FALSE;
    }
  else if (data && !bind_attachment_data (stmt, layout->params->len + 1, object, record, error))
    return FALSE;

  if (!step_record (self, shape, stmt, record, error))
    return FALSE;

  if (layout->has_links && !write_links (self, info, object, id, update, record, error))
    return FALSE;

  return audit_record (self, shape, id, record, update, error);
}

static gboolean
write_record (L4aRecordWriter *self,
              const TableInfo *info,
              JsonObject      *object,
              guint            index,
              gboolean         update,
              GError         **error)
{
  TableShape *shape = shape_of (self, info);
  RecordName record = { info, object, index, NULL };
  gboolean ok = write_record_named (self, shape, &record, update, error);

  g_free (record.text);
  return ok;
}

/**
 * l4a_record_writer_new:
 * @sample: whether new records are marked as sample data
 * @source: what the records come from, for the audit log
 *
 * A writer of records in the bundle's form, in the caller's transaction.
 * Records must come in the order of l4a_records_table_names(); call
 * l4a_record_writer_finish() after the last one.
 */
L4aRecordWriter *
l4a_record_writer_new (L4aStore   *store,
                       gboolean    sample,
                       const char *source)
{
  L4aRecordWriter *self = g_new0 (L4aRecordWriter, 1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  self->store = g_object_ref (store);
  self->sample = sample;
  self->now = l4a_now_iso8601 ();
  self->details = json_to_string (root, FALSE);
  self->shapes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_shape_free);
  self->related = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->audit = TRUE;
  self->names = g_ptr_array_new ();
  self->nodes = g_ptr_array_new ();
  return self;
}

/**
 * l4a_record_writer_holds_records:
 *
 * Returns: whether @self keeps references to records it was given (added
 *   records waiting to be written together)
 */
gboolean
l4a_record_writer_holds_records (L4aRecordWriter *self)
{
  return self->pending != NULL && self->pending->len > 0;
}

void
l4a_record_writer_free (L4aRecordWriter *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_free (self->now);
  g_free (self->details);
  g_free (self->origin);
  g_hash_table_unref (self->shapes);
  g_ptr_array_unref (self->related);
  g_clear_pointer (&self->search_triggers, g_ptr_array_unref);
  g_clear_pointer (&self->facet_schema, g_ptr_array_unref);
  g_clear_pointer (&self->audit_rows, l4a_batch_free);
  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->nodes);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_index, g_array_unref);
  g_free (self);
}

/**
 * l4a_record_writer_derive_bookkeeping:
 * @installation: the installation that sent the records
 *
 * Has the writer set the bookkeeping of each record from what happens, as
 * an import does, whatever the records say: a record added was made now,
 * comes from @installation and keeps the revision it came with; a record
 * updated was changed now, in a new revision of its own. By default (a
 * restore) the records' own bookkeeping is kept.
 */
void
l4a_record_writer_derive_bookkeeping (L4aRecordWriter *self,
                                      const char      *installation)
{
  self->derive = TRUE;
  g_free (self->origin);
  self->origin = g_strdup (installation);
}

/**
 * l4a_record_writer_set_trial:
 *
 * Whether what is written is a trial that the caller rolls back: its
 * records are not audited, and the search index and the registry's facets
 * set aside for a large batch are not made again (the rollback brings back
 * what was set aside; a trial only needs the records' own checks).
 */
void
l4a_record_writer_set_trial (L4aRecordWriter *self,
                             gboolean         trial)
{
  self->trial = trial;
  self->audit = !trial;
}

/**
 * l4a_record_writer_put:
 * @table: a table of l4a_records_table_names()
 * @index: the record's position in its list, to name it in messages
 * @update: %TRUE to overwrite the record with the same key, %FALSE to add it
 */
gboolean
l4a_record_writer_put (L4aRecordWriter *self,
                       const char      *table,
                       JsonObject      *object,
                       guint            index,
                       gboolean         update,
                       GError         **error)
{
  const TableInfo *info = table_info (table);

  if (info == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("There is no kind of record named “%s”."), table);
      return FALSE;
    }
  return write_record (self, info, object, index, update, error);
}

/* What was set aside (@aside: the SQL of its triggers and indexes), made
 * again: its tables filled by @fill, then its triggers and indexes. */
static gboolean
make_again (L4aRecordWriter  *self,
            GPtrArray       **aside,
            const char       *fill,
            GError          **error)
{
  g_autoptr(GPtrArray) schema = g_steal_pointer (aside);

  if (schema == NULL)
    return TRUE;
  if (!l4a_store_exec (self->store, fill, error))
    return FALSE;
  for (guint i = 0; i < schema->len; i++)
    if (!l4a_store_exec (self->store, g_ptr_array_index (schema, i), error))
      return FALSE;
  return TRUE;
}

/* Links related hubs, once every hub of the batch exists. */
gboolean
l4a_record_writer_finish (L4aRecordWriter *self,
                          GError         **error)
{
  if (!flush_pending (self, error))
    return FALSE;
  for (guint i = 0; i < self->related->len; i++)
    {
      JsonObject *hub = g_ptr_array_index (self->related, i);
      RecordName record = { table_info ("hub"), hub, i, NULL };
      gboolean ok = write_link_rows (self->store, "INSERT INTO hub_relation (hub_id, related_id) VALUES (?1, ?2)",
                                     "SELECT 1 FROM hub WHERE id = ?1",
                                     json_object_get_string_member_with_default (hub, "id", NULL),
                                     json_object_get_member (hub, "related"), FALSE, &record, "related", error);

      g_free (record.text);
      if (!ok)
        return FALSE;
    }
  g_ptr_array_set_size (self->related, 0);

  if (self->audit_rows != NULL && !l4a_batch_flush (self->audit_rows, error))
    return FALSE;

  if (self->trial)
    return TRUE;

  /* the whole search index, once, from the records as they now are */
  if (!make_again (self, &self->search_triggers,
                   "DELETE FROM hub_fts;"
                   "INSERT INTO hub_fts (rowid, name, summary, topic, government, country, partners) "
                   "SELECT * FROM hub_search_source;"
                   "DELETE FROM proposal_fts;"
                   "INSERT INTO proposal_fts (rowid, title, summary, topic, government, country, partners) "
                   "SELECT * FROM proposal_search_source;"
                   "DELETE FROM government_num WHERE id NOT IN (SELECT id FROM government);"
                   "INSERT INTO government_num (id) "
                   "SELECT id FROM government WHERE id NOT IN (SELECT id FROM government_num);"
                   "DELETE FROM government_fts;"
                   "INSERT INTO government_fts (rowid, name, country) "
                   "SELECT * FROM government_search_source;", error))
    return FALSE;
  /* every hub's facets, once, then their indexes sorted in one pass each:
   * what the triggers would have written hub by hub, with the sort keys
   * they leave to this connection (l4a-store.c) */
  return make_again (self, &self->facet_schema,
                     "DELETE FROM hub_facet;"
                     "INSERT INTO hub_facet (num, government_id, name, name_key, government_key, region, "
                     "country, pact_axis, status, format, start_on, end_on, sdgs, councils) "
                     "SELECT h.num, h.government_id, h.name, l4a_fold (h.name), l4a_fold (g.name), g.region, "
                     "g.country, h.pact_axis, h.status, h.format, h.start_on, h.end_on, "
                     "coalesce ((SELECT sum (1 << s.goal) FROM hub_sdg s WHERE s.hub_id = h.id), 0), "
                     "coalesce ((SELECT sum (1 << p.position) FROM hub_council c "
                     "JOIN policy_council p ON p.code = c.council WHERE c.hub_id = h.id), 0) "
                     "FROM hub h LEFT JOIN government g ON g.id = h.government_id", error);
}

/**
 * l4a_records_is_searchable:
 *
 * Returns: whether records of @table feed the search index (hubs and
 *   proposals, and the partners and governments named in it)
 */
gboolean
l4a_records_is_searchable (const char *table)
{
  return g_strv_contains ((const char *[]) { "hub", "proposal", "partner", "government", NULL }, table);
}

/* Drops the triggers and indexes of the schema that @where picks, in the
 * caller's transaction (a rollback brings them back). Returns their SQL,
 * to make them again with. */
static GPtrArray *
set_aside (L4aRecordWriter *self,
           const char      *where,
           GError         **error)
{
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (sqlite3_free);
  g_autofree char *query = g_strdup_printf ("SELECT type, name, sql FROM sqlite_schema WHERE %s ORDER BY name", where);
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (self->store, query, error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* names from the schema itself, quoted whatever they hold */
      g_ptr_array_add (drops, sqlite3_mprintf ("DROP %s \"%w\"",
                                               g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "index")
                                               ? "INDEX" : "TRIGGER",
                                               (const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (sql, l4a_store_column_dup (stmt, 2));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < drops->len; i++)
    if (!l4a_store_exec (self->store, g_ptr_array_index (drops, i), error))
      return NULL;
  return g_steal_pointer (&sql);
}

/**
 * l4a_record_writer_expect:
 * @n_searchable: how many hubs, proposals, partners and governments the
 *   writer is about to write
 *
 * Tells the writer what is coming. When that is a large part of what the
 * database holds, the search index is not kept up to date record by record
 * (SQLite's full-text index writes itself out after every statement) but
 * made again, once, by l4a_record_writer_finish(): its triggers are set
 * aside until then, in the caller's transaction, so that a rollback brings
 * them back. So are the registry's facets (hub_facet): written by triggers
 * into twelve indexes, a hub at a time, they cost a hub written alone (a
 * statement of its own, journalled page by page) several times what all
 * of them cost made again at the end, indexes sorted once.
 */
gboolean
l4a_record_writer_expect (L4aRecordWriter *self,
                          guint            n_searchable,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 indexed = 0;

  if (n_searchable < 1000 || self->search_triggers != NULL)
    return TRUE;
  stmt = l4a_store_prepare (self->store, "SELECT (SELECT count (*) FROM hub) + (SELECT count (*) FROM proposal)",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    indexed = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* remaking the index costs what it holds: worth it only for a large part */
  if ((gint64) n_searchable * 4 < indexed)
    return TRUE;

  self->search_triggers = set_aside (self, "type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'", error);
  if (self->search_triggers == NULL)
    return FALSE;
  self->facet_schema = set_aside (self, "(type = 'trigger' AND name LIKE 'hub\\_facet\\_%' ESCAPE '\\') OR "
                                        "(type = 'index' AND tbl_name = 'hub_facet' AND sql IS NOT NULL)", error);
  if (self->facet_schema == NULL)
    return FALSE;
  if (self->facet_schema->len == 0)
    g_clear_pointer (&self->facet_schema, g_ptr_array_unref);
  return TRUE;
}

/**
 * l4a_records_insert:
 * @records: records grouped by table name
 * @sample: whether to mark them as sample data
 * @source: what the records come from, for the audit log
 * @counts: (nullable): table name → number of records inserted
 *
 * Inserts new records in the caller's transaction. On error, the caller
 * rolls back.
 */
gboolean
l4a_records_insert (L4aStore    *store,
                    JsonObject  *records,
                    gboolean     sample,
                    const char  *source,
                    GHashTable  *counts,
                    GError     **error)
{
  g_autoptr(GList) groups = l4a_json_members (records);
  g_autoptr(L4aRecordWriter) writer = l4a_record_writer_new (store, sample, source);

  for (GList *l = groups; l; l = l->next)
    if (table_info (l->data) == NULL)
      {
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                     _("There is no kind of record named “%s”."), (const char *) l->data);
        return FALSE;
      }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      JsonNode *node = json_object_get_member (records, tables[t].table);
      JsonArray *array;

      if (node == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("The records of kind “%s” must be a list."), tables[t].table);
          return FALSE;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           /* translators: %s is a kind of record, %u its position */
                           _("%s number %u is not an object."), _(tables[t].label), i + 1);
              return FALSE;
            }

          if (!write_record (writer, &tables[t], json_node_get_object (element), i, FALSE, error))
            return FALSE;
        }

      if (counts)
        g_hash_table_insert (counts, (gpointer) tables[t].table,
                             GUINT_TO_POINTER (json_array_get_length (array)));
    }

  return l4a_record_writer_finish (writer, error);
}

/* How a record is found again: its id, its content hash, or the pair of
 * columns that make it unique. */
void
l4a_records_key (const char  *table,
                 const char **column,
                 const char **second)
{
  static const struct { const char *table, *column, *second; } keys[] = {
    { "attachment", "sha256", NULL },
    { "proposal_version", "proposal_id", "version" },
    { "hub_relation", "hub_id", "related_id" },
    { "reporting_schedule", "hub_id", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].table, table))
      {
        *column = keys[i].column;
        *second = keys[i].second;
        return;
      }
  *column = "id";
  *second = NULL;
}

/**
 * l4a_records_describe:
 *
 * Returns: (transfer full): how a user calls @object, such as hub “Soria
 *   Rural Hub”
 */
char *
l4a_records_describe (const char *table,
                      JsonObject *object,
                      guint       index)
{
  const TableInfo *info = table_info (table);

  if (info == NULL)
    return g_strdup (table);
  return describe_record (info, object, index);
}

/**
 * l4a_records_label:
 *
 * Returns: (transfer none): the translated name of one record of @table
 */
const char *
l4a_records_label (const char *table)
{
  const TableInfo *info = table_info (table);

  return info ? _(info->label) : table;
}

/**
 * l4a_records_is_table:
 *
 * Returns: whether @table is a kind of record bundles carry
 */
gboolean
l4a_records_is_table (const char *table)
{
  return table != NULL && table_info (table) != NULL;
}

/**
 * l4a_records_title_column:
 *
 * Returns: (nullable): the column that names a record of @table to the
 *   user, or %NULL for a table not carried in bundles or whose records
 *   have no name of their own
 */
const char *
l4a_records_title_column (const char *table)
{
  const TableInfo *info = table != NULL ? table_info (table) : NULL;

  return info != NULL && !g_str_equal (info->title, "id") ? info->title : NULL;
}

static int
id_column (sqlite3_stmt *stmt)
{
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    if (g_str_equal (sqlite3_column_name (stmt, c), "id"))
      return c;
  return 0;
}

/* The nested lists l4a_records_insert() reads into link tables. */
/**
 * l4a_records_table_names:
 *
 * Returns: (transfer none): the tables a bundle carries, in the order
 *   l4a_records_insert() reads them, %NULL-terminated
 */
const char * const *
l4a_records_table_names (void)
{
  static const char *names[G_N_ELEMENTS (tables) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      names[i] = tables[i].table;
  return names;
}

/**
 * l4a_records_dump:
 * @table: a table of the schema (from the code, never from input)
 * @column: (nullable): the column to select on, or %NULL for every row
 * @value: the value it must have
 * @builder: a #JsonBuilder inside an array
 *
 * Adds the rows of @table whose @column is @value as JSON objects whose
 * members are the columns, in the form l4a_records_insert() reads: the
 * records a bundle would carry (see l4a_records_append_canonical()).
 * Integer keys used only inside this database ("num") are left out.
 */
gboolean
l4a_records_dump (L4aStore    *store,
                  const char  *table,
                  const char  *column,
                  const char  *value,
                  JsonBuilder *builder,
                  GError     **error)
{
  g_autofree char *where = column ? g_strdup_printf ("\"%s\" = ?1", column) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonArray *rows;

  if (!l4a_records_append_canonical (store, table, where, value, NULL, text, NULL, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text->str, (gssize) text->len, &parse_error))
    {
      /* what SQLite holds was not written as JSON: a bug, not the input */
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_SQL, _("Database error: %s"), parse_error->message);
      return FALSE;
    }
  rows = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    json_builder_add_value (builder, json_node_ref (json_array_get_element (rows, i)));
  return TRUE;
}

/* One member of the records of a table, in the canonical order. */
typedef struct
{
  const char *name;
  int         column;   /* or -1 for a link list */
  const char *sql;      /* the link list's query, ?1 the record's id */
  gboolean    blank;
} CanonicalMember;

static int
compare_canonical_members (gconstpointer a,
                           gconstpointer b)
{
  return strcmp (((const CanonicalMember *) a)->name, ((const CanonicalMember *) b)->name);
}

/* A real as the canonical serialization writes it; JSON has no infinity
 * (SQLite keeps one, and no negative zero). */
static void
append_real (GString *out,
             double   value)
{
  if (!isfinite (value))
    g_string_append (out, "null");
  else
    l4a_canonical_append_double (out, value);
}

static gboolean
append_link (L4aStore              *store,
             const CanonicalMember *member,
             const char            *id,
             GString               *out,
             GError               **error)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, member->sql, error);
  gboolean scores = g_str_equal (member->name, "scores");
  gboolean first = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_string_append_c (out, scores ? '{' : '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      if (scores)
        {
          /* criteria come in byte order, as canonical members do */
          l4a_canonical_append_string (out, (const char *) sqlite3_column_text (stmt, 0));
          g_string_append_c (out, ':');
          append_real (out, sqlite3_column_double (stmt, 1));
        }
      else if (sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        l4a_canonical_append_int (out, sqlite3_column_int64 (stmt, 0));
      else
        l4a_canonical_append_string (out, (const char *) sqlite3_column_text (stmt, 0));
    }
  g_string_append_c (out, scores ? '}' : ']');
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * l4a_records_append_canonical:
 * @table: a table of the schema (from the code, never from input)
 * @where: (nullable): an SQL condition of the code, with at most one
 *   parameter ?1, or %NULL for every row
 * @value: (nullable): the text bound to ?1
 * @blank: (nullable): columns whose content is left out, as in
 *   l4a_records_dump_where()
 * @out: where the list is appended
 * @n_rows: (out) (optional): incremented by the number of rows added
 *
 * Appends the rows of @table that meet @where as a JSON list in the
 * canonical serialization of bundles (members in byte order, see
 * docs/bundle-format.md), with the same members as
 * l4a_records_dump_where() gives, straight from SQLite: what an export of
 * many records writes, and hashes, without building a tree.
 */
gboolean
l4a_records_append_canonical (L4aStore           *store,
                              const char         *table,
                              const char         *where,
                              const char         *value,
                              const char * const *blank,
                              GString            *out,
                              guint              *n_rows,
                              GError            **error)
{
  static const struct { const char *table, *name, *sql; } links[] = {
    { "proposal", "sdgs", "SELECT goal FROM proposal_sdg WHERE proposal_id = ?1 ORDER BY goal" },
    { "hub", "sdgs", "SELECT goal FROM hub_sdg WHERE hub_id = ?1 ORDER BY goal" },
    { "hub", "councils", "SELECT council FROM hub_council WHERE hub_id = ?1 ORDER BY council" },
    { "hub", "related", "SELECT related_id FROM hub_relation WHERE hub_id = ?1 ORDER BY related_id" },
    { "activity", "sdgs", "SELECT goal FROM activity_sdg WHERE activity_id = ?1 ORDER BY goal" },
    { "member", "sdgs", "SELECT goal FROM member_sdg WHERE member_id = ?1 ORDER BY goal" },
    { "review", "scores", "SELECT criterion_id, score FROM review_score WHERE review_id = ?1 "
                          "ORDER BY criterion_id" },
  };
  g_autofree char *sql = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (CanonicalMember));
  /* the columns' names, copied: SQLite frees its own when the cached
   * statement is prepared again at its first step (the schema changed:
   * a large import sets triggers and indexes aside) */
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean first = TRUE;
  sqlite3_stmt *stmt;
  int rc, id;

  g_return_val_if_fail (table_info (table) != NULL, FALSE);

  sql = g_strdup_printf ("SELECT * FROM \"%s\"%s%s ORDER BY rowid", table, where ? " WHERE " : "",
                         where ? where : "");
  stmt = l4a_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);

  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      char *name = g_strdup (sqlite3_column_name (stmt, c));
      CanonicalMember member = { name, c, NULL, blank != NULL && g_strv_contains (blank, name) };

      g_ptr_array_add (names, name);

      if (!g_str_equal (name, "num"))
        g_array_append_val (members, member);
    }
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (g_str_equal (links[i].table, table))
      {
        CanonicalMember member = { links[i].name, -1, links[i].sql, FALSE };

        g_array_append_val (members, member);
      }
  for (guint i = 0; i < G_N_ELEMENTS (id_links); i++)
    if (g_str_equal (id_links[i].table, table))
      {
        CanonicalMember member = { id_links[i].member, -1, id_links[i].select, FALSE };

        g_array_append_val (members, member);
      }
  g_array_sort (members, compare_canonical_members);
  id = id_column (stmt);

  g_string_append_c (out, '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *record_id = (const char *) sqlite3_column_text (stmt, id);
      gboolean first_member = TRUE;

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append_c (out, '{');
      for (guint m = 0; m < members->len; m++)
        {
          const CanonicalMember *member = &g_array_index (members, CanonicalMember, m);
          int c = member->column;

          /* a record without an id has no link lists */
          if (c < 0 && record_id == NULL)
            continue;
          if (!first_member)
            g_string_append_c (out, ',');
          first_member = FALSE;
          l4a_canonical_append_string (out, member->name);
          g_string_append_c (out, ':');
          if (c < 0)
            {
              if (!append_link (store, member, record_id, out, error))
                {
                  sqlite3_reset (stmt);
                  return FALSE;
                }
              continue;
            }
          if (member->blank)
            {
              g_string_append (out, g_str_has_suffix (member->name, "_id") ? "null" : "\"\"");
              continue;
            }
          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_INTEGER:
              l4a_canonical_append_int (out, sqlite3_column_int64 (stmt, c));
              break;
            case SQLITE_FLOAT:
              append_real (out, sqlite3_column_double (stmt, c));
              break;
            case SQLITE_TEXT:
              l4a_canonical_append_string (out, (const char *) sqlite3_column_text (stmt, c));
              break;
            case SQLITE_BLOB:
              {
                g_autofree char *encoded = g_base64_encode (sqlite3_column_blob (stmt, c),
                                                            (gsize) sqlite3_column_bytes (stmt, c));

                l4a_canonical_append_string (out, encoded);
              }
              break;
            case SQLITE_NULL:
            default:
              g_string_append (out, "null");
              break;
            }
        }
      g_string_append_c (out, '}');
      if (n_rows != NULL)
        (*n_rows)++;
    }
  g_string_append_c (out, ']');
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}
