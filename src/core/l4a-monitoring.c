/* l4a-monitoring.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-monitoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "l4a-bundle.h"
#include "l4a-indicator.h"
#include "l4a-labels.h"
#include "l4a-monitoring.h"
#include "l4a-permissions.h"
#include "l4a-proposal-edit.h"
#include "l4a-rules.h"
#include "l4a-records.h"
#include "l4a-reference.h"
#include "l4a-store-private.h"
#include "l4a-ticks.h"
#include "l4a-types.h"

/*
 * How hubs report their work (docs/architecture.md, "Monitoring"): the
 * activities of a hub, the status of its deliverables with the history of
 * each change, and the network's meeting points. Every write checks who
 * may make it and what it holds inside the transaction that writes it; a
 * bundle's records are held to the same field rules
 * (l4a_monitoring_check_record()).
 */

#define MAX_TITLE 200
#define MAX_TEXT 4000
#define MAX_URL 2000

/* Helpers -------------------------------------------------------------------- */

static gboolean
refuse (GError     **error,
        const char **field_out,
        const char  *field,
        const char  *format,
        ...) G_GNUC_PRINTF (4, 5);

static gboolean
refuse (GError     **error,
        const char **field_out,
        const char  *field,
        const char  *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (field_out)
    *field_out = field;
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* A calendar date between the years 2000 and 2100. */
static gboolean
sane_date (const char *text)
{
  GDate date;

  return text != NULL && l4a_parse_date (text, &date) &&
         g_date_get_year (&date) >= 2000 && g_date_get_year (&date) <= 2100;
}

/* Empty, or a web address a browser opens. */
static gboolean
sane_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0')
    return TRUE;
  if (strlen (url) > MAX_URL || (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://")))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
too_long (const char *text,
          gsize       limit)
{
  return text != NULL && g_utf8_strlen (text, -1) > (glong) limit;
}

static gboolean
row_exists (L4aStore   *store,
            const char *sql,
            const char *a,
            const char *b)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gint64
current_revision (L4aStore   *store,
                  const char *table,
                  const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, NULL);
  gint64 revision = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return revision;
}

static GPtrArray *
strv_array (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static GPtrArray *
copy_ids (GPtrArray *ids)
{
  GPtrArray *copy = strv_array ();

  for (guint i = 0; ids && i < ids->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (ids, i)));
  return copy;
}

static GPtrArray *
read_ids (L4aStore   *store,
          const char *sql,
          const char *id)
{
  GPtrArray *ids = strv_array ();
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, l4a_store_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return ids;
}

/* Replaces the rows of a link table of @id with @ids. */
static gboolean
write_ids (L4aStore    *store,
           const char  *clear_sql,
           const char  *insert_sql,
           const char  *id,
           GPtrArray   *ids,
           GError     **error)
{
  if (!l4a_records_run (store, clear_sql, id, error))
    return FALSE;
  for (guint i = 0; ids && i < ids->len; i++)
    {
      sqlite3_stmt *stmt = l4a_store_prepare_cached (store, insert_sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (ids, i), -1, SQLITE_TRANSIENT);
      if (!l4a_store_step_done (store, stmt, NULL, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
require_hub_edit (L4aStore    *store,
                  const char  *hub_id,
                  GError     **error)
{
  if (hub_id == NULL || !row_exists (store, "SELECT 1 FROM hub WHERE id = ?1", hub_id, NULL))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no hub “%s”."),
                   hub_id ? hub_id : "");
      return FALSE;
    }
  if (l4a_monitoring_can_edit (store, hub_id))
    return TRUE;
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("Only the World Secretariat and the hub’s lead government record its activities and "
                         "deliverables."));
  return FALSE;
}

/**
 * l4a_monitoring_can_edit:
 *
 * Returns: whether this workstation may record the activities and
 *   deliverable changes of @hub_id: the World Secretariat, or the hub's
 *   lead government
 */
gboolean
l4a_monitoring_can_edit (L4aStore   *store,
                         const char *hub_id)
{
  return l4a_indicator_can_edit (store, hub_id);
}

static gboolean
stale (L4aStore    *store,
       const char  *table,
       const char  *id,
       gint64       revision,
       const char  *title,
       GError     **error)
{
  gint64 now = current_revision (store, table, id);

  if (now == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   /* translators: a record's title */
                   _("“%s” is no longer here: it was deleted meanwhile."), title ? title : id);
      return TRUE;
    }
  if (revision > 0 && now != revision)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("“%s” was changed meanwhile, here or by an import; reopen it to see the changes."),
                   title ? title : id);
      return TRUE;
    }
  return FALSE;
}

/* Activities ------------------------------------------------------------------- */

/* Properties 1 to G_N_ELEMENTS (activity_texts) are the text fields. */
static const L4aTextField activity_texts[] = {
  { "hub_id", "hub-id", G_STRUCT_OFFSET (L4aActivity, hub_id) },
  { "kind", "kind", G_STRUCT_OFFSET (L4aActivity, kind) },
  { "title", "title", G_STRUCT_OFFSET (L4aActivity, title) },
  { "happened_on", "starts-on", G_STRUCT_OFFSET (L4aActivity, starts_on) },
  { "ends_on", "ends-on", G_STRUCT_OFFSET (L4aActivity, ends_on) },
  { "place", "place", G_STRUCT_OFFSET (L4aActivity, place) },
  { "url", "url", G_STRUCT_OFFSET (L4aActivity, url) },
  { "description", "description", G_STRUCT_OFFSET (L4aActivity, description) },
};

enum {
  ACTIVITY_ONLINE = G_N_ELEMENTS (activity_texts) + 1,
  ACTIVITY_SDGS,
  N_ACTIVITY_PROPS
};

static GParamSpec *activity_properties[N_ACTIVITY_PROPS];

G_DEFINE_FINAL_TYPE (L4aActivity, l4a_activity, G_TYPE_OBJECT)

static void
l4a_activity_finalize (GObject *object)
{
  L4aActivity *activity = L4A_ACTIVITY (object);

  l4a_text_fields_clear (activity, activity_texts, G_N_ELEMENTS (activity_texts));
  g_free (activity->id);
  g_free (activity->hub_name);
  g_clear_pointer (&activity->governments, g_ptr_array_unref);
  g_clear_pointer (&activity->hubs, g_ptr_array_unref);
  g_clear_pointer (&activity->attachments, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_activity_parent_class)->finalize (object);
}

static void
l4a_activity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  L4aActivity *activity = L4A_ACTIVITY (object);

  if (l4a_text_fields_get (object, activity_texts, G_N_ELEMENTS (activity_texts), prop_id, value))
    return;
  if (prop_id == ACTIVITY_ONLINE)
    g_value_set_boolean (value, activity->online);
  else if (prop_id == ACTIVITY_SDGS)
    g_value_set_uint (value, activity->sdgs);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_activity_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  L4aActivity *activity = L4A_ACTIVITY (object);

  if (l4a_text_fields_set (object, activity_texts, G_N_ELEMENTS (activity_texts), prop_id, value, pspec))
    return;
  if (prop_id == ACTIVITY_ONLINE && activity->online != g_value_get_boolean (value))
    {
      activity->online = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == ACTIVITY_SDGS && activity->sdgs != g_value_get_uint (value))
    {
      activity->sdgs = g_value_get_uint (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id != ACTIVITY_ONLINE && prop_id != ACTIVITY_SDGS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_activity_class_init (L4aActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = l4a_activity_finalize;
  object_class->get_property = l4a_activity_get_property;
  object_class->set_property = l4a_activity_set_property;
  l4a_text_fields_install (activity_properties, activity_texts, G_N_ELEMENTS (activity_texts));
  activity_properties[ACTIVITY_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE, flags);
  /* bit n: goal n */
  activity_properties[ACTIVITY_SDGS] = g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT32, 0, flags);
  g_object_class_install_properties (object_class, N_ACTIVITY_PROPS, activity_properties);
}

static void
l4a_activity_init (L4aActivity *activity)
{
  activity->governments = strv_array ();
  activity->hubs = strv_array ();
  activity->attachments = g_ptr_array_new_with_free_func (l4a_attachment_ref_free);
}

L4aActivity *
l4a_activity_new (void)
{
  L4aActivity *activity = g_object_new (L4A_TYPE_ACTIVITY, NULL);

  activity->kind = g_strdup ("event");
  return activity;
}

static GPtrArray *
copy_attachments (GPtrArray *attachments)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (l4a_attachment_ref_free);

  for (guint i = 0; attachments && i < attachments->len; i++)
    {
      L4aAttachmentRef *a = g_ptr_array_index (attachments, i);
      L4aAttachmentRef *b = g_new0 (L4aAttachmentRef, 1);

      b->sha256 = g_strdup (a->sha256);
      b->name = g_strdup (a->name);
      b->media_type = g_strdup (a->media_type);
      b->size = a->size;
      g_ptr_array_add (copy, b);
    }
  return copy;
}

/**
 * l4a_activity_attach:
 *
 * Stores @bytes (PDF, PNG or JPEG by content, 20 MB at most) and lists
 * them among @activity's files under @name; saved with the activity.
 */
gboolean
l4a_activity_attach (L4aStore     *store,
                     L4aActivity  *activity,
                     const char   *name,
                     GBytes       *bytes,
                     GError      **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *base = g_path_get_basename (name ? name : "attachment");
  L4aAttachmentRef *ref;

  if (!l4a_attachment_store (store, base, bytes, &sha256, &media_type, error))
    return FALSE;
  for (guint i = 0; i < activity->attachments->len; i++)
    if (g_str_equal (((L4aAttachmentRef *) g_ptr_array_index (activity->attachments, i))->sha256, sha256))
      {
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("“%s” is attached already."), base);
        return FALSE;
      }
  ref = g_new0 (L4aAttachmentRef, 1);
  ref->sha256 = g_steal_pointer (&sha256);
  ref->name = g_steal_pointer (&base);
  ref->media_type = g_steal_pointer (&media_type);
  ref->size = (gint64) g_bytes_get_size (bytes);
  g_ptr_array_add (activity->attachments, ref);
  return TRUE;
}

L4aActivity *
l4a_activity_copy (const L4aActivity *activity)
{
  L4aActivity *copy = g_object_new (L4A_TYPE_ACTIVITY, NULL);

  copy->id = g_strdup (activity->id);
  copy->hub_id = g_strdup (activity->hub_id);
  copy->hub_name = g_strdup (activity->hub_name);
  copy->kind = g_strdup (activity->kind);
  copy->title = g_strdup (activity->title);
  copy->starts_on = g_strdup (activity->starts_on);
  copy->ends_on = g_strdup (activity->ends_on);
  copy->place = g_strdup (activity->place);
  copy->online = activity->online;
  copy->url = g_strdup (activity->url);
  copy->description = g_strdup (activity->description);
  copy->sdgs = activity->sdgs;
  g_ptr_array_unref (copy->governments);
  copy->governments = copy_ids (activity->governments);
  g_ptr_array_unref (copy->hubs);
  copy->hubs = copy_ids (activity->hubs);
  g_ptr_array_unref (copy->attachments);
  copy->attachments = copy_attachments (activity->attachments);
  copy->revision = activity->revision;
  return copy;
}

void
l4a_activity_free (L4aActivity *activity)
{
  if (activity != NULL)
    g_object_unref (activity);
}

#define ACTIVITY_COLUMNS \
  "a.id, a.hub_id, h.name, a.kind, a.title, a.happened_on, a.ends_on, a.place, a.online, a.url, " \
  "a.description, a.revision, (SELECT group_concat (goal) FROM activity_sdg WHERE activity_id = a.id) "

static L4aActivity *
read_activity (L4aStore     *store,
               sqlite3_stmt *stmt)
{
  L4aActivity *activity = g_object_new (L4A_TYPE_ACTIVITY, NULL);
  const char *goals = (const char *) sqlite3_column_text (stmt, 12);

  activity->id = l4a_store_column_dup (stmt, 0);
  activity->hub_id = l4a_store_column_dup (stmt, 1);
  activity->hub_name = l4a_store_column_dup (stmt, 2);
  activity->kind = l4a_store_column_dup (stmt, 3);
  activity->title = l4a_store_column_dup (stmt, 4);
  activity->starts_on = l4a_store_column_dup (stmt, 5);
  activity->ends_on = l4a_store_column_dup (stmt, 6);
  activity->place = l4a_store_column_dup (stmt, 7);
  activity->online = sqlite3_column_int (stmt, 8) != 0;
  activity->url = l4a_store_column_dup (stmt, 9);
  activity->description = l4a_store_column_dup (stmt, 10);
  activity->revision = sqlite3_column_int64 (stmt, 11);
  if (goals != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (goals, ",", -1);

      for (guint i = 0; parts[i]; i++)
        {
          guint64 goal = g_ascii_strtoull (parts[i], NULL, 10);

          if (goal >= 1 && goal <= L4A_N_SDGS)
            activity->sdgs |= 1u << goal;
        }
    }
  g_ptr_array_unref (activity->governments);
  activity->governments = read_ids (store, "SELECT government_id FROM activity_government WHERE activity_id = ?1 "
                                           "ORDER BY government_id", activity->id);
  g_ptr_array_unref (activity->hubs);
  activity->hubs = read_ids (store, "SELECT hub_id FROM activity_hub WHERE activity_id = ?1 ORDER BY hub_id",
                             activity->id);
  {
    sqlite3_stmt *files = l4a_store_prepare_cached (store, "SELECT f.sha256, f.name, a.media_type, a.size "
                                                           "FROM activity_attachment f JOIN attachment a "
                                                           "ON a.sha256 = f.sha256 WHERE f.activity_id = ?1 "
                                                           "ORDER BY f.name", NULL);

    if (files != NULL)
      {
        sqlite3_bind_text (files, 1, activity->id, -1, SQLITE_TRANSIENT);
        while (sqlite3_step (files) == SQLITE_ROW)
          {
            L4aAttachmentRef *ref = g_new0 (L4aAttachmentRef, 1);

            ref->sha256 = l4a_store_column_dup (files, 0);
            ref->name = l4a_store_column_dup (files, 1);
            ref->media_type = l4a_store_column_dup (files, 2);
            ref->size = sqlite3_column_int64 (files, 3);
            g_ptr_array_add (activity->attachments, ref);
          }
        sqlite3_reset (files);
      }
  }
  return activity;
}

/**
 * l4a_activities_list:
 * @hub_id: (nullable): one hub, or %NULL for every hub
 *
 * Returns: (transfer full) (element-type L4aActivity): the activities of
 *   @hub_id, and the joint products it made with others, newest first
 */
GPtrArray *
l4a_activities_list (L4aStore    *store,
                     const char  *hub_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_activity_free);
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  /* one hub's through the indexes on their hub (SQLite cannot use them
   * with "?1 IS NULL OR": it read every activity for each hub) */
#define ACTIVITIES(where) \
  "SELECT " ACTIVITY_COLUMNS "FROM activity a JOIN hub h ON h.id = a.hub_id " where \
  "ORDER BY a.happened_on DESC, a.title"
  stmt = l4a_store_prepare (store,
                            hub_id != NULL
                            ? ACTIVITIES ("WHERE a.hub_id = ?1 "
                                          "OR a.id IN (SELECT activity_id FROM activity_hub WHERE hub_id = ?1) ")
                            : ACTIVITIES (""), error);
#undef ACTIVITIES
  if (stmt == NULL)
    return NULL;
  if (hub_id != NULL)
    sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (activities, read_activity (store, stmt));
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&activities);
}

L4aActivity *
l4a_activity_load (L4aStore    *store,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  stmt = l4a_store_prepare (store, "SELECT " ACTIVITY_COLUMNS "FROM activity a JOIN hub h ON h.id = a.hub_id "
                                   "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no activity “%s”."), id);
      return NULL;
    }
  return read_activity (store, stmt);
}

/* The rules of an activity's own fields, whoever writes it. */
static gboolean
check_activity_fields (const char  *kind,
                       const char  *title,
                       const char  *starts_on,
                       const char  *ends_on,
                       const char  *place,
                       const char  *url,
                       const char  *description,
                       const char  *name,
                       const char **field,
                       GError     **error)
{
  if (!l4a_enum_is_valid (L4A_TYPE_ACTIVITY_KIND, kind))
    return refuse (error, field, "kind", _("%s: choose what kind of activity it is."), name);
  if (blank (title))
    return refuse (error, field, "title", _("%s: the title is empty."), name);
  if (too_long (title, MAX_TITLE))
    return refuse (error, field, "title", _("%s: the title is longer than %d characters."), name, MAX_TITLE);
  if (!sane_date (starts_on))
    return refuse (error, field, "starts_on",
                   _("%s: the date is not a date between 2000 and 2100, such as 2026-06-30."), name);
  if (ends_on != NULL && *ends_on != '\0')
    {
      if (!sane_date (ends_on))
        return refuse (error, field, "ends_on",
                       _("%s: the end date is not a date between 2000 and 2100, such as 2026-06-30."), name);
      if (strcmp (ends_on, starts_on) < 0)
        return refuse (error, field, "ends_on", _("%s: it ends before it starts."), name);
    }
  if (too_long (place, MAX_TITLE))
    return refuse (error, field, "place", _("%s: the place is longer than %d characters."), name, MAX_TITLE);
  if (!sane_url (url))
    return refuse (error, field, "url", _("%s: the link is not a web address such as https://example.org/."), name);
  if (too_long (description, MAX_TEXT))
    return refuse (error, field, "description", _("%s: the description is longer than %d characters."), name,
                   MAX_TEXT);
  return TRUE;
}

static char *
activity_name (const char *title)
{
  /* translators: an activity named by its title */
  return blank (title) ? g_strdup (_("The activity")) : g_strdup_printf (_("Activity “%s”"), title);
}

/**
 * l4a_activity_check:
 * @field: (out) (optional): the field at fault
 *
 * Checks @activity as saving it would, without writing: its fields, its
 * hub and whether this workstation may record it, the governments and
 * hubs it names.
 */
gboolean
l4a_activity_check (L4aStore          *store,
                    const L4aActivity *activity,
                    const char       **field,
                    GError           **error)
{
  g_autofree char *name = activity_name (activity->title);

  if (field)
    *field = NULL;
  if (!check_activity_fields (activity->kind, activity->title, activity->starts_on, activity->ends_on,
                              activity->place, activity->url, activity->description, name, field,
                              error))
    return FALSE;
  if (!require_hub_edit (store, activity->hub_id, error))
    {
      if (field)
        *field = "hub_id";
      return FALSE;
    }
  if ((activity->sdgs & ~(((1u << (L4A_N_SDGS + 1)) - 1) & ~1u)) != 0)
    return refuse (error, field, "sdgs", _("%s: the goals run from 1 to 17."), name);
  for (guint i = 0; activity->governments && i < activity->governments->len; i++)
    if (!row_exists (store, "SELECT 1 FROM government WHERE id = ?1", g_ptr_array_index (activity->governments, i),
                     NULL))
      return refuse (error, field, "governments", _("%s: one of the partner governments is not known here."), name);
  if (activity->hubs && activity->hubs->len > 0 && g_strcmp0 (activity->kind, "joint-product") != 0)
    return refuse (error, field, "hubs", _("%s: only a joint product names other hubs."), name);
  for (guint i = 0; activity->hubs && i < activity->hubs->len; i++)
    {
      const char *other = g_ptr_array_index (activity->hubs, i);

      if (g_strcmp0 (other, activity->hub_id) == 0)
        return refuse (error, field, "hubs", _("%s: a hub does not make a joint product with itself."), name);
      if (!row_exists (store, "SELECT 1 FROM hub WHERE id = ?1", other, NULL))
        return refuse (error, field, "hubs", _("%s: one of the other hubs is not known here."), name);
    }
  return TRUE;
}

/* The files of an activity: those gone are dropped, new ones added. */
static gboolean
write_attachments (L4aStore    *store,
                   const char  *activity_id,
                   GPtrArray   *attachments,
                   const char  *now,
                   GError     **error)
{
  g_autoptr(GString) keep = g_string_new ("");

  for (guint i = 0; attachments && i < attachments->len; i++)
    {
      L4aAttachmentRef *ref = g_ptr_array_index (attachments, i);
      sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "INSERT INTO activity_attachment (id, activity_id, "
                                                            "  sha256, name, created_at, updated_at, origin) "
                                                            "SELECT ?1, ?2, ?3, ?4, ?5, ?5, ?6 WHERE NOT EXISTS "
                                                            "(SELECT 1 FROM activity_attachment WHERE activity_id = ?2 "
                                                            "AND sha256 = ?3)", error);
      g_autofree char *id = g_uuid_string_random ();

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, activity_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, ref->sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, ref->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, l4a_store_get_installation_id (store), -1, SQLITE_TRANSIENT);
      if (!l4a_store_step_done (store, stmt, ref->name, error))
        return FALSE;
      sqlite3_reset (stmt);
      g_string_append_printf (keep, "%s%s", keep->len ? "," : "", ref->sha256);
    }
  {
    /* the hashes are hexadecimal, checked when stored: safe to list */
    sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "DELETE FROM activity_attachment WHERE activity_id = ?1 "
                                                          "AND instr (',' || ?2 || ',', ',' || sha256 || ',') = 0",
                                                   error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, activity_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, keep->str, -1, SQLITE_TRANSIENT);
    if (!l4a_store_step_done (store, stmt, NULL, error))
      return FALSE;
    sqlite3_reset (stmt);
  }
  return TRUE;
}

static gboolean
activity_save_checked (L4aStore     *store,
                       L4aActivity  *activity,
                       GError      **error)
{
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *id = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean update = activity->id != NULL;

  if (!l4a_activity_check (store, activity, NULL, error))
    return FALSE;
  if (update)
    {
      g_autofree char *hub = l4a_store_lookup_text (store, "SELECT hub_id FROM activity WHERE id = ?1",
                                                    activity->id);

      if (stale (store, "activity", activity->id, activity->revision, activity->title, error))
        return FALSE;
      /* an activity stays with its hub: moving it is someone else's record */
      if (g_strcmp0 (hub, activity->hub_id) != 0)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("An activity stays with the hub it was recorded for."));
          return FALSE;
        }
    }
  id = update ? g_strdup (activity->id) : g_uuid_string_random ();

  stmt = l4a_store_prepare (store, update
                            ? "UPDATE activity SET kind = ?3, title = ?4, happened_on = ?5, ends_on = ?6, "
                              "  place = ?7, online = ?8, url = ?9, description = ?10, updated_at = ?11, "
                              "  origin = ?12, revision = revision + 1 WHERE id = ?1"
                            : "INSERT INTO activity (id, hub_id, kind, title, happened_on, ends_on, place, online, "
                              "  url, description, created_at, updated_at, origin) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, activity->hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, activity->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, g_strstrip (activity->title), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, activity->starts_on, -1, SQLITE_STATIC);
  if (activity->ends_on != NULL && *activity->ends_on != '\0' && strcmp (activity->ends_on, activity->starts_on) != 0)
    sqlite3_bind_text (stmt, 6, activity->ends_on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, activity->place ? g_strstrip (activity->place) : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, activity->online ? 1 : 0);
  sqlite3_bind_text (stmt, 9, activity->url ? activity->url : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, activity->description ? activity->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, activity->title, error))
    return FALSE;

  if (!l4a_records_run (store, "DELETE FROM activity_sdg WHERE activity_id = ?1", id, error))
    return FALSE;
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (activity->sdgs & (1u << goal))
      {
        sqlite3_stmt *sdg = l4a_store_prepare_cached (store, "INSERT INTO activity_sdg (activity_id, goal) "
                                                             "VALUES (?1, ?2)", error);

        if (sdg == NULL)
          return FALSE;
        sqlite3_bind_text (sdg, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int (sdg, 2, (int) goal);
        if (!l4a_store_step_done (store, sdg, NULL, error))
          return FALSE;
        sqlite3_reset (sdg);
      }
  if (!write_ids (store, "DELETE FROM activity_government WHERE activity_id = ?1",
                  "INSERT INTO activity_government (activity_id, government_id) VALUES (?1, ?2)", id,
                  activity->governments, error) ||
      !write_ids (store, "DELETE FROM activity_hub WHERE activity_id = ?1",
                  "INSERT INTO activity_hub (activity_id, hub_id) VALUES (?1, ?2)", id,
                  g_strcmp0 (activity->kind, "joint-product") == 0 ? activity->hubs : NULL, error) ||
      !write_attachments (store, id, activity->attachments, now, error) ||
      !l4a_store_audit (store, update ? "update" : "create", "activity", id, NULL, error))
    return FALSE;

  if (!update)
    activity->id = g_steal_pointer (&id);
  activity->revision = current_revision (store, "activity", activity->id);
  return TRUE;
}

/**
 * l4a_activity_save:
 *
 * Records a new activity (@activity's id is %NULL, and is set) or saves
 * the changes to one, as long as nobody changed it since it was loaded.
 */
gboolean
l4a_activity_save (L4aStore     *store,
                   L4aActivity  *activity,
                   GError      **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, activity_save_checked (store, activity, error), error);
}

/* The records of one row and its link lists, in the form of a bundle's
 * records, so that Undo can put them back (l4a_monitoring_restore()). */
static char *
snapshot_record (L4aStore    *store,
                 const char  *table,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(GString) text = g_string_new ("{");
  guint n = 0;

  l4a_canonical_append_string (text, table);
  g_string_append_c (text, ':');
  if (!l4a_records_append_canonical (store, table, "id = ?1", id, NULL, text, &n, error))
    return NULL;
  if (g_str_equal (table, "activity"))
    {
      /* and its files, which go with it */
      g_string_append_c (text, ',');
      l4a_canonical_append_string (text, "activity_attachment");
      g_string_append_c (text, ':');
      if (!l4a_records_append_canonical (store, "activity_attachment", "activity_id = ?1", id, NULL, text, NULL,
                                         error))
        return NULL;
    }
  g_string_append_c (text, '}');
  if (n != 1)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no record “%s”."), id);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
activity_delete_checked (L4aStore    *store,
                         const char  *id,
                         GError     **error)
{
  g_autofree char *hub = l4a_store_lookup_text (store, "SELECT hub_id FROM activity WHERE id = ?1", id);
  g_autofree char *snapshot = NULL;

  if (hub == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no activity “%s”."), id);
      return NULL;
    }
  if (!require_hub_edit (store, hub, error) ||
      (snapshot = snapshot_record (store, "activity", id, error)) == NULL ||
      !l4a_records_run (store, "DELETE FROM activity WHERE id = ?1", id, error) ||
      !l4a_store_audit (store, "delete", "activity", id, NULL, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

/**
 * l4a_activity_delete:
 *
 * Returns: (transfer full) (nullable): what was deleted, for
 *   l4a_monitoring_restore(), or %NULL with @error set
 */
char *
l4a_activity_delete (L4aStore    *store,
                     const char  *id,
                     GError     **error)
{
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!l4a_store_begin (store, error))
    return NULL;
  snapshot = activity_delete_checked (store, id, error);
  if (!l4a_store_end (store, snapshot != NULL, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

static gboolean
restore_checked (L4aStore    *store,
                 const char  *snapshot,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *records, *record;
  JsonArray *rows;
  const char *table;
  const char *id;

  if (!json_parser_load_from_data (parser, snapshot, -1, error))
    return FALSE;
  records = json_node_get_object (json_parser_get_root (parser));
  table = json_object_has_member (records, "activity") ? "activity" : "network_event";
  rows = json_object_get_array_member (records, table);
  if (rows == NULL || json_array_get_length (rows) != 1)
    return FALSE;
  record = json_array_get_object_element (rows, 0);
  id = json_object_get_string_member (record, "id");

  /* the same person must still be allowed to write it */
  if (g_str_equal (table, "activity"))
    {
      if (!require_hub_edit (store, json_object_get_string_member (record, "hub_id"), error))
        return FALSE;
    }
  else if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;

  return l4a_records_insert (store, records, FALSE, "restore", NULL, error) &&
         l4a_store_audit (store, "restore", table, id, NULL, error);
}

/**
 * l4a_monitoring_restore:
 * @snapshot: what l4a_activity_delete() or l4a_network_event_delete()
 *   returned
 *
 * Puts back what a delete took away, as it was, in one transaction.
 */
gboolean
l4a_monitoring_restore (L4aStore    *store,
                        const char  *snapshot,
                        GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, restore_checked (store, snapshot, error), error);
}

/* Deliverables ----------------------------------------------------------------- */

void
l4a_deliverable_free (L4aDeliverable *deliverable)
{
  if (deliverable == NULL)
    return;
  g_free (deliverable->id);
  g_free (deliverable->hub_id);
  g_free (deliverable->hub_name);
  g_free (deliverable->title);
  g_free (deliverable->description);
  g_free (deliverable->due_on);
  g_free (deliverable->status);
  g_free (deliverable->changed_on);
  g_free (deliverable);
}

L4aDeliverableChange *
l4a_deliverable_change_new (void)
{
  return g_new0 (L4aDeliverableChange, 1);
}

void
l4a_deliverable_change_free (L4aDeliverableChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->deliverable_id);
  g_free (change->status);
  g_free (change->changed_on);
  g_free (change->evidence_url);
  g_free (change->evidence_sha256);
  g_free (change->evidence_name);
  g_free (change->note);
  g_free (change->created_at);
  g_free (change);
}

/* Past due and neither done nor dropped: in SQL, ?2 is today. */
#define OVERDUE_SQL "(d.due_on < ?2 AND d.status NOT IN ('done', 'dropped'))"

/**
 * l4a_deliverables_list:
 * @hub_id: (nullable): one hub, or %NULL for every hub
 *
 * Returns: (transfer full) (element-type L4aDeliverable): the deliverables
 *   of the hubs, by due date
 */
GPtrArray *
l4a_deliverables_list (L4aStore    *store,
                       const char  *hub_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_deliverable_free);
  g_autofree char *day = l4a_today_iso ();
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

#define DELIVERABLES(where) \
  "SELECT d.id, d.hub_id, h.name, d.title, d.description, d.due_on, d.status, " \
  "  (SELECT max (changed_on) FROM deliverable_change WHERE deliverable_id = d.id), " \
  "  " OVERDUE_SQL " " \
  "FROM deliverable d JOIN hub h ON h.id = d.hub_id " \
  where "ORDER BY d.due_on, d.position, d.title"
  /* one hub's through the index on their hub (SQLite cannot use it with
   * "?1 IS NULL OR": it read every deliverable for each hub) */
  stmt = l4a_store_prepare (store, hub_id != NULL ? DELIVERABLES ("WHERE d.hub_id = ?1 ") : DELIVERABLES (""), error);
#undef DELIVERABLES
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aDeliverable *d = g_new0 (L4aDeliverable, 1);

      d->id = l4a_store_column_dup (stmt, 0);
      d->hub_id = l4a_store_column_dup (stmt, 1);
      d->hub_name = l4a_store_column_dup (stmt, 2);
      d->title = l4a_store_column_dup (stmt, 3);
      d->description = l4a_store_column_dup (stmt, 4);
      d->due_on = l4a_store_column_dup (stmt, 5);
      d->status = l4a_store_column_dup (stmt, 6);
      d->changed_on = l4a_store_column_dup (stmt, 7);
      d->overdue = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (list, d);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * l4a_deliverable_history:
 *
 * Returns: (transfer full) (element-type L4aDeliverableChange): every
 *   change of @deliverable_id's status, oldest first
 */
GPtrArray *
l4a_deliverable_history (L4aStore    *store,
                         const char  *deliverable_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_deliverable_change_free);
  int rc;

  stmt = l4a_store_prepare (store, "SELECT id, deliverable_id, status, changed_on, evidence_url, evidence_sha256, "
                                   "  evidence_name, note, created_at FROM deliverable_change "
                                   "WHERE deliverable_id = ?1 ORDER BY changed_on, created_at, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, deliverable_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aDeliverableChange *c = l4a_deliverable_change_new ();

      c->id = l4a_store_column_dup (stmt, 0);
      c->deliverable_id = l4a_store_column_dup (stmt, 1);
      c->status = l4a_store_column_dup (stmt, 2);
      c->changed_on = l4a_store_column_dup (stmt, 3);
      c->evidence_url = l4a_store_column_dup (stmt, 4);
      c->evidence_sha256 = l4a_store_column_dup (stmt, 5);
      c->evidence_name = l4a_store_column_dup (stmt, 6);
      c->note = l4a_store_column_dup (stmt, 7);
      c->created_at = l4a_store_column_dup (stmt, 8);
      g_ptr_array_add (list, c);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * l4a_deliverable_can_become:
 *
 * The ways a deliverable's status may change: work starts, ends, runs
 * late or is dropped; a deliverable done or dropped may be reopened
 * (back to in progress, or planned again).
 *
 * Returns: whether a deliverable whose status is @from may become @to
 */
gboolean
l4a_deliverable_can_become (const char *from,
                            const char *to)
{
  static const struct { const char *from; const char *to[5]; } ways[] = {
    { "planned", { "in-progress", "done", "late", "dropped", NULL } },
    { "in-progress", { "done", "late", "dropped", NULL } },
    { "late", { "in-progress", "done", "dropped", NULL } },
    { "done", { "in-progress", NULL } },
    { "dropped", { "planned", NULL } },
  };

  if (from == NULL || to == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    if (g_str_equal (ways[i].from, from))
      return g_strv_contains (ways[i].to, to);
  return FALSE;
}

/* The rules of one change's own fields. @due_on is the deliverable's. */
static gboolean
check_change_fields (const char  *status,
                     const char  *changed_on,
                     const char  *due_on,
                     const char  *evidence_url,
                     const char  *note,
                     const char  *name,
                     const char **field,
                     GError     **error)
{
  g_autofree char *day = l4a_today_iso ();

  if (!l4a_enum_is_valid (L4A_TYPE_DELIVERABLE_STATUS, status))
    return refuse (error, field, "status", _("%s: choose the new status."), name);
  if (!sane_date (changed_on))
    return refuse (error, field, "changed_on",
                   _("%s: the date of the change is not a date between 2000 and 2100, such as 2026-06-30."), name);
  if (strcmp (changed_on, day) > 0)
    return refuse (error, field, "changed_on", _("%s: the change is dated in the future."), name);
  if (g_str_equal (status, "late") && due_on != NULL && strcmp (changed_on, due_on) <= 0)
    return refuse (error, field, "status", _("%s: it cannot be late before its due date."), name);
  if (!sane_url (evidence_url))
    return refuse (error, field, "evidence_url",
                   _("%s: the evidence link is not a web address such as https://example.org/."), name);
  if (too_long (note, MAX_TEXT))
    return refuse (error, field, "note", _("%s: the note is longer than %d characters."), name, MAX_TEXT);
  return TRUE;
}

/**
 * l4a_deliverable_change_check:
 * @field: (out) (optional): the field at fault
 *
 * Checks @change as l4a_deliverable_set_status() would, without writing.
 */
gboolean
l4a_deliverable_change_check (L4aStore                   *store,
                              const L4aDeliverableChange *change,
                              const char                **field,
                              GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hub = NULL;
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;

  if (field)
    *field = NULL;
  stmt = l4a_store_prepare (store, "SELECT hub_id, title, due_on, status FROM deliverable WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->deliverable_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      hub = l4a_store_column_dup (stmt, 0);
      title = l4a_store_column_dup (stmt, 1);
      due = l4a_store_column_dup (stmt, 2);
      status = l4a_store_column_dup (stmt, 3);
    }
  if (title == NULL || hub == NULL)
    {
      /* a proposal's deliverables change with the proposal, not here */
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no deliverable “%s” of a hub."), change->deliverable_id ? change->deliverable_id : "");
      return FALSE;
    }
  /* translators: a deliverable named by its title */
  name = g_strdup_printf (_("Deliverable “%s”"), title);
  if (!require_hub_edit (store, hub, error))
    return FALSE;
  if (!check_change_fields (change->status, change->changed_on, due, change->evidence_url, change->note, name,
                            field, error))
    return FALSE;
  if (!l4a_deliverable_can_become (status, change->status))
    return refuse (error, field, "status", _("%s: it is “%s”, and cannot become “%s”."), name,
                   l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, status),
                   l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, change->status));
  if (g_str_equal (change->status, "done") && blank (change->evidence_url) && change->evidence_sha256 == NULL)
    return refuse (error, field, "evidence_url", _("%s: give the evidence that it is done, a link or a file."), name);
  /* dropping it, or reopening one done or dropped, says why */
  if ((g_str_equal (change->status, "dropped") || g_str_equal (status, "done") || g_str_equal (status, "dropped")) &&
      blank (change->note))
    return refuse (error, field, "note", _("%s: say why in the note."), name);
  if (change->evidence_sha256 != NULL &&
      !row_exists (store, "SELECT 1 FROM attachment WHERE sha256 = ?1", change->evidence_sha256, NULL))
    return refuse (error, field, "evidence_sha256", _("%s: the evidence file is not stored here."), name);
  return TRUE;
}

static gboolean
set_status_checked (L4aStore              *store,
                    L4aDeliverableChange  *change,
                    GError               **error)
{
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  if (!l4a_deliverable_change_check (store, change, NULL, error))
    return FALSE;

  insert = l4a_store_prepare (store, "INSERT INTO deliverable_change (id, deliverable_id, status, changed_on, "
                                     "  evidence_url, evidence_sha256, evidence_name, note, created_at, updated_at, "
                                     "  origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)", error);
  update = l4a_store_prepare (store, "UPDATE deliverable SET status = ?2, updated_at = ?3, origin = ?4, "
                                     "revision = revision + 1 WHERE id = ?1", error);
  if (insert == NULL || update == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, change->deliverable_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, change->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, change->changed_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, change->evidence_url ? change->evidence_url : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, change->evidence_sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, change->evidence_name ? change->evidence_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, change->note ? change->note : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 10, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 1, change->deliverable_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, change->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 4, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, insert, NULL, error) ||
      !l4a_store_step_done (store, update, NULL, error) ||
      !l4a_store_audit (store, "update", "deliverable", change->deliverable_id, NULL, error))
    return FALSE;
  g_free (change->id);
  change->id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * l4a_deliverable_set_status:
 *
 * Changes a hub's deliverable to @change's status, and keeps @change (its
 * date, evidence and note) in the deliverable's history.
 */
gboolean
l4a_deliverable_set_status (L4aStore              *store,
                            L4aDeliverableChange  *change,
                            GError               **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, set_status_checked (store, change, error), error);
}

static const char *
sniff_media_type (const guchar *data,
                  gsize         len)
{
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  return NULL;
}

/**
 * l4a_attachment_store:
 * @sha256: (out): the hash it is stored under
 * @media_type: (out) (optional): its media type, by its content
 *
 * Stores @bytes once by their SHA-256 (a second copy costs nothing): PDF,
 * PNG and JPEG only, by their content rather than their name; 20 MB at
 * most.
 */
gboolean
l4a_attachment_store (L4aStore    *store,
                      const char  *name,
                      GBytes      *bytes,
                      char       **sha256,
                      char       **media_type,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *base = g_path_get_basename (name ? name : "attachment");
  const char *type;
  const guchar *data;
  gsize len;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL && sha256 != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (len > L4A_MAX_ATTACHMENT_SIZE)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a file name, then its size and the limit in megabytes */
                   _("“%s” is %.1f MB; attachments are limited to %d MB."), base, len / 1048576.0,
                   L4A_MAX_ATTACHMENT_SIZE / 1048576);
      return FALSE;
    }
  type = sniff_media_type (data, len);
  if (type == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("“%s” is not a PDF, PNG or JPEG file; attach documents as PDF and pictures as PNG or JPEG."), base);
      return FALSE;
    }

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  stmt = l4a_store_prepare (store, "INSERT OR IGNORE INTO attachment (sha256, media_type, size, data, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) len);
  sqlite3_bind_blob64 (stmt, 4, data, len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, base, error))
    return FALSE;

  *sha256 = g_steal_pointer (&hash);
  if (media_type)
    *media_type = g_strdup (type);
  return TRUE;
}

/**
 * l4a_attachment_load:
 *
 * Returns: (transfer full) (nullable): the content of @file to attach, or
 *   %NULL with @error set; a file over the size limit is refused by its
 *   size, and what is not a file (a pipe, a device), before it is read
 */
GBytes *
l4a_attachment_load (GFile   *file,
                     GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = l4a_read_gfile (file, L4A_MAX_ATTACHMENT_SIZE, &local_error);

  if (bytes == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a file name, then the limit in megabytes */
                   _("“%s” is larger than the %d MB attachments are limited to."), name,
                   L4A_MAX_ATTACHMENT_SIZE / 1048576);
      return NULL;
    }
  if (bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}

/* Network events --------------------------------------------------------------- */

L4aNetworkEvent *
l4a_network_event_new (void)
{
  L4aNetworkEvent *event = g_new0 (L4aNetworkEvent, 1);

  event->kind = g_strdup ("forum");
  event->hubs = strv_array ();
  return event;
}

L4aNetworkEvent *
l4a_network_event_copy (const L4aNetworkEvent *event)
{
  L4aNetworkEvent *copy = g_new0 (L4aNetworkEvent, 1);

  copy->id = g_strdup (event->id);
  copy->kind = g_strdup (event->kind);
  copy->title = g_strdup (event->title);
  copy->starts_on = g_strdup (event->starts_on);
  copy->ends_on = g_strdup (event->ends_on);
  copy->place = g_strdup (event->place);
  copy->url = g_strdup (event->url);
  copy->description = g_strdup (event->description);
  copy->hubs = copy_ids (event->hubs);
  copy->revision = event->revision;
  return copy;
}

void
l4a_network_event_free (L4aNetworkEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->id);
  g_free (event->kind);
  g_free (event->title);
  g_free (event->starts_on);
  g_free (event->ends_on);
  g_free (event->place);
  g_free (event->url);
  g_free (event->description);
  g_clear_pointer (&event->hubs, g_ptr_array_unref);
  g_free (event);
}

/**
 * l4a_network_events_list:
 *
 * Returns: (transfer full) (element-type L4aNetworkEvent): the network's
 *   meeting points by date
 */
GPtrArray *
l4a_network_events_list (L4aStore    *store,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_network_event_free);
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  stmt = l4a_store_prepare (store, "SELECT id, kind, title, starts_on, ends_on, place, url, description, revision "
                                   "FROM network_event ORDER BY starts_on, title", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aNetworkEvent *event = g_new0 (L4aNetworkEvent, 1);

      event->id = l4a_store_column_dup (stmt, 0);
      event->kind = l4a_store_column_dup (stmt, 1);
      event->title = l4a_store_column_dup (stmt, 2);
      event->starts_on = l4a_store_column_dup (stmt, 3);
      event->ends_on = l4a_store_column_dup (stmt, 4);
      event->place = l4a_store_column_dup (stmt, 5);
      event->url = l4a_store_column_dup (stmt, 6);
      event->description = l4a_store_column_dup (stmt, 7);
      event->revision = sqlite3_column_int64 (stmt, 8);
      event->hubs = read_ids (store, "SELECT hub_id FROM network_event_hub WHERE network_event_id = ?1 "
                                     "ORDER BY hub_id", event->id);
      g_ptr_array_add (list, event);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
check_event_fields (const char  *kind,
                    const char  *title,
                    const char  *starts_on,
                    const char  *ends_on,
                    const char  *place,
                    const char  *url,
                    const char  *description,
                    const char  *name,
                    const char **field,
                    GError     **error)
{
  if (!l4a_enum_is_valid (L4A_TYPE_NETWORK_EVENT_KIND, kind))
    return refuse (error, field, "kind", _("%s: choose what kind of meeting it is."), name);
  if (blank (title))
    return refuse (error, field, "title", _("%s: the title is empty."), name);
  if (too_long (title, MAX_TITLE))
    return refuse (error, field, "title", _("%s: the title is longer than %d characters."), name, MAX_TITLE);
  if (!sane_date (starts_on))
    return refuse (error, field, "starts_on",
                   _("%s: the first day is not a date between 2000 and 2100, such as 2026-06-30."), name);
  if (!sane_date (ends_on))
    return refuse (error, field, "ends_on",
                   _("%s: the last day is not a date between 2000 and 2100, such as 2026-06-30."), name);
  if (strcmp (ends_on, starts_on) < 0)
    return refuse (error, field, "ends_on", _("%s: it ends before it starts."), name);
  if (l4a_day_from_iso (ends_on) - l4a_day_from_iso (starts_on) > 31)
    return refuse (error, field, "ends_on", _("%s: a meeting lasts a month at most."), name);
  if (too_long (place, MAX_TITLE))
    return refuse (error, field, "place", _("%s: the place is longer than %d characters."), name, MAX_TITLE);
  if (!sane_url (url))
    return refuse (error, field, "url", _("%s: the link is not a web address such as https://example.org/."), name);
  if (too_long (description, MAX_TEXT))
    return refuse (error, field, "description", _("%s: the description is longer than %d characters."), name,
                   MAX_TEXT);
  return TRUE;
}

static char *
event_name (const char *title)
{
  /* translators: a meeting of the network named by its title */
  return blank (title) ? g_strdup (_("The meeting")) : g_strdup_printf (_("Meeting “%s”"), title);
}

gboolean
l4a_network_event_check (L4aStore              *store,
                         const L4aNetworkEvent *event,
                         const char           **field,
                         GError               **error)
{
  g_autofree char *name = event_name (event->title);

  if (field)
    *field = NULL;
  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;
  if (!check_event_fields (event->kind, event->title, event->starts_on, event->ends_on, event->place, event->url,
                           event->description, name, field, error))
    return FALSE;
  for (guint i = 0; event->hubs && i < event->hubs->len; i++)
    if (!row_exists (store, "SELECT 1 FROM hub WHERE id = ?1", g_ptr_array_index (event->hubs, i), NULL))
      return refuse (error, field, "hubs", _("%s: one of the hubs presenting is not known here."), name);
  return TRUE;
}

static gboolean
event_save_checked (L4aStore         *store,
                    L4aNetworkEvent  *event,
                    GError          **error)
{
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *id = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean update = event->id != NULL;

  if (!l4a_network_event_check (store, event, NULL, error))
    return FALSE;
  if (update && stale (store, "network_event", event->id, event->revision, event->title, error))
    return FALSE;
  id = update ? g_strdup (event->id) : g_uuid_string_random ();
  stmt = l4a_store_prepare (store, update
                            ? "UPDATE network_event SET kind = ?2, title = ?3, starts_on = ?4, ends_on = ?5, "
                              "  place = ?6, url = ?7, description = ?8, updated_at = ?9, origin = ?10, "
                              "  revision = revision + 1 WHERE id = ?1"
                            : "INSERT INTO network_event (id, kind, title, starts_on, ends_on, place, url, "
                              "  description, created_at, updated_at, origin) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, event->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, g_strstrip (event->title), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, event->starts_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, event->ends_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, event->place ? event->place : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, event->url ? event->url : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, event->description ? event->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, event->title, error) ||
      !write_ids (store, "DELETE FROM network_event_hub WHERE network_event_id = ?1",
                  "INSERT INTO network_event_hub (network_event_id, hub_id) VALUES (?1, ?2)", id, event->hubs,
                  error) ||
      !l4a_store_audit (store, update ? "update" : "create", "network_event", id, NULL, error))
    return FALSE;
  if (!update)
    event->id = g_steal_pointer (&id);
  event->revision = current_revision (store, "network_event", event->id);
  return TRUE;
}

/**
 * l4a_network_event_save:
 *
 * Records a meeting point of the network (World Secretariat only), or
 * saves the changes to one.
 */
gboolean
l4a_network_event_save (L4aStore         *store,
                        L4aNetworkEvent  *event,
                        GError          **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, event_save_checked (store, event, error), error);
}

static char *
event_delete_checked (L4aStore    *store,
                      const char  *id,
                      GError     **error)
{
  g_autofree char *snapshot = NULL;

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error) ||
      (snapshot = snapshot_record (store, "network_event", id, error)) == NULL ||
      !l4a_records_run (store, "DELETE FROM network_event WHERE id = ?1", id, error) ||
      !l4a_store_audit (store, "delete", "network_event", id, NULL, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

char *
l4a_network_event_delete (L4aStore    *store,
                          const char  *id,
                          GError     **error)
{
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!l4a_store_begin (store, error))
    return NULL;
  snapshot = event_delete_checked (store, id, error);
  if (!l4a_store_end (store, snapshot != NULL, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

static struct icaltimetype
ical_day (const char *iso,
          int         plus_days)
{
  GDate date;
  struct icaltimetype day = icaltime_null_date ();

  if (!l4a_parse_date (iso, &date))
    return day;
  g_date_add_days (&date, (guint) plus_days);
  day.year = g_date_get_year (&date);
  day.month = g_date_get_month (&date);
  day.day = g_date_get_day (&date);
  day.is_date = 1;
  return day;
}

/**
 * l4a_network_events_to_ics:
 *
 * Returns: (transfer full): the network's meeting points as an iCalendar
 *   file (RFC 5545): one all-day VEVENT each, its hubs presenting in the
 *   description
 */
char *
l4a_network_events_to_ics (L4aStore    *store,
                           GError     **error)
{
  g_autoptr(GPtrArray) events = l4a_network_events_list (store, error);
  g_autofree char *now = NULL;
  icalcomponent *calendar;
  char *text;

  if (events == NULL)
    return NULL;

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Local4Action Hubs//" PACKAGE_VERSION "//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  (void *) 0);
  icalcomponent_add_property (calendar, icalproperty_new_x (_("Local4Action network")));
  icalproperty_set_x_name (icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY), "X-WR-CALNAME");

  for (guint i = 0; i < events->len; i++)
    {
      L4aNetworkEvent *event = g_ptr_array_index (events, i);
      g_autofree char *uid = g_strdup_printf ("%s@local4action-hubs", event->id);
      g_autoptr(GString) description = g_string_new (event->description);
      icalcomponent *vevent = icalcomponent_new_vevent ();

      if (event->hubs->len > 0)
        {
          g_string_append (description, description->len ? "\n\n" : "");
          g_string_append (description, _("Hubs presenting:"));
          for (guint h = 0; h < event->hubs->len; h++)
            {
              g_autofree char *hub = l4a_store_lookup_text (store, "SELECT name FROM hub WHERE id = ?1",
                                                            g_ptr_array_index (event->hubs, h));

              g_string_append_printf (description, "\n• %s", hub ? hub : (char *) g_ptr_array_index (event->hubs, h));
            }
        }
      icalcomponent_set_uid (vevent, uid);
      icalcomponent_set_summary (vevent, event->title);
      icalcomponent_set_dtstart (vevent, ical_day (event->starts_on, 0));
      /* an all-day event ends the day after its last day (RFC 5545, 3.6.1) */
      icalcomponent_set_dtend (vevent, ical_day (event->ends_on, 1));
      icalcomponent_set_dtstamp (vevent, icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ()));
      if (event->place && *event->place)
        icalcomponent_set_location (vevent, event->place);
      if (description->len)
        icalcomponent_set_description (vevent, description->str);
      if (event->url && *event->url)
        icalcomponent_add_property (vevent, icalproperty_new_url (event->url));
      icalcomponent_add_property (vevent, icalproperty_new_categories (
                                    l4a_enum_get_label (L4A_TYPE_NETWORK_EVENT_KIND, event->kind)));
      icalcomponent_add_component (calendar, vevent);
    }

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  return text;
}

/* Bundles ---------------------------------------------------------------------- */

/**
 * l4a_monitoring_check_record:
 * @record: how messages name the record
 *
 * Holds a bundle's activity, deliverable change or network event to the
 * rules of its own fields that the window holds it to. Members the
 * record leaves out keep what is here, so only a record that gives the
 * fields a rule reads is checked by it.
 */
gboolean
l4a_monitoring_check_record (const char  *table,
                             JsonObject  *object,
                             const char  *record,
                             GError     **error)
{
  if (g_str_equal (table, "activity") && json_object_has_member (object, "happened_on"))
    {
      if (!check_activity_fields (l4a_json_string (object, "kind"), l4a_json_string (object, "title"),
                                  l4a_json_string (object, "happened_on"), l4a_json_string (object, "ends_on"),
                                  l4a_json_string (object, "place"), l4a_json_string (object, "url"),
                                  l4a_json_string (object, "description"), record, NULL, error))
        return FALSE;
      if (json_object_has_member (object, "hubs") && g_strcmp0 (l4a_json_string (object, "kind"), "joint-product") != 0)
        {
          JsonNode *hubs = json_object_get_member (object, "hubs");

          if (JSON_NODE_HOLDS_ARRAY (hubs) && json_array_get_length (json_node_get_array (hubs)) > 0)
            return refuse (error, NULL, "hubs", _("%s: only a joint product names other hubs."), record);
        }
    }
  else if (g_str_equal (table, "deliverable_change"))
    {
      if (!check_change_fields (l4a_json_string (object, "status"), l4a_json_string (object, "changed_on"), NULL,
                                l4a_json_string (object, "evidence_url"), l4a_json_string (object, "note"), record, NULL,
                                error))
        return FALSE;
    }
  else if (g_str_equal (table, "network_event"))
    {
      if (!check_event_fields (l4a_json_string (object, "kind"), l4a_json_string (object, "title"),
                               l4a_json_string (object, "starts_on"), l4a_json_string (object, "ends_on"),
                               l4a_json_string (object, "place"), l4a_json_string (object, "url"),
                               l4a_json_string (object, "description"), record, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Counts ----------------------------------------------------------------------- */

/**
 * l4a_monitoring_count:
 *
 * Fills @counts across the network, by SQL aggregates.
 */
gboolean
l4a_monitoring_count (L4aStore            *store,
                      L4aMonitoringCounts *counts,
                      GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = l4a_today_iso ();
  int rc;

  memset (counts, 0, sizeof *counts);
  stmt = l4a_store_prepare (store, "SELECT d.status, count (*), sum " OVERDUE_SQL " FROM deliverable d "
                                   "WHERE d.hub_id IS NOT NULL AND ?1 IS NULL GROUP BY d.status", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (L4A_TYPE_DELIVERABLE_STATUS);
      GEnumValue *value = g_enum_get_value_by_nick (klass, (const char *) sqlite3_column_text (stmt, 0));

      if (value != NULL && value->value >= 0 && value->value < (int) G_N_ELEMENTS (counts->deliverables))
        counts->deliverables[value->value] = (guint) sqlite3_column_int64 (stmt, 1);
      counts->overdue += (guint) sqlite3_column_int64 (stmt, 2);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT (SELECT count (*) FROM activity), (SELECT count (*) FROM network_event), "
                                   "(SELECT count (*) FROM network_event WHERE ends_on >= ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      counts->activities = (guint) sqlite3_column_int64 (stmt, 0);
      counts->network_events = (guint) sqlite3_column_int64 (stmt, 1);
      counts->upcoming_events = (guint) sqlite3_column_int64 (stmt, 2);
    }
  return TRUE;
}

/**
 * l4a_activities_per_quarter:
 *
 * Returns: (transfer full) (element-type L4aQuarterCount): the number of
 *   activities that started in each quarter, oldest first
 */
GArray *
l4a_activities_per_quarter (L4aStore    *store,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) quarters = g_array_new (FALSE, TRUE, sizeof (L4aQuarterCount));
  int rc;

  stmt = l4a_store_prepare (store, "SELECT CAST (substr (happened_on, 1, 4) AS INTEGER) AS y, "
                                   "  (CAST (substr (happened_on, 6, 2) AS INTEGER) + 2) / 3 AS q, count (*) "
                                   "FROM activity GROUP BY y, q ORDER BY y, q", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aQuarterCount count = {
        sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1), (guint) sqlite3_column_int64 (stmt, 2)
      };

      g_array_append_val (quarters, count);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&quarters);
}

/* Choices for forms ------------------------------------------------------------ */

void
l4a_choice_free (L4aChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->id);
  g_free (choice->name);
  g_free (choice);
}

static GPtrArray *
read_choices (sqlite3_stmt *stmt)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_choice_free);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      L4aChoice *choice = g_new0 (L4aChoice, 1);

      choice->id = l4a_store_column_dup (stmt, 0);
      choice->name = l4a_store_column_dup (stmt, 1);
      g_ptr_array_add (choices, choice);
    }
  return choices;
}

/**
 * l4a_monitoring_partner_governments:
 *
 * Returns: (transfer full) (element-type L4aChoice): the governments that
 *   are partners of @hub_id, by name
 */
GPtrArray *
l4a_monitoring_partner_governments (L4aStore   *store,
                                    const char *hub_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store, "SELECT DISTINCT g.id, g.name FROM partner p JOIN government g "
                                   "ON g.id = p.government_id WHERE p.hub_id = ?1 ORDER BY g.name", NULL);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  return read_choices (stmt);
}

/**
 * l4a_monitoring_find_hubs:
 * @text: words of the name, or "" for the first hubs by name
 * @except_id: (nullable): a hub to leave out
 *
 * Returns: (transfer full) (element-type L4aChoice): at most @limit hubs
 *   whose name holds @text, by name: what a picker offers, whatever the
 *   size of the registry
 */
GPtrArray *
l4a_monitoring_find_hubs (L4aStore   *store,
                          const char *text,
                          const char *except_id,
                          guint       limit)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) pattern = g_string_new ("%");

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  stmt = l4a_store_prepare (store, "SELECT id, name FROM hub WHERE name LIKE ?1 ESCAPE '\\' AND id IS NOT ?2 "
                                   "ORDER BY name LIMIT ?3", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, except_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) limit);
    }
  return read_choices (stmt);
}

/**
 * l4a_monitoring_hub_name:
 *
 * Returns: (transfer full) (nullable): the name of @hub_id
 */
char *
l4a_monitoring_hub_name (L4aStore   *store,
                         const char *hub_id)
{
  return l4a_store_lookup_text (store, "SELECT name FROM hub WHERE id = ?1", hub_id);
}
