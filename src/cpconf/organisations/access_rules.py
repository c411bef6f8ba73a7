"""An authority sets itself up: its unit, and only its unit (registered by OrganisationsConfig).

A member of staff is found through the authority's staff, after these rules: see
organisations.selectors.
"""

from cpconf.access.rules import register, unit_of


def register_rules() -> None:
    register(
        {
            ("organisations.localauthority", "set_up_families"): lambda u, r: unit_of(u, r.pk),
            ("organisations.localauthority", "set_up_agencies"): lambda u, r: unit_of(u, r.pk),
            ("organisations.localauthority", "set_up_staff"): lambda u, r: unit_of(u, r.pk),
            ("organisations.agency", "change"): lambda u, r: (
                r.retired_at is None and unit_of(u, r.local_authority_id)
            ),
        }
    )
