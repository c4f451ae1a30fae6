"""Command functions, one module per area; cli.py registers them explicitly."""
