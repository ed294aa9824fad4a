package portal.agreements;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.inventory.ContractFeed;
import portal.customers.inventory.ContractState;
import portal.customers.inventory.ContractTerms;
import portal.customers.inventory.CustomerOfRecord;
import portal.customers.inventory.InstanceFeed;
import portal.customers.inventory.InstanceReport;
import portal.customers.inventory.InstanceState;
import portal.platform.Actor;
import portal.platform.Availability;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-11.1 R-12.3 A relevant service suspended for one customer leaves its lists and refuses its rows, by time")
class SuspendedServiceIntegrationTests {

	static final String SUSPENDED = "arcstar-universal-one";

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	AgreementLifecycle lifecycle;

	@Autowired
	Availability availability;

	@Autowired
	ContractFeed contracts;

	@Autowired
	InstanceFeed instances;

	@Autowired
	Tenancy tenancy;

	@Autowired
	MutableClock clock;

	String run;

	@BeforeEach
	void run() {
		run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	@Test
	@DisplayName("R-11.1 R-12.3 before its start every list shows the service; in force its rows leave the lists of that "
			+ "customer only and its instance, usage and orders answer the suspension; after its end they are back")
	void suspendedServiceLeavesTheListsOfThatCustomerOnly() throws Exception {
		Holder a = holder("a");
		Holder b = holder("b");
		String order = JsonPath.read(mvc.perform(post("/api/v1/orders").with(authentication(a.user())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"description": "More bandwidth", "items": [{"orderType": "change-bandwidth", "instanceId": "%s",
					 "parameters": {"bandwidthMbps": "500", "effectiveDate": "2026-12-10"}}]}""".formatted(a.circuit())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		Instant start = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		String suspension = suspend(a, start, start.plus(Duration.ofHours(4)));
		try {
			assertThat(availability.withheldServices(a.customer().id())).as("before its start").isEmpty();
			visible(a, order);

			clock.advance(Duration.ofHours(1));
			assertThat(availability.withheldServices(a.customer().id())).containsExactly(SUSPENDED);
			assertThat(availability.withheldServices(b.customer().id())).isEmpty();
			mvc.perform(get("/api/v1/service-instances").with(authentication(a.user())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].id", not(hasItem(a.circuit()))))
				.andExpect(jsonPath("$.items[*].id", hasItem(a.internet())));
			mvc.perform(get("/api/v1/contracts").with(authentication(a.user())))
				.andExpect(jsonPath("$.items[*].relevantService", not(hasItem(SUSPENDED))))
				.andExpect(jsonPath("$.items[*].relevantService", hasItem("ocn-for-business")));
			mvc.perform(get("/app/services").with(authentication(a.user())))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(a.circuit()))))
				.andExpect(content().string(containsString(a.internet())));
			mvc.perform(get("/api/v1/service-instances/{id}", a.circuit()).with(authentication(a.user())))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value("/problems/service-suspended"))
				.andExpect(jsonPath("$.scope").value("service:" + SUSPENDED))
				.andExpect(jsonPath("$.until").value(start.plus(Duration.ofHours(4)).toString()));
			mvc.perform(get("/app/services/instances/{id}", a.circuit()).with(authentication(a.user())))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("id=\"suspended\"")));
			mvc.perform(get("/api/v1/usage/availability").param("instance", a.circuit())
				.param("from", start.minus(Duration.ofDays(1)).toString()).param("to", start.toString())
				.with(authentication(a.user())))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value("/problems/service-suspended"));
			mvc.perform(get("/api/v1/orders").with(authentication(a.user())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].id", not(hasItem(order))));
			mvc.perform(get("/api/v1/orders/{id}", order).with(authentication(a.user())))
				.andExpect(status().isServiceUnavailable());
			mvc.perform(get("/api/v1/service-instances").with(authentication(b.user())))
				.andExpect(jsonPath("$.items[*].id", hasItem(b.circuit())));
			mvc.perform(get("/api/v1/service-instances/{id}", b.circuit()).with(authentication(b.user())))
				.andExpect(status().isOk());

			clock.advance(Duration.ofHours(4));
			assertThat(availability.withheldServices(a.customer().id())).as("after its end").isEmpty();
			visible(a, order);
		}
		finally {
			tenancy.run(Actor.staff("ST9000002"), TenantScope.allCustomers(), () -> {
				try {
					lifecycle.lift(UUID.fromString(suspension));
				}
				catch (AgreementRefusal over) {
					// Already over: nothing to lift.
				}
			});
		}
	}

	private void visible(Holder a, String order) throws Exception {
		mvc.perform(get("/api/v1/service-instances").with(authentication(a.user())))
			.andExpect(jsonPath("$.items[*].id", hasItem(a.circuit())));
		mvc.perform(get("/api/v1/service-instances/{id}", a.circuit()).with(authentication(a.user())))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/orders").with(authentication(a.user())))
			.andExpect(jsonPath("$.items[*].id", hasItem(order)));
	}

	private String suspend(Holder holder, Instant start, Instant end) throws Exception {
		String response = mvc.perform(post("/api/v1/console/suspensions")
			.with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"customer": "%s", "scope": "service", "relevantService": "%s", "reason": "art-11.1-3",
					 "kind": "emergency", "start": "%s", "end": "%s"}""".formatted(holder.customer().code(), SUSPENDED,
					start, end)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(response, "$.id");
	}

	record Holder(CustomerSummary customer, String circuit, String internet) {

		Authentication user() {
			return TestPrincipals.customerUser("CP-SUS-" + customer.code(), customer.id(), "ADMINISTRATOR", "ORDERER");
		}
	}

	/** A customer holding a circuit of the service to suspend and an internet access of another. */
	private Holder holder(String name) {
		return tenancy.call(Actor.serviceSystem("test-feed"), TenantScope.system(), () -> {
			CustomerSummary customer = customers.register("Withheld " + name + " " + run, "JP", "1-1 Test Street");
			lifecycle.conclude(customer.id(), null);
			String circuitContract = "T-" + run + "-" + name + "-u1";
			String internetContract = "T-" + run + "-" + name + "-ocn";
			contract(customer, circuitContract, SUSPENDED);
			contract(customer, internetContract, "ocn-for-business");
			instances.record("COMPANY", new InstanceReport(circuitContract + "-c1", circuitContract, "circuit",
					"Head office", Map.of("circuitId", "CID-1001", "siteName", "Head office", "country", "JP",
							"accessType", "ethernet", "bandwidthMbps", 100), InstanceState.ACTIVE));
			instances.record("COMPANY", new InstanceReport(internetContract + "-a1", internetContract,
					"internet-access", "Head office internet", Map.of("connectionId", "OCN-" + run, "accessLine",
							"fibre", "fixedIpv4Addresses", 8), InstanceState.ACTIVE));
			return new Holder(customer, circuitContract + "-c1", internetContract + "-a1");
		});
	}

	private void contract(CustomerSummary customer, String number, String service) {
		contracts.record("COMPANY", new ContractTerms(number, service, "COMPANY",
				new CustomerOfRecord(customer.legalName(), "REG-1"), customer.code(), LocalDate.parse("2024-04-01"), null,
				ContractState.ACTIVE));
	}
}
