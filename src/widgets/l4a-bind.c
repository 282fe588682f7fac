/* l4a-bind.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a form's rows are bound to the properties of the object it edits
 * (L4aHubEdit, L4aGovernmentEdit, L4aReview): a text both ways, a choice through the
 * position of the value it chooses. The object is set from the start.
 */

#include "config.h"

#include "l4a-bind.h"
#include "l4a-types.h"

/* Text: no text shows as an empty row. */
static gboolean
text_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

/**
 * l4a_bind_text:
 * @editable: a #GtkEditable (an entry, an #AdwEntryRow)
 *
 * Binds the text of @editable to the string @property of @object, both
 * ways.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
l4a_bind_text (gpointer    object,
               const char *property,
               gpointer    editable)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_object_bind_property_full (object, property, editable, "text",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      text_to_row, NULL, NULL, NULL);
}

/**
 * l4a_bind_text_buffer:
 * @buffer: the buffer of a #GtkTextView
 *
 * Binds the text of @buffer to the string @property of @object, both
 * ways, as l4a_bind_text() does for a row.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
l4a_bind_text_buffer (gpointer       object,
                      const char    *property,
                      GtkTextBuffer *buffer)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  return g_object_bind_property_full (object, property, buffer, "text",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      text_to_row, NULL, NULL, NULL);
}

/* The values a choice offers, in the order of its row; with none, the
 * row's first item stands for no value. */
typedef struct
{
  GStrv    values;
  guint    n_values;
  gboolean none;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_strfreev (choice->values);
  g_free (choice);
}

static gboolean
value_to_position (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const Choice *choice = user_data;
  const char *value = g_value_get_string (from);

  for (guint i = 0; i < choice->n_values; i++)
    if (g_strcmp0 (choice->values[i], value) == 0)
      {
        g_value_set_uint (to, i + (choice->none ? 1 : 0));
        return TRUE;
      }
  g_value_set_uint (to, choice->none ? 0 : GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
position_to_value (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const Choice *choice = user_data;
  guint position = g_value_get_uint (from);
  guint offset = choice->none ? 1 : 0;

  if (position >= offset && position - offset < choice->n_values)
    g_value_set_string (to, choice->values[position - offset]);
  else
    g_value_set_string (to, NULL);
  return TRUE;
}

/**
 * l4a_bind_choice:
 * @values: the values of @row's items, in their order (copied)
 * @none: whether @row's first item stands for no value, before @values
 *
 * Binds the item @row shows to the string @property of @object, both
 * ways; a value @row does not offer shows as no item chosen.
 *
 * Returns: (transfer none): the binding
 */
GBinding *
l4a_bind_choice (gpointer            object,
                 const char         *property,
                 AdwComboRow        *row,
                 const char * const *values,
                 guint               n_values,
                 gboolean            none)
{
  Choice *choice;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  choice = g_new0 (Choice, 1);
  choice->values = g_new0 (char *, n_values + 1);
  for (guint i = 0; i < n_values; i++)
    choice->values[i] = g_strdup (values[i]);
  choice->n_values = n_values;
  choice->none = none;
  return g_object_bind_property_full (object, property, row, "selected",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      value_to_position, position_to_value, choice, choice_free);
}

/**
 * l4a_enum_labels_model:
 * @enum_type: one of the domain's enums
 *
 * Returns: (transfer full): the labels of @enum_type's values in their
 *   order, for a row that chooses one (with l4a_bind_choice() and the
 *   enum's nicks)
 */
GListModel *
l4a_enum_labels_model (GType enum_type)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (const char * const *nick = l4a_enum_get_nicks (enum_type); *nick != NULL; nick++)
    gtk_string_list_append (labels, l4a_enum_get_label (enum_type, *nick));
  return G_LIST_MODEL (labels);
}

/**
 * l4a_combo_row_set_enum:
 *
 * Makes @row choose one of @enum_type's values, by their labels.
 */
void
l4a_combo_row_set_enum (AdwComboRow *row,
                        GType        enum_type)
{
  g_autoptr(GListModel) labels = l4a_enum_labels_model (enum_type);

  adw_combo_row_set_model (row, labels);
}
