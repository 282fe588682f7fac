/* l4a-bind.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GBinding *l4a_bind_text   (gpointer            object,
                           const char         *property,
                           gpointer            editable);
GBinding *l4a_bind_text_buffer (gpointer       object,
                                const char    *property,
                                GtkTextBuffer *buffer);
GBinding *l4a_bind_choice (gpointer            object,
                           const char         *property,
                           AdwComboRow        *row,
                           const char * const *values,
                           guint               n_values,
                           gboolean            none);

GListModel *l4a_enum_labels_model  (GType        enum_type);
void        l4a_combo_row_set_enum (AdwComboRow *row,
                                    GType        enum_type);

G_END_DECLS
