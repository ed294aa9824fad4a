package portal.orders;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customers with an Arcstar Universal One circuit, reported through the system API as a
 * relevant-service system would; names carry a per-test suffix since tests share one database.
 */
final class OrderFixtures {

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

	private final MockMvc mvc;

	private final Customers customers;

	private final ServiceSystemKeys keys;

	private final Tenancy tenancy;

	private final JdbcClient jdbc;

	OrderFixtures(MockMvc mvc, Customers customers, ServiceSystemKeys keys, Tenancy tenancy, JdbcClient jdbc) {
		this.mvc = mvc;
		this.customers = customers;
		this.keys = keys;
		this.tenancy = tenancy;
		this.jdbc = jdbc;
	}

	/** A customer holding one circuit of the company; the circuit's id is {@code <run>-<name>-c1}. */
	record Holder(CustomerSummary customer, String contractNo, String circuit, String key) {

		Authentication orderer() {
			return TestPrincipals.customerUser("CP-ORD-" + customer.code(), customer.id(), "ORDERER");
		}

		Authentication administrator() {
			return TestPrincipals.customerUser("CP-ADM-" + customer.code(), customer.id(), "ADMINISTRATOR");
		}
	}

	Holder holder(String name, String company) throws Exception {
		CustomerSummary customer = asSystem(() -> customers.register(name + " " + run, "JP", "1-1 Test Street"));
		String key = asStaff(() -> keys.issue(("orders-" + run + "-" + name + "-" + company).toLowerCase(Locale.ROOT),
				company));
		String contractNo = "T-" + run + "-" + name;
		mvc.perform(put("/api/v1/system/contracts/{no}", contractNo).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"relevantService": "arcstar-universal-one", "contractingCompany": "%s",
					 "customerOfRecord": {"legalName": "%s", "registrationNumber": "REG-1"},
					 "customerCode": "%s", "startDate": "2024-04-01", "state": "active"}"""
				.formatted(company, customer.legalName(), customer.code())))
			.andExpect(status().isCreated());
		String circuit = contractNo + "-c1";
		mvc.perform(put("/api/v1/system/service-instances/{id}", circuit).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"contractNo": "%s", "kind": "circuit", "label": "Head office", "state": "active",
					 "attributes": {"circuitId": "CID-1001", "siteName": "Head office", "country": "JP",
					 "accessType": "ethernet", "bandwidthMbps": 100}}""".formatted(contractNo)))
			.andExpect(status().isCreated());
		return new Holder(customer, contractNo, circuit, key);
	}

	/** Another circuit on the holder's contract, {@code <contract>-<suffix>}. */
	String circuit(Holder holder, String suffix) throws Exception {
		String circuit = holder.contractNo() + "-" + suffix;
		mvc.perform(put("/api/v1/system/service-instances/{id}", circuit).header("Authorization", "Bearer " + holder.key())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"contractNo": "%s", "kind": "circuit", "label": "Branch", "state": "active",
					 "attributes": {"circuitId": "CID-1002", "siteName": "Branch", "country": "JP",
					 "accessType": "ethernet", "bandwidthMbps": 50}}""".formatted(holder.contractNo())))
			.andExpect(status().isCreated());
		return circuit;
	}

	static String bandwidthChange(String instanceId, String bandwidth) {
		return """
				{"description": "More bandwidth for the head office", "items": [{"orderType": "change-bandwidth",
				 "instanceId": "%s", "parameters": {"bandwidthMbps": "%s", "effectiveDate": "2026-12-10"}}]}"""
			.formatted(instanceId, bandwidth);
	}

	/** Staff of one affiliate, limited to the customers that hold a contract with it. */
	static Authentication affiliateStaff(String loginId, String company, String... roles) {
		String[] authorities = new String[roles.length + 1];
		authorities[0] = "ROLE_STAFF";
		for (int i = 0; i < roles.length; i++) {
			authorities[i + 1] = "ROLE_STAFF_" + roles[i];
		}
		return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
				new CompanyStaff(Actor.staff(loginId), TenantScope.company(company)), null,
				org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(authorities));
	}

	record CompanyStaff(Actor actor, TenantScope scope) implements portal.platform.PortalPrincipal {
	}

	long count(String sql, Object... params) {
		return asSystem(() -> jdbc.sql(sql).params(java.util.Arrays.asList(params)).query(Long.class).single());
	}

	<T> T asSystem(Supplier<T> work) {
		return tenancy.call(Actor.job("orders-test"), TenantScope.system(), work);
	}

	private <T> T asStaff(Supplier<T> work) {
		return tenancy.call(Actor.staff("ST-TEST"), TenantScope.allCustomers(), work);
	}
}
