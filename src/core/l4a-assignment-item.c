/* l4a-assignment-item.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board member's assignment as a list shows it: a read-only snapshot
 * with properties, so that a list of them follows changes row by row
 * (l4a_list_store_update()).
 */

#define G_LOG_DOMAIN "l4a-assignment-item"

#include "config.h"

#include "l4a-assignment-item.h"
#include "l4a-snapshot-private.h"

enum {
  STR_PROPOSAL_ID,
  STR_TITLE,
  STR_GOVERNMENT,
  STR_CALL,
  STR_DUE_ON,
  N_STRINGS
};

enum {
  UINT_STATE,
  N_UINTS
};

struct _L4aAssignmentItem
{
  GObject  parent_instance;

  char    *strings[N_STRINGS];
  guint    uints[N_UINTS];
};

G_DEFINE_FINAL_TYPE (L4aAssignmentItem, l4a_assignment_item, G_TYPE_OBJECT)

static const char * const string_names[N_STRINGS] = {
  "proposal-id",
  "title",
  "government",
  "call",
  "due-on",
};
static const char * const uint_names[N_UINTS] = {
  "state",
};
static const L4aSnapshotSpec spec = {
  string_names, N_STRINGS, uint_names, N_UINTS, NULL, 0,
};

static void
l4a_assignment_item_finalize (GObject *object)
{
  L4aAssignmentItem *self = (L4aAssignmentItem *)object;

  l4a_snapshot_clear (&spec, self->strings);

  G_OBJECT_CLASS (l4a_assignment_item_parent_class)->finalize (object);
}

static void
l4a_assignment_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  L4aAssignmentItem *self = L4A_ASSIGNMENT_ITEM (object);

  l4a_snapshot_get (&spec, self->strings, self->uints, NULL, prop_id, value);
}

static void
l4a_assignment_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  L4aAssignmentItem *self = L4A_ASSIGNMENT_ITEM (object);

  l4a_snapshot_set (&spec, self->strings, self->uints, NULL, prop_id, value);
}

static void
l4a_assignment_item_class_init (L4aAssignmentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_assignment_item_finalize;
  object_class->get_property = l4a_assignment_item_get_property;
  object_class->set_property = l4a_assignment_item_set_property;

  l4a_snapshot_install (object_class, &spec);
}

static void
l4a_assignment_item_init (L4aAssignmentItem *self)
{
}

const char *
l4a_assignment_item_get_proposal_id (L4aAssignmentItem *self)
{
  g_return_val_if_fail (L4A_IS_ASSIGNMENT_ITEM (self), NULL);

  return self->strings[STR_PROPOSAL_ID];
}

const char *
l4a_assignment_item_get_title (L4aAssignmentItem *self)
{
  g_return_val_if_fail (L4A_IS_ASSIGNMENT_ITEM (self), NULL);

  return self->strings[STR_TITLE];
}

const char *
l4a_assignment_item_get_government (L4aAssignmentItem *self)
{
  g_return_val_if_fail (L4A_IS_ASSIGNMENT_ITEM (self), NULL);

  return self->strings[STR_GOVERNMENT];
}

const char *
l4a_assignment_item_get_call (L4aAssignmentItem *self)
{
  g_return_val_if_fail (L4A_IS_ASSIGNMENT_ITEM (self), NULL);

  return self->strings[STR_CALL];
}

const char *
l4a_assignment_item_get_due_on (L4aAssignmentItem *self)
{
  g_return_val_if_fail (L4A_IS_ASSIGNMENT_ITEM (self), NULL);

  return self->strings[STR_DUE_ON];
}

L4aReviewState
l4a_assignment_item_get_state (L4aAssignmentItem *self)
{
  g_return_val_if_fail (L4A_IS_ASSIGNMENT_ITEM (self), L4A_REVIEW_NOT_STARTED);

  return (L4aReviewState) self->uints[UINT_STATE];
}

/**
 * l4a_review_list_my_assignments:
 *
 * Returns: (transfer full) (element-type L4aAssignmentItem) (nullable):
 *   the proposals assigned to this workstation's board member, soonest due
 *   first, as l4a_review_my_assignments() orders them
 */
GPtrArray *
l4a_review_list_my_assignments (L4aStore  *store,
                                GError   **error)
{
  g_autoptr(GPtrArray) infos = l4a_review_my_assignments (store, error);
  GPtrArray *items;

  if (infos == NULL)
    return NULL;
  items = g_ptr_array_new_full (infos->len, g_object_unref);
  for (guint i = 0; i < infos->len; i++)
    {
      L4aAssignmentInfo *info = g_ptr_array_index (infos, i);

      g_ptr_array_add (items, g_object_new (L4A_TYPE_ASSIGNMENT_ITEM,
                                            "proposal-id", info->proposal_id,
                                            "title", info->title,
                                            "government", info->government,
                                            "call", info->call,
                                            "due-on", info->due_on,
                                            "state", (guint) info->state,
                                            NULL));
    }
  return items;
}
