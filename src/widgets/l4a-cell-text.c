/* l4a-cell-text.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-cell-text"

#include "config.h"

#include "l4a-accessible.h"
#include "l4a-cell-text.h"

/**
 * L4aCellText:
 *
 * The text of a list's cell that many rows share: a region, a status, a
 * country. A list scrolled a page at a time binds each of its rows to
 * another record, and laying out the text again (shaping it) is most of
 * what drawing a row costs; cells of one column with the same words use
 * one layout, made once, from a table the column's cells share. Like a
 * GtkInscription, its size does not depend on its text (one line, about
 * @nat_chars wide), it is cut short at its end with an ellipsis, says
 * itself whole in a tooltip when cut, and its accessible name is its text.
 */
struct _L4aCellText
{
  GtkWidget   parent_instance;

  char       *text;
  guint       nat_chars;
  /* text → PangoLayout, the column's: its cells have the same style */
  GHashTable *shared;
};

G_DEFINE_FINAL_TYPE (L4aCellText, l4a_cell_text, GTK_TYPE_WIDGET)

#define MAX_SHARED 1024

static gboolean
same_font (PangoContext *a,
           PangoContext *b)
{
  return a == b ||
         (pango_font_description_equal (pango_context_get_font_description (a), pango_context_get_font_description (b)) &&
          pango_cairo_context_get_resolution (a) == pango_cairo_context_get_resolution (b));
}

static PangoLayout *
layout_of (L4aCellText *self)
{
  PangoLayout *layout;

  if (self->text == NULL || *self->text == '\0')
    return NULL;
  layout = g_hash_table_lookup (self->shared, self->text);
  /* made in another cell, whose font is no longer this one's (the text
   * was made larger, or that cell is gone and no longer follows it) */
  if (layout != NULL && !same_font (pango_layout_get_context (layout), gtk_widget_get_pango_context (GTK_WIDGET (self))))
    layout = NULL;
  if (layout == NULL)
    {
      /* a column of many different words keeps the last ones only */
      if (g_hash_table_size (self->shared) >= MAX_SHARED)
        g_hash_table_remove_all (self->shared);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      g_hash_table_replace (self->shared, g_strdup (self->text), layout);
    }
  /* every cell of the column is as wide: set once for all of them */
  if (pango_layout_get_width (layout) != gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE)
    pango_layout_set_width (layout, gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
  pango_layout_set_alignment (layout, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

static void
l4a_cell_text_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  L4aCellText *self = L4A_CELL_TEXT (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  /* from the font alone, never from the text */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int digit = pango_font_metrics_get_approximate_digit_width (metrics);
      int character = pango_font_metrics_get_approximate_char_width (metrics);

      *minimum = PANGO_PIXELS_CEIL (3 * MAX (digit, character));
      *natural = MAX (*minimum, PANGO_PIXELS_CEIL ((int) self->nat_chars * MAX (digit, character)));
    }
  else
    {
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);

      *minimum = *natural = PANGO_PIXELS_CEIL (ascent + descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (ascent);
    }
  pango_font_metrics_unref (metrics);
}

static void
l4a_cell_text_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  L4aCellText *self = L4A_CELL_TEXT (widget);
  PangoLayout *layout = layout_of (self);
  PangoRectangle logical;
  GdkRGBA color;

  if (layout == NULL)
    return;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, floorf ((gtk_widget_get_height (widget) -
                                                                      logical.height) / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
query_tooltip_cb (L4aCellText *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  PangoLayout *layout = layout_of (self);

  if (layout == NULL || !pango_layout_is_ellipsized (layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
l4a_cell_text_finalize (GObject *object)
{
  L4aCellText *self = L4A_CELL_TEXT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->shared, g_hash_table_unref);

  G_OBJECT_CLASS (l4a_cell_text_parent_class)->finalize (object);
}

static void
l4a_cell_text_class_init (L4aCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = l4a_cell_text_finalize;

  widget_class->measure = l4a_cell_text_measure;
  widget_class->snapshot = l4a_cell_text_snapshot;

  /* styled as the labels of the list are */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
l4a_cell_text_init (L4aCellText *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/**
 * l4a_cell_text_new_shared:
 *
 * Returns: a table of layouts for the cells of one column, given to each
 *   of them by l4a_cell_text_new()
 */
GHashTable *
l4a_cell_text_new_shared (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * l4a_cell_text_new:
 * @shared: the column's table of layouts (l4a_cell_text_new_shared())
 * @nat_chars: how many characters wide the cell would like to be
 */
GtkWidget *
l4a_cell_text_new (GHashTable *shared,
                   guint       nat_chars)
{
  L4aCellText *self;

  g_return_val_if_fail (shared != NULL, NULL);

  self = g_object_new (L4A_TYPE_CELL_TEXT, NULL);
  self->shared = g_hash_table_ref (shared);
  self->nat_chars = nat_chars;
  return GTK_WIDGET (self);
}

const char *
l4a_cell_text_get_text (L4aCellText *self)
{
  g_return_val_if_fail (L4A_IS_CELL_TEXT (self), NULL);

  return self->text;
}

/**
 * l4a_cell_text_set_text:
 *
 * Shows @text, laid out once for all the cells of the column that show it.
 */
void
l4a_cell_text_set_text (L4aCellText *self,
                        const char  *text)
{
  g_return_if_fail (L4A_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
}

/**
 * l4a_cell_text_new_for_column:
 * @shared: (nullable): the column's layouts (l4a_cell_text_new_shared()),
 *   for words many rows share; %NULL for texts each row has its own
 *   (names), each laid out in its own cell
 * @nat_chars: how many characters wide the cell would like to be
 *
 * Returns: the text cell of a table's column: an #L4aCellText, or an
 *   inscription (l4a_inscription_new_for_cell()); either is given its
 *   text by l4a_cell_text_show()
 */
GtkWidget *
l4a_cell_text_new_for_column (GHashTable *shared,
                              guint       nat_chars)
{
  if (shared != NULL)
    return l4a_cell_text_new (shared, nat_chars);
  return l4a_inscription_new_for_cell (nat_chars);
}

/**
 * l4a_cell_text_show:
 * @cell: a cell made by l4a_cell_text_new_for_column()
 *
 * Shows @text in @cell.
 */
void
l4a_cell_text_show (GtkWidget  *cell,
                    const char *text)
{
  if (L4A_IS_CELL_TEXT (cell))
    l4a_cell_text_set_text (L4A_CELL_TEXT (cell), text);
  else
    l4a_inscription_set_text (cell, text);
}
