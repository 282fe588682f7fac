/* l4a-review-window.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One proposal under review. A board member scores it against the call's
 * criteria, recommends, comments, and submits; only then the others'
 * reviews and the board's discussion open. The World Secretariat sees
 * every review with its reviewer, adds or removes reviewers, takes the
 * decision and releases it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-adaptive-split.h"
#include "l4a-proposal-document.h"
#include "l4a-clarifications-group.h"
#include "l4a-meta-review-group.h"
#include "l4a-labels.h"
#include "l4a-proposal-edit.h"
#include "l4a-proposal-editor.h"
#include "l4a-review.h"
#include "l4a-letter.h"
#include "l4a-letter-export.h"
#include "l4a-mail.h"
#include "l4a-review-window.h"
#include "l4a-bind.h"
#include "l4a-score-row.h"
#include "l4a-types.h"
#include "l4a-rules.h"
#include "l4a-toast.h"

#define AUTOSAVE_DELAY_MS 800

struct _L4aReviewWindow
{
  AdwWindow            parent_instance;

  L4aStore            *store;
  char                *proposal_id;
  L4aAssignmentInfo   *info;
  L4aReview           *review;      /* the member's own, or NULL */
  L4aDecision         *decision;    /* the decision the form shows, or NULL */
  guint                n_others;
  guint                autosave_id;
  gboolean             loading;

  AdwWindowTitle      *title;
  GtkButton           *submit_button;
  AdwToastOverlay     *toasts;
  GtkLabel            *notice;
  GtkBox              *content;
  L4aAdaptiveSplit    *split;
  GPtrArray           *score_rows;  /* L4aScoreRow per criterion */
  AdwPreferencesGroup *scores_group;
  GtkLabel            *missing_label;
  GtkWidget           *submit_bottom;
  AdwComboRow         *recommendation_row;
  AdwComboRow         *confidence_row;
  GtkEntry            *decline_entry;     /* in the decline dialog, while it is open */
  GtkTextView         *authors_view;
  GtkTextView         *confidential_view;
  AdwComboRow         *outcome_row;
  GtkTextView         *rationale_view;
  GtkTextView         *notes_view;
  GtkEntry            *note_entry;
  GPtrArray           *groups;      /* what a reload rebuilds */
  AdwComboRow         *assign_row;  /* "Add a reviewer", or NULL */
  guint                focus_id;
  GPtrArray           *assignable;  /* the member ids assign_row offers, in its order */

  /* What the window shows again when an import or another process (the
   * command line, another workstation's sync) changes it: a rebuild, in an
   * idle, unless one was made since. Its own actions rebuild it
   * themselves. */
  L4aContext          *context;
  guint                rebuild_id;
  guint                n_builds;
  guint                n_builds_asked;
  gboolean             decision_changed;
};

G_DEFINE_FINAL_TYPE (L4aReviewWindow, l4a_review_window, ADW_TYPE_WINDOW)

enum { RELEASED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_REVIEW, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* the recommendations a member chooses from, in their order */
#define recommendations (l4a_enum_get_nicks (L4A_TYPE_RECOMMENDATION))
#define N_RECOMMENDATIONS (g_strv_length ((char **) recommendations))
/* the outcomes the secretariat decides from, in their order */
#define outcomes (l4a_enum_get_nicks (L4A_TYPE_OUTCOME))
#define N_OUTCOMES (g_strv_length ((char **) outcomes))

static void rebuild (L4aReviewWindow *self);

static const char *
confidence_label (const char *confidence)
{
  if (confidence == NULL)
    return _("Confidence not stated");
  return l4a_enum_get_label (L4A_TYPE_CONFIDENCE, confidence);
}

static void
toast (L4aReviewWindow *self,
       const char      *text)
{
  /* a proposal may be called “R&D”: said as it is */
  adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (text));
}

static void
show_notice (L4aReviewWindow *self,
             const char      *text)
{
  gtk_label_set_label (self->notice, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice), text != NULL);
}

static AdwPreferencesGroup *
add_group (L4aReviewWindow *self,
           const char      *title,
           const char      *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);
  gtk_box_append (self->content, GTK_WIDGET (group));
  g_ptr_array_add (self->groups, group);
  return group;
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* A multi-line text field in a card, labelled for assistive technologies. */
static GtkTextView *
add_text_field (AdwPreferencesGroup *group,
                const char          *label,
                const char          *text,
                gboolean             editable)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (group, frame);
  return GTK_TEXT_VIEW (view);
}

/* A text of a submitted review, as a document: wrapped, selectable. */
static void
add_document_text (L4aReviewWindow *self,
                   const char      *title,
                   const char      *text)
{
  AdwPreferencesGroup *group = add_group (self, title, NULL);
  GtkWidget *label = gtk_label_new (text && *text ? text : _("None"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (!(text && *text))
    gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  adw_preferences_group_add (group, label);
}

static void submit_clicked_cb (L4aReviewWindow *self);
static gboolean submit (L4aReviewWindow  *self,
                        GError          **error);
static gboolean release (L4aReviewWindow  *self,
                         GError          **error);
static gboolean decline (L4aReviewWindow  *self,
                         const char       *reason,
                         GError          **error);

static char *
score_text (const L4aReview *review)
{
  double score;

  if (!l4a_review_weighted_score (review, &score))
    return g_strdup (_("Not scored"));
  /* translators: a weighted score, such as 4.2 out of 5 */
  return g_strdup_printf (_("%.1f out of 5"), score);
}

/* Member's review ----------------------------------------------------------- */

/* The scores into the review; its texts and choices are bound to it. */
static void
collect_review (L4aReviewWindow *self)
{
  for (guint i = 0; i < self->score_rows->len && i < self->review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (self->review->scores, i);
      L4aScoreRow *row = g_ptr_array_index (self->score_rows, i);

      s->has_score = l4a_score_row_has_score (row);
      s->score = l4a_score_row_get_score (row);
    }
}

static gboolean
save_draft (L4aReviewWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->review == NULL || self->review->submitted_at != NULL)
    return TRUE;

  collect_review (self);
  if (!l4a_review_save (self->store, self->review, &error))
    {
      show_notice (self, error->message);
      return FALSE;
    }
  show_notice (self, NULL);
  return TRUE;
}

static gboolean
autosave_cb (gpointer data)
{
  L4aReviewWindow *self = data;

  self->autosave_id = 0;
  save_draft (self);
  return G_SOURCE_REMOVE;
}

/* The form as it stands: how many criteria are scored, the weighted total
 * so far, and what is still missing before Submit. */
static void
update_progress (L4aReviewWindow *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *counter = NULL;
  guint scored = 0;
  double weighted;

  if (self->review == NULL || self->review->submitted_at != NULL || self->scores_group == NULL)
    return;
  collect_review (self);
  for (guint i = 0; i < self->review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (self->review->scores, i);

      scored += s->has_score;
      if (s->required && !s->has_score)
        /* translators: something still to do before submitting a review: a criterion's name */
        g_ptr_array_add (missing, g_strdup_printf (_("score “%s”"), s->label));
    }
  if (self->review->recommendation == NULL)
    g_ptr_array_add (missing, g_strdup (_("say what the Board should do")));

  total = l4a_review_weighted_score (self->review, &weighted)
          /* translators: the weighted total of the scores given so far, out of 5 */
          ? g_strdup_printf (_("weighted total so far %.1f out of 5"), weighted)
          : g_strdup (_("no total yet"));
  /* translators: how many criteria are scored of how many, then the total so far */
  counter = g_strdup_printf (_("%u of %u scored · %s"), scored, self->review->scores->len, total);
  adw_preferences_group_set_description (self->scores_group, counter);

  if (missing->len == 0)
    g_string_append (text, _("Everything required is filled in. A submitted review no longer changes."));
  else
    {
      g_ptr_array_add (missing, NULL);
      {
        g_autofree char *list = g_strjoinv ("; ", (char **) missing->pdata);

        /* translators: what is still to do before a review can be submitted */
        g_string_append_printf (text, _("Before submitting: %s."), list);
      }
    }
  gtk_label_set_label (self->missing_label, text->str);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), missing->len == 0);
  gtk_widget_set_sensitive (self->submit_bottom, missing->len == 0);
}

static void
review_changed_cb (L4aReviewWindow *self)
{
  if (self->loading || self->review == NULL || self->review->submitted_at != NULL)
    return;
  update_progress (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
add_scores_group (L4aReviewWindow *self,
                  L4aReview       *review,
                  gboolean         editable)
{
  AdwPreferencesGroup *group = add_group (self, _("Scores"), NULL);
  double weighted;

  self->scores_group = group;
  for (guint i = 0; i < review->scores->len; i++)
    {
      L4aScore *s = g_ptr_array_index (review->scores, i);
      GtkWidget *row = l4a_score_row_new (s, editable);

      l4a_score_row_set_score (L4A_SCORE_ROW (row), s->has_score, (int) s->score);
      g_signal_connect_swapped (row, "notify::score", G_CALLBACK (review_changed_cb), self);
      adw_preferences_group_add (group, row);
      if (editable)
        g_ptr_array_add (self->score_rows, row);
    }
  if (!editable)
    {
      g_autofree char *total = l4a_review_weighted_score (review, &weighted)
                               ? g_strdup_printf (_("%.1f out of 5"), weighted) : g_strdup (_("Not scored"));

      adw_preferences_group_add (group, info_row (_("Weighted total"), total));
    }
}

static void
add_own_review (L4aReviewWindow *self)
{
  gboolean editable = self->review->submitted_at == NULL;
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->score_rows, 0);
  add_scores_group (self, self->review, editable);

  if (!editable)
    {
      /* submitted: the review reads as a document */
      group = add_group (self, _("Recommendation"), NULL);
      adw_preferences_group_add (group, info_row (_("The Board should"),
                                                  l4a_recommendation_label (self->review->recommendation)));
      adw_preferences_group_add (group, info_row (_("Your confidence"), confidence_label (self->review->confidence)));
      add_document_text (self, _("Comments for the Authors"), self->review->comments_authors);
      add_document_text (self, _("Confidential Comments"), self->review->comments_confidential);
      self->recommendation_row = NULL;
      self->confidence_row = NULL;
      self->authors_view = self->confidential_view = NULL;
      {
        g_autofree char *date = l4a_format_date (self->review->submitted_at);
        g_autofree char *text = g_strdup_printf (_("You submitted this review on %s; it no longer changes."), date);

        show_notice (self, text);
      }
      return;
    }

  group = add_group (self, _("Recommendation"), NULL);
  self->recommendation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_string_list_append (choices, _("Choose…"));
  for (guint i = 0; i < N_RECOMMENDATIONS; i++)
    gtk_string_list_append (choices, l4a_recommendation_label (recommendations[i]));
  adw_combo_row_set_model (self->recommendation_row, G_LIST_MODEL (choices));
  l4a_bind_choice (self->review, "recommendation", self->recommendation_row, recommendations,
                   N_RECOMMENDATIONS, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->recommendation_row), _("The Board should"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->recommendation_row), editable);
  g_signal_connect_swapped (self->recommendation_row, "notify::selected", G_CALLBACK (review_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->recommendation_row));

  self->confidence_row = ADW_COMBO_ROW (adw_combo_row_new ());
  {
    g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
    const char * const *nicks = l4a_enum_get_nicks (L4A_TYPE_CONFIDENCE);

    gtk_string_list_append (levels, _("Choose…"));
    for (const char * const *nick = nicks; *nick; nick++)
      gtk_string_list_append (levels, l4a_enum_get_label (L4A_TYPE_CONFIDENCE, *nick));
    adw_combo_row_set_model (self->confidence_row, G_LIST_MODEL (levels));
    l4a_bind_choice (self->review, "confidence", self->confidence_row, nicks, g_strv_length ((char **) nicks), TRUE);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confidence_row), _("Your confidence"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->confidence_row),
                               _("How well you know the field of this proposal"));
  g_signal_connect_swapped (self->confidence_row, "notify::selected", G_CALLBACK (review_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->confidence_row));

  group = add_group (self, _("Comments for the Authors"),
                     _("The government reads these once the decision is released."));
  self->authors_view = add_text_field (group, _("Comments for the authors"), NULL, editable);
  l4a_bind_text_buffer (self->review, "comments-authors", gtk_text_view_get_buffer (self->authors_view));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->authors_view), "changed",
                            G_CALLBACK (review_changed_cb), self);

  group = add_group (self, _("Confidential Comments"), _("Only the Board and the World Secretariat read these."));
  self->confidential_view = add_text_field (group, _("Confidential comments for the Board"), NULL, editable);
  l4a_bind_text_buffer (self->review, "comments-confidential", gtk_text_view_get_buffer (self->confidential_view));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->confidential_view), "changed",
                            G_CALLBACK (review_changed_cb), self);

  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), TRUE);

  /* what is still missing, beside the button that submits */
  group = add_group (self, _("Submit"), NULL);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    self->missing_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->missing_label, TRUE);
    gtk_label_set_xalign (self->missing_label, 0);
    self->submit_bottom = l4a_button_new_with_mnemonic (_("Submit _Review…"));
    gtk_widget_set_halign (self->submit_bottom, GTK_ALIGN_START);
    gtk_widget_add_css_class (self->submit_bottom, "pill");
    gtk_widget_add_css_class (self->submit_bottom, "suggested-action");
    g_signal_connect_swapped (self->submit_bottom, "clicked", G_CALLBACK (submit_clicked_cb), self);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->missing_label));
    gtk_box_append (GTK_BOX (box), self->submit_bottom);
    {
      GtkWidget *decline = l4a_button_new_with_mnemonic (_("_Decline This Assignment…"));

      gtk_widget_set_halign (decline, GTK_ALIGN_START);
      gtk_widget_add_css_class (decline, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (decline), "review.decline");
      gtk_box_append (GTK_BOX (box), decline);
    }
    adw_preferences_group_add (group, box);
  }
  update_progress (self);
}

/* Other reviews, discussion -------------------------------------------------- */

static void
add_reviews_group (L4aReviewWindow *self,
                   GPtrArray       *reviews,
                   gboolean         skip_own)
{
  AdwPreferencesGroup *group = NULL;

  self->n_others = 0;
  for (guint i = 0; i < reviews->len; i++)
    {
      L4aReview *review = g_ptr_array_index (reviews, i);
      GtkWidget *expander;
      g_autofree char *score = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      if (skip_own && self->review != NULL && g_strcmp0 (review->id, self->review->id) == 0)
        continue;
      if (group == NULL)
        group = add_group (self, skip_own ? _("Other Reviews") : _("Reviews"), NULL);
      self->n_others++;

      score = score_text (review);
      subtitle = review->confidence
                 ? g_strdup_printf ("%s · %s · %s", score, l4a_recommendation_label (review->recommendation),
                                    confidence_label (review->confidence))
                 : g_strdup_printf ("%s · %s", score, l4a_recommendation_label (review->recommendation));
      title = review->submitted_at ? g_strdup (review->reviewer)
                                   : g_strdup_printf (_("%s (draft)"), review->reviewer);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      if (review->proposal_version != self->info->version)
        {
          g_autofree char *version = g_strdup_printf (_("Version %d"), review->proposal_version);
          GtkWidget *tag = gtk_label_new (version);

          gtk_widget_add_css_class (tag, "dim-label");
          adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), tag);
        }
      for (guint k = 0; k < review->scores->len; k++)
        {
          L4aScore *s = g_ptr_array_index (review->scores, k);
          g_autofree char *value = s->has_score ? g_strdup_printf ("%g / %d", s->score, s->scale_max)
                                                : g_strdup (_("Not scored"));

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), info_row (s->label, value));
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                info_row (_("Comments for the authors"), review->comments_authors));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                info_row (_("Confidential comments"), review->comments_confidential));
      adw_preferences_group_add (group, expander);
    }
}

static void
add_note_cb (L4aReviewWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_discussion_add (self->store, self->proposal_id, gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                           &error))
    {
      toast (self, error->message);
      return;
    }
  rebuild (self);
}

static void
add_discussion_group (L4aReviewWindow *self)
{
  g_autoptr(GPtrArray) notes = l4a_discussion_list (self->store, self->proposal_id, NULL);
  AdwPreferencesGroup *group;
  GtkWidget *box, *button;

  if (notes == NULL)
    return;

  group = add_group (self, _("Discussion"),
                     _("Notes for the Board members who have submitted their review, and the World Secretariat."));
  for (guint i = 0; i < notes->len; i++)
    {
      L4aNote *note = g_ptr_array_index (notes, i);
      g_autofree char *date = l4a_format_date (note->created_at);
      g_autofree char *title = g_strdup_printf ("%s · %s", note->author, date);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note->body);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (group, row);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_entry), TRUE);
  gtk_entry_set_placeholder_text (self->note_entry, _("Add a note to the discussion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a note to the discussion"), -1);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (add_note_cb), self);
  button = l4a_button_new_with_mnemonic (_("_Add Note"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_note_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note_entry));
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_add (group, box);
}

/* Secretariat: reviewers and decision ----------------------------------------- */

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *member = g_variant_get_string (parameter, NULL);

  if (!l4a_review_unassign (self->store, self->proposal_id, member, &error))
    {
      toast (self, error->message);
      return;
    }
  rebuild (self);
}

static void
assign_cb (GtkButton       *button,
           L4aReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = self->assignable;
  guint selected;

  if (ids == NULL || self->assign_row == NULL)
    return;
  selected = adw_combo_row_get_selected (self->assign_row);
  if (selected >= ids->len)
    return;
  if (!l4a_review_assign (self->store, self->proposal_id, g_ptr_array_index (ids, selected), &error))
    {
      toast (self, error->message);
      return;
    }
  rebuild (self);
}

static void
add_reviewers_group (L4aReviewWindow *self,
                     const char      *call_id)
{
  g_autoptr(L4aAssignMatrix) matrix = l4a_review_matrix (self->store, call_id, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  AdwPreferencesGroup *group;
  GtkWidget *row, *button;
  gint p = -1;
  guint M;

  if (matrix == NULL)
    {
      g_ptr_array_unref (ids);
      return;
    }
  for (guint i = 0; i < matrix->proposal_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (matrix->proposal_ids, i), self->proposal_id))
      p = (gint) i;
  if (p < 0)
    {
      g_ptr_array_unref (ids);
      return;
    }

  M = matrix->member_ids->len;
  group = add_group (self, _("Reviewers"),
                     _("Members with a conflict of interest are never offered; a started review keeps its reviewer."));
  for (guint m = 0; m < M; m++)
    {
      L4aCell cell = matrix->cells[p * M + m];
      const char *state;
      char *name = g_ptr_array_index (matrix->member_names, m);
      g_autofree char *load = NULL;

      if (cell == L4A_CELL_FREE)
        {
          g_autofree char *reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — reviews %u proposal",
                                                                   "%s — reviews %u proposals", matrix->loads[m]),
                                                      name, matrix->loads[m]);
          guint shared = matrix->match[p * M + m];
          /* translators: a member and their load, then how much expertise they share with the proposal */
          g_autofree char *label = shared > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u in common",
                                                                              "%s · %u in common", shared),
                                                                 reviews, shared)
                                              : g_strdup (reviews);
          gtk_string_list_append (names, label);
          g_ptr_array_add (ids, g_strdup (g_ptr_array_index (matrix->member_ids, m)));
          continue;
        }
      if (cell == L4A_CELL_CONFLICT || cell == L4A_CELL_UNREADABLE)
        continue;
      if (cell == L4A_CELL_DECLINED)
        {
          /* translators: why a member declined a proposal */
          g_autofree char *why = g_strdup_printf (_("Declined: %s"), l4a_assign_matrix_get_reason (matrix, p, m));

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
          adw_preferences_group_add (group, row);
          continue;
        }

      state = cell == L4A_CELL_SUBMITTED ? _("Submitted") : cell == L4A_CELL_DRAFT ? _("Draft") : _("Not started");
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      load = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · reviews %u proposal of this call",
                                           "%s · reviews %u proposals of this call", matrix->loads[m]),
                              state, matrix->loads[m]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), load);
      if (cell == L4A_CELL_ASSIGNED)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), name);

          button = l4a_remove_button_new (tooltip);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                            (const char *) g_ptr_array_index (matrix->member_ids, m));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.unassign");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (group, row);
    }

  /* what an earlier build offered is gone with its rows */
  self->assign_row = NULL;
  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  if (ids->len == 0)
    {
      g_ptr_array_unref (ids);
      return;
    }
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a reviewer"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  button = l4a_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  self->assign_row = ADW_COMBO_ROW (row);
  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  self->assignable = ids;
  g_signal_connect (button, "clicked", G_CALLBACK (assign_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
}

static void
save_decision_cb (L4aReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  L4aDecision *decision = self->decision;

  if (decision == NULL)
    return;
  if (!l4a_decision_save (self->store, self->proposal_id, decision->outcome, decision->rationale,
                          decision->internal_notes, &error))
    {
      show_notice (self, error->message);
      return;
    }
  show_notice (self, NULL);
  toast (self, _("Decision saved; nobody outside the World Secretariat sees it until it is released."));
  rebuild (self);
}

static void
release_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     L4aReviewWindow  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "release") != 0)
    return;
  if (!release (self, &error))
    show_notice (self, error->message);
}

/* What the secretariat should know before releasing: reviews still out,
 * reviewers who disagree. Returns: (transfer full) */
static char *
pending_warnings (L4aReviewWindow *self)
{
  g_autoptr(L4aProposalEdit) edit = l4a_registry_load_proposal (self->store, self->proposal_id, NULL);
  g_autoptr(GPtrArray) scores = edit ? l4a_review_scores (self->store, edit->call_id, NULL, NULL) : NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (scores, i);

      if (g_strcmp0 (score->proposal_id, self->proposal_id) != 0)
        continue;
      if (score->n_submitted < score->n_assigned)
        {
          guint missing = score->n_assigned - score->n_submitted;

          g_string_append_c (out, ' ');
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u review is not submitted yet.",
                                                    "%u reviews are not submitted yet.", missing), missing);
        }
      if (score->disagreement)
        {
          g_string_append_c (out, ' ');
          /* translators: how far apart the reviewers' scores are, out of 5 */
          g_string_append_printf (out, _("The reviewers disagree: their scores are %.1f apart."), score->spread);
        }
    }
  return g_string_free (out, FALSE);
}

static void
release_cb (L4aReviewWindow *self)
{
  AdwMessageDialog *dialog;
  g_autoptr(L4aDecision) decision = l4a_decision_get (self->store, self->proposal_id, NULL);
  g_autofree char *warnings = pending_warnings (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *outcome = decision ? l4a_outcome_label (decision->outcome) : NULL;

  /* translators: the title of the proposal whose decision is released */
  heading = g_strdup_printf (_("Release the Decision on %s?"), self->info ? self->info->title : "");
  /* translators: the outcome (such as "Label granted"), then what may still be pending */
  body = g_strdup_printf (_("%s. The government and the Board will see the outcome and its rationale, and a "
                            "released decision no longer changes.%s"),
                          outcome && *outcome ? outcome : _("No outcome chosen"), warnings);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "release", _("_Release"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "release", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (release_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
letter_done_cb (GObject    *owner,
                const char *path,
                const char *error_message)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (owner);
  g_autofree char *name = g_path_get_basename (path);
  /* translators: a file written, by its name */
  g_autofree char *text = error_message ? g_strdup (error_message) : g_strdup_printf (_("Letter saved as “%s”"), name);

  toast (self, text);
}

static void
letter_mailed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(L4aReviewWindow) self = user_data;
  g_autofree char *problem = l4a_mail_compose_problem (result);

  if (problem != NULL)
    toast (self, problem);
}

/* The letter is written; the message to the government carries it. */
static void
letter_for_mail_cb (GObject    *owner,
                    const char *path,
                    const char *error_message)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (owner);
  g_autofree char *contact = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (error_message != NULL)
    {
      toast (self, error_message);
      return;
    }
  contact = l4a_letter_contact (self->store, self->proposal_id);
  /* translators: a proposal's title */
  subject = g_strdup_printf (_("Local4Action: the decision on “%s”"), self->info->title);
  body = g_strdup_printf (_("Dear colleagues,\n\nplease find attached the Advisory Board’s decision on your "
                            "proposal “%s”, with the reviewers’ comments.\n\nThe World Secretariat"),
                          self->info->title);
  l4a_mail_compose (GTK_WINDOW (self), (const char * const[]) { contact && *contact ? contact : NULL, NULL },
                    subject, body, (const char * const[]) { path, NULL }, NULL, letter_mailed_cb,
                    g_object_ref (self));
}

static void
mail_letter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "local4action", "letters", NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0700);
  /* translators: the file name of a decision letter, from the proposal's title */
  name = g_strdup_printf (_("Decision letter – %s.pdf"), self->info->title);
  g_strdelimit (name, "/\\", '-');
  path = g_build_filename (dir, name, NULL);
  l4a_letter_export_to (self->store, self->proposal_id, path, G_OBJECT (self), letter_for_mail_cb);
}

static void
letter_cb (L4aReviewWindow *self)
{
  l4a_letter_export_choose (GTK_WINDOW (self), self->store, self->proposal_id, G_OBJECT (self), letter_done_cb);
}

static void
add_decision_group (L4aReviewWindow *self,
                    L4aDecision     *decision)
{
  gboolean secretariat = l4a_store_get_role (self->store) == L4A_ROLE_SECRETARIAT;
  gboolean released = decision != NULL && decision->released_at != NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  GtkWidget *buttons, *button;

  if (!secretariat && decision == NULL)
    return;

  if (released)
    {
      g_autofree char *date = l4a_format_date (decision->released_at);
      g_autofree char *description = g_strdup_printf (_("Released on %s."), date);

      group = add_group (self, _("Decision"), description);
    }
  else
    group = add_group (self, _("Decision"), _("Seen only by the World Secretariat until it is released."));

  /* the form is the decision's properties, both ways; one not taken yet
   * is a new decision until saved */
  g_clear_object (&self->decision);
  self->decision = decision ? g_object_ref (decision) : l4a_decision_new (self->proposal_id);
  self->outcome_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_string_list_append (choices, _("Choose…"));
  for (guint i = 0; i < N_OUTCOMES; i++)
    gtk_string_list_append (choices, l4a_outcome_label (outcomes[i]));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (choices));
  l4a_bind_choice (self->decision, "outcome", self->outcome_row, outcomes, N_OUTCOMES, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_row), _("Outcome"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_row), secretariat && !released);
  adw_preferences_group_add (group, GTK_WIDGET (self->outcome_row));

  group = add_group (self, _("Rationale"), _("The government reads it once the decision is released."));
  self->rationale_view = add_text_field (group, _("Rationale"), NULL, secretariat && !released);
  l4a_bind_text_buffer (self->decision, "rationale", gtk_text_view_get_buffer (self->rationale_view));
  if (!secretariat)
    return;

  group = add_group (self, _("Internal Notes"), _("Only the World Secretariat reads these."));
  self->notes_view = add_text_field (group, _("Internal notes"), NULL, !released);
  l4a_bind_text_buffer (self->decision, "internal-notes", gtk_text_view_get_buffer (self->notes_view));
  if (released)
    {
      /* the letter that tells the government, in its language */
      button = l4a_button_new_with_mnemonic (_("Decision _Letter…"));
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_margin_top (button, 12);
      gtk_widget_set_tooltip_text (button, _("The decision as a PDF letter to the government, in its language, "
                                             "with the reviewers’ comments for the authors and no names"));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (letter_cb), self);
      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_set_halign (buttons, GTK_ALIGN_END);
      gtk_widget_set_margin_top (buttons, 12);
      gtk_widget_set_margin_top (button, 0);
      gtk_box_append (GTK_BOX (buttons), button);
      button = l4a_button_new_with_mnemonic (_("Send Letter by _Email…"));
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_tooltip_text (button, _("The letter attached to a message to the government’s contact, in "
                                             "your mail client"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.mail-letter");
      gtk_box_append (GTK_BOX (buttons), button);
      adw_preferences_group_add (group, buttons);
      return;
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  button = l4a_button_new_with_mnemonic (_("_Save Decision"));
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (save_decision_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  if (decision != NULL)
    {
      button = l4a_button_new_with_mnemonic (_("_Release Decision…"));
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (release_cb), self);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  adw_preferences_group_add (group, buttons);
}

/* Building --------------------------------------------------------------------- */

/* The proposal as a document: beside the review on a wide window, above
 * it on a narrow one. */
static void
show_proposal (L4aReviewWindow *self,
               L4aProposalEdit *edit)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *document = l4a_proposal_document_new (self->store, edit, self->info->government, self->info->call);

  gtk_widget_set_margin_top (document, 18);
  gtk_widget_set_margin_bottom (document, 24);
  gtk_widget_set_margin_start (document, 18);
  gtk_widget_set_margin_end (document, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), document);
  gtk_widget_add_css_class (clamp, "l4a-document");
  l4a_adaptive_split_set_side (self->split, clamp);
}

/* The first control under @widget that takes the keyboard (labels aside). */
static GtkWidget *
first_control (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return NULL;
  if (gtk_widget_get_focusable (widget) && !GTK_IS_LABEL (widget) && !GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_control (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
rebuild (L4aReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aProposalEdit) edit = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(L4aDecision) decision = NULL;
  L4aRole role = l4a_store_get_role (self->store);

  self->n_builds++;
  self->loading = TRUE;
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->content, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  self->outcome_row = NULL;
  self->rationale_view = self->notes_view = NULL;
  g_clear_object (&self->decision);
  self->note_entry = NULL;
  self->scores_group = NULL;
  self->missing_label = NULL;
  self->submit_bottom = NULL;
  self->recommendation_row = NULL;
  self->confidence_row = NULL;
  self->authors_view = self->confidential_view = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);

  g_clear_pointer (&self->info, l4a_assignment_info_free);
  self->info = l4a_review_proposal_info (self->store, self->proposal_id, &error);
  if (self->info == NULL)
    {
      show_notice (self, error->message);
      self->loading = FALSE;
      return;
    }
  adw_window_title_set_subtitle (self->title, self->info->title);

  edit = l4a_registry_load_proposal (self->store, self->proposal_id, NULL);
  if (edit != NULL)
    show_proposal (self, edit);
  else
    l4a_adaptive_split_set_side (self->split, NULL);

  if (role == L4A_ROLE_MEMBER && self->info->state == L4A_REVIEW_DECLINED)
    {
      g_autofree char *text = g_strdup_printf (_("You declined this proposal: “%s”. Your reviews bundle tells the "
                                                 "World Secretariat, who will ask someone else."),
                                               self->info->decline_reason);

      g_clear_pointer (&self->review, l4a_review_free);
      show_notice (self, text);
    }
  else if (role == L4A_ROLE_MEMBER)
    {
      g_clear_pointer (&self->review, l4a_review_free);
      self->review = l4a_review_open (self->store, self->proposal_id, &error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
      if (self->review == NULL)
        show_notice (self, error->message);
      else
        add_own_review (self);
    }
  else if (role == L4A_ROLE_SECRETARIAT && edit != NULL)
    add_reviewers_group (self, edit->call_id);

  g_clear_error (&error);
  reviews = l4a_review_list (self->store, self->proposal_id, NULL);
  if (reviews != NULL)
    add_reviews_group (self, reviews, role == L4A_ROLE_MEMBER);
  if (role != L4A_ROLE_GOVERNMENT)
    {
      GtkWidget *questions = l4a_clarifications_group_new (self->store, self->proposal_id);
      GtkWidget *meta = l4a_meta_review_group_new (self->store, self->proposal_id);

      gtk_box_append (self->content, questions);
      g_ptr_array_add (self->groups, questions);
      gtk_box_append (self->content, meta);
      g_ptr_array_add (self->groups, meta);
    }
  add_discussion_group (self);

  decision = l4a_decision_get (self->store, self->proposal_id, NULL);
  add_decision_group (self, decision);
  self->loading = FALSE;

}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (view == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
rebuild_cb (gpointer data)
{
  L4aReviewWindow *self = data;
  g_autofree char *note = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *notes = NULL;
  gboolean keep_decision = !self->decision_changed;

  self->rebuild_id = 0;
  self->decision_changed = FALSE;
  /* made since the change, by the window's own action */
  if (self->n_builds != self->n_builds_asked)
    return G_SOURCE_REMOVE;

  /* what is being typed and not saved yet stays */
  save_draft (self);
  note = self->note_entry ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))) : NULL;
  rationale = buffer_text (self->rationale_view);
  notes = buffer_text (self->notes_view);
  rebuild (self);
  if (note != NULL && self->note_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note);
  if (keep_decision && rationale != NULL && self->rationale_view != NULL &&
      gtk_text_view_get_editable (self->rationale_view))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rationale_view), rationale, -1);
  if (keep_decision && notes != NULL && self->notes_view != NULL && gtk_text_view_get_editable (self->notes_view))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes, -1);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (L4aContext      *context,
                    L4aChanges      *changes,
                    L4aReviewWindow *self)
{
  static const char * const shown[] = {
    "proposal", "call", "criterion", "review", "assignment", "member", "conflict", "decision", "discussion_note",
    "clarification", "meta_review", NULL
  };

  /* what this process's windows did themselves (the member's scores as
   * they are saved, a question asked, a decision) they show already: the
   * window follows imports and other processes */
  if (l4a_context_is_announcing_own (context) || !l4a_changes_touches_any (changes, shown))
    return;
  self->decision_changed |= l4a_changes_touches (changes, "decision");
  if (self->rebuild_id == 0)
    {
      self->n_builds_asked = self->n_builds;
      self->rebuild_id = g_idle_add (rebuild_cb, self);
    }
}

/**
 * l4a_review_window_set_context:
 *
 * Follows @context: what the window shows is shown again when an import
 * or another process changes it.
 */
void
l4a_review_window_set_context (L4aReviewWindow *self,
                               L4aContext      *context)
{
  g_return_if_fail (L4A_IS_REVIEW_WINDOW (self));
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect (context, "changed", G_CALLBACK (context_changed_cb), self);
}

/* The keyboard starts on the review, not on the proposal beside it. Done
 * once the window is on screen: focusing a widget of a window not yet
 * shown makes GTK 4.8 give the window the wrong accessible role. */
static gboolean
focus_review_cb (gpointer data)
{
  L4aReviewWindow *self = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkWidget *first;

  self->focus_id = 0;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content)))
    return G_SOURCE_REMOVE;
  first = first_control (GTK_WIDGET (self->content));
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return G_SOURCE_REMOVE;
}

static void
l4a_review_window_map (GtkWidget *widget)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (widget);

  GTK_WIDGET_CLASS (l4a_review_window_parent_class)->map (widget);
  if (self->focus_id == 0)
    self->focus_id = g_idle_add (focus_review_cb, self);
}

static void
submit_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    L4aReviewWindow  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "submit") != 0)
    return;
  if (!submit (self, &error))
    show_notice (self, error->message);
}

static void
submit_clicked_cb (L4aReviewWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Submit the Review?"),
                                                       _("A submitted review no longer changes. You will then read "
                                                         "the other members’ reviews and join the discussion.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "submit");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (submit_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
decline_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     L4aReviewWindow  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "decline") == 0 && self->decline_entry != NULL)
    {
      reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decline_entry)));
      if (!decline (self, reason, &error))
        show_notice (self, error->message);
    }
  self->decline_entry = NULL;
}

static void
decline_text_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "decline", !l4a_text_is_blank (gtk_editable_get_text (entry)));
}

static void
decline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Decline This Assignment?"),
                                                       _("The World Secretariat reads your reason and asks another "
                                                         "member. Your draft is not sent.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, for the World Secretariat"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason, for the World Secretariat"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "decline", _("_Decline"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "decline", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "decline", FALSE);
  adw_message_dialog_set_default_response (dialog, "decline");
  adw_message_dialog_set_close_response (dialog, "cancel");
  self->decline_entry = GTK_ENTRY (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (decline_text_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (decline_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static gboolean
close_request_cb (L4aReviewWindow *self)
{
  /* Whatever was typed is kept as a draft. */
  save_draft (self);
  return FALSE;
}

static void
l4a_review_window_dispose (GObject *object)
{
  L4aReviewWindow *self = (L4aReviewWindow *) object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  l4a_review_window_set_context (self, NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->proposal_id, g_free);
  g_clear_pointer (&self->info, l4a_assignment_info_free);
  g_clear_pointer (&self->review, l4a_review_free);
  g_clear_object (&self->decision);
  g_clear_pointer (&self->score_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->assignable, g_ptr_array_unref);
  self->assign_row = NULL;

  G_OBJECT_CLASS (l4a_review_window_parent_class)->dispose (object);
}

/* What the window's buttons do, from the keyboard and menus too: each asks
 * first where its button does, and does nothing where it is not offered. */
static void
button_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "review.submit"))
    {
      if (self->review != NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->submit_button)))
        submit_clicked_cb (self);
    }
  else if (g_str_equal (action_name, "review.save-decision"))
    {
      if (self->outcome_row != NULL && self->notes_view != NULL &&
          gtk_widget_get_sensitive (GTK_WIDGET (self->outcome_row)))
        save_decision_cb (self);
    }
  else if (self->outcome_row != NULL && l4a_decision_get (self->store, self->proposal_id, NULL) != NULL)
    release_cb (self);
}

static void
l4a_review_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  L4aReviewWindow *self = L4A_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_review_window_class_init (L4aReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_review_window_dispose;
  object_class->get_property = l4a_review_window_get_property;
  GTK_WIDGET_CLASS (klass)->map = l4a_review_window_map;

  /**
   * L4aReviewWindow::released:
   * @hub_id: (nullable): the hub made from a granted label
   *
   * A decision was released.
   */
  signals[RELEASED] = g_signal_new ("released", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * L4aReviewWindow:review:
   *
   * The review this workstation's member writes, whose choices and texts
   * the form is bound to; %NULL for anyone else.
   */
  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, L4A_TYPE_REVIEW,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "review.unassign", "s", unassign_action);
  gtk_widget_class_install_action (widget_class, "review.decline", NULL, decline_action);
  gtk_widget_class_install_action (widget_class, "review.submit", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "review.save-decision", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "review.release", NULL, button_action);
  gtk_widget_class_install_action (widget_class, "review.mail-letter", NULL, mail_letter_action);

  g_type_ensure (L4A_TYPE_ADAPTIVE_SPLIT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aReviewWindow, title);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewWindow, content);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewWindow, split);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewWindow, notice);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
}

static void
l4a_review_window_init (L4aReviewWindow *self)
{
  self->score_rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
}

/**
 * l4a_review_window_new:
 *
 * Opens a proposal under review as this workstation's role may see it.
 *
 * Returns: (transfer floating): the window, or %NULL with @error set when
 *   the proposal is not open to this workstation
 */
L4aReviewWindow *
l4a_review_window_new (L4aStore    *store,
                       const char  *proposal_id,
                       GError     **error)
{
  L4aReviewWindow *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (!l4a_review_can_see_proposal (store, proposal_id, error))
    return NULL;

  self = g_object_new (L4A_TYPE_REVIEW_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->proposal_id = g_strdup (proposal_id);
  rebuild (self);
  return self;
}

/* Submits the member's review (the Submit button, once confirmed); then
 * shows the others' reviews and the discussion. */
static gboolean
submit (L4aReviewWindow  *self,
        GError          **error)
{
  g_return_val_if_fail (L4A_IS_REVIEW_WINDOW (self), FALSE);

  if (self->review == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED, _("There is no review to submit."));
      return FALSE;
    }
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  collect_review (self);
  if (!l4a_review_submit (self->store, self->review, error))
    return FALSE;
  rebuild (self);
  toast (self, _("Review submitted"));
  return TRUE;
}

/* Releases the decision (the Release button, once confirmed). */
static gboolean
release (L4aReviewWindow  *self,
         GError          **error)
{
  g_autofree char *hub = NULL;

  g_return_val_if_fail (L4A_IS_REVIEW_WINDOW (self), FALSE);

  if (!l4a_decision_release (self->store, self->proposal_id, &hub, error))
    return FALSE;
  g_signal_emit (self, signals[RELEASED], 0, hub);
  rebuild (self);
  toast (self, hub ? _("Decision released; the hub is now in the registry.") : _("Decision released"));
  return TRUE;
}

/* Declines the proposal shown, for the member this workstation acts as,
 * saying why (@reason) for the secretariat; the window then says so. */
static gboolean
decline (L4aReviewWindow  *self,
         const char       *reason,
         GError          **error)
{
  g_return_val_if_fail (L4A_IS_REVIEW_WINDOW (self), FALSE);

  if (!l4a_review_decline (self->store, self->proposal_id, reason, error))
    return FALSE;
  rebuild (self);
  toast (self, _("Declined; export your reviews to tell the World Secretariat"));
  return TRUE;
}
