"""The canary: a unique marker in every restricted section must appear in no page, file,
email or error page that anyone but the report's author, the conference's chair and the unit
can reach — and must appear in what those three can reach, so this test can fail."""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from tests.access.test_matrix import CANARY, CASES, USERS, sign_in_as, world  # noqa: F401

pytestmark = pytest.mark.django_db

# Who may read restricted sections here: the unit and the chair of the world's conferences.
ALLOWED = {"unit", "chair", "other_authority_unit"}


def readable_text(response) -> str:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "pdf" in content_type:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    if "wordprocessingml" in content_type:
        document = Document(io.BytesIO(body))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return body.decode("utf-8", errors="replace")


def reachable(client, world, user_key):  # noqa: F811
    """Every answer the matrix's URLs give this user, error pages included."""
    user = world.users[user_key]
    sign_in_as(client, world, user_key)
    for case in CASES:
        for target in case.targets:
            # Signed in again only after a page ended the session.
            if user is not None and client.session.get("_auth_user_id") != str(user.pk):
                client.force_login(user)
            url = reverse(case.name, args=case.args(world.records.get(target)))
            response = getattr(client, case.method)(url, follow=True)
            yield f"{case.method} {url}", readable_text(response)


@pytest.mark.parametrize("user_key", sorted(set(USERS) - ALLOWED - {"professional"}))
def test_the_restricted_marker_reaches_no_one_else(client, world, user_key):  # noqa: F811
    leaks = [where for where, text in reachable(client, world, user_key) if CANARY in text]

    assert not leaks, f"{user_key} reached restricted text at: {leaks}"
    assert not [m for m in mail.outbox if CANARY in m.body]


def test_a_professional_sees_only_their_own_restricted_section(client, world):  # noqa: F811
    own = world.records["own_draft"].pk
    reports_seen = set()
    for _, text in reachable(client, world, "professional"):
        reports_seen |= {int(pk) for pk in re.findall(rf"{CANARY} in report (\d+)", text)}

    assert reports_seen == {own}


@pytest.mark.parametrize("user_key", ["unit", "chair"])
def test_the_chair_and_the_unit_do_read_it(client, world, user_key):  # noqa: F811
    # The first page or file that shows it is enough: the rest need not be built.
    assert any(CANARY in text for _, text in reachable(client, world, user_key))
