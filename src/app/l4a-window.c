/* l4a-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-permissions.h"
#include "l4a-accessible.h"
#include "l4a-brand-view.h"
#include "l4a-bundle.h"
#include "l4a-export-window.h"
#include "l4a-import-window.h"
#include "l4a-hubs-view.h"
#include "l4a-indicators-view.h"
#include "l4a-proposals-view.h"
#include "l4a-reviews-view.h"
#include "l4a-sample.h"
#include "l4a-window.h"
#include "l4a-registry.h"
#include "l4a-window-private.h"
#include "l4a-reveal.h"
#include "l4a-toast.h"

G_DEFINE_FINAL_TYPE (L4aWindow, l4a_window, ADW_TYPE_APPLICATION_WINDOW)

/* A window this wide (or maximized) has room for the wide switcher */
#define WIDE_START 1100

static void
update_sample_banner (L4aWindow *self)
{
  l4a_reveal (self->sample_banner, self->store != NULL && l4a_sample_is_loaded (self->store));
}

/* The banner follows the data like any view: from the context. */
static void
context_changed_cb (L4aWindow  *self,
                    L4aChanges *changes)
{
  update_sample_banner (self);
}

static gboolean update_pages (gpointer data);

static void
role_changed_cb (L4aWindow *self)
{
  L4aRole role = l4a_store_get_role (self->store);
  const char *identity = l4a_store_get_identity (self->store);
  g_autofree char *who = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up",
                                 l4a_store_can (self->store, L4A_PERMISSION_BACK_UP));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish",
                                 l4a_store_can (self->store, L4A_PERMISSION_KEEP_REGISTRY));
  if (self->pages_idle == 0)
    self->pages_idle = g_idle_add (update_pages, self);

  /* who this workstation acts as, under the window's title */
  g_autofree char *name = NULL;

  if (role != L4A_ROLE_SECRETARIAT && identity != NULL)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      guint index;

      if (l4a_registry_list_identities (self->store, role, ids, names, NULL) &&
          g_ptr_array_find_with_equal_func (ids, identity, g_str_equal, &index))
        {
          name = g_strdup (g_ptr_array_index (names, index));
          /* translators: who a workstation acts as: a name, then a role */
          who = g_strdup_printf (_("%s · %s"), name, l4a_role_get_label (role));
        }
    }
  adw_window_title_set_subtitle (self->window_title, who ? who : l4a_role_get_label (role));
  /* the button has the name alone, its tooltip and its name say the role */
  adw_button_content_set_label (self->identity_content, name ? name : l4a_role_get_label (role));
  gtk_widget_set_tooltip_text (self->identity_button, who ? who : l4a_role_get_label (role));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->identity_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  who ? who : l4a_role_get_label (role), -1);
}

/* A view with nothing for the role is not shown: a local government never
 * reads reviews. Changed after the layout of the switcher, not in it. */
static gboolean
update_pages (gpointer data)
{
  L4aWindow *self = data;
  L4aRole role = l4a_store_get_role (self->store);
  AdwViewStackPage *reviews = adw_view_stack_get_page (self->stack, GTK_WIDGET (self->reviews_page));

  self->pages_idle = 0;
  if (role == L4A_ROLE_GOVERNMENT &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "reviews") == 0)
    adw_view_stack_set_visible_child_name (self->stack, "proposals");
  adw_view_stack_page_set_visible (reviews, role != L4A_ROLE_GOVERNMENT);
  return G_SOURCE_REMOVE;
}

/* The bar at the bottom gives each view a fifth of a phone's width: the
 * short names some languages need there. */
static void
set_view_titles (L4aWindow *self,
                 gboolean   narrow)
{
  static const struct { const char *page, *title, *narrow; } titles[] = {
    { "hubs", N_("_Hubs"), NC_("view switcher bar, a fifth of 360 pixels", "_Hubs") },
    { "proposals", N_("_Proposals"), NC_("view switcher bar, a fifth of 360 pixels", "_Proposals") },
    { "reviews", N_("_Reviews"), NC_("view switcher bar, a fifth of 360 pixels", "_Reviews") },
    { "indicators", N_("_Indicators"), NC_("view switcher bar, a fifth of 360 pixels", "_Indicators") },
    { "brand-kit", N_("_Brand Kit"), NC_("view switcher bar, a fifth of 360 pixels", "_Brand Kit") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, titles[i].page);

      if (child != NULL)
        adw_view_stack_page_set_title (adw_view_stack_get_page (self->stack, child),
                                       narrow ? g_dpgettext2 (GETTEXT_PACKAGE, "view switcher bar, a fifth of 360 pixels",
                                                              titles[i].narrow)
                                              : _(titles[i].title));
    }
}

/* Whether the header shows the title: no switcher fits in it. */
static gboolean
title_visible (L4aWindow *self)
{
  return adw_squeezer_get_visible_child (self->title_squeezer) == GTK_WIDGET (self->window_title);
}

/* On a narrow window the title says, under the name, who the workstation
 * acts as; on a wide one the switcher takes the title's place, and a button
 * at the start says it. Its visibility changes after the layout that
 * changed the title, never during it. */
static gboolean
update_identity_button (gpointer data)
{
  L4aWindow *self = data;
  gboolean narrow = title_visible (self);

  self->identity_idle = 0;
  gtk_widget_set_visible (self->identity_button, !narrow);
  set_view_titles (self, narrow);
  return G_SOURCE_REMOVE;
}

/* The narrow switcher and the bar at the bottom, each five buttons of a
 * dozen widgets, are only needed on a narrower window: they are given
 * their buttons when the window starts narrow, once it is first painted
 * otherwise (so that the first frame does not wait for them), or as soon
 * as the header has no room for the wide switcher, whichever comes first. */
static void
complete_switchers (L4aWindow *self)
{
  if (self->switchers_complete)
    return;
  self->switchers_complete = TRUE;
  g_clear_handle_id (&self->switchers_idle, g_source_remove);
  adw_view_switcher_set_stack (self->narrow_switcher, self->stack);
  adw_squeezer_page_set_enabled (self->narrow_switcher_page, TRUE);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, title_visible (self));
}

static gboolean
complete_switchers_cb (gpointer data)
{
  L4aWindow *self = data;

  self->switchers_idle = 0;
  complete_switchers (self);
  return G_SOURCE_REMOVE;
}

static void
complete_switchers_later (L4aWindow *self)
{
  if (!self->switchers_complete && self->switchers_idle == 0)
    self->switchers_idle = g_idle_add (complete_switchers_cb, self);
}

static void
first_paint_cb (GdkFrameClock *clock,
                L4aWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  complete_switchers_later (self);
}

/* The squeezer chose what the header shows, during a layout: the bar,
 * the identity button and the views' names follow after it. */
static void
title_squeezer_child_cb (L4aWindow *self)
{
  if (self->switchers_complete)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, title_visible (self));
  else if (title_visible (self))
    complete_switchers_later (self);   /* no room for the wide one, no narrow one to try yet */
  if (self->identity_idle == 0)
    self->identity_idle = g_idle_add (update_identity_button, self);
}

/* The views other than the registry are built the first time they are
 * shown (or asked for), so that opening the window costs what its first
 * view costs. Returns the view called @name, built if need be. */
static GtkWidget *
build_view (AdwBin *page,
            GType   type)
{
  GtkWidget *view = g_object_new (type, NULL);

  adw_bin_set_child (page, view);
  return view;
}

static GtkWidget *
ensure_view (L4aWindow  *self,
             const char *name)
{
  gboolean build = self->context != NULL;

  if (g_strcmp0 (name, "hubs") == 0)
    return GTK_WIDGET (self->hubs_view);
  if (g_strcmp0 (name, "proposals") == 0)
    {
      if (self->proposals_view == NULL && build)
        {
          self->proposals_view = L4A_PROPOSALS_VIEW (build_view (self->proposals_page, L4A_TYPE_PROPOSALS_VIEW));
          l4a_proposals_view_set_context (self->proposals_view, self->context);
        }
      return GTK_WIDGET (self->proposals_view);
    }
  if (g_strcmp0 (name, "reviews") == 0)
    {
      if (self->reviews_view == NULL && build)
        {
          self->reviews_view = L4A_REVIEWS_VIEW (build_view (self->reviews_page, L4A_TYPE_REVIEWS_VIEW));
          l4a_reviews_view_set_context (self->reviews_view, self->context);
        }
      return GTK_WIDGET (self->reviews_view);
    }
  if (g_strcmp0 (name, "indicators") == 0)
    {
      if (self->indicators_view == NULL && build)
        {
          self->indicators_view = L4A_INDICATORS_VIEW (build_view (self->indicators_page, L4A_TYPE_INDICATORS_VIEW));
          l4a_indicators_view_set_context (self->indicators_view, self->context,
                                           l4a_hubs_view_get_visible (self->hubs_view));
        }
      return GTK_WIDGET (self->indicators_view);
    }
  if (g_strcmp0 (name, "brand-kit") == 0)
    {
      if (self->brand_view == NULL && build)
        {
          self->brand_view = L4A_BRAND_VIEW (build_view (self->brand_page, L4A_TYPE_BRAND_VIEW));
          l4a_brand_view_set_context (self->brand_view, self->context);
        }
      return GTK_WIDGET (self->brand_view);
    }
  return NULL;
}

static void
visible_view_changed_cb (L4aWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (self->stack));
}

/* The view a role starts on: a board member's assignments, a local
 * government's proposals, the secretariat's registry. */
static void
show_home_view (L4aWindow *self)
{
  switch (l4a_store_get_role (self->store))
    {
    case L4A_ROLE_MEMBER:
      adw_view_stack_set_visible_child_name (self->stack, "reviews");
      break;
    case L4A_ROLE_GOVERNMENT:
      adw_view_stack_set_visible_child_name (self->stack, "proposals");
      break;
    case L4A_ROLE_SECRETARIAT:
    default:
      adw_view_stack_set_visible_child_name (self->stack, "hubs");
      break;
    }
}

/* Another process (the command line, a sync tool, another window) may have
 * written: look when the user comes back, and now and then while shown. */
static void
is_active_changed_cb (L4aWindow *self)
{
  if (self->context != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    l4a_context_check_for_changes (self->context);
}

#define POLL_INTERVAL_MS 2000

static void
l4a_window_map (GtkWidget *widget)
{
  L4aWindow *self = L4A_WINDOW (widget);

  GTK_WIDGET_CLASS (l4a_window_parent_class)->map (widget);
  if (!self->switchers_complete)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (first_paint_cb), self, 0);
  if (self->context != NULL)
    l4a_context_set_polling (self->context, POLL_INTERVAL_MS);
}

static void
l4a_window_unmap (GtkWidget *widget)
{
  L4aWindow *self = L4A_WINDOW (widget);

  if (self->context != NULL)
    l4a_context_set_polling (self->context, 0);
  GTK_WIDGET_CLASS (l4a_window_parent_class)->unmap (widget);
}

static void
save_window_state (L4aWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
l4a_window_close_request (GtkWindow *window)
{
  save_window_state (L4A_WINDOW (window));

  return GTK_WINDOW_CLASS (l4a_window_parent_class)->close_request (window);
}

/* Runs once the window belongs to @app ("application" is no construct
 * property, so this cannot happen in constructed()). */
static void
setup_for_application (L4aWindow      *self,
                       L4aApplication *app)
{
  self->settings = g_object_ref (l4a_application_get_settings (app));
  self->context = g_object_ref (l4a_application_get_context (app));
  self->store = g_object_ref (l4a_context_get_store (self->context));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* the short names, and the identity in the title only, from the start on
   * a narrow window, lest the wide header widen it before the first layout
   * tells */
  else if (g_settings_get_int (self->settings, "window-width") < 720)
    {
      set_view_titles (self, TRUE);
      gtk_widget_set_visible (self->identity_button, FALSE);
    }
  /* a window that may start too narrow for the wide switcher has the
   * others from the start */
  if (!g_settings_get_boolean (self->settings, "window-maximized") &&
      g_settings_get_int (self->settings, "window-width") < WIDE_START)
    complete_switchers (self);

  /* each view follows the context itself: its changes and its role */
  l4a_hubs_view_set_context (self->hubs_view, self->context, self->settings);
  /* the others as they are built (ensure_view()) */
  g_signal_connect_object (self->context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), self);
  update_sample_banner (self);
  role_changed_cb (self);
  show_home_view (self);
  ensure_view (self, adw_view_stack_get_visible_child_name (self->stack));
}

static void
l4a_window_dispose (GObject *object)
{
  L4aWindow *self = (L4aWindow *)object;

  /* libadwaita 1.2 warns when a switcher outlives its stack: detach them
   * before the stack goes. */
  if (self->switcher_bar)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->wide_switcher)
    adw_view_switcher_set_stack (self->wide_switcher, NULL);
  if (self->narrow_switcher)
    adw_view_switcher_set_stack (self->narrow_switcher, NULL);

  g_clear_handle_id (&self->identity_idle, g_source_remove);
  g_clear_handle_id (&self->switchers_idle, g_source_remove);
  g_clear_handle_id (&self->pages_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_WINDOW);
  if (self->context != NULL)
    l4a_context_set_polling (self->context, 0);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (l4a_window_parent_class)->dispose (object);
}

static void
l4a_window_class_init (L4aWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = l4a_window_dispose;
  widget_class->map = l4a_window_map;
  widget_class->unmap = l4a_window_unmap;
  window_class->close_request = l4a_window_close_request;

  g_type_ensure (L4A_TYPE_HUBS_VIEW);
  g_type_ensure (L4A_TYPE_PROPOSALS_VIEW);
  g_type_ensure (L4A_TYPE_REVIEWS_VIEW);
  g_type_ensure (L4A_TYPE_INDICATORS_VIEW);
  g_type_ensure (L4A_TYPE_BRAND_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, wide_switcher);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, narrow_switcher_page);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, title_squeezer_child_cb);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, hubs_view);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, proposals_page);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, reviews_page);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, brand_page);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, identity_button);
  gtk_widget_class_bind_template_child (widget_class, L4aWindow, identity_content);

  _l4a_window_class_actions_init (klass);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_window_init (L4aWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));

  /* Each view is named after its page, so that what a screen reader says
   * inside it (the search of the Hubs, the Call of the Reviews) has a place. */
  {
    g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
      {
        g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
        g_autofree char *title = l4a_mnemonic_strip (adw_view_stack_page_get_title (page));

        gtk_accessible_update_property (GTK_ACCESSIBLE (adw_view_stack_page_get_child (page)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      }
  }

  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_view_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* a bundle dropped anywhere on the window is offered for import */
  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (_l4a_window_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

L4aWindow *
l4a_window_new (L4aApplication *application)
{
  g_return_val_if_fail (L4A_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (l4a_application_get_context (application) != NULL, NULL);

  L4aWindow *self;

  self = g_object_new (L4A_TYPE_WINDOW, "application", application, NULL);
  setup_for_application (self, application);
  return self;
}

/**
 * l4a_window_show_view:
 * @name: one of "hubs", "proposals", "reviews", "indicators", "brand-kit"
 */
void
l4a_window_show_view (L4aWindow  *self,
                      const char *name)
{
  g_return_if_fail (L4A_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * l4a_window_add_toast_object:
 * @toast: (transfer full): the toast
 */
void
l4a_window_add_toast_object (L4aWindow *self,
                             AdwToast  *toast)
{
  g_return_if_fail (L4A_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
l4a_window_add_toast (L4aWindow  *self,
                      const char *title)
{
  g_return_if_fail (L4A_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, l4a_toast_new (title));
}

