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

typedef struct
{
  L4aStore      *store;
  L4aLazyFollow  follow;
  GArray        *nums;     /* guint, in the list's order */
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

/**
 * l4a_lazy_list_update:
 * @reread: whether the rows read before may read otherwise now (the
 *   records changed, or who reads them), or only the order changed (a
 *   list narrowed otherwise)
 *
 * Reads the order again and changes the list once over the part that
 * differs, then, with @reread, each row read before that now reads
 * otherwise at its place.
 *
 * Returns: %FALSE with @error set if the order or the rows cannot be
 *   read; the order is then as it was
 */
gboolean
l4a_lazy_list_update (L4aLazyList  *self,
                      gboolean      reread,
                      GError      **error)
{
  L4aLazyListPrivate *priv = l4a_lazy_list_get_instance_private (self);
  g_autoptr(GArray) nums = NULL;
  g_autoptr(GArray) old = NULL;
  guint first, added;

  g_return_val_if_fail (L4A_IS_LAZY_LIST (self), FALSE);

  nums = L4A_LAZY_LIST_GET_CLASS (self)->read_order (self, error);
  if (nums == NULL)
    return FALSE;
  old = g_steal_pointer (&priv->nums);
  priv->nums = g_steal_pointer (&nums);
  l4a_lazy_splice (G_LIST_MODEL (self), old, priv->nums, &first, &added);
  return !reread || reread_cached (self, first, added, error);
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

  for (guint i = from; i < priv->nums->len && wanted->len < PAGE; i++)
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

  if (L4A_LAZY_LIST_GET_CLASS (self)->concerns (self, changes) && !l4a_lazy_list_update (self, TRUE, &error))
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
