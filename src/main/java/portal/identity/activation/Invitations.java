package portal.identity.activation;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import portal.identity.accounts.Account;
import portal.identity.accounts.IdentityMails;
import portal.identity.accounts.IdentitySettings;

/** Mails an activation or reset link; every earlier link of the account stops working. */
@Component
public class Invitations {

	private final ActivationLinks links;

	private final IdentityMails mails;

	private final IdentitySettings settings;

	private final Clock clock;

	Invitations(ActivationLinks links, IdentityMails mails, IdentitySettings settings, Clock clock) {
		this.links = links;
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
	}

	public void send(Account account, boolean reset) {
		Instant expires = clock.instant().plus(settings.activationValidity());
		String token = links.issue(account, reset ? "reset" : "activation", expires);
		mails.activation(account, token, expires, reset);
	}
}
