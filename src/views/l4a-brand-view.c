/* l4a-brand-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Brand Kit view: the palette with every value to copy, the contrast
 * of every pair of colours with its WCAG verdicts in words, the assets
 * previewed on light, dark, brand-colour and photo backgrounds from 16 to
 * 512 pixels (an SVG rendered for each size) with the minimum size and
 * the clear space shown, the kit's fonts, and each hub's co-branded label
 * with its export.
 */

#define G_LOG_DOMAIN "l4a-brand-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "l4a-permissions.h"
#include "l4a-accessible.h"
#include "l4a-brand.h"
#include "l4a-brand-view.h"
#include "l4a-color.h"
#include "l4a-hub.h"
#include "l4a-hub-query.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-toast.h"

static const int preview_sizes[] = { 16, 24, 32, 48, 64, 128, 256, 512 };

typedef enum
{
  BACKGROUND_LIGHT,
  BACKGROUND_DARK,
  BACKGROUND_BRAND,
  BACKGROUND_PHOTO,
  N_BACKGROUNDS
} Background;

struct _L4aBrandView
{
  GtkWidget      parent_instance;

  L4aContextFollower follow;   /* the context, and what of it this view shows */
  L4aStore      *store;
  GPtrArray     *colours;    /* L4aBrandColour */
  GPtrArray     *assets;     /* L4aBrandAsset */
  GListModel    *hubs;       /* the registry, live and lazy: the hubs the label can name */
  gboolean       stale;         /* to be built again once on show */
  double         brand[3];   /* the primary colour, for the brand background */
  gboolean       clear_space;

  GArray        *added;      /* AddedRow: what load() put in the template's groups */
  GtkWidget     *scrolled;
  AdwPreferencesGroup *import_group;
  GtkWidget     *default_note;
  AdwComboRow   *hub_row;
  AdwComboRow   *background_row;
  GtkWidget     *label_area;
  AdwPreferencesGroup *palette_group;
  GtkGrid       *contrast_grid;
  AdwPreferencesGroup *assets_group;
  AdwPreferencesGroup *fonts_group;
  GtkWidget     *label_export;
  GPtrArray     *previews;   /* the drawing areas of the assets, not owned */
};

/* A row that load() added to a group of the template, to take away again. */
typedef struct
{
  AdwPreferencesGroup *group;
  GtkWidget           *row;
} AddedRow;

G_DEFINE_FINAL_TYPE (L4aBrandView, l4a_brand_view, GTK_TYPE_WIDGET)

static void reload (L4aBrandView *self);

/* Says @heading and @body in a message over @widget's window. */
static void
tell (GtkWidget  *widget,
      const char *heading,
      const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                              : NULL,
                                                                          heading, body));

  adw_message_dialog_add_response (message, "close", _("_Close"));
  l4a_accessible_present (GTK_WINDOW (message));
}
static gboolean import_file (L4aBrandView  *self,
                             GFile         *file,
                             GError       **error);

static void ensure_fresh (L4aBrandView *self);

/* Drawing helpers --------------------------------------------------------------- */

static void
paint_background (cairo_t      *cr,
                  Background    background,
                  const double  brand[3],
                  double        width,
                  double        height)
{
  cairo_pattern_t *photo;

  switch (background)
    {
    case BACKGROUND_DARK:
      cairo_set_source_rgb (cr, 0.12, 0.12, 0.16);
      break;
    case BACKGROUND_BRAND:
      cairo_set_source_rgb (cr, brand[0], brand[1], brand[2]);
      break;
    case BACKGROUND_PHOTO:
      /* a busy stand-in for a photograph: sky, hills and light */
      photo = cairo_pattern_create_linear (0, 0, width, height);
      cairo_pattern_add_color_stop_rgb (photo, 0, 0.55, 0.72, 0.86);
      cairo_pattern_add_color_stop_rgb (photo, 0.45, 0.93, 0.82, 0.55);
      cairo_pattern_add_color_stop_rgb (photo, 0.6, 0.36, 0.55, 0.29);
      cairo_pattern_add_color_stop_rgb (photo, 1, 0.2, 0.3, 0.16);
      cairo_set_source (cr, photo);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_pattern_destroy (photo);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.25);
      for (int i = 0; i < 6; i++)
        {
          cairo_arc (cr, width * (0.1 + 0.17 * i), height * (0.3 + 0.1 * (i % 3)), height * 0.12, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      return;
    case BACKGROUND_LIGHT:
    case N_BACKGROUNDS:
    default:
      cairo_set_source_rgb (cr, 1, 1, 1);
      break;
    }
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

typedef struct
{
  L4aBrandView  *view;
  L4aBrandAsset *asset;
  Background     background;
  int            size;       /* the asset's height in pixels */
} Preview;

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_object_unref (preview->asset);
  g_free (preview);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  Preview *preview = data;
  L4aBrandAsset *asset = preview->asset;
  int w0 = 1, h0 = 1;
  double w, h, x, y;

  paint_background (cr, preview->background, preview->view->brand, width, height);
  l4a_brand_asset_get_size (asset, &w0, &h0);
  h = preview->size;
  w = h * w0 / MAX (h0, 1);
  x = (width - w) / 2;
  y = (height - h) / 2;
  l4a_brand_draw_asset (asset, cr, x, y, w, h, NULL);

  if (preview->view->clear_space && asset->clear_space > 0)
    {
      double c = asset->clear_space * h;
      static const double dashes[] = { 3, 3 };

      /* the clear space guide: nothing else may come inside the outer box */
      cairo_set_source_rgba (cr, 0.9, 0.1, 0.5, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_rectangle (cr, x - c + 0.5, y - c + 0.5, w + 2 * c - 1, h + 2 * c - 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      cairo_stroke (cr);
    }
}

static GtkWidget *
preview_area (L4aBrandView  *self,
              L4aBrandAsset *asset,
              Background     background,
              int            size)
{
  GtkWidget *area = gtk_drawing_area_new ();
  Preview *preview = g_new0 (Preview, 1);
  int w0 = 1, h0 = 1;
  double clear = asset->clear_space > 0 ? asset->clear_space : 0;

  l4a_brand_asset_get_size (asset, &w0, &h0);
  preview->view = self;
  preview->asset = g_object_ref (asset);   /* the previews outlive a reload of the list */
  preview->background = background;
  preview->size = size;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) ceil (size * (1 + 2 * clear)) + 8);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area),
                                      (int) ceil (size * w0 / MAX (h0, 1) + 2 * clear * size) + 8);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview, preview, preview_free);
  gtk_widget_set_halign (area, GTK_ALIGN_START);
  g_ptr_array_add (self->previews, area);
  return area;
}

/* The palette ------------------------------------------------------------------ */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  L4aRgb rgb;

  if (!l4a_rgb_parse_hex (data, &rgb))
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb.red, rgb.green, rgb.blue);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
swatch (const char *hex,
        int         size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, g_strdup (hex), g_free);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, hex, -1);
  return area;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *value = g_variant_get_string (parameter, NULL);
  /* translators: a value copied, such as #1B4F8C */
  g_autofree char *text = g_strdup_printf (_("Copied “%s”"), value);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), value);
  l4a_toast_say (widget, text);
}

static void
group_add (L4aBrandView        *self,
           AdwPreferencesGroup *group,
           GtkWidget           *row)
{
  AddedRow added = { group, row };

  adw_preferences_group_add (group, row);
  g_array_append_val (self->added, added);
}

static void
clear_groups (L4aBrandView *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->added->len; i++)
    {
      AddedRow *added = &g_array_index (self->added, AddedRow, i);

      adw_preferences_group_remove (added->group, added->row);
    }
  g_array_set_size (self->added, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contrast_grid))) != NULL)
    gtk_grid_remove (self->contrast_grid, child);
  g_ptr_array_set_size (self->previews, 0);
}

static void
build_palette (L4aBrandView *self)
{

  for (guint i = 0; i < self->colours->len; i++)
    {
      L4aBrandColour *colour = g_ptr_array_index (self->colours, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *copy = gtk_menu_button_new ();
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GString) values = g_string_new (colour->hex);
      const char *labels[] = { "HEX", "RGB", "CMYK", "Pantone" };
      const char *texts[] = { colour->hex, colour->rgb, colour->cmyk, colour->pantone };

      for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
        if (texts[k] != NULL && *texts[k] != '\0')
          {
            /* translators: what a menu item copies, such as HEX #1B4F8C */
            g_autofree char *item = g_strdup_printf (_("Copy %s %s"), labels[k], texts[k]);
            g_autoptr(GMenuItem) entry = g_menu_item_new (item, NULL);

            g_menu_item_set_action_and_target_value (entry, "brand.copy", g_variant_new_string (texts[k]));
            g_menu_append_item (menu, entry);
            if (k > 0)
              g_string_append_printf (values, " · %s %s", labels[k], texts[k]);
          }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), colour->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch (colour->hex, 32));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (copy), "edit-copy-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (copy), G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (copy, _("Copy a Value"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy a Value"), -1);
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
      group_add (self, self->palette_group, row);
    }
}

/* What a pair's contrast allows, in words. */
static char *
verdicts (double ratio)
{
  L4aContrastPasses passes = l4a_contrast_passes (ratio);

  if (passes & L4A_CONTRAST_AAA_NORMAL)
    return g_strdup (_("AAA text"));
  if (passes & L4A_CONTRAST_AA_NORMAL)
    return g_strdup (_("AA text, AAA large"));
  if (passes & L4A_CONTRAST_AA_LARGE)
    return g_strdup (_("AA large, graphics"));
  return g_strdup (_("Fails"));
}

static void
build_contrast (L4aBrandView *self)
{
  GtkWidget *grid = GTK_WIDGET (self->contrast_grid);
  guint n = self->colours->len;

  for (guint i = 0; i < n; i++)
    {
      L4aBrandColour *colour = g_ptr_array_index (self->colours, i);
      GtkWidget *head = gtk_label_new (colour->name);
      GtkWidget *side = gtk_label_new (colour->name);

      gtk_label_set_wrap (GTK_LABEL (head), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (head), 10);
      gtk_widget_add_css_class (head, "caption-heading");
      gtk_widget_add_css_class (side, "caption-heading");
      gtk_label_set_xalign (GTK_LABEL (side), 0);
      gtk_grid_attach (GTK_GRID (grid), head, (int) i + 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), side, 0, (int) i + 1, 1, 1);
    }
  for (guint r = 0; r < n; r++)
    for (guint c = 0; c < n; c++)
      {
        L4aBrandColour *fg = g_ptr_array_index (self->colours, r);
        L4aBrandColour *bg = g_ptr_array_index (self->colours, c);
        L4aRgb a, b;
        double ratio;
        g_autofree char *ratio_text = NULL;
        g_autofree char *verdict = NULL;
        g_autofree char *markup = NULL;
        g_autofree char *description = NULL;
        GtkWidget *cell;
        g_autofree char *css = NULL;
        g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

        if (!l4a_rgb_parse_hex (fg->hex, &a) || !l4a_rgb_parse_hex (bg->hex, &b))
          continue;
        ratio = l4a_contrast_ratio (&a, &b);
        ratio_text = l4a_contrast_format (ratio);
        verdict = verdicts (ratio);
        markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", ratio_text, verdict);
        cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
        gtk_widget_set_size_request (cell, 92, 48);
        /* a sample of the pair itself, its text in the one on the other;
         * the verdict beneath in the window's own colours, readable even
         * when the pair is not */
        {
          GtkWidget *sample = g_object_new (GTK_TYPE_LABEL, "label", "Aa",
                                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
          GtkWidget *info = gtk_label_new (NULL);

          css = g_strdup_printf ("label { color: %s; background-color: %s; border-radius: 6px; padding: 2px 8px; "
                                 "font-weight: bold; }", fg->hex, bg->hex);
          gtk_css_provider_load_from_data (provider, css, -1);
          gtk_style_context_add_provider (gtk_widget_get_style_context (sample), GTK_STYLE_PROVIDER (provider),
                                          GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
          gtk_label_set_markup (GTK_LABEL (info), markup);
          gtk_label_set_justify (GTK_LABEL (info), GTK_JUSTIFY_CENTER);
          if (!(l4a_contrast_passes (ratio) & L4A_CONTRAST_AA_LARGE))
            gtk_widget_add_css_class (info, "error");
          gtk_box_append (GTK_BOX (cell), sample);
          gtk_box_append (GTK_BOX (cell), info);
        }
        /* translators: two colours, a contrast ratio, then what it allows */
        description = g_strdup_printf (_("%s on %s: %s, %s"), fg->name, bg->name, ratio_text, verdict);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
        gtk_widget_set_tooltip_text (cell, description);
        gtk_grid_attach (GTK_GRID (grid), cell, (int) c + 1, (int) r + 1, 1, 1);
      }
}

static void
clear_space_toggled_cb (GtkSwitch    *button,
                        GParamSpec   *pspec,
                        L4aBrandView *self)
{
  self->clear_space = gtk_switch_get_active (button);
  for (guint i = 0; i < self->previews->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->previews, i));
}

static void
build_assets (L4aBrandView *self)
{
  static const char *backgrounds[] = { N_("On light"), N_("On dark"), N_("On the brand colour"), N_("On a photo") };
  adw_preferences_group_set_description (self->assets_group,
                                         self->assets->len == 0 ? _("The kit has no logos or labels yet.") : NULL);
  for (guint i = 0; i < self->assets->len; i++)
    {
      L4aBrandAsset *asset = g_ptr_array_index (self->assets, i);
      GtkWidget *expander;
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (asset->kind, "font") == 0)
        continue;
      expander = adw_expander_row_new ();
      /* translators: an asset's kind, its variant, its file type and its minimum width in pixels */
      subtitle = g_strdup_printf (_("%s · %s · %s · at least %d px wide"), asset->kind, asset->variant,
                                  g_str_equal (asset->media_type, "image/svg+xml") ? "SVG"
                                  : g_str_equal (asset->media_type, "image/png") ? "PNG" : "JPEG",
                                  asset->min_size_px);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), asset->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), i == 0);
      for (guint b = 0; b < N_BACKGROUNDS; b++)
        {
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *flow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          GtkWidget *title = gtk_label_new (_(backgrounds[b]));

          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_widget_add_css_class (title, "heading");
          for (guint s = 0; s < G_N_ELEMENTS (preview_sizes); s++)
            {
              GtkWidget *item;
              g_autofree char *caption = NULL;
              int w0 = 1, h0 = 1;
              gboolean small;

              l4a_brand_asset_get_size (asset, &w0, &h0);
              /* the minimum size is a width, as the label's export checks it */
              small = preview_sizes[s] * w0 / MAX (h0, 1) < asset->min_size_px;
              GtkWidget *label;

              /* the biggest sizes only once, on light */
              if (preview_sizes[s] > 128 && b != BACKGROUND_LIGHT)
                continue;
              item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
              /* translators: the height of a preview in pixels; short, it stands under a
               * small picture */
              caption = small ? g_strdup_printf (_("%d px · too small"), preview_sizes[s])
                              : g_strdup_printf (_("%d px"), preview_sizes[s]);
              label = gtk_label_new (caption);
              gtk_label_set_xalign (GTK_LABEL (label), 0);
              if (small)
                {
                  /* translators: said of a preview smaller than the asset's minimum width */
                  g_autofree char *why = g_strdup_printf (_("%d px high: below the minimum of %d px wide"),
                                                          preview_sizes[s], asset->min_size_px);

                  gtk_widget_set_tooltip_text (label, why);
                  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
                }
              gtk_widget_add_css_class (label, "caption");
              if (small)
                gtk_widget_add_css_class (label, "l4a-warning-text");
              gtk_box_append (GTK_BOX (item), preview_area (self, asset, b, preview_sizes[s]));
              gtk_box_append (GTK_BOX (item), label);
              gtk_widget_set_valign (item, GTK_ALIGN_START);
              gtk_box_append (GTK_BOX (flow), item);
            }
          gtk_box_append (GTK_BOX (row), title);
          {
            /* the largest sizes scroll sideways rather than widen the window */
            GtkWidget *scroller = gtk_scrolled_window_new ();

            gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
            gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
            gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), flow);
            gtk_box_append (GTK_BOX (row), scroller);
          }
          gtk_widget_set_margin_start (row, 12);
          gtk_widget_set_margin_end (row, 12);
          gtk_widget_set_margin_top (row, 6);
          gtk_widget_set_margin_bottom (row, 6);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      group_add (self, self->assets_group, expander);
    }
}

static void
build_typography (L4aBrandView *self)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(GPtrArray) families = g_ptr_array_new_with_free_func (g_free);
  PangoFontFamily **installed = NULL;
  int n_installed = 0;

  for (guint i = 0; i < self->assets->len; i++)
    {
      L4aBrandAsset *asset = g_ptr_array_index (self->assets, i);

      if (g_strcmp0 (asset->kind, "font") == 0)
        g_ptr_array_add (families, g_strdup (asset->name));
    }
  /* the default kit sets its label in Cantarell */
  if (families->len == 0)
    g_ptr_array_add (families, g_strdup ("Cantarell"));

  pango_font_map_list_families (map, &installed, &n_installed);
  for (guint i = 0; i < families->len; i++)
    {
      const char *family = g_ptr_array_index (families, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *specimen = gtk_label_new (_("Local4Action — local action, global network 0123456789"));
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      g_autofree char *css = g_strdup_printf ("label { font-family: \"%s\"; font-size: 18pt; }", family);
      gboolean found = FALSE;

      for (int k = 0; k < n_installed && !found; k++)
        found = g_ascii_strcasecmp (pango_font_family_get_name (installed[k]), family) == 0;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), family);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), found ? _("Installed")
                                                               : _("Not installed on this computer: the specimen "
                                                                   "shows a substitute"));
      if (!found)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_css_provider_load_from_data (provider, css, -1);
      gtk_style_context_add_provider (gtk_widget_get_style_context (specimen), GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_label_set_wrap (GTK_LABEL (specimen), TRUE);
      gtk_label_set_xalign (GTK_LABEL (specimen), 0);
      gtk_widget_set_margin_top (specimen, 6);
      gtk_widget_set_margin_bottom (specimen, 12);
      gtk_widget_set_margin_start (specimen, 12);
      gtk_widget_set_margin_end (specimen, 12);
      group_add (self, self->fonts_group, row);
      group_add (self, self->fonts_group, specimen);
    }
  g_free (installed);
}

/* The hub label -------------------------------------------------------------------- */

/* Returns: (transfer none) (nullable): the hub chosen for the label */
static L4aHub *
chosen_hub (L4aBrandView *self)
{
  gpointer item = self->hubs ? adw_combo_row_get_selected_item (self->hub_row) : NULL;

  return L4A_IS_HUB (item) && *l4a_hub_get_id (item) != '\0' ? item : NULL;
}

static void
draw_label (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  L4aBrandView *self = data;
  L4aHub *hub = chosen_hub (self);
  g_autoptr(L4aBrandAsset) label = NULL;
  g_autofree char *place = NULL;
  double label_width = MIN (width - 24, 480), x = 12;
  static const double white[3] = { 1, 1, 1 };
  double h;

  if (self->store == NULL || hub == NULL || (label = l4a_brand_get_label (self->store, NULL)) == NULL)
    return;
  place = l4a_hub_dup_place (hub);
  paint_background (cr, adw_combo_row_get_selected (self->background_row),
                    self->brand, width, height);
  h = l4a_brand_label_height (label, l4a_hub_get_name (hub), place, label_width);
  cairo_translate (cr, x, MAX ((height - h) / 2, 0));
  l4a_brand_draw_label (label, l4a_hub_get_name (hub), place, cr, label_width, white, NULL);
}

typedef struct
{
  GWeakRef  widget;
  L4aStore *store;
  char     *hub_id;
  int       width;
} LabelExport;

static void
label_export_free (LabelExport *export)
{
  g_weak_ref_clear (&export->widget);
  g_object_unref (export->store);
  g_free (export->hub_id);
  g_free (export);
}

static void
label_response_cb (GtkNativeDialog *dialog,
                   int              response,
                   LabelExport     *export)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&export->widget);

  if (response == GTK_RESPONSE_ACCEPT && widget != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !l4a_brand_export_label (export->store, export->hub_id, path, export->width, &error))
        {
          if (!l4a_toast_say (widget, error->message))
            tell (widget, _("The Label Was Not Exported"), error->message);
        }
    }
  label_export_free (export);
  g_object_unref (dialog);
}

/**
 * l4a_label_export_choose:
 * @widget: what asks, for the file chooser's parent and the messages
 * @format: "png-WIDTH", "svg" or "pdf", as l4a_label_export_button() gives
 *
 * Asks where to write the co-branded label of @hub_id, then writes it.
 */
void
l4a_label_export_choose (GtkWidget  *widget,
                         L4aStore   *store,
                         const char *hub_id,
                         const char *format)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  LabelExport *export = g_new0 (LabelExport, 1);

  g_weak_ref_init (&export->widget, widget);
  export->store = g_object_ref (store);
  export->hub_id = g_strdup (hub_id);
  export->width = g_str_has_prefix (format, "png-") ? atoi (format + 4) : 600;
  name = g_strdup_printf ("hub-label.%s", g_str_has_prefix (format, "png") ? "png" : format);
  dialog = gtk_file_chooser_native_new (_("Export Label"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (label_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_label_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aBrandView *self = L4A_BRAND_VIEW (widget);
  L4aHub *hub = chosen_hub (self);

  if (hub != NULL)
    l4a_label_export_choose (widget, self->store, l4a_hub_get_id (hub), g_variant_get_string (parameter, NULL));
}

/**
 * l4a_label_export_button:
 * @action: an action that takes "png-WIDTH", "svg" or "pdf"
 *
 * Returns: (transfer floating): the menu of a label's exports
 */
GtkWidget *
l4a_label_export_button (const char *action)
{
  static const struct { const char *label, *format; } formats[] = {
    { N_("PNG, 600 px wide"), "png-600" }, { N_("PNG, 1200 px wide"), "png-1200" },
    { N_("PNG, 2400 px wide"), "png-2400" }, { N_("SVG Drawing"), "svg" }, { N_("PDF Document"), "pdf" },
  };
  GtkWidget *export = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (formats[i].format));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export), "document-save-symbolic");
  gtk_widget_set_tooltip_text (export, _("Export Label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Label"), -1);
  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (export, "flat");
  return export;
}

static void
queue_label_draw (L4aBrandView *self)
{
  gtk_widget_queue_draw (self->label_area);
}

/* The hubs the label can name: the registry as the context lists it, read
 * only as far as the list is scrolled, kept in line with every change
 * (a hub renamed redraws the label; the one chosen stays chosen). */
static void
hubs_changed_cb (L4aBrandView *self)
{
  gtk_widget_set_sensitive (self->label_export, g_list_model_get_n_items (self->hubs) > 0);
  queue_label_draw (self);
}

static void
set_hubs (L4aBrandView *self,
          GListModel   *hubs)
{
  if (self->hubs != NULL)
    g_signal_handlers_disconnect_by_func (self->hubs, hubs_changed_cb, self);
  g_set_object (&self->hubs, hubs);
  adw_combo_row_set_model (self->hub_row, hubs);
  if (hubs == NULL)
    {
      gtk_widget_set_sensitive (self->label_export, FALSE);
      return;
    }
  g_signal_connect_swapped (hubs, "items-changed", G_CALLBACK (hubs_changed_cb), self);
  hubs_changed_cb (self);
}

/* Import ------------------------------------------------------------------------------ */

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    L4aBrandView    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "brand.import-file", "s", path);
    }
  g_object_unref (dialog);
}

/* Imports the image at the path given; a refusal is said with its reason. */
static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aBrandView *self = L4A_BRAND_VIEW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (!import_file (self, file, &error))
    tell (widget, _("The Asset Was Not Imported"), error->message);
}

/* Imports an SVG, PNG or JPEG file as a logo of the kit (a label if its
 * name says so). */
static gboolean
import_file (L4aBrandView  *self,
             GFile         *file,
             GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *media_type = l4a_brand_guess_media_type (name);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  char *dot;

  if (media_type == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("A brand asset is an SVG, PNG or JPEG image."));
      return FALSE;
    }
  data = l4a_read_gfile (file, L4A_BRAND_MAX_FILE, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("The file is larger than 8 MB, more than a brand asset needs."));
      return FALSE;
    }
  if (data == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  dot = strrchr (name, '.');
  if (dot != NULL)
    *dot = '\0';
  if (!l4a_brand_import_asset (self->store, name, strstr (lower, "label") ? "label" : "logo",
                               strstr (lower, "mono") ? "mono" : strstr (lower, "reversed") ? "reversed" : "primary",
                               data, media_type, error))
    return FALSE;
  reload (self);
  return TRUE;
}

/* Imports every image of @folder; @problems says which were not, and why. */
static guint
import_folder (L4aBrandView  *self,
               GFile         *folder,
               char         **problems)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  guint imported = 0;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (children == NULL)
    g_string_append (said, error->message);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) file = g_file_get_child (folder, g_file_info_get_name (info));
      g_autofree char *media_type = l4a_brand_guess_media_type (g_file_info_get_name (info));
      g_autoptr(GError) local_error = NULL;

      if (media_type == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      if (import_file (self, file, &local_error))
        imported++;
      else
        {
          /* translators: a file name, then why it was not imported */
          g_autofree char *line = g_strdup_printf (_("%s: %s"), g_file_info_get_name (info), local_error->message);

          g_string_append_printf (said, "%s%s", said->len ? "\n" : "", line);
        }
    }
  if (problems != NULL)
    *problems = said->len ? g_strdup (said->str) : NULL;
  return imported;
}

static void
folder_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    L4aBrandView    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "brand.import-folder", "s", path);
    }
  g_object_unref (dialog);
}

/* Imports every image of the folder at the path given, then says how many
 * were, and why the others were not. */
static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  L4aBrandView *self = L4A_BRAND_VIEW (widget);
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *problems = NULL;
  g_autofree char *heading = NULL;
  guint n = import_folder (self, folder, &problems);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Asset Imported", "%u Assets Imported", n), n);
  tell (widget, heading, problems);
}

static void
import_folder_activated_cb (L4aBrandView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import a Brand Kit Folder"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"), _("_Cancel"));
  g_signal_connect (dialog, "response", G_CALLBACK (folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_activated_cb (L4aBrandView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Brand Asset"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("SVG, PNG and JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Public ------------------------------------------------------------------------------ */

/* Builds the whole view from the database (every hub for the label, every
 * asset's previews): only when it is on show, or asked about. */
static void
load (L4aBrandView *self)
{
  self->stale = FALSE;
  if (self->store == NULL)
    return;
  clear_groups (self);

  g_clear_pointer (&self->colours, g_ptr_array_unref);
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  self->colours = l4a_brand_list_colours (self->store, NULL);
  self->assets = l4a_brand_list_assets (self->store, NULL);
  if (self->colours == NULL)
    self->colours = g_ptr_array_new ();
  if (self->assets == NULL)
    self->assets = g_ptr_array_new ();

  self->brand[0] = 0.11, self->brand[1] = 0.31, self->brand[2] = 0.55;
  for (guint i = 0; i < self->colours->len; i++)
    {
      L4aBrandColour *colour = g_ptr_array_index (self->colours, i);
      L4aRgb rgb;

      if (g_strcmp0 (colour->role, "primary") == 0 && l4a_rgb_parse_hex (colour->hex, &rgb))
        {
          self->brand[0] = rgb.red;
          self->brand[1] = rgb.green;
          self->brand[2] = rgb.blue;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->import_group), l4a_store_can (self->store, L4A_PERMISSION_KEEP_BRAND_KIT));
  gtk_widget_set_visible (self->default_note, l4a_brand_is_default (self->store));
  queue_label_draw (self);
  build_palette (self);
  build_contrast (self);
  build_assets (self);
  build_typography (self);
}

static void
ensure_fresh (L4aBrandView *self)
{
  if (self->stale)
    load (self);
}

/* Shows what the store holds now: at once when shown, else when next shown. */
static void
reload (L4aBrandView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

void
l4a_brand_view_set_store (L4aBrandView *self,
                          L4aStore     *store)
{
  g_return_if_fail (L4A_IS_BRAND_VIEW (self));

  g_set_object (&self->store, store);
  reload (self);
}

static void
l4a_brand_view_dispose (GObject *object)
{
  L4aBrandView *self = (L4aBrandView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_BRAND_VIEW);
  l4a_context_unfollow (&self->follow);
  g_clear_object (&self->store);
  g_clear_pointer (&self->colours, g_ptr_array_unref);
  g_clear_pointer (&self->assets, g_ptr_array_unref);
  if (self->hubs != NULL)
    g_signal_handlers_disconnect_by_func (self->hubs, hubs_changed_cb, self);
  g_clear_object (&self->hubs);
  g_clear_pointer (&self->previews, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_array_unref);

  G_OBJECT_CLASS (l4a_brand_view_parent_class)->dispose (object);
}

static void
l4a_brand_view_class_init (L4aBrandViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_brand_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "brand.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "brand.export-label", "s", export_label_action);
  gtk_widget_class_install_action (widget_class, "brand.import-file", "s", import_file_action);
  gtk_widget_class_install_action (widget_class, "brand.import-folder", "s", import_folder_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-brand-view.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, import_group);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, default_note);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, hub_row);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, background_row);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, label_area);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, palette_group);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, contrast_grid);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, assets_group);
  gtk_widget_class_bind_template_child (widget_class, L4aBrandView, fonts_group);
  gtk_widget_class_bind_template_callback (widget_class, ensure_fresh);
  gtk_widget_class_bind_template_callback (widget_class, import_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_folder_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_label_draw);
  gtk_widget_class_bind_template_callback (widget_class, clear_space_toggled_cb);
}

static void
l4a_brand_view_init (L4aBrandView *self)
{
  self->previews = g_ptr_array_new ();
  self->added = g_array_new (FALSE, FALSE, sizeof (AddedRow));
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->label_area), draw_label, self, NULL);
  self->label_export = l4a_label_export_button ("brand.export-label");
  gtk_widget_set_sensitive (self->label_export, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->hub_row), self->label_export);
}

/* What this view builds from these kinds of record; the hubs are a live
 * list of their own. */
static const char * const shown_kinds[] = { "brand_asset", "brand_colour", NULL };

/**
 * l4a_brand_view_set_context:
 *
 * Shows what @context holds, and follows its changes and its role.
 */
void
l4a_brand_view_set_context (L4aBrandView *self,
                            L4aContext *context)
{
  g_return_if_fail (L4A_IS_BRAND_VIEW (self));
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));

  l4a_context_follow (&self->follow, context, shown_kinds, (L4aFollowFunc) reload, self);
  set_hubs (self, context ? l4a_context_get_hubs (context) : NULL);
  l4a_brand_view_set_store (self, context ? l4a_context_get_store (context) : NULL);
}
