"""Stage 5, derive: consumer views built from the claims alone (pipeline/rules/views.yaml).

Every view row cites the claims it rests on and the sentence they were read from. Because a
view is a pure function of the claims and entities, the validator derives the views again from
the published claims and checks that every published view value equals what its claims state.
"""

from pipeline import rulebook
from pipeline.normalise.dates import OPEN, DateParseError, from_edtf

LIST_JOIN = " | "
VIEWS = ("organisations", "names", "roles", "events", "relations", "quantities")


def _by_subject(claims: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for claim in claims:
        grouped.setdefault(claim["subject_id"], []).append(claim)
    return grouped


def _by_property(claims: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for claim in claims:
        grouped.setdefault(claim["property_id"], []).append(claim)
    return grouped


def organisations(claims: list[dict], entities: list[dict]) -> list[dict]:
    """One profile row per organisation: each column joins the distinct values its claims state,
    and cites every one of those claims (a value stated twice is cited twice)."""
    columns = rulebook.load("views")["organisations"]
    by_subject = _by_subject(claims)
    rows = []
    for entity in entities:
        if entity["type"] != "organisation":
            continue
        row = {"organisation_id": entity["entity_id"], "label": entity["label"]}
        own = _by_property(by_subject.get(entity["entity_id"], []))
        for column, prop in columns.items():
            cited = own.get(prop, [])
            values = dict.fromkeys(c["value"] for c in cited)
            row[column] = LIST_JOIN.join(values) or None
            row[f"{column}_claims"] = " ".join(c["claim_id"] for c in cited) or None
        row["sentence_id"] = entity["first_sentence_id"]
        rows.append(row)
    return rows


def names(claims: list[dict], entities: list[dict]) -> list[dict]:
    kinds = rulebook.load("views")["names"]
    return [{"claim_id": c["claim_id"], "entity_id": c["subject_id"], "name": c["value"],
             "kind": kinds[c["property_id"]], "language": c["language"], "script": c["script"],
             "valid_from": c["start_time"], "valid_to": c["end_time"], "status": c["status"],
             "sentence_id": c["sentence_id"]}
            for c in claims if c["property_id"] in kinds]


def roles(claims: list[dict], entities: list[dict]) -> list[dict]:
    """People in roles: a founder that is a body (a parliament) is no person in a role."""
    defaults = rulebook.load("views")["roles"]
    labels = {e["entity_id"]: e["label"] for e in entities}
    people = {e["entity_id"] for e in entities if e["type"] == "person"}
    return [{"claim_id": c["claim_id"], "person_id": c["object_id"],
             "person": labels[c["object_id"]], "role": c["role"] or defaults[c["property_id"]],
             "rank": c["rank"], "organisation_id": c["subject_id"],
             "organisation": labels[c["subject_id"]], "series_ordinal": c["series_ordinal"],
             "start": c["start_time"], "end": c["end_time"], "point_in_time": c["point_in_time"],
             "status": c["status"], "sentence_id": c["sentence_id"]}
            for c in claims if c["property_id"] in defaults and c["object_id"] in people]


def relations(claims: list[dict], entities: list[dict]) -> list[dict]:
    wanted = set(rulebook.load("views")["relations"])
    return [{"claim_id": c["claim_id"], "organisation_id": c["subject_id"],
             "relation": c["property_id"], "other_id": c["object_id"], "start": c["start_time"],
             "end": c["end_time"], "point_in_time": c["point_in_time"], "status": c["status"],
             "sentence_id": c["sentence_id"]}
            for c in claims if c["property_id"] in wanted and c["object_id"]]


def quantities(claims: list[dict], entities: list[dict]) -> list[dict]:
    """The counts of views.yaml's properties, and the whole numbers of infobox keys published
    as written (Undergraduates, Revenue)."""
    wanted = set(rulebook.load("views")["quantities"])
    catalogue = rulebook.properties()
    return [{"claim_id": c["claim_id"], "subject_id": c["subject_id"],
             "property_id": c["property_id"], "value": int(c["value"]), "unit": c["unit"],
             "qualifier": c["quantity_qualifier"], "point_in_time": c["point_in_time"],
             "sentence_id": c["sentence_id"]}
            for c in claims if c["property_id"] in wanted
            or (c["value_type"] == "integer" and c["property_id"] not in catalogue)]


def claim_date(claim: dict) -> str | None:
    """The EDTF date of a claim: its value, its point in time, or its start/end interval."""
    if claim["value_type"] == "edtf":
        return claim["value"]
    if claim["point_in_time"]:
        return claim["point_in_time"]
    if claim["start_time"] or claim["end_time"]:
        return f"{claim['start_time'] or OPEN}/{claim['end_time'] or OPEN}"
    return None


def events(claims: list[dict], entities: list[dict]) -> list[dict]:
    """The timeline: every claim with a date, with sortable bounds, in date order."""
    kinds = {e["entity_id"]: e["type"] for e in entities}
    rows = []
    for claim in claims:
        date = claim_date(claim)
        if date is None:
            continue
        try:
            parsed = from_edtf(date)
        except DateParseError:
            continue
        summary = (claim["value"] if claim["property_id"] == "significant_event"
                   else f"{rulebook.property_label(claim['property_id'])}: {claim['value']}")
        involved = [claim["subject_id"], claim["object_id"]]
        rows.append({
            "claim_id": claim["claim_id"], "date": date, "earliest": parsed.earliest,
            "latest": parsed.latest, "precision": parsed.precision, "summary": summary,
            "property_id": claim["property_id"],
            "actors": " ".join(i for i in involved if i and kinds[i] != "place") or None,
            "places": " ".join(i for i in involved if i and kinds[i] == "place") or None,
            "sentence_id": claim["sentence_id"],
        })
    return sorted(rows, key=lambda r: (r["earliest"] or "", r["latest"] or "9999",
                                       r["claim_id"]))


def derive(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Every view, from the claims and entities tables; a claim a reviewer deprecated is in
    none of them."""
    builders = {"organisations": organisations, "names": names, "roles": roles,
                "events": events, "relations": relations, "quantities": quantities}
    claims = [claim for claim in tables["claims"] if claim["statement_rank"] != "deprecated"]
    return {view: builders[view](claims, tables["entities"]) for view in VIEWS}
