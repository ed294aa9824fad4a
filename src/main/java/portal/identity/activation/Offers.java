package portal.identity.activation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import portal.identity.AccountState;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.PasswordPolicy;
import portal.identity.credentials.QrCodes;
import portal.identity.credentials.Totp;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

/**
 * What a valid activation link offers — the login ID, a fresh authenticator secret kept
 * with the link, the personal information terms in force — and whether an answer to that
 * offer is right: a password the policy accepts, typed twice, a code the new authenticator
 * shows now, and the terms accepted.
 */
@Component
class Offers {

	private static final String ISSUER = "Customer Portal";

	private final ActivationLinks links;

	private final Accounts accounts;

	private final Terms terms;

	private final PasswordPolicy policy;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Offers(ActivationLinks links, Accounts accounts, Terms terms, PasswordPolicy policy, Tenancy tenancy,
			TransactionTemplate transactions, Clock clock) {
		this.links = links;
		this.accounts = accounts;
		this.terms = terms;
		this.policy = policy;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.clock = clock;
	}

	// The page for a link, or empty when the link is unknown, used, revoked or expired.
	Optional<Activation.Offer> offer(String token) {
		return tenancy.call(Actor.job("activation"), TenantScope.system(),
				() -> transactions.execute(status -> links.valid(token).flatMap(link -> {
					Optional<Account> account = accounts.byId(link.accountId())
						.filter(a -> a.state() == AccountState.PENDING_ACTIVATION);
					return account.map(a -> {
						String secret = link.pendingTotpSecret();
						if (secret == null) {
							secret = Totp.newSecret();
							links.offerTotpSecret(token, secret);
						}
						String uri = Totp.otpauthUri(ISSUER, a.loginId(), secret);
						return new Activation.Offer(a.loginId(), a.name(), "reset".equals(link.purpose()), secret, uri,
								QrCodes.svgDataUri(uri), terms.requireInForce(Terms.PERSONAL_INFORMATION));
					});
				})));
	}

	// The message keys of what to fix, by field, and the code's time step when it was right.
	Answer check(Activation.Offer offer, String password, String passwordRepeat, String code, boolean acceptTerms,
			int termsVersion) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		List<String> passwordProblems = new ArrayList<>(policy.check(password, offer.loginId(), offer.name()));
		if (passwordProblems.isEmpty() && !password.equals(passwordRepeat)) {
			errors.put("passwordRepeat", List.of("identity.password.mismatch"));
		}
		if (!passwordProblems.isEmpty()) {
			errors.put("password", passwordProblems);
		}
		OptionalLong step = Totp.verify(offer.totpSecret(), code, clock.instant(), 0);
		if (step.isEmpty()) {
			errors.put("code", List.of("identity.activation.code-wrong"));
		}
		if (!acceptTerms || termsVersion != offer.personalInformationTerms().version()) {
			errors.put("acceptTerms", List.of("identity.activation.terms-required"));
		}
		return new Answer(errors, step);
	}

	record Answer(Map<String, List<String>> errors, OptionalLong step) {
	}
}
