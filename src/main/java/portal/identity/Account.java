package portal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A staff member or portal user. The state changes are methods that check the transition;
 * personal information is exactly name, email and telephone (R-PI.1).
 */
class Account {

	final UUID id;

	final String loginId;

	final boolean staff;

	final UUID customerId;

	final String companyScope;

	String thirdParty;

	String name;

	String email;

	String phone;

	Set<Role> roles;

	List<String> serviceScope;

	List<String> instanceScope;

	String language;

	AccountState state;

	String passwordHash;

	String totpSecret;

	long totpLastStep;

	int failedSignIns;

	int wrongCodes;

	Instant lockedUntil;

	Instant createdAt;

	String createdBy;

	Instant activatedAt;

	long version;

	Account(UUID id, String loginId, boolean staff, UUID customerId, String companyScope) {
		this.id = id;
		this.loginId = loginId;
		this.staff = staff;
		this.customerId = customerId;
		this.companyScope = companyScope;
	}

	boolean isActive() {
		return state == AccountState.ACTIVE;
	}

	boolean isAdministrator() {
		return roles.contains(Role.CUSTOMER_ADMINISTRATOR);
	}

	boolean isTemporarilyLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void activate(String passwordHash, String totpSecret, Instant at) {
		require(state == AccountState.PENDING_ACTIVATION, "Only an account waiting for activation can be activated.");
		this.passwordHash = passwordHash;
		this.totpSecret = totpSecret;
		this.totpLastStep = 0;
		this.failedSignIns = 0;
		this.lockedUntil = null;
		this.activatedAt = at;
		this.state = AccountState.ACTIVE;
	}

	/** After a failed sign-in: counts, and locks for a while after too many in a row. */
	void failedSignIn(int maxFailures, Duration lock, Instant now) {
		failedSignIns++;
		if (failedSignIns >= maxFailures) {
			lockedUntil = now.plus(lock);
			failedSignIns = 0;
		}
	}

	/**
	 * After a correct password with a wrong one-time code: counts until the next successful
	 * sign-in, whatever temporary locks came between; true once the limit is reached.
	 */
	boolean wrongCode(int maxWrongCodes) {
		wrongCodes++;
		return maxWrongCodes > 0 && wrongCodes >= maxWrongCodes;
	}

	void succeededSignIn(long totpStep) {
		failedSignIns = 0;
		wrongCodes = 0;
		lockedUntil = null;
		if (totpStep > 0) {
			totpLastStep = totpStep;
		}
	}

	/** Lost or stolen login information: nothing of the old credentials opens it again. */
	void lockForLostCredentials() {
		require(state != AccountState.RETIRED, "A retired account cannot be locked.");
		state = AccountState.LOCKED;
		passwordHash = null;
		totpSecret = null;
	}

	/** An administrator's reset: new activation with a new password and second factor. */
	void reset() {
		require(state != AccountState.RETIRED, "A retired account cannot be reset.");
		state = AccountState.PENDING_ACTIVATION;
		passwordHash = null;
		totpSecret = null;
		failedSignIns = 0;
		wrongCodes = 0;
		lockedUntil = null;
	}

	void disable() {
		require(state == AccountState.ACTIVE || state == AccountState.PENDING_ACTIVATION,
				"Only an active or pending account can be disabled.");
		state = AccountState.DISABLED;
	}

	void enable() {
		require(state == AccountState.DISABLED, "Only a disabled account can be enabled.");
		// Without credentials (never activated, or reset) the account waits for its activation link.
		state = passwordHash == null ? AccountState.PENDING_ACTIVATION : AccountState.ACTIVE;
	}

	/** Withdrawal or removal (R-PI.3, R-7.1): personal information erased, login ID retired for good. */
	void retire() {
		require(state != AccountState.RETIRED, "The account is already retired.");
		state = AccountState.RETIRED;
		name = null;
		email = null;
		phone = null;
		passwordHash = null;
		totpSecret = null;
		thirdParty = null;
	}

	void changeRoles(Set<Role> newRoles) {
		require(state != AccountState.RETIRED, "A retired account cannot change.");
		require(!newRoles.isEmpty(), "A user needs at least one role.");
		for (Role role : newRoles) {
			require(role.forCustomers() != staff, "Role " + role.key() + " does not fit this kind of account.");
		}
		roles = EnumSet.copyOf(newRoles);
	}

	void changeContact(String name, String email, String phone) {
		require(state != AccountState.RETIRED, "A retired account cannot change.");
		this.name = name;
		this.email = email;
		this.phone = phone;
	}

	void changePassword(String passwordHash) {
		require(state == AccountState.ACTIVE, "Only an active account can change its password.");
		this.passwordHash = passwordHash;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IdentityException("invalid-transition", org.springframework.http.HttpStatus.CONFLICT, message);
		}
	}
}
