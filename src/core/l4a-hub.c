/* l4a-hub.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub"

#include "config.h"

#include "l4a-hub.h"

/* A hub as the registry lists it: a read-only snapshot of one row. */
struct _L4aHub
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *summary;
  char    *government;
  char    *country;
  char    *region;
  char    *pact_axis;
  char    *status;
  char    *start;
  char    *end;
  guint    sdgs;     /* bit n set: SDG goal n (1..17) */
  gboolean sample;
};

G_DEFINE_FINAL_TYPE (L4aHub, l4a_hub, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_GOVERNMENT,
  PROP_COUNTRY,
  PROP_REGION,
  PROP_PACT_AXIS,
  PROP_STATUS,
  PROP_START,
  PROP_END,
  PROP_SDGS,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (L4aHub *self,
              guint   prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_NAME: return &self->name;
    case PROP_SUMMARY: return &self->summary;
    case PROP_GOVERNMENT: return &self->government;
    case PROP_COUNTRY: return &self->country;
    case PROP_REGION: return &self->region;
    case PROP_PACT_AXIS: return &self->pact_axis;
    case PROP_STATUS: return &self->status;
    case PROP_START: return &self->start;
    case PROP_END: return &self->end;
    default: return NULL;
    }
}

static void
l4a_hub_finalize (GObject *object)
{
  L4aHub *self = (L4aHub *)object;

  for (guint i = PROP_ID; i <= PROP_END; i++)
    g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (l4a_hub_parent_class)->finalize (object);
}

static void
l4a_hub_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  L4aHub *self = L4A_HUB (object);
  char **field = string_field (self, prop_id);

  if (field)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_SDGS)
    g_value_set_uint (value, self->sdgs);
  else if (prop_id == PROP_SAMPLE)
    g_value_set_boolean (value, self->sample);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_hub_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  L4aHub *self = L4A_HUB (object);
  char **field = string_field (self, prop_id);

  if (field)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else if (prop_id == PROP_SDGS)
    self->sdgs = g_value_get_uint (value);
  else if (prop_id == PROP_SAMPLE)
    self->sample = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_hub_class_init (L4aHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[] = {
    NULL, "id", "name", "summary", "government", "country", "region",
    "pact-axis", "status", "start", "end",
  };

  object_class->finalize = l4a_hub_finalize;
  object_class->get_property = l4a_hub_get_property;
  object_class->set_property = l4a_hub_set_property;

  for (guint i = PROP_ID; i <= PROP_END; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                         G_PARAM_STATIC_STRINGS);

  properties[PROP_SDGS] =
    g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_hub_init (L4aHub *self)
{
}

const char *
l4a_hub_get_id (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->id;
}

const char *
l4a_hub_get_name (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->name;
}

const char *
l4a_hub_get_summary (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->summary;
}

const char *
l4a_hub_get_government (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->government;
}

const char *
l4a_hub_get_country (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->country;
}

const char *
l4a_hub_get_region (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->region;
}

const char *
l4a_hub_get_pact_axis (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->pact_axis;
}

const char *
l4a_hub_get_status (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->status;
}

const char *
l4a_hub_get_start (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->start;
}

const char *
l4a_hub_get_end (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), NULL);

  return self->end;
}

guint
l4a_hub_get_sdgs (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), 0);

  return self->sdgs;
}

gboolean
l4a_hub_get_sample (L4aHub *self)
{
  g_return_val_if_fail (L4A_IS_HUB (self), FALSE);

  return self->sample;
}
