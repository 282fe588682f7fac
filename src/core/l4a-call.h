/* l4a-call.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-rules.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_CRITERION_EDIT (l4a_criterion_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aCriterionEdit, l4a_criterion_edit, L4A, CRITERION_EDIT, GObject)

/* A review criterion of a call: an object whose properties ("key",
 * "label", "guidance", "weight", "scale-min", "scale-max", "required",
 * "active") the calls window binds its rows to, each notified when it
 * changes. */
struct _L4aCriterionEdit
{
  GObject   parent_instance;

  char     *id;          /* NULL until saved */
  char     *key;
  char     *label;
  char     *guidance;
  double    weight;
  int       scale_min;
  int       scale_max;
  gboolean  required;
  gboolean  active;
  gboolean  in_use;      /* reviews score it: it can be deactivated, not removed */
  GStrv     levels;      /* what each level means, from scale_min; NULL or one per level, "" for none */
};

#define L4A_LEVEL_GUIDANCE_MAX 400

#define L4A_TYPE_CALL_EDIT (l4a_call_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aCallEdit, l4a_call_edit, L4A, CALL_EDIT, GObject)

/* A call for proposals as its editor holds it: an object whose properties
 * ("title", "description", "opens-on", "closes-on", "status",
 * "disagreement-threshold", "calibration-minimum", "confidence-weighting")
 * the calls window binds its rows to, each notified when it changes. The
 * fields are open to the core's own code, which loads and saves them; a
 * change made there directly is not notified. */
struct _L4aCallEdit
{
  GObject    parent_instance;

  char      *id;
  int        revision;
  char      *title;
  char      *description;
  char      *opens_on;
  char      *closes_on;
  char      *status;       /* draft, open, closed, decided */
  double     disagreement_threshold; /* spread of review scores (out of 5) that flags disagreement */
  guint      calibration_minimum;    /* reviews a reviewer needs in the call to be calibrated, 2 to 100 */
  gboolean   confidence_weighting;   /* weigh each review by its reviewer's confidence */
  GPtrArray *criteria;     /* of L4aCriterionEdit */
};

L4aCallEdit      *l4a_call_edit_new            (void);
void              l4a_call_edit_free           (L4aCallEdit       *edit);
L4aCriterionEdit *l4a_call_edit_add_criterion  (L4aCallEdit       *edit,
                                                const char        *key,
                                                const char        *label,
                                                const char        *guidance);
GPtrArray        *l4a_call_edit_validate       (const L4aCallEdit *edit);
L4aCallEdit      *l4a_registry_load_call       (L4aStore          *store,
                                                const char        *id,
                                                GError           **error);
gboolean          l4a_registry_save_call       (L4aStore          *store,
                                                L4aCallEdit       *edit,
                                                GError           **error);
const char       *l4a_call_status_label        (const char        *status);

GStrv             l4a_criterion_levels_split   (const char        *text,
                                                int                scale_min,
                                                int                scale_max);
char             *l4a_criterion_levels_join    (const char * const *levels);
char             *l4a_criterion_levels_problem (const char        *text,
                                                int                scale_min,
                                                int                scale_max);


G_END_DECLS
