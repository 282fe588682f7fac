/* l4a-lazy-list.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-changes.h"
#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_LAZY_LIST (l4a_lazy_list_get_type ())

/* How many rows make an order long: read in part first */
#define L4A_LAZY_LIST_LONG 20000

G_DECLARE_DERIVABLE_TYPE (L4aLazyList, l4a_lazy_list, L4A, LAZY_LIST, GObject)

/**
 * L4aLazyListClass:
 * @row_type: the type of the list's rows
 * @read_order: the rows' numbers (guint) in the list's order, or %NULL
 *   with the error set
 * @read_rows: the rows of some numbers, in the order asked, those gone
 *   left out, or %NULL with the error set
 * @num_of: a row's number
 * @concerns: whether a change of the context may change the list
 * @row_equal: whether a row read again reads as before (by default,
 *   every property the same)
 * @order_query: (optional, with the three below) a copy of what the
 *   order depends on, for another thread to read it; %NULL when the list
 *   has no rows
 * @query_free: frees what @order_query gave
 * @count_with: how many rows the order has, without sorting them; or
 *   any number up to %L4A_LAZY_LIST_LONG for an order to be read whole at
 *   once (one surely short, or one the list would rather not count)
 * @order_with: the numbers in order, the first @limit of them (0: all)
 *
 * A list that gives the four read only the first numbers of a long order
 * at once, the rest in the context's reading thread while the first rows
 * show (its @read_order may then be left out).
 *
 * A list that knows its rows' numbers in order and reads the rows a page
 * at a time: what the Proposals view's list and an indicator's
 * measurements share.
 */
struct _L4aLazyListClass
{
  GObjectClass parent_class;

  GType        row_type;
  GArray    *(*read_order) (L4aLazyList   *self,
                            GError       **error);
  GPtrArray *(*read_rows)  (L4aLazyList   *self,
                            const guint   *nums,
                            guint          n_nums,
                            GError       **error);
  guint      (*num_of)     (gpointer       row);
  gboolean   (*concerns)   (L4aLazyList   *self,
                            L4aChanges    *changes);
  gboolean   (*row_equal)  (gpointer       a,
                            gpointer       b);

  gpointer   (*order_query) (L4aLazyList  *self);
  GDestroyNotify query_free;
  gboolean   (*count_with)  (L4aStore     *store,
                             gpointer      query,
                             guint        *n,
                             GError      **error);
  GArray    *(*order_with)  (L4aStore     *store,
                             gpointer      query,
                             guint         limit,
                             GError      **error);
};

void      l4a_lazy_list_follow    (L4aLazyList  *self,
                                   L4aContext   *context);
L4aStore *l4a_lazy_list_get_store (L4aLazyList  *self);
gboolean  l4a_lazy_list_update    (L4aLazyList  *self,
                                   gboolean      reread,
                                   GError      **error);
gboolean  l4a_lazy_list_is_settled (L4aLazyList *self);

G_END_DECLS
