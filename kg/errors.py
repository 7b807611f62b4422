"""Library errors; the CLI turns them into clear messages at its boundary."""


class KGError(Exception):
    """Base class for errors a user can act on."""


class InputError(KGError):
    """A source file or directory cannot be used (the message names it and the problem)."""


class QueryError(KGError):
    """A SPARQL query is malformed, refused or failed."""


class GraphLoadError(KGError):
    """A graph file cannot be read."""
