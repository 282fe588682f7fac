/* l4a-registry.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-registry"

#include "config.h"

#include <json-glib/json-glib.h>

#include "l4a-hub.h"
#include "l4a-reference.h"
#include "l4a-proposal.h"
#include "l4a-registry.h"
#include "l4a-store-private.h"

/* The SDG goals of a record as a bit mask: bit n is goal n. */
#define SDG_MASK(table, key) \
  "(SELECT coalesce (sum (1 << goal), 0) FROM " table " s WHERE s." key " = r.id)"

/**
 * l4a_fts_query_from_text:
 * @text: (nullable): what the user typed
 *
 * Turns typed words into an FTS5 query in which every word is a quoted
 * prefix term, so that quotes, `*`, `-`, `NEAR` or parentheses are only
 * ever searched as text and never parsed as query syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has
 *   no word to search for
 */
char *
l4a_fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  query = g_string_new (NULL);
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

char *
l4a_sdgs_to_string (guint sdgs)
{
  GString *text = g_string_new (NULL);

  for (guint goal = 1; goal <= 17; goal++)
    if (sdgs & (1u << goal))
      g_string_append_printf (text, "%s%u", text->len ? ", " : "", goal);

  return g_string_free (text, FALSE);
}

static void
bind_query (sqlite3_stmt   *stmt,
            const L4aQuery *query,
            const char     *fts)
{
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, query ? query->region : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, query ? query->status : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, query ? (int) query->sdg : 0);
  sqlite3_bind_text (stmt, 5, query ? query->call : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, query ? query->government : NULL, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Hubs as lists show them, from a statement whose columns are those of
 * HUB_COLUMNS; each is added to @items. */
#define HUB_COLUMNS \
  "r.id, r.name, g.name, g.id, g.country, g.region, r.pact_axis, r.status, r.start_on, r.end_on, r.format, " \
  "r.label_date, r.proposal_id, r.num, coalesce (f.sdgs, 0), coalesce (f.councils, 0), r.sample "
#define HUB_TABLES \
  "hub r JOIN government g ON g.id = r.government_id LEFT JOIN hub_facet f ON f.num = r.num "

static gboolean
read_hubs (L4aStore      *store,
           sqlite3_stmt  *stmt,
           GPtrArray     *items,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aHubRow row = {
        .id = column_text (stmt, 0),
        .name = column_text (stmt, 1),
        .government = column_text (stmt, 2),
        .government_id = column_text (stmt, 3),
        .country = column_text (stmt, 4),
        .region = column_text (stmt, 5),
        .pact_axis = column_text (stmt, 6),
        .status = column_text (stmt, 7),
        .start = column_text (stmt, 8),
        .end = column_text (stmt, 9),
        .format = column_text (stmt, 10),
        .label_date = column_text (stmt, 11),
        .proposal_id = column_text (stmt, 12),
        .num = (guint) sqlite3_column_int64 (stmt, 13),
        .sdgs = (guint) sqlite3_column_int64 (stmt, 14),
        .councils = (guint) sqlite3_column_int64 (stmt, 15),
        .sample = sqlite3_column_int (stmt, 16) != 0,
      };

      g_ptr_array_add (items, l4a_hub_new_row (&row));
    }
  return l4a_store_rows_done (store, rc, error);
}

/* ?1 is one hub's id, or NULL for all */
static GPtrArray *
query_hubs (L4aStore    *store,
            const char  *id,
            GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT " HUB_COLUMNS "FROM " HUB_TABLES
                            "WHERE ?1 IS NULL OR r.id = ?1 "
                            /* the key another program left empty is
                             * made as the commit would (fill_sort_keys()) */
                            "ORDER BY coalesce (f.name_key, l4a_fold (r.name)), r.num",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!read_hubs (store, stmt, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

/**
 * l4a_registry_get_hubs:
 * @nums: the hubs' l4a_hub_get_num()
 *
 * Reads the hubs @nums at once, for a list that shows them a page at a
 * time.
 *
 * Returns: (transfer full) (element-type L4aHub): the hubs there are, in
 *   the order of @nums (a number no hub has is left out), or %NULL with
 *   @error set
 */
GPtrArray *
l4a_registry_get_hubs (L4aStore     *store,
                       const guint  *nums,
                       guint         n_nums,
                       GError      **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  return l4a_store_read_numbered (store, "SELECT " HUB_COLUMNS "FROM json_each (?1) j CROSS JOIN " HUB_TABLES
                                         "WHERE r.num = j.value ORDER BY j.key",
                                  nums, n_nums, read_hubs, NULL, error);
}

/**
 * l4a_registry_list_hubs:
 *
 * Lists every hub, sorted by name; narrow it with #L4aHubFilter. The list
 * leaves out the summary, which only a hub's page shows.
 *
 * Returns: (transfer full): a list of #L4aHub, or %NULL with @error set
 */
GListModel *
l4a_registry_list_hubs (L4aStore  *store,
                        GError   **error)
{
  g_autoptr(GListStore) hubs = g_list_store_new (L4A_TYPE_HUB);
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  items = query_hubs (store, NULL, error);
  if (items == NULL)
    return NULL;

  /* One splice, so that a view sees one change for the whole list. */
  g_list_store_splice (hubs, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&hubs));
}

/**
 * l4a_registry_get_hub:
 *
 * Returns: (transfer full) (nullable): the hub @id as lists show it, or
 *   %NULL when there is none (then @error is set only for a database error)
 */
L4aHub *
l4a_registry_get_hub (L4aStore    *store,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  items = query_hubs (store, id, error);
  if (items == NULL || items->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (items, 0));
}

/* Proposals as lists show them: the columns read_proposals() takes, the
 * tables they come from, what narrows them (an L4aQuery bound by
 * bind_query(), and ?7 this workstation's government) and their order. */
#define PROPOSAL_COLUMNS \
  "r.id, r.title, r.summary, g.name, g.country, g.region, c.title, r.state, r.submitted_at, r.version, " \
  SDG_MASK ("proposal_sdg", "proposal_id") ", r.sample, " \
  /* submitted by this workstation's government, not yet sent as it is */ \
  "r.state = 'submitted' AND r.government_id IS ?7 AND NOT EXISTS (SELECT 1 FROM sent_proposal s " \
  "WHERE s.proposal_id = r.id AND s.revision >= r.revision), r.num "
#define PROPOSAL_TABLES \
  "proposal r JOIN government g ON g.id = r.government_id JOIN call c ON c.id = r.call_id "
/* The conditions of @query that narrow anything, each with its parameter
 * (bind_query()): only those, so that SQLite can use the index of one (a
 * call's proposals, a state's) where "?N IS NULL OR …" made it read every
 * proposal (a filter of state and call took 20 ms at 100 000 proposals). */
static char *
proposal_where (const L4aQuery *query,
                const char     *fts)
{
  GString *where = g_string_new ("WHERE 1 ");

  if (fts != NULL)
    g_string_append (where, "AND r.num IN (SELECT rowid FROM proposal_fts WHERE proposal_fts MATCH ?1) ");
  if (query != NULL && query->region != NULL)
    g_string_append (where, "AND r.government_id IN (SELECT id FROM government WHERE region = ?2) ");
  if (query != NULL && query->status != NULL)
    g_string_append (where, "AND r.state = ?3 ");
  if (query != NULL && query->sdg != 0)
    g_string_append (where, "AND EXISTS (SELECT 1 FROM proposal_sdg s WHERE s.proposal_id = r.id AND s.goal = ?4) ");
  if (query != NULL && query->call != NULL)
    g_string_append (where, "AND r.call_id = ?5 ");
  if (query != NULL && query->government != NULL)
    g_string_append (where, "AND r.government_id = ?6 ");
  return g_string_free (where, FALSE);
}
/* what the order needs of them: not their governments */
#define PROPOSAL_ORDER_TABLES \
  "proposal r JOIN call c ON c.id = r.call_id "
#define PROPOSAL_ORDER \
  "ORDER BY c.opens_on DESC, r.title COLLATE NOCASE, r.id"

/* ?7: the government this workstation works for, whose proposals not
 * yet sent are marked */
static void
bind_unsent (L4aStore     *store,
             sqlite3_stmt *stmt)
{
  if (l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT)
    sqlite3_bind_text (stmt, 7, l4a_store_get_identity (store), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
}

static gboolean
read_proposals (L4aStore      *store,
                sqlite3_stmt  *stmt,
                GPtrArray     *items,
                GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, g_object_new (L4A_TYPE_PROPOSAL,
                                          "id", column_text (stmt, 0),
                                          "title", column_text (stmt, 1),
                                          "summary", column_text (stmt, 2),
                                          "government", column_text (stmt, 3),
                                          "country", column_text (stmt, 4),
                                          "region", column_text (stmt, 5),
                                          "call", column_text (stmt, 6),
                                          "state", column_text (stmt, 7),
                                          "submitted", column_text (stmt, 8),
                                          "version", (guint) sqlite3_column_int (stmt, 9),
                                          "sdgs", (guint) sqlite3_column_int64 (stmt, 10),
                                          "sample", sqlite3_column_int (stmt, 11) != 0,
                                          "unsent", sqlite3_column_int (stmt, 12) != 0,
                                          "num", (guint) sqlite3_column_int64 (stmt, 13),
                                          NULL));
  return l4a_store_rows_done (store, rc, error);
}

/**
 * l4a_registry_list_proposals:
 *
 * Returns: (transfer full): a list of #L4aProposal sorted by call and
 *   title, or %NULL with @error set
 */
GListModel *
l4a_registry_list_proposals (L4aStore        *store,
                             const L4aQuery  *query,
                             GError         **error)
{
  g_autoptr(GListStore) proposals = g_list_store_new (L4A_TYPE_PROPOSAL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = l4a_fts_query_from_text (query ? query->search : NULL);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  where = proposal_where (query, fts);
  sql = g_strconcat ("SELECT " PROPOSAL_COLUMNS "FROM " PROPOSAL_TABLES, where, PROPOSAL_ORDER, NULL);
  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_query (stmt, query, fts);
  bind_unsent (store, stmt);
  if (!read_proposals (store, stmt, items, error))
    return NULL;
  g_list_store_splice (proposals, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&proposals));
}

/**
 * l4a_registry_proposal_nums:
 * @limit: how many of the first to read; 0 for all
 *
 * The order of l4a_registry_list_proposals() without reading the
 * proposals: for a list that reads them a page at a time.
 *
 * Returns: (transfer full) (element-type guint): the numbers
 *   (l4a_proposal_get_num()) of the proposals @query lets through, in the
 *   list's order, or %NULL with @error set
 */
GArray *
l4a_registry_proposal_nums (L4aStore        *store,
                            const L4aQuery  *query,
                            guint            limit,
                            GError         **error)
{
  g_autofree char *fts = l4a_fts_query_from_text (query ? query->search : NULL);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  /* SQLite keeps only the first ones while it sorts (a fifth of the time
   * at 100 000 proposals); a statement for each set of conditions (64 at
   * most), kept */
  where = proposal_where (query, fts);
  sql = g_strconcat ("SELECT r.num FROM " PROPOSAL_ORDER_TABLES, where, PROPOSAL_ORDER " LIMIT ?8", NULL);
  stmt = l4a_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, fts);
  sqlite3_bind_int64 (stmt, 8, limit > 0 ? (gint64) limit : -1);
  return l4a_store_read_nums (store, stmt, error);
}

/**
 * l4a_query_is_empty:
 *
 * Returns: whether @query lets everything through: no word to search for
 *   (blank or punctuation only), nothing narrowed
 */
gboolean
l4a_query_is_empty (const L4aQuery *query)
{
  g_autofree char *fts = query != NULL ? l4a_fts_query_from_text (query->search) : NULL;

  return query == NULL || (fts == NULL && query->region == NULL && query->status == NULL && query->call == NULL &&
                           query->government == NULL && query->sdg == 0);
}

/**
 * l4a_registry_count_proposals:
 * @few: how many are few
 * @n: (out): how many
 *
 * How many proposals there are, every one (what
 * l4a_registry_proposal_nums() gives for an empty query, l4a_query_is_empty());
 * not counted when the database holds no more than @few, @n then being at
 * most @few.
 *
 * Returns: %FALSE with @error set if they cannot be counted
 */
gboolean
l4a_registry_count_proposals (L4aStore  *store,
                              guint      few,
                              guint     *n,
                              GError   **error)
{
  /* no more proposals than the largest number, found at once; else
   * counted from the smallest index (every proposal has its call: NOT
   * NULL REFERENCES; should another program break that, the order read
   * corrects the count) */
  const char *sql[] = { "SELECT max (num) FROM proposal", "SELECT count (*) FROM proposal" };

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = l4a_store_prepare_cached (store, sql[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      *n = rc == SQLITE_ROW ? (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT) : 0;
      if (rc != SQLITE_ROW)
        l4a_store_set_sqlite_error (store, rc, NULL, error);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return FALSE;
      if (*n <= few)
        return TRUE;
    }
  return TRUE;
}

/**
 * l4a_registry_get_proposals:
 * @nums: the proposals' l4a_proposal_get_num()
 *
 * Reads the proposals @nums at once, as l4a_registry_list_proposals()
 * shows them.
 *
 * Returns: (transfer full) (element-type L4aProposal): the proposals there
 *   are, in the order of @nums (a number no proposal has is left out), or
 *   %NULL with @error set
 */
GPtrArray *
l4a_registry_get_proposals (L4aStore     *store,
                            const guint  *nums,
                            guint         n_nums,
                            GError      **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  return l4a_store_read_numbered (store, "SELECT " PROPOSAL_COLUMNS "FROM json_each (?1) j CROSS JOIN " PROPOSAL_TABLES
                                         "WHERE r.num = j.value ORDER BY j.key",
                                  nums, n_nums, read_proposals, bind_unsent, error);
}

/**
 * l4a_registry_list_identities:
 * @ids: (element-type utf8): filled with record ids
 * @names: (element-type utf8): filled with their names, in the same order
 *
 * Lists who a workstation of @role can be: board members for
 * %L4A_ROLE_MEMBER, governments for %L4A_ROLE_GOVERNMENT, nobody for the
 * secretariat.
 */
gboolean
l4a_registry_list_identities (L4aStore   *store,
                              L4aRole     role,
                              GPtrArray  *ids,
                              GPtrArray  *names,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL && names != NULL, FALSE);

  if (role == L4A_ROLE_MEMBER)
    sql = "SELECT id, name FROM member ORDER BY name COLLATE NOCASE, id";
  else if (role == L4A_ROLE_GOVERNMENT)
    sql = "SELECT id, name FROM government ORDER BY name COLLATE NOCASE, id";
  else
    return TRUE;

  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup (column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup (column_text (stmt, 1)));
    }

  return l4a_store_rows_done (store, rc, error);
}

static void
call_info_free (gpointer data)
{
  L4aCallInfo *call = data;

  g_free (call->id);
  g_free (call->title);
  g_free (call->status);
  g_free (call->opens_on);
  g_free (call->closes_on);
  g_free (call);
}

/**
 * l4a_registry_list_calls:
 *
 * Returns: (transfer full) (element-type L4aCallInfo): the calls for
 *   proposals, the latest first
 */
GPtrArray *
l4a_registry_list_calls (L4aStore  *store,
                         GError   **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (call_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  stmt = l4a_store_prepare (store, "SELECT id, title, status, opens_on, closes_on FROM call "
                                   "ORDER BY opens_on DESC, title", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aCallInfo *call = g_new0 (L4aCallInfo, 1);

      call->id = g_strdup (column_text (stmt, 0));
      call->title = g_strdup (column_text (stmt, 1));
      call->status = g_strdup (column_text (stmt, 2));
      call->opens_on = g_strdup (column_text (stmt, 3));
      call->closes_on = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (calls, call);
    }

  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&calls);
}

/* Whether @call takes proposals today. */
gboolean
l4a_call_info_is_open (const L4aCallInfo *call)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return g_strcmp0 (call->status, "open") == 0 && g_strcmp0 (today, call->opens_on) >= 0 &&
         g_strcmp0 (today, call->closes_on) <= 0;
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
hub_to_json (L4aHub *hub)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_text (builder, "id", l4a_hub_get_id (hub));
  add_text (builder, "name", l4a_hub_get_name (hub));
  add_text (builder, "government", l4a_hub_get_government (hub));
  add_text (builder, "country", l4a_hub_get_country (hub));
  add_text (builder, "region", l4a_hub_get_region (hub));
  json_builder_set_member_name (builder, "sdgs");
  json_builder_begin_array (builder);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (l4a_hub_get_sdgs (hub) & (1u << goal))
      json_builder_add_int_value (builder, goal);
  json_builder_end_array (builder);
  add_text (builder, "pact_axis", l4a_hub_get_pact_axis (hub));
  add_text (builder, "status", l4a_hub_get_status (hub));
  add_text (builder, "start", l4a_hub_get_start (hub));
  add_text (builder, "end", l4a_hub_get_end (hub));
  json_builder_set_member_name (builder, "sample");
  json_builder_add_boolean_value (builder, l4a_hub_get_sample (hub));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * l4a_registry_write_hubs_json:
 * @hubs: (element-type L4aHub): hubs
 * @out: where to write
 *
 * Writes @hubs as the command line's `list hubs --json` and the published
 * site's download give them: an array of one object per hub, indented as
 * json-glib indents, and a new line. A hub at a time: the text of 100 000
 * hubs is 35 MB, their tree as json-glib holds it ten times that.
 */
gboolean
l4a_registry_write_hubs_json (GListModel    *hubs,
                              GOutputStream *out,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (hubs);

  g_return_val_if_fail (G_IS_LIST_MODEL (hubs), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (n == 0)
    return g_output_stream_write_all (out, "[]\n", 3, NULL, cancellable, error);
  g_string_append (text, "[\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);
      g_autoptr(JsonNode) node = hub_to_json (hub);
      g_autofree char *object = json_to_string (node, TRUE);

      /* one level deeper: a string's new lines are escaped, so a new line
       * here starts a line of the object */
      g_string_append (text, "  ");
      for (const char *c = object; *c != '\0'; c++)
        {
          g_string_append_c (text, *c);
          if (*c == '\n')
            g_string_append (text, "  ");
        }
      g_string_append (text, i + 1 < n ? ",\n" : "\n");
      if (text->len > 65536 || i + 1 == n)
        {
          if (i + 1 == n)
            g_string_append (text, "]\n");
          if (!g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (text, 0);
        }
    }
  return TRUE;
}
