"""axe-core, run in the real browser on the page a journey has reached.

axe-core comes from the npm registry (package.json pins it; `make setup` installs it). It is
evaluated through the browser's debugging protocol, so the app's content security policy,
which refuses inline scripts, stays on while the page is checked. Every checked page is also
saved as a screenshot under test-artifacts/, named after the test and the step.
"""

import json
import re
from pathlib import Path

from tests.browser.conftest import ARTIFACTS

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the public-sector accessibility duty.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
  }));
}"""


def axe_violations(page) -> list[dict]:
    """The WCAG 2.2 A and AA violations axe finds on the page as it stands."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, WCAG_AA_TAGS)


def _screenshot(page, test_name: str, step: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{test_name}-{step}".lower()).strip("-")
    page.screenshot(path=str(ARTIFACTS / f"{slug}.png"), full_page=True)


def check_page(page, test_name: str, step: str) -> None:
    """Save a screenshot of the page and fail, listing them, on any axe violation."""
    _screenshot(page, test_name, step)
    violations = axe_violations(page)
    assert not violations, f"{step} ({page.url}):\n" + json.dumps(violations, indent=2)


def check_page_without_javascript(page, test_name: str, step: str) -> None:
    """The same for a page in a browser with JavaScript off, where axe itself cannot run: the
    page is screenshotted as it is, then opened again, signed in as the same person, in a
    context where axe can run. (Pages reached by a form post are checked as they are shown
    after it, which is the same template.)"""
    _screenshot(page, test_name, step)
    browser = page.context.browser
    context = browser.new_context(storage_state=page.context.storage_state(), locale="en-GB")
    try:
        twin = context.new_page()
        twin.goto(page.url)
        violations = axe_violations(twin)
    finally:
        context.close()
    assert not violations, f"{step} ({page.url}):\n" + json.dumps(violations, indent=2)
