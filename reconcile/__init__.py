"""reconcile: compare news articles about one story across languages, claim by claim.

>>> from reconcile import compare
>>> result = compare("corpora/yang-hongxia-m6")          # doctest: +SKIP
>>> result.counts()                                       # doctest: +SKIP
"""

import logging

from reconcile.config import Config, load_config
from reconcile.errors import InputError, ReconcileError
from reconcile.pipeline import Pipeline, compare
from reconcile.report import Reconciliation

__version__ = "0.1.0"
__all__ = ["Config", "InputError", "Pipeline", "ReconcileError", "Reconciliation", "compare", "load_config"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
