"""Reading packs, always through the access scope: a conference whose pack the user may not
read is a 404, and so is a copy they may not take."""

from django.db.models import QuerySet

from cpconf.access import AnyUser, may
from cpconf.accounts.models import User
from cpconf.conferences.access_rules import pack_conferences_visible_to
from cpconf.conferences.models import Conference
from cpconf.packs.models import ConferencePack, PackCopy


def pack_conferences_for(user: AnyUser) -> QuerySet[Conference]:
    """Conferences whose pack this user may read, for `get_visible_or_404` to fetch one from."""
    return pack_conferences_visible_to(user).select_related(
        "family", "family__local_authority", "chair"
    )


def built_packs_for(user: AnyUser, *, without: str) -> QuerySet[ConferencePack]:
    """Built copies of the packs this user may read (which copy they may take is the
    "download_…_copy" rule's to say), `without` the other file's bytes."""
    return (
        ConferencePack.objects.filter(
            conference__in=pack_conferences_visible_to(user), built_at__isnull=False
        )
        .select_related("conference__family__local_authority")
        .defer(without)
    )


def copies_for(user: User, conference: Conference) -> tuple[str, ...]:
    """The copies this user may take: the conference copy only for the unit and the chair."""
    if may(user, "read_pack_conference_copy", conference):
        return tuple(PackCopy.values)
    return (PackCopy.FAMILY,)


def packs_for(user: User, conference: Conference) -> QuerySet[ConferencePack]:
    """The copies this user may see, without their files (those are read only to download)."""
    return (
        ConferencePack.objects.filter(conference=conference, copy__in=copies_for(user, conference))
        .defer("pdf", "docx")
        .order_by("copy")
    )
