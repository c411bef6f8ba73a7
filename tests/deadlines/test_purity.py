"""The deadline engine must stay usable without Django (command line, jobs, other tools)."""

import subprocess
import sys

CHECK = (
    "import sys, cpconf.deadlines; "
    "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'django'); "
    "print(','.join(loaded))"
)


def test_importing_the_deadline_engine_loads_no_django():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
