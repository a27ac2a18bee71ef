"""The project's own exception types.

Every error a user can cause (bad input file, unreachable database, bad filter)
is raised as one of these, with a message that names the thing at fault and the
reason, so the CLI and the API can show it without a traceback.
"""

from __future__ import annotations


class AgencynetError(Exception):
    """Base class for every error agencynet raises on purpose."""


class ExtractionError(AgencynetError):
    """A document could not be read or parsed.

    ``source`` names the file (or upload name); ``reason`` says what is wrong.
    """

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class UnsupportedFormat(ExtractionError):
    """The file's format is not one agencynet reads."""


class StoreError(AgencynetError):
    """A store operation failed (write rejected, schema problem, ...)."""


class StoreUnavailable(StoreError):
    """The configured store cannot be reached (Neo4j down, bad credentials, unwritable data dir)."""

    def __init__(self, where: str, cause: str):
        self.where = where
        self.cause = cause
        super().__init__(f"store at {where} is unavailable: {cause}")


class NotFound(AgencynetError):
    """An id (plan, task, agency) that the store does not hold."""


class BadFilter(AgencynetError):
    """A query filter or parameter a person gave is not valid."""


class Neo4jLauncherError(AgencynetError):
    """The local embedded Neo4j could not be built, started or stopped."""
