/* l4a-score-row.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One criterion of a review, scored with a button per level of its scale
 * (each saying what the level means), the chosen level always written out
 * beside them; or, once the review is submitted, the level as text. Where
 * the call says what each level means, that is written under the levels:
 * for the level under the pointer or the keyboard focus while the member
 * looks, else for the chosen one. Notifies "score" when the member chooses.
 */

#define G_LOG_DOMAIN "l4a-score-row"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-score-row.h"

struct _L4aScoreRow
{
  AdwPreferencesRow  parent_instance;

  int                scale_min;
  int                scale_max;
  gboolean           has_score;
  int                score;
  gboolean           updating;

  int                preview;   /* the level looked at, or G_MININT */
  GStrv              levels;    /* what each level means, from scale_min ("" when the call says nothing) */

  GtkLabel          *value_label;
  GtkLabel          *meaning_label;
  GPtrArray         *buttons;   /* GtkToggleButton per level, from scale_min */
};

G_DEFINE_FINAL_TYPE (L4aScoreRow, l4a_score_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * l4a_score_level_meaning:
 *
 * Returns: what a level of a scale means, from "Poor" at its lowest to
 *   "Excellent" at its highest
 */
const char *
l4a_score_level_meaning (int score,
                         int scale_min,
                         int scale_max)
{
  const char *meanings[] = {
    /* translators: what a score means, from the lowest level of a scale to the highest */
    C_("score", "Poor"), C_("score", "Weak"), C_("score", "Fair"), C_("score", "Good"), C_("score", "Very good"),
    C_("score", "Excellent"),
  };
  /* the words for scales of 2 to 6 levels; longer scales spread them */
  static const guint8 chosen[7][6] = {
    { 0 }, { 5 }, { 1, 3 }, { 1, 2, 3 }, { 0, 2, 3, 5 }, { 0, 1, 2, 3, 5 }, { 0, 1, 2, 3, 4, 5 },
  };
  int levels = scale_max - scale_min + 1;
  int index = CLAMP (score, scale_min, scale_max) - scale_min;

  if (levels <= 1)
    return meanings[5];
  if (levels <= 6)
    return meanings[chosen[levels][index]];
  return meanings[(index * 5 + (levels - 1) / 2) / (levels - 1)];
}

static const char *
level_guidance (L4aScoreRow *self,
                int          score)
{
  guint index = (guint) (score - self->scale_min);

  if (self->levels == NULL || score < self->scale_min || index >= g_strv_length (self->levels))
    return NULL;
  return *self->levels[index] ? self->levels[index] : NULL;
}

/**
 * l4a_score_row_get_meaning:
 *
 * Returns: (nullable): what the row writes under its levels: what the level
 *   looked at or chosen means, as the call words it
 */
const char *
l4a_score_row_get_meaning (L4aScoreRow *self)
{
  g_return_val_if_fail (L4A_IS_SCORE_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->meaning_label)) ? gtk_label_get_label (self->meaning_label) : NULL;
}

static void
show_meaning (L4aScoreRow *self)
{
  gboolean looking = self->preview != G_MININT && !(self->has_score && self->preview == self->score);
  int level = looking ? self->preview : self->score;
  const char *guidance = (looking || self->has_score) ? level_guidance (self, level) : NULL;
  g_autofree char *text = NULL;

  if (guidance != NULL && looking)
    /* translators: a level looked at, what it is called, then what the call says it means */
    text = g_strdup_printf (_("%d — %s: %s"), level, l4a_score_level_meaning (level, self->scale_min, self->scale_max),
                            guidance);
  gtk_label_set_label (self->meaning_label, text ? text : guidance ? guidance : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meaning_label), guidance != NULL);
  if (looking)
    gtk_widget_add_css_class (GTK_WIDGET (self->meaning_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->meaning_label), "dim-label");
}

static void
show_value (L4aScoreRow *self)
{
  g_autofree char *text = NULL;

  if (self->has_score)
    /* translators: a score and what it means, e.g. 4 — Good */
    text = g_strdup_printf (_("%d — %s"), self->score,
                            l4a_score_level_meaning (self->score, self->scale_min, self->scale_max));
  gtk_label_set_label (self->value_label, text ? text : _("Not scored yet"));
  if (self->has_score)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  show_meaning (self);
}

/* The level under the pointer or the keyboard focus, or none. */
static void
look_at (L4aScoreRow *self,
         GtkWidget   *button,
         gboolean     looking)
{
  guint index;

  if (!g_ptr_array_find (self->buttons, button, &index))
    return;
  if (looking)
    self->preview = self->scale_min + (int) index;
  else if (self->preview == self->scale_min + (int) index)
    self->preview = G_MININT;
  show_meaning (self);
}

static void
pointer_enter_cb (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  L4aScoreRow              *self)
{
  look_at (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion)), TRUE);
}

static void
pointer_leave_cb (GtkEventControllerMotion *motion,
                  L4aScoreRow              *self)
{
  look_at (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion)), FALSE);
}

static void
focus_enter_cb (GtkEventControllerFocus *focus,
                L4aScoreRow             *self)
{
  look_at (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)), TRUE);
}

static void
focus_leave_cb (GtkEventControllerFocus *focus,
                L4aScoreRow             *self)
{
  look_at (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)), FALSE);
}

static void
toggled_cb (GtkToggleButton *button,
            L4aScoreRow     *self)
{
  guint index;

  if (self->updating || !g_ptr_array_find (self->buttons, button, &index))
    return;
  if (gtk_toggle_button_get_active (button))
    l4a_score_row_set_score (self, TRUE, self->scale_min + (int) index);
  else if (self->has_score && self->score == self->scale_min + (int) index)
    l4a_score_row_set_score (self, FALSE, 0);
}

gboolean
l4a_score_row_has_score (L4aScoreRow *self)
{
  g_return_val_if_fail (L4A_IS_SCORE_ROW (self), FALSE);

  return self->has_score;
}

int
l4a_score_row_get_score (L4aScoreRow *self)
{
  g_return_val_if_fail (L4A_IS_SCORE_ROW (self), 0);

  return self->score;
}

/**
 * l4a_score_row_set_score:
 *
 * Chooses @score (within the scale), or no score.
 */
void
l4a_score_row_set_score (L4aScoreRow *self,
                         gboolean     has_score,
                         int          score)
{
  g_return_if_fail (L4A_IS_SCORE_ROW (self));

  has_score = has_score && score >= self->scale_min && score <= self->scale_max;
  if (self->has_score == has_score && (!has_score || self->score == score))
    return;
  self->has_score = has_score;
  self->score = has_score ? score : 0;
  self->updating = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, i),
                                  has_score && self->scale_min + (int) i == score);
  self->updating = FALSE;
  show_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

static void
l4a_score_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  L4aScoreRow *self = L4A_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_int (value, self->has_score ? self->score : -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_score_row_finalize (GObject *object)
{
  L4aScoreRow *self = L4A_SCORE_ROW (object);

  g_ptr_array_unref (self->buttons);
  g_strfreev (self->levels);

  G_OBJECT_CLASS (l4a_score_row_parent_class)->finalize (object);
}

static void
l4a_score_row_class_init (L4aScoreRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = l4a_score_row_get_property;
  object_class->finalize = l4a_score_row_finalize;

  /**
   * L4aScoreRow:score:
   *
   * The chosen score, or -1 when none is.
   */
  properties[PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, -1, G_MAXINT, -1,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
l4a_score_row_init (L4aScoreRow *self)
{
  self->buttons = g_ptr_array_new ();
  self->preview = G_MININT;
}

/**
 * l4a_score_row_new:
 * @criterion: the criterion, its scale and what its levels mean
 * @editable: whether the member may still choose
 */
GtkWidget *
l4a_score_row_new (const L4aScore *criterion,
                   gboolean        editable)
{
  L4aScoreRow *self = g_object_new (L4A_TYPE_SCORE_ROW, "activatable", FALSE, "title", criterion->label,
                                    "use-markup", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (criterion->label);
  const char *guidance = criterion->guidance;
  GtkWidget *about = NULL;
  g_autofree char *details = NULL;

  self->scale_min = criterion->scale_min;
  self->scale_max = MAX (criterion->scale_max, criterion->scale_min);
  self->levels = g_strdupv (criterion->levels);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  self->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->value_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "numeric");
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->value_label));
  gtk_box_append (GTK_BOX (box), heading);

  details = criterion->required
            /* translators: a criterion's guidance, then its weight in the total and its scale */
            ? g_strdup_printf (_("%s Weight %g, scored from %d to %d."), guidance ? guidance : "", criterion->weight,
                               self->scale_min, self->scale_max)
            : g_strdup_printf (_("%s Weight %g, scored from %d to %d; optional."), guidance ? guidance : "",
                               criterion->weight, self->scale_min, self->scale_max);
  about = gtk_label_new (g_strstrip (details));
  gtk_label_set_wrap (GTK_LABEL (about), TRUE);
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_widget_add_css_class (about, "dim-label");
  gtk_widget_add_css_class (about, "caption");
  gtk_box_append (GTK_BOX (box), about);

  if (editable)
    {
      GtkWidget *levels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkToggleButton *first = NULL;

      gtk_box_set_homogeneous (GTK_BOX (levels), TRUE);
      gtk_widget_add_css_class (levels, "linked");
      gtk_accessible_update_property (GTK_ACCESSIBLE (levels), GTK_ACCESSIBLE_PROPERTY_LABEL, criterion->label, -1);
      for (int v = self->scale_min; v <= self->scale_max; v++)
        {
          const char *word = l4a_score_level_meaning (v, self->scale_min, self->scale_max);
          const char *meaning = level_guidance (self, v);
          g_autofree char *number = g_strdup_printf ("%d", v);
          /* translators: a criterion, a score and what it means, for screen readers: Time: 4, Good */
          g_autofree char *spoken = g_strdup_printf (_("%s: %d, %s"), criterion->label, v, word);
          /* translators: what a level is called, then what the call says it means */
          g_autofree char *tip = meaning ? g_strdup_printf (_("%s: %s"), word, meaning) : g_strdup (word);
          GtkWidget *button = gtk_toggle_button_new_with_label (number);
          GtkEventController *motion = gtk_event_controller_motion_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();

          gtk_widget_set_tooltip_text (button, tip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
          if (meaning)
            gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning, -1);
          if (first == NULL)
            first = GTK_TOGGLE_BUTTON (button);
          else
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
          g_signal_connect (motion, "enter", G_CALLBACK (pointer_enter_cb), self);
          g_signal_connect (motion, "leave", G_CALLBACK (pointer_leave_cb), self);
          g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
          g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
          gtk_widget_add_controller (button, motion);
          gtk_widget_add_controller (button, focus);
          gtk_box_append (GTK_BOX (levels), button);
          g_ptr_array_add (self->buttons, button);
        }
      gtk_box_append (GTK_BOX (box), levels);
    }

  /* what the level looked at or chosen means, as the call words it */
  self->meaning_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->meaning_label, TRUE);
  gtk_label_set_xalign (self->meaning_label, 0);
  gtk_label_set_selectable (self->meaning_label, !editable);
  gtk_widget_set_visible (GTK_WIDGET (self->meaning_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->meaning_label));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  show_value (self);
  return GTK_WIDGET (self);
}
