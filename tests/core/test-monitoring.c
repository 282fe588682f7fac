/* test-monitoring.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How hubs report their work: who may record an activity or change a
 * deliverable, on which hub; the fields' rules, each refusal naming the
 * field and leaving the database exactly as it was; the ways a status may
 * change and the history kept; overdue; the network's meetings and their
 * iCalendar file, read back by libical.
 */

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "core-test-utils.h"
#include "l4a-monitoring.h"
#include "l4a-links.h"
#include "l4a-reports.h"
#include "l4a-proposal-edit.h"
#include "l4a-labels.h"

static char *tmpdir;

#define LEAD_SQL "SELECT min (government_id) FROM hub"

static char *
sql_text (L4aStore   *store,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static char *
sql_text (L4aStore   *store,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return l4a_test_sql_text (l4a_store_get_path (store), sql);
}

static gint64
sql_int (L4aStore   *store,
         const char *sql)
{
  return l4a_test_sql_int (l4a_store_get_path (store), sql);
}

/* @activity is refused with a message holding @says, on @field, and the
 * database is as it was. */
static void
expect_refused (L4aStore    *store,
                L4aActivity *activity,
                const char  *field,
                const char  *says)
{
  g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *at = NULL;

  if (field != NULL)
    {
      g_assert_false (l4a_activity_check (store, activity, &at, &error));
      g_assert_cmpstr (at, ==, field);
      g_clear_error (&error);
    }
  g_assert_false (l4a_activity_save (store, activity, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
  after = l4a_test_fingerprint (l4a_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

static void
test_activities (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "activities.sqlite");
  g_autofree char *lead = l4a_test_sql_text (l4a_store_get_path (store), LEAD_SQL);
  g_autofree char *hub = sql_text (store, "SELECT min (id) FROM hub WHERE government_id = '%s'", lead);
  g_autofree char *other_hub = sql_text (store, "SELECT min (id) FROM hub WHERE government_id <> '%s'", lead);
  g_autofree char *other_gov = sql_text (store, "SELECT government_id FROM hub WHERE id = '%s'", other_hub);
  g_autoptr(L4aActivity) activity = l4a_activity_new ();
  g_autoptr(L4aActivity) stale = NULL;
  g_autoptr(L4aActivity) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) of_other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  gint64 before = sql_int (store, "SELECT count(*) FROM activity");

  activity->hub_id = g_strdup (hub);
  g_object_set (activity, "kind", "joint-product", NULL);
  activity->title = g_strdup ("Shared guide to care blocks");
  activity->starts_on = g_strdup ("2026-03-10");
  activity->ends_on = g_strdup ("2026-03-12");
  activity->place = g_strdup ("Bogotá");
  activity->url = g_strdup ("https://example.org/guide");
  activity->sdgs = 1u << 5 | 1u << 11;
  g_ptr_array_add (activity->governments, g_strdup (other_gov));
  g_ptr_array_add (activity->hubs, g_strdup (other_hub));

  /* who: a board member, another government; not the hub's lead */
  l4a_test_act_as (store, L4A_ROLE_MEMBER, NULL);
  expect_refused (store, activity, "hub_id", "lead government");
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, other_gov);
  expect_refused (store, activity, "hub_id", "lead government");
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);

  /* what: each field's rule, named */
  {
    static const struct { const char *field, *value, *says; } cases[] = {
      { "title", "   ", "title is empty" },
      { "kind", "party", "what kind of activity" },
      { "starts_on", "2026-02-30", "is not a date" },
      { "starts_on", "1999-12-31", "between 2000 and 2100" },
      { "ends_on", "2026-03-01", "ends before it starts" },
      { "url", "javascript:alert(1)", "not a web address" },
      { "url", "https://", "not a web address" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(L4aActivity) bad = l4a_activity_copy (activity);
        char **slot = g_str_equal (cases[i].field, "title") ? &bad->title
                    : g_str_equal (cases[i].field, "kind") ? &bad->kind
                    : g_str_equal (cases[i].field, "starts_on") ? &bad->starts_on
                    : g_str_equal (cases[i].field, "ends_on") ? &bad->ends_on : &bad->url;

        g_free (*slot);
        *slot = g_strdup (cases[i].value);
        expect_refused (store, bad, cases[i].field, cases[i].says);
      }
  }
  {
    g_autoptr(L4aActivity) bad = l4a_activity_copy (activity);
    g_autofree char *long_title = g_strnfill (201, 'a');

    g_free (bad->title);
    bad->title = g_strdup (long_title);
    expect_refused (store, bad, "title", "longer than 200");
  }
  {
    g_autoptr(L4aActivity) bad = l4a_activity_copy (activity);

    g_free (bad->kind);
    bad->kind = g_strdup ("event");
    expect_refused (store, bad, "hubs", "only a joint product");
  }
  {
    g_autoptr(L4aActivity) bad = l4a_activity_copy (activity);

    g_ptr_array_add (bad->hubs, g_strdup (hub));
    expect_refused (store, bad, "hubs", "with itself");
  }
  {
    g_autoptr(L4aActivity) bad = l4a_activity_copy (activity);

    g_ptr_array_add (bad->governments, g_strdup ("00000000-0000-4000-8000-000000000000"));
    expect_refused (store, bad, "governments", "not known here");
  }
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM activity"), ==, before);

  /* the lead government records it, with its goals, partners and hubs */
  g_assert_true (l4a_activity_save (store, activity, &error));
  g_assert_no_error (error);
  g_assert_nonnull (activity->id);
  g_assert_cmpint (activity->revision, ==, 1);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM activity"), ==, before + 1);
  loaded = l4a_activity_load (store, activity->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Shared guide to care blocks");
  g_assert_cmpstr (loaded->ends_on, ==, "2026-03-12");
  g_assert_cmpuint (loaded->sdgs, ==, 1u << 5 | 1u << 11);
  g_assert_cmpuint (loaded->governments->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (loaded->hubs, 0), ==, other_hub);

  /* the joint product shows on the other hub's page too */
  listed = l4a_activities_list (store, hub, &error);
  of_other = l4a_activities_list (store, other_hub, &error);
  g_assert_no_error (error);
  for (guint i = 0, found = 0; i <= of_other->len; i++)
    {
      if (i == of_other->len)
        g_assert_cmpuint (found, ==, 1);
      else if (g_strcmp0 (((L4aActivity *) g_ptr_array_index (of_other, i))->id, activity->id) == 0)
        found++;
    }
  g_assert_cmpuint (listed->len, >, 0);
  /* a hub's are its own and its joint products; with no hub, every hub's */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM activity WHERE hub_id = '%s' "
                                            "OR id IN (SELECT activity_id FROM activity_hub WHERE hub_id = '%s')",
                                            hub, hub);
    g_autoptr(GPtrArray) every = NULL;

    g_assert_cmpint (listed->len, ==, l4a_test_sql_int (l4a_store_get_path (store), sql));
    every = l4a_activities_list (store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (every->len, ==, l4a_test_sql_int (l4a_store_get_path (store),
                                                       "SELECT count (*) FROM activity WHERE hub_id IS NOT NULL"));
    g_assert_cmpuint (every->len, >, listed->len);
  }

  /* saved over a change made meanwhile: refused, nothing lost */
  stale = l4a_activity_copy (loaded);
  g_free (loaded->title);
  loaded->title = g_strdup ("Shared guide, second edition");
  g_assert_true (l4a_activity_save (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loaded->revision, ==, 2);
  g_free (stale->description);
  stale->description = g_strdup ("Overwrites the second edition");
  g_assert_false (l4a_activity_save (store, stale, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* it stays with its hub, even for the secretariat */
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
  g_free (loaded->hub_id);
  loaded->hub_id = g_strdup (other_hub);
  g_ptr_array_set_size (loaded->hubs, 0);
  g_assert_false (l4a_activity_save (store, loaded, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_free (loaded->hub_id);
  loaded->hub_id = g_strdup (hub);
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);

  /* files: PDF, PNG or JPEG by their content, kept with it */
  {
    g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%programme\n", 20);
    g_autoptr(GBytes) fake = g_bytes_new_static ("MZ\x90\x00 not a picture", 20);
    g_autoptr(L4aActivity) again = NULL;
    g_autoptr(L4aActivity) fresh = l4a_activity_load (store, loaded->id, &error);

    g_assert_false (l4a_activity_attach (store, fresh, "programme.png", fake, &error));
    g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (l4a_activity_attach (store, fresh, "../programme.pdf", pdf, &error));
    g_assert_no_error (error);
    g_assert_false (l4a_activity_attach (store, fresh, "copy.pdf", pdf, &error));
    g_clear_error (&error);
    g_assert_true (l4a_activity_save (store, fresh, &error));
    g_assert_no_error (error);
    again = l4a_activity_load (store, loaded->id, &error);
    g_assert_cmpuint (again->attachments->len, ==, 1);
    g_assert_cmpstr (((L4aAttachmentRef *) g_ptr_array_index (again->attachments, 0))->name, ==, "programme.pdf");
  }

  /* delete, then Undo puts it back with its lists and files */
  snapshot = l4a_activity_delete (store, activity->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_null (sql_text (store, "SELECT hub_id FROM activity_hub WHERE activity_id = '%s'", activity->id));
  g_assert_true (l4a_monitoring_restore (store, snapshot, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, l4a_activity_free);
  loaded = l4a_activity_load (store, activity->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Shared guide, second edition");
  g_assert_cmpuint (loaded->sdgs, ==, 1u << 5 | 1u << 11);
  g_assert_cmpuint (loaded->hubs->len, ==, 1);
  g_assert_cmpuint (loaded->attachments->len, ==, 1);

  /* another government may not delete it */
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, other_gov);
  g_assert_null (l4a_activity_delete (store, activity->id, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
}

static L4aDeliverableChange *
change_to (const char *deliverable,
           const char *status,
           const char *on)
{
  L4aDeliverableChange *change = l4a_deliverable_change_new ();

  change->deliverable_id = g_strdup (deliverable);
  change->status = g_strdup (status);
  change->changed_on = g_strdup (on);
  return change;
}

static void
expect_change_refused (L4aStore             *store,
                       L4aDeliverableChange *change,
                       const char           *says)
{
  g_autofree char *before = l4a_test_fingerprint (l4a_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (l4a_deliverable_set_status (store, change, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
  after = l4a_test_fingerprint (l4a_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

static void
test_transitions (void)
{
  static const char * const statuses[] = { "planned", "in-progress", "done", "late", "dropped" };
  /* from (row) to (column) */
  static const gboolean allowed[5][5] = {
    { FALSE, TRUE, TRUE, TRUE, TRUE },
    { FALSE, FALSE, TRUE, TRUE, TRUE },
    { FALSE, TRUE, FALSE, FALSE, FALSE },
    { FALSE, TRUE, TRUE, FALSE, TRUE },
    { TRUE, FALSE, FALSE, FALSE, FALSE },
  };

  for (guint from = 0; from < 5; from++)
    for (guint to = 0; to < 5; to++)
      g_assert_cmpint (l4a_deliverable_can_become (statuses[from], statuses[to]), ==, allowed[from][to]);
  g_assert_false (l4a_deliverable_can_become ("planned", "finished"));
  g_assert_false (l4a_deliverable_can_become (NULL, "done"));
}

static void
test_deliverables (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "deliverables.sqlite");
  g_autofree char *lead = l4a_test_sql_text (l4a_store_get_path (store), LEAD_SQL);
  g_autofree char *hub = sql_text (store, "SELECT min (id) FROM hub WHERE government_id = '%s'", lead);
  g_autofree char *other_gov = sql_text (store, "SELECT min (government_id) FROM hub WHERE government_id <> '%s'",
                                         lead);
  g_autofree char *planned = sql_text (store, "SELECT d.id FROM deliverable d JOIN hub h ON h.id = d.hub_id "
                                              "WHERE h.government_id = '%s' AND d.status = 'planned' "
                                              "ORDER BY d.id LIMIT 1", lead);
  g_autofree char *proposal_deliverable = l4a_test_sql_text (l4a_store_get_path (store),
                                                             "SELECT min (id) FROM deliverable "
                                                             "WHERE proposal_id IS NOT NULL");
  g_autofree char *due = sql_text (store, "SELECT due_on FROM deliverable WHERE id = '%s'", planned);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("just text", 9);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%evidence\n", 19);
  g_autofree char *sha256 = NULL;
  L4aMonitoringCounts counts, after;

  g_assert_nonnull (planned);
  g_assert_cmpstr (due, >, today);
  g_assert_true (l4a_monitoring_count (store, &counts, &error));
  g_assert_cmpuint (counts.deliverables[0], ==,
                    sql_int (store, "SELECT count(*) FROM deliverable WHERE hub_id IS NOT NULL AND status = 'planned'"));

  /* who */
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, other_gov);
  {
    g_autoptr(L4aDeliverableChange) change = change_to (planned, "in-progress", today);
    expect_change_refused (store, change, "lead government");
  }
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  {
    g_autoptr(L4aDeliverableChange) change = change_to (proposal_deliverable, "done", today);
    expect_change_refused (store, change, "of a hub");
  }

  /* what */
  {
    static const struct { const char *status, *on, *url, *says; } cases[] = {
      { "finished", NULL, NULL, "choose the new status" },
      { "in-progress", "2099-01-01", NULL, "in the future" },
      { "in-progress", "2026-02-30", NULL, "is not a date" },
      { "late", NULL, NULL, "before its due date" },
      { "done", NULL, NULL, "give the evidence" },
      { "done", NULL, "ftp://example.org/report", "not a web address" },
      { "dropped", NULL, NULL, "say why" },
      { "planned", NULL, NULL, "cannot become" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(L4aDeliverableChange) change = change_to (planned, cases[i].status, cases[i].on ? cases[i].on : today);

        change->evidence_url = g_strdup (cases[i].url);
        expect_change_refused (store, change, cases[i].says);
      }
  }

  /* evidence files: PDF, PNG or JPEG only, by content */
  g_assert_false (l4a_attachment_store (store, "report.pdf", text, &sha256, NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (l4a_attachment_store (store, "report.pdf", pdf, &sha256, NULL, &error));
  g_assert_no_error (error);

  /* started, then done with the file as evidence: both kept, in order */
  {
    g_autoptr(L4aDeliverableChange) start = change_to (planned, "in-progress", "2026-01-15");
    g_autoptr(L4aDeliverableChange) done = change_to (planned, "done", today);

    start->note = g_strdup ("Drafting began");
    g_assert_true (l4a_deliverable_set_status (store, start, &error));
    g_assert_no_error (error);
    done->evidence_sha256 = g_strdup (sha256);
    done->evidence_name = g_strdup ("report.pdf");
    g_assert_true (l4a_deliverable_set_status (store, done, &error));
    g_assert_no_error (error);
  }
  history = l4a_deliverable_history (store, planned, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((L4aDeliverableChange *) g_ptr_array_index (history, 0))->status, ==, "in-progress");
  g_assert_cmpstr (((L4aDeliverableChange *) g_ptr_array_index (history, 0))->note, ==, "Drafting began");
  g_assert_cmpstr (((L4aDeliverableChange *) g_ptr_array_index (history, 1))->evidence_sha256, ==, sha256);
  {
    g_autofree char *status = sql_text (store, "SELECT status FROM deliverable WHERE id = '%s'", planned);

    g_assert_cmpstr (status, ==, "done");
  }

  /* reopening says why */
  {
    g_autoptr(L4aDeliverableChange) reopen = change_to (planned, "in-progress", today);

    expect_change_refused (store, reopen, "say why");
  }

  /* the counts follow */
  g_assert_true (l4a_monitoring_count (store, &after, &error));
  g_assert_cmpuint (after.deliverables[0], ==, counts.deliverables[0] - 1);
  g_assert_cmpuint (after.deliverables[2], ==, counts.deliverables[2] + 1);

  /* overdue: past due, neither done nor dropped */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE deliverable SET due_on = '2020-01-01', status = 'in-progress' "
                                            "WHERE id = '%s'", planned);
    gboolean found = FALSE;

    l4a_test_sql_exec (l4a_store_get_path (store), sql);
    listed = l4a_deliverables_list (store, hub, &error);
    g_assert_no_error (error);
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT count (*) FROM deliverable WHERE hub_id = '%s'", hub);
      g_autoptr(GPtrArray) every = NULL;

      g_assert_cmpint (listed->len, ==, l4a_test_sql_int (l4a_store_get_path (store), count_sql));
      every = l4a_deliverables_list (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (every->len, ==, l4a_test_sql_int (l4a_store_get_path (store),
                                                         "SELECT count (*) FROM deliverable WHERE hub_id IS NOT NULL"));
      g_assert_cmpuint (every->len, >, listed->len);
    }
    for (guint i = 0; i < listed->len; i++)
      {
        L4aDeliverable *d = g_ptr_array_index (listed, i);

        if (g_str_equal (d->id, planned))
          {
            g_assert_true (d->overdue);
            found = TRUE;
          }
        else
          g_assert_cmpint (d->overdue, ==, g_strcmp0 (d->due_on, today) < 0 &&
                                          !g_strv_contains ((const char *[]) { "done", "dropped", NULL }, d->status));
      }
    g_assert_true (found);
    g_assert_true (l4a_monitoring_count (store, &after, &error));
    g_assert_cmpuint (after.overdue, ==,
                      sql_int (store, "SELECT count(*) FROM deliverable WHERE hub_id IS NOT NULL AND "
                                      "due_on < date ('now', 'localtime') AND status NOT IN ('done', 'dropped')"));
    g_assert_cmpuint (after.overdue, >=, 1);
  }
}

static void
test_events (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "events.sqlite");
  g_autofree char *lead = l4a_test_sql_text (l4a_store_get_path (store), LEAD_SQL);
  g_autofree char *hub = sql_text (store, "SELECT min (id) FROM hub WHERE government_id = '%s'", lead);
  g_autofree char *hub_name = sql_text (store, "SELECT name FROM hub WHERE id = '%s'", hub);
  g_autoptr(L4aNetworkEvent) forum = l4a_network_event_new ();
  g_autoptr(L4aNetworkEvent) council = l4a_network_event_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *snapshot = NULL;
  icalcomponent *calendar;
  guint n = 0;
  gint64 events = sql_int (store, "SELECT count(*) FROM network_event");
  gint64 presenting = sql_int (store, "SELECT count(*) FROM network_event_hub");

  forum->title = g_strdup ("Venice Solutions Forum");
  forum->starts_on = g_strdup ("2026-09-21");
  forum->ends_on = g_strdup ("2026-09-23");
  forum->place = g_strdup ("Venice, Italy");
  forum->url = g_strdup ("https://example.org/venice");
  g_ptr_array_add (forum->hubs, g_strdup (hub));

  /* only the World Secretariat keeps the network's calendar */
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  g_assert_false (l4a_network_event_save (store, forum, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);

  /* its rules */
  {
    g_autoptr(L4aNetworkEvent) bad = l4a_network_event_copy (forum);
    const char *field = NULL;

    g_free (bad->ends_on);
    bad->ends_on = g_strdup ("2026-12-31");
    g_assert_false (l4a_network_event_check (store, bad, &field, &error));
    g_assert_cmpstr (field, ==, "ends_on");
    g_assert_nonnull (strstr (error->message, "a month at most"));
    g_clear_error (&error);
    g_free (bad->ends_on);
    bad->ends_on = g_strdup ("2026-09-20");
    g_assert_false (l4a_network_event_save (store, bad, &error));
    g_assert_nonnull (strstr (error->message, "ends before it starts"));
    g_clear_error (&error);
    g_free (bad->kind);
    bad->kind = g_strdup ("party");
    g_assert_false (l4a_network_event_check (store, bad, &field, &error));
    g_assert_cmpstr (field, ==, "kind");
    g_clear_error (&error);
  }
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM network_event"), ==, events);

  g_assert_true (l4a_network_event_save (store, forum, &error));
  g_assert_no_error (error);
  g_free (council->kind);
  council->kind = g_strdup ("world-council");
  council->title = g_strdup ("World Council; “Ghent” session, 2026");
  council->starts_on = g_strdup ("2026-11-04");
  council->ends_on = g_strdup ("2026-11-04");
  g_assert_true (l4a_network_event_save (store, council, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM network_event_hub"), ==, presenting + 1);

  /* the calendar, read back by libical: every event, all day, named */
  ics = l4a_network_events_to_ics (store, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (vevent);
      struct icaltimetype end = icalcomponent_get_dtend (vevent);
      const char *summary = icalcomponent_get_summary (vevent);

      g_assert_true (start.is_date);
      if (g_str_equal (summary, "Venice Solutions Forum"))
        {
          g_assert_cmpint (start.year, ==, 2026);
          g_assert_cmpint (start.month, ==, 9);
          g_assert_cmpint (start.day, ==, 21);
          g_assert_cmpint (end.day, ==, 24);  /* the day after the last */
          g_assert_cmpstr (icalcomponent_get_location (vevent), ==, "Venice, Italy");
          g_assert_nonnull (strstr (icalcomponent_get_description (vevent), hub_name));
        }
      else if (g_str_has_prefix (summary, "World Council;"))
        {
          g_assert_cmpstr (summary, ==, "World Council; “Ghent” session, 2026");
          g_assert_cmpint (end.day, ==, 5);
        }
      g_assert_true (g_str_has_suffix (icalcomponent_get_uid (vevent), "@local4action-hubs"));
      n++;
    }
  g_assert_cmpuint (n, ==, events + 2);
  icalcomponent_free (calendar);

  /* deleted, and back with Undo */
  snapshot = l4a_network_event_delete (store, forum->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM network_event"), ==, events + 1);
  g_assert_true (l4a_monitoring_restore (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM network_event_hub"), ==, presenting + 1);
}

/* A hub reports every six months from its label date unless the
 * secretariat says otherwise; its lead government writes and submits each
 * report once the period has ended; the secretariat acknowledges it or
 * sends it back with a comment. */
static void
test_reports (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "reports.sqlite");
  g_autofree char *hub = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(L4aReport) report = NULL;
  g_autoptr(L4aReport) future = NULL;
  g_autoptr(GError) error = NULL;
  L4aReportSlot *open_slot = NULL;
  L4aReportSlot *last_slot = NULL;
  L4aReportingCounts before, after;
  g_autofree char *day = NULL;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    day = g_date_time_format (now, "%Y-%m-%d");
  }
  /* an active hub with a period ended and no report sent */
  hub = l4a_test_sql_text (l4a_store_get_path (store),
                           "SELECT h.id FROM hub h WHERE h.status = 'active' ORDER BY h.name LIMIT 1");
  lead = sql_text (store, "SELECT government_id FROM hub WHERE id = '%s'", hub);
  other = sql_text (store, "SELECT min (government_id) FROM hub WHERE government_id <> '%s'", lead);

  /* the schedule: half-yearly from the label date, one period after another */
  g_assert_cmpint (l4a_reporting_get_every (store, hub), ==, 6);
  slots = l4a_reporting_schedule (store, hub, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, >=, 2);
  {
    g_autofree char *label = sql_text (store, "SELECT label_date FROM hub WHERE id = '%s'", hub);
    L4aReportSlot *first = g_ptr_array_index (slots, 0);

    g_assert_cmpstr (first->period_start, ==, label);
  }
  for (guint i = 0; i < slots->len; i++)
    {
      L4aReportSlot *slot = g_ptr_array_index (slots, i);

      if (i > 0)
        {
          L4aReportSlot *previous = g_ptr_array_index (slots, i - 1);
          GDate a, b;

          /* each period starts the day after the one before ends */
          g_assert_true (l4a_parse_date (previous->period_end, &a));
          g_assert_true (l4a_parse_date (slot->period_start, &b));
          g_assert_cmpint (g_date_days_between (&a, &b), ==, 1);
        }
      if (slot->state == L4A_REPORT_UPCOMING)
        g_assert_cmpstr (slot->period_end, >=, day);
      else if (slot->report_id == NULL)
        g_assert_cmpint (slot->state, ==, strcmp (day, slot->due_on) <= 0 ? L4A_REPORT_DUE : L4A_REPORT_OVERDUE);
      if (slot->state != L4A_REPORT_UPCOMING && slot->report_id == NULL && last_slot == NULL)
        last_slot = slot;
      if (slot->state == L4A_REPORT_UPCOMING)
        open_slot = slot;
    }
  g_assert_nonnull (open_slot);
  if (last_slot == NULL)
    {
      /* every ended period has a report in the sample: take the last back */
      g_autofree char *sql = g_strdup_printf ("DELETE FROM progress_report WHERE hub_id = '%s' AND period_end < '%s' "
                                              "AND period_start = (SELECT max (period_start) FROM progress_report "
                                              "WHERE hub_id = '%s' AND period_end < '%s')", hub, day, hub, day);

      l4a_test_sql_exec (l4a_store_get_path (store), sql);
      g_clear_pointer (&slots, g_ptr_array_unref);
      slots = l4a_reporting_schedule (store, hub, &error);
      for (guint i = 0; i < slots->len; i++)
        {
          L4aReportSlot *slot = g_ptr_array_index (slots, i);

          if (slot->state != L4A_REPORT_UPCOMING && slot->report_id == NULL)
            last_slot = slot;
          if (slot->state == L4A_REPORT_UPCOMING)
            open_slot = slot;
        }
    }
  g_assert_nonnull (last_slot);
  g_assert_true (l4a_reporting_count (store, &before, &error));

  /* the secretariat alone sets the rhythm */
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  g_assert_false (l4a_reporting_set_every (store, hub, 3, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_reporting_set_every (store, hub, 5, &error));
  g_clear_error (&error);
  g_assert_true (l4a_reporting_set_every (store, NULL, 12, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM reporting_schedule WHERE every_months = 12"), ==,
                   sql_int (store, "SELECT count(*) FROM hub"));
  g_assert_true (l4a_reporting_set_every (store, NULL, 6, &error));

  /* the secretariat and another government do not write it */
  report = l4a_report_open (store, hub, last_slot->period_start, &error);
  g_assert_no_error (error);
  g_assert_null (report->id);
  g_assert_cmpstr (report->status, ==, "draft");
  g_assert_nonnull (strstr (report->gathered, "\"deliverables\""));
  g_free (report->narrative);
  report->narrative = g_strdup ("The partners met three times and the pilot reached its first neighbourhood.");
  g_assert_false (l4a_report_submit (store, report, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, other);
  g_assert_false (l4a_report_save (store, report, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* its lead government: not before the period ends, not without words */
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  future = l4a_report_open (store, hub, open_slot->period_start, &error);
  g_assert_no_error (error);
  g_free (future->narrative);
  future->narrative = g_strdup ("Written early, about a period that has not ended.");
  g_assert_false (l4a_report_submit (store, future, &error));
  g_assert_nonnull (strstr (error->message, "submit the report after that"));
  g_clear_error (&error);
  {
    g_autofree char *narrative = report->narrative;

    report->narrative = g_strdup ("  Fine.  ");
    g_assert_false (l4a_report_submit (store, report, &error));
    g_assert_nonnull (strstr (error->message, "a few sentences"));
    g_clear_error (&error);
    g_free (report->narrative);
    report->narrative = g_steal_pointer (&narrative);
  }
  g_assert_null (l4a_report_open (store, hub, "1999-01-01", &error));
  g_clear_error (&error);

  /* a draft, then submitted with what the records say */
  g_assert_true (l4a_report_save (store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report->id);
  g_assert_true (l4a_report_submit (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->status, ==, "submitted");
  g_assert_nonnull (report->submitted_at);
  g_assert_false (l4a_report_save (store, report, &error));
  g_assert_nonnull (strstr (error->message, "submitted"));
  g_clear_error (&error);
  pending = l4a_reporting_pending (store, &error);
  for (guint i = 0; i < pending->len; i++)
    g_assert_true (l4a_monitoring_can_edit (store, ((L4aReportSlot *) g_ptr_array_index (pending, i))->hub_id));

  /* sent back with a comment, submitted again, acknowledged */
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_report_review (store, report, FALSE, "  ", &error));
  g_assert_nonnull (strstr (error->message, "what should change"));
  g_clear_error (&error);
  g_assert_true (l4a_report_review (store, report, FALSE, "Add the measurement of June.", &error));
  g_assert_no_error (error);
  g_assert_false (l4a_report_review (store, report, TRUE, NULL, &error));
  g_clear_error (&error);
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  {
    g_autoptr(L4aReport) again = l4a_report_open (store, hub, last_slot->period_start, &error);

    g_assert_cmpstr (again->status, ==, "changes-requested");
    g_assert_cmpstr (again->comment, ==, "Add the measurement of June.");
    g_free (again->narrative);
    again->narrative = g_strdup ("The partners met three times; in June the heat index fell to 31 degrees.");
    g_assert_true (l4a_report_submit (store, again, &error));
    g_assert_no_error (error);
    l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
    g_assert_true (l4a_report_review (store, again, TRUE, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (l4a_reporting_count (store, &after, &error));
  g_assert_cmpuint (after.on_time + after.late, ==, before.on_time + before.late + 1);
  g_assert_cmpuint (after.due + after.overdue, ==, before.due + before.overdue - 1);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const L4aReportSlot *x = *(L4aReportSlot * const *) a, *y = *(L4aReportSlot * const *) b;
  int c = strcmp (x->due_on, y->due_on);

  if (c == 0)
    c = g_strcmp0 (x->hub_name, y->hub_name);
  if (c == 0)
    c = strcmp (x->period_start, y->period_start);
  return c != 0 ? c : g_strcmp0 (x->hub_id, y->hub_id);
}

/* The pending reports as each hub's own schedule tells them (read hub by
 * hub, not in the registry's one pass): of the hubs active or with a
 * report not acknowledged, for a government of the hubs it leads; by due
 * date, hub name, period, hub. */
static GPtrArray *
pending_hub_by_hub (L4aStore           *store,
                    L4aReportingCounts *counts)
{
  g_autoptr(GPtrArray) ids = l4a_test_sql_column (l4a_store_get_path (store), "SELECT id FROM hub");
  g_autoptr(GPtrArray) live = l4a_test_sql_column (l4a_store_get_path (store),
                                                   "SELECT id FROM hub WHERE status = 'active' OR EXISTS "
                                                   "(SELECT 1 FROM progress_report r WHERE r.hub_id = hub.id "
                                                   "AND r.status <> 'acknowledged')");
  GPtrArray *pending = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_report_slot_free);
  gboolean government = l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT;

  memset (counts, 0, sizeof *counts);
  for (guint h = 0; h < ids->len; h++)
    {
      const char *hub = g_ptr_array_index (ids, h);
      g_autoptr(GPtrArray) slots = l4a_reporting_schedule (store, hub, NULL);
      gboolean is_live = g_ptr_array_find_with_equal_func (live, hub, g_str_equal, NULL);

      for (guint i = 0; i < slots->len; i++)
        {
          L4aReportSlot *slot = g_ptr_array_index (slots, i);

          gboolean sent = slot->state == L4A_REPORT_SUBMITTED || slot->state == L4A_REPORT_ACKNOWLEDGED;
          gboolean late = sent && slot->submitted_at != NULL && strncmp (slot->submitted_at, slot->due_on, 10) > 0;

          /* a report sent back is due again; one sent counts on time or late */
          counts->due += slot->state == L4A_REPORT_DUE || slot->state == L4A_REPORT_CHANGES_REQUESTED;
          counts->overdue += slot->state == L4A_REPORT_OVERDUE;
          counts->waiting += slot->state == L4A_REPORT_SUBMITTED;
          counts->late += late;
          counts->on_time += sent && !late;
          if (!is_live || slot->state == L4A_REPORT_UPCOMING || slot->state == L4A_REPORT_ACKNOWLEDGED ||
              (government && !l4a_monitoring_can_edit (store, hub)))
            continue;
          g_ptr_array_add (pending, g_steal_pointer (&g_ptr_array_index (slots, i)));
        }
    }
  g_ptr_array_sort (pending, compare_pending);
  return pending;
}

static void
assert_same_slots (GPtrArray *a,
                   GPtrArray *b,
                   guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      L4aReportSlot *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->hub_id, ==, y->hub_id);
      g_assert_cmpstr (x->period_start, ==, y->period_start);
      g_assert_cmpstr (x->due_on, ==, y->due_on);
      g_assert_cmpint (x->state, ==, y->state);
    }
}

/* The dashboard's one pass over the registry (the reports' counts and the
 * first pending ones) says what each hub's schedule says, whatever the
 * roles and however many it keeps. */
static void
test_overview (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "overview.sqlite");
  g_autofree char *lead = NULL;
  g_autoptr(GError) error = NULL;

  /* a completed hub with a report sent back: still wants something */
  l4a_test_sql_exec (l4a_store_get_path (store),
                     "UPDATE progress_report SET status = 'changes-requested' WHERE rowid = (SELECT min (r.rowid) "
                     "FROM progress_report r JOIN hub h ON h.id = r.hub_id WHERE h.status <> 'active')");
  lead = l4a_test_sql_text (l4a_store_get_path (store),
                            "SELECT government_id FROM hub WHERE status = 'active' "
                            "GROUP BY government_id ORDER BY count (*) DESC, government_id LIMIT 1");
  /* reports never written, so that more are due than a page keeps: the
   * lead's hubs and four others */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM progress_report WHERE status = 'acknowledged' AND hub_id IN "
                                            "(SELECT id FROM hub WHERE government_id = '%s' UNION SELECT * FROM "
                                            "(SELECT id FROM hub WHERE status = 'active' ORDER BY id LIMIT 4))", lead);

    l4a_test_sql_exec (l4a_store_get_path (store), sql);
  }

  for (guint r = 0; r < 2; r++)
    {
      L4aReportingCounts expected_counts, counts;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) all = NULL;

      if (r == 1)
        l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
      expected = pending_hub_by_hub (store, &expected_counts);
      g_assert_cmpuint (expected->len, >, 3);

      all = l4a_reporting_pending (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (all->len, ==, expected->len);
      assert_same_slots (all, expected, expected->len);

      for (guint max = 0; max <= expected->len + 1; max++)
        {
          g_auto(L4aReportingOverview) overview = { 0 };

          g_assert_true (l4a_reporting_overview (store, max, &overview, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (overview.n_pending, ==, expected->len);
          g_assert_cmpuint (overview.first->len, ==, MIN (max, expected->len));
          assert_same_slots (overview.first, expected, overview.first->len);
          g_assert_cmpmem (&overview.counts, sizeof overview.counts, &expected_counts, sizeof expected_counts);
        }
      g_assert_true (l4a_reporting_count (store, &counts, &error));
      g_assert_cmpmem (&counts, sizeof counts, &expected_counts, sizeof expected_counts);
    }
}

/* Dates are read as YYYY-MM-DD, digits where digits go, real days only. */
static void
test_parse_date (void)
{
  static const char * const refused[] = {
    "", "2026-1-1", "2026-01-1 ", " 2026-01-01", "+026-01-01", "2026/01/01", "2026-13-01", "2026-02-29",
    "2026-00-10", "2026-01-00", "0000-01-01", "2026-01-32", "2026-01-0x", "2026-01-01T", "２０２６-01-01",
  };
  GDate date;

  g_assert_false (l4a_parse_date (NULL, &date));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (l4a_parse_date (refused[i], &date));
      g_assert_false (g_date_valid (&date));
    }
  g_assert_true (l4a_parse_date ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpuint (g_date_get_month (&date), ==, 2);
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  g_assert_true (l4a_parse_date ("0001-12-31", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 1);
}

/* Links between hubs: a lead government proposes, the other side answers;
 * the secretariat's links stand at once; suggestions share the most. */
static void
test_links (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "links.sqlite");
  g_autofree char *lead = l4a_test_sql_text (l4a_store_get_path (store), LEAD_SQL);
  g_autofree char *hub = sql_text (store, "SELECT min (id) FROM hub WHERE government_id = '%s'", lead);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *other_lead = NULL;
  g_autofree char *third = NULL;
  g_autofree char *link = NULL;
  L4aLinkSuggestion *best;

  /* the suggestions, best first, counted as SQLite counts */
  suggestions = l4a_hub_link_suggestions (store, hub, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, >, 0);
  best = g_ptr_array_index (suggestions, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM hub_sdg a JOIN hub_sdg b ON a.goal = b.goal "
                                            "WHERE a.hub_id = '%s' AND b.hub_id = '%s'", hub, best->id);

    g_assert_cmpint (best->shared_sdgs, ==, sql_int (store, sql));
  }
  for (guint i = 1; i < suggestions->len; i++)
    {
      L4aLinkSuggestion *a = g_ptr_array_index (suggestions, i - 1), *b = g_ptr_array_index (suggestions, i);

      g_assert_cmpuint (2 * a->shared_sdgs + 2 * a->shared_councils + a->same_axis, >=,
                        2 * b->shared_sdgs + 2 * b->shared_councils + b->same_axis);
    }
  other = g_strdup (best->id);
  other_lead = sql_text (store, "SELECT government_id FROM hub WHERE id = '%s'", other);
  third = sql_text (store, "SELECT min (id) FROM hub WHERE id NOT IN ('%s', '%s') AND government_id <> '%s'", hub, other,
                    lead);

  /* who proposes: the lead government, not another, not a member */
  l4a_test_act_as (store, L4A_ROLE_MEMBER, NULL);
  g_assert_false (l4a_hub_link_propose (store, hub, other, "peer-learning", NULL, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  g_assert_false (l4a_hub_link_propose (store, hub, hub, "peer-learning", NULL, &error));
  g_clear_error (&error);
  g_assert_false (l4a_hub_link_propose (store, hub, other, "friendship", NULL, &error));
  g_clear_error (&error);
  g_assert_true (l4a_hub_link_propose (store, hub, other, "peer-learning", "Both work on heat", &error));
  g_assert_no_error (error);
  g_assert_false (l4a_hub_link_propose (store, hub, other, "shared-topic", NULL, &error));
  g_assert_nonnull (strstr (error->message, "proposed already"));
  g_clear_error (&error);
  link = sql_text (store, "SELECT id FROM hub_link WHERE hub_id = '%s' AND other_id = '%s' AND status = 'proposed'",
                   hub, other);
  g_assert_nonnull (link);

  /* the proposing side does not answer its own proposal; the other side does */
  g_assert_false (l4a_hub_link_answer (store, link, TRUE, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  if (g_strcmp0 (other_lead, lead) != 0)
    {
      l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, other_lead);
      g_assert_true (l4a_hub_link_answer (store, link, TRUE, &error));
      g_assert_no_error (error);
      g_assert_false (l4a_hub_link_answer (store, link, FALSE, &error));
      g_clear_error (&error);
    }

  /* both sides see it */
  links = l4a_hub_links (store, other, &error);
  g_assert_cmpuint (links->len, >=, 1);
  g_clear_pointer (&links, g_ptr_array_unref);
  links = l4a_hub_links (store, hub, &error);
  g_assert_cmpuint (links->len, >=, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM hub_link WHERE hub_id = '%s' OR other_id = '%s'",
                                            hub, hub);

    g_assert_cmpint (links->len, ==, l4a_test_sql_int (l4a_store_get_path (store), sql));
  }
  g_clear_pointer (&links, g_ptr_array_unref);
  links = l4a_hub_links (store, NULL, &error);
  g_assert_cmpint (links->len, ==, l4a_test_sql_int (l4a_store_get_path (store), "SELECT count (*) FROM hub_link"));

  /* the secretariat's link stands at once; it alone removes an accepted one */
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_true (l4a_hub_link_propose (store, hub, third, "joint-product", NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *status = sql_text (store, "SELECT status FROM hub_link WHERE other_id = '%s'", third);
    g_assert_cmpstr (status, ==, "accepted");
  }
  l4a_test_act_as (store, L4A_ROLE_GOVERNMENT, lead);
  g_assert_false (l4a_hub_link_remove (store, link, &error));
  g_clear_error (&error);
  l4a_test_act_as (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_true (l4a_hub_link_remove (store, link, &error));
  g_assert_no_error (error);
  g_assert_null (sql_text (store, "SELECT id FROM hub_link WHERE id = '%s'", link));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/monitoring/activities", test_activities);
  g_test_add_func ("/core/monitoring/transitions", test_transitions);
  g_test_add_func ("/core/monitoring/deliverables", test_deliverables);
  g_test_add_func ("/core/monitoring/events", test_events);
  g_test_add_func ("/core/monitoring/reports", test_reports);
  g_test_add_func ("/core/monitoring/reports-overview", test_overview);
  g_test_add_func ("/core/monitoring/parse-date", test_parse_date);
  g_test_add_func ("/core/monitoring/links", test_links);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-monitoring-XXXXXX");
}
