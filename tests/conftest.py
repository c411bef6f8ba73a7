import pytest


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    """Tests send mail to memory and never need the production static manifest."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def scene(settings):
    """A conference with an invited author, a colleague, the chair, the unit and a parent."""
    from tests.report_scene import build_scene

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_scene()
