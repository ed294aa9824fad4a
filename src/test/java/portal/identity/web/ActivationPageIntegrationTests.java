package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.identity.Role;
import portal.identity.activation.Activation;

@PortalIntegrationTest
@DisplayName("R-6.1 R-7.3 The activation page")
class ActivationPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Activation activation;

	IdentityPageFixtures fixtures;

	String token;

	@BeforeEach
	void registerSomeone() {
		fixtures = IdentityPageFixtures.from(context);
		IdentityPageFixtures.Person person = fixtures.registered(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		token = fixtures.activationToken(person.view().email());
	}

	@Test
	@DisplayName("R-6.1 the page shows the login ID, the QR code, the key in groups of four, the otpauth link and the terms")
	void showsEnrolment() throws Exception {
		Activation.Offer offer = activation.offer(token).orElseThrow();
		var groups = ActivationPage.groupsOfFour(offer.totpSecret());
		mvc.perform(post("/activate/offer").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en\""),
					containsString(offer.loginId()), containsString("src=\"data:image/svg+xml;base64,"),
					containsString("href=\"otpauth://totp/"), containsString("me-2\">" + groups.get(0) + "</span>"),
					containsString("me-2\">" + groups.get(groups.size() - 1) + "</span>"),
					containsString("Terms of Personal Information Protection for the Customer Portal"),
					containsString("name=\"_csrf\""), containsString("name=\"acceptTerms\""),
					containsString("At least 12 characters"), not(containsString("??")),
					not(containsString("is-invalid")))));
		assertThat(groups).allMatch(group -> group.length() <= 4).hasSizeGreaterThan(4);
	}

	@Test
	@DisplayName("R-23 in Japanese the terms are marked as a translation, with the authentic English text at hand")
	void japaneseMarksTheTranslation() throws Exception {
		mvc.perform(post("/activate/offer").with(csrf()).param("token", token).param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""),
					containsString("アカウントの有効化"), containsString("カスタマーポータルにおける個人情報保護規程"),
					containsString("英語版を正本とします"), containsString("正本（英語版）を表示する"),
					containsString("Terms of Personal Information Protection for the Customer Portal"),
					not(containsString("??")))));
	}

	@Test
	@DisplayName("R-6.1 mistakes come back beside their fields, described by them, with the focus on the first")
	void showsErrorsBesideFields() throws Exception {
		mvc.perform(post("/activate").with(csrf()).param("token", token)
			.param("password", "short")
			.param("passwordRepeat", "short")
			.param("code", "000000")
			.param("termsVersion", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Use at least 12 characters."),
					containsString("aria-describedby=\"password-hint password-error\""),
					containsString("id=\"password-error\""), containsString("The code does not match."),
					containsString("aria-describedby=\"code-hint code-error\""),
					containsString("Accept the Terms of Personal Information Protection to continue."),
					containsString("aria-describedby=\"accept-terms-error\""), containsString("role=\"alert\""),
					not(containsString("value=\"short\"")))))
			.andExpect(result -> assertThat(autofocused(result.getResponse().getContentAsString()))
				.isEqualTo("password"));
	}

	@Test
	@DisplayName("R-6.1 R-6.2 success shows the recovery codes once, and the link then no longer works")
	void activatesAndShowsRecoveryCodesOnce() throws Exception {
		Activation.Offer offer = activation.offer(token).orElseThrow();
		String page = mvc.perform(post("/activate").with(csrf()).param("token", token)
			.param("password", IdentityPageFixtures.PASSWORD)
			.param("passwordRepeat", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.code(offer.totpSecret(), 0))
			.param("acceptTerms", "true")
			.param("termsVersion", String.valueOf(offer.personalInformationTerms().version())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Store your recovery codes now"),
					containsString("This is the only time the portal shows them."), containsString("href=\"/sign-in\""))))
			.andReturn().getResponse().getContentAsString();
		assertThat(Pattern.compile("<li>[a-z2-9]{6}(-[a-z2-9]{6}){3}</li>").matcher(page).results().count()).isEqualTo(10);

		mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", "x"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("This link no longer works"),
					containsString("administrator to send you a new activation link"))));
		mvc.perform(post("/activate/offer").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"activation-token-error\""),
					containsString("it may have been used already"), not(containsString("totp-secret")))));
	}

	@Test
	@DisplayName("R-6.1 an unknown code gets a friendly answer in the visitor's language, never an error trace")
	void unknownLinkIsFriendly() throws Exception {
		mvc.perform(post("/activate/offer").with(csrf()).param("token", "no-such-token").param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("このコードは使用できません"),
					containsString("aria-invalid=\"true\""), not(containsString("Exception")))));
		mvc.perform(post("/activate").with(csrf()).param("token", "no-such-token").param("password", "x"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link no longer works")));
	}

	@Test
	@DisplayName("ASVS 14.2.1 the server never takes a token from a URL: a token in the path neither offers nor activates")
	void tokensInPathsAreNotAccepted() throws Exception {
		Activation.Offer offer = activation.offer(token).orElseThrow();
		mvc.perform(get("/activate/" + token))
			.andExpect(status().is4xxClientError())
			.andExpect(content().string(allOf(not(containsString(offer.loginId())), not(containsString("totp-secret")))));
		mvc.perform(post("/activate/" + token).with(csrf())
			.param("password", IdentityPageFixtures.PASSWORD)
			.param("passwordRepeat", IdentityPageFixtures.PASSWORD)
			.param("code", fixtures.code(offer.totpSecret(), 0))
			.param("acceptTerms", "true")
			.param("termsVersion", String.valueOf(offer.personalInformationTerms().version())))
			.andExpect(status().is4xxClientError());
		mvc.perform(get("/activate/offer").param("token", token))
			.andExpect(status().is4xxClientError())
			.andExpect(content().string(not(containsString(offer.loginId()))));
		mvc.perform(post("/activate/offer?token=" + token).with(csrf()))
			.andExpect(content().string(allOf(not(containsString(offer.loginId())), containsString("activation-token-error"))));
		assertThat(activation.offer(token)).as("the link still works through the page").isPresent();
	}

	@Test
	@DisplayName("ASVS 14.2.1 the page a link opens has no token in it: its script reads the fragment; without script a code field")
	void pageWithoutTokenAsksForTheCode() throws Exception {
		mvc.perform(get("/activate"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"activation-entry\""),
					containsString("action=\"/activate/offer\""), containsString("name=\"token\""),
					containsString("src=\"/assets/js/activation-"), not(containsString("replaceState")))));
	}

	@Test
	@DisplayName("the form is refused without its CSRF token")
	void needsCsrf() throws Exception {
		mvc.perform(post("/activate").param("token", token).param("password", IdentityPageFixtures.PASSWORD))
			.andExpect(status().isForbidden());
	}

	/** The id of the element that carries autofocus. */
	static String autofocused(String html) {
		Matcher tag = Pattern.compile("<(input|button|div|select)[^>]*autofocus[^>]*>").matcher(html);
		if (!tag.find()) {
			return null;
		}
		Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(tag.group());
		return id.find() ? id.group(1) : null;
	}
}
