"""cspctl: a Community Safety Partnership board's records as YAML in git."""

__version__ = "0.1.0"
