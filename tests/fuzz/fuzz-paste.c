/* fuzz-paste.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The measurement paste parser against arbitrary text: never a crash;
 * every row read has a real date and a finite value, every problem a line
 * and a message. Built as a libFuzzer target with -Dfuzzing=true;
 * otherwise it replays the files named on its command line.
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "l4a-indicator.h"
#include "l4a-ticks.h"

static void
run_one (const uint8_t *data,
         size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(L4aPaste) paste = l4a_measurements_parse (text);

  for (guint i = 0; i < paste->rows->len; i++)
    {
      L4aMeasurement *m = g_ptr_array_index (paste->rows, i);

      g_assert_true (isfinite (l4a_day_from_iso (m->measured_on)));
      g_assert_true (isfinite (m->value));
      g_assert_cmpuint (m->line, >, 0);
    }
  for (guint i = 0; i < paste->problems->len; i++)
    {
      L4aPasteProblem *problem = g_ptr_array_index (paste->problems, i);

      g_assert_cmpuint (problem->line, >, 0);
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
    }
}

#ifdef L4A_FUZZING
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  run_one (data, size);
  return 0;
}
#else
int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        return 1;
      run_one ((const uint8_t *) contents, length);
    }
  printf ("replayed %d inputs\n", argc - 1);
  return argc > 1 ? 0 : 1;
}
#endif
