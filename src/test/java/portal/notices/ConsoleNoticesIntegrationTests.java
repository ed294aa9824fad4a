package portal.notices;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
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
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
class ConsoleNoticesIntegrationTests {

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

	NoticeFixtures fixtures;

	RequestPostProcessor planner = authentication(TestPrincipals.staff("planner-1", "MAINTENANCE_PLANNER"));

	@BeforeEach
	void setUp() {
		fixtures = new NoticeFixtures(customers, jdbc, tenancy, transactions, events).withoutEarlierNoticesToAll();
	}

	private String maintenance(UUID customer, Instant publishAt, Instant start, boolean emergency, String title) {
		return """
				{"kind": "MAINTENANCE", "audience": {"scope": "CUSTOMER", "customerId": "%s"},
				 "titleEn": "%s", "bodyEn": "Routers are replaced; expect short breaks.",
				 "publishAt": %s, "eventStart": "%s", "eventEnd": "%s", "relevantServices": ["arcstar-universal-one"],
				 "emergency": %s}""".formatted(customer, title, publishAt == null ? "null" : "\"" + publishAt + "\"",
				start, start.plus(Duration.ofHours(3)), emergency);
	}

	private int noticeCount() {
		return fixtures.asSystem(() -> jdbc.sql("SELECT count(*) FROM notices.notices").query(Integer.class).single());
	}

	@Test
	@DisplayName("R-11.2 a planned window needs 14 days of notice unless it is an emergency")
	void plannedWindowNeedsTheNoticePeriod() throws Exception {
		UUID customer = fixtures.customer("Kappa");
		Instant soon = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		int before = noticeCount();
		mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner).contentType(MediaType.APPLICATION_JSON)
				.content(maintenance(customer, null, soon, false, "Router work")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.eventStart").exists());
		assertThat(noticeCount()).isEqualTo(before);
		mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner).contentType(MediaType.APPLICATION_JSON)
				.content(maintenance(customer, null, soon, true, "Urgent router work")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("published"));
	}

	@Test
	@DisplayName("R-2.3 a notice for an unknown customer or with an empty body is refused naming the field; nothing stored")
	void refusesBadNoticesNamingTheField() throws Exception {
		int before = noticeCount();
		mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner).contentType(MediaType.APPLICATION_JSON)
				.content(maintenance(UUID.randomUUID(), null, clock.instant().plus(Duration.ofDays(20)), false, "X")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields['audience.customerId']").exists());
		mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "GENERAL", "audience": {"scope": "ALL_CUSTOMERS"}, "titleEn": "Hello", "bodyEn": " "}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.bodyEn").exists());
		mvc.perform(post("/api/v1/console/notices").with(csrf())
				.with(authentication(TestPrincipals.staff("desk-9", "DESK"))).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "GENERAL", "audience": {"scope": "ALL_CUSTOMERS"}, "titleEn": "Hello", "bodyEn": "Hi"}"""))
			.andExpect(status().isForbidden());
		assertThat(noticeCount()).isEqualTo(before);
	}

	@Test
	@DisplayName("R-2.3 R-11.2 a scheduled window can be edited and cancelled before publication only; the .ics feed keeps its UID across edits")
	void scheduledWindowEditedThenPublishedInTheFeed() throws Exception {
		UUID customer = fixtures.customer("Lambda");
		String user = fixtures.user(customer, "en", "viewer");
		Instant publishAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		Instant start = clock.instant().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
		String created = mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner)
				.contentType(MediaType.APPLICATION_JSON).content(maintenance(customer, publishAt, start, false, "Night work")))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");
		mvc.perform(patch("/api/v1/console/notices/" + id).with(csrf()).with(planner)
				.contentType(MediaType.APPLICATION_JSON)
				.content(maintenance(customer, publishAt, start.plus(Duration.ofDays(1)), false, "Night work, moved")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.revision").value(1));

		RequestPostProcessor viewer = authentication(TestPrincipals.customerUser(user, customer, "VIEWER"));
		String token = JsonPath.read(mvc.perform(post("/api/v1/maintenance/feed-token").with(csrf()).with(viewer))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.token");
		assertThat(events(token)).isEmpty();

		clock.advance(Duration.ofHours(1));
		mvc.perform(patch("/api/v1/console/notices/" + id).with(csrf()).with(planner)
				.contentType(MediaType.APPLICATION_JSON).content(maintenance(customer, null, start, false, "Too late")))
			.andExpect(status().isConflict());
		mvc.perform(delete("/api/v1/console/notices/" + id).with(csrf()).with(planner)).andExpect(status().isConflict());

		// Only published windows reach a feed, and a published notice can no longer be edited (the 409s
		// above), so the edits a feed can witness are those made before publication. The UID is derived
		// from nothing but the notice's id, which an edit keeps (the PATCH answered with the same id), so
		// the event carries the UID the window had from its creation, whatever was edited, and calendar
		// apps replace the event by its higher SEQUENCE instead of adding a second one.
		var feed = events(token);
		assertThat(feed).hasSize(1);
		VEvent event = feed.get(0);
		assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(id + "@customer-portal");
		assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
		assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Night work, moved");
		assertThat(event.getProperty("DTSTART").orElseThrow().getValue())
			.isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
				.format(start.plus(Duration.ofDays(1))));

		mvc.perform(delete("/api/v1/maintenance/feed-token").with(csrf()).with(viewer)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/maintenance.ics").param("token", token)).andExpect(status().isNotFound());
	}

	@Test
	@DisplayName("R-2.3 a cancelled notice is never shown and sends no mail")
	void cancelledNoticeIsNeverShown() throws Exception {
		UUID customer = fixtures.customer("Mu");
		String user = fixtures.user(customer, "en", "viewer");
		Instant publishAt = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		String created = mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"kind": "GENERAL", "audience": {"scope": "CUSTOMER", "customerId": "%s"}, "titleEn": "Soon",
						 "bodyEn": "Something", "publishAt": "%s"}""".formatted(customer, publishAt)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		mvc.perform(delete("/api/v1/console/notices/" + JsonPath.read(created, "$.id")).with(csrf()).with(planner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("cancelled"));
		clock.advance(Duration.ofHours(2));
		mvc.perform(get("/api/v1/notices").with(authentication(TestPrincipals.customerUser(user, customer, "VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		assertThat(fixtures.mailSubjects(user)).isEmpty();
	}

	@Test
	@DisplayName("R-2.3 the inbox page lists a user's notices as a page and, for htmx, as the results fragment; the console lists notices")
	void inboxAndConsolePages() throws Exception {
		UUID customer = fixtures.customer("Nu");
		String user = fixtures.user(customer, "en", "viewer");
		mvc.perform(post("/api/v1/console/notices").with(csrf()).with(planner).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "GENERAL", "audience": {"scope": "CUSTOMER", "customerId": "%s"}, "titleEn": "Page check",
						 "bodyEn": "Body"}""".formatted(customer)))
			.andExpect(status().isCreated());
		RequestPostProcessor viewer = authentication(TestPrincipals.customerUser(user, customer, "VIEWER"));
		mvc.perform(get("/app/notices").with(viewer))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("<html"),
						org.hamcrest.Matchers.containsString("Page check"))));
		mvc.perform(get("/app/notices").param("kind", "MAINTENANCE").header("HX-Request", "true").with(viewer))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Page check"))));
		mvc.perform(get("/console/notices").with(planner))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Page check")));
	}

	private java.util.List<VEvent> events(String token) throws Exception {
		String ics = mvc.perform(get("/api/v1/maintenance.ics").param("token", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
	}
}
