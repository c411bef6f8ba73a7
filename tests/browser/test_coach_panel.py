"""The coach on the page in a real browser: as the author pauses, each sentence appears under
the text with its kind and source, and a suggestion reads "Try: …" once."""

import pytest

from cpconf.quality import analyse
from tests.browser.test_reports import sign_in
from tests.report_scene import start

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sentences_and_their_kinds_follow_the_typing(live_server, page, scene):
    report = start(scene)
    sign_in(page, live_server, scene.author)
    page.goto(f"{live_server.url}/reports/{report.pk}/parts/worries/")
    sentences = page.locator(".cpconf-coach__sentences li")
    assert sentences.count() == 0

    text = "Noah told me that Dad hit him. Mum is presenting as low in mood."
    page.locator("textarea[name=text]").fill(text)
    sentences.nth(1).wait_for(timeout=15000)

    assert sentences.nth(0).locator(".govuk-tag").inner_text() == "Allegation"
    assert "Source: someone you name" in sentences.nth(0).inner_text()
    # The second sentence's tag is whatever the coach itself reads it as.
    second = analyse(text, children=("Lily", "Noah")).sentences[1].kind
    assert sentences.nth(1).locator(".govuk-tag").inner_text() == second.capitalize()
    assert not page.locator(".cpconf-coach__sentences-empty").is_visible()
    suggestions = page.locator(".cpconf-coach__finding .govuk-hint").all_inner_texts()
    assert any(text.startswith("Try: seemed") for text in suggestions)
    assert not any("Try: Try:" in text for text in suggestions)
    # The page saves itself 3 s after typing stops, and sends anything unsaved when it is
    # closed: wait for that save to be answered, so nothing is left to send when the test
    # closes the page and the server is not writing while the test database is emptied.
    page.locator(".cpconf-autosave-status").get_by_text("Draft saved at").wait_for(timeout=15000)
