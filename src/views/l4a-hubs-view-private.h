/* l4a-hubs-view-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI tests and the render tool reach for in this screen to look
 * at its state or stand in for a person; not for other screens.
 */

#pragma once

#include "l4a-hubs-view.h"

G_BEGIN_DECLS

GListModel         *l4a_hubs_view_get_model      (L4aHubsView        *self);
void                l4a_hubs_view_load_sample    (L4aHubsView        *self);
gboolean            l4a_hubs_view_is_loading     (L4aHubsView        *self);
const L4aHubFilter *l4a_hubs_view_get_filter     (L4aHubsView        *self);
void                l4a_hubs_view_set_filter     (L4aHubsView        *self,
                                                  const L4aHubFilter *filter);
void                l4a_hubs_view_set_search     (L4aHubsView        *self,
                                                  const char         *text);
guint               l4a_hubs_view_get_n_chips    (L4aHubsView        *self);
gboolean            l4a_hubs_view_remove_chip    (L4aHubsView        *self,
                                                  guint               index);
const char         *l4a_hubs_view_get_count_text (L4aHubsView        *self);
gboolean            l4a_hubs_view_open_hub       (L4aHubsView        *self,
                                                  const char         *id);
const char         *l4a_hubs_view_get_open_hub   (L4aHubsView        *self);
void                l4a_hubs_view_show_registry  (L4aHubsView        *self);
void                l4a_hubs_view_set_sort       (L4aHubsView        *self,
                                                  L4aHubSortKey       key,
                                                  gboolean            descending);
gboolean            l4a_hubs_view_get_sort       (L4aHubsView        *self,
                                                  L4aHubSortKey      *key,
                                                  gboolean           *descending);
gboolean            l4a_hubs_view_delete_hub     (L4aHubsView        *self,
                                                  const char         *id,
                                                  GError            **error);
gboolean            l4a_hubs_view_undo_delete    (L4aHubsView        *self,
                                                  GError            **error);
void                l4a_hubs_view_show_map       (L4aHubsView        *self,
                                                  gboolean            show);
GtkWidget          *l4a_hubs_view_get_map        (L4aHubsView        *self);

G_END_DECLS
