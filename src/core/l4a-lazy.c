/* l4a-lazy.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-lazy"

#include "config.h"

#include <string.h>

#include "l4a-lazy-private.h"

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
