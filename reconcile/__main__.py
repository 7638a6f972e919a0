"""`python -m reconcile` is the same as the `reconcile` command."""

from reconcile.cli import entry

entry()
