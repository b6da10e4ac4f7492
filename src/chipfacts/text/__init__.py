"""Text handling shared by the store and search: folding, tokens, numbers in any notation."""
