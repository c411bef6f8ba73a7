"""The database side of the kill-during-submission test, run in its own process with the
app's settings against the database made for the run (never the pytest test database):

    DATABASE_URL=postgres://…/cpconf_kill_… python -m tests.reliability.records build 200
    DATABASE_URL=postgres://…/cpconf_kill_… python -m tests.reliability.records state

`build` makes one conference with COUNT invited professionals, each with a completed draft
and a session that is signed in and past the second factor. It prints one JSON list: for
each author the report id, their name and the session cookie's value. `state` prints, as
JSON, what the database holds for every report, its versions and their audit events, and
what `cpconf verify_audit` says of the audit chain.

Speed matters (the test has a minute on two cores), so only the first report is filled in
through `section_save`; the others are given the same answers (with their own front sheet)
in one bulk update, and the sessions are written straight into the session store. The
server still decides, on each submission, whether a report is complete.
"""

import json
import sys
from io import StringIO
from typing import Any

import django


def signed_in_session(user: Any, device: Any) -> str:
    """What the session holds after the password and an authenticator code: the user, the
    backend, the password-hash check, the device that passed, and the sign-in times."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpRequest
    from django_otp import DEVICE_ID_SESSION_KEY

    from cpconf.accounts.services import user_session_start

    request = HttpRequest()
    request.session = SessionStore()
    request.session[SESSION_KEY] = str(user.pk)
    request.session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    request.session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    user_session_start(request=request, user=user)
    request.session.save()
    return str(request.session.session_key)


def same_answers(reports: list[Any]) -> None:
    """Give every report the answers the first was given through the services."""
    from cpconf.reports.models import (
        ProfessionalReport,
        ReportSection,
        ReportStatus,
        SectionState,
    )
    from tests.report_scene import answers_for, complete

    reference = complete(reports[0])
    sections = []
    for report in reports[1:]:
        answers = answers_for(report)
        for section in report.sections.all():
            section.content = answers.get(section.key, section.content)
            section.state = SectionState.COMPLETED
            section.revision += 1
            sections.append(section)
    ReportSection.objects.bulk_update(sections, ["content", "state", "revision"], batch_size=500)
    shared = ProfessionalReport.objects.filter(pk__in=[r.pk for r in reports[1:]])
    shared.update(status=ReportStatus.SHARED)
    reference.refresh_from_db()
    if reference.status != ReportStatus.SHARED:
        raise RuntimeError("The services no longer mark a shared report so: update this.")


def build(count: int) -> list[dict[str, Any]]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cpconf.accounts.models import Role
    from cpconf.accounts.second_factor import AUTHENTICATOR_NAME
    from cpconf.reports.services import report_start
    from tests.factories import (
        AgencyFactory,
        ChildFactory,
        ConferenceFactory,
        FamilyFactory,
        InvitationFactory,
        LocalAuthorityFactory,
        user_with_role,
    )

    authority = LocalAuthorityFactory(policy_name="northshire")
    family = FamilyFactory(local_authority=authority, name="Hartwell")
    ChildFactory(family=family, given_name="Lily")
    ChildFactory(family=family, given_name="Noah")
    conference = ConferenceFactory(family=family, chair=user_with_role(Role.CHAIR, authority))
    agencies = [AgencyFactory(local_authority=authority) for _ in range(10)]
    reports, authors = [], []
    for number in range(count):
        agency = agencies[number % len(agencies)]
        author = user_with_role(
            Role.PROFESSIONAL, authority, agency=agency, job_title="Family support worker"
        )
        InvitationFactory(conference=conference, invitee=author, agency=agency)
        reports.append(report_start(conference=conference, author=author, agency=agency))
        device = TOTPDevice.objects.create(user=author, name=AUTHENTICATOR_NAME, confirmed=True)
        authors.append(
            {
                "report": reports[-1].pk,
                "name": author.get_full_name(),
                "session": signed_in_session(author, device),
            }
        )
    same_answers(reports)
    from cpconf.reports.selectors import fingerprint_to_sign

    for author_row, report in zip(authors, reports, strict=True):
        # What each author's check page carries: the report as it showed it.
        author_row["shown"] = fingerprint_to_sign(report)
    return authors


def state() -> dict[str, Any]:
    """Every report as the database holds it: its status, and each version with whether its
    fingerprint verifies, whether it holds the working copy it froze, and its audit events."""
    from cpconf.audit.models import AuditEvent
    from cpconf.records import fingerprint
    from cpconf.reports.models import ProfessionalReport, ReportVersion
    from cpconf.reports.selectors import version_content

    events: dict[str, int] = {}
    for object_id in AuditEvent.objects.filter(
        action="report_submitted", object_type="reports.reportversion"
    ).values_list("object_id", flat=True):
        events[object_id] = events.get(object_id, 0) + 1
    reports = {}
    for report in ProfessionalReport.objects.prefetch_related("versions", "sections"):
        reports[str(report.pk)] = {
            "status": report.status,
            "submitted_at": report.submitted_at is not None,
            "versions": [
                {
                    "number": version.number,
                    "fingerprint_verifies": fingerprint(version.content) == version.fingerprint,
                    "holds_the_working_copy": version.content == version_content(report),
                    "audit_events": events.pop(str(version.pk), 0),
                }
                for version in report.versions.all()
            ],
        }
    known = {str(pk) for pk in ReportVersion.objects.values_list("pk", flat=True)}
    return {
        "reports": reports,
        "events_for_no_version": sorted(set(events) - known),
        "verify_audit": verify_audit(),
    }


def verify_audit() -> str:
    """What `cpconf verify_audit` says of the chain (run here, to start Django once)."""
    from django.core.management import CommandError, call_command

    said = StringIO()
    try:
        call_command("verify_audit", stdout=said)
    except CommandError as broken:
        return str(broken)
    return said.getvalue()


if __name__ == "__main__":
    django.setup()
    from django.db import transaction

    if sys.argv[1] == "build":
        with transaction.atomic():  # one commit, not one per service call
            print(json.dumps(build(int(sys.argv[2]))))
    else:
        print(json.dumps(state()))
