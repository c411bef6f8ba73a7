"""A fictional review report for the Hartwell family, the way the Django side would build it."""

from __future__ import annotations

from dataclasses import replace

from cpconf.documents import Paragraph, ReportDocument, Section, Table

TITLE = "Professional report: child protection review conference"
# Non-ASCII on purpose: the footer must survive escaping into the PDF page style.
FOOTER = "Version 2 · SHA-256 3f9a61c0… · Official – sensitive"  # noqa: RUF001

PREVIOUS_SUMMARY = (
    "Lily has attended Elmfield Primary School since Reception. Her attendance this term is "
    "82%.\n\nI am the Designated Safeguarding Lead and see Lily most days."
)
SUMMARY = (
    "Lily has attended Elmfield Primary School since Reception. Her attendance this term is "
    "91%.\n\nI am the Designated Safeguarding Lead and see Lily most days.\n\n"
    "Since the last conference I have met Ms Hartwell every fortnight."
)
WORRIES = (
    "On 3 March Lily told her class teacher that she had not had breakfast for three days. "
    "She was tired and could not concentrate in lessons.",
    "Lily said that Daniel shouts when he has been drinking and that she hides in her room "
    "with Noah.",
)
GOING_WELL = "Ms Hartwell now brings Lily to the breakfast club every morning."
CHILD_VIEWS = (
    "Lily drew her house and put herself and Noah in the garden. She said: “I like it when "
    "Nanna Margaret picks us up.”"
)
SUPPORT = "Lily will keep her place at breakfast club and see the learning mentor weekly."
SAFE_LOOKS_LIKE = "Lily arrives at school fed and on time, and says she feels safe at home."
SHARED_WITH_FAMILY = "Shared with Ms Hartwell on 9 May 2025. She agreed with the report."

SECTION_TITLES = (
    "1. Summary of your agency's involvement with the child and family",
    "2. What are you worried about?",
    "3. What is going well?",
    "4. The views, wishes and feelings of the child or young person",
    "5. What support can your agency provide?",
    "6. What needs to happen? What would safe look like?",
    "7. Further information for the meeting",
    "9. Sharing this report with the family",
)

# Every answer paragraph, in order, that reads the same with or without the deleted text.
ANSWERS = (
    SUMMARY.split("\n\n")[1],
    SUMMARY.split("\n\n")[2],
    *WORRIES,
    GOING_WELL,
    CHILD_VIEWS,
    SUPPORT,
    SAFE_LOOKS_LIKE,
    SHARED_WITH_FAMILY,
)

FRONT_SHEET = (
    ("Date of meeting", "14 May 2025, 10:00"),
    ("Type of meeting", "Child protection review"),
    ("Name of person completing this form", "Priya Okafor"),
    ("Role", "Designated Safeguarding Lead"),
    ("Workplace", "Elmfield Primary School"),
    ("Email address", "p.okafor@elmfield.example.sch.uk"),
)
CHILDREN = Table(
    caption="Details of the children",
    headers=("Name", "Date of birth", "NHS or other ID number"),
    rows=(
        ("Lily Hartwell", "3 March 2016", "485 777 3456"),
        ("Noah Hartwell", "21 October 2020", "943 476 5919"),
    ),
)
FAMILY = Table(
    caption="Family members",
    headers=("Name", "Relationship", "Household member"),
    rows=(
        ("Gemma Hartwell", "Mother", "Yes"),
        ("Daniel Price", "Mother's partner", "Yes"),
        ("Margaret Hartwell", "Maternal grandmother", "No"),
    ),
)


def example_report(**changes: object) -> ReportDocument:
    """The report, with any field replaced for one test."""
    report = ReportDocument(
        title=TITLE,
        subtitle="Conference copy",
        front_sheet=FRONT_SHEET,
        tables=(CHILDREN, FAMILY),
        sections=_sections(),
        signature=(
            ("Name", "Priya Okafor"),
            ("Role", "Designated Safeguarding Lead"),
            ("Signed", "8 May 2025 at 16:42"),
        ),
        footer=FOOTER,
        marks_changes=True,
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def _sections() -> tuple[Section, ...]:
    one, two, three, four, five, six, seven, nine = SECTION_TITLES
    return (
        Section.from_changes(
            one, PREVIOUS_SUMMARY, SUMMARY, question="Who have you consulted with?"
        ),
        Section(two, question="What are the dangers?", paragraphs=_plain(*WORRIES)),
        Section.from_changes(three, "", GOING_WELL),
        Section.from_text(four, CHILD_VIEWS),
        Section.from_text(five, SUPPORT, question="Please set out the proposed plan below."),
        Section.from_text(six, SAFE_LOOKS_LIKE, question="Please be as specific as possible."),
        Section(seven),
        Section.from_text(nine, SHARED_WITH_FAMILY),
    )


def _plain(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph.plain(text) for text in texts)
