/* l4a-call.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-call"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "l4a-permissions.h"
#include "l4a-call.h"
#include "l4a-hub-edit.h"
#include "l4a-labels.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

/* Calls for proposals and their review criteria. A new call starts from the
 * six key features of a hub, with equal weights; all of it is editable, but
 * a criterion that reviews have scored can only be switched off. */

static const struct {
  const char *key;
  const char *label;
  const char *guidance;
} features[] = {
  { "locally-driven", N_("Locally driven"),
    N_("Led by a specific local or regional government, or an association of them.") },
  { "time", N_("Time"),
    N_("Deliverables agreed beforehand between the partners, within a time frame of one to three years.") },
  { "communication", N_("Communication"),
    N_("A strategy to disseminate the hub and its activities, nurturing the global agenda.") },
  { "brand", N_("UCLG brand"),
    N_("Coherent with the UCLG brand; the common visual materials are respected, in person or online.") },
  { "results", N_("Actionable and scalable results"),
    N_("Deliverables with criteria set in a participatory process, so partners can monitor acceleration and synchronization.") },
  { "topic", N_("Topic"),
    N_("In the priorities of the Durban political manifestos or the 2030 Agenda, or an innovative approach.") },
};

/* Properties 1 to G_N_ELEMENTS (criterion_texts) are the text fields. */
static const L4aTextField criterion_texts[] = {
  { "key", "key", G_STRUCT_OFFSET (L4aCriterionEdit, key) },
  { "label", "label", G_STRUCT_OFFSET (L4aCriterionEdit, label) },
  { "guidance", "guidance", G_STRUCT_OFFSET (L4aCriterionEdit, guidance) },
};

enum {
  CRITERION_WEIGHT = G_N_ELEMENTS (criterion_texts) + 1,
  CRITERION_SCALE_MIN,
  CRITERION_SCALE_MAX,
  CRITERION_REQUIRED,
  CRITERION_ACTIVE,
  N_CRITERION_PROPS
};

static GParamSpec *criterion_properties[N_CRITERION_PROPS];

G_DEFINE_FINAL_TYPE (L4aCriterionEdit, l4a_criterion_edit, G_TYPE_OBJECT)

static void
l4a_criterion_edit_finalize (GObject *object)
{
  L4aCriterionEdit *c = L4A_CRITERION_EDIT (object);

  l4a_text_fields_clear (c, criterion_texts, G_N_ELEMENTS (criterion_texts));
  g_free (c->id);
  g_strfreev (c->levels);

  G_OBJECT_CLASS (l4a_criterion_edit_parent_class)->finalize (object);
}

static void
l4a_criterion_edit_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  L4aCriterionEdit *c = L4A_CRITERION_EDIT (object);

  if (l4a_text_fields_get (object, criterion_texts, G_N_ELEMENTS (criterion_texts), prop_id, value))
    return;
  switch (prop_id)
    {
    case CRITERION_WEIGHT:
      g_value_set_double (value, c->weight);
      break;
    case CRITERION_SCALE_MIN:
      g_value_set_int (value, c->scale_min);
      break;
    case CRITERION_SCALE_MAX:
      g_value_set_int (value, c->scale_max);
      break;
    case CRITERION_REQUIRED:
      g_value_set_boolean (value, c->required);
      break;
    case CRITERION_ACTIVE:
      g_value_set_boolean (value, c->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_IF_CHANGED(field, value) G_STMT_START {              \
    if ((field) != (value))                                      \
      {                                                          \
        (field) = (value);                                       \
        g_object_notify_by_pspec (object, pspec);                \
      }                                                          \
  } G_STMT_END

static void
l4a_criterion_edit_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  L4aCriterionEdit *c = L4A_CRITERION_EDIT (object);

  if (l4a_text_fields_set (object, criterion_texts, G_N_ELEMENTS (criterion_texts), prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case CRITERION_WEIGHT:
      SET_IF_CHANGED (c->weight, g_value_get_double (value));
      break;
    case CRITERION_SCALE_MIN:
      SET_IF_CHANGED (c->scale_min, g_value_get_int (value));
      break;
    case CRITERION_SCALE_MAX:
      SET_IF_CHANGED (c->scale_max, g_value_get_int (value));
      break;
    case CRITERION_REQUIRED:
      SET_IF_CHANGED (c->required, g_value_get_boolean (value));
      break;
    case CRITERION_ACTIVE:
      SET_IF_CHANGED (c->active, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_criterion_edit_class_init (L4aCriterionEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = l4a_criterion_edit_finalize;
  object_class->get_property = l4a_criterion_edit_get_property;
  object_class->set_property = l4a_criterion_edit_set_property;
  l4a_text_fields_install (criterion_properties, criterion_texts, G_N_ELEMENTS (criterion_texts));
  /* any value is held; the call's check says what is out of bounds */
  criterion_properties[CRITERION_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0, flags);
  criterion_properties[CRITERION_SCALE_MIN] = g_param_spec_int ("scale-min", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  criterion_properties[CRITERION_SCALE_MAX] = g_param_spec_int ("scale-max", NULL, NULL, G_MININT, G_MAXINT, 5, flags);
  criterion_properties[CRITERION_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, TRUE, flags);
  criterion_properties[CRITERION_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_CRITERION_PROPS, criterion_properties);
}

static void
l4a_criterion_edit_init (L4aCriterionEdit *c)
{
  c->weight = 1.0;
  c->scale_min = 0;
  c->scale_max = 5;
  c->required = TRUE;
  c->active = TRUE;
}

L4aCriterionEdit *
l4a_call_edit_add_criterion (L4aCallEdit *edit,
                             const char  *key,
                             const char  *label,
                             const char  *guidance)
{
  L4aCriterionEdit *c = g_object_new (L4A_TYPE_CRITERION_EDIT, NULL);

  c->key = g_strdup (key);
  c->label = g_strdup (label);
  c->guidance = g_strdup (guidance);
  g_ptr_array_add (edit->criteria, c);
  return c;
}

/**
 * l4a_call_edit_new:
 *
 * Returns: (transfer full): a new call with the six key features as its
 *   criteria, equal weights, scored 0 to 5
 */
/* Properties 1 to G_N_ELEMENTS (text_fields) are the text fields. */
static const L4aTextField text_fields[] = {
  { "title", "title", G_STRUCT_OFFSET (L4aCallEdit, title) },
  { "description", "description", G_STRUCT_OFFSET (L4aCallEdit, description) },
  { "opens_on", "opens-on", G_STRUCT_OFFSET (L4aCallEdit, opens_on) },
  { "closes_on", "closes-on", G_STRUCT_OFFSET (L4aCallEdit, closes_on) },
  { "status", "status", G_STRUCT_OFFSET (L4aCallEdit, status) },
};

enum {
  PROP_THRESHOLD = G_N_ELEMENTS (text_fields) + 1,
  PROP_CALIBRATION,
  PROP_WEIGHTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (L4aCallEdit, l4a_call_edit, G_TYPE_OBJECT)

static void
l4a_call_edit_finalize (GObject *object)
{
  L4aCallEdit *edit = L4A_CALL_EDIT (object);

  l4a_text_fields_clear (edit, text_fields, G_N_ELEMENTS (text_fields));
  g_free (edit->id);
  g_ptr_array_unref (edit->criteria);

  G_OBJECT_CLASS (l4a_call_edit_parent_class)->finalize (object);
}

static void
l4a_call_edit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  L4aCallEdit *edit = L4A_CALL_EDIT (object);

  if (l4a_text_fields_get (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_double (value, edit->disagreement_threshold);
      break;
    case PROP_CALIBRATION:
      g_value_set_uint (value, edit->calibration_minimum);
      break;
    case PROP_WEIGHTING:
      g_value_set_boolean (value, edit->confidence_weighting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_call_edit_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  L4aCallEdit *edit = L4A_CALL_EDIT (object);

  if (l4a_text_fields_set (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_THRESHOLD:
      if (edit->disagreement_threshold != g_value_get_double (value))
        {
          edit->disagreement_threshold = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CALIBRATION:
      if (edit->calibration_minimum != g_value_get_uint (value))
        {
          edit->calibration_minimum = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WEIGHTING:
      if (edit->confidence_weighting != g_value_get_boolean (value))
        {
          edit->confidence_weighting = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_call_edit_class_init (L4aCallEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_call_edit_finalize;
  object_class->get_property = l4a_call_edit_get_property;
  object_class->set_property = l4a_call_edit_set_property;
  l4a_text_fields_install (properties, text_fields, G_N_ELEMENTS (text_fields));
  /* any value is held; the call's check says what is out of bounds */
  properties[PROP_THRESHOLD] =
    g_param_spec_double ("disagreement-threshold", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALIBRATION] =
    g_param_spec_uint ("calibration-minimum", NULL, NULL, 0, G_MAXUINT, 3,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHTING] =
    g_param_spec_boolean ("confidence-weighting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_call_edit_init (L4aCallEdit *edit)
{
  edit->status = g_strdup ("draft");
  edit->disagreement_threshold = 1.5;
  edit->calibration_minimum = 3;
  edit->criteria = g_ptr_array_new_with_free_func (g_object_unref);
}

/* A new call, with the six key features of a hub as its criteria. */
L4aCallEdit *
l4a_call_edit_new (void)
{
  L4aCallEdit *edit = g_object_new (L4A_TYPE_CALL_EDIT, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (features); i++)
    l4a_call_edit_add_criterion (edit, features[i].key, _(features[i].label), _(features[i].guidance));
  return edit;
}

void
l4a_call_edit_free (L4aCallEdit *edit)
{
  if (edit != NULL)
    g_object_unref (edit);
}

/**
 * l4a_criterion_levels_split:
 * @text: (nullable): a criterion's stored level guidance, one line per level
 *
 * Returns: (transfer full): what each level of the scale from @scale_min to
 *   @scale_max means, one string per level ("" where nothing is said);
 *   lines beyond the scale are dropped
 */
GStrv
l4a_criterion_levels_split (const char *text,
                            int         scale_min,
                            int         scale_max)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  guint n = (guint) CLAMP (scale_max - scale_min + 1, 1, 101);
  GStrv levels = g_new0 (char *, n + 1);
  guint n_lines = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    levels[i] = g_strstrip (g_strdup (i < n_lines ? lines[i] : ""));
  return levels;
}

/**
 * l4a_criterion_levels_join:
 * @levels: (nullable): what each level means
 *
 * Returns: (transfer full): the stored form: one line per level, or "" when
 *   no level says anything
 */
char *
l4a_criterion_levels_join (const char * const *levels)
{
  GString *text = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; levels && levels[i]; i++)
    {
      g_autofree char *line = g_strdup (levels[i]);

      /* one line per level: a line break inside a level would shift the rest */
      g_strdelimit (line, "\r\n", ' ');
      g_strstrip (line);
      any |= *line != '\0';
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (!any)
    g_string_truncate (text, 0);
  return g_string_free (text, FALSE);
}

/**
 * l4a_criterion_levels_problem:
 * @text: (nullable): stored level guidance
 *
 * Returns: (transfer full) (nullable): what is wrong with @text as the level
 *   guidance of a scale from @scale_min to @scale_max, or %NULL: it says
 *   nothing, or one line per level, none longer than
 *   %L4A_LEVEL_GUIDANCE_MAX characters
 */
char *
l4a_criterion_levels_problem (const char *text,
                              int         scale_min,
                              int         scale_max)
{
  g_auto(GStrv) lines = NULL;
  guint n = (guint) MAX (scale_max - scale_min + 1, 1);

  if (text == NULL || *text == '\0')
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (_("the guidance per level is not valid text"));
  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) != n)
    /* translators: a number of levels, then the ends of the scale */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the guidance per level must give %u line, one for each "
                                         "level from %d to %d", "the guidance per level must give %u lines, one for "
                                         "each level from %d to %d", n), n, scale_min, scale_max);
  for (guint i = 0; lines[i]; i++)
    if (g_utf8_strlen (lines[i], -1) > L4A_LEVEL_GUIDANCE_MAX)
      /* translators: a level of a scale, then a number of characters */
      return g_strdup_printf (_("what level %d means is longer than %d characters"), scale_min + (int) i,
                              L4A_LEVEL_GUIDANCE_MAX);
  return NULL;
}

const char *
l4a_call_status_label (const char *status)
{
  return l4a_enum_get_label (L4A_TYPE_CALL_STATUS, status);
}

/**
 * l4a_call_edit_validate:
 *
 * Returns: (transfer full) (element-type L4aFieldError): the problems
 */
GPtrArray *
l4a_call_edit_validate (const L4aCallEdit *edit)
{
  GPtrArray *errors = l4a_field_errors_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GDate opens, closes;
  gboolean have_opens, have_closes;
  guint active = 0;

  if (l4a_text_is_blank (edit->title))
    l4a_field_errors_add (errors, "title", "%s", _("A call needs a title."));

  have_opens = l4a_parse_date (edit->opens_on, &opens);
  have_closes = l4a_parse_date (edit->closes_on, &closes);
  if (!have_opens)
    l4a_field_errors_add (errors, "opens_on", "%s", _("Give the day the call opens, as YYYY-MM-DD."));
  if (!have_closes)
    l4a_field_errors_add (errors, "closes_on", "%s", _("Give the day the call closes, as YYYY-MM-DD."));
  if (have_opens && have_closes && g_date_compare (&closes, &opens) < 0)
    l4a_field_errors_add (errors, "closes_on", "%s", _("A call cannot close before it opens."));
  if (!(edit->disagreement_threshold > 0 && edit->disagreement_threshold <= 5))
    l4a_field_errors_add (errors, "disagreement_threshold", "%s",
                          _("Reviewers disagree when their scores spread by more than a number between 0 and 5."));

  if (edit->calibration_minimum < 2 || edit->calibration_minimum > 100)
    l4a_field_errors_add (errors, "calibration_minimum", "%s",
                          _("Calibration needs between 2 and 100 reviews per reviewer."));

  if (g_strcmp0 (edit->status, "draft") != 0 && g_strcmp0 (edit->status, "open") != 0 &&
      g_strcmp0 (edit->status, "closed") != 0 && g_strcmp0 (edit->status, "decided") != 0)
    l4a_field_errors_add (errors, "status", "%s", _("The status must be draft, open, closed or decided."));

  for (guint i = 0; i < edit->criteria->len; i++)
    {
      L4aCriterionEdit *c = g_ptr_array_index (edit->criteria, i);
      g_autofree char *field = g_strdup_printf ("criteria.%u", i);

      if (l4a_text_is_blank (c->label))
        l4a_field_errors_add (errors, field, _("Criterion %u needs a label."), i + 1);
      if (l4a_text_is_blank (c->key))
        l4a_field_errors_add (errors, field, _("Criterion %u needs a key."), i + 1);
      else if (!g_hash_table_add (keys, c->key))
        /* translators: %s is a criterion's key */
        l4a_field_errors_add (errors, field, _("Two criteria have the key “%s”."), c->key);
      if (c->weight < 0 || !isfinite (c->weight))
        l4a_field_errors_add (errors, field, _("The weight of criterion %u must be zero or more."), i + 1);
      if (c->scale_max <= c->scale_min)
        l4a_field_errors_add (errors, field, _("The scale of criterion %u must end above where it starts."), i + 1);
      else if (c->scale_min < -100 || c->scale_max > 100)
        l4a_field_errors_add (errors, field, _("The scale of criterion %u must stay within −100 and 100."), i + 1);
      else
        {
          g_autofree char *levels = l4a_criterion_levels_join ((const char * const *) c->levels);
          g_autofree char *problem = l4a_criterion_levels_problem (levels, c->scale_min, c->scale_max);

          if (problem != NULL)
            /* translators: a criterion's number, then what is wrong with its guidance per level */
            l4a_field_errors_add (errors, field, _("Criterion %u: %s."), i + 1, problem);
        }
      active += c->active;
    }

  if (active == 0)
    l4a_field_errors_add (errors, "criteria", "%s", _("A call needs at least one active criterion."));

  return errors;
}

/**
 * l4a_registry_load_call:
 *
 * Returns: (transfer full): the call @id with its criteria, or %NULL with
 *   @error set
 */
L4aCallEdit *
l4a_registry_load_call (L4aStore    *store,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(L4aCallEdit) edit = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  stmt = l4a_store_prepare (store, "SELECT title, description, opens_on, closes_on, status, revision, "
                                   "disagreement_threshold, calibration_minimum, confidence_weighting "
                                   "FROM call WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no call with the id “%s”."), id);
      return NULL;
    }

  edit = g_object_new (L4A_TYPE_CALL_EDIT, NULL);
  g_free (edit->status);
  edit->id = g_strdup (id);
  edit->title = l4a_store_column_dup (stmt, 0);
  edit->description = l4a_store_column_dup (stmt, 1);
  edit->opens_on = l4a_store_column_dup (stmt, 2);
  edit->closes_on = l4a_store_column_dup (stmt, 3);
  edit->status = l4a_store_column_dup (stmt, 4);
  edit->revision = sqlite3_column_int (stmt, 5);
  edit->disagreement_threshold = sqlite3_column_double (stmt, 6);
  edit->calibration_minimum = (guint) sqlite3_column_int (stmt, 7);
  edit->confidence_weighting = sqlite3_column_int (stmt, 8) != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT id, key, label, guidance, weight, scale_min, scale_max, required, active, "
                                   "  EXISTS (SELECT 1 FROM review_score s WHERE s.criterion_id = c.id), levels "
                                   "FROM criterion c WHERE call_id = ?1 ORDER BY position, key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      L4aCriterionEdit *c = l4a_call_edit_add_criterion (edit, (const char *) sqlite3_column_text (stmt, 1),
                                                         (const char *) sqlite3_column_text (stmt, 2),
                                                         (const char *) sqlite3_column_text (stmt, 3));
      c->id = l4a_store_column_dup (stmt, 0);
      c->weight = sqlite3_column_double (stmt, 4);
      c->scale_min = sqlite3_column_int (stmt, 5);
      c->scale_max = sqlite3_column_int (stmt, 6);
      c->required = sqlite3_column_int (stmt, 7);
      c->active = sqlite3_column_int (stmt, 8);
      c->in_use = sqlite3_column_int (stmt, 9);
      c->levels = l4a_criterion_levels_split ((const char *) sqlite3_column_text (stmt, 10), c->scale_min,
                                              c->scale_max);
    }

  return g_steal_pointer (&edit);
}

/**
 * l4a_registry_save_call:
 *
 * Creates or changes a call and its criteria in one transaction, audited,
 * secretariat only. Removing a criterion that reviews scored is refused:
 * switch it off instead.
 */
static gboolean
registry_save_call_checked (L4aStore     *store,
                            L4aCallEdit  *edit,
                            GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *new_id = NULL;
  const char *origin = l4a_store_get_installation_id (store);
  const char *record;
  const char *id;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;

  record = l4a_text_is_blank (edit->title) ? _("the new call") : edit->title;
  problems = l4a_call_edit_validate (edit);
  if (problems->len > 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a call's title, then what is wrong */
                   _("Call “%s” cannot be saved: %s"), record, ((L4aFieldError *) problems->pdata[0])->message);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;

  if (edit->id == NULL)
    {
      new_id = g_uuid_string_random ();
      stmt = l4a_store_prepare (store, "INSERT INTO call (title, description, opens_on, closes_on, status, "
                                       "created_at, updated_at, origin, id, revision, disagreement_threshold, "
                                       "calibration_minimum, confidence_weighting) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, 1, ?10, ?11, ?12)", error);
    }
  else
    stmt = l4a_store_prepare (store, "UPDATE call SET title = ?1, description = ?2, opens_on = ?3, closes_on = ?4, "
                                     "status = ?5, updated_at = ?6, origin = ?7, revision = revision + 1, "
                                     "disagreement_threshold = ?10, calibration_minimum = ?11, confidence_weighting = ?12 "
                                     "WHERE id = ?8 AND revision = ?9", error);
  if (stmt == NULL)
    goto failed;
  id = edit->id ? edit->id : new_id;
  sqlite3_bind_text (stmt, 1, g_strstrip (edit->title), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->description ? edit->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->opens_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->closes_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, edit->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, edit->revision);
  sqlite3_bind_double (stmt, 10, edit->disagreement_threshold);
  sqlite3_bind_int (stmt, 11, (int) edit->calibration_minimum);
  sqlite3_bind_int (stmt, 12, edit->confidence_weighting ? 1 : 0);
  if (!l4a_store_step_done (store, stmt, record, error))
    goto failed;
  if (edit->id != NULL && sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("Call “%s” was changed elsewhere since it was opened; open it again."), record);
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Criteria gone from the edit: removed, unless reviews scored them. */
  existing = l4a_store_prepare (store, "SELECT id, label, EXISTS (SELECT 1 FROM review_score s "
                                       "WHERE s.criterion_id = c.id) FROM criterion c WHERE call_id = ?1", error);
  if (existing == NULL)
    goto failed;
  sqlite3_bind_text (existing, 1, id, -1, SQLITE_STATIC);
  while (sqlite3_step (existing) == SQLITE_ROW)
    {
      const char *criterion = (const char *) sqlite3_column_text (existing, 0);
      gboolean kept = FALSE;

      for (guint i = 0; i < edit->criteria->len; i++)
        kept |= g_strcmp0 (((L4aCriterionEdit *) edit->criteria->pdata[i])->id, criterion) == 0;
      if (kept)
        continue;

      if (sqlite3_column_int (existing, 2))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       /* translators: a criterion's label */
                       _("The criterion “%s” has review scores: switch it off instead of removing it."),
                       (const char *) sqlite3_column_text (existing, 1));
          goto failed;
        }

      stmt = l4a_store_prepare (store, "DELETE FROM criterion WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, criterion, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, NULL, error))
        goto failed;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = l4a_store_prepare (store,
                            "INSERT INTO criterion (id, call_id, key, label, guidance, weight, scale_min, scale_max, "
                            "  required, active, position, created_at, updated_at, origin, levels) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14) "
                            "ON CONFLICT (id) DO UPDATE SET key = excluded.key, label = excluded.label, "
                            "  guidance = excluded.guidance, levels = excluded.levels, weight = excluded.weight, scale_min = excluded.scale_min, "
                            "  scale_max = excluded.scale_max, required = excluded.required, active = excluded.active, "
                            "  position = excluded.position, updated_at = excluded.updated_at, origin = excluded.origin, "
                            "  revision = revision + 1", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < edit->criteria->len; i++)
    {
      L4aCriterionEdit *c = g_ptr_array_index (edit->criteria, i);
      g_autofree char *levels = l4a_criterion_levels_join ((const char * const *) c->levels);

      if (c->id == NULL)
        c->id = g_uuid_string_random ();
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 14, levels, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 1, c->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, c->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, c->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, c->guidance ? c->guidance : "", -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 6, c->weight);
      sqlite3_bind_int (stmt, 7, c->scale_min);
      sqlite3_bind_int (stmt, 8, c->scale_max);
      sqlite3_bind_int (stmt, 9, c->required);
      sqlite3_bind_int (stmt, 10, c->active);
      sqlite3_bind_int (stmt, 11, (int) i);
      sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, origin, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, c->label, error))
        goto failed;
    }

  if (!l4a_store_audit (store, edit->id ? "update" : "create", "call", id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  if (new_id)
    edit->id = g_steal_pointer (&new_id);
  edit->revision++;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_registry_save_call (L4aStore     *store,
                        L4aCallEdit  *edit,
                        GError      **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, registry_save_call_checked (store, edit, error), error);
}
