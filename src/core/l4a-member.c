/* l4a-member.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Advisory Board members and their conflicts of interest. Conflicts with
 * the member's own government and country are automatic (the
 * member_conflict view derives them); others are declared with a reason.
 * Declaring a conflict withdraws the member from proposals they may no
 * longer review, unless a review of theirs is already under way.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-member.h"
#include "l4a-permissions.h"
#include "l4a-reference.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

static const char * const l4a_member_languages[] = { "en", "fr", "es", NULL };

/**
 * l4a_member_reads:
 * @languages: (nullable): what a member declared they read
 *
 * Returns: whether a member who declared @languages may be given a
 *   proposal written in @language: always when they declared none
 */
gboolean
l4a_member_reads (const char * const *languages,
                  const char         *language)
{
  if (languages == NULL || languages[0] == NULL)
    return TRUE;
  return language != NULL && g_strv_contains (languages, language);
}

static void
conflict_edit_free (gpointer data)
{
  L4aConflictEdit *conflict = data;

  g_free (conflict->government_id);
  g_free (conflict->government_name);
  g_free (conflict->reason);
  g_free (conflict);
}

/* Properties 1 to G_N_ELEMENTS (text_fields) are the text fields. */
static const L4aTextField text_fields[] = {
  { "name", "name", G_STRUCT_OFFSET (L4aMemberEdit, name) },
  { "government_id", "government-id", G_STRUCT_OFFSET (L4aMemberEdit, government_id) },
  { "country", "country", G_STRUCT_OFFSET (L4aMemberEdit, country) },
  { "region", "region", G_STRUCT_OFFSET (L4aMemberEdit, region) },
  { "contact", "contact", G_STRUCT_OFFSET (L4aMemberEdit, contact) },
};

static GParamSpec *properties[G_N_ELEMENTS (text_fields) + 1];

G_DEFINE_FINAL_TYPE (L4aMemberEdit, l4a_member_edit, G_TYPE_OBJECT)

static void
l4a_member_edit_finalize (GObject *object)
{
  L4aMemberEdit *edit = L4A_MEMBER_EDIT (object);

  l4a_text_fields_clear (edit, text_fields, G_N_ELEMENTS (text_fields));
  g_free (edit->id);
  g_ptr_array_unref (edit->conflicts);
  g_array_unref (edit->sdgs);
  g_strfreev (edit->axes);
  g_strfreev (edit->regions);
  g_strfreev (edit->languages);

  G_OBJECT_CLASS (l4a_member_edit_parent_class)->finalize (object);
}

static void
l4a_member_edit_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!l4a_text_fields_get (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_member_edit_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (!l4a_text_fields_set (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_member_edit_class_init (L4aMemberEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_member_edit_finalize;
  object_class->get_property = l4a_member_edit_get_property;
  object_class->set_property = l4a_member_edit_set_property;
  l4a_text_fields_install (properties, text_fields, G_N_ELEMENTS (text_fields));
  g_object_class_install_properties (object_class, G_N_ELEMENTS (properties), properties);
}

static void
l4a_member_edit_init (L4aMemberEdit *edit)
{
  edit->conflicts = g_ptr_array_new_with_free_func (conflict_edit_free);
  edit->sdgs = g_array_new (FALSE, FALSE, sizeof (guint));
  edit->axes = g_new0 (char *, 1);
  edit->regions = g_new0 (char *, 1);
  edit->languages = g_new0 (char *, 1);
}

L4aMemberEdit *
l4a_member_edit_new (void)
{
  return g_object_new (L4A_TYPE_MEMBER_EDIT, NULL);
}

void
l4a_member_edit_free (L4aMemberEdit *edit)
{
  if (edit != NULL)
    g_object_unref (edit);
}

L4aConflictEdit *
l4a_member_edit_add_conflict (L4aMemberEdit *edit,
                              const char    *government_id,
                              const char    *reason)
{
  L4aConflictEdit *conflict = g_new0 (L4aConflictEdit, 1);

  conflict->government_id = g_strdup (government_id);
  conflict->reason = g_strdup (reason ? reason : "");
  g_ptr_array_add (edit->conflicts, conflict);
  return conflict;
}

static gboolean
government_exists (L4aStore   *store,
                   const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT 1 FROM government WHERE id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * l4a_member_edit_validate:
 *
 * Returns: (transfer full) (element-type L4aFieldError): what is wrong,
 *   by field (name, government, country, region, contact, conflicts)
 */
GPtrArray *
l4a_member_edit_validate (L4aStore            *store,
                          const L4aMemberEdit *edit)
{
  GPtrArray *errors = l4a_field_errors_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (edit != NULL, errors);

  if (l4a_text_is_blank (edit->name))
    l4a_field_errors_add (errors, "name", "%s", _("A board member needs a name."));
  else if (!g_utf8_validate (edit->name, -1, NULL) || g_utf8_strlen (edit->name, -1) > 200)
    l4a_field_errors_add (errors, "name", "%s", _("The name is longer than 200 characters."));

  if (!l4a_text_is_blank (edit->government_id) && !government_exists (store, edit->government_id))
    l4a_field_errors_add (errors, "government", "%s", _("The affiliation is not a known government."));

  if (l4a_text_is_blank (edit->country))
    l4a_field_errors_add (errors, "country", "%s", _("Choose the country."));
  else if (l4a_reference_lookup (L4A_REFERENCE_COUNTRIES, edit->country) == NULL)
    l4a_field_errors_add (errors, "country", _("“%s” is not a known country."), edit->country);

  if (l4a_text_is_blank (edit->region))
    l4a_field_errors_add (errors, "region", "%s", _("Choose the UCLG world region."));
  else if (l4a_reference_lookup (L4A_REFERENCE_REGIONS, edit->region) == NULL)
    l4a_field_errors_add (errors, "region", _("“%s” is not a UCLG region."), edit->region);

  if (edit->contact != NULL && (!g_utf8_validate (edit->contact, -1, NULL) || g_utf8_strlen (edit->contact, -1) > 300))
    l4a_field_errors_add (errors, "contact", "%s", _("The contact is longer than 300 characters."));

  for (guint i = 0; i < edit->sdgs->len; i++)
    if (g_array_index (edit->sdgs, guint, i) < 1 || g_array_index (edit->sdgs, guint, i) > 17)
      l4a_field_errors_add (errors, "sdgs", _("There is no Sustainable Development Goal %u."),
                            g_array_index (edit->sdgs, guint, i));
  for (guint i = 0; edit->axes != NULL && edit->axes[i]; i++)
    if (l4a_reference_lookup (L4A_REFERENCE_AXES, edit->axes[i]) == NULL)
      l4a_field_errors_add (errors, "axes", _("“%s” is not an axis of the Pact for the Future."), edit->axes[i]);
  for (guint i = 0; edit->regions != NULL && edit->regions[i]; i++)
    if (l4a_reference_lookup (L4A_REFERENCE_REGIONS, edit->regions[i]) == NULL)
      l4a_field_errors_add (errors, "regions", _("“%s” is not a UCLG region."), edit->regions[i]);
  for (guint i = 0; edit->languages != NULL && edit->languages[i]; i++)
    if (!g_strv_contains (l4a_member_languages, edit->languages[i]))
      l4a_field_errors_add (errors, "languages", _("“%s” is not one of the languages of the network "
                                                   "(English, French, Spanish)."), edit->languages[i]);

  for (guint i = 0; i < edit->conflicts->len; i++)
    {
      L4aConflictEdit *conflict = g_ptr_array_index (edit->conflicts, i);

      if (conflict->automatic)
        continue;
      if (l4a_text_is_blank (conflict->government_id) || !government_exists (store, conflict->government_id))
        l4a_field_errors_add (errors, "conflicts", "%s", _("A declared conflict names a government that is not known."));
      else if (g_hash_table_contains (seen, conflict->government_id))
        l4a_field_errors_add (errors, "conflicts", "%s", _("The same government is declared twice."));
      else if (l4a_text_is_blank (conflict->reason))
        l4a_field_errors_add (errors, "conflicts", "%s", _("Give the reason of each declared conflict."));
      else
        g_hash_table_add (seen, conflict->government_id);
    }

  return errors;
}

static gboolean
load_conflicts (L4aStore      *store,
                L4aMemberEdit *edit,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Declared first, then automatic: stored ones and those derived from
   * the member's government and country. */
  stmt = l4a_store_prepare (store,
                            "SELECT c.government_id, g.name, c.reason, c.kind = 'automatic' FROM conflict c "
                            "JOIN government g ON g.id = c.government_id WHERE c.member_id = ?1 "
                            "UNION "
                            "SELECT g.id, g.name, '', 1 FROM member m JOIN government g "
                            "  ON g.id = m.government_id OR g.country = m.country "
                            "WHERE m.id = ?1 AND g.id NOT IN (SELECT government_id FROM conflict WHERE member_id = ?1) "
                            "ORDER BY 4, 2 COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aConflictEdit *conflict = l4a_member_edit_add_conflict (edit, (const char *) sqlite3_column_text (stmt, 0),
                                                                (const char *) sqlite3_column_text (stmt, 2));

      conflict->government_name = l4a_store_column_dup (stmt, 1);
      conflict->automatic = sqlite3_column_int (stmt, 3) != 0;
    }
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

static GStrv
read_codes (L4aStore    *store,
            const char  *sql,
            const char  *id,
            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_strv_builder_end (builder);
}

/* What the member declared they can review. */
static gboolean
load_expertise (L4aStore      *store,
                L4aMemberEdit *edit,
                GError       **error)
{
  g_auto(GStrv) goals = read_codes (store, "SELECT goal FROM member_sdg WHERE member_id = ?1 ORDER BY goal",
                                    edit->id, error);

  if (goals == NULL)
    return FALSE;
  g_array_set_size (edit->sdgs, 0);
  for (guint i = 0; goals[i]; i++)
    {
      guint goal = (guint) g_ascii_strtoull (goals[i], NULL, 10);

      g_array_append_val (edit->sdgs, goal);
    }
  g_strfreev (edit->axes);
  g_strfreev (edit->regions);
  g_strfreev (edit->languages);
  edit->axes = read_codes (store, "SELECT axis FROM member_axis a JOIN pact_axis x ON x.code = a.axis "
                                  "WHERE member_id = ?1 ORDER BY x.position", edit->id, error);
  edit->regions = read_codes (store, "SELECT region FROM member_region r JOIN region x ON x.code = r.region "
                                     "WHERE member_id = ?1 ORDER BY x.position", edit->id, error);
  edit->languages = read_codes (store, "SELECT language FROM member_language WHERE member_id = ?1 "
                                       "ORDER BY instr ('en fr es', language)", edit->id, error);
  if (edit->axes == NULL || edit->regions == NULL || edit->languages == NULL)
    {
      /* keep the edit whole for its free function */
      if (edit->axes == NULL)
        edit->axes = g_new0 (char *, 1);
      if (edit->regions == NULL)
        edit->regions = g_new0 (char *, 1);
      if (edit->languages == NULL)
        edit->languages = g_new0 (char *, 1);
      return FALSE;
    }
  return TRUE;
}

#define MEMBER_COLUMNS \
  "m.id, m.revision, m.name, m.government_id, m.country, m.region, m.contact, m.sample, " \
  "(SELECT count(*) FROM review r WHERE r.member_id = m.id) "

static L4aMemberEdit *
member_from_row (sqlite3_stmt *stmt)
{
  L4aMemberEdit *edit = l4a_member_edit_new ();

  edit->id = l4a_store_column_dup (stmt, 0);
  edit->revision = sqlite3_column_int (stmt, 1);
  edit->name = l4a_store_column_dup (stmt, 2);
  edit->government_id = l4a_store_column_dup (stmt, 3);
  edit->country = l4a_store_column_dup (stmt, 4);
  edit->region = l4a_store_column_dup (stmt, 5);
  edit->contact = l4a_store_column_dup (stmt, 6);
  edit->sample = sqlite3_column_int (stmt, 7) != 0;
  edit->n_reviews = sqlite3_column_int (stmt, 8);
  return edit;
}

static void
member_edit_free (gpointer data)
{
  l4a_member_edit_free (data);
}

/**
 * l4a_member_list:
 *
 * Returns: (transfer full) (element-type L4aMemberEdit): the board, by
 *   name, with conflicts, for the secretariat; or %NULL with @error set
 */
GPtrArray *
l4a_member_list (L4aStore  *store,
                 GError   **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (member_edit_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_BOARD, error))
    return NULL;
  stmt = l4a_store_prepare (store, "SELECT " MEMBER_COLUMNS "FROM member m ORDER BY m.name COLLATE NOCASE, m.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, member_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return NULL;
    }
  for (guint i = 0; i < members->len; i++)
    if (!load_conflicts (store, g_ptr_array_index (members, i), error) ||
        !load_expertise (store, g_ptr_array_index (members, i), error))
      return NULL;
  return g_steal_pointer (&members);
}

/**
 * l4a_member_load:
 *
 * Returns: (transfer full): the member with their conflicts, or %NULL
 *   with @error set
 */
L4aMemberEdit *
l4a_member_load (L4aStore    *store,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(L4aMemberEdit) edit = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  /* the secretariat reads any member; a member their own record */
  if (!(l4a_store_get_role (store) == L4A_ROLE_MEMBER && g_strcmp0 (l4a_store_get_identity (store), id) == 0) &&
      !l4a_store_require (store, L4A_PERMISSION_KEEP_BOARD, error))
    return NULL;
  stmt = l4a_store_prepare (store, "SELECT " MEMBER_COLUMNS "FROM member m WHERE m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no board member with the id “%s”."), id);
      return NULL;
    }
  edit = member_from_row (stmt);
  if (!load_conflicts (store, edit, error) || !load_expertise (store, edit, error))
    return NULL;
  return g_steal_pointer (&edit);
}

static gboolean
run (L4aStore    *store,
     const char  *sql,
     const char  *a,
     const char  *b,
     const char  *c,
     const char  *record,
     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  if (c)
    sqlite3_bind_text (stmt, 3, c, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, record, error);
}

/* The declared expertise of member @id replaced by @edit's. */
static gboolean
write_expertise (L4aStore            *store,
                 const char          *id,
                 const L4aMemberEdit *edit,
                 const char          *record,
                 GError             **error)
{
  static const struct { const char *clear, *insert; } lists[] = {
    { "DELETE FROM member_axis WHERE member_id = ?1", "INSERT OR IGNORE INTO member_axis (member_id, axis) VALUES (?1, ?2)" },
    { "DELETE FROM member_region WHERE member_id = ?1", "INSERT OR IGNORE INTO member_region (member_id, region) VALUES (?1, ?2)" },
    { "DELETE FROM member_language WHERE member_id = ?1", "INSERT OR IGNORE INTO member_language (member_id, language) VALUES (?1, ?2)" },
  };
  char **values[] = { edit->axes, edit->regions, edit->languages };

  if (!run (store, "DELETE FROM member_sdg WHERE member_id = ?1", id, NULL, NULL, record, error))
    return FALSE;
  for (guint i = 0; i < edit->sdgs->len; i++)
    {
      g_autofree char *goal = g_strdup_printf ("%u", g_array_index (edit->sdgs, guint, i));

      if (!run (store, "INSERT OR IGNORE INTO member_sdg (member_id, goal) VALUES (?1, CAST (?2 AS INTEGER))",
                id, goal, NULL, record, error))
        return FALSE;
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (!run (store, lists[l].clear, id, NULL, NULL, record, error))
        return FALSE;
      for (guint i = 0; values[l] != NULL && values[l][i]; i++)
        if (!run (store, lists[l].insert, id, values[l][i], NULL, record, error))
          return FALSE;
    }
  return TRUE;
}

/**
 * l4a_member_save:
 * @n_unassigned: (out) (optional): assignments withdrawn because of a new
 *   conflict
 *
 * Saves a member and their declared conflicts, all or nothing. A new
 * conflict withdraws the member from the proposals it concerns; it is
 * refused when the member already started reviewing one of them.
 */
static gboolean
member_save_checked (L4aStore       *store,
                     L4aMemberEdit  *edit,
                     guint          *n_unassigned,
                     GError        **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *new_id = NULL;
  g_autofree char *name = NULL;
  const char *record = l4a_text_is_blank (edit->name) ? _("New board member") : edit->name;
  const char *id;
  guint removed = 0;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_BOARD, error))
    return FALSE;

  problems = l4a_member_edit_validate (store, edit);
  if (problems->len > 0)
    {
      L4aFieldError *first = g_ptr_array_index (problems, 0);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a member's name, then what is wrong */
                   _("Board member “%s” cannot be saved: %s"), record, first->message);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;

  name = g_strstrip (g_strdup (edit->name));
  if (edit->id == NULL)
    {
      new_id = g_uuid_string_random ();
      stmt = l4a_store_prepare (store,
                                "INSERT INTO member (id, name, government_id, country, region, contact, created_at, "
                                "  updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)", error);
    }
  else
    stmt = l4a_store_prepare (store,
                              "UPDATE member SET name = ?2, government_id = ?3, country = ?4, region = ?5, contact = ?6, "
                              "  updated_at = ?7, origin = ?8, revision = revision + 1 WHERE id = ?1 AND revision = ?9",
                              error);
  if (stmt == NULL)
    goto failed;
  id = edit->id ? edit->id : new_id;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (l4a_text_is_blank (edit->government_id))
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_text (stmt, 3, edit->government_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, edit->region, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, edit->contact ? edit->contact : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (edit->id != NULL)
    sqlite3_bind_int (stmt, 9, edit->revision);
  if (!l4a_store_step_done (store, stmt, record, error))
    goto failed;
  if (edit->id != NULL && sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("Board member “%s” changed since it was opened; open it again to see the changes."), record);
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The declared expertise is replaced by the edited one. */
  if (!write_expertise (store, id, edit, record, error))
    goto failed;

  /* The declared conflicts are replaced by the edited ones. */
  if (!run (store, "DELETE FROM conflict WHERE member_id = ?1 AND kind = 'declared'", id, NULL, NULL, record, error))
    goto failed;
  for (guint i = 0; i < edit->conflicts->len; i++)
    {
      L4aConflictEdit *conflict = g_ptr_array_index (edit->conflicts, i);
      g_autofree char *conflict_id = NULL;

      if (conflict->automatic)
        continue;
      conflict_id = g_uuid_string_random ();
      stmt = l4a_store_prepare (store,
                                "INSERT INTO conflict (id, member_id, government_id, kind, reason, created_at, updated_at, "
                                "  origin) VALUES (?1, ?2, ?3, 'declared', ?4, ?5, ?5, ?6) "
                                "ON CONFLICT (member_id, government_id) DO NOTHING", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, conflict_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, conflict->government_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, g_strstrip (conflict->reason), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, record, error))
        goto failed;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  /* A review already under way of a proposal now in conflict: refuse. */
  stmt = l4a_store_prepare (store,
                            "SELECT p.title FROM review r JOIN proposal p ON p.id = r.proposal_id "
                            "JOIN member_conflict mc ON mc.member_id = r.member_id AND mc.proposal_id = r.proposal_id "
                            "WHERE r.member_id = ?1 AND p.state IN ('under-review', 'submitted') LIMIT 1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a member's name, then a proposal title */
                   _("Board member “%s” has already started reviewing “%s”, which this conflict concerns; "
                     "the secretariat must settle that review first."),
                   record, (const char *) sqlite3_column_text (stmt, 0));
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Otherwise the member steps back from those proposals. */
  if (!run (store, "DELETE FROM assignment WHERE member_id = ?1 AND proposal_id IN "
                   "(SELECT proposal_id FROM member_conflict WHERE member_id = ?1)", id, NULL, NULL, record, error))
    goto failed;
  removed = sqlite3_changes (l4a_store_get_db (store));

  {
    g_autofree char *details = g_strdup_printf ("{\"unassigned\": %u}", removed);

    if (!l4a_store_audit (store, edit->id ? "update" : "create", "member", id, details, error) ||
        !l4a_store_commit (store, error))
      goto failed;
  }

  if (new_id != NULL)
    edit->id = g_steal_pointer (&new_id);
  edit->revision = edit->revision > 0 ? edit->revision + 1 : 1;
  if (n_unassigned != NULL)
    *n_unassigned = removed;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_member_save (L4aStore       *store,
                 L4aMemberEdit  *edit,
                 guint          *n_unassigned,
                 GError        **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, member_save_checked (store, edit, n_unassigned, error), error);
}

/**
 * l4a_member_delete:
 *
 * Removes a board member who has written no review; reviews are never
 * lost.
 */
static gboolean
member_delete_checked (L4aStore    *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(L4aMemberEdit) edit = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if ((edit = l4a_member_load (store, id, error)) == NULL)
    return FALSE;
  if (edit->n_reviews > 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Board member “%s” wrote %u review and stays on the record.",
                                "Board member “%s” wrote %u reviews and stays on the record.", edit->n_reviews),
                   edit->name, edit->n_reviews);
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  if (!run (store, "DELETE FROM member WHERE id = ?1", id, NULL, NULL, edit->name, error) ||
      !l4a_store_audit (store, "delete", "member", id, NULL, error) ||
      !l4a_store_commit (store, error))
    {
      l4a_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
l4a_member_delete (L4aStore    *store,
                   const char  *id,
                   GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, member_delete_checked (store, id, error), error);
}

/**
 * l4a_member_declare_expertise:
 *
 * What a member declares they can review (goals, Pact axes, regions,
 * languages), saved on their own workstation and sent in their reviews
 * bundle; the secretariat may record it too. Nothing else of the member
 * changes.
 */
static gboolean
member_declare_checked (L4aStore       *store,
                        L4aMemberEdit  *edit,
                        GError        **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  const char *record = edit->name ? edit->name : edit->id;

  if (edit->id == NULL ||
      (!(l4a_store_get_role (store) == L4A_ROLE_MEMBER && g_strcmp0 (l4a_store_get_identity (store), edit->id) == 0) &&
       !l4a_store_require (store, L4A_PERMISSION_KEEP_BOARD, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                             _("A board member declares only their own expertise."));
      return FALSE;
    }
  problems = l4a_member_edit_validate (store, edit);
  for (guint i = 0; i < problems->len; i++)
    {
      L4aFieldError *problem = g_ptr_array_index (problems, i);

      if (g_strv_contains ((const char *[]) { "sdgs", "axes", "regions", "languages", NULL }, problem->field))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("Board member “%s” cannot be saved: %s"), record, problem->message);
          return FALSE;
        }
    }
  stmt = l4a_store_prepare (store, "UPDATE member SET updated_at = ?2, revision = revision + 1 "
                                   "WHERE id = ?1 AND revision = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, edit->revision);
  if (!l4a_store_step_done (store, stmt, record, error))
    return FALSE;
  if (sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("Board member “%s” changed since it was opened; open it again to see the changes."), record);
      return FALSE;
    }
  if (!write_expertise (store, edit->id, edit, record, error) ||
      !l4a_store_audit (store, "update", "member", edit->id, NULL, error))
    return FALSE;
  edit->revision++;
  return TRUE;
}

gboolean
l4a_member_declare_expertise (L4aStore       *store,
                              L4aMemberEdit  *edit,
                              GError        **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, member_declare_checked (store, edit, error), error);
}

/**
 * l4a_member_bundle_rule:
 *
 * A member's reviews bundle may carry their own member record, changed
 * in what they declare they can review and nothing else.
 */
gboolean
l4a_member_bundle_rule (L4aStore    *store,
                        const char  *actor,
                        JsonObject  *object,
                        const char  *record,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  static const char * const fields[] = { "name", "government_id", "country", "region", "contact" };
  g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM member WHERE id = ?1");
  gboolean same = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_string_append_printf (sql, " AND %s IS ?%u", fields[i], i + 2);
  stmt = l4a_store_prepare (store, sql->str, NULL);
  if (stmt != NULL && g_strcmp0 (l4a_json_string (object, "id"), actor) == 0)
    {
      sqlite3_bind_text (stmt, 1, actor, -1, SQLITE_STATIC);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        sqlite3_bind_text (stmt, i + 2, l4a_json_string (object, fields[i]), -1, SQLITE_STATIC);
      same = sqlite3_step (stmt) == SQLITE_ROW;
    }
  if (!same)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a reviews bundle may only carry its own member, changed in what they can review and "
                     "nothing else."), record);
      return FALSE;
    }
  return TRUE;
}
