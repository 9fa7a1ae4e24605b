"""The review site: static pages under the package, generated from its tables, on which a reader
finds an article, checks every fact against the text it was read from, and follows an entity
across the articles that name it.

    index.html                        the articles (title and counts), with a filter box
    review/review.css, review.js      the one style sheet and the one script (the filter)
    review/articles/<document>.html   an article's page (pipeline/review.py)
    review/entities.html              the entities named in more than one article
    review/entities/<entity>.html     every claim about such an entity or naming it

Links are relative and nothing is loaded from elsewhere, so the site opens from the file
system or any static host; without the script every row is shown. Each page weighs what its
own rows weigh: the index has a row per article, the style and script are shared.

Article and entity pages are pure functions of their inputs, rendered through a memo
(cache.Memo), so a rebuild renders again only the pages whose rows changed: after an edit, the
article's page and those of the entities its changed claims name; the index and the entity list
are made each time (a row per article or entity). The memo keeps a page's digest, not its
bytes: the package a rebuild replaces holds them, and its file is linked where they check out.
The same tables give the same bytes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from pipeline.cache import Memo, PreviousPackage
from pipeline.curate import CURATED
from pipeline.manifest import digest
from pipeline.review import (
    article_section,
    conflict_groups,
    conflicts_section,
    esc,
    groups_by_document,
    id_link,
    part_links,
    plural,
    qualifier_text,
)

INDEX = "index.html"
STYLE = "review/review.css"
SCRIPT = "review/review.js"
ARTICLES = "review/articles"
ENTITIES = "review/entities"
ENTITY_LIST = "review/entities.html"
ASSETS = {STYLE: Path(__file__).with_name("review.css"),
          SCRIPT: Path(__file__).with_name("review.js")}
def article_path(document_id: str) -> str:
    return f"{ARTICLES}/{document_id}.html"


def entity_path(entity_id: str) -> str:
    return f"{ENTITIES}/{entity_id}.html"


@lru_cache(maxsize=65536)
def href(page: str, target: str) -> str:
    """A relative link from the page at `page` to `target` (both paths in the package, with
    no "." or ".." parts), percent-encoded and escaped for an attribute."""
    here, there = page.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return esc(quote("../" * (len(here) - common) + "/".join(there[common:])))


def page(path: str, title: str, trail: list[tuple[str, str | None]], body: str,
         bar: str = "", script: bool = False) -> str:
    """A page of the site: its head (the shared style, and the script where a page filters),
    the bar (`trail`: labels and the pages they link to, the last one this page's), its body."""
    head = f'<link rel="stylesheet" href="{href(path, STYLE)}">'
    if script:
        head += f'<script src="{href(path, SCRIPT)}" defer></script>'
    links = " › ".join(f'<a href="{href(path, target)}">{esc(label)}</a>' if target
                       else f"<span>{esc(label)}</span>" for label, target in trail)
    return ("<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title>{head}</head><body>"
            f'<nav class="top" aria-label="Site"><span class="trail">{links}</span>{bar}</nav>'
            f"<main>{body}</main></body></html>\n")


def filter_box(table: str, what: str) -> str:
    """The filter over a table's rows, shown once the script runs (review.js)."""
    return (f'<p class="filter" hidden><label>Filter {what}: <input type="search" '
            f'data-filters="{table}" placeholder="words in a row"></label> '
            f'<span id="{table}-shown"></span> shown</p>')


# --- the pages of articles and entities ----------------------------------------------------


def article_page(site: str, document: dict, own: dict[str, list[dict]],
                 entities: dict[str, dict], labels: dict[str, str],
                 conflicts: tuple[str, int], shared: dict[str, str]) -> str:
    """An article's page (see review.article_section for what it shows); a pure function of
    its inputs, so the memo keeps it until one of them changes."""
    path = article_path(document["document_id"])
    return page(path, f"{document['title']} · {site}",
                [(site, INDEX), (document["title"], None)],
                article_section(document, own, entities, labels, conflicts, shared),
                bar=part_links(document, own, conflicts[1]))


def entity_page(site: str, entity: dict, articles: list[tuple[str, str, list[dict]]],
                labels: dict[str, str]) -> str:
    """Every claim about an entity or naming it, article by article (`articles`: document id,
    title and claims), each linked to its highlight and its sentence on the article's page.
    `labels` names the properties and the claims' subjects."""
    entity_id = entity["entity_id"]
    path = entity_path(entity_id)
    count = sum(len(claims) for _, _, claims in articles)
    heading = (f'<h1>{esc(entity["label"])} <small>{esc(entity.get("type"))} · '
               f'<code>{esc(entity_id)}</code></small></h1>'
               f'<p class="meta">{plural(count, "claim")} about it or naming it, in '
               f'{plural(len(articles), "article")}.</p>')
    rows = []
    for document_id, title, claims in articles:
        target = href(path, article_path(document_id))
        for number, c in enumerate(claims):
            head = (f'<th scope="rowgroup" rowspan="{len(claims)}"><a href="{target}">'
                    f"{esc(title)}</a></th>" if number == 0 else "")
            rows.append(
                f'<tr>{head}<td>{esc(labels.get(c["subject_id"], c["subject_id"]))}</td>'
                f'<td>{esc(labels.get(c["property_id"], c["property_id"]))}</td>'
                f'<td><a href="{target}#{esc(c["claim_id"])}">{esc(c["value"])}</a></td>'
                f'<td>{esc(qualifier_text(c, "; "))}</td><td><q>{esc(c["quote"])}</q></td>'
                f'<td>{id_link(c["sentence_id"], target)}</td></tr>')
    table = ('<table class="facts fixed"><colgroup><col class="e-doc"><col class="e-sub">'
             '<col class="e-prop"><col class="e-value"><col class="e-qual">'
             '<col class="e-quote"><col class="c-sen"></colgroup><thead><tr><th>article</th>'
             '<th>subject</th><th>property</th><th>value</th><th>qualifiers</th>'
             f'<th>as written</th><th>sentence</th></tr></thead><tbody>{"".join(rows)}'
             "</tbody></table>")
    return page(path, f"{entity['label']} · {site}",
                [(site, INDEX), ("entities", ENTITY_LIST), (entity["label"], None)],
                heading + table)


# --- the index and the entity list ---------------------------------------------------------


def provenance_problems(documents: dict[str, dict], claims: list[dict],
                        skips: list[dict]) -> list[str]:
    """Quotes that are not the text at their span, and rows of documents not in the package."""
    problems = []
    for row, key in [*((c, "claim_id") for c in claims), *((k, "skip_id") for k in skips)]:
        document = documents.get(row.get("document_id"))
        if document is None:
            problems.append(f"{row[key]}: its document {row.get('document_id')!r} is not in "
                            "the documents table, so it is not shown")
        elif (document.get("text") or "")[row["char_start"]:row["char_end"]] != row["quote"]:
            problems.append(f"{row[key]}: the quote is not the text at "
                            f"{row['char_start']}..{row['char_end']}")
    return problems


def overview(tables: dict[str, list[dict]], descriptor: dict, problems: list[str]) -> str:
    licences = ", ".join(lic.get("title") or lic.get("name") or ""
                         for lic in descriptor.get("licenses", []))
    facts = [f"version {descriptor['version']}" if descriptor.get("version") else "",
             f"licence: {licences}" if licences else "", descriptor.get("name", "")]
    counts = " · ".join(f"{esc(table)} {len(rows)}" for table, rows in tables.items())
    if problems:
        check = ('<div class="problems"><strong>Provenance problems:</strong><ul>'
                 + "".join(f"<li>{esc(p)}</li>" for p in problems) + "</ul></div>")
    else:
        claims = len(tables.get("claims", []))
        check = (f'<p class="ok">✓ Every quote ({plural(claims, "claim")}, '
                 f'{plural(len(tables.get("skipped", [])), "skipped value")}) is the document '
                 "text at its span.</p>")
    return (f'<p class="description">{esc(descriptor.get("description", ""))}</p>'
            f'<p class="meta">{esc(" · ".join(f for f in facts if f))}</p>'
            f'<details class="meta"><summary>Rows per table</summary>{counts or "none"}</details>'
            f"{check}")


def is_curated(claim: dict) -> bool:
    """A claim a reviewer rejected, corrected or added (pipeline/curate.py)."""
    return (claim.get("statement_rank") == "deprecated"
            or claim.get("extracted_value") is not None
            or (claim.get("rule_id") or "").startswith(CURATED))


def index_page(site: str, tables: dict[str, list[dict]], descriptor: dict, rows: list[str],
               shared_count: int) -> str:
    """The site's entry: the package, and a row per article (`rows`)."""
    problems = provenance_problems({d["document_id"]: d for d in tables.get("documents", [])},
                                   tables.get("claims", []), tables.get("skipped", []))
    entities = (f'<p><a href="{href(INDEX, ENTITY_LIST)}">'
                f'{plural(shared_count, "entity", "entities")} named in more than one '
                "article</a></p>"
                if shared_count else "")
    table = ('<p class="none">The package has no documents.</p>' if not rows else
             f'{filter_box("articles", "articles")}<table class="facts list" id="articles">'
             '<colgroup><col class="l-name"><col span="4" class="l-count"></colgroup><thead><tr>'
             "<th>article</th><th>claims</th><th>conflicts</th><th>skipped</th><th>curated</th>"
             "</tr></thead><tbody>"
             + "".join(rows) + "</tbody></table>")
    return page(INDEX, f"Review: {site}", [(site, None)],
                f'<header><h1>{esc(site)}</h1>{overview(tables, descriptor, problems)}</header>'
                f"{entities}<h2>Articles</h2>{table}", script=bool(rows))


def index_row(document: dict, own: dict[str, list[dict]], conflict_count: int) -> str:
    counts = (len(own["claims"]), conflict_count, len(own["skipped"]),
              sum(map(is_curated, own["claims"])))
    return (f'<tr><td><a href="{href(INDEX, article_path(document["document_id"]))}">'
            f'{esc(document["title"])}</a></td>'
            + "".join(f"<td>{count}</td>" for count in counts) + "</tr>")


def entity_list_page(site: str, rows: list[str]) -> str:
    return page(ENTITY_LIST, f"Entities · {site}", [(site, INDEX), ("entities", None)],
                "<h1>Entities named in more than one article</h1>"
                f'{filter_box("entities", "entities")}'
                '<table class="facts list" id="entities"><colgroup><col class="l-name">'
                '<col span="2" class="l-count"></colgroup><thead><tr><th>entity</th>'
                '<th>articles</th><th>claims</th></tr></thead><tbody>'
                + "".join(rows) + "</tbody></table>", script=True)


def entity_row(entity: dict, articles: list[tuple[str, str, list[dict]]]) -> str:
    claims = sum(len(c) for _, _, c in articles)
    return (f'<tr><td><a href="{href(ENTITY_LIST, entity_path(entity["entity_id"]))}">'
            f'{esc(entity["label"])}</a> <small>{esc(entity.get("type"))}</small></td>'
            f"<td>{len(articles)}</td><td>{claims}</td></tr>")


# --- the site ------------------------------------------------------------------------------


def _by_document(rows: list[dict], document=lambda row: row.get("document_id")) -> dict:
    """Rows grouped by document in one pass, in table order (a scan per article is quadratic)."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(document(row), []).append(row)
    return groups


def named_entities(claims: list[dict]) -> dict[str, list[dict]]:
    """Each entity a claim is about or names, with those claims in table order."""
    named: dict[str, list[dict]] = {}
    for claim in claims:
        for entity in dict.fromkeys((claim["subject_id"], claim.get("object_id"))):
            if entity:
                named.setdefault(entity, []).append(claim)
    return named


def named_in_several(claims: list[dict], entities: dict[str, dict]
                     ) -> dict[str, dict[str, list[dict]]]:
    """The entities claims of more than one document are about or name, each with those
    claims by document: the entities that have a page."""
    per_entity = {entity: _by_document(named) for entity, named in named_entities(claims).items()
                  if entity in entities}
    return {entity: per_document for entity, per_document in per_entity.items()
            if len(per_document) > 1}


@dataclass(frozen=True)
class Page:
    """An article or entity page: its manifest entry, and its bytes where this build rendered
    it. One an earlier build rendered from the same inputs is remembered by its entry alone
    (else the memo would hold the whole site, read back whole by every rebuild): the package
    being replaced holds its bytes."""

    entry: dict
    data: bytes | None = None


def rendered(render: Callable[..., str], *inputs) -> Page:
    data = render(*inputs).encode("utf-8")
    return Page(digest(data), data)


def remembered(page: Page) -> Page:
    return Page(page.entry)


def site_parts(tables: dict[str, list[dict]], descriptor: dict
               ) -> tuple[list[tuple[str, str]], list[tuple[str, Callable[..., str], tuple]]]:
    """The site, in a fixed order: the files made each time, (path in the package, text),
    then the article and entity pages, (path, the function that renders it, its inputs), each
    a pure function of its inputs."""
    site = descriptor.get("title") or descriptor.get("name") or "Data package"
    documents = tables.get("documents", [])
    entities = {e["entity_id"]: e for e in tables.get("entities", [])}
    titles = {d["document_id"]: d["title"] for d in documents}
    # What an id reads as: a property's label, and a rule's file and line.
    labels = {p["property_id"]: p["label"] for p in tables.get("properties", [])}
    labels |= {r["rule_id"]: f"{r['file']}:{r['line']}" for r in tables.get("rules", [])}
    shared = named_in_several(tables.get("claims", []), entities)
    articles = article_inputs(site, tables, entities, labels, shared)
    pages = [(site, entities[e], [(d, titles.get(d, d), c) for d, c in per_document.items()],
              entity_labels(per_document, entities, labels))
             for e, per_document in shared.items()]
    rows = [index_row(inputs[1], inputs[2], inputs[5][1]) for inputs in articles]
    fixed = [(INDEX, index_page(site, tables, descriptor, rows, len(shared)))]
    fixed += [(path, source.read_text(encoding="utf-8")) for path, source in ASSETS.items()]
    if shared:
        fixed.append((ENTITY_LIST, entity_list_page(site, [entity_row(*inputs[1:3])
                                                           for inputs in pages])))
    return fixed, ([(article_path(d["document_id"]), article_page, inputs)
                    for d, inputs in zip(documents, articles, strict=True)]
                   + [(entity_path(e), entity_page, inputs)
                      for e, inputs in zip(shared, pages, strict=True)])


def article_inputs(site: str, tables: dict[str, list[dict]], entities: dict[str, dict],
                   labels: dict[str, str], shared: dict[str, dict]) -> list[tuple]:
    """What each article's page is made of (article_page's arguments): its own rows, the
    entities it names, its conflicts (which may reach other articles) and the links to the
    pages of the entities other articles name too."""
    claims = tables.get("claims", [])
    titles = {d["document_id"]: d["title"] for d in tables.get("documents", [])}
    claim_by_id = {c["claim_id"]: c for c in claims}
    claim_documents = {c["claim_id"]: c["document_id"] for c in claims}
    by_document = {table: _by_document(tables.get(table, []))
                   for table in ("sentences", "claims", "skipped", "warnings")}
    by_document["events"] = _by_document(
        tables.get("events", []), lambda e: claim_documents.get(e.get("claim_id") or "")
        or (e.get("sentence_id") or "").partition(":")[0])
    groups = groups_by_document(conflict_groups(claims), claim_documents)
    inputs = []
    for document in tables.get("documents", []):
        doc_id = document["document_id"]
        path = article_path(doc_id)
        own = {table: rows_of.get(doc_id, []) for table, rows_of in by_document.items()}
        conflicts = conflicts_section(doc_id, groups.get(doc_id, []), claim_by_id, entities,
                                      labels, titles,
                                      lambda other, p=path: href(p, article_path(other)))
        named = named_entities(own["claims"])
        inputs.append((site, document, own, {e: entities.get(e, {}) for e in named},
                       article_labels(own["claims"], labels), conflicts,
                       {e: href(path, entity_path(e)) for e in named if e in shared}))
    return inputs


def article_labels(claims: list[dict], labels: dict[str, str]) -> dict[str, str]:
    """The labels an article's page shows: its claims' properties and rules. Only those are
    the page's inputs, so that a page is made again when one of them changes, not when any
    label does (a new article's infobox key adds one)."""
    return {key: labels[key] for claim in claims
            for key in (claim["property_id"], claim.get("rule_id")) if key in labels}


def entity_labels(per_document: dict[str, list[dict]], entities: dict[str, dict],
                  labels: dict[str, str]) -> dict[str, str]:
    """The labels an entity's page shows: its claims' properties and subjects."""
    claims = [c for rows in per_document.values() for c in rows]
    return ({c["property_id"]: labels.get(c["property_id"], c["property_id"]) for c in claims}
            | {c["subject_id"]: entities.get(c["subject_id"], {}).get("label", c["subject_id"])
               for c in claims})


def write_site(folder: Path, tables: dict[str, list[dict]], descriptor: dict,
               memo: Memo | None = None, previous: PreviousPackage | None = None
               ) -> dict[str, dict]:
    """Write the site into the package folder `folder`, each file UTF-8, byte for byte what
    site_parts gives, and return each file's manifest entry (manifest.digest). With a `memo`,
    a page an earlier build rendered from the same inputs is not rendered again (the others
    are rendered over its workers): `previous`, the package being replaced, holds it, linked
    when its bytes check out, else it is rendered now. A page rendered now that `previous`
    holds unchanged is linked too. Its folders are made as their first file comes (a
    folder's files come after its parent's), and `folder` itself must exist."""
    previous = previous or PreviousPackage(None)
    memo = memo or Memo(None, "review")
    fixed, pages = site_parts(tables, descriptor)
    jobs = [(path, str, (text,)) for path, text in fixed] + pages
    made = [rendered(str, text) for _, text in fixed] + memo.map(
        rendered, [(render, *inputs) for _, render, inputs in pages], keep=remembered)
    written, lost = {}, []
    for (path, render, inputs), page in zip(jobs, made, strict=True):
        if "/" in path:
            (folder / path).parent.mkdir(exist_ok=True)
        if page.data is not None:
            previous.write(folder, path, page.data)
        elif not previous.link(folder, path, page.entry):
            lost.append((path, render, inputs))  # the replaced package does not hold it
            continue
        written[path] = page.entry
    for (path, _, _), page in zip(lost, memo.computed(
            rendered, [(render, *inputs) for _, render, inputs in lost]), strict=True):
        previous.write(folder, path, page.data)
        written[path] = page.entry
    return written
