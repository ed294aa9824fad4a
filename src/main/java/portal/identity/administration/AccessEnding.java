package portal.identity.administration;

import org.springframework.stereotype.Component;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.activation.ActivationLinks;
import portal.identity.signin.UserSessions;
import portal.identity.tokens.ApiTokens;

/**
 * Ends a person's access at once: every session and API token, and for a retired account
 * every pending link too, never leaving a customer without an active administrator.
 */
@Component
public class AccessEnding {

	private final Accounts accounts;

	private final UserSessions sessions;

	private final ApiTokens tokens;

	private final ActivationLinks links;

	private final IdentityMails mails;

	private final AuditTrail audit;

	AccessEnding(Accounts accounts, UserSessions sessions, ApiTokens tokens, ActivationLinks links, IdentityMails mails,
			AuditTrail audit) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.links = links;
		this.mails = mails;
		this.audit = audit;
	}

	/** Ends every session of the account (its roles changed, or a device was left signed in); the number ended. */
	public int endSessions(Account account) {
		return sessions.endAll(account.loginId());
	}

	/** Ends every session and API token of the account; the number of tokens revoked. */
	public int endAccess(Account account) {
		sessions.endAll(account.loginId());
		return tokens.revokeAll(account.id());
	}

	/** Withdrawal or removal: personal information erased, login ID retired, access ended; audited as {@code action}. */
	public void retire(Account account, String action) {
		if (account.isAdministrator() && account.isActive()) {
			accounts.requireAnotherAdministrator(account);
		}
		String email = account.email();
		String name = account.name();
		account.retire();
		accounts.update(account);
		endAccess(account);
		mails.erase(email, name);
		links.revokeAll(account.id());
		// The trail keeps the login ID, a pseudonym once the name and contact data are gone.
		audit.record(AuditRecord.of(action, "user", account.loginId()).forCustomer(account.customerId()));
	}
}
