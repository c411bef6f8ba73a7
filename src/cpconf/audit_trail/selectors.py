"""Reading the audit trail: an auditor's search within their own authority."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.families.models import Child, Family


def auditor_authority_ids(user: AnyUser) -> list[int]:
    """The authorities whose trail this user may read: where they hold the auditor role."""
    return sorted({a.local_authority_id for a in roles_of(user) if a.role == Role.AUDITOR})


@dataclass(frozen=True)
class AuditSearch:
    """What an auditor asked for; blank means any."""

    child: str = ""
    family: str = ""
    user: str = ""
    action: str = ""
    start: date | None = None
    end: date | None = None


def _children_named(text: str, authority_ids: list[int]) -> QuerySet[Child]:
    children = Child.objects.filter(family__local_authority_id__in=authority_ids)
    if text.isdigit():
        return children.filter(pk=int(text))
    for word in text.split():
        children = children.filter(Q(given_name__icontains=word) | Q(family_name__icontains=word))
    return children


def searched_family_ids(search: AuditSearch, authority_ids: list[int]) -> list[int] | None:
    """The families a child or family filter names (in the auditor's authorities only), or
    None when the search names neither."""
    if not (search.child or search.family):
        return None
    families = Family.objects.filter(local_authority_id__in=authority_ids)
    if search.family:
        families = families.filter(case_reference__iexact=search.family)
    if search.child:
        children = _children_named(search.child, authority_ids)
        families = families.filter(pk__in=children.values("family_id"))
    return list(families.values_list("pk", flat=True))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def events_matching(search: AuditSearch, authority_ids: list[int]) -> QuerySet[AuditEvent]:
    """The events in the auditor's authorities that match, newest first."""
    events = AuditEvent.objects.filter(local_authority_id__in=authority_ids)
    family_ids = searched_family_ids(search, authority_ids)
    if family_ids is not None:
        events = events.filter(family_id__in=family_ids)
    if search.user:
        events = events.filter(actor_label__icontains=search.user)
    if search.action:
        events = events.filter(action=search.action)
    if search.start is not None:
        events = events.filter(occurred_at__gte=_start_of(search.start))
    if search.end is not None:
        events = events.filter(occurred_at__lt=_start_of(search.end + timedelta(days=1)))
    return events.order_by("-sequence")


# Each next action after the one before, by the (authority, action) index: one short index
# read per kind of action, however many millions of events the trail holds. (DISTINCT would
# read every event of the authority.)
_ACTIONS_IN_AUTHORITY = """
WITH RECURSIVE found(action) AS (
    SELECT MIN(action) FROM {table} WHERE local_authority_id = %s
    UNION ALL
    SELECT (SELECT MIN(action) FROM {table} WHERE local_authority_id = %s AND action > found.action)
    FROM found WHERE found.action IS NOT NULL
)
SELECT action FROM found WHERE action IS NOT NULL
"""


def actions_in(authority_ids: list[int]) -> list[str]:
    """The actions the authorities' trails hold, for the search's choice of action."""
    sql = _ACTIONS_IN_AUTHORITY.format(table=connection.ops.quote_name(AuditEvent._meta.db_table))
    actions: set[str] = set()
    with connection.cursor() as cursor:
        for authority_id in authority_ids:
            cursor.execute(sql, [authority_id, authority_id])
            actions.update(action for (action,) in cursor.fetchall())
    return sorted(actions)


def case_references(family_ids: set[int], authority_ids: list[int]) -> dict[int, str]:
    """Case references for the families on one page of results, from the auditor's
    authorities only."""
    families = Family.objects.filter(pk__in=family_ids, local_authority_id__in=authority_ids)
    return dict(families.values_list("pk", "case_reference"))
