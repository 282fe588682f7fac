/* l4a-government.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-government"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "l4a-permissions.h"
#include "l4a-government.h"
#include "l4a-hub-edit.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"
#include "l4a-snapshot-private.h"

/* A government as lists show it: a read-only snapshot of one row, with how
 * many hubs, proposals and board members refer to it. */

enum {
  STR_ID,
  STR_NAME,
  STR_KIND,
  STR_COUNTRY,
  STR_REGION,
  N_STRINGS
};

enum {
  UINT_HUBS,
  UINT_PROPOSALS,
  UINT_MEMBERS,
  N_UINTS
};

enum {
  BOOL_SAMPLE,
  N_BOOLEANS
};

struct _L4aGovernment
{
  GObject  parent_instance;

  char    *strings[N_STRINGS];
  guint    uints[N_UINTS];
  gboolean booleans[N_BOOLEANS];
};

G_DEFINE_FINAL_TYPE (L4aGovernment, l4a_government, G_TYPE_OBJECT)

static const char * const string_names[N_STRINGS] = {
  "id",
  "name",
  "kind",
  "country",
  "region",
};
static const char * const uint_names[N_UINTS] = {
  "hubs",
  "proposals",
  "members",
};
static const char * const boolean_names[N_BOOLEANS] = {
  "sample",
};
static const L4aSnapshotSpec spec = {
  string_names, N_STRINGS, uint_names, N_UINTS, boolean_names, N_BOOLEANS,
};

static void
l4a_government_finalize (GObject *object)
{
  L4aGovernment *self = (L4aGovernment *)object;

  l4a_snapshot_clear (&spec, self->strings);

  G_OBJECT_CLASS (l4a_government_parent_class)->finalize (object);
}

static void
l4a_government_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  L4aGovernment *self = L4A_GOVERNMENT (object);

  l4a_snapshot_get (&spec, self->strings, self->uints, self->booleans, prop_id, value);
}

static void
l4a_government_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  L4aGovernment *self = L4A_GOVERNMENT (object);

  l4a_snapshot_set (&spec, self->strings, self->uints, self->booleans, prop_id, value);
}

static void
l4a_government_class_init (L4aGovernmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_government_finalize;
  object_class->get_property = l4a_government_get_property;
  object_class->set_property = l4a_government_set_property;

  l4a_snapshot_install (object_class, &spec);
}

static void
l4a_government_init (L4aGovernment *self)
{
}

const char *
l4a_government_get_id (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), NULL);

  return self->strings[STR_ID];
}

const char *
l4a_government_get_name (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), NULL);

  return self->strings[STR_NAME];
}

const char *
l4a_government_get_kind (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), NULL);

  return self->strings[STR_KIND];
}

const char *
l4a_government_get_country (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), NULL);

  return self->strings[STR_COUNTRY];
}

const char *
l4a_government_get_region (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), NULL);

  return self->strings[STR_REGION];
}

guint
l4a_government_get_hubs (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), 0);

  return self->uints[UINT_HUBS];
}

guint
l4a_government_get_proposals (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), 0);

  return self->uints[UINT_PROPOSALS];
}

guint
l4a_government_get_members (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), 0);

  return self->uints[UINT_MEMBERS];
}

gboolean
l4a_government_get_sample (L4aGovernment *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT (self), FALSE);

  return self->booleans[BOOL_SAMPLE];
}

/* Editing ------------------------------------------------------------------ */

/* The text fields of L4aGovernmentEdit, by property. */
static const L4aTextField edit_fields[] = {
  { NULL, "name", G_STRUCT_OFFSET (L4aGovernmentEdit, name) },
  { NULL, "kind", G_STRUCT_OFFSET (L4aGovernmentEdit, kind) },
  { NULL, "country", G_STRUCT_OFFSET (L4aGovernmentEdit, country) },
  { NULL, "region", G_STRUCT_OFFSET (L4aGovernmentEdit, region) },
  { NULL, "contact", G_STRUCT_OFFSET (L4aGovernmentEdit, contact) },
  { NULL, "place", G_STRUCT_OFFSET (L4aGovernmentEdit, place) },
};

static GParamSpec *edit_properties[G_N_ELEMENTS (edit_fields) + 1];

G_DEFINE_FINAL_TYPE (L4aGovernmentEdit, l4a_government_edit, G_TYPE_OBJECT)

static void
l4a_government_edit_finalize (GObject *object)
{
  L4aGovernmentEdit *edit = L4A_GOVERNMENT_EDIT (object);

  g_free (edit->id);
  l4a_text_fields_clear (edit, edit_fields, G_N_ELEMENTS (edit_fields));

  G_OBJECT_CLASS (l4a_government_edit_parent_class)->finalize (object);
}

static void
l4a_government_edit_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  if (!l4a_text_fields_get (object, edit_fields, G_N_ELEMENTS (edit_fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_government_edit_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  if (!l4a_text_fields_set (object, edit_fields, G_N_ELEMENTS (edit_fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_government_edit_class_init (L4aGovernmentEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_government_edit_finalize;
  object_class->get_property = l4a_government_edit_get_property;
  object_class->set_property = l4a_government_edit_set_property;

  l4a_text_fields_install (edit_properties, edit_fields, G_N_ELEMENTS (edit_fields));
  g_object_class_install_properties (object_class, G_N_ELEMENTS (edit_properties), edit_properties);
}

static void
l4a_government_edit_init (L4aGovernmentEdit *edit)
{
}

L4aGovernmentEdit *
l4a_government_edit_new (void)
{
  L4aGovernmentEdit *edit = g_object_new (L4A_TYPE_GOVERNMENT_EDIT, NULL);

  edit->kind = g_strdup ("city");
  return edit;
}

void
l4a_government_edit_free (L4aGovernmentEdit *edit)
{
  g_clear_object (&edit);
}

const char *
l4a_government_kind_label (const char *kind)
{
  return l4a_enum_get_label (L4A_TYPE_GOVERNMENT_KIND, kind);
}

/* One coordinate: a decimal number of degrees, with a comma or a point
 * before its decimals, an optional degree sign and an optional hemisphere
 * letter (S and W count below zero). */
static gboolean
parse_degrees (const char *text,
               const char *hemispheres,
               double     *value)
{
  g_autofree char *number = g_strstrip (g_strdup (text));
  char *end;
  gsize length = strlen (number);
  double sign = 1;

  if (length > 0 && strchr (hemispheres, g_ascii_toupper (number[length - 1])) != NULL)
    {
      sign = g_ascii_toupper (number[length - 1]) == hemispheres[1] ? -1 : 1;
      number[--length] = '\0';
      g_strchomp (number);
    }
  if (g_str_has_suffix (number, "°"))
    number[strlen (number) - strlen ("°")] = '\0';
  g_strdelimit (g_strchomp (number), ",", '.');
  if (*number == '\0' || strchr (number, 'e') || strchr (number, 'E') || strstr (number, "0x") ||
      strstr (number, "0X") || g_ascii_isalpha (*number))
    return FALSE;
  *value = g_ascii_strtod (number, &end);
  if (*end != '\0' || !isfinite (*value))
    return FALSE;
  if (sign < 0 && *value < 0)
    return FALSE;
  *value *= sign;
  return TRUE;
}

/**
 * l4a_place_parse:
 * @text: a latitude and a longitude in decimal degrees, as maps copy them:
 *   “41.3874, 2.1686”, “41,3874; 2,1686”, “41.3874° N 2.1686° E”
 * @problem: (out) (optional): what is wrong, in a sentence
 *
 * Returns: whether @text is a place on Earth
 */
gboolean
l4a_place_parse (const char  *text,
                 double      *latitude,
                 double      *longitude,
                 char       **problem)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;
  guint commas = 0;

  if (problem != NULL)
    *problem = NULL;
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || strlen (text) > 100)
    goto unreadable;

  copy = g_strstrip (g_strdup (text));
  for (const char *c = copy; *c; c++)
    commas += *c == ',';

  if (strchr (copy, ';') != NULL)
    parts = g_strsplit (copy, ";", -1);
  else if (commas == 1)
    parts = g_strsplit (copy, ",", -1);
  else if (commas == 3 || commas == 0)
    {
      /* “41,38, 2,16” or “41.38 2.16”: the space parts them */
      g_autofree char *spaced = g_strdup (copy);

      if (commas == 3)
        {
          char *middle = strstr (spaced, ", ");

          if (middle == NULL || strstr (middle + 1, ", ") != NULL)
            goto unreadable;
          *middle = ';';
          parts = g_strsplit (spaced, ";", -1);
        }
      else
        {
          /* the last space not before a hemisphere letter or degree */
          char *split = NULL;

          for (char *c = spaced; *c; c++)
            if (*c == ' ' && c[1] != '\0' && strchr ("NSEWnsew ", c[1]) == NULL)
              split = c;
          if (split == NULL)
            goto unreadable;
          *split = ';';
          parts = g_strsplit (spaced, ";", -1);
        }
    }
  if (parts == NULL || g_strv_length (parts) != 2 ||
      !parse_degrees (parts[0], "NS", latitude) || !parse_degrees (parts[1], "EW", longitude))
    goto unreadable;

  if (*latitude < -90 || *latitude > 90)
    {
      if (problem != NULL)
        *problem = g_strdup (_("The latitude must be from −90 to 90 degrees."));
      return FALSE;
    }
  if (*longitude < -180 || *longitude > 180)
    {
      if (problem != NULL)
        *problem = g_strdup (_("The longitude must be from −180 to 180 degrees."));
      return FALSE;
    }
  return TRUE;

unreadable:
  if (problem != NULL)
    /* translators: keep the example's numbers, with your language's decimal mark if it differs */
    *problem = g_strdup (_("Give the latitude then the longitude in degrees, as “41.3874, 2.1686”."));
  return FALSE;
}

/**
 * l4a_place_format:
 *
 * Returns: (transfer full): the place as l4a_place_parse() reads it back,
 *   to four decimals at most (about ten metres)
 */
char *
l4a_place_format (double latitude,
                  double longitude)
{
  char numbers[2][G_ASCII_DTOSTR_BUF_SIZE];
  double values[2] = { latitude, longitude };

  for (guint i = 0; i < 2; i++)
    {
      char *end;

      g_ascii_formatd (numbers[i], sizeof numbers[i], "%.4f", values[i]);
      end = numbers[i] + strlen (numbers[i]);
      while (end[-1] == '0')
        *--end = '\0';
      if (end[-1] == '.')
        end[-1] = '\0';
      if (g_str_equal (numbers[i], "-0"))
        g_strlcpy (numbers[i], "0", sizeof numbers[i]);
    }
  return g_strdup_printf ("%s, %s", numbers[0], numbers[1]);
}

GPtrArray *
l4a_government_edit_validate (L4aStore                *store,
                              const L4aGovernmentEdit *edit)
{
  GPtrArray *errors = l4a_field_errors_new ();

  g_return_val_if_fail (edit != NULL, errors);

  if (l4a_text_is_blank (edit->name))
    l4a_field_errors_add (errors, "name", "%s", _("A government needs a name."));
  else if (g_utf8_strlen (edit->name, -1) > 200)
    l4a_field_errors_add (errors, "name", "%s", _("The name is longer than 200 characters."));

  if (!l4a_enum_is_valid (L4A_TYPE_GOVERNMENT_KIND, edit->kind))
    l4a_field_errors_add (errors, "kind", "%s", _("Choose a city, a region or an association."));

  if (l4a_text_is_blank (edit->country))
    l4a_field_errors_add (errors, "country", "%s", _("Choose the country."));
  else if (l4a_reference_lookup (L4A_REFERENCE_COUNTRIES, edit->country) == NULL)
    /* translators: %s is what was given as a country code */
    l4a_field_errors_add (errors, "country", _("“%s” is not a known country."), edit->country);

  if (edit->contact != NULL && (!g_utf8_validate (edit->contact, -1, NULL) || g_utf8_strlen (edit->contact, -1) > 300))
    l4a_field_errors_add (errors, "contact", "%s", _("The contact is longer than 300 characters."));
  if (!l4a_text_is_blank (edit->place))
    {
      g_autofree char *problem = NULL;
      double latitude, longitude;

      if (!l4a_place_parse (edit->place, &latitude, &longitude, &problem))
        l4a_field_errors_add (errors, "place", "%s", problem);
    }
  if (l4a_text_is_blank (edit->region))
    l4a_field_errors_add (errors, "region", "%s", _("Choose the UCLG world region."));
  else if (l4a_reference_lookup (L4A_REFERENCE_REGIONS, edit->region) == NULL)
    l4a_field_errors_add (errors, "region", _("“%s” is not a UCLG region."), edit->region);

  return errors;
}

/**
 * l4a_registry_list_governments:
 *
 * Returns: (transfer full): every government, sorted by name, with the
 *   number of hubs, proposals and board members that refer to each, as
 *   l4a_registry_find_governments() gives them without words
 */
/* The columns every list of governments reads, g being the government. */
#define GOVERNMENT_COLUMNS \
  "g.id, g.name, g.kind, g.country, g.region, g.sample, " \
  "  (SELECT count(*) FROM hub WHERE government_id = g.id), " \
  "  (SELECT count(*) FROM proposal WHERE government_id = g.id), " \
  "  (SELECT count(*) FROM member WHERE government_id = g.id) "

/* The governments @stmt gives (GOVERNMENT_COLUMNS) into @list. */
static gboolean
read_governments (L4aStore      *store,
                  sqlite3_stmt  *stmt,
                  GListStore    *list,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(L4aGovernment) government =
        g_object_new (L4A_TYPE_GOVERNMENT,
                      "id", sqlite3_column_text (stmt, 0),
                      "name", sqlite3_column_text (stmt, 1),
                      "kind", sqlite3_column_text (stmt, 2),
                      "country", sqlite3_column_text (stmt, 3),
                      "region", sqlite3_column_text (stmt, 4),
                      "sample", sqlite3_column_int (stmt, 5) != 0,
                      "hubs", (guint) sqlite3_column_int (stmt, 6),
                      "proposals", (guint) sqlite3_column_int (stmt, 7),
                      "members", (guint) sqlite3_column_int (stmt, 8),
                      NULL);
      g_list_store_append (list, government);
    }
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * l4a_registry_list_governments:
 *
 * Returns: (transfer full): every government, sorted by name, with the
 *   number of hubs, proposals and board members that refer to each, as
 *   l4a_registry_find_governments() gives them without words
 */
GListModel *
l4a_registry_list_governments (L4aStore  *store,
                               GError   **error)
{
  return l4a_registry_find_governments (store, NULL, G_MAXUINT, NULL, error);
}

static int
compare_governments (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GHashTable *keys = user_data;

  return g_strcmp0 (g_hash_table_lookup (keys, a), g_hash_table_lookup (keys, b));
}

/**
 * l4a_registry_find_governments:
 * @text: (nullable): what the user typed: words, each the start of a word
 *   of the government's name or of its country's name (accents and case
 *   aside); %NULL or blank for every government
 * @limit: how many to give at most
 * @n_found: (out) (optional): how many governments the words find in all
 *
 * Finds governments among however many there are, reading only those it
 * gives: through the search index when there are words, else a page of the
 * name index. With words, the governments found are the @limit first by
 * name (when more are found, more words narrow them); those given are in
 * the order of their names in the user's language.
 *
 * Returns: (transfer full): the governments found, as
 *   l4a_registry_list_governments() gives them
 */
GListModel *
l4a_registry_find_governments (L4aStore    *store,
                               const char  *text,
                               guint        limit,
                               guint       *n_found,
                               GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (L4A_TYPE_GOVERNMENT);
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  fts = l4a_fts_query_from_text (text);
  if (n_found != NULL)
    {
      stmt = l4a_store_prepare (store,
                                fts ? "SELECT count(*) FROM government_fts WHERE government_fts MATCH ?1"
                                    : "SELECT count(*) FROM government", error);
      if (stmt == NULL)
        return NULL;
      if (fts != NULL)
        sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
      *n_found = sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = l4a_store_prepare (store,
                            /* the matches first, then sorted: SQLite would rather walk
                             * the name index and test each government, which costs
                             * the whole table when few match (166 ms against 10 for
                             * one country among 250 000) */
                            fts ? "SELECT " GOVERNMENT_COLUMNS "FROM government_fts f "
                                  "CROSS JOIN government_num n CROSS JOIN government g "
                                  "WHERE government_fts MATCH ?1 AND n.num = f.rowid AND g.id = n.id "
                                  "ORDER BY g.name COLLATE NOCASE, g.id LIMIT ?2"
                                : "SELECT " GOVERNMENT_COLUMNS "FROM government g "
                                  "ORDER BY g.name COLLATE NOCASE, g.id LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  if (fts != NULL)
    sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (!read_governments (store, stmt, list, error))
    return NULL;

  /* accents and the user's language order what is shown */
  keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(L4aGovernment) government = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_hash_table_insert (keys, government, l4a_sort_key (l4a_government_get_name (government)));
    }
  g_list_store_sort (list, compare_governments, keys);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

L4aGovernmentEdit *
l4a_registry_load_government (L4aStore    *store,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aGovernmentEdit *edit;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = l4a_store_prepare (store, "SELECT name, kind, country, region, revision, contact, latitude, longitude "
                                   "FROM government WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no government with the id “%s”."), id);
      return NULL;
    }

  edit = g_object_new (L4A_TYPE_GOVERNMENT_EDIT, NULL);
  edit->id = g_strdup (id);
  edit->name = l4a_store_column_dup (stmt, 0);
  edit->kind = l4a_store_column_dup (stmt, 1);
  edit->country = l4a_store_column_dup (stmt, 2);
  edit->region = l4a_store_column_dup (stmt, 3);
  edit->revision = sqlite3_column_int (stmt, 4);
  edit->contact = l4a_store_column_dup (stmt, 5);
  edit->place = sqlite3_column_type (stmt, 6) == SQLITE_NULL || sqlite3_column_type (stmt, 7) == SQLITE_NULL
              ? g_strdup ("")
              : l4a_place_format (sqlite3_column_double (stmt, 6), sqlite3_column_double (stmt, 7));
  return edit;
}

/**
 * l4a_registry_save_government:
 *
 * Creates or changes a government, audited, secretariat only.
 */
static gboolean
registry_save_government_checked (L4aStore           *store,
                                  L4aGovernmentEdit  *edit,
                                  GError            **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *new_id = NULL;
  g_autofree char *name = NULL;
  const char *record;
  double latitude, longitude;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;

  record = l4a_text_is_blank (edit->name) ? _("the new government") : edit->name;
  problems = l4a_government_edit_validate (store, edit);
  if (problems->len > 0)
    {
      L4aFieldError *first = g_ptr_array_index (problems, 0);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a government's name, then what is wrong */
                   _("Government “%s” cannot be saved: %s"), record, first->message);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;

  name = g_strstrip (g_strdup (edit->name));
  if (edit->id != NULL)
    stmt = l4a_store_prepare (store,
                              "UPDATE government SET name = ?1, kind = ?2, country = ?3, region = ?4, contact = ?9, "
                              "  latitude = ?10, longitude = ?11, revision = revision + 1, updated_at = ?5, origin = ?6 "
                              "WHERE id = ?7 AND revision = ?8", error);
  else
    stmt = l4a_store_prepare (store,
                              "INSERT INTO government (name, kind, country, region, created_at, updated_at, "
                              "  origin, id, revision, contact, latitude, longitude) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, 1, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    goto failed;

  if (edit->id == NULL)
    new_id = g_uuid_string_random ();
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->region, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, edit->id ? edit->id : new_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, edit->revision);
  sqlite3_bind_text (stmt, 9, edit->contact ? g_strstrip (edit->contact) : "", -1, SQLITE_STATIC);
  if (!l4a_text_is_blank (edit->place) && l4a_place_parse (edit->place, &latitude, &longitude, NULL))
    {
      sqlite3_bind_double (stmt, 10, latitude);
      sqlite3_bind_double (stmt, 11, longitude);
    }

  if (!l4a_store_step_done (store, stmt, record, error))
    goto failed;

  if (edit->id != NULL && sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("Government “%s” was changed or removed elsewhere since it was opened; open it again."),
                   record);
      goto failed;
    }

  if (!l4a_store_audit (store, edit->id ? "update" : "create", "government",
                        edit->id ? edit->id : new_id, NULL, error) ||
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
l4a_registry_save_government (L4aStore           *store,
                              L4aGovernmentEdit  *edit,
                              GError            **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, registry_save_government_checked (store, edit, error), error);
}

/* Re-points one column from the duplicate to the kept government, bumping
 * the revision of every record it changes. Table and column names come from
 * the code below, never from input. */
static gboolean
repoint (L4aStore   *store,
         const char *table,
         const char *keep_id,
         const char *duplicate_id,
         const char *now,
         gboolean    travels,
         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (travels)
    sql = g_strdup_printf ("UPDATE %s SET government_id = ?1, revision = revision + 1, updated_at = ?3, "
                           "origin = ?4 WHERE government_id = ?2", table);
  else
    sql = g_strdup_printf ("UPDATE %s SET government_id = ?1 WHERE government_id = ?2", table);

  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, keep_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, duplicate_id, -1, SQLITE_STATIC);
  if (travels)
    {
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
    }
  return l4a_store_step_done (store, stmt, NULL, error);
}

/**
 * l4a_registry_merge_governments:
 * @keep_id: the government that stays
 * @duplicate_id: the duplicate that goes
 *
 * Merges two records of the same government: every hub, proposal, board
 * member, partner and conflict that referred to the duplicate refers to the
 * kept one, and the duplicate is deleted. All in one transaction, audited.
 */
static gboolean
registry_merge_governments_checked (L4aStore    *store,
                                    const char  *keep_id,
                                    const char  *duplicate_id,
                                    GError     **error)
{
  g_autoptr(L4aGovernmentEdit) keep = NULL;
  g_autoptr(L4aGovernmentEdit) duplicate = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *details = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (keep_id != NULL && duplicate_id != NULL, FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;

  if (g_str_equal (keep_id, duplicate_id))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("A government cannot be merged with itself."));
      return FALSE;
    }

  if (!(keep = l4a_registry_load_government (store, keep_id, error)) ||
      !(duplicate = l4a_registry_load_government (store, duplicate_id, error)))
    return FALSE;

  if (!l4a_store_begin (store, error))
    return FALSE;

  /* A conflict the kept government already has makes the duplicate's one
   * redundant: keep one per member. */
  stmt = l4a_store_prepare (store,
                            "DELETE FROM conflict WHERE government_id = ?2 AND member_id IN "
                            "(SELECT member_id FROM conflict WHERE government_id = ?1)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, keep_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, duplicate_id, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!repoint (store, "hub", keep_id, duplicate_id, now, TRUE, error) ||
      !repoint (store, "proposal", keep_id, duplicate_id, now, TRUE, error) ||
      !repoint (store, "member", keep_id, duplicate_id, now, TRUE, error) ||
      !repoint (store, "partner", keep_id, duplicate_id, now, TRUE, error) ||
      !repoint (store, "conflict", keep_id, duplicate_id, now, TRUE, error))
    goto failed;

  stmt = l4a_store_prepare (store, "DELETE FROM government WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, duplicate_id, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, duplicate->name, error))
    goto failed;

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "merged");
    json_builder_add_string_value (builder, duplicate_id);
    json_builder_set_member_name (builder, "merged_name");
    json_builder_add_string_value (builder, duplicate->name);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    details = json_to_string (root, FALSE);
  }

  if (!l4a_store_audit (store, "merge", "government", keep_id, details, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_registry_merge_governments (L4aStore    *store,
                                const char  *keep_id,
                                const char  *duplicate_id,
                                GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, registry_merge_governments_checked (store, keep_id, duplicate_id, error), error);
}
