-- Retention (R-13.1): once the period after a customer's termination has passed, its samples
-- are deleted by the portal's daily job (other samples go by whole partitions).
GRANT DELETE ON usage.samples TO ${appRole};
