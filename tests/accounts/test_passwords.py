"""Passwords: Argon2id, at least 12 characters, not a common password, no composition rules."""

import pytest
from django.contrib.auth.hashers import check_password, get_hasher, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

import cpconf.settings as project_settings
from cpconf.accounts.passwords import PASSWORD_TOO_COMMON, password_too_short
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def problems(password: str, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


def test_passwords_are_hashed_with_argon2id(settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS

    encoded = make_password("a-long-enough-secret")

    assert get_hasher().algorithm == "argon2"
    assert encoded.startswith("argon2$argon2id$v=19$")
    assert check_password("a-long-enough-secret", encoded)
    assert not check_password("a-long-enough-secreT", encoded)


def test_an_eleven_character_password_is_refused_with_a_clear_message():
    assert problems("elevenchars") == [password_too_short(12)]
    assert password_too_short(12) == "Your password must be 12 characters or more"


def test_a_common_password_is_refused_with_a_clear_message():
    assert problems("password1234") == [str(PASSWORD_TOO_COMMON)]
    assert str(PASSWORD_TOO_COMMON).startswith("This password is too common")


def test_a_password_like_the_email_address_is_refused():
    user = UserFactory.build(email="rosalind.franklin@testshire.example")

    assert problems("rosalind.franklin@testshire.example", user)


@pytest.mark.parametrize(
    "password",
    ["twelve chars", "correct horse battery staple", "lowercaseonlyletters", "ABCDEFGHJKMN"],
)
def test_no_composition_rules_twelve_uncommon_characters_are_enough(password):
    assert problems(password) == []


def test_the_rules_are_what_the_settings_name():
    names = [rule["NAME"] for rule in project_settings.AUTH_PASSWORD_VALIDATORS]

    assert names == [
        "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "cpconf.accounts.passwords.MinimumLengthValidator",
        "cpconf.accounts.passwords.CommonPasswordValidator",
    ]
