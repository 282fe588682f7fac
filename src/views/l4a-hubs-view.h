/* l4a-hubs-view.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-hub-filter.h"
#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUBS_VIEW (l4a_hubs_view_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubsView, l4a_hubs_view, L4A, HUBS_VIEW, AdwBin)

void                l4a_hubs_view_set_context    (L4aHubsView        *self,
                                                  L4aContext         *context,
                                                  GSettings          *settings);
GListModel         *l4a_hubs_view_get_model      (L4aHubsView        *self);
GListModel         *l4a_hubs_view_get_visible    (L4aHubsView        *self);
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
gboolean            l4a_hubs_view_write_csv      (L4aHubsView        *self,
                                                  GFile              *file,
                                                  GError            **error);
void                l4a_hubs_view_role_changed   (L4aHubsView        *self);

G_END_DECLS
