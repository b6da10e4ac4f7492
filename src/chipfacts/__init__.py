"""chipfacts: sourced, quoted facts about AI compute.

>>> import chipfacts
>>> store = chipfacts.load()
>>> store.entities["maia100"].name
'Maia 100'
"""

from importlib.metadata import PackageNotFoundError, version

from chipfacts.errors import ChipfactsError, DataFileError, ExitCode, InvalidDataError, Problem
from chipfacts.records import Attribute, Bound, Entity, Fact, Source, Status, ValueType
from chipfacts.store import Report, Store, builtin_path, data_path, load, validate

try:
    __version__ = version("chipfacts")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Attribute", "Bound", "ChipfactsError", "DataFileError", "Entity", "ExitCode", "Fact",
    "InvalidDataError", "Problem", "Report", "Source", "Status", "Store", "ValueType",
    "__version__", "builtin_path", "data_path", "load", "validate",
]  # fmt: skip
