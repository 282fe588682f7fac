/* l4a-measurement-list.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-context.h"
#include "l4a-lazy-list.h"

G_BEGIN_DECLS

#define L4A_TYPE_MEASUREMENT_LIST (l4a_measurement_list_get_type ())

G_DECLARE_FINAL_TYPE (L4aMeasurementList, l4a_measurement_list, L4A, MEASUREMENT_LIST, L4aLazyList)

L4aMeasurementList *l4a_measurement_list_new           (L4aContext          *context,
                                                        const char          *indicator_id,
                                                        GError             **error);
const char         *l4a_measurement_list_get_indicator (L4aMeasurementList  *self);

G_END_DECLS
