package portal.identity.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.Role;

/** The test configuration points the portal at a small breached-password file holding these passwords' hashes. */
@PortalIntegrationTest
@DisplayName("R-6.2 ASVS 6.2.12 breached passwords are refused where passwords are chosen")
class BreachedPasswordPagesIntegrationTests {

	static final String BREACHED = "a breached passphrase 8";

	static final String ALSO_BREACHED = "leaked in some breach 2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	IdentityPageFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = IdentityPageFixtures.from(context);
	}

	@Test
	@DisplayName("R-6.1 R-6.2 ASVS 6.2.12 activation (and reset, which is an activation) says beside the field that the password appears in known breaches")
	void activationRefusesBreachedPassword() throws Exception {
		IdentityPageFixtures.Person person = fixtures.registered(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		String token = fixtures.activationToken(person.view().email());
		mvc.perform(post("/activate").with(csrf()).param("token", token)
			.param("password", BREACHED)
			.param("passwordRepeat", BREACHED)
			.param("code", "000000")
			.param("termsVersion", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"password-error\""),
					containsString("This password appears in known data breaches"),
					not(containsString(BREACHED)))));
		mvc.perform(post("/activate").with(csrf()).param("token", token)
			.param("lang", "ja")
			.param("password", ALSO_BREACHED)
			.param("passwordRepeat", ALSO_BREACHED)
			.param("code", "000000")
			.param("termsVersion", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"password-error\""),
					containsString("過去のデータ漏えいで流出したもの"))));
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 a password change to a breached password is refused beside the field; a clean one is taken")
	void changeRefusesBreachedPassword() throws Exception {
		IdentityPageFixtures.Person person = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		mvc.perform(post("/app/profile/password").with(csrf()).with(authentication(person.authentication()))
			.param("currentPassword", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.freshCode(person))
			.param("newPassword", BREACHED)
			.param("newPasswordRepeat", BREACHED))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"new-password-error\""),
					containsString("This password appears in known data breaches"),
					not(containsString("Your password has been changed.")))));
		mvc.perform(post("/app/profile/password").with(csrf()).with(authentication(person.authentication()))
			.header("HX-Request", "true")
			.param("currentPassword", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.freshCode(person))
			.param("newPassword", "a passphrase no breach holds")
			.param("newPasswordRepeat", "a passphrase no breach holds"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your password has been changed.")));
	}
}
