/* l4a-hub-filter.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-hub.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUB_FILTER (l4a_hub_filter_get_type ())


/* What the registry is narrowed to. Every set criterion must hold; within
 * SDGs and Policy Councils, any of the chosen ones will do. */
typedef struct
{
  char       *search;    /* words as typed; the lists (L4aHubQuery) search them in SQLite */
  GHashTable *matches;   /* for l4a_hub_filter_matches(): the hubs a search found, by num; NULL when not searching */
  char       *region;    /* region code */
  char       *country;   /* ISO 3166-1 alpha-2 */
  char       *axis;      /* Pact axis code */
  char       *status;    /* active, completed, withdrawn */
  char       *format;    /* in-person, virtual, hybrid */
  guint       sdgs;      /* mask of goals: bit n is goal n */
  guint       councils;  /* mask of Policy Councils, by reference position */
  int         year;      /* active at some time in this year; 0 for any */
} L4aHubFilter;

typedef enum
{
  L4A_HUB_SORT_NAME,
  L4A_HUB_SORT_GOVERNMENT,
  L4A_HUB_SORT_COUNTRY,
  L4A_HUB_SORT_REGION,
  L4A_HUB_SORT_SDGS,
  L4A_HUB_SORT_AXIS,
  L4A_HUB_SORT_STATUS,
  L4A_HUB_SORT_TIME_FRAME,
  L4A_HUB_N_SORTS
} L4aHubSortKey;

GType         l4a_hub_filter_get_type (void) G_GNUC_CONST;
L4aHubFilter *l4a_hub_filter_new            (void);
L4aHubFilter *l4a_hub_filter_copy           (const L4aHubFilter *filter);
void          l4a_hub_filter_free           (L4aHubFilter       *filter);
void          l4a_hub_filter_clear          (L4aHubFilter       *filter);
gboolean      l4a_hub_filter_is_empty       (const L4aHubFilter *filter);
gboolean      l4a_hub_filter_has_facets     (const L4aHubFilter *filter);
gboolean      l4a_hub_filter_matches        (const L4aHubFilter *filter,
                                             L4aHub             *hub);
GListModel   *l4a_hub_filter_apply          (const L4aHubFilter *filter,
                                             GListModel         *hubs);

GHashTable   *l4a_registry_search_hubs      (L4aStore           *store,
                                             const char         *text,
                                             GError            **error);

int           l4a_hub_compare               (L4aHub             *a,
                                             L4aHub             *b,
                                             L4aHubSortKey       key);
const char   *l4a_hub_sort_key_to_string    (L4aHubSortKey       key);
gboolean      l4a_hub_sort_key_from_string  (const char         *text,
                                             L4aHubSortKey      *key);

guint         l4a_council_mask              (const char         *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aHubFilter, l4a_hub_filter_free)

G_END_DECLS
