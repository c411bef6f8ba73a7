import pytest


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    """Tests send mail to memory and never need the production static manifest."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
