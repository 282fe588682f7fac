/* l4a-types.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-types"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nettle/sha2.h>

#include "l4a-types.h"

static const struct {
  L4aRole     role;
  const char *nick;
  const char *label;
} roles[] = {
  { L4A_ROLE_SECRETARIAT, "secretariat", N_("World Secretariat") },
  { L4A_ROLE_MEMBER, "member", N_("Advisory Board member") },
  { L4A_ROLE_GOVERNMENT, "government", N_("Local government") },
};

const char *
l4a_role_to_string (L4aRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].nick;

  g_return_val_if_reached ("secretariat");
}

gboolean
l4a_role_from_string (const char *text,
                      L4aRole    *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (roles[i].nick, text))
      {
        *role = roles[i].role;
        return TRUE;
      }

  return FALSE;
}

const char *
l4a_role_get_label (L4aRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].label);

  g_return_val_if_reached (NULL);
}

/* Words of the domain ---------------------------------------------------------- */

/**
 * l4a_enum_to_nick:
 *
 * Returns: (transfer none) (nullable): the nick of @value of @enum_type,
 *   or %NULL when it has none
 */
const char *
l4a_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  found = g_enum_get_value (klass, value);
  /* the class lives as long as the type: its nicks stay */
  return found != NULL ? found->value_nick : NULL;
}

/**
 * l4a_enum_get_nicks:
 * @enum_type: one of the domain's enums (L4A_TYPE_HUB_STATUS, ...)
 *
 * Returns: (transfer none): the nicks of @enum_type in its order, as
 *   stored, %NULL-terminated; kept for the life of the program
 */
const char * const *
l4a_enum_get_nicks (GType enum_type)
{
  static GQuark quark;
  const char **nicks;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("l4a-enum-nicks");
  nicks = g_type_get_qdata (enum_type, quark);
  if (nicks == NULL)
    {
      GEnumClass *klass = g_type_class_ref (enum_type);

      /* the class, and with it the nicks, is never freed */
      nicks = g_new0 (const char *, klass->n_values + 1);
      for (guint i = 0; i < klass->n_values; i++)
        nicks[i] = klass->values[i].value_nick;
      g_type_set_qdata (enum_type, quark, nicks);
    }
  return nicks;
}

gboolean
l4a_enum_is_valid (GType       enum_type,
                   const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  return g_enum_get_value_by_nick (klass, nick) != NULL;
}

/**
 * l4a_enum_get_label:
 *
 * Returns: (transfer none): what users read for @nick, translated; @nick
 *   itself when @enum_type does not know it
 */
const char *
l4a_enum_get_label (GType       enum_type,
                    const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), nick);

  if (nick == NULL)
    return NULL;
  klass = g_type_class_ref (enum_type);
  if ((value = g_enum_get_value_by_nick (klass, nick)) == NULL)
    return nick;

  if (enum_type == L4A_TYPE_PROPOSAL_STATE)
    switch ((L4aProposalState) value->value)
      {
      case L4A_PROPOSAL_DRAFT: return C_("proposal state", "Draft");
      case L4A_PROPOSAL_SUBMITTED: return C_("proposal state", "Submitted");
      case L4A_PROPOSAL_UNDER_REVIEW: return C_("proposal state", "Under review");
      case L4A_PROPOSAL_DECIDED: return C_("proposal state", "Decided");
      case L4A_PROPOSAL_RELEASED: return C_("proposal state", "Released");
      case L4A_PROPOSAL_WITHDRAWN: return C_("proposal state", "Withdrawn");
      default: break;
      }
  else if (enum_type == L4A_TYPE_HUB_STATUS)
    switch ((L4aHubStatus) value->value)
      {
      case L4A_HUB_ACTIVE: return C_("hub status", "Active");
      case L4A_HUB_COMPLETED: return C_("hub status", "Completed");
      case L4A_HUB_WITHDRAWN: return C_("hub status", "Withdrawn");
      default: break;
      }
  else if (enum_type == L4A_TYPE_FORMAT)
    switch ((L4aFormat) value->value)
      {
      case L4A_FORMAT_IN_PERSON: return C_("hub format", "In person");
      case L4A_FORMAT_VIRTUAL: return C_("hub format", "Virtual");
      case L4A_FORMAT_HYBRID: return C_("hub format", "Hybrid");
      default: break;
      }
  else if (enum_type == L4A_TYPE_DELIVERABLE_STATUS)
    switch ((L4aDeliverableStatus) value->value)
      {
      case L4A_DELIVERABLE_PLANNED: return C_("deliverable status", "Planned");
      case L4A_DELIVERABLE_IN_PROGRESS: return C_("deliverable status", "In progress");
      case L4A_DELIVERABLE_DONE: return C_("deliverable status", "Done");
      case L4A_DELIVERABLE_LATE: return C_("deliverable status", "Late");
      case L4A_DELIVERABLE_DROPPED: return C_("deliverable status", "Dropped");
      default: break;
      }
  else if (enum_type == L4A_TYPE_ACTIVITY_KIND)
    switch ((L4aActivityKind) value->value)
      {
      case L4A_ACTIVITY_EVENT: return C_("activity kind", "Event");
      case L4A_ACTIVITY_PUBLICATION: return C_("activity kind", "Publication");
      case L4A_ACTIVITY_JOINT_PRODUCT: return C_("activity kind", "Joint product");
      case L4A_ACTIVITY_TRAINING: return C_("activity kind", "Training");
      case L4A_ACTIVITY_PEER_VISIT: return C_("activity kind", "Peer visit");
      default: break;
      }
  else if (enum_type == L4A_TYPE_LINK_REASON)
    switch ((L4aLinkReason) value->value)
      {
      case L4A_LINK_SHARED_TOPIC: return C_("link", "Shared topic");
      case L4A_LINK_JOINT_PRODUCT: return C_("link", "Joint product");
      case L4A_LINK_PEER_LEARNING: return C_("link", "Peer learning");
      default: break;
      }
  else if (enum_type == L4A_TYPE_NETWORK_EVENT_KIND)
    switch ((L4aNetworkEventKind) value->value)
      {
      case L4A_NETWORK_EVENT_FORUM: return C_("network event", "Forum");
      case L4A_NETWORK_EVENT_WORLD_COUNCIL: return C_("network event", "World Council");
      case L4A_NETWORK_EVENT_POLICY_COUNCIL: return C_("network event", "Policy Council meeting");
      case L4A_NETWORK_EVENT_OTHER: return C_("network event", "Other meeting");
      default: break;
      }
  else if (enum_type == L4A_TYPE_REVIEW_STATE)
    switch ((L4aReviewState) value->value)
      {
      case L4A_REVIEW_NOT_STARTED: return C_("review state", "To review");
      case L4A_REVIEW_DRAFT: return C_("review state", "Draft");
      case L4A_REVIEW_SUBMITTED: return C_("review state", "Submitted");
      case L4A_REVIEW_DECLINED: return C_("review state", "Declined");
      default: break;
      }
  else if (enum_type == L4A_TYPE_RECOMMENDATION)
    switch ((L4aRecommendation) value->value)
      {
      case L4A_RECOMMENDATION_GRANT: return C_("recommendation", "Grant the label");
      case L4A_RECOMMENDATION_REVISE: return C_("recommendation", "Revise and resubmit");
      case L4A_RECOMMENDATION_DECLINE: return C_("recommendation", "Decline");
      default: break;
      }
  else if (enum_type == L4A_TYPE_OUTCOME)
    switch ((L4aOutcome) value->value)
      {
      case L4A_OUTCOME_LABEL_GRANTED: return C_("decision", "Label granted");
      case L4A_OUTCOME_REVISE_RESUBMIT: return C_("decision", "Revise and resubmit");
      case L4A_OUTCOME_DECLINED: return C_("decision", "Declined");
      default: break;
      }
  else if (enum_type == L4A_TYPE_GOVERNMENT_KIND)
    switch ((L4aGovernmentKind) value->value)
      {
      case L4A_GOVERNMENT_CITY: return C_("government kind", "City or local government");
      case L4A_GOVERNMENT_REGION: return C_("government kind", "Region");
      case L4A_GOVERNMENT_ASSOCIATION: return C_("government kind", "Association of governments");
      default: break;
      }
  else if (enum_type == L4A_TYPE_CALL_STATUS)
    switch ((L4aCallStatus) value->value)
      {
      case L4A_CALL_DRAFT: return C_("call status", "Draft");
      case L4A_CALL_OPEN: return C_("call status", "Open");
      case L4A_CALL_CLOSED: return C_("call status", "Closed");
      case L4A_CALL_DECIDED: return C_("call status", "Decided");
      default: break;
      }
  else if (enum_type == L4A_TYPE_CONFIDENCE)
    switch ((L4aConfidence) value->value)
      {
      case L4A_CONFIDENCE_EXPERT: return C_("reviewer confidence", "Expert");
      case L4A_CONFIDENCE_KNOWLEDGEABLE: return C_("reviewer confidence", "Knowledgeable");
      case L4A_CONFIDENCE_OUTSIDER: return C_("reviewer confidence", "Informed outsider");
      default: break;
      }
  else if (enum_type == L4A_TYPE_NETWORK_LANGUAGE)
    switch ((L4aNetworkLanguage) value->value)
      {
      case L4A_LANGUAGE_EN: return C_("language", "English");
      case L4A_LANGUAGE_FR: return C_("language", "French");
      case L4A_LANGUAGE_ES: return C_("language", "Spanish");
      default: break;
      }
  else if (enum_type == L4A_TYPE_ROLE)
    return l4a_role_get_label ((L4aRole) value->value);

  return nick;
}

/**
 * l4a_sha256_hex:
 *
 * The SHA-256 of @data in 64 lowercase hexadecimal digits, as
 * g_compute_checksum_for_data() gives it, by Nettle, which uses the
 * processor's SHA instructions where it has them: an import hashes each
 * record and the whole bundle, 3–5 times faster so.
 *
 * Returns: (transfer full): the digest
 */
char *
l4a_sha256_hex (const void *data,
                gsize       length)
{
  static const char digits[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  sha256_init (&ctx);
  if (length > 0)
    sha256_update (&ctx, length, data);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';
  return hex;
}

/* Files the user names ------------------------------------------------------ */

static void
set_not_a_file (GError    **error,
                const char *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("“%s” is not a file."), name);
}

static void
set_too_large (GError    **error,
               const char *name,
               gsize       limit)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               /* translators: a file name, then a size limit in megabytes */
               _("“%s” is larger than %.0f MB."), name, limit / 1048576.0);
}

/**
 * l4a_read_file:
 * @limit: the most bytes the file may hold
 *
 * Reads a file the user named (a bundle, an attachment, a key), refusing
 * what is not a regular file before reading a byte of it: a pipe or a
 * device (`/dev/zero`) would be read for ever, the whole of memory
 * taken. The file is checked once opened (opening does not wait for a
 * pipe's writer), and one grown past @limit while read is refused too.
 *
 * The bytes are followed by a NUL, not counted, so that a text reads as a
 * string.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set: in
 *   %G_IO_ERROR_NOT_REGULAR_FILE, %G_IO_ERROR_MESSAGE_TOO_LARGE, or
 *   %G_FILE_ERROR for what the system refused
 */
GBytes *
l4a_read_file (const char  *path,
               gsize        limit,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0, size;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    goto failed;
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_basename (path);

      set_not_a_file (error, name);
      goto done;
    }

  /* refused by its size before it is read; read to one byte more than it
   * held, to see it grow past @limit while read */
  if (st.st_size < 0 || (guint64) st.st_size > limit)
    goto too_large;
  size = (gsize) st.st_size + 1;
  data = g_malloc (size + 1);
  while (length < size)
    {
      gssize n = read (fd, data + length, size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      length += (gsize) n;
      if (length == size && size <= limit)
        data = g_realloc (data, (size = MIN (size * 2, limit + 1)) + 1);
    }
  if (length > limit)
    goto too_large;
  close (fd);
  data[length] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), length);

too_large:
  {
    g_autofree char *name = g_filename_display_basename (path);

    set_too_large (error, name, limit);
    goto done;
  }

failed:
  {
    int saved = errno;
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 fd < 0 ? _("“%s” cannot be opened: %s") : _("“%s” cannot be read: %s"), name, g_strerror (saved));
  }
done:
  if (fd >= 0)
    close (fd);
  return NULL;
}

/**
 * l4a_read_gfile:
 *
 * As l4a_read_file(), for a file a file chooser gave (which has a path,
 * through the document portal in a sandbox; one without a path is read
 * through GIO, its type and size asked first).
 */
GBytes *
l4a_read_gfile (GFile   *file,
                gsize    limit,
                GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return l4a_read_file (path, limit, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_a_file (error, g_file_info_get_display_name (info));
      return NULL;
    }
  if (g_file_info_get_size (info) < 0 || (guint64) g_file_info_get_size (info) > limit)
    {
      set_too_large (error, g_file_info_get_display_name (info), limit);
      return NULL;
    }
  return g_file_load_bytes (file, NULL, NULL, error);
}
