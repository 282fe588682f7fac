/* l4a-audit-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-audit-window.h"
#include "l4a-monitoring.h"

/* The audit log (secretariat): every entry, newest first, in words, from
 * the lazy, live L4aAuditLog; narrowed by drop-downs of what the log
 * holds: what was done, to what kind of record, by whom. */
struct _L4aAuditWindow
{
  AdwWindow    parent_instance;

  L4aAuditLog  *log;
  GPtrArray    *choices[3];  /* of L4aChoice (value, words): actions, kinds, actors */
  gboolean      filling;
  GCancellable *reading;     /* the choices, read beside the window */

  GtkDropDown *action_drop;
  GtkDropDown *kind_drop;
  GtkDropDown *actor_drop;
  GtkLabel    *count_label;
  GtkStack    *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (L4aAuditWindow, l4a_audit_window, ADW_TYPE_WINDOW)

enum { CHOICE_ACTION, CHOICE_KIND, CHOICE_ACTOR };

static const char * const columns[] = { "action", "record_type", "actor" };

static GtkDropDown *
drop_of (L4aAuditWindow *self,
         guint           which)
{
  return which == CHOICE_ACTION ? self->action_drop : which == CHOICE_KIND ? self->kind_drop : self->actor_drop;
}

static const char *
chosen (L4aAuditWindow *self,
        guint           which)
{
  guint selected = gtk_drop_down_get_selected (drop_of (self, which));
  GPtrArray *choices = self->choices[which];

  if (choices == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > choices->len)
    return NULL;
  return ((L4aChoice *) g_ptr_array_index (choices, selected - 1))->id;
}

static void
update_count (L4aAuditWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->log));
  guint all = l4a_audit_log_count_all (self->log);
  gboolean narrowed = chosen (self, CHOICE_ACTION) || chosen (self, CHOICE_KIND) || chosen (self, CHOICE_ACTOR);
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "entries" : "empty");
  /* a long log's newest entries come first, the rest after: how many
   * the choices leave is known then */
  if (!l4a_audit_log_is_whole (self->log) && narrowed)
    return;
  if (!narrowed || shown == all)
    /* translators: how many entries the audit log holds */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u entry, the latest first.",
                                         "%'u entries, the latest first.", all), all);
  else
    /* translators: how many entries of the audit log the choices leave, of how many */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u entry, the latest first.",
                                         "%'u of %'u entries, the latest first.", all), shown, all);
  gtk_label_set_label (self->count_label, text);
}

/* The drop-downs offer what the log holds, keeping what is chosen; only
 * "Any" until the log has been read for them (@read). */
static void
fill_choices (L4aAuditWindow *self,
              gboolean        read)
{
  self->filling = TRUE;
  for (guint which = 0; which < G_N_ELEMENTS (columns); which++)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autofree char *previous = g_strdup (chosen (self, which));
      g_autoptr(GPtrArray) choices = read ? l4a_audit_log_dup_choices (self->log, columns[which])
                                          : g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_choice_free);
      guint keep = 0;

      /* translators: a filter of the audit log that lets every entry through */
      gtk_string_list_append (labels, C_("audit filter", "Any"));
      for (guint i = 0; i < choices->len; i++)
        {
          L4aChoice *choice = g_ptr_array_index (choices, i);

          gtk_string_list_append (labels, choice->name);
          if (g_strcmp0 (previous, choice->id) == 0)
            keep = i + 1;
        }
      g_clear_pointer (&self->choices[which], g_ptr_array_unref);
      self->choices[which] = g_steal_pointer (&choices);
      gtk_drop_down_set_model (drop_of (self, which), G_LIST_MODEL (labels));
      gtk_drop_down_set_selected (drop_of (self, which), keep);
    }
  self->filling = FALSE;
}

static void
filter_changed_cb (L4aAuditWindow *self)
{
  if (self->filling || self->log == NULL)
    return;
  l4a_audit_log_set_filter (self->log, chosen (self, CHOICE_KIND), chosen (self, CHOICE_ACTOR),
                            chosen (self, CHOICE_ACTION));
}

static void
log_changed_cb (L4aAuditWindow *self)
{
  update_count (self);
}

static char *
when_who_cb (GtkListItem *item,
             const char  *when,
             const char  *who)
{
  if (when == NULL)
    return NULL;
  /* translators: when, and who did it */
  return g_strdup_printf (_("%s · %s"), when, who ? who : "");
}

static void
l4a_audit_window_dispose (GObject *object)
{
  L4aAuditWindow *self = (L4aAuditWindow *)object;

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->log);
  for (guint i = 0; i < G_N_ELEMENTS (self->choices); i++)
    g_clear_pointer (&self->choices[i], g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_audit_window_parent_class)->dispose (object);
}

static void
l4a_audit_window_class_init (L4aAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_audit_window_dispose;

  g_type_ensure (L4A_TYPE_AUDIT_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aAuditWindow, action_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aAuditWindow, kind_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aAuditWindow, actor_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aAuditWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, L4aAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aAuditWindow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
l4a_audit_window_init (L4aAuditWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_window_add_close_shortcuts (GTK_WINDOW (self));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "when_who_cb", G_CALLBACK (when_who_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE "/ui/l4a-audit-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
}

static void
choices_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  L4aAuditWindow *self;

  if (!l4a_audit_log_read_choices_finish (L4A_AUDIT_LOG (source), result, &error))
    {
      /* cancelled: the window is gone */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The audit log’s choices cannot be read: %s", error->message);
      return;
    }
  self = user_data;
  g_clear_object (&self->reading);
  fill_choices (self, TRUE);
}

/**
 * l4a_audit_window_new:
 *
 * Returns: (transfer full) (nullable): the audit log of @context in a
 *   window, or %NULL with @error set when the role may not read it
 */
L4aAuditWindow *
l4a_audit_window_new (L4aContext  *context,
                      GError     **error)
{
  g_autoptr(L4aAuditLog) log = NULL;
  g_autoptr(GtkNoSelection) rows = NULL;
  L4aAuditWindow *self;

  g_return_val_if_fail (L4A_IS_CONTEXT (context), NULL);

  log = l4a_audit_log_new (context, error);
  if (log == NULL)
    return NULL;

  self = g_object_new (L4A_TYPE_AUDIT_WINDOW, NULL);
  self->log = g_steal_pointer (&log);
  rows = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->log)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (rows));
  g_signal_connect_object (self->log, "items-changed", G_CALLBACK (log_changed_cb), self, G_CONNECT_SWAPPED);
  fill_choices (self, FALSE);
  update_count (self);
  /* a long log is read whole for them: beside the window, shown at once */
  self->reading = g_cancellable_new ();
  l4a_audit_log_read_choices_async (self->log, self->reading, choices_read_cb, self);
  return self;
}
