"""Who may download a conference pack's copies (registered by PacksConfig)."""

from cpconf.access.rules import register, runs
from cpconf.conferences.access_rules import reads_pack


def register_rules() -> None:
    register(
        {
            ("packs.conferencepack", "download_family_copy"): lambda u, r: reads_pack(
                u, r.conference
            ),
            ("packs.conferencepack", "download_conference_copy"): lambda u, r: runs(
                u, r.conference
            ),
        }
    )
