"""Django settings, read from environment variables with safe defaults.

CPCONF_ENV is `development` (the default: local use with `make run`), `test` or `production`.
Production refuses to start without SECRET_KEY and never runs with DEBUG on.
`.env.example` lists every variable.
"""

import re
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cpconf.environment import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(env_str("CPCONF_PROJECT_DIR", str(PACKAGE_DIR.parent.parent)))
VAR_DIR = Path(env_str("CPCONF_VAR_DIR", str(PROJECT_DIR / "var")))

ENVIRONMENTS = ("development", "test", "production")
CPCONF_ENV = env_str("CPCONF_ENV", "development")
if CPCONF_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"CPCONF_ENV must be one of {', '.join(ENVIRONMENTS)}, not {CPCONF_ENV!r}."
    )
PRODUCTION = CPCONF_ENV == "production"


def _development_secret_key() -> str:
    """A random key kept under var/, so development sessions survive restarts."""
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when CPCONF_ENV=production.")
    SECRET_KEY = _development_secret_key()

DEBUG = env_bool("DEBUG", default=False) and CPCONF_ENV == "development"
if PRODUCTION and env_bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must not be on when CPCONF_ENV=production.")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "cpconf.accounts",
    "cpconf.organisations",
    "cpconf.families",
    "cpconf.conferences",
    "cpconf.reports",
    "cpconf.audit",
    "cpconf.audit_trail",
    "cpconf.dataprotection",
    "cpconf.packs",
    "cpconf.conference_records",
    "cpconf.preparation",
    "cpconf.outcomes",
    "cpconf.census",
    "cpconf.portal",
    "cpconf.api",
    "cpconf.home",
    "cpconf.conference_overview",
    "cpconf.demo",
]

# The security headers come first, so that every response carries them, static files too.
# After sign-in: django-otp says whether the second factor passed; the accounts middleware
# ends idle or too-old sessions, keeps half-signed-in users on the code pages, and stops
# browsers keeping any page shown to a signed-in user.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cpconf.audit.middleware.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cpconf.accounts.middleware.SessionLifetimeMiddleware",
    "cpconf.accounts.middleware.SecondFactorRequiredMiddleware",
    "cpconf.accounts.middleware.NoStoreWhenSignedInMiddleware",
]

ROOT_URLCONF = "cpconf.urls"
WSGI_APPLICATION = "cpconf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cpconf.home.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'cpconf.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite ignores SELECT ... FOR UPDATE: taking the write lock when a transaction starts
    # makes concurrent writers (the audit chain's appends) queue instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:sign_in"

AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
if CPCONF_ENV == "test":
    # The test client's force_login signs in through the first backend listed; this one
    # checks no password, and marks those sessions as past the second factor (see its module).
    AUTHENTICATION_BACKENDS.insert(0, "cpconf.accounts.backends.TestClientBackend")

# Argon2id (Django's Argon2PasswordHasher); PBKDF2 only so older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Length and a common-password check, and no composition rules (NCSC and NIST advice).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "cpconf.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "cpconf.accounts.passwords.CommonPasswordValidator"},
]

# Lockout: this many wrong passwords or codes for one email address within the window, from
# any IP address, lock the account for CPCONF_ACCOUNT_LOCK_SECONDS.
CPCONF_SIGN_IN_MAX_FAILURES = 10
CPCONF_SIGN_IN_FAILURE_WINDOW_SECONDS = 5 * 60
CPCONF_ACCOUNT_LOCK_SECONDS = 15 * 60

# Second factor: staff use an authenticator app (TOTP, each code once); family members get
# a 6-digit code by email that lasts CPCONF_EMAIL_CODE_SECONDS and works once.
OTP_TOTP_ISSUER = "CP Conference"
CPCONF_EMAIL_CODE_SECONDS = 10 * 60
CPCONF_EMAIL_CODE_RESEND_SECONDS = 30

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Production serves collected, hashed files from STATIC_ROOT; elsewhere there is nothing to
# collect (see WHITENOISE_USE_FINDERS below).
STATIC_ROOT: Path | None = (
    Path(env_str("STATIC_ROOT", str(VAR_DIR / "static"))) if PRODUCTION else None
)
# Built by frontend/build.sh into the package itself, so an installed wheel carries them.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production WhiteNoise serves straight from the built files, so `make run` and the
# tests need no collectstatic step; production serves the hashed, compressed copies.
WHITENOISE_USE_FINDERS = not PRODUCTION
# The tests start a new request handler for every test client; listing every static file at
# each start cost seconds over the suite, so there a file is looked up when it is asked for.
WHITENOISE_AUTOREFRESH = CPCONF_ENV == "test"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cp-conference@localhost")

# Sessions: short, and never readable by scripts. They end after SESSION_IDLE_SECONDS
# without a request, and SESSION_MAX_SECONDS after sign-in whatever happens
# (cpconf.accounts.middleware.SessionLifetimeMiddleware); the session store forgets them at
# the idle limit too.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 15 * 60)
SESSION_MAX_SECONDS = env_int("SESSION_MAX_SECONDS", 12 * 60 * 60)
if not 0 < SESSION_IDLE_SECONDS <= SESSION_MAX_SECONDS:
    raise ImproperlyConfigured(
        "SESSION_IDLE_SECONDS must be more than 0 and no more than SESSION_MAX_SECONDS."
    )
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS
# A session is written to the store when it changes, not on every request: the latest
# activity is noted at most once a minute (cpconf.accounts.services.session_seen), and each
# note also moves the store's own expiry on.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_SEEN_EVERY_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts, styles and images only from the app itself: no inline script or style anywhere
# (the QR code for setting up an authenticator app is a data: image).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # The load balancer's health check asks over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("TRUST_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CPCONF_POLICY_DIRS = [PACKAGE_DIR / "policies"] + [
    Path(p) for p in env_list("CPCONF_EXTRA_POLICY_DIRS", [])
]
# Background jobs (reminders) queue in the database: nothing more to run with SQLite in
# development than `cpconf db_worker`; a worker process beside the web processes in
# production. Tests run each job as it is enqueued.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if CPCONF_ENV == "test"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
# Invitees are reminded this many working days before each of their deadlines.
CPCONF_REMINDER_WORKING_DAYS = env_int("CPCONF_REMINDER_WORKING_DAYS", 2)
# /health/ says the worker is down when it has taken no job for this many minutes. The
# reminders timer queues a job every 15 minutes, so a live worker always takes one sooner.
CPCONF_WORKER_STALE_MINUTES = env_int("CPCONF_WORKER_STALE_MINUTES", 30)

# Report forms (sections, questions, prompts) are data too: the shipped ones plus any extra.
CPCONF_REPORT_FORM_DIRS = [PACKAGE_DIR / "reportforms"] + [
    Path(p) for p in env_list("CPCONF_EXTRA_REPORT_FORM_DIRS", [])
]
# Calls are limited per client and per address (cpconf.api.throttling): rates like `300/minute`
# (per second, minute, hour or day). Behind load balancers that add X-Forwarded-For, set
# CPCONF_API_PROXIES to how many there are, so the limit is on the caller's address.
API_RATE = re.compile(r"[1-9][0-9]*/(second|minute|hour|day)")


def _api_rate(name: str, default: str) -> str:
    rate = env_str(name, default)
    if not API_RATE.fullmatch(rate):
        raise ImproperlyConfigured(f"{name} must be like 300/minute, not {rate!r}.")
    return rate


# The integration API (cpconf.api): bearer tokens of system clients only, never a session
# (so no CSRF to think about), JSON in and out, errors naming the field.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["cpconf.api.authentication.ApiClientAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["cpconf.api.parsers.StrictJSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "cpconf.api.throttling.ClientRateThrottle",
        "cpconf.api.throttling.AddressRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "client": _api_rate("CPCONF_API_RATE_CLIENT", "300/minute"),
        "address": _api_rate("CPCONF_API_RATE_ADDRESS", "600/minute"),
    },
    "NUM_PROXIES": env_int("CPCONF_API_PROXIES", 0),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "cpconf.api.pagination.ApiPagination",
    "EXCEPTION_HANDLER": "cpconf.api.errors.api_exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# Wrong or revoked tokens: the first from an address in each window is audited, the rest of
# that window only counted (cpconf.api.models.TokenRefusalCount).
CPCONF_API_REFUSAL_WINDOW_SECONDS = 15 * 60
# One cache that every web process shares (the API's rate limits live in it): a table in the
# database, made by `cpconf migrate`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "cpconf_cache",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CP Conference integration API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cpconf.api.schema.describe_api",
    ],
}
CPCONF_SERVICE_NAME = "CP Conference"
# The address people reach the service at, for links in emails.
CPCONF_SITE_URL = env_str("CPCONF_SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO: only its problems are news.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
