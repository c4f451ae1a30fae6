"""Writing records between meetings: `fmt`, `new` meetings and reports, `approve`, forward-plan
edits, and the papers `status` of the next meeting (with its working days)."""
