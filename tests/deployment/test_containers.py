"""The container files say what docs/deployment.md says: one image run as web, worker and
timer beside PostgreSQL, as a user that is not root, with Pango for WeasyPrint. Docker itself
cannot run on the build machines, so these files are checked by reading them (and the
Dockerfile by hadolint in `make lint`)."""

from pathlib import Path

import pytest
import yaml

CHECKOUT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.once


def final_stage(dockerfile: str) -> list[str]:
    lines = [line.strip() for line in dockerfile.splitlines()]
    start = max(i for i, line in enumerate(lines) if line.startswith("FROM "))
    return lines[start:]


def test_the_image_builds_static_then_a_wheel_and_runs_it_as_a_user_that_is_not_root():
    dockerfile = (CHECKOUT / "Dockerfile").read_text()
    last = final_stage(dockerfile)

    assert dockerfile.count("FROM ") == 3
    assert "bash frontend/build.sh" in dockerfile
    assert any(line.startswith("RUN pip install") and ".whl" in line for line in last)
    assert any("libpangoft2-1.0-0" in line for line in last)
    (user,) = [line for line in last if line.startswith("USER ")]
    assert user.split()[1] not in {"root", "0"}
    assert not any("[dev]" in line for line in last)


def test_compose_runs_postgresql_web_worker_and_the_reminders_timer():
    compose = yaml.safe_load((CHECKOUT / "compose.yaml").read_text())
    services = compose["services"]

    assert services["db"]["image"].startswith("postgres:")
    assert services["migrate"]["command"] == ["cpconf", "migrate", "--no-input"]
    assert "command" not in services["web"]  # the image's gunicorn
    assert services["worker"]["command"] == ["cpconf", "db_worker"]
    assert "cpconf send_reminders" in " ".join(services["reminders"]["command"])
    for name in ("web", "worker", "reminders"):
        environment = services[name]["environment"]
        assert environment["CPCONF_ENV"] == "production"
        assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
