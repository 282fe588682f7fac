/* l4a-hub.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-hub.h"
#include "l4a-hub-filter.h"
#include "l4a-reference.h"
#include "l4a-rules.h"
#include "l4a-snapshot-private.h"

/* A hub as the registry lists it: a read-only snapshot of one row. "sdgs" is a
 * bit mask: bit n set means SDG goal n (1..17); "councils" one too: bit i
 * set means the i-th Policy Council of the reference data. */

enum {
  STR_ID,
  STR_NAME,
  STR_SUMMARY,
  STR_GOVERNMENT,
  STR_GOVERNMENT_ID,
  STR_COUNTRY,
  STR_REGION,
  STR_PACT_AXIS,
  STR_STATUS,
  STR_START,
  STR_END,
  STR_FORMAT,
  STR_LABEL_DATE,
  STR_PROPOSAL_ID,
  N_STRINGS
};

enum {
  UINT_SDGS,
  UINT_COUNCILS,
  UINT_NUM,
  N_UINTS
};

enum {
  BOOL_SAMPLE,
  N_BOOLEANS
};

struct _L4aHub
{
  GObject  parent_instance;

  char    *strings[N_STRINGS];
  guint    uints[N_UINTS];
  gboolean booleans[N_BOOLEANS];
  char    *collate[2];  /* sort keys of name and government; made when first asked */
};

G_DEFINE_FINAL_TYPE (L4aHub, l4a_hub, G_TYPE_OBJECT)

static const char * const string_names[N_STRINGS] = {
  "id",
  "name",
  "summary",
  "government",
  "government-id",
  "country",
  "region",
  "pact-axis",
  "status",
  "start",
  "end",
  "format",
  "label-date",
  "proposal-id",
};
static const char * const uint_names[N_UINTS] = {
  "sdgs",
  "councils",
  "num",
};
static const char * const boolean_names[N_BOOLEANS] = {
  "sample",
};
#define INTERNED(field) (G_GUINT64_CONSTANT (1) << (field))
static const L4aSnapshotSpec spec = {
  string_names, N_STRINGS, uint_names, N_UINTS, boolean_names, N_BOOLEANS,
  INTERNED (STR_GOVERNMENT) | INTERNED (STR_GOVERNMENT_ID) | INTERNED (STR_COUNTRY) | INTERNED (STR_REGION) |
  INTERNED (STR_PACT_AXIS) | INTERNED (STR_STATUS) | INTERNED (STR_START) | INTERNED (STR_END) |
  INTERNED (STR_FORMAT) | INTERNED (STR_LABEL_DATE),
};

static void
l4a_hub_finalize (GObject *object)
{
  L4aHub *self = (L4aHub *)object;

  l4a_snapshot_clear (&spec, self->strings);
  for (guint i = 0; i < G_N_ELEMENTS (self->collate); i++)
    g_clear_pointer (&self->collate[i], g_free);

  G_OBJECT_CLASS (l4a_hub_parent_class)->finalize (object);
}

static void
l4a_hub_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  L4aHub *self = L4A_HUB (object);

  l4a_snapshot_get (&spec, self->strings, self->uints, self->booleans, prop_id, value);
}

static void
l4a_hub_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  L4aHub *self = L4A_HUB (object);

  l4a_snapshot_set (&spec, self->strings, self->uints, self->booleans, prop_id, value);
}

static void
l4a_hub_class_init (L4aHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_hub_finalize;
  object_class->get_property = l4a_hub_get_property;
  object_class->set_property = l4a_hub_set_property;

  l4a_snapshot_install (object_class, &spec);
}

static void
l4a_hub_init (L4aHub *self)
{
}

const char *
l4a_hub_get_id (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_ID];
}

const char *
l4a_hub_get_name (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_NAME];
}

const char *
l4a_hub_get_summary (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_SUMMARY];
}

const char *
l4a_hub_get_government (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_GOVERNMENT];
}

const char *
l4a_hub_get_country (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_COUNTRY];
}

const char *
l4a_hub_get_region (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_REGION];
}

const char *
l4a_hub_get_pact_axis (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_PACT_AXIS];
}

const char *
l4a_hub_get_status (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_STATUS];
}

const char *
l4a_hub_get_start (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_START];
}

const char *
l4a_hub_get_end (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_END];
}

guint
l4a_hub_get_sdgs (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), 0);

  return self->uints[UINT_SDGS];
}

gboolean
l4a_hub_get_sample (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), FALSE);

  return self->booleans[BOOL_SAMPLE];
}

const char *
l4a_hub_get_government_id (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_GOVERNMENT_ID];
}

const char *
l4a_hub_get_format (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_FORMAT];
}

const char *
l4a_hub_get_label_date (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_LABEL_DATE];
}

const char *
l4a_hub_get_proposal_id (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->strings[STR_PROPOSAL_ID];
}

guint
l4a_hub_get_councils (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), 0);

  return self->uints[UINT_COUNCILS];
}

/**
 * l4a_hub_get_collate_key:
 * @key: %L4A_HUB_SORT_NAME or %L4A_HUB_SORT_GOVERNMENT
 *
 * Returns: (transfer none): the hub's name or lead government's name,
 *   accents and case folded, computed once: the key SQLite sorts the
 *   registry by (hub_facet), compared with strcmp()
 */
const char *
l4a_hub_get_collate_key (L4aHub *self,
                         int     key)
{
  guint slot = key == L4A_HUB_SORT_GOVERNMENT ? 1 : 0;

  g_return_val_if_fail (L4A_IS_HUB (self), "");

  if (self->collate[slot] == NULL)
    self->collate[slot] = l4a_fold_text (slot == 1 ? self->strings[STR_GOVERNMENT] : self->strings[STR_NAME]);
  return self->collate[slot];
}

guint
l4a_hub_get_num (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), 0);

  return self->uints[UINT_NUM];
}

/**
 * l4a_hub_new_row:
 *
 * Makes a hub straight from a row, without the property machinery: the
 * registry makes 100 000 of them at a time.
 */
L4aHub *
l4a_hub_new_row (const L4aHubRow *row)
{
  L4aHub *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (L4A_TYPE_HUB, NULL);
  self->strings[STR_ID] = g_strdup (row->id);
  self->strings[STR_NAME] = g_strdup (row->name);
  self->strings[STR_GOVERNMENT] = (char *) g_intern_string (row->government);
  self->strings[STR_GOVERNMENT_ID] = (char *) g_intern_string (row->government_id);
  self->strings[STR_COUNTRY] = (char *) g_intern_string (row->country);
  self->strings[STR_REGION] = (char *) g_intern_string (row->region);
  self->strings[STR_PACT_AXIS] = (char *) g_intern_string (row->pact_axis);
  self->strings[STR_STATUS] = (char *) g_intern_string (row->status);
  self->strings[STR_START] = (char *) g_intern_string (row->start);
  self->strings[STR_END] = (char *) g_intern_string (row->end);
  self->strings[STR_FORMAT] = (char *) g_intern_string (row->format);
  self->strings[STR_LABEL_DATE] = (char *) g_intern_string (row->label_date);
  self->strings[STR_PROPOSAL_ID] = g_strdup (row->proposal_id);
  self->uints[UINT_NUM] = row->num;
  self->uints[UINT_SDGS] = row->sdgs;
  self->uints[UINT_COUNCILS] = row->councils;
  self->booleans[BOOL_SAMPLE] = row->sample;
  return self;
}

/**
 * l4a_hub_equal:
 *
 * Returns: whether @a and @b show the same: every field alike
 */
gboolean
l4a_hub_equal (L4aHub *a,
               L4aHub *b)
{
  g_return_val_if_fail (L4A_IS_HUB (a) && L4A_IS_HUB (b), FALSE);

  for (guint i = 0; i < N_STRINGS; i++)
    if (g_strcmp0 (a->strings[i], b->strings[i]) != 0)
      return FALSE;
  return memcmp (a->uints, b->uints, sizeof a->uints) == 0 && a->booleans[BOOL_SAMPLE] == b->booleans[BOOL_SAMPLE];
}

/**
 * l4a_hub_dup_place:
 *
 * Returns: (transfer full): where @self is, as its label and the published
 *   registry say it: its lead government, its country in the user's language
 */
char *
l4a_hub_dup_place (L4aHub *self)
{
  const char *country = l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (self));

  /* translators: a hub's place: its lead government, its country */
  return g_strdup_printf (_("%s, %s"), l4a_hub_get_government (self), country ? country : l4a_hub_get_country (self));
}
