package portal.identity.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.DocumentVersion;
import portal.terms.Terms;
import portal.identity.AccountState;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.PasswordPolicy;
import portal.identity.credentials.QrCodes;
import portal.identity.credentials.RecoveryCodes;
import portal.identity.credentials.Totp;
import portal.identity.signin.SecurityEvents;
import portal.identity.signin.SignInThrottle;

/**
 * Activation through the mailed link: the person sets a password, enrols an
 * authenticator app by proving one code, accepts the personal information terms in force
 * and receives recovery codes, shown once. A reset link runs the same steps.
 */
@Service
public class Activation {

	private static final String ISSUER = "Customer Portal";

	/** What the activation page shows. */
	public record Offer(String loginId, String name, boolean reset, String totpSecret, String otpauthUri,
			String qrCode, DocumentVersion personalInformationTerms) {
	}

	/** The outcome: recovery codes on success, or the message keys of what to fix, by field. */
	public record Result(List<String> recoveryCodes, Map<String, List<String>> errors) {

		public boolean succeeded() {
			return errors.isEmpty();
		}
	}

	private final ActivationLinks links;

	private final Accounts accounts;

	private final RecoveryCodes recoveryCodes;

	private final PasswordPolicy policy;

	private final PasswordHashes encoder;

	private final Terms terms;

	private final AuditTrail audit;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final java.time.Clock clock;

	private final SignInThrottle throttle;

	private final SecurityEvents events;

	Activation(ActivationLinks links, Accounts accounts, RecoveryCodes recoveryCodes, PasswordPolicy policy,
			PasswordHashes encoder, Terms terms, AuditTrail audit, Tenancy tenancy,
			TransactionTemplate transactions, java.time.Clock clock, SignInThrottle throttle, SecurityEvents events) {
		this.throttle = throttle;
		this.events = events;
		this.links = links;
		this.accounts = accounts;
		this.recoveryCodes = recoveryCodes;
		this.policy = policy;
		this.encoder = encoder;
		this.terms = terms;
		this.audit = audit;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The page for a link, or empty when the link is unknown, used, revoked or expired. */
	public Optional<Offer> offer(String token) {
		return system(() -> transactions.execute(status -> links.valid(token).flatMap(link -> {
			Optional<Account> account = accounts.byId(link.accountId())
				.filter(a -> a.state() == AccountState.PENDING_ACTIVATION);
			return account.map(a -> {
				String secret = link.pendingTotpSecret();
				if (secret == null) {
					secret = Totp.newSecret();
					links.offerTotpSecret(token, secret);
				}
				String uri = Totp.otpauthUri(ISSUER, a.loginId(), secret);
				return new Offer(a.loginId(), a.name(), "reset".equals(link.purpose()), secret, uri,
						QrCodes.svgDataUri(uri), terms.requireInForce(Terms.PERSONAL_INFORMATION));
			});
		})));
	}

	public Result activate(String token, String password, String passwordRepeat, String code, boolean acceptTerms,
			int termsVersion) {
		Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
		// Each attempt costs a password hash; a flood from one address stops before it.
		if (!throttle.tryActivation(tenancy.current().origin())) {
			errors.put("code", List.of("security.rate-limited"));
			return new Result(List.of(), errors);
		}
		Offer offer = offer(token).orElse(null);
		if (offer == null) {
			errors.put("token", List.of("identity.activation.link-invalid"));
			return new Result(List.of(), errors);
		}
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
		if (!errors.isEmpty()) {
			events.record(Actor.user(offer.loginId()), tenancy.current().origin(), "activation.failed", offer.loginId(),
					Map.of("fields", String.join(",", errors.keySet())));
			return new Result(List.of(), errors);
		}
		String hash = encoder.encode(password);
		List<String> codes = tenancy.call(Actor.user(offer.loginId()), TenantScope.system(),
				() -> transactions.execute(status -> complete(token, offer, hash, step.getAsLong())));
		if (codes == null) {
			return new Result(List.of(), Map.of("token", List.of("identity.activation.link-invalid")));
		}
		return new Result(codes, Map.of());
	}

	private List<String> complete(String token, Offer offer, String hash, long step) {
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

	private <T> T system(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("activation"), TenantScope.system(), work);
	}
}
