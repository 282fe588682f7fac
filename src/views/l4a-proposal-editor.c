/* l4a-proposal-editor.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "l4a-proposal-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "l4a-accessible.h"
#include "l4a-adaptive-split.h"
#include "l4a-call.h"
#include "l4a-date-button.h"
#include "l4a-sdg-picker.h"
#include "l4a-bundle.h"
#include "l4a-clarifications-group.h"
#include "l4a-mail.h"
#include "l4a-labels.h"
#include "l4a-letter-export.h"
#include "l4a-monitoring.h"
#include "l4a-proposal-editor.h"
#include "l4a-bind.h"
#include "l4a-review.h"
#include "l4a-reference.h"
#include "l4a-registry.h"
#include "l4a-summary.h"
#include "l4a-toast.h"

/* A local government writes its proposal here. Everything typed is saved
 * as it is, a moment after the last key (so a crash loses nothing); the six
 * key features are checked as the user types, and Submit opens once all
 * pass while the call is open. Other roles, and proposals that are no longer
 * drafts, are shown read-only. */
struct _L4aProposalEditor
{
  AdwWindow        parent_instance;
  AdwToastOverlay   *toasts;

  L4aStore        *store;
  L4aProposalEdit *edit;
  GPtrArray       *checks;
  GPtrArray       *problems;
  guint            save_source;
  gboolean         loading;
  gboolean         editable;
  gboolean         dirty;
  gboolean         discard;     /* closing without the changes that could not be saved */
  GPtrArray       *check_rows;
  GPtrArray       *check_icons;   /* the icon of each of check_rows */

  AdwWindowTitle  *window_title;
  GtkButton       *submit_button;
  GtkRevealer     *notice_revealer;
  GtkLabel        *notice_label;
  L4aAdaptiveSplit *split;
  AdwPreferencesGroup *eligibility_group;
  AdwPreferencesGroup *about_group;
  AdwEntryRow     *title_row;
  AdwEntryRow     *topic_row;
  GtkTextView     *summary_view;
  AdwComboRow     *format_row;
  AdwComboRow     *axis_row;
  AdwComboRow     *language_row;
  AdwPreferencesGroup *questions_slot;   /* holds the Board's questions, when there are any */      /* 0: the language of the government's country */
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  GtkWidget       *start_calendar;
  GtkWidget       *end_calendar;
  L4aSdgPicker    *sdg_picker;
  AdwPreferencesGroup *partners_group;
  AdwPreferencesGroup *deliverables_group;
  AdwPreferencesGroup *indicators_group;
  GtkTextView     *communication_view;
  GtkTextView     *brand_view;
  GtkTextView     *monitoring_view;
  GtkWidget       *about_error;
  GtkWidget       *partners_error;
  GtkWidget       *deliverables_error;
  GtkWidget       *indicators_error;
  gboolean         call_open;
  AdwPreferencesGroup *attachments_group;
  GPtrArray       *dynamic_rows;   /* rows of partners, deliverables, indicators, attachments */
};

G_DEFINE_FINAL_TYPE (L4aProposalEditor, l4a_proposal_editor, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_PROPOSAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void rebuild_lists (L4aProposalEditor *self);

static void
show_notice (L4aProposalEditor *self,
             const char        *text)
{
  gtk_label_set_label (self->notice_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

static void
show_error (L4aProposalEditor *self,
            const char        *heading,
            const GError      *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
text_set_editable (GtkTextView *view,
                   gboolean     editable)
{
  gtk_text_view_set_editable (view, editable);
  gtk_text_view_set_cursor_visible (view, editable);
}

static gboolean
can_submit (L4aProposalEditor *self)
{
  return self->editable && self->call_open && g_strcmp0 (self->edit->state, "draft") == 0 &&
         l4a_feature_checks_all_pass (self->checks);
}

/* A label under a group for the messages about its fields. */
static GtkWidget *
error_label (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "l4a-field-error");
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);
  return label;
}

/* Shows the messages whose field starts with one of @prefixes. */
static void
show_problems (GtkWidget          *label,
               GPtrArray          *problems,
               const char * const *prefixes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      L4aFieldError *problem = g_ptr_array_index (problems, i);

      for (guint k = 0; prefixes[k]; k++)
        if (g_str_has_prefix (problem->field, prefixes[k]))
          {
            g_string_append_printf (text, "%s%s", text->len ? "\n" : "", problem->message);
            break;
          }
    }
  gtk_label_set_label (GTK_LABEL (label), text->str);
  gtk_widget_set_visible (label, text->len > 0);
}

static void
update_problems (L4aProposalEditor *self)
{
  static const char * const about[] = { "title", "start_on", "end_on", "sdgs", NULL };
  static const char * const partners[] = { "partners.", NULL };
  static const char * const deliverables[] = { "deliverables.", NULL };
  static const char * const indicators[] = { "indicators.", NULL };

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = l4a_proposal_edit_validate (self->store, self->edit);
  show_problems (self->about_error, self->problems, about);
  show_problems (self->partners_error, self->problems, partners);
  show_problems (self->deliverables_error, self->problems, deliverables);
  show_problems (self->indicators_error, self->problems, indicators);
}

static void
update_checks (L4aProposalEditor *self)
{
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  self->checks = l4a_proposal_check_features (self->store, self->edit);

  for (guint i = 0; i < self->checks->len && i < self->check_rows->len; i++)
    {
      L4aFeatureCheck *check = g_ptr_array_index (self->checks, i);
      GtkWidget *row = g_ptr_array_index (self->check_rows, i);
      GtkWidget *icon = g_ptr_array_index (self->check_icons, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), check->reason);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), check->passed ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check->passed ? _("Shown") : _("Missing"), -1);
      if (check->passed)
        {
          gtk_widget_add_css_class (row, "l4a-check-passed");
          gtk_widget_remove_css_class (row, "l4a-check-failed");
        }
      else
        {
          gtk_widget_add_css_class (row, "l4a-check-failed");
          gtk_widget_remove_css_class (row, "l4a-check-passed");
        }
    }

  update_problems (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.submit", can_submit (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->submit_button),
                               !self->call_open ? _("The call is not open today")
                               : !l4a_feature_checks_all_pass (self->checks) ? _("Show all six key features to submit")
                               : NULL);
}

static void
update_status (L4aProposalEditor *self,
               const char        *saving)
{
  g_autofree char *subtitle = NULL;

  if (saving)
    subtitle = g_strdup_printf ("%s · %s", l4a_proposal_state_label (self->edit->state), saving);
  else
    /* translators: a proposal's state and version */
    subtitle = g_strdup_printf (_("%s · version %d"), l4a_proposal_state_label (self->edit->state), self->edit->version);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static gboolean
autosave_cb (gpointer user_data)
{
  L4aProposalEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!l4a_proposal_editor_save_now (self, &error))
    show_notice (self, error->message);
  return G_SOURCE_REMOVE;
}

/* Reads the form, checks it, and saves it a moment later. */
static void
form_changed (L4aProposalEditor *self)
{
  if (self->loading || !self->editable)
    return;

  update_checks (self);
  self->dirty = TRUE;
  update_status (self, _("Not saved yet"));

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (800, autosave_cb, self);
}

static void
field_changed_cb (L4aProposalEditor *self)
{
  form_changed (self);
}

gboolean
l4a_proposal_editor_save_now (L4aProposalEditor  *self,
                              GError            **error)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty)
    return TRUE;

  if (!l4a_registry_save_draft (self->store, self->edit, error))
    return FALSE;

  self->dirty = FALSE;
  show_notice (self, NULL);
  update_status (self, _("Saved"));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* List rows ---------------------------------------------------------------- */

/* What a remove button of a list row works on: an item of the proposal
 * being edited in its list. The rows are built again whenever those lists
 * change, so the pointers hold as long as the widgets do; the binding
 * belongs to the signal connection. (The entries are bound to the items'
 * properties.) */
typedef struct
{
  L4aProposalEditor *self;
  GPtrArray         *array;
  gpointer           item;
} ItemBinding;

static gpointer
item_binding_new (L4aProposalEditor *self,
                  GPtrArray         *array,
                  gpointer           item)
{
  ItemBinding *binding = g_new0 (ItemBinding, 1);

  binding->self = self;
  binding->array = array;
  binding->item = item;
  return binding;
}

static void
item_binding_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
remove_item_cb (GtkButton   *button,
                ItemBinding *binding)
{
  L4aProposalEditor *self = binding->self;

  g_ptr_array_remove (binding->array, binding->item);
  rebuild_lists (self);
  form_changed (self);
}

static void
item_changed_cb (L4aProposalEditor *self)
{
  form_changed (self);
}

/* A change of any text of a list item checks and saves the proposal; once
 * per item, however often its rows are made again. */
static void
follow_item (L4aProposalEditor *self,
             gpointer           item)
{
  g_signal_handlers_disconnect_by_func (item, item_changed_cb, self);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_changed_cb), self, G_CONNECT_SWAPPED);
}

/* A field of a list item: its label above it, always visible (a
 * placeholder is no label: it goes as soon as one types); a date has a
 * calendar beside it. */
static GtkWidget *
item_field (L4aProposalEditor *self,
            gpointer           item,
            const char        *property,
            const char        *label,
            int                width_chars,
            gboolean           date)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  /* named by its label (the mnemonic widget relation), once */
  /* the entry and the item's property, both ways */
  l4a_bind_text (item, property, entry);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_box_append (GTK_BOX (line), entry);
  if (date)
    {
      GtkWidget *calendar = l4a_date_button_new (GTK_EDITABLE (entry), label);

      gtk_widget_set_sensitive (calendar, self->editable);
      gtk_widget_add_css_class (line, "linked");
      gtk_widget_remove_css_class (calendar, "flat");
      gtk_box_append (GTK_BOX (line), calendar);
      gtk_widget_set_tooltip_text (entry, _("A date such as 2026-06-30"));
    }
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_hexpand (box, width_chars > 12);
  return box;
}

static GtkWidget *
remove_button (L4aProposalEditor *self,
               GPtrArray         *array,
               gpointer           item,
               const char        *label)
{
  GtkWidget *button = l4a_remove_button_new (label);

  gtk_widget_set_sensitive (button, self->editable);
  g_signal_connect_data (button, "clicked", G_CALLBACK (remove_item_cb),
                         item_binding_new (self, array, item), item_binding_free, 0);
  return button;
}

/* One row of a list: its entries side by side, wrapping when narrow. */
static GtkWidget *
item_row (L4aProposalEditor   *self,
          AdwPreferencesGroup *group,
          GtkWidget          **entries,
          guint                n_entries,
          GtkWidget           *remove)
{
  /* An AdwPreferencesRow, so that the group draws it in its boxed list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (fields), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (fields), n_entries);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (fields), 1);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (fields), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (fields), 6);
  gtk_widget_set_hexpand (fields, TRUE);
  for (guint i = 0; i < n_entries; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (fields), entries[i]);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
  return row;
}

static void
remove_dynamic_rows (L4aProposalEditor *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

/* The first page of a PDF, 96 pixels high, or NULL when poppler cannot
 * read it. */
static GdkTexture *
pdf_first_page (GBytes *bytes)
{
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, NULL));
  g_autoptr(GObject) page = NULL;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  int w, h;

  if (document == NULL || poppler_document_get_n_pages (POPPLER_DOCUMENT (document)) < 1)
    return NULL;
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
  if (page == NULL)
    return NULL;

  poppler_page_get_size (POPPLER_PAGE (page), &width, &height);
  if (width <= 0 || height <= 0)
    return NULL;
  scale = 96.0 / height;
  w = MAX (1, (int) (width * scale));
  h = 96;
  if (w > 400)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (POPPLER_PAGE (page), cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * h);
  {
    GdkTexture *texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels,
                                                  (gsize) cairo_image_surface_get_stride (surface));
    cairo_surface_destroy (surface);
    return texture;
  }
}

static void
rebuild_lists (L4aProposalEditor *self)
{
  L4aProposalEdit *edit = self->edit;

  remove_dynamic_rows (self);

  for (guint i = 0; i < edit->partners->len; i++)
    {
      L4aPartnerEdit *p = g_ptr_array_index (edit->partners, i);
      GtkWidget *entries[] = {
        item_field (self, p, "name", _("Partner"), 20, FALSE),
        item_field (self, p, "role", _("Role"), 12, FALSE),
      };
      follow_item (self, p);
      item_row (self, self->partners_group, entries, G_N_ELEMENTS (entries),
                remove_button (self, edit->partners, p, _("Remove Partner")));
    }

  for (guint i = 0; i < edit->deliverables->len; i++)
    {
      L4aDeliverableEdit *d = g_ptr_array_index (edit->deliverables, i);
      GtkWidget *entries[] = {
        item_field (self, d, "title", _("Deliverable"), 20, FALSE),
        item_field (self, d, "due", _("Due on"), 10, TRUE),
        item_field (self, d, "description", _("Description"), 20, FALSE),
      };
      follow_item (self, d);
      item_row (self, self->deliverables_group, entries, G_N_ELEMENTS (entries),
                remove_button (self, edit->deliverables, d, _("Remove Deliverable")));
    }

  for (guint i = 0; i < edit->indicators->len; i++)
    {
      L4aPlannedIndicator *ind = g_ptr_array_index (edit->indicators, i);
      GtkWidget *entries[] = {
        item_field (self, ind, "code", _("Code"), 6, FALSE),
        item_field (self, ind, "name", _("Indicator"), 14, FALSE),
        item_field (self, ind, "baseline", _("Baseline"), 6, FALSE),
        item_field (self, ind, "target", _("Target"), 6, FALSE),
      };
      follow_item (self, ind);
      item_row (self, self->indicators_group, entries, G_N_ELEMENTS (entries),
                remove_button (self, edit->indicators, ind, _("Remove Indicator")));
    }

  for (guint i = 0; i < edit->attachments->len; i++)
    {
      L4aAttachmentRef *a = g_ptr_array_index (edit->attachments, i);
      g_autofree char *size = g_format_size ((guint64) a->size);
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *text = g_strdup_printf ("%s · %s", a->name, size);
      GtkWidget *entries[1];

      gtk_label_set_label (GTK_LABEL (label), text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (label, TRUE);
      entries[0] = label;

      /* Pictures show a thumbnail, PDF documents their first page; the
       * decoders get only what the core accepted as PNG, JPEG or PDF. */
      {
          g_autoptr(GBytes) bytes = l4a_registry_get_attachment (self->store, a->sha256, NULL);
          g_autoptr(GdkTexture) texture = NULL;

          if (bytes && g_str_has_prefix (a->media_type, "image/"))
            texture = gdk_texture_new_from_bytes (bytes, NULL);
          else if (bytes && g_strcmp0 (a->media_type, "application/pdf") == 0)
            texture = pdf_first_page (bytes);

          if (texture)
            {
              GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
              GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

              gtk_widget_set_size_request (picture, 48, 48);
              gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
              gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
              gtk_box_append (GTK_BOX (box), picture);
              gtk_box_append (GTK_BOX (box), label);
              entries[0] = box;
            }
        }
      item_row (self, self->attachments_group, entries, 1,
                remove_button (self, edit->attachments, a, _("Remove Attachment")));
    }
}

/* Actions ------------------------------------------------------------------ */

static void
add_partner_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);

  l4a_proposal_edit_add_partner (self->edit, "", "");
  rebuild_lists (self);
}

static void
add_deliverable_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);

  l4a_proposal_edit_add_deliverable (self->edit, "", "");
  rebuild_lists (self);
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);

  l4a_proposal_edit_add_indicator (self->edit, "", "", "", "");
  rebuild_lists (self);
}

static void
reload (L4aProposalEditor *self);

/* After submitting: the World Secretariat receives the proposal when it
 * imports the government's submission bundle. Three ways to get it there:
 * the mail client, the shared folder the secretariat watches, or a file
 * saved anywhere. */
static void
send_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  L4aProposalEditor *self)
{
  if (g_str_equal (response, "email"))
    gtk_widget_activate_action (GTK_WIDGET (self), "proposal.send-by-mail", NULL);
  else if (g_str_equal (response, "folder"))
    gtk_widget_activate_action (GTK_WIDGET (self), "proposal.send-to-folder", NULL);
  else if (g_str_equal (response, "save"))
    gtk_widget_activate_action (GTK_WIDGET (self), "proposal.save-bundle", NULL);
}

/* The folder the World Secretariat watches (Preferences › Sync), or "". */
static char *
send_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "send-folder");
}

static void
offer_to_send (L4aProposalEditor *self)
{
  g_autofree char *folder = send_folder ();
  /* translators: a proposal's title */
  g_autofree char *body = g_strdup_printf (_("“%s” is submitted on this workstation. The World Secretariat receives "
                                             "it when it imports your submission bundle."),
                                           self->edit->title ? self->edit->title : "");
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Send the Proposal?"), body));

  adw_message_dialog_add_response (dialog, "later", _("_Later"));
  adw_message_dialog_add_response (dialog, "save", _("_Save Bundle…"));
  if (*folder != '\0')
    adw_message_dialog_add_response (dialog, "folder", _("Put in the Shared _Folder"));
  adw_message_dialog_add_response (dialog, "email", _("Send by _Email"));
  adw_message_dialog_set_response_appearance (dialog, *folder != '\0' ? "folder" : "email",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, *folder != '\0' ? "folder" : "email");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect (dialog, "response", G_CALLBACK (send_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
submit_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    L4aProposalEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit"))
    return;
  if (!l4a_proposal_editor_save_now (self, &error) || !l4a_proposal_submit (self->store, self->edit->id, &error))
    {
      show_error (self, _("The Proposal Cannot Be Submitted"), error);
      return;
    }

  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  show_notice (self, _("Submitted. The proposal can be withdrawn while it waits for review."));
  offer_to_send (self);
}

/* Submitting asks first, naming the proposal and its call. */
static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autoptr(L4aCallEdit) call = self->edit->call_id ? l4a_registry_load_call (self->store, self->edit->call_id, NULL)
                                                     : NULL;
  /* translators: a proposal's title, then the call it answers */
  g_autofree char *body = g_strdup_printf (_("“%s” goes to the call “%s” for review by the Advisory Board. It can be "
                                             "withdrawn while it waits for review."),
                                           self->edit->title ? self->edit->title : "",
                                           call && call->title ? call->title : "");
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Submit the Proposal?"), body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "submit");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (submit_response_cb), self);
  l4a_accessible_present (GTK_WINDOW (dialog));
}

/* The submission bundle, written to @path; the proposal then counts as
 * sent. */
static gboolean
write_submission (L4aProposalEditor *self,
                  const char        *path)
{
  g_autoptr(GError) error = NULL;

  if (!l4a_bundle_export (self->store, "submission", NULL, path, NULL, NULL, &error))
    {
      show_error (self, _("The Proposal Cannot Be Sent"), error);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
toast_text (L4aProposalEditor *self,
            const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (text));
}

/* Into the folder the World Secretariat watches (Preferences › Sync). */
static void
send_to_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autofree char *folder = send_folder ();
  g_autofree char *name = l4a_bundle_suggest_name (self->store, "submission", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (*folder == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      /* translators: a folder */
      g_autofree char *missing = g_strdup_printf (_("The shared folder “%s” is not there; choose it again in "
                                                    "Preferences."), folder);

      toast_text (self, missing);
      return;
    }
  path = g_build_filename (folder, name, NULL);
  if (!write_submission (self, path))
    return;
  /* translators: a file name */
  text = g_strdup_printf (_("Put in the shared folder as “%s”"), name);
  toast_text (self, text);
}

static void
save_bundle_response_cb (GtkNativeDialog   *dialog,
                         int                response,
                         L4aProposalEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && write_submission (self, path))
        {
          g_autofree char *basename = g_path_get_basename (path);
          /* translators: a file name */
          g_autofree char *text = g_strdup_printf (_("Saved as “%s”; send it to the World Secretariat"), basename);

          toast_text (self, text);
        }
    }
  g_object_unref (dialog);
}

static void
save_bundle_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autofree char *name = l4a_bundle_suggest_name (self->store, "submission", NULL);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save the Submission Bundle"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                              _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_bundle_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
sent_by_mail_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(L4aProposalEditor) self = user_data;
  g_autofree char *problem = l4a_mail_compose_problem (result);

  if (problem != NULL)
    toast_text (self, problem);
}

/* The government's submission bundle, attached to a message for the
 * World Secretariat in the mail client. */
static void
send_by_mail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "local4action", "outbox", NULL);
  g_autofree char *name = l4a_bundle_suggest_name (self->store, "submission", NULL);
  g_autofree char *path = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, name, NULL);
  if (!write_submission (self, path))
    return;
  /* translators: a proposal's title */
  subject = g_strdup_printf (_("Local4Action: proposal “%s”"), self->edit->title ? self->edit->title : "");
  body = g_strdup_printf (_("Dear World Secretariat,\n\nattached is our proposals bundle, with “%s”. Import it in "
                            "Local4Action Hubs (Import Bundle, Ctrl+I).\n"), self->edit->title ? self->edit->title : "");
  l4a_mail_compose (GTK_WINDOW (self), NULL, subject, body, (const char * const[]) { path, NULL }, NULL,
                    sent_by_mail_cb, g_object_ref (self));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!l4a_proposal_withdraw (self->store, self->edit->id, &error))
    {
      show_error (self, _("The Proposal Cannot Be Withdrawn"), error);
      return;
    }
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
revise_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!l4a_proposal_revise (self->store, self->edit->id, &error))
    {
      show_error (self, _("The Proposal Cannot Be Revised"), error);
      return;
    }
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
  show_notice (self, _("A new version is open as a draft; the decided one stays readable."));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  changes = l4a_proposal_compare_versions (self->store, self->edit->id, self->edit->version - 1,
                                           self->edit->version, &error);
  if (changes == NULL)
    {
      show_error (self, _("The Versions Cannot Be Compared"), error);
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      L4aFieldChange *change = g_ptr_array_index (changes, i);
      /* translators: a field, what it was, then what it is */
      g_string_append_printf (text, _("%s\nwas: %s\nnow: %s\n\n"), change->field,
                              *change->before ? change->before : "—", *change->after ? change->after : "—");
    }
  if (changes->len == 0)
    g_string_append (text, _("Nothing changed yet."));

  /* translators: two version numbers */
  heading = g_strdup_printf (_("Version %d Against Version %d"), self->edit->version, self->edit->version - 1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, text->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  l4a_accessible_present (GTK_WINDOW (dialog));
}

static void
summary_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     L4aProposalEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !l4a_proposal_write_summary (self->store, self->edit->id, path, &error))
        {
          if (error)
            show_error (self, _("The Summary Cannot Be Written"), error);
        }
    }
  g_object_unref (dialog);
}

static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GError) error = NULL;

  if (!l4a_proposal_editor_save_now (self, &error))
    {
      show_error (self, _("The Summary Cannot Be Written"), error);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Export Summary as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "proposal-summary.pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (summary_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
letter_done_cb (GObject    *owner,
                const char *path,
                const char *error_message)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (owner);

  if (error_message != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, error_message);

      show_error (self, _("The Letter Cannot Be Written"), error);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      /* translators: a file written, by its name */
      g_autofree char *text = g_strdup_printf (_("Letter saved as “%s”"), name);

      adw_toast_overlay_add_toast (self->toasts, l4a_toast_new (text));
    }
}

static void
letter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);

  if (self->edit->id != NULL)
    l4a_letter_export_choose (GTK_WINDOW (self), self->store, self->edit->id, G_OBJECT (self), letter_done_cb);
}

static void
attach_response_cb (GtkNativeDialog   *dialog,
                    int                response,
                    L4aProposalEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = l4a_attachment_load (file, &error);
      g_autofree char *name = g_file_get_basename (file);

      if (bytes == NULL || !l4a_registry_add_attachment (self->store, self->edit, name, bytes, &error))
        show_error (self, _("The File Cannot Be Attached"), error);
      else
        {
          rebuild_lists (self);
          form_changed (self);
        }
    }
  g_object_unref (dialog);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents and pictures"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (attach_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Loading ------------------------------------------------------------------ */

/* Once a decision is released, its outcome, rationale and the reviewers'
 * comments for the authors head the proposal. */
static gboolean
decision_notice (L4aProposalEditor *self)
{
  g_autoptr(L4aDecision) decision = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;
  const char *outcome;

  if (self->edit->id == NULL || l4a_store_get_role (self->store) == L4A_ROLE_MEMBER)
    return FALSE;
  decision = l4a_decision_get (self->store, self->edit->id, NULL);
  if (decision == NULL || decision->released_at == NULL)
    return FALSE;

  outcome = g_strcmp0 (decision->outcome, "label-granted") == 0 ? _("the label is granted")
            : g_strcmp0 (decision->outcome, "revise-resubmit") == 0 ? _("revise and resubmit")
            : _("declined");
  date = l4a_format_date (decision->released_at);
  text = g_string_new (NULL);
  /* translators: the version, the date, the outcome, then the rationale */
  g_string_append_printf (text, _("Decision on version %d, released on %s: %s. %s"),
                          decision->proposal_version, date, outcome, decision->rationale);
  comments = l4a_review_author_comments (self->store, self->edit->id, NULL);
  for (guint i = 0; comments && i < comments->len; i++)
    /* translators: a reviewer's comment for the authors, quoted */
    g_string_append_printf (text, _("\nA reviewer: “%s”"), (const char *) g_ptr_array_index (comments, i));
  show_notice (self, text->str);
  return TRUE;
}

static void
update_actions (L4aProposalEditor *self)
{
  gboolean author = l4a_store_get_role (self->store) == L4A_ROLE_GOVERNMENT &&
                    g_strcmp0 (l4a_store_get_identity (self->store), self->edit->government_id) == 0;
  gboolean draft = g_strcmp0 (self->edit->state, "draft") == 0;

  self->editable = author && draft;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.withdraw",
                                 author && g_strcmp0 (self->edit->state, "submitted") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.send-by-mail",
                                 author && g_strcmp0 (self->edit->state, "submitted") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.send-to-folder",
                                 author && g_strcmp0 (self->edit->state, "submitted") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.save-bundle",
                                 author && g_strcmp0 (self->edit->state, "submitted") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.revise",
                                 author && g_strcmp0 (self->edit->state, "released") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.compare", self->edit->version > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.export-summary", self->edit->id != NULL || author);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.letter",
                                 g_strcmp0 (self->edit->state, "released") == 0 &&
                                 (author || l4a_store_get_role (self->store) == L4A_ROLE_SECRETARIAT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.add-partner", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.add-deliverable", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.add-indicator", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.attach", self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), draft && author);

  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->topic_row), self->editable);
  text_set_editable (self->summary_view, self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->start_row), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->end_row), self->editable);
  text_set_editable (self->communication_view, self->editable);
  text_set_editable (self->brand_view, self->editable);
  text_set_editable (self->monitoring_view, self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->axis_row), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sdg_picker), self->editable);
  if (self->start_calendar != NULL)
    {
      gtk_widget_set_sensitive (self->start_calendar, self->editable);
      gtk_widget_set_sensitive (self->end_calendar, self->editable);
    }

  if (decision_notice (self))
    return;
  if (!author)
    show_notice (self, l4a_store_get_role (self->store) == L4A_ROLE_GOVERNMENT
                         ? _("This proposal belongs to another government; it is shown read-only.")
                         : _("Only the local government that leads a proposal writes it; it is shown read-only."));
  else if (!draft)
    show_notice (self, _("Only a draft can be changed; this proposal is shown read-only."));
}

/* The form's fixed fields, bound both ways to the proposal edited, which
 * is checked and saved a moment after any of them changes; list rows
 * write their own fields. Once for each proposal object: its bindings go
 * with it. */
static void
bind_form (L4aProposalEditor *self)
{
  L4aProposalEdit *edit = self->edit;
  const char * const *formats = l4a_enum_get_nicks (L4A_TYPE_FORMAT);
  const char * const *languages = l4a_enum_get_nicks (L4A_TYPE_NETWORK_LANGUAGE);
  const L4aReferenceEntry *axes;
  g_autofree const char **axis_codes = NULL;
  guint n_axes;

  l4a_bind_text (edit, "title", self->title_row);
  l4a_bind_text (edit, "topic", self->topic_row);
  l4a_bind_text (edit, "start", self->start_row);
  l4a_bind_text (edit, "end", self->end_row);
  l4a_bind_text_buffer (edit, "summary", gtk_text_view_get_buffer (self->summary_view));
  l4a_bind_text_buffer (edit, "communication", gtk_text_view_get_buffer (self->communication_view));
  l4a_bind_text_buffer (edit, "brand-commitment", gtk_text_view_get_buffer (self->brand_view));
  l4a_bind_text_buffer (edit, "monitoring-plan", gtk_text_view_get_buffer (self->monitoring_view));
  l4a_bind_choice (edit, "format", self->format_row, formats, g_strv_length ((char **) formats), FALSE);
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n_axes);
  axis_codes = g_new0 (const char *, n_axes + 1);
  for (guint i = 0; i < n_axes; i++)
    axis_codes[i] = axes[i].code;
  l4a_bind_choice (edit, "pact-axis", self->axis_row, axis_codes, n_axes, TRUE);
  l4a_bind_choice (edit, "language", self->language_row, languages, g_strv_length ((char **) languages), TRUE);
  g_object_bind_property (edit, "sdgs", self->sdg_picker, "sdgs", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (edit, "notify", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
load_form (L4aProposalEditor *self)
{
  L4aProposalEdit *edit = self->edit;
  g_autoptr(GPtrArray) calls = l4a_registry_list_calls (self->store, NULL);

  self->call_open = FALSE;
  for (guint i = 0; calls && i < calls->len; i++)
    if (g_strcmp0 (((L4aCallInfo *) calls->pdata[i])->id, edit->call_id) == 0)
      self->call_open = l4a_call_info_is_open (calls->pdata[i]);

  self->loading = TRUE;
  bind_form (self);
  self->loading = FALSE;

  update_actions (self);
  rebuild_lists (self);
  update_checks (self);
  update_status (self, NULL);
}

static void
reload (L4aProposalEditor *self)
{
  g_autoptr(GError) error = NULL;
  L4aProposalEdit *fresh = l4a_registry_load_proposal (self->store, self->edit->id, &error);

  if (fresh == NULL)
    {
      show_notice (self, error->message);
      return;
    }
  l4a_proposal_edit_free (self->edit);
  self->edit = fresh;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPOSAL]);
  show_notice (self, NULL);
  load_form (self);
}

static void
build_static_parts (L4aProposalEditor *self)
{
  g_autoptr(GtkStringList) axes_model = gtk_string_list_new (NULL);
  const L4aReferenceEntry *axes;
  guint n;

  gtk_string_list_append (axes_model, C_("pact axis", "None"));
  axes = l4a_reference_entries (L4A_REFERENCE_AXES, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (axes_model, l4a_reference_translate (L4A_REFERENCE_AXES, axes[i].code));
  adw_combo_row_set_model (self->axis_row, G_LIST_MODEL (axes_model));
  {
    g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

    gtk_string_list_append (languages, _("The country’s language"));
    for (const char * const *nick = l4a_enum_get_nicks (L4A_TYPE_NETWORK_LANGUAGE); *nick; nick++)
      gtk_string_list_append (languages, l4a_enum_get_label (L4A_TYPE_NETWORK_LANGUAGE, *nick));
    adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
  }

  for (guint i = 0; i < L4A_N_FEATURES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->eligibility_group, row);
      g_ptr_array_add (self->check_rows, row);
      g_ptr_array_add (self->check_icons, icon);
    }

  self->start_calendar = l4a_date_row_add_button (GTK_WIDGET (self->start_row), _("Starts on"));
  self->end_calendar = l4a_date_row_add_button (GTK_WIDGET (self->end_row), _("Ends on"));

  self->about_error = error_label (self->about_group);
  self->partners_error = error_label (self->partners_group);
  self->deliverables_error = error_label (self->deliverables_group);
  self->indicators_error = error_label (self->indicators_group);
}

static void
unsaved_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     L4aProposalEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
l4a_proposal_editor_close_request (GtkWindow *window)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (window);
  g_autoptr(GError) error = NULL;

  /* Closing saves what is pending: a draft is never lost. What cannot be
   * saved (the proposal changed or went elsewhere meanwhile) keeps the
   * window open and says why, unless the author chooses to let it go. */
  if (self->editable && !self->discard && !l4a_proposal_editor_save_now (self, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("The Draft Was Not Saved"),
                                                                             error->message));

      adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Close Without Saving"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "keep");
      adw_message_dialog_set_close_response (dialog, "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
      show_notice (self, error->message);
      l4a_accessible_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (l4a_proposal_editor_parent_class)->close_request (window);
}

static void
l4a_proposal_editor_dispose (GObject *object)
{
  L4aProposalEditor *self = (L4aProposalEditor *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_PROPOSAL_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->edit, l4a_proposal_edit_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_clear_pointer (&self->check_icons, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (l4a_proposal_editor_parent_class)->dispose (object);
}

static void
l4a_proposal_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  L4aProposalEditor *self = L4A_PROPOSAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROPOSAL:
      g_value_set_object (value, self->edit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
l4a_proposal_editor_class_init (L4aProposalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = l4a_proposal_editor_dispose;
  object_class->get_property = l4a_proposal_editor_get_property;
  window_class->close_request = l4a_proposal_editor_close_request;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * L4aProposalEditor:proposal:
   *
   * The proposal the form shows, whose properties its fields are bound to
   * (another object once a new version is made).
   */
  properties[PROP_PROPOSAL] =
    g_param_spec_object ("proposal", NULL, NULL, L4A_TYPE_PROPOSAL_EDIT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (L4A_TYPE_ADAPTIVE_SPLIT);
  g_type_ensure (L4A_TYPE_SDG_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/l4a-proposal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, notice_label);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, split);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, eligibility_group);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, about_group);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, axis_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, questions_slot);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, sdg_picker);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, partners_group);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, deliverables_group);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, communication_view);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, brand_view);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, monitoring_view);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, attachments_group);

  gtk_widget_class_install_action (widget_class, "proposal.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "proposal.send-by-mail", NULL, send_by_mail_action);
  gtk_widget_class_install_action (widget_class, "proposal.send-to-folder", NULL, send_to_folder_action);
  gtk_widget_class_install_action (widget_class, "proposal.save-bundle", NULL, save_bundle_action);
  gtk_widget_class_install_action (widget_class, "proposal.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "proposal.revise", NULL, revise_action);
  gtk_widget_class_install_action (widget_class, "proposal.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "proposal.export-summary", NULL, export_summary_action);
  gtk_widget_class_install_action (widget_class, "proposal.letter", NULL, letter_action);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalEditor, toasts);
  gtk_widget_class_install_action (widget_class, "proposal.add-partner", NULL, add_partner_action);
  gtk_widget_class_install_action (widget_class, "proposal.add-deliverable", NULL, add_deliverable_action);
  gtk_widget_class_install_action (widget_class, "proposal.add-indicator", NULL, add_indicator_action);
  gtk_widget_class_install_action (widget_class, "proposal.attach", NULL, attach_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
l4a_proposal_editor_init (L4aProposalEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  l4a_combo_row_set_enum (self->format_row, L4A_TYPE_FORMAT);
  l4a_accessible_fix_button_names (GTK_WIDGET (self));
  self->check_rows = g_ptr_array_new ();
  self->check_icons = g_ptr_array_new ();
  self->dynamic_rows = g_ptr_array_new ();
  build_static_parts (self);
}

/**
 * l4a_proposal_editor_new:
 * @proposal_id: (nullable): the proposal, or %NULL for a new one
 * @call_id: (nullable): the call of a new proposal
 *
 * Returns: (transfer none) (nullable): the editor, owned by GTK, or %NULL
 *   with @error set
 */
L4aProposalEditor *
l4a_proposal_editor_new (L4aStore    *store,
                         const char  *proposal_id,
                         const char  *call_id,
                         GError     **error)
{
  L4aProposalEditor *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (proposal_id != NULL || call_id != NULL, NULL);

  self = g_object_new (L4A_TYPE_PROPOSAL_EDITOR, NULL);
  self->store = g_object_ref (store);

  if (proposal_id)
    self->edit = l4a_registry_load_proposal (store, proposal_id, error);
  else
    {
      self->edit = l4a_proposal_edit_new ();
      self->edit->call_id = g_strdup (call_id);
      self->edit->government_id = g_strdup (l4a_store_get_identity (store));
    }

  if (self->edit == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  load_form (self);

  /* the Board's questions about a proposal it has, first of all */
  if (proposal_id != NULL)
    {
      GtkWidget *questions = l4a_clarifications_group_new (store, proposal_id);

      if (gtk_widget_get_visible (questions) &&
          l4a_clarifications_group_get_n_questions (L4A_CLARIFICATIONS_GROUP (questions)) > 0)
        {
          adw_preferences_group_add (self->questions_slot, questions);
          gtk_widget_set_visible (GTK_WIDGET (self->questions_slot), TRUE);
        }
      else
        {
          g_object_ref_sink (questions);
          g_object_unref (questions);
        }
    }
  return self;
}
