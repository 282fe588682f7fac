/* l4a-lazy.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-lazy"

#include "config.h"

#include <string.h>

#include "l4a-lazy-list.h"
#include "l4a-lazy-private.h"
#include "l4a-list-update.h"

/**
 * l4a_lazy_follow:
 * @changed: called as #L4aContext::changed is emitted, with @list first
 *
 * Follows @context's changes for as long as @list lives or until
 * l4a_lazy_unfollow(), whichever ends first.
 */
void
l4a_lazy_follow (L4aLazyFollow *follow,
                 L4aContext    *context,
                 GCallback      changed,
                 gpointer       list)
{
  follow->context = context;
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &follow->context);
  follow->changed_id = g_signal_connect_object (context, "changed", changed, list, G_CONNECT_SWAPPED);
}

void
l4a_lazy_unfollow (L4aLazyFollow *follow)
{
  if (follow->context == NULL)
    return;
  g_clear_signal_handler (&follow->changed_id, follow->context);
  g_object_remove_weak_pointer (G_OBJECT (follow->context), (gpointer *) &follow->context);
  follow->context = NULL;
}

/**
 * l4a_lazy_forget_unheld:
 * @cache: rows read, as objects the cache owns
 *
 * Lets go of the rows nobody else holds any more: those a list widget
 * shows stay, so that they are told when they change.
 */
void
l4a_lazy_forget_unheld (GHashTable *cache)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (G_OBJECT (row)->ref_count == 1)
      g_hash_table_iter_remove (&iter);
}

/**
 * l4a_lazy_splice:
 * @before: the rows' numbers as the list had them
 * @after: the rows' numbers as it has them now (elements of the same size)
 * @first: (out): where the part that differs begins
 * @added: (out): how many rows it has now
 *
 * Tells @list's watchers of the change from @before to @after in one
 * items-changed: the part between what both begin and end with.
 */
void
l4a_lazy_splice (GListModel *list,
                 GArray     *before,
                 GArray     *after,
                 guint      *first,
                 guint      *added)
{
  l4a_lazy_splice_known (list, before, before->len, after, after->len, first, added);
}

/**
 * l4a_lazy_splice_known:
 * @before_known: how many of @before's first rows are known; the others
 *   are not read yet and may be anything
 * @after_known: the same for @after
 *
 * As l4a_lazy_splice(), for lists only partly known: rows are the same
 * only where both are known.
 */
void
l4a_lazy_splice_known (GListModel *list,
                       GArray     *before,
                       guint       before_known,
                       GArray     *after,
                       guint       after_known,
                       guint      *first,
                       guint      *added)
{
  guint size = g_array_get_element_size (after);
  guint shortest = MIN (before->len, after->len);
  guint prefix = 0, suffix = 0, removed;
  gboolean whole = before_known == before->len && after_known == after->len;

  g_return_if_fail (g_array_get_element_size (before) == size);
  g_return_if_fail (before_known <= before->len && after_known <= after->len);

  while (prefix < MIN (before_known, after_known) &&
         memcmp (before->data + prefix * size, after->data + prefix * size, size) == 0)
    prefix++;
  /* the unknown rows are at the end: no common end unless both are whole */
  while (whole && suffix < shortest - prefix &&
         memcmp (before->data + (before->len - 1 - suffix) * size, after->data + (after->len - 1 - suffix) * size,
                 size) == 0)
    suffix++;

  removed = before->len - prefix - suffix;
  *first = prefix;
  *added = after->len - prefix - suffix;
  if (removed > 0 || *added > 0)
    g_list_model_items_changed (list, prefix, removed, *added);
}

/* The lazy list ------------------------------------------------------------- */

/* How many rows a page reads, and how many the cache holds before it lets
 * go of those no row shows. */
#define PAGE 64
#define CACHE_MAX 1024

/* How many rows make an order long (SQLite sorts as many in some 30 ms),
 * and how many numbers of a long order are read at once, the rest in the
 * context's reading thread */
#define LONG L4A_LAZY_LIST_LONG
#define FIRST 256

typedef struct
{
  L4aStore      *store;
  L4aLazyFollow  follow;
  GArray        *nums;     /* guint, in the list's order; 0 past known */
  guint          known;    /* how many of the first numbers are read */
  GCancellable  *reading;  /* the order, being read in the thread */
  gboolean       changed;  /* read after a change: the rows read again when it comes */
  GArray        *later;    /* the whole order, to be announced */
  guint          later_id;
  GHashTable    *cache;    /* num → row */
} L4aLazyListPrivate;

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (L4aLazyList, l4a_lazy_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (L4aLazyList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
fail (L4aLazyList  *self,
      const GError *error)
{
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

/* Rows read before that may show something else now: each read again, and
 * announced where it differs (outside the part of the list from @first
 * that was replaced, @added long). */
static gboolean
reread_cached (L4aLazyList  *self,
               guint         first,
               guint         added,
               GError      **error)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  L4aLazyListClass *klass = L4A_LAZY_LIST_GET_CLASS (self);
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint num = GPOINTER_TO_UINT (key);

      g_array_append_val (nums, num);
    }
  if (nums->len == 0)
    return TRUE;
  fresh = klass->read_rows (self, (const guint *) nums->data, nums->len, error);
  if (fresh == NULL)
    {
      g_hash_table_remove_all (priv->cache);
      return FALSE;
    }
  /* they come back in the order asked, those gone left out */
  for (guint i = 0, j = 0; i < nums->len; i++)
    {
      guint num = g_array_index (nums, guint, i);
      GObject *before = g_hash_table_lookup (priv->cache, GUINT_TO_POINTER (num));
      GObject *now = j < fresh->len ? g_ptr_array_index (fresh, j) : NULL;

      if (now == NULL || klass->num_of (now) != num)
        {
          g_hash_table_remove (priv->cache, GUINT_TO_POINTER (num));
          continue;
        }
      j++;
      if (klass->row_equal (before, now))
        continue;
      g_hash_table_replace (priv->cache, GUINT_TO_POINTER (num), g_object_ref (now));
      g_hash_table_add (changed, GUINT_TO_POINTER (num));
    }
  /* where they stand, in one pass over the order */
  for (guint position = 0; g_hash_table_size (changed) > 0 && position < priv->nums->len; position++)
    if (g_hash_table_remove (changed, GUINT_TO_POINTER (g_array_index (priv->nums, guint, position))) &&
        (position < first || position >= first + added))
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

/* The order read in part first ---------------------------------------------- */

typedef struct
{
  L4aLazyListClass *klass;
  gpointer          query;
} OrderRead;

static void
order_read_free (OrderRead *read)
{
  read->klass->query_free (read->query);
  g_free (read);
}

static gpointer
order_read_func (L4aStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  OrderRead *read = data;

  return read->klass->order_with (store, read->query, 0, error);
}

static void
stop_reading (L4aLazyList *self)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);

  if (priv->reading != NULL)
    g_cancellable_cancel (priv->reading);
  g_clear_object (&priv->reading);
  priv->changed = FALSE;
  g_clear_handle_id (&priv->later_id, g_source_remove);
  g_clear_pointer (&priv->later, g_array_unref);
}

/* Puts @nums in place of the order (@known of its first numbers read),
 * announced as one change. */
static void
set_order (L4aLazyList *self,
           GArray      *nums,
           guint        known,
           guint       *first,
           guint       *added)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  g_autoptr(GArray) old = g_steal_pointer (&priv->nums);
  guint old_known = priv->known;

  priv->nums = nums;
  priv->known = known;
  l4a_lazy_splice_known (G_LIST_MODEL (self), old, old_known, priv->nums, priv->known, first, added);
}

static gboolean
announce_later_cb (gpointer user_data)
{
  L4aLazyList *self = user_data;
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  GArray *whole = g_steal_pointer (&priv->later);
  guint first, added;

  priv->later_id = 0;
  set_order (self, whole, whole->len, &first, &added);
  return G_SOURCE_REMOVE;
}

/* The whole order, for a list shown in part: taken at once when it agrees
 * with the part shown. If it does not (the database changed since), the
 * change is announced, at once when @may_announce, else from the main
 * loop: a list must not change while it is asked for a row. */
static void
take_order (L4aLazyList *self,
            GArray      *whole,
            gboolean     may_announce)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  guint first, added;

  if (priv->known == priv->nums->len)
    {
      g_array_unref (whole);
      return;
    }
  if (whole->len == priv->nums->len && memcmp (whole->data, priv->nums->data, priv->known * sizeof (guint)) == 0)
    {
      g_array_unref (priv->nums);
      priv->nums = whole;
      priv->known = whole->len;
      return;
    }
  if (!may_announce)
    {
      g_clear_pointer (&priv->later, g_array_unref);
      priv->later = whole;
      if (priv->later_id == 0)
        priv->later_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, announce_later_cb, self, NULL);
      return;
    }
  set_order (self, whole, whole->len, &first, &added);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, weak_ref_free)

static void
order_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GWeakRef) ref = user_data;
  g_autoptr(L4aLazyList) self = g_weak_ref_get (ref);
  L4aLazyListPrivate *priv;
  g_autoptr(GError) error = NULL;
  GArray *whole = l4a_context_read_finish (L4A_CONTEXT (object), result, &error);

  /* a list let go of is not kept for its reading */
  if (self == NULL)
    {
      g_clear_pointer (&whole, g_array_unref);
      return;
    }
  priv = l4a_lazy_list_get_instance_private (self);
  /* a read cancelled was replaced by another, or by a read here */
  if (whole == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error);
      return;
    }
  g_clear_object (&priv->reading);
  if (priv->changed)
    {
      guint first, added;

      /* the order before the change (whole, or its part read) against the
       * one after: one change, then the rows read before read again */
      set_order (self, whole, whole->len, &first, &added);
      if (!reread_cached (self, first, added, &error))
        fail (self, error);
      return;
    }
  take_order (self, whole, TRUE);
}

static void
read_beside (L4aLazyList *self,
             gpointer     query,
             gboolean     changed)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  OrderRead *read = g_new0 (OrderRead, 1);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  read->klass = L4A_LAZY_LIST_GET_CLASS (self);
  read->query = query;
  priv->reading = g_cancellable_new ();
  priv->changed = changed;
  l4a_context_read_async (priv->follow.context, order_read_func, read, (GDestroyNotify) order_read_free,
                          (GDestroyNotify) g_array_unref, priv->reading, order_read_cb, ref);
}

/* The order of a list that reads it in part: whole when it is short;
 * else its first numbers, the rest read in the context's reading thread;
 * after a change (@after_change), read whole in that thread, the list as
 * it is till then (*@beside set, nothing returned). */
static GArray *
read_first (L4aLazyList  *self,
            gboolean      after_change,
            guint        *known,
            gboolean     *beside,
            GError      **error)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  L4aLazyListClass *klass = L4A_LAZY_LIST_GET_CLASS (self);
  gpointer query = klass->order_query (self);
  GArray *nums;
  guint n = 0;

  *known = 0;
  *beside = FALSE;
  if (query == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  if (!klass->count_with (priv->store, query, &n, error))
    {
      klass->query_free (query);
      return NULL;
    }
  if (n > LONG && after_change)
    {
      read_beside (self, query, TRUE);
      *beside = TRUE;
      return NULL;
    }
  nums = klass->order_with (priv->store, query, n > LONG ? FIRST : 0, error);
  if (nums == NULL || nums->len < FIRST || n <= LONG)
    {
      klass->query_free (query);
      *known = nums != NULL ? nums->len : 0;
      return nums;
    }
  *known = nums->len;
  /* the rest reads as 0, no row's number */
  g_array_set_size (nums, MAX (n, nums->len));
  memset (nums->data + *known * sizeof (guint), 0, (nums->len - *known) * sizeof (guint));

  read_beside (self, query, FALSE);
  return nums;
}

/* The whole order, by the list's own way */
static GArray *
read_order_whole (L4aLazyList  *self,
                  GError      **error)
{
  L4aLazyListClass *klass = L4A_LAZY_LIST_GET_CLASS (self);
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  gpointer query;
  GArray *nums;

  if (klass->read_order != NULL)
    return klass->read_order (self, error);
  query = klass->order_query (self);
  if (query == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  nums = klass->order_with (priv->store, query, 0, error);
  klass->query_free (query);
  return nums;
}

/* The whole order now, when a row beyond the part read is asked for
 * before the reading thread has given it. */
static void
complete (L4aLazyList *self)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  GArray *whole;

  if (priv->known == priv->nums->len || priv->later != NULL)
    return;
  /* the first part's reading is done here instead; one after a change
   * goes on, to be announced when it comes */
  if (!priv->changed)
    stop_reading (self);
  whole = read_order_whole (self, &error);
  if (whole == NULL)
    {
      fail (self, error);
      return;
    }
  take_order (self, whole, FALSE);
}


/**
 * l4a_lazy_list_update:
 * @reread: whether the rows read before may read otherwise now (the
 *   records changed, or who reads them), or only the order changed (a
 *   list narrowed otherwise)
 *
 * Reads the order again and changes the list once over the part that
 * differs, then, with @reread, each row read before that now reads
 * otherwise at its place. A long order is read in part, the rest in the
 * context's reading thread (l4a_lazy_list_is_settled()).
 *
 * Returns: %FALSE with @error set if the order or the rows cannot be
 *   read; the order is then as it was
 */
/* l4a_lazy_list_update(), or after a change (a long order then read
 * again beside) */
static gboolean
update_order (L4aLazyList  *self,
              gboolean      reread,
              gboolean      after_change,
              GError      **error)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  gboolean beside = FALSE;
  GArray *nums;
  guint first, added, known;

  stop_reading (self);
  if (L4A_LAZY_LIST_GET_CLASS (self)->order_with != NULL && priv->follow.context != NULL)
    nums = read_first (self, after_change, &known, &beside, error);
  else
    {
      nums = read_order_whole (self, error);
      known = nums != NULL ? nums->len : 0;
    }
  if (beside)
    return TRUE;
  if (nums == NULL)
    return FALSE;
  set_order (self, nums, known, &first, &added);
  return !reread || reread_cached (self, first, added, error);
}

gboolean
l4a_lazy_list_update (L4aLazyList  *self,
                      gboolean      reread,
                      GError      **error)
{
  g_return_val_if_fail (L4A_IS_LAZY_LIST (self), FALSE);

  return update_order (self, reread, FALSE, error);
}

/**
 * l4a_lazy_list_is_settled:
 *
 * Returns: whether the list shows the whole order as last read, with no
 *   reading under way (a long order is read in part first, the rest in
 *   the context's reading thread; after a change, it is read there whole)
 */
gboolean
l4a_lazy_list_is_settled (L4aLazyList *self)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);

  g_return_val_if_fail (L4A_IS_LAZY_LIST (self), FALSE);

  return priv->known == priv->nums->len && priv->reading == NULL && priv->later == NULL;
}

/* Reads the rows around @position that are not read yet. */
static gboolean
read_page (L4aLazyList  *self,
           guint         position,
           GError      **error)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  L4aLazyListClass *klass = L4A_LAZY_LIST_GET_CLASS (self);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) read = NULL;
  guint from = position > PAGE / 4 ? position - PAGE / 4 : 0;

  for (guint i = from; i < priv->known && wanted->len < PAGE; i++)
    if (!g_hash_table_contains (priv->cache, GUINT_TO_POINTER (g_array_index (priv->nums, guint, i))))
      g_array_append_val (wanted, g_array_index (priv->nums, guint, i));
  if (g_hash_table_size (priv->cache) + PAGE > CACHE_MAX)
    l4a_lazy_forget_unheld (priv->cache);

  read = klass->read_rows (self, (const guint *) wanted->data, wanted->len, error);
  if (read == NULL)
    return FALSE;
  for (guint i = 0; i < read->len; i++)
    g_hash_table_replace (priv->cache, GUINT_TO_POINTER (klass->num_of (g_ptr_array_index (read, i))),
                          g_object_ref (g_ptr_array_index (read, i)));
  return TRUE;
}

static GType
list_model_get_item_type (GListModel *model)
{
  return L4A_LAZY_LIST_GET_CLASS (model)->row_type;
}

static guint
list_model_get_n_items (GListModel *model)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (L4A_LAZY_LIST (model));

  return priv->nums->len;
}

/* The row at @position, read with its page if it is not read yet. A row
 * gone since the order was read (or that cannot be read) is an empty row
 * until the change that removed it reaches the list. */
static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  L4aLazyList *self = L4A_LAZY_LIST (model);
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  GObject *row;
  guint num;

  if (position >= priv->nums->len)
    return NULL;
  if (position >= priv->known)
    complete (self);
  /* the order read now differs: the change is on its way */
  if (position >= priv->known)
    return g_object_new (L4A_LAZY_LIST_GET_CLASS (self)->row_type, NULL);
  num = g_array_index (priv->nums, guint, position);
  row = g_hash_table_lookup (priv->cache, GUINT_TO_POINTER (num));
  if (row == NULL && read_page (self, position, &error))
    row = g_hash_table_lookup (priv->cache, GUINT_TO_POINTER (num));
  if (error != NULL)
    fail (self, error);
  return row != NULL ? g_object_ref (row) : g_object_new (L4A_LAZY_LIST_GET_CLASS (self)->row_type, NULL);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
context_changed_cb (L4aLazyList *self,
                    L4aChanges  *changes)
{
  g_autoptr(GError) error = NULL;

  /* a long order is read again beside, the list as it was till then */
  if (L4A_LAZY_LIST_GET_CLASS (self)->concerns (self, changes) && !update_order (self, TRUE, TRUE, &error))
    fail (self, error);
}

/**
 * l4a_lazy_list_follow:
 *
 * Reads from @context's store, and follows its changes; the list is empty
 * until l4a_lazy_list_update().
 */
void
l4a_lazy_list_follow (L4aLazyList *self,
                      L4aContext  *context)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);

  g_return_if_fail (L4A_IS_LAZY_LIST (self));
  g_return_if_fail (L4A_IS_CONTEXT (context));
  g_return_if_fail (priv->store == NULL);

  priv->store = g_object_ref (l4a_context_get_store (context));
  l4a_lazy_follow (&priv->follow, context, G_CALLBACK (context_changed_cb), self);
}

/**
 * l4a_lazy_list_get_store:
 *
 * Returns: (transfer none): the store the list reads
 */
L4aStore *
l4a_lazy_list_get_store (L4aLazyList *self)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);

  g_return_val_if_fail (L4A_IS_LAZY_LIST (self), NULL);

  return priv->store;
}

static void
l4a_lazy_list_dispose (GObject *object)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (L4A_LAZY_LIST (object));

  stop_reading (L4A_LAZY_LIST (object));
  l4a_lazy_unfollow (&priv->follow);
  g_hash_table_remove_all (priv->cache);

  G_OBJECT_CLASS (l4a_lazy_list_parent_class)->dispose (object);
}

static void
l4a_lazy_list_finalize (GObject *object)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (L4A_LAZY_LIST (object));

  g_clear_pointer (&priv->cache, g_hash_table_unref);
  g_clear_pointer (&priv->nums, g_array_unref);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (l4a_lazy_list_parent_class)->finalize (object);
}

static void
l4a_lazy_list_class_init (L4aLazyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_lazy_list_dispose;
  object_class->finalize = l4a_lazy_list_finalize;
  klass->row_type = G_TYPE_OBJECT;
  klass->row_equal = (gboolean (*) (gpointer, gpointer)) l4a_objects_equal;

  /**
   * L4aLazyList::failed:
   * @message: why, in the database's words
   *
   * The rows could not be read after a change, or a page of them when a
   * row asked; the list stays as it was.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
l4a_lazy_list_init (L4aLazyList *self)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);

  priv->nums = g_array_new (FALSE, FALSE, sizeof (guint));
  priv->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}
