/* l4a-cli-keys.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line's words for keys and the roster: keys, enrol, roster,
 * approve, revoke, verify (docs/bundle-format.md, "Signatures").
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "l4a-bundle.h"
#include "l4a-cli-private.h"
#include "l4a-import.h"
#include "l4a-trust.h"

/**
 * l4a_cli_find_reader:
 * @store: (nullable): the database, whose key opens a bundle sealed for it
 *
 * The key that opens the sealed bundle at @path: the database's, or, with
 * no database, whichever key of this user's installations it was sealed
 * for.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL
 */
L4aKey *
l4a_cli_find_reader (const char *path,
                     L4aStore   *store)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "local4action", "keys", NULL);
  /* a pipe would hold the mapping up: what is no file has no key to find
   * (reading the bundle then says why) */
  g_autoptr(GMappedFile) mapped = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_mapped_file_new (path, FALSE, NULL)
                                                                            : NULL;
  g_autofree char *for_key = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (store != NULL)
    {
      L4aKey *key = l4a_store_get_key (store, NULL);

      return key ? l4a_key_ref (key) : NULL;
    }
  if (mapped == NULL)
    return NULL;
  for_key = l4a_bundle_peek_sealed_for (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  if (for_key == NULL || (dir = g_dir_open (folder, 0, NULL)) == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (folder, name, NULL);
      g_autoptr(L4aKey) key = g_str_has_suffix (name, ".key") ? l4a_key_load (file, NULL) : NULL;

      if (key != NULL && g_str_equal (l4a_key_get_public (key), for_key))
        return g_steal_pointer (&key);
    }
  return NULL;
}

static gboolean
parse_options (GOptionContext  *context,
               GOptionEntry    *entries,
               const char      *summary,
               int             *argc,
               char          ***argv,
               GError         **error)
{
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  return g_option_context_parse (context, argc, argv, error);
}

int
l4a_cli_keys (L4aGlobalOptions  *options,
              int                argc,
              char             **argv)
{
  gboolean rotate = FALSE;
  GOptionEntry entries[] = {
    { "rotate", 0, 0, G_OPTION_ARG_NONE, &rotate,
      N_("Give the World Secretariat’s workstation a new key, announced to the others by the old one"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *path = NULL;
  L4aKey *key;

  if (!parse_options (context, entries, _("Show this workstation’s key and its fingerprint, to read aloud to the "
                                          "person who approves it."), &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 1)
    return l4a_cli_fail (EXIT_USAGE, _("“keys” takes no arguments."));
  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  if (rotate && !l4a_trust_rotate (store, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  key = l4a_store_get_key (store, &error);
  if (key == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  fingerprint = l4a_key_fingerprint (l4a_key_get_public (key));
  path = l4a_store_dup_key_path (store);
  printf (_("Fingerprint: %s\n"), fingerprint);
  printf (_("Public key:  %s\n"), l4a_key_get_public (key));
  printf (_("Key file:    %s\n"), path);
  return EXIT_SUCCESS;
}

int
l4a_cli_enrol (L4aGlobalOptions  *options,
               int                argc,
               char             **argv)
{
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The enrolment request file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  if (!parse_options (context, entries, _("Write this workstation’s enrolment request (its key and who it acts "
                                          "as), for the World Secretariat to approve."), &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 1 || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the file: enrol --out FILE"));
  store = l4a_cli_open_store (options, &error);
  if (store == NULL || !l4a_bundle_export (store, "enrolment", NULL, out, NULL, NULL, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  fingerprint = l4a_key_fingerprint (l4a_key_get_public (l4a_store_get_key (store, NULL)));
  printf (_("Wrote the enrolment request of key %s. Send it to the World Secretariat, and read them the "
            "fingerprint by another channel.\n"), fingerprint);
  return EXIT_SUCCESS;
}

int
l4a_cli_roster (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_list = NULL;

  if (!parse_options (context, entries, _("List the keys this workstation knows: whose each is, and whether it is "
                                          "waiting for approval, approved or revoked."), &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 1)
    return l4a_cli_fail (EXIT_USAGE, _("“roster” takes no arguments."));
  store = l4a_cli_open_store (options, &error);
  if (store == NULL || (entries_list = l4a_trust_list (store, &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries_list->len; i++)
        {
          L4aRosterEntry *entry = g_ptr_array_index (entries_list, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "public_key", entry->public_key);
          l4a_cli_add_string (builder, "fingerprint", entry->fingerprint);
          l4a_cli_add_string (builder, "role", l4a_role_to_string (entry->role));
          l4a_cli_add_string (builder, "actor", entry->actor_id);
          l4a_cli_add_string (builder, "name", entry->name);
          l4a_cli_add_string (builder, "status", l4a_key_status_to_string (entry->status));
          l4a_cli_add_string (builder, "requested_at", entry->requested_at);
          l4a_cli_add_string (builder, "approved_at", entry->approved_at);
          l4a_cli_add_string (builder, "revoked_at", entry->revoked_at);
          l4a_cli_add_string (builder, "replaces", entry->replaces);
          json_builder_set_member_name (builder, "own");
          json_builder_add_boolean_value (builder, entry->own);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
      return EXIT_SUCCESS;
    }

  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("FINGERPRINT"), _("ROLE"), _("NAME"), _("STATE"), _("SINCE"),
                                                   NULL }));
    for (guint i = 0; i < entries_list->len; i++)
      {
        L4aRosterEntry *entry = g_ptr_array_index (entries_list, i);
        const char *since = entry->status == L4A_KEY_STATUS_REVOKED ? entry->revoked_at
                            : entry->status == L4A_KEY_STATUS_APPROVED ? entry->approved_at : entry->requested_at;
        char **row = g_new0 (char *, 6);

        row[0] = g_strdup (entry->fingerprint);
        row[1] = g_strdup (l4a_role_get_label (entry->role));
        row[2] = entry->own ? g_strdup_printf (_("%s (this workstation)"), entry->name) : g_strdup (entry->name);
        row[3] = g_strdup (l4a_key_status_get_label (entry->status));
        row[4] = g_strdup (since ? since : "");
        g_ptr_array_add (rows, row);
      }
    l4a_cli_print_table (rows, 5);
  }
  return EXIT_SUCCESS;
}

int
l4a_cli_approve (L4aGlobalOptions  *options,
                 int                argc,
                 char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ENROLMENT"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aRosterEntry) entry = NULL;
  g_autofree char *reference = NULL;

  if (!parse_options (context, NULL, _("Approve an enrolment request, given as its file or as the fingerprint of a "
                                       "key waiting for approval, after comparing the fingerprint with the person "
                                       "by another channel."), &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which enrolment request to approve: its file or its fingerprint."));
  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(L4aBundle) bundle = l4a_bundle_load (argv[1], &error);

      if (bundle == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      if (g_strcmp0 (bundle->kind, "enrolment") != 0)
        return l4a_cli_fail (EXIT_FAILURE, _("“%s” is not an enrolment request."), argv[1]);
      if (!l4a_import_now (store, bundle, NULL, FALSE, NULL, NULL, &error))
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      reference = g_strdup (bundle->signer_key);
    }
  else
    reference = g_strdup (argv[1]);

  if (!l4a_trust_approve (store, reference, &error) || (entry = l4a_trust_find (store, reference, &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  /* translators: a key's fingerprint, a name, a role */
  printf (_("Approved key %s of %s (%s).\n"), entry->fingerprint, entry->name, l4a_role_get_label (entry->role));
  return EXIT_SUCCESS;
}

int
l4a_cli_revoke (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("KEY"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aRosterEntry) entry = NULL;

  if (!parse_options (context, NULL, _("Revoke a lost or stolen key, given as its fingerprint (or its start) or "
                                       "the key itself: what it signs from now on is refused."), &argc, &argv,
                      &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which key to revoke."));
  store = l4a_cli_open_store (options, &error);
  if (store == NULL || !l4a_trust_revoke (store, argv[1], &error) ||
      (entry = l4a_trust_find (store, argv[1], &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  printf (_("Revoked key %s of %s (%s).\n"), entry->fingerprint, entry->name, l4a_role_get_label (entry->role));
  return EXIT_SUCCESS;
}

int
l4a_cli_verify (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) trust_error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aKey) reader = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *sealed = NULL;
  gboolean trusted;

  if (!parse_options (context, entries, _("Tell who signed a bundle, for whom it is sealed, and whether this "
                                          "workstation would accept it, without changing the database."),
                      &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which bundle file to verify."));
  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  reader = l4a_cli_find_reader (argv[1], store);
  bundle = l4a_bundle_open (argv[1], reader, &error);
  if (bundle == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  trusted = l4a_trust_identify (store, bundle, &trust_error);
  signer = l4a_trust_describe_signer (store, bundle);
  fingerprint = bundle->signer_key ? l4a_key_fingerprint (bundle->signer_key) : NULL;
  sealed = bundle->sealed_for ? l4a_key_fingerprint (bundle->sealed_for) : NULL;
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      l4a_cli_add_string (builder, "kind", bundle->kind);
      l4a_cli_add_string (builder, "bundle", bundle->bundle_id);
      l4a_cli_add_string (builder, "signed_by", bundle->signer_key);
      l4a_cli_add_string (builder, "fingerprint", fingerprint);
      l4a_cli_add_string (builder, "sealed_for", bundle->sealed_for);
      json_builder_set_member_name (builder, "trusted");
      json_builder_add_boolean_value (builder, trusted);
      l4a_cli_add_string (builder, "role", trusted ? l4a_role_to_string (bundle->signer_role) : NULL);
      l4a_cli_add_string (builder, "actor", trusted ? bundle->signer_actor : NULL);
      l4a_cli_add_string (builder, "signer", signer);
      l4a_cli_add_string (builder, "problem", trust_error ? trust_error->message : NULL);
      json_builder_end_object (builder);
      l4a_cli_print_json (builder);
      return trusted ? EXIT_SUCCESS : EXIT_FAILURE;
    }
  {
    g_autofree char *safe = l4a_cli_terminal_safe (signer);

    /* translators: a kind of bundle, then who signed it */
    printf (_("%s bundle. %s.\n"), l4a_bundle_kind_get_label (bundle->kind), safe);
  }
  if (sealed != NULL)
    printf (_("Sealed for key %s (this workstation).\n"), sealed);
  else
    printf ("%s\n", _("Not sealed: anyone who has the file can read it."));
  if (!trusted)
    return l4a_cli_fail (EXIT_FAILURE, "%s", trust_error->message);
  return EXIT_SUCCESS;
}
