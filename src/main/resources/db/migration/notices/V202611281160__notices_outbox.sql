-- The email outbox (R-2.3): mails are written in the transaction of the change that
-- causes them and delivered by a job, so no change is lost to a mail server outage.
CREATE SCHEMA IF NOT EXISTS notices;
GRANT USAGE ON SCHEMA notices TO ${appRole};

CREATE TABLE notices.outbox (
	id              uuid        PRIMARY KEY,
	-- Order of queuing, stable even for mails queued in the same microsecond.
	seq             bigint      GENERATED ALWAYS AS IDENTITY,
	customer_id     uuid,
	recipient       text        NOT NULL,
	subject         text        NOT NULL,
	body            text        NOT NULL,
	language        text        NOT NULL,
	created_at      timestamptz NOT NULL,
	attempts        int         NOT NULL DEFAULT 0,
	next_attempt_at timestamptz NOT NULL,
	sent_at         timestamptz,
	last_error      text
);
-- The delivery job picks due, unsent mails oldest first.
CREATE INDEX outbox_due ON notices.outbox (next_attempt_at) WHERE sent_at IS NULL;
ALTER TABLE notices.outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE notices.outbox FORCE ROW LEVEL SECURITY;
-- Mails to staff or to people not yet tied to a customer carry no customer; only staff and jobs see them.
CREATE POLICY outbox_tenant ON notices.outbox USING (platform.may_see(customer_id))
	WITH CHECK (customer_id IS NULL OR platform.may_see(customer_id));
GRANT SELECT, INSERT, UPDATE ON notices.outbox TO ${appRole};
