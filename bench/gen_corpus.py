"""Generate a synthetic records folder for benchmarks, in cspctl's own record format.

    python bench/gen_corpus.py --meetings 400 --out bench/corpus/n400

The folder is one board, as `cspctl lint` checks it: partnership.yaml, a people register that
every name resolves to (through ids, names and aliases), a forward plan, one action plan per
40 meetings, and quarterly meetings. Each block of 40 meetings is ten years of one board:
15 items, minutes of 1 to 3 long paragraphs, about 20 attendees, 5 to 10 actions, and 1 to 3
papers (board reports or subgroup updates with 1-2 KB sections). Larger corpora go further
back in time. Standard library only and deterministic (`--seed`); the output lints with no
errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from pathlib import Path

FIRST = ["Amira", "Ben", "Chloe", "Dev", "Esther", "Femi", "Grace", "Hamid", "Iona", "Jack",
         "Kemi", "Liam", "Maya", "Nikhil", "Olu", "Priya", "Quentin", "Rosa", "Sanjay", "Tara",
         "Umar", "Vera", "Wes", "Yasmin", "Zac", "Adele", "Bilal", "Carys", "Dmitri", "Ewa"]
LAST = ["Ahmed", "Barker", "Clarke", "Dhillon", "Evans", "Fraser", "Gill", "Hughes", "Iqbal",
        "Jones", "Khan", "Lewis", "Murphy", "Nwosu", "Okafor", "Patel", "Quinn", "Reid",
        "Shah", "Turner", "Usman", "Vaughan", "Walsh", "Young"]
ORGS = ["LBBD", "MPS", "Probation Service", "NELFT", "London Fire Brigade", "Youth Offending Service",
        "Victim Support", "CVS"]
ROLES = ["Head of Service", "Borough Commander", "Senior Operations Manager", "Director",
         "Partnership Analyst", "Team Manager", "Community Safety Officer", "Station Commander"]
SUBGROUPS = [("ivolt", "IVOLT"), ("hate-crime", "Hate Crime, Intolerance and Extremism"),
             ("vawg", "Violence against Women and Girls"), ("managing-offenders", "Managing Offenders"),
             ("contextual-safeguarding", "Contextual Safeguarding and Exploitation")]
TOPICS = ["Knife Crime Prevention Orders", "Violence Against Women and Girls Strategy",
          "Serious Violence Duty", "Anti-social Behaviour Review", "Hate Crime Action Plan",
          "Youth Justice Plan", "Domestic Abuse Commissioning", "Prevent Delivery Update",
          "Safer Streets Funding", "Community Trigger Annual Report", "Stop and Search Scrutiny",
          "Exploitation Strategy", "Night-time Economy", "Reducing Reoffending Plan",
          "Strategic Assessment", "Victim Support Performance", "Drug Market Disruption",
          "Town Centre Safety", "Fire Safety in Homes", "Early Help Review"]
WORDS = ("the board partnership data quarter offences reduction increase hotspot ward residents "
         "young people victims referrals police council probation health schools housing "
         "officers funding commissioning pathway outcomes review strategy delivery plan risk "
         "safeguarding exploitation violence knife robbery burglary domestic abuse engagement "
         "community tension patrols analysis performance trend compared previous period "
         "services support intervention multi-agency panel escalation survey consultation "
         # Board papers are not ASCII: curly apostrophes, dashes, pounds (the seed has them all).
         "partners’ residents’ – £40k £1.2m café").split()
THEMES = [("governance", "Governance"), ("analysis", "Analysis and Enforcement"),
          ("weapons", "Reducing Access to Weapons"), ("safeguarding", "Safeguarding and Educating"),
          ("communities", "Working with Communities"), ("victims", "Supporting Victims"),
          ("diversion", "Positive Diversion")]
SECTION_KINDS = [("overview", "Overview"), ("update", "Update"), ("key_challenges", "Key Challenges"),
                 ("emerging_trends", "Emerging Trends")]


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML 1.2)."""
    return json.dumps(text, ensure_ascii=False)


def sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    return picked[0].capitalize() + " " + " ".join(picked[1:]) + "."


def paragraph(rng: random.Random, size: int) -> str:
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < size:
        out.append(sentence(rng, rng.randint(8, 22)))
    return " ".join(out)


def block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n")) + "\n"


class Board:
    def __init__(self, rng: random.Random, people: int) -> None:
        self.rng = rng
        self.people: list[dict[str, object]] = []
        seen: set[str] = set()
        while len(self.people) < people:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name, alias = f"{first} {last}", f"{first[0]}. {last}"
            if alias in seen:
                continue
            seen.add(alias)
            self.people.append({"id": name.lower().replace(" ", "-"), "name": name,
                                "alias": alias, "org": rng.choice(ORGS),
                                "role": rng.choice(ROLES)})
        self.names = [str(p["name"]) for p in self.people]
        self.aliases = [str(p["alias"]) for p in self.people]


def people_yaml(board: Board) -> str:
    lines = ["people:"]
    for p in board.people:
        lines += [f"  - id: {p['id']}", f"    name: {p['name']}", f"    aliases: [{q(str(p['alias']))}]",
                  f"    role: {p['role']}", f"    organisation: {p['org']}",
                  f"    email: {p['id']}@example.gov.uk"]
    chairs = ", ".join(str(p["id"]) for p in board.people[:2])
    leads = ", ".join(str(p["id"]) for p in board.people[2:7])
    lines += ["groups:",
              f"  - {{id: board-chairs, name: CSP Board Chairs, members: [{chairs}]}}",
              f"  - {{id: chair, name: Chair, members: [{board.people[0]['id']}]}}",
              f"  - {{id: subgroup-leads, name: Subgroup Leads, members: [{leads}]}}",
              "  - {id: all-partners, name: All Partners, description: Every partner agency}"]
    return "\n".join(lines) + "\n"


def partnership_yaml(board: Board) -> str:
    subgroups = "\n".join(
        f"  - {{id: {sid}, name: {q(name)}, leads: [{board.names[2 + i]}]}}"
        for i, (sid, name) in enumerate(SUBGROUPS)
    )
    return f"""\
name: Benchmark Community Safety Partnership
short_name: CSP
authority: London Borough of Benchmark
chairs: [{board.names[0]}, {board.names[1]}]
manager: {board.names[2]}
policy_officer: {board.names[3]}
meetings: {{weekday: Wednesday, start: "10:00", end: "13:00", venue: MS Teams}}
papers_deadline: {{working_days_before: 5}}
standing_items:
  - {{id: introductions, title: Introductions and Apologies, presenters: [Chair], duration: 2, position: start}}
  - {{id: declarations, title: Declaration of Interest, presenters: [Chair], duration: 2, position: start}}
  - {{id: minutes-and-actions, title: Minutes and Actions, presenters: [Chair], duration: 5, position: start}}
  - {{id: forward-plan, title: Forward Plan, presenters: [Chair], duration: 5, position: end}}
  - {{id: aob, title: AOB, presenters: [Chair, Subgroup Leads], duration: 5, position: end, subgroup_updates: true}}
subgroups:
{subgroups}
"""


def meeting_dates(count: int, last_year: int) -> list[dt.date]:
    """Quarterly meetings on the second Wednesday of Jan/Apr/Jul/Oct, ending in `last_year`."""
    first_year = last_year - (count - 1) // 4
    dates: list[dt.date] = []
    for index in range(count):
        year, month = first_year + index // 4, 1 + 3 * (index % 4)
        first = dt.date(year, month, 1)
        wednesday = first + dt.timedelta(days=(2 - first.weekday()) % 7 + 7)
        dates.append(wednesday)
    return dates


def meeting_yaml(board: Board, date: dt.date, next_date: dt.date | None,
                 papers: list[str]) -> str:
    rng = board.rng
    iso = date.isoformat()
    crowd = rng.sample(board.names, 26)
    out = [f"date: {iso}", 'start: "10:00"', 'end: "13:00"', "venue: MS Teams",
           f"chair: {board.names[0]}", f"note_taker: {board.names[3]}"]
    if next_date is not None:
        out += ["status: approved", f"approved_at: {next_date.isoformat()}"]
    else:
        out += ["status: drafted"]
    spelt = [board.aliases[board.names.index(n)] if rng.random() < 0.15 else n for n in crowd]
    out += ["attendance:", "  present:"] + [f"    - {n}" for n in spelt[:17]]
    out += ["  additional:"] + [f"    - {n}" for n in spelt[17:20]]
    out += ["  apologies:"] + [f"    - {n}" for n in spelt[20:26]]
    out.append("items:")
    titles = ["Introductions and Apologies", "Declaration of Interest", "Minutes and Actions"]
    titles += rng.sample(TOPICS, 10) + ["Forward Plan", "AOB"]
    durations = [2, 2, 5] + [15] * 10 + [5, 5]
    raised = [rng.randrange(3, 13) for _ in range(rng.randint(5, 10))]
    paper_items = dict(zip(range(3, 3 + len(papers)), papers, strict=True))
    for number, (title, minutes) in enumerate(zip(titles, durations, strict=True), start=1):
        index = number - 1
        standing = index < 3 or index > 12
        out += [f"  - title: {title}", f"    kind: {'standing' if standing else 'report'}"]
        out.append(f"    presenters: [{'Chair' if standing else rng.choice(crowd[:17])}]")
        out += [f"    duration: {minutes}",
                f"    restricted: {'true' if not standing and rng.random() < 0.05 else 'false'}"]
        if index in paper_items:
            out.append(f"    papers: [{paper_items[index]}]")
        text = "\n\n".join(paragraph(rng, rng.randint(300, 650)) for _ in range(rng.randint(1, 3)))
        out.append("    minutes: " + block(text, 6).rstrip("\n"))
        if not standing and rng.random() < 0.4:
            out += ["    decisions:", f"      - {q(sentence(rng, 12))}"]
        if index in raised:
            out.append("    actions:")
            for seq in range(1, 1 + raised.count(index)):
                done = rng.random() < 0.5
                owners = ", ".join(rng.sample([*crowd[:17], "CSP Board Chairs"], rng.randint(1, 2)))
                out += [f"      - id: {iso}/{number}.{seq}", f"        owners: [{owners}]",
                        f"        description: {q(sentence(rng, rng.randint(10, 20)))}"]
                due = date + dt.timedelta(days=rng.randint(20, 80))
                out += [f"        due: {due.isoformat()}", f"        status: {'completed' if done else 'open'}"]
                if done:
                    out.append(f"        completed_on: {(due - dt.timedelta(days=5)).isoformat()}")
                    out += ["        updates:",
                            f"          - {{date: {(date + dt.timedelta(days=10)).isoformat()}, "
                            f"note: {q(sentence(rng, 10))}}}"]
    return "\n".join(out) + "\n"


def report_yaml(board: Board, report_id: str, date: dt.date, subgroup: tuple[str, str] | None) -> str:
    rng = board.rng
    kind = "subgroup_update" if subgroup else "report"
    subject = f"{subgroup[1]} Update" if subgroup else rng.choice(TOPICS)
    out = [f"id: {report_id}", f"kind: {kind}", f"meeting: {date.isoformat()}",
           f"subject: {q(subject)}", f"authors: [{rng.choice(board.names)}]",
           "contact: officer@example.gov.uk", "restricted: false"]
    if subgroup:
        out.append(f"subgroup: {subgroup[0]}")
    out += ["sections:", "  - kind: purpose", "    heading: Purpose of Presenting the Report",
            "    paragraphs:", f"      - {q(sentence(rng, 14))}",
            "  - kind: recommendations", "    heading: Recommendation(s)", "    paragraphs:",
            "      - " + block("It is recommended that the board:\n\n- note the contents of the report\n"
                               f"- {sentence(rng, 10)}", 8).rstrip("\n")]
    for kind_id, heading in rng.sample(SECTION_KINDS, rng.randint(2, 4)):
        out += [f"  - kind: {kind_id}", f"    heading: {heading}", "    paragraphs:"]
        out += [f"      - {q(paragraph(rng, rng.randint(500, 1000)))}" for _ in range(2)]
    return "\n".join(out) + "\n"


def plan_yaml(board: Board, plan_id: str, year: int) -> str:
    rng = board.rng
    out = [f"id: {plan_id}", f"title: Violence Reduction Action Plan {year}/{(year + 1) % 100:02d}",
           f"period: {year}/{(year + 1) % 100:02d}", "governance:",
           f"  - {{name: {board.names[0]}, role: CSP Chair, organisation: LBBD}}", "themes:"]
    for theme_id, title in THEMES:
        out += [f"  - id: {theme_id}", f"    title: {title}", "    actions:"]
        for number in range(1, rng.randint(5, 10) + 1):
            start = dt.date(year, 4, 1) + dt.timedelta(days=rng.randint(0, 60))
            rag = rng.choice(["red", "amber", "green", "complete"])
            out += [f"      - number: {number}", f"        mandated: {str(rng.random() < 0.4).lower()}",
                    f"        action: {q(sentence(rng, 20))}", f"        outcomes: {q(sentence(rng, 12))}",
                    f"        leads: [{rng.choice(board.names)}]",
                    f"        lead_organisations: [{rng.choice(ORGS)}]",
                    f"        start: {start.isoformat()}",
                    f"        end: {(start + dt.timedelta(days=rng.randint(90, 360))).isoformat()}",
                    "        progress:",
                    f"          - {{date: {year + 1}-01, note: {q(sentence(rng, 16))}}}",
                    f"        rag: {rag}"]
    return "\n".join(out) + "\n"


def forward_plan_yaml(board: Board, after: dt.date) -> str:
    rng = board.rng
    out = ["title: Community Safety Partnership Board Forward Plan", "meetings:"]
    for date in meeting_dates(4, after.year + 1):
        out += [f"  - date: {date.isoformat()}", "    items:"]
        for title in rng.sample(TOPICS, rng.randint(5, 8)):
            out += [f"      - title: {title}", f"        presenters: [{rng.choice(board.names)}]",
                    "        duration: 15"]
            if rng.random() < 0.3:
                out.append("        notes: Focus to be confirmed")
    return "\n".join(out) + "\n"


KINDS = {"meetings": "meeting", "reports": "report", "plans": "plan"}


def modeline(name: str) -> str:
    """The first line `cspctl fmt` gives a record: where editors find its JSON Schema (the
    corpus is in fmt's canonical form, so `cspctl fmt --check` passes on it)."""
    parts = name.split("/")
    kind = KINDS.get(parts[0], parts[0].removesuffix(".yaml"))
    return f"# yaml-language-server: $schema={'../' * (len(parts) - 1)}schemas/{kind}.schema.json\n"


def generate(meetings: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write the corpus to `out` (replacing it); return counts of files and bytes."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "meetings").mkdir(parents=True)
    (out / "plans").mkdir()
    board = Board(rng, people=80)
    files = {"partnership.yaml": partnership_yaml(board), "people.yaml": people_yaml(board)}
    dates = meeting_dates(meetings, 2025)
    report_count = 0
    for index, date in enumerate(dates):
        papers: list[str] = []
        for n in range(rng.randint(1, 3)):
            subgroup = rng.choice(SUBGROUPS) if rng.random() < 0.4 else None
            report_id = f"r{date.isoformat()}-{n + 1}"
            papers.append(report_id)
            files[f"reports/{date.isoformat()}/{report_id}.yaml"] = report_yaml(board, report_id, date, subgroup)
            report_count += 1
        following = dates[index + 1] if index + 1 < len(dates) else None
        files[f"meetings/{date.isoformat()}.yaml"] = meeting_yaml(board, date, following, papers)
        if index % 40 == 0:
            files[f"plans/vru-{date.year}.yaml"] = plan_yaml(board, f"vru-{date.year}", date.year)
    files["forward-plan.yaml"] = forward_plan_yaml(board, dates[-1])
    size = 0
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = (modeline(name) + text).encode("utf-8")
        path.write_bytes(data)
        size += len(data)
    return {"files": len(files), "bytes": size, "meetings": meetings, "reports": report_count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, required=True, help="number of meetings")
    parser.add_argument("--out", type=Path, required=True, help="records folder to (re)create")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.meetings, args.out, args.seed)
    print(f"{args.out}: {counts['files']} files, {counts['bytes'] / 1e6:.1f} MB "
          f"({counts['meetings']} meetings, {counts['reports']} reports)")


if __name__ == "__main__":
    main()
