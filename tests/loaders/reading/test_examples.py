"""The examples in the reading modules' docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["loaders.reading", "loaders.reading.decode", "loaders.reading.sniff", "loaders.reading.tables",
           "loaders.reading.numbering", "loaders.reading.failures"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
