"""The load run's users: 50 people of the bench authority at once, each signed in through the
real sign-in pages (email and password, then the code their authenticator app shows now),
each doing what their role does most.

Run by ``bench/load_run.py`` (which starts gunicorn and passes the settings); on its own:

    BENCH_PLAN=var/bench/cpconf_bench/plan.json locust -f bench/load/locustfile.py --headless \\
        -u 50 -r 10 --host http://127.0.0.1:8123

The server runs with production settings behind what it takes for a TLS-terminating load
balancer (``TRUST_X_FORWARDED_PROTO``): this client says so with ``X-Forwarded-Proto: https``
and, being on plain HTTP to 127.0.0.1, sends back the Secure cookies it is given (its cookie
policy allows that for loopback only). Nothing is sent anywhere but the host given.
"""

import itertools
import json
import os
import re
import sys
import threading
import time
from http.cookiejar import Cookie
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import gevent
from locust import HttpUser, between, events, task
from requests.cookies import RequestsCookieJar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_accounts import code_now

PLAN = json.loads(
    Path(os.environ.get("BENCH_PLAN", "var/bench/cpconf_bench/plan.json")).read_text()
)
PREPARATION = os.environ.get("BENCH_PREPARATION") == "1"
# Measured for this long once everyone has signed in (sign-in is timed on its own).
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "120"))
SIGN_IN_FILE = os.environ.get("BENCH_SIGN_IN_FILE", "")
WAIT = tuple(float(s) for s in os.environ.get("BENCH_WAIT", "1,3").split(","))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REVISION = re.compile(r'name="revision" value="(\d+)"')
LOOPBACK = ("127.0.0.1", "localhost", "localhost.local")
MINIMAL = "minimal page (signed in, no role: home)"
HEALTH = "health check (/health/, plain text)"

_accounts: dict[str, Any] = {}
_lock = threading.Lock()
_sign_ins: list[float] = []


def next_account(role: str) -> dict[str, Any]:
    """Each simulated person signs in as a different account: a code works once."""
    with _lock:
        if role not in _accounts:
            _accounts[role] = itertools.cycle([a for a in PLAN["accounts"] if a["role"] == role])
        return next(_accounts[role])  # type: ignore[no-any-return]


@events.test_start.add_listener
def _check_host(environment: Any, **_: Any) -> None:
    host = urlsplit(environment.host or "").hostname
    if host not in LOOPBACK:
        raise SystemExit(f"The load run only talks to 127.0.0.1, not {host!r}.")


def signed_in(environment: Any, seconds: float) -> None:
    """When the last person is in, forget the figures so far and measure for SECONDS."""
    with _lock:
        _sign_ins.append(seconds)
        everyone = len(_sign_ins) == environment.runner.target_user_count
    if everyone:
        environment.runner.stats.reset_all()
        gevent.spawn_later(SECONDS, environment.runner.quit)


@events.quitting.add_listener
def _save_sign_ins(environment: Any, **_: Any) -> None:
    if SIGN_IN_FILE:
        Path(SIGN_IN_FILE).write_text(json.dumps(sorted(_sign_ins)))


class LoopbackCookies(RequestsCookieJar):
    """Keeps the Secure cookies the server sets so they go back over plain HTTP: this client
    only ever talks to the loopback address (checked when the run starts)."""

    def set_cookie(self, cookie: Cookie, *args: Any, **kwargs: Any) -> None:
        cookie.secure = False
        super().set_cookie(cookie, *args, **kwargs)


class Person(HttpUser):
    abstract = True
    role = ""
    wait_time = between(*WAIT)

    def on_start(self) -> None:
        self.client.cookies = LoopbackCookies()
        self.client.headers["X-Forwarded-Proto"] = "https"
        # As the browser sees it: https, through the load balancer.
        self.origin = f"https://{urlsplit(self.host).netloc}"
        self.account = next_account(self.role)
        started = time.perf_counter()
        self.sign_in()
        signed_in(self.environment, time.perf_counter() - started)

    def csrf_of(self, html: str) -> str:
        found = CSRF.search(html)
        return found.group(1) if found else ""

    def post(self, url: str, data: dict[str, Any], **kwargs: Any) -> Any:
        headers = {"Origin": self.origin, **kwargs.pop("headers", {})}
        return self.client.post(url, data=data, headers=headers, **kwargs)

    def sign_in(self) -> None:
        """The sign-in pages as a person goes through them; a code just used waits for the
        next one (each works once)."""
        page = self.client.get("/account/sign-in/", name="sign in: page")
        answer = self.post(
            "/account/sign-in/",
            {
                "csrfmiddlewaretoken": self.csrf_of(page.text),
                "username": self.account["email"],
                "password": PLAN["password"],
            },
            name="sign in: password",
        )
        for _ in range(3):
            answer = self.post(
                "/account/sign-in/code/",
                {
                    "csrfmiddlewaretoken": self.csrf_of(answer.text),
                    "code": code_now(self.account["email"]),
                },
                name="sign in: code",
            )
            if urlsplit(answer.url).path == "/":
                return
            time.sleep(30)
        raise RuntimeError(f"Could not sign in as {self.account['email']}")

    @task(1)
    def health_check(self) -> None:
        self.client.get("/health/", name=HEALTH)

    def home_name(self) -> str:
        return f"home: {self.role.replace('_', ' ')}"

    @task(4)
    def home(self) -> None:
        self.client.get("/", name=self.home_name())

    def read_version(self) -> None:
        version = self.account.get("version")
        if version:
            self.client.get(
                f"/reports/{version[0]}/versions/{version[1]}/", name="report version: read"
            )


class NoRole(Person):
    """The minimal page: signed in, holding no role yet, on the home page (the middleware and
    the base layout, no domain query). Every other page's figure is compared with this one."""

    role = "no_role"
    fixed_count = 4

    def home_name(self) -> str:
        return MINIMAL


class Professional(Person):
    """Writes their report (autosaves as they type), reads their submitted one."""

    role = "professional"
    fixed_count = 26

    def on_start(self) -> None:
        super().on_start()
        self.revision = -1
        self.typed = 0

    def part_url(self) -> str:
        return f"/reports/{self.account['draft_report']}/parts/{self.account['draft_section']}/"

    @task(2)
    def open_section(self) -> None:
        page = self.client.get(self.part_url(), name="report section: page")
        found = REVISION.search(page.text)
        if found:
            self.revision = int(found.group(1))
            self.csrf = self.csrf_of(page.text)

    @task(6)
    def autosave(self) -> None:
        if self.revision < 0:
            self.open_section()
        self.typed += 1
        text = (
            "I visited the family at home and saw both children. " * (20 + self.typed % 40)
        ).strip()
        with self.post(
            self.part_url(),
            {
                "csrfmiddlewaretoken": self.csrf,
                "revision": self.revision,
                "text": text,
                "autosave": "1",
            },
            headers={"X-CPConf-Autosave": "1"},
            name="report section: autosave (JSON)",
            catch_response=True,
        ) as answer:
            if answer.status_code == 200 and answer.json().get("saved"):
                self.revision = answer.json()["revision"]
                answer.success()
            elif answer.status_code == 409:
                self.revision = -1  # someone else's save: reload, as the page would
                answer.success()
            else:
                answer.failure(f"autosave answered {answer.status_code}")

    @task(3)
    def version(self) -> None:
        self.read_version()


class SocialWorker(Professional):
    role = "social_worker"
    fixed_count = 8


class Chair(Person):
    """Prepares for the conferences they chair: the board, the reports, the conference."""

    role = "chair"
    fixed_count = 6

    @task(3)
    def board(self) -> None:
        pk = self.account["conference"]
        self.client.get(f"/conferences/{pk}/reports-received/", name="reports-received board")

    @task(2)
    def conference(self) -> None:
        self.client.get(f"/conferences/{self.account['conference']}/", name="conference page")

    @task(3)
    def version(self) -> None:
        self.read_version()

    @task(3)
    def preparation(self) -> None:
        if PREPARATION:
            pk = self.account["conference"]
            self.client.get(f"/preparation/{pk}/", name="chair's preparation view")


class Unit(Person):
    role = "unit_administrator"
    fixed_count = 4

    @task(3)
    def board(self) -> None:
        pk = self.account["conference"]
        self.client.get(f"/conferences/{pk}/reports-received/", name="reports-received board")

    @task(2)
    def conference(self) -> None:
        self.client.get(f"/conferences/{self.account['conference']}/", name="conference page")


class Auditor(Person):
    role = "auditor"
    fixed_count = 2

    @task(2)
    def search(self) -> None:
        self.client.get("/audit/", name="audit search")
