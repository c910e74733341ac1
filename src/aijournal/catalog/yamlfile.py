"""Strict YAML loading: safe_load, then a Pydantic model; errors name file, line and field."""

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from aijournal.errors import BadInput

M = TypeVar("M", bound=BaseModel)


def _node_line(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the YAML node at ``loc`` (or of its nearest parent)."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            if nxt is None:
                break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                break
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _describe(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    msg = str(err.get("msg", "invalid value"))
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "missing (required)"
    if kind == "literal_error":
        return msg.replace("Input should be", "allowed:")
    return msg.replace("Value error, ", "")


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The parsed document and its node tree; a syntax error is a BadInput naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise BadInput(f"{path}{where}: {problem}") from None
    return data, node


def validation_message(path: Path, node: yaml.Node | None, exc: ValidationError) -> str:
    """One line: file, line, field and what is allowed, for the first error."""
    err = exc.errors()[0]
    loc = tuple(err.get("loc", ()))
    line = _node_line(node, loc)
    field = ".".join(str(p) for p in loc) or "(document)"
    where = f"{path}:{line}" if line else str(path)
    more = len(exc.errors()) - 1
    tail = f" (and {more} more error{'s' if more > 1 else ''})" if more > 0 else ""
    return f"{where}: {field}: {_describe(dict(err))}{tail}"


def load_model(path: Path, model: type[M], *, context: dict[str, Any] | None = None) -> M:
    """Load ``path`` as ``model``; any error is a one-line BadInput naming file, line and field."""
    data, node = read_yaml(path)
    if data is None:
        data = {}
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise BadInput(validation_message(path, node, exc)) from None
