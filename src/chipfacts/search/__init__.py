"""Search: reading a query, ranking facts, resolving names to records."""
