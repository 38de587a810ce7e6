#!/bin/sh
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), as the
# image's superuser. Two login roles, neither a superuser:
#   breachclock_owner  owns the database and its tables; runs migrations (the `migrate` service)
#   breachclock_app    the web server, worker and beat; granted by `manage.py grant_app_role`
#                      read/write on the tables, the audit trail and case timeline append-only
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE breachclock_owner LOGIN PASSWORD '${BREACHCLOCK_OWNER_PASSWORD}'
    NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE breachclock_app LOGIN PASSWORD '${BREACHCLOCK_APP_PASSWORD}'
    NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE breachclock OWNER breachclock_owner;
REVOKE ALL ON DATABASE breachclock FROM PUBLIC;
GRANT CONNECT ON DATABASE breachclock TO breachclock_app;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname breachclock <<SQL
-- Only the owner creates objects in the schema (PostgreSQL 15 already withholds it from PUBLIC).
ALTER SCHEMA public OWNER TO breachclock_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
