import pytest


@pytest.fixture(autouse=True, scope="session")
def _flush_holds_the_destruction_permit():
    """Between transactional tests Django empties every table. PostgreSQL's TRUNCATE fires
    no row trigger, but SQLite's flush is a DELETE per table, which the written-once guards
    refuse: the flush takes the destruction permit inside its own transaction, as retention
    destruction does (decision 7)."""
    from django.db.backends.sqlite3.base import DatabaseOperations

    from cpconf.dataprotection.frozen_versions import with_destruction_permit

    sql_flush = DatabaseOperations.sql_flush

    def permitted_flush(self, *args, **kwargs):
        return with_destruction_permit(sql_flush(self, *args, **kwargs))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", permitted_flush)
        yield


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    """Tests send mail to memory and never need the production static manifest."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _force_login_is_fully_signed_in(settings):
    """Test settings put the test-client backend first, so force_login counts as signed in
    with the second factor; this keeps it so even if pytest runs without CPCONF_ENV=test."""
    from cpconf.accounts.backends import TEST_CLIENT_BACKEND

    if TEST_CLIENT_BACKEND not in settings.AUTHENTICATION_BACKENDS:
        settings.AUTHENTICATION_BACKENDS = [TEST_CLIENT_BACKEND, *settings.AUTHENTICATION_BACKENDS]


@pytest.fixture
def scene(settings):
    """A conference with an invited author, a colleague, the chair, the unit and a parent."""
    from tests.report_scene import build_scene
    from tests.worlds import FAST_HASHER

    settings.PASSWORD_HASHERS = FAST_HASHER
    return build_scene()


BROWSER_FIXTURES = {"live_server", "page", "chromium"}


def _fixtures_not_parameters(item) -> set[str]:
    """The fixtures a test uses, less its parameters: a test parametrized over a `page` name
    drives no browser."""
    callspec = getattr(item, "callspec", None)
    return set(getattr(item, "fixturenames", ())) - set(callspec.params if callspec else ())


def _uses_the_database(item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or "_django_db_helper" in fixtures


# The modules that take longest on their own (a server in subprocesses, a crawl of every page
# as every user). With the browser journeys they are handed out first (`make test` passes
# --no-loadscope-reorder, which keeps this order), so a run never ends waiting on one of them
# alone while the other core sits idle.
LONG_MODULES = (
    "tests/access/test_matrix.py",
    "tests/access/test_canary.py",
    "tests/architecture/test_selectors_only_read.py",
    "tests/audit/test_restore.py",
    "tests/deployment/test_restore_check.py",
    "tests/deployment/test_wheel.py",
    "tests/reliability/test_kill_during_submission.py",
    "tests/settings_tests/test_settings.py",
)


# Packages whose modules share a package-scoped world (tests/seeded_demo: the demo, seeded
# once): handed to one test worker together, so the world is built once a run, not once for
# each worker that happens to get one of its modules.
SHARED_WORLD_PACKAGES = ("tests/seeded_demo/",)


def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite on SQLite, then on PostgreSQL; what cannot differ between
    the two runs once. Tests that drive a real browser are marked `browser` wherever they sit,
    and tests that cannot reach the database (pytest-django refuses them any connection: the
    pure cores, the wheel install) are marked `once`; both run in the SQLite run only.
    Browser tests, the long modules and the shared-world packages (one long unit of work
    each) come first, each module's tests kept together."""
    long_modules = set()
    for item in items:
        module = item.nodeid.split("::")[0]
        if BROWSER_FIXTURES & _fixtures_not_parameters(item):
            item.add_marker(pytest.mark.browser)
            long_modules.add(module)
        elif not _uses_the_database(item):
            item.add_marker(pytest.mark.once)
        if module in LONG_MODULES or module.startswith(SHARED_WORLD_PACKAGES):
            long_modules.add(module)
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in long_modules)


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadfile`, with each shared-world package as one unit of work."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LoadFileKeepingSharedWorlds(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            for package in SHARED_WORLD_PACKAGES:
                if nodeid.startswith(package):
                    return package
            return super()._split_scope(nodeid)

    return LoadFileKeepingSharedWorlds(config, log)


@pytest.fixture(autouse=True)
def _engine_marks(request):
    """`make test` selects tests marked `postgres` (or `sqlite`) for that run only, so these
    never skip there; run by hand on the other engine, they say why instead of failing."""
    from django.db import connection

    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs in the PostgreSQL run of make test")
    if request.node.get_closest_marker("sqlite") and connection.vendor != "sqlite":
        pytest.skip("shows SQLite's behaviour: runs in the SQLite run of make test")


@pytest.fixture(scope="module")
def demo_seeded_once(django_db_setup, django_db_blocker):
    """The demo, seeded once for a whole module (tests/worlds.py): seeding takes seconds, and
    the modules that use it only read it. tests/seeded_demo seeds it once for the package."""
    from tests.worlds import demo_world

    yield from demo_world(django_db_blocker)
