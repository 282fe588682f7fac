/* l4a-import.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a checked bundle: one importer for the window, the command
 * line and the inbox.
 *
 * 1. The rules of the bundle's kind and origin: what a local government, a
 *    board member or the secretariat may send. A record outside them
 *    refuses the whole bundle, naming the record and the reason.
 * 2. The plan, record by record: added, updated (changed there only),
 *    unchanged, left alone (changed here only, or not the sender's to
 *    change), or in conflict (changed on both sides since they last
 *    agreed), with the fields that differ. "Last agreed" is the hash of
 *    the record after the last import that carried it (sync_state); for a
 *    record never imported, revisions decide.
 * 3. A trial: the whole plan is written in a transaction that is rolled
 *    back, so that every check of the schema has spoken before the user
 *    sees the preview.
 * 4. Applying: the plan is worked out again inside the write transaction
 *    (the database may have changed since the preview), the user's
 *    resolutions are carried over, and everything is written, or nothing.
 * With no one to show a preview to (the command line, the sample), the
 * plan is worked out and written in one transaction, which is its own
 * trial: l4a_import_now(). A bundle of the secretariat, whose rules read
 * nothing of the database, is then written as it is planned, record by
 * record, from one reading of the file.
 */

#define G_LOG_DOMAIN "l4a-import"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "l4a-brand.h"
#include "l4a-call.h"
#include "l4a-import.h"
#include "l4a-labels.h"
#include "l4a-clarify.h"
#include "l4a-links.h"
#include "l4a-member.h"
#include "l4a-monitoring.h"
#include "l4a-reports.h"
#include "l4a-proposal-edit.h"
#include "l4a-records.h"
#include "l4a-rules.h"
#include "l4a-types.h"
#include "l4a-store-private.h"
#include "l4a-trust.h"

const char *
l4a_import_action_to_string (L4aImportAction action)
{
  static const char * const names[] = { "add", "update", "same", "older", "conflict" };

  g_return_val_if_fail (action < L4A_IMPORT_N_ACTIONS, "same");
  return names[action];
}

const char *
l4a_import_action_get_label (L4aImportAction action)
{
  static const char * const labels[] = {
    N_("New"), N_("Updated"), N_("Unchanged"), N_("Newer here"), N_("Conflict")
  };

  g_return_val_if_fail (action < L4A_IMPORT_N_ACTIONS, "");
  return _(labels[action]);
}

enum {
  CHANGE_PROP_0,
  CHANGE_TYPE,
  CHANGE_ID,
  CHANGE_LABEL,
  CHANGE_ACTION,
  CHANGE_RESOLUTION,
  N_CHANGE_PROPS
};

static GParamSpec *change_properties[N_CHANGE_PROPS];

G_DEFINE_FINAL_TYPE (L4aImportChange, l4a_import_change, G_TYPE_OBJECT)

static void
l4a_import_change_finalize (GObject *object)
{
  L4aImportChange *change = L4A_IMPORT_CHANGE (object);

  g_free (change->type);
  g_free (change->id);
  g_free (change->label);
  g_free (change->hash);
  g_clear_pointer (&change->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_import_change_parent_class)->finalize (object);
}

static void
l4a_import_change_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  L4aImportChange *change = L4A_IMPORT_CHANGE (object);

  switch (prop_id)
    {
    case CHANGE_TYPE:
      g_value_set_string (value, change->type);
      break;
    case CHANGE_ID:
      g_value_set_string (value, change->id);
      break;
    case CHANGE_LABEL:
      g_value_set_string (value, change->label);
      break;
    case CHANGE_ACTION:
      g_value_set_uint (value, change->action);
      break;
    case CHANGE_RESOLUTION:
      g_value_set_uint (value, change->resolution);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_import_change_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  L4aImportChange *change = L4A_IMPORT_CHANGE (object);

  /* only a conflict is resolved, one way or the other */
  if (prop_id == CHANGE_RESOLUTION && change->resolution != g_value_get_uint (value))
    {
      change->resolution = g_value_get_uint (value) == L4A_RESOLVE_THEIRS ? L4A_RESOLVE_THEIRS : L4A_RESOLVE_MINE;
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id != CHANGE_RESOLUTION)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_import_change_class_init (L4aImportChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = l4a_import_change_finalize;
  object_class->get_property = l4a_import_change_get_property;
  object_class->set_property = l4a_import_change_set_property;
  change_properties[CHANGE_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, read_only);
  change_properties[CHANGE_ID] = g_param_spec_string ("id", NULL, NULL, NULL, read_only);
  change_properties[CHANGE_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, read_only);
  /* an L4aImportAction */
  change_properties[CHANGE_ACTION] = g_param_spec_uint ("action", NULL, NULL, 0, L4A_IMPORT_N_ACTIONS - 1, 0,
                                                        read_only);
  /* an L4aImportResolution */
  change_properties[CHANGE_RESOLUTION] =
    g_param_spec_uint ("resolution", NULL, NULL, L4A_RESOLVE_MINE, L4A_RESOLVE_THEIRS, L4A_RESOLVE_MINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_CHANGE_PROPS, change_properties);
}

static void
l4a_import_change_init (L4aImportChange *change)
{
}

void
l4a_import_plan_free (L4aImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->changes);
  g_free (plan);
}

void
l4a_import_plan_resolve_all (L4aImportPlan       *plan,
                             L4aImportResolution  resolution)
{
  g_return_if_fail (plan != NULL);

  for (guint i = 0; i < plan->changes->len; i++)
    ((L4aImportChange *) g_ptr_array_index (plan->changes, i))->resolution = resolution;
}

static char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return l4a_bundle_canonical (node);
}


/* ---------------------------------------------------------------------------
 * The rules of each kind and origin
 */

typedef enum
{
  RULE_REFUSED,
  RULE_OK,
  RULE_ADD_ONLY,   /* may be added, never changes what is here */
} Rule;

typedef struct
{
  L4aStore   *store;
  L4aBundle  *bundle;
  const char *actor;
  GHashTable *proposals;     /* ids of the bundle's proposals */
  GHashTable *indicators;    /* ids of the bundle's indicators */
  GHashTable *attachments;   /* hashes the bundle's proposal attachments and evidence use */
  GHashTable *changes;       /* "deliverable-id status" of the bundle's deliverable changes */
  GHashTable *activities;    /* ids of the bundle's activities of the sender's hubs */
  GHashTable *attachment_at; /* sha256 → 1 + position of the bundle's attachment, if it has brand assets */
} Rules;

typedef struct _Writing Writing;

static gboolean writing_put (Writing          *w,
                             L4aImportChange  *change,
                             JsonObject       *theirs,
                             GError          **error);
static void     recycle     (L4aBundleReader  *reader,
                             Writing          *w);

/* The values of @member in the bundle's records of @table, added to @set
 * (which owns them). */
static gboolean
collect (L4aBundle   *bundle,
         const char  *table,
         const char  *member,
         GHashTable  *set,
         GError     **error)
{
  g_auto(L4aBundleIter) iter = { 0 };
  g_autoptr(GError) local_error = NULL;
  JsonNode *element = NULL;

  l4a_bundle_iter_init (&iter, bundle, l4a_bundle_get_list (bundle, TRUE, table));
  while (l4a_bundle_iter_next (&iter, &element, &local_error))
    {
      g_autoptr(JsonNode) owned = element;
      const char *value = JSON_NODE_HOLDS_OBJECT (owned) ? l4a_json_string (json_node_get_object (owned), member)
                                                         : NULL;

      if (value != NULL)
        g_hash_table_add (set, g_strdup (value));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Where each of the bundle's attachments stands in its list, by hash:
 * 1 + its position, the first of a hash. */
static GHashTable *
index_attachments (L4aBundle  *bundle,
                   GError    **error)
{
  g_autoptr(GHashTable) at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(L4aBundleIter) iter = { 0 };
  g_autoptr(GError) local_error = NULL;
  JsonNode *element = NULL;

  l4a_bundle_iter_init (&iter, bundle, l4a_bundle_get_list (bundle, TRUE, "attachment"));
  for (guint i = 1; l4a_bundle_iter_next (&iter, &element, &local_error); i++)
    {
      g_autoptr(JsonNode) owned = element;
      const char *sha256 = JSON_NODE_HOLDS_OBJECT (owned) ? l4a_json_string (json_node_get_object (owned), "sha256")
                                                          : NULL;

      if (sha256 != NULL && !g_hash_table_contains (at, sha256))
        g_hash_table_insert (at, g_strdup (sha256), GUINT_TO_POINTER (i));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&at);
}

/* Runs @sql with ?1 = @a and ?2 = @b; whether it gives a row. */
static gboolean
query_exists (L4aStore   *store,
              const char *sql,
              const char *a,
              const char *b)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, NULL);
  gboolean found;

  if (stmt == NULL || a == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
is_null (JsonObject *object,
         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
table_has_hub (const char *table)
{
  return g_strv_contains ((const char *[]) { "partner", "deliverable", "indicator", "activity", NULL }, table);
}

/* A review's scores: one number per criterion of its proposal's call,
 * within that criterion's scale. */
static gboolean
check_scores (L4aStore    *store,
              JsonObject  *review,
              const char  *proposal_id,
              const char  *record,
              GError     **error)
{
  JsonNode *node = json_object_get_member (review, "scores");
  JsonObjectIter iter;
  const char *criterion;
  JsonNode *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the field “%s” must give a score for each criterion."), record, "scores");
      return FALSE;
    }
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &criterion, &value))
    {
      sqlite3_stmt *stmt = l4a_store_prepare_cached (store,
                                                     "SELECT c.scale_min, c.scale_max FROM criterion c "
                                                     "JOIN proposal p ON p.call_id = c.call_id "
                                                     "WHERE c.id = ?1 AND p.id = ?2", NULL);
      gboolean found = FALSE;
      double low = 0, high = 0, score;

      if (stmt != NULL && proposal_id != NULL)
        {
          sqlite3_bind_text (stmt, 1, criterion, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, proposal_id, -1, SQLITE_STATIC);
          if ((found = sqlite3_step (stmt) == SQLITE_ROW))
            {
              low = sqlite3_column_double (stmt, 0);
              high = sqlite3_column_double (stmt, 1);
            }
          sqlite3_reset (stmt);
        }
      if (!found)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the field “%s” scores a criterion that is not one of the proposal’s call."),
                       record, "scores");
          return FALSE;
        }
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (value) ||
          (json_node_get_value_type (value) != G_TYPE_INT64 && json_node_get_value_type (value) != G_TYPE_DOUBLE))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the field “%s” must give numbers."), record, "scores");
          return FALSE;
        }
      score = json_node_get_double (value);
      if (!(score >= low && score <= high))
        {
          g_autofree char *range = g_strdup_printf ("%g–%g", low, high);

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: a record, a field, then a range such as 1–5 */
                       _("%s: the field “%s” gives a score outside the criterion’s scale of %s."),
                       record, "scores", range);
          return FALSE;
        }
    }
  return TRUE;
}

/* How a refusal names the record: worked out only when one is refused. */
#define RECORD_NAME (record = record ? record : l4a_records_describe (table, object, index))

/* A hub's deliverables are agreed with the World Secretariat: a lead
 * government changes their status, as the window lets it (one allowed
 * step, recorded with its change), and nothing else of them. */
static Rule
monitoring_deliverable_rule (Rules      *rules,
                             JsonObject *object,
                             guint       index,
                             GError    **error)
{
  static const char * const fixed[] = { "hub_id", "proposal_id", "title", "description", "due_on", "position" };
  const char *table = "deliverable";
  const char *id = l4a_json_string (object, "id");
  g_autofree char *record = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *status_here = NULL;
  g_autofree char *key = NULL;
  const char *status;

  stmt = l4a_store_prepare (rules->store, "SELECT d.status, d.hub_id, d.proposal_id, d.title, d.description, "
                                          "  d.due_on, d.position FROM deliverable d JOIN hub h ON h.id = d.hub_id "
                                          "WHERE d.id = ?1 AND h.government_id = ?2", NULL);
  if (stmt == NULL)
    return RULE_REFUSED;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rules->actor, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a monitoring bundle changes the status of the deliverables agreed for the hubs its "
                     "government leads; it does not add or move any."), RECORD_NAME);
      return RULE_REFUSED;
    }
  status_here = l4a_store_column_dup (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      JsonNode *node = json_object_get_member (object, fixed[i]);
      int column = (int) i + 1;
      gboolean same;

      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (node))
        same = sqlite3_column_type (stmt, column) == SQLITE_NULL;
      else if (!JSON_NODE_HOLDS_VALUE (node))
        same = FALSE;
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        same = sqlite3_column_type (stmt, column) == SQLITE_INTEGER &&
               sqlite3_column_int64 (stmt, column) == json_node_get_int (node);
      else
        same = json_node_get_value_type (node) == G_TYPE_STRING &&
               sqlite3_column_type (stmt, column) == SQLITE_TEXT &&
               g_strcmp0 ((const char *) sqlite3_column_text (stmt, column), json_node_get_string (node)) == 0;
      if (!same)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       /* translators: a record, then a field */
                       _("%s: the field “%s” of a hub’s deliverable is agreed with the World Secretariat; a "
                         "monitoring bundle cannot change it."), RECORD_NAME, fixed[i]);
          return RULE_REFUSED;
        }
    }
  status = l4a_json_string (object, "status");
  if (status == NULL || g_str_equal (status, status_here))
    return RULE_OK;
  key = g_strdup_printf ("%s %s", id, status);
  if (!l4a_deliverable_can_become (status_here, status) || !g_hash_table_contains (rules->changes, key))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a record, then two statuses */
                   _("%s: it is “%s” here and cannot become “%s” without a recorded change that allows it."),
                   RECORD_NAME, l4a_deliverable_status_label (status_here), l4a_deliverable_status_label (status));
      return RULE_REFUSED;
    }
  return RULE_OK;
}

/* The proposal under review here, sent again exactly as it was submitted
 * (the government has not heard yet that the Board took it up): every
 * field a government writes is as here. */
static gboolean
is_resent_proposal (L4aStore   *store,
                    const char *id,
                    JsonObject *object)
{
  static const char * const fields[] = {
    "call_id", "government_id", "title", "summary", "topic", "pact_axis", "format", "start_on", "end_on",
    "communication", "brand_commitment", "monitoring_plan", "language",
  };
  g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM proposal WHERE id = ?1 AND state = 'under-review' "
                                         "AND version = ?2");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonNode *version = json_object_get_member (object, "version");

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_string_append_printf (sql, " AND %s IS ?%u", fields[i], i + 3);
  stmt = l4a_store_prepare (store, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, json_node_get_int (version));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *node = json_object_get_member (object, fields[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        sqlite3_bind_text (stmt, i + 3, json_node_get_string (node), -1, SQLITE_STATIC);
      else if (node == NULL && g_str_equal (fields[i], "language"))
        sqlite3_bind_null (stmt, i + 3);   /* written before languages */
      else if (node != NULL && JSON_NODE_HOLDS_NULL (node))
        sqlite3_bind_null (stmt, i + 3);
      else
        return FALSE;
    }
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Records a local government may send: its own proposals before review,
 * and the monitoring of the hubs it leads. */
static Rule
government_rule (Rules      *rules,
                 const char *table,
                 JsonObject *object,
                 guint       index,
                 GError    **error)
{
  g_autofree char *record = NULL;
  const char *kind = rules->bundle->kind;
  const char *id = l4a_json_string (object, "id");

  if (g_str_equal (kind, "submission"))
    {
      if (g_str_equal (table, "clarification"))
        return l4a_clarification_government_rule (rules->store, rules->actor, object, RECORD_NAME, error)
               ? RULE_OK : RULE_REFUSED;
      if (g_str_equal (table, "government"))
        return g_strcmp0 (id, rules->actor) == 0 ? RULE_OK : RULE_ADD_ONLY;
      if (g_str_equal (table, "attachment"))
        {
          if (g_hash_table_contains (rules->attachments, l4a_json_string (object, "sha256") ?: ""))
            return RULE_ADD_ONLY;
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("%s: no proposal of this submission uses it."), RECORD_NAME);
          return RULE_REFUSED;
        }
      if (g_str_equal (table, "proposal"))
        {
          const char *state = l4a_json_string (object, "state");

          if (g_strcmp0 (l4a_json_string (object, "government_id"), rules->actor) != 0 ||
              !g_strv_contains ((const char *[]) { "draft", "submitted", NULL }, state ? state : "") ||
              query_exists (rules->store, "SELECT 1 FROM proposal WHERE id = ?1 AND government_id <> ?2", id,
                            rules->actor))
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("%s: a submission may only carry proposals of its own government, in draft or "
                             "submitted state."), RECORD_NAME);
              return RULE_REFUSED;
            }
          /* the state is judged as it is here: once submitted, the
           * secretariat's workflow has it */
          /* the very version submitted, sent again before the government
           * heard it is under review: nothing to take, nothing to refuse */
          if (g_str_equal (state, "submitted") && is_resent_proposal (rules->store, id, object))
            return RULE_ADD_ONLY;
          if (query_exists (rules->store, "SELECT 1 FROM proposal WHERE id = ?1 "
                                          "AND state NOT IN ('draft', 'submitted')", id, NULL))
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("%s: it is under review, withdrawn, decided or released here, so a submission can no "
                             "longer change it."), RECORD_NAME);
              return RULE_REFUSED;
            }
          if (g_str_equal (state, "draft") &&
              query_exists (rules->store, "SELECT 1 FROM proposal WHERE id = ?1 AND state = 'submitted'", id, NULL))
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("%s: it is submitted here and cannot go back to draft."), RECORD_NAME);
              return RULE_REFUSED;
            }
          if (g_str_equal (state, "submitted") &&
              !query_exists (rules->store, "SELECT 1 FROM proposal WHERE id = ?1 AND state = 'submitted'", id, NULL) &&
              !query_exists (rules->store, "SELECT 1 FROM call WHERE id = ?1 AND status = 'open'",
                             l4a_json_string (object, "call_id"), NULL))
            {
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("%s: its call is not open here, so it cannot be submitted to it."), RECORD_NAME);
              return RULE_REFUSED;
            }
          return RULE_OK;
        }
      /* versions, attachments, partners, deliverables, indicators: of a
       * proposal of the bundle, and never a record that is another
       * proposal's or a hub's here */
      if (g_hash_table_contains (rules->proposals, l4a_json_string (object, "proposal_id") ?: "") &&
          is_null (object, "hub_id"))
        {
          g_autofree char *elsewhere = NULL;

          if (id == NULL)
            return RULE_OK;
          elsewhere = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1 AND (proposal_id IS NOT ?2%s)", table,
                                       table_has_hub (table) ? " OR hub_id IS NOT NULL" : "");
          if (!query_exists (rules->store, elsewhere, id, l4a_json_string (object, "proposal_id")))
            return RULE_OK;
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("%s: here it belongs to another proposal or to a hub, which a submission cannot change."),
                       RECORD_NAME);
          return RULE_REFUSED;
        }
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: it belongs to no proposal of this submission."), RECORD_NAME);
      return RULE_REFUSED;
    }

  /* monitoring: activities, deliverables and their changes, indicators,
   * measurements, the evidence of the changes */
  if (g_str_equal (table, "attachment"))
    {
      if (g_hash_table_contains (rules->attachments, l4a_json_string (object, "sha256") ?: ""))
        return RULE_ADD_ONLY;
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: no deliverable change or activity of this bundle uses it."), RECORD_NAME);
      return RULE_REFUSED;
    }
  if (g_str_equal (table, "deliverable_change"))
    {
      const char *deliverable = l4a_json_string (object, "deliverable_id");

      /* the history is added to, never rewritten */
      if (query_exists (rules->store, "SELECT 1 FROM deliverable d JOIN hub h ON h.id = d.hub_id "
                                      "WHERE d.id = ?1 AND h.government_id = ?2", deliverable, rules->actor) &&
          !query_exists (rules->store, "SELECT 1 FROM deliverable_change WHERE id = ?1 AND deliverable_id IS NOT ?2",
                         id, deliverable))
        return RULE_ADD_ONLY;
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a monitoring bundle may only record changes of the deliverables of the hubs its "
                     "government leads."), RECORD_NAME);
      return RULE_REFUSED;
    }
  if (g_str_equal (table, "deliverable"))
    return monitoring_deliverable_rule (rules, object, index, error);
  if (g_str_equal (table, "activity_attachment"))
    {
      const char *activity = l4a_json_string (object, "activity_id");

      /* a file of an activity of its own hubs, here or in the bundle */
      if ((g_hash_table_contains (rules->activities, activity ? activity : "") ||
           query_exists (rules->store, "SELECT 1 FROM activity a JOIN hub h ON h.id = a.hub_id "
                                       "WHERE a.id = ?1 AND h.government_id = ?2", activity, rules->actor)) &&
          !query_exists (rules->store, "SELECT 1 FROM activity a JOIN hub h ON h.id = a.hub_id "
                                       "WHERE a.id = ?1 AND h.government_id <> ?2", activity, rules->actor) &&
          !query_exists (rules->store, "SELECT 1 FROM activity_attachment WHERE id = ?1 AND activity_id IS NOT ?2",
                         id, activity))
        return RULE_OK;
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a monitoring bundle may only carry the files of the activities of the hubs its "
                     "government leads."), RECORD_NAME);
      return RULE_REFUSED;
    }
  if (g_str_equal (table, "hub_link"))
    return l4a_links_government_rule (rules->store, rules->actor, object, RECORD_NAME, error) ? RULE_OK
                                                                                                : RULE_REFUSED;
  if (g_str_equal (table, "progress_report"))
    return l4a_reports_government_rule (rules->store, rules->actor, object, RECORD_NAME, error) ? RULE_OK
                                                                                                  : RULE_REFUSED;
  if (g_str_equal (table, "measurement"))
    {
      const char *indicator = l4a_json_string (object, "indicator_id");

      if ((g_hash_table_contains (rules->indicators, indicator ? indicator : "") ||
           query_exists (rules->store, "SELECT 1 FROM indicator i JOIN hub h ON h.id = i.hub_id "
                                       "WHERE i.id = ?1 AND h.government_id = ?2", indicator, rules->actor)) &&
          !query_exists (rules->store, "SELECT 1 FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
                                       "LEFT JOIN hub h ON h.id = i.hub_id WHERE m.id = ?1 "
                                       "AND (h.government_id IS NULL OR h.government_id <> ?2)",
                         id, rules->actor))
        return RULE_OK;
    }
  else
    {
      /* whose it is here counts, not what the bundle says: a record of a
       * proposal, or of another government's hub, stays theirs */
      g_autofree char *owned = g_strdup_printf ("SELECT 1 FROM %s x LEFT JOIN hub h ON h.id = x.hub_id "
                                                "WHERE x.id = ?1 AND (h.government_id IS NULL "
                                                "OR h.government_id <> ?2)", table);

      if (is_null (object, "proposal_id") &&
          query_exists (rules->store, "SELECT 1 FROM hub WHERE id = ?1 AND government_id = ?2",
                        l4a_json_string (object, "hub_id"), rules->actor) &&
          !query_exists (rules->store, owned, id, rules->actor))
        return RULE_OK;
    }
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
               _("%s: a monitoring bundle may only carry records of the hubs its government leads."), RECORD_NAME);
  return RULE_REFUSED;
}

/* A member sends back only the assignments they declined: the very
 * assignment here, with nothing changed but when and why, and not once
 * their review of it is submitted here. */
static Rule
member_assignment_rule (Rules      *rules,
                        JsonObject *object,
                        guint       index,
                        GError    **error)
{
  const char *table = "assignment";
  g_autofree char *record = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *reason = l4a_json_string (object, "decline_reason");
  gboolean same = FALSE;

  stmt = l4a_store_prepare (rules->store,
                            "SELECT 1 FROM assignment a WHERE a.id = ?1 AND a.member_id = ?2 AND a.proposal_id = ?3 "
                            "AND a.round = ?4 AND a.due_on IS ?5 "
                            "AND NOT EXISTS (SELECT 1 FROM review r WHERE r.proposal_id = a.proposal_id "
                            "  AND r.member_id = a.member_id AND r.proposal_version = a.round "
                            "  AND r.submitted_at IS NOT NULL)", NULL);
  if (stmt != NULL && json_object_has_member (object, "round") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "round")) &&
      json_node_get_value_type (json_object_get_member (object, "round")) == G_TYPE_INT64)
    {
      sqlite3_bind_text (stmt, 1, l4a_json_string (object, "id"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rules->actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, l4a_json_string (object, "proposal_id"), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, json_object_get_int_member (object, "round"));
      sqlite3_bind_text (stmt, 5, l4a_json_string (object, "due_on"), -1, SQLITE_STATIC);
      same = sqlite3_step (stmt) == SQLITE_ROW;
    }
  if (!same || l4a_json_string (object, "member_id") == NULL ||
      !g_str_equal (l4a_json_string (object, "member_id"), rules->actor))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a reviews bundle may only decline an assignment of its own member that is here, "
                     "unchanged otherwise, and not reviewed yet."), RECORD_NAME);
      return RULE_REFUSED;
    }
  if (l4a_json_string (object, "declined_at") == NULL || reason == NULL || l4a_text_is_blank (reason) ||
      g_utf8_strlen (reason, -1) > 1000)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: a declined assignment needs the date and a reason of at most 1000 characters."),
                   RECORD_NAME);
      return RULE_REFUSED;
    }
  return RULE_OK;
}

static Rule
record_rule (Rules      *rules,
             const char *table,
             JsonObject *object,
             guint       index,
             GError    **error)
{
  const char *kind = rules->bundle->kind;
  g_autofree char *record = NULL;

  if (!l4a_bundle_kind_carries (kind, table))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a record, then a kind of bundle */
                   _("%s: a “%s” bundle does not carry this kind of record."), RECORD_NAME,
                   l4a_bundle_kind_get_label (kind));
      return RULE_REFUSED;
    }

  switch (l4a_bundle_kind_get_role (kind))
    {
    case L4A_ROLE_SECRETARIAT:
      /* attachments are content-addressed: the same hash, the same content */
      return g_str_equal (table, "attachment") ? RULE_ADD_ONLY : RULE_OK;

    case L4A_ROLE_MEMBER:
      {
        const char *id = l4a_json_string (object, "id");

        const char *proposal = l4a_json_string (object, "proposal_id");

        if (g_str_equal (table, "assignment"))
          return member_assignment_rule (rules, object, index, error);
        if (g_str_equal (table, "member"))
          return l4a_member_bundle_rule (rules->store, rules->actor, object, RECORD_NAME, error)
                 ? RULE_OK : RULE_REFUSED;
        if (g_str_equal (table, "clarification"))
          switch (l4a_clarification_member_rule (rules->store, rules->actor, object, RECORD_NAME, error))
            {
            case 1: return RULE_OK;
            case 2: return RULE_ADD_ONLY;
            default: return RULE_REFUSED;
            }
        if (g_str_equal (table, "meta_review"))
          return l4a_meta_review_member_rule (rules->store, rules->actor, object, RECORD_NAME, error)
                 ? RULE_OK : RULE_REFUSED;

        if (g_strcmp0 (l4a_json_string (object, "member_id"), rules->actor) != 0 ||
            !query_exists (rules->store, "SELECT 1 FROM assignment WHERE proposal_id = ?1 AND member_id = ?2",
                           proposal, rules->actor) ||
            query_exists (rules->store, "SELECT 1 FROM review WHERE id = ?1 AND member_id <> ?2", id, rules->actor) ||
            query_exists (rules->store, "SELECT 1 FROM review WHERE id = ?1 AND proposal_id <> ?2", id, proposal))
          {
            g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                         _("%s: a reviews bundle may only carry its member’s own reviews of proposals assigned to "
                           "them."), RECORD_NAME);
            return RULE_REFUSED;
          }
        if (!query_exists (rules->store, "SELECT 1 FROM proposal WHERE id = ?1 AND state = 'under-review'",
                           proposal, NULL) &&
            !query_exists (rules->store, "SELECT 1 FROM review WHERE id = ?1", id, NULL))
          {
            g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                         _("%s: the proposal is no longer under review here."), RECORD_NAME);
            return RULE_REFUSED;
          }
        if (!check_scores (rules->store, object, proposal, RECORD_NAME, error))
          return RULE_REFUSED;
        return RULE_OK;
      }

    case L4A_ROLE_GOVERNMENT:
    default:
      return government_rule (rules, table, object, index, error);
    }
}

/* A brand asset, from whatever bundle, passes the brand kit's own import
 * checks (media type by content, size and pixel caps, an SVG without
 * scripts, external references or entities): the window and the command
 * line draw it. Its bytes are the bundle's attachment, or the one here. */
static gboolean
check_brand_asset (Rules      *rules,
                   JsonObject *object,
                   guint       index,
                   GError    **error)
{
  const char *table = "brand_asset";
  const char *sha256 = l4a_json_string (object, "sha256");
  const char *media_type = l4a_json_string (object, "media_type");
  guint at = sha256 && rules->attachment_at ? GPOINTER_TO_UINT (g_hash_table_lookup (rules->attachment_at, sha256))
                                            : 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *record = NULL;

  /* the bundle's attachment of that hash, the only one parsed again */
  if (at > 0)
    {
      g_auto(L4aBundleIter) iter = { 0 };
      g_autoptr(JsonNode) element = NULL;
      const char *data;

      l4a_bundle_iter_init (&iter, rules->bundle, l4a_bundle_get_list (rules->bundle, TRUE, "attachment"));
      for (guint i = 1; i < at; i++)
        l4a_bundle_iter_skip (&iter);
      if (l4a_bundle_iter_next (&iter, &element, NULL) && JSON_NODE_HOLDS_OBJECT (element) &&
          (data = l4a_json_string (json_node_get_object (element), "data")) != NULL)
        {
          gsize length = 0;
          guchar *decoded = g_base64_decode (data, &length);

          bytes = g_bytes_new_take (decoded, length);
        }
    }
  if (bytes == NULL && sha256 != NULL)
    {
      sqlite3_stmt *stmt = l4a_store_prepare_cached (rules->store, "SELECT data FROM attachment WHERE sha256 = ?1",
                                                     NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  /* no bytes: the reference check names what is missing */
  if (bytes == NULL || l4a_brand_check_asset (bytes, media_type, NULL, NULL, &local_error))
    return TRUE;
  record = l4a_records_describe (table, object, index);
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
               /* translators: a record, then why its file is refused */
               _("%s: its file is refused: %s"), record, local_error->message);
  return FALSE;
}

#undef RECORD_NAME

static gboolean
check_origin (L4aBundle  *bundle,
              GError    **error)
{
  L4aRole expected = l4a_bundle_kind_get_role (bundle->kind);
  L4aRole role;

  if (!l4a_role_from_string (bundle->origin_role, &role) || role != expected)
    {
      L4aRole shown = l4a_role_from_string (bundle->origin_role, &role) ? role : L4A_ROLE_SECRETARIAT;

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a kind of bundle, then two roles */
                   _("A “%s” bundle comes from a workstation of the role “%s”, but this one says it comes from “%s”."),
                   l4a_bundle_kind_get_label (bundle->kind), l4a_role_get_label (expected),
                   l4a_role_get_label (shown));
      return FALSE;
    }
  if (expected != L4A_ROLE_SECRETARIAT && !l4a_is_uuid (bundle->origin_actor))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("The bundle does not say which member or government wrote it."));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Comparing records
 */

/* Columns a bundle may leave empty because the recipient cannot have what
 * they name or may not read them: an empty one there never overwrites or
 * differs from what is here. */
static gboolean
is_withheld (const char *table,
             const char *member,
             JsonNode   *node)
{
  static const struct { const char *table, *member; } withheld[] = {
    { "hub", "proposal_id" },
    { "decision", "internal_notes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (withheld); i++)
    if (g_str_equal (withheld[i].table, table) && g_str_equal (withheld[i].member, member))
      return JSON_NODE_HOLDS_NULL (node) ||
             (json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node) == '\0');
  return FALSE;
}

/* The bundle's record less its withheld columns: what is compared and
 * what is written. Most records withhold nothing and are shared. */
static JsonObject *
comparable (const char *table,
            JsonObject *theirs)
{
  g_autoptr(GList) members = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean withholds = FALSE;
  JsonObject *copy;

  json_object_iter_init (&iter, theirs);
  while (!withholds && json_object_iter_next (&iter, &name, &node))
    withholds = is_withheld (table, name, node);
  if (!withholds)
    return json_object_ref (theirs);

  members = l4a_json_members (theirs);
  copy = json_object_new ();
  for (GList *l = members; l; l = l->next)
    {
      node = json_object_get_member (theirs, l->data);
      if (is_withheld (table, l->data, node))
        continue;
      json_object_set_member (copy, l->data, json_node_ref (node));
    }
  return copy;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Link lists (goals, councils, related hubs) are sets: their order does
 * not make a change. Appends the canonical text of @node to @out. */
static void
append_canonical_value (GString    *out,
                        const char *member,
                        JsonNode   *node)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || !l4a_records_is_link_set (member))
    {
      l4a_bundle_canonical_append (out, node);
      return;
    }

  array = json_node_get_array (node);
  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, l4a_bundle_canonical (json_array_get_element (array, i)));
  g_ptr_array_sort (items, compare_strings);
  g_string_append_c (out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, g_ptr_array_index (items, i));
    }
  g_string_append_c (out, ']');
}

static char *
canonical_value (const char *member,
                 JsonNode   *node)
{
  GString *out;

  if (node == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_canonical_value (out, member, node);
  return g_string_free (out, FALSE);
}

/* Bookkeeping columns, and this database's own row number, say nothing of
 * whether a record's content changed. */
static gboolean
is_bookkeeping (const char *column)
{
  return l4a_records_is_bookkeeping (column) || g_str_equal (column, "num");
}

static JsonNode *
default_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  char *end = NULL;
  gint64 integer;
  double real;

  if (text == NULL || g_ascii_strcasecmp (text, "NULL") == 0)
    {
      json_node_init_null (node);
      return node;
    }
  if (text[0] == '\'')
    {
      g_autoptr(GString) value = g_string_new_len (text + 1, MAX ((gssize) strlen (text) - 2, 0));

      g_string_replace (value, "\'\'", "\'", 0);
      json_node_set_string (node, value->str);
      return node;
    }
  integer = g_ascii_strtoll (text, &end, 10);
  if (end != NULL && *end == '\0')
    {
      json_node_set_int (node, integer);
      return node;
    }
  real = g_ascii_strtod (text, &end);
  json_node_set_double (node, real);
  return node;
}

/* What the plan needs to know of a table, worked out once per import:
 * its content columns with their defaults, those names in byte order, and
 * how to ask whether a record is here. */
typedef struct
{
  JsonObject *defaults;
  GPtrArray  *sorted;      /* content column names, owned by defaults */
  char       *exists_sql;
  gboolean    empty;       /* nothing here yet: every record of the bundle is new */
  GPtrArray  *checked;     /* the members of the last record found to be fields, in order */
} TableFacts;

static void
table_facts_free (gpointer data)
{
  TableFacts *facts = data;

  g_ptr_array_unref (facts->sorted);
  g_ptr_array_unref (facts->checked);
  json_object_unref (facts->defaults);
  g_free (facts->exists_sql);
  g_free (facts);
}

static TableFacts *
table_facts (L4aStore   *store,
             GHashTable *cache,
             const char *table)
{
  TableFacts *facts = g_hash_table_lookup (cache, table);
  const char *column, *second;
  sqlite3_stmt *stmt;

  if (facts != NULL)
    return facts;
  facts = g_new0 (TableFacts, 1);
  facts->checked = g_ptr_array_new_with_free_func (g_free);
  facts->defaults = json_object_new ();
  facts->sorted = g_ptr_array_new ();
  stmt = l4a_store_prepare_cached (store, "SELECT name, dflt_value FROM pragma_table_info (?1)", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);

          if (!is_bookkeeping (name))
            json_object_set_member (facts->defaults, name,
                                    default_node ((const char *) sqlite3_column_text (stmt, 1)));
        }
      sqlite3_reset (stmt);
    }
  {
    JsonObjectIter iter;
    const char *name;

    json_object_iter_init_ordered (&iter, facts->defaults);
    while (json_object_iter_next_ordered (&iter, &name, NULL))
      g_ptr_array_add (facts->sorted, (gpointer) name);
    g_ptr_array_sort (facts->sorted, compare_strings);
  }
  /* names from the code's own list, never from the input */
  l4a_records_key (table, &column, &second);
  facts->exists_sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1 LIMIT 1", table, column);
  {
    /* the plan is worked out in one transaction: this holds throughout */
    g_autofree char *any = g_strdup_printf ("SELECT 1 FROM \"%s\" LIMIT 1", table);
    sqlite3_stmt *stmt_any = l4a_store_prepare_cached (store, any, NULL);

    facts->empty = stmt_any != NULL && sqlite3_step (stmt_any) == SQLITE_DONE;
    if (stmt_any != NULL)
      sqlite3_reset (stmt_any);
  }
  g_hash_table_insert (cache, g_strdup (table), facts);
  return facts;
}

/* One line of the text content_hash() hashes. */
static void
hash_member (GString    *text,
             const char *name,
             JsonNode   *node)
{
  g_string_append (text, name);
  g_string_append_c (text, '=');
  if (node != NULL)
    append_canonical_value (text, name, node);
  g_string_append_c (text, '\n');
}

static void
text_free (gpointer text)
{
  g_string_free (text, TRUE);
}

/* The text content_hash() hashes: one for each thread, kept from one
 * record to the next (a new one of its size was a fortieth of an import,
 * too large for the allocator's fast path). */
static GString *
hash_text (void)
{
  static GPrivate key = G_PRIVATE_INIT (text_free);
  GString *text = g_private_get (&key);

  if (text == NULL)
    {
      text = g_string_sized_new (1024);
      g_private_set (&key, text);
    }
  g_string_truncate (text, 0);
  return text;
}

/* A hash of the content of @object: every content column of its table,
 * with the schema's default where @object leaves one out, and the link
 * lists it carries; bookkeeping columns are left out. The same content
 * gives the same hash however much of it a bundle spells out. */
static char *
content_hash (L4aStore   *store,
              GHashTable *cache,
              const char *table,
              JsonObject *object)
{
  TableFacts *facts = table_facts (store, cache, table);
  GString *text = hash_text ();
  const char *extra[16];
  guint n_extra = 0, c = 0, e = 0;
  JsonObjectIter iter;
  const char *name;

  /* members that are not columns (the link lists), in byte order */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!json_object_has_member (facts->defaults, name) && !is_bookkeeping (name))
      {
        guint j = n_extra;

        if (n_extra == G_N_ELEMENTS (extra))
          break;  /* check_members() refuses such a record */
        for (; j > 0 && strcmp (extra[j - 1], name) > 0; j--)
          extra[j] = extra[j - 1];
        extra[j] = name;
        n_extra++;
      }

  /* both lists merged in byte order */
  while (c < facts->sorted->len || e < n_extra)
    {
      const char *column = c < facts->sorted->len ? g_ptr_array_index (facts->sorted, c) : NULL;

      if (column != NULL && (e == n_extra || strcmp (column, extra[e]) < 0))
        {
          JsonNode *node = json_object_get_member (object, column);

          hash_member (text, column, node ? node : json_object_get_member (facts->defaults, column));
          c++;
        }
      else
        {
          hash_member (text, extra[e], json_object_get_member (object, extra[e]));
          e++;
        }
    }
  return l4a_sha256_hex (text->str, text->len);
}

static gint64
revision_of (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "revision");

  /* a record without one is at its first revision */
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
         ? json_node_get_int (node) : 1;
}

static char *
sync_key (const char *table,
          JsonObject *object)
{
  const char *column, *second;
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;

  l4a_records_key (table, &column, &second);
  first = member_text (object, column);
  if (second == NULL)
    return g_steal_pointer (&first);
  other = member_text (object, second);
  return g_strdup_printf ("%s/%s", first ? first : "", other ? other : "");
}

/* What was last agreed on a record: the hash of their copy, and the
 * revision of ours, right after the last import that carried it. */
static gboolean
agreed_state (L4aStore    *store,
              const char  *table,
              const char  *key,
              char       **theirs_hash,
              gint64      *ours_revision)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "SELECT theirs_hash, ours_revision FROM sync_state "
                                                        "WHERE record_type = ?1 AND record_key = ?2", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *theirs_hash = l4a_store_column_dup (stmt, 0);
      *ours_revision = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

/* The row of @table that @theirs would meet, as a bundle would carry it. */
static JsonObject *
find_ours (L4aStore    *store,
           TableFacts  *facts,
           const char  *table,
           JsonObject  *theirs,
           JsonNode   **holder,
           GError     **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const char *column, *second;
  g_autofree char *value = NULL;
  g_autofree char *second_value = NULL;
  JsonArray *rows;

  l4a_records_key (table, &column, &second);
  value = member_text (theirs, column);
  second_value = second ? member_text (theirs, second) : NULL;
  *holder = NULL;
  /* most records of a large bundle are new: an index lookup says so, or
   * the table being empty */
  if (value == NULL || facts->empty || !query_exists (store, facts->exists_sql, value, NULL))
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  if (!l4a_records_dump (store, table, column, value, builder, error))
    return NULL;
  json_builder_end_array (builder);
  *holder = json_builder_get_root (builder);
  rows = json_node_get_array (*holder);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *candidate = second ? member_text (row, second) : NULL;

      if (second == NULL || g_strcmp0 (candidate, second_value) == 0)
        return row;
    }
  return NULL;
}

static char *
label_of (JsonObject *object,
          const char *fallback)
{
  static const char * const names[] = { "title", "name", "label", "key", "measured_on" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = member_text (object, names[i]);

      if (text != NULL && *text != '\0')
        return g_steal_pointer (&text);
    }
  return g_strdup (fallback ? fallback : "");
}

static gboolean
is_link (const char *member)
{
  return l4a_records_is_link_set (member) || g_str_equal (member, "scores") || g_str_equal (member, "data");
}

/* Revisions, versions, rounds and positions: counts a person could reach,
 * never ones that would overflow what is added to them. */
#define L4A_IMPORT_MAX_COUNT 1000000

/* Ids are lower-case UUIDs, one spelling each: an id that differs only by
 * case would be another record to SQLite and the same one to a person. */
static gboolean
is_canonical_uuid (const char *text)
{
  static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  for (guint i = 0; i < sizeof shape - 1; i++)
    {
      char c = text[i];

      if (shape[i] == '-' ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return FALSE;
    }
  return text[sizeof shape - 1] == '\0';
}

static gboolean
is_sha256 (const char *text)
{
  guint n = 0;

  for (; text[n] != '\0'; n++)
    if (!((text[n] >= '0' && text[n] <= '9') || (text[n] >= 'a' && text[n] <= 'f')))
      return FALSE;
  return n == 64;
}

/* Whether @text is a UTC time as this application writes it,
 * YYYY-MM-DDTHH:MM:SSZ (@year set, @valid whether it is a real one): what
 * nearly every record holds twice, read without making a #GDateTime. */
static gboolean
is_plain_utc_time (const char *text,
                   int        *year,
                   gboolean   *valid)
{
  static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
  int v[6] = { 0 };

  for (guint i = 0, n = 0; i < sizeof shape - 1; i++)
    {
      if (shape[i] != 'd')
        {
          if (text[i] != shape[i])
            return FALSE;
          n++;
          continue;
        }
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v[n] = v[n] * 10 + (text[i] - '0');
    }
  if (text[sizeof shape - 1] != '\0')
    return FALSE;
  *year = v[0];
  *valid = g_date_valid_dmy ((GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]) && v[3] < 24 && v[4] < 60 &&
           v[5] < 60;
  return TRUE;
}

/* A calendar date (YYYY-MM-DD) or a UTC time (…T…Z) between the years
 * 2000 and 2100: what the application writes, and what a record means. */
static gboolean
is_sane_date (const char *text,
              gboolean    with_time)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;
  int year;
  gboolean valid;

  if (with_time && is_plain_utc_time (text, &year, &valid))
    return valid && year >= 2000 && year <= 2100;
  if (with_time)
    {
      if (strlen (text) < 20 || text[10] != 'T' || text[strlen (text) - 1] != 'Z')
        return FALSE;
      time = g_date_time_new_from_iso8601 (text, NULL);
      if (time == NULL)
        return FALSE;
      year = g_date_time_get_year (time);
    }
  else
    {
      if (!l4a_parse_date (text, &date))
        return FALSE;
      year = g_date_get_year (&date);
    }
  return year >= 2000 && year <= 2100;
}

static gboolean
is_date_member (const char *name,
                gboolean   *with_time)
{
  *with_time = g_str_has_suffix (name, "_at");
  return *with_time || g_str_has_suffix (name, "_on") || g_str_equal (name, "label_date") ||
         g_str_has_prefix (name, "period_");
}

/* The values a record may hold whatever the database's own checks say:
 * ids in their one form, dates that are dates in sane years. */
static gboolean
check_values (const char  *table,
              JsonObject  *object,
              guint        index,
              GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      const char *problem = NULL;
      gboolean with_time;

      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (g_str_equal (name, "id") || g_str_has_suffix (name, "_id"))
        {
          const char *text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                             ? json_node_get_string (node) : NULL;

          if (text == NULL || !is_canonical_uuid (text))
            problem = _("%s: the field “%s” must be an identifier in lower-case UUID form.");
        }
      else if ((g_str_equal (name, "related") || g_str_equal (name, "governments") || g_str_equal (name, "hubs")) &&
               JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array) && problem == NULL; i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
                  !is_canonical_uuid (json_node_get_string (element)))
                problem = _("%s: the field “%s” must list identifiers in lower-case UUID form.");
            }
        }
      else if (g_str_has_suffix (name, "sha256"))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              !is_sha256 (json_node_get_string (node)))
            problem = _("%s: the field “%s” must be a SHA-256 in lower-case hexadecimal.");
        }
      else if (is_date_member (name, &with_time))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              !is_sane_date (json_node_get_string (node), with_time))
            problem = with_time ? _("%s: the field “%s” must be a UTC time between the years 2000 and 2100, "
                                    "such as 2026-06-30T09:00:00Z.")
                                : _("%s: the field “%s” must be a calendar date between the years 2000 and 2100, "
                                    "such as 2026-06-30.");
        }
      else if (g_strv_contains ((const char *[]) { "revision", "version", "proposal_version", "round", "position",
                                                   NULL }, name))
        {
          gint64 low = g_str_equal (name, "position") ? 0 : 1;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
              json_node_get_int (node) < low || json_node_get_int (node) > L4A_IMPORT_MAX_COUNT)
            problem = low == 0 ? _("%s: the field “%s” must be a whole number from 0 to 1 000 000.")
                               : _("%s: the field “%s” must be a whole number from 1 to 1 000 000.");
        }
      if (problem != NULL)
        {
          g_autofree char *record = l4a_records_describe (table, object, index);

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, problem, record, name);
          return FALSE;
        }
    }

  /* the words of the domain, from their lists */
  {
    static const struct { const char *table, *member; } words[] = {
      { "hub", "status" }, { "hub", "format" }, { "proposal", "format" }, { "proposal", "state" },
      { "deliverable", "status" }, { "activity", "kind" }, { "deliverable_change", "status" },
      { "network_event", "kind" }, { "progress_report", "status" }, { "hub_link", "reason" },
    };

    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      {
        JsonNode *node;
        GType type;

        if (!g_str_equal (table, words[w].table) || (node = json_object_get_member (object, words[w].member)) == NULL)
          continue;
        type = g_str_equal (words[w].member, "format") ? L4A_TYPE_FORMAT
             : g_str_equal (words[w].member, "state") ? L4A_TYPE_PROPOSAL_STATE
             : g_str_equal (table, "network_event") ? L4A_TYPE_NETWORK_EVENT_KIND
             : g_str_equal (table, "progress_report") ? L4A_TYPE_REPORT_STATUS
             : g_str_equal (table, "hub_link") ? L4A_TYPE_LINK_REASON
             : g_str_equal (words[w].member, "kind") ? L4A_TYPE_ACTIVITY_KIND
             : g_str_equal (table, "hub") ? L4A_TYPE_HUB_STATUS : L4A_TYPE_DELIVERABLE_STATUS;
        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
            !l4a_enum_is_valid (type, json_node_get_string (node)))
          {
            g_autofree char *record = l4a_records_describe (table, object, index);
            g_autofree char *list = g_strjoinv (", ", (char **) l4a_enum_get_nicks (type));

            /* translators: a record, a field, then the words it may hold */
            g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("%s: the field “%s” must be one of: %s."),
                         record, words[w].member, list);
            return FALSE;
          }
      }
  }

  /* activities, deliverable changes and meetings as the window holds them */
  if (g_strv_contains ((const char *[]) { "activity", "deliverable_change", "network_event", "progress_report",
                                           "reporting_schedule", NULL }, table))
    {
      g_autofree char *record = l4a_records_describe (table, object, index);

      if (!l4a_monitoring_check_record (table, object, record, error) ||
          !l4a_reports_check_record (table, object, record, error))
        return FALSE;
    }

  /* a criterion's scale and what each level means, as the calls window holds them */
  if (g_str_equal (table, "criterion"))
    {
      gint64 ends[2] = { 0, 5 };
      const char *names[2] = { "scale_min", "scale_max" };
      const char *levels = NULL;
      g_autofree char *problem = NULL;

      for (guint e = 0; e < 2; e++)
        {
          JsonNode *end = json_object_get_member (object, names[e]);

          if (end == NULL || JSON_NODE_HOLDS_NULL (end))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (end) || json_node_get_value_type (end) != G_TYPE_INT64 ||
              json_node_get_int (end) < -100 || json_node_get_int (end) > 100)
            {
              g_autofree char *record = l4a_records_describe (table, object, index);

              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("%s: the field “%s” must be a whole number from −100 to 100."), record, names[e]);
              return FALSE;
            }
          ends[e] = json_node_get_int (end);
        }
      if (ends[1] <= ends[0])
        {
          g_autofree char *record = l4a_records_describe (table, object, index);

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the scale must end above where it starts."), record);
          return FALSE;
        }
      if (json_object_has_member (object, "levels"))
        {
          JsonNode *node = json_object_get_member (object, "levels");

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            problem = g_strdup (_("the guidance per level must be text"));
          else
            levels = json_node_get_string (node);
        }
      if (problem == NULL)
        problem = l4a_criterion_levels_problem (levels, (int) ends[0], (int) ends[1]);
      if (problem != NULL)
        {
          g_autofree char *record = l4a_records_describe (table, object, index);

          /* translators: a record, then what is wrong with its guidance per level */
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("%s: %s."), record, problem);
          return FALSE;
        }
    }

  /* a government's place on Earth: both coordinates or neither */
  if (g_str_equal (table, "government"))
    {
      static const struct { const char *name; double limit; } axes[] = { { "latitude", 90 }, { "longitude", 180 } };
      guint given = 0;

      for (guint a = 0; a < G_N_ELEMENTS (axes); a++)
        {
          JsonNode *node = json_object_get_member (object, axes[a].name);
          double degrees;

          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            continue;
          given++;
          if (!JSON_NODE_HOLDS_VALUE (node) ||
              (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE) ||
              !isfinite (degrees = json_node_get_double (node)) || degrees < -axes[a].limit || degrees > axes[a].limit)
            {
              g_autofree char *record = l4a_records_describe (table, object, index);

              /* translators: a record, a field, then its bounds */
              g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("%s: the field “%s” must be a number of degrees from −%g to %g."), record,
                           axes[a].name, axes[a].limit, axes[a].limit);
              return FALSE;
            }
        }
      if (given == 1)
        {
          g_autofree char *record = l4a_records_describe (table, object, index);

          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: a place needs both its latitude and its longitude."), record);
          return FALSE;
        }
    }

  /* a hub runs 12 to 36 months, as the hub editor holds it */
  if (g_str_equal (table, "hub") &&
      json_object_has_member (object, "start_on") && json_object_has_member (object, "end_on"))
    {
      g_autofree char *frame = l4a_time_frame_problem (json_object_get_string_member (object, "start_on"),
                                                       json_object_get_string_member (object, "end_on"));

      if (frame != NULL)
        {
          g_autofree char *record = l4a_records_describe (table, object, index);

          /* translators: a record, then what is wrong with its time frame */
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("%s: the time frame is refused: %s"),
                       record, frame);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every member of @object is a field of its table, and no record comes
 * twice (@seen: the keys of its table so far, owned by the plan): checked
 * for every record, written or not. Then what check_values() found of
 * it (@problem, in the bundle reader's thread). */
static gboolean
check_members (L4aStore     *store,
               GHashTable   *facts_cache,
               GHashTable   *seen,
               const char   *table,
               JsonObject   *object,
               const char   *key,
               guint         index,
               const GError *problem,
               GError      **error)
{
  TableFacts *facts = table_facts (store, facts_cache, table);
  JsonObject *columns = facts->defaults;
  JsonObjectIter iter;
  const char *name;
  guint n = 0;
  gboolean same = TRUE;

  /* the same members as the last record of the table: checked already */
  json_object_iter_init_ordered (&iter, object);
  while (same && json_object_iter_next_ordered (&iter, &name, NULL))
    same = n < facts->checked->len && g_str_equal (g_ptr_array_index (facts->checked, n++), name);
  same = same && n == facts->checked->len;

  if (!same)
    g_ptr_array_set_size (facts->checked, 0);
  json_object_iter_init_ordered (&iter, object);
  while (!same && json_object_iter_next_ordered (&iter, &name, NULL))
    if (json_object_has_member (columns, name) || is_link (name) || l4a_records_is_bookkeeping (name))
      g_ptr_array_add (facts->checked, g_strdup (name));
    else
      {
        g_autofree char *record = l4a_records_describe (table, object, index);

        g_ptr_array_set_size (facts->checked, 0);
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                     /* translators: %s are a record and a field name */
                     _("%s: there is no field “%s” in this kind of record."), record, name);
        return FALSE;
      }
  if (key == NULL || !g_hash_table_add (seen, (gpointer) key))
    {
      g_autofree char *record = l4a_records_describe (table, object, index);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   key == NULL ? _("%s: the record has no identifier.")
                               : _("%s: the bundle carries this record twice."), record);
      return FALSE;
    }
  if (problem != NULL)
    {
      g_propagate_error (error, g_error_copy (problem));
      return FALSE;
    }
  return TRUE;
}

static gboolean
plan_record (L4aStore        *store,
             GHashTable      *defaults,
             const char      *table,
             JsonObject      *theirs,
             Rule             rule,
             L4aImportChange *change,
             GError         **error)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *agreed = NULL;
  gint64 agreed_revision = 0;
  JsonObject *ours;

  if (change->hash == NULL)
    change->hash = content_hash (store, defaults, table, theirs);
  ours = find_ours (store, table_facts (store, defaults, table), table, theirs, &holder, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (ours == NULL)
    {
      change->action = L4A_IMPORT_ADD;
      change->ours_revision = revision_of (theirs);
      return TRUE;
    }
  change->ours_revision = revision_of (ours);

  members = l4a_json_members (theirs);
  for (GList *l = members; l; l = l->next)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      /* when, where and in which revision a record was written is each
       * side's own bookkeeping, not a difference of content */
      if (l4a_records_is_bookkeeping (l->data))
        continue;
      a = canonical_value (l->data, json_object_get_member (theirs, l->data));
      b = canonical_value (l->data, json_object_get_member (ours, l->data));
      if (g_strcmp0 (a, b) != 0)
        g_ptr_array_add (change->fields, g_strdup (l->data));
    }

  if (change->fields->len == 0 || g_str_equal (table, "attachment"))
    {
      g_ptr_array_set_size (change->fields, 0);
      change->action = L4A_IMPORT_SAME;
      return TRUE;
    }

  if (agreed_state (store, table, change->id, &agreed, &agreed_revision))
    {
      gboolean theirs_changed = !g_str_equal (change->hash, agreed);
      gboolean ours_changed = revision_of (ours) != agreed_revision;

      if (!theirs_changed)
        change->action = L4A_IMPORT_OLDER;
      else if (!ours_changed)
        change->action = L4A_IMPORT_UPDATE;
      else
        change->action = L4A_IMPORT_CONFLICT;
    }
  else if (revision_of (theirs) > revision_of (ours))
    change->action = L4A_IMPORT_UPDATE;
  else if (revision_of (theirs) < revision_of (ours))
    change->action = L4A_IMPORT_OLDER;
  else
    change->action = L4A_IMPORT_CONFLICT;

  /* not the sender's to change: what is here stands */
  if (rule == RULE_ADD_ONLY)
    change->action = L4A_IMPORT_OLDER;
  return TRUE;
}

/* What the plan works out for each record from the record alone: its
 * comparable form, content hash, key and label; in the bundle reader's
 * thread for a large bundle, while the plan goes on with the records
 * before it. Nothing here touches the database. */
typedef struct
{
  JsonObject *theirs;
  char       *hash;
  char       *id;
  char       *label;
  GError     *problem;   /* what check_values() refuses */
} Prepared;

static void
prepared_free (gpointer data)
{
  Prepared *item = data;

  g_clear_pointer (&item->theirs, json_object_unref);
  g_free (item->hash);
  g_free (item->id);
  g_free (item->label);
  g_clear_error (&item->problem);
  g_free (item);
}

static gpointer
prepare_record (const char *table,
                guint       index,
                JsonNode   *record,
                gpointer    user_data)
{
  GHashTable *facts = user_data;
  JsonObject *object = json_node_get_object (record);
  Prepared *item = g_new0 (Prepared, 1);

  /* checked here, said in its turn by the plan */
  check_values (table, object, index, &item->problem);
  item->theirs = comparable (table, object);
  item->hash = content_hash (NULL, facts, table, item->theirs);
  item->id = sync_key (table, object);
  item->label = label_of (object, item->id);
  return item;
}

/* The types of records @bundle holds, in the order they are planned and
 * written (that of l4a_records_table_names()), %NULL-terminated. */
static GPtrArray *
bundle_order (L4aBundle *bundle)
{
  const char * const *tables = l4a_records_table_names ();
  GPtrArray *order = g_ptr_array_new ();

  for (guint t = 0; tables[t] != NULL; t++)
    if (l4a_bundle_get_list (bundle, TRUE, tables[t]) != NULL)
      g_ptr_array_add (order, (gpointer) tables[t]);
  g_ptr_array_add (order, NULL);
  return order;
}

/* An enrolment request: one key to record as waiting for approval. */
static L4aImportPlan *
plan_enrolment (L4aStore       *store,
                L4aBundle      *bundle,
                L4aImportPlan  *plan,
                GError        **error)
{
  g_autoptr(L4aImportPlan) owned = plan;
  g_autoptr(L4aRosterEntry) here = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *who = NULL;
  L4aImportChange *change;

  if (!l4a_trust_check_enrolment (store, bundle, &here, error))
    return NULL;
  fingerprint = l4a_key_fingerprint (bundle->signer_key);
  who = l4a_import_describe_origin (store, bundle);
  change = g_object_new (L4A_TYPE_IMPORT_CHANGE, NULL);
  change->type = g_strdup ("roster_key");
  change->id = g_strdup (bundle->signer_key);
  /* translators: who asks to be enrolled, then their key's fingerprint */
  change->label = g_strdup_printf (_("Enrolment request of %s, key %s"), who, fingerprint);
  change->fields = g_ptr_array_new_with_free_func (g_free);
  change->action = here == NULL ? L4A_IMPORT_ADD : L4A_IMPORT_SAME;
  g_ptr_array_add (owned->changes, change);
  owned->counts[change->action]++;
  owned->already_imported = query_exists (store, "SELECT 1 FROM imported_bundle WHERE id = ?1", bundle->bundle_id,
                                          NULL);
  return g_steal_pointer (&owned);
}

/* What the rules of a government's records ask of the bundle's other
 * records: the ids of its proposals and indicators, the attachments they
 * use, the activities of the sender's hubs and the deliverable changes. */
static gboolean
collect_for_rules (Rules   *rules,
                   GError **error)
{
  L4aBundle *bundle = rules->bundle;
  g_autoptr(GError) local_error = NULL;

  if (!collect (bundle, "proposal", "id", rules->proposals, error) ||
      !collect (bundle, "indicator", "id", rules->indicators, error) ||
      !collect (bundle, "proposal_attachment", "sha256", rules->attachments, error) ||
      !collect (bundle, "activity_attachment", "sha256", rules->attachments, error))
    return FALSE;
  {
    g_auto(L4aBundleIter) iter = { 0 };
    JsonNode *element = NULL;

    /* only the activities whose hub is the sender's here: the others are refused */
    l4a_bundle_iter_init (&iter, bundle, l4a_bundle_get_list (bundle, TRUE, "activity"));
    while (l4a_bundle_iter_next (&iter, &element, &local_error))
      {
        g_autoptr(JsonNode) owned = element;
        JsonObject *activity = JSON_NODE_HOLDS_OBJECT (owned) ? json_node_get_object (owned) : NULL;
        const char *activity_id = l4a_json_string (activity, "id");

        if (activity_id != NULL &&
            query_exists (rules->store, "SELECT 1 FROM hub WHERE id = ?1 AND government_id = ?2",
                          l4a_json_string (activity, "hub_id"), rules->actor))
          g_hash_table_add (rules->activities, g_strdup (activity_id));
      }
  }
  {
    g_auto(L4aBundleIter) iter = { 0 };
    JsonNode *element = NULL;

    l4a_bundle_iter_init (&iter, bundle, l4a_bundle_get_list (bundle, TRUE, "deliverable_change"));
    while (local_error == NULL && l4a_bundle_iter_next (&iter, &element, &local_error))
      {
        g_autoptr(JsonNode) owned = element;
        JsonObject *change = JSON_NODE_HOLDS_OBJECT (owned) ? json_node_get_object (owned) : NULL;
        const char *evidence = l4a_json_string (change, "evidence_sha256");

        if (l4a_json_string (change, "deliverable_id") && l4a_json_string (change, "status"))
          g_hash_table_add (rules->changes, g_strdup_printf ("%s %s", l4a_json_string (change, "deliverable_id"),
                                                             l4a_json_string (change, "status")));
        if (evidence != NULL)
          g_hash_table_add (rules->attachments, g_strdup (evidence));
      }
  }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* @writing: (nullable): where each change is written as soon as it is
 *   planned (then the rules of @bundle must read nothing the bundle
 *   writes: see import_now())
 * @settle: (nullable): with @writing, how conflicts are settled; %NULL
 *   stops the writing at the first one (the plan goes on, to count them) */
static L4aImportPlan *
compute_plan (L4aStore                  *store,
              L4aBundle                 *bundle,
              Writing                   *writing,
              const L4aImportResolution *settle,
              GError                   **error)
{
  g_autoptr(L4aImportPlan) plan = g_new0 (L4aImportPlan, 1);
  const char * const *tables = l4a_records_table_names ();
  Rules rules = { store, bundle, bundle->origin_actor, NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, table_facts_free);
  g_autoptr(GHashTable) proposals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) attachments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) attachment_at = NULL;
  g_autoptr(L4aBundleReader) reader = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *seen_table = NULL;
  const char *table = NULL;
  JsonNode *node = NULL;
  gpointer result = NULL;
  guint i = 0;
  gboolean ok = TRUE;

  plan->changes = g_ptr_array_new_with_free_func (g_object_unref);

  /* who wrote it is who signed it: the rules below act for the signer */
  if (g_str_equal (bundle->kind, "enrolment"))
    return plan_enrolment (store, bundle, g_steal_pointer (&plan), error);
  if (!l4a_trust_identify (store, bundle, error) || !check_origin (bundle, error) ||
      !l4a_trust_check_roster (bundle, error))
    return NULL;
  rules.actor = bundle->signer_actor;

  types = l4a_bundle_dup_tables (bundle);
  for (guint t = 0; t < types->len; t++)
    if (!g_strv_contains (tables, g_ptr_array_index (types, t)))
      {
        g_autofree char *shown = g_utf8_make_valid (g_ptr_array_index (types, t), 64);

        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                     _("There is no kind of record named “%s”."), shown);
        return NULL;
      }

  plan->already_imported = query_exists (store, "SELECT 1 FROM imported_bundle WHERE id = ?1", bundle->bundle_id,
                                         NULL);

  /* what the rules of one record ask of the others, read first: only a
   * government's bundles are judged so */
  rules.proposals = proposals;
  rules.indicators = indicators;
  rules.attachments = attachments;
  rules.changes = changes;
  rules.activities = activities;
  if (l4a_bundle_kind_get_role (bundle->kind) == L4A_ROLE_GOVERNMENT && !collect_for_rules (&rules, error))
    return NULL;
  /* brand assets are checked with the bytes of their attachment */
  if (l4a_bundle_get_n_records (bundle, "brand_asset") > 0)
    {
      attachment_at = index_attachments (bundle, error);
      if (attachment_at == NULL)
        return NULL;
      rules.attachment_at = attachment_at;
    }

  /* then each record, in the order of the tables, a few at a time */
  order = bundle_order (bundle);
  for (guint t = 0; g_ptr_array_index (order, t) != NULL; t++)
    table_facts (store, facts, g_ptr_array_index (order, t));
  reader = l4a_bundle_reader_new (bundle, (const char * const *) order->pdata, NULL, prepare_record, prepared_free,
                                  facts);
  l4a_bundle_reader_recycle_in_thread (reader);
  while (ok && l4a_bundle_reader_next (reader, &table, &i, &node, &result, &local_error))
    {
      JsonObject *object = json_node_get_object (node);
      Prepared *item = result;
      L4aImportChange *change = g_object_new (L4A_TYPE_IMPORT_CHANGE, NULL);
      Rule rule;

      if (table != seen_table)
        {
          /* the keys of this table so far, owned by the changes */
          g_clear_pointer (&seen, g_hash_table_unref);
          seen = g_hash_table_new (g_str_hash, g_str_equal);
          seen_table = table;
        }
      change->type = g_strdup (table);
      change->index = i;
      change->id = g_steal_pointer (&item->id);
      change->fields = g_ptr_array_new_with_free_func (g_free);
      change->resolution = L4A_RESOLVE_MINE;
      g_ptr_array_add (plan->changes, change);

      if (!check_members (store, facts, seen, table, object, change->id, i, item->problem, error))
        {
          ok = FALSE;
          break;
        }
      rule = record_rule (&rules, table, object, i, error);
      if (rule == RULE_REFUSED ||
          (g_str_equal (table, "brand_asset") && !check_brand_asset (&rules, object, i, error)))
        {
          ok = FALSE;
          break;
        }

      change->hash = g_steal_pointer (&item->hash);
      change->label = g_steal_pointer (&item->label);
      ok = plan_record (store, facts, table, item->theirs, rule, change, error);
      if (ok)
        plan->counts[change->action]++;
      if (ok && writing != NULL && !plan->already_imported)
        {
          if (change->action == L4A_IMPORT_CONFLICT && settle == NULL)
            writing = NULL;
          else
            {
              if (settle != NULL)
                change->resolution = *settle;
              ok = writing_put (writing, change, item->theirs, error);
            }
        }
      recycle (reader, writing);
    }
  if (ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  return ok ? g_steal_pointer (&plan) : NULL;
}

static gboolean
writes (L4aImportChange *change)
{
  return change->action == L4A_IMPORT_ADD || change->action == L4A_IMPORT_UPDATE ||
         (change->action == L4A_IMPORT_CONFLICT && change->resolution == L4A_RESOLVE_THEIRS);
}

/* Writes @plan in the caller's transaction. */
/* A proposal a submission carries as submitted passes the six key
 * features, as on Submit in the editor: checked once it is written (in the
 * transaction, before anything is committed), with its partners,
 * deliverables and indicators as the bundle brought them. */
static gboolean
check_submitted (L4aStore       *store,
                 GPtrArray      *submitted,
                 GError        **error)
{
  for (guint i = 0; i < submitted->len; i++)
    {
      g_autoptr(L4aProposalEdit) edit = NULL;
      g_autoptr(GPtrArray) checks = NULL;

      edit = l4a_registry_load_proposal (store, g_ptr_array_index (submitted, i), error);
      if (edit == NULL)
        return FALSE;
      checks = l4a_proposal_check_features (store, edit);
      for (guint c = 0; c < checks->len; c++)
        {
          L4aFeatureCheck *check = g_ptr_array_index (checks, c);

          if (check->passed)
            continue;
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       /* translators: a proposal, a key feature, and why it is not met */
                       _("Proposal “%s” is submitted without meeting the key feature “%s”: %s"),
                       edit->title, check->label, check->reason);
          return FALSE;
        }
    }
  return TRUE;
}

/* The records the plan writes are read again from the bundle, a few at a
 * time: the plan keeps none. */
static gboolean
want_written (const char *table,
              guint       position,
              gpointer    user_data)
{
  L4aImportPlan *plan = user_data;

  return position < plan->changes->len && writes (g_ptr_array_index (plan->changes, position));
}

static gpointer
comparable_record (const char *table,
                   guint       index,
                   JsonNode   *record,
                   gpointer    user_data)
{
  return JSON_NODE_HOLDS_OBJECT (record) ? comparable (table, json_node_get_object (record)) : NULL;
}

/* Writing the records of a plan, one change at a time, in the caller's
 * transaction: from the bundle read again (write_plan()), or as each
 * record is planned (compute_plan() for l4a_import_now()). */
struct _Writing
{
  L4aStore        *store;
  L4aBundle       *bundle;
  L4aRecordWriter *writer;
  L4aBatch        *agreed;
  GPtrArray       *submitted;
  char            *now;
  gboolean         trial;
  guint            written;
  /* hubs, proposals, partners and governments: how many the bundle
   * carries, how many were written, whether the writer was told */
  guint            searchable_carried;
  guint            searchable_written;
  gboolean         searchable_told;
  /* the connection's page cache before a large bundle, or 0 */
  int              cache_size;
};

/* How many records make a bundle large, and the page cache its writing
 * takes (KiB): a cache smaller than what a transaction touches writes
 * the same pages out to the log again and again (the preview and import
 * of 300 000 records took a fifth less time with it, of 700 000 a tenth;
 * processor time a few per cent less, within this machine's noise). */
#define LARGE_BUNDLE 20000
#define LARGE_BUNDLE_CACHE_KIB 65536

/* How many searchable records are written before the writer is told how
 * many the bundle carries (l4a_record_writer_expect() passes over fewer) */
#define WRITES_BEFORE_TELLING 1000

static void
writing_clear (Writing *w)
{
  if (w->cache_size != 0)
    l4a_store_swap_cache_size (w->store, w->cache_size);
  w->cache_size = 0;
  g_clear_pointer (&w->writer, l4a_record_writer_free);
  g_clear_pointer (&w->agreed, l4a_batch_free);
  g_clear_pointer (&w->submitted, g_ptr_array_unref);
  g_clear_pointer (&w->now, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writing, writing_clear)

/* @n_searchable: how many hubs, proposals, partners and governments are
 * about to be written; -1 when not known yet (then the writer is told the
 * bundle's count once many of them are written: a bundle that changes few
 * of many leaves the search index to its triggers) */
static gboolean
writing_begin (Writing    *w,
               L4aStore   *store,
               L4aBundle  *bundle,
               gboolean    trial,
               gboolean    sample,
               int         n_searchable,
               GError    **error)
{
  g_autofree char *source = g_strdup_printf ("bundle %s %s", bundle->kind, bundle->bundle_id);
  const char * const *tables = l4a_records_table_names ();
  guint n_records = 0, n_carried = 0;

  w->store = store;
  w->bundle = bundle;
  w->trial = trial;
  w->written = 0;
  w->now = l4a_now_iso8601 ();
  for (guint t = 0; tables[t] != NULL; t++)
    {
      guint n = l4a_bundle_get_n_records (bundle, tables[t]);

      n_records += n;
      if (l4a_records_is_searchable (tables[t]))
        n_carried += n;
    }
  if (n_records >= LARGE_BUNDLE)
    w->cache_size = l4a_store_swap_cache_size (store, -LARGE_BUNDLE_CACHE_KIB);
  w->submitted = g_ptr_array_new_with_free_func (g_free);
  w->writer = l4a_record_writer_new (store, sample, source);
  w->agreed = l4a_batch_new (store, "INSERT INTO sync_state (record_type, record_key, theirs_hash, "
                                    "ours_revision, agreed_at)", 5,
                             "ON CONFLICT DO UPDATE SET theirs_hash = excluded.theirs_hash, "
                             "ours_revision = excluded.ours_revision, agreed_at = excluded.agreed_at");
  /* a trial, rolled back, only needs the records' own checks */
  l4a_record_writer_set_trial (w->writer, trial);
  l4a_record_writer_derive_bookkeeping (w->writer, bundle->origin_installation);
  if (n_searchable < 0)
    {
      w->searchable_carried = n_carried;
      return TRUE;
    }
  w->searchable_told = TRUE;
  return l4a_record_writer_expect (w->writer, (guint) n_searchable, error);
}

/* Writes @change, whose record is @theirs (its comparable form), if the
 * plan writes it, and records what both sides now agree on. */
static gboolean
writing_put (Writing          *w,
             L4aImportChange  *change,
             JsonObject       *theirs,
             GError          **error)
{
  if (writes (change))
    {
      if (theirs == NULL)
        {
          g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                               _("The bundle is not the one the preview was made of; nothing was imported."));
          return FALSE;
        }
      if (!w->searchable_told && l4a_records_is_searchable (change->type) &&
          ++w->searchable_written >= WRITES_BEFORE_TELLING)
        {
          w->searchable_told = TRUE;
          if (!l4a_record_writer_expect (w->writer, w->searchable_carried, error))
            return FALSE;
        }
      if (!l4a_record_writer_put (w->writer, change->type, theirs, change->index,
                                  change->action != L4A_IMPORT_ADD, error))
        return FALSE;
      w->written++;
      if (g_str_equal (change->type, "proposal") && g_str_equal (w->bundle->kind, "submission") &&
          g_strcmp0 (l4a_json_string (theirs, "state"), "submitted") == 0)
        g_ptr_array_add (w->submitted, g_strdup (change->id));
    }

  /* a trial records nothing of what was agreed */
  if (w->trial)
    return TRUE;

  /* a record added is at the revision it came with; an update made
   * a new revision of ours (l4a-records.c) */
  if (change->action == L4A_IMPORT_ADD)
    change->ours_revision = revision_of (theirs);
  else if (writes (change))
    change->ours_revision++;

  /* Both sides have now seen this version: it is what they last agreed. */
  l4a_batch_text (w->agreed, change->type);
  l4a_batch_text (w->agreed, change->id);
  l4a_batch_text (w->agreed, change->hash);
  l4a_batch_int (w->agreed, change->ours_revision);
  l4a_batch_text (w->agreed, w->now);
  return l4a_batch_end_row (w->agreed, error);
}

/* That @bundle was imported, in the log of bundles and the audit log. */
static gboolean
record_import (L4aStore    *store,
               L4aBundle   *bundle,
               const char  *now,
               guint        written,
               guint        conflicts,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *details = g_strdup_printf ("{\"kind\":\"%s\",\"written\":%u,\"conflicts\":%u}",
                                              bundle->kind, written, conflicts);

  stmt = l4a_store_prepare (store, "INSERT INTO imported_bundle (id, kind, origin, imported_at) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bundle->bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bundle->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bundle->origin_installation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, NULL, error) &&
         l4a_store_audit (store, "import", "bundle", bundle->bundle_id, details, error);
}

/* After the last change: what is checked of the whole, then the record of
 * the import. */
static gboolean
writing_end (Writing        *w,
             L4aImportPlan  *plan,
             GError        **error)
{
  if (!l4a_record_writer_finish (w->writer, error) ||
      !check_submitted (w->store, w->submitted, error) ||
      !l4a_trust_merge_roster (w->store, w->bundle, error))
    return FALSE;
  if (w->trial)
    return TRUE;
  return l4a_batch_flush (w->agreed, error) &&
         record_import (w->store, w->bundle, w->now, w->written, plan->counts[L4A_IMPORT_CONFLICT], error);
}

/* The records read so far go back to the reader's thread to be freed,
 * once the writer keeps none of them (nothing else keeps any). A writer
 * set aside after a conflict (compute_plan()) is given nothing more and
 * touches nothing it keeps until it is freed, after the reader's thread
 * has ended: the thread's references and its own are let go of in turn. */
static void
recycle (L4aBundleReader *reader,
         Writing         *w)
{
  if (w == NULL || w->writer == NULL || !l4a_record_writer_holds_records (w->writer))
    l4a_bundle_reader_recycle (reader);
}

static gboolean
write_plan (L4aStore          *store,
            L4aBundle         *bundle,
            L4aImportPlan     *plan,
            gboolean           trial,
            gboolean           sample,
            GCancellable      *cancellable,
            L4aImportProgress  progress,
            gpointer           user_data,
            guint             *n_written,
            GError           **error)
{
  g_auto(Writing) w = { 0 };
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(L4aBundleReader) reader = NULL;
  guint searchable = 0;

  if (g_str_equal (bundle->kind, "enrolment"))
    {
      L4aImportChange *change = g_ptr_array_index (plan->changes, 0);
      g_autofree char *now = l4a_now_iso8601 ();

      if (change->action == L4A_IMPORT_ADD && !l4a_trust_add_enrolment (store, bundle, error))
        return FALSE;
      if (trial)
        return TRUE;
      if (!record_import (store, bundle, now, change->action == L4A_IMPORT_ADD, 0, error))
        return FALSE;
      if (progress != NULL)
        progress (1.0, user_data);
      if (n_written != NULL)
        *n_written = change->action == L4A_IMPORT_ADD;
      return TRUE;
    }

  for (guint i = 0; i < plan->changes->len; i++)
    {
      L4aImportChange *change = g_ptr_array_index (plan->changes, i);

      if (writes (change) && l4a_records_is_searchable (change->type))
        searchable++;
    }
  if (!writing_begin (&w, store, bundle, trial, sample, (int) searchable, error))
    return FALSE;

  order = bundle_order (bundle);
  reader = l4a_bundle_reader_new (bundle, (const char * const *) order->pdata, want_written, comparable_record,
                                  (GDestroyNotify) json_object_unref, plan);
  l4a_bundle_reader_recycle_in_thread (reader);
  for (guint i = 0; i < plan->changes->len; i++)
    {
      L4aImportChange *change = g_ptr_array_index (plan->changes, i);
      g_autoptr(GError) local_error = NULL;
      const char *table = NULL;
      gpointer result = NULL;
      guint index = 0;

      if ((i & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) i / plan->changes->len, user_data);
        }

      if (!l4a_bundle_reader_next (reader, &table, &index, NULL, &result, &local_error) ||
          !g_str_equal (table, change->type) || index != change->index)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                                 _("The bundle is not the one the preview was made of; nothing was imported."));
          return FALSE;
        }
      if (!writing_put (&w, change, result, error))
        return FALSE;
      recycle (reader, &w);
    }

  if (!writing_end (&w, plan, error))
    return FALSE;
  if (progress != NULL && !trial)
    progress (1.0, user_data);
  if (n_written != NULL && !trial)
    *n_written = w.written;
  return TRUE;
}

/* The secretariat's rules read nothing of the database, so nothing its
 * bundle writes can change how its later records are judged: each record
 * can be written (or tried) as soon as it is planned, from one reading of
 * the bundle (a large registry is read once, not twice). Other bundles are
 * judged against the database as it was, then written. */
static gboolean
written_as_planned (L4aBundle *bundle)
{
  return l4a_bundle_kind_get_role (bundle->kind) == L4A_ROLE_SECRETARIAT && !g_str_equal (bundle->kind, "enrolment");
}

/* Where the database stands: another connection's commits change the
 * first, this one's writes (even rolled back) the second. */
static void
database_state (L4aStore *store,
                gint64   *data_version,
                gint64   *total_changes)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "PRAGMA data_version", NULL);

  *data_version = -1;
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    *data_version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  *total_changes = sqlite3_total_changes64 (l4a_store_get_db (store));
}

static gboolean
plan_still_holds (L4aStore      *store,
                  L4aImportPlan *plan)
{
  gint64 data_version, total_changes;

  if (plan->already_imported || plan->connection != l4a_store_get_serial (store))
    return FALSE;
  database_state (store, &data_version, &total_changes);
  return data_version == plan->data_version && total_changes == plan->total_changes;
}

/**
 * l4a_import_plan:
 *
 * Checks @bundle against the rules of its kind and origin and works out
 * what importing it would do, record by record; then tries the whole of
 * it in a transaction that is rolled back, so that any record the
 * database would refuse is reported now. Nothing is written.
 *
 * Returns: (transfer full): the plan, or %NULL with @error naming the
 *   record and the reason
 */
L4aImportPlan *
l4a_import_plan (L4aStore   *store,
                 L4aBundle  *bundle,
                 GError    **error)
{
  g_autoptr(L4aImportPlan) plan = NULL;
  g_auto(Writing) w = { 0 };
  Writing *writing = NULL;
  const L4aImportResolution theirs = L4A_RESOLVE_THEIRS;
  gboolean ok = TRUE;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (bundle != NULL, NULL);

  if (!l4a_store_begin (store, error))
    return NULL;
  /* the trial takes their side of every conflict, the most it could write;
   * made as each record is planned where the rules allow, else after */
  if (written_as_planned (bundle))
    {
      ok = writing_begin (&w, store, bundle, TRUE, FALSE, -1, error);
      writing = &w;
    }
  if (ok)
    plan = compute_plan (store, bundle, writing, &theirs, error);
  if (plan != NULL && !plan->already_imported)
    {
      if (writing != NULL)
        ok = writing_end (writing, plan, error);
      else
        {
          l4a_import_plan_resolve_all (plan, L4A_RESOLVE_THEIRS);
          ok = write_plan (store, bundle, plan, TRUE, FALSE, NULL, NULL, NULL, NULL, error);
        }
      if (!ok)
        g_clear_pointer (&plan, l4a_import_plan_free);
    }
  if (plan != NULL)
    l4a_import_plan_resolve_all (plan, L4A_RESOLVE_MINE);
  l4a_store_rollback (store);
  if (plan != NULL)
    {
      plan->connection = l4a_store_get_serial (store);
      database_state (store, &plan->data_version, &plan->total_changes);
    }

  return g_steal_pointer (&plan);
}

/* The work of l4a_import_apply(), inside its transaction. */
static gboolean
apply_plan (L4aStore          *store,
            L4aBundle         *bundle,
            L4aImportPlan     *plan,
            gboolean           sample,
            GCancellable      *cancellable,
            L4aImportProgress  progress,
            gpointer           user_data,
            guint             *n_written,
            GError           **error)
{
  g_autoptr(L4aImportPlan) now = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (bundle != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  /* Nothing written since the preview, which was worked out through the
   * same connection (the counters are the connection's own): its plan
   * still holds, with the user's resolutions. Otherwise the plan is
   * worked out again, and must say the same. */
  if (!plan_still_holds (store, plan))
    {
      now = compute_plan (store, bundle, NULL, NULL, error);
      if (now == NULL)
        return FALSE;
      if (now->already_imported)
        return TRUE;
      if (now->changes->len != plan->changes->len)
        goto changed;
      for (guint i = 0; i < now->changes->len; i++)
        {
          L4aImportChange *a = g_ptr_array_index (now->changes, i);
          L4aImportChange *b = g_ptr_array_index (plan->changes, i);

          if (a->action != b->action || g_strcmp0 (a->id, b->id) != 0)
            goto changed;
          a->resolution = b->resolution;
        }
    }

  if (write_plan (store, bundle, now ? now : plan, FALSE, sample, cancellable, progress, user_data, n_written, error))
    return TRUE;
  if (n_written != NULL)
    *n_written = 0;
  return FALSE;

changed:
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                       _("The database changed since the preview; nothing was imported. Preview the bundle again."));
  return FALSE;
}

/**
 * l4a_import_apply:
 * @plan: the plan shown to the user, with the resolution of each conflict
 * @sample: whether records added are marked as sample data
 * @cancellable: (nullable): cancelling rolls everything back
 * @progress: (nullable): told now and then of the share done
 * @n_written: (out) (optional): how many records were added or updated
 *
 * Imports @bundle in one transaction (a savepoint when the caller has one
 * open): all of it, or nothing. The plan is
 * worked out again inside the transaction; if the database changed since
 * @plan was made so that a record would now be treated differently, the
 * import stops and asks for a new preview. A bundle imported already
 * changes nothing.
 */
gboolean
l4a_import_apply (L4aStore          *store,
                  L4aBundle         *bundle,
                  L4aImportPlan     *plan,
                  gboolean           sample,
                  GCancellable      *cancellable,
                  L4aImportProgress  progress,
                  gpointer           user_data,
                  guint             *n_written,
                  GError           **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (bundle != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!l4a_store_begin (store, error))
    return FALSE;
  if (apply_plan (store, bundle, plan, sample, cancellable, progress, user_data, n_written, error) &&
      l4a_store_commit (store, error))
    return TRUE;
  l4a_store_rollback (store);
  if (n_written != NULL)
    *n_written = 0;
  return FALSE;
}

/* Refuses a bundle with records changed on both sides (none settled). */
static gboolean
refuse_conflicts (L4aImportPlan  *plan,
                  GError        **error)
{
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
               g_dngettext (GETTEXT_PACKAGE, "%u record changed on both sides; nothing was imported.",
                            "%u records changed on both sides; nothing was imported.",
                            plan->counts[L4A_IMPORT_CONFLICT]),
               plan->counts[L4A_IMPORT_CONFLICT]);
  return FALSE;
}

/* The work of l4a_import_now(), inside its transaction. */
static gboolean
import_now (L4aStore                  *store,
            L4aBundle                 *bundle,
            const L4aImportResolution *settle,
            gboolean                   sample,
            L4aImportPlan            **plan_out,
            guint                     *n_written,
            GError                   **error)
{
  g_autoptr(L4aImportPlan) plan = NULL;
  g_auto(Writing) w = { 0 };
  Writing *writing = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (bundle != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  if (written_as_planned (bundle))
    {
      if (!writing_begin (&w, store, bundle, FALSE, sample, -1, error))
        return FALSE;
      writing = &w;
    }
  plan = compute_plan (store, bundle, writing, settle, error);
  if (plan == NULL)
    return FALSE;
  if (plan->already_imported)
    ok = TRUE;
  else if (plan->counts[L4A_IMPORT_CONFLICT] > 0 && settle == NULL)
    ok = refuse_conflicts (plan, error);
  else if (writing != NULL)
    {
      /* written as it was planned: what is left is the end */
      ok = writing_end (writing, plan, error);
      if (ok && n_written != NULL)
        *n_written = writing->written;
    }
  else
    {
      if (settle != NULL)
        l4a_import_plan_resolve_all (plan, *settle);
      ok = write_plan (store, bundle, plan, FALSE, sample, NULL, NULL, NULL, n_written, error);
      if (!ok && n_written != NULL)
        *n_written = 0;
    }
  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);
  return ok;
}

/**
 * l4a_import_now:
 * @settle: (nullable): how records changed on both sides are settled;
 *   %NULL refuses a bundle with any of them
 * @sample: whether records added are marked as sample data
 * @plan_out: (out) (optional) (transfer full): what was done, or would
 *   have been (also when records in conflict refused the bundle)
 * @n_written: (out) (optional): how many records were added or updated
 *
 * Checks, plans and imports @bundle in one write transaction (a savepoint
 * when the caller has one open), with no preview: for the command line. All of it, or nothing; a record the
 * database refuses is named in @error, as the preview's trial would.
 */
gboolean
l4a_import_now (L4aStore                  *store,
                L4aBundle                 *bundle,
                const L4aImportResolution *settle,
                gboolean                   sample,
                L4aImportPlan            **plan_out,
                guint                     *n_written,
                GError                   **error)
{
  if (plan_out != NULL)
    *plan_out = NULL;
  if (!l4a_store_begin (store, error))
    return FALSE;
  if (import_now (store, bundle, settle, sample, plan_out, n_written, error) &&
      l4a_store_commit (store, error))
    return TRUE;
  l4a_store_rollback (store);
  if (n_written != NULL)
    *n_written = 0;
  return FALSE;
}

/**
 * l4a_import_describe_origin:
 *
 * Returns: (transfer full): who wrote @bundle, in words: the member's or
 *   the government's name where this database knows it, and the role
 */
char *
l4a_import_describe_origin (L4aStore  *store,
                            L4aBundle *bundle)
{
  g_autofree char *name = NULL;
  const char *actor = bundle->identified ? bundle->signer_actor : bundle->origin_actor;
  sqlite3_stmt *stmt;
  L4aRole role;

  if (bundle->identified)
    role = bundle->signer_role;
  else if (!l4a_role_from_string (bundle->origin_role, &role))
    return g_strdup (bundle->origin_actor);
  if (role == L4A_ROLE_SECRETARIAT)
    return g_strdup (l4a_role_get_label (role));

  stmt = l4a_store_prepare_cached (store, "SELECT name FROM member WHERE id = ?1 "
                                          "UNION ALL SELECT name FROM government WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, actor, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = l4a_store_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* translators: who wrote a bundle, then their role, e.g. Quito (Local government) */
  return g_strdup_printf (_("%s (%s)"), name ? name : actor, l4a_role_get_label (role));
}
