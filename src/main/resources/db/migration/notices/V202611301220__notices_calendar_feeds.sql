-- Per-person calendar feed tokens (R-11.2): a calendar app subscribes to the maintenance
-- feed with one in the address. Only its SHA-256 is kept; revoking deletes the row.
CREATE TABLE notices.calendar_feeds (
	login_id    text        PRIMARY KEY,
	customer_id uuid,
	token_hash  bytea       NOT NULL UNIQUE,
	created_at  timestamptz NOT NULL
);
ALTER TABLE notices.calendar_feeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE notices.calendar_feeds FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_feeds_tenant ON notices.calendar_feeds
	USING (CASE WHEN customer_id IS NULL THEN platform.current_scope() IN ('all', 'system', 'company')
		ELSE platform.may_see(customer_id) END)
	WITH CHECK (CASE WHEN customer_id IS NULL THEN platform.current_scope() IN ('all', 'system', 'company')
		ELSE platform.may_see(customer_id) END);
GRANT SELECT, INSERT, UPDATE, DELETE ON notices.calendar_feeds TO ${appRole};
