package portal.identity.activation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.DocumentVersion;
import portal.identity.credentials.PasswordHashes;
import portal.identity.signin.SecurityEvents;
import portal.identity.signin.SignInThrottle;

/**
 * Activation through the mailed link: the person sets a password, enrols an
 * authenticator app by proving one code, accepts the personal information terms in force
 * and receives recovery codes, shown once. A reset link runs the same steps.
 */
@Service
public class Activation {

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

	private final Offers offers;

	private final Enrolments enrolments;

	private final PasswordHashes encoder;

	private final SignInThrottle throttle;

	private final SecurityEvents events;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	Activation(Offers offers, Enrolments enrolments, PasswordHashes encoder, SignInThrottle throttle,
			SecurityEvents events, Tenancy tenancy, TransactionTemplate transactions) {
		this.offers = offers;
		this.enrolments = enrolments;
		this.encoder = encoder;
		this.throttle = throttle;
		this.events = events;
		this.tenancy = tenancy;
		this.transactions = transactions;
	}

	/** The page for a link, or empty when the link is unknown, used, revoked or expired. */
	public Optional<Offer> offer(String token) {
		return offers.offer(token);
	}

	public Result activate(String token, String password, String passwordRepeat, String code, boolean acceptTerms,
			int termsVersion) {
		// Each attempt costs a password hash; a flood from one address stops before it.
		if (!throttle.tryActivation(tenancy.current().origin())) {
			return new Result(List.of(), Map.of("code", List.of("security.rate-limited")));
		}
		Offer offer = offer(token).orElse(null);
		if (offer == null) {
			return new Result(List.of(), Map.of("token", List.of("identity.activation.link-invalid")));
		}
		Offers.Answer answer = offers.check(offer, password, passwordRepeat, code, acceptTerms, termsVersion);
		if (!answer.errors().isEmpty()) {
			events.record(Actor.user(offer.loginId()), tenancy.current().origin(), "activation.failed", offer.loginId(),
					Map.of("fields", String.join(",", answer.errors().keySet())));
			return new Result(List.of(), answer.errors());
		}
		String hash = encoder.encode(password);
		List<String> codes = tenancy.call(Actor.user(offer.loginId()), TenantScope.system(), () -> transactions
			.execute(status -> enrolments.complete(token, offer, hash, answer.step().getAsLong())));
		if (codes == null) {
			return new Result(List.of(), Map.of("token", List.of("identity.activation.link-invalid")));
		}
		return new Result(codes, Map.of());
	}
}
