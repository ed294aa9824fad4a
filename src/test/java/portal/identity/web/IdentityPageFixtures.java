package portal.identity.web;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import portal.MutableClock;
import portal.identity.NewUser;
import portal.identity.PortalUser;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.notices.EmailOutbox;
import portal.notices.OutboxMail;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;
import portal.identity.activation.Activation;
import portal.identity.administration.StaffDirectory;

/**
 * Real accounts for the page tests, made through the identity services: registered (and
 * optionally activated with a known password and authenticator secret), with the signed-in
 * principal MockMvc presents for them. Every email address carries a per-fixture suffix
 * because all integration tests share one database.
 */
final class IdentityPageFixtures {

	static final String PASSWORD = "violet harbour lantern 2026";

	private static final Pattern ACTIVATION_LINK = Pattern.compile("/activate#([A-Za-z0-9_\\-]+)");

	/** A person as the tests use them: what the portal shows, who signs in, and their second factor. */
	record Person(UserView view, PortalUser user, Authentication authentication, String totpSecret) {

		String loginId() {
			return view.loginId();
		}
	}

	private final UserAdministration administration;

	private final StaffDirectory directory;

	private final Activation activation;

	private final EmailOutbox outbox;

	private final Terms terms;

	private final Tenancy tenancy;

	private final MutableClock clock;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private int sequence;

	/** The fixtures over the services of a test's application context. */
	static IdentityPageFixtures from(ApplicationContext context) {
		return new IdentityPageFixtures(context.getBean(UserAdministration.class), context.getBean(StaffDirectory.class),
				context.getBean(Activation.class), context.getBean(EmailOutbox.class), context.getBean(Terms.class),
				context.getBean(Tenancy.class), context.getBean(MutableClock.class));
	}

	private IdentityPageFixtures(UserAdministration administration, StaffDirectory directory, Activation activation,
			EmailOutbox outbox, Terms terms, Tenancy tenancy, MutableClock clock) {
		this.administration = administration;
		this.directory = directory;
		this.activation = activation;
		this.outbox = outbox;
		this.terms = terms;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** A user registered by the Company for the customer, still waiting for activation. */
	Person registered(UUID customer, Role... roles) {
		String email = email("user");
		int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
		UserView view = asStaff(() -> administration.add(customer, new NewUser("Test Person " + sequence, email,
				"+81 3 0000 0000", roleSet(roles), List.of(), List.of(), null, "en", true, version)));
		return person(view, null);
	}

	/** A user who has activated with {@link #PASSWORD} and an authenticator secret the test knows. */
	Person active(UUID customer, Role... roles) {
		Person registered = registered(customer, roles);
		String secret = activate(registered.view().email());
		return person(asStaff(() -> administration.user(customer, registered.loginId())), secret);
	}

	Person staff(Role... roles) {
		String email = email("staff");
		UserView view = asStaff(() -> directory.addStaff("Staff Person " + sequence, email, "+81 3 1111 1111",
				roleSet(roles), null, "en"));
		String secret = activate(email);
		return person(asStaff(() -> directory.search(view.loginId(), 1).get(0)), secret);
	}

	/** Activates through the mailed link, as the person would; returns the authenticator secret. */
	String activate(String email) {
		String token = activationToken(email);
		Activation.Offer offer = activation.offer(token).orElseThrow();
		Activation.Result result = activation.activate(token, PASSWORD, PASSWORD, code(offer.totpSecret(), 0), true,
				offer.personalInformationTerms().version());
		if (!result.succeeded()) {
			throw new IllegalStateException("Activation failed: " + result.errors());
		}
		return offer.totpSecret();
	}

	/** The token of the newest activation mail to the address. */
	String activationToken(String email) {
		List<OutboxMail> mails = tenancy.call(Actor.job("test"), TenantScope.system(), () -> outbox.recent(500));
		for (OutboxMail mail : mails) {
			Matcher link = ACTIVATION_LINK.matcher(mail.body());
			if (mail.recipient().equals(email) && link.find()) {
				return link.group(1);
			}
		}
		throw new IllegalStateException("No activation mail to " + email);
	}

	/**
	 * A fresh one-time code: the clock moves on a step first, because the portal accepts each
	 * step of an authenticator only once.
	 */
	String freshCode(Person person) {
		clock.advance(java.time.Duration.ofSeconds(30));
		return code(person.totpSecret(), 0);
	}

	/** The RFC 6238 code of the step {@code offset} steps from the clock's now. */
	String code(String secret, int offset) {
		long step = clock.instant().getEpochSecond() / 30 + offset;
		return totp(secret, step);
	}

	static String totp(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Instant now() {
		return clock.instant();
	}

	String email(String kind) {
		sequence++;
		return kind + "-" + run + "-" + sequence + "@pages.example.com";
	}

	private Person person(UserView view, String secret) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		boolean staff = "staff".equals(view.kind());
		view.roles().forEach(key -> (staff ? Role.staffRole(key) : Role.customerRole(key)).ifPresent(roles::add));
		PortalUser user = new PortalUser(view.id(), view.loginId(), staff, view.customerId(), view.companyScope(),
				view.name(), roles, view.serviceScope(), view.instanceScope(), false);
		List<SimpleGrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(staff ? "ROLE_STAFF" : "ROLE_CUSTOMER"));
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return new Person(view, user, UsernamePasswordAuthenticationToken.authenticated(user, null, authorities),
				secret);
	}

	private <T> T asStaff(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.staff("ST0000000"), TenantScope.system(), work);
	}

	private static Set<Role> roleSet(Role... roles) {
		return roles.length == 0 ? EnumSet.of(Role.CUSTOMER_VIEWER) : EnumSet.copyOf(Arrays.asList(roles));
	}
}
