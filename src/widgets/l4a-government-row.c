/* l4a-government-row.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row that shows the chosen government, and finds another by the words
 * of its name or country among however many the registry holds (UCLG
 * counts some 250 000 members): its popover asks the search index for a
 * page of governments as the user types, never reading them all. Its
 * "government-id" property is the chosen government's id, or NULL; with
 * "allow-none", the list offers to choose none; "placeholder" is what the
 * row says while none is chosen.
 */

#define G_LOG_DOMAIN "l4a-government-row"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-government.h"
#include "l4a-government-row.h"
#include "l4a-reference.h"
#include "l4a-rules.h"

/* how many governments the popover lists at once: more words narrow them */
#define PAGE 100

struct _L4aGovernmentRow
{
  AdwActionRow    parent_instance;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkWidget      *scroller;
  GtkListBox     *list;
  GtkLabel       *status_label;

  L4aStore       *store;
  char           *government_id;
  char           *placeholder;
  gboolean        allow_none;
  GPtrArray      *found_ids;    /* char*, the list's rows in order */
};

G_DEFINE_FINAL_TYPE (L4aGovernmentRow, l4a_government_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_GOVERNMENT_ID,
  PROP_PLACEHOLDER,
  PROP_ALLOW_NONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* “Soria (Spain)” */
static char *
describe (const char *name,
          const char *country)
{
  /* translators: a government and its country, e.g. “Soria (Spain)” */
  return g_strdup_printf (_("%s (%s)"), name, l4a_reference_translate (L4A_REFERENCE_COUNTRIES, country));
}

static void
show_chosen (L4aGovernmentRow *self)
{
  g_autoptr(L4aGovernmentEdit) government = NULL;
  g_autofree char *text = NULL;

  if (self->government_id != NULL && self->store != NULL)
    government = l4a_registry_load_government (self->store, self->government_id, NULL);
  if (government != NULL)
    text = describe (government->name, government->country);
  else
    text = g_strdup (self->government_id != NULL ? _("A government this database does not hold")
                     : self->placeholder != NULL ? self->placeholder : _("None chosen"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
}

/* A row of the list: @id NULL for none; the chosen one checked. */
static void
add_choice (L4aGovernmentRow *self,
            const char       *id,
            const char       *title,
            const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (g_strcmp0 (id, self->government_id) == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->found_ids, g_strdup (id ? id : ""));
}

static void
search (L4aGovernmentRow *self)
{
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  GtkWidget *child;
  const char *text;
  guint n_found = 0, n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->found_ids, 0);
  if (self->store == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  found = l4a_registry_find_governments (self->store, text, PAGE, &n_found, &error);
  if (found == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return;
    }
  n = g_list_model_get_n_items (found);
  if (self->allow_none && l4a_text_is_blank (text))
    /* said as the row says it while none is chosen: “None”, “All governments” */
    add_choice (self, NULL, self->placeholder != NULL ? self->placeholder : C_("government", "None"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(L4aGovernment) government = g_list_model_get_item (found, i);

      add_choice (self, l4a_government_get_id (government), l4a_government_get_name (government),
                  l4a_reference_translate (L4A_REFERENCE_COUNTRIES, l4a_government_get_country (government)));
    }

  if (n_found == 0)
    status = g_strdup (_("No government has these words in its name or its country."));
  else if (n_found > n)
    /* translators: %u are numbers of governments; more than a page is found */
    status = g_strdup_printf (ngettext ("The first %u of %u government. Type more words to narrow them.",
                                        "The first %u of %u governments. Type more words to narrow them.", n_found),
                              n, n_found);
  gtk_widget_set_visible (self->scroller, self->found_ids->len > 0);
  gtk_label_set_label (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
choose (L4aGovernmentRow *self,
        guint             index)
{
  if (index >= self->found_ids->len)
    return;
  l4a_government_row_set_government_id (self, g_ptr_array_index (self->found_ids, index));
  gtk_popover_popdown (self->popover);
}

static void
popover_shown_cb (L4aGovernmentRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (L4aGovernmentRow *self)
{
  search (self);
}

/* Enter in the search chooses the first government found */
static void
search_activated_cb (L4aGovernmentRow *self)
{
  choose (self, 0);
}

static void
row_activated_cb (L4aGovernmentRow *self,
                  GtkListBoxRow    *row)
{
  choose (self, (guint) gtk_list_box_row_get_index (row));
}

static void
l4a_government_row_dispose (GObject *object)
{
  L4aGovernmentRow *self = L4A_GOVERNMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_GOVERNMENT_ROW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (l4a_government_row_parent_class)->dispose (object);
}

static void
l4a_government_row_finalize (GObject *object)
{
  L4aGovernmentRow *self = L4A_GOVERNMENT_ROW (object);

  g_free (self->government_id);
  g_free (self->placeholder);
  g_ptr_array_unref (self->found_ids);
  G_OBJECT_CLASS (l4a_government_row_parent_class)->finalize (object);
}

static void
l4a_government_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  L4aGovernmentRow *self = L4A_GOVERNMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_GOVERNMENT_ID:
      g_value_set_string (value, self->government_id);
      break;

    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;

    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_government_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  L4aGovernmentRow *self = L4A_GOVERNMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_GOVERNMENT_ID:
      l4a_government_row_set_government_id (self, g_value_get_string (value));
      break;

    case PROP_PLACEHOLDER:
      g_free (self->placeholder);
      self->placeholder = g_value_dup_string (value);
      show_chosen (self);
      break;

    case PROP_ALLOW_NONE:
      self->allow_none = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_government_row_class_init (L4aGovernmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_government_row_dispose;
  object_class->finalize = l4a_government_row_finalize;
  object_class->get_property = l4a_government_row_get_property;
  object_class->set_property = l4a_government_row_set_property;

  properties[PROP_GOVERNMENT_ID] =
    g_param_spec_string ("government-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-government-row.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentRow, button);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentRow, popover);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentRow, scroller);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentRow, list);
  gtk_widget_class_bind_template_child (widget_class, L4aGovernmentRow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
l4a_government_row_init (L4aGovernmentRow *self)
{
  self->found_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  show_chosen (self);
}

/**
 * l4a_government_row_set_store:
 *
 * The database whose governments the row shows and finds.
 */
void
l4a_government_row_set_store (L4aGovernmentRow *self,
                              L4aStore         *store)
{
  g_return_if_fail (L4A_IS_GOVERNMENT_ROW (self));
  g_return_if_fail (!store || L4A_IS_STORE (store));

  if (g_set_object (&self->store, store))
    show_chosen (self);
}

const char *
l4a_government_row_get_government_id (L4aGovernmentRow *self)
{
  g_return_val_if_fail (L4A_IS_GOVERNMENT_ROW (self), NULL);

  return self->government_id;
}

void
l4a_government_row_set_government_id (L4aGovernmentRow *self,
                                      const char       *id)
{
  g_return_if_fail (L4A_IS_GOVERNMENT_ROW (self));

  if (id != NULL && *id == '\0')
    id = NULL;
  if (g_strcmp0 (self->government_id, id) == 0)
    return;
  g_free (self->government_id);
  self->government_id = g_strdup (id);
  show_chosen (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOVERNMENT_ID]);
}
