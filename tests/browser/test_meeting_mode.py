"""Given a chair on a 1280x720 laptop with JavaScript turned off, when they open the
preparation (which passes axe-core) and run the meeting from it, then they go through the
agenda one section at a time by the "Next section" links, and every section — the reports'
long words included — fits the screen's width without scrolling sideways and passes
axe-core."""

import pytest

from tests.browser.accessibility import axe_violations
from tests.browser.conftest import sign_in_through_pages
from tests.preparation.builders import another_writer, submitted
from tests.report_scene import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP = {"width": 1280, "height": 720}
# A word with nowhere to break, as a pasted link or reference can be.
LONG_WORD = "https://example.org/" + "CaseReference" * 15


def _sideways_scroll(page) -> int:
    """How many pixels wider than the window the page is (0: it fits)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def _measure(page) -> tuple[int, list]:
    """With JavaScript off nothing can be measured in the page itself: the same page is opened
    again, signed in as the same person, in a twin of the laptop's window with it on."""
    context = page.context.browser.new_context(
        storage_state=page.context.storage_state(), locale="en-GB", viewport=LAPTOP
    )
    try:
        twin = context.new_page()
        twin.goto(page.url)
        return _sideways_scroll(twin), axe_violations(twin)
    finally:
        context.close()


def test_the_chair_runs_the_meeting_section_by_section_on_a_laptop(live_server, chromium, scene):
    submitted(scene, words=f"School words {LONG_WORD}.", scores=(3, 7))
    submitted(scene, another_writer(scene, "Harbour Health Visiting"), words="Health words.")
    context = chromium.new_context(
        locale="en-GB", timezone_id="Europe/London", java_script_enabled=False, viewport=LAPTOP
    )
    page = context.new_page()
    try:
        sign_in_through_pages(page, live_server.url, scene.chair, PASSWORD)
        page.goto(f"{live_server.url}/preparation/{scene.conference.pk}/")
        _overflow, violations = _measure(page)
        assert not violations, f"The preparation page: {violations}"
        page.get_by_role("link", name="Run the meeting, one agenda section at a time").click()

        titles = []
        while True:
            titles.append(page.locator("h1").inner_text())
            overflow, violations = _measure(page)
            assert overflow <= 0, f"{titles[-1]} is {overflow}px too wide"
            assert not violations, f"{titles[-1]}: {violations}"
            following = page.locator("a[data-next]").first
            if not following.count():
                break
            following.click()
            page.wait_for_load_state()
    finally:
        context.close()

    assert titles[0] == "1. Meeting with the family"
    assert len(titles) == 8
    assert titles[-1].endswith("Future meetings, feedback and appeal")
