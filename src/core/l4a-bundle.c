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

/* The strict reading of RFC 8259 that every bundle must pass before any
 * parser sees it: json-glib's parser also takes single quotes, comments,
 * hexadecimal numbers, a member given twice (the last one wins) and text
 * after the value, and decodes escapes that make no valid text. A bundle
 * is read one way only, so each of these is refused here, with where.
 * The same walk checks the size and the nesting (json-glib recurses on
 * it), notes where each list of records (and the roster, and attachments
 * carried outside the records) stands, so that they can be parsed an
 * element at a time, and bounds what any element, and what stands outside
 * those lists, may hold: json-glib takes some hundred bytes for each value,
 * and a bundle of many small values must not cost a hundred times its
 * size. */

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
  GArray       *names[L4A_BUNDLE_MAX_DEPTH + 1];    /* of each open object: Name */
  gboolean      objects[L4A_BUNDLE_MAX_DEPTH + 1];  /* whether what is open at each depth is an object */
  GError      **error;

  /* The lists read an element at a time (L4aBundleList), the one open,
   * and how many values stand in its element and outside every list. */
  GArray       *lists;
  int           open_list;
  guint         list_depth;
  guint         element_values;
  guint         head_values;
  gboolean      in_records;   /* the records object is open */
  gsize         text_length;  /* of the last string read, its escapes read */
  GError       *deferred;     /* a format problem, told if the text is JSON */
  gboolean      has_records;
  gsize         records_start;
  gsize         records_end;
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
read_hex4 (const char *at,
           const char *end,
           gunichar   *code)
{
  *code = 0;
  if (end - at < 4)
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

/* A string, from its opening quote; @escapes says whether it had any, and
 * st->text_length how many bytes it holds once its escapes are read. */
static gboolean
strict_string (Strict   *st,
               gboolean *escapes)
{
  const char *open = st->p++;
  gsize escaped = 0;   /* bytes of the text its escapes stand for, less their own */

  *escapes = FALSE;
  while (st->p < st->end)
    {
      guchar c = (guchar) *st->p;

      if (c == '"')
        {
          st->p++;
          st->text_length = (gsize) (st->p - open) - 2 - escaped;
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
          escaped += 1;
          break;
        case 'u':
          {
            gunichar code, low;

            if (!read_hex4 (st->p + 2, st->end, &code))
              return strict_fail (st, st->p, _("a \\u escape lacks its four hexadecimal digits"));
            if (code == 0)
              return strict_fail (st, st->p, _("a text holds the character U+0000, which no text may"));
            if (code >= 0xdc00 && code <= 0xdfff)
              return strict_fail (st, st->p, _("a text holds half of a character (a lone low surrogate)"));
            if (code >= 0xd800 && code <= 0xdbff)
              {
                if (st->p + 7 >= st->end || st->p[6] != '\\' || st->p[7] != 'u' ||
                    !read_hex4 (st->p + 8, st->end, &low) || low < 0xdc00 || low > 0xdfff)
                  return strict_fail (st, st->p, _("a text holds half of a character (a lone high surrogate)"));
                st->p += 12;
                escaped += 12 - 4;
              }
            else
              {
                st->p += 6;
                escaped += 6 - (code < 0x80 ? 1 : code < 0x800 ? 2 : 3);
              }
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

/* The name of the member whose value is being read in the object open at
 * @depth, or %NULL if what is open there is not an object. */
static const Name *
current_name (Strict *st,
              guint   depth)
{
  if (depth == 0 || depth > L4A_BUNDLE_MAX_DEPTH || !st->objects[depth] || st->names[depth] == NULL ||
      st->names[depth]->len == 0)
    return NULL;
  return &g_array_index (st->names[depth], Name, st->names[depth]->len - 1);
}

static gboolean
name_is (const Name *name,
         const char *what)
{
  if (name == NULL)
    return FALSE;
  if (name->decoded != NULL)
    return g_str_equal (name->decoded, what);
  return name->length == strlen (what) && memcmp (name->p, what, name->length) == 0;
}

static char *
name_dup (const Name *name)
{
  if (name->decoded != NULL)
    return g_strdup (name->decoded);
  return g_strndup (name->p, name->length);
}

/* How many elements a list may hold, and how many values each of them. */
static void
list_limits (const L4aBundleList *list,
             guint               *elements,
             guint               *values)
{
  *elements = list->in_records ? L4A_BUNDLE_MAX_RECORDS : L4A_BUNDLE_MAX_ROSTER;
  *values = list->in_records ? L4A_BUNDLE_MAX_VALUES : 64;
}

/* A container opens at st->depth: notes the records object, and the
 * lists read an element at a time. */
static void
note_container (Strict  *st,
                gboolean object)
{
  L4aBundleList list = { NULL, FALSE, (gsize) (st->p - st->start), 0, 0 };

  st->objects[st->depth] = object;
  if (st->lists == NULL || st->open_list >= 0)
    return;
  if (object && st->depth == 2 && !st->in_records && name_is (current_name (st, 1), "records"))
    {
      st->in_records = TRUE;
      st->records_start = list.start;
      return;
    }
  if (object)
    return;
  if (st->depth == 2 && (name_is (current_name (st, 1), "roster") || name_is (current_name (st, 1), "attachments")))
    list.name = name_dup (current_name (st, 1));
  else if (st->depth == 3 && st->in_records && current_name (st, 2) != NULL)
    {
      list.name = name_dup (current_name (st, 2));
      list.in_records = TRUE;
    }
  else
    return;
  g_array_append_val (st->lists, list);
  st->open_list = (int) st->lists->len - 1;
  st->list_depth = st->depth;
}

/* A container closes at st->p, st->depth. */
static void
note_close (Strict *st)
{
  if (st->lists == NULL)
    return;
  if (st->open_list >= 0 && st->depth == st->list_depth)
    {
      g_array_index (st->lists, L4aBundleList, st->open_list).end = (gsize) (st->p - st->start);
      st->open_list = -1;
    }
  else if (st->in_records && st->depth == 2)
    {
      st->in_records = FALSE;
      st->has_records = TRUE;
      st->records_end = (gsize) (st->p - st->start);
    }
}

/* A value starts at st->p: counted against the limit of where it stands. */
static gboolean
note_value (Strict *st)
{
  if (st->lists == NULL)
    return TRUE;
  if (st->open_list >= 0 && st->depth >= st->list_depth)
    {
      L4aBundleList *list = &g_array_index (st->lists, L4aBundleList, st->open_list);
      guint max_elements, max_values;

      list_limits (list, &max_elements, &max_values);
      if (st->depth == st->list_depth)
        {
          /* an element of the list */
          if (list->length >= max_elements)
            {
              if (list->in_records)
                g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                             _("The bundle holds more than %u records of type “%s”."), max_elements, list->name);
              else
                /* translators: %s is a member of the bundle, such as roster */
                g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                             _("The bundle’s “%s” holds more than %u elements."), list->name, max_elements);
              return FALSE;
            }
          if (list->in_records && *st->p != '{' && st->deferred == NULL)
            g_set_error (&st->deferred, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                         _("Record %u of type “%s” is not an object."), list->length + 1, list->name);
          list->length++;
          st->element_values = 0;
        }
      if (++st->element_values > max_values)
        {
          if (list->in_records)
            g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                         /* translators: a number, a record type, then the most a record may hold */
                         _("Record %u of type “%s” holds more than %u values."), list->length, list->name,
                         max_values);
          else
            g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                         /* translators: a number, a member of the bundle, then the most it may hold */
                         _("Element %u of the bundle’s “%s” holds more than %u values."), list->length, list->name,
                         max_values);
          return FALSE;
        }
      return TRUE;
    }
  if (st->in_records && st->depth == 2 && *st->p != '[' && st->deferred == NULL)
    {
      g_autofree char *name = current_name (st, 2) ? name_dup (current_name (st, 2)) : g_strdup ("?");
      g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 64));

      g_set_error (&st->deferred, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                   _("The records of type “%s” are not a list."), shown);
    }
  if (++st->head_values > L4A_BUNDLE_MAX_HEAD)
    {
      g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle holds more than %u values outside its records."), L4A_BUNDLE_MAX_HEAD);
      return FALSE;
    }
  return TRUE;
}

/* A text was read: within its limit (the data of an attachment has its
 * own), or the bundle is refused once it is known to be JSON, before any
 * of it is parsed. The records' checksum is then checked on their text
 * as it stands, and their strings need not be walked again. */
static void
note_text (Strict *st)
{
  const L4aBundleList *list = NULL;
  const Name *member = NULL;
  guint floor = 0;
  gsize limit;

  if (st->lists == NULL || st->text_length <= L4A_BUNDLE_MAX_STRING || st->deferred != NULL)
    return;
  if (st->open_list >= 0)
    {
      list = &g_array_index (st->lists, L4aBundleList, st->open_list);
      floor = st->list_depth;
    }
  for (guint d = st->depth; d > floor && member == NULL; d--)
    member = current_name (st, d);
  if (member == NULL && list != NULL && !list->in_records)
    member = current_name (st, 1);
  limit = name_is (member, "data") ? L4A_BUNDLE_MAX_DATA : L4A_BUNDLE_MAX_STRING;
  if (st->text_length > limit)
    {
      g_autofree char *name = member ? name_dup (member) : g_strdup ("?");
      g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 64));

      g_set_error (&st->deferred, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   /* translators: a record type, then a field name */
                   _("In “%s”, the field “%s” holds more text than a bundle may carry."),
                   list != NULL && list->in_records ? list->name : _("the bundle"), shown);
    }
}

static gboolean
strict_container (Strict *st)
{
  const char *open = st->p;
  gboolean object = *st->p == '{';
  char close = object ? '}' : ']';
  GArray *names = NULL;
  gboolean first = TRUE;

  if (++st->depth > L4A_BUNDLE_MAX_DEPTH)
    {
      g_set_error (st->error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle nests lists and objects more than %u deep."), L4A_BUNDLE_MAX_DEPTH);
      return FALSE;
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
  note_container (st, object);

  st->p++;
  strict_skip_space (st);
  while (st->p < st->end && *st->p != close)
    {
      if (!first)
        {
          if (*st->p != ',')
            return strict_fail (st, st->p, object ? _("a “,” or “}” is missing between members")
                                                  : _("a “,” or “]” is missing between elements"));
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
  note_close (st);
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
  if (!note_value (st))
    return FALSE;
  switch (*st->p)
    {
    case '{':
    case '[':
      return strict_container (st);
    case '"':
      if (!strict_string (st, &escapes))
        return FALSE;
      note_text (st);
      return TRUE;
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

static void
bundle_list_clear (gpointer data)
{
  g_clear_pointer (&((L4aBundleList *) data)->name, g_free);
}

/* Where a bundle's lists, and its records object, stand in its text. */
typedef struct
{
  GArray   *lists;       /* L4aBundleList */
  gboolean  has_records;
  gsize     records_start;
  gsize     records_end;
} Layout;

/* The strict walk of a text; with @layout, of a bundle's text, noting
 * where its lists stand and holding its parts to their limits. */
static gboolean
prescan (const char  *data,
         gsize        length,
         Layout      *layout,
         GError     **error)
{
  Strict st = { data, data, data + length, 0, { NULL }, { FALSE }, error };
  gboolean ok;

  st.open_list = -1;
  if (layout != NULL)
    {
      st.lists = g_array_new (FALSE, TRUE, sizeof (L4aBundleList));
      g_array_set_clear_func (st.lists, bundle_list_clear);
    }
  if (length > L4A_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      g_clear_pointer (&st.lists, g_array_unref);
      return FALSE;
    }

  /* a byte-order mark is not JSON either, but harmless: skipped */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    st.p += 3;
  strict_skip_space (&st);
  if (st.p >= st.end)
    {
      g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX, _("The bundle is empty."));
      g_clear_pointer (&st.lists, g_array_unref);
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
  if (ok && st.deferred != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&st.deferred));
      ok = FALSE;
    }
  g_clear_error (&st.deferred);
  if (layout != NULL && ok)
    {
      layout->lists = g_steal_pointer (&st.lists);
      layout->has_records = st.has_records;
      layout->records_start = st.records_start;
      layout->records_end = st.records_end;
    }
  g_clear_pointer (&st.lists, g_array_unref);
  return ok;
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

/* The canonical text of one record, worked out by the reader (maybe in
 * its second thread); with the first string too long, if any. */
typedef struct
{
  GString *text;
  GError  *error;
} Piece;

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_string_free (piece->text, TRUE);
  g_clear_error (&piece->error);
  g_free (piece);
}

static gpointer
canonical_piece (const char *table,
                 guint       index,
                 JsonNode   *record,
                 gpointer    user_data)
{
  Piece *piece = g_new0 (Piece, 1);
  Canonical c = { g_string_sized_new (512), NULL, TRUE, 2, table, NULL };

  canonical_node (&c, record, NULL);
  piece->text = c.out;
  piece->error = c.error;
  return piece;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The checksum of the canonical text of the bundle's records, record by
 * record, checking the length of every string on the way: the text is
 * never held whole, and no more than a few records are parsed at once. */
static char *
checked_records_checksum (L4aBundle  *bundle,
                          GError    **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = l4a_bundle_dup_tables (bundle);
  g_autoptr(GString) out = g_string_sized_new (CANONICAL_BLOCK + 4096);
  g_autoptr(L4aBundleReader) reader = NULL;

  g_ptr_array_sort (tables, compare_strings);
  g_ptr_array_add (tables, NULL);
  reader = l4a_bundle_reader_new (bundle, (const char * const *) tables->pdata, NULL, canonical_piece, piece_free,
                                  NULL);
  g_string_append_c (out, '{');
  for (guint t = 0; g_ptr_array_index (tables, t) != NULL; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      guint length = l4a_bundle_get_n_records (bundle, table);

      if (t > 0)
        g_string_append_c (out, ',');
      canonical_string (out, table);
      g_string_append (out, ":[");
      for (guint i = 0; i < length; i++)
        {
          gpointer result = NULL;
          Piece *piece;

          if (!l4a_bundle_reader_next (reader, NULL, NULL, NULL, &result, error))
            {
              if (error != NULL && *error == NULL)
                g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX,
                                     _("The bundle ends before its records do."));
              return NULL;
            }
          piece = result;
          if (piece->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&piece->error));
              return NULL;
            }
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_len (out, piece->text->str, piece->text->len);
          if (out->len >= CANONICAL_BLOCK)
            {
              g_checksum_update (checksum, (const guchar *) out->str, out->len);
              g_string_truncate (out, 0);
            }
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
  g_checksum_update (checksum, (const guchar *) out->str, out->len);
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
  g_clear_pointer (&bundle->head, json_node_unref);
  g_clear_pointer (&bundle->lists, g_array_unref);
  g_clear_pointer (&bundle->text, g_bytes_unref);
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

/**
 * l4a_bundle_get_list:
 * @in_records: %TRUE for the records of the type @name, %FALSE for the
 *   member @name of the bundle ("roster", "attachments")
 *
 * Returns: (nullable): where the list stands, or %NULL if the bundle has
 *   none of that name
 */
const L4aBundleList *
l4a_bundle_get_list (L4aBundle  *bundle,
                     gboolean    in_records,
                     const char *name)
{
  for (guint i = 0; bundle->lists != NULL && i < bundle->lists->len; i++)
    {
      const L4aBundleList *list = &g_array_index (bundle->lists, L4aBundleList, i);

      if (list->in_records == in_records && g_str_equal (list->name, name))
        return list;
    }
  return NULL;
}

/**
 * l4a_bundle_get_n_records:
 *
 * Returns: how many records of the type @table the bundle holds
 */
guint
l4a_bundle_get_n_records (L4aBundle  *bundle,
                          const char *table)
{
  const L4aBundleList *list = l4a_bundle_get_list (bundle, TRUE, table);

  return list != NULL ? list->length : 0;
}

/**
 * l4a_bundle_dup_tables:
 *
 * Returns: (transfer container) (element-type utf8): the types of records
 *   the bundle holds, in the order of its text; the strings are the
 *   bundle's
 */
GPtrArray *
l4a_bundle_dup_tables (L4aBundle *bundle)
{
  GPtrArray *tables = g_ptr_array_new ();

  for (guint i = 0; bundle->lists != NULL && i < bundle->lists->len; i++)
    {
      const L4aBundleList *list = &g_array_index (bundle->lists, L4aBundleList, i);

      if (list->in_records)
        g_ptr_array_add (tables, list->name);
    }
  return tables;
}

static JsonNode *
parse_text (const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, text, (gssize) length, &local_error) ||
      (node = json_parser_steal_root (parser)) == NULL)
    {
      /* the parser may quote part of a character of the text */
      g_autofree char *reason = g_utf8_make_valid (local_error ? local_error->message : "", -1);

      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX, _("The bundle is not valid JSON: %s"), reason);
      return NULL;
    }
  return node;
}

/**
 * l4a_bundle_dup_list:
 * @member: "roster" or "attachments"
 *
 * Returns: (transfer full) (nullable): that list of the bundle, parsed,
 *   or %NULL if the bundle has none (@error unset) or it cannot be read
 */
JsonNode *
l4a_bundle_dup_list (L4aBundle   *bundle,
                     const char  *member,
                     GError     **error)
{
  const L4aBundleList *list = l4a_bundle_get_list (bundle, FALSE, member);
  const char *text = g_bytes_get_data (bundle->text, NULL);

  if (list == NULL)
    return NULL;
  return parse_text (text + list->start, list->end + 1 - list->start, error);
}

/**
 * l4a_bundle_dup_root:
 *
 * The whole bundle, parsed, as a tool or a test may want it to change and
 * write again; the application never holds a bundle so.
 *
 * Returns: (transfer full): its root
 */
JsonNode *
l4a_bundle_dup_root (L4aBundle  *bundle,
                     GError    **error)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (bundle->text, &length);

  return parse_text (text, length, error);
}

/* The start of the next element of the list, past the comma before it;
 * %NULL at the end. */
static const char *
iter_peek (L4aBundleIter *iter)
{
  while (iter->p < iter->end &&
         (*iter->p == ' ' || *iter->p == '\t' || *iter->p == '\n' || *iter->p == '\r' || *iter->p == ','))
    iter->p++;
  return iter->p < iter->end ? iter->p : NULL;
}

/* Where the value at @p ends; the text passed the strict reading. */
static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  if (*p != '{' && *p != '[' && *p != '"')
    {
      while (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        p++;
      return p;
    }
  for (; p < end; p++)
    {
      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"'; p++)
            if (*p == '\\')
              p++;
          if (depth == 0)
            return MIN (p + 1, end);
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
    }
  return end;
}

/**
 * l4a_bundle_iter_init:
 *
 * Starts reading @list of @bundle; @bundle must outlive the reading.
 */
void
l4a_bundle_iter_init (L4aBundleIter       *iter,
                      L4aBundle           *bundle,
                      const L4aBundleList *list)
{
  const char *text = g_bytes_get_data (bundle->text, NULL);

  memset (iter, 0, sizeof *iter);
  if (list == NULL)
    return;
  iter->p = text + list->start + 1;
  iter->end = text + list->end;
}

/* Building an element's nodes from its text, which the strict reading
 * has passed: json-glib's parser makes a scanner for each call and reads
 * a token at a time, which for a record of a dozen values cost four times
 * the nodes it builds (an import reads every record so). The nodes are the
 * ones json-glib makes of the same text: a number with a point or an
 * exponent a double, any other an int64. Anything the strict reading
 * should have refused gives %NULL, and json-glib's parser reads it. */
typedef struct
{
  const char *end;
  GString    *text;   /* the string being read, its escapes decoded */
} Build;

static JsonNode *build_node (Build *b, const char **p, guint depth);

static inline const char *
build_skip_space (const char *p,
                  const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* The string at *@p, from its opening quote, into b->text. */
static gboolean
build_string (Build       *b,
              const char **p)
{
  const char *end = b->end;
  const char *q = *p + 1;
  const char *run = q;

  g_string_truncate (b->text, 0);
  for (;;)
    {
      gunichar code, low;

      while (q < end && *q != '"' && *q != '\\')
        q++;
      if (q >= end)
        return FALSE;
      g_string_append_len (b->text, run, q - run);
      if (*q == '"')
        break;
      if (q + 1 >= end)
        return FALSE;
      switch (q[1])
        {
        case '"': case '\\': case '/':
          g_string_append_c (b->text, q[1]);
          break;
        case 'b': g_string_append_c (b->text, '\b'); break;
        case 'f': g_string_append_c (b->text, '\f'); break;
        case 'n': g_string_append_c (b->text, '\n'); break;
        case 'r': g_string_append_c (b->text, '\r'); break;
        case 't': g_string_append_c (b->text, '\t'); break;
        case 'u':
          if (!read_hex4 (q + 2, end, &code) || code == 0 || (code >= 0xdc00 && code <= 0xdfff))
            return FALSE;
          if (code >= 0xd800 && code <= 0xdbff)
            {
              if (end - q < 12 || q[6] != '\\' || q[7] != 'u' || !read_hex4 (q + 8, end, &low) ||
                  low < 0xdc00 || low > 0xdfff)
                return FALSE;
              code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
              q += 6;
            }
          g_string_append_unichar (b->text, code);
          q += 4;
          break;
        default:
          return FALSE;
        }
      q += 2;
      run = q;
    }
  *p = q + 1;
  return TRUE;
}

static JsonNode *
build_number (Build       *b,
              const char **p)
{
  const char *begin = *p;
  const char *q = begin;
  gboolean integer = TRUE;
  char buffer[64];
  char *rest = NULL;
  gint64 whole = 0;
  double real = 0;

  while (q < b->end && (g_ascii_isdigit (*q) || *q == '-' || *q == '+' || *q == '.' || *q == 'e' || *q == 'E'))
    {
      if (*q == '.' || *q == 'e' || *q == 'E')
        integer = FALSE;
      q++;
    }
  if (q == begin || (gsize) (q - begin) >= sizeof buffer)
    return NULL;
  memcpy (buffer, begin, (gsize) (q - begin));
  buffer[q - begin] = '\0';
  errno = 0;
  if (integer)
    whole = g_ascii_strtoll (buffer, &rest, 10);
  else
    real = g_ascii_strtod (buffer, &rest);
  if (errno != 0 || rest != buffer + (q - begin) || (!integer && !isfinite (real)))
    return NULL;
  *p = q;
  return integer ? json_node_init_int (json_node_alloc (), whole) : json_node_init_double (json_node_alloc (), real);
}

static gboolean
build_word (Build       *b,
            const char **p,
            const char  *word)
{
  gsize n = strlen (word);

  if ((gsize) (b->end - *p) < n || memcmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static JsonNode *
build_container (Build       *b,
                 const char **p,
                 guint        depth)
{
  gboolean object = **p == '{';
  char close = object ? '}' : ']';
  JsonObject *members = object ? json_object_new () : NULL;
  JsonArray *elements = object ? NULL : json_array_new ();
  const char *q = build_skip_space (*p + 1, b->end);
  JsonNode *node;

  if (q < b->end && *q == close)
    q++;
  else
    for (;;)
      {
        char short_name[128];   /* a member's name, copied: its value is read next */
        g_autofree char *long_name = NULL;
        const char *name = NULL;
        JsonNode *value;

        if (object)
          {
            if (q >= b->end || *q != '"' || !build_string (b, &q))
              goto refused;
            if (b->text->len < sizeof short_name)
              name = memcpy (short_name, b->text->str, b->text->len + 1);
            else
              name = long_name = g_strndup (b->text->str, b->text->len);
            q = build_skip_space (q, b->end);
            if (q >= b->end || *q != ':')
              goto refused;
            q = build_skip_space (q + 1, b->end);
          }
        if ((value = build_node (b, &q, depth + 1)) == NULL)
          goto refused;
        if (object)
          json_object_set_member (members, name, value);
        else
          json_array_add_element (elements, value);
        q = build_skip_space (q, b->end);
        if (q < b->end && *q == close)
          {
            q++;
            break;
          }
        if (q >= b->end || *q != ',')
          goto refused;
        q = build_skip_space (q + 1, b->end);
      }
  *p = q;
  node = json_node_init (json_node_alloc (), object ? JSON_NODE_OBJECT : JSON_NODE_ARRAY);
  if (object)
    json_node_take_object (node, members);
  else
    json_node_take_array (node, elements);
  return node;

refused:
  g_clear_pointer (&members, json_object_unref);
  g_clear_pointer (&elements, json_array_unref);
  return NULL;
}

static JsonNode *
build_node (Build       *b,
            const char **p,
            guint        depth)
{
  if (*p >= b->end || depth > L4A_BUNDLE_MAX_DEPTH)
    return NULL;
  switch (**p)
    {
    case '{':
    case '[':
      return build_container (b, p, depth);
    case '"':
      return build_string (b, p) ? json_node_init_string (json_node_alloc (), b->text->str) : NULL;
    case 't':
      return build_word (b, p, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return build_word (b, p, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return build_word (b, p, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return build_number (b, p);
    }
}

/* The nodes of the element from @start to @stop, or %NULL if its text is
 * not what the strict reading lets through. */
static JsonNode *
build_element (L4aBundleIter *iter,
               const char    *start,
               const char    *stop)
{
  Build b = { stop, NULL };
  const char *p = start;
  JsonNode *node;

  if (iter->text == NULL)
    iter->text = g_string_sized_new (256);
  b.text = iter->text;
  node = build_node (&b, &p, 1);
  if (node != NULL && build_skip_space (p, stop) != stop)
    g_clear_pointer (&node, json_node_unref);
  /* the room a long text took (an attachment's data) is not kept for
   * the records after it */
  if (iter->text->allocated_len > 64 * 1024)
    g_string_free (g_steal_pointer (&iter->text), TRUE);
  return node;
}

/**
 * l4a_bundle_iter_next:
 * @element: (out) (transfer full): the next element
 *
 * Returns: %FALSE at the end of the list, or if the element cannot be
 *   parsed (@error set)
 */
gboolean
l4a_bundle_iter_next (L4aBundleIter  *iter,
                      JsonNode      **element,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *start = iter_peek (iter);
  const char *stop;

  *element = NULL;
  if (start == NULL)
    return FALSE;
  stop = skip_value (start, iter->end);
  if ((*element = build_element (iter, start, stop)) == NULL)
    {
      if (iter->parser == NULL)
        iter->parser = json_parser_new ();
      if (!json_parser_load_from_data (iter->parser, start, (gssize) (stop - start), &local_error) ||
          (*element = json_parser_steal_root (iter->parser)) == NULL)
        {
          g_autofree char *reason = g_utf8_make_valid (local_error ? local_error->message : "", -1);

          g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_SYNTAX, _("The bundle is not valid JSON: %s"), reason);
          iter->p = iter->end;
          return FALSE;
        }
    }
  iter->last_length = (gsize) (stop - start);
  iter->p = stop;
  iter->index++;
  return TRUE;
}

/**
 * l4a_bundle_iter_skip:
 *
 * Passes the next element without parsing it.
 *
 * Returns: %FALSE at the end of the list
 */
gboolean
l4a_bundle_iter_skip (L4aBundleIter *iter)
{
  const char *start = iter_peek (iter);
  const char *stop;

  if (start == NULL)
    return FALSE;
  stop = skip_value (start, iter->end);
  iter->last_length = (gsize) (stop - start);
  iter->p = stop;
  iter->index++;
  return TRUE;
}

void
l4a_bundle_iter_clear (L4aBundleIter *iter)
{
  g_clear_object (&iter->parser);
  if (iter->text != NULL)
    g_string_free (g_steal_pointer (&iter->text), TRUE);
}

/* A record read, and the reader's work on it. */
typedef struct
{
  const char *table;
  guint       index;
  JsonNode   *record;
  gpointer    result;
  gsize       bytes;
  GError     *error;
  gboolean    end;
} ReaderItem;

struct _L4aBundleReader
{
  L4aBundle      *bundle;
  GPtrArray      *lists;       /* const L4aBundleList *, in the order read */
  L4aBundleWant   want;
  L4aBundleWork   work;
  GDestroyNotify  free_result;
  gpointer        user_data;

  /* where the reading stands: the thread's, or the caller's without one */
  guint           list;
  L4aBundleIter   iter;
  gboolean        iter_open;
  guint           position;

  ReaderItem     *current;     /* what the caller was last given */
  gboolean        finished;
  /* with recycling: the items given before the current one, and those the
   * caller holds nothing of any more, for the thread to free */
  gboolean        recycling;
  GPtrArray      *retired;     /* ReaderItem *, the caller's */
  GPtrArray      *spent;       /* ReaderItem *, under the mutex */

  GThread        *thread;
  GMutex          mutex;
  GCond           ready;       /* a record is queued: for the caller */
  GCond           room;        /* the queue has room: for the thread */
  GQueue          queue;       /* ReaderItem */
  gsize           queued;      /* bytes of text of the records queued */
  gboolean        caller_waits;
  gboolean        thread_waits;
  gboolean        stop;
};

/* How far the thread may read ahead: records, and bytes of their text. */
#define READ_AHEAD_RECORDS 256
#define READ_AHEAD_BYTES   (1024 * 1024)

static void
reader_item_clear (L4aBundleReader *self,
                   ReaderItem      *item)
{
  g_clear_pointer (&item->record, json_node_unref);
  if (item->result != NULL && self->free_result != NULL)
    self->free_result (item->result);
  item->result = NULL;
  g_clear_error (&item->error);
}

static void
reader_item_free (L4aBundleReader *self,
                  ReaderItem      *item)
{
  if (item == NULL)
    return;
  reader_item_clear (self, item);
  g_free (item);
}

static void
free_items (L4aBundleReader *self,
            GPtrArray       *items)
{
  for (guint i = 0; i < items->len; i++)
    reader_item_free (self, g_ptr_array_index (items, i));
  g_ptr_array_set_size (items, 0);
}

/* Reads the next record into @item; %FALSE at the end. */
static gboolean
read_one (L4aBundleReader *self,
          ReaderItem      *item)
{
  while (self->list < self->lists->len)
    {
      const L4aBundleList *list = g_ptr_array_index (self->lists, self->list);
      gboolean got;

      if (!self->iter_open)
        {
          l4a_bundle_iter_init (&self->iter, self->bundle, list);
          self->iter_open = TRUE;
        }
      if (iter_peek (&self->iter) == NULL)
        {
          l4a_bundle_iter_clear (&self->iter);
          self->iter_open = FALSE;
          self->list++;
          continue;
        }
      item->table = list->name;
      item->index = self->iter.index;
      if (self->want == NULL || self->want (list->name, self->position, self->user_data))
        got = l4a_bundle_iter_next (&self->iter, &item->record, &item->error);
      else
        got = l4a_bundle_iter_skip (&self->iter);
      if (!got)
        return TRUE;   /* the error, for the caller */
      self->position++;
      item->bytes = self->iter.last_length;
      if (item->record != NULL && self->work != NULL)
        item->result = self->work (list->name, item->index, item->record, self->user_data);
      return TRUE;
    }
  return FALSE;
}

static gpointer
reader_thread (gpointer data)
{
  L4aBundleReader *self = data;
  g_autoptr(GPtrArray) spent = g_ptr_array_new ();

  for (;;)
    {
      ReaderItem *item = g_new0 (ReaderItem, 1);
      gboolean last;

      /* what the caller gave back, freed where it was made */
      free_items (self, spent);

      item->end = !read_one (self, item);
      last = item->end || item->error != NULL;
      g_mutex_lock (&self->mutex);
      while (!self->stop && (self->queue.length >= READ_AHEAD_RECORDS || self->queued >= READ_AHEAD_BYTES))
        {
          self->thread_waits = TRUE;
          g_cond_wait (&self->room, &self->mutex);
          self->thread_waits = FALSE;
        }
      if (self->stop)
        {
          g_mutex_unlock (&self->mutex);
          reader_item_free (self, item);
          return NULL;
        }
      g_queue_push_tail (&self->queue, item);
      self->queued += item->bytes;
      if (self->spent->len > 0)
        {
          GPtrArray *swap = self->spent;

          self->spent = spent;
          spent = swap;
        }
      /* woken only when waiting: a wake-up costs more than a record */
      if (self->caller_waits)
        g_cond_signal (&self->ready);
      g_mutex_unlock (&self->mutex);
      if (last)
        {
          free_items (self, spent);
          return NULL;
        }
    }
}

/**
 * l4a_bundle_reader_new:
 * @tables: the types of records to read, in this order; those the bundle
 *   does not hold are passed over
 * @want: (nullable): asked, for each record by its position in the
 *   reading, whether to parse it; a record not wanted is given with no
 *   JSON
 * @work: (nullable): done on each record read (in the reader's thread if
 *   it has one: it must only read what it shares)
 *
 * Returns: (transfer full): a reader of @bundle's records, which @bundle
 *   must outlive
 */
L4aBundleReader *
l4a_bundle_reader_new (L4aBundle          *bundle,
                       const char * const *tables,
                       L4aBundleWant       want,
                       L4aBundleWork       work,
                       GDestroyNotify      free_result,
                       gpointer            user_data)
{
  L4aBundleReader *self = g_new0 (L4aBundleReader, 1);
  guint64 n_records = 0;

  self->bundle = bundle;
  self->lists = g_ptr_array_new ();
  self->want = want;
  self->work = work;
  self->free_result = free_result;
  self->user_data = user_data;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->ready);
  g_cond_init (&self->room);
  g_queue_init (&self->queue);
  self->retired = g_ptr_array_new ();
  self->spent = g_ptr_array_new ();
  for (guint i = 0; tables[i] != NULL; i++)
    {
      const L4aBundleList *list = l4a_bundle_get_list (bundle, TRUE, tables[i]);

      if (list != NULL)
        {
          g_ptr_array_add (self->lists, (gpointer) list);
          n_records += list->length;
        }
    }
  /* a thread is worth it for a large bundle, on a machine with two cores */
  if (n_records >= 20000 && g_get_num_processors () > 1)
    self->thread = g_thread_try_new ("l4a-bundle-reader", reader_thread, self, NULL);
  return self;
}

/**
 * l4a_bundle_reader_next:
 * @table: (out) (optional) (transfer none): the record's type
 * @index: (out) (optional): its position in its list
 * @record: (out) (optional) (transfer none): the record, until the next
 *   call; %NULL if it was not wanted
 * @result: (out) (optional) (transfer none): what @work made of it
 *
 * Returns: %FALSE after the last record, or with @error set if a record
 *   cannot be read
 */
gboolean
l4a_bundle_reader_next (L4aBundleReader  *self,
                        const char      **table,
                        guint            *index,
                        JsonNode        **record,
                        gpointer         *result,
                        GError          **error)
{
  ReaderItem *item;

  if (self->recycling && self->thread != NULL && self->current != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&self->current));
  else if (self->current != NULL)
    reader_item_free (self, g_steal_pointer (&self->current));
  if (self->finished)
    return FALSE;
  if (self->thread != NULL)
    {
      g_mutex_lock (&self->mutex);
      while (self->queue.length == 0)
        {
          self->caller_waits = TRUE;
          g_cond_wait (&self->ready, &self->mutex);
          self->caller_waits = FALSE;
        }
      item = g_queue_pop_head (&self->queue);
      self->queued -= item->bytes;
      /* the thread goes on once half the queue is free */
      if (self->thread_waits && self->queue.length <= READ_AHEAD_RECORDS / 2 && self->queued <= READ_AHEAD_BYTES / 2)
        g_cond_signal (&self->room);
      g_mutex_unlock (&self->mutex);
    }
  else
    {
      item = g_new0 (ReaderItem, 1);
      item->end = !read_one (self, item);
    }
  if (item->end || item->error != NULL)
    {
      self->finished = TRUE;
      if (item->error != NULL)
        g_propagate_error (error, g_steal_pointer (&item->error));
      reader_item_free (self, item);
      return FALSE;
    }
  self->current = item;
  if (table != NULL)
    *table = item->table;
  if (index != NULL)
    *index = item->index;
  if (record != NULL)
    *record = item->record;
  if (result != NULL)
    *result = item->result;
  return TRUE;
}

/**
 * l4a_bundle_reader_recycle_in_thread:
 *
 * Has the records given by @self, and what its work made of them, freed
 * in the reader's own thread (if it has one) rather than at the next
 * l4a_bundle_reader_next(): they are kept until the caller says, with
 * l4a_bundle_reader_recycle(), that it holds nothing of them any more.
 * JSON-GLib counts the references of an object without atomic operations,
 * so the caller must have dropped every reference it took first; freeing
 * memory in the thread that allocated it also spares both threads the
 * allocator's locks (a fifth of the importing thread's time went to
 * freeing the reader's records).
 */
void
l4a_bundle_reader_recycle_in_thread (L4aBundleReader *self)
{
  self->recycling = TRUE;
}

/* How many records given back wait before they go to the thread */
#define RECYCLE_BATCH 64

/**
 * l4a_bundle_reader_recycle:
 *
 * Says that the caller holds no reference to any record given before the
 * current one, nor to anything in them: the reader's thread may free them.
 */
void
l4a_bundle_reader_recycle (L4aBundleReader *self)
{
  if (self->retired->len < RECYCLE_BATCH)
    return;
  g_mutex_lock (&self->mutex);
  g_ptr_array_extend (self->spent, self->retired, NULL, NULL);
  g_mutex_unlock (&self->mutex);
  g_ptr_array_set_size (self->retired, 0);
}

void
l4a_bundle_reader_free (L4aBundleReader *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      g_mutex_lock (&self->mutex);
      self->stop = TRUE;
      g_cond_broadcast (&self->room);
      g_mutex_unlock (&self->mutex);
      g_thread_join (self->thread);
    }
  while (self->queue.length > 0)
    reader_item_free (self, g_queue_pop_head (&self->queue));
  free_items (self, self->spent);
  free_items (self, self->retired);
  g_ptr_array_unref (self->spent);
  g_ptr_array_unref (self->retired);
  reader_item_free (self, self->current);
  if (self->iter_open)
    l4a_bundle_iter_clear (&self->iter);
  g_ptr_array_unref (self->lists);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->ready);
  g_cond_clear (&self->room);
  g_free (self);
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
  actual = l4a_sha256_hex (bytes, length);
  if ((gint64) length != json_node_get_int (size_node) || g_ascii_strcasecmp (actual, sha256) != 0)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                   _("Attachment %u does not match its SHA-256 or its size: the bundle was changed or damaged."),
                   index + 1);
      return FALSE;
    }
  return TRUE;
}

/* Each element of @list an object, its strings within their limits; and
 * for attachments, each matching its hash and size. */
static gboolean
check_list (L4aBundle            *bundle,
            const L4aBundleList  *list,
            gboolean              attachments,
            GError              **error)
{
  g_auto(L4aBundleIter) iter = { 0 };
  JsonNode *element = NULL;
  g_autoptr(GError) local_error = NULL;

  if (list == NULL)
    return TRUE;
  l4a_bundle_iter_init (&iter, bundle, list);
  for (guint i = 0; l4a_bundle_iter_next (&iter, &element, &local_error); i++)
    {
      g_autoptr(JsonNode) owned = element;

      if (!JSON_NODE_HOLDS_OBJECT (owned))
        {
          if (attachments)
            return format_error (error, _("An attachment of the bundle is not an object."));
          g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_FORMAT,
                       /* translators: a number, then a member of the bundle, such as roster */
                       _("Element %u of the bundle’s “%s” is not an object."), i + 1, list->name);
          return FALSE;
        }
      if (!list->in_records && !check_strings (owned, _("the bundle"), list->name, error))
        return FALSE;
      if (attachments && !check_attachment (json_node_get_object (owned), i, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
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
  gboolean has_member = json_object_has_member (json_node_get_object (bundle->head), "signature");

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

/* Opens a sealed bundle for @reader: the bundle's text, with *@for_key
 * set to the key it was sealed for. The base64 is decoded as it stands in
 * the file, and checked to be its only spelling a block at a time, so
 * that opening costs the sealed bytes and the opened ones, no more. */
static GBytes *
open_sealed (const char  *data,
             gsize        length,
             L4aKey      *reader,
             char       **for_key_out,
             GError     **error)
{
  const gsize head = strlen (SEALED_HEAD), middle = strlen (SEALED_MIDDLE), end = strlen (SEALED_END);
  g_autofree char *for_key = l4a_bundle_peek_sealed_for (data, length);
  g_autofree char *fingerprint = NULL;
  g_autofree guchar *sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  gsize start = head + L4A_KEY_PUBLIC_LENGTH + middle;
  gsize sealed_length = 0, n;
  int state = 0;
  guint save = 0;

  if (for_key == NULL || length < start + end || length > L4A_SEALED_MAX_SIZE ||
      memcmp (data + head + L4A_KEY_PUBLIC_LENGTH, SEALED_MIDDLE, middle) != 0 ||
      memcmp (data + length - end, SEALED_END, end) != 0 || (length - start - end) % 4 != 0)
    {
      format_error (error, _("The sealed bundle is not written as the format requires: it was changed or damaged."));
      return NULL;
    }
  n = length - start - end;
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
  sealed = g_malloc (n / 4 * 3 + 3);
  sealed_length = g_base64_decode_step (data + start, n, sealed, &state, &save);
  /* one spelling only: base64 that differs in its unused bits is refused */
  for (gsize done = 0, at = start; done < sealed_length || done == 0;)
    {
      gsize chunk = MIN (sealed_length - done, (gsize) 3 * 4096);
      g_autofree char *again = g_base64_encode (sealed + done, chunk);
      gsize written = strlen (again);

      if (at + written > length - end || memcmp (again, data + at, written) != 0)
        {
          format_error (error, _("The sealed bundle is not written as the format requires: it was changed or "
                                 "damaged."));
          return NULL;
        }
      done += chunk;
      at += written;
      if (chunk == 0 || done >= sealed_length)
        {
          if (at != length - end)
            {
              format_error (error, _("The sealed bundle is not written as the format requires: it was changed or "
                                     "damaged."));
              return NULL;
            }
          break;
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
  *for_key_out = g_steal_pointer (&for_key);
  return g_steal_pointer (&opened);
}

typedef struct
{
  gsize       start;   /* of the part left empty */
  gsize       stop;    /* after it */
  const char *empty;   /* what stands in its place */
} Emptied;

static int
compare_emptied (gconstpointer a,
                 gconstpointer b)
{
  gsize x = ((const Emptied *) a)->start, y = ((const Emptied *) b)->start;

  return x < y ? -1 : x > y;
}

/* The text of the bundle with its records, roster and attachments left
 * empty: what is parsed as a whole. */
static GString *
head_text (const char   *data,
           gsize         length,
           const Layout *layout)
{
  g_autoptr(GArray) emptied = g_array_new (FALSE, FALSE, sizeof (Emptied));
  GString *out = g_string_new (NULL);
  gsize at = 0;

  if (layout->has_records)
    g_array_append_val (emptied, ((Emptied) { layout->records_start, layout->records_end + 1, "{}" }));
  for (guint i = 0; i < layout->lists->len; i++)
    {
      const L4aBundleList *list = &g_array_index (layout->lists, L4aBundleList, i);

      /* the records' lists go with the records object */
      if (!list->in_records)
        g_array_append_val (emptied, ((Emptied) { list->start, list->end + 1, "[]" }));
    }
  g_array_sort (emptied, compare_emptied);
  for (guint i = 0; i < emptied->len; i++)
    {
      const Emptied *part = &g_array_index (emptied, Emptied, i);

      g_string_append_len (out, data + at, part->start - at);
      g_string_append (out, part->empty);
      at = part->stop;
    }
  g_string_append_len (out, data + at, length - at);
  return out;
}

/* Checks and parses the bundle whose text is @text, which it keeps. */
static L4aBundle *
parse_bytes (GBytes  *text,
             GError **error)
{
  g_autoptr(L4aBundle) bundle = NULL;
  g_autoptr(GString) head = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *signer = NULL;
  Layout layout = { NULL, FALSE, 0, 0 };
  gsize length = 0;
  const char *data = g_bytes_get_data (text, &length);
  gboolean ok;
  JsonObject *root, *origin;
  JsonNode *node;
  const char *message;

  if (data == NULL)
    data = "";
  if (length <= L4A_BUNDLE_MAX_SIZE && !check_signature_bytes (data, length, &signer, error))
    return NULL;
  ok = length <= L4A_BUNDLE_MAX_SIZE && g_utf8_validate_len (data, length, NULL)
       ? prescan (data, length, &layout, error)
       : length > L4A_BUNDLE_MAX_SIZE ? prescan (data, length, &layout, error)
                                      : format_error (error, _("The bundle is not UTF-8 text."));
  if (!ok)
    return NULL;

  head = head_text (data, length, &layout);
  bundle = g_new0 (L4aBundle, 1);
  bundle->text = g_bytes_ref (text);
  bundle->lists = g_steal_pointer (&layout.lists);
  bundle->head = parse_text (head->str, head->len, error);
  if (bundle->head == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (bundle->head))
    {
      format_error (error, _("The file is not a Local4Action bundle: it is not a JSON object."));
      return NULL;
    }
  root = json_node_get_object (bundle->head);

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

  message = get_string (root, "kind");
  if (message == NULL || !g_strv_contains (kinds, message))
    {
      format_error (error, _("The bundle’s “kind” is missing or unknown."));
      return NULL;
    }
  bundle->kind = g_strdup (message);

  message = get_string (root, "bundle_id");
  if (!l4a_is_uuid (message))
    {
      format_error (error, _("The bundle’s “bundle_id” is not a UUID."));
      return NULL;
    }
  bundle->bundle_id = g_strdup (message);

  message = get_string (root, "created_at");
  if (!l4a_is_timestamp (message))
    {
      format_error (error, _("The bundle’s “created_at” is not a date and time such as 2026-11-21T09:30:00Z."));
      return NULL;
    }
  bundle->created_at = g_strdup (message);

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
  for (guint i = 0; i < bundle->lists->len; i++)
    {
      const L4aBundleList *list = &g_array_index (bundle->lists, L4aBundleList, i);

      if (list->in_records)
        bundle->n_records += list->length;
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
  if (!check_list (bundle, l4a_bundle_get_list (bundle, FALSE, "roster"), FALSE, error))
    return NULL;

  /* Integrity: the checksum over the canonical records, then the
   * attachments, wherever they are carried. */
  message = get_string (root, "checksum");
  if (message == NULL)
    {
      format_error (error, _("The bundle has no “checksum”."));
      return NULL;
    }
  /* The records as they stand in the file are the canonical text the
   * checksum was taken over, as this application writes them: their hash
   * is the checksum, and nothing need be parsed. Otherwise they are
   * written out canonically, a record at a time. (The length of every
   * string of the records was checked by the strict reading.) */
  if (layout.has_records)
    checksum = l4a_sha256_hex (data + layout.records_start, layout.records_end + 1 - layout.records_start);
  if (checksum == NULL || g_ascii_strcasecmp (checksum, message) != 0)
    {
      g_clear_pointer (&checksum, g_free);
      checksum = checked_records_checksum (bundle, error);
      if (checksum == NULL)
        return NULL;
    }
  if (g_ascii_strcasecmp (checksum, message) != 0)
    {
      g_set_error_literal (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_INTEGRITY,
                           _("The bundle’s records do not match its checksum: it was changed or damaged after it "
                             "was written."));
      return NULL;
    }
  if ((json_object_has_member (root, "attachments") &&
       !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "attachments"))))
    return format_error (error, _("The bundle’s attachments are not a list.")), NULL;
  if (!check_list (bundle, l4a_bundle_get_list (bundle, FALSE, "attachments"), TRUE, error) ||
      !check_list (bundle, l4a_bundle_get_list (bundle, TRUE, "attachment"), TRUE, error) ||
      !check_signature (bundle, &signer, error))
    return NULL;

  return g_steal_pointer (&bundle);
}

/**
 * l4a_bundle_parse:
 *
 * Checks and parses a bundle held in memory (copied); nothing is written
 * anywhere.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to the
 *   first problem, in words a user understands
 */
L4aBundle *
l4a_bundle_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GBytes) text = NULL;

  if (length > L4A_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  text = g_bytes_new (data, length);
  return parse_bytes (text, error);
}

/* As l4a_bundle_parse_for(), taking @text: a sealed bundle's text is let
 * go once it is opened. */
static L4aBundle *
parse_bytes_for (GBytes  *text,
                 L4aKey  *reader,
                 GError **error)
{
  g_autoptr(GBytes) owned = text;
  gsize length = 0;
  const char *data = g_bytes_get_data (text, &length);
  g_autofree char *for_key = NULL;
  g_autoptr(GBytes) opened = NULL;
  L4aBundle *bundle;

  if (data == NULL || !is_sealed (data, length))
    return parse_bytes (text, error);
  opened = open_sealed (data, length, reader, &for_key, error);
  g_clear_pointer (&owned, g_bytes_unref);
  if (opened == NULL)
    return NULL;
  bundle = parse_bytes (opened, error);
  if (bundle != NULL)
    bundle->sealed_for = g_steal_pointer (&for_key);
  return bundle;
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
  if (length > L4A_SEALED_MAX_SIZE)
    {
      g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                   _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  return parse_bytes_for (g_bytes_new (data, length), reader, error);
}

/**
 * l4a_bundle_open:
 * @reader: (nullable): the key of the workstation reading it
 *
 * Reads and checks a bundle file, refusing one over the size limit, or
 * that is no file (a pipe, a device), before reading it, and opening it
 * first if it is sealed for @reader. The bundle keeps the file's text
 * (read, not mapped: a file changed while it is read must not take the
 * application down).
 */
L4aBundle *
l4a_bundle_open (const char  *path,
                 L4aKey      *reader,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = l4a_read_file (path, L4A_SEALED_MAX_SIZE, &local_error);

  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, L4A_BUNDLE_ERROR, L4A_BUNDLE_ERROR_TOO_LARGE,
                     _("The bundle is larger than %u MB."), L4A_BUNDLE_MAX_SIZE / (1024 * 1024));
      else
        g_set_error (error, local_error->domain, local_error->code, _("The bundle cannot be read: %s"),
                     local_error->message);
      return NULL;
    }
  return parse_bytes_for (bytes, reader, error);
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
