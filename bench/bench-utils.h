/* bench-utils.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks share: medians, the process's memory, and the
 * figures for tools/bench, which runs them at several sizes and prints one
 * table: when L4A_BENCH_RECORD names a file, each figure is appended to it
 * as a "name<TAB>value" line.
 */

#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @samples (doubles) and returns the middle one. */
static inline double
bench_median (GArray *samples)
{
  g_array_sort (samples, bench_compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* A figure of /proc/self/status in KiB: "VmRSS:" now, "VmHWM:" at peak. */
static inline long
bench_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? atol (line + strlen (field)) : -1;
}

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
