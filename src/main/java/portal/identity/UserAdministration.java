package portal.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.ContactCheck;
import portal.identity.administration.AccountEdits;
import portal.identity.administration.AccessEnding;
import portal.identity.administration.Registrations;
import portal.identity.administration.UserStates;
import portal.identity.signin.Reauthentications;

/**
 * Customer administrators manage their own customer's users: add, change,
 * disable, remove and reset, never leaving the customer without an active administrator.
 * Granting the administrator role and resetting a user need the acting administrator's
 * re-authentication. Every operation names the customer explicitly and is audited.
 */
@Service
public class UserAdministration {

	private final Accounts accounts;

	private final Registrations registrations;

	private final AccessEnding access;

	private final Reauthentications reauthentications;

	private final UserStates states;

	private final AuditTrail audit;

	private final AccountEdits edits;

	UserAdministration(Accounts accounts, Registrations registrations, AccessEnding access,
			Reauthentications reauthentications, UserStates states, AuditTrail audit,
			AccountEdits edits) {
		this.accounts = accounts;
		this.registrations = registrations;
		this.access = access;
		this.reauthentications = reauthentications;
		this.states = states;
		this.audit = audit;
		this.edits = edits;
	}

	@Transactional(readOnly = true)
	public List<UserView> users(UUID customerId, String search) {
		return accounts.listOfCustomer(customerId, search).stream().map(Account::view).toList();
	}

	@Transactional(readOnly = true)
	public UserView user(UUID customerId, String loginId) {
		return find(customerId, loginId).view();
	}

	/**
	 * An administrator registers a user of their customer; a new administrator needs the
	 * acting administrator's re-authentication.
	 */
	@Transactional
	public UserView add(PortalUser admin, NewUser user, Reauthentication confirmation) {
		if (user.roles() != null && user.roles().contains(Role.CUSTOMER_ADMINISTRATOR)) {
			reauthentications.confirm(admin, confirmation);
		}
		return add(admin.customerId(), user);
	}

	/** Registers a user of the customer, issues the login ID and mails the activation link. */
	@Transactional
	public UserView add(UUID customerId, NewUser user) {
		UserView added = registrations.register(customerId, user).view();
		audit.record(AuditRecord.of("user.added", "user", added.loginId())
			.forCustomer(customerId)
			.with("roles", added.roles())
			.with("thirdParty", added.thirdParty() == null ? "" : added.thirdParty())
			.with("consentTermsVersion", user.consentTermsVersion()));
		return added;
	}

	/** Registers the first administrator of a newly accepted customer. */
	@Transactional
	public UserView addFirstAdministrator(UUID customerId, String name, String email, String phone, String language,
			int consentTermsVersion) {
		return add(customerId, new NewUser(name, email, phone, EnumSet.of(Role.CUSTOMER_ADMINISTRATOR), List.of(),
				List.of(), null, language, true, consentTermsVersion));
	}

	/**
	 * Changes a user's roles and limits. Granting the administrator role needs the acting
	 * administrator's re-authentication; taking it away needs another active administrator.
	 */
	@Transactional
	public UserView changeRoles(PortalUser admin, String loginId, Set<Role> roles, List<String> serviceScope,
			List<String> instanceScope, Reauthentication confirmation) {
		Account account = find(admin.customerId(), loginId);
		if (!account.isAdministrator() && roles.contains(Role.CUSTOMER_ADMINISTRATOR)) {
			reauthentications.confirm(admin, confirmation);
		}
		return edits.roles(admin.customerId(), account, roles, serviceScope, instanceScope);
	}

	/**
	 * Corrects a user's contact data. A new email address needs the acting administrator's
	 * re-authentication (ASVS 7.5.1): lost-credential reports and notices go to that address,
	 * so changing it is a step toward taking the account over.
	 */
	@Transactional
	public UserView changeContact(PortalUser admin, String loginId, String name, String email, String phone,
			String thirdParty, Reauthentication confirmation) {
		Account account = find(admin.customerId(), loginId);
		ContactCheck.check(name, email, phone);
		if (AccountEdits.changesEmail(account, email)) {
			reauthentications.confirm(admin, confirmation);
			// Read again: an administrator changing their own address has just had their row updated.
			account = find(admin.customerId(), loginId);
		}
		return edits.contact(admin.customerId(), account, name, email, phone, thirdParty);
	}

	/**
	 * Applies a change in one transaction: contact data, then roles and limits, then the
	 * disabled state. A new email address or a grant of the administrator role needs the
	 * acting administrator's re-authentication, confirmed once for the whole change.
	 */
	@Transactional
	public UserView change(PortalUser admin, String loginId, UserChange change, Reauthentication confirmation) {
		UUID customerId = admin.customerId();
		Account account = find(customerId, loginId);
		UserView user = account.view();
		boolean grantsAdministrator = change.roles() != null && !account.isAdministrator()
				&& change.roles().contains(Role.CUSTOMER_ADMINISTRATOR);
		String email = UserChange.or(change.email(), user.email());
		if (change.changesContact()) {
			ContactCheck.check(UserChange.or(change.name(), user.name()), email, UserChange.or(change.phone(), user.phone()));
		}
		if (grantsAdministrator || (change.changesContact() && AccountEdits.changesEmail(account, email))) {
			reauthentications.confirm(admin, confirmation);
			// Read again: an administrator changing their own address has just had their row updated.
			account = find(customerId, loginId);
		}
		if (change.changesContact()) {
			user = edits.contact(customerId, account, UserChange.or(change.name(), user.name()), email,
					UserChange.or(change.phone(), user.phone()), UserChange.or(change.thirdParty(), user.thirdParty()));
		}
		if (change.roles() != null) {
			user = edits.roles(customerId, account, change.roles(), UserChange.or(change.serviceScope(), user.serviceScope()),
					UserChange.or(change.instanceScope(), user.instanceScope()));
		}
		if (Boolean.TRUE.equals(change.disabled())) {
			user = states.disable(customerId, loginId);
		}
		else if (Boolean.FALSE.equals(change.disabled()) && "disabled".equals(user.state())) {
			user = states.enable(customerId, loginId);
		}
		return user;
	}

	/** Removes a user: personal information erased, login ID retired, access ended. */
	@Transactional
	public void remove(UUID customerId, String loginId) {
		access.retire(find(customerId, loginId), "user.removed");
	}

	/** The customer's agreement has terminated: its users' sessions and tokens end; returns how many users. */
	@Transactional
	public int endAccessOfCustomer(UUID customerId, String reason) {
		return edits.endAccessOfCustomer(customerId, reason);
	}

	/**
	 * A fresh start after a lost or stolen report or a forgotten password: new link, new
	 * password, new second factor; needs the acting administrator's re-authentication.
	 */
	@Transactional
	public UserView reset(PortalUser admin, String loginId, Reauthentication confirmation) {
		reauthentications.confirm(admin, confirmation);
		return edits.reset(admin.customerId(), find(admin.customerId(), loginId));
	}

	private Account find(UUID customerId, String loginId) {
		return accounts.ofCustomer(customerId, loginId).filter(a -> a.state() != AccountState.RETIRED)
			.orElseThrow(IdentityException::notFound);
	}
}
