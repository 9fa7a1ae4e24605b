"""How every id in the package is made: from content, never from position.

Consumers keep things by id (a join, a note on a claim, a link to the review page), so an id
must survive edits elsewhere in the article. Each id is its document's id, a colon, a kind
prefix and either a slug or a short hash of what the row *is*:

- document      slug of the title                          `kachin-independence-organisation`
- entity        slug of the canonical label                `kachin-independence-army`
- section       `sec-` + slug of the heading (`lead` for the text before the first heading)
- sentence      `sen-` + hash of the sentence's own text
- claim         `c-` + hash of its sentence id, property, value type, value and the span's
                offsets within the sentence (never within the document)
- skipped span  `k-` + hash of its sentence id, rule, reason and offsets within the sentence

When two rows of a document would get the same id (a sentence written twice, two sections
called "History"), the second gets `.2`, the third `.3`, in document order (a dot, which no
slug or hash holds, so a suffixed id never meets another's base). So an id changes
only when what it names changes: its own text, heading or value, or an identical twin that comes
before it appearing or going. Warnings keep ordinals: they are about lines, not content.
"""

import hashlib
import re
import unicodedata
from collections import Counter
from functools import lru_cache

SLUG_MAX = 60
HASH_LENGTH = 8  # hex digits: within one document a collision is unlikely, and is suffixed


@lru_cache(maxsize=65536)  # entity names recur across articles and claims
def slugify(text: str) -> str:
    """A readable ASCII id; text with no Latin letters gets a stable hash instead of nothing.

    Invisible format characters (zero-width space and joiners, bidi marks, soft hyphen) are
    dropped rather than made into dashes, so a title and its look-alike get the same id and the
    duplicate is caught.
    """
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)
                         and unicodedata.category(c) != "Cf").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:SLUG_MAX].strip("-")
    if slug:
        return slug
    return "doc-" + content_hash(text, length=10)


def content_hash(*parts: object, length: int = HASH_LENGTH) -> str:
    """A short hex digest of the parts, each written out and separated so that no two lists of
    parts run together into the same bytes."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8"))
    return digest.hexdigest()[:length]


def section_id(document_id: str, title: str | None, first: bool) -> str:
    """Before suffixing; the first section, which holds the title and the lead, is `lead`."""
    name = "lead" if first else slugify(title) if title else "untitled"
    return f"{document_id}:sec-{name}"


def sentence_id(document_id: str, text: str) -> str:
    """Before suffixing."""
    return f"{document_id}:sen-{content_hash(text)}"


def claim_id(document_id: str, sentence_id: str, property_id: str, value_type: str, value: str,
             start: int, end: int) -> str:
    """Before suffixing; `start` and `end` count from the start of the sentence."""
    digest = content_hash(sentence_id, property_id, value_type, value, start, end)
    return f"{document_id}:c-{digest}"


def skip_id(document_id: str, sentence_id: str, rule_id: str, reason: str, start: int,
            end: int) -> str:
    """Before suffixing; `start` and `end` count from the start of the sentence."""
    return f"{document_id}:k-{content_hash(sentence_id, rule_id, reason, start, end)}"


def unsuffixed(row_id: str) -> str:
    """The id as made from content, without the `.2` of a repeat."""
    base, dot, count = row_id.rpartition(".")
    return base if dot and count.isdigit() else row_id


class Apart:
    """Hands out ids in document order, the second and later of a repeated one suffixed."""

    def __init__(self):
        self.seen: Counter = Counter()

    def __call__(self, base: str) -> str:
        self.seen[base] += 1
        count = self.seen[base]
        return base if count == 1 else f"{base}.{count}"
