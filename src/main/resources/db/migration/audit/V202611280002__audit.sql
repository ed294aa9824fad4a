-- The audit trail (R-AUD): append-only, hash-chained per customer (docs/adr/0004).
CREATE SCHEMA IF NOT EXISTS audit;
GRANT USAGE ON SCHEMA audit TO ${appRole};

CREATE TABLE audit.entries (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	chain       text        NOT NULL,
	seq         bigint      NOT NULL,
	occurred_at timestamptz NOT NULL,
	actor       text        NOT NULL,
	actor_kind  text        NOT NULL,
	customer_id uuid,
	action      text        NOT NULL,
	target_type text        NOT NULL,
	target_id   text        NOT NULL DEFAULT '',
	origin      text        NOT NULL DEFAULT '',
	details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
	prev_hash   bytea       NOT NULL,
	hash        bytea       NOT NULL,
	CONSTRAINT entries_chain_seq UNIQUE (chain, seq)
);
-- Customers' trails are read newest first, filtered by time.
CREATE INDEX entries_customer_time ON audit.entries (customer_id, occurred_at DESC);
CREATE INDEX entries_time ON audit.entries (occurred_at DESC);

-- The newest link of each chain. Writers lock their chain's head row, so links are made
-- one at a time per chain while different customers write in parallel. The head also
-- reveals a trail cut short at its end.
CREATE TABLE audit.chain_heads (
	chain text   NOT NULL PRIMARY KEY,
	seq   bigint NOT NULL,
	hash  bytea  NOT NULL
);

-- What the hash of a link covers. Writer and verifier both call this one function, so the
-- rendering of time and JSON is the same on both sides.
CREATE FUNCTION audit.link_hash(prev bytea, chain text, seq bigint, occurred_at timestamptz, actor text,
		actor_kind text, customer_id uuid, action text, target_type text, target_id text, origin text,
		details jsonb) RETURNS bytea
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT sha256(prev || convert_to(concat_ws(E'\x1f', chain, seq::text,
		to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
		actor, actor_kind, coalesce(customer_id::text, ''), action, target_type, target_id, origin,
		details::text), 'UTF8')) $$;

ALTER TABLE audit.entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.entries FORCE ROW LEVEL SECURITY;
CREATE POLICY entries_tenant ON audit.entries
	USING (platform.may_see(customer_id))
	WITH CHECK (customer_id IS NULL OR platform.may_see(customer_id));

-- Append-only for the application: it may add and read, never change or remove.
GRANT SELECT, INSERT ON audit.entries TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON audit.chain_heads TO ${appRole};
GRANT EXECUTE ON FUNCTION audit.link_hash(bytea, text, bigint, timestamptz, text, text, uuid, text, text, text, text, jsonb) TO ${appRole};

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entries
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
