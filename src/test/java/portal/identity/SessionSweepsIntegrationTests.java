package portal.identity;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("ASVS 7.4.5 administrators end every session of a customer's users or of everyone")
class SessionSweepsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Customers customers;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("R-7.1 a customer administrator ends their customer's other users' sessions; another customer's and their own stay")
	void customerAdministratorEndsOwnCustomersSessions() throws Exception {
		UUID alpha = UUID.randomUUID();
		UUID beta = UUID.randomUUID();
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser colleague = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		AccountFixtures.ActiveUser stranger = fixtures.customerUser(beta, Role.CUSTOMER_ADMINISTRATOR);
		Cookie acting = fixtures.signIn(mvc, admin);
		Cookie adminElsewhere = fixtures.signIn(mvc, admin);
		Cookie colleagueFirst = fixtures.signIn(mvc, colleague);
		Cookie colleagueSecond = fixtures.signIn(mvc, colleague);
		Cookie strangers = fixtures.signIn(mvc, stranger);

		mvc.perform(delete("/api/v1/users/sessions").cookie(acting).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions").value(2));

		mvc.perform(get("/api/v1/me").cookie(colleagueFirst)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(colleagueSecond)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(strangers)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(acting)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(adminElsewhere)).andExpect(status().isOk());
		assertThat(audited("sessions.ended-for-customer", alpha.toString())).contains("\"sessions\": 2");
	}

	@Test
	@DisplayName("R-7.1 the users page asks before ending the users' sessions, then ends them")
	void usersPageAsksFirst() throws Exception {
		UUID alpha = UUID.randomUUID();
		AccountFixtures.ActiveUser admin = fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR);
		AccountFixtures.ActiveUser colleague = fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER);
		Cookie acting = fixtures.signIn(mvc, admin);
		Cookie colleagues = fixtures.signIn(mvc, colleague);

		mvc.perform(get("/app/users/sessions").cookie(acting))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"users-sessions-end\"")));
		mvc.perform(get("/api/v1/me").cookie(colleagues)).andExpect(status().isOk());
		mvc.perform(post("/app/users/sessions/end").cookie(acting).with(csrf()))
			.andExpect(redirectedUrl("/app/users"));
		mvc.perform(get("/api/v1/me").cookie(colleagues)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(acting)).andExpect(status().isOk());
	}

	@Test
	@DisplayName("R-7.5 a staff administrator ends one customer's sessions, asked first on the console; the other customer's stay")
	void staffAdministratorEndsOneCustomersSessions() throws Exception {
		CustomerSummary alpha = register("Sweep Alpha");
		CustomerSummary beta = register("Sweep Beta");
		Cookie alphas = fixtures.signIn(mvc, fixtures.customerUser(alpha.id(), Role.CUSTOMER_VIEWER));
		Cookie betas = fixtures.signIn(mvc, fixtures.customerUser(beta.id(), Role.CUSTOMER_VIEWER));
		Cookie admin = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_ADMIN));

		mvc.perform(post("/console/sessions/customer").cookie(admin).with(csrf()).param("customer", alpha.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"confirm-customer-end\"")));
		mvc.perform(get("/api/v1/me").cookie(alphas)).andExpect(status().isOk());
		mvc.perform(post("/console/sessions/customer").cookie(admin).with(csrf()).param("customer", "NO-SUCH")
			.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"sweep-customer-error\"")));

		mvc.perform(delete("/api/v1/console/customers/{code}/sessions", alpha.code()).cookie(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions").value(1));
		mvc.perform(get("/api/v1/me").cookie(alphas)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(betas)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(admin)).andExpect(status().isOk());
		assertThat(audited("sessions.ended-for-customer", alpha.code())).contains("\"sessions\": 1");
	}

	@Test
	@DisplayName("R-7.5 a staff administrator ends everyone's sessions, customers and staff, but the one acting")
	void everyonesSessionsEndButTheActors() throws Exception {
		AccountFixtures.ActiveUser staffAdmin = fixtures.staffMember(Role.STAFF_ADMIN);
		Cookie acting = fixtures.signIn(mvc, staffAdmin);
		Cookie actorElsewhere = fixtures.signIn(mvc, staffAdmin);
		Cookie customerA = fixtures.signIn(mvc, fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR));
		Cookie customerB = fixtures.signIn(mvc, fixtures.customerUser(UUID.randomUUID(), Role.CUSTOMER_VIEWER));
		Cookie desk = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_DESK));

		mvc.perform(post("/console/sessions/everyone").cookie(acting).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"confirm-everyone-end\"")));
		mvc.perform(get("/api/v1/me").cookie(customerA)).andExpect(status().isOk());

		mvc.perform(post("/console/sessions/everyone").cookie(acting).with(csrf()).param("confirmed", "true"))
			.andExpect(redirectedUrl("/console/sessions"));

		mvc.perform(get("/api/v1/me").cookie(acting)).andExpect(status().isOk());
		for (Cookie ended : new Cookie[] { actorElsewhere, customerA, customerB, desk }) {
			mvc.perform(get("/api/v1/me").cookie(ended)).andExpect(status().isUnauthorized());
		}
		assertThat(audited("sessions.ended-for-everyone", "all")).contains("\"sessions\"");
	}

	@Test
	@DisplayName("R-7.2 R-7.5 roles without the right are refused with a 403 problem and end nothing")
	void refusedWithoutTheRight() throws Exception {
		UUID alpha = UUID.randomUUID();
		Cookie viewer = fixtures.signIn(mvc, fixtures.customerUser(alpha, Role.CUSTOMER_VIEWER));
		Cookie admin = fixtures.signIn(mvc, fixtures.customerUser(alpha, Role.CUSTOMER_ADMINISTRATOR));
		Cookie desk = fixtures.signIn(mvc, fixtures.staffMember(Role.STAFF_DESK));
		CustomerSummary beta = register("Sweep Refused");

		mvc.perform(delete("/api/v1/users/sessions").cookie(viewer).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(endsWith("not-allowed")));
		mvc.perform(delete("/api/v1/users/sessions").cookie(desk).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(delete("/api/v1/console/sessions").cookie(desk).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value(endsWith("not-allowed")));
		mvc.perform(delete("/api/v1/console/customers/{code}/sessions", beta.code()).cookie(desk).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(delete("/api/v1/console/sessions").cookie(admin).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(post("/console/sessions/everyone").cookie(desk).with(csrf()).param("confirmed", "true"))
			.andExpect(status().isForbidden());

		for (Cookie kept : new Cookie[] { viewer, admin, desk }) {
			mvc.perform(get("/api/v1/me").cookie(kept)).andExpect(status().isOk());
		}
	}

	private CustomerSummary register(String name) {
		return tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> customers.register(name + " " + UUID.randomUUID().toString().substring(0, 8), "JP", "1-1 Test Street"));
	}

	private String audited(String action, String target) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc.sql("""
				SELECT details::text FROM audit.entries WHERE action = ? AND target_id = ? ORDER BY id DESC LIMIT 1""")
			.params(action, target).query(String.class).optional().orElse(""));
	}
}
