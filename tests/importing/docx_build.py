"""Build a Word document from plain-text minutes the way a note taker types them in Word.

Item headings ("4. KNIFE CRIME ...") become "Heading 1" paragraphs numbered by Word's list
numbering (the number is not in the text), bullets "List Bullet" paragraphs (Word's bullet
numbering), and the lines of each block one paragraph. Only the test uses this.
"""

from __future__ import annotations

import re
from pathlib import Path

BULLET = re.compile(r"^\s*[\uf0b7\u2022]\s*")
HEADING = re.compile(r"^(\d{1,2})\.\s+([A-Z][A-Z0-9 :&/,()'-]+)\s*$")


def build_docx(text: str, target: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    numbered = document.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if not line.strip():
            blocks.append([])
        elif BULLET.match(line) or line.startswith("ACTION:") or HEADING.match(line.strip()):
            blocks.append([line.strip()])
        else:
            blocks[-1].append(line.strip())
    for block in (b for b in blocks if b):
        first = block[0]
        heading = HEADING.match(first)
        if heading:
            paragraph = document.add_paragraph(heading.group(2).strip(), style="Heading 1")
            num_pr = OxmlElement("w:numPr")
            level, num_id = OxmlElement("w:ilvl"), OxmlElement("w:numId")
            level.set(qn("w:val"), "0")
            num_id.set(qn("w:val"), numbered)
            num_pr.append(level)
            num_pr.append(num_id)
            paragraph._p.get_or_add_pPr().append(num_pr)
        elif BULLET.match(first):
            document.add_paragraph(" ".join([BULLET.sub("", first), *block[1:]]), style="List Bullet")
        elif len(block) > 1 and all(len(line) < 50 for line in block):
            for line in block:  # short lines typed one to a line: the header, an address
                document.add_paragraph(line)
        else:
            document.add_paragraph(" ".join(block))
    document.save(str(target))
    return target
