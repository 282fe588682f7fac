/* l4a-clarifications-group.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Questions to a proposal's government and its answers, as each role
 * meets them: the secretariat asks, and sends on or sets aside what
 * reviewers suggest; a reviewer reads them and suggests one; the
 * government answers. Never a member's name outside the secretariat.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-clarifications-group.h"
#include "l4a-accessible.h"
#include "l4a-clarify.h"
#include "l4a-labels.h"
#include "l4a-rules.h"

struct _L4aClarificationsGroup
{
  AdwPreferencesGroup  parent_instance;

  L4aStore            *store;
  char                *proposal_id;
  GPtrArray           *clarifications;  /* L4aClarification, as shown */
  GPtrArray           *answer_rows;     /* AdwEntryRow per question, or NULL when it cannot be answered here */
  AdwEntryRow         *ask_row;

  GtkListBox          *list;
  GtkLabel            *problem;
};

G_DEFINE_FINAL_TYPE (L4aClarificationsGroup, l4a_clarifications_group, ADW_TYPE_PREFERENCES_GROUP)

static void reload (L4aClarificationsGroup *self);

static void
show_problem (L4aClarificationsGroup *self,
              const char             *text)
{
  gtk_label_set_label (self->problem, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), text != NULL);
}

static void
add_row (L4aClarificationsGroup *self,
         GtkWidget              *row)
{
  gtk_list_box_append (self->list, row);
}

static char *
describe (L4aClarificationsGroup *self,
          const L4aClarification *c)
{
  g_autofree char *when = NULL;

  if (g_str_equal (c->status, "suggested"))
    {
      if (c->mine)
        return g_strdup (_("Your suggestion; the World Secretariat has not sent it yet"));
      /* translators: a board member's name */
      return g_strdup_printf (_("Suggested by %s; not sent"), c->asker_name ? c->asker_name : _("a reviewer"));
    }
  when = l4a_format_date (c->sent_at);
  if (g_strcmp0 (c->asked_by, "board") == 0)
    /* translators: a date */
    return g_strdup_printf (_("Asked for the Advisory Board on %s"), when);
  /* translators: a date */
  return g_strdup_printf (_("Asked by the World Secretariat on %s"), when);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aClarificationsGroup *self = L4A_CLARIFICATIONS_GROUP (widget);
  g_autoptr(GError) error = NULL;
  guint index = g_variant_get_uint32 (parameter);
  AdwEntryRow *row = index < self->answer_rows->len ? g_ptr_array_index (self->answer_rows, index) : NULL;

  if (row == NULL)
    return;
  if (!l4a_clarifications_group_answer (self, index, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    show_problem (self, error->message);
}

static void
answer_activate_cb (AdwEntryRow            *row,
                    L4aClarificationsGroup *self)
{
  guint index;

  if (g_ptr_array_find (self->answer_rows, row, &index))
    gtk_widget_activate_action (GTK_WIDGET (self), "clarify.answer", "u", index);
}

static void
ask_apply_cb (L4aClarificationsGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_clarifications_group_ask (self, gtk_editable_get_text (GTK_EDITABLE (self->ask_row)), &error))
    show_problem (self, error->message);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  L4aClarificationsGroup *self = L4A_CLARIFICATIONS_GROUP (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "clarify.send"))
    ok = l4a_clarification_send (self->store, g_variant_get_string (parameter, NULL), NULL, &error);
  else
    ok = l4a_clarification_dismiss (self->store, g_variant_get_string (parameter, NULL), &error);
  if (!ok)
    {
      show_problem (self, error->message);
      return;
    }
  reload (self);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *id,
               gboolean    suggested)
{
  GtkWidget *button = l4a_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, suggested ? "suggested-action" : "flat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
reload (L4aClarificationsGroup *self)
{
  g_autoptr(GError) error = NULL;
  L4aRole role = l4a_store_get_role (self->store);
  gboolean open;

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, row);
  g_ptr_array_set_size (self->answer_rows, 0);
  g_clear_pointer (&self->clarifications, g_ptr_array_unref);
  show_problem (self, NULL);

  self->clarifications = l4a_clarification_list (self->store, self->proposal_id, &error);
  if (self->clarifications == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  open = l4a_clarification_round_open (self->store, self->proposal_id);

  for (guint i = 0; i < self->clarifications->len; i++)
    {
      L4aClarification *c = g_ptr_array_index (self->clarifications, i);
      g_autofree char *about = describe (self, c);
      GtkWidget *row = adw_action_row_new ();
      AdwEntryRow *answer_row = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->question);
      gtk_widget_add_css_class (row, "property");
      if (g_str_equal (c->status, "answered"))
        {
          g_autofree char *when = l4a_format_date (c->answered_at);
          /* translators: when a question was asked, the answer's date, then the answer */
          g_autofree char *subtitle = g_strdup_printf (_("%s · answered on %s: %s"), about, when, c->answer);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else if (g_str_equal (c->status, "sent"))
        {
          g_autofree char *subtitle = g_strdup_printf (_("%s · not answered yet"), about);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), about);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      if (role == L4A_ROLE_SECRETARIAT && g_str_equal (c->status, "suggested") && open)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("_Set Aside"), "clarify.dismiss", c->id,
                                                                          FALSE));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("_Send"), "clarify.send", c->id, TRUE));
        }
      add_row (self, row);

      if (role == L4A_ROLE_GOVERNMENT && !g_str_equal (c->status, "suggested") && open)
        {
          answer_row = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer_row),
                                         g_str_equal (c->status, "answered") ? _("Change your answer")
                                                                            : _("Your answer"));
          if (g_str_equal (c->status, "answered"))
            gtk_editable_set_text (GTK_EDITABLE (answer_row), c->answer);
          {
            GtkWidget *save = l4a_button_new_with_mnemonic (_("Save _Answer"));

            gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
            gtk_actionable_set_action_target (GTK_ACTIONABLE (save), "u", i);
            gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "clarify.answer");
            adw_entry_row_add_suffix (answer_row, save);
          }
          g_signal_connect (answer_row, "entry-activated", G_CALLBACK (answer_activate_cb), self);
          add_row (self, GTK_WIDGET (answer_row));
        }
      g_ptr_array_add (self->answer_rows, answer_row);
    }

  if (self->clarifications->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No question so far"));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, row);
    }

  /* the secretariat asks; a reviewer suggests */
  if (open && (role == L4A_ROLE_SECRETARIAT || role == L4A_ROLE_MEMBER))
    {
      self->ask_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ask_row),
                                     /* short: the row also holds its button, on a phone too */
                                     role == L4A_ROLE_SECRETARIAT ? _("New question")
                                                                  : _("Your suggestion"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->ask_row),
                                   role == L4A_ROLE_SECRETARIAT
                                   ? _("A question to the government, sent with the next released decisions bundle")
                                   : _("A question for the government: the World Secretariat reads it and decides "
                                       "whether to ask it"));
      {
        GtkWidget *ask = l4a_button_new_with_mnemonic (role == L4A_ROLE_SECRETARIAT ? _("_Ask") : _("_Suggest"));

        gtk_widget_set_valign (ask, GTK_ALIGN_CENTER);
        g_signal_connect_swapped (ask, "clicked", G_CALLBACK (ask_apply_cb), self);
        adw_entry_row_add_suffix (self->ask_row, ask);
      }
      g_signal_connect_swapped (self->ask_row, "entry-activated", G_CALLBACK (ask_apply_cb), self);
      add_row (self, GTK_WIDGET (self->ask_row));
    }
  else
    self->ask_row = NULL;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         role == L4A_ROLE_GOVERNMENT
                                         ? _("The Advisory Board asks before it decides. Answer here, then send your "
                                             "proposals bundle to the World Secretariat.")
                                         : role == L4A_ROLE_MEMBER
                                         ? _("Every reviewer of this proposal reads the questions and answers; nobody "
                                             "learns who suggested a question.")
                                         : _("Sent to the government in its next decisions bundle; answers come back "
                                             "in its proposals bundle."));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

guint
l4a_clarifications_group_get_n_questions (L4aClarificationsGroup *self)
{
  g_return_val_if_fail (L4A_IS_CLARIFICATIONS_GROUP (self), 0);

  return self->clarifications ? self->clarifications->len : 0;
}

/**
 * l4a_clarifications_group_ask:
 *
 * Asks the question (the secretariat) or suggests it (a reviewer), as
 * the row at the bottom of the group does.
 */
gboolean
l4a_clarifications_group_ask (L4aClarificationsGroup  *self,
                              const char              *question,
                              GError                 **error)
{
  g_return_val_if_fail (L4A_IS_CLARIFICATIONS_GROUP (self), FALSE);

  if (!l4a_clarification_ask (self->store, self->proposal_id, question, NULL, error))
    return FALSE;
  reload (self);
  return TRUE;
}

/**
 * l4a_clarifications_group_answer:
 * @index: the question's position in the group
 *
 * The government's answer to a question, as its row applies it.
 */
gboolean
l4a_clarifications_group_answer (L4aClarificationsGroup  *self,
                                 guint                    index,
                                 const char              *answer,
                                 GError                 **error)
{
  L4aClarification *c;

  g_return_val_if_fail (L4A_IS_CLARIFICATIONS_GROUP (self), FALSE);

  if (self->clarifications == NULL || index >= self->clarifications->len)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND, _("There is no such question."));
      return FALSE;
    }
  c = g_ptr_array_index (self->clarifications, index);
  if (!l4a_clarification_answer (self->store, c->id, answer, error))
    return FALSE;
  reload (self);
  return TRUE;
}

static void
l4a_clarifications_group_dispose (GObject *object)
{
  L4aClarificationsGroup *self = L4A_CLARIFICATIONS_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->proposal_id, g_free);
  g_clear_pointer (&self->clarifications, g_ptr_array_unref);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_clarifications_group_parent_class)->dispose (object);
}

static void
l4a_clarifications_group_class_init (L4aClarificationsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_clarifications_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-clarifications-group.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aClarificationsGroup, list);
  gtk_widget_class_bind_template_child (widget_class, L4aClarificationsGroup, problem);
  gtk_widget_class_install_action (widget_class, "clarify.send", "s", send_action);
  gtk_widget_class_install_action (widget_class, "clarify.dismiss", "s", send_action);
  gtk_widget_class_install_action (widget_class, "clarify.answer", "u", answer_action);
}

static void
l4a_clarifications_group_init (L4aClarificationsGroup *self)
{
  self->answer_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
l4a_clarifications_group_new (L4aStore   *store,
                              const char *proposal_id)
{
  L4aClarificationsGroup *self = g_object_new (L4A_TYPE_CLARIFICATIONS_GROUP, NULL);

  self->store = g_object_ref (store);
  self->proposal_id = g_strdup (proposal_id);
  reload (self);
  return GTK_WIDGET (self);
}
