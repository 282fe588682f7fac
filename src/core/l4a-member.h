/* l4a-member.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

/* A conflict of interest with a government. */
typedef struct
{
  char     *government_id;
  char     *government_name;  /* as read; ignored when saving */
  char     *reason;
  gboolean  automatic;        /* the member's own government or country: not edited */
} L4aConflictEdit;

#define L4A_TYPE_MEMBER_EDIT (l4a_member_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aMemberEdit, l4a_member_edit, L4A, MEMBER_EDIT, GObject)

/* An Advisory Board member, as a form holds it: an object whose text
 * properties ("name", "government-id", "country", "region", "contact")
 * the members window binds its rows to, each notified when it changes.
 * The fields are open to the core's own code, which loads and saves them;
 * a change made there directly is not notified. */
struct _L4aMemberEdit
{
  GObject    parent_instance;

  char      *id;             /* NULL for a new one */
  int        revision;       /* as loaded; 0 for a new one */
  char      *name;
  char      *government_id;  /* affiliation, or NULL */
  char      *country;        /* ISO 3166-1 alpha-2 */
  char      *region;         /* UCLG region code */
  char      *contact;
  gboolean   sample;
  guint      n_reviews;      /* as read */
  GPtrArray *conflicts;      /* L4aConflictEdit: the declared ones, then the automatic ones */
  /* what the member declared they can review */
  GArray    *sdgs;           /* guint goals, 1 to 17 */
  GStrv      axes;           /* Pact axis codes */
  GStrv      regions;        /* UCLG region codes */
  GStrv      languages;      /* en, fr, es; empty when not declared: no language is ruled out */
};

L4aMemberEdit   *l4a_member_edit_new          (void);
void             l4a_member_edit_free         (L4aMemberEdit        *edit);
L4aConflictEdit *l4a_member_edit_add_conflict (L4aMemberEdit        *edit,
                                               const char           *government_id,
                                               const char           *reason);
GPtrArray       *l4a_member_edit_validate     (L4aStore             *store,
                                               const L4aMemberEdit  *edit);

GPtrArray       *l4a_member_list              (L4aStore             *store,
                                               GError              **error);
L4aMemberEdit   *l4a_member_load              (L4aStore             *store,
                                               const char           *id,
                                               GError              **error);
gboolean         l4a_member_save              (L4aStore             *store,
                                               L4aMemberEdit        *edit,
                                               guint                *n_unassigned,
                                               GError              **error);
gboolean         l4a_member_delete            (L4aStore             *store,
                                               const char           *id,
                                               GError              **error);

gboolean         l4a_member_declare_expertise (L4aStore             *store,
                                               L4aMemberEdit        *edit,
                                               GError              **error);
gboolean         l4a_member_bundle_rule       (L4aStore             *store,
                                               const char           *actor,
                                               JsonObject           *object,
                                               const char           *record,
                                               GError              **error);
gboolean         l4a_member_reads             (const char * const   *languages,
                                               const char           *language);


G_END_DECLS
