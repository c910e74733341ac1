"""Strict YAML: one safe parse (C loader), duplicate keys refused, then a Pydantic model;
every error names the file, the line, the field and what is allowed."""

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from aijournal.errors import BadInput

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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


def _check_duplicate_keys(path: Path, root: yaml.Node) -> None:
    """Refuse a mapping that repeats a key (``safe_load`` would silently keep the last one)."""
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    seen_nodes: set[int] = set()
    while stack:
        node, where = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
                line = key.start_mark.line + 1
                if name and name in first_line:
                    field = f" {where}:" if where else ""
                    raise BadInput(
                        f"{path}:{line}:{field} duplicate key '{name}' "
                        f"(first on line {first_line[name]}); each key may appear once"
                    )
                first_line[name] = line
                stack.append((value, f"{where}.{name}" if where else name))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{where}.{i}") for i, item in enumerate(node.value))


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The parsed document and its node tree, from one parse; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_duplicate_keys(path, node)
        return loader.construct_document(node), node
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise BadInput(f"{path}{where}: {problem}") from None
    finally:
        loader.dispose()


def validation_messages(path: Path, node: yaml.Node | None, exc: ValidationError) -> list[str]:
    """Every error, one line each: file, line, field and what is allowed."""
    lines = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        line = _node_line(node, loc)
        field = ".".join(str(p) for p in loc) or "(document)"
        where = f"{path}:{line}" if line else str(path)
        lines.append(f"{where}: {field}: {_describe(dict(err))}")
    return lines


def validation_message(path: Path, node: yaml.Node | None, exc: ValidationError) -> str:
    """One line: file, line, field and what is allowed, for the first error."""
    first = validation_messages(path, node, exc)[0]
    more = len(exc.errors()) - 1
    tail = f" (and {more} more error{'s' if more > 1 else ''})" if more > 0 else ""
    return f"{first}{tail}"


def validate_yaml(
    path: Path, data: Any, node: yaml.Node | None, model: type[M], context: dict[str, Any]
) -> M:
    """``data`` as ``model``; an error is a one-line BadInput naming file, line and field."""
    try:
        return model.model_validate({} if data is None else data, context=context)
    except ValidationError as exc:
        raise BadInput(validation_message(path, node, exc)) from None


def load_model(path: Path, model: type[M], *, context: dict[str, Any] | None = None) -> M:
    """Load ``path`` as ``model``; any error is a one-line BadInput naming file, line and field."""
    data, node = read_yaml(path)
    return validate_yaml(path, data, node, model, context or {})


def line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the value at ``loc`` in the node tree (or of its nearest parent)."""
    return _node_line(node, loc)
