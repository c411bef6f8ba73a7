"""Reads for the census: the authorities whose return a user may make, the unit's figures and
the children behind each figure. Everything is scoped to one authority the user is the unit
administrator of; the view fetches that authority through `get_visible_or_404`."""

from datetime import date

from django.db.models import QuerySet

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role
from cpconf.census.cin_return import CensusYear
from cpconf.census.cin_return.figures import PerformanceFigures, performance_figures
from cpconf.census.gathering import AuthorityHistory, authority_history
from cpconf.census.models import CensusAuthority, ChildCensusDetails
from cpconf.deadlines import review_by
from cpconf.families.models import Child
from cpconf.organisations.models import LocalAuthority


def census_authorities(user: AnyUser) -> QuerySet[LocalAuthority]:
    """The authorities whose census return and figures this user may see: the unit's own.
    Other roles (chairs, social workers, auditors) and other authorities' units get none."""
    ids = [a.local_authority_id for a in roles_of(user) if a.role == Role.UNIT_ADMINISTRATOR]
    return LocalAuthority.objects.filter(pk__in=ids).order_by("name")


def la_code_of(authority: LocalAuthority) -> str | None:
    found = CensusAuthority.objects.filter(local_authority=authority).first()
    return found.la_code if found else None


def figures_for(
    authority: LocalAuthority, today: date
) -> tuple[PerformanceFigures, AuthorityHistory]:
    """The census year so far (the year containing `today`), and the history it came from."""
    history = authority_history(authority)
    policy = authority.policy
    return (
        performance_figures(
            conferences=history.conferences,
            plans={k: v for k, v in history.plans.items() if k in history.children},
            year=CensusYear.containing(today),
            up_to=today,
            target_for=history.target_for,
            review_due=lambda previous, was_review: review_by(policy, previous, was_review),
            plans_before_records={
                child_id: (d.plans_before_records if (d := history.details.get(child_id)) else None)
                for child_id in history.children
            },
        ),
        history,
    )


def children_named(history: AuthorityHistory, child_ids: tuple[int, ...]) -> list[Child]:
    """The authority's children among `child_ids`, each once, by family and name."""
    found = {history.children[c] for c in child_ids if c in history.children}
    return sorted(found, key=lambda c: (c.family.name, c.given_name, c.pk))


def census_children(authority: LocalAuthority) -> QuerySet[Child]:
    """The authority's children, for fetching one child's census details."""
    return Child.objects.filter(family__local_authority=authority).select_related("family")


def details_of(child: Child) -> ChildCensusDetails | None:
    return ChildCensusDetails.objects.filter(child=child).first()
