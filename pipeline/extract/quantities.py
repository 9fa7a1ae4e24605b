"""Quantities family: an integer, the thing counted and a qualifier (over 200 schools, 27-member, 100-strong, 30,000+).

Rules are data in `pipeline/rules/quantities.yaml`, read by the pattern engine (patterns.py).
"""

from pipeline.extract.patterns import PatternFamily

FAMILY = PatternFamily("quantities")
find, rederive = FAMILY.find, FAMILY.rederive
