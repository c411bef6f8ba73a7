"""Reading families, always through the access scope."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from cpconf.access import conferences_visible_to, families_visible_to
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.families.models import Family


def family_for(user: User, pk: int) -> Family:
    """The family's case record, or 404 if this user may not know of it."""
    visible = families_visible_to(user).select_related("local_authority", "allocated_social_worker")
    return get_object_or_404(visible, pk=pk)


def conferences_of(user: User, family: Family) -> QuerySet[Conference]:
    return conferences_visible_to(user).filter(family=family).select_related("chair")
