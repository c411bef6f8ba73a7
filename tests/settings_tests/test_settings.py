"""Settings come from the environment; production refuses unsafe ones.

Each case starts a fresh `cpconf` process, because settings are read once at start-up.
"""

import os
import secrets
import subprocess
import sys

import pytest

BASE_ENV = {
    key: value
    for key, value in os.environ.items()
    if key
    not in {
        "SECRET_KEY",
        "DEBUG",
        "ALLOWED_HOSTS",
        "CPCONF_ENV",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
}


def run_cpconf(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cpconf", *args],
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_cpconf("check", CPCONF_ENV="production", ALLOWED_HOSTS="cp.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when CPCONF_ENV=production" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = run_cpconf(
        "check",
        CPCONF_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="cp.example.org",
        DEBUG="true",
    )
    assert result.returncode != 0
    assert "DEBUG must not be on" in result.stderr


def test_production_settings_pass_the_deployment_check_with_no_warnings():
    result = run_cpconf(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        CPCONF_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="cp.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_an_unknown_environment_name_is_refused_with_the_allowed_names():
    result = run_cpconf("check", CPCONF_ENV="staging")
    assert result.returncode != 0
    assert "CPCONF_ENV must be one of development, test, production" in result.stderr


def test_a_malformed_boolean_names_the_variable(tmp_path):
    result = run_cpconf(
        "check", CPCONF_ENV="development", DEBUG="perhaps", CPCONF_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'perhaps'" in result.stderr


def test_development_keeps_a_generated_secret_key_under_var(tmp_path):
    """Two fresh processes: the first makes the key, the second reads the same one back.

    Each only reads a setting, so neither sets Django up (see read_settings).
    """
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    env = {
        **BASE_ENV,
        "CPCONF_ENV": "development",
        "CPCONF_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cpconf.settings",
    }
    first = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    second = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    key = (tmp_path / "secret_key").read_text()
    assert first.stdout.strip() == key == second.stdout.strip()
    assert len(key) >= 50
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("TIME_ZONE", "Europe/London"), ("LANGUAGE_CODE", "en-gb")],
)
def test_locale_settings(settings, name, expected):
    assert getattr(settings, name) == expected


def test_passwords_are_hashed_with_argon2(settings):
    """Django's Argon2PasswordHasher is Argon2id (tests/accounts/test_passwords.py)."""
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def read_settings(*names: str, **env: str) -> list[str]:
    """The named settings as a fresh process reads them from this environment.

    The first use of django.conf.settings imports cpconf.settings, which reads the environment;
    django.setup() would load every app (WeasyPrint among them, about 2 CPU-seconds a process)
    and change none of these values, so the process does not call it.
    """
    script = "; ".join(f"print(repr(settings.{name}))" for name in names)
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; {script}"],
        env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "cpconf.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_session_limits_default_to_fifteen_minutes_idle_and_twelve_hours(tmp_path):
    assert read_settings(
        "SESSION_IDLE_SECONDS",
        "SESSION_MAX_SECONDS",
        "SESSION_COOKIE_AGE",
        "SESSION_SAVE_EVERY_REQUEST",
        "SESSION_SEEN_EVERY_SECONDS",
        CPCONF_ENV="development",
        CPCONF_VAR_DIR=str(tmp_path),
    ) == ["900", "43200", "900", "False", "60"]


def test_session_limits_come_from_the_environment(tmp_path):
    assert read_settings(
        "SESSION_IDLE_SECONDS",
        "SESSION_MAX_SECONDS",
        "SESSION_COOKIE_AGE",
        CPCONF_ENV="development",
        CPCONF_VAR_DIR=str(tmp_path),
        SESSION_IDLE_SECONDS="600",
        SESSION_MAX_SECONDS="28800",
    ) == ["600", "28800", "600"]


def test_an_idle_limit_longer_than_the_whole_session_is_refused(tmp_path):
    result = run_cpconf(
        "check",
        CPCONF_ENV="development",
        CPCONF_VAR_DIR=str(tmp_path),
        SESSION_IDLE_SECONDS="50000",
    )
    assert result.returncode != 0
    assert "SESSION_IDLE_SECONDS must be more than 0 and no more than SESSION_MAX_SECONDS" in (
        result.stderr
    )


@pytest.mark.parametrize("environment", ["development", "production"])
def test_only_test_settings_list_the_test_client_backend(tmp_path, environment):
    (backends,) = read_settings(
        "AUTHENTICATION_BACKENDS",
        CPCONF_ENV=environment,
        CPCONF_VAR_DIR=str(tmp_path),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="cp.example.org",
    )
    assert backends == "['django.contrib.auth.backends.ModelBackend']"


def test_production_sends_hsts_and_secure_cookies():
    assert read_settings(
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        CPCONF_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="cp.example.org",
    ) == ["31536000", "True", "True"]
