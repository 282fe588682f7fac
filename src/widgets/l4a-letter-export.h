/* l4a-letter-export.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "l4a-store.h"

G_BEGIN_DECLS

/* @owner: the window that asked, if it is still there */
typedef void (*L4aLetterDone) (GObject    *owner,
                               const char *path,
                               const char *error_message);

char *l4a_program_path        (void);
void l4a_letter_export_choose (GtkWindow     *parent,
                               L4aStore      *store,
                               const char    *proposal_id,
                               GObject       *owner,
                               L4aLetterDone  done);
void l4a_letter_export_to     (L4aStore      *store,
                               const char    *proposal_id,
                               const char    *path,
                               GObject       *owner,
                               L4aLetterDone  done);

G_END_DECLS
