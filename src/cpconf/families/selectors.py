"""Reading families, always through the access scope."""

from django.db.models import QuerySet

from cpconf.access import conferences_visible_to, families_visible_to, get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.families.models import Family


def family_for(user: User, pk: int) -> Family:
    """The family, or 404 if this user may not know of it."""
    def scope(u: User) -> QuerySet[Family]:
        return families_visible_to(u).select_related(
            "local_authority", "allocated_social_worker"
        )

    return get_visible_or_404(scope, user, pk=pk)


def conferences_of(user: User, family: Family) -> QuerySet[Conference]:
    return conferences_visible_to(user).filter(family=family).select_related("chair")
