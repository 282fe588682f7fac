/* l4a-hub-edit.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "l4a-permissions.h"
#include "l4a-hub-edit.h"
#include "l4a-labels.h"
#include "l4a-records.h"
#include "l4a-reference.h"
#include "l4a-store-private.h"

/* Creating, changing and deleting hubs: the rules, the role check, the
 * revision and the audit log, in one place for every caller. */

/* The text fields of L4aHubEdit with their columns and properties, in one
 * table so that loading, comparing, saving, auditing and binding cannot
 * drift apart. */
static const L4aTextField text_fields[] = {
  { "government_id", "government-id", G_STRUCT_OFFSET (L4aHubEdit, government_id) },
  { "name", "name", G_STRUCT_OFFSET (L4aHubEdit, name) },
  { "summary", "summary", G_STRUCT_OFFSET (L4aHubEdit, summary) },
  { "topic", "topic", G_STRUCT_OFFSET (L4aHubEdit, topic) },
  { "pact_axis", "pact-axis", G_STRUCT_OFFSET (L4aHubEdit, pact_axis) },
  { "format", "format", G_STRUCT_OFFSET (L4aHubEdit, format) },
  { "start_on", "start", G_STRUCT_OFFSET (L4aHubEdit, start) },
  { "end_on", "end", G_STRUCT_OFFSET (L4aHubEdit, end) },
  { "status", "status", G_STRUCT_OFFSET (L4aHubEdit, status) },
  { "label_date", "label-date", G_STRUCT_OFFSET (L4aHubEdit, label_date) },
  { "communication", "communication", G_STRUCT_OFFSET (L4aHubEdit, communication) },
  { "brand_commitment", "brand-commitment", G_STRUCT_OFFSET (L4aHubEdit, brand_commitment) },
};

#define FIELD(edit, i) L4A_TEXT_FIELD (edit, text_fields, i)

/* Properties 1 to G_N_ELEMENTS (text_fields) are the text fields. */
enum {
  PROP_SDGS = G_N_ELEMENTS (text_fields) + 1,
  PROP_COUNCILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (L4aHubEdit, l4a_hub_edit, G_TYPE_OBJECT)

static void
l4a_hub_edit_finalize (GObject *object)
{
  L4aHubEdit *edit = L4A_HUB_EDIT (object);

  g_free (edit->id);
  l4a_text_fields_clear (edit, text_fields, G_N_ELEMENTS (text_fields));

  G_OBJECT_CLASS (l4a_hub_edit_parent_class)->finalize (object);
}

static void
l4a_hub_edit_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  L4aHubEdit *edit = L4A_HUB_EDIT (object);

  if (l4a_text_fields_get (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value))
    return;
  if (prop_id == PROP_SDGS)
    g_value_set_uint (value, edit->sdgs);
  else if (prop_id == PROP_COUNCILS)
    g_value_set_uint (value, edit->councils);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_hub_edit_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  L4aHubEdit *edit = L4A_HUB_EDIT (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (text_fields))
    {
      const char *text = g_value_get_string (value);

      /* empty text is no text */
      l4a_set_text_field (object, &FIELD (edit, prop_id - 1), text != NULL && *text != '\0' ? text : NULL, pspec);
    }
  else if (prop_id == PROP_SDGS || prop_id == PROP_COUNCILS)
    {
      guint *bits = prop_id == PROP_SDGS ? &edit->sdgs : &edit->councils;

      if (*bits == g_value_get_uint (value))
        return;
      *bits = g_value_get_uint (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_hub_edit_class_init (L4aHubEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_hub_edit_finalize;
  object_class->get_property = l4a_hub_edit_get_property;
  object_class->set_property = l4a_hub_edit_set_property;

  l4a_text_fields_install (properties, text_fields, G_N_ELEMENTS (text_fields));
  properties[PROP_SDGS] = g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCILS] = g_param_spec_uint ("councils", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_hub_edit_init (L4aHubEdit *edit)
{
}

L4aHubEdit *
l4a_hub_edit_new (void)
{
  L4aHubEdit *edit = g_object_new (L4A_TYPE_HUB_EDIT, NULL);

  edit->format = g_strdup ("in-person");
  edit->status = g_strdup ("active");
  return edit;
}

L4aHubEdit *
l4a_hub_edit_copy (const L4aHubEdit *edit)
{
  L4aHubEdit *copy;

  g_return_val_if_fail (L4A_IS_HUB_EDIT ((gpointer) edit), NULL);

  copy = g_object_new (L4A_TYPE_HUB_EDIT, NULL);
  copy->id = g_strdup (edit->id);
  copy->revision = edit->revision;
  l4a_text_fields_copy (copy, edit, text_fields, G_N_ELEMENTS (text_fields));
  copy->sdgs = edit->sdgs;
  copy->councils = edit->councils;
  return copy;
}

void
l4a_hub_edit_free (L4aHubEdit *edit)
{
  g_clear_object (&edit);
}

/**
 * l4a_hub_edit_set_sdg:
 *
 * Chooses the Sustainable Development Goal @goal (1 to 17) or not.
 */
void
l4a_hub_edit_set_sdg (L4aHubEdit *edit,
                      guint       goal,
                      gboolean    chosen)
{
  g_return_if_fail (L4A_IS_HUB_EDIT (edit));
  g_return_if_fail (goal < 32);

  g_object_set (edit, "sdgs", chosen ? edit->sdgs | (1u << goal) : edit->sdgs & ~(1u << goal), NULL);
}

/**
 * l4a_hub_edit_set_council:
 *
 * Chooses the Policy Council at @position (in the reference order) or not.
 */
void
l4a_hub_edit_set_council (L4aHubEdit *edit,
                          guint       position,
                          gboolean    chosen)
{
  g_return_if_fail (L4A_IS_HUB_EDIT (edit));
  g_return_if_fail (position < 32);

  g_object_set (edit, "councils",
                chosen ? edit->councils | (1u << position) : edit->councils & ~(1u << position), NULL);
}

/* Empty text and no text are the same to a form. */
static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

gboolean
l4a_hub_edit_equal (const L4aHubEdit *a,
                    const L4aHubEdit *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (!same_text (FIELD (a, i), FIELD (b, i)))
      return FALSE;
  return a->sdgs == b->sdgs && a->councils == b->councils;
}

/**
 * l4a_registry_load_hub:
 *
 * Returns: (transfer full): the hub's editable fields, or %NULL with
 *   @error set
 */
L4aHubEdit *
l4a_registry_load_hub (L4aStore    *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(L4aCachedStatement) stmt = NULL;
  g_autoptr(L4aHubEdit) edit = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* cached: a website reads every hub */
  stmt = l4a_store_prepare_cached (store,
                                   "SELECT government_id, name, summary, topic, pact_axis, format, start_on, "
                                   "       end_on, status, label_date, communication, brand_commitment, revision, "
                                   "       (SELECT coalesce (sum (1 << goal), 0) FROM hub_sdg s WHERE s.hub_id = h.id), "
                                   "       (SELECT coalesce (sum (1 << p.position), 0) FROM hub_council c "
                                   "        JOIN policy_council p ON p.code = c.council WHERE c.hub_id = h.id) "
                                   "FROM hub h WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no hub with the id “%s”."), id);
      return NULL;
    }

  edit = g_object_new (L4A_TYPE_HUB_EDIT, NULL);
  edit->id = g_strdup (id);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    FIELD (edit, i) = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i));
  edit->revision = sqlite3_column_int (stmt, 12);
  edit->sdgs = (guint) sqlite3_column_int64 (stmt, 13);
  edit->councils = (guint) sqlite3_column_int64 (stmt, 14);

  return g_steal_pointer (&edit);
}

static gboolean
row_exists (L4aStore   *store,
            const char *sql,
            const char *value)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * l4a_hub_edit_validate:
 *
 * Checks every rule a hub must keep, field by field, as a form shows them
 * while the user types.
 *
 * Returns: (transfer full) (element-type L4aFieldError): the problems;
 *   empty when the hub can be saved
 */
GPtrArray *
l4a_hub_edit_validate (L4aStore         *store,
                       const L4aHubEdit *edit)
{
  GPtrArray *errors = l4a_field_errors_new ();
  g_autofree char *frame = NULL;
  GDate date;

  g_return_val_if_fail (L4A_IS_STORE (store), errors);
  g_return_val_if_fail (edit != NULL, errors);

  if (l4a_text_is_blank (edit->name))
    l4a_field_errors_add (errors, "name", "%s", _("A hub needs a name."));
  else if (g_utf8_strlen (edit->name, -1) > 200)
    l4a_field_errors_add (errors, "name", "%s", _("The name is longer than 200 characters."));

  if (l4a_text_is_blank (edit->government_id))
    l4a_field_errors_add (errors, "government_id", "%s", _("Choose the government that leads the hub."));
  else if (!row_exists (store, "SELECT 1 FROM government g JOIN country c ON c.code = g.country WHERE g.id = ?1",
                        edit->government_id))
    l4a_field_errors_add (errors, "government_id", "%s",
                          _("The lead government is not in the database, or its country is not a known one."));

  if (l4a_text_is_blank (edit->start))
    l4a_field_errors_add (errors, "start_on", "%s", _("Give the date the hub starts."));
  else if (!l4a_parse_date (edit->start, &date))
    l4a_field_errors_add (errors, "start_on", "%s", _("The start is not a date; write it as YYYY-MM-DD."));

  if (l4a_text_is_blank (edit->end))
    l4a_field_errors_add (errors, "end_on", "%s", _("Give the date the hub ends."));
  else if (!l4a_parse_date (edit->end, &date))
    l4a_field_errors_add (errors, "end_on", "%s", _("The end is not a date; write it as YYYY-MM-DD."));
  else if (l4a_parse_date (edit->start, &date) && (frame = l4a_time_frame_problem (edit->start, edit->end)))
    l4a_field_errors_add (errors, "end_on", "%s", frame);

  if (!l4a_text_is_blank (edit->label_date) && !l4a_parse_date (edit->label_date, &date))
    l4a_field_errors_add (errors, "label_date", "%s", _("The label date is not a date; write it as YYYY-MM-DD."));

  if ((edit->sdgs & ~(((1u << (L4A_N_SDGS + 1)) - 1) & ~1u)) != 0)
    l4a_field_errors_add (errors, "sdgs", "%s", _("SDG goals run from 1 to 17."));
  else if (edit->sdgs == 0)
    l4a_field_errors_add (errors, "sdgs", "%s", _("Choose at least one Sustainable Development Goal."));

  if (!l4a_enum_is_valid (L4A_TYPE_HUB_STATUS, edit->status))
    l4a_field_errors_add (errors, "status", "%s", _("The status must be active, completed or withdrawn."));

  if (!l4a_enum_is_valid (L4A_TYPE_FORMAT, edit->format))
    l4a_field_errors_add (errors, "format", "%s", _("The format must be in person, virtual or hybrid."));

  if (!l4a_text_is_blank (edit->pact_axis) && l4a_reference_lookup (L4A_REFERENCE_AXES, edit->pact_axis) == NULL)
    l4a_field_errors_add (errors, "pact_axis", "%s", _("The Pact axis must be People, Planet or Government."));

  {
    guint n_councils;

    l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n_councils);
    if (edit->councils >> n_councils)
      l4a_field_errors_add (errors, "councils", "%s", _("An unknown Policy Council is chosen."));
  }

  return errors;
}

static gboolean
write_links (L4aStore         *store,
             const L4aHubEdit *edit,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) del_sdgs = NULL;
  g_autoptr(sqlite3_stmt) del_councils = NULL;
  g_autoptr(sqlite3_stmt) add_sdg = NULL;
  g_autoptr(sqlite3_stmt) add_council = NULL;
  const L4aReferenceEntry *councils;
  guint n_councils;

  del_sdgs = l4a_store_prepare (store, "DELETE FROM hub_sdg WHERE hub_id = ?1", error);
  del_councils = del_sdgs ? l4a_store_prepare (store, "DELETE FROM hub_council WHERE hub_id = ?1", error) : NULL;
  add_sdg = del_councils ? l4a_store_prepare (store, "INSERT INTO hub_sdg (hub_id, goal) VALUES (?1, ?2)", error) : NULL;
  add_council = add_sdg ? l4a_store_prepare (store, "INSERT INTO hub_council (hub_id, council) VALUES (?1, ?2)", error) : NULL;
  if (add_council == NULL)
    return FALSE;

  sqlite3_bind_text (del_sdgs, 1, edit->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (del_councils, 1, edit->id, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, del_sdgs, NULL, error) ||
      !l4a_store_step_done (store, del_councils, NULL, error))
    return FALSE;

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      if (!(edit->sdgs & (1u << goal)))
        continue;
      sqlite3_reset (add_sdg);
      sqlite3_bind_text (add_sdg, 1, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (add_sdg, 2, (int) goal);
      if (!l4a_store_step_done (store, add_sdg, NULL, error))
        return FALSE;
    }

  councils = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n_councils);
  for (guint i = 0; i < n_councils; i++)
    {
      if (!(edit->councils & (1u << i)))
        continue;
      sqlite3_reset (add_council);
      sqlite3_bind_text (add_council, 1, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_council, 2, councils[i].code, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, add_council, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_fields (sqlite3_stmt     *stmt,
             const L4aHubEdit *edit)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = FIELD (edit, i);

      /* Optional codes and dates are NULL when empty; texts are "". */
      if (l4a_text_is_blank (value) && (g_str_equal (text_fields[i].column, "pact_axis") ||
                            g_str_equal (text_fields[i].column, "label_date")))
        sqlite3_bind_null (stmt, (int) i + 1);
      else
        sqlite3_bind_text (stmt, (int) i + 1, value ? g_strstrip (g_strdup (value)) : "", -1,
                           value ? g_free : SQLITE_STATIC);
    }
}

static char *
changed_fields_json (const L4aHubEdit *before,
                     const L4aHubEdit *after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (before == NULL || !same_text (FIELD (before, i), FIELD (after, i)))
      json_builder_add_string_value (builder, text_fields[i].column);
  if (before == NULL || before->sdgs != after->sdgs)
    json_builder_add_string_value (builder, "sdgs");
  if (before == NULL || before->councils != after->councils)
    json_builder_add_string_value (builder, "councils");
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * l4a_registry_save_hub:
 * @edit: the hub; a new one gets its id and both get their new revision
 *
 * Saves a hub in one transaction with its SDGs and Policy Councils, bumps
 * its revision and writes the audit log. Refused for any role but the
 * secretariat, for a hub that breaks a rule, and for a hub that changed
 * since @edit was loaded.
 */
static gboolean
registry_save_hub_checked (L4aStore    *store,
                           L4aHubEdit  *edit,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(L4aHubEdit) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *details = NULL;
  g_autofree char *new_id = NULL;
  const char *name;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;

  name = l4a_text_is_blank (edit->name) ? _("the new hub") : edit->name;
  problems = l4a_hub_edit_validate (store, edit);
  if (problems->len > 0)
    {
      L4aFieldError *first = g_ptr_array_index (problems, 0);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a hub's name, then what is wrong */
                   _("Hub “%s” cannot be saved: %s"), name, first->message);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;

  if (edit->id != NULL)
    {
      before = l4a_registry_load_hub (store, edit->id, error);
      if (before == NULL)
        goto failed;
      if (before->revision != edit->revision)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                       _("Hub “%s” was changed elsewhere since it was opened; open it again to see the changes."),
                       name);
          goto failed;
        }

      stmt = l4a_store_prepare (store,
                                "UPDATE hub SET government_id = ?1, name = ?2, summary = ?3, topic = ?4, "
                                "  pact_axis = ?5, format = ?6, start_on = ?7, end_on = ?8, status = ?9, "
                                "  label_date = ?10, communication = ?11, brand_commitment = ?12, "
                                "  revision = revision + 1, updated_at = ?13, origin = ?14 "
                                "WHERE id = ?15", error);
      if (stmt == NULL)
        goto failed;
      bind_fields (stmt, edit);
      sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, edit->id, -1, SQLITE_STATIC);
    }
  else
    {
      new_id = g_uuid_string_random ();
      stmt = l4a_store_prepare (store,
                                "INSERT INTO hub (government_id, name, summary, topic, pact_axis, format, "
                                "  start_on, end_on, status, label_date, communication, brand_commitment, "
                                "  created_at, updated_at, origin, id, revision) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, 1)",
                                error);
      if (stmt == NULL)
        goto failed;
      bind_fields (stmt, edit);
      sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, new_id, -1, SQLITE_STATIC);
    }

  if (!l4a_store_step_done (store, stmt, name, error))
    goto failed;

  if (new_id != NULL)
    {
      g_free (edit->id);
      edit->id = g_steal_pointer (&new_id);
    }

  if (!write_links (store, edit, error))
    goto failed;

  details = changed_fields_json (before, edit);
  if (!l4a_store_audit (store, before ? "update" : "create", "hub", edit->id, details, error))
    goto failed;

  if (!l4a_store_commit (store, error))
    goto failed;

  edit->revision = before ? before->revision + 1 : 1;
  return TRUE;

failed:
  l4a_store_rollback (store);
  if (before == NULL && edit->revision == 0)
    g_clear_pointer (&edit->id, g_free);
  return FALSE;
}

gboolean
l4a_registry_save_hub (L4aStore    *store,
                       L4aHubEdit  *edit,
                       GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, registry_save_hub_checked (store, edit, error), error);
}

static gboolean
dump_group (L4aStore    *store,
            JsonBuilder *builder,
            const char  *table,
            const char  *column,
            const char  *value,
            GError     **error)
{
  json_builder_set_member_name (builder, table);
  json_builder_begin_array (builder);
  if (!l4a_records_dump (store, table, column, value, builder, error))
    return FALSE;
  json_builder_end_array (builder);
  return TRUE;
}

/* The hub and everything that would go with it when it is deleted, in the
 * form of a bundle's records, so that Undo can put it all back. */
static char *
snapshot_hub (L4aStore    *store,
              const char  *id,
              GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) indicators = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  JsonObject *hub;
  JsonArray *array;

  json_builder_begin_object (builder);
  if (!dump_group (store, builder, "hub", "id", id, error) ||
      !dump_group (store, builder, "hub_relation", "related_id", id, error) ||
      !dump_group (store, builder, "partner", "hub_id", id, error) ||
      !dump_group (store, builder, "deliverable", "hub_id", id, error) ||
      !dump_group (store, builder, "activity", "hub_id", id, error) ||
      !dump_group (store, builder, "indicator", "hub_id", id, error))
    return NULL;

  json_builder_set_member_name (builder, "measurement");
  json_builder_begin_array (builder);
  indicators = l4a_store_prepare (store, "SELECT id FROM indicator WHERE hub_id = ?1", error);
  if (indicators == NULL)
    return NULL;
  sqlite3_bind_text (indicators, 1, id, -1, SQLITE_STATIC);
  while (sqlite3_step (indicators) == SQLITE_ROW)
    if (!l4a_records_dump (store, "measurement", "indicator_id",
                           (const char *) sqlite3_column_text (indicators, 0), builder, error))
      return NULL;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  array = json_object_get_array_member (json_node_get_object (root), "hub");
  if (json_array_get_length (array) != 1)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no hub with the id “%s”."), id);
      return NULL;
    }

  /* The link tables travel inside the hub record. */
  hub = json_array_get_object_element (array, 0);
  links = l4a_store_prepare (store,
                             "SELECT 'sdgs', goal, NULL FROM hub_sdg WHERE hub_id = ?1 "
                             "UNION ALL SELECT 'councils', NULL, council FROM hub_council WHERE hub_id = ?1 "
                             "UNION ALL SELECT 'related', NULL, related_id FROM hub_relation WHERE hub_id = ?1",
                             error);
  if (links == NULL)
    return NULL;
  sqlite3_bind_text (links, 1, id, -1, SQLITE_STATIC);
  json_object_set_array_member (hub, "sdgs", json_array_new ());
  json_object_set_array_member (hub, "councils", json_array_new ());
  json_object_set_array_member (hub, "related", json_array_new ());
  while (sqlite3_step (links) == SQLITE_ROW)
    {
      JsonArray *list = json_object_get_array_member (hub, (const char *) sqlite3_column_text (links, 0));

      if (sqlite3_column_type (links, 1) == SQLITE_INTEGER)
        json_array_add_int_element (list, sqlite3_column_int64 (links, 1));
      else
        json_array_add_string_element (list, (const char *) sqlite3_column_text (links, 2));
    }

  return json_to_string (root, FALSE);
}

/**
 * l4a_registry_delete_hub:
 *
 * Deletes a hub with its partners, deliverables, activities, indicators
 * and measurements, in one transaction, audited.
 *
 * Returns: (transfer full) (nullable): a snapshot of all that was deleted,
 *   for l4a_registry_restore(), or %NULL with @error set
 */
static char *
registry_delete_hub_checked (L4aStore    *store,
                             const char  *id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return NULL;

  if (!l4a_store_begin (store, error))
    return NULL;

  snapshot = snapshot_hub (store, id, error);
  if (snapshot == NULL)
    goto failed;

  stmt = l4a_store_prepare (store, "DELETE FROM hub WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error) ||
      !l4a_store_audit (store, "delete", "hub", id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  return g_steal_pointer (&snapshot);

failed:
  l4a_store_rollback (store);
  return NULL;
}

char *
l4a_registry_delete_hub (L4aStore    *store,
                         const char  *id,
                         GError     **error)
{
  g_autofree char *result = NULL;

  if (!l4a_store_begin (store, error))
    return NULL;
  result = registry_delete_hub_checked (store, id, error);
  return l4a_store_end (store, result != NULL, error) ? g_steal_pointer (&result) : NULL;
}

/**
 * l4a_registry_restore:
 * @snapshot: what l4a_registry_delete_hub() returned
 *
 * Puts back what a delete took away, as it was, in one transaction.
 */
static gboolean
registry_restore_checked (L4aStore    *store,
                          const char  *snapshot,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *records;
  JsonArray *hubs;
  const char *id = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, snapshot, -1, error))
    return FALSE;
  records = json_node_get_object (json_parser_get_root (parser));
  hubs = json_object_get_array_member (records, "hub");
  if (hubs && json_array_get_length (hubs) == 1)
    id = json_object_get_string_member (json_array_get_object_element (hubs, 0), "id");

  if (!l4a_store_begin (store, error))
    return FALSE;

  if (!l4a_records_insert (store, records, FALSE, "restore", NULL, error) ||
      !l4a_store_audit (store, "restore", "hub", id, NULL, error) ||
      !l4a_store_commit (store, error))
    {
      l4a_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

gboolean
l4a_registry_restore (L4aStore    *store,
                      const char  *snapshot,
                      GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, registry_restore_checked (store, snapshot, error), error);
}
