"""Rendering: values as text, rich tables, and the machine formats (JSON, CSV…)."""
