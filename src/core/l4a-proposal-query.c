/* l4a-proposal-query.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposal-query"

#include "config.h"

#include "l4a-proposal.h"
#include "l4a-proposal-query.h"

/**
 * L4aProposalQuery:
 *
 * The proposals an #L4aQuery lets through, as a lazy, live #L4aLazyList of
 * #L4aProposal in the order of l4a_registry_list_proposals(), however many
 * the database holds: it knows the proposals' row numbers in order, reads
 * a proposal only when a row asks for it, a page at a time, and follows
 * #L4aContext::changed: a change reaches the list as one items-changed
 * over the part of the order that differs, and a row whose proposal now
 * reads otherwise (its state, its government's name) as a change of that
 * row alone. A read that fails leaves the list as it was and emits
 * #L4aLazyList::failed.
 */

/* What the order depends on, for the reading thread too */
typedef struct
{
  char  *search;
  char  *region;
  char  *status;
  char  *call;
  char  *government;
  guint  sdg;
} OrderQuery;

struct _L4aProposalQuery
{
  L4aLazyList  parent_instance;

  gboolean     queried;   /* reads nothing until given its query */
  /* who the rows read were read for (a government's unsent proposals) */
  L4aRole      read_role;
  char        *read_identity;
  OrderQuery   query;
};

G_DEFINE_FINAL_TYPE (L4aProposalQuery, l4a_proposal_query, L4A_TYPE_LAZY_LIST)

static void
order_query_set (OrderQuery     *query,
                 const L4aQuery *from)
{
  g_free (query->search);
  g_free (query->region);
  g_free (query->status);
  g_free (query->call);
  g_free (query->government);
  query->search = g_strdup (from ? from->search : NULL);
  query->region = g_strdup (from ? from->region : NULL);
  query->status = g_strdup (from ? from->status : NULL);
  query->call = g_strdup (from ? from->call : NULL);
  query->government = g_strdup (from ? from->government : NULL);
  query->sdg = from ? from->sdg : 0;
}

static L4aQuery
query_of (const OrderQuery *query)
{
  return (L4aQuery) { query->search, query->region, query->status, query->call, query->government, query->sdg };
}

static void
order_query_free (gpointer data)
{
  order_query_set (data, NULL);
  g_free (data);
}

/* the query, as the workstation's role has it read */
static gpointer
order_query (L4aLazyList *list)
{
  L4aProposalQuery *self = L4A_PROPOSAL_QUERY (list);
  L4aStore *store = l4a_lazy_list_get_store (list);
  L4aRole role = l4a_store_get_role (store);
  L4aQuery query = query_of (&self->query);
  OrderQuery *copy;

  /* a board member reads the proposals assigned to them elsewhere, never
   * this list; a local government, its own whatever the query says */
  if (!self->queried || role == L4A_ROLE_MEMBER)
    return NULL;
  if (role == L4A_ROLE_GOVERNMENT)
    query.government = l4a_store_get_identity (store) ? l4a_store_get_identity (store) : "";
  copy = g_new0 (OrderQuery, 1);
  order_query_set (copy, &query);
  return copy;
}

static gboolean
count_with (L4aStore  *store,
            gpointer   data,
            guint     *n,
            GError   **error)
{
  L4aQuery query = query_of (data);

  /* a search or a filter is counted by reading as many proposals as its
   * sort does (the query's ?N IS NULL OR … spares no index), and what
   * passes one is seldom long: read whole, as for a short order */
  if (!l4a_query_is_empty (&query))
    {
      *n = 0;
      return TRUE;
    }
  return l4a_registry_count_proposals (store, L4A_LAZY_LIST_LONG, n, error);
}

static GArray *
order_with (L4aStore  *store,
            gpointer   data,
            guint      limit,
            GError   **error)
{
  L4aQuery query = query_of (data);

  return l4a_registry_proposal_nums (store, &query, limit, error);
}

static GPtrArray *
read_rows (L4aLazyList  *list,
           const guint  *nums,
           guint         n_nums,
           GError      **error)
{
  return l4a_registry_get_proposals (l4a_lazy_list_get_store (list), nums, n_nums, error);
}

static guint
num_of (gpointer row)
{
  return l4a_proposal_get_num (row);
}

/* What a row shows comes from these kinds of record (a partner's name is
 * searched with its proposal's words; a proposal sent is no longer unsent). */
static gboolean
concerns (L4aLazyList *list,
          L4aChanges  *changes)
{
  static const char * const shown_kinds[] = {
    "proposal", "call", "government", "partner", "proposal_sdg", "sent_proposal", NULL
  };

  return l4a_changes_touches_any (changes, shown_kinds);
}

/**
 * l4a_proposal_query_set_query:
 * @query: (nullable): what to let through; %NULL for every proposal
 *
 * Narrows the list to @query (copied), read again for the workstation's
 * role as it is now: a local government's own proposals only (those not
 * yet sent marked), whatever @query says; none for a board member. Until
 * its first query the list reads nothing.
 *
 * Returns: %FALSE with @error set if the proposals cannot be read; the
 *   list is then as it was
 */
gboolean
l4a_proposal_query_set_query (L4aProposalQuery  *self,
                              const L4aQuery    *query,
                              GError           **error)
{
  L4aStore *store;
  gboolean reread;

  g_return_val_if_fail (L4A_IS_PROPOSAL_QUERY (self), FALSE);

  order_query_set (&self->query, query);
  self->queried = TRUE;
  /* the rows read before read the same unless the workstation acts for
   * someone else now */
  store = l4a_lazy_list_get_store (L4A_LAZY_LIST (self));
  reread = l4a_store_get_role (store) != self->read_role ||
           g_strcmp0 (l4a_store_get_identity (store), self->read_identity) != 0;
  self->read_role = l4a_store_get_role (store);
  g_free (self->read_identity);
  self->read_identity = g_strdup (l4a_store_get_identity (store));
  return l4a_lazy_list_update (L4A_LAZY_LIST (self), reread, error);
}

static void
l4a_proposal_query_finalize (GObject *object)
{
  L4aProposalQuery *self = (L4aProposalQuery *)object;

  order_query_set (&self->query, NULL);
  g_free (self->read_identity);

  G_OBJECT_CLASS (l4a_proposal_query_parent_class)->finalize (object);
}

static void
l4a_proposal_query_class_init (L4aProposalQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  L4aLazyListClass *list_class = L4A_LAZY_LIST_CLASS (klass);

  object_class->finalize = l4a_proposal_query_finalize;
  list_class->row_type = L4A_TYPE_PROPOSAL;
  list_class->order_query = order_query;
  list_class->query_free = order_query_free;
  list_class->count_with = count_with;
  list_class->order_with = order_with;
  list_class->read_rows = read_rows;
  list_class->num_of = num_of;
  list_class->concerns = concerns;
}

static void
l4a_proposal_query_init (L4aProposalQuery *self)
{
}

/**
 * l4a_proposal_query_new:
 *
 * Returns: (transfer full): an empty list of @context's proposals; give it
 *   its query with l4a_proposal_query_set_query()
 */
L4aProposalQuery *
l4a_proposal_query_new (L4aContext *context)
{
  L4aProposalQuery *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  self = g_object_new (L4A_TYPE_PROPOSAL_QUERY, NULL);
  l4a_lazy_list_follow (L4A_LAZY_LIST (self), context);
  return self;
}
