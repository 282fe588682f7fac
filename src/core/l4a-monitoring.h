/* l4a-monitoring.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_ACTIVITY (l4a_activity_get_type ())

G_DECLARE_FINAL_TYPE (L4aActivity, l4a_activity, L4A, ACTIVITY, GObject)

/* What a hub did: an event, a publication, a joint product, a training or
 * a peer visit. An object whose texts ("hub-id", "kind", "title",
 * "starts-on", "ends-on", "place", "url", "description"), "online" and
 * "sdgs" are properties, each notified when it changes; the fields are
 * open to the core's own code, which loads and saves them. */
struct _L4aActivity
{
  GObject    parent_instance;

  char      *id;           /* NULL until saved */
  char      *hub_id;
  char      *hub_name;     /* read only, for lists */
  char      *kind;
  char      *title;
  char      *starts_on;
  char      *ends_on;      /* NULL for one day */
  char      *place;
  gboolean   online;
  char      *url;
  char      *description;
  guint32    sdgs;         /* bit n set for goal n */
  GPtrArray *governments;  /* ids of the partner governments involved */
  GPtrArray *hubs;         /* ids of the other hubs of a joint product */
  GPtrArray *attachments;  /* of L4aAttachmentRef: its files */
  gint64     revision;     /* as loaded; 0 for a new one */
};

L4aActivity *l4a_activity_new          (void);
gboolean     l4a_activity_attach       (L4aStore          *store,
                                        L4aActivity       *activity,
                                        const char        *name,
                                        GBytes            *bytes,
                                        GError           **error);
L4aActivity *l4a_activity_copy         (const L4aActivity *activity);
void         l4a_activity_free         (L4aActivity       *activity);

GPtrArray   *l4a_activities_list       (L4aStore          *store,
                                        const char        *hub_id,
                                        GError           **error);
L4aActivity *l4a_activity_load         (L4aStore          *store,
                                        const char        *id,
                                        GError           **error);
gboolean     l4a_activity_check        (L4aStore          *store,
                                        const L4aActivity *activity,
                                        const char       **field,
                                        GError           **error);
gboolean     l4a_activity_save         (L4aStore          *store,
                                        L4aActivity       *activity,
                                        GError           **error);
char        *l4a_activity_delete       (L4aStore          *store,
                                        const char        *id,
                                        GError           **error);

gboolean     l4a_monitoring_can_edit   (L4aStore          *store,
                                        const char        *hub_id);
gboolean     l4a_monitoring_restore    (L4aStore          *store,
                                        const char        *snapshot,
                                        GError           **error);

/* A deliverable of a hub as lists show it. */
typedef struct
{
  char     *id;
  char     *hub_id;
  char     *hub_name;
  char     *title;
  char     *description;
  char     *due_on;
  char     *status;
  char     *changed_on;    /* the latest change's date, or NULL */
  gboolean  overdue;       /* past due, neither done nor dropped */
} L4aDeliverable;

/* One change of a deliverable's status, with its evidence. */
typedef struct
{
  char *id;
  char *deliverable_id;
  char *status;
  char *changed_on;
  char *evidence_url;
  char *evidence_sha256;   /* an attachment, or NULL */
  char *evidence_name;
  char *note;
  char *created_at;
} L4aDeliverableChange;

void                  l4a_deliverable_free          (L4aDeliverable       *deliverable);
L4aDeliverableChange *l4a_deliverable_change_new    (void);
void                  l4a_deliverable_change_free   (L4aDeliverableChange *change);

GPtrArray            *l4a_deliverables_list         (L4aStore             *store,
                                                     const char           *hub_id,
                                                     GError              **error);
GPtrArray            *l4a_deliverable_history       (L4aStore             *store,
                                                     const char           *deliverable_id,
                                                     GError              **error);
gboolean              l4a_deliverable_can_become    (const char           *from,
                                                     const char           *to);
gboolean              l4a_deliverable_change_check  (L4aStore             *store,
                                                     const L4aDeliverableChange *change,
                                                     const char          **field,
                                                     GError              **error);
gboolean              l4a_deliverable_set_status    (L4aStore             *store,
                                                     L4aDeliverableChange *change,
                                                     GError              **error);
GBytes               *l4a_attachment_load           (GFile                *file,
                                                     GError              **error);
gboolean              l4a_attachment_store          (L4aStore             *store,
                                                     const char           *name,
                                                     GBytes               *bytes,
                                                     char                **sha256,
                                                     char                **media_type,
                                                     GError              **error);

/* A meeting point of the network: the Venice Solutions forum, the World
 * Council, a Policy Council meeting. */
typedef struct
{
  char      *id;
  char      *kind;
  char      *title;
  char      *starts_on;
  char      *ends_on;
  char      *place;
  char      *url;
  char      *description;
  GPtrArray *hubs;         /* ids of the hubs presenting */
  gint64     revision;
} L4aNetworkEvent;

L4aNetworkEvent *l4a_network_event_new     (void);
L4aNetworkEvent *l4a_network_event_copy    (const L4aNetworkEvent *event);
void             l4a_network_event_free    (L4aNetworkEvent       *event);

GPtrArray       *l4a_network_events_list   (L4aStore              *store,
                                            GError               **error);
gboolean         l4a_network_event_check   (L4aStore              *store,
                                            const L4aNetworkEvent *event,
                                            const char           **field,
                                            GError               **error);
gboolean         l4a_network_event_save    (L4aStore              *store,
                                            L4aNetworkEvent       *event,
                                            GError               **error);
char            *l4a_network_event_delete  (L4aStore              *store,
                                            const char            *id,
                                            GError               **error);
char            *l4a_network_events_to_ics (L4aStore              *store,
                                            GError               **error);

/* Rules a bundle's record is held to, as the window holds it. */
gboolean         l4a_monitoring_check_record (const char  *table,
                                              JsonObject  *object,
                                              const char  *record,
                                              GError     **error);

/* Counts across the network, for the dashboard. */
typedef struct
{
  guint deliverables[5];   /* by L4aDeliverableStatus */
  guint overdue;
  guint activities;
  guint network_events;
  guint upcoming_events;
} L4aMonitoringCounts;

typedef struct
{
  int   year;
  int   quarter;           /* 1 to 4 */
  guint count;
} L4aQuarterCount;

gboolean         l4a_monitoring_count       (L4aStore            *store,
                                             L4aMonitoringCounts *counts,
                                             GError             **error);
GArray          *l4a_activities_per_quarter (L4aStore            *store,
                                             GError             **error);

/* A record to choose in a form: its id and its name. */
typedef struct
{
  char *id;
  char *name;
} L4aChoice;

void             l4a_choice_free                    (L4aChoice   *choice);
GPtrArray       *l4a_monitoring_partner_governments (L4aStore    *store,
                                                     const char  *hub_id);
GPtrArray       *l4a_monitoring_find_hubs           (L4aStore    *store,
                                                     const char  *text,
                                                     const char  *except_id,
                                                     guint        limit);
char            *l4a_monitoring_hub_name            (L4aStore    *store,
                                                     const char  *hub_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aDeliverable, l4a_deliverable_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aDeliverableChange, l4a_deliverable_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aNetworkEvent, l4a_network_event_free)

G_END_DECLS
