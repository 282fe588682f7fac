/* l4a-audit-window.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-audit-log.h"
#include "l4a-context.h"

G_BEGIN_DECLS

#define L4A_TYPE_AUDIT_WINDOW (l4a_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (L4aAuditWindow, l4a_audit_window, L4A, AUDIT_WINDOW, AdwWindow)

L4aAuditWindow *l4a_audit_window_new      (L4aContext     *context,
                                           GError        **error);

G_END_DECLS
