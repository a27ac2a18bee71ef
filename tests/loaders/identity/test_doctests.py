"""The examples in the identity and graph modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", ["loaders.identity.names", "loaders.identity.taxonomy",
                                    "loaders.identity.jurisdictions", "loaders.identity.resolve", "loaders.graph",
                                    "loaders.identity.shapes", "loaders.identity.collectives"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
