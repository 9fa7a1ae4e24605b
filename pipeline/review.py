"""The review page: `index.html`, one self-contained HTML file generated from the package's tables,
in which a reader checks every published fact against the text it was read from.

For each article it shows the text as published (`documents.text`) with every claim's span
highlighted (hover or focus a highlight for its property, value, qualifiers and rule), the facts
grouped by entity and property with links to their sentences, the `events` timeline drawn as
inline SVG, the conflicting claims and the skipped values with their reasons.

Spans may overlap or nest. The text is cut at every span boundary and each piece is wrapped in
one flat `<mark data-claims="id ...">` naming every claim that covers it, so for every claim the
text of the marks that name it, in document order, is exactly its quote. The details of a piece
are in its `data-tip` attribute and shown by CSS (`::after`), never as text in the page.

The page is deterministic (the same tables give the same bytes: no clock, rows in table order),
loads nothing (no script, no font, no network: the CSS is inline) and escapes all text.

    python -m pipeline.review [PACKAGE] [OUT]   # default: datapackage/ -> PACKAGE/index.html
"""

import calendar
import html
import math
import re
import sys
from pathlib import Path

from pipeline import loader
from pipeline.errors import one_line
from pipeline.schemas import PROFILE

PAGE = "index.html"
ZERO = ' class="zero"'  # a contents link to an empty part
QUALIFIERS = ("start_time", "end_time", "point_in_time", "role", "rank", "series_ordinal",
              "quantity_qualifier", "unit", "status", "language", "script", "note")
ISO_DAY = re.compile(r"(-?[0-9]{1,})-([0-9]{2})-([0-9]{2})")
MAX_DEPTH_CLASS = 3  # shading classes d1..d3: one, two, three or more claims on a piece of text

# Timeline geometry, in SVG user units (the SVG scales to the width of its column).
SVG_WIDTH = 1000
LABEL_DATE_X = 4
LABEL_TEXT_X = 150
PLOT_LEFT = 445
PLOT_RIGHT = 965
AXIS_HEIGHT = 28
ROW_HEIGHT = 22
SUMMARY_CHARS = 40
MIN_AXIS_YEARS = 10
AXIS_AGAIN_AFTER = 15  # rows
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
MAX_TICKS = 12


def _e(value) -> str:
    """Text or attribute value, escaped (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def _short(identifier: str) -> str:
    """An id without its document prefix, for labels: `doc:sen-c9c38fc9` -> `sen-c9c38fc9`."""
    return identifier.rpartition(":")[2] or identifier


def _anchor(kind: str, *parts: str) -> str:
    """Ids of the page's own elements. Package ids (claims, sentences, skips) all contain ':'
    and these never do, so the two cannot collide."""
    return ".".join((kind, *parts))


# --- the text with its highlights ---------------------------------------------------------


def pieces(length: int, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, list[str]]]:
    """Cut 0..length at every span boundary; each piece with the keys of the spans covering it,
    in the order the spans were given. Spans are clamped to the text; empty ones are dropped."""
    clamped = [(max(0, s), min(length, e), key) for s, e, key in spans]
    clamped = [(s, e, key) for s, e, key in clamped if s < e]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for number, (s, e, _) in enumerate(clamped):
        starts.setdefault(s, []).append(number)
        ends.setdefault(e, []).append(number)
    cuts = sorted({0, length, *starts, *ends})
    active: set[int] = set()
    result = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        result.append((a, b, [clamped[n][2] for n in sorted(active)]))
    return result


def _qualifier_text(claim: dict, separator: str) -> str:
    return separator.join(f"{name}: {claim[name]}" for name in QUALIFIERS
                          if claim.get(name) not in (None, ""))


def _property_name(prop: str, labels: dict[str, str]) -> str:
    label = labels.get(prop, prop)
    return prop if label == prop else f"{label} [{prop}]"


def claim_tip(claim: dict, labels: dict[str, str]) -> str:
    """What hovering a claim's highlight tells: property, value, qualifiers, rule."""
    lines = [f"{_property_name(claim.get('property_id', ''), labels)} = {claim.get('value')}"]
    if claim.get("quote") != claim.get("value"):
        lines.append(f"  as written: “{claim.get('quote')}”")
    lines += [f"  {name}: {claim[name]}" for name in QUALIFIERS
              if claim.get(name) not in (None, "")]
    if claim.get("statement_rank") == "deprecated":
        lines.append(f"  rejected by a reviewer: {claim.get('deprecation_reason')}")
    if claim.get("extracted_value") is not None:
        lines.append(f"  corrected by a reviewer; extracted: {claim['extracted_value']}")
    rule = claim.get("rule_id")
    lines.append(f"  rule_id: {rule}" + (f" ({labels[rule]})" if rule in labels else ""))
    if claim.get("conflicts_with"):
        lines.append(f"  conflicts with: {claim['conflicts_with']}")
    lines.append(f"  ({claim.get('claim_id')})")
    return "\n".join(lines)


def skip_tip(skip: dict) -> str:
    return (f"skipped: {skip.get('reason')}\n  rule_id: {skip.get('rule_id')}\n"
            f"  ({skip.get('skip_id')})")


def article_text(text: str, sentences: list[dict], claims: list[dict], skips: list[dict],
                 labels: dict[str, str]) -> str:
    """The document text, sentences as anchored spans, claims and skips as flat marks."""
    claim_by_id = {c["claim_id"]: c for c in claims}
    skip_by_id = {s["skip_id"]: s for s in skips}
    sentence_by_id = {s["sentence_id"]: s for s in sentences}
    spans = ([(s["char_start"], s["char_end"], "s " + s["sentence_id"]) for s in sentences]
             + [(c["char_start"], c["char_end"], "c " + c["claim_id"]) for c in claims]
             + [(k["char_start"], k["char_end"], "k " + k["skip_id"]) for k in skips])
    out: list[str] = []
    open_sentence = None
    opened: set[str] = set()
    begun: set[str] = set()
    previous_marked = False
    for start, end, keys in pieces(len(text), spans):
        sentence, on, off = None, [], []
        for key in keys:  # one pass, not three: this runs for every piece of every article
            kind, key_id = key[0], key[2:]
            if kind == "c":
                on.append(key_id)
            elif kind == "k":
                off.append(key_id)
            elif sentence is None:
                sentence = key_id
        if sentence != open_sentence:
            if open_sentence is not None:
                out.append("</span>")
            if sentence is not None:
                kind = sentence_by_id[sentence].get("kind") or "prose"
                anchor = "" if sentence in opened else f' id="{_e(sentence)}"'
                out.append(f'<span class="sen k-{_e(kind)}"{anchor} '
                           f'data-sentence="{_e(sentence)}">')
                opened.add(sentence)
            open_sentence = sentence
        chunk = _e(text[start:end])
        if not on and not off:
            out.append(chunk)
            previous_marked = False
            continue
        starting = [i for i in [*on, *off] if i not in begun]
        begun.update(starting)
        anchors = "".join(f'<span class="at" id="{_e(i)}"></span>' for i in starting)
        tip = "\n\n".join([claim_tip(claim_by_id[i], labels) for i in on]
                          + [skip_tip(skip_by_id[i]) for i in off])
        classes = []
        if on:
            classes.append(f"d{min(len(on), MAX_DEPTH_CLASS)}")
        if off:
            classes.append("skip")
        if any(claim_by_id[i].get("conflicts_with") for i in on):
            classes.append("conflict")
        if all(claim_by_id[i].get("statement_rank") == "deprecated" for i in on) and on:
            classes.append("deprecated")
        if previous_marked and any(i in starting for i in on):
            classes.append("begin")
        attributes = f'class="{" ".join(classes)}"'
        if on:
            attributes += f' data-claims="{_e(" ".join(on))}"'
        if off:
            attributes += f' data-skips="{_e(" ".join(off))}"'
        out.append(f'<mark {attributes} tabindex="0" data-tip="{_e(tip)}">{anchors}{chunk}'
                   "</mark>")
        previous_marked = bool(on)
    if open_sentence is not None:
        out.append("</span>")
    return "".join(out)


# --- facts, conflicts, skipped ------------------------------------------------------------


def _sentence_link(sentence_id) -> str:
    if not sentence_id:
        return ""
    return f'<a class="sen-link" href="#{_e(sentence_id)}">{_e(_short(sentence_id))}</a>'


def _quote_cell(row: dict, text: str | None) -> str:
    quote = row.get("quote") or ""
    cell = f'<q>{_e(quote)}</q>'
    if text is not None and text[row["char_start"]:row["char_end"]] != quote:
        cell += ' <strong class="bad" title="the quote is not the text at its span">⚠ span</strong>'
    return cell


def _value_cell(claim: dict, text: str | None) -> str:
    """The normalised value, linked to its highlight; the quote too where it differs."""
    cell = f'<a href="#{_e(claim["claim_id"])}">{_e(claim["value"])}</a>'
    if claim.get("statement_rank") == "deprecated":
        cell = (f'<del>{cell}</del> <span class="badge curated-badge">rejected</span>'
                f'<div class="written">{_e(claim.get("deprecation_reason"))}</div>')
    if claim.get("extracted_value") is not None:
        cell += (' <span class="badge curated-badge">corrected</span><div class="written">'
                 f'extracted <q>{_e(claim["extracted_value"])}</q></div>')
    if claim.get("conflicts_with"):
        cell += ' <span class="badge conflict-badge">conflict</span>'
    quote = claim.get("quote") or ""
    if quote != claim["value"]:
        cell += f'<div class="written">as written <q>{_e(quote)}</q></div>'
    if text is not None and text[claim["char_start"]:claim["char_end"]] != quote:
        cell += ' <strong class="bad" title="the quote is not the text at its span">⚠ span</strong>'
    return cell


def facts_section(doc_id: str, text: str, claims: list[dict], entities: dict[str, dict],
                  labels: dict[str, str]) -> str:
    """The article's claims grouped by subject entity, then property, in order of first claim."""
    if not claims:
        return '<p class="none">No facts were read from this article.</p>'
    grouped: dict[str, dict[str, list[dict]]] = {}
    for claim in claims:
        grouped.setdefault(claim["subject_id"], {}).setdefault(claim["property_id"], []).append(
            claim)
    parts = []
    for subject, properties in grouped.items():
        entity = entities.get(subject, {})
        count = sum(len(rows) for rows in properties.values())
        parts.append(
            f'<h4 id="{_e(_anchor("entity", doc_id, subject))}">{_e(entity.get("label", subject))}'
            f' <small>{_e(entity.get("type", "unknown entity"))} · <code>{_e(subject)}</code> · '
            f'{count} fact{"s" if count != 1 else ""}</small></h4>')
        rows = []
        for prop, cited in properties.items():
            for number, claim in enumerate(cited):
                head = ""
                if number == 0:
                    label = labels.get(prop, prop)
                    code = f" <code>{_e(prop)}</code>" if label != prop else ""
                    head = f'<th scope="row" rowspan="{len(cited)}">{_e(label)}{code}</th>'
                rows.append(
                    f'<tr>{head}<td>{_value_cell(claim, text)}</td>'
                    f'<td>{_e(_qualifier_text(claim, "; "))}</td>'
                    f'<td><code>{_e(claim.get("rule_id"))}</code></td>'
                    f'<td>{_sentence_link(claim.get("sentence_id"))}</td>'
                    f'<td>{reject_entry(claim)}</td></tr>')
        parts.append('<table class="facts fixed"><colgroup><col class="c-prop">'
                     '<col class="c-value"><col class="c-qual"><col class="c-rule">'
                     '<col class="c-sen"><col class="c-curate"></colgroup><thead><tr>'
                     '<th>property</th><th>value (as written, where it differs)</th>'
                     '<th>qualifiers</th><th>rule</th><th>sentence</th><th>curate</th></tr>'
                     '</thead><tbody>' + "".join(rows)
                     + "</tbody></table>")
    return "".join(parts)


def reject_entry(claim: dict) -> str:
    """A `reject` entry ready to paste into the article's curation file (named above the
    table), the reason left for the reviewer to write."""
    if claim.get("statement_rank") == "deprecated":
        return ""
    return (f'<details class="curate"><summary>reject</summary><pre>  - claim: '
            f'{_e(claim["claim_id"])}\n    reason: </pre></details>')


def curation_note(source: str) -> str:
    stem = source.rsplit(".", 1)[0] if source.endswith(".txt") else source
    return (f'<p class="meta">A wrong fact? Open its “reject” and paste the entry under '
            f'<code>reject:</code> in <code>{_e(stem)}.curation.yaml</code>, beside the article '
            "(the README's “Curation” tells how to correct or add one).</p>")


def conflict_groups(claims: list[dict]) -> list[list[str]]:
    """Claims linked by conflicts_with (in either direction), each group in table order."""
    order = {c["claim_id"]: n for n, c in enumerate(claims)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for claim in claims:
        for other in (claim.get("conflicts_with") or "").split():
            a, b = find(claim["claim_id"]), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for member in parent:
        groups.setdefault(find(member), []).append(member)
    rank = len(order)
    ordered = [sorted(g, key=lambda i: (order.get(i, rank), i)) for g in groups.values()]
    return sorted(ordered, key=lambda g: (order.get(g[0], rank), g[0]))


def conflicts_section(doc_id: str, groups: list[list[str]], claim_by_id: dict[str, dict],
                      entities: dict[str, dict], labels: dict[str, str],
                      titles: dict[str, str]) -> tuple[str, int]:
    mine = [g for g in groups if any(claim_by_id.get(i, {}).get("document_id") == doc_id
                                     for i in g)]
    if not mine:
        return '<p class="none">No conflicting claims.</p>', 0
    parts = []
    for group in mine:
        known = [claim_by_id[i] for i in group if i in claim_by_id]
        first = known[0]
        subject = entities.get(first["subject_id"], {}).get("label", first["subject_id"])
        prop = first["property_id"]
        rows = []
        for claim_id in group:
            claim = claim_by_id.get(claim_id)
            if claim is None:
                rows.append(f'<tr><td><code>{_e(claim_id)}</code></td>'
                            '<td colspan="4" class="bad">not in the claims table</td></tr>')
                continue
            where = ("" if claim["document_id"] == doc_id else
                     f' <small>in {_e(titles.get(claim["document_id"], claim["document_id"]))}'
                     "</small>")
            rows.append(f'<tr><td><a href="#{_e(claim_id)}">{_e(_short(claim_id))}</a>{where}</td>'
                        f'<td>{_e(claim["value"])}</td><td><q>{_e(claim["quote"])}</q></td>'
                        f'<td>{_e(_qualifier_text(claim, "; "))}</td>'
                        f'<td>{_sentence_link(claim.get("sentence_id"))}</td></tr>')
        parts.append(f'<h4>{_e(subject)} · {_e(labels.get(prop, prop))}</h4>'
                     '<table class="facts fixed"><colgroup><col class="x-id">'
                     '<col class="x-value"><col class="x-quote"><col class="x-qual">'
                     '<col class="c-sen"></colgroup><thead><tr><th>claim</th><th>value</th>'
                     '<th>as written</th><th>qualifiers</th><th>sentence</th></tr></thead>'
                     "<tbody>" + "".join(rows) + "</tbody></table>")
    return "".join(parts), len(mine)


def skipped_section(skips: list[dict], text: str | None) -> str:
    if not skips:
        return '<p class="none">No values were skipped.</p>'
    rows = [f'<tr><td><a href="#{_e(k["skip_id"])}">{_e(_short(k["skip_id"]))}</a></td>'
            f'<td>{_quote_cell(k, text)}</td><td>{_e(k.get("reason"))}</td>'
            f'<td><code>{_e(k.get("rule_id"))}</code></td>'
            f'<td>{_sentence_link(k.get("sentence_id"))}</td></tr>' for k in skips]
    return ('<table class="facts fixed"><colgroup><col class="k-id"><col class="k-text">'
            '<col class="k-reason"><col class="k-rule"><col class="c-sen"></colgroup>'
            '<thead><tr><th>skip</th><th>text</th><th>reason</th>'
            '<th>rule</th><th>sentence</th></tr></thead><tbody>' + "".join(rows)
            + "</tbody></table>")


def warnings_section(warnings: list[dict]) -> str:
    if not warnings:
        return ""
    items = "".join(f'<li>line {_e(w.get("line"))}: <code>{_e(w.get("code"))}</code> '
                    f'{_e(w.get("message"))}</li>' for w in warnings)
    return f'<h4>Read with warnings</h4><ul class="warnings">{items}</ul>'


# --- the timeline -------------------------------------------------------------------------


def year_position(day: str | None, end: bool = False) -> float | None:
    """A `YYYY-MM-DD` day as a fractional year: its start, or with end=True the end of the day."""
    match = ISO_DAY.fullmatch(day or "")
    if not match:
        return None
    year, month, date = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= date <= 31):
        return None
    days_before = sum(calendar.mdays[m] for m in range(1, month)) + (
        1 if month > 2 and calendar.isleap(year) else 0)
    length = 366 if calendar.isleap(year) else 365
    return year + (days_before + date - 1 + (1 if end else 0)) / length


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _axis(low: float, high: float) -> tuple[int, int, int]:
    """Whole-year axis bounds that contain low..high with a margin, and a tick step."""
    span = max(high - low, 1.0)
    margin = max(span * 0.04, 0.5)
    first, last = math.floor(low - margin), math.ceil(high + margin)
    if last - first < MIN_AXIS_YEARS:
        first -= (MIN_AXIS_YEARS - (last - first)) // 2
        last = first + MIN_AXIS_YEARS
    step = next((s for s in TICK_STEPS if (last - first) / s <= MAX_TICKS), TICK_STEPS[-1])
    return first, last, step


def timeline_svg(doc_id: str, events: list[dict]) -> str:
    """Events as rows: intervals as bars, dates as dots (a pale band for the days an imprecise
    date can mean), open ends fading out to the edge of the axis."""
    rows = []
    for event in events:
        is_interval = "/" in (event.get("date") or "")
        low = year_position(event.get("earliest"))
        high = year_position(event.get("latest"), end=True)
        rows.append((event, is_interval, low, high))
    known = [v for _, _, low, high in rows for v in (low, high) if v is not None]
    if not known:
        return ""
    first, last, step = _axis(min(known), max(known))
    open_start = any(i and low is None for _, i, low, _ in rows)
    open_end = any(i and high is None for _, i, _, high in rows)
    span = last - first
    first -= step if open_start and min(known) - first < span * 0.08 else 0
    last += step if open_end and last - max(known) < span * 0.08 else 0
    scale = (PLOT_RIGHT - PLOT_LEFT) / (last - first)

    def x(year: float) -> str:
        return _number(PLOT_LEFT + (year - first) * scale)

    rows_end = AXIS_HEIGHT + ROW_HEIGHT * len(rows)
    long = len(rows) > AXIS_AGAIN_AFTER  # years below too, where the top is far away
    height = rows_end + (AXIS_HEIGHT if long else 8)
    gradient = f"fade-{doc_id}"
    parts = [f'<svg class="timeline" viewBox="0 0 {SVG_WIDTH} {height}" width="100%" '
             f'aria-labelledby="{_e(_anchor("timeline-title", doc_id))}" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{_e(_anchor("timeline-title", doc_id))}">Timeline of {len(rows)} dated '
             "facts</title>",
             f'<defs><linearGradient id="{_e(gradient)}-r"><stop offset="0" stop-color="#2a6f97"/>'
             f'<stop offset="1" stop-color="#2a6f97" stop-opacity="0"/></linearGradient>'
             f'<linearGradient id="{_e(gradient)}-l"><stop offset="0" stop-color="#2a6f97" '
             'stop-opacity="0"/><stop offset="1" stop-color="#2a6f97"/></linearGradient></defs>']
    bottom = rows_end + 6 if long else height - 6
    tick = math.ceil(first / step) * step
    while tick <= last:
        parts.append(f'<line class="grid" x1="{x(tick)}" y1="{AXIS_HEIGHT - 6}" x2="{x(tick)}" '
                     f'y2="{bottom}"/><text class="year" x="{x(tick)}" y="{AXIS_HEIGHT - 10}">'
                     f"{tick}</text>")
        if long:
            parts.append(f'<text class="year" x="{x(tick)}" y="{rows_end + 20}">{tick}</text>')
        tick += step
    for y in (AXIS_HEIGHT - 6, rows_end + 6) if long else (AXIS_HEIGHT - 6,):
        parts.append(f'<line class="axis" x1="{PLOT_LEFT}" y1="{y}" x2="{PLOT_RIGHT}" y2="{y}"/>')
    for number, (event, is_interval, low, high) in enumerate(rows):
        top = AXIS_HEIGHT + number * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        bar_top, bar_height = _number(middle - 5), 10
        summary = event.get("summary") or ""
        date = event.get("date") or ""
        bounds = f'{event.get("earliest") or "open"} to {event.get("latest") or "open"}'
        shapes = []
        if is_interval and (low is not None or high is not None):
            left = x(low) if low is not None else str(PLOT_LEFT)
            right = x(high) if high is not None else str(PLOT_RIGHT)
            fill = ("#2a6f97" if low is not None and high is not None
                    else f"url(#{gradient}-l)" if low is None else f"url(#{gradient}-r)")
            width = _number(max(float(right) - float(left), 2.0))
            shapes.append(f'<rect class="bar" x="{left}" y="{bar_top}" width="{width}" '
                          f'height="{bar_height}" rx="2" fill="{fill}"/>')
            for side, value in (("start", low), ("end", high)):
                if value is None:
                    edge = PLOT_LEFT if side == "start" else PLOT_RIGHT
                    tip = edge - 6 if side == "start" else edge + 6
                    shapes.append(f'<path class="open" d="M{edge} {_number(middle - 5)} '
                                  f'L{tip} {_number(middle)} L{edge} {_number(middle + 5)}"/>')
                else:
                    shapes.append(f'<line class="cap" x1="{x(value)}" y1="{_number(middle - 7)}" '
                                  f'x2="{x(value)}" y2="{_number(middle + 7)}"/>')
            kind = "interval"
        elif low is not None and high is not None:
            if (high - low) * scale >= 2:
                shapes.append(f'<rect class="band" x="{x(low)}" y="{_number(middle - 4)}" '
                              f'width="{_number((high - low) * scale)}" height="8" rx="2"/>')
            shapes.append(f'<circle class="dot" cx="{x((low + high) / 2)}" cy="{_number(middle)}" '
                          'r="4.5"/>')
            kind = "point"
        else:
            kind = "undrawn"
        link = event.get("sentence_id") or ""
        parts.append(
            f'<a href="#{_e(link)}" class="event {kind}" data-claim="{_e(event.get("claim_id"))}">'
            f"<title>{_e(date)} ({_e(event.get('precision'))}; {_e(bounds)}): {_e(summary)}"
            "</title>"
            f'<rect class="row" x="0" y="{top}" width="{SVG_WIDTH}" height="{ROW_HEIGHT}"/>'
            f'<text class="date" x="{LABEL_DATE_X}" y="{_number(middle + 4)}">{_e(date)}</text>'
            f'<text class="summary" x="{LABEL_TEXT_X}" y="{_number(middle + 4)}">'
            f"{_e(_truncate(summary, SUMMARY_CHARS))}</text>{''.join(shapes)}</a>")
    parts.append("</svg>")
    return "".join(parts)


def timeline_section(doc_id: str, events: list[dict]) -> str:
    if not events:
        return '<p class="none">No dated facts.</p>'
    rows = "".join(
        f'<tr><td><code>{_e(e.get("date"))}</code></td><td>{_e(e.get("earliest") or "open")}</td>'
        f'<td>{_e(e.get("latest") or "open")}</td><td>{_e(e.get("precision"))}</td>'
        f'<td><a href="#{_e(e.get("claim_id"))}">{_e(e.get("summary"))}</a></td>'
        f'<td>{_sentence_link(e.get("sentence_id"))}</td></tr>' for e in events)
    legend = ('<p class="legend"><span class="key bar-key"></span> interval '
              '<span class="key fade-key"></span> open end '
              '<span class="key dot-key"></span> date '
              '<span class="key band-key"></span> the days an imprecise date can mean</p>')
    return (timeline_svg(doc_id, events) + legend
            + f"<details><summary>{_plural(len(events), 'event')} as a table</summary>"
            '<table class="facts"><thead><tr><th>date</th><th>earliest</th><th>latest</th>'
            "<th>precision</th><th>summary</th><th>sentence</th></tr></thead><tbody>"
            + rows + "</tbody></table></details>")


# --- the page -----------------------------------------------------------------------------


def _document_of(row: dict, claim_documents: dict[str, str]) -> str:
    """The document of an events row: that of its claim, else the prefix of its sentence id."""
    return (claim_documents.get(row.get("claim_id") or "")
            or (row.get("sentence_id") or "").partition(":")[0])


def _by_document(rows: list[dict], document=lambda row: row.get("document_id")) -> dict:
    """Rows grouped by document in one pass, in table order (a scan per article is quadratic)."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(document(row), []).append(row)
    return groups


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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
    counts = " · ".join(f"{_e(table)} {len(rows)}" for table, rows in tables.items())
    if problems:
        check = ('<div class="problems"><strong>Provenance problems:</strong><ul>'
                 + "".join(f"<li>{_e(p)}</li>" for p in problems) + "</ul></div>")
    else:
        claims = len(tables.get("claims", []))
        check = (f'<p class="ok">✓ Every quote ({_plural(claims, "claim")}, '
                 f'{_plural(len(tables.get("skipped", [])), "skipped value")}) is the document '
                 "text at its span.</p>")
    return (f'<p class="description">{_e(descriptor.get("description", ""))}</p>'
            f'<p class="meta">{_e(" · ".join(f for f in facts if f))}</p>'
            f'<details class="meta"><summary>Rows per table</summary>{counts or "none"}</details>'
            f"{check}"
            '<p class="legend"><mark class="d1">one claim</mark> <mark class="d2">two claims</mark>'
            ' <mark class="d3">three or more</mark> <mark class="d1 conflict">conflicting</mark> '
            '<mark class="skip">skipped value</mark> Hover or focus (Tab) a highlight for its '
            "property, value, qualifiers and rule; links lead to sentences and claims.</p>")


CSS = """
*{box-sizing:border-box}
html{scroll-padding-top:1rem}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Liberation Sans","DejaVu Sans",
sans-serif;color:#1d232a;background:#f6f7f9;display:grid;grid-template-columns:250px 1fr;
min-height:100vh}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#20303d;color:#dfe7ee;
padding:1rem .9rem;font-size:14px}
nav a{color:#dfe7ee;text-decoration:none}
nav a:hover,nav a:focus{text-decoration:underline}
nav h1{font-size:16px;margin:0 0 .75rem;line-height:1.3}
nav ol{list-style:none;margin:0;padding:0}
nav li{margin:.6rem 0}
nav .doc-link{font-weight:600}
nav .sub{display:flex;flex-wrap:wrap;gap:.1rem .6rem;font-size:12.5px;margin-top:.15rem}
nav .sub a{color:#a9c4d8}
nav .sub a.zero{color:#7d8f9c}
main{padding:1.2rem 2rem 4rem;max-width:1040px;min-width:0}
header h1{margin:0 0 .2rem;font-size:21px}
.description{margin:.1rem 0;font-size:14px}
.meta{color:#56616b;font-size:13px;margin:.2rem 0}
.ok{color:#1e6b3a;margin:.3rem 0;font-size:14px}
.problems{background:#fdecec;border:1px solid #e3a1a1;padding:.4rem .8rem;border-radius:4px}
.legend{font-size:13px;color:#3b454e}
.article{border-top:3px solid #20303d;margin-top:1rem;padding-top:.5rem}
.article>h2{margin:.2rem 0;font-size:22px}
h3{margin:1.4rem 0 .5rem;font-size:18px;border-bottom:1px solid #d5dbe0;padding-bottom:.15rem}
h4{margin:1.1rem 0 .35rem;font-size:15px}
h4 small{font-weight:400;color:#56616b}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.7 Georgia,"DejaVu Serif",
"Liberation Serif",serif;background:#fff;border:1px solid #d5dbe0;border-radius:4px;
padding:1rem 1.3rem;tab-size:4}
.sen.k-heading{font-weight:700}
.sen.k-infobox{font-family:system-ui,"Liberation Sans","DejaVu Sans",sans-serif;font-size:14px}
.sen:target{background:#dcecff;outline:2px solid #5b9bd5;border-radius:2px}
mark{color:inherit;position:relative;border-radius:2px;cursor:help}
mark.d1{background:#fff0a8}
mark.d2{background:#ffd86b}
mark.d3{background:#ffb84d}
mark.begin{box-shadow:inset 2px 0 0 #8a6d00}
mark.conflict{text-decoration:underline wavy #c62828;text-underline-offset:3px}
mark.skip{background:#e4e6e8;text-decoration:line-through #7b838a}
mark.skip.d1,mark.skip.d2,mark.skip.d3{text-decoration:none;outline:1px dashed #7b838a}
mark:hover,mark:focus{outline:2px solid #1d5f8a;outline-offset:0;z-index:21}
mark::after{display:none}
mark[data-tip]:hover::after,mark[data-tip]:focus::after{@POPOVER}
@supports selector(:has(a)){
mark:has(>.at:target){outline:2px solid #c05d00;z-index:21}
mark:has(>.at:target)::after{@POPOVER}
.text:has(mark:hover) mark:not(:hover)::after{display:none}}
@supports (anchor-scope:--a){
mark{anchor-name:--tip;anchor-scope:--tip}
.text mark[data-tip][tabindex]::after{position:fixed;position-anchor:--tip;top:anchor(bottom);
left:anchor(left);
max-width:min(34em,calc(100vw - 16px));
position-try-fallbacks:flip-inline,flip-block,flip-block flip-inline}}
table.facts{border-collapse:collapse;width:100%;background:#fff;font-size:13.5px;
margin:.2rem 0 .6rem}
table.facts th,table.facts td{border:1px solid #d5dbe0;padding:.25rem .45rem;text-align:left;
vertical-align:top}
table.facts thead th{background:#eef1f4;font-weight:600}
table.facts tbody th{font-weight:600;background:#fafbfc}
table.fixed{table-layout:fixed}
table.fixed td,table.fixed th{overflow-wrap:anywhere}
col.c-prop{width:15%}col.c-value{width:31%}col.c-qual{width:17%}col.c-rule{width:16%}
col.c-sen{width:10%}col.c-curate{width:11%}
.curated-badge{background:#eef1f4;color:#3b4650;border:1px solid #c5ccd3}
mark.deprecated{text-decoration:line-through}
details.curate pre{margin:.2rem 0;font-size:11.5px;white-space:pre;user-select:all}
col.k-id{width:10%}col.k-text{width:22%}col.k-reason{width:39%}col.k-rule{width:18%}
col.x-id{width:12%}col.x-value{width:22%}col.x-quote{width:31%}col.x-qual{width:24%}
a.sen-link{white-space:nowrap}
.written{color:#56616b;font-size:12.5px}
table.facts tbody th code{font-weight:400;color:#56616b;font-size:12px}
code{font:12.5px ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace}
q{quotes:"“" "”"}
.badge{font-size:11px;border-radius:8px;padding:0 .4rem;white-space:nowrap}
.conflict-badge{background:#fdecec;color:#b71c1c;border:1px solid #e3a1a1}
.bad{color:#b71c1c}
.none{color:#56616b;font-style:italic}
svg.timeline{display:block;background:#fff;border:1px solid #d5dbe0;border-radius:4px;
height:auto}
svg.timeline text{font:12px system-ui,"Liberation Sans","DejaVu Sans",sans-serif;fill:#1d232a}
svg.timeline text.date{font:11.5px ui-monospace,"DejaVu Sans Mono",monospace;fill:#56616b}
svg.timeline text.year{text-anchor:middle;fill:#56616b;font-size:11px}
svg.timeline .grid{stroke:#e6e9ec}
svg.timeline .axis{stroke:#8c959d}
svg.timeline .row{fill:transparent}
svg.timeline a:hover .row,svg.timeline a:focus .row{fill:#eef5fb}
svg.timeline .cap{stroke:#1d4e6b;stroke-width:2}
svg.timeline .open{fill:#2a6f97;opacity:.55}
svg.timeline .band{fill:#2a6f97;opacity:.22}
svg.timeline .dot{fill:#2a6f97;stroke:#fff;stroke-width:1.5}
.key{display:inline-block;width:22px;height:9px;border-radius:2px;vertical-align:middle;
margin-left:.6rem}
.bar-key{background:#2a6f97}
.fade-key{background:linear-gradient(90deg,#2a6f97,rgba(42,111,151,0))}
.dot-key{width:10px;height:10px;border-radius:50%;background:#2a6f97}
.band-key{background:rgba(42,111,151,.22)}
details{margin:.4rem 0}
details.meta{margin:.2rem 0}
summary{cursor:pointer;color:#1d5f8a}
.warnings{font-size:13.5px}
a{color:#1d5f8a}
@media (max-width:900px){body{display:block}nav{position:static;height:auto}}
"""


# A highlight's details, shown under it on hover, focus or when a link targets it. Where the
# browser has anchor positioning the box is kept inside the window (flipped left or up).
POPOVER = """content:attr(data-tip);display:block;position:absolute;left:0;top:calc(100% + 3px);
z-index:20;width:max-content;max-width:34em;white-space:pre-wrap;overflow-wrap:anywhere;
text-align:left;font:12.5px/1.45 ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;
font-weight:400;background:#1f2a33;color:#f3f6f8;padding:.45rem .6rem;border-radius:4px;
box-shadow:0 3px 10px rgba(0,0,0,.3);pointer-events:none"""
STYLE = CSS.replace("@POPOVER", POPOVER)


def review_page(tables: dict[str, list[dict]], descriptor: dict, memo=None) -> str:
    """The review page (HTML) of a package, from its tables and its descriptor."""
    return "".join(review_parts(tables, descriptor, memo))


def review_parts(tables: dict[str, list[dict]], descriptor: dict, memo=None):
    """The review page in parts, in order, so that a large page is written without being
    held whole in memory.

    Each article's section is a pure function of its own rows (`article_section`). With a
    `memo` (see cache.Memo) the sections are rendered over its workers, and those an earlier
    build rendered from the same rows are not rendered again: a rebuild renders only the
    articles that changed. Without one, each section is rendered when it is written.
    """
    documents = tables.get("documents", [])
    claims = tables.get("claims", [])
    entities = {e["entity_id"]: e for e in tables.get("entities", [])}
    # What an id reads as: a property's label, and a rule's file and line (a rule id has a "/",
    # a property id never does).
    labels = {p["property_id"]: p["label"] for p in tables.get("properties", [])}
    labels |= {r["rule_id"]: f"{r['file']}:{r['line']}" for r in tables.get("rules", [])}
    titles = {d["document_id"]: d["title"] for d in documents}
    claim_by_id = {c["claim_id"]: c for c in claims}
    claim_documents = {c["claim_id"]: c["document_id"] for c in claims}
    by_document = {table: _by_document(tables.get(table, []))
                   for table in ("sentences", "claims", "skipped", "warnings")}
    by_document["events"] = _by_document(tables.get("events", []),
                                         lambda e: _document_of(e, claim_documents))
    groups = _groups_by_document(conflict_groups(claims), claim_documents)
    parts = []
    for document in documents:
        doc_id = document["document_id"]
        own = {table: rows.get(doc_id, []) for table, rows in by_document.items()}
        conflicts = conflicts_section(doc_id, groups.get(doc_id, []),
                                      claim_by_id, entities, labels, titles)
        subjects = {c["subject_id"]: entities.get(c["subject_id"], {}) for c in own["claims"]}
        parts.append((document, own, subjects, labels, conflicts))
    problems = provenance_problems({d["document_id"]: d for d in documents}, claims,
                                   tables.get("skipped", []))
    title = descriptor.get("title") or descriptor.get("name") or "Data package"
    yield ("<!DOCTYPE html>\n"
           '<html lang="en"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>Review: {_e(title)}</title><style>{STYLE}</style></head><body>"
           f'<nav aria-label="Contents"><h1><a href="#overview">{_e(title)}</a></h1><ol>')
    yield from (contents_item(document, own, conflicts[1])
                for document, own, _, _, conflicts in parts)
    yield (f'</ol></nav><main><header id="overview"><h1>{_e(title)}</h1>'
           f"{overview(tables, descriptor, problems)}</header>")
    if memo is None:
        yield from (article_section(*inputs) for inputs in parts)
    else:
        yield from memo.map(article_section, parts)
    if not documents:
        yield '<p class="none">The package has no documents.</p>'
    yield "</main></body></html>\n"


def _groups_by_document(groups: list[list[str]],
                        claim_documents: dict[str, str]) -> dict[str, list[list[str]]]:
    """Each document's conflict groups, in group order (a group may span documents)."""
    index: dict[str, list[list[str]]] = {}
    for group in groups:
        for document in dict.fromkeys(claim_documents.get(i, "") for i in group):
            index.setdefault(document, []).append(group)
    return index


def _anchors(doc_id: str) -> dict[str, str]:
    return {part: _e(_anchor(part, doc_id))
            for part in ("article", "text", "facts", "timeline", "conflicts", "skipped")}


def contents_item(document: dict, own: dict[str, list[dict]], conflict_count: int) -> str:
    """An article's entry in the contents: links to its parts, with their sizes."""
    anchors = _anchors(document["document_id"])
    return (f'<li><a class="doc-link" href="#{anchors["article"]}">{_e(document["title"])}</a>'
            f'<div class="sub"><a href="#{anchors["text"]}">text</a>'
            + "".join(f'<a href="#{anchors[part]}"{"" if count else ZERO}>{part} {count}</a>'
                      for part, count in (("facts", len(own["claims"])),
                                          ("timeline", len(own["events"])),
                                          ("conflicts", conflict_count),
                                          ("skipped", len(own["skipped"]))))
            + "</div></li>")


def article_section(document: dict, own: dict[str, list[dict]], entities: dict[str, dict],
                    labels: dict[str, str], conflicts: tuple[str, int]) -> str:
    """An article's section: its text with every claim highlighted, its facts, timeline,
    conflicts, skipped values and warnings. A pure function of its inputs (see review_parts)."""
    doc_id, text = document["document_id"], document.get("text") or ""
    own_claims, own_skips, own_events = own["claims"], own["skipped"], own["events"]
    conflicts_html, conflict_count = conflicts
    anchors = _anchors(doc_id)
    source = document.get("source") or ""
    digest = document.get("sha256") or ""
    return (
        f'<section class="article" id="{anchors["article"]}">'
        f'<h2>{_e(document["title"])}</h2>'
        f'<p class="meta"><code>{_e(doc_id)}</code> · {_e(source)} · sha256 '
        f'<code title="{_e(digest)}">{_e(digest[:12])}…</code> · '
        f'{_plural(len(text), "character")} · {_plural(len(own_claims), "claim")} · '
        f'{_plural(len(own_skips), "skipped value")} · {_plural(conflict_count, "conflict")}'
        "</p>"
        f'<h3 id="{anchors["text"]}">Text as published</h3>'
        f'<div class="text" lang="en" data-document="{_e(doc_id)}">'
        f'{article_text(text, own["sentences"], own_claims, own_skips, labels)}</div>'
        f'<h3 id="{anchors["facts"]}">Facts by entity and property</h3>'
        f"{curation_note(source)}{facts_section(doc_id, text, own_claims, entities, labels)}"
        f'<h3 id="{anchors["timeline"]}">Timeline</h3>{timeline_section(doc_id, own_events)}'
        f'<h3 id="{anchors["conflicts"]}">Conflicts</h3>{conflicts_html}'
        f'<h3 id="{anchors["skipped"]}">Skipped values</h3>'
        f'{skipped_section(own_skips, text)}'
        f'{warnings_section(own["warnings"])}</section>')


def write_review(folder: Path, tables: dict[str, list[dict]], descriptor: dict,
                 memo=None) -> Path:
    """Write the review page into `folder` as UTF-8, byte for byte what review_page returns."""
    path = folder / PAGE
    with path.open("wb") as page:
        for part in review_parts(tables, descriptor, memo):
            page.write(part.encode("utf-8"))
    return path


def load_package(folder: Path) -> tuple[dict[str, list[dict]], dict]:
    """The tables and descriptor of a published package, typed as the pipeline holds them,
    read as `validate` reads them (pipeline/loader.py); loader.Unreadable names what may not
    or cannot be read."""
    descriptor, problems = loader.load_descriptor(folder, PROFILE, known_only=True)
    if problems:
        raise loader.Unreadable(problems[0])
    tables = {r["name"]: loader.read_table(folder, r, loader.TABLE_BYTES)[1]
              for r in descriptor["resources"]}
    return tables, descriptor


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("datapackage")
    out = Path(args[1]) if len(args) > 1 else folder / PAGE
    try:
        tables, descriptor = load_package(folder)
    except loader.Unreadable as error:
        print(one_line(f"error: {folder}: {error}"), file=sys.stderr)
        return 2
    out.write_bytes(review_page(tables, descriptor).encode("utf-8"))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
