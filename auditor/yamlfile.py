"""Load a YAML file, keep where every key stands, and validate it against a JSON schema.

Both config.yaml and the rules files go through here, so every message about a bad file has
the same shape: ``FILE:LINE: 'dotted.key': what is wrong`` (exit 2, never a traceback).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from auditor.errors import ConfigError
from auditor.i18n import SAFE_LOADER, t

Location = tuple[str | int, ...]


@dataclass
class LoadedYaml:
    path: Path
    data: Any
    lines: dict[Location, int]  # location of a value -> 1-based line of its key or item

    def line_of(self, location: Location) -> int:
        """The line of ``location`` or, failing that, of its nearest parent."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def where(self, location: Location) -> str:
        return f"{self.path}:{self.line_of(location)}"


def dotted(location: Location) -> str:
    out = ""
    for part in location:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


def _walk(node: yaml.Node, loc: Location, lines: dict[Location, int], path: Path) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise ConfigError(
                    t("yaml.duplicate_key", path=path, line=key_node.start_mark.line + 1,
                      key=dotted((*loc, key)))
                )
            seen.add(key)
            lines[(*loc, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*loc, key), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = item.start_mark.line + 1
            _walk(item, (*loc, index), lines, path)


def _refuse_aliases(text: str, path: Path) -> None:
    """Stop at the first YAML anchor (``&name``) or alias (``*name``), before anything is
    composed: a few hundred bytes of nested aliases expand to billions of values (and a
    self-referencing one never ends). One pass over the parser's events, linear in the text;
    the dotted key of each node is kept on a stack so that the message can name it."""
    frames: list[list[Any]] = []  # [kind "map"/"seq", location, pending key or next index]
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if not isinstance(event, yaml.NodeEvent):
            if isinstance(event, yaml.CollectionEndEvent) and frames:
                frames.pop()
                _advance(frames, None)
            continue
        loc: Location = ()
        is_key = False
        if frames:
            kind, where, state = frames[-1]
            if kind == "seq":
                loc = (*where, state)
            elif state is _KEY:
                is_key, loc = True, where
            else:
                loc = (*where, state)
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            line = event.start_mark.line + 1 if event.start_mark else 1
            raise ConfigError(t("yaml.alias", path=path, line=line, key=dotted(loc)))
        if isinstance(event, yaml.MappingStartEvent):
            frames.append(["map", loc, _KEY])
        elif isinstance(event, yaml.SequenceStartEvent):
            frames.append(["seq", loc, 0])
        else:  # a scalar: a key waits for its value, a value ends its node
            _advance(frames, event.value if is_key else None)


_KEY = object()  # a mapping frame waiting for a key


def _advance(frames: list[list[Any]], key: str | None) -> None:
    """One node of the innermost collection is complete (``key``: it was a mapping key)."""
    if not frames:
        return
    frame = frames[-1]
    if frame[0] == "seq":
        frame[2] += 1
    elif frame[2] is _KEY:
        frame[2] = key if key is not None else "?"
    else:
        frame[2] = _KEY


# libyaml's words for the mistakes people make by hand -> a plain sentence saying what to do
_PROBLEMS = (
    ("tab character", "yaml.problem.tab"),
    ("could not find expected ':'", "yaml.problem.colon_missing"),
    ("did not find expected key", "yaml.problem.indent"),
    ("did not find expected '-' indicator", "yaml.problem.dash"),
    ("mapping values are not allowed", "yaml.problem.colon_inside"),
    ("did not find expected ',' or ']'", "yaml.problem.bracket"),
    ("did not find expected ',' or '}'", "yaml.problem.brace"),
)


def plain_problem(exc: yaml.MarkedYAMLError, text: str) -> str:
    """What is wrong, in the message language; libyaml's English only for rare cases."""
    problem = str(exc.problem or exc)
    mark = exc.problem_mark
    char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if "cannot start any token" in problem:
        if char == "\t":
            return t("yaml.problem.tab")
        return t("yaml.problem.bad_start", char=char)
    if "end of stream" in problem and "quoted" in str(exc.context or ""):
        return t("yaml.problem.quote")
    for words, key in _PROBLEMS:
        if words in problem:
            return t(key)
    return problem


def load_yaml(path: Path) -> LoadedYaml:
    """Parse ``path``; a missing, unreadable or malformed file is a ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(t("yaml.not_found", path=path)) from None
    except UnicodeDecodeError:
        raise ConfigError(t("yaml.not_utf8", path=path)) from None
    except OSError as exc:
        raise ConfigError(t("yaml.unreadable", path=path, reason=exc.strerror or exc)) from None
    try:
        _refuse_aliases(text, path)
        node = yaml.compose(text, Loader=SAFE_LOADER)  # duplicate keys are caught in _walk
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError(t("yaml.syntax", path=path, line=line,
                            problem=plain_problem(exc, text))) from None
    except yaml.YAMLError as exc:
        raise ConfigError(t("yaml.syntax", path=path, line=1, problem=exc)) from None
    lines: dict[Location, int] = {(): 1}
    if node is not None:
        _walk(node, (), lines, path)
    return LoadedYaml(path=path, data=data, lines=lines)


def _is_integer(_checker: object, value: Any) -> bool:
    """Only a whole number written as one: ``2022.0`` is a float to every later stage."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(_checker: object, value: Any) -> bool:
    """A finite int or float: ``.nan`` passes every minimum/maximum and ``.inf`` is no limit."""
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine_many(
    {"integer": _is_integer, "number": _is_number})
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=_TYPES)


def _describe(error: jsonschema.ValidationError) -> tuple[Location, str]:
    """A plain sentence for one schema error, and the location it is about."""
    loc: Location = tuple(error.absolute_path)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        key = extra[0] if extra else "?"
        return (*loc, key), t("schema.unknown_key", key=key, allowed=", ".join(sorted(allowed)))
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return loc, t("schema.required", key=missing)
    if kind == "type":
        value = error.instance
        if isinstance(value, float) and not math.isfinite(value):
            return loc, t("schema.not_finite", got=yaml.safe_dump(value).split("\n")[0])
        if error.validator_value == "integer" and isinstance(value, float):
            return loc, t("schema.integer_float", got=repr(value), whole=round(value))
        return loc, t("schema.type", expected=error.validator_value, got=repr(error.instance))
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return loc, t("schema.enum", options=options, got=repr(error.instance))
    if kind in ("minimum", "maximum"):
        return loc, t(f"schema.{kind}", limit=error.validator_value, got=repr(error.instance))
    if kind == "minItems":
        return loc, t("schema.min_items", limit=error.validator_value)
    if kind == "minLength":
        return loc, t("schema.empty")
    if kind == "uniqueItems":
        return loc, t("schema.unique")
    if kind == "pattern":
        hint = error.schema.get("x-hint") or error.validator_value
        return loc, t("schema.pattern", got=repr(error.instance), hint=hint)
    return loc, error.message


def validate(loaded: LoadedYaml, schema: dict[str, Any]) -> None:
    """Raise ConfigError listing every schema violation with file, line and key."""
    validator = _Validator(schema)
    errors = sorted(validator.iter_errors(loaded.data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    raise ConfigError("\n".join(located(loaded, *_describe(e)) for e in errors))


def located(loaded: LoadedYaml, location: Location, message: str) -> str:
    """``FILE:LINE: 'key': message``: the one shape of every config/rules message."""
    return f"{loaded.where(location)}: '{dotted(location)}': {message}"


class TextDumper(yaml.SafeDumper):
    """A dumper whose strings read back as written: PyYAML writes a string holding U+0085
    (NEL) single-quoted or plain, and reads that back with a space in its place (a file or
    folder name copied from an old Windows share can hold one); such strings are written
    double-quoted, where they are escaped."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(c in value for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


TextDumper.add_representer(str, _represent_text)


def yaml_text(value: str) -> str:
    """``value`` as one double-quoted YAML scalar on one line that reads back as exactly
    ``value`` (for files written line by line with comments, such as a folder-map proposal):
    PyYAML's own escapes for what YAML may not hold as it is (C1 controls, U+0085/2028/2029,
    U+FFFE…)."""
    return yaml.dump(value, Dumper=TextDumper, default_style='"', width=math.inf,
                     allow_unicode=True).rstrip("\n")
