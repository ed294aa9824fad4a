package portal.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.identity.PortalUser;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.LoginIds;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.RecoveryCodes;
import portal.identity.credentials.Secrets;
import portal.identity.credentials.Totp;

/**
 * Checks a sign-in: login ID, password and a one-time code (or a recovery code), in one
 * step. Every refusal looks the same from outside — unknown login ID, wrong password,
 * wrong code, locked or disabled account — and costs the same Argon2 work, so neither
 * the answer nor its timing tells which. What each attempt leaves behind is {@link SignInRecords}'.
 */
@Service
public class SignIn {

	/** The outcome: the signed-in user, or a refusal with its (internal) reason. */
	record Outcome(Optional<PortalUser> user, String reason) {
	}

	private final Accounts accounts;

	private final RecoveryCodes recoveryCodes;

	private final PasswordHashes encoder;

	private final SignInThrottle throttle;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SignInRecords records;

	// Made on first need, not at startup, where an interpreted Argon2 run costs a few hundred ms.
	private volatile String dummyHash;

	SignIn(Accounts accounts, RecoveryCodes recoveryCodes, PasswordHashes encoder, SignInThrottle throttle,
			Tenancy tenancy, TransactionTemplate transactions, Clock clock, SignInRecords records) {
		this.accounts = accounts;
		this.recoveryCodes = recoveryCodes;
		this.encoder = encoder;
		this.throttle = throttle;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.clock = clock;
		this.records = records;
	}

	/** A hash no password matches, so that refusals cost the same Argon2 work as a real check. */
	private String dummyHash() {
		String hash = dummyHash;
		if (hash == null) {
			hash = encoder.encode(Secrets.random(24));
			dummyHash = hash;
		}
		return hash;
	}

	Outcome attempt(String rawLoginId, String password, String code, String origin) {
		// Only issued login IDs are looked at: anything else is refused before it can grow the
		// throttle's memory or reach the database.
		String loginId = LoginIds.isWellFormed(Accounts.normalize(rawLoginId)) ? Accounts.normalize(rawLoginId) : "";
		if (!throttle.tryAttempt(loginId, origin)) {
			// Throttled attempts skip the hash on purpose: spending Argon2 on a flood is what it aims for.
			if (throttle.firstRefusalInWindow(loginId, origin)) {
				return records.refused(null, loginId, origin, "throttled");
			}
			return new Outcome(Optional.empty(), "throttled");
		}
		Optional<Account> found = loginId.isEmpty() ? Optional.empty()
				: tenancy.call(Actor.job("sign-in"), TenantScope.system(), () -> accounts.byLoginId(loginId));
		if (found.isEmpty()) {
			encoder.matches(password == null ? "" : password, dummyHash());
			return records.refused(null, loginId.isEmpty() ? "(malformed)" : loginId, origin, "unknown-login-id");
		}
		Account account = found.get();
		Instant now = clock.instant();
		if (!account.isActive() || account.credentials().isTemporarilyLocked(now) || account.credentials().passwordHash() == null) {
			encoder.matches(password == null ? "" : password, dummyHash());
			return records.refused(account, loginId, origin, account.credentials().isTemporarilyLocked(now) ? "temporarily-locked"
					: "account-" + account.state().name().toLowerCase());
		}
		if (password == null || !encoder.matches(password, account.credentials().passwordHash())) {
			return records.refused(account, loginId, origin, "wrong-password");
		}
		OptionalLong step = Totp.verify(account.credentials().totpSecret(), code, now, account.credentials().totpLastStep());
		// A six-digit answer is a one-time code; only something else may be a recovery code.
		boolean recovery = step.isEmpty() && code != null && !code.trim().matches("\\d{6}")
				&& tenancy.call(Actor.user(loginId), TenantScope.system(),
						() -> transactions.execute(status -> recoveryCodes.use(account, code)));
		if (step.isEmpty() && !recovery) {
			return records.refused(account, loginId, origin, "wrong-code");
		}
		boolean rehash = encoder.upgradeEncoding(account.credentials().passwordHash());
		return records.succeeded(account, step.orElse(0), rehash ? encoder.encode(password) : null, recovery, origin);
	}
}
