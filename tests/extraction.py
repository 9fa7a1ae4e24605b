"""Reading one prose sentence with one fact family, as the family tests do."""

from types import SimpleNamespace


def read_sentence(family, text: str, title: str = "") -> tuple[list[tuple], list[str]]:
    """(draft, quote) of every claim the family reads in `text` (in an article of that title),
    and the quotes it skips, after checking that each claim re-derives from its evidence alone
    (as the validator does)."""
    document = SimpleNamespace(text=text, title=title)
    sentence = SimpleNamespace(char_start=0, char_end=len(text), sentence_id="s", kind="prose",
                               section_id="lead")
    drafts, skips = [], []
    for found in family.find(document, [sentence]):
        evidence = text[found.evidence_start:found.evidence_end]
        again = {d.key() for d in family.rederive(found.rule_id, evidence).drafts}
        for draft in found.reading.drafts:
            assert draft.key() in again, (found.rule_id, evidence)
            drafts.append((draft, evidence[draft.start:draft.end]))
        skips += [evidence[s.start:s.end] for s in found.reading.skips]
    return drafts, skips
