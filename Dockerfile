# The Breachclock image: one image for web (gunicorn), worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    BREACHCLOCK_VAR_DIR=/var/lib/breachclock

WORKDIR /app
# Pango lays out the PDFs WeasyPrint makes (notices, filing sheets, evidence packs); the fonts
# themselves ship with the app under static/fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*
COPY . ./
RUN pip install --editable . \
    && useradd --system --home /app breachclock \
    && mkdir -p /var/lib/breachclock \
    && chown -R breachclock /var/lib/breachclock
USER breachclock
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
