"""What the commands compute from the store: comparisons, profiles, timelines, counts."""
