/* l4a-date-button.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date is typed as 2026-06-30 or chosen in a calendar: a flat button
 * beside the field opens a calendar on the day typed (or today), and the
 * day chosen is written into the field, which stays the one source of the
 * value.
 */

#define G_LOG_DOMAIN "l4a-date-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "l4a-date-button.h"
#include "l4a-labels.h"

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkEditable *target)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (target, text);
  if (popover)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
calendar_shown_cb (GtkWidget   *popover,
                   GtkEditable *target)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  GDate date;

  /* the calendar opens on the day typed, or today */
  if (l4a_parse_date (gtk_editable_get_text (target), &date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                        g_date_get_day (&date), 12, 0, 0);

      g_signal_handlers_block_by_func (calendar, day_selected_cb, target);
      gtk_calendar_select_day (calendar, day);
      g_signal_handlers_unblock_by_func (calendar, day_selected_cb, target);
    }
}

/**
 * l4a_date_button_new:
 * @target: the field that holds the date as YYYY-MM-DD
 * @what: what the date is, e.g. "Starts", for the button's name
 *
 * Returns: (transfer floating): a button that opens a calendar and writes
 *   the chosen day into @target
 */
GtkWidget *
l4a_date_button_new (GtkEditable *target,
                     const char  *what)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  /* translators: %s is what the date is, e.g. Starts */
  g_autofree char *label = g_strdup_printf (_("Choose “%s” in a Calendar"), what);

  g_return_val_if_fail (GTK_IS_EDITABLE (target), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), target, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_shown_cb), target, 0);
  return button;
}

/**
 * l4a_date_row_add_button:
 * @entry_row: an #AdwEntryRow holding a date
 * @what: what the date is
 *
 * Puts a calendar button at the end of @entry_row.
 *
 * Returns: (transfer none): the button
 */
GtkWidget *
l4a_date_row_add_button (GtkWidget  *entry_row,
                         const char *what)
{
  GtkWidget *button;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (entry_row), NULL);

  button = l4a_date_button_new (GTK_EDITABLE (entry_row), what);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry_row), button);
  gtk_widget_set_tooltip_text (entry_row, _("A date such as 2026-06-30"));
  return button;
}
