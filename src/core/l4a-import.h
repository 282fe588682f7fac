/* l4a-import.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-bundle.h"
#include "l4a-store.h"

G_BEGIN_DECLS

typedef enum
{
  L4A_IMPORT_ADD,       /* not here yet */
  L4A_IMPORT_UPDATE,    /* changed there only */
  L4A_IMPORT_SAME,      /* identical */
  L4A_IMPORT_OLDER,     /* changed here only, or not theirs to change: left alone */
  L4A_IMPORT_CONFLICT,  /* changed on both sides since they last agreed */
  L4A_IMPORT_N_ACTIONS
} L4aImportAction;

typedef enum
{
  L4A_RESOLVE_MINE,     /* keep this workstation's version */
  L4A_RESOLVE_THEIRS,   /* take the bundle's version */
} L4aImportResolution;

#define L4A_TYPE_IMPORT_CHANGE (l4a_import_change_get_type ())

G_DECLARE_FINAL_TYPE (L4aImportChange, l4a_import_change, L4A, IMPORT_CHANGE, GObject)

/* What importing a bundle does to one record: an object whose "type",
 * "id", "label" and "action" say the change, and whose "resolution" (of
 * a conflict) the import window's Mine and Theirs buttons are bound to. */
struct _L4aImportChange
{
  GObject              parent_instance;

  char                *type;
  char                *id;
  char                *label;
  L4aImportAction      action;
  L4aImportResolution  resolution;  /* for conflicts; mine until the user chooses */
  GPtrArray           *fields;      /* names of the fields that differ */
  /* < private > */
  guint                index;
  char                *hash;
  gint64               ours_revision;  /* after the import */
};

typedef struct
{
  gboolean   already_imported;
  GPtrArray *changes;                   /* L4aImportChange, in the bundle's order */
  guint      counts[L4A_IMPORT_N_ACTIONS];

  /* < private > */
  guint64    connection;                /* the database as the plan saw it, through which connection */
  gint64     data_version;
  gint64     total_changes;
} L4aImportPlan;

/* Called now and then while a bundle is applied, with the share done. */
typedef void (*L4aImportProgress) (double   fraction,
                                   gpointer user_data);

const char    *l4a_import_action_to_string (L4aImportAction     action);
const char    *l4a_import_action_get_label (L4aImportAction     action);
L4aImportPlan *l4a_import_plan             (L4aStore           *store,
                                            L4aBundle          *bundle,
                                            GError            **error);
void           l4a_import_plan_resolve_all (L4aImportPlan      *plan,
                                            L4aImportResolution resolution);
gboolean       l4a_import_apply            (L4aStore           *store,
                                            L4aBundle          *bundle,
                                            L4aImportPlan      *plan,
                                            gboolean            sample,
                                            GCancellable       *cancellable,
                                            L4aImportProgress   progress,
                                            gpointer            user_data,
                                            guint              *n_written,
                                            GError            **error);
gboolean       l4a_import_now              (L4aStore            *store,
                                            L4aBundle           *bundle,
                                            const L4aImportResolution *settle,
                                            gboolean             sample,
                                            L4aImportPlan      **plan_out,
                                            guint               *n_written,
                                            GError             **error);
char          *l4a_import_describe_origin  (L4aStore           *store,
                                            L4aBundle          *bundle);
void           l4a_import_plan_free        (L4aImportPlan      *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aImportPlan, l4a_import_plan_free)

G_END_DECLS
