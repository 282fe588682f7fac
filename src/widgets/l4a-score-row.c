/* l4a-score-row.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One criterion of a review, scored with a button per level of its scale
 * (each saying what the level means), the chosen level always written out
 * beside them; or, once the review is submitted, the level as text.
 * Notifies "score" when the member chooses.
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

  GtkLabel          *value_label;
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
}

/**
 * l4a_score_row_new:
 * @guidance: (nullable): what to look for
 * @editable: whether the member may still choose
 */
GtkWidget *
l4a_score_row_new (const char *criterion,
                   const char *guidance,
                   double      weight,
                   int         scale_min,
                   int         scale_max,
                   gboolean    required,
                   gboolean    editable)
{
  L4aScoreRow *self = g_object_new (L4A_TYPE_SCORE_ROW, "activatable", FALSE, "title", criterion,
                                    "use-markup", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (criterion);
  GtkWidget *about = NULL;
  g_autofree char *details = NULL;

  self->scale_min = scale_min;
  self->scale_max = MAX (scale_max, scale_min);
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

  details = required
            /* translators: a criterion's guidance, then its weight in the total and its scale */
            ? g_strdup_printf (_("%s Weight %g, scored from %d to %d."), guidance ? guidance : "", weight,
                               scale_min, scale_max)
            : g_strdup_printf (_("%s Weight %g, scored from %d to %d; optional."), guidance ? guidance : "",
                               weight, scale_min, scale_max);
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (levels), GTK_ACCESSIBLE_PROPERTY_LABEL, criterion, -1);
      for (int v = self->scale_min; v <= self->scale_max; v++)
        {
          g_autofree char *number = g_strdup_printf ("%d", v);
          /* translators: a criterion, a score and what it means, for screen readers: Time: 4, Good */
          g_autofree char *spoken = g_strdup_printf (_("%s: %d, %s"), criterion, v,
                                                     l4a_score_level_meaning (v, self->scale_min, self->scale_max));
          GtkWidget *button = gtk_toggle_button_new_with_label (number);

          gtk_widget_set_tooltip_text (button, l4a_score_level_meaning (v, self->scale_min, self->scale_max));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
          if (first == NULL)
            first = GTK_TOGGLE_BUTTON (button);
          else
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
          gtk_box_append (GTK_BOX (levels), button);
          g_ptr_array_add (self->buttons, button);
        }
      gtk_box_append (GTK_BOX (box), levels);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  show_value (self);
  return GTK_WIDGET (self);
}
