/* l4a-hub.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub"

#include "config.h"

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
};
static const char * const boolean_names[N_BOOLEANS] = {
  "sample",
};
static const L4aSnapshotSpec spec = {
  string_names, N_STRINGS, uint_names, N_UINTS, boolean_names, N_BOOLEANS,
};

static void
l4a_hub_finalize (GObject *object)
{
  L4aHub *self = (L4aHub *)object;

  l4a_snapshot_clear (&spec, self->strings);

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

static GQuark
collate_quark (int key)
{
  static GQuark quarks[L4A_HUB_N_SORTS];

  if (quarks[key] == 0)
    {
      g_autofree char *name = g_strdup_printf ("l4a-hub-collate-%d", key);
      quarks[key] = g_quark_from_string (name);
    }
  return quarks[key];
}

/**
 * l4a_hub_get_collate_key:
 * @key: %L4A_HUB_SORT_NAME, %L4A_HUB_SORT_GOVERNMENT or %L4A_HUB_SORT_COUNTRY
 *
 * Returns: (transfer none): a key that sorts the hub's name, lead
 *   government or country name (in the user's language) with strcmp(),
 *   computed once
 */
const char *
l4a_hub_get_collate_key (L4aHub *self,
                         int     key)
{
  GQuark quark;
  char *collate;
  const char *text;

  g_return_val_if_fail (L4A_IS_HUB (self), "");

  quark = collate_quark (key);
  collate = g_object_get_qdata (G_OBJECT (self), quark);
  if (collate != NULL)
    return collate;

  if (key == L4A_HUB_SORT_GOVERNMENT)
    text = self->strings[STR_GOVERNMENT];
  else if (key == L4A_HUB_SORT_COUNTRY)
    text = l4a_reference_translate (L4A_REFERENCE_COUNTRIES, self->strings[STR_COUNTRY]);
  else
    text = self->strings[STR_NAME];

  collate = l4a_sort_key (text);
  g_object_set_qdata_full (G_OBJECT (self), quark, collate, g_free);
  return collate;
}
