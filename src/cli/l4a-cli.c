/* l4a-cli.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <gio/gunixoutputstream.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "l4a-brand.h"
#include "l4a-bundle.h"
#include "l4a-charts.h"
#include "l4a-cli.h"
#include "l4a-cli-private.h"
#include "l4a-csv.h"
#include "l4a-government.h"
#include "l4a-hub.h"
#include "l4a-import.h"
#include "l4a-hub-filter.h"
#include "l4a-hub-query.h"
#include "l4a-member.h"
#include "l4a-proposal-edit.h"
#include "l4a-summary.h"
#include "l4a-proposal.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-indicator.h"
#include "l4a-labels.h"
#include "l4a-letter.h"
#include "l4a-packet.h"
#include "l4a-site.h"
#include "l4a-review.h"
#include "l4a-sample.h"
#include "l4a-store.h"
#include "l4a-trust.h"

#define EXIT_NOT_ELIGIBLE 3

typedef enum
{
  OUTPUT_TABLE,
  OUTPUT_JSON,
  OUTPUT_CSV,
} Output;

typedef int (*CommandFunc) (L4aGlobalOptions *options,
                            int               argc,
                            char            **argv);

static int command_sample  (L4aGlobalOptions *options, int argc, char **argv);
static int command_list    (L4aGlobalOptions *options, int argc, char **argv);
static int command_check   (L4aGlobalOptions *options, int argc, char **argv);
static int command_summary (L4aGlobalOptions *options, int argc, char **argv);
static int command_assign  (L4aGlobalOptions *options, int argc, char **argv);
static int command_scores  (L4aGlobalOptions *options, int argc, char **argv);
static int command_validate (L4aGlobalOptions *options, int argc, char **argv);
static int command_chart    (L4aGlobalOptions *options, int argc, char **argv);
static int command_label    (L4aGlobalOptions *options, int argc, char **argv);
static int command_export  (L4aGlobalOptions *options, int argc, char **argv);
static int command_import  (L4aGlobalOptions *options, int argc, char **argv);
static int command_publish (L4aGlobalOptions *options, int argc, char **argv);
static int command_vlr     (L4aGlobalOptions *options, int argc, char **argv);
static int command_letter  (L4aGlobalOptions *options, int argc, char **argv);
static int command_packet  (L4aGlobalOptions *options, int argc, char **argv);

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "sample", command_sample, N_("Load the illustrative sample data") },
  { "list", command_list, N_("List hubs, proposals, governments, board members, reviews, activities, deliverables or reports, as a table or JSON") },
  { "check", command_check, N_("Check a proposal against the six key features") },
  { "summary", command_summary, N_("Write a proposal's one-page summary as PDF") },
  { "assign", command_assign, N_("Assign Advisory Board reviewers to the proposals of a call") },
  { "scores", command_scores, N_("Aggregated review scores and ranking of a call") },
  { "validate", command_validate, N_("Check a bundle without touching the database") },
  { "export", command_export, N_("Write a bundle") },
  { "import", command_import, N_("Check a bundle, preview what importing it would change, and import it") },
  { "chart", command_chart, N_("Draw a chart to PNG, SVG or PDF; --list names the charts") },
  { "label", command_label, N_("Draw a hub’s co-branded label to PNG, SVG or PDF") },
  { "keys", l4a_cli_keys, N_("Show this workstation’s key and fingerprint; --rotate gives the secretariat a new one") },
  { "enrol", l4a_cli_enrol, N_("Write this workstation’s enrolment request for the World Secretariat") },
  { "roster", l4a_cli_roster, N_("List the keys this workstation knows and their state") },
  { "approve", l4a_cli_approve, N_("Approve an enrolment request (secretariat)") },
  { "revoke", l4a_cli_revoke, N_("Revoke a lost or stolen key (secretariat)") },
  { "verify", l4a_cli_verify, N_("Tell who signed a bundle and for whom it is sealed, changing nothing") },
  { "publish", command_publish, N_("Publish the registry as a website, in a folder (secretariat)") },
  { "letter", command_letter, N_("Write the letter of a released decision as PDF, in the government's language") },
  { "packet", command_packet, N_("Write the committee packet of a call as PDF: ranking, summaries, scores (secretariat)") },
  { "events", l4a_cli_events, N_("List the network’s meetings, or write them as an iCalendar file with --ics") },
  { "vlr", command_vlr, N_("Write a hub's indicators, or every hub's, as the CSV annex of a Voluntary Local Review") },
};

/**
 * l4a_cli_is_command:
 *
 * Returns: whether @name is a command word rather than a file to open
 */
gboolean
l4a_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return TRUE;
  return FALSE;
}


/* Text from the database or a bundle, made safe to print on a terminal:
 * control characters (escape sequences among them, which could move the
 * cursor, retitle the window or hide what follows), C1 controls and the
 * marks that reverse the direction of text each become U+FFFD; invalid
 * UTF-8 too. Returns: (transfer full) */
char *
l4a_cli_terminal_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
int
l4a_cli_fail (int         status,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever the message holds, and nothing a terminal obeys */
  g_strdelimit (message, "\n\r\t", ' ');
  {
    g_autofree char *safe = l4a_cli_terminal_safe (message);

    fprintf (stderr, "local4action: %s\n", safe);
  }
  return status;
}

void
l4a_global_options_clear (L4aGlobalOptions *options)
{
  g_clear_pointer (&options->db_path, g_free);
  g_clear_pointer (&options->role, g_free);
  g_clear_pointer (&options->identity, g_free);
}

static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *name,
            char       **value,
            GError     **error)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  if (strncmp (arg, name, len) == 0 && arg[len] == '=')
    {
      g_free (*value);
      *value = g_strdup (arg + len + 1);
      return TRUE;
    }

  if (*i + 1 >= argc)
    {
      /* translators: %s is an option such as --db */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s needs a value."), name);
      return FALSE;
    }

  g_free (*value);
  *value = g_strdup (argv[++(*i)]);
  return TRUE;
}

static gboolean
option_matches (const char *arg,
                const char *name)
{
  gsize len = strlen (name);

  return strncmp (arg, name, len) == 0 && (arg[len] == '\0' || arg[len] == '=');
}

/**
 * l4a_global_options_parse:
 *
 * Reads the options that come before the command word: `--db`, `--role`,
 * `--as`, `--version` and `--help`. The command's own options follow it.
 */
gboolean
l4a_global_options_parse (L4aGlobalOptions  *options,
                          int                argc,
                          char             **argv,
                          GError           **error)
{
  memset (options, 0, sizeof *options);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (option_matches (arg, "--db"))
        {
          if (!take_value (argc, argv, &i, "--db", &options->db_path, error))
            return FALSE;
        }
      else if (option_matches (arg, "--role"))
        {
          if (!take_value (argc, argv, &i, "--role", &options->role, error))
            return FALSE;
        }
      else if (option_matches (arg, "--as"))
        {
          if (!take_value (argc, argv, &i, "--as", &options->identity, error))
            return FALSE;
        }
      else if (g_str_equal (arg, "--version"))
        options->version = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        options->help = TRUE;
      else if (arg[0] != '-')
        {
          options->command = i;
          break;
        }
      else
        {
          /* translators: %s is a command-line option */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                       _("Unknown option %s; see “local4action --help”."), arg);
          return FALSE;
        }
    }

  if (options->role != NULL)
    {
      L4aRole role;

      if (!l4a_role_from_string (options->role, &role))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* translators: %s is what the user gave; keep the three role words as they are */
                       _("Unknown role “%s”: use secretariat, member or government."), options->role);
          return FALSE;
        }
    }

  if (options->db_path != NULL && options->db_path[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--db needs a file name."));
      return FALSE;
    }

  return TRUE;
}

static void
print_help (void)
{
  printf ("%s\n\n", _("Usage: local4action [--db PATH] [--role ROLE --as ID] [COMMAND [OPTIONS]]"));
  printf ("%s\n\n", _("Without a command, opens the Local4Action Hubs window."));
  printf ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  printf ("\n%s\n", _("Options:"));
  printf ("  %-18s %s\n", "--db PATH", _("Use the database at PATH instead of the default one"));
  printf ("  %-18s %s\n", "--role ROLE", _("Act as secretariat, member or government for this command"));
  printf ("  %-18s %s\n", "--as ID", _("The member or government to act as"));
  printf ("  %-18s %s\n", "--version", _("Print the version and exit"));
}

L4aStore *
l4a_cli_open_store (L4aGlobalOptions *options,
            GError          **error)
{
  g_autofree char *path = options->db_path ? g_strdup (options->db_path) : l4a_store_default_path ();
  g_autoptr(L4aStore) store = NULL;
  L4aRole role = L4A_ROLE_SECRETARIAT;
  g_autofree char *identity = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  /* The workstation's role and identity, unless overridden for this command. */
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *nick = g_settings_get_string (settings, "role");

      l4a_role_from_string (nick, &role);
      identity = g_settings_get_string (settings, "identity");
    }

  if (options->role)
    l4a_role_from_string (options->role, &role);
  if (options->identity)
    {
      g_free (identity);
      identity = g_strdup (options->identity);
    }

  store = l4a_store_open (path, error);
  if (store == NULL)
    return NULL;

  l4a_store_set_actor (store, role, identity);
  return g_steal_pointer (&store);
}

static int
command_sample (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _("Load the illustrative sample data into the database."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc > 1)
    return l4a_cli_fail (EXIT_USAGE, _("“sample” takes no arguments."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL || !l4a_sample_load (store, counts, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  /* translators: the numbers are counts of records */
  printf (_("Loaded the sample data: %u hubs, %u proposals, %u calls, %u board members.\n"),
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, "hub")),
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, "proposal")),
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, "call")),
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, "member")));
  return EXIT_SUCCESS;
}

static void
add_sdgs (JsonBuilder *builder,
          guint        sdgs)
{
  json_builder_set_member_name (builder, "sdgs");
  json_builder_begin_array (builder);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (sdgs & (1u << goal))
      json_builder_add_int_value (builder, goal);
  json_builder_end_array (builder);
}

/* A number with @digits decimals as tables and JSON hold it: a point
 * before the decimals whatever the locale, so that programs read it. */
static char *
plain_number (double value,
              int    digits)
{
  char format[8], buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (format, sizeof format, "%%.%df", digits);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

void
l4a_cli_add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
l4a_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* Prints rows of cells as a table whose columns line up on screen. */
void
l4a_cli_print_table (GPtrArray *rows,
             guint      n_columns)
{
  g_autofree glong *widths = g_new0 (glong, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_columns; c++)
        {
          /* what the cells hold comes from records: made safe once */
          char *safe = l4a_cli_terminal_safe (cells[c]);

          g_free (cells[c]);
          cells[c] = safe;
          widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = cells[c] ? cells[c] : "";

          g_string_append (line, cell);
          if (c + 1 < n_columns)
            for (glong pad = g_utf8_strlen (cell, -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      printf ("%s\n", line->str);
    }
}

static int
list_hubs (L4aStore           *store,
           const L4aHubFilter *filter,
           int                 output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aHubQuery) query = l4a_hub_query_new_for_store (store);
  GListModel *hubs = G_LIST_MODEL (query);
  guint n;

  /* the same list as the window's: searched, filtered and sorted in SQLite */
  l4a_hub_query_set_filter (query, filter);
  n = g_list_model_get_n_items (hubs);
  if (output == OUTPUT_CSV)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      if (!l4a_csv_write_hubs (hubs, out, NULL, &error))
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
    }
  else if (output == OUTPUT_JSON)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      if (!l4a_registry_write_hubs_json (hubs, out, NULL, &error))
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      char *header[] = { _("NAME"), _("GOVERNMENT"), _("COUNTRY"), _("REGION"), _("SDGS"),
                         _("STATUS"), _("START"), _("END"), NULL };

      g_ptr_array_add (rows, g_strdupv (header));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aHub) hub = g_list_model_get_item (hubs, i);
          char **row = g_new0 (char *, 9);

          row[0] = g_strdup (l4a_hub_get_name (hub));
          row[1] = g_strdup (l4a_hub_get_government (hub));
          row[2] = g_strdup (l4a_hub_get_country (hub));
          row[3] = g_strdup (l4a_hub_get_region (hub));
          row[4] = l4a_sdgs_to_string (l4a_hub_get_sdgs (hub));
          row[5] = g_strdup (l4a_hub_get_status (hub));
          row[6] = g_strdup (l4a_hub_get_start (hub));
          row[7] = g_strdup (l4a_hub_get_end (hub));
          g_ptr_array_add (rows, row);
        }
      l4a_cli_print_table (rows, 8);
    }

  return EXIT_SUCCESS;
}

static int
list_proposals (L4aStore       *store,
                const L4aQuery *query,
                gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) proposals = l4a_registry_list_proposals (store, query, &error);
  guint n;

  if (proposals == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  n = g_list_model_get_n_items (proposals);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aProposal) proposal = g_list_model_get_item (proposals, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "id", l4a_proposal_get_id (proposal));
          l4a_cli_add_string (builder, "title", l4a_proposal_get_title (proposal));
          l4a_cli_add_string (builder, "call", l4a_proposal_get_call (proposal));
          l4a_cli_add_string (builder, "government", l4a_proposal_get_government (proposal));
          l4a_cli_add_string (builder, "country", l4a_proposal_get_country (proposal));
          l4a_cli_add_string (builder, "region", l4a_proposal_get_region (proposal));
          add_sdgs (builder, l4a_proposal_get_sdgs (proposal));
          l4a_cli_add_string (builder, "state", l4a_proposal_get_state (proposal));
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, l4a_proposal_get_version (proposal));
          l4a_cli_add_string (builder, "submitted", l4a_proposal_get_submitted (proposal));
          json_builder_set_member_name (builder, "sample");
          json_builder_add_boolean_value (builder, l4a_proposal_get_sample (proposal));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      char *header[] = { _("TITLE"), _("GOVERNMENT"), _("COUNTRY"), _("CALL"), _("STATE"),
                         _("VERSION"), NULL };

      g_ptr_array_add (rows, g_strdupv (header));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aProposal) proposal = g_list_model_get_item (proposals, i);
          char **row = g_new0 (char *, 7);

          row[0] = g_strdup (l4a_proposal_get_title (proposal));
          row[1] = g_strdup (l4a_proposal_get_government (proposal));
          row[2] = g_strdup (l4a_proposal_get_country (proposal));
          row[3] = g_strdup (l4a_proposal_get_call (proposal));
          row[4] = g_strdup (l4a_proposal_get_state (proposal));
          row[5] = g_strdup_printf ("%u", l4a_proposal_get_version (proposal));
          g_ptr_array_add (rows, row);
        }
      l4a_cli_print_table (rows, 6);
    }

  return EXIT_SUCCESS;
}

/* Checks that @value is a code of @table; otherwise fails with the list of
 * the codes there are. */
static gboolean
check_code (L4aReferenceTable  table,
            const char        *option,
            const char        *value,
            int               *status)
{
  guint n;
  const L4aReferenceEntry *entries;
  g_autoptr(GString) known = g_string_new (NULL);

  if (value == NULL || l4a_reference_lookup (table, value) != NULL)
    return TRUE;

  entries = l4a_reference_entries (table, &n);
  if (table == L4A_REFERENCE_COUNTRIES)
    g_string_append (known, _("two-letter ISO 3166 codes such as ES, BR or ZA"));
  else
    for (guint i = 0; i < n; i++)
      g_string_append_printf (known, "%s%s", i ? ", " : "", entries[i].code);

  /* translators: an option, what the user gave, then the codes there are */
  *status = l4a_cli_fail (EXIT_USAGE, _("%s: unknown code “%s”; use %s."), option, value, known->str);
  return FALSE;
}

static gboolean
check_word (const char         *option,
            const char         *value,
            const char * const *words,
            int                *status)
{
  g_autofree char *known = NULL;

  if (value == NULL || g_strv_contains (words, value))
    return TRUE;

  known = g_strjoinv (", ", (char **) words);
  *status = l4a_cli_fail (EXIT_USAGE, _("%s: unknown code “%s”; use %s."), option, value, known);
  return FALSE;
}

/* Reads "11" or "11,13,17" into a mask of goals. */
static gboolean
parse_sdgs (const char *text,
            guint      *mask,
            int        *status)
{
  g_auto(GStrv) parts = NULL;

  *mask = 0;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      guint64 goal = 0;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, L4A_N_SDGS, &goal, NULL))
        {
          *status = l4a_cli_fail (EXIT_USAGE, _("--sdg takes goal numbers from 1 to 17, such as 11 or 11,13."));
          return FALSE;
        }
      *mask |= 1u << goal;
    }

  return TRUE;
}

static int
list_members (L4aStore *store,
              gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = l4a_member_list (store, &error);

  if (members == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < members->len; i++)
        {
          L4aMemberEdit *member = g_ptr_array_index (members, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "id", member->id);
          l4a_cli_add_string (builder, "name", member->name);
          l4a_cli_add_string (builder, "government", member->government_id);
          l4a_cli_add_string (builder, "country", member->country);
          l4a_cli_add_string (builder, "region", member->region);
          l4a_cli_add_string (builder, "contact", member->contact);
          json_builder_set_member_name (builder, "sdgs");
          json_builder_begin_array (builder);
          for (guint k = 0; k < member->sdgs->len; k++)
            json_builder_add_int_value (builder, g_array_index (member->sdgs, guint, k));
          json_builder_end_array (builder);
          {
            const char *names[] = { "axes", "regions", "languages" };
            char **lists[] = { member->axes, member->regions, member->languages };

            for (guint l = 0; l < G_N_ELEMENTS (names); l++)
              {
                json_builder_set_member_name (builder, names[l]);
                json_builder_begin_array (builder);
                for (guint k = 0; lists[l][k]; k++)
                  json_builder_add_string_value (builder, lists[l][k]);
                json_builder_end_array (builder);
              }
          }
          json_builder_set_member_name (builder, "conflicts");
          json_builder_begin_array (builder);
          for (guint k = 0; k < member->conflicts->len; k++)
            {
              L4aConflictEdit *conflict = g_ptr_array_index (member->conflicts, k);

              json_builder_begin_object (builder);
              l4a_cli_add_string (builder, "government", conflict->government_id);
              l4a_cli_add_string (builder, "kind", conflict->automatic ? "automatic" : "declared");
              l4a_cli_add_string (builder, "reason", conflict->reason);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Name"), _("Country"), _("Region"), _("Reads"),
                                                     _("Conflicts"), NULL }));
      for (guint i = 0; i < members->len; i++)
        {
          L4aMemberEdit *member = g_ptr_array_index (members, i);
          g_autofree char *conflicts = g_strdup_printf ("%u", member->conflicts->len);
          g_autofree char *reads = member->languages[0] ? g_strjoinv (" ", member->languages)
                                                        : g_strdup (_("not declared"));

          g_ptr_array_add (rows, g_strdupv ((char *[]) { member->name, member->country,
                                                         (char *) l4a_reference_translate (L4A_REFERENCE_REGIONS,
                                                                                           member->region),
                                                         reads, conflicts, NULL }));
        }
      l4a_cli_print_table (rows, 5);
    }
  return EXIT_SUCCESS;
}

/* The governments whose names or countries hold @search (every one
 * without), by name: the same search as the windows' government rows. */
static int
list_governments (L4aStore   *store,
                  const char *search,
                  gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) governments = l4a_registry_find_governments (store, search, G_MAXUINT, NULL, &error);
  guint n;

  if (governments == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  n = g_list_model_get_n_items (governments);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aGovernment) government = g_list_model_get_item (governments, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "id", l4a_government_get_id (government));
          l4a_cli_add_string (builder, "name", l4a_government_get_name (government));
          l4a_cli_add_string (builder, "kind", l4a_government_get_kind (government));
          l4a_cli_add_string (builder, "country", l4a_government_get_country (government));
          l4a_cli_add_string (builder, "region", l4a_government_get_region (government));
          json_builder_set_member_name (builder, "hubs");
          json_builder_add_int_value (builder, l4a_government_get_hubs (government));
          json_builder_set_member_name (builder, "proposals");
          json_builder_add_int_value (builder, l4a_government_get_proposals (government));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Name"), _("Kind"), _("Country"), _("Hubs"), _("Proposals"),
                                                     NULL }));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aGovernment) government = g_list_model_get_item (governments, i);
          g_autofree char *hubs = g_strdup_printf ("%u", l4a_government_get_hubs (government));
          g_autofree char *proposals = g_strdup_printf ("%u", l4a_government_get_proposals (government));

          g_ptr_array_add (rows, g_strdupv ((char *[]) {
            (char *) l4a_government_get_name (government),
            (char *) l4a_government_kind_label (l4a_government_get_kind (government)),
            (char *) l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_government_get_country (government)),
            hubs, proposals, NULL }));
        }
      l4a_cli_print_table (rows, 5);
    }
  return EXIT_SUCCESS;
}

/* A board member lists what is assigned to them; the secretariat every
 * review of a call. */
static int
list_reviews (L4aStore   *store,
              const char *call,
              gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  json_builder_begin_array (builder);
  if (l4a_store_get_role (store) == L4A_ROLE_MEMBER)
    {
      g_autoptr(GPtrArray) list = l4a_review_my_assignments (store, &error);

      if (list == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Proposal"), _("Call"), _("Review"), NULL }));
      for (guint i = 0; i < list->len; i++)
        {
          L4aAssignmentInfo *info = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "proposal", info->proposal_id);
          l4a_cli_add_string (builder, "title", info->title);
          l4a_cli_add_string (builder, "government", info->government);
          l4a_cli_add_string (builder, "call", info->call);
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, info->version);
          l4a_cli_add_string (builder, "due", info->due_on);
          l4a_cli_add_string (builder, "review", l4a_enum_to_nick (L4A_TYPE_REVIEW_STATE, info->state));
          json_builder_end_object (builder);
          g_ptr_array_add (rows, g_strdupv ((char *[]) { info->title, info->call,
                                                         (char *) l4a_enum_to_nick (L4A_TYPE_REVIEW_STATE,
                                                                                    info->state),
                                                         NULL }));
        }
    }
  else
    {
      g_autofree char *call_id = NULL;
      g_autoptr(GPtrArray) scores = NULL;

      if (l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT)
        return l4a_cli_fail (EXIT_FAILURE, "%s", _("Reviews are read by the Advisory Board and the World Secretariat only."));
      if (call == NULL)
        return l4a_cli_fail (EXIT_USAGE, "%s", _("Say which call with --call."));
      if ((call_id = l4a_store_resolve_reference (store, "call", call, &error)) == NULL ||
          (scores = l4a_review_scores (store, call_id, NULL, &error)) == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Proposal"), _("Reviewer"), _("Version"), _("Score"),
                                                     _("Recommendation"), NULL }));
      for (guint i = 0; i < scores->len; i++)
        {
          L4aProposalScore *score = g_ptr_array_index (scores, i);
          g_autoptr(GPtrArray) reviews = l4a_review_list (store, score->proposal_id, &error);

          if (reviews == NULL)
            return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
          for (guint k = 0; k < reviews->len; k++)
            {
              L4aReview *review = g_ptr_array_index (reviews, k);
              g_autofree char *version = g_strdup_printf ("%d", review->proposal_version);
              g_autofree char *value = NULL;
              double weighted;
              gboolean scored = l4a_review_weighted_score (review, &weighted);

              value = scored ? plain_number (weighted, 2) : g_strdup ("");
              json_builder_begin_object (builder);
              l4a_cli_add_string (builder, "proposal", review->proposal_id);
              l4a_cli_add_string (builder, "title", score->title);
              l4a_cli_add_string (builder, "member", review->member_id);
              l4a_cli_add_string (builder, "reviewer", review->reviewer);
              json_builder_set_member_name (builder, "version");
              json_builder_add_int_value (builder, review->proposal_version);
              json_builder_set_member_name (builder, "score");
              if (scored)
                json_builder_add_double_value (builder, round (weighted * 100) / 100);
              else
                json_builder_add_null_value (builder);
              l4a_cli_add_string (builder, "recommendation", review->recommendation);
              l4a_cli_add_string (builder, "submitted", review->submitted_at);
              json_builder_end_object (builder);
              g_ptr_array_add (rows, g_strdupv ((char *[]) { score->title, review->reviewer, version, value,
                                                             review->recommendation ? review->recommendation
                                                                                    : (char *) _("draft"),
                                                             NULL }));
            }
        }
    }
  json_builder_end_array (builder);

  if (json)
    l4a_cli_print_json (builder);
  else
    l4a_cli_print_table (rows, ((char **) g_ptr_array_index (rows, 0))[3] ? 5 : 3);
  return EXIT_SUCCESS;
}

static int
command_list (L4aGlobalOptions  *options,
              int                argc,
              char             **argv)
{
  const char * const *hub_statuses = l4a_enum_get_nicks (L4A_TYPE_HUB_STATUS);
  const char * const *proposal_states = l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE);
  const char * const *formats = l4a_enum_get_nicks (L4A_TYPE_FORMAT);
  g_autofree char *search = NULL;
  g_autofree char *region = NULL;
  g_autofree char *country = NULL;
  g_autofree char *axis = NULL;
  g_autofree char *format = NULL;
  g_autofree char *council = NULL;
  g_autofree char *status = NULL;
  g_autofree char *call = NULL;
  g_autofree char *sdg = NULL;
  g_autofree char *hub = NULL;
  int year = 0;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "hub", 0, 0, G_OPTION_ARG_STRING, &hub, N_("Only the activities, deliverables or reports of this hub (its name or id)"), N_("HUB") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only records matching these words"), N_("TEXT") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only this world region (a region code)"), N_("REGION") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only this country (an ISO 3166 code such as ES)"), N_("CODE") },
    { "sdg", 0, 0, G_OPTION_ARG_STRING, &sdg, N_("Only records with one of these SDG goals (1 to 17, comma-separated)"), N_("N[,N…]") },
    { "axis", 0, 0, G_OPTION_ARG_STRING, &axis, N_("Only hubs on this Pact axis (people, planet, government)"), N_("AXIS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Only hubs of this format (in-person, virtual, hybrid)"), N_("FORMAT") },
    { "council", 0, 0, G_OPTION_ARG_STRING, &council, N_("Only hubs linked to this Policy Council (a council code)"), N_("COUNCIL") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only hubs active at some time in this year"), N_("YEAR") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("Only hubs with this status, or proposals in this state"), N_("STATUS") },
    { "call", 0, 0, G_OPTION_ARG_STRING, &call, N_("Only proposals or reviews of this call (its id)"), N_("CALL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV instead of a table (hubs)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("hubs|proposals|members|reviews|activities|deliverables|reports"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean hubs;
  Output output;
  guint sdgs = 0;
  int status_code = EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List hubs, proposals, governments, board members, reviews, activities, deliverables or progress reports."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);

  if (argc == 2 && (g_str_equal (argv[1], "activities") || g_str_equal (argv[1], "deliverables") ||
                    g_str_equal (argv[1], "reports")))
    {
      if (search || region || country || sdg || axis || format || council || year || status || csv || call)
        return l4a_cli_fail (EXIT_USAGE, _("“list activities”, “list deliverables” and “list reports” take --hub and "
                                           "--json."));
      store = l4a_cli_open_store (options, &error);
      if (store == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      if (hub != NULL)
        {
          /* the hub by its id or its name, as vlr takes it */
          char *id = l4a_store_resolve_reference (store, "hub", hub, &error);

          if (id == NULL)
            return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
          g_free (hub);
          hub = id;
        }
      if (g_str_equal (argv[1], "reports"))
        return l4a_cli_list_reports (store, hub, json);
      return g_str_equal (argv[1], "activities") ? l4a_cli_list_activities (store, hub, json)
                                                 : l4a_cli_list_deliverables (store, hub, json);
    }
  if (hub != NULL)
    return l4a_cli_fail (EXIT_USAGE, _("--hub narrows activities, deliverables and reports."));

  if (argc == 2 && g_str_equal (argv[1], "governments"))
    {
      if (region || country || sdg || axis || format || council || year || status || csv || call)
        return l4a_cli_fail (EXIT_USAGE, _("“list governments” takes --search and --json."));
      store = l4a_cli_open_store (options, &error);
      if (store == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      return list_governments (store, search, json);
    }
  if (argc == 2 && (g_str_equal (argv[1], "members") || g_str_equal (argv[1], "reviews")))
    {
      if (search || region || country || sdg || axis || format || council || year || status || csv ||
          (call && g_str_equal (argv[1], "members")))
        return l4a_cli_fail (EXIT_USAGE, _("“list members” takes --json; “list reviews” takes --call and --json."));
      store = l4a_cli_open_store (options, &error);
      if (store == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      return g_str_equal (argv[1], "members") ? list_members (store, json) : list_reviews (store, call, json);
    }
  if (argc != 2 || (!g_str_equal (argv[1], "hubs") && !g_str_equal (argv[1], "proposals")))
    return l4a_cli_fail (EXIT_USAGE, _("Say what to list: “list hubs”, “list proposals”, “list governments”, "
                                       "“list members”, “list reviews”, “list activities”, “list deliverables” or "
                                       "“list reports”."));
  hubs = g_str_equal (argv[1], "hubs");

  if (json && csv)
    return l4a_cli_fail (EXIT_USAGE, _("Choose one of --json and --csv."));
  output = json ? OUTPUT_JSON : csv ? OUTPUT_CSV : OUTPUT_TABLE;
  if (!hubs && output == OUTPUT_CSV)
    return l4a_cli_fail (EXIT_USAGE, _("--csv lists hubs; use --json for proposals."));
  if (!hubs && (country || axis || format || council || year))
    return l4a_cli_fail (EXIT_USAGE, _("--country, --axis, --format, --council and --year narrow hubs, not proposals."));
  if (hubs && call)
    return l4a_cli_fail (EXIT_USAGE, _("--call narrows proposals, not hubs."));
  if (year != 0 && (year < 1900 || year > 2200))
    return l4a_cli_fail (EXIT_USAGE, _("--year takes a year such as 2026."));

  if (country)
    for (char *p = country; *p; p++)
      *p = g_ascii_toupper (*p);

  if (!parse_sdgs (sdg, &sdgs, &status_code) ||
      !check_code (L4A_REFERENCE_REGIONS, "--region", region, &status_code) ||
      !check_code (L4A_REFERENCE_COUNTRIES, "--country", country, &status_code) ||
      !check_code (L4A_REFERENCE_AXES, "--axis", axis, &status_code) ||
      !check_code (L4A_REFERENCE_COUNCILS, "--council", council, &status_code) ||
      !check_word ("--format", format, formats, &status_code) ||
      !check_word ("--status", status, hubs ? hub_statuses : proposal_states, &status_code))
    return status_code;

  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (hubs)
    {
      g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();

      filter->region = g_steal_pointer (&region);
      filter->country = g_steal_pointer (&country);
      filter->axis = g_steal_pointer (&axis);
      filter->format = g_steal_pointer (&format);
      filter->status = g_steal_pointer (&status);
      filter->councils = l4a_council_mask (council);
      filter->sdgs = sdgs;
      filter->year = year;
      filter->search = g_strdup (search);

      return list_hubs (store, filter, output);
    }
  else
    {
      L4aQuery query = { 0 };

      if (sdgs & (sdgs - 1))
        return l4a_cli_fail (EXIT_USAGE, _("For proposals, --sdg takes one goal."));
      query.search = search;
      query.region = region;
      query.status = status;
      query.call = call;
      for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
        if (sdgs & (1u << goal))
          query.sdg = goal;

      /* A government lists its own proposals; a board member reads only
       * those assigned to them, through “list reviews”. */
      if (l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT)
        query.government = l4a_store_get_identity (store) ? l4a_store_get_identity (store) : "";
      else if (l4a_store_get_role (store) == L4A_ROLE_MEMBER)
        return l4a_cli_fail (EXIT_FAILURE, "%s", _("A board member lists the proposals assigned to them with “list reviews”."));

      return list_proposals (store, &query, output == OUTPUT_JSON);
    }
}

/* A proposal the command acts on, as the window would show it: a
 * government reads only its own, a board member only what is assigned to
 * them and never one they are in conflict with. */
static char *
resolve_visible_proposal (L4aStore    *store,
                          const char  *reference,
                          GError     **error)
{
  g_autofree char *id = l4a_store_resolve_reference (store, "proposal", reference, error);

  if (id == NULL || !l4a_review_can_see_proposal (store, id, error))
    return NULL;
  return g_steal_pointer (&id);
}

static int
command_check (L4aGlobalOptions  *options,
               int                argc,
               char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROPOSAL"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aProposalEdit) edit = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *id = NULL;

  g_option_context_set_summary (context, _("Check a proposal against the six key features of a hub, one line each. "
                                           "Exits with 0 when it passes them all, 3 when it does not."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which proposal to check: its id, the start of its id, or its title."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL ||
      (id = resolve_visible_proposal (store, argv[1], &error)) == NULL ||
      (edit = l4a_registry_load_proposal (store, id, &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  checks = l4a_proposal_check_features (store, edit);
  for (guint i = 0; i < checks->len; i++)
    {
      L4aFeatureCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *reason = l4a_cli_terminal_safe (check->reason);

      printf ("%s %s: %s\n", check->passed ? "✓" : "✗", check->label, reason);
    }

  return l4a_feature_checks_all_pass (checks) ? EXIT_SUCCESS : EXIT_NOT_ELIGIBLE;
}

static int
command_summary (L4aGlobalOptions  *options,
                 int                argc,
                 char             **argv)
{
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROPOSAL"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write a proposal's one-page summary as PDF, for board meetings."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which proposal to summarize: its id, the start of its id, or its title."));
  if (out == NULL || !g_str_has_suffix (out, ".pdf"))
    return l4a_cli_fail (EXIT_USAGE, _("Say where to write the summary with --out FILE.pdf."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL ||
      (id = resolve_visible_proposal (store, argv[1], &error)) == NULL ||
      !l4a_proposal_write_summary (store, id, out, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  return EXIT_SUCCESS;
}

static int
command_assign (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  int per_proposal = 3, max_load = 0;
  gboolean dry_run = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "per-proposal", 0, 0, G_OPTION_ARG_INT, &per_proposal, N_("Reviewers per proposal (3 by default)"), N_("N") },
    { "max-load", 0, 0, G_OPTION_ARG_INT, &max_load,
      N_("The most proposals per member (by default an even share of the work, plus one)"), N_("N") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show the assignments without making them"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CALL"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *call = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Assign reviewers to every proposal of a call waiting for review: "
                                           "never a member in conflict, loads kept even, reviewers from other "
                                           "regions preferred. Existing assignments stay."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which call: its id, the start of its id, or its title."));
  if (per_proposal < 1 || max_load < 0)
    return l4a_cli_fail (EXIT_USAGE, _("--per-proposal and --max-load take positive numbers."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL ||
      (call = l4a_store_resolve_reference (store, "call", argv[1], &error)) == NULL ||
      !l4a_review_assign_call (store, call, per_proposal, max_load, dry_run, &pairs, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dry_run");
      json_builder_add_boolean_value (builder, dry_run);
      json_builder_set_member_name (builder, "assignments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < pairs->len; i++)
        {
          L4aAssignPair *pair = g_ptr_array_index (pairs, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "proposal", pair->proposal_id);
          l4a_cli_add_string (builder, "title", pair->proposal_title);
          l4a_cli_add_string (builder, "member", pair->member_id);
          l4a_cli_add_string (builder, "name", pair->member_name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Proposal"), _("Reviewer"), NULL }));
      for (guint i = 0; i < pairs->len; i++)
        {
          L4aAssignPair *pair = g_ptr_array_index (pairs, i);

          g_ptr_array_add (rows, g_strdupv ((char *[]) { pair->proposal_title, pair->member_name, NULL }));
        }
      l4a_cli_print_table (rows, 2);
      printf (dry_run ? g_dngettext (GETTEXT_PACKAGE, "%u assignment would be made.\n",
                                     "%u assignments would be made.\n", pairs->len)
                      : g_dngettext (GETTEXT_PACKAGE, "%u assignment made.\n", "%u assignments made.\n", pairs->len),
              pairs->len);
    }

  return EXIT_SUCCESS;
}

/* Every submitted review of the call's proposals, criterion by criterion:
 * what the ranking is made of, for a spreadsheet or a program. */
static int
print_per_criterion (L4aStore   *store,
                     const char *call,
                     GPtrArray  *scores,
                     gboolean    json,
                     gboolean    csv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  static const char * const header[] = { "proposal_id", "proposal", "reviewer", "criterion", "weight", "scale_min",
                                         "scale_max", "score", "recommendation", "submitted_at" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "call");
  json_builder_add_string_value (builder, call);
  json_builder_set_member_name (builder, "reviews");
  json_builder_begin_array (builder);
  for (guint k = 0; csv && k < G_N_ELEMENTS (header); k++)
    l4a_csv_append_field (out, header[k], TRUE);
  if (csv)
    l4a_csv_end_line (out);
  if (!json && !csv)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Proposal"), _("Reviewer"), _("Criterion"), _("Weight"),
                                                   _("Score"), NULL }));

  for (guint i = 0; i < scores->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (scores, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) reviews = l4a_review_list (store, score->proposal_id, &error);

      if (reviews == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      for (guint r = 0; r < reviews->len; r++)
        {
          L4aReview *review = g_ptr_array_index (reviews, r);

          if (review->submitted_at == NULL)
            continue;
          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "proposal_id", score->proposal_id);
          l4a_cli_add_string (builder, "proposal", score->title);
          l4a_cli_add_string (builder, "reviewer", review->reviewer);
          l4a_cli_add_string (builder, "recommendation", review->recommendation);
          l4a_cli_add_string (builder, "submitted_at", review->submitted_at);
          json_builder_set_member_name (builder, "scores");
          json_builder_begin_array (builder);
          for (guint c = 0; c < review->scores->len; c++)
            {
              L4aScore *criterion = g_ptr_array_index (review->scores, c);
              char weight[G_ASCII_DTOSTR_BUF_SIZE], value[G_ASCII_DTOSTR_BUF_SIZE];
              g_autofree char *low = g_strdup_printf ("%d", criterion->scale_min);
              g_autofree char *high = g_strdup_printf ("%d", criterion->scale_max);

              /* JSON's numbers, whatever the locale */
              g_ascii_formatd (weight, sizeof weight, "%g", criterion->weight);
              if (criterion->has_score)
                g_ascii_formatd (value, sizeof value, "%g", criterion->score);
              else
                value[0] = '\0';

              json_builder_begin_object (builder);
              l4a_cli_add_string (builder, "criterion", criterion->label);
              json_builder_set_member_name (builder, "weight");
              json_builder_add_double_value (builder, criterion->weight);
              json_builder_set_member_name (builder, "scale_min");
              json_builder_add_int_value (builder, criterion->scale_min);
              json_builder_set_member_name (builder, "scale_max");
              json_builder_add_int_value (builder, criterion->scale_max);
              json_builder_set_member_name (builder, "score");
              if (criterion->has_score)
                json_builder_add_double_value (builder, criterion->score);
              else
                json_builder_add_null_value (builder);
              json_builder_end_object (builder);
              if (csv)
                {
                  const char *fields[] = { score->proposal_id, score->title, review->reviewer, criterion->label,
                                           weight, low, high, value, review->recommendation, review->submitted_at };

                  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
                    l4a_csv_append_field (out, fields[k], k <= 3 || k == 8);
                  l4a_csv_end_line (out);
                }
              else if (!json)
                g_ptr_array_add (rows, g_strdupv ((char *[]) { score->title, review->reviewer, criterion->label,
                                                               weight, value, NULL }));
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (json)
    l4a_cli_print_json (builder);
  else if (csv)
    fputs (out->str, stdout);
  else
    l4a_cli_print_table (rows, 5);
  return EXIT_SUCCESS;
}

static int
command_scores (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  gboolean json = FALSE, csv = FALSE, per_criterion = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV instead of a table"), NULL },
    { "per-criterion", 0, 0, G_OPTION_ARG_NONE, &per_criterion,
      N_("Every submitted review's score on each criterion, one line each"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CALL"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autofree char *call = NULL;
  L4aReviewProgress progress = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Rank the proposals of a call by the mean of their reviews' weighted "
                                           "scores (out of 5), with the median, the spread and a flag where "
                                           "reviewers disagree."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which call: its id, the start of its id, or its title."));
  if (json && csv)
    return l4a_cli_fail (EXIT_USAGE, _("Choose one of --json and --csv."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL ||
      (call = l4a_store_resolve_reference (store, "call", argv[1], &error)) == NULL ||
      (scores = l4a_review_scores (store, call, &progress, &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (per_criterion)
    return print_per_criterion (store, call, scores, json, csv);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "call");
      json_builder_add_string_value (builder, call);
      json_builder_set_member_name (builder, "progress");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "assigned");
      json_builder_add_int_value (builder, progress.assigned);
      json_builder_set_member_name (builder, "submitted");
      json_builder_add_int_value (builder, progress.submitted);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_int_value (builder, progress.overdue);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "proposals");
      json_builder_begin_array (builder);
      for (guint i = 0; i < scores->len; i++)
        {
          L4aProposalScore *score = g_ptr_array_index (scores, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_int_value (builder, i + 1);
          l4a_cli_add_string (builder, "id", score->proposal_id);
          l4a_cli_add_string (builder, "title", score->title);
          l4a_cli_add_string (builder, "government", score->government);
          l4a_cli_add_string (builder, "state", score->state);
          json_builder_set_member_name (builder, "assigned");
          json_builder_add_int_value (builder, score->n_assigned);
          json_builder_set_member_name (builder, "submitted");
          json_builder_add_int_value (builder, score->n_submitted);
#define NUMBER(name, value) \
          json_builder_set_member_name (builder, name); \
          if (score->has_scores) json_builder_add_double_value (builder, round ((value) * 100) / 100); \
          else json_builder_add_null_value (builder);
          NUMBER ("mean", score->mean)
          NUMBER ("median", score->median)
          NUMBER ("spread", score->spread)
          NUMBER ("calibrated_mean", score->calibrated ? score->calibrated_mean : score->mean)
#undef NUMBER
          json_builder_set_member_name (builder, "calibrated");
          json_builder_add_boolean_value (builder, score->calibrated);
          json_builder_set_member_name (builder, "calibrated_rank");
          if (score->has_scores)
            json_builder_add_int_value (builder, score->calibrated_rank);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "disagreement");
          json_builder_add_boolean_value (builder, score->disagreement);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      l4a_cli_print_json (builder);
      return EXIT_SUCCESS;
    }

  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    g_autoptr(GString) out = g_string_new (NULL);

    if (csv)
      {
        const char *header[] = { "rank", "id", "title", "government", "state", "assigned", "submitted",
                                 "mean", "median", "spread", "disagreement", "calibrated_mean", "calibrated_rank" };

        for (guint k = 0; k < G_N_ELEMENTS (header); k++)
          l4a_csv_append_field (out, header[k], TRUE);
        l4a_csv_end_line (out);
      }
    else
      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Rank"), _("Proposal"), _("Reviews"), _("Mean"), _("Median"),
                                                     _("Spread"), _("Calibrated"), "", NULL }));

    for (guint i = 0; i < scores->len; i++)
      {
        L4aProposalScore *score = g_ptr_array_index (scores, i);
        g_autofree char *rank = g_strdup_printf ("%u", i + 1);
        g_autofree char *reviews = g_strdup_printf ("%u/%u", score->n_submitted, score->n_assigned);
        g_autofree char *assigned = g_strdup_printf ("%u", score->n_assigned);
        g_autofree char *submitted = g_strdup_printf ("%u", score->n_submitted);
        g_autofree char *mean = score->has_scores ? plain_number (score->mean, 2) : g_strdup ("");
        g_autofree char *median = score->has_scores ? plain_number (score->median, 2) : g_strdup ("");
        g_autofree char *spread = score->has_scores ? plain_number (score->spread, 2) : g_strdup ("");
        g_autofree char *calibrated = score->has_scores && score->calibrated
                                      ? plain_number (score->calibrated_mean, 2) : g_strdup ("");
        g_autofree char *calibrated_rank = score->has_scores ? g_strdup_printf ("%u", score->calibrated_rank)
                                                             : g_strdup ("");
        g_autofree char *calibrated_cell = NULL;

        if (!score->has_scores)
          calibrated_cell = g_strdup ("");
        else if (!score->calibrated)
          calibrated_cell = g_strdup (_("not calibrated"));
        else if (score->calibrated_rank == score->rank)
          calibrated_cell = g_strdup (calibrated);
        else
          /* translators: a calibrated mean, then the rank it gives and the move from the raw rank */
          calibrated_cell = g_strdup_printf (_("%s (rank %u, %+d)"), calibrated, score->calibrated_rank,
                                             (int) score->rank - (int) score->calibrated_rank);

        if (csv)
          {
            const char *fields[] = { rank, score->proposal_id, score->title, score->government, score->state,
                                     assigned, submitted, mean, median, spread,
                                     score->disagreement ? "yes" : "no", calibrated, calibrated_rank };

            for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
              l4a_csv_append_field (out, fields[k], k >= 1 && k <= 4);
            l4a_csv_end_line (out);
          }
        else
          g_ptr_array_add (rows, g_strdupv ((char *[]) { rank, score->title, reviews, mean, median, spread,
                                                         calibrated_cell,
                                                         score->disagreement ? _("reviewers disagree") : "", NULL }));
      }

    if (csv)
      fputs (out->str, stdout);
    else
      {
        l4a_cli_print_table (rows, 8);
        printf (_("%u of %u reviews submitted, %u overdue.\n"), progress.submitted, progress.assigned, progress.overdue);
      }
  }

  return EXIT_SUCCESS;
}

static int
command_validate (L4aGlobalOptions  *options,
                  int                argc,
                  char             **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aKey) reader = NULL;
  g_autofree char *fingerprint = NULL;

  g_option_context_set_summary (context, _("Check a bundle: its size and nesting, its format, its checksum, "
                                           "its attachments and its signature. The database is not opened; a "
                                           "sealed bundle is opened with the key of this user’s workstation it "
                                           "is sealed for."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which bundle file to check."));

  reader = l4a_cli_find_reader (argv[1], NULL);
  bundle = l4a_bundle_open (argv[1], reader, &error);
  if (bundle == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  if (bundle->signer_key == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", _("The bundle is not signed, so nothing proves who wrote it; an import "
                                               "refuses it."));

  /* translators: a bundle's kind, how many records, and where it comes from */
  printf (g_dngettext (GETTEXT_PACKAGE, "Valid %s bundle: %u record, from %s (%s).\n",
                       "Valid %s bundle: %u records, from %s (%s).\n", bundle->n_records),
          bundle->kind, bundle->n_records, bundle->origin_actor, bundle->origin_role);
  fingerprint = l4a_key_fingerprint (bundle->signer_key);
  /* translators: a key's fingerprint */
  printf (_("Signed with key %s; the signature matches the contents.\n"), fingerprint);
  return EXIT_SUCCESS;
}

static int
command_export (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *out = NULL;
  g_autofree char *for_ref = NULL;
  g_autofree char *for_id = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("The kind of bundle: submission, monitoring, reviews, review-packet, decisions, registry or full"),
      N_("KIND") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &for_ref, N_("The board member or government the bundle is for"),
      N_("MEMBER|GOVERNMENT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The bundle file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write a bundle of what the kind and the workstation’s role allow."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 1 || kind == NULL || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the kind and the file: export --kind KIND [--for MEMBER|GOVERNMENT] --out FILE"));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  if (for_ref != NULL)
    {
      L4aBundleFor for_whom = l4a_bundle_kind_get_for (kind, NULL);
      const char *table = for_whom == L4A_BUNDLE_FOR_MEMBER ? "member" : "government";

      if (for_whom != L4A_BUNDLE_FOR_NONE &&
          (for_id = l4a_store_resolve_reference (store, table, for_ref, &error)) == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      if (for_whom == L4A_BUNDLE_FOR_NONE)
        for_id = g_strdup (for_ref);
    }
  if (!l4a_bundle_export (store, kind, for_id, out, NULL, &n_records, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote a %s bundle of %u record.\n", "Wrote a %s bundle of %u records.\n",
                       n_records), kind, n_records);
  return EXIT_SUCCESS;
}

/* Whether @given is @key's fingerprint, or its start of at least eight
 * digits, spaces and case aside. */
static gboolean
fingerprint_matches (const char *key,
                     const char *given)
{
  g_autofree char *fingerprint = l4a_key_fingerprint (key);
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  for (const char *p = fingerprint; p && *p; p++)
    if (*p != ' ')
      g_string_append_c (a, *p);
  for (const char *p = given; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (b, g_ascii_toupper (*p));
    else if (*p != ' ')
      return FALSE;
  return b->len >= 8 && g_str_has_prefix (a->str, b->str);
}

static int
command_import (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  gboolean dry_run = FALSE, json = FALSE, keep_mine = FALSE, take_theirs = FALSE;
  g_autofree char *trust = NULL;
  guint n_written = 0;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Preview what would change, and change nothing"), NULL },
    { "keep-mine", 0, 0, G_OPTION_ARG_NONE, &keep_mine, N_("In a conflict, keep this workstation’s version"), NULL },
    { "take-theirs", 0, 0, G_OPTION_ARG_NONE, &take_theirs, N_("In a conflict, take the bundle’s version"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "trust", 0, 0, G_OPTION_ARG_STRING, &trust,
      N_("On first contact, take the World Secretariat’s key with this fingerprint, as it publishes it"),
      N_("FINGERPRINT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(L4aImportPlan) plan = NULL;
  g_autoptr(L4aKey) reader = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Check a bundle, list record by record what importing it adds, updates, "
                                           "leaves alone or finds in conflict, and import it in one transaction."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return l4a_cli_fail (EXIT_USAGE, _("Say which bundle file to import."));
  if (keep_mine && take_theirs)
    return l4a_cli_fail (EXIT_USAGE, _("Choose either --keep-mine or --take-theirs."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  reader = l4a_cli_find_reader (argv[1], store);
  bundle = l4a_bundle_open (argv[1], reader, &error);
  if (bundle == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  /* first contact with the secretariat: its key, confirmed by the user */
  if (!l4a_trust_identify (store, bundle, &error) &&
      g_error_matches (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_UNCONFIRMED) && trust != NULL)
    {
      if (!fingerprint_matches (bundle->signer_key, trust))
        {
          g_autofree char *fingerprint = l4a_key_fingerprint (bundle->signer_key);

          return l4a_cli_fail (EXIT_FAILURE, _("The bundle is signed with key %s, not with the key whose "
                                               "fingerprint you gave; nothing was imported."), fingerprint);
        }
      g_clear_error (&error);
      /* the key is taken with the import, all or nothing; a preview takes
       * it only for as long as it looks */
      if (!l4a_store_begin (store, &error) ||
          !l4a_trust_confirm_secretariat (store, bundle->signer_key, &error))
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
    }
  g_clear_error (&error);

  if (dry_run)
    {
      /* the preview: planned, tried in a transaction rolled back */
      plan = l4a_import_plan (store, bundle, &error);
      if (l4a_store_in_transaction (store))
        l4a_store_rollback (store);
      if (plan == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
    }
  else
    {
      L4aImportResolution settle = take_theirs ? L4A_RESOLVE_THEIRS : L4A_RESOLVE_MINE;

      /* planned and written in one transaction, which is its own trial */
      gboolean imported = l4a_import_now (store, bundle, keep_mine || take_theirs ? &settle : NULL, FALSE, &plan,
                                          &n_written, &error);

      if (l4a_store_in_transaction (store))
        {
          if (!imported)
            l4a_store_rollback (store);
          else if (!l4a_store_commit (store, &error))
            imported = FALSE, n_written = 0;
        }
      if (!imported)
        {
          if (g_error_matches (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT) && plan != NULL)
            {
              g_autofree char *n = g_strdup_printf ("%u", plan->counts[L4A_IMPORT_CONFLICT]);

              /* translators: %s is a number of records */
              return l4a_cli_fail (EXIT_FAILURE, _("%s records changed on both sides; nothing was imported. Add --keep-mine or "
                                           "--take-theirs, or import in the window to choose record by record."), n);
            }
          return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
        }
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      l4a_cli_add_string (builder, "bundle", bundle->bundle_id);
      l4a_cli_add_string (builder, "kind", bundle->kind);
      json_builder_set_member_name (builder, "already_imported");
      json_builder_add_boolean_value (builder, plan->already_imported);
      json_builder_set_member_name (builder, "applied");
      json_builder_add_boolean_value (builder, !dry_run);
      json_builder_set_member_name (builder, "written");
      json_builder_add_int_value (builder, n_written);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint a = 0; a < L4A_IMPORT_N_ACTIONS; a++)
        {
          json_builder_set_member_name (builder, l4a_import_action_to_string (a));
          json_builder_add_int_value (builder, plan->counts[a]);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "records");
      json_builder_begin_array (builder);
      for (guint i = 0; i < plan->changes->len; i++)
        {
          L4aImportChange *change = g_ptr_array_index (plan->changes, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "type", change->type);
          l4a_cli_add_string (builder, "id", change->id);
          l4a_cli_add_string (builder, "label", change->label);
          l4a_cli_add_string (builder, "action", l4a_import_action_to_string (change->action));
          json_builder_set_member_name (builder, "fields");
          json_builder_begin_array (builder);
          for (guint k = 0; k < change->fields->len; k++)
            json_builder_add_string_value (builder, g_ptr_array_index (change->fields, k));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      l4a_cli_print_json (builder);
      return EXIT_SUCCESS;
    }

  if (plan->already_imported)
    printf ("%s\n", _("This bundle was imported already; importing it again changes nothing."));
  for (guint i = 0; i < plan->changes->len; i++)
    {
      L4aImportChange *change = g_ptr_array_index (plan->changes, i);
      g_autofree char *fields = NULL;

      if (change->action == L4A_IMPORT_SAME)
        continue;
      g_ptr_array_add (change->fields, NULL);
      fields = g_strjoinv (", ", (char **) change->fields->pdata);
      {
        g_autofree char *label = l4a_cli_terminal_safe (change->label);
        g_autofree char *safe_fields = l4a_cli_terminal_safe (fields);
        g_autofree char *type = l4a_cli_terminal_safe (change->type);

        printf ("%-8s %-12s %s%s%s\n", l4a_import_action_to_string (change->action), type, label,
                *safe_fields ? " — " : "", safe_fields);
      }
    }
  /* translators: how many records importing would add, update, leave as they are, leave alone, find in conflict */
  printf (_("%u to add, %u to update, %u unchanged, %u newer here, %u in conflict.\n"),
          plan->counts[L4A_IMPORT_ADD], plan->counts[L4A_IMPORT_UPDATE], plan->counts[L4A_IMPORT_SAME],
          plan->counts[L4A_IMPORT_OLDER], plan->counts[L4A_IMPORT_CONFLICT]);
  if (!dry_run)
    printf (g_dngettext (GETTEXT_PACKAGE, "Imported: %u record written.\n", "Imported: %u records written.\n",
                         n_written), n_written);
  return EXIT_SUCCESS;
}

static int
command_chart (L4aGlobalOptions  *options,
               int                argc,
               char             **argv)
{
  gboolean list = FALSE, dark = FALSE;
  g_autofree char *out = NULL;
  g_autofree char *call = NULL;
  g_autofree char *indicator = NULL;
  double width = 800, height = 450, scale = 1;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("Print the chart names, one per line"), NULL },
    { "call", 0, 0, G_OPTION_ARG_STRING, &call, N_("The call of review-scores"), N_("CALL") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, N_("The indicator of indicator"), N_("ID") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, N_("Width in pixels (points for PDF); 800 by default"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height, N_("Height in pixels (points for PDF); 450 by default"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per unit of a PNG; 1 by default"), N_("N") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aChart) chart = NULL;
  L4aChartStyle style;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Draw one of the application’s charts into a file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);

  if (list)
    {
      const char * const *names = l4a_charts_list ();

      for (guint i = 0; names[i] != NULL; i++)
        printf ("%s\n", names[i]);
      return EXIT_SUCCESS;
    }
  if (argc != 2 || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the chart and the file: chart NAME --out FILE.png|.svg|.pdf"));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  chart = l4a_charts_build (store, argv[1], g_str_equal (argv[1], "indicator") ? indicator : call, &error);
  if (chart == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  l4a_chart_style_init (&style, dark, FALSE);
  if (!l4a_chart_export (chart, out, width, height, scale, &style, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  if (chart->verdict_text != NULL)
    {
      g_autofree char *verdict = l4a_cli_terminal_safe (chart->verdict_text);

      printf ("%s\n", verdict);
    }
  return EXIT_SUCCESS;
}

static int
command_label (L4aGlobalOptions  *options,
               int                argc,
               char             **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *hub = NULL;
  double width = 600;
  GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, N_("Width in pixels (points for PDF); 600 by default"), N_("N") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("HUB"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Draw a hub’s Local4Action label, with its name and place, into a file."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2 || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the hub and the file: label HUB --out FILE.png|.svg|.pdf"));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL || (hub = l4a_store_resolve_reference (store, "hub", argv[1], &error)) == NULL ||
      !l4a_brand_export_label (store, hub, out, width, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  return EXIT_SUCCESS;
}

static int
command_letter (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *language = NULL;
  g_autofree char *proposal = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), N_("FILE.pdf") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("en, fr or es; by default the language of the government’s country"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROPOSAL"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write the letter that tells a government the released decision on its "
                                           "proposal: the outcome, the rationale, the reviewers’ comments for the "
                                           "authors without their names, the next steps, and the label when it is "
                                           "granted."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2 || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the proposal and the file: letter PROPOSAL --out FILE.pdf"));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL || (proposal = l4a_store_resolve_reference (store, "proposal", argv[1], &error)) == NULL ||
      !l4a_letter_write (store, proposal, language, out, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  return EXIT_SUCCESS;
}

static int
command_packet (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *call = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), N_("FILE.pdf") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Write it in en, fr or es (the session's language if not said)"),
      N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CALL"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write one PDF for the Executive Bureau: the ranking of the call, then "
                                           "each proposal's summary, its scores criterion by criterion (reviewers "
                                           "numbered, not named) and the outcome proposed."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 2 || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the call and the file: packet CALL --out FILE.pdf"));
  if (language != NULL && !l4a_enum_is_valid (L4A_TYPE_NETWORK_LANGUAGE, language))
    return l4a_cli_fail (EXIT_USAGE, _("The language is en, fr or es."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL || (call = l4a_store_resolve_reference (store, "call", argv[1], &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  {
    L4aLanguage speaking;
    gboolean ok;

    /* the command line is one short process: its language may change */
    if (language != NULL)
      l4a_language_push (&speaking, language);
    ok = l4a_packet_write (store, call, out, &error);
    if (language != NULL)
      l4a_language_pop (&speaking);
    if (!ok)
      return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  }
  return EXIT_SUCCESS;
}

static int
command_vlr (L4aGlobalOptions  *options,
             int                argc,
             char             **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *hub = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every hub's indicators, one after the other"), NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The CSV file to write; standard output if none"),
      N_("FILE.csv") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("HUB | --all"));
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write the indicators of a hub and their values by year as the annex "
                                           "of a Voluntary Local Review, in CSV."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if ((all && argc != 1) || (!all && argc != 2))
    return l4a_cli_fail (EXIT_USAGE, _("Say the hub, or --all: vlr HUB|--all [--out FILE.csv]"));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL || (!all && (hub = l4a_store_resolve_reference (store, "hub", argv[1], &error)) == NULL))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  if (out != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (stream == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
    }
  else
    {
      fflush (stdout);
      stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
    }
  if (!l4a_indicators_write_csv (store, hub, stream, &error) || !g_output_stream_close (stream, NULL, &error))
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  return EXIT_SUCCESS;
}

static int
command_publish (L4aGlobalOptions  *options,
                 int                argc,
                 char             **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *base_url = NULL;
  gboolean progress = FALSE;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to publish into"), N_("DIR") },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &base_url,
      N_("The address the site will have, for its catalogue, feed and sitemap"), N_("URL") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress,
      N_("Print the part done after each page, as “progress 0.42”"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(L4aSite) site = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write the registry as a static website in English, French and Spanish, "
                                           "that works from any folder or web host. Publishing again writes only "
                                           "what changed."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 1 || out == NULL)
    return l4a_cli_fail (EXIT_USAGE, _("Say the folder: publish --out DIR [--base-url URL]"));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL || (site = l4a_site_new (store, out, base_url, &error)) == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  while (!done)
    {
      if (!l4a_site_step (site, &done, &error))
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      if (progress)
        {
          /* for the window that runs this command: not translated */
          {
            g_autofree char *fraction = plain_number (l4a_site_get_fraction (site), 4);

            /* read by the publish window, in any locale */
            printf ("progress %s\n", fraction);
          }
          fflush (stdout);
        }
    }
  if (progress)
    printf ("written %u\nunchanged %u\n", l4a_site_get_n_written (site), l4a_site_get_n_unchanged (site));
  else
    /* translators: what publishing the website did */
    printf (_("Published into %s: %u files written, %u unchanged.\n"), out, l4a_site_get_n_written (site),
            l4a_site_get_n_unchanged (site));
  return EXIT_SUCCESS;
}

/**
 * l4a_cli_run:
 *
 * Runs the command named at `argv[options->command]`, headless, and
 * returns the exit status.
 */
int
l4a_cli_run (L4aGlobalOptions  *options,
             int                argc,
             char             **argv)
{
  const char *name;

  if (options->help)
    {
      print_help ();
      return EXIT_SUCCESS;
    }

  if (options->version)
    {
      printf ("local4action %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_return_val_if_fail (options->command > 0 && options->command < argc, EXIT_USAGE);

  name = argv[options->command];
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return commands[i].func (options, argc - options->command, argv + options->command);

  /* translators: %s is what the user typed */
  return l4a_cli_fail (EXIT_USAGE, _("Unknown command “%s”; see “local4action --help”."), name);
}
