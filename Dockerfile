# CP Conference in a container: one image for the web processes, the worker and the timer.
# Stage 1 builds the static files from the pinned npm packages; stage 2 builds the wheel with
# them inside; stage 3 installs that wheel alone (no dev extra) on a slim Python with Pango for
# WeasyPrint, and runs as a user that owns nothing but its own scratch folder.

FROM node:20-bookworm-slim AS static
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit --ignore-scripts
COPY frontend/ frontend/
RUN mkdir -p src/cpconf && bash frontend/build.sh

FROM python:3.11-slim-bookworm AS wheel
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src/ src/
COPY --from=static /build/src/cpconf/static/ src/cpconf/static/
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:3.11-slim-bookworm
# Debian's security updates are what we want from these, so they follow the release, unpinned.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-liberation fonts-dejavu-core \
        fonts-droid-fallback fonts-noto-core fonts-noto-color-emoji \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin cpconf
COPY --from=wheel /dist/ /tmp/dist/
RUN pip install --no-cache-dir /tmp/dist/*.whl && rm -rf /tmp/dist
ENV CPCONF_ENV=production \
    STATIC_ROOT=/app/static \
    CPCONF_VAR_DIR=/app/var \
    PYTHONUNBUFFERED=1
WORKDIR /app
# Hashed, compressed static files are part of the image. The key and hosts here exist only for
# this build step (collectstatic reads no secret); the running container must be given its own.
RUN mkdir -p /app/var \
    && SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost cpconf collectstatic --no-input \
    && chown cpconf /app/var
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/health/', headers={'X-Forwarded-Proto': 'https'}), timeout=4)"]
CMD ["gunicorn", "cpconf.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "60", "--access-logfile", "-"]
