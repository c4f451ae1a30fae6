"""cspctl: a partnership board's records as YAML in git."""

__version__ = "0.1.0"
