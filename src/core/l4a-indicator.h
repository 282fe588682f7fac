/* l4a-indicator.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_INDICATOR_EDIT (l4a_indicator_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aIndicatorEdit, l4a_indicator_edit, L4A, INDICATOR_EDIT, GObject)

/* A hub's indicator, with what its measurements are in short: every field
 * is a property ("code", "name", "baseline-value", "n-measurements",
 * "measured"…), so that a list of them read again changes only where an
 * indicator or its measurements changed (l4a_list_store_update()). The
 * fields are open to the core and the forms that edit them. */
struct _L4aIndicatorEdit
{
  GObject parent_instance;

  char   *id;              /* NULL for a new one */
  int     revision;
  char   *hub_id;
  char   *code;            /* SDG Goal.Target.Indicator such as 11.6.2, or a local code */
  char   *framework;
  char   *name;
  char   *unit;
  char   *direction;       /* "higher" or "lower" */
  double  baseline_value;  /* NaN when unknown */
  char   *baseline_on;
  double  target_value;    /* NaN when unknown */
  char   *target_on;
  guint   n_measurements;  /* as read */
  char   *last_on;         /* as read: the latest measurement's date */
  double  last_value;      /* as read, or NaN */
  char   *measured;        /* as read: changes whenever a measurement does */
};

#define L4A_TYPE_MEASUREMENT (l4a_measurement_get_type ())

G_DECLARE_FINAL_TYPE (L4aMeasurement, l4a_measurement, L4A, MEASUREMENT, GObject)

/* A measurement of an indicator: an object whose "measured-on", "value",
 * "source" and "note" are properties notified when they change. */
struct _L4aMeasurement
{
  GObject parent_instance;

  char   *id;              /* NULL for a new one */
  char   *measured_on;     /* YYYY-MM-DD */
  double  value;
  char   *source;
  char   *note;
  guint   line;            /* where a pasted row came from */
  guint   num;             /* its row in this database, as read */
};

typedef struct
{
  guint  line;
  char  *message;
} L4aPasteProblem;

typedef struct
{
  GPtrArray *rows;         /* L4aMeasurement */
  GPtrArray *problems;     /* L4aPasteProblem */
} L4aPaste;

L4aIndicatorEdit *l4a_indicator_edit_new     (void);
void              l4a_indicator_edit_free    (L4aIndicatorEdit  *edit);
L4aMeasurement   *l4a_measurement_new        (void);
void              l4a_measurement_free       (L4aMeasurement    *measurement);
void              l4a_paste_free             (L4aPaste          *paste);

GPtrArray *l4a_indicators_list               (L4aStore          *store,
                                              const char        *hub_id,
                                              GError           **error);
gboolean   l4a_indicator_save                (L4aStore          *store,
                                              L4aIndicatorEdit  *edit,
                                              GError           **error);
GPtrArray *l4a_measurements_list             (L4aStore          *store,
                                              const char        *indicator_id,
                                              GError           **error);
void       l4a_measurement_describe          (L4aMeasurement    *measurement,
                                              const char        *unit,
                                              char             **title,
                                              char             **subtitle);
GPtrArray *l4a_measurements_newest           (L4aStore          *store,
                                              const char        *indicator_id,
                                              guint              limit,
                                              GError           **error);
GArray    *l4a_measurement_nums              (L4aStore          *store,
                                              const char        *indicator_id,
                                              GError           **error);
GPtrArray *l4a_measurements_get              (L4aStore          *store,
                                              const guint       *nums,
                                              guint              n_nums,
                                              GError           **error);
gboolean   l4a_measurements_save             (L4aStore          *store,
                                              const char        *indicator_id,
                                              GPtrArray         *measurements,
                                              GError           **error);
gboolean   l4a_measurement_delete            (L4aStore          *store,
                                              const char        *measurement_id,
                                              GError           **error);
gboolean   l4a_indicator_can_edit            (L4aStore          *store,
                                              const char        *hub_id);
L4aPaste  *l4a_measurements_parse            (const char        *text);
gboolean   l4a_indicators_write_csv          (L4aStore          *store,
                                              const char        *hub_id,
                                              GOutputStream     *out,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aPaste, l4a_paste_free)

G_END_DECLS
