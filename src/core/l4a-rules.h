/* l4a-rules.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A hub runs 12 to 36 months (key feature 2, "Time"). */
#define L4A_MIN_MONTHS 12
#define L4A_MAX_MONTHS 36

/* A message about one field of a record, fit to show next to that field. */
typedef struct
{
  char *field;
  char *message;
} L4aFieldError;

gboolean   l4a_time_frame_months   (const char  *start,
                                    const char  *end,
                                    int         *full_months,
                                    int         *started_months);
char      *l4a_time_frame_problem  (const char  *start,
                                    const char  *end);
GPtrArray *l4a_field_errors_new    (void);
void       l4a_field_errors_add    (GPtrArray   *errors,
                                    const char  *field,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (3, 4);
const char *l4a_field_errors_find  (GPtrArray   *errors,
                                    const char  *field);

gboolean   l4a_text_is_blank       (const char  *text);
gboolean   l4a_set_text_field      (GObject     *object,
                                    char       **field,
                                    const char  *text,
                                    GParamSpec  *pspec);

/* A text field of an editable record: its column (or NULL), its property,
 * where the record keeps it. Properties 1 to n of the record's class are
 * its text fields, in the order of its table. */
typedef struct
{
  const char *column;
  const char *property;
  gsize       offset;
} L4aTextField;

#define L4A_TEXT_FIELD(object, fields, i) G_STRUCT_MEMBER (char *, object, (fields)[i].offset)

void       l4a_text_fields_install (GParamSpec         **pspecs,
                                    const L4aTextField  *fields,
                                    guint                n_fields);
gboolean   l4a_text_fields_get     (GObject             *object,
                                    const L4aTextField  *fields,
                                    guint                n_fields,
                                    guint                prop_id,
                                    GValue              *value);
gboolean   l4a_text_fields_set     (GObject             *object,
                                    const L4aTextField  *fields,
                                    guint                n_fields,
                                    guint                prop_id,
                                    const GValue        *value,
                                    GParamSpec          *pspec);
void       l4a_text_fields_clear   (gpointer             object,
                                    const L4aTextField  *fields,
                                    guint                n_fields);
void       l4a_text_fields_copy    (gpointer             to,
                                    gconstpointer        from,
                                    const L4aTextField  *fields,
                                    guint                n_fields);

char      *l4a_fold_text           (const char  *text);
char      *l4a_sort_key            (const char  *text);

/* A GObject @TN whose properties are the texts of @fields, and nothing
 * else (the items of a proposal's lists, a decision). */
#define L4A_DEFINE_TEXT_RECORD(TN, t_n, fields)                                                         \
  static GParamSpec *t_n##_properties[G_N_ELEMENTS (fields) + 1];                                 \
  G_DEFINE_FINAL_TYPE (TN, t_n, G_TYPE_OBJECT)                                                    \
  static void                                                                                     \
  t_n##_finalize (GObject *object)                                                                \
  {                                                                                               \
    l4a_text_fields_clear (object, fields, G_N_ELEMENTS (fields));                               \
    G_OBJECT_CLASS (t_n##_parent_class)->finalize (object);                                      \
  }                                                                                               \
  static void                                                                                     \
  t_n##_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)           \
  {                                                                                               \
    if (!l4a_text_fields_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))            \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                                 \
  }                                                                                               \
  static void                                                                                     \
  t_n##_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)     \
  {                                                                                               \
    if (!l4a_text_fields_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))     \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                                 \
  }                                                                                               \
  static void                                                                                     \
  t_n##_class_init (TN##Class *klass)                                                             \
  {                                                                                               \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                                          \
                                                                                                  \
    object_class->finalize = t_n##_finalize;                                                      \
    object_class->get_property = t_n##_get_property;                                              \
    object_class->set_property = t_n##_set_property;                                              \
    l4a_text_fields_install (t_n##_properties, fields, G_N_ELEMENTS (fields));                   \
    g_object_class_install_properties (object_class, G_N_ELEMENTS (t_n##_properties),            \
                                       t_n##_properties);                                         \
  }                                                                                               \
  static void                                                                                     \
  t_n##_init (TN *self)                                                                           \
  {                                                                                               \
  }

G_END_DECLS
