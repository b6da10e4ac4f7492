"""The fact store: reading and checking YAML, compiling it, and answering queries on it."""
