"""Which models a subject access export covers, and why the few it leaves out hold nothing
more about anyone.

A test follows every foreign key out from the family and fails on a model that is in
neither list, so a new kind of record about a family cannot be left out of the export
unnoticed; and it checks that each model listed here really appears in an export. Sections
registered by apps above this one (`registered_sections`) name their own models.
"""

# The models whose rows `subject_access`'s own sections export.
EXPORTED_MODELS = (
    "accounts.user",
    "accounts.roleassignment",
    "families.family",
    "families.child",
    "families.familymember",
    "families.frontsheetversion",
    "families.externalreference",
    "dataprotection.legalhold",
    "conferences.conference",
    "conferences.invitation",
    "reports.professionalreport",
    "reports.reportversion",
    "reports.reportsection",
    "portal.youngperson",
    "portal.accessneeds",
    "portal.reportcomment",
    "portal.parentsreport",
    "portal.childview",
    "portal.conferencefeedback",
    "packs.packrelease",
    "conference_records.conferencerecord",
    "conference_records.recordversion",
    "conference_records.recordpart",
    "outcomes.minutesapproval",
    "outcomes.outcomeletter",
    "audit.auditevent",
)
# Models that hold a row for a family but nothing about it the export does not already hold.
LEFT_OUT = {
    "packs.conferencepack": (
        "The conference pack is built from the submitted reports, exported in full with "
        "every version; its files are copies of them, and its build state is not about anyone."
    ),
    "conferences.reminder": (
        "A reminder sent to an invited professional of their report's deadline: it holds the "
        "invitation's email addresses and dates, and the invitation is exported."
    ),
}
