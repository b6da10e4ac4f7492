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

# Not ``from typing import TYPE_CHECKING``: importing typing costs the console
# script ~8 ms before chipfacts.entry can take over Ctrl-C (mypy knows the idiom).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from chipfacts.errors import (
        ChipfactsError,
        DataFileError,
        ExitCode,
        InvalidDataError,
        Problem,
    )
    from chipfacts.model.records import (
        Attribute,
        Bound,
        Entity,
        Fact,
        Reference,
        Source,
        Status,
        ValueType,
    )
    from chipfacts.store.locate import builtin_path, data_path
    from chipfacts.store.store import Report, Store, load, validate

    __version__: str

_EXPORTS = {
    "ChipfactsError": "chipfacts.errors",
    "DataFileError": "chipfacts.errors",
    "ExitCode": "chipfacts.errors",
    "InvalidDataError": "chipfacts.errors",
    "Problem": "chipfacts.errors",
    "Attribute": "chipfacts.model.records",
    "Bound": "chipfacts.model.records",
    "Entity": "chipfacts.model.records",
    "Fact": "chipfacts.model.records",
    "Reference": "chipfacts.model.records",
    "Source": "chipfacts.model.records",
    "Status": "chipfacts.model.records",
    "ValueType": "chipfacts.model.records",
    "Report": "chipfacts.store.store",
    "Store": "chipfacts.store.reader",
    "builtin_path": "chipfacts.store.locate",
    "data_path": "chipfacts.store.locate",
    "load": "chipfacts.store.store",
    "validate": "chipfacts.store.store",
}

__all__ = [
    "Attribute", "Bound", "ChipfactsError", "DataFileError", "Entity", "ExitCode", "Fact",
    "InvalidDataError", "Problem", "Reference", "Report", "Source", "Status", "Store", "ValueType",
    "__version__", "builtin_path", "data_path", "load", "validate",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from chipfacts.version import version  # lazy: as every name here, on first use

        return version()
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'chipfacts' has no attribute {name!r}")
