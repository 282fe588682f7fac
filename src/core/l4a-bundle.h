/* l4a-bundle.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "l4a-keys.h"
#include "l4a-types.h"

G_BEGIN_DECLS

#define L4A_BUNDLE_FORMAT          "local4action-bundle"
#define L4A_BUNDLE_FORMAT_VERSION  1
#define L4A_SEALED_FORMAT          "local4action-sealed"
#define L4A_BUNDLE_MAX_SIZE        (256 * 1024 * 1024)  /* bytes in the file */
#define L4A_BUNDLE_MAX_DEPTH       32                   /* nesting of arrays and objects */
#define L4A_BUNDLE_MAX_STRING      (1024 * 1024)        /* characters in a text */
#define L4A_BUNDLE_MAX_DATA        (28 * 1024 * 1024)   /* base64 of one 20 MB attachment */
#define L4A_BUNDLE_MAX_RECORDS     500000               /* records of one type */
#define L4A_BUNDLE_MAX_VALUES      10000                /* values in one record */
#define L4A_BUNDLE_MAX_HEAD        1024                 /* values outside the records, roster and attachments */
#define L4A_BUNDLE_MAX_ROSTER      10000                /* keys in a roster */
#define L4A_SEALED_MAX_SIZE        (L4A_BUNDLE_MAX_SIZE / 3 * 4 + 65536)  /* a sealed bundle, in base64 */

#define L4A_BUNDLE_ERROR (l4a_bundle_error_quark ())

typedef enum
{
  L4A_BUNDLE_ERROR_TOO_LARGE,  /* a limit is passed */
  L4A_BUNDLE_ERROR_SYNTAX,     /* not JSON */
  L4A_BUNDLE_ERROR_FORMAT,     /* JSON, but not a bundle of this format */
  L4A_BUNDLE_ERROR_INTEGRITY,  /* checksum, signature or attachment hash mismatch */
  L4A_BUNDLE_ERROR_SEALED,     /* sealed for another workstation */
} L4aBundleError;

/* One list of a bundle read an element at a time: the records of one type,
 * the roster, or the attachments carried outside the records. */
typedef struct
{
  char     *name;
  gboolean  in_records;  /* records of the type @name, or a member of the bundle */
  gsize     start;       /* where its "[" stands in the text */
  gsize     end;         /* where its "]" stands */
  guint     length;      /* its elements */
} L4aBundleList;

typedef struct
{
  /* The bundle's text (the file, or the sealed bundle opened), kept whole;
   * the lists in it, in the order of the text; and the rest of the
   * bundle, parsed, with each list and the records left empty. A bundle
   * is never parsed whole: each record is parsed when it is read, so that
   * what a bundle costs in memory is its text and a few records. */
  GBytes   *text;
  GArray   *lists;       /* L4aBundleList */
  JsonNode *head;
  char     *kind;
  char     *bundle_id;
  char     *created_at;
  char     *origin_installation;
  char     *origin_role;
  char     *origin_actor;
  char     *for_id;      /* the member or government it is for, or NULL */
  guint     n_records;

  /* Who signed it: the public key whose signature over the bytes was
   * checked (NULL if unsigned), and, once l4a_trust_identify() has judged
   * that key against the roster, the role and the member or government it
   * stands for. The importer acts for these, never for "origin". */
  char     *signer_key;
  gboolean  identified;
  L4aRole   signer_role;
  char     *signer_actor;
  char     *sealed_for;  /* the key it was sealed for, or NULL */
  gboolean  builtin;     /* the application's own sample data, from its resources */
} L4aBundle;

GQuark      l4a_bundle_error_quark        (void);
const char * const *l4a_bundle_kinds      (void);
char       *l4a_bundle_canonical          (JsonNode    *node);
void        l4a_bundle_canonical_append   (GString     *out,
                                           JsonNode    *node);
void        l4a_canonical_append_string   (GString     *out,
                                           const char  *text);
void        l4a_canonical_append_int      (GString     *out,
                                           gint64       value);
void        l4a_canonical_append_double   (GString     *out,
                                           double       value);
char       *l4a_bundle_checksum           (JsonNode    *records);
gboolean    l4a_is_uuid                   (const char  *text);
gboolean    l4a_is_timestamp              (const char  *text);
L4aBundle  *l4a_bundle_parse              (const char  *data,
                                           gsize        length,
                                           GError     **error);
L4aBundle  *l4a_bundle_parse_for          (const char  *data,
                                           gsize        length,
                                           L4aKey      *reader,
                                           GError     **error);
L4aBundle  *l4a_bundle_load               (const char  *path,
                                           GError     **error);
L4aBundle  *l4a_bundle_open               (const char  *path,
                                           L4aKey      *reader,
                                           GError     **error);
char       *l4a_bundle_peek_sealed_for    (const char  *data,
                                           gsize        length);
void        l4a_bundle_sign               (GString     *out,
                                           L4aKey      *key);
GString    *l4a_bundle_seal               (const char  *data,
                                           gsize        length,
                                           const char  *public_key);
void        l4a_bundle_free               (L4aBundle   *bundle);
const L4aBundleList *l4a_bundle_get_list  (L4aBundle   *bundle,
                                           gboolean     in_records,
                                           const char  *name);
guint       l4a_bundle_get_n_records      (L4aBundle   *bundle,
                                           const char  *table);
GPtrArray  *l4a_bundle_dup_tables         (L4aBundle   *bundle);
JsonNode   *l4a_bundle_dup_list           (L4aBundle   *bundle,
                                           const char  *member,
                                           GError     **error);
JsonNode   *l4a_bundle_dup_root           (L4aBundle   *bundle,
                                           GError     **error);

/* Reads the elements of one list, one at a time. */
typedef struct
{
  /*< private >*/
  const char *p;
  const char *end;
  guint       index;
  gsize       last_length;
  JsonParser *parser;
  GString    *text;
} L4aBundleIter;

void        l4a_bundle_iter_init          (L4aBundleIter *iter,
                                           L4aBundle     *bundle,
                                           const L4aBundleList *list);
gboolean    l4a_bundle_iter_next          (L4aBundleIter *iter,
                                           JsonNode     **element,
                                           GError       **error);
gboolean    l4a_bundle_iter_skip          (L4aBundleIter *iter);
void        l4a_bundle_iter_clear         (L4aBundleIter *iter);

/* Reads the records of several types in a given order, a second thread
 * parsing ahead (and doing @work on each record) when the bundle is large
 * and the machine has two processors; never more than a few records
 * ahead. */
typedef struct _L4aBundleReader L4aBundleReader;

typedef gboolean (*L4aBundleWant) (const char *table,
                                   guint       position,
                                   gpointer    user_data);
typedef gpointer (*L4aBundleWork) (const char *table,
                                   guint       index,
                                   JsonNode   *record,
                                   gpointer    user_data);

L4aBundleReader *l4a_bundle_reader_new    (L4aBundle      *bundle,
                                           const char * const *tables,
                                           L4aBundleWant   want,
                                           L4aBundleWork   work,
                                           GDestroyNotify  free_result,
                                           gpointer        user_data);
gboolean    l4a_bundle_reader_next        (L4aBundleReader *reader,
                                           const char     **table,
                                           guint           *index,
                                           JsonNode       **record,
                                           gpointer        *result,
                                           GError         **error);
void        l4a_bundle_reader_recycle_in_thread (L4aBundleReader *reader);
void        l4a_bundle_reader_recycle     (L4aBundleReader *reader);
void        l4a_bundle_reader_free        (L4aBundleReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aBundle, l4a_bundle_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (L4aBundleIter, l4a_bundle_iter_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (L4aBundleReader, l4a_bundle_reader_free)

G_END_DECLS

#include "l4a-store.h"

G_BEGIN_DECLS

typedef enum
{
  L4A_BUNDLE_FOR_NONE,        /* the kind is not addressed to anyone */
  L4A_BUNDLE_FOR_MEMBER,      /* the kind is for one board member */
  L4A_BUNDLE_FOR_GOVERNMENT,  /* the kind may be for one government */
} L4aBundleFor;

const char * const *l4a_bundle_kinds_for_role (L4aRole      role);
const char  *l4a_bundle_kind_get_label        (const char  *kind);
const char  *l4a_bundle_kind_get_description  (const char  *kind);
gboolean     l4a_bundle_kind_carries          (const char  *kind,
                                               const char  *table);
L4aRole      l4a_bundle_kind_get_role         (const char  *kind);
L4aBundleFor l4a_bundle_kind_get_for          (const char  *kind,
                                               gboolean    *required);
char        *l4a_bundle_recipient_contact     (L4aStore    *store,
                                               const char  *kind,
                                               const char  *recipient);
char        *l4a_bundle_suggest_name          (L4aStore    *store,
                                               const char  *kind,
                                               const char  *for_id);
gboolean     l4a_bundle_export                (L4aStore     *store,
                                               const char   *kind,
                                               const char   *for_id,
                                               const char   *path,
                                               GCancellable *cancellable,
                                               guint        *n_records,
                                               GError      **error);

G_END_DECLS
