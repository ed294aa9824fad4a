package portal.agreements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.ApplicationState;
import portal.agreements.desk.Receipt;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.AgreementState;
import portal.customers.inventory.ContractFeed;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-4.3 R-5.1 R-5.2 R-5.3 Applications are received, checked and decided in the order received")
class ApplicationDeskIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationDesk desk;

	@Autowired
	AgreementLifecycle lifecycle;

	@Autowired
	ContractFeed contracts;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	AgreementFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AgreementFixtures(desk, contracts, tenancy);
		fixtures.clearQueue();
	}

	@Test
	@DisplayName("R-4.3 ASVS 14.2.1 anyone applies through the API, gets a receipt number and token, a confirmation mail, and sees the state (token in a header)")
	void appliesAndFollowsTheApplication() throws Exception {
		String name = fixtures.legalName("Kaede Works");
		String contract = fixtures.unlinkedContract("kaede", name);
		String body = """
				{"legalName": "%s", "registeredAddress": "2-2 Kaede Dori, Osaka", "country": "jp",
				 "contact": {"name": "Chika Contact", "email": "chika-%s@apply.example.com", "phone": "+81 6 1234 5678"},
				 "contractNumbers": ["%s"],
				 "administrator": {"name": "Aki Admin", "email": "aki-%s@apply.example.com", "phone": "+81 6 8765 4321"},
				 "language": "en", "consentConfirmed": true}""".formatted(name, fixtures.run, contract, fixtures.run);
		String response = mvc.perform(post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.receiptNo").isNumber())
			.andReturn().getResponse().getContentAsString();
		long receiptNo = Long.parseLong(response.replaceAll(".*\"receiptNo\":(\\d+).*", "$1"));
		String token = response.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

		mvc.perform(get("/api/v1/applications/{no}", receiptNo).param("token", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RECEIVED"));
		mvc.perform(get("/api/v1/applications/{no}", receiptNo).param("token", "wrong"))
			.andExpect(status().isNotFound());
		// ASVS 14.2.1: the header keeps the token out of the request line; the answer holds no personal data.
		mvc.perform(get("/api/v1/applications/{no}", receiptNo).header("X-Application-Token", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RECEIVED"))
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Chika")),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("@apply.example.com")),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("+81")))));
		mvc.perform(get("/api/v1/applications/{no}", receiptNo).header("X-Application-Token", "wrong"))
			.andExpect(status().isNotFound());
		assertThat(outboxSubjects("chika-" + fixtures.run + "@apply.example.com"))
			.anySatisfy(subject -> assertThat(subject).contains(String.valueOf(receiptNo)));
		// ASVS 14.2.1: the mailed link carries the token after "#", never in the query; the code is there to paste.
		assertThat(asSystem(() -> jdbc.sql("SELECT body FROM notices.outbox WHERE recipient = ? ORDER BY seq")
			.param("chika-" + fixtures.run + "@apply.example.com").query(String.class).list()))
			.anySatisfy(mail -> assertThat(mail).contains("/apply/status/" + receiptNo + "#")
				.contains("enter this status code").doesNotContain("token="));
	}

	@Test
	@DisplayName("R-4.3 bad input is refused with a problem naming the field, and nothing is written")
	void badInputNamesTheField() throws Exception {
		String name = fixtures.legalName("Bad Input");
		assertRefused(application(name, "JP", "[]", "ok@example.com", "+81 3 1234 5678"), "contractNumbers");
		assertRefused(application(name, "XX", "[\"C-1\"]", "ok@example.com", "+81 3 1234 5678"), "country");
		assertRefused(application(name, "JP", "[\"C-1\"]", "not-an-email", "+81 3 1234 5678"), "contact.email");
		assertRefused(application(name, "JP", "[\"C-1\"]", "ok@example.com", "call me"), "contact.phone");
		long written = asSystem(() -> jdbc.sql("SELECT count(*) FROM agreements.applications WHERE legal_name = ?")
			.param(name).query(Long.class).single());
		assertThat(written).isZero();
	}

	@Test
	@DisplayName("R-5.1 accepting while an older application is undecided is refused with a problem naming the older one")
	void refusesAcceptingOutOfReceiptOrder() throws Exception {
		Receipt older = submitMatching("Older");
		Receipt newer = submitMatching("Newer");
		mvc.perform(post("/api/v1/console/applications/{no}/acceptance", newer.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/out-of-receipt-order"))
			.andExpect(jsonPath("$.olderReceiptNo").value(older.receiptNo()));
		mvc.perform(post("/api/v1/console/applications/{no}/rejection", older.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"art-5-9\", \"note\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.reason").exists());
		mvc.perform(post("/api/v1/console/applications/{no}/rejection", older.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"art-5-3\", \"note\": \"The registered address does not exist.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("rejected"));
		mvc.perform(post("/api/v1/console/applications/{no}/acceptance", newer.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("accepted"))
			.andExpect(jsonPath("$.administratorLoginId").value(org.hamcrest.Matchers.matchesPattern("CP\\d{8}")));
		mvc.perform(post("/api/v1/console/applications/{no}/acceptance", newer.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/already-decided"));
	}

	@Test
	@DisplayName("R-5.2 the desk sees the check of Art. 5 (1) with its evidence, and cannot accept an applicant who fails it")
	void showsTheCustomerOfRecordCheck() throws Exception {
		String name = fixtures.legalName("Not Of Record");
		String someoneElses = fixtures.unlinkedContract("else", fixtures.legalName("Someone Else"));
		Receipt receipt = fixtures.submit(AgreementFixtures.applicant(name, "nor-" + fixtures.run + "@example.com",
				List.of(someoneElses, "T-" + fixtures.run + "-unknown")));
		mvc.perform(get("/api/v1/console/applications/{no}", receipt.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerOfRecordCheck.passed").value(false))
			.andExpect(jsonPath("$.customerOfRecordCheck.evidence[0].found").value(true))
			.andExpect(jsonPath("$.customerOfRecordCheck.evidence[0].customerOfRecordMatches").value(false))
			.andExpect(jsonPath("$.customerOfRecordCheck.evidence[1].found").value(false));
		mvc.perform(post("/api/v1/console/applications/{no}/acceptance", receipt.receiptNo())
			.with(authentication(AgreementFixtures.DESK)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/customer-of-record-check-failed"));
		mvc.perform(get("/api/v1/console/applications").with(authentication(AgreementFixtures.SERVICE_MANAGER)))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-5.3 acceptance creates the customer and its active agreement, links the contract and registers the first administrator")
	void acceptanceConcludesTheAgreement() throws Exception {
		String name = fixtures.legalName("Hinoki Trading");
		String contract = fixtures.unlinkedContract("hinoki", name);
		String adminEmail = "hinoki-admin-" + fixtures.run + "@example.com";
		Receipt receipt = fixtures.submit(AgreementFixtures.applicant(name, adminEmail, List.of(contract)));
		var accepted = fixtures.asDesk(() -> desk.accept(receipt.receiptNo()));
		var customer = accepted.application().customerId().orElseThrow();
		String linkedTo = asSystem(() -> jdbc.sql("SELECT customer_id::text FROM customers.contracts WHERE contract_no = ?")
			.param(contract).query(String.class).single());
		assertThat(linkedTo).isEqualTo(customer.toString());
		var agreement = fixtures.asDesk(() -> lifecycle.view(customer)).orElseThrow();
		assertThat(agreement.state()).isEqualTo(AgreementState.ACTIVE);
		assertThat(agreement.timeline()).extracting(e -> e.step()).contains("concluded");
		assertThat(outboxSubjects(adminEmail)).isNotEmpty();
		assertThat(outboxSubjects("contact-" + adminEmail)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	@DisplayName("R-5.1 desk users deciding at the same time on several threads never accept out of receipt order")
	void concurrentDecisionsKeepReceiptOrder() throws Exception {
		List<Receipt> receipts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			receipts.add(submitMatching("Concurrent" + i));
		}
		List<Receipt> shuffled = new ArrayList<>(receipts);
		Collections.reverse(shuffled);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Receipt receipt : shuffled) {
				done.add(pool.submit(() -> {
					start.await();
					// Each desk user keeps trying "their" application until it is their turn.
					for (int attempt = 0; attempt < 200; attempt++) {
						try {
							fixtures.asDesk(() -> desk.accept(receipt.receiptNo()));
							return null;
						}
						catch (AgreementRefusal refusal) {
							assertThat(refusal.problemType()).isEqualTo("out-of-receipt-order");
							Thread.sleep(5);
						}
					}
					throw new AssertionError("never accepted " + receipt.receiptNo());
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// The acceptance mails are queued inside the decisions, which take turns: their order is the decisions' order.
		List<String> order = asSystem(() -> jdbc.sql("""
				SELECT recipient FROM notices.outbox WHERE recipient LIKE ? AND subject LIKE '%accepted%' ORDER BY seq""")
			.param("contact-concurrent%-" + fixtures.run + "@example.com").query(String.class).list());
		assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 4)
			.mapToObj(i -> "contact-concurrent" + i + "-" + fixtures.run + "@example.com").toList());
		assertThat(fixtures.asDesk(() -> desk.queue(java.util.Optional.of(ApplicationState.RECEIVED), 10))).isEmpty();
	}

	private Receipt submitMatching(String label) {
		String name = fixtures.legalName(label);
		String contract = fixtures.unlinkedContract(label.toLowerCase(), name);
		return fixtures.submit(AgreementFixtures.applicant(name, label.toLowerCase() + "-" + fixtures.run + "@example.com",
				List.of(contract)));
	}

	private void assertRefused(String body, String field) throws Exception {
		mvc.perform(post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields['" + field + "']").exists());
	}

	private static String application(String name, String country, String contracts, String email, String phone) {
		return """
				{"legalName": "%s", "registeredAddress": "1 Street", "country": "%s",
				 "contact": {"name": "C", "email": "%s", "phone": "%s"}, "contractNumbers": %s,
				 "administrator": {"name": "A", "email": "a@example.com", "phone": "+81 3 1234 5678"},
				 "consentConfirmed": true}""".formatted(name, country, email, phone, contracts);
	}

	private List<String> outboxSubjects(String recipient) {
		return asSystem(() -> jdbc.sql("SELECT subject FROM notices.outbox WHERE recipient = ? ORDER BY seq")
			.param(recipient).query(String.class).list());
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("agreements-test"), TenantScope.system(), work);
	}
}
