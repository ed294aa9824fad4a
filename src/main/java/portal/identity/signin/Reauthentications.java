package portal.identity.signin;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Reauthentication;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.Totp;

/**
 * Checks a re-authentication: the person's own current password and a one-time code newer
 * than the last one used, never through an API token. The code is used up.
 */
@Component
public class Reauthentications {

	private final Accounts accounts;

	private final PasswordHashes encoder;

	private final Clock clock;

	Reauthentications(Accounts accounts, PasswordHashes encoder, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.clock = clock;
	}

	/** The person's account, re-authenticated, in the caller's transaction; refused otherwise. */
	public Account confirm(PortalUser user, Reauthentication given) {
		if (user.viaApiToken()) {
			throw IdentityException.reauthenticationFailed();
		}
		if (given == null || !given.complete()) {
			throw IdentityException.reauthenticationRequired();
		}
		Account account = accounts.byId(user.accountId()).orElseThrow(IdentityException::notFound);
		boolean passwordOk = account.credentials().passwordHash() != null
				&& encoder.matches(given.currentPassword(), account.credentials().passwordHash());
		OptionalLong step = Totp.verify(account.credentials().totpSecret(), given.code(), clock.instant(), account.credentials().totpLastStep());
		if (!passwordOk || step.isEmpty()) {
			throw IdentityException.reauthenticationFailed();
		}
		account.credentials().succeeded(step.getAsLong());
		accounts.update(account);
		return account;
	}
}
