"""Every module here reads the demo as `cpconf seed_demo` makes it. Seeding takes seconds (ten
and more when both test runs share the cores), so the demo is seeded once for this package
on each test worker, rather than once per module, and rolled back when the worker leaves the
package. Each test still runs in its own savepoint within it (tests/worlds.py), so nothing a
test changes reaches the next. A module whose tests need a database without the demo, or the
demo seeded on another day, belongs elsewhere (tests/demo)."""

import pytest


@pytest.fixture(scope="package")
def demo_seeded_once(django_db_setup, django_db_blocker):
    """The demo, seeded once for the package; what `seed_demo` printed is its value."""
    from tests.worlds import demo_world

    yield from demo_world(django_db_blocker)
