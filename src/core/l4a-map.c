/* l4a-map.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-map"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "l4a-map.h"
#include "l4a-reference.h"

/* The world map of the registry, drawn with cairo in the Equal Earth
 * projection from Natural Earth's country shapes (data/map/world.json). */

#define MAP_RESOURCE "/org/local4action/Hubs/core/world.json"

/* Half the width and height of the Equal Earth projection of the world. */
#define HALF_WIDTH 2.7066297319215575
#define HALF_HEIGHT 1.3173627591574133

typedef struct
{
  char    *code;
  GArray  *rings;     /* of GArray of double pairs, projected */
  double   marker_x;
  double   marker_y;
  double   min_x, min_y, max_x, max_y;
} Country;

typedef struct
{
  GPtrArray  *countries;
  GHashTable *by_code;     /* ISO code → Country */
} WorldMap;

void
l4a_map_project (double  longitude,
                 double  latitude,
                 double *x,
                 double *y)
{
  static const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
  double lambda = longitude * G_PI / 180.0;
  double phi = latitude * G_PI / 180.0;
  double theta = asin (sqrt (3.0) / 2.0 * sin (phi));
  double t2 = theta * theta, t6 = t2 * t2 * t2;

  *x = 2.0 * sqrt (3.0) * lambda * cos (theta) / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
  *y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

static void
free_ring (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

static void
country_free (gpointer data)
{
  Country *country = data;

  g_free (country->code);
  g_array_unref (country->rings);
  g_free (country);
}

static WorldMap *
load_map (void)
{
  WorldMap *map = g_new0 (WorldMap, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *countries;

  map->countries = g_ptr_array_new_with_free_func (country_free);
  map->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  bytes = g_resources_lookup_data (MAP_RESOURCE, 0, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      g_critical ("The world map of this build cannot be read: %s", error->message);
      return map;
    }

  countries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "countries");
  for (guint i = 0; countries && i < json_array_get_length (countries); i++)
    {
      JsonObject *object = json_array_get_object_element (countries, i);
      JsonArray *rings = json_object_get_array_member (object, "rings");
      JsonArray *marker = json_object_get_array_member (object, "marker");
      Country *country = g_new0 (Country, 1);

      country->code = g_strdup (json_object_get_string_member_with_default (object, "code", NULL));
      country->rings = g_array_new (FALSE, FALSE, sizeof (GArray *));
      g_array_set_clear_func (country->rings, free_ring);
      country->min_x = country->min_y = G_MAXDOUBLE;
      country->max_x = country->max_y = -G_MAXDOUBLE;

      l4a_map_project (json_array_get_int_element (marker, 0) / 100.0,
                       json_array_get_int_element (marker, 1) / 100.0,
                       &country->marker_x, &country->marker_y);

      for (guint r = 0; r < json_array_get_length (rings); r++)
        {
          JsonArray *values = json_array_get_array_element (rings, r);
          GArray *ring = g_array_sized_new (FALSE, FALSE, sizeof (double), json_array_get_length (values));

          for (guint v = 0; v + 1 < json_array_get_length (values); v += 2)
            {
              double x, y;

              l4a_map_project (json_array_get_int_element (values, v) / 100.0,
                               json_array_get_int_element (values, v + 1) / 100.0, &x, &y);
              g_array_append_val (ring, x);
              g_array_append_val (ring, y);
              country->min_x = MIN (country->min_x, x);
              country->max_x = MAX (country->max_x, x);
              country->min_y = MIN (country->min_y, y);
              country->max_y = MAX (country->max_y, y);
            }
          g_array_append_val (country->rings, ring);
        }

      g_ptr_array_add (map->countries, country);
      if (country->code != NULL)
        g_hash_table_insert (map->by_code, country->code, country);
    }

  return map;
}

static WorldMap *
get_map (void)
{
  static WorldMap *map;

  if (g_once_init_enter (&map))
    g_once_init_leave (&map, load_map ());
  return map;
}

guint
l4a_map_n_countries (void)
{
  return get_map ()->countries->len;
}

void
l4a_map_camera_reset (L4aMapCamera *view)
{
  view->center_x = 0;
  view->center_y = 0.08;  /* a little north: Antarctica has no hubs */
  view->zoom = 1.0;
}

void
l4a_map_camera_clamp (L4aMapCamera *view)
{
  double limit_x, limit_y;

  view->zoom = CLAMP (view->zoom, L4A_MAP_MIN_ZOOM, L4A_MAP_MAX_ZOOM);
  limit_x = HALF_WIDTH * (1.0 - 1.0 / view->zoom);
  limit_y = HALF_HEIGHT * (1.0 - 1.0 / view->zoom) + 0.1;
  view->center_x = CLAMP (view->center_x, -limit_x, limit_x);
  view->center_y = CLAMP (view->center_y, -limit_y, limit_y);
}

static double
pixels_per_unit (const L4aMapCamera *view,
                 int               width,
                 int               height)
{
  return MIN (width / (2.0 * HALF_WIDTH), height / (2.0 * HALF_HEIGHT)) * view->zoom;
}

void
l4a_map_to_pixels (const L4aMapCamera *view,
                   int               width,
                   int               height,
                   double            x,
                   double            y,
                   double           *px,
                   double           *py)
{
  double scale = pixels_per_unit (view, width, height);

  *px = width / 2.0 + (x - view->center_x) * scale;
  *py = height / 2.0 - (y - view->center_y) * scale;
}

static void
from_pixels (const L4aMapCamera *view,
             int               width,
             int               height,
             double            px,
             double            py,
             double           *x,
             double           *y)
{
  double scale = pixels_per_unit (view, width, height);

  *x = view->center_x + (px - width / 2.0) / scale;
  *y = view->center_y - (py - height / 2.0) / scale;
}

/* Zooms by @factor keeping the point under (@px, @py) where it is. */
void
l4a_map_camera_zoom_at (L4aMapCamera *view,
                      int         width,
                      int         height,
                      double      px,
                      double      py,
                      double      factor)
{
  double x, y, after_x, after_y;

  from_pixels (view, width, height, px, py, &x, &y);
  view->zoom = CLAMP (view->zoom * factor, L4A_MAP_MIN_ZOOM, L4A_MAP_MAX_ZOOM);
  from_pixels (view, width, height, px, py, &after_x, &after_y);
  view->center_x += x - after_x;
  view->center_y += y - after_y;
  l4a_map_camera_clamp (view);
}

/* Moves the map by a drag of (@dx, @dy) pixels. */
void
l4a_map_camera_pan (L4aMapCamera *view,
                  int         width,
                  int         height,
                  double      dx,
                  double      dy)
{
  double scale = pixels_per_unit (view, width, height);

  view->center_x -= dx / scale;
  view->center_y += dy / scale;
  l4a_map_camera_clamp (view);
}

static Country *
find_country (const char *code)
{
  return code ? g_hash_table_lookup (get_map ()->by_code, code) : NULL;
}

gboolean
l4a_map_marker_position (const L4aMapCamera *view,
                         int               width,
                         int               height,
                         const char       *code,
                         double           *px,
                         double           *py)
{
  Country *country = find_country (code);

  if (country == NULL)
    return FALSE;

  l4a_map_to_pixels (view, width, height, country->marker_x, country->marker_y, px, py);
  return TRUE;
}

/**
 * l4a_map_locate:
 * @located: whether @latitude and @longitude say where; if not, the
 *   middle of @country
 *
 * Returns: whether the place is on the map (its country is known)
 */
gboolean
l4a_map_locate (const char *country,
                gboolean    located,
                double      latitude,
                double      longitude,
                double     *x,
                double     *y)
{
  Country *found;

  if (located && isfinite (latitude) && isfinite (longitude) && fabs (latitude) <= 90 && fabs (longitude) <= 180)
    {
      l4a_map_project (longitude, latitude, x, y);
      return TRUE;
    }
  found = find_country (country);
  if (found == NULL)
    return FALSE;
  *x = found->marker_x;
  *y = found->marker_y;
  return TRUE;
}

/* A marker's radius in pixels: grows with the number of hubs, up to a
 * size that leaves the map readable; the number written inside says the
 * rest. */
double
l4a_map_marker_radius (guint count)
{
  return MIN (7.0 + 2.5 * sqrt ((double) MAX (count, 1) - 1), 30.0);
}

#define GROUP_GAP 2.0
#define GROUP_CELL (2 * 30.0 + GROUP_GAP)

typedef struct
{
  L4aMapMarker marker;
  double       anchor_x;   /* pixels, where the group began */
  double       anchor_y;
  double       sum_x;
  double       sum_y;
} Group;

static gint64
cell_key (double px,
          double py)
{
  guint64 column = (guint64) (gint64) floor (px / GROUP_CELL), row = (guint32) (gint32) floor (py / GROUP_CELL);

  return (gint64) ((column << 32) ^ row);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const L4aMapMarker *markers = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (markers[i].count != markers[j].count)
    return markers[i].count > markers[j].count ? -1 : 1;
  return i < j ? -1 : i > j;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = a, *y = b;

  if (x->marker.x != y->marker.x)
    return x->marker.x < y->marker.x ? -1 : 1;
  return (x->marker.y > y->marker.y) - (x->marker.y < y->marker.y);
}

/**
 * l4a_map_cluster:
 * @markers: one per place
 * @group_of: (out caller-allocates) (array length=n_markers) (optional):
 *   for each of @markers, the index of its group
 *
 * Groups the markers that would overlap at this zoom: each joins the
 * nearest group it would touch, the places with the most hubs first;
 * a group stands at the middle of its hubs.
 *
 * Returns: (transfer full) (element-type L4aMapMarker): the groups, west
 *   to east; their strings are @markers'
 */
GArray *
l4a_map_cluster (const L4aMapCamera *view,
                 int                 width,
                 int                 height,
                 const L4aMapMarker *markers,
                 guint               n_markers,
                 guint              *group_of)
{
  double scale = pixels_per_unit (view, MAX (width, 1), MAX (height, 1));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autofree guint *order = g_new (guint, MAX (n_markers, 1));
  g_autofree guint *index_of = NULL;
  g_autofree guint *renumber = NULL;
  GArray *result;

  for (guint i = 0; i < n_markers; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_markers, sizeof (guint), compare_by_count, (gpointer) markers);
  index_of = g_new (guint, MAX (n_markers, 1));

  for (guint k = 0; k < n_markers; k++)
    {
      const L4aMapMarker *marker = &markers[order[k]];
      double px = marker->x * scale, py = -marker->y * scale;
      double best = G_MAXDOUBLE;
      int found = -1;

      for (int dx = -1; dx <= 1; dx++)
        for (int dy = -1; dy <= 1; dy++)
          {
            gint64 key = cell_key (px + dx * GROUP_CELL, py + dy * GROUP_CELL);
            GArray *members = g_hash_table_lookup (cells, &key);

            for (guint m = 0; members != NULL && m < members->len; m++)
              {
                guint g = g_array_index (members, guint, m);
                Group *group = &g_array_index (groups, Group, g);
                double distance = hypot (px - group->anchor_x, py - group->anchor_y);

                if (distance < l4a_map_marker_radius (group->marker.count) +
                               l4a_map_marker_radius (marker->count) + GROUP_GAP &&
                    distance < best)
                  {
                    best = distance;
                    found = (int) g;
                  }
              }
          }

      if (found < 0)
        {
          Group group = { *marker, px, py, 0, 0 };
          gint64 key = cell_key (px, py);
          GArray *members = g_hash_table_lookup (cells, &key);
          guint g = groups->len;

          group.marker.count = 0;
          group.marker.n_places = 0;
          g_array_append_val (groups, group);
          if (members == NULL)
            {
              members = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), members);
            }
          g_array_append_val (members, g);
          found = (int) g;
        }

      {
        Group *group = &g_array_index (groups, Group, found);

        if (group->marker.count > 0)
          {
            if (g_strcmp0 (group->marker.country, marker->country) != 0)
              group->marker.country = NULL;
            if (g_strcmp0 (group->marker.region, marker->region) != 0)
              group->marker.region = NULL;
          }
        group->marker.count += marker->count;
        group->marker.n_places += MAX (marker->n_places, 1);
        group->sum_x += marker->x * marker->count;
        group->sum_y += marker->y * marker->count;
        index_of[order[k]] = (guint) found;
      }
    }

  /* at the middle of their hubs, west to east */
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);

      if (group->marker.count > 0)
        {
          group->marker.x = group->sum_x / group->marker.count;
          group->marker.y = group->sum_y / group->marker.count;
        }
      group->anchor_x = g;   /* remembers where it was before sorting */
    }
  g_array_sort (groups, compare_groups);
  renumber = g_new (guint, MAX (groups->len, 1));
  for (guint g = 0; g < groups->len; g++)
    renumber[(guint) g_array_index (groups, Group, g).anchor_x] = g;

  result = g_array_sized_new (FALSE, FALSE, sizeof (L4aMapMarker), groups->len);
  for (guint g = 0; g < groups->len; g++)
    g_array_append_val (result, g_array_index (groups, Group, g).marker);
  for (guint i = 0; group_of != NULL && i < n_markers; i++)
    group_of[i] = renumber[index_of[i]];
  return result;
}

static gboolean
ring_contains (GArray *ring,
               double  x,
               double  y)
{
  const double *v = (const double *) (gpointer) ring->data;
  guint n = ring->len / 2;
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = v[i * 2], yi = v[i * 2 + 1], xj = v[j * 2], yj = v[j * 2 + 1];

      if (((yi > y) != (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi))
        inside = !inside;
    }
  return inside;
}

/**
 * l4a_map_country_at:
 *
 * Returns: (nullable): the ISO code of the country under the pixel
 */
const char *
l4a_map_country_at (const L4aMapCamera *view,
                    int               width,
                    int               height,
                    double            px,
                    double            py)
{
  WorldMap *map = get_map ();
  double x, y;

  from_pixels (view, width, height, px, py, &x, &y);
  for (guint i = 0; i < map->countries->len; i++)
    {
      Country *country = g_ptr_array_index (map->countries, i);
      gboolean inside = FALSE;

      if (country->code == NULL || x < country->min_x || x > country->max_x || y < country->min_y || y > country->max_y)
        continue;

      /* Even-odd over all rings: holes (lakes, enclaves) are outside. */
      for (guint r = 0; r < country->rings->len; r++)
        if (ring_contains (g_array_index (country->rings, GArray *, r), x, y))
          inside = !inside;
      if (inside)
        return country->code;
    }
  return NULL;
}

/**
 * l4a_map_marker_at:
 *
 * Returns: the index of the marker under the pixel, or -1; the smallest
 *   marker wins where they overlap
 */
int
l4a_map_marker_at (const L4aMapCamera *view,
                   int                 width,
                   int                 height,
                   const L4aMapMarker *markers,
                   guint               n_markers,
                   double              px,
                   double              py)
{
  int found = -1;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < n_markers; i++)
    {
      double mx, my, radius = l4a_map_marker_radius (markers[i].count);

      l4a_map_to_pixels (view, width, height, markers[i].x, markers[i].y, &mx, &my);
      if (hypot (px - mx, py - my) <= radius + 2 && radius < best)
        {
          best = radius;
          found = (int) i;
        }
    }
  return found;
}

/* Region colours: distinct hues, each at least 3:1 against the land colour
 * of its style, and told apart by the legend and tooltips too. */
void
l4a_map_region_colour (const char *region,
                       gboolean    dark,
                       L4aRgb     *rgb)
{
  static const struct { const char *code; const char *light; const char *dark; } colours[] = {
    { "africa", "#B5470B", "#FF9C5B" },
    { "asia-pacific", "#1A5FB4", "#78AEED" },
    { "eurasia", "#7A3D96", "#DC8ADD" },
    { "europe", "#1F7A4D", "#5FD39A" },
    { "mewa", "#A51D2D", "#FF7B82" },
    { "latin-america", "#8A6100", "#F6D32D" },
    { "north-america", "#0B6B7A", "#5BD7E6" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    if (g_strcmp0 (colours[i].code, region) == 0)
      {
        l4a_rgb_parse_hex (dark ? colours[i].dark : colours[i].light, rgb);
        return;
      }
  l4a_rgb_parse_hex (dark ? "#C0BFBC" : "#5E5C64", rgb);
}

static void
set_source (cairo_t      *cr,
            const L4aRgb *rgb,
            double        alpha)
{
  cairo_set_source_rgba (cr, rgb->red, rgb->green, rgb->blue, alpha);
}

static void
trace_country (cairo_t          *cr,
               Country          *country,
               const L4aMapCamera *view,
               int               width,
               int               height)
{
  for (guint r = 0; r < country->rings->len; r++)
    {
      GArray *ring = g_array_index (country->rings, GArray *, r);
      const double *v = (const double *) (gpointer) ring->data;

      for (guint i = 0; i < ring->len / 2; i++)
        {
          double px, py;

          l4a_map_to_pixels (view, width, height, v[i * 2], v[i * 2 + 1], &px, &py);
          if (i == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_close_path (cr);
    }
}

/* The regions of the markers and their colours, so that colour is never
 * the only way to tell them (the tooltips name them too). */
static void
draw_legend (cairo_t            *cr,
             int                 width,
             int                 height,
             const L4aMapStyle  *style,
             const L4aMapMarker *markers,
             guint               n_markers)
{
  const L4aReferenceEntry *regions;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  double x = 8, y, line = 16, box_width = 0;
  guint n;

  regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n);
  for (guint r = 0; r < n; r++)
    for (guint i = 0; i < n_markers; i++)
      if (g_strcmp0 (markers[i].region, regions[r].code) == 0)
        {
          g_ptr_array_add (shown, (gpointer) regions[r].code);
          break;
        }

  if (shown->len == 0 || height < 120)
    {
      pango_font_description_free (font);
      return;
    }

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  for (guint i = 0; i < shown->len; i++)
    {
      int w;

      pango_layout_set_text (layout, l4a_reference_translate (L4A_REFERENCE_REGIONS, shown->pdata[i]), -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      box_width = MAX (box_width, w + 22);
    }

  /* Two columns when one would cover too much of a narrow map. */
  {
    guint columns = (shown->len > 3 && width >= 2 * box_width + 24 && height < 420) ? 2 : 1;
    guint rows = (shown->len + columns - 1) / columns;

    y = height - 8 - rows * line;
    cairo_save (cr);
    set_source (cr, &style->background, 0.85);
    cairo_rectangle (cr, x - 4, y - 4, columns * box_width + 8, rows * line + 8);
    cairo_fill (cr);

    for (guint i = 0; i < shown->len; i++)
      {
        double cx = x + (i / rows) * box_width, cy = y + (i % rows) * line;
        L4aRgb colour;

        l4a_map_region_colour (shown->pdata[i], style->dark, &colour);
        cairo_arc (cr, cx + 6, cy + line / 2, 5, 0, 2 * G_PI);
        set_source (cr, &colour, 1.0);
        cairo_fill (cr);

        pango_layout_set_text (layout, l4a_reference_translate (L4A_REFERENCE_REGIONS, shown->pdata[i]), -1);
        cairo_move_to (cr, cx + 16, cy + 1);
        set_source (cr, &style->text, 1.0);
        pango_cairo_show_layout (cr, layout);
      }
    cairo_restore (cr);
  }
}

/**
 * l4a_map_render_markers:
 *
 * Draws @markers over a map drawn by l4a_map_render(), the biggest first
 * so that small ones stay visible on top, each with its number of hubs
 * inside when it has more than one.
 */
void
l4a_map_render_markers (cairo_t            *cr,
                        int                 width,
                        int                 height,
                        const L4aMapCamera *view,
                        const L4aMapStyle  *style,
                        const L4aMapMarker *markers,
                        guint               n_markers)
{
  g_autofree guint *order = g_new (guint, MAX (n_markers, 1));
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 8");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  for (guint i = 0; i < n_markers; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_markers, sizeof (guint), compare_by_count, (gpointer) markers);

  cairo_save (cr);
  cairo_set_line_width (cr, 2.0);
  for (guint k = 0; k < n_markers; k++)
    {
      const L4aMapMarker *marker = &markers[order[k]];
      double px, py, radius = l4a_map_marker_radius (marker->count);
      L4aRgb colour;

      l4a_map_to_pixels (view, width, height, marker->x, marker->y, &px, &py);
      if (px < -radius || py < -radius || px > width + radius || py > height + radius)
        continue;

      l4a_map_region_colour (marker->region, style->dark, &colour);
      cairo_new_path (cr);
      cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
      set_source (cr, &colour, 0.92);
      cairo_fill_preserve (cr);
      set_source (cr, &style->outline, 1.0);
      cairo_stroke (cr);

      /* how many hubs, inside the marker: white on the light style's
       * deep colours, black on the dark style's bright ones */
      if (marker->count > 1)
        {
          char number[16];
          int text_width, text_height;

          g_snprintf (number, sizeof number, "%u", marker->count);
          pango_layout_set_text (layout, number, -1);
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          if (text_width <= 2 * radius - 2)
            {
              cairo_move_to (cr, px - text_width / 2.0, py - text_height / 2.0);
              if (style->dark)
                cairo_set_source_rgb (cr, 0, 0, 0);
              else
                cairo_set_source_rgb (cr, 1, 1, 1);
              pango_cairo_show_layout (cr, layout);
            }
        }
    }
  cairo_restore (cr);
}

/**
 * l4a_map_render:
 * @highlight: (nullable): a country to draw highlighted
 *
 * Draws the world and the markers onto @cr, which may be any cairo surface:
 * the widget, a PNG, an SVG or a PDF.
 */
void
l4a_map_render (cairo_t            *cr,
                int                 width,
                int                 height,
                const L4aMapCamera *view,
                const L4aMapStyle  *style,
                const L4aMapMarker *markers,
                guint               n_markers,
                const char         *highlight)
{
  WorldMap *map = get_map ();

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_source (cr, &style->background, 1.0);
  cairo_paint (cr);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 0.6);

  for (guint i = 0; i < map->countries->len; i++)
    {
      Country *country = g_ptr_array_index (map->countries, i);
      gboolean lit = highlight != NULL && g_strcmp0 (country->code, highlight) == 0;

      cairo_new_path (cr);
      trace_country (cr, country, view, width, height);
      set_source (cr, lit ? &style->highlight : &style->land, 1.0);
      cairo_fill_preserve (cr);
      set_source (cr, &style->border, 1.0);
      cairo_stroke (cr);
    }

  l4a_map_render_markers (cr, width, height, view, style, markers, n_markers);

  if (style->legend)
    draw_legend (cr, width, height, style, markers, n_markers);

  cairo_restore (cr);
}
