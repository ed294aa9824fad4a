-- Retention (R-13.1): once the period after a customer's termination has passed, its orders
-- are deleted by the portal's daily job.
GRANT DELETE ON orders.service_orders, orders.order_events, orders.approval_policies TO ${appRole};
