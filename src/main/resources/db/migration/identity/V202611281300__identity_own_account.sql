-- A person always reaches their own account and its credentials, whatever their scope.
-- Staff of an affiliate see only that affiliate's customers, and their own account row has
-- no customer, so without this they could not read their profile or create a token.
-- portal.actor is the acting login ID, set by the platform with the scope.
CREATE FUNCTION identity.own_account() RETURNS uuid
	LANGUAGE sql STABLE
	AS $$ SELECT id FROM identity.accounts WHERE login_id = nullif(current_setting('portal.actor', true), '') $$;
GRANT EXECUTE ON FUNCTION identity.own_account() TO ${appRole};

DROP POLICY accounts_tenant ON identity.accounts;
CREATE POLICY accounts_tenant ON identity.accounts
	USING (platform.may_see(customer_id) OR login_id = nullif(current_setting('portal.actor', true), ''))
	WITH CHECK (platform.may_see(customer_id) OR login_id = nullif(current_setting('portal.actor', true), ''));

DROP POLICY api_tokens_tenant ON identity.api_tokens;
CREATE POLICY api_tokens_tenant ON identity.api_tokens
	USING (platform.may_see(customer_id) OR account_id = identity.own_account())
	WITH CHECK (platform.may_see(customer_id) OR account_id = identity.own_account());

DROP POLICY recovery_codes_tenant ON identity.recovery_codes;
CREATE POLICY recovery_codes_tenant ON identity.recovery_codes
	USING (platform.may_see(customer_id) OR account_id = identity.own_account())
	WITH CHECK (platform.may_see(customer_id) OR account_id = identity.own_account());
