"""Everything the chair prepares with, read once: the submitted reports (each in one place,
its child-specific parts grouped per child inside it), the chair's brief, and the family's
own words — the parents' report and the children's views sent through the portal.

The preparation page and the meeting mode both read this, so both hold the same reports, as
scoped to the user by `preparation_for`.
"""

from dataclasses import dataclass

from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.families.models import Child
from cpconf.packs.chairs_brief import ChairBrief, chair_brief
from cpconf.portal.models import ChildView
from cpconf.preparation.selectors import (
    ChildAssessment,
    Preparation,
    PreparedReport,
    preparation_for,
)


@dataclass(frozen=True)
class ChildPart:
    """What one report says about one child: None when the report does not name the child."""

    child: Child
    assessment: ChildAssessment | None


@dataclass(frozen=True)
class ReportInPlace:
    """A report, once, with its parts about each child of the family."""

    prepared: PreparedReport
    children: tuple[ChildPart, ...]


@dataclass(frozen=True)
class FamilyWords:
    parents_report: str | None
    child_views: tuple[ChildView, ...]

    @property
    def has_any(self) -> bool:
        return bool(self.parents_report or self.child_views)


@dataclass(frozen=True)
class ChairView:
    preparation: Preparation
    reports: tuple[ReportInPlace, ...]
    brief: ChairBrief
    family: FamilyWords

    @property
    def conference(self) -> Conference:
        return self.preparation.conference


def family_words(user: User, conference: Conference) -> FamilyWords:
    """The parents' own report and the children's views, as far as this user may read them."""
    from cpconf.portal import selectors as portal  # the portal reads reports; this reads it

    # The child's name and words; a drawing is linked to, so its file is not read here.
    views = (
        portal.child_views_visible_to(user)
        .filter(conference=conference)
        .select_related(None)
        .select_related("child")
        .defer("file_data")
    )
    return FamilyWords(
        parents_report=portal.parents_report(conference),
        child_views=tuple(views.order_by("created_at", "pk")),
    )


def chair_view_for(user: User, conference: Conference) -> ChairView:
    preparation = preparation_for(user, conference)
    children = [item.child for item in preparation.children]
    reports = tuple(
        ReportInPlace(p, tuple(ChildPart(c, p.assessment_for(c)) for c in children))
        for p in preparation.reports
    )
    return ChairView(
        preparation=preparation,
        reports=reports,
        brief=chair_brief(conference, preparation.reports, preparation.outstanding),
        family=family_words(user, conference),
    )
