package portal.identity;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import portal.PortalIntegrationTest;
import portal.platform.Tenancy;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import portal.identity.activation.Activation;

@PortalIntegrationTest
@DisplayName("R-20.2 Bad input gets a 4xx problem detail and writes nothing")
class BadInputIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserAdministration administration;

	@Autowired
	Activation activation;

	@Autowired
	Terms terms;

	@Autowired
	Tenancy tenancy;

	UUID customer;

	Cookie session;

	@BeforeEach
	void signedInAdministrator() throws Exception {
		customer = UUID.randomUUID();
		session = fixtures.signIn(mvc, fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR));
	}

	@Test
	@DisplayName("R-20.2 malformed JSON → 400 problem")
	void malformedJson() throws Exception {
		expectNothingWritten(addUser(MediaType.APPLICATION_JSON, "{\"name\": \"Broken\", ")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/malformed-body")));
	}

	@Test
	@DisplayName("R-20.2 wrong content type → 415 problem")
	void wrongContentType() throws Exception {
		expectNothingWritten(addUser(MediaType.TEXT_PLAIN, "name=Someone").andExpect(status().isUnsupportedMediaType()));
	}

	@Test
	@DisplayName("R-20.2 oversized body → 413 problem, refused before anything reads it")
	void oversizedBody() throws Exception {
		String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
		expectNothingWritten(addUser(MediaType.APPLICATION_JSON, huge).andExpect(status().isContentTooLarge()));
	}

	@Test
	@DisplayName("R-20.2 invalid fields → 400 problem naming them")
	void invalidFields() throws Exception {
		expectNothingWritten(addUser(MediaType.APPLICATION_JSON,
				"{\"name\":\"\",\"email\":\"not-an-email\",\"phone\":\"1\",\"roles\":[]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.email").exists())
			.andExpect(jsonPath("$.fields.roles").exists()));
	}

	@Test
	@DisplayName("R-20.2 an unknown API address → 404 problem, not a page")
	void unknownAddress() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").cookie(session))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	private ResultActions addUser(MediaType type, String body) throws Exception {
		return mvc.perform(post("/api/v1/users").cookie(session).with(csrf()).contentType(type).content(body));
	}

	private void expectNothingWritten(ResultActions result) throws Exception {
		result.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		assertThat(tenancy.call(portal.platform.Actor.job("test"), portal.platform.TenantScope.system(),
				() -> administration.users(customer, ""))).hasSize(1);
	}
}
