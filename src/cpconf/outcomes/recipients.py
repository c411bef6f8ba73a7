"""Who gets an outcome letter, and in what form.

Every parent or carer gets their own letter: they may not live together or agree, and each
has the right to appeal. A recipient is a family member who is not a young person and who
either is a mother, father or carer (taken to have parental responsibility: the front sheet
records no more than that) or lives in the household (a step-parent or partner included).
The chair may add any other adult on the family's record, such as a grandparent who helps
care for the children. The letter goes out in English; the reader's language, large print
and easy read come from their record (the front sheet, and what they told the portal).
"""

import re

from django.db.models import QuerySet

from cpconf.documents.letter import LetterFormat
from cpconf.families.models import Family, FamilyMember, Relationship

PARENTAL_RESPONSIBILITY = (Relationship.MOTHER, Relationship.FATHER, Relationship.CARER)
ENGLISH = ("", "english")
# What the social worker may have typed in the front sheet's access needs for the same thing.
LARGE_PRINT = re.compile(r"\blarge[\s-]*print\b", re.IGNORECASE)
EASY_READ = re.compile(r"\beasy[\s-]*read\b", re.IGNORECASE)


def adults_of(family: Family) -> QuerySet[FamilyMember]:
    return FamilyMember.objects.filter(family=family).exclude(
        relationship=Relationship.YOUNG_PERSON
    )


def gets_a_letter(member: FamilyMember) -> bool:
    """Whether the member gets a letter without the chair choosing them."""
    return member.relationship != Relationship.YOUNG_PERSON and (
        member.relationship in PARENTAL_RESPONSIBILITY or member.lives_in_household
    )


def default_recipients(family: Family) -> list[FamilyMember]:
    return [member for member in adults_of(family) if gets_a_letter(member)]


def other_adults(family: Family) -> list[FamilyMember]:
    """The adults the chair may also send a letter to."""
    return [member for member in adults_of(family) if not gets_a_letter(member)]


def letter_format(member: FamilyMember) -> LetterFormat:
    # The portal keeps the ticked needs (above outcomes); read through the member's relation.
    needs = getattr(member, "portal_access_needs", None)
    typed = member.access_needs or ""
    language = member.language.strip()
    return LetterFormat(
        language="" if language.lower() in ENGLISH else language,
        interpreter=member.needs_interpreter,
        large_print=bool(needs and needs.large_print) or bool(LARGE_PRINT.search(typed)),
        easy_read=bool(needs and needs.easy_read) or bool(EASY_READ.search(typed)),
    )


def postal_address(member: FamilyMember | None, family: Family) -> tuple[str, ...]:
    """Where the letter is posted: the member's own address, or the children's if they live
    there. Never the children's address on a letter to someone who lives elsewhere."""
    if member is not None and member.address.strip():
        text = member.address
    elif member is None or member.lives_in_household:
        text = family.address
    else:
        return ()
    separator = "\n" if "\n" in text else ","
    return tuple(line.strip() for line in text.split(separator) if line.strip())
