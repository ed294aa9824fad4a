package portal.notices;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import portal.MutableClock;
import portal.TestClockConfiguration;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against an SMTP server that is down at first and then up: each mail is
 * delivered exactly once, after its back-off. The delivery job runs by hand here.
 */
@SpringBootTest(properties = "portal.mail.delivery-interval=1h")
@Import(TestClockConfiguration.class)
class OutboxDeliveryIntegrationTests {

	private static final int PORT = freePort();

	private static GreenMail smtp;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
	}

	@AfterAll
	static void stop() {
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Autowired
	EmailOutbox outbox;

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	MutableClock clock;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private void queue(String recipient, String body) {
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> transactions.executeWithoutResult(
				status -> outbox.enqueue(new Email(recipient, "Hello", body, Locale.ENGLISH, null))));
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), work);
	}

	@Test
	@DisplayName("R-2.3 a mail that failed while the server was down is retried after its back-off and delivered once")
	void retriesWithBackOffAndDeliversOnce() {
		queue("first@retry.example", "One");
		queue("second@retry.example", "Two");

		delivery.deliverDue();
		assertThat(asSystem(() -> jdbc.sql("""
				SELECT count(*) FROM notices.outbox WHERE recipient LIKE '%@retry.example' AND attempts = 1
				AND last_error IS NOT NULL AND sent_at IS NULL""").query(Integer.class).single())).isEqualTo(2);

		smtp = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		delivery.deliverDue();
		assertThat(smtp.getReceivedMessages()).as("not due before the back-off").isEmpty();

		clock.advance(OutboxDelivery.backOff(1).plusSeconds(1));
		delivery.deliverDue();
		clock.advance(Duration.ofHours(1));
		delivery.deliverDue();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	@DisplayName("R-PI.3 a withdrawn person's address and name leave queued and sent mails")
	void erasesWithdrawnPerson() {
		queue("hana@erase.example", "Dear Hana Erasmus, your login ID is CP00000001.");
		asSystem(() -> jdbc.sql("UPDATE notices.outbox SET sent_at = now() WHERE recipient = 'hana@erase.example'")
			.update());
		queue("hana@erase.example", "Dear Hana Erasmus, a second mail.");

		tenancy.run(Actor.job("test"), TenantScope.system(),
				() -> transactions.executeWithoutResult(status -> outbox.erase("hana@erase.example", "Hana Erasmus")));

		assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM notices.outbox WHERE body LIKE '%Hana%' OR recipient LIKE 'hana@%'")
			.query(Integer.class).single())).isZero();
		assertThat(asSystem(() -> jdbc.sql("SELECT body FROM notices.outbox WHERE body LIKE '%CP00000001%'")
			.query(String.class).list())).containsExactly("Dear [erased], your login ID is CP00000001.");
	}

	@Autowired
	portal.identity.UserAdministration administration;

	@Autowired
	portal.identity.activation.Activation activation;

	@Autowired
	portal.terms.Terms terms;

	@Test
	@DisplayName("R-6.1 R-2.3 a queued activation mail holds no token that activates; the delivered mail's link works")
	void activationLinkIsSealedWhileQueued() throws Exception {
		String email = "sealed-" + java.util.UUID.randomUUID() + "@seal.example";
		int version = terms.requireInForce(portal.terms.Terms.PERSONAL_INFORMATION).version();
		tenancy.call(Actor.staff("ST0000000"), TenantScope.system(), () -> administration.add(java.util.UUID.randomUUID(),
				new portal.identity.NewUser("Sealed Person", email, "+81 3 1234 5678",
						java.util.EnumSet.of(portal.identity.Role.CUSTOMER_VIEWER), java.util.List.of(), java.util.List.of(),
						null, "en", true, version)));

		String stored = asSystem(() -> jdbc.sql("SELECT body FROM notices.outbox WHERE recipient = ?").param(email)
			.query(String.class).single());
		java.util.regex.Matcher storedLink = java.util.regex.Pattern.compile("/activate#(\\S+)").matcher(stored);
		assertThat(storedLink.find()).as("the stored body still has the link's place").isTrue();
		String storedToken = storedLink.group(1);
		assertThat(storedToken).startsWith("[[sealed:gcm1:");
		for (String candidate : java.util.List.of(storedToken, storedToken.replaceAll("^\\[\\[sealed:|\\]\\]$", ""),
				storedToken.replaceAll("[^A-Za-z0-9_-]", ""))) {
			assertThat(activation.offer(candidate)).as("stored text %s activates nothing", candidate).isEmpty();
		}

		boolean started = smtp == null;
		if (started) {
			smtp = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
		}
		try {
			delivery.deliverDue();
			jakarta.mail.internet.MimeMessage delivered = java.util.Arrays.stream(smtp.getReceivedMessages())
				.filter(message -> {
					try {
						return message.getAllRecipients()[0].toString().equals(email);
					}
					catch (jakarta.mail.MessagingException ex) {
						return false;
					}
				})
				.findFirst().orElseThrow();
			java.util.regex.Matcher link = java.util.regex.Pattern.compile("/activate#([A-Za-z0-9_-]+)")
				.matcher((String) delivered.getContent());
			assertThat(link.find()).isTrue();
			assertThat(activation.offer(link.group(1))).as("the delivered link opens the activation").isPresent();
			assertThat(asSystem(() -> jdbc.sql("SELECT body FROM notices.outbox WHERE recipient = ?").param(email)
				.query(String.class).single())).contains("/activate#[hidden]").doesNotContain(link.group(1))
				.doesNotContain("sealed");
		}
		finally {
			// The back-off test expects the server down until it starts one itself.
			if (started) {
				smtp.stop();
				smtp = null;
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
