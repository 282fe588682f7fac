/* l4a-letter.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "l4a-store.h"

G_BEGIN_DECLS

const char *l4a_letter_language_for (const char  *country);
char       *l4a_letter_contact      (L4aStore    *store,
                                     const char  *proposal_id);
gboolean    l4a_letter_write        (L4aStore    *store,
                                     const char  *proposal_id,
                                     const char  *language,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
