/* l4a-site.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry published as a static website (the concept note's "online
 * platform"): pages in English, French and Spanish that work from any
 * folder, file:// included, with no server and no request elsewhere.
 *
 * What it shows is what the registry bundle carries to every government:
 * the hubs, their partners, deliverables, activities and indicators, and
 * nothing of proposals, reviews or decisions. Pages come from templates
 * (template-glib, data/site/) whose every value is escaped here first:
 * hub texts come from bundles. Publishing again writes only the files
 * whose content changed, and takes away the files of hubs that are gone.
 *
 * The work is cut in steps (a page each) so that a window can run it
 * between frames: each page is written in its language by switching the
 * message catalogue for the time of the step only.
 */

#define G_LOG_DOMAIN "l4a-site"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <tmpl-glib.h>

#include "l4a-brand.h"
#include "l4a-bundle.h"
#include "l4a-chart.h"
#include "l4a-charts.h"
#include "l4a-csv.h"
#include "l4a-drawing.h"
#include "l4a-hub.h"
#include "l4a-hub-details.h"
#include "l4a-indicator.h"
#include "l4a-labels.h"
#include "l4a-map.h"
#include "l4a-permissions.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-site.h"
#include "l4a-store-private.h"
#include "l4a-types.h"

#define TEMPLATES "/org/local4action/Hubs/core/site/"
#define MANIFEST ".local4action-site"
#define MAP_WIDTH 960
#define MAP_HEIGHT 480
#define CHART_WIDTH 640
#define CHART_HEIGHT 360
/* hubs on a page of the list, and hubs' files on a page of the open data:
 * a registry of 100 000 hubs reads as 1 000 pages of a few hundred
 * kilobytes, not one of a hundred megabytes */
#define PAGE_SIZE 100
/* the most addresses one sitemap file may hold (sitemaps.org) */
#define SITEMAP_SIZE 50000
/* the most hubs whose search index every page of the list loads with it;
 * past them (some 350 KB) the script loads it when the search or a filter
 * is first used */
#define INDEX_WITH_PAGE 1000
/* hubs in the network page's newest hubs */
#define NEWEST 20

const char * const l4a_site_languages[] = { "en", "fr", "es", NULL };

/* A language's own name, in that language. */
static const char *
language_name (const char *lang)
{
  return g_str_equal (lang, "fr") ? "Français" : g_str_equal (lang, "es") ? "Español" : "English";
}

typedef enum
{
  STEP_ASSETS,
  STEP_NETWORK,
  STEP_LIST,
  STEP_INDEX,
  STEP_DOWNLOADS_PAGE,
  STEP_HUB,
  STEP_DOWNLOADS,
  STEP_CATALOG,
  STEP_FEED,
  STEP_SITEMAP,
  STEP_ROOT,
  STEP_CLEANUP,
} StepKind;

typedef struct
{
  StepKind    kind;
  const char *lang;
  guint       hub;
} Step;

struct _L4aSite
{
  GObject      parent_instance;

  L4aStore    *store;
  char        *out;
  char        *base;        /* ends in "/", or NULL */
  GListModel  *hubs;        /* L4aHub, by name */
  GArray      *steps;
  guint        next;
  GHashTable  *templates;   /* name → TmplTemplate */
  GHashTable  *written;     /* paths (relative) of this run */
  char        *modified;    /* the latest date of the data, for the feed and catalogue */
  GHashTable  *partners;    /* hub id → its partners' names, for the search, read once */
  L4aHubDetails *details;   /* of the hub at details_hub, for its pages in each language */
  L4aBrandAsset *label;     /* the kit's label, read once for every hub's */
  GPtrArray   *filters;     /* the list's filters as HTML, in filters_lang */
  const char  *filters_lang;
  guint        details_hub;
  guint        n_written;
  guint        n_unchanged;
  guint        n_removed;
};

G_DEFINE_FINAL_TYPE (L4aSite, l4a_site, G_TYPE_OBJECT)

/* Text ---------------------------------------------------------------------------- */

static char *
esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* Sets @name to @text, escaped for HTML. */
static void
scope_text (TmplScope  *scope,
            const char *name,
            const char *text)
{
  g_autofree char *escaped = esc (text);

  tmpl_scope_set_string (scope, name, escaped);
}

/* Sets @name to @html, made here from templates and escaped values. */
static void
scope_html (TmplScope  *scope,
            const char *name,
            const char *html)
{
  tmpl_scope_set_string (scope, name, html ? html : "");
}

static void
scope_list (TmplScope  *scope,
            const char *name,
            GPtrArray  *html)
{
  g_ptr_array_add (html, NULL);
  tmpl_scope_set_strv (scope, name, (const char **) html->pdata);
  g_ptr_array_set_size (html, html->len - 1);
}

static char *
expand (L4aSite    *self,
        const char *name,
        TmplScope  *scope,
        GError    **error)
{
  TmplTemplate *template = g_hash_table_lookup (self->templates, name);

  if (template == NULL)
    {
      g_autofree char *path = g_strconcat (TEMPLATES, name, NULL);

      template = tmpl_template_new (NULL);
      if (!tmpl_template_parse_resource (template, path, NULL, error))
        {
          g_object_unref (template);
          return NULL;
        }
      g_hash_table_insert (self->templates, g_strdup (name), template);
    }
  return tmpl_template_expand_string (template, scope, error);
}

/* Expands a small template into @list; a failure is kept for the end. */
static void
add_expanded (L4aSite    *self,
              GPtrArray  *list,
              const char *name,
              TmplScope  *scope,
              GError    **error)
{
  char *html;

  if (error != NULL && *error != NULL)
    return;
  html = expand (self, name, scope, error);
  if (html != NULL)
    g_ptr_array_add (list, html);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table, borrowed. */
static GPtrArray *
keys_of (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

/* Files -------------------------------------------------------------------------- */

/* Writes @data to @path (relative to the site) unless it holds it already. */
static gboolean
put_bytes (L4aSite    *self,
           const char *path,
           const void *data,
           gsize       length,
           GError    **error)
{
  g_autofree char *full = g_build_filename (self->out, path, NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GFile) file = NULL;

  g_hash_table_add (self->written, g_strdup (path));
  /* what is there already, if it is a file no longer than this one */
  old = l4a_read_file (full, length, NULL);
  if (old != NULL && g_bytes_get_size (old) == length && memcmp (g_bytes_get_data (old, NULL), data, length) == 0)
    {
      self->n_unchanged++;
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The folder “%s” cannot be made: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* a file that was there is replaced whole, written beside it, flushed
   * to the disk and renamed over it: never half of it, even after a crash;
   * a new file is written in place, unsynced (the site's hundreds of
   * thousands of pages were each synced twice, file and folder: minutes),
   * and the next publication writes again any that a crash cut short */
  file = g_file_new_for_path (full);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error))
    return FALSE;
  self->n_written++;
  return TRUE;
}

static gboolean
put_text (L4aSite    *self,
          const char *path,
          const char *text,
          GError    **error)
{
  return put_bytes (self, path, text, strlen (text), error);
}

/* Has @make write a file at a scratch path, then keeps it as @path if it
 * differs: drawings are made by libraries that write files. */
static gboolean
put_made (L4aSite    *self,
          const char *path,
          gboolean  (*make) (gpointer data, const char *scratch, GError **error),
          gpointer    data,
          GError    **error)
{
  g_autofree char *suffix = g_strdup (strrchr (path, '.'));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf (".scratch-%s%s", uuid, suffix ? suffix : "");
  g_autofree char *scratch = g_build_filename (self->out, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  ok = make (data, scratch, error) && g_file_get_contents (scratch, &contents, &length, error) &&
       put_bytes (self, path, contents, length, error);
  g_unlink (scratch);
  return ok;
}

/* Links ------------------------------------------------------------------------------ */

/* The address of @path (relative to the site) for a catalogue or feed:
 * absolute when the site's address is known. */
static char *
site_url (L4aSite    *self,
          const char *path)
{
  return self->base ? g_strconcat (self->base, path, NULL) : g_strdup (path);
}

static char *
page_title (const char *title)
{
  /* translators: a page's title in a web browser; %s is the page's own */
  return g_strdup_printf (_("%s · Local4Action HUBs"), title);
}

static char *
count_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hub", "%u hubs", n), n);
}

static guint
n_pages_of (guint n)
{
  return MAX (1, (n + PAGE_SIZE - 1) / PAGE_SIZE);
}

/* The file of page @page (from 0) of a list whose first page is @stem.html. */
static char *
paged_name (const char *stem,
            guint       page)
{
  return page == 0 ? g_strdup_printf ("%s.html", stem) : g_strdup_printf ("%s-%u.html", stem, page + 1);
}

static void
add_page_link (GPtrArray  *links,
               const char *stem,
               guint       page,
               const char *attributes,
               const char *text)
{
  g_autofree char *href = paged_name (stem, page);
  g_autofree char *escaped = esc (text);

  g_ptr_array_add (links, g_strdup_printf ("<a href=\"%s\"%s>%s</a>", href, attributes, escaped));
}

/* Links to the other pages of a list: the previous and the next, the first
 * and the last, and the two on either side of this one; "" for one page. */
static char *
pager_html (L4aSite    *self,
            const char *stem,
            guint       page,
            guint       n_pages,
            GError    **error)
{
  g_autoptr(TmplScope) scope = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gboolean any = FALSE;
  guint last = 0;

  if (n_pages <= 1)
    return g_strdup ("");
  scope = tmpl_scope_new ();
  links = g_ptr_array_new_with_free_func (g_free);
  if (page > 0)
    add_page_link (links, stem, page - 1, " rel=\"prev\" class=\"step\"", _("Previous"));
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = NULL;
      g_autofree char *label = NULL;
      g_autofree char *attributes = NULL;

      if (p != 0 && p != n_pages - 1 && (p + 2 < page || p > page + 2))
        continue;
      if (any && p > last + 1)
        g_ptr_array_add (links, g_strdup ("<span class=\"gap\">…</span>"));
      number = g_strdup_printf ("%u", p + 1);
      /* translators: a link to a page of a list of hubs, by its number */
      label = g_strdup_printf (_("Page %u"), p + 1);
      {
        g_autofree char *escaped = esc (label);

        attributes = g_strdup_printf (" aria-label=\"%s\"%s", escaped, p == page ? " aria-current=\"page\"" : "");
      }
      add_page_link (links, stem, p, attributes, number);
      any = TRUE;
      last = p;
    }
  if (page + 1 < n_pages)
    add_page_link (links, stem, page + 1, " rel=\"next\" class=\"step\"", _("Next"));
  /* translators: the name of the links to the pages of a long list */
  scope_text (scope, "label", _("Pages"));
  scope_list (scope, "links", links);
  return expand (self, "pager.html", scope, error);
}

/* The page frame around @content, for the page at @path in @lang; @depth
 * is how far it is below its language's folder. @script, when not NULL,
 * is a script to load before the site's own (assets/site.js), or "" for
 * the site's own alone. */
static gboolean
put_page (L4aSite    *self,
          const char *lang,
          const char *page,
          guint       depth,
          const char *section,
          const char *title,
          const char *description,
          const char *content,
          const char *script,
          GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) alternates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) up = g_string_new (NULL);
  g_autofree char *root = NULL;
  g_autofree char *full_title = page_title (title);
  g_autofree char *html = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s", lang, page);
  static const struct { const char *page, *label; } nav[] = {
    { "index.html", N_("Network") }, { "hubs.html", N_("Hubs") }, { "downloads.html", N_("Open Data") },
  };

  for (guint i = 0; i < depth; i++)
    g_string_append (up, "../");
  root = g_strconcat (up->str, "../", NULL);

  for (guint i = 0; l4a_site_languages[i] != NULL; i++)
    {
      const char *other = l4a_site_languages[i];
      g_autofree char *href = g_strdup_printf ("%s../%s/%s", up->str, other, page);
      g_autofree char *name = esc (language_name (other));

      g_ptr_array_add (alternates, g_strdup_printf ("<link rel=\"alternate\" hreflang=\"%s\" href=\"%s\">", other, href));
      if (g_str_equal (other, lang))
        g_ptr_array_add (languages, g_strdup_printf ("<a href=\"%s\" lang=\"%s\" hreflang=\"%s\" aria-current=\"page\">%s</a>",
                                                     href, other, other, name));
      else
        g_ptr_array_add (languages, g_strdup_printf ("<a href=\"%s\" lang=\"%s\" hreflang=\"%s\">%s</a>", href,
                                                     other, other, name));
    }
  for (guint i = 0; i < G_N_ELEMENTS (nav); i++)
    {
      g_autofree char *label = esc (_(nav[i].label));

      g_ptr_array_add (sections, g_strdup_printf ("<a href=\"%s%s\"%s>%s</a>", up->str, nav[i].page,
                                                  g_strcmp0 (section, nav[i].page) == 0 ? " aria-current=\"page\"" : "",
                                                  label));
    }
  if (script != NULL)
    {
      if (*script != '\0')
        g_ptr_array_add (scripts, g_strdup (script));
      g_ptr_array_add (scripts, g_strdup_printf ("%sassets/site.js", root));
    }

  scope_html (scope, "lang", lang);
  scope_html (scope, "root", root);
  scope_html (scope, "up", up->str);
  scope_text (scope, "title", full_title);
  scope_text (scope, "description", description);
  scope_text (scope, "skip", _("Skip to the content"));
  scope_text (scope, "languages_label", _("Language"));
  scope_text (scope, "sections_label", _("Sections"));
  scope_text (scope, "feed_title", _("New hubs and activities"));
  scope_text (scope, "footer", _("The registry of the Local4Action HUBs, published by the World Secretariat of "
                                 "United Cities and Local Governments from its own records."));
  scope_list (scope, "alternates", alternates);
  scope_list (scope, "languages", languages);
  scope_list (scope, "sections", sections);
  scope_list (scope, "scripts", scripts);
  scope_html (scope, "content", content);
  html = expand (self, "page.html", scope, error);
  return html != NULL && put_text (self, path, html, error);
}

/* Pieces -------------------------------------------------------------------------- */

static void
add_sdgs (L4aSite   *self,
          GPtrArray *list,
          guint      sdgs,
          GError   **error)
{
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (sdgs & (1u << goal))
      {
        g_autoptr(TmplScope) scope = tmpl_scope_new ();
        g_autofree char *number = g_strdup_printf ("%u", goal);
        const L4aReferenceEntry *sdg = l4a_reference_sdg (goal);

        scope_html (scope, "goal", number);
        scope_text (scope, "name", sdg ? l4a_reference_translate (L4A_REFERENCE_SDGS, sdg->code) : number);
        add_expanded (self, list, "sdg.html", scope, error);
      }
}

/* A chart as a drawing and its data as a table beside it. */
typedef struct
{
  L4aChart *chart;
} ChartMaker;

static gboolean
make_chart (gpointer    data,
            const char *scratch,
            GError    **error)
{
  ChartMaker *maker = data;
  L4aChartStyle style;
  char *title = maker->chart->title;
  gboolean ok;

  l4a_chart_style_init (&style, FALSE, FALSE);
  /* the page's heading names it */
  maker->chart->title = NULL;
  ok = l4a_chart_export (maker->chart, scratch, CHART_WIDTH, CHART_HEIGHT, 1, &style, error);
  maker->chart->title = title;
  return ok;
}

static char *
chart_section (L4aSite    *self,
               L4aChart   *chart,
               const char *id,
               const char *file,
               const char *src,
               GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) table = l4a_chart_table (chart);
  g_autoptr(GPtrArray) head = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *width = g_strdup_printf ("%d", CHART_WIDTH);
  g_autofree char *height = g_strdup_printf ("%d", CHART_HEIGHT);
  ChartMaker maker = { chart };

  if (!put_made (self, file, make_chart, &maker, error))
    return NULL;
  for (guint r = 0; r < table->len; r++)
    {
      GStrv cells = g_ptr_array_index (table, r);

      if (r == 0)
        {
          for (guint c = 0; cells[c] != NULL; c++)
            g_ptr_array_add (head, esc (cells[c]));
          continue;
        }
      {
        g_autoptr(TmplScope) row = tmpl_scope_new ();
        g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_free);

        for (guint c = 1; cells[0] != NULL && cells[c] != NULL; c++)
          g_ptr_array_add (rest, esc (cells[c]));
        scope_text (row, "first", cells[0]);
        scope_list (row, "cells", rest);
        add_expanded (self, rows, "row.html", row, error);
      }
    }
  scope_html (scope, "id", id);
  scope_text (scope, "title", chart->title);
  scope_html (scope, "src", src);
  scope_text (scope, "alt", chart->description ? chart->description : chart->title);
  /* translators: the caption of the table beside a chart; %s is the chart's title */
  {
    g_autofree char *caption = g_strdup_printf (_("The data of “%s”"), chart->title);

    scope_text (scope, "caption", caption);
  }
  scope_html (scope, "width", width);
  scope_html (scope, "height", height);
  scope_list (scope, "head", head);
  scope_list (scope, "rows", rows);
  if (error != NULL && *error != NULL)
    return NULL;
  return expand (self, "chart.html", scope, error);
}

/* Steps ----------------------------------------------------------------------------- */

static void
add_item (L4aSite    *self,
          GPtrArray  *list,
          const char *title,
          const char *href,
          const char *detail,
          const char *tag,
          const char *tag_class,
          GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();

  scope_text (scope, "title", title);
  scope_text (scope, "href", href);
  scope_text (scope, "detail", detail);
  scope_text (scope, "tag", tag);
  scope_text (scope, "tag_class", tag_class);
  add_expanded (self, list, "item.html", scope, error);
}


static const char *
hub_date (L4aHub *hub)
{
  return l4a_hub_get_label_date (hub) ? l4a_hub_get_label_date (hub) : l4a_hub_get_start (hub);
}

static int
compare_newest (gconstpointer a,
                gconstpointer b)
{
  L4aHub *x = *(L4aHub * const *) a, *y = *(L4aHub * const *) b;
  int c = g_strcmp0 (hub_date (y), hub_date (x));

  return c != 0 ? c : g_strcmp0 (l4a_hub_get_id (x), l4a_hub_get_id (y));
}

static gboolean
make_map (gpointer    data,
          const char *scratch,
          GError    **error)
{
  cairo_surface_t *surface = l4a_file_surface_new (scratch, MAP_WIDTH, MAP_HEIGHT, 1, _("the map"), error);
  cairo_t *cr;
  L4aMapCamera camera;
  L4aMapStyle style = { { 0.812, 0.878, 0.933 }, { 0.96, 0.96, 0.94 }, { 0.62, 0.62, 0.6 }, { 0.8, 0.85, 0.95 },
                        { 1, 1, 1 }, { 0.1, 0.1, 0.1 }, FALSE, FALSE };

  if (surface == NULL)
    return FALSE;
  cr = cairo_create (surface);
  l4a_map_camera_reset (&camera);
  l4a_map_render (cr, MAP_WIDTH, MAP_HEIGHT, &camera, &style, NULL, 0, NULL);
  cairo_destroy (cr);
  return l4a_file_surface_finish (surface, scratch, error);
}

static gboolean
put_resource (L4aSite    *self,
              const char *resource,
              const char *path,
              GError    **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);

  return bytes != NULL &&
         put_bytes (self, path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/* Where the kit's label is written: its own file type. */
static const char *
label_mark_path (L4aSite *self)
{
  const char *type = self->label->media_type;

  if (g_strcmp0 (type, "image/png") == 0)
    return "assets/label.png";
  if (g_strcmp0 (type, "image/jpeg") == 0)
    return "assets/label.jpg";
  return "assets/label.svg";
}

/* The stylesheet, and the geometry of the kit's label after it: a hub's
 * label is the kit's, written once, with the hub's name and place under it
 * as text, inside the clear space l4a_brand_draw_label() keeps. A website
 * of 100 000 hubs drew a label apiece in each language: 34 KB each, ten
 * gigabytes, half its time. */
static gboolean
put_stylesheet (L4aSite  *self,
                GError  **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TEMPLATES "site.css", 0, error);
  g_autoptr(GString) css = NULL;
  char clear[G_ASCII_DTOSTR_BUF_SIZE], gap[G_ASCII_DTOSTR_BUF_SIZE];
  double clear_share, gap_share;

  if (bytes == NULL)
    return FALSE;
  l4a_brand_label_proportions (self->label, &clear_share, &gap_share);
  css = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  /* padding and margins in % are of the width: the clear space of the
   * card's, the rule's gap of the kit's label's */
  g_ascii_formatd (clear, sizeof clear, "%.3f", 100 * clear_share);
  g_ascii_formatd (gap, sizeof gap, "%.3f", 100 * gap_share);
  g_string_append_printf (css, ".label-card { padding: %s%%; }\n.label-card hr { margin: %s%% 0; }\n", clear, gap);
  return put_bytes (self, "assets/site.css", css->str, css->len, error);
}

static gboolean
step_assets (L4aSite  *self,
             GError  **error)
{
  if (self->label == NULL && (self->label = l4a_brand_get_label (self->store, error)) == NULL)
    return FALSE;
  return put_stylesheet (self, error) &&
         put_resource (self, TEMPLATES "site.js", "assets/site.js", error) &&
         put_resource (self, TEMPLATES "mark.svg", "assets/mark.svg", error) &&
         put_bytes (self, label_mark_path (self), g_bytes_get_data (self->label->data, NULL),
                    g_bytes_get_size (self->label->data), error) &&
         put_made (self, "assets/map.svg", make_map, NULL, error);
}

static char *
svg_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static gboolean
step_network (L4aSite    *self,
              const char *lang,
              GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_country = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) by_date = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *content = NULL;
  g_autofree char *lead = NULL;
  guint n = g_list_model_get_n_items (self->hubs), active = 0;
  L4aMapCamera camera;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      const char *country = l4a_hub_get_country (hub);
      GPtrArray *here;

      active += g_strcmp0 (l4a_hub_get_status (hub), "active") == 0;
      if (l4a_hub_get_region (hub))
        g_hash_table_add (regions, (gpointer) l4a_hub_get_region (hub));
      if (country == NULL)
        continue;
      g_hash_table_add (countries, (gpointer) country);
      here = g_hash_table_lookup (by_country, country);
      if (here == NULL)
        {
          here = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_country, g_strdup (country), here);
        }
      g_ptr_array_add (here, g_object_ref (hub));
      if (l4a_hub_get_label_date (hub) || l4a_hub_get_start (hub))
        g_ptr_array_add (by_date, g_object_ref (hub));
    }

  {
    struct { const char *term; guint value; } facts[] = {
      { N_("Hubs"), n }, { N_("Active hubs"), active },
      { N_("Countries"), g_hash_table_size (countries) }, { N_("World regions"), g_hash_table_size (regions) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
      {
        g_autoptr(TmplScope) fact = tmpl_scope_new ();
        g_autofree char *value = g_strdup_printf ("%u", facts[i].value);

        scope_text (fact, "term", _(facts[i].term));
        scope_text (fact, "value", value);
        add_expanded (self, counts, "fact.html", fact, error);
      }
  }

  /* one marker per country, a link to its hub or to its hubs */
  l4a_map_camera_reset (&camera);
  codes = keys_of (by_country);
  g_ptr_array_sort (codes, compare_strings);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *country = g_ptr_array_index (codes, i);
      GPtrArray *here = g_hash_table_lookup (by_country, country);
      g_autoptr(TmplScope) marker = tmpl_scope_new ();
      g_autofree char *href = NULL;
      g_autofree char *label = NULL;
      g_autofree char *hubs_text = count_text (here->len);
      g_autofree char *x = NULL, *y = NULL, *r = NULL, *ty = NULL, *count = NULL;
      double px, py, radius = l4a_map_marker_radius (here->len);

      if (!l4a_map_marker_position (&camera, MAP_WIDTH, MAP_HEIGHT, country, &px, &py))
        continue;
      if (here->len == 1)
        href = g_strdup_printf ("hubs/%s.html", l4a_hub_get_id (g_ptr_array_index (here, 0)));
      else
        href = g_strdup_printf ("hubs.html?country=%s", country);
      /* translators: a map marker: a country and its number of hubs */
      label = g_strdup_printf (_("%s: %s"), l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country), hubs_text);
      /* SVG's numbers, whatever the locale */
      x = svg_number (px);
      y = svg_number (py);
      r = svg_number (MAX (radius, 9));
      ty = svg_number (py + 4);
      count = g_strdup_printf ("%u", here->len);
      scope_text (marker, "href", href);
      scope_text (marker, "label", label);
      scope_html (marker, "x", x);
      scope_html (marker, "y", y);
      scope_html (marker, "r", r);
      scope_html (marker, "ty", ty);
      scope_html (marker, "count", count);
      add_expanded (self, markers, "marker.html", marker, error);
    }

  {
    /* every hub the site lists, counted in SQLite */
    g_autoptr(L4aHubQuery) all = l4a_hub_query_new_for_store (self->store);
    g_autoptr(L4aChart) regions_chart = l4a_chart_hubs_by_region (all);
    g_autoptr(L4aChart) sdgs_chart = l4a_chart_hubs_by_sdg (all);
    g_autofree char *regions_file = g_strdup_printf ("%s/charts/regions.svg", lang);
    g_autofree char *sdgs_file = g_strdup_printf ("%s/charts/sdgs.svg", lang);
    char *html;

    if (error == NULL || *error == NULL)
      {
        html = chart_section (self, regions_chart, "regions", regions_file, "charts/regions.svg", error);
        if (html != NULL)
          g_ptr_array_add (charts, html);
      }
    if (error == NULL || *error == NULL)
      {
        html = chart_section (self, sdgs_chart, "sdgs", sdgs_file, "charts/sdgs.svg", error);
        if (html != NULL)
          g_ptr_array_add (charts, html);
      }
  }

  /* the hubs by the day they were labelled, the newest first: the latest
   * NEWEST of them (the list has them all) */
  g_ptr_array_sort (by_date, compare_newest);
  for (guint i = 0; i < by_date->len && i < NEWEST; i++)
    {
      L4aHub *hub = g_ptr_array_index (by_date, i);
      g_autofree char *when = l4a_format_date (hub_date (hub));
      g_autofree char *href = g_strdup_printf ("hubs/%s.html", l4a_hub_get_id (hub));
      g_autofree char *place = l4a_hub_dup_place (hub);
      /* translators: a hub in the timeline: the day it was labelled, and its place */
      g_autofree char *detail = g_strdup_printf (_("labelled %s · %s"), when, place);

      add_item (self, timeline, l4a_hub_get_name (hub), href, detail, NULL, NULL, error);
    }

  if (error != NULL && *error != NULL)
    return FALSE;
  lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u hub of local and regional governments in %u countries, labelled by "
                                       "the World Secretariat of UCLG.",
                                       "%u hubs of local and regional governments in %u countries, labelled by "
                                       "the World Secretariat of UCLG.", n),
                          n, g_hash_table_size (countries));
  scope_text (scope, "heading", _("The Local4Action HUBs Network"));
  scope_text (scope, "lead", lead);
  scope_list (scope, "counts", counts);
  scope_text (scope, "map_title", _("Where the Hubs Are"));
  scope_text (scope, "map_help", _("Each marker is a country with its number of hubs; follow it to the hub, or "
                                   "to the country’s hubs."));
  {
    g_autofree char *w = g_strdup_printf ("%d", MAP_WIDTH);
    g_autofree char *h = g_strdup_printf ("%d", MAP_HEIGHT);

    scope_html (scope, "map_width", w);
    scope_html (scope, "map_height", h);
  }
  scope_list (scope, "markers", markers);
  scope_list (scope, "charts", charts);
  scope_text (scope, "timeline_title", _("Newest Hubs"));
  /* translators: under the newest hubs, a link to the list of every hub */
  scope_text (scope, "all_hubs", by_date->len > NEWEST ? _("Every hub of the network") : NULL);
  scope_list (scope, "timeline", timeline);
  content = expand (self, "network.html", scope, error);
  return content != NULL &&
         put_page (self, lang, "index.html", 0, "index.html", _("The Local4Action HUBs Network"), lead, content,
                   NULL, error);
}

/* The choices of a filter: @values are codes, shown by their labels. */
static char *
filter_html (L4aSite     *self,
             const char  *id,
             const char  *label,
             GPtrArray   *values,
             GPtrArray   *labels,
             GError     **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < values->len; i++)
    {
      g_autoptr(TmplScope) option = tmpl_scope_new ();

      scope_text (option, "value", g_ptr_array_index (values, i));
      scope_text (option, "label", g_ptr_array_index (labels, i));
      add_expanded (self, options, "option.html", option, error);
    }
  scope_html (scope, "id", id);
  scope_text (scope, "label", label);
  scope_text (scope, "any", _("Any"));
  scope_list (scope, "options", options);
  if (error != NULL && *error != NULL)
    return NULL;
  return expand (self, "filter.html", scope, error);
}

static gint
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GHashTable *labels = data;

  return g_utf8_collate (g_hash_table_lookup (labels, *(const char **) a),
                         g_hash_table_lookup (labels, *(const char **) b));
}

/* A filter over the codes the hubs have, in the order of their labels. */
static char *
filter_of (L4aSite    *self,
           const char *id,
           const char *label,
           GHashTable *present,     /* code → its label */
           gboolean    by_label,
           GError    **error)
{
  g_autoptr(GPtrArray) values = keys_of (present);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (by_label)
    g_ptr_array_sort_with_data (values, compare_labels, present);
  else
    g_ptr_array_sort (values, compare_strings);
  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (labels, g_hash_table_lookup (present, g_ptr_array_index (values, i)));
  return filter_html (self, id, label, values, labels, error);
}

/* The list's filters, over the codes the hubs have: read once a language
 * for all the pages of the list. */
static GPtrArray *
list_filters (L4aSite  *self,
              GError  **error)
{
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GHashTable) axes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GHashTable) goals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) councils = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GHashTable) active = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer year;
  guint n = g_list_model_get_n_items (self->hubs), n_councils = 0, sdgs = 0;
  const L4aReferenceEntry *council_entries = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n_councils);
  char *html;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      const char *status = l4a_hub_get_status (hub);
      int from = l4a_hub_get_start (hub) ? atoi (l4a_hub_get_start (hub)) : 0;
      int to = l4a_hub_get_end (hub) ? atoi (l4a_hub_get_end (hub)) : from;

      if (l4a_hub_get_region (hub))
        g_hash_table_insert (regions, (gpointer) l4a_hub_get_region (hub),
                             (gpointer) l4a_reference_translate (L4A_REFERENCE_REGIONS, l4a_hub_get_region (hub)));
      if (l4a_hub_get_country (hub))
        g_hash_table_insert (countries, (gpointer) l4a_hub_get_country (hub),
                             (gpointer) l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (hub)));
      if (l4a_hub_get_pact_axis (hub))
        g_hash_table_insert (axes, (gpointer) l4a_hub_get_pact_axis (hub),
                             (gpointer) l4a_reference_translate (L4A_REFERENCE_AXES, l4a_hub_get_pact_axis (hub)));
      if (status != NULL)
        g_hash_table_insert (statuses, (gpointer) status, (gpointer) l4a_enum_get_label (L4A_TYPE_HUB_STATUS, status));
      sdgs |= l4a_hub_get_sdgs (hub);
      for (int year = from; from > 0 && year <= to && year < from + 50; year++)
        g_hash_table_add (active, GINT_TO_POINTER (year));
      for (guint c = 0; c < n_councils; c++)
        if (l4a_hub_get_councils (hub) & (1u << c))
          g_hash_table_insert (councils, (gpointer) council_entries[c].code,
                               (gpointer) l4a_reference_translate (L4A_REFERENCE_COUNCILS, council_entries[c].code));
    }
  g_hash_table_iter_init (&iter, active);
  while (g_hash_table_iter_next (&iter, &year, NULL))
    g_hash_table_insert (years, g_strdup_printf ("%d", GPOINTER_TO_INT (year)),
                         g_strdup_printf ("%d", GPOINTER_TO_INT (year)));
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (sdgs & (1u << goal))
      {
        const L4aReferenceEntry *sdg = l4a_reference_sdg (goal);

        /* translators: a Sustainable Development Goal: its number and its name */
        g_hash_table_insert (goals, g_strdup_printf ("%02u", goal),
                             g_strdup_printf (_("%u. %s"), goal,
                                              sdg ? l4a_reference_translate (L4A_REFERENCE_SDGS, sdg->code) : ""));
      }

  if ((html = filter_of (self, "region", _("World region"), regions, TRUE, error)))
    g_ptr_array_add (filters, html);
  if (html && (html = filter_of (self, "country", _("Country"), countries, TRUE, error)))
    g_ptr_array_add (filters, html);
  if (html && (html = filter_of (self, "sdg", _("Sustainable Development Goal"), goals, FALSE, error)))
    g_ptr_array_add (filters, html);
  if (html && (html = filter_of (self, "axis", _("Pact axis"), axes, TRUE, error)))
    g_ptr_array_add (filters, html);
  if (html && (html = filter_of (self, "status", _("Status"), statuses, TRUE, error)))
    g_ptr_array_add (filters, html);
  if (html && (html = filter_of (self, "year", _("Active in"), years, FALSE, error)))
    g_ptr_array_add (filters, html);
  if (html && (html = filter_of (self, "council", _("Policy Council"), councils, TRUE, error)))
    g_ptr_array_add (filters, html);
  return html != NULL ? g_steal_pointer (&filters) : NULL;
}

/* A page of the list: PAGE_SIZE hubs' cards, the search, the filters and
 * the links to the other pages. The search runs on the index of every hub
 * (step_index()), whichever page it starts from. */
static gboolean
step_list (L4aSite    *self,
           const char *lang,
           guint       page,
           GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *content = NULL;
  g_autofree char *index = g_strdup_printf ("data/hubs-%s.js", lang);
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  g_autofree char *pager = NULL;
  g_autofree char *name = paged_name ("hubs", page);
  g_autofree char *title = NULL;
  guint n = g_list_model_get_n_items (self->hubs), n_pages = n_pages_of (n);

  if (self->filters == NULL || g_strcmp0 (self->filters_lang, lang) != 0)
    {
      g_clear_pointer (&self->filters, g_ptr_array_unref);
      if ((self->filters = list_filters (self, error)) == NULL)
        return FALSE;
      self->filters_lang = lang;
    }
  for (guint i = page * PAGE_SIZE; i < n && i < (page + 1) * PAGE_SIZE; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      g_autoptr(TmplScope) item = tmpl_scope_new ();
      g_autoptr(GPtrArray) sdgs = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *place = l4a_hub_dup_place (hub);
      g_autofree char *period = l4a_format_period (l4a_hub_get_start (hub), l4a_hub_get_end (hub));
      const char *status = l4a_hub_get_status (hub);

      add_sdgs (self, sdgs, l4a_hub_get_sdgs (hub), error);
      scope_html (item, "id", l4a_hub_get_id (hub));
      scope_text (item, "name", l4a_hub_get_name (hub));
      scope_text (item, "place", place);
      scope_text (item, "status_code", status);
      scope_text (item, "status", status ? l4a_enum_get_label (L4A_TYPE_HUB_STATUS, status) : "");
      scope_text (item, "period", period);
      scope_text (item, "sdgs_label", _("Sustainable Development Goals"));
      scope_list (item, "sdgs", sdgs);
      add_expanded (self, items, "hub-item.html", item, error);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  if ((pager = pager_html (self, "hubs", page, n_pages, error)) == NULL)
    return FALSE;

  count = count_text (n);
  total = g_strdup_printf ("%u", n);
  if (page == 0)
    title = g_strdup (_("Hubs"));
  else
    /* translators: the title of a page of the list of hubs */
    title = g_strdup_printf (_("Hubs, page %u of %u"), page + 1, n_pages);
  scope_text (scope, "heading", title);
  scope_text (scope, "lead", _("Every labelled hub of the registry. Search by name, place or topic, and narrow the "
                               "list with the filters."));
  scope_text (scope, "search_label", _("Search the hubs"));
  scope_text (scope, "search_placeholder", _("A name, a place, a topic"));
  scope_text (scope, "filters_label", _("Filters"));
  scope_list (scope, "filters", self->filters);
  scope_text (scope, "count", count);
  scope_html (scope, "total", total);
  scope_html (scope, "index", index);
  /* translators: said while the website loads the index of every hub for a search */
  scope_text (scope, "loading", _("Searching every hub…"));
  scope_text (scope, "index_error", _("The hubs cannot be searched: the index is missing from the website."));
  scope_list (scope, "hubs", items);
  scope_text (scope, "sdgs_label", _("Sustainable Development Goals"));
  scope_text (scope, "none", _("No hub matches. Try fewer words or filters."));
  /* translators: a button under the hubs a search found, for the next ones */
  scope_text (scope, "more", _("Show more hubs"));
  scope_html (scope, "pager", pager);
  {
    /* the count's words for the script, which puts the number for %d */
    g_autoptr(GString) one = g_string_new (g_dngettext (GETTEXT_PACKAGE, "%u hub", "%u hubs", 1));
    g_autoptr(GString) many = g_string_new (g_dngettext (GETTEXT_PACKAGE, "%u hub", "%u hubs", 2));

    g_string_replace (one, "%u", "%d", 0);
    g_string_replace (many, "%u", "%d", 0);
    scope_text (scope, "one", one->str);
    scope_text (scope, "many", many->str);
  }
  content = expand (self, "hubs.html", scope, error);
  if (content == NULL)
    return FALSE;
  return put_page (self, lang, name, 0, "hubs.html", title, _("Every labelled hub of the registry."),
                   content, n <= INDEX_WITH_PAGE ? index : "", error);
}

/* The words of @text as the search matches them: accents and case aside. */
static void
add_tokens (JsonBuilder *builder,
            GHashTable  *seen,
            const char  *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) folded = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return;
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (folded, g_unichar_tolower (c));
      else
        g_string_append_c (folded, ' ');
    }
  words = g_strsplit (folded->str, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !g_hash_table_contains (seen, words[i]))
      {
        g_hash_table_add (seen, g_strdup (words[i]));
        json_builder_add_string_value (builder, words[i]);
      }
}

/* The words of a card the script makes: the goals' names, the statuses'. */
static char *
index_labels (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *statuses = l4a_enum_get_nicks (L4A_TYPE_HUB_STATUS);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_object (builder);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      const L4aReferenceEntry *sdg = l4a_reference_sdg (goal);
      g_autofree char *number = g_strdup_printf ("%u", goal);

      json_builder_set_member_name (builder, number);
      json_builder_add_string_value (builder, sdg ? l4a_reference_translate (L4A_REFERENCE_SDGS, sdg->code) : number);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_object (builder);
  for (guint i = 0; statuses[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, statuses[i]);
      json_builder_add_string_value (builder, l4a_enum_get_label (L4A_TYPE_HUB_STATUS, statuses[i]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
step_index (L4aSite    *self,
            const char *lang,
            GError    **error)
{
  g_autoptr(GString) script = g_string_new ("window.L4A_LABELS = ");
  g_autofree char *path = g_strdup_printf ("%s/data/hubs-%s.js", lang, lang);
  g_autofree char *labels = index_labels ();
  guint n = g_list_model_get_n_items (self->hubs), n_councils = 0;
  const L4aReferenceEntry *council_entries = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n_councils);

  /* a script, not data to fetch: browsers fetch nothing from file://; a
   * hub at a time, since json-glib's tree of 100 000 hubs' words took
   * 400 MB for a text of 30 */
  g_string_append (script, labels);
  g_string_append (script, ";\nwindow.L4A_HUBS = [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *place = l4a_hub_dup_place (hub);
      g_autofree char *period = l4a_format_period (l4a_hub_get_start (hub), l4a_hub_get_end (hub));
      const char *country = l4a_hub_get_country (hub);
      int from = l4a_hub_get_start (hub) ? atoi (l4a_hub_get_start (hub)) : 0;
      int to = l4a_hub_get_end (hub) ? atoi (l4a_hub_get_end (hub)) : from;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, l4a_hub_get_id (hub));
      /* what a card shows, for the matches the script lists */
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, l4a_hub_get_name (hub));
      json_builder_set_member_name (builder, "place");
      json_builder_add_string_value (builder, place);
      json_builder_set_member_name (builder, "period");
      json_builder_add_string_value (builder, period);
      json_builder_set_member_name (builder, "tokens");
      json_builder_begin_array (builder);
      add_tokens (builder, seen, l4a_hub_get_name (hub));
      add_tokens (builder, seen, l4a_hub_get_government (hub));
      add_tokens (builder, seen, l4a_hub_get_summary (hub));
      add_tokens (builder, seen, country ? l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country) : NULL);
      /* partners are found too */
      add_tokens (builder, seen, g_hash_table_lookup (self->partners, l4a_hub_get_id (hub)));
      add_tokens (builder, seen, l4a_hub_get_region (hub)
                                 ? l4a_reference_translate (L4A_REFERENCE_REGIONS, l4a_hub_get_region (hub)) : NULL);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, l4a_hub_get_region (hub) ? l4a_hub_get_region (hub) : "");
      json_builder_set_member_name (builder, "country");
      json_builder_add_string_value (builder, country ? country : "");
      json_builder_set_member_name (builder, "axis");
      json_builder_add_string_value (builder, l4a_hub_get_pact_axis (hub) ? l4a_hub_get_pact_axis (hub) : "");
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, l4a_hub_get_status (hub) ? l4a_hub_get_status (hub) : "");
      json_builder_set_member_name (builder, "sdgs");
      json_builder_begin_array (builder);
      for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
        if (l4a_hub_get_sdgs (hub) & (1u << goal))
          json_builder_add_int_value (builder, goal);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "councils");
      json_builder_begin_array (builder);
      for (guint c = 0; c < n_councils; c++)
        if (l4a_hub_get_councils (hub) & (1u << c))
          json_builder_add_string_value (builder, council_entries[c].code);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_int_value (builder, to);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);
      if (i > 0)
        g_string_append_c (script, ',');
      g_string_append (script, json);
    }
  g_string_append (script, "];\n");
  return put_bytes (self, path, script->str, script->len, error);
}

/* A list section of a hub page. */
static char *
items_section (L4aSite    *self,
               const char *id,
               const char *title,
               const char *empty_text,
               GPtrArray  *items,
               GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();

  scope_html (scope, "id", id);
  scope_text (scope, "title", title);
  tmpl_scope_set_boolean (scope, "empty", items->len == 0);
  scope_text (scope, "empty_text", empty_text);
  scope_list (scope, "items", items);
  return expand (self, "list-section.html", scope, error);
}

static void
add_fact (L4aSite    *self,
          GPtrArray  *facts,
          const char *term,
          const char *value,
          GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();

  if (value == NULL || *value == '\0')
    return;
  scope_text (scope, "term", term);
  scope_text (scope, "value", value);
  add_expanded (self, facts, "fact.html", scope, error);
}

static gboolean
step_hub (L4aSite    *self,
          const char *lang,
          guint       index,
          GError    **error)
{
  g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, index);
  const char *id = l4a_hub_get_id (hub);
  L4aHubDetails *details;
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sdgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *page = g_strdup_printf ("hubs/%s.html", id);
  g_autofree char *label_src = g_strconcat ("../../", label_mark_path (self), NULL);
  g_autofree char *place = l4a_hub_dup_place (hub);
  g_autofree char *period = l4a_format_period (l4a_hub_get_start (hub), l4a_hub_get_end (hub));
  g_autofree char *labelled = l4a_format_date (l4a_hub_get_label_date (hub));
  g_autofree char *content = NULL;
  g_autofree char *label_alt = NULL;
  g_autoptr(GString) councils = g_string_new (NULL);
  guint n_councils = 0;
  const L4aReferenceEntry *council_entries = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n_councils);

  if (self->details == NULL || self->details_hub != index)
    {
      g_clear_pointer (&self->details, l4a_hub_details_free);
      self->details = l4a_registry_get_hub_details (self->store, id, error);
      self->details_hub = index;
    }
  details = self->details;
  if (details == NULL)
    return FALSE;

  for (guint c = 0; c < n_councils; c++)
    if (l4a_hub_get_councils (hub) & (1u << c))
      g_string_append_printf (councils, "%s%s", councils->len ? ", " : "",
                              l4a_reference_translate (L4A_REFERENCE_COUNCILS, council_entries[c].code));
  add_fact (self, facts, _("Lead government"), l4a_hub_get_government (hub), error);
  add_fact (self, facts, _("Country"), l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (hub)),
            error);
  add_fact (self, facts, _("World region"),
            l4a_hub_get_region (hub) ? l4a_reference_translate (L4A_REFERENCE_REGIONS, l4a_hub_get_region (hub)) : NULL,
            error);
  add_fact (self, facts, _("Status"),
            l4a_hub_get_status (hub) ? l4a_enum_get_label (L4A_TYPE_HUB_STATUS, l4a_hub_get_status (hub)) : NULL,
            error);
  add_fact (self, facts, _("Time frame"), period, error);
  add_fact (self, facts, _("Labelled on"), labelled, error);
  add_fact (self, facts, _("Format"),
            l4a_hub_get_format (hub) ? l4a_enum_get_label (L4A_TYPE_FORMAT, l4a_hub_get_format (hub)) : NULL, error);
  add_fact (self, facts, _("Pact axis"),
            l4a_hub_get_pact_axis (hub) ? l4a_reference_translate (L4A_REFERENCE_AXES, l4a_hub_get_pact_axis (hub))
                                        : NULL, error);
  add_fact (self, facts, _("Policy Councils"), councils->str, error);
  add_sdgs (self, sdgs, l4a_hub_get_sdgs (hub), error);

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    char *html;

    for (guint i = 0; i < details->partners->len; i++)
      {
        L4aDetailItem *item = g_ptr_array_index (details->partners, i);

        add_item (self, items, item->title, NULL, item->subtitle, NULL, NULL, error);
      }
    if ((html = items_section (self, "partners", _("Partners"), _("No partner is listed yet."), items, error)))
      g_ptr_array_add (sections, html);
  }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    char *html;

    for (guint i = 0; i < details->deliverables->len; i++)
      {
        L4aDetailItem *item = g_ptr_array_index (details->deliverables, i);
        g_autofree char *due = item->date ? l4a_format_date (item->date) : NULL;
        /* translators: when a deliverable is due */
        g_autofree char *detail = due ? g_strdup_printf (_("due %s"), due) : NULL;
        const char *status = item->overdue ? _("Overdue")
                             : item->kind ? l4a_enum_get_label (L4A_TYPE_DELIVERABLE_STATUS, item->kind) : NULL;

        add_item (self, items, item->title, NULL, detail, status, item->overdue ? "overdue" : item->kind, error);
      }
    if ((html = items_section (self, "deliverables", _("Deliverables"), _("No deliverable is listed yet."), items,
                               error)))
      g_ptr_array_add (sections, html);
  }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    char *html;

    for (guint i = 0; i < details->activities->len; i++)
      {
        L4aDetailItem *item = g_ptr_array_index (details->activities, i);
        g_autofree char *when = item->date ? l4a_format_date (item->date) : NULL;
        const char *kind = item->kind ? l4a_enum_get_label (L4A_TYPE_ACTIVITY_KIND, item->kind) : NULL;
        /* translators: an activity's kind and date */
        g_autofree char *detail = g_strdup_printf (_("%s · %s"), kind ? kind : "", when ? when : "");
        /* links to elsewhere are shown, as text: the site makes no request */
        const char *href = item->url && (g_str_has_prefix (item->url, "https://") ||
                                         g_str_has_prefix (item->url, "http://")) ? item->url : NULL;

        add_item (self, items, item->title, href, detail, NULL, NULL, error);
      }
    if ((html = items_section (self, "activities", _("Activities"), _("No activity is recorded yet."), items,
                               error)))
      g_ptr_array_add (sections, html);
  }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    char *html;

    for (guint i = 0; i < details->related->len; i++)
      {
        L4aDetailItem *item = g_ptr_array_index (details->related, i);
        g_autofree char *href = item->id ? g_strdup_printf ("%s.html", item->id) : NULL;

        add_item (self, items, item->title, href, item->subtitle, NULL, NULL, error);
      }
    if ((html = items_section (self, "related", _("Related Hubs"), _("No related hub is named yet."), items, error)))
      g_ptr_array_add (sections, html);
  }
  /* each indicator: its chart, and its values as a table */
  {
    g_autoptr(GPtrArray) indicators = l4a_indicators_list (self->store, id, NULL);

    for (guint i = 0; indicators && i < indicators->len && (error == NULL || *error == NULL); i++)
      {
        L4aIndicatorEdit *indicator = g_ptr_array_index (indicators, i);
        g_autoptr(L4aChart) chart = l4a_chart_indicator (self->store, indicator->id, NULL);
        g_autofree char *file = g_strdup_printf ("%s/hubs/%s/indicator-%u.svg", lang, id, i + 1);
        g_autofree char *src = g_strdup_printf ("%s/indicator-%u.svg", id, i + 1);
        g_autofree char *section_id = g_strdup_printf ("indicator-%u", i + 1);
        char *html;

        if (chart == NULL)
          continue;
        html = chart_section (self, chart, section_id, file, src, error);
        if (html != NULL)
          g_ptr_array_add (sections, html);
      }
  }
  /* its indicators as data, found here rather than among every hub's on
   * the pages of the open data */
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(TmplScope) item = tmpl_scope_new ();
    g_autofree char *href = g_strdup_printf ("../../downloads/vlr/%s.csv", id);
    char *html;

    scope_text (item, "href", href);
    scope_text (item, "title", _("Indicators for Voluntary Local Reviews"));
    scope_text (item, "detail", "CSV");
    add_expanded (self, items, "download.html", item, error);
    if ((html = items_section (self, "data", _("Open Data"), NULL, items, error)))
      g_ptr_array_add (sections, html);
  }
  if (error != NULL && *error != NULL)
    return FALSE;

  /* translators: the description of a hub's co-branded label, for who cannot see it */
  label_alt = g_strdup_printf (_("The Local4Action HUB label of %s, %s"), l4a_hub_get_name (hub), place);
  scope_html (scope, "id", id);
  scope_text (scope, "crumbs_label", _("You are here"));
  scope_text (scope, "network", _("Network"));
  scope_text (scope, "hubs", _("Hubs"));
  scope_text (scope, "name", l4a_hub_get_name (hub));
  scope_text (scope, "place", place);
  scope_text (scope, "summary", l4a_hub_get_summary (hub));
  scope_list (scope, "facts", facts);
  scope_text (scope, "label_alt", label_alt);
  scope_text (scope, "label_src", label_src);
  scope_text (scope, "label_caption", _("The hub’s co-branded label, as every hub shows it."));
  scope_text (scope, "sdgs_title", _("Sustainable Development Goals"));
  scope_list (scope, "sdgs", sdgs);
  scope_list (scope, "sections", sections);
  content = expand (self, "hub.html", scope, error);
  return content != NULL &&
         put_page (self, lang, page, 1, NULL, l4a_hub_get_name (hub), l4a_hub_get_summary (hub), content, NULL, error);
}

static gboolean
step_downloads_page (L4aSite    *self,
                     const char *lang,
                     guint       page,
                     GError    **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) downloads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) vlr = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *content = NULL;
  g_autofree char *pager = NULL;
  g_autofree char *name = paged_name ("downloads", page);
  g_autofree char *title = NULL;
  guint n = g_list_model_get_n_items (self->hubs), n_pages = n_pages_of (n);
  static const struct { const char *href, *title, *detail; } files[] = {
    { "../downloads/hubs.csv", N_("The registry as CSV"), N_("One line per hub, for a spreadsheet") },
    { "../downloads/hubs.json", N_("The registry as JSON"), N_("One object per hub, for programs") },
    { "../downloads/registry.l4a.json", N_("The registry bundle"),
      N_("Signed by the World Secretariat; Local4Action Hubs imports it") },
    { "../catalog.jsonld", N_("The data catalogue"), N_("DCAT-AP, for open-data portals to harvest") },
    { "../feed.xml", N_("The news feed"), N_("Newly labelled hubs and recent activities, as Atom") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(TmplScope) item = tmpl_scope_new ();

      scope_text (item, "href", files[i].href);
      scope_text (item, "title", _(files[i].title));
      scope_text (item, "detail", _(files[i].detail));
      add_expanded (self, downloads, "download.html", item, error);
    }
  for (guint i = page * PAGE_SIZE; i < n && i < (page + 1) * PAGE_SIZE; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      g_autoptr(TmplScope) item = tmpl_scope_new ();
      g_autofree char *href = g_strdup_printf ("../downloads/vlr/%s.csv", l4a_hub_get_id (hub));

      scope_text (item, "href", href);
      scope_text (item, "title", l4a_hub_get_name (hub));
      scope_text (item, "detail", "CSV");
      add_expanded (self, vlr, "download.html", item, error);
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  if ((pager = pager_html (self, "downloads", page, n_pages, error)) == NULL)
    return FALSE;
  if (page == 0)
    title = g_strdup (_("Open Data"));
  else
    /* translators: the title of a page of the open data, which lists each hub's indicators */
    title = g_strdup_printf (_("Open Data, page %u of %u"), page + 1, n_pages);
  scope_text (scope, "heading", title);
  scope_text (scope, "lead", _("The registry is open: take it whole, as a spreadsheet or as data, and harvest it "
                               "from its catalogue."));
  scope_list (scope, "downloads", downloads);
  scope_text (scope, "vlr_title", _("Indicators for Voluntary Local Reviews"));
  scope_text (scope, "vlr_lead", _("Each hub’s indicators and their values by year, as the annex of a Voluntary "
                                   "Local Review."));
  scope_list (scope, "vlr", vlr);
  scope_html (scope, "pager", pager);
  content = expand (self, "downloads.html", scope, error);
  return content != NULL &&
         put_page (self, lang, name, 0, "downloads.html", title,
                   _("The registry as CSV, JSON and bundle, and its data catalogue."), content, NULL, error);
}

/* The checksum of the records of the bundle at @path, or NULL: read as a
 * bundle is, never as one tree (44 MB of text at 100 000 hubs, ten times
 * that as json-glib's tree). */
static char *
bundle_checksum (const char *path)
{
  g_autoptr(L4aBundle) bundle = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || (bundle = l4a_bundle_load (path, NULL)) == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (bundle->head), "checksum", ""));
}

static gboolean
step_downloads (L4aSite  *self,
                GError  **error)
{
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) json = g_memory_output_stream_new_resizable ();
  g_autofree char *bundle = g_build_filename (self->out, "downloads", "registry.l4a.json", NULL);
  g_autofree char *scratch = g_build_filename (self->out, ".scratch-registry.l4a.json", NULL);
  g_autofree char *old_sum = NULL;
  g_autofree char *new_sum = NULL;

  if (!l4a_csv_write_hubs (self->hubs, csv, NULL, error) || !g_output_stream_close (csv, NULL, error) ||
      !put_bytes (self, "downloads/hubs.csv", g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (csv)),
                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (csv)), error) ||
      !l4a_registry_write_hubs_json (self->hubs, json, NULL, error) || !g_output_stream_close (json, NULL, error) ||
      !put_bytes (self, "downloads/hubs.json", g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (json)),
                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (json)), error))
    return FALSE;

  /* the bundle is signed and dated each time: kept when its records are the same */
  if (!l4a_bundle_export (self->store, "registry", NULL, scratch, NULL, NULL, error))
    {
      g_unlink (scratch);
      return FALSE;
    }
  old_sum = bundle_checksum (bundle);
  new_sum = bundle_checksum (scratch);
  g_hash_table_add (self->written, g_strdup ("downloads/registry.l4a.json"));
  if (old_sum != NULL && g_strcmp0 (old_sum, new_sum) == 0)
    {
      self->n_unchanged++;
      g_unlink (scratch);
    }
  else if (g_rename (scratch, bundle) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("“%s” cannot be written: %s"), bundle,
                   g_strerror (saved));
      g_unlink (scratch);
      return FALSE;
    }
  else
    self->n_written++;

  for (guint i = 0; i < g_list_model_get_n_items (self->hubs); i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autofree char *path = g_strdup_printf ("downloads/vlr/%s.csv", l4a_hub_get_id (hub));

      if (!l4a_indicators_write_csv (self->store, l4a_hub_get_id (hub), out, error) ||
          !g_output_stream_close (out, NULL, error) ||
          !put_bytes (self, path, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), error))
        return FALSE;
    }
  return TRUE;
}

static void
add_distribution (JsonBuilder *builder,
                  L4aSite     *self,
                  const char  *path,
                  const char  *title,
                  const char  *media_type,
                  const char  *format)
{
  g_autofree char *url = site_url (self, path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@type");
  json_builder_add_string_value (builder, "dcat:Distribution");
  json_builder_set_member_name (builder, "dct:title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "dcat:accessURL");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@id");
  json_builder_add_string_value (builder, url);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "dcat:downloadURL");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@id");
  json_builder_add_string_value (builder, url);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "dcat:mediaType");
  json_builder_add_string_value (builder, media_type);
  json_builder_set_member_name (builder, "dct:format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "dct:modified");
  json_builder_add_string_value (builder, self->modified);
  json_builder_end_object (builder);
}

static void
add_id (JsonBuilder *builder,
        const char  *member,
        const char  *id)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@id");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
}

static void
add_member (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static gboolean
step_catalog (L4aSite  *self,
              GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *catalog_id = site_url (self, "catalog.jsonld");
  g_autofree char *dataset_id = site_url (self, "catalog.jsonld#registry");
  g_autofree char *landing = site_url (self, "en/index.html");

  /* the catalogue speaks English: DCAT-AP's mandatory texts, once */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_object (builder);
  add_member (builder, "dcat", "http://www.w3.org/ns/dcat#");
  add_member (builder, "dct", "http://purl.org/dc/terms/");
  add_member (builder, "foaf", "http://xmlns.com/foaf/0.1/");
  add_member (builder, "xsd", "http://www.w3.org/2001/XMLSchema#");
  json_builder_end_object (builder);
  add_member (builder, "@id", catalog_id);
  add_member (builder, "@type", "dcat:Catalog");
  add_member (builder, "dct:title", "Local4Action HUBs");
  add_member (builder, "dct:description", "The registry of the Local4Action HUBs of United Cities and Local "
                                          "Governments: labelled hubs of local and regional governments, their "
                                          "partners, deliverables, activities and indicators.");
  json_builder_set_member_name (builder, "dct:publisher");
  json_builder_begin_object (builder);
  add_member (builder, "@type", "foaf:Agent");
  add_member (builder, "foaf:name", "United Cities and Local Governments (UCLG) World Secretariat");
  json_builder_end_object (builder);
  add_member (builder, "dct:modified", self->modified);
  add_id (builder, "foaf:homepage", landing);
  json_builder_set_member_name (builder, "dcat:dataset");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_member (builder, "@id", dataset_id);
  add_member (builder, "@type", "dcat:Dataset");
  add_member (builder, "dct:title", "Local4Action HUBs registry");
  add_member (builder, "dct:description", "Every labelled Local4Action HUB: its lead government, country, world "
                                          "region, Sustainable Development Goals, Pact axis, status and time "
                                          "frame, with each hub's indicators for Voluntary Local Reviews.");
  add_member (builder, "dct:modified", self->modified);
  add_id (builder, "dcat:landingPage", landing);
  json_builder_set_member_name (builder, "dct:language");
  json_builder_begin_array (builder);
  for (guint i = 0; l4a_site_languages[i] != NULL; i++)
    json_builder_add_string_value (builder, l4a_site_languages[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dcat:keyword");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "Local4Action");
  json_builder_add_string_value (builder, "UCLG");
  json_builder_add_string_value (builder, "SDG");
  json_builder_add_string_value (builder, "localization");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dcat:distribution");
  json_builder_begin_array (builder);
  add_distribution (builder, self, "downloads/hubs.csv", "Registry (CSV)", "text/csv", "CSV");
  add_distribution (builder, self, "downloads/hubs.json", "Registry (JSON)", "application/json", "JSON");
  add_distribution (builder, self, "downloads/registry.l4a.json", "Registry bundle (signed JSON)",
                    "application/vnd.local4action.bundle+json", "JSON");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  json = g_strconcat (text, "\n", NULL);
  return put_text (self, "catalog.jsonld", json, error);
}

typedef struct
{
  char *date;    /* YYYY-MM-DD */
  char *id;
  char *title;
  char *summary;
  char *href;
} FeedEntry;

static void
feed_entry_free (gpointer data)
{
  FeedEntry *entry = data;

  g_free (entry->date);
  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->summary);
  g_free (entry->href);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FeedEntry *x = *(FeedEntry * const *) a, *y = *(FeedEntry * const *) b;
  int c = g_strcmp0 (y->date, x->date);

  return c != 0 ? c : g_strcmp0 (x->id, y->id);
}

static gboolean
step_feed (L4aSite  *self,
           GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (feed_entry_free);
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autofree char *feed_id = site_url (self, "feed.xml");
  g_autofree char *home = site_url (self, "en/index.html");
  g_autofree char *self_link = site_url (self, "feed.xml");
  L4aLanguage language;

  l4a_language_push (&language, "en");
  for (guint i = 0; i < g_list_model_get_n_items (self->hubs); i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      g_autoptr(L4aHubDetails) details = l4a_registry_get_hub_details (self->store, l4a_hub_get_id (hub), NULL);
      g_autofree char *href = g_strdup_printf ("en/hubs/%s.html", l4a_hub_get_id (hub));

      if (l4a_hub_get_label_date (hub) != NULL)
        {
          FeedEntry *entry = g_new0 (FeedEntry, 1);

          entry->date = g_strndup (l4a_hub_get_label_date (hub), 10);
          entry->id = g_strdup_printf ("urn:uuid:%s", l4a_hub_get_id (hub));
          entry->title = g_strdup_printf ("New hub: %s", l4a_hub_get_name (hub));
          entry->summary = g_strdup (l4a_hub_get_summary (hub));
          entry->href = site_url (self, href);
          g_ptr_array_add (entries, entry);
        }
      for (guint a = 0; details && a < details->activities->len; a++)
        {
          L4aDetailItem *item = g_ptr_array_index (details->activities, a);
          FeedEntry *entry;

          if (item->date == NULL || item->id == NULL)
            continue;
          entry = g_new0 (FeedEntry, 1);
          entry->date = g_strndup (item->date, 10);
          entry->id = g_strdup_printf ("urn:uuid:%s", item->id);
          entry->title = g_strdup_printf ("%s: %s", l4a_hub_get_name (hub), item->title);
          entry->summary = g_strdup (item->subtitle);
          entry->href = site_url (self, href);
          g_ptr_array_add (entries, entry);
        }
    }
  l4a_language_pop (&language);
  g_ptr_array_sort (entries, compare_entries);
  if (entries->len > 50)
    g_ptr_array_set_size (entries, 50);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
  {
    g_autofree char *id = esc (feed_id);
    g_autofree char *home_e = esc (home);
    g_autofree char *self_e = esc (self_link);

    g_string_append_printf (xml, "  <id>%s</id>\n  <title>Local4Action HUBs: new hubs and activities</title>\n"
                                 "  <updated>%sT00:00:00Z</updated>\n"
                                 "  <author><name>UCLG World Secretariat</name></author>\n"
                                 "  <link rel=\"self\" href=\"%s\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n",
                            id, self->modified, self_e, home_e);
  }
  for (guint i = 0; i < entries->len; i++)
    {
      FeedEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = esc (entry->title);
      g_autofree char *summary = esc (entry->summary);
      g_autofree char *href = esc (entry->href);

      g_string_append_printf (xml, "  <entry>\n    <id>%s</id>\n    <title>%s</title>\n"
                                   "    <updated>%sT00:00:00Z</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n"
                                   "    <summary>%s</summary>\n  </entry>\n",
                              entry->id, title, entry->date, href, summary);
    }
  g_string_append (xml, "</feed>\n");
  return put_text (self, "feed.xml", xml->str, error);
}

/* The sitemap of @pages from @first, SITEMAP_SIZE at most. */
static char *
sitemap_of (L4aSite   *self,
            GPtrArray *pages,
            guint      first)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");

  for (guint i = first; i < pages->len && i < first + SITEMAP_SIZE; i++)
    {
      g_autofree char *url = site_url (self, g_ptr_array_index (pages, i));
      g_autofree char *escaped = esc (url);

      g_string_append_printf (xml, "  <url><loc>%s</loc><lastmod>%s</lastmod></url>\n", escaped, self->modified);
    }
  g_string_append (xml, "</urlset>\n");
  return g_string_free (xml, FALSE);
}

/* Every page of the site, in sitemap.xml; past SITEMAP_SIZE addresses (a
 * registry of some 16 000 hubs), in sitemap-1.xml, sitemap-2.xml... that
 * sitemap.xml names as a sitemap index. */
static gboolean
step_sitemap (L4aSite  *self,
              GError  **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (self->hubs), n_pages = n_pages_of (n);
  g_autoptr(GString) index = NULL;

  g_ptr_array_add (pages, g_strdup ("index.html"));
  for (guint l = 0; l4a_site_languages[l] != NULL; l++)
    {
      const char *lang = l4a_site_languages[l];

      g_ptr_array_add (pages, g_strdup_printf ("%s/index.html", lang));
      for (guint page = 0; page < n_pages; page++)
        {
          g_autofree char *list = paged_name ("hubs", page);
          g_autofree char *downloads = paged_name ("downloads", page);

          g_ptr_array_add (pages, g_strdup_printf ("%s/%s", lang, list));
          g_ptr_array_add (pages, g_strdup_printf ("%s/%s", lang, downloads));
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);

          g_ptr_array_add (pages, g_strdup_printf ("%s/hubs/%s.html", lang, l4a_hub_get_id (hub)));
        }
    }
  if (pages->len <= SITEMAP_SIZE)
    {
      g_autofree char *xml = sitemap_of (self, pages, 0);

      return put_text (self, "sitemap.xml", xml, error);
    }

  index = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
  for (guint first = 0, part = 1; first < pages->len; first += SITEMAP_SIZE, part++)
    {
      g_autofree char *xml = sitemap_of (self, pages, first);
      g_autofree char *name = g_strdup_printf ("sitemap-%u.xml", part);
      g_autofree char *url = site_url (self, name);
      g_autofree char *escaped = esc (url);

      if (!put_text (self, name, xml, error))
        return FALSE;
      g_string_append_printf (index, "  <sitemap><loc>%s</loc><lastmod>%s</lastmod></sitemap>\n", escaped,
                              self->modified);
    }
  g_string_append (index, "</sitemapindex>\n");
  return put_text (self, "sitemap.xml", index->str, error);
}

static gboolean
step_root (L4aSite  *self,
           GError  **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new ();
  g_autoptr(GPtrArray) alternates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *html = NULL;

  for (guint i = 0; l4a_site_languages[i] != NULL; i++)
    {
      const char *lang = l4a_site_languages[i];
      g_autofree char *name = esc (language_name (lang));

      g_ptr_array_add (alternates, g_strdup_printf ("<link rel=\"alternate\" hreflang=\"%s\" href=\"%s/index.html\">",
                                                    lang, lang));
      g_ptr_array_add (languages, g_strdup_printf ("<a href=\"%s/index.html\" lang=\"%s\" hreflang=\"%s\">%s</a>",
                                                   lang, lang, lang, name));
    }
  scope_list (scope, "alternates", alternates);
  scope_list (scope, "languages", languages);
  html = expand (self, "root.html", scope, error);
  return html != NULL && put_text (self, "index.html", html, error);
}

/* Takes away what an earlier publication wrote and this one did not (the
 * pages of hubs that are gone), then notes what this one wrote. */
static gboolean
step_cleanup (L4aSite  *self,
              GError  **error)
{
  g_autofree char *manifest = g_build_filename (self->out, MANIFEST, NULL);
  /* read as text: l4a_read_file() ends what it read with a NUL */
  g_autoptr(GBytes) old_bytes = l4a_read_file (manifest, G_MAXINT32, NULL);
  const char *old = old_bytes != NULL ? g_bytes_get_data (old_bytes, NULL) : NULL;
  g_autoptr(GPtrArray) paths = keys_of (self->written);
  g_autoptr(GString) text = g_string_new (NULL);

  if (old != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (old, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *full = NULL;

          /* only what this program wrote: no path that leaves the folder */
          if (*lines[i] == '\0' || g_hash_table_contains (self->written, lines[i]) || lines[i][0] == '/' ||
              strstr (lines[i], "..") != NULL)
            continue;
          full = g_build_filename (self->out, lines[i], NULL);
          if (g_unlink (full) == 0)
            self->n_removed++;
        }
    }
  g_ptr_array_sort (paths, compare_strings);
  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (paths, i));
  if (old != NULL && g_str_equal (old, text->str))
    return TRUE;
  return g_file_set_contents_full (manifest, text->str, (gssize) text->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                   error);
}

/* Object ------------------------------------------------------------------------------- */

static void
l4a_site_finalize (GObject *object)
{
  L4aSite *self = (L4aSite *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->hubs);
  g_clear_pointer (&self->out, g_free);
  g_clear_pointer (&self->base, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->partners, g_hash_table_unref);
  g_clear_pointer (&self->details, l4a_hub_details_free);
  g_clear_object (&self->label);
  g_clear_pointer (&self->filters, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_site_parent_class)->finalize (object);
}

static void
l4a_site_class_init (L4aSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = l4a_site_finalize;
}

static void
l4a_site_init (L4aSite *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Every hub's partners' names, in one query rather than one a hub and a
 * language. */
static gboolean
read_partners (L4aSite  *self,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (self->store,
                                                    "SELECT hub_id, group_concat (name, ' ') FROM partner "
                                                    "WHERE hub_id IS NOT NULL GROUP BY hub_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->partners, l4a_store_column_dup (stmt, 0), l4a_store_column_dup (stmt, 1));
  return l4a_store_rows_done (self->store, rc, error);
}

static void
add_step (L4aSite    *self,
          StepKind    kind,
          const char *lang,
          guint       hub)
{
  Step step = { kind, lang, hub };

  g_array_append_val (self->steps, step);
}

/**
 * l4a_site_new:
 * @out_dir: the folder to publish into; made if need be
 * @base_url: (nullable): the address the site will have, for its
 *   catalogue, feed and sitemap
 *
 * Returns: (transfer full): a publication of the registry of @store, to
 *   run with l4a_site_step(), or %NULL with @error set
 */
L4aSite *
l4a_site_new (L4aStore    *store,
              const char  *out_dir,
              const char  *base_url,
              GError     **error)
{
  g_autoptr(L4aSite) self = NULL;
  g_autoptr(GListModel) hubs = NULL;
  guint n;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_REGISTRY, error))
    return NULL;
  if (base_url != NULL && *base_url != '\0' &&
      !(g_str_has_prefix (base_url, "https://") || g_str_has_prefix (base_url, "http://")))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("The site’s address must start with https:// or http://, such as "
                     "https://hubs.example.org/."));
      return NULL;
    }
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("The folder “%s” cannot be made: %s"),
                   out_dir, g_strerror (saved));
      return NULL;
    }
  hubs = l4a_registry_list_hubs (store, error);
  if (hubs == NULL)
    return NULL;

  self = g_object_new (L4A_TYPE_SITE, NULL);
  self->store = g_object_ref (store);
  self->out = g_strdup (out_dir);
  if (base_url != NULL && *base_url != '\0')
    self->base = g_str_has_suffix (base_url, "/") ? g_strdup (base_url) : g_strconcat (base_url, "/", NULL);
  else
    {
      /* no address of its own: the folder's, so that the catalogue, the
       * feed and the sitemap still name whole addresses (a site read from
       * a shared drive or a USB stick) */
      g_autoptr(GFile) folder = g_file_new_for_path (out_dir);
      g_autofree char *uri = g_file_get_uri (folder);

      self->base = g_str_has_suffix (uri, "/") ? g_strdup (uri) : g_strconcat (uri, "/", NULL);
    }
  self->hubs = g_steal_pointer (&hubs);
  if (!read_partners (self, error))
    return NULL;

  /* the date of the data, never of the run: publishing the same registry
   * again writes the same files */
  self->modified = g_strdup ("2000-01-01");
  n = g_list_model_get_n_items (self->hubs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aHub) hub = g_list_model_get_item (self->hubs, i);
      const char *dates[] = { l4a_hub_get_label_date (hub), l4a_hub_get_start (hub) };

      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        if (dates[d] != NULL && strlen (dates[d]) >= 10 && strncmp (dates[d], self->modified, 10) > 0)
          {
            g_free (self->modified);
            self->modified = g_strndup (dates[d], 10);
          }
    }

  add_step (self, STEP_ASSETS, NULL, 0);
  for (guint l = 0; l4a_site_languages[l] != NULL; l++)
    {
      const char *lang = l4a_site_languages[l];

      add_step (self, STEP_NETWORK, lang, 0);
      for (guint page = 0; page < n_pages_of (n); page++)
        add_step (self, STEP_LIST, lang, page);
      add_step (self, STEP_INDEX, lang, 0);
      for (guint page = 0; page < n_pages_of (n); page++)
        add_step (self, STEP_DOWNLOADS_PAGE, lang, page);
    }
  /* a hub's pages in its three languages one after the other: its details
   * are read once */
  for (guint i = 0; i < n; i++)
    for (guint l = 0; l4a_site_languages[l] != NULL; l++)
      add_step (self, STEP_HUB, l4a_site_languages[l], i);
  add_step (self, STEP_DOWNLOADS, NULL, 0);
  add_step (self, STEP_CATALOG, NULL, 0);
  add_step (self, STEP_FEED, NULL, 0);
  add_step (self, STEP_SITEMAP, NULL, 0);
  add_step (self, STEP_ROOT, NULL, 0);
  add_step (self, STEP_CLEANUP, NULL, 0);
  return g_steal_pointer (&self);
}

/**
 * l4a_site_step:
 * @done: (out): set when the publication is complete
 *
 * Writes the next page or file of the site.
 */
gboolean
l4a_site_step (L4aSite   *self,
               gboolean  *done,
               GError   **error)
{
  Step *step;
  L4aLanguage language;
  gboolean ok = FALSE;

  g_return_val_if_fail (L4A_IS_SITE (self), FALSE);

  if (self->next >= self->steps->len)
    {
      *done = TRUE;
      return TRUE;
    }
  step = &g_array_index (self->steps, Step, self->next);
  l4a_language_push (&language, step->lang ? step->lang : "en");
  switch (step->kind)
    {
    case STEP_ASSETS:
      ok = step_assets (self, error);
      break;
    case STEP_NETWORK:
      ok = step_network (self, step->lang, error);
      break;
    case STEP_LIST:
      ok = step_list (self, step->lang, step->hub, error);
      break;
    case STEP_INDEX:
      ok = step_index (self, step->lang, error);
      break;
    case STEP_DOWNLOADS_PAGE:
      ok = step_downloads_page (self, step->lang, step->hub, error);
      break;
    case STEP_HUB:
      ok = step_hub (self, step->lang, step->hub, error);
      break;
    case STEP_DOWNLOADS:
      ok = step_downloads (self, error);
      break;
    case STEP_CATALOG:
      ok = step_catalog (self, error);
      break;
    case STEP_FEED:
      ok = step_feed (self, error);
      break;
    case STEP_SITEMAP:
      ok = step_sitemap (self, error);
      break;
    case STEP_ROOT:
      ok = step_root (self, error);
      break;
    case STEP_CLEANUP:
      ok = step_cleanup (self, error);
      break;
    default:
      g_assert_not_reached ();
    }
  l4a_language_pop (&language);
  if (!ok)
    return FALSE;
  self->next++;
  *done = self->next >= self->steps->len;
  return TRUE;
}

double
l4a_site_get_fraction (L4aSite *self)
{
  g_return_val_if_fail (L4A_IS_SITE (self), 0);

  return self->steps->len ? (double) self->next / self->steps->len : 1;
}

guint
l4a_site_get_n_written (L4aSite *self)
{
  g_return_val_if_fail (L4A_IS_SITE (self), 0);

  return self->n_written;
}

guint
l4a_site_get_n_unchanged (L4aSite *self)
{
  g_return_val_if_fail (L4A_IS_SITE (self), 0);

  return self->n_unchanged;
}

guint
l4a_site_get_n_removed (L4aSite *self)
{
  g_return_val_if_fail (L4A_IS_SITE (self), 0);

  return self->n_removed;
}

/**
 * l4a_site_publish:
 *
 * Publishes the registry of @store into @out_dir, all at once.
 */
gboolean
l4a_site_publish (L4aStore      *store,
                  const char    *out_dir,
                  const char    *base_url,
                  GCancellable  *cancellable,
                  guint         *n_written,
                  guint         *n_unchanged,
                  GError       **error)
{
  g_autoptr(L4aSite) site = l4a_site_new (store, out_dir, base_url, error);
  gboolean done = FALSE;

  if (site == NULL)
    return FALSE;
  while (!done)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !l4a_site_step (site, &done, error))
        return FALSE;
    }
  if (n_written != NULL)
    *n_written = site->n_written;
  if (n_unchanged != NULL)
    *n_unchanged = site->n_unchanged;
  return TRUE;
}
