/* l4a-reviews-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reviews view. A board member sees the proposals assigned to them and
 * nothing else; the World Secretariat follows a call's review: progress,
 * the ranking by score with disagreements flagged, assignment of
 * reviewers, who reviews what, and the audit log. A local government is
 * told that reviews are confidential.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-accessible.h"
#include "l4a-audit-window.h"
#include "l4a-expertise-dialog.h"
#include "l4a-labels.h"
#include "l4a-mail.h"
#include "l4a-rules.h"
#include "l4a-members-window.h"
#include "l4a-packet.h"
#include "l4a-registry.h"
#include "l4a-review.h"
#include "l4a-review-window.h"
#include "l4a-assignment-item.h"
#include "l4a-list-update.h"
#include "l4a-snapshot-private.h"
#include "l4a-reviews-view.h"
#include "l4a-toast.h"

struct _L4aReviewsView
{
  AdwBin           parent_instance;

  L4aContextFollower follow;   /* the context, and what of it this view shows */
  L4aStore        *store;
  GPtrArray       *calls;      /* L4aCallInfo, in the call drop-down's order */
  GPtrArray       *row_ids;    /* proposal id per row of the visible list */
  GListStore      *assignments; /* of L4aAssignmentItem: the member's list */
  GListStore      *ranking;     /* of L4aRankingItem: the secretariat's */
  GPtrArray       *scores;     /* L4aProposalScore of the chosen call */
  gboolean         updating;

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkListBox      *assigned_list;
  GtkStack        *assigned_stack;
  GtkDropDown     *call_drop;
  GtkDropDown     *sort_drop;
  GtkLevelBar     *progress_bar;
  GtkLabel        *progress_label;
  GtkListBox      *ranking_list;
  GtkStack        *ranking_stack;
  GPtrArray       *reminders;      /* L4aReminder, while their messages are prepared */
  guint            reminders_sent;
};

G_DEFINE_FINAL_TYPE (L4aReviewsView, l4a_reviews_view, ADW_TYPE_BIN)


enum { SORT_MEAN, SORT_MEDIAN, SORT_SPREAD, SORT_TITLE, SORT_CALIBRATED };

/* a proposal may be called “R&D”: said as it is */
static void
toast (L4aReviewsView *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (text));
}

static GtkWidget *
tag_new (const char *text,
         const char *extra_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "l4a-tag");
  if (extra_class)
    gtk_widget_add_css_class (tag, extra_class);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (tag, GTK_ALIGN_END);
  return tag;
}

static GtkWidget *
proposal_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* Board member -------------------------------------------------------------- */

/* A row of the member's list, made for an assignment as GTK asks for it. */
static GtkWidget *
assignment_row (gpointer item,
                gpointer user_data)
{
  L4aAssignmentItem *assignment = item;
  const char *due_on = l4a_assignment_item_get_due_on (assignment);
  g_autofree char *due = due_on ? l4a_format_date (due_on) : NULL;
  g_autofree char *subtitle = due ? g_strdup_printf (_("%s · %s · due %s"), l4a_assignment_item_get_government (assignment),
                                                     l4a_assignment_item_get_call (assignment), due)
                                  : g_strdup_printf ("%s · %s", l4a_assignment_item_get_government (assignment),
                                                     l4a_assignment_item_get_call (assignment));
  GtkWidget *row = proposal_row (l4a_assignment_item_get_title (assignment), subtitle);
  L4aReviewState state = l4a_assignment_item_get_state (assignment);
  const char *said = l4a_enum_get_label (L4A_TYPE_REVIEW_STATE, l4a_enum_to_nick (L4A_TYPE_REVIEW_STATE, state));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (said, NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The member's assignments follow a change row by row: a review saved
 * elsewhere changes its own row, and the keyboard focus stays where it is. */
static void
reload_member (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = l4a_review_list_my_assignments (self->store, &error);

  g_ptr_array_set_size (self->row_ids, 0);
  if (list == NULL)
    {
      /* translators: %s says why (the database's words) */
      g_autofree char *message = g_strdup_printf (_("The proposals assigned to you cannot be listed: %s"),
                                                  error->message);

      toast (self, message);
      g_list_store_remove_all (self->assignments);
      return;
    }

  l4a_list_store_update (self->assignments, list);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (self->row_ids, g_strdup (l4a_assignment_item_get_proposal_id (g_ptr_array_index (list, i))));
  gtk_stack_set_visible_child_name (self->assigned_stack, list->len > 0 ? "list" : "empty");
}

/* Secretariat --------------------------------------------------------------- */

static const char *
selected_call (L4aReviewsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->call_drop);

  if (self->calls == NULL || selected >= self->calls->len)
    return NULL;
  return ((L4aCallInfo *) g_ptr_array_index (self->calls, selected))->id;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const L4aProposalScore *x = *(L4aProposalScore * const *) a;
  const L4aProposalScore *y = *(L4aProposalScore * const *) b;
  guint sort = GPOINTER_TO_UINT (data);
  double vx, vy;

  if (sort == SORT_TITLE)
    return g_utf8_collate (x->title, y->title);
  if (x->has_scores != y->has_scores)
    return x->has_scores ? -1 : 1;
  vx = sort == SORT_MEDIAN ? x->median : sort == SORT_SPREAD ? x->spread
       : sort == SORT_CALIBRATED ? x->calibrated_mean : x->mean;
  vy = sort == SORT_MEDIAN ? y->median : sort == SORT_SPREAD ? y->spread
       : sort == SORT_CALIBRATED ? y->calibrated_mean : y->mean;
  if (vx != vy)
    return vx > vy ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

static gboolean
any_scored (GPtrArray *scores)
{
  for (guint i = 0; i < scores->len; i++)
    if (((L4aProposalScore *) g_ptr_array_index (scores, i))->has_scores)
      return TRUE;
  return FALSE;
}

static gboolean
any_calibrated (GPtrArray *scores)
{
  for (guint i = 0; i < scores->len; i++)
    if (((L4aProposalScore *) g_ptr_array_index (scores, i))->calibrated)
      return TRUE;
  return FALSE;
}

/* A row of the ranking as a snapshot, so that the ranking follows a change
 * row by row (l4a_list_store_update()): what the row says, worked out once. */
#define L4A_TYPE_RANKING_ITEM (l4a_ranking_item_get_type ())
G_DECLARE_FINAL_TYPE (L4aRankingItem, l4a_ranking_item, L4A, RANKING_ITEM, GObject)

enum {
  RANK_PROPOSAL_ID,
  RANK_TITLE,
  RANK_SUBTITLE,
  RANK_CALIBRATED,         /* the tag's text, or NULL */
  RANK_CALIBRATED_SPOKEN,  /* and what it says aloud */
  RANK_STATE,
  N_RANK_STRINGS
};

enum {
  RANK_NOT_CALIBRATED,
  RANK_DISAGREEMENT,
  N_RANK_BOOLEANS
};

struct _L4aRankingItem
{
  GObject  parent_instance;

  char    *strings[N_RANK_STRINGS];
  gboolean booleans[N_RANK_BOOLEANS];
};

G_DEFINE_FINAL_TYPE (L4aRankingItem, l4a_ranking_item, G_TYPE_OBJECT)

static const char * const rank_strings[N_RANK_STRINGS] = {
  "proposal-id", "title", "subtitle", "calibrated", "calibrated-spoken", "state",
};
static const char * const rank_booleans[N_RANK_BOOLEANS] = {
  "not-calibrated", "disagreement",
};
static const L4aSnapshotSpec rank_spec = {
  rank_strings, N_RANK_STRINGS, NULL, 0, rank_booleans, N_RANK_BOOLEANS,
};

static void
l4a_ranking_item_finalize (GObject *object)
{
  l4a_snapshot_clear (&rank_spec, L4A_RANKING_ITEM (object)->strings);
  G_OBJECT_CLASS (l4a_ranking_item_parent_class)->finalize (object);
}

static void
l4a_ranking_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  L4aRankingItem *self = L4A_RANKING_ITEM (object);

  l4a_snapshot_get (&rank_spec, self->strings, NULL, self->booleans, prop_id, value);
}

static void
l4a_ranking_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  L4aRankingItem *self = L4A_RANKING_ITEM (object);

  l4a_snapshot_set (&rank_spec, self->strings, NULL, self->booleans, prop_id, value);
}

static void
l4a_ranking_item_class_init (L4aRankingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = l4a_ranking_item_finalize;
  object_class->get_property = l4a_ranking_item_get_property;
  object_class->set_property = l4a_ranking_item_set_property;
  l4a_snapshot_install (object_class, &rank_spec);
}

static void
l4a_ranking_item_init (L4aRankingItem *self)
{
}

static GObject *
ranking_item_new (L4aProposalScore *score,
                  guint             place,
                  gboolean          any_calibrated_score)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", place, score->title);
  g_autofree char *subtitle = NULL;
  g_autofree char *calibrated = NULL;
  g_autofree char *spoken = NULL;

  if (score->has_scores)
    subtitle = g_strdup_printf (_("Mean %.2f · median %.2f · spread %.2f · %u of %u reviews · %s"),
                                score->mean, score->median, score->spread, score->n_submitted,
                                score->n_assigned, score->government);
  else
    subtitle = g_strdup_printf (_("No score yet · %u of %u reviews · %s"), score->n_submitted,
                                score->n_assigned, score->government);
  if (score->has_scores && score->calibrated)
    {
      int move = (int) score->rank - (int) score->calibrated_rank;

      /* translators: the mean of calibrated scores, then the rank it gives the proposal */
      calibrated = move != 0 ? g_strdup_printf (_("Calibrated %.2f, rank %u"), score->calibrated_mean,
                                                score->calibrated_rank)
                             : g_strdup_printf (_("Calibrated %.2f"), score->calibrated_mean);
      spoken = move != 0
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Calibrated mean %.2f, moves %d place",
                                               "Calibrated mean %.2f, moves %d places", ABS (move)),
                                  score->calibrated_mean, move)
               : g_strdup_printf (_("Calibrated mean %.2f, same place"), score->calibrated_mean);
    }
  return g_object_new (L4A_TYPE_RANKING_ITEM,
                       "proposal-id", score->proposal_id,
                       "title", title,
                       "subtitle", subtitle,
                       "calibrated", calibrated,
                       "calibrated-spoken", spoken,
                       "state", l4a_proposal_state_label (score->state),
                       "not-calibrated", score->has_scores && !score->calibrated && any_calibrated_score,
                       "disagreement", score->disagreement,
                       NULL);
}

static GtkWidget *
ranking_row (gpointer item,
             gpointer user_data)
{
  L4aRankingItem *rank = item;
  GtkWidget *row = proposal_row (rank->strings[RANK_TITLE], rank->strings[RANK_SUBTITLE]);
  /* Tags stacked, so that the title keeps its width on a phone. */
  GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_valign (tags, GTK_ALIGN_CENTER);
  if (rank->strings[RANK_CALIBRATED] != NULL)
    {
      GtkWidget *tag = tag_new (rank->strings[RANK_CALIBRATED], NULL);

      gtk_widget_set_tooltip_text (tag, rank->strings[RANK_CALIBRATED_SPOKEN]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rank->strings[RANK_CALIBRATED_SPOKEN], -1);
      gtk_box_append (GTK_BOX (tags), tag);
    }
  else if (rank->booleans[RANK_NOT_CALIBRATED])
    {
      GtkWidget *tag = tag_new (_("Not calibrated"), NULL);

      gtk_widget_set_tooltip_text (tag, _("Its reviewers have too few reviews in this call to be calibrated; "
                                          "the raw scores stand."));
      gtk_box_append (GTK_BOX (tags), tag);
    }
  if (rank->booleans[RANK_DISAGREEMENT])
    gtk_box_append (GTK_BOX (tags), tag_new (_("Reviewers disagree"), "l4a-warning-tag"));
  gtk_box_append (GTK_BOX (tags), tag_new (rank->strings[RANK_STATE], NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tags);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The ranking follows a change row by row: a review submitted changes the
 * rows whose words changed, the others stay, with the keyboard focus. */
static void
fill_ranking (L4aReviewsView *self)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint sort = gtk_drop_down_get_selected (self->sort_drop);
  gboolean calibrated;

  g_ptr_array_set_size (self->row_ids, 0);
  if (self->scores == NULL)
    {
      g_list_store_remove_all (self->ranking);
      return;
    }

  sorted = g_ptr_array_copy (self->scores, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);  /* the copy borrows the scores */
  g_ptr_array_sort_with_data (sorted, compare_rows, GUINT_TO_POINTER (sort));
  calibrated = any_calibrated (self->scores);
  for (guint i = 0; i < sorted->len; i++)
    {
      L4aProposalScore *score = g_ptr_array_index (sorted, i);

      g_ptr_array_add (items, ranking_item_new (score, i + 1, calibrated));
      g_ptr_array_add (self->row_ids, g_strdup (score->proposal_id));
    }
  l4a_list_store_update (self->ranking, items);
  gtk_stack_set_visible_child_name (self->ranking_stack, sorted->len > 0 ? "list" : "empty");
}

static void
reload_scores (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  L4aReviewProgress progress = { 0 };
  const char *call = selected_call (self);
  g_autofree char *text = NULL;

  g_clear_pointer (&self->scores, g_ptr_array_unref);
  if (call != NULL)
    self->scores = l4a_review_scores (self->store, call, &progress, &error);
  if (error != NULL)
    {
      /* translators: %s says why (the database's words) */
      g_autofree char *message = g_strdup_printf (_("The scores cannot be read: %s"), error->message);

      toast (self, message);
    }

  gtk_level_bar_set_value (self->progress_bar, progress.assigned ? (double) progress.submitted / progress.assigned : 0);
  if (progress.assigned == 0)
    text = g_strdup (_("No reviewer is assigned yet."));
  else if (progress.overdue > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u reviews submitted; %u overdue.",
                                         "%u of %u reviews submitted; %u overdue.", progress.overdue),
                            progress.submitted, progress.assigned, progress.overdue);
  else
    text = g_strdup_printf (_("%u of %u reviews submitted."), progress.submitted, progress.assigned);
  if (self->scores != NULL && any_scored (self->scores) && !any_calibrated (self->scores))
    {
      char *more = g_strconcat (text, " ", _("No reviewer has enough reviews in this call to be calibrated yet; "
                                             "the raw scores stand."), NULL);

      g_free (text);
      text = more;
    }
  gtk_label_set_label (self->progress_label, text);
  fill_ranking (self);
}

static void
reload_secretariat (L4aReviewsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *previous = g_strdup (selected_call (self));
  guint selected = 0, first_reviewing = G_MAXUINT;

  g_clear_pointer (&self->calls, g_ptr_array_unref);
  self->calls = l4a_registry_list_calls (self->store, NULL);
  for (guint i = 0; self->calls && i < self->calls->len; i++)
    {
      L4aCallInfo *call = g_ptr_array_index (self->calls, i);

      gtk_string_list_append (names, call->title);
      if (g_strcmp0 (call->id, previous) == 0)
        selected = i;
      if (first_reviewing == G_MAXUINT && g_strcmp0 (call->status, "closed") == 0)
        first_reviewing = i;
    }
  /* At first, the call whose review is going on. */
  if (previous == NULL && first_reviewing != G_MAXUINT)
    selected = first_reviewing;

  self->updating = TRUE;
  gtk_drop_down_set_model (self->call_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->call_drop, selected);
  self->updating = FALSE;
  reload_scores (self);
}

static void
call_changed_cb (L4aReviewsView *self)
{
  if (!self->updating && self->store != NULL)
    reload_scores (self);
}

static void
sort_changed_cb (L4aReviewsView *self)
{
  if (self->store != NULL)
    fill_ranking (self);
}

/* Opening -------------------------------------------------------------------- */

static void
review_window_destroyed_cb (L4aReviewsView *self)
{
  l4a_reviews_view_reload (self);
}

static GtkWindow *
open_review (L4aReviewsView *self,
             const char     *proposal_id)
{
  g_autoptr(GError) error = NULL;
  L4aReviewWindow *window;
  GtkRoot *root;

  g_return_val_if_fail (L4A_IS_REVIEWS_VIEW (self), NULL);

  window = l4a_review_window_new (self->store, proposal_id, &error);
  if (window == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  l4a_review_window_set_context (window, self->follow.context);
  g_signal_connect_object (window, "destroy", G_CALLBACK (review_window_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  L4aReviewsView *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->row_ids->len)
    open_review (self, g_ptr_array_index (self->row_ids, index));
}

/* Assignment ------------------------------------------------------------------ */

guint
l4a_reviews_view_assign (L4aReviewsView  *self,
                         guint            per_proposal,
                         GError         **error)
{
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *text = NULL;
  const char *call;

  g_return_val_if_fail (L4A_IS_REVIEWS_VIEW (self), 0);

  call = selected_call (self);
  if (call == NULL || !l4a_review_assign_call (self->store, call, per_proposal, 0, FALSE, &added, error))
    return 0;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reviewer assigned", "%u reviewers assigned", added->len),
                          added->len);
  toast (self, text);
  reload_scores (self);
  return added->len;
}

/* The dialog's answer: how many reviewers, and for which view. */
typedef struct
{
  L4aReviewsView *self;
  GtkSpinButton  *spin;
} AssignChoice;

static void
assign_choice_free (gpointer  data,
                    GClosure *closure)
{
  g_free (data);
}

static void
assign_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AssignChoice     *choice)
{
  L4aReviewsView *self = choice->self;
  g_autoptr(GError) error = NULL;
  GtkSpinButton *spin = choice->spin;

  if (g_strcmp0 (response, "assign") != 0)
    return;
  l4a_reviews_view_assign (self, (guint) gtk_spin_button_get_value_as_int (spin), &error);
  if (error != NULL)
    toast (self, error->message);
}

static void
assign_clicked_cb (L4aReviewsView *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *group, *row, *spin;
  g_autofree char *body = NULL;
  guint selected = gtk_drop_down_get_selected (self->call_drop);

  if (self->calls == NULL || selected >= self->calls->len)
    return;
  body = g_strdup_printf (_("Each proposal of “%s” waiting for review gets reviewers: never a member with a conflict "
                            "of interest, loads kept even, members from other regions preferred. Reviewers already "
                            "assigned stay."), ((L4aCallInfo *) g_ptr_array_index (self->calls, selected))->title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Assign Reviewers"), body));
  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reviewers per proposal"));
  spin = gtk_spin_button_new_with_range (1, 10, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reviewers per proposal"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "assign");
  adw_message_dialog_set_close_response (dialog, "cancel");
  {
    /* the dialog is modal to this view's window, which outlives it */
    AssignChoice *choice = g_new0 (AssignChoice, 1);

    choice->self = self;
    choice->spin = GTK_SPIN_BUTTON (spin);
    g_signal_connect_data (dialog, "response", G_CALLBACK (assign_response_cb), choice, assign_choice_free, 0);
  }
  l4a_accessible_present (GTK_WINDOW (dialog));
}

/* Matrix ----------------------------------------------------------------------- */

/* A cell of the matrix in words: for its tooltip and for a screen reader. */
static char *
describe_cell (L4aAssignMatrix *matrix,
               guint            p,
               guint            m)
{
  guint M = matrix->member_ids->len;
  L4aCell cell = matrix->cells[p * M + m];
  guint shared = matrix->match[p * M + m];
  const char *reason = l4a_assign_matrix_get_reason (matrix, p, m);
  g_autofree char *expertise = shared > 0
                               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area of expertise in common",
                                                               "%u areas of expertise in common", shared), shared)
                               : g_strdup (_("no declared expertise in common"));
  const char *state = cell == L4A_CELL_SUBMITTED ? _("Submitted")
                      : cell == L4A_CELL_DRAFT ? _("Draft")
                      : cell == L4A_CELL_ASSIGNED ? _("Assigned")
                      : cell == L4A_CELL_DECLINED ? _("Declined")
                      : cell == L4A_CELL_UNREADABLE ? _("Does not read its language")
                      : cell == L4A_CELL_CONFLICT ? _("Conflict of interest") : _("Not assigned");
  /* translators: a proposal, a member, the state of the pair, their shared expertise */
  g_autofree char *description = g_strdup_printf (_("%s, %s: %s, %s"),
                                                  (char *) g_ptr_array_index (matrix->proposal_titles, p),
                                                  (char *) g_ptr_array_index (matrix->member_names, m), state,
                                                  expertise);

  if (reason == NULL)
    return g_steal_pointer (&description);
  /* translators: a cell's description, then why the member declined */
  return g_strdup_printf (_("%s. Reason: %s"), description, reason);
}

/* One tooltip for every cell, put in words when the pointer rests on one:
 * a tooltip set on each of thousands of cells asks the display where the
 * pointer is, each time (a call of 300 proposals and 40 members took over
 * a second longer to open). */
static gboolean
matrix_tooltip_cb (GtkWidget       *grid,
                   int              x,
                   int              y,
                   gboolean         keyboard,
                   GtkTooltip      *tooltip,
                   L4aAssignMatrix *matrix)
{
  GtkWidget *cell = gtk_widget_pick (grid, x, y, GTK_PICK_DEFAULT);
  graphene_rect_t bounds;
  int column, row;

  /* no cell takes the keyboard's focus: it is the pointer's tooltip */
  if (keyboard)
    return FALSE;
  while (cell != NULL && gtk_widget_get_parent (cell) != grid)
    cell = gtk_widget_get_parent (cell);
  if (cell == NULL)
    return FALSE;
  gtk_grid_query_child (GTK_GRID (grid), cell, &column, &row, NULL, NULL);
  if (column < 1 || row < 1 || (guint) column > matrix->member_ids->len ||
      (guint) row > matrix->proposal_ids->len)
    return FALSE;
  {
    g_autofree char *text = describe_cell (matrix, (guint) row - 1, (guint) column - 1);

    gtk_tooltip_set_text (tooltip, text);
  }
  if (gtk_widget_compute_bounds (cell, grid, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                         (int) bounds.size.width, (int) bounds.size.height });
  return TRUE;
}

static void
matrix_free_notify (gpointer  data,
                    GClosure *closure)
{
  l4a_assign_matrix_free (data);
}

static GtkWindow *
open_matrix (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(L4aAssignMatrix) matrix = NULL;
  GtkWidget *window, *box, *header, *scrolled, *grid, *legend;
  const char *call;
  guint M;

  g_return_val_if_fail (L4A_IS_REVIEWS_VIEW (self), NULL);

  call = selected_call (self);
  if (call == NULL || (matrix = l4a_review_matrix (self->store, call, &error)) == NULL)
    {
      if (error != NULL)
        toast (self, error->message);
      return NULL;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Who Reviews What"));
  l4a_window_add_close_shortcuts (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 600);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  legend = gtk_label_new (_("✓ submitted · ◐ draft · ● assigned · ✕ declined · ⊘ conflict of interest · "
                            "– does not read its language. A number is the expertise a pair shares (goals, axis, "
                            "region). The last row counts each member’s proposals."));
  gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend), 0);
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_widget_set_margin_start (legend, 12);
  gtk_widget_set_margin_end (legend, 12);
  gtk_widget_set_margin_top (legend, 6);
  gtk_widget_set_margin_bottom (legend, 6);
  gtk_box_append (GTK_BOX (box), legend);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "l4a-matrix");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);

  M = matrix->member_ids->len;
  for (guint m = 0; m < M; m++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (matrix->member_names, m));
      g_autofree char *load = g_strdup_printf ("%u", matrix->loads[m]);
      GtkWidget *total = gtk_label_new (load);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (grid), label, 1 + m, 0, 1, 1);
      gtk_widget_add_css_class (total, "heading");
      gtk_grid_attach (GTK_GRID (grid), total, 1 + m, 1 + matrix->proposal_ids->len, 1, 1);
    }
  {
    GtkWidget *label = gtk_label_new (_("Proposals per member"));

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_grid_attach (GTK_GRID (grid), label, 0, 1 + matrix->proposal_ids->len, 1, 1);
  }
  for (guint p = 0; p < matrix->proposal_ids->len; p++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (matrix->proposal_titles, p));

      /* the whole title, on two lines if need be */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_grid_attach (GTK_GRID (grid), label, 0, 1 + p, 1, 1);
      for (guint m = 0; m < M; m++)
        {
          static const char * const marks[] = { "", "⊘", "●", "◐", "✓", "✕", "–" };
          L4aCell cell = matrix->cells[p * M + m];
          guint shared = matrix->match[p * M + m];
          g_autofree char *text = shared > 0 && cell != L4A_CELL_CONFLICT && cell != L4A_CELL_UNREADABLE
                                  ? g_strdup_printf ("%s<span size=\"small\" alpha=\"70%%\">%u</span>", marks[cell], shared)
                                  : g_strdup (marks[cell]);
          GtkWidget *mark = gtk_label_new (NULL);
          g_autofree char *description = describe_cell (matrix, p, m);

          gtk_label_set_markup (GTK_LABEL (mark), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
          gtk_widget_add_css_class (mark, "title-4");
          if (cell == L4A_CELL_CONFLICT || cell == L4A_CELL_DECLINED)
            gtk_widget_add_css_class (mark, "error");
          if (cell == L4A_CELL_UNREADABLE)
            gtk_widget_add_css_class (mark, "dim-label");
          gtk_grid_attach (GTK_GRID (grid), mark, 1 + m, 1 + p, 1, 1);
        }
    }
  gtk_widget_set_has_tooltip (grid, TRUE);
  g_signal_connect_data (grid, "query-tooltip", G_CALLBACK (matrix_tooltip_cb), g_steal_pointer (&matrix),
                         matrix_free_notify, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_widget_add_css_class (window, "view");
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}



/* What a member can review -------------------------------------------------- */

static void
expertise_clicked_cb (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  L4aExpertiseDialog *dialog = l4a_expertise_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         self->store, &error);

  if (dialog == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reminders ------------------------------------------------------------------- */

#define REMIND_WITHIN_DAYS 7

/* The message to a member: their proposals and when each is due. */
static char *
reminder_body (const L4aReminder *reminder)
{
  g_autoptr(GString) body = g_string_new (NULL);

  /* translators: the greeting of a reminder, with the member's name */
  g_string_append_printf (body, _("Dear %s,"), reminder->member_name);
  g_string_append (body, "\n\n");
  g_string_append (body, _("The Advisory Board’s reviews of these proposals are due soon or overdue:"));
  g_string_append (body, "\n\n");
  for (guint i = 0; i < reminder->titles->len; i++)
    {
      g_autofree char *due = l4a_format_date (g_ptr_array_index (reminder->due_on, i));

      /* translators: a proposal's title, then the day its review is due */
      g_string_append_printf (body, _("• %s, due %s"), (char *) g_ptr_array_index (reminder->titles, i), due);
      g_string_append (body, "\n");
    }
  g_string_append (body, "\n");
  g_string_append (body, _("Please submit your reviews in Local4Action Hubs and send us your reviews bundle. "
                           "If you cannot review one of them, decline it there with a reason."));
  g_string_append (body, "\n\n");
  g_string_append (body, _("The World Secretariat"));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void compose_next_reminder (L4aReviewsView *self);

static void
reminder_composed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(L4aReviewsView) self = user_data;
  g_autofree char *problem = l4a_mail_compose_problem (result);

  if (problem != NULL)
    {
      g_clear_pointer (&self->reminders, g_ptr_array_unref);
      toast (self, problem);
      return;
    }
  self->reminders_sent++;
  compose_next_reminder (self);
}

/* One composer after another, each seen by the user before it is sent. */
static void
compose_next_reminder (L4aReviewsView *self)
{
  L4aReminder *reminder;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->reminders == NULL || self->reminders_sent >= self->reminders->len)
    {
      if (self->reminders != NULL)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder prepared",
                                                                "%u reminders prepared", self->reminders->len),
                                                   self->reminders->len);
          toast (self, text);
        }
      g_clear_pointer (&self->reminders, g_ptr_array_unref);
      return;
    }
  reminder = g_ptr_array_index (self->reminders, self->reminders_sent);
  subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Local4Action: %u review due",
                                          "Local4Action: %u reviews due", reminder->titles->len),
                             reminder->titles->len);
  body = reminder_body (reminder);
  l4a_mail_compose (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                    (const char * const[]) { reminder->contact, NULL }, subject, body, NULL, NULL,
                    reminder_composed_cb, g_object_ref (self));
}

/* Opens the mail client once for each reminder listed, one after another. */
static void
send_reminders (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_if_fail (L4A_IS_REVIEWS_VIEW (self));

  all = l4a_review_reminders (self->store, selected_call (self), REMIND_WITHIN_DAYS, &error);
  if (all == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* a member without an address is told apart, not mailed */
  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) l4a_reminder_free);
  for (guint i = 0; i < all->len; i++)
    if (!l4a_text_is_blank (((L4aReminder *) g_ptr_array_index (all, i))->contact))
      g_ptr_array_add (self->reminders, g_ptr_array_steal_index (all, i--));
  self->reminders_sent = 0;
  compose_next_reminder (self);
}

static void
reminders_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       L4aReviewsView   *self)
{
  if (g_strcmp0 (response, "prepare") == 0)
    send_reminders (self);
}

static void
reminders_clicked_cb (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = l4a_review_reminders (self->store, selected_call (self), REMIND_WITHIN_DAYS, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  guint mailable = 0;

  if (reminders == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < reminders->len; i++)
    {
      L4aReminder *r = g_ptr_array_index (reminders, i);
      /* translators: a member, how many reviews they owe, how many are overdue */
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u review, %u overdue",
                                                            "%s: %u reviews, %u overdue", r->titles->len),
                                               r->member_name, r->titles->len, r->n_overdue);

      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
      if (l4a_text_is_blank (r->contact))
        g_string_append_printf (text, " — %s", _("no e-mail address; not reminded"));
      else
        mailable++;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Remind Reviewers?"), NULL));
  if (reminders->len == 0)
    {
      adw_message_dialog_set_body (dialog, _("No review of this call is due within a week or overdue."));
      adw_message_dialog_add_responses (dialog, "close", _("_Close"), NULL);
    }
  else
    {
      adw_message_dialog_set_body (dialog, text->str);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "prepare",
                                        g_dngettext (GETTEXT_PACKAGE, "_Prepare the Message", "_Prepare the Messages",
                                                     mailable), NULL);
      adw_message_dialog_set_response_enabled (dialog, "prepare", mailable > 0);
      adw_message_dialog_set_response_appearance (dialog, "prepare", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "prepare");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  g_signal_connect (dialog, "response", G_CALLBACK (reminders_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

/* The committee packet -------------------------------------------------------- */

static void
packet_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    L4aReviewsView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "reviews.write-packet", "s", path);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Writes the committee packet of the call shown at @path; a toast says
 * what became of it. */
static gboolean
write_packet (L4aReviewsView  *self,
              const char      *path,
              GError         **error)
{
  const char *call = selected_call (self);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = NULL;

  g_return_val_if_fail (L4A_IS_REVIEWS_VIEW (self), FALSE);

  if (call == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID, _("Choose a call first."));
      toast (self, (*error)->message);
      return FALSE;
    }
  if (!l4a_packet_write (self->store, call, path, error))
    {
      toast (self, (*error)->message);
      return FALSE;
    }
  /* translators: a file written, by its name */
  text = g_strdup_printf (_("Committee packet saved as “%s”"), name);
  toast (self, text);
  return TRUE;
}

static void
packet_clicked_cb (L4aReviewsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save the Committee Packet"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "committee-packet.pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (packet_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Audit ------------------------------------------------------------------------ */

/* Opens the audit log (the secretariat's), beside the window; %NULL when
 * it cannot be read (the refusal is shown). */
static GtkWindow *
open_audit (L4aReviewsView *self)
{
  g_autoptr(GError) error = NULL;
  L4aAuditWindow *window;

  g_return_val_if_fail (L4A_IS_REVIEWS_VIEW (self), NULL);

  if (self->follow.context == NULL)
    return NULL;
  window = l4a_audit_window_new (self->follow.context, &error);
  if (window == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Members ---------------------------------------------------------------------- */

static GtkWindow *
open_members (L4aReviewsView *self)
{
  L4aMembersWindow *window;

  g_return_val_if_fail (L4A_IS_REVIEWS_VIEW (self), NULL);

  window = l4a_members_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  g_signal_connect_object (window, "destroy", G_CALLBACK (review_window_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* Actions ------------------------------------------------------------------ */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_review (L4A_REVIEWS_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
window_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aReviewsView *self = L4A_REVIEWS_VIEW (widget);

  if (g_str_equal (action_name, "reviews.matrix"))
    open_matrix (self);
  else if (g_str_equal (action_name, "reviews.members"))
    open_members (self);
  else if (g_str_equal (action_name, "reviews.audit"))
    open_audit (self);
  else
    reminders_clicked_cb (self);
}

/* Writes the committee packet of the call chosen to the file @path. */
static void
write_packet_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  /* a failure is said in a toast */
  write_packet (L4A_REVIEWS_VIEW (widget), g_variant_get_string (parameter, NULL), &error);
}

/* Building ---------------------------------------------------------------------- */

static void
l4a_reviews_view_dispose (GObject *object)
{
  L4aReviewsView *self = (L4aReviewsView *) object;

  l4a_context_unfollow (&self->follow);
  g_clear_object (&self->store);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_clear_pointer (&self->row_ids, g_ptr_array_unref);
  g_clear_object (&self->assignments);
  g_clear_object (&self->ranking);
  g_clear_pointer (&self->scores, g_ptr_array_unref);
  g_clear_pointer (&self->reminders, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_reviews_view_parent_class)->dispose (object);
}

static void
l4a_reviews_view_class_init (L4aReviewsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_reviews_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-reviews-view.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, toasts);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, assigned_stack);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, assigned_list);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, call_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, sort_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, ranking_stack);
  gtk_widget_class_bind_template_child (widget_class, L4aReviewsView, ranking_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, call_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, assign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, expertise_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, packet_clicked_cb);
  gtk_widget_class_install_action (widget_class, "reviews.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "reviews.matrix", NULL, window_action);
  gtk_widget_class_install_action (widget_class, "reviews.members", NULL, window_action);
  gtk_widget_class_install_action (widget_class, "reviews.audit", NULL, window_action);
  gtk_widget_class_install_action (widget_class, "reviews.remind", NULL, window_action);
  gtk_widget_class_install_action (widget_class, "reviews.write-packet", "s", write_packet_action);
}

static void
l4a_reviews_view_init (L4aReviewsView *self)
{
  self->row_ids = g_ptr_array_new_with_free_func (g_free);
  self->assignments = g_list_store_new (L4A_TYPE_ASSIGNMENT_ITEM);
  self->ranking = g_list_store_new (L4A_TYPE_RANKING_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->assigned_list, G_LIST_MODEL (self->assignments), assignment_row, self, NULL);
  gtk_list_box_bind_model (self->ranking_list, G_LIST_MODEL (self->ranking), ranking_row, self, NULL);
}

void
l4a_reviews_view_set_store (L4aReviewsView *self,
                            L4aStore       *store)
{
  g_return_if_fail (L4A_IS_REVIEWS_VIEW (self));

  g_set_object (&self->store, store);
  l4a_reviews_view_reload (self);
}

void
l4a_reviews_view_reload (L4aReviewsView *self)
{
  L4aRole role;

  g_return_if_fail (L4A_IS_REVIEWS_VIEW (self));

  if (self->store == NULL)
    return;

  role = l4a_store_get_role (self->store);
  if (role == L4A_ROLE_GOVERNMENT)
    gtk_stack_set_visible_child_name (self->stack, "government");
  else if (role == L4A_ROLE_MEMBER && l4a_store_get_identity (self->store) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-identity");
  else if (role == L4A_ROLE_MEMBER)
    {
      gtk_stack_set_visible_child_name (self->stack, "member");
      reload_member (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "secretariat");
      reload_secretariat (self);
    }
}

/* What this view shows comes from these kinds of record. */
static const char * const shown_kinds[] = { "proposal", "call", "criterion", "review", "assignment", "member", "conflict", "decision", "discussion_note", NULL };

/**
 * l4a_reviews_view_set_context:
 *
 * Shows what @context holds, and follows its changes and its role.
 */
void
l4a_reviews_view_set_context (L4aReviewsView *self,
                              L4aContext *context)
{
  g_return_if_fail (L4A_IS_REVIEWS_VIEW (self));
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));

  l4a_context_follow (&self->follow, context, shown_kinds, (L4aFollowFunc) l4a_reviews_view_reload, self);
  l4a_reviews_view_set_store (self, context ? l4a_context_get_store (context) : NULL);
}
