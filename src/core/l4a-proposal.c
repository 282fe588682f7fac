/* l4a-proposal.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposal"

#include "config.h"

#include "l4a-proposal.h"
#include "l4a-snapshot-private.h"

/* A proposal as lists show it: a read-only snapshot of one row. "sdgs" is a
 * bit mask: bit n set means SDG goal n (1..17). */

enum {
  STR_ID,
  STR_TITLE,
  STR_SUMMARY,
  STR_GOVERNMENT,
  STR_COUNTRY,
  STR_REGION,
  STR_CALL,
  STR_STATE,
  STR_SUBMITTED,
  N_STRINGS
};

enum {
  UINT_VERSION,
  UINT_SDGS,
  UINT_NUM,
  N_UINTS
};

enum {
  BOOL_SAMPLE,
  BOOL_UNSENT,
  N_BOOLEANS
};

struct _L4aProposal
{
  GObject  parent_instance;

  char    *strings[N_STRINGS];
  guint    uints[N_UINTS];
  gboolean booleans[N_BOOLEANS];
};

G_DEFINE_FINAL_TYPE (L4aProposal, l4a_proposal, G_TYPE_OBJECT)

static const char * const string_names[N_STRINGS] = {
  "id",
  "title",
  "summary",
  "government",
  "country",
  "region",
  "call",
  "state",
  "submitted",
};
static const char * const uint_names[N_UINTS] = {
  "version",
  "sdgs",
  "num",
};
static const char * const boolean_names[N_BOOLEANS] = {
  "sample",
  "unsent",
};
static const L4aSnapshotSpec spec = {
  string_names, N_STRINGS, uint_names, N_UINTS, boolean_names, N_BOOLEANS,
};

static void
l4a_proposal_finalize (GObject *object)
{
  L4aProposal *self = (L4aProposal *)object;

  l4a_snapshot_clear (&spec, self->strings);

  G_OBJECT_CLASS (l4a_proposal_parent_class)->finalize (object);
}

static void
l4a_proposal_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  L4aProposal *self = L4A_PROPOSAL (object);

  l4a_snapshot_get (&spec, self->strings, self->uints, self->booleans, prop_id, value);
}

static void
l4a_proposal_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  L4aProposal *self = L4A_PROPOSAL (object);

  l4a_snapshot_set (&spec, self->strings, self->uints, self->booleans, prop_id, value);
}

static void
l4a_proposal_class_init (L4aProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_proposal_finalize;
  object_class->get_property = l4a_proposal_get_property;
  object_class->set_property = l4a_proposal_set_property;

  l4a_snapshot_install (object_class, &spec);
}

static void
l4a_proposal_init (L4aProposal *self)
{
}

const char *
l4a_proposal_get_id (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_ID];
}

const char *
l4a_proposal_get_title (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_TITLE];
}

const char *
l4a_proposal_get_summary (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_SUMMARY];
}

const char *
l4a_proposal_get_government (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_GOVERNMENT];
}

const char *
l4a_proposal_get_country (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_COUNTRY];
}

const char *
l4a_proposal_get_region (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_REGION];
}

const char *
l4a_proposal_get_call (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_CALL];
}

const char *
l4a_proposal_get_state (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_STATE];
}

const char *
l4a_proposal_get_submitted (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), NULL);

  return self->strings[STR_SUBMITTED];
}

guint
l4a_proposal_get_version (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), 0);

  return self->uints[UINT_VERSION];
}

guint
l4a_proposal_get_sdgs (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), 0);

  return self->uints[UINT_SDGS];
}

/**
 * l4a_proposal_get_num:
 *
 * Returns: the proposal's row number in this database, which a list
 *   read a page at a time knows it by
 */
guint
l4a_proposal_get_num (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), 0);

  return self->uints[UINT_NUM];
}

gboolean
l4a_proposal_get_sample (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), FALSE);

  return self->booleans[BOOL_SAMPLE];
}

/**
 * l4a_proposal_get_unsent:
 *
 * Returns: whether this workstation's government submitted the proposal
 *   and has not yet sent it in a submission bundle (as it is now)
 */
gboolean
l4a_proposal_get_unsent (L4aProposal *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL (self), FALSE);

  return self->booleans[BOOL_UNSENT];
}
