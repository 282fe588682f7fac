/* l4a-adaptive-split.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two parts of a screen side by side when the window is wide enough, each
 * scrolling on its own (the proposal beside the review form; the form
 * beside its checklist), and one above the other in a single scrolled
 * column when it is not. The side part comes first in both: left when
 * wide, on top when narrow.
 *
 * The width is known only while allocating; the parts change place in an
 * idle callback after the allocation that crossed the threshold, never
 * during it, and the part that holds the keyboard focus keeps it.
 */

#define G_LOG_DOMAIN "l4a-adaptive-split"

#include "config.h"

#include "l4a-adaptive-split.h"

struct _L4aAdaptiveSplit
{
  GtkWidget  parent_instance;

  GtkWidget *side;
  GtkWidget *main;
  int        threshold;
  gboolean   folded;
  gboolean   side_at_end;
  guint      refold_id;

  GtkWidget *wide;            /* GtkBox: side scroller | separator | main scroller */
  GtkWidget *side_scroller;
  GtkWidget *main_scroller;
  GtkWidget *separator;
  GtkWidget *narrow;          /* GtkScrolledWindow of narrow_box */
  GtkWidget *narrow_box;
};

G_DEFINE_FINAL_TYPE (L4aAdaptiveSplit, l4a_adaptive_split, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDE,
  PROP_MAIN,
  PROP_THRESHOLD,
  PROP_SIDE_AT_END,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
scroller_new (void)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

/* Takes the parts out of wherever they are. */
static void
detach (L4aAdaptiveSplit *self)
{
  if (self->side != NULL && gtk_widget_get_parent (self->side) == self->narrow_box)
    gtk_box_remove (GTK_BOX (self->narrow_box), self->side);
  if (self->main != NULL && gtk_widget_get_parent (self->main) == self->narrow_box)
    gtk_box_remove (GTK_BOX (self->narrow_box), self->main);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->side_scroller), NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->main_scroller), NULL);
}

static gboolean
refocus_cb (gpointer data)
{
  GtkWidget *focus = data;
  GtkRoot *root = gtk_widget_get_root (focus);

  if (root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (focus);
  return G_SOURCE_REMOVE;
}

/* GTK 4.8 leaves a button that moved to another parent with the
 * sensitivity its action had before the move, whatever it is now: each
 * actionable under @widget looks its action up again. */
static void
refresh_actions (GtkWidget *widget)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    {
      g_autofree char *name = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    refresh_actions (child);
}

static void
place (L4aAdaptiveSplit *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* where the focus was, so that it stays there */
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    focus = NULL;
  if (focus != NULL)
    {
      /* the focus leaves the parts while they move, and comes back
       * once they have their new places */
      g_object_ref (focus);
      gtk_root_set_focus (root, NULL);
    }

  detach (self);
  if (self->folded)
    {
      if (self->side)
        gtk_box_append (GTK_BOX (self->narrow_box), self->side);
      if (self->main)
        gtk_box_append (GTK_BOX (self->narrow_box), self->main);
    }
  else
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->side_scroller), self->side);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->main_scroller), self->main);
    }
  gtk_widget_set_visible (self->narrow, self->folded);
  gtk_widget_set_visible (self->wide, !self->folded);
  gtk_widget_set_visible (self->side_scroller, self->side != NULL);
  if (self->side)
    refresh_actions (self->side);
  if (self->main)
    refresh_actions (self->main);

  if (focus != NULL)
    g_idle_add_full (G_PRIORITY_LOW, refocus_cb, focus, g_object_unref);
}

/* The parts where @width puts them (an unknown width, 0, changes nothing). */
static void
fold_for_width (L4aAdaptiveSplit *self,
                int               width)
{
  if (width <= 0 || (width < self->threshold) == self->folded)
    return;
  self->folded = width < self->threshold;
  place (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static gboolean
refold_cb (gpointer data)
{
  L4aAdaptiveSplit *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->refold_id = 0;
  fold_for_width (self, width);
  return G_SOURCE_REMOVE;
}

/* Placed in the window: the parts start where the window's default width
 * puts them, so that they rarely move once filled. */
static void
l4a_adaptive_split_root (GtkWidget *widget)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (widget);
  GtkRoot *root;
  int width = 0, height = 0;

  GTK_WIDGET_CLASS (l4a_adaptive_split_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  fold_for_width (self, width);
}

static void
l4a_adaptive_split_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (widget);
  GtkWidget *shown = self->folded ? self->narrow : self->wide;

  gtk_widget_measure (shown, orientation, -1, minimum, natural, NULL, NULL);
  /* folding is what lets the window narrow: never ask for more than the
   * narrow layout needs */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int narrow_min, narrow_nat;

      gtk_widget_measure (self->narrow, orientation, -1, &narrow_min, &narrow_nat, NULL, NULL);
      *minimum = MIN (*minimum, narrow_min);
    }
}

static void
l4a_adaptive_split_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (widget);
  GtkWidget *shown = self->folded ? self->narrow : self->wide;
  int minimum = 0;

  /* until the parts fold, the side-by-side layout keeps its own minimum */
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_widget_allocate (shown, MAX (width, minimum), height, baseline, NULL);
  if ((width < self->threshold) != self->folded && self->refold_id == 0)
    self->refold_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refold_cb, self, NULL);
}

static void
l4a_adaptive_split_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (widget);

  gtk_widget_snapshot_child (widget, self->folded ? self->narrow : self->wide, snapshot);
}

void
l4a_adaptive_split_set_side (L4aAdaptiveSplit *self,
                             GtkWidget        *side)
{
  g_return_if_fail (L4A_IS_ADAPTIVE_SPLIT (self));
  g_return_if_fail (side == NULL || GTK_IS_WIDGET (side));

  if (self->side == side)
    return;
  if (side)
    g_object_ref_sink (side);
  detach (self);
  g_clear_object (&self->side);
  self->side = side;
  place (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

GtkWidget *
l4a_adaptive_split_get_side (L4aAdaptiveSplit *self)
{
  g_return_val_if_fail (L4A_IS_ADAPTIVE_SPLIT (self), NULL);

  return self->side;
}

void
l4a_adaptive_split_set_main (L4aAdaptiveSplit *self,
                             GtkWidget        *main)
{
  g_return_if_fail (L4A_IS_ADAPTIVE_SPLIT (self));
  g_return_if_fail (main == NULL || GTK_IS_WIDGET (main));

  if (self->main == main)
    return;
  if (main)
    g_object_ref_sink (main);
  detach (self);
  g_clear_object (&self->main);
  self->main = main;
  place (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAIN]);
}

GtkWidget *
l4a_adaptive_split_get_main (L4aAdaptiveSplit *self)
{
  g_return_val_if_fail (L4A_IS_ADAPTIVE_SPLIT (self), NULL);

  return self->main;
}

/**
 * l4a_adaptive_split_get_folded:
 *
 * Returns: whether the parts are one above the other
 */
gboolean
l4a_adaptive_split_get_folded (L4aAdaptiveSplit *self)
{
  g_return_val_if_fail (L4A_IS_ADAPTIVE_SPLIT (self), TRUE);

  return self->folded;
}

/* The side part's place in the wide layout: first, or last. */
static void
order_wide (L4aAdaptiveSplit *self)
{
  GtkWidget *first = self->side_at_end ? self->main_scroller : self->side_scroller;
  GtkWidget *last = self->side_at_end ? self->side_scroller : self->main_scroller;

  gtk_box_reorder_child_after (GTK_BOX (self->wide), first, NULL);
  gtk_box_reorder_child_after (GTK_BOX (self->wide), self->separator, first);
  gtk_box_reorder_child_after (GTK_BOX (self->wide), last, self->separator);
  /* a side part at the end is a companion (a checklist): it keeps its own
   * width and the main part takes the rest */
  gtk_widget_set_hexpand (self->side_scroller, !self->side_at_end);
}

/**
 * l4a_adaptive_split_set_side_at_end:
 * @side_at_end: whether the side part goes right of the main part (in
 *   left-to-right text) when they are side by side
 */
void
l4a_adaptive_split_set_side_at_end (L4aAdaptiveSplit *self,
                                    gboolean          side_at_end)
{
  g_return_if_fail (L4A_IS_ADAPTIVE_SPLIT (self));

  side_at_end = !!side_at_end;
  if (self->side_at_end == side_at_end)
    return;
  self->side_at_end = side_at_end;
  order_wide (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_AT_END]);
}

/**
 * l4a_adaptive_split_set_threshold:
 * @width: the narrowest width, in pixels, at which the parts go side by side
 */
void
l4a_adaptive_split_set_threshold (L4aAdaptiveSplit *self,
                                  int               width)
{
  g_return_if_fail (L4A_IS_ADAPTIVE_SPLIT (self));

  if (self->threshold == width)
    return;
  self->threshold = width;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

static void
l4a_adaptive_split_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      g_value_set_object (value, self->side);
      break;
    case PROP_MAIN:
      g_value_set_object (value, self->main);
      break;
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SIDE_AT_END:
      g_value_set_boolean (value, self->side_at_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_adaptive_split_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      l4a_adaptive_split_set_side (self, g_value_get_object (value));
      break;
    case PROP_MAIN:
      l4a_adaptive_split_set_main (self, g_value_get_object (value));
      break;
    case PROP_THRESHOLD:
      l4a_adaptive_split_set_threshold (self, g_value_get_int (value));
      break;
    case PROP_SIDE_AT_END:
      l4a_adaptive_split_set_side_at_end (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_adaptive_split_dispose (GObject *object)
{
  L4aAdaptiveSplit *self = L4A_ADAPTIVE_SPLIT (object);

  g_clear_handle_id (&self->refold_id, g_source_remove);
  if (self->wide != NULL)
    {
      detach (self);
      g_clear_pointer (&self->wide, gtk_widget_unparent);
      g_clear_pointer (&self->narrow, gtk_widget_unparent);
    }
  g_clear_object (&self->side);
  g_clear_object (&self->main);

  G_OBJECT_CLASS (l4a_adaptive_split_parent_class)->dispose (object);
}

static void
l4a_adaptive_split_class_init (L4aAdaptiveSplitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = l4a_adaptive_split_get_property;
  object_class->set_property = l4a_adaptive_split_set_property;
  object_class->dispose = l4a_adaptive_split_dispose;
  widget_class->root = l4a_adaptive_split_root;
  widget_class->measure = l4a_adaptive_split_measure;
  widget_class->size_allocate = l4a_adaptive_split_size_allocate;
  widget_class->snapshot = l4a_adaptive_split_snapshot;

  properties[PROP_SIDE] = g_param_spec_object ("side", NULL, NULL, GTK_TYPE_WIDGET,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAIN] = g_param_spec_object ("main", NULL, NULL, GTK_TYPE_WIDGET,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD] = g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, 1000,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE_AT_END] = g_param_spec_boolean ("side-at-end", NULL, NULL, FALSE,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, TRUE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "l4a-adaptive-split");
}

static void
l4a_adaptive_split_init (L4aAdaptiveSplit *self)
{
  self->threshold = 1000;
  self->folded = TRUE;

  self->wide = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->side_scroller = scroller_new ();
  self->main_scroller = scroller_new ();
  gtk_box_append (GTK_BOX (self->wide), self->side_scroller);
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (self->wide), self->separator);
  gtk_box_append (GTK_BOX (self->wide), self->main_scroller);
  gtk_box_set_homogeneous (GTK_BOX (self->wide), FALSE);
  gtk_widget_set_parent (self->wide, GTK_WIDGET (self));
  gtk_widget_set_visible (self->wide, FALSE);

  self->narrow = scroller_new ();
  self->narrow_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->narrow), self->narrow_box);
  gtk_widget_set_parent (self->narrow, GTK_WIDGET (self));
}

GtkWidget *
l4a_adaptive_split_new (void)
{
  return g_object_new (L4A_TYPE_ADAPTIVE_SPLIT, NULL);
}
