/* l4a-audit-log.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_AUDIT_ITEM (l4a_audit_item_get_type ())

G_DECLARE_FINAL_TYPE (L4aAuditItem, l4a_audit_item, L4A, AUDIT_ITEM, GObject)

gint64      l4a_audit_item_get_seq     (L4aAuditItem *self);
const char *l4a_audit_item_get_title   (L4aAuditItem *self);
const char *l4a_audit_item_get_who     (L4aAuditItem *self);
const char *l4a_audit_item_get_when    (L4aAuditItem *self);
const char *l4a_audit_item_get_details (L4aAuditItem *self);

#define L4A_TYPE_AUDIT_LOG (l4a_audit_log_get_type ())

G_DECLARE_FINAL_TYPE (L4aAuditLog, l4a_audit_log, L4A, AUDIT_LOG, GObject)

L4aAuditLog *l4a_audit_log_new                 (L4aContext           *context,
                                                GError              **error);
void         l4a_audit_log_set_filter          (L4aAuditLog          *self,
                                                const char           *record_type,
                                                const char           *actor,
                                                const char           *action);
guint        l4a_audit_log_count_all           (L4aAuditLog          *self);
gboolean     l4a_audit_log_is_whole            (L4aAuditLog          *self);
GPtrArray   *l4a_audit_log_dup_choices         (L4aAuditLog          *self,
                                                const char           *column);
void         l4a_audit_log_read_choices_async  (L4aAuditLog          *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     l4a_audit_log_read_choices_finish (L4aAuditLog          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
