# The Breachclock image: one image for web (gunicorn), worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    BREACHCLOCK_VAR_DIR=/var/lib/breachclock

WORKDIR /app
COPY . ./
RUN pip install --editable . \
    && useradd --system --home /app breachclock \
    && mkdir -p /var/lib/breachclock \
    && chown -R breachclock /var/lib/breachclock
USER breachclock
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
