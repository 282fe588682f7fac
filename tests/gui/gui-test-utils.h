/* gui-test-utils.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*L4aTestCondition) (gpointer data);

/* Runs the main loop until @condition holds, or fails the test after
 * @seconds. */
static inline void
l4a_test_wait_until (L4aTestCondition condition,
                     gpointer         data,
                     double           seconds,
                     const char      *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline void
l4a_test_iterate (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}


/* The first widget under @root (itself included, depth first, popovers
 * too) whose id in its .ui file is @id: how a test finds a control the way
 * its template names it, without a function of the view's for the test. */
static inline GtkWidget *
l4a_test_find (GtkWidget  *root,
               const char *id)
{
  const char *own;

  if (root == NULL)
    return NULL;
  own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));
  if (g_strcmp0 (own, id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = l4a_test_find (child, id);

      if (found)
        return found;
    }
  return NULL;
}

/* The first widget of @type under @root (itself included). */
static inline GtkWidget *
l4a_test_find_type (GtkWidget *root,
                    GType      type)
{
  if (root == NULL)
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = l4a_test_find_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
l4a_test_find_nth_type_in (GtkWidget *root,
                           GType      type,
                           guint     *nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type) && (*nth)-- == 0)
        return child;
      if ((found = l4a_test_find_nth_type_in (child, type, nth)) != NULL)
        return found;
    }
  return NULL;
}

/* The @nth (from 0) widget of @type under @root, depth first, or NULL. */
static inline GtkWidget *
l4a_test_find_nth_type (GtkWidget *root,
                        GType      type,
                        guint      nth)
{
  return l4a_test_find_nth_type_in (root, type, &nth);
}

/* As l4a_test_find(), failing the test when there is none. */
static inline GtkWidget *
l4a_test_get (GtkWidget  *root,
              const char *id)
{
  GtkWidget *found = l4a_test_find (root, id);

  if (found == NULL)
    g_error ("No control “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return found;
}

/* How many children @widget has (rows of a list box, chips of a flow box). */
static inline guint
l4a_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Activates @name (with an optional GVariant @format and its values) from
 * @widget, as its button, menu item or shortcut does; fails the test if no
 * such action is reachable from there. */
static inline void
l4a_test_activate (GtkWidget  *widget,
                   const char *name,
                   const char *format,
                   ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  if (!gtk_widget_activate_action_variant (widget, name, parameter))
    g_error ("No action %s reachable from %s", name, G_OBJECT_TYPE_NAME (widget));
}

G_END_DECLS
