package portal.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-14.1 The usage dashboard shows each instance the user may see, its last 24 hours and the top instances")
class UsageDashboardIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	UsageDashboard dashboard;

	CustomerSummary customer;

	String quiet;

	String busy;

	UsageFixtures fixtures;

	String key;

	@BeforeEach
	void twoCircuitsWithAnHourOfUsage() throws Exception {
		fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		key = fixtures.key("COMPANY");
		customer = fixtures.customer("Dashboard Usage");
		quiet = fixtures.circuit(key, "COMPANY", customer, "quiet");
		busy = fixtures.circuit(key, "COMPANY", customer, "busy");
		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
		StringBuilder body = new StringBuilder();
		for (int slot = 0; slot < 12; slot++) {
			Instant at = hour.plus(slot * 5L, ChronoUnit.MINUTES);
			body.append(quiet).append(",traffic-in,").append(at).append(",1000\n");
			body.append(busy).append(",traffic-in,").append(at).append(',').append(5000 + slot).append('\n');
		}
		fixtures.ingest(key, "text/csv", body.toString()).andExpect(jsonPath("$.added").value(24));
	}

	@Test
	@DisplayName("R-14.1 each instance has its sparkline and latest hourly mean; the top ranks the busier circuit first")
	void cardsAndTop() {
		UsageDashboard.Dashboard model = tenancy.call(Actor.user("CP-DASH-1"), TenantScope.customer(customer.id()),
				() -> dashboard.dashboard(customer.id(), Locale.ENGLISH));
		assertThat(model.cards()).hasSize(1);
		assertThat(model.cards().get(0).instances()).extracting(UsageDashboard.Line::id).containsExactlyInAnyOrder(quiet,
				busy);
		UsageDashboard.Line busyLine = model.cards().get(0).instances().stream().filter(l -> l.id().equals(busy))
			.findFirst().orElseThrow();
		assertThat(busyLine.latest()).isEqualTo(5005.5);
		assertThat(busyLine.polylines()).hasSize(1);
		assertThat(model.topMetric()).isEqualTo("traffic-in");
		assertThat(model.top()).extracting(TopEntry::instance).containsExactly(busy, quiet);
		assertThat(model.top().get(0).value()).isEqualTo(5011.0);
	}

	@Test
	@DisplayName("R-14.1 a dashboard kept between requests is read again as soon as samples or instances arrive")
	void keptDashboardFollowsWhatArrives() throws Exception {
		UsageDashboard.Dashboard first = asViewer();
		UsageDashboard.Dashboard again = asViewer();
		if (again != first) {
			// The hour turned in between (a new hour is a new dashboard): once more within the same hour.
			first = again;
			again = asViewer();
		}
		assertThat(again).as("nothing changed: the kept dashboard").isSameAs(first);

		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
		fixtures.ingest(key, "text/csv", quiet + ",traffic-in," + hour + ",3000\n").andExpect(jsonPath("$.added").value(1));
		UsageDashboard.Dashboard afterSamples = asViewer();
		assertThat(afterSamples.cards().get(0).instances()).filteredOn(l -> l.id().equals(quiet)).singleElement()
			.satisfies(line -> assertThat(line.latest()).isEqualTo(3000.0));

		String third = fixtures.circuit(key, "COMPANY", customer, "third");
		assertThat(asViewer().cards().get(0).instances()).extracting(UsageDashboard.Line::id).contains(third);
	}

	@Test
	@DisplayName("R-14.1 a card lists its first instances, each with its line, says how many it leaves out and links to them all")
	void aCardWithManyInstancesListsTheFirst() throws Exception {
		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < UsageDashboard.CARD_LINES; i++) {
			String more = fixtures.circuit(key, "COMPANY", customer, "more-" + i);
			body.append(more).append(",traffic-in,").append(hour).append(",").append(100 + i).append('\n');
		}
		fixtures.ingest(key, "text/csv", body.toString()).andExpect(jsonPath("$.added").value(UsageDashboard.CARD_LINES));
		int total = UsageDashboard.CARD_LINES + 2;

		UsageDashboard.Card card = asViewer().cards().get(0);
		assertThat(card.total()).isEqualTo(total);
		assertThat(card.instances()).hasSize(UsageDashboard.CARD_LINES);
		assertThat(card.partial()).isTrue();
		assertThat(card.instances()).as("every instance listed has data, and its line is drawn")
			.allSatisfy(line -> assertThat(line.polylines()).isNotEmpty());

		String page = mvc.perform(get("/app/usage")
			.with(authentication(TestPrincipals.customerUser("CP-DASH-5", customer.id(), "VIEWER"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Showing the first " + UsageDashboard.CARD_LINES + " of " + total + " instances.")
			.contains("href=\"/app/services?service=" + card.service() + "\"")
			.contains("All " + total + " instances of " + card.serviceName());
		String console = mvc.perform(get("/console/customers/{code}/usage", customer.code())
			.with(authentication(TestPrincipals.staff("ST-DASH-2", "DESK"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(console).contains("href=\"/console/customers/" + customer.code() + "?service=" + card.service() + "\"");
	}

	@Test
	@DisplayName("R-14.1 staff see a customer's dashboard from the console, its cards linking to the customer's instances there")
	void staffSeeTheDashboardFromTheConsole() throws Exception {
		String page = mvc.perform(get("/console/customers/{code}/usage", customer.code())
			.with(authentication(TestPrincipals.staff("ST-DASH-1", "DESK"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(quiet, busy, "<polyline",
				"href=\"/console/customers/" + customer.code() + "/usage/instances/" + busy + "\"")
			.doesNotContain("Showing the first");
		mvc.perform(get("/console/customers/{code}/usage", "C-NONE-" + fixtures.hashCode())
			.with(authentication(TestPrincipals.staff("ST-DASH-1", "DESK"))))
			.andExpect(status().isNotFound());
	}

	private UsageDashboard.Dashboard asViewer() {
		return tenancy.call(Actor.user("CP-DASH-4"), TenantScope.customer(customer.id()),
				() -> dashboard.dashboard(customer.id(), Locale.ENGLISH));
	}

	@Test
	@DisplayName("R-7.2 a user limited to other services sees no card of this one, and the page still answers")
	void limitedUserSeesOnlyTheirServices() throws Exception {
		mvc.perform(get("/app/usage")
			.with(authentication(TestPrincipals.limitedCustomerUser("CP-DASH-2", customer.id(), Set.of("docomo-mobile"),
					"VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString(quiet)), not(containsString(busy)))));
		mvc.perform(get("/app/usage")
			.with(authentication(TestPrincipals.customerUser("CP-DASH-3", customer.id(), "VIEWER"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(quiet), containsString(busy), containsString("<polyline"))));
	}
}
