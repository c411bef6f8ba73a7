"""The coach on the page: each sentence of a section beside its kind (fact, observation,
allegation, opinion) and where it comes from, shown without JavaScript after a save or a
"Check my writing", and as the author pauses with it. Suggestions read once ("Try: …"), not
"Try: Try: …"."""

import html
import re

import pytest
from django.urls import reverse

from tests.report_scene import save, start

pytestmark = pytest.mark.django_db

WRITING = (
    "Noah told me that Dad hit him with a belt. "
    "When I visited on 3 May, the kitchen was clean. "
    "In my view Mum needs more help at bedtime. "
    "Lily's attendance this term is 91%."
)
EXPECTED = [
    ("Noah told me that Dad hit him with a belt.", "Allegation", "someone you name"),
    ("When I visited on 3 May, the kitchen was clean.", "Observation", "you"),
    ("In my view Mum needs more help at bedtime.", "Opinion", "you"),
    ("Lily's attendance this term is 91%.", "Fact", "a record"),
]
JARGON = "Mum is presenting as low in mood."


def _sentence_rows(page: str) -> list[str]:
    """Each sentence's list item, tags and all, as plain text."""
    listing = page.split('class="govuk-list cpconf-coach__sentences"', 1)[1].split("</ol>", 1)[0]
    items = re.findall(r"<li\b.*?</li>", listing, re.DOTALL)
    return [html.unescape(" ".join(re.sub(r"<[^>]+>", " ", item).split())) for item in items]


def test_each_sentence_is_shown_with_its_kind_and_source_after_a_save(client, scene):
    report = start(scene)
    save(report, "worries", {"text": WRITING}, completed=False)
    client.force_login(scene.author)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()

    rows = _sentence_rows(page)
    assert len(rows) == len(EXPECTED)
    for row, (sentence, kind, source) in zip(rows, EXPECTED, strict=True):
        assert sentence in row
        assert f"{kind} " in row
        assert f"Source: {source}" in row
    assert 'class="govuk-tag govuk-tag--pink">Allegation<' in page


def test_check_my_writing_saves_and_comes_back_to_the_coach(client, scene):
    report = start(scene)
    client.force_login(scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])
    page = client.get(url).content.decode()
    assert "Check my writing" in page
    revision = re.search(r'name="revision" value="(\d+)"', page).group(1)

    response = client.post(
        url, {"text": WRITING, "revision": revision, "completed": "no", "check_writing": "1"}
    )

    assert response.status_code == 302
    assert response.url.startswith(url)
    rows = _sentence_rows(client.get(url).content.decode())
    assert len(rows) == len(EXPECTED)
    assert rows[-1].startswith("Fact Source: a record Lily's attendance this term is 91%.")
    assert report.sections.get(key="worries").content["text"] == WRITING


def test_an_empty_section_lists_no_sentences(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()

    assert _sentence_rows(page) == []
    assert "Your sentences will appear here" in page


def test_the_live_coach_gives_each_sentence_its_kind_and_source(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    result = client.post(reverse("reports:coach", args=[report.pk, "worries"]), {"text": WRITING})

    sentences = result.json()["sentences"]
    assert [(s["text"], s["kind_label"], s["source_label"]) for s in sentences] == EXPECTED
    assert [s["kind"] for s in sentences] == ["allegation", "observation", "opinion", "fact"]
    assert [s["source"] for s in sentences] == ["third_party", "author", "author", "record"]
    assert all(s["tag"].startswith("govuk-tag--") and s["why"] for s in sentences)


def test_a_suggestion_says_try_once(client, scene):
    report = start(scene)
    save(report, "worries", {"text": JARGON}, completed=False)
    client.force_login(scene.author)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()
    live = client.post(reverse("reports:coach", args=[report.pk, "worries"]), {"text": JARGON})

    assert "Try: seemed, or looked" in page
    assert "Try: Try:" not in page
    assert not re.search(r"Try:\s*Try:", page)
    suggestion = next(f["suggestion"] for f in live.json()["findings"] if f["rule"] == "jargon")
    assert suggestion.startswith("Try: ") and not suggestion.startswith("Try: Try:")


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("Mum said she was tired after work.", False),
        ("Her partner told me he had stopped drinking.", False),
        ("Mum said she was proud of him.", True),
        ("She was tired at school on Monday.", True),
    ],
)
def test_a_pronoun_for_an_adult_is_not_an_unclear_child(client, scene, text, unclear):
    report = start(scene)
    client.force_login(scene.author)

    result = client.post(reverse("reports:coach", args=[report.pk, "worries"]), {"text": text})

    rules = {finding["rule"] for finding in result.json()["findings"]}
    assert ("ambiguous_child" in rules) is unclear
