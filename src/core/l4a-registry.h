/* l4a-registry.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "l4a-hub.h"
#include "l4a-store.h"

G_BEGIN_DECLS

/* What a list of proposals is narrowed to; NULL or 0 means "any". */
typedef struct
{
  const char *search;  /* words typed by the user, never FTS syntax */
  const char *region;  /* region code */
  const char *status;  /* hub status or proposal state */
  const char *call;    /* proposals: call id */
  const char *government; /* proposals: lead government id */
  guint       sdg;     /* goal 1..17 */
} L4aQuery;

char       *l4a_fts_query_from_text        (const char      *text);
gboolean    l4a_query_is_empty             (const L4aQuery  *query);
GListModel *l4a_registry_list_hubs         (L4aStore        *store,
                                            GError         **error);
L4aHub     *l4a_registry_get_hub           (L4aStore        *store,
                                            const char      *id,
                                            GError         **error);
GPtrArray  *l4a_registry_get_hubs          (L4aStore        *store,
                                            const guint     *nums,
                                            guint            n_nums,
                                            GError         **error);
GListModel *l4a_registry_list_proposals    (L4aStore        *store,
                                            const L4aQuery  *query,
                                            GError         **error);
GArray     *l4a_registry_proposal_nums     (L4aStore        *store,
                                            const L4aQuery  *query,
                                            guint            limit,
                                            GError         **error);
gboolean    l4a_registry_count_proposals   (L4aStore        *store,
                                            guint            few,
                                            guint           *n,
                                            GError         **error);
GPtrArray  *l4a_registry_get_proposals     (L4aStore        *store,
                                            const guint     *nums,
                                            guint            n_nums,
                                            GError         **error);
char       *l4a_sdgs_to_string             (guint            sdgs);

typedef struct
{
  char *id;
  char *title;
  char *status;
  char *opens_on;
  char *closes_on;
} L4aCallInfo;

GPtrArray  *l4a_registry_list_calls        (L4aStore        *store,
                                            GError         **error);
gboolean    l4a_call_info_is_open          (const L4aCallInfo *call);
gboolean    l4a_registry_list_identities   (L4aStore        *store,
                                            L4aRole          role,
                                            GPtrArray       *ids,
                                            GPtrArray       *names,
                                            GError         **error);

gboolean    l4a_registry_write_hubs_json   (GListModel      *hubs,
                                            GOutputStream   *out,
                                            GCancellable    *cancellable,
                                            GError         **error);

G_END_DECLS
