/* l4a-bundle.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles come from other organisations and are treated as untrusted:
 * size and nesting are checked before parsing (json-glib recurses on
 * nesting), then the header, every string's length, the number of
 * records, the checksum over the canonical records, and the hash and size
 * of every attachment. Nothing here touches a database.
 *
 * The canonical serialization (see docs/bundle-format.md): objects with
 * their members sorted by name (byte order of UTF-8), no whitespace,
 * strings with only `"`, `\` and control characters escaped (as \uXXXX,
 * lower-case hex), integers in decimal, other numbers as C's "%.17g",
 * true, false and null as such.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "l4a-bundle.h"
#include "l4a-records.h"
#include "l4a-types.h"

G_DEFINE_QUARK (l4a-bundle-error-quark, l4a_bundle_error)

static const char * const kinds[] = {
  "submission", "review-packet", "reviews", "decisions", "registry", "monitoring", "full", "enrolment", NULL
};

const char * const *
l4a_bundle_kinds (void)
{
  return kinds;
}

/* Where a large bundle may be cut in two for two parsers: the longest
 * list three levels down (the records of one type) and the commas between
 * its elements; and how many members the objects of the first two levels
 * have, to tell whether a parser saw every one of them. */
typedef struct
{
  gboolean  possible;       /* no text outside strings that JSON lacks */
  guint     n_lists;        /* lists opened three levels down */
  guint     list_index;     /* which of them is the longest */
  gsize     list_close;
  GArray   *commas;         /* of the longest (gsize) */
  GArray   *current;        /* of the one open */
  guint     current_index;
  guint     members[3];     /* colons at levels 1 and 2 */
} SplitPoints;

/* The strict reading of RFC 8259 that every bundle must pass before any
 * parser sees it: json-glib's parser also takes single quotes, comments,
 * hexadecimal numbers, a member given twice (the last one wins) and text
 * after the value, and decodes escapes that make no valid text. A bundle
 * is read one way only, so each of these is refused here, with where.
 * The same walk checks the size and the nesting (json-glib recurses on
 * it) and notes, with @split, where a large text may be cut for two
 * parsers. */

typedef struct
{
  const char *p;        /* within a string, at most as long as the text */
  gsize       length;
  char       *decoded;  /* a name with escapes, decoded; or NULL */
} Name;

typedef struct
{
  const char   *start;
  const char   *p;
  const char   *end;
  guint         depth;
  SplitPoints  *split;
  GArray       *names[L4A_BUNDLE_MAX_DEPTH + 1];  /* of each open object: Name */
  GError      **error;
} Strict;

static gboolean
strict_fail (Strict     *st,
             const char *at,
             const char *what)
{
  guint line = 1, column = 1;

  for (const char *q = st->start; q < at && q < st->end; q++)
    if (*q == '\n')
      line++, column = 1;
    else if (((guchar) *q & 0xc0) != 0x80)
      column++;
  g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX,
               /* translators: the numbers say where in the file; the last %s says what is wrong */
               _("The bundle is not valid JSON: at line %u, column %u, %s."), line, column, what);
  return FALSE;
}

static inline void
strict_skip_space (Strict *st)
{
  while (st->p < st->end && (*st->p == ' ' || *st->p == '\t' || *st->p == '\n' || *st->p == '\r'))
    st->p++;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Strict   *st,
           const char *at,
           gunichar *code)
{
  *code = 0;
  if (st->end - at < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int v = hex_value (at[i]);

      if (v < 0)
        return FALSE;
      *code = (*code << 4) | (gunichar) v;
    }
  return TRUE;
}

/* A string, from its opening quote; @escapes says whether it had any. */
static gboolean
strict_string (Strict   *st,
               gboolean *escapes)
{
  const char *open = st->p++;

  *escapes = FALSE;
  while (st->p < st->end)
    {
      guchar c = (guchar) *st->p;

      if (c == '"')
        {
          st->p++;
          return TRUE;
        }
      if (c < 0x20)
        return strict_fail (st, st->p, _("a control character stands unescaped in a text"));
      if (c != '\\')
        {
          st->p++;
          continue;
        }
      *escapes = TRUE;
      if (st->p + 1 >= st->end)
        break;
      switch (st->p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          st->p += 2;
          break;
        case 'u':
          {
            gunichar code, low;

            if (!read_hex4 (st, st->p + 2, &code))
              return strict_fail (st, st->p, _("a \\u escape lacks its four hexadecimal digits"));
            if (code == 0)
              return strict_fail (st, st->p, _("a text holds the character U+0000, which no text may"));
            if (code >= 0xdc00 && code <= 0xdfff)
              return strict_fail (st, st->p, _("a text holds half of a character (a lone low surrogate)"));
            if (code >= 0xd800 && code <= 0xdbff)
              {
                if (st->p + 7 >= st->end || st->p[6] != '\\' || st->p[7] != 'u' ||
                    !read_hex4 (st, st->p + 8, &low) || low < 0xdc00 || low > 0xdfff)
                  return strict_fail (st, st->p, _("a text holds half of a character (a lone high surrogate)"));
                st->p += 12;
              }
            else
              st->p += 6;
          }
          break;
        default:
          return strict_fail (st, st->p, _("a text holds an escape JSON does not have"));
        }
    }
  return strict_fail (st, open, _("a text is not closed"));
}

static gboolean
strict_number (Strict *st)
{
  const char *begin = st->p;
  gboolean integer = TRUE;

  if (st->p < st->end && *st->p == '-')
    st->p++;
  if (st->p < st->end && *st->p == '0')
    st->p++;
  else if (st->p < st->end && *st->p >= '1' && *st->p <= '9')
    while (st->p < st->end && g_ascii_isdigit (*st->p))
      st->p++;
  else
    return strict_fail (st, begin, _("a number is not written as JSON writes numbers"));
  if (st->p < st->end && *st->p == '.')
    {
      integer = FALSE;
      st->p++;
      if (st->p >= st->end || !g_ascii_isdigit (*st->p))
        return strict_fail (st, begin, _("a number has no digits after its point"));
      while (st->p < st->end && g_ascii_isdigit (*st->p))
        st->p++;
    }
  if (st->p < st->end && (*st->p == 'e' || *st->p == 'E'))
    {
      integer = FALSE;
      st->p++;
      if (st->p < st->end && (*st->p == '+' || *st->p == '-'))
        st->p++;
      if (st->p >= st->end || !g_ascii_isdigit (*st->p))
        return strict_fail (st, begin, _("a number has no digits in its exponent"));
      while (st->p < st->end && g_ascii_isdigit (*st->p))
        st->p++;
    }
  if (st->p < st->end && (g_ascii_isalnum (*st->p) || *st->p == '.' || *st->p == '_'))
    return strict_fail (st, begin, _("a number is not written as JSON writes numbers"));

  /* what the parser would turn into another number is refused */
  {
    char buffer[64];
    gsize n = (gsize) (st->p - begin);
    char *rest = NULL;

    if (n >= sizeof buffer)
      {
        if (integer)
          return strict_fail (st, begin, _("a whole number is out of range"));
        /* a long real: only its magnitude matters here */
        n = sizeof buffer - 1;
      }
    memcpy (buffer, begin, n);
    buffer[n] = '\0';
    errno = 0;
    if (integer)
      {
        g_ascii_strtoll (buffer, &rest, 10);
        if (errno == ERANGE)
          return strict_fail (st, begin, _("a whole number is out of range"));
      }
    else if (!isfinite (g_ascii_strtod (buffer, &rest)))
      return strict_fail (st, begin, _("a number is too large to be finite"));
  }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const Name *x = a, *y = b;
  const char *xp = x->decoded ? x->decoded : x->p;
  const char *yp = y->decoded ? y->decoded : y->p;
  gsize xl = x->decoded ? strlen (x->decoded) : x->length;
  gsize yl = y->decoded ? strlen (y->decoded) : y->length;
  int c = memcmp (xp, yp, MIN (xl, yl));

  return c != 0 ? c : (xl > yl) - (xl < yl);
}

static void
name_clear (gpointer data)
{
  g_clear_pointer (&((Name *) data)->decoded, g_free);
}

static gboolean strict_value (Strict *st);

static gboolean
strict_container (Strict *st)
{
  const char *open = st->p;
  gboolean object = *st->p == '{';
  char close = object ? '}' : ']';
  GArray *names = NULL;
  gboolean first = TRUE;
  gboolean records_list;

  if (++st->depth > L4A_BUNDLE_MAX_DEPTH)
    {
      g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle nests lists and objects more than %u deep."), L4A_BUNDLE_MAX_DEPTH);
      return FALSE;
    }
  records_list = st->split != NULL && st->depth == 3 && !object;
  if (records_list)
    {
      st->split->current_index = st->split->n_lists++;
      g_array_set_size (st->split->current, 0);
    }
  if (object)
    {
      if (st->names[st->depth] == NULL)
        {
          st->names[st->depth] = g_array_new (FALSE, FALSE, sizeof (Name));
          g_array_set_clear_func (st->names[st->depth], name_clear);
        }
      names = st->names[st->depth];
      g_array_set_size (names, 0);
    }

  st->p++;
  strict_skip_space (st);
  while (st->p < st->end && *st->p != close)
    {
      if (!first)
        {
          if (*st->p != ',')
            return strict_fail (st, st->p, object ? _("a “,” or “}” is missing between members")
                                                  : _("a “,” or “]” is missing between elements"));
          if (records_list)
            {
              /* a list longer than a bundle may carry is refused later:
               * its commas are not kept, whatever their number */
              gsize offset = (gsize) (st->p - st->start);

              if (st->split->current->len < L4A_BUNDLE_MAX_RECORDS)
                g_array_append_val (st->split->current, offset);
              else
                st->split->possible = FALSE;
            }
          st->p++;
          strict_skip_space (st);
        }
      first = FALSE;
      if (object)
        {
          Name name = { 0 };
          gboolean escapes;

          if (st->p < st->end && *st->p == '/')
            return strict_fail (st, st->p, _("a comment stands where JSON has none"));
          if (st->p >= st->end || *st->p != '"')
            return strict_fail (st, st->p, _("a member’s name is not a text in double quotes"));
          name.p = st->p + 1;
          if (!strict_string (st, &escapes))
            return FALSE;
          name.length = (gsize) (st->p - 1 - name.p);
          if (escapes)
            {
              /* two spellings of one name are one name */
              g_autofree char *quoted = g_strndup (name.p - 1, name.length + 2);
              g_autoptr(JsonNode) node = json_from_string (quoted, NULL);

              name.decoded = g_strdup (node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : "");
            }
          g_array_append_val (names, name);
          if (st->split != NULL && st->depth <= 2)
            st->split->members[st->depth]++;
          strict_skip_space (st);
          if (st->p >= st->end || *st->p != ':')
            return strict_fail (st, st->p, _("a “:” is missing after a member’s name"));
          st->p++;
          strict_skip_space (st);
        }
      if (!strict_value (st))
        return FALSE;
      strict_skip_space (st);
    }
  if (st->p >= st->end)
    return strict_fail (st, open, object ? _("an object is not closed") : _("a list is not closed"));

  if (records_list && st->split->current->len > st->split->commas->len)
    {
      GArray *longest = st->split->commas;

      st->split->commas = st->split->current;
      st->split->current = longest;
      st->split->list_index = st->split->current_index;
      st->split->list_close = (gsize) (st->p - st->start);
    }
  if (names != NULL && names->len > 1)
    {
      g_array_sort (names, compare_names);
      for (guint i = 1; i < names->len; i++)
        if (compare_names (&g_array_index (names, Name, i - 1), &g_array_index (names, Name, i)) == 0)
          {
            const Name *twice = &g_array_index (names, Name, i);
            g_autofree char *name = twice->decoded ? g_strdup (twice->decoded)
                                                   : g_strndup (twice->p, MIN (twice->length, 80));
            g_autofree char *valid = g_utf8_make_valid (name, -1);
            /* translators: %s is a member's name */
            g_autofree char *what = g_strdup_printf (_("the member “%s” is given twice in one object"), valid);

            return strict_fail (st, open, what);
          }
    }
  st->p++;
  st->depth--;
  return TRUE;
}

static gboolean
strict_value (Strict *st)
{
  gboolean escapes;

  if (st->p >= st->end)
    return strict_fail (st, st->p, _("a value is missing"));
  switch (*st->p)
    {
    case '{':
    case '[':
      return strict_container (st);
    case '"':
      return strict_string (st, &escapes);
    case 't':
    case 'f':
    case 'n':
      {
        const char *word = *st->p == 't' ? "true" : *st->p == 'f' ? "false" : "null";
        gsize n = strlen (word);

        if ((gsize) (st->end - st->p) < n || memcmp (st->p, word, n) != 0 ||
            ((gsize) (st->end - st->p) > n && g_ascii_isalnum (st->p[n])))
          return strict_fail (st, st->p, _("a word stands where only true, false or null may"));
        st->p += n;
        return TRUE;
      }
    default:
      if (*st->p == '-' || g_ascii_isdigit (*st->p))
        return strict_number (st);
      if (*st->p == '\'')
        return strict_fail (st, st->p, _("a text is in single quotes"));
      if (*st->p == '/')
        return strict_fail (st, st->p, _("a comment stands where JSON has none"));
      if (g_ascii_isalpha (*st->p))
        return strict_fail (st, st->p, _("a word stands where only true, false or null may"));
      return strict_fail (st, st->p, _("something stands where a value should"));
    }
}

static gboolean
prescan (const char   *data,
         gsize         length,
         SplitPoints  *split,
         GError      **error)
{
  Strict st = { data, data, data + length, 0, split, { NULL }, error };
  gboolean ok;

  if (length > L4A_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  /* a byte-order mark is not JSON either, but harmless: skipped */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    st.p += 3;
  strict_skip_space (&st);
  if (st.p >= st.end)
    {
      g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX, _("The bundle is empty."));
      return FALSE;
    }
  ok = strict_value (&st);
  if (ok)
    {
      strict_skip_space (&st);
      if (st.p < st.end)
        ok = strict_fail (&st, st.p, _("more stands after the bundle’s end"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (st.names); i++)
    g_clear_pointer (&st.names[i], g_array_unref);
  return ok;
}

typedef struct
{
  const char *data;
  gsize       length;
  JsonNode   *root;
} Half;

static gpointer
parse_half (gpointer data)
{
  Half *half = data;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json_parser_load_from_data (parser, half->data, (gssize) half->length, NULL) &&
      json_parser_get_root (parser) != NULL)
    half->root = json_node_ref (json_parser_get_root (parser));
  return NULL;
}

/* The lists three levels down in @root, in the order of the text, and how
 * many members the objects of levels 1 and 2 hold. */
static JsonArray *
find_list (JsonNode *root,
           guint     index,
           guint     members[3])
{
  JsonArray *found = NULL;
  guint seen = 0;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  members[1] = json_object_get_size (json_node_get_object (root));
  members[2] = 0;
  json_object_iter_init_ordered (&iter, json_node_get_object (root));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      if (JSON_NODE_HOLDS_OBJECT (value))
        {
          JsonObjectIter inner;
          JsonNode *child;

          members[2] += json_object_get_size (json_node_get_object (value));
          json_object_iter_init_ordered (&inner, json_node_get_object (value));
          while (json_object_iter_next_ordered (&inner, &name, &child))
            if (JSON_NODE_HOLDS_ARRAY (child) && seen++ == index)
              found = json_node_get_array (child);
        }
      else if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *child = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_ARRAY (child) && seen++ == index)
                found = json_node_get_array (child);
              else if (JSON_NODE_HOLDS_OBJECT (child))
                members[2] += json_object_get_size (json_node_get_object (child));
            }
        }
    }
  return found;
}

/* Parses a large bundle as two texts at once: the bundle less the second
 * half of its longest list, and that half as a list of its own; then
 * puts the half back. Gives %NULL, for the caller to parse the whole
 * text, if the bundle is small, if the machine has one processor, or if
 * anything about the two halves is not as the whole text says (a syntax
 * error, a member given twice, text that is not plain JSON). */
static JsonNode *
parse_in_two (const char  *data,
              gsize        length,
              SplitPoints *split)
{
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  Half first = { NULL, 0, NULL };
  Half second = { NULL, 0, NULL };
  guint members[3] = { 0, 0, 0 };
  GThread *thread;
  JsonArray *list, *tail;
  gsize cut, n;

  if (!split->possible || split->commas->len < 20000 || g_get_num_processors () < 2)
    return NULL;

  /* cut at the comma nearest the middle of the text, so that both
   * parsers have as much to read: [a, …, m] + the rest, and [n, …] */
  {
    guint low = 0, high = split->commas->len - 1;

    while (low < high)
      {
        guint middle = (low + high) / 2;

        if (g_array_index (split->commas, gsize, middle) < length / 2)
          low = middle + 1;
        else
          high = middle;
      }
    cut = g_array_index (split->commas, gsize, low);
  }
  first.length = cut + (length - split->list_close);
  first_text = g_malloc (first.length + 1);
  memcpy (first_text, data, cut);
  memcpy (first_text + cut, data + split->list_close, length - split->list_close);
  first_text[first.length] = '\0';
  first.data = first_text;
  n = split->list_close - cut - 1;
  second.length = n + 2;
  second_text = g_malloc (second.length + 1);
  second_text[0] = '[';
  memcpy (second_text + 1, data + cut + 1, n);
  second_text[n + 1] = ']';
  second_text[n + 2] = '\0';
  second.data = second_text;

  thread = g_thread_try_new ("l4a-parse", parse_half, &second, NULL);
  if (thread == NULL)
    return NULL;
  parse_half (&first);
  g_thread_join (thread);

  if (first.root == NULL || second.root == NULL || !JSON_NODE_HOLDS_ARRAY (second.root) ||
      (list = find_list (first.root, split->list_index, members)) == NULL ||
      members[1] != split->members[1] || members[2] != split->members[2])
    {
      g_clear_pointer (&first.root, json_node_unref);
      g_clear_pointer (&second.root, json_node_unref);
      return NULL;
    }

  tail = json_node_get_array (second.root);
  for (guint i = 0; i < json_array_get_length (tail); i++)
    json_array_add_element (list, json_node_ref (json_array_get_element (tail, i)));
  json_node_unref (second.root);
  return first.root;
}

/* The canonical text is written into @out; with a checksum, it is fed to
 * it a block at a time instead of being kept whole. */
typedef struct
{
  GString    *out;
  GChecksum  *checksum;
  /* while checking a bundle's records: the length of every string */
  gboolean    check;
  guint       depth;
  const char *where;   /* the type of the records being walked */
  GError     *error;
} Canonical;

#define CANONICAL_BLOCK 65536

static inline void
canonical_flush (Canonical *c)
{
  if (c->checksum != NULL && c->out->len >= CANONICAL_BLOCK)
    {
      g_checksum_update (c->checksum, (const guchar *) c->out->str, c->out->len);
      g_string_truncate (c->out, 0);
    }
}

static void
canonical_string (GString    *out,
                  const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c != '"' && c != '\\' && c >= 0x20)
        continue;
      g_string_append_len (out, run, p - run);
      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else
        g_string_append_printf (out, "\\u%04x", c);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
canonical_int (GString *out,
               gint64   value)
{
  char digits[24];
  guint n = 0;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      digits[n++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

typedef struct
{
  const char *name;
  JsonNode   *node;
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Member *) a)->name, ((const Member *) b)->name);
}

static void canonical_node (Canonical  *c,
                            JsonNode   *node,
                            const char *member);

static void
canonical_object (Canonical  *c,
                  JsonObject *object)
{
  Member stack[32];
  Member *members = stack;
  g_autofree Member *heap = NULL;
  guint size = json_object_get_size (object), n = 0;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (size > G_N_ELEMENTS (stack))
    members = heap = g_new (Member, size);
  json_object_iter_init (&iter, object);
  while (n < size && json_object_iter_next (&iter, &name, &node))
    members[n++] = (Member) { name, node };
  /* records are short: an insertion sort, no allocation */
  if (n <= G_N_ELEMENTS (stack))
    for (guint i = 1; i < n; i++)
      {
        Member item = members[i];
        guint j = i;

        for (; j > 0 && strcmp (members[j - 1].name, item.name) > 0; j--)
          members[j] = members[j - 1];
        members[j] = item;
      }
  else
    qsort (members, n, sizeof *members, compare_members);

  g_string_append_c (c->out, '{');
  c->depth++;
  for (guint i = 0; i < n && c->error == NULL; i++)
    {
      if (i > 0)
        g_string_append_c (c->out, ',');
      canonical_string (c->out, members[i].name);
      g_string_append_c (c->out, ':');
      /* the records object names the type of what it holds */
      if (c->depth == 1)
        c->where = members[i].name;
      canonical_node (c, members[i].node, members[i].name);
    }
  c->depth--;
  g_string_append_c (c->out, '}');
}

static void
check_string (Canonical  *c,
              const char *text,
              const char *member)
{
  gsize limit = g_strcmp0 (member, "data") == 0 ? L4A_BUNDLE_MAX_DATA : L4A_BUNDLE_MAX_STRING;

  if (c->error == NULL && strlen (text) > limit)
    g_set_error (&c->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                 /* translators: a record type, then a field name */
                 _("In “%s”, the field “%s” holds more text than a bundle may carry."),
                 c->where ? c->where : "?", member ? member : "?");
}

static void
canonical_node (Canonical  *c,
                JsonNode   *node,
                const char *member)
{
  GString *out = c->out;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      canonical_object (c, json_node_get_object (node));
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < length && c->error == NULL; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_node (c, json_array_get_element (array, i), member);
            canonical_flush (c);
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          canonical_int (out, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          l4a_canonical_append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          if (c->check)
            check_string (c, json_node_get_string (node), member);
          canonical_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/**
 * l4a_canonical_append_string:
 *
 * Appends @text as a string of the canonical serialization.
 */
void
l4a_canonical_append_string (GString    *out,
                             const char *text)
{
  canonical_string (out, text);
}

/**
 * l4a_canonical_append_int:
 */
void
l4a_canonical_append_int (GString *out,
                          gint64   value)
{
  canonical_int (out, value);
}

/**
 * l4a_canonical_append_double:
 */
void
l4a_canonical_append_double (GString *out,
                             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

/**
 * l4a_bundle_canonical_append:
 *
 * Appends the canonical serialization of @node to @out.
 */
void
l4a_bundle_canonical_append (GString  *out,
                             JsonNode *node)
{
  Canonical c = { out, NULL, FALSE, 0, NULL, NULL };

  canonical_node (&c, node, NULL);
}

/**
 * l4a_bundle_canonical:
 *
 * Returns: (transfer full): the canonical serialization of @node
 */
char *
l4a_bundle_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  l4a_bundle_canonical_append (out, node);
  return g_string_free (out, FALSE);
}

/**
 * l4a_bundle_checksum:
 *
 * Returns: (transfer full): the SHA-256, in lower-case hex, of the
 *   canonical serialization of @records, worked out a block at a time
 */
static char *
checksum_of (JsonNode *records)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) out = g_string_sized_new (CANONICAL_BLOCK + 4096);
  Canonical c = { out, checksum, FALSE, 0, NULL, NULL };

  canonical_node (&c, records, NULL);
  g_checksum_update (checksum, (const guchar *) out->str, out->len);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The canonical text of a bundle's records, cut at each record: the text
 * before record i, then the record. */
typedef struct
{
  char       *before;
  const char *type;
  JsonNode   *record;
} Piece;

typedef struct
{
  GArray  *pieces;   /* Piece */
  guint    start, end;
  GString *out;      /* the canonical text of pieces start to end */
  GError  *error;
} Part;

static void
piece_clear (gpointer data)
{
  g_free (((Piece *) data)->before);
}

static void
canonical_part (Part      *part,
                GChecksum *checksum)
{
  Canonical c = { part->out, checksum, TRUE, 2, NULL, NULL };

  for (guint i = part->start; i < part->end && c.error == NULL; i++)
    {
      Piece *piece = &g_array_index (part->pieces, Piece, i);

      g_string_append (part->out, piece->before);
      c.where = piece->type;
      canonical_node (&c, piece->record, piece->type);
      canonical_flush (&c);
    }
  part->error = c.error;
}

static gpointer
canonical_part_thread (gpointer data)
{
  canonical_part (data, NULL);
  return NULL;
}

/* Like checksum_of() with its checks, for records already known to be an
 * object of lists of objects: the second half of the records is written
 * out by a second thread while the first is written and hashed here. */
static char *
checked_records_checksum (JsonObject  *records,
                          GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GList) types = json_object_get_members (records);
  g_autoptr(GString) pending = g_string_new ("{");
  g_autoptr(GString) first_text = g_string_sized_new (CANONICAL_BLOCK + 4096);
  g_autoptr(GString) second_text = NULL;
  Part first = { pieces, 0, 0, first_text, NULL };
  Part second = { pieces, 0, 0, NULL, NULL };
  GThread *thread = NULL;
  guint64 weight = 0, half = 0;

  g_array_set_clear_func (pieces, piece_clear);
  types = g_list_sort (types, (GCompareFunc) strcmp);
  for (GList *l = types; l; l = l->next)
    {
      JsonArray *array = json_object_get_array_member (records, l->data);
      guint length = json_array_get_length (array);

      if (l != types)
        g_string_append_c (pending, ',');
      canonical_string (pending, l->data);
      g_string_append (pending, ":[");
      for (guint i = 0; i < length; i++)
        {
          Piece piece = { NULL, l->data, json_array_get_element (array, i) };

          if (i > 0)
            g_string_append_c (pending, ',');
          piece.before = g_strdup (pending->str);
          g_string_truncate (pending, 0);
          g_array_append_val (pieces, piece);
          weight += JSON_NODE_HOLDS_OBJECT (piece.record) ? json_object_get_size (json_node_get_object (piece.record))
                                                          : 1;
        }
      g_string_append_c (pending, ']');
    }
  g_string_append_c (pending, '}');

  first.end = pieces->len;
  /* worth a thread only for a large bundle, on a machine with two cores */
  if (pieces->len >= 20000 && g_get_num_processors () > 1)
    {
      /* as many members for each thread */
      for (first.end = 0; first.end < pieces->len && half < weight / 2; first.end++)
        {
          JsonNode *record = g_array_index (pieces, Piece, first.end).record;

          half += JSON_NODE_HOLDS_OBJECT (record) ? json_object_get_size (json_node_get_object (record)) : 1;
        }
      second.start = first.end;
      second.end = pieces->len;
      second.out = second_text = g_string_sized_new (1 << 20);
      thread = g_thread_try_new ("l4a-checksum", canonical_part_thread, &second, NULL);
      if (thread == NULL)
        first.end = pieces->len;
    }
  canonical_part (&first, checksum);
  if (thread != NULL)
    g_thread_join (thread);

  /* the first problem in the order of the text */
  if (first.error != NULL)
    {
      g_propagate_error (error, first.error);
      g_clear_error (&second.error);
      return NULL;
    }
  if (second.error != NULL)
    {
      g_propagate_error (error, second.error);
      return NULL;
    }
  g_checksum_update (checksum, (const guchar *) first_text->str, first_text->len);
  if (thread != NULL)
    g_checksum_update (checksum, (const guchar *) second_text->str, second_text->len);
  g_checksum_update (checksum, (const guchar *) pending->str, pending->len);
  return g_strdup (g_checksum_get_string (checksum));
}

char *
l4a_bundle_checksum (JsonNode *records)
{
  return checksum_of (records);
}

gboolean
l4a_is_uuid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
l4a_is_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || strlen (text) < 20 || strlen (text) > 35)
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

void
l4a_bundle_free (L4aBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_clear_pointer (&bundle->root, json_node_unref);
  g_free (bundle->kind);
  g_free (bundle->bundle_id);
  g_free (bundle->created_at);
  g_free (bundle->origin_installation);
  g_free (bundle->origin_role);
  g_free (bundle->origin_actor);
  g_free (bundle->for_id);
  g_free (bundle->signer_key);
  g_free (bundle->signer_actor);
  g_free (bundle->sealed_for);
  g_free (bundle);
}

/* Strings: every one valid UTF-8 and within its limit (attachment data
 * has its own). */
static gboolean
check_strings (JsonNode    *node,
               const char  *where,
               const char  *member,
               GError     **error)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &value))
          if (!check_strings (value, where, name, error))
            return FALSE;
      }
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        for (guint i = 0; i < length; i++)
          if (!check_strings (json_array_get_element (array, i), where, member, error))
            return FALSE;
      }
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          gsize limit = g_strcmp0 (member, "data") == 0 ? L4A_BUNDLE_MAX_DATA : L4A_BUNDLE_MAX_STRING;

          if (strlen (text) > limit)
            {
              g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                           /* translators: a record type, then a field name */
                           _("In “%s”, the field “%s” holds more text than a bundle may carry."),
                           where, member ? member : "?");
              return FALSE;
            }
        }
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
format_error (GError    **error,
              const char *message)
{
  g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT, message);
  return FALSE;
}

/* One attachment: its data decodes to its size and its SHA-256. */
static gboolean
check_attachment (JsonObject  *attachment,
                  guint        index,
                  GError     **error)
{
  const char *sha256 = get_string (attachment, "sha256");
  const char *data = get_string (attachment, "data");
  JsonNode *size_node = json_object_get_member (attachment, "size");
  g_autofree guchar *bytes = NULL;
  g_autofree char *actual = NULL;
  gsize length = 0;

  if (sha256 == NULL || strlen (sha256) != 64 || data == NULL || size_node == NULL ||
      json_node_get_value_type (size_node) != G_TYPE_INT64)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                   _("Attachment %u needs its sha256, size and data."), index + 1);
      return FALSE;
    }
  for (const char *p = data; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && *p != '\n' && *p != '\r')
      {
        g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                     _("Attachment %u: its data is not base64."), index + 1);
        return FALSE;
      }
  bytes = g_base64_decode (data, &length);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes ? bytes : (const guchar *) "", length);
  if ((gint64) length != json_node_get_int (size_node) || g_ascii_strcasecmp (actual, sha256) != 0)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                   _("Attachment %u does not match its SHA-256 or its size: the bundle was changed or damaged."),
                   index + 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_attachments (JsonNode  *node,
                   GError   **error)
{
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return format_error (error, _("The bundle’s attachments are not a list."));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return format_error (error, _("An attachment of the bundle is not an object."));
      if (!check_attachment (json_node_get_object (element), i, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Signatures and sealing (docs/bundle-format.md, "Signatures")
 *
 * A signed bundle ends with its signature, the last member of the top-level
 * object, written exactly so:
 *
 *   ,"signature":{"algorithm":"ed25519","key":"<44>","value":"<88>"}}
 *
 * where the signature is Ed25519's over every byte of the file before its
 * first comma. Nothing may follow the closing brace.
 */

#define SIGNATURE_HEAD   ",\"signature\":{\"algorithm\":\"ed25519\",\"key\":\""
#define SIGNATURE_MIDDLE "\",\"value\":\""
#define SIGNATURE_END    "\"}}"
#define SEALED_HEAD      "{\"format\":\"" L4A_SEALED_FORMAT "\",\"format_version\":1,\"for_key\":\""
#define SEALED_MIDDLE    "\",\"sealed\":\""
#define SEALED_END       "\"}"

/* The signature, checked on the bytes before anything is parsed, so that a
 * changed file costs no more than a hash: sets *@signer to the key whose
 * signature verifies, or leaves it %NULL for a text with no signature at
 * its end. */
static gboolean
check_signature_bytes (const char  *data,
                       gsize        length,
                       char       **signer,
                       GError     **error)
{
  const gsize head = strlen (SIGNATURE_HEAD), middle = strlen (SIGNATURE_MIDDLE), end = strlen (SIGNATURE_END);
  const gsize tail = head + L4A_KEY_PUBLIC_LENGTH + middle + L4A_KEY_SIGNATURE_LENGTH + end;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  const char *at = length >= tail ? data + length - tail : NULL;
  gsize window = MIN (length, tail + 64);

  *signer = NULL;
  if (at == NULL || memcmp (at, SIGNATURE_HEAD, head) != 0 ||
      memcmp (at + head + L4A_KEY_PUBLIC_LENGTH, SIGNATURE_MIDDLE, middle) != 0 ||
      memcmp (data + length - end, SIGNATURE_END, end) != 0)
    {
      /* something like a signature at the end, not written as it must be */
      if (g_strstr_len (data + length - window, (gssize) window, ",\"signature\":") != NULL)
        {
          g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                               _("The bundle’s signature is not written where and as the format requires: the file "
                                 "was changed after it was signed."));
          return FALSE;
        }
      return TRUE;
    }
  key = g_strndup (at + head, L4A_KEY_PUBLIC_LENGTH);
  value = g_strndup (at + head + L4A_KEY_PUBLIC_LENGTH + middle, L4A_KEY_SIGNATURE_LENGTH);
  if (!l4a_key_verify (key, data, (gsize) (at - data), value))
    {
      g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                           _("The bundle’s signature does not match its contents: it was changed after it was "
                             "signed, or damaged."));
      return FALSE;
    }
  *signer = g_steal_pointer (&key);
  return TRUE;
}

/* After parsing: a "signature" member is the one checked on the bytes. */
static gboolean
check_signature (L4aBundle  *bundle,
                 char      **signer,
                 GError    **error)
{
  gboolean has_member = json_object_has_member (json_node_get_object (bundle->root), "signature");

  if (has_member != (*signer != NULL))
    {
      g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                           _("The bundle’s signature is not written where and as the format requires: the file "
                             "was changed after it was signed."));
      return FALSE;
    }
  bundle->signer_key = g_steal_pointer (signer);
  return TRUE;
}

/**
 * l4a_bundle_sign:
 * @out: a bundle's text without its closing brace
 *
 * Signs the text with @key and closes it with the signature.
 */
void
l4a_bundle_sign (GString *out,
                 L4aKey  *key)
{
  g_autofree char *value = l4a_key_sign (key, out->str, out->len);

  g_string_append (out, SIGNATURE_HEAD);
  g_string_append (out, l4a_key_get_public (key));
  g_string_append (out, SIGNATURE_MIDDLE);
  g_string_append (out, value);
  g_string_append (out, SIGNATURE_END);
}

/**
 * l4a_bundle_seal:
 *
 * Returns: (transfer full) (nullable): the sealed bundle holding @data for
 *   the holder of @public_key, or %NULL if that is not a key
 */
GString *
l4a_bundle_seal (const char *data,
                 gsize       length,
                 const char *public_key)
{
  g_autoptr(GBytes) sealed = l4a_key_seal (public_key, data, length);
  g_autofree char *text = NULL;
  GString *out;

  if (sealed == NULL)
    return NULL;
  text = g_base64_encode (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  out = g_string_sized_new (strlen (text) + 200);
  g_string_append (out, SEALED_HEAD);
  g_string_append (out, public_key);
  g_string_append (out, SEALED_MIDDLE);
  g_string_append (out, text);
  g_string_append (out, SEALED_END);
  return out;
}

static gboolean
is_sealed (const char *data,
           gsize       length)
{
  return length >= strlen (SEALED_HEAD) && memcmp (data, SEALED_HEAD, strlen (SEALED_HEAD)) == 0;
}

/**
 * l4a_bundle_peek_sealed_for:
 *
 * Returns: (transfer full) (nullable): the key a sealed bundle is for, or
 *   %NULL if the text is not a sealed bundle
 */
char *
l4a_bundle_peek_sealed_for (const char *data,
                            gsize       length)
{
  const gsize head = strlen (SEALED_HEAD);
  g_autofree char *key = NULL;

  if (!is_sealed (data, length) || length < head + L4A_KEY_PUBLIC_LENGTH)
    return NULL;
  key = g_strndup (data + head, L4A_KEY_PUBLIC_LENGTH);
  return l4a_key_is_public (key) ? g_steal_pointer (&key) : NULL;
}

static L4aBundle *
parse_sealed (const char  *data,
              gsize        length,
              L4aKey      *reader,
              GError     **error)
{
  const gsize head = strlen (SEALED_HEAD), middle = strlen (SEALED_MIDDLE), end = strlen (SEALED_END);
  g_autofree char *for_key = l4a_bundle_peek_sealed_for (data, length);
  g_autofree char *fingerprint = NULL;
  g_autofree guchar *sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  gsize start = head + L4A_KEY_PUBLIC_LENGTH + middle;
  gsize sealed_length = 0;
  L4aBundle *bundle;

  if (for_key == NULL || length < start + end || length > L4A_SEALED_MAX_SIZE ||
      memcmp (data + head + L4A_KEY_PUBLIC_LENGTH, SEALED_MIDDLE, middle) != 0 ||
      memcmp (data + length - end, SEALED_END, end) != 0 || (length - start - end) % 4 != 0)
    {
      format_error (error, _("The sealed bundle is not written as the format requires: it was changed or damaged."));
      return NULL;
    }
  for (gsize i = start; i < length - end; i++)
    if (!g_ascii_isalnum (data[i]) && data[i] != '+' && data[i] != '/' && data[i] != '=')
      {
        format_error (error, _("The sealed bundle is not written as the format requires: it was changed or "
                               "damaged."));
        return NULL;
      }
  fingerprint = l4a_key_fingerprint (for_key);
  if (reader == NULL || !g_str_equal (l4a_key_get_public (reader), for_key))
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SEALED,
                   _("The bundle is sealed for another workstation (key %s): only that workstation can open it. "
                     "Was it sent to the wrong person?"), fingerprint);
      return NULL;
    }
  {
    g_autofree char *text = g_strndup (data + start, length - start - end);
    g_autofree char *again = NULL;

    sealed = g_base64_decode (text, &sealed_length);
    /* one spelling only: base64 that differs in its unused bits is refused */
    again = g_base64_encode (sealed, sealed_length);
    if (!g_str_equal (again, text))
      {
        format_error (error, _("The sealed bundle is not written as the format requires: it was changed or "
                               "damaged."));
        return NULL;
      }
  }
  opened = l4a_key_unseal (reader, sealed, sealed_length, error);
  if (opened == NULL)
    return NULL;
  if (g_bytes_get_size (opened) > L4A_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  bundle = l4a_bundle_parse (g_bytes_get_data (opened, NULL) ? g_bytes_get_data (opened, NULL) : "",
                             g_bytes_get_size (opened), error);
  if (bundle != NULL)
    bundle->sealed_for = g_steal_pointer (&for_key);
  return bundle;
}


/**
 * l4a_bundle_parse:
 *
 * Checks and parses a bundle held in memory; nothing is written anywhere.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to the
 *   first problem, in words a user understands
 */
L4aBundle *
l4a_bundle_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) whole = NULL;
  SplitPoints split = { 0 };
  gboolean ok;
  g_autofree char *checksum = NULL;
  g_autofree char *signer = NULL;
  JsonObject *root, *origin, *records;
  JsonNode *node;
  const char *text;
  g_autoptr(GList) types = NULL;

  if (length <= L4A_BUNDLE_MAX_SIZE && !check_signature_bytes (data, length, &signer, error))
    return NULL;
  split.commas = g_array_new (FALSE, FALSE, sizeof (gsize));
  split.current = g_array_new (FALSE, FALSE, sizeof (gsize));
  split.possible = TRUE;
  ok = length <= L4A_BUNDLE_MAX_SIZE && g_utf8_validate_len (data, length, NULL)
       ? prescan (data, length, &split, error)
       : length > L4A_BUNDLE_MAX_SIZE ? prescan (data, length, &split, error)
                                      : format_error (error, _("The bundle is not UTF-8 text."));
  if (ok)
    whole = parse_in_two (data, length, &split);
  g_array_unref (split.commas);
  g_array_unref (split.current);
  if (!ok)
    return NULL;

  if (whole == NULL)
    {
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
        {
          /* the parser may quote part of a character of the text */
          g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

          g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX,
                       _("The bundle is not valid JSON: %s"), reason);
          return NULL;
        }
      if (json_parser_get_root (parser) == NULL)
        {
          g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX, _("The bundle is empty."));
          return NULL;
        }
      whole = json_node_ref (json_parser_get_root (parser));
    }
  bundle = g_new0 (L4aBundle, 1);
  bundle->root = g_steal_pointer (&whole);
  if (!JSON_NODE_HOLDS_OBJECT (bundle->root))
    {
      format_error (error, _("The file is not a Local4Action bundle: it is not a JSON object."));
      return NULL;
    }
  root = json_node_get_object (bundle->root);

  if (g_strcmp0 (get_string (root, "format"), L4A_BUNDLE_FORMAT) != 0)
    {
      format_error (error, _("The file is not a Local4Action bundle: its “format” is missing or different."));
      return NULL;
    }
  node = json_object_get_member (root, "format_version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      format_error (error, _("The bundle has no “format_version” number."));
      return NULL;
    }
  if (json_node_get_int (node) != L4A_BUNDLE_FORMAT_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                   _("The bundle is of format version %s; this version of the application reads "
                     "version %d. Update the application to read it."),
                   version, L4A_BUNDLE_FORMAT_VERSION);
      return NULL;
    }

  text = get_string (root, "kind");
  if (text == NULL || !g_strv_contains (kinds, text))
    {
      format_error (error, _("The bundle’s “kind” is missing or unknown."));
      return NULL;
    }
  bundle->kind = g_strdup (text);

  text = get_string (root, "bundle_id");
  if (!l4a_is_uuid (text))
    {
      format_error (error, _("The bundle’s “bundle_id” is not a UUID."));
      return NULL;
    }
  bundle->bundle_id = g_strdup (text);

  text = get_string (root, "created_at");
  if (!l4a_is_timestamp (text))
    {
      format_error (error, _("The bundle’s “created_at” is not a date and time such as 2026-11-21T09:30:00Z."));
      return NULL;
    }
  bundle->created_at = g_strdup (text);

  node = json_object_get_member (root, "origin");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      format_error (error, _("The bundle does not say where it comes from (“origin”)."));
      return NULL;
    }
  origin = json_node_get_object (node);
  if (!l4a_is_uuid (get_string (origin, "installation")) ||
      !g_strv_contains ((const char *[]) { "secretariat", "member", "government", NULL },
                        get_string (origin, "role") ? get_string (origin, "role") : "") ||
      get_string (origin, "actor") == NULL)
    {
      format_error (error, _("The bundle’s origin needs an installation UUID, a role (secretariat, member or "
                             "government) and an actor."));
      return NULL;
    }
  bundle->origin_installation = g_strdup (get_string (origin, "installation"));
  bundle->origin_role = g_strdup (get_string (origin, "role"));
  bundle->origin_actor = g_strdup (get_string (origin, "actor"));

  node = json_object_get_member (root, "for");
  if (node != NULL)
    {
      if (!l4a_is_uuid (get_string (root, "for")))
        {
          format_error (error, _("The bundle’s “for” does not name a member or a government by UUID."));
          return NULL;
        }
      bundle->for_id = g_strdup (get_string (root, "for"));
    }

  node = json_object_get_member (root, "records");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      format_error (error, _("The bundle has no “records”."));
      return NULL;
    }
  records = json_node_get_object (node);
  types = json_object_get_members (records);
  for (GList *l = types; l; l = l->next)
    {
      JsonNode *list = json_object_get_member (records, l->data);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                       _("The records of type “%s” are not a list."), (const char *) l->data);
          return NULL;
        }
      array = json_node_get_array (list);
      if (json_array_get_length (array) > L4A_BUNDLE_MAX_RECORDS)
        {
          g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle holds more than %u records of type “%s”."), L4A_BUNDLE_MAX_RECORDS,
                       (const char *) l->data);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
          {
            g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                         _("Record %u of type “%s” is not an object."), i + 1, (const char *) l->data);
            return NULL;
          }
      bundle->n_records += json_array_get_length (array);
    }
  /* the rest of the bundle; the records are checked with their checksum */
  {
    static const char * const known[] = {
      "format", "format_version", "kind", "bundle_id", "created_at", "origin", "for", "records", "attachments",
      "checksum", "roster", "enrolment", "signature", "note", NULL
    };
    JsonObjectIter iter;
    const char *name;
    JsonNode *value;

    json_object_iter_init (&iter, root);
    while (json_object_iter_next (&iter, &name, &value))
      {
        if (!g_strv_contains (known, name))
          {
            g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 64));

            g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                         _("The bundle has a member “%s” that this format does not have."), shown);
            return NULL;
          }
        if (!g_str_equal (name, "records") && !check_strings (value, _("the bundle"), name, error))
          return NULL;
      }
  }

  /* Integrity: the checksum over the canonical records, then the
   * attachments, wherever they are carried. */
  text = get_string (root, "checksum");
  if (text == NULL)
    {
      format_error (error, _("The bundle has no “checksum”."));
      return NULL;
    }
  /* the length of every string of the records is checked on the way */
  checksum = checked_records_checksum (records, error);
  if (checksum == NULL)
    return NULL;
  if (g_ascii_strcasecmp (checksum, text) != 0)
    {
      g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                           _("The bundle’s records do not match its checksum: it was changed or damaged after it "
                             "was written."));
      return NULL;
    }
  if (!check_attachments (json_object_get_member (root, "attachments"), error) ||
      !check_attachments (json_object_get_member (records, "attachment"), error) ||
      !check_signature (bundle, &signer, error))
    return NULL;

  return g_steal_pointer (&bundle);
}

/**
 * l4a_bundle_parse_for:
 * @reader: (nullable): the key of the workstation reading it, to open a
 *   sealed bundle
 *
 * As l4a_bundle_parse(), opening a bundle sealed for @reader first.
 */
L4aBundle *
l4a_bundle_parse_for (const char  *data,
                      gsize        length,
                      L4aKey      *reader,
                      GError     **error)
{
  if (is_sealed (data, length))
    return parse_sealed (data, length, reader, error);
  return l4a_bundle_parse (data, length, error);
}

/**
 * l4a_bundle_open:
 * @reader: (nullable): the key of the workstation reading it
 *
 * Reads and checks a bundle file, refusing one over the size limit before
 * reading it, and opening it first if it is sealed for @reader.
 */
L4aBundle *
l4a_bundle_open (const char  *path,
                 L4aKey      *reader,
                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > L4A_SEALED_MAX_SIZE)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, G_FILE_ERROR, local_error->code, _("The bundle cannot be read: %s"), local_error->message);
      return NULL;
    }
  return l4a_bundle_parse_for (g_mapped_file_get_contents (mapped) ? g_mapped_file_get_contents (mapped) : "",
                               g_mapped_file_get_length (mapped), reader, error);
}

/**
 * l4a_bundle_load:
 *
 * As l4a_bundle_open() with no key: a sealed bundle is refused.
 */
L4aBundle *
l4a_bundle_load (const char  *path,
                 GError     **error)
{
  return l4a_bundle_open (path, NULL, error);
}
