package portal.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.platform.Actor;
import portal.platform.PortalPrincipal;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

@PortalIntegrationTest
@DisplayName("R-2.3 R-11.2 The console's notice editor")
class ConsoleNoticeEditorIntegrationTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

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
	NoticeBoard board;

	NoticeFixtures fixtures;

	RequestPostProcessor planner = authentication(TestPrincipals.staff("planner-2", "MAINTENANCE_PLANNER"));

	/** A planner of an affiliate: scoped to the customers holding that company's contracts. */
	record AffiliatePlanner(Actor actor, TenantScope scope) implements PortalPrincipal {
	}

	UUID customer;

	String code;

	@BeforeEach
	void setUp() {
		fixtures = new NoticeFixtures(customers, jdbc, tenancy, transactions, events);
		customer = fixtures.customer("Lambda");
		code = fixtures.asSystem(() -> customers.byId(customer).orElseThrow().code());
	}

	private MockHttpServletRequestBuilder maintenance(String path, String title, Instant start, boolean emergency,
			String action) {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(planner)
			.param("kind", "MAINTENANCE").param("titleEn", title).param("bodyEn", "Routers are replaced.")
			.param("audience", "CUSTOMER").param("customerCode", code)
			.param("eventStart", LOCAL.format(start)).param("eventEnd", LOCAL.format(start.plus(Duration.ofHours(2))))
			.param("zone", "UTC").param("relevantServices", "arcstar-universal-one").param("action", action);
		return emergency ? request.param("emergency", "true") : request;
	}

	private int count(String title) {
		return fixtures.asSystem(() -> jdbc.sql("SELECT count(*) FROM notices.notices WHERE title_en = ?").param(title)
			.query(Integer.class).single());
	}

	@Test
	@DisplayName("R-2.3 the editor shows in English and Japanese; only planners and publishers may open it")
	void editorShowsForPlannersOnly() throws Exception {
		mvc.perform(get("/console/notices/new").with(planner))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"titleEn\""), containsString("name=\"emergency\""),
					containsString("name=\"relevantServices\""), not(containsString("??")))));
		mvc.perform(get("/console/notices/new").with(planner).param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("お知らせを作成"), not(containsString("??")))));
		mvc.perform(get("/console/notices/new").with(authentication(TestPrincipals.staff("desk-3", "DESK"))))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-11.2 a window announced with too little notice is refused beside its start; as an emergency it is published")
	void shortNoticeRefusedBesideTheFieldUnlessEmergency() throws Exception {
		String title = "Router work " + fixtures.run;
		Instant soon = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		mvc.perform(maintenance("/console/notices/new", title, soon, false, "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"notice-event-start-error\""),
					containsString("announced at least"), containsString("aria-invalid=\"true\""))));
		assertThat(count(title)).isZero();

		mvc.perform(maintenance("/console/notices/new", title, soon, true, "preview"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"preview\""), containsString(title))));
		assertThat(count(title)).as("a preview stores nothing").isZero();

		mvc.perform(maintenance("/console/notices/new", title, soon, true, "save"))
			.andExpect(redirectedUrl("/console/notices?saved"));
		assertThat(count(title)).isEqualTo(1);
	}

	@Test
	@DisplayName("R-2.3 a scheduled notice is edited before publication, and cancelled after a confirmation step")
	void scheduledNoticeEditedThenCancelled() throws Exception {
		String title = "Planned work " + fixtures.run;
		Instant later = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
		mvc.perform(maintenance("/console/notices/new", title, later, false, "save")
			.param("publishAt", LOCAL.format(clock.instant().plus(Duration.ofDays(1)))))
			.andExpect(redirectedUrl("/console/notices?saved"));
		UUID id = fixtures.asSystem(() -> jdbc.sql("SELECT id FROM notices.notices WHERE title_en = ?").param(title)
			.query(UUID.class).single());

		mvc.perform(get("/console/notices/{id}/edit", id).with(planner))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(title), containsString("value=\"" + code + "\""))));
		mvc.perform(maintenance("/console/notices/" + id + "/edit", title + " (moved)", later.plus(Duration.ofDays(1)),
				false, "save").param("publishAt", LOCAL.format(clock.instant().plus(Duration.ofDays(1)))))
			.andExpect(redirectedUrl("/console/notices?saved"));
		assertThat(count(title + " (moved)")).isEqualTo(1);

		mvc.perform(get("/console/notices/{id}/cancel", id).with(planner))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Cancel the notice"), containsString(title + " (moved)"))));
		assertThat(fixtures.asSystem(() -> jdbc.sql("SELECT cancelled_at IS NULL FROM notices.notices WHERE id = ?")
			.param(id).query(Boolean.class).single())).as("opening the confirmation cancels nothing").isTrue();
		mvc.perform(post("/console/notices/{id}/cancel", id).with(csrf()).with(planner))
			.andExpect(redirectedUrl("/console/notices?cancelled"));
		assertThat(fixtures.asSystem(() -> jdbc.sql("SELECT cancelled_at IS NOT NULL FROM notices.notices WHERE id = ?")
			.param(id).query(Boolean.class).single())).isTrue();
	}

	@Test
	@DisplayName("R-2.3 an affiliate's planner addresses only customers holding the affiliate's contracts")
	void affiliatePlannerAddressesOnlyItsCustomers() throws Exception {
		RequestPostProcessor affiliate = authentication(UsernamePasswordAuthenticationToken.authenticated(
				new AffiliatePlanner(Actor.staff("aff-planner"), TenantScope.company("NO-SUCH-AFFILIATE")), null,
				AuthorityUtils.createAuthorityList("ROLE_STAFF", "ROLE_STAFF_MAINTENANCE_PLANNER")));
		String title = "Affiliate notice " + fixtures.run;
		mvc.perform(post("/console/notices/new").with(csrf()).with(affiliate)
				.param("kind", "GENERAL").param("titleEn", title).param("bodyEn", "Hello.")
				.param("audience", "ALL_CUSTOMERS").param("zone", "UTC").param("action", "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("address only a customer holding")));
		mvc.perform(post("/console/notices/new").with(csrf()).with(affiliate)
				.param("kind", "GENERAL").param("titleEn", title).param("bodyEn", "Hello.")
				.param("audience", "CUSTOMER").param("customerCode", code).param("zone", "UTC").param("action", "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("notice-customer-error")));
		assertThat(count(title)).isZero();
	}

	@Test
	@DisplayName("R-2.3 an affiliate's planner neither edits nor cancels a notice addressed beyond the affiliate's customers")
	void affiliatePlannerLeavesOtherNoticesAlone() throws Exception {
		String title = "Central work " + fixtures.run;
		Instant later = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
		mvc.perform(maintenance("/console/notices/new", title, later, false, "save")
			.param("publishAt", LOCAL.format(clock.instant().plus(Duration.ofDays(1)))))
			.andExpect(redirectedUrl("/console/notices?saved"));
		UUID id = fixtures.asSystem(() -> jdbc.sql("SELECT id FROM notices.notices WHERE title_en = ?").param(title)
			.query(UUID.class).single());

		assertThatThrownBy(() -> tenancy.call(Actor.staff("aff-planner"), TenantScope.company("NO-SUCH-AFFILIATE"),
				() -> board.cancel(id)))
			.isInstanceOf(NoticeRefusal.class);
		assertThat(fixtures.asSystem(() -> jdbc.sql("SELECT cancelled_at IS NULL FROM notices.notices WHERE id = ?")
			.param(id).query(Boolean.class).single())).as("the notice stays scheduled").isTrue();
	}
}
