"""Pressing a button many times at once: each press a request in its own thread, with its own
database connection, all let go together. Used by the tests that one action makes one thing.

On PostgreSQL the presses truly overlap and meet at the row locks. SQLite's test database is
in memory with a shared cache, which refuses a second writer at once ("database table is
locked") where a database file queues it behind BEGIN IMMEDIATE; there the presses queue in
the test instead, as they would at the file, and each later press finds the work done."""

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client

from cpconf.accounts.models import User

PRESSES = 12  # enough to collide every time; few enough for two cores and PostgreSQL's limit


def press_at_once(user: User, send: Callable[[Client], Any], presses: int = PRESSES) -> list[Any]:
    """Each press signs in (outside the race), waits for the others, then sends. Returns each
    press's response, or the exception it raised (a server error raises in the test client)."""
    start = threading.Barrier(presses)
    results: list[Any] = [None] * presses
    queue = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def press(number: int) -> None:
        try:
            with queue:
                client = Client()
                client.force_login(user)
            start.wait(timeout=60)
            with queue:
                results[number] = send(client)
        except BaseException as error:  # reported by the caller's asserts
            results[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(n,)) for n in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def failures(results: list[Any]) -> list[Any]:
    """Exceptions and server errors: what no press may end in."""
    return [r for r in results if isinstance(r, BaseException) or r.status_code >= 500]
