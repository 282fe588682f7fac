/* l4a-governments-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-governments-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-permissions.h"
#include "l4a-accessible.h"
#include "l4a-government.h"
#include "l4a-government-row.h"
#include "l4a-governments-window.h"
#include "l4a-list-update.h"
#include "l4a-keys-group.h"
#include "l4a-hub-edit.h"
#include "l4a-bind.h"
#include "l4a-reference.h"
#include "l4a-rules.h"

/* The local and regional governments and associations that hubs, proposals
 * and board members refer to: find, create, edit, and merge duplicates. */
struct _L4aGovernmentsWindow
{
  AdwWindow          parent_instance;

  L4aStore          *store;
  GListStore        *shown;      /* L4aGovernment: the first found by the search */
  L4aGovernmentEdit *editing;
  GPtrArray         *country_codes;
  gboolean           loading;

  AdwLeaflet        *leaflet;
  GtkButton         *new_button;
  GtkSearchEntry    *search_entry;
  GtkListBox        *list_box;
  GtkLabel          *count_label;
  AdwWindowTitle    *edit_title;
  AdwEntryRow       *name_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *country_row;
  AdwComboRow       *region_row;
  AdwEntryRow       *contact_row;
  AdwEntryRow       *place_row;
  GtkLabel          *error_label;
  AdwPreferencesGroup *merge_group;
  L4aKeysGroup      *keys;
};

G_DEFINE_FINAL_TYPE (L4aGovernmentsWindow, l4a_governments_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* the kinds a government is of, in the order of the row */
#define kinds (l4a_enum_get_nicks (L4A_TYPE_GOVERNMENT_KIND))

static void reload (L4aGovernmentsWindow *self);

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  L4aGovernmentsWindow *self = user_data;
  L4aGovernment *government = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *key = l4a_keys_describe (self->store, L4A_ROLE_GOVERNMENT, l4a_government_get_id (government));
  guint hubs = l4a_government_get_hubs (government);
  guint proposals = l4a_government_get_proposals (government);

  g_autofree char *hub_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hub", "%u hubs", hubs), hubs);
  g_autofree char *proposal_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposal", "%u proposals",
                                                                  proposals), proposals);

  /* translators: a government's kind, country and region, then how many hubs and proposals it has, then the
   * state of its key */
  subtitle = g_strdup_printf (_("%s · %s · %s\n%s, %s · %s"),
                              l4a_government_kind_label (l4a_government_get_kind (government)),
                              l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_government_get_country (government)),
                              l4a_reference_translate (L4A_REFERENCE_REGIONS, l4a_government_get_region (government)),
                              hub_count, proposal_count, key);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), l4a_government_get_name (government));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void reload (L4aGovernmentsWindow *self);

static void
search_changed_cb (L4aGovernmentsWindow *self)
{
  reload (self);
}

static void
validate (L4aGovernmentsWindow *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->editing == NULL || self->loading)
    return;

  problems = l4a_government_edit_validate (self->store, self->editing);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", ((L4aFieldError *) problems->pdata[i])->message);
  gtk_label_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
  {
    struct { const char *field; AdwEntryRow *row; } rows[] = { { "name", self->name_row }, { "place", self->place_row } };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      if (l4a_field_errors_find (problems, rows[i].field))
        gtk_widget_add_css_class (GTK_WIDGET (rows[i].row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i].row), "error");
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governments.save", problems->len == 0);
}

static void
back_clicked_cb (L4aGovernmentsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Shows @edit (taken) in the form, its rows bound to its properties; the
 * one shown before is let go, and its bindings with it. */
static void
show_editor (L4aGovernmentsWindow *self,
             L4aGovernmentEdit    *edit)
{
  const L4aReferenceEntry *regions;
  g_autofree const char **region_codes = NULL;
  guint n_regions;

  self->loading = TRUE;
  g_clear_object (&self->editing);
  self->editing = edit;

  adw_window_title_set_title (self->edit_title, edit->id ? _("Edit Government") : _("New Government"));
  l4a_bind_text (edit, "name", self->name_row);
  l4a_bind_choice (edit, "kind", self->kind_row, kinds, g_strv_length ((char **) kinds), FALSE);
  l4a_bind_choice (edit, "country", self->country_row, (const char * const *) self->country_codes->pdata,
                   self->country_codes->len, FALSE);
  regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
  region_codes = g_new0 (const char *, n_regions + 1);
  for (guint i = 0; i < n_regions; i++)
    region_codes[i] = regions[i].code;
  l4a_bind_choice (edit, "region", self->region_row, region_codes, n_regions, FALSE);
  l4a_bind_text (edit, "contact", self->contact_row);
  l4a_bind_text (edit, "place", self->place_row);
  /* any change is checked by the core at once */
  g_signal_connect_object (edit, "notify", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->merge_group), edit->id != NULL);
  self->loading = FALSE;

  validate (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void show_error (L4aGovernmentsWindow *self,
                        const char           *heading,
                        const GError         *error);

static void
edit_government (L4aGovernmentsWindow *self,
                 const char           *id)
{
  g_autoptr(GError) error = NULL;
  L4aGovernmentEdit *edit;

  g_return_if_fail (L4A_IS_GOVERNMENTS_WINDOW (self));

  edit = id ? l4a_registry_load_government (self->store, id, &error) : l4a_government_edit_new ();
  if (edit == NULL)
    {
      /* gone since it was listed: deleted or merged elsewhere */
      show_error (self, _("The Government Cannot Be Opened"), error);
      return;
    }
  show_editor (self, edit);
}

static void
row_activated_cb (L4aGovernmentsWindow *self,
                  GtkListBoxRow        *row)
{
  /* the list shows the governments found, row for item */
  g_autoptr(L4aGovernment) government = g_list_model_get_item (G_LIST_MODEL (self->shown),
                                                               gtk_list_box_row_get_index (row));

  if (government != NULL)
    edit_government (self, l4a_government_get_id (government));
}

/* A government's form, or a new one's (no id, or ""). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  edit_government (L4A_GOVERNMENTS_WINDOW (widget), *id ? id : NULL);
}

static void
show_error (L4aGovernmentsWindow *self,
            const char           *heading,
            const GError         *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static gboolean
save (L4aGovernmentsWindow  *self,
      GError               **error)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENTS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->editing != NULL, FALSE);

  validate (self);
  if (!l4a_registry_save_government (self->store, self->editing, error))
    return FALSE;

  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  L4aGovernmentsWindow *self = L4A_GOVERNMENTS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    show_error (self, _("The Government Cannot Be Saved"), error);
}

gboolean
l4a_governments_window_merge (L4aGovernmentsWindow  *self,
                              const char            *duplicate_id,
                              GError               **error)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENTS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->editing != NULL && self->editing->id != NULL, FALSE);

  if (!l4a_registry_merge_governments (self->store, self->editing->id, duplicate_id, error))
    return FALSE;

  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
merge_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   L4aGovernmentsWindow *self)
{
  GtkListBox *box = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  L4aGovernmentRow *row = L4A_GOVERNMENT_ROW (gtk_list_box_get_row_at_index (box, 0));
  const char *duplicate = l4a_government_row_get_government_id (row);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "merge") || duplicate == NULL)
    return;

  if (!l4a_governments_window_merge (self, duplicate, &error))
    show_error (self, _("The Governments Cannot Be Merged"), error);
}

static void
duplicate_chosen_cb (L4aGovernmentRow *row,
                     GParamSpec       *pspec,
                     AdwMessageDialog *dialog)
{
  L4aGovernmentsWindow *self = L4A_GOVERNMENTS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  const char *duplicate = l4a_government_row_get_government_id (row);

  /* a government is no duplicate of itself */
  adw_message_dialog_set_response_enabled (dialog, "merge", duplicate != NULL && self->editing != NULL &&
                                           g_strcmp0 (duplicate, self->editing->id) != 0);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  L4aGovernmentsWindow *self = L4A_GOVERNMENTS_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *row = g_object_new (L4A_TYPE_GOVERNMENT_ROW, "title", _("The duplicate"),
                                 "placeholder", _("Choose a government…"), NULL);
  g_autofree char *body = NULL;

  /* translators: %s is the government that stays */
  body = g_strdup_printf (_("Everything that refers to the duplicate will refer to “%s”, and the duplicate will be deleted. This cannot be undone."),
                          self->editing->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Merge a Duplicate?"), body));
  /* the duplicate is found by words, among however many there are */
  l4a_government_row_set_store (L4A_GOVERNMENT_ROW (row), self->store);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "merge", FALSE);
  g_signal_connect_object (row, "notify::government-id", G_CALLBACK (duplicate_chosen_cb), dialog, 0);
  /* the dialog is modal to this window, which outlives it */
  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

/* how many governments the list shows at once: words find the others */
#define PAGE 200

static void
reload (L4aGovernmentsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint n_found = 0, n;

  if (self->store == NULL)
    return;
  found = l4a_registry_find_governments (self->store, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                         PAGE, &n_found, &error);
  if (found == NULL)
    {
      /* translators: %s says why (the database's words) */
      count = g_strdup_printf (_("The governments cannot be listed: %s"), error->message);
      gtk_label_set_label (self->count_label, count);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
      return;
    }

  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));
  l4a_list_store_update (self->shown, items);
  if (n_found > n)
    /* translators: %u are numbers of governments; the list shows the first ones */
    count = g_strdup_printf (ngettext ("The first %u of %u government. Search to find the others.",
                                       "The first %u of %u governments. Search to find the others.", n_found),
                             n, n_found);
  gtk_label_set_label (self->count_label, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count != NULL);
  l4a_keys_group_refresh (self->keys);
}

static void
fill_reference_models (L4aGovernmentsWindow *self)
{
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  const L4aReferenceEntry *entries;
  guint n;

  /* Countries by their name in the user's language. */
  g_ptr_array_extend_and_steal (self->country_codes, l4a_reference_sorted_codes (L4A_REFERENCE_COUNTRIES));
  for (guint i = 0; i < self->country_codes->len; i++)
    gtk_string_list_append (countries, l4a_reference_translate (L4A_REFERENCE_COUNTRIES,
                                                                g_ptr_array_index (self->country_codes, i)));
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (countries));

  entries = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (regions, l4a_reference_translate (L4A_REFERENCE_REGIONS, entries[i].code));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));
}

static void
l4a_governments_window_dispose (GObject *object)
{
  L4aGovernmentsWindow *self = (L4aGovernmentsWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_GOVERNMENTS_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->shown);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_governments_window_parent_class)->dispose (object);
}

static void
l4a_governments_window_class_init (L4aGovernmentsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_governments_window_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (L4A_TYPE_KEYS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-governments-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, keys);
  gtk_widget_class_bind_template_callback (widget_class, reload);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, edit_title);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, merge_group);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentsWindow, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "governments.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "governments.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "governments.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "governments.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_governments_window_init (L4aGovernmentsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_combo_row_set_enum (self->kind_row, L4A_TYPE_GOVERNMENT_KIND);
  l4a_accessible_fix_button_names (GTK_WIDGET (self));

  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  self->shown = g_list_store_new (L4A_TYPE_GOVERNMENT);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row_cb, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  fill_reference_models (self);
}

/**
 * l4a_governments_window_new:
 *
 * Returns: (transfer none): the window, owned by GTK
 */
L4aGovernmentsWindow *
l4a_governments_window_new (L4aStore *store)
{
  L4aGovernmentsWindow *self;
  gboolean editable;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  self = g_object_new (L4A_TYPE_GOVERNMENTS_WINDOW, NULL);
  self->store = g_object_ref (store);
  l4a_keys_group_set_store (self->keys, store);
  reload (self);

  editable = l4a_store_can (store, L4A_PERMISSION_KEEP_REGISTRY);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_box), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governments.merge", editable);
  return self;
}
