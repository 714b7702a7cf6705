"""Errors that end in a one-line message and exit code 2, never a traceback."""

from __future__ import annotations


class NewslintError(Exception):
    """Base class: ``str(err)`` is the whole one-line message shown to users."""

    exit_code = 2


class UsageError(NewslintError):
    """Bad command-line use: an unknown rule code, conflicting options."""


class ConfigError(NewslintError):
    """A configuration file that cannot be read, parsed or validated."""


class InputError(NewslintError):
    """An input that cannot be read or decoded; it is never rewritten."""


class RuleError(NewslintError):
    """A rule that cannot be loaded, or a check that crashed or timed out."""
