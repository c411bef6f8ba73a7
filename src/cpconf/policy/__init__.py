"""Local policy: each local authority's rules, read from a TOML file and checked.

No Django import: the deadline engine and the command line use this on their own.
"""

from cpconf.policy.loading import (
    PolicyError,
    load_policies,
    load_policy,
)
from cpconf.policy.model import (
    DEFAULT_APPEAL_WORKING_DAYS,
    DEFAULT_QUORUM,
    DEFAULT_RETENTION_YEARS,
    NATIONS,
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

__all__ = [
    "DEFAULT_APPEAL_WORKING_DAYS",
    "DEFAULT_QUORUM",
    "DEFAULT_RETENTION_YEARS",
    "NATIONS",
    "RETENTION_KINDS",
    "STAGES",
    "AfterTheMeeting",
    "Appeals",
    "LeadTime",
    "Letterhead",
    "MeetingType",
    "Policy",
    "PolicyError",
    "Quorum",
    "Retention",
    "Scaling",
    "load_policies",
    "load_policy",
]
