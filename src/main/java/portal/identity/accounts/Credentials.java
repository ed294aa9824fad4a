package portal.identity.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * What proves an account's person and how their recent sign-ins went: the password hash,
 * the authenticator secret with the last one-time code step used, failed attempts and the
 * temporary lock. Part of the {@link Account} aggregate, changed only through it.
 */
public final class Credentials {

	private String passwordHash;

	private String totpSecret;

	private long totpLastStep;

	private int failedSignIns;

	private int wrongCodes;

	private Instant lockedUntil;

	Credentials(String passwordHash, String totpSecret, long totpLastStep, int failedSignIns, int wrongCodes,
			Instant lockedUntil) {
		this.passwordHash = passwordHash;
		this.totpSecret = totpSecret;
		this.totpLastStep = totpLastStep;
		this.failedSignIns = failedSignIns;
		this.wrongCodes = wrongCodes;
		this.lockedUntil = lockedUntil;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public String totpSecret() {
		return totpSecret;
	}

	public long totpLastStep() {
		return totpLastStep;
	}

	int failedSignIns() {
		return failedSignIns;
	}

	int wrongCodes() {
		return wrongCodes;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	boolean present() {
		return passwordHash != null;
	}

	public boolean isTemporarilyLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void enrol(String passwordHash, String totpSecret) {
		this.passwordHash = passwordHash;
		this.totpSecret = totpSecret;
		this.totpLastStep = 0;
		this.failedSignIns = 0;
		this.lockedUntil = null;
	}

	void replacePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/** Nothing of the old credentials opens the account again; the counters start afresh if {@code counters}. */
	void forget(boolean counters) {
		passwordHash = null;
		totpSecret = null;
		if (counters) {
			failedSignIns = 0;
			wrongCodes = 0;
			lockedUntil = null;
		}
	}

	/** After a failed sign-in: counts, and locks for a while after too many in a row. */
	public void failedSignIn(int maxFailures, Duration lock, Instant now) {
		failedSignIns++;
		if (failedSignIns >= maxFailures) {
			lockedUntil = now.plus(lock);
			failedSignIns = 0;
		}
	}

	/** A correct password with a wrong code: counted until the next success; true once the limit is reached. */
	public boolean wrongCode(int maxWrongCodes) {
		wrongCodes++;
		return maxWrongCodes > 0 && wrongCodes >= maxWrongCodes;
	}

	public void succeeded(long totpStep) {
		failedSignIns = 0;
		wrongCodes = 0;
		lockedUntil = null;
		if (totpStep > 0) {
			totpLastStep = totpStep;
		}
	}
}
