"""The `cpconf` console script: Django's manage command plus the project's own commands.

``cpconf quality FILE`` is answered by the quality coach's own command line
(``cpconf.quality.command``) without setting Django up: it reads a file and needs nothing
of the web application, so it starts as fast as the coach reads.
"""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["quality"]:
        from cpconf.quality.command import main as quality

        sys.exit(quality(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
