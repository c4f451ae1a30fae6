"""Round-trip editing: ruamel.yaml's objects keep comments, order and quoting as written."""

from __future__ import annotations

from typing import Any


def _rt_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def rt_load(text: str) -> Any:
    """Load text for editing: ruamel's round-trip objects keep comments, order and quoting.

    Callers validate with `parse` first; this is only for files already known to be records.
    Whatever ruamel raises becomes a located `YamlError` (`compose.ruamel_call`): a writer
    says what is wrong with a file, never prints a traceback.
    """
    from cspctl.records.yamlio.compose import ruamel_call

    return ruamel_call(_rt_yaml().load, text)


def rt_dump(data: Any) -> str:
    """Serialise round-trip data back to text."""
    import io

    stream = io.StringIO()
    _rt_yaml().dump(data, stream)
    return stream.getvalue()
