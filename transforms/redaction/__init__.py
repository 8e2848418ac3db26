"""Redaction of one record, in data-flow order: normalise, detect, propagate, resolve overlaps, apply operators, log."""
