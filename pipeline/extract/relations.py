"""Relations family: armed and political wings, part of, split from, predecessor, merged into, trained, allied with, fought, ceasefire with.

Rules are data in `pipeline/rules/relations.yaml`, read by the pattern engine (patterns.py).
"""

from pipeline.extract.patterns import PatternFamily

FAMILY = PatternFamily("relations")
find, rederive = FAMILY.find, FAMILY.rederive
