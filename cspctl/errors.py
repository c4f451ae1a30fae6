"""User errors: one clear message and an exit code, translated to output at the CLI edge."""

from __future__ import annotations


class CspError(Exception):
    """Something the user can fix: a bad option value, an unknown meeting, unreadable records.

    `exit_code` follows the command-line contract: 1 when the command cannot do what was asked,
    2 for a usage error.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
