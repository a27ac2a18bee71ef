"""The local embedded Neo4j: build, start in the background, stop, report status.

``neo4j-embedded/`` holds a tiny Java program that runs Neo4j Community 5.26 embedded
with only the Bolt connector, on 127.0.0.1. This module builds it on first use
(:mod:`agencynet.neo4j_build`), starts it as a background process that outlives the
caller, waits until the official driver connects, and records pid and port in
``<home>/launcher.json`` so that ``agencynet neo4j stop`` in another process finds it.

Layout under ``home`` (``AGENCYNET_NEO4J_HOME``, default ``var/neo4j``)::

    launcher.json   pid, port, URI, data directory of the running server
    neo4j.pid       its pid
    ready           written by the Java side once Bolt listens
    neo4j.log       the server's console output
    data/           the database (unless another data_dir is given)
    build/          the Maven/javac build cache (AGENCYNET_NEO4J_BUILD_DIR overrides)

Nothing connects or starts at import time.

Examples
--------
>>> from agencynet import neo4j_launcher
>>> uri = neo4j_launcher.start()          # doctest: +SKIP
>>> neo4j_launcher.stop()                 # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from agencynet import neo4j_build
from agencynet.errors import Neo4jLauncherError, StoreUnavailable
from agencynet.settings import Settings, get_settings

PASSWORD_ENV = "AGENCYNET_NEO4J_LAUNCH_PASSWORD"  # read by Launcher.java; keeps it off the command line
HOST = "127.0.0.1"

# The module-opening flags Neo4j's own start scripts pass (server.jvm.additional in
# neo4j.conf of 5.x). The heap (-Xmx) and the page cache come from the settings
# (AGENCYNET_NEO4J_HEAP_MB, AGENCYNET_NEO4J_PAGECACHE_MB); see :func:`jvm_flags`.
JVM_FLAGS = [
    "-Xms128m",
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions", "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
]


class Neo4jLauncher:
    """One local Neo4j, described by its home directory.

    Parameters
    ----------
    home : Path
        State directory (pid/port file, log, default data directory).
    build_dir : Path, optional
        Build cache; default ``home / "build"``.
    port : int
        Default Bolt port for :meth:`start`.
    heap_mb, pagecache_mb : int, optional
        Java heap and Neo4j page cache in MB; default: the settings
        (``AGENCYNET_NEO4J_HEAP_MB``, ``AGENCYNET_NEO4J_PAGECACHE_MB``).
    """

    def __init__(self, home: Path, build_dir: Path | None = None, port: int = 7687,
                 heap_mb: int | None = None, pagecache_mb: int | None = None):
        self.home = Path(home).resolve()
        self.build_dir = Path(build_dir).resolve() if build_dir else self.home / "build"
        self.port = port
        if heap_mb is None or pagecache_mb is None:
            settings = get_settings()
            heap_mb = settings.agencynet_neo4j_heap_mb if heap_mb is None else heap_mb
            pagecache_mb = settings.agencynet_neo4j_pagecache_mb if pagecache_mb is None else pagecache_mb
        self.heap_mb = int(heap_mb)
        self.pagecache_mb = int(pagecache_mb)
        self.state_file = self.home / "launcher.json"
        self.pid_file = self.home / "neo4j.pid"
        self.ready_file = self.home / "ready"
        self.log_file = self.home / "neo4j.log"
        self._proc: subprocess.Popen | None = None  # our child, when this process started it

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Neo4jLauncher":
        """The launcher configured by ``AGENCYNET_NEO4J_HOME``/``_PORT``/``_BUILD_DIR``."""
        s = settings or get_settings()
        build_dir = getattr(s, "agencynet_neo4j_build_dir", None)
        if build_dir is not None and str(build_dir) in ("", "."):  # `AGENCYNET_NEO4J_BUILD_DIR=` means unset
            build_dir = None
        return cls(s.agencynet_neo4j_home, build_dir, s.agencynet_neo4j_port,
                   s.agencynet_neo4j_heap_mb, s.agencynet_neo4j_pagecache_mb)

    def build(self, force: bool = False) -> neo4j_build.Build:
        """Build the Java launcher unless cached (see :func:`agencynet.neo4j_build.build`)."""
        return neo4j_build.build(self.build_dir, force=force)

    def start(self, port: int | None = None, data_dir: Path | None = None, password: str | None = None,
              timeout: float = 120.0, watch_pid: int | None = None) -> str:
        """Start Neo4j in the background and return its Bolt URI once the driver connects.

        Parameters
        ----------
        port : int, optional
            Bolt port on 127.0.0.1 (default: the launcher's port).
        data_dir : Path, optional
            Database directory (default ``home / "data"``); kept between runs.
        password : str, optional
            Turn authentication on, user ``neo4j`` with this password. Default: off.
        timeout : float
            Seconds to wait for the driver to connect before giving up (and killing it).
        watch_pid : int, optional
            Stop the server when this process ends (the test fixture passes its own pid).

        Raises
        ------
        Neo4jLauncherError
            Already running, port taken, Java/Maven missing, build failed, the server
            exited during start-up or did not answer within ``timeout``.
        """
        port = port or self.port
        running = self.status()
        if running["running"]:
            raise Neo4jLauncherError(
                f"the local Neo4j is already running at {running['uri']} (pid {running['pid']}, "
                f"home {self.home}); stop it first with `agencynet neo4j stop`")
        if not _port_free(port):
            raise Neo4jLauncherError(f"port {port} on {HOST} is already in use; pick another "
                                     f"(--port or AGENCYNET_NEO4J_PORT)")
        java = neo4j_build.find_java()
        build = self.build()
        data_dir = Path(data_dir).resolve() if data_dir else self.home / "data"
        self.home.mkdir(parents=True, exist_ok=True)
        self.ready_file.unlink(missing_ok=True)
        cmd = [java, *self.jvm_flags(), "-cp", build.classpath, neo4j_build.MAIN_CLASS,
               "--data-dir", str(data_dir), "--port", str(port), "--ready-file", str(self.ready_file),
               "--pagecache-mb", str(self.pagecache_mb)]
        if watch_pid:
            cmd += ["--watch-pid", str(watch_pid)]
        env = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
        if password:
            env[PASSWORD_ENV] = password
        uri = f"bolt://{HOST}:{port}"
        started = time.monotonic()
        with self.log_file.open("wb") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    env=env, start_new_session=True, cwd=self.home)
        state = {"pid": proc.pid, "port": port, "uri": uri, "data_dir": str(data_dir),
                 "auth": bool(password), "log_file": str(self.log_file), "started_at": time.time(),
                 "heap_mb": self.heap_mb, "pagecache_mb": self.pagecache_mb}
        _write_json(self.state_file, state)
        self.pid_file.write_text(f"{proc.pid}\n", encoding="utf-8")
        try:
            self._wait_ready(proc, uri, password, started + timeout)
        except BaseException:
            _terminate(proc.pid, 10.0, proc)
            self._forget()
            raise
        self._proc = proc
        state["ready_seconds"] = round(time.monotonic() - started, 2)
        _write_json(self.state_file, state)
        return uri

    def jvm_flags(self) -> list[str]:
        """The ``java`` options: :data:`JVM_FLAGS` plus the heap limit (``-Xmx<heap_mb>m``)."""
        return [*JVM_FLAGS, f"-Xmx{self.heap_mb}m"]

    def _wait_ready(self, proc: subprocess.Popen, uri: str, password: str | None, deadline: float) -> None:
        last = "the server did not write its ready file"
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise Neo4jLauncherError(
                    f"the local Neo4j exited during start-up (exit {proc.returncode}); "
                    f"log {self.log_file}:\n{log_tail(self.log_file)}")
            if self.ready_file.exists():
                try:
                    check_bolt(uri, "neo4j", password or "", timeout=5.0)
                    return
                except StoreUnavailable as exc:
                    last = str(exc)
            time.sleep(0.2)
        raise Neo4jLauncherError(f"the local Neo4j did not answer at {uri} in time ({last}); "
                                 f"log {self.log_file}:\n{log_tail(self.log_file)}")

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM, then SIGKILL after ``timeout``).

        Returns
        -------
        bool
            True when a running server was stopped, False when none was running.
        """
        info = self.status()
        if not info["running"]:
            self._forget()
            return False
        proc = self._proc if self._proc is not None and self._proc.pid == info["pid"] else None
        _terminate(info["pid"], timeout, proc)
        self._proc = None
        self._forget()
        return True

    def status(self) -> dict:
        """What the state files say and whether that process is alive.

        Returns
        -------
        dict
            ``running`` (bool), ``pid``, ``port``, ``uri``, ``data_dir``, ``auth``,
            ``log_file``, ``home`` (``None`` values when nothing is recorded).
        """
        state = _read_json(self.state_file)
        info = {"running": False, "pid": None, "port": None, "uri": None, "data_dir": None,
                "auth": None, "log_file": str(self.log_file), "home": str(self.home)}
        if state and _is_launcher(state.get("pid")):
            info.update({k: state.get(k) for k in ("pid", "port", "uri", "data_dir", "auth", "log_file")})
            info["running"] = True
        return info

    def _forget(self) -> None:
        for path in (self.state_file, self.pid_file, self.ready_file):
            path.unlink(missing_ok=True)


def check_bolt(uri: str, user: str, password: str, timeout: float = 10.0) -> None:
    """Open one driver connection to ``uri`` with these credentials, or say why not.

    Raises
    ------
    StoreUnavailable
        Naming the URI and the cause: refused credentials, nothing listening, other.
    """
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=timeout,
                                        connection_acquisition_timeout=timeout) as driver:
            driver.verify_connectivity()
    except AuthError as exc:
        raise StoreUnavailable(uri, f"the server refused the credentials of user {user!r} "
                               f"(check NEO4J_USER / NEO4J_PASSWORD): {exc.message}") from exc
    except ServiceUnavailable as exc:
        raise StoreUnavailable(uri, f"no Neo4j answers there ({exc})") from exc
    except (Neo4jError, DriverError, OSError, ValueError) as exc:
        raise StoreUnavailable(uri, f"{type(exc).__name__}: {exc}") from exc


def log_tail(path: Path, lines: int = 15) -> str:
    """The last lines of a log file (empty string when there is none)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A Bolt port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _is_launcher(pid) -> bool:
    """True when ``pid`` is alive and is our Java launcher (guards against pid reuse)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    try:  # a zombie has an empty cmdline; another program has another one
        return neo4j_build.MAIN_CLASS.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return not Path("/proc/self").exists()  # no /proc (macOS): trust kill(0)


def _terminate(pid: int, timeout: float, proc: subprocess.Popen | None = None) -> None:
    """SIGTERM ``pid``, wait up to ``timeout`` s, then SIGKILL; reap it if it is our child."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                return
            if proc is None and not _is_launcher(pid):
                return
            time.sleep(0.1)
    raise Neo4jLauncherError(f"the local Neo4j (pid {pid}) did not stop even after SIGKILL")


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    tmp.replace(path)


def build(settings: Settings | None = None, force: bool = False) -> neo4j_build.Build:
    """Build (or reuse) the launcher configured by settings."""
    return Neo4jLauncher.from_settings(settings).build(force=force)


def start(port: int | None = None, data_dir: Path | None = None, password: str | None = None,
          timeout: float = 120.0, settings: Settings | None = None) -> str:
    """Start the local Neo4j configured by settings; see :meth:`Neo4jLauncher.start`."""
    return Neo4jLauncher.from_settings(settings).start(port, data_dir, password, timeout)


def stop(timeout: float = 60.0, settings: Settings | None = None) -> bool:
    """Stop the local Neo4j configured by settings; see :meth:`Neo4jLauncher.stop`."""
    return Neo4jLauncher.from_settings(settings).stop(timeout)


def status(settings: Settings | None = None) -> dict:
    """Status of the local Neo4j configured by settings; see :meth:`Neo4jLauncher.status`."""
    return Neo4jLauncher.from_settings(settings).status()
