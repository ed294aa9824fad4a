-- The application role may now create temporary tables in its own session (V202612060100).
-- PostgreSQL searches the session's temporary schema first unless the search path names it, so
-- this function, which runs as the owner, now names it last. Its statements name their schema
-- already; this keeps it so for any statement added later.
ALTER FUNCTION audit.cut_chain(text, bigint) SET search_path = pg_catalog, pg_temp;
