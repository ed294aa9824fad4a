package portal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for a test class, on a free port so that test runs side
 * by side never collide. Use as a static {@code @RegisterExtension} field and register its
 * address from a {@code @DynamicPropertySource} method.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** One server for the whole class: the application context keeps the port it was given. */
	public static GreenMailExtension server() {
		return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
	}

	public static void register(DynamicPropertyRegistry registry, GreenMailExtension greenMail) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}
}
