"""The action log: every action across meetings and plans (`log`), its output formats,
recording progress in the meeting records (`edit`) and reminders to owners (`chase`)."""
