"""Demo records for the family portal, written after the reports and the outcome letters
(see cpconf.demo.seeding.LATER_PARTS): the demo parents' comments on reports shared with them,
a parents' report for the Ashdown review, Kelly Ashdown's access needs and feedback. All fictional.

Found by natural keys, so running the demo again adds nothing."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from cpconf.families.models import FamilyMember
from cpconf.portal.models import (
    AccessNeeds,
    Answer,
    ConferenceFeedback,
    ParentsReport,
    ParentsReportKind,
    ReportComment,
)
from cpconf.reports.models import ProfessionalReport, ReportStatus

DOMAIN = "@northshire.example"


@dataclass(frozen=True)
class CommentData:
    member_email: str
    conference: str
    author_email: str
    text: str


COMMENTS = (
    CommentData(
        "kelly.ashdown",
        "ashdown-initial",
        "rachel.whitmore",
        "I agree Lily is happier at school. She still gets upset when her dad's name comes "
        "up, and I want the school to know that is why.",
    ),
    CommentData(
        "jason.carter",
        "carter-first-review",
        "daniel.osei",
        "Tyler has been going in every day since half term. I take him myself now.",
    ),
)

PARENTS_REPORTS = (
    (
        "kelly.ashdown",
        "ashdown-review",
        ParentsReportKind.REPORT,
        "What is going well: Lily goes to school every day and Mason sleeps in his own bed. "
        "Shaun does the school run on Mondays.\n\nWhat I am worried about: money, since my "
        "hours were cut.\n\nWhat I think needs to happen: help with the bills, and for Poppy "
        "to start nursery.",
    ),
    (
        "jason.carter",
        "carter-second-review",
        ParentsReportKind.SAFETY_PLAN,
        "If I feel low I will ring my mum Pauline, and she will have Ruby and Tyler for the "
        "night. I will keep going to my group on Thursdays.",
    ),
)


def _member(seeded: Any, name: str) -> FamilyMember | None:
    user = seeded.users.get(f"{name}{DOMAIN}")
    return FamilyMember.objects.filter(user=user).first() if user else None


def _report(seeded: Any, conference: str, author: str) -> ProfessionalReport | None:
    meeting = seeded.conferences.get(conference)
    user = seeded.users.get(f"{author}{DOMAIN}")
    if meeting is None or user is None:
        return None
    return ProfessionalReport.objects.filter(
        conference=meeting, author=user, status=ReportStatus.SUBMITTED
    ).first()


def _seed_comments(seeded: Any) -> None:
    for item in COMMENTS:
        member = _member(seeded, item.member_email)
        report = _report(seeded, item.conference, item.author_email)
        version = report.versions.order_by("-number").first() if report else None
        if member is None or report is None or version is None:
            continue
        comment, created = ReportComment.objects.get_or_create(
            report=report,
            member=member,
            text=item.text,
            defaults={"version": version, "created_by": member.user, "modified_by": member.user},
        )
        seeded.summary.count(comment, created)


def _seed_parents_reports(seeded: Any) -> None:
    for name, conference_key, kind, text in PARENTS_REPORTS:
        member = _member(seeded, name)
        conference = seeded.conferences.get(conference_key)
        if member is None or conference is None:
            continue
        sent, created = ParentsReport.objects.get_or_create(
            conference=conference,
            member=member,
            kind=kind,
            defaults={
                "text": text,
                "sent_at": min(seeded.now, conference.starts_at - timedelta(days=4)),
                "created_by": member.user,
                "modified_by": member.user,
            },
        )
        seeded.summary.count(sent, created)


def _seed_kelly(seeded: Any) -> None:
    kelly = _member(seeded, "kelly.ashdown")
    if kelly is None:
        return
    needs, created = AccessNeeds.objects.get_or_create(
        member=kelly,
        defaults={"reading_support": True, "read_aloud": True, "created_by": kelly.user},
    )
    seeded.summary.count(needs, created)
    initial = seeded.conferences.get("ashdown-initial")
    if initial is None:
        return
    feedback, created = ConferenceFeedback.objects.get_or_create(
        conference=initial,
        member=kelly,
        defaults={
            "understood": Answer.YES,
            "listened_to": Answer.PARTLY,
            "reports_in_time": Answer.NO,
            "better": "Two reports came the night before. I did not have time to read them.",
            "created_by": kelly.user,
        },
    )
    seeded.summary.count(feedback, created)


def seed_demo_part(seeded: Any) -> None:
    _seed_comments(seeded)
    _seed_parents_reports(seeded)
    _seed_kelly(seeded)
