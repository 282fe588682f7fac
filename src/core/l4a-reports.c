/* l4a-reports.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "l4a-labels.h"
#include "l4a-monitoring.h"
#include "l4a-permissions.h"
#include "l4a-reports.h"
#include "l4a-store-private.h"

/*
 * Progress reports (docs/architecture.md, "Monitoring"). A hub reports
 * every few months (half-yearly unless the World Secretariat sets another
 * rhythm for it), from its label date to its end; a report is due a month
 * after its period ends. The hub's lead government writes the narrative
 * and submits it; on submission the report keeps what the hub's records
 * said then (deliverables, the indicators' latest values, the period's
 * activities), so that it reads later as it was sent. The secretariat
 * acknowledges it or asks for changes with a comment.
 */

#define DUE_AFTER_DAYS 30
#define MAX_NARRATIVE 20000
#define MAX_COMMENT 4000

void
l4a_report_slot_free (L4aReportSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->hub_id);
  g_free (slot->hub_name);
  g_free (slot->period_start);
  g_free (slot->period_end);
  g_free (slot->due_on);
  g_free (slot->report_id);
  g_free (slot->submitted_at);
  g_free (slot);
}

void
l4a_report_free (L4aReport *report)
{
  if (report == NULL)
    return;
  g_free (report->id);
  g_free (report->hub_id);
  g_free (report->hub_name);
  g_free (report->period_start);
  g_free (report->period_end);
  g_free (report->due_on);
  g_free (report->narrative);
  g_free (report->status);
  g_free (report->gathered);
  g_free (report->submitted_at);
  g_free (report->reviewed_at);
  g_free (report->comment);
  g_free (report);
}

/**
 * l4a_report_state_label:
 *
 * Returns: (transfer none): what users read for @state, translated
 */
const char *
l4a_report_state_label (L4aReportState state)
{
  switch (state)
    {
    case L4A_REPORT_UPCOMING: return C_("report", "Upcoming");
    case L4A_REPORT_DUE: return C_("report", "Due");
    case L4A_REPORT_OVERDUE: return C_("report", "Overdue");
    case L4A_REPORT_SUBMITTED: return C_("report", "Submitted");
    case L4A_REPORT_CHANGES_REQUESTED: return C_("report", "Changes requested");
    case L4A_REPORT_ACKNOWLEDGED: return C_("report", "Acknowledged");
    default: return "";
    }
}

/* Schedule ----------------------------------------------------------------------- */

/**
 * l4a_reporting_get_every:
 *
 * Returns: every how many months @hub_id reports (0: it does not)
 */
int
l4a_reporting_get_every (L4aStore   *store,
                         const char *hub_id)
{
  g_autofree char *every = l4a_store_lookup_text (store, "SELECT every_months FROM reporting_schedule "
                                                         "WHERE hub_id = ?1", hub_id);

  return every ? atoi (every) : L4A_REPORT_EVERY_DEFAULT;
}

static gboolean
set_every_one (L4aStore    *store,
               const char  *hub_id,
               int          months,
               const char  *now,
               GError     **error)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store,
                                                 "INSERT INTO reporting_schedule (hub_id, every_months, created_at, "
                                                 "  updated_at, origin) VALUES (?1, ?2, ?3, ?3, ?4) "
                                                 "ON CONFLICT (hub_id) DO UPDATE SET every_months = ?2, "
                                                 "  updated_at = ?3, origin = ?4, revision = revision + 1 "
                                                 "WHERE every_months <> ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, months);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, l4a_store_get_installation_id (store), -1, SQLITE_TRANSIENT);
  if (!l4a_store_step_done (store, stmt, NULL, error))
    return FALSE;
  sqlite3_reset (stmt);
  return l4a_store_audit (store, "update", "reporting_schedule", hub_id, NULL, error);
}

static gboolean
set_every_checked (L4aStore    *store,
                   const char  *hub_id,
                   int          months,
                   GError     **error)
{
  g_autofree char *now = l4a_now_iso8601 ();
  g_autoptr(sqlite3_stmt) hubs = NULL;
  int rc;

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;
  if (months != 0 && months != 3 && months != 6 && months != 12)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Hubs report every 3, 6 or 12 months, or not at all."));
      return FALSE;
    }
  if (hub_id != NULL)
    {
      g_autofree char *found = l4a_store_lookup_text (store, "SELECT id FROM hub WHERE id = ?1", hub_id);

      if (found == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no hub “%s”."), hub_id);
          return FALSE;
        }
      return set_every_one (store, hub_id, months, now, error);
    }
  /* for all: each hub's row, so that the schedule travels with the registry */
  hubs = l4a_store_prepare (store, "SELECT id FROM hub", error);
  if (hubs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (hubs)) == SQLITE_ROW)
    if (!set_every_one (store, (const char *) sqlite3_column_text (hubs, 0), months, now, error))
      return FALSE;
  return l4a_store_rows_done (store, rc, error);
}

/**
 * l4a_reporting_set_every:
 * @hub_id: (nullable): one hub, or %NULL for all
 * @months: 3, 6 or 12, or 0 for none
 *
 * Sets every how many months hubs report (World Secretariat only).
 */
gboolean
l4a_reporting_set_every (L4aStore    *store,
                         const char  *hub_id,
                         int          months,
                         GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, set_every_checked (store, hub_id, months, error), error);
}

/* A period of a hub as it is computed, on the stack: what is kept of it
 * is copied (a registry of 100 000 hubs has hundreds of thousands). */
typedef struct
{
  const char     *hub_id;
  const char     *hub_name;
  char            period_start[11];
  char            period_end[11];
  char            due_on[11];
  L4aReportState  state;
  const char     *report_id;
  const char     *submitted_at;
  gboolean        live;        /* its hub is active, or has a report not yet acknowledged */
} SlotView;

typedef void (*SlotFunc) (const SlotView *slot,
                          gpointer        data);

static void
format_iso (const GDate *date,
            char         out[11])
{
  guint year = g_date_get_year (date), month = g_date_get_month (date), day = g_date_get_day (date);

  out[0] = '0' + (year / 1000) % 10;
  out[1] = '0' + (year / 100) % 10;
  out[2] = '0' + (year / 10) % 10;
  out[3] = '0' + year % 10;
  out[4] = '-';
  out[5] = '0' + month / 10;
  out[6] = '0' + month % 10;
  out[7] = '-';
  out[8] = '0' + day / 10;
  out[9] = '0' + day % 10;
  out[10] = '\0';
}

typedef struct
{
  char *period_start;
  char *status;
  char *id;
  char *submitted_at;
} Written;

static void
written_clear (gpointer data)
{
  Written *w = data;

  g_free (w->period_start);
  g_free (w->status);
  g_free (w->id);
  g_free (w->submitted_at);
}

/* The periods of one hub, with the state of each, each given to @func;
 * @written holds the reports it wrote (%NULL: none). @today and @limit
 * (today plus a period) are parsed once by the caller. */
static void
visit_hub_slots (const char  *hub_id,
                 const char  *hub_name,
                 const char  *status,
                 const char  *start_on,
                 const char  *end_on,
                 const char  *label_date,
                 int          every,
                 GArray      *written,
                 const char  *day,
                 const GDate *today,
                 SlotFunc     func,
                 gpointer     data)
{
  GDate anchor, end, limit;
  gboolean live = g_strcmp0 (status, "active") == 0;

  if (every <= 0 || !l4a_parse_date (label_date && *label_date ? label_date : start_on, &anchor) ||
      !l4a_parse_date (end_on, &end))
    return;
  for (guint i = 0; written != NULL && i < written->len && !live; i++)
    live = g_strcmp0 (g_array_index (written, Written, i).status, "acknowledged") != 0;

  /* the periods that have begun by today, and the next one */
  limit = *today;
  g_date_add_months (&limit, (guint) every);
  for (guint k = 0; k < 400; k++)
    {
      GDate from = anchor, to = anchor, due;
      SlotView slot = { .hub_id = hub_id, .hub_name = hub_name, .live = live };
      Written *w = NULL;

      g_date_add_months (&from, k * (guint) every);
      if (g_date_compare (&from, &end) > 0 || g_date_compare (&from, &limit) > 0)
        break;
      g_date_add_months (&to, (k + 1) * (guint) every);
      g_date_subtract_days (&to, 1);
      if (g_date_compare (&to, &end) > 0)
        to = end;
      if (g_date_compare (&to, &from) <= 0)
        break;
      due = to;
      g_date_add_days (&due, DUE_AFTER_DAYS);

      format_iso (&from, slot.period_start);
      format_iso (&to, slot.period_end);
      format_iso (&due, slot.due_on);
      for (guint i = 0; written != NULL && i < written->len && w == NULL; i++)
        if (g_strcmp0 (g_array_index (written, Written, i).period_start, slot.period_start) == 0)
          w = &g_array_index (written, Written, i);
      if (w != NULL)
        {
          slot.report_id = w->id;
          slot.submitted_at = w->submitted_at;
        }
      if (w && g_strcmp0 (w->status, "acknowledged") == 0)
        slot.state = L4A_REPORT_ACKNOWLEDGED;
      else if (w && g_strcmp0 (w->status, "submitted") == 0)
        slot.state = L4A_REPORT_SUBMITTED;
      else if (w && g_strcmp0 (w->status, "changes-requested") == 0)
        slot.state = L4A_REPORT_CHANGES_REQUESTED;
      else if (strcmp (day, slot.period_end) <= 0)
        slot.state = L4A_REPORT_UPCOMING;
      else if (strcmp (day, slot.due_on) <= 0)
        slot.state = L4A_REPORT_DUE;
      else
        slot.state = L4A_REPORT_OVERDUE;
      func (&slot, data);
    }
}

static L4aReportSlot *
slot_copy (const SlotView *view)
{
  L4aReportSlot *slot = g_new0 (L4aReportSlot, 1);

  slot->hub_id = g_strdup (view->hub_id);
  slot->hub_name = g_strdup (view->hub_name);
  slot->period_start = g_strdup (view->period_start);
  slot->period_end = g_strdup (view->period_end);
  slot->due_on = g_strdup (view->due_on);
  slot->state = view->state;
  slot->report_id = g_strdup (view->report_id);
  slot->submitted_at = g_strdup (view->submitted_at);
  return slot;
}

static void
keep_slot (const SlotView *view,
           gpointer        data)
{
  g_ptr_array_add (data, slot_copy (view));
}

/* The reports the hubs wrote (@hub_id's, or every hub's), by hub id, read
 * in one pass: most hubs of a large registry have written few, and 100 000
 * lookups of one hub each took a quarter of a second. */
static GHashTable *
read_written (L4aStore    *store,
              const char  *hub_id,
              GError     **error)
{
  g_autoptr(GHashTable) by_hub = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
#define WRITTEN "SELECT hub_id, period_start, status, id, submitted_at FROM progress_report "
  /* one hub by its index (not "?1 IS NULL OR", which reads them all) */
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, hub_id ? WRITTEN "WHERE hub_id = ?1" : WRITTEN, error);
#undef WRITTEN
  int rc;

  if (stmt == NULL)
    return NULL;
  if (hub_id != NULL)
    sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hub = (const char *) sqlite3_column_text (stmt, 0);   /* NOT NULL */
      GArray *written = g_hash_table_lookup (by_hub, hub);
      Written w = {
        .period_start = l4a_store_column_dup (stmt, 1),
        .status = l4a_store_column_dup (stmt, 2),
        .id = l4a_store_column_dup (stmt, 3),
        .submitted_at = l4a_store_column_dup (stmt, 4),
      };

      if (written == NULL)
        {
          written = g_array_new (FALSE, FALSE, sizeof (Written));
          g_array_set_clear_func (written, written_clear);
          g_hash_table_insert (by_hub, g_strdup (hub), written);
        }
      g_array_append_val (written, w);
    }
  if (!l4a_store_rows_done (store, rc, error))
    return NULL;
  return g_steal_pointer (&by_hub);
}

/* Every period of the hubs asked for (@hub_id, or all), given to @func,
 * the hubs in the order of their names if @ordered. */
static gboolean
visit_slots (L4aStore    *store,
             const char  *hub_id,
             gboolean     ordered,
             SlotFunc     func,
             gpointer     data,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) written = NULL;
  g_autofree char *day = l4a_today_iso ();
  GDate today;
  int rc;

  if (!l4a_parse_date (day, &today))
    return TRUE;
#define SLOTS(hub, order) \
  "SELECT h.id, h.name, h.status, h.start_on, h.end_on, h.label_date, " \
  "  coalesce (s.every_months, " G_STRINGIFY (L4A_REPORT_EVERY_DEFAULT) ") " \
  "FROM hub h LEFT JOIN reporting_schedule s ON s.hub_id = h.id " hub order
  /* one hub by its id's index (SQLite cannot use it with "?1 IS NULL OR":
   * it read every hub of the registry) */
  if (hub_id != NULL)
    stmt = l4a_store_prepare (store, SLOTS ("WHERE h.id = ?1", ""), error);
  else
    stmt = l4a_store_prepare (store, ordered ? SLOTS ("", "ORDER BY h.name") : SLOTS ("", ""), error);
#undef SLOTS
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);

  if ((written = read_written (store, hub_id, error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      visit_hub_slots (id, (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4),
                       (const char *) sqlite3_column_text (stmt, 5), sqlite3_column_int (stmt, 6),
                       g_hash_table_lookup (written, id), day, &today,
                       func, data);
    }
  return l4a_store_rows_done (store, rc, error);
}

/**
 * l4a_reporting_schedule:
 * @hub_id: (nullable): one hub, or %NULL for every hub
 *
 * Returns: (transfer full) (element-type L4aReportSlot): the hub's
 *   reporting periods that have begun, and the next one, oldest first
 *   (every hub's in the order of their names)
 */
GPtrArray *
l4a_reporting_schedule (L4aStore    *store,
                        const char  *hub_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) slots = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_report_slot_free);
  if (!visit_slots (store, hub_id, TRUE, keep_slot, slots, error))
    return NULL;
  return g_steal_pointer (&slots);
}

/* Pending reports by due date, then hub name, period and hub id: the
 * order of the list whatever order the hubs were read in. */
static int
compare_slots (const char *due_on,
               const char *hub_name,
               const char *period_start,
               const char *hub_id,
               const L4aReportSlot *y)
{
  int c = strcmp (due_on, y->due_on);

  if (c == 0)
    c = g_strcmp0 (hub_name, y->hub_name);
  if (c == 0)
    c = strcmp (period_start, y->period_start);
  if (c == 0)
    c = g_strcmp0 (hub_id, y->hub_id);
  return c;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const L4aReportSlot *x = *(L4aReportSlot * const *) a;

  return compare_slots (x->due_on, x->hub_name, x->period_start, x->hub_id, *(L4aReportSlot * const *) b);
}

static void
count_slot (const SlotView     *slot,
            L4aReportingCounts *counts)
{
  switch (slot->state)
    {
    case L4A_REPORT_DUE:
    case L4A_REPORT_CHANGES_REQUESTED:
      counts->due++;
      break;
    case L4A_REPORT_OVERDUE:
      counts->overdue++;
      break;
    case L4A_REPORT_SUBMITTED:
      counts->waiting++;
      G_GNUC_FALLTHROUGH;
    case L4A_REPORT_ACKNOWLEDGED:
      if (slot->submitted_at && strncmp (slot->submitted_at, slot->due_on, 10) > 0)
        counts->late++;
      else
        counts->on_time++;
      break;
    case L4A_REPORT_UPCOMING:
    default:
      break;
    }
}

typedef struct
{
  L4aStore             *store;
  gboolean              government;
  guint                 max;          /* G_MAXUINT: every pending report */
  L4aReportingOverview *overview;
  char                 *hub;          /* the hub whose lead was asked last... */
  gboolean              leads;        /* ...and whether this government leads it */
} Overview;

static void
overview_slot (const SlotView *view,
               gpointer        data)
{
  Overview *o = data;
  GPtrArray *first = o->overview->first;
  guint lo = 0, hi;

  count_slot (view, &o->overview->counts);
  if (!view->live || view->state == L4A_REPORT_UPCOMING || view->state == L4A_REPORT_ACKNOWLEDGED)
    return;
  if (o->government)
    {
      /* a hub's periods come one after another: its lead is asked once */
      if (g_strcmp0 (o->hub, view->hub_id) != 0)
        {
          g_free (o->hub);
          o->hub = g_strdup (view->hub_id);
          o->leads = l4a_monitoring_can_edit (o->store, view->hub_id);
        }
      if (!o->leads)
        return;
    }
  o->overview->n_pending++;
  if (o->max == 0)
    return;
  if (o->max == G_MAXUINT)
    {
      g_ptr_array_add (first, slot_copy (view));
      return;
    }
  /* only the first few are kept: where this one goes among them */
  hi = first->len;
  if (hi == o->max && compare_slots (view->due_on, view->hub_name, view->period_start, view->hub_id,
                                     g_ptr_array_index (first, hi - 1)) >= 0)
    return;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_slots (view->due_on, view->hub_name, view->period_start, view->hub_id,
                         g_ptr_array_index (first, mid)) < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  if (first->len == o->max)
    g_ptr_array_remove_index (first, first->len - 1);
  g_ptr_array_insert (first, (int) lo, slot_copy (view));
}

/**
 * l4a_reporting_overview:
 * @max_pending: how many pending reports to keep, the first by due date
 *   (0: none, only counted; %G_MAXUINT: all)
 *
 * Where the network's reports stand, in one pass over the hubs: the
 * counts of every hub's reports, and those that want something of someone
 * (due, overdue or sent back to their government, and submitted ones
 * waiting for the secretariat) of the hubs that are active or have a
 * report not yet acknowledged; for a local government, of the hubs it
 * leads. Clear it with l4a_reporting_overview_clear().
 */
gboolean
l4a_reporting_overview (L4aStore             *store,
                        guint                 max_pending,
                        L4aReportingOverview *overview,
                        GError              **error)
{
  Overview o = { store, l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT, max_pending, overview, NULL, FALSE };
  gboolean ok;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (overview != NULL, FALSE);

  memset (overview, 0, sizeof *overview);
  overview->first = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_report_slot_free);
  ok = visit_slots (store, NULL, FALSE, overview_slot, &o, error);
  g_free (o.hub);
  if (!ok)
    {
      l4a_reporting_overview_clear (overview);
      return FALSE;
    }
  if (max_pending == G_MAXUINT)
    g_ptr_array_sort (overview->first, compare_due);
  return TRUE;
}

void
l4a_reporting_overview_clear (L4aReportingOverview *overview)
{
  g_clear_pointer (&overview->first, g_ptr_array_unref);
  memset (overview, 0, sizeof *overview);
}

/**
 * l4a_reporting_pending:
 *
 * Returns: (transfer full) (element-type L4aReportSlot): every pending
 *   report, as l4a_reporting_overview() tells them, by due date
 */
GPtrArray *
l4a_reporting_pending (L4aStore    *store,
                       GError     **error)
{
  g_auto(L4aReportingOverview) overview = { 0 };

  if (!l4a_reporting_overview (store, G_MAXUINT, &overview, error))
    return NULL;
  return g_steal_pointer (&overview.first);
}

/**
 * l4a_reporting_count:
 *
 * Fills @counts with where the network's reports stand.
 */
gboolean
l4a_reporting_count (L4aStore           *store,
                     L4aReportingCounts *counts,
                     GError            **error)
{
  g_auto(L4aReportingOverview) overview = { 0 };

  if (!l4a_reporting_overview (store, 0, &overview, error))
    return FALSE;
  *counts = overview.counts;
  return TRUE;
}

/* Reports --------------------------------------------------------------------------- */

/**
 * l4a_report_gather:
 *
 * Returns: (transfer full): what the hub's records say for the period, as
 *   JSON: its deliverables and their statuses, its indicators' latest
 *   values, the activities of the period
 */
char *
l4a_report_gather (L4aStore   *store,
                   const char *hub_id,
                   const char *period_start,
                   const char *period_end)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deliverables");
  json_builder_begin_array (builder);
  stmt = l4a_store_prepare (store, "SELECT title, due_on, status FROM deliverable WHERE hub_id = ?1 "
                                   "ORDER BY due_on, position", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
          json_builder_set_member_name (builder, "due_on");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  g_clear_pointer (&stmt, sqlite3_finalize);

  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  stmt = l4a_store_prepare (store, "SELECT i.code, i.name, i.unit, i.target_value, m.value, m.measured_on "
                                   "FROM indicator i LEFT JOIN measurement m ON m.id = ("
                                   "  SELECT id FROM measurement WHERE indicator_id = i.id AND measured_on <= ?2 "
                                   "  ORDER BY measured_on DESC LIMIT 1) "
                                   "WHERE i.hub_id = ?1 ORDER BY i.position, i.code", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, period_end, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
          json_builder_set_member_name (builder, "unit");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
          if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
            {
              json_builder_set_member_name (builder, "target");
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, 3));
            }
          if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
            {
              json_builder_set_member_name (builder, "latest");
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, 4));
              json_builder_set_member_name (builder, "measured_on");
              json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 5));
            }
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  g_clear_pointer (&stmt, sqlite3_finalize);

  json_builder_set_member_name (builder, "activities");
  json_builder_begin_array (builder);
  stmt = l4a_store_prepare (store, "SELECT title, kind, happened_on FROM activity "
                                   "WHERE (hub_id = ?1 OR id IN (SELECT activity_id FROM activity_hub WHERE hub_id = ?1)) "
                                   "AND happened_on BETWEEN ?2 AND ?3 ORDER BY happened_on, title", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, period_start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, period_end, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
          json_builder_set_member_name (builder, "happened_on");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static L4aReportSlot *
find_slot (L4aStore    *store,
           const char  *hub_id,
           const char  *period_start,
           GError     **error)
{
  g_autoptr(GPtrArray) slots = l4a_reporting_schedule (store, hub_id, error);

  if (slots == NULL)
    return NULL;
  for (guint i = 0; i < slots->len; i++)
    {
      L4aReportSlot *slot = g_ptr_array_index (slots, i);

      if (g_strcmp0 (slot->period_start, period_start) == 0)
        return g_ptr_array_steal_index (slots, i);
    }
  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
               /* translators: a date */
               _("The hub has no reporting period that starts on %s."), period_start ? period_start : "");
  return NULL;
}

/**
 * l4a_report_open:
 *
 * Returns: (transfer full): the report of @hub_id for the period that
 *   starts on @period_start, as written so far, or a new one with what the
 *   records say now
 */
L4aReport *
l4a_report_open (L4aStore    *store,
                 const char  *hub_id,
                 const char  *period_start,
                 GError     **error)
{
  g_autoptr(L4aReportSlot) slot = find_slot (store, hub_id, period_start, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aReport *report;

  if (slot == NULL)
    return NULL;
  report = g_new0 (L4aReport, 1);
  report->hub_id = g_strdup (hub_id);
  report->hub_name = g_strdup (slot->hub_name);
  report->period_start = g_strdup (slot->period_start);
  report->period_end = g_strdup (slot->period_end);
  report->due_on = g_strdup (slot->due_on);
  stmt = l4a_store_prepare (store, "SELECT id, narrative, status, gathered, submitted_at, reviewed_at, comment, "
                                   "  revision FROM progress_report WHERE hub_id = ?1 AND period_start = ?2", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, period_start, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          report->id = l4a_store_column_dup (stmt, 0);
          report->narrative = l4a_store_column_dup (stmt, 1);
          report->status = l4a_store_column_dup (stmt, 2);
          report->gathered = l4a_store_column_dup (stmt, 3);
          report->submitted_at = l4a_store_column_dup (stmt, 4);
          report->reviewed_at = l4a_store_column_dup (stmt, 5);
          report->comment = l4a_store_column_dup (stmt, 6);
          report->revision = sqlite3_column_int64 (stmt, 7);
        }
    }
  if (report->status == NULL)
    report->status = g_strdup ("draft");
  if (report->narrative == NULL)
    report->narrative = g_strdup ("");
  if (report->comment == NULL)
    report->comment = g_strdup ("");
  /* a report not yet sent shows what the records say now */
  if (g_strv_contains ((const char *[]) { "draft", "changes-requested", NULL }, report->status) ||
      report->gathered == NULL || *report->gathered == '\0')
    {
      g_free (report->gathered);
      report->gathered = l4a_report_gather (store, hub_id, report->period_start, report->period_end);
    }
  return report;
}

static char *
report_name (const L4aReport *report)
{
  g_autofree char *period = l4a_format_days (report->period_start, report->period_end);

  /* translators: a hub's name, then a period */
  return g_strdup_printf (_("The report of %s for %s"), report->hub_name ? report->hub_name : report->hub_id, period);
}

/* Only the hub's lead government writes its reports, while they are its to
 * write: not yet sent, or sent back. */
static gboolean
require_writer (L4aStore         *store,
                const L4aReport  *report,
                GError          **error)
{
  g_autofree char *name = report_name (report);
  g_autofree char *status = NULL;

  if (l4a_store_get_role (store) != L4A_ROLE_GOVERNMENT || !l4a_monitoring_can_edit (store, report->hub_id))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: only the hub’s lead government writes and submits its reports."), name);
      return FALSE;
    }
  if (report->id != NULL)
    {
      g_autofree char *revision = NULL;

      status = l4a_store_lookup_text (store, "SELECT status FROM progress_report WHERE id = ?1", report->id);
      revision = l4a_store_lookup_text (store, "SELECT revision FROM progress_report WHERE id = ?1", report->id);
      if (status == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("%s: it was deleted meanwhile."), name);
          return FALSE;
        }
      if (report->revision > 0 && g_ascii_strtoll (revision, NULL, 10) != report->revision)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                       _("%s: it was changed meanwhile, here or by an import; reopen it to see the changes."), name);
          return FALSE;
        }
      if (!g_strv_contains ((const char *[]) { "draft", "changes-requested", NULL }, status))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("%s: it is submitted; the World Secretariat reads it now."), name);
          return FALSE;
        }
    }
  if (report->narrative && g_utf8_strlen (report->narrative, -1) > MAX_NARRATIVE)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the narrative is longer than %d characters."), name, MAX_NARRATIVE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_report (L4aStore    *store,
              L4aReport   *report,
              const char  *status,
              GError     **error)
{
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *id = report->id ? g_strdup (report->id) : g_uuid_string_random ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean submit = g_str_equal (status, "submitted");
  gboolean update = report->id != NULL;

  stmt = l4a_store_prepare (store, update
                            ? "UPDATE progress_report SET narrative = ?5, status = ?6, gathered = ?7, "
                              "  submitted_at = CASE WHEN ?6 = 'submitted' THEN ?8 ELSE submitted_at END, "
                              "  updated_at = ?8, origin = ?9, revision = revision + 1 WHERE id = ?1"
                            : "INSERT INTO progress_report (id, hub_id, period_start, period_end, due_on, narrative, "
                              "  status, gathered, submitted_at, created_at, updated_at, origin) "
                              "VALUES (?1, ?2, ?3, ?4, ?10, ?5, ?6, ?7, CASE WHEN ?6 = 'submitted' THEN ?8 END, "
                              "  ?8, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, report->hub_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, report->period_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, report->period_end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, report->narrative ? report->narrative : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
  if (submit)
    {
      g_free (report->gathered);
      report->gathered = l4a_report_gather (store, report->hub_id, report->period_start, report->period_end);
    }
  sqlite3_bind_text (stmt, 7, report->gathered ? report->gathered : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, report->due_on, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error) ||
      !l4a_store_audit (store, submit ? "submit" : update ? "update" : "create", "progress_report", id, NULL, error))
    return FALSE;
  if (!update)
    report->id = g_steal_pointer (&id);
  g_free (report->status);
  report->status = g_strdup (status);
  if (submit)
    {
      g_free (report->submitted_at);
      report->submitted_at = g_strdup (now);
    }
  {
    g_autofree char *revision = l4a_store_lookup_text (store, "SELECT revision FROM progress_report WHERE id = ?1",
                                                       report->id);
    report->revision = g_ascii_strtoll (revision ? revision : "0", NULL, 10);
  }
  return TRUE;
}

static gboolean
save_checked (L4aStore   *store,
              L4aReport  *report,
              GError    **error)
{
  g_autoptr(L4aReportSlot) slot = find_slot (store, report->hub_id, report->period_start, error);

  if (slot == NULL || !require_writer (store, report, error))
    return FALSE;
  /* a report sent back stays sent back until it is submitted again */
  return write_report (store, report, g_strcmp0 (report->status, "changes-requested") == 0 ? "changes-requested"
                                                                                           : "draft", error);
}

/**
 * l4a_report_save:
 *
 * Saves the narrative of @report, not yet submitted.
 */
gboolean
l4a_report_save (L4aStore   *store,
                 L4aReport  *report,
                 GError    **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  return l4a_store_begin (store, error) && l4a_store_end (store, save_checked (store, report, error), error);
}

static gboolean
submit_checked (L4aStore   *store,
                L4aReport  *report,
                GError    **error)
{
  g_autoptr(L4aReportSlot) slot = find_slot (store, report->hub_id, report->period_start, error);
  g_autofree char *day = l4a_today_iso ();
  g_autofree char *name = report_name (report);
  g_autofree char *narrative = g_strstrip (g_strdup (report->narrative ? report->narrative : ""));

  if (slot == NULL || !require_writer (store, report, error))
    return FALSE;
  if (strcmp (day, slot->period_end) <= 0)
    {
      g_autofree char *end = l4a_format_date (slot->period_end);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   /* translators: a report, then a date */
                   _("%s: the period ends on %s; submit the report after that."), name, end);
      return FALSE;
    }
  if (g_utf8_strlen (narrative, -1) < 20)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: write a few sentences on the period before submitting it."), name);
      return FALSE;
    }
  return write_report (store, report, "submitted", error);
}

/**
 * l4a_report_submit:
 *
 * Saves and submits @report to the World Secretariat, with what the
 * hub's records say now. Its period must have ended.
 */
gboolean
l4a_report_submit (L4aStore   *store,
                   L4aReport  *report,
                   GError    **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  return l4a_store_begin (store, error) && l4a_store_end (store, submit_checked (store, report, error), error);
}

static gboolean
review_checked (L4aStore    *store,
                L4aReport   *report,
                gboolean     acknowledge,
                const char  *comment,
                GError     **error)
{
  g_autofree char *name = report_name (report);
  g_autofree char *status = NULL;
  g_autofree char *text = g_strstrip (g_strdup (comment ? comment : ""));
  g_autofree char *now = l4a_now_iso8601 ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return FALSE;
  if (report->id != NULL)
    status = l4a_store_lookup_text (store, "SELECT status FROM progress_report WHERE id = ?1", report->id);
  if (g_strcmp0 (status, "submitted") != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: only a submitted report is acknowledged or sent back."), name);
      return FALSE;
    }
  if (!acknowledge && *text == '\0')
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: say in the comment what should change."), name);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > MAX_COMMENT)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("%s: the comment is longer than %d characters."), name, MAX_COMMENT);
      return FALSE;
    }
  stmt = l4a_store_prepare (store, "UPDATE progress_report SET status = ?2, comment = ?3, reviewed_at = ?4, "
                                   "  updated_at = ?4, origin = ?5, revision = revision + 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, acknowledge ? "acknowledged" : "changes-requested", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, NULL, error) ||
      !l4a_store_audit (store, acknowledge ? "acknowledge" : "request-changes", "progress_report", report->id, NULL,
                        error))
    return FALSE;
  g_free (report->status);
  report->status = g_strdup (acknowledge ? "acknowledged" : "changes-requested");
  g_free (report->comment);
  report->comment = g_steal_pointer (&text);
  g_free (report->reviewed_at);
  report->reviewed_at = g_steal_pointer (&now);
  return TRUE;
}

/**
 * l4a_report_review:
 * @acknowledge: %TRUE to acknowledge the report, %FALSE to send it back
 * @comment: (nullable): what should change (required to send it back)
 *
 * The World Secretariat's answer to a submitted report.
 */
gboolean
l4a_report_review (L4aStore    *store,
                   L4aReport   *report,
                   gboolean     acknowledge,
                   const char  *comment,
                   GError     **error)
{
  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  return l4a_store_begin (store, error) &&
         l4a_store_end (store, review_checked (store, report, acknowledge, comment, error), error);
}

/* Bundles ------------------------------------------------------------------------------ */

static gsize
text_length (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return 0;
  return (gsize) g_utf8_strlen (json_node_get_string (node), -1);
}

/**
 * l4a_reports_check_record:
 *
 * Holds a bundle's report or schedule to the rules of its own fields.
 */
gboolean
l4a_reports_check_record (const char  *table,
                          JsonObject  *object,
                          const char  *record,
                          GError     **error)
{
  if (g_str_equal (table, "progress_report"))
    {
      if (text_length (object, "narrative") > MAX_NARRATIVE)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the narrative is longer than %d characters."), record, MAX_NARRATIVE);
          return FALSE;
        }
      if (text_length (object, "comment") > MAX_COMMENT || text_length (object, "gathered") > 1000000)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: the comment or the gathered facts are longer than a report allows."), record);
          return FALSE;
        }
    }
  else if (g_str_equal (table, "reporting_schedule") && json_object_has_member (object, "every_months"))
    {
      JsonNode *node = json_object_get_member (object, "every_months");
      gint64 months = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
                      ? json_node_get_int (node) : -1;

      if (months != 0 && months != 3 && months != 6 && months != 12)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("%s: hubs report every 3, 6 or 12 months, or not at all."), record);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * l4a_reports_government_rule:
 * @actor: the government the bundle comes from
 *
 * Whether a local government's monitoring bundle may carry @object, a
 * report of a hub it leads, as the window would let it write it: for one
 * of the hub's reporting periods, in draft or submitted with a narrative,
 * never over one submitted, acknowledged or sent back here in another
 * state, and never with the secretariat's comment changed. A report that
 * is here as it is in the bundle passes.
 */
gboolean
l4a_reports_government_rule (L4aStore    *store,
                             const char  *actor,
                             JsonObject  *object,
                             const char  *record,
                             GError     **error)
{
  const char *id = l4a_json_string (object, "id");
  const char *hub = l4a_json_string (object, "hub_id");
  const char *status = l4a_json_string (object, "status");
  const char *start = l4a_json_string (object, "period_start");
  g_autofree char *lead = hub ? l4a_store_lookup_text (store, "SELECT government_id FROM hub WHERE id = ?1", hub)
                              : NULL;
  g_autofree char *here_status = id ? l4a_store_lookup_text (store, "SELECT status FROM progress_report "
                                                                    "WHERE id = ?1", id) : NULL;
  g_autofree char *here_hub = id ? l4a_store_lookup_text (store, "SELECT hub_id FROM progress_report WHERE id = ?1",
                                                          id) : NULL;
  g_autofree char *here_comment = id ? l4a_store_lookup_text (store, "SELECT comment FROM progress_report "
                                                                     "WHERE id = ?1", id) : NULL;
  g_autoptr(L4aReportSlot) slot = NULL;

  if (g_strcmp0 (lead, actor) != 0 || (here_hub != NULL && g_strcmp0 (here_hub, hub) != 0))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a monitoring bundle may only carry the reports of the hubs its government leads."), record);
      return FALSE;
    }
  if (here_status != NULL && g_strcmp0 (here_status, status) == 0 &&
      !g_strv_contains ((const char *[]) { "draft", "changes-requested", NULL }, here_status))
    return TRUE;  /* as it is here: submitted, or answered, and not changed by the government */
  if (!g_strv_contains ((const char *[]) { "draft", "submitted", NULL }, status ? status : ""))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: a government writes and submits its reports; only the World Secretariat acknowledges them "
                     "or sends them back."), record);
      return FALSE;
    }
  if (here_status != NULL && !g_strv_contains ((const char *[]) { "draft", "changes-requested", NULL }, here_status))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: it is submitted or acknowledged here, so a monitoring bundle can no longer change it."),
                   record);
      return FALSE;
    }
  if (json_object_has_member (object, "comment") &&
      g_strcmp0 (l4a_json_string (object, "comment") ? l4a_json_string (object, "comment") : "",
                 here_comment ? here_comment : "") != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: the comment is the World Secretariat’s; a monitoring bundle cannot change it."), record);
      return FALSE;
    }
  slot = find_slot (store, hub, start, NULL);
  if (slot == NULL || g_strcmp0 (slot->period_end, l4a_json_string (object, "period_end")) != 0 ||
      g_strcmp0 (slot->due_on, l4a_json_string (object, "due_on")) != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("%s: its period is not one of the hub’s reporting periods here."), record);
      return FALSE;
    }
  if (g_str_equal (status, "submitted"))
    {
      g_autofree char *day = l4a_today_iso ();
      g_autofree char *narrative = g_strstrip (g_strdup (l4a_json_string (object, "narrative") ?: ""));

      if (strcmp (day, slot->period_end) <= 0 || g_utf8_strlen (narrative, -1) < 20)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                       _("%s: a report is submitted after its period ends, with a few sentences on it."), record);
          return FALSE;
        }
    }
  return TRUE;
}
