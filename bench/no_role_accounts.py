"""The load run's minimal page is the home page of a signed-in person who holds no role: it
goes through every middleware (session, authentication and its second factor, CSP, audit
context) and renders the base layout, and reads nothing of any family, conference or report.
This puts such accounts in the bench database (idempotent, so a database generated before
they existed gets them too) and prints their email addresses as JSON.

Run by ``bench/load_run.py`` with the bench database's settings:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cpconf_bench python bench/no_role_accounts.py
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_accounts import BENCH_PASSWORD, key_hex

DOMAIN = "fenmoor.example"
HOW_MANY = int(os.environ.get("BENCH_NO_ROLE_ACCOUNTS", "4"))


def ensure(how_many: int = HOW_MANY) -> list[str]:
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cpconf.accounts.models import User

    emails = []
    password = make_password(BENCH_PASSWORD)
    for index in range(how_many):
        email = f"no.role.{index}@{DOMAIN}"
        user, _created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": "Nobody",
                "last_name": f"Assigned {index}",
                "job_title": "Newly joined, no role yet",
                "password": password,
            },
        )
        TOTPDevice.objects.get_or_create(
            user=user,
            name="Bench authenticator",
            defaults={"key": key_hex(email), "confirmed": True},
        )
        emails.append(email)
    return emails


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    import django

    django.setup()
    print(json.dumps(ensure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
