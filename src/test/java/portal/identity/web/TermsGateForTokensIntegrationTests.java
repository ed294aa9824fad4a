package portal.identity.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.Role;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.NewVersion;
import portal.terms.Terms;

/**
 * Publishes personal-information terms in force, which would stop every other test's users at
 * the acceptance page: so it runs on a context and database of its own (the property below
 * only tells the contexts apart).
 */
@PortalIntegrationTest
@TestPropertySource(properties = "portal.test.own-database=terms-gate-for-tokens")
@DisplayName("R-7.3 The terms gate holds API tokens too")
class TermsGateForTokensIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Tenancy tenancy;

	@Autowired
	Terms terms;

	@Autowired
	Documents documents;

	IdentityPageFixtures fixtures;

	UUID customer;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		customer = UUID.randomUUID();
	}

	@Test
	@DisplayName("R-7.3 an API token of a user who has not accepted new personal-information terms gets a problem naming the page, then 200 once accepted")
	void apiTokenWaitsForAcceptance() throws Exception {
		IdentityPageFixtures.Person reader = fixtures.active(customer, Role.CUSTOMER_VIEWER);
		String token = JsonPath.read(mvc.perform(post("/api/v1/me/tokens").with(csrf())
				.with(authentication(reader.authentication()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"export\",\"validDays\":30}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.secret");
		assertThat(token).startsWith("cpt_");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		DocumentVersion current = terms.requireInForce(Terms.PERSONAL_INFORMATION);
		DocumentVersion amended = tenancy.call(Actor.staff("ST-PUBLISHER-3"), TenantScope.allCustomers(),
				() -> documents.publish(Terms.PERSONAL_INFORMATION, new NewVersion(current.titleEn(),
						current.bodyEn() + "\n\n8. Keeping records\nA record of each acceptance is kept while the account exists.",
						current.titleJa(), current.bodyJa(), "Says how long acceptance records are kept.", null, null)));

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.page").value("/app/accept-terms"))
			.andExpect(jsonPath("$.document").value(Terms.PERSONAL_INFORMATION))
			.andExpect(jsonPath("$.version").value(amended.version()))
			.andExpect(jsonPath("$.detail").value(containsString("/app/accept-terms")));

		mvc.perform(post("/app/accept-terms").with(csrf()).with(authentication(reader.authentication()))
				.param("kind", Terms.PERSONAL_INFORMATION).param("version", String.valueOf(amended.version()))
				.param("accept", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user.loginId").value(reader.loginId()));
	}
}
