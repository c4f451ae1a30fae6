"""CSP204 — names do not mix scripts (warning).

A name written with letters of two scripts, such as "Jane" with a Cyrillic "а" or a
full-width "Ｊ", looks like another name but never matches it: an action owned by the
look-alike is nobody's, and a register entry spelled so can pass for someone else. Every
name in the people register and every person named in a record is checked; the finding names
the scripts, never the name. Retype the name. (Different spellings of one letter, such as
"ë" typed as "e" plus a combining mark, are the same name to cspctl: names are compared in one
Unicode form, NFC.)
"""

from __future__ import annotations

from collections.abc import Iterator

from cspctl.problem import Problem
from cspctl.records.register import person_references, scripts
from cspctl.records.store import Records

CODE = "CSP204"


def check(records: Records) -> Iterator[Problem]:
    for loaded in records.all_loaded():
        named = list(person_references(loaded.document.data))
        if loaded is records.people:
            for section in ("people", "groups"):
                for index, entry in enumerate(getattr(loaded.model, section)):
                    named.append(((section, index, "name"), entry.name))
                    named.extend(((section, index, "aliases", a), alias)
                                 for a, alias in enumerate(entry.aliases))
        for where, name in named:
            if name.isascii():
                continue
            found = scripts(name)
            if len(found) > 1 or "FULLWIDTH" in found:
                listed = " and ".join(sorted(s.title().replace("Fullwidth", "full-width")
                                             for s in found))
                yield loaded.problem(where, CODE, "warning",
                                     f"a name mixes {listed} letters: a look-alike of another "
                                     "name, which it never matches; retype it")
