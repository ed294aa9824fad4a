package portal.identity.administration;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.AccountState;
import portal.identity.IdentityException;
import portal.identity.UserView;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;

/**
 * An administrator switches a user of their customer off and on, ends their sessions, or
 * resends the activation link; never leaving the customer without an active administrator.
 */
@Service
public class UserStates {

	private final Accounts accounts;

	private final AccessEnding access;

	private final Registrations registrations;

	private final AuditTrail audit;

	UserStates(Accounts accounts, AccessEnding access, Registrations registrations, AuditTrail audit) {
		this.accounts = accounts;
		this.access = access;
		this.registrations = registrations;
		this.audit = audit;
	}

	@Transactional
	public UserView disable(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		if (account.isAdministrator()) {
			accounts.requireAnotherAdministrator(account);
		}
		account.disable();
		accounts.update(account);
		access.endAccess(account);
		audit.record(AuditRecord.of("user.disabled", "user", account.loginId()).forCustomer(customerId));
		return account.view();
	}

	@Transactional
	public UserView enable(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		account.enable();
		accounts.update(account);
		audit.record(AuditRecord.of("user.enabled", "user", account.loginId()).forCustomer(customerId));
		return account.view();
	}

	/** Ends every session of one of the customer's users, e.g. a device left signed in. */
	@Transactional
	public int endSessions(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		int ended = access.endSessions(account);
		audit.record(AuditRecord.of("user.sessions-ended", "user", account.loginId())
			.forCustomer(customerId)
			.with("sessions", ended));
		return ended;
	}

	/** Resends the activation link of a user who has not activated yet; the earlier link stops working. */
	@Transactional
	public void resendActivation(UUID customerId, String loginId) {
		Account account = find(customerId, loginId);
		if (account.state() != AccountState.PENDING_ACTIVATION) {
			throw new IdentityException("not-pending", HttpStatus.CONFLICT, "This user has already activated.");
		}
		registrations.invite(account, false);
		audit.record(AuditRecord.of("user.activation-resent", "user", account.loginId()).forCustomer(customerId));
	}

	private Account find(UUID customerId, String loginId) {
		return accounts.ofCustomer(customerId, loginId).filter(a -> a.state() != AccountState.RETIRED)
			.orElseThrow(IdentityException::notFound);
	}
}
