/* l4a-accessible.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button with a label after both the label property it sets
 * from the raw label and the label widget it is labelled by, so a screen
 * reader says "_Submit Submit". Dropping the label property leaves the name
 * to the label widget, which reads "Submit".
 */

#include "config.h"

#include "l4a-accessible.h"

/**
 * l4a_mnemonic_strip:
 *
 * Returns: (transfer full): @mnemonic without its mnemonic marks; a doubled
 *   underscore stays one underscore
 */
char *
l4a_mnemonic_strip (const char *mnemonic)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = mnemonic; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

/**
 * l4a_accessible_fix_button_names:
 *
 * Leaves the name of @root and of every button with a mnemonic label inside
 * it to its label widget (see above).
 */
void
l4a_accessible_fix_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    l4a_accessible_fix_button_names (child);
}

/**
 * l4a_remove_button_new:
 * @label: what the button does, said in its tooltip and as its name to
 *   assistive technologies (“Remove Measurement”)
 *
 * Returns: a flat button with a bin, centred in its row
 */
GtkWidget *
l4a_remove_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

GtkWidget *
l4a_button_new_with_mnemonic (const char *mnemonic)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  l4a_accessible_fix_button_names (button);
  return button;
}

GtkWidget *
l4a_toggle_button_new_with_mnemonic (const char *mnemonic)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (mnemonic);

  l4a_accessible_fix_button_names (button);
  return button;
}

/**
 * l4a_accessible_present:
 *
 * Presents @window, a dialog whose buttons were made by libadwaita or by
 * a builder file, once their names are fixed (see above).
 */
void
l4a_accessible_present (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  l4a_accessible_fix_button_names (GTK_WIDGET (window));
  gtk_window_present (window);
}

/**
 * l4a_window_add_close_shortcuts:
 *
 * Escape and Ctrl+W close @window, as in every other secondary window.
 */
void
l4a_window_add_close_shortcuts (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_w, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Asked when the tooltip would show, not set as the text changes: setting a
 * tooltip while a list binds a row asks the display where the pointer is,
 * a round trip per row while scrolling. */
static gboolean
cut_query_tooltip_cb (GtkWidget  *label,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * l4a_label_tooltip_when_cut:
 *
 * A label that may be cut short (ellipsized) says itself whole in a
 * tooltip, when it is cut.
 */
void
l4a_label_tooltip_when_cut (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cut_query_tooltip_cb), NULL);
}

/* An inscription keeps its layout to itself: its text is laid out again,
 * once, when the pointer rests on it. */
static gboolean
inscription_query_tooltip_cb (GtkWidget  *inscription,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  layout = gtk_widget_create_pango_layout (inscription, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (inscription))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * l4a_inscription_new_for_cell:
 * @nat_chars: how many characters wide the cell would like to be
 *
 * The text of a list's cell: one line, cut short at its end, whose size
 * does not depend on its text (a list does not measure its rows again as
 * they scroll by), and which says itself whole in a tooltip when cut.
 * Its accessible name is its text.
 */
GtkWidget *
l4a_inscription_new_for_cell (guint nat_chars)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), nat_chars);
  /* one line high, centred by its cell: GTK 4.8 puts a text it cut short
   * at the top of the inscription, and one it did not in its middle, so
   * in a taller inscription the cut names stood higher than their row */
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (inscription_query_tooltip_cb), NULL);
  return inscription;
}

/**
 * l4a_inscription_set_text:
 *
 * Shows @text in a cell made by l4a_inscription_new_for_cell(), and names
 * the cell by it for assistive technologies.
 */
void
l4a_inscription_set_text (GtkWidget  *inscription,
                          const char *text)
{
  g_return_if_fail (GTK_IS_INSCRIPTION (inscription));

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (inscription), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
}
