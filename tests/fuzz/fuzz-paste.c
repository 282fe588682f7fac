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
set_up (void)
{
}

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

#include "fuzz-main.h"
