"""The hand-written part of docs/records.md: how to write records, before the generated
reference of every field (`reference.py`). `KIND_NOTES` opens the section of a record kind."""

from __future__ import annotations

INTRO = """
# The records folder

One folder per partnership board, kept in git. Every file is plain YAML 1.2: no anchors,
aliases, merge keys, tags or `%YAML` directives; one document per file; UTF-8.
Dates are ISO (`2022-03-30`), times are quoted 24-hour strings (`"10:00"`), durations are
whole minutes, `restricted` is a real boolean (`true`/`false`, nothing else).

```
records/
  partnership.yaml            the board: its identity, meeting defaults, chairs, standing items, subgroups
  people.yaml                 people, groups and organisations; every name in every record resolves here
  forward-plan.yaml           future meetings and their planned items
  meetings/2021-09-29.yaml    one file per meeting (file name = its date)
  reports/2021-12-08/*.yaml   papers, filed under the meeting they go to
  plans/<id>.yaml             multi-agency action plans
```

`cspctl init DIR --name "…"` starts a new folder with all of these (see the README).

## Writing records

People are named by register id, name or alias anywhere a person is expected
(`presenters`, `owners`, `authors`, `leads`, attendance, `chair`): a "name (of the register)"
below. Write names as the papers spell them; papers print them as written, the register's
`aliases` absorb variant spellings, and lint reports names it cannot resolve with a
"did you mean". Initials that a meeting's minutes use ("AC to circulate") belong in that
meeting's `initials`, so the same initials can mean different people at different meetings.

Text fields (`minutes`, `paragraphs`, slide `body`, `note`) are Markdown: blank lines between
paragraphs, `- ` for bullets. Use YAML block scalars (`|`) for anything longer than a line.

Restricted business is marked `restricted: true` on the item, planned item, paper or plan
action. Public output (the default) keeps only a restricted item's title; its minutes,
actions, papers and sub-items never reach it. Nothing else needs marking.

Write only what the papers say. Timings, durations, an end time, owners and due dates are
optional: a paper never prints what the records leave out.

## Reading this reference

Each record kind below lists its mappings. For every field: its type, whether it is required
(or what it is when left out), and an example as it is written in the file. A "mapping" is a
block of `key: value` lines (or `{key: value, ...}` on one line); a "list" is `- ` lines (or
`[a, b]`). Every mapping is closed: a key it does not list is an error (lint CSP101).
"""

KIND_NOTES: dict[str, str] = {
    "meeting": """
A meeting moves through `planned` → `held` → `drafted` → `approved`, or is `cancelled` or
`postponed`. Items are numbered by order unless they carry a `number`; sub-items (`items`)
are numbered 4.1, 4.2 under theirs. An action renders as `ACTION: <owners> to <description>`;
its id (`2021-09-29/4.2`: meeting, item, sequence) is never reused.
""",
    "report": """
`kind` is `report` (the standard template), `subgroup_update` (the subgroup template, with
`subgroup`) or `presentation` (slides). The file name is the id. Sections are numbered on
render (1., 2. …) and their paragraphs 1.1, 1.2 ….
""",
    "forward-plan": """
Planned items only: the standing items come from `partnership.yaml` and are placed around
them when an agenda is built.
""",
}


LABELS_NOTE = """
Every paper takes the board's identity from `partnership.yaml`: the `name` heads it, the pack
names the `authority`, HTML and PDF papers embed the `logo` (its alt text is the name; Word
shows PNG, JPEG and GIF logos), and agendas, reports and packs end with the `contact`
officer. Every security marking a paper prints is one of the board's `security` words (a
report may carry its own `marking`). Every other word a template prints is a label; set any
of them in `labels:` (lint warns of an unknown key, CSP104), for example
`labels: {mandated: Mandated by the Home Office, pack_title: Board papers for}`:
"""

