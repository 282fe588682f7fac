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
};

void      l4a_lazy_list_follow    (L4aLazyList  *self,
                                   L4aContext   *context);
L4aStore *l4a_lazy_list_get_store (L4aLazyList  *self);
gboolean  l4a_lazy_list_update    (L4aLazyList  *self,
                                   gboolean      reread,
                                   GError      **error);

G_END_DECLS
