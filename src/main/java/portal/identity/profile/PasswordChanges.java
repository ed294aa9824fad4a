package portal.identity.profile;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.PasswordPolicy;
import portal.identity.signin.Reauthentications;
import portal.identity.signin.UserSessions;

/**
 * A person changes their own password after re-authenticating; whoever may have known the
 * old one loses the sessions it opened, and the person is told by mail.
 */
@Service
public class PasswordChanges {

	private final Reauthentications reauthentications;

	private final PasswordPolicy policy;

	private final PasswordHashes encoder;

	private final Accounts accounts;

	private final UserSessions sessions;

	private final IdentityMails mails;

	private final AuditTrail audit;

	PasswordChanges(Reauthentications reauthentications, PasswordPolicy policy, PasswordHashes encoder,
			Accounts accounts, UserSessions sessions, IdentityMails mails, AuditTrail audit) {
		this.reauthentications = reauthentications;
		this.policy = policy;
		this.encoder = encoder;
		this.accounts = accounts;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
	}

	/** Changes the password and ends the person's other sessions, keeping {@code currentSessionId}. */
	@Transactional
	public void change(PortalUser user, String currentPassword, String code, String newPassword,
			String currentSessionId) {
		Account account = reauthentications.confirm(user, new Reauthentication(currentPassword, code));
		List<String> problems = policy.check(newPassword, account.loginId(), account.name());
		if (!problems.isEmpty()) {
			throw new PasswordRefused(problems);
		}
		account.changePassword(encoder.encode(newPassword));
		accounts.update(account);
		sessions.endAllExcept(account.loginId(), currentSessionId);
		mails.accountChanged(account, "password");
		audit.record(AuditRecord.of("user.password-changed", "user", account.loginId()).forCustomer(account.customerId()));
	}

	/** A new password the policy refuses, with the message key of every rule it breaks. */
	public static class PasswordRefused extends IdentityException {

		private final List<String> problems;

		PasswordRefused(List<String> problems) {
			super("invalid-user", org.springframework.http.HttpStatus.BAD_REQUEST,
					"The new password breaks the password rules: " + String.join(", ", problems), "newPassword");
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}
	}
}
