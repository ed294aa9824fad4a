package portal.identity.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Role;
import portal.identity.UserView;

/**
 * A staff member or portal user. Its fields are private and change only through methods
 * that check the transition; personal information is exactly name, email and telephone
 * (R-PI.1), and the credentials are part of the aggregate.
 */
public class Account {

	/** What issuing fixed for good: who, for which customer or company, created when and by whom. */
	record Issued(UUID id, String loginId, boolean staff, UUID customerId, String companyScope, Instant createdAt,
			String createdBy) {
	}

	/** The personal information kept (R-PI.1) and the third party the person works for, if any. */
	record Contact(String name, String email, String phone, String thirdParty) {
	}

	private final Issued issued;
	private Contact contact;
	private Set<Role> roles;
	private List<String> serviceScope;
	private List<String> instanceScope;
	private String language;
	private AccountState state;
	private final Credentials credentials;
	private Instant activatedAt;
	private long version;

	/** A newly issued account, waiting for activation, with the given roles and no limits. */
	public static Account issue(UUID id, String loginId, boolean staff, UUID customerId, String companyScope,
			Set<Role> roles, Instant createdAt, String createdBy) {
		Account account = new Account(new AccountRow(id, loginId, staff, customerId, companyScope, null, null, null,
				null, Set.of(), List.of(), List.of(), "en", AccountState.PENDING_ACTIVATION, null, null, 0, 0, 0, null,
				createdAt, createdBy, null, 0));
		account.changeRoles(roles == null ? Set.of() : roles);
		return account;
	}

	Account(AccountRow row) {
		issued = new Issued(row.id(), row.loginId(), row.staff(), row.customerId(), row.companyScope(),
				row.createdAt(), row.createdBy());
		contact = new Contact(row.name(), row.email(), row.phone(), row.thirdParty());
		roles = row.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(row.roles());
		serviceScope = row.serviceScope();
		instanceScope = row.instanceScope();
		language = row.language();
		state = row.state();
		credentials = new Credentials(row.passwordHash(), row.totpSecret(), row.totpLastStep(), row.failedSignIns(),
				row.wrongCodes(), row.lockedUntil());
		activatedAt = row.activatedAt();
		version = row.version();
	}

	AccountRow row() {
		Issued i = issued;
		Credentials c = credentials;
		return new AccountRow(i.id(), i.loginId(), i.staff(), i.customerId(), i.companyScope(), contact.thirdParty(),
				contact.name(), contact.email(), contact.phone(), roles, serviceScope, instanceScope, language, state,
				c.passwordHash(), c.totpSecret(), c.totpLastStep(), c.failedSignIns(), c.wrongCodes(), c.lockedUntil(),
				i.createdAt(), i.createdBy(), activatedAt, version);
	}

	void stored() {
		version++;
	}

	public UUID id() { return issued.id(); }
	public String loginId() { return issued.loginId(); }
	public boolean staff() { return issued.staff(); }
	public UUID customerId() { return issued.customerId(); }
	public String name() { return contact.name(); }
	public String email() { return contact.email(); }
	public String language() { return language; }
	public AccountState state() { return state; }
	public Set<Role> roles() { return Set.copyOf(roles); }
	public Credentials credentials() { return credentials; }

	public boolean isActive() {
		return state == AccountState.ACTIVE;
	}

	public boolean isAdministrator() {
		return roles.contains(Role.CUSTOMER_ADMINISTRATOR);
	}

	/** The signed-in person this account becomes, by session or by API token. */
	public PortalUser principal(boolean viaApiToken) {
		return row().principal(viaApiToken);
	}

	/** The account as administrators and the person see it; never a secret. */
	public UserView view() {
		return row().view();
	}

	public void activate(String passwordHash, String totpSecret, Instant at) {
		require(state == AccountState.PENDING_ACTIVATION, "Only an account waiting for activation can be activated.");
		credentials.enrol(passwordHash, totpSecret);
		activatedAt = at;
		state = AccountState.ACTIVE;
	}

	public void changePassword(String passwordHash) {
		require(state == AccountState.ACTIVE, "Only an active account can change its password.");
		credentials.replacePassword(passwordHash);
	}

	/** Lost or stolen login information: nothing of the old credentials opens it again. */
	public void lockForLostCredentials() {
		require(state != AccountState.RETIRED, "A retired account cannot be locked.");
		state = AccountState.LOCKED;
		credentials.forget(false);
	}

	/** A reset by an administrator or the desk: new activation with a new password and second factor. */
	public void reset() {
		require(state != AccountState.RETIRED, "A retired account cannot be reset.");
		state = AccountState.PENDING_ACTIVATION;
		credentials.forget(true);
	}

	public void disable() {
		require(state == AccountState.ACTIVE || state == AccountState.PENDING_ACTIVATION,
				"Only an active or pending account can be disabled.");
		state = AccountState.DISABLED;
	}

	public void enable() {
		require(state == AccountState.DISABLED, "Only a disabled account can be enabled.");
		// Without credentials (never activated, or reset) the account waits for its activation link.
		state = credentials.present() ? AccountState.ACTIVE : AccountState.PENDING_ACTIVATION;
	}

	/** Withdrawal or removal (R-PI.3, R-7.1): personal information erased, login ID retired for good. */
	public void retire() {
		require(state != AccountState.RETIRED, "The account is already retired.");
		state = AccountState.RETIRED;
		contact = new Contact(null, null, null, null);
		credentials.forget(false);
	}

	public void changeRoles(Set<Role> newRoles) {
		requireNotRetired();
		require(!newRoles.isEmpty(), "A user needs at least one role.");
		for (Role role : newRoles) {
			require(role.forCustomers() != issued.staff(), "Role " + role.key() + " does not fit this kind of account.");
		}
		roles = EnumSet.copyOf(newRoles);
	}

	/** The person's contact data and the third party they work for, if any (blank for none). */
	public void changeContact(String name, String email, String phone, String thirdParty) {
		requireNotRetired();
		contact = new Contact(name, email, phone, thirdParty == null || thirdParty.isBlank() ? null : thirdParty.trim());
	}

	/** Limits the person to some relevant services and service instances; empty lists for none. */
	public void limitTo(List<String> services, List<String> instances) {
		requireNotRetired();
		serviceScope = ContactCheck.cleaned(services);
		instanceScope = ContactCheck.cleaned(instances);
	}

	/** The language of the person's mails: Japanese or English. */
	public void speak(String language) {
		this.language = language != null && language.toLowerCase(Locale.ROOT).startsWith("ja") ? "ja" : "en";
	}

	private void requireNotRetired() {
		require(state != AccountState.RETIRED, "A retired account cannot change.");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IdentityException("invalid-transition", HttpStatus.CONFLICT, message);
		}
	}
}
