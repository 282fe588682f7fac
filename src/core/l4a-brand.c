/* l4a-brand.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The brand kit: colours and their contrast by the WCAG 2.x formula,
 * assets checked before they are kept (size, dimensions, SVG without
 * scripts or external references, raster decoded before it is trusted),
 * and each hub's co-branded label composed with cairo, pango and librsvg.
 */

#define G_LOG_DOMAIN "l4a-brand"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "l4a-permissions.h"
#include "l4a-brand.h"
#include "l4a-drawing.h"
#include "l4a-rules.h"
#include "l4a-reference.h"
#include "l4a-store-private.h"

/* librsvg 2.54 has no autoptr for its handle */
typedef RsvgHandle L4aRsvgHandle;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aRsvgHandle, g_object_unref)

/* Contrast ------------------------------------------------------------------- */

/**
 * l4a_contrast_passes:
 *
 * Returns: the WCAG 2.x levels @ratio meets, compared unrounded
 */
L4aContrastPasses
l4a_contrast_passes (double ratio)
{
  L4aContrastPasses passes = 0;

  if (ratio >= 4.5)
    passes |= L4A_CONTRAST_AA_NORMAL | L4A_CONTRAST_AAA_LARGE;
  if (ratio >= 3)
    passes |= L4A_CONTRAST_AA_LARGE | L4A_CONTRAST_GRAPHICS;
  if (ratio >= 7)
    passes |= L4A_CONTRAST_AAA_NORMAL;
  return passes;
}

/**
 * l4a_contrast_format:
 *
 * Returns: (transfer full): @ratio with two decimals, such as "4.48:1";
 *   never shown at a threshold it does not reach (4.4951 is "4.49:1", not
 *   "4.50:1")
 */
char *
l4a_contrast_format (double ratio)
{
  static const double thresholds[] = { 3, 4.5, 7 };
  double shown = round (ratio * 100) / 100;

  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    if (ratio < thresholds[i] && shown >= thresholds[i])
      shown = floor (ratio * 100) / 100;
  return g_strdup_printf ("%.2f:1", shown);
}

/* Reading the kit ---------------------------------------------------------------- */

void
l4a_brand_colour_free (L4aBrandColour *colour)
{
  if (colour == NULL)
    return;
  g_free (colour->id);
  g_free (colour->name);
  g_free (colour->role);
  g_free (colour->hex);
  g_free (colour->rgb);
  g_free (colour->cmyk);
  g_free (colour->pantone);
  g_free (colour);
}

/* Properties 1 to G_N_ELEMENTS (asset_texts) are the text fields. */
static const L4aTextField asset_texts[] = {
  { "name", "name", G_STRUCT_OFFSET (L4aBrandAsset, name) },
  { "kind", "kind", G_STRUCT_OFFSET (L4aBrandAsset, kind) },
  { "variant", "variant", G_STRUCT_OFFSET (L4aBrandAsset, variant) },
  { "media_type", "media-type", G_STRUCT_OFFSET (L4aBrandAsset, media_type) },
  { "sha256", "sha256", G_STRUCT_OFFSET (L4aBrandAsset, sha256) },
};

enum {
  ASSET_MIN_SIZE = G_N_ELEMENTS (asset_texts) + 1,
  ASSET_CLEAR_SPACE,
  N_ASSET_PROPS
};

static GParamSpec *asset_properties[N_ASSET_PROPS];

G_DEFINE_FINAL_TYPE (L4aBrandAsset, l4a_brand_asset, G_TYPE_OBJECT)

static void
l4a_brand_asset_finalize (GObject *object)
{
  L4aBrandAsset *asset = L4A_BRAND_ASSET (object);

  l4a_text_fields_clear (asset, asset_texts, G_N_ELEMENTS (asset_texts));
  g_free (asset->id);
  g_clear_pointer (&asset->data, g_bytes_unref);
  g_clear_object (&asset->drawing);

  G_OBJECT_CLASS (l4a_brand_asset_parent_class)->finalize (object);
}

static void
l4a_brand_asset_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  L4aBrandAsset *asset = L4A_BRAND_ASSET (object);

  if (l4a_text_fields_get (object, asset_texts, G_N_ELEMENTS (asset_texts), prop_id, value))
    return;
  if (prop_id == ASSET_MIN_SIZE)
    g_value_set_int (value, asset->min_size_px);
  else if (prop_id == ASSET_CLEAR_SPACE)
    g_value_set_double (value, asset->clear_space);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_brand_asset_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  L4aBrandAsset *asset = L4A_BRAND_ASSET (object);

  if (l4a_text_fields_set (object, asset_texts, G_N_ELEMENTS (asset_texts), prop_id, value, pspec))
    return;
  if (prop_id == ASSET_MIN_SIZE && asset->min_size_px != g_value_get_int (value))
    {
      asset->min_size_px = g_value_get_int (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == ASSET_CLEAR_SPACE && asset->clear_space != g_value_get_double (value))
    {
      asset->clear_space = g_value_get_double (value);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id != ASSET_MIN_SIZE && prop_id != ASSET_CLEAR_SPACE)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_brand_asset_class_init (L4aBrandAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = l4a_brand_asset_finalize;
  object_class->get_property = l4a_brand_asset_get_property;
  object_class->set_property = l4a_brand_asset_set_property;
  l4a_text_fields_install (asset_properties, asset_texts, G_N_ELEMENTS (asset_texts));
  asset_properties[ASSET_MIN_SIZE] = g_param_spec_int ("min-size-px", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* a share of the asset's height kept clear around it */
  asset_properties[ASSET_CLEAR_SPACE] = g_param_spec_double ("clear-space", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  g_object_class_install_properties (object_class, N_ASSET_PROPS, asset_properties);
}

static void
l4a_brand_asset_init (L4aBrandAsset *asset)
{
}

/**
 * l4a_brand_asset_new:
 * @media_type: (nullable): image/svg+xml, image/png or image/jpeg
 * @data: (nullable): its bytes
 *
 * Returns: (transfer full): an asset of those bytes, named by nothing yet
 */
L4aBrandAsset *
l4a_brand_asset_new (const char *media_type,
                     GBytes     *data)
{
  L4aBrandAsset *asset = g_object_new (L4A_TYPE_BRAND_ASSET, NULL);

  asset->media_type = g_strdup (media_type);
  asset->data = data ? g_bytes_ref (data) : NULL;
  return asset;
}

void
l4a_brand_asset_free (L4aBrandAsset *asset)
{
  if (asset != NULL)
    g_object_unref (asset);
}

/* The application's own kit, shown and used until a kit is imported: its
 * label drawing and its palette (the same as the sample data's). */
static const struct { const char *name, *role, *hex, *rgb, *cmyk, *pantone; } default_palette[] = {
  { N_("Hub Blue"), "primary", "#1B4F8C", "27 79 140", "81 44 0 45", "7687 C" },
  { N_("Action Orange"), "accent", "#E2711D", "226 113 29", "0 50 87 11", "158 C" },
  { N_("Local Green"), "secondary", "#2E8540", "46 133 64", "65 0 52 48", "356 C" },
  { N_("Ink"), "text", "#1E1E28", "30 30 40", "25 25 0 84", "Black 6 C" },
  { N_("Paper"), "background", "#FFFFFF", "255 255 255", "0 0 0 0", "" },
};

static L4aBrandAsset *
default_label (void)
{
  L4aBrandAsset *asset = g_object_new (L4A_TYPE_BRAND_ASSET, NULL);

  asset->data = g_resources_lookup_data ("/org/local4action/Hubs/core/default-label.svg", 0, NULL);
  g_assert (asset->data != NULL);
  asset->name = g_strdup (_("Local4Action label"));
  asset->kind = g_strdup ("label");
  asset->variant = g_strdup ("horizontal");
  asset->media_type = g_strdup ("image/svg+xml");
  asset->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, asset->data);
  asset->min_size_px = 120;
  asset->clear_space = 0.25;
  return asset;
}

/**
 * l4a_brand_is_default:
 *
 * Returns: whether the database holds no kit at all, so that the
 *   application's own stands in for it (its label stands in for a missing
 *   label, its palette for a missing palette, even then)
 */
gboolean
l4a_brand_is_default (L4aStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = l4a_store_prepare (store, "SELECT (SELECT count(*) FROM brand_asset) + "
                                                           "(SELECT count(*) FROM brand_colour)", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
}

GPtrArray *
l4a_brand_list_colours (L4aStore  *store,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *list;
  int rc;

  stmt = l4a_store_prepare (store, "SELECT id, name, role, hex, rgb, cmyk, pantone FROM brand_colour "
                                   "ORDER BY position, name", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_brand_colour_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aBrandColour *colour = g_new0 (L4aBrandColour, 1);

      colour->id = l4a_store_column_dup (stmt, 0);
      colour->name = l4a_store_column_dup (stmt, 1);
      colour->role = l4a_store_column_dup (stmt, 2);
      colour->hex = l4a_store_column_dup (stmt, 3);
      colour->rgb = l4a_store_column_dup (stmt, 4);
      colour->cmyk = l4a_store_column_dup (stmt, 5);
      colour->pantone = l4a_store_column_dup (stmt, 6);
      g_ptr_array_add (list, colour);
    }
  if (!l4a_store_rows_done (store, rc, error))
    {
      g_ptr_array_unref (list);
      return NULL;
    }
  /* no palette imported yet: the application's own */
  if (list->len == 0)
    for (guint i = 0; i < G_N_ELEMENTS (default_palette); i++)
      {
        L4aBrandColour *colour = g_new0 (L4aBrandColour, 1);

        colour->name = g_strdup (_(default_palette[i].name));
        colour->role = g_strdup (default_palette[i].role);
        colour->hex = g_strdup (default_palette[i].hex);
        colour->rgb = g_strdup (default_palette[i].rgb);
        colour->cmyk = g_strdup (default_palette[i].cmyk);
        colour->pantone = g_strdup (default_palette[i].pantone);
        g_ptr_array_add (list, colour);
      }
  return list;
}

static GPtrArray *
list_assets (L4aStore    *store,
             const char  *where,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT b.id, b.name, b.kind, b.variant, b.media_type, b.sha256, "
                                          "b.min_size_px, b.clear_space, a.data FROM brand_asset b "
                                          "JOIN attachment a ON a.sha256 = b.sha256 %s ORDER BY b.kind, b.name",
                                          where);
  GPtrArray *list;
  int rc;

  stmt = l4a_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_brand_asset_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      L4aBrandAsset *asset = g_object_new (L4A_TYPE_BRAND_ASSET, NULL);

      asset->id = l4a_store_column_dup (stmt, 0);
      asset->name = l4a_store_column_dup (stmt, 1);
      asset->kind = l4a_store_column_dup (stmt, 2);
      asset->variant = l4a_store_column_dup (stmt, 3);
      asset->media_type = l4a_store_column_dup (stmt, 4);
      asset->sha256 = l4a_store_column_dup (stmt, 5);
      asset->min_size_px = sqlite3_column_int (stmt, 6);
      asset->clear_space = sqlite3_column_double (stmt, 7);
      asset->data = g_bytes_new (sqlite3_column_blob (stmt, 8), (gsize) sqlite3_column_bytes (stmt, 8));
      g_ptr_array_add (list, asset);
    }
  if (!l4a_store_rows_done (store, rc, error))
    {
      g_ptr_array_unref (list);
      return NULL;
    }
  return list;
}

GPtrArray *
l4a_brand_list_assets (L4aStore  *store,
                       GError   **error)
{
  GPtrArray *list = list_assets (store, "", error);
  gboolean label = FALSE;

  for (guint i = 0; list != NULL && i < list->len; i++)
    label |= g_strcmp0 (((L4aBrandAsset *) g_ptr_array_index (list, i))->kind, "label") == 0;
  /* no label imported yet: the application's own */
  if (list != NULL && !label)
    g_ptr_array_insert (list, 0, default_label ());
  return list;
}

/**
 * l4a_brand_get_label:
 *
 * Returns: (transfer full): the kit's Local4Action label (a label asset,
 *   the horizontal variant first; the application's own while the kit has
 *   none), or %NULL with @error set if the database cannot be read
 */
L4aBrandAsset *
l4a_brand_get_label (L4aStore  *store,
                     GError   **error)
{
  g_autoptr(GPtrArray) labels = list_assets (store, "WHERE b.kind = 'label'", error);
  L4aBrandAsset *best = NULL;

  if (labels == NULL)
    return NULL;
  for (guint i = 0; i < labels->len; i++)
    {
      L4aBrandAsset *asset = g_ptr_array_index (labels, i);

      if (best == NULL || g_strcmp0 (asset->variant, "horizontal") == 0)
        best = asset;
    }
  /* none imported yet: the application's own */
  if (best == NULL)
    return default_label ();
  {
    guint index = 0;

    g_ptr_array_find (labels, best, &index);
    return g_ptr_array_steal_index (labels, index);
  }
}

/* Checking assets ------------------------------------------------------------------ */

char *
l4a_brand_guess_media_type (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  if (g_str_has_suffix (lower, ".svg"))
    return g_strdup ("image/svg+xml");
  if (g_str_has_suffix (lower, ".png"))
    return g_strdup ("image/png");
  if (g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg"))
    return g_strdup ("image/jpeg");
  return NULL;
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* An SVG may draw only itself: no scripts, no entities, no references to
 * other files or the network, no embedded HTML. */
static gboolean
check_svg_text (const char  *text,
                gsize        length,
                GError     **error)
{
  static GRegex *external = NULL;
  static const char * const forbidden[] = { "<script", "<!entity", "<foreignobject", "@import", "<iframe", NULL };
  g_autofree char *lower = g_ascii_strdown (text, (gssize) length);

  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    return refuse (error, _("The SVG file is not text."));
  for (guint i = 0; forbidden[i] != NULL; i++)
    if (strstr (lower, forbidden[i]) != NULL)
      return refuse (error, _("The SVG file holds a script, an entity or embedded content; a brand asset may only "
                              "draw itself."));
  if (g_once_init_enter (&external))
    g_once_init_leave (&external, g_regex_new ("(href\\s*=\\s*[\"']\\s*(?!#|data:image/))|"
                                               "(url\\s*\\(\\s*[\"']?\\s*(?!#|data:image/))",
                                               G_REGEX_OPTIMIZE, 0, NULL));
  if (g_regex_match (external, lower, 0, NULL))
    return refuse (error, _("The SVG file refers to other files or to the network; a brand asset must hold "
                            "everything it draws."));
  return TRUE;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         data)
{
  int *size = data;

  size[0] = width;
  size[1] = height;
  /* refused before a single pixel is decoded */
  if (width <= 0 || height <= 0 || width > L4A_BRAND_MAX_PIXELS || height > L4A_BRAND_MAX_PIXELS)
    gdk_pixbuf_loader_set_size (loader, 1, 1);
}

/**
 * l4a_brand_check_asset:
 * @media_type: image/svg+xml, image/png or image/jpeg
 * @width: (out) (optional): its width in pixels
 * @height: (out) (optional): its height in pixels
 *
 * Checks an asset before it is kept: at most L4A_BRAND_MAX_FILE bytes and
 * L4A_BRAND_MAX_PIXELS on a side; an SVG without scripts or external
 * references, read by librsvg without lifting its limits; a PNG or JPEG
 * that decodes, and is what it says it is.
 */
gboolean
l4a_brand_check_asset (GBytes      *data,
                       const char  *media_type,
                       int         *width,
                       int         *height,
                       GError     **error)
{
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);
  int size[2] = { 0, 0 };

  if (length == 0)
    return refuse (error, _("The file is empty."));
  if (length > L4A_BRAND_MAX_FILE)
    return refuse (error, _("The file is larger than 8 MB, more than a brand asset needs."));

  if (g_strcmp0 (media_type, "image/svg+xml") == 0)
    {
      g_autoptr(L4aRsvgHandle) handle = NULL;
      g_autoptr(GError) local_error = NULL;
      double w = 0, h = 0;

      if (!check_svg_text (bytes, length, error))
        return FALSE;
      handle = rsvg_handle_new_from_data ((const guint8 *) bytes, length, &local_error);
      if (handle == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("The SVG file cannot be read: %s"),
                       local_error->message);
          return FALSE;
        }
      if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h))
        {
          RsvgRectangle viewbox;
          gboolean has_width, has_height, has_viewbox;
          RsvgLength lw, lh;

          rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &lw, &has_height, &lh, &has_viewbox, &viewbox);
          if (!has_viewbox)
            return refuse (error, _("The SVG file says neither its size nor its view box."));
          w = viewbox.width;
          h = viewbox.height;
        }
      if (!(w > 0 && h > 0))
        return refuse (error, _("The SVG file has no size."));
      if (w > L4A_BRAND_MAX_PIXELS || h > L4A_BRAND_MAX_PIXELS)
        return refuse (error, _("The SVG file is larger than 8192 pixels on a side."));
      size[0] = (int) ceil (w);
      size[1] = (int) ceil (h);
    }
  else if (g_strcmp0 (media_type, "image/png") == 0 || g_strcmp0 (media_type, "image/jpeg") == 0)
    {
      gboolean png = g_str_equal (media_type, "image/png");
      g_autoptr(GdkPixbufLoader) loader = NULL;
      g_autoptr(GError) local_error = NULL;

      if (png ? (length < 8 || memcmp (bytes, "\x89PNG\r\n\x1a\n", 8) != 0)
              : (length < 3 || memcmp (bytes, "\xff\xd8\xff", 3) != 0))
        return refuse (error, png ? _("The file is not a PNG image.") : _("The file is not a JPEG image."));
      loader = gdk_pixbuf_loader_new_with_type (png ? "png" : "jpeg", &local_error);
      if (loader == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("The image cannot be read: %s"),
                       local_error->message);
          return FALSE;
        }
      g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), size);
      if (!gdk_pixbuf_loader_write (loader, (const guchar *) bytes, length, &local_error) ||
          !gdk_pixbuf_loader_close (loader, &local_error))
        {
          if (size[0] > L4A_BRAND_MAX_PIXELS || size[1] > L4A_BRAND_MAX_PIXELS)
            return refuse (error, _("The image is larger than 8192 pixels on a side."));
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("The image cannot be read: %s"),
                       local_error ? local_error->message : "");
          return FALSE;
        }
      if (size[0] <= 0 || size[1] <= 0 || size[0] > L4A_BRAND_MAX_PIXELS || size[1] > L4A_BRAND_MAX_PIXELS)
        return refuse (error, _("The image is larger than 8192 pixels on a side."));
      if (gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
        return refuse (error, _("The image cannot be read."));
    }
  else
    return refuse (error, _("A brand asset is an SVG, PNG or JPEG image."));

  if (width != NULL)
    *width = size[0];
  if (height != NULL)
    *height = size[1];
  return TRUE;
}

/**
 * l4a_brand_import_asset:
 *
 * Checks @data and keeps it as an asset of the kit, in one transaction
 * (the World Secretariat).
 */
static gboolean
brand_import_asset_checked (L4aStore    *store,
                            const char  *name,
                            const char  *kind,
                            const char  *variant,
                            GBytes      *data,
                            const char  *media_type,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) attachment = NULL;
  g_autoptr(sqlite3_stmt) asset = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = l4a_now_iso8601 ();
  gsize length;
  const void *bytes;

  if (!l4a_store_require (store, L4A_PERMISSION_KEEP_BRAND_KIT, error))
    {
      return FALSE;
    }
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

    if (*trimmed == '\0')
      return refuse (error, _("A brand asset needs a name."));
  }
  if (!g_strv_contains ((const char *[]) { "logo", "label", "icon", NULL }, kind ? kind : "") ||
      !g_strv_contains ((const char *[]) { "primary", "horizontal", "stacked", "mono", "reversed", NULL },
                        variant ? variant : ""))
    return refuse (error, _("A brand asset is a logo, a label or an icon, in one of the kit’s variants."));
  if (!l4a_brand_check_asset (data, media_type, NULL, NULL, error))
    return FALSE;

  bytes = g_bytes_get_data (data, &length);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (!l4a_store_begin (store, error))
    return FALSE;
  attachment = l4a_store_prepare (store, "INSERT OR IGNORE INTO attachment (sha256, media_type, size, data, "
                                         "created_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  asset = l4a_store_prepare (store, "INSERT INTO brand_asset (id, name, kind, variant, media_type, sha256, "
                                    "created_at, updated_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                             error);
  if (attachment == NULL || asset == NULL)
    goto failed;
  sqlite3_bind_text (attachment, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (attachment, 2, media_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (attachment, 3, (sqlite3_int64) length);
  sqlite3_bind_blob64 (attachment, 4, bytes, length, SQLITE_STATIC);
  sqlite3_bind_text (attachment, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 4, variant, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 5, media_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 6, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (asset, 8, l4a_store_get_installation_id (store), -1, SQLITE_STATIC);
  if (!l4a_store_step_done (store, attachment, name, error) || !l4a_store_step_done (store, asset, name, error) ||
      !l4a_store_audit (store, "create", "brand_asset", id, NULL, error) || !l4a_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  l4a_store_rollback (store);
  return FALSE;
}

gboolean
l4a_brand_import_asset (L4aStore    *store,
                        const char  *name,
                        const char  *kind,
                        const char  *variant,
                        GBytes      *data,
                        const char  *media_type,
                        GError     **error)
{
  return l4a_store_begin (store, error) &&
         l4a_store_end (store, brand_import_asset_checked (store, name, kind, variant, data, media_type, error), error);
}

/* Drawing --------------------------------------------------------------------------- */

/**
 * l4a_brand_asset_get_size:
 *
 * The asset's size in pixels, read once and kept (an asset that cannot be
 * read counts as 1×1).
 */
void
l4a_brand_asset_get_size (L4aBrandAsset *asset,
                          int           *width,
                          int           *height)
{
  if (asset->width <= 0 || asset->height <= 0)
    {
      if (!l4a_brand_check_asset (asset->data, asset->media_type, &asset->width, &asset->height, NULL))
        asset->width = asset->height = 1;
    }
  *width = asset->width;
  *height = asset->height;
}

/**
 * l4a_brand_draw_asset:
 *
 * Draws @asset into the rectangle, keeping its proportions, centred: an
 * SVG rendered by librsvg for that very size, a raster image scaled.
 */
gboolean
l4a_brand_draw_asset (L4aBrandAsset  *asset,
                      cairo_t        *cr,
                      double          x,
                      double          y,
                      double          width,
                      double          height,
                      GError        **error)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (asset->data, &length);

  if (g_strcmp0 (asset->media_type, "image/svg+xml") == 0)
    {
      RsvgRectangle viewport = { x, y, width, height };

      /* read once: the brand kit's previews draw their assets again at
       * each redraw */
      if (asset->drawing == NULL)
        asset->drawing = G_OBJECT (rsvg_handle_new_from_data (bytes, length, error));
      return asset->drawing != NULL && rsvg_handle_render_document (RSVG_HANDLE (asset->drawing), cr, &viewport, error);
    }
  else
    {
      g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
      GdkPixbuf *pixbuf;
      cairo_surface_t *surface;
      int w, h, stride, channels;
      double scale;

      if (!gdk_pixbuf_loader_write (loader, bytes, length, error) || !gdk_pixbuf_loader_close (loader, error))
        return FALSE;
      pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
      if (pixbuf == NULL)
        return refuse (error, _("The image cannot be read."));
      w = gdk_pixbuf_get_width (pixbuf);
      h = gdk_pixbuf_get_height (pixbuf);
      channels = gdk_pixbuf_get_n_channels (pixbuf);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      /* an image however it came here: cairo may refuse its size */
      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (surface);
          return refuse (error, _("The image is too large to draw."));
        }
      stride = cairo_image_surface_get_stride (surface);
      for (int row = 0; row < h; row++)
        {
          const guchar *src = gdk_pixbuf_read_pixels (pixbuf) + row * gdk_pixbuf_get_rowstride (pixbuf);
          guint32 *dst = (guint32 *) (cairo_image_surface_get_data (surface) + row * stride);

          for (int col = 0; col < w; col++)
            {
              guint a = channels == 4 ? src[col * 4 + 3] : 255;
              guint r = src[col * channels] * a / 255, g = src[col * channels + 1] * a / 255,
                    b = src[col * channels + 2] * a / 255;

              dst[col] = (a << 24) | (r << 16) | (g << 8) | b;
            }
        }
      cairo_surface_mark_dirty (surface);
      scale = MIN (width / w, height / h);
      cairo_save (cr);
      cairo_translate (cr, x + (width - w * scale) / 2, y + (height - h * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (surface);
      return TRUE;
    }
}

typedef struct
{
  double clear;     /* the clear space around everything */
  double mark_w, mark_h;
  double gap;
  PangoLayout *name;
  PangoLayout *place;
  double height;
} LabelLayout;

/**
 * l4a_brand_label_proportions:
 * @clear: (out): the clear space around a hub's label, a share of its width
 * @gap: (out): the gap between the kit's label and the rule under it, a
 *   share of the kit's label's width
 *
 * The geometry of a hub's label drawn from the kit's @label, whatever its
 * size: the kit's label fills the width less its clear space (a share of
 * its height, the kit's or a quarter) on both sides.
 */
void
l4a_brand_label_proportions (L4aBrandAsset *label,
                             double        *clear,
                             double        *gap)
{
  double ratio, cs = label->clear_space > 0 ? label->clear_space : 0.25;
  int w0, h0;

  l4a_brand_asset_get_size (label, &w0, &h0);
  ratio = (double) h0 / MAX (w0, 1);
  *clear = cs * ratio / (1 + 2 * cs * ratio);
  *gap = 0.12 * ratio;
}

static void
label_layout (L4aBrandAsset *label,
              const char    *hub_name,
              const char    *place,
              double         width,
              cairo_t       *cr,
              LabelLayout   *out)
{
  int w0, h0, w, h;
  double clear, gap;
  PangoFontDescription *font;

  l4a_brand_asset_get_size (label, &w0, &h0);
  l4a_brand_label_proportions (label, &clear, &gap);
  out->clear = clear * width;
  out->mark_w = width - 2 * out->clear;
  out->mark_h = out->mark_w * h0 / MAX (w0, 1);
  out->gap = gap * out->mark_w;

  out->name = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Cantarell Bold");
  pango_font_description_set_absolute_size (font, MAX (out->mark_h * 0.2, 1) * PANGO_SCALE);
  pango_layout_set_font_description (out->name, font);
  pango_font_description_free (font);
  pango_layout_set_width (out->name, (int) (out->mark_w * PANGO_SCALE));
  pango_layout_set_wrap (out->name, PANGO_WRAP_WORD_CHAR);
  /* long names wrap to three lines, then end with an ellipsis */
  pango_layout_set_height (out->name, -3);
  pango_layout_set_ellipsize (out->name, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (out->name, hub_name ? hub_name : "", -1);

  out->place = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Cantarell");
  pango_font_description_set_absolute_size (font, MAX (out->mark_h * 0.14, 1) * PANGO_SCALE);
  pango_layout_set_font_description (out->place, font);
  pango_font_description_free (font);
  pango_layout_set_width (out->place, (int) (out->mark_w * PANGO_SCALE));
  pango_layout_set_wrap (out->place, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (out->place, -2);
  pango_layout_set_ellipsize (out->place, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (out->place, place ? place : "", -1);

  pango_layout_get_pixel_size (out->name, &w, &h);
  out->height = out->clear + out->mark_h + out->gap * 2 + h;
  pango_layout_get_pixel_size (out->place, &w, &h);
  out->height += out->gap * 0.5 + h + out->clear;
}

/**
 * l4a_brand_label_height:
 *
 * Returns: the height of the label for @hub_name at @width
 */
double
l4a_brand_label_height (L4aBrandAsset *label,
                        const char    *hub_name,
                        const char    *place,
                        double         width)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  LabelLayout layout = { 0 };
  double height;

  label_layout (label, hub_name, place, width, cr, &layout);
  height = ceil (layout.height);
  g_object_unref (layout.name);
  g_object_unref (layout.place);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

/**
 * l4a_brand_draw_label:
 * @background: (nullable): the colour under the label, or %NULL to
 *   leave it unpainted
 *
 * Draws a hub's co-branded label at @width: the kit's label, then the
 * hub's name (up to three lines) and its place, all inside the label's
 * clear space.
 */
gboolean
l4a_brand_draw_label (L4aBrandAsset  *label,
                      const char     *hub_name,
                      const char     *place,
                      cairo_t        *cr,
                      double          width,
                      const double    background[3],
                      GError        **error)
{
  LabelLayout layout = { 0 };
  double y;
  int w, h;
  gboolean ok;
  gboolean dark = background != NULL &&
                  0.2126 * background[0] + 0.7152 * background[1] + 0.0722 * background[2] < 0.45;

  label_layout (label, hub_name, place, width, cr, &layout);
  cairo_save (cr);
  if (background != NULL)
    {
      cairo_set_source_rgb (cr, background[0], background[1], background[2]);
      cairo_rectangle (cr, 0, 0, width, layout.height);
      cairo_fill (cr);
    }

  ok = l4a_brand_draw_asset (label, cr, layout.clear, layout.clear, layout.mark_w, layout.mark_h, error);
  y = layout.clear + layout.mark_h + layout.gap;
  if (dark)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    cairo_set_source_rgb (cr, 0x1e / 255.0, 0x1e / 255.0, 0x28 / 255.0);
  cairo_set_line_width (cr, MAX (layout.mark_h * 0.012, 0.5));
  cairo_move_to (cr, layout.clear, y);
  cairo_line_to (cr, layout.clear + layout.mark_w, y);
  cairo_stroke (cr);
  y += layout.gap;
  cairo_move_to (cr, layout.clear, y);
  pango_cairo_show_layout (cr, layout.name);
  pango_layout_get_pixel_size (layout.name, &w, &h);
  y += h + layout.gap * 0.5;
  cairo_move_to (cr, layout.clear, y);
  pango_cairo_show_layout (cr, layout.place);
  cairo_restore (cr);

  g_object_unref (layout.name);
  g_object_unref (layout.place);
  return ok;
}

/**
 * l4a_brand_export_label:
 * @path: ends in .png, .svg or .pdf
 * @width: at least the label's minimum size
 *
 * Writes the co-branded label of @hub_id, on white.
 */
gboolean
l4a_brand_export_label (L4aStore    *store,
                        const char  *hub_id,
                        const char  *path,
                        double       width,
                        GError     **error)
{
  static const double white[3] = { 1, 1, 1 };
  g_autoptr(L4aBrandAsset) label = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *place = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  gboolean ok;

  label = l4a_brand_get_label (store, error);
  if (label == NULL)
    return FALSE;
  stmt = l4a_store_prepare (store, "SELECT h.name, g.name, g.country FROM hub h JOIN government g "
                                   "ON g.id = h.government_id WHERE h.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no hub “%s”."), hub_id);
      return FALSE;
    }
  name = l4a_store_column_dup (stmt, 0);
  /* translators: a government, then its country, under a hub's name on its label */
  place = g_strdup_printf (_("%s, %s"), (const char *) sqlite3_column_text (stmt, 1),
                           l4a_reference_translate (L4A_REFERENCE_COUNTRIES, (const char *) sqlite3_column_text (stmt, 2)));

  if (width < MAX (label->min_size_px, 16) || width > L4A_BRAND_MAX_PIXELS)
    {
      g_autofree char *least = g_strdup_printf ("%d", MAX (label->min_size_px, 16));

      /* translators: the smallest width of the label in pixels */
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("The label is at least %s pixels wide, and at most 8192."), least);
      return FALSE;
    }
  height = l4a_brand_label_height (label, name, place, width);
  surface = l4a_file_surface_new (path, width, height, 1, _("a label"), error);
  if (surface == NULL)
    return FALSE;
  cr = cairo_create (surface);
  ok = l4a_brand_draw_label (label, name, place, cr, width, white, error);
  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  return l4a_file_surface_finish (surface, path, error);
}
