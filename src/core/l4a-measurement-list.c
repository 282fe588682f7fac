/* l4a-measurement-list.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-measurement-list"

#include "config.h"

#include "l4a-indicator.h"
#include "l4a-list-update.h"
#include "l4a-measurement-list.h"

/**
 * L4aMeasurementList:
 *
 * The measurements of one indicator as a lazy, live #L4aLazyList of
 * #L4aMeasurement, newest first, however many there are (a sensor's
 * hourly series): it knows their row numbers in order, reads a
 * measurement only when a row asks for it, a page at a time, and follows
 * #L4aContext::changed: one items-changed over the part of the order that
 * differs, and a row whose measurement now reads otherwise as a change of
 * that row alone.
 */

struct _L4aMeasurementList
{
  L4aLazyList  parent_instance;

  char        *indicator;
};

G_DEFINE_FINAL_TYPE (L4aMeasurementList, l4a_measurement_list, L4A_TYPE_LAZY_LIST)

static GArray *
read_order (L4aLazyList  *list,
            GError      **error)
{
  return l4a_measurement_nums (l4a_lazy_list_get_store (list), L4A_MEASUREMENT_LIST (list)->indicator, error);
}

static GPtrArray *
read_rows (L4aLazyList  *list,
           const guint  *nums,
           guint         n_nums,
           GError      **error)
{
  return l4a_measurements_get (l4a_lazy_list_get_store (list), nums, n_nums, error);
}

static guint
num_of (gpointer row)
{
  return L4A_MEASUREMENT (row)->num;
}

static gboolean
concerns (L4aLazyList *list,
          L4aChanges  *changes)
{
  return l4a_changes_touches (changes, "measurement") || l4a_changes_touches (changes, "indicator");
}

/* a number a removed measurement had may be given to a new one */
static gboolean
row_equal (gpointer a,
           gpointer b)
{
  return g_strcmp0 (L4A_MEASUREMENT (a)->id, L4A_MEASUREMENT (b)->id) == 0 && l4a_objects_equal (a, b);
}

const char *
l4a_measurement_list_get_indicator (L4aMeasurementList *self)
{
  g_return_val_if_fail (L4A_IS_MEASUREMENT_LIST (self), NULL);

  return self->indicator;
}

static void
l4a_measurement_list_finalize (GObject *object)
{
  L4aMeasurementList *self = (L4aMeasurementList *)object;

  g_free (self->indicator);

  G_OBJECT_CLASS (l4a_measurement_list_parent_class)->finalize (object);
}

static void
l4a_measurement_list_class_init (L4aMeasurementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  L4aLazyListClass *list_class = L4A_LAZY_LIST_CLASS (klass);

  object_class->finalize = l4a_measurement_list_finalize;
  list_class->row_type = L4A_TYPE_MEASUREMENT;
  list_class->read_order = read_order;
  list_class->read_rows = read_rows;
  list_class->num_of = num_of;
  list_class->concerns = concerns;
  list_class->row_equal = row_equal;
}

static void
l4a_measurement_list_init (L4aMeasurementList *self)
{
}

/**
 * l4a_measurement_list_new:
 *
 * Returns: (transfer full) (nullable): the measurements of @indicator_id,
 *   newest first, kept in line with what is written; %NULL with @error
 *   set if they cannot be read
 */
L4aMeasurementList *
l4a_measurement_list_new (L4aContext  *context,
                          const char  *indicator_id,
                          GError     **error)
{
  g_autoptr(L4aMeasurementList) self = NULL;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (indicator_id != NULL, NULL);

  self = g_object_new (L4A_TYPE_MEASUREMENT_LIST, NULL);
  self->indicator = g_strdup (indicator_id);
  l4a_lazy_list_follow (L4A_LAZY_LIST (self), context);
  if (!l4a_lazy_list_update (L4A_LAZY_LIST (self), FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}
