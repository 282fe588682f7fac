/* l4a-proposal-query.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposal-query"

#include "config.h"

#include "l4a-lazy-private.h"
#include "l4a-list-update.h"
#include "l4a-proposal.h"
#include "l4a-proposal-query.h"

/**
 * L4aProposalQuery:
 *
 * The proposals an #L4aQuery lets through, as a lazy, live #GListModel of
 * #L4aProposal in the order of l4a_registry_list_proposals(), however many
 * the database holds: it knows the proposals' row numbers in order, reads
 * a proposal only when a row asks for it, a page at a time, and follows
 * #L4aContext::changed: a change reaches the list as one items-changed
 * over the part of the order that differs, and a row whose proposal now
 * reads otherwise (its state, its government's name) as a change of that
 * row alone.
 *
 * A read that fails leaves the list as it was and emits
 * #L4aProposalQuery::failed.
 */

#define PAGE 64
#define CACHE_MAX 1024

struct _L4aProposalQuery
{
  GObject        parent_instance;

  L4aStore      *store;
  L4aLazyFollow  follow;
  /* the query, its strings owned */
  char          *search;
  char          *region;
  char          *status;
  char          *call;
  char          *government;
  guint          sdg;
  GArray        *nums;     /* guint, in the list's order */
  GHashTable    *cache;    /* num → L4aProposal */
};

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (L4aProposalQuery, l4a_proposal_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static L4aQuery
current_query (L4aProposalQuery *self)
{
  return (L4aQuery) { self->search, self->region, self->status, self->call, self->government, self->sdg };
}

static void
fail (L4aProposalQuery *self,
      const GError     *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

/* Proposals read before that may show something else now: each read
 * again, and announced where it differs (outside the part of the list
 * from @first that was replaced, @added long). */
static gboolean
reread_cached (L4aProposalQuery  *self,
               guint              first,
               guint              added,
               GError           **error)
{
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint num = GPOINTER_TO_UINT (key);

      g_array_append_val (nums, num);
    }
  if (nums->len == 0)
    return TRUE;
  fresh = l4a_registry_get_proposals (self->store, (const guint *) nums->data, nums->len, error);
  if (fresh == NULL)
    {
      g_hash_table_remove_all (self->cache);
      return FALSE;
    }
  /* they come back in the order asked, those gone left out */
  for (guint i = 0, j = 0; i < nums->len; i++)
    {
      guint num = g_array_index (nums, guint, i);
      L4aProposal *before = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
      L4aProposal *now = j < fresh->len ? g_ptr_array_index (fresh, j) : NULL;

      if (now == NULL || l4a_proposal_get_num (now) != num)
        {
          g_hash_table_remove (self->cache, GUINT_TO_POINTER (num));
          continue;
        }
      j++;
      if (l4a_objects_equal (G_OBJECT (before), G_OBJECT (now)))
        continue;
      g_hash_table_replace (self->cache, GUINT_TO_POINTER (num), g_object_ref (now));
      g_hash_table_add (changed, GUINT_TO_POINTER (num));
    }
  /* where they stand, in one pass over the order */
  for (guint position = 0; g_hash_table_size (changed) > 0 && position < self->nums->len; position++)
    if (g_hash_table_remove (changed, GUINT_TO_POINTER (g_array_index (self->nums, guint, position))) &&
        (position < first || position >= first + added))
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

/* Reads the order again, changes the list once over what differs, then
 * the rows read before that now read otherwise. */
static gboolean
update (L4aProposalQuery  *self,
        GError           **error)
{
  L4aQuery query = current_query (self);
  g_autoptr(GArray) nums = l4a_registry_proposal_nums (self->store, &query, error);
  g_autoptr(GArray) old = NULL;
  guint first, added;

  if (nums == NULL)
    return FALSE;
  old = g_steal_pointer (&self->nums);
  self->nums = g_steal_pointer (&nums);
  l4a_lazy_splice (G_LIST_MODEL (self), old, self->nums, &first, &added);
  return reread_cached (self, first, added, error);
}

/* Reads the proposals around @position that are not read yet. */
static void
read_page (L4aProposalQuery *self,
           guint             position)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  guint from = position > PAGE / 4 ? position - PAGE / 4 : 0;

  for (guint i = from; i < self->nums->len && wanted->len < PAGE; i++)
    if (!g_hash_table_contains (self->cache, GUINT_TO_POINTER (g_array_index (self->nums, guint, i))))
      g_array_append_val (wanted, g_array_index (self->nums, guint, i));
  if (g_hash_table_size (self->cache) + PAGE > CACHE_MAX)
    l4a_lazy_forget_unheld (self->cache);

  read = l4a_registry_get_proposals (self->store, (const guint *) wanted->data, wanted->len, &error);
  if (read == NULL)
    {
      fail (self, error);
      return;
    }
  for (guint i = 0; i < read->len; i++)
    {
      L4aProposal *proposal = g_ptr_array_index (read, i);
      g_hash_table_replace (self->cache, GUINT_TO_POINTER (l4a_proposal_get_num (proposal)), g_object_ref (proposal));
    }
}

static GType
list_model_get_item_type (GListModel *model)
{
  return L4A_TYPE_PROPOSAL;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return L4A_PROPOSAL_QUERY (model)->nums->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  L4aProposalQuery *self = L4A_PROPOSAL_QUERY (model);
  L4aProposal *proposal;
  guint num;

  if (position >= self->nums->len)
    return NULL;
  num = g_array_index (self->nums, guint, position);
  proposal = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
  if (proposal == NULL)
    {
      read_page (self, position);
      proposal = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (num));
    }
  if (proposal == NULL)
    /* gone since the order was read: an empty row until the change that
     * removed it reaches the list */
    return g_object_new (L4A_TYPE_PROPOSAL, "num", num, NULL);
  return g_object_ref (proposal);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* What a row shows comes from these kinds of record (a partner's name is
 * searched with its proposal's words; a proposal sent is no longer unsent). */
static const char * const shown_kinds[] = {
  "proposal", "call", "government", "partner", "proposal_sdg", "sent_proposal", NULL
};

static void
context_changed_cb (L4aProposalQuery *self,
                    L4aChanges       *changes)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_changes_touches_any (changes, shown_kinds))
    return;
  if (!update (self, &error))
    fail (self, error);
}

/**
 * l4a_proposal_query_set_query:
 * @query: (nullable): what to let through; %NULL for every proposal
 *
 * Narrows the list to @query (copied), read again for the workstation's
 * role as it is now (a government's proposals not yet sent are marked).
 *
 * Returns: %FALSE with @error set if the proposals cannot be read; the
 *   list is then as it was
 */
gboolean
l4a_proposal_query_set_query (L4aProposalQuery  *self,
                              const L4aQuery    *query,
                              GError           **error)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL_QUERY (self), FALSE);

  g_free (self->search);
  g_free (self->region);
  g_free (self->status);
  g_free (self->call);
  g_free (self->government);
  self->search = g_strdup (query ? query->search : NULL);
  self->region = g_strdup (query ? query->region : NULL);
  self->status = g_strdup (query ? query->status : NULL);
  self->call = g_strdup (query ? query->call : NULL);
  self->government = g_strdup (query ? query->government : NULL);
  self->sdg = query ? query->sdg : 0;
  return update (self, error);
}

static void
l4a_proposal_query_dispose (GObject *object)
{
  L4aProposalQuery *self = (L4aProposalQuery *)object;

  l4a_lazy_unfollow (&self->follow);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (l4a_proposal_query_parent_class)->dispose (object);
}

static void
l4a_proposal_query_finalize (GObject *object)
{
  L4aProposalQuery *self = (L4aProposalQuery *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->nums, g_array_unref);
  g_free (self->search);
  g_free (self->region);
  g_free (self->status);
  g_free (self->call);
  g_free (self->government);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (l4a_proposal_query_parent_class)->finalize (object);
}

static void
l4a_proposal_query_class_init (L4aProposalQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_proposal_query_dispose;
  object_class->finalize = l4a_proposal_query_finalize;

  /**
   * L4aProposalQuery::failed:
   * @message: why, in the database's words
   *
   * The proposals could not be read after a change, or a page of them
   * when a row asked; the list stays as it was.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
l4a_proposal_query_init (L4aProposalQuery *self)
{
  self->nums = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
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
  self->store = g_object_ref (l4a_context_get_store (context));
  l4a_lazy_follow (&self->follow, context, G_CALLBACK (context_changed_cb), self);
  return self;
}
