"""The reviewer's path in a real browser: Playwright drives Debian's Chromium (nothing downloaded) against
``cchc serve`` started as a process. Upload the samples, see the findings, dismiss one with a reason,
reload and find it dismissed, re-ingest and find it still dismissed. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.flow, pytest.mark.web]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
UPLOADED = ["minh-duc-2022.pdf", "dong-hoa-2023.pdf", "dong-lac-2023.pdf", "phuoc-an-2021.docx"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is not installed: `make test` installs it (apt-get install -y chromium)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``cchc serve`` on a free loopback port, with its own store and data folder."""
    home = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = {**os.environ, "CCHC_DB": str(home / "store.sqlite"), "XDG_DATA_HOME": str(home / "data")}
    env.pop("CCHC_TOKEN", None)
    log = (home / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "cchc"), "serve", "--port", str(port), "--data-dir", str(home / "web")],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"cchc serve did not start: {(home / 'serve.log').read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)
    yield url
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.console_errors = errors
    yield page
    context.close()


def _shot(page: Any, name: str, *, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path


def _upload(page: Any, server: str, names: list[str]) -> None:
    page.goto(f"{server}/upload")
    page.set_input_files("input[name=files]", [str(SAMPLES / n) for n in names])
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/batches/*")
    page.wait_for_selector("p.status[data-status=done]", timeout=300_000)


def _open_report(page: Any, server: str, unit: str, year: int) -> None:
    page.goto(f"{server}/?year={year}")
    page.get_by_role("link", name=unit).click()
    page.wait_for_selector("section.findings")


def test_upload_see_dismiss_reload_reingest(server: str, page: Any) -> None:
    _upload(page, server, UPLOADED)
    rows = page.locator("table.batch tbody tr")
    assert rows.count() == len(UPLOADED)
    assert page.locator("tr.doc-done").count() == len(UPLOADED)
    _shot(page, "web-batch.png")

    page.goto(f"{server}/?year=2022")
    assert page.locator("table.overview tbody tr").count() == 1
    _open_report(page, server, "xã Minh Đức", 2022)
    findings = page.locator("article.finding")
    assert findings.count() == 12
    percent = page.locator("article.finding", has_text="percent_mismatch")
    assert "87,67" in percent.inner_text()
    image = percent.locator("figure.evidence img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    _shot(page, "web-report.png")
    percent.scroll_into_view_if_needed()
    _shot(page, "web-finding.png", full_page=False)  # the README's screenshot (docs/web-finding.png)

    gap = page.locator("article.finding[data-status=open]", has_text="numbering_gap")
    gap.locator("input[name=reason]").fill("Mục II đánh số theo mẫu của huyện")
    gap.get_by_role("button", name="Bỏ qua").click()
    page.wait_for_load_state()
    dismissed = page.locator("section.dismissed article.finding")
    assert dismissed.count() == 1 and dismissed.get_attribute("data-status") == "dismissed"
    assert "Mục II đánh số theo mẫu của huyện" in dismissed.locator("summary").inner_text()
    assert not dismissed.locator("p.message").is_visible()  # collapsed

    page.reload()
    dismissed = page.locator("section.dismissed article.finding")
    assert dismissed.count() == 1 and "numbering_gap" in dismissed.inner_text()
    assert page.locator("section.findings article.finding[data-status=open]").count() == 11

    # re-ingest: the same PDF again, and the DOCX of the same report (a new version with the same problem)
    _upload(page, server, ["minh-duc-2022.pdf", "minh-duc-2022.docx"])
    _open_report(page, server, "xã Minh Đức", 2022)
    assert "bản 2" in page.locator("dl.fields").inner_text()  # the DOCX is now the current version
    dismissed = page.locator("section.dismissed article.finding")
    assert dismissed.count() == 1 and "Mục II đánh số theo mẫu của huyện" in dismissed.inner_text()
    _shot(page, "web-report-reingested.png")
    assert page.console_errors == []


def test_unit_page_years_side_by_side(server: str, page: Any) -> None:
    page.goto(f"{server}/?year=2022")
    if page.locator("table.overview tbody tr").count() == 0:
        _upload(page, server, ["minh-duc-2022.pdf"])
        page.goto(f"{server}/?year=2022")
    page.get_by_role("link", name="so sánh").first.click()
    table = page.locator("table.years")
    assert "2022" in table.inner_text() and "83,97/100" in table.inner_text()
    assert page.console_errors == []
