/* bench-startup.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time from start to the first window: a new process of the application on
 * a database, until its window has painted the registry with every hub
 * loaded; and, as the baseline measured in the same run, a new process
 * showing a minimal libadwaita window (a header bar and a status page), and
 * one showing the same header bar over a plain GtkColumnView of fixed text
 * (the toolkit's own cost of a first screen that is a table).
 * Prints the medians, their ratio, where each one's time went (before
 * main(), the toolkit's start, the window made and shown, the wait for
 * the first frame, the first frame) and the application's peak resident
 * memory; then scrolls the registry's table a page a frame, from the top
 * and back from the end, and prints the time its frames take (median and
 * 95th percentile, from each frame's update phase to its paint); then
 * shows each other view for the first time and prints how long each took
 * to be painted.
 *
 *   bench-startup DATABASE [ROUNDS]
 *
 * Each round runs this program again with --child app|minimal|table, so that
 * loading, linking and the toolkit's start count as a user waits for them.
 * Needs a display (tools/bench provides one).
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"
#include "l4a-application.h"
#include "l4a-hubs-view.h"
#include "l4a-window.h"
#include "l4a-window-private.h"

/* The child ------------------------------------------------------------------ */

/* When the child reached each step, µs of the monotonic clock: main(), the
 * application's startup done (the toolkit and the display ready), its
 * activation done (the window made and presented), the first frame's
 * tick, the first frame painted with what it waited for. */
enum { STEP_MAIN, STEP_STARTED, STEP_ACTIVATED, STEP_TICK, STEP_PAINTED, N_STEPS };
static gint64 steps[N_STEPS];

static void
mark_step (gpointer step)
{
  steps[GPOINTER_TO_INT (step)] = g_get_monotonic_time ();
}


/* Once the window has painted what it was waiting for: say so and quit. */
static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gboolean *ready = g_object_get_data (G_OBJECT (window), "ready");

  if (ready == NULL || !*ready)
    return;
  mark_step (GINT_TO_POINTER (STEP_PAINTED));
  /* the peak memory, then each step's µs since main() */
  printf ("ready %ld", bench_status_kib ("VmHWM:"));
  for (guint i = STEP_STARTED; i < N_STEPS; i++)
    printf (" %" G_GINT64_FORMAT, steps[i] - steps[STEP_MAIN]);
  printf ("\n");
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

/* Each frame: is the registry loaded yet? The next paint shows it. */
static gboolean
tick_cb (GtkWidget     *window,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  gboolean *ready = g_object_get_data (G_OBJECT (window), "ready");

  if (steps[STEP_TICK] == 0)
    mark_step (GINT_TO_POINTER (STEP_TICK));
  if (!*ready)
    {
      if (L4A_IS_WINDOW (window))
        {
          gboolean loading;

          g_object_get (gtk_widget_get_template_child (window, L4A_TYPE_WINDOW, "hubs_view"), "loading", &loading, NULL);
          *ready = !loading;
        }
      else
        *ready = TRUE;
      if (*ready)
        g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
    }
  return *ready ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_object_set_data_full (G_OBJECT (window), "ready", g_new0 (gboolean, 1), g_free);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);
}

/* A window of the application's size: a header bar over @content. */
static void
present_under_header_bar (GApplication *app,
                          GtkWidget    *content)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

static void
minimal_activate_cb (GApplication *app)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Local4Action Hubs");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-document-symbolic");
  present_under_header_bar (app, page);
}

/* The floor of any window that opens on a table: the same header bar, and a
 * GtkColumnView of eight titled columns over forty rows of fixed text (what
 * a window of this size shows), with no database: the toolkit's own cost of
 * making and painting such a first screen. */
static const char * const table_titles[] = {
  "Name", "Lead government", "Country", "Region", "SDGs", "Pact axis", "Status", "Time frame"
};

static void
table_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 8);
  gtk_list_item_set_child (item, cell);
}

static void
table_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%s %u", gtk_string_object_get_string (row), GPOINTER_TO_UINT (column));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
table_activate_cb (GApplication *app)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GtkWidget *view;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Hub of the city number %u", i);

      gtk_string_list_append (rows, name);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (rows)))));
  for (guint c = 0; c < G_N_ELEMENTS (table_titles); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (table_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (table_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (table_titles[c], factory);
      gtk_column_view_column_set_expand (column, c < 2);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  present_under_header_bar (app, scrolled);
}

/* Scrolling ----------------------------------------------------------------- */

/* The table scrolled a page a frame, as Page Down does, from the top, then
 * from the end back up: the time each frame takes, from the moment the
 * table is moved (where the list makes and binds the rows that come into
 * view) to the paint, leaving out the frame clock's wait between the two. */
#define SCROLL_FRAMES 400

typedef struct
{
  GtkAdjustment *adjustment;
  GArray        *frames;      /* ms */
  gint64         frame_start;
  gint64         moving;      /* µs the last move of the table took */
  gint64         first;       /* when the first move was painted */
  guint          step;
} Scroll;

static Scroll scroll;

/* the frame's update phase, before its layout, where rows are made */
static gboolean
frame_start_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  scroll.frame_start = g_get_monotonic_time ();
  return scroll.step < SCROLL_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  GtkWidget     *window)
{
  double page = gtk_adjustment_get_page_size (scroll.adjustment);
  double upper = gtk_adjustment_get_upper (scroll.adjustment);
  double ms = (g_get_monotonic_time () - scroll.frame_start + scroll.moving) / 1000.0;
  gint64 moved;

  if (scroll.step > 0)
    g_array_append_val (scroll.frames, ms);
  else
    scroll.first = g_get_monotonic_time ();
  scroll.step++;
  moved = g_get_monotonic_time ();
  if (scroll.step == SCROLL_FRAMES / 2)
    /* End, then Page Up from there */
    gtk_adjustment_set_value (scroll.adjustment, upper - page);
  else if (scroll.step < SCROLL_FRAMES / 2)
    gtk_adjustment_set_value (scroll.adjustment, gtk_adjustment_get_value (scroll.adjustment) + page);
  else if (scroll.step < SCROLL_FRAMES)
    gtk_adjustment_set_value (scroll.adjustment, gtk_adjustment_get_value (scroll.adjustment) - page);
  else
    {
      g_signal_handlers_disconnect_by_func (clock, frame_painted_cb, window);
      g_array_sort (scroll.frames, bench_compare_doubles);
      printf ("ready %.3f %.3f %.3f\n", g_array_index (scroll.frames, double, scroll.frames->len / 2),
              g_array_index (scroll.frames, double, (guint) (scroll.frames->len * 0.95)),
              (g_get_monotonic_time () - scroll.first) / 1000.0 / scroll.frames->len);
      fflush (stdout);
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
      return;
    }
  scroll.moving = g_get_monotonic_time () - moved;
  /* the next frame, at once */
  gtk_widget_queue_draw (window);
}

static gboolean
start_scrolling_cb (gpointer data)
{
  GtkWidget *window = data;
  GtkWidget *hubs = GTK_WIDGET (gtk_widget_get_template_child (window, L4A_TYPE_WINDOW, "hubs_view"));
  GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (hubs, L4A_TYPE_HUBS_VIEW, "column_view"));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  scroll.frames = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_add_tick_callback (window, frame_start_cb, NULL, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), window);
  gtk_widget_grab_focus (table);
  gtk_widget_queue_draw (window);
  return G_SOURCE_REMOVE;
}

static void
scroll_window_added_cb (GtkApplication *app,
                        GtkWindow      *window)
{
  /* once the window has settled */
  g_timeout_add (1500, start_scrolling_cb, window);
}

/* Switching views --------------------------------------------------------- */

/* Each other view shown in turn, the first time (when it is built and
 * reads what it shows), from the switch to the paint that shows it. */
static const char * const view_names[] = { "proposals", "reviews", "indicators", "brand-kit", "hubs" };

typedef struct
{
  GtkWidget *window;
  GString   *said;
  gint64     start;
  guint      next;
} Views;

static Views views;

static gboolean show_next_view_cb (gpointer data);

static void
view_painted_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, view_painted_cb, data);
  g_string_append_printf (views.said, " %.1f", (g_get_monotonic_time () - views.start) / 1000.0);
  /* the view's reads in threads settle before the next */
  g_timeout_add (400, show_next_view_cb, NULL);
}

static gboolean
show_next_view_cb (gpointer data)
{
  if (views.next == G_N_ELEMENTS (view_names))
    {
      printf ("ready%s\n", views.said->str);
      fflush (stdout);
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (views.window))));
      return G_SOURCE_REMOVE;
    }
  views.start = g_get_monotonic_time ();
  l4a_window_show_view (L4A_WINDOW (views.window), view_names[views.next++]);
  g_signal_connect (gtk_widget_get_frame_clock (views.window), "after-paint", G_CALLBACK (view_painted_cb), NULL);
  gtk_widget_queue_draw (views.window);
  return G_SOURCE_REMOVE;
}

static void
views_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  views.window = GTK_WIDGET (window);
  views.said = g_string_new (NULL);
  g_timeout_add (1500, show_next_view_cb, NULL);
}

static int
run_child (const char *mode,
           const char *database)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "bench-startup", NULL };

  if (g_str_equal (mode, "scroll") || g_str_equal (mode, "views"))
    {
      app = GTK_APPLICATION (l4a_application_new (database));
      g_signal_connect (app, "window-added",
                        g_str_equal (mode, "scroll") ? G_CALLBACK (scroll_window_added_cb)
                                                     : G_CALLBACK (views_window_added_cb), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }
  if (g_str_equal (mode, "app"))
    app = GTK_APPLICATION (l4a_application_new (database));
  else
    {
      app = GTK_APPLICATION (adw_application_new ("org.local4action.BenchMinimal", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate",
                        g_str_equal (mode, "table") ? G_CALLBACK (table_activate_cb) : G_CALLBACK (minimal_activate_cb),
                        NULL);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_data (app, "startup", G_CALLBACK (mark_step), GINT_TO_POINTER (STEP_STARTED), NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_data (app, "activate", G_CALLBACK (mark_step), GINT_TO_POINTER (STEP_ACTIVATED), NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* The parent ----------------------------------------------------------------- */



/* Where a first window's time went, ms: before main() (loading and
 * linking), the toolkit's start, the window made and presented, the wait
 * for the first frame, the first frame. */
static const char * const phase_names[] = { "before main()", "toolkit and display", "window made and presented",
                                            "wait for the first frame", "first frame" };
static const char * const phase_keys[] = { "exec", "toolkit", "window", "wait", "frame" };
#define N_PHASES G_N_ELEMENTS (phase_names)

/* One new process until its window is painted: milliseconds, peak RSS,
 * and (if @phases) each phase's milliseconds appended to its array. */
static double
time_child (const char *self,
            const char *mode,
            const char *database,
            gboolean    without_gl,
            long       *rss_kib,
            GArray    **phases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  /* GDK readies OpenGL on X11 even for the cairo renderer: with no GPU,
   * Mesa's software stack (LLVM) is loaded for nothing */
  if (without_gl)
    g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self, "--child", mode, database, NULL);
  if (child == NULL)
    g_error ("%s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (line == NULL || !g_str_has_prefix (line, "ready "))
    g_error ("the %s window never showed: %s", mode, error ? error->message : "no ready line");
  {
    gint64 at[N_STEPS] = { 0 };
    long rss = 0;

    if (sscanf (line, "ready %ld %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                &rss, &at[STEP_STARTED], &at[STEP_ACTIVATED], &at[STEP_TICK], &at[STEP_PAINTED]) != 5)
      g_error ("the %s window said: %s", mode, line);
    *rss_kib = rss;
    if (phases != NULL)
      {
        double ms_of[N_PHASES] = {
          ms - at[STEP_PAINTED] / 1000.0,
          at[STEP_STARTED] / 1000.0,
          (at[STEP_ACTIVATED] - at[STEP_STARTED]) / 1000.0,
          (at[STEP_TICK] - at[STEP_ACTIVATED]) / 1000.0,
          (at[STEP_PAINTED] - at[STEP_TICK]) / 1000.0,
        };

        for (guint i = 0; i < N_PHASES; i++)
          g_array_append_val (phases[i], ms_of[i]);
      }
  }
  if (!g_subprocess_wait_check (child, NULL, &error))
    g_error ("%s: %s", mode, error->message);
  return ms;
}

/* What a child of @mode said when it was done: its line after "ready ". */
static char *
child_says (const char *self,
            const char *mode,
            const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--child", mode,
                                                   database, NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  if (child == NULL)
    g_error ("%s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_subprocess_wait (child, NULL, NULL);
  if (line == NULL || !g_str_has_prefix (line, "ready "))
    g_error ("the %s window never said how it went", mode);
  return g_strdup (line + strlen ("ready "));
}

int
main (int   argc,
      char *argv[])
{
  /* alternated in each round, so that a busy moment of the machine falls on each */
  static const char * const modes[] = { "minimal", "app", "table" };
  enum { MINIMAL, APP, TABLE, N_MODES };
  GArray *wall[N_MODES], *phases[N_MODES][N_PHASES];
  long peak[N_MODES] = { 0 };
  guint rounds;

  steps[STEP_MAIN] = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);
  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-startup DATABASE [ROUNDS]\n");
      return 2;
    }
  rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 7;

  for (guint m = 0; m < N_MODES; m++)
    {
      wall[m] = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint p = 0; p < N_PHASES; p++)
        phases[m][p] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  for (guint r = 0; r < rounds; r++)
    for (guint m = 0; m < N_MODES; m++)
      {
        long rss = 0;
        double child_ms = time_child (argv[0], modes[m], argv[1], FALSE, &rss, phases[m]);

        g_array_append_val (wall[m], child_ms);
        peak[m] = MAX (peak[m], rss);
      }

  {
    g_autofree char *said = child_says (argv[0], "scroll", argv[1]);
    double median = 0, p95 = 0, interval = 0;

    if (sscanf (said, "%lf %lf %lf", &median, &p95, &interval) != 3)
      g_error ("the scrolling window said: %s", said);
    printf ("scrolling the table a page a frame, %u frames: frame time median %.2f ms, p95 %.2f ms "
            "(goal: p95 under 16 ms); a page every %.2f ms\n", SCROLL_FRAMES, median, p95, interval);
    bench_record ("scroll_median_ms", median);
    bench_record ("scroll_p95_ms", p95);
    bench_record ("scroll_interval_ms", interval);
  }

  /* each other view, shown the first time */
  {
    g_autofree char *said = child_says (argv[0], "views", argv[1]);
    g_auto(GStrv) ms = g_strsplit (said, " ", -1);

    if (g_strv_length (ms) != G_N_ELEMENTS (view_names))
      g_error ("the window said: %s", said);
    printf ("each view shown the first time, from the switch to its paint:");
    for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
      {
        g_autofree char *key = g_strdup_printf ("view_%s_ms", view_names[i]);

        printf (" %s %s ms%s", view_names[i], ms[i], i + 1 < G_N_ELEMENTS (view_names) ? "," : "\n");
        bench_record (key, g_ascii_strtod (ms[i], NULL));
      }
  }

  {
    double app = bench_median (wall[APP]), minimal = bench_median (wall[MINIMAL]), table = bench_median (wall[TABLE]);

    printf ("start to first window, %u rounds: application %.0f ms (registry painted), "
            "minimal libadwaita window %.0f ms, ratio %.2f; peak memory: application %.1f MB, "
            "minimal window %.1f MB\n",
            rounds, app, minimal, app / minimal, peak[APP] / 1024.0, peak[MINIMAL] / 1024.0);
    printf ("  the same header bar over a plain GtkColumnView of 8 columns and 40 rows of fixed text, no database: "
            "%.0f ms, %.2f times the minimal window; the application %.2f times it\n",
            table, table / minimal, app / table);
    bench_record ("startup_ms", app);
    bench_record ("startup_table_ms", table);
    bench_record ("startup_minimal_ms", minimal);
    bench_record ("rss_app_mb", peak[APP] / 1024.0);
    bench_record ("rss_minimal_mb", peak[MINIMAL] / 1024.0);
  }

  /* where the time went, median of each phase */
  printf ("  where it went, ms (median of each phase):   minimal     table  application\n");
  for (guint p = 0; p < N_PHASES; p++)
    {
      static const guint columns[] = { MINIMAL, TABLE, APP };

      printf ("    %-40s", phase_names[p]);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          guint shown = columns[c];
          double median = bench_median (phases[shown][p]);
          g_autofree char *key = g_strdup_printf ("startup_%s_%s_ms", modes[shown], phase_keys[p]);

          printf (" %9.1f", median);
          bench_record (key, median);
        }
      printf ("\n");
    }
  for (guint m = 0; m < N_MODES; m++)
    {
      g_array_unref (wall[m]);
      for (guint p = 0; p < N_PHASES; p++)
        g_array_unref (phases[m][p]);
    }

  /* the same two without the OpenGL stack */
  {
    long app_rss = 0, minimal_rss = 0;

    time_child (argv[0], "minimal", argv[1], TRUE, &minimal_rss, NULL);
    time_child (argv[0], "app", argv[1], TRUE, &app_rss, NULL);
    printf ("peak memory without OpenGL (GDK_DEBUG=gl-disable): application %.1f MB, minimal window %.1f MB "
            "(goal: under 100 MB)\n", app_rss / 1024.0, minimal_rss / 1024.0);
    bench_record ("rss_app_nogl_mb", app_rss / 1024.0);
    bench_record ("rss_minimal_nogl_mb", minimal_rss / 1024.0);
  }
  return 0;
}
