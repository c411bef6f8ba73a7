"""Demo census items (cpconf.demo.seeding.LATER_PARTS, after the conference records), so the
demo authorities' census return can be made: each authority's DfE code, and for each child
what the case system would hold — an ID, a UPN, gender, ethnicity, the referral.

All of it is fiction. The codes 901 and 902 are no real authority's. Every demo child is given
one plan before this system's records: the DfE's 2024 schema types NumberOfPreviousCPP as a
positive integer, so a first plan (nought) does not validate against it, and the demo would
otherwise only show that problem (see the README). The unborn baby's ethnicity is "not yet
obtained" (NOBT), as a unit would enter it.
"""

from datetime import timedelta
from typing import Any

from cpconf.census.models import CensusAuthority, ChildCensusDetails

LA_CODES = {"northshire": "901", "southvale": "902"}
REFERRED_BEFORE_STRATEGY_DISCUSSION = timedelta(days=6)
REFERRAL_SOURCES = ("2A", "3B", "6", "1A")  # school, health visitor, police, family
NOT_YET_OBTAINED = "NOBT"


def seed_demo_part(seeded: Any) -> None:
    for authority in seeded.authorities.values():
        code = LA_CODES.get(authority.slug)
        if code is None:
            continue
        found, created = CensusAuthority.objects.get_or_create(
            local_authority=authority, defaults={"la_code": code}
        )
        seeded.summary.count(found, created=created)
    for index, family in enumerate(seeded.families.values()):
        referred = _referral_date(family)
        for number, child in enumerate(family.children.order_by("pk"), start=1):
            details, created = ChildCensusDetails.objects.get_or_create(
                child=child, defaults=_details(family, child, number, index, referred)
            )
            seeded.summary.count(details, created=created)


def _referral_date(family: Any) -> Any:
    initial = family.conferences.filter(strategy_discussion_on__isnull=False).order_by("starts_at")
    first = initial.first()
    return first.strategy_discussion_on - REFERRED_BEFORE_STRATEGY_DISCUSSION if first else None


def _details(family: Any, child: Any, number: int, index: int, referred: Any) -> dict[str, Any]:
    born = not child.is_unborn
    return {
        "la_child_id": f"{family.case_reference}-{number}",
        # A made-up number in the UPN's shape: a letter and twelve digits.
        "upn": f"Z{child.pk % 10**6:06d}{index:03d}{number:03d}" if born else "",
        "gender": ("2" if number % 2 else "1") if born else "",
        "ethnicity": "WBRI" if born else NOT_YET_OBTAINED,
        "referral_date": referred,
        "referral_source": REFERRAL_SOURCES[index % len(REFERRAL_SOURCES)] if referred else "",
        "plans_before_records": 1,
    }
