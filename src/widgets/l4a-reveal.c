/* l4a-reveal.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "l4a-reveal.h"

/* Once it has slid away, the revealer leaves the window. */
static void
child_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

/**
 * l4a_reveal:
 *
 * Slides in the child of @revealer, or out; a revealer that is closed is
 * not in the window at all (make it invisible in its template). A closed
 * revealer that stays visible has its child measured at every layout, and
 * a banner's wrapped text, a map and its legend cost the first frame
 * several milliseconds for nothing.
 */
void
l4a_reveal (GtkRevealer *revealer,
            gboolean     reveal)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  if (g_signal_handler_find (revealer, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, child_revealed_cb, NULL) == 0)
    g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (child_revealed_cb), NULL);
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, reveal);
}
