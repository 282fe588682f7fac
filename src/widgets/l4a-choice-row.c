/* l4a-choice-row.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander row of choices, each a check row: its subtitle says what
 * is chosen, its "selected" property holds the chosen codes in the order
 * the choices were added.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-choice-row.h"

struct _L4aChoiceRow
{
  AdwExpanderRow  parent_instance;

  char           *none;     /* the subtitle when nothing is chosen */
  GPtrArray      *codes;    /* char* */
  GPtrArray      *labels;   /* char* */
  GPtrArray      *checks;   /* GtkCheckButton*, borrowed: the rows own them */
  gboolean        setting;
};

G_DEFINE_FINAL_TYPE (L4aChoiceRow, l4a_choice_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (L4aChoiceRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        if (text->len > 0)
          /* translators: the separator between chosen items in a list */
          g_string_append (text, _(", "));
        g_string_append (text, g_ptr_array_index (self->labels, i));
      }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text->len > 0 ? text->str : self->none);
}

static void
toggled_cb (L4aChoiceRow *self)
{
  update_subtitle (self);
  if (!self->setting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * l4a_choice_row_add:
 *
 * Adds a choice, a check row titled @label standing for @code.
 */
void
l4a_choice_row_add (L4aChoiceRow *self,
                    const char   *code,
                    const char   *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  g_return_if_fail (L4A_IS_CHOICE_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (toggled_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  g_ptr_array_add (self->codes, g_strdup (code));
  g_ptr_array_add (self->labels, g_strdup (label));
  g_ptr_array_add (self->checks, check);
  update_subtitle (self);
}

/**
 * l4a_choice_row_get_selected:
 *
 * Returns: (transfer full): the chosen codes, in the order of the choices
 */
GStrv
l4a_choice_row_get_selected (L4aChoiceRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (L4A_IS_CHOICE_ROW (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->codes, i));
  return g_strv_builder_end (builder);
}

/**
 * l4a_choice_row_set_selected:
 * @codes: (nullable): the codes to check; others are unchecked
 */
void
l4a_choice_row_set_selected (L4aChoiceRow       *self,
                             const char * const *codes)
{
  g_return_if_fail (L4A_IS_CHOICE_ROW (self));

  self->setting = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i),
                                 codes != NULL && g_strv_contains (codes, g_ptr_array_index (self->codes, i)));
  self->setting = FALSE;
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
l4a_choice_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  L4aChoiceRow *self = L4A_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_take_boxed (value, l4a_choice_row_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_choice_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  L4aChoiceRow *self = L4A_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      l4a_choice_row_set_selected (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_choice_row_finalize (GObject *object)
{
  L4aChoiceRow *self = L4A_CHOICE_ROW (object);

  g_free (self->none);
  g_ptr_array_unref (self->codes);
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (l4a_choice_row_parent_class)->finalize (object);
}

static void
l4a_choice_row_class_init (L4aChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_choice_row_finalize;
  object_class->get_property = l4a_choice_row_get_property;
  object_class->set_property = l4a_choice_row_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_boxed ("selected", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_choice_row_init (L4aChoiceRow *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
}

/**
 * l4a_choice_row_set_none:
 * @none: the subtitle while nothing is chosen
 */
void
l4a_choice_row_set_none (L4aChoiceRow *self,
                         const char   *none)
{
  g_return_if_fail (L4A_IS_CHOICE_ROW (self));

  g_free (self->none);
  self->none = g_strdup (none);
  update_subtitle (self);
}

/**
 * l4a_choice_row_new:
 * @none: the subtitle while nothing is chosen
 */
GtkWidget *
l4a_choice_row_new (const char *title,
                    const char *none)
{
  L4aChoiceRow *self = g_object_new (L4A_TYPE_CHOICE_ROW, "title", title, NULL);

  self->none = g_strdup (none);
  update_subtitle (self);
  return GTK_WIDGET (self);
}
