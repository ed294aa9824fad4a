package portal.audit;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-AUD The audit API")
class AuditApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	Tenancy tenancy;

	@Test
	@DisplayName("R-AUD a customer administrator reads only the own customer's trail")
	void customerReadsOwnTrail() throws Exception {
		UUID alpha = UUID.randomUUID();
		UUID beta = UUID.randomUUID();
		record(alpha, "alpha-change");
		record(beta, "beta-change");
		mvc.perform(get("/api/v1/audit").param("customer", beta.toString())
			.with(authentication(TestPrincipals.customerUser("CP-A-1", alpha, "ADMINISTRATOR"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.entries[0].targetId").value("alpha-change"));
	}

	@Test
	@DisplayName("R-AUD without sign-in the trail answers 401 as a problem detail")
	void anonymousGetsProblem() throws Exception {
		mvc.perform(get("/api/v1/audit"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	@DisplayName("R-AUD a customer cannot read the staff trail")
	void customerCannotReadStaffTrail() throws Exception {
		mvc.perform(get("/api/v1/console/audit")
			.with(authentication(TestPrincipals.customerUser("CP-A-1", UUID.randomUUID(), "ADMINISTRATOR"))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	@DisplayName("R-AUD a viewer may not read the trail; administrators may")
	void viewerCannotReadTrail() throws Exception {
		mvc.perform(get("/api/v1/audit")
			.with(authentication(TestPrincipals.customerUser("CP-A-2", UUID.randomUUID(), "VIEWER"))))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-AUD staff auditors verify the chains")
	void auditorVerifiesChains() throws Exception {
		record(UUID.randomUUID(), "checked");
		mvc.perform(get("/api/v1/console/audit/verification")
			.with(authentication(TestPrincipals.staff("ST-AUD-1", "AUDITOR"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entriesChecked").isNumber())
			.andExpect(jsonPath("$.intact").isBoolean());
	}

	@Test
	@DisplayName("R-AUD a bad filter gets a 400 problem detail")
	void badFilterGetsProblem() throws Exception {
		mvc.perform(get("/api/v1/console/audit").param("size", "100000")
			.with(authentication(TestPrincipals.staff("ST-AUD-1", "AUDITOR"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/v1/console/audit").param("from", "yesterday")
			.with(authentication(TestPrincipals.staff("ST-AUD-1", "AUDITOR"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	private void record(UUID customer, String target) {
		tenancy.run(Actor.job("test"), TenantScope.system(),
				() -> trail.record(AuditRecord.of("thing.changed", "thing", target).forCustomer(customer)));
	}
}
