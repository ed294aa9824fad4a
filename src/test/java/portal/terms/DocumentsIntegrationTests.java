package portal.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.not;
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

	@Test
	@DisplayName("R-2.1 R-23 the general conditions for orders and usage data are published, listed and translated")
	void generalServiceConditionsArePublished() throws Exception {
		mvc.perform(get("/portal-page/terms")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("General Conditions for Orders and Usage Data"),
					containsString("href=\"/portal-page/terms/service-conditions\""),
					containsString("href=\"/portal-page/terms\""))));
		mvc.perform(get("/portal-page/terms/service-conditions")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h2>2. Orders placed in the portal</h2>"),
					containsString("shows such gaps as gaps"), not(containsString("??")))));
		mvc.perform(get("/portal-page/terms/service-conditions").param("lang", "ja")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("注文および利用データに関する一般条件"),
					containsString("<h2>2. ポータルからの注文</h2>"), containsString("英語の原文が正本です"))));
		mvc.perform(get("/api/v1/documents")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'service-conditions')].versionInForce").value(org.hamcrest.Matchers.hasItem(
					documents.inForce("service-conditions").orElseThrow().version())))
			.andExpect(jsonPath("$[?(@.key == 'service-conditions')].needsAcceptance").value(
					org.hamcrest.Matchers.contains(false)));
		DocumentVersion first = documents.version("service-conditions", 1).orElseThrow();
		assertThat(first.sha256()).isEqualTo(Documents.sha256(first.bodyEn()));
		assertThat(first.bodyJa()).contains("英語の文章が優先します");
	}

	@Test
	@DisplayName("R-2.1 R-23 a version scheduled for later says on its public page when it takes effect, in English and Japanese")
	void scheduledVersionSaysWhenItTakesEffect() throws Exception {
		Instant effective = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		publish(SPEC, "Support answers on working days.\n\nSpare parts are kept in two depots.", effective);
		int scheduled = documents.upcoming(SPEC).get(0).version();
		try {
			mvc.perform(get("/portal-page/terms/" + SPEC + "/versions/" + scheduled)).andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Takes effect on"),
						containsString("datetime=\"" + effective + "\""), not(containsString("In force since")))));
			mvc.perform(get("/portal-page/terms/" + SPEC + "/versions/" + scheduled).param("lang", "ja"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("発効予定日"),
						containsString("datetime=\"" + effective + "\""))));
			mvc.perform(get("/portal-page/terms")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Version " + scheduled + " takes effect on")));
		}
		finally {
			// Later publications in the shared database may not take effect before this one.
			clock.advance(Duration.between(clock.instant(), effective));
		}
	}

	@Test
	@DisplayName("R-2.1 the editor previews a draft as readers will see it, rendered inert, and saves it without publishing")
	void editorPreviewsAndSavesDrafts() throws Exception {
		var publisher = authentication(TestPrincipals.staff("pub-4", "PUBLISHER"));
		int before = documents.versions(SPEC).size();
		String body = "## Response times\n\nFaults are *answered* within an hour. <script>alert(1)</script>"
				+ "[open](javascript:alert(2)) <img src=x onerror=alert(3)>";
		String page = mvc.perform(post("/console/documents/" + SPEC).with(csrf()).with(publisher)
				.param("titleEn", "Service specification").param("bodyEn", body).param("summaryEn", "Response times.")
				.param("zone", "UTC").param("action", "preview"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String preview = page.substring(page.indexOf("id=\"preview-title\""));
		assertThat(preview).contains("<h2>Response times</h2>").contains("<em>answered</em>")
			.contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("<img")
			.doesNotContain("href=\"javascript");
		assertThat(documents.draft(SPEC).map(draft -> draft.bodyEn())).isNotEqualTo(java.util.Optional.of(body));

		mvc.perform(post("/console/documents/" + SPEC).with(csrf()).with(publisher)
				.param("titleEn", "Service specification").param("bodyEn", body).param("summaryEn", "Response times.")
				.param("zone", "UTC").param("action", "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The draft is saved."), not(containsString("id=\"preview-title\"")))));
		assertThat(documents.draft(SPEC).orElseThrow().bodyEn()).isEqualTo(body);
		assertThat(documents.draft(SPEC).orElseThrow().summaryEn()).isEqualTo("Response times.");
		mvc.perform(get("/console/documents/" + SPEC).with(publisher)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Faults are *answered* within an hour.")));
		assertThat(documents.versions(SPEC)).hasSize(before);
		mvc.perform(post("/console/documents/" + SPEC).with(csrf())
				.with(authentication(TestPrincipals.staff("desk-4", "DESK"))).param("titleEn", "T")
				.param("bodyEn", "B").param("action", "save"))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-2.1 the editor says what to fix in the publisher's language, and keeps what was typed")
	void editorRefusalsInThePublishersLanguage() throws Exception {
		var publisher = authentication(TestPrincipals.staff("pub-5", "PUBLISHER"));
		int before = documents.versions(SPEC).size();
		mvc.perform(post("/console/documents/" + SPEC).with(csrf()).with(publisher).param("lang", "ja")
				.param("titleEn", "Service specification").param("bodyEn", "Kept body.").param("summaryEn", "")
				.param("zone", "UTC").param("action", "publish"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"form-error\""), containsString("変更点の概要を入力してください"),
					not(containsString("The summary of changes is empty")), containsString("Kept body."))));
		mvc.perform(post("/console/documents/" + SPEC).with(csrf()).with(publisher)
				.param("titleEn", "Service specification").param("bodyEn", "Kept body.").param("summaryEn", "Why.")
				.param("effectiveAt", "soon").param("zone", "UTC").param("action", "publish"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The effective date is not a date and time; choose one with the picker.")));
		assertThat(documents.versions(SPEC)).hasSize(before);
	}

	@Test
	@DisplayName("R-2.1 the database refuses the application any change to a published version")
	void publishedVersionsCannotBeChanged() {
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> {
			assertThatThrownBy(() -> jdbc.sql("UPDATE terms.documents SET body_en = 'forged' WHERE kind = 'portal-terms'")
				.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM terms.documents WHERE kind = 'portal-terms'").update())
				.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
		});
		assertThat(documents.version("portal-terms", 1).orElseThrow().bodyEn()).doesNotContain("forged");
	}
}
