-- The rollup buckets a chunk changed are now copied into a temporary table of the writing
-- session (created by the writer, emptied after each write and at commit) instead of this table
-- shared by every writer: each writer deleted its own rows, which stayed as dead rows until
-- autovacuum came by, and under steady ingestion every chunk's scans of it grew slower
-- (docs/adr/0010, "Rollup rows in a table of the session's own").
DROP TABLE usage.staging_rollup;

-- The application role may create temporary tables: they live in its own session only, are
-- dropped when it ends, and hold nothing under the wall (the rows they stage are written to the
-- usage tables through their policies). The database owner runs this, as every migration.
DO $$
BEGIN
	EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), '${appRole}');
END $$;

-- A migrating role that is not the database's owner would only be warned that nothing was
-- granted; every ingestion would then fail. Say so here instead.
DO $$
BEGIN
	IF NOT has_database_privilege('${appRole}', current_database(), 'TEMPORARY') THEN
		RAISE EXCEPTION 'the application role % could not be granted TEMPORARY on database %: run the migrations as the database''s owner',
			'${appRole}', current_database();
	END IF;
END $$;
