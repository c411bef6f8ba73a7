"""The quality coach's answers remembered: keyed by everything an answer depends on (the
coach's own code and data, the report form's sections, the content read), so a remembered
answer is never stale. The reports-received board and the chair's preparation run the coach on
many reports at once and would otherwise read every word of every report on each visit."""

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from typing import Any, TypeVar


@cache
def coach_fingerprint() -> str:
    """What the coach's answers depend on besides the text: its code and its data files, read
    once per process. A deployment that changes the coach changes this, so no count it
    remembered from the old coach is shown."""
    digest = hashlib.sha256()
    package = files("cpconf.quality")
    for entry in sorted(_coach_files(package), key=lambda item: item.name):
        digest.update(entry.name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def _coach_files(folder: Any) -> Iterable[Any]:
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _coach_files(entry)
        elif entry.name.endswith((".py", ".toml", ".json", ".txt")):
            yield entry


def coach_cache_key(kind: str, form: Any, content: dict[str, Any]) -> str:
    """A cache key for one coach result: its kind, the coach's fingerprint, the form's
    sections (which are coached) and the whole content read. Any change to any of them is a
    new key, so a remembered result is never stale; old ones age out of the cache."""
    digest = hashlib.sha256()
    digest.update(f"{coach_fingerprint()}|{form.key}|".encode())
    digest.update(repr([(section.key, section.kind) for section in form.sections]).encode())
    digest.update(json.dumps(content, sort_keys=True, default=str).encode())
    return f"coach:{kind}:{digest.hexdigest()}"


Remembered = TypeVar("Remembered")
_REMEMBERED: OrderedDict[str, Any] = OrderedDict()
_REMEMBERED_LIMIT = 4096
_REMEMBERED_LOCK = threading.Lock()


def remembered_in_process(key: str, work: Callable[[], Remembered]) -> Remembered:
    """`work()`'s answer, remembered in this process under `key` (a `coach_cache_key`, which
    names everything the answer depends on) for the next page that needs it. For pages that
    run the coach on many reports at once without a cache query each; the oldest answers are
    forgotten past a few thousand."""
    with _REMEMBERED_LOCK:
        if key in _REMEMBERED:
            _REMEMBERED.move_to_end(key)
            return _REMEMBERED[key]
    answer = work()
    with _REMEMBERED_LOCK:
        _REMEMBERED[key] = answer
        while len(_REMEMBERED) > _REMEMBERED_LIMIT:
            _REMEMBERED.popitem(last=False)
    return answer


# A remembered count is keyed by what it was counted from, so it can live as long as the cache
# keeps it; a week bounds the table for reports nobody opens again.
COACH_CACHE_SECONDS = 7 * 24 * 3600
