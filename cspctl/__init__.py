"""cspctl: a partnership board's records as YAML in git."""

__version__ = "0.2.0"
