"""The pure retention decision: what is due, what goes as a unit, what is kept and why."""

from datetime import date

from cpconf.dataprotection.retention import (
    CONFERENCE,
    DESTROY,
    FAMILY,
    KEEP,
    REPORT,
    WITH_PARENT,
    KeptRecord,
    plan,
    years_after,
)

TODAY = date(2060, 6, 1)


def kept(kind, pk, *, contact, years=35, family=1, parent=None, follows=None, held=False):
    return KeptRecord(
        kind=kind,
        id=pk,
        authority="Testshire",
        family_id=family,
        parent_id=parent,
        follows_id=follows,
        last_contact=contact,
        years=years,
        held=held,
    )


def actions(entries):
    return {(e.record.kind, e.record.id): (e.action, e.reason) for e in entries}


def test_due_is_the_policy_years_after_the_last_contact():
    record = kept(FAMILY, 1, contact=date(2025, 6, 1))
    assert record.due == date(2060, 6, 1)
    assert record.expired_on(date(2060, 6, 1))
    assert not record.expired_on(date(2060, 5, 31))
    assert years_after(date(2024, 2, 29), 35) == date(2059, 2, 28)
    assert years_after(date(2024, 2, 29), 36) == date(2060, 2, 29)


def test_nothing_due_means_nothing_listed():
    records = [kept(FAMILY, 1, contact=date(2030, 1, 1))]
    assert plan(records, TODAY) == []


def test_an_expired_family_goes_as_one_unit_with_everything_under_it():
    contact = date(2020, 1, 1)
    records = [
        kept(FAMILY, 1, contact=contact),
        kept(CONFERENCE, 10, contact=contact, parent=1),
        kept(REPORT, 100, contact=contact, parent=10),
    ]
    assert actions(plan(records, TODAY)) == {
        (FAMILY, 1): (DESTROY, ""),
        (CONFERENCE, 10): (WITH_PARENT, "destroyed with family 1"),
        (REPORT, 100): (WITH_PARENT, "destroyed with family 1"),
    }


def test_a_shorter_report_period_destroys_the_report_alone():
    records = [
        kept(FAMILY, 1, contact=date(2030, 1, 1)),
        kept(CONFERENCE, 10, contact=date(2030, 1, 1), parent=1),
        kept(REPORT, 100, contact=date(2030, 1, 1), years=25, parent=10),
    ]
    assert actions(plan(records, TODAY)) == {(REPORT, 100): (DESTROY, "")}


def test_a_family_waits_for_a_record_under_it_that_is_not_due():
    records = [
        kept(FAMILY, 1, contact=date(2020, 1, 1)),
        kept(CONFERENCE, 10, contact=date(2020, 1, 1), years=45, parent=1),
    ]
    assert actions(plan(records, TODAY)) == {
        (FAMILY, 1): (KEEP, "kept: conference 10 under it is not due until 2065-01-01"),
    }


def test_a_record_a_kept_review_follows_is_kept():
    records = [
        kept(FAMILY, 1, contact=date(2036, 1, 1)),
        kept(CONFERENCE, 10, contact=date(2020, 1, 1), parent=1),
        kept(CONFERENCE, 11, contact=date(2036, 1, 1), parent=1, follows=10),
        kept(REPORT, 100, contact=date(2020, 1, 1), years=25, parent=10),
        kept(REPORT, 101, contact=date(2036, 1, 1), years=25, parent=11, follows=100),
    ]
    assert actions(plan(records, TODAY)) == {
        (CONFERENCE, 10): (KEEP, "kept: conference 11 follows it and is not due until 2071-01-01"),
        (REPORT, 100): (KEEP, "kept: report 101 follows it and is not due until 2061-01-01"),
    }
    later = actions(plan(records, date(2062, 1, 1)))
    assert later[(REPORT, 100)] == later[(REPORT, 101)] == (DESTROY, "")
    assert later[(CONFERENCE, 10)][0] == KEEP


def test_a_legal_hold_keeps_every_record_of_the_family():
    contact = date(2020, 1, 1)
    records = [
        kept(FAMILY, 1, contact=contact, held=True),
        kept(CONFERENCE, 10, contact=contact, parent=1, held=True),
        kept(FAMILY, 2, contact=contact, family=2),
    ]
    assert actions(plan(records, TODAY)) == {
        (FAMILY, 1): (KEEP, "kept: the family is under legal hold"),
        (CONFERENCE, 10): (KEEP, "kept: the family is under legal hold"),
        (FAMILY, 2): (DESTROY, ""),
    }
