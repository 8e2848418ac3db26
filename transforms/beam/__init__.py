"""Beam wiring, the only package that imports apache_beam.

ReadUploads, RedactEntities, CarryOver, WriteShards, SplitDuplicateIds and PublishManifest.
"""
