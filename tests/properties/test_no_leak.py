"""No restricted text reaches public output: records with random restricted flags, a unique
canary in every piece of restricted content, every public render in every format, the action
log, and every message — checked after HTML-unescaping and whitespace normalisation."""

from __future__ import annotations

import email
import html
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile.safety import command_exists
from tests.properties.helpers import examples, fresh_board, run


@dataclass
class Board:
    files: dict[str, str]
    secret: set[str] = field(default_factory=set)
    public: set[str] = field(default_factory=set)

    def canary(self, restricted: bool) -> str:
        token = f"zqcanary{len(self.secret) + len(self.public)}x"
        (self.secret if restricted else self.public).add(token)
        return token


@st.composite
def boards(draw: st.DrawFn) -> Board:
    """A meeting, its papers, an action plan and a forward plan; restricted where drawn."""
    board = Board({})
    meeting = ["date: 2022-03-30", "start: \"10:00\"", "end: \"13:00\"", "chair: Pat Chair",
               "status: drafted", "items:"]
    for i in range(1, draw(st.integers(1, 4)) + 1):
        hidden = draw(st.booleans())
        paper = draw(st.sampled_from(["none", "public", "restricted"]))
        meeting += [f"  - title: Item {i}", "    presenters: [Sam Lead]", "    duration: 10",
                    f"    restricted: {'true' if hidden else 'false'}",
                    f"    minutes: \"The board discussed {board.canary(hidden)}.\"",
                    f"    decisions: [\"Agreed {board.canary(hidden)}\"]",
                    "    actions:",
                    f"      - id: 2022-03-30/{i}.1", "        owners: [Sam Lead]",
                    f"        description: \"Follow up {board.canary(hidden)}\"",
                    "        due: 2022-06-10",
                    f"        updates: [{{date: 2022-04-01, note: \"Chased {board.canary(hidden)}\"}}]"]
        if paper != "none":
            secret = hidden or paper == "restricted"
            meeting.append(f"    papers: [paper-{i}]")
            board.files[f"reports/2022-03-30/paper-{i}.yaml"] = "\n".join([
                f"id: paper-{i}", "kind: report", "meeting: 2022-03-30",
                f"subject: \"Paper {board.canary(secret)}\"", "authors: [Sam Lead]",
                f"restricted: {'true' if paper == 'restricted' else 'false'}", "sections:",
                "  - kind: update", "    heading: Update",
                f"    paragraphs: [\"Paragraph {board.canary(secret)}\"]", ""])
    board.files["meetings/2022-03-30.yaml"] = "\n".join(meeting) + "\n"
    plan = ["id: vru", "title: VRU plan", "themes:", "  - id: governance", "    title: Governance",
            "    actions:"]
    for n in range(1, draw(st.integers(1, 3)) + 1):
        hidden = draw(st.booleans())
        plan += [f"      - number: {n}", f"        action: \"Deliver {board.canary(hidden)}\"",
                 f"        outcomes: \"Outcome {board.canary(hidden)}\"", "        leads: [Sam Lead]",
                 "        end: 2022-01-31", "        rag: amber",
                 f"        progress: [{{date: 2021-11, note: \"Progress {board.canary(hidden)}\"}}]",
                 f"        restricted: {'true' if hidden else 'false'}"]
    board.files["plans/vru.yaml"] = "\n".join(plan) + "\n"
    planned = ["meetings:", "  - date: 2022-06-29", "    items:"]
    for n in range(1, draw(st.integers(1, 3)) + 1):
        hidden = draw(st.booleans())
        planned.append(f"      - {{title: Planned {n}, duration: 10, restricted: {str(hidden).lower()}, "
                       f"notes: \"Note {board.canary(hidden)}\"}}")
    board.files["forward-plan.yaml"] = "\n".join(planned) + "\n"
    return board


def _reminder_text(path: Path) -> str:
    """A reminder as its reader sees it: an .eml's decoded parts (quoted-printable may split
    a word across lines), a .md as written."""
    if path.suffix != ".eml":
        return path.read_text(encoding="utf-8")
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return "".join(str(part.get_content()) for part in message.walk() if not part.is_multipart())


def seen(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(html.unescape(text))).casefold()


PUBLIC = [
    ("render", "agenda", "2022-03-30"), ("render", "minutes", "2022-03-30"),
    ("render", "forward-plan"), ("render", "actions"), ("render", "plan", "vru"),
    ("render", "pack", "2022-03-30"),
]


@pytest.fixture(autouse=True)
def _needs_render() -> None:
    if not command_exists("render", "minutes"):
        pytest.skip("cspctl render is not built yet")


@settings(max_examples=examples(8))  # ~20 CLI runs each: `make fuzz` runs many more
@given(board=boards())
def test_no_restricted_text_in_any_public_output(board: Board) -> None:
    with fresh_board(dict(board.files)) as root:
        lint = run("--records", root, "lint", "--format", "json")
        assert lint.code == 0, lint.out  # the generated board is valid
        outputs: dict[str, str] = {}
        reports = [n.split("/")[-1][:-5] for n in board.files if n.startswith("reports/")]
        commands = [*PUBLIC, *(("render", "report", r) for r in reports)]
        for command in commands:
            for fmt in ("markdown", "html"):
                result = run("--records", root, *command, "--format", fmt)
                outputs[f"{' '.join(command)} {fmt}"] = result.out + result.err
        if command_exists("actions"):
            for fmt in ("table", "json", "csv", "markdown"):
                result = run("--records", root, "actions", "--all", "--format", fmt)
                outputs[f"actions {fmt}"] = result.out + result.err
        if command_exists("calendar"):
            for extra in ((), ("--owner", "Sam Lead")):
                result = run("--records", root, "calendar", *extra)
                outputs[" ".join(("calendar", *extra))] = result.out + result.err
        if command_exists("chase"):
            folder = root.parent / "chase"
            result = run("--records", root, "chase", "--all", "--as-of", "2022-06-01", "--output", folder)
            outputs["chase"] = result.out + result.err + "".join(_reminder_text(p) for p in folder.iterdir())
        everything = {name: seen(text) for name, text in outputs.items()}
        for name, text in everything.items():
            leaked = sorted(c for c in board.secret if c in text)
            assert not leaked, f"{name} shows restricted text {leaked}"
        shown = "".join(everything.values())
        assert all(c in shown for c in board.public), "public text is missing: the check is blind"


@settings(max_examples=examples(10))
@given(board=boards(), where=st.sampled_from(["duration", "status", "due", "restricted", "owners"]))
def test_no_restricted_text_in_error_messages(board: Board, where: str) -> None:
    """Break a restricted item with its own secret text; no message may repeat it."""
    token = "zqbroken0x"
    meeting = board.files["meetings/2022-03-30.yaml"].replace("restricted: false", "restricted: true")
    broken = {
        "duration": ("    duration: 10", f"    duration: \"{token}\""),
        "status": ("status: drafted", f"status: \"{token}\""),
        "due": ("        due: 2022-06-10", f"        due: \"{token}\""),
        "restricted": ("    restricted: true", f"    restricted: \"{token}\""),
        "owners": ("        owners: [Sam Lead]", f"        owners: {{name: \"{token}\"}}"),
    }[where]
    board.files["meetings/2022-03-30.yaml"] = meeting.replace(*broken)
    with fresh_board(dict(board.files)) as root:
        outputs = [run("--records", root, "lint", "--format", fmt) for fmt in ("text", "json", "github")]
        outputs += [run("--records", root, "render", "minutes", "2022-03-30", "--format", "html")]
        if command_exists("actions"):
            outputs.append(run("--records", root, "actions", "--all"))
        assert outputs[0].code == 1
        for result in outputs:
            assert "Traceback" not in result.err
            text = seen(result.out + result.err)
            assert token not in text
            assert not [c for c in board.secret if c in text]
