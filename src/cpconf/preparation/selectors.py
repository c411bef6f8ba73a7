"""The chair's preparation: every submitted report of a conference, read from its latest
version and laid out per child side by side; the quality coach's warnings and the family's
comments on each report; and the reports still outstanding (from the board).

Restricted sections are never put on this page: a report that has one is only marked, with
a link to the report itself. A fixed number of queries reads the whole conference, however
many reports and children it has.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cpconf.access import AnyUser
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.families.access_rules import children_visible_to
from cpconf.families.models import Child
from cpconf.preparation.history import (
    ChildScaling,
    family_scaling,
    latest_content,
    latest_version,
    newest_versions,
)
from cpconf.quality import Analysis, analyse
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts
from cpconf.reports.access_rules import reports_visible_to
from cpconf.reports.coach_cache import coach_cache_key, remembered_in_process
from cpconf.reports.coaching import COACHED_KINDS
from cpconf.reports.models import ProfessionalReport, ReportStatus, ReportVersion
from cpconf.reports.received import BoardRow, outstanding_rows
from cpconf.reports.selectors import assessment_key, form_of_version

# The Signs of Safety questions, by report form section key: the initial and the review
# forms word them differently but keep these keys.
QUESTIONS = (
    ("worries", gettext_lazy("What are we worried about?")),
    ("going_well", gettext_lazy("What is going well?")),
    ("needs_to_happen", gettext_lazy("What needs to happen?")),
)
# The warnings quoted on the page; the others are counted.
QUOTED_RULES = (
    ("unattributed_report", gettext_lazy("Reported without saying who said it")),
    ("opinion_as_fact", gettext_lazy("Opinion stated as fact")),
)
SHARING = "sharing"
PORTAL_COMMENTS = "portal_comments_oldest_first"


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    text: str
    in_form: bool  # False: this report's form has no such section


@dataclass(frozen=True)
class QuotedWarnings:
    rule: str
    label: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class CoachWarnings:
    """The coach's warnings on a report: `total` is the board's count. Warnings in the
    restricted section are counted, never quoted."""

    total: int
    quoted: tuple[QuotedWarnings, ...]
    in_restricted: int

    @property
    def others(self) -> int:
        return self.total - self.in_restricted - sum(len(q.sentences) for q in self.quoted)


@dataclass(frozen=True)
class ChildAssessment:
    score: int | None
    recommendation: str
    reason: str


@dataclass(frozen=True)
class PreparedReport:
    report: ProfessionalReport
    version: ReportVersion
    answers: tuple[Answer, ...]
    assessments: tuple[tuple[parts.ChildAssessment, ChildAssessment], ...]
    warnings: CoachWarnings
    comments: tuple[str, ...]
    sharing: str
    has_restricted: bool

    def assessment_for(self, child: Child) -> ChildAssessment | None:
        for entry, assessment in self.assessments:
            if entry.child_id == child.pk or (
                entry.child_id is None
                and entry.name.strip().casefold() == child.full_name.casefold()
            ):
                return assessment
        return None


@dataclass(frozen=True)
class ChildRow:
    prepared: PreparedReport
    assessment: ChildAssessment | None


@dataclass(frozen=True)
class ChildPreparation:
    child: Child
    rows: tuple[ChildRow, ...]
    scaling: ChildScaling


@dataclass(frozen=True)
class Preparation:
    conference: Conference
    children: tuple[ChildPreparation, ...]
    reports: tuple[PreparedReport, ...]
    outstanding: tuple[BoardRow, ...]


def family_comments(report: ProfessionalReport) -> list[str]:
    """The family's comments on a report: those its author recorded when sharing it (the
    latest version's sharing part), then those the family made in their portal, word for
    word, so every page that shows them reads this one function."""
    from cpconf.portal.selectors import comments_for  # the portal reads reports too

    content = latest_content(report) or {}
    comment = parts.Sharing.from_json(content.get(SHARING)).comments.strip()
    prefetched = getattr(report, PORTAL_COMMENTS, None)
    portal = [c.text for c in prefetched] if prefetched is not None else comments_for(report)
    return ([comment] if comment else []) + portal


def portal_comments() -> Prefetch:
    """The family's portal comments, oldest first, kept on the report (as `comments_for`
    orders them), so a page of many reports reads them in one query."""
    from cpconf.portal.models import ReportComment

    comments = ReportComment.objects.order_by("created_at", "pk")
    return Prefetch("family_comments", queryset=comments, to_attr=PORTAL_COMMENTS)


def _sentence_of(analysis: Analysis, start: int, words: str) -> str:
    for sentence in analysis.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.text.strip()
    return words


def coach_warnings(form: ReportForm, content: dict[str, Any]) -> CoachWarnings:
    """The coach's warnings, counted as the board counts them (`cpconf.reports.coaching`:
    every coached section, the same children), on the version the chair reads. A signed
    version never changes, so its warnings are worked out once per process and remembered
    by what they were read from (the coach reads every word: most of this page's time)."""
    return remembered_in_process(
        coach_cache_key("preparation", form, content),
        lambda: _coach_warnings(form, content),
    )


def _coach_warnings(form: ReportForm, content: dict[str, Any]) -> CoachWarnings:
    children = tuple(
        name
        for child in parts.Children.from_json(content.get(parts.CHILDREN)).children
        if (name := child.name.strip())
    )
    total = in_restricted = 0
    quoted: dict[str, list[str]] = {rule: [] for rule, _label in QUOTED_RULES}
    for section in form.sections:
        text = parts.TextPart.from_json(content.get(section.key)).text
        if section.kind not in COACHED_KINDS or not text:
            continue
        analysis = analyse(text, children=children, section=section.key)
        warnings = [f for f in analysis.findings if f.severity == "warning"]
        total += len(warnings)
        if section.kind == "restricted":
            in_restricted += len(warnings)
            continue
        for finding in warnings:
            if finding.rule in quoted:
                quoted[finding.rule].append(_sentence_of(analysis, finding.start, finding.text))
    return CoachWarnings(
        total=total,
        quoted=tuple(
            QuotedWarnings(rule, str(label), tuple(quoted[rule])) for rule, label in QUOTED_RULES
        ),
        in_restricted=in_restricted,
    )


def _answers(form: ReportForm, content: dict[str, Any]) -> tuple[Answer, ...]:
    keys = {section.key for section in form.sections}
    return tuple(
        Answer(key, str(question), parts.TextPart.from_json(content.get(key)).text, key in keys)
        for key, question in QUESTIONS
    )


def _assessments(
    form: ReportForm, content: dict[str, Any]
) -> tuple[tuple[parts.ChildAssessment, ChildAssessment], ...]:
    labels = dict(form.recommendations)
    entries = parts.Assessment.from_json(content.get(assessment_key(form))).children
    return tuple(
        (
            entry,
            ChildAssessment(
                score=entry.scaling,
                recommendation=labels.get(entry.recommendation, ""),
                reason=entry.reason,
            ),
        )
        for entry in entries
    )


def _sharing(content: dict[str, Any]) -> str:
    sharing = parts.Sharing.from_json(content.get(SHARING))
    if sharing.shared == "yes":
        return _("Shared with %(who)s on %(day)s") % {
            "who": sharing.shared_with,
            "day": parts.display_date(sharing.shared_on),
        }
    if sharing.shared == "no":
        return _("Not shared with the family: %(why)s") % {"why": sharing.not_shared_reason}
    return _("Not recorded")


def _has_restricted(form: ReportForm, content: dict[str, Any]) -> bool:
    restricted = [
        parts.RestrictedPart.from_json(content.get(s.key))
        for s in form.sections
        if s.kind == "restricted"
    ]
    return any(part.text or part.reason for part in restricted)


def prepared(report: ProfessionalReport) -> PreparedReport | None:
    """One submitted report as the chair prepares with it; None if it has no version."""
    version = latest_version(report)
    if version is None:
        return None
    form = form_of_version(report, version)
    content = latest_content(report) or {}
    return PreparedReport(
        report=report,
        version=version,
        answers=_answers(form, content),
        assessments=_assessments(form, content),
        warnings=coach_warnings(form, content),
        comments=tuple(family_comments(report)),
        sharing=_sharing(content),
        has_restricted=_has_restricted(form, content),
    )


def submitted_reports(user: User, conference: Conference) -> list[ProfessionalReport]:
    return list(
        reports_visible_to(user)
        .filter(conference=conference, status=ReportStatus.SUBMITTED)
        .select_related("agency", "author", "conference__family__local_authority")
        .prefetch_related(newest_versions(), portal_comments())
        .order_by("agency__name", "pk")
    )


def preparation_for(user: User, conference: Conference) -> Preparation:
    # The family's children, read once here for the page, the scaling and the chair's brief.
    prefetch_related_objects([conference.family], "children")
    reports = tuple(
        p for p in (prepared(r) for r in submitted_reports(user, conference)) if p is not None
    )
    scaling = family_scaling(user, conference.family)
    children = tuple(
        ChildPreparation(
            child=child,
            rows=tuple(ChildRow(p, p.assessment_for(child)) for p in reports),
            scaling=scaling[child.pk],
        )
        for child in conference.family.children.all()
    )
    outstanding = tuple(outstanding_rows(conference))
    return Preparation(conference, children, reports, outstanding)


def children_for(user: AnyUser) -> QuerySet[Child]:
    """Children this member of staff may see, for `get_visible_or_404` to fetch one from."""
    return children_visible_to(user).select_related("family__local_authority")
