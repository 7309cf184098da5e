"""The error a build stops with, wherever in the pipeline it is found."""


class BuildError(Exception):
    """A build that cannot start or finish: bad options, a source that does not exist,
    an unreadable EuroVoc file, a locked output folder, an output it cannot write."""
