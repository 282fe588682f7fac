/* l4a-hub-editor.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-hub-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-color.h"
#include "l4a-government.h"
#include "l4a-hub-edit.h"
#include "l4a-hub-editor.h"
#include "l4a-hub-editor-private.h"
#include "l4a-reference.h"

/* The form that creates or changes a hub. The core checks every rule as the
 * user types (one function for the form, the command line and imports);
 * messages show under their group and the faulty rows are marked. Ctrl+S
 * saves, Escape cancels. */
struct _L4aHubEditor
{
  AdwWindow      parent_instance;

  L4aStore      *store;
  L4aHubEdit    *original;
  GPtrArray     *government_ids;
  GPtrArray     *problems;
  GtkToggleButton *sdg_buttons[L4A_N_SDGS + 1];
  GPtrArray     *council_checks;
  gboolean       loading;

  GtkButton     *save_button;
  AdwEntryRow   *name_row;
  AdwComboRow   *government_row;
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

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
entry_dup (AdwEntryRow *row)
{
  const char *text = entry_text (row);

  return *text ? g_strdup (text) : NULL;
}

/* The form's current content as the core's edit. */
static L4aHubEdit *
read_form (L4aHubEditor *self)
{
  L4aHubEdit *edit = l4a_hub_edit_copy (self->original);
  guint government = adw_combo_row_get_selected (self->government_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  guint format = adw_combo_row_get_selected (self->format_row);
  guint axis = adw_combo_row_get_selected (self->axis_row);
  const L4aReferenceEntry *axes;
  guint n_axes;

#define SET(member, value) G_STMT_START { g_free (edit->member); edit->member = (value); } G_STMT_END
  SET (name, entry_dup (self->name_row));
  SET (topic, entry_dup (self->topic_row));
  SET (summary, entry_dup (self->summary_row));
  SET (start, entry_dup (self->start_row));
  SET (end, entry_dup (self->end_row));
  SET (label_date, entry_dup (self->label_row));
  SET (communication, entry_dup (self->communication_row));
  SET (brand_commitment, entry_dup (self->brand_row));
  SET (government_id, government < self->government_ids->len
                        ? g_strdup (g_ptr_array_index (self->government_ids, government)) : NULL);
  SET (status, g_strdup (status < g_strv_length ((char **) statuses) ? statuses[status] : NULL));
  SET (format, g_strdup (format < g_strv_length ((char **) formats) ? formats[format] : NULL));
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n_axes);
  SET (pact_axis, axis > 0 && axis <= n_axes ? g_strdup (axes[axis - 1].code) : NULL);
#undef SET

  edit->sdgs = 0;
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (gtk_toggle_button_get_active (self->sdg_buttons[goal]))
      edit->sdgs |= 1u << goal;

  edit->councils = 0;
  for (guint i = 0; i < self->council_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->council_checks, i)))
      edit->councils |= 1u << i;

  return edit;
}

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
  g_autoptr(L4aHubEdit) edit = read_form (self);
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
  if (!self->loading)
    validate (self);
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
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (field_changed_cb), self);
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
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (field_changed_cb), self);
      adw_preferences_group_add (self->councils_group, row);
      g_ptr_array_add (self->council_checks, check);
    }
}

static gboolean
fill_models (L4aHubEditor  *self,
             GError       **error)
{
  g_autoptr(GListModel) governments = l4a_registry_list_governments (self->store, error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) axes_model = gtk_string_list_new (NULL);
  const L4aReferenceEntry *axes;
  guint n;

  if (governments == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (governments); i++)
    {
      g_autoptr(L4aGovernment) government = g_list_model_get_item (governments, i);
      /* translators: a government and its country, e.g. “Soria (Spain)” */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), l4a_government_get_name (government),
                                                l4a_reference_translate (L4A_REFERENCE_COUNTRIES,
                                                                         l4a_government_get_country (government)));

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->government_ids, g_strdup (l4a_government_get_id (government)));
    }
  adw_combo_row_set_model (self->government_row, G_LIST_MODEL (names));

  gtk_string_list_append (axes_model, C_("pact axis", "None"));
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (axes_model, l4a_reference_translate (L4A_REFERENCE_AXES, axes[i].code));
  adw_combo_row_set_model (self->axis_row, G_LIST_MODEL (axes_model));

  return TRUE;
}

static guint
index_of (const char * const *values,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
load_form (L4aHubEditor *self)
{
  L4aHubEdit *edit = self->original;
  const L4aReferenceEntry *axes;
  guint n_axes, axis = 0;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), edit->name ? edit->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), edit->topic ? edit->topic : "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), edit->summary ? edit->summary : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), edit->start ? edit->start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), edit->end ? edit->end : "");
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), edit->label_date ? edit->label_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->communication_row), edit->communication ? edit->communication : "");
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), edit->brand_commitment ? edit->brand_commitment : "");

  adw_combo_row_set_selected (self->government_row, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < self->government_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->government_ids, i), edit->government_id) == 0)
      adw_combo_row_set_selected (self->government_row, i);

  adw_combo_row_set_selected (self->status_row, index_of (statuses, g_strv_length ((char **) statuses), edit->status));
  adw_combo_row_set_selected (self->format_row, index_of (formats, g_strv_length ((char **) formats), edit->format));
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n_axes);
  for (guint i = 0; i < n_axes; i++)
    if (g_strcmp0 (axes[i].code, edit->pact_axis) == 0)
      axis = i + 1;
  adw_combo_row_set_selected (self->axis_row, axis);

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    gtk_toggle_button_set_active (self->sdg_buttons[goal], (edit->sdgs & (1u << goal)) != 0);
  for (guint i = 0; i < self->council_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->council_checks, i), (edit->councils & (1u << i)) != 0);

  self->loading = FALSE;
}

static void
l4a_hub_editor_dispose (GObject *object)
{
  L4aHubEditor *self = (L4aHubEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_HUB_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, l4a_hub_edit_free);
  g_clear_pointer (&self->government_ids, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
l4a_hub_editor_init (L4aHubEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  self->government_ids = g_ptr_array_new_with_free_func (g_free);
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
  if (self->original == NULL || !fill_models (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  gtk_window_set_title (GTK_WINDOW (self), hub_id ? _("Edit Hub") : _("New Hub"));
  load_form (self);
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

gboolean
l4a_hub_editor_is_valid (L4aHubEditor *self)
{
  g_return_val_if_fail (L4A_IS_HUB_EDITOR (self), FALSE);

  return self->problems != NULL && self->problems->len == 0;
}

/**
 * l4a_hub_editor_get_problem:
 *
 * Returns: (nullable): what is wrong with @field now
 */
const char *
l4a_hub_editor_get_problem (L4aHubEditor *self,
                            const char   *field)
{
  g_return_val_if_fail (L4A_IS_HUB_EDITOR (self), NULL);

  return l4a_field_errors_find (self->problems, field);
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
  g_autoptr(L4aHubEdit) edit = NULL;

  g_return_val_if_fail (L4A_IS_HUB_EDITOR (self), FALSE);

  edit = read_form (self);
  if (!l4a_registry_save_hub (self->store, edit, error))
    return FALSE;

  l4a_hub_edit_free (self->original);
  self->original = g_steal_pointer (&edit);
  validate (self);
  g_signal_emit (self, signals[SAVED], 0, self->original->id);
  return TRUE;
}
