-- Retention (R-13.1): once the period after a customer's termination has passed, its users'
-- accounts and what hangs off them are deleted by the portal's daily job.
GRANT DELETE ON identity.accounts, identity.activation_links, identity.api_tokens,
	identity.lost_credential_reports TO ${appRole};
