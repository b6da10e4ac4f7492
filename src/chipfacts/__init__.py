"""chipfacts: sourced, quoted facts about AI compute.

    >>> import chipfacts
    >>> store = chipfacts.load()
    >>> store.entities["maia100"].name
    'Maia 100'

The names below are imported on first use (PEP 562), so that the command line,
which imports this package on every run, pays only for what it uses: reading
the version from package metadata alone costs more than a cached lookup.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chipfacts.build import Report
    from chipfacts.errors import (
        ChipfactsError,
        DataFileError,
        ExitCode,
        InvalidDataError,
        Problem,
    )
    from chipfacts.records import Attribute, Bound, Entity, Fact, Source, Status, ValueType
    from chipfacts.store import Store, builtin_path, data_path, load, validate

    __version__: str

_EXPORTS = {
    "ChipfactsError": "chipfacts.errors",
    "DataFileError": "chipfacts.errors",
    "ExitCode": "chipfacts.errors",
    "InvalidDataError": "chipfacts.errors",
    "Problem": "chipfacts.errors",
    "Attribute": "chipfacts.records",
    "Bound": "chipfacts.records",
    "Entity": "chipfacts.records",
    "Fact": "chipfacts.records",
    "Source": "chipfacts.records",
    "Status": "chipfacts.records",
    "ValueType": "chipfacts.records",
    "Report": "chipfacts.build",
    "Store": "chipfacts.store",
    "builtin_path": "chipfacts.store",
    "data_path": "chipfacts.store",
    "load": "chipfacts.store",
    "validate": "chipfacts.store",
}

__all__ = [
    "Attribute", "Bound", "ChipfactsError", "DataFileError", "Entity", "ExitCode", "Fact",
    "InvalidDataError", "Problem", "Report", "Source", "Status", "Store", "ValueType",
    "__version__", "builtin_path", "data_path", "load", "validate",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("chipfacts")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'chipfacts' has no attribute {name!r}")
