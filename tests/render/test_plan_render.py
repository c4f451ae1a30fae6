"""`cspctl render plan` says only what the plan says: no RAG status asserted for `rag: null`
(fidelity D31), and in Markdown an action's own bullet list stays apart from its details
(D12: CommonMark must not read them as one list)."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt

from tests.conftest import SEED_RECORDS, Result

Cli = Callable[..., Result]


def test_no_rating_is_asserted_where_the_plan_states_none(cli: Cli) -> None:
    result = cli("--records", SEED_RECORDS, "render", "plan", "vru-2021-22")
    assert result.code == 0, result.err
    assert "NOT RATED" not in result.out.upper().replace("NOT STATED", "")
    assert "| Theme | Red | Amber | Green | Complete | Not stated | Total |" in result.out
    assert "| **Total** | **0** | **0** | **0** | **0** | **71** | **71** |" in result.out
    assert "### 1.1 (VRU mandated)\n" in result.out  # the board's own word, no rating after it
    html = cli("--records", SEED_RECORDS, "render", "plan", "vru-2021-22", "--format", "html").out
    assert "rag-none" not in html and "Not rated" not in html


def test_an_actions_own_list_is_not_merged_with_its_details(cli: Cli) -> None:
    out = cli("--records", SEED_RECORDS, "render", "plan", "vru-2021-22").out
    block = out.split("### 1.5\n", 1)[1].split("\n### ", 1)[0]
    tokens = MarkdownIt("commonmark").parse(block)
    depth, in_list = 0, {}
    for token in tokens:
        if token.type == "bullet_list_open":
            depth += 1
        elif token.type == "bullet_list_close":
            depth -= 1
        elif token.type == "inline":
            in_list[token.content] = depth > 0
    assert in_list["Coerced into carrying drugs, weapons and money"] is True
    details = [text for text in in_list if text.startswith("**Outcomes:**")]
    assert details and in_list[details[0]] is False
    assert "**Lead:** Angie Fuller" in details[0] and "**Dates:** 11 December 2021 to 10 December 2022" in details[0]
    lists = sum(1 for t in tokens if t.type == "bullet_list_open")
    assert lists == 2  # the action's own list and the progress notes, separately
