/* l4a-expertise-dialog.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board member declares what they can review: the languages they read,
 * the Pact axes, the regions and the goals they know. Saved here, it
 * reaches the World Secretariat in their reviews bundle.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-expertise-dialog.h"
#include "l4a-reference.h"
#include "l4a-types.h"

struct _L4aExpertiseDialog
{
  AdwWindow      parent_instance;

  L4aStore      *store;
  L4aMemberEdit *edit;

  L4aChoiceRow  *languages_row;
  L4aChoiceRow  *axes_row;
  L4aChoiceRow  *regions_row;
  L4aSdgPicker  *sdg_picker;
  GtkLabel      *problem;
};

G_DEFINE_FINAL_TYPE (L4aExpertiseDialog, l4a_expertise_dialog, ADW_TYPE_WINDOW)

void
l4a_expertise_rows_fill (L4aChoiceRow *languages,
                         L4aChoiceRow *axes,
                         L4aChoiceRow *regions)
{
  const L4aReferenceEntry *entries;
  guint n;

  for (const char * const *nick = l4a_enum_get_nicks (L4A_TYPE_NETWORK_LANGUAGE); *nick; nick++)
    l4a_choice_row_add (languages, *nick, l4a_enum_get_label (L4A_TYPE_NETWORK_LANGUAGE, *nick));
  l4a_choice_row_set_none (languages, _("Not declared: any language"));
  entries = l4a_reference_entries (L4A_REFERENCE_AXES, &n);
  for (guint i = 0; i < n; i++)
    l4a_choice_row_add (axes, entries[i].code, l4a_reference_translate (L4A_REFERENCE_AXES, entries[i].code));
  l4a_choice_row_set_none (axes, _("None declared"));
  entries = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (entries[i].kind, "region") == 0)
      l4a_choice_row_add (regions, entries[i].code, l4a_reference_translate (L4A_REFERENCE_REGIONS, entries[i].code));
  l4a_choice_row_set_none (regions, _("None declared"));
}

void
l4a_expertise_rows_show (L4aChoiceRow        *languages,
                         L4aChoiceRow        *axes,
                         L4aChoiceRow        *regions,
                         L4aSdgPicker        *goals,
                         const L4aMemberEdit *edit)
{
  guint mask = 0;

  for (guint i = 0; i < edit->sdgs->len; i++)
    mask |= 1u << g_array_index (edit->sdgs, guint, i);
  l4a_sdg_picker_set_sdgs (goals, mask);
  l4a_choice_row_set_selected (languages, (const char * const *) edit->languages);
  l4a_choice_row_set_selected (axes, (const char * const *) edit->axes);
  l4a_choice_row_set_selected (regions, (const char * const *) edit->regions);
}

void
l4a_expertise_rows_read (L4aChoiceRow  *languages,
                         L4aChoiceRow  *axes,
                         L4aChoiceRow  *regions,
                         L4aSdgPicker  *goals,
                         L4aMemberEdit *edit)
{
  guint mask = l4a_sdg_picker_get_sdgs (goals);

  g_array_set_size (edit->sdgs, 0);
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (mask & (1u << goal))
      g_array_append_val (edit->sdgs, goal);
  g_strfreev (edit->languages);
  edit->languages = l4a_choice_row_get_selected (languages);
  g_strfreev (edit->axes);
  edit->axes = l4a_choice_row_get_selected (axes);
  g_strfreev (edit->regions);
  edit->regions = l4a_choice_row_get_selected (regions);
}

/**
 * l4a_expertise_dialog_save:
 *
 * Saves what the dialog shows, as its Save button does; the dialog then
 * closes.
 */
gboolean
l4a_expertise_dialog_save (L4aExpertiseDialog  *self,
                           GError             **error)
{
  g_return_val_if_fail (L4A_IS_EXPERTISE_DIALOG (self), FALSE);

  l4a_expertise_rows_read (self->languages_row, self->axes_row, self->regions_row, self->sdg_picker, self->edit);
  if (!l4a_member_declare_expertise (self->store, self->edit, error))
    return FALSE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  L4aExpertiseDialog *self = L4A_EXPERTISE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!l4a_expertise_dialog_save (self, &error))
    {
      gtk_label_set_label (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
    }
}

static void
l4a_expertise_dialog_dispose (GObject *object)
{
  L4aExpertiseDialog *self = L4A_EXPERTISE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->edit, l4a_member_edit_free);

  G_OBJECT_CLASS (l4a_expertise_dialog_parent_class)->dispose (object);
}

static void
l4a_expertise_dialog_class_init (L4aExpertiseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_expertise_dialog_dispose;

  g_type_ensure (L4A_TYPE_CHOICE_ROW);
  g_type_ensure (L4A_TYPE_SDG_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-expertise-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aExpertiseDialog, languages_row);
  gtk_widget_class_bind_template_child (widget_class, L4aExpertiseDialog, axes_row);
  gtk_widget_class_bind_template_child (widget_class, L4aExpertiseDialog, regions_row);
  gtk_widget_class_bind_template_child (widget_class, L4aExpertiseDialog, sdg_picker);
  gtk_widget_class_bind_template_child (widget_class, L4aExpertiseDialog, problem);
  gtk_widget_class_install_action (widget_class, "expertise.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
l4a_expertise_dialog_init (L4aExpertiseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_expertise_rows_fill (self->languages_row, self->axes_row, self->regions_row);
}

/**
 * l4a_expertise_dialog_new:
 *
 * Returns: (transfer none) (nullable): the dialog for the member this
 *   workstation acts as, or %NULL with @error set
 */
L4aExpertiseDialog *
l4a_expertise_dialog_new (GtkWindow  *parent,
                          L4aStore   *store,
                          GError    **error)
{
  L4aExpertiseDialog *self;
  L4aMemberEdit *edit;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  edit = l4a_member_load (store, l4a_store_get_identity (store) ? l4a_store_get_identity (store) : "", error);
  if (edit == NULL)
    return NULL;
  self = g_object_new (L4A_TYPE_EXPERTISE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->edit = edit;
  l4a_expertise_rows_show (self->languages_row, self->axes_row, self->regions_row, self->sdg_picker, edit);
  return self;
}
