/* l4a-labels.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *l4a_hub_status_label      (const char *status);
const char *l4a_proposal_state_label  (const char *state);
const char *l4a_hub_format_label      (const char *format);
const char *l4a_deliverable_status_label (const char *status);
const char *l4a_activity_kind_label   (const char *kind);
const char *l4a_recommendation_label  (const char *recommendation);
const char *l4a_outcome_label         (const char *outcome);
const char *l4a_month_abbreviation   (guint       month);
char       *l4a_format_day_month_year (guint       day,
                                       guint       month,
                                       int         year);
char       *l4a_format_month_year     (guint       month,
                                       int         year);
char       *l4a_format_day_month      (guint       day,
                                       guint       month);
char       *l4a_format_date           (const char *iso_date);
char       *l4a_format_time           (const char *iso_time);
char       *l4a_format_period         (const char *start,
                                       const char *end);
char       *l4a_today_iso             (void);
char       *l4a_format_days           (const char *start,
                                       const char *end);
gboolean    l4a_parse_date            (const char *iso_date,
                                       GDate      *date);

/* The language gettext speaks for a while (l4a_language_push()). */
typedef struct
{
  char *saved;
} L4aLanguage;

void        l4a_language_push         (L4aLanguage *language,
                                       const char  *lang);
void        l4a_language_pop          (L4aLanguage *language);

G_END_DECLS
