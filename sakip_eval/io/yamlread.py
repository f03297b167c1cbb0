"""Read users' YAML safely and turn validation errors into file:line messages.

Parsing uses PyYAML's C parser (libyaml): it is an order of magnitude faster than a pure-Python
parser and its node tree carries the line of every key and item. The tree is walked once to build
plain Python data and an index from data paths to lines, so pydantic can validate plain data and
each error can still name the line the user must edit. Scalars follow the YAML 1.2 core schema
(`no` and `off` stay strings; `10:30` is not a number). Limits (size, node count with aliases
expanded, list length, nesting depth, encoding, duplicate keys) are enforced before anything is trusted.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from sakip_eval.errors import InputError
from sakip_eval.numbers import NumberFormatError

MAX_BYTES = 10 * 1024 * 1024
MAX_NODES = 200_000
MAX_LIST = 10_000
MAX_DEPTH = 100  # workspace files nest a few levels; deeper is a mistake or an alias that refers to itself

M = TypeVar("M", bound=BaseModel)
Path_ = tuple[int | str, ...]


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the pure parser only where libyaml is missing


_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"


class _Loader(_Base):  # type: ignore[misc]
    """libyaml's parser with YAML 1.2 core-schema scalars instead of YAML 1.1's."""

    def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
        """PyYAML's resolver without what this loader has none of (path resolvers, wildcard resolvers): the
        parser asks it for every plain scalar, and the general one was half of the parse time of a large file."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return str(self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG)


_Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9:.+\-Zz ]+)?$", list("0123456789")),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


@dataclass(frozen=True)
class Source:
    """A file's bytes as read, decoded: the text (without a byte-order mark), whether it had one, and the
    sha256 of the bytes (what a run records is what it read, not what the file holds later)."""

    text: str
    bom: bool
    sha256: str


class Document:
    """A loaded YAML file: plain data, the line of each path, and where it came from."""

    def __init__(self, path: Path, data: Any, lines: dict[Path_, int], display: str,
                 source: Source | None = None) -> None:
        self.path = path
        self.data = data
        self.lines = lines
        self.display = display
        self.source = source

    def line_of(self, loc: tuple[int | str, ...]) -> int | None:
        """1-based line of the deepest node of `loc` that exists in the file."""
        line = self.lines.get(loc)
        if line is not None:
            return line
        for end in range(len(loc) - 1, 0, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def present(path: Path, display: str) -> bool:
    """Whether there is anything (a file, a link, even a broken one) at `path`; a folder that cannot be
    searched is a located error, not an absent file."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise InputError("error.os", file=display, detail=exc.strerror or str(exc)) from exc
    return True


def check_input(path: Path, display: str, inside: Path | None = None) -> None:
    """Refuse what is not a readable regular file: a name with a NUL byte, a missing file, a symbolic link
    to nothing or to itself (an error, never an absent file), a link out of the folder `inside`, a folder,
    a device or a pipe (reading a pipe would wait forever)."""
    if "\0" in str(path):
        raise InputError("error.nul_in_path", file=display.replace("\0", "\\0"))
    if not present(path, display):
        raise InputError("error.not_found", file=display, fix="error.file_not_found.fix")
    if not path.exists():
        raise InputError("error.broken_link", file=display)
    if inside is not None and not path.resolve().is_relative_to(inside.resolve()):
        raise InputError("error.link_outside", file=display, target=str(path.resolve()))
    if not path.is_file():
        raise InputError("error.not_a_file", file=display)


def read_source(path: Path, display: str, inside: Path | None = None) -> Source:
    """The file's text, refusing what :func:`check_input` refuses, oversized and non-UTF-8 files."""
    check_input(path, display, inside)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError("error.os", file=display, detail=exc.strerror or str(exc)) from exc
    if len(data) > MAX_BYTES:
        raise InputError("error.too_big", file=display, limit=MAX_BYTES // (1024 * 1024))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("error.not_utf8", file=display, offset=exc.start) from exc
    bom = text.startswith("\ufeff")
    return Source(text[1:] if bom else text, bom, hashlib.sha256(data).hexdigest())


def read_text(path: Path, display: str) -> str:
    """The file's text (see :func:`read_source`)."""
    return read_source(path, display).text


def load_document(path: Path, display: str | None = None, inside: Path | None = None) -> Document:
    display = display or str(path)
    source = read_source(path, display, inside)
    doc = parse_text(source.text, path, display)
    doc.source = source
    return doc


def parse_replacement(text: str, path: Path, display: str) -> Document:
    """A file's new text, about to be written, read as the next run will read it from disk."""
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise InputError("edit.too_big", file=display, limit=MAX_BYTES // (1024 * 1024))
    bom = text.startswith("\ufeff")
    doc = parse_text(text[1:] if bom else text, path, display)
    doc.source = Source(text[1:] if bom else text, bom, hashlib.sha256(data).hexdigest())
    return doc


def loader_for(text: str) -> Any:
    """libyaml's parser over `text`, with the YAML 1.2 core-schema scalars (dispose it after use)."""
    return _Loader(text)


def parse_text(text: str, path: Path, display: str) -> Document:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        builder = _Builder(loader, display)
        data = builder.build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError("error.yaml", file=display, line=line, detail=exc.problem or str(exc)) from exc
    except yaml.YAMLError as exc:
        raise InputError("error.yaml", file=display, detail=str(exc).splitlines()[0]) from exc
    finally:
        loader.dispose()
    return Document(path, data, builder.lines if node is not None else {}, display)


class _Builder:
    """Walks libyaml's node tree into plain data, recording lines and enforcing the limits."""

    def __init__(self, loader: Any, display: str) -> None:
        self.loader = loader
        self.display = display
        self.lines: dict[Path_, int] = {}
        self.count = 0

    def build(self, node: Any, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError("error.too_many_nodes", file=self.display, limit=MAX_NODES)
        if len(path) > MAX_DEPTH:  # also stops an alias inside its own anchor (`a: &x [*x]`)
            raise InputError("error.too_deep", file=self.display, line=node.start_mark.line + 1, limit=MAX_DEPTH)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            if any(key.tag != _STR for key, _ in node.value):  # merge (`!!merge`) and `=` keys; plain ones are str
                self.loader.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise InputError("error.yaml", file=self.display, line=key_node.start_mark.line + 1,
                                     detail="a key must be a plain value")
                key = self._scalar(key_node)
                if isinstance(key, bool) or not isinstance(key, str | int):
                    key = str(key_node.value)  # 1.5 or 2024-01-01 as a key: keep the text the user wrote
                if key in result:
                    raise InputError("error.duplicate_key", file=self.display,
                                     line=key_node.start_mark.line + 1, key=str(key))
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_LIST:
                raise InputError("error.too_long_list", file=self.display, line=node.start_mark.line + 1,
                                 limit=MAX_LIST)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: Any) -> Any:
        """A scalar's value; one the constructor cannot build (`2024-13-45`, an integer of 5,000 digits)
        is a located error, not a crash. Text and empty values, most of a file, are taken as they are."""
        if node.tag == _STR:
            return node.value
        if node.tag == _NULL:
            return None
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:
            raise InputError("error.bad_scalar", file=self.display, line=node.start_mark.line + 1,
                             value=_short(node.value), detail=str(exc).split(":")[0]) from exc


def validate(doc: Document, model: type[M], kind: str, context: dict[str, Any] | None = None) -> M:
    """Validate the document against `model`; the first error becomes a located :class:`InputError`."""
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise InputError("error.top_not_mapping", file=doc.display, line=1)
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise located_error(doc, exc, kind) from exc


def load_model(path: Path, model: type[M], kind: str, display: str | None = None) -> tuple[M, Document]:
    doc = load_document(path, display)
    return validate(doc, model, kind), doc


def document_path(data: Any, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """pydantic's error location as the user wrote the file: a tagged union adds its tag (`narratives.0.headcount.id`
    for a narrative of kind headcount without an id), which is no key of the file and is dropped
    (`narratives.0.id`). The last part stays even when absent: it names the missing field."""
    path: list[int | str] = []
    node = data
    for index, part in enumerate(loc):
        present = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node))
        if present:
            node = node[part]
        elif index < len(loc) - 1:
            continue
        path.append(part)
    return tuple(path)


def located_error(doc: Document, exc: ValidationError, kind: str) -> InputError:
    err = exc.errors(include_url=False)[0]
    loc = document_path(doc.data, tuple(err["loc"]))
    field = ".".join(str(p) for p in loc) or None
    line = doc.line_of(loc)
    etype = err["type"]
    ctx_error = (err.get("ctx") or {}).get("error")
    if isinstance(ctx_error, NumberFormatError):
        return InputError(
            "error.number", file=doc.display, line=line, field=field,
            value=ctx_error.value, reason_id=ctx_error.reason_id, reason_en=ctx_error.reason_en,
        )
    if isinstance(ctx_error, InputError):
        ctx_error.file, ctx_error.line = doc.display, line
        ctx_error.field = ctx_error.field or field
        return ctx_error
    if etype == "extra_forbidden":
        return InputError("error.unknown_key", file=doc.display, line=line, field=field, key=loc[-1], kind=kind)
    if etype == "missing":
        return InputError("error.missing_key", file=doc.display, line=line, field=field, key=loc[-1])
    key = _TYPE_KEYS.get(etype)
    if key is None:
        return InputError("error.invalid", file=doc.display, line=line, field=field, detail=err["msg"])
    ctx = err.get("ctx") or {}
    limit = " ".join(f"{k} {v}" for k, v in sorted(ctx.items()) if k in ("ge", "gt", "le", "lt"))
    return InputError(key, file=doc.display, line=line, field=field, input=_short(err.get("input")),
                      expected=ctx.get("expected", ""), limit=limit)


# pydantic error type -> our message key (see i18n "error.type.*").
_TYPE_KEYS = {
    "int_parsing": "error.type.int", "int_type": "error.type.int", "int_from_float": "error.type.int",
    "float_parsing": "error.type.float", "float_type": "error.type.float", "decimal_parsing": "error.type.float",
    "bool_parsing": "error.type.bool", "bool_type": "error.type.bool",
    "string_type": "error.type.string",
    "date_parsing": "error.type.date", "date_type": "error.type.date", "date_from_datetime_parsing": "error.type.date",
    "datetime_parsing": "error.type.date", "datetime_type": "error.type.date",
    "date_from_datetime_inexact": "error.type.date",
    "literal_error": "error.type.choice", "enum": "error.type.choice",
    "list_type": "error.type.list", "dict_type": "error.type.mapping", "model_type": "error.type.mapping",
    "model_attributes_type": "error.type.mapping",
    "string_too_short": "error.type.too_short", "too_short": "error.type.too_short",
    "string_pattern_mismatch": "error.type.pattern",
    "greater_than_equal": "error.type.range", "less_than_equal": "error.type.range",
    "greater_than": "error.type.range", "less_than": "error.type.range",
}


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
