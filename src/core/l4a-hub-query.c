/* l4a-hub-query.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-query"

#include "config.h"

#include <json-glib/json-glib.h>

#include <sqlite3.h>

#include "l4a-hub-query.h"
#include "l4a-lazy-private.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-store-private.h"

/**
 * L4aHubQuery:
 *
 * The registry as a lazy #GListModel of #L4aHub over SQLite, however many
 * hubs there are. It knows the hubs' numbers (hub.num) in the order asked,
 * found by one query on the narrow hub_facet table (and the full-text
 * index for a search); an item is read only when something asks for it,
 * a page at a time, and kept while anyone holds it.
 *
 * The order is first read when something asks for it, with whatever
 * filter and sort were set by then. Filtering, searching and sorting run
 * in SQLite and change the list once, over the part that differs. Given a context, the query follows
 * #L4aContext::changed: a hub edited in place is one items-changed at its
 * position; a hub that moves, comes or goes is one change over the
 * positions in between.
 *
 * The counts behind the map and the dashboard are SQL aggregates over the
 * same filter (l4a_hub_query_count_regions() and the like), never a walk
 * over the items.
 */

/* how many hubs are read at once around the one asked for */
#define PAGE 64
/* beyond this many hubs read, those nobody holds any more are let go */
#define CACHE_MAX 2048
/* beyond this many changed hubs, each is not looked up on its own */
#define MAX_SINGLE_CHANGES 256
/* how much of a long order is read before the list changes, the rest
 * being read beside: more than a screenful of the tallest window */
#define FIRST 256
/* a filter lets few hubs through when it lets at most one in this many:
 * they are found from the filter's indexes, then sorted */
#define FEW_SHARE 8
#define FEW_SHARE_WORDS 64

struct _L4aHubQuery
{
  GObject        parent_instance;

  L4aStore      *store;
  L4aLazyFollow  follow;
  L4aHubFilter  *filter;
  L4aHubSortKey  key;
  gboolean       descending;

  GArray        *nums;        /* guint: the hubs, in order; NULL until asked */
  guint          known;       /* how many of nums are read; the rest is 0 */
  GCancellable  *reading;     /* the rest of nums, being read beside */
  gboolean       held;        /* the rest waits (l4a_hub_query_hold_reading()) */
  guint          refresh_id;  /* the order is read again from the main loop */
  GHashTable    *positions;   /* num → position + 1; NULL until asked */
  GHashTable    *cache;       /* num → L4aHub */
  guint          total;       /* hubs in the registry; G_MAXUINT until asked */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (L4aHubQuery, l4a_hub_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* SQL ------------------------------------------------------------------------ */

/* How a list of hubs is read from hub_facet f. */
typedef enum
{
  READ_AS_PLANNED,   /* as SQLite plans it: walking the order's index */
  READ_SCAN,         /* the table read whole, then sorted */
  READ_FACETS,       /* the index of every facet, then the few that pass sorted */
  READ_WORDS,        /* the hubs with the words, then sorted */
} ReadWay;

/* The filter as conditions on hub_facet f: only those set, so that an
 * empty filter reads the sort index alone. @any_country leaves the
 * country out (the map shows every country, to choose another); @way
 * says how the list is read (READ_WORDS: hub_fts is joined already). */
static void
append_where (GString            *sql,
              const L4aHubFilter *filter,
              const char         *fts,
              gboolean            any_country,
              ReadWay             way)
{
  g_string_append (sql, " WHERE 1");
  if (fts != NULL && way == READ_WORDS)
    g_string_append (sql, " AND hub_fts MATCH :fts");
  else if (fts != NULL && way == READ_AS_PLANNED)
    /* not each hub of the words looked up: an order's index walked, each
     * hub in it asked whether it is among those with the words */
    g_string_append (sql, " AND +f.num IN (SELECT rowid FROM hub_fts WHERE hub_fts MATCH :fts)");
  else if (fts != NULL)
    g_string_append (sql, " AND f.num IN (SELECT rowid FROM hub_fts WHERE hub_fts MATCH :fts)");
  if (filter->region != NULL)
    g_string_append (sql, " AND f.region = :region");
  if (filter->country != NULL && !any_country)
    g_string_append (sql, " AND f.country = :country");
  if (filter->axis != NULL)
    g_string_append (sql, " AND f.pact_axis = :axis");
  if (filter->status != NULL)
    g_string_append (sql, " AND f.status = :status");
  if (filter->format != NULL)
    g_string_append (sql, " AND f.format = :format");
  if (filter->sdgs != 0)
    g_string_append (sql, " AND f.sdgs & :sdgs");
  if (filter->councils != 0)
    g_string_append (sql, " AND f.councils & :councils");
  if (filter->year > 0)
    g_string_append (sql, " AND f.start_on <= :last AND f.end_on >= :first");
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_int (sqlite3_stmt *stmt,
          const char   *name,
          gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_filter (sqlite3_stmt       *stmt,
             const L4aHubFilter *filter,
             const char         *fts)
{
  char first[16], last[16];

  g_snprintf (first, sizeof first, "%04d-01-01", filter->year);
  g_snprintf (last, sizeof last, "%04d-12-31", filter->year);
  bind_text (stmt, ":fts", fts);
  bind_text (stmt, ":region", filter->region);
  bind_text (stmt, ":country", filter->country);
  bind_text (stmt, ":axis", filter->axis);
  bind_text (stmt, ":status", filter->status);
  bind_text (stmt, ":format", filter->format);
  bind_int (stmt, ":sdgs", filter->sdgs);
  bind_int (stmt, ":councils", filter->councils);
  bind_text (stmt, ":first", first);
  bind_text (stmt, ":last", last);
}

/* The sort keys, as stored; when a program without l4a_fold () wrote
 * (its hubs' keys are NULL until this application writes them), computed
 * for those hubs as the list is read: reading never writes. */
#define NAME_KEY "f.name_key"
#define GOVERNMENT_KEY "f.government_key"
#define NAME_KEY_STALE "coalesce (f.name_key, l4a_fold (f.name))"
#define GOVERNMENT_KEY_STALE \
  "coalesce (f.government_key, l4a_fold ((SELECT g.name FROM government g WHERE g.id = f.government_id)))"

static gboolean
keys_stale (L4aStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store,
                                                 "SELECT EXISTS (SELECT 1 FROM hub_facet WHERE name_key IS NULL) "
                                                 "OR EXISTS (SELECT 1 FROM hub_facet WHERE government_key IS NULL)",
                                                 &error);
  gboolean stale;

  if (stmt == NULL)
    return FALSE;
  stale = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return stale;
}

/* The order of each sort key; names come last to break ties, then the
 * hub's number, so that the order is total (l4a_hub_compare() in C). */
static void
append_order (GString       *sql,
              L4aHubSortKey  key,
              gboolean       descending,
              gboolean       stale)
{
  const char *dir = descending ? " DESC" : "";
  g_autofree char *first = NULL;
  const char *second = NULL;

  switch (key)
    {
    case L4A_HUB_SORT_NAME:
      break;
    case L4A_HUB_SORT_GOVERNMENT:
      first = g_strdup (stale ? GOVERNMENT_KEY_STALE : GOVERNMENT_KEY);
      break;
    case L4A_HUB_SORT_COUNTRY:
      first = g_strdup_printf ("l4a_rank (%d, f.country)", L4A_REFERENCE_COUNTRIES);
      break;
    case L4A_HUB_SORT_REGION:
      first = g_strdup_printf ("l4a_rank (%d, f.region)", L4A_REFERENCE_REGIONS);
      break;
    case L4A_HUB_SORT_SDGS:
      /* the lowest goal is the lowest bit set; none comes last */
      first = g_strdup ("CASE f.sdgs WHEN 0 THEN 1 << 40 ELSE f.sdgs & -f.sdgs END");
      break;
    case L4A_HUB_SORT_AXIS:
      first = g_strdup_printf ("l4a_rank (%d, f.pact_axis)", L4A_REFERENCE_AXES);
      break;
    case L4A_HUB_SORT_STATUS:
      first = g_strdup ("f.status");
      break;
    case L4A_HUB_SORT_TIME_FRAME:
      first = g_strdup ("f.start_on");
      second = "f.end_on";
      break;
    case L4A_HUB_N_SORTS:
    default:
      g_return_if_reached ();
    }

  g_string_append (sql, " ORDER BY ");
  if (first != NULL)
    g_string_append_printf (sql, "%s%s, ", first, dir);
  if (second != NULL)
    g_string_append_printf (sql, "%s%s, ", second, dir);
  g_string_append_printf (sql, "%s%s, f.num%s", stale ? NAME_KEY_STALE : NAME_KEY, dir, dir);
}

static sqlite3_stmt *
prepare_on (L4aStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql, &error);

  if (stmt == NULL)
    g_warning ("The registry cannot be read: %s", error->message);
  return stmt;
}

static sqlite3_stmt *
prepare (L4aHubQuery  *self,
         const char   *sql)
{
  return prepare_on (self->store, sql);
}

static void
finish (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Runs @select (a SELECT over hub_facet f) with the filter's conditions
 * and @tail, read the @way given, and gives its statement, bound, or NULL. */
static sqlite3_stmt *
start_on (L4aStore           *store,
          const L4aHubFilter *filter,
          const char         *select,
          gboolean            any_country,
          const char         *tail,
          ReadWay             way)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autofree char *fts = l4a_fts_query_from_text (filter->search);
  sqlite3_stmt *stmt;

  if (l4a_hub_filter_is_empty (filter))
    way = READ_AS_PLANNED;
  else if (way == READ_WORDS && fts == NULL)
    way = READ_FACETS;   /* no word to search for after all */
  switch (way)
    {
    case READ_SCAN:
      g_string_replace (sql, "FROM hub_facet f", "FROM hub_facet f NOT INDEXED", 1);
      break;
    case READ_FACETS:
      g_string_replace (sql, "FROM hub_facet f", "FROM hub_facet f INDEXED BY hub_facet_by_facets", 1);
      break;
    case READ_WORDS:
      /* the words first, each hub then looked up by its number */
      g_string_replace (sql, "FROM hub_facet f", "FROM hub_fts CROSS JOIN hub_facet f ON f.num = hub_fts.rowid", 1);
      break;
    case READ_AS_PLANNED:
    default:
      break;
    }
  append_where (sql, filter, fts, any_country, way);
  if (tail != NULL)
    g_string_append (sql, tail);
  stmt = prepare_on (store, sql->str);
  if (stmt != NULL)
    bind_filter (stmt, filter, fts);
  return stmt;
}

/* The same over the query's own filter; a filtered list is read whole:
 * cheaper than walking an index in its order and looking up each hub. */
static sqlite3_stmt *
start (L4aHubQuery *self,
       const char  *select,
       gboolean     any_country,
       const char  *tail)
{
  return start_on (self->store, self->filter, select, any_country, tail, READ_SCAN);
}

/* Steps @stmt, at most @limit rows (0: all), appending their first column. */
static void
append_nums (sqlite3_stmt *stmt,
             GArray       *nums,
             guint         limit)
{
  int rc;

  while ((limit == 0 || nums->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint num = (guint) sqlite3_column_int64 (stmt, 0);

      g_array_append_val (nums, num);
    }
  if (limit != 0 && nums->len >= limit)
    rc = SQLITE_DONE;
  if (rc != SQLITE_DONE)
    g_warning ("The registry cannot be read: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  finish (stmt);
}

/* The whole registry by region, country or axis: one range of that
 * column's index per code, in the order of the codes (their names in the
 * user's language for countries), hubs without one last; no sort at all. */
static void
read_ranked_nums (L4aStore          *store,
                  const char        *column,
                  L4aReferenceTable  table,
                  gboolean           descending,
                  gboolean           stale,
                  guint              limit,
                  GArray            *nums)
{
  const char *dir = descending ? " DESC" : "";
  const char *name = stale ? NAME_KEY_STALE : NAME_KEY;
  g_autofree char *by_code = g_strdup_printf ("SELECT f.num FROM hub_facet f WHERE f.%s = ?1 "
                                              "ORDER BY %s%s, f.num%s", column, name, dir, dir);
  g_autofree char *without = g_strdup_printf ("SELECT f.num FROM hub_facet f WHERE f.%s IS NULL "
                                              "ORDER BY %s%s, f.num%s", column, name, dir, dir);
  guint n_codes;
  const char * const *codes = l4a_reference_ranked_codes (table, &n_codes);
  sqlite3_stmt *stmt;

  if (descending && (stmt = prepare_on (store, without)) != NULL)
    append_nums (stmt, nums, limit);
  for (guint i = 0; i < n_codes && (limit == 0 || nums->len < limit); i++)
    {
      const char *code = codes[descending ? n_codes - 1 - i : i];

      stmt = prepare_on (store, by_code);
      if (stmt == NULL)
        return;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      append_nums (stmt, nums, limit);
    }
  if (!descending && (limit == 0 || nums->len < limit) && (stmt = prepare_on (store, without)) != NULL)
    append_nums (stmt, nums, limit);
}

/* The hubs @filter lets through in the order asked, read the @way given;
 * the first @limit of them, or all when @limit is 0. */
static GArray *
read_order (L4aStore           *store,
            const L4aHubFilter *filter,
            L4aHubSortKey       key,
            gboolean            descending,
            ReadWay             way,
            guint               limit)
{
  g_autoptr(GString) order = g_string_new (NULL);
  GArray *nums = g_array_new (FALSE, TRUE, sizeof (guint));
  gboolean everything = l4a_hub_filter_is_empty (filter);
  gboolean stale = keys_stale (store);
  sqlite3_stmt *stmt;

  if (everything && key == L4A_HUB_SORT_REGION)
    read_ranked_nums (store, "region", L4A_REFERENCE_REGIONS, descending, stale, limit, nums);
  else if (everything && key == L4A_HUB_SORT_COUNTRY)
    read_ranked_nums (store, "country", L4A_REFERENCE_COUNTRIES, descending, stale, limit, nums);
  else if (everything && key == L4A_HUB_SORT_AXIS)
    read_ranked_nums (store, "pact_axis", L4A_REFERENCE_AXES, descending, stale, limit, nums);
  else
    {
      append_order (order, key, descending, stale);
      if (limit > 0)
        g_string_append_printf (order, " LIMIT %u", limit);
      stmt = start_on (store, filter, "SELECT f.num FROM hub_facet f", FALSE, order->str, way);
      if (stmt != NULL)
        append_nums (stmt, nums, 0);
    }
  return nums;
}

/* How many hubs @filter lets through, of @total: the words counted in
 * their own index, the facets in theirs, no hub looked up. */
static guint
count_passing (L4aStore           *store,
               const L4aHubFilter *filter,
               guint               total)
{
  g_autofree char *fts = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  if (l4a_hub_filter_is_empty (filter))
    return total;
  fts = l4a_fts_query_from_text (filter->search);
  if (fts != NULL && !l4a_hub_filter_has_facets (filter))
    {
      stmt = prepare_on (store, "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH ?1");
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
    }
  else
    stmt = start_on (store, filter, "SELECT count(*) FROM hub_facet f", FALSE, NULL, READ_FACETS);
  if (stmt == NULL)
    return total;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  finish (stmt);
  return n;
}

/* Whether @n hubs passing of @total are few enough to be found from the
 * filter's own indexes and sorted, rather than by walking an order. */
static gboolean
is_few (const L4aHubFilter *filter,
        guint               n,
        guint               total)
{
  /* walking an order for words asks an in-memory list, for facets looks
   * up each hub in the table */
  return n <= FIRST || n <= total / (!l4a_hub_filter_has_facets (filter) ? FEW_SHARE_WORDS : FEW_SHARE);
}

/* The whole order, of @n hubs passing of @total. */
static GArray *
read_whole (L4aStore           *store,
            const L4aHubFilter *filter,
            L4aHubSortKey       key,
            gboolean            descending,
            guint               n,
            guint               total)
{
  ReadWay way = READ_SCAN;

  if (is_few (filter, n, total))
    way = !l4a_hub_filter_has_facets (filter) ? READ_WORDS : READ_FACETS;
  return read_order (store, filter, key, descending, way, 0);
}

/* The rest of the order, read in the context's reading thread. */
typedef struct
{
  L4aHubFilter  *filter;
  L4aHubSortKey  key;
  gboolean       descending;
} OrderRead;

static void
order_read_free (OrderRead *read)
{
  l4a_hub_filter_free (read->filter);
  g_free (read);
}

static gpointer
order_read_func (L4aStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  OrderRead *read = data;

  return read_order (store, read->filter, read->key, read->descending, READ_SCAN, 0);
}

static void
stop_reading (L4aHubQuery *self)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
}

static void take_order (L4aHubQuery *self,
                        GArray      *whole,
                        gboolean     may_announce);

static void
order_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(L4aHubQuery) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) whole = l4a_context_read_finish (L4A_CONTEXT (object), result, &error);

  /* a read cancelled was replaced by another, or by a read here */
  if (whole == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The registry cannot be read: %s", error->message);
      return;
    }
  g_clear_object (&self->reading);
  take_order (self, whole, TRUE);
}

/* The rest of the order, from the context's reading thread (or once no
 * longer held). */
static void
read_rest (L4aHubQuery *self)
{
  OrderRead *read;

  if (self->held)
    return;
  read = g_new0 (OrderRead, 1);
  read->filter = l4a_hub_filter_copy (self->filter);
  read->key = self->key;
  read->descending = self->descending;
  self->reading = g_cancellable_new ();
  l4a_context_read_async (self->follow.context, order_read_func, read, (GDestroyNotify) order_read_free,
                          (GDestroyNotify) g_array_unref, self->reading, order_read_cb, g_object_ref (self));
}

/* The order for the filter and sort set: whole when few hubs pass or
 * nobody reads beside the main thread; else its first part, the rest
 * of it read in the context's reading thread while the first is shown.
 * @known says how many of the first positions are read. */
static GArray *
read_first (L4aHubQuery *self,
            guint       *known)
{
  guint total = l4a_hub_query_count_all (self);
  guint n = count_passing (self->store, self->filter, total);
  L4aContext *context = self->follow.context;
  GArray *nums;

  stop_reading (self);
  if (context == NULL || is_few (self->filter, n, total))
    {
      nums = read_whole (self->store, self->filter, self->key, self->descending, n, total);
      *known = nums->len;
      return nums;
    }

  nums = read_order (self->store, self->filter, self->key, self->descending, READ_AS_PLANNED, FIRST);
  *known = nums->len;
  if (nums->len < FIRST)
    return nums;   /* the count was out of date: this is all there is */
  g_array_set_size (nums, n);   /* the rest reads as 0, no hub's number */
  read_rest (self);
  return nums;
}

/* The list ----------------------------------------------------------------- */

/* The order, read when first asked for. */
static GArray *
nums_of (L4aHubQuery *self)
{
  if (self->nums == NULL)
    self->nums = read_first (self, &self->known);
  return self->nums;
}

static void
set_order (L4aHubQuery *self,
           GArray      *nums,
           guint        known)
{
  g_clear_pointer (&self->nums, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  self->nums = nums;
  self->known = known;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  L4aHubQuery *self = user_data;

  self->refresh_id = 0;
  l4a_hub_query_refresh (self);
  return G_SOURCE_REMOVE;
}

/* The whole order, read beside or here, for a list shown in part: taken
 * when it agrees with the part shown. If it does not, the registry
 * changed since: the change is announced at once when @may_announce, else
 * from the main loop (a list must not change while it is asked for a
 * row), the rows not known till then shown empty. */
static void
take_order (L4aHubQuery *self,
            GArray      *whole,
            gboolean     may_announce)
{
  g_autoptr(GArray) old = NULL;
  guint old_known, first, added;

  if (self->nums == NULL || self->known == self->nums->len)
    return;
  if (whole->len == self->nums->len &&
      memcmp (whole->data, self->nums->data, self->known * sizeof (guint)) == 0)
    {
      set_order (self, g_array_ref (whole), whole->len);
      return;
    }
  if (!may_announce)
    {
      if (self->refresh_id == 0)
        self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
      return;
    }
  old = g_array_ref (self->nums);
  old_known = self->known;
  set_order (self, g_array_ref (whole), whole->len);
  l4a_lazy_splice_known (G_LIST_MODEL (self), old, old_known, self->nums, self->known, &first, &added);
}

/* The whole order now, when a row beyond the part read is asked for
 * before the reading thread has given it. */
static void
complete (L4aHubQuery *self,
          gboolean     may_announce)
{
  g_autoptr(GArray) whole = NULL;

  if (self->nums == NULL || self->known == self->nums->len)
    return;
  stop_reading (self);
  whole = read_whole (self->store, self->filter, self->key, self->descending, self->nums->len,
                      l4a_hub_query_count_all (self));
  take_order (self, whole, may_announce);
}

/* Reads the hubs around @position that are not read yet. */
static void
read_page (L4aHubQuery *self,
           guint        position)
{
  g_autoptr(GPtrArray) hubs = NULL;
  g_autoptr(GError) error = NULL;
  guint wanted[PAGE];
  guint n = 0;
  guint from = position > PAGE / 4 ? position - PAGE / 4 : 0;

  for (guint i = from; i < self->known && n < PAGE; i++)
    {
      guint num = g_array_index (self->nums, guint, i);

      if (i == position || !g_hash_table_contains (self->cache, GUINT_TO_POINTER (num)))
        wanted[n++] = num;
    }

  if (g_hash_table_size (self->cache) + n > CACHE_MAX)
    l4a_lazy_forget_unheld (self->cache);

  hubs = l4a_registry_get_hubs (self->store, wanted, n, &error);
  if (hubs == NULL)
    {
      g_warning ("The registry cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < hubs->len; i++)
    {
      L4aHub *hub = g_ptr_array_index (hubs, i);
      gpointer key = GUINT_TO_POINTER (l4a_hub_get_num (hub));

      if (!g_hash_table_contains (self->cache, key))
        g_hash_table_insert (self->cache, key, g_object_ref (hub));
    }
}

static gboolean
position_of (L4aHubQuery *self,
             guint        num,
             guint       *position)
{
  gpointer found;

  nums_of (self);
  complete (self, TRUE);
  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->known; i++)
        g_hash_table_insert (self->positions, GUINT_TO_POINTER (g_array_index (self->nums, guint, i)),
                             GUINT_TO_POINTER (i + 1));
    }
  found = g_hash_table_lookup (self->positions, GUINT_TO_POINTER (num));
  if (found == NULL)
    return FALSE;
  *position = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

/* Reads the order again and changes the list once, over the part that
 * differs; @first and @added say which positions that was. @whole: read
 * it whole now, as after a change of the data (a new filter or sort shows
 * its first part at once). */
static void
update (L4aHubQuery *self,
        gboolean     whole,
        guint       *first,
        guint       *added)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->nums);
  guint old_known = self->known;

  stop_reading (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (whole)
    self->total = G_MAXUINT;
  g_clear_pointer (&self->positions, g_hash_table_unref);
  /* nothing was shown yet: it is read when asked for */
  *first = *added = 0;
  if (old == NULL)
    return;
  if (whole)
    {
      guint total = l4a_hub_query_count_all (self);

      self->nums = read_whole (self->store, self->filter, self->key, self->descending,
                               count_passing (self->store, self->filter, total), total);
      self->known = self->nums->len;
    }
  else
    self->nums = read_first (self, &self->known);
  l4a_lazy_splice_known (G_LIST_MODEL (self), old, old_known, self->nums, self->known, first, added);
}

/* The filter or the sort changed: its first part shown at once. */
static void
reorder (L4aHubQuery *self)
{
  guint first, added;

  update (self, FALSE, &first, &added);
}

/**
 * l4a_hub_query_refresh:
 *
 * Reads the order again, as after a change the query was not told of.
 */
void
l4a_hub_query_refresh (L4aHubQuery *self)
{
  guint first, added;

  g_return_if_fail (L4A_IS_HUB_QUERY (self));

  update (self, TRUE, &first, &added);
}

/* One hub shows something else: one change at its position, unless it is
 * within the part just replaced. */
static void
hub_changed (L4aHubQuery *self,
             guint        num,
             guint        first,
             guint        added)
{
  guint position;

  if (position_of (self, num, &position) && (position < first || position >= first + added))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* Hubs read before that may show something else now: each read again, and
 * announced where it differs. */
static void
reread_cached (L4aHubQuery *self,
               guint        first,
               guint        added)
{
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint num = GPOINTER_TO_UINT (key);

      g_array_append_val (nums, num);
    }
  fresh = l4a_registry_get_hubs (self->store, (guint *) nums->data, nums->len, &error);
  if (fresh == NULL)
    {
      g_warning ("The registry cannot be read: %s", error->message);
      g_hash_table_remove_all (self->cache);
      return;
    }
  /* the hubs come back in the order asked, those gone left out */
  for (guint i = 0, j = 0; i < nums->len; i++)
    {
      guint num = g_array_index (nums, guint, i);
      L4aHub *before = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
      L4aHub *now = j < fresh->len ? g_ptr_array_index (fresh, j) : NULL;

      if (now == NULL || l4a_hub_get_num (now) != num)
        g_hash_table_remove (self->cache, GUINT_TO_POINTER (num));
      else
        {
          j++;
          if (!l4a_hub_equal (before, now))
            {
              g_hash_table_insert (self->cache, GUINT_TO_POINTER (num), g_object_ref (now));
              hub_changed (self, num, first, added);
            }
        }
    }
}

static gboolean
num_of_id (L4aHubQuery *self,
           const char  *id,
           guint       *num)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT num FROM hub WHERE id = ?1");
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    *num = (guint) sqlite3_column_int64 (stmt, 0);
  finish (stmt);
  return found;
}

static void
context_changed_cb (L4aHubQuery *self,
                    L4aChanges  *changes)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean all;
  guint first, added;

  /* nobody has read the list yet: it is read as it is when asked for */
  if (self->nums == NULL ||
      (!l4a_changes_touches (changes, "hub") && !l4a_changes_touches (changes, "government") &&
       !l4a_changes_is_everything (changes)))
    return;

  ids = l4a_changes_dup_ids (changes, "hub");
  /* a government's name or place shows on each of its hubs */
  all = l4a_changes_is_everything (changes) || l4a_changes_touches (changes, "government") ||
        (l4a_changes_touches (changes, "hub") && ids == NULL) || g_strv_length (ids) > MAX_SINGLE_CHANGES;

  if (!all)
    for (guint i = 0; ids[i] != NULL; i++)
      {
        guint num;

        if (num_of_id (self, ids[i], &num))
          {
            g_hash_table_remove (self->cache, GUINT_TO_POINTER (num));
            g_array_append_val (changed, num);
          }
      }

  update (self, TRUE, &first, &added);

  if (all)
    reread_cached (self, first, added);
  else
    for (guint i = 0; i < changed->len; i++)
      hub_changed (self, g_array_index (changed, guint, i), first, added);
}

/* Filter and sort --------------------------------------------------------- */

const L4aHubFilter *
l4a_hub_query_get_filter (L4aHubQuery *self)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  return self->filter;
}

/**
 * l4a_hub_query_set_filter:
 * @filter: (nullable): what to let through, its search included; %NULL
 *   for every hub
 */
void
l4a_hub_query_set_filter (L4aHubQuery        *self,
                          const L4aHubFilter *filter)
{
  g_return_if_fail (L4A_IS_HUB_QUERY (self));

  l4a_hub_filter_free (self->filter);
  self->filter = filter ? l4a_hub_filter_copy (filter) : l4a_hub_filter_new ();
  reorder (self);
}

L4aHubSortKey
l4a_hub_query_get_sort_key (L4aHubQuery *self)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), L4A_HUB_SORT_NAME);

  return self->key;
}

gboolean
l4a_hub_query_get_descending (L4aHubQuery *self)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), FALSE);

  return self->descending;
}

void
l4a_hub_query_set_sort (L4aHubQuery   *self,
                        L4aHubSortKey  key,
                        gboolean       descending)
{
  g_return_if_fail (L4A_IS_HUB_QUERY (self));
  g_return_if_fail (key < L4A_HUB_N_SORTS);

  if (self->key == key && self->descending == !!descending)
    return;
  self->key = key;
  self->descending = !!descending;
  reorder (self);
}

/**
 * l4a_hub_query_find:
 * @position: (out) (optional): where the hub @id is
 *
 * Returns: whether the hub @id is in the list
 */
gboolean
l4a_hub_query_find (L4aHubQuery *self,
                    const char  *id,
                    guint       *position)
{
  guint num, found;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!num_of_id (self, id, &num) || !position_of (self, num, &found))
    return FALSE;
  if (position != NULL)
    *position = found;
  return TRUE;
}

/**
 * l4a_hub_query_is_whole:
 *
 * A long list shows the first part of a new order at once, the rest read
 * in the context's reading thread; rows asked for beyond it are read at
 * once too.
 *
 * Returns: whether the whole order is known
 */
gboolean
l4a_hub_query_is_whole (L4aHubQuery *self)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), FALSE);

  return self->nums == NULL || self->known == self->nums->len;
}

/**
 * l4a_hub_query_hold_reading:
 * @hold: whether the rest of a long order waits
 *
 * While held, the rest of a long order is not read beside the main
 * thread, which has the processor to itself (a window's first frame);
 * once released, the rest is read if it is still wanted. Rows asked for
 * beyond the first part are read at once either way.
 */
void
l4a_hub_query_hold_reading (L4aHubQuery *self,
                            gboolean     hold)
{
  g_return_if_fail (L4A_IS_HUB_QUERY (self));

  self->held = hold;
  /* a part whose rest no read is giving: it waited */
  if (!hold && self->reading == NULL && !l4a_hub_query_is_whole (self))
    read_rest (self);
}

/**
 * l4a_hub_query_get_nums:
 *
 * Returns: (array length=n_nums) (transfer none): the hubs' numbers, in
 *   the list's order, until the list changes
 */
const guint *
l4a_hub_query_get_nums (L4aHubQuery *self,
                        guint       *n_nums)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  nums_of (self);
  complete (self, TRUE);
  /* the registry changed since the first part was read: read again */
  if (self->known < self->nums->len)
    l4a_hub_query_refresh (self);
  *n_nums = self->nums->len;
  return (const guint *) self->nums->data;
}

/**
 * l4a_hub_query_count_all:
 *
 * Returns: how many hubs the registry holds, the filter aside
 */
guint
l4a_hub_query_count_all (L4aHubQuery *self)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), 0);

  if (self->total == G_MAXUINT)
    {
      sqlite3_stmt *stmt = prepare (self, "SELECT count(*) FROM hub_facet");

      self->total = 0;
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        self->total = (guint) sqlite3_column_int64 (stmt, 0);
      if (stmt != NULL)
        finish (stmt);
    }
  return self->total;
}

/* Counts ------------------------------------------------------------------ */

static GHashTable *
count_by (L4aHubQuery *self,
          const char  *column,
          gboolean     any_country)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s, count(*) FROM hub_facet f", column);
  g_autofree char *tail = g_strdup_printf (" AND %s IS NOT NULL GROUP BY %s", column, column);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = start (self, select, any_country, tail);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
  if (stmt != NULL)
    finish (stmt);
  return counts;
}

/**
 * l4a_hub_query_count_regions:
 *
 * Returns: (transfer full) (element-type utf8 guint): how many hubs of
 *   the list each region has, by region code
 */
GHashTable *
l4a_hub_query_count_regions (L4aHubQuery *self)
{
  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  return count_by (self, "f.region", FALSE);
}

void
l4a_place_count_free (L4aPlaceCount *count)
{
  if (count == NULL)
    return;
  g_free (count->government_id);
  g_free (count->government);
  g_free (count->country);
  g_free (count->region);
  g_free (count);
}

/**
 * l4a_hub_query_count_places:
 * @any_country: whether to count every country, the country filter aside
 *
 * Returns: (transfer full) (element-type L4aPlaceCount): how many hubs of
 *   the list each lead government has, with where it is, for the map
 */
GPtrArray *
l4a_hub_query_count_places (L4aHubQuery *self,
                            gboolean     any_country)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_place_count_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  /* counted from the index by government alone, then one look-up each */
  stmt = start (self, "SELECT g.id, g.name, g.country, g.region, g.latitude, g.longitude, c.n "
                      "FROM (SELECT f.government_id AS id, count(*) AS n FROM hub_facet f", any_country,
                " GROUP BY f.government_id) c JOIN government g ON g.id = c.id");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      L4aPlaceCount *count = g_new0 (L4aPlaceCount, 1);

      count->government_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->government = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      count->country = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      count->region = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      count->located = sqlite3_column_type (stmt, 4) != SQLITE_NULL && sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      count->latitude = sqlite3_column_double (stmt, 4);
      count->longitude = sqlite3_column_double (stmt, 5);
      count->count = (guint) sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (counts, count);
    }
  if (stmt != NULL)
    finish (stmt);
  return counts;
}

/**
 * l4a_hub_query_dup_names_led_by:
 * @government_ids: the lead governments
 * @max_names: at most this many
 *
 * Returns: (transfer full) (element-type utf8): the names of the list's
 *   hubs led by @government_ids, by name
 */
GPtrArray *
l4a_hub_query_dup_names_led_by (L4aHubQuery        *self,
                                const char * const *government_ids,
                                gboolean            any_country,
                                guint               max_names)
{
  g_autofree char *tail = g_strdup_printf (" AND f.government_id IN (SELECT value FROM json_each (:in_governments)) "
                                           "ORDER BY %s, f.num LIMIT %u",
                                           keys_stale (self->store) ? NAME_KEY_STALE : NAME_KEY, max_names);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *ids = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);
  g_return_val_if_fail (government_ids != NULL, names);

  json_builder_begin_array (builder);
  for (guint i = 0; government_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, government_ids[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  ids = json_to_string (root, FALSE);

  stmt = start (self, "SELECT f.name FROM hub_facet f", any_country, tail);
  if (stmt != NULL)
    bind_text (stmt, ":in_governments", ids);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (stmt != NULL)
    finish (stmt);
  return names;
}

/**
 * l4a_hub_query_dup_names:
 * @country: a country code
 * @max_names: at most this many
 *
 * Returns: (transfer full) (element-type utf8): the names of the list's
 *   hubs in @country, by name
 */
GPtrArray *
l4a_hub_query_dup_names (L4aHubQuery *self,
                         const char  *country,
                         gboolean     any_country,
                         guint        max_names)
{
  g_autofree char *tail = g_strdup_printf (" AND f.country = :in_country ORDER BY %s, f.num LIMIT %u",
                                           keys_stale (self->store) ? NAME_KEY_STALE : NAME_KEY, max_names);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);
  g_return_val_if_fail (country != NULL, names);

  stmt = start (self, "SELECT f.name FROM hub_facet f", any_country, tail);
  if (stmt != NULL)
    bind_text (stmt, ":in_country", country);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (stmt != NULL)
    finish (stmt);
  return names;
}

/**
 * l4a_hub_query_count_sdgs:
 * @counts: (out caller-allocates): hubs per goal, 1 to 17; a hub counts
 *   once for each of its goals
 */
void
l4a_hub_query_count_sdgs (L4aHubQuery *self,
                          guint        counts[L4A_N_SDGS + 1])
{
  sqlite3_stmt *stmt;

  g_return_if_fail (L4A_IS_HUB_QUERY (self));

  memset (counts, 0, sizeof (guint) * (L4A_N_SDGS + 1));
  /* a few hundred sets of goals, counted from their index; each set's
   * hubs count for each of its goals */
  stmt = start (self, "SELECT f.sdgs, count(*) FROM hub_facet f", FALSE, " GROUP BY f.sdgs");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint64 sdgs = (guint64) sqlite3_column_int64 (stmt, 0);
      guint n = (guint) sqlite3_column_int64 (stmt, 1);

      for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
        if (sdgs & (G_GUINT64_CONSTANT (1) << goal))
          counts[goal] += n;
    }
  if (stmt != NULL)
    finish (stmt);
}

/**
 * l4a_hub_query_link_places:
 * @any_country: whether to take every country, the country filter aside
 *
 * Returns: (transfer full) (element-type utf8): the lead governments of
 *   the accepted links between two hubs of the list, two by two, for the
 *   map
 */
GPtrArray *
l4a_hub_query_link_places (L4aHubQuery *self,
                           gboolean     any_country)
{
  g_autoptr(GString) shown = g_string_new ("SELECT f.num FROM hub_facet f");
  g_autoptr(GString) sql = NULL;
  g_autofree char *fts = NULL;
  GPtrArray *places = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  fts = l4a_fts_query_from_text (self->filter->search);
  append_where (shown, self->filter, fts, any_country, READ_SCAN);
  sql = g_string_new (NULL);
  g_string_printf (sql,
                   "SELECT fa.government_id, fb.government_id FROM hub_link l "
                   "JOIN hub a ON a.id = l.hub_id JOIN hub b ON b.id = l.other_id "
                   "JOIN hub_facet fa ON fa.num = a.num JOIN hub_facet fb ON fb.num = b.num "
                   "WHERE l.status = 'accepted' AND fa.country IS NOT NULL AND fb.country IS NOT NULL "
                   "AND a.num IN (%s) AND b.num IN (%s)", shown->str, shown->str);
  stmt = prepare (self, sql->str);
  if (stmt != NULL)
    bind_filter (stmt, self->filter, fts);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (places, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (places, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (stmt != NULL)
    finish (stmt);
  return places;
}

/**
 * l4a_hub_query_ending_last:
 * @max_hubs: at most this many
 *
 * Returns: (transfer full) (element-type L4aHub): the hubs of the list
 *   that end last, the latest first, for the timeline
 */
GPtrArray *
l4a_hub_query_ending_last (L4aHubQuery *self,
                           guint        max_hubs)
{
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *tail = g_strdup_printf (" ORDER BY f.end_on DESC, f.num LIMIT %u", max_hubs);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *hubs;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  stmt = start (self, "SELECT f.num FROM hub_facet f", FALSE, tail);
  if (stmt != NULL)
    append_nums (stmt, nums, 0);
  hubs = l4a_registry_get_hubs (self->store, (guint *) nums->data, nums->len, &error);
  if (hubs == NULL)
    {
      g_warning ("The registry cannot be read: %s", error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  return hubs;
}

/**
 * l4a_hub_query_dup_countries:
 *
 * Returns: (transfer full) (element-type utf8): the countries that have
 *   hubs, the filter aside
 */
GPtrArray *
l4a_hub_query_dup_countries (L4aHubQuery *self)
{
  GPtrArray *countries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), NULL);

  stmt = prepare (self, "SELECT DISTINCT country FROM hub_facet WHERE country IS NOT NULL");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (countries, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (stmt != NULL)
    finish (stmt);
  return countries;
}

/**
 * l4a_hub_query_get_years:
 * @first: (out): the first year a hub starts in
 * @last: (out): the last year a hub ends in
 *
 * Returns: whether there are hubs, the filter aside
 */
gboolean
l4a_hub_query_get_years (L4aHubQuery *self,
                         int         *first,
                         int         *last)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (L4A_IS_HUB_QUERY (self), FALSE);

  stmt = prepare (self, "SELECT min (start_on), max (end_on) FROM hub_facet");
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *first = atoi ((const char *) sqlite3_column_text (stmt, 0));
      *last = atoi ((const char *) sqlite3_column_text (stmt, 1));
      found = TRUE;
    }
  if (stmt != NULL)
    finish (stmt);
  return found;
}

/* GListModel -------------------------------------------------------------- */

static GType
list_model_get_item_type (GListModel *model)
{
  return L4A_TYPE_HUB;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return nums_of (L4A_HUB_QUERY (model))->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  L4aHubQuery *self = L4A_HUB_QUERY (model);
  gpointer key;
  L4aHub *hub;

  if (position >= nums_of (self)->len)
    return NULL;
  /* beyond the part read, before the rest came from the reading thread */
  if (position >= self->known)
    complete (self, FALSE);

  key = GUINT_TO_POINTER (g_array_index (self->nums, guint, position));
  hub = g_hash_table_lookup (self->cache, key);
  if (hub == NULL)
    {
      read_page (self, position);
      hub = g_hash_table_lookup (self->cache, key);
    }
  if (hub == NULL)
    {
      /* gone since the order was read, by a write not announced yet: an
       * empty row until the announcement comes */
      L4aHubRow row = { .id = "", .name = "", .num = GPOINTER_TO_UINT (key) };

      return l4a_hub_new_row (&row);
    }
  return g_object_ref (hub);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* GObject ------------------------------------------------------------------ */

static void
l4a_hub_query_dispose (GObject *object)
{
  L4aHubQuery *self = (L4aHubQuery *)object;

  l4a_lazy_unfollow (&self->follow);
  stop_reading (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (l4a_hub_query_parent_class)->dispose (object);
}

static void
l4a_hub_query_finalize (GObject *object)
{
  L4aHubQuery *self = (L4aHubQuery *)object;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->nums, g_array_unref);
  g_clear_pointer (&self->filter, l4a_hub_filter_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (l4a_hub_query_parent_class)->finalize (object);
}

static void
l4a_hub_query_class_init (L4aHubQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_hub_query_dispose;
  object_class->finalize = l4a_hub_query_finalize;
}

static void
l4a_hub_query_init (L4aHubQuery *self)
{
  self->filter = l4a_hub_filter_new ();
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->total = G_MAXUINT;
}

/**
 * l4a_hub_query_new_for_store:
 *
 * Returns: (transfer full): every hub of @store, by name until a filter
 *   or a sort is set; it follows no change (see l4a_hub_query_new())
 */
L4aHubQuery *
l4a_hub_query_new_for_store (L4aStore *store)
{
  L4aHubQuery *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  self = g_object_new (L4A_TYPE_HUB_QUERY, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * l4a_hub_query_new:
 *
 * Returns: (transfer full): every hub of @context, by name, kept in line
 *   with what changes in it
 */
L4aHubQuery *
l4a_hub_query_new (L4aContext *context)
{
  L4aHubQuery *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  self = l4a_hub_query_new_for_store (l4a_context_get_store (context));
  l4a_lazy_follow (&self->follow, context, G_CALLBACK (context_changed_cb), self);
  return self;
}
