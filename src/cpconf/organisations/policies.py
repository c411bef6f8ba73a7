"""The Django side of local policy: policies loaded once from the configured folders."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cpconf.policy import Policy, PolicyError, load_policies


@cache
def all_policies() -> dict[str, Policy]:
    try:
        return load_policies(settings.CPCONF_POLICY_DIRS)
    except PolicyError as error:
        raise ImproperlyConfigured(f"Local policy file is wrong: {error}") from error


def policy_named(name: str) -> Policy:
    try:
        return all_policies()[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"There is no local policy named {name!r}; known: {', '.join(sorted(all_policies()))}."
        ) from None


def policy_name_choices() -> list[tuple[str, str]]:
    return [(name, policy.title) for name, policy in sorted(all_policies().items())]
