-- thai-minutes on an office's PostgreSQL server: the two kinds of accounts (README, "For the
-- office's IT"). Run as a superuser (it makes roles, and sets the rights of the tables the
-- program's account will make later), after the program has made its tables once:
--     sudo -u postgres psql -d minutes -f roles.sql
-- Then give each clerk a login of one of the two roles, e.g.
--     CREATE ROLE somsri LOGIN IN ROLE minutes_clerk;  \password somsri
-- Running it again changes nothing; run on a database set up by an older roles.sql, it takes
-- back the readers' right to write the search index.

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

-- clerks: everything the program stores, the search index too (their programs keep it current)
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO minutes_clerk;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO minutes_clerk;

-- readers: every meeting and the search index to read, nothing to write (a reader who could
-- write the index could plant a line in every clerk's search results)
GRANT SELECT ON ALL TABLES IN SCHEMA public TO minutes_reader;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM minutes_reader;

-- tables and sequences a later version of the program adds (made by the account that made the
-- program's tables, whoever runs this script) get the same rights
DO $$
DECLARE
    maker text := (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'meetings');
BEGIN
    IF maker IS NULL THEN
        RAISE EXCEPTION 'ยังไม่มีตารางของโปรแกรมในฐานข้อมูลนี้: เปิดโปรแกรมด้วยบัญชีเจ้าของฐานข้อมูลหนึ่งครั้งก่อน (main.py --db ...)';
    END IF;
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public'
                   ' GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO minutes_clerk', maker);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public'
                   ' GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO minutes_clerk', maker);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public'
                   ' GRANT SELECT ON TABLES TO minutes_reader', maker);
END
$$;
