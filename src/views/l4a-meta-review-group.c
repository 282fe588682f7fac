/* l4a-meta-review-group.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meta-review as each role meets it: the secretariat names the lead
 * reviewer once the reviews are in and reads what the lead writes; the
 * lead reads the reviews numbered and writes the Board's recommendation.
 * A government never sees it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-clarify.h"
#include "l4a-labels.h"
#include "l4a-meta-review-group.h"
#include "l4a-review.h"
#include "l4a-rules.h"
#include "l4a-types.h"

struct _L4aMetaReviewGroup
{
  AdwPreferencesGroup  parent_instance;

  L4aStore            *store;
  char                *proposal_id;
  GPtrArray           *candidates;       /* L4aAssignPair */
  AdwComboRow         *lead_row;
  AdwComboRow         *recommendation_row;

  GtkListBox          *list;
  GtkWidget           *editor;           /* the lead's text and buttons */
  GtkTextView         *body_view;
  GtkLabel            *problem;
};

G_DEFINE_FINAL_TYPE (L4aMetaReviewGroup, l4a_meta_review_group, ADW_TYPE_PREFERENCES_GROUP)

/* the recommendations a member chooses from, in their order */
#define recommendations (l4a_enum_get_nicks (L4A_TYPE_RECOMMENDATION))
#define N_RECOMMENDATIONS (g_strv_length ((char **) recommendations))

static void reload (L4aMetaReviewGroup *self);

static void
add_row (L4aMetaReviewGroup *self,
         GtkWidget          *row)
{
  gtk_list_box_append (self->list, row);
}

static GtkWidget *
text_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
show_problem (L4aMetaReviewGroup *self,
              const char         *text)
{
  gtk_label_set_label (self->problem, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), text != NULL);
}

/* The reviews as the lead reads them: numbered, never named. */
static void
add_digest (L4aMetaReviewGroup *self,
            const char         *digest)
{
  g_autoptr(JsonNode) root = json_from_string (digest, NULL);
  JsonArray *reviews = root && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;

  for (guint i = 0; reviews != NULL && i < json_array_get_length (reviews); i++)
    {
      JsonObject *review = json_array_get_object_element (reviews, i);
      GtkWidget *expander = adw_expander_row_new ();
      JsonArray *scores;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *score = NULL;
      const char *confidence;

      if (review == NULL)
        continue;
      /* translators: reviewers are numbered, never named */
      title = g_strdup_printf (_("Reviewer %d"), (int) json_object_get_int_member_with_default (review, "reviewer", i + 1));
      score = json_object_has_member (review, "score") && !json_object_get_null_member (review, "score")
              ? g_strdup_printf (_("%.1f out of 5"), json_object_get_double_member (review, "score"))
              : g_strdup (_("Not scored"));
      confidence = json_object_get_string_member_with_default (review, "confidence", NULL);
      subtitle = g_strdup_printf ("%s · %s · %s", score,
                                  l4a_recommendation_label (json_object_get_string_member_with_default (review,
                                                                                                    "recommendation",
                                                                                                    NULL)),
                                  confidence ? l4a_enum_get_label (L4A_TYPE_CONFIDENCE, confidence)
                                             : _("Confidence not stated"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      scores = json_object_has_member (review, "scores") ? json_object_get_array_member (review, "scores") : NULL;
      for (guint k = 0; scores != NULL && k < json_array_get_length (scores); k++)
        {
          JsonObject *s = json_array_get_object_element (scores, k);
          g_autofree char *value = NULL;

          if (s == NULL)
            continue;
          value = g_strdup_printf ("%g / %d", json_object_get_double_member_with_default (s, "score", 0),
                                   (int) json_object_get_int_member_with_default (s, "of", 5));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    text_row (json_object_get_string_member_with_default (s, "criterion", ""), value));
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                text_row (_("Comments for the authors"),
                                          json_object_get_string_member_with_default (review, "comments_authors", "")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                text_row (_("Confidential comments"),
                                          json_object_get_string_member_with_default (review, "comments_confidential",
                                                                                      "")));
      add_row (self, expander);
    }
}

static void
request_clicked_cb (L4aMetaReviewGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_meta_review_group_request (self, adw_combo_row_get_selected (self->lead_row), &error))
    show_problem (self, error->message);
}

static char *
body_text (L4aMetaReviewGroup *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
write_clicked (L4aMetaReviewGroup *self,
               gboolean            submit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = body_text (self);
  guint selected = adw_combo_row_get_selected (self->recommendation_row);

  if (!l4a_meta_review_group_write (self, selected > 0 && selected <= N_RECOMMENDATIONS
                                          ? recommendations[selected - 1] : NULL,
                                    body, submit, &error))
    show_problem (self, error->message);
}

static void
save_clicked_cb (L4aMetaReviewGroup *self)
{
  write_clicked (self, FALSE);
}

static void
submit_clicked_cb (L4aMetaReviewGroup *self)
{
  write_clicked (self, TRUE);
}

static void
add_lead_chooser (L4aMetaReviewGroup *self,
                  const L4aMetaReview *meta)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *button;

  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = l4a_meta_review_candidates (self->store, self->proposal_id, NULL);
  if (self->candidates == NULL || self->candidates->len == 0)
    return;
  for (guint i = 0; i < self->candidates->len; i++)
    gtk_string_list_append (names, ((L4aAssignPair *) g_ptr_array_index (self->candidates, i))->member_name);
  self->lead_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lead_row), _("Lead reviewer"));
  /* the chosen name under the title, so that the row fits a phone beside its button */
  adw_combo_row_set_use_subtitle (self->lead_row, TRUE);
  adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (names));
  for (guint i = 0; meta != NULL && i < self->candidates->len; i++)
    if (g_strcmp0 (((L4aAssignPair *) g_ptr_array_index (self->candidates, i))->member_id, meta->member_id) == 0)
      adw_combo_row_set_selected (self->lead_row, i);
  button = l4a_button_new_with_mnemonic (meta ? _("_Name Another Lead") : _("_Ask for the Meta-Review"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (request_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->lead_row), button);
  add_row (self, GTK_WIDGET (self->lead_row));
}

static void
add_editor (L4aMetaReviewGroup  *self,
            const L4aMetaReview *meta)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = 0;

  self->recommendation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_string_list_append (choices, _("Choose…"));
  for (guint i = 0; i < N_RECOMMENDATIONS; i++)
    {
      gtk_string_list_append (choices, l4a_recommendation_label (recommendations[i]));
      if (g_strcmp0 (meta->recommendation, recommendations[i]) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->recommendation_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->recommendation_row, selected);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->recommendation_row), _("The Board should"));
  add_row (self, GTK_WIDGET (self->recommendation_row));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), meta->body ? meta->body : "", -1);
  gtk_widget_set_visible (self->editor, TRUE);
}

static void
reload (L4aMetaReviewGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aMetaReview) meta = NULL;
  L4aRole role = l4a_store_get_role (self->store);
  gboolean open = l4a_clarification_round_open (self->store, self->proposal_id);

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, row);
  gtk_widget_set_visible (self->editor, FALSE);
  show_problem (self, NULL);
  self->lead_row = self->recommendation_row = NULL;

  meta = l4a_meta_review_get (self->store, self->proposal_id, &error);
  if (role == L4A_ROLE_GOVERNMENT || (role == L4A_ROLE_MEMBER && meta == NULL) ||
      (role == L4A_ROLE_SECRETARIAT && meta == NULL && !open))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  if (role == L4A_ROLE_SECRETARIAT)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Once every review is in, a reviewer of this proposal writes the "
                                               "Board’s consolidated recommendation; the reviews reach them "
                                               "numbered, never named, in their next review packet."));
      /* while it is not submitted, the chooser names the lead */
      if (open && (meta == NULL || meta->submitted_at == NULL))
        add_lead_chooser (self, meta);
      if (meta != NULL)
        {
          g_autofree char *when = meta->submitted_at ? l4a_format_date (meta->submitted_at) : NULL;
          /* translators: a date */
          g_autofree char *state = when ? g_strdup_printf (_("Submitted on %s"), when)
                                        : g_strdup (_("Waiting for the lead reviewer"));

          if (meta->submitted_at != NULL || !open)
            add_row (self, text_row (_("Lead reviewer"), meta->member_name));
          add_row (self, text_row (_("State"), state));
          if (meta->submitted_at != NULL)
            {
              add_row (self, text_row (_("The Board should"), l4a_recommendation_label (meta->recommendation)));
              add_row (self, text_row (_("Consolidated recommendation"), meta->body));
            }
        }
    }
  else
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("You lead this proposal’s review: read the reviews, then write the "
                                               "Board’s consolidated recommendation. It travels in your reviews "
                                               "bundle once submitted."));
      add_digest (self, meta->digest);
      if (meta->submitted_at != NULL || !open)
        {
          add_row (self, text_row (_("The Board should"), l4a_recommendation_label (meta->recommendation)));
          add_row (self, text_row (_("Consolidated recommendation"), meta->body));
        }
      else
        add_editor (self, meta);
    }
}

/**
 * l4a_meta_review_group_request:
 * @candidate: the position of the lead in the chooser
 */
gboolean
l4a_meta_review_group_request (L4aMetaReviewGroup  *self,
                               guint                candidate,
                               GError             **error)
{
  g_return_val_if_fail (L4A_IS_META_REVIEW_GROUP (self), FALSE);

  if (self->candidates == NULL || candidate >= self->candidates->len)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("Choose the lead reviewer."));
      return FALSE;
    }
  if (!l4a_meta_review_request (self->store, self->proposal_id,
                                ((L4aAssignPair *) g_ptr_array_index (self->candidates, candidate))->member_id, error))
    return FALSE;
  reload (self);
  return TRUE;
}

/**
 * l4a_meta_review_group_write:
 *
 * Saves (or submits) the lead's meta-review as the group's buttons do.
 */
gboolean
l4a_meta_review_group_write (L4aMetaReviewGroup  *self,
                             const char          *recommendation,
                             const char          *body,
                             gboolean             submit,
                             GError             **error)
{
  g_return_val_if_fail (L4A_IS_META_REVIEW_GROUP (self), FALSE);

  if (!l4a_meta_review_save (self->store, self->proposal_id, recommendation, body, submit, error))
    return FALSE;
  reload (self);
  return TRUE;
}

static void
l4a_meta_review_group_dispose (GObject *object)
{
  L4aMetaReviewGroup *self = L4A_META_REVIEW_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->proposal_id, g_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_meta_review_group_parent_class)->dispose (object);
}

static void
l4a_meta_review_group_class_init (L4aMetaReviewGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = l4a_meta_review_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-meta-review-group.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aMetaReviewGroup, list);
  gtk_widget_class_bind_template_child (widget_class, L4aMetaReviewGroup, editor);
  gtk_widget_class_bind_template_child (widget_class, L4aMetaReviewGroup, body_view);
  gtk_widget_class_bind_template_child (widget_class, L4aMetaReviewGroup, problem);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
}

static void
l4a_meta_review_group_init (L4aMetaReviewGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

GtkWidget *
l4a_meta_review_group_new (L4aStore   *store,
                           const char *proposal_id)
{
  L4aMetaReviewGroup *self = g_object_new (L4A_TYPE_META_REVIEW_GROUP, NULL);

  self->store = g_object_ref (store);
  self->proposal_id = g_strdup (proposal_id);
  reload (self);
  return GTK_WIDGET (self);
}
