package portal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Tenancy;
import portal.terms.DocumentVersion;
import portal.terms.Terms;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.ContactCheck;
import portal.identity.accounts.IdentityMails;
import portal.identity.accounts.IdentitySettings;
import portal.identity.accounts.LoginIds;
import portal.identity.activation.ActivationLinks;
import portal.identity.signin.UserSessions;
import portal.identity.tokens.ApiTokens;

/**
 * Customer administrators manage their own customer's users: add, change,
 * disable, remove and reset, never leaving the customer without an active administrator.
 * Every operation names the customer explicitly and is audited with its actor.
 */
@Service
public class UserAdministration {

	private final Accounts accounts;

	private final ActivationLinks links;

	private final ApiTokens tokens;

	private final UserSessions sessions;

	private final IdentityMails mails;

	private final Terms terms;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	private final IdentitySettings settings;

	UserAdministration(Accounts accounts, ActivationLinks links, ApiTokens tokens, UserSessions sessions,
			IdentityMails mails, Terms terms, AuditTrail audit, JdbcClient jdbc, Tenancy tenancy, Clock clock,
			IdentitySettings settings) {
		this.accounts = accounts;
		this.links = links;
		this.tokens = tokens;
		this.sessions = sessions;
		this.mails = mails;
		this.terms = terms;
		this.audit = audit;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public List<UserView> users(UUID customerId, String search) {
		return accounts.listOfCustomer(customerId, search).stream().map(UserView::of).toList();
	}

	@Transactional(readOnly = true)
	public UserView user(UUID customerId, String loginId) {
		return UserView.of(find(customerId, loginId));
	}

	/** Registers a user of the customer, issues the login ID and mails the activation link. */
	@Transactional
	public UserView add(UUID customerId, NewUser user) {
		ContactCheck.check(user.name(), user.email(), user.phone());
		DocumentVersion current = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		if (!user.consentConfirmed() || user.consentTermsVersion() != current.version()) {
			throw IdentityException.invalid("consentConfirmed: confirm that the person consented to version "
					+ current.version() + " of the Terms of Personal Information Protection.");
		}
		Account account = newAccount(false, customerId, null, user.roles());
		account.changeContact(user.name().trim(), user.email().trim(), user.phone().trim());
		account.thirdParty = blankToNull(user.thirdParty());
		account.serviceScope = clean(user.serviceScope());
		account.instanceScope = clean(user.instanceScope());
		account.language = language(user.language());
		accounts.insert(account);
		jdbc.sql("""
				INSERT INTO identity.consent_confirmations (account_id, customer_id, terms_version, confirmed_by, confirmed_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(account.id, customerId, current.version(), tenancy.actor().id(), java.sql.Timestamp.from(clock.instant()))
			.update();
		sendActivation(account, false);
		audit.record(AuditRecord.of("user.added", "user", account.loginId)
			.forCustomer(customerId)
			.with("roles", account.roles.stream().map(Role::key).sorted().toList())
			.with("thirdParty", account.thirdParty == null ? "" : account.thirdParty)
			.with("consentTermsVersion", current.version()));
		return UserView.of(account);
	}

	/** Registers the first administrator of a newly accepted customer. */
	@Transactional
	public UserView addFirstAdministrator(UUID customerId, String name, String email, String phone, String language,
			int consentTermsVersion) {
		return add(customerId, new NewUser(name, email, phone, EnumSet.of(Role.CUSTOMER_ADMINISTRATOR), List.of(),
				List.of(), null, language, true, consentTermsVersion));
	}

	@Transactional
	public UserView changeRoles(UUID customerId, String loginId, Set<Role> roles, List<String> serviceScope,
			List<String> instanceScope) {
		Account account = find(customerId, loginId);
		boolean wasAdministrator = account.isAdministrator();
		account.changeRoles(roles);
		account.serviceScope = clean(serviceScope);
		account.instanceScope = clean(instanceScope);
		if (wasAdministrator && !account.isAdministrator()) {
			requireAnotherAdministrator(account);
		}
		accounts.update(account);
		// Sessions hold the roles they signed in with; the user signs in again under the new ones.
		sessions.endAll(account.loginId);
		audit.record(AuditRecord.of("user.roles-changed", "user", account.loginId)
			.forCustomer(customerId)
			.with("roles", account.roles.stream().map(Role::key).sorted().toList())
			.with("serviceScope", account.serviceScope)
			.with("instanceScope", account.instanceScope));
		return UserView.of(account);
	}

	@Transactional
	public UserView changeContact(UUID customerId, String loginId, String name, String email, String phone,
			String thirdParty) {
		Account account = find(customerId, loginId);
		ContactCheck.check(name, email, phone);
		account.changeContact(name.trim(), email.trim(), phone.trim());
		account.thirdParty = blankToNull(thirdParty);
		accounts.update(account);
		audit.record(AuditRecord.of("user.contact-changed", "user", account.loginId).forCustomer(customerId));
		return UserView.of(account);
	}

	@Transactional
	public UserView disable(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		if (account.isAdministrator()) {
			requireAnotherAdministrator(account);
		}
		account.disable();
		accounts.update(account);
		endAccess(account);
		audit.record(AuditRecord.of("user.disabled", "user", account.loginId).forCustomer(customerId));
		return UserView.of(account);
	}

	@Transactional
	public UserView enable(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		account.enable();
		accounts.update(account);
		audit.record(AuditRecord.of("user.enabled", "user", account.loginId).forCustomer(customerId));
		return UserView.of(account);
	}

	/** Ends every session of one of the customer's users, e.g. a device left signed in. */
	@Transactional
	public int endSessions(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		int ended = sessions.endAll(account.loginId);
		audit.record(AuditRecord.of("user.sessions-ended", "user", account.loginId)
			.forCustomer(customerId)
			.with("sessions", ended));
		return ended;
	}

	/** Removes a user: personal information erased, login ID retired, access ended. */
	@Transactional
	public void remove(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		retire(account, "user.removed");
	}

	/** A fresh start after a lost or stolen report or a forgotten password: new link, new password, new second factor. */
	@Transactional
	public UserView reset(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		account.reset();
		accounts.update(account);
		endAccess(account);
		sendActivation(account, true);
		jdbc.sql("UPDATE identity.lost_credential_reports SET handled_at = ?, handled_by = ? WHERE account_id = ? AND handled_at IS NULL")
			.params(java.sql.Timestamp.from(clock.instant()), tenancy.actor().id(), account.id)
			.update();
		audit.record(AuditRecord.of("user.reset", "user", account.loginId).forCustomer(customerId));
		return UserView.of(account);
	}

	/** Resends the activation link of a user who has not activated yet; the earlier link stops working. */
	@Transactional
	public void resendActivation(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		if (account.state != AccountState.PENDING_ACTIVATION) {
			throw new IdentityException("not-pending", HttpStatus.CONFLICT, "This user has already activated.");
		}
		sendActivation(account, false);
		audit.record(AuditRecord.of("user.activation-resent", "user", account.loginId).forCustomer(customerId));
	}

	public void retire(Account account, String action) {
		if (account.isAdministrator() && account.isActive()) {
			requireAnotherAdministrator(account);
		}
		String email = account.email;
		String name = account.name;
		account.retire();
		accounts.update(account);
		endAccess(account);
		mails.erase(email, name);
		links.revokeAll(account.id);
		// The trail keeps the login ID, a pseudonym once the name and contact data are gone.
		audit.record(AuditRecord.of(action, "user", account.loginId).forCustomer(account.customerId));
	}

	/** Ends every session and API token of the account at once. */
	public void endAccess(Account account) {
		sessions.endAll(account.loginId);
		tokens.revokeAll(account.id);
	}

	public Account newAccount(boolean staff, UUID customerId, String companyScope, Set<Role> roles) {
		String loginId = LoginIds.issue(staff, accounts.nextNumber());
		Account account = new Account(UUID.randomUUID(), loginId, staff, customerId, companyScope);
		account.roles = EnumSet.noneOf(Role.class);
		account.serviceScope = List.of();
		account.instanceScope = List.of();
		account.language = "en";
		account.state = AccountState.PENDING_ACTIVATION;
		account.createdAt = clock.instant();
		account.createdBy = tenancy.actor().id();
		account.changeRoles(roles == null ? Set.of() : roles);
		return account;
	}

	public void sendActivation(Account account, boolean reset) {
		Instant expires = clock.instant().plus(settings.activationValidity());
		String token = links.issue(account, reset ? "reset" : "activation", expires);
		mails.activation(account, token, expires, reset);
	}

	private void requireAnotherAdministrator(Account account) {
		// Two administrators demoting each other at once must not both succeed: changes to a
		// customer's administrators take turns until their transactions end.
		accounts.lockAdministratorsOf(account.customerId);
		boolean another = accounts.activeAdministrators(account.customerId).stream()
			.anyMatch(other -> !other.id.equals(account.id));
		if (!another) {
			throw IdentityException.lastAdministrator();
		}
	}

	private Account find(UUID customerId, String loginId) {
		return accounts.ofCustomer(customerId, loginId).filter(a -> a.state != AccountState.RETIRED)
			.orElseThrow(IdentityException::notFound);
	}

	private static List<String> clean(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public static String language(String language) {
		return language != null && language.toLowerCase(Locale.ROOT).startsWith("ja") ? "ja" : "en";
	}
}
