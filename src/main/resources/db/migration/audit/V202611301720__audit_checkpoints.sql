-- Retention of the audit trail (R-13.1, docs/adr/0004): the oldest links of a chain are
-- purged only behind a checkpoint. A checkpoint names the last purged link of its chain (its
-- sequence number and hash), how many links it purged, the cutoff and when it was made, and
-- is signed (HMAC-SHA256 under a key derived from the secrets key). Verification of what
-- remains starts from the newest checkpoint of each chain.
CREATE TABLE audit.checkpoints (
	id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	chain     text        NOT NULL,
	seq       bigint      NOT NULL,
	hash      bytea       NOT NULL,
	purged    bigint      NOT NULL,
	cutoff    timestamptz NOT NULL,
	made_at   timestamptz NOT NULL,
	key_id    text        NOT NULL,
	signature bytea       NOT NULL,
	CONSTRAINT checkpoints_chain_seq UNIQUE (chain, seq)
);
-- Like the chain heads, checkpoints are not tenant rows: a scoped verifier judges only the
-- chains it can read. The application adds them, never changes or removes them.
GRANT SELECT, INSERT ON audit.checkpoints TO ${appRole};

-- Links are removed only here, and only up to a link a checkpoint names with its hash: the
-- application's role still has no DELETE on entries, and the trigger refuses every other
-- change, for everyone.
CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND current_setting('audit.cutting', true) = 'on' THEN
		RETURN NULL;
	END IF;
	RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION audit.cut_chain(cut_chain text, cut_seq bigint) RETURNS bigint
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
	AS $$
DECLARE
	removed bigint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM audit.checkpoints c JOIN audit.entries e
			ON e.chain = c.chain AND e.seq = c.seq AND e.hash = c.hash
			WHERE c.chain = cut_chain AND c.seq = cut_seq) THEN
		RAISE EXCEPTION 'no checkpoint names link % of chain %', cut_seq, cut_chain
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	PERFORM set_config('audit.cutting', 'on', true);
	DELETE FROM audit.entries WHERE chain = cut_chain AND seq <= cut_seq;
	GET DIAGNOSTICS removed = ROW_COUNT;
	PERFORM set_config('audit.cutting', '', true);
	RETURN removed;
END $$;
REVOKE ALL ON FUNCTION audit.cut_chain(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.cut_chain(text, bigint) TO ${appRole};
