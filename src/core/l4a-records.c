/* l4a-records.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-records.h"
#include "l4a-reference.h"
#include "l4a-store-private.h"

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
  const char *links[3];
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
  { "activity", N_("activity"), "title", { NULL } },
  { "partner", N_("partner"), "name", { NULL } },
  { "deliverable", N_("deliverable"), "title", { NULL } },
  { "indicator", N_("indicator"), "name", { NULL } },
  { "measurement", N_("measurement"), "measured_on", { NULL } },
  { "member", N_("member"), "name", { NULL } },
  { "conflict", N_("conflict"), "id", { NULL } },
  { "assignment", N_("assignment"), "id", { NULL } },
  { "review", N_("review"), "id", { "scores" } },
  { "decision", N_("decision"), "id", { NULL } },
  { "brand_asset", N_("brand asset"), "name", { NULL } },
  { "brand_colour", N_("brand colour"), "name", { NULL } },
};

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

static gboolean
has_column (GPtrArray  *columns,
            const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return TRUE;
  return FALSE;
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

static gboolean
bind_value (sqlite3_stmt *stmt,
            int           index,
            JsonNode     *node,
            const char   *record,
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
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
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
               record, field);
  return FALSE;
}

/* Checks every foreign key of @object before the insert, so that a broken
 * reference is reported with its field and what it should name, rather
 * than as SQLite's anonymous "FOREIGN KEY constraint failed". */
static gboolean
check_references (L4aStore        *store,
                  const TableInfo *info,
                  JsonObject      *object,
                  const char      *record,
                  GError         **error)
{
  g_autoptr(sqlite3_stmt) keys = NULL;

  keys = l4a_store_prepare (store, "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list (?1)", error);
  if (keys == NULL)
    return FALSE;
  sqlite3_bind_text (keys, 1, info->table, -1, SQLITE_STATIC);

  while (sqlite3_step (keys) == SQLITE_ROW)
    {
      const char *parent = (const char *) sqlite3_column_text (keys, 0);
      const char *column = (const char *) sqlite3_column_text (keys, 1);
      const char *parent_column = (const char *) sqlite3_column_text (keys, 2);
      JsonNode *node = json_object_get_member (object, column);
      g_autoptr(sqlite3_stmt) exists = NULL;
      g_autofree char *sql = NULL;
      const TableInfo *parent_info;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;  /* bind_value() reports the type */

      /* Names from the schema itself, never from the input. */
      sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1", parent,
                             parent_column ? parent_column : "id");
      exists = l4a_store_prepare (store, sql, error);
      if (exists == NULL)
        return FALSE;
      if (!bind_value (exists, 1, node, record, column, error))
        return FALSE;
      if (sqlite3_step (exists) == SQLITE_ROW)
        continue;

      parent_info = table_info (parent);
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a record, a field, then a kind of record, e.g. hub “X”: the field “government_id” names no government in the database or the file */
                   _("%s: the field “%s” names no %s in the database or the file."),
                   record, column, parent_info ? _(parent_info->label) : parent);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_link_rows (L4aStore    *store,
                  const char  *sql,
                  const char  *check_sql,
                  const char  *owner_id,
                  JsonNode    *node,
                  gboolean     integers,
                  const char  *record,
                  const char  *field,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the field “%s” must be a list."), record, field);
      return FALSE;
    }

  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

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
                       record, field);
          return FALSE;
        }

      if (integers && (json_node_get_int (element) < 1 || json_node_get_int (element) > L4A_N_SDGS))
        {
          g_autofree char *goal = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (element));

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: a record, a field, then a number */
                       _("%s: the field “%s” lists goal %s; the goals run from 1 to 17."),
                       record, field, goal);
          return FALSE;
        }
      if (!integers && check_sql != NULL)
        {
          g_autoptr(sqlite3_stmt) check = l4a_store_prepare (store, check_sql, error);

          if (check == NULL)
            return FALSE;
          sqlite3_bind_text (check, 1, json_node_get_string (element), -1, SQLITE_TRANSIENT);
          if (sqlite3_step (check) != SQLITE_ROW)
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           /* translators: a record, a field, then what the field gave */
                           _("%s: the field “%s” names “%s”, which does not exist."),
                           record, field, json_node_get_string (element));
              return FALSE;
            }
        }

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
      if (integers)
        sqlite3_bind_int64 (stmt, 2, json_node_get_int (element));
      else
        sqlite3_bind_text (stmt, 2, json_node_get_string (element), -1, SQLITE_TRANSIENT);
      if (!l4a_store_step_done (store, stmt, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_scores (L4aStore    *store,
               const char  *review_id,
               JsonNode    *node,
               const char  *record,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObjectIter iter;
  const char *criterion;
  JsonNode *score;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the field “%s” must map criteria to scores."), record, "scores");
      return FALSE;
    }

  stmt = l4a_store_prepare (store,
                            "INSERT INTO review_score (review_id, criterion_id, score) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &criterion, &score))
    {
      GType type = JSON_NODE_HOLDS_VALUE (score) ? json_node_get_value_type (score) : G_TYPE_INVALID;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the score for criterion “%s” must be a number."), record, criterion);
          return FALSE;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, review_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, criterion, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 3, json_node_get_double (score));
      if (!l4a_store_step_done (store, stmt, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_attachment_data (sqlite3_stmt *stmt,
                        int           index,
                        JsonObject   *object,
                        const char   *record,
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
                   _("%s: an attachment needs both “sha256” and “data”."), record);
      return FALSE;
    }

  bytes = g_base64_decode (encoded, &len);
  computed = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, len);
  if (g_ascii_strcasecmp (computed, sha256) != 0)
    {
      g_free (bytes);
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the content does not match its SHA-256 checksum."), record);
      return FALSE;
    }

  sqlite3_bind_blob64 (stmt, index, bytes, len, g_free);
  return TRUE;
}

static gboolean
insert_record (L4aStore        *store,
               const TableInfo *info,
               GPtrArray       *columns,
               JsonObject      *object,
               guint            index,
               gboolean         sample,
               const char      *now,
               const char      *details,
               GPtrArray       *related,
               GError         **error)
{
  g_autofree char *record = describe_record (info, object, index);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GList) keys = json_object_get_members (object);
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);
  static const char * const defaults[] = { "created_at", "updated_at", "origin", "revision", "sample" };
  int n = 0;

  for (GList *l = keys; l; l = l->next)
    {
      const char *member = l->data;

      if (table_has_link (info, member))
        continue;
      if (!has_column (columns, member))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: %s are a record and a field name */
                       _("%s: there is no field “%s” in this kind of record."), record, member);
          return FALSE;
        }
      g_ptr_array_add (members, (gpointer) member);
      g_string_append_printf (names, "%s%s", n ? ", " : "", member);
      g_string_append_printf (params, "%s?%d", n ? ", " : "", n + 1);
      n++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (has_column (columns, defaults[i]) && !json_object_has_member (object, defaults[i]))
      {
        g_ptr_array_add (members, (gpointer) defaults[i]);
        g_string_append_printf (names, "%s%s", n ? ", " : "", defaults[i]);
        g_string_append_printf (params, "%s?%d", n ? ", " : "", n + 1);
        n++;
      }

  if (table_has_link (info, "data"))
    {
      g_string_append_printf (names, ", data");
      g_string_append_printf (params, ", ?%d", n + 1);
    }

  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                            info->table, names->str, params->str);
    stmt = l4a_store_prepare (store, sql, error);
    if (stmt == NULL)
      return FALSE;
  }

  for (guint i = 0; i < members->len; i++)
    {
      const char *member = g_ptr_array_index (members, i);
      int param = (int) i + 1;

      if (json_object_has_member (object, member))
        {
          if (!bind_value (stmt, param, json_object_get_member (object, member), record, member, error))
            return FALSE;
        }
      else if (g_str_equal (member, "created_at") || g_str_equal (member, "updated_at"))
        sqlite3_bind_text (stmt, param, now, -1, SQLITE_STATIC);
      else if (g_str_equal (member, "origin"))
        sqlite3_bind_text (stmt, param, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
      else if (g_str_equal (member, "revision"))
        sqlite3_bind_int (stmt, param, 1);
      else if (g_str_equal (member, "sample"))
        sqlite3_bind_int (stmt, param, sample ? 1 : 0);
    }

  if (table_has_link (info, "data") &&
      !insert_attachment_data (stmt, n + 1, object, record, error))
    return FALSE;

  if (!check_references (store, info, object, record, error))
    return FALSE;

  if (!l4a_store_step_done (store, stmt, record, error))
    return FALSE;

  if (json_object_has_member (object, "sdgs"))
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_sdg (%s_id, goal) VALUES (?1, ?2)",
                                              info->table, info->table);
      if (!insert_link_rows (store, sql, NULL, id, json_object_get_member (object, "sdgs"), TRUE,
                             record, "sdgs", error))
        return FALSE;
    }

  if (json_object_has_member (object, "councils") &&
      !insert_link_rows (store, "INSERT INTO hub_council (hub_id, council) VALUES (?1, ?2)",
                         "SELECT 1 FROM policy_council WHERE code = ?1", id,
                         json_object_get_member (object, "councils"), FALSE, record, "councils", error))
    return FALSE;

  if (json_object_has_member (object, "scores") &&
      !insert_scores (store, id, json_object_get_member (object, "scores"), record, error))
    return FALSE;

  /* Related hubs may come later in the list: link them once all exist. */
  if (json_object_has_member (object, "related"))
    g_ptr_array_add (related, object);

  if (has_column (columns, "revision"))
    return l4a_store_audit (store, "create", info->table, id ? id : record, details, error);

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
  g_autoptr(GList) groups = json_object_get_members (records);
  g_autoptr(GPtrArray) related = g_ptr_array_new ();
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *details = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  details = json_to_string (root, FALSE);

  for (GList *l = groups; l; l = l->next)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        known |= g_str_equal (tables[i].table, l->data);

      if (!known)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("There is no kind of record named “%s”."), (const char *) l->data);
          return FALSE;
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GPtrArray) columns = NULL;
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

      columns = table_columns (store, tables[t].table);
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

          if (!insert_record (store, &tables[t], columns, json_node_get_object (element), i,
                              sample, now, details, related, error))
            return FALSE;
        }

      if (counts)
        g_hash_table_insert (counts, (gpointer) tables[t].table,
                             GUINT_TO_POINTER (json_array_get_length (array)));
    }

  for (guint i = 0; i < related->len; i++)
    {
      JsonObject *hub = g_ptr_array_index (related, i);
      g_autofree char *record = describe_record (table_info ("hub"), hub, i);

      if (!insert_link_rows (store, "INSERT INTO hub_relation (hub_id, related_id) VALUES (?1, ?2)",
                             "SELECT 1 FROM hub WHERE id = ?1",
                             json_object_get_string_member_with_default (hub, "id", NULL),
                             json_object_get_member (hub, "related"), FALSE, record, "related", error))
        return FALSE;
    }

  return TRUE;
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
static gboolean
dump_list (L4aStore    *store,
           const char  *member,
           const char  *sql,
           const char  *id,
           JsonBuilder *builder,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, error);
  gboolean scores = g_str_equal (member, "scores");
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  json_builder_set_member_name (builder, member);
  if (scores)
    json_builder_begin_object (builder);
  else
    json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (scores)
        {
          json_builder_set_member_name (builder, (const char *) sqlite3_column_text (stmt, 0));
          json_builder_add_double_value (builder, sqlite3_column_double (stmt, 1));
        }
      else if (sqlite3_column_type (stmt, 0) == SQLITE_INTEGER)
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  if (scores)
    json_builder_end_object (builder);
  else
    json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
dump_links (L4aStore    *store,
            const char  *table,
            const char  *id,
            JsonBuilder *builder,
            GError     **error)
{
  if (id == NULL)
    return TRUE;
  if (g_str_equal (table, "proposal"))
    return dump_list (store, "sdgs", "SELECT goal FROM proposal_sdg WHERE proposal_id = ?1 ORDER BY goal", id,
                      builder, error);
  if (g_str_equal (table, "hub"))
    return dump_list (store, "sdgs", "SELECT goal FROM hub_sdg WHERE hub_id = ?1 ORDER BY goal", id, builder, error) &&
           dump_list (store, "councils", "SELECT council FROM hub_council WHERE hub_id = ?1 ORDER BY council", id,
                      builder, error) &&
           dump_list (store, "related", "SELECT related_id FROM hub_relation WHERE hub_id = ?1 ORDER BY related_id",
                      id, builder, error);
  if (g_str_equal (table, "review"))
    return dump_list (store, "scores", "SELECT criterion_id, score FROM review_score WHERE review_id = ?1 "
                                       "ORDER BY criterion_id", id, builder, error);
  return TRUE;
}

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
 * members are the columns, in the form l4a_records_insert() reads.
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (table_info (table) != NULL || g_str_equal (table, "hub_relation"), FALSE);

  if (column != NULL)
    sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE \"%s\" = ?1", table, column);
  else
    sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (column != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *name = sqlite3_column_name (stmt, c);

          if (g_str_equal (name, "num"))
            continue;

          json_builder_set_member_name (builder, name);
          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, c));
              break;
            case SQLITE_FLOAT:
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, c));
              break;
            case SQLITE_TEXT:
              json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, c));
              break;
            case SQLITE_BLOB:
              {
                g_autofree char *encoded = g_base64_encode (sqlite3_column_blob (stmt, c),
                                                            (gsize) sqlite3_column_bytes (stmt, c));
                json_builder_add_string_value (builder, encoded);
              }
              break;
            case SQLITE_NULL:
            default:
              json_builder_add_null_value (builder);
              break;
            }
        }
      if (!dump_links (store, table, (const char *) sqlite3_column_text (stmt, id_column (stmt)), builder, error))
        return FALSE;
      json_builder_end_object (builder);
    }

  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }

  return TRUE;
}
