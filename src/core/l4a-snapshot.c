/* l4a-snapshot.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-snapshot"

#include "config.h"

#include "l4a-snapshot-private.h"

void
l4a_snapshot_install (GObjectClass          *klass,
                      const L4aSnapshotSpec *spec)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  guint prop_id = 1;

  for (guint i = 0; i < spec->n_strings; i++)
    g_object_class_install_property (klass, prop_id++,
                                     g_param_spec_string (spec->strings[i], NULL, NULL, NULL, flags));
  for (guint i = 0; i < spec->n_uints; i++)
    g_object_class_install_property (klass, prop_id++,
                                     g_param_spec_uint (spec->uints[i], NULL, NULL, 0, G_MAXUINT, 0, flags));
  for (guint i = 0; i < spec->n_booleans; i++)
    g_object_class_install_property (klass, prop_id++,
                                     g_param_spec_boolean (spec->booleans[i], NULL, NULL, FALSE, flags));
}

void
l4a_snapshot_get (const L4aSnapshotSpec *spec,
                  char                 **strings,
                  guint                 *uints,
                  gboolean              *booleans,
                  guint                  prop_id,
                  GValue                *value)
{
  guint i = prop_id - 1;

  if (i < spec->n_strings)
    g_value_set_string (value, strings[i]);
  else if ((i -= spec->n_strings) < spec->n_uints)
    g_value_set_uint (value, uints[i]);
  else if ((i -= spec->n_uints) < spec->n_booleans)
    g_value_set_boolean (value, booleans[i]);
  else
    g_assert_not_reached ();
}

void
l4a_snapshot_set (const L4aSnapshotSpec *spec,
                  char                 **strings,
                  guint                 *uints,
                  gboolean              *booleans,
                  guint                  prop_id,
                  const GValue          *value)
{
  guint i = prop_id - 1;

  if (i < spec->n_strings)
    {
      if (spec->interned & (G_GUINT64_CONSTANT (1) << i))
        strings[i] = (char *) g_intern_string (g_value_get_string (value));
      else
        {
          g_free (strings[i]);
          strings[i] = g_value_dup_string (value);
        }
    }
  else if ((i -= spec->n_strings) < spec->n_uints)
    uints[i] = g_value_get_uint (value);
  else if ((i -= spec->n_uints) < spec->n_booleans)
    booleans[i] = g_value_get_boolean (value);
  else
    g_assert_not_reached ();
}

void
l4a_snapshot_clear (const L4aSnapshotSpec *spec,
                    char                 **strings)
{
  for (guint i = 0; i < spec->n_strings; i++)
    if (!(spec->interned & (G_GUINT64_CONSTANT (1) << i)))
      g_clear_pointer (&strings[i], g_free);
}
