"""Scaling over time: for each child of a family, every participant's scores across the
family's conferences, ready for the chart (`cpconf.scaling`) and the table beside it.

Scores come from two places: each conference's latest finalised record (`scaling.scores`,
one per participant per child) and the professionals' submitted reports (the `assessment`
part), marked as report scores. Reports are read through the reports scope, so a user sees
only the report scores of reports they may read. A fixed number of queries reads a whole
family, however many children, conferences and reports it has.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Exists, JSONField, OuterRef, Prefetch, Subquery
from django.db.models.fields.json import KeyTransform
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cpconf.accounts.models import User
from cpconf.conference_records import record_content as record
from cpconf.conference_records.models import RecordVersion
from cpconf.conference_records.record_content import SCALING
from cpconf.conferences.models import ConferenceStatus
from cpconf.families.models import Child, Family
from cpconf.organisations.report_forms import all_report_forms, report_form_named
from cpconf.policy.model import Scaling
from cpconf.reports import report_content as report_parts
from cpconf.reports.access_rules import reports_visible_to
from cpconf.reports.models import ProfessionalReport, ReportStatus, ReportVersion
from cpconf.reports.selectors import assessment_key, form_of
from cpconf.scaling import Scale, ScalingChart, Series, TableRow, Wording, table_rows
from cpconf.scaling import scaling_svg as draw

NEWEST_FIRST = "newest_first"


@dataclass(frozen=True)
class Score:
    conference_id: int
    starts_at: datetime
    child_id: int | None
    child_name: str
    who: str
    score: int
    from_report: bool


@dataclass(frozen=True)
class ChildScaling:
    child: Child
    chart: ScalingChart
    svg: SafeString
    occasions: tuple[str, ...]
    rows: list[TableRow] = field(default_factory=list)

    @property
    def has_scores(self) -> bool:
        return bool(self.rows)


def newest_versions() -> Prefetch:
    """The newest version of each report (the only one read here), kept on
    `report.newest_first`: the database picks it per report, so older versions' content is
    never loaded."""
    return Prefetch(
        "versions", queryset=ReportVersion.objects.order_by("-number")[:1], to_attr=NEWEST_FIRST
    )


def _assessment_keys() -> list[str]:
    """Every report form's assessment section key (usually just "assessment")."""
    return sorted({assessment_key(form) for form in all_report_forms().values()} | {"assessment"})


def _newest_version_part(path: tuple[str, ...], output_field: Any) -> Subquery:
    """One value from inside the newest version of the report in hand (`OuterRef`), taken
    out of its content by the database, so the rest of the content is never sent."""
    newest = ReportVersion.objects.filter(report=OuterRef("pk")).order_by("-number")
    value = (
        KeyTransform(path[-1], "content")
        if len(path) == 1
        else KeyTransform(path[-1], KeyTransform(path[-2], "content"))
    )
    return Subquery(newest.annotate(value=value).values("value")[:1], output_field=output_field)


def latest_version(report: ProfessionalReport) -> ReportVersion | None:
    """The latest submitted version, from the prefetch when there is one."""
    versions = getattr(report, NEWEST_FIRST, None)
    if versions is None:
        versions = list(report.versions.order_by("-number")[:1])
    return versions[0] if versions else None


def latest_content(report: ProfessionalReport) -> dict[str, Any] | None:
    """The parts of the latest submitted version (a version holds its form and its parts)."""
    version = latest_version(report)
    return None if version is None else dict(version.content.get("parts") or {})


def _record_scores(family: Family) -> list[Score]:
    """From each conference's latest finalised record version: only its scaling part, taken
    out of the content by the database."""
    newer = RecordVersion.objects.filter(record=OuterRef("record"), number__gt=OuterRef("number"))
    versions = (
        RecordVersion.objects.filter(record__conference__family=family)
        .exclude(record__conference__status=ConferenceStatus.CANCELLED)
        .exclude(Exists(newer))
        .annotate(scaling=KeyTransform(SCALING, "content"))
        .values_list("record__conference_id", "record__conference__starts_at", "scaling")
    )
    scores = []
    for conference_id, starts_at, scaling in versions:
        for entry in record.Scaling.from_json(scaling).scores:
            who = entry.participant.strip()
            if entry.score is not None and who:
                scores.append(
                    Score(conference_id, starts_at, entry.child_id, "", who, entry.score, False)
                )
    return scores


def _report_scores(user: User, family: Family) -> list[Score]:
    """From the newest version of each submitted report the user may read: one query, which
    takes only each version's form name and assessment parts out of its content."""
    keys = _assessment_keys()
    rows = (
        reports_visible_to(user)
        .filter(conference__family=family, status=ReportStatus.SUBMITTED)
        .exclude(conference__status=ConferenceStatus.CANCELLED)
        .annotate(
            has_version=Exists(ReportVersion.objects.filter(report=OuterRef("pk"))),
            form_name=_newest_version_part(("form",), JSONField()),
            **{
                f"assessment_{key}": _newest_version_part(("parts", key), JSONField())
                for key in keys
            },
        )
        .values(
            "pk",
            "has_version",
            "conference_id",
            "conference__starts_at",
            "agency__name",
            "form_name",
            *(f"assessment_{key}" for key in keys),
        )
    )
    scores = []
    for row in rows:
        if not row["has_version"]:
            continue
        form_name = row["form_name"]
        # Every version names its form; an early one that does not reads the conference's.
        form = (
            report_form_named(form_name)
            if form_name
            else form_of(
                ProfessionalReport.objects.select_related(
                    "conference__family__local_authority"
                ).get(pk=row["pk"])
            )
        )
        assessment = row.get(f"assessment_{assessment_key(form)}")
        who = _("%(agency)s (report)") % {"agency": row["agency__name"]}
        for entry in report_parts.Assessment.from_json(assessment).children:
            if entry.scaling is not None:
                scores.append(
                    Score(
                        row["conference_id"],
                        row["conference__starts_at"],
                        entry.child_id,
                        entry.name,
                        who,
                        entry.scaling,
                        True,
                    )
                )
    return scores


def is_about(score: Score, child: Child) -> bool:
    if score.child_id is not None:
        return score.child_id == child.pk
    return score.child_name.strip().casefold() == child.full_name.casefold()


def occasion_label(starts_at: datetime) -> str:
    day = timezone.localtime(starts_at).date()
    return f"{day.day} {day:%b %Y}"


def _chart_for(child: Child, scores: list[Score], scaling: Scaling) -> ChildScaling:
    mine = [s for s in scores if is_about(s, child)]
    # The conferences with a score about this child, in the order they were held.
    held = sorted({(s.starts_at, s.conference_id) for s in mine})
    index = {conference_id: number for number, (_when, conference_id) in enumerate(held)}
    by_who: dict[tuple[bool, str], dict[int, int]] = defaultdict(dict)
    for score in mine:
        by_who[(score.from_report, score.who)][index[score.conference_id]] = score.score
    ordered = sorted(by_who.items(), key=lambda item: item[0][0])  # meeting scores first
    series = tuple(Series(who, points, from_report) for (from_report, who), points in ordered)
    values = [s.score for s in mine]
    scale = Scale(
        min([scaling.low, *values]),
        max([scaling.high, *values]),
        scaling.low_means,
        scaling.high_means,
    )
    occasions = tuple(occasion_label(starts_at) for starts_at, _conference_id in held)
    chart = ScalingChart(
        title=_("Scaling scores for %(child)s at each conference") % {"child": child.full_name},
        scale=scale,
        occasions=occasions,
        series=series,
        wording=Wording(
            score_axis=_("Score ({low} to {high})"),
            conference_axis=_("Conference"),
            description=_description(scale, len(held), len(series)),
        ),
    )
    # Every piece of text in the picture is escaped by cpconf.scaling.
    svg = mark_safe(draw(chart, f"scaling-{child.pk}"))  # noqa: S308  # nosec B308 B703
    return ChildScaling(child, chart, svg, occasions, table_rows(chart))


def _description(scale: Scale, conferences: int, participants: int) -> str:
    words = _(
        "How safe each of %(participants)d participants thought the child was at each of "
        "%(conferences)d conferences, on a scale from %(low)d to %(high)d. "
        "%(low)d means: %(low_means)s %(high)d means: %(high_means)s "
        "Dashed lines and open circles are scores from written reports. "
        "The same scores are in the table after the chart."
    )
    return words % {
        "participants": participants,
        "conferences": conferences,
        "low": scale.low,
        "high": scale.high,
        "low_means": scale.low_means,
        "high_means": scale.high_means,
    }


def family_scaling(user: User, family: Family) -> dict[int, ChildScaling]:
    """Scaling over time for every child of the family, by child id."""
    scores = _record_scores(family) + _report_scores(user, family)
    scaling = family.local_authority.policy.scaling
    return {child.pk: _chart_for(child, scores, scaling) for child in family.children.all()}
