#!/bin/bash
# Runs once, on an empty data volume, as the superuser POSTGRES_USER (whose password nothing else uses).
# One role per service (docs/deployment.md, "Database roles"):
#   livelihood_owner   owns the app database; the migrate service runs as it and creates the schema
#   livelihood_api     the API: rights granted per table by db/migrations/20261127130000_grant_service_roles.ts
#   livelihood_worker  the worker: likewise
#   temporal           owns Temporal's two databases, nothing else
# Passwords come from the environment through psql variables (:'name'), which quote them safely.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$LIVELIHOOD_OWNER_PASSWORD" \
  -v api_password="$LIVELIHOOD_API_PASSWORD" \
  -v worker_password="$LIVELIHOOD_WORKER_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE livelihood_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE livelihood_api LOGIN PASSWORD :'api_password';
CREATE ROLE livelihood_worker LOGIN PASSWORD :'worker_password';
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';

CREATE DATABASE livelihood OWNER livelihood_owner;
REVOKE ALL ON DATABASE livelihood FROM PUBLIC;
GRANT CONNECT ON DATABASE livelihood TO livelihood_api, livelihood_worker;

-- Made here so the temporal role needs no CREATEDB (auto-setup runs with SKIP_DB_CREATE=true).
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE temporal, temporal_visibility FROM PUBLIC;

\connect livelihood
-- PostgreSQL 15+: public belongs to the database owner and PUBLIC may not create in it.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO livelihood_api, livelihood_worker;
SQL
