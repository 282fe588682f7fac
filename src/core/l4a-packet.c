/* l4a-packet.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The committee packet of a call: one PDF for the Executive Bureau with the
 * ranking, then for each proposal in that order its one-page summary and
 * its scores criterion by criterion, and the outcome proposed (the
 * decision recorded, released or not). Reviewers are numbered, never
 * named. For the World Secretariat, who sees the scores.
 */

#define G_LOG_DOMAIN "l4a-packet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "l4a-drawing.h"
#include "l4a-labels.h"
#include "l4a-clarify.h"
#include "l4a-packet.h"
#include "l4a-permissions.h"
#include "l4a-registry.h"
#include "l4a-review.h"
#include "l4a-summary.h"

#define WIDTH  L4A_SUMMARY_WIDTH
#define HEIGHT L4A_SUMMARY_HEIGHT
#define MARGIN 48.0

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
} Sheet;

static void
sheet_start (Sheet *sheet)
{
  cairo_set_source_rgb (sheet->cr, 1, 1, 1);
  cairo_paint (sheet->cr);
  cairo_set_source_rgb (sheet->cr, 0.11, 0.31, 0.55);
  cairo_rectangle (sheet->cr, 0, 0, WIDTH, 8);
  cairo_fill (sheet->cr);
  sheet->y = MARGIN;
}

/* Writes @text at @x (from the margin) in a column @width wide; returns its
 * height. A new page is begun first when @advance and it does not fit. */
static double
put_text (Sheet      *sheet,
          const char *font,
          const char *text,
          double      x,
          double      width,
          gboolean    advance)
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (sheet->layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (sheet->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (sheet->layout, text ? text : "", -1);
  pango_layout_get_pixel_size (sheet->layout, NULL, &height);
  if (advance && sheet->y + height > HEIGHT - MARGIN)
    {
      cairo_show_page (sheet->cr);
      sheet_start (sheet);
    }
  cairo_set_source_rgb (sheet->cr, 0.12, 0.12, 0.16);
  cairo_move_to (sheet->cr, MARGIN + x, sheet->y);
  pango_cairo_show_layout (sheet->cr, sheet->layout);
  return height;
}

static void
line (Sheet      *sheet,
      const char *font,
      const char *text,
      double      space_after)
{
  sheet->y += put_text (sheet, font, text, 0, WIDTH - 2 * MARGIN, TRUE) + space_after;
}

/* One row of cells at the given columns (x, width); the row is as tall as
 * its tallest cell. */
static void
row (Sheet         *sheet,
     const char    *font,
     const char   **cells,
     const double  *columns,
     guint          n)
{
  double tallest = 0;

  for (guint i = 0; i < n; i++)
    {
      PangoFontDescription *description = pango_font_description_from_string (font);
      int height;

      pango_layout_set_font_description (sheet->layout, description);
      pango_font_description_free (description);
      pango_layout_set_width (sheet->layout, (int) ((columns[2 * i + 1] - 6) * PANGO_SCALE));
      pango_layout_set_text (sheet->layout, cells[i] ? cells[i] : "", -1);
      pango_layout_get_pixel_size (sheet->layout, NULL, &height);
      tallest = MAX (tallest, height);
    }
  if (sheet->y + tallest > HEIGHT - MARGIN)
    {
      cairo_show_page (sheet->cr);
      sheet_start (sheet);
    }
  for (guint i = 0; i < n; i++)
    put_text (sheet, font, cells[i], columns[2 * i], columns[2 * i + 1] - 6, FALSE);
  sheet->y += tallest + 4;
  cairo_set_source_rgb (sheet->cr, 0.85, 0.85, 0.87);
  cairo_rectangle (sheet->cr, MARGIN, sheet->y - 2, WIDTH - 2 * MARGIN, 0.5);
  cairo_fill (sheet->cr);
}

static const char *
outcome_words (const char *outcome)
{
  if (g_strcmp0 (outcome, "label-granted") == 0)
    return _("Grant the label");
  if (g_strcmp0 (outcome, "revise-resubmit") == 0)
    return _("Revise and resubmit");
  if (g_strcmp0 (outcome, "declined") == 0)
    return _("Decline");
  return _("Not decided yet");
}

static const char *
recommendation_words (const char *recommendation)
{
  if (g_strcmp0 (recommendation, "grant") == 0)
    return _("grant the label");
  if (g_strcmp0 (recommendation, "revise") == 0)
    return _("revise and resubmit");
  if (g_strcmp0 (recommendation, "decline") == 0)
    return _("decline");
  return "—";
}

static gboolean
render (L4aStore    *store,
        const char  *call_id,
        Sheet       *sheet,
        GError     **error)
{
  L4aReviewProgress progress = { 0 };
  g_autoptr(GPtrArray) scores = l4a_review_scores (store, call_id, &progress, error);
  g_autofree char *call = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *counts = NULL;
  static const double ranking_columns[] = { 0, 20, 20, 120, 140, 92, 232, 50, 282, 60, 342, 60, 402, 97 };

  if (scores == NULL)
    return FALSE;
  {
    g_autoptr(GPtrArray) calls = l4a_registry_list_calls (store, NULL);

    for (guint i = 0; calls && i < calls->len; i++)
      if (g_strcmp0 (((L4aCallInfo *) g_ptr_array_index (calls, i))->id, call_id) == 0)
        call = g_strdup (((L4aCallInfo *) g_ptr_array_index (calls, i))->title);
  }

  sheet_start (sheet);
  line (sheet, "Sans Bold 9", _("Local4Action HUBs · committee packet for the Executive Bureau"), 6);
  /* translators: the title of a committee packet; %s is a call */
  heading = g_strdup_printf (_("Proposals of %s"), call ? call : call_id);
  line (sheet, "Sans Bold 18", heading, 6);
  counts = g_strdup_printf (_("%u of %u reviews submitted, %u overdue. Reviewers are numbered, not named; the "
                              "outcome proposed is the decision recorded so far."),
                            progress.submitted, progress.assigned, progress.overdue);
  line (sheet, "Sans 9.5", counts, 14);
  line (sheet, "Sans Bold 12", _("Ranking by the mean of the weighted scores"), 6);
  {
    const char *header[] = { "#", _("Proposal"), _("Government"), _("Mean"), _("Median"), _("Spread"),
                             _("Calibrated") };

    row (sheet, "Sans Bold 9", header, ranking_columns, G_N_ELEMENTS (header));
  }
  for (guint i = 0; i < scores->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (scores, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *mean = score->has_scores ? g_strdup_printf ("%.2f", score->mean) : g_strdup ("—");
      g_autofree char *median = score->has_scores ? g_strdup_printf ("%.2f", score->median) : g_strdup ("—");
      g_autofree char *spread = score->has_scores ? g_strdup_printf ("%.2f", score->spread) : g_strdup ("—");
      g_autofree char *title = score->disagreement ? g_strdup_printf (_("%s (reviewers disagree)"), score->title)
                                                   : g_strdup (score->title);
      g_autofree char *calibrated = !score->has_scores ? g_strdup ("—")
                                    : score->calibrated ? g_strdup_printf ("%.2f (%u)", score->calibrated_mean,
                                                                           score->calibrated_rank)
                                    /* translators: a proposal whose reviewers are too few to be calibrated */
                                    : g_strdup (_("not calibrated"));
      const char *cells[] = { rank, title, score->government, mean, median, spread, calibrated };

      row (sheet, "Sans 9", cells, ranking_columns, G_N_ELEMENTS (cells));
    }

  /* each proposal: its summary, then its scores and the outcome proposed */
  for (guint i = 0; i < scores->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (scores, i);
      g_autoptr(GPtrArray) reviews = l4a_review_list (store, score->proposal_id, error);
      g_autoptr(L4aDecision) decision = NULL;
      g_autoptr(GError) decision_error = NULL;
      g_autofree char *title = NULL;
      g_autofree char *proposed = NULL;
      guint n = 0;

      if (reviews == NULL)
        return FALSE;
      cairo_show_page (sheet->cr);
      if (!l4a_proposal_render_summary (store, score->proposal_id, sheet->cr, error))
        return FALSE;
      cairo_show_page (sheet->cr);
      sheet_start (sheet);
      /* translators: a proposal's rank, then its title */
      title = g_strdup_printf (_("%u. %s: scores"), i + 1, score->title);
      line (sheet, "Sans Bold 14", title, 10);
      for (guint r = 0; r < reviews->len; r++)
        {
          L4aReview *review = g_ptr_array_index (reviews, r);
          g_autofree char *who = NULL;
          double weighted;

          if (review->submitted_at == NULL)
            continue;
          n++;
          if (l4a_review_weighted_score (review, &weighted))
            /* translators: a numbered reviewer, the weighted score and the recommendation */
            who = g_strdup_printf (_("Reviewer %u · weighted %.2f · recommends: %s"), n, weighted,
                                   recommendation_words (review->recommendation));
          else
            who = g_strdup_printf (_("Reviewer %u"), n);
          line (sheet, "Sans Bold 10", who, 4);
          for (guint c = 0; c < review->scores->len; c++)
            {
              L4aScore *criterion = g_ptr_array_index (review->scores, c);
              static const double columns[] = { 12, 330, 342, 80, 422, 80 };
              g_autofree char *value = criterion->has_score ? g_strdup_printf ("%g / %d", criterion->score,
                                                                               criterion->scale_max)
                                                            : g_strdup ("—");
              /* translators: a criterion's weight */
              g_autofree char *weight = g_strdup_printf (_("weight %g"), criterion->weight);
              const char *cells[] = { criterion->label, value, weight };

              row (sheet, "Sans 9", cells, columns, G_N_ELEMENTS (cells));
            }
          sheet->y += 6;
        }
      if (n == 0)
        line (sheet, "Sans Italic 10", _("No review is submitted yet."), 6);
      {
        g_autoptr(L4aMetaReview) meta = l4a_meta_review_get (store, score->proposal_id, NULL);

        if (meta != NULL && meta->submitted_at != NULL)
          {
            /* translators: the lead reviewer's consolidated recommendation */
            g_autofree char *heading = g_strdup_printf (_("Meta-review by the lead reviewer · recommends: %s"),
                                                        recommendation_words (meta->recommendation));

            sheet->y += 6;
            line (sheet, "Sans Bold 11", heading, 4);
            line (sheet, "Sans 10", meta->body, 4);
          }
      }
      decision = l4a_decision_get (store, score->proposal_id, &decision_error);
      /* translators: the outcome the secretariat proposes to the committee */
      proposed = g_strdup_printf (_("Outcome proposed: %s"), outcome_words (decision ? decision->outcome : NULL));
      sheet->y += 6;
      line (sheet, "Sans Bold 11", proposed, 4);
      if (decision != NULL && decision->rationale != NULL && *decision->rationale != '\0')
        line (sheet, "Sans 10", decision->rationale, 4);
    }
  return TRUE;
}

typedef struct
{
  L4aStore   *store;
  const char *call_id;
} Drawing;

static gboolean
draw_packet (cairo_t   *cr,
             gpointer   data,
             GError   **error)
{
  Drawing *drawing = data;
  Sheet sheet = { cr, pango_cairo_create_layout (cr), 0 };
  gboolean ok;

  pango_layout_set_wrap (sheet.layout, PANGO_WRAP_WORD_CHAR);
  ok = render (drawing->store, drawing->call_id, &sheet, error);
  g_object_unref (sheet.layout);
  return ok;
}

/**
 * l4a_packet_write:
 *
 * Writes the committee packet of call @call_id as a PDF at @path, beside
 * it first and renamed into place, so that a failure never leaves half a
 * file. The World Secretariat's only.
 */
gboolean
l4a_packet_write (L4aStore    *store,
                  const char  *call_id,
                  const char  *path,
                  GError     **error)
{
  Drawing drawing = { 0 };

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);

  if (!l4a_store_require (store, L4A_PERMISSION_SEE_SCORES, error))
    return FALSE;
  drawing.store = store;
  drawing.call_id = call_id;
  return l4a_pdf_write (path, WIDTH, HEIGHT, NULL, draw_packet, &drawing, error);
}
