/* l4a-indicator.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hub's indicators and their measurements: reading, editing (the World
 * Secretariat, or the hub's lead government), rows pasted from a
 * spreadsheet, and the CSV annex of a Voluntary Local Review.
 */

#define G_LOG_DOMAIN "l4a-indicator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "l4a-csv.h"
#include "l4a-indicator.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"
#include "l4a-ticks.h"

#define MAX_TEXT 2000

static const L4aTextField indicator_texts[] = {
  { "id", "id", G_STRUCT_OFFSET (L4aIndicatorEdit, id) },
  { "hub_id", "hub-id", G_STRUCT_OFFSET (L4aIndicatorEdit, hub_id) },
  { "code", "code", G_STRUCT_OFFSET (L4aIndicatorEdit, code) },
  { "framework", "framework", G_STRUCT_OFFSET (L4aIndicatorEdit, framework) },
  { "name", "name", G_STRUCT_OFFSET (L4aIndicatorEdit, name) },
  { "unit", "unit", G_STRUCT_OFFSET (L4aIndicatorEdit, unit) },
  { "direction", "direction", G_STRUCT_OFFSET (L4aIndicatorEdit, direction) },
  { "baseline_on", "baseline-on", G_STRUCT_OFFSET (L4aIndicatorEdit, baseline_on) },
  { "target_on", "target-on", G_STRUCT_OFFSET (L4aIndicatorEdit, target_on) },
  { NULL, "last-on", G_STRUCT_OFFSET (L4aIndicatorEdit, last_on) },
  { NULL, "measured", G_STRUCT_OFFSET (L4aIndicatorEdit, measured) },
};

/* Properties 1 to G_N_ELEMENTS (indicator_texts) are the texts. */
enum {
  PROP_REVISION = G_N_ELEMENTS (indicator_texts) + 1,
  PROP_N_MEASUREMENTS,
  PROP_BASELINE_VALUE,
  PROP_TARGET_VALUE,
  PROP_LAST_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (L4aIndicatorEdit, l4a_indicator_edit, G_TYPE_OBJECT)

static double *
value_field (L4aIndicatorEdit *edit,
             guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_BASELINE_VALUE:
      return &edit->baseline_value;
    case PROP_TARGET_VALUE:
      return &edit->target_value;
    case PROP_LAST_VALUE:
      return &edit->last_value;
    default:
      return NULL;
    }
}

static void
l4a_indicator_edit_finalize (GObject *object)
{
  l4a_text_fields_clear (object, indicator_texts, G_N_ELEMENTS (indicator_texts));

  G_OBJECT_CLASS (l4a_indicator_edit_parent_class)->finalize (object);
}

static void
l4a_indicator_edit_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  L4aIndicatorEdit *edit = L4A_INDICATOR_EDIT (object);
  double *number = value_field (edit, prop_id);

  if (l4a_text_fields_get (object, indicator_texts, G_N_ELEMENTS (indicator_texts), prop_id, value))
    return;
  if (number != NULL)
    g_value_set_double (value, *number);
  else if (prop_id == PROP_REVISION)
    g_value_set_int (value, edit->revision);
  else if (prop_id == PROP_N_MEASUREMENTS)
    g_value_set_uint (value, edit->n_measurements);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_indicator_edit_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  L4aIndicatorEdit *edit = L4A_INDICATOR_EDIT (object);
  double *number = value_field (edit, prop_id);

  if (l4a_text_fields_set (object, indicator_texts, G_N_ELEMENTS (indicator_texts), prop_id, value, pspec))
    return;
  if (number != NULL)
    {
      double now = g_value_get_double (value);

      /* unknown (NaN) is one value */
      if (now == *number || (isnan (now) && isnan (*number)))
        return;
      *number = now;
    }
  else if (prop_id == PROP_REVISION && edit->revision != g_value_get_int (value))
    edit->revision = g_value_get_int (value);
  else if (prop_id == PROP_N_MEASUREMENTS && edit->n_measurements != g_value_get_uint (value))
    edit->n_measurements = g_value_get_uint (value);
  else
    {
      if (prop_id != PROP_REVISION && prop_id != PROP_N_MEASUREMENTS)
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
l4a_indicator_edit_class_init (L4aIndicatorEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = l4a_indicator_edit_finalize;
  object_class->get_property = l4a_indicator_edit_get_property;
  object_class->set_property = l4a_indicator_edit_set_property;

  l4a_text_fields_install (properties, indicator_texts, G_N_ELEMENTS (indicator_texts));
  properties[PROP_REVISION] = g_param_spec_int ("revision", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_N_MEASUREMENTS] = g_param_spec_uint ("n-measurements", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_BASELINE_VALUE] = g_param_spec_double ("baseline-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                         0, flags);
  properties[PROP_TARGET_VALUE] = g_param_spec_double ("target-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                                       flags);
  properties[PROP_LAST_VALUE] = g_param_spec_double ("last-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_indicator_edit_init (L4aIndicatorEdit *edit)
{
  edit->direction = g_strdup ("higher");
  edit->baseline_value = NAN;
  edit->target_value = NAN;
  edit->last_value = NAN;
}

L4aIndicatorEdit *
l4a_indicator_edit_new (void)
{
  return g_object_new (L4A_TYPE_INDICATOR_EDIT, NULL);
}

void
l4a_indicator_edit_free (L4aIndicatorEdit *edit)
{
  g_clear_object (&edit);
}

/* Properties 1 to G_N_ELEMENTS (measurement_texts) are the text fields. */
static const L4aTextField measurement_texts[] = {
  { "measured_on", "measured-on", G_STRUCT_OFFSET (L4aMeasurement, measured_on) },
  { "source", "source", G_STRUCT_OFFSET (L4aMeasurement, source) },
  { "note", "note", G_STRUCT_OFFSET (L4aMeasurement, note) },
};

enum {
  MEASUREMENT_VALUE = G_N_ELEMENTS (measurement_texts) + 1,
  N_MEASUREMENT_PROPS
};

static GParamSpec *measurement_properties[N_MEASUREMENT_PROPS];

G_DEFINE_FINAL_TYPE (L4aMeasurement, l4a_measurement, G_TYPE_OBJECT)

static void
l4a_measurement_finalize (GObject *object)
{
  L4aMeasurement *measurement = L4A_MEASUREMENT (object);

  l4a_text_fields_clear (measurement, measurement_texts, G_N_ELEMENTS (measurement_texts));
  g_free (measurement->id);

  G_OBJECT_CLASS (l4a_measurement_parent_class)->finalize (object);
}

static void
l4a_measurement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (l4a_text_fields_get (object, measurement_texts, G_N_ELEMENTS (measurement_texts), prop_id, value))
    return;
  if (prop_id == MEASUREMENT_VALUE)
    g_value_set_double (value, L4A_MEASUREMENT (object)->value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_measurement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  L4aMeasurement *measurement = L4A_MEASUREMENT (object);

  if (l4a_text_fields_set (object, measurement_texts, G_N_ELEMENTS (measurement_texts), prop_id, value, pspec))
    return;
  if (prop_id != MEASUREMENT_VALUE)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (measurement->value != g_value_get_double (value))
    {
      measurement->value = g_value_get_double (value);
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
l4a_measurement_class_init (L4aMeasurementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_measurement_finalize;
  object_class->get_property = l4a_measurement_get_property;
  object_class->set_property = l4a_measurement_set_property;
  l4a_text_fields_install (measurement_properties, measurement_texts, G_N_ELEMENTS (measurement_texts));
  measurement_properties[MEASUREMENT_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_MEASUREMENT_PROPS, measurement_properties);
}

static void
l4a_measurement_init (L4aMeasurement *measurement)
{
}

L4aMeasurement *
l4a_measurement_new (void)
{
  return g_object_new (L4A_TYPE_MEASUREMENT, NULL);
}

void
l4a_measurement_free (L4aMeasurement *measurement)
{
  if (measurement != NULL)
    g_object_unref (measurement);
}

static void
problem_free (gpointer data)
{
  L4aPasteProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

void
l4a_paste_free (L4aPaste *paste)
{
  if (paste == NULL)
    return;
  g_ptr_array_unref (paste->rows);
  g_ptr_array_unref (paste->problems);
  g_free (paste);
}

static double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

/**
 * l4a_indicator_can_edit:
 *
 * Returns: whether this workstation may change the indicators of
 *   @hub_id: the World Secretariat, or the hub's lead government
 */
gboolean
l4a_indicator_can_edit (L4aStore   *store,
                        const char *hub_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean lead;

  if (l4a_store_get_role (store) == L4A_ROLE_SECRETARIAT)
    return TRUE;
  if (l4a_store_get_role (store) != L4A_ROLE_GOVERNMENT || l4a_store_get_identity (store) == NULL)
    return FALSE;
  stmt = l4a_store_prepare (store, "SELECT 1 FROM hub WHERE id = ?1 AND government_id = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, l4a_store_get_identity (store), -1, SQLITE_STATIC);
  lead = sqlite3_step (stmt) == SQLITE_ROW;
  return lead;
}

static gboolean
require_edit (L4aStore    *store,
              const char  *hub_id,
              GError     **error)
{
  if (l4a_indicator_can_edit (store, hub_id))
    return TRUE;
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("Only the World Secretariat and the hub’s lead government change its indicators."));
  return FALSE;
}

/**
 * l4a_indicators_list:
 *
 * Returns: (transfer full) (element-type L4aIndicatorEdit): the indicators
 *   of @hub_id in their order, with their latest measurement
 */
GPtrArray *
l4a_indicators_list (L4aStore    *store,
                     const char  *hub_id,
                     GError     **error)
{
  g_autoptr(L4aCachedStatement) stmt = NULL;
  GPtrArray *list;
  int rc;

  stmt = l4a_store_prepare_cached (store,
                            "SELECT i.id, i.revision, i.hub_id, i.code, i.framework, i.name, i.unit, i.direction, "
                            "  i.baseline_value, i.baseline_on, i.target_value, i.target_on, "
                            "  (SELECT count(*) FROM measurement m WHERE m.indicator_id = i.id), "
                            "  (SELECT max (measured_on) FROM measurement m WHERE m.indicator_id = i.id), "
                            "  (SELECT value FROM measurement m WHERE m.indicator_id = i.id "
                            "   ORDER BY measured_on DESC LIMIT 1), "
                            /* any change of a measurement changes this */
                            "  (SELECT count(*) || ' ' || total (revision) || ' ' || total (value) || ' ' || "
                            "   ifnull (max (updated_at), '') FROM measurement m WHERE m.indicator_id = i.id) "
                            "FROM indicator i WHERE i.hub_id = ?1 ORDER BY i.position, i.code, i.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_TRANSIENT);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_indicator_edit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aIndicatorEdit *edit = l4a_indicator_edit_new ();

      edit->id = l4a_store_column_dup (stmt, 0);
      edit->revision = sqlite3_column_int (stmt, 1);
      edit->hub_id = l4a_store_column_dup (stmt, 2);
      edit->code = l4a_store_column_dup (stmt, 3);
      edit->framework = l4a_store_column_dup (stmt, 4);
      edit->name = l4a_store_column_dup (stmt, 5);
      edit->unit = l4a_store_column_dup (stmt, 6);
      g_free (edit->direction);
      edit->direction = l4a_store_column_dup (stmt, 7);
      edit->baseline_value = column_double (stmt, 8);
      edit->baseline_on = l4a_store_column_dup (stmt, 9);
      edit->target_value = column_double (stmt, 10);
      edit->target_on = l4a_store_column_dup (stmt, 11);
      edit->n_measurements = (guint) sqlite3_column_int (stmt, 12);
      edit->last_on = l4a_store_column_dup (stmt, 13);
      edit->last_value = column_double (stmt, 14);
      edit->measured = l4a_store_column_dup (stmt, 15);
      g_ptr_array_add (list, edit);
    }
  if (!l4a_store_rows_done (store, rc, error))
    {
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}

static gboolean
valid_date (const char *text)
{
  return text == NULL || *text == '\0' || (strlen (text) == 10 && isfinite (l4a_day_from_iso (text)));
}

static gboolean
invalid (GError    **error,
         const char *name,
         const char *message)
{
  /* translators: an indicator, then a message about one of its fields */
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("Indicator “%s”: %s"),
               name && *name ? name : _("new indicator"), message);
  return FALSE;
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_optional_double (sqlite3_stmt *stmt,
                      int           index,
                      double        value)
{
  if (isfinite (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * l4a_indicator_save:
 *
 * Checks and saves @edit (added when it has no id), in one transaction.
 * On error nothing changed and the message names the indicator and the
 * field.
 */
static gboolean
indicator_save_checked (L4aStore          *store,
                        L4aIndicatorEdit  *edit,
                        GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = g_strstrip (g_strdup (edit->code ? edit->code : ""));
  g_autofree char *name = g_strstrip (g_strdup (edit->name ? edit->name : ""));
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *id = NULL;
  gboolean adding = edit->id == NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (edit->hub_id == NULL || !require_edit (store, edit->hub_id, error))
    {
      if (edit->hub_id == NULL)
        g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("An indicator belongs to a hub."));
      return FALSE;
    }
  if (*code == '\0')
    return invalid (error, name, _("the code is empty; use an SDG indicator such as 11.6.2, or a local code."));
  if (*name == '\0')
    return invalid (error, code, _("the name is empty."));
  if (strlen (code) > 40 || strlen (name) > MAX_TEXT || (edit->unit && strlen (edit->unit) > 40) ||
      (edit->framework && strlen (edit->framework) > 200))
    return invalid (error, name, _("a field is longer than an indicator allows."));
  if (g_strcmp0 (edit->direction, "higher") != 0 && g_strcmp0 (edit->direction, "lower") != 0)
    return invalid (error, name, _("say whether higher or lower values are better."));
  if (!valid_date (edit->baseline_on))
    return invalid (error, name, _("the baseline date is not a date such as 2024-12-31."));
  if (!valid_date (edit->target_on))
    return invalid (error, name, _("the target date is not a date such as 2030-12-31."));
  if (isinf (edit->baseline_value) || isinf (edit->target_value))
    return invalid (error, name, _("a value is too large."));
  if (edit->baseline_on && *edit->baseline_on && edit->target_on && *edit->target_on &&
      g_strcmp0 (edit->target_on, edit->baseline_on) <= 0)
    return invalid (error, name, _("the target date must come after the baseline date."));

  if (!l4a_store_begin (store, error))
    return FALSE;
  if (adding)
    {
      id = g_uuid_string_random ();
      stmt = l4a_store_prepare (store,
                                "INSERT INTO indicator (id, hub_id, code, framework, name, unit, direction, "
                                "  baseline_value, baseline_on, target_value, target_on, position, created_at, "
                                "  updated_at, origin, revision) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                "  (SELECT count(*) FROM indicator WHERE hub_id = ?2), ?12, ?12, ?13, 1)", error);
    }
  else
    {
      id = g_strdup (edit->id);
      stmt = l4a_store_prepare (store,
                                "UPDATE indicator SET code = ?3, framework = ?4, name = ?5, unit = ?6, "
                                "  direction = ?7, baseline_value = ?8, baseline_on = ?9, target_value = ?10, "
                                "  target_on = ?11, updated_at = ?12, origin = ?13, revision = revision + 1 "
                                "WHERE id = ?1 AND hub_id = ?2 AND revision = ?14", error);
    }
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->framework ? edit->framework : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, edit->unit ? edit->unit : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, edit->direction, -1, SQLITE_STATIC);
  bind_optional_double (stmt, 8, edit->baseline_value);
  bind_optional_text (stmt, 9, edit->baseline_on);
  bind_optional_double (stmt, 10, edit->target_value);
  bind_optional_text (stmt, 11, edit->target_on);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!adding)
    sqlite3_bind_int (stmt, 14, edit->revision);
  if (!l4a_store_step_done (store, stmt, name, error))
    goto failed;
  if (!adding && sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("Indicator “%s” was changed or removed elsewhere since it was opened; nothing was saved."), name);
      goto failed;
    }
  if (!l4a_store_audit (store, adding ? "create" : "update", "indicator", id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  if (adding)
    edit->id = g_steal_pointer (&id);
  edit->revision = adding ? 1 : edit->revision + 1;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_indicator_save (L4aStore          *store,
                    L4aIndicatorEdit  *edit,
                    GError           **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, indicator_save_checked (store, edit, error), error);
}

/* A measurement from a statement whose columns are those of
 * MEASUREMENT_COLUMNS. */
#define MEASUREMENT_COLUMNS "m.id, m.measured_on, m.value, m.source, m.note, m.rowid "

static gboolean
read_measurements (L4aStore      *store,
                   sqlite3_stmt  *stmt,
                   GPtrArray     *list,
                   GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aMeasurement *m = l4a_measurement_new ();

      m->id = l4a_store_column_dup (stmt, 0);
      m->measured_on = l4a_store_column_dup (stmt, 1);
      m->value = sqlite3_column_double (stmt, 2);
      m->source = l4a_store_column_dup (stmt, 3);
      m->note = l4a_store_column_dup (stmt, 4);
      m->num = (guint) sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, m);
    }
  return l4a_store_rows_done (store, rc, error);
}

/**
 * l4a_measurements_list:
 *
 * Returns: (transfer full) (element-type L4aMeasurement): the
 *   measurements of @indicator_id by date
 */
GPtrArray *
l4a_measurements_list (L4aStore    *store,
                       const char  *indicator_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);

  stmt = l4a_store_prepare (store, "SELECT " MEASUREMENT_COLUMNS "FROM measurement m "
                                   "WHERE indicator_id = ?1 ORDER BY measured_on", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, indicator_id, -1, SQLITE_TRANSIENT);
  if (!read_measurements (store, stmt, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * l4a_measurement_describe:
 * @unit: (nullable): the indicator's unit
 * @title: (out): the value with its unit, such as “12.5 µg/m³”
 * @subtitle: (out): the day, and where the value comes from if said
 *
 * How lists show a measurement.
 */
void
l4a_measurement_describe (L4aMeasurement  *measurement,
                          const char      *unit,
                          char           **title,
                          char           **subtitle)
{
  g_autofree char *value = l4a_format_number (measurement->value, -1);
  g_autofree char *day = l4a_format_day (l4a_day_from_iso (measurement->measured_on));

  *title = unit != NULL && *unit != '\0' ? g_strdup_printf ("%s %s", value, unit) : g_strdup (value);
  *subtitle = measurement->source != NULL && *measurement->source != '\0'
              ? g_strdup_printf ("%s · %s", day, measurement->source) : g_strdup (day);
}

/* newest first: by date, then the last written */
#define MEASUREMENTS_NEWEST_FIRST "ORDER BY measured_on DESC, rowid DESC"

/**
 * l4a_measurements_newest:
 * @limit: how many at most
 *
 * Returns: (transfer full) (element-type L4aMeasurement): the newest
 *   measurements of @indicator_id, newest first, or %NULL with @error set
 */
GPtrArray *
l4a_measurements_newest (L4aStore    *store,
                         const char  *indicator_id,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "SELECT " MEASUREMENT_COLUMNS "FROM measurement m "
                                                        "WHERE indicator_id = ?1 " MEASUREMENTS_NEWEST_FIRST
                                                        " LIMIT ?2", error);
  gboolean done;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, indicator_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  done = read_measurements (store, stmt, list, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return done ? g_steal_pointer (&list) : NULL;
}

/**
 * l4a_measurement_nums:
 *
 * The measurements of @indicator_id, newest first as
 * l4a_measurements_newest() gives them, without reading them: for a list
 * that reads them a page at a time.
 *
 * Returns: (transfer full) (element-type guint): their numbers
 *   (#L4aMeasurement.num), or %NULL with @error set
 */
GArray *
l4a_measurement_nums (L4aStore    *store,
                      const char  *indicator_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "SELECT rowid FROM measurement WHERE indicator_id = ?1 "
                                                        MEASUREMENTS_NEWEST_FIRST, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, indicator_id, -1, SQLITE_TRANSIENT);
  return l4a_store_read_nums (store, stmt, error);
}

/**
 * l4a_measurements_get:
 * @nums: measurements' #L4aMeasurement.num
 *
 * Returns: (transfer full) (element-type L4aMeasurement): the measurements
 *   there are, in the order of @nums (a number no measurement has is left
 *   out), or %NULL with @error set
 */
GPtrArray *
l4a_measurements_get (L4aStore     *store,
                      const guint  *nums,
                      guint         n_nums,
                      GError      **error)
{
  return l4a_store_read_numbered (store, "SELECT " MEASUREMENT_COLUMNS "FROM json_each (?1) j "
                                         "CROSS JOIN measurement m WHERE m.rowid = j.value ORDER BY j.key",
                                  nums, n_nums, read_measurements, NULL, error);
}

static char *
hub_of_indicator (L4aStore   *store,
                  const char *indicator_id)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT hub_id FROM indicator WHERE id = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, indicator_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? l4a_store_column_dup (stmt, 0) : NULL;
}

/**
 * l4a_measurements_save:
 * @measurements: (element-type L4aMeasurement): those to add or change; a
 *   measurement on a date that has one already replaces it
 *
 * Saves all of @measurements in one transaction, or none; the message of
 * a refusal names the row and the field.
 */
static gboolean
measurements_save_checked (L4aStore    *store,
                           const char  *indicator_id,
                           GPtrArray   *measurements,
                           GError     **error)
{
  g_autofree char *hub_id = hub_of_indicator (store, indicator_id);
  g_autofree char *now = l4a_now_iso8601 ();

  if (hub_id == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no indicator “%s”."), indicator_id);
      return FALSE;
    }
  if (!require_edit (store, hub_id, error))
    return FALSE;

  for (guint i = 0; i < measurements->len; i++)
    {
      L4aMeasurement *m = g_ptr_array_index (measurements, i);
      g_autofree char *row = g_strdup_printf (_("Measurement of %s"), m->measured_on ? m->measured_on : "?");

      if (m->measured_on == NULL || strlen (m->measured_on) != 10 || !isfinite (l4a_day_from_iso (m->measured_on)))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the date is not a date such as 2026-06-30."), row);
          return FALSE;
        }
      if (!isfinite (m->value))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("%s: the value is not a number."), row);
          return FALSE;
        }
      if ((m->source && strlen (m->source) > MAX_TEXT) || (m->note && strlen (m->note) > MAX_TEXT))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the source or the note is longer than a measurement allows."), row);
          return FALSE;
        }
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < measurements->len; i++)
    {
      L4aMeasurement *m = g_ptr_array_index (measurements, i);
      g_autoptr(sqlite3_stmt) find = NULL;
      g_autoptr(sqlite3_stmt) write = NULL;
      g_autofree char *existing = NULL;
      g_autofree char *id = NULL;

      find = l4a_store_prepare (store, "SELECT id FROM measurement WHERE indicator_id = ?1 AND "
                                       "(id = ?2 OR measured_on = ?3) ORDER BY id = ?2 DESC LIMIT 1", error);
      if (find == NULL)
        goto failed;
      sqlite3_bind_text (find, 1, indicator_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (find, 2, m->id ? m->id : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (find, 3, m->measured_on, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        existing = l4a_store_column_dup (find, 0);

      id = existing ? g_strdup (existing) : g_uuid_string_random ();
      write = l4a_store_prepare (store, existing
                                 ? "UPDATE measurement SET measured_on = ?3, value = ?4, source = ?5, note = ?6, "
                                   "  updated_at = ?7, origin = ?8, revision = revision + 1 WHERE id = ?1"
                                 : "INSERT INTO measurement (id, indicator_id, measured_on, value, source, note, "
                                   "  created_at, updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                 error);
      if (write == NULL)
        goto failed;
      sqlite3_bind_text (write, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 2, indicator_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 3, m->measured_on, -1, SQLITE_STATIC);
      sqlite3_bind_double (write, 4, m->value);
      sqlite3_bind_text (write, 5, m->source ? m->source : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 6, m->note ? m->note : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 8, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, write, m->measured_on, error) ||
          !l4a_store_audit (store, existing ? "update" : "create", "measurement", id, NULL, error))
        goto failed;
      if (m->id == NULL)
        m->id = g_steal_pointer (&id);
    }
  if (l4a_store_commit (store, error))
    return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_measurements_save (L4aStore    *store,
                       const char  *indicator_id,
                       GPtrArray   *measurements,
                       GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, measurements_save_checked (store, indicator_id, measurements, error), error);
}

static gboolean
measurement_delete_checked (L4aStore    *store,
                            const char  *measurement_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hub_id = NULL;

  stmt = l4a_store_prepare (store, "SELECT i.hub_id FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
                                   "WHERE m.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, measurement_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hub_id = l4a_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (hub_id == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no such measurement."));
      return FALSE;
    }
  if (!require_edit (store, hub_id, error) || !l4a_store_begin (store, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "DELETE FROM measurement WHERE id = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, measurement_id, -1, SQLITE_STATIC);
  if (stmt == NULL || !l4a_store_step_done (store, stmt, NULL, error) ||
      !l4a_store_audit (store, "delete", "measurement", measurement_id, NULL, error) ||
      !l4a_store_commit (store, error))
    {
      l4a_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
l4a_measurement_delete (L4aStore    *store,
                        const char  *measurement_id,
                        GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, measurement_delete_checked (store, measurement_id, error), error);
}

/* Pasting ----------------------------------------------------------------------- */

/* Splits one line into fields: quoted fields as in RFC 4180. */
static GPtrArray *
split_line (const char *line,
            char        delimiter)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            break;
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == delimiter || *p == '\0')
        {
          g_ptr_array_add (fields, g_strstrip (g_strdup (field->str)));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (field, *p);
    }
  if (quoted)
    g_ptr_array_add (fields, g_strstrip (g_strdup (field->str)));
  return fields;
}

/* A value as spreadsheets write it: 1234.5, 1,234.5, 1.234,5, 1 234,5. */
static gboolean
parse_value (const char *text,
             char        delimiter,
             double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *dot, *comma;
  char *end = NULL;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x202F && c != 0x00A0 && c != '\'')
        g_string_append_unichar (clean, c);
    }
  dot = strrchr (clean->str, '.');
  comma = strrchr (clean->str, ',');
  if (dot && comma)
    {
      /* the last one is the decimal separator; the other groups digits */
      char group = dot > comma ? ',' : '.';
      g_autoptr(GString) plain = g_string_new (NULL);

      for (const char *p = clean->str; *p; p++)
        if (*p != group)
          g_string_append_c (plain, *p == ',' ? '.' : *p);
      g_string_assign (clean, plain->str);
    }
  else if (comma && delimiter != ',')
    *(char *) comma = '.';
  if (clean->len == 0 || strchr (clean->str, ',') != NULL)
    return FALSE;
  *value = g_ascii_strtod (clean->str, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/* 2026-06-30, 2026-06 (the first of the month) or 2026 (the first of the
 * year); day-first and month-first dates are ambiguous and refused. */
static char *
parse_date (const char *text)
{
  int y, m, d;
  char tail;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (text) == 10 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (sscanf (text, "%4d-%2d%c", &y, &m, &tail) == 2 && strlen (text) == 7 && m >= 1 && m <= 12 && y >= 1900)
    return g_strdup_printf ("%04d-%02d-01", y, m);
  if (sscanf (text, "%4d%c", &y, &tail) == 1 && strlen (text) == 4 && y >= 1900 && y <= 2200)
    return g_strdup_printf ("%04d-01-01", y);
  return NULL;
}

static void
add_problem (L4aPaste   *paste,
             guint       line,
             char       *message)
{
  L4aPasteProblem *problem = g_new0 (L4aPasteProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (paste->problems, problem);
}

/**
 * l4a_measurements_parse:
 * @text: rows copied from a spreadsheet: date, value, source, note,
 *   separated by tabs, semicolons or commas
 *
 * Reads pasted rows; a first row of headings is skipped. Each row that
 * cannot be read is listed with its line and the reason.
 *
 * Returns: (transfer full): the rows read and the problems found
 */
L4aPaste *
l4a_measurements_parse (const char *text)
{
  L4aPaste *paste = g_new0 (L4aPaste, 1);
  g_auto(GStrv) lines = NULL;
  char delimiter = ',';
  gboolean first = TRUE;

  paste->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_measurement_free);
  paste->problems = g_ptr_array_new_with_free_func (problem_free);
  if (text == NULL)
    return paste;

  if (strchr (text, '\t') != NULL)
    delimiter = '\t';
  else if (strchr (text, ';') != NULL)
    delimiter = ';';

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      g_autofree char *date = NULL;
      const char *date_text, *value_text;
      L4aMeasurement *m;
      double value;
      char *cr = strchr (lines[i], '\r');

      if (cr != NULL)
        *cr = '\0';
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!g_utf8_validate (lines[i], -1, NULL))
        {
          add_problem (paste, i + 1, g_strdup_printf (_("Line %u is not text."), i + 1));
          continue;
        }
      fields = split_line (lines[i], delimiter);
      date_text = fields->len > 0 ? g_ptr_array_index (fields, 0) : "";
      value_text = fields->len > 1 ? g_ptr_array_index (fields, 1) : "";
      date = parse_date (date_text);
      if (first && date == NULL && !parse_value (value_text, delimiter, &value))
        {
          first = FALSE;  /* headings */
          continue;
        }
      first = FALSE;
      if (fields->len < 2 || *value_text == '\0')
        {
          add_problem (paste, i + 1, g_strdup_printf (_("Line %u: a date and a value are needed."), i + 1));
          continue;
        }
      if (date == NULL)
        {
          add_problem (paste, i + 1, g_strdup_printf (_("Line %u: “%s” is not a date such as 2026-06-30."), i + 1,
                                                      date_text));
          continue;
        }
      if (!parse_value (value_text, delimiter, &value))
        {
          add_problem (paste, i + 1, g_strdup_printf (_("Line %u: “%s” is not a number."), i + 1, value_text));
          continue;
        }
      m = l4a_measurement_new ();
      m->measured_on = g_steal_pointer (&date);
      m->value = value;
      m->source = g_strdup (fields->len > 2 ? g_ptr_array_index (fields, 2) : "");
      m->note = g_strdup (fields->len > 3 ? g_ptr_array_index (fields, 3) : "");
      m->line = i + 1;
      g_ptr_array_add (paste->rows, m);
    }
  return paste;
}

/* CSV for a Voluntary Local Review -------------------------------------------------- */

/* a number as files hold it, whatever the user's locale: “2.5” */
static char *
ascii_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static gboolean
write_line (GOutputStream  *out,
            GString        *line,
            GError        **error)
{
  l4a_csv_end_line (line);
  return g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error);
}

/**
 * l4a_indicators_write_csv:
 * @hub_id: (nullable): one hub, or %NULL for every hub
 *
 * Writes indicators and their measurements as a CSV ready for the annex
 * of a Voluntary Local Review: goal, target, indicator code and name,
 * unit, direction, baseline, the value of each year (the year's latest
 * measurement), the target, and the sources.
 */
gboolean
l4a_indicators_write_csv (L4aStore       *store,
                          const char     *hub_id,
                          GOutputStream  *out,
                          GError        **error)
{
  g_autoptr(L4aCachedStatement) years_stmt = NULL;
  g_autoptr(L4aCachedStatement) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) line = g_string_new (NULL);
  static const char * const headings[] = {
    N_("Hub"), N_("Goal"), N_("Target"), N_("Indicator code"), N_("Indicator"), N_("Framework"), N_("Unit"),
    N_("Better"), N_("Baseline"), N_("Baseline date"),
  };
  int rc;

  /* one hub's through the index on the indicators' hub: with "?1 IS NULL
   * OR", SQLite read every measurement of the registry for each hub */
#define VLR_YEARS(where) \
  "SELECT DISTINCT CAST (substr (m.measured_on, 1, 4) AS INTEGER) " \
  "FROM indicator i JOIN measurement m ON m.indicator_id = i.id WHERE " where " ORDER BY 1"
  years_stmt = l4a_store_prepare_cached (store, hub_id != NULL ? VLR_YEARS ("i.hub_id = ?1")
                                                               : VLR_YEARS ("i.hub_id IS NOT NULL"), error);
#undef VLR_YEARS
  if (years_stmt == NULL)
    return FALSE;
  if (hub_id != NULL)
    sqlite3_bind_text (years_stmt, 1, hub_id, -1, SQLITE_STATIC);
  while (sqlite3_step (years_stmt) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (years_stmt, 0);

      g_array_append_val (years, year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    l4a_csv_append_field (line, _(headings[i]), FALSE);
  for (guint y = 0; y < years->len; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", g_array_index (years, int, y));

      l4a_csv_append_field (line, year, FALSE);
    }
  l4a_csv_append_field (line, _("Target value"), FALSE);
  l4a_csv_append_field (line, _("Target date"), FALSE);
  l4a_csv_append_field (line, _("Sources"), FALSE);
  if (!write_line (out, line, error))
    return FALSE;

#define VLR_INDICATORS(where) \
  "SELECT h.name, i.id, i.code, i.name, i.framework, i.unit, i.direction, i.baseline_value, " \
  "  i.baseline_on, i.target_value, i.target_on, " \
  "  (SELECT group_concat (DISTINCT source) FROM measurement m " \
  "   WHERE m.indicator_id = i.id AND source <> '') " \
  "FROM indicator i JOIN hub h ON h.id = i.hub_id " \
  "WHERE " where " ORDER BY h.name, i.position, i.code"
  stmt = l4a_store_prepare_cached (store, hub_id != NULL ? VLR_INDICATORS ("i.hub_id = ?1") : VLR_INDICATORS ("1"),
                                   error);
#undef VLR_INDICATORS
  if (stmt == NULL)
    return FALSE;
  if (hub_id != NULL)
    sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 2);
      g_auto(GStrv) parts = g_strsplit (code, ".", 3);
      gboolean sdg = g_strv_length (parts) == 3 && g_ascii_strtoull (parts[0], NULL, 10) >= 1 &&
                     g_ascii_strtoull (parts[0], NULL, 10) <= 17;
      g_autofree char *target = sdg ? g_strdup_printf ("%s.%s", parts[0], parts[1]) : NULL;
      g_autofree char *baseline = NULL;
      g_autofree char *target_value = NULL;
      g_autoptr(L4aCachedStatement) values = NULL;

      g_string_truncate (line, 0);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 0), TRUE);
      l4a_csv_append_field (line, sdg ? parts[0] : NULL, FALSE);
      l4a_csv_append_field (line, target, FALSE);
      l4a_csv_append_field (line, code, TRUE);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 3), TRUE);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 4), TRUE);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 5), TRUE);
      l4a_csv_append_field (line, g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "lower") == 0
                                  ? _("lower") : _("higher"), FALSE);
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        baseline = ascii_number (sqlite3_column_double (stmt, 7));
      l4a_csv_append_field (line, baseline, FALSE);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 8), FALSE);

      /* the latest value of each year */
      values = l4a_store_prepare_cached (store, "SELECT CAST (substr (measured_on, 1, 4) AS INTEGER), value "
                                                "FROM measurement WHERE indicator_id = ?1 ORDER BY measured_on",
                                         error);
      if (values == NULL)
        return FALSE;
      sqlite3_bind_text (values, 1, (const char *) sqlite3_column_text (stmt, 1), -1, SQLITE_TRANSIENT);
      {
        g_autofree double *by_year = g_new (double, years->len + 1);

        for (guint y = 0; y < years->len; y++)
          by_year[y] = NAN;
        while (sqlite3_step (values) == SQLITE_ROW)
          for (guint y = 0; y < years->len; y++)
            if (g_array_index (years, int, y) == sqlite3_column_int (values, 0))
              by_year[y] = sqlite3_column_double (values, 1);
        for (guint y = 0; y < years->len; y++)
          {
            g_autofree char *value = isfinite (by_year[y]) ? ascii_number (by_year[y]) : NULL;

            l4a_csv_append_field (line, value, FALSE);
          }
      }
      if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
        target_value = ascii_number (sqlite3_column_double (stmt, 9));
      l4a_csv_append_field (line, target_value, FALSE);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 10), FALSE);
      l4a_csv_append_field (line, (const char *) sqlite3_column_text (stmt, 11), TRUE);
      if (!write_line (out, line, error))
        return FALSE;
    }
  return l4a_store_rows_done (store, rc, error);
}
