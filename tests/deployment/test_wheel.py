"""Installed as an operator installs it: the built wheel in a fresh virtualenv, without the dev
extra and without the checkout. Every runtime import is declared, the wheel carries the built
static files, and the production commands work and print no system-check noise.

Given the wheel built from this checkout (its static files built by `make setup`),
when it is installed alone in a new virtualenv and set up for production,
then migrate, collectstatic and `check --deploy --fail-level WARNING` succeed, and the sign-in
page served by gunicorn links a stylesheet that is served with the GOV.UK styles in it.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.once


def run(command: list[str], env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{command[1:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read().decode()


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.25)
    raise AssertionError(f"{url} did not answer within {seconds} seconds")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built as `pip wheel .` builds it, after removing the checkout's `build/`: setuptools
    copies the modules into `build/lib` and packs whatever is there, so a module deleted or
    renamed since an earlier build would otherwise ship in the wheel."""
    out = tmp_path_factory.mktemp("dist")
    shutil.rmtree(CHECKOUT / "build", ignore_errors=True)
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), "."],
        env=dict(os.environ),
        cwd=CHECKOUT,
    )
    (built,) = out.glob("cpconf-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A new virtualenv with the wheel and its declared dependencies, nothing else.

    The virtualenv gets no pip of its own (ensurepip alone cost about 5 CPU-seconds): this
    environment's pip installs into it with `--python`, which runs pip under the new
    interpreter with nothing but pip itself added to its path, so the install resolves and
    lands exactly as the virtualenv's own pip would. `--no-compile` leaves the bytecode to
    the commands below, which compile only the modules they import, once, instead of every
    module of every package.
    """
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    pip = [sys.executable, "-m", "pip", "--python", str(home / "bin" / "python")]
    run([*pip, "install", "--quiet", "--no-compile", str(wheel)], env=env, cwd=home)
    return home


@pytest.fixture(scope="module")
def production(installed, tmp_path_factory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("var")
    return {
        "PATH": f"{installed / 'bin'}:/usr/bin:/bin",
        "HOME": str(var),
        "CPCONF_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{var / 'cpconf.sqlite3'}",
        "STATIC_ROOT": str(var / "static"),
        "CPCONF_VAR_DIR": str(var),
        "TRUST_X_FORWARDED_PROTO": "true",
    }


def test_the_wheel_carries_the_built_static_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()

    assert "cpconf/static/cpconf/application.css" in names
    assert "cpconf/static/govuk/govuk-frontend.min.js" in names
    assert "cpconf/static/moj/moj-frontend.min.js" in names
    assert any(name.startswith("cpconf/static/govuk/assets/fonts/") for name in names)


def test_the_wheel_holds_exactly_the_modules_of_the_checkout(wheel):
    source = CHECKOUT / "src"
    in_checkout = {
        path.relative_to(source).as_posix()
        for path in source.rglob("*.py")
        if "__pycache__" not in path.parts
    }
    in_wheel = {name for name in zipfile.ZipFile(wheel).namelist() if name.endswith(".py")}

    assert in_wheel == in_checkout


# Run by the virtualenv's Python: where cpconf is imported from, whether pytest can be
# imported, and which packages of an extra (dev, bench, train) are there though nothing
# installed needs them (the dev extra's pyyaml and pydyf are also runtime dependencies of
# drf-spectacular and WeasyPrint).
WHAT_IS_INSTALLED = """
import importlib.metadata, importlib.util, json, re
import cpconf

def name(requirement):
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()

extras = {name(r) for r in importlib.metadata.requires("cpconf") if "extra ==" in r}
installed = {name(d.metadata["Name"]) for d in importlib.metadata.distributions()}
needed = {
    name(r)
    for d in importlib.metadata.distributions()
    for r in d.requires or []
    if "extra ==" not in r
}
print(json.dumps({
    "cpconf": cpconf.__file__,
    "pytest": importlib.util.find_spec("pytest") is not None,
    "extra_only": sorted((extras & installed) - needed),
}))
"""


def test_the_install_has_the_wheel_and_its_dependencies_without_any_extra(installed):
    found = json.loads(
        run(
            [str(installed / "bin" / "python"), "-c", WHAT_IS_INSTALLED],
            env={"PATH": f"{installed / 'bin'}:/usr/bin:/bin"},
            cwd=installed,
        )
    )

    assert Path(found["cpconf"]).is_relative_to(installed / "lib"), found["cpconf"]
    assert not found["pytest"]
    assert found["extra_only"] == []


def test_an_install_without_extras_migrates_collects_checks_and_serves_a_styled_page(
    installed, production
):
    cpconf = str(installed / "bin" / "cpconf")
    cwd = Path(production["CPCONF_VAR_DIR"])

    migrated = run([cpconf, "migrate", "--no-input"], production, cwd)
    collected = run([cpconf, "collectstatic", "--no-input"], production, cwd)
    checked = run([cpconf, "check", "--deploy", "--fail-level", "WARNING"], production, cwd)

    assert "Applying reports.0001_initial... OK" in migrated
    assert "System check identified" not in migrated and "WARNINGS" not in migrated
    assert re.search(r"\d+ static files copied", collected)
    assert "System check identified no issues" in checked

    port = free_port()
    server = subprocess.Popen(
        [str(installed / "bin" / "gunicorn"), "cpconf.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        env=production,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        site = f"http://127.0.0.1:{port}"
        wait_for(f"{site}/health/")
        sign_in = fetch(f"{site}/account/sign-in/")
        stylesheet = re.search(r'href="(/static/cpconf/application\.[0-9a-f]+\.css)"', sign_in)
        assert stylesheet, "the sign-in page links no hashed application stylesheet"
        css = fetch(site + stylesheet.group(1))
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert ".govuk-header" in css and ".govuk-button" in css
