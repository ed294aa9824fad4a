package portal.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;

/**
 * The Company's view of accounts: staff search every account in their scope (affiliate
 * staff only their affiliate's customers' users), and administrators register staff.
 */
@Service
public class StaffDirectory {

	private final Accounts accounts;

	private final UserAdministration administration;

	private final AuditTrail audit;

	StaffDirectory(Accounts accounts, UserAdministration administration, AuditTrail audit) {
		this.accounts = accounts;
		this.administration = administration;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<UserView> search(String text, int limit) {
		return accounts.search(text, Math.min(Math.max(limit, 1), 500)).stream().map(UserView::of).toList();
	}

	/** Registers a staff member, optionally limited to one contracting company's customers; mails the activation link. */
	@Transactional
	public UserView addStaff(String name, String email, String phone, Set<Role> roles, String companyScope,
			String language) {
		ContactCheck.check(name, email, phone);
		Account account = administration.newAccount(true, null,
				companyScope == null || companyScope.isBlank() ? null : companyScope.trim(),
				roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
		account.changeContact(name.trim(), email.trim(), phone.trim());
		account.language = UserAdministration.language(language);
		accounts.insert(account);
		administration.sendActivation(account, false);
		audit.record(AuditRecord.of("staff.added", "user", account.loginId)
			.with("roles", account.roles.stream().map(Role::key).sorted().toList())
			.with("companyScope", account.companyScope == null ? "" : account.companyScope));
		return UserView.of(account);
	}
}
