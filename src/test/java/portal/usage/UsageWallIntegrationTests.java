package portal.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The usage tables' policies decide the platform's rule once per statement where they can;
 * they must still admit exactly the rows platform.may_see admits, in every scope.
 */
@PortalIntegrationTest
@DisplayName("R-7.5 The usage tables' wall admits exactly what the platform's rule admits, scope by scope")
class UsageWallIntegrationTests {

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

	CustomerSummary alpha;

	CustomerSummary beta;

	@BeforeEach
	void twoCustomersOfTwoCompanies() throws Exception {
		UsageFixtures fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String company = fixtures.key("COMPANY");
		String affiliate = fixtures.key("NTT-KOREA");
		alpha = fixtures.customer("Alpha Wall");
		beta = fixtures.customer("Beta Wall");
		String alphaCircuit = fixtures.circuit(company, "COMPANY", alpha, "alpha-wall");
		String betaCircuit = fixtures.circuit(affiliate, "NTT-KOREA", beta, "beta-wall");
		fixtures.ingest(company, "text/csv", alphaCircuit + ",traffic-in,2026-11-30T08:00:00Z,100\n")
			.andExpect(jsonPath("$.added").value(1));
		fixtures.ingest(affiliate, "text/csv", betaCircuit + ",traffic-in,2026-11-30T08:00:00Z,200\n")
			.andExpect(jsonPath("$.added").value(1));
	}

	@Test
	@DisplayName("R-7.5 customers, company staff, affiliates' systems, all-customer staff, jobs and no scope see what may_see says")
	void policiesAgreeWithTheRule() {
		Map<String, TenantScope> scopes = new LinkedHashMap<>();
		scopes.put("alpha's user", TenantScope.customer(alpha.id()));
		scopes.put("beta's user", TenantScope.customer(beta.id()));
		scopes.put("another customer's user", TenantScope.customer(UUID.randomUUID()));
		scopes.put("the Company's staff", TenantScope.company("COMPANY"));
		scopes.put("an affiliate's staff", TenantScope.company("NTT-KOREA"));
		scopes.put("an affiliate's system", TenantScope.serviceSystem("NTT-KOREA"));
		scopes.put("staff of all customers", TenantScope.allCustomers());
		scopes.put("a job", TenantScope.system());
		scopes.put("no scope", TenantScope.none());
		int admitted = 0;
		for (Map.Entry<String, TenantScope> scope : scopes.entrySet()) {
			for (CustomerSummary owner : List.of(alpha, beta)) {
				boolean rule = tenancy.call(Actor.staff("ST-WALL"), scope.getValue(),
						() -> jdbc.sql("SELECT coalesce(platform.may_see(?), false)").param(owner.id())
							.query(Boolean.class).single());
				admitted += rule ? 1 : 0;
				for (String table : List.of("usage.series", "usage.samples", "usage.hourly_days",
						"usage.daily")) {
					long seen = tenancy.call(Actor.staff("ST-WALL"), scope.getValue(),
							() -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE customer_id = ?").param(owner.id())
								.query(Long.class).single());
					assertThat(seen > 0).as("%s on %s of %s", scope.getKey(), table, owner.legalName()).isEqualTo(rule);
				}
			}
		}
		// Both answers occur: the comparison is not vacuous.
		assertThat(admitted).isBetween(1, scopes.size() * 2 - 1);
	}
}
