/* render-views.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders each main view of the real window to PNG, light and dark, wide
 * and 360 px narrow, on an empty database and on the sample data. The
 * pictures feed the README and the metainfo screenshots, and are looked at
 * before a view is called done. With --check, fails unless every picture
 * has the requested size, is not blank, and dark is darker than light.
 *
 *   l4a-render-views [--check] OUTDIR
 */

#include "config.h"

#include "l4a-adaptive-split.h"

#include "l4a-ticks.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "gui-test-utils.h"
#include "gui-test-views.h"
#include "l4a-color.h"
#include "test-utils.h"
#include "trust-test-utils.h"
#include "l4a-import.h"
#include "l4a-chart-card.h"
#include "l4a-application.h"
#include "l4a-calls-window.h"
#include "l4a-clarify.h"
#include "l4a-governments-window.h"
#include "l4a-proposal.h"
#include "l4a-registry.h"
#include "l4a-hub.h"
#include "l4a-government-row.h"
#include "l4a-hub-editor.h"
#include "l4a-hubs-view.h"
#include "l4a-proposal-edit.h"
#include "l4a-proposal-editor.h"
#include "l4a-members-window.h"
#include "l4a-audit-window.h"
#include "l4a-score-row.h"
#include "l4a-export-window.h"
#include "l4a-publish-window.h"
#include "l4a-import-window.h"
#include "l4a-indicators-view.h"
#include "l4a-measurements-window.h"
#include "l4a-bundle.h"
#include <sqlite3.h>
#include "l4a-review.h"
#include "l4a-review-window.h"
#include "l4a-reviews-view.h"
#include "l4a-summary.h"
#include "l4a-preferences-window.h"
#include "l4a-window.h"
#include "l4a-monitoring-dialogs.h"
#include "l4a-reports.h"
#include "l4a-window-private.h"

/* The chart cards under @view, as laid out. */
static GPtrArray *
chart_cards (GtkWidget *view)
{
  GPtrArray *cards = g_ptr_array_new ();

  l4a_test_collect_type (view, L4A_TYPE_CHART_CARD, cards);
  return cards;
}

static const char * const views[] = { "hubs", "proposals", "reviews", "indicators", "brand-kit" };

static const struct {
  const char *name;
  int         width;
  int         height;
} sizes[] = {
  { "wide", 1280, 800 },
  { "narrow", 360, 720 },
};

static gboolean
hubs_loaded (gpointer data)
{
  return !l4a_test_hubs_loading (data);
}

typedef struct
{
  double mean;   /* mean luminance, 0..1 */
  double spread; /* standard deviation of luminance */
} Stats;


static Stats
texture_stats (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  double sum = 0, sum2 = 0;
  gsize n = (gsize) width * height;
  Stats stats;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 0; i < n; i++)
    {
      /* Cairo's native ARGB32: B, G, R, A on little-endian. */
      double l = (0.0722 * pixels[i * 4] + 0.7152 * pixels[i * 4 + 1] + 0.2126 * pixels[i * 4 + 2]) / 255.0;
      sum += l;
      sum2 += l * l;
    }

  stats.mean = sum / n;
  stats.spread = sqrt (MAX (0, sum2 / n - stats.mean * stats.mean));
  return stats;
}

/* @window: a window, or another surface of its own (a popover) */
static GdkTexture *
render_window (gpointer window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint layout_problems;

/* Parents whose children may lie outside them on purpose: scrolling,
 * sliding, folding and revealing containers, and lists that recycle rows. */
static gboolean
clips_children (GtkWidget *parent)
{
  static const char * const types[] = {
    "GtkViewport", "GtkScrolledWindow", "GtkStack", "GtkRevealer", "GtkListView", "GtkColumnView",
    "GtkColumnListView", "GtkGridView", "GtkListItemWidget", "AdwLeaflet", "AdwCarousel", "AdwSqueezer",
    "AdwFlap", "AdwViewStack", "AdwToastOverlay", "GtkPopover", "GtkPopoverContent", "AdwClamp",
    "AdwClampScrollable", "L4aChartView", "L4aAdaptiveSplit", "GtkOverlay", "AdwTabBar", "GtkText",
    "GtkTextView",
  };

  static GType known[G_N_ELEMENTS (types)];

  /* looked up by name (some are private), once all are registered */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (known[i] == 0)
        known[i] = g_type_from_name (types[i]);
      if (known[i] != 0 && G_TYPE_CHECK_INSTANCE_TYPE (parent, known[i]))
        return TRUE;
    }
  return FALSE;
}

/* Whether a cut text can be read whole: @widget or a near ancestor offers
 * a tooltip, or it is the choice shown by a drop-down (whose list shows
 * every choice whole), or a window's title (the window shows it too). */
static gboolean
has_tooltip_near (GtkWidget *widget)
{
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL ||
      gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL ||
      gtk_widget_get_ancestor (widget, ADW_TYPE_WINDOW_TITLE) != NULL)
    return TRUE;
  for (guint up = 0; widget != NULL && up < 4; up++, widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_has_tooltip (widget))
      return TRUE;
  return FALSE;
}

/* What a picture shows wrongly in its layout: a text cut short with no
 * way to read it whole, or a child drawn outside its parent. Returns the
 * number of problems, each printed. */
static guint
check_layout (GtkWidget  *widget,
              const char *picture)
{
  guint problems = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  /* entries' placeholders and indicator dots are the toolkit's business */
  if (GTK_IS_TEXT (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwIndicatorBin"))
    return 0;

  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) && !has_tooltip_near (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LABEL)
    {
      g_printerr ("%s: the text “%s” is cut short, with no tooltip to read it whole\n", picture,
                  gtk_label_get_text (GTK_LABEL (widget)));
      problems++;
    }

  {
    GtkWidget *parent = gtk_widget_get_parent (widget);
    graphene_rect_t bounds;

    /* the toolkit's own inner parts (scroll bar sliders) are its business */
    if (parent != NULL && !GTK_IS_NATIVE (widget) && !clips_children (parent) &&
        !g_str_has_suffix (G_OBJECT_TYPE_NAME (widget), "Gizmo") &&
        gtk_widget_compute_bounds (widget, parent, &bounds) &&
        (bounds.origin.x < -1 || bounds.origin.y < -1 ||
         bounds.origin.x + bounds.size.width > gtk_widget_get_width (parent) + 1 ||
         bounds.origin.y + bounds.size.height > gtk_widget_get_height (parent) + 1))
      {
        GtkWidget *text = widget;

        /* the text it holds, to find it */
        while (text != NULL && !GTK_IS_LABEL (text))
          text = gtk_widget_get_first_child (text);
        g_printerr ("%s: a %s (“%s”) lies outside its %s (%g,%g %gx%g in %dx%d)\n", picture,
                    G_OBJECT_TYPE_NAME (widget), text ? gtk_label_get_text (GTK_LABEL (text)) : "",
                    G_OBJECT_TYPE_NAME (parent), bounds.origin.x, bounds.origin.y, bounds.size.width,
                    bounds.size.height, gtk_widget_get_width (parent), gtk_widget_get_height (parent));
        problems++;
      }
  }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    problems += check_layout (child, picture);
  return problems;
}

/* The layout check finds what it is for: a label cut short in a card of
 * fixed width, and a child put outside its parent. */
static gboolean
check_layout_finds_problems (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new ("A hub name far too long for the card that holds it");
  GtkWidget *fixed = gtk_fixed_new ();
  guint found;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_size_request (card, 120, -1);
  gtk_widget_set_halign (card, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (box), card);
  gtk_widget_set_size_request (fixed, 100, 40);
  gtk_widget_set_halign (fixed, GTK_ALIGN_START);
  gtk_fixed_put (GTK_FIXED (fixed), gtk_button_new_with_label ("Outside"), -30, 0);
  gtk_box_append (GTK_BOX (box), fixed);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 200);
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_iterate (0.3);
  found = check_layout (window, "layout self-check");
  /* a tooltip is a way to read the name whole */
  gtk_widget_set_tooltip_text (label, gtk_label_get_text (GTK_LABEL (label)));
  found += 10 * check_layout (window, "layout self-check");
  gtk_window_destroy (GTK_WINDOW (window));
  g_print ("layout self-check: %u\n", found);
  return found == 2 + 10;
}

/* L4A_DEBUG_WIDTH=1: which widgets ask for more than a phone's width, when
 * a narrow picture comes out wider than asked */
static void
debug_widths (GtkWidget *widget,
              int        depth)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > (g_getenv ("L4A_DEBUG_WIDTH_MIN") ? atoi (g_getenv ("L4A_DEBUG_WIDTH_MIN")) : 355) && gtk_widget_get_visible (widget))
    g_printerr ("%*s%s.%s min %d width %d\n", depth, "", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_css_name (widget), min, gtk_widget_get_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    debug_widths (child, depth + 1);
}

static gboolean
save_window (gpointer    window,
             const char *outdir,
             const char *name)
{
  g_autofree char *path = g_build_filename (outdir, name, NULL);
  g_autoptr(GdkTexture) texture = render_window (window);

  g_print ("%s: %dx%d\n", name, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  /* a phone's picture no wider than a phone */
  if (strstr (name, "narrow") != NULL && gdk_texture_get_width (texture) > 360)
    {
      g_printerr ("%s: %d pixels wide, more than a phone's 360\n", name, gdk_texture_get_width (texture));
      layout_problems++;
      if (g_getenv ("L4A_DEBUG_WIDTH"))
        debug_widths (GTK_WIDGET (window), 0);
    }
  layout_problems += check_layout (GTK_WIDGET (window), name);
  return gdk_texture_save_to_png (texture, path);
}

static gboolean
render_set (L4aApplication *app,
            const char     *outdir,
            const char     *data,
            gboolean        dark,
            guint           size,
            gboolean        check,
            GHashTable     *means)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window;
  gboolean ok = TRUE;
  guint n_views = g_str_equal (data, "empty") ? 1 : G_N_ELEMENTS (views);

  g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
  g_settings_set_int (settings, "window-width", sizes[size].width);
  g_settings_set_int (settings, "window-height", sizes[size].height);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = l4a_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  l4a_test_wait_until (hubs_loaded, l4a_test_show_view (window, "hubs"), 60, "the hubs to load");
  l4a_test_iterate (0.6);

  for (guint v = 0; v < n_views; v++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s.png", views[v], dark ? "dark" : "light",
                                               sizes[size].name, data);
      g_autofree char *path = g_build_filename (outdir, name, NULL);
      g_autoptr(GdkTexture) texture = NULL;
      Stats stats;

      l4a_window_show_view (window, views[v]);
      l4a_test_iterate (0.4);

      texture = render_window (GTK_WINDOW (window));
      layout_problems += check_layout (GTK_WIDGET (window), name);
      if (!gdk_texture_save_to_png (texture, path))
        {
          g_printerr ("Cannot write %s\n", path);
          ok = FALSE;
          continue;
        }

      stats = texture_stats (texture);
      g_print ("%s: %dx%d, mean luminance %.3f, spread %.3f\n", name,
               gdk_texture_get_width (texture), gdk_texture_get_height (texture), stats.mean, stats.spread);

      if (check)
        {
          g_autofree char *key = g_strdup_printf ("%s-%s-%s", views[v], sizes[size].name, data);

          /* The window is the requested size less its client-side frame;
           * a larger one means its content does not shrink to fit. */
          if (gdk_texture_get_width (texture) > sizes[size].width ||
              gdk_texture_get_width (texture) < sizes[size].width - 24 ||
              gdk_texture_get_height (texture) > sizes[size].height ||
              gdk_texture_get_height (texture) < sizes[size].height - 24)
            {
              g_printerr ("%s: expected %dx%d\n", name, sizes[size].width, sizes[size].height);
              ok = FALSE;
            }
          if (stats.spread < 0.02)
            {
              g_printerr ("%s: the picture is blank\n", name);
              ok = FALSE;
            }
          if (!dark)
            g_hash_table_insert (means, g_steal_pointer (&key), g_memdup2 (&stats.mean, sizeof stats.mean));
          else
            {
              double *light = g_hash_table_lookup (means, key);

              if (light == NULL || stats.mean >= *light - 0.2)
                {
                  g_printerr ("%s: the dark style is not darker than the light one\n", name);
                  ok = FALSE;
                }
            }
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);
  return ok;
}

/* The registry's other faces: the map, a hub's page, the editor and the
 * governments, light and dark, wide and narrow. */
static gboolean
render_registry (L4aApplication *app,
                 const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  gboolean ok = TRUE;

  for (guint dark = 0; dark <= 1; dark++)
    for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
      {
        g_autofree char *map_name = g_strdup_printf ("map-%s-%s.png", dark ? "dark" : "light", sizes[size].name);
        g_autofree char *hub_name = g_strdup_printf ("hub-page-%s-%s.png", dark ? "dark" : "light", sizes[size].name);
        g_autofree char *filter_name = g_strdup_printf ("filtered-%s-%s.png", dark ? "dark" : "light", sizes[size].name);
        g_autoptr(L4aHubFilter) filter = l4a_hub_filter_new ();
        g_autoptr(L4aHub) hub = NULL;
        L4aHubsView *hubs;
        L4aWindow *window;

        g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
        g_settings_set_int (settings, "window-width", sizes[size].width);
        g_settings_set_int (settings, "window-height", sizes[size].height);
        window = l4a_window_new (app);
        gtk_window_present (GTK_WINDOW (window));
        hubs = L4A_HUBS_VIEW (l4a_test_show_view (window, "hubs"));
        l4a_test_wait_until (hubs_loaded, hubs, 60, "the hubs to load");
        l4a_test_iterate (0.5);

        l4a_test_hubs_show_map (hubs, TRUE);
        l4a_test_iterate (0.6);
        ok &= save_window (GTK_WINDOW (window), outdir, map_name);
        l4a_test_hubs_show_map (hubs, FALSE);

        filter->region = g_strdup ("europe");
        filter->sdgs = 1u << 11;
        g_object_set (hubs, "filter", filter, NULL);
        l4a_test_iterate (0.4);
        ok &= save_window (GTK_WINDOW (window), outdir, filter_name);
        l4a_hub_filter_clear (filter);
        g_object_set (hubs, "filter", filter, NULL);

        hub = g_list_model_get_item (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs)), 0);
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs))); i++)
          {
            g_autoptr(L4aHub) candidate = g_list_model_get_item (G_LIST_MODEL (l4a_hubs_view_get_visible (hubs)), i);
            if (g_str_has_prefix (l4a_hub_get_name (candidate), "Rural"))
              g_set_object (&hub, candidate);
          }
        l4a_test_hubs_open (hubs, l4a_hub_get_id (hub));
        l4a_test_iterate (0.5);
        ok &= save_window (GTK_WINDOW (window), outdir, hub_name);

        if (size == 0)
          {
            g_autofree char *editor_name = g_strdup_printf ("hub-editor-%s.png", dark ? "dark" : "light");
            g_autofree char *governments_name = g_strdup_printf ("governments-%s.png", dark ? "dark" : "light");
            L4aHubEditor *editor = l4a_hub_editor_new (l4a_application_get_store (app), l4a_hub_get_id (hub), NULL);
            L4aGovernmentsWindow *governments;
            GtkWidget *end_row;

            /* With a mistake in it, to show how it is explained. */
            end_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), L4A_TYPE_HUB_EDITOR, "end_row"));
            gtk_editable_set_text (GTK_EDITABLE (end_row), "2028-12-31");
            gtk_window_present (GTK_WINDOW (editor));
            l4a_test_iterate (0.6);
            ok &= save_window (GTK_WINDOW (editor), outdir, editor_name);
            /* the lead government found by words */
            {
              GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), L4A_TYPE_HUB_EDITOR,
                                                                          "government_row"));
              GtkWidget *popover = GTK_WIDGET (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW, "popover"));
              GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (row, L4A_TYPE_GOVERNMENT_ROW,
                                                                            "search_entry"));
              g_autofree char *chooser_name = g_strdup_printf ("government-chooser-%s.png", dark ? "dark" : "light");

              gtk_popover_popup (GTK_POPOVER (popover));
              l4a_test_iterate (0.2);
              gtk_editable_set_text (GTK_EDITABLE (entry), "s");
              l4a_test_iterate (0.5);
              ok &= save_window (popover, outdir, chooser_name);
              gtk_popover_popdown (GTK_POPOVER (popover));
            }
            gtk_window_destroy (GTK_WINDOW (editor));

            {
              g_autofree char *calls_name = g_strdup_printf ("calls-%s.png", dark ? "dark" : "light");
              L4aCallsWindow *calls = l4a_calls_window_new (l4a_application_get_store (app));
              g_autoptr(GPtrArray) list = l4a_registry_list_calls (l4a_application_get_store (app), NULL);

              l4a_test_activate (GTK_WIDGET (calls), "calls.edit", "s", ((L4aCallInfo *) list->pdata[1])->id);
              gtk_window_present (GTK_WINDOW (calls));
              l4a_test_iterate (0.6);
              ok &= save_window (GTK_WINDOW (calls), outdir, calls_name);
              /* a criterion opened: what each level of its scale means */
              {
                GtkWidget *expander = l4a_test_find_type (GTK_WIDGET (calls), ADW_TYPE_EXPANDER_ROW);
                g_autofree char *criterion = g_strdup_printf ("calls-criterion-%s.png", dark ? "dark" : "light");

                if (expander != NULL)
                  {
                    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
                    GtkWidget *scrolled = gtk_widget_get_ancestor (expander, GTK_TYPE_SCROLLED_WINDOW);
                    double x = 0, y = 0;

                    l4a_test_iterate (0.3);
                    /* scrolled down to the criterion */
                    if (scrolled != NULL &&
                        gtk_widget_translate_coordinates (expander, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                          0, 0, &x, &y))
                      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                                                y - 12);
                    l4a_test_iterate (0.4);
                    ok &= save_window (GTK_WINDOW (calls), outdir, criterion);
                  }
              }
              gtk_window_destroy (GTK_WINDOW (calls));
            }

            governments = l4a_governments_window_new (l4a_application_get_store (app));
            gtk_window_present (GTK_WINDOW (governments));
            l4a_test_iterate (0.6);
            ok &= save_window (GTK_WINDOW (governments), outdir, governments_name);
            {
              /* one government open, its place on the map given */
              g_autofree char *editor_name = g_strdup_printf ("government-editor-%s.png", dark ? "dark" : "light");
              g_autofree char *kazan = l4a_test_sql_text (l4a_store_get_path (l4a_application_get_store (app)),
                                                          "SELECT id FROM government WHERE name = 'Kazan'");

              l4a_test_activate (GTK_WIDGET (governments), "governments.edit", "s", kazan);
              l4a_test_iterate (0.6);
              ok &= save_window (GTK_WINDOW (governments), outdir, editor_name);
              /* and on a phone */
              {
                g_autofree char *narrow_name = g_strdup_printf ("government-editor-%s-narrow.png",
                                                                dark ? "dark" : "light");

                gtk_window_set_default_size (GTK_WINDOW (governments), 360, 720);
                l4a_test_iterate (0.6);
                ok &= save_window (GTK_WINDOW (governments), outdir, narrow_name);
              }
            }
            gtk_window_destroy (GTK_WINDOW (governments));
          }

        l4a_test_hubs_show_registry (hubs);
        gtk_window_destroy (GTK_WINDOW (window));
        l4a_test_iterate (0.1);
      }

  return ok;
}


/* The first scrolled window in @widget; with @mapped, the first one shown
 * (a stack's hidden pages have their own). */
static GtkScrolledWindow *
find_scrolled_shown (GtkWidget *widget,
                     gboolean   mapped)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && (!mapped || gtk_widget_get_mapped (widget)))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_shown (child, mapped);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean save_scrolled (GtkWindow  *window,
                               const char *outdir,
                               const char *name,
                               const char *style);

/* The sample's unfinished draft, as the local government that writes it
 * sees it: the eligibility panel has red rows. */
static gboolean
render_proposal_editor (L4aApplication *app,
                        const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = l4a_store_resolve_reference (store, "proposal", "Lake Victoria Blue Economy Hub", &error);
  g_autofree char *kisumu = l4a_store_resolve_reference (store, "government", "Kisumu County", &error);
  gboolean ok = TRUE;

  if (id == NULL || kisumu == NULL)
    return FALSE;

  g_settings_set_string (settings, "role", "government");
  g_settings_set_string (settings, "identity", kisumu);

  /* Attach a real PDF, to show its first page as the thumbnail. */
  {
    g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "l4a-render-summary.pdf", NULL);
    g_autoptr(L4aProposalEdit) edit = l4a_registry_load_proposal (store, id, &error);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *data = NULL;
    gsize len;

    if (edit && l4a_proposal_write_summary (store, id, pdf, &error) &&
        g_file_get_contents (pdf, &data, &len, &error))
      {
        bytes = g_bytes_new_take (g_steal_pointer (&data), len);
        if (!l4a_registry_add_attachment (store, edit, "concept-note.pdf", bytes, &error) ||
            !l4a_registry_save_draft (store, edit, &error))
          g_printerr ("%s\n", error->message);
      }
    g_remove (pdf);
  }

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("proposal-editor-%s.png", dark ? "dark" : "light");
      L4aProposalEditor *editor;

      g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
      editor = l4a_proposal_editor_new (store, id, NULL, &error);
      gtk_window_present (GTK_WINDOW (editor));
      l4a_test_iterate (0.6);
      ok &= save_window (GTK_WINDOW (editor), outdir, name);
      /* the whole form, page by page, the six features beside it */
      ok &= save_scrolled (GTK_WINDOW (editor), outdir, "proposal-editor", dark ? "dark" : "light");
      /* on a phone: the features above the form */
      gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
      l4a_test_iterate (0.5);
      ok &= save_scrolled (GTK_WINDOW (editor), outdir, "proposal-editor-narrow", dark ? "dark" : "light");
      gtk_window_destroy (GTK_WINDOW (editor));
    }
  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  g_settings_set_string (settings, "color-scheme", "light");
  return ok;
}


/* Saves the window, then scrolled down by @pages of its height. */
static gboolean
save_scrolled (GtkWindow  *window,
               const char *outdir,
               const char *name,
               const char *style)
{
  GtkScrolledWindow *scrolled = find_scrolled_shown (GTK_WIDGET (window), FALSE);
  GtkWidget *split = l4a_test_find_type (GTK_WIDGET (window), L4A_TYPE_ADAPTIVE_SPLIT);
  gboolean ok = TRUE;

  /* a screen in two parts scrolls its main part (the review form) */
  if (split != NULL && l4a_adaptive_split_get_main (L4A_ADAPTIVE_SPLIT (split)) != NULL)
    scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (l4a_adaptive_split_get_main (L4A_ADAPTIVE_SPLIT (split)),
                                                             GTK_TYPE_SCROLLED_WINDOW));
  for (guint page = 0; page < 4; page++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%u-%s.png", name, page, style);

      if (page > 0 && scrolled)
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
          double value = gtk_adjustment_get_value (adjustment);

          if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment) - 1)
            break;
          gtk_adjustment_set_value (adjustment, value + gtk_adjustment_get_page_size (adjustment) * 0.9);
          l4a_test_iterate (0.3);
        }
      ok &= save_window (window, outdir, file);
    }
  return ok;
}

/* The Board's review: a member's list and review, and the secretariat's
 * view of a proposal with its decision. */
static gboolean
render_reviews (L4aApplication *app,
                const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *call = l4a_store_resolve_reference (store, "call", "Local4Action HUBs call 2025", &error);
  g_autoptr(L4aAssignMatrix) matrix = NULL;
  g_autofree char *member = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *submitted_member = NULL;
  g_autofree char *submitted_proposal = NULL;
  gboolean ok = TRUE;
  guint M;

  l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
  if (call == NULL || (matrix = l4a_review_matrix (store, call, &error)) == NULL)
    return FALSE;
  M = matrix->member_ids->len;
  for (guint p = 0; p < matrix->proposal_ids->len; p++)
    for (guint m = 0; m < M; m++)
      {
        L4aCell cell = matrix->cells[p * M + m];

        if (member == NULL && (cell == L4A_CELL_ASSIGNED || cell == L4A_CELL_DRAFT))
          {
            member = g_strdup (g_ptr_array_index (matrix->member_ids, m));
            proposal = g_strdup (g_ptr_array_index (matrix->proposal_ids, p));
          }
        if (submitted_member == NULL && cell == L4A_CELL_SUBMITTED)
          {
            submitted_member = g_strdup (g_ptr_array_index (matrix->member_ids, m));
            submitted_proposal = g_strdup (g_ptr_array_index (matrix->proposal_ids, p));
          }
      }
  if (member == NULL || submitted_member == NULL)
    return FALSE;

  for (guint dark = 0; dark <= 1; dark++)
    {
      const char *style = dark ? "dark" : "light";
      L4aReviewWindow *review;
      L4aWindow *window;
      GtkWidget *view;

      g_settings_set_string (settings, "color-scheme", style);

      /* A member's own review, being written */
      g_settings_set_string (settings, "role", "member");
      g_settings_set_string (settings, "identity", member);
      g_settings_set_int (settings, "window-width", 1100);
      g_settings_set_int (settings, "window-height", 700);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      l4a_window_show_view (window, "reviews");
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("reviews-member-%s.png", style);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }
      review = l4a_review_window_new (store, proposal, &error);
      if (review == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      gtk_window_present (GTK_WINDOW (review));
      /* half way through: two criteria scored, the counter and total formed */
      for (guint i = 0; i < 2; i++)
        l4a_score_row_set_score (L4A_SCORE_ROW (l4a_test_find_nth_type (GTK_WIDGET (review), L4A_TYPE_SCORE_ROW, i)),
                                 TRUE, 4 - (int) i);
      l4a_test_iterate (0.5);
      ok &= save_scrolled (GTK_WINDOW (review), outdir, "review-window-member", style);
      /* on a phone */
      gtk_window_set_default_size (GTK_WINDOW (review), 360, 720);
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("review-window-narrow-%s.png", style);
        ok &= save_window (GTK_WINDOW (review), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (review));

      /* After submitting: the others' reviews and the discussion */
      g_settings_set_string (settings, "identity", submitted_member);
      review = l4a_review_window_new (store, submitted_proposal, &error);
      if (review != NULL)
        {
          gtk_window_set_default_size (GTK_WINDOW (review), 720, 1600);
          gtk_window_present (GTK_WINDOW (review));
          l4a_test_iterate (0.5);
          ok &= save_scrolled (GTK_WINDOW (review), outdir, "review-window-submitted", style);
          gtk_window_destroy (GTK_WINDOW (review));
        }
      gtk_window_destroy (GTK_WINDOW (window));

      /* The secretariat: ranking, and a proposal with its decision */
      g_settings_set_string (settings, "role", "secretariat");
      g_settings_set_string (settings, "identity", "");
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      l4a_window_show_view (window, "reviews");
      view = l4a_test_show_view (window, "reviews");
      {
        GtkDropDown *calls = GTK_DROP_DOWN (L4A_TEST_CHILD (view, L4A_TYPE_REVIEWS_VIEW, "call_drop"));
        GListModel *titles = gtk_drop_down_get_model (calls);

        for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
          if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (titles), i), "Local4Action HUBs call 2025"))
            gtk_drop_down_set_selected (calls, i);
      }
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("reviews-secretariat-%s.png", style);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }
      review = l4a_review_window_new (store, submitted_proposal, &error);
      if (review != NULL)
        {
          gtk_window_set_default_size (GTK_WINDOW (review), 720, 2200);
          gtk_window_present (GTK_WINDOW (review));
          l4a_test_iterate (0.5);
          ok &= save_scrolled (GTK_WINDOW (review), outdir, "review-window-secretariat", style);
          gtk_window_destroy (GTK_WINDOW (review));
        }
      {
        GtkWindow *members = l4a_test_open_window (view, "reviews.members", L4A_TYPE_MEMBERS_WINDOW, NULL);
        g_autofree char *name = g_strdup_printf ("members-%s.png", style);
        g_autofree char *edit_name = g_strdup_printf ("member-edit-%s.png", style);

        l4a_test_iterate (0.4);
        ok &= save_window (members, outdir, name);
        l4a_test_activate (GTK_WIDGET (members), "members.edit", "s", submitted_member);
        gtk_window_set_default_size (members, 360, 720);
        l4a_test_iterate (0.6);
        ok &= save_window (members, outdir, edit_name);
        gtk_window_destroy (members);
      }
      {
        GtkWindow *matrix_window = l4a_test_open_window (view, "reviews.matrix", ADW_TYPE_WINDOW, "Who Reviews What");
        GtkWindow *audit = l4a_test_open_window (view, "reviews.audit", L4A_TYPE_AUDIT_WINDOW, NULL);
        g_autofree char *name = g_strdup_printf ("reviews-matrix-%s.png", style);
        g_autofree char *audit_name = g_strdup_printf ("audit-%s.png", style);

        l4a_test_iterate (0.5);
        ok &= matrix_window && save_window (matrix_window, outdir, name);
        ok &= audit && save_window (audit, outdir, audit_name);
        if (matrix_window)
          gtk_window_destroy (matrix_window);
        if (audit)
          gtk_window_destroy (audit);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }

  /* Before deciding: questions to the government and the meta-review.
   * The secretariat names a lead on a proposal whose reviews are in; the
   * lead writes; the government answers the question it was sent. */
  {
    g_autofree char *board_proposal = l4a_store_resolve_reference (store, "proposal", "Ethical Urban Data Hub", &error);
    g_autofree char *lead = l4a_store_resolve_reference (store, "member", "Amina Diallo (sample)", &error);
    g_autofree char *waiting = l4a_store_resolve_reference (store, "proposal", "Inclusive Neighbourhood Care Hub",
                                                            &error);
    g_autofree char *city = l4a_store_resolve_reference (store, "government", "Montevideo", &error);

    if (board_proposal == NULL || lead == NULL || waiting == NULL || city == NULL)
      {
        g_printerr ("render: the sample lacks the board's proposal, lead or city\n");
        return FALSE;
      }
    l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
    if (!l4a_meta_review_request (store, board_proposal, lead, &error))
      {
        g_printerr ("%s\n", error->message);
        return FALSE;
      }
    for (guint dark = 0; dark <= 1; dark++)
      {
        const char *style = dark ? "dark" : "light";
        L4aReviewWindow *review;
        L4aProposalEditor *editor;

        g_settings_set_string (settings, "color-scheme", style);
        g_settings_set_string (settings, "role", "secretariat");
        g_settings_set_string (settings, "identity", "");
        review = l4a_review_window_new (store, board_proposal, &error);
        gtk_window_set_default_size (GTK_WINDOW (review), 720, 2600);
        gtk_window_present (GTK_WINDOW (review));
        l4a_test_iterate (0.5);
        ok &= save_scrolled (GTK_WINDOW (review), outdir, "review-window-questions", style);
        gtk_window_destroy (GTK_WINDOW (review));

        g_settings_set_string (settings, "role", "member");
        g_settings_set_string (settings, "identity", lead);
        review = l4a_review_window_new (store, board_proposal, &error);
        gtk_window_set_default_size (GTK_WINDOW (review), 720, 2600);
        gtk_window_present (GTK_WINDOW (review));
        l4a_test_iterate (0.5);
        ok &= save_scrolled (GTK_WINDOW (review), outdir, "review-window-lead", style);
        gtk_window_set_default_size (GTK_WINDOW (review), 360, 720);
        l4a_test_iterate (0.5);
        {
          g_autofree char *name = g_strdup_printf ("review-window-lead-narrow-%s.png", style);
          ok &= save_window (GTK_WINDOW (review), outdir, name);
        }
        gtk_window_destroy (GTK_WINDOW (review));

        g_settings_set_string (settings, "role", "government");
        g_settings_set_string (settings, "identity", city);
        editor = l4a_proposal_editor_new (store, waiting, NULL, &error);
        if (editor != NULL)
          {
            g_autofree char *name = g_strdup_printf ("proposal-questions-%s.png", style);

            gtk_window_set_default_size (GTK_WINDOW (editor), 720, 800);
            gtk_window_present (GTK_WINDOW (editor));
            l4a_test_iterate (0.5);
            ok &= save_window (GTK_WINDOW (editor), outdir, name);
            gtk_window_destroy (GTK_WINDOW (editor));
          }
      }
    /* a government's list: what it submitted and has not sent yet */
    {
      g_autofree char *quito = l4a_store_resolve_reference (store, "government", "Quito", &error);
      L4aWindow *window;

      g_settings_set_string (settings, "color-scheme", "light");
      g_settings_set_string (settings, "role", "government");
      g_settings_set_string (settings, "identity", quito);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      l4a_window_show_view (window, "proposals");
      l4a_test_iterate (0.5);
      ok &= save_window (GTK_WINDOW (window), outdir, "proposals-government-light.png");
      gtk_window_destroy (GTK_WINDOW (window));
    }
    g_settings_set_string (settings, "role", "secretariat");
    g_settings_set_string (settings, "identity", "");
  }

  /* A government reads the released decision on its proposal. */
  {
    L4aQuery query = { .status = "released" };
    g_autoptr(GListModel) released = l4a_registry_list_proposals (store, &query, &error);
    g_autoptr(L4aProposal) first = released ? g_list_model_get_item (released, 0) : NULL;
    g_autofree char *government = first ? l4a_store_resolve_reference (store, "government",
                                                                       l4a_proposal_get_government (first), NULL) : NULL;

    if (government != NULL)
      {
        L4aProposalEditor *editor;

        g_settings_set_string (settings, "color-scheme", "light");
        g_settings_set_string (settings, "role", "government");
        g_settings_set_string (settings, "identity", government);
        editor = l4a_proposal_editor_new (store, l4a_proposal_get_id (first), NULL, &error);
        if (editor != NULL)
          {
            gtk_window_present (GTK_WINDOW (editor));
            l4a_test_iterate (0.5);
            ok &= save_window (GTK_WINDOW (editor), outdir, "proposal-decision-light.png");
            gtk_window_destroy (GTK_WINDOW (editor));
          }
      }
  }

  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "identity", "");
  g_settings_set_string (settings, "color-scheme", "light");
  return ok;
}

/* Secondary windows, for looking at; their size is their own. */
static gboolean
render_dialogs (L4aApplication *app,
                const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  gboolean ok = TRUE;

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *path = g_strdup_printf ("%s/preferences-%s.png", outdir, dark ? "dark" : "light");
      g_autoptr(GdkTexture) texture = NULL;
      L4aPreferencesWindow *prefs;

      g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
      g_settings_set_string (settings, "role", "member");
      prefs = l4a_preferences_window_new (settings, l4a_application_get_store (app));
      gtk_window_present (GTK_WINDOW (prefs));
      l4a_test_iterate (0.6);
      texture = render_window (GTK_WINDOW (prefs));
      ok &= gdk_texture_save_to_png (texture, path);
      gtk_window_destroy (GTK_WINDOW (prefs));
    }

  g_settings_set_string (settings, "role", "secretariat");
  g_settings_set_string (settings, "color-scheme", "light");

  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/l4a-shortcuts-window.ui");
    GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

    gtk_window_present (shortcuts);
    l4a_test_iterate (0.6);
    ok &= save_window (shortcuts, outdir, "shortcuts-light.png");
    gtk_window_destroy (shortcuts);
  }

  return ok;
}

static gboolean
import_ready (gpointer data)
{
  return g_strcmp0 (l4a_test_page_of (data, L4A_TYPE_IMPORT_WINDOW, "stack"), "checking") != 0;
}

static gboolean
publish_finished (gpointer data)
{
  const char *page = l4a_test_page_of (data, L4A_TYPE_PUBLISH_WINDOW, "stack");

  return g_strcmp0 (page, "done") == 0 || g_strcmp0 (page, "error") == 0;
}

/* The import preview of a bundle from another secretariat workstation: one
 * record changed on both sides, others there only, one new; then the
 * export window. */
static gboolean
render_sync (L4aApplication *app,
             const char     *outdir,
             const char     *tmpdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *full = g_build_filename (tmpdir, "render-full.l4a.json", NULL);
  g_autofree char *changed = g_build_filename (tmpdir, "render-changed.l4a.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *sql = NULL;
  JsonObject *root, *records;
  JsonArray *hubs;
  gboolean ok = TRUE;
  sqlite3 *db;

  if (!l4a_bundle_export (store, "full", NULL, full, NULL, NULL, &error) ||
      !json_parser_load_from_file (parser, full, &error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  records = json_object_get_object_member (root, "records");
  hubs = json_object_get_array_member (records, "hub");
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *hub = json_array_get_object_element (hubs, i);
      g_autofree char *name = g_strdup_printf ("%s (renamed there)", json_object_get_string_member (hub, "name"));

      json_object_set_string_member (hub, "name", name);
      json_object_set_string_member (hub, "summary", "Updated on another workstation.");
      json_object_set_int_member (hub, "revision", json_object_get_int_member (hub, "revision") + 1);
    }
  /* two of them renamed here too: conflicts, with the choice for all */
  sql = g_strdup_printf ("UPDATE hub SET name = name || ' (renamed here)', revision = revision + 1 "
                         "WHERE id IN ('%s', '%s')",
                         json_object_get_string_member (json_array_get_object_element (hubs, 0), "id"),
                         json_object_get_string_member (json_array_get_object_element (hubs, 1), "id"));
  json_object_set_string_member (root, "bundle_id", "3f2b8a36-2f0c-4c35-9a4e-6e0c2d7b9a10");
  checksum = l4a_bundle_checksum (json_object_get_member (root, "records"));
  json_object_set_string_member (root, "checksum", checksum);
  /* signed again, as that workstation wrote it */
  {
    g_autofree char *text = l4a_test_sign_root (json_parser_get_root (parser), l4a_store_get_key (store, NULL));

    if (!g_file_set_contents (changed, text, -1, &error))
      return FALSE;
  }
  if (sqlite3_open (l4a_store_get_path (store), &db) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_close (db);

  for (guint dark = 0; dark <= 1; dark++)
    {
      const char *style = dark ? "dark" : "light";
      g_autoptr(GFile) file = g_file_new_for_path (changed);
      g_autofree char *name = g_strdup_printf ("import-preview-%s.png", style);
      g_autofree char *export_name = g_strdup_printf ("export-%s.png", style);
      L4aWindow *window;
      GtkWindow *import, *export;

      g_settings_set_string (settings, "color-scheme", style);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      import = l4a_window_import_file (window, file);
      l4a_test_wait_until (import_ready, import, 30, "the import preview");
      l4a_test_iterate (0.5);
      ok &= g_strcmp0 (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), "preview") == 0;
      ok &= save_window (import, outdir, name);
      if (dark)
        {
          gtk_window_set_default_size (import, 360, 640);
          l4a_test_iterate (0.5);
          ok &= save_window (import, outdir, "import-preview-narrow.png");
        }
      gtk_window_destroy (import);

      g_settings_set_string (settings, "role", "secretariat");
      export = l4a_window_open_export (window);
      g_object_set (export, "kind", "review-packet", NULL);
      l4a_test_iterate (0.5);
      ok &= save_window (export, outdir, export_name);
      /* released decisions: every government, or one found by words */
      {
        g_autofree char *decisions_name = g_strdup_printf ("export-decisions-%s.png", style);

        g_object_set (export, "kind", "decisions", NULL);
        l4a_test_iterate (0.3);
        ok &= save_window (export, outdir, decisions_name);
      }
      gtk_window_destroy (export);

      /* the website: where, then what was written */
      {
        g_autofree char *publish_name = g_strdup_printf ("publish-%s.png", style);
        g_autofree char *done_name = g_strdup_printf ("publish-done-%s.png", style);
        g_autofree char *site = g_build_filename (tmpdir, "render-site", NULL);
        GtkWindow *publish = l4a_window_open_publish (window);
        GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (publish),
                                                                       L4A_TYPE_PUBLISH_WINDOW, "publish_button"));

        g_object_set (L4A_PUBLISH_WINDOW (publish), "folder", site, NULL);
        l4a_test_iterate (0.5);
        ok &= save_window (publish, outdir, publish_name);
        gtk_widget_activate (button);
        l4a_test_wait_until (publish_finished, publish, 120, "the website");
        l4a_test_iterate (0.3);
        ok &= g_strcmp0 (l4a_test_page_of (publish, L4A_TYPE_PUBLISH_WINDOW, "stack"), "done") == 0;
        ok &= save_window (publish, outdir, done_name);
        gtk_window_destroy (publish);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }
  g_settings_set_string (settings, "color-scheme", "light");
  return ok;
}

/* The first bundle from a World Secretariat on a new workstation: its key's
 * fingerprint, to compare before anything is taken from it. */
static gboolean
render_first_contact (L4aApplication *app,
                      const char     *outdir,
                      const char     *tmpdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  g_autofree char *db_path = g_build_filename (tmpdir, "render-stranger.sqlite", NULL);
  g_autofree char *stranger = g_build_filename (tmpdir, "render-stranger.l4a.json", NULL);
  g_autoptr(L4aStore) other = l4a_store_open (db_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (stranger);
  gboolean ok = TRUE;

  if (other == NULL || !l4a_bundle_export (other, "registry", NULL, stranger, NULL, NULL, NULL))
    return FALSE;
  for (guint dark = 0; dark <= 1; dark++)
    {
      const char *style = dark ? "dark" : "light";
      g_autofree char *name = g_strdup_printf ("import-first-contact-%s.png", style);
      L4aWindow *window;
      GtkWindow *import;

      g_settings_set_string (settings, "color-scheme", style);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      import = l4a_window_import_file (window, file);
      l4a_test_wait_until (import_ready, import, 30, "the first contact");
      l4a_test_iterate (0.5);
      if (g_strcmp0 (l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"), "first-contact") != 0)
        {
          g_printerr ("The import window is in its “%s” state, not on first contact\n",
                      l4a_test_page_of (import, L4A_TYPE_IMPORT_WINDOW, "stack"));
          ok = FALSE;
        }
      ok &= save_window (import, outdir, name);
      if (dark)
        {
          gtk_window_set_default_size (import, 360, 640);
          l4a_test_iterate (0.5);
          ok &= save_window (import, outdir, "import-first-contact-narrow.png");
        }
      gtk_window_destroy (import);
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }
  g_settings_set_string (settings, "color-scheme", "light");
  return ok;
}

static void scroll_to (GtkWidget *window,
                       GtkWidget *widget);

/* The first preferences row under @root whose title starts with @start. */
static GtkWidget *
find_row_starting (GtkWidget  *root,
                   const char *start)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), start))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_starting (child, start);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new window showing @hub's indicators (the window's size and style as
 * the settings say); @ok is cleared if the hub cannot be chosen. */
static L4aWindow *
open_hub_indicators (L4aApplication  *app,
                     const char      *hub,
                     GtkWidget      **view,
                     gboolean        *ok)
{
  L4aWindow *window = l4a_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  l4a_window_show_view (window, "indicators");
  *view = l4a_test_show_view (window, "indicators");
  l4a_test_iterate (0.3);
  *ok &= l4a_test_choose_hub (L4A_TEST_CHILD (*view, L4A_TYPE_INDICATORS_VIEW, "hub_row"), hub);
  l4a_test_iterate (0.5);
  return window;
}

/* A hub's indicators, scrolled to them, wide and narrow. */
static gboolean
render_hub_indicators (L4aApplication *app,
                       const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  g_autofree char *hub = NULL;
  gboolean ok = TRUE;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  if (sqlite3_open_v2 (l4a_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_prepare_v2 (db, "SELECT hub_id FROM indicator WHERE hub_id IS NOT NULL GROUP BY hub_id "
                              "ORDER BY count(*) DESC, hub_id LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    hub = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (hub == NULL)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      const char *style = i == 1 ? "dark" : "light";
      g_autofree char *name = g_strdup_printf ("indicators-hub-%s%s.png", style, i == 2 ? "-narrow" : "");
      GtkWidget *view, *scrolled;
      L4aWindow *window;

      g_settings_set_string (settings, "color-scheme", style);
      g_settings_set_int (settings, "window-width", i == 2 ? 360 : 1100);
      g_settings_set_int (settings, "window-height", 800);
      window = open_hub_indicators (app, hub, &view, &ok);
      /* scroll to the hub's indicators */
      scrolled = gtk_widget_get_first_child (gtk_widget_get_first_child (view));
      while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
        scrolled = gtk_widget_get_next_sibling (scrolled);
      if (scrolled != NULL)
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
          g_autoptr(GPtrArray) cards = chart_cards (view);
          graphene_point_t point;

          if (cards->len > 7 &&
              gtk_widget_compute_point (g_ptr_array_index (cards, 7), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                        &GRAPHENE_POINT_INIT (0, 0), &point))
            /* with the hub row and the export above them */
            gtk_adjustment_set_value (adjustment, point.y - 260);
          l4a_test_iterate (0.3);
        }
      ok &= save_window (GTK_WINDOW (window), outdir, name);
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }

  /* every measurement of one of its indicators, in their window: light,
   * dark and narrow, with 40 measurements more than the sample's */
  {
    L4aContext *context = l4a_application_get_context (app);
    g_autoptr(GPtrArray) indicators = l4a_indicators_list (store, hub, NULL);
    L4aIndicatorEdit *indicator = indicators && indicators->len > 0 ? g_ptr_array_index (indicators, 0) : NULL;
    g_autofree char *insert = NULL;

    if (indicator == NULL)
      return FALSE;
    insert = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39) "
                              "INSERT INTO measurement (id, indicator_id, measured_on, value, source, note, created_at, "
                              "updated_at, origin) SELECT printf ('render-many-%%02d', i), '%s', "
                              "date ('2019-01-31', '+' || i || ' months'), 40 + (i * 7) %% 23, "
                              "CASE WHEN i %% 4 = 0 THEN 'City survey' ELSE '' END, "
                              "CASE WHEN i = 38 THEN 'Counted again after the flood' ELSE '' END, "
                              "'x', 'x', 'render' FROM n", indicator->id);
    l4a_test_sql_exec (l4a_store_get_path (store), insert);
    l4a_context_check_for_changes (context);
    for (guint i = 0; i < 3; i++)
      {
        const char *style = i == 1 ? "dark" : "light";
        g_autofree char *name = g_strdup_printf ("measurements-%s%s.png", style, i == 2 ? "-narrow" : "");
        g_autoptr(GError) error = NULL;
        L4aMeasurementsWindow *window;

        g_settings_set_string (settings, "color-scheme", style);
        window = l4a_measurements_window_new (context, indicator, TRUE, &error);
        if (window == NULL)
          return FALSE;
        gtk_window_set_default_size (GTK_WINDOW (window), i == 2 ? 360 : 520, 640);
        gtk_window_present (GTK_WINDOW (window));
        l4a_test_iterate (0.4);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
        gtk_window_destroy (GTK_WINDOW (window));
        l4a_test_iterate (0.1);

        /* and the card that opens it: the newest 20, then "All 45
         * Measurements…" */
        {
          g_autofree char *card_name = g_strdup_printf ("measurements-card-%s%s.png", style,
                                                        i == 2 ? "-narrow" : "");
          g_autofree char *count = g_strdup_printf ("%u Measurements", indicator->n_measurements + 40);
          GtkWidget *view, *expander, *all;
          L4aWindow *main_window;

          g_settings_set_int (settings, "window-width", i == 2 ? 360 : 1100);
          main_window = open_hub_indicators (app, hub, &view, &ok);
          expander = find_row_starting (view, count);
          ok &= expander != NULL;
          if (expander != NULL)
            {
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
              l4a_test_iterate (0.3);
              all = find_row_starting (expander, "_All ");
              ok &= all != NULL;
              /* the last rows above the card's foot */
              scroll_to (GTK_WIDGET (main_window), all);
              if (all != NULL)
                {
                  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
                    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (all, GTK_TYPE_SCROLLED_WINDOW)));

                  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - 380);
                  l4a_test_iterate (0.3);
                }
              ok &= save_window (GTK_WINDOW (main_window), outdir, card_name);
            }
          gtk_window_destroy (GTK_WINDOW (main_window));
          l4a_test_iterate (0.1);
        }
      }
    l4a_test_sql_exec (l4a_store_get_path (store), "DELETE FROM measurement WHERE id LIKE 'render-many-%'");
    l4a_context_check_for_changes (context);
  }

  g_settings_set_string (settings, "color-scheme", "light");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  return ok;
}

/* Scrolls @window's shown page so that @widget stands near the top. */
static void
scroll_to (GtkWidget *window,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = widget ? GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget,
                                                                                      GTK_TYPE_SCROLLED_WINDOW))
                                       : NULL;
  graphene_point_t point;

  /* twice: what the first scroll brings into view may change the page's height */
  for (guint i = 0; i < 2; i++)
    {
      if (scrolled != NULL &&
          gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (scrolled), &GRAPHENE_POINT_INIT (0, 0),
                                    &point))
        {
          /* the point is where it shows now: the page has scrolled by the value */
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 24);
        }
      l4a_test_iterate (0.3);
    }
}

/* The widget named @name under @widget (a form's field), or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* The group titled @title under @widget, or NULL. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* What hubs report: the hub page's deliverables and activities as the lead
 * government sees them, the forms of an activity, a deliverable's history
 * and change, a meeting, and the network's activity and calendar. */
static gboolean
render_monitoring (L4aApplication *app,
                   const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aStore *store = l4a_application_get_store (app);
  const char *path = l4a_store_get_path (store);
  g_autofree char *hub = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *done = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *activity = NULL;
  g_autofree char *meeting = l4a_test_sql_text (path, "SELECT min (id) FROM network_event");
  gboolean ok = TRUE;

  /* a hub with many activities and a report to write */
  {
    g_autoptr(GPtrArray) slots = l4a_reporting_pending (store, NULL);

    for (guint k = 0; slots && k < slots->len && hub == NULL; k++)
      {
        L4aReportSlot *slot = g_ptr_array_index (slots, k);

        if (slot->state == L4A_REPORT_DUE || slot->state == L4A_REPORT_OVERDUE)
          hub = g_strdup (slot->hub_id);
      }
  }
  if (hub == NULL || meeting == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT government_id FROM hub WHERE id = '%s'", hub);
  lead = l4a_test_sql_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT d.id FROM deliverable d WHERE d.hub_id = '%s' AND EXISTS "
                         "(SELECT 1 FROM deliverable_change c WHERE c.deliverable_id = d.id) ORDER BY d.due_on LIMIT 1",
                         hub);
  done = l4a_test_sql_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM deliverable WHERE status IN ('planned', 'in-progress', 'late') "
                         "AND hub_id IS NOT NULL ORDER BY due_on LIMIT 1");
  planned = l4a_test_sql_text (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT id FROM activity WHERE hub_id = '%s' AND kind = 'joint-product' LIMIT 1", hub);
  activity = l4a_test_sql_text (path, sql);

  for (guint i = 0; i < 3; i++)
    {
      const char *style = i == 1 ? "dark" : "light";
      const char *size = i == 2 ? "-narrow" : "";
      int width = i == 2 ? 360 : 1100;
      L4aWindow *window;
      L4aHubsView *hubs;
      GtkWidget *dialog;
      GtkWidget *page;
      GtkWidget *view;

      g_settings_set_string (settings, "color-scheme", style);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", 800);

      /* the hub's lead government */
      l4a_store_set_actor (store, L4A_ROLE_GOVERNMENT, lead);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      l4a_window_show_view (window, "hubs");
      hubs = L4A_HUBS_VIEW (l4a_test_show_view (window, "hubs"));
      l4a_test_wait_until (hubs_loaded, hubs, 60, "the hubs to load");
      l4a_test_hubs_open (hubs, hub);
      l4a_test_iterate (0.5);
      page = GTK_WIDGET (hubs);
      scroll_to (page, find_group (page, _("Deliverables")));
      {
        g_autofree char *name = g_strdup_printf ("monitoring-hub-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }

      dialog = l4a_activity_dialog_new (page, store, hub, activity);
      gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
      gtk_window_present (GTK_WINDOW (dialog));
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("activity-dialog-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (dialog), outdir, name);
      }
      /* a mistake, explained under the form */
      gtk_editable_set_text (GTK_EDITABLE (find_named (dialog, "ends_on")), "2020-01-01");
      l4a_test_iterate (0.3);
      scroll_to (dialog, find_named (dialog, "problem"));
      {
        g_autofree char *name = g_strdup_printf ("activity-dialog-problem-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (dialog), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (dialog));

      /* the report of the last period ended, being written */
      {
        g_autoptr(GPtrArray) slots = l4a_reporting_schedule (store, hub, NULL);
        const char *start = NULL;

        for (guint k = 0; slots && k < slots->len; k++)
          if (((L4aReportSlot *) g_ptr_array_index (slots, k))->state == L4A_REPORT_DUE ||
              ((L4aReportSlot *) g_ptr_array_index (slots, k))->state == L4A_REPORT_OVERDUE)
            start = ((L4aReportSlot *) g_ptr_array_index (slots, k))->period_start;
        if (start != NULL)
          {
            GtkTextView *narrative;

            dialog = l4a_report_dialog_new (page, store, hub, start);
            gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
            gtk_window_present (GTK_WINDOW (dialog));
            narrative = GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (find_named (dialog, "narrative"))));
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (narrative),
                                      "The partners opened two more climate shelters and trained 40 staff.", -1);
            l4a_test_iterate (0.5);
            {
              g_autofree char *name = g_strdup_printf ("report-write-%s%s.png", style, size);
              ok &= save_window (GTK_WINDOW (dialog), outdir, name);
            }
            scroll_to (dialog, find_named (dialog, "submit"));
            {
              g_autofree char *name = g_strdup_printf ("report-write-bottom-%s%s.png", style, size);
              ok &= save_window (GTK_WINDOW (dialog), outdir, name);
            }
            gtk_window_destroy (GTK_WINDOW (dialog));
          }
        else
          ok = FALSE;
      }

      dialog = l4a_link_dialog_new (page, store, hub);
      gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
      gtk_window_present (GTK_WINDOW (dialog));
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("link-dialog-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (dialog), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (dialog));
      scroll_to (page, find_group (page, _("Linked Hubs")));
      {
        g_autofree char *name = g_strdup_printf ("monitoring-links-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }

      dialog = l4a_deliverable_dialog_new (page, store, done);
      gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
      gtk_window_present (GTK_WINDOW (dialog));
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("deliverable-dialog-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (dialog), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.2);

      /* the secretariat: a deliverable still to do, a meeting, the network */
      l4a_store_set_actor (store, L4A_ROLE_SECRETARIAT, NULL);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      l4a_test_iterate (0.3);
      dialog = l4a_deliverable_dialog_new (GTK_WIDGET (window), store, planned);
      gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
      gtk_window_present (GTK_WINDOW (dialog));
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("deliverable-change-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (dialog), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (dialog));
      {
        g_autofree char *submitted = l4a_test_sql_text (path, "SELECT hub_id || ' ' || period_start FROM "
                                                              "progress_report WHERE status = 'submitted' "
                                                              "ORDER BY hub_id LIMIT 1");
        g_auto(GStrv) parts = g_strsplit (submitted ? submitted : "- -", " ", 2);

        dialog = l4a_report_dialog_new (GTK_WIDGET (window), store, parts[0], parts[1]);
        gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
        gtk_window_present (GTK_WINDOW (dialog));
        l4a_test_iterate (0.5);
        scroll_to (dialog, find_named (dialog, "comment"));
        {
          g_autofree char *name = g_strdup_printf ("report-answer-%s%s.png", style, size);
          ok &= save_window (GTK_WINDOW (dialog), outdir, name);
        }
        gtk_window_destroy (GTK_WINDOW (dialog));
      }
      dialog = l4a_meeting_dialog_new (GTK_WIDGET (window), store, meeting);
      gtk_window_set_default_size (GTK_WINDOW (dialog), width == 360 ? 360 : 600, 760);
      gtk_window_present (GTK_WINDOW (dialog));
      l4a_test_iterate (0.5);
      {
        g_autofree char *name = g_strdup_printf ("meeting-dialog-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (dialog), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (dialog));

      l4a_window_show_view (window, "indicators");
      view = l4a_test_show_view (window, "indicators");
      l4a_test_iterate (0.8);
      {
        GtkWidget *group = find_group (view, _("Network Calendar"));
        g_autoptr(GPtrArray) cards = chart_cards (view);

        scroll_to (view, cards->len > 4 ? g_ptr_array_index (cards, 4) : group);
      }
      {
        g_autofree char *name = g_strdup_printf ("network-activity-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }
      scroll_to (view, find_group (view, _("Network Calendar")));
      {
        g_autofree char *name = g_strdup_printf ("network-calendar-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }
      scroll_to (view, find_group (view, _("Reporting")));
      {
        g_autofree char *name = g_strdup_printf ("reporting-%s%s.png", style, size);
        ok &= save_window (GTK_WINDOW (window), outdir, name);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.2);
    }
  g_settings_set_string (settings, "color-scheme", "light");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  return ok;
}

/* The brand kit further down: the contrast matrix and the assets. */
static gboolean
render_brand_kit (L4aApplication *app,
                  const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  gboolean ok = TRUE;

  for (guint i = 0; i < 3; i++)
    {
      const char *style = i == 1 ? "dark" : "light";
      g_autofree char *name = g_strdup_printf ("brand-kit-%s%s-%s.png", style, i == 2 ? "-narrow" : "",
                                               "below");
      GtkScrolledWindow *scrolled;
      L4aWindow *window;

      g_settings_set_string (settings, "color-scheme", style);
      g_settings_set_int (settings, "window-width", i == 2 ? 360 : 1100);
      g_settings_set_int (settings, "window-height", 800);
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      l4a_window_show_view (window, "brand-kit");
      l4a_test_iterate (0.5);
      scrolled = find_scrolled_shown (l4a_test_show_view (window, "brand-kit"), TRUE);
      if (scrolled != NULL)
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * (i == 2 ? 0.45 : 0.3));
          l4a_test_iterate (0.3);
        }
      ok &= save_window (GTK_WINDOW (window), outdir, name);
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }
  g_settings_set_string (settings, "color-scheme", "light");
  g_settings_set_int (settings, "window-width", 1280);
  return ok;
}

static gboolean
render_all (L4aApplication *app,
            const char     *outdir,
            const char     *data,
            gboolean        check)
{
  g_autoptr(GHashTable) means = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean ok = TRUE;

  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    {
      ok &= render_set (app, outdir, data, FALSE, size, check, means);
      ok &= render_set (app, outdir, data, TRUE, size, check, means);
    }

  return ok;
}

/* Two workstations that ask to be enrolled, a board member and a local
 * government of the sample: their requests wait in the Board Members and
 * Governments windows. */
static gboolean
add_enrolments (L4aApplication *app,
                const char     *tmpdir)
{
  L4aStore *store = l4a_application_get_store (app);
  static const char * const roles[] = { "member", "government" };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE sample = 1 ORDER BY name LIMIT 1", roles[i]);
      g_autofree char *id = l4a_test_sql_text (l4a_store_get_path (store), sql);
      g_autofree char *name = g_strdup_printf ("enrol-%s.sqlite", roles[i]);
      g_autofree char *db = g_build_filename (tmpdir, name, NULL);
      g_autofree char *file = g_strconcat (db, ".l4a.json", NULL);
      g_autoptr(L4aStore) other = l4a_store_open (db, NULL);
      g_autoptr(L4aBundle) bundle = NULL;
      L4aRole role = i == 0 ? L4A_ROLE_MEMBER : L4A_ROLE_GOVERNMENT;

      if (other == NULL || id == NULL)
        return FALSE;
      g_autoptr(GError) error = NULL;

      l4a_store_set_actor (other, role, id);
      if (!l4a_bundle_export (other, "enrolment", NULL, file, NULL, NULL, &error) ||
          (bundle = l4a_bundle_load (file, &error)) == NULL ||
          !l4a_import_now (store, bundle, NULL, FALSE, NULL, NULL, &error))
        {
          g_printerr ("An enrolment request cannot be made: %s\n", error->message);
          ok = FALSE;
        }
    }
  return ok;
}

/* The network dashboard with every chart's data shown as its table. */
static gboolean
render_chart_data (L4aApplication *app,
                   const char     *outdir)
{
  L4aWindow *window = l4a_window_new (app);
  GtkWidget *view;
  g_autoptr(GPtrArray) cards = NULL;
  gboolean ok = TRUE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1800);
  gtk_window_present (GTK_WINDOW (window));
  l4a_window_show_view (window, "indicators");
  view = l4a_test_show_view (window, "indicators");
  l4a_test_iterate (0.5);
  cards = chart_cards (view);
  for (guint i = 0; cards != NULL && i < cards->len; i++)
    l4a_chart_card_show_data (g_ptr_array_index (cards, i), TRUE);
  l4a_test_iterate (0.5);
  ok &= save_window (GTK_WINDOW (window), outdir, "indicators-data-light.png");
  gtk_window_destroy (GTK_WINDOW (window));
  l4a_test_iterate (0.1);

  /* an indicator of many measurements: its chart, then its whole table,
   * light and dark, wide and narrow */
  for (guint style = 0; style < 2; style++)
    for (guint narrow = 0; narrow < 2; narrow++)
      {
        GtkWidget *holder = gtk_window_new ();
        GtkWidget *card = l4a_chart_card_new (300);
        L4aChart *chart = l4a_chart_new (L4A_CHART_PROGRESS, "indicator", "People Reached Each Week");
        L4aChartSeries *series = l4a_chart_add_series (chart, "Measurements", NULL, 0, 0);
        g_autofree char *name = g_strdup_printf ("chart-long-data-%s%s.png", style ? "dark" : "light",
                                                 narrow ? "-narrow" : "");

        g_settings_set_string (l4a_application_get_settings (app), "color-scheme", style ? "dark" : "light");
        l4a_chart_add_series (chart, "Target", NULL, 1, 3);
        l4a_chart_add_series (chart, "Path", NULL, 2, 1);
        chart->unit = g_strdup ("people");
        l4a_chart_set_progress (chart, l4a_day_from_iso ("2020-01-06"), 1000, l4a_day_from_iso ("2030-01-07"), 5000,
                                TRUE);
        for (guint week = 0; week < 20000; week++)
          l4a_chart_series_add (series, l4a_day_from_iso ("2020-01-06") + week * 0.18,
                                1000 + week * 0.15 + 300 * sin (week / 40.0), NULL);
        gtk_widget_set_margin_start (card, 12);
        gtk_widget_set_margin_end (card, 12);
        gtk_widget_set_margin_top (card, 12);
        gtk_widget_set_margin_bottom (card, 12);
        gtk_window_set_child (GTK_WINDOW (holder), card);
        gtk_window_set_default_size (GTK_WINDOW (holder), narrow ? 360 : 900, 600);
        gtk_window_present (GTK_WINDOW (holder));
        l4a_chart_card_set_chart (L4A_CHART_CARD (card), chart);
        l4a_chart_card_show_data (L4A_CHART_CARD (card), TRUE);
        l4a_test_iterate (0.5);
        ok &= save_window (GTK_WINDOW (holder), outdir, name);
        gtk_window_destroy (GTK_WINDOW (holder));
      }
  g_settings_set_string (l4a_application_get_settings (app), "color-scheme", "light");
  l4a_test_iterate (0.1);
  return ok;
}

/* The tags that carry states and warnings are read as text: in light and
 * dark, their text against their own background is at least 4.5:1 (WCAG
 * AA for text their size), measured on the pixels drawn. */
static gboolean
check_tag_contrast (L4aApplication *app,
                    const char     *outdir)
{
  GSettings *settings = l4a_application_get_settings (app);
  static const char * const classes[] = { NULL, "l4a-warning-tag", "l4a-sample-tag", "l4a-warning-text" };
  gboolean ok = TRUE;

  for (guint dark = 0; dark <= 1; dark++)
    {
      GtkWidget *window = adw_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      GtkWidget *tags[G_N_ELEMENTS (classes)];
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guchar *pixels = NULL;
      int width, height;

      g_settings_set_string (settings, "color-scheme", dark ? "dark" : "light");
      gtk_widget_set_margin_top (box, 24);
      gtk_widget_set_margin_bottom (box, 24);
      gtk_widget_set_margin_start (box, 24);
      gtk_widget_set_margin_end (box, 24);
      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        {
          tags[i] = gtk_label_new ("Under review WWWW");
          /* warning text is running text, on the window's background */
          if (g_strcmp0 (classes[i], "l4a-warning-text") != 0)
            gtk_widget_add_css_class (tags[i], "l4a-tag");
          if (classes[i] != NULL)
            gtk_widget_add_css_class (tags[i], classes[i]);
          gtk_box_append (GTK_BOX (box), tags[i]);
        }
      adw_window_set_content (ADW_WINDOW (window), box);
      gtk_window_present (GTK_WINDOW (window));
      l4a_test_iterate (0.4);
      texture = render_window (GTK_WINDOW (window));
      width = gdk_texture_get_width (texture);
      height = gdk_texture_get_height (texture);
      pixels = g_malloc ((gsize) width * height * 4);
      gdk_texture_download (texture, pixels, (gsize) width * 4);
      {
        g_autofree char *name = g_strdup_printf ("tags-%s.png", dark ? "dark" : "light");
        g_autofree char *path = g_build_filename (outdir, name, NULL);

        gdk_texture_save_to_png (texture, path);
      }

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        {
          graphene_rect_t bounds;
          L4aRgb background = { 0 }, text = { 0 };
          double ratio = 0;
          int x0, y0, x1, y1, middle;

          if (!gtk_widget_compute_bounds (tags[i], window, &bounds))
            continue;
          x0 = (int) bounds.origin.x + 10;
          x1 = (int) (bounds.origin.x + bounds.size.width) - 10;
          y0 = (int) bounds.origin.y + 2;
          y1 = (int) (bounds.origin.y + bounds.size.height) - 2;
          middle = (int) (bounds.origin.y + bounds.size.height / 2);
          /* the tag's own background: its left end, inside its rounded edge */
          {
            const guchar *p = pixels + ((gsize) middle * width + x0 - 4) * 4;

            background.red = p[2] / 255.0, background.green = p[1] / 255.0, background.blue = p[0] / 255.0;
          }
          /* its text: the drawn pixel that stands out most from it */
          for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
              {
                const guchar *p = pixels + ((gsize) y * width + x) * 4;
                L4aRgb here = { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0 };
                double r = l4a_contrast_ratio (&here, &background);

                if (r > ratio)
                  ratio = r, text = here;
              }
          g_print ("tag %s, %s: %.2f:1\n", classes[i] ? classes[i] : "l4a-tag", dark ? "dark" : "light", ratio);
          if (ratio < 4.5)
            {
              g_printerr ("The tag %s reads at %.2f:1 in the %s style, under 4.5:1\n",
                          classes[i] ? classes[i] : "l4a-tag", ratio, dark ? "dark" : "light");
              ok = FALSE;
            }
          (void) text;
        }
      gtk_window_destroy (GTK_WINDOW (window));
      l4a_test_iterate (0.1);
    }
  g_settings_set_string (settings, "color-scheme", "light");
  return ok;
}

/* A form window @width wide, pictured as @name, then closed. */
static gboolean
picture_form (GtkWindow  *form,
              int         width,
              const char *outdir,
              const char *name)
{
  gboolean ok;

  gtk_window_set_default_size (form, width, 800);
  gtk_window_present (form);
  l4a_test_iterate (0.6);
  if (g_getenv ("L4A_DEBUG_WIDTH") && gtk_widget_get_width (GTK_WIDGET (form)) > width)
    debug_widths (GTK_WIDGET (form), 0);
  ok = save_window (form, outdir, name);
  gtk_window_destroy (form);
  return ok;
}

/* The main views in another of the interface's languages, wide and
 * narrow, light and dark, and the two core forms: where translations run
 * long. */
static gboolean
render_language (L4aApplication *app,
                 const char     *outdir,
                 const char     *lang)
{
  GSettings *settings = l4a_application_get_settings (app);
  L4aWindow *window;
  gboolean ok = TRUE;

  /* every main view, and the registry's map, light and dark, wide and
   * narrow */
  for (guint scheme = 0; scheme <= 1; scheme++)
    for (guint narrow = 0; narrow <= 1; narrow++)
      {
        int width = narrow ? 360 : 1400;

        g_settings_set_string (settings, "color-scheme", scheme ? "dark" : "light");
        g_settings_set_int (settings, "window-width", width);
        g_settings_set_int (settings, "window-height", narrow ? 800 : 900);
        g_settings_set_boolean (settings, "window-maximized", FALSE);
        window = l4a_window_new (app);
        gtk_window_present (GTK_WINDOW (window));
        if (g_getenv ("L4A_DEBUG_WIDTH") && narrow)
          {
            g_printerr ("before load: %d\n", gtk_widget_get_width (GTK_WIDGET (window)));
            debug_widths (GTK_WIDGET (window), 0);
          }
        l4a_test_wait_until (hubs_loaded, l4a_test_show_view (window, "hubs"), 60, "the hubs to load");
        l4a_test_iterate (0.6);
        if (g_getenv ("L4A_DEBUG_WIDTH") && narrow)
          g_printerr ("after load: %d\n", gtk_widget_get_width (GTK_WIDGET (window)));
        for (guint v = 0; v <= G_N_ELEMENTS (views); v++)
          {
            gboolean map = v == G_N_ELEMENTS (views);
            g_autofree char *name = g_strdup_printf ("%s-%s-%s-%d.png", lang, map ? "map" : views[v],
                                                     scheme ? "dark" : "light", width);
            g_autofree char *path = g_build_filename (outdir, name, NULL);
            g_autoptr(GdkTexture) texture = NULL;
            L4aHubsView *hubs = L4A_HUBS_VIEW (l4a_test_show_view (window, "hubs"));

            l4a_window_show_view (window, map ? "hubs" : views[v]);
            l4a_test_hubs_show_map (hubs, map);
            l4a_test_iterate (0.4);
            texture = render_window (GTK_WINDOW (window));
            if (g_getenv ("L4A_DEBUG_WIDTH") && narrow)
              debug_widths (GTK_WIDGET (window), 0);
            layout_problems += check_layout (GTK_WIDGET (window), name);
            if (!gdk_texture_save_to_png (texture, path))
              ok = FALSE;
            /* the content fits the window: nothing is wider than it */
            if (gdk_texture_get_width (texture) > width)
              {
                g_printerr ("%s: %d pixels wide\n", name, gdk_texture_get_width (texture));
                ok = FALSE;
              }
          }
        gtk_window_destroy (GTK_WINDOW (window));
        l4a_test_iterate (0.1);
      }
  g_settings_set_string (settings, "color-scheme", "light");

  /* the two core forms in the language, wide and narrow: the review
   * beside the proposal, and the proposal editor beside its checklist */
  {
    L4aStore *store = l4a_application_get_store (app);
    g_autoptr(GError) error = NULL;
    g_autofree char *reviewed = l4a_store_resolve_reference (store, "proposal", "Decent Work for Newcomers Hub", NULL);
    g_autofree char *draft = l4a_store_resolve_reference (store, "proposal", "Lake Victoria Blue Economy Hub", NULL);
    g_autofree char *kisumu = l4a_store_resolve_reference (store, "government", "Kisumu County", NULL);

    for (guint narrow = 0; narrow <= 1 && reviewed != NULL; narrow++)
      {
        L4aReviewWindow *review = l4a_review_window_new (store, reviewed, &error);
        g_autofree char *name = g_strdup_printf ("%s-review-window-%s.png", lang, narrow ? "360" : "1400");

        if (review == NULL)
          {
            g_printerr ("%s\n", error->message);
            return FALSE;
          }
        ok &= picture_form (GTK_WINDOW (review), narrow ? 360 : 1400, outdir, name);
      }
    if (draft != NULL && kisumu != NULL)
      {
        g_settings_set_string (settings, "role", "government");
        g_settings_set_string (settings, "identity", kisumu);
        for (guint narrow = 0; narrow <= 1; narrow++)
          {
            L4aProposalEditor *editor = l4a_proposal_editor_new (store, draft, NULL, &error);
            g_autofree char *name = g_strdup_printf ("%s-proposal-editor-%s.png", lang, narrow ? "360" : "1400");

            if (editor == NULL)
              {
                g_printerr ("%s\n", error->message);
                return FALSE;
              }
            ok &= picture_form (GTK_WINDOW (editor), narrow ? 360 : 1400, outdir, name);
          }
        g_settings_set_string (settings, "role", "secretariat");
        g_settings_set_string (settings, "identity", "");
      }
  }
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(L4aApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  const char *outdir;
  gboolean check = FALSE;
  gboolean ok = TRUE;
  L4aWindow *window;
  GtkWidget *hubs;
  const char *lang = NULL;

  if (argc >= 3 && g_str_equal (argv[1], "--language"))
    {
      /* before anything is translated: the catalogue of this build, in
       * that language (see main.c for why GLib is asked first) */
      lang = argv[2];
      argv += 2;
      argc -= 2;
      g_setenv ("LANGUAGE", lang, TRUE);
      setlocale (LC_ALL, "");
      (void) g_dgettext ("glib20", "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("L4A_LOCALEDIR") ? g_getenv ("L4A_LOCALEDIR") : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (argc >= 2 && g_str_equal (argv[1], "--check"))
    {
      check = TRUE;
      argv++;
      argc--;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: l4a-render-views [--language LANG] [--check] OUTDIR\n");
      return 2;
    }
  outdir = argv[1];

  /* Window controls as GNOME shows them by default. */
  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_mkdir_with_parents (outdir, 0755);

  tmpdir = g_dir_make_tmp ("l4a-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "hubs.sqlite", NULL);

  app = l4a_application_new (path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (l4a_application_open_store (app, &error));

  if (lang != NULL)
    {
      window = l4a_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      hubs = l4a_test_show_view (window, "hubs");
      l4a_test_activate (GTK_WIDGET (L4A_HUBS_VIEW (hubs)), "hubs.load-sample", NULL);
      l4a_test_wait_until (hubs_loaded, hubs, 60, "the sample data to load");
      gtk_window_destroy (GTK_WINDOW (window));
      ok &= render_language (app, outdir, lang);
      /* a longer word in French or Spanish must not be cut or spill over */
      g_print ("layout problems: %u\n", layout_problems);
      ok &= layout_problems == 0;
      l4a_test_remove_tree (tmpdir);
      return ok ? 0 : 1;
    }

  ok &= render_first_contact (app, outdir, tmpdir);
  ok &= render_all (app, outdir, "empty", check);

  /* Load the sample data through the window, as a user would. */
  window = l4a_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  hubs = l4a_test_show_view (window, "hubs");
  l4a_test_activate (GTK_WIDGET (L4A_HUBS_VIEW (hubs)), "hubs.load-sample", NULL);
  l4a_test_wait_until (hubs_loaded, hubs, 60, "the sample data to load");
  gtk_window_destroy (GTK_WINDOW (window));

  /* while working on one set of pictures: L4A_RENDER_ONLY=monitoring */
  if (g_strcmp0 (g_getenv ("L4A_RENDER_ONLY"), "monitoring") == 0)
    return render_monitoring (app, outdir) ? 0 : 1;
  if (g_strcmp0 (g_getenv ("L4A_RENDER_ONLY"), "charts") == 0)
    return render_chart_data (app, outdir) && render_hub_indicators (app, outdir) ? 0 : 1;
  if (g_strcmp0 (g_getenv ("L4A_RENDER_ONLY"), "editor") == 0)
    return render_proposal_editor (app, outdir) ? 0 : 1;
  if (g_strcmp0 (g_getenv ("L4A_RENDER_ONLY"), "registry") == 0)
    return render_registry (app, outdir) ? 0 : 1;
  if (g_strcmp0 (g_getenv ("L4A_RENDER_ONLY"), "sync") == 0)
    return render_sync (app, outdir, tmpdir) ? 0 : 1;
  if (g_strcmp0 (g_getenv ("L4A_RENDER_ONLY"), "reviews") == 0)
    return render_reviews (app, outdir) && render_registry (app, outdir) ? 0 : 1;

  ok &= render_all (app, outdir, "full", check);
  ok &= add_enrolments (app, tmpdir);
  ok &= render_dialogs (app, outdir);
  ok &= render_registry (app, outdir);
  ok &= render_proposal_editor (app, outdir);
  ok &= render_reviews (app, outdir);
  ok &= render_hub_indicators (app, outdir);
  ok &= render_monitoring (app, outdir);
  ok &= render_brand_kit (app, outdir);
  ok &= render_sync (app, outdir, tmpdir);
  ok &= render_chart_data (app, outdir);
  ok &= check_tag_contrast (app, outdir);
  ok &= check_layout_finds_problems ();
  g_print ("layout problems: %u\n", layout_problems);
  /* every picture: no text cut short without a way to read it whole, no
   * child drawn outside its parent */
  ok &= layout_problems == 0;

  l4a_test_remove_tree (tmpdir);

  return ok ? 0 : 1;
}
