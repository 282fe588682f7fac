/* l4a-summary.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-summary"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "l4a-drawing.h"
#include "l4a-labels.h"
#include "l4a-proposal-edit.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-store-private.h"
#include "l4a-summary.h"

/* The one-page summary of a proposal that board meetings print: who, what,
 * when, the six key features with their verdicts, deliverables, indicators
 * and partners, drawn with cairo and Pango. */

#define MARGIN 48.0

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       y;
  gboolean     full;
} Page;

/* Writes @markup at the current line; returns FALSE once the page is full. */
static gboolean
write_text (Page       *page,
            const char *font,
            const char *text,
            double      indent,
            double      space_after)
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  int height;

  if (page->full)
    return FALSE;

  pango_layout_set_font_description (page->layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (page->layout, (int) ((L4A_SUMMARY_WIDTH - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_text (page->layout, text, -1);
  pango_layout_get_pixel_size (page->layout, NULL, &height);

  if (page->y + height > L4A_SUMMARY_HEIGHT - MARGIN - 14)
    {
      /* What does not fit is cut with a visible mark, never silently. */
      pango_layout_set_text (page->layout, "…", -1);
      cairo_move_to (page->cr, MARGIN + indent, page->y);
      pango_cairo_show_layout (page->cr, page->layout);
      page->full = TRUE;
      return FALSE;
    }

  cairo_move_to (page->cr, MARGIN + indent, page->y);
  pango_cairo_show_layout (page->cr, page->layout);
  page->y += height + space_after;
  return TRUE;
}

/**
 * l4a_proposal_render_summary:
 * @cr: a context of %L4A_SUMMARY_WIDTH by %L4A_SUMMARY_HEIGHT units
 *
 * Draws the summary of proposal @id onto @cr.
 */
gboolean
l4a_proposal_render_summary (L4aStore    *store,
                             const char  *id,
                             cairo_t     *cr,
                             GError     **error)
{
  g_autoptr(L4aProposalEdit) edit = l4a_registry_load_proposal (store, id, error);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *government = NULL;
  g_autofree char *country = NULL;
  g_autofree char *call = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *line = NULL;
  g_autofree char *goals = NULL;
  Page page = { cr, NULL, MARGIN, FALSE };

  if (edit == NULL)
    return FALSE;

  government = l4a_store_lookup_text (store, "SELECT name FROM government WHERE id = ?1", edit->government_id);
  country = l4a_store_lookup_text (store, "SELECT country FROM government WHERE id = ?1", edit->government_id);
  call = l4a_store_lookup_text (store, "SELECT title FROM call WHERE id = ?1", edit->call_id);
  sample = l4a_store_lookup_text (store, "SELECT sample FROM proposal WHERE id = ?1", id);
  checks = l4a_proposal_check_features (store, edit);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.11, 0.31, 0.55);
  cairo_rectangle (cr, 0, 0, L4A_SUMMARY_WIDTH, 8);
  cairo_fill (cr);

  layout = pango_cairo_create_layout (cr);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  page.layout = layout;

  cairo_set_source_rgb (cr, 0.11, 0.31, 0.55);
  write_text (&page, "Sans Bold 9", _("Local4Action HUBs · proposal summary"), 0, 6);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.16);
  write_text (&page, "Sans Bold 18", l4a_text_is_blank (edit->title) ? _("Untitled proposal") : edit->title, 0, 4);

  /* translators: the lead government and country, the call, the state and the version of a proposal */
  line = g_strdup_printf (_("%s (%s) · %s · %s, version %d"),
                          government ? government : "?",
                          l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country),
                          call ? call : "?", l4a_proposal_state_label (edit->state), edit->version);
  write_text (&page, "Sans 10", line, 0, 4);
  if (g_strcmp0 (sample, "1") == 0)
    write_text (&page, "Sans Italic 9", _("Illustrative sample data, not an official record."), 0, 4);

  g_clear_pointer (&line, g_free);
  goals = l4a_sdgs_to_string (edit->sdgs);
  {
    g_autofree char *period = l4a_format_period (edit->start, edit->end);
    /* translators: a proposal's time frame, topic and SDG goals */
    line = g_strdup_printf (_("Time frame: %s · Topic: %s · SDG: %s"), period,
                            edit->topic ? edit->topic : "", *goals ? goals : "—");
  }
  write_text (&page, "Sans 10", line, 0, 12);

  if (!l4a_text_is_blank (edit->summary))
    write_text (&page, "Sans 10", edit->summary, 0, 12);

  write_text (&page, "Sans Bold 12", _("The six key features"), 0, 4);
  for (guint i = 0; i < checks->len; i++)
    {
      L4aFeatureCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *text = g_strdup_printf ("%s  %s: %s", check->passed ? "✓" : "✗", check->label, check->reason);

      if (check->passed)
        cairo_set_source_rgb (cr, 0.11, 0.45, 0.22);
      else
        cairo_set_source_rgb (cr, 0.65, 0.11, 0.18);
      write_text (&page, "Sans 9.5", text, 8, 2);
    }
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.16);
  page.y += 10;

  if (edit->deliverables->len > 0)
    {
      write_text (&page, "Sans Bold 12", _("Deliverables"), 0, 4);
      for (guint i = 0; i < edit->deliverables->len; i++)
        {
          L4aDeliverableEdit *d = g_ptr_array_index (edit->deliverables, i);
          g_autofree char *due = l4a_format_date (d->due);
          g_autofree char *text = g_strdup_printf ("• %s — %s", d->title ? d->title : "", due ? due : "");

          write_text (&page, "Sans 9.5", text, 8, 2);
        }
      page.y += 10;
    }

  if (edit->indicators->len > 0)
    {
      write_text (&page, "Sans Bold 12", _("Planned indicators"), 0, 4);
      for (guint i = 0; i < edit->indicators->len; i++)
        {
          L4aPlannedIndicator *ind = g_ptr_array_index (edit->indicators, i);
          /* translators: an indicator's code and name, then its baseline and target */
          g_autofree char *text = g_strdup_printf (_("• %s %s: from %s to %s %s"), ind->code, ind->name,
                                                   ind->baseline ? ind->baseline : "?",
                                                   ind->target ? ind->target : "?", ind->unit ? ind->unit : "");

          write_text (&page, "Sans 9.5", text, 8, 2);
        }
      page.y += 10;
    }

  if (edit->partners->len > 0)
    {
      g_autoptr(GString) partners = g_string_new (NULL);

      write_text (&page, "Sans Bold 12", _("Partners"), 0, 4);
      for (guint i = 0; i < edit->partners->len; i++)
        {
          L4aPartnerEdit *p = g_ptr_array_index (edit->partners, i);
          g_string_append_printf (partners, "%s%s%s%s%s", i ? "; " : "", p->name,
                                  p->role && *p->role ? " (" : "", p->role ? p->role : "",
                                  p->role && *p->role ? ")" : "");
        }
      write_text (&page, "Sans 9.5", partners->str, 8, 10);
    }

  if (!l4a_text_is_blank (edit->communication))
    {
      write_text (&page, "Sans Bold 12", _("Communication strategy"), 0, 4);
      write_text (&page, "Sans 9.5", edit->communication, 8, 10);
    }

  /* Footer: where it comes from. */
  {
    g_autofree char *now = l4a_now_iso8601 ();
    /* translators: %s is a date and time */
    g_autofree char *footer = g_strdup_printf (_("Printed by Local4Action Hubs on %s"), now);
    PangoFontDescription *small = pango_font_description_from_string ("Sans 7");

    pango_layout_set_font_description (layout, small);
    pango_font_description_free (small);
    pango_layout_set_text (layout, footer, -1);
    cairo_set_source_rgb (cr, 0.4, 0.4, 0.45);
    cairo_move_to (cr, MARGIN, L4A_SUMMARY_HEIGHT - MARGIN + 16);
    pango_cairo_show_layout (cr, layout);
  }

  cairo_restore (cr);
  return TRUE;
}

/**
 * l4a_proposal_write_summary:
 *
 * Writes the summary as a one-page PDF at @path, beside it first and
 * renamed into place, so that a failure never leaves half a file.
 */
typedef struct
{
  L4aStore   *store;
  const char *id;
} Drawing;

static gboolean
draw_summary (cairo_t   *cr,
              gpointer   data,
              GError   **error)
{
  Drawing *drawing = data;

  return l4a_proposal_render_summary (drawing->store, drawing->id, cr, error);
}

gboolean
l4a_proposal_write_summary (L4aStore    *store,
                            const char  *id,
                            const char  *path,
                            GError     **error)
{
  Drawing drawing = { store, id };

  return l4a_pdf_write (path, L4A_SUMMARY_WIDTH, L4A_SUMMARY_HEIGHT, NULL, draw_summary, &drawing, error);
}
