package portal.identity.profile;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.UserView;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.administration.AccessEnding;

/**
 * What people do with their own account: see it and withdraw (R-PI.3).
 */
@Service
public class Profiles {

	private final Accounts accounts;

	private final AccessEnding access;

	Profiles(Accounts accounts, AccessEnding access) {
		this.accounts = accounts;
		this.access = access;
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

	private Account own(PortalUser user) {
		return accounts.byId(user.accountId()).orElseThrow(IdentityException::notFound);
	}
}
