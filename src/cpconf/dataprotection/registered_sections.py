"""Sections of a subject access export that apps above data protection hold.

Data protection may not import the apps that sit above it in the layers (the census among
them), yet what they hold about a family is still held and must be exported (UK GDPR
Article 15). So, as each domain app registers its access rules into `cpconf.access`, such an
app registers a section here from its `AppConfig.ready()`: a name, a title for the PDF, the
models it exports (so the test that every model holding family data is exported sees them)
and a function giving the section's items for the subject, flagged by the `Requester`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cpconf.dataprotection.third_party import Requester

Items = Callable[[Requester], list[dict[str, Any]]]


@dataclass(frozen=True)
class HeldSection:
    name: str
    title: str  # marked with gettext_noop, translated when shown
    models: tuple[str, ...]  # label_lower of each model whose rows it exports
    items: Items


_REGISTERED: dict[str, HeldSection] = {}


def register_section(section: HeldSection) -> None:
    """Add an app's section; the same name registered twice would hide the first's items."""
    known = _REGISTERED.get(section.name)
    if known is not None and known != section:
        raise ValueError(f"Two subject access sections named {section.name!r}.")
    _REGISTERED[section.name] = section


def registered_sections() -> tuple[HeldSection, ...]:
    """In the order the apps started, which is the order of INSTALLED_APPS."""
    return tuple(_REGISTERED.values())
