package portal.identity.activation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.RecoveryCodes;
import portal.terms.Terms;

/**
 * The end of an accepted activation, in the caller's transaction: the link is used up, the
 * account takes its password hash and authenticator, recovery codes are issued, the
 * acceptance of the terms is recorded and the activation audited.
 */
@Component
class Enrolments {

	private final ActivationLinks links;

	private final Accounts accounts;

	private final RecoveryCodes recoveryCodes;

	private final Terms terms;

	private final AuditTrail audit;

	private final Clock clock;

	Enrolments(ActivationLinks links, Accounts accounts, RecoveryCodes recoveryCodes, Terms terms, AuditTrail audit,
			Clock clock) {
		this.links = links;
		this.accounts = accounts;
		this.recoveryCodes = recoveryCodes;
		this.terms = terms;
		this.audit = audit;
		this.clock = clock;
	}

	// The recovery codes, or null when the link was used meanwhile.
	List<String> complete(String token, Activation.Offer offer, String hash, long step) {
		if (!links.use(token)) {
			return null;
		}
		Account account = accounts.byLoginId(offer.loginId()).orElseThrow();
		account.activate(hash, offer.totpSecret(), clock.instant());
		account.credentials().succeeded(step);
		accounts.update(account);
		List<String> codes = recoveryCodes.issue(account);
		if (account.customerId() != null) {
			terms.recordAcceptance(account.customerId(), account.id(), Terms.PERSONAL_INFORMATION,
					offer.personalInformationTerms().version());
		}
		audit.record(AuditRecord.of(offer.reset() ? "user.reactivated" : "user.activated", "user", account.loginId())
			.forCustomer(account.customerId()));
		return codes;
	}
}
