-- A target's history (a customer's users, one user) is read a page at a time, newest
-- first, by AuditHistory: these indexes serve its filter and its order.
CREATE INDEX entries_customer_target_time ON audit.entries (customer_id, target_type, target_id, occurred_at DESC, id DESC);
CREATE INDEX entries_customer_type_action_time ON audit.entries (customer_id, target_type, action, occurred_at DESC, id DESC);
