/* l4a-records.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-store.h"

G_BEGIN_DECLS

gboolean l4a_records_insert (L4aStore    *store,
                             JsonObject  *records,
                             gboolean     sample,
                             const char  *source,
                             GHashTable  *counts,
                             GError     **error);

gboolean l4a_records_dump   (L4aStore    *store,
                             const char  *table,
                             const char  *column,
                             const char  *value,
                             JsonBuilder *builder,
                             GError     **error);

gboolean l4a_records_append_canonical (L4aStore           *store,
                                       const char         *table,
                                       const char         *where,
                                       const char         *value,
                                       const char * const *blank,
                                       GString            *out,
                                       guint              *n_rows,
                                       GError            **error);

const char * const *l4a_records_table_names (void);
gboolean    l4a_records_is_bookkeeping (const char *column);
gboolean    l4a_records_is_link_set    (const char *member);
void        l4a_records_key      (const char   *table,
                                  const char  **column,
                                  const char  **second);
char       *l4a_records_describe (const char   *table,
                                  JsonObject   *object,
                                  guint         index);
const char *l4a_records_label    (const char   *table);
gboolean    l4a_records_run      (L4aStore     *store,
                                  const char   *sql,
                                  const char   *value,
                                  GError      **error);

typedef struct _L4aRecordWriter L4aRecordWriter;

L4aRecordWriter *l4a_record_writer_new    (L4aStore         *store,
                                           gboolean          sample,
                                           const char       *source);
gboolean         l4a_record_writer_put    (L4aRecordWriter  *self,
                                           const char       *table,
                                           JsonObject       *object,
                                           guint             index,
                                           gboolean          update,
                                           GError          **error);
void             l4a_record_writer_derive_bookkeeping (L4aRecordWriter *self,
                                                       const char      *installation);
void             l4a_record_writer_set_trial (L4aRecordWriter *self,
                                              gboolean         trial);
gboolean         l4a_records_is_searchable (const char      *table);
gboolean         l4a_record_writer_expect (L4aRecordWriter  *self,
                                           guint             n_searchable,
                                           GError          **error);
gboolean         l4a_record_writer_finish (L4aRecordWriter  *self,
                                           GError          **error);
gboolean         l4a_record_writer_holds_records (L4aRecordWriter *self);
void             l4a_record_writer_free   (L4aRecordWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aRecordWriter, l4a_record_writer_free)

gboolean    l4a_records_is_table     (const char *table);
const char *l4a_records_title_column (const char *table);

G_END_DECLS
