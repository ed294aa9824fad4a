package portal.customers;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Actor;
import portal.platform.PortalPrincipal;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Small factories for the customers tests: customers, system keys issued through the module,
 * reports sent through the system API, and counts taken past the tenancy wall. Every name
 * carries a per-test suffix because all integration tests share one database.
 */
final class CustomerFixtures {

	private final MockMvc mvc;

	private final Customers customers;

	private final ServiceSystemKeys keys;

	private final Tenancy tenancy;

	private final JdbcClient jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

	CustomerFixtures(MockMvc mvc, Customers customers, ServiceSystemKeys keys, Tenancy tenancy, JdbcClient jdbc) {
		this.mvc = mvc;
		this.customers = customers;
		this.keys = keys;
		this.tenancy = tenancy;
		this.jdbc = jdbc;
	}

	/** A name unique to this test, such as {@code T-1A2B3C4D-uno}. */
	String unique(String name) {
		return "T-" + run + "-" + name;
	}

	CustomerSummary customer(String legalName, String country) {
		return asSystem(() -> customers.register(legalName + " " + run, country, "1-1 Test Street, " + country));
	}

	/** A key issued by the Company's staff, as the console would. */
	String key(String company) {
		return tenancy.call(Actor.staff("ST-TEST"), TenantScope.allCustomers(),
				() -> keys.issue(("feed-" + run + "-" + company).toLowerCase(Locale.ROOT), company));
	}

	ResultActions putContract(String token, String contractNo, String body) throws Exception {
		return mvc.perform(put("/api/v1/system/contracts/{no}", contractNo).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions putInstance(String token, String instanceId, String body) throws Exception {
		return mvc.perform(put("/api/v1/system/service-instances/{id}", instanceId)
			.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	static String contract(String service, String company, String legalName, String customerCode, String state,
			String endDate) {
		return """
				{"relevantService": "%s", "contractingCompany": "%s",
				 "customerOfRecord": {"legalName": "%s", "registrationNumber": "REG-1"},
				 %s "startDate": "2024-04-01", %s "state": "%s"}"""
			.formatted(service, company, legalName,
					customerCode.isEmpty() ? "" : "\"customerCode\": \"" + customerCode + "\",",
					endDate.isEmpty() ? "" : "\"endDate\": \"" + endDate + "\",", state);
	}

	static String activeContract(String service, String company, String legalName, String customerCode) {
		return contract(service, company, legalName, customerCode, "active", "");
	}

	static String instance(String contractNo, String kind, String label, String attributes, String state) {
		return """
				{"contractNo": "%s", "kind": "%s", "label": "%s", "attributes": %s, "state": "%s"}"""
			.formatted(contractNo, kind, label, attributes, state);
	}

	/** An Arcstar Universal One circuit, valid for its descriptor. */
	static String circuit(String contractNo, String label, String state) {
		return instance(contractNo, "circuit", label, """
				{"circuitId": "CID-1001", "siteName": "Test site", "country": "JP", "accessType": "ethernet",
				 "bandwidthMbps": 100}""", state);
	}

	long count(String sql, Object... params) {
		return asSystem(() -> jdbc.sql(sql).params(Arrays.asList(params)).query(Long.class).single());
	}

	<T> T asSystem(Supplier<T> work) {
		return tenancy.call(Actor.job("customers-test"), TenantScope.system(), work);
	}

	/** Staff of one affiliate, limited to the customers that hold a contract with it. */
	static Authentication affiliateStaff(String loginId, String company, String... roles) {
		String[] authorities = new String[roles.length + 1];
		authorities[0] = "ROLE_STAFF";
		for (int i = 0; i < roles.length; i++) {
			authorities[i + 1] = "ROLE_STAFF_" + roles[i];
		}
		return UsernamePasswordAuthenticationToken.authenticated(
				new Principal(Actor.staff(loginId), TenantScope.company(company)), null,
				AuthorityUtils.createAuthorityList(authorities));
	}

	record Principal(Actor actor, TenantScope scope) implements PortalPrincipal {
	}
}
