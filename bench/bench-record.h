/* bench-record.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures for tools/bench, which runs the benchmarks at several sizes and
 * prints them as one table: when L4A_BENCH_RECORD names a file, each
 * figure is appended to it as a "name<TAB>value" line.
 */

#pragma once

#include <glib.h>
#include <stdio.h>

static inline void
bench_record (const char *name,
              double      value)
{
  const char *path = g_getenv ("L4A_BENCH_RECORD");
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  FILE *file;

  if (path == NULL || *path == '\0' || (file = fopen (path, "a")) == NULL)
    return;
  fprintf (file, "%s\t%s\n", name, g_ascii_dtostr (number, sizeof number, value));
  fclose (file);
}
