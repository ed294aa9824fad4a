package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import portal.PortalIntegrationTest;
import portal.audit.AuditEntry;
import portal.audit.AuditQuery;
import portal.audit.AuditTrail;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

@PortalIntegrationTest
@DisplayName("R-4.1 R-4.2 The catalog API")
class CatalogApiIntegrationTests {

	static final Authentication SERVICE_MANAGER = TestPrincipals.staff("ST-SM-1", "SERVICE_MANAGER");

	static final Map<String, String> AFFILIATE_COUNTRIES = Map.ofEntries(Map.entry("DOCOMO", "JP"),
			Map.entry("NTT-AMERICA", "US"), Map.entry("NTT-BRASIL", "BR"), Map.entry("NTT-COM-CHINA", "CN"),
			Map.entry("NTT-COM-ASIA", "HK"), Map.entry("NTT-KOREA", "KR"), Map.entry("NTT-TAIWAN", "TW"),
			Map.entry("NTT-INDONESIA", "ID"), Map.entry("NTT-MSC", "MY"), Map.entry("NTT-SINGAPORE", "SG"),
			Map.entry("NTT-THAILAND", "TH"), Map.entry("NTT-VIETNAM", "VN"), Map.entry("NTT-AUSTRALIA", "AU"),
			Map.entry("PLDT", "PH"), Map.entry("NTT-EUROPE", "GB"), Map.entry("NTT-RUSSIA", "RU"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditTrail trail;

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
	@DisplayName("R-4.1 R-4.2 anyone reads the 16 relevant services, each with its service kind descriptor")
	void listsTheSixteenServicesWithDescriptors() throws Exception {
		String[] keys = descriptorFileKeys();
		assertThat(keys).hasSize(16);

		mvc.perform(get("/api/v1/catalog/relevant-services"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(16)))
			.andExpect(jsonPath("$[*].key").value(containsInAnyOrder((Object[]) keys)))
			.andExpect(jsonPath("$[0].name").value("Arcstar Universal One"))
			.andExpect(jsonPath("$[15].name").value("docomo business ANCER Rec"))
			.andExpect(jsonPath("$[*].active", everyItem(is(true))))
			.andExpect(jsonPath("$[*].state", everyItem(is("offered"))))
			.andExpect(jsonPath("$[*].descriptor.instance.kind", everyItem(notNullValue())))
			.andExpect(jsonPath("$[*].descriptor.category", everyItem(notNullValue())))
			.andExpect(jsonPath("$[*].descriptor.metrics", everyItem(not(hasSize(0)))))
			.andExpect(jsonPath("$[*].descriptor.orderTypes", everyItem(notNullValue())));
	}

	@Test
	@DisplayName("R-4.2 one relevant service shows its instance kind, attributes, metrics and order types")
	void showsOneServiceWithItsDescriptor() throws Exception {
		mvc.perform(get("/api/v1/catalog/relevant-services/arcstar-universal-one"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Arcstar Universal One"))
			.andExpect(jsonPath("$.descriptor.instance.kind").value("circuit"))
			.andExpect(jsonPath("$.descriptor.instance.attributes[0].key").value("circuitId"))
			.andExpect(jsonPath("$.descriptor.instance.attributes[0].constraints.maxLength").value(32))
			.andExpect(jsonPath("$.descriptor.metrics[0].key").value("traffic-in"))
			.andExpect(jsonPath("$.descriptor.metrics[0].unit").value("bps"))
			.andExpect(jsonPath("$.descriptor.metrics[0].interval").value("PT5M"))
			.andExpect(jsonPath("$.descriptor.metrics[0].aggregation").value("avg"))
			.andExpect(jsonPath("$.descriptor.metrics[0].percentile95").value(true))
			.andExpect(jsonPath("$.descriptor.orderTypes[0].key").isString())
			.andExpect(jsonPath("$.retiredFrom").doesNotExist());
	}

	@Test
	@DisplayName("R-4.1 an unknown relevant service is a 404 problem")
	void unknownServiceIsAProblem() throws Exception {
		mvc.perform(get("/api/v1/catalog/relevant-services/arcstar-universal-two"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("/problems/catalog-entry-not-found"));
	}

	@Test
	@DisplayName("R-4.1 anyone reads the 16 affiliates with their countries; the Company itself is not one")
	void listsTheSixteenAffiliates() throws Exception {
		String body = mvc.perform(get("/api/v1/catalog/affiliates"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(16)))
			.andExpect(jsonPath("$[0].code").value("DOCOMO"))
			.andExpect(jsonPath("$[0].name").value("NTT DOCOMO, Inc."))
			.andExpect(jsonPath("$[2].name").value("NTT do Brasil Telecomunicações Ltda."))
			.andExpect(jsonPath("$[*].affiliate", everyItem(is(true))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("\"COMPANY\"");
		AFFILIATE_COUNTRIES.forEach((code, country) -> assertThat(catalog.company(code))
			.hasValueSatisfying(company -> assertThat(company.country()).isEqualTo(country)));
	}

	@Test
	@DisplayName("R-4.1 the contracting companies are the Company itself first, then the affiliates")
	void listsTheContractingCompanies() throws Exception {
		mvc.perform(get("/api/v1/catalog/contracting-companies"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(17)))
			.andExpect(jsonPath("$[0].code").value("COMPANY"))
			.andExpect(jsonPath("$[0].name").value("NTT DOCOMO BUSINESS, Inc."))
			.andExpect(jsonPath("$[0].country").value("JP"))
			.andExpect(jsonPath("$[0].affiliate").value(false));
		assertThat(catalog.companies()).hasSize(17).allMatch(ContractingCompany::active);
		assertThat(catalog.relevantService("home5g")).contains(new RelevantService("home5g", "home5G", true));
	}

	@Test
	@DisplayName("R-4.1 a service manager renames and retires a service: history kept, audited, in one transaction")
	void amendsAServiceWithHistoryAndAudit() {
		rollback.asStaff("ST-SM-1", () -> {
			String retireFrom = catalog.today().plusMonths(3).toString();
			mvc.perform(amend("/api/v1/console/catalog/relevant-services/nexcenter",
					"{\"name\":\"Nexcenter Data Centres\",\"retire\":{\"effectiveDate\":\"" + retireFrom + "\"}}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Nexcenter Data Centres"))
				.andExpect(jsonPath("$.state").value("retiring"))
				.andExpect(jsonPath("$.active").value(true))
				.andExpect(jsonPath("$.retiredFrom").value(retireFrom));

			mvc.perform(get("/api/v1/console/catalog/amendments").param("limit", "2").with(authentication(SERVICE_MANAGER)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].key").value("nexcenter"))
				.andExpect(jsonPath("$[0].change").value("retired"))
				.andExpect(jsonPath("$[0].effectiveDate").value(retireFrom))
				.andExpect(jsonPath("$[0].amendedBy").value("ST-SM-1"))
				.andExpect(jsonPath("$[0].after.retiredFrom").value(retireFrom))
				.andExpect(jsonPath("$[1].change").value("renamed"))
				.andExpect(jsonPath("$[1].subject").value("relevant-service"))
				.andExpect(jsonPath("$[1].before.name").value("Nexcenter"))
				.andExpect(jsonPath("$[1].after.name").value("Nexcenter Data Centres"));

			List<AuditEntry> audited = trail.find(new AuditQuery(null, null, null, null, null, 0, 5)).entries();
			assertThat(audited).extracting(AuditEntry::action)
				.startsWith("catalog.relevant-service.retired", "catalog.relevant-service.renamed");
			assertThat(audited.get(0).actor()).isEqualTo("ST-SM-1");
			assertThat(audited.get(0).targetType()).isEqualTo("relevant-service");
			assertThat(audited.get(0).targetId()).isEqualTo("nexcenter");
			assertThat(audited.get(0).details()).containsEntry("effectiveDate", retireFrom);
		});
		assertThat(catalog.relevantService("nexcenter")).contains(new RelevantService("nexcenter", "Nexcenter", true));
	}

	@Test
	@DisplayName("R-4.1 an administrator adds an affiliate and retires another; the Company itself stays")
	void amendsContractingCompanies() {
		rollback.asStaff("ST-ADM-1", () -> {
			Authentication admin = TestPrincipals.staff("ST-ADM-1", "ADMIN");
			String today = catalog.today().toString();
			mvc.perform(post("/api/v1/console/catalog/contracting-companies").with(authentication(admin)).with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"NTT-GERMANY\",\"name\":\"NTT Germany GmbH\",\"country\":\"DE\",\"offeredFrom\":\"" + today + "\"}"))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", containsString("/api/v1/catalog/contracting-companies")))
				.andExpect(jsonPath("$.affiliate").value(true))
				.andExpect(jsonPath("$.state").value("offered"));
			mvc.perform(patch("/api/v1/console/catalog/contracting-companies/NTT-RUSSIA").with(authentication(admin))
					.with(csrf()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"retire\":{\"effectiveDate\":\"" + today + "\"}}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("retired"))
				.andExpect(jsonPath("$.active").value(false));
			mvc.perform(get("/api/v1/catalog/affiliates"))
				.andExpect(jsonPath("$", hasSize(17)))
				.andExpect(jsonPath("$[16].code").value("NTT-GERMANY"));
			assertThat(catalog.company("NTT-RUSSIA")).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
			assertThat(trail.find(new AuditQuery("ST-ADM-1", "catalog.contracting-company.added", null, null, null, 0, 5))
				.entries()).extracting(AuditEntry::targetId).containsExactly("NTT-GERMANY");
		});
		assertThat(catalog.company("NTT-GERMANY")).isEmpty();
	}

	@Test
	@DisplayName("R-4.1 bad amendments get a 4xx problem naming the field, and nothing is written")
	void badAmendmentsWriteNothing() throws Exception {
		long amendments = amendmentCount();
		long audited = auditedCatalogChanges();
		String yesterday = catalog.today().minusDays(1).toString();

		mvc.perform(amend("/api/v1/console/catalog/relevant-services/home5g", "{\"name\":\"   \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.fields.name").exists());
		mvc.perform(amend("/api/v1/console/catalog/relevant-services/home5g", "{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/invalid-fields"));
		mvc.perform(amend("/api/v1/console/catalog/relevant-services/home5g", "{\"retire\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields['retire.effectiveDate']").exists());
		mvc.perform(amend("/api/v1/console/catalog/relevant-services/home5g", "{\"name\":\"Office link\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/catalog-name-taken"));
		mvc.perform(amend("/api/v1/console/catalog/relevant-services/home5g",
				"{\"retire\":{\"effectiveDate\":\"" + yesterday + "\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/catalog-effective-date-past"))
			.andExpect(jsonPath("$.detail", containsString(yesterday)));
		// The rename is valid on its own; the retirement's refusal must roll it back too.
		mvc.perform(amend("/api/v1/console/catalog/relevant-services/home5g",
				"{\"name\":\"home 5G\",\"retire\":{\"effectiveDate\":\"" + yesterday + "\"}}"))
			.andExpect(status().isBadRequest());
		mvc.perform(amend("/api/v1/console/catalog/contracting-companies/COMPANY",
				"{\"retire\":{\"effectiveDate\":\"" + catalog.today() + "\"}}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("/problems/catalog-company-itself"));
		mvc.perform(amend("/api/v1/console/catalog/relevant-services/arcstar-universal-two", "{\"name\":\"Two\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/console/catalog/relevant-services").with(authentication(SERVICE_MANAGER)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"arcstar-universal-two\",\"name\":\"Arcstar Universal Two\",\"offeredFrom\":\""
						+ catalog.today() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/catalog-no-descriptor"));
		mvc.perform(post("/api/v1/console/catalog/contracting-companies").with(authentication(SERVICE_MANAGER))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"ntt germany\",\"name\":\"\",\"country\":\"Germany\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.code").exists())
			.andExpect(jsonPath("$.fields.name").exists())
			.andExpect(jsonPath("$.fields.country").exists())
			.andExpect(jsonPath("$.fields.offeredFrom").exists());

		assertThat(amendmentCount()).isEqualTo(amendments);
		assertThat(auditedCatalogChanges()).isEqualTo(audited);
		assertThat(catalog.relevantService("home5g")).contains(new RelevantService("home5g", "home5G", true));
	}

	@Test
	@DisplayName("R-4.1 only service managers and administrators amend the catalog")
	void othersMayNotAmend() throws Exception {
		for (Authentication other : List.of(TestPrincipals.staff("ST-AUD-1", "AUDITOR"),
				TestPrincipals.customerUser("CP-A-1", UUID.randomUUID(), "ADMINISTRATOR"))) {
			mvc.perform(patch("/api/v1/console/catalog/relevant-services/home5g").with(authentication(other)).with(csrf())
					.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"home 5G\"}"))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			mvc.perform(get("/api/v1/console/catalog/amendments").with(authentication(other)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(patch("/api/v1/console/catalog/relevant-services/home5g").with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"home 5G\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(catalog.relevantService("home5g")).contains(new RelevantService("home5g", "home5G", true));
	}

	@Test
	@DisplayName("R-4.1 the amendment endpoints are documented in the OpenAPI description")
	void documentsTheEndpoints() throws Exception {
		mvc.perform(get("/v3/api-docs").with(authentication(SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/catalog/relevant-services/{key}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/catalog/affiliates'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/catalog/relevant-services/{key}'].patch").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/catalog/contracting-companies'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/console/catalog/amendments'].get").exists());
	}

	private MockHttpServletRequestBuilder amend(String path, String json) {
		return patch(path).with(authentication(SERVICE_MANAGER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

	private long amendmentCount() {
		return jdbc.sql("SELECT count(*) FROM catalog.amendments").query(Long.class).single();
	}

	private long auditedCatalogChanges() {
		return tenancy.call(Actor.staff("ST-AUD-1"), TenantScope.allCustomers(),
				() -> jdbc.sql("SELECT count(*) FROM audit.entries WHERE action LIKE 'catalog.%'").query(Long.class).single());
	}

	private static String[] descriptorFileKeys() throws Exception {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/services/*.yml");
		return Arrays.stream(files).map(f -> f.getFilename().replaceFirst("\\.yml$", "")).sorted().toArray(String[]::new);
	}
}
