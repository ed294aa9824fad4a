package portal.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
class DocumentsIntegrationTests {

	private static final String SPEC = "spec-arcstar-universal-one";

	@Autowired
	MockMvc mvc;

	@Autowired
	Documents documents;

	@Autowired
	MutableClock clock;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	private String publish(String key, String body, Instant effectiveFrom) throws Exception {
		String json = """
				{"titleEn": "Service specification", "bodyEn": %s, "summaryEn": "Clarified the support hours.",
				 "titleJa": "サービス仕様書", "bodyJa": "翻訳された本文。"%s}""".formatted(quote(body),
				effectiveFrom == null ? "" : ", \"effectiveFrom\": \"" + effectiveFrom + "\"");
		return mvc.perform(post("/api/v1/console/documents/" + key + "/versions").with(csrf())
				.with(authentication(TestPrincipals.staff("pub-1", "PUBLISHER")))
				.contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn().getResponse().getContentAsString();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	@Test
	@DisplayName("R-2.1 a version scheduled for later is in force exactly from its effective time, with no job")
	void scheduledVersionTakesEffectExactlyOnTime() throws Exception {
		publish(SPEC, "Support answers on working days.\n\nFaults are fixed within four hours.", null);
		int current = documents.inForce(SPEC).orElseThrow().version();
		Instant effective = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		publish(SPEC, "Support answers every day.\n\nFaults are fixed within four hours.", effective);

		assertThat(documents.inForce(SPEC).orElseThrow().version()).isEqualTo(current);
		assertThat(documents.upcoming(SPEC)).extracting(DocumentVersion::version).containsExactly(current + 1);
		clock.advance(Duration.between(clock.instant(), effective).minusMillis(1));
		assertThat(documents.inForce(SPEC).orElseThrow().version()).isEqualTo(current);
		clock.advance(Duration.ofMillis(1));
		assertThat(documents.inForce(SPEC).orElseThrow().version()).isEqualTo(current + 1);
	}

	@Test
	@DisplayName("R-2.1 bad versions are refused naming the field, and nothing is stored")
	void refusesBadVersionsNamingTheField() throws Exception {
		int before = documents.versions(SPEC).size();
		String base = "/api/v1/console/documents/%s/versions";
		var publisher = authentication(TestPrincipals.staff("pub-2", "PUBLISHER"));
		mvc.perform(post(base.formatted(SPEC)).with(csrf()).with(publisher).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"titleEn": "T", "bodyEn": "Text", "summaryEn": "S", "effectiveFrom": "2020-01-01T00:00:00Z"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.effectiveFrom").exists());
		mvc.perform(post(base.formatted(SPEC)).with(csrf()).with(publisher).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"titleEn": "T", "bodyEn": "  ", "summaryEn": "S"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.bodyEn").exists());
		mvc.perform(post(base.formatted("no-such-document")).with(csrf()).with(publisher)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"titleEn": "T", "bodyEn": "Text", "summaryEn": "S"}"""))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.fields.key").exists());
		assertThat(documents.versions(SPEC)).hasSize(before);
	}

	@Test
	@DisplayName("R-2.2 publishing an amended service specification notifies the holders of that service")
	void amendmentNotifiesAffectedCustomers() throws Exception {
		publish(SPEC, "Gamma text.", null);
		int version = documents.inForce(SPEC).orElseThrow().version();
		String key = "terms:" + SPEC + ":v" + version;
		String audience = null;
		for (int i = 0; i < 200 && audience == null; i++) {
			audience = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
				.sql("SELECT audience || ':' || audience_service || ':' || kind FROM notices.notices WHERE key = ?")
				.param(key).query(String.class).optional().orElse(null));
			if (audience == null) {
				Thread.sleep(50);
			}
		}
		assertThat(audience).isEqualTo("RELEVANT_SERVICE:arcstar-universal-one:AMENDMENT");
	}

	@Test
	@DisplayName("R-2.1 only publishers publish")
	void onlyPublishersPublish() throws Exception {
		mvc.perform(post("/api/v1/console/documents/" + SPEC + "/versions").with(csrf())
				.with(authentication(TestPrincipals.staff("desk-1", "DESK")))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"titleEn": "T", "bodyEn": "Text", "summaryEn": "S"}"""))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-2.1 R-23 the public pages show the version in force, its history and a marked diff, without sign-in")
	void publicPagesWorkWithoutSignIn() throws Exception {
		publish(SPEC, "Alpha paragraph.\n\nBravo words here.", null);
		publish(SPEC, "Alpha paragraph.\n\nBravo changed words here.", null);
		int newest = documents.inForce(SPEC).orElseThrow().version();

		mvc.perform(get("/portal-page/terms")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Customer Portal Terms of Use")));
		mvc.perform(get("/portal-page/terms/" + SPEC)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Bravo changed words here.")));
		mvc.perform(get("/portal-page/terms/" + SPEC).param("lang", "ja")).andExpect(status().isOk())
			.andExpect(content().string(containsString("英語の原文が正本です")));
		mvc.perform(get("/portal-page/terms/" + SPEC + "/diff").param("from", String.valueOf(newest - 1))
				.param("to", String.valueOf(newest)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<ins class=\"diff-added\">")))
			.andExpect(content().string(containsString("added: ")));
		mvc.perform(get("/api/v1/documents")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'portal-terms')].versionInForce").exists());
		mvc.perform(get("/api/v1/documents/" + SPEC + "/versions/" + newest).param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.translation").value(true))
			.andExpect(jsonPath("$.language").value("ja"));
		mvc.perform(get("/api/v1/documents/" + SPEC + "/diff").param("from", "1").param("to", "999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.fields.to").exists());
	}
}
