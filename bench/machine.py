"""What a benchmark ran on: cores, memory, CPU model, Python and PostgreSQL versions."""

import os
import platform
import subprocess
from pathlib import Path
from typing import Any


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def postgres_version(url: str) -> str:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=5) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else ""
    except Exception:  # no server: say so rather than fail the bench
        return "not reachable"


def machine(database_url: str | None = None) -> dict[str, Any]:
    nproc = subprocess.run(
        ["nproc"],  # noqa: S607  (coreutils, on the PATH)
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found: dict[str, Any] = {
        "nproc": int(nproc.strip() or os.cpu_count() or 0),
        "memory_gb": _memory_gb(),
        "cpu": _cpu_model(),
        "architecture": platform.machine(),
        "python": platform.python_version(),
    }
    if database_url:
        found["postgresql"] = postgres_version(database_url)
    return found


def describe(found: dict[str, Any]) -> str:
    text = f"{found['cpu']}, {found['nproc']} cores, {found['memory_gb']} GB, "
    text += f"Python {found['python']}"
    if found.get("postgresql"):
        text += f", PostgreSQL {found['postgresql']}"
    return text
