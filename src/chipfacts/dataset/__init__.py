"""The store as a dataset for people: tables with text ids, declared foreign keys and
typed columns, built from records (never from the cache), written as SQLite for
Datasette and sqlite-utils, or as CSV files with a Frictionless data package."""
