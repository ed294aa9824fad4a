-- Service orders and other transactions on relevant services (R-7.7), their timelines, and
-- each customer's approval policy. Every row carries its customer for the tenancy wall.
CREATE SCHEMA IF NOT EXISTS orders;
GRANT USAGE ON SCHEMA orders TO ${appRole};

CREATE TABLE orders.service_orders (
	id                          uuid        NOT NULL PRIMARY KEY,
	customer_id                 uuid        NOT NULL,
	relevant_service            text        NOT NULL,
	contracting_company         text        NOT NULL,
	description                 text        NOT NULL DEFAULT '',
	items                       jsonb       NOT NULL CHECK (jsonb_typeof(items) = 'array'),
	state                       text        NOT NULL CHECK (state IN ('acknowledged', 'pendingApproval', 'inProgress',
		'held', 'completed', 'failed', 'partial', 'rejected', 'assessingCancellation', 'pendingCancellation',
		'cancelled')),
	state_before_cancellation   text,
	approval_required           boolean     NOT NULL,
	submitted_by                text        NOT NULL,
	submitter_account           uuid,
	approved_by                 text,
	approver_account            uuid,
	idempotency_key             text,
	request_hash                text,
	order_date                  timestamptz NOT NULL,
	updated_at                  timestamptz NOT NULL,
	completion_date             timestamptz
);
-- One order per submitter and Idempotency-Key: a repeated POST finds the first (Ordering.submit).
CREATE UNIQUE INDEX service_orders_idempotency ON orders.service_orders (customer_id, submitted_by, idempotency_key)
	WHERE idempotency_key IS NOT NULL;
-- A customer's history, newest first, filtered by state or service (ServiceOrders.search).
CREATE INDEX service_orders_customer_date ON orders.service_orders (customer_id, order_date DESC);
-- A contracting company's fulfilment queue (ServiceOrders.queue).
CREATE INDEX service_orders_company_state ON orders.service_orders (contracting_company, state, order_date);

CREATE TABLE orders.order_events (
	order_id    uuid        NOT NULL REFERENCES orders.service_orders (id),
	seq         int         NOT NULL,
	customer_id uuid        NOT NULL,
	at          timestamptz NOT NULL,
	state       text        NOT NULL,
	actor       text        NOT NULL,
	note        text        NOT NULL DEFAULT '',
	PRIMARY KEY (order_id, seq)
);

CREATE TABLE orders.approval_policies (
	customer_id       uuid        NOT NULL PRIMARY KEY,
	all_orders        boolean     NOT NULL,
	order_types       text[]      NOT NULL DEFAULT '{}',
	relevant_services text[]      NOT NULL DEFAULT '{}',
	updated_by        text        NOT NULL,
	updated_at        timestamptz NOT NULL
);

ALTER TABLE orders.service_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders.service_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY service_orders_tenant ON orders.service_orders
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));

ALTER TABLE orders.order_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders.order_events FORCE ROW LEVEL SECURITY;
CREATE POLICY order_events_tenant ON orders.order_events
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));

ALTER TABLE orders.approval_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders.approval_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY approval_policies_tenant ON orders.approval_policies
	USING (platform.may_see(customer_id)) WITH CHECK (platform.may_see(customer_id));

GRANT SELECT, INSERT, UPDATE ON orders.service_orders, orders.order_events, orders.approval_policies TO ${appRole};
