/* l4a-hub-list.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-list"

#include "config.h"

#include "l4a-hub-filter.h"
#include "l4a-hub-list.h"
#include "l4a-registry.h"

/**
 * L4aHubList:
 *
 * The registry as a live #GListModel of #L4aHub, owned by the context and
 * shared by every view (the table, the cards, the map, the dashboard):
 * read in the context's worker, then kept in line with
 * #L4aContext::changed. A changed hub is one items-changed at its
 * position; a new hub comes at the end (views sort); a deleted one goes.
 * When a change cannot be told record by record (another process wrote
 * without saying what, a government was renamed, a large import), the
 * list is read again and replaced in one items-changed.
 */
struct _L4aHubList
{
  GObject       parent_instance;

  L4aContext   *context;     /* weak: the context owns the list */
  gulong        changed_id;
  GPtrArray    *items;
  GHashTable   *positions;   /* id → position + 1; NULL when out of date */
  GCancellable *cancellable; /* the reading under way */
  gboolean      loading;
};

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (L4aHubList, l4a_hub_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
set_loading (L4aHubList *self,
             gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
items_changed (L4aHubList *self,
               guint       position,
               guint       removed,
               guint       added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * l4a_hub_list_find:
 * @position: (out) (optional): where the hub @id is
 *
 * Returns: whether the list holds the hub @id
 */
gboolean
l4a_hub_list_find (L4aHubList *self,
                   const char *id,
                   guint      *position)
{
  guint found;

  g_return_val_if_fail (L4A_IS_HUB_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->items->len; i++)
        g_hash_table_insert (self->positions, (gpointer) l4a_hub_get_id (g_ptr_array_index (self->items, i)),
                             GUINT_TO_POINTER (i + 1));
    }
  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, id));
  if (found == 0)
    return FALSE;
  if (position != NULL)
    *position = found - 1;
  return TRUE;
}

/* Brings one hub in line with the database: changed, new or gone. */
static void
update_hub (L4aHubList *self,
            const char *id)
{
  L4aStore *store = l4a_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aHub) fresh = l4a_registry_get_hub (store, id, &error);
  guint position;

  if (error != NULL)
    {
      g_warning ("The hub %s cannot be read: %s", id, error->message);
      return;
    }

  if (l4a_hub_list_find (self, id, &position))
    {
      if (fresh != NULL)
        {
          /* the table (and the id the positions point at) is the old
           * hub's until the replacement */
          g_autoptr(L4aHub) old = g_ptr_array_index (self->items, position);

          /* the table points into the hub it names: the new one's id */
          g_hash_table_replace (self->positions, (gpointer) l4a_hub_get_id (fresh), GUINT_TO_POINTER (position + 1));
          l4a_hub_get_collate_key (fresh, L4A_HUB_SORT_NAME);
          g_ptr_array_index (self->items, position) = g_object_ref (fresh);
          items_changed (self, position, 1, 1);
        }
      else
        {
          g_ptr_array_remove_index (self->items, position);
          g_clear_pointer (&self->positions, g_hash_table_unref);
          items_changed (self, position, 1, 0);
        }
    }
  else if (fresh != NULL)
    {
      g_ptr_array_add (self->items, g_object_ref (fresh));
      if (self->positions != NULL)
        g_hash_table_insert (self->positions, (gpointer) l4a_hub_get_id (fresh), GUINT_TO_POINTER (self->items->len));
      items_changed (self, self->items->len - 1, 0, 1);
    }
}

static gpointer
read_hubs_job (L4aContextJob  *job,
               L4aStore       *store,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GListModel) hubs = l4a_registry_list_hubs (store, error);
  GPtrArray *items;
  guint n;

  if (hubs == NULL)
    return NULL;
  n = g_list_model_get_n_items (hubs);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      L4aHub *hub = g_list_model_get_item (hubs, i);

      /* the sort keys of names cost most of a first sort: make them here */
      l4a_hub_get_collate_key (hub, L4A_HUB_SORT_NAME);
      g_ptr_array_add (items, hub);
      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_ptr_array_unref (items);
          return NULL;
        }
    }
  return items;
}

static void
read_hubs_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(L4aHubList) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old = NULL;

  items = l4a_context_run_finish (L4A_CONTEXT (object), result, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("The hubs cannot be read: %s", error->message);
          g_clear_object (&self->cancellable);
          set_loading (self, FALSE);
        }
      return;
    }

  g_clear_object (&self->cancellable);
  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&items);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  /* one change for the whole list */
  items_changed (self, 0, old->len, self->items->len);
  set_loading (self, FALSE);
}

/**
 * l4a_hub_list_reload:
 *
 * Reads every hub again in the context's worker; the list keeps what it
 * holds until they are there, then changes once.
 */
void
l4a_hub_list_reload (L4aHubList *self)
{
  g_return_if_fail (L4A_IS_HUB_LIST (self));

  if (self->context == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  l4a_context_run_async (self->context, read_hubs_job, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                         NULL, NULL, self->cancellable, read_hubs_done_cb, g_object_ref (self));
}

static void
context_changed_cb (L4aHubList *self,
                    L4aChanges *changes)
{
  g_auto(GStrv) ids = NULL;

  /* a government's name or place shows on each of its hubs */
  if (l4a_changes_touches (changes, "government") || l4a_changes_is_everything (changes))
    {
      l4a_hub_list_reload (self);
      return;
    }
  if (!l4a_changes_touches (changes, "hub"))
    return;

  ids = l4a_changes_dup_ids (changes, "hub");
  /* a list being read may miss what just changed: read it again */
  if (ids == NULL || self->cancellable != NULL)
    {
      l4a_hub_list_reload (self);
      return;
    }
  for (guint i = 0; ids[i] != NULL; i++)
    update_hub (self, ids[i]);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return L4A_TYPE_HUB;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return L4A_HUB_LIST (model)->items->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  L4aHubList *self = L4A_HUB_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
l4a_hub_list_dispose (GObject *object)
{
  L4aHubList *self = (L4aHubList *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->context);
      g_object_remove_weak_pointer (G_OBJECT (self->context), (gpointer *) &self->context);
      self->context = NULL;
    }

  G_OBJECT_CLASS (l4a_hub_list_parent_class)->dispose (object);
}

static void
l4a_hub_list_finalize (GObject *object)
{
  L4aHubList *self = (L4aHubList *)object;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_hub_list_parent_class)->finalize (object);
}

static void
l4a_hub_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  L4aHubList *self = L4A_HUB_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_hub_list_class_init (L4aHubListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = l4a_hub_list_dispose;
  object_class->finalize = l4a_hub_list_finalize;
  object_class->get_property = l4a_hub_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_hub_list_init (L4aHubList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * l4a_hub_list_new:
 *
 * Returns: (transfer full): the hubs of @context, being read
 */
L4aHubList *
l4a_hub_list_new (L4aContext *context)
{
  L4aHubList *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  self = g_object_new (L4A_TYPE_HUB_LIST, NULL);
  self->context = context;
  g_object_add_weak_pointer (G_OBJECT (context), (gpointer *) &self->context);
  self->changed_id = g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  l4a_hub_list_reload (self);
  return self;
}

gboolean
l4a_hub_list_get_loading (L4aHubList *self)
{
  g_return_val_if_fail (L4A_IS_HUB_LIST (self), FALSE);

  return self->loading;
}
