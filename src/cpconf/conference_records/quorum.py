"""Whether the conference was quorate, from who the chair recorded as present.

The policy's `[quorum]` names the kinds of agency that must be there (Working Together:
children's social care) and how many other agencies. A participant's agency is matched by name
to the authority's agencies, as the introductions page suggests them from the invitations; an
agency typed that the authority does not have still counts as another agency, of no known kind.
A conference without its quorum is a warning for the chair, never a refusal: the meeting has
happened, and the chair says they have read the warning before finalising.
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cpconf.conference_records import record_content as parts
from cpconf.conferences.models import Conference
from cpconf.organisations.models import Agency, AgencyKind

QUORUM_AGENCY_ABSENT = gettext_noop(
    "Nobody from {agency} is recorded as present: the policy needs them at a quorate conference"
)
QUORUM_TOO_FEW_OTHERS = gettext_noop(
    "Other agencies recorded as present: {count}. The policy needs at least {needed} besides "
    "{required} at a quorate conference"
)


def agencies_present(conference: Conference, content: dict[str, Any]) -> dict[str, str | None]:
    """Each agency someone was present for (by name as typed, compared without case), with its
    kind where the authority has an agency of that name."""
    people = parts.Introductions.from_json(content.get(parts.INTRODUCTIONS)).present
    names = {
        person.agency.strip().casefold()
        for person in people
        if person.kind == "professional" and person.agency.strip()
    }
    known = Agency.objects.filter(local_authority_id=conference.family.local_authority_id)
    kinds = {agency.name.strip().casefold(): agency.kind for agency in known.only("name", "kind")}
    return {name: kinds.get(name) for name in names}


def quorum_warnings(conference: Conference, content: dict[str, Any]) -> list[str]:
    quorum = conference.family.local_authority.policy.quorum
    present = agencies_present(conference, content)
    kinds = set(present.values())
    required = [str(AgencyKind(kind).label) for kind in quorum.agencies]
    warnings = [
        _(QUORUM_AGENCY_ABSENT).format(agency=label)
        for kind, label in zip(quorum.agencies, required, strict=True)
        if kind not in kinds
    ]
    others = [name for name, kind in present.items() if kind not in quorum.agencies]
    if len(others) < quorum.other_agencies_at_least:
        warnings.append(
            _(QUORUM_TOO_FEW_OTHERS).format(
                count=len(others),
                needed=quorum.other_agencies_at_least,
                required=", ".join(required) or _("the agencies named"),
            )
        )
    return warnings
