"""`cspctl site`: the board's public website, built from the public view of the records.

A static site (works from `file://` and any static host): meetings, papers, minutes, the
forward plan, actions, decisions, attendance, people and organisations, a search page with an
index written at build time, an Atom feed, the iCalendar and open data JSON. Restricted
content is removed before any page is built (`records.public`); every page names the records
commit it was built from; the same commit builds the same bytes.
"""
