-- thai-minutes on an office's PostgreSQL server: the two kinds of accounts (README, "For the
-- office's IT"). Run as the database's owner, after the program has made its tables once:
--     psql -d minutes -f roles.sql
-- Then give each clerk a login of one of the two roles, e.g.
--     CREATE ROLE somsri LOGIN IN ROLE minutes_clerk;  \password somsri
-- Running it again changes nothing.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'minutes_clerk') THEN
        CREATE ROLE minutes_clerk NOLOGIN;  -- takes minutes: reads and writes every meeting
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'minutes_reader') THEN
        CREATE ROLE minutes_reader NOLOGIN;  -- searches and exports (the director, the archive)
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO minutes_clerk, minutes_reader;

-- clerks: everything the program stores
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO minutes_clerk;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO minutes_clerk;

-- readers: every meeting to read; the search index to keep current as they search
GRANT SELECT ON ALL TABLES IN SCHEMA public TO minutes_reader;
GRANT INSERT, UPDATE, DELETE ON search_rows, search_state TO minutes_reader;

-- tables a later version of the program adds get the same rights
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO minutes_clerk;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO minutes_clerk;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO minutes_reader;
