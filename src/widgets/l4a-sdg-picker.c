/* l4a-sdg-picker.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seventeen goals as toggles, each with its number in the goal's
 * colour and its name; a chosen goal takes its colour. "sdgs" is the
 * chosen goals as a bit mask (bit n for goal n).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-reference.h"
#include "l4a-sdg-picker.h"

struct _L4aSdgPicker
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkToggleButton *buttons[L4A_N_SDGS + 1];
  gboolean         setting;
};

G_DEFINE_FINAL_TYPE (L4aSdgPicker, l4a_sdg_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SDGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint
l4a_sdg_picker_get_sdgs (L4aSdgPicker *self)
{
  guint sdgs = 0;

  g_return_val_if_fail (L4A_IS_SDG_PICKER (self), 0);

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    if (gtk_toggle_button_get_active (self->buttons[goal]))
      sdgs |= 1u << goal;
  return sdgs;
}

void
l4a_sdg_picker_set_sdgs (L4aSdgPicker *self,
                         guint         sdgs)
{
  g_return_if_fail (L4A_IS_SDG_PICKER (self));

  self->setting = TRUE;
  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    gtk_toggle_button_set_active (self->buttons[goal], (sdgs & (1u << goal)) != 0);
  self->setting = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SDGS]);
}

static void
toggled_cb (L4aSdgPicker *self)
{
  if (!self->setting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SDGS]);
}

static void
l4a_sdg_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SDGS:
      g_value_set_uint (value, l4a_sdg_picker_get_sdgs (L4A_SDG_PICKER (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_sdg_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SDGS:
      l4a_sdg_picker_set_sdgs (L4A_SDG_PICKER (object), g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_sdg_picker_dispose (GObject *object)
{
  L4aSdgPicker *self = L4A_SDG_PICKER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (l4a_sdg_picker_parent_class)->dispose (object);
}

static void
l4a_sdg_picker_class_init (L4aSdgPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_sdg_picker_dispose;
  object_class->get_property = l4a_sdg_picker_get_property;
  object_class->set_property = l4a_sdg_picker_set_property;

  properties[PROP_SDGS] =
    g_param_spec_uint ("sdgs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
l4a_sdg_picker_init (L4aSdgPicker *self)
{
  self->box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box), 4);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->box), 1);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->box), TRUE);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->box), 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  for (guint goal = 1; goal <= L4A_N_SDGS; goal++)
    {
      const L4aReferenceEntry *entry = l4a_reference_sdg (goal);
      const char *name = l4a_reference_translate (L4A_REFERENCE_SDGS, entry->code);
      g_autofree char *label = g_strdup_printf ("%u", goal);
      g_autofree char *css = g_strdup_printf ("l4a-sdg-%u", goal);
      /* translators: an SDG goal's number and name, read out by a screen reader */
      g_autofree char *spoken = g_strdup_printf (_("Goal %u: %s"), goal, name);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *badge = gtk_label_new (label);
      GtkWidget *title = gtk_label_new (name);

      gtk_widget_add_css_class (badge, "l4a-sdg-badge");
      gtk_widget_add_css_class (badge, css);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (title), 3);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 18);
      gtk_label_set_width_chars (GTK_LABEL (title), 14);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (content), badge);
      gtk_box_append (GTK_BOX (content), title);
      gtk_button_set_child (GTK_BUTTON (button), content);

      gtk_widget_add_css_class (button, "l4a-sdg-toggle");
      gtk_widget_add_css_class (button, css);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), button);
      self->buttons[goal] = GTK_TOGGLE_BUTTON (button);
    }
}

GtkWidget *
l4a_sdg_picker_new (void)
{
  return g_object_new (L4A_TYPE_SDG_PICKER, NULL);
}
