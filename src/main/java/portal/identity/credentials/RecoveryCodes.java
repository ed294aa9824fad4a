package portal.identity.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.identity.accounts.Account;

/** Ten single-use codes that stand in for the authenticator app; shown once, stored hashed. */
@Repository
public class RecoveryCodes {

	static final int COUNT = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	RecoveryCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<String> issue(Account account) {
		jdbc.sql("DELETE FROM identity.recovery_codes WHERE account_id = ?").param(account.id()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			String code = Secrets.recoveryCode();
			codes.add(code);
			jdbc.sql("INSERT INTO identity.recovery_codes (account_id, customer_id, code_hash) VALUES (?, ?, ?)")
				.params(account.id(), account.customerId(), Secrets.digest(code))
				.update();
		}
		return codes;
	}

	/** Uses up a code; false if it is unknown or already used. */
	public boolean use(Account account, String code) {
		if (code == null || code.isBlank() || code.length() > 40) {
			return false;
		}
		String normalized = code.trim().toLowerCase(Locale.ROOT);
		return jdbc.sql("UPDATE identity.recovery_codes SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), account.id(), Secrets.digest(normalized))
			.update() == 1;
	}
}
