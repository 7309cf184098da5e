"""senate-ld: the Belgian Senate's written questions as Linked Data."""

__version__ = "0.1.0"
