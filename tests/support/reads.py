"""A real store that writes down what it is asked, to test that scoped calls read only their scope.

``ReadLog(store)`` passes every call through to the real store (embedded or Neo4j: nothing is
faked) and records the read methods called with their arguments. ``whole_store_reads()`` lists
the calls that read every plan (``plans()``, ``tasks()``, ``edges()``, ``agencies()``,
``collectives()``, ``agency_duties(None)`` ...); ``plans_read()`` the plan ids read one by one
or by list. ``many_plans(store)`` loads twelve small plans in four cities.
"""

from __future__ import annotations

from support.graphs import make_graph

WHOLE = {"plans", "agencies", "collectives"}           # every row of the store, whatever the arguments
BY_PLAN = {"tasks", "edges", "duty_counts", "orphan_tasks", "agency_duties", "function_duties",
           "flagged_tasks", "task_flag_counts", "agency_pairs"}  # every plan when the plan argument is None


class ReadLog:
    """The store's methods, each call recorded in ``calls`` as (name, args, kwargs)."""

    def __init__(self, store):
        self._store = store
        self.kind = store.kind
        self.calls: list[tuple] = []

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return attr(*args, **kwargs)
        return call

    def clear(self) -> None:
        self.calls.clear()

    def whole_store_reads(self) -> list[str]:
        out = []
        for name, args, kwargs in self.calls:
            first = args[0] if args else next(iter(kwargs.values()), None)
            if name in WHOLE or (name in BY_PLAN and first is None):
                out.append(name)
        return out

    def plans_read(self) -> set[str]:
        """Plan ids given to the per-plan reads (``plan``, ``tasks``, ``edges``, ...)."""
        out = set()
        for name, args, kwargs in self.calls:
            first = args[0] if args else next(iter(kwargs.values()), None)
            if name in BY_PLAN | {"plan"} and first is not None:
                out |= {first} if isinstance(first, str) else set(first)
        return out


def many_plans(store) -> list:
    """Twelve plans p-0 .. p-11 in cities c0 .. c3 (plan i in city c<i % 4>), loaded into ``store``."""
    graphs = [make_graph(str(i), city=f"c{i % 4}", n_tasks=4 + i % 5, n_agencies=5) for i in range(12)]
    store.load_many(graphs)
    return graphs
