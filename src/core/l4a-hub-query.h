/* l4a-hub-query.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"
#include "l4a-hub.h"
#include "l4a-hub-filter.h"
#include "l4a-reference.h"

G_BEGIN_DECLS

#define L4A_TYPE_HUB_QUERY (l4a_hub_query_get_type ())

G_DECLARE_FINAL_TYPE (L4aHubQuery, l4a_hub_query, L4A, HUB_QUERY, GObject)

L4aHubQuery        *l4a_hub_query_new            (L4aContext          *context);
L4aHubQuery        *l4a_hub_query_new_for_store  (L4aStore            *store);

const L4aHubFilter *l4a_hub_query_get_filter     (L4aHubQuery         *self);
void                l4a_hub_query_set_filter     (L4aHubQuery         *self,
                                                  const L4aHubFilter  *filter);
L4aHubSortKey       l4a_hub_query_get_sort_key   (L4aHubQuery         *self);
gboolean            l4a_hub_query_get_descending (L4aHubQuery         *self);
void                l4a_hub_query_set_sort       (L4aHubQuery         *self,
                                                  L4aHubSortKey        key,
                                                  gboolean             descending);
void                l4a_hub_query_refresh        (L4aHubQuery         *self);

gboolean            l4a_hub_query_find           (L4aHubQuery         *self,
                                                  const char          *id,
                                                  guint               *position);
gboolean            l4a_hub_query_is_whole       (L4aHubQuery         *self);
void                l4a_hub_query_hold_reading   (L4aHubQuery         *self,
                                                  gboolean             hold);
const guint        *l4a_hub_query_get_nums       (L4aHubQuery         *self,
                                                  guint               *n_nums);
guint               l4a_hub_query_count_all      (L4aHubQuery         *self);

/* Counts over the hubs the filter lets through, by SQL aggregates. */
GHashTable         *l4a_hub_query_count_regions  (L4aHubQuery         *self);
/* The hubs led from one place: a government, where it is. */
typedef struct
{
  char     *government_id;
  char     *government;  /* its name */
  char     *country;     /* ISO 3166-1 alpha-2 */
  char     *region;
  gboolean  located;     /* FALSE: at the middle of the country */
  double    latitude;
  double    longitude;
  guint     count;
} L4aPlaceCount;

void                l4a_place_count_free         (L4aPlaceCount       *count);
GPtrArray          *l4a_hub_query_count_places   (L4aHubQuery         *self,
                                                  gboolean             any_country);
GPtrArray          *l4a_hub_query_dup_names_led_by (L4aHubQuery       *self,
                                                  const char * const  *government_ids,
                                                  gboolean             any_country,
                                                  guint                max_names);
GPtrArray          *l4a_hub_query_link_places    (L4aHubQuery         *self,
                                                  gboolean             any_country);
GPtrArray          *l4a_hub_query_dup_names      (L4aHubQuery         *self,
                                                  const char          *country,
                                                  gboolean             any_country,
                                                  guint                max_names);
void                l4a_hub_query_count_sdgs     (L4aHubQuery         *self,
                                                  guint                counts[L4A_N_SDGS + 1]);
GPtrArray          *l4a_hub_query_ending_last    (L4aHubQuery         *self,
                                                  guint                max_hubs);
GPtrArray          *l4a_hub_query_dup_countries  (L4aHubQuery         *self);
gboolean            l4a_hub_query_get_years      (L4aHubQuery         *self,
                                                  int                 *first,
                                                  int                 *last);

G_END_DECLS
