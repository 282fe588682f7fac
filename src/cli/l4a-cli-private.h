/* l4a-cli-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-cli.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define EXIT_USAGE 2

int       l4a_cli_fail        (int                status,
                               const char        *format,
                               ...) G_GNUC_PRINTF (2, 3);
L4aStore *l4a_cli_open_store  (L4aGlobalOptions  *options,
                               GError           **error);
void      l4a_cli_add_string  (JsonBuilder       *builder,
                               const char        *name,
                               const char        *value);
void      l4a_cli_print_json  (JsonBuilder       *builder);
void      l4a_cli_print_table (GPtrArray         *rows,
                               guint              n_columns);

int       l4a_cli_keys        (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_enrol       (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_roster      (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_approve     (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_revoke      (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_verify      (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_events      (L4aGlobalOptions  *options,
                               int                argc,
                               char             **argv);
int       l4a_cli_list_activities   (L4aStore   *store,
                                     const char *hub,
                                     gboolean    json);
int       l4a_cli_list_deliverables (L4aStore   *store,
                                     const char *hub,
                                     gboolean    json);
int       l4a_cli_list_reports      (L4aStore   *store,
                                     const char *hub,
                                     gboolean    json);
L4aKey   *l4a_cli_find_reader (const char        *path,
                               L4aStore          *store);

G_END_DECLS
