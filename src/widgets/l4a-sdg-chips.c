/* l4a-sdg-chips.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-sdg-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-color.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-sdg-chips.h"

/* The SDG goals of a record as small chips: the goal number on the goal's
 * official colour (the project's own drawing, not the UN icons). One widget
 * draws them all, so a list of many hubs stays light. */
struct _L4aSdgChips
{
  GtkWidget  parent_instance;

  guint        sdgs;
  /* in a list's cell: a size that does not depend on the goals */
  gboolean     for_cell;
  /* each goal's number as drawn, kept while the style stays (a row of the
   * table draws again at each scroll, with another hub's goals) */
  PangoLayout *numbers[L4A_N_SDGS + 1];
};

G_DEFINE_FINAL_TYPE (L4aSdgChips, l4a_sdg_chips, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SDGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CHIP_WIDTH 26
#define CHIP_HEIGHT 20
#define CHIP_SPACING 3

static guint
count_goals (guint sdgs)
{
  guint n = 0;

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    n += (sdgs >> goal) & 1;
  return n;
}

/* The goals' names, made when the tooltip is about to show: a tooltip set
 * each time a row of a long list is bound asks the display where the
 * pointer is, a round trip per row while scrolling. */
static gboolean
query_tooltip_cb (L4aSdgChips *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (self->sdgs & (1u << goal))
      {
        /* translators: an SDG goal's number and name, e.g. “11 Sustainable Cities and Communities” */
        g_string_append_printf (text, "%s%u %s", text->len ? "\n" : "", goal,
                                l4a_reference_translate (L4A_REFERENCE_SDGS, l4a_reference_sdg (goal)->code));
      }
  if (text->len == 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
update_accessible (L4aSdgChips *self)
{
  g_autofree char *goals = l4a_sdgs_to_string (self->sdgs);
  g_autofree char *label = NULL;

  /* translators: %s is a list of SDG goal numbers */
  label = self->sdgs ? g_strdup_printf (_("Sustainable Development Goals %s"), goals) : g_strdup (_("No SDG goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
l4a_sdg_chips_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  L4aSdgChips *self = L4A_SDG_CHIPS (widget);
  guint n = count_goals (self->sdgs);

  /* a row scrolled into view with other goals is then not measured again,
   * nor the table and the window with it: the column gives the width */
  if (self->for_cell)
    {
      *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 0 : CHIP_HEIGHT;
      *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? CHIP_WIDTH : CHIP_HEIGHT;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = n ? (int) (n * CHIP_WIDTH + (n - 1) * CHIP_SPACING) : 0;
  else
    *minimum = *natural = n ? CHIP_HEIGHT : 0;
}

static PangoLayout *
number_layout (L4aSdgChips *self,
               guint        goal)
{
  if (self->numbers[goal] == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%u", goal);
      PangoAttrList *attrs = pango_attr_list_new ();

      self->numbers[goal] = gtk_widget_create_pango_layout (GTK_WIDGET (self), number);
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (self->numbers[goal], attrs);
      pango_attr_list_unref (attrs);
    }
  return self->numbers[goal];
}

static void
forget_layouts (L4aSdgChips *self)
{
  for (guint goal = 0; goal <= L4A_N_SDGS; goal++)
    g_clear_object (&self->numbers[goal]);
}

static void
l4a_sdg_chips_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (l4a_sdg_chips_parent_class)->css_changed (widget, change);
  forget_layouts (L4A_SDG_CHIPS (widget));
}

static void
l4a_sdg_chips_dispose (GObject *object)
{
  forget_layouts (L4A_SDG_CHIPS (object));
  G_OBJECT_CLASS (l4a_sdg_chips_parent_class)->dispose (object);
}

/* One chip at @x: its fill, and its text centred on it. */
static void
draw_chip (GtkSnapshot   *snapshot,
           float          x,
           float          y,
           const GdkRGBA *fill,
           PangoLayout   *layout,
           const GdkRGBA *ink)
{
  GskRoundedRect rect;
  int text_width, text_height;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, CHIP_WIDTH, CHIP_HEIGHT), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, fill, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + (CHIP_WIDTH - text_width) / 2.0f,
                                                          y + (CHIP_HEIGHT - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, ink);
  gtk_snapshot_restore (snapshot);
}

static void
l4a_sdg_chips_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  L4aSdgChips *self = L4A_SDG_CHIPS (widget);
  int height = gtk_widget_get_height (widget);
  float y = (height - CHIP_HEIGHT) / 2.0f;
  float x = 0;
  guint n = count_goals (self->sdgs);
  guint room = n;
  guint drawn = 0;

  /* in a cell narrower than the goals, whole chips only, the last of
   * them saying how many more there are (the tooltip names them) */
  if (self->for_cell)
    {
      room = (guint) MAX (0, (gtk_widget_get_width (widget) + CHIP_SPACING) / (CHIP_WIDTH + CHIP_SPACING));
      if (n > room && room > 0)
        room--;
    }

  for (guint goal = 1; goal <= L4A_N_SDGS && drawn < room; goal++)
    {
      const L4aReferenceEntry *entry;
      L4aRgb rgb;
      GdkRGBA fill, ink;

      if (!(self->sdgs & (1u << goal)))
        continue;

      entry = l4a_reference_sdg (goal);
      if (entry == NULL || !l4a_rgb_parse_hex (entry->colour, &rgb))
        continue;

      fill = (GdkRGBA) { rgb.red, rgb.green, rgb.blue, 1.0 };
      ink = l4a_rgb_prefers_dark_text (&rgb) ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
      draw_chip (snapshot, x, y, &fill, number_layout (self, goal), &ink);
      x += CHIP_WIDTH + CHIP_SPACING;
      drawn++;
    }

  if (drawn < n && self->for_cell && gtk_widget_get_width (widget) >= CHIP_WIDTH)
    {
      /* translators: on a chip after the SDG goals a table's column has
       * room for: how many more goals the hub has, e.g. “+3” */
      g_autofree char *more = g_strdup_printf (_("+%u"), n - drawn);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, more);
      GdkRGBA ink, fill;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
      fill = ink;
      fill.alpha *= 0.15f;
      draw_chip (snapshot, x, y, &fill, layout, &ink);
    }
}

static void
l4a_sdg_chips_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  L4aSdgChips *self = L4A_SDG_CHIPS (object);

  switch (prop_id)
    {
    case PROP_SDGS:
      g_value_set_uint (value, self->sdgs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_sdg_chips_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  L4aSdgChips *self = L4A_SDG_CHIPS (object);

  switch (prop_id)
    {
    case PROP_SDGS:
      l4a_sdg_chips_set_sdgs (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_sdg_chips_class_init (L4aSdgChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_sdg_chips_dispose;
  object_class->get_property = l4a_sdg_chips_get_property;
  object_class->set_property = l4a_sdg_chips_set_property;

  widget_class->css_changed = l4a_sdg_chips_css_changed;
  widget_class->measure = l4a_sdg_chips_measure;
  widget_class->snapshot = l4a_sdg_chips_snapshot;

  properties[PROP_SDGS] =
    g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sdgchips");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
l4a_sdg_chips_init (L4aSdgChips *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  update_accessible (self);
}

GtkWidget *
l4a_sdg_chips_new (void)
{
  return g_object_new (L4A_TYPE_SDG_CHIPS, NULL);
}

/**
 * l4a_sdg_chips_new_for_cell:
 *
 * Chips for a list's cell, whose column gives the width: their size does
 * not depend on the goals shown (a chip's height, even with none), so
 * that a row bound to another hub as the list scrolls is drawn again but
 * not measured again. It draws whole chips only: when the column has no
 * room for every goal, the last chip says how many more (“+3”); the
 * tooltip and the accessible name give every goal.
 */
GtkWidget *
l4a_sdg_chips_new_for_cell (void)
{
  L4aSdgChips *self = g_object_new (L4A_TYPE_SDG_CHIPS, NULL);

  self->for_cell = TRUE;
  return GTK_WIDGET (self);
}

guint
l4a_sdg_chips_get_sdgs (L4aSdgChips *self)
{
  g_return_val_if_fail (L4A_IS_SDG_CHIPS (self), 0);

  return self->sdgs;
}

void
l4a_sdg_chips_set_sdgs (L4aSdgChips *self,
                        guint        sdgs)
{
  g_return_if_fail (L4A_IS_SDG_CHIPS (self));

  if (self->sdgs == sdgs)
    return;

  self->sdgs = sdgs;
  update_accessible (self);
  if (self->for_cell)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SDGS]);
}
