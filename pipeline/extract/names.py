"""Names family: the official name, abbreviations, native names with language and script, English glosses, former names with the year they changed.

Rules are data in `pipeline/rules/names.yaml`, read by the pattern engine (patterns.py).
"""

from pipeline.extract.patterns import PatternFamily

FAMILY = PatternFamily("names")
find, rederive = FAMILY.find, FAMILY.rederive
