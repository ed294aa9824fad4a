package portal.identity.administration;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.Role;
import portal.identity.UserView;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.ContactCheck;
import portal.identity.lostcredentials.LostReports;

/**
 * The changes an administrator makes to a user once they are allowed: contact data, roles
 * and limits, a fresh start, and the end of every user's access when the customer's agreement ends. Who may
 * make them, and which need re-authentication, is decided by the user administration that
 * calls these within its transaction.
 */
@Service
public class AccountEdits {

	private final Accounts accounts;

	private final AccessEnding access;

	private final AuditTrail audit;

	private final Registrations registrations;

	private final LostReports lostReports;

	AccountEdits(Accounts accounts, AccessEnding access, AuditTrail audit, Registrations registrations,
			LostReports lostReports) {
		this.accounts = accounts;
		this.access = access;
		this.audit = audit;
		this.registrations = registrations;
		this.lostReports = lostReports;
	}

	/** A fresh start: new link, password and second factor; access ended, open lost reports closed. */
	public UserView reset(UUID customerId, Account account) {
		account.reset();
		accounts.update(account);
		access.endAccess(account);
		registrations.invite(account, true);
		lostReports.closeFor(account.id());
		audit.record(AuditRecord.of("user.reset", "user", account.loginId()).forCustomer(customerId));
		return account.view();
	}

	/** Whether the address differs from the account's (ignoring case): a step that asks first. */
	public static boolean changesEmail(Account account, String email) {
		return email != null && !email.trim().equalsIgnoreCase(account.email());
	}

	/** New contact data, checked; audited. */
	public UserView contact(UUID customerId, Account account, String name, String email, String phone,
			String thirdParty) {
		ContactCheck.check(name, email, phone);
		account.changeContact(name.trim(), email.trim(), phone.trim(), thirdParty);
		accounts.update(account);
		audit.record(AuditRecord.of("user.contact-changed", "user", account.loginId()).forCustomer(customerId));
		return account.view();
	}

	/** New roles and limits, never the last active administrator's role; the user's sessions end. */
	public UserView roles(UUID customerId, Account account, Set<Role> roles, List<String> serviceScope,
			List<String> instanceScope) {
		boolean wasAdministrator = account.isAdministrator();
		account.changeRoles(roles);
		account.limitTo(serviceScope, instanceScope);
		if (wasAdministrator && !account.isAdministrator()) {
			accounts.requireAnotherAdministrator(account);
		}
		accounts.update(account);
		// Sessions hold the roles they signed in with; the user signs in again under the new ones.
		access.endSessions(account);
		UserView changed = account.view();
		audit.record(AuditRecord.of("user.roles-changed", "user", changed.loginId())
			.forCustomer(customerId)
			.with("roles", changed.roles())
			.with("serviceScope", changed.serviceScope())
			.with("instanceScope", changed.instanceScope()));
		return changed;
	}

	/** Ends every session and API token of the customer's users, each audited; returns how many users. */
	public int endAccessOfCustomer(UUID customerId, String reason) {
		List<Account> users = accounts.listOfCustomer(customerId, "");
		for (Account account : users) {
			int revoked = access.endAccess(account);
			audit.record(AuditRecord.of("user.access-ended", "user", account.loginId()).forCustomer(customerId)
				.with("reason", reason).with("tokensRevoked", revoked));
		}
		return users.size();
	}
}
