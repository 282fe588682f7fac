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

/**
 * l4a_rows_texts_new:
 * @title: the row's title, a label set up by the caller
 * @subtitle: (out) (transfer none): the row's subtitle, under it: dimmed,
 *   small, wrapped
 *
 * Returns: (transfer floating): the title and its subtitle, one above the
 *   other, taking the row's spare width: the texts of a row a list view's
 *   factory makes; the subtitle is the title's next sibling
 */
GtkWidget *
l4a_rows_texts_new (GtkWidget  *title,
                    GtkWidget **subtitle)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  *subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (*subtitle), TRUE);
  gtk_widget_add_css_class (*subtitle, "dim-label");
  gtk_widget_add_css_class (*subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), *subtitle);
  return texts;
}
