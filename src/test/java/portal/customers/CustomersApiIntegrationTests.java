package portal.customers;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.events.ContractEnded;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@RecordApplicationEvents
@DisplayName("The customers module's API for other modules")
class CustomersApiIntegrationTests {

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

	String key;

	@BeforeEach
	void keyOfTheCompany() {
		fixtures = new CustomerFixtures(mvc, customers, keys, tenancy, jdbc);
		key = fixtures.key("COMPANY");
	}

	@Test
	@DisplayName("R-5.2 the applicant is checked against the contracts it names: found, active, customer of record")
	void customerOfRecordCheck() throws Exception {
		String active = fixtures.unique("active");
		String ended = fixtures.unique("ended");
		String foreign = fixtures.unique("foreign");
		fixtures.putContract(key, active, CustomerFixtures.activeContract("ocn-for-business", "COMPANY",
				"Kawasemi Shoji K.K.", "")).andExpect(status().isCreated());
		fixtures.putContract(key, ended, CustomerFixtures.contract("ocn-for-business", "COMPANY", "Kawasemi Shoji K.K.",
				"", "ended", "2025-01-31")).andExpect(status().isCreated());
		fixtures.putContract(key, foreign, CustomerFixtures.activeContract("ocn-for-business", "COMPANY",
				"Someone Else Ltd", "")).andExpect(status().isCreated());

		ContractCheck check = asDesk(() -> customers.checkCustomerOfRecord("  kawasemi   SHOJI k.k. ",
				List.of(active, ended, foreign, fixtures.unique("missing"))));

		assertThat(check.passed()).isTrue();
		assertThat(check.findings()).extracting(ContractCheck.Finding::found).containsExactly(true, true, true, false);
		assertThat(check.findings()).extracting(ContractCheck.Finding::active).containsExactly(true, false, true, false);
		assertThat(check.findings()).extracting(ContractCheck.Finding::customerOfRecordMatches)
			.containsExactly(true, true, false, false);
		assertThat(check.findings().get(0).contractingCompany()).isEqualTo("COMPANY");
		assertThat(asDesk(() -> customers.checkCustomerOfRecord("Kawasemi Shoji K.K.", List.of(ended, foreign)))
			.passed()).isFalse();
	}

	@Test
	@DisplayName("R-9.3 when the last active contract ends, ContractEnded is published and all contracts have ended")
	void allContractsEnded(ApplicationEvents events) throws Exception {
		CustomerSummary customer = fixtures.customer("Ending Co", "JP");
		String first = fixtures.unique("first");
		String second = fixtures.unique("second");
		fixtures.putContract(key, first, CustomerFixtures.activeContract("ocn-for-business", "COMPANY", customer.legalName(),
				customer.code())).andExpect(status().isCreated());
		fixtures.putContract(key, second, CustomerFixtures.activeContract("ocn-for-business", "COMPANY", customer.legalName(),
				customer.code())).andExpect(status().isCreated());
		assertThat(asDesk(() -> customers.allContractsEnded(customer.id()))).isFalse();

		fixtures.putContract(key, first, CustomerFixtures.contract("ocn-for-business", "COMPANY", "Ending Co", "",
				"ended", "2025-06-30")).andExpect(status().isOk());
		assertThat(asDesk(() -> customers.allContractsEnded(customer.id()))).isFalse();
		fixtures.putContract(key, second, CustomerFixtures.contract("ocn-for-business", "COMPANY", "Ending Co", "",
				"ended", "2025-06-30")).andExpect(status().isOk());

		assertThat(asDesk(() -> customers.allContractsEnded(customer.id()))).isTrue();
		assertThat(events.stream(ContractEnded.class).filter(e -> customer.id().equals(e.customerId())))
			.extracting(ContractEnded::contractNo).containsExactly(first, second);
		assertThat(asDesk(() -> customers.contractsOf(customer.id()))).extracting(ContractSummary::active)
			.containsOnly(false);
	}

	@Test
	@DisplayName("R-9.3 a customer without contracts has not had all its contracts end")
	void noContractsIsNotAllEnded() {
		CustomerSummary customer = fixtures.customer("Fresh Co", "JP");
		assertThat(asDesk(() -> customers.allContractsEnded(customer.id()))).isFalse();
	}

	@Test
	@DisplayName("R-7.5 customers are found by code and id, and their codes are issued in order")
	void customersByCodeAndId() {
		CustomerSummary first = fixtures.customer("First Co", "JP");
		CustomerSummary second = fixtures.customer("Second Co", "JP");
		assertThat(first.code()).matches("C-\\d{4,}");
		assertThat(Integer.parseInt(second.code().substring(2))).isGreaterThan(Integer.parseInt(first.code().substring(2)));
		assertThat(asDesk(() -> customers.byCode(first.code()))).contains(first);
		assertThat(asDesk(() -> customers.byId(first.id()))).contains(first);
		assertThat(tenancy.call(Actor.user("CP-2"), TenantScope.customer(second.id()),
				() -> customers.byCode(first.code()))).isEmpty();
	}

	private <T> T asDesk(Supplier<T> work) {
		return tenancy.call(Actor.staff("ST-DESK-1"), TenantScope.allCustomers(), work);
	}
}
