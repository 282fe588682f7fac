/* l4a-proposal-edit.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposal-edit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "l4a-hub-edit.h"
#include "l4a-labels.h"
#include "l4a-monitoring.h"
#include "l4a-proposal-edit.h"
#include "l4a-ticks.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-store-private.h"

/* A local government's proposal: its draft (saved as typed, so nothing is
 * lost), the eligibility check against the six key features (one function
 * for the editor, the command line and imports), and the workflow
 * transitions that the role and the state allow. */

#define MIN_COMMUNICATION 80
#define MIN_BRAND 30

/* Editable texts with their columns and properties, in one table for
 * loading, saving, comparing and binding. */
static const L4aTextField text_fields[] = {
  { "title", "title", G_STRUCT_OFFSET (L4aProposalEdit, title) },
  { "summary", "summary", G_STRUCT_OFFSET (L4aProposalEdit, summary) },
  { "topic", "topic", G_STRUCT_OFFSET (L4aProposalEdit, topic) },
  { "pact_axis", "pact-axis", G_STRUCT_OFFSET (L4aProposalEdit, pact_axis) },
  { "format", "format", G_STRUCT_OFFSET (L4aProposalEdit, format) },
  { "start_on", "start", G_STRUCT_OFFSET (L4aProposalEdit, start) },
  { "end_on", "end", G_STRUCT_OFFSET (L4aProposalEdit, end) },
  { "communication", "communication", G_STRUCT_OFFSET (L4aProposalEdit, communication) },
  { "brand_commitment", "brand-commitment", G_STRUCT_OFFSET (L4aProposalEdit, brand_commitment) },
  { "monitoring_plan", "monitoring-plan", G_STRUCT_OFFSET (L4aProposalEdit, monitoring_plan) },
  { "language", "language", G_STRUCT_OFFSET (L4aProposalEdit, language) },
};

#define FIELD(edit, i) L4A_TEXT_FIELD (edit, text_fields, i)

static const L4aTextField partner_texts[] = {
  { "id", "id", G_STRUCT_OFFSET (L4aPartnerEdit, id) },
  { "name", "name", G_STRUCT_OFFSET (L4aPartnerEdit, name) },
  { "role", "role", G_STRUCT_OFFSET (L4aPartnerEdit, role) },
};

static const L4aTextField deliverable_texts[] = {
  { "id", "id", G_STRUCT_OFFSET (L4aDeliverableEdit, id) },
  { "title", "title", G_STRUCT_OFFSET (L4aDeliverableEdit, title) },
  { "description", "description", G_STRUCT_OFFSET (L4aDeliverableEdit, description) },
  { "due_on", "due", G_STRUCT_OFFSET (L4aDeliverableEdit, due) },
};

static const L4aTextField planned_texts[] = {
  { "id", "id", G_STRUCT_OFFSET (L4aPlannedIndicator, id) },
  { "code", "code", G_STRUCT_OFFSET (L4aPlannedIndicator, code) },
  { "name", "name", G_STRUCT_OFFSET (L4aPlannedIndicator, name) },
  { "unit", "unit", G_STRUCT_OFFSET (L4aPlannedIndicator, unit) },
  { "direction", "direction", G_STRUCT_OFFSET (L4aPlannedIndicator, direction) },
  { "baseline_value", "baseline", G_STRUCT_OFFSET (L4aPlannedIndicator, baseline) },
  { "target_value", "target", G_STRUCT_OFFSET (L4aPlannedIndicator, target) },
};

L4A_DEFINE_TEXT_RECORD (L4aPartnerEdit, l4a_partner_edit, partner_texts)
L4A_DEFINE_TEXT_RECORD (L4aDeliverableEdit, l4a_deliverable_edit, deliverable_texts)
L4A_DEFINE_TEXT_RECORD (L4aPlannedIndicator, l4a_planned_indicator, planned_texts)

/**
 * l4a_attachment_ref_free:
 *
 * Frees a file listed by a proposal or an activity.
 */
void
l4a_attachment_ref_free (gpointer data)
{
  L4aAttachmentRef *a = data;

  if (a == NULL)
    return;
  g_free (a->sha256);
  g_free (a->name);
  g_free (a->media_type);
  g_free (a);
}

/* Properties 1 to G_N_ELEMENTS (text_fields) are the texts. */
enum {
  PROP_SDGS = G_N_ELEMENTS (text_fields) + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (L4aProposalEdit, l4a_proposal_edit, G_TYPE_OBJECT)

static void
l4a_proposal_edit_finalize (GObject *object)
{
  L4aProposalEdit *edit = L4A_PROPOSAL_EDIT (object);

  g_free (edit->id);
  g_free (edit->call_id);
  g_free (edit->government_id);
  g_free (edit->state);
  l4a_text_fields_clear (edit, text_fields, G_N_ELEMENTS (text_fields));
  g_ptr_array_unref (edit->partners);
  g_ptr_array_unref (edit->deliverables);
  g_ptr_array_unref (edit->indicators);
  g_ptr_array_unref (edit->attachments);

  G_OBJECT_CLASS (l4a_proposal_edit_parent_class)->finalize (object);
}

static void
l4a_proposal_edit_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  L4aProposalEdit *edit = L4A_PROPOSAL_EDIT (object);

  if (l4a_text_fields_get (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value))
    return;
  if (prop_id == PROP_SDGS)
    g_value_set_uint (value, edit->sdgs);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_proposal_edit_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  L4aProposalEdit *edit = L4A_PROPOSAL_EDIT (object);

  if (l4a_text_fields_set (object, text_fields, G_N_ELEMENTS (text_fields), prop_id, value, pspec))
    return;
  if (prop_id == PROP_SDGS)
    {
      if (edit->sdgs == g_value_get_uint (value))
        return;
      edit->sdgs = g_value_get_uint (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_proposal_edit_class_init (L4aProposalEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_proposal_edit_finalize;
  object_class->get_property = l4a_proposal_edit_get_property;
  object_class->set_property = l4a_proposal_edit_set_property;

  l4a_text_fields_install (properties, text_fields, G_N_ELEMENTS (text_fields));
  properties[PROP_SDGS] = g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_proposal_edit_init (L4aProposalEdit *edit)
{
  edit->partners = g_ptr_array_new_with_free_func (g_object_unref);
  edit->deliverables = g_ptr_array_new_with_free_func (g_object_unref);
  edit->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  edit->attachments = g_ptr_array_new_with_free_func (l4a_attachment_ref_free);
}

L4aProposalEdit *
l4a_proposal_edit_new (void)
{
  L4aProposalEdit *edit = g_object_new (L4A_TYPE_PROPOSAL_EDIT, NULL);

  edit->format = g_strdup ("in-person");
  edit->state = g_strdup ("draft");
  edit->version = 1;
  return edit;
}

void
l4a_proposal_edit_free (L4aProposalEdit *edit)
{
  g_clear_object (&edit);
}

L4aPartnerEdit *
l4a_proposal_edit_add_partner (L4aProposalEdit *edit,
                               const char      *name,
                               const char      *role)
{
  L4aPartnerEdit *p = g_object_new (L4A_TYPE_PARTNER_EDIT, NULL);

  p->name = g_strdup (name);
  p->role = g_strdup (role);
  g_ptr_array_add (edit->partners, p);
  return p;
}

L4aDeliverableEdit *
l4a_proposal_edit_add_deliverable (L4aProposalEdit *edit,
                                   const char      *title,
                                   const char      *due)
{
  L4aDeliverableEdit *d = g_object_new (L4A_TYPE_DELIVERABLE_EDIT, NULL);

  d->title = g_strdup (title);
  d->due = g_strdup (due);
  g_ptr_array_add (edit->deliverables, d);
  return d;
}

L4aPlannedIndicator *
l4a_proposal_edit_add_indicator (L4aProposalEdit *edit,
                                 const char      *code,
                                 const char      *name,
                                 const char      *baseline,
                                 const char      *target)
{
  L4aPlannedIndicator *i = g_object_new (L4A_TYPE_PLANNED_INDICATOR, NULL);

  i->code = g_strdup (code);
  i->name = g_strdup (name);
  i->direction = g_strdup ("higher");
  i->baseline = g_strdup (baseline);
  i->target = g_strdup (target);
  g_ptr_array_add (edit->indicators, i);
  return i;
}

L4aProposalEdit *
l4a_proposal_edit_copy (const L4aProposalEdit *edit)
{
  L4aProposalEdit *copy = l4a_proposal_edit_new ();

  g_free (copy->state);
  copy->id = g_strdup (edit->id);
  copy->revision = edit->revision;
  copy->call_id = g_strdup (edit->call_id);
  copy->government_id = g_strdup (edit->government_id);
  copy->sdgs = edit->sdgs;
  copy->state = g_strdup (edit->state);
  copy->version = edit->version;
  l4a_text_fields_copy (copy, edit, text_fields, G_N_ELEMENTS (text_fields));
  for (guint i = 0; i < edit->partners->len; i++)
    {
      L4aPartnerEdit *p = g_ptr_array_index (edit->partners, i);
      l4a_proposal_edit_add_partner (copy, p->name, p->role)->id = g_strdup (p->id);
    }
  for (guint i = 0; i < edit->deliverables->len; i++)
    {
      L4aDeliverableEdit *d = g_ptr_array_index (edit->deliverables, i);
      L4aDeliverableEdit *c = l4a_proposal_edit_add_deliverable (copy, d->title, d->due);
      c->id = g_strdup (d->id);
      c->description = g_strdup (d->description);
    }
  for (guint i = 0; i < edit->indicators->len; i++)
    {
      L4aPlannedIndicator *d = g_ptr_array_index (edit->indicators, i);
      L4aPlannedIndicator *c = l4a_proposal_edit_add_indicator (copy, d->code, d->name, d->baseline, d->target);
      c->id = g_strdup (d->id);
      c->unit = g_strdup (d->unit);
      g_free (c->direction);
      c->direction = g_strdup (d->direction);
    }
  for (guint i = 0; i < edit->attachments->len; i++)
    {
      L4aAttachmentRef *a = g_ptr_array_index (edit->attachments, i);
      L4aAttachmentRef *c = g_new0 (L4aAttachmentRef, 1);
      c->sha256 = g_strdup (a->sha256);
      c->name = g_strdup (a->name);
      c->media_type = g_strdup (a->media_type);
      c->size = a->size;
      g_ptr_array_add (copy->attachments, c);
    }
  return copy;
}

/* Rules ---------------------------------------------------------------------- */

/**
 * l4a_indicator_code_check:
 * @problem: (out) (optional): why the code is not one
 *
 * An SDG indicator code is Goal.Target.Indicator with the goal from 1 to
 * 17, such as 11.6.2 or 11.a.1; any other code is a local one: 2 to 24
 * letters, digits, dots, dashes or underscores, starting with a letter.
 */
gboolean
l4a_indicator_code_check (const char  *code,
                          char       **problem)
{
  g_auto(GStrv) parts = NULL;
  guint64 goal;

  if (problem)
    *problem = NULL;

  if (l4a_text_is_blank (code))
    {
      if (problem)
        *problem = g_strdup (_("An indicator needs a code, such as 11.6.2 or a local code."));
      return FALSE;
    }

  if (g_ascii_isdigit (code[0]))
    {
      parts = g_strsplit (code, ".", -1);
      if (g_strv_length (parts) != 3 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 1, L4A_N_SDGS, &goal, NULL) ||
          !(g_ascii_string_to_unsigned (parts[1], 10, 1, 99, NULL, NULL) ||
            (strlen (parts[1]) == 1 && g_ascii_islower (parts[1][0]))) ||
          !g_ascii_string_to_unsigned (parts[2], 10, 1, 99, NULL, NULL))
        {
          if (problem)
            /* translators: %s is what was typed as an indicator code */
            *problem = g_strdup_printf (_("“%s” is not an SDG indicator code: write Goal.Target.Indicator, with the goal from 1 to 17, such as 11.6.2 or 11.a.1."), code);
          return FALSE;
        }
      return TRUE;
    }

  {
    gsize len = strlen (code);
    gboolean ok = g_ascii_isalpha (code[0]) && len >= 2 && len <= 24;

    for (const char *p = code; ok && *p; p++)
      ok = g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_';
    if (!ok && problem)
      *problem = g_strdup_printf (_("“%s” is not a local indicator code: use 2 to 24 letters, digits, dots or dashes, starting with a letter."), code);
    return ok;
  }
}

/* a number as typed, in the user's locale or not (l4a_number_parse()) */
static gboolean
parse_number (const char *text,
              double     *value)
{
  return !l4a_text_is_blank (text) && l4a_number_parse (text, value);
}

/* An optional number: empty, or a number. */
static gboolean
number_ok (const char *text)
{
  double value;

  return l4a_text_is_blank (text) || parse_number (text, &value);
}

/**
 * l4a_proposal_edit_validate:
 *
 * The field-level rules (dates in order, a time frame of 12 to 36 months,
 * deliverables within it, well-formed indicator codes and numbers), shown
 * at their fields as the user types.
 *
 * Returns: (transfer full) (element-type L4aFieldError): the problems
 */
GPtrArray *
l4a_proposal_edit_validate (L4aStore              *store,
                            const L4aProposalEdit *edit)
{
  GPtrArray *errors = l4a_field_errors_new ();
  GDate start, end, due;
  gboolean have_start, have_end;

  if (l4a_text_is_blank (edit->title))
    l4a_field_errors_add (errors, "title", "%s", _("A proposal needs a title."));
  if (!l4a_text_is_blank (edit->language) &&
      !g_strv_contains ((const char *[]) { "en", "fr", "es", NULL }, edit->language))
    l4a_field_errors_add (errors, "language", "%s", _("A proposal is written in English, French or Spanish."));

  have_start = l4a_parse_date (edit->start, &start);
  have_end = l4a_parse_date (edit->end, &end);
  if (!l4a_text_is_blank (edit->start) && !have_start)
    l4a_field_errors_add (errors, "start_on", "%s", _("The start is not a date; write it as YYYY-MM-DD."));
  if (!l4a_text_is_blank (edit->end) && !have_end)
    l4a_field_errors_add (errors, "end_on", "%s", _("The end is not a date; write it as YYYY-MM-DD."));
  if (have_start && have_end)
    {
      g_autofree char *problem = l4a_time_frame_problem (edit->start, edit->end);
      if (problem)
        l4a_field_errors_add (errors, "end_on", "%s", problem);
    }

  for (guint i = 0; i < edit->deliverables->len; i++)
    {
      L4aDeliverableEdit *d = g_ptr_array_index (edit->deliverables, i);
      const char *name = l4a_text_is_blank (d->title) ? _("a deliverable") : d->title;
      g_autofree char *field = g_strdup_printf ("deliverables.%u", i);

      if (l4a_text_is_blank (d->title))
        l4a_field_errors_add (errors, field, _("Deliverable %u needs a title."), i + 1);
      if (!l4a_parse_date (d->due, &due))
        /* translators: %s is a deliverable's title */
        l4a_field_errors_add (errors, field, _("“%s” needs a due date as YYYY-MM-DD."), name);
      else if (have_end && g_date_compare (&due, &end) > 0)
        {
          g_autofree char *when = l4a_format_date (edit->end);
          /* translators: a deliverable's title, then the proposal's last day */
          l4a_field_errors_add (errors, field, _("“%s” is due after the end of the hub (%s)."), name, when);
        }
      else if (have_start && g_date_compare (&due, &start) < 0)
        l4a_field_errors_add (errors, field, _("“%s” is due before the hub starts."), name);
    }

  for (guint i = 0; i < edit->indicators->len; i++)
    {
      L4aPlannedIndicator *ind = g_ptr_array_index (edit->indicators, i);
      g_autofree char *field = g_strdup_printf ("indicators.%u", i);
      g_autofree char *problem = NULL;

      if (!l4a_indicator_code_check (ind->code, &problem))
        l4a_field_errors_add (errors, field, "%s", problem);
      if (l4a_text_is_blank (ind->name))
        l4a_field_errors_add (errors, field, _("Indicator %u needs a name."), i + 1);
      if (!number_ok (ind->baseline))
        l4a_field_errors_add (errors, field, _("The baseline of indicator %u is not a number."), i + 1);
      if (!number_ok (ind->target))
        l4a_field_errors_add (errors, field, _("The target of indicator %u is not a number."), i + 1);
    }

  for (guint i = 0; i < edit->partners->len; i++)
    {
      L4aPartnerEdit *p = g_ptr_array_index (edit->partners, i);
      g_autofree char *field = g_strdup_printf ("partners.%u", i);

      if (l4a_text_is_blank (p->name))
        l4a_field_errors_add (errors, field, _("Partner %u needs a name."), i + 1);
    }

  if (edit->sdgs & ~(((1u << (L4A_N_SDGS + 1)) - 1) & ~1u))
    l4a_field_errors_add (errors, "sdgs", "%s", _("SDG goals run from 1 to 17."));

  return errors;
}

static L4aFeatureCheck *
feature (GPtrArray  *checks,
         const char *key,
         const char *label)
{
  L4aFeatureCheck *check = g_new0 (L4aFeatureCheck, 1);

  check->key = key;
  check->label = label;
  g_ptr_array_add (checks, check);
  return check;
}

static void
feature_check_free (gpointer data)
{
  L4aFeatureCheck *check = data;

  g_free (check->reason);
  g_free (check);
}

static char *
government_name (L4aStore   *store,
                 const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT name FROM government WHERE id = ?1", NULL);

  if (stmt == NULL || id == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? l4a_store_column_dup (stmt, 0) : NULL;
}

/**
 * l4a_proposal_check_features:
 *
 * Checks the six key features of a hub on a proposal, each with its reason
 * in plain words, passing or failing ("The time frame is 40 months; a hub
 * runs 12 to 36 months."). A proposal can be submitted only when all pass.
 *
 * Returns: (transfer full) (element-type L4aFeatureCheck): six checks, in
 *   the order of the concept note
 */
GPtrArray *
l4a_proposal_check_features (L4aStore              *store,
                             const L4aProposalEdit *edit)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func (feature_check_free);
  g_autofree char *lead = government_name (store, edit->government_id);
  L4aFeatureCheck *check;
  GDate start, end, due;
  guint dated = 0;
  guint good_indicators = 0;
  gsize length;

  /* 1. Locally driven */
  check = feature (checks, "locally-driven", _("Locally driven"));
  check->passed = lead != NULL;
  check->reason = lead ? g_strdup_printf (_("Led by %s."), lead)
                       : g_strdup (_("Choose the local or regional government, or association, that leads the hub."));

  /* 2. Time: deliverables agreed beforehand, within one to three years. */
  check = feature (checks, "time", _("Time"));
  if (!l4a_parse_date (edit->start, &start) || !l4a_parse_date (edit->end, &end))
    check->reason = g_strdup (_("Give the start and the end of the hub."));
  else if ((check->reason = l4a_time_frame_problem (edit->start, edit->end)) == NULL)
    {
      for (guint i = 0; i < edit->deliverables->len; i++)
        {
          L4aDeliverableEdit *d = g_ptr_array_index (edit->deliverables, i);

          if (!l4a_text_is_blank (d->title) && l4a_parse_date (d->due, &due) &&
              g_date_compare (&due, &start) >= 0 && g_date_compare (&due, &end) <= 0)
            dated++;
          else if (check->reason == NULL)
            check->reason = l4a_text_is_blank (d->title)
                              ? g_strdup_printf (_("Deliverable %u needs a title and a due date within the time frame."), i + 1)
                              : g_strdup_printf (_("“%s” needs a due date within the time frame."), d->title);
        }

      if (check->reason == NULL && dated == 0)
        check->reason = g_strdup (_("Agree at least one deliverable with a due date within the time frame."));
      if (check->reason == NULL)
        {
          int months = 0;

          l4a_time_frame_months (edit->start, edit->end, NULL, &months);
          check->passed = TRUE;
          /* translators: a time frame in months, then a number of deliverables */
          check->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "The time frame is %d months, with %u deliverable due within it.",
                                                        "The time frame is %d months, with %u deliverables due within it.",
                                                        dated),
                                           months, dated);
        }
    }

  /* 3. Communication */
  check = feature (checks, "communication", _("Communication"));
  {
    g_autofree char *text = g_strstrip (g_strdup (edit->communication ? edit->communication : ""));
    length = g_utf8_strlen (text, -1);
  }
  check->passed = length >= MIN_COMMUNICATION;
  check->reason = check->passed
                    ? g_strdup (_("A communication strategy is described."))
                    : g_strdup_printf (_("Describe how the hub and its activities will be disseminated: at least %d characters, now %d."),
                                       MIN_COMMUNICATION, (int) length);

  /* 4. UCLG brand */
  check = feature (checks, "brand", _("UCLG brand"));
  {
    g_autofree char *text = g_strstrip (g_strdup (edit->brand_commitment ? edit->brand_commitment : ""));
    length = g_utf8_strlen (text, -1);
  }
  check->passed = length >= MIN_BRAND;
  check->reason = check->passed
                    ? g_strdup (_("The commitment to the common visual materials is stated."))
                    : g_strdup_printf (_("State how the hub will respect the UCLG brand and its visual materials: at least %d characters, now %d."),
                                       MIN_BRAND, (int) length);

  /* 5. Actionable and scalable results */
  check = feature (checks, "results", _("Actionable and scalable results"));
  for (guint i = 0; i < edit->indicators->len; i++)
    {
      L4aPlannedIndicator *ind = g_ptr_array_index (edit->indicators, i);
      double target;

      if (l4a_indicator_code_check (ind->code, NULL) && !l4a_text_is_blank (ind->name) &&
          parse_number (ind->target, &target) && number_ok (ind->baseline))
        good_indicators++;
    }
  check->passed = dated > 0 && good_indicators > 0;
  if (check->passed)
    check->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u indicator with a target lets partners monitor the results.",
                                                  "%u indicators with targets let partners monitor the results.",
                                                  good_indicators), good_indicators);
  else if (good_indicators == 0)
    check->reason = g_strdup (_("Plan at least one indicator with a valid code, a name and a target, so partners can monitor the results."));
  else
    check->reason = g_strdup (_("The indicators need deliverables to measure: agree at least one deliverable in the time frame."));

  /* 6. Topic */
  check = feature (checks, "topic", _("Topic"));
  check->passed = !l4a_text_is_blank (edit->topic) && (edit->sdgs & ~1u) != 0;
  if (check->passed)
    {
      g_autofree char *goals = l4a_sdgs_to_string (edit->sdgs);
      /* translators: %s is a list of SDG goal numbers */
      check->reason = g_strdup_printf (_("The topic serves the 2030 Agenda: SDG %s."), goals);
    }
  else if (l4a_text_is_blank (edit->topic))
    check->reason = g_strdup (_("Name the topic of the hub."));
  else
    check->reason = g_strdup (_("Choose the Sustainable Development Goals the topic serves."));

  return checks;
}

gboolean
l4a_feature_checks_all_pass (GPtrArray *checks)
{
  for (guint i = 0; checks && i < checks->len; i++)
    if (!((L4aFeatureCheck *) g_ptr_array_index (checks, i))->passed)
      return FALSE;
  return checks != NULL && checks->len == L4A_N_FEATURES;
}

/* Loading and saving ---------------------------------------------------------- */

/* a number for a person to read and change, in their locale ("12,5" in
 * French), which saving reads back */
static char *
format_double (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return l4a_number_to_edit (sqlite3_column_double (stmt, column));
}

/**
 * l4a_registry_load_proposal:
 *
 * Returns: (transfer full): every field of the proposal @id, or %NULL with
 *   @error set
 */
L4aProposalEdit *
l4a_registry_load_proposal (L4aStore    *store,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(L4aProposalEdit) edit = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT call_id, government_id, state, version, revision, "
                                         "(SELECT coalesce (sum (1 << goal), 0) FROM proposal_sdg s WHERE s.proposal_id = p.id)");

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_string_append_printf (sql, ", %s", text_fields[i].column);
  g_string_append (sql, " FROM proposal p WHERE id = ?1");

  stmt = l4a_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no proposal with the id “%s”."), id);
      return NULL;
    }

  edit = l4a_proposal_edit_new ();
  g_clear_pointer (&edit->format, g_free);
  g_clear_pointer (&edit->state, g_free);
  edit->id = g_strdup (id);
  edit->call_id = l4a_store_column_dup (stmt, 0);
  edit->government_id = l4a_store_column_dup (stmt, 1);
  edit->state = l4a_store_column_dup (stmt, 2);
  edit->version = sqlite3_column_int (stmt, 3);
  edit->revision = sqlite3_column_int (stmt, 4);
  edit->sdgs = (guint) sqlite3_column_int64 (stmt, 5);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    FIELD (edit, i) = l4a_store_column_dup (stmt, 6 + (int) i);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT id, name, role FROM partner WHERE proposal_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    l4a_proposal_edit_add_partner (edit, (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2))->id = l4a_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT id, title, due_on, description FROM deliverable WHERE proposal_id = ?1 "
                                   "ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      L4aDeliverableEdit *d = l4a_proposal_edit_add_deliverable (edit, (const char *) sqlite3_column_text (stmt, 1),
                                                                 (const char *) sqlite3_column_text (stmt, 2));
      d->id = l4a_store_column_dup (stmt, 0);
      d->description = l4a_store_column_dup (stmt, 3);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT id, code, name, unit, direction, baseline_value, target_value "
                                   "FROM indicator WHERE proposal_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *baseline = format_double (stmt, 5);
      g_autofree char *target = format_double (stmt, 6);
      L4aPlannedIndicator *ind = l4a_proposal_edit_add_indicator (edit, (const char *) sqlite3_column_text (stmt, 1),
                                                               (const char *) sqlite3_column_text (stmt, 2),
                                                               baseline, target);
      ind->id = l4a_store_column_dup (stmt, 0);
      ind->unit = l4a_store_column_dup (stmt, 3);
      g_free (ind->direction);
      ind->direction = l4a_store_column_dup (stmt, 4);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "SELECT a.sha256, pa.name, a.media_type, a.size FROM proposal_attachment pa "
                                   "JOIN attachment a ON a.sha256 = pa.sha256 WHERE pa.proposal_id = ?1 "
                                   "ORDER BY pa.created_at, pa.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      L4aAttachmentRef *a = g_new0 (L4aAttachmentRef, 1);

      a->sha256 = l4a_store_column_dup (stmt, 0);
      a->name = l4a_store_column_dup (stmt, 1);
      a->media_type = l4a_store_column_dup (stmt, 2);
      a->size = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (edit->attachments, a);
    }

  return g_steal_pointer (&edit);
}

/* A local government changes only its own proposals. */
static gboolean
check_author (L4aStore    *store,
              const char  *government_id,
              GError     **error)
{
  if (l4a_store_get_role (store) != L4A_ROLE_GOVERNMENT)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: %s is a role */
                   _("Only the local government that leads a proposal can change it; this workstation acts as “%s”."),
                   l4a_role_get_label (l4a_store_get_role (store)));
      return FALSE;
    }

  if (g_strcmp0 (l4a_store_get_identity (store), government_id) != 0)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("This proposal belongs to another government; a workstation changes only its own government’s proposals."));
      return FALSE;
    }

  return TRUE;
}

static void
bind_optional_number (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  double value;

  if (parse_number (text, &value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
run_with_id (L4aStore    *store,
             const char  *sql,
             const char  *id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return l4a_store_step_done (store, stmt, NULL, error);
}

static gboolean
write_children (L4aStore         *store,
                L4aProposalEdit  *edit,
                const char       *now,
                GError          **error)
{
  const char *origin = l4a_store_get_installation_id (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!run_with_id (store, "DELETE FROM partner WHERE proposal_id = ?1", edit->id, error) ||
      !run_with_id (store, "DELETE FROM deliverable WHERE proposal_id = ?1", edit->id, error) ||
      !run_with_id (store, "DELETE FROM indicator WHERE proposal_id = ?1", edit->id, error) ||
      !run_with_id (store, "DELETE FROM proposal_sdg WHERE proposal_id = ?1", edit->id, error))
    return FALSE;

  stmt = l4a_store_prepare (store, "INSERT INTO partner (id, proposal_id, name, role, position, created_at, "
                                   "updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->partners->len; i++)
    {
      L4aPartnerEdit *p = g_ptr_array_index (edit->partners, i);

      if (l4a_text_is_blank (p->name))
        continue;  /* an empty row is being typed; nothing to keep yet */
      if (p->id == NULL)
        p->id = g_uuid_string_random ();
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, p->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, p->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, p->role ? p->role : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, (int) i);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, origin, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, p->name, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Deliverables need a title and a date in the schema; a draft keeps what
   * it can and the editor keeps the rest on screen until it is complete. */
  stmt = l4a_store_prepare (store, "INSERT INTO deliverable (id, proposal_id, title, description, due_on, position, "
                                   "created_at, updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->deliverables->len; i++)
    {
      L4aDeliverableEdit *d = g_ptr_array_index (edit->deliverables, i);

      if (l4a_text_is_blank (d->title))
        continue;
      if (d->id == NULL)
        d->id = g_uuid_string_random ();
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, d->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, d->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, d->description ? d->description : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, d->due ? d->due : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, (int) i);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, origin, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, d->title, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "INSERT INTO indicator (id, proposal_id, code, framework, name, unit, direction, "
                                   "baseline_value, target_value, position, created_at, updated_at, origin) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->indicators->len; i++)
    {
      L4aPlannedIndicator *ind = g_ptr_array_index (edit->indicators, i);

      if (l4a_text_is_blank (ind->code) || l4a_text_is_blank (ind->name))
        continue;
      if (ind->id == NULL)
        ind->id = g_uuid_string_random ();
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, ind->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, ind->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, g_ascii_isdigit (ind->code[0]) ? "2025" : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, ind->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, ind->unit ? ind->unit : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, g_strcmp0 (ind->direction, "lower") == 0 ? "lower" : "higher", -1, SQLITE_STATIC);
      bind_optional_number (stmt, 8, ind->baseline);
      bind_optional_number (stmt, 9, ind->target);
      sqlite3_bind_int (stmt, 10, (int) i);
      sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, origin, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, ind->name, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "INSERT INTO proposal_sdg (proposal_id, goal) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      if (!(edit->sdgs & (1u << goal)))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) goal);
      if (!l4a_store_step_done (store, stmt, NULL, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Attachments: the links follow the list; the content stays stored once. */
  if (!run_with_id (store, "DELETE FROM proposal_attachment WHERE proposal_id = ?1", edit->id, error))
    return FALSE;
  stmt = l4a_store_prepare (store, "INSERT INTO proposal_attachment (id, proposal_id, sha256, name, created_at, "
                                   "updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->attachments->len; i++)
    {
      L4aAttachmentRef *a = g_ptr_array_index (edit->attachments, i);
      g_autofree char *link = g_uuid_string_random ();

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, link, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, edit->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, a->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, a->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, origin, -1, SQLITE_STATIC);
      if (!l4a_store_step_done (store, stmt, a->name, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * l4a_registry_save_draft:
 * @edit: the draft; a new one gets its id, both their new revision
 *
 * Saves a draft as it is, whatever its state of completion, so that
 * nothing typed is lost: the author's government only, drafts only.
 */
static gboolean
registry_save_draft_checked (L4aStore         *store,
                             L4aProposalEdit  *edit,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();
  g_autofree char *new_id = NULL;
  g_autoptr(GString) sql = NULL;
  const char *record;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (edit->government_id == NULL && l4a_store_get_role (store) == L4A_ROLE_GOVERNMENT)
    edit->government_id = g_strdup (l4a_store_get_identity (store));
  if (!check_author (store, edit->government_id, error))
    return FALSE;

  record = l4a_text_is_blank (edit->title) ? _("the new proposal") : edit->title;
  if (g_strcmp0 (edit->state, "draft") != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a proposal's title, then its state */
                   _("Proposal “%s” is %s: only a draft can be changed."), record,
                   l4a_proposal_state_label (edit->state));
      return FALSE;
    }

  if (!l4a_store_begin (store, error))
    return FALSE;

  sql = g_string_new (NULL);
  if (edit->id == NULL)
    {
      new_id = g_uuid_string_random ();
      g_string_append (sql, "INSERT INTO proposal (call_id, government_id, created_at, updated_at, origin, id, "
                            "revision, state, version");
      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        g_string_append_printf (sql, ", %s", text_fields[i].column);
      g_string_append (sql, ") VALUES (?1, ?2, ?3, ?3, ?4, ?5, 1, 'draft', 1");
      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        g_string_append_printf (sql, ", ?%u", 6 + i);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append (sql, "UPDATE proposal SET call_id = ?1, government_id = ?2, updated_at = ?3, origin = ?4, "
                            "revision = revision + 1");
      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        g_string_append_printf (sql, ", %s = ?%u", text_fields[i].column, 6 + i);
      g_string_append_printf (sql, " WHERE id = ?5 AND state = 'draft' AND revision = ?%u",
                              6 + (guint) G_N_ELEMENTS (text_fields));
    }

  stmt = l4a_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, edit->call_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->government_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, edit->id ? edit->id : new_id, -1, SQLITE_STATIC);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = FIELD (edit, i);

      if (l4a_text_is_blank (value) && (g_str_equal (text_fields[i].column, "pact_axis") ||
                                        g_str_equal (text_fields[i].column, "language") ||
                                        g_str_equal (text_fields[i].column, "start_on") ||
                                        g_str_equal (text_fields[i].column, "end_on")))
        sqlite3_bind_null (stmt, 6 + (int) i);
      else if (g_str_equal (text_fields[i].column, "format") && l4a_text_is_blank (value))
        sqlite3_bind_text (stmt, 6 + (int) i, "in-person", -1, SQLITE_STATIC);
      else
        sqlite3_bind_text (stmt, 6 + (int) i, value ? value : "", -1, SQLITE_STATIC);
    }
  if (edit->id != NULL)
    sqlite3_bind_int (stmt, 6 + (int) G_N_ELEMENTS (text_fields), edit->revision);

  if (!l4a_store_step_done (store, stmt, record, error))
    goto failed;

  if (edit->id != NULL && sqlite3_changes (l4a_store_get_db (store)) == 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_CONFLICT,
                   _("Proposal “%s” was changed elsewhere, or is no longer a draft; open it again."), record);
      goto failed;
    }

  if (new_id)
    edit->id = g_steal_pointer (&new_id);

  if (!write_children (store, edit, now, error) ||
      !l4a_store_audit (store, "save-draft", "proposal", edit->id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  edit->revision = edit->revision + 1;
  return TRUE;

failed:
  l4a_store_rollback (store);
  if (new_id == NULL && edit->revision == 0)
    g_clear_pointer (&edit->id, g_free);
  return FALSE;
}

gboolean
l4a_registry_save_draft (L4aStore         *store,
                         L4aProposalEdit  *edit,
                         GError          **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, registry_save_draft_checked (store, edit, error), error);
}

/**
 * l4a_registry_add_attachment:
 *
 * Stores @bytes once by their SHA-256 (a second copy costs nothing) and
 * lists them in @edit under @name. PDF, PNG and JPEG only, by their content
 * rather than their name; 20 MB at most. Saved with the draft.
 */
gboolean
l4a_registry_add_attachment (L4aStore         *store,
                             L4aProposalEdit  *edit,
                             const char       *name,
                             GBytes           *bytes,
                             GError          **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *base = NULL;
  L4aAttachmentRef *ref;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL && bytes != NULL, FALSE);

  base = g_path_get_basename (name ? name : "attachment");
  {
    g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

    for (guint i = 0; i < edit->attachments->len; i++)
      if (g_str_equal (((L4aAttachmentRef *) g_ptr_array_index (edit->attachments, i))->sha256, hash))
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       _("“%s” is attached already."), base);
          return FALSE;
        }
  }
  if (!l4a_attachment_store (store, base, bytes, &sha256, &media_type, error))
    return FALSE;

  ref = g_new0 (L4aAttachmentRef, 1);
  ref->sha256 = g_steal_pointer (&sha256);
  ref->name = g_steal_pointer (&base);
  ref->media_type = g_steal_pointer (&media_type);
  ref->size = (gint64) g_bytes_get_size (bytes);
  g_ptr_array_add (edit->attachments, ref);
  return TRUE;
}

/* Workflow ------------------------------------------------------------------ */

typedef struct
{
  char *title;
  char *state;
  char *government_id;
  char *call_status;
  char *opens_on;
  char *closes_on;
  char *decision;      /* the latest decision's outcome, if any */
  int   version;
} ProposalState;

static void
proposal_state_clear (ProposalState *state)
{
  g_free (state->title);
  g_free (state->state);
  g_free (state->government_id);
  g_free (state->call_status);
  g_free (state->opens_on);
  g_free (state->closes_on);
  g_free (state->decision);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProposalState, proposal_state_clear)

static gboolean
read_state (L4aStore       *store,
            const char     *id,
            ProposalState  *state,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = l4a_store_prepare (store,
                            "SELECT p.title, p.state, p.government_id, c.status, c.opens_on, c.closes_on, p.version, "
                            "  (SELECT outcome FROM decision d WHERE d.proposal_id = p.id "
                            "   ORDER BY d.proposal_version DESC LIMIT 1) "
                            "FROM proposal p JOIN call c ON c.id = p.call_id WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("There is no proposal with the id “%s”."), id);
      return FALSE;
    }

  state->title = l4a_store_column_dup (stmt, 0);
  state->state = l4a_store_column_dup (stmt, 1);
  state->government_id = l4a_store_column_dup (stmt, 2);
  state->call_status = l4a_store_column_dup (stmt, 3);
  state->opens_on = l4a_store_column_dup (stmt, 4);
  state->closes_on = l4a_store_column_dup (stmt, 5);
  state->version = sqlite3_column_int (stmt, 6);
  state->decision = l4a_store_column_dup (stmt, 7);
  if (l4a_text_is_blank (state->title))
    {
      g_free (state->title);
      state->title = g_strdup (_("Untitled proposal"));
    }
  return TRUE;
}

static gboolean
refuse_state (ProposalState  *state,
              const char     *wanted,
              GError        **error)
{
  if (g_strcmp0 (state->state, wanted) == 0)
    return TRUE;

  g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
               /* translators: a proposal's title, its state, then the state the action needs */
               _("Proposal “%s” is %s; this can be done only while it is %s."),
               state->title, l4a_proposal_state_label (state->state), l4a_proposal_state_label (wanted));
  return FALSE;
}

static gboolean
set_state (L4aStore    *store,
           const char  *id,
           const char  *state,
           gboolean     submitted,
           const char  *action,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = l4a_now_iso8601 ();

  stmt = l4a_store_prepare (store,
                            "UPDATE proposal SET state = ?2, updated_at = ?3, origin = ?4, revision = revision + 1, "
                            "  submitted_at = CASE WHEN ?5 THEN ?3 ELSE submitted_at END WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, submitted);
  return l4a_store_step_done (store, stmt, NULL, error) &&
         l4a_store_audit (store, action, "proposal", id, NULL, error);
}

/**
 * l4a_proposal_submit:
 *
 * Submits a draft of the workstation's own government to its call, if the
 * call is open and every key feature passes.
 */
static gboolean
proposal_submit_checked (L4aStore    *store,
                         const char  *id,
                         GError     **error)
{
  g_auto(ProposalState) state = { 0 };
  g_autoptr(L4aProposalEdit) edit = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!read_state (store, id, &state, error) ||
      !check_author (store, state.government_id, error) ||
      !refuse_state (&state, "draft", error))
    return FALSE;

  if (g_strcmp0 (state.call_status, "open") != 0 || g_strcmp0 (today, state.opens_on) < 0 ||
      g_strcmp0 (today, state.closes_on) > 0)
    {
      g_autofree char *closes = l4a_format_date (state.closes_on);

      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a proposal's title, then the date its call closes */
                   _("Proposal “%s” cannot be submitted: its call is not open (it closes on %s)."),
                   state.title, closes);
      return FALSE;
    }

  edit = l4a_registry_load_proposal (store, id, error);
  if (edit == NULL)
    return FALSE;
  checks = l4a_proposal_check_features (store, edit);
  for (guint i = 0; i < checks->len; i++)
    {
      L4aFeatureCheck *check = g_ptr_array_index (checks, i);

      if (!check->passed)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                       /* translators: a proposal's title, a key feature, then why it fails */
                       _("Proposal “%s” cannot be submitted: %s: %s"), state.title, check->label, check->reason);
          return FALSE;
        }
    }

  if (!l4a_store_begin (store, error))
    return FALSE;
  if (!set_state (store, id, "submitted", TRUE, "submit", error) || !l4a_store_commit (store, error))
    {
      l4a_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
l4a_proposal_submit (L4aStore    *store,
                     const char  *id,
                     GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, proposal_submit_checked (store, id, error), error);
}

/**
 * l4a_proposal_withdraw:
 *
 * Withdraws a submitted proposal of the workstation's own government.
 */
static gboolean
proposal_withdraw_checked (L4aStore    *store,
                           const char  *id,
                           GError     **error)
{
  g_auto(ProposalState) state = { 0 };

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!read_state (store, id, &state, error) ||
      !check_author (store, state.government_id, error) ||
      !refuse_state (&state, "submitted", error))
    return FALSE;

  if (!l4a_store_begin (store, error))
    return FALSE;
  if (!set_state (store, id, "withdrawn", FALSE, "withdraw", error) || !l4a_store_commit (store, error))
    {
      l4a_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
l4a_proposal_withdraw (L4aStore    *store,
                       const char  *id,
                       GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, proposal_withdraw_checked (store, id, error), error);
}

static char *
snapshot_json (const L4aProposalEdit *edit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      json_builder_set_member_name (builder, text_fields[i].column);
      json_builder_add_string_value (builder, FIELD (edit, i) ? FIELD (edit, i) : "");
    }
  json_builder_set_member_name (builder, "sdgs");
  json_builder_add_int_value (builder, edit->sdgs);

#define LIST(member, array, type, ...) \
  json_builder_set_member_name (builder, member); \
  json_builder_begin_array (builder); \
  for (guint i = 0; i < edit->array->len; i++) \
    { \
      type *item = g_ptr_array_index (edit->array, i); \
      json_builder_begin_array (builder); \
      { const char *values[] = { __VA_ARGS__ }; \
        for (guint k = 0; k < G_N_ELEMENTS (values); k++) \
          json_builder_add_string_value (builder, values[k] ? values[k] : ""); } \
      json_builder_end_array (builder); \
    } \
  json_builder_end_array (builder);

  LIST ("partner", partners, L4aPartnerEdit, item->name, item->role)
  LIST ("deliverable", deliverables, L4aDeliverableEdit, item->title, item->due)
  LIST ("indicator", indicators, L4aPlannedIndicator, item->code, item->name, item->baseline, item->target)
  LIST ("attachment", attachments, L4aAttachmentRef, item->name, item->sha256)
#undef LIST

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * l4a_proposal_revise:
 *
 * After a "revise and resubmit" decision, keeps the decided version
 * readable and reopens the proposal as a draft of the next version.
 */
static gboolean
proposal_revise_checked (L4aStore    *store,
                         const char  *id,
                         GError     **error)
{
  g_auto(ProposalState) state = { 0 };
  g_autoptr(L4aProposalEdit) edit = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *now = l4a_now_iso8601 ();

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!read_state (store, id, &state, error) || !check_author (store, state.government_id, error))
    return FALSE;

  /* The government learns of the decision only once it is released. */
  if (g_strcmp0 (state.state, "released") != 0 || g_strcmp0 (state.decision, "revise-resubmit") != 0)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Proposal “%s” can be revised only after a decision to revise and resubmit it."),
                   state.title);
      return FALSE;
    }

  edit = l4a_registry_load_proposal (store, id, error);
  if (edit == NULL)
    return FALSE;
  snapshot = snapshot_json (edit);

  if (!l4a_store_begin (store, error))
    return FALSE;

  stmt = l4a_store_prepare (store, "INSERT INTO proposal_version (proposal_id, version, snapshot, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, state.version);
  sqlite3_bind_text (stmt, 3, snapshot, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, state.title, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = l4a_store_prepare (store, "UPDATE proposal SET state = 'draft', version = version + 1, submitted_at = NULL, "
                                   "revision = revision + 1, updated_at = ?2, origin = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, stmt, state.title, error) ||
      !l4a_store_audit (store, "revise", "proposal", id, NULL, error) ||
      !l4a_store_commit (store, error))
    goto failed;

  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_proposal_revise (L4aStore    *store,
                     const char  *id,
                     GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, proposal_revise_checked (store, id, error), error);
}

static void
field_change_free (gpointer data)
{
  L4aFieldChange *change = data;

  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

/* A snapshot as field → text, lists as one line per item. */
static GHashTable *
flatten_snapshot (const char  *json,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, json, -1, error))
    {
      g_hash_table_unref (fields);
      return NULL;
    }

  json_object_iter_init (&iter, json_node_get_object (json_parser_get_root (parser)));
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *items = json_node_get_array (node);
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint i = 0; i < json_array_get_length (items); i++)
            {
              JsonArray *values = json_array_get_array_element (items, i);

              if (text->len)
                g_string_append_c (text, '\n');
              for (guint k = 0; k < json_array_get_length (values); k++)
                g_string_append_printf (text, "%s%s", k ? " · " : "", json_array_get_string_element (values, k));
            }
          g_hash_table_insert (fields, g_strdup (name), g_string_free (g_steal_pointer (&text), FALSE));
        }
      else if (g_str_equal (name, "sdgs"))
        g_hash_table_insert (fields, g_strdup (name), l4a_sdgs_to_string ((guint) json_node_get_int (node)));
      else
        g_hash_table_insert (fields, g_strdup (name), g_strdup (json_node_get_string (node)));
    }

  return fields;
}

static char *
version_snapshot (L4aStore    *store,
                  const char  *id,
                  int          version,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(L4aProposalEdit) edit = NULL;

  stmt = l4a_store_prepare (store, "SELECT snapshot FROM proposal_version WHERE proposal_id = ?1 AND version = ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, version);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return l4a_store_column_dup (stmt, 0);

  /* The current version lives in the proposal itself. */
  edit = l4a_registry_load_proposal (store, id, error);
  if (edit == NULL)
    return NULL;
  if (edit->version != version)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                   _("This proposal has no version %d."), version);
      return NULL;
    }
  return snapshot_json (edit);
}

/**
 * l4a_proposal_compare_versions:
 *
 * Returns: (transfer full) (element-type L4aFieldChange): the fields that
 *   differ from @from_version to @to_version, or %NULL with @error set
 */
GPtrArray *
l4a_proposal_compare_versions (L4aStore    *store,
                               const char  *id,
                               int          from_version,
                               int          to_version,
                               GError     **error)
{
  g_autofree char *before_json = version_snapshot (store, id, from_version, error);
  g_autofree char *after_json = before_json ? version_snapshot (store, id, to_version, error) : NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GPtrArray *changes;
  static const char * const order[] = {
    "title", "summary", "topic", "pact_axis", "format", "start_on", "end_on", "sdgs", "partner",
    "deliverable", "indicator", "communication", "brand_commitment", "monitoring_plan", "attachment",
  };

  if (after_json == NULL)
    return NULL;
  if (!(before = flatten_snapshot (before_json, error)) || !(after = flatten_snapshot (after_json, error)))
    return NULL;

  changes = g_ptr_array_new_with_free_func (field_change_free);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *a = g_hash_table_lookup (before, order[i]);
      const char *b = g_hash_table_lookup (after, order[i]);

      if (g_strcmp0 (a ? a : "", b ? b : "") != 0)
        {
          L4aFieldChange *change = g_new0 (L4aFieldChange, 1);

          change->field = g_strdup (order[i]);
          change->before = g_strdup (a ? a : "");
          change->after = g_strdup (b ? b : "");
          g_ptr_array_add (changes, change);
        }
    }
  return changes;
}

/**
 * l4a_store_resolve_reference:
 * @table: "proposal", "hub", "call", "government" or "member"
 * @reference: a UUID, the start of one (4 characters or more), or the
 *   exact title or name
 *
 * Returns: (transfer full) (nullable): the id of the one record meant, or
 *   %NULL with @error saying none or several match
 */
char *
l4a_store_resolve_reference (L4aStore    *store,
                             const char  *table,
                             const char  *reference,
                             GError     **error)
{
  static const struct { const char *table; const char *title; const char *label; } tables[] = {
    { "proposal", "title", N_("proposal") }, { "hub", "name", N_("hub") }, { "call", "title", N_("call") },
    { "government", "name", N_("government") }, { "member", "name", N_("member") },
  };
  const char *label = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *found = NULL;
  const char *title = NULL;
  int matches = 0;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      {
        title = tables[i].title;
        label = _(tables[i].label);
      }
  g_return_val_if_fail (title != NULL, NULL);

  /* Names from the list above, never from input. */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?1 "
                         "UNION SELECT id FROM %s WHERE length (?1) >= 4 AND substr (id, 1, length (?1)) = lower (?1) "
                         "AND NOT EXISTS (SELECT 1 FROM %s WHERE id = ?1) "
                         "UNION SELECT id FROM %s WHERE %s = ?1 COLLATE NOCASE "
                         "AND NOT EXISTS (SELECT 1 FROM %s WHERE id = ?1) LIMIT 3",
                         table, table, table, table, title, table);
  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      matches++;
      g_free (found);
      found = l4a_store_column_dup (stmt, 0);
    }

  if (matches == 1)
    return g_steal_pointer (&found);

  if (matches == 0)
    g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                 /* translators: a kind of record, then what the user gave */
                 _("No %s matches “%s”; give its id, the start of its id, or its exact title."), label, reference);
  else
    g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_AMBIGUOUS,
                 _("Several records match “%s”; give more of the id."), reference);
  return NULL;
}

/**
 * l4a_registry_get_attachment:
 *
 * Returns: (transfer full) (nullable): the content stored under @sha256
 */
GBytes *
l4a_registry_get_attachment (L4aStore    *store,
                             const char  *sha256,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT data FROM attachment WHERE sha256 = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("The attached file is missing."));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

/**
 * l4a_attachment_safe_name:
 * @name: (nullable): an attachment's name, as a bundle or a person gave it
 *
 * Returns: (transfer full): @name as a plain file name: no folders, no
 *   control characters, not hidden, never empty
 */
char *
l4a_attachment_safe_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  GString *safe = g_string_new (NULL);
  const char *start;

  /* the last part of a path, whichever separator it uses */
  start = MAX (strrchr (valid, '/'), strrchr (valid, '\\'));
  start = start ? start + 1 : valid;
  for (const char *p = start; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|')
        g_string_append_c (safe, '_');
      else
        g_string_append_unichar (safe, c);
    }
  while (safe->len > 0 && (safe->str[0] == '.' || safe->str[0] == ' '))
    g_string_erase (safe, 0, 1);
  if (safe->len == 0)
    g_string_assign (safe, "attachment");
  /* file systems take 255 bytes a name; cut at a character */
  if (safe->len > 200)
    {
      const char *end = g_utf8_find_prev_char (safe->str, safe->str + 200);

      g_string_truncate (safe, end ? (gsize) (end - safe->str) : 0);
    }
  return g_string_free (safe, FALSE);
}

/**
 * l4a_attachment_write_for_viewing:
 * @sha256: the attachment's content
 * @name: its name, as the record gives it
 *
 * Writes the attachment into this user's cache, under a folder of its own,
 * so that another application can open it.
 *
 * Returns: (transfer full): the file written, or %NULL with @error set
 */
GFile *
l4a_attachment_write_for_viewing (L4aStore    *store,
                                  const char  *sha256,
                                  const char  *name,
                                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *safe = l4a_attachment_safe_name (name);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (sha256 == NULL || strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("The attached file is missing."));
      return NULL;
    }
  bytes = l4a_registry_get_attachment (store, sha256, error);
  if (bytes == NULL)
    return NULL;

  prefix = g_strndup (sha256, 16);
  folder = g_build_filename (g_get_user_cache_dir (), "local4action", "attachments", prefix, NULL);
  path = g_build_filename (folder, safe, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
    {
      /* translators: an attachment's name */
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_OPEN, _("“%s” could not be written for opening."), safe);
      return NULL;
    }
  return g_file_new_for_path (path);
}
