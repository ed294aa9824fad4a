-- Customers whose data was erased once the period after their termination had passed
-- (R-13.1): each is erased once. A record about the customer kept by the Company, not the
-- customer's own data, so no tenant wall; the audit trail holds the details.
CREATE TABLE retention.erased_customers (
	customer_id  uuid        NOT NULL PRIMARY KEY,
	effective_at timestamptz NOT NULL,
	erased_at    timestamptz NOT NULL,
	row_count    bigint      NOT NULL
);
GRANT SELECT, INSERT ON retention.erased_customers TO ${appRole};
