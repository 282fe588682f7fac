/* l4a-government.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_GOVERNMENT (l4a_government_get_type ())

G_DECLARE_FINAL_TYPE (L4aGovernment, l4a_government, L4A, GOVERNMENT, GObject)

const char *l4a_government_get_id        (L4aGovernment *self);
const char *l4a_government_get_name      (L4aGovernment *self);
const char *l4a_government_get_kind      (L4aGovernment *self);
const char *l4a_government_get_country   (L4aGovernment *self);
const char *l4a_government_get_region    (L4aGovernment *self);
guint       l4a_government_get_hubs      (L4aGovernment *self);
guint       l4a_government_get_proposals (L4aGovernment *self);
guint       l4a_government_get_members   (L4aGovernment *self);
gboolean    l4a_government_get_sample    (L4aGovernment *self);

#define L4A_TYPE_GOVERNMENT_EDIT (l4a_government_edit_get_type ())

G_DECLARE_FINAL_TYPE (L4aGovernmentEdit, l4a_government_edit, L4A, GOVERNMENT_EDIT, GObject)

/* The editable fields of a government: an object whose properties
 * ("name", "kind", "country", "region", "contact", "place") the
 * governments window binds its rows to, each notified when it changes.
 * The fields are open to the core's own code, which loads and saves them. */
struct _L4aGovernmentEdit
{
  GObject parent_instance;

  char *id;        /* NULL for a new one */
  int   revision;  /* as loaded; 0 for a new one */
  char *name;
  char *kind;      /* city, region, association */
  char *country;   /* ISO 3166-1 alpha-2 */
  char *region;    /* region code */
  char *contact;   /* where letters go: an e-mail address, or empty */
  char *place;     /* latitude and longitude, as “41.3874, 2.1686”; empty:
                    * the middle of the country */
};

L4aGovernmentEdit *l4a_government_edit_new        (void);
void               l4a_government_edit_free       (L4aGovernmentEdit       *edit);
GPtrArray         *l4a_government_edit_validate   (L4aStore                *store,
                                                   const L4aGovernmentEdit *edit);

GListModel        *l4a_registry_list_governments  (L4aStore                *store,
                                                   GError                 **error);
GListModel        *l4a_registry_find_governments  (L4aStore                *store,
                                                   const char              *text,
                                                   guint                    limit,
                                                   guint                   *n_found,
                                                   GError                 **error);
L4aGovernmentEdit *l4a_registry_load_government   (L4aStore                *store,
                                                   const char              *id,
                                                   GError                 **error);
gboolean           l4a_registry_save_government   (L4aStore                *store,
                                                   L4aGovernmentEdit       *edit,
                                                   GError                 **error);
gboolean           l4a_registry_merge_governments (L4aStore                *store,
                                                   const char              *keep_id,
                                                   const char              *duplicate_id,
                                                   GError                 **error);
const char        *l4a_government_kind_label      (const char              *kind);
gboolean           l4a_place_parse                (const char              *text,
                                                   double                  *latitude,
                                                   double                  *longitude,
                                                   char                   **problem);
char              *l4a_place_format               (double                   latitude,
                                                   double                   longitude);


G_END_DECLS
