/* l4a-calls-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-calls-window"

#include "config.h"

#include "l4a-bind.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-date-button.h"
#include "l4a-score-row.h"
#include "l4a-calls-window.h"
#include "l4a-labels.h"
#include "l4a-registry.h"
#include "l4a-rows.h"

/* The World Secretariat's calls for proposals and their review criteria. */
struct _L4aCallsWindow
{
  AdwWindow        parent_instance;

  L4aStore        *store;
  L4aCallEdit     *edit;
  GPtrArray       *list_rows;
  GPtrArray       *call_ids;      /* of the rows of list_rows, in their order */
  GPtrArray       *criterion_rows;  /* an AdwExpanderRow per criterion */
  GPtrArray       *level_rows;      /* per criterion, a GPtrArray of its levels' entry rows */
  gboolean         loading;

  AdwLeaflet      *leaflet;
  AdwPreferencesGroup *list_group;
  AdwWindowTitle  *edit_title;
  AdwEntryRow     *title_row;
  AdwEntryRow     *description_row;
  AdwEntryRow     *opens_row;
  AdwEntryRow     *closes_row;
  GtkSpinButton   *threshold_spin;
  GtkSpinButton   *calibration_spin;
  GtkSwitch       *weighting_switch;
  AdwComboRow     *status_row;
  GtkLabel        *error_label;
  AdwPreferencesGroup *criteria_group;
};

G_DEFINE_FINAL_TYPE (L4aCallsWindow, l4a_calls_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* the statuses of a call, in the order of the row */
#define statuses (l4a_enum_get_nicks (L4A_TYPE_CALL_STATUS))
#define N_STATUSES (g_strv_length ((char **) statuses))

static void rebuild_criteria (L4aCallsWindow *self);
static void rebuild_levels (L4aCallsWindow *self,
                            guint           index);

static void
validate (L4aCallsWindow *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->edit == NULL || self->loading)
    return;

  problems = l4a_call_edit_validate (self->edit);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", ((L4aFieldError *) problems->pdata[i])->message);
  gtk_label_set_label (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calls.save", problems->len == 0);
}

static void
back_clicked_cb (L4aCallsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The criterion whose row holds @widget. */
static L4aCriterionEdit *
criterion_of (L4aCallsWindow *self,
              GtkWidget      *widget)
{
  guint i = l4a_rows_find (self->criterion_rows, widget);

  g_assert (i < self->edit->criteria->len);
  return g_ptr_array_index (self->edit->criteria, i);
}

/* The expander's title and subtitle say the criterion in short. */
static void
describe_criterion (L4aCallsWindow   *self,
                    guint             index)
{
  L4aCriterionEdit *c = g_ptr_array_index (self->edit->criteria, index);
  AdwExpanderRow *row = g_ptr_array_index (self->criterion_rows, index);
  /* translators: %u is a criterion's number */
  g_autofree char *number = g_strdup_printf (_("Criterion %u"), index + 1);
  g_autofree char *subtitle = NULL;

  subtitle = c->required
             /* translators: a criterion's weight in the total, then its scale */
             ? g_strdup_printf (_("Weight %g · scored from %d to %d"), c->weight, c->scale_min, c->scale_max)
             : g_strdup_printf (_("Weight %g · scored from %d to %d · optional"), c->weight, c->scale_min,
                                c->scale_max);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), l4a_text_is_blank (c->label) ? number : c->label);
  adw_expander_row_set_subtitle (row, subtitle);
}

/* A criterion changed in its rows (bound to it both ways): its row says it
 * again, a new criterion's key follows its label, a scale made longer or
 * shorter has its levels again, and the call is checked. */
static void
criterion_changed_cb (L4aCriterionEdit *c,
                      GParamSpec       *pspec,
                      L4aCallsWindow   *self)
{
  const char *name = g_param_spec_get_name (pspec);
  guint index;

  if (self->edit == NULL || !g_ptr_array_find (self->edit->criteria, c, &index) ||
      index >= self->criterion_rows->len)
    return;
  if (g_str_equal (name, "label") && c->id == NULL)
    {
      g_autofree char *folded = l4a_fold_text (c->label);

      g_strcanon (folded, "abcdefghijklmnopqrstuvwxyz0123456789", '-');
      g_free (c->key);
      c->key = g_steal_pointer (&folded);
    }
  describe_criterion (self, index);
  if ((g_str_equal (name, "scale-min") || g_str_equal (name, "scale-max")) && c->scale_max > c->scale_min)
    rebuild_levels (self, index);
  validate (self);
}

static void
level_changed_cb (GtkEditable    *editable,
                  L4aCallsWindow *self)
{
  guint index = l4a_rows_find (self->criterion_rows, GTK_WIDGET (editable));
  L4aCriterionEdit *c = g_ptr_array_index (self->edit->criteria, index);
  guint level = l4a_rows_find (g_ptr_array_index (self->level_rows, index), GTK_WIDGET (editable));

  g_assert (c->levels != NULL && level < g_strv_length (c->levels));
  g_free (c->levels[level]);
  c->levels[level] = g_strdup (gtk_editable_get_text (editable));
  validate (self);
}

/* An entry per level of the criterion's scale, saying what it means. */
static void
rebuild_levels (L4aCallsWindow *self,
                guint           index)
{
  L4aCriterionEdit *c = g_ptr_array_index (self->edit->criteria, index);
  AdwExpanderRow *expander = g_ptr_array_index (self->criterion_rows, index);
  GPtrArray *rows = g_ptr_array_index (self->level_rows, index);
  g_autofree char *kept = l4a_criterion_levels_join ((const char * const *) c->levels);

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  /* a scale made longer or shorter keeps what its levels said */
  g_strfreev (c->levels);
  c->levels = l4a_criterion_levels_split (kept, c->scale_min, c->scale_max);
  for (int v = c->scale_min; v <= c->scale_max && v - c->scale_min < 101; v++)
    {
      GtkWidget *row = adw_entry_row_new ();
      /* translators: a level of a scale and its plain word, as the title of what it means: 4 — Very good */
      g_autofree char *title = g_strdup_printf (_("%d — %s"), v, l4a_score_level_meaning (v, c->scale_min,
                                                                                          c->scale_max));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), c->levels[v - c->scale_min]);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 40);
      g_signal_connect (row, "changed", G_CALLBACK (level_changed_cb), self);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (rows, row);
    }
}

static void
remove_criterion_cb (GtkButton      *button,
                     L4aCallsWindow *self)
{
  g_ptr_array_remove (self->edit->criteria, criterion_of (self, GTK_WIDGET (button)));
  rebuild_criteria (self);
  validate (self);
}

static void
add_criterion_clicked_cb (L4aCallsWindow *self)
{
  AdwExpanderRow *added;

  if (self->edit == NULL)
    return;
  l4a_call_edit_add_criterion (self->edit, "", "", "");
  rebuild_criteria (self);
  validate (self);
  /* the new criterion opens, its label ready to type */
  added = g_ptr_array_index (self->criterion_rows, self->criterion_rows->len - 1);
  adw_expander_row_set_expanded (added, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (added));
}

/* A row for the text @property of criterion @c, bound to it both ways. */
static GtkWidget *
add_entry_row (AdwExpanderRow   *expander,
               const char       *title,
               L4aCriterionEdit *c,
               const char       *property)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  l4a_bind_text (c, property, row);
  adw_expander_row_add_row (expander, row);
  return row;
}

static GtkWidget *
add_control_row (AdwExpanderRow *expander,
              const char     *title,
              const char     *subtitle,
              GtkWidget      *control)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  adw_expander_row_add_row (expander, row);
  return row;
}

/* Each criterion folds into one row (its label, weight and scale); opened,
 * every part of it is editable, down to what each level of its scale
 * means. */
static void
rebuild_criteria (L4aCallsWindow *self)
{
  for (guint i = 0; i < self->criterion_rows->len; i++)
    adw_preferences_group_remove (self->criteria_group, g_ptr_array_index (self->criterion_rows, i));
  g_ptr_array_set_size (self->criterion_rows, 0);
  g_ptr_array_set_size (self->level_rows, 0);
  /* the rows go, and with them their bindings; the criteria are followed
   * again below */
  for (guint i = 0; i < self->edit->criteria->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->edit->criteria, i), criterion_changed_cb, self);

  for (guint i = 0; i < self->edit->criteria->len; i++)
    {
      L4aCriterionEdit *c = g_ptr_array_index (self->edit->criteria, i);
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
      GtkWidget *weight = gtk_spin_button_new_with_range (0, 10, 0.5);
      GtkWidget *scale_min = gtk_spin_button_new_with_range (-100, 100, 1);
      GtkWidget *scale_max = gtk_spin_button_new_with_range (-100, 100, 1);
      GtkWidget *required = gtk_switch_new ();
      GtkWidget *active = gtk_switch_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *levels_heading = adw_action_row_new ();

      g_ptr_array_add (self->criterion_rows, expander);
      g_ptr_array_add (self->level_rows, g_ptr_array_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);

      g_object_bind_property (c, "active", active, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (active, _("Active"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (active), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active"), -1);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_sensitive (remove, !c->in_use);
      gtk_widget_set_tooltip_text (remove, c->in_use ? _("Reviews have scored it: switch it off instead")
                                                     : _("Remove Criterion"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Criterion"), -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_criterion_cb), self);
      adw_expander_row_add_action (expander, active);
      adw_expander_row_add_action (expander, remove);

      add_entry_row (expander, _("Label"), c, "label");
      add_entry_row (expander, _("What to Look For"), c, "guidance");

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (weight), 1);
      g_object_bind_property (c, "weight", weight, "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      add_control_row (expander, _("Weight"), _("Its share of the weighted total"), weight);

      /* a scale that reviews have used keeps its ends */
      g_object_bind_property (c, "scale-min", scale_min, "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property (c, "scale-max", scale_max, "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_widget_set_sensitive (scale_min, !c->in_use);
      gtk_widget_set_sensitive (scale_max, !c->in_use);
      add_control_row (expander, _("Lowest Score"), NULL, scale_min);
      add_control_row (expander, _("Highest Score"), c->in_use ? _("Reviews have used this scale") : NULL, scale_max);

      g_object_bind_property (c, "required", required, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      add_control_row (expander, _("Required"), _("A review cannot be submitted without this score"), required);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (levels_heading), _("What Each Level Means"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (levels_heading),
                                   _("Reviewers read it as they choose a score; leave a level empty to say "
                                     "nothing of it"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (levels_heading), FALSE);
      adw_expander_row_add_row (expander, levels_heading);

      describe_criterion (self, i);
      rebuild_levels (self, i);
      adw_preferences_group_add (self->criteria_group, GTK_WIDGET (expander));
      g_signal_connect_object (c, "notify", G_CALLBACK (criterion_changed_cb), self, 0);
    }
}

static void
call_activated_cb (AdwActionRow   *row,
                   L4aCallsWindow *self)
{
  guint i = l4a_rows_find (self->list_rows, GTK_WIDGET (row));

  if (i < self->call_ids->len)
    gtk_widget_activate_action (GTK_WIDGET (self), "calls.edit", "s", g_ptr_array_index (self->call_ids, i));
}

static void
reload (L4aCallsWindow *self)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->list_rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->list_rows, i));
  g_ptr_array_set_size (self->list_rows, 0);
  g_ptr_array_set_size (self->call_ids, 0);

  calls = l4a_registry_list_calls (self->store, &error);
  for (guint i = 0; calls && i < calls->len; i++)
    {
      L4aCallInfo *call = g_ptr_array_index (calls, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *period = l4a_format_period (call->opens_on, call->closes_on);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", l4a_call_status_label (call->status), period);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), call->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_ptr_array_add (self->call_ids, g_strdup (call->id));
      g_signal_connect (row, "activated", G_CALLBACK (call_activated_cb), self);
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->list_rows, row);
    }
}

static void
edit_call (L4aCallsWindow *self,
           const char     *id)
{
  g_autoptr(GError) error = NULL;
  L4aCallEdit *edit;

  g_return_if_fail (L4A_IS_CALLS_WINDOW (self));

  edit = id ? l4a_registry_load_call (self->store, id, &error) : l4a_call_edit_new ();
  if (edit == NULL)
    {
      /* gone since it was listed: deleted elsewhere */
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("The Call Cannot Be Opened"),
                                                                             error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      l4a_accessible_present (GTK_WINDOW (dialog));
      return;
    }
  g_clear_pointer (&self->edit, l4a_call_edit_free);
  self->edit = edit;

  self->loading = TRUE;
  adw_window_title_set_title (self->edit_title, id ? _("Edit Call") : _("New Call"));
  /* the rows are the call's properties, both ways, until another is shown;
   * any change of the call is checked */
  l4a_bind_text (edit, "title", self->title_row);
  l4a_bind_text (edit, "description", self->description_row);
  l4a_bind_text (edit, "opens-on", self->opens_row);
  l4a_bind_text (edit, "closes-on", self->closes_row);
  l4a_bind_choice (edit, "status", self->status_row, statuses, N_STATUSES, FALSE);
  g_object_bind_property (edit, "disagreement-threshold", self->threshold_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (edit, "calibration-minimum", self->calibration_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (edit, "confidence-weighting", self->weighting_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (edit, "notify", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  self->loading = FALSE;

  rebuild_criteria (self);
  validate (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "edit");
}

/* A call's form, or a new one's (""). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  edit_call (L4A_CALLS_WINDOW (widget), *id ? id : NULL);
}

static gboolean
save (L4aCallsWindow  *self,
      GError         **error)
{
  g_return_val_if_fail (L4A_IS_CALLS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->edit != NULL, FALSE);

  validate (self);
  if (!l4a_registry_save_call (self->store, self->edit, error))
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
  L4aCallsWindow *self = L4A_CALLS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("The Call Cannot Be Saved"),
                                                                             error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      l4a_accessible_present (GTK_WINDOW (dialog));
    }
}

static void
l4a_calls_window_dispose (GObject *object)
{
  L4aCallsWindow *self = (L4aCallsWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_CALLS_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->edit, l4a_call_edit_free);
  g_clear_pointer (&self->list_rows, g_ptr_array_unref);
  g_clear_pointer (&self->call_ids, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->level_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_calls_window_parent_class)->dispose (object);
}

static void
l4a_calls_window_class_init (L4aCallsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_calls_window_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-calls-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, list_group);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, edit_title);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, description_row);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, opens_row);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, closes_row);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, calibration_spin);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, weighting_switch);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, L4aCallsWindow, criteria_group);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_criterion_clicked_cb);

  gtk_widget_class_install_action (widget_class, "calls.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "calls.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "calls.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_calls_window_init (L4aCallsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_combo_row_set_enum (self->status_row, L4A_TYPE_CALL_STATUS);
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  self->list_rows = g_ptr_array_new ();
  self->call_ids = g_ptr_array_new_with_free_func (g_free);
  self->criterion_rows = g_ptr_array_new ();
  self->level_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  l4a_date_row_add_button (GTK_WIDGET (self->opens_row), _("Opens on"));
  l4a_date_row_add_button (GTK_WIDGET (self->closes_row), _("Closes on"));
}

/**
 * l4a_calls_window_new:
 *
 * Returns: (transfer none): the window, owned by GTK
 */
L4aCallsWindow *
l4a_calls_window_new (L4aStore *store)
{
  L4aCallsWindow *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  self = g_object_new (L4A_TYPE_CALLS_WINDOW, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}
