package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import portal.PortalIntegrationTest;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

@PortalIntegrationTest
@DisplayName("R-4.1 The console's catalog page")
class CatalogConsoleIntegrationTests {

	static final Authentication SERVICE_MANAGER = TestPrincipals.staff("ST-SM-1", "SERVICE_MANAGER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	PlatformTransactionManager transactions;

	Rollback rollback;

	@BeforeEach
	void setUp() {
		rollback = new Rollback(tenancy, transactions);
	}

	@Test
	@DisplayName("R-4.1 the page lists services and companies with their state, in the layout or as an htmx fragment")
	void fullPageOrFragment() throws Exception {
		mvc.perform(get("/console/catalog").with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString("<html"), containsString("Skip to main content"),
					containsString("id=\"catalog\""), containsString("Arcstar Universal One"),
					containsString("NTT do Brasil Telecomunicações Ltda."), containsString("The Company"),
					containsString("Offered"), containsString("href=\"/console/catalog/relevant-services/home5g\""),
					containsString("hx-get=\"/console/catalog/relevant-services/home5g\""),
					not(containsString("??")))));
		mvc.perform(get("/console/catalog").header("HX-Request", "true").with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"catalog\""), containsString("Arcstar Universal One"),
					not(containsString("<html")), not(containsString("Skip to main content")))));
	}

	@Test
	@DisplayName("R-4.1 R-23 the page speaks Japanese too")
	void japanese() throws Exception {
		mvc.perform(get("/console/catalog").cookie(new Cookie("portal-lang", "ja")).with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("関連サービス"), containsString("契約会社"),
					containsString("変更履歴"), not(containsString("??")))));
	}

	@Test
	@DisplayName("R-4.1 other staff see the catalog but may not amend it")
	void otherStaffOnlyRead() throws Exception {
		Authentication auditor = TestPrincipals.staff("ST-AUD-1", "AUDITOR");
		mvc.perform(get("/console/catalog").with(authentication(auditor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Arcstar Universal One"),
					not(containsString("href=\"/console/catalog/relevant-services/home5g\"")))));
		mvc.perform(get("/console/catalog/relevant-services/home5g").with(authentication(auditor)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/catalog/relevant-services/home5g/name").param("name", "home 5G")
				.with(authentication(auditor)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(catalog.relevantService("home5g")).contains(new RelevantService("home5g", "home5G", true));
	}

	@Test
	@DisplayName("R-4.1 the amend page is a full page or a fragment, with labelled fields and the CSRF token")
	void entryPageOrFragment() throws Exception {
		mvc.perform(get("/console/catalog/contracting-companies/NTT-EUROPE").with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("id=\"catalog-entry\""),
					containsString("NTT Europe Ltd."), containsString("<label for=\"rename-name\""),
					containsString("<label for=\"retire-date\""), containsString("name=\"_csrf\""),
					containsString("hx-post=\"/console/catalog/contracting-companies/NTT-EUROPE/retirement\""),
					not(containsString("??")))));
		mvc.perform(get("/console/catalog/contracting-companies/NTT-EUROPE").header("HX-Request", "true")
				.with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"catalog-entry\""), not(containsString("<html")))));
		mvc.perform(get("/console/catalog/contracting-companies/COMPANY").with(authentication(SERVICE_MANAGER)))
			.andExpect(content().string(allOf(containsString("The Company itself cannot be retired."),
					not(containsString("id=\"retire-date\"")))));
		mvc.perform(get("/console/catalog/relevant-services/no-such-service").with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isNotFound());
	}

	@Test
	@DisplayName("R-4.1 a rename through the page is kept in the history; htmx gets the fragment, others a redirect")
	void renamesThroughThePage() {
		rollback.asStaff("ST-SM-1", () -> {
			mvc.perform(post("/console/catalog/relevant-services/office-link/name").param("name", "Office Link")
					.header("HX-Request", "true").with(authentication(SERVICE_MANAGER)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("The new name is saved."),
						containsString("Renamed from “Office link” to “Office Link”"), not(containsString("<html")))));
			mvc.perform(post("/console/catalog/relevant-services/office-link/name").param("name", "Office Link 2")
					.with(authentication(SERVICE_MANAGER)).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/console/catalog/relevant-services/office-link?done=renamed"));
			assertThat(catalog.relevantService("office-link")).hasValueSatisfying(
					s -> assertThat(s.name()).isEqualTo("Office Link 2"));
		});
	}

	@Test
	@DisplayName("R-4.1 a refused rename shows the reason beside the field and writes nothing")
	void refusedRenameShowsTheReason() throws Exception {
		long amendments = amendmentCount();
		mvc.perform(post("/console/catalog/relevant-services/office-link/name").param("name", "home5G")
				.header("HX-Request", "true").with(authentication(SERVICE_MANAGER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("aria-invalid=\"true\""),
					containsString("aria-describedby=\"rename-name-hint rename-name-error\""),
					containsString("id=\"rename-name-error\""), containsString("Another entry already has this name."))));
		mvc.perform(post("/console/catalog/relevant-services/office-link/name").param("name", " ")
				.with(authentication(SERVICE_MANAGER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"),
					containsString("Enter a name of at most 200 characters."))));
		mvc.perform(post("/console/catalog/relevant-services/office-link/name").param("name", "Office Link")
				.with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isForbidden());
		assertThat(amendmentCount()).isEqualTo(amendments);
		assertThat(catalog.relevantService("office-link")).hasValueSatisfying(
				s -> assertThat(s.name()).isEqualTo("Office link"));
	}

	@Test
	@DisplayName("R-4.1 retiring through the page asks for confirmation first, then keeps the retirement")
	void retiresAfterConfirmation() {
		String from = catalog.today().plusDays(14).toString();
		rollback.asStaff("ST-SM-1", () -> {
			long amendments = amendmentCount();
			mvc.perform(post("/console/catalog/relevant-services/homedenwa/retirement").param("effectiveDate", from)
					.header("HX-Request", "true").with(authentication(SERVICE_MANAGER)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Retire homedenwa from " + from + "?"),
						containsString("name=\"confirmed\" value=\"true\""),
						containsString("name=\"effectiveDate\" value=\"" + from + "\""))));
			assertThat(amendmentCount()).isEqualTo(amendments);
			assertThat(catalog.listedService("homedenwa").orElseThrow().retiredFrom()).isEmpty();

			mvc.perform(post("/console/catalog/relevant-services/homedenwa/retirement").param("effectiveDate", from)
					.param("confirmed", "true").header("HX-Request", "true").with(authentication(SERVICE_MANAGER))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("The retirement is saved."),
						containsString("No longer offered from " + from + "."))));
			assertThat(amendmentCount()).isEqualTo(amendments + 1);
			assertThat(catalog.listedService("homedenwa").orElseThrow().retiredFrom()).hasValue(catalog.today().plusDays(14));
		});
	}

	@Test
	@DisplayName("R-4.1 a retirement in the past is refused before the confirmation step")
	void pastRetirementIsRefusedAtOnce() throws Exception {
		mvc.perform(post("/console/catalog/relevant-services/homedenwa/retirement")
				.param("effectiveDate", catalog.today().minusDays(1).toString())
				.header("HX-Request", "true").with(authentication(SERVICE_MANAGER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Choose today or a later day."),
					containsString("aria-describedby=\"retire-date-hint retire-date-error\""),
					not(containsString("name=\"confirmed\"")))));
		mvc.perform(post("/console/catalog/relevant-services/homedenwa/retirement").param("effectiveDate", "soon")
				.header("HX-Request", "true").with(authentication(SERVICE_MANAGER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a date as YYYY-MM-DD.")));
		assertThat(catalog.listedService("homedenwa").orElseThrow().retiredFrom()).isEmpty();
	}

	private long amendmentCount() {
		return jdbc.sql("SELECT count(*) FROM catalog.amendments").query(Long.class).single();
	}
}
