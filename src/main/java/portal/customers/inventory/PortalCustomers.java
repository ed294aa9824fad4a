package portal.customers.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.TenantScope;

/**
 * The Portal Customers. Every read takes the reader's scope and filters by it in SQL, so the
 * row-level-security wall is the second line, not the only one.
 */
@Repository
class PortalCustomers {

	private static final String COLUMNS = "id, code, legal_name, country, registered_address, state";

	private final JdbcClient jdbc;

	PortalCustomers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextCode() {
		long next = jdbc.sql("SELECT nextval('customers.customer_code_seq')").query(Long.class).single();
		return String.format("C-%04d", next);
	}

	void insert(PortalCustomer customer, Instant now) {
		CustomerRow row = customer.row();
		jdbc.sql("""
				INSERT INTO customers.customers (id, code, legal_name, country, registered_address, state, created_at,
					updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.id(), row.code(), row.legalName(), row.country(), row.registeredAddress(), row.state(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** customers_code */
	Optional<CustomerRow> byCode(String code, TenantScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("code", code);
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.customers cu WHERE cu.code = :code"
				+ scoped(scope, params))
			.params(params).query(PortalCustomers::row).optional();
	}

	/** The customer a feed names by code, whether or not it is in the feed's scope yet. */
	Optional<CustomerRow> toLink(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.customer_by_code(?)").param(code)
			.query(PortalCustomers::row).optional();
	}

	Optional<CustomerRow> byId(UUID id, TenantScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.customers cu WHERE cu.id = :id" + scoped(scope, params))
			.params(params).query(PortalCustomers::row).optional();
	}

	/** Customers whose code or legal name contains the text, ignoring case, by code. */
	InventoryPage<CustomerRow> search(String text, Paging paging, TenantScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("pattern", Like.containing(text));
		String where = " WHERE (cu.code ILIKE :pattern OR cu.legal_name ILIKE :pattern)" + scoped(scope, params);
		long total = jdbc.sql("SELECT count(*) FROM customers.customers cu" + where).params(params)
			.query(Long.class).single();
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<CustomerRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM customers.customers cu" + where
				+ " ORDER BY cu.code LIMIT :limit OFFSET :offset")
			.params(params).query(PortalCustomers::row).list();
		return new InventoryPage<>(rows, paging.page(), paging.size(), total);
	}

	/** The explicit form of the wall: the same rule as platform.may_see, in the query itself. */
	private static String scoped(TenantScope scope, Map<String, Object> params) {
		return switch (scope.kind()) {
			case ALL, SYSTEM -> "";
			case CUSTOMER -> {
				params.put("scopeCustomer", scope.customerId().orElseThrow());
				yield " AND cu.id = :scopeCustomer";
			}
			case COMPANY, SERVICE_SYSTEM -> {
				params.put("scopeCompany", scope.companyCode().orElseThrow());
				// contracts_company_customer
				yield " AND EXISTS (SELECT 1 FROM customers.contracts c"
						+ " WHERE c.contracting_company = :scopeCompany AND c.customer_id = cu.id)";
			}
			case NONE -> " AND false";
		};
	}

	private static CustomerRow row(ResultSet rs, int n) throws SQLException {
		return new CustomerRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("legal_name"),
				rs.getString("country"), rs.getString("registered_address"), rs.getString("state"));
	}
}
