package portal.identity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import portal.MutableClock;
import portal.notices.EmailOutbox;
import portal.notices.OutboxMail;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;
import portal.identity.credentials.Totp;

/**
 * Real, activated accounts for tests: registered through user administration, activated
 * through the link that was mailed, with a known password and authenticator secret.
 */
public final class AccountFixtures {

	private static final Pattern LINK = Pattern.compile("/activate#([A-Za-z0-9_-]+)");

	/** An account a test can sign in with. */
	public record ActiveUser(String loginId, String password, String totpSecret, UUID customerId, String email,
			Set<Role> roles) {
	}

	private final UserAdministration administration;

	private final StaffDirectory staff;

	private final Activation activation;

	private final EmailOutbox outbox;

	private final Terms terms;

	private final Tenancy tenancy;

	private final MutableClock clock;

	public AccountFixtures(UserAdministration administration, StaffDirectory staff, Activation activation,
			EmailOutbox outbox, Terms terms, Tenancy tenancy, MutableClock clock) {
		this.administration = administration;
		this.staff = staff;
		this.activation = activation;
		this.outbox = outbox;
		this.terms = terms;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	public ActiveUser customerUser(UUID customer, Role... roles) {
		String email = "user-" + UUID.randomUUID() + "@example.test";
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		UserView user = tenancy.call(Actor.job("fixture"), TenantScope.system(),
				() -> administration.add(customer, new NewUser("Test Person", email, "+81 3 1234 5678",
						EnumSet.of(roles[0], roles), List.of(), List.of(), null, "en", true, version)));
		return activate(user, email, customer);
	}

	public ActiveUser staffMember(Role... roles) {
		String email = "staff-" + UUID.randomUUID() + "@example.test";
		UserView user = tenancy.call(Actor.job("fixture"), TenantScope.system(),
				() -> staff.addStaff("Staff Person", email, "+81 3 8765 4321", EnumSet.of(roles[0], roles), null, "en"));
		return activate(user, email, null);
	}

	/** The activation token mailed to an address most recently. */
	public String mailedToken(String email) {
		List<OutboxMail> mails = tenancy.call(Actor.job("fixture"), TenantScope.system(), () -> outbox.recent(500));
		for (OutboxMail mail : mails) {
			if (mail.recipient().equals(email)) {
				Matcher matcher = LINK.matcher(mail.body());
				if (matcher.find()) {
					return matcher.group(1);
				}
			}
		}
		throw new IllegalStateException("No activation mail to " + email);
	}

	/** A fresh one-time code: moves the clock past the last step so the code was never used. */
	public String nextCode(ActiveUser user) {
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		return Totp.code(user.totpSecret(), Totp.step(clock.instant()));
	}

	/** Signs in through the real form and returns the session cookie. */
	public Cookie signIn(MockMvc mvc, ActiveUser user) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").param("username", user.loginId())
			.param("password", user.password()).param("code", nextCode(user)).with(csrf())).andReturn();
		Cookie cookie = result.getResponse().getCookie("PORTAL_SESSION");
		if (cookie == null || result.getResponse().getRedirectedUrl() == null
				|| result.getResponse().getRedirectedUrl().contains("error")) {
			throw new IllegalStateException("Sign-in of " + user.loginId() + " failed");
		}
		return cookie;
	}

	private ActiveUser activate(UserView user, String email, UUID customer) {
		String token = mailedToken(email);
		Activation.Offer offer = activation.offer(token).orElseThrow();
		String password = "quiet harbour " + UUID.randomUUID().toString().substring(0, 8);
		Activation.Result result = activation.activate(token, password, password,
				Totp.code(offer.totpSecret(), Totp.step(clock.instant())), true,
				offer.personalInformationTerms().version());
		if (!result.succeeded()) {
			throw new IllegalStateException("Activation failed: " + result.errors());
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		user.roles().forEach(key -> roles.add(Role.customerRole(key).or(() -> Role.staffRole(key)).orElseThrow()));
		return new ActiveUser(user.loginId(), password, offer.totpSecret(), customer, email, roles);
	}
}
