/* l4a-mail.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     l4a_mail_compose        (GtkWindow           *parent,
                                  const char * const  *addresses,
                                  const char          *subject,
                                  const char          *body,
                                  const char * const  *attachments,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean l4a_mail_compose_finish (GAsyncResult        *result,
                                  GError             **error);

char    *l4a_mail_compose_problem (GAsyncResult       *result);

void     l4a_open_file           (GtkWindow           *parent,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
char    *l4a_open_file_problem   (GAsyncResult        *result);

G_END_DECLS
