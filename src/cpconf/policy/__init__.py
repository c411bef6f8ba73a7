"""Local policy: each local authority's rules, read from a TOML file and checked.

No Django import: the deadline engine and the command line use this on their own.
"""

from cpconf.policy.loading import (
    PolicyError,
    load_policies,
    load_policy,
)
from cpconf.policy.model import (
    NATIONS,
    STAGES,
    LeadTime,
    MeetingType,
    Policy,
    Scaling,
)

__all__ = [
    "NATIONS",
    "STAGES",
    "LeadTime",
    "MeetingType",
    "Policy",
    "PolicyError",
    "Scaling",
    "load_policies",
    "load_policy",
]
