/* l4a-site.h
 *
 * Copyright 2026 The Local4Action Hubs authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "l4a-store.h"

G_BEGIN_DECLS

#define L4A_TYPE_SITE (l4a_site_get_type ())

G_DECLARE_FINAL_TYPE (L4aSite, l4a_site, L4A, SITE, GObject)

/* The languages the site is published in, as the interface's own. */
extern const char * const l4a_site_languages[];

L4aSite    *l4a_site_new              (L4aStore      *store,
                                       const char    *out_dir,
                                       const char    *base_url,
                                       GError       **error);
gboolean    l4a_site_step             (L4aSite       *self,
                                       gboolean      *done,
                                       GError       **error);
double      l4a_site_get_fraction     (L4aSite       *self);
guint       l4a_site_get_n_written    (L4aSite       *self);
guint       l4a_site_get_n_unchanged  (L4aSite       *self);
guint       l4a_site_get_n_removed    (L4aSite       *self);
gboolean    l4a_site_publish          (L4aStore      *store,
                                       const char    *out_dir,
                                       const char    *base_url,
                                       GCancellable  *cancellable,
                                       guint         *n_written,
                                       guint         *n_unchanged,
                                       GError       **error);

G_END_DECLS
