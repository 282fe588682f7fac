/* l4a-proposal-document.c
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A proposal typeset for reading, as a board member reviews it: its title,
 * who proposes it to which call, its facts (topic, axis, format, time
 * frame, language, goals in their colours), then each section as wrapped,
 * selectable text; partners, deliverables and planned indicators as
 * lists; each attachment with a button that opens it in the application
 * the user chose for its type. Nothing here is editable.
 */

#define G_LOG_DOMAIN "l4a-proposal-document"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "l4a-labels.h"
#include "l4a-mail.h"
#include "l4a-proposal-document.h"
#include "l4a-reference.h"
#include "l4a-rules.h"
#include "l4a-sdg-chips.h"
#include "l4a-types.h"
#include "l4a-toast.h"

struct _L4aProposalDocument
{
  GtkWidget        parent_instance;

  L4aStore        *store;
  L4aProposalEdit *proposal;
  GFile           *last_opened;
  int              n_facts;

  GtkLabel        *title;
  GtkLabel        *byline;
  GtkGrid         *facts;
  GtkBox          *body;
};

G_DEFINE_FINAL_TYPE (L4aProposalDocument, l4a_proposal_document, GTK_TYPE_WIDGET)

static GtkWidget *
paragraph (const char *text,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* selectable with the pointer; the keyboard goes from control to
   * control, not through every paragraph of the proposal */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A section: its heading, then what @fill puts under it. */
static GtkBox *
add_section (L4aProposalDocument *self,
             const char          *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (self->body, box);
  return GTK_BOX (box);
}

static void
add_text_section (L4aProposalDocument *self,
                  const char          *heading,
                  const char          *text)
{
  gboolean empty = l4a_text_is_blank (text);
  GtkBox *section = add_section (self, heading);

  gtk_box_append (section, paragraph (empty ? _("Not written.") : text, empty));
}

static void
add_fact (L4aProposalDocument *self,
          const char          *name,
          GtkWidget           *value)
{
  GtkWidget *label = gtk_label_new (name);
  int row = self->n_facts++;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (value, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_grid_attach (self->facts, label, 0, row, 1, 1);
  gtk_grid_attach (self->facts, value, 1, row, 1, 1);
}

static void
add_text_fact (L4aProposalDocument *self,
               const char          *name,
               const char          *text)
{
  add_fact (self, name, paragraph (text && *text ? text : "—", FALSE));
}

/* A list of items, each a line of its own with an optional dim line under. */
static void
add_item (GtkBox     *section,
          const char *text,
          const char *details)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* translators: a list item's bullet, then its text */
  g_autofree char *line = g_strdup_printf (_("• %s"), text);

  gtk_box_append (GTK_BOX (item), paragraph (line, FALSE));
  if (details && *details)
    {
      GtkWidget *under = paragraph (details, TRUE);

      gtk_widget_set_margin_start (under, 14);
      gtk_box_append (GTK_BOX (item), under);
    }
  gtk_box_append (section, item);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(L4aProposalDocument) self = user_data;
  g_autofree char *problem = l4a_open_file_problem (result);

  if (problem != NULL && !l4a_toast_say (GTK_WIDGET (self), problem))
    g_message ("%s", problem);
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  L4aProposalDocument *self = L4A_PROPOSAL_DOCUMENT (widget);
  guint index = g_variant_get_uint32 (parameter);
  L4aAttachmentRef *attachment;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->proposal == NULL || index >= self->proposal->attachments->len)
    return;
  attachment = g_ptr_array_index (self->proposal->attachments, index);
  file = l4a_attachment_write_for_viewing (self->store, attachment->sha256, attachment->name, &error);
  if (file == NULL)
    {
      l4a_toast_say (widget, error->message);
      return;
    }
  g_set_object (&self->last_opened, file);
  l4a_open_file (GTK_WINDOW (gtk_widget_get_root (widget)), file, NULL, opened_cb, g_object_ref (self));
}

static void
fill (L4aProposalDocument *self,
      const char          *government,
      const char          *call)
{
  L4aProposalEdit *p = self->proposal;
  g_autofree char *byline = NULL;
  g_autofree char *period = l4a_format_period (p->start, p->end);
  GtkBox *section;

  gtk_label_set_label (self->title, p->title && *p->title ? p->title : _("Untitled proposal"));
  /* translators: the lead government, the call, then the proposal's version */
  byline = g_strdup_printf (_("%s · %s · version %d"), government ? government : "", call ? call : "", p->version);
  gtk_label_set_label (self->byline, byline);

  add_text_fact (self, _("Topic"), p->topic);
  if (p->pact_axis != NULL)
    add_text_fact (self, _("Pact axis"), l4a_reference_translate (L4A_REFERENCE_AXES, p->pact_axis));
  add_text_fact (self, _("Format"), p->format ? l4a_hub_format_label (p->format) : NULL);
  add_text_fact (self, _("Time frame"), period);
  add_text_fact (self, _("Written in"), p->language ? l4a_enum_get_label (L4A_TYPE_NETWORK_LANGUAGE, p->language)
                                                    : _("The language of the government’s country"));
  if (p->sdgs == 0)
    add_text_fact (self, _("Goals"), NULL);
  else
    {
      GtkWidget *chips = l4a_sdg_chips_new ();

      l4a_sdg_chips_set_sdgs (L4A_SDG_CHIPS (chips), p->sdgs);
      add_fact (self, _("Goals"), chips);
    }

  add_text_section (self, _("Summary"), p->summary);

  section = add_section (self, _("Partners"));
  if (p->partners->len == 0)
    gtk_box_append (section, paragraph (_("None named."), TRUE));
  for (guint i = 0; i < p->partners->len; i++)
    {
      L4aPartnerEdit *partner = g_ptr_array_index (p->partners, i);

      add_item (section, partner->name && *partner->name ? partner->name : _("Unnamed partner"), partner->role);
    }

  section = add_section (self, _("Deliverables"));
  if (p->deliverables->len == 0)
    gtk_box_append (section, paragraph (_("None planned."), TRUE));
  for (guint i = 0; i < p->deliverables->len; i++)
    {
      L4aDeliverableEdit *d = g_ptr_array_index (p->deliverables, i);
      g_autofree char *due = l4a_format_date (d->due);
      /* translators: a deliverable, then the day it is due */
      g_autofree char *line = due ? g_strdup_printf (_("%s, due %s"), d->title ? d->title : "", due)
                                  : g_strdup (d->title ? d->title : "");

      add_item (section, line, d->description);
    }

  section = add_section (self, _("Indicators"));
  if (p->indicators->len == 0)
    gtk_box_append (section, paragraph (_("None planned."), TRUE));
  for (guint i = 0; i < p->indicators->len; i++)
    {
      L4aPlannedIndicator *ind = g_ptr_array_index (p->indicators, i);
      g_autofree char *name = ind->code && *ind->code
                              /* translators: an indicator's code, then its name */
                              ? g_strdup_printf (_("%s %s"), ind->code, ind->name ? ind->name : "")
                              : g_strdup (ind->name ? ind->name : "");
      /* translators: an indicator's baseline, then its target, then its unit */
      g_autofree char *values = g_strdup_printf (_("From %s to %s %s"),
                                                 ind->baseline && *ind->baseline ? ind->baseline : "—",
                                                 ind->target && *ind->target ? ind->target : "—",
                                                 ind->unit ? ind->unit : "");

      add_item (section, name, g_strstrip (values));
    }

  add_text_section (self, _("Communication strategy"), p->communication);
  add_text_section (self, _("Commitment to the UCLG brand"), p->brand_commitment);
  add_text_section (self, _("Monitoring plan"), p->monitoring_plan);

  section = add_section (self, _("Attachments"));
  if (p->attachments->len == 0)
    gtk_box_append (section, paragraph (_("None."), TRUE));
  for (guint i = 0; i < p->attachments->len; i++)
    {
      L4aAttachmentRef *a = g_ptr_array_index (p->attachments, i);
      g_autofree char *size = g_format_size ((guint64) MAX (a->size, 0));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = paragraph (a->name, FALSE);
      GtkWidget *details = gtk_label_new (size);
      GtkWidget *open = gtk_button_new_with_label (_("Open"));
      /* translators: an attachment's name */
      g_autofree char *spoken = g_strdup_printf (_("Open “%s”"), a->name);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (details, "dim-label");
      gtk_widget_add_css_class (details, "numeric");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      gtk_widget_set_tooltip_text (open, spoken);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "document.open-attachment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "u", i);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), details);
      gtk_box_append (GTK_BOX (row), open);
      gtk_box_append (section, row);
    }
}

/**
 * l4a_proposal_document_get_last_opened:
 *
 * Returns: (transfer none) (nullable): the file last written for opening
 */
GFile *
l4a_proposal_document_get_last_opened (L4aProposalDocument *self)
{
  g_return_val_if_fail (L4A_IS_PROPOSAL_DOCUMENT (self), NULL);

  return self->last_opened;
}

static void
l4a_proposal_document_dispose (GObject *object)
{
  L4aProposalDocument *self = L4A_PROPOSAL_DOCUMENT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), L4A_TYPE_PROPOSAL_DOCUMENT);
  g_clear_object (&self->store);
  g_clear_object (&self->last_opened);
  g_clear_pointer (&self->proposal, l4a_proposal_edit_free);

  G_OBJECT_CLASS (l4a_proposal_document_parent_class)->dispose (object);
}

static void
l4a_proposal_document_class_init (L4aProposalDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = l4a_proposal_document_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/local4action/Hubs/ui/l4a-proposal-document.ui");
  gtk_widget_class_bind_template_child (widget_class, L4aProposalDocument, title);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalDocument, byline);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalDocument, facts);
  gtk_widget_class_bind_template_child (widget_class, L4aProposalDocument, body);
  gtk_widget_class_install_action (widget_class, "document.open-attachment", "u", open_attachment_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "l4a-proposal-document");
}

static void
l4a_proposal_document_init (L4aProposalDocument *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/**
 * l4a_proposal_document_new:
 * @proposal: the proposal, as read
 * @government: the lead government's name
 * @call: the call's title
 */
GtkWidget *
l4a_proposal_document_new (L4aStore              *store,
                           const L4aProposalEdit *proposal,
                           const char            *government,
                           const char            *call)
{
  L4aProposalDocument *self;

  g_return_val_if_fail (L4A_IS_STORE (store), NULL);
  g_return_val_if_fail (proposal != NULL, NULL);

  self = g_object_new (L4A_TYPE_PROPOSAL_DOCUMENT, NULL);
  self->store = g_object_ref (store);
  self->proposal = l4a_proposal_edit_copy (proposal);
  fill (self, government, call);
  return GTK_WIDGET (self);
}
