package portal.notices;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.NewVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The terms and notices API as a client sees it, amendment notices reaching only the
 * holders of a service, and the maintenance calendar as JSON and as a page.
 */
@PortalIntegrationTest
class TermsAndNoticesApiIntegrationTests {

	private static final String SPEC = "spec-arcstar-universal-one";

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MutableClock clock;

	@Autowired
	Documents documents;

	@Autowired
	Inbox inbox;

	NoticeFixtures fixtures;

	RequestPostProcessor planner = authentication(TestPrincipals.staff("planner-7", "MAINTENANCE_PLANNER"));

	@BeforeEach
	void setUp() {
		fixtures = new NoticeFixtures(customers, jdbc, tenancy, transactions, events).withoutEarlierNoticesToAll();
	}

	@Test
	@DisplayName("R-2.1 R-2.3 the OpenAPI document lists every documents, notices, consents and maintenance route")
	void openApiListsEveryRoute() throws Exception {
		mvc.perform(get("/v3/api-docs").with(planner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/documents'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/documents/{key}/versions'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/documents/{key}/versions/{version}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/documents/{key}/diff'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/notices'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/notices/{id}/read'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me/consents'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/maintenance'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/maintenance.ics'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/documents/{key}/versions'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/notices'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/notices/{id}'].patch").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/notices/{id}'].delete").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/documents/{key}/consents'].get").exists());
	}

	@Test
	@DisplayName("R-2.1 the versions of a document list newest first, and the diff of two of them marks what was added and removed")
	void versionsAndDiffAsJson() throws Exception {
		DocumentVersion current = specInForce();
		DocumentVersion published = asPublisher(() -> documents.publish(SPEC, new NewVersion(current.titleEn(),
				current.bodyEn() + "\n\n## Escalation\n\nUrgent faults reach the night desk within fifteen minutes.",
				null, null, "Adds how urgent faults are escalated.", null, null)));
		int newest = published.version();

		mvc.perform(get("/api/v1/documents/{key}/versions", SPEC))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].version").value(newest))
			.andExpect(jsonPath("$[1].version").value(newest - 1))
			.andExpect(jsonPath("$[0].summary").value("Adds how urgent faults are escalated."))
			.andExpect(jsonPath("$[0].sha256").value(Documents.sha256(published.bodyEn())));
		String diff = mvc.perform(get("/api/v1/documents/{key}/diff", SPEC).param("from", String.valueOf(newest - 1))
				.param("to", String.valueOf(newest)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat((Integer) JsonPath.read(diff, "$.from.version")).isEqualTo(newest - 1);
		assertThat((Integer) JsonPath.read(diff, "$.to.version")).isEqualTo(newest);
		List<String> added = JsonPath.read(diff, "$.blocks[?(@.change == 'ADDED')].parts[*].text");
		assertThat(added).contains("Urgent faults reach the night desk within fifteen minutes.");
		List<String> unchanged = JsonPath.read(diff, "$.blocks[?(@.change == 'SAME')].parts[*].text");
		assertThat(unchanged).isNotEmpty().doesNotContain("Urgent faults reach the night desk within fifteen minutes.");
		mvc.perform(get("/api/v1/documents/{key}/versions", "no-such-document"))
			.andExpect(status().isNotFound());
	}

	@Test
	@DisplayName("R-2.3 reading a notice lowers the unread count; the list filters by unread and by kind")
	void readStateAndFilters() throws Exception {
		UUID customer = fixtures.customer("Xi");
		String user = fixtures.user(customer, "en", "viewer");
		RequestPostProcessor viewer = authentication(TestPrincipals.customerUser(user, customer, "VIEWER"));
		String general = noticeTo(customer, "GENERAL", "Desk hours change", null);
		String maintenance = noticeTo(customer, "MAINTENANCE", "Core switch swap",
				clock.instant().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS));

		mvc.perform(get("/api/v1/notices").with(viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unread").value(2))
			.andExpect(jsonPath("$.items.length()").value(2));
		mvc.perform(get("/api/v1/notices").param("unread", "true").param("kind", "MAINTENANCE").with(viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(maintenance))
			.andExpect(jsonPath("$.items[0].kind").value("MAINTENANCE"));

		mvc.perform(post("/api/v1/notices/{id}/read", maintenance).with(csrf()).with(viewer))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/notices").param("unread", "true").param("kind", "MAINTENANCE").with(viewer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unread").value(1))
			.andExpect(jsonPath("$.items").isEmpty());
		mvc.perform(get("/api/v1/notices").param("unread", "true").with(viewer))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(general));
	}

	@Test
	@DisplayName("R-2.2 an amended service specification reaches the inbox and mail of a holder's users, and not of others")
	void amendedSpecificationReachesHoldersOnly() {
		UUID holder = fixtures.customer("Omicron");
		UUID other = fixtures.customer("Pi");
		fixtures.asSystem(() -> jdbc.sql("""
				INSERT INTO customers.contracts (contract_no, relevant_service, contracting_company, record_legal_name,
					record_registration_number, customer_id, start_date, state, created_at, updated_at)
				VALUES (?, 'arcstar-universal-one', 'COMPANY', 'Omicron', 'R-1', ?, ?, 'active', now(), now())""")
			.params("AU1-" + fixtures.run, holder, LocalDate.now().minusDays(10)).update());
		String holderUser = fixtures.user(holder, "en", "viewer");
		String otherUser = fixtures.user(other, "en", "viewer");

		DocumentVersion current = specInForce();
		DocumentVersion published = asPublisher(() -> documents.publish(SPEC, new NewVersion(current.titleEn(),
				current.bodyEn() + "\n\nPlanned work is announced in the portal's maintenance calendar.", null, null,
				"Points to the maintenance calendar.", null, null)));
		fixtures.awaitHandled("terms:" + SPEC + ":v" + published.version());

		String title = "Amended: " + current.titleEn();
		assertThat(amendments(holder, holderUser)).contains(title);
		assertThat(fixtures.mailSubjects(holderUser)).anySatisfy(subject -> assertThat(subject).contains(title));
		assertThat(amendments(other, otherUser)).doesNotContain(title);
		assertThat(fixtures.mailSubjects(otherUser)).noneSatisfy(subject -> assertThat(subject).contains(title));
	}

	@Test
	@DisplayName("R-11.2 the maintenance API lists the user's windows with their times and the services they affect")
	void maintenanceAsJson() throws Exception {
		UUID customer = fixtures.customer("Rho");
		String user = fixtures.user(customer, "en", "viewer");
		Instant start = clock.instant().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.SECONDS);
		String id = noticeTo(customer, "MAINTENANCE", "Fibre splice", start);
		noticeTo(fixtures.customer("Sigma"), "MAINTENANCE", "Someone else's work", start);

		mvc.perform(get("/api/v1/maintenance").with(authentication(TestPrincipals.customerUser(user, customer, "VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].title").value("Fibre splice"))
			.andExpect(jsonPath("$[0].start").value(start.toString()))
			.andExpect(jsonPath("$[0].end").value(start.plus(Duration.ofHours(3)).toString()))
			.andExpect(jsonPath("$[0].services[0]").value("arcstar-universal-one"));
		mvc.perform(get("/api/v1/maintenance")).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("R-11.2 R-23 the maintenance page shows upcoming and recent windows in English and Japanese, and an empty state")
	void maintenancePageInBothLanguages() throws Exception {
		UUID customer = fixtures.customer("Tau");
		String user = fixtures.user(customer, "en", "viewer");
		RequestPostProcessor viewer = authentication(TestPrincipals.customerUser(user, customer, "VIEWER"));
		mvc.perform(get("/app/maintenance").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No maintenance is planned for you at the moment."),
					containsString("id=\"upcoming-empty\""), containsString("Create my feed address"),
					not(containsString("id=\"upcoming-windows\"")), not(containsString("??")))));
		mvc.perform(get("/app/maintenance").param("lang", "ja").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("現在、予定されているメンテナンスはありません。"),
					containsString("フィードアドレスを作成"), not(containsString("??")))));

		noticeTo(customer, "MAINTENANCE", "Power work tonight", clock.instant().plus(Duration.ofHours(1))
			.truncatedTo(ChronoUnit.SECONDS), true);
		clock.advance(Duration.ofHours(5));
		noticeTo(customer, "MAINTENANCE", "Rack move", clock.instant().plus(Duration.ofDays(15))
			.truncatedTo(ChronoUnit.SECONDS));

		String english = mvc.perform(get("/app/maintenance").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Upcoming windows"), containsString("Windows of the past week"),
					containsString("arcstar-universal-one"), containsString("href=\"/app/maintenance\""),
					not(containsString("??")))))
			.andReturn().getResponse().getContentAsString();
		assertThat(section(english, "upcoming-windows")).contains("Rack move").doesNotContain("Power work tonight");
		assertThat(section(english, "recent-windows")).contains("Power work tonight").doesNotContain("Rack move");
		mvc.perform(get("/app/maintenance").param("lang", "ja").with(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("今後のメンテナンス"), containsString("過去1週間のメンテナンス"),
					containsString("Rack move"), containsString("対象サービス"), not(containsString("??")))));
		mvc.perform(get("/app/notices").with(viewer))
			.andExpect(content().string(containsString("href=\"/app/maintenance\"")));
	}

	@Test
	@DisplayName("R-11.2 the page creates the feed address on request and shows it once; revoking needs a confirmation")
	void feedAddressCreatedAndRevokedFromThePage() throws Exception {
		UUID customer = fixtures.customer("Upsilon");
		String user = fixtures.user(customer, "en", "viewer");
		RequestPostProcessor viewer = authentication(TestPrincipals.customerUser(user, customer, "VIEWER"));
		noticeTo(customer, "MAINTENANCE", "Cable work", clock.instant().plus(Duration.ofDays(16))
			.truncatedTo(ChronoUnit.SECONDS));

		String page = mvc.perform(post("/app/maintenance/feed").with(csrf()).with(viewer))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher url = java.util.regex.Pattern
			.compile("id=\"feed-url\"[^>]*value=\"[^\"]*/api/v1/maintenance\\.ics\\?token=([A-Za-z0-9_\\-]+)\"")
			.matcher(page);
		assertThat(url.find()).as("the feed address is shown").isTrue();
		String token = url.group(1);
		mvc.perform(get("/api/v1/maintenance.ics").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SUMMARY:Cable work")));
		mvc.perform(get("/app/maintenance").with(viewer))
			.andExpect(content().string(allOf(containsString("id=\"feed-active\""), not(containsString(token)),
					containsString("id=\"feed-revoke\""), not(containsString("id=\"revoke-confirm\"")))));

		mvc.perform(get("/app/maintenance").param("revoke", "true").with(viewer))
			.andExpect(content().string(allOf(containsString("Revoke your feed address?"),
					containsString("id=\"revoke-confirm\""))));
		mvc.perform(get("/api/v1/maintenance.ics").param("token", token)).andExpect(status().isOk());
		mvc.perform(post("/app/maintenance/feed/revoke").with(viewer)).andExpect(status().isForbidden());
		mvc.perform(post("/app/maintenance/feed/revoke").with(csrf()).with(viewer))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/maintenance.ics").param("token", token)).andExpect(status().isNotFound());
		mvc.perform(get("/app/maintenance").param("revoked", "").with(viewer))
			.andExpect(content().string(allOf(containsString("Your feed address is revoked."),
					not(containsString("id=\"feed-active\"")))));
	}

	private String noticeTo(UUID customer, String kind, String title, Instant start) throws Exception {
		return noticeTo(customer, kind, title, start, false);
	}

	/** A notice to one customer published at once, through the console API; returns its id. */
	private String noticeTo(UUID customer, String kind, String title, Instant start, boolean emergency) throws Exception {
		String event = start == null ? "" : """
				, "eventStart": "%s", "eventEnd": "%s", "relevantServices": ["arcstar-universal-one"], "emergency": %s"""
			.formatted(start, start.plus(Duration.ofHours(3)), emergency);
		String created = mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"kind": "%s", "audience": {"scope": "CUSTOMER", "customerId": "%s"}, "titleEn": "%s",
						 "bodyEn": "Details follow."%s}""".formatted(kind, customer, title, event)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	private List<String> amendments(UUID customer, String loginId) {
		return fixtures.asCustomer(customer, loginId,
				() -> inbox.entries(loginId, false, Kind.AMENDMENT, Locale.ENGLISH, 100).stream()
					.map(InboxEntry::title).toList());
	}

	// The specification has no version until one is published: published here when no other test did.
	private DocumentVersion specInForce() {
		return documents.inForce(SPEC).orElseGet(() -> asPublisher(() -> documents.publish(SPEC,
				new NewVersion("Service specification: Arcstar Universal One",
						"## Scope\n\nHow the service shows in the portal.", null, null, "First version.", null, null))));
	}

	private <T> T asPublisher(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.staff("ST-PUBLISHER-7"), TenantScope.allCustomers(), work);
	}

	/** The markup of the element with this id up to its closing table tag. */
	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id + " is shown").isNotNegative();
		return html.substring(start, html.indexOf("</table>", start));
	}
}
