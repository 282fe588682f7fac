/* l4a-chart-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart in the window: drawn by l4a_chart_draw() in the colours of the
 * light, dark or high-contrast style, with a tooltip giving the exact
 * value under the pointer. It takes keyboard focus; the arrow keys move
 * between points (Home and End to the first and last), the focused point
 * is ringed and its value becomes the accessible description, after the
 * chart's own.
 */

#define G_LOG_DOMAIN "l4a-chart-view"

#include "config.h"

#include <adwaita.h>

#include "l4a-chart-view.h"

struct _L4aChartView
{
  GtkWidget  parent_instance;

  L4aChart  *chart;
  int        focused;   /* index in the chart's hits, or -1 */
  int        hovered;
  char      *font;      /* the style's font name, kept for the style */
};

G_DEFINE_FINAL_TYPE (L4aChartView, l4a_chart_view, GTK_TYPE_WIDGET)

void
l4a_chart_view_get_style (L4aChartView  *self,
                          L4aChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *font = NULL;

  l4a_chart_style_init (style, adw_style_manager_get_dark (manager), adw_style_manager_get_high_contrast (manager));

  /* drawn on the card: its colours, so that outlines match what is under them */
  {
    GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
    GdkRGBA bg, fg;

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    if (gtk_style_context_lookup_color (context, "card_bg_color", &bg) && bg.alpha > 0.9)
      {
        style->bg[0] = bg.red;
        style->bg[1] = bg.green;
        style->bg[2] = bg.blue;
      }
    if (gtk_style_context_lookup_color (context, "card_fg_color", &fg))
      {
        style->fg[0] = fg.red;
        style->fg[1] = fg.green;
        style->fg[2] = fg.blue;
      }
    G_GNUC_END_IGNORE_DEPRECATIONS
  }
  style->transparent = TRUE;
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font, NULL);
  /* the style keeps a pointer: keep the name with the widget */
  g_free (self->font);
  self->font = g_steal_pointer (&font);
  style->font = self->font;
}

static void
update_description (L4aChartView *self)
{
  g_autofree char *point = l4a_chart_view_describe_focused (self);
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return;
  text = point ? g_strdup_printf ("%s %s", self->chart->description ? self->chart->description : "", point)
               : g_strdup (self->chart->description ? self->chart->description : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->chart->title ? self->chart->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
l4a_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  L4aChartView *self = L4A_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  L4aChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  l4a_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  l4a_chart_draw (self->chart, cr, width, height, &style);
  if (self->focused >= (int) self->chart->hits->len)
    self->focused = self->chart->hits->len ? (int) self->chart->hits->len - 1 : -1;

  /* the focused point, ringed; the hovered one, marked */
  for (int k = 0; k < 2; k++)
    {
      int index = k == 0 ? self->hovered : (gtk_widget_has_focus (widget) ? self->focused : -1);
      L4aChartHit *hit;

      if (index < 0 || index >= (int) self->chart->hits->len)
        continue;
      hit = &g_array_index (self->chart->hits, L4aChartHit, index);
      cairo_set_source_rgb (cr, style.fg[0], style.fg[1], style.fg[2]);
      cairo_set_line_width (cr, k == 0 ? 1.5 : 2.5);
      if (hit->right - hit->left > 16 || hit->bottom - hit->top > 16)
        cairo_rectangle (cr, hit->left - 3, hit->top - 3, hit->right - hit->left + 6, hit->bottom - hit->top + 6);
      else
        cairo_arc (cr, hit->x, hit->y, 9, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  L4aChartView *self)
{
  g_autofree char *text = NULL;
  int hit;

  if (self->chart == NULL)
    return FALSE;
  hit = keyboard ? self->focused : l4a_chart_hit_at (self->chart, x, y, 12);
  if (hit < 0)
    return FALSE;
  text = l4a_chart_describe_hit (self->chart, (guint) hit);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           L4aChartView             *self)
{
  int hit = self->chart ? l4a_chart_hit_at (self->chart, x, y, 12) : -1;

  if (hit != self->hovered)
    {
      self->hovered = hit;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *motion,
          L4aChartView             *self)
{
  self->hovered = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * l4a_chart_view_move_focus:
 * @delta: points to move by; G_MININT for the first, G_MAXINT for the last
 */
void
l4a_chart_view_move_focus (L4aChartView *self,
                           int           delta)
{
  int n;

  g_return_if_fail (L4A_IS_CHART_VIEW (self));

  n = self->chart ? (int) self->chart->hits->len : 0;
  if (n == 0)
    return;
  if (delta == G_MININT)
    self->focused = 0;
  else if (delta == G_MAXINT)
    self->focused = n - 1;
  else
    self->focused = CLAMP (self->focused < 0 ? 0 : self->focused + delta, 0, n - 1);
  update_description (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                L4aChartView          *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      l4a_chart_view_move_focus (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      l4a_chart_view_move_focus (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      l4a_chart_view_move_focus (self, G_MININT);
      return TRUE;
    case GDK_KEY_End:
      l4a_chart_view_move_focus (self, G_MAXINT);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (L4aChartView *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focused < 0)
    l4a_chart_view_move_focus (self, G_MININT);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (L4aChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            L4aChartView    *self)
{
  int hit = self->chart ? l4a_chart_hit_at (self->chart, x, y, 12) : -1;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit >= 0)
    {
      self->focused = hit;
      update_description (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

int
l4a_chart_view_get_focused (L4aChartView *self)
{
  g_return_val_if_fail (L4A_IS_CHART_VIEW (self), -1);

  return self->focused;
}

/**
 * l4a_chart_view_describe_focused:
 *
 * Returns: (transfer full) (nullable): the focused point, in words
 */
char *
l4a_chart_view_describe_focused (L4aChartView *self)
{
  g_return_val_if_fail (L4A_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || self->focused < 0 || self->focused >= (int) self->chart->hits->len)
    return NULL;
  return l4a_chart_describe_hit (self->chart, (guint) self->focused);
}

/**
 * l4a_chart_view_set_chart:
 * @chart: (transfer full) (nullable): the chart to show
 */
void
l4a_chart_view_set_chart (L4aChartView *self,
                          L4aChart     *chart)
{
  g_return_if_fail (L4A_IS_CHART_VIEW (self));

  g_clear_pointer (&self->chart, l4a_chart_free);
  self->chart = chart;
  self->focused = -1;
  self->hovered = -1;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

L4aChart *
l4a_chart_view_get_chart (L4aChartView *self)
{
  g_return_val_if_fail (L4A_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

GtkWidget *
l4a_chart_view_new (void)
{
  return g_object_new (L4A_TYPE_CHART_VIEW, NULL);
}

static void
l4a_chart_view_dispose (GObject *object)
{
  L4aChartView *self = (L4aChartView *)object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, l4a_chart_free);

  g_clear_pointer (&((L4aChartView *) object)->font, g_free);

  G_OBJECT_CLASS (l4a_chart_view_parent_class)->dispose (object);
}

static void
l4a_chart_view_class_init (L4aChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_chart_view_dispose;
  widget_class->snapshot = l4a_chart_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
l4a_chart_view_init (L4aChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focused = -1;
  self->hovered = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 220);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
