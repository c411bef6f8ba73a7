"""Read policy files and say exactly what is wrong with a bad one.

Every error names the file, the key and the problem, because the people who edit these
files are unit managers, not developers.
"""

import re
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from cpconf.datafile import DataFileError, TableReader
from cpconf.policy.model import (
    AFTER_THE_MEETING_KEYS,
    APPEALS_KEYS,
    DEFAULT_APPEAL_WORKING_DAYS,
    DEFAULT_QUORUM,
    DEFAULT_RETENTION_YEARS,
    LEAD_TIME_UNITS,
    LETTERHEAD_KEYS,
    NATIONS,
    QUORUM_KEYS,
    RETENTION_KINDS,
    STAGES,
    AfterTheMeeting,
    Appeals,
    LeadTime,
    Letterhead,
    MeetingType,
    Policy,
    Quorum,
    Retention,
    Scaling,
)
from cpconf.reportform.model import AGENCY_KINDS

NOT_A_RETENTION_KIND = f"is not a kind of record; the kinds are {', '.join(RETENTION_KINDS)}"
NOT_AN_APPEALS_SETTING = f"is not an appeals setting; the settings are {', '.join(APPEALS_KEYS)}"
NOT_A_QUORUM_SETTING = f"is not a quorum setting; the settings are {', '.join(QUORUM_KEYS)}"
NOT_AN_AFTER_THE_MEETING_SETTING = (
    f"is not a setting for after the meeting; the settings are {', '.join(AFTER_THE_MEETING_KEYS)}"
)
NOT_AN_AGENCY_KIND = "{value!r} is not a kind of agency; the kinds are " + ", ".join(AGENCY_KINDS)
NOT_A_LETTERHEAD_SETTING = (
    f"is not a letterhead setting; the settings are {', '.join(LETTERHEAD_KEYS)}"
)
ADDRESS_LINES = 'must be the address as 1 to 6 lines, like ["Civic Centre", "NS1 1AA"]'
NOT_A_PHONE_NUMBER = "must be a phone number, like 01632 960 100"
NOT_AN_EMAIL = "must be an email address, like unit@council.example"
MAX_ADDRESS_LINES = 6
PHONE_NUMBER = re.compile(r"\+?[0-9][0-9 ()-]{5,}[0-9]")
EMAIL_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class PolicyError(DataFileError):
    """A policy file that cannot be used, with the file and key at fault."""


def _lead_time(reader: TableReader, name: str) -> LeadTime:
    table = reader.table(name)
    units = [unit for unit in LEAD_TIME_UNITS if unit in table.data]
    if len(units) != 1:
        raise reader.fail(name, f"must give exactly one of {', '.join(LEAD_TIME_UNITS)}")
    return LeadTime(amount=table.whole_number(units[0], minimum=0), unit=units[0])


def _meeting_type(reader: TableReader, key: str) -> MeetingType:
    table = reader.table(key)
    stage = table.text("stage")
    if stage not in STAGES:
        raise table.fail("stage", f"must be one of {', '.join(STAGES)}, not {stage!r}")
    return MeetingType(
        key=key,
        label=table.text("label"),
        stage=stage,
        report_form=table.text("report_form"),
        submit_before=_lead_time(table, "submit_before"),
        share_with_family_before=_lead_time(table, "share_with_family_before"),
        core_group_within_working_days=table.whole_number(
            "core_group_within_working_days", minimum=1
        ),
    )


def _scaling(reader: TableReader) -> Scaling:
    table = reader.table("scaling")
    low, high = table.whole_number("low"), table.whole_number("high")
    if high <= low:
        raise table.fail("high", f"must be more than low ({low}), not {high}")
    return Scaling(
        low=low, high=high, low_means=table.text("low_means"), high_means=table.text("high_means")
    )


def _closure_days(reader: TableReader) -> frozenset[date]:
    values = reader.data.get("closure_days", [])
    if not isinstance(values, list) or not all(
        isinstance(v, date) and not hasattr(v, "hour") for v in values
    ):
        raise reader.fail("closure_days", "must be a list of dates like 2026-12-29")
    return frozenset(values)


def _retention(reader: TableReader) -> Retention:
    """Years per kind of record; a kind left out (or the whole table) keeps the default."""
    if "retention" not in reader.data:
        return Retention()
    table = reader.table("retention")
    table.only(RETENTION_KINDS, NOT_A_RETENTION_KIND)
    years = {kind: table.positive_number(kind, DEFAULT_RETENTION_YEARS) for kind in RETENTION_KINDS}
    return Retention(**years)


def _appeals(reader: TableReader) -> Appeals:
    """The family's right of appeal; left out, 10 working days and the policy's contact."""
    if "appeals" not in reader.data:
        return Appeals()
    table = reader.table("appeals")
    table.only(APPEALS_KEYS, NOT_AN_APPEALS_SETTING)
    return Appeals(
        within_working_days=table.positive_number(
            "within_working_days", DEFAULT_APPEAL_WORKING_DAYS
        ),
        contact=table.text("contact") if "contact" in table.data else "",
    )


def _letterhead(reader: TableReader, title: str) -> Letterhead:
    """What heads the outcome letter; left out, the policy's title alone. Once given, every
    part must be there: a family writes back to the address, phone and email on it."""
    if "letterhead" not in reader.data:
        return Letterhead(authority=title)
    table = reader.table("letterhead")
    table.only(LETTERHEAD_KEYS, NOT_A_LETTERHEAD_SETTING)
    address = table.text_list("address") if "address" in table.data else ()
    if not 1 <= len(address) <= MAX_ADDRESS_LINES:
        raise table.fail("address", ADDRESS_LINES)
    phone, email = table.text("phone"), table.text("email")
    if not PHONE_NUMBER.fullmatch(phone):
        raise table.fail("phone", f"{NOT_A_PHONE_NUMBER}, not {phone!r}")
    if not EMAIL_ADDRESS.fullmatch(email):
        raise table.fail("email", f"{NOT_AN_EMAIL}, not {email!r}")
    return Letterhead(
        authority=table.text("authority") if "authority" in table.data else title,
        service=table.text("service"),
        address=address,
        phone=phone,
        email=email,
    )


def _quorum(reader: TableReader) -> Quorum:
    """Who must be present for a quorate conference; left out, Working Together's."""
    if "quorum" not in reader.data:
        return DEFAULT_QUORUM
    table = reader.table("quorum")
    table.only(QUORUM_KEYS, NOT_A_QUORUM_SETTING)
    agencies = table.text_list("agencies", default=DEFAULT_QUORUM.agencies)
    for kind in agencies:
        if kind not in AGENCY_KINDS:
            raise table.fail("agencies", NOT_AN_AGENCY_KIND.format(value=kind))
    others = DEFAULT_QUORUM.other_agencies_at_least
    if "other_agencies_at_least" in table.data:
        others = table.whole_number("other_agencies_at_least", minimum=0)
    return Quorum(agencies=agencies, other_agencies_at_least=others)


def _after_the_meeting(reader: TableReader) -> AfterTheMeeting:
    """When the letter and the minutes are due; a setting left out (or the table) keeps its
    default: the letter within 1 working day, the minutes within 20."""
    if "after_the_meeting" not in reader.data:
        return AfterTheMeeting()
    table = reader.table("after_the_meeting")
    table.only(AFTER_THE_MEETING_KEYS, NOT_AN_AFTER_THE_MEETING_SETTING)
    default = AfterTheMeeting()
    return AfterTheMeeting(
        letter_within_working_days=table.positive_number(
            "letter_within_working_days", default.letter_within_working_days
        ),
        minutes_within_working_days=table.positive_number(
            "minutes_within_working_days", default.minutes_within_working_days
        ),
    )


def _policy_from_data(source: str, data: Mapping[str, Any]) -> Policy:
    reader = TableReader(source, data, error=PolicyError)
    nation = reader.text("nation")
    if nation not in NATIONS:
        raise reader.fail("nation", f"must be one of {', '.join(NATIONS)}, not {nation!r}")
    meeting_types_table = reader.table("meeting_types")
    if not meeting_types_table.data:
        raise reader.fail("meeting_types", "must list at least one meeting type")
    reviews = reader.table("reviews")
    title = reader.text("title")
    return Policy(
        name=reader.text("name"),
        title=title,
        nation=nation,
        working_day_cutoff=reader.clock_time("working_day_cutoff"),
        scaling=_scaling(reader),
        meeting_types={
            key: _meeting_type(meeting_types_table, key) for key in meeting_types_table.data
        },
        first_review_within_months=reviews.whole_number("first_within_months", minimum=1),
        later_reviews_within_months=reviews.whole_number("then_within_months", minimum=1),
        initial_conference_within_working_days=reader.whole_number(
            "initial_conference_within_working_days", minimum=1
        ),
        contact=reader.text("contact"),
        closure_days=_closure_days(reader),
        retention=_retention(reader),
        appeals=_appeals(reader),
        letterhead=_letterhead(reader, title),
        quorum=_quorum(reader),
        after_the_meeting=_after_the_meeting(reader),
        source=source,
    )


def load_policy(path: Path) -> Policy:
    """Read one policy file; raise PolicyError naming the file, key and problem."""
    source = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PolicyError(source, "(file)", f"cannot be read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(source, "(file)", f"is not valid TOML: {error}") from None
    policy = _policy_from_data(source, data)
    if policy.name != path.stem:
        raise PolicyError(source, "name", f"must match the file name ({path.stem!r})")
    return policy


def load_policies(directories: Iterable[Path]) -> dict[str, Policy]:
    """Every `*.toml` policy in the directories, by name; a name given twice is an error."""
    policies: dict[str, Policy] = {}
    for directory in directories:
        for path in sorted(Path(directory).glob("*.toml")):
            policy = load_policy(path)
            if policy.name in policies:
                raise PolicyError(path.name, "name", f"{policy.name!r} is already defined")
            policies[policy.name] = policy
    return policies
