/* test-proposals.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Proposals: the six key features, field rules, drafts that survive a
 * crash, attachments stored once, and the workflow by role and state.
 */

#include "config.h"

#include <math.h>

#include "core-test-utils.h"

#include "l4a-call.h"
#include "l4a-proposal.h"
#include "l4a-proposal-edit.h"
#include "l4a-registry.h"

static char *tmpdir;

/* Runs SQL on a connection of its own. */
static void
sql_exec (L4aStore   *store,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (l4a_store_get_path (store), &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static char *
sql_text (L4aStore   *store,
          const char *sql)
{
  return l4a_test_sql_text (l4a_store_get_path (store), sql);
}

static gint64
sql_int (L4aStore   *store,
         const char *sql)
{
  return l4a_test_sql_int (l4a_store_get_path (store), sql);
}

/* A store with the sample data and a call open around today, acting as the
 * local government of Soria. */
static L4aStore *
open_as_soria (const char  *name,
               char       **call_id,
               char       **soria)
{
  L4aStore *store = l4a_test_open_with_sample (tmpdir, name);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 30);
  g_autofree char *opens = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *closes = g_date_time_format (after, "%Y-%m-%d");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO call (id, title, opens_on, closes_on, status, created_at, "
                                          "updated_at, origin) VALUES ('test-call', 'Test call', '%s', '%s', 'open', "
                                          "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'test')", opens, closes);

  sql_exec (store, sql);
  *call_id = g_strdup ("test-call");
  *soria = sql_text (store, "SELECT id FROM government WHERE name = 'Soria'");
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, *soria);
  return store;
}

/* A proposal that shows all six key features. */
static L4aProposalEdit *
complete_proposal (const char *call_id,
                   const char *government_id)
{
  L4aProposalEdit *edit = l4a_proposal_edit_new ();

  edit->call_id = g_strdup (call_id);
  edit->government_id = g_strdup (government_id);
  edit->title = g_strdup ("Soria Rural Innovation Hub");
  edit->summary = g_strdup ("Young people and rural services.");
  edit->topic = g_strdup ("Rural innovation and demographic challenge");
  edit->start = g_strdup ("2027-01-01");
  edit->end = g_strdup ("2028-12-31");
  edit->sdgs = (1u << 11) | (1u << 8);
  edit->communication = g_strdup ("A launch event with partners, a quarterly newsletter, a shared web page and a final forum at the annual meeting point.");
  edit->brand_commitment = g_strdup ("We use the Local4Action label on every material.");
  l4a_proposal_edit_add_partner (edit, "University of Valladolid", "Research partner");
  l4a_proposal_edit_add_deliverable (edit, "Baseline study", "2027-06-30");
  l4a_proposal_edit_add_deliverable (edit, "Toolkit", "2028-10-31");
  l4a_proposal_edit_add_indicator (edit, "11.6.2", "Fine particulate matter", "28", "20");
  return edit;
}

static L4aFeatureCheck *
check_of (GPtrArray  *checks,
          const char *key)
{
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (((L4aFeatureCheck *) checks->pdata[i])->key, key))
      return checks->pdata[i];
  g_assert_not_reached ();
}

static void
assert_feature (L4aStore              *store,
                const L4aProposalEdit *edit,
                const char            *key,
                gboolean               passed,
                const char            *needle)
{
  g_autoptr(GPtrArray) checks = l4a_proposal_check_features (store, edit);
  L4aFeatureCheck *check = check_of (checks, key);

  g_assert_cmpuint (checks->len, ==, L4A_N_FEATURES);
  if (check->passed != passed || (needle && strstr (check->reason, needle) == NULL))
    g_error ("%s: expected %s with “%s”, got %s: %s", key, passed ? "pass" : "fail", needle ? needle : "",
             check->passed ? "pass" : "fail", check->reason);
}

static void
test_features (void)
{
  g_autofree char *call = NULL;
  g_autofree char *soria = NULL;
  g_autoptr(L4aStore) store = open_as_soria ("features.sqlite", &call, &soria);
  g_autoptr(L4aProposalEdit) edit = complete_proposal (call, soria);

  {
    g_autoptr(GPtrArray) checks = l4a_proposal_check_features (store, edit);
    g_assert_true (l4a_feature_checks_all_pass (checks));
  }
  assert_feature (store, edit, "locally-driven", TRUE, "Led by Soria");
  assert_feature (store, edit, "time", TRUE, "24 months, with 2 deliverables");
  assert_feature (store, edit, "results", TRUE, "1 indicator");
  assert_feature (store, edit, "topic", TRUE, "SDG 8, 11");

#define BREAK(statement, key, needle) \
  G_STMT_START { \
    g_autoptr(L4aProposalEdit) copy = l4a_proposal_edit_copy (edit); \
    g_autoptr(GPtrArray) checks = NULL; \
    statement; \
    assert_feature (store, copy, key, FALSE, needle); \
    checks = l4a_proposal_check_features (store, copy); \
    g_assert_false (l4a_feature_checks_all_pass (checks)); \
  } G_STMT_END

  BREAK (g_clear_pointer (&copy->government_id, g_free), "locally-driven", "Choose");
  BREAK ((g_free (copy->government_id), copy->government_id = g_strdup ("nobody")), "locally-driven", "Choose");
  BREAK ((g_free (copy->end), copy->end = g_strdup ("2030-04-30")), "time",
         "The time frame is 40 months; a hub runs 12 to 36 months.");
  BREAK ((g_free (copy->end), copy->end = g_strdup ("2027-06-30")), "time", "6 months");
  BREAK (g_clear_pointer (&copy->start, g_free), "time", "start and the end");
  BREAK (g_ptr_array_set_size (copy->deliverables, 0), "time", "at least one deliverable");
  BREAK ((g_free (((L4aDeliverableEdit *) copy->deliverables->pdata[1])->due),
          ((L4aDeliverableEdit *) copy->deliverables->pdata[1])->due = g_strdup ("2029-05-01")),
         "time", "“Toolkit” needs a due date within the time frame");
  BREAK ((g_free (copy->communication), copy->communication = g_strdup ("Newsletter.")), "communication",
         "at least 80 characters, now 11");
  BREAK (g_clear_pointer (&copy->brand_commitment, g_free), "brand", "now 0");
  BREAK (g_ptr_array_set_size (copy->indicators, 0), "results", "at least one indicator");
  BREAK ((g_free (((L4aPlannedIndicator *) copy->indicators->pdata[0])->code),
          ((L4aPlannedIndicator *) copy->indicators->pdata[0])->code = g_strdup ("18.1.1")), "results", NULL);
  BREAK ((g_free (((L4aPlannedIndicator *) copy->indicators->pdata[0])->target),
          ((L4aPlannedIndicator *) copy->indicators->pdata[0])->target = g_strdup ("lots")), "results", NULL);
  BREAK (copy->sdgs = 0, "topic", "Sustainable Development Goals");
  BREAK (g_clear_pointer (&copy->topic, g_free), "topic", "Name the topic");
#undef BREAK
}

static void
test_indicator_codes (void)
{
  static const struct { const char *code; gboolean ok; } vectors[] = {
    { "11.6.2", TRUE }, { "17.18.1", TRUE }, { "11.a.1", TRUE }, { "1.1.1", TRUE },
    { "18.1.1", FALSE }, { "0.1.1", FALSE }, { "11.6", FALSE }, { "11.6.2.1", FALSE }, { "11..2", FALSE },
    { "11.A.1", FALSE }, { "11.ab.1", FALSE }, { "L-SOR-01", TRUE }, { "AIR_Q", TRUE }, { "x", FALSE },
    { "-1", FALSE }, { "", FALSE }, { "   ", FALSE }, { "ÁRBOL", FALSE }, { "a b", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *problem = NULL;
      gboolean ok = l4a_indicator_code_check (vectors[i].code, &problem);

      if (ok != vectors[i].ok)
        g_error ("“%s”: expected %s", vectors[i].code, vectors[i].ok ? "valid" : "invalid");
      g_assert_true (ok == (problem == NULL));
    }
}

static void
test_validate (void)
{
  g_autofree char *call = NULL;
  g_autofree char *soria = NULL;
  g_autoptr(L4aStore) store = open_as_soria ("validate.sqlite", &call, &soria);
  g_autoptr(L4aProposalEdit) edit = complete_proposal (call, soria);
  g_autoptr(GPtrArray) none = l4a_proposal_edit_validate (store, edit);
  g_autoptr(L4aProposalEdit) bad = l4a_proposal_edit_copy (edit);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_cmpuint (none->len, ==, 0);

  g_free (bad->start);
  bad->start = g_strdup ("2029-01-01");
  g_free (bad->title);
  bad->title = g_strdup ("  ");
  g_free (((L4aPlannedIndicator *) bad->indicators->pdata[0])->code);
  ((L4aPlannedIndicator *) bad->indicators->pdata[0])->code = g_strdup ("18.1.1");
  g_free (((L4aPlannedIndicator *) bad->indicators->pdata[0])->baseline);
  ((L4aPlannedIndicator *) bad->indicators->pdata[0])->baseline = g_strdup ("twelve");
  problems = l4a_proposal_edit_validate (store, bad);
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "end_on"), "after the start"));
  g_assert_nonnull (l4a_field_errors_find (problems, "title"));
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "indicators.0"), "“18.1.1” is not an SDG indicator code"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_free (bad->start);
  bad->start = g_strdup ("2027-01-01");
  g_free (bad->end);
  bad->end = g_strdup ("2027-12-31");
  problems = l4a_proposal_edit_validate (store, bad);
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "deliverables.1"), "“Toolkit” is due after the end"));
}

static void
test_drafts (void)
{
  g_autofree char *call = NULL;
  g_autofree char *soria = NULL;
  g_autoptr(L4aStore) store = open_as_soria ("drafts.sqlite", &call, &soria);
  g_autoptr(L4aProposalEdit) edit = complete_proposal (call, soria);
  g_autoptr(L4aProposalEdit) stale = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit;

  /* Half-typed values are kept as typed. */
  g_free (edit->end);
  edit->end = g_strdup ("2028-1");
  l4a_proposal_edit_add_partner (edit, "", "");
  g_assert_true (l4a_registry_save_draft (store, edit, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (edit->id));
  g_assert_cmpint (edit->revision, ==, 1);

  /* As after a crash: a new connection, the old one never closed. */
  {
    g_autofree char *path = g_strdup (l4a_store_get_path (store));
    g_autoptr(L4aStore) after_crash = l4a_store_open (path, &error);
    g_autoptr(L4aProposalEdit) recovered = NULL;

    g_assert_no_error (error);
    recovered = l4a_registry_load_proposal (after_crash, edit->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (recovered->title, ==, edit->title);
    g_assert_cmpstr (recovered->end, ==, "2028-1");
    g_assert_cmpstr (recovered->communication, ==, edit->communication);
    g_assert_cmpuint (recovered->deliverables->len, ==, 2);
    g_assert_cmpuint (recovered->partners->len, ==, 1);  /* the empty row is not a partner yet */
    g_assert_cmpuint (recovered->indicators->len, ==, 1);
    g_assert_cmpstr (((L4aPlannedIndicator *) recovered->indicators->pdata[0])->target, ==, "20");
    g_assert_cmpuint (recovered->sdgs, ==, edit->sdgs);
    g_assert_cmpstr (recovered->state, ==, "draft");
  }

  /* Saving again bumps the revision; an older copy is refused. */
  stale = l4a_proposal_edit_copy (edit);
  g_free (edit->end);
  edit->end = g_strdup ("2028-12-31");
  audit = sql_int (store, "SELECT count(*) FROM audit WHERE action = 'save-draft'");
  g_assert_true (l4a_registry_save_draft (store, edit, &error));
  g_assert_cmpint (edit->revision, ==, 2);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM audit WHERE action = 'save-draft'"), ==, audit + 1);
  g_assert_false (l4a_registry_save_draft (store, stale, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Only the author's government writes it. */
  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_false (l4a_registry_save_draft (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "World Secretariat"));
  g_clear_error (&error);
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, "someone-else");
  g_assert_false (l4a_registry_save_draft (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "another government"));
}

static void
test_attachments (void)
{
  g_autofree char *call = NULL;
  g_autofree char *soria = NULL;
  g_autoptr(L4aStore) store = open_as_soria ("attachments.sqlite", &call, &soria);
  g_autoptr(L4aProposalEdit) first = complete_proposal (call, soria);
  g_autoptr(L4aProposalEdit) second = complete_proposal (call, soria);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n% a tiny test document\n", 33);
  g_autoptr(GBytes) text = g_bytes_new_static ("just text, named .pdf", 21);
  g_autoptr(GError) error = NULL;
  gint64 before = sql_int (store, "SELECT count(*) FROM attachment");

  g_assert_true (l4a_registry_add_attachment (store, first, "/home/someone/plan.pdf", pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (((L4aAttachmentRef *) first->attachments->pdata[0])->name, ==, "plan.pdf");
  g_assert_cmpstr (((L4aAttachmentRef *) first->attachments->pdata[0])->media_type, ==, "application/pdf");
  g_assert_true (l4a_registry_add_attachment (store, second, "copy.pdf", pdf, &error));
  g_assert_true (l4a_registry_save_draft (store, first, &error));
  g_assert_true (l4a_registry_save_draft (store, second, &error));
  g_assert_no_error (error);

  /* Stored once, linked twice. */
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM attachment"), ==, before + 1);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM proposal_attachment"), >=, 2);

  g_assert_false (l4a_registry_add_attachment (store, first, "again.pdf", pdf, &error));
  g_assert_nonnull (strstr (error->message, "attached already"));
  g_clear_error (&error);
  g_assert_false (l4a_registry_add_attachment (store, first, "fake.pdf", text, &error));
  g_assert_nonnull (strstr (error->message, "“fake.pdf” is not a PDF"));
  g_clear_error (&error);
  {
    gsize size = L4A_MAX_ATTACHMENT_SIZE + 1;
    guchar *big = g_malloc0 (size);
    g_autoptr(GBytes) huge = NULL;

    memcpy (big, "%PDF-", 5);
    huge = g_bytes_new_take (big, size);
    g_assert_false (l4a_registry_add_attachment (store, first, "huge.pdf", huge, &error));
    g_assert_nonnull (strstr (error->message, "limited to 20 MB"));
  }
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM attachment"), ==, before + 1);
}

static void
test_workflow (void)
{
  g_autofree char *call = NULL;
  g_autofree char *soria = NULL;
  g_autoptr(L4aStore) store = open_as_soria ("workflow.sqlite", &call, &soria);
  g_autoptr(L4aProposalEdit) edit = complete_proposal (call, soria);
  g_autoptr(L4aProposalEdit) incomplete = complete_proposal (call, soria);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *state = NULL;

  /* An incomplete draft is refused with the failing feature. */
  g_clear_pointer (&incomplete->brand_commitment, g_free);
  g_assert_true (l4a_registry_save_draft (store, incomplete, &error));
  g_assert_false (l4a_proposal_submit (store, incomplete->id, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UCLG brand"));
  g_clear_error (&error);

  /* Withdraw is for submitted proposals only. */
  g_assert_true (l4a_registry_save_draft (store, edit, &error));
  g_assert_false (l4a_proposal_withdraw (store, edit->id, &error));
  g_assert_nonnull (strstr (error->message, "only while it is Submitted"));
  g_clear_error (&error);

  /* Another role cannot submit. */
  l4a_store_set_actor (store, L4A_ROLE_MEMBER, "a-member");
  g_assert_false (l4a_proposal_submit (store, edit->id, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, soria);

  g_assert_true (l4a_proposal_submit (store, edit->id, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT state || ' ' || (submitted_at IS NOT NULL) FROM proposal WHERE id = '%s'", edit->id);
  state = sql_text (store, sql);
  g_assert_cmpstr (state, ==, "submitted 1");
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM audit WHERE action = 'submit'"), ==, 1);

  /* A submitted proposal is no draft to change. */
  g_assert_false (l4a_registry_save_draft (store, edit, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (l4a_proposal_withdraw (store, edit->id, &error));
  g_free (state);
  state = sql_text (store, sql);
  g_assert_cmpstr (state, ==, "withdrawn 1");

  /* A closed call takes no submission. */
  sql_exec (store, "UPDATE call SET status = 'closed' WHERE id = 'test-call'");
  g_assert_false (l4a_proposal_submit (store, incomplete->id, &error));
  g_assert_nonnull (strstr (error->message, "not open"));
  g_clear_error (&error);

  /* Revise and resubmit: a new version, the old one kept and compared. */
  g_assert_false (l4a_proposal_revise (store, edit->id, &error));
  g_assert_nonnull (strstr (error->message, "revise and resubmit"));
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE proposal SET state = 'released' WHERE id = '%s'; "
                         "INSERT INTO decision (id, proposal_id, proposal_version, outcome, rationale, decided_at, "
                         "released_at, created_at, updated_at, origin) VALUES ('d-test', '%s', 1, 'revise-resubmit', "
                         "'Agree the deliverables.', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'test')", edit->id, edit->id);
  sql_exec (store, sql);
  g_assert_true (l4a_proposal_revise (store, edit->id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(L4aProposalEdit) revised = l4a_registry_load_proposal (store, edit->id, &error);

    g_assert_cmpint (revised->version, ==, 2);
    g_assert_cmpstr (revised->state, ==, "draft");
    g_free (revised->title);
    revised->title = g_strdup ("Soria Rural Innovation Hub, revised");
    l4a_proposal_edit_add_deliverable (revised, "Peer-learning session", "2028-03-01");
    g_assert_true (l4a_registry_save_draft (store, revised, &error));
    g_assert_no_error (error);
  }

  changes = l4a_proposal_compare_versions (store, edit->id, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((L4aFieldChange *) changes->pdata[0])->field, ==, "title");
  g_assert_cmpstr (((L4aFieldChange *) changes->pdata[0])->after, ==, "Soria Rural Innovation Hub, revised");
  g_assert_cmpstr (((L4aFieldChange *) changes->pdata[1])->field, ==, "deliverable");
  g_assert_nonnull (strstr (((L4aFieldChange *) changes->pdata[1])->after, "Peer-learning session"));
  g_assert_null (strstr (((L4aFieldChange *) changes->pdata[1])->before, "Peer-learning session"));

  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = l4a_proposal_compare_versions (store, edit->id, 1, 7, &error);
  g_assert_null (changes);
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
}

static void
test_references (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "references.sqlite");
  g_autofree char *id = sql_text (store, "SELECT id FROM proposal WHERE title = 'Andean Water Funds Hub'");
  g_autofree char *prefix = g_strndup (id, 8);
  g_autofree char *by_id = NULL;
  g_autofree char *by_prefix = NULL;
  g_autofree char *by_title = NULL;
  g_autoptr(GError) error = NULL;

  by_id = l4a_store_resolve_reference (store, "proposal", id, &error);
  by_prefix = l4a_store_resolve_reference (store, "proposal", prefix, &error);
  by_title = l4a_store_resolve_reference (store, "proposal", "andean water funds hub", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id, ==, id);
  g_assert_cmpstr (by_prefix, ==, id);
  g_assert_cmpstr (by_title, ==, id);

  g_assert_null (l4a_store_resolve_reference (store, "proposal", "no such proposal", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (l4a_store_resolve_reference (store, "proposal", "%", &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND);
}

static void
test_calls (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "calls.sqlite");
  g_autoptr(L4aCallEdit) fresh = l4a_call_edit_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scored = sql_text (store, "SELECT c.id FROM call c WHERE title LIKE '%2025'");
  g_autoptr(L4aCallEdit) call = NULL;
  L4aCriterionEdit *first;

  /* A new call starts from the six key features, with equal weights. */
  g_assert_cmpuint (fresh->criteria->len, ==, 6);
  for (guint i = 0; i < fresh->criteria->len; i++)
    {
      L4aCriterionEdit *c = g_ptr_array_index (fresh->criteria, i);
      g_assert_cmpfloat (c->weight, ==, 1.0);
      g_assert_true (c->active);
    }
  g_assert_cmpstr (((L4aCriterionEdit *) fresh->criteria->pdata[0])->key, ==, "locally-driven");

  fresh->title = g_strdup ("Call 2027");
  fresh->opens_on = g_strdup ("2027-03-01");
  fresh->closes_on = g_strdup ("2027-02-01");
  problems = l4a_call_edit_validate (fresh);
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "closes_on"), "cannot close before it opens"));
  g_assert_false (l4a_registry_save_call (store, fresh, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (fresh->closes_on);
  fresh->closes_on = g_strdup ("2027-05-31");

  /* The disagreement threshold is a spread of scores out of 5. */
  g_assert_cmpfloat (fresh->disagreement_threshold, ==, 1.5);
  fresh->disagreement_threshold = 0;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = l4a_call_edit_validate (fresh);
  g_assert_nonnull (l4a_field_errors_find (problems, "disagreement_threshold"));
  fresh->disagreement_threshold = NAN;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = l4a_call_edit_validate (fresh);
  g_assert_nonnull (l4a_field_errors_find (problems, "disagreement_threshold"));
  fresh->disagreement_threshold = 2.5;
  l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, "x");
  g_assert_false (l4a_registry_save_call (store, fresh, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_clear_error (&error);
  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  g_assert_true (l4a_registry_save_call (store, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM criterion WHERE call_id IN (SELECT id FROM call WHERE title = 'Call 2027')"), ==, 6);
  g_assert_cmpint (sql_int (store, "SELECT disagreement_threshold * 10 FROM call WHERE title = 'Call 2027'"), ==, 25);

  /* An unused criterion can go. */
  g_ptr_array_remove_index (fresh->criteria, 5);
  g_assert_true (l4a_registry_save_call (store, fresh, &error));
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM criterion WHERE call_id IN (SELECT id FROM call WHERE title = 'Call 2027')"), ==, 5);

  /* A criterion with review scores can be switched off, not removed. */
  call = l4a_registry_load_call (store, scored, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (call->criteria, 0);
  g_assert_true (first->in_use);
  first->active = FALSE;
  g_assert_true (l4a_registry_save_call (store, call, &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (call->criteria, 0);
  g_assert_false (l4a_registry_save_call (store, call, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "switch it off"));
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM criterion WHERE active = 0"), ==, 1);
}

/* What each level of a criterion means: kept per call, one line per level,
 * checked for its length and count, and read by the review form. */
static void
test_levels (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "levels.sqlite");
  g_autofree char *open_call = sql_text (store, "SELECT id FROM call WHERE status = 'open'");
  g_autoptr(L4aCallEdit) call = l4a_registry_load_call (store, open_call, NULL);
  g_autoptr(L4aCallEdit) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) split = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *before = NULL;
  g_autofree char *problem = NULL;
  L4aCriterionEdit *time;

  /* stored text, split per level: blanks where nothing is said */
  split = l4a_criterion_levels_split ("None\n Some \n", 1, 4);
  g_assert_cmpuint (g_strv_length (split), ==, 4);
  g_assert_cmpstr (split[0], ==, "None");
  g_assert_cmpstr (split[1], ==, "Some");
  g_assert_cmpstr (split[3], ==, "");
  g_clear_pointer (&split, g_strfreev);
  split = l4a_criterion_levels_split (NULL, 0, 2);
  joined = l4a_criterion_levels_join ((const char * const *) split);
  g_assert_cmpstr (joined, ==, "");
  g_clear_pointer (&joined, g_free);
  {
    const char *levels[] = { "a", "b\nc", "", NULL };

    /* a line break inside a level would shift the others */
    joined = l4a_criterion_levels_join (levels);
    g_assert_cmpstr (joined, ==, "a\nb c\n");
  }
  g_assert_null (l4a_criterion_levels_problem (joined, 0, 2));
  problem = l4a_criterion_levels_problem (joined, 0, 5);
  g_assert_nonnull (strstr (problem, "must give 6 lines"));
  g_clear_pointer (&problem, g_free);
  problem = l4a_criterion_levels_problem ("\xff\n\n", 0, 2);
  g_assert_nonnull (problem);

  /* the sample's call says what each level of each criterion means */
  g_assert_nonnull (call);
  time = g_ptr_array_index (call->criteria, 1);
  g_assert_cmpstr (time->key, ==, "time");
  g_assert_cmpuint (g_strv_length (time->levels), ==, 6);
  g_assert_cmpstr (time->levels[0], ==, "No deliverables or no time frame.");

  /* too long a level is refused naming the criterion; nothing changes */
  before = l4a_test_fingerprint (l4a_store_get_path (store));
  g_free (time->levels[2]);
  time->levels[2] = g_strnfill (L4A_LEVEL_GUIDANCE_MAX + 1, 'x');
  problems = l4a_call_edit_validate (call);
  g_assert_nonnull (strstr (l4a_field_errors_find (problems, "criteria.1"), "Criterion 2: what level 2 means is longer"));
  g_assert_false (l4a_registry_save_call (store, call, &error));
  g_assert_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = l4a_test_fingerprint (l4a_store_get_path (store));
    g_assert_cmpstr (before, ==, after);
  }

  /* edited, saved and read back */
  g_free (time->levels[2]);
  time->levels[2] = g_strdup ("Dates, but not agreed.");
  g_free (time->levels[5]);
  time->levels[5] = g_strdup ("");
  g_assert_true (l4a_registry_save_call (store, call, &error));
  g_assert_no_error (error);
  again = l4a_registry_load_call (store, open_call, &error);
  time = g_ptr_array_index (again->criteria, 1);
  g_assert_cmpstr (time->levels[2], ==, "Dates, but not agreed.");
  g_assert_cmpstr (time->levels[5], ==, "");

  /* a narrower scale keeps the levels it still has */
  time->scale_max = 3;
  g_strfreev (time->levels);
  time->levels = l4a_criterion_levels_split ("a\nb\nc\nd\ne\nf", time->scale_min, time->scale_max);
  g_assert_cmpuint (g_strv_length (time->levels), ==, 4);
  g_assert_true (l4a_registry_save_call (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (store, "SELECT length (levels) FROM criterion WHERE key = 'time' AND scale_max = 3"), ==, 7);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GHashTable *counts)
{
  g_hash_table_insert (counts, (gpointer) pspec->name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name)) + 1));
}

/* The proposal editor binds its rows to the edit's properties: each is
 * notified once per change and never when set to what it is; a copy
 * has the same texts and lists. */
static void
test_edit_object (void)
{
  g_autoptr(L4aProposalEdit) edit = l4a_proposal_edit_new ();
  g_autoptr(L4aProposalEdit) copy = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *format = NULL;

  g_signal_connect (edit, "notify", G_CALLBACK (count_notify_cb), counts);
  g_object_get (edit, "format", &format, NULL);
  g_assert_cmpstr (format, ==, "in-person");
  g_object_set (edit, "title", "Soria Rural Services Hub", "monitoring-plan", "Quarterly.", NULL);
  g_object_set (edit, "title", "Soria Rural Services Hub", NULL);
  g_object_set (edit, "sdgs", 1u << 11, "pact-axis", "planet", NULL);
  g_object_set (edit, "sdgs", 1u << 11, NULL);
  g_assert_cmpstr (edit->title, ==, "Soria Rural Services Hub");
  g_assert_cmpstr (edit->monitoring_plan, ==, "Quarterly.");
  g_assert_cmpstr (edit->pact_axis, ==, "planet");
  g_assert_cmpuint (edit->sdgs, ==, 1u << 11);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "title")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "sdgs")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "monitoring-plan")), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 4);

  l4a_proposal_edit_add_partner (edit, "Diputación de Soria", "co-lead");
  copy = l4a_proposal_edit_copy (edit);
  g_assert_cmpstr (copy->title, ==, edit->title);
  g_assert_cmpuint (copy->sdgs, ==, edit->sdgs);
  g_assert_cmpuint (copy->partners->len, ==, 1);
  g_object_set (copy, "title", "Another title", NULL);
  g_assert_cmpstr (edit->title, ==, "Soria Rural Services Hub");
}

static void
count_call_notify (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

/* A call as its editor holds it: an object whose fields are properties,
 * each notified when it changes and not when set to what it is. */
static void
test_call_edit_object (void)
{
  g_autoptr(L4aCallEdit) edit = l4a_call_edit_new ();
  double threshold = 0;
  guint changes = 0;

  g_assert_cmpstr (edit->status, ==, "draft");
  g_assert_cmpuint (edit->criteria->len, ==, 6);
  g_signal_connect (edit, "notify", G_CALLBACK (count_call_notify), &changes);
  g_object_set (edit, "title", "Call 2030", "opens-on", "2030-01-01", "closes-on", "2030-03-31", NULL);
  g_assert_cmpuint (changes, ==, 3);
  g_object_set (edit, "title", "Call 2030", "status", "draft", NULL);
  g_assert_cmpuint (changes, ==, 3);
  g_object_set (edit, "disagreement-threshold", 2.0, "calibration-minimum", 4u, "confidence-weighting", TRUE, NULL);
  g_assert_cmpuint (changes, ==, 6);
  g_object_get (edit, "disagreement-threshold", &threshold, NULL);
  g_assert_cmpfloat (threshold, ==, 2.0);
  g_assert_cmpuint (edit->calibration_minimum, ==, 4);
  g_assert_true (edit->confidence_weighting);
  g_assert_cmpstr (edit->opens_on, ==, "2030-01-01");
}

/* Every combination of a query's conditions lists, in order, the
 * proposals the plain statement with each condition written "?N IS NULL
 * OR …" finds, run by SQLite alone: the list asks only the conditions set. */
static void
test_query_conditions (void)
{
  g_autoptr(L4aStore) store = l4a_test_open_with_sample (tmpdir, "conditions.sqlite");
  const char *path = l4a_store_get_path (store);
  g_autofree char *call = l4a_test_sql_text (path, "SELECT call_id FROM proposal GROUP BY call_id "
                                                   "ORDER BY count (*) DESC LIMIT 1");
  g_autofree char *government = l4a_test_sql_text (path, "SELECT government_id FROM proposal LIMIT 1");
  g_autofree char *region = l4a_test_sql_text (path, "SELECT g.region FROM proposal r JOIN government g "
                                                     "ON g.id = r.government_id LIMIT 1");
  g_autofree char *word = l4a_test_sql_text (path, "SELECT lower (substr (title, 1, instr (title || ' ', ' ') - 1)) "
                                                   "FROM proposal LIMIT 1");
  g_autofree char *goal = l4a_test_sql_text (path, "SELECT goal FROM proposal_sdg GROUP BY goal "
                                                   "ORDER BY count (*) DESC LIMIT 1");
  g_autofree char *state = l4a_test_sql_text (path, "SELECT state FROM proposal GROUP BY state "
                                                    "ORDER BY count (*) DESC LIMIT 1");
  guint non_empty = 0;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint mask = 0; mask < 64; mask++)
    {
      L4aQuery query = {
        mask & 1 ? word : NULL, mask & 2 ? region : NULL, mask & 4 ? state : NULL,
        mask & 8 ? call : NULL, mask & 16 ? government : NULL, mask & 32 ? (guint) atoi (goal) : 0,
      };
      g_autofree char *fts = l4a_fts_query_from_text (query.search);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = l4a_registry_list_proposals (store, &query, &error);
      g_autoptr(GArray) nums = l4a_registry_proposal_nums (store, &query, 0, &error);
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      sqlite3_stmt *stmt;

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_prepare_v2 (db,
        "SELECT r.num FROM proposal r JOIN call c ON c.id = r.call_id "
        "WHERE (?1 IS NULL OR r.num IN (SELECT rowid FROM proposal_fts WHERE proposal_fts MATCH ?1)) "
        "AND (?2 IS NULL OR r.government_id IN (SELECT id FROM government WHERE region = ?2)) "
        "AND (?3 IS NULL OR r.state = ?3) "
        "AND (?4 = 0 OR EXISTS (SELECT 1 FROM proposal_sdg s WHERE s.proposal_id = r.id AND s.goal = ?4)) "
        "AND (?5 IS NULL OR r.call_id = ?5) AND (?6 IS NULL OR r.government_id = ?6) "
        "ORDER BY c.opens_on DESC, r.title COLLATE NOCASE, r.id", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, query.region, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, query.status, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) query.sdg);
      sqlite3_bind_text (stmt, 5, query.call, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, query.government, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint num = (guint) sqlite3_column_int64 (stmt, 0);

          g_array_append_val (expected, num);
        }
      sqlite3_finalize (stmt);

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
      g_assert_cmpuint (nums->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(L4aProposal) proposal = g_list_model_get_item (list, i);

          g_assert_cmpuint (l4a_proposal_get_num (proposal), ==, g_array_index (expected, guint, i));
          g_assert_cmpuint (g_array_index (nums, guint, i), ==, g_array_index (expected, guint, i));
        }
      non_empty += expected->len > 0;
    }
  sqlite3_close (db);
  /* the conditions found something, one by one and together */
  g_assert_cmpuint (non_empty, >=, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/proposals/call-edit-object", test_call_edit_object);
  g_test_add_func ("/core/proposals/features", test_features);
  g_test_add_func ("/core/proposals/edit-object", test_edit_object);
  g_test_add_func ("/core/proposals/indicator-codes", test_indicator_codes);
  g_test_add_func ("/core/proposals/validate", test_validate);
  g_test_add_func ("/core/proposals/drafts-survive", test_drafts);
  g_test_add_func ("/core/proposals/attachments", test_attachments);
  g_test_add_func ("/core/workflow/submit-withdraw-revise", test_workflow);
  g_test_add_func ("/core/proposals/references", test_references);
  g_test_add_func ("/core/calls/criteria", test_calls);
  g_test_add_func ("/core/calls/levels", test_levels);
  g_test_add_func ("/core/proposals/query-conditions", test_query_conditions);

  return l4a_test_run_in_tmpdir (&tmpdir, "l4a-proposals-XXXXXX");
}
