/* l4a-chart-card.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart with its title, a Show Data switch that puts the same data in a
 * table in its place, an Export menu (PNG at one or two times the size,
 * SVG, PDF), and for an indicator the verdict in words under it.
 */

#define G_LOG_DOMAIN "l4a-chart-card"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-chart-card.h"
#include "l4a-toast.h"

/* The size of an exported chart, in pixels (points for PDF). */
#define EXPORT_WIDTH  960
#define EXPORT_HEIGHT 540

struct _L4aChartCard
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkLabel        *title;
  GtkToggleButton *data_button;
  GtkStack        *stack;
  L4aChartView    *view;
  GtkGrid         *table;
  GtkColumnView   *long_table;   /* a table of more rows than a grid should hold */
  GtkWidget       *scrolled;
  GtkLabel        *verdict;
  GtkBox          *footer;
  GtkBox          *header;
  double           export_scale;  /* of the export being chosen */
};

G_DEFINE_FINAL_TYPE (L4aChartCard, l4a_chart_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TABLE_MAX_HEIGHT 420  /* a longer table scrolls within the card */
#define GRID_MAX_ROWS 200     /* beyond, the table's rows are made as they scroll by */

/* A row of a long data table, its texts made when the row is first shown. */
#define L4A_TYPE_TABLE_ROW (l4a_table_row_get_type ())
G_DECLARE_FINAL_TYPE (L4aTableRow, l4a_table_row, L4A, TABLE_ROW, GObject)

struct _L4aTableRow
{
  GObject  parent_instance;
  GStrv    cells;
};

G_DEFINE_FINAL_TYPE (L4aTableRow, l4a_table_row, G_TYPE_OBJECT)

static void
l4a_table_row_finalize (GObject *object)
{
  g_strfreev (L4A_TABLE_ROW (object)->cells);
  G_OBJECT_CLASS (l4a_table_row_parent_class)->finalize (object);
}

static void
l4a_table_row_class_init (L4aTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = l4a_table_row_finalize;
}

static void
l4a_table_row_init (L4aTableRow *self)
{
}

/* The rows of a chart's data table, however many: each made when asked. */
#define L4A_TYPE_TABLE_ROWS (l4a_table_rows_get_type ())
G_DECLARE_FINAL_TYPE (L4aTableRows, l4a_table_rows, L4A, TABLE_ROWS, GObject)

struct _L4aTableRows
{
  GObject   parent_instance;
  L4aChart *chart;  /* the card's; the rows go before the chart does */
  guint     n;
};

static GType
table_rows_get_item_type (GListModel *model)
{
  return L4A_TYPE_TABLE_ROW;
}

static guint
table_rows_get_n_items (GListModel *model)
{
  return L4A_TABLE_ROWS (model)->n;
}

static gpointer
table_rows_get_item (GListModel *model,
                     guint       position)
{
  L4aTableRows *self = L4A_TABLE_ROWS (model);
  L4aTableRow *row;

  if (position >= self->n)
    return NULL;
  row = g_object_new (L4A_TYPE_TABLE_ROW, NULL);
  row->cells = l4a_chart_table_row (self->chart, position);
  return row;
}

static void
table_rows_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = table_rows_get_item_type;
  iface->get_n_items = table_rows_get_n_items;
  iface->get_item = table_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (L4aTableRows, l4a_table_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, table_rows_iface_init))

static void
l4a_table_rows_class_init (L4aTableRowsClass *klass)
{
}

static void
l4a_table_rows_init (L4aTableRows *self)
{
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (column) == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  column)
{
  L4aTableRow *row = gtk_list_item_get_item (item);
  guint c = GPOINTER_TO_UINT (column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       row->cells != NULL && c < g_strv_length (row->cells) ? row->cells[c] : "");
}

/* The table of a line of many points: a column view whose rows are made as
 * they scroll by. */
static void
fill_long_table (L4aChartCard *self,
                 L4aChart     *chart)
{
  g_auto(GStrv) heading = l4a_chart_table_heading (chart);
  g_autoptr(L4aTableRows) rows = g_object_new (L4A_TYPE_TABLE_ROWS, NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  GListModel *columns;

  rows->chart = chart;
  rows->n = l4a_chart_table_n_rows (chart);
  columns = gtk_column_view_get_columns (self->long_table);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->long_table, column);
    }
  for (guint c = 0; heading[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (heading[c], factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->long_table, column);
      g_object_unref (column);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->long_table, GTK_SELECTION_MODEL (selection));
}

static void
fill_table (L4aChartCard *self)
{
  L4aChart *chart = l4a_chart_view_get_chart (self->view);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  gtk_column_view_set_model (self->long_table, NULL);
  if (chart == NULL)
    return;
  if (l4a_chart_table_n_rows (chart) > GRID_MAX_ROWS)
    {
      {
        /* translators: the name of a chart's data table; %s is the chart's title */
        g_autofree char *name = g_strdup_printf (_("Data of “%s”"), chart->title ? chart->title : "");

        gtk_accessible_update_property (GTK_ACCESSIBLE (self->long_table), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      fill_long_table (self, chart);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->long_table));
      return;
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->table));

  {
    /* translators: the name of a chart's data table; %s is the chart's title */
    g_autofree char *name = g_strdup_printf (_("Data of “%s”"), chart->title ? chart->title : "");

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  rows = l4a_chart_table (chart);
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), c == 0 ? 40 : 24);
          if (r == 0)
            gtk_widget_add_css_class (label, "heading");
          else
            gtk_widget_add_css_class (label, "numeric");
          gtk_grid_attach (self->table, label, (int) c, (int) r, 1, 1);
        }
    }
}

static void
data_toggled_cb (L4aChartCard *self)
{
  gboolean show = gtk_toggle_button_get_active (self->data_button);

  if (show)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->scrolled);
      int natural = 0;

      fill_table (self);
      /* a card laid out at its minimum height keeps the whole table, up to
       * the scrolled window's limit, rather than two rows of it */
      if (gtk_scrolled_window_get_child (scrolled) == GTK_WIDGET (self->long_table))
        natural = TABLE_MAX_HEIGHT;
      else
        gtk_widget_measure (GTK_WIDGET (self->table), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      gtk_scrolled_window_set_min_content_height (scrolled, -1);
      gtk_scrolled_window_set_min_content_height (scrolled, MIN (natural, TABLE_MAX_HEIGHT));
    }
  gtk_stack_set_visible_child_name (self->stack, show ? "data" : "chart");
}

void
l4a_chart_card_show_data (L4aChartCard *self,
                          gboolean      show)
{
  g_return_if_fail (L4A_IS_CHART_CARD (self));

  gtk_toggle_button_set_active (self->data_button, show);
}

gboolean
l4a_chart_card_get_showing_data (L4aChartCard *self)
{
  g_return_val_if_fail (L4A_IS_CHART_CARD (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "data") == 0;
}

/**
 * l4a_chart_card_export:
 * @path: ends in .png, .svg or .pdf
 *
 * Writes the chart for a report: light colours, with its title.
 */
gboolean
l4a_chart_card_export (L4aChartCard  *self,
                       const char    *path,
                       double         scale,
                       GError       **error)
{
  L4aChart *chart = l4a_chart_view_get_chart (self->view);
  L4aChartStyle style;

  g_return_val_if_fail (L4A_IS_CHART_CARD (self), FALSE);

  if (chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no chart to export."));
      return FALSE;
    }
  l4a_chart_style_init (&style, FALSE, FALSE);
  return l4a_chart_export (chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, scale, &style, error);
}

/* A toast in the window's overlay, or a dialog where there is none. */
static void
say (L4aChartCard *self,
     const char   *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!l4a_toast_say (GTK_WIDGET (self), text))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                               : NULL, text, NULL));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      l4a_accessible_present (GTK_WINDOW (dialog));
    }
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    L4aChartCard    *self)
{
  double scale = self->export_scale;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && l4a_chart_card_export (self, path, MAX (scale, 1), &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          /* translators: a file name */
          g_autofree char *text = g_strdup_printf (_("Chart saved as “%s”"), name);

          say (self, text);
        }
      else if (error != NULL)
        say (self, error->message);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aChartCard *self = L4A_CHART_CARD (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  L4aChart *chart = l4a_chart_view_get_chart (self->view);
  const char *extension = g_str_has_prefix (format, "png") ? "png" : format;
  g_autofree char *name = g_strdup_printf ("%s.%s", chart && chart->name ? chart->name : "chart", extension);
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  self->export_scale = g_str_equal (format, "png2") ? 2 : 1;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * l4a_chart_card_set_chart:
 * @chart: (transfer full) (nullable): the chart
 */
void
l4a_chart_card_set_chart (L4aChartCard *self,
                          L4aChart     *chart)
{
  g_return_if_fail (L4A_IS_CHART_CARD (self));

  gtk_label_set_label (self->title, chart && chart->title ? chart->title : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict), "l4a-warning-text");
  if (chart != NULL && chart->kind == L4A_CHART_PROGRESS && chart->verdict_text != NULL)
    {
      gtk_label_set_label (self->verdict, chart->verdict_text);
      if (chart->verdict == L4A_VERDICT_ON_TRACK || chart->verdict == L4A_VERDICT_REACHED)
        gtk_widget_add_css_class (GTK_WIDGET (self->verdict), "success");
      else if (chart->verdict == L4A_VERDICT_OFF_TRACK)
        gtk_widget_add_css_class (GTK_WIDGET (self->verdict), "l4a-warning-text");
      gtk_widget_set_visible (GTK_WIDGET (self->verdict), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->verdict), FALSE);
  /* the long table's rows read the chart: let go of it first */
  gtk_column_view_set_model (self->long_table, NULL);
  l4a_chart_view_set_chart (self->view, chart);
  if (gtk_toggle_button_get_active (self->data_button))
    fill_table (self);
}

L4aChartView *
l4a_chart_card_get_view (L4aChartCard *self)
{
  g_return_val_if_fail (L4A_IS_CHART_CARD (self), NULL);

  return self->view;
}

/**
 * l4a_chart_card_get_footer:
 *
 * Returns: (transfer none): a box under the chart for what goes with it
 */
GtkWidget *
l4a_chart_card_get_footer (L4aChartCard *self)
{
  g_return_val_if_fail (L4A_IS_CHART_CARD (self), NULL);

  return GTK_WIDGET (self->footer);
}

/**
 * l4a_chart_card_add_button:
 * @button: a flat button for the header, before Show Data
 */
void
l4a_chart_card_add_button (L4aChartCard *self,
                           GtkWidget    *button)
{
  g_return_if_fail (L4A_IS_CHART_CARD (self));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_insert_child_after (self->header, button, GTK_WIDGET (self->title));
}

GtkWidget *
l4a_chart_card_new (int height)
{
  return g_object_new (L4A_TYPE_CHART_CARD, "chart-height", height, NULL);
}

static void
l4a_chart_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  L4aChartCard *self = L4A_CHART_CARD (object);
  int height;

  switch (prop_id)
    {
    case PROP_CHART_HEIGHT:
      gtk_widget_get_size_request (GTK_WIDGET (self->view), NULL, &height);
      g_value_set_int (value, height);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_chart_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  L4aChartCard *self = L4A_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART_HEIGHT:
      gtk_widget_set_size_request (GTK_WIDGET (self->view), 240, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_chart_card_dispose (GObject *object)
{
  L4aChartCard *self = (L4aChartCard *)object;

  if (self->long_table != NULL)
    gtk_column_view_set_model (self->long_table, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->table);
  g_clear_object (&self->long_table);

  G_OBJECT_CLASS (l4a_chart_card_parent_class)->dispose (object);
}

static void
l4a_chart_card_class_init (L4aChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_chart_card_dispose;
  object_class->get_property = l4a_chart_card_get_property;
  object_class->set_property = l4a_chart_card_set_property;

  /**
   * L4aChartCard:chart-height:
   *
   * The least height of the chart, in pixels.
   */
  properties[PROP_CHART_HEIGHT] = g_param_spec_int ("chart-height", NULL, NULL, 0, G_MAXINT, 200,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
}

static void
l4a_chart_card_init (L4aChartCard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *export = gtk_menu_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  self->box = box;
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  self->header = GTK_BOX (header);

  /* an icon, so that the title keeps the width of a phone */
  self->data_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->data_button), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->data_button), _("Show Data"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->data_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Data"),
                                  -1);
  gtk_widget_set_valign (GTK_WIDGET (self->data_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->data_button), "flat");
  g_signal_connect_swapped (self->data_button, "toggled", G_CALLBACK (data_toggled_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->data_button));

  g_menu_append (menu, _("PNG Image"), "chart.export::png");
  g_menu_append (menu, _("PNG Image, Double Size"), "chart.export::png2");
  g_menu_append (menu, _("SVG Drawing"), "chart.export::svg");
  g_menu_append (menu, _("PDF Document"), "chart.export::pdf");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export), "document-save-symbolic");
  gtk_widget_set_tooltip_text (export, _("Export Chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Chart"), -1);
  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (export, "flat");
  gtk_box_append (GTK_BOX (header), export);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  self->view = L4A_CHART_VIEW (l4a_chart_view_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->view), "chart");
  /* a table for screen readers too, named after its chart */
  self->table = GTK_GRID (g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE, NULL));
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 6);
  g_object_ref_sink (self->table);  /* the card's, whichever table is shown */
  self->long_table = GTK_COLUMN_VIEW (g_object_ref_sink (gtk_column_view_new (NULL)));
  gtk_widget_add_css_class (GTK_WIDGET (self->long_table), "data-table");
  self->scrolled = scrolled;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), TABLE_MAX_HEIGHT);
  gtk_stack_add_named (self->stack, scrolled, "data");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->verdict = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->verdict, TRUE);
  gtk_label_set_xalign (self->verdict, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->verdict));

  self->footer = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->footer));
}
