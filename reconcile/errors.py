"""The errors reconcile raises on purpose: each message is one line a user can act on."""


class ReconcileError(Exception):
    """Base class: the CLI prints the message and exits non-zero, without a traceback."""


class InputError(ReconcileError):
    """A file, folder or option given by the user cannot be used as it is."""


class UnsupportedLanguageError(InputError):
    """A document is in a language reconcile has no rules for."""


class OutputError(ReconcileError):
    """A report cannot be written where it was asked to go."""
