"""Datasette's metadata for the package's SQLite database (`metadata.json`), generated from the
descriptor and the JSON Schemas, never written by hand: the package's title, description,
licence and source, every table's and every column's description, and the canned queries of
`pipeline/queries.yaml` (the README's three questions).

    datasette datapackage/datapackage.sqlite -m datapackage/metadata.json
"""

from functools import cache
from pathlib import Path

import yaml

from pipeline.formats import DATABASE
from pipeline.schemas import json_schema

QUERIES = Path(__file__).resolve().parent / "queries.yaml"
LABEL_COLUMNS = ("label", "title")  # what Datasette shows for a row another table points to


@cache
def canned_queries() -> tuple[dict, ...]:
    with QUERIES.open(encoding="utf-8") as handle:
        return tuple(yaml.safe_load(handle))


def _source(descriptor: dict) -> str:
    authors = [c["title"] for c in descriptor.get("contributors", [])
               if "author" in c.get("roles", [])]
    count = len(descriptor.get("sources", []))
    articles = f"{count} article{'' if count == 1 else 's'} (see the documents table)"
    return f"{', '.join(authors)}: {articles}" if authors else articles


def _table(resource: dict) -> dict:
    properties = json_schema(resource["name"])["properties"]
    table = {"description": resource["description"],  # no title: the heading stays the
             "columns": {name: spec["description"]     # name that SQL uses
                         for name, spec in properties.items()}}
    label = next((name for name in LABEL_COLUMNS if name in properties), None)
    if label:
        table["label_column"] = label
    return table


def datasette_metadata(descriptor: dict) -> dict:
    """The metadata, in a fixed order: the same descriptor gives the same bytes."""
    licences = descriptor.get("licenses", [])
    metadata = {
        "title": descriptor["title"],
        "description": f"{descriptor['description']} Version {descriptor['version']}; "
                       "the data dictionary is README.md beside the database.",
        "license": " and ".join(licence.get("title", licence["name"]) for licence in licences),
    }
    if licences and licences[0].get("path"):
        metadata["license_url"] = licences[0]["path"]
    metadata["source"] = _source(descriptor)
    metadata["databases"] = {Path(DATABASE).stem: {
        "tables": {resource["name"]: _table(resource) for resource in descriptor["resources"]},
        "queries": {query["name"]: {"title": query["title"],
                                    "description": query["description"],
                                    "sql": query["sql"]}
                    for query in canned_queries()},
    }}
    return metadata
