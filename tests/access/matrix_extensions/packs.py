"""Matrix rows for the conference pack: its page, release, downloads and merged chronology.

Each conference of the world gets both copies built (from a small placeholder pack, so the
matrix stays fast: what the real copies hold is tested in tests/packs), plus an own-family
conference whose pack is not released, which invited professionals may not open yet."""

from functools import cache
from typing import Any

from django.utils import timezone

from cpconf.documents import PackDocument, Section, pack_docx, pack_pdf
from cpconf.packs.models import ConferencePack, PackCopy, PackState
from tests.access.matrix_base import USERS, Case, pk
from tests.factories import ConferenceFactory, InvitationFactory

TARGETS = ("own_conference", "other_conference", "foreign_conference", "unreleased_conference")


@cache
def placeholder_files() -> tuple[bytes, bytes]:
    document = PackDocument(
        title="Conference pack",
        subtitle="Placeholder for the authorisation matrix",
        cover=(),
        front=(Section("Reports received", empty_text="None"),),
        reports=(),
    )
    return pack_pdf(document), pack_docx(document)


def extend_world(users: dict[str, Any], records: dict[str, Any]) -> None:
    own = records["own_conference"]
    unreleased = ConferenceFactory(family=own.family, chair=users["chair"], pack_released_at=None)
    professional = users["professional"]
    InvitationFactory(
        conference=unreleased,
        invitee=professional,
        agency=professional.role_assignments.get().agency,
    )
    records["unreleased_conference"] = unreleased
    pdf, docx = placeholder_files()
    for key in ("own_conference", "other_conference", "foreign_conference"):
        for copy in PackCopy.values:
            ConferencePack.objects.update_or_create(
                conference=records[key],
                copy=copy,
                defaults={
                    "state": PackState.READY,
                    "built_at": timezone.now(),
                    "pdf": pdf,
                    "docx": docx,
                },
            )


NOBODY = {user: "404 404 404 404" for user in USERS} | {"anonymous": "302 302 302 302"}
# The unit and the chair at any time; an invited professional once the pack is released.
READERS = NOBODY | {
    "professional": "200 404 404 404",
    "unit": "200 200 404 200",
    "chair": "200 404 404 200",
    "other_authority_unit": "404 404 200 404",
}
# The conference copy holds restricted sections: the unit's and the chair's only. Nothing is
# built for the unreleased conference.
CONFERENCE_COPY = READERS | {
    "professional": "404 404 404 404",
    "unit": "200 200 404 404",
    "chair": "200 404 404 404",
}
FAMILY_COPY = CONFERENCE_COPY | {"professional": "200 404 404 404"}

CASES = (
    Case("packs:detail", "get", TARGETS, pk, READERS),
    Case("packs:chronology", "get", TARGETS, pk, READERS),
    Case(
        "packs:release",
        "get",
        TARGETS,
        pk,
        {user: "405 405 405 405" for user in USERS} | {"anonymous": "302 302 302 302"},
    ),
    Case(
        "packs:release",
        "post",
        TARGETS,
        pk,
        NOBODY | {"unit": "302 302 404 302", "other_authority_unit": "404 404 302 404"},
    ),
    Case(
        "packs:download",
        "get",
        TARGETS,
        lambda c: (c.pk, "conference", "pdf"),
        CONFERENCE_COPY,
    ),
    Case(
        "packs:download",
        "get",
        TARGETS,
        lambda c: (c.pk, "family", "docx"),
        FAMILY_COPY,
    ),
)
