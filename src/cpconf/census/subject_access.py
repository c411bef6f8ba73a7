"""The children's census details in a subject access export (UK GDPR Article 15).

Data protection sits below the census in the layers and may not import it, so the census
registers this section when it starts (`CensusConfig.ready`), as domain apps register their
access rules. The codes are kept as stored, each with the DfE's words beside it.
"""

from typing import Any

from django.utils.translation import gettext_noop

from cpconf.census.models import ChildCensusDetails
from cpconf.dataprotection.export_items import fields_of, item, source_of
from cpconf.dataprotection.registered_sections import HeldSection, register_section
from cpconf.dataprotection.third_party import Requester

CODED = ("upn_unknown", "gender", "ethnicity", "referral_source")


def census_details_items(requester: Requester) -> list[dict[str, Any]]:
    """A child's details are the child's: flagged only in an export that is not theirs."""
    details = ChildCensusDetails.objects.filter(
        child__family__in=requester.family_ids
    ).select_related("child")
    entries = []
    for row in details.order_by("child__family", "child"):
        name = row.child.full_name
        labels = {f"{code}_label": getattr(row, f"get_{code}_display")() for code in CODED}
        data = {**fields_of(row), **labels, "child": name}
        entries.append(item(source_of(row), name, data, [requester.child(name, row.child_id)]))
    return entries


CENSUS_DETAILS = HeldSection(
    name="census_details",
    title=gettext_noop("Census details"),
    models=("census.childcensusdetails",),
    items=census_details_items,
)


def register_census_section() -> None:
    register_section(CENSUS_DETAILS)
