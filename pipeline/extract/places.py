"""Places and resources family: headquarters over time, places controlled or acted in, resources extracted or taxed, funding sources, trade partners.

Rules are data in `pipeline/rules/places.yaml`, read by the pattern engine (patterns.py).
"""

from pipeline.extract.patterns import PatternFamily

FAMILY = PatternFamily("places")
find, rederive = FAMILY.find, FAMILY.rederive
