/* l4a-hub.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define L4A_TYPE_HUB (l4a_hub_get_type ())

G_DECLARE_FINAL_TYPE (L4aHub, l4a_hub, L4A, HUB, GObject)

const char *l4a_hub_get_id         (L4aHub *self);
const char *l4a_hub_get_name       (L4aHub *self);
const char *l4a_hub_get_summary    (L4aHub *self);
const char *l4a_hub_get_government (L4aHub *self);
const char *l4a_hub_get_country    (L4aHub *self);
char       *l4a_hub_dup_place      (L4aHub *self);
const char *l4a_hub_get_region     (L4aHub *self);
const char *l4a_hub_get_pact_axis  (L4aHub *self);
const char *l4a_hub_get_status     (L4aHub *self);
const char *l4a_hub_get_start      (L4aHub *self);
const char *l4a_hub_get_end        (L4aHub *self);
const char *l4a_hub_get_government_id (L4aHub *self);
const char *l4a_hub_get_format     (L4aHub *self);
const char *l4a_hub_get_label_date (L4aHub *self);
const char *l4a_hub_get_proposal_id (L4aHub *self);
guint       l4a_hub_get_sdgs       (L4aHub *self);
guint       l4a_hub_get_councils   (L4aHub *self);
guint       l4a_hub_get_num        (L4aHub *self);
/* A hub's fields as a row holds them, named (for l4a_hub_new_row()). */
typedef struct
{
  const char *id;
  const char *name;
  const char *government;
  const char *government_id;
  const char *country;
  const char *region;
  const char *pact_axis;
  const char *status;
  const char *start;
  const char *end;
  const char *format;
  const char *label_date;
  const char *proposal_id;
  guint       num;
  guint       sdgs;       /* bit n: goal n */
  guint       councils;   /* bit i: the i-th Policy Council */
  gboolean    sample;
} L4aHubRow;

L4aHub     *l4a_hub_new_row        (const L4aHubRow *row);
gboolean    l4a_hub_get_sample     (L4aHub *self);
const char *l4a_hub_get_collate_key (L4aHub *self,
                                     int     key);
gboolean    l4a_hub_equal          (L4aHub *a,
                                    L4aHub *b);

G_END_DECLS
