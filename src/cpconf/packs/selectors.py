"""Reading packs, always through the access scope: a conference whose pack the user may not
read is a 404, and so is a copy they may not take."""

from django.db.models import QuerySet
from django.http import HttpRequest

from cpconf.access import may
from cpconf.access.lookups import get_visible_or_404
from cpconf.access.rules import pack_conferences_visible_to
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.packs.models import ConferencePack, PackCopy


def pack_conference(request: HttpRequest, pk: int, action: str) -> Conference:
    """The conference, if this user may read its pack; audited as `action`."""
    visible = pack_conferences_visible_to(request.user).select_related(
        "family", "family__local_authority", "chair"
    )
    return get_visible_or_404(visible, request, action=action, pk=pk)


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
