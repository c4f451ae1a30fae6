"""Reviewing a pull request: what changed between two git revisions in governance terms
(`diff`, `changes`, `formats`), reading revisions (`gitrev`), and running the review rules."""
