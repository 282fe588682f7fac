/* l4a-import.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What importing a checked bundle would do, record by record, without
 * writing anything: added, updated (theirs is at a later revision),
 * unchanged, left alone (ours is at a later revision), or in conflict
 * (both changed from the same revision), with the fields that differ.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-import.h"
#include "l4a-records.h"
#include "l4a-store-private.h"

const char *
l4a_import_action_to_string (L4aImportAction action)
{
  static const char * const names[] = { "add", "update", "same", "older", "conflict" };

  g_return_val_if_fail (action < L4A_IMPORT_N_ACTIONS, "same");
  return names[action];
}

static void
change_free (gpointer data)
{
  L4aImportChange *change = data;

  g_free (change->type);
  g_free (change->id);
  g_free (change->label);
  g_ptr_array_unref (change->fields);
  g_free (change);
}

void
l4a_import_plan_free (L4aImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->changes);
  g_free (plan);
}

/* How a record is found again: its id, its content hash, or the pair of
 * columns that make it unique. */
typedef struct
{
  const char *table;
  const char *column;   /* selects candidate rows */
  const char *second;   /* then must match too, or NULL */
} RecordKey;

static const RecordKey keys[] = {
  { "attachment", "sha256", NULL },
  { "proposal_version", "proposal_id", "version" },
  { "proposal_attachment", "proposal_id", "sha256" },
  { "hub_relation", "hub_id", "related_id" },
};

static const RecordKey *
key_of (const char *table)
{
  static RecordKey by_id = { NULL, "id", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].table, table))
      return &keys[i];
  return &by_id;
}

static char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return l4a_bundle_canonical (node);
}

static char *
label_of (JsonObject *object,
          const char *fallback)
{
  static const char * const names[] = { "title", "name", "label", "key", "measured_on" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (json_object_has_member (object, names[i]))
      {
        g_autofree char *text = member_text (object, names[i]);

        if (text != NULL && *text != '\0')
          return g_steal_pointer (&text);
      }
  return g_strdup (fallback ? fallback : "");
}

/* The row of @table that @theirs would meet, as the bundle would carry it. */
static JsonObject *
find_ours (L4aStore        *store,
           const char      *table,
           const RecordKey *key,
           JsonObject      *theirs,
           JsonNode       **holder,
           GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *value = member_text (theirs, key->column);
  g_autofree char *second = key->second ? member_text (theirs, key->second) : NULL;
  JsonArray *rows;

  *holder = NULL;
  if (value == NULL)
    return NULL;
  json_builder_begin_array (builder);
  if (!l4a_records_dump (store, table, key->column, value, builder, error))
    return NULL;
  json_builder_end_array (builder);
  *holder = json_builder_get_root (builder);
  rows = json_node_get_array (*holder);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *candidate = key->second ? member_text (row, key->second) : NULL;

      if (key->second == NULL || g_strcmp0 (candidate, second) == 0)
        return row;
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Link lists (goals, councils, related hubs) are sets: their order does
 * not make a change. */
static char *
canonical_value (const char *member,
                 JsonNode   *node)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      !g_strv_contains ((const char *[]) { "sdgs", "councils", "related", NULL }, member))
    return l4a_bundle_canonical (node);

  array = json_node_get_array (node);
  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, l4a_bundle_canonical (json_array_get_element (array, i)));
  g_ptr_array_sort (items, compare_strings);
  out = g_string_new ("[");
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", (const char *) g_ptr_array_index (items, i));
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
revision_of (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "revision");

  /* a record without one is at its first revision */
  return node && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : 1;
}

/**
 * l4a_import_plan:
 *
 * Works out, without writing anything, what importing @bundle would do.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
L4aImportPlan *
l4a_import_plan (L4aStore   *store,
                 L4aBundle  *bundle,
                 GError    **error)
{
  g_autoptr(L4aImportPlan) plan = g_new0 (L4aImportPlan, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *tables = l4a_records_table_names ();
  JsonObject *records;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (bundle != NULL, NULL);

  plan->changes = g_ptr_array_new_with_free_func (change_free);
  records = json_object_get_object_member (json_node_get_object (bundle->root), "records");

  stmt = l4a_store_prepare (store, "SELECT 1 FROM imported_bundle WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bundle->bundle_id, -1, SQLITE_STATIC);
  plan->already_imported = sqlite3_step (stmt) == SQLITE_ROW;

  for (guint t = 0; tables[t] != NULL; t++)
    {
      const RecordKey *key = key_of (tables[t]);
      JsonArray *array;

      if (!json_object_has_member (records, tables[t]))
        continue;
      array = json_object_get_array_member (records, tables[t]);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *theirs = json_array_get_object_element (array, i);
          g_autoptr(JsonNode) holder = NULL;
          g_autoptr(GError) local_error = NULL;
          L4aImportChange *change = g_new0 (L4aImportChange, 1);
          JsonObject *ours;

          change->type = g_strdup (tables[t]);
          change->id = member_text (theirs, key->column);
          change->label = label_of (theirs, change->id);
          change->fields = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (plan->changes, change);

          ours = find_ours (store, tables[t], key, theirs, &holder, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (ours == NULL)
            change->action = L4A_IMPORT_ADD;
          else
            {
              g_autoptr(GList) members = json_object_get_members (theirs);

              for (GList *l = members; l; l = l->next)
                {
                  JsonNode *a = json_object_get_member (theirs, l->data);
                  JsonNode *b = json_object_get_member (ours, l->data);
                  g_autofree char *ca = canonical_value (l->data, a);
                  g_autofree char *cb = b ? canonical_value (l->data, b) : NULL;

                  /* the sample flag is this database's own business */
                  if (g_str_equal (l->data, "sample"))
                    continue;
                  if (g_strcmp0 (ca, cb) != 0)
                    g_ptr_array_add (change->fields, g_strdup (l->data));
                }
              if (change->fields->len == 0)
                change->action = L4A_IMPORT_SAME;
              else if (revision_of (theirs) > revision_of (ours))
                change->action = L4A_IMPORT_UPDATE;
              else if (revision_of (theirs) < revision_of (ours))
                change->action = L4A_IMPORT_OLDER;
              else
                change->action = L4A_IMPORT_CONFLICT;
            }
          plan->counts[change->action]++;
        }
    }

  return g_steal_pointer (&plan);
}
