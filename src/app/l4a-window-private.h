/* l4a-window-private.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the window and its actions (l4a-window-actions.c), and what
 * the GUI tests reach for to look at its state.
 */

#pragma once

#include "l4a-brand-view.h"
#include "l4a-hubs-view.h"
#include "l4a-indicators-view.h"
#include "l4a-proposals-view.h"
#include "l4a-reviews-view.h"
#include "l4a-window.h"

G_BEGIN_DECLS

struct _L4aWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  L4aContext           *context;
  L4aStore             *store;     /* the context's main connection */

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  /* the header's title: the wide switcher, the narrow one, the title */
  AdwSqueezer          *title_squeezer;
  AdwViewSwitcher      *wide_switcher;
  AdwSqueezerPage      *narrow_switcher_page;
  AdwViewSwitcher      *narrow_switcher;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  gboolean              switchers_complete;
  L4aHubsView          *hubs_view;
  /* the other views are built when first shown, each into its page */
  AdwBin               *proposals_page;
  AdwBin               *reviews_page;
  AdwBin               *indicators_page;
  AdwBin               *brand_page;
  L4aProposalsView     *proposals_view;
  L4aReviewsView       *reviews_view;
  L4aIndicatorsView    *indicators_view;
  L4aBrandView         *brand_view;
  GtkRevealer          *sample_banner;
  GtkWidget            *identity_button;
  AdwButtonContent     *identity_content;
  guint                 identity_idle;
  guint                 pages_idle;
  guint                 switchers_idle;
};

void     _l4a_window_class_actions_init (L4aWindowClass *klass);
gboolean _l4a_window_drop_cb            (GtkDropTarget  *target,
                                         const GValue   *value,
                                         double          x,
                                         double          y,
                                         L4aWindow      *self);


G_END_DECLS
