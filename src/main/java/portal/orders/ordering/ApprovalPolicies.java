package portal.orders.ordering;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.SqlArrays;

/** Each customer's approval policy; a customer without a row requires no approval. */
@Repository
class ApprovalPolicies {

	private final JdbcClient jdbc;

	ApprovalPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ApprovalPolicy of(UUID customer) {
		return jdbc.sql("SELECT all_orders, order_types, relevant_services FROM orders.approval_policies"
				+ " WHERE customer_id = ?")
			.param(customer)
			.query((rs, n) -> new ApprovalPolicy(rs.getBoolean(1), strings(rs.getArray(2)), strings(rs.getArray(3))))
			.optional().orElse(ApprovalPolicy.NONE);
	}

	void save(UUID customer, ApprovalPolicy policy, String actor, Instant now) {
		jdbc.sql("""
				INSERT INTO orders.approval_policies (customer_id, all_orders, order_types, relevant_services, updated_by,
					updated_at)
				VALUES (?, ?, CAST(? AS text[]), CAST(? AS text[]), ?, ?)
				ON CONFLICT (customer_id) DO UPDATE SET all_orders = EXCLUDED.all_orders,
					order_types = EXCLUDED.order_types, relevant_services = EXCLUDED.relevant_services,
					updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
			.params(customer, policy.allOrders(), SqlArrays.text(policy.orderTypes()),
					SqlArrays.text(policy.relevantServices()), actor, Timestamp.from(now))
			.update();
	}

	private static Set<String> strings(Array array) throws SQLException {
		return array == null ? Set.of() : Set.of((String[]) array.getArray());
	}
}
