/* l4a-toast.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Toasts that say a text as it is: a toast's title is Pango markup, and
 * what the application says in one often carries what people typed or
 * named (a hub called “R&D <Lab>”, a file “a & b.json”, a message naming
 * a record), which would otherwise be read as markup, shown wrong or not
 * at all.
 */

#include "config.h"

#include "l4a-toast.h"

/**
 * l4a_toast_new:
 * @text: what the toast says, plain text
 *
 * Returns: (transfer full): a toast saying @text as it is
 */
AdwToast *
l4a_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  return adw_toast_new (escaped);
}

/**
 * l4a_toast_show:
 * @widget: a widget inside the toast overlay to show it in
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest toast overlay around @widget; where there is
 * none, the toast is dropped.
 *
 * Returns: whether @toast was shown
 */
gboolean
l4a_toast_show (GtkWidget *widget,
                AdwToast  *toast)
{
  GtkWidget *overlay = widget ? gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) : NULL;

  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return FALSE;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

/**
 * l4a_toast_say:
 *
 * Says @text, as it is, in a toast of the nearest toast overlay around
 * @widget.
 *
 * Returns: whether there was an overlay to say it in
 */
gboolean
l4a_toast_say (GtkWidget  *widget,
               const char *text)
{
  return l4a_toast_show (widget, l4a_toast_new (text));
}
