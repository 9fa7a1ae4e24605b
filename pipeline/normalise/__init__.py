"""Normalisers: small pure functions from text as written to typed values."""
