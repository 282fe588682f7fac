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

/* The network on a world map: one marker per country with hubs, sized by
 * their number and coloured by world region. Hover names the country and its
 * hubs; a click or Enter chooses the country; drag, scroll, pinch and the
 * keyboard pan and zoom. The drawing itself is the core's, onto cairo. */

typedef struct
{
  char      *country;
  char      *region;
  guint      count;
} CountryHubs;

struct _L4aMapView
{
  GtkWidget      parent_instance;

  L4aMapCamera   camera;        /* where the map looks */

  GHashTable    *by_country;  /* code → CountryHubs */
  GArray        *markers;     /* of L4aMapMarker, borrowing from by_country */
  char          *hovered;
  char          *selected;
  char          *focused;     /* marker moved to with the keyboard */
  double         drag_center_x;
  double         drag_center_y;
  double         zoom_begin;
  GPtrArray     *links;       /* country codes, two by two: the hubs linked */
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
country_hubs_free (gpointer data)
{
  CountryHubs *entry = data;

  g_free (entry->country);
  g_free (entry->region);
  g_free (entry);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const L4aMapMarker *) a)->country, ((const L4aMapMarker *) b)->country);
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
  style->legend = TRUE;
}

static void
l4a_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  L4aMapView *self = L4A_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  L4aMapStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  compute_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  l4a_map_render (cr, width, height, &self->camera,
                  &style, (const L4aMapMarker *) (gpointer) self->markers->data, self->markers->len,
                  self->hovered ? self->hovered : self->selected);

  /* links between hubs: an arc from one country's marker to the other's */
  if (self->links != NULL && self->links->len >= 2)
    {
      GdkRGBA accent = { 0.11, 0.44, 0.85, 1 };
      L4aRgb rgb;

      if (lookup_color (widget, "accent_color", &rgb))
        accent = (GdkRGBA) { rgb.red, rgb.green, rgb.blue, 1 };
      cairo_save (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.7);
      cairo_set_line_width (cr, 2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (guint i = 0; i + 1 < self->links->len; i += 2)
        {
          double ax, ay, bx, by;

          if (!l4a_map_marker_position (&self->camera, width, height, g_ptr_array_index (self->links, i), &ax, &ay) ||
              !l4a_map_marker_position (&self->camera, width, height, g_ptr_array_index (self->links, i + 1), &bx,
                                        &by) ||
              (ax == bx && ay == by))
            continue;
          /* bowed upwards by a fifth of its length, as flight paths are drawn */
          cairo_move_to (cr, ax, ay);
          cairo_curve_to (cr, ax + (bx - ax) / 3, ay + (by - ay) / 3 - hypot (bx - ax, by - ay) / 5,
                          ax + 2 * (bx - ax) / 3, ay + 2 * (by - ay) / 3 - hypot (bx - ax, by - ay) / 5, bx, by);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  if (self->focused && gtk_widget_has_visible_focus (widget))
    {
      double px, py;
      const L4aMapMarker *markers = (const L4aMapMarker *) (gpointer) self->markers->data;

      for (guint i = 0; i < self->markers->len; i++)
        if (g_str_equal (markers[i].country, self->focused) &&
            l4a_map_marker_position (&self->camera, width, height, self->focused, &px, &py))
          {
            GdkRGBA accent = { 0.11, 0.44, 0.85, 1 };
            L4aRgb rgb;

            if (lookup_color (widget, "accent_color", &rgb))
              accent = (GdkRGBA) { rgb.red, rgb.green, rgb.blue, 1 };
            cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
            cairo_set_line_width (cr, 2.5);
            cairo_arc (cr, px, py, l4a_map_marker_radius (markers[i].count) + 4, 0, 2 * G_PI);
            cairo_stroke (cr);
          }
    }

  cairo_destroy (cr);
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
  CountryHubs *entry;
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), NULL);

  if (country == NULL)
    return NULL;

  name = l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country);
  entry = g_hash_table_lookup (self->by_country, country);
  if (entry == NULL)
    /* translators: a country with no hub */
    return g_strdup_printf (_("%s: no hubs"), name);

  text = g_string_new (NULL);
  /* translators: a country and how many hubs it has, e.g. “Spain: 2 hubs” */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u hub", "%s: %u hubs", entry->count),
                          name, entry->count);
  names = self->query ? l4a_hub_query_dup_names (self->query, country, self->any_country, 8) : NULL;
  for (guint i = 0; names != NULL && i < names->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (names, i));
  if (entry->count > 8)
    /* translators: more hubs than the tooltip lists */
    g_string_append_printf (text, "\n%s", _("and more"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
country_at (L4aMapView *self,
            double      x,
            double      y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  const char *code;

  code = l4a_map_marker_at (&self->camera, width, height,
                            (const L4aMapMarker *) (gpointer) self->markers->data, self->markers->len, x, y);
  if (code == NULL)
    code = l4a_map_country_at (&self->camera, width, height, x, y);
  return code;
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
  g_autofree char *text = l4a_map_view_describe (self, keyboard ? self->focused : country_at (self, x, y));

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
  set_hovered (self, country_at (self, x, y));
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

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   L4aMapView      *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
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

/* Moves the keyboard focus to the next or previous country with hubs. */
static void
step_focus (L4aMapView *self,
            int         step)
{
  const L4aMapMarker *markers = (const L4aMapMarker *) (gpointer) self->markers->data;
  guint n = self->markers->len;
  int index = -1;

  if (n == 0)
    return;

  for (guint i = 0; self->focused && i < n; i++)
    if (g_str_equal (markers[i].country, self->focused))
      index = (int) i;

  index = index < 0 ? (step > 0 ? 0 : (int) n - 1) : (index + step + (int) n) % (int) n;
  g_free (self->focused);
  self->focused = g_strdup (markers[index].country);
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
      activate_country (self, self->focused);
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
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 360;
}

static void
l4a_map_view_dispose (GObject *object)
{
  g_clear_pointer (&L4A_MAP_VIEW (object)->links, g_ptr_array_unref);
  L4aMapView *self = (L4aMapView *)object;

  g_clear_pointer (&self->by_country, g_hash_table_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->hovered, g_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->focused, g_free);
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

  self->by_country = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, country_hubs_free);
  self->markers = g_array_new (FALSE, FALSE, sizeof (L4aMapMarker));
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
                                  _("Map of the hubs by country"), -1);
}

GtkWidget *
l4a_map_view_new (void)
{
  return g_object_new (L4A_TYPE_MAP_VIEW, NULL);
}

/**
 * l4a_map_view_set_links:
 * @countries: (nullable): country codes two by two, one pair per link
 *   between hubs
 *
 * Draws an arc between the markers of each pair.
 */
void
l4a_map_view_set_links (L4aMapView *self,
                        GPtrArray  *countries)
{
  g_return_if_fail (L4A_IS_MAP_VIEW (self));

  g_clear_pointer (&self->links, g_ptr_array_unref);
  if (countries != NULL)
    self->links = g_ptr_array_ref (countries);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * l4a_map_view_set_query:
 * @query: (nullable): the hubs to show
 * @any_country: whether to show every country, the query's country filter
 *   aside (so that another can be chosen)
 *
 * Shows one marker per country of @query's hubs, counted in SQLite.
 */
void
l4a_map_view_set_query (L4aMapView  *self,
                        L4aHubQuery *query,
                        gboolean     any_country)
{
  g_autoptr(GPtrArray) counts = NULL;
  GHashTableIter iter;
  CountryHubs *entry;
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (L4A_IS_MAP_VIEW (self));
  g_return_if_fail (query == NULL || L4A_IS_HUB_QUERY (query));

  g_set_object (&self->query, query);
  self->any_country = any_country;
  g_array_set_size (self->markers, 0);
  g_hash_table_remove_all (self->by_country);

  counts = query ? l4a_hub_query_count_countries (query, any_country) : g_ptr_array_new ();
  for (guint i = 0; i < counts->len; i++)
    {
      L4aCountryCount *count = g_ptr_array_index (counts, i);

      entry = g_new0 (CountryHubs, 1);
      entry->country = g_strdup (count->country);
      entry->region = g_strdup (count->region);
      entry->count = count->count;
      g_hash_table_insert (self->by_country, entry->country, entry);
    }

  g_hash_table_iter_init (&iter, self->by_country);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      L4aMapMarker marker = { entry->country, entry->region, entry->count };
      g_array_append_val (self->markers, marker);
    }
  g_array_sort (self->markers, compare_markers);

  /* What the picture shows, for those who do not see it. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      const L4aMapMarker *marker = &g_array_index (self->markers, L4aMapMarker, i);

      g_string_append_printf (description, "%s%s %u", i ? ", " : "",
                              l4a_reference_translate (L4A_REFERENCE_COUNTRIES, marker->country), marker->count);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
l4a_map_view_get_n_markers (L4aMapView *self)
{
  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  return self->markers->len;
}

guint
l4a_map_view_get_marker_count (L4aMapView *self,
                               const char *country)
{
  CountryHubs *entry;

  g_return_val_if_fail (L4A_IS_MAP_VIEW (self), 0);

  entry = country ? g_hash_table_lookup (self->by_country, country) : NULL;
  return entry ? entry->count : 0;
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
