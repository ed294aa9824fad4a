package portal.customers;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scope of a relevant-service system's key at the row-level-security wall: two
 * customers, one holding a contract with the key's company and one holding only another
 * company's, and queries that name no customer and no company.
 */
@PortalIntegrationTest
@DisplayName("R-7.5 R-7.6 A system key's connection sees only its contracting company's customers and contracts")
class ServiceSystemScopeIntegrationTests {

	private static final String COMPANY = "NTT-SINGAPORE";

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

	CustomerSummary mine;

	CustomerSummary theirs;

	String myContract;

	String theirContract;

	@BeforeEach
	void twoCustomersOfTwoCompanies() throws Exception {
		fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		mine = fixtures.customer("Merlion Mine", "SG");
		theirs = fixtures.customer("Fuji Theirs", "JP");
		myContract = fixtures.unique("mine");
		theirContract = fixtures.unique("theirs");
		String myKey = fixtures.key(COMPANY);
		String companyKey = fixtures.key("COMPANY");
		fixtures.putContract(myKey, myContract, CustomerFixtures.activeContract("arcstar-universal-one", COMPANY,
				mine.legalName(), mine.code())).andExpect(status().isCreated());
		fixtures.putContract(companyKey, theirContract, CustomerFixtures.activeContract("arcstar-universal-one",
				"COMPANY", theirs.legalName(), theirs.code())).andExpect(status().isCreated());
		fixtures.putInstance(myKey, fixtures.unique("my-circuit"), CustomerFixtures.circuit(myContract, "Mine", "active"))
			.andExpect(status().isCreated());
		fixtures.putInstance(companyKey, fixtures.unique("their-circuit"),
				CustomerFixtures.circuit(theirContract, "Theirs", "active")).andExpect(status().isCreated());
	}

	@Test
	@DisplayName("R-7.5 unfiltered queries on customers, contracts and instances return none of another company's rows")
	void unfilteredQueriesSeeOnlyTheKeysCompany() {
		List<UUID> visibleCustomers = asKey(() -> jdbc.sql("SELECT id FROM customers.customers").query(UUID.class).list());
		assertThat(visibleCustomers).contains(mine.id()).doesNotContain(theirs.id());
		List<String> companies = asKey(() -> jdbc.sql("SELECT DISTINCT contracting_company FROM customers.contracts")
			.query(String.class).list());
		assertThat(companies).containsExactly(COMPANY);
		List<String> instanceContracts = asKey(() -> jdbc
			.sql("SELECT contract_no FROM customers.service_instances").query(String.class).list());
		assertThat(instanceContracts).contains(myContract).doesNotContain(theirContract);
		List<String> theirRows = asKey(() -> jdbc.sql("SELECT contract_no FROM customers.contracts WHERE customer_id = ?")
			.param(theirs.id()).query(String.class).list());
		assertThat(theirRows).isEmpty();
	}

	@Test
	@DisplayName("R-7.5 a key's connection can neither create nor change rows under another company's contracts")
	void writesStayUnderTheKeysCompany() {
		assertThatThrownBy(() -> asKey(() -> jdbc.sql("""
				INSERT INTO customers.contracts (contract_no, relevant_service, contracting_company, record_legal_name,
					record_registration_number, customer_id, start_date, state, created_at, updated_at)
				VALUES (?, 'arcstar-universal-one', 'COMPANY', 'X', 'R', ?, current_date, 'active', now(), now())""")
			.params(fixtures.unique("forged"), mine.id()).update()))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
		assertThatThrownBy(() -> asKey(() -> jdbc.sql("""
				INSERT INTO customers.service_instances (id, contract_no, relevant_service, kind, label, state,
					created_at, updated_at)
				VALUES (?, ?, 'arcstar-universal-one', 'circuit', 'Forged', 'active', now(), now())""")
			.params(fixtures.unique("forged-circuit"), theirContract).update()))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
		int changed = asKey(() -> jdbc.sql("UPDATE customers.contracts SET state = 'ended' WHERE contract_no = ?")
			.param(theirContract).update());
		assertThat(changed).isZero();
		assertThat(fixtures.count("SELECT count(*) FROM customers.contracts WHERE contract_no = ? AND state = 'active'",
				theirContract)).isEqualTo(1);
	}

	private <T> T asKey(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.serviceSystem("feed-test"), TenantScope.serviceSystem(COMPANY), work);
	}
}
