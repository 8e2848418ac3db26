"""scrubline's work: records, config schema, readers, detectors, operators, engine and Beam I/O."""

__version__ = "0.1.0"
