/* l4a-proposals-view.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "l4a-permissions.h"
#include "l4a-accessible.h"
#include "l4a-calls-window.h"
#include "l4a-labels.h"
#include "l4a-proposal.h"
#include "l4a-proposal-editor.h"
#include "l4a-proposal-query.h"
#include "l4a-proposals-view.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-rows.h"
#include "l4a-toast.h"
#include "l4a-cell-text.h"

/* The proposals this workstation may see: all of them for the secretariat,
 * its own for a local government (board members read theirs in Reviews).
 * Search and filter by call and state; each opens in the proposal editor. */
struct _L4aProposalsView
{
  AdwBin            parent_instance;

  L4aContextFollower follow;   /* the context's role and identity */
  L4aStore         *store;
  L4aProposalQuery *proposals; /* lazy and live; NULL without a context */
  GtkSingleSelection *rows;
  GtkNoSelection   *cards;
  GPtrArray        *calls;

  GtkStack         *stack;
  GtkSearchEntry   *search_entry;
  GtkButton        *new_button;
  GtkButton        *calls_button;
  GtkDropDown      *call_drop;
  GtkDropDown      *state_drop;
  GtkDropDown      *region_drop;
  GtkLabel         *count_label;
  GtkStack         *results_stack;
  GtkColumnView    *column_view;
  GtkListView      *card_list;
  AdwStatusPage    *none_page;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (L4aProposalsView, l4a_proposals_view, ADW_TYPE_BIN)


enum {
  COLUMN_TITLE,
  COLUMN_GOVERNMENT,
  COLUMN_CALL,
  COLUMN_STATE,
  COLUMN_VERSION,
  COLUMN_SUBMITTED,
};

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  /* the columns have fixed widths: a cell cut short says itself whole in
   * its tooltip; a call, a state, a date are laid out once for all the
   * rows that show them (@user_data, their layouts) */
  gtk_list_item_set_child (item, l4a_cell_text_new_for_column (user_data, 24));
}

static void
shared_free (gpointer  data,
             GClosure *closure)
{
  g_clear_pointer (&data, g_hash_table_unref);
}

/* Where a proposal stands, and for its government whether it still has
 * to be sent to the World Secretariat. */
static const char *
state_text (L4aProposal *proposal)
{
  if (l4a_proposal_get_unsent (proposal))
    return _("Submitted, not yet sent");
  return l4a_proposal_state_label (l4a_proposal_get_state (proposal));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  L4aProposal *proposal = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TITLE:
      text = l4a_proposal_get_title (proposal);
      if (text == NULL || *text == '\0')
        text = _("Untitled proposal");
      break;
    case COLUMN_GOVERNMENT:
      text = l4a_proposal_get_government (proposal);
      break;
    case COLUMN_CALL:
      text = l4a_proposal_get_call (proposal);
      break;
    case COLUMN_STATE:
      text = state_text (proposal);
      break;
    case COLUMN_VERSION:
      text = owned = g_strdup_printf ("%u", l4a_proposal_get_version (proposal));
      break;
    case COLUMN_SUBMITTED:
      if (l4a_proposal_get_submitted (proposal))
        {
          g_autofree char *date = g_strndup (l4a_proposal_get_submitted (proposal), 10);
          text = owned = l4a_format_date (date);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  l4a_cell_text_show (cell, text);
}

/* The cards of a narrow window: the title, then who and which call, and
 * the state as a tag. */
static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle;
  GtkWidget *texts = l4a_rows_texts_new (title, &subtitle);
  GtkWidget *state = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (state, "l4a-tag");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), state);
  gtk_list_item_set_child (item, box);
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  L4aProposal *proposal = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *state = gtk_widget_get_next_sibling (texts);
  const char *name = l4a_proposal_get_title (proposal);
  /* translators: a proposal's government and call, under its title */
  g_autofree char *who = g_strdup_printf (_("%s · %s"), l4a_proposal_get_government (proposal) ?: "",
                                          l4a_proposal_get_call (proposal) ?: "");

  gtk_label_set_label (GTK_LABEL (title), name && *name ? name : _("Untitled proposal"));
  gtk_label_set_label (GTK_LABEL (subtitle), who);
  gtk_label_set_label (GTK_LABEL (state), state_text (proposal));
}

/* Columns keep a readable width; a narrow window shows cards instead. */
static void
add_column (L4aProposalsView *self,
            int               column,
            const char       *title,
            gboolean          expand,
            int               width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb),
                         column == COLUMN_TITLE || column == COLUMN_GOVERNMENT ? NULL : l4a_cell_text_new_shared (),
                         shared_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* How many proposals the list shows, and what to do when it shows none. */
static void
show_count (L4aProposalsView *self)
{
  guint n = self->proposals ? g_list_model_get_n_items (G_LIST_MODEL (self->proposals)) : 0;
  L4aRole role = self->store ? l4a_store_get_role (self->store) : L4A_ROLE_SECRETARIAT;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u proposal", "%u proposals", n), n);

  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "results" : "none");

  if (role == L4A_ROLE_GOVERNMENT && l4a_store_get_identity (self->store) == NULL)
    adw_status_page_set_description (self->none_page,
                                     _("Choose the government this workstation works for in Preferences to write proposals."));
  else if (role == L4A_ROLE_GOVERNMENT)
    adw_status_page_set_description (self->none_page,
                                     _("Start a proposal for an open call with the New Proposal button."));
  else
    adw_status_page_set_description (self->none_page,
                                     _("Proposals appear here when local governments submit them, or when their bundles are imported."));
}

static void
proposals_failed_cb (L4aProposalsView *self,
                     const char       *reason)
{
  /* translators: %s says why (the database's words) */
  g_autofree char *message = g_strdup_printf (_("The proposals cannot be listed: %s"), reason);

  l4a_toast_say (GTK_WIDGET (self), message);
}

/* Narrows the list to the filters and the role as they are now: the list
 * reads only the order, and the proposals a row shows. */
void
l4a_proposals_view_reload (L4aProposalsView *self)
{
  g_autoptr(GError) error = NULL;
  L4aQuery query = { 0 };
  L4aRole role;
  guint call, state;

  g_return_if_fail (L4A_IS_PROPOSALS_VIEW (self));

  if (self->store == NULL || self->proposals == NULL)
    return;

  role = l4a_store_get_role (self->store);
  gtk_stack_set_visible_child_name (self->stack, role == L4A_ROLE_MEMBER ? "members" : "list");
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), role == L4A_ROLE_GOVERNMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->calls_button), l4a_role_can (role, L4A_PERMISSION_KEEP_REGISTRY));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.calls", l4a_role_can (role, L4A_PERMISSION_KEEP_REGISTRY));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.new", role == L4A_ROLE_GOVERNMENT);

  call = gtk_drop_down_get_selected (self->call_drop);
  state = gtk_drop_down_get_selected (self->state_drop);
  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (call > 0 && self->calls && call <= self->calls->len)
    query.call = ((L4aCallInfo *) g_ptr_array_index (self->calls, call - 1))->id;
  if (state > 0 && state <= g_strv_length ((char **) l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE)))
    query.status = l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE)[state - 1];
  {
    guint region = gtk_drop_down_get_selected (self->region_drop);
    const L4aReferenceEntry *regions;
    guint n_regions;

    regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
    if (region > 0 && region <= n_regions)
      query.region = regions[region - 1].code;
  }
  /* A local government sees its own proposals only; with no identity,
   * none; a board member none here (the list says so too). */
  if (role == L4A_ROLE_GOVERNMENT)
    query.government = l4a_store_get_identity (self->store) ? l4a_store_get_identity (self->store) : "";

  /* one change over the part that differs: the rows around it, and the
   * selection and scroll there, stay */
  if (!l4a_proposal_query_set_query (self->proposals, &query, &error))
    proposals_failed_cb (self, error->message);
  show_count (self);
}

static void
fill_filters (L4aProposalsView *self)
{
  g_autoptr(GtkStringList) calls = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) state_labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->calls, g_ptr_array_unref);
  self->calls = l4a_registry_list_calls (self->store, &error);

  gtk_string_list_append (calls, _("All calls"));
  for (guint i = 0; self->calls && i < self->calls->len; i++)
    gtk_string_list_append (calls, ((L4aCallInfo *) g_ptr_array_index (self->calls, i))->title);
  {
    g_autoptr(GtkStringList) region_labels = gtk_string_list_new (NULL);
    const L4aReferenceEntry *regions;
    guint n_regions;

    gtk_string_list_append (region_labels, _("All regions"));
    regions = l4a_reference_entries (L4A_REFERENCE_REGIONS, &n_regions);
    for (guint i = 0; i < n_regions; i++)
      gtk_string_list_append (region_labels, l4a_reference_translate (L4A_REFERENCE_REGIONS, regions[i].code));
    self->updating = TRUE;
    gtk_drop_down_set_model (self->region_drop, G_LIST_MODEL (region_labels));
    self->updating = FALSE;
  }
  gtk_string_list_append (state_labels, _("All states"));
  for (const char * const *state = l4a_enum_get_nicks (L4A_TYPE_PROPOSAL_STATE); *state; state++)
    gtk_string_list_append (state_labels, l4a_proposal_state_label (*state));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->call_drop, G_LIST_MODEL (calls));
  gtk_drop_down_set_model (self->state_drop, G_LIST_MODEL (state_labels));
  self->updating = FALSE;
}

static void
filters_changed_cb (L4aProposalsView *self)
{
  if (!self->updating)
    l4a_proposals_view_reload (self);
}

static void
editor_changed_cb (L4aProposalsView *self)
{
  l4a_proposals_view_reload (self);
}

/* Opens proposal @id in its editor. */
static GtkWindow *
open_proposal (L4aProposalsView *self,
               const char       *id)
{
  g_autoptr(GError) error = NULL;
  L4aProposalEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (L4A_IS_PROPOSALS_VIEW (self), NULL);

  editor = l4a_proposal_editor_new (self->store, id, NULL, &error);
  if (editor == NULL)
    {
      l4a_toast_say (GTK_WIDGET (self), error->message);
      return NULL;
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_proposal (L4A_PROPOSALS_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
activated_cb (L4aProposalsView *self,
              guint             position)
{
  g_autoptr(L4aProposal) proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), position);

  if (proposal)
    open_proposal (self, l4a_proposal_get_id (proposal));
}

/* A new proposal of this workstation's government to the call open today,
 * in its editor. */
static GtkWindow *
new_proposal (L4aProposalsView  *self,
              GError           **error)
{
  L4aProposalEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *call = NULL;

  g_return_val_if_fail (L4A_IS_PROPOSALS_VIEW (self), NULL);

  if (l4a_store_get_role (self->store) != L4A_ROLE_GOVERNMENT || l4a_store_get_identity (self->store) == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_DENIED,
                           _("A proposal is written by a local government: choose this workstation’s role and government in Preferences."));
      return NULL;
    }

  for (guint i = 0; self->calls && i < self->calls->len && call == NULL; i++)
    if (l4a_call_info_is_open (g_ptr_array_index (self->calls, i)))
      call = ((L4aCallInfo *) g_ptr_array_index (self->calls, i))->id;

  if (call == NULL)
    {
      g_set_error_literal (error, L4A_STORE_ERROR, L4A_STORE_ERROR_INVALID,
                           _("No call for proposals is open today."));
      return NULL;
    }

  editor = l4a_proposal_editor_new (self->store, NULL, call, error);
  if (editor == NULL)
    return NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  L4aProposalsView *self = L4A_PROPOSALS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (new_proposal (self, &error) == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           _("No New Proposal"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      l4a_accessible_present (GTK_WINDOW (dialog));
    }
}

static void
calls_changed_cb (L4aProposalsView *self)
{
  fill_filters (self);
  l4a_proposals_view_reload (self);
}

static void
calls_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  L4aProposalsView *self = L4A_PROPOSALS_VIEW (widget);
  L4aCallsWindow *window = l4a_calls_window_new (self->store);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_signal_connect_object (window, "changed", G_CALLBACK (calls_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
l4a_proposals_view_dispose (GObject *object)
{
  L4aProposalsView *self = (L4aProposalsView *)object;

  l4a_context_unfollow (&self->follow);
  g_clear_object (&self->store);
  if (self->proposals != NULL)
    g_signal_handlers_disconnect_by_data (self->proposals, self);
  g_clear_object (&self->proposals);
  g_clear_object (&self->rows);
  g_clear_object (&self->cards);
  g_clear_pointer (&self->calls, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_proposals_view_parent_class)->dispose (object);
}

static void
l4a_proposals_view_class_init (L4aProposalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_proposals_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-proposals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, stack);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, new_button);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, calls_button);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, call_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, state_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, region_drop);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, card_list);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalsView, none_page);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);

  gtk_widget_class_install_action (widget_class, "proposals.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "proposals.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "proposals.calls", NULL, calls_action);
}

static void
l4a_proposals_view_init (L4aProposalsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* their list comes with the context */
  self->rows = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->rows, FALSE);
  gtk_single_selection_set_can_unselect (self->rows, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->rows));
  self->cards = gtk_no_selection_new (NULL);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (card_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (card_bind_cb), NULL);
    gtk_list_view_set_factory (self->card_list, factory);
    gtk_list_view_set_model (self->card_list, GTK_SELECTION_MODEL (self->cards));
  }

  add_column (self, COLUMN_TITLE, _("Title"), TRUE, 260);
  add_column (self, COLUMN_GOVERNMENT, _("Government"), TRUE, 180);
  add_column (self, COLUMN_CALL, _("Call"), TRUE, 200);
  add_column (self, COLUMN_STATE, _("State"), FALSE, 180);
  add_column (self, COLUMN_VERSION, _("Version"), FALSE, 80);
  add_column (self, COLUMN_SUBMITTED, _("Submitted"), FALSE, 120);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

static void
set_context (L4aProposalsView *self,
             L4aContext       *context)
{
  if (self->proposals != NULL)
    g_signal_handlers_disconnect_by_data (self->proposals, self);
  g_clear_object (&self->proposals);
  g_clear_object (&self->store);
  if (context != NULL)
    self->store = g_object_ref (l4a_context_get_store (context));
  if (context != NULL)
    {
      /* follows the context's records itself; the view, its role */
      self->proposals = l4a_proposal_query_new (context);
      g_signal_connect_object (self->proposals, "items-changed", G_CALLBACK (show_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->proposals, "failed", G_CALLBACK (proposals_failed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->rows, G_LIST_MODEL (self->proposals));
  gtk_no_selection_set_model (self->cards, G_LIST_MODEL (self->proposals));
  if (self->store == NULL)
    return;
  fill_filters (self);
  l4a_proposals_view_reload (self);
}

/* The list follows the records; the view follows no kind of record, only
 * the role and identity (l4a_context_follow()). */
static const char * const no_kinds[] = { NULL };

/**
 * l4a_proposals_view_set_context:
 *
 * Shows what @context holds, and follows its changes and its role.
 */
void
l4a_proposals_view_set_context (L4aProposalsView *self,
                                L4aContext *context)
{
  g_return_if_fail (L4A_IS_PROPOSALS_VIEW (self));
  g_return_if_fail (!context || L4A_IS_CONTEXT (context));

  l4a_context_follow (&self->follow, context, no_kinds, (L4aFollowFunc) l4a_proposals_view_reload, self);
  set_context (self, context);
}
