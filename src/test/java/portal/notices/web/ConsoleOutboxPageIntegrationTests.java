package portal.notices.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.notices.Email;
import portal.notices.EmailOutbox;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

@PortalIntegrationTest
@DisplayName("The console's email outbox")
class ConsoleOutboxPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	Tenancy tenancy;

	@Autowired
	PlatformTransactionManager transactions;

	RequestPostProcessor staffAdmin = authentication(TestPrincipals.staff("outbox-admin", "ADMIN"));

	String recipient;

	String subject;

	@BeforeEach
	void queueAMail() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		recipient = "outbox-" + run + "@pages.example.com";
		subject = "Your Customer Portal login ID CP-" + run;
		tenancy.run(Actor.job("test"), TenantScope.system(),
				() -> new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.enqueue(new Email(
						recipient, subject, "Open https://portal.example.com/activate/token-" + run + " to activate.",
						Locale.ENGLISH, null))));
	}

	@Test
	@DisplayName("staff administrators read the outbox: recipient, subject, status and the body behind a disclosure")
	void outboxShowsMails() throws Exception {
		mvc.perform(get("/console/outbox").with(staffAdmin))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Email outbox"), containsString(recipient),
					containsString(subject), containsString("<details>"), containsString("/activate/"),
					containsString("Delivery attempts"), not(containsString("??")))));
		mvc.perform(get("/console/outbox").param("lang", "ja").with(staffAdmin))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("送信メール"), not(containsString("??")))));
	}

	@Test
	@DisplayName("R-7.5 mails carry activation links: neither desk staff nor customers' users read the outbox")
	void othersAreRefused() throws Exception {
		mvc.perform(get("/console/outbox").with(authentication(TestPrincipals.staff("outbox-desk", "DESK"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/outbox")
			.with(authentication(TestPrincipals.customerUser("CP-OUTBOX", UUID.randomUUID(), "ADMINISTRATOR"))))
			.andExpect(status().isForbidden());
	}
}
