package portal.platform;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's rule is written so that PostgreSQL inlines it into the policies; it must
 * admit exactly what its former text (a function with subqueries, called per row) admitted.
 */
@PortalIntegrationTest
@DisplayName("R-7.5 The row-level-security rule, inlined into the policies, admits what it always did")
class PolicyRuleIntegrationTests {

	private static final Actor TESTER = Actor.job("policy-rule-test");

	/** The rule as the platform's migrations first wrote it, with its subqueries. */
	private static final String FORMER_RULE = """
			SELECT CASE platform.current_scope()
				WHEN 'all' THEN true
				WHEN 'system' THEN true
				WHEN 'customer' THEN CAST(:owner AS uuid) IS NOT NULL AND CAST(:owner AS uuid) = platform.current_customer()
				WHEN 'company' THEN CAST(:owner AS uuid) IS NOT NULL AND EXISTS (
					SELECT 1 FROM platform.customer_companies cc
					WHERE cc.customer_id = CAST(:owner AS uuid) AND cc.company_code = current_setting('portal.company', true))
				WHEN 'service-system' THEN CAST(:owner AS uuid) IS NOT NULL AND EXISTS (
					SELECT 1 FROM platform.customer_companies cc
					WHERE cc.customer_id = CAST(:owner AS uuid) AND cc.company_code = current_setting('portal.company', true))
				ELSE false END""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	UUID alpha;

	UUID beta;

	@BeforeEach
	void twoCustomersOneOfThemWithAnAffiliate() {
		alpha = UUID.randomUUID();
		beta = UUID.randomUUID();
		tenancy.run(TESTER, TenantScope.system(), () -> {
			jdbc.sql("INSERT INTO probe.notes (customer_id, body) VALUES (?, 'alpha'), (?, 'beta')").params(alpha, beta)
				.update();
			jdbc.sql("INSERT INTO platform.customer_companies (company_code, customer_id) VALUES ('AFF-RULE', ?)")
				.param(alpha)
				.update();
		});
	}

	@Test
	@DisplayName("R-7.5 customers, company staff, systems, all-customer staff, jobs and no scope: same answer as the former rule")
	void ruleAgreesWithItsFormerText() {
		Map<String, TenantScope> scopes = new LinkedHashMap<>();
		scopes.put("alpha's user", TenantScope.customer(alpha));
		scopes.put("beta's user", TenantScope.customer(beta));
		scopes.put("the affiliate's staff", TenantScope.company("AFF-RULE"));
		scopes.put("another company's staff", TenantScope.company("AFF-OTHER"));
		scopes.put("the affiliate's system", TenantScope.serviceSystem("AFF-RULE"));
		scopes.put("another company's system", TenantScope.serviceSystem("AFF-OTHER"));
		scopes.put("staff of all customers", TenantScope.allCustomers());
		scopes.put("a job", TenantScope.system());
		scopes.put("no scope", TenantScope.none());
		List<Boolean> answers = new ArrayList<>();
		for (Map.Entry<String, TenantScope> scope : scopes.entrySet()) {
			for (UUID owner : Arrays.asList(alpha, beta, null)) {
				boolean former = tenancy.call(TESTER, scope.getValue(), () -> jdbc.sql(FORMER_RULE)
					.param("owner", text(owner), Types.VARCHAR).query(Boolean.class).single());
				boolean now = tenancy.call(TESTER, scope.getValue(), () -> jdbc
					.sql("SELECT platform.may_see(CAST(:owner AS uuid))")
					.param("owner", text(owner), Types.VARCHAR).query(Boolean.class).single());
				assertThat(now).as("%s, owner %s", scope.getKey(), owner).isEqualTo(former);
				if (owner != null) {
					long seen = tenancy.call(TESTER, scope.getValue(), () -> jdbc
						.sql("SELECT count(*) FROM probe.notes WHERE customer_id = ?").param(owner)
						.query(Long.class).single());
					assertThat(seen > 0).as("%s reading %s's rows", scope.getKey(), owner).isEqualTo(former);
				}
				answers.add(former);
			}
		}
		// Both answers occur: the comparison is not vacuous.
		assertThat(answers).contains(true, false);
	}

	@Test
	@DisplayName("R-7.5 a policy applies the rule inline, not as a function call per row")
	void policyAppliesTheRuleInline() {
		String plan = tenancy.call(TESTER, TenantScope.customer(alpha), () -> String.join("\n", jdbc
			.sql("EXPLAIN (VERBOSE, COSTS OFF) SELECT body FROM probe.notes").query(String.class).list()));
		assertThat(plan).contains("current_setting('portal.customer_id'").doesNotContain("may_see(");
	}

	private static String text(UUID owner) {
		return owner == null ? null : owner.toString();
	}
}
