/* l4a-cli-monitoring.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "l4a-cli-private.h"
#include "l4a-labels.h"
#include "l4a-monitoring.h"
#include "l4a-reports.h"
#include "l4a-types.h"

/* What hubs report, on the command line: `list activities|deliverables
 * [--hub HUB] [--json]` and `events [--ics --out FILE] [--json]`. */

static void
add_ids (JsonBuilder *builder,
         const char  *name,
         GPtrArray   *ids)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; ids && i < ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
}

/**
 * l4a_cli_list_activities:
 * @hub: (nullable): one hub's id, or %NULL for all
 */
int
l4a_cli_list_activities (L4aStore   *store,
                         const char *hub,
                         gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = l4a_activities_list (store, hub, &error);

  if (activities == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < activities->len; i++)
        {
          L4aActivity *a = g_ptr_array_index (activities, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "id", a->id);
          l4a_cli_add_string (builder, "hub_id", a->hub_id);
          l4a_cli_add_string (builder, "hub", a->hub_name);
          l4a_cli_add_string (builder, "kind", a->kind);
          l4a_cli_add_string (builder, "title", a->title);
          l4a_cli_add_string (builder, "starts_on", a->starts_on);
          l4a_cli_add_string (builder, "ends_on", a->ends_on);
          l4a_cli_add_string (builder, "place", a->place);
          json_builder_set_member_name (builder, "online");
          json_builder_add_boolean_value (builder, a->online);
          l4a_cli_add_string (builder, "url", a->url);
          l4a_cli_add_string (builder, "description", a->description);
          json_builder_set_member_name (builder, "sdgs");
          json_builder_begin_array (builder);
          for (guint goal = 1; goal <= 17; goal++)
            if (a->sdgs & (1u << goal))
              json_builder_add_int_value (builder, goal);
          json_builder_end_array (builder);
          add_ids (builder, "governments", a->governments);
          add_ids (builder, "hubs", a->hubs);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Date"), _("Kind"), _("Title"), _("Hub"), _("Where"), NULL }));
      for (guint i = 0; i < activities->len; i++)
        {
          L4aActivity *a = g_ptr_array_index (activities, i);
          g_autofree char *when = l4a_format_days (a->starts_on, a->ends_on);
          const char *where = a->online ? (a->place && *a->place ? a->place : _("Online")) : a->place;
          g_autofree char *place = a->online && a->place && *a->place
                                   /* translators: a place, for an activity also held online */
                                   ? g_strdup_printf (_("%s and online"), a->place) : g_strdup (where);

          g_ptr_array_add (rows, g_strdupv ((char *[]) { when, (char *) l4a_activity_kind_label (a->kind), a->title,
                                                         a->hub_name, place, NULL }));
        }
      l4a_cli_print_table (rows, 5);
    }
  return EXIT_SUCCESS;
}

/**
 * l4a_cli_list_deliverables:
 * @hub: (nullable): one hub's id, or %NULL for all
 */
int
l4a_cli_list_deliverables (L4aStore   *store,
                           const char *hub,
                           gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = l4a_deliverables_list (store, hub, &error);

  if (list == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          L4aDeliverable *d = g_ptr_array_index (list, i);
          g_autoptr(GPtrArray) history = l4a_deliverable_history (store, d->id, NULL);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "id", d->id);
          l4a_cli_add_string (builder, "hub_id", d->hub_id);
          l4a_cli_add_string (builder, "hub", d->hub_name);
          l4a_cli_add_string (builder, "title", d->title);
          l4a_cli_add_string (builder, "due_on", d->due_on);
          l4a_cli_add_string (builder, "status", d->status);
          json_builder_set_member_name (builder, "overdue");
          json_builder_add_boolean_value (builder, d->overdue);
          json_builder_set_member_name (builder, "history");
          json_builder_begin_array (builder);
          for (guint k = 0; history && k < history->len; k++)
            {
              L4aDeliverableChange *c = g_ptr_array_index (history, k);

              json_builder_begin_object (builder);
              l4a_cli_add_string (builder, "status", c->status);
              l4a_cli_add_string (builder, "changed_on", c->changed_on);
              l4a_cli_add_string (builder, "evidence_url", c->evidence_url);
              l4a_cli_add_string (builder, "evidence_sha256", c->evidence_sha256);
              l4a_cli_add_string (builder, "evidence_name", c->evidence_name);
              l4a_cli_add_string (builder, "note", c->note);
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

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Due"), _("Status"), _("Title"), _("Hub"), NULL }));
      for (guint i = 0; i < list->len; i++)
        {
          L4aDeliverable *d = g_ptr_array_index (list, i);
          g_autofree char *due = l4a_format_date (d->due_on);
          g_autofree char *status = d->overdue
                                    /* translators: a deliverable's status, then that it is past due */
                                    ? g_strdup_printf (_("%s, overdue"), l4a_deliverable_status_label (d->status))
                                    : g_strdup (l4a_deliverable_status_label (d->status));

          g_ptr_array_add (rows, g_strdupv ((char *[]) { due, status, d->title, d->hub_name, NULL }));
        }
      l4a_cli_print_table (rows, 4);
    }
  return EXIT_SUCCESS;
}

static const char *
state_nick (L4aReportState state)
{
  const char *nick = l4a_enum_to_nick (L4A_TYPE_REPORT_STATE, state);

  return nick ? nick : "";
}

/**
 * l4a_cli_list_reports:
 * @hub: (nullable): one hub's id, or %NULL for all
 *
 * The hubs' reporting periods and where each report stands.
 */
int
l4a_cli_list_reports (L4aStore   *store,
                      const char *hub,
                      gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = l4a_reporting_schedule (store, hub, &error);

  if (slots == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < slots->len; i++)
        {
          L4aReportSlot *slot = g_ptr_array_index (slots, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "hub_id", slot->hub_id);
          l4a_cli_add_string (builder, "hub", slot->hub_name);
          l4a_cli_add_string (builder, "period_start", slot->period_start);
          l4a_cli_add_string (builder, "period_end", slot->period_end);
          l4a_cli_add_string (builder, "due_on", slot->due_on);
          l4a_cli_add_string (builder, "state", state_nick (slot->state));
          l4a_cli_add_string (builder, "report_id", slot->report_id);
          l4a_cli_add_string (builder, "submitted_at", slot->submitted_at);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Period"), _("Due"), _("Report"), _("Hub"), NULL }));
      for (guint i = 0; i < slots->len; i++)
        {
          L4aReportSlot *slot = g_ptr_array_index (slots, i);
          g_autofree char *period = l4a_format_days (slot->period_start, slot->period_end);
          g_autofree char *due = l4a_format_date (slot->due_on);

          g_ptr_array_add (rows, g_strdupv ((char *[]) { period, due, (char *) l4a_report_state_label (slot->state),
                                                         slot->hub_name, NULL }));
        }
      l4a_cli_print_table (rows, 4);
    }
  return EXIT_SUCCESS;
}

/**
 * l4a_cli_events:
 *
 * `events`: the network's meetings as a table or JSON, or with --ics
 * --out FILE as an iCalendar file.
 */
int
l4a_cli_events (L4aGlobalOptions  *options,
                int                argc,
                char             **argv)
{
  g_autofree char *out = NULL;
  gboolean ics = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "ics", 0, 0, G_OPTION_ARG_NONE, &ics, N_("Write an iCalendar file (.ics) for calendar programs"), NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE.ics") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("The network’s meetings: the Venice Solutions forum, the World Council, "
                                           "Policy Council meetings, with the hubs presenting."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return l4a_cli_fail (EXIT_USAGE, "%s", error->message);
  if (argc != 1)
    return l4a_cli_fail (EXIT_USAGE, _("“events” takes no other words."));
  if (ics != (out != NULL) || (ics && json))
    return l4a_cli_fail (EXIT_USAGE, _("Write a calendar with --ics --out FILE.ics, or list the meetings, with "
                                       "--json or as a table."));

  store = l4a_cli_open_store (options, &error);
  if (store == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);

  if (ics)
    {
      g_autofree char *text = l4a_network_events_to_ics (store, &error);
      g_autoptr(GFile) file = NULL;

      if (text == NULL)
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      file = g_file_new_for_commandline_arg (out);
      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                    NULL, &error))
        return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
      return EXIT_SUCCESS;
    }

  events = l4a_network_events_list (store, &error);
  if (events == NULL)
    return l4a_cli_fail (EXIT_FAILURE, "%s", error->message);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < events->len; i++)
        {
          L4aNetworkEvent *e = g_ptr_array_index (events, i);

          json_builder_begin_object (builder);
          l4a_cli_add_string (builder, "id", e->id);
          l4a_cli_add_string (builder, "kind", e->kind);
          l4a_cli_add_string (builder, "title", e->title);
          l4a_cli_add_string (builder, "starts_on", e->starts_on);
          l4a_cli_add_string (builder, "ends_on", e->ends_on);
          l4a_cli_add_string (builder, "place", e->place);
          l4a_cli_add_string (builder, "url", e->url);
          add_ids (builder, "hubs", e->hubs);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      l4a_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Dates"), _("Kind"), _("Title"), _("Where"), _("Hubs"), NULL }));
      for (guint i = 0; i < events->len; i++)
        {
          L4aNetworkEvent *e = g_ptr_array_index (events, i);
          g_autofree char *when = l4a_format_days (e->starts_on, e->ends_on);
          g_autofree char *hubs = g_strdup_printf ("%u", e->hubs->len);

          g_ptr_array_add (rows, g_strdupv ((char *[]) { when,
                                                         (char *) l4a_enum_get_label (L4A_TYPE_NETWORK_EVENT_KIND, e->kind),
                                                         e->title, e->place, hubs, NULL }));
        }
      l4a_cli_print_table (rows, 5);
    }
  return EXIT_SUCCESS;
}
