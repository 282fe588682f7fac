/* l4a-letter.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letter that tells a local government the World Secretariat's released
 * decision on its proposal: the outcome, the public rationale, the Advisory
 * Board's comments for the authors without the reviewers' names, the next
 * steps, and the co-branded label when the label is granted. A PDF drawn
 * with cairo and Pango, in the government's language (English, French or
 * Spanish), for the secretariat to send or the government to keep.
 */

#define G_LOG_DOMAIN "l4a-letter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "l4a-brand.h"
#include "l4a-drawing.h"
#include "l4a-labels.h"
#include "l4a-letter.h"
#include "l4a-reference.h"
#include "l4a-review.h"
#include "l4a-review-private.h"
#include "l4a-rules.h"
#include "l4a-store-private.h"

#define WIDTH   595.0   /* A4, in points */
#define HEIGHT  842.0
#define MARGIN  64.0

/* Where French or Spanish is the language of government, by ISO 3166 code;
 * English elsewhere, unless the letter is asked in another. */
static const char * const french[] = {
  "BE", "BF", "BI", "BJ", "CD", "CF", "CG", "CI", "CM", "DJ", "DZ", "FR", "GA", "GN", "HT", "KM", "LU", "MA",
  "MC", "MG", "ML", "NE", "RW", "SN", "TD", "TG", "TN", NULL
};
static const char * const spanish[] = {
  "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES", "GQ", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY",
  "SV", "UY", "VE", NULL
};

/**
 * l4a_letter_contact:
 *
 * Returns: (transfer full) (nullable): where the letter on a proposal
 *   goes: its lead government's contact, or %NULL when it has none
 */
char *
l4a_letter_contact (L4aStore   *store,
                    const char *proposal_id)
{
  g_autofree char *contact = l4a_store_lookup_text (store, "SELECT g.contact FROM proposal p "
                                                           "JOIN government g ON g.id = p.government_id "
                                                           "WHERE p.id = ?1", proposal_id);

  return contact != NULL && *contact != '\0' ? g_steal_pointer (&contact) : NULL;
}

/**
 * l4a_letter_language_for:
 * @country: (nullable): an ISO 3166-1 alpha-2 code
 *
 * Returns: "fr", "es" or "en": the language a letter to a government of
 *   @country is written in
 */
const char *
l4a_letter_language_for (const char *country)
{
  if (country != NULL && g_strv_contains (french, country))
    return "fr";
  if (country != NULL && g_strv_contains (spanish, country))
    return "es";
  return "en";
}

typedef struct
{
  cairo_t         *cr;
  PangoLayout     *layout;
  double           y;
} Letter;

static void
new_page (Letter *letter)
{
  cairo_set_source_rgb (letter->cr, 1, 1, 1);
  cairo_paint (letter->cr);
  cairo_set_source_rgb (letter->cr, 0.11, 0.31, 0.55);
  cairo_rectangle (letter->cr, 0, 0, WIDTH, 10);
  cairo_fill (letter->cr);
  letter->y = MARGIN;
}

/* Writes @text as one paragraph, on a new page when it does not fit. */
static void
paragraph_in (Letter       *letter,
              const char   *font,
              const char   *text,
              double        indent,
              double        space_after,
              const double  colour[3])
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (letter->layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (letter->layout, (int) ((WIDTH - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_text (letter->layout, text ? text : "", -1);
  pango_layout_get_pixel_size (letter->layout, NULL, &height);
  if (letter->y + height > HEIGHT - MARGIN && letter->y > MARGIN)
    {
      cairo_show_page (letter->cr);
      new_page (letter);
    }
  cairo_set_source_rgb (letter->cr, colour[0], colour[1], colour[2]);
  cairo_move_to (letter->cr, MARGIN + indent, letter->y);
  pango_cairo_show_layout (letter->cr, letter->layout);
  letter->y += height + space_after;
}

static const double ink[3] = { 0.12, 0.12, 0.16 };
static const double brand[3] = { 0.11, 0.31, 0.55 };

static void
paragraph (Letter     *letter,
           const char *font,
           const char *text,
           double      indent,
           double      space_after)
{
  paragraph_in (letter, font, text, indent, space_after, ink);
}

typedef struct
{
  char *title;
  char *government;
  char *country;
  char *call;
  char *hub_name;
  char *hub_place;
  GPtrArray *comments;   /* the authors' comments, in the reviews' order */
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->title, g_free);
  g_clear_pointer (&facts->government, g_free);
  g_clear_pointer (&facts->country, g_free);
  g_clear_pointer (&facts->call, g_free);
  g_clear_pointer (&facts->hub_name, g_free);
  g_clear_pointer (&facts->hub_place, g_free);
  g_clear_pointer (&facts->comments, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

/* What the letter says, read once: a released decision only, and only for
 * the secretariat or the proposal's own government. */
static L4aDecision *
read_facts (L4aStore    *store,
            const char  *proposal_id,
            Facts       *facts,
            GError     **error)
{
  g_autoptr(L4aDecision) decision = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  L4aRole role = l4a_store_get_role (store);
  int rc;

  if (role == L4A_ROLE_MEMBER)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   _("Decision letters are written by the World Secretariat, for the government concerned."));
      return NULL;
    }
  decision = l4a_decision_get (store, proposal_id, error);
  if (decision == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                     _("This proposal has no released decision yet: its letter is written once the decision is "
                       "released."));
      return NULL;
    }
  if (decision->released_at == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("This proposal has no released decision yet: its letter is written once the decision is "
                     "released."));
      return NULL;
    }

  stmt = l4a_store_prepare (store,
                            "SELECT p.title, g.name, g.country, c.title, h.name, hg.name, hg.country "
                            "FROM proposal p JOIN government g ON g.id = p.government_id "
                            "LEFT JOIN call c ON c.id = p.call_id "
                            "LEFT JOIN hub h ON h.proposal_id = p.id "
                            "LEFT JOIN government hg ON hg.id = h.government_id "
                            "WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, proposal_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      l4a_store_set_sqlite_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, proposal_id, error);
      return NULL;
    }
  facts->title = l4a_store_column_dup (stmt, 0);
  facts->government = l4a_store_column_dup (stmt, 1);
  facts->country = l4a_store_column_dup (stmt, 2);
  facts->call = l4a_store_column_dup (stmt, 3);
  facts->hub_name = l4a_store_column_dup (stmt, 4);
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      const char *country = (const char *) sqlite3_column_text (stmt, 6);

      facts->hub_place = g_strdup_printf ("%s, %s", sqlite3_column_text (stmt, 5),
                                          country ? l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country) : "");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* the reviewers' comments for the authors, never their names */
  facts->comments = l4a_review_author_comments (store, proposal_id, error);
  if (facts->comments == NULL)
    return NULL;
  return g_steal_pointer (&decision);
}

static gboolean
render (L4aStore     *store,
        L4aDecision  *decision,
        Facts        *facts,
        Letter       *letter,
        GError      **error)
{
  g_autofree char *date = l4a_format_date (decision->released_at);
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  const char *country = facts->country ? l4a_reference_translate (L4A_REFERENCE_COUNTRIES, facts->country) : "";
  const char *outcome = decision->outcome;
  gboolean granted = g_strcmp0 (outcome, "label-granted") == 0;

  new_page (letter);
  paragraph_in (letter, "Sans Bold 10", _("Local4Action HUBs · World Secretariat of United Cities and Local Governments"),
                0, 24, brand);
  paragraph (letter, "Sans 10", date, 0, 12);
  /* translators: the addressee of a decision letter: a government and its country */
  to = g_strdup_printf (_("To: %s, %s"), facts->government ? facts->government : "", country);
  paragraph (letter, "Sans 10", to, 0, 18);
  /* translators: a decision letter's subject: the proposal, the call and the version decided */
  subject = g_strdup_printf (_("Your proposal “%s” to %s (version %d)"), facts->title ? facts->title : "",
                             facts->call ? facts->call : "", decision->proposal_version);
  paragraph (letter, "Sans Bold 13", subject, 0, 18);

  if (granted)
    paragraph (letter, "Sans 10.5",
               _("We are pleased to tell you that the World Secretariat, on the advice of the Advisory Board, has "
                 "granted your proposal the Local4Action HUB label."), 0, 12);
  else if (g_strcmp0 (outcome, "revise-resubmit") == 0)
    paragraph (letter, "Sans 10.5",
               _("The World Secretariat, on the advice of the Advisory Board, asks you to revise your proposal and "
                 "submit it again."), 0, 12);
  else
    paragraph (letter, "Sans 10.5",
               _("We regret to tell you that the World Secretariat, on the advice of the Advisory Board, has not "
                 "granted your proposal the Local4Action HUB label this time."), 0, 12);

  paragraph (letter, "Sans Bold 11", _("Why"), 0, 6);
  paragraph (letter, "Sans 10.5", l4a_text_is_blank (decision->rationale) ? _("No rationale was given.")
                                                                          : decision->rationale, 0, 14);

  paragraph (letter, "Sans Bold 11", _("The Advisory Board’s comments for the authors"), 0, 6);
  if (facts->comments->len == 0)
    paragraph (letter, "Sans Italic 10", _("The reviewers left no comment for the authors."), 0, 14);
  for (guint i = 0; i < facts->comments->len; i++)
    {
      /* translators: a reviewer, never named in a decision letter */
      g_autofree char *reviewer = g_strdup_printf (_("Reviewer %u"), i + 1);

      paragraph (letter, "Sans Bold 10", reviewer, 8, 2);
      paragraph (letter, "Sans 10", g_ptr_array_index (facts->comments, i), 8, 10);
    }
  letter->y += 4;

  paragraph (letter, "Sans Bold 11", _("Next steps"), 0, 6);
  if (granted)
    paragraph (letter, "Sans 10.5",
               _("Your hub now stands in the registry of the Local4Action HUBs. Show its co-branded label, enclosed, "
                 "wherever the hub appears; report its activities, deliverables and indicators to the World "
                 "Secretariat as the hub goes on."), 0, 14);
  else if (g_strcmp0 (outcome, "revise-resubmit") == 0)
    paragraph (letter, "Sans 10.5",
               _("Revise the proposal in Local4Action Hubs with the comments above in mind, and submit it again "
                 "while the call is open, or to a later call."), 0, 14);
  else
    paragraph (letter, "Sans 10.5",
               _("You are welcome to submit a new proposal to a later call; the comments above say what the "
                 "Advisory Board looked for."), 0, 14);

  paragraph (letter, "Sans 10.5", _("The World Secretariat of UCLG"), 0, 0);

  /* the label, on its own page */
  if (granted && facts->hub_name != NULL)
    {
      g_autoptr(L4aBrandAsset) label = l4a_brand_get_label (store, NULL);
      static const double white[3] = { 1, 1, 1 };
      double width = WIDTH - 2 * MARGIN;

      if (label != NULL)
        {
          cairo_show_page (letter->cr);
          new_page (letter);
          paragraph (letter, "Sans Bold 13", _("Your hub’s co-branded label"), 0, 18);
          cairo_save (letter->cr);
          cairo_translate (letter->cr, MARGIN, letter->y);
          if (!l4a_brand_draw_label (label, facts->hub_name, facts->hub_place ? facts->hub_place : "", letter->cr,
                                     width, white, error))
            {
              cairo_restore (letter->cr);
              return FALSE;
            }
          cairo_restore (letter->cr);
        }
    }
  return TRUE;
}

typedef struct
{
  L4aStore    *store;
  L4aDecision *decision;
  Facts       *facts;
  const char  *language;
} Drawing;

static gboolean
draw_letter (cairo_t   *cr,
             gpointer   data,
             GError   **error)
{
  Drawing *drawing = data;
  Letter letter = { cr, pango_cairo_create_layout (cr), 0 };
  L4aLanguage speaking;
  gboolean ok;

  pango_layout_set_wrap (letter.layout, PANGO_WRAP_WORD_CHAR);
  l4a_language_push (&speaking, drawing->language);
  ok = render (drawing->store, drawing->decision, drawing->facts, &letter, error);
  l4a_language_pop (&speaking);
  g_object_unref (letter.layout);
  return ok;
}

/**
 * l4a_letter_write:
 * @language: (nullable): "en", "fr" or "es"; %NULL for the government's
 *
 * Writes the letter of the released decision on proposal @proposal_id as a
 * PDF at @path, beside it first and renamed into place, so that a failure
 * never leaves half a file. Switching the language is for a process with
 * no other thread at work (the command line).
 */
gboolean
l4a_letter_write (L4aStore    *store,
                  const char  *proposal_id,
                  const char  *language,
                  const char  *path,
                  GError     **error)
{
  g_auto(Facts) facts = { 0 };
  g_autoptr(L4aDecision) decision = NULL;
  Drawing drawing = { 0 };

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (language != NULL && !g_strv_contains ((const char * const[]) { "en", "fr", "es", NULL }, language))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("Letters are written in English (en), French (fr) or Spanish (es), not “%s”."), language);
      return FALSE;
    }
  decision = read_facts (store, proposal_id, &facts, error);
  if (decision == NULL)
    return FALSE;

  drawing.store = store;
  drawing.decision = decision;
  drawing.facts = &facts;
  drawing.language = language ? language : l4a_letter_language_for (facts.country);
  return l4a_pdf_write (path, WIDTH, HEIGHT, facts.title, draw_letter, &drawing, error);
}
