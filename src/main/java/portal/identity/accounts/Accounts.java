package portal.identity.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.Invalidations;
import portal.platform.SealedSecrets;
import portal.platform.SqlArrays;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.Role;

/**
 * All accounts, read and written within the current tenant scope. Customer-facing queries
 * also name the customer explicitly; the row-level-security wall is the second line.
 */
@Repository
public class Accounts {

	private static final String COLUMNS = """
			id, login_id, kind, customer_id, company_scope, third_party, name, email, phone, roles, service_scope,
			instance_scope, language, state, password_hash, totp_secret, totp_last_step, failed_sign_ins, wrong_codes,
			locked_until, created_at, created_by, activated_at, version""";

	/** Invalidation topic of account changes (and of their tokens): the key is the account id. */
	public static final String CHANGED_TOPIC = "identity.account";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	private final SealedSecrets sealed;

	Accounts(JdbcClient jdbc, Invalidations invalidations, SealedSecrets sealed) {
		this.sealed = sealed;
		this.jdbc = jdbc;
		this.invalidations = invalidations;
	}

	public Optional<Account> byLoginId(String loginId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE login_id = ?")
			.param(normalize(loginId))
			.query(this::account)
			.optional();
	}

	public Optional<Account> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE id = ?").param(id)
			.query(this::account).optional();
	}

	/** One customer's user by login ID: a user of another customer is simply not found. */
	public Optional<Account> ofCustomer(UUID customerId, String loginId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.accounts WHERE customer_id = ? AND login_id = ?")
			.params(customerId, normalize(loginId))
			.query(this::account)
			.optional();
	}

	public List<Account> listOfCustomer(UUID customerId, String search) {
		String pattern = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM identity.accounts WHERE customer_id = ? AND state <> 'RETIRED'
				 AND (lower(login_id) LIKE ? OR lower(coalesce(name, '')) LIKE ? OR lower(coalesce(email, '')) LIKE ?)
				 ORDER BY login_id""")
			.params(customerId, pattern, pattern, pattern)
			.query(this::account)
			.list();
	}

	public List<Account> search(String search, int limit) {
		String pattern = search == null || search.isBlank() ? "%" : "%" + search.trim().toLowerCase() + "%";
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM identity.accounts
				 WHERE lower(login_id) LIKE ? OR lower(coalesce(name, '')) LIKE ? OR lower(coalesce(email, '')) LIKE ?
				 ORDER BY login_id LIMIT ?""")
			.params(pattern, pattern, pattern, limit)
			.query(this::account)
			.list();
	}

	public List<Account> activeAdministrators(UUID customerId) {
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				 FROM identity.accounts WHERE customer_id = ? AND state = 'ACTIVE'
				 AND 'CUSTOMER_ADMINISTRATOR' = ANY (roles) ORDER BY login_id""")
			.param(customerId)
			.query(this::account)
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
			.params(a.id(), a.loginId(), a.staff() ? "STAFF" : "USER", a.customerId(), a.companyScope(), a.thirdParty(),
					a.name(), a.email(), a.phone(), roles(a), SqlArrays.text(a.serviceScope()),
					SqlArrays.text(a.instanceScope()), a.language(), a.state().name(), a.passwordHash(), sealedTotp(a),
					a.totpLastStep(), a.failedSignIns(), a.wrongCodes(), ts(a.lockedUntil()), ts(a.createdAt()),
					a.createdBy(), ts(a.activatedAt()))
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
			.params(a.thirdParty(), a.name(), a.email(), a.phone(), roles(a), SqlArrays.text(a.serviceScope()),
					SqlArrays.text(a.instanceScope()), a.language(), a.state().name(), a.passwordHash(), sealedTotp(a),
					a.totpLastStep(), a.failedSignIns(), a.wrongCodes(), ts(a.lockedUntil()), ts(a.activatedAt()), a.id(),
					a.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Account " + a.loginId() + " was changed concurrently");
		}
		account.stored();
		// What other nodes cached about this account (its tokens' principal) ends with this commit.
		invalidations.publish(CHANGED_TOPIC, a.id().toString());
	}

	/** Sealed under the current key at every write, so a secret under the previous key moves on use. */
	private String sealedTotp(AccountRow a) {
		return a.totpSecret() == null ? null : sealed.seal(a.totpSecret(), totpContext(a.id()));
	}

	public static String totpContext(UUID accountId) {
		return "identity.accounts.totp_secret:" + accountId;
	}

	private String openedTotp(ResultSet rs, UUID accountId) throws SQLException {
		String stored = rs.getString("totp_secret");
		return stored == null ? null : sealed.open(stored, totpContext(accountId)).secret();
	}

	private static String roles(AccountRow a) {
		return SqlArrays.text(a.roles().stream().map(Role::name).toList());
	}

	public static String normalize(String loginId) {
		return loginId == null ? "" : loginId.trim().toUpperCase();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private Account account(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		strings(rs, "roles").forEach(role -> roles.add(Role.valueOf(role)));
		return new Account(new AccountRow(id, rs.getString("login_id"),
				"STAFF".equals(rs.getString("kind")), rs.getObject("customer_id", UUID.class),
				rs.getString("company_scope"), rs.getString("third_party"), rs.getString("name"), rs.getString("email"),
				rs.getString("phone"), roles, strings(rs, "service_scope"), strings(rs, "instance_scope"),
				rs.getString("language"), AccountState.valueOf(rs.getString("state")), rs.getString("password_hash"),
				openedTotp(rs, id), rs.getLong("totp_last_step"), rs.getInt("failed_sign_ins"),
				rs.getInt("wrong_codes"), instant(rs, "locked_until"), instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "activated_at"), rs.getLong("version")));
	}
}
