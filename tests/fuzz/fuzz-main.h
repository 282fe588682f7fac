/* fuzz-main.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry points every fuzz target shares, included at the end of it
 * after its set_up() (once per process) and run_one() (one input): the
 * libFuzzer one with -DL4A_FUZZING, else a main() that replays the files
 * named on the command line, as the suite does with the corpus.
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

#ifdef L4A_FUZZING
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  set_up ();
  run_one (data, size);
  return 0;
}
#else
int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  set_up ();
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        {
          fprintf (stderr, "cannot read %s\n", argv[i]);
          return 1;
        }
      run_one ((const uint8_t *) contents, length);
      n++;
    }
  printf ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
#endif
