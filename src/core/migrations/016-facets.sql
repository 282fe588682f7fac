-- Every column a filter of the registry can ask for, and the name order,
-- in one narrow index: a filter is counted and, when few hubs pass it,
-- read in name order from this index alone (region first: the filter the
-- map and the dashboard use most), never by looking up each hub in the
-- table. See l4a-hub-query.c.
CREATE INDEX hub_facet_by_facets ON hub_facet
  (region, country, sdgs, councils, pact_axis, status, format, start_on, end_on, name_key);
