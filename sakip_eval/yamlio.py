"""Read users' YAML safely and turn validation errors into file:line messages.

ruamel.yaml keeps the line of every key, which pydantic does not know; :func:`load_model` validates
the plain data with pydantic and maps each error's location back to the line the user must edit.
Limits (size, node count after alias expansion, encoding) are enforced before anything is trusted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import InputError
from .numbers import NumberFormatError

MAX_BYTES = 10 * 1024 * 1024
MAX_NODES = 200_000
MAX_LIST = 10_000

M = TypeVar("M", bound=BaseModel)


class Document:
    """A loaded YAML file: its parsed tree (with line marks) and where it came from."""

    def __init__(self, path: Path, tree: Any, display: str) -> None:
        self.path = path
        self.tree = tree
        self.display = display

    def line_of(self, loc: tuple[int | str, ...]) -> int | None:
        """1-based line of the deepest node of `loc` that exists in the file."""
        node: Any = self.tree
        line: int | None = None
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        return line


def read_text(path: Path, display: str) -> str:
    """The file's text, refusing oversized and non-UTF-8 files with a located message."""
    if not path.is_file():
        raise InputError("error.not_found", file=display)
    if path.stat().st_size > MAX_BYTES:
        raise InputError("error.too_big", file=display, limit=MAX_BYTES // (1024 * 1024))
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("error.not_utf8", file=display, offset=exc.start) from exc


def load_document(path: Path, display: str | None = None) -> Document:
    display = display or str(path)
    text = read_text(path, display)
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        raise InputError("error.duplicate_key", file=display, line=line, key=key) from exc
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError("error.yaml", file=display, line=line, detail=exc.problem or str(exc)) from exc
    except YAMLError as exc:
        raise InputError("error.yaml", file=display, detail=str(exc).splitlines()[0]) from exc
    _check_size(tree, display)
    return Document(path, tree, display)


def _check_size(tree: Any, display: str) -> None:
    """Count nodes as aliases expand them, so a billion-laughs file is refused, not swallowed."""
    count = 0
    stack = [tree]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise InputError("error.too_many_nodes", file=display, limit=MAX_NODES)
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            if len(node) > MAX_LIST:
                raise InputError("error.too_many_nodes", file=display, limit=MAX_LIST)
            stack.extend(node)


def to_plain(node: Any) -> Any:
    """ruamel's commented containers and scalar subclasses as plain Python values."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, int | str) else k: to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def validate(doc: Document, model: type[M], kind: str, context: dict[str, Any] | None = None) -> M:
    """Validate the document against `model`; the first error becomes a located :class:`InputError`."""
    data = to_plain(doc.tree)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("error.top_not_mapping", file=doc.display, line=1)
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise located_error(doc, exc, kind) from exc


def load_model(path: Path, model: type[M], kind: str, display: str | None = None) -> tuple[M, Document]:
    doc = load_document(path, display)
    return validate(doc, model, kind), doc


def located_error(doc: Document, exc: ValidationError, kind: str) -> InputError:
    err = exc.errors(include_url=False)[0]
    loc = tuple(err["loc"])
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
    return InputError("error.invalid", file=doc.display, line=line, field=field, detail=err["msg"])
