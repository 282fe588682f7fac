/* l4a-hub.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub"

#include "config.h"

#include "l4a-hub.h"
#include "l4a-snapshot-private.h"

/* A hub as the registry lists it: a read-only snapshot of one row. "sdgs" is a
 * bit mask: bit n set means SDG goal n (1..17). */

enum {
  STR_ID,
  STR_NAME,
  STR_SUMMARY,
  STR_GOVERNMENT,
  STR_COUNTRY,
  STR_REGION,
  STR_PACT_AXIS,
  STR_STATUS,
  STR_START,
  STR_END,
  N_STRINGS
};

enum {
  UINT_SDGS,
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
  "country",
  "region",
  "pact-axis",
  "status",
  "start",
  "end",
};
static const char * const uint_names[N_UINTS] = {
  "sdgs",
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
