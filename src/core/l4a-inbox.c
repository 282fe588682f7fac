/* l4a-inbox.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inbox folder: a folder that a file-sync tool keeps in step between
 * workstations. Bundles that appear in it are checked and offered for
 * import; nothing is imported without the user's confirmation.
 */

#define G_LOG_DOMAIN "l4a-inbox"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "l4a-bundle.h"
#include "l4a-import.h"
#include "l4a-inbox.h"
#include "l4a-store-private.h"

static void
item_free (gpointer data)
{
  L4aInboxItem *item = data;

  g_free (item->path);
  g_free (item->name);
  g_free (item->kind);
  g_free (item->origin);
  g_free (item->problem);
  g_free (item);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
was_imported (L4aStore   *store,
              const char *bundle_id)
{
  sqlite3_stmt *stmt = l4a_store_prepare_cached (store, "SELECT 1 FROM imported_bundle WHERE id = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bundle_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * l4a_inbox_scan:
 * @folder: the inbox folder
 * @seen: (nullable): file path → modification time of files offered
 *   already; updated, so that a file is offered once until it changes
 *
 * Checks the bundles (`*.l4a.json`) of @folder that are new or changed
 * since @seen: those imported already are left out; the others are
 * listed, with the problem of each one that cannot be imported. Nothing is
 * written to the database.
 *
 * Returns: (transfer full) (element-type L4aInboxItem): the bundles to
 *   offer, in name order, or %NULL with @error set if the folder cannot be
 *   read
 */
GPtrArray *
l4a_inbox_scan (L4aStore    *store,
                const char  *folder,
                GHashTable  *seen,
                GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *items;
  const char *name;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".l4a.json") && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  items = g_ptr_array_new_with_free_func (item_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(L4aBundle) bundle = NULL;
      g_autoptr(GError) local_error = NULL;
      L4aInboxItem *item;
      GStatBuf st;

      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (seen != NULL)
        {
          gpointer known = g_hash_table_lookup (seen, path);

          if (known != NULL && *(gint64 *) known == (gint64) st.st_mtime)
            continue;
          g_hash_table_insert (seen, g_strdup (path), g_memdup2 (&(gint64) { st.st_mtime }, sizeof (gint64)));
        }

      bundle = l4a_bundle_open (path, l4a_store_get_key (store, NULL), &local_error);
      if (bundle != NULL && was_imported (store, bundle->bundle_id))
        continue;

      item = g_new0 (L4aInboxItem, 1);
      item->path = g_strdup (path);
      item->name = g_strdup (g_ptr_array_index (names, i));
      if (bundle != NULL)
        {
          item->kind = g_strdup (bundle->kind);
          item->origin = l4a_import_describe_origin (store, bundle);
        }
      else
        item->problem = g_strdup (local_error->message);
      g_ptr_array_add (items, item);
    }

  return items;
}
