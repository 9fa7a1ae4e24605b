"""Rules are data: YAML files in `pipeline/rules/`, read once, with safe loading only."""

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from pipeline.errors import InputError, one_line
from pipeline.schemas import SCHEMA_DIR

RULES_DIR = Path(__file__).resolve().parent / "rules"
# Rule files with a schema of their own; other rule files with `rules` are prose.
OWN_SCHEMAS = ("infobox", "properties", "qualifiers", "vocabulary")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it


@cache
def load(name: str):
    """The parsed `pipeline/rules/<name>.yaml`, checked against its JSON Schema
    (schemas/rules/): a typo in a rule is an error naming the file and line, not a rule that
    silently reads nothing."""
    with (RULES_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    prose = isinstance(data, dict) and "rules" in data
    schema = name if name in OWN_SCHEMAS else "prose" if prose else None
    if schema:
        error = next(iter(rule_file_validator(schema).iter_errors(data)), None)
        if error is not None:
            raise InputError(f"pipeline/rules/{name}.yaml", error.message,
                             _line_of(name, list(error.absolute_path)))
    if isinstance(data, dict) and "word_macros" in data:
        data["macros"] = dict(data.get("macros") or {}) | {
            macro: words_pattern(spec["words"], *spec.get("except", []))
            for macro, spec in data["word_macros"].items()}
    return data


def words(key: str, *without: str) -> tuple[str, ...]:
    """A word list less the words of the lists `without`: a use that needs part of a list names
    that part, rather than copying the rest. A key is a list of vocabulary.yaml, or the path to
    a list in the rule file that owns it ("names/entity_heads/organisation")."""
    left_out = {word for other in without for word in _word_list(other)}
    return tuple(word for word in _word_list(key) if word not in left_out)


def _word_list(key: str) -> list[str]:
    file, *path = key.split("/") if "/" in key else ("vocabulary", key)
    data = load(file)
    for step in path:
        data = data[step]
    return data


def words_pattern(key: str, *without: str) -> str:
    """words() as a regex alternation, longest first (so that no word stops a longer one)."""
    return "|".join(re.escape(word) for word in sorted(words(key, *without), key=len,
                                                        reverse=True))


def user_yaml(text: str, file: str):
    """YAML from a user's folder (a curation file), parsed only when it holds no anchor or
    alias: they have no use there, and expanding them lets a 400-byte file make gigabytes
    (a "billion laughs"). Errors name the file and line."""
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise InputError(file, "YAML anchors and aliases (& and *) are not accepted",
                                 event.start_mark.line + 1)
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(file, f"not YAML: {one_line(problem, 200)}",
                         mark.line + 1 if mark else None) from None


@cache
def rule_file_validator(schema: str) -> Draft202012Validator:
    path = SCHEMA_DIR / "rules" / f"{schema}.schema.json"
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def _line_of(name: str, path: list) -> int:
    return line_of("\n".join(_lines(name)), path)


def line_of(text: str, path: list) -> int:
    """The 1-based line of the YAML node at a JSON path (keys and indices) in a YAML text."""
    node = yaml.compose(text, Loader=SAFE_LOADER)
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == step), node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step]
    return node.start_mark.line + 1


@dataclass(frozen=True)
class Located:
    """One entry of a rule file: where it is written, its text, and the comment above it."""

    name: str  # the entry's `id`, or its key in a mapping
    file: str  # relative to the repository: pipeline/rules/<name>.yaml
    line: int  # 1-based
    sha256: str  # of the entry's text as written
    comment: str


@cache
def _lines(name: str) -> tuple[str, ...]:
    return tuple((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines())


@cache
def located(name: str, section: str) -> tuple[Located, ...]:
    """The entries of a top-level section (a list of mappings with `id`, or a mapping) of
    `pipeline/rules/<name>.yaml`, each with its line, for the package's `rules` table."""
    root = yaml.compose("\n".join(_lines(name)), Loader=SAFE_LOADER)
    node = next(value for key, value in root.value if key.value == section)
    if isinstance(node, yaml.SequenceNode):
        entries = [(next(v.value for k, v in item.value if k.value == "id"), item)
                   for item in node.value]
    else:
        entries = [(key.value, key) for key, _ in node.value]
    starts = [entry.start_mark.line for _, entry in entries] + [node.end_mark.line]
    return tuple(_located(name, entry_name, start, max(end, start + 1))
                 for (entry_name, _), start, end in zip(entries, starts, starts[1:], strict=False))


def _located(name: str, entry_name: str, start: int, end: int) -> Located:
    lines = _lines(name)
    text = "\n".join(lines[start:end]).rstrip()
    above = start  # the comment block just above the entry, up to a "# ---" section divider
    while (above > 0 and lines[above - 1].lstrip().startswith("#")
           and not lines[above - 1].lstrip().startswith("# ---")):
        above -= 1
    comment = " ".join(line.strip().lstrip("#").strip() for line in lines[above:start])
    return Located(entry_name, f"pipeline/rules/{name}.yaml", start + 1,
                   hashlib.sha256(text.encode("utf-8")).hexdigest(), comment)


def section_sha256(name: str, section: str) -> str:
    """A hash of a top-level section's text, to its next top-level key."""
    lines = _lines(name)
    start = section_line(name, section) - 1
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha()), len(lines))
    return hashlib.sha256("\n".join(lines[start:end]).rstrip().encode("utf-8")).hexdigest()


def section_line(name: str, section: str) -> int:
    """The 1-based line where a top-level section of a rule file starts."""
    return next(number for number, line in enumerate(_lines(name), start=1)
                if line.startswith(f"{section}:"))


@cache
def properties() -> dict[str, dict]:
    """The property catalogue, by id; an id listed twice is an error, not a silent override."""
    catalogue: dict[str, dict] = {}
    for entry in load("properties"):
        if entry["id"] in catalogue:
            raise ValueError(f"{RULES_DIR / 'properties.yaml'}: property {entry['id']!r} is "
                             "listed twice")
        catalogue[entry["id"]] = entry
    return catalogue


def property_label(property_id: str) -> str:
    """The catalogue's label, or for an infobox key published as written, the key's words."""
    entry = properties().get(property_id)
    return entry["label"] if entry else property_id.replace("_", " ")
