"""An article's page of the review site (pipeline/site.py writes the site), generated from the
package's tables, on which a reader checks every published fact against the text it was read
from.

It shows the text as published (`documents.text`) with every claim's span
highlighted (hover or focus a highlight for its property, value, qualifiers and rule), the facts
grouped by entity and property with links to their sentences, the `events` timeline drawn as
inline SVG, the conflicting claims and the skipped values with their reasons.

Spans may overlap or nest. The text is cut at every span boundary and each piece is wrapped in
one flat `<mark data-claims="id ...">` naming every claim that covers it, so for every claim the
text of the marks that name it, in document order, is exactly its quote. The details of a piece
are in its `data-tip` attribute and shown by CSS (`::after`), never as text in the page.

An article's part is a pure function of its own rows (and of the few things it names: the
labels of properties and rules, its conflict groups, the pages of the entities other articles
name too), so a rebuild renders again only the articles whose rows changed. It is
deterministic (no clock, rows in table order) and escapes all text.
"""

import calendar
import html
import math
import re
from collections.abc import Callable

ZERO = ' class="zero"'  # a link to a part of an article with nothing in it
QUALIFIERS = ("start_time", "end_time", "point_in_time", "role", "rank", "series_ordinal",
              "quantity_qualifier", "unit", "status", "language", "script", "note")
ISO_DAY = re.compile(r"(-?[0-9]{1,})-([0-9]{2})-([0-9]{2})")
LEGEND = ('<p class="legend"><mark class="d1">one claim</mark> <mark class="d2">two claims</mark>'
          ' <mark class="d3">three or more</mark> <mark class="d1 conflict">conflicting</mark> '
          '<mark class="skip">skipped value</mark> Hover or focus (Tab) a highlight for its '
          "property, value, qualifiers and rule; links lead to sentences and claims.</p>")
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


def esc(value) -> str:
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


def qualifier_text(claim: dict, separator: str) -> str:
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
                anchor = "" if sentence in opened else f' id="{esc(sentence)}"'
                out.append(f'<span class="sen k-{esc(kind)}"{anchor}>')
                opened.add(sentence)
            open_sentence = sentence
        chunk = esc(text[start:end])
        if not on and not off:
            out.append(chunk)
            previous_marked = False
            continue
        starting = [i for i in [*on, *off] if i not in begun]
        begun.update(starting)
        anchors = "".join(f'<span class="at" id="{esc(i)}"></span>' for i in starting)
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
            attributes += f' data-claims="{esc(" ".join(on))}"'
        if off:
            attributes += f' data-skips="{esc(" ".join(off))}"'
        out.append(f'<mark {attributes} tabindex="0" data-tip="{esc(tip)}">{anchors}{chunk}'
                   "</mark>")
        previous_marked = bool(on)
    if open_sentence is not None:
        out.append("</span>")
    return "".join(out)


# --- facts, conflicts, skipped ------------------------------------------------------------


def id_link(identifier, page: str = "") -> str:
    """A link to a row's anchor (on the page `page` links to, else on this one), labelled with
    its short id; an id too long for its cell is cut with an ellipsis."""
    if not identifier:
        return ""
    return f'<a class="id" href="{page}#{esc(identifier)}">{esc(_short(identifier))}</a>'


def rule_code(rule_id) -> str:
    """A rule's name, which may break only after a "/" (and at a "-", as words do)."""
    return f'<code class="rule">{esc(rule_id).replace("/", "/<wbr>")}</code>'


def _quote_cell(row: dict, text: str | None) -> str:
    quote = row.get("quote") or ""
    cell = f'<q>{esc(quote)}</q>'
    if text is not None and text[row["char_start"]:row["char_end"]] != quote:
        cell += ' <strong class="bad" title="the quote is not the text at its span">⚠ span</strong>'
    return cell


def _value_cell(claim: dict, text: str | None) -> str:
    """The normalised value, linked to its highlight; the quote too where it differs."""
    cell = f'<a href="#{esc(claim["claim_id"])}">{esc(claim["value"])}</a>'
    if claim.get("statement_rank") == "deprecated":
        cell = (f'<del>{cell}</del> <span class="badge curated-badge">rejected</span>'
                f'<div class="written">{esc(claim.get("deprecation_reason"))}</div>')
    if claim.get("extracted_value") is not None:
        cell += (' <span class="badge curated-badge">corrected</span><div class="written">'
                 f'extracted <q>{esc(claim["extracted_value"])}</q></div>')
    if claim.get("conflicts_with"):
        cell += ' <span class="badge conflict-badge">conflict</span>'
    quote = claim.get("quote") or ""
    if quote != claim["value"]:
        cell += f'<div class="written">as written <q>{esc(quote)}</q></div>'
    if text is not None and text[claim["char_start"]:claim["char_end"]] != quote:
        cell += ' <strong class="bad" title="the quote is not the text at its span">⚠ span</strong>'
    return cell


def facts_section(doc_id: str, text: str, claims: list[dict], entities: dict[str, dict],
                  labels: dict[str, str], shared: dict[str, str]) -> str:
    """The article's claims grouped by subject entity, then property, in order of first claim;
    an entity other articles name too links to its page (`shared`: entity id to the link to
    its page, ready for an attribute)."""
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
        elsewhere = (f' · <a href="{shared[subject]}">in other articles too</a>'
                     if subject in shared else "")
        anchor = esc(_anchor("entity", doc_id, subject))
        parts.append(
            f'<h4 id="{anchor}">{esc(entity.get("label", subject))}'
            f' <small>{esc(entity.get("type", "unknown entity"))} · <code>{esc(subject)}</code> · '
            f'{plural(count, "fact")}{elsewhere}</small></h4>')
        rows = []
        for prop, cited in properties.items():
            for number, claim in enumerate(cited):
                head = ""
                if number == 0:
                    label = labels.get(prop, prop)
                    code = f" <code>{esc(prop)}</code>" if label != prop else ""
                    head = f'<th scope="row" rowspan="{len(cited)}">{esc(label)}{code}</th>'
                rows.append(
                    f'<tr>{head}<td>{_value_cell(claim, text)}</td>'
                    f'<td>{esc(qualifier_text(claim, "; "))}</td>'
                    f'<td>{rule_code(claim.get("rule_id"))}</td>'
                    f'<td>{id_link(claim.get("sentence_id"))}</td>'
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
            f'{esc(claim["claim_id"])}\n    reason: </pre></details>')


def curation_note(source: str) -> str:
    stem = source.rsplit(".", 1)[0] if source.endswith(".txt") else source
    return (f'<p class="meta">A wrong fact? Open its “reject” and paste the entry under '
            f'<code>reject:</code> in <code>{esc(stem)}.curation.yaml</code>, beside the article '
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
                      titles: dict[str, str], page_of: Callable[[str], str]) -> tuple[str, int]:
    """The conflict groups a document's claims are in; a claim of another document links to
    it on that document's page (`page_of`: the link to it from this one, ready for an
    attribute)."""
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
                rows.append(f'<tr><td><code>{esc(claim_id)}</code></td>'
                            '<td colspan="4" class="bad">not in the claims table</td></tr>')
                continue
            page, where = "", ""
            if claim["document_id"] != doc_id:
                page = page_of(claim["document_id"])
                where = (f' <small>in {esc(titles.get(claim["document_id"], claim["document_id"]))}'
                         "</small>")
            rows.append(f'<tr><td>{id_link(claim_id, page)}{where}</td>'
                        f'<td>{esc(claim["value"])}</td><td><q>{esc(claim["quote"])}</q></td>'
                        f'<td>{esc(qualifier_text(claim, "; "))}</td>'
                        f'<td>{id_link(claim.get("sentence_id"), page)}</td></tr>')
        parts.append(f'<h4>{esc(subject)} · {esc(labels.get(prop, prop))}</h4>'
                     '<table class="facts fixed"><colgroup><col class="x-id">'
                     '<col class="x-value"><col class="x-quote"><col class="x-qual">'
                     '<col class="c-sen"></colgroup><thead><tr><th>claim</th><th>value</th>'
                     '<th>as written</th><th>qualifiers</th><th>sentence</th></tr></thead>'
                     "<tbody>" + "".join(rows) + "</tbody></table>")
    return "".join(parts), len(mine)


def skipped_section(skips: list[dict], text: str | None) -> str:
    if not skips:
        return '<p class="none">No values were skipped.</p>'
    rows = [f'<tr><td>{id_link(k["skip_id"])}</td>'
            f'<td>{_quote_cell(k, text)}</td><td>{esc(k.get("reason"))}</td>'
            f'<td>{rule_code(k.get("rule_id"))}</td>'
            f'<td>{id_link(k.get("sentence_id"))}</td></tr>' for k in skips]
    return ('<table class="facts fixed"><colgroup><col class="k-id"><col class="k-text">'
            '<col class="k-reason"><col class="k-rule"><col class="c-sen"></colgroup>'
            '<thead><tr><th>skip</th><th>text</th><th>reason</th>'
            '<th>rule</th><th>sentence</th></tr></thead><tbody>' + "".join(rows)
            + "</tbody></table>")


def warnings_section(warnings: list[dict]) -> str:
    if not warnings:
        return ""
    items = "".join(f'<li>line {esc(w.get("line"))}: <code>{esc(w.get("code"))}</code> '
                    f'{esc(w.get("message"))}</li>' for w in warnings)
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
             f'aria-labelledby="{esc(_anchor("timeline-title", doc_id))}" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{esc(_anchor("timeline-title", doc_id))}">Timeline of {len(rows)} dated '
             "facts</title>",
             f'<defs><linearGradient id="{esc(gradient)}-r"><stop offset="0" stop-color="#2a6f97"/>'
             f'<stop offset="1" stop-color="#2a6f97" stop-opacity="0"/></linearGradient>'
             f'<linearGradient id="{esc(gradient)}-l"><stop offset="0" stop-color="#2a6f97" '
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
        claim = esc(event.get("claim_id"))
        parts.append(
            f'<a href="#{esc(link)}" class="event {kind}" data-claim="{claim}">'
            f"<title>{esc(date)} ({esc(event.get('precision'))}; {esc(bounds)}): {esc(summary)}"
            "</title>"
            f'<rect class="row" x="0" y="{top}" width="{SVG_WIDTH}" height="{ROW_HEIGHT}"/>'
            f'<text class="date" x="{LABEL_DATE_X}" y="{_number(middle + 4)}">{esc(date)}</text>'
            f'<text class="summary" x="{LABEL_TEXT_X}" y="{_number(middle + 4)}">'
            f"{esc(_truncate(summary, SUMMARY_CHARS))}</text>{''.join(shapes)}</a>")
    parts.append("</svg>")
    return "".join(parts)


def timeline_section(doc_id: str, events: list[dict]) -> str:
    if not events:
        return '<p class="none">No dated facts.</p>'
    rows = "".join(
        f'<tr><td><code>{esc(e.get("date"))}</code></td><td>{esc(e.get("earliest") or "open")}</td>'
        f'<td>{esc(e.get("latest") or "open")}</td><td>{esc(e.get("precision"))}</td>'
        f'<td><a href="#{esc(e.get("claim_id"))}">{esc(e.get("summary"))}</a></td>'
        f'<td>{id_link(e.get("sentence_id"))}</td></tr>' for e in events)
    legend = ('<p class="legend"><span class="key bar-key"></span> interval '
              '<span class="key fade-key"></span> open end '
              '<span class="key dot-key"></span> date '
              '<span class="key band-key"></span> the days an imprecise date can mean</p>')
    return (timeline_svg(doc_id, events) + legend
            + f"<details><summary>{plural(len(events), 'event')} as a table</summary>"
            '<table class="facts"><thead><tr><th>date</th><th>earliest</th><th>latest</th>'
            "<th>precision</th><th>summary</th><th>sentence</th></tr></thead><tbody>"
            + rows + "</tbody></table></details>")


# --- the article ---------------------------------------------------------------------------


def plural(count: int, word: str, words: str = "") -> str:
    """`1 claim`, `2 claims`; `words` where the plural is not the word and an s."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def groups_by_document(groups: list[list[str]],
                       claim_documents: dict[str, str]) -> dict[str, list[list[str]]]:
    """Each document's conflict groups, in group order (a group may span documents)."""
    index: dict[str, list[list[str]]] = {}
    for group in groups:
        for document in dict.fromkeys(claim_documents.get(i, "") for i in group):
            index.setdefault(document, []).append(group)
    return index


def _anchors(doc_id: str) -> dict[str, str]:
    return {part: esc(_anchor(part, doc_id))
            for part in ("article", "text", "facts", "timeline", "conflicts", "skipped")}


def part_links(document: dict, own: dict[str, list[dict]], conflict_count: int) -> str:
    """Links to an article's parts, with their sizes (a part with nothing in it is greyed)."""
    anchors = _anchors(document["document_id"])
    return (f'<span class="parts"><a href="#{anchors["text"]}">text</a>'
            + "".join(f'<a href="#{anchors[part]}"{"" if count else ZERO}>{part} {count}</a>'
                      for part, count in (("facts", len(own["claims"])),
                                          ("timeline", len(own["events"])),
                                          ("conflicts", conflict_count),
                                          ("skipped", len(own["skipped"]))))
            + "</span>")


def shared_entities(shared: dict[str, str], entities: dict[str, dict]) -> str:
    """The entities this article names that other articles name too, linked to their pages."""
    if not shared:
        return ""
    links = " ".join(f'<a href="{page}">{esc(entities.get(entity, {}).get("label", entity))}'
                     "</a>" for entity, page in shared.items())
    return f'<p class="shared">Named in other articles too: {links}</p>'


def article_section(document: dict, own: dict[str, list[dict]], entities: dict[str, dict],
                    labels: dict[str, str], conflicts: tuple[str, int],
                    shared: dict[str, str]) -> str:
    """An article's section: its text with every claim highlighted, its facts, timeline,
    conflicts, skipped values and warnings. A pure function of its inputs: `entities` holds
    those it names, `shared` the pages of those other articles name too."""
    doc_id, text = document["document_id"], document.get("text") or ""
    own_claims, own_skips, own_events = own["claims"], own["skipped"], own["events"]
    conflicts_html, conflict_count = conflicts
    anchors = _anchors(doc_id)
    source = document.get("source") or ""
    digest = document.get("sha256") or ""
    return (
        f'<section class="article" id="{anchors["article"]}">'
        f'<h2>{esc(document["title"])}</h2>'
        f'<p class="meta"><code>{esc(doc_id)}</code> · {esc(source)} · sha256 '
        f'<code title="{esc(digest)}">{esc(digest[:12])}…</code> · '
        f'{plural(len(text), "character")} · {plural(len(own_claims), "claim")} · '
        f'{plural(len(own_skips), "skipped value")} · {plural(conflict_count, "conflict")}'
        f"</p>{shared_entities(shared, entities)}{LEGEND}"
        f'<h3 id="{anchors["text"]}">Text as published</h3>'
        f'<div class="text" lang="en" data-document="{esc(doc_id)}">'
        f'{article_text(text, own["sentences"], own_claims, own_skips, labels)}</div>'
        f'<h3 id="{anchors["facts"]}">Facts by entity and property</h3>'
        f"{curation_note(source)}"
        f"{facts_section(doc_id, text, own_claims, entities, labels, shared)}"
        f'<h3 id="{anchors["timeline"]}">Timeline</h3>{timeline_section(doc_id, own_events)}'
        f'<h3 id="{anchors["conflicts"]}">Conflicts</h3>{conflicts_html}'
        f'<h3 id="{anchors["skipped"]}">Skipped values</h3>'
        f'{skipped_section(own_skips, text)}'
        f'{warnings_section(own["warnings"])}</section>')
