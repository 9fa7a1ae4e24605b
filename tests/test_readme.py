"""The README's questions, run exactly as written on the committed package."""

import re
import sqlite3
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATABASE = REPO / "datapackage" / "datapackage.sqlite"


def readme_queries() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Three questions", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.DOTALL)


def answer(query: str) -> list[dict]:
    connection = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(query)]
    finally:
        connection.close()


def test_the_readme_has_three_questions():
    assert len(readme_queries()) == 3


def test_headquarters_move():
    rows = answer(readme_queries()[0])
    moves = [(r["headquarters"], r["since"], r["until"]) for r in rows]
    assert ("Pajau", None, "2005") in moves and ("Laiza", "2005", None) in moves
    assert moves.index(("Pajau", None, "2005")) < moves.index(("Laiza", "2005", None)), (
        "a place that ended in a year comes before the one that began in it")
    assert all(r["sentence_id"] and r["sentence"] for r in rows)


def test_first_leaders():
    rows = answer(readme_queries()[1])
    roles = {(r["person"], r["role"]) for r in rows}
    assert ("Zau Seng", "leader") in roles
    assert all(r["sentence"] for r in rows)


def test_related_organisations():
    rows = answer(readme_queries()[2])
    relations = {(r["organisation"], r["relation"], r["other_party"]) for r in rows}
    assert ("Kachin Independence Organisation", "armed_wing",
            "Kachin Independence Army") in relations
    assert any(r["relation"] == "split_from" for r in rows)
    assert all(r["sentence"] for r in rows)
