"""Writing a report in pages: start, the task list, a page per section, saving, conflicts."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from cpconf.reports import selectors, services
from cpconf.reports.models import ProfessionalReport, ReportStatus, SectionState
from tests.accounts.signing_in import sign_in_fully
from tests.report_scene import PASSWORD, save, start

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_an_invited_professional_starts_a_report_with_the_front_sheet_filled_in(client, scene):
    signed_in(client, scene.author)

    response = client.post(reverse("reports:start", args=[scene.conference.pk]))

    report = ProfessionalReport.objects.get(conference=scene.conference, author=scene.author)
    assert response.url == reverse("reports:task_list", args=[report.pk])
    assert report.form_key == "initial"
    assert report.status == ReportStatus.DRAFT
    front = report.sections.get(key="front_sheet").content
    assert front == {
        "name": "Priya Shah",
        "role": "Designated safeguarding lead",
        "workplace": "Alder Primary",
        "email": scene.author.email,
    }
    names = [c["name"] for c in report.sections.get(key="children").content["children"]]
    assert names == ["Lily Hartwell", "Noah Hartwell"]


def test_someone_not_invited_cannot_start_a_report(client, scene):
    outsider = scene.unit
    signed_in(client, outsider)

    response = client.post(reverse("reports:start", args=[scene.conference.pk]))

    assert response.status_code == 404
    assert not ProfessionalReport.objects.exists()


def test_the_task_list_shows_every_section_with_its_state(client, scene):
    report = start(scene)
    save(report, "worries", {"text": "Lily has missed 9 days this term."}, completed=True)
    save(report, "going_well", {"text": "Noah is settled."}, completed=False)
    signed_in(client, scene.author)

    page = client.get(reverse("reports:task_list", args=[report.pk])).content.decode()

    form = selectors.form_of(report)
    for section in form.sections:
        assert reverse("reports:part", args=[report.pk, section.key]) in page
    statuses = dict(re.findall(r'id="task-(\w+)-status">\s*(?:<strong[^>]*>)?([^<]+)', page))
    assert statuses["worries"].strip() == "Completed"
    assert statuses["going_well"].strip() == "In progress"
    assert statuses["involvement"].strip() == "Not yet started"
    assert "You have completed" in page


def test_a_section_page_saves_and_returns_to_the_task_list(client, scene):
    report = start(scene)
    signed_in(client, scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])

    response = client.post(url, {"revision": 0, "text": "Lily arrives hungry.", "completed": "yes"})

    assert response.url == reverse("reports:task_list", args=[report.pk])
    section = report.sections.get(key="worries")
    assert section.content == {"text": "Lily arrives hungry."}
    assert section.state == SectionState.COMPLETED
    assert section.revision == 1


def test_the_authors_agency_prompts_are_shown_with_the_question(client, scene):
    report = start(scene)
    form = selectors.form_of(report)
    worries = form.section("worries")
    signed_in(client, scene.author)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()

    assert escape(worries.question) in page
    for prompt in worries.agency_prompts["school"]:
        assert escape(prompt) in page
    for prompt in worries.agency_prompts["health"]:
        assert escape(prompt) not in page


def test_a_gp_sees_the_health_prompts(client, scene):
    from cpconf.organisations.models import AgencyKind

    agency = scene.colleague.role_assignments.get().agency
    agency.kind = AgencyKind.GP
    agency.save()
    report = start(scene, author=scene.colleague)
    worries = selectors.form_of(report).section("worries")
    signed_in(client, scene.colleague)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()

    assert all(escape(prompt) in page for prompt in worries.agency_prompts["health"])
    assert not any(escape(prompt) in page for prompt in worries.agency_prompts["school"])


def test_a_stock_answer_is_one_click(client, scene):
    report = start(scene)
    worries = selectors.form_of(report).section("worries")
    answer = worries.stock_answers[0]
    signed_in(client, scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])
    assert f'value="{escape(answer)}"' in client.get(url).content.decode()

    client.post(url, {"revision": 0, "text": "", "stock_answer": answer})

    assert report.sections.get(key="worries").content == {"text": answer}


def test_a_stock_answer_the_section_does_not_accept_is_ignored(client, scene):
    report = start(scene)
    signed_in(client, scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])

    client.post(url, {"revision": 0, "text": "Typed words", "stock_answer": "Anything at all"})

    assert report.sections.get(key="worries").content == {"text": "Typed words"}


def test_a_second_tab_saving_the_same_section_gets_both_versions_and_nothing_is_overwritten(
    client, scene
):
    report = start(scene)
    signed_in(client, scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])
    client.post(url, {"revision": 0, "text": "Written in the first tab."})

    response = client.post(url, {"revision": 0, "text": "Written in the second tab."})

    assert response.status_code == 409
    page = response.content.decode()
    assert "This section was saved somewhere else after you opened it" in page
    assert "Written in the first tab." in page
    assert "Written in the second tab." in page
    assert report.sections.get(key="worries").content == {"text": "Written in the first tab."}
    # Choosing "Save my version" posts with the saved revision, and then it is kept.
    assert 'name="revision" value="1"' in page
    client.post(url, {"revision": 1, "text": "Written in the second tab."})
    assert report.sections.get(key="worries").content == {"text": "Written in the second tab."}


def test_autosave_answers_json_and_refuses_a_stale_revision(client, scene):
    report = start(scene)
    signed_in(client, scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])

    first = client.post(
        url, {"revision": 0, "text": "Draft one", "completed": "yes"}, HTTP_X_CPCONF_AUTOSAVE="1"
    )
    stale = client.post(
        url, {"revision": 0, "text": "Draft from elsewhere"}, HTTP_X_CPCONF_AUTOSAVE="1"
    )
    beacon = client.post(url, {"revision": 1, "text": "Draft two", "autosave": "1"})

    assert first.status_code == 200 and first.json()["revision"] == 1
    assert stale.status_code == 409 and stale.json()["conflict"] is True
    assert beacon.status_code == 200 and beacon.json()["revision"] == 2
    section = report.sections.get(key="worries")
    assert section.content == {"text": "Draft two"}
    assert section.state == SectionState.IN_PROGRESS  # an autosave never marks it completed


def test_another_professional_cannot_open_or_save_the_authors_sections(client, scene):
    report = start(scene)
    signed_in(client, scene.colleague)
    url = reverse("reports:part", args=[report.pk, "worries"])

    assert client.get(url).status_code == 404
    assert client.post(url, {"revision": 0, "text": "Not mine"}).status_code == 404
    assert report.sections.get(key="worries").content == {}


def test_every_part_page_renders(client, scene):
    report = start(scene)
    signed_in(client, scene.author)

    for section in report.sections.all():
        response = client.get(reverse("reports:part", args=[report.pk, section.key]))
        assert response.status_code == 200, section.key
        assert "Have you completed this section?" in response.content.decode()


def test_signing_in_with_the_password_reaches_the_report(client, scene):
    report = start(scene)

    sign_in_fully(client, scene.author, PASSWORD)

    assert client.get(reverse("reports:task_list", args=[report.pk])).status_code == 200


SHARE_WARNING = "The date to share this report with the family has passed"


def test_the_share_by_date_is_shown_and_a_warning_once_it_has_passed(client, scene):
    import datetime as dt

    from django.utils import timezone

    # Northshire: shared with the family at least 3 days before; this meeting is in 2 days.
    scene.conference.starts_at = timezone.now() + dt.timedelta(days=2)
    scene.conference.save()
    report = start(scene)
    client.force_login(scene.author)
    deadline = services.deadlines_for(scene.conference).share_with_family_by

    task_list = client.get(reverse("reports:task_list", args=[report.pk])).content.decode()
    sharing = client.get(reverse("reports:part", args=[report.pk, "sharing"])).content.decode()

    shown = timezone.localtime(deadline).strftime("%A %-d %B %Y, %H:%M")
    assert shown in task_list and shown in sharing
    assert SHARE_WARNING in task_list and SHARE_WARNING in sharing
    save(report, "sharing", {"shared": "no", "not_shared_reason": "Mother in hospital"})
    task_list = client.get(reverse("reports:task_list", args=[report.pk])).content.decode()
    assert SHARE_WARNING not in task_list


def test_no_warning_while_there_is_time_to_share(client, scene):
    report = start(scene)  # the meeting is three weeks away
    client.force_login(scene.author)

    page = client.get(reverse("reports:task_list", args=[report.pk])).content.decode()

    assert SHARE_WARNING not in page


def test_a_health_visitor_is_prompted_about_an_unborn_babys_antenatal_care(client, scene):
    from cpconf.organisations.models import AgencyKind

    agency = scene.colleague.role_assignments.get().agency
    agency.kind = AgencyKind.HEALTH
    agency.save()
    report = start(scene, author=scene.colleague)
    signed_in(client, scene.colleague)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()

    assert "For an unborn baby: when the mother booked for antenatal care" in page
    assert "antenatal appointments and scans missed or kept" in page
