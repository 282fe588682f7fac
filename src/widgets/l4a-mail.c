/* l4a-mail.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mail through the desktop's Email portal (libportal): the user's own
 * mail client opens with the addresses, the subject, the text and the
 * files filled in, and sends nothing until the user does. In a Flatpak no
 * other way reaches the mail client; outside one the portal does the
 * same.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libportal/portal.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "l4a-mail.h"

/* One portal call, as a task whose source tag says which: it finishes
 * when the portal answers. */
static void
portal_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = g_task_get_source_tag (task) == l4a_open_file
                  ? xdp_portal_open_uri_finish (XDP_PORTAL (source), result, &error)
                  : xdp_portal_compose_email_finish (XDP_PORTAL (source), result, &error);

  if (!done)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The task of a portal call made for @parent; the portal object lives as
 * long as the call. @xdp_parent is for the call, to free after it. */
static GTask *
portal_task_new (GtkWindow            *parent,
                 gpointer              source_tag,
                 XdpPortal           **portal,
                 XdpParent           **xdp_parent,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  *portal = xdp_portal_new ();
  *xdp_parent = parent ? xdp_parent_new_gtk (parent) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, *portal, g_object_unref);
  return task;
}

/* What to tell the user when the portal call of @result failed; %NULL when
 * it went through or the user cancelled it. */
static char *
portal_problem (GAsyncResult *result,
                const char   *format)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (g_task_propagate_boolean (G_TASK (result), &error) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  return g_strdup_printf (format, error->message);
}

/**
 * l4a_mail_compose:
 * @parent: (nullable): the window the composer belongs to
 * @addresses: (nullable): the recipients
 * @attachments: (nullable): paths of the files to attach
 *
 * Opens the user's mail client on a new message; finishes when the
 * composer is closed (an error of %G_IO_ERROR_CANCELLED when the user
 * cancelled it).
 */
void
l4a_mail_compose (GtkWindow           *parent,
                  const char * const  *addresses,
                  const char          *subject,
                  const char          *body,
                  const char * const  *attachments,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  XdpPortal *portal;
  XdpParent *xdp_parent;
  GTask *task = portal_task_new (parent, l4a_mail_compose, &portal, &xdp_parent, cancellable, callback, user_data);

  xdp_portal_compose_email (portal, xdp_parent, addresses != NULL && addresses[0] != NULL ? addresses : NULL,
                            NULL, NULL, subject, body,
                            attachments != NULL && attachments[0] != NULL ? attachments : NULL,
                            XDP_EMAIL_FLAG_NONE, cancellable, portal_done_cb, task);
  if (xdp_parent != NULL)
    xdp_parent_free (xdp_parent);
}

gboolean
l4a_mail_compose_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * l4a_mail_compose_problem:
 *
 * Finishes l4a_mail_compose() for a window that only tells what went wrong.
 *
 * Returns: (transfer full) (nullable): what to tell the user when the
 *   mail client could not be opened; %NULL when it was, or when the user
 *   closed the composer
 */
char *
l4a_mail_compose_problem (GAsyncResult *result)
{
  return portal_problem (result, _("The mail client cannot be opened: %s"));
}

/**
 * l4a_open_file:
 * @parent: (nullable): the window asking
 * @file: a local file
 *
 * Opens @file in the application the user chose for its type, through the
 * desktop's OpenURI portal (the way out of a Flatpak, and the desktop's own
 * choice outside one); the user may be asked which application to use.
 */
void
l4a_open_file (GtkWindow           *parent,
               GFile               *file,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autofree char *uri = g_file_get_uri (file);
  XdpPortal *portal;
  XdpParent *xdp_parent;
  GTask *task = portal_task_new (parent, l4a_open_file, &portal, &xdp_parent, cancellable, callback, user_data);

  xdp_portal_open_uri (portal, xdp_parent, uri, XDP_OPEN_URI_FLAG_ASK, cancellable, portal_done_cb, task);
  if (xdp_parent != NULL)
    xdp_parent_free (xdp_parent);
}

/**
 * l4a_open_file_problem:
 *
 * Returns: (transfer full) (nullable): what to tell the user when the file
 *   could not be opened; %NULL when it was, or the user cancelled
 */
char *
l4a_open_file_problem (GAsyncResult *result)
{
  return portal_problem (result, _("The file cannot be opened: %s"));
}
