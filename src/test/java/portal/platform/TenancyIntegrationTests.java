package portal.platform;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import portal.PortalIntegrationTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalIntegrationTest
@DisplayName("R-7.5 Tenant isolation at the row-level-security wall")
class TenancyIntegrationTests {

	private static final Actor TESTER = Actor.job("tenancy-test");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	DataSource dataSource;

	UUID alpha;

	UUID beta;

	@BeforeEach
	void twoTenantsWithOneNoteEach() {
		alpha = UUID.randomUUID();
		beta = UUID.randomUUID();
		tenancy.run(TESTER, TenantScope.system(), () -> {
			insertNote(alpha, "alpha's note");
			insertNote(beta, "beta's note");
			jdbc.sql("INSERT INTO platform.customer_companies (company_code, customer_id) VALUES ('AFF-X', ?)")
				.param(alpha)
				.update();
		});
	}

	@Test
	@DisplayName("R-7.5 a query without a customer filter returns only the current tenant's rows")
	void unfilteredQuerySeesOnlyOwnRows() {
		List<UUID> owners = as(TenantScope.customer(alpha), () -> jdbc
			.sql("SELECT customer_id FROM probe.notes WHERE customer_id IN (?, ?)").params(alpha, beta)
			.query(UUID.class).list());
		assertThat(owners).containsOnly(alpha).isNotEmpty();
	}

	@Test
	@DisplayName("R-7.5 inserting a row of another tenant is refused")
	void insertingForAnotherTenantFails() {
		assertThatThrownBy(() -> tenancy.run(TESTER, TenantScope.customer(alpha), () -> insertNote(beta, "sneaky")))
			.isInstanceOf(DataAccessException.class)
			.rootCause().hasMessageContaining("row-level security");
		assertThat(notesOf(beta)).containsExactly("beta's note");
	}

	@Test
	@DisplayName("R-7.5 updating another tenant's row changes nothing, and moving a row to another tenant is refused")
	void updatingAnotherTenantsRowFails() {
		int touched = as(TenantScope.customer(alpha), () -> jdbc
			.sql("UPDATE probe.notes SET body = 'overwritten' WHERE customer_id = ?").param(beta).update());
		assertThat(touched).isZero();
		assertThatThrownBy(() -> tenancy.run(TESTER, TenantScope.customer(alpha), () -> jdbc
			.sql("UPDATE probe.notes SET customer_id = ? WHERE customer_id = ?").params(beta, alpha).update()))
			.isInstanceOf(DataAccessException.class)
			.rootCause().hasMessageContaining("row-level security");
		assertThat(notesOf(beta)).containsExactly("beta's note");
		assertThat(notesOf(alpha)).containsExactly("alpha's note");
	}

	@Test
	@DisplayName("R-7.5 with no tenant context a query returns nothing, not everything")
	void noContextSeesNothing() {
		long visible = jdbc.sql("SELECT count(*) FROM probe.notes").query(Long.class).single();
		assertThat(visible).isZero();
		assertThat(as(TenantScope.none(), () -> jdbc.sql("SELECT count(*) FROM probe.notes")
			.query(Long.class).single())).isZero();
	}

	@Test
	@DisplayName("R-7.5 staff of an affiliate see only customers with a contract with that affiliate")
	void companyScopedStaffSeeOnlyTheirCustomers() {
		List<UUID> owners = as(TenantScope.company("AFF-X"), () -> jdbc
			.sql("SELECT customer_id FROM probe.notes WHERE customer_id IN (?, ?)").params(alpha, beta)
			.query(UUID.class).list());
		assertThat(owners).containsOnly(alpha).isNotEmpty();
		List<UUID> otherCompany = as(TenantScope.company("AFF-Y"), () -> jdbc
			.sql("SELECT customer_id FROM probe.notes WHERE customer_id IN (?, ?)").params(alpha, beta)
			.query(UUID.class).list());
		assertThat(otherCompany).isEmpty();
	}

	@Test
	@DisplayName("R-7.5 a connection back in the pool keeps no tenant setting")
	void pooledConnectionsForgetTheirScope() {
		as(TenantScope.customer(alpha), () -> jdbc.sql("SELECT 1").query(Integer.class).single());
		String scope = jdbc.sql("SELECT platform.current_scope()").query(String.class).single();
		assertThat(scope).isEqualTo("none");
	}

	@Test
	@DisplayName("R-7.5 the acting login ID reaches the policies under a customer's scope, and is left out where every row is visible")
	void actorOnlyWherePoliciesReadIt() {
		Actor user = Actor.user("CP09990001");
		String asCustomer = tenancy.call(user, TenantScope.customer(alpha),
				() -> jdbc.sql("SELECT current_setting('portal.actor', true)").query(String.class).single());
		assertThat(asCustomer).isEqualTo("CP09990001");
		String asSystem = tenancy.call(user, TenantScope.system(),
				() -> jdbc.sql("SELECT current_setting('portal.actor', true)").query(String.class).single());
		assertThat(asSystem).isEmpty();
		// Under the system scope the policies let everything through without asking who acts.
		assertThat(tenancy.call(user, TenantScope.system(), () -> notesOf(alpha))).containsExactly("alpha's note");
	}

	@Test
	@DisplayName("R-7.5 the application's database role can neither bypass nor escape row-level security")
	void applicationRoleIsBoundByRowLevelSecurity() {
		var role = jdbc.sql("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
			.query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
			.single();
		assertThat(role).containsExactly(false, false);
		assertThatThrownBy(() -> jdbc.sql("ALTER TABLE probe.notes DISABLE ROW LEVEL SECURITY").update())
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	@DisplayName("R-7.5 a table the application role creates in its own session cannot stand in for one that a function"
			+ " running as the owner reads: every such function searches the session's temporary tables last")
	void ownerRunFunctionsSearchTemporaryTablesLast() {
		List<String> functions = jdbc.sql("""
				SELECT p.oid::regprocedure::text || ' ' || coalesce(array_to_string(p.proconfig, ','), '(no settings)')
				FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')""")
			.query(String.class)
			.list();
		assertThat(functions).isNotEmpty()
			.allSatisfy(function -> assertThat(function).as(function).matches(".* search_path=[^,]*(, ?[^,]+)*, ?pg_temp(,.*)?"));
	}

	private List<String> notesOf(UUID customer) {
		return as(TenantScope.system(), () -> jdbc.sql("SELECT body FROM probe.notes WHERE customer_id = ?")
			.param(customer).query(String.class).list());
	}

	private void insertNote(UUID customer, String body) {
		jdbc.sql("INSERT INTO probe.notes (customer_id, body) VALUES (?, ?)").params(customer, body).update();
	}

	private <T> T as(TenantScope scope, java.util.function.Supplier<T> work) {
		return tenancy.call(TESTER, scope, work);
	}
}
