/* l4a-hub-editor.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-bind.h"
#include "l4a-color.h"
#include "l4a-government.h"
#include "l4a-government-row.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-editor.h"
#include "l4a-reference.h"

/* The form that creates or changes a hub. Its rows are bound to the
 * properties of an L4aHubEdit (the text rows both ways, the choices
 * through the position of what they choose); the core checks every rule
 * on that object whenever one of them changes (one function for the form,
 * the command line and imports); messages show under their group and the
 * faulty rows are marked. Ctrl+S saves, Escape cancels. */
struct _L4aHubEditor
{
  AdwWindow      parent_instance;

  L4aStore      *store;
  L4aHubEdit    *original;   /* as loaded or last saved */
  L4aHubEdit    *edit;       /* what the form shows: its rows are bound to it */
  GPtrArray     *problems;
  GtkToggleButton *sdg_buttons[L4A_N_SDGS + 1];
  GPtrArray     *council_checks;
  gboolean       loading;

  GtkButton     *save_button;
  AdwEntryRow   *name_row;
  L4aGovernmentRow *government_row;
  AdwEntryRow   *topic_row;
  AdwEntryRow   *summary_row;
  AdwEntryRow   *start_row;
  AdwEntryRow   *end_row;
  AdwEntryRow   *label_row;
  AdwComboRow   *status_row;
  AdwComboRow   *format_row;
  AdwComboRow   *axis_row;
  GtkFlowBox    *sdg_box;
  AdwPreferencesGroup *councils_group;
  AdwEntryRow   *communication_row;
  AdwEntryRow   *brand_row;
  GtkLabel      *hub_error;
  GtkLabel      *frame_error;
  GtkLabel      *sdg_error;
};

G_DEFINE_FINAL_TYPE (L4aHubEditor, l4a_hub_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define statuses (l4a_enum_get_nicks (L4A_TYPE_HUB_STATUS))
#define formats (l4a_enum_get_nicks (L4A_TYPE_FORMAT))

static void
mark_row (GtkWidget  *row,
          const char *problem)
{
  if (problem)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
show_messages (GtkLabel    *label,
               GPtrArray   *problems,
               const char  *const *fields)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      L4aFieldError *problem = g_ptr_array_index (problems, i);

      if (g_strv_contains (fields, problem->field))
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
    }

  gtk_label_set_label (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

static void
validate (L4aHubEditor *self)
{
  L4aHubEdit *edit = self->edit;
  static const char * const hub_fields[] = { "name", "government_id", NULL };
  static const char * const frame_fields[] = { "start_on", "end_on", "label_date", NULL };
  static const char * const sdg_fields[] = { "sdgs", "councils", NULL };
  gboolean changed;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = l4a_hub_edit_validate (self->store, edit);

  /* A field left empty on a new form is not yet an error to shout about;
   * it still keeps Save off. */
  show_messages (self->hub_error, self->problems, hub_fields);
  show_messages (self->frame_error, self->problems, frame_fields);
  show_messages (self->sdg_error, self->problems, sdg_fields);

  mark_row (GTK_WIDGET (self->name_row), l4a_field_errors_find (self->problems, "name"));
  mark_row (GTK_WIDGET (self->government_row), l4a_field_errors_find (self->problems, "government_id"));
  mark_row (GTK_WIDGET (self->start_row), l4a_field_errors_find (self->problems, "start_on"));
  mark_row (GTK_WIDGET (self->end_row), l4a_field_errors_find (self->problems, "end_on"));
  mark_row (GTK_WIDGET (self->label_row), l4a_field_errors_find (self->problems, "label_date"));

  changed = self->original->id == NULL || !l4a_hub_edit_equal (edit, self->original);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problems->len == 0 && changed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               self->problems->len ? _("Mend the fields marked in red to save")
                                                   : !changed ? _("Nothing changed yet") : NULL);
}

static void
field_changed_cb (L4aHubEditor *self)
{
  if (!self->loading && self->edit != NULL)
    validate (self);
}

static void
sdg_toggled_cb (GtkToggleButton *button,
                L4aHubEditor    *self)
{
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (self->sdg_buttons[goal] == button && self->edit != NULL)
      l4a_hub_edit_set_sdg (self->edit, goal, gtk_toggle_button_get_active (button));
}

static void
council_toggled_cb (GtkCheckButton *check,
                    L4aHubEditor   *self)
{
  guint position;

  if (self->edit != NULL && g_ptr_array_find (self->council_checks, check, &position))
    l4a_hub_edit_set_council (self->edit, position, gtk_check_button_get_active (check));
}

/* The goals and councils chosen, shown by their buttons. */
static void
show_choices (L4aHubEditor *self)
{
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    gtk_toggle_button_set_active (self->sdg_buttons[goal], (self->edit->sdgs & (1u << goal)) != 0);
  for (guint i = 0; i < self->council_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->council_checks, i),
                                 (self->edit->councils & (1u << i)) != 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  L4aHubEditor *self = L4A_HUB_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!l4a_hub_editor_save (self, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Hub Cannot Be Saved"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      l4a_accessible_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
add_sdg_buttons (L4aHubEditor *self)
{
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      const L4aReferenceEntry *entry = l4a_reference_sdg (goal);
      g_autofree char *label = g_strdup_printf ("%u", goal);
      g_autofree char *css = g_strdup_printf ("l4a-sdg-%u", goal);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_add_css_class (button, "l4a-sdg-toggle");
      gtk_widget_add_css_class (button, css);
      gtk_widget_set_tooltip_text (button, l4a_reference_translate (L4A_REFERENCE_SDGS, entry->code));
      /* translators: an SDG goal's number and name, read out by a screen reader */
      {
        g_autofree char *name = g_strdup_printf (_("Goal %u: %s"), goal,
                                                 l4a_reference_translate (L4A_REFERENCE_SDGS, entry->code));
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      g_signal_connect (button, "toggled", G_CALLBACK (sdg_toggled_cb), self);
      gtk_flow_box_append (self->sdg_box, button);
      self->sdg_buttons[goal] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
add_council_rows (L4aHubEditor *self)
{
  const L4aReferenceEntry *councils;
  guint n;

  councils = l4a_reference_entries (L4A_REFERENCE_COUNCILS, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     l4a_reference_translate (L4A_REFERENCE_COUNCILS, councils[i].code));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (council_toggled_cb), self);
      adw_preferences_group_add (self->councils_group, row);
      g_ptr_array_add (self->council_checks, check);
    }
}

static void
fill_models (L4aHubEditor *self)
{
  g_autoptr(GtkStringList) axes_model = gtk_string_list_new (NULL);
  const L4aReferenceEntry *axes;
  guint n;

  /* the lead government is found by words, among however many there are */
  l4a_government_row_set_store (self->government_row, self->store);

  gtk_string_list_append (axes_model, C_("pact axis", "None"));
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (axes_model, l4a_reference_translate (L4A_REFERENCE_AXES, axes[i].code));
  adw_combo_row_set_model (self->axis_row, G_LIST_MODEL (axes_model));
}

/* Binds the form to a copy of what was loaded, which it then changes. */
static void
bind_form (L4aHubEditor *self)
{
  g_autofree const char **axis_codes = NULL;
  const L4aReferenceEntry *axes;
  guint n_axes;

  self->loading = TRUE;
  self->edit = l4a_hub_edit_copy (self->original);
  l4a_bind_text (self->edit, "name", self->name_row);
  l4a_bind_text (self->edit, "topic", self->topic_row);
  l4a_bind_text (self->edit, "summary", self->summary_row);
  l4a_bind_text (self->edit, "start", self->start_row);
  l4a_bind_text (self->edit, "end", self->end_row);
  l4a_bind_text (self->edit, "label-date", self->label_row);
  l4a_bind_text (self->edit, "communication", self->communication_row);
  l4a_bind_text (self->edit, "brand-commitment", self->brand_row);

  g_object_bind_property (self->edit, "government-id", self->government_row, "government-id",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  l4a_bind_choice (self->edit, "status", self->status_row, statuses, g_strv_length ((char **) statuses), FALSE);
  l4a_bind_choice (self->edit, "format", self->format_row, formats, g_strv_length ((char **) formats), FALSE);
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n_axes);
  axis_codes = g_new0 (const char *, n_axes + 1);
  for (guint i = 0; i < n_axes; i++)
    axis_codes[i] = axes[i].code;
  l4a_bind_choice (self->edit, "pact-axis", self->axis_row, axis_codes, n_axes, TRUE);

  show_choices (self);
  g_signal_connect_object (self->edit, "notify::sdgs", G_CALLBACK (show_choices), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::councils", G_CALLBACK (show_choices), self, G_CONNECT_SWAPPED);
  /* any change is checked by the core at once */
  g_signal_connect_object (self->edit, "notify", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  self->loading = FALSE;
}

static void
l4a_hub_editor_dispose (GObject *object)
{
  L4aHubEditor *self = (L4aHubEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_HUB_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->edit);
  g_clear_object (&self->original);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->council_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_hub_editor_parent_class)->dispose (object);
}

static void
l4a_hub_editor_class_init (L4aHubEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_hub_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (L4A_TYPE_GOVERNMENT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-hub-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, government_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, label_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, axis_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, sdg_box);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, councils_group);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, communication_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, brand_row);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, hub_error);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, frame_error);
  gtk_widget_class_bind_template_child (widget_class, L4aHubEditor, sdg_error);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
l4a_hub_editor_init (L4aHubEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the rows that choose one of the domain's words list their labels */
  l4a_combo_row_set_enum (self->status_row, L4A_TYPE_HUB_STATUS);
  l4a_combo_row_set_enum (self->format_row, L4A_TYPE_FORMAT);
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  self->council_checks = g_ptr_array_new ();
  add_sdg_buttons (self);
  add_council_rows (self);
  self->loading = FALSE;
}

/**
 * l4a_hub_editor_new:
 * @hub_id: (nullable): the hub to edit, or %NULL for a new one
 *
 * Returns: (transfer none) (nullable): the editor, owned by GTK like any
 *   window, or %NULL with @error set
 */
L4aHubEditor *
l4a_hub_editor_new (L4aStore    *store,
                    const char  *hub_id,
                    GError     **error)
{
  L4aHubEditor *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  /* Like every GtkWindow, the editor belongs to GTK until destroyed. */
  self = g_object_new (L4A_TYPE_HUB_EDITOR, NULL);
  self->store = g_object_ref (store);

  if (hub_id != NULL)
    self->original = l4a_registry_load_hub (store, hub_id, error);
  else
    self->original = l4a_hub_edit_new ();
  if (self->original == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  fill_models (self);

  gtk_window_set_title (GTK_WINDOW (self), hub_id ? _("Edit Hub") : _("New Hub"));
  bind_form (self);
  validate (self);

  /* A new form starts without shouting: show only what the user touches. */
  if (hub_id == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->hub_error), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->frame_error), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->sdg_error), FALSE);
    }

  return self;
}

/**
 * l4a_hub_editor_save:
 *
 * Saves the form; on success emits #L4aHubEditor::saved with the hub's id.
 */
gboolean
l4a_hub_editor_save (L4aHubEditor  *self,
                     GError       **error)
{
  g_return_val_if_fail (L4A_IS_HUB_EDITOR (self), FALSE);

  if (!l4a_registry_save_hub (self->store, self->edit, error))
    return FALSE;

  /* what is saved is what the form now starts from */
  g_clear_object (&self->original);
  self->original = l4a_hub_edit_copy (self->edit);
  validate (self);
  g_signal_emit (self, signals[SAVED], 0, self->original->id);
  return TRUE;
}
