/* l4a-measurements-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-measurements-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-measurement-list.h"
#include "l4a-measurements-window.h"
#include "l4a-rows.h"
#include "l4a-toast.h"

/* Every measurement of an indicator, newest first, however many there are
 * (an indicator card lists the newest few): an L4aMeasurementList, read a
 * page at a time and kept in line with what is written. Where the
 * measurements may be changed, a row opens its measurement's dialog and
 * its button removes it: the indicators view does both, told by the
 * "change-measurement" and "remove-measurement" signals. */
struct _L4aMeasurementsWindow
{
  AdwWindow           parent_instance;

  L4aMeasurementList *list;
  char               *unit;
  gboolean            editable;

  AdwWindowTitle     *window_title;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (L4aMeasurementsWindow, l4a_measurements_window, ADW_TYPE_WINDOW)

enum {
  CHANGE_MEASUREMENT,
  REMOVE_MEASUREMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
count_changed_cb (L4aMeasurementsWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measurement", "%u measurements", n),
                                            n);

  adw_window_title_set_subtitle (self->window_title, count);
}

static void
failed_cb (L4aMeasurementsWindow *self,
           const char            *reason)
{
  /* translators: %s says why (the database's words) */
  g_autofree char *message = g_strdup_printf (_("The measurements cannot be read: %s"), reason);

  l4a_toast_say (GTK_WIDGET (self->list_view), message);
}

static void
activate_cb (L4aMeasurementsWindow *self,
             guint                  position)
{
  g_autoptr(L4aMeasurement) measurement = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (self->editable && measurement != NULL && measurement->id != NULL)
    g_signal_emit (self, signals[CHANGE_MEASUREMENT], 0, measurement);
}

static void
remove_clicked_cb (GtkButton   *button,
                   GtkListItem *item)
{
  L4aMeasurement *measurement = gtk_list_item_get_item (item);
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (button), L4A_TYPE_MEASUREMENTS_WINDOW);

  if (self != NULL && measurement != NULL && measurement->id != NULL)
    g_signal_emit (self, signals[REMOVE_MEASUREMENT], 0, measurement);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          L4aMeasurementsWindow    *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle;
  GtkWidget *texts = l4a_rows_texts_new (title, &subtitle);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "numeric");
  gtk_box_append (GTK_BOX (row), texts);
  if (self->editable)
    {
      GtkWidget *remove = l4a_remove_button_new (_("Remove Measurement"));

      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), item);
      gtk_box_append (GTK_BOX (row), remove);
    }
  gtk_list_item_set_activatable (item, self->editable);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         L4aMeasurementsWindow    *self)
{
  L4aMeasurement *measurement = gtk_list_item_get_item (item);
  GtkWidget *texts = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *title = gtk_widget_get_first_child (texts);
  g_autofree char *value = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;

  if (measurement->measured_on == NULL)
    {
      /* gone since the list was read: empty until the list changes */
      gtk_label_set_label (GTK_LABEL (title), "");
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), "");
      return;
    }
  l4a_measurement_describe (measurement, self->unit, &value, &day);
  /* a note is shown whole, under the day */
  subtitle = measurement->note != NULL && *measurement->note != '\0'
             ? g_strdup_printf ("%s\n%s", day, measurement->note) : g_strdup (day);
  gtk_label_set_label (GTK_LABEL (title), value);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), subtitle);
}

/**
 * l4a_measurements_window_get_list:
 *
 * Returns: (transfer none): the measurements the window lists
 */
GListModel *
l4a_measurements_window_get_list (L4aMeasurementsWindow *self)
{
  g_return_val_if_fail (L4A_IS_MEASUREMENTS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->list);
}

static void
l4a_measurements_window_dispose (GObject *object)
{
  L4aMeasurementsWindow *self = (L4aMeasurementsWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_MEASUREMENTS_WINDOW);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (l4a_measurements_window_parent_class)->dispose (object);
}

static void
l4a_measurements_window_finalize (GObject *object)
{
  L4aMeasurementsWindow *self = (L4aMeasurementsWindow *)object;

  g_free (self->unit);

  G_OBJECT_CLASS (l4a_measurements_window_parent_class)->finalize (object);
}

static void
l4a_measurements_window_class_init (L4aMeasurementsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_measurements_window_dispose;
  object_class->finalize = l4a_measurements_window_finalize;

  /**
   * L4aMeasurementsWindow::change-measurement:
   * @measurement: the measurement whose row was activated
   */
  signals[CHANGE_MEASUREMENT] = g_signal_new ("change-measurement", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, L4A_TYPE_MEASUREMENT);
  /**
   * L4aMeasurementsWindow::remove-measurement:
   * @measurement: the measurement whose remove button was clicked
   */
  signals[REMOVE_MEASUREMENT] = g_signal_new ("remove-measurement", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, L4A_TYPE_MEASUREMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-measurements-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aMeasurementsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, L4aMeasurementsWindow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
l4a_measurements_window_init (L4aMeasurementsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_window_add_close_shortcuts (GTK_WINDOW (self));
}

/**
 * l4a_measurements_window_new:
 * @indicator: the indicator whose measurements are listed
 * @editable: whether rows open their measurement's dialog and have a
 *   remove button
 *
 * Returns: (transfer full) (nullable): the window, or %NULL with @error
 *   set if the measurements cannot be read
 */
L4aMeasurementsWindow *
l4a_measurements_window_new (L4aContext        *context,
                             L4aIndicatorEdit  *indicator,
                             gboolean           editable,
                             GError           **error)
{
  g_autoptr(L4aMeasurementList) list = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  L4aMeasurementsWindow *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (indicator != NULL && indicator->id != NULL, NULL);

  list = l4a_measurement_list_new (context, indicator->id, error);
  if (list == NULL)
    return NULL;
  self = g_object_new (L4A_TYPE_MEASUREMENTS_WINDOW, NULL);
  self->list = g_steal_pointer (&list);
  self->unit = g_strdup (indicator->unit);
  self->editable = editable;
  adw_window_title_set_title (self->window_title, indicator->name);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)))));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (count_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
  count_changed_cb (self);
  return self;
}
