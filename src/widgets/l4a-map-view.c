/* l4a-map-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "l4a-hub.h"
#include "l4a-map.h"
#include "l4a-map-view.h"
#include "l4a-reference.h"

/* The network on a world map: a marker at each lead government's place
 * (the middle of its country when it has none), sized by its hubs and
 * coloured by world region; markers that would overlap at this zoom are
 * grouped, with their number of hubs written inside. Hover names the place
 * and its hubs; a click or Enter on a country's marker chooses the country,
 * on a group over several countries zooms in to part them; drag, scroll,
 * pinch and the keyboard pan and zoom. The drawing itself is the core's,
 * onto cairo. */

struct _L4aMapView
{
  GtkWidget      parent_instance;

  L4aMapCamera   camera;        /* where the map looks */

  GPtrArray     *places;        /* of L4aPlaceCount */
  GArray        *markers;       /* of L4aMapMarker, one per place, borrowing from places */
  GHashTable    *place_index;   /* government id → index in markers + 1 */
  GHashTable    *by_country;    /* code → hubs, as GUINT_TO_POINTER */
  guint          n_unplaced;    /* hubs with no place the map can show */

  GArray        *groups;        /* of L4aMapMarker: markers grouped at grouped_* */
  guint         *group_of;      /* for each marker, its group */
  double         grouped_zoom;
  int            grouped_width;
  int            grouped_height;

  char          *hovered;       /* the country under the pointer */
  char          *selected;
  int            focused;       /* the place moved to with the keyboard, or -1 */
  double         drag_center_x;
  double         drag_center_y;
  double         zoom_begin;
  GPtrArray     *links;       /* lead governments, two by two: the hubs linked */
  L4aHubQuery   *query;       /* the hubs shown, asked for names on hover */
  gboolean       any_country;
};

G_DEFINE_FINAL_TYPE (L4aMapView, l4a_map_view, GTK_TYPE_WIDGET)

enum {
  COUNTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forget_groups (L4aMapView *self)
{
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->group_of, g_free);
}

/* The markers grouped for the current zoom and size, computed again only
 * when one of them changed (panning keeps them). */
static GArray *
ensure_groups (L4aMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = MAX (gtk_widget_get_width (widget), 1), height = MAX (gtk_widget_get_height (widget), 1);

  if (self->groups != NULL && self->grouped_zoom == self->camera.zoom && self->grouped_width == width &&
      self->grouped_height == height)
    return self->groups;

  forget_groups (self);
  self->group_of = g_new0 (guint, MAX (self->markers->len, 1));
  self->groups = l4a_map_cluster (&self->camera, width, height, (const L4aMapMarker *) (gpointer) self->markers->data,
                                  self->markers->len, self->group_of);
  self->grouped_zoom = self->camera.zoom;
  self->grouped_width = width;
  self->grouped_height = height;
  return self->groups;
}

static int
place_of (L4aMapView *self,
          const char *government_id)
{
  gpointer found = government_id ? g_hash_table_lookup (self->place_index, government_id) : NULL;

  return found ? GPOINTER_TO_INT (found) - 1 : -1;
}

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              L4aRgb     *rgb)
{
  GdkRGBA color;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    return FALSE;
G_GNUC_END_IGNORE_DEPRECATIONS

  rgb->red = color.red;
  rgb->green = color.green;
  rgb->blue = color.blue;
  return TRUE;
}

static void
mix (L4aRgb       *out,
     const L4aRgb *a,
     const L4aRgb *b,
     double        t)
{
  out->red = a->red * (1 - t) + b->red * t;
  out->green = a->green * (1 - t) + b->green * t;
  out->blue = a->blue * (1 - t) + b->blue * t;
}

/* The map's colours from the theme, so that light, dark and high contrast
 * all hold. */
static void
compute_style (L4aMapView  *self,
               L4aMapStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  L4aRgb bg = { 0.98, 0.98, 0.98 }, fg = { 0.2, 0.2, 0.2 }, accent = { 0.11, 0.44, 0.85 };

  lookup_color (widget, "view_bg_color", &bg);
  lookup_color (widget, "view_fg_color", &fg);
  lookup_color (widget, "accent_color", &accent);

  style->dark = l4a_rgb_relative_luminance (&bg) < 0.3;
  style->background = bg;
  mix (&style->land, &bg, &fg, 0.13);
  mix (&style->border, &bg, &fg, 0.35);
  mix (&style->highlight, &bg, &accent, 0.45);
  style->outline = bg;
  style->text = fg;
  style->legend = FALSE;   /* the legend is beside the map, in widgets */
}

static void
accent_of (GtkWidget *widget,
           GdkRGBA   *accent)
{
  L4aRgb rgb;

  *accent = (GdkRGBA) { 0.11, 0.44, 0.85, 1 };
  if (lookup_color (widget, "accent_color", &rgb))
    *accent = (GdkRGBA) { rgb.red, rgb.green, rgb.blue, 1 };
}

static void
l4a_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  L4aMapView *self = L4A_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GArray *groups;
  L4aMapStyle style;
  GdkRGBA accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  groups = ensure_groups (self);
  compute_style (self, &style);
  accent_of (widget, &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  l4a_map_render (cr, width, height, &self->camera, &style, NULL, 0, self->hovered ? self->hovered : self->selected);

  /* links between hubs: an arc from one marker to the other */
  if (self->links != NULL && self->links->len >= 2)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.7);
      cairo_set_line_width (cr, 2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (guint i = 0; i + 1 < self->links->len; i += 2)
        {
          int a = place_of (self, g_ptr_array_index (self->links, i));
          int b = place_of (self, g_ptr_array_index (self->links, i + 1));
          const L4aMapMarker *from, *to;
          double ax, ay, bx, by;

          if (a < 0 || b < 0 || self->group_of[a] == self->group_of[b])
            continue;
          from = &g_array_index (groups, L4aMapMarker, self->group_of[a]);
          to = &g_array_index (groups, L4aMapMarker, self->group_of[b]);
          l4a_map_to_pixels (&self->camera, width, height, from->x, from->y, &ax, &ay);
          l4a_map_to_pixels (&self->camera, width, height, to->x, to->y, &bx, &by);
          /* bowed upwards by a fifth of its length, as flight paths are drawn */
          cairo_move_to (cr, ax, ay);
          cairo_curve_to (cr, ax + (bx - ax) / 3, ay + (by - ay) / 3 - hypot (bx - ax, by - ay) / 5,
                          ax + 2 * (bx - ax) / 3, ay + 2 * (by - ay) / 3 - hypot (bx - ax, by - ay) / 5, bx, by);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  /* the markers over the links */
  l4a_map_render_markers (cr, width, height, &self->camera, &style,
                          (const L4aMapMarker *) (gpointer) groups->data, groups->len);

  if (self->focused >= 0 && (guint) self->focused < self->markers->len && gtk_widget_has_visible_focus (widget))
    {
      const L4aMapMarker *group = &g_array_index (groups, L4aMapMarker, self->group_of[self->focused]);
      double px, py;

      l4a_map_to_pixels (&self->camera, width, height, group->x, group->y, &px, &py);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_arc (cr, px, py, l4a_map_marker_radius (group->count) + 4, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

/* the first hubs' names, one a line, and whether there are more */
static void
append_names (GString   *text,
              GPtrArray *names,
              guint      count)
{
  for (guint i = 0; names != NULL && i < names->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (names, i));
  if (names != NULL && count > names->len)
    /* translators: more hubs than the tooltip lists */
    g_string_append_printf (text, "\n%s", _("and more"));
}

/**
 * l4a_map_view_describe:
 *
 * Returns: (transfer full) (nullable): the country's name and its hubs, as
 *   the tooltip says them
 */
char *
l4a_map_view_describe (L4aMapView *self,
                       const char *country)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  guint count;

  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), NULL);

  if (country == NULL)
    return NULL;

  name = l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_country, country));
  if (count == 0)
    /* translators: a country with no hub */
    return g_strdup_printf (_("%s: no hubs"), name);

  text = g_string_new (NULL);
  /* translators: a country and how many hubs it has, e.g. “Spain: 2 hubs” */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u hub", "%s: %u hubs", count), name, count);
  names = self->query ? l4a_hub_query_dup_names (self->query, country, self->any_country, 8) : NULL;
  append_names (text, names, count);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_country_names (gconstpointer a,
                       gconstpointer b)
{
  guint x = l4a_reference_rank (L4A_REFERENCE_COUNTRIES, *(const char * const *) a);
  guint y = l4a_reference_rank (L4A_REFERENCE_COUNTRIES, *(const char * const *) b);

  return (x > y) - (x < y);
}

/* What a marker holds, as its tooltip says it: a government's place, a
 * group within one country, or a group over several. */
static char *
describe_group (L4aMapView *self,
                guint       index)
{
  const L4aMapMarker *group = &g_array_index (ensure_groups (self), L4aMapMarker, index);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = NULL;
  L4aPlaceCount *first = NULL;

  for (guint i = 0; i < self->markers->len; i++)
    if (self->group_of[i] == index)
      {
        L4aPlaceCount *place = g_ptr_array_index (self->places, i);

        first = first ? first : place;
        g_ptr_array_add (ids, place->government_id);
        if (!g_ptr_array_find_with_equal_func (countries, place->country, g_str_equal, NULL))
          g_ptr_array_add (countries, place->country);
      }
  g_ptr_array_add (ids, NULL);
  if (first == NULL)
    return NULL;

  if (group->n_places == 1)
    /* translators: a lead government, its country and how many hubs it leads, e.g. “Kazan, Russia: 1 hub” */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s, %s: %u hub", "%s, %s: %u hubs", group->count),
                            first->government, l4a_reference_translate (L4A_REFERENCE_COUNTRIES, first->country),
                            group->count);
  else if (group->country != NULL)
    /* translators: a country and how many hubs of a group of nearby places it has, e.g. “Spain: 2 hubs” */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u hub", "%s: %u hubs", group->count),
                            l4a_reference_translate (L4A_REFERENCE_COUNTRIES, group->country), group->count);
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      g_ptr_array_sort (countries, compare_country_names);
      for (guint i = 0; i < countries->len && i < 4; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "",
                                l4a_reference_translate (L4A_REFERENCE_COUNTRIES, g_ptr_array_index (countries, i)));
      if (countries->len > 4)
        g_string_append (names, ", …");
      /* translators: countries near each other on the map, then how many hubs they have, e.g. “France, Spain: 3 hubs” */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u hub", "%s: %u hubs", group->count),
                              names->str, group->count);
    }
  names = self->query ? l4a_hub_query_dup_names_led_by (self->query, (const char * const *) ids->pdata,
                                                        self->any_country, 8) : NULL;
  append_names (text, names, group->count);
  if (group->country == NULL)
    g_string_append_printf (text, "\n%s", _("Choose to zoom in and tell them apart."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
group_at (L4aMapView *self,
          double      x,
          double      y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GArray *groups = ensure_groups (self);

  return l4a_map_marker_at (&self->camera, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                            (const L4aMapMarker *) (gpointer) groups->data, groups->len, x, y);
}

static const char *
country_at (L4aMapView *self,
            double      x,
            double      y)
{
  GtkWidget *widget = GTK_WIDGET (self);

  return l4a_map_country_at (&self->camera, gtk_widget_get_width (widget), gtk_widget_get_height (widget), x, y);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  L4aMapView *self = L4A_MAP_VIEW (widget);
  g_autofree char *text = NULL;
  int group;

  if (keyboard)
    group = self->focused >= 0 ? (int) (ensure_groups (self), self->group_of[self->focused]) : -1;
  else
    group = group_at (self, x, y);
  if (group >= 0)
    text = describe_group (self, (guint) group);
  else if (!keyboard)
    text = l4a_map_view_describe (self, country_at (self, x, y));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hovered (L4aMapView *self,
             const char *code)
{
  if (g_strcmp0 (self->hovered, code) == 0)
    return;
  g_free (self->hovered);
  self->hovered = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           L4aMapView               *self)
{
  int group = group_at (self, x, y);

  set_hovered (self, group >= 0 ? g_array_index (self->groups, L4aMapMarker, group).country : country_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          L4aMapView               *self)
{
  set_hovered (self, NULL);
}

static void
activate_country (L4aMapView *self,
                  const char *code)
{
  if (code == NULL)
    return;
  l4a_map_view_set_selected (self, code);
  g_signal_emit (self, signals[COUNTRY_ACTIVATED], 0, code);
}

/* A marker within one country chooses the country; a group over several
 * zooms in on itself until its places part. */
static void
activate_group (L4aMapView *self,
                int         index)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const L4aMapMarker *group;

  if (index < 0)
    return;
  group = &g_array_index (ensure_groups (self), L4aMapMarker, index);
  if (group->country != NULL)
    {
      activate_country (self, group->country);
      return;
    }
  self->camera.center_x = group->x;
  self->camera.center_y = group->y;
  self->camera.zoom *= 2.5;
  l4a_map_camera_clamp (&self->camera);
  gtk_widget_queue_draw (widget);
  gtk_widget_trigger_tooltip_query (widget);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   L4aMapView      *self)
{
  int group = group_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (group >= 0)
    activate_group (self, group);
  else
    activate_country (self, country_at (self, x, y));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               L4aMapView     *self)
{
  self->drag_center_x = self->camera.center_x;
  self->drag_center_y = self->camera.center_y;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                L4aMapView     *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* A small move is still a click. */
  if (ABS (dx) < 4 && ABS (dy) < 4)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->camera.center_x = self->drag_center_x;
  self->camera.center_y = self->drag_center_y;
  l4a_map_camera_pan (&self->camera, gtk_widget_get_width (widget), gtk_widget_get_height (widget), dx, dy);
  gtk_widget_queue_draw (widget);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           L4aMapView               *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x = gtk_widget_get_width (widget) / 2.0, y = gtk_widget_get_height (widget) / 2.0;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (event != NULL)
    {
      double ex, ey;
      graphene_point_t point;

      if (gdk_event_get_position (event, &ex, &ey))
        {
          GtkNative *native = gtk_widget_get_native (widget);
          double nx = 0, ny = 0;

          gtk_native_get_surface_transform (native, &nx, &ny);
          if (gtk_widget_compute_point (GTK_WIDGET (native), widget,
                                        &GRAPHENE_POINT_INIT (ex - nx, ey - ny), &point))
            {
              x = point.x;
              y = point.y;
            }
        }
    }

  l4a_map_camera_zoom_at (&self->camera, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                        x, y, dy < 0 ? 1.25 : 0.8);
  gtk_widget_queue_draw (widget);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               L4aMapView       *self)
{
  self->zoom_begin = self->camera.zoom;
}

static void
zoom_changed_cb (GtkGestureZoom *gesture,
                 double          scale,
                 L4aMapView     *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  l4a_map_camera_zoom_at (&self->camera, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                        x, y, self->zoom_begin * scale / self->camera.zoom);
  gtk_widget_queue_draw (widget);
}

/* Moves the keyboard focus to the next or previous marker, west to east;
 * it stays on the same place while the zoom groups and parts markers. */
static void
step_focus (L4aMapView *self,
            int         step)
{
  GArray *groups = ensure_groups (self);
  guint n = groups->len;
  int index;

  if (n == 0)
    return;

  if (self->focused < 0 || (guint) self->focused >= self->markers->len)
    index = step > 0 ? 0 : (int) n - 1;
  else
    index = ((int) self->group_of[self->focused] + step + (int) n) % (int) n;

  /* the place of the group with the most hubs */
  self->focused = -1;
  for (guint i = 0; i < self->markers->len; i++)
    if (self->group_of[i] == (guint) index &&
        (self->focused < 0 ||
         g_array_index (self->markers, L4aMapMarker, i).count >
         g_array_index (self->markers, L4aMapMarker, self->focused).count))
      self->focused = (int) i;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                L4aMapView            *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      l4a_map_view_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      l4a_map_view_zoom (self, 0.8);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      l4a_map_camera_reset (&self->camera);
      gtk_widget_queue_draw (widget);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (shift)
        l4a_map_camera_pan (&self->camera, width, height, keyval == GDK_KEY_Left ? 40 : -40, 0);
      else
        step_focus (self, keyval == GDK_KEY_Left ? -1 : 1);
      gtk_widget_queue_draw (widget);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      l4a_map_camera_pan (&self->camera, width, height, 0, keyval == GDK_KEY_Up ? 40 : -40);
      gtk_widget_queue_draw (widget);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focused >= 0)
        activate_group (self, (int) (ensure_groups (self), self->group_of[self->focused]));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
style_changed_cb (AdwStyleManager *manager,
                  GParamSpec      *pspec,
                  L4aMapView      *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
l4a_map_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  /* as tall as the world is at this width, within reason */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      *minimum = 160;
      *natural = for_size > 0 ? CLAMP ((int) (for_size * 0.5), 160, 360) : 360;
    }
}

static GtkSizeRequestMode
l4a_map_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
l4a_map_view_dispose (GObject *object)
{
  L4aMapView *self = (L4aMapView *)object;

  g_clear_pointer (&self->links, g_ptr_array_unref);
  forget_groups (self);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->place_index, g_hash_table_unref);
  g_clear_pointer (&self->by_country, g_hash_table_unref);
  g_clear_pointer (&self->hovered, g_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (l4a_map_view_parent_class)->dispose (object);
}

static void
l4a_map_view_class_init (L4aMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_map_view_dispose;
  widget_class->snapshot = l4a_map_view_snapshot;
  widget_class->measure = l4a_map_view_measure;
  widget_class->get_request_mode = l4a_map_view_get_request_mode;

  signals[COUNTRY_ACTIVATED] =
    g_signal_new ("country-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
l4a_map_view_init (L4aMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->places = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_place_count_free);
  self->markers = g_array_new (FALSE, FALSE, sizeof (L4aMapMarker));
  self->place_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_country = g_hash_table_new (g_str_hash, g_str_equal);
  self->focused = -1;
  l4a_map_camera_reset (&self->camera);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the hubs"), -1);
}

GtkWidget *
l4a_map_view_new (void)
{
  return g_object_new (L4A_TYPE_MAP_VIEW, NULL);
}

/**
 * l4a_map_view_set_links:
 * @governments: (nullable): lead governments two by two, one pair per
 *   link between hubs
 *
 * Draws an arc between the markers of each pair.
 */
void
l4a_map_view_set_links (L4aMapView *self,
                        GPtrArray  *governments)
{
  g_return_if_fail (L4A_IS_MAP_VIEW (self));

  g_clear_pointer (&self->links, g_ptr_array_unref);
  if (governments != NULL)
    self->links = g_ptr_array_ref (governments);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
compare_by_country (gconstpointer a,
                    gconstpointer b)
{
  return compare_country_names (&(*(L4aPlaceCount * const *) a)->country, &(*(L4aPlaceCount * const *) b)->country);
}

/**
 * l4a_map_view_set_query:
 * @query: (nullable): the hubs to show
 * @any_country: whether to show every country, the query's country filter
 *   aside (so that another can be chosen)
 *
 * Shows a marker at each lead government's place, counted in SQLite.
 */
void
l4a_map_view_set_query (L4aMapView  *self,
                        L4aHubQuery *query,
                        gboolean     any_country)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *focused_id = NULL;
  const char *last_country = NULL;

  g_return_if_fail (L4A_IS_MAP_VIEW (self));
  g_return_if_fail (query == NULL || L4A_IS_HUB_QUERY (query));

  if (self->focused >= 0)
    focused_id = g_strdup (((L4aPlaceCount *) g_ptr_array_index (self->places, self->focused))->government_id);

  g_set_object (&self->query, query);
  self->any_country = any_country;
  forget_groups (self);
  g_array_set_size (self->markers, 0);
  g_hash_table_remove_all (self->place_index);
  g_hash_table_remove_all (self->by_country);
  self->n_unplaced = 0;
  g_ptr_array_unref (self->places);
  self->places = query ? l4a_hub_query_count_places (query, any_country)
                       : g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_place_count_free);
  g_ptr_array_sort (self->places, compare_by_country);

  for (guint i = 0; i < self->places->len; i++)
    {
      L4aPlaceCount *place = g_ptr_array_index (self->places, i);
      L4aMapMarker marker = { place->country, place->region, place->count, 1, 0, 0 };

      if (!l4a_map_locate (place->country, place->located, place->latitude, place->longitude, &marker.x, &marker.y))
        {
          /* a country the world map does not draw, and no place given */
          self->n_unplaced += place->count;
          g_ptr_array_remove_index (self->places, i--);
          continue;
        }
      g_array_append_val (self->markers, marker);
      g_hash_table_insert (self->place_index, place->government_id, GINT_TO_POINTER ((int) self->markers->len));
      g_hash_table_insert (self->by_country, place->country,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->by_country, place->country)) +
                                             place->count));
    }
  self->focused = place_of (self, focused_id);

  /* What the picture shows, for those who do not see it: the countries
   * and their hubs, by name. */
  for (guint i = 0; i < self->places->len; i++)
    {
      L4aPlaceCount *place = g_ptr_array_index (self->places, i);

      if (g_strcmp0 (place->country, last_country) == 0)
        continue;
      last_country = place->country;
      g_string_append_printf (description, "%s%s %u", description->len ? ", " : "",
                              l4a_reference_translate (L4A_REFERENCE_COUNTRIES, place->country),
                              GPOINTER_TO_UINT (g_hash_table_lookup (self->by_country, place->country)));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * l4a_map_view_get_n_markers:
 *
 * Returns: how many markers the map draws at its zoom and size, groups
 *   counted once
 */
guint
l4a_map_view_get_n_markers (L4aMapView *self)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  return ensure_groups (self)->len;
}

/**
 * l4a_map_view_get_n_places:
 *
 * Returns: how many lead governments' places the map shows
 */
guint
l4a_map_view_get_n_places (L4aMapView *self)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  return self->markers->len;
}

/**
 * l4a_map_view_get_n_unplaced:
 *
 * Returns: how many hubs the map cannot show: their lead government has no
 *   place and the world map does not draw its country
 */
guint
l4a_map_view_get_n_unplaced (L4aMapView *self)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  return self->n_unplaced;
}

/**
 * l4a_map_view_get_marker_count:
 *
 * Returns: how many hubs the map shows in @country
 */
guint
l4a_map_view_get_marker_count (L4aMapView *self,
                               const char *country)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  return country ? GPOINTER_TO_UINT (g_hash_table_lookup (self->by_country, country)) : 0;
}

/**
 * l4a_map_view_get_place:
 * @government_id: a lead government
 * @x: (out) (optional): where its marker is drawn, in the widget
 * @y: (out) (optional):
 *
 * Returns: how many hubs the marker that holds @government_id's place
 *   has (more than its own when grouped), or 0 when it is not shown
 */
guint
l4a_map_view_get_place (L4aMapView *self,
                        const char *government_id,
                        double     *x,
                        double     *y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int place = place_of (self, government_id);
  const L4aMapMarker *group;
  double px, py;

  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  if (place < 0)
    return 0;
  group = &g_array_index (ensure_groups (self), L4aMapMarker, self->group_of[place]);
  l4a_map_to_pixels (&self->camera, MAX (gtk_widget_get_width (widget), 1), MAX (gtk_widget_get_height (widget), 1),
                     group->x, group->y, &px, &py);
  if (x != NULL)
    *x = px;
  if (y != NULL)
    *y = py;
  return group->count;
}

/**
 * l4a_map_view_describe_place:
 *
 * Returns: (transfer full) (nullable): what the tooltip of the marker
 *   that holds @government_id's place says
 */
char *
l4a_map_view_describe_place (L4aMapView *self,
                             const char *government_id)
{
  int place;

  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), NULL);

  place = place_of (self, government_id);
  return place < 0 ? NULL : describe_group (self, (ensure_groups (self), self->group_of[place]));
}

/**
 * l4a_map_view_activate_place:
 *
 * Does what a click on the marker that holds @government_id's place does.
 */
void
l4a_map_view_activate_place (L4aMapView *self,
                             const char *government_id)
{
  int place;

  g_return_if_fail (L4A_IS_MAP_VIEW (self));

  place = place_of (self, government_id);
  if (place >= 0)
    activate_group (self, (int) (ensure_groups (self), self->group_of[place]));
}

/**
 * l4a_map_view_dup_regions:
 *
 * Returns: (transfer full) (element-type utf8): the world regions of the
 *   hubs shown, in the order of the regions' list, for a legend
 */
GPtrArray *
l4a_map_view_dup_regions (L4aMapView *self)
{
  const L4aReferenceEntry *regions;
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), shown);

  regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n);
  for (guint r = 0; r < n; r++)
    for (guint i = 0; i < self->markers->len; i++)
      if (g_strcmp0 (g_array_index (self->markers, L4aMapMarker, i).region, regions[r].code) == 0)
        {
          g_ptr_array_add (shown, g_strdup (regions[r].code));
          break;
        }
  return shown;
}

void
l4a_map_view_set_selected (L4aMapView *self,
                           const char *country)
{
  g_return_if_fail (L4A_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->selected, country) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (country);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
l4a_map_view_get_selected (L4aMapView *self)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), NULL);

  return self->selected;
}

/**
 * l4a_map_view_show_whole_world:
 *
 * Zooms out to the whole world, centred.
 */
void
l4a_map_view_show_whole_world (L4aMapView *self)
{
  g_return_if_fail (L4A_IS_MAP_VIEW (self));

  l4a_map_camera_reset (&self->camera);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
l4a_map_view_get_zoom (L4aMapView *self)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 1.0);

  return self->camera.zoom;
}

void
l4a_map_view_zoom (L4aMapView *self,
                   double      factor)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  g_return_if_fail (L4A_IS_MAP_VIEW (self));

  l4a_map_camera_zoom_at (&self->camera, MAX (width, 1), MAX (height, 1), width / 2.0, height / 2.0, factor);
  gtk_widget_queue_draw (widget);
}
