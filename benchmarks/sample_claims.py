"""Draw published claims at random, each with its sentence, to judge precision by hand.

    python benchmarks/sample_claims.py PACKAGE [--n 40] [--seed S] [--out FILE]

Recall has a scorer; precision needs a reader. This writes a Markdown checklist of `n` claims
drawn with `random.Random(seed).sample` from the package's claims (sorted by id first, so the
same package and seed always draw the same claims): for each, the subject, property, value and
qualifiers as published, the quoted span and the whole sentence it came from. A judge marks
each right (subject, property, value and qualifiers all as the sentence says) or wrong.
Deprecated claims (rejected by a reviewer) are left out: they are not published as facts.
"""

import argparse
import csv
import random
import sys
from pathlib import Path

csv.field_size_limit(1 << 30)
QUALIFIERS = ("start_time", "end_time", "point_in_time", "role", "rank", "quantity_qualifier",
              "unit", "status", "language", "note")


def table(package: Path, name: str) -> list[dict[str, str]]:
    with open(package / "data" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def draw(package: Path, n: int, seed: int) -> list[dict[str, str]]:
    claims = sorted((c for c in table(package, "claims") if c["statement_rank"] != "deprecated"),
                    key=lambda c: c["claim_id"])
    return random.Random(seed).sample(claims, min(n, len(claims)))


def checklist(package: Path, n: int, seed: int) -> str:
    sentences = {s["sentence_id"]: s["text"] for s in table(package, "sentences")}
    labels = {e["entity_id"]: e["label"] for e in table(package, "entities")}
    drawn = draw(package, n, seed)
    lines = [f"# {len(drawn)} claims drawn at random (seed {seed}) from {package}", "",
             "Mark each: right (subject, property, value, qualifiers as the sentence says) "
             "or wrong, with why.", ""]
    for number, claim in enumerate(drawn, 1):
        subject = labels.get(claim["subject_id"], claim["subject_id"])
        qualifiers = ", ".join(f"{k}={claim[k]}" for k in QUALIFIERS if claim.get(k))
        lines += [
            f"## {number}. [ ] {subject} | {claim['property_id']} | {claim['value']}"
            + (f" | {qualifiers}" if qualifiers else ""),
            f"- claim `{claim['claim_id']}`, rule `{claim['rule_id']}`",
            f"- quote: «{claim['quote']}»",
            f"- sentence: «{sentences.get(claim['sentence_id'], '').strip()}»",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write here (default: standard output)")
    args = parser.parse_args(argv)
    try:
        text = checklist(args.package, args.n, args.seed)
    except (OSError, KeyError, csv.Error) as error:
        print(f"error: {args.package}: not a readable package ({error})", file=sys.stderr)
        return 2
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"{args.n} claims to judge by hand: {args.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
