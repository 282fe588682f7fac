/* l4a-letter-export.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving a decision letter from a window: where, then the command line's
 * `letter` writes it in a process of its own, since it writes in the
 * government's language by switching the message catalogue, which only a
 * process with no other thread may do.
 */

#define G_LOG_DOMAIN "l4a-letter-export"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-letter-export.h"
#include "l4a-types.h"

typedef struct
{
  char          *path;
  char          *proposal_id;
  L4aStore      *store;
  L4aLetterDone  done;
  GWeakRef       owner;     /* the window that asked, gone perhaps */
} Export;

static void
export_free (Export *export)
{
  g_free (export->path);
  g_free (export->proposal_id);
  g_clear_object (&export->store);
  g_weak_ref_clear (&export->owner);
  g_free (export);
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  Export *export = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GObject) owner = g_weak_ref_get (&export->owner);
  gboolean ok = g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &out, &err, &error);

  if (owner == NULL)
    ;  /* nobody left to tell */
  else if (!ok)
    export->done (owner, export->path, error->message);
  else if (!g_subprocess_get_successful (G_SUBPROCESS (object)))
    {
      char *message = err && g_str_has_prefix (err, "local4action: ") ? err + strlen ("local4action: ") : err;

      export->done (owner, export->path,
                    message && *g_strstrip (message) ? message : _("The letter cannot be written."));
    }
  else
    export->done (owner, export->path, NULL);
  export_free (export);
}

/**
 * l4a_program_path:
 *
 * Returns: (transfer full) (nullable): this program, for work it does in a
 *   process of its own; or the one a test names in L4A_EXECUTABLE
 */
char *
l4a_program_path (void)
{
  const char *named = g_getenv ("L4A_EXECUTABLE");

  return named != NULL ? g_strdup (named) : g_file_read_link ("/proc/self/exe", NULL);
}

/**
 * l4a_letter_export_to:
 * @owner: the window that asks
 * @done: called once if @owner is still there, with an error message when
 *   the letter was not written
 *
 * Writes the decision letter of @proposal_id at @path, as the workstation's
 * role and identity may.
 */
void
l4a_letter_export_to (L4aStore      *store,
                      const char    *proposal_id,
                      const char    *path,
                      GObject       *owner,
                      L4aLetterDone  done)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *identity = l4a_store_get_identity (store);
  Export *export;

  g_ptr_array_add (argv, l4a_program_path ());
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (l4a_store_get_path (store)));
  g_ptr_array_add (argv, g_strdup ("--role"));
  g_ptr_array_add (argv, g_strdup (l4a_role_to_string (l4a_store_get_role (store))));
  if (identity != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--as"));
      g_ptr_array_add (argv, g_strdup (identity));
    }
  g_ptr_array_add (argv, g_strdup ("letter"));
  g_ptr_array_add (argv, g_strdup (proposal_id));
  g_ptr_array_add (argv, g_strdup ("--out"));
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, NULL);
  if (g_ptr_array_index (argv, 0) != NULL)
    process = g_subprocess_newv ((const char * const *) argv->pdata,
                                 G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (process == NULL)
    {
      done (owner, path, error ? error->message : _("The program cannot find itself to write the letter."));
      return;
    }
  export = g_new0 (Export, 1);
  export->path = g_strdup (path);
  export->proposal_id = g_strdup (proposal_id);
  export->store = g_object_ref (store);
  export->done = done;
  g_weak_ref_init (&export->owner, owner);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, finished_cb, export);
}

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      g_autoptr(GObject) owner = g_weak_ref_get (&export->owner);

      if (path != NULL && owner != NULL)
        l4a_letter_export_to (export->store, export->proposal_id, path, owner, export->done);
    }
  export_free (export);
  g_object_unref (dialog);
}

/**
 * l4a_letter_export_choose:
 *
 * Asks where to save the decision letter of @proposal_id, then writes it.
 */
void
l4a_letter_export_choose (GtkWindow     *parent,
                          L4aStore      *store,
                          const char    *proposal_id,
                          GObject       *owner,
                          L4aLetterDone  done)
{
  GtkFileChooserNative *dialog;
  Export *export = g_new0 (Export, 1);

  export->proposal_id = g_strdup (proposal_id);
  export->store = g_object_ref (store);
  export->done = done;
  g_weak_ref_init (&export->owner, owner);
  dialog = gtk_file_chooser_native_new (_("Save the Decision Letter"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "decision-letter.pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
