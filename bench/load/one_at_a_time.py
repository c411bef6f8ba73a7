"""Each page's own cost, with nothing else in the queue: one person per role signs in
through the real pages and asks for each of their pages in turn, one request at a time.
Under the 50-person load every figure includes time spent waiting for a free worker; these
do not, so together they tell how much of a page's time is its own work.

Called by ``bench/load_run.py`` with the gunicorn it started; plain ``requests``, only to
127.0.0.1.
"""

import re
import statistics
import sys
import time
from collections.abc import Callable
from http.cookiejar import Cookie
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.cookies import RequestsCookieJar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_accounts import code_now

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REVISION = re.compile(r'name="revision" value="(\d+)"')
# The floor every page is compared with: the home page of a signed-in person with no role
# (the whole middleware stack and the base layout, no domain query).
MINIMAL = "minimal page (signed in, no role: home)"
HEALTH = "health check (/health/, plain text)"


class LoopbackCookies(RequestsCookieJar):
    """Secure cookies sent back over plain HTTP: this client only talks to 127.0.0.1."""

    def set_cookie(self, cookie: Cookie, *args: Any, **kwargs: Any) -> None:
        cookie.secure = False
        super().set_cookie(cookie, *args, **kwargs)


class Person:
    def __init__(self, base: str, account: dict[str, Any], password: str) -> None:
        if urlsplit(base).hostname != "127.0.0.1":
            raise SystemExit("Only 127.0.0.1.")
        self.base = base
        self.account = account
        self.session = requests.Session()
        self.session.cookies = LoopbackCookies()
        self.session.headers["X-Forwarded-Proto"] = "https"
        self.origin = f"https://{urlsplit(base).netloc}"
        self.sign_in(password)

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, timeout=120)

    def post(self, path: str, data: dict[str, Any], **headers: str) -> requests.Response:
        return self.session.post(
            self.base + path, data=data, headers={"Origin": self.origin, **headers}, timeout=120
        )

    def sign_in(self, password: str) -> None:
        page = self.get("/account/sign-in/")
        email = self.account["email"]
        answer = self.post(
            "/account/sign-in/",
            {"csrfmiddlewaretoken": CSRF.search(page.text).group(1), "username": email}  # type: ignore[union-attr]
            | {"password": password},
        )
        for _ in range(3):
            token = CSRF.search(answer.text)
            answer = self.post(
                "/account/sign-in/code/",
                {"csrfmiddlewaretoken": token.group(1) if token else "", "code": code_now(email)},
            )
            if urlsplit(answer.url).path == "/":
                return
            time.sleep(30)  # the code was just used: wait for the next one
        raise RuntimeError(f"Could not sign in as {email}")


def _timed(action: Callable[[], requests.Response], repeats: int) -> dict[str, Any]:
    action()  # warm
    timings, status = [], set()
    for _ in range(repeats):
        started = time.perf_counter()
        response = action()
        timings.append((time.perf_counter() - started) * 1000)
        status.add(response.status_code)
    ordered = sorted(timings)
    return {
        "requests": repeats,
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
        "status": sorted(status),
    }


def pages_for(person: Person, preparation: bool) -> dict[str, Callable[[], requests.Response]]:
    account = person.account
    role = account["role"]
    pages: dict[str, Callable[[], requests.Response]] = {
        f"home: {role.replace('_', ' ')}": lambda: person.get("/"),
    }
    if account.get("conference"):
        pk = account["conference"]
        pages["reports-received board"] = lambda: person.get(f"/conferences/{pk}/reports-received/")
        pages["conference page"] = lambda: person.get(f"/conferences/{pk}/")
        if preparation:
            pages["chair's preparation view"] = lambda: person.get(f"/preparation/{pk}/")
    if account.get("version"):
        report, number = account["version"]
        pages["report version: read"] = lambda: person.get(f"/reports/{report}/versions/{number}/")
    if account.get("draft_report"):
        part = f"/reports/{account['draft_report']}/parts/{account['draft_section']}/"
        pages["report section: page"] = lambda: person.get(part)
        state = {"revision": -1, "csrf": ""}

        def autosave() -> requests.Response:
            if state["revision"] == -1:
                page = person.get(part)
                state["revision"] = int(REVISION.search(page.text).group(1))  # type: ignore[union-attr]
                state["csrf"] = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
            answer = person.post(
                part,
                {
                    "csrfmiddlewaretoken": state["csrf"],
                    "revision": state["revision"],
                    "text": "I visited the family at home and saw both children. " * 30,
                    "autosave": "1",
                },
                **{"X-CPConf-Autosave": "1"},
            )
            state["revision"] = answer.json().get("revision", -1) if answer.ok else -1
            return answer

        pages["report section: autosave (JSON)"] = autosave
    if role == "auditor":
        pages["audit search"] = lambda: person.get("/audit/")
    return pages


def measure(base: str, plan: dict[str, Any], preparation: bool, repeats: int) -> list[dict]:
    """One account per role (the last listed, so the load run's first ones stay fresh)."""
    rows: dict[str, dict[str, Any]] = {}
    roles = ("no_role", "professional", "social_worker", "chair", "unit_administrator", "auditor")
    for role in roles:
        accounts = [a for a in plan["accounts"] if a["role"] == role]
        if not accounts:
            continue
        person = Person(base, accounts[-1], plan["password"])
        if role == "no_role":
            rows[MINIMAL] = {"page": MINIMAL, **_timed(lambda p=person: p.get("/"), repeats)}
            rows[HEALTH] = {"page": HEALTH, **_timed(lambda p=person: p.get("/health/"), repeats)}
            continue
        for name, action in pages_for(person, preparation).items():
            if name not in rows:
                rows[name] = {"page": name, **_timed(action, repeats)}
    minimal = rows[MINIMAL]["p50_ms"] or 1
    for row in rows.values():
        row["p50_ratio"] = round(row["p50_ms"] / minimal, 1)
    return list(rows.values())
