package portal.identity.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.Invalidations;
import portal.identity.IdentityException;

/**
 * All accounts, read and written within the current tenant scope. Customer-facing queries
 * also name the customer explicitly; the row-level-security wall is the second line.
 */
@Repository
public class Accounts {

	private static final String COLUMNS = AccountColumns.COLUMNS;

	/** Invalidation topic of account changes (and of their tokens): the key is the account id. */
	public static final String CHANGED_TOPIC = "identity.account";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	private final AccountColumns columns;

	Accounts(JdbcClient jdbc, Invalidations invalidations, AccountColumns columns) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
		this.columns = columns;
	}

	public Optional<Account> byLoginId(String loginId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE login_id = ?")
			.param(normalize(loginId))
			.query(columns::account)
			.optional();
	}

	public Optional<Account> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE id = ?").param(id)
			.query(columns::account).optional();
	}

	/** One customer's user by login ID: a user of another customer is simply not found. */
	public Optional<Account> ofCustomer(UUID customerId, String loginId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE customer_id = ? AND login_id = ?")
			.params(customerId, normalize(loginId))
			.query(columns::account)
			.optional();
	}

	public List<Account> listOfCustomer(UUID customerId, String search) {
		String pattern = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM identity.accounts WHERE customer_id = ? AND state <> 'RETIRED'
				 AND (lower(login_id) LIKE ? OR lower(coalesce(name, '')) LIKE ? OR lower(coalesce(email, '')) LIKE ?)
				 ORDER BY login_id""")
			.params(customerId, pattern, pattern, pattern)
			.query(columns::account)
			.list();
	}

	public List<Account> search(String search, int limit) {
		String pattern = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM identity.accounts
				 WHERE lower(login_id) LIKE ? OR lower(coalesce(name, '')) LIKE ? OR lower(coalesce(email, '')) LIKE ?
				 ORDER BY login_id LIMIT ?""")
			.params(pattern, pattern, pattern, limit)
			.query(columns::account)
			.list();
	}

	public List<Account> activeAdministrators(UUID customerId) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM identity.accounts WHERE customer_id = ? AND state = 'ACTIVE'
				 AND 'CUSTOMER_ADMINISTRATOR' = ANY (roles) ORDER BY login_id""")
			.param(customerId)
			.query(columns::account)
			.list();
	}

	/**
	 * Refuses a change that would leave the account's customer without another active
	 * administrator. Two administrators demoting each other at once must not both succeed:
	 * changes to a customer's administrators take turns until their transactions end.
	 */
	public void requireAnotherAdministrator(Account account) {
		lockAdministratorsOf(account.customerId());
		boolean another = activeAdministrators(account.customerId()).stream()
			.anyMatch(other -> !other.id().equals(account.id()));
		if (!another) {
			throw IdentityException.lastAdministrator();
		}
	}

	/** Holds a transaction-long lock on the set of a customer's administrators. */
	public void lockAdministratorsOf(UUID customerId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('identity.administrators:' || ?, 0))")
			.param(customerId.toString())
			.query((rs, n) -> n)
			.list();
	}

	public long nextNumber() {
		return jdbc.sql("SELECT nextval('identity.login_id_numbers')").query(Long.class).single();
	}

	public void insert(Account account) {
		AccountRow a = account.row();
		jdbc.sql("INSERT INTO identity.accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), "
				+ "CAST(? AS text[]), CAST(? AS text[]), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(columns.insertValues(a))
			.update();
	}

	public void update(Account account) {
		AccountRow a = account.row();
		int updated = jdbc.sql("""
				UPDATE identity.accounts SET third_party = ?, name = ?, email = ?, phone = ?, roles = CAST(? AS text[]),
					service_scope = CAST(? AS text[]), instance_scope = CAST(? AS text[]), language = ?, state = ?,
					password_hash = ?, totp_secret = ?, totp_last_step = ?, failed_sign_ins = ?, wrong_codes = ?,
					locked_until = ?, activated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(columns.updateValues(a))
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Account " + a.loginId() + " was changed concurrently");
		}
		account.stored();
		// What other nodes cached about this account (its tokens' principal) ends with this commit.
		invalidations.publish(CHANGED_TOPIC, a.id().toString());
	}

	/**
	 * Stores what a sign-in attempt changed: the password hash (re-hashed with newer
	 * parameters), the second factor sealed anew under the current key, the last code step
	 * and the failure counters and lock. None of it is in what other nodes keep about the
	 * account (an API token's principal depends on its state, roles and scope), so unlike
	 * {@link #update} this publishes no invalidation: a sign-in costs every node nothing.
	 * Anything else the account changed must go through {@link #update}.
	 */
	public void updateCredentials(Account account) {
		AccountRow a = account.row();
		int updated = jdbc.sql("""
				UPDATE identity.accounts SET password_hash = ?, totp_secret = ?, totp_last_step = ?, failed_sign_ins = ?,
					wrong_codes = ?, locked_until = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(columns.credentialValues(a))
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Account " + a.loginId() + " was changed concurrently");
		}
		account.stored();
	}

	public static String totpContext(UUID accountId) {
		return AccountColumns.totpContext(accountId);
	}

	public static String normalize(String loginId) {
		return loginId == null ? "" : loginId.trim().toUpperCase();
	}
}
