"""Read a fact file safely and turn it into plain data with line numbers.

PyYAML's safe loader already refuses to run code, but it silently accepts things a
curated store should not contain: aliases (the "billion laughs" expansion),
merge keys, duplicate keys (the last one silently wins) and unknown tags. So the
document is only *composed* into nodes here, and the nodes are converted by hand:
every rejected construct becomes a ``Problem`` with its line, and every value's
line is kept for the validator's messages.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chipfacts.errors import DataFileError, InvalidDataError, Problem

# Where a value sits in the document: ("facts", 3, "quote").
DocPath = tuple[str | int, ...]
Lines = dict[DocPath, int]

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 16  # the store needs 4 levels; anything deeper is junk or an attack

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_scalars = SafeConstructor()


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, refusing what is not a readable regular file."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataFileError(f"{name}: no such file") from None
    except PermissionError:
        raise DataFileError(f"{name}: permission denied") from None
    except OSError as error:
        raise DataFileError(f"{name}: cannot read ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(f"{name}: is a directory, not a fact file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end; refuse before opening it.
        raise DataFileError(f"{name}: not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise DataFileError(f"{name}: too large ({info.st_size} bytes; the limit is 256 MiB)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise DataFileError(f"{name}: permission denied") from None
    except OSError as error:
        raise DataFileError(f"{name}: cannot read ({error.strerror})") from None
    return decode_utf8(data, name)


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed), naming the line of the first bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidDataError([Problem(name, 1, "file is UTF-16; save it as UTF-8")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidDataError(
            [Problem(name, line, "invalid UTF-8; save the file as UTF-8")]
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise InvalidDataError([Problem(name, line, "NUL byte in a text file")])
    return text


def parse_yaml(text: str, name: str) -> tuple[Any, Lines, list[Problem]]:
    """Parse one YAML document into plain data, its lines, and recoverable problems.

    Raises ``InvalidDataError`` for what makes the document unusable (syntax
    errors, aliases, unknown tags, excessive nesting).
    """
    try:
        root = yaml.compose(text, Loader=_Loader)  # nodes only: nothing is constructed
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "invalid YAML"
        raise InvalidDataError([Problem(name, line, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as error:
        raise InvalidDataError([Problem(name, None, f"YAML error: {error}")]) from None
    except RecursionError:
        raise InvalidDataError([Problem(name, None, "YAML nested too deeply")]) from None
    if root is None:
        return None, {}, []
    converter = _Converter(name)
    data = converter.convert(root, (), 0)
    return data, converter.lines, converter.problems


class _Converter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _fatal(self, node: Node, message: str) -> InvalidDataError:
        return InvalidDataError([Problem(self.name, node.start_mark.line + 1, message)])

    def convert(self, node: Node, path: DocPath, depth: int) -> Any:
        # The composer hands back the very same node object for an alias, so a
        # node met twice is an alias; refusing it also defuses "billion laughs".
        if id(node) in self._seen:
            raise self._fatal(node, "YAML aliases (*name) are not allowed; write the value out")
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self._fatal(node, f"nested deeper than {MAX_DEPTH} levels")
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                raise self._fatal(node, f"unsupported YAML tag {node.tag}")
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: DocPath, depth: int) -> dict[str, Any]:
        if node.tag != _TAG + "map":
            raise self._fatal(node, f"unsupported YAML tag {node.tag}")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise self._fatal(key_node, "YAML merge keys (<<) are not allowed")
            key = self.convert(key_node, (*path, "<key>"), depth + 1)
            if not isinstance(key, str):
                raise self._fatal(key_node, f"mapping key must be text, not {key!r}")
            if key in result:
                line = key_node.start_mark.line + 1
                self.problems.append(Problem(self.name, line, f"duplicate key {key!r}"))
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag.removeprefix(_TAG)
        if tag in ("str", "timestamp"):
            # Dates stay text: the schema parses partial dates ("2023-11") itself.
            return node.value
        if tag == "int":
            return _scalars.construct_yaml_int(node)
        if tag == "float":
            return _scalars.construct_yaml_float(node)
        if tag == "bool":
            return _scalars.construct_yaml_bool(node)
        if tag == "null":
            return None
        raise self._fatal(node, f"unsupported YAML tag {node.tag}")
