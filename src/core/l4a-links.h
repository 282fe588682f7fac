/* l4a-links.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

/* A link between two hubs, as one of them sees it. */
typedef struct
{
  char   *id;
  char   *hub_id;        /* the hub that proposed it */
  char   *hub_name;
  char   *other_id;
  char   *other_name;
  char   *reason;
  char   *note;
  char   *status;        /* proposed, accepted, declined */
  char   *proposed_by;   /* secretariat, government */
  gint64  revision;
} L4aHubLink;

/* A hub worth linking to, and why. */
typedef struct
{
  char  *id;
  char  *name;
  guint  shared_sdgs;
  guint  shared_councils;
  gboolean same_axis;
} L4aLinkSuggestion;

void        l4a_hub_link_free            (L4aHubLink        *link);
void        l4a_link_suggestion_free     (L4aLinkSuggestion *suggestion);

GPtrArray  *l4a_hub_links                (L4aStore    *store,
                                          const char  *hub_id,
                                          GError     **error);
gboolean    l4a_hub_link_can_propose     (L4aStore    *store,
                                          const char  *hub_id);
gboolean    l4a_hub_link_can_answer      (L4aStore    *store,
                                          const L4aHubLink *link);
gboolean    l4a_hub_link_propose         (L4aStore    *store,
                                          const char  *hub_id,
                                          const char  *other_id,
                                          const char  *reason,
                                          const char  *note,
                                          GError     **error);
gboolean    l4a_hub_link_answer          (L4aStore    *store,
                                          const char  *link_id,
                                          gboolean     accept,
                                          GError     **error);
gboolean    l4a_hub_link_remove          (L4aStore    *store,
                                          const char  *link_id,
                                          GError     **error);
GPtrArray  *l4a_hub_link_suggestions     (L4aStore    *store,
                                          const char  *hub_id,
                                          guint        limit,
                                          GError     **error);
gboolean    l4a_links_government_rule    (L4aStore    *store,
                                          const char  *actor,
                                          JsonObject  *object,
                                          const char  *record,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aHubLink, l4a_hub_link_free)

G_END_DECLS
