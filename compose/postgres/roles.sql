-- The roles of the compose stack, run by postgres-init as the superuser on every start (psql, with
-- -v app_password=... -v monitor_password=...). Idempotent: roles are created once, and their
-- passwords are set each time, so a password changed in compose/.env takes effect on `up`.
-- psql's :'name' writes a variable as a quoted SQL literal, so any character of a password is safe.

-- The services' role: owns the database, so the Processor can migrate it; no other privilege.
SELECT 'CREATE ROLE cowhealth' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cowhealth') \gexec
ALTER ROLE cowhealth WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'app_password';
ALTER DATABASE :"DBNAME" OWNER TO cowhealth;

-- postgres-exporter's role: reads statistics through pg_monitor, sees no table's rows.
SELECT 'CREATE ROLE cowhealth_monitor' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cowhealth_monitor') \gexec
ALTER ROLE cowhealth_monitor WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'monitor_password';
GRANT pg_monitor TO cowhealth_monitor;
