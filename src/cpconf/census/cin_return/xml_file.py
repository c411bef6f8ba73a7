"""The census file itself: `Message/Header/Children`, in the order the DfE schema sets.

Only what is known is written. A child missing an item the schema requires is still written
as far as it is known (the schema check then names the element), but `missing_items` lists
it first in the unit's words, so the unit sees what to enter rather than a parser's message.
"""

from datetime import date, datetime

from lxml import etree

from cpconf.census.cin_return.items import (
    GENDER_UNBORN,
    ChildItems,
    PlanItems,
    ReturnHeader,
    Section47Items,
)

# A child on a plan or at a conference was not "no further action" at referral.
REFERRAL_NFA = "false"
ICPC_REQUIRED = "false"  # ICPCnotRequired: every Section47 here led to a conference


def _add(parent: etree._Element, name: str, value: object | None) -> etree._Element | None:
    if value is None or value == "":
        return None
    element = etree.SubElement(parent, name)
    element.text = value.isoformat() if isinstance(value, date) else str(value)
    return element


def _header(message: etree._Element, header: ReturnHeader, made_at: datetime) -> None:
    head = etree.SubElement(message, "Header")
    details = etree.SubElement(head, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", header.census_year.year)
    _add(details, "ReferenceDate", header.census_year.ends_on)
    source = etree.SubElement(head, "Source")
    _add(source, "SourceLevel", "L")
    # LEA is required: an empty one fails the schema, and the rules list it as missing.
    etree.SubElement(source, "LEA").text = header.la_code or ""
    _add(source, "SoftwareCode", header.software)
    _add(source, "Release", header.release)
    _add(source, "DateTime", made_at.replace(microsecond=0, tzinfo=None))


def _identifiers(child_element: etree._Element, child: ChildItems) -> None:
    ids = etree.SubElement(child_element, "ChildIdentifiers")
    etree.SubElement(ids, "LAchildID").text = child.la_child_id or ""
    _add(ids, "UPN", child.upn)
    _add(ids, "UPNunknown", None if child.upn else child.upn_unknown)
    _add(ids, "PersonBirthDate", child.birth_date)
    _add(ids, "ExpectedPersonBirthDate", child.expected_birth_date)
    gender = GENDER_UNBORN if child.is_unborn else child.gender
    etree.SubElement(ids, "GenderCurrent").text = gender or ""


def _characteristics(child_element: etree._Element, child: ChildItems) -> None:
    characteristics = etree.SubElement(child_element, "ChildCharacteristics")
    etree.SubElement(characteristics, "Ethnicity").text = child.ethnicity or ""
    if child.disabilities:
        disabilities = etree.SubElement(characteristics, "Disabilities")
        for code in child.disabilities:
            _add(disabilities, "Disability", code)


def _section_47(details: etree._Element, enquiry: Section47Items) -> None:
    element = etree.SubElement(details, "Section47")
    etree.SubElement(element, "S47ActualStartDate").text = (
        enquiry.started_on.isoformat() if enquiry.started_on else ""
    )
    _add(element, "InitialCPCtarget", enquiry.initial_conference_target)
    _add(element, "DateOfInitialCPC", enquiry.initial_conference_on)
    _add(element, "ICPCnotRequired", ICPC_REQUIRED)


def _plan(details: etree._Element, plan: PlanItems) -> None:
    element = etree.SubElement(details, "ChildProtectionPlans")
    _add(element, "CPPstartDate", plan.started_on)
    _add(element, "CPPendDate", plan.ended_on)
    etree.SubElement(element, "InitialCategoryOfAbuse").text = plan.initial_category or ""
    etree.SubElement(element, "LatestCategoryOfAbuse").text = plan.latest_category or ""
    previous = "" if plan.previous_plans is None else str(plan.previous_plans)
    etree.SubElement(element, "NumberOfPreviousCPP").text = previous
    if plan.review_dates:
        reviews = etree.SubElement(element, "Reviews")
        for day in plan.review_dates:
            _add(reviews, "CPPreviewDate", day)


def _details(child_element: etree._Element, child: ChildItems) -> None:
    details = etree.SubElement(child_element, "CINdetails")
    etree.SubElement(details, "CINreferralDate").text = (
        child.referral_date.isoformat() if child.referral_date else ""
    )
    etree.SubElement(details, "ReferralSource").text = child.referral_source or ""
    _add(details, "DateOfInitialCPC", child.initial_conference_on)
    for enquiry in child.section_47s:
        _section_47(details, enquiry)
    _add(details, "ReferralNFA", REFERRAL_NFA)
    for plan in child.plans:
        _plan(details, plan)


def census_xml(header: ReturnHeader, children: list[ChildItems], made_at: datetime) -> bytes:
    """The whole file, UTF-8 with its declaration, indented for people reading it."""
    message = etree.Element("Message")
    _header(message, header, made_at)
    children_element = etree.SubElement(message, "Children")
    for child in children:
        child_element = etree.SubElement(children_element, "Child")
        _identifiers(child_element, child)
        _characteristics(child_element, child)
        _details(child_element, child)
    return bytes(etree.tostring(message, xml_declaration=True, encoding="UTF-8", pretty_print=True))
