/* l4a-hubs-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hubs-view"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-hub.h"
#include "l4a-hubs-view.h"
#include "l4a-labels.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-sample.h"

/* The Hubs view as the foundation provides it: the registry as a plain
 * list, and the first-run page that offers the sample data. */
struct _L4aHubsView
{
  AdwBin          parent_instance;

  L4aStore       *store;
  GListStore     *hubs;
  GCancellable   *cancellable;

  GtkStack       *stack;
  GtkListView    *list_view;
  GtkButton      *sample_button;
  GtkSpinner     *sample_spinner;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (L4aHubsView, l4a_hubs_view, ADW_TYPE_BIN)

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
hub_details_cb (GtkListItem *item,
                const char  *start,
                const char  *end,
                guint        sdgs)
{
  g_autofree char *period = NULL;
  g_autofree char *goals = NULL;

  if (start == NULL || end == NULL)
    return NULL;

  period = l4a_format_period (start, end);
  if (sdgs == 0)
    return g_steal_pointer (&period);

  goals = l4a_sdgs_to_string (sdgs);
  /* translators: a hub's time frame, then its SDG goal numbers, e.g. “Sep 2024 – Aug 2027 · SDG 11, 13” */
  return g_strdup_printf (_("%s · SDG %s"), period, goals);
}

static void
update_page (L4aHubsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hubs));
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  /* translators: %u is a number of hubs */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hub", "%u hubs", n), n);
  gtk_label_set_label (self->count_label, count);
}

void
l4a_hubs_view_reload (L4aHubsView *self)
{
  g_autoptr(GListModel) hubs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *items = NULL;
  guint n;

  g_return_if_fail (L4A_IS_HUBS_VIEW (self));

  if (self->store == NULL)
    return;

  hubs = l4a_registry_list_hubs (self->store, &error);
  if (hubs == NULL)
    {
      g_warning ("The hubs cannot be listed: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (hubs);
  items = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_item (hubs, i);
  g_list_store_splice (self->hubs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hubs)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);

  update_page (self);
}

static void
sample_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(L4aStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of this thread's own (one connection per thread). */
  store = l4a_store_open (path, &error);
  if (store == NULL || !l4a_sample_load (store, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_loading (L4aHubsView *self,
             gboolean     loading)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_button), !loading);
  gtk_spinner_set_spinning (self->sample_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_spinner), loading);
}

static void
sample_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(L4aHubsView) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  set_loading (self, FALSE);
  g_clear_object (&self->cancellable);
  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                           _("The Sample Data Cannot Be Loaded"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  l4a_hubs_view_reload (self);
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

void
l4a_hubs_view_load_sample (L4aHubsView *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (L4A_IS_HUBS_VIEW (self));
  g_return_if_fail (self->store != NULL);

  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, sample_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, l4a_hubs_view_load_sample);
  g_task_set_task_data (task, g_strdup (l4a_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, sample_thread);
}

gboolean
l4a_hubs_view_is_loading (L4aHubsView *self)
{
  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

static void
sample_button_clicked_cb (L4aHubsView *self,
                          GtkButton   *button)
{
  l4a_hubs_view_load_sample (self);
}

static void
l4a_hubs_view_dispose (GObject *object)
{
  L4aHubsView *self = (L4aHubsView *)object;

  /* No gtk_widget_dispose_template(): the template's stack is AdwBin's own
   * child, which AdwBin unparents itself. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->hubs);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (l4a_hubs_view_parent_class)->dispose (object);
}

static void
l4a_hubs_view_class_init (L4aHubsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_hubs_view_dispose;

  signals[DATA_CHANGED] =
    g_signal_new ("data-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (L4A_TYPE_HUB);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-hubs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, sample_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, sample_spinner);
  gtk_widget_class_bind_template_child (widget_class, L4aHubsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, sample_button_clicked_cb);
}

static void
l4a_hubs_view_init (L4aHubsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "hub_subtitle_cb", G_CALLBACK (hub_subtitle_cb),
                                           "hub_status_cb", G_CALLBACK (hub_status_cb),
                                           "hub_details_cb", G_CALLBACK (hub_details_cb),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE "/ui/l4a-hub-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->hubs = g_list_store_new (L4A_TYPE_HUB);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->hubs)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_page (self);
}

void
l4a_hubs_view_set_store (L4aHubsView *self,
                         L4aStore    *store)
{
  g_return_if_fail (L4A_IS_HUBS_VIEW (self));
  g_return_if_fail (!store || L4A_IS_STORE (store));

  if (g_set_object (&self->store, store))
    l4a_hubs_view_reload (self);
}

GListModel *
l4a_hubs_view_get_model (L4aHubsView *self)
{
  g_return_val_if_fail (L4A_IS_HUBS_VIEW (self), NULL);

  return G_LIST_MODEL (self->hubs);
}
