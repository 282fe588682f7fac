/* l4a-hubs-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hubs-view"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-permissions.h"
#include "l4a-accessible.h"
#include "l4a-csv.h"
#include "l4a-governments-window.h"
#include "l4a-hub.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-editor.h"
#include "l4a-hub-page.h"
#include "l4a-hub-query.h"
#include "l4a-hubs-view.h"
#include "l4a-links.h"
#include "l4a-labels.h"
#include "l4a-map.h"
#include "l4a-map-view.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-sample.h"
#include "l4a-cell-text.h"
#include "l4a-reveal.h"
#include "l4a-sdg-chips.h"
#include "l4a-toast.h"

/* The registry: every hub in a table (cards when narrow), found by words,
 * narrowed by filters shown as removable chips, sorted by any column (kept
 * between runs), and on a world map; each hub opens in a page of its own.
 * The list is the view's own #L4aHubQuery over the context: it searches,
 * filters, sorts and counts in SQLite and reads the hubs on screen only,
 * so that 100 000 hubs cost what is on screen. */

enum {
  DROP_REGION,
  DROP_COUNTRY,
  DROP_AXIS,
  DROP_STATUS,
  DROP_FORMAT,
  DROP_YEAR,
  DROP_COUNCIL,
  N_DROPS
};

struct _L4aHubsView
{
  AdwBin              parent_instance;

  L4aContext         *context;
  L4aStore           *store;   /* the context's main connection */
  GSettings          *settings;
  L4aHubQuery        *hubs;    /* what the view shows; NULL before a context */
  GListModel         *empty;   /* shown before a context */
  GtkSliceListModel  *slice;   /* the first screenful until the first frame, then all */
  gboolean            first_screen;
  L4aHubFilter       *filter;
  GtkColumnViewColumn *columns[L4A_HUB_N_SORTS];
  GtkDropDown        *drops[N_DROPS];
  GPtrArray          *drop_codes[N_DROPS];
  GtkToggleButton    *sdg_filter_buttons[L4A_N_SDGS + 1];
  GPtrArray          *history;
  char               *undo_snapshot;
  char               *undo_id;
  GCancellable       *cancellable;          /* loading the sample data */
  char               *count_text;
  gboolean            updating;
  gboolean            filtering;     /* the list follows a new filter */
  gboolean            choices_stale; /* the drop-downs wait to be shown */
  gboolean            probing;
  int                 probe_key;

  AdwLeaflet         *leaflet;
  GtkStack           *stack;
  GtkBox             *registry_box;
  GtkButton          *sample_button;
  GtkSpinner         *sample_spinner;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkToggleButton    *map_button;
  GtkButton          *new_button;
  GtkFlowBox         *chips_box;
  GtkLabel           *count_label;
  GtkRevealer        *map_revealer;
  L4aMapView         *map_view;
  GtkBox             *map_box;
  GtkWidget          *map_legend;
  GtkFlowBox         *legend_regions;
  GtkLabel           *unplaced_label;
  GtkWidget          *zoom_box;
  guint               legend_idle;
  guint               widen_idle;   /* the lists take the rest of the hubs */
  GtkStack           *results_stack;
  GtkColumnView      *column_view;
  GtkListView        *list_view;
  AdwSqueezer        *squeezer;
  GtkWidget          *table_scroller;
  GtkSelectionModel  *table_model;
  GtkSelectionModel  *cards_model;
  GtkGrid            *filter_grid;
  GtkFlowBox         *sdg_box;
  L4aHubPage         *hub_page;
};

G_DEFINE_FINAL_TYPE (L4aHubsView, l4a_hubs_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_FILTER,
  PROP_OPEN_HUB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Two hubs that only the sort probe ever compares (see sort_changed_cb). */
static L4aHub *probe_a, *probe_b;

static void update_after_filter (L4aHubsView *self);
static const char *get_open_hub (L4aHubsView *self);
static gboolean open_hub (L4aHubsView *self,
                          const char  *id);
static void show_registry (L4aHubsView *self);

static void
show_error (L4aHubsView  *self,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  l4a_accessible_present (GTK_WINDOW (dialog));
}

/* Cells ------------------------------------------------------------------ */

/* What the cells of a column are made with: its key, and for a column
 * whose rows share their words (country, region...) the layouts its cells
 * share. */
typedef struct
{
  L4aHubSortKey  key;
  GHashTable    *shared;
} ColumnCells;

static void
column_cells_free (gpointer  data,
                   GClosure *closure)
{
  ColumnCells *cells = data;

  g_clear_pointer (&cells->shared, g_hash_table_unref);
  g_free (cells);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ColumnCells *cells = user_data;

  /* The column's width does not follow the texts it shows: a label would
   * make the table measure every row again (and lay out every text again
   * at the new width) each time a row with a longer name scrolls by. */
  gtk_list_item_set_child (item, l4a_cell_text_new_for_column (cells->shared,
                                                               cells->key == L4A_HUB_SORT_NAME ? 40 : 30));
}

static void
setup_chips_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *chips = l4a_sdg_chips_new_for_cell ();

  gtk_list_item_set_child (item, chips);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  L4aHubSortKey key = ((ColumnCells *) user_data)->key;
  L4aHub *hub = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (key)
    {
    case L4A_HUB_SORT_NAME:
      text = l4a_hub_get_name (hub);
      break;
    case L4A_HUB_SORT_GOVERNMENT:
      text = l4a_hub_get_government (hub);
      break;
    case L4A_HUB_SORT_COUNTRY:
      text = l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_hub_get_country (hub));
      break;
    case L4A_HUB_SORT_REGION:
      text = l4a_reference_translate (L4A_REFERENCE_REGIONS, l4a_hub_get_region (hub));
      break;
    case L4A_HUB_SORT_SDGS:
      l4a_sdg_chips_set_sdgs (L4A_SDG_CHIPS (child), l4a_hub_get_sdgs (hub));
      return;
    case L4A_HUB_SORT_AXIS:
      text = l4a_hub_get_pact_axis (hub) ? l4a_reference_translate (L4A_REFERENCE_AXES, l4a_hub_get_pact_axis (hub)) : "";
      break;
    case L4A_HUB_SORT_STATUS:
      text = l4a_hub_status_label (l4a_hub_get_status (hub));
      break;
    case L4A_HUB_SORT_TIME_FRAME:
      text = owned = l4a_format_period (l4a_hub_get_start (hub), l4a_hub_get_end (hub));
      break;
    case L4A_HUB_N_SORTS:
    default:
      g_assert_not_reached ();
    }

  l4a_cell_text_show (child, text);
}

/* A GTK 4.8 list keeps rows for up to 200 items, made as soon as it has
 * them (some 0.7 ms a row here): the lists get the first screenful of
 * hubs until the first frame is painted, then a screenful more in each
 * idle between frames, and all of them once the list has its 200 rows, so
 * that no frame waits for them all. The first screenful is the hubs the
 * lists' height shows, rows being taken as ROW_MIN_HEIGHT pixels high (a
 * table row in Adwaita's default font; with a smaller one the last few
 * rows come with the next screenful, an idle later): none until the first
 * frame has allocated the view, then those, laid out in the same frame. */
#define FIRST_SCREEN 40
#define ROW_MIN_HEIGHT 25
#define LIST_ROWS 200

static gboolean
widen_step_cb (gpointer data)
{
  L4aHubsView *self = data;
  guint size = gtk_slice_list_model_get_size (self->slice);

  /* the list has its rows, or there are no more hubs to give it */
  if (size >= LIST_ROWS || g_list_model_get_n_items (G_LIST_MODEL (self->slice)) < size)
    {
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      self->widen_idle = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, size + FIRST_SCREEN);
  return G_SOURCE_CONTINUE;
}

/* The first screen is painted, or will not be: the rest of the order may
 * be read beside. */
static void
end_first_screen (L4aHubsView *self)
{
  self->first_screen = FALSE;
  if (self->hubs != NULL)
    l4a_hub_query_hold_reading (self->hubs, FALSE);
}

static void
widen_after_paint_cb (GdkFrameClock *clock,
                      L4aHubsView   *self)
{
  g_signal_handlers_disconnect_by_func (clock, widen_after_paint_cb, self);
  end_first_screen (self);
  if (self->widen_idle == 0)
    self->widen_idle = g_idle_add (widen_step_cb, self);
}

/* After the frame's layout, GTK's first (the window's handler was
 * connected when it was realised, before the view was mapped): the lists'
 * height is known; the rows it shows are laid out before the paint, the
 * frame clock laying out again what was changed while it did. */
static void
fit_first_screen_cb (GdkFrameClock *clock,
                     L4aHubsView   *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->squeezer));

  if (self->first_screen && height <= 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, fit_first_screen_cb, self);
  if (self->first_screen)
    gtk_slice_list_model_set_size (self->slice, (guint) height / ROW_MIN_HEIGHT + 1);
}

static void
widen_when_painted (L4aHubsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
    return;
  if (clock == NULL)
    {
      end_first_screen (self);
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      return;
    }
  if (self->first_screen)
    g_signal_connect_object (clock, "layout", G_CALLBACK (fit_first_screen_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (widen_after_paint_cb), self, 0);
}

/* The map's legend beside it, or under it when narrow. */
static void
place_legend (gpointer data)
{
  L4aHubsView *self = data;
  GtkWidget *shown = adw_squeezer_get_visible_child (self->squeezer);
  gboolean narrow = shown != NULL && shown != self->table_scroller;

  self->legend_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->map_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_flow_box_set_max_children_per_line (self->legend_regions, narrow ? 4 : 1);
  gtk_widget_set_margin_start (self->map_legend, narrow ? 6 : 0);
  gtk_widget_set_margin_end (self->map_legend, narrow ? 6 : 12);
  /* the zoom buttons in a row along the bottom of a short map, where they
   * cover the least of it */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->zoom_box),
                                  narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (self->zoom_box, narrow ? GTK_ALIGN_END : GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->zoom_box, narrow ? 0 : 12);
  gtk_widget_set_margin_bottom (self->zoom_box, narrow ? 6 : 0);
  gtk_widget_set_margin_end (self->zoom_box, narrow ? 6 : 12);
}

/* Only the list on show (the table, or the cards when narrow) has the
 * hubs: GTK makes up to 200 rows for a list even while it is hidden. */
static void
attach_shown_list (L4aHubsView *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->squeezer);
  gboolean table = shown != NULL && shown == self->table_scroller;
  gboolean cards = shown != NULL && shown != self->table_scroller;

  if ((gtk_column_view_get_model (self->column_view) != NULL) != table)
    gtk_column_view_set_model (self->column_view, table ? self->table_model : NULL);
  if ((gtk_list_view_get_model (self->list_view) != NULL) != cards)
    gtk_list_view_set_model (self->list_view, cards ? self->cards_model : NULL);

  /* the squeezer chooses while allocating: the legend moves after */
  if (self->legend_idle == 0)
    self->legend_idle = g_idle_add_once (place_legend, self);
}

/* The cards of the narrow list (l4a-hub-row.ui). */
static char *
hub_subtitle_cb (GtkListItem *item,
                 const char  *government,
                 const char  *country,
                 const char  *region)
{
  if (government == NULL)
    return NULL;

  /* translators: a hub's lead government, country and world region, e.g. “Soria · Spain · Europe” */
  return g_strdup_printf (_("%s · %s · %s"), government,
                          l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country),
                          l4a_reference_translate (L4A_REFERENCE_REGIONS, region));
}

static char *
hub_status_cb (GtkListItem *item,
               const char  *status)
{
  return g_strdup (l4a_hub_status_label (status));
}

static char *
hub_period_cb (GtkListItem *item,
               const char  *start,
               const char  *end)
{
  if (start == NULL || end == NULL)
    return NULL;

  return l4a_format_period (start, end);
}

/* Sorting ------------------------------------------------------------------ */

/* Which view and column a column's sorter belongs to. */
typedef struct
{
  L4aHubsView *self;
  int          key;
} ColumnSort;

static int
column_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ColumnSort *sort = user_data;
  L4aHubsView *self = sort->self;
  int key = sort->key;

  /* The probe: the first column sorter asked is the primary one. */
  if (a == probe_a && b == probe_b)
    {
      if (self->probe_key < 0)
        self->probe_key = key;
      return GTK_ORDERING_SMALLER;
    }

  return l4a_hub_compare ((L4aHub *) a, (L4aHub *) b, key);
}

/* GTK 4.8 keeps the column view's primary sort column to itself. Comparing
 * two probe items tells it: the column view asks its primary column first,
 * and inverts the answer when that column sorts descending. */
static gboolean
probe_sort (L4aHubsView   *self,
            L4aHubSortKey *key,
            gboolean      *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probe_key = -1;
  order = gtk_sorter_compare (sorter, probe_a, probe_b);
  if (self->probe_key < 0)
    return FALSE;

  *key = self->probe_key;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

/* A new order or filter keeps the chosen row chosen. The selection is
 * told of no choice during the change: a GTK 4.8 single selection would
 * read every row of the new order to find its item again, which at
 * 100 000 hubs reads the whole registry. */
static char *
forget_choice (L4aHubsView *self)
{
  GtkSingleSelection *rows = GTK_SINGLE_SELECTION (self->table_model);
  L4aHub *hub = rows ? gtk_single_selection_get_selected_item (rows) : NULL;
  char *id = hub ? g_strdup (l4a_hub_get_id (hub)) : NULL;

  if (id != NULL)
    gtk_single_selection_set_selected (rows, GTK_INVALID_LIST_POSITION);
  return id;
}

static void
restore_choice (L4aHubsView *self,
                const char  *id)
{
  guint position;

  if (id != NULL && self->hubs != NULL && l4a_hub_query_find (self->hubs, id, &position))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->table_model), position);
}

static void
sort_changed_cb (GtkSorter       *sorter,
                 GtkSorterChange  change,
                 L4aHubsView     *self)
{
  L4aHubSortKey key;
  gboolean descending;

  if (!probe_sort (self, &key, &descending))
    return;
  if (self->hubs != NULL)
    {
      g_autofree char *chosen = forget_choice (self);

      l4a_hub_query_set_sort (self->hubs, key, descending);
      restore_choice (self, chosen);
    }
  if (self->settings == NULL || self->updating)
    return;

  g_settings_set_string (self->settings, "hub-sort", l4a_hub_sort_key_to_string (key));
  g_settings_set_boolean (self->settings, "hub-sort-descending", descending);
}

static void
set_sort (L4aHubsView   *self,
          L4aHubSortKey  key,
          gboolean       descending)
{
  g_return_if_fail (L4A_IS_HUBS_VIEW (self));
  g_return_if_fail (key < L4A_HUB_N_SORTS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[key],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}


static void
restore_sort (L4aHubsView *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "hub-sort");
  L4aHubSortKey key = L4A_HUB_SORT_NAME;

  l4a_hub_sort_key_from_string (name, &key);
  self->updating = TRUE;
  set_sort (self, key, g_settings_get_boolean (self->settings, "hub-sort-descending"));
  self->updating = FALSE;
}

static void
add_column (L4aHubsView   *self,
            L4aHubSortKey  key,
            const char    *title,
            gboolean       expand,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnSort *sort = g_new0 (ColumnSort, 1);
  ColumnCells *cells;
  GtkCustomSorter *sorter;
  GtkColumnViewColumn *column;

  /* the view owns its columns, so the sorter may point at it */
  sort->self = self;
  sort->key = key;
  sorter = gtk_custom_sorter_new (column_compare_cb, sort, g_free);

  cells = g_new0 (ColumnCells, 1);
  cells->key = key;
  /* the names are each a hub's own; the rest is shared by many rows */
  if (key != L4A_HUB_SORT_NAME && key != L4A_HUB_SORT_GOVERNMENT && key != L4A_HUB_SORT_SDGS)
    cells->shared = l4a_cell_text_new_shared ();
  /* the factory's handlers go with it: the first frees what both use */
  g_signal_connect_data (factory, "setup", G_CALLBACK (key == L4A_HUB_SORT_SDGS ? setup_chips_cb : setup_label_cb),
                         cells, column_cells_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), cells);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  self->columns[key] = column;  /* the column view's, for as long as the view */

  g_object_unref (column);
  g_object_unref (sorter);
}

/* Filters ------------------------------------------------------------------ */

static char **
filter_field (L4aHubsView *self,
              int          drop)
{
  switch (drop)
    {
    case DROP_REGION: return &self->filter->region;
    case DROP_COUNTRY: return &self->filter->country;
    case DROP_AXIS: return &self->filter->axis;
    case DROP_STATUS: return &self->filter->status;
    case DROP_FORMAT: return &self->filter->format;
    default: return NULL;
    }
}

static const char *
drop_title (int drop)
{
  switch (drop)
    {
    case DROP_REGION: return _("Region");
    case DROP_COUNTRY: return _("Country");
    case DROP_AXIS: return _("Pact axis");
    case DROP_STATUS: return _("Status");
    case DROP_FORMAT: return _("Format");
    case DROP_YEAR: return _("Active in");
    case DROP_COUNCIL: return _("Policy Council");
    default: g_return_val_if_reached (NULL);
    }
}

static const char *
code_label (int         drop,
            const char *code)
{
  switch (drop)
    {
    case DROP_REGION: return l4a_reference_translate (L4A_REFERENCE_REGIONS, code);
    case DROP_COUNTRY: return l4a_reference_translate (L4A_REFERENCE_COUNTRIES, code);
    case DROP_AXIS: return l4a_reference_translate (L4A_REFERENCE_AXES, code);
    case DROP_STATUS: return l4a_hub_status_label (code);
    case DROP_FORMAT: return l4a_hub_format_label (code);
    case DROP_COUNCIL: return l4a_reference_translate (L4A_REFERENCE_COUNCILS, code);
    case DROP_YEAR:
    default:
      return code;
    }
}

/* Sets a drop-down's choices: "Any" first, then @codes shown by name. */
static void
set_drop_codes (L4aHubsView *self,
                int          drop,
                GPtrArray   *codes)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, drop == DROP_YEAR ? _("Any year") : C_("filter", "Any"));
  for (guint i = 0; i < codes->len; i++)
    gtk_string_list_append (labels, code_label (drop, g_ptr_array_index (codes, i)));

  g_clear_pointer (&self->drop_codes[drop], g_ptr_array_unref);
  self->drop_codes[drop] = g_ptr_array_ref (codes);
  gtk_drop_down_set_model (self->drops[drop], G_LIST_MODEL (labels));
}

static const char *
drop_code_for_filter (L4aHubsView *self,
                      int          drop,
                      char        *buffer,
                      gsize        size)
{
  const L4aReferenceEntry *councils;
  guint n;

  if (drop == DROP_YEAR)
    {
      if (self->filter->year == 0)
        return NULL;
      g_snprintf (buffer, size, "%d", self->filter->year);
      return buffer;
    }
  if (drop == DROP_COUNCIL)
    {
      councils = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n);
      for (guint i = 0; i < n; i++)
        if (self->filter->councils == (1u << i))
          return councils[i].code;
      return NULL;
    }
  return *filter_field (self, drop);
}

/* Shows the filter in the drop-downs and SDG toggles, without feedback. */
static void
sync_filter_controls (L4aHubsView *self)
{
  /* not made yet: they will show the filter when they are */
  if (self->drops[0] == NULL)
    return;
  self->updating = TRUE;

  for (int drop = 0; drop < N_DROPS; drop++)
    {
      char buffer[16];
      const char *code = drop_code_for_filter (self, drop, buffer, sizeof buffer);
      guint selected = 0;

      for (guint i = 0; code && self->drop_codes[drop] && i < self->drop_codes[drop]->len; i++)
        if (g_str_equal (g_ptr_array_index (self->drop_codes[drop], i), code))
          selected = i + 1;
      gtk_drop_down_set_selected (self->drops[drop], selected);
    }

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    gtk_toggle_button_set_active (self->sdg_filter_buttons[goal], (self->filter->sdgs & (1u << goal)) != 0);

  self->updating = FALSE;
}

static void
drop_changed_cb (GtkDropDown *drop_down,
                 GParamSpec  *pspec,
                 L4aHubsView *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *code = NULL;
  int drop = 0;

  if (self->updating)
    return;
  while (drop < N_DROPS && self->drops[drop] != drop_down)
    drop++;
  g_return_if_fail (drop < N_DROPS);

  if (selected > 0 && self->drop_codes[drop] && selected <= self->drop_codes[drop]->len)
    code = g_ptr_array_index (self->drop_codes[drop], selected - 1);

  if (drop == DROP_YEAR)
    self->filter->year = code ? atoi (code) : 0;
  else if (drop == DROP_COUNCIL)
    self->filter->councils = l4a_council_mask (code);
  else
    {
      char **field = filter_field (self, drop);
      g_free (*field);
      *field = g_strdup (code);
    }

  update_after_filter (self);
}

static void
sdg_filter_toggled_cb (GtkToggleButton *button,
                       L4aHubsView     *self)
{
  guint goal = 1;

  if (self->updating)
    return;
  while (goal <= L4A_N_SDGS && self->sdg_filter_buttons[goal] != button)
    goal++;
  g_return_if_fail (goal <= L4A_N_SDGS);

  if (gtk_toggle_button_get_active (button))
    self->filter->sdgs |= 1u << goal;
  else
    self->filter->sdgs &= ~(1u << goal);
  update_after_filter (self);
}

static void
build_filter_controls (L4aHubsView *self)
{
  for (int drop = 0; drop < N_DROPS; drop++)
    {
      GtkWidget *label = gtk_label_new (drop_title (drop));
      GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      drop_title (drop), -1);
      gtk_widget_set_hexpand (drop_down, TRUE);
      if (drop == DROP_COUNTRY)
        {
          g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

          gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
          gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down), expression);
        }
      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_changed_cb), self);
      gtk_grid_attach (self->filter_grid, label, 0, drop, 1, 1);
      gtk_grid_attach (self->filter_grid, drop_down, 1, drop, 1, 1);
      self->drops[drop] = GTK_DROP_DOWN (drop_down);
    }

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      const L4aReferenceEntry *entry = l4a_reference_sdg (goal);
      g_autofree char *number = g_strdup_printf ("%u", goal);
      g_autofree char *css = g_strdup_printf ("l4a-sdg-%u", goal);
      g_autofree char *name = g_strdup_printf (_("Goal %u: %s"), goal,
                                               l4a_reference_translate (L4A_REFERENCE_SDGS, entry->code));
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      gtk_widget_add_css_class (button, "l4a-sdg-toggle");
      gtk_widget_add_css_class (button, css);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (sdg_filter_toggled_cb), self);
      gtk_flow_box_append (self->sdg_box, button);
      self->sdg_filter_buttons[goal] = GTK_TOGGLE_BUTTON (button);
    }
}

static int
compare_by_label (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int drop = GPOINTER_TO_INT (user_data);
  g_autofree char *ka = l4a_sort_key (code_label (drop, *(const char * const *) a));
  g_autofree char *kb = l4a_sort_key (code_label (drop, *(const char * const *) b));

  return strcmp (ka, kb);
}

/* The choices of each filter: reference data, or what the hubs hold. */
static void
fill_filter_choices (L4aHubsView *self)
{
  g_autoptr(GPtrArray) country_codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  const char * const *statuses = l4a_enum_get_nicks (L4A_TYPE_HUB_STATUS);
  const char * const *formats = l4a_enum_get_nicks (L4A_TYPE_FORMAT);
  static const L4aReferenceTable tables[] = { L4A_REFERENCE_REGIONS, L4A_REFERENCE_AXES, L4A_REFERENCE_COUNCILS };
  static const int table_drops[] = { DROP_REGION, DROP_AXIS, DROP_COUNCIL };
  int first = 1, last = 0;

  if (self->drops[0] == NULL)
    build_filter_controls (self);
  /* new choices select "Any" for a moment: that is not the user's choice,
   * and the filter stays as it is (sync_filter_controls() shows it) */
  self->updating = TRUE;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
      const L4aReferenceEntry *entries;
      guint n_entries;

      entries = l4a_reference_entries (tables[t], &n_entries);
      for (guint i = 0; i < n_entries; i++)
        if (tables[t] != L4A_REFERENCE_REGIONS || g_strcmp0 (entries[i].kind, "region") == 0)
          g_ptr_array_add (codes, g_strdup (entries[i].code));
      set_drop_codes (self, table_drops[t], codes);
    }

  {
    g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; statuses[i] != NULL; i++)
      g_ptr_array_add (codes, g_strdup (statuses[i]));
    set_drop_codes (self, DROP_STATUS, codes);
  }
  {
    g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; formats[i] != NULL; i++)
      g_ptr_array_add (codes, g_strdup (formats[i]));
    set_drop_codes (self, DROP_FORMAT, codes);
  }

  /* what the hubs hold, asked of SQLite */
  if (self->hubs != NULL)
    {
      country_codes = l4a_hub_query_dup_countries (self->hubs);
      if (!l4a_hub_query_get_years (self->hubs, &first, &last))
        first = 1, last = 0;
    }
  g_ptr_array_sort_with_data (country_codes, compare_by_label, GINT_TO_POINTER (DROP_COUNTRY));
  set_drop_codes (self, DROP_COUNTRY, country_codes);

  for (int year = last; first <= last && year >= first; year--)
    g_ptr_array_add (years, g_strdup_printf ("%d", year));
  set_drop_codes (self, DROP_YEAR, years);
  self->updating = FALSE;

  self->choices_stale = FALSE;
  sync_filter_controls (self);
}

/* The choices are filled when the filters are on show: a drop-down makes
 * rows for its list even while hidden, which would cost every start. */
static void
update_filter_choices (L4aHubsView *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->filter_button);

  self->choices_stale = TRUE;
  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    fill_filter_choices (self);
}

static void
filter_popover_shown_cb (L4aHubsView *self)
{
  if (self->choices_stale)
    fill_filter_choices (self);
}

/* Chips ---------------------------------------------------------------------- */

typedef enum
{
  CHIP_REGION,
  CHIP_COUNTRY,
  CHIP_AXIS,
  CHIP_STATUS,
  CHIP_FORMAT,
  CHIP_YEAR,
  CHIP_COUNCIL,
  CHIP_SDG,
} ChipKind;

static void
remove_criterion (L4aHubsView *self,
                  ChipKind     kind,
                  guint        goal)
{
  switch (kind)
    {
    case CHIP_REGION: g_clear_pointer (&self->filter->region, g_free); break;
    case CHIP_COUNTRY: g_clear_pointer (&self->filter->country, g_free); break;
    case CHIP_AXIS: g_clear_pointer (&self->filter->axis, g_free); break;
    case CHIP_STATUS: g_clear_pointer (&self->filter->status, g_free); break;
    case CHIP_FORMAT: g_clear_pointer (&self->filter->format, g_free); break;
    case CHIP_YEAR: self->filter->year = 0; break;
    case CHIP_COUNCIL: self->filter->councils = 0; break;
    case CHIP_SDG: self->filter->sdgs &= ~(1u << goal); break;
    default: g_assert_not_reached ();
    }
}

/* hubs.remove-filter "(uu)": the kind of chip, and its goal for an SDG */
static void
remove_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);
  ChipKind kind;
  guint goal;

  g_variant_get (parameter, "(uu)", &kind, &goal);

  remove_criterion (self, kind, goal);
  sync_filter_controls (self);
  update_after_filter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_chip (L4aHubsView *self,
          ChipKind     kind,
          guint        goal,
          const char  *title,
          const char  *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label;
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* translators: a filter chip, e.g. “Region: Europe” */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), title, value);
  /* translators: the button that removes a filter, e.g. “Remove filter Region: Europe” */
  g_autofree char *remove = g_strdup_printf (_("Remove filter %s"), text);

  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  l4a_label_tooltip_when_cut (GTK_LABEL (label));
  gtk_widget_add_css_class (box, "l4a-chip");
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_tooltip_text (close, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (close), "(uu)", (guint) kind, goal);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "hubs.remove-filter");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), close);
  gtk_flow_box_append (self->chips_box, box);
}

static void
rebuild_chips (L4aHubsView *self)
{
  GtkWidget *child;
  const L4aReferenceEntry *councils;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))))
    gtk_flow_box_remove (self->chips_box, child);

  if (self->filter->region)
    add_chip (self, CHIP_REGION, 0, _("Region"), code_label (DROP_REGION, self->filter->region));
  if (self->filter->country)
    add_chip (self, CHIP_COUNTRY, 0, _("Country"), code_label (DROP_COUNTRY, self->filter->country));
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (self->filter->sdgs & (1u << goal))
      {
        g_autofree char *value = g_strdup_printf ("%u %s", goal,
                                                  l4a_reference_translate (L4A_REFERENCE_SDGS, l4a_reference_sdg (goal)->code));
        add_chip (self, CHIP_SDG, goal, _("SDG"), value);
      }
  if (self->filter->axis)
    add_chip (self, CHIP_AXIS, 0, _("Pact axis"), code_label (DROP_AXIS, self->filter->axis));
  if (self->filter->status)
    add_chip (self, CHIP_STATUS, 0, _("Status"), code_label (DROP_STATUS, self->filter->status));
  if (self->filter->format)
    add_chip (self, CHIP_FORMAT, 0, _("Format"), code_label (DROP_FORMAT, self->filter->format));
  if (self->filter->year)
    {
      g_autofree char *year = g_strdup_printf ("%d", self->filter->year);
      add_chip (self, CHIP_YEAR, 0, _("Active in"), year);
    }
  councils = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n);
  for (guint i = 0; i < n; i++)
    if (self->filter->councils & (1u << i))
      add_chip (self, CHIP_COUNCIL, 0, _("Policy Council"), code_label (DROP_COUNCIL, councils[i].code));
}



/* Updates ------------------------------------------------------------------ */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        region)
{
  L4aRgb colour;

  l4a_map_region_colour (region, adw_style_manager_get_dark (adw_style_manager_get_default ()), &colour);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 0.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
  cairo_fill (cr);
}

/* The colours of the regions on the map, and what grey means. */
static void
update_legend (L4aHubsView *self)
{
  g_autoptr(GPtrArray) regions = l4a_map_view_dup_regions (self->map_view);
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->legend_regions, 0)) != NULL)
    gtk_flow_box_remove (self->legend_regions, GTK_WIDGET (child));

  gtk_widget_set_visible (self->map_legend, regions->len > 0 || l4a_map_view_get_n_unplaced (self->map_view) > 0);
  /* hubs the map cannot show, said rather than left out in silence */
  {
    guint unplaced = l4a_map_view_get_n_unplaced (self->map_view);
    g_autofree char *text = NULL;

    if (unplaced > 0)
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%'u hub is not on the map: the world map does not draw its country "
                                           "and its government has no place. Give it in Governments.",
                                           "%'u hubs are not on the map: the world map does not draw their "
                                           "countries and their governments have no place. Give them in Governments.",
                                           unplaced), unplaced);
    gtk_label_set_label (self->unplaced_label, text ? text : "");
    gtk_widget_set_visible (GTK_WIDGET (self->unplaced_label), unplaced > 0);
  }
  g_ptr_array_add (regions, NULL);   /* several regions */
  for (guint i = 0; i < regions->len; i++)
    {
      const L4aReferenceEntry *entry = regions->pdata[i] ? l4a_reference_lookup (L4A_REFERENCE_REGIONS,
                                                                                 regions->pdata[i]) : NULL;
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label;

      if (regions->pdata[i] != NULL && entry == NULL)
        continue;
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      entry ? (gpointer) entry->code : NULL, NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      /* translators: in the map's legend, the colour of groups over several regions */
      label = gtk_label_new (entry ? l4a_reference_translate (L4A_REFERENCE_REGIONS, entry->code)
                                   : C_("map legend", "Several regions"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), label);
      gtk_flow_box_append (self->legend_regions, item);
      gtk_widget_set_focusable (gtk_widget_get_parent (item), FALSE);
    }
}

static void
style_dark_cb (L4aHubsView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_regions)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (gtk_widget_get_first_child (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))));
}

static void
update_map (L4aHubsView *self)
{
  g_autoptr(GPtrArray) pairs = NULL;

  if (!gtk_toggle_button_get_active (self->map_button))
    return;

  /* Every country stays on the map, so that another can be chosen; the
   * counts and the accepted links between the hubs shown come from SQL. */
  l4a_map_view_set_query (self->map_view, self->hubs, TRUE);
  l4a_map_view_set_selected (self->map_view, self->filter->country);
  pairs = self->hubs ? l4a_hub_query_link_places (self->hubs, TRUE) : g_ptr_array_new ();
  l4a_map_view_set_links (self->map_view, pairs);
  update_legend (self);
}

static void
update_count (L4aHubsView *self)
{
  guint all = self->hubs ? l4a_hub_query_count_all (self->hubs) : 0;
  guint shown = self->hubs ? g_list_model_get_n_items (G_LIST_MODEL (self->hubs)) : 0;

  g_free (self->count_text);
  if (shown == all)
    /* translators: how many hubs there are, e.g. “1 240 hubs” */
    self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u hub", "%'u hubs", all), all);
  else
    /* translators: how many hubs are shown of all, e.g. “128 of 1 240 hubs” */
    self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u hub", "%'u of %'u hubs", all),
                                        shown, all);
  gtk_label_set_label (self->count_label, self->count_text);
}

/* The pages for no hubs and for no match stay hidden until shown: a hidden
 * page is neither styled nor measured before the first frame (3 ms). */
static void
show_stack_page (GtkStack   *stack,
                 const char *name)
{
  gtk_widget_set_visible (gtk_stack_get_child_by_name (stack, name), TRUE);
  gtk_stack_set_visible_child_name (stack, name);
}

static void
update_pages (L4aHubsView *self)
{
  guint all = self->hubs ? l4a_hub_query_count_all (self->hubs) : 0;
  guint shown = self->hubs ? g_list_model_get_n_items (G_LIST_MODEL (self->hubs)) : 0;

  show_stack_page (self->stack, all > 0 ? "registry" : "empty");
  show_stack_page (self->results_stack, shown > 0 || all == 0 ? "results" : "no-results");
}

/* The list shows what the filter lets through: one query, one change,
 * followed once here rather than by hubs_items_changed_cb() too. */
static void
update_after_filter (L4aHubsView *self)
{
  self->filtering = TRUE;
  if (self->hubs != NULL)
    {
      g_autofree char *chosen = forget_choice (self);

      l4a_hub_query_set_filter (self->hubs, self->filter);
      restore_choice (self, chosen);
    }
  self->filtering = FALSE;
  rebuild_chips (self);
  update_count (self);
  update_pages (self);
  update_map (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
search_changed_cb (L4aHubsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->updating || g_strcmp0 (text, self->filter->search ? self->filter->search : "") == 0)
    return;

  g_free (self->filter->search);
  self->filter->search = g_strdup (text);
  update_after_filter (self);
}

static void
stop_search_cb (L4aHubsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
map_toggled_cb (L4aHubsView *self)
{
  gboolean show = gtk_toggle_button_get_active (self->map_button);

  l4a_reveal (self->map_revealer, show);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_button), show ? _("Hide Map") : _("Show Map"));
  update_map (self);
}

static void
map_country_activated_cb (L4aHubsView *self,
                          const char  *country)
{
  if (g_strcmp0 (self->filter->country, country) == 0)
    g_clear_pointer (&self->filter->country, g_free);
  else
    {
      g_free (self->filter->country);
      self->filter->country = g_strdup (country);
    }

  sync_filter_controls (self);
  update_after_filter (self);
}

/* The list changed (a filter, a sort, a hub edited here, in another
 * window or another process): what depends on its content follows. */
static void
hubs_items_changed_cb (L4aHubsView *self)
{
  if (self->filtering)
    return;
  update_count (self);
  update_pages (self);
  update_map (self);
}

/* A hub on show is shown again when it, or what it holds, changed. */
static void
context_changed_cb (L4aHubsView *self,
                    L4aChanges  *changes)
{
  const char *open = get_open_hub (self);

  /* the countries and years to filter by are what the hubs hold */
  if (l4a_changes_touches (changes, "hub") || l4a_changes_touches (changes, "government") ||
      l4a_changes_is_everything (changes))
    update_filter_choices (self);
  /* a government moved moves its marker, though its hubs' rows stay */
  if (l4a_changes_touches (changes, "government") || l4a_changes_is_everything (changes))
    update_map (self);

  if (open != NULL && l4a_changes_contains (changes, "hub", open))
    {
      g_autofree char *id = g_strdup (open);

      if (!open_hub (self, id))
        show_registry (self);
    }
}

/* Navigation ------------------------------------------------------------------ */

static gboolean
open_hub (L4aHubsView *self,
          const char  *id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), FALSE);

  if (self->store == NULL || !l4a_hub_page_show (self->hub_page, self->store, id, &error))
    {
      if (error)
        g_debug ("The hub cannot be shown: %s", error->message);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->hub_page), TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "hub");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_HUB]);
  return TRUE;
}

static const char *
get_open_hub (L4aHubsView *self)
{
  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), NULL);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "hub") != 0)
    return NULL;
  return l4a_hub_page_get_hub_id (self->hub_page);
}

static void
show_registry (L4aHubsView *self)
{
  g_return_if_fail (L4A_IS_HUBS_VIEW (self));

  g_ptr_array_set_size (self->history, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "registry");
}

static void
leaflet_child_cb (L4aHubsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_HUB]);
}

static void
open_position (L4aHubsView *self,
               guint        position)
{
  g_autoptr(L4aHub) hub = self->hubs ? g_list_model_get_item (G_LIST_MODEL (self->hubs), position) : NULL;

  if (hub == NULL)
    return;
  g_ptr_array_set_size (self->history, 0);
  open_hub (self, l4a_hub_get_id (hub));
}

static void
column_view_activated_cb (L4aHubsView *self,
                          guint        position)
{
  open_position (self, position);
}

static void
list_view_activated_cb (L4aHubsView *self,
                        guint        position)
{
  open_position (self, position);
}

static void
hub_page_back_cb (L4aHubsView *self)
{
  /* Back through related hubs first, then to the registry. */
  if (self->history->len > 0)
    {
      g_autofree char *previous = g_strdup (g_ptr_array_index (self->history, self->history->len - 1));

      g_ptr_array_set_size (self->history, self->history->len - 1);
      if (open_hub (self, previous))
        return;
    }

  show_registry (self);
}

static void
hub_page_open_hub_cb (L4aHubsView *self,
                      const char  *id)
{
  const char *current = l4a_hub_page_get_hub_id (self->hub_page);

  if (current)
    g_ptr_array_add (self->history, g_strdup (current));
  open_hub (self, id);
}

static void
editor_saved_cb (L4aHubEditor *editor,
                 const char   *id,
                 L4aHubsView  *self)
{
  open_hub (self, id);
  l4a_toast_say (GTK_WIDGET (self), _("Hub saved"));
}

static void
open_editor (L4aHubsView *self,
             const char  *id)
{
  g_autoptr(GError) error = NULL;
  L4aHubEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!l4a_store_require (self->store, L4A_PERMISSION_KEEP_REGISTRY, &error))
    {
      show_error (self, _("The Hub Cannot Be Changed"), error);
      return;
    }

  editor = l4a_hub_editor_new (self->store, id, &error);
  if (editor == NULL)
    {
      show_error (self, _("The Hub Cannot Be Opened"), error);
      return;
    }

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
hub_page_edit_cb (L4aHubsView *self,
                  const char  *id)
{
  open_editor (self, id);
}

static void
undo_clicked_cb (AdwToast    *toast,
                 L4aHubsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "hubs.undo-delete", NULL);
}

static gboolean
delete_hub (L4aHubsView  *self,
            const char   *id,
            GError      **error)
{
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), FALSE);

  snapshot = l4a_registry_delete_hub (self->store, id, error);
  if (snapshot == NULL)
    return FALSE;

  g_free (self->undo_snapshot);
  self->undo_snapshot = g_steal_pointer (&snapshot);
  g_free (self->undo_id);
  self->undo_id = g_strdup (id);
  show_registry (self);
  return TRUE;
}

static gboolean
undo_delete (L4aHubsView  *self,
             GError      **error)
{
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), FALSE);

  if (self->undo_snapshot == NULL)
    return TRUE;

  snapshot = g_steal_pointer (&self->undo_snapshot);
  return l4a_registry_restore (self->store, snapshot, error);
}

static void
hub_page_delete_cb (L4aHubsView *self,
                    const char  *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  {
    g_autoptr(L4aHubEdit) edit = l4a_registry_load_hub (self->store, id, NULL);
    name = g_strdup (edit ? edit->name : id);
  }

  if (!delete_hub (self, id, &error))
    {
      show_error (self, _("The Hub Cannot Be Deleted"), error);
      return;
    }

  /* translators: %s is a hub's name */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = l4a_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  l4a_toast_show (GTK_WIDGET (self), toast);
}

/* Actions ------------------------------------------------------------------ */

/* The map's visible zoom controls (keys, wheel and pinch zoom too). */
static void
map_zoom_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);

  if (g_str_equal (action_name, "hubs.map-zoom-in"))
    l4a_map_view_zoom (self->map_view, 1.5);
  else if (g_str_equal (action_name, "hubs.map-zoom-out"))
    l4a_map_view_zoom (self->map_view, 1 / 1.5);
  else
    l4a_map_view_show_whole_world (self->map_view);
}

static void
new_hub_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_editor (L4A_HUBS_VIEW (widget), NULL);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);

  l4a_hub_filter_clear (self->filter);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
  sync_filter_controls (self);
  update_after_filter (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);

  show_registry (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
governments_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);
  L4aGovernmentsWindow *window = l4a_governments_window_new (self->store);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  GFile  *file;
  GArray *nums;  /* the hubs shown, in the order shown */
} CsvJob;

static void
csv_job_free (gpointer data)
{
  CsvJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->nums, g_array_unref);
  g_free (job);
}

static void
csv_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(L4aHubsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  CsvJob *done = l4a_context_run_finish (L4A_CONTEXT (object), result, &error);
  guint count;

  if (done == NULL)
    {
      show_error (self, _("The List Cannot Be Exported"), error);
      return;
    }

  count = done->nums->len;
  basename = g_file_get_basename (done->file);
  csv_job_free (done);
  /* translators: %s is a file name */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %d hub to “%s”", "Exported %d hubs to “%s”", count),
                           (int) count, basename);
  l4a_toast_say (GTK_WIDGET (self), title);
}

/* The hubs @nums, in that order, read through @store and written as CSV. */
static gboolean
write_csv (L4aStore      *store,
           GArray        *nums,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) read = l4a_registry_get_hubs (store, (guint *) nums->data, nums->len, error);
  g_autoptr(GListStore) hubs = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  if (read == NULL)
    return FALSE;
  hubs = g_list_store_new (L4A_TYPE_HUB);
  g_list_store_splice (hubs, 0, 0, read->pdata, read->len);
  /* g_file_replace() writes beside the file and renames on close, so a
   * failure never leaves half a file under the chosen name. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  return out != NULL &&
         l4a_csv_write_hubs (G_LIST_MODEL (hubs), G_OUTPUT_STREAM (out), cancellable, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/* A job of the context: the hubs shown are read in its worker. */
static gpointer
write_csv_job (L4aContextJob  *job,
               L4aStore       *store,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  CsvJob *csv = data;
  CsvJob *done;

  if (!write_csv (store, csv->nums, csv->file, cancellable, error))
    return NULL;

  /* what was written, for the caller */
  done = g_new0 (CsvJob, 1);
  done->file = g_object_ref (csv->file);
  done->nums = g_array_ref (csv->nums);
  return done;
}

/* The hubs shown, in the order shown, as numbers: a copy for another thread. */
static GArray *
snapshot_visible (L4aHubsView *self)
{
  guint n = 0;
  const guint *nums = self->hubs ? l4a_hub_query_get_nums (self->hubs, &n) : NULL;
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  if (n > 0)
    g_array_append_vals (copy, nums, n);
  return copy;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    L4aHubsView     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (self->settings)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
          if (path)
            g_settings_set_string (self->settings, "last-folder", path);
        }

      {
        CsvJob *job = g_new0 (CsvJob, 1);

        job->file = g_object_ref (file);
        job->nums = snapshot_visible (self);
        l4a_context_run_async (self->context, write_csv_job, job, csv_job_free, csv_job_free, NULL, NULL,
                               NULL, csv_written_cb, g_object_ref (self));
      }
    }

  g_object_unref (dialog);
}

gboolean
l4a_hubs_view_write_csv (L4aHubsView  *self,
                         GFile        *file,
                         GError      **error)
{
  g_autoptr(GArray) nums = NULL;

  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  nums = snapshot_visible (self);
  return write_csv (self->store, nums, file, NULL, error);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("hubs-%s.csv", date);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export List as CSV"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (self->settings)
    {
      g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");
      if (*folder)
        {
          g_autoptr(GFile) dir = g_file_new_for_path (folder);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL);
        }
    }
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Sample data ------------------------------------------------------------------ */

static void
set_loading (L4aHubsView *self,
             gboolean     loading)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_button), !loading);
  gtk_spinner_set_spinning (self->sample_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
sample_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(L4aHubsView) self = user_data;
  g_autoptr(GError) error = NULL;

  set_loading (self, FALSE);
  g_clear_object (&self->cancellable);

  /* what it brought is announced by the context, to every view */
  if (!l4a_context_load_sample_finish (L4A_CONTEXT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("The Sample Data Cannot Be Loaded"), error);
}

static void
load_sample (L4aHubsView *self)
{
  g_return_if_fail (L4A_IS_HUBS_VIEW (self));
  g_return_if_fail (self->context != NULL);

  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  l4a_context_load_sample_async (self->context, self->cancellable, sample_loaded_cb, g_object_ref (self));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  load_sample (L4A_HUBS_VIEW (widget));
}

/* A hub's page, from a link or a search elsewhere; a hub that is not (or
 * no longer) there leaves the view as it is. */
static void
open_hub_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);

  g_ptr_array_set_size (self->history, 0);
  open_hub (self, g_variant_get_string (parameter, NULL));
}

static void
show_registry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_registry (L4A_HUBS_VIEW (widget));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aHubsView *self = L4A_HUBS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!undo_delete (self, &error))
    show_error (self, _("The Hub Cannot Be Restored"), error);
}

/* Sets every filter but the search. */
static void
set_filter (L4aHubsView        *self,
            const L4aHubFilter *filter)
{
  char *search;

  g_return_if_fail (L4A_IS_HUBS_VIEW (self));
  g_return_if_fail (filter != NULL);

  search = g_steal_pointer (&self->filter->search);
  l4a_hub_filter_free (self->filter);
  self->filter = l4a_hub_filter_copy (filter);
  g_free (self->filter->search);
  self->filter->search = search;
  sync_filter_controls (self);
  update_after_filter (self);
}

/* Object ------------------------------------------------------------------ */

static void
l4a_hubs_view_dispose (GObject *object)
{
  L4aHubsView *self = (L4aHubsView *)object;

  /* No gtk_widget_dispose_template(): the template's leaflet is AdwBin's own
   * child, which AdwBin unparents itself. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->legend_idle, g_source_remove);
  g_clear_handle_id (&self->widen_idle, g_source_remove);
  if (self->hubs != NULL)
    g_signal_handlers_disconnect_by_data (self->hubs, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_pointer (&self->undo_id, g_free);
  g_clear_object (&self->table_model);
  g_clear_object (&self->cards_model);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->hubs);
  g_clear_object (&self->slice);
  g_clear_object (&self->empty);
  g_clear_pointer (&self->filter, l4a_hub_filter_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->undo_snapshot, g_free);
  g_clear_pointer (&self->count_text, g_free);
  for (int i = 0; i < N_DROPS; i++)
    g_clear_pointer (&self->drop_codes[i], g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_hubs_view_parent_class)->dispose (object);
}

static void
l4a_hubs_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  L4aHubsView *self = L4A_HUBS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_OPEN_HUB:
      g_value_set_string (value, get_open_hub (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_hubs_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  L4aHubsView *self = L4A_HUBS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      {
        const L4aHubFilter *filter = g_value_get_boxed (value);
        g_autoptr(L4aHubFilter) none = filter ? NULL : l4a_hub_filter_new ();

        set_filter (self, filter ? filter : none);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_hubs_view_class_init (L4aHubsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_hubs_view_dispose;
  object_class->get_property = l4a_hubs_view_get_property;
  object_class->set_property = l4a_hubs_view_set_property;

  /**
   * L4aHubsView:loading:
   *
   * Whether the sample data is being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * L4aHubsView:filter:
   *
   * The filters chosen (the search aside, which is the search entry's).
   */
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, L4A_TYPE_HUB_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * L4aHubsView:open-hub:
   *
   * The id of the hub whose page is shown, or %NULL when the registry is.
   */
  properties[PROP_OPEN_HUB] =
    g_param_spec_string ("open-hub", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (L4A_TYPE_HUB);
  g_type_ensure (L4A_TYPE_HUB_PAGE);
  g_type_ensure (L4A_TYPE_MAP_VIEW);
  g_type_ensure (L4A_TYPE_SDG_CHIPS);

  probe_a = g_object_new (L4A_TYPE_HUB, "id", "probe-a", NULL);
  probe_b = g_object_new (L4A_TYPE_HUB, "id", "probe-b", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-hubs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, registry_box);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, sample_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, sample_spinner);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, map_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, chips_box);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, map_revealer);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, map_view);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, map_box);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, map_legend);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, legend_regions);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, unplaced_label);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, squeezer);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, sdg_box);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, hub_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_country_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, hub_page_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, hub_page_open_hub_cb);
  gtk_widget_class_bind_template_callback (widget_class, hub_page_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, hub_page_delete_cb);

  gtk_widget_class_install_action (widget_class, "hubs.new", NULL, new_hub_action);
  gtk_widget_class_install_action (widget_class, "hubs.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "hubs.open-hub", "s", open_hub_action);
  gtk_widget_class_install_action (widget_class, "hubs.show-registry", NULL, show_registry_action);
  gtk_widget_class_install_action (widget_class, "hubs.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "hubs.map-zoom-in", NULL, map_zoom_action);
  gtk_widget_class_install_action (widget_class, "hubs.map-zoom-out", NULL, map_zoom_action);
  gtk_widget_class_install_action (widget_class, "hubs.map-whole-world", NULL, map_zoom_action);
  gtk_widget_class_install_action (widget_class, "hubs.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "hubs.remove-filter", "(uu)", remove_filter_action);
  gtk_widget_class_install_action (widget_class, "hubs.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "hubs.governments", NULL, governments_action);
  gtk_widget_class_install_action (widget_class, "hubs.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "hubs.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "hubs.new", NULL);
}

static void
l4a_hubs_view_init (L4aHubsView *self)
{
  g_autoptr(GtkNoSelection) cards = NULL;
  g_autoptr(GtkSingleSelection) rows = NULL;
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));

  self->filter = l4a_hub_filter_new ();
  self->history = g_ptr_array_new_with_free_func (g_free);
  self->empty = G_LIST_MODEL (g_list_store_new (L4A_TYPE_HUB));

  add_column (self, L4A_HUB_SORT_NAME, _("Name"), TRUE, -1);
  add_column (self, L4A_HUB_SORT_GOVERNMENT, _("Lead government"), TRUE, -1);
  add_column (self, L4A_HUB_SORT_COUNTRY, _("Country"), TRUE, 130);
  add_column (self, L4A_HUB_SORT_REGION, _("Region"), TRUE, 130);
  add_column (self, L4A_HUB_SORT_SDGS, _("SDGs"), FALSE, 110);
  add_column (self, L4A_HUB_SORT_AXIS, _("Pact axis"), FALSE, 136);
  add_column (self, L4A_HUB_SORT_STATUS, _("Status"), FALSE, 100);
  add_column (self, L4A_HUB_SORT_TIME_FRAME, _("Time frame"), FALSE, 170);

  /* The columns' sorters only say which column the user chose: the query
   * sorts, in SQLite. */
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (sort_changed_cb), self);
  set_sort (self, L4A_HUB_SORT_NAME, FALSE);

  self->slice = gtk_slice_list_model_new (g_object_ref (self->empty), 0, G_MAXUINT);
  g_signal_connect (self, "map", G_CALLBACK (widen_when_painted), NULL);
  rows = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (rows, FALSE);
  gtk_single_selection_set_can_unselect (rows, TRUE);
  self->table_model = GTK_SELECTION_MODEL (g_steal_pointer (&rows));
  cards = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  self->cards_model = GTK_SELECTION_MODEL (g_steal_pointer (&cards));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (style_dark_cb), self,
                           G_CONNECT_SWAPPED);
  /* back to the registry by a swipe too */
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (leaflet_child_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->squeezer, "notify::visible-child", G_CALLBACK (attach_shown_list), self,
                           G_CONNECT_SWAPPED);
  attach_shown_list (self);
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "hub_subtitle_cb", G_CALLBACK (hub_subtitle_cb),
                                           "hub_status_cb", G_CALLBACK (hub_status_cb),
                                           "hub_period_cb", G_CALLBACK (hub_period_cb),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE "/ui/l4a-hub-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  /* the filters' controls are made when they are first shown */
  g_signal_connect_object (gtk_menu_button_get_popover (self->filter_button), "show",
                           G_CALLBACK (filter_popover_shown_cb), self, G_CONNECT_SWAPPED);
  update_filter_choices (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->registry_box));
  update_after_filter (self);
}

/* Public ------------------------------------------------------------------ */

/**
 * l4a_hubs_view_set_context:
 *
 * Shows the context's live list of hubs, follows its changes and its role.
 */
void
l4a_hubs_view_set_context (L4aHubsView *self,
                           L4aContext  *context,
                           GSettings   *settings)
{
  g_return_if_fail (L4A_IS_HUBS_VIEW (self));
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  if (settings)
    restore_sort (self);

  if (self->context != context)
    {
      if (self->hubs != NULL)
        g_signal_handlers_disconnect_by_data (self->hubs, self);
      if (self->context != NULL)
        g_signal_handlers_disconnect_by_data (self->context, self);
      g_set_object (&self->context, context);
      g_clear_object (&self->store);
      g_clear_object (&self->hubs);
      if (context != NULL)
        {
          L4aHubSortKey key = L4A_HUB_SORT_NAME;
          gboolean descending = FALSE;

          self->store = g_object_ref (l4a_context_get_store (context));
          self->hubs = l4a_hub_query_new (context);
          /* the rest of a long order is read once the first screen is
           * painted, not beside the frame that paints it */
          l4a_hub_query_hold_reading (self->hubs, TRUE);
          if (probe_sort (self, &key, &descending))
            l4a_hub_query_set_sort (self->hubs, key, descending);
          l4a_hub_query_set_filter (self->hubs, self->filter);
        }
      gtk_slice_list_model_set_size (self->slice, 0);
      self->first_screen = TRUE;
      gtk_slice_list_model_set_model (self->slice, self->hubs ? G_LIST_MODEL (self->hubs) : self->empty);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        widen_when_painted (self);
      if (context != NULL)
        {
          /* after the lists have taken the change in */
          g_signal_connect_object (self->hubs, "items-changed", G_CALLBACK (hubs_items_changed_cb), self,
                                   G_CONNECT_SWAPPED | G_CONNECT_AFTER);
          g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (context, "notify::role", G_CALLBACK (l4a_hubs_view_role_changed), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (context, "notify::identity", G_CALLBACK (l4a_hubs_view_role_changed), self,
                                   G_CONNECT_SWAPPED);
        }
      update_filter_choices (self);
      hubs_items_changed_cb (self);
    }
  l4a_hubs_view_role_changed (self);
}

/* Shows what the workstation's role may do. */
void
l4a_hubs_view_role_changed (L4aHubsView *self)
{
  gboolean secretariat;

  g_return_if_fail (L4A_IS_HUBS_VIEW (self));

  secretariat = self->store && l4a_store_can (self->store, L4A_PERMISSION_KEEP_REGISTRY);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), secretariat);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hubs.new", secretariat);

  if (get_open_hub (self))
    {
      g_autofree char *id = g_strdup (get_open_hub (self));
      open_hub (self, id);
    }
}


/**
 * l4a_hubs_view_get_visible:
 *
 * Returns: (transfer none) (nullable): the hubs shown, filtered and
 *   sorted, followed as the filters change; %NULL before a context
 */
L4aHubQuery *
l4a_hubs_view_get_visible (L4aHubsView *self)
{
  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), NULL);

  return self->hubs;
}






