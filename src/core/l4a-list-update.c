/* l4a-list-update.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list read again after a change becomes the list on show through one
 * items-changed over the part that differs, not a reset: the rows before
 * and after it, and what is selected or scrolled to there, stay.
 */

#define G_LOG_DOMAIN "l4a-list-update"

#include "config.h"

#include "l4a-list-update.h"

/**
 * l4a_objects_equal:
 *
 * Returns: whether @a and @b are of one type and every readable property
 *   of theirs is alike (snapshots of rows: what a row shows)
 */
gboolean
l4a_objects_equal (GObject *a,
                   GObject *b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n_specs;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      g_value_init (&x, specs[i]->value_type);
      g_value_init (&y, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &x);
      g_object_get_property (b, specs[i]->name, &y);
      if (g_param_values_cmp (specs[i], &x, &y) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * l4a_list_store_update:
 * @items: (element-type GObject): the list as it is now
 *
 * Makes @store hold @items, keeping the objects of the unchanged rows at
 * the start and at the end and replacing the part between in one splice.
 */
void
l4a_list_store_update (GListStore *store,
                       GPtrArray  *items)
{
  GListModel *model = G_LIST_MODEL (store);
  guint before = g_list_model_get_n_items (model);
  guint after = items->len;
  guint head = 0, tail = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));

  while (head < before && head < after)
    {
      g_autoptr(GObject) held = g_list_model_get_item (model, head);

      if (!l4a_objects_equal (held, g_ptr_array_index (items, head)))
        break;
      head++;
    }
  while (tail < before - head && tail < after - head)
    {
      g_autoptr(GObject) held = g_list_model_get_item (model, before - 1 - tail);

      if (!l4a_objects_equal (held, g_ptr_array_index (items, after - 1 - tail)))
        break;
      tail++;
    }
  if (head == before && head == after)
    return;
  g_list_store_splice (store, head, before - head - tail, items->pdata + head, after - head - tail);
}
