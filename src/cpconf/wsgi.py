"""WSGI entry point for gunicorn: `gunicorn cpconf.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
application = get_wsgi_application()
