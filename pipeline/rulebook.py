"""Rules are data: YAML files in `pipeline/rules/`, read once, with safe loading only."""

from functools import cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it


@cache
def load(name: str):
    """The parsed `pipeline/rules/<name>.yaml`."""
    with (RULES_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)


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
