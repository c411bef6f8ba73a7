"""Worlds built once for many tests: a module's or a class's records, made inside an outer
transaction that is rolled back when the module or class ends.

Each test runs in pytest-django's usual transaction, a savepoint within the outer one, so
what one test changes the next never sees; `fresh` gives each test its own instances, read
again by primary key, so nothing changed in memory reaches the next test either. Building
the same reports section by section for every test took most of these tests' time. Not for
transactional tests (live_server, transactional_db): they empty the tables.
"""

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Model
from django.test import override_settings

# Passwords in these worlds are hashed quickly; a test that signs in with one lists the same
# hasher in its settings.
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
World = TypeVar("World")


def rolled_back_world(django_db_blocker: Any, build: Callable[[], World]) -> Iterator[World]:
    """Yield what `build` makes, built once inside an outer transaction rolled back afterwards
    (for a module- or class-scoped fixture to `yield from`). The build's on-commit callbacks
    never run, as the outer transaction never commits, unless the build runs them itself."""
    outer = transaction.atomic()
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        outer.__enter__()
        try:
            world = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield world
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def fresh(value: Any) -> Any:
    """The same records read again: a model instance, a list of them, or a dataclass holding
    them (each field read again in turn); anything else as it is."""
    if isinstance(value, Model):
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, list):
        return [fresh(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: fresh(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    return value


def demo_world(django_db_blocker: Any) -> Iterator[str]:
    """The demo as `cpconf seed_demo` makes it, in a world rolled back afterwards (for a
    fixture to `yield from`); its value is what the command printed."""
    from io import StringIO

    from django.core.management import call_command

    def seeded() -> str:
        out = StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    yield from rolled_back_world(django_db_blocker, seeded)
