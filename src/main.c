/* main.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "local4action"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "l4a-application.h"
#include "l4a-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_auto(L4aGlobalOptions) options = { 0 };
  g_autoptr(L4aApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  /* GLib decides once, at its first translation, whether to translate at
   * all, and would not in a locale without our catalogue (C.UTF-8) once
   * our domain is set: the published website is written in languages
   * other than the user's, so it is decided before. */
  (void) g_dgettext ("glib20", "");
  /* an uninstalled build (tools/run, meson devenv) names its own catalogues */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("L4A_LOCALEDIR") ? g_getenv ("L4A_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!l4a_global_options_parse (&options, argc, argv, &error))
    {
      fprintf (stderr, "local4action: %s\n", error->message);
      return 2;
    }

  /* Bundles named on the command line (as the file manager does) are
   * opened in the window, to be previewed and imported. */
  if (options.command > 0 && !l4a_cli_is_command (argv[options.command]) &&
      (g_str_has_suffix (argv[options.command], ".json") ||
       g_file_test (argv[options.command], G_FILE_TEST_IS_REGULAR)))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      g_ptr_array_add (files, argv[0]);
      for (int i = options.command; i < argc; i++)
        g_ptr_array_add (files, argv[i]);
      g_ptr_array_add (files, NULL);
      app = l4a_application_new (options.db_path);
      l4a_application_act_as (app, options.role, options.identity);
      return g_application_run (G_APPLICATION (app), (int) files->len - 1, (char **) files->pdata);
    }

  /* A command, --version or --help works headless, with no display. */
  if (options.command > 0 || options.version || options.help)
    return l4a_cli_run (&options, argc, argv);

  app = l4a_application_new (options.db_path);
  /* --role and --as hold for this run of the window too */
  l4a_application_act_as (app, options.role, options.identity);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
