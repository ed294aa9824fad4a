package portal.identity.profile;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.UserView;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.administration.AccessEnding;
import portal.identity.signin.Reauthentications;

/**
 * What people do with their own account: see it, re-authenticate before a sensitive step,
 * choose their time zone, and withdraw (R-PI.3).
 */
@Service
public class Profiles {

	private final Accounts accounts;

	private final AccessEnding access;

	private final Reauthentications reauthentications;

	Profiles(Accounts accounts, AccessEnding access, Reauthentications reauthentications) {
		this.accounts = accounts;
		this.access = access;
		this.reauthentications = reauthentications;
	}

	@Transactional(readOnly = true)
	public UserView me(PortalUser user) {
		return own(user).view();
	}

	/** Withdrawal of consent (R-PI.3): erase personal information, retire the login ID, end all access. */
	@Transactional
	public void withdraw(PortalUser user) {
		// Irreversible: only a person signed in with both factors, never a long-lived token.
		if (user.viaApiToken()) {
			throw new IdentityException("session-required", HttpStatus.FORBIDDEN,
					"Delete your registration from a signed-in session, not with an API token.");
		}
		access.retire(own(user), "user.withdrew");
	}

	/** Re-authentication before a sensitive action: the current password and a fresh one-time code. */
	@Transactional
	public void reauthenticate(PortalUser user, String password, String code) {
		reauthentications.confirm(user, new Reauthentication(password, code));
	}

	private Account own(PortalUser user) {
		return accounts.byId(user.accountId()).orElseThrow(IdentityException::notFound);
	}
}
