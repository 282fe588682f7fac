/* l4a-proposal.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposal"

#include "config.h"

#include "l4a-proposal.h"

/* A proposal as lists show it: a read-only snapshot of one row. */
struct _L4aProposal
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *summary;
  char    *government;
  char    *country;
  char    *region;
  char    *call;
  char    *state;
  char    *submitted;
  guint    version;
  guint    sdgs;     /* bit n set: SDG goal n (1..17) */
  gboolean sample;
};

G_DEFINE_FINAL_TYPE (L4aProposal, l4a_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_GOVERNMENT,
  PROP_COUNTRY,
  PROP_REGION,
  PROP_CALL,
  PROP_STATE,
  PROP_SUBMITTED,
  PROP_VERSION,
  PROP_SDGS,
  PROP_SAMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (L4aProposal *self,
              guint   prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_TITLE: return &self->title;
    case PROP_SUMMARY: return &self->summary;
    case PROP_GOVERNMENT: return &self->government;
    case PROP_COUNTRY: return &self->country;
    case PROP_REGION: return &self->region;
    case PROP_CALL: return &self->call;
    case PROP_STATE: return &self->state;
    case PROP_SUBMITTED: return &self->submitted;
    default: return NULL;
    }
}

static void
l4a_proposal_finalize (GObject *object)
{
  L4aProposal *self = (L4aProposal *)object;

  for (guint i = PROP_ID; i <= PROP_SUBMITTED; i++)
    g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (l4a_proposal_parent_class)->finalize (object);
}

static void
l4a_proposal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  L4aProposal *self = L4A_PROPOSAL (object);
  char **field = string_field (self, prop_id);

  if (field)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_SDGS)
    g_value_set_uint (value, self->sdgs);
  else if (prop_id == PROP_VERSION)
    g_value_set_uint (value, self->version);
  else if (prop_id == PROP_SAMPLE)
    g_value_set_boolean (value, self->sample);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_proposal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  L4aProposal *self = L4A_PROPOSAL (object);
  char **field = string_field (self, prop_id);

  if (field)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else if (prop_id == PROP_SDGS)
    self->sdgs = g_value_get_uint (value);
  else if (prop_id == PROP_VERSION)
    self->version = g_value_get_uint (value);
  else if (prop_id == PROP_SAMPLE)
    self->sample = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
l4a_proposal_class_init (L4aProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[] = {
    NULL, "id", "title", "summary", "government", "country", "region",
    "call", "state", "submitted",
  };

  object_class->finalize = l4a_proposal_finalize;
  object_class->get_property = l4a_proposal_get_property;
  object_class->set_property = l4a_proposal_set_property;

  for (guint i = PROP_ID; i <= PROP_SUBMITTED; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                         G_PARAM_STATIC_STRINGS);

  properties[PROP_SDGS] =
    g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAMPLE] =
    g_param_spec_boolean ("sample", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_proposal_init (L4aProposal *self)
{
}

const char *
l4a_proposal_get_id (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->id;
}

const char *
l4a_proposal_get_title (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->title;
}

const char *
l4a_proposal_get_summary (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->summary;
}

const char *
l4a_proposal_get_government (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->government;
}

const char *
l4a_proposal_get_country (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->country;
}

const char *
l4a_proposal_get_region (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->region;
}

const char *
l4a_proposal_get_call (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->call;
}

const char *
l4a_proposal_get_state (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->state;
}

const char *
l4a_proposal_get_submitted (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->submitted;
}

guint
l4a_proposal_get_version (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), 0);

  return self->version;
}

guint
l4a_proposal_get_sdgs (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), 0);

  return self->sdgs;
}

gboolean
l4a_proposal_get_sample (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), FALSE);

  return self->sample;
}
