/* l4a-cli.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *db_path;     /* --db, or NULL for the default */
  char    *role;        /* --role */
  char    *identity;    /* --as */
  gboolean version;     /* --version */
  gboolean help;        /* --help */
  int      command;     /* index in argv of the command word, or 0 */
} L4aGlobalOptions;

gboolean l4a_global_options_parse (L4aGlobalOptions  *options,
                                   int                argc,
                                   char             **argv,
                                   GError           **error);
void     l4a_global_options_clear (L4aGlobalOptions  *options);
gboolean l4a_cli_is_command       (const char        *name);
int      l4a_cli_run              (L4aGlobalOptions  *options,
                                   int                argc,
                                   char             **argv);



G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (L4aGlobalOptions, l4a_global_options_clear)
char *l4a_cli_terminal_safe (const char *text);

G_END_DECLS
