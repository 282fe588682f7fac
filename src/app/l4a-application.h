/* l4a-application.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "l4a-context.h"
#include "l4a-inbox-watch.h"

G_BEGIN_DECLS

#define L4A_TYPE_APPLICATION (l4a_application_get_type ())

G_DECLARE_FINAL_TYPE (L4aApplication, l4a_application, L4A, APPLICATION, AdwApplication)

L4aApplication *l4a_application_new            (const char     *database_path);
const char     *l4a_application_get_database_path (L4aApplication *self);
void            l4a_application_act_as         (L4aApplication *self,
                                                const char     *role,
                                                const char     *identity);
void            l4a_settings_act_as            (GSettings      *settings,
                                                const char     *role,
                                                const char     *identity);
L4aStore       *l4a_application_get_store      (L4aApplication *self);
L4aContext     *l4a_application_get_context    (L4aApplication *self);
GSettings      *l4a_application_get_settings   (L4aApplication *self);
gboolean        l4a_application_open_store     (L4aApplication *self,
                                                GError        **error);

L4aInboxWatch  *l4a_application_get_inbox (L4aApplication *self);

G_END_DECLS
