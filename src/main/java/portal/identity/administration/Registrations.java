package portal.identity.administration;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import portal.identity.IdentityException;
import portal.identity.NewUser;
import portal.identity.Role;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.ContactCheck;
import portal.identity.accounts.LoginIds;
import portal.identity.activation.Invitations;
import portal.platform.Tenancy;
import portal.terms.ConsentConfirmations;
import portal.terms.DocumentVersion;
import portal.terms.Terms;

/**
 * Issues accounts (login ID from the sequence, pending activation, created by the current
 * actor), registers customers' users with the consent their administrator confirmed
 * and mails the activation link.
 */
@Component
public class Registrations {

	private final Accounts accounts;

	private final Invitations invitations;

	private final Terms terms;

	private final ConsentConfirmations confirmations;

	private final Tenancy tenancy;

	private final Clock clock;

	Registrations(Accounts accounts, Invitations invitations, Terms terms, ConsentConfirmations confirmations,
			Tenancy tenancy, Clock clock) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.terms = terms;
		this.confirmations = confirmations;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** A new account, not yet stored. */
	public Account issue(boolean staff, UUID customerId, String companyScope, Set<Role> roles) {
		String loginId = LoginIds.issue(staff, accounts.nextNumber());
		return Account.issue(UUID.randomUUID(), loginId, staff, customerId, companyScope, roles, clock.instant(),
				tenancy.actor().id());
	}

	/** Registers a user of the customer with the confirmed consent, and mails the activation link. */
	public Account register(UUID customerId, NewUser user) {
		ContactCheck.check(user.name(), user.email(), user.phone());
		DocumentVersion current = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		if (!user.consentConfirmed() || user.consentTermsVersion() != current.version()) {
			throw IdentityException.invalid("consentConfirmed", "Confirm that the person consented to version "
					+ current.version() + " of the Terms of Personal Information Protection.");
		}
		Account account = issue(false, customerId, null, user.roles());
		account.changeContact(user.name().trim(), user.email().trim(), user.phone().trim(), user.thirdParty());
		account.limitTo(user.serviceScope(), user.instanceScope());
		account.speak(user.language());
		accounts.insert(account);
		confirmations.confirm(customerId, account.id(), current.version());
		invitations.send(account, false);
		return account;
	}

	/** Mails a fresh activation (or reset) link. */
	public void invite(Account account, boolean reset) {
		invitations.send(account, reset);
	}
}
