"""Word list numbering: which paragraphs are bullets, and the number Word prints on the others.

Word keeps a list's numbers out of the text: a paragraph (or its style) names a numbering
instance and a level (`w:numPr`), the numbering part says each level's format and start. This
counts them in document order as Word does (a level restarts when a shallower one moves on).
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Numbering:
    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{W}lvl"):
                fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{W}lvlText")) or ""
                start = _val(lvl.find(f"{W}start")) or "1"
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (fmt, text, int(start) if start.isdigit() else 1)
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            ref = _val(num.find(f"{W}abstractNumId"))
            if ref is not None and ref in abstract:
                self.levels[num.get(f"{W}numId", "")] = abstract[ref]

    def label(self, paragraph: Any) -> tuple[str | None, str | None]:
        """("bullet", None), ("number", "4"), or (None, None) for a paragraph in no list."""
        found = _num_pr(paragraph)
        if found is None:
            return None, None
        num_id, level = found
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return None, None
        fmt, text, _start = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        if fmt == "bullet":
            return "bullet", None
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels.get(level, ("", "", 1))[2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        label = text
        for index in range(level + 1):
            start = levels.get(index, ("", "", 1))[2]
            label = label.replace(f"%{index + 1}", str(counters.get(index, start)))
        return "number", label.strip().rstrip(".)").strip() or str(counters[level])


def _val(node: Any) -> str | None:
    return None if node is None else node.get(f"{W}val")


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        if ppr is None:
            continue
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is None:
            continue
        num_id = _val(num_pr.find(f"{W}numId"))
        level = _val(num_pr.find(f"{W}ilvl"))
        if num_id is not None:
            return num_id, int(level) if level and level.isdigit() else 0
    return None
