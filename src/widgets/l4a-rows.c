/* l4a-rows.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows built by hand for a list a window holds (its calls, its criteria)
 * are kept in an array in the same order as the list: a row, or a button
 * inside one, finds its record by its place, so no widget carries the
 * record itself.
 */

#define G_LOG_DOMAIN "l4a-rows"

#include "config.h"

#include "l4a-rows.h"

/**
 * l4a_rows_find:
 * @rows: (element-type GtkWidget): the rows, in the list's order
 * @widget: a row of @rows, or a widget inside one
 *
 * Returns: the position of the row holding @widget, or G_MAXUINT
 */
guint
l4a_rows_find (GPtrArray *rows,
               GtkWidget *widget)
{
  g_return_val_if_fail (rows != NULL, G_MAXUINT);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    for (guint i = 0; i < rows->len; i++)
      if (g_ptr_array_index (rows, i) == w)
        return i;
  return G_MAXUINT;
}
