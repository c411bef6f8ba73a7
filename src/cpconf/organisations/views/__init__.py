"""The authority's set-up pages, for its unit administrator: agencies and staff."""
