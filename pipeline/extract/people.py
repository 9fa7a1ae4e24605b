"""People and roles family: founders, leaders and office holders with role, order and dates; ranks kept apart from names.

Rules are data in `pipeline/rules/people.yaml`, read by the pattern engine (patterns.py).
"""

from pipeline.extract.patterns import PatternFamily

FAMILY = PatternFamily("people")
find, rederive = FAMILY.find, FAMILY.rederive
