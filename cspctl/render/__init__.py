"""Rendering: records into the papers the board circulates, through Jinja templates.

The pipeline is: load records -> public view (unless --include-restricted) -> a context builder
turns records into small view models -> one Jinja environment renders `<kind>.<suffix>.j2`
-> a format writes the bytes. Templates never see raw record dicts, and user text only ever
reaches them as data.
"""
