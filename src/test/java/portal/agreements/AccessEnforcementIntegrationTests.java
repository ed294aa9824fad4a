package portal.agreements;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
import portal.agreements.lifecycle.AgreementState;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.inventory.ContractFeed;
import portal.customers.inventory.ContractState;
import portal.customers.inventory.ContractTerms;
import portal.customers.inventory.CustomerOfRecord;
import portal.platform.Actor;
import portal.platform.Availability;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-9 R-11 R-12 Suspensions and terminations are enforced on every route, by time")
class AccessEnforcementIntegrationTests {

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
	Tenancy tenancy;

	@Autowired
	MutableClock clock;

	CustomerSummary suspended;

	CustomerSummary other;

	String run;

	@BeforeEach
	void customers() {
		run = UUID.randomUUID().toString().substring(0, 8);
		suspended = customer("Suspended Co " + run);
		other = customer("Other Co " + run);
	}

	@Test
	@DisplayName("R-12.3 a feature suspended for one customer is refused on its pages and API with reason and period; "
			+ "its other features and other customers keep working")
	void featureSuspendedForOneCustomer() throws Exception {
		String id = suspend("""
				{"customer": "%s", "scope": "feature", "feature": "user-administration", "reason": "art-11.1-4",
				 "kind": "emergency", "end": "%s"}""".formatted(suspended.code(), clock.instant().plus(Duration.ofHours(2))));
		Authentication user = TestPrincipals.customerUser("CP9" + run.substring(0, 7), suspended.id(), "ADMINISTRATOR");
		mvc.perform(get("/api/v1/users").with(authentication(user)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("/problems/service-suspended"))
			.andExpect(jsonPath("$.reason").value("art-11.1-4"))
			.andExpect(jsonPath("$.until").exists());
		mvc.perform(get("/app/users").with(authentication(user)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("id=\"suspended\"")))
			.andExpect(content().string(containsString("Force majeure")));
		mvc.perform(get("/app/services").with(authentication(user))).andExpect(status().isOk());
		assertThat(availability.check(other.id(), PortalFeature.USER_ADMINISTRATION, "")).isEmpty();
		mvc.perform(get("/app/services").with(authentication(
				TestPrincipals.customerUser("CP8" + run.substring(0, 7), other.id(), "ADMINISTRATOR"))))
			.andExpect(status().isOk());
		mvc.perform(delete("/api/v1/console/suspensions/{id}", id).with(authentication(AgreementFixtures.SERVICE_MANAGER))
			.with(csrf())).andExpect(status().isOk());
		assertThat(availability.check(suspended.id(), PortalFeature.USER_ADMINISTRATION, "")).isEmpty();
	}

	@Test
	@DisplayName("R-11.2 a planned suspension is refused inside the notice period, and comes into force by time alone")
	void plannedSuspensionStartsByTime() throws Exception {
		Instant tooSoon = clock.instant().plus(Duration.ofDays(6));
		mvc.perform(post("/api/v1/console/suspensions").with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"customer": "%s", "scope": "feature", "feature": "usage", "reason": "art-11.1-1", "kind": "planned",
					 "start": "%s"}""".formatted(suspended.code(), tooSoon)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.start").exists());
		Instant start = clock.instant().plus(Duration.ofDays(8));
		String id = suspend("""
				{"customer": "%s", "scope": "service", "relevantService": "ocn-for-business", "reason": "art-11.1-1",
				 "kind": "planned", "start": "%s", "end": "%s"}""".formatted(suspended.code(), start,
				start.plus(Duration.ofHours(4))));
		try {
			assertThat(availability.check(suspended.id(), PortalFeature.SERVICES, "ocn-for-business")).as("before its start")
				.isEmpty();
			clock.advance(Duration.ofDays(8));
			assertThat(availability.check(suspended.id(), PortalFeature.SERVICES, "ocn-for-business")).isPresent();
			assertThat(availability.check(suspended.id(), PortalFeature.SERVICES, "docomo-mobile")).isEmpty();
			clock.advance(Duration.ofHours(4));
			assertThat(availability.check(suspended.id(), PortalFeature.SERVICES, "ocn-for-business")).isEmpty();
		}
		finally {
			tenancy.run(Actor.staff("ST9000002"), TenantScope.allCustomers(), () -> {
				try {
					lifecycle.lift(UUID.fromString(id));
				}
				catch (AgreementRefusal over) {
					// Already over: nothing to lift.
				}
			});
		}
	}

	@Test
	@DisplayName("R-11.1 bad suspensions are refused naming the field: ending before starting, unknown reason")
	void badSuspensionsNameTheField() throws Exception {
		Instant now = clock.instant();
		mvc.perform(post("/api/v1/console/suspensions").with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"customer": "%s", "scope": "whole", "reason": "art-11.1-4", "kind": "emergency",
					 "start": "%s", "end": "%s"}""".formatted(suspended.code(), now.plusSeconds(600), now.plusSeconds(60))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.end").exists());
		mvc.perform(post("/api/v1/console/suspensions").with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"customer": "%s", "scope": "whole", "reason": "art-99", "kind": "emergency"}""".formatted(suspended.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.reason").exists());
		mvc.perform(post("/api/v1/console/suspensions").with(authentication(AgreementFixtures.DESK)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-12.3 R-9.5 a whole-portal suspension ends the customer's session on the next request; staff are unaffected")
	void wholePortalSuspensionEndsTheSession() throws Exception {
		Authentication user = TestPrincipals.customerUser("CP7" + run.substring(0, 7), suspended.id(), "VIEWER");
		mvc.perform(get("/app/services").with(authentication(user))).andExpect(status().isOk());
		String id = suspend("""
				{"customer": "%s", "scope": "whole", "reason": "art-11.1-5", "kind": "emergency"}""".formatted(suspended.code()));
		try {
			// Ending the session itself is proven in a real browser (AgreementJourneyBrowserTests).
			mvc.perform(get("/app/services").with(authentication(user)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("id=\"signed-out\"")));
			mvc.perform(get("/api/v1/contracts").with(authentication(user)))
				.andExpect(status().isServiceUnavailable());
			assertThat(availability.check(suspended.id(), PortalFeature.ESSENTIAL, "")).get()
				.extracting(Availability.Unavailable::endsAccess).isEqualTo(true);
			mvc.perform(get("/console/customers/{code}", suspended.code()).with(authentication(
					TestPrincipals.staff("ST9000003", "DESK")))).andExpect(status().isOk());
		}
		finally {
			mvc.perform(delete("/api/v1/console/suspensions/{id}", id).with(authentication(AgreementFixtures.SERVICE_MANAGER))
				.with(csrf())).andExpect(status().isOk());
		}
	}

	@Test
	@DisplayName("R-9.2 R-9.5 the Company terminates at once: every request of the customer's users is refused")
	void terminationAtOnceEndsAccess() throws Exception {
		mvc.perform(post("/api/v1/console/customers/{code}/termination", suspended.code())
			.with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mode\": \"at-once\", \"reason\": \"art-12.1-3\", \"note\": \"Resold access to third parties.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("terminated"));
		mvc.perform(get("/api/v1/me").with(authentication(TestPrincipals.customerUser("CP6" + run.substring(0, 7),
				suspended.id(), "VIEWER"))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("/problems/agreement-terminated"));
		assertThat(availability.check(other.id(), PortalFeature.ESSENTIAL, "")).isEmpty();
	}

	@Test
	@DisplayName("R-9.1 terminating for an uncured breach needs a breach suspension whose cure deadline passed")
	void uncuredBreachTermination() throws Exception {
		String body = "{\"mode\": \"uncured-breach\", \"reason\": \"art-12.1-4\", \"note\": \"Not cured.\"}";
		mvc.perform(post("/api/v1/console/customers/{code}/termination", suspended.code())
			.with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/no-uncured-breach"));
		String id = suspend("""
				{"customer": "%s", "scope": "feature", "feature": "ordering", "reason": "art-12.1-4", "kind": "breach",
				 "cureDeadline": "%s"}""".formatted(suspended.code(), clock.instant().plus(Duration.ofDays(14))));
		clock.advance(Duration.ofDays(14));
		mvc.perform(post("/api/v1/console/customers/{code}/termination", suspended.code())
			.with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.terminationEffectiveAt").exists())
			.andExpect(jsonPath("$.terminationOrigin").value("company"));
		tenancy.run(Actor.staff("ST9000002"), TenantScope.allCustomers(), () -> lifecycle.lift(UUID.fromString(id)));
	}

	@Test
	@DisplayName("R-8.1 a termination request takes effect on its date; a date in the past is refused; withdrawable before")
	void customerTerminationRequest() {
		var customer = TenantScope.customer(suspended.id());
		assertThat(tenancy.call(Actor.user("CP5000001"), customer, () -> {
			try {
				lifecycle.requestTermination(suspended.id(), LocalDate.now(clock).minusDays(1));
				return "accepted";
			}
			catch (AgreementRefusal refusal) {
				return refusal.field();
			}
		})).isEqualTo("effectiveDate");
		var view = tenancy.call(Actor.user("CP5000001"), customer,
				() -> lifecycle.requestTermination(suspended.id(), LocalDate.now(clock).plusDays(3)));
		assertThat(view.state()).isEqualTo(AgreementState.TERMINATION_SCHEDULED);
		view = tenancy.call(Actor.user("CP5000001"), customer, () -> lifecycle.withdrawTerminationRequest(suspended.id()));
		assertThat(view.state()).isEqualTo(AgreementState.ACTIVE);
		assertThat(view.timeline()).extracting(e -> e.step()).contains("termination-scheduled", "termination-withdrawn");
	}

	@Test
	@DisplayName("R-9.3 R-9.4 all contracts ended schedules termination after the notice; a contract active again cancels it")
	void contractsEndedScheduleTermination() throws Exception {
		String number = "T-" + run + "-ending";
		record(number, ContractState.ACTIVE, null);
		record(number, ContractState.ENDED, LocalDate.now(clock));
		var view = await(AgreementState.TERMINATION_SCHEDULED);
		assertThat(view.terminationEffectiveAt()).get()
			.satisfies(at -> assertThat(Duration.between(clock.instant(), at))
				.isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30)));
		record("T-" + run + "-new", ContractState.ACTIVE, null);
		await(AgreementState.ACTIVE);
	}

	private portal.agreements.lifecycle.AgreementView await(AgreementState state) throws InterruptedException {
		portal.agreements.lifecycle.AgreementView view = null;
		for (int i = 0; i < 100; i++) {
			view = tenancy.call(Actor.job("test"), TenantScope.system(), () -> lifecycle.view(suspended.id())).orElseThrow();
			if (view.state() == state) {
				return view;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Agreement stayed " + view.state());
	}

	private void record(String number, ContractState state, LocalDate end) {
		tenancy.run(Actor.serviceSystem("test-feed"), TenantScope.system(), () -> contracts.record("COMPANY",
				new ContractTerms(number, "ocn-for-business", "COMPANY", new CustomerOfRecord(suspended.legalName(), "R"),
						suspended.code(), LocalDate.parse("2024-04-01"), end, state)));
	}

	private String suspend(String body) throws Exception {
		String response = mvc.perform(post("/api/v1/console/suspensions")
			.with(authentication(AgreementFixtures.SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	private CustomerSummary customer(String name) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> {
			CustomerSummary customer = customers.register(name, "JP", "1-1 Test Street");
			lifecycle.conclude(customer.id(), null);
			return customer;
		});
	}
}
