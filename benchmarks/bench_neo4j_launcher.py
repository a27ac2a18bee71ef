"""Time the local Neo4j launcher: build (cold and cached) and start until the driver connects.

Usage::

    .venv/bin/python -m benchmarks.bench_neo4j_launcher [--starts 3] [--cold-build] [--fresh-maven-repo]

``--cold-build`` rebuilds into a throwaway cache directory (Maven copies the jars from
``~/.m2``, javac compiles); add ``--fresh-maven-repo`` to also use an empty Maven repository,
which downloads all of Neo4j's jars from Maven Central (what a fresh machine pays once).
Each start uses a new empty data directory and a free port; it is timed from launching
``java`` to the first successful ``driver.verify_connectivity()``, then stopped (also timed).
Prints one line per figure; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from agencynet import neo4j_build
from agencynet.neo4j_launcher import Neo4jLauncher, free_port
from agencynet.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3, help="number of start/stop cycles")
    parser.add_argument("--cold-build", action="store_true", help="also time a build into an empty cache")
    parser.add_argument("--fresh-maven-repo", action="store_true", help="cold build with an empty ~/.m2 too")
    args = parser.parse_args()

    shared = Neo4jLauncher.from_settings(Settings()).build_dir
    with tempfile.TemporaryDirectory(prefix="agencynet-bench-neo4j-") as tmp:
        tmp = Path(tmp)
        if args.cold_build or args.fresh_maven_repo:
            if args.fresh_maven_repo:
                os.environ["MAVEN_OPTS"] = f"{os.environ.get('MAVEN_OPTS', '')} -Dmaven.repo.local={tmp / 'm2'}".strip()
            build = neo4j_build.build(tmp / "cold-cache", force=True)
            kind = "empty Maven repository (downloads)" if args.fresh_maven_repo else "jars already in ~/.m2"
            print(f"cold build ({kind}): {build.seconds:.1f} s")
        started = time.monotonic()
        neo4j_build.build(shared)
        print(f"build when cached: {time.monotonic() - started:.2f} s ({shared})")

        ready, stopped = [], []
        for i in range(args.starts):
            launcher = Neo4jLauncher(tmp / f"home-{i}", build_dir=shared)
            t0 = time.monotonic()
            launcher.start(port=free_port(), timeout=300)
            ready.append(time.monotonic() - t0)
            t0 = time.monotonic()
            launcher.stop()
            stopped.append(time.monotonic() - t0)
            print(f"start {i + 1}: driver-ready in {ready[-1]:.1f} s, stopped in {stopped[-1]:.1f} s")
        if ready:
            print(f"start to driver-ready: median {statistics.median(ready):.1f} s, "
                  f"min {min(ready):.1f} s, max {max(ready):.1f} s over {len(ready)} starts")
            print(f"clean stop: median {statistics.median(stopped):.1f} s")
        print(f"load average (1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
