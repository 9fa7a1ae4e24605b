"""Turn encyclopedia articles into a validated, citable Frictionless Data Package.

Stages, each a module, data flowing one way:
read -> segment -> (extract -> normalise -> derive) -> validate -> publish.
"""
