package portal.customers;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two customers, each with a contract and instances; neither may see the other's. */
@PortalIntegrationTest
@DisplayName("R-7.5 Each customer sees only its own contracts and service instances")
class InventoryIsolationIntegrationTests {

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

	CustomerFixtures fixtures;

	CustomerSummary alpha;

	CustomerSummary beta;

	String alphaContract;

	String betaContract;

	String betaInstance;

	@BeforeEach
	void twoCustomersWithInventory() throws Exception {
		fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		alpha = fixtures.customer("Alpha Kogyo", "JP");
		beta = fixtures.customer("Beta Trading", "SG");
		String company = fixtures.key("COMPANY");
		String korea = fixtures.key("NTT-KOREA");
		alphaContract = fixtures.unique("alpha-uno");
		betaContract = fixtures.unique("beta-uno");
		fixtures.putContract(company, alphaContract, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				alpha.legalName(), alpha.code())).andExpect(status().isCreated());
		fixtures.putContract(korea, fixtures.unique("alpha-korea"), CustomerFixtures.activeContract(
				"arcstar-universal-one", "NTT-KOREA", alpha.legalName(), alpha.code())).andExpect(status().isCreated());
		fixtures.putContract(company, betaContract, CustomerFixtures.activeContract("arcstar-universal-one", "COMPANY",
				beta.legalName(), beta.code())).andExpect(status().isCreated());
		fixtures.putInstance(company, fixtures.unique("alpha-c1"), CustomerFixtures.circuit(alphaContract,
				"Alpha Osaka", "active")).andExpect(status().isCreated());
		fixtures.putInstance(company, fixtures.unique("alpha-c2"), CustomerFixtures.circuit(alphaContract,
				"Alpha Kobe", "designed")).andExpect(status().isCreated());
		betaInstance = fixtures.unique("beta-c1");
		fixtures.putInstance(company, betaInstance, CustomerFixtures.circuit(betaContract, "Beta Jurong", "active"))
			.andExpect(status().isCreated());
	}

	@Test
	@DisplayName("R-7.6 a customer's users list only their own contracts and instances")
	void apiListsOnlyOwnInventory() throws Exception {
		mvc.perform(get("/api/v1/contracts").with(authentication(alphaViewer())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].contractNo", hasItem(alphaContract)))
			.andExpect(jsonPath("$.items[*].contractNo", not(hasItem(betaContract))))
			.andExpect(jsonPath("$.items[*].customerCode", everyItem(is(alpha.code()))));
		mvc.perform(get("/api/v1/service-instances").with(authentication(alphaViewer())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(betaInstance))));
	}

	@Test
	@DisplayName("R-7.6 instances are filtered by service, state and text, and a page holds at most 200")
	void instancesAreFilteredAndPaged() throws Exception {
		mvc.perform(get("/api/v1/service-instances").param("state", "designed").with(authentication(alphaViewer())))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].label").value("Alpha Kobe"));
		mvc.perform(get("/api/v1/service-instances").param("q", "osaKA").with(authentication(alphaViewer())))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].attributes.bandwidthMbps").value(100));
		mvc.perform(get("/api/v1/service-instances").param("q", "Jurong").with(authentication(alphaViewer())))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/service-instances").param("relevantService", "nexcenter")
			.with(authentication(alphaViewer())))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/service-instances").param("size", "1").with(authentication(alphaViewer())))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/v1/service-instances").param("size", "201").with(authentication(alphaViewer())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(startsWith("size:")));
	}

	@Test
	@DisplayName("R-7.5 another customer's instance does not exist for a customer's users")
	void otherCustomersInstanceIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/service-instances/{id}", betaInstance).with(authentication(alphaViewer())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/service-instances/{id}", betaInstance)
			.with(authentication(TestPrincipals.customerUser("CP-B-1", beta.id(), "ORDERER"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contractNo").value(betaContract));
	}

	@Test
	@DisplayName("R-7.5 staff and systems do not read the customer API; customers do not read the console API")
	void apisAreForTheirAudience() throws Exception {
		mvc.perform(get("/api/v1/contracts").with(authentication(TestPrincipals.staff("ST-1", "DESK"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/console/customers").with(authentication(alphaViewer())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/contracts")).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("R-7.5 at the wall: a query without a customer filter, as customer A, sees only A's rows")
	void rowLevelSecurityShowsOnlyOwnRows() {
		List<UUID> contractOwners = as(TenantScope.customer(alpha.id()), "SELECT customer_id FROM customers.contracts");
		List<UUID> instanceOwners = as(TenantScope.customer(alpha.id()),
				"SELECT customer_id FROM customers.service_instances");
		List<UUID> customerRows = as(TenantScope.customer(alpha.id()), "SELECT id FROM customers.customers");
		assertThat(contractOwners).hasSize(2).containsOnly(alpha.id());
		assertThat(instanceOwners).hasSize(2).containsOnly(alpha.id());
		assertThat(customerRows).containsExactly(alpha.id());
	}

	@Test
	@DisplayName("R-7.5 at the wall: a customer cannot move another customer's instance to itself")
	void rowLevelSecurityRefusesWritesAcrossTenants() {
		int touched = tenancy.call(Actor.user("CP-A-1"), TenantScope.customer(alpha.id()), () -> jdbc
			.sql("UPDATE customers.service_instances SET label = 'taken' WHERE id = ?").param(betaInstance).update());
		assertThat(touched).isZero();
		assertThatThrownBy(() -> tenancy.run(Actor.user("CP-A-1"), TenantScope.customer(alpha.id()), () -> jdbc
			.sql("UPDATE customers.contracts SET customer_id = ? WHERE contract_no = ?").params(beta.id(), alphaContract)
			.update()))
			.isInstanceOf(DataAccessException.class);
		assertThat(fixtures.count("SELECT count(*) FROM customers.service_instances WHERE id = ? AND label = 'taken'",
				betaInstance)).isZero();
	}

	@Test
	@DisplayName("R-7.5 staff of an affiliate see only customers that hold a contract with it")
	void affiliateStaffSeeOnlyTheirCustomers() throws Exception {
		var koreaDesk = CustomerFixtures.affiliateStaff("ST-KR-1", "NTT-KOREA", "DESK");
		mvc.perform(get("/api/v1/console/customers").param("q", fixtures.run).with(authentication(koreaDesk)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].code").value(alpha.code()));
		mvc.perform(get("/api/v1/console/customers/{code}", beta.code()).with(authentication(koreaDesk)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/console/customers/{code}/contracts", alpha.code()).with(authentication(koreaDesk)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/v1/console/customers").param("q", fixtures.run)
			.with(authentication(TestPrincipals.staff("ST-1", "DESK"))))
			.andExpect(jsonPath("$.total").value(2));
		List<UUID> visible = as(TenantScope.company("NTT-KOREA"), "SELECT id FROM customers.customers");
		List<UUID> withKoreanContract = fixtures.asSystem(() -> jdbc.sql("""
				SELECT DISTINCT customer_id FROM customers.contracts
				WHERE contracting_company = 'NTT-KOREA' AND customer_id IS NOT NULL""").query(UUID.class).list());
		assertThat(visible).contains(alpha.id()).doesNotContain(beta.id())
			.containsExactlyInAnyOrderElementsOf(withKoreanContract);
	}

	@Test
	@DisplayName("R-7.5 contracts linked to no customer are visible only to the Company's staff and systems")
	void unlinkedContractsAreHiddenFromScopedReaders() throws Exception {
		String unlinked = fixtures.unique("unlinked");
		fixtures.putContract(fixtures.key("NTT-TAIWAN"), unlinked, CustomerFixtures.activeContract(
				"arcstar-universal-one", "NTT-TAIWAN", "Not Yet Co", "")).andExpect(status().isCreated());
		String sql = "SELECT customer_id FROM customers.contracts WHERE contract_no = '" + unlinked + "'";
		assertThat(as(TenantScope.customer(alpha.id()), sql)).isEmpty();
		assertThat(as(TenantScope.company("NTT-TAIWAN"), sql)).isEmpty();
		assertThat(as(TenantScope.allCustomers(), sql)).hasSize(1);
	}

	@Test
	@DisplayName("R-7.5 linking a contract later carries its instances to the customer and to its company's staff")
	void linkingCarriesInstances() throws Exception {
		String taiwan = fixtures.key("NTT-TAIWAN");
		String later = fixtures.unique("later");
		String laterInstance = fixtures.unique("later-c1");
		String body = CustomerFixtures.activeContract("arcstar-universal-one", "NTT-TAIWAN", beta.legalName(), "");
		fixtures.putContract(taiwan, later, body).andExpect(status().isCreated());
		fixtures.putInstance(taiwan, laterInstance, CustomerFixtures.circuit(later, "Taipei office", "active"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/service-instances/{id}", laterInstance).with(authentication(betaUser())))
			.andExpect(status().isNotFound());

		fixtures.putContract(taiwan, later, CustomerFixtures.activeContract("arcstar-universal-one", "NTT-TAIWAN",
				beta.legalName(), beta.code()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerCode").value(beta.code()));

		mvc.perform(get("/api/v1/service-instances/{id}", laterInstance).with(authentication(betaUser())))
			.andExpect(status().isOk());
		assertThat(fixtures.count("SELECT count(*) FROM platform.customer_companies WHERE company_code = 'NTT-TAIWAN' "
				+ "AND customer_id = ?", beta.id())).isEqualTo(1);
		assertThat(as(TenantScope.company("NTT-TAIWAN"), "SELECT id FROM customers.customers")).contains(beta.id());
	}

	private Authentication betaUser() {
		return TestPrincipals.customerUser("CP-B-1", beta.id(), "VIEWER");
	}

	private Authentication alphaViewer() {
		return TestPrincipals.customerUser("CP-A-1", alpha.id(), "VIEWER");
	}

	private List<UUID> as(TenantScope scope, String sql) {
		return tenancy.call(Actor.job("isolation-test"), scope, () -> jdbc.sql(sql).query(UUID.class).list());
	}
}
