package portal.identity.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.Role;

/**
 * A staff member or portal user. The state changes are methods that check the transition;
 * personal information is exactly name, email and telephone (R-PI.1).
 */
public class Account {

	public final UUID id;

	public final String loginId;

	public final boolean staff;

	public final UUID customerId;

	public final String companyScope;

	public String thirdParty;

	public String name;

	public String email;

	public String phone;

	public Set<Role> roles;

	public List<String> serviceScope;

	public List<String> instanceScope;

	public String language;

	public AccountState state;

	public String passwordHash;

	public String totpSecret;

	public long totpLastStep;

	int failedSignIns;

	int wrongCodes;

	Instant lockedUntil;

	public Instant createdAt;

	public String createdBy;

	public Instant activatedAt;

	long version;

	public Account(UUID id, String loginId, boolean staff, UUID customerId, String companyScope) {
		this.id = id;
		this.loginId = loginId;
		this.staff = staff;
		this.customerId = customerId;
		this.companyScope = companyScope;
	}

	public boolean isActive() {
		return state == AccountState.ACTIVE;
	}

	public boolean isAdministrator() {
		return roles.contains(Role.CUSTOMER_ADMINISTRATOR);
	}

	public boolean isTemporarilyLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public void activate(String passwordHash, String totpSecret, Instant at) {
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
	public void failedSignIn(int maxFailures, Duration lock, Instant now) {
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
	public boolean wrongCode(int maxWrongCodes) {
		wrongCodes++;
		return maxWrongCodes > 0 && wrongCodes >= maxWrongCodes;
	}

	public void succeededSignIn(long totpStep) {
		failedSignIns = 0;
		wrongCodes = 0;
		lockedUntil = null;
		if (totpStep > 0) {
			totpLastStep = totpStep;
		}
	}

	/** Lost or stolen login information: nothing of the old credentials opens it again. */
	public void lockForLostCredentials() {
		require(state != AccountState.RETIRED, "A retired account cannot be locked.");
		state = AccountState.LOCKED;
		passwordHash = null;
		totpSecret = null;
	}

	/** An administrator's reset: new activation with a new password and second factor. */
	public void reset() {
		require(state != AccountState.RETIRED, "A retired account cannot be reset.");
		state = AccountState.PENDING_ACTIVATION;
		passwordHash = null;
		totpSecret = null;
		failedSignIns = 0;
		wrongCodes = 0;
		lockedUntil = null;
	}

	public void disable() {
		require(state == AccountState.ACTIVE || state == AccountState.PENDING_ACTIVATION,
				"Only an active or pending account can be disabled.");
		state = AccountState.DISABLED;
	}

	public void enable() {
		require(state == AccountState.DISABLED, "Only a disabled account can be enabled.");
		// Without credentials (never activated, or reset) the account waits for its activation link.
		state = passwordHash == null ? AccountState.PENDING_ACTIVATION : AccountState.ACTIVE;
	}

	/** Withdrawal or removal (R-PI.3, R-7.1): personal information erased, login ID retired for good. */
	public void retire() {
		require(state != AccountState.RETIRED, "The account is already retired.");
		state = AccountState.RETIRED;
		name = null;
		email = null;
		phone = null;
		passwordHash = null;
		totpSecret = null;
		thirdParty = null;
	}

	public void changeRoles(Set<Role> newRoles) {
		require(state != AccountState.RETIRED, "A retired account cannot change.");
		require(!newRoles.isEmpty(), "A user needs at least one role.");
		for (Role role : newRoles) {
			require(role.forCustomers() != staff, "Role " + role.key() + " does not fit this kind of account.");
		}
		roles = EnumSet.copyOf(newRoles);
	}

	public void changeContact(String name, String email, String phone) {
		require(state != AccountState.RETIRED, "A retired account cannot change.");
		this.name = name;
		this.email = email;
		this.phone = phone;
	}

	public void changePassword(String passwordHash) {
		require(state == AccountState.ACTIVE, "Only an active account can change its password.");
		this.passwordHash = passwordHash;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IdentityException("invalid-transition", org.springframework.http.HttpStatus.CONFLICT, message);
		}
	}
}
