"""A real browser on a real server: headless Chromium (Debian ``chromium``) opens the home page,
a plan page and its network view from a live uvicorn process serving the five samples, finds the
drawn network, sees no JavaScript errors and no request leaving 127.0.0.1, checks that markup in
a task shows as text in the tooltip, and takes screenshots: into a temporary folder, or into
docs/ for the README with ``AGENCYNET_SCREENSHOTS=docs`` (so a test run leaves the tree clean)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from agencynet.neo4j_launcher import free_port
from store.embedded import EmbeddedStore
from support.stores import load_samples
from tests_app_helpers import HOSTILE

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    reason = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (or `make browser`)"
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true and the browser test cannot run: {reason}", pytrace=False)
    print(f"\n*** SKIPPING BROWSER TEST: {reason} ***", file=sys.stderr)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """uvicorn in a subprocess on a free 127.0.0.1 port, embedded store with the samples."""
    data = tmp_path_factory.mktemp("browser") / "data"
    store = EmbeddedStore(data)
    load_samples(store)
    store.close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "AGENCYNET_"))}
    env.update(AGENCYNET_DATA_DIR=str(data), AGENCYNET_ENV="development")
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            out = proc.stdout.read().decode(errors="replace") if proc.poll() is not None else ""
            proc.kill()
            pytest.fail(f"uvicorn did not come up on {base}: {out[-2000:]}")
        time.sleep(0.2)
    yield {"base": base, "data": data}
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    """A page that records console errors, page errors, dialogs and every request URL."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.seen = {"errors": [], "requests": [], "dialogs": []}
    pg.on("console", lambda m: m.type == "error" and pg.seen["errors"].append(m.text))
    pg.on("pageerror", lambda e: pg.seen["errors"].append(str(e)))
    pg.on("request", lambda r: pg.seen["requests"].append(r.url))
    pg.on("dialog", lambda d: (pg.seen["dialogs"].append(d.message), d.dismiss()))
    yield pg
    context.close()


def _assert_clean(pg, base: str) -> None:
    assert pg.seen["errors"] == [], f"JavaScript errors: {pg.seen['errors']}"
    leaving = [u for u in pg.seen["requests"] if not (u.startswith(base + "/") or u.startswith("data:"))]
    assert leaving == [], f"requests leaving 127.0.0.1: {leaving}"
    assert pg.seen["requests"], "no requests recorded"
    assert pg.seen["dialogs"] == [], f"a script ran: {pg.seen['dialogs']}"


def _network_state(pg) -> dict:
    pg.wait_for_function("document.body.dataset.networkReady === '1'", timeout=15000)
    return pg.evaluate("""() => {
        const net = window.agencynetNetwork;
        const canvas = document.querySelector('#mynetwork canvas');
        const ctx = canvas.getContext('2d');
        const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < img.length; i += 16) { if (img[i] > 0) inked++; }
        return {nodes: net.body.data.nodes.length, edges: net.body.data.edges.length,
                drawn: Object.keys(net.getPositions()).length, inked: inked,
                width: canvas.width, height: canvas.height};
    }""")


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where the screenshots go: docs/ when ``AGENCYNET_SCREENSHOTS=docs``, else a temporary folder."""
    return DOCS if os.environ.get("AGENCYNET_SCREENSHOTS") == "docs" else tmp_path


def test_home_plan_and_network_in_a_real_browser(page, live_server, shots):
    base = live_server["base"]
    page.goto(base + "/")
    assert page.locator("h1").inner_text() == "Agency responsibility networks"
    assert page.locator("table.grid").first.locator("tbody tr").count() == 5
    page.screenshot(path=str(shots / "screenshot-home.png"), full_page=True)

    # open the plan whose tasks are best assigned (lowest orphan rate): the clearest picture
    home = page.evaluate("() => fetch('/index.json').then(r => r.json())")
    best = min(home["plans"]["items"], key=lambda p: (p["orphan_rate"], p["id"]))
    page.locator(f'table.grid a[href="/plan/{best["id"]}"]').click()
    page.wait_for_load_state("load")
    assert page.url == f"{base}/plan/{best['id']}"
    rows = page.locator("table.tasks tbody tr").count()
    assert rows > 0
    page.screenshot(path=str(shots / "screenshot-plan.png"))

    page.get_by_role("link", name="Network view").click()
    page.wait_for_load_state("load")
    assert "/views/plan/" in page.url
    state = _network_state(page)
    twin = page.evaluate("(u) => fetch(u).then(r => r.json())", page.url + ".json")
    assert state["nodes"] == len(twin["nodes"]) > 0 and state["edges"] == len(twin["edges"])
    assert state["drawn"] == state["nodes"] and state["inked"] > 100, state
    page.screenshot(path=str(shots / "screenshot-network.png"))
    _assert_clean(page, base)


def test_other_views_and_pages_render_cleanly(page, live_server, shots):
    base = live_server["base"]
    page.goto(base + "/views/co-responsibility")
    assert _network_state(page)["nodes"] > 0
    page.goto(base + "/views/functions")
    assert _network_state(page)["nodes"] > 0
    page.goto(base + "/compare")
    assert page.locator("table.heat tbody tr").count() > 0
    page.screenshot(path=str(shots / "screenshot-compare.png"))
    page.goto(base + "/orphans")
    assert page.locator("table.grid").count() == 2
    page.screenshot(path=str(shots / "screenshot-orphans.png"))
    leader = page.evaluate("() => fetch('/index.json').then(r => r.json())")["top_leaders"][0]["id"]
    page.goto(base + f"/agency/{leader}")
    page.get_by_role("link", name="Ego network").click()
    page.wait_for_load_state("load")
    assert _network_state(page)["nodes"] > 1
    _assert_clean(page, base)


def test_api_docs_work_offline(page, live_server):
    base = live_server["base"]
    page.goto(base + "/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() > 20
    assert "agencynet" in page.locator(".swagger-ui .info .title").inner_text()
    _assert_clean(page, base)


def test_markup_in_a_task_is_text_in_page_and_tooltip(page, live_server):
    from support.graphs import make_graph

    base = live_server["base"]
    graph = make_graph("xss", n_tasks=4, city="cx", source_hash="hx")
    graph.tasks[1]["heading"] = HOSTILE
    store = EmbeddedStore(live_server["data"])
    try:
        store.load(graph)
    finally:
        store.close()
    page.goto(base + "/plan/p-xss")
    assert HOSTILE in page.locator("table.tasks").inner_text()
    assert page.locator("table.tasks script").count() == 0 and page.locator("table.tasks b").count() == 0

    page.goto(base + "/views/plan/p-xss")
    _network_state(page)
    point = page.evaluate("""() => {
        const net = window.agencynetNetwork;
        const p = net.canvasToDOM(net.getPositions(['p-xss-t2'])['p-xss-t2']);
        const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""")
    page.mouse.move(point["x"] + 40, point["y"] + 40)
    page.mouse.move(point["x"], point["y"], steps=5)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert HOSTILE in tip.inner_text()
    # text only: innerText turns line breaks into <br>, and nothing else becomes an element
    assert tip.locator(":not(br)").count() == 0
    assert "&lt;script&gt;" in tip.inner_html()
    _assert_clean(page, base)
