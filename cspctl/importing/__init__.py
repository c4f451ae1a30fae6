"""`cspctl import minutes`: a note taker's draft (.docx, .md, .txt) read into a drafted meeting record.

`sources` reads a file into numbered lines, `structure` recognises the header, attendance,
items and actions by the conventions of UK council minutes, `names` resolves people against
the register, `build` assembles the record and `write` writes it (canonical, atomic).
Every guess is a `Note` with the source line it came from.
"""
