"""Sharing is recorded per version. Amending a shared report makes a new version whose sharing
is not yet recorded: the author is asked to record it, the unit counts the report as not
shared, and the family is told a newer version exists that has not been shared with them yet
(reading none of it, nor the words it corrected, until it is)."""

import pytest
from django.urls import reverse

from cpconf.portal.selectors import member_for, newer_versions_not_shared, shared_reports_for
from cpconf.reports import services
from cpconf.reports.received import board_rows, summarise
from tests.report_scene import complete, save, start, submit

pytestmark = pytest.mark.django_db

NOT_YET = {"shared": "no", "not_shared_reason": "Mother is away until Friday"}


@pytest.fixture
def shared(scene):
    """Version 1, shared with the family."""
    report = complete(start(scene))
    submit(report)
    return report


def amend(report, words: str = "New information from the GP.") -> None:
    services.report_amend(report=report, reason="New information", actor=report.author)
    old = report.sections.get(key="worries").content["text"]
    save(report, "worries", {"text": f"{old} {words}"})


def sharing_of(report) -> dict:
    return report.sections.get(key="sharing").content


def test_amending_starts_the_new_versions_sharing_afresh(shared):
    recorded = shared.versions.get().content["parts"]["sharing"]
    assert recorded["shared"] == "yes"

    amend(shared)

    assert sharing_of(shared) == {}
    # The version the family was given keeps its own record.
    assert shared.versions.get(number=1).content["parts"]["sharing"] == recorded


def test_the_author_is_asked_to_record_sharing_for_the_new_version(client, scene, shared):
    amend(shared)
    client.force_login(scene.author)

    page = client.get(reverse("reports:task_list", args=[shared.pk])).content.decode()

    assert 'id="share-new-version"' in page
    assert reverse("reports:part", args=[shared.pk, "sharing"]) in page
    with pytest.raises(services.ReportIncomplete) as refused:
        submit(shared)
    assert "sharing" in {m.key for m in refused.value.missing}


def test_no_request_to_share_while_the_new_versions_sharing_is_recorded(client, scene, shared):
    amend(shared)
    save(shared, "sharing", NOT_YET)
    client.force_login(scene.author)

    page = client.get(reverse("reports:task_list", args=[shared.pk])).content.decode()

    assert 'id="share-new-version"' not in page


def test_the_unit_counts_an_amended_report_as_not_shared(scene, shared):
    assert summarise(scene.conference).not_shared == 1  # the colleague has not started

    amend(shared)
    assert summarise(scene.conference).not_shared == 2
    save(shared, "sharing", NOT_YET)
    submit(shared)

    row = next(r for r in board_rows(scene.conference) if r.report == shared)
    assert not row.shared
    assert summarise(scene.conference).not_shared == 2


def test_the_family_is_told_of_a_newer_version_not_yet_shared_and_reads_none_of_it(
    client, scene, shared
):
    amend(shared, "Noah missed two appointments.")
    save(shared, "sharing", NOT_YET)
    submit(shared)
    member = member_for(scene.parent)

    # The words they were given may be what was corrected: the report waits for sharing.
    assert shared_reports_for(member) == []
    (waiting,) = newer_versions_not_shared(member, scene.conference)
    assert (waiting.report, waiting.version.number) == (shared, 2)
    client.force_login(scene.parent)
    meeting = client.get(reverse("portal:conference", args=[scene.conference.pk]))
    page = meeting.content.decode()
    assert "changed their report on" in page and "has not been shared with you yet" in page
    assert "Noah missed two appointments" not in page
    assert client.get(reverse("portal:report", args=[shared.pk])).status_code == 404


def test_no_notice_before_an_amendment_is_signed(client, scene, shared):
    amend(shared)
    member = member_for(scene.parent)

    assert [s.version.number for s in shared_reports_for(member)] == [1]
    assert newer_versions_not_shared(member, scene.conference) == []


def test_once_the_new_version_is_shared_the_family_reads_it_and_no_notice_remains(
    client, scene, shared
):
    amend(shared, "Noah missed two appointments.")
    save(shared, "sharing", NOT_YET)
    submit(shared)
    amend(shared, "Shared at the core group.")
    save(shared, "sharing", shared.versions.get(number=1).content["parts"]["sharing"])
    submit(shared)

    member = member_for(scene.parent)
    (seen,) = shared_reports_for(member)
    assert seen.version.number == 3
    assert newer_versions_not_shared(member, scene.conference) == []
    client.force_login(scene.parent)
    page = client.get(reverse("portal:report", args=[shared.pk])).content.decode()
    assert "Noah missed two appointments" in page
