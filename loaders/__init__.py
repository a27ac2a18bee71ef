"""Loaders: pure functions from document bytes to validated records.

No database here. ``loaders.extract`` turns one document into an
``ExtractedDocument`` (plan facts + tasks); ``loaders.identity`` resolves unit
mentions to agencies; ``loaders.graph`` turns both into the ``PlanGraph`` rows a
store writes.
"""
