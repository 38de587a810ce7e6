"""Every page of the demo, as each demo login, at a desk (1280 px) and on a phone during an
incident call (390 px): nothing runs off the side of the page, no control is cut off, and a
screenshot of each is kept for a person to look at (``BREACHCLOCK_SHOTS``, default
``/tmp/breachclock-pages``; ``off`` measures the pages without keeping pictures, as CI does).

The pages are found the way a person finds them: from the dashboard, following the product's
own links (downloads, feeds, the API and sign-out excepted), a handful per kind of page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

pytestmark = [pytest.mark.browser]

_SHOTS = os.environ.get("BREACHCLOCK_SHOTS", "/tmp/breachclock-pages")
SHOTS = None if _SHOTS == "off" else Path(_SHOTS)
WIDTHS = (1280, 390)
PASSWORD = "breachclock-demo"  # noqa: S105 - the documented demo password
LOGINS = ("demo", "sam.responder", "pat.privacy", "rita.rules")
SKIP = re.compile(
    r"^/(accounts/logout|api/|feeds/|static/|media/|admin/(logout|jsi18n)|outbox/.+\.eml)"
    r"|\.(ics|csv|pdf|zip|json|eml)$|/download/|/export|/evidence-pack/"
)
# Pages of one kind ("/incidents/12/", "/incidents/13/") are looked at a few times, not all.
PER_KIND = 2
MAX_PAGES = 80

# Layout faults found in the page, measured by the browser.
PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()


def kind_of(path: str) -> str:
    """``/incidents/12/`` and ``/rules/GDPR-33-DE/`` are pages of one kind."""
    return re.sub(r"/(\d+|[A-Z][A-Z0-9]*(-[A-Z0-9]+)+)(?=/|$)", "/N", path)


def crawl(page, base: str) -> list[str]:
    seen_kinds: dict[str, int] = {}
    todo, found = ["/"], []
    while todo and len(found) < MAX_PAGES:
        path = todo.pop(0)
        kind = kind_of(path)
        if path in found or seen_kinds.get(kind, 0) >= PER_KIND:
            continue
        try:
            response = page.goto(base + path)
        except PlaywrightError:  # a link that downloads a file (a ZIP, a PDF) is not a page
            continue
        if (
            response is None
            or response.status != 200
            or "text/html" not in (response.headers.get("content-type", ""))
        ):
            continue
        seen_kinds[kind] = seen_kinds.get(kind, 0) + 1
        found.append(path)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parts = urlsplit(href)
            if parts.netloc and parts.netloc != urlsplit(base).netloc:
                continue
            link = parts.path
            if not SKIP.search(link) and link not in found:
                todo.append(link)
    return found


@pytest.mark.parametrize("login", LOGINS)
def test_every_page_fits_a_desk_and_a_phone(chromium, live_server, rulebook, login):
    call_command("seed_demo", verbosity=0)
    context = chromium.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", login)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_load_state()
    pages = crawl(page, live_server.url)
    assert len(pages) >= 3, pages
    problems = []
    folder = SHOTS / login if SHOTS else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for path in pages:
            page.goto(live_server.url + path)
            problems += [f"{width}px {path}: {p}" for p in page.evaluate(PROBLEMS)]
            if folder:
                slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "dashboard"
                page.screenshot(path=str(folder / f"{slug}-{width}.png"), full_page=True)
    context.close()
    if folder:
        (folder / "problems.txt").write_text("\n".join(pages + [""] + problems) + "\n")
    assert problems == []
