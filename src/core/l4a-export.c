/* l4a-export.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing bundles. Each kind is a fixed list of selections, one per table,
 * written here in SQL so that what leaves the workstation can be read in
 * one place: nothing outside these conditions goes into a bundle, and the
 * left-out columns (internal notes, links to records the recipient cannot
 * have) are emptied before the records are written.
 */

#define G_LOG_DOMAIN "l4a-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "l4a-bundle.h"
#include "l4a-records.h"
#include "l4a-store-private.h"
#include "l4a-trust.h"
#include "l4a-types.h"

typedef struct
{
  const char *table;
  const char *where;          /* ?1 is the member or government the bundle is for */
  const char *blank[3];
} Selection;

typedef struct
{
  const char      *kind;
  const char      *label;
  const char      *description;
  L4aRole          role;      /* who writes it */
  L4aBundleFor     for_whom;
  gboolean         for_required;
  const Selection *selections;
} KindInfo;

/* A local government's own proposals that it may still send. */
#define OWN_PROPOSALS "SELECT id FROM proposal WHERE government_id = ?1 AND state IN ('draft', 'submitted')"

static const Selection submission[] = {
  /* answers to the questions sent about its proposals, whatever their state */
  { "clarification", "status = 'answered' AND proposal_id IN (SELECT id FROM proposal WHERE government_id = ?1)" },
  { "government", "id = ?1 OR id IN (SELECT government_id FROM partner WHERE proposal_id IN (" OWN_PROPOSALS "))" },
  { "attachment", "sha256 IN (SELECT sha256 FROM proposal_attachment WHERE proposal_id IN (" OWN_PROPOSALS "))" },
  { "proposal", "id IN (" OWN_PROPOSALS ")" },
  { "proposal_version", "proposal_id IN (" OWN_PROPOSALS ")" },
  { "proposal_attachment", "proposal_id IN (" OWN_PROPOSALS ")" },
  { "partner", "proposal_id IN (" OWN_PROPOSALS ")" },
  { "deliverable", "proposal_id IN (" OWN_PROPOSALS ")" },
  { "indicator", "proposal_id IN (" OWN_PROPOSALS ")" },
  { NULL }
};

#define OWN_HUBS "SELECT id FROM hub WHERE government_id = ?1"

#define OWN_CHANGES \
  "SELECT id FROM deliverable_change WHERE deliverable_id IN (SELECT id FROM deliverable WHERE hub_id IN (" OWN_HUBS "))"

#define OWN_ACTIVITIES "SELECT id FROM activity WHERE hub_id IN (" OWN_HUBS ")"

static const Selection monitoring[] = {
  { "attachment", "sha256 IN (SELECT evidence_sha256 FROM deliverable_change WHERE id IN (" OWN_CHANGES ")) "
                  "OR sha256 IN (SELECT sha256 FROM activity_attachment WHERE activity_id IN (" OWN_ACTIVITIES "))" },
  { "activity", "hub_id IN (" OWN_HUBS ")" },
  { "activity_attachment", "activity_id IN (" OWN_ACTIVITIES ")" },
  { "deliverable", "hub_id IN (" OWN_HUBS ")" },
  { "deliverable_change", "id IN (" OWN_CHANGES ")" },
  { "progress_report", "hub_id IN (" OWN_HUBS ")" },
  { "hub_link", "hub_id IN (" OWN_HUBS ") OR other_id IN (" OWN_HUBS ")" },
  { "indicator", "hub_id IN (" OWN_HUBS ")" },
  { "measurement", "indicator_id IN (SELECT id FROM indicator WHERE hub_id IN (" OWN_HUBS "))" },
  { NULL }
};

/* The proposals assigned to a member, less any they are in conflict with. */
#define PACKET_PROPOSALS \
  "SELECT proposal_id FROM assignment WHERE member_id = ?1 " \
  "EXCEPT SELECT proposal_id FROM member_conflict WHERE member_id = ?1"

static const Selection review_packet[] = {
  { "government", "id IN (SELECT government_id FROM proposal WHERE id IN (" PACKET_PROPOSALS ")) "
                  "OR id IN (SELECT government_id FROM partner WHERE proposal_id IN (" PACKET_PROPOSALS ")) "
                  "OR id = (SELECT government_id FROM member WHERE id = ?1)" },
  { "call", "id IN (SELECT call_id FROM proposal WHERE id IN (" PACKET_PROPOSALS "))" },
  { "criterion", "call_id IN (SELECT call_id FROM proposal WHERE id IN (" PACKET_PROPOSALS "))" },
  { "attachment", "sha256 IN (SELECT sha256 FROM proposal_attachment WHERE proposal_id IN (" PACKET_PROPOSALS "))" },
  { "proposal", "id IN (" PACKET_PROPOSALS ")" },
  { "proposal_version", "proposal_id IN (" PACKET_PROPOSALS ")" },
  { "proposal_attachment", "proposal_id IN (" PACKET_PROPOSALS ")" },
  { "partner", "proposal_id IN (" PACKET_PROPOSALS ")" },
  { "deliverable", "proposal_id IN (" PACKET_PROPOSALS ")" },
  { "indicator", "proposal_id IN (" PACKET_PROPOSALS ")" },
  { "member", "id = ?1" },
  { "assignment", "member_id = ?1 AND proposal_id IN (" PACKET_PROPOSALS ")" },
  { "review", "member_id = ?1 AND proposal_id IN (" PACKET_PROPOSALS ")" },
  /* the questions sent and their answers, never who suggested them */
  { "clarification", "status IN ('sent', 'answered') AND proposal_id IN (" PACKET_PROPOSALS ")" },
  { "meta_review", "member_id = ?1 AND proposal_id IN (" PACKET_PROPOSALS ")" },
  { NULL }
};

static const Selection reviews[] = {
  /* the member, with what they declare they can review */
  { "member", "id = ?1" },
  /* the assignments the member declined, with their reasons */
  { "assignment", "member_id = ?1 AND declined_at IS NOT NULL" },
  { "review", "member_id = ?1 AND submitted_at IS NOT NULL "
              "AND proposal_id IN (SELECT proposal_id FROM assignment WHERE member_id = ?1)" },
  { "clarification", "status = 'suggested' AND asked_by = ?1 "
                     "AND proposal_id IN (SELECT proposal_id FROM assignment WHERE member_id = ?1)" },
  { "meta_review", "member_id = ?1 AND submitted_at IS NOT NULL" },
  { NULL }
};

/* Released decisions, for one government or for all. */
#define RELEASED_PROPOSALS \
  "SELECT d.proposal_id FROM decision d JOIN proposal p ON p.id = d.proposal_id " \
  "WHERE d.released_at IS NOT NULL AND (?1 IS NULL OR p.government_id = ?1)"

static const Selection decisions[] = {
  { "government", "id IN (SELECT government_id FROM proposal WHERE id IN (" RELEASED_PROPOSALS "))" },
  { "call", "id IN (SELECT call_id FROM proposal WHERE id IN (" RELEASED_PROPOSALS "))" },
  /* and, for one government, its proposals the Board is reviewing: it
   * sees they are under review, and its questions have their proposal */
  { "proposal", "id IN (" RELEASED_PROPOSALS ") "
                "OR (?1 IS NOT NULL AND government_id = ?1 AND state = 'under-review')" },
  { "decision", "released_at IS NOT NULL AND proposal_id IN (" RELEASED_PROPOSALS ")", { "internal_notes" } },
  /* questions sent to one government about its proposals, before the decision */
  { "clarification", "?1 IS NOT NULL AND status IN ('sent', 'answered') "
                     "AND proposal_id IN (SELECT id FROM proposal WHERE government_id = ?1)" },
  { NULL }
};

static const Selection registry[] = {
  { "government", NULL },
  { "call", "status <> 'draft'" },
  { "criterion", "call_id IN (SELECT id FROM call WHERE status <> 'draft')" },
  { "attachment", "sha256 IN (SELECT sha256 FROM brand_asset) "
                  "OR sha256 IN (SELECT evidence_sha256 FROM deliverable_change) "
                  "OR sha256 IN (SELECT sha256 FROM activity_attachment)" },
  /* the source proposal stays with the secretariat */
  { "hub", NULL, { "proposal_id" } },
  { "activity", NULL },
  { "activity_attachment", NULL },
  { "partner", "hub_id IS NOT NULL" },
  { "deliverable", "hub_id IS NOT NULL" },
  { "deliverable_change", NULL },
  { "indicator", "hub_id IS NOT NULL" },
  { "measurement", "indicator_id IN (SELECT id FROM indicator WHERE hub_id IS NOT NULL)" },
  { "network_event", NULL },
  { "reporting_schedule", NULL },
  { "progress_report", NULL },
  { "hub_link", NULL },
  { "brand_asset", NULL },
  { "brand_colour", NULL },
  { NULL }
};

/* an enrolment request carries no records, only its key (l4a-trust.c) */
static const Selection nothing[] = {
  { NULL }
};

static const KindInfo kind_infos[] = {
  { "submission", N_("Submission"), N_("Your proposals in draft or submitted, and your answers to the Board’s questions, for the World Secretariat"),
    L4A_ROLE_GOVERNMENT, L4A_BUNDLE_FOR_NONE, FALSE, submission },
  { "monitoring", N_("Monitoring"), N_("Indicators, measurements, activities and deliverables of your hubs, with the history of each deliverable"),
    L4A_ROLE_GOVERNMENT, L4A_BUNDLE_FOR_NONE, FALSE, monitoring },
  { "reviews", N_("Reviews"), N_("Your submitted reviews and meta-reviews, the questions you suggest and the assignments you declined, for the World Secretariat"),
    L4A_ROLE_MEMBER, L4A_BUNDLE_FOR_NONE, FALSE, reviews },
  { "review-packet", N_("Review packet"), N_("A board member’s assigned proposals, without those they are in conflict with"),
    L4A_ROLE_SECRETARIAT, L4A_BUNDLE_FOR_MEMBER, TRUE, review_packet },
  { "decisions", N_("Released decisions"), N_("Released decisions, without internal notes, for one government or all; for one government, the Board’s questions too"),
    L4A_ROLE_SECRETARIAT, L4A_BUNDLE_FOR_GOVERNMENT, FALSE, decisions },
  { "registry", N_("Registry"), N_("Governments, open and past calls, hubs with their indicators and activities, network meetings, and the brand kit"),
    L4A_ROLE_SECRETARIAT, L4A_BUNDLE_FOR_NONE, FALSE, registry },
  { "full", N_("Full backup"), N_("Everything in this database, confidential records included"),
    L4A_ROLE_SECRETARIAT, L4A_BUNDLE_FOR_NONE, FALSE, NULL },
  { "enrolment", N_("Enrolment request"), N_("This workstation’s key, for the World Secretariat to approve"),
    L4A_ROLE_GOVERNMENT, L4A_BUNDLE_FOR_NONE, FALSE, nothing },
  { "enrolment", N_("Enrolment request"), N_("This workstation’s key, for the World Secretariat to approve"),
    L4A_ROLE_MEMBER, L4A_BUNDLE_FOR_NONE, FALSE, nothing },
};

/* The kinds that carry the roster of keys: those the secretariat writes. */
static gboolean
carries_roster (const char *kind)
{
  return g_strv_contains ((const char *[]) { "review-packet", "decisions", "registry", "full", NULL }, kind);
}

static const KindInfo *
kind_info (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_infos); i++)
    if (g_strcmp0 (kind_infos[i].kind, kind) == 0)
      return &kind_infos[i];
  return NULL;
}

/**
 * l4a_bundle_kinds_for_role:
 *
 * Returns: (transfer none): the kinds a workstation of @role writes,
 *   %NULL-terminated
 */
const char * const *
l4a_bundle_kinds_for_role (L4aRole role)
{
  static const char *by_role[3][G_N_ELEMENTS (kind_infos) + 1];
  const char **list;
  guint n = 0;

  g_return_val_if_fail (role <= L4A_ROLE_GOVERNMENT, NULL);

  list = by_role[role];
  if (list[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kind_infos); i++)
      if (kind_infos[i].role == role)
        list[n++] = kind_infos[i].kind;
  return list;
}

const char *
l4a_bundle_kind_get_label (const char *kind)
{
  const KindInfo *info = kind_info (kind);

  return info ? _(info->label) : kind;
}

const char *
l4a_bundle_kind_get_description (const char *kind)
{
  const KindInfo *info = kind_info (kind);

  return info ? _(info->description) : "";
}

/**
 * l4a_bundle_kind_carries:
 *
 * Returns: whether a bundle of @kind may carry records of @table
 */
gboolean
l4a_bundle_kind_carries (const char *kind,
                         const char *table)
{
  const KindInfo *info = kind_info (kind);

  if (info == NULL)
    return FALSE;
  if (info->selections == NULL)
    return TRUE;
  for (const Selection *s = info->selections; s->table != NULL; s++)
    if (g_str_equal (s->table, table))
      return TRUE;
  return FALSE;
}

/**
 * l4a_bundle_kind_get_role:
 *
 * Returns: the role of the workstations that write bundles of @kind
 */
L4aRole
l4a_bundle_kind_get_role (const char *kind)
{
  const KindInfo *info = kind_info (kind);

  return info ? info->role : L4A_ROLE_SECRETARIAT;
}

L4aBundleFor
l4a_bundle_kind_get_for (const char *kind,
                         gboolean   *required)
{
  const KindInfo *info = kind_info (kind);

  if (required != NULL)
    *required = info ? info->for_required : FALSE;
  return info ? info->for_whom : L4A_BUNDLE_FOR_NONE;
}

static char *
name_of (L4aStore   *store,
         const char *table,
         const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?1", table);

  return l4a_store_lookup_text (store, sql, id);
}

/* Who the bundle is for, or who writes it when it is addressed to no one
 * but written by a member or a government. */
static const char *
subject_of (L4aStore       *store,
            const KindInfo *info,
            const char     *for_id)
{
  if (info->for_whom != L4A_BUNDLE_FOR_NONE)
    return for_id;
  if (info->role != L4A_ROLE_SECRETARIAT)
    return l4a_store_get_identity (store);
  return NULL;
}

/**
 * l4a_bundle_suggest_name:
 *
 * Returns: (transfer full): a file name such as
 *   submission-soria-2026-11-21.l4a.json
 */
char *
l4a_bundle_suggest_name (L4aStore   *store,
                         const char *kind,
                         const char *for_id)
{
  const KindInfo *info = kind_info (kind);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(GString) slug = g_string_new (NULL);
  const char *subject;

  g_return_val_if_fail (info != NULL, NULL);

  subject = subject_of (store, info, for_id);
  if (subject != NULL)
    {
      gboolean member = info->for_whom == L4A_BUNDLE_FOR_MEMBER || info->role == L4A_ROLE_MEMBER;

      name = name_of (store, member ? "member" : "government", subject);
    }
  if (name != NULL)
    {
      g_autofree char *ascii = g_str_to_ascii (name, NULL);

      for (const char *p = ascii; *p; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (slug, g_ascii_tolower (*p));
        else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
          g_string_append_c (slug, '-');
      while (slug->len > 0 && slug->str[slug->len - 1] == '-')
        g_string_truncate (slug, slug->len - 1);
    }

  if (slug->len > 0)
    return g_strdup_printf ("%s-%s-%s.l4a.json", kind, slug->str, date);
  return g_strdup_printf ("%s-%s.l4a.json", kind, date);
}

static gboolean
check_allowed (L4aStore       *store,
               const KindInfo *info,
               const char     *kind,
               const char     *for_id,
               GError        **error)
{
  L4aRole role = l4a_store_get_role (store);
  const char *identity = l4a_store_get_identity (store);

  if (info == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("There is no kind of bundle named “%s”."), kind);
      return FALSE;
    }
  if (g_str_equal (kind, "enrolment") && role == L4A_ROLE_SECRETARIAT)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("Only a board member’s or a local government’s workstation asks to be enrolled; choose "
                             "who you are in Preferences first."));
      return FALSE;
    }
  if (info->role != role && !g_str_equal (kind, "enrolment"))
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                   /* translators: a kind of bundle, then two roles */
                   _("“%s” bundles are written on a workstation of the role “%s”; this one acts as “%s”."),
                   _(info->label), l4a_role_get_label (info->role), l4a_role_get_label (role));
      return FALSE;
    }
  if (info->role != L4A_ROLE_SECRETARIAT && (identity == NULL || *identity == '\0'))
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("Choose who you are in Preferences before writing a bundle."));
      return FALSE;
    }
  /* who the workstation acts as is someone this database knows: a bundle
   * is never written in the name of nobody (an enrolment request asks to
   * be known, and is the exception) */
  if (info->role != L4A_ROLE_SECRETARIAT && !g_str_equal (kind, "enrolment"))
    {
      g_autofree char *self_name = name_of (store, role == L4A_ROLE_MEMBER ? "member" : "government", identity);

      if (self_name == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                       role == L4A_ROLE_MEMBER
                       ? _("This workstation acts as the board member “%s”, who is not in this database: choose "
                           "who you are in Preferences.")
                       : _("This workstation acts as the government “%s”, which is not in this database: choose "
                           "who you are in Preferences."),
                       identity);
          return FALSE;
        }
    }
  if (info->for_whom == L4A_BUNDLE_FOR_NONE && for_id != NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("A “%s” bundle is not addressed to anyone: leave out the recipient."), _(info->label));
      return FALSE;
    }
  if (info->for_required && for_id == NULL)
    {
      g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                   _("A “%s” bundle is for one board member: name the member."), _(info->label));
      return FALSE;
    }
  if (for_id != NULL)
    {
      const char *table = info->for_whom == L4A_BUNDLE_FOR_MEMBER ? "member" : "government";
      g_autofree char *name = name_of (store, table, for_id);

      if (name == NULL)
        {
          g_set_error (error, L4A_STORE_ERROR, L4A_STORE_ERROR_NOT_FOUND,
                       info->for_whom == L4A_BUNDLE_FOR_MEMBER ? _("There is no board member “%s”.")
                                                               : _("There is no government “%s”."),
                       for_id);
          return FALSE;
        }
    }
  return TRUE;
}

static int
compare_selections (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const Selection *) a)->table, ((const Selection *) b)->table);
}

/* Appends the "records" object in its canonical serialization: the tables
 * in byte order, each a list of records straight from SQLite. */
static gboolean
add_records (L4aStore        *store,
             const KindInfo  *info,
             const char      *subject,
             GString         *out,
             GCancellable    *cancellable,
             guint           *count,
             GError         **error)
{
  const char * const *tables = l4a_records_table_names ();
  g_autoptr(GArray) selections = g_array_new (FALSE, FALSE, sizeof (Selection));

  if (info->selections == NULL)
    {
      for (guint i = 0; tables[i] != NULL; i++)
        {
          Selection all = { tables[i], NULL, { NULL } };

          /* related hubs travel inside each hub record */
          if (!g_str_equal (tables[i], "hub_relation"))
            g_array_append_val (selections, all);
        }
    }
  else
    for (const Selection *s = info->selections; s->table != NULL; s++)
      g_array_append_val (selections, *s);
  g_array_sort (selections, compare_selections);

  g_string_append_c (out, '{');
  for (guint i = 0; i < selections->len; i++)
    {
      const Selection *s = &g_array_index (selections, Selection, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (i > 0)
        g_string_append_c (out, ',');
      l4a_canonical_append_string (out, s->table);
      g_string_append_c (out, ':');
      if (!l4a_records_append_canonical (store, s->table, s->where, info->selections ? subject : NULL,
                                         s->blank[0] ? s->blank : NULL, out, count, error))
        return FALSE;
    }
  g_string_append_c (out, '}');
  return TRUE;
}

/**
 * l4a_bundle_export:
 * @kind: the kind of bundle
 * @for_id: (nullable): the member or government the bundle is for, where
 *   the kind is addressed to someone
 * @n_records: (out) (optional): how many records it holds
 *
 * Writes a bundle of what the kind and the workstation's role allow. The
 * records are read in one read transaction, so that the bundle is one
 * consistent picture. The file is written beside its final name, synced
 * and renamed, so that a crash or a full disk never leaves a truncated
 * bundle under that name.
 */
gboolean
l4a_bundle_export (L4aStore     *store,
                   const char   *kind,
                   const char   *for_id,
                   const char   *path,
                   GCancellable *cancellable,
                   guint        *n_records,
                   GError      **error)
{
  const KindInfo *info = kind_info (kind);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GString) out = NULL;
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *bundle_id = g_uuid_string_random ();
  g_autofree char *checksum = NULL;
  g_autofree char *header = NULL;
  g_autofree char *reader = NULL;
  L4aKey *key = NULL;
  const char *actor;
  JsonObject *object, *origin;
  gsize start;
  guint count = 0;
  gboolean read_ok;

  g_return_val_if_fail (L4A_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_allowed (store, info, kind, for_id, error))
    return FALSE;
  /* who signs it, and for whom it is sealed */
  if (!l4a_trust_prepare_export (store, error) || (key = l4a_store_get_key (store, error)) == NULL ||
      !l4a_trust_recipient_key (store, kind, for_id, &reader, error))
    return FALSE;

  /* Everything but the records and their checksum, as JSON; the records
   * are then written after it in their canonical serialization, so that
   * the checksum is taken over the very text the file carries. */
  actor = l4a_store_get_identity (store);
  object = json_object_new ();
  json_object_set_string_member (object, "format", L4A_BUNDLE_FORMAT);
  json_object_set_int_member (object, "format_version", L4A_BUNDLE_FORMAT_VERSION);
  json_object_set_string_member (object, "kind", kind);
  json_object_set_string_member (object, "bundle_id", bundle_id);
  json_object_set_string_member (object, "created_at", created);
  origin = json_object_new ();
  json_object_set_string_member (origin, "installation", l4a_store_get_installation_id (store));
  json_object_set_string_member (origin, "role", l4a_role_to_string (l4a_store_get_role (store)));
  json_object_set_string_member (origin, "actor", actor != NULL && *actor != '\0' ? actor : "secretariat");
  json_object_set_object_member (object, "origin", origin);
  if (for_id != NULL)
    json_object_set_string_member (object, "for", for_id);
  if (g_str_equal (kind, "enrolment"))
    {
      JsonNode *enrolment = l4a_trust_enrolment_node (store, error);

      if (enrolment == NULL)
        {
          json_object_unref (object);
          return FALSE;
        }
      json_object_set_member (object, "enrolment", enrolment);
    }
  if (carries_roster (kind))
    {
      JsonNode *roster = l4a_trust_roster_node (store, error);

      if (roster == NULL)
        {
          json_object_unref (object);
          return FALSE;
        }
      json_object_set_member (object, "roster", roster);
    }
  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  header = json_generator_to_data (generator, NULL);
  g_assert (g_str_has_suffix (header, "}"));

  out = g_string_sized_new (1 << 20);
  g_string_append_len (out, header, (gssize) strlen (header) - 1);
  g_string_append (out, ",\"records\":");
  start = out->len;

  if (!l4a_store_exec (store, "BEGIN", error))
    return FALSE;
  read_ok = add_records (store, info, subject_of (store, info, for_id), out, cancellable, &count, error);
  l4a_store_exec (store, "COMMIT", NULL);
  if (!read_ok)
    return FALSE;

  checksum = l4a_sha256_hex (out->str + start, out->len - start);
  g_string_append_printf (out, ",\"checksum\":\"%s\"", checksum);
  l4a_bundle_sign (out, key);
  if (reader != NULL)
    {
      GString *sealed = l4a_bundle_seal (out->str, out->len, reader);

      if (sealed == NULL)
        {
          g_set_error_literal (error, L4A_TRUST_ERROR, L4A_TRUST_ERROR_NO_KEY,
                               _("The reader’s key cannot receive sealed bundles."));
          return FALSE;
        }
      g_string_free (out, TRUE);
      out = sealed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!g_file_set_contents_full (path, out->str, (gssize) out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, error))
    return FALSE;

  /* the government's submitted proposals are sent, as they are now */
  if (g_str_equal (kind, "submission") &&
      !(l4a_store_begin (store, error) &&
        l4a_store_end (store, l4a_records_run (store, "INSERT OR REPLACE INTO sent_proposal (proposal_id, revision, "
                                                     "  sent_at) SELECT id, revision, strftime ('%Y-%m-%dT%H:%M:%SZ') "
                                                     "FROM proposal WHERE government_id = ?1 AND state = 'submitted'",
                                               actor, error), error)))
    return FALSE;

  if (n_records != NULL)
    *n_records = count;
  return TRUE;
}

/**
 * l4a_bundle_recipient_contact:
 * @recipient: (nullable): the member or government a bundle of @kind is for
 *
 * Returns: (transfer full) (nullable): where to mail the bundle: the
 *   member's or the government's contact, or %NULL when there is none
 */
char *
l4a_bundle_recipient_contact (L4aStore   *store,
                              const char *kind,
                              const char *recipient)
{
  g_autofree char *contact = NULL;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);

  if (recipient == NULL || kind == NULL)
    return NULL;
  switch (l4a_bundle_kind_get_for (kind, NULL))
    {
    case L4A_BUNDLE_FOR_MEMBER:
      contact = l4a_store_lookup_text (store, "SELECT contact FROM member WHERE id = ?1", recipient);
      break;
    case L4A_BUNDLE_FOR_GOVERNMENT:
      contact = l4a_store_lookup_text (store, "SELECT contact FROM government WHERE id = ?1", recipient);
      break;
    case L4A_BUNDLE_FOR_NONE:
    default:
      return NULL;
    }
  return contact != NULL && *g_strstrip (contact) != '\0' ? g_steal_pointer (&contact) : NULL;
}
