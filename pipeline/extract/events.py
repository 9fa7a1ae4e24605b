"""Dates and events family: every dated statement becomes a claim with an EDTF date (inception, significant events, ceasefires, periods).

Rules are data in `pipeline/rules/events.yaml`, read by the pattern engine (patterns.py).
"""

from pipeline.extract.patterns import PatternFamily

FAMILY = PatternFamily("events")
find, rederive = FAMILY.find, FAMILY.rederive
