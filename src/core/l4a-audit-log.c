/* l4a-audit-log.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-audit-log"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "l4a-audit-log.h"
#include "l4a-labels.h"
#include "l4a-lazy-private.h"
#include "l4a-monitoring.h"
#include "l4a-permissions.h"
#include "l4a-records.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-store-private.h"

/**
 * L4aAuditLog:
 *
 * The audit log as a lazy, live #GListModel of #L4aAuditItem, newest
 * first, however long the log has grown: it knows the entries' numbers
 * (audit.seq) the filter lets through, reads an entry in words only when a
 * row asks for it, a page at a time, and follows #L4aContext::changed: new
 * entries come at the top as one items-changed.
 */

#define PAGE 64
#define CACHE_MAX 1024
/* How many of the newest entries are read at once; the rest of a longer
 * order is read beside the main thread. */
#define FIRST 256

/* An entry ------------------------------------------------------------------ */

struct _L4aAuditItem
{
  GObject  parent_instance;

  gint64   seq;
  char    *title;
  char    *who;
  char    *when;
  char    *details;
};

G_DEFINE_FINAL_TYPE (L4aAuditItem, l4a_audit_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_TITLE,
  ITEM_PROP_WHO,
  ITEM_PROP_WHEN,
  ITEM_PROP_DETAILS,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
l4a_audit_item_finalize (GObject *object)
{
  L4aAuditItem *self = (L4aAuditItem *)object;

  g_free (self->title);
  g_free (self->who);
  g_free (self->when);
  g_free (self->details);

  G_OBJECT_CLASS (l4a_audit_item_parent_class)->finalize (object);
}

static void
l4a_audit_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  L4aAuditItem *self = L4A_AUDIT_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ITEM_PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    case ITEM_PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case ITEM_PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_audit_item_class_init (L4aAuditItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_audit_item_finalize;
  object_class->get_property = l4a_audit_item_get_property;

  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
l4a_audit_item_init (L4aAuditItem *self)
{
}

gint64
l4a_audit_item_get_seq (L4aAuditItem *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_ITEM (self), 0);

  return self->seq;
}

const char *
l4a_audit_item_get_title (L4aAuditItem *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_ITEM (self), NULL);

  return self->title;
}

const char *
l4a_audit_item_get_who (L4aAuditItem *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_ITEM (self), NULL);

  return self->who;
}

const char *
l4a_audit_item_get_when (L4aAuditItem *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_ITEM (self), NULL);

  return self->when;
}

const char *
l4a_audit_item_get_details (L4aAuditItem *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_ITEM (self), NULL);

  return self->details;
}

/* When, as people say it: a moment ago, so many hours ago, or the day. */
static char *
say_when (const char *at)
{
  g_autoptr(GDateTime) then = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan ago;

  if (then == NULL)
    return g_strdup (at ? at : "");
  ago = g_date_time_difference (now, then);
  if (ago >= 0 && ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (ago >= 0 && ago < G_TIME_SPAN_HOUR)
    {
      guint minutes = (guint) (ago / G_TIME_SPAN_MINUTE);

      /* translators: how long ago something was done */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute ago", "%u minutes ago", minutes), minutes);
    }
  if (ago >= 0 && ago < G_TIME_SPAN_DAY)
    {
      guint hours = (guint) (ago / G_TIME_SPAN_HOUR);

      /* translators: how long ago something was done */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour ago", "%u hours ago", hours), hours);
    }
  return l4a_format_time (at);
}

static L4aAuditItem *
item_new (L4aStore            *store,
          const L4aAuditEntry *entry)
{
  L4aAuditItem *self = g_object_new (L4A_TYPE_AUDIT_ITEM, NULL);
  gboolean has_details = g_strcmp0 (entry->details, "{}") != 0 && entry->details != NULL;

  self->seq = entry->seq;
  self->title = l4a_audit_entry_describe (store, entry);
  self->who = l4a_audit_entry_actor (store, entry);
  self->when = say_when (entry->at);
  /* the record as the log keeps it, for who needs to look it up */
  self->details = g_strdup_printf ("%s %s %s%s%s", entry->action, entry->record_type, entry->record_id,
                                   has_details ? "\n" : "", has_details ? entry->details : "");
  return self;
}

/* The log ------------------------------------------------------------------- */

struct _L4aAuditLog
{
  GObject        parent_instance;

  L4aStore      *store;
  L4aLazyFollow  follow;
  char          *record_type;
  char          *actor;
  char          *action;
  GArray        *seqs;          /* gint64, newest first */
  GCancellable  *reading_rest;  /* the rest of a long order, being read */
  gint64         read_to;       /* the newest entry of the log when it was read */
  gint64         total;         /* entries up to read_to, the filter aside; -1: not counted */
  GHashTable    *cache;         /* seq → L4aAuditItem */
  /* the values each filtered column holds, up to values_to */
  GHashTable    *values[3];
  gint64         values_to;
  guint          generation;    /* the database read again wholesale so many times */
};

static const char * const filtered_columns[] = { "record_type", "actor", "action" };

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (L4aAuditLog, l4a_audit_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* What narrows the log: a kind of record, who, what was done (%NULL: any). */
typedef struct
{
  char *record_type;
  char *actor;
  char *action;
} Filter;


/* The numbers of the entries @filter lets through with @after < seq <
 * @below, newest first, at most @limit (0: all). The log is only appended
 * to (its triggers refuse the rest), one writer at a time: an entry is
 * never changed or taken away, and one written later has a greater
 * number. */
static GArray *
read_range (L4aStore      *store,
            const Filter  *filter,
            gint64         after,
            gint64         below,
            guint          limit,
            GError       **error)
{
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = l4a_store_prepare_cached (store,
                                   "SELECT seq FROM audit WHERE seq > ?4 AND seq < ?5 "
                                   "AND (?1 IS NULL OR record_type = ?1) AND (?2 IS NULL OR actor = ?2) "
                                   "AND (?3 IS NULL OR action = ?3) ORDER BY seq DESC LIMIT ?6", error);
  if (stmt == NULL)
    {
      g_array_unref (seqs);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, filter->record_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, filter->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, filter->action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, after);
  sqlite3_bind_int64 (stmt, 5, below);
  sqlite3_bind_int64 (stmt, 6, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (seqs, seq);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      g_clear_pointer (&seqs, g_array_unref);
    }
  return seqs;
}

#define NEWEST_SQL "SELECT coalesce (max (seq), 0) FROM audit"

/* The one number @sql gives, its parameters bound to @a and @b; -1 when
 * it cannot be read. */
static gint64
read_number (L4aStore   *store,
             const char *sql,
             gint64      a,
             gint64      b)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, NULL);
  gint64 number = -1;

  if (stmt == NULL)
    return -1;
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_int64 (stmt, i, i == 1 ? a : b);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return number;
}

/* The numbers of the entries the filter lets through that are newer than
 * @after, newest first, up to the newest entry of the log, which is then
 * where the list was read to; at most @limit (0: all). */
static GArray *
read_seqs (L4aAuditLog *self,
           gint64       after,
           guint        limit)
{
  Filter filter = { self->record_type, self->actor, self->action };
  g_autoptr(GError) error = NULL;
  gint64 newest = MAX (read_number (self->store, NEWEST_SQL, 0, 0), 0);
  GArray *seqs;

  /* what was written since the list was read, counted at once */
  if (self->total >= 0 && newest > self->read_to)
    {
      gint64 added = read_number (self->store, "SELECT count(*) FROM audit WHERE seq > ?1 AND seq <= ?2",
                                  self->read_to, newest);

      self->total = added >= 0 ? self->total + added : -1;
    }
  self->read_to = newest;

  seqs = read_range (self->store, &filter, after, newest + 1, limit, &error);
  if (seqs == NULL)
    {
      g_warning ("The audit log cannot be read: %s", error->message);
      seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  return seqs;
}

/* The rest of a long order, read in the context's reading thread: the
 * entries older than @below the filter (a copy) lets through. */
typedef struct
{
  Filter filter;
  gint64 below;
} Rest;

static void
rest_free (gpointer data)
{
  Rest *rest = data;

  g_free (rest->filter.record_type);
  g_free (rest->filter.actor);
  g_free (rest->filter.action);
  g_free (rest);
}

static gpointer
read_rest_in_thread (L4aStore      *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Rest *rest = data;

  return read_range (store, &rest->filter, 0, rest->below, 0, error);
}

static void
rest_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rest = l4a_context_read_finish (L4A_CONTEXT (source), result, &error);
  L4aAuditLog *self;
  guint before;

  if (rest == NULL)
    {
      /* cancelled: the order was read again, or the list is gone */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The audit log cannot be read: %s", error->message);
      return;
    }
  self = user_data;
  g_clear_object (&self->reading_rest);
  before = self->seqs->len;
  g_array_append_vals (self->seqs, rest->data, rest->len);
  if (rest->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, rest->len);
}

/* Reads the order from its newest entry: the first FIRST rows at once, the
 * rest (older, and whatever is written meanwhile comes at the top) in the
 * context's reading thread, then at the end of the list in one change. */
static GArray *
read_order (L4aAuditLog *self)
{
  GArray *seqs;
  Rest *rest;

  g_cancellable_cancel (self->reading_rest);
  g_clear_object (&self->reading_rest);
  seqs = read_seqs (self, 0, self->follow.context != NULL ? FIRST : 0);
  if (seqs->len < FIRST || self->follow.context == NULL)
    return seqs;
  rest = g_new0 (Rest, 1);
  rest->filter.record_type = g_strdup (self->record_type);
  rest->filter.actor = g_strdup (self->actor);
  rest->filter.action = g_strdup (self->action);
  rest->below = g_array_index (seqs, gint64, seqs->len - 1);
  self->reading_rest = g_cancellable_new ();
  l4a_context_read_async (self->follow.context, read_rest_in_thread, rest, rest_free,
                          (GDestroyNotify) g_array_unref, self->reading_rest, rest_read_cb, self);
  return seqs;
}

/* Reads the whole order again and changes the list once, over what
 * differs (the rest of a long one after). */
static void
update (L4aAuditLog *self)
{
  g_autoptr(GArray) old = self->seqs;
  guint first, added;

  self->seqs = read_order (self);
  l4a_lazy_splice (G_LIST_MODEL (self), old, self->seqs, &first, &added);
}

/* Reads the entries written since the list was read, at its top, and
 * changes the list once (@all: every row, their words having changed). */
static void
update_newer (L4aAuditLog *self,
              gboolean     all)
{
  g_autoptr(GArray) newer = read_seqs (self, self->read_to, 0);
  guint before = self->seqs->len;

  g_array_prepend_vals (self->seqs, newer->data, newer->len);
  if (all && before > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->seqs->len);
  else if (newer->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, newer->len);
}

/**
 * l4a_audit_log_is_whole:
 *
 * Returns: whether the list has its whole order (a long one is read in
 *   part first, the rest beside the main thread)
 */
gboolean
l4a_audit_log_is_whole (L4aAuditLog *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_LOG (self), TRUE);

  return self->reading_rest == NULL;
}

/* Reads the entries around @position that are not read yet, in words. */
static void
read_page (L4aAuditLog *self,
           guint        position)
{
  g_autoptr(GString) wanted = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint from = position > PAGE / 4 ? position - PAGE / 4 : 0;

  for (guint i = from, n = 0; i < self->seqs->len && n < PAGE; i++)
    {
      gint64 seq = g_array_index (self->seqs, gint64, i);

      if (!g_hash_table_contains (self->cache, &g_array_index (self->seqs, gint64, i)))
        {
          g_string_append_printf (wanted, "%s%" G_GINT64_FORMAT, n ? "," : "", seq);
          n++;
        }
    }
  g_string_append_c (wanted, ']');
  if (g_hash_table_size (self->cache) + PAGE > CACHE_MAX)
    l4a_lazy_forget_unheld (self->cache);

  stmt = l4a_store_prepare_cached (self->store,
                                   "SELECT a.seq, a.at, a.actor, a.action, a.record_type, coalesce (a.record_id, ''), "
                                   "       a.details "
                                   "FROM json_each (?1) j CROSS JOIN audit a WHERE a.seq = j.value", &error);
  if (stmt == NULL)
    {
      g_warning ("The audit log cannot be read: %s", error->message);
      return;
    }
  sqlite3_bind_text (stmt, 1, wanted->str, (int) wanted->len, SQLITE_TRANSIENT);
  /* the statement is reset before the entries are put in words, which
   * asks the database again */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (l4a_audit_entry_free);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (entries, l4a_audit_entry_from_row (stmt));
    sqlite3_reset (stmt);
    sqlite3_clear_bindings (stmt);
    for (guint i = 0; i < entries->len; i++)
      {
        L4aAuditItem *item = item_new (self->store, g_ptr_array_index (entries, i));

        g_hash_table_insert (self->cache, &item->seq, item);
      }
  }
}

static GType
list_model_get_item_type (GListModel *model)
{
  return L4A_TYPE_AUDIT_ITEM;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return L4A_AUDIT_LOG (model)->seqs->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  L4aAuditLog *self = L4A_AUDIT_LOG (model);
  gint64 *seq;
  L4aAuditItem *item;

  if (position >= self->seqs->len)
    return NULL;
  seq = &g_array_index (self->seqs, gint64, position);
  item = g_hash_table_lookup (self->cache, seq);
  if (item == NULL)
    {
      read_page (self, position);
      item = g_hash_table_lookup (self->cache, seq);
    }
  if (item == NULL)
    {
      /* gone since the order was read (the log is only appended to, but a
       * database can be replaced): an empty row until the next change */
      item = g_object_new (L4A_TYPE_AUDIT_ITEM, NULL);
      item->seq = *seq;
      return item;
    }
  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
context_changed_cb (L4aAuditLog *self,
                    L4aChanges  *changes)
{
  /* another database, or one changed wholesale: all of it read again */
  if (l4a_changes_is_everything (changes))
    {
      g_autoptr(GArray) old = self->seqs;

      g_hash_table_remove_all (self->cache);
      self->read_to = 0;
      self->total = -1;
      self->values_to = -1;
      self->generation++;
      self->seqs = read_order (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->seqs->len);
      return;
    }
  /* who did it may have a new name: every row says it again */
  if (l4a_changes_touches (changes, "member") || l4a_changes_touches (changes, "government"))
    {
      g_hash_table_remove_all (self->cache);
      update_newer (self, TRUE);
      return;
    }
  /* every audited write adds an entry, at the top */
  if (l4a_changes_touches (changes, "audit"))
    update_newer (self, FALSE);
}

/**
 * l4a_audit_log_set_filter:
 * @record_type: (nullable): a kind of record, as the log keeps it
 * @actor: (nullable): who, as the log keeps it ("secretariat",
 *   "member:ID", "government:ID")
 * @action: (nullable): an action, as the log keeps it
 *
 * Narrows the log to the entries with these values; %NULL for any.
 */
void
l4a_audit_log_set_filter (L4aAuditLog *self,
                          const char  *record_type,
                          const char  *actor,
                          const char  *action)
{
  g_return_if_fail (L4A_IS_AUDIT_LOG (self));

  g_free (self->record_type);
  g_free (self->actor);
  g_free (self->action);
  self->record_type = g_strdup (record_type);
  self->actor = g_strdup (actor);
  self->action = g_strdup (action);
  update (self);
}

/**
 * l4a_audit_log_count_all:
 *
 * Returns: how many entries the log holds, the filter aside
 */
guint
l4a_audit_log_count_all (L4aAuditLog *self)
{
  g_return_val_if_fail (L4A_IS_AUDIT_LOG (self), 0);

  /* counted once, then what each change adds; SQLite counts a whole
   * table from its smallest index, so the whole log is counted unless an
   * entry was written after those the list has read (the log grows only
   * at its end: when its newest, read after the count, is the newest the
   * list read, the count held nothing newer) */
  if (self->total < 0)
    {
      gint64 all = read_number (self->store, "SELECT count(*) FROM audit", 0, 0);

      self->total = read_number (self->store, NEWEST_SQL, 0, 0) == self->read_to
                    ? all : read_number (self->store, "SELECT count(*) FROM audit WHERE seq <= ?1", self->read_to, 0);
    }
  return (guint) MAX (self->total, 0);
}

/* The values the filtered columns hold in the entries up to @upto, all
 * three in one reading of the log (the filter offers all three at once):
 * three sets of strings. */
typedef struct
{
  GHashTable *sets[3];
} Values;

static void
values_free (gpointer data)
{
  Values *values = data;

  for (guint c = 0; c < G_N_ELEMENTS (values->sets); c++)
    g_clear_pointer (&values->sets[c], g_hash_table_unref);
  g_free (values);
}

/* Adds to @sets the values of the entries with @after < seq <= @upto. */
static gboolean
read_values (L4aStore     *store,
             GHashTable  **sets,
             gint64        after,
             gint64        upto,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = l4a_store_prepare_cached (store, "SELECT DISTINCT record_type, actor, action FROM audit "
                                          "WHERE seq > ?1 AND seq <= ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, upto);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint c = 0; c < 3; c++)
      if (sqlite3_column_type (stmt, (int) c) != SQLITE_NULL)
        g_hash_table_add (sets[c], l4a_store_column_dup (stmt, (int) c));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      l4a_store_set_sqlite_error (store, rc, NULL, error);
      return FALSE;
    }
  return TRUE;
}

static Values *
values_new (void)
{
  Values *values = g_new0 (Values, 1);

  for (guint c = 0; c < G_N_ELEMENTS (values->sets); c++)
    values->sets[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return values;
}

/* Keeps @values, read up to @upto, for the choices. */
static void
keep_values (L4aAuditLog *self,
             Values      *values,
             gint64       upto)
{
  for (guint c = 0; c < G_N_ELEMENTS (self->values); c++)
    {
      g_clear_pointer (&self->values[c], g_hash_table_unref);
      self->values[c] = g_steal_pointer (&values->sets[c]);
    }
  self->values_to = upto;
}

/* The values of @column (an index in filtered_columns): read once, then
 * those of the entries written since. */
static GHashTable *
column_values (L4aAuditLog *self,
               guint        column)
{
  g_autoptr(GError) error = NULL;

  if (self->values_to < 0)
    {
      Values *values = values_new ();

      keep_values (self, values, 0);
      values_free (values);
    }
  if (self->values_to < self->read_to)
    {
      if (read_values (self->store, self->values, self->values_to, self->read_to, &error))
        self->values_to = self->read_to;
      else
        g_warning ("The audit log cannot be read: %s", error->message);
    }
  return self->values[column];
}

/* What a read of the choices beside the main thread read. */
typedef struct
{
  gint64 upto;
  guint  generation;
} ValuesRead;

static gpointer
read_values_in_thread (L4aStore      *store,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const ValuesRead *read = data;
  Values *values = values_new ();

  if (!read_values (store, values->sets, 0, read->upto, error))
    g_clear_pointer (&values, values_free);
  return values;
}

static void
values_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  L4aAuditLog *self = g_task_get_source_object (task);
  const ValuesRead *read = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Values *values = l4a_context_read_finish (L4A_CONTEXT (source), result, &error);

  if (values == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* what was written meanwhile is read with the choices; read from a
   * database since replaced, or older than those kept, they are not kept */
  if (read->generation == self->generation && read->upto > self->values_to)
    keep_values (self, values, read->upto);
  values_free (values);
  g_task_return_boolean (task, TRUE);
}

/**
 * l4a_audit_log_read_choices_async:
 *
 * Reads what the log holds in the columns it can be narrowed by, beside
 * the main thread (the whole log is read: a long one takes a while);
 * l4a_audit_log_dup_choices() then answers at once.
 */
void
l4a_audit_log_read_choices_async (L4aAuditLog         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ValuesRead *read;

  g_return_if_fail (L4A_IS_AUDIT_LOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, l4a_audit_log_read_choices_async);
  if (self->follow.context == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* the entries up to the newest the list has read */
  read = g_new (ValuesRead, 1);
  read->upto = self->read_to;
  read->generation = self->generation;
  g_task_set_task_data (task, read, g_free);
  l4a_context_read_async (self->follow.context, read_values_in_thread, g_memdup2 (read, sizeof *read), g_free,
                          values_free, cancellable, values_read_cb, g_steal_pointer (&task));
}

/**
 * l4a_audit_log_read_choices_finish:
 *
 * Returns: %TRUE once the choices are read (l4a_audit_log_dup_choices()
 *   then reads only the entries written since), %FALSE with @error set if
 *   they could not be
 */
gboolean
l4a_audit_log_read_choices_finish (L4aAuditLog   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (L4A_IS_AUDIT_LOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const L4aChoice *x = *(L4aChoice * const *) a;
  const L4aChoice *y = *(L4aChoice * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/**
 * l4a_audit_log_dup_choices:
 * @column: "record_type", "actor" or "action"
 *
 * Returns: (transfer full) (element-type L4aChoice): the values the
 *   log holds in @column, each in words (a kind of record, a person or
 *   government by name, what was done), in the order of those words
 */
GPtrArray *
l4a_audit_log_dup_choices (L4aAuditLog *self,
                           const char  *column)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_choice_free);
  g_autofree const char **values = NULL;
  guint which = 0, n_values = 0;

  g_return_val_if_fail (L4A_IS_AUDIT_LOG (self), choices);
  while (which < G_N_ELEMENTS (filtered_columns) && g_strcmp0 (filtered_columns[which], column) != 0)
    which++;
  g_return_val_if_fail (which < G_N_ELEMENTS (filtered_columns), choices);

  values = (const char **) g_hash_table_get_keys_as_array (column_values (self, which), &n_values);
  for (guint i = 0; i < n_values; i++)
    {
      const char *value = values[i];
      L4aChoice *choice = g_new0 (L4aChoice, 1);
      L4aAuditEntry entry = { .actor = (char *) value };

      choice->id = g_strdup (value);
      if (g_str_equal (column, "actor"))
        choice->name = l4a_audit_entry_actor (self->store, &entry);
      else if (g_str_equal (column, "action"))
        /* what was done, to a record left unsaid: “Released the decision on …” */
        choice->name = l4a_audit_action_words (value);
      else if (g_str_equal (value, "database"))
        choice->name = g_strdup (_("the database"));
      else if (g_str_equal (value, "bundle"))
        choice->name = g_strdup (_("a bundle"));
      else
        choice->name = g_strdup (l4a_records_label (value));
      g_ptr_array_add (choices, choice);
    }
  g_ptr_array_sort (choices, compare_choices);
  return choices;
}

static void
l4a_audit_log_dispose (GObject *object)
{
  L4aAuditLog *self = (L4aAuditLog *)object;

  l4a_lazy_unfollow (&self->follow);
  g_cancellable_cancel (self->reading_rest);
  g_clear_object (&self->reading_rest);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (l4a_audit_log_parent_class)->dispose (object);
}

static void
l4a_audit_log_finalize (GObject *object)
{
  L4aAuditLog *self = (L4aAuditLog *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->seqs, g_array_unref);
  for (guint c = 0; c < G_N_ELEMENTS (self->values); c++)
    g_clear_pointer (&self->values[c], g_hash_table_unref);
  g_free (self->record_type);
  g_free (self->actor);
  g_free (self->action);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (l4a_audit_log_parent_class)->finalize (object);
}

static void
l4a_audit_log_class_init (L4aAuditLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_audit_log_dispose;
  object_class->finalize = l4a_audit_log_finalize;
}

static void
l4a_audit_log_init (L4aAuditLog *self)
{
  self->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->total = -1;
  self->values_to = -1;
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
}

/**
 * l4a_audit_log_new:
 *
 * Returns: (transfer full) (nullable): the audit log of @context, newest
 *   first, kept in line with what is written; %NULL with @error set when
 *   the workstation's role may not read it
 */
L4aAuditLog *
l4a_audit_log_new (L4aContext  *context,
                   GError     **error)
{
  L4aAuditLog *self;
  L4aStore *store;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  store = l4a_context_get_store (context);
  if (!l4a_store_require (store, L4A_PERMISSION_READ_AUDIT, error))
    return NULL;

  self = g_object_new (L4A_TYPE_AUDIT_LOG, NULL);
  self->store = g_object_ref (store);
  l4a_lazy_follow (&self->follow, context, G_CALLBACK (context_changed_cb), self);
  g_array_unref (self->seqs);
  self->seqs = read_order (self);
  return self;
}
