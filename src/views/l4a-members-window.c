/* l4a-members-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Advisory Board, kept by the World Secretariat: members, and their
 * conflicts of interest, automatic and declared.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-bind.h"
#include "l4a-choice-row.h"
#include "l4a-expertise-dialog.h"
#include "l4a-sdg-picker.h"
#include "l4a-types.h"
#include "l4a-government.h"
#include "l4a-government-row.h"
#include "l4a-member.h"
#include "l4a-rows.h"
#include "l4a-members-window.h"
#include "l4a-reference.h"
#include "l4a-rules.h"
#include "l4a-keys-group.h"
#include "l4a-toast.h"

struct _L4aMembersWindow
{
  AdwWindow        parent_instance;

  L4aStore        *store;
  GPtrArray       *members;        /* L4aMemberEdit */
  L4aMemberEdit   *editing;
  GPtrArray       *country_codes;

  AdwWindowTitle  *title;
  GtkButton       *back_button;
  GtkButton       *add_button;
  GtkButton       *save_button;
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkLabel        *notice;
  AdwEntryRow     *name_row;
  AdwComboRow     *country_row;
  AdwComboRow     *region_row;
  L4aGovernmentRow *affiliation_row;
  AdwEntryRow     *contact_row;
  L4aChoiceRow    *languages_row;
  L4aChoiceRow    *axes_row;
  L4aChoiceRow    *regions_row;
  L4aSdgPicker    *sdg_picker;
  AdwPreferencesGroup *conflicts_group;
  GPtrArray       *conflict_rows;
  L4aGovernmentRow *conflict_government_row;
  AdwEntryRow     *conflict_reason_row;
  GtkButton       *delete_button;
  L4aKeysGroup    *keys;
};

G_DEFINE_FINAL_TYPE (L4aMembersWindow, l4a_members_window, ADW_TYPE_WINDOW)

static void edit_member (L4aMembersWindow *self,
                         const char       *id);
static gboolean save (L4aMembersWindow  *self,
                      GError           **error);

static void
member_edit_free (gpointer data)
{
  l4a_member_edit_free (data);
}

static void
show_list (L4aMembersWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (self->store == NULL)
    return;

  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = l4a_member_list (self->store, &error);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->members == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (error->message));
      self->members = g_ptr_array_new_with_free_func (member_edit_free);
    }

  for (guint i = 0; i < self->members->len; i++)
    {
      L4aMemberEdit *member = g_ptr_array_index (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      guint declared = 0;
      g_autofree char *subtitle = NULL;

      for (guint k = 0; k < member->conflicts->len; k++)
        declared += !((L4aConflictEdit *) g_ptr_array_index (member->conflicts, k))->automatic;
      g_autofree char *key = l4a_keys_describe (self->store, L4A_ROLE_MEMBER, member->id);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u declared conflict · %s",
                                               "%s · %s · %u declared conflicts · %s", declared),
                                  l4a_reference_translate (L4A_REFERENCE_COUNTRIES, member->country),
                                  l4a_reference_translate (L4A_REFERENCE_REGIONS, member->region), declared, key);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
    }

  l4a_keys_group_refresh (self->keys);
  g_clear_pointer (&self->editing, l4a_member_edit_free);
  adw_window_title_set_subtitle (self->title, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void fill_conflicts (L4aMembersWindow *self);

static void
remove_conflict_cb (GtkButton        *button,
                    L4aMembersWindow *self)
{
  /* the rows are the conflicts, in their order */
  guint i = l4a_rows_find (self->conflict_rows, GTK_WIDGET (button));

  if (i >= self->editing->conflicts->len)
    return;
  g_ptr_array_remove_index (self->editing->conflicts, i);
  fill_conflicts (self);
}

static void
fill_conflicts (L4aMembersWindow *self)
{
  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_preferences_group_remove (self->conflicts_group, g_ptr_array_index (self->conflict_rows, i));
  g_ptr_array_set_size (self->conflict_rows, 0);

  for (guint i = 0; i < self->editing->conflicts->len; i++)
    {
      L4aConflictEdit *conflict = g_ptr_array_index (self->editing->conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      const char *name = conflict->government_name ? conflict->government_name : conflict->government_id;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   conflict->automatic ? _("Automatic: the member’s own government or country")
                                                       : conflict->reason);
      if (!conflict->automatic)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Remove the conflict with %s"), name);
          GtkWidget *button = l4a_remove_button_new (tooltip);

          g_signal_connect (button, "clicked", G_CALLBACK (remove_conflict_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->conflicts_group, row);
      g_ptr_array_add (self->conflict_rows, row);
    }
}

static void
show_editor (L4aMembersWindow *self,
             L4aMemberEdit    *edit)
{
  const L4aReferenceEntry *regions;
  guint n_regions;

  g_clear_pointer (&self->editing, l4a_member_edit_free);
  self->editing = edit;

  /* the rows are the member's properties, both ways, until another is shown */
  l4a_bind_text (edit, "name", self->name_row);
  l4a_bind_text (edit, "contact", self->contact_row);
  l4a_bind_choice (edit, "country", self->country_row, (const char * const *) self->country_codes->pdata,
                   self->country_codes->len, FALSE);
  regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
  {
    g_autoptr(GPtrArray) codes = g_ptr_array_new ();

    for (guint i = 0; i < n_regions; i++)
      g_ptr_array_add (codes, (gpointer) regions[i].code);
    l4a_bind_choice (edit, "region", self->region_row, (const char * const *) codes->pdata, codes->len, FALSE);
  }
  g_object_bind_property (edit, "government-id", self->affiliation_row, "government-id",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_editable_set_text (GTK_EDITABLE (self->conflict_reason_row), "");
  l4a_government_row_set_government_id (self->conflict_government_row, NULL);
  l4a_expertise_rows_show (self->languages_row, self->axes_row, self->regions_row, self->sdg_picker, edit);
  fill_conflicts (self);

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), edit->id != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notice), FALSE);
  adw_window_title_set_subtitle (self->title, edit->id ? edit->name : _("New Member"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* What the form holds that is not bound: the expertise declared. */
static void
collect (L4aMembersWindow *self)
{
  l4a_expertise_rows_read (self->languages_row, self->axes_row, self->regions_row, self->sdg_picker, self->editing);
}

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  L4aMembersWindow *self = L4A_MEMBERS_WINDOW (widget);
  const char *government_id = l4a_government_row_get_government_id (self->conflict_government_row);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->conflict_reason_row));
  g_autoptr(L4aGovernmentEdit) government = NULL;
  L4aConflictEdit *conflict;

  if (self->editing == NULL || government_id == NULL)
    return;
  if (l4a_text_is_blank (reason))
    {
      gtk_label_set_label (self->notice, _("Give the reason of each declared conflict."));
      gtk_widget_set_visible (GTK_WIDGET (self->notice), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->conflict_reason_row));
      return;
    }
  government = l4a_registry_load_government (self->store, government_id, NULL);
  if (government == NULL)
    return;
  conflict = l4a_member_edit_add_conflict (self->editing, government_id, reason);
  conflict->government_name = g_strdup (government->name);
  gtk_editable_set_text (GTK_EDITABLE (self->conflict_reason_row), "");
  l4a_government_row_set_government_id (self->conflict_government_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notice), FALSE);
  fill_conflicts (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  L4aMembersWindow *self = L4A_MEMBERS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->editing == NULL)
    return;   /* Ctrl+S over the list */
  if (!save (self, &error))
    {
      gtk_label_set_label (self->notice, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->notice), TRUE);
    }
}

static void
delete_cb (L4aMembersWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editing == NULL || self->editing->id == NULL)
    return;
  if (!l4a_member_delete (self->store, self->editing->id, &error))
    {
      gtk_label_set_label (self->notice, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->notice), TRUE);
      return;
    }
  show_list (self);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Member removed")));
}

/* A member's form, or a new one's (""). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  edit_member (L4A_MEMBERS_WINDOW (widget), *id ? id : NULL);
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  L4aMembersWindow *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->members->len)
    gtk_widget_activate_action (GTK_WIDGET (self), "members.edit", "s",
                                ((L4aMemberEdit *) g_ptr_array_index (self->members, index))->id);
}

static void
build_choices (L4aMembersWindow *self)
{
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  const L4aReferenceEntry *entries;
  guint n;

  g_ptr_array_extend_and_steal (self->country_codes, l4a_reference_sorted_codes (L4A_REFERENCE_COUNTRIES));
  for (guint i = 0; i < self->country_codes->len; i++)
    gtk_string_list_append (countries, l4a_reference_translate (L4A_REFERENCE_COUNTRIES,
                                                                g_ptr_array_index (self->country_codes, i)));
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (countries));

  entries = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (regions, l4a_reference_translate (L4A_REFERENCE_REGIONS, entries[i].code));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));

  /* what a member can review */
  l4a_expertise_rows_fill (self->languages_row, self->axes_row, self->regions_row);

  /* governments are found by words, among however many there are */
  l4a_government_row_set_store (self->affiliation_row, self->store);
  l4a_government_row_set_store (self->conflict_government_row, self->store);
}

static void
l4a_members_window_dispose (GObject *object)
{
  L4aMembersWindow *self = (L4aMembersWindow *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->editing, l4a_member_edit_free);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_members_window_parent_class)->dispose (object);
}

static void
l4a_members_window_class_init (L4aMembersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_members_window_dispose;

  g_type_ensure (L4A_TYPE_KEYS_GROUP);
  g_type_ensure (L4A_TYPE_CHOICE_ROW);
  g_type_ensure (L4A_TYPE_GOVERNMENT_ROW);
  g_type_ensure (L4A_TYPE_SDG_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-members-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, title);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, list);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, keys);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, notice);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, affiliation_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, languages_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, axes_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, regions_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, sdg_picker);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, conflict_government_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, conflict_reason_row);
  gtk_widget_class_bind_template_child (widget_class, L4aMembersWindow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, show_list);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "members.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "members.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "members.declare", NULL, declare_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "members.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_members_window_init (L4aMembersWindow *self)
{
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  self->conflict_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

L4aMembersWindow *
l4a_members_window_new (L4aStore *store)
{
  L4aMembersWindow *self = g_object_new (L4A_TYPE_MEMBERS_WINDOW, NULL);

  self->store = g_object_ref (store);
  l4a_keys_group_set_store (self->keys, store);
  build_choices (self);
  show_list (self);
  return self;
}

/* A member's form, or a new one's (%NULL). */
static void
edit_member (L4aMembersWindow *self,
             const char       *id)
{
  g_autoptr(GError) error = NULL;
  L4aMemberEdit *edit;

  g_return_if_fail (L4A_IS_MEMBERS_WINDOW (self));

  edit = id ? l4a_member_load (self->store, id, &error) : l4a_member_edit_new ();
  if (edit == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (error->message));
      return;
    }
  show_editor (self, edit);
}

static gboolean
save (L4aMembersWindow  *self,
      GError           **error)
{
  g_autofree char *text = NULL;
  guint unassigned = 0;

  g_return_val_if_fail (L4A_IS_MEMBERS_WINDOW (self), FALSE);

  if (self->editing == NULL)
    return FALSE;
  collect (self);
  if (!l4a_member_save (self->store, self->editing, &unassigned, error))
    return FALSE;
  text = unassigned > 0
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved; withdrawn from %u proposal in conflict",
                                         "Saved; withdrawn from %u proposals in conflict", unassigned), unassigned)
         : g_strdup (_("Saved"));
  show_list (self);
  adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (text));
  return TRUE;
}
