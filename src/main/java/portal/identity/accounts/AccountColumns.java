package portal.identity.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import portal.identity.AccountState;
import portal.identity.Role;
import portal.platform.SealedSecrets;
import portal.platform.SqlArrays;

/**
 * How an account is stored: its columns, and the translation between a row and an
 * {@link Account}. The authenticator secret is sealed on every write and opened on every
 * read, so it never rests in the table as plain text.
 */
@Component
class AccountColumns {

	static final String COLUMNS = """
			id, login_id, kind, customer_id, company_scope, third_party, name, email, phone, roles, service_scope,
			instance_scope, language, state, password_hash, totp_secret, totp_last_step, failed_sign_ins, wrong_codes,
			locked_until, created_at, created_by, activated_at, version""";

	private final SealedSecrets sealed;

	AccountColumns(SealedSecrets sealed) {
		this.sealed = sealed;
	}

	static String totpContext(UUID accountId) {
		return "identity.accounts.totp_secret:" + accountId;
	}

	// The values of an INSERT naming every column but the version, in COLUMNS order.
	Object[] insertValues(AccountRow a) {
		return new Object[] { a.id(), a.loginId(), a.staff() ? "STAFF" : "USER", a.customerId(), a.companyScope(),
				a.thirdParty(), a.name(), a.email(), a.phone(), roles(a), SqlArrays.text(a.serviceScope()),
				SqlArrays.text(a.instanceScope()), a.language(), a.state().name(), a.passwordHash(), sealedTotp(a),
				a.totpLastStep(), a.failedSignIns(), a.wrongCodes(), ts(a.lockedUntil()), ts(a.createdAt()),
				a.createdBy(), ts(a.activatedAt()) };
	}

	// The values of the UPDATE of what may change, then the id and the version it expects.
	Object[] updateValues(AccountRow a) {
		return new Object[] { a.thirdParty(), a.name(), a.email(), a.phone(), roles(a),
				SqlArrays.text(a.serviceScope()), SqlArrays.text(a.instanceScope()), a.language(), a.state().name(),
				a.passwordHash(), sealedTotp(a), a.totpLastStep(), a.failedSignIns(), a.wrongCodes(),
				ts(a.lockedUntil()), ts(a.activatedAt()), a.id(), a.version() };
	}

	Account account(ResultSet rs, int row) throws SQLException {
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

	// The values of the UPDATE of the credentials alone (Accounts.updateCredentials), then id and version.
	Object[] credentialValues(AccountRow a) {
		return new Object[] { a.passwordHash(), sealedTotp(a), a.totpLastStep(), a.failedSignIns(), a.wrongCodes(),
				ts(a.lockedUntil()), a.id(), a.version() };
	}

	// Sealed under the current key at every write, so a secret under the previous key moves on use.
	private String sealedTotp(AccountRow a) {
		return a.totpSecret() == null ? null : sealed.seal(a.totpSecret(), totpContext(a.id()));
	}

	private String openedTotp(ResultSet rs, UUID accountId) throws SQLException {
		String stored = rs.getString("totp_secret");
		return stored == null ? null : sealed.open(stored, totpContext(accountId)).secret();
	}

	private static String roles(AccountRow a) {
		return SqlArrays.text(a.roles().stream().map(Role::name).toList());
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
}
