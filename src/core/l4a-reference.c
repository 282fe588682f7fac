/* l4a-reference.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "l4a-reference.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

#define REFERENCE_RESOURCE "/org/local4action/Hubs/core/reference.xml"
#define ISO_3166_DOMAIN "iso_3166-1"

typedef struct
{
  GArray       *tables[L4A_REFERENCE_COUNTRIES + 1];
  GHashTable   *by_code[L4A_REFERENCE_COUNTRIES + 1];  /* code → entry, once loaded */
  GStringChunk *strings;
  char         *stamp;
} Reference;

typedef struct
{
  Reference        *ref;
  L4aReferenceTable table;
  L4aReferenceEntry current;
  gboolean          in_name;
} ParseState;

static const char *
intern (Reference  *ref,
        const char *text)
{
  return text ? g_string_chunk_insert_const (ref->strings, text) : NULL;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseState *state = user_data;
  static const struct { const char *element; L4aReferenceTable table; } kinds[] = {
    { "region", L4A_REFERENCE_REGIONS },
    { "sdg", L4A_REFERENCE_SDGS },
    { "council", L4A_REFERENCE_COUNCILS },
    { "axis", L4A_REFERENCE_AXES },
  };

  if (g_str_equal (element, "name"))
    {
      state->in_name = TRUE;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!g_str_equal (element, kinds[i].element))
        continue;

      state->table = kinds[i].table;
      memset (&state->current, 0, sizeof state->current);
      for (guint j = 0; names[j]; j++)
        {
          if (g_str_equal (names[j], "code"))
            state->current.code = intern (state->ref, values[j]);
          else if (g_str_equal (names[j], "kind"))
            state->current.kind = intern (state->ref, values[j]);
          else if (g_str_equal (names[j], "colour"))
            state->current.colour = intern (state->ref, values[j]);
          else if (g_str_equal (names[j], "goal"))
            {
              state->current.goal = (guint) g_ascii_strtoull (values[j], NULL, 10);
              state->current.code = intern (state->ref, values[j]);
            }
        }
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element, "name"))
    state->in_name = FALSE;
  else if (g_str_equal (element, "region") || g_str_equal (element, "sdg") ||
           g_str_equal (element, "council") || g_str_equal (element, "axis"))
    g_array_append_val (state->ref->tables[state->table], state->current);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  ParseState *state = user_data;
  g_autofree char *name = NULL;

  if (!state->in_name)
    return;

  name = g_strndup (text, len);
  state->current.name = intern (state->ref, g_strstrip (name));
}

/* The few countries iso-codes gives no common name, only the formal one
 * (“Russian Federation”, in French “Russie, Fédération de”): the name
 * people use, translated with this application's own catalogue. */
static const struct { const char *code, *name; } common_names[] = {
  { "RU", N_("Russia") },
  { "CD", N_("DR Congo") },
  { "FM", N_("Micronesia") },
  { "PS", N_("Palestine") },
  { "VG", N_("British Virgin Islands") },
  { "VI", N_("U.S. Virgin Islands") },
};

static const char *
common_name (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (common_names); i++)
    if (g_str_equal (common_names[i].code, code))
      return common_names[i].name;
  return NULL;
}

static void
load_countries (Reference *ref,
                GChecksum *stamp)
{
  g_autofree char *path = g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json",
                                            "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      g_warning ("Country names cannot be read from %s: %s", path, error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "3166-1"))
    {
      g_warning ("%s is not an iso-codes ISO 3166-1 file", path);
      return;
    }

  array = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *country = json_array_get_object_element (array, i);
      L4aReferenceEntry entry = { 0 };
      const char *name;

      if (country == NULL || !json_object_has_member (country, "alpha_2"))
        continue;

      name = common_name (json_object_get_string_member_with_default (country, "alpha_2", NULL));
      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "name", NULL);
      if (name == NULL)
        continue;

      entry.code = intern (ref, json_object_get_string_member (country, "alpha_2"));
      entry.name = intern (ref, name);
      g_array_append_val (ref->tables[L4A_REFERENCE_COUNTRIES], entry);
      g_checksum_update (stamp, (const guchar *) entry.code, -1);
      g_checksum_update (stamp, (const guchar *) entry.name, -1);
    }
}

static Reference *
load_reference (void)
{
  static const GMarkupParser parser = { start_element_cb, end_element_cb, text_cb, NULL, NULL };
  Reference *ref = g_new0 (Reference, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GChecksum) stamp = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ParseState state = { ref, 0, { 0 }, FALSE };
  gsize len;
  const char *data;

  ref->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < G_N_ELEMENTS (ref->tables); i++)
    ref->tables[i] = g_array_new (FALSE, TRUE, sizeof (L4aReferenceEntry));

  bytes = g_resources_lookup_data (REFERENCE_RESOURCE, 0, &error);
  if (bytes == NULL)
    g_error ("The reference data is missing from the build: %s", error->message);

  data = g_bytes_get_data (bytes, &len);
  g_checksum_update (stamp, (const guchar *) data, len);
  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, len, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("The reference data of the build is broken: %s", error->message);

  load_countries (ref, stamp);
  ref->stamp = g_strdup (g_checksum_get_string (stamp));

  /* rows of the registry look their country and region up by code */
  for (guint t = 0; t < G_N_ELEMENTS (ref->tables); t++)
    {
      ref->by_code[t] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < ref->tables[t]->len; i++)
        {
          L4aReferenceEntry *entry = &g_array_index (ref->tables[t], L4aReferenceEntry, i);

          if (entry->code != NULL && !g_hash_table_contains (ref->by_code[t], entry->code))
            g_hash_table_insert (ref->by_code[t], (gpointer) entry->code, entry);
        }
    }

  bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_PREFIX "/share/locale");
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  return ref;
}

static Reference *
get_reference (void)
{
  static Reference *reference;

  if (g_once_init_enter (&reference))
    g_once_init_leave (&reference, load_reference ());

  return reference;
}

/**
 * l4a_reference_entries:
 *
 * Returns: (transfer none) (array length=n_entries): the entries of @table,
 *   in their reference order
 */
const L4aReferenceEntry *
l4a_reference_entries (L4aReferenceTable  table,
                       guint             *n_entries)
{
  Reference *ref = get_reference ();

  g_return_val_if_fail (table <= L4A_REFERENCE_COUNTRIES, NULL);

  if (n_entries)
    *n_entries = ref->tables[table]->len;
  return (const L4aReferenceEntry *) (gpointer) ref->tables[table]->data;
}

const L4aReferenceEntry *
l4a_reference_lookup (L4aReferenceTable  table,
                      const char        *code)
{
  g_return_val_if_fail (table <= L4A_REFERENCE_COUNTRIES, NULL);

  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (get_reference ()->by_code[table], code);
}

const L4aReferenceEntry *
l4a_reference_sdg (guint goal)
{
  const L4aReferenceEntry *entries;
  guint n;

  entries = l4a_reference_entries (L4A_REFERENCE_SDGS, &n);
  for (guint i = 0; i < n; i++)
    if (entries[i].goal == goal)
      return &entries[i];

  return NULL;
}

/**
 * l4a_reference_translate:
 *
 * Returns: (transfer none): the name of @code in the user's language, or
 *   @code itself when it is unknown
 */
const char *
l4a_reference_translate (L4aReferenceTable  table,
                         const char        *code)
{
  const L4aReferenceEntry *entry = l4a_reference_lookup (table, code);

  if (entry == NULL)
    return code;

  if (table == L4A_REFERENCE_COUNTRIES)
    return common_name (entry->code) != NULL ? g_dgettext (GETTEXT_PACKAGE, entry->name)
                                            : g_dgettext (ISO_3166_DOMAIN, entry->name);

  return g_dgettext (GETTEXT_PACKAGE, entry->name);
}

static gboolean
upsert_entries (L4aStore          *store,
                L4aReferenceTable  table,
                const char        *sql,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const L4aReferenceEntry *entries;
  guint n;

  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  entries = l4a_reference_entries (table, &n);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_reset (stmt);
      if (table == L4A_REFERENCE_SDGS)
        {
          sqlite3_bind_int (stmt, 1, (int) entries[i].goal);
          sqlite3_bind_text (stmt, 2, entries[i].name, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, entries[i].colour, -1, SQLITE_STATIC);
        }
      else
        {
          sqlite3_bind_text (stmt, 1, entries[i].code, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, entries[i].name, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 3, (int) i);
          if (table == L4A_REFERENCE_REGIONS)
            sqlite3_bind_text (stmt, 4, entries[i].kind, -1, SQLITE_STATIC);
        }

      if (!l4a_store_step_done (store, stmt, entries[i].code, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * l4a_reference_sync:
 *
 * Brings the reference tables of @store in line with the reference data of
 * this build and the installed iso-codes. Writes only when they changed.
 */
gboolean
l4a_reference_sync (L4aStore  *store,
                    GError   **error)
{
  Reference *ref = get_reference ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean current;

  stmt = l4a_store_prepare (store, "SELECT value = ?1 FROM meta WHERE key = 'reference_stamp'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ref->stamp, -1, SQLITE_STATIC);
  current = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (current)
    return TRUE;

  if (!l4a_store_begin (store, error))
    return FALSE;

  if (!upsert_entries (store, L4A_REFERENCE_REGIONS,
                       "INSERT INTO region (code, name, position, kind) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                       "position = excluded.position, kind = excluded.kind", error) ||
      !upsert_entries (store, L4A_REFERENCE_SDGS,
                       "INSERT INTO sdg (goal, name, colour) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (goal) DO UPDATE SET name = excluded.name, colour = excluded.colour",
                       error) ||
      !upsert_entries (store, L4A_REFERENCE_COUNCILS,
                       "INSERT INTO policy_council (code, name, position) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position",
                       error) ||
      !upsert_entries (store, L4A_REFERENCE_AXES,
                       "INSERT INTO pact_axis (code, name, position) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position",
                       error) ||
      !upsert_entries (store, L4A_REFERENCE_COUNTRIES,
                       "INSERT INTO country (code, name) VALUES (?1, ?2) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name", error))
    goto failed;

  stmt = l4a_store_prepare (store,
                            "INSERT INTO meta (key, value) VALUES ('reference_stamp', ?1) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, ref->stamp, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error))
    goto failed;

  return l4a_store_commit (store, error);

failed:
  l4a_store_rollback (store);
  return FALSE;
}

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * l4a_reference_sorted_codes:
 *
 * Returns: (transfer full) (element-type utf8): the codes of @table in
 *   the order of their names in the user's language, accents and case
 *   aside, for a list to choose from
 */
GPtrArray *
l4a_reference_sorted_codes (L4aReferenceTable table)
{
  g_autoptr(GPtrArray) keyed = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  const L4aReferenceEntry *entries = NULL;
  guint n = 0;

  entries = l4a_reference_entries (table, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = l4a_sort_key (l4a_reference_translate (table, entries[i].code));

      g_ptr_array_add (keyed, g_strdup_printf ("%s\x01%s", key, entries[i].code));
    }
  g_ptr_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    g_ptr_array_add (codes, g_strdup (strrchr (g_ptr_array_index (keyed, i), '\x01') + 1));
  return codes;
}

/* The codes of each table in the order lists sort them by, and each
 * code's rank in it: made once, read from any thread. */
typedef struct
{
  GPtrArray  *codes;  /* interned, in rank order */
  GHashTable *ranks;  /* code → rank + 1 */
} Ranking;

static const Ranking *
get_ranking (L4aReferenceTable table)
{
  static Ranking rankings[L4A_REFERENCE_COUNTRIES + 1];
  G_LOCK_DEFINE_STATIC (rankings);
  Ranking *ranking = &rankings[table];

  G_LOCK (rankings);
  if (ranking->codes == NULL)
    {
      g_autoptr(GPtrArray) sorted = NULL;
      guint n = 0;
      const L4aReferenceEntry *entries = l4a_reference_entries (table, &n);

      ranking->codes = g_ptr_array_new ();
      ranking->ranks = g_hash_table_new (g_str_hash, g_str_equal);
      if (table == L4A_REFERENCE_COUNTRIES)
        sorted = l4a_reference_sorted_codes (table);
      for (guint i = 0; i < (sorted ? sorted->len : n); i++)
        {
          const char *code = g_intern_string (sorted ? g_ptr_array_index (sorted, i) : entries[i].code);

          g_ptr_array_add (ranking->codes, (gpointer) code);
          g_hash_table_insert (ranking->ranks, (gpointer) code, GUINT_TO_POINTER (i + 1));
        }
    }
  G_UNLOCK (rankings);
  return ranking;
}

/**
 * l4a_reference_ranked_codes:
 * @n_codes: (out): how many
 *
 * Returns: (transfer none) (array length=n_codes): the codes of @table in
 *   the order l4a_reference_rank() gives them
 */
const char * const *
l4a_reference_ranked_codes (L4aReferenceTable  table,
                            guint             *n_codes)
{
  const Ranking *ranking;

  g_return_val_if_fail (table <= L4A_REFERENCE_COUNTRIES, NULL);

  ranking = get_ranking (table);
  *n_codes = ranking->codes->len;
  return (const char * const *) ranking->codes->pdata;
}

/**
 * l4a_reference_rank:
 *
 * Where @code comes when a list is sorted by @table: countries in the
 * order of their names in the user's language (as
 * l4a_reference_sorted_codes() gives them), everything else in the order
 * of the reference data. Safe from any thread; SQLite asks it through
 * l4a_rank () when it sorts hubs by country, region or axis.
 *
 * Returns: the rank, or the number of entries when @code is unknown or
 *   %NULL, so that those come last
 */
guint
l4a_reference_rank (L4aReferenceTable  table,
                    const char        *code)
{
  const Ranking *ranking;
  gpointer found;

  g_return_val_if_fail (table <= L4A_REFERENCE_COUNTRIES, 0);

  ranking = get_ranking (table);
  found = code ? g_hash_table_lookup (ranking->ranks, code) : NULL;
  return found ? GPOINTER_TO_UINT (found) - 1 : ranking->codes->len;
}
