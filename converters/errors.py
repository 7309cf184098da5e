"""The error a build stops with, wherever in the pipeline it is found, and how any
error quotes the source text it is about."""


class BuildError(Exception):
    """A build that cannot start or finish: bad options, a source that does not exist,
    an unreadable EuroVoc file, a locked output folder, an output it cannot write."""


def shorten(text: str, limit: int = 60) -> str:
    """Source text quoted in a message: one line, at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
