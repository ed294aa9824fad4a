-- Notices (R-2.3): what the Company or another module announces, to whom, from when, and
-- each recipient's copy in their inbox with its read state.
CREATE TABLE notices.notices (
	id                uuid        PRIMARY KEY,
	-- The publisher's idempotency key: the same request twice makes one notice.
	key               text        NOT NULL UNIQUE,
	kind              text        NOT NULL CHECK (kind IN ('AMENDMENT', 'MAINTENANCE', 'SUSPENSION', 'TERMINATION', 'ORDER', 'GENERAL')),
	audience          text        NOT NULL CHECK (audience IN ('EVERYONE', 'ALL_CUSTOMERS', 'CUSTOMER', 'CUSTOMER_ROLE', 'RELEVANT_SERVICE', 'ACCOUNTS')),
	-- The one customer addressed (CUSTOMER, CUSTOMER_ROLE, ACCOUNTS); null for notices to many.
	customer_id       uuid,
	audience_role     text,
	audience_service  text,
	audience_accounts uuid[]      NOT NULL DEFAULT '{}',
	title_en          text        NOT NULL,
	body_en           text        NOT NULL,
	title_ja          text,
	body_ja           text,
	publish_at        timestamptz NOT NULL,
	event_start       timestamptz,
	event_end         timestamptz,
	relevant_services text[]      NOT NULL DEFAULT '{}',
	emergency         boolean     NOT NULL DEFAULT false,
	created_at        timestamptz NOT NULL,
	created_by        text        NOT NULL,
	updated_at        timestamptz NOT NULL,
	cancelled_at      timestamptz,
	-- Bumped on each edit; the calendar's SEQUENCE.
	revision          int         NOT NULL DEFAULT 0
);
-- The maintenance calendar reads planned windows by their start.
CREATE INDEX notices_calendar ON notices.notices (event_start) WHERE kind = 'MAINTENANCE' AND cancelled_at IS NULL;
ALTER TABLE notices.notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE notices.notices FORCE ROW LEVEL SECURITY;
-- Notices to many are readable by everyone signed in; a notice to one customer only within its scope.
CREATE POLICY notices_tenant ON notices.notices
	USING (customer_id IS NULL OR platform.may_see(customer_id))
	WITH CHECK (platform.current_scope() IN ('all', 'system') OR platform.may_see(customer_id));
GRANT SELECT, INSERT, UPDATE ON notices.notices TO ${appRole};

-- Each recipient's copy: who (by login ID, never reused), for which customer, read when.
CREATE TABLE notices.inbox (
	notice_id   uuid        NOT NULL REFERENCES notices.notices (id),
	login_id    text        NOT NULL,
	customer_id uuid,
	read_at     timestamptz,
	PRIMARY KEY (login_id, notice_id)
);
CREATE INDEX inbox_notice ON notices.inbox (notice_id);
ALTER TABLE notices.inbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE notices.inbox FORCE ROW LEVEL SECURITY;
-- Staff copies carry no customer: only staff scopes and jobs see them.
CREATE POLICY inbox_tenant ON notices.inbox
	USING (CASE WHEN customer_id IS NULL THEN platform.current_scope() IN ('all', 'system', 'company')
		ELSE platform.may_see(customer_id) END)
	WITH CHECK (CASE WHEN customer_id IS NULL THEN platform.current_scope() IN ('all', 'system', 'company')
		ELSE platform.may_see(customer_id) END);
GRANT SELECT, INSERT, UPDATE, DELETE ON notices.inbox TO ${appRole};

-- A notice's mails wait in the outbox until its publication time; editing or cancelling
-- before then replaces or removes them. The account lets a withdrawal erase its mails (R-PI.3).
ALTER TABLE notices.outbox ADD COLUMN notice_id uuid REFERENCES notices.notices (id);
ALTER TABLE notices.outbox ADD COLUMN account_id uuid;
CREATE INDEX outbox_notice ON notices.outbox (notice_id) WHERE notice_id IS NOT NULL;
CREATE INDEX outbox_account ON notices.outbox (account_id) WHERE account_id IS NOT NULL;
GRANT DELETE ON notices.outbox TO ${appRole};
