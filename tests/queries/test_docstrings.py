"""Every docstring example in ``queries`` runs and gives the answer it shows."""

import doctest
import importlib

import pytest

MODULES = ["frames", "ranking", "graphs", "centrality", "overload", "orphans", "compare"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"queries.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    if name != "frames":
        assert result.attempted > 0, f"queries.{name} has no runnable example"
