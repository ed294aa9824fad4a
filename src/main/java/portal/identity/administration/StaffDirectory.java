package portal.identity.administration;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.catalog.Catalog;
import portal.platform.Tenancy;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.signin.Reauthentications;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.ContactCheck;

/**
 * The Company's view of accounts: staff search every account in their scope (affiliate
 * staff only their affiliate's customers' users), and administrators register staff.
 */
@Service
public class StaffDirectory {

	private final Accounts accounts;

	private final Registrations registrations;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final Catalog catalog;

	private final Reauthentications reauthentications;

	StaffDirectory(Accounts accounts, Registrations registrations, AuditTrail audit, Tenancy tenancy,
			Catalog catalog, Reauthentications reauthentications) {
		this.reauthentications = reauthentications;
		this.accounts = accounts;
		this.registrations = registrations;
		this.audit = audit;
		this.tenancy = tenancy;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public List<UserView> search(String text, int limit) {
		return accounts.search(text, Math.min(Math.max(limit, 1), 500)).stream().map(Account::view).toList();
	}

	/**
	 * Registers a staff member, optionally limited to one affiliate's customers, and mails the
	 * activation link. Only the Company's own staff (every customer in scope) may do this.
	 */
	/**
	 * Registers a staff member on behalf of a staff administrator, who confirms it like a
	 * sign-in (password and a fresh one-time code): a staff account sees customers' data.
	 */
	@Transactional
	public UserView addStaff(PortalUser admin, Reauthentication given, String name, String email, String phone,
			Set<Role> roles, String companyScope, String language) {
		reauthentications.confirm(admin, given);
		return addStaff(name, email, phone, roles, companyScope, language);
	}

	@Transactional
	public UserView addStaff(String name, String email, String phone, Set<Role> roles, String companyScope,
			String language) {
		ContactCheck.check(name, email, phone);
		String scope = companyScope == null || companyScope.isBlank() ? null : companyScope.trim();
		// A staff account can see every customer: only the Company's own staff register one.
		if (!tenancy.scope().seesEveryCustomer()) {
			throw new IdentityException("company-staff-only", org.springframework.http.HttpStatus.FORBIDDEN,
					"Only the Company's own staff administrators register staff.", "companyScope");
		}
		if (scope != null && catalog.company(scope).filter(company -> company.affiliate()).isEmpty()) {
			throw IdentityException.invalid("companyScope", "'" + scope + "' is not an affiliate in the catalog.");
		}
		Account account = registrations.issue(true, null, scope,
				roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
		account.changeContact(name.trim(), email.trim(), phone.trim(), null);
		account.speak(language);
		accounts.insert(account);
		registrations.invite(account, false);
		UserView added = account.view();
		audit.record(AuditRecord.of("staff.added", "user", added.loginId())
			.with("roles", added.roles())
			.with("companyScope", added.companyScope() == null ? "" : added.companyScope()));
		return added;
	}
}
