"""The installed version, read from package metadata (never written twice)."""

from __future__ import annotations


def version() -> str:
    """chipfacts' version; "0+unknown" in a source tree that was never installed.

    Read on demand, not at import: package metadata costs more than a lookup.
    """
    # lazy: package metadata (28 ms) only for --version and __version__
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("chipfacts")
    except PackageNotFoundError:
        return "0+unknown"
