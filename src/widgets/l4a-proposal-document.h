/* l4a-proposal-document.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "l4a-proposal-edit.h"
#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_PROPOSAL_DOCUMENT (l4a_proposal_document_get_type ())

G_DECLARE_FINAL_TYPE (L4aProposalDocument, l4a_proposal_document, L4A, PROPOSAL_DOCUMENT, GtkWidget)

GtkWidget *l4a_proposal_document_new  (L4aStore              *store,
                                       const L4aProposalEdit *proposal,
                                       const char            *government,
                                       const char            *call);
GFile     *l4a_proposal_document_get_last_opened (L4aProposalDocument *self);

G_END_DECLS
