/* l4a-changes.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-changes"

#include "config.h"

#include <stdlib.h>

#include "l4a-changes.h"

/* Past this many ids of one kind, the kind counts as changed as a whole:
 * a view then reads that kind again, which costs less than looking up
 * each of 100 000 ids after an import. */
#define MAX_IDS_PER_KIND 2000

struct _L4aChanges
{
  gatomicrefcount  ref_count;
  gboolean         everything;
  /* interned kind → GHashTable of ids, or NULL for every record of the kind */
  GHashTable      *kinds;
};

G_DEFINE_BOXED_TYPE (L4aChanges, l4a_changes, l4a_changes_ref, l4a_changes_unref)

static void
free_ids (gpointer ids)
{
  if (ids != NULL)
    g_hash_table_unref (ids);
}

L4aChanges *
l4a_changes_new (void)
{
  L4aChanges *self = g_new0 (L4aChanges, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kinds = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, free_ids);
  return self;
}

L4aChanges *
l4a_changes_ref (L4aChanges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
l4a_changes_unref (L4aChanges *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->kinds);
      g_free (self);
    }
}

/**
 * l4a_changes_add:
 * @kind: the kind of record, as its table is named
 * @id: (nullable): the record's id, or %NULL for every record of @kind
 */
void
l4a_changes_add (L4aChanges *self,
                 const char *kind,
                 const char *id)
{
  const char *key;
  GHashTable *ids;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind != NULL);

  key = g_intern_string (kind);
  if (!g_hash_table_lookup_extended (self->kinds, key, NULL, (gpointer *) &ids))
    {
      ids = id ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
      g_hash_table_insert (self->kinds, (gpointer) key, ids);
    }
  if (ids == NULL)
    return;

  if (id == NULL || g_hash_table_size (ids) >= MAX_IDS_PER_KIND)
    {
      g_hash_table_insert (self->kinds, (gpointer) key, NULL);
      return;
    }
  if (!g_hash_table_contains (ids, id))
    g_hash_table_add (ids, g_strdup (id));
}

void
l4a_changes_add_kind (L4aChanges *self,
                      const char *kind)
{
  l4a_changes_add (self, kind, NULL);
}

void
l4a_changes_set_everything (L4aChanges *self)
{
  g_return_if_fail (self != NULL);

  self->everything = TRUE;
}

void
l4a_changes_merge (L4aChanges       *self,
                   const L4aChanges *other)
{
  GHashTableIter iter;
  gpointer kind, ids;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  self->everything |= other->everything;
  g_hash_table_iter_init (&iter, other->kinds);
  while (g_hash_table_iter_next (&iter, &kind, &ids))
    {
      GHashTableIter id_iter;
      gpointer id;

      if (ids == NULL)
        {
          l4a_changes_add_kind (self, kind);
          continue;
        }
      g_hash_table_iter_init (&id_iter, ids);
      while (g_hash_table_iter_next (&id_iter, &id, NULL))
        l4a_changes_add (self, kind, id);
    }
}

gboolean
l4a_changes_is_empty (const L4aChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !self->everything && g_hash_table_size (self->kinds) == 0;
}

/* Whether another process changed the database without saying what:
 * every kind of record may have changed. */
gboolean
l4a_changes_is_everything (const L4aChanges *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->everything;
}

gboolean
l4a_changes_touches (const L4aChanges *self,
                     const char       *kind)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return self->everything || g_hash_table_contains (self->kinds, g_intern_string (kind));
}

/* Whether any of the kinds in the %NULL-terminated @kinds changed. */
gboolean
l4a_changes_touches_any (const L4aChanges  *self,
                         const char * const *kinds)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kinds != NULL, FALSE);

  for (guint i = 0; kinds[i] != NULL; i++)
    if (l4a_changes_touches (self, kinds[i]))
      return TRUE;
  return FALSE;
}

gboolean
l4a_changes_contains (const L4aChanges *self,
                      const char       *kind,
                      const char       *id)
{
  GHashTable *ids;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (self->everything)
    return TRUE;
  if (!g_hash_table_lookup_extended (self->kinds, g_intern_string (kind), NULL, (gpointer *) &ids))
    return FALSE;
  return ids == NULL || (id != NULL && g_hash_table_contains (ids, id));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * l4a_changes_dup_ids:
 *
 * Returns: (transfer full) (nullable): the ids of @kind that changed,
 *   sorted (an empty array when none did), or %NULL when every record of
 *   @kind may have changed
 */
char **
l4a_changes_dup_ids (const L4aChanges *self,
                     const char       *kind)
{
  GHashTable *ids;
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  char **result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (self->everything)
    return NULL;
  if (!g_hash_table_lookup_extended (self->kinds, g_intern_string (kind), NULL, (gpointer *) &ids))
    return g_new0 (char *, 1);
  if (ids == NULL)
    return NULL;

  keys = g_hash_table_get_keys_as_array (ids, &n);
  result = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = g_strdup (keys[i]);
  qsort (result, n, sizeof (char *), compare_strings);
  return result;
}

/* For logs and tests: "hub:1f…,2a…; proposal:*", or "*" for everything. */
char *
l4a_changes_to_string (const L4aChanges *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gpointer *kinds = NULL;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->everything)
    return g_strdup ("*");

  kinds = g_hash_table_get_keys_as_array (self->kinds, &n);
  qsort (kinds, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) ids = l4a_changes_dup_ids (self, kinds[i]);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s:", (const char *) kinds[i]);
      if (ids == NULL)
        g_string_append_c (text, '*');
      else
        for (guint j = 0; ids[j] != NULL; j++)
          g_string_append_printf (text, "%s%s", j ? "," : "", ids[j]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
