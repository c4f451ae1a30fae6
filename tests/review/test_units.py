"""The subtle parts of review on their own: word diffs, item matching, reorder detection,
Markdown escaping, and the integration files the README points at."""

from __future__ import annotations

from types import SimpleNamespace

import yaml

from cspctl.checks.review_approved import differences
from cspctl.review.changes import match_items, moved, word_diff
from cspctl.review.formats import md_escape
from cspctl.review.rules import REVIEW_REGISTRY
from tests.conftest import REPO


def item(title: str, *actions: str) -> SimpleNamespace:
    return SimpleNamespace(title=title, actions=[SimpleNamespace(id=a) for a in actions])


def test_word_diff_marks_runs_and_elides_long_context() -> None:
    assert word_diff("a b c", "a x c") == [("=", "a"), ("-", "b"), ("+", "x"), ("=", "c")]
    assert word_diff(None, "new text") == [("+", "new text")]
    long = " ".join(f"w{i}" for i in range(40))
    result = word_diff(long + " end", long + " finish", context=3)
    assert result[0] == ("=", "… w37 w38 w39")
    assert result[1:] == [("-", "end"), ("+", "finish")]


def test_match_items_by_title_then_action_then_place() -> None:
    before = [item("Intro"), item("Knife crime", "d/2.1"), item("AOB")]
    after = [item("Intro"), item("Knife Crime Prevention Orders", "d/2.1"), item("Any other business")]
    assert match_items(before, after) == [(0, 0), (1, 1), (2, 2)]
    assert match_items([item("A"), item("B")], [item("B")]) == [(1, 0), (0, None)]
    assert match_items([], [item("New")]) == [(None, 0)]


def test_moved_is_outside_the_longest_increasing_run() -> None:
    assert moved([0, 1, 2, 3]) == set()
    assert moved([0, 2, 3, 1]) == {1}
    assert moved([]) == set()


def test_differences_follow_keys_and_equal_length_lists() -> None:
    old = {"items": [{"minutes": "a", "actions": []}], "status": "approved"}
    new = {"items": [{"minutes": "b", "actions": [{}]}], "status": "approved"}
    assert list(differences(old, new)) == [("items", 0, "minutes"), ("items", 0, "actions")]


def test_markdown_escaping_keeps_text_inert() -> None:
    escaped = md_escape("<b>*bold*</b> @someone [link](x) ~~gone~~ &amp;\nnext")
    assert "<" not in escaped.replace("\\<", "") and "@someone" not in escaped.replace("\\@", "")
    assert "\n" not in escaped and "&amp;amp;" in escaped


def test_review_rules_are_documented() -> None:
    documented = (REPO / "docs" / "lint.md").read_text(encoding="utf-8")
    for module in REVIEW_REGISTRY:
        assert module.__doc__ and module.CODE in module.__doc__
        assert module.CODE.startswith("CSP7")
        assert f"### {module.CODE}" in documented


def test_pre_commit_hooks_and_ci_example() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["cspctl-lint"]["entry"] == "cspctl lint"
    assert hooks["cspctl-fmt"]["entry"] == "cspctl fmt"
    assert all(h["pass_filenames"] is True and h["files"] == r"\.ya?ml$" for h in hooks.values())
    workflow = yaml.safe_load((REPO / "docs" / "ci-example.yml").read_text())
    runs = [step.get("run", "") for step in workflow["jobs"]["review"]["steps"]]
    assert "cspctl lint --format github --base origin/${{ github.base_ref }}" in runs
    assert any("cspctl diff origin/${{ github.base_ref }} HEAD --format markdown" in r
               and "$GITHUB_STEP_SUMMARY" in r for r in runs)
