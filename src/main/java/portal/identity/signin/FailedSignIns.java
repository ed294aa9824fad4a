package portal.identity.signin;

import java.time.Clock;

import org.springframework.stereotype.Component;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.accounts.IdentitySettings;
import portal.identity.lostcredentials.LostCredentials;

/**
 * The consequences of a wrong password or code, in the caller's transaction: repeated
 * failures lock the account for a while; a wrong code after the right password warns the
 * person by mail, and too many of them lock the account as if reported lost.
 */
@Component
class FailedSignIns {

	private final Accounts accounts;

	private final IdentitySettings settings;

	private final IdentityMails mails;

	private final LostCredentials lostCredentials;

	private final Clock clock;

	FailedSignIns(Accounts accounts, IdentitySettings settings, IdentityMails mails, LostCredentials lostCredentials,
			Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.mails = mails;
		this.lostCredentials = lostCredentials;
		this.clock = clock;
	}

	void count(Account account, boolean wrongCode) {
		account.credentials().failedSignIn(settings.maxFailedSignIns(), settings.lockDuration(), clock.instant());
		if (wrongCode && account.credentials().wrongCode(settings.maxWrongCodes())) {
			// The password is known and the codes are being guessed: locked until an administrator resets.
			lostCredentials.lockAfterWrongCodes(account);
			return;
		}
		accounts.updateCredentials(account);
		if (wrongCode) {
			mails.passwordKnown(account);
		}
	}
}
